"""Heading lines set right before the header is read: a page's title ("Headline | Site") and a heading broken
over two lines."""

from __future__ import annotations

import re

from kuril_research.ingest.parse.dateline import TIMED_DATELINE_RE
from kuril_research.ingest.parse.header import DIGIT_RE, is_site_header
from kuril_research.ingest.parse.layout import STORY_LINE_WORDS
from kuril_research.ingest.parse.lexicon import FurnitureLexicon
from kuril_research.ingest.parse.records import Removed
from kuril_research.ingest.parse.text import SENTENCE_END_RE, STATEMENT_END_RE

__all__ = ["LIST_NUMBER_RE", "unnumbered_title", "unlabelled_title", "has_headline_under", "PAGE_TITLE_SEPARATOR_RE", "PAGE_TITLE_WORDS", "PAGE_TITLE_MAX_WORDS", "PAGE_TITLE_LINES", "PAGE_TITLE_PARTS", "page_title_headline",
           "doubled_heading", "is_outlet_name", "resolve_page_titles", "join_wrapped_headings",
           "GLUED_CRUMB_WORDS", "crumbs_glued_to", "CRUMB_SEPARATOR_RE", "crumbs_before"]


#: The separator between a headline and the site's name in a page's title ("Headline | Site", "Headline - Site").
PAGE_TITLE_SEPARATOR_RE = re.compile(r"\s+(?:\||[-–—]{1,2}|::|·|•)\s+")
#: The headline part of a page title has at least this many words.
PAGE_TITLE_WORDS = 3


def page_title_headline(line: str, lex: FurnitureLexicon) -> str | None:
    """The headline of a page title ("Japan protests drills | The Harbour Times" → "Japan protests drills"): a
    line whose last separator has a site's name after it (:func:`is_site_header`, no figure) and a headline
    before it (three words or more, itself no site name). None for any other line.

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> page_title_headline("Japan protests Russian drills | The Harbour Times", default_furniture())
    'Japan protests Russian drills'
    >>> page_title_headline("Russia holds drills on Kuril Islands — Pacific Courier", default_furniture())
    'Russia holds drills on Kuril Islands'
    >>> page_title_headline("Home | World | Asia", default_furniture()) is None
    True
    >>> page_title_headline("Jane Roe | 3.5.2026", default_furniture()) is None
    True
    """
    head = line
    for _ in range(PAGE_TITLE_PARTS):  # "Headline | Asia | The Harbour Times": the site, then its section
        parts = PAGE_TITLE_SEPARATOR_RE.split(head)
        if len(parts) < 2:
            break
        site = parts[-1].strip()
        shorter = head[:head.rstrip().rfind(site)].rstrip()
        shorter = re.sub(r"\s+(?:\||[-–—]{1,2}|::|·|•)\Z", "", shorter).strip()
        if not site or DIGIT_RE.search(site) or not is_site_header(site, lex):
            break
        head = shorter
    if head == line or "|" in head or not PAGE_TITLE_WORDS <= len(head.split()) <= PAGE_TITLE_MAX_WORDS \
            or is_site_header(head, lex):
        return None  # a longer line before "— Agency" is a photo's caption with its credit
    return head


#: A page title's headline has at most this many words.
PAGE_TITLE_MAX_WORDS = 25
#: A page title names the site and at most this many sections after its headline.
PAGE_TITLE_PARTS = 3
#: A site's name printed as its domain ("harbourtimes.com").
DOMAIN_RE = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}", re.I)


def is_outlet_name(name: str, lex: FurnitureLexicon, page: set[str] = frozenset()) -> bool:
    """Whether the name after a page title's dash is an outlet's, not a part of the headline ("... - Lavrov"): a
    domain, a name holding an outlet's noun (``site_name_nouns``: "Pacific Courier", "Asia News"), or a line the page
    prints again (``page``: its lines, lower-cased). A speaker ("... — FM", "... - Lavrov") is none of these.

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> lex = default_furniture()
    >>> is_outlet_name("Pacific Courier", lex), is_outlet_name("harbourtimes.com", lex), is_outlet_name("Lavrov", lex)
    (True, True, False)
    >>> is_outlet_name("FM", lex)
    False
    >>> is_outlet_name("Island Voice", lex, {"island voice"})
    True
    """
    words = name.split()
    return (DOMAIN_RE.fullmatch(name) is not None or any(w.lower().strip(".,+") in lex.site_name_nouns for w in words)
            or " ".join(words).lower() in page)


#: The bar of a page title ("Headline | Site").
PIPE_RE = re.compile(r"\s\|\s")
#: Page titles are looked for among this many first kept lines.
PAGE_TITLE_LINES = 8


