"""The parser's pipeline: furniture, dateline, header (title, standfirst), captions, paragraphs."""

from __future__ import annotations

import re

from kuril_research.ingest.parse.blocks import (
    DATED_BLOCK,
    HEADLINE_MAX_WORDS,
    STANDFIRST_MAX_WORDS,
    block_between,
    dated_between,
    drop_byline_names,
    headline_over_lead,
    is_lead_paragraph,
    is_sign_off,
    is_single_spaced_headline,
    is_trailing_link,
    join_hard_wraps,
    summary_lines,
)
from kuril_research.ingest.parse.captions import CAPTION_MAX_CHARS, is_bare_caption, is_caption, is_title_case
from kuril_research.ingest.parse.dateline import SPEAKER_TURN_RE, find_dateline
from kuril_research.ingest.parse.furniture import strip_furniture
from kuril_research.ingest.parse.header import (
    is_outlet_name,
    is_speaker_headline,
    KICKER_MAX_WORDS,
    STANDFIRST_FOLLOWERS,
    is_byline_names,
    is_descriptor,
    is_headline_case,
    is_kicker,
    is_person_name,
    is_site_header,
    is_slogan_over_headline,
    is_under_menu_bar,
    masthead_end,
)
from kuril_research.ingest.parse.dated_pages import dated_masthead_end, item_page_start
from kuril_research.ingest.parse.headings import join_wrapped_headings, resolve_page_titles, unlabelled_title, unnumbered_title
from kuril_research.ingest.parse.header_place import header_place
from kuril_research.ingest.parse.interviews import interview_intro
from kuril_research.ingest.parse.lexicon import FurnitureLexicon, default_furniture
from kuril_research.ingest.parse.months import DATELINE_MONTHS
from kuril_research.ingest.parse.records import ParsedArticle, Removed
from kuril_research.ingest.parse.decks import (deck_in_sentences, deck_under_title, drop_false_deck, has_deck_credit,
                                              slogan_over_headline)
from kuril_research.ingest.parse.shape import headline_by_shape, same_heading, section_heading_title
from kuril_research.ingest.parse.text import SENTENCE_END_RE, STATEMENT_END_RE, normalise_characters
from kuril_research.ingest.parse.title_model import rerank_title

__all__ = ["parse_article"]

