"""What the title model (:mod:`.title_model`) reads of each line at the top of a page: its shape, its position
and its content, in words that hold on any site.

The candidates are the first :data:`CANDIDATE_LINES` non-empty lines of the page, above its first paragraph
(a line of :data:`LEAD_MIN_WORDS` words or more that ends a sentence). Each gets the numbers of
:data:`FEATURE_NAMES`, all between 0 and 1 (or a log of a count). The strongest cue that no site's layout can
fake: a headline summarises the story's lead, so its content words come back in the first paragraphs
(``lead_overlap``), while a masthead, a menu or a byline shares none of them.
"""

from __future__ import annotations

import math
import re

from kuril_research.ingest.parse.captions import is_caption
from kuril_research.ingest.parse.header import has_headline_verb, is_person_name
from kuril_research.ingest.parse.lexicon import FurnitureLexicon, furniture_reason
from kuril_research.ingest.parse.shape import SENTENCE_BREAK_RE, is_dated_line, is_writers_line
from kuril_research.ingest.parse.text import SENTENCE_END_RE, STATEMENT_END_RE

__all__ = ["CANDIDATE_LINES", "HEADER_PARAGRAPHS", "LEAD_MIN_WORDS", "LEAD_PARAGRAPHS", "FEATURE_NAMES", "candidates", "is_paragraph", "lead_words",
           "content_words", "line_features",
           "NUMBER_TAIL_RE", "is_numbered_copy"]

#: How many non-empty lines at the top of a page may be the headline.
CANDIDATE_LINES = 25
#: A line of this many words or more that ends a sentence is a paragraph of the story (the lead, the first).
LEAD_MIN_WORDS = 20
#: The header ends at this paragraph (:func:`candidates`).
HEADER_PARAGRAPHS = 2
#: How many paragraphs from the lead on make the "lead text" a headline's words are looked for in.
LEAD_PARAGRAPHS = 3
#: Words too common to tell a headline from a menu (function words, the commonest verbs of news).
COMMON_WORDS = frozenset("""a an the and or but of in on at to for from by with as is are was were be been has have had
it its this that these those he she they we you his her their our your not no new news more over after before than
about into up out off near amid says said will would could can may also who what when where why how which while""".split())
#: Words of a byline, a date stamp, a page's tools or a paywall ("By", "Writer:", "Updated", "For subscribers").
FURNITURE_WORDS = frozenset("""by writer writers reporter author authors updated published posted edited photo
photos credit subscribe subscribers subscriber sign login log skip menu search share print listen min read home
contents navigation newsletter advertisement premium exclusive live video watch follow ago""".split())
MONTH_RE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
                      r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.I)
CLOCK_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b(?:19|20)\d{2}\b")
#: Separators of a menu, breadcrumb or tool bar, and of a page title "Headline | Site".
MENU_SEPARATOR_RE = re.compile(r"\s[|›»>/·•]\s|\s\|\s?|\S\s{2,}\S")
WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")
#: A page title "Headline | Site": the line's words, a separator, a site's name.
PAGE_TITLE_TAIL_RE = re.compile(r"\s+[|–—-]\s+\S.{0,60}\Z")

#: A caption's credit: a bracketed note at the end ("(Reuters pic)"), "PHOTO:" or a copyright sign.
CREDIT_MARK_RE = re.compile(r"\([^()]{1,40}\)\Z|\bPHOTOS?:|©")

