"""The records the voice rules pass around: quotations, voiced mentions, speaker candidates, spans."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from kuril_research.ingest.gazetteer import Mention


WORD_RE = re.compile(r"\S+")
SUBJECT_TYPES = frozenset({"place", "organisation", "person"})
OTHER_SIDE = {"japanese": "russian", "russian": "japanese"}
#: How far a naming cue's scope may reach past its end at most (characters; the scope is also word-limited).
CUE_SCOPE_CHARS = 600


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``text[start:end]`` are the quoted words, marks excluded.

    ``speaker`` is a gazetteer entity id (or None); ``speaker_text`` the speaker as the text names them
    (a full name, else the role or institution), also when the speaker is not in the gazetteer.
    """

    start: int
    end: int
    para_id: int
    speaker: str | None
    speaker_cue: str | None
    speaker_text: str | None = None


@dataclass(frozen=True, slots=True)
class VoicedMention:
    """A gazetteer mention with its voice (narrator | quoted | attributed)."""

    mention: Mention
    voice: str
    speaker: str | None
    quote_id: int | None
    speaker_text: str | None = None


class Cand(NamedTuple):  # a speaker candidate: a mention, an unknown name or a role phrase (entity None)
    start: int
    end: int
    kind: str
    entity: str | None
    text: str
    role: bool = False


class Event(NamedTuple):  # someone was named as speaking at ``pos``
    pos: int
    entity: str | None
    text: str
    kind: str
    cue: str
    para_id: int
    established: bool


class Subj(NamedTuple):  # a side-bearing subject: a mention, a side word or a resolved pronoun
    start: int
    end: int
    entity: str
    kind: str
    text: str


class Cue(NamedTuple):  # a naming cue and its scope [end, scope_end)
    start: int
    end: int
    scope_end: int
    entity: str
    kind: str
    text: str
    copula: bool = False  # a copula cue ("For Tokyo, the island is"): the name must follow it closely
    clause_end: int = 0  # where the cue's clause ends (scope_end before the word limit); 0: at scope_end


class Spans:
    """Sorted, non-overlapping spans with lookup of the one containing a position."""

    def __init__(self, spans: Sequence[tuple[int, ...]]) -> None:
        self.spans = list(spans)
        self.starts = [s[0] for s in self.spans]

    def at(self, pos: int) -> int | None:
        i = bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos < self.spans[i][1] else None

    def overlapping(self, span: tuple[int, ...]) -> bool:
        """Whether one of the spans starts inside [span[0], span[1])."""
        i = bisect_right(self.starts, span[1] - 1) - 1
        return i >= 0 and self.spans[i][0] >= span[0]

    def bounds(self, pos: int, default: tuple[int, int]) -> tuple[int, int]:
        i = self.at(pos)
        return default if i is None else self.spans[i][:2]
