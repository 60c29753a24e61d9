"""The parser's pipeline: furniture, dateline, header (title, standfirst), captions, paragraphs."""

from __future__ import annotations

import re

from kuril_research.ingest.parse.captions import CAPTION_MAX_CHARS, is_bare_caption, is_caption, is_title_case
from kuril_research.ingest.parse.dateline import LEAD_MIN_WORDS, MONTHS, find_dateline
from kuril_research.ingest.parse.furniture import strip_furniture
from kuril_research.ingest.parse.header import (
    KICKER_MAX_WORDS,
    has_headline_verb,
    STANDFIRST_FOLLOWERS,
    dated_masthead_end,
    is_byline_names,
    is_descriptor,
    is_headline_case,
    is_kicker,
    is_person_name,
    is_site_header,
    is_slogan_over_headline,
    is_under_menu_bar,
    item_page_start,
    masthead_end,
)
from kuril_research.ingest.parse.headings import join_wrapped_headings, resolve_page_titles
from kuril_research.ingest.parse.lexicon import FurnitureLexicon, default_furniture
from kuril_research.ingest.parse.records import ParsedArticle, Removed
from kuril_research.ingest.parse.text import SENTENCE_END_RE, STATEMENT_END_RE, normalise_characters

__all__ = ["parse_article", "block_between", "join_hard_wraps", "is_sign_off", "is_single_spaced_headline", "drop_byline_names", "HEADLINE_MAX_WORDS", "SIGN_OFF_WORDS"]

#: A picture's source in brackets at the end of its caption ("Soldiers on Iturup (Harbour Wire)").
SOURCE_TAIL_RE = re.compile(r"\s\((?:[A-Z][\w.&'’-]*\s?){1,4}\)\Z")
#: Lines that list other stories: a line under one of them, in the header, is another story's headline.
OTHER_STORY_REASONS = frozenset({"headline list", "related links", "read more"})
#: The byline and date block under a headline and its standfirst.
DATED_BLOCK = frozenset({"byline", "date line"})
#: A picture's credit under its caption: a credit line, or the paper's name (read as a byline).
CREDITS = frozenset({"credit line", "byline"})
#: A headline that ends in a full stop is taken only when it is this short.
HEADLINE_MAX_WORDS = 15


