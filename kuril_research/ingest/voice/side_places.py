"""A side's place as the subject of its clause (rule 4 of :mod:`kuril_research.ingest.voice`, ``side_place_speakers``).

A government speaks through its capital or country ("Moscow walked away, citing Tokyo's "unfriendly" sanctions").
Such a place is a speaker candidate when it opens a sentence (:mod:`~kuril_research.ingest.voice.candidates`),
and, by :func:`clause_subject`, after a time adverbial that opens it ("In 2022, Russia withdrew ..., citing"), or
after a semicolon or "that" as the subject of "said" ("; Moscow said it would not talk").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

#: A time adverbial opening a sentence before its subject: "In 2022, ", "In March 2022, ", "In 2023 ", "On Friday, ",
#: "Earlier this month, " (not "In the 1951 treaty, Japan renounced": the treaty speaks).
LEAD_RE = re.compile(r"(?:(?:in|since|by|after|during|until)\s+(?:(?:early|late|mid)[\s-]+)?(?:[A-Z][a-z]+\s+)?\d{4}"
                     r"|on\s+[A-Z][a-z]+day|(?:earlier|later|last)\s+(?:this\s+)?(?:week|month|year))(?:,\s+|\s+(?=[A-Z]))",
                     re.I)
#: What may stand right before a subject of "said": a semicolon, or "that" ("a show of force that Tokyo said it
#: "cannot accept"").
SPEAKING_LEAD_RE = re.compile(r"(?:;|\bthat)\s+$")
#: "said" right after the subject.
SAID_RE = re.compile(r"\s+(?:said|says)\b")


def clause_subject(text: str, start: int, end: int, sentence_starts: Sequence[int]) -> bool:
    """Whether a side's place is the subject of its clause though it does not open the sentence: after a time
    adverbial that does ("In 2022, Russia withdrew ..."), or after a semicolon or "that" with "said" right after
    it ("; Moscow said it would not talk"); the place is ``text[start:end]``.

    Examples
    --------
    >>> t = "Trade fell. In 2022, Russia withdrew, citing sanctions."
    >>> clause_subject(t, t.index("Russia"), t.index("Russia") + 6, [0, 12])
    True
    >>> t = "Trade fell. In the 1951 treaty, Japan renounced the islands."
    >>> clause_subject(t, t.index("Japan"), t.index("Japan") + 5, [0, 12])
    False
    """
    i = bisect_right(sentence_starts, start) - 1
    if i >= 0 and (lead := LEAD_RE.match(text, sentence_starts[i])) is not None and lead.end() == start:
        return True
    return bool(SPEAKING_LEAD_RE.search(text, max(0, start - 6), start) and SAID_RE.match(text, end))
