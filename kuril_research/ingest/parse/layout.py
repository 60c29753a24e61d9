"""Furniture recognised by the page's layout rather than by its words.

Each function takes the page's lines (as split on ``\\n``) and returns the
1-based numbers of the lines it finds, so that the parser can remove and log
them whatever vocabulary the site uses:

- :func:`repeated_lines`: a short line printed twice or more (PDF running
  headers and footers, a row of buttons under every post, timestamps);
- :func:`footnote_lines`: the notes under a rule line at the foot of a page;
- :func:`contents_lines`: the numbered items of a contents box;
- :func:`summary_box_lines`: the bullet lines under a summary label ("Key
  points:"), which repeat the body;
- :func:`menu_column_lines`: a menu copied one item a line ("Home", "News",
  "Sport", "iPlayer") above the story.
"""

from __future__ import annotations

import re
from collections import Counter

from kuril_research.ingest.parse.text import SENTENCE_END_RE

__all__ = ["REPEATED_MAX_CHARS", "REPEATED_LONG_COPIES", "repeated_lines", "footnote_lines", "contents_lines", "summary_box_lines",
           "menu_column_lines", "repeated_heading_lines", "NUMBERED_COPY_RE", "TEASER_END_RE", "teaser_lines"]

#: A repeated line longer than this is text (a quotation printed twice), not furniture ...
REPEATED_MAX_CHARS = 120
#: ... unless it is printed this many times or more (a gallery's numbered alternative texts, "Photograph of the
#: minister at the rally 1", "... 2", "... 3").
REPEATED_LONG_COPIES = 3
_SPACE_RE = re.compile(r"\s+")
_DIGITS_RE = re.compile(r"\d+")
#: A rule line that opens the footnotes of a printed page ("______", "-----", "* * *").
RULE_LINE_RE = re.compile(r"[_\-–—=]{5,}|(?:\*\s*){3,}")
#: A footnote: its number, then its text ("11 Ministry of Defense, ...", "[3] ...", "³ ...").
FOOTNOTE_RE = re.compile(r"(?:\d{1,3}|\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\.?\s+\S.*")
CONTENTS_HEADER_RE = re.compile(r"(?:table of )?contents\s*:?", re.I)
#: An item of a contents box: a section number and a short heading ("2 Interpretation", "1.2 History").
CONTENTS_ITEM_RE = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?\s+\S.{0,80}")


def _key(line: str) -> str:
    """A line with its white space collapsed and its numbers blanked, so that page footers "... 17" and
    "... 18" compare equal."""
    return _DIGITS_RE.sub("#", _SPACE_RE.sub(" ", line.strip()))


def _is_heading(line: str) -> bool:
    """A section heading in sentence case ("Answers to media questions"): four or more words, two of them in
    lower case. A contents box repeats these, and they stay in the body."""
    words = line.split()
    return len(words) >= 4 and sum(1 for w in words if w[:1].islower()) >= 2


def repeated_lines(lines: list[str]) -> set[int]:
    """Line numbers of short lines printed twice or more, numbers aside: running headers and footers, rows of
    buttons, timestamps; and of longer lines printed :data:`REPEATED_LONG_COPIES` times or more (a gallery's numbered
    alternative texts). Lines that end a sentence and sentence-case headings are never counted.

    Examples
    --------
    >>> sorted(repeated_lines(["REPORT TITLE   INSTITUTE", "Text one.", "INSTITUTE | No. 4   17", "",
    ...                        "REPORT TITLE   INSTITUTE", "Text two.", "INSTITUTE | No. 4   18"]))
    [1, 3, 5, 7]
    >>> repeated_lines(["Text.", "Text.", "Answers to media questions", "Answers to media questions"])
    set()
    >>> alt = ("Photo of the governor greeting former residents of the four islands at the port of Nemuro in Hokkaido"
    ...        " on the morning of the visit")
    >>> sorted(repeated_lines([alt + " 1", alt + " 2", "Text.", alt + " 3"])), repeated_lines([alt + " 1", alt + " 2"])
    ([1, 2, 4], set())
    >>> sorted(repeated_lines(["Former residents at the port3", "Former residents at the port2", "Text.",
    ...                        "Former residents at the port1"]))
    [1, 2, 4]
    >>> repeated_lines(["Former residents at the port2", "Former residents at the port1"])
    set()
    """
    keys = [_key(line) if line.strip() and not SENTENCE_END_RE.search(line.strip())
            and (len(line.strip()) > REPEATED_MAX_CHARS or not _is_heading(line) or NUMBERED_COPY_RE.search(line))
            else None for line in lines]
    counts = Counter(k for k in keys if k)
    return {n for n, k in enumerate(keys, start=1) if k and (
        counts[k] >= REPEATED_LONG_COPIES if len(lines[n - 1].strip()) > REPEATED_MAX_CHARS
        or _is_heading(lines[n - 1]) else counts[k] >= 2)}


