"""Whole lines of page furniture: listed lines, related-link lists, donation appeals, readers' comments."""

from __future__ import annotations

import re

from kuril_research.ingest.parse.captions import (
    AGENCY_PHOTO_CREDIT_RE,
    PHOTO_CREDIT_RE,
    credit_label_values,
    has_credit,
    has_credit_tail,
    is_bare_caption,
)
from kuril_research.ingest.parse.badges import restore_badged_headline
from kuril_research.ingest.parse.bios import author_bio_lines
from kuril_research.ingest.parse.database_fields import database_fields
from kuril_research.ingest.parse.dateline import match_dateline
from kuril_research.ingest.parse.header import is_site_header
from kuril_research.ingest.parse.layout import (
    STORY_LINE_WORDS,
    contents_lines,
    footnote_lines,
    menu_column_lines,
    repeated_heading_lines,
    repeated_lines,
    summary_box_lines,
    teaser_lines,
)
from kuril_research.ingest.parse.lexicon import FurnitureLexicon, default_furniture, furniture_reason
from kuril_research.ingest.parse.records import Removed
from kuril_research.ingest.parse.text import SENTENCE_END_RE

__all__ = ["LIST_HEADER_CHARS", "HEADLINE_COPY_WORDS", "appeal_lines", "appeal_box_lines", "headline_copies", "is_heading_next", "is_photo_credit", "is_story_line", "strip_furniture"]

#: A related-links header ("You may also like:") is a short line.
LIST_HEADER_CHARS = 60

def appeal_lines(lines: list[str], lex: FurnitureLexicon, reasons: dict[int, str] | None = None) -> set[int]:
    """1-based numbers of the lines of donation appeals: an ``appeal_headers`` line up to the next "donation
    appeal" line within ``appeal_max_lines`` lines, and the appeal lines (buttons) right after it; and the boxes of
    :func:`appeal_box_lines` (``reasons`` as there).

    Examples
    --------
    >>> sorted(appeal_lines(["Text.", "A message from the Island Post:", "We need you.", "Support The Island Post!",
    ...                       "Monthly", "", "More text."], default_furniture()))
    [2, 3, 4, 5]
    >>> appeal_lines(["A message from the Island Post:", "We need you.", "More text."], default_furniture())
    set()
    """
    out: set[int] = appeal_box_lines(lines, lex, reasons)
    if lex.appeal_header_re is None:
        return out
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or len(stripped) > LIST_HEADER_CHARS or not lex.appeal_header_re.fullmatch(stripped):
            continue
        for j in range(i + 1, min(len(lines), i + 1 + lex.appeal_max_lines)):
            if furniture_reason(lines[j].strip(), lexicon=lex) == "donation appeal":
                while j + 1 < len(lines) and (not lines[j + 1].strip() or furniture_reason(
                        lines[j + 1].strip(), lexicon=lex) == "donation appeal"):
                    j += 1  # the buttons under the appeal ("Monthly", "Continue")
                while not lines[j].strip():
                    j -= 1
                out.update(range(i + 1, j + 2))
                break
    return out




#: The words with which an appeal speaks to its reader ("Your support can help us", "We need your help").
APPEAL_PERSON_RE = re.compile(r"\b(?:you|your|we|us|our)\b", re.I)


def appeal_box_lines(lines: list[str], lex: FurnitureLexicon, reasons: dict[int, str] | None = None) -> set[int]:
    """1-based numbers of the lines of an appeal box without a listed header: a block of two to ``appeal_max_lines``
    lines (no blank line between them, a blank line or the page's edge around them) that holds a "donation appeal"
    line (a button: "Support us") and whose other lines are short (``list_item_chars``) and, but for listed
    furniture (a close sign "×"), mostly speak to the reader ("you", "your", "we", "us", "our": at least half of
    them). A story's paragraphs are longer, and a story copied line by line is a longer block. ``reasons`` are the
    lines' :func:`line_reasons` (by 1-based number), when the caller has them already.

    Examples
    --------
    >>> lex = default_furniture()
    >>> sorted(appeal_box_lines(["×", "Reading without ads?", "We removed ads for you this year.", "Support us",
    ...                          "", "Japan protested on Monday.", "Support us"], lex))
    [1, 2, 3, 4]
    >>> appeal_box_lines(["Fishermen said the season was poor.", "Support us", "Prices rose."], lex)
    set()
    """
    out: set[int] = set()
    start = 0
    for end in range(len(lines) + 1):
        if end < len(lines) and lines[end].strip():
            continue
        block = [(n, lines[n].strip()) for n in range(start, end)]
        start = end + 1
        if not 2 <= len(block) <= lex.appeal_max_lines or any(len(text) > lex.list_item_chars for _, text in block):
            continue
        found = [reasons.get(n + 1) if reasons is not None else furniture_reason(text, lexicon=lex)
                 for n, text in block]
        if "donation appeal" not in found:
            continue  # no appeal line in the block
        others = [text for (_, text), reason in zip(block, found) if reason is None]
        if sum(1 for text in others if APPEAL_PERSON_RE.search(text)) * 2 >= len(others):
            out.update(n + 1 for n, _ in block)
    return out