def resolve_page_titles(kept: list[tuple[int, str, bool]], removed: list[Removed],
                        lex: FurnitureLexicon) -> list[tuple[int, str, bool]]:
    """Read a page title among the first kept lines (:func:`page_title_headline`): when its headline is printed
    again on a line of its own the page title is removed (logged as "page title"); a heading printed twice side by
    side (:func:`doubled_heading`) likewise, as "repeated title"; otherwise, when a bar
    separates the site's name ("Headline | Site"; a dash may join a headline's parts: "... - Lavrov"), its
    headline stands for the line. A page title removed as a menu bar ("Talks stall again | The Harbour Times") above every kept
    line comes back as its headline when no kept line repeats it. ``removed`` is extended in place.

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> kept = [(1, "Japan protests drills | The Harbour Times", True), (3, "The Harbour Times", True),
    ...         (5, "Japan protests drills", True), (7, "Tokyo said so.", True)]
    >>> log = []
    >>> [line for _, line, _ in resolve_page_titles(kept, log, default_furniture())], [r.reason for r in log]
    (['The Harbour Times', 'Japan protests drills', 'Tokyo said so.'], ['page title'])
    >>> [line for _, line, _ in resolve_page_titles(kept[:1] + kept[3:], [], default_furniture())]
    ['Japan protests drills', 'Tokyo said so.']
    """
    head_zone = kept[:PAGE_TITLE_LINES]
    texts = [" ".join(line.split()).lower() for _, line, _ in head_zone]
    page = {" ".join(line.split()).lower() for _, line, _ in kept} | {" ".join(r.text.split()).lower() for r in removed}
    out: list[tuple[int, str, bool]] = []
    story = next((i for i, (_, line, _) in enumerate(kept) if len(line.split()) >= STORY_LINE_WORDS
                  and SENTENCE_END_RE.search(line)), len(kept))  # a page's title stands above its story
    for i, (number, line, blank) in enumerate(kept):
        # "Yuzhno-Sakhalinsk, July 31, 2023, 14:05 — REGNUM" is a dateline, not a headline and its site's name
        head = page_title_headline(line, lex) if i < min(PAGE_TITLE_LINES, story) \
            and TIMED_DATELINE_RE.match(line) is None else None
        half = doubled_heading(line) if i < min(PAGE_TITLE_LINES, story) else None
        if half is not None:
            # a heading copied with its hidden twin ("Talks stall again Talks stall again"): removed when the page
            # prints it again on its own line, else it stands for its half
            if " ".join(half.split()).lower() in texts[:i] + texts[i + 1:]:
                removed.append(Removed(number, line, "repeated title"))
            else:
                out.append((number, half, blank))
        elif head is None and i < min(PAGE_TITLE_LINES, story) and has_headline_under(line, texts[i + 1:]):
            removed.append(Removed(number, line, "page title"))  # "Headline - the site's tagline" over "Headline"
        elif head is None:
            out.append((number, line, blank))
        elif " ".join(head.split()).lower() in texts[:i] + texts[i + 1:]:
            removed.append(Removed(number, line, "page title"))
        elif PIPE_RE.search(line[len(head):]) or is_outlet_name(
                PAGE_TITLE_SEPARATOR_RE.split(line[len(head):])[-1].strip(), lex, page):
            # a dash may join a headline's parts ("... - Lavrov"); a bar does not, nor does a dash before the name
            # of an outlet ("... - Pacific Courier", "... - harbourtimes.com")
            out.append((number, head, blank))
        else:
            out.append((number, line, blank))
    if out:
        for r in [r for r in removed if r.reason == "navigation" and r.line < out[0][0]]:
            head = page_title_headline(r.text, lex)
            if head is not None and PIPE_RE.search(r.text[len(head):]) and " ".join(head.split()).lower() not in texts \
                    and any(w[:1].islower() for w in head.split()[1:]):
                removed.remove(r)  # a sentence-case headline with the site's name: the page's title, no menu
                out.insert(0, (r.line, head, True))
                break
    return out