#: A number at the end of a line, glued to its last word or after a space or in brackets ("... protest4",
#: "... protest (2)"): a gallery numbers its pictures' alternative texts so; a heading printed that way three times
#: or more is such a text, not a contents box's copy of a heading.
NUMBERED_COPY_RE = re.compile(r"[^\d\s]\s?\(?\d{1,3}\)?\s*\Z")


def footnote_lines(lines: list[str]) -> set[int]:
    """Line numbers of footnote blocks: a rule line and the numbered notes under it (blank lines between
    notes allowed). A rule line with no note under it is left to the other rules.

    Examples
    --------
    >>> sorted(footnote_lines(["Body text.14", "________", "14 See Section 1.2.", "", "15 An interview.",
    ...                        "", "Next page text."]))
    [2, 3, 5]
    >>> footnote_lines(["Body.", "-------", "More body."])
    set()
    """
    out: set[int] = set()
    for i, line in enumerate(lines):
        if not RULE_LINE_RE.fullmatch(line.strip()):
            continue
        notes = []
        for j in range(i + 1, len(lines)):
            text = lines[j].strip()
            if not text:
                continue
            if not FOOTNOTE_RE.fullmatch(text):
                break
            notes.append(j + 1)
        if notes:
            out.update([i + 1, *notes])
    return out


#: An unnumbered item of a contents box is a short heading ("Introduction", "Facts & Related Content").
CONTENTS_ITEM_WORDS = 6


def contents_lines(lines: list[str]) -> set[int]:
    """Line numbers of the items under a "Contents" line up to a blank line or a sentence: numbered headings, or
    short headings without a sentence end (the header itself is listed furniture).

    Examples
    --------
    >>> sorted(contents_lines(["Contents", "1 Agreements", "2 See also", "", "Agreements", "1 In 1855 ..."]))
    [2, 3]
    >>> sorted(contents_lines(["Table of Contents", "Introduction", "Facts & Related Content", "", "Text."]))
    [2, 3]
    """
    out: set[int] = set()
    for i, line in enumerate(lines):
        if not CONTENTS_HEADER_RE.fullmatch(line.strip()):
            continue
        for j in range(i + 1, len(lines)):
            item = lines[j].strip()
            if not CONTENTS_ITEM_RE.fullmatch(item) and not (
                    item and len(item.split()) <= CONTENTS_ITEM_WORDS and not SENTENCE_END_RE.search(item)):
                break
            out.add(j + 1)
    return out


#: A heading of a contents box printed without its header is at most this long.
CONTENTS_HEADING_WORDS = 12
#: A section number before a heading in the text ("1. ", "2 ", "III. ").
SECTION_NUMBER_RE = re.compile(r"(?:\d{1,2}|[IVX]{1,4})\.?\s+")


def repeated_heading_lines(lines: list[str]) -> set[int]:
    """Line numbers of a contents box printed without a header: two or more consecutive short heading lines (no
    sentence end) that each come back further down as a numbered section heading ("Opening Remarks" ... "1.
    Opening Remarks").

    Examples
    --------
    >>> sorted(repeated_heading_lines(["Opening Remarks", "Questions on the ferry", "", "1. Opening Remarks",
    ...                                "Text.", "2. Questions on the ferry", "Text."]))
    [1, 2]
    """
    numbered = {SECTION_NUMBER_RE.sub("", line.strip(), count=1).lower(): n for n, line in enumerate(lines, start=1)
                if SECTION_NUMBER_RE.match(line.strip())}
    hits = [n for n, line in enumerate(lines, start=1) if line.strip() and not SECTION_NUMBER_RE.match(line.strip())
            and len(line.split()) <= CONTENTS_HEADING_WORDS and not SENTENCE_END_RE.search(line.strip())
            and numbered.get(line.strip().lower(), 0) > n]
    out: set[int] = set()
    for n in hits:
        if n - 1 in hits or n + 1 in hits:
            out.add(n)
    return out


