"""The blocks of a page's layout read around its headline and under its story.

Around the headline: the lead paragraph and the heading line over it (:func:`headline_over_lead`), a block of
bylines and dates that closes the header (:func:`block_between`, :func:`dated_between`), the writers' names beside
it (:func:`drop_byline_names`), unlabelled key points (:func:`summary_lines`). Under the story: the sign-off
(:func:`is_sign_off`) and other stories' headlines or tag rows (:func:`is_trailing_link`). And the paragraphs a
copy broke over several lines (:func:`join_hard_wraps`).
"""

from __future__ import annotations

import re

from kuril_research.ingest.parse.dateline import LEAD_MIN_WORDS
from kuril_research.ingest.parse.header import STANDFIRST_FOLLOWERS, has_headline_verb, is_site_header
from kuril_research.ingest.parse.lexicon import FurnitureLexicon
from kuril_research.ingest.parse.records import Removed
from kuril_research.ingest.parse.text import SENTENCE_END_RE, STATEMENT_END_RE

__all__ = ["HEADLINE_MAX_WORDS", "STANDFIRST_MAX_WORDS", "SIGN_OFF_WORDS", "BULLETS", "DATED_BLOCK",
           "headline_over_lead", "summary_lines", "block_between", "is_single_spaced_headline", "drop_byline_names",
           "is_lead_paragraph", "dated_between", "is_sign_off", "is_trailing_link", "join_hard_wraps"]

#: A headline that ends in a full stop is taken only when it is this short.
HEADLINE_MAX_WORDS = 15
#: The byline and date block under a headline and its standfirst.
DATED_BLOCK = frozenset({"byline", "date line"})


#: The lead paragraph of a page without blank lines is looked for among this many first kept lines.
LEAD_SCAN_LINES = 6


def headline_over_lead(kept: list[tuple[int, str, bool]], lex: FurnitureLexicon) -> int | None:
    """Index of the headline of a page copied with single line breaks, when no blank line marks it: the heading line
    (no sentence end) right over the first lead paragraph (:func:`is_lead_paragraph`, opening in a capital: not the
    second half of a hard-wrapped paragraph) among the first
    :data:`LEAD_SCAN_LINES` lines, or the one above it when that has a headline verb and the line over the lead
    has none of its own marks (a standfirst without a full stop under its headline). The lines above the headline
    are the site's (name, slogan). None when no heading line stands over the lead.

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> lead = "Japan lodged a protest with Moscow on Tuesday over drills on two of the islands, officials said."
    >>> lines = ["Independent news from the Pacific coast", "Japan protests Russian drills on the islands", lead]
    >>> headline_over_lead([(n, line, False) for n, line in enumerate(lines, start=1)], default_furniture())
    1
    >>> lines = ["Japan protests Russian drills", "Tokyo says the exercises are unacceptable", lead]
    >>> headline_over_lead([(n, line, False) for n, line in enumerate(lines, start=1)], default_furniture())
    0
    """
    lead = next((i for i, (_, line, _) in enumerate(kept[:LEAD_SCAN_LINES]) if is_lead_paragraph(line)), None)
    if lead is None or lead < 1 or SENTENCE_END_RE.search(kept[lead - 1][1]) \
            or not kept[lead][1].lstrip("\"'“‘«")[:1].isupper() \
            or len(kept[lead - 1][1].split()) > STANDFIRST_MAX_WORDS:
        return None
    above = lead - 2
    if above >= 0 and not SENTENCE_END_RE.search(kept[above][1]) and has_headline_verb(kept[above][1], lex) \
            and not is_site_header(kept[above][1], lex) and has_headline_verb(kept[lead - 1][1], lex) \
            and len(kept[above][1].split()) <= HEADLINE_MAX_WORDS:
        return above  # a headline over its standfirst
    return lead - 1


#: Unlabelled key points under a headline are two to this many lines.
SUMMARY_MAX_LINES = 4


def summary_lines(body: list[tuple[int, str, bool]], between: dict[int, str], lex: FurnitureLexicon) -> int:
    """How many lines open ``body`` (the lines under a headline) as unlabelled key points: two to
    :data:`SUMMARY_MAX_LINES` short lines (``list_item_chars``) opening in a capital without a sentence end, one
    right under the other, after a blank line and closed by the byline and date block (``between``: removed lines
    by number). 0 if none.

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> body = [(3, "Ten warships sailed through the strait", True), (4, "Analysts see a signal to Tokyo", False),
    ...         (7, "The ships sailed on Monday.", True)]
    >>> summary_lines(body, {6: "byline"}, default_furniture()), summary_lines(body, {}, default_furniture())
    (2, 0)
    """
    if not body or not body[0][2]:
        return 0
    n = 1
    while n < min(len(body), SUMMARY_MAX_LINES + 1) and body[n][0] == body[n - 1][0] + 1:
        n += 1
    if not 2 <= n <= SUMMARY_MAX_LINES or n >= len(body):
        return 0
    if any(SENTENCE_END_RE.search(line) or len(line) > lex.list_item_chars or not line.lstrip(BULLETS)[:1].isupper()
           for _, line, _ in body[:n]):  # (a standfirst wrapped over two lines goes on in lower case)
        return 0
    return n if any(between.get(k) in DATED_BLOCK for k in range(body[n - 1][0] + 1, body[n][0])) else 0


