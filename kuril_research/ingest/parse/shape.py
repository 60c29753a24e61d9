"""The headline read by its shape, when the rules of position took another header line for it (the standfirst's
shape: :mod:`.decks`).

The position rules (:mod:`kuril_research.ingest.parse.article`) find the headline where pages usually print it:
under the masthead's menu, over the byline, the date or the standfirst. On a layout they have not met (a trade
paper's kicker and deck, a think tank's "Publication:" line, a blog's category line, a video page's tools) they
may take a line that is no headline at all: a writer's name ("Rin Kobayashi", "Dmitri Lebedev, Moscow"), a date,
a button ("Leave your feedback"), a category list ("Featured, News of the Day"), a section's name ("Telegraph
Obituaries"); or none.

A headline has a shape of its own, whatever the site: four words or more, no full stop at its end, a finite
verb, a colon, a quotation mark or a lower-case content word (or, in title case, seven words or more), and none
of a byline's, date's or site name's shapes (:func:`is_headline_shaped`). And it stands under the page's
navigation: the site's name and slogan are printed above the first menu bar, the headline below it, before the
story's first paragraph. When the chosen title has no headline's shape, the first headline-shaped line in that
stretch of the page is the headline (:func:`headline_by_shape`); the line right under it, when the position
rules had taken it for the masthead too, is its standfirst.
"""

from __future__ import annotations

import re

from kuril_research.ingest.parse.captions import GLUED_CREDIT_RE, has_credit
from kuril_research.ingest.parse.header import (
    HEADLINE_MARKS_RE,
    is_tool_bar,
    SITE_NAME_JOINERS,
    has_headline_verb,
    is_byline_names,
    is_person_name,
)
from kuril_research.ingest.parse.lexicon import FurnitureLexicon, furniture_reason
from kuril_research.ingest.parse.records import Removed
from kuril_research.ingest.parse.text import SENTENCE_END_RE, STATEMENT_END_RE
from kuril_research.ingest.parse.timestamps import is_timestamp

__all__ = ["HEADLINE_SHAPE_MIN_WORDS", "HEADLINE_SHAPE_MAX_WORDS", "TITLE_CASE_HEADLINE_WORDS",
           "is_headline_shaped", "is_no_title", "same_heading", "SECTION_HEADINGS", "section_heading_title", "is_writers_line", "is_dated_line", "HeaderChoice", "line_of", "headline_by_shape", "body_under_headline",
           "BYLINE_PLACE_RE", "HEADER_REASONS", "LABEL_RE", "SENTENCE_BREAK_RE", "ISSUE_LABEL_RE"]

#: A headline read by its shape has at least this many words ("Japan protests Russian drills") ...
HEADLINE_SHAPE_MIN_WORDS = 4
#: ... and at most this many (a longer line is a paragraph or a deck).
HEADLINE_SHAPE_MAX_WORDS = 25
#: A headline in title case with no verb from the lexicon nor headline marks has at least this many words: shorter
#: title-case lines are site, section and category names ("Featured, News of the Day").
TITLE_CASE_HEADLINE_WORDS = 7
#: A byline with its writer's city ("Dmitri Lebedev, Moscow", "By Jane Roe in Tokyo").
BYLINE_PLACE_RE = re.compile(r"(?:[Bb]y\s+)?[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){1,2}(?:,\s*|\s+in\s+)[A-Z][\w'’.-]+"
                             r"(?:\s[A-Z][\w'’.-]+)?")
#: A line that opens with a full date, or holds a clock time ("March 27, 2001 05:00 PM Age: 25 years"): a date
#: line, whatever else it prints (a title may end in its date: "Briefing by the Spokeswoman, Moscow, July 16, 2026").
DATE_AT_START_RE = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}\b"
                              r"|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{4}\b", re.I)
CLOCK_INSIDE_RE = re.compile(r"\b\d{1,2}:\d{2}\s*(?:am|pm|a\.m\.|p\.m\.|[A-Z]{2,4}T\b|UTC\b)", re.I)
#: A labelled field of the page ("Publication: Monitor", "Source: ..."): no standfirst.
LABEL_RE = re.compile(r"[\w ]{1,30}:\s")
#: A full stop between two sentences inside a line ("... as purely defensive. In the words of"), not after a title
#: ("Mr. Abe"): a paragraph's line, not a headline.
SENTENCE_BREAK_RE = re.compile(r"\b(?!(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|No|vs|Jr|Sr)\.)[A-Za-z]*[a-z]\.\s+[A-Z]")
#: A page's labelled field ("Publication: Policy Brief", "Filed under: Asia"): a field's label, a colon, a short value.
FIELD_RE = re.compile(r"(?i:publication|published in|source|category|categories|filed under|section|series|type|"
                      r"volume|issue|author|authors|posted in|topics?|tags?|language|region|programs?|format|"
                      r"collection|department|office)\s*:\s*\S+(?:\s+\S+){0,3}")