#: Forum furniture shows that the page is a discussion thread ...
THREAD_REASON = "forum furniture"
#: ... unless the post says it was copied from elsewhere (a blog post with readers' comments under it).
CROSSPOST_RE = re.compile(r"(?:crossposted|cross-posted|originally (?:posted|published))\b", re.I)
#: A caption printed twice stands within this many lines of its credited copy.
CAPTION_TWIN_LINES = 4


def is_story_line(line: str) -> bool:
    """A paragraph of the story, which ends a list of links printed in the middle of it (after a blank line): a
    statement of :data:`~kuril_research.ingest.parse.layout.STORY_LINE_WORDS` words or more ending in a full stop,
    not opening with a label and a colon ("About this article: ...").

    Examples
    --------
    >>> is_story_line("The ministry said the drills involved about 300 troops and several armoured vehicles.")
    True
    >>> is_story_line("Why does Japan still have no peace treaty with Russia after all these years?")
    False
    >>> is_story_line("About this article: Jane Roe is a reporter at the Kushiro bureau of the paper.")
    False
    """
    return len(line.split()) >= STORY_LINE_WORDS and line.endswith(".") and ":" not in line[:LABEL_CHARS]


#: A label and its colon open a line within this many characters ("About this article:").
LABEL_CHARS = 25


def is_photo_credit(line: str, lex: FurnitureLexicon) -> bool:
    """A line that credits a picture, whatever reason removed it ("Getty Images", "© Agency / Jane Roe", "Photo:
    Kyodo"): a listed credit line or a caption credit, naming a picture or carrying the copyright sign; or a
    gallery's counter, printed over the picture's caption as a credit is.

    Examples
    --------
    >>> lex = default_furniture()
    >>> is_photo_credit("Getty Images", lex), is_photo_credit("© Harbour Wire / Jane Roe", lex)
    (True, True)
    >>> is_photo_credit("Source: Ministry of Finance", lex), is_photo_credit("Share", lex)
    (False, False)
    >>> is_photo_credit("3 / 12", lex), is_photo_credit("Photo 3 of 12", lex)
    (True, True)
    """
    if GALLERY_COUNTER_RE.fullmatch(line):
        return True  # "3 / 12": a gallery's counter over the picture's caption
    return PHOTO_CREDIT_RE.search(line) is not None and (
        furniture_reason(line, lexicon=lex) == "credit line" or has_credit(line))


#: A photo gallery's counter ("3 / 12", "Photo 3 of 12", "Image 3/12").
GALLERY_COUNTER_RE = re.compile(r"(?:(?:photo|image|picture|slide)\s+)?\d{1,3}\s*(?:/|of)\s*\d{1,3}", re.I)


def is_heading_next(all_lines: list[str], number: int) -> bool:
    """Whether the next non-blank line under line ``number`` (1-based) is a heading: no sentence end.

    Examples
    --------
    >>> is_heading_next(["Player", "", "Talks resume", "Body."], 1), is_heading_next(["Player", "Body."], 1)
    (True, False)
    """
    below = next((line.strip() for line in all_lines[number:] if line.strip()), "")
    return bool(below) and SENTENCE_END_RE.search(below) is None


#: A list item's bullet before a line of furniture that a page prints as a list ("• Published", "• By Jane Roe").
LIST_BULLET_RE = re.compile(r"[•·▪►◦‣]\s+")


