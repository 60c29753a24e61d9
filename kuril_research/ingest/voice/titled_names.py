"""A title and the name it introduces are one speaker (rule 4).

News names an official by a title and then the name, and the name is the speaker, however the title is written:

- a title with its complement right before the name, no comma between (a style of wires and of translations from
  Russian and Japanese): "the Governor of Hokkaido Naomichi Suzuki", "The press secretary of the President Dmitry
  Peskov", "Japan's Ambassador to Georgia Hiroshi Kanzaki";
- a possessive description in apposition after the name: "Dmitry Peskov, Mr Putin's spokesman, confirmed ...".

In both the description only says who the named person is; left as a candidate of its own, a later "he said" or
"the Governor said" takes it up in place of the name. :func:`merge_titles` drops such descriptions, so that the
name stands for the person.
"""

from __future__ import annotations

import re

from kuril_research.ingest.voice.lexicon_record import VoiceLexicon
from kuril_research.ingest.voice.model import Cand
from kuril_research.ingest.voice.speaker_cues import DETERMINER_RE, named_person

__all__ = ["COMPLEMENT_RE", "APPOSED_OWNER_RE", "merge_titles", "titles_name", "name_heads"]

#: A title's complement between the title and the name, no comma in it: " of Hokkaido ", " of the President ",
#: " to Georgia ", " of the Federal Agency for Fishery ". Up to six capitalised words after the preposition, with
#: "of", "for", "and" or "the" between them.
COMPLEMENT_RE = re.compile(r"\s+(?:of|to|for|at)\s+(?:the\s+)?[A-Z][\w’'.-]*"
                           r"(?:\s+(?:(?:of|for|and|the)\s+)?[A-Z][\w’'.-]*){0,5}\s+")
#: What opens a title before its words: an article or an owner's possessive ("the", "Japan's").
TITLE_OPENING_RE = re.compile(r"(?:(?:the|a|an)\s+|[A-Z][\w.-]*[’']s\s+)?", re.I)
#: A word as written, punctuation included.
WORD_RUN_RE = re.compile(r"\S+")
#: How many words a title may have before its complement ("the First Deputy Prime Minister").
TITLE_WORDS = 4
#: Between a name and a possessive description in apposition after it: a comma ("Dmitry Peskov, Mr Putin's
#: spokesman, ...").
APPOSED_OWNER_RE = re.compile(r",\s+")


def merge_titles(text: str, cands: list[Cand]) -> list[Cand]:
    """The candidates without the descriptions that only title a name next to them (rules in the module docstring).

    A person's description (a role phrase, a described or possessive phrase: no name itself) is dropped when the
    next candidate is a person's name that its complement reaches (:data:`COMPLEMENT_RE`, the whole gap between
    them) or when it stands in apposition right after a person's name and holds a possessive ("Mr Putin's
    spokesman").

    Examples
    --------
    >>> text = "The Governor of Hokkaido Naomichi Suzuki spoke."
    >>> cands = [Cand(0, 12, "person", None, "The Governor", True),
    ...          Cand(25, 40, "person", "naomichi_suzuki", "Naomichi Suzuki")]
    >>> [c.text for c in merge_titles(text, cands)]
    ['Naomichi Suzuki']
    >>> text = "Dmitry Peskov, Mr Putin's spokesman, agreed."
    >>> cands = [Cand(0, 13, "person", "dmitry_peskov", "Dmitry Peskov"),
    ...          Cand(15, 35, "person", None, "Mr Putin's spokesman")]
    >>> [c.text for c in merge_titles(text, cands)]
    ['Dmitry Peskov']
    """
    ordered = sorted(cands, key=lambda c: (c.start, c.end))
    dropped: set[int] = set()
    for i, c in enumerate(ordered):
        if c.kind != "person" or (named_person(c) and not c.role):
            continue
        after = ordered[i + 1] if i + 1 < len(ordered) else None
        if after is not None and after.kind == "person" and not after.role and named_person(after) \
                and COMPLEMENT_RE.fullmatch(text, c.end, after.start):
            dropped.add(i)  # "the Governor of Hokkaido Naomichi Suzuki": the name speaks
            continue
        before = ordered[i - 1] if i > 0 else None
        if before is not None and before.kind == "person" and not before.role and named_person(before) \
                and ("’" in c.text or "'" in c.text) and APPOSED_OWNER_RE.fullmatch(text, before.end, c.start):
            dropped.add(i)  # "Dmitry Peskov, Mr Putin's spokesman,": Peskov
    return [c for i, c in enumerate(ordered) if i not in dropped]


def titles_name(text: str, start: int, name_start: int, lex: VoiceLexicon) -> bool:
    """Whether ``text[start:name_start]`` is a person's title with its complement, right before a name: an
    article or possessive, title words that ``role_kinds`` lists as a person's ("governor", "press secretary"),
    and :data:`COMPLEMENT_RE` up to the name. "The government of Prime Minister X" is no such title: a
    government is an organisation.

    Examples
    --------
    >>> from kuril_research.ingest.voice.lexicon import load_voice_lexicon
    >>> lex = load_voice_lexicon()
    >>> text = "the Governor of Hokkaido Naomichi Suzuki"
    >>> titles_name(text, 0, text.index("Naomichi"), lex)
    True
    >>> text = "The government of Prime Minister Sanae Takaichi"
    >>> titles_name(text, 0, text.index("Sanae"), lex)
    False
    """
    opening = TITLE_OPENING_RE.match(text, start, name_start)
    words = list(WORD_RUN_RE.finditer(text, opening.end(), name_start))[:TITLE_WORDS]
    return any(lex.role_kinds.get("the " + " ".join(w.group() for w in words[:k + 1]).lower()) == "person"
               and COMPLEMENT_RE.fullmatch(text, word.end(), name_start)
               for k, word in enumerate(words))


def name_heads(text: str, start: int, name_start: int, lex: VoiceLexicon) -> bool:
    """Whether the name at ``name_start`` heads the phrase ``text[start:]`` that ends in it: a title with no
    article before it ("Minister in charge of Northern Territories Affairs Ryoichi Maekawa"), or a person's title
    with its complement after an article or possessive (:func:`titles_name`); not "The government of Prime
    Minister X", whose head is the government.

    Examples
    --------
    >>> from kuril_research.ingest.voice.lexicon import load_voice_lexicon
    >>> text = "Minister in charge of Northern Territories Affairs Ryoichi Maekawa"
    >>> name_heads(text, 0, text.index("Ryoichi"), load_voice_lexicon())
    True
    """
    return not DETERMINER_RE.match(text, start) or titles_name(text, start, name_start, lex)
