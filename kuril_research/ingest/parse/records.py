"""What the parser returns: the parsed article and the log of removed lines."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ParsedArticle", "Removed"]


@dataclass(frozen=True, slots=True)
class Removed:
    """A line removed from the article, with its 1-based line number and the rule that removed it."""

    line: int
    text: str
    reason: str


@dataclass
class ParsedArticle:
    """The parts of one article. ``text`` is the clean body; paragraph offsets point into it."""

    title: str | None
    standfirst: str | None
    dateline: str | None
    dateline_place: str | None
    dateline_country: str | None
    dateline_month: int | None
    dateline_day: int | None
    agency: str | None
    paragraphs: list[tuple[int, int]]
    text: str
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