def line_reasons(all_lines: list[str], lex: FurnitureLexicon) -> dict[int, str]:
    """The ``furniture.yaml`` reason of every listed line, by 1-based line number (one regex call per line; a second
    one without its bullet for a line that opens with a list bullet, :data:`LIST_BULLET_RE`: a page's byline and
    date printed as a list, "• Published" over "• By Jane Roe & John Doe").

    Examples
    --------
    >>> line_reasons(["• Published", "• By Jane Roe & John Doe", "• Tokyo says no."], default_furniture())
    {1: 'date line', 2: 'byline'}
    """
    out: dict[int, str] = {}
    for number, line in enumerate(all_lines, start=1):
        stripped = line.strip()
        if not stripped:
            continue
        reason = furniture_reason(stripped, lexicon=lex)
        if reason is None and (bullet := LIST_BULLET_RE.match(stripped)) is not None:
            reason = furniture_reason(stripped[bullet.end():], lexicon=lex)
        if reason is not None:
            out[number] = reason
    return out


def layout_lines(all_lines: list[str], lex: FurnitureLexicon,
                 reasons: dict[int, str] | None = None) -> dict[int, str]:
    """Line numbers found by the page's layout (:mod:`~kuril_research.ingest.parse.layout`), with their reason.

    ``reasons`` are the lines' :func:`line_reasons`, when the caller has them already.
    """
    reasons = line_reasons(all_lines, lex) if reasons is None else reasons
    labels = {n for n, reason in reasons.items() if reason == "standfirst label"
              and len(all_lines[n - 1].strip()) <= LIST_HEADER_CHARS}
    found: dict[int, str] = {}
    repeated = repeated_lines(all_lines)
    copies = headline_copies(all_lines, repeated, lex)
    for reason, numbers in (("summary box", summary_box_lines(all_lines, labels, lex.list_item_chars)),
                            ("contents list", contents_lines(all_lines) | repeated_heading_lines(all_lines)),
                            ("footnote", footnote_lines(all_lines)),
                            ("repeated title", copies - {min(copies)} if copies else set()),
                            ("repeated line", repeated - copies), ("navigation", menu_column_lines(all_lines)),
                            ("related links", teaser_lines(all_lines))):
        for number in numbers:
            found.setdefault(number, reason)
    return found


#: Two columns of a printed page copied onto one line ("REPORT TITLE        INSTITUTE").
COLUMN_GAP_RE = re.compile(r"\S\s{2,}\S")
#: A headline printed again (over its photo, as the photo's caption) has at least this many words.
HEADLINE_COPY_WORDS = 4


def headline_copies(all_lines: list[str], repeated: set[int], lex: FurnitureLexicon) -> set[int]:
    """1-based numbers of the copies of the page's headline among the ``repeated`` lines (:func:`repeated_lines`):
    a line printed more than once whose first copy stands above the story (over the first line of
    :data:`~kuril_research.ingest.parse.layout.STORY_LINE_WORDS` words or more that ends a sentence), of
    :data:`HEADLINE_COPY_WORDS` words or more, without a sentence end, not in capitals nor set in columns (a printed
    page's running header), printed the same each time (numbered copies are a gallery's), neither a site's name or slogan
    (:func:`~kuril_research.ingest.parse.header.is_site_header`) nor listed furniture. A site prints its headline
    again as the top photo's caption or alternative text; the first copy is the headline, the others are removed as
    "repeated title" (a running header, a site's name, a button row printed twice stays a "repeated line").
    Empty when no repeated line is such a headline.

    Examples
    --------
    >>> lex = default_furniture()
    >>> head = "Russia Moves Coastal Missiles Closer to Japan"
    >>> lead = "The defence ministry said on Monday that the missile units had reached the island by sea."
    >>> sorted(headline_copies([head, "", head, head, "", lead], {1, 3, 4}, lex))
    [1, 3, 4]
    >>> headline_copies(["The Harbour Times", head, "The Harbour Times", lead], {1, 3}, lex)
    set()
    """
    story = next((n for n, line in enumerate(all_lines, start=1) if len(line.split()) >= STORY_LINE_WORDS
                  and SENTENCE_END_RE.search(line.strip())), len(all_lines) + 1)
    groups: dict[str, list[int]] = {}
    for number in sorted(repeated):
        if not COLUMN_GAP_RE.search(all_lines[number - 1].strip()):  # a running header set in columns is no headline
            groups.setdefault(re.sub(r"\d+", "#", " ".join(all_lines[number - 1].split())), []).append(number)
    for numbers in groups.values():
        texts = {" ".join(all_lines[n - 1].split()) for n in numbers}
        if len(texts) > 1:
            continue  # copies that differ in a number are a gallery's alternative texts ("Photo of ... 1", "... 2")
        text = texts.pop()
        if len(numbers) >= 2 and numbers[0] < story and not text.isupper() and len(text.split()) >= HEADLINE_COPY_WORDS \
                and not SENTENCE_END_RE.search(text) and not is_site_header(text, lex) \
                and furniture_reason(text, lexicon=lex) is None:
            return set(numbers)
    return set()