#: The features, in the order of the model's weights.
FEATURE_NAMES = (
    "position",            # index among the candidates / CANDIDATE_LINES
    "is_first",            # the first non-empty line of the page
    "log_words",           # log(1 + words)
    "short",               # three words or fewer
    "long",                # more than 25 words
    "many_words",          # more than 16 words (a caption, a deck, a lead)
    "inner_sentence",      # a sentence ends inside the line (a caption or a paragraph)
    "caption",             # a photo's caption: ends in its credit, or printed again with one
    "excess_words",        # words beyond 14, / 10 (headlines are short)
    "credit_mark",         # ends in a bracketed note, or holds "PHOTO:" or ©: a caption's credit
    "capital_share",       # share of words opening in a capital
    "all_capitals",        # the letters are all capitals
    "statement_end",       # ends in a full stop, colon or semicolon
    "question_or_quote",   # holds ? ! or a quotation mark
    "colon_inside",        # a colon inside the line (a headline's "Putin: no deal"; a field's "Writer: ...")
    "date_line",           # the line is a date or opens with one ("June 4, 2026 10:30 AM")
    "month_day",           # a month and a day inside ("talks on March 3")
    "clock_time",          # a clock time or a year
    "menu_separators",     # | › » / · or wide gaps between items
    "furniture_word",      # a word of a byline, stamp, tool or paywall
    "furniture_pattern",   # the furniture lexicon names the whole line
    "person_name",         # a writer's name, or names, or a name and city
    "headline_verb",       # a finite verb of the lexicon
    "lead_overlap",        # share of the line's content words found in the lead
    "lead_overlap_count",  # content words found in the lead, at most 4, / 4 (a long line shares more by length)
    "next_is_byline",      # the next non-empty line is a byline, writers' names or a date
    "prev_is_menu",        # the previous non-empty line has menu separators
    "page_title_repeat",   # another line near the top reads "this line | Site"
    "is_page_title",       # this line reads "a line printed elsewhere | Site"
    "repeated",            # the same line is printed elsewhere in the page
    "lower_start",         # opens in lower case
)


def content_words(line: str) -> set[str]:
    """The line's content words, lower-cased and cut to five letters (so "talks" and "talked" meet).

    Examples
    --------
    >>> sorted(content_words("Japan protests the Russian drills"))
    ['drill', 'japan', 'prote', 'russi']
    """
    return {w.lower()[:5] for w in WORD_RE.findall(line) if w.lower() not in COMMON_WORDS and len(w) > 2}


def is_paragraph(line: str) -> bool:
    """A line of the story: :data:`LEAD_MIN_WORDS` words or more and a sentence end."""
    return len(line.split()) >= LEAD_MIN_WORDS and SENTENCE_END_RE.search(line) is not None


def candidates(lines: list[str]) -> list[tuple[int, str]]:
    """The (1-based number, stripped text) of the first :data:`CANDIDATE_LINES` non-empty lines that are no
    paragraph (:func:`is_paragraph`), above the :data:`HEADER_PARAGRAPHS`-th paragraph (a caption in sentences
    may stand over the headline; the lead ends the header).

    Examples
    --------
    >>> candidates(["Site", "", "Headline here", "The ferry left the harbour at noon on Friday after a storm that kept "
    ...            "the boats in port for a week, officials said."])
    [(1, 'Site'), (3, 'Headline here')]
    >>> [text for _, text in candidates(["A boat in the harbour of Nemuro on a grey morning before the ferry left for the "
    ...                                  "islands in the fog.", "Ferries resume", "Lead " * 25 + "end.", "Not me"])]
    ['Ferries resume']
    """
    out = []
    paragraphs = 0
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            continue
        if is_paragraph(text):
            paragraphs += 1
            if paragraphs == HEADER_PARAGRAPHS:
                break
            continue
        if len(out) >= CANDIDATE_LINES:
            break
        out.append((number, text))
    return out


#: A figure at the end of a line, with the spaces, dashes or brackets before it ("... protest4", "Photo (2)").
NUMBER_TAIL_RE = re.compile(r"[\s_(#-]*\d+\)?\Z")


def is_numbered_copy(line: str, others: list[str]) -> bool:
    """Whether ``line`` is one of a series of lines that differ only in a closing number ("Rally in Nemuro 1",
    "Rally in Nemuro 2"): a gallery's image names or alternative texts, never a headline.

    Examples
    --------
    >>> is_numbered_copy("Rally in Nemuro2", ["Rally in Nemuro1", "Japan protests"])
    True
    >>> is_numbered_copy("Japan protests", ["Rally in Nemuro1"])
    False
    >>> is_numbered_copy("UN Resolution 2758", ["UN Resolution 2759"]), is_numbered_copy("Talks 2", ["Talks 2"])
    (True, False)
    """
    stem = NUMBER_TAIL_RE.sub("", line)
    return stem != line and len(stem.split()) >= 2 and any(
        other != line and NUMBER_TAIL_RE.sub("", other) == stem for other in others)