def has_headline_under(line: str, later: list[str]) -> bool:
    """Whether ``line`` is a page title whose headline is printed again under it: the words before one of its
    separators (:data:`PAGE_TITLE_SEPARATOR_RE`), :data:`PAGE_TITLE_WORDS` or more, are one of the ``later`` lines
    (lower-cased, spaces collapsed). What follows the separator need not look like a site's name: a tagline or a
    section ("... - New Zealand in the Kuril Islands") goes with the page title too.

    Examples
    --------
    >>> has_headline_under("Ferries resume to the islands - A travel guide to the north", ["ferries resume to the islands"])
    True
    >>> has_headline_under("Ferries resume - to the islands", ["ferries resume"])
    False
    """
    for match in PAGE_TITLE_SEPARATOR_RE.finditer(line):
        head = " ".join(line[:match.start()].split()).lower()
        if len(head.split()) >= PAGE_TITLE_WORDS and head in later:
            return True
    return crumbs_glued_to(line, later) is not None or crumbs_before(line, later) is not None


#: What parts a breadcrumb's items: a bar, an angle mark, a spaced slash, a double colon.
CRUMB_SEPARATOR_RE = re.compile(r"\s*[|>›»]\s*|\s/\s|\s::\s")


def crumbs_before(line: str, later: list[str]) -> str | None:
    """The headline that ends a breadcrumb trail, whatever mark parts its items, when the page prints it again on a
    line of its own ("News | World | Japan protests drills", "World > Asia > Japan protests drills", "You are here:
    Home » World » ..." over "Japan protests drills"): the repeated line (lower-cased, spaces collapsed, one of
    ``later``, :data:`PAGE_TITLE_WORDS` words or more) when every item before it is short
    (:data:`GLUED_CRUMB_WORDS` words at most) and none ends a sentence. None otherwise: a headline with its site's
    name after it ("Japan protests drills | The Harbour Times") is a page title of another kind.

    Examples
    --------
    >>> crumbs_before("News | World | Ferries resume to the islands", ["ferries resume to the islands"])
    'ferries resume to the islands'
    >>> crumbs_before("World > Asia > Ferries resume", ["ferries resume"]) is None
    True
    >>> crumbs_before("Tokyo said so. | Ferries resume to the islands", ["ferries resume to the islands"]) is None
    True
    """
    items = CRUMB_SEPARATOR_RE.split(line)
    if len(items) < 2:
        return None
    rest = " ".join(items[-1].split()).lower()
    crumbs = [item.strip() for item in items[:-1]]
    if len(rest.split()) < PAGE_TITLE_WORDS or rest not in later:
        return None
    if any(not item or len(item.split()) > GLUED_CRUMB_WORDS or SENTENCE_END_RE.search(item) for item in crumbs):
        return None
    return rest


#: A breadcrumb trail glued to a headline has at most this many words, each opening in a capital.
GLUED_CRUMB_WORDS = 4


def crumbs_glued_to(line: str, later: list[str]) -> str | None:
    """The headline of a line that glues a breadcrumb trail, its separators lost, before a headline the page prints
    again on its own line ("Home World Japan protests drills" over "Japan protests drills"): the repeated line
    (lower-cased, spaces collapsed, one of ``later``, :data:`PAGE_TITLE_WORDS` words or more) when the words before
    it are at most :data:`GLUED_CRUMB_WORDS`, each opening in a capital, with no sentence end. None otherwise.

    Examples
    --------
    >>> crumbs_glued_to("Home International Ferries resume to the islands", ["ferries resume to the islands"])
    'ferries resume to the islands'
    >>> crumbs_glued_to("Tokyo says ferries resume to the islands", ["ferries resume to the islands"]) is None
    True
    >>> crumbs_glued_to("Home International Ferries resume", ["ferries resume"]) is None
    True
    """
    words = line.split()
    for k in range(1, min(GLUED_CRUMB_WORDS, len(words) - PAGE_TITLE_WORDS) + 1):
        rest = " ".join(words[k:]).lower()
        crumbs = words[:k]
        if not all(w[:1].isupper() for w in crumbs) or SENTENCE_END_RE.search(" ".join(crumbs)):
            return None
        if rest in later:
            return rest
    return None


def doubled_heading(line: str) -> str | None:
    """The heading of a line that prints it twice over, side by side ("Talks stall again Talks stall again" → "Talks
    stall again"): a copy that took a heading with its hidden twin (a screen reader's copy, a link's title). The
    heading has :data:`PAGE_TITLE_WORDS` words or more. None for any other line.

    Examples
    --------
    >>> doubled_heading("Ferries resume to the islands Ferries resume to the islands")
    'Ferries resume to the islands'
    >>> doubled_heading("Talks talks"), doubled_heading("Yes yes yes yes"), doubled_heading("Ferries resume")
    (None, None, None)
    """
    words = line.split()
    n = len(words) // 2
    if len(words) % 2 or n < PAGE_TITLE_WORDS or words[:n] != words[n:] or len(set(words[:n])) < PAGE_TITLE_WORDS:
        return None
    return " ".join(words[:n])


