"""A speech clause set off by commas inside a sentence (rule 4c of :mod:`kuril_research.ingest.voice`).

"Tokyo, it said, had chosen "a path of open hostility""; "Russia, he added, would not negotiate "on the basis
of demands""; "Abe's gamble, as one Japanese diplomat told me at the time, was to "bank the two"". The clause
between the commas attributes the whole sentence: its subject speaks the fragment after it, not the
sentence's own subject (what the words are about) nor the nearest name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kuril_research.ingest.voice.model import Cand

#: What opens a parenthetical speech clause right before its subject: a comma, and "as" ("…, as X told me, …").
OPENING_RE = re.compile(r",\s+(?:as\s+)?$")
#: The rest of the clause after its verb, up to the comma that closes it: "me at the time,".
CLOSING_RE = re.compile(r"[^,.;:!?\"“”«»()]{0,40}?,\s")
#: How far before a candidate its opening comma may stand (characters).
OPENING_REACH = 6


def parenthetical_speaker(text: str, cands: Sequence[Cand], start: int, subject_verb_re: re.Pattern) -> Cand | None:
    """The subject of the last speech clause set off by commas among ``cands`` (the candidates of the sentence
    before the fragment at ``start``), when the clause closes before the fragment; None if there is none.

    Examples
    --------
    >>> verb = re.compile(r"(?:\\s+[a-z]+){0,3}?\\s+(?:said|added|told)\\b")
    >>> t = 'Tokyo, it said, had chosen "a path of hostility".'
    >>> [c.text for c in [parenthetical_speaker(t, [Cand(0, 5, "place", None, "Tokyo"),
    ...                                             Cand(7, 9, "organisation", None, "it", True)], 27, verb)]]
    ['it']
    >>> t = 'Tokyo said it had chosen "a path of hostility".'
    >>> parenthetical_speaker(t, [Cand(0, 5, "place", None, "Tokyo")], 26, verb) is None
    True
    """
    for c in reversed(cands):
        if c.end >= start or not OPENING_RE.search(text, max(0, c.start - OPENING_REACH), c.start):
            continue
        verb = subject_verb_re.match(text, c.end)
        close = CLOSING_RE.match(text, verb.end()) if verb is not None else None
        if close is not None and close.end() <= start:
            return c
    return None
