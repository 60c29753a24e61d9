"""The noun phrase a side word opens as the subject of a naming cue: "Some Japanese critics call that a "..."",
"Japanese embassy officials called the move "..."", "Russian lawmakers call the islands "..."".

The naming cue knows the side from its word ("Japanese", "Russian") and the nouns it qualifies; as a quotation's
speaker the subject is written in full, the nouns and a quantifier or article before the side word included,
not the bare adjective.
"""

from __future__ import annotations

import re

from kuril_research.ingest.voice.gaps import noun_gap_ends
from kuril_research.ingest.voice.model import Cue

#: A quantifier or article opening the subject phrase before its side word: "Some Japanese critics".
QUANTIFIER_BEFORE_RE = re.compile(r"(?<![\w’'-])(?:some|many|several|most|other|few|a few|the|two|three|four)\s+$",
                                  re.I)


#: Words that open a phrase of their own: the nouns after the side word end before them ("the old Japanese name
#: for the chain" is a name, not someone naming).
FUNCTION_WORDS = frozenset({"for", "of", "to", "in", "on", "at", "with", "by", "from", "the", "a", "an", "as", "and",
                            "or", "that", "which", "who"})


def side_phrase(text: str, cue: Cue) -> str | None:
    """The subject phrase of a naming cue whose subject is a side word with nouns after it, as written; None when
    the side word stands alone ("Japan calls them ...") or the cue has no side word (``kind`` "word").

    Examples
    --------
    >>> t = 'Some Japanese critics call that a "two-island sellout."'
    >>> side_phrase(t, Cue(5, 26, 60, "japan", "word", "Japanese"))
    'Some Japanese critics'
    >>> t = "Japan calls them the Northern Territories."
    >>> side_phrase(t, Cue(0, 11, 40, "japan", "place", "Japan")) is None
    True
    >>> t = 'the old Japanese name for the chain - and called them "our islands."'
    >>> side_phrase(t, Cue(8, 53, 70, "japan", "word", "Japanese")) is None
    True
    """
    if cue.kind != "word" or text[cue.start:cue.start + len(cue.text)] != cue.text:
        return None
    ends = [e for e in noun_gap_ends(text, cue.start + len(cue.text), cue.end) if text[e:cue.end].strip()]
    if not ends or any(w.lower() in FUNCTION_WORDS for w in text[cue.start:ends[-1]].split()):
        return None
    start = cue.start
    if (lead := QUANTIFIER_BEFORE_RE.search(text, max(0, start - 12), start)) is not None:
        start = lead.start()
    return " ".join(text[start:ends[-1]].split())
