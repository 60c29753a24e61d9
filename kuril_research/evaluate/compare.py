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

__all__ = ["ROLE_WORDS", "normalise_line", "speaker_key", "speaker_keys", "speakers_match"]

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
#: Prepositions that end the head of a described speaker ("a fisherman at the harbour").
_PREPOSITIONS = frozenset({"at", "from", "in", "of", "on", "for", "to", "with"})


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
    """The head words a speaker may be matched on: :func:`speaker_key`, and the head before a preposition.

    A described speaker is written with or without what follows its head noun
    ("a fisherman at the harbour", "a fisherman"; "the embassy in Seoul",
    "the embassy"), so the last word before the first of *at, from, in, of,
    on, for, to, with* is a key too, when words come before it.

    Examples
    --------
    >>> sorted(speaker_keys("A younger fisherman at the harbour"))
    ['fisherman', 'harbour']
    >>> sorted(speaker_keys("Governor of Sakhalin Valery Limarenko")), sorted(speaker_keys(None))
    (['governor', 'limarenko'], [])
    """
    key = speaker_key(speaker)
    if key is None:
        return frozenset()
    text = re.split(r"[,(]", normalise_line(speaker).lower(), maxsplit=1)[0]
    words = _WORD_RE.findall(re.sub(r"'s\b|s'(?=\s|$)", "", text))
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS and i > 0), None)
    return frozenset({key} | ({words[cut - 1]} if cut is not None else set()))


def speakers_match(predicted: str | None, gold: str | None) -> bool:
    """Whether a predicted speaker as written names the gold speaker (a shared key of :func:`speaker_keys`).

    Examples
    --------
    >>> speakers_match("Sergey Lavrov", "Foreign Minister Sergey Lavrov"), speakers_match("Lavrov", "Peskov")
    (True, False)
    >>> speakers_match("a woman", "a woman in a red jacket")
    True
    """
    return bool(speaker_keys(predicted) & speaker_keys(gold))