#: A picture's source in brackets at the end of its caption ("Soldiers on Iturup (Harbour Wire)").
SOURCE_TAIL_RE = re.compile(r"\s\((?:[A-Z][\w.&'’-]*\s?){1,4}\)\Z")
#: Lines that list other stories: a line under one of them, in the header, is another story's headline.
OTHER_STORY_REASONS = frozenset({"headline list", "related links", "read more"})
#: The headline printed again stands among this many first lines of the body, over its first paragraph.
REPEATED_TITLE_LINES = 3
#: A picture's credit under its caption: a credit line, or the paper's name (read as a byline).
CREDITS = frozenset({"credit line", "byline"})


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

    # a wire's name alone on its line ("PTI") is its credit, never a place
    found = find_dateline([t for _, t, _ in kept], lex.dateline_labels | lex.wire_agencies, lex.place_name_words)
    dateline_index, match = found if found is not None else (None, None)
    # a place alone on its line over a transcript's first turn ("Washington, D.C." over "MR PRICE: Good afternoon"):
    # the briefing's place header, which splits the header from the text as a dateline does, but is none
    place_header = match is not None and match.end() == len(kept[dateline_index][1]) \
        and dateline_index + 1 < len(kept) and SPEAKER_TURN_RE.match(kept[dateline_index + 1][1]) is not None

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
            # "© Agency / Photographer" over its caption, unless the caption under the credit was removed already
            # or the credit's caption stands right over it (caption, "PHOTO: REUTERS", then the deck);
            # a line without a sentence end that ends in its source in brackets is a caption ("Soldiers on Iturup
            # (Harbour Wire)"); a standfirst printed over the top photo's credit is not
            under_credit = any(above < n < number and not any(n < c < number or c == n - 1 for c in captions)
                               for n in credits) \
                or is_bare_caption(line) and SOURCE_TAIL_RE.search(line) is not None
            if j < first:
                removed.append(Removed(number, line, "section label" if j == kicker
                                       else "photo caption" if j == caption else "site header"))
            elif j == first:
                title, title_number = line, number
            elif same_heading(line, title):
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
        while first + 1 < len(kept) and is_site_header(kept[first][1], lex) and (is_outlet_name(kept[first][1], lex) or (
                not kept[first + 1][1][:1].islower() and not is_lead_paragraph(kept[first + 1][1]))) and not (
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
                dated_between(kept[1], kept[2], removed) and not is_title_case(kept[1][1])
                and not is_speaker_headline(kept[1][1])):
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
                kept[1][2] or block_between(kept[0], kept[1], removed)
                or is_single_spaced_headline(kept[0][1], kept[1][1])
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
            while len(body) > 1 and same_heading(body[0][1], title):
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

    if given_title is None:
        # a chosen title without a headline's shape (a byline, a date, a button): the headline-shaped line under the
        # page's menu
        choice = headline_by_shape(text.split("\n"), title, standfirst, body, removed, lex,
                                   dated=dateline_index is not None)
        title, standfirst, body, removed = choice.title, choice.standfirst, choice.body, choice.removed
        # "Abstract" alone for a title: the text's first heading (the copy left the title out)
        choice = section_heading_title(text.split("\n"), title, standfirst, body, removed)
        title, standfirst, body, removed = choice.title, choice.standfirst, choice.body, choice.removed
        if dateline_index is None:  # the site's slogan over headline and standfirst, over the byline and date
            choice = slogan_over_headline(text.split("\n"), title, standfirst, body, removed, lex)
            title, standfirst, body, removed = choice.title, choice.standfirst, choice.body, choice.removed
            choice = deck_under_title(text.split("\n"), title, standfirst, body, removed)  # a deck without a full stop
            title, standfirst, body, removed = choice.title, choice.standfirst, choice.body, choice.removed
        # the learned headline chooser vetoes the rules' title when it is confident (data/title_model.json)
        choice = rerank_title(text.split("\n"), title, standfirst, body, removed, lex, dated=dateline_index is not None)
        title, standfirst, body, removed = choice.title, choice.standfirst, choice.body, choice.removed
        if dateline_index is None:  # under the headline the model chose: a deck, or a deck in sentences over the byline
            choice = deck_under_title(text.split("\n"), title, standfirst, body, removed)
            choice = deck_in_sentences(text.split("\n"), choice.title, choice.standfirst, choice.body, choice.removed)
            # an interview's or a transcript's introduction over its turns
            choice = interview_intro(text.split("\n"), choice.title, choice.standfirst, choice.body, choice.removed)
            title, standfirst, body, removed = choice.title, choice.standfirst, choice.body, choice.removed
    title = unnumbered_title(title, text.split("\n"))  # "1. Headline" in a database export's list of documents
    title = unlabelled_title(title, lex.headline_labels)  # "HEADLINE: ..." in a classic Nexis download
    # a page tool, a labelled field, a date or a name taken for the standfirst ("Normal text size")
    standfirst, removed = drop_false_deck(text.split("\n"), standfirst, body, removed, dated=dateline_index is not None,
                                          title=title)
    # the headline printed again over the story, under a caption or a date the header rules removed
    story = next((j for j, (_, line, _) in enumerate(body) if is_lead_paragraph(line)), len(body))
    for j in [j for j in range(min(story, REPEATED_TITLE_LINES)) if same_heading(body[j][1], title)][:1]:
        removed.append(Removed(body[j][0], body[j][1], "repeated title"))
        body = body[:j] + body[j + 1:]

    # captions inside the body (credit at the end, or printed twice)
    paragraphs_src: list[str] = []
    numbers: list[int] = []
    body_lines = [t for _, t, _ in body]
    for j, (number, line, _) in enumerate(body):
        if j > 0 or dateline_index is None:
            neighbours = body_lines[max(0, j - 2): j + 3]
            if len(line) <= lex.max_line_chars and (is_caption(line, neighbours) or j == 0 and has_deck_credit(line)
                                                     and len(body) > 1 and is_lead_paragraph(body[1][1])):
                # (the top photo's caption, its source in brackets after its sentence, right over the story's lead)
                removed.append(Removed(number, line, "photo caption"))
                continue
        paragraphs_src.append(line)
        numbers.append(number)
    while len(paragraphs_src) > 1 and is_sign_off(paragraphs_src[-1]) \
            and any(SENTENCE_END_RE.search(p) for p in paragraphs_src[:-1]):
        # a story of one paragraph keeps it: the lines under its last sentence go, however few paragraphs are left
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
        agency = groups.get("agency") or groups.get("agency2") or groups.get("agency3") or groups.get("agency4") \
            or groups.get("agency5") or groups.get("agency0")
        place, country = groups.get("place"), groups.get("country") or groups.get("country2") or groups.get("country3")
        if groups.get("month") or groups.get("month2"):
            month = DATELINE_MONTHS[(groups.get("month") or groups["month2"]).lower()]
            day = int(groups.get("day") or groups["day2"])
        paragraphs_src[0] = paragraphs_src[0][match.end():]
        if not paragraphs_src[0]:
            paragraphs_src.pop(0)  # the place alone on its line
        if place_header:
            removed.append(Removed(numbers[0], dateline, "place header"))
            dateline = place = country = agency = None
            month = day = None

    if dateline is None and (found := header_place(text.split("\n"), list(zip(numbers, paragraphs_src)), removed,
                                                   lex)) is not None:
        number, alone = found  # the place printed on its own line among the header lines ("12 Comments", "TOKYO")
        if number in numbers:
            paragraphs_src.pop(numbers.index(number))
            numbers.remove(number)
        removed = [Removed(r.line, r.text, "dateline") if r.line == number else r for r in removed]
        dateline, place, country, agency = alone.group(0).strip(), alone.group("place"), alone.group("country"), \
            alone.group("agency")
        warnings = [w for w in warnings if w != "no dateline found"]
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