def lead_words(lines: list[str]) -> set[str]:
    """The content words of the first :data:`LEAD_PARAGRAPHS` paragraphs (:func:`is_paragraph`)."""
    words: set[str] = set()
    found = 0
    for line in lines:
        if is_paragraph(line.strip()):
            words |= content_words(line)
            found += 1
            if found == LEAD_PARAGRAPHS:
                break
    return words


def _is_byline_or_date(line: str) -> bool:
    low = line.lower()
    return bool(is_dated_line(line) or is_writers_line(line) or is_person_name(line) or low.startswith("by ")
                or MONTH_RE.search(line) and len(line.split()) <= 8)


def line_features(cands: list[tuple[int, str]], i: int, lead: set[str], counts: dict[str, int],
                  lex: FurnitureLexicon) -> list[float]:
    """The numbers of :data:`FEATURE_NAMES` for candidate ``i`` of ``cands`` (:func:`candidates`).

    ``lead`` holds the lead's content words (:func:`lead_words`); ``counts`` how often each stripped line is
    printed in the page.

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> cands = [(1, "Home | World | Asia"), (2, "Japan protests Russian drills off Kunashir")]
    >>> lead = content_words("Japan lodged a protest over Russian military drills on Kunashir on Monday.")
    >>> f = dict(zip(FEATURE_NAMES, line_features(cands, 1, lead, {}, default_furniture())))
    >>> f["lead_overlap"], f["prev_is_menu"], f["menu_separators"]
    (1.0, 1.0, 0.0)
    >>> dict(zip(FEATURE_NAMES, line_features(cands, 0, lead, {}, default_furniture())))["lead_overlap"]
    0.0
    """
    line = cands[i][1]
    words = line.split()
    n = len(words)
    letters = [c for c in line if c.isalpha()]
    own = content_words(line)
    shared = own & lead
    nxt = cands[i + 1][1] if i + 1 < len(cands) else ""
    prev = cands[i - 1][1] if i > 0 else ""
    others = [text for j, (_, text) in enumerate(cands) if j != i]
    repeat = any(o != line and o.startswith(line) and PAGE_TITLE_TAIL_RE.fullmatch(o[len(line):]) for o in others)
    is_title = any(line != o and line.startswith(o) and PAGE_TITLE_TAIL_RE.fullmatch(line[len(o):]) for o in others)
    lowered = {w.strip(".,:;!?()\"'“”‘’").lower() for w in words}
    return [
        i / CANDIDATE_LINES,
        float(i == 0),
        math.log1p(n),
        float(n <= 3),
        float(n > 25),
        float(n > 16),
        float(SENTENCE_BREAK_RE.search(line) is not None),
        float(is_caption(line, [text for _, text in cands[max(0, i - 2): i + 3]])),
        max(0, n - 14) / 10,
        float(CREDIT_MARK_RE.search(line) is not None),
        sum(1 for w in words if w[:1].isupper()) / n,
        float(bool(letters) and all(c.isupper() for c in letters) and len(letters) > 1),
        float(STATEMENT_END_RE.search(line) is not None),
        float(re.search("[?!\"“”«»]", line) is not None),
        float(":" in line.rstrip(":")),
        float(is_dated_line(line)),
        float(MONTH_RE.search(line) is not None),
        float(CLOCK_RE.search(line) is not None),
        float(MENU_SEPARATOR_RE.search(line) is not None),
        float(bool(lowered & FURNITURE_WORDS)),
        float(furniture_reason(line, lexicon=lex) is not None),
        float(bool(is_person_name(line) or is_writers_line(line))),
        float(has_headline_verb(line, lex)),
        len(shared) / len(own) if own else 0.0,
        min(len(shared), 4) / 4,
        float(bool(nxt) and _is_byline_or_date(nxt)),
        float(bool(prev) and MENU_SEPARATOR_RE.search(prev) is not None),
        float(repeat),
        float(is_title),
        float(counts.get(line, 0) > 1),
        float(line[:1].islower()),
    ]
