"""Groups named by a side's adjective (rule 4a of :mod:`kuril_research.ingest.voice`): "Some Japanese critics".

A naming cue's subject may be a side word (``subject_words``: "Japanese", "Russian") used as the adjective of
a plural noun: "Some Japanese critics call that a "two-island sellout"". The side word gives the cue its side;
the quotation's speaker is the group as written, with a quantifier before it ("Some Japanese critics"), not
the bare adjective. Such a group opening a sentence or a clause is a speaker candidate of its own
(:func:`group_subjects`): "Japanese diplomats therefore avoid the word "sovereignty"".
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from kuril_research.ingest.voice.model import Cand

#: A quantifier right before the side word: part of the group's name ("Some Japanese critics").
QUANTIFIER_BEFORE_RE = re.compile(r"\b(?:some|many|most|several|few|other|all|both|the)\s+$", re.I)
#: The plural noun a side word qualifies, with at most one noun before it: " critics", " opposition lawmakers".
GROUP_NOUN_RE = re.compile(r"\s+(?:[a-z][a-z-]+\s+)?[a-z][a-z-]*[a-z]s\b(?=\s+[a-z])")


def side_group(text: str, word_start: int, word_end: int) -> str | None:
    """The group a side word at ``[word_start, word_end)`` qualifies, as written: the side word, the plural
    noun after it (one noun may stand before that) and a quantifier before it; None when no plural noun
    follows ("the Japanese call", "Japanese media").

    Examples
    --------
    >>> t = "Some Japanese critics call that a sellout."
    >>> side_group(t, 5, 13)
    'Some Japanese critics'
    >>> t = "The Japanese call it a sellout."
    >>> side_group(t, 4, 12) is None
    True
    """
    noun = GROUP_NOUN_RE.match(text, word_end)
    if noun is None:
        return None
    start = quantifier.start() if (quantifier := QUANTIFIER_BEFORE_RE.search(text, max(0, word_start - 10),
                                                                             word_start)) else word_start
    return " ".join(text[start:noun.end()].split())


#: A side adjective opening a sentence or clause (after its start, or a comma and a space) with its group after it.
GROUP_OPENING_RE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=,\s))(?:(?:Some|Many|Most|Several|Other|All|Both|The)\s+)?"
                              r"(?P<side>[A-Z][a-z]+)(?=\s)")


def group_subjects(text: str, side_words: Collection[str], taken: Sequence[tuple[int, int]] = ()) -> list[Cand]:
    """Groups named by a side adjective (``side_words``, lower case: "japanese", "russian") opening a sentence or
    a clause, as candidates of kind "group" (no role resolves to one: "the expert" is no group), written as in
    the text; none that overlaps a span of ``taken``.

    Examples
    --------
    >>> t = "Talks stalled. Japanese diplomats therefore avoid the word. The Japanese call it that."
    >>> [c.text for c in group_subjects(t, {"japanese"})]
    ['Japanese diplomats']
    """
    found = []
    for m in GROUP_OPENING_RE.finditer(text):
        if m.group("side").lower() not in side_words or (group := side_group(text, m.start("side"), m.end("side"))) is None:
            continue
        end = m.start() + len(group) if text.startswith(group, m.start()) else m.end("side")
        if any(s < end and m.start() < e for s, e in taken):
            continue
        found.append(Cand(m.start(), end, "group", None, group))
    return found