def summary_box_lines(lines: list[str], labels: set[int], item_chars: int) -> set[int]:
    """Line numbers of a summary box: two or more short lines right under a summary label (``labels``: the
    line numbers of "Key points:"-like lines), with no blank line between. One line under a label is a
    standfirst and is left alone.

    Examples
    --------
    >>> sorted(summary_box_lines(["Key points:", "Russia deploys", "Japan protests", "", "Body text."], {1}, 120))
    [2, 3]
    >>> summary_box_lines(["In Brief", "One standfirst line.", "", "Body text."], {1}, 120)
    set()
    """
    out: set[int] = set()
    for label in labels:
        items = []
        for j in range(label, len(lines)):  # label is 1-based: lines[label] is the next line
            text = lines[j].strip()
            if not text or len(text) > item_chars:
                break
            items.append(j + 1)
        if len(items) >= 2:
            out.update(items)
    return out


#: A menu copied one item a line has at least this many items, of at most this many words each.
MENU_COLUMN_LINES = 3
MENU_COLUMN_WORDS = 2
#: The story begins at the first line of this many words that ends a sentence; menus stand above it, among the
#: page's first lines.
STORY_LINE_WORDS = 12
MENU_COLUMN_SCAN = 40


def menu_column_lines(lines: list[str]) -> set[int]:
    """Line numbers of menus copied one item a line above the story: runs of :data:`MENU_COLUMN_LINES` or more
    consecutive lines of one or two words without a sentence end, before the first sentence of
    :data:`STORY_LINE_WORDS` words or more and among the first :data:`MENU_COLUMN_SCAN` lines (a list of names in
    the story, a table copied from a PDF, is left alone).

    Examples
    --------
    >>> sorted(menu_column_lines(["BBC", "Home", "News", "iPlayer", "", "Talks stall", "",
    ...                           "Japan and Russia failed again on Monday to agree on a date for talks on the treaty.",
    ...                           "Iturup", "Kunashir", "Shikotan"]))
    [1, 2, 3, 4]
    """
    out: set[int] = set()
    run: list[int] = []
    for number, line in enumerate(lines[:MENU_COLUMN_SCAN], start=1):
        text = line.strip()
        if len(text.split()) >= STORY_LINE_WORDS and SENTENCE_END_RE.search(text):
            break
        if text and len(text.split()) <= MENU_COLUMN_WORDS and not SENTENCE_END_RE.search(text):
            run.append(number)
            continue
        if len(run) >= MENU_COLUMN_LINES:
            out.update(run)
        run = []
    if len(run) >= MENU_COLUMN_LINES:
        out.update(run)
    return out


#: A teaser cut short by the page: a word, then an ellipsis ending the line ("... the Chinese President will...",
#: "... Information War; Governm..."); three dots or more, or the ellipsis character.
TEASER_END_RE = re.compile(r"[^\W_](?:\.{3,}|…)\Z")
#: A teaser and its headline are short.
TEASER_MAX_WORDS = 60
TEASER_HEADLINE_WORDS = 20


def teaser_lines(lines: list[str]) -> set[int]:
    """Line numbers of a list of other stories' teasers, each cut short by an ellipsis (:data:`TEASER_END_RE`), and
    of the headline right above each (a blank line may stand between): at least two such teasers on the page, since a story may end one paragraph
    with an ellipsis but does not cut its paragraphs short; a headline has no sentence end.

    Examples
    --------
    >>> page = ["The ferry sailed on Monday, the ministry said.", "Top news", "Putin arrives in China",
    ...         "The president begins a long visit. The first stage will...", "World", "Ferries resume",
    ...         "Boats leave Nemuro again after a pause of two years and the town…"]
    >>> sorted(teaser_lines(page))
    [3, 4, 6, 7]
    >>> teaser_lines(["He said the talks would go on...", "Text."])
    set()
    """
    teasers = [i for i, line in enumerate(lines) if TEASER_END_RE.search(line.strip())
               and len(line.split()) <= TEASER_MAX_WORDS]
    if len(teasers) < 2:
        return set()
    found = {i + 1 for i in teasers}
    for i in teasers:
        j = i - 1 if i > 0 and lines[i - 1].strip() else i - 2  # the line above, maybe over a blank line
        above = lines[j].strip() if j >= 0 else ""
        if above and j + 1 not in found and len(above.split()) <= TEASER_HEADLINE_WORDS \
                and not SENTENCE_END_RE.search(above):
            found.add(j + 1)  # the teaser's headline
    return found