#: A wrapped heading's lines are short; its first line is longer than a headword over its descriptor ("Kuril
#: Islands" / "archipelago, Russia", :func:`is_descriptor`).
WRAPPED_HEADING_WORDS = 12
WRAPPED_HEADING_MIN_WORDS = 4
#: A byline with a name or a user's handle ("by jroe", "by Jane Roe", "posted by admin") is no heading's second line.
HANDLE_BYLINE_RE = re.compile(r"(?:posted |written )?by\s+(?:[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2}|[\w.@-]+)")


def join_wrapped_headings(kept: list[tuple[int, str, bool]], lines: int = PAGE_TITLE_LINES) -> list[tuple[int, str, bool]]:
    """Join a heading broken over two lines among the first ``lines`` kept lines: a short line of four words or
    more without a sentence end, right over (no blank line between) a short line that goes on in lower case and ends without a full stop
    ("Japan protests Russian drills" / "on the disputed islands off Hokkaido"). The joined line keeps the first
    line's number.

    Examples
    --------
    >>> kept = [(1, "Japan protests Russian drills", True), (2, "on the disputed islands", False),
    ...         (4, "Tokyo said so on Monday.", True)]
    >>> [line for _, line, _ in join_wrapped_headings(kept)]
    ['Japan protests Russian drills on the disputed islands', 'Tokyo said so on Monday.']
    >>> [line for _, line, _ in join_wrapped_headings([(1, "Japan protests Russian drills", True), (2, "by jroe", False)])]
    ['Japan protests Russian drills', 'by jroe']
    """
    out = list(kept)
    i = 0
    while i + 1 < min(len(out), lines):
        (number, line, blank), (_, nxt, nxt_blank) = out[i], out[i + 1]
        if not nxt_blank and nxt[:1].islower() and not SENTENCE_END_RE.search(line) \
                and not STATEMENT_END_RE.search(nxt) and WRAPPED_HEADING_MIN_WORDS <= len(line.split()) <= WRAPPED_HEADING_WORDS \
                and len(nxt.split()) <= WRAPPED_HEADING_WORDS and not HANDLE_BYLINE_RE.fullmatch(nxt):
            out[i:i + 2] = [(number, f"{line} {nxt}", blank)]
        else:
            i += 1
    return out


#: A title numbered as an item of a list ("1. Japanese schooner detained ..."): a database export's list of
#: documents (Nexis: "Document (1)", "1. Headline") prints the headline so above the document itself.
LIST_NUMBER_RE = re.compile(r"\A\d{1,3}\.\s+(?P<rest>\S.*)\Z")


def unnumbered_title(title: str | None, lines: list[str]) -> str | None:
    """The title without its list number when the page prints the headline again without it on a line of its own,
    else ``title`` unchanged.

    Examples
    --------
    >>> unnumbered_title("1. Ferry to the islands resumes", ["Document (1)", "1. Ferry to the islands resumes",
    ...                  "Ferry to the islands resumes", "Harbour Wire"])
    'Ferry to the islands resumes'
    >>> unnumbered_title("1. Ferry to the islands resumes", ["1. Ferry to the islands resumes", "The ferry sailed."])
    '1. Ferry to the islands resumes'
    """
    numbered = LIST_NUMBER_RE.match(title) if title is not None else None
    if numbered is None:
        return title
    rest = " ".join(numbered.group("rest").split()).casefold()
    return numbered.group("rest") if any(" ".join(line.split()).casefold() == rest for line in lines) else title


def unlabelled_title(title: str | None, labels: frozenset[str]) -> str | None:
    """The title without a news database's field label in capitals before it ("HEADLINE: Ferry resumes", as the
    classic Nexis download prints its headline field), else ``title`` unchanged. ``labels`` (lower case) are the
    labels that may open a headline so (furniture.yaml's ``headline_labels``); a label in mixed case is left, as
    "Headline: ..." may be a title's own word.

    Examples
    --------
    >>> unlabelled_title("HEADLINE: Ferry to the islands resumes", frozenset({"headline"}))
    'Ferry to the islands resumes'
    >>> unlabelled_title("ANALYSIS: Ferry to the islands resumes", frozenset({"headline"}))
    'ANALYSIS: Ferry to the islands resumes'
    >>> unlabelled_title("Headline: the ferry resumes", frozenset({"headline"})), unlabelled_title(None, frozenset())
    ('Headline: the ferry resumes', None)
    """
    if title is None:
        return None
    label, colon, rest = title.partition(":")
    if colon and label.isupper() and label.strip().lower() in labels and rest.strip():
        return rest.strip()
    return title
