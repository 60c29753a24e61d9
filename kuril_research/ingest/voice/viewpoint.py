"""A side's point of view before a copula (rule 3c): the names of the clause's subject are that side's usage too.

"For Japan, Etorofu, Kunashiri, Shikotan and the Habomai islets are ...": the clause gives Japan's view, so every
name in it, the subject before the copula included, is Japan's usage (data/gold/FORMAT.md). The copula cues of
``voice.yaml`` give the name after the copula ("For Tokyo, the island is Kunashiri"); this module gives the cue
over the subject between the comma and the copula. Only a point of view counts ("for", "to", "as far as ... is
concerned", "in Tokyo's view", "in the eyes of"), not a place or a language ("In Japanese, Iturup is Etorofu": the
subject is the outlet's name, the name after the copula Japan's).
"""

from __future__ import annotations

import re

from kuril_research.ingest.voice.model import Cue, Subj

#: A copula cue that gives a side's point of view, by its opening or its possessive noun.
VIEWPOINT_RE = re.compile(r"(?:for|to|as\s+far\s+as|in\s+the\s+(?:eyes|view)\s+of)\s|.*?'s\s+(?:view|eyes|opinion|"
                          r"reading|perspective|point\s+of\s+view|standpoint),", re.I | re.S)
#: The comma after the point of view, and the copula ending the cue.
COMMA_RE = re.compile(r",\s*")
COPULA_END_RE = re.compile(r"\s+\w+$")


def viewpoint_subject_cue(text: str, start: int, end: int, subject: Subj) -> Cue | None:
    """The cue over the subject of a point-of-view copula cue matched at ``text[start:end]`` (from the comma after
    the point of view to the copula), or None if the cue gives no point of view or has no comma.

    Examples
    --------
    >>> text = "For Japan, Etorofu and Kunashiri are inherent territory."
    >>> cue = viewpoint_subject_cue(text, 0, 36, Subj(4, 9, "japan", "place", "Japan"))
    >>> text[cue.end:cue.scope_end]
    'Etorofu and Kunashiri'
    >>> viewpoint_subject_cue("In Japanese, Iturup is Etorofu.", 0, 22, Subj(3, 11, "japan", "word", "Japanese"))
    """
    if VIEWPOINT_RE.match(text, start, end) is None:
        return None
    comma = COMMA_RE.search(text, subject.end, end)
    copula = COPULA_END_RE.search(text, subject.end, end)
    if comma is None or copula is None or copula.start() <= comma.end():
        return None
    return Cue(start, comma.end(), copula.start(), subject.entity, subject.kind, subject.text)