def strip_furniture(all_lines: list[str], lex: FurnitureLexicon) -> tuple[list[tuple[int, str, bool]], list[Removed]]:
    """Split a page's lines into kept lines and removed furniture.

    Besides the listed lines (``furniture.yaml``), removes tag lists (a ``tag_headers`` line and the lines
    under it up to a blank line, whatever they say), lines found by the page's layout (repeated lines,
    footnotes, contents lists, summary boxes), the short blurb printed right under a newsletter prompt,
    captions that end in a credit (and an uncredited copy printed after one; a sentence with a name after it
    above the story's last paragraph, :func:`~kuril_research.ingest.parse.captions.has_credit_tail`), the caption
    printed right under a picture's credit or a gallery counter (:func:`is_photo_credit`), a sentence right over a
    photo credit ("PHOTO: Reuters") between the headline and the story, a video's caption right
    over its player's notice ("Media playback is unsupported ...") when a heading follows (:func:`is_heading_next`), and readers' comments after a
    comment header that follows some text (a comment counter above the story opens nothing). In a discussion thread (forum furniture seen and the post not marked as crossposted from
    elsewhere) the replies are the body: a comment header is then forum furniture.

    Returns
    -------
    kept : list of (line number, stripped text, preceded by a blank or removed line)
    removed : list of Removed
        Listed furniture, related-link lists, donation appeals, readers' comments and the bare caption above a
        photo credit.

    Examples
    --------
    >>> page = ["r/islands", "Why no treaty?", "40 upvotes · 3 comments", "u/a · 2d", "Because of the bases.",
    ...         "Reply Share Report"]
    >>> kept, removed = strip_furniture(page, default_furniture())
    >>> [line for _, line, _ in kept]
    ['Why no treaty?', 'Because of the bases.']
    """
    removed: list[Removed] = []
    kept: list[tuple[int, str, bool]] = []  # (line number, text, preceded by a blank line)
    blank_before, in_list, in_comments, in_tags = True, False, False, False
    all_lines, fields = database_fields(all_lines)  # a news database's export: its field labels
    reasons = line_reasons(all_lines, lex) | fields
    reasons |= credit_label_values(all_lines, reasons)  # "Credit:" over "Jane Roe/Agency"
    reasons |= author_bio_lines(all_lines, reasons)  # "Jane Roe covers defence ..." under the story
    appeal = appeal_lines(all_lines, lex, reasons)
    layout = layout_lines(all_lines, lex, reasons)
    forum = crosspost = False
    credited: list[tuple[int, str]] = []  # captions removed for their credit, for their uncredited twins
    # a sentence with a name after it is a caption with its credit only above the story's last paragraph: the last
    # paragraph may carry the agency's sign-off ("... frozen since 2022. Jiji Press")
    last_text = max((n for n, line in enumerate(all_lines, start=1) if n not in reasons and n not in layout
                     and len(line.split()) >= STORY_LINE_WORDS and SENTENCE_END_RE.search(line.strip())), default=0)
    for number, line in enumerate(all_lines, start=1):
        stripped = line.strip()
        if not stripped:
            blank_before, in_tags = True, False  # a tag list runs to the next blank line
            continue
        short = len(stripped) <= lex.max_line_chars
        if in_tags and len(stripped) <= lex.list_item_chars:
            removed.append(Removed(number, stripped, "tags"))  # "Russia", "Northern Territories" under "Tags"
            continue
        in_tags = False
        if lex.tag_header_re is not None and len(stripped) <= LIST_HEADER_CHARS \
                and lex.tag_header_re.fullmatch(stripped):
            in_tags = True
            removed.append(Removed(number, stripped, "tags"))
            continue
        is_comment_header = (lex.comment_header_re is not None and len(stripped) <= LIST_HEADER_CHARS
                             and lex.comment_header_re.fullmatch(stripped) is not None
                             and any(SENTENCE_END_RE.search(text) for _, text, _ in kept))  # after some text
        if is_comment_header and forum and not crosspost and not in_comments:
            removed.append(Removed(number, stripped, THREAD_REASON))  # a thread's replies are its body
        elif in_comments or is_comment_header:
            in_comments = True  # readers' comments run to the end of the page
            removed.append(Removed(number, stripped, "reader comments"))
        elif number in appeal:
            removed.append(Removed(number, stripped, "donation appeal"))
        elif number in layout:
            removed.append(Removed(number, stripped, layout[number]))
        elif len(stripped) <= LIST_HEADER_CHARS and lex.list_header_re.fullmatch(stripped):
            in_list = True
            removed.append(Removed(number, stripped, "related links"))
        elif removed and removed[-1].line == number - 1 and removed[-1].reason == "newsletter" \
                and len(stripped) <= lex.list_item_chars and number not in reasons:
            removed.append(Removed(number, stripped, "newsletter"))  # the blurb printed right under a sign-up prompt
        elif (reason := reasons.get(number)) is not None:
            removed.append(Removed(number, stripped, reason))
            forum = forum or reason == THREAD_REASON
            crosspost = crosspost or (reason == THREAD_REASON and CROSSPOST_RE.match(stripped) is not None)
            in_list = False  # another kind of furniture ("Politics") ends a list of links: a headline may follow
            if reason == "credit line" and (PHOTO_CREDIT_RE.match(stripped) or AGENCY_PHOTO_CREDIT_RE.fullmatch(stripped)) \
                    and len(kept) > 2 \
                    and kept[-1][0] >= number - 2 and is_bare_caption(kept[-1][1]) \
                    and not all(is_site_header(text, lex) for _, text, _ in kept[:-1]):
                # "Boats in the port of Nemuro" over "Image: Kyodo": the photo's caption; but the first line under
                # the site's own header lines is the headline, whose photo's credit is printed under it
                caption = kept.pop()
                removed.append(Removed(caption[0], caption[1], "photo caption"))
            elif reason == "credit line" and PHOTO_CREDIT_RE.match(stripped) and len(kept) >= 2 \
                    and kept[-1][0] == number - 1 and len(kept[-1][1]) <= lex.max_line_chars \
                    and SENTENCE_END_RE.search(kept[-1][1]) and not any(is_story_line(t) for _, t, _ in kept[:-1]) \
                    and not all(is_site_header(text, lex) for _, text, _ in kept[:-1]):
                # a sentence right over "PHOTO: Reuters" under the headline, before the story: the top photo's caption
                caption = kept.pop()
                removed.append(Removed(caption[0], caption[1], "photo caption"))
            elif reason == "video caption" and kept and kept[-1][0] == number - 1 and is_bare_caption(kept[-1][1]) \
                    and is_heading_next(all_lines, number):
                # "Talks on the islands" over "Media playback is unsupported on your device", a heading under them:
                # the video's caption over its player, not the page's headline
                caption = kept.pop()
                removed.append(Removed(caption[0], caption[1], "video caption"))
        elif in_list and len(stripped) <= lex.list_item_chars and not (
                number > 1 and not all_lines[number - 2].strip() and is_story_line(stripped)):
            removed.append(Removed(number, stripped, "related links"))
        elif removed and removed[-1].line == number - 1 and is_photo_credit(removed[-1].text, lex) \
                and is_bare_caption(stripped) and not (kept and kept[-1][0] == number - 2) \
                and not all(is_site_header(text, lex) for _, text, _ in kept):
            # "Getty Images" over "Kunashir seen from the Hokkaido coast": a credit printed above its caption; a
            # credit under a kept line is that line's, and a line under the site's header lines is the headline
            removed.append(Removed(number, stripped, "photo caption"))
        elif short and ((has_credit(stripped) or number < last_text and has_credit_tail(stripped))
                        and match_dateline(stripped) is None and not (
                kept and number - kept[-1][0] <= CAPTION_TWIN_LINES and stripped.startswith(kept[-1][1])) or any(
                number - n <= CAPTION_TWIN_LINES and other != stripped and other.startswith(stripped)
                for n, other in credited)):
            # "... (Kyodo)": a caption, never a title or text. A caption that repeats the line above (a headline
            # printed again under its photo) is left to the header rules, which know which line is the title.
            removed.append(Removed(number, stripped, "photo caption"))
            credited.append((number, stripped))
        else:
            in_list = False
            kept.append((number, stripped, blank_before))
            blank_before = False  # a removed line separates like a blank line ("In Brief" over the first paragraph)
    return restore_badged_headline(all_lines, kept, removed, lex)  # "Editors' Pick" over the headline (badges.py)