def parse_article(raw: str, *, title: str | None = None, furniture: FurnitureLexicon | None = None) -> ParsedArticle:
    """Parse one article's text into title, standfirst, dateline and paragraphs.

    Parameters
    ----------
    raw : str
        Decoded article text as copied from the web.
    title : str, optional
        The title, when the source gives it apart from the text (a column of a
        tabular export, the headline of a Nexis export): ``raw`` then holds no
        title line and none is guessed from it; a line before the dateline is
        the standfirst.
    furniture : FurnitureLexicon, optional
        Page-furniture rules; defaults to the shipped ``data/furniture.yaml``.

    Returns
    -------
    ParsedArticle
        See the module docstring for the rules. ``removed`` logs every line
        that is not in title, standfirst or body; ``warnings`` says what was
        missing (no title, no dateline, no text).

    Examples
    --------
    >>> a = parse_article("All news\\n\\nTalks stall\\n\\nTalks on the treaty stalled\\n\\n"
    ...                   "TOKYO, April 15. /TASS/. Talks stalled.\\n\\n- Advertisement -\\n\\nMore later.")
    >>> a.title, a.standfirst, a.dateline_place, a.dateline_month, a.dateline_day, a.agency
    ('Talks stall', 'Talks on the treaty stalled', 'TOKYO', 4, 15, 'TASS')
    >>> a.text
    'Talks stalled.\\n\\nMore later.'
    >>> [(r.line, r.reason) for r in a.removed]
    [(1, 'section label'), (9, 'advertisement')]
    >>> b = parse_article("Talks on the treaty stalled?\\n\\nMore later.", title="Talks stall")
    >>> b.title, b.text, b.warnings
    ('Talks stall', 'Talks on the treaty stalled?\\n\\nMore later.', ['no dateline found'])
    """
    given_title = title
    lex = furniture if furniture is not None else default_furniture()
    text = normalise_characters(raw)  # = normalise_text(raw) but for trailing spaces, which line.strip() removes
    warnings: list[str] = []
    kept, removed = strip_furniture(text.split("\n"), lex)
    kept = join_wrapped_headings(resolve_page_titles(kept, removed, lex))

    found = find_dateline([t for _, t, _ in kept], lex.dateline_labels, lex.place_name_words)
    dateline_index, match = found if found is not None else (None, None)

    title = standfirst = None
    if dateline_index is not None:
        header = kept[:dateline_index]
        body = kept[dateline_index:]
        kicker = caption = -1
        title_number = len(raw)  # no line is under the title until it is found
        if given_title is not None:
            first = -1  # the source gave the title apart from the text: no header line is the title
        else:
            masthead = masthead_end(header, removed, lex)
            first = next((j for j, (_, line, _) in enumerate(header) if j >= masthead
                          and not is_site_header(line, lex)), len(header) - 1)
            if 0 < first and STATEMENT_END_RE.search(header[first][1]) and is_headline_case(header[first - 1][1], lex):
                first -= 1  # "Japan Protests Russian Drills" above a standfirst sentence: a headline, not a site name
            elif first + 1 < len(header) and is_kicker(header[first][1], header[first + 1][1], lex):
                kicker = first
                first += 1  # "Japan-Russia relations" over the headline
            elif first + 1 < len(header) and is_slogan_over_headline(header[first][1], header[first + 1][1], lex) \
                    and not is_caption(header[first + 1][1], []):
                first += 1  # the site's slogan over the headline
            elif first + 1 < len(header) and STATEMENT_END_RE.search(header[first][1]) \
                    and not STATEMENT_END_RE.search(header[first + 1][1]) and is_headline_case(header[first + 1][1], lex) \
                    and not is_caption(header[first + 1][1], []):
                caption = first  # a sentence over a line without a full stop: the top photo's caption over the headline
                first += 1
        credits = [r.line for r in removed if r.reason == "credit line"]
        captions = [r.line for r in removed if r.reason == "photo caption"]
        for j, (number, line, _) in enumerate(header):
            neighbours = [h[1] for h in header[max(0, j - 2): j + 3]]
            above = header[j - 1][0] if j > 0 else 0
            # "© Agency / Photographer" over its caption, unless the caption under the credit was removed already;
            # a line without a sentence end that ends in its source in brackets is a caption ("Soldiers on Iturup
            # (Harbour Wire)"); a standfirst printed over the top photo's credit is not
            under_credit = any(above < n < number and not any(n < c < number for c in captions) for n in credits) \
                or is_bare_caption(line) and SOURCE_TAIL_RE.search(line) is not None
            if j < first:
                removed.append(Removed(number, line, "section label" if j == kicker
                                       else "photo caption" if j == caption else "site header"))
            elif j == first:
                title, title_number = line, number
            elif line == title:
                removed.append(Removed(number, line, "repeated title"))  # the headline printed twice
            elif any(title_number < r.line < number and r.reason in OTHER_STORY_REASONS for r in removed):
                removed.append(Removed(number, line, "headline list"))  # under "Agency · 5 hours ago": another story
            elif standfirst is None and not is_caption(line, neighbours) and not is_site_header(line, lex) \
                    and not under_credit:
                standfirst = line
            else:
                removed.append(Removed(number, line, "byline" if is_site_header(line, lex) else "photo caption"))
    elif given_title is None and (start := item_page_start(kept, removed, lex)) is not None:
        for number, line, _ in kept[:start - 1]:
            removed.append(Removed(number, line, "site header"))
        title, body = kept[start - 1][1], kept[start:]  # a topic page's heading, over its dated items
        warnings.append("no dateline found")
    else:
        first = 0
        while first + 1 < len(kept) and is_site_header(kept[first][1], lex) and not kept[first + 1][1][:1].islower() \
                and not is_lead_paragraph(kept[first + 1][1]) and not (
                    first > 0 and is_under_menu_bar(kept, first, removed) and len(kept[first][1].split()) > KICKER_MAX_WORDS
                    and not kept[first][1].isupper()):
            # the last short line over the story is its title, and so is a longer one (not a label in capitals) under
            # a menu bar
            removed.append(Removed(kept[first][0], kept[first][1], "site header"))
            first += 1
        # a menu bar decides where the masthead ends; without one, a date under heading lines may
        masthead = masthead_end(kept[:6], removed, lex) or dated_masthead_end(kept[:6], removed)
        for number, line, _ in kept[first:masthead]:
            removed.append(Removed(number, line, "site header"))  # a site's name and slogan above its menu bar
        kept = kept[max(first, masthead):]
        if len(kept) > 2 and is_kicker(kept[0][1], kept[1][1], lex) and not (
                dated_between(kept[1], kept[2], removed) and not is_title_case(kept[1][1])):
            # a short line over a sentence-case line that a byline or date closes is a headline over its rubric
            removed.append(Removed(kept[0][0], kept[0][1], "section label"))
            kept = kept[1:]
        elif len(kept) > 2 and is_slogan_over_headline(kept[0][1], kept[1][1], lex):
            removed.append(Removed(kept[0][0], kept[0][1], "site header"))
            kept = kept[1:]
        body = kept
        if given_title is None and len(kept) > 2 and not kept[1][2] and kept[2][2] and is_descriptor(kept[1][1]) \
                and not STATEMENT_END_RE.search(kept[0][1]):
            title, standfirst, body = kept[0][1], kept[1][1], kept[2:]  # a headword and its descriptor
        elif given_title is None and len(kept) > 2 and kept[1][0] == kept[0][0] + 1 \
                and (kept[2][2] or block_between(kept[1], kept[2], removed)) and not is_person_name(kept[1][1]) \
                and kept[1][1][:1].isupper() \
                and not STATEMENT_END_RE.search(kept[0][1]) and len(kept[0][1].split()) <= HEADLINE_MAX_WORDS \
                and len(kept[1][1].split()) <= STANDFIRST_MAX_WORDS and not is_lead_paragraph(kept[0][1]):
            title, standfirst, body = kept[0][1], kept[1][1], kept[2:]  # a headline with its standfirst right under it
        elif given_title is None and len(kept) > 1 and (
                kept[1][2] or block_between(kept[0], kept[1], removed) or is_single_spaced_headline(kept[0][1], kept[1][1])
                or len(kept) > 2 and is_person_name(kept[1][1]) and block_between(kept[1], kept[2], removed)) \
                and (not STATEMENT_END_RE.search(kept[0][1]) or (
                len(kept[0][1].split()) <= HEADLINE_MAX_WORDS and any(
                    r.reason in STANDFIRST_FOLLOWERS and kept[0][0] < r.line < kept[1][0] for r in removed))):
            # a headline has no full stop, unless a byline or a date stands right under it ("Russia drills. Japan
            # protests.")
            title, body = kept[0][1], kept[1:]
            j = 1  # short capitalised lines right after the line below the title are bylines ("Kenji Aoyama")
            while j < min(len(body), 3) and is_person_name(body[j][1]) and is_site_header(body[j][1], lex):
                removed.append(Removed(body[j][0], body[j][1], "byline"))
                j += 1
            body = body[:1] + body[j:]
            body = drop_byline_names(body, removed, lex)
            while len(body) > 1 and body[0][1] == title:
                removed.append(Removed(body[0][0], body[0][1], "repeated title"))  # the headline printed twice
                body = body[1:]
            while len(body) > 1 and (len(body[0][1].split()) <= 3 and is_site_header(body[0][1], lex)
                                     or is_byline_names(body[0][1])):
                removed.append(Removed(body[0][0], body[0][1], "byline"))  # "The Island Post", "Tokyo" under it
                body = body[1:]
            between = {r.line: r.reason for r in removed}
            if (bullets := summary_lines(body, between, lex)):
                for number, line, _ in body[:bullets]:
                    removed.append(Removed(number, line, "summary box"))  # unlabelled key points under the headline
                body = body[bullets:]
            follows = {between.get(n) for n in range(body[0][0] + 1, body[1][0])} if len(body) > 1 else set()
            if len(body) > 1 and (follows & DATED_BLOCK or follows & STANDFIRST_FOLLOWERS
                                  and not is_lead_paragraph(body[0][1])) \
                    and not any(between.get(n) in DATED_BLOCK for n in range(kept[0][0] + 1, body[0][0])):
                # the standfirst stands over the byline and date, or over the top photo; a paragraph of the story over
                # a photo is the lead
                standfirst, body = body[0][1], body[1:]  # the line between the title and a byline or date
            elif len(body) > 1 and len(body[0][1]) <= CAPTION_MAX_CHARS \
                    and any(between.get(n) in CREDITS for n in range(body[0][0] + 1, body[1][0])) \
                    and any(between.get(n) in DATED_BLOCK for n in range(kept[0][0] + 1, body[0][0])):
                # a short line under the byline and date, over a credit ("The Daily Post", "© Agency"): the top
                # photo's caption
                removed.append(Removed(body[0][0], body[0][1], "photo caption"))
                body = body[1:]
            elif len(body) > 1 and between.get(body[0][0] - 1, between.get(body[0][0] - 2)) == "standfirst label":
                standfirst, body = body[0][1], body[1:]  # the line under "In Brief"
        elif given_title is None and (head := headline_over_lead(kept, lex)) is not None:
            # a page copied with single line breaks: the headline is the heading line right over the story's lead
            for number, line, _ in kept[:head]:
                removed.append(Removed(number, line, "site header"))
            title, body = kept[head][1], kept[head + 1:]
            if len(body) > 1 and not is_lead_paragraph(body[0][1]):
                standfirst, body = body[0][1], body[1:]
        warnings.append("no dateline found")

    # captions inside the body (credit at the end, or printed twice)
    paragraphs_src: list[str] = []
    numbers: list[int] = []
    body_lines = [t for _, t, _ in body]
    for j, (number, line, _) in enumerate(body):
        if j > 0 or dateline_index is None:
            neighbours = body_lines[max(0, j - 2): j + 3]
            if len(line) <= lex.max_line_chars and is_caption(line, neighbours):
                removed.append(Removed(number, line, "photo caption"))
                continue
        paragraphs_src.append(line)
        numbers.append(number)
    while len(paragraphs_src) > 2 and is_sign_off(paragraphs_src[-1]):
        removed.append(Removed(numbers.pop(), paragraphs_src.pop(), "sign-off"))  # "Jiji Press" under the story
    while len(paragraphs_src) > 2 and is_trailing_link(paragraphs_src[-1], lex) \
            and any(SENTENCE_END_RE.search(p) for p in paragraphs_src[:-1]):
        # the headlines of other stories, teasers, a tag row, left under the story's last sentence
        removed.append(Removed(numbers.pop(), paragraphs_src.pop(), "related links"))

    dateline = place = country = agency = None
    month = day = None
    if match is not None and paragraphs_src:
        dateline = match.group(0).strip()
        groups = match.groupdict()
        agency = groups.get("agency") or groups.get("agency2") or groups.get("agency3") or groups.get("agency4")
        place, country = groups.get("place"), groups.get("country") or groups.get("country2")
        if groups.get("month") or groups.get("month2"):
            month = MONTHS[(groups.get("month") or groups["month2"]).lower()]
            day = int(groups.get("day") or groups["day2"])
        paragraphs_src[0] = paragraphs_src[0][match.end():]
        if not paragraphs_src[0]:
            paragraphs_src.pop(0)  # the place alone on its line

    paragraphs_src = join_hard_wraps(paragraphs_src)
    offsets, pieces, pos = [], [], 0
    for para in paragraphs_src:
        if pieces:
            pos += 2
        offsets.append((pos, pos + len(para)))
        pieces.append(para)
        pos += len(para)
    body_text = "\n\n".join(pieces)
    if given_title is not None:
        title = given_title
    if title is None:
        warnings.append("no title found")
    if not body_text:
        warnings.append("no body text")
    removed.sort(key=lambda r: r.line)
    return ParsedArticle(title, standfirst, dateline, place, country, month, day, agency,
                         offsets, body_text, removed, warnings)


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
    >>> is_trailing_link("Talks have been frozen since 2022. Harbour Wire", default_furniture())  # a sign-off
    False
    """
    line = line.lstrip(BULLETS)
    return 0 < len(line) <= lex.list_item_chars and not SENTENCE_END_RE.search(line) \
        and not INNER_SENTENCE_END_RE.search(line) and not QUOTE_CLOSE_RE.search(line)


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