#: What splits a menu bar into its items.
MENU_ITEM_SPLIT_RE = re.compile(r"\s*(?:[|>›»/]|\s{2,})\s*")
#: A place and its country or state alone on a line ("Tokyo, Japan", "Washington, D.C."): a briefing's place.
PLACE_COUNTRY_RE = re.compile(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?, [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?")
#: Removed header lines that the position rules may have taken for the masthead, a kicker or a caption while
#: they were the headline or its standfirst.
HEADER_REASONS = frozenset({"site header", "photo caption", "section label"})
#: Signs a headline may open with besides a capital or a figure.
OPENING_MARKS = "\"'“‘«["


def is_writers_line(line: str) -> bool:
    """Writers' names and nothing else, or a writer's name with a city ("Jane Roe and John Doe", "Kenji Aoyama,
    Sapporo"); a single name alone is :func:`~kuril_research.ingest.parse.header.is_person_name`.

    Examples
    --------
    >>> is_writers_line("Jane Roe and John Doe"), is_writers_line("Kenji Aoyama, Sapporo"), is_writers_line("Jane Roe")
    (True, True, False)
    """
    return bool(is_byline_names(line) or BYLINE_PLACE_RE.fullmatch(line))


def is_dated_line(line: str) -> bool:
    """A date line, or a line that opens with a date ("March 27, 2001 05:00 PM Age: 25 years").

    Examples
    --------
    >>> is_dated_line("June 4, 2026 10:30 AM"), is_dated_line("March 27, 2001 05:00 PM Age: 25 years")
    (True, True)
    >>> is_dated_line("Talks resume in March")
    False
    """
    return bool(is_timestamp(line) or DATE_AT_START_RE.match(line))


def is_headline_shaped(line: str, lex: FurnitureLexicon, title_case_words: int = TITLE_CASE_HEADLINE_WORDS) -> bool:
    """Whether ``line`` has a headline's shape: :data:`HEADLINE_SHAPE_MIN_WORDS` to
    :data:`HEADLINE_SHAPE_MAX_WORDS` words opening in a capital, a figure or a quotation mark; no full stop, colon
    or semicolon at its end nor between two sentences; no photo credit at its end; not in capitals; no writer's name (with or without a city), no date, no furniture
    pattern; and a headline verb (``headline_verbs``), a headline mark (colon, quotation mark, ? or !), a
    lower-case word that is not a joiner ("of", "the"), or, in title case, ``title_case_words`` words or more
    (:data:`TITLE_CASE_HEADLINE_WORDS` unless told).

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> lex = default_furniture()
    >>> is_headline_shaped("Ferry operators weigh winter timetable for the islands", lex)
    True
    >>> is_headline_shaped("Minister Warns Fishing Crews Over Border Zone At Kunashir", lex)
    True
    >>> is_headline_shaped("Kenji Aoyama, Sapporo", lex), is_headline_shaped("Read our coverage", lex)
    (False, False)
    >>> is_headline_shaped("Latest, Top Stories of the Week", lex), is_headline_shaped("June 4, 2026 10:30 AM", lex)
    (False, False)
    >>> is_headline_shaped("Posted May 4, 2026 09:15 AM by the desk", lex)
    False
    >>> is_headline_shaped("The ferry left the harbour at noon on Friday.", lex)
    False
    >>> is_headline_shaped("Fishing boats moored at Nemuro with Kunashir on the horizon.(Harbour Daily)", lex)
    False
    """
    words = line.split()
    if not HEADLINE_SHAPE_MIN_WORDS <= len(words) <= HEADLINE_SHAPE_MAX_WORDS:
        return False
    if STATEMENT_END_RE.search(line) or SENTENCE_BREAK_RE.search(line) or line.isupper() \
            or not (line[:1].isupper() or line[:1].isdigit() or line[:1] in OPENING_MARKS):
        return False
    if is_person_name(line) or is_writers_line(line):
        return False
    if has_credit(line) or GLUED_CREDIT_RE.search(line):
        return False  # a line ending in a photo's credit is a caption, never a headline
    if is_dated_line(line) or CLOCK_INSIDE_RE.search(line) or furniture_reason(line, lexicon=lex) is not None:
        return False
    if has_headline_verb(line, lex) or HEADLINE_MARKS_RE.search(line):
        return True
    if any(w[:1].islower() and w not in SITE_NAME_JOINERS for w in words):
        return True
    return len(words) >= title_case_words


#: A periodical's issue or volume label ("Issue #612", "Vol. 3, No. 12", "No. 27"): the edition, never a headline.
ISSUE_LABEL_RE = re.compile(r"(?i:issue|vol\.?|volume|no\.|number|edition)\s*#?\s*\d+"
                            r"(?:\s*[,/]?\s*(?i:issue|no\.|number)\s*#?\s*\d+)?")


def is_no_title(line: str, lex: FurnitureLexicon, menu_items: frozenset[str] = frozenset()) -> bool:
    """Whether a line the position rules took for the title is certainly none: writers' names, a writer's name and
    city, a place and its country ("Tokyo, Japan"), a date, a page's labelled field ("Publication: Policy Brief"), a line of furniture or page tools, or an
    item of the page's menu printed again over the story ("Our work" under "Home  About  Our work").
    ``menu_items`` are the menu's items, lower-cased.

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> lex = default_furniture()
    >>> is_no_title("Jane Roe, Sapporo", lex), is_no_title("Publication: Policy Brief", lex)
    (True, True)
    >>> is_no_title("Our work", lex, frozenset({"home", "our work"})), is_no_title("Our work", lex)
    (True, False)
    >>> is_no_title("The Border Issue", lex), is_no_title("Putin: No deal", lex)
    (False, False)
    >>> is_no_title("Issue #612", lex), is_no_title("Vol. 3, No. 12", lex), is_no_title("Issue 612 of the treaty", lex)
    (True, True, False)
    """
    return bool(is_writers_line(line) or PLACE_COUNTRY_RE.fullmatch(line) or is_dated_line(line)
                or FIELD_RE.fullmatch(line) or ISSUE_LABEL_RE.fullmatch(line.strip())
                or furniture_reason(line, lexicon=lex) is not None or is_tool_bar(line)
                or line.strip().lower() in menu_items)


def same_heading(line: str, title: str | None) -> bool:
    """Whether ``line`` prints the headline ``title`` again, in the same or another case and spacing ("Peskov Warns
    Of Talks" over "Peskov warns of talks": a page's title-case headline and its sentence-case copy).

    Examples
    --------
    >>> same_heading("Peskov Warns Of  Talks To Come", "Peskov warns of talks to come"), same_heading("Talks", None)
    (True, False)
    """
    return title is not None and " ".join(line.split()).casefold() == " ".join(title.split()).casefold()


class HeaderChoice:
    """The title, standfirst and body after :func:`headline_by_shape`, and the lines it removed."""

    __slots__ = ("title", "standfirst", "body", "removed")

    def __init__(self, title: str | None, standfirst: str | None, body: list[tuple[int, str, bool]],
                 removed: list[Removed]) -> None:
        self.title, self.standfirst, self.body, self.removed = title, standfirst, body, removed


def line_of(text: str | None, lines: list[str], taken: set[int]) -> int | None:
    """The 1-based number of the first line reading ``text`` that is neither in the body nor removed."""
    if text is None:
        return None
    return next((i for i, line in enumerate(lines, start=1) if i not in taken and line.strip() == text), None)


def _is_wrapped(number: int, lines: list[str], body_numbers: set[int], removed_numbers: set[int]) -> bool:
    """Whether body line ``number`` may be a line of a hard-wrapped paragraph: the line right above or under it
    (no blank line between) opens in lower case, or the line under it is a line of the body while the line above
    is not a removed line of the page's furniture (a headline stands apart: over a blank line or under the menu)."""
    near = [lines[i - 1].strip() for i in (number - 1, number + 1) if 1 <= i <= len(lines)]
    return any(line[:1].islower() for line in near) \
        or (number + 1 in body_numbers and number - 1 not in removed_numbers)


def _is_slogan_over_menu(number: int, lines: list[str], navigation: dict[int, str]) -> bool:
    """Whether the next non-blank line under line ``number`` is a menu bar (not writers' names): the line is then
    the site's slogan over its menu, not a headline."""
    below = next((i for i in range(number + 1, len(lines) + 1) if lines[i - 1].strip()), None)
    return below in navigation and not is_byline_names(navigation[below])


def headline_by_shape(lines: list[str], title: str | None, standfirst: str | None,
                      body: list[tuple[int, str, bool]], removed: list[Removed], lex: FurnitureLexicon,
                      *, dated: bool) -> HeaderChoice:
    """Put the headline right when the chosen ``title`` has no headline's shape (:func:`is_headline_shaped`).

    The headline is then the first headline-shaped line that stands under the page's first menu bar (a removed
    ``navigation`` line; the top of the page when there is none) and over the story's first paragraph (the
    dateline's paragraph when ``dated``, else the first body line that reads as a paragraph), is not a slogan
    printed right over a menu bar, and was removed as a header line (:data:`HEADER_REASONS`), left in the body or
    taken for the standfirst. A line under the chosen title counts only when the title is certainly none
    (:func:`is_no_title`: a byline, a date, a field, furniture, a menu's item). The old title is logged as removed; body lines down to the new headline are removed as the site's
    header. The line right under the new headline (under its copy in another case, :func:`same_heading`, logged as a
    repeated title), removed as a header line or taken for the title, of six words or more and no byline nor date,
    is the standfirst. Nothing changes when the title has a headline's shape or no line qualifies.

    Parameters
    ----------
    lines : list of str
        The article's lines (1-based numbers in ``body`` and ``removed`` point into it).
    title, standfirst : str or None
        What the position rules chose.
    body : list of (int, str, bool)
        The kept lines of the body: number, text, blank line under it.
    removed : list of Removed
        The removed lines; a new list is returned, this one is not changed.
    lex : FurnitureLexicon
        The furniture rules (headline verbs, furniture patterns).
    dated : bool
        Whether ``body[0]`` opens with the dateline.

    Returns
    -------
    HeaderChoice

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> lines = ["The Harbour Times", "News  Business  Sport", "Ferry operators weigh winter timetable for the islands",
    ...          "Kenji Aoyama", "The ferry company said on Monday that it would cut sailings to the islands."]
    >>> removed = [Removed(1, lines[0], "site header"), Removed(2, lines[1], "navigation"),
    ...            Removed(3, lines[2], "site header")]
    >>> choice = headline_by_shape(lines, "Kenji Aoyama", None, [(5, lines[4], False)], removed, default_furniture(),
    ...                            dated=False)
    >>> choice.title, [(r.line, r.reason) for r in choice.removed if r.line in (3, 4)]
    ('Ferry operators weigh winter timetable for the islands', [(4, 'byline')])
    """
    unchanged = HeaderChoice(title, standfirst, body, removed)
    navigation = {r.line: r.text for r in removed if r.reason == "navigation"}
    menu_items = frozenset(item.lower() for text in navigation.values()
                           for item in MENU_ITEM_SPLIT_RE.split(text.strip()) if item)
    no_title = title is not None and is_no_title(title, lex, menu_items)  # then a headline under it counts too
    if title is not None and is_headline_shaped(title, lex) and not no_title:
        return unchanged
    body_numbers = {number for number, _, _ in body}
    taken = body_numbers | {r.line for r in removed}
    title_number = line_of(title, lines, taken)
    standfirst_number = line_of(standfirst, lines, taken | ({title_number} if title_number else set()))
    reasons = {r.line: r.reason for r in removed}
    removed_numbers = set(reasons)
    if dated and body:
        end = body[0][0]
    else:
        end = next((number for number, line, _ in body if SENTENCE_END_RE.search(line)),
                   len(lines) + 1)
    menus = [n for n in navigation if n < end]
    start = min(menus) if menus else 0
    head = None
    for number in range(start + 1, end):
        line = lines[number - 1].strip()
        if not line or number == title_number:
            continue
        if title_number is not None and number > title_number and not no_title:
            break  # a line under a chosen title is a heading of the story (a page's questions), not its headline
        if number in body_numbers and _is_wrapped(number, lines, body_numbers, removed_numbers):
            continue  # a line of a paragraph a copy broke over several lines
        if reasons.get(number) not in HEADER_REASONS and number not in body_numbers and number != standfirst_number:
            continue
        # under a chosen title that is certainly none, a heading in title case of four words is one too ("Remarks on
        # the Day of the Islands" over "Jane Roe, Ambassador" and "Tokyo, Japan")
        shaped = is_headline_shaped(line, lex, HEADLINE_SHAPE_MIN_WORDS if no_title else TITLE_CASE_HEADLINE_WORDS)
        if shaped and not _is_slogan_over_menu(number, lines, navigation):
            head = number
            break
    if head is None:
        return unchanged
    new_title = lines[head - 1].strip()
    out = [r for r in removed if r.line != head]
    if title_number is not None:
        old = title or ""
        reason = "byline" if is_person_name(old) or is_writers_line(old) \
            else "date line" if is_dated_line(old) else "site header"
        out.append(Removed(title_number, old, reason))
    new_standfirst = standfirst
    old_standfirst = standfirst_number
    if old_standfirst == head:
        new_standfirst = old_standfirst = None  # the line under the old title was the headline
    if old_standfirst is not None and old_standfirst < head:
        out.append(Removed(old_standfirst, standfirst or "", "site header"))  # a line over the headline is no deck
        new_standfirst = None
    under = next((i for i in range(head + 1, end) if lines[i - 1].strip()), None)
    if under is not None and under != title_number and same_heading(lines[under - 1], new_title):
        # the headline printed again under itself, in another case: a repeated title; the deck is the next line
        out = [r for r in out if r.line != under] + [Removed(under, lines[under - 1].strip(), "repeated title")]
        under = next((i for i in range(under + 1, end) if lines[i - 1].strip()), None)
    if under is not None and (reasons.get(under) in HEADER_REASONS or under == title_number):
        deck = lines[under - 1].strip()
        if len(deck.split()) >= 6 and not LABEL_RE.match(deck) and not is_timestamp(deck) \
                and not is_writers_line(deck):
            out = [r for r in out if r.line != under]
            if new_standfirst is not None and old_standfirst is not None:
                out.append(Removed(old_standfirst, standfirst, "site header"))
            new_standfirst = deck
    new_body = body_under_headline(body, head, dated, out)
    if not new_body:
        return unchanged
    out.sort(key=lambda r: r.line)
    return HeaderChoice(new_title, new_standfirst, new_body, out)


#: A document's section headings; one of them alone is the first heading of a text whose title the copy left out
#: ("Abstract" over a paper's abstract), never the title. Compared lower-cased, a closing colon aside.
SECTION_HEADINGS = frozenset({"abstract", "introduction", "summary", "overview", "background", "preface", "foreword",
                              "executive summary", "synopsis"})



def body_under_headline(body: list[tuple[int, str, bool]], head: int, dated: bool,
                        out: list[Removed]) -> list[tuple[int, str, bool]]:
    """The body's lines under a headline newly chosen at line ``head``; each line above it is logged in ``out``.

    A body line above the new headline (or the headline itself) leaves the body; those above it are
    appended to ``out`` as "site header". The body's first line stays when ``dated`` (it holds the
    dateline that opens the story).

    Examples
    --------
    >>> out = []
    >>> body_under_headline([(1, "World", False), (2, "Japan protests", False), (3, "TOKYO - Japan said", False)],
    ...                     2, False, out)
    [(3, 'TOKYO - Japan said', False)]
    >>> [(r.line, r.reason) for r in out]
    [(1, 'site header')]
    """
    kept = []
    for number, line, blank in body:
        if number <= head and not (dated and number == body[0][0]):
            if number != head:
                out.append(Removed(number, line, "site header"))
            continue
        kept.append((number, line, blank))
    return kept

def section_heading_title(lines: list[str], title: str | None, standfirst: str | None,
                          body: list[tuple[int, str, bool]], removed: list[Removed]) -> HeaderChoice:
    """Put a title that is only a section heading (:data:`SECTION_HEADINGS`: "Abstract") back at the head of the
    body, as the text's first heading, and leave the article without a title.

    Examples
    --------
    >>> lines = ["Abstract", "Tokyo and Moscow have talked for decades.", "More text."]
    >>> choice = section_heading_title(lines, "Abstract", None, [(2, lines[1], False), (3, lines[2], False)], [])
    >>> choice.title, [n for n, _, _ in choice.body]
    (None, [1, 2, 3])
    """
    unchanged = HeaderChoice(title, standfirst, body, removed)
    if title is None or title.strip().rstrip(":").strip().lower() not in SECTION_HEADINGS:
        return unchanged
    number = line_of(title, lines, {n for n, _, _ in body} | {r.line for r in removed})
    if number is None:
        return unchanged
    return HeaderChoice(None, standfirst, sorted([(number, title, True), *body]), removed)
