"""Pages whose dates order the header: a notice's masthead over its date, a topic page's dated items."""

from __future__ import annotations

from kuril_research.ingest.parse.lexicon import FurnitureLexicon, furniture_reason
from kuril_research.ingest.parse.records import Removed
from kuril_research.ingest.parse.text import SENTENCE_END_RE

__all__ = ["dated_masthead_end", "item_page_start"]


def dated_masthead_end(lines: list[tuple[int, str, bool]], removed: list[Removed]) -> int:
    """How many leading lines are a masthead in a page that prints its headers, then a date, then the headline:
    two or more heading lines (no sentence end), a removed date line, one heading line, then a sentence
    (parliamentary minutes, official notices). 0 if the page does not look like that."""
    dates = {r.line for r in removed if r.reason == "date line"}
    bylines = {r.line for r in removed if r.reason == "byline"}
    for d in range(2, len(lines) - 1):
        if not any(lines[d - 1][0] < n < lines[d][0] for n in dates):
            continue
        if any(lines[0][0] < n < lines[d][0] for n in bylines):
            return 0  # a headline with its byline over the date: a story, not a notice's masthead
        heads = all(not SENTENCE_END_RE.search(line) for _, line, _ in lines[:d + 1])
        return d if heads and SENTENCE_END_RE.search(lines[d + 1][1]) else 0
    return 0


def item_page_start(lines: list[tuple[int, str, bool]], removed: list[Removed], lex: FurnitureLexicon) -> int | None:
    """Index of the first item of a page that lists several items (a topic page, a news digest): two or more
    heading lines (no sentence end) each printed right above a removed date line. The page's own heading is
    then the line above the first item, never the first item's headline. None if the page is not like that
    or has no line above its first item.

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> lines = [(1, "Japan-Russia Relations", True), (3, "Ferries resume", True), (5, "The ferry sailed.", True),
    ...          (7, "Kelp season delayed", True), (9, "Ice stays.", True)]
    >>> dates = [Removed(4, "Mar. 11, 2026 17:05 JST", "date line"), Removed(8, "Mar. 9, 2026 19:20 JST", "date line")]
    >>> item_page_start(lines, dates, default_furniture())
    1
    >>> item_page_start(lines, dates[:1], default_furniture()) is None
    True
    """
    dated = set()
    for r in removed:
        if r.reason == "date line" or (r.reason == "repeated line"
                                       and furniture_reason(r.text, lexicon=lex) == "date line"):
            dated.add(r.line)
    heads = [i for i, (number, line, _) in enumerate(lines)
             if number + 1 in dated and not SENTENCE_END_RE.search(line)]
    if len(heads) < 2 or heads[0] < 1:
        return None
    if any(r.reason == "byline" and r.line < lines[heads[0]][0] for r in removed):
        return None  # a story with its byline (a live page's timed entries are no topic page's items)
    return heads[0]