def block_between(upper: tuple[int, str, bool], lower: tuple[int, str, bool], removed: list[Removed]) -> bool:
    """Whether a byline, date, share bar or photo credit was removed between two kept lines: on a page copied with
    single line breaks, that block closes the header (headline, standfirst) as a blank line would.

    Examples
    --------
    >>> upper, lower = (1, "Ferry talks resume", False), (4, "Japan said so.", False)
    >>> block_between(upper, lower, [Removed(2, "By Jane Roe", "byline")])
    True
    >>> block_between(upper, lower, [Removed(2, "Asia", "section label")])
    False
    """
    return any(upper[0] < r.line < lower[0] and r.reason in STANDFIRST_FOLLOWERS for r in removed)


def is_single_spaced_headline(line: str, next_line: str) -> bool:
    """A headline printed right over the first paragraph with no blank line between (pages copied with single
    line breaks): a short line without a sentence end over a long sentence opening in a capital, not the first
    half of a hard-wrapped paragraph.

    Examples
    --------
    >>> lead = "Japan lodged a protest with Moscow on Tuesday over military drills on two of the islands."
    >>> is_single_spaced_headline("Japan protests Russian drills", lead)
    True
    >>> is_single_spaced_headline("Japan lodged a protest with Moscow on Tuesday over military", "drills on the islands.")
    False
    """
    return (len(line.split()) <= HEADLINE_MAX_WORDS and not SENTENCE_END_RE.search(line)
            and next_line.lstrip("\"'“‘«")[:1].isupper()
            and len(next_line.split()) >= LEAD_MIN_WORDS and SENTENCE_END_RE.search(next_line) is not None)


#: The byline block under a headline is looked for among this many lines.
BYLINE_BLOCK_LINES = 4
#: A standfirst printed right under its headline is at most this long.
STANDFIRST_MAX_WORDS = 45


def drop_byline_names(body: list[tuple[int, str, bool]], removed: list[Removed],
                      lex: FurnitureLexicon) -> list[tuple[int, str, bool]]:
    """Remove (log as "byline") the names printed right above or below a removed byline or date line among the
    first :data:`BYLINE_BLOCK_LINES` lines under a headline ("The Daily Post" / "9:18 JST, May 2"): short
    capitalised lines (:func:`is_site_header`) without a full stop. ``removed`` is extended in place."""
    dated = {r.line for r in removed if r.reason in ("date line", "byline")}
    out = []
    for i, (number, line, blank) in enumerate(body):
        if i < BYLINE_BLOCK_LINES and (number - 1 in dated or number + 1 in dated) and is_site_header(line, lex) \
                and not STATEMENT_END_RE.search(line):
            removed.append(Removed(number, line, "byline"))
        else:
            out.append((number, line, blank))
    return out


def is_lead_paragraph(line: str) -> bool:
    """A line that reads as a paragraph of the story: a sentence of :data:`LEAD_MIN_WORDS` words or more."""
    return len(line.split()) >= LEAD_MIN_WORDS and SENTENCE_END_RE.search(line) is not None


def dated_between(upper: tuple[int, str, bool], lower: tuple[int, str, bool], removed: list[Removed]) -> bool:
    """Whether a byline or a date line was removed between two kept lines: the upper one then ends the header
    (a standfirst or a headline), as in "Rock bottom" / rubric / "Dec 3rd 2026 | TOKYO"."""
    return any(r.reason in ("byline", "date line") and upper[0] < r.line < lower[0] for r in removed)


#: Bullet signs that open a list item.
BULLETS = "•·▪►*-–— "
#: A sign-off under the story is short.
SIGN_OFF_WORDS = 4


def is_sign_off(line: str) -> bool:
    """A short capitalised line without a sentence end: as the story's last line, the agency's or
    paper's sign-off ("Jiji Press", "The Daily Post") or a leftover label, never text.

    Examples
    --------
    >>> is_sign_off("Jiji Press"), is_sign_off("Thank you."), is_sign_off("the islands")
    (True, False, False)
    >>> is_sign_off("• Trending Japan"), is_sign_off("• G7 Summit")
    (True, True)
    """
    line = line.lstrip(BULLETS)  # the items of a link list left under the story ("• Trending Japan")
    words = line.split()
    return 0 < len(words) <= SIGN_OFF_WORDS and line[:1].isupper() and not SENTENCE_END_RE.search(line)


def is_trailing_link(line: str, lex: FurnitureLexicon) -> bool:
    """A line under the story's last sentence that is no sentence: a short line (``list_item_chars``) without a
    sentence end, the headline of another story or a row of tags left under the story.

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> is_trailing_link("Japan protests Russian missile test on disputed island", default_furniture())
    True
    >>> is_trailing_link("Talks will resume in spring.", default_furniture())
    False
    >>> is_trailing_link('"We will not give up," he said', default_furniture())
    False
    >>> is_trailing_link('"We will never give up the islands"', default_furniture())
    False
    >>> is_trailing_link("Talks have been frozen since 2022. Harbour Wire", default_furniture())  # a sign-off
    False
    """
    line = line.lstrip(BULLETS)
    return 0 < len(line) <= lex.list_item_chars and not SENTENCE_END_RE.search(line) \
        and not INNER_SENTENCE_END_RE.search(line) and not QUOTE_CLOSE_RE.search(line) and line[-1] not in "”\"»’'"


#: A sentence ends inside the line: the last paragraph with the agency's name after it ("... since 2022. (ANI)").
INNER_SENTENCE_END_RE = re.compile(r"[a-z0-9)\"”’][.!?]\s")
#: A line that closes a quotation ends the story's text, whatever its last sign ('"..., " he said').
QUOTE_CLOSE_RE = re.compile(r"[”\"»]\s*(?:\w+\s+){0,4}(?:said|says|added|told \w+|wrote|noted)\Z")


def join_hard_wraps(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if out and not SENTENCE_END_RE.search(out[-1]) and line[:1].islower() and len(out[-1]) > 40:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out
