"""Groups named by a side's adjective (rule 4a of :mod:`kuril_research.ingest.voice`): "Some Japanese critics".

A naming cue's subject may be a side word (``subject_words``: "Japanese", "Russian") used as the adjective of
a plural noun: "Some Japanese critics call that a "two-island sellout"". The side word gives the cue its side;
the quotation's speaker is the group as written, with a quantifier before it ("Some Japanese critics"), not
the bare adjective.
"""

from __future__ import annotations

import re

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
