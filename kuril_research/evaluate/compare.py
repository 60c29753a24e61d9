"""How a predicted string is compared with the gold: lines (titles, datelines) and speakers as written.

Titles, standfirsts and datelines compare after :func:`normalise_line`;
speakers on a head word (:func:`speaker_keys`), so that "Foreign Minister Sergey
Lavrov" and "Lavrov", or "a fisherman at the harbour" and "a fisherman", name
the same speaker. The rules are stated in :mod:`kuril_research.evaluate.names`.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

__all__ = ["POST_MODIFIERS", "ROLE_WORDS", "normalise_line", "quoted_part", "speaker_key", "speaker_keys",
           "speakers_match"]

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
                         "\u2033": '"'})
_SPACE_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"[a-z0-9][a-z0-9\-]*")
#: Words dropped before a speaker's head word is taken: articles, and role words and titles that precede a name.
ROLE_WORDS = frozenset("""
the a an mr mrs ms dr his her their its
russian japanese soviet us american chinese foreign defence defense deputy vice first chief senior acting former
prime minister ministers president secretary general spokesman spokeswoman spokesperson press official officials
cabinet chief top envoy ambassador lawmaker governor mayor head director diplomat ministry's
""".split())
#: Words that end the head of a described speaker: prepositions ("a fisherman at the harbour"), relative
#: pronouns ("an official who asked not to be named") and the adjectives that post-modify a person
#: ("a source close to the talks", "a diplomat familiar with them").
POST_MODIFIERS = frozenset("""
at from in of on for to with by near among
who whom whose which that
close familiar
""".split())
#: A family name in capitals before a given name, as Japanese government pages print names ("HAYASHI Yoshimasa").
_SURNAME_FIRST_RE = re.compile(r"\b([A-Z]{3,})\s+(?=[A-Z][a-z])")
#: Double quotation marks: a context's part between them is what a predicted quotation must hold.
_EDGE = " \t\n,.;:!?\u2026"
_DOUBLE_MARKS = "\"\u201c\u201d\u201e\u201f\u00ab\u00bb"


def normalise_line(text: object) -> str | None:
    """Return a title or dateline for comparison: NFKC, straight quotes, single spaces; None when empty.

    Examples
    --------
    >>> normalise_line("  Japan \\u201cprotests\\u201d  drills\\n")
    'Japan "protests" drills'
    >>> normalise_line(pd.NA) is None, normalise_line("  ") is None
    (True, True)
    """
    if text is None or text is pd.NA or (isinstance(text, float) and text != text):
        return None
    text = _SPACE_RE.sub(" ", unicodedata.normalize("NFKC", str(text)).translate(_QUOTES)).strip()
    return text or None


def speaker_key(speaker: str | None) -> str | None:
    """The head word of a speaker as written: a person's last name or an institution's head noun.

    Rule: NFKC, lower case, straight quotes; cut at the first comma or
    parenthesis ("Ivan Petrov, deputy minister" → "ivan petrov"); drop a
    possessive ``'s``; split into words; the key is the last word, except that
    a speaker made only of role words ("the spokeswoman") keeps that last role
    word. So "Russian Foreign Ministry Spokeswoman Maria Zakharova",
    "Zakharova" and "Ms Zakharova" share the key ``zakharova``; "the ministry"
    and "Russia's Foreign Ministry" share ``ministry``.

    Examples
    --------
    >>> speaker_key("Russian Foreign Ministry Spokeswoman Maria Zakharova")
    'zakharova'
    >>> speaker_key("Ivan Petrov, deputy minister"), speaker_key("the ministry's statement")
    ('petrov', 'statement')
    >>> speaker_key("the spokeswoman"), speaker_key(None)
    ('spokeswoman', None)
    """
    text = normalise_line(speaker)
    if text is None:
        return None
    text = re.split(r"[,(]", text.lower(), maxsplit=1)[0]
    text = re.sub(r"'s\b|s'(?=\s|$)", "", text)
    words = _WORD_RE.findall(text)
    return words[-1] if words else None


def speaker_keys(speaker: str | None) -> frozenset[str]:
    """The head words a speaker may be matched on: :func:`speaker_key`, and the head before a post-modifier.

    A described speaker is written with or without what follows its head noun
    ("a fisherman at the harbour", "a fisherman"; "a source close to the
    talks", "a source"; "a resolution adopted at the rally", "a
    resolution"), so the word before the first post-modifier is a key too,
    when words come before it. A post-modifier is a word of
    :data:`POST_MODIFIERS`, or, from the third word on, a participle (a word
    ending in *-ed* or *-ing*: "involved", "speaking"); a participle in the
    first two words is read as a pre-modifier ("a retired diplomat").
    A family name printed in capitals before a given name, as Japanese
    government pages print names ("Foreign Minister HAYASHI Yoshimasa"), is a
    key too.

    Examples
    --------
    >>> sorted(speaker_keys("A younger fisherman at the harbour"))
    ['fisherman', 'harbour']
    >>> sorted(speaker_keys("Governor of Sakhalin Valery Limarenko")), sorted(speaker_keys(None))
    (['governor', 'limarenko'], [])
    >>> sorted(speaker_keys("one former Russian diplomat involved in those talks"))
    ['diplomat', 'talks']
    >>> sorted(speaker_keys("a source close to the Prime Minister's Office")), sorted(speaker_keys("a retired diplomat"))
    (['office', 'source'], ['diplomat'])
    >>> speakers_match("Foreign Minister HAYASHI", "HAYASHI Yoshimasa"), speakers_match("MR PRICE", "Ned Price")
    (True, True)
    """
    key = speaker_key(speaker)
    if key is None:
        return frozenset()
    text = re.split(r"[,(]", normalise_line(speaker).lower(), maxsplit=1)[0]
    words = _WORD_RE.findall(re.sub(r"'s\b|s'(?=\s|$)", "", text))
    cut = next((i for i, w in enumerate(words)
                if i > 0 and (w in POST_MODIFIERS or (i > 1 and w.endswith(("ed", "ing"))))), None)
    surnames = {m.group(1).lower() for m in _SURNAME_FIRST_RE.finditer(normalise_line(speaker))}
    return frozenset({key} | ({words[cut - 1]} if cut is not None else set()) | surnames)


def quoted_part(context: str) -> tuple[int, int]:
    """Offsets, inside ``context``, of the words a predicted quotation must hold.

    A gold quotation's context is meant to be words from inside the
    quotation, but an annotator may have had to reach past a mark to make it
    unique ('rejected as "revanchist" remarks', 'never abandon" its claim').
    Rule: with no double quotation mark in the context, the whole context;
    otherwise the longest stretch between two marks or between a mark and an
    end of the context that reads as the inside of a quotation: an opening
    mark (at the start or after a space or an opening bracket) begins one, a
    closing mark ends one; without the spaces and the punctuation at its
    edges, which a quotation's span may or may not include ('talk,"').

    Examples
    --------
    >>> c = 'rejected as "revanchist" remarks'; c[slice(*quoted_part(c))]
    'revanchist'
    >>> c = 'never abandon" its claim'; c[slice(*quoted_part(c))]
    'never abandon'
    >>> c = 'will talk," Petrov said'; c[slice(*quoted_part(c))]
    'will talk'
    >>> c = 'the statement said: \u201cWe reject this'; c[slice(*quoted_part(c))]
    'We reject this'
    >>> quoted_part("words inside the quotation")
    (0, 26)
    """
    marks = [i for i, ch in enumerate(context) if ch in _DOUBLE_MARKS]
    if not marks:
        return 0, len(context)

    def opening(i: int) -> bool:
        ch = context[i]
        if ch in "\u201c\u201e\u00ab":
            return True
        if ch in "\u201d\u201f\u00bb":
            return False
        return i == 0 or context[i - 1] in " ([\u2014\u2013-"

    pieces = []
    if not opening(marks[0]):
        pieces.append((0, marks[0]))
    for here, there in zip(marks, marks[1:]):
        if opening(here):
            pieces.append((here + 1, there))
    if opening(marks[-1]):
        pieces.append((marks[-1] + 1, len(context)))
    pieces = [_trimmed(context, *p) for p in pieces]
    pieces = [p for p in pieces if p[1] > p[0]]
    return max(pieces, key=lambda p: p[1] - p[0]) if pieces else (0, len(context))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without the spaces and the punctuation a quotation may or may not end with."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def speakers_match(predicted: str | None, gold: str | None) -> bool:
    """Whether a predicted speaker as written names the gold speaker (a shared key of :func:`speaker_keys`).

    A name printed family name first ("Zhang Wenhao", "Kamikawa Yoko") is taken
    up by its first word ("Zhang said"), which is not its head word: one side
    written as a single capitalised word matches a name of two or three
    capitalised words (:func:`family_name_first`) that opens with it. Two full
    names that share only a given name ("Sergey Lavrov", "Sergey Shoigu") still
    differ.

    Examples
    --------
    >>> speakers_match("Sergey Lavrov", "Foreign Minister Sergey Lavrov"), speakers_match("Lavrov", "Peskov")
    (True, False)
    >>> speakers_match("a woman", "a woman in a red jacket")
    True
    >>> speakers_match("Zhang Wenhao", "Zhang"), speakers_match("Sergey Lavrov", "Sergey Shoigu")
    (True, False)
    """
    return bool(speaker_keys(predicted) & speaker_keys(gold)) \
        or family_name_first(predicted, gold) or family_name_first(gold, predicted)


#: A name of two or three capitalised words, nothing else.
_FULL_NAME_RE = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}")


def family_name_first(name: str | None, short: str | None) -> bool:
    """Whether ``short``, one capitalised word, is the first word of ``name``, two or three capitalised words
    after its titles (:data:`ROLE_WORDS`: "Foreign Minister Kamikawa Yoko" is "Kamikawa Yoko").

    Examples
    --------
    >>> family_name_first("Foreign Minister Kamikawa Yoko", "Kamikawa"), family_name_first("Yoko Kamikawa", "Kamikawa")
    (True, False)
    >>> family_name_first("Foreign Minister Kamikawa", "Foreign"), family_name_first(None, "Zhang")
    (False, False)
    """
    if not name or not short or not re.fullmatch(r"[A-Z][\w'’-]+", short := short.strip()) \
            or short.lower() in ROLE_WORDS:
        return False
    words = name.split()
    while words and words[0].lower() in ROLE_WORDS:
        words.pop(0)
    return bool(_FULL_NAME_RE.fullmatch(" ".join(words))) and words[0] == short
