"""Turn an article's raw text into its parts: title, standfirst, dateline, paragraphs.

Articles arrive as they were copied from a web page. The parser works line by
line on Unicode-normalised text and applies these rules, in order:

1. **Normalise** (:func:`normalise_text`): NFC; no-break and other fixed-width
   spaces become ordinary spaces; zero-width characters and soft hyphens are
   removed; line endings become ``\\n``; trailing spaces are trimmed. None of
   this changes what a reader sees.
2. **Furniture** (``data/furniture.yaml``, :func:`load_furniture_lexicon`): a
   line that is wholly a section label, advertisement, newsletter prompt, "Read
   more" link, share counter, comment notice, byline, date line, audio player,
   donation appeal, weather or traffic widget, cookie notice, tag list or other
   listed furniture is removed and logged with its 1-based line number and
   reason; a related-links header ("You may also like:") and the short lines
   after it are removed as "related links".
3. **Dateline** (:data:`DATELINE_RE`): the first paragraph that opens with a
   dateline (``MOSCOW, July 26. /TASS/.``, ``MOSCOW, Russia –``,
   ``MOSCOW (Sputnik) -``, ``TOKYO —``) starts the body; the dateline is cut
   from the body text and kept in its own fields.
4. **Header**: lines before the dateline are the site's own header (lines
   matching ``site_headers`` or short capitalised names such as "Nikkei Asia",
   logged as "site header"), then the title (the first other line), the
   standfirst (the next line, unless it looks like a caption or a byline) and
   photo captions (anything further). An article without a dateline has its
   leading site-header lines removed the same way, and a title only if its
   next line is a single line followed by a blank line and reads like a
   headline (no sentence-final full stop); it then has no standfirst.
   Lines above a removed menu bar or breadcrumb ("Home > Local", "A | B | C") are the
   site's masthead, and so are heading lines above a date when one more heading line and
   then a sentence follow it (minutes, notices); a short kicker ("Japan-Russia relations")
   over a longer headline is a section label; the line under a summary label ("In Brief")
   is the standfirst. A donation appeal runs from its header ("A message from ...:") to
   its button; readers' comments run from "Sort by:" to the end; a caption standing just
   above its photo credit is a caption.
5. **Paragraphs**: every remaining non-empty line is a paragraph, whether the
   source separated paragraphs by blank lines or single newlines; a hard-wrapped
   line (no closing punctuation, next line starting in lower case) is joined to
   the next. The clean body is the paragraphs joined by a blank line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kuril_research.errors import LexiconError
from kuril_research.lexicons import data_path, file_sha256, load_yaml

__all__ = [
    "ParsedArticle",
    "Removed",
    "DATELINE_RE",
    "FurnitureLexicon",
    "load_furniture_lexicon",
    "normalise_text",
    "parse_article",
]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))

#: A dateline at the start of a paragraph. Place in capitals (1–4 words), then
#: any of: ", Country", ", Month Day" or ", Day Month", "/AGENCY/" or "(Agency)"
#: (also "(Outlet / Agency - 3rd March, 2019)", "(AGENCY1, AGENCY2)"), and a dash
#: or full stop before the first word of the story. At least one of month/day,
#: agency or a dash must be present, so an ordinary sentence never matches. A
#: place in mixed case ("Tokyo (AFP) -") needs both an agency and a dash.
DATELINE_RE = re.compile(
    rf"""\A
    (?P<place>[A-Z][A-Z'.\-]+(?:\ [A-Z][A-Z'.\-]+){{0,3}}|[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){{0,2}}(?=,?\s*\())
    (?:,\ (?P<country>[A-Z][a-z]+(?:\ [A-Z][a-z]+)?)(?=\s*[,(/–—-]))?
    (?:,?\ (?:(?P<month>(?i:{_MONTH_ALT}))\.?\ (?P<day>\d{{1,2}})\b\.?|(?P<day2>\d{{1,2}})\ (?P<month2>(?i:{_MONTH_ALT}))\b\.?))?
    (?:\s*/(?P<agency>[A-Za-z][A-Za-z\-]*)/\.?|,?\s*\((?P<agency2>[A-Za-z][^()\n]{{0,60}})\))?
    (?P<dash>\s*(?:[–—-]+|•))?
    (?:\s+(?P<agency3>RIA\ Novosti|Interfax|TASS|Sputnik|Kyodo|Xinhua|Yonhap|Reuters|AFP|AP)\.)?
    \s+(?=\S)
    """,
    re.VERBOSE,
)
#: A local paper's place in square brackets: "[Nemuro] In a classroom ...".
BRACKET_DATELINE_RE = re.compile(r"\A\[(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\]\s+(?=[A-Z])")
#: A dateline that is only an agency in brackets and a dash: "(RT) –".
AGENCY_DATELINE_RE = re.compile(r"\A\((?P<agency2>[A-Za-z][^()\n]{0,40})\)\s*(?P<dash>[–—-]+)\s+(?=\S)")
_MONTH_CI_RE = re.compile(rf"\A(?:{_MONTH_ALT})\Z", re.IGNORECASE)

#: A line that ends with a photo agency's credit is a caption with its credit.
CAPTION_CREDIT_RE = re.compile(
    r"(?:\((?:photo|image|file photo|credit|photo credit)\s*:[^)]*\)|\((?:[\w .]+ )?file photo\)|"
    r"\b(?:file )?photo:\s*[\w .,/&-]+|\b(?:AFP|AP|Reuters|Kyodo|Jiji|EPA|TASS|Sputnik)/File\s*/\s*[\w .'-]+|"
    r"\[(?:file(?: photo)?|photo|image|video)\s*:[^\]]*\]|\((?:Kyodo|Jiji|AFP|AP|Reuters|TASS|Sputnik|EPA|Xinhua|Yonhap)(?: Photo)?\)|(?:pool )?photo(?:graph)? (?:via|by) [\w .&]+|/\s*(?:AP|AFP|Reuters|TASS|Kyodo|Sputnik|EPA|Getty Images|Pool|Bloomberg|RIA Novosti)\b[\w ./]*|\b(?:Getty Images|Shutterstock)|\bvia (?:AP|Reuters|AFP|Getty Images))\s*\Z",
    re.I,
)
#: A headline may end in ? or ! but not in a full stop.
STATEMENT_END_RE = re.compile(r"[.…:;][\"'”’)\]]*\Z")
#: Removed lines that follow a standfirst in an article without a dateline.
STANDFIRST_FOLLOWERS = frozenset({"byline", "date line"})
SENTENCE_END_RE = re.compile(r"[.!?…:;][\"'”’)\]]*\Z")
#: C0/C1 control characters other than the line feed (category Cc).
CONTROL_CHARS_RE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
TRAILING_SPACE_RE = re.compile(r"[^\S\n]+(?=\n|\Z)")
#: Fixed-width and no-break spaces and tabs, read as a space (one regex pass is ~5x faster than str.translate).
SPACES_RE = re.compile("[\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000\t]")
#: Zero-width characters, byte-order marks and soft hyphens, removed.
INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


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


def normalise_text(text: str) -> str:
    """Normalise Unicode and white space without changing what a reader sees.

    NFC composition; no-break, thin and other fixed-width spaces and tabs → a
    space; zero-width characters, BOMs and soft hyphens removed; ``\\r\\n`` and
    ``\\r`` → ``\\n``; other control characters removed; trailing spaces trimmed.

    Examples
    --------
    >>> normalise_text("improved\\u00a0\\r\\nLavrov,\\u00a0it")
    'improved\\nLavrov, it'
    >>> normalise_text("Shikotan\\u0301") == "Shikotán"[:-1] + "\\u00e1"
    False
    >>> normalise_text("e\\u0301") == "\\u00e9"
    True
    """
    return TRAILING_SPACE_RE.sub("", _normalise_characters(text))


def _normalise_characters(text: str) -> str:
    """:func:`normalise_text` without trimming trailing spaces (callers that strip every line need not pay for it)."""
    text = INVISIBLE_RE.sub("", SPACES_RE.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")))
    return unicodedata.normalize("NFC", CONTROL_CHARS_RE.sub("", text))


@dataclass(frozen=True)
class FurnitureLexicon:
    """Validated page-furniture rules from ``furniture.yaml`` (see that file), compiled once.

    ``line_re`` is one alternation with a named group per reason (``r0``, ``r1`` ... in file order),
    so that a line is checked in one regex call; ``reasons`` maps the group names back.
    """

    path: str
    sha256: str
    max_line_chars: int
    line_re: re.Pattern = field(repr=False)
    reasons: dict[str, str] = field(repr=False)
    list_header_re: re.Pattern | None = field(repr=False)
    list_item_chars: int
    site_header_re: re.Pattern | None = field(repr=False)
    site_name_words: int
    appeal_header_re: re.Pattern | None = field(default=None, repr=False)
    appeal_max_lines: int = 10
    comment_header_re: re.Pattern | None = field(default=None, repr=False)


def load_furniture_lexicon(path: str | Path | None = None) -> FurnitureLexicon:
    """Load and validate the page-furniture rules (cached per file version).

    Parameters
    ----------
    path : str or Path, optional
        A ``furniture.yaml``; defaults to the one shipped in ``kuril_research/data``.

    Returns
    -------
    FurnitureLexicon

    Raises
    ------
    LexiconError
        Naming the file and line of the first problem and what to do.

    Examples
    --------
    >>> lex = load_furniture_lexicon()
    >>> lex.max_line_chars, "byline" in lex.reasons.values()
    (300, True)
    """
    path = Path(path) if path is not None else data_path("furniture.yaml")
    try:
        stamp = path.resolve().stat().st_mtime_ns
    except OSError:
        stamp = None  # let the loader report the missing file
    return _load_furniture_lexicon(path.resolve(), stamp)


@lru_cache(maxsize=1)
def _default_furniture() -> FurnitureLexicon:
    return load_furniture_lexicon()


@lru_cache(maxsize=8)
def _load_furniture_lexicon(path: Path, stamp: int | None) -> FurnitureLexicon:
    doc = load_yaml(path)

    def fail(message: str, line: int | None, hint: str) -> LexiconError:
        return LexiconError(message, path=path, line=line, hint=hint)

    keys = ("max_line_chars", "line_rules", "list_headers", "list_item_chars", "site_headers", "site_name_words")
    optional = ("appeal_headers", "appeal_max_lines", "comment_headers")
    if not isinstance(doc, dict):
        raise fail("expected a mapping with the keys " + ", ".join(keys), None, "see the shipped furniture.yaml")
    for key in doc:
        if key not in keys + optional:
            raise fail(f"unknown key {key!r}", doc.lines[key], "use one of " + ", ".join(keys + optional))
    for key in keys:
        if key not in doc:
            raise fail(f"missing key {key!r}", doc.line, "add it (see the shipped furniture.yaml)")
    for key in ("max_line_chars", "list_item_chars", "site_name_words", "appeal_max_lines"):
        if key not in doc:
            continue
        if isinstance(doc[key], bool) or not isinstance(doc[key], int) or doc[key] < 1:
            raise fail(f"{key} must be a positive whole number, not {doc[key]!r}", doc.lines[key], "write e.g. 120")

    def patterns(key: str, node, line: int) -> list[str]:
        if not isinstance(node, list) or not node:
            raise fail(f"{key} must be a non-empty list of patterns", line, "write one pattern per '- ' line")
        for item, item_line in zip(node, node.lines):
            if not isinstance(item, str) or not item.strip():
                raise fail(f"{key}: {item!r} is not a pattern", item_line, "write a regular expression in quotes")
            try:
                re.compile(item)
            except re.error as error:
                raise fail(f"{key}: {item!r} is not a valid regular expression ({error})", item_line,
                           "fix the pattern (write it in single quotes so backslashes stay as written)") from None
        return list(node)

    rules = doc["line_rules"]
    if not isinstance(rules, dict) or not rules:
        raise fail("line_rules must map reasons to lists of patterns", doc.lines["line_rules"],
                   "write e.g. 'byline:' followed by '- ' patterns")
    groups, reasons = [], {}
    for n, (reason, node) in enumerate(rules.items()):
        alternatives = "|".join(f"(?:{p})" for p in patterns(f"line_rules.{reason}", node, rules.lines[reason]))
        groups.append(f"(?P<r{n}>{alternatives})")
        reasons[f"r{n}"] = str(reason)
    headers = patterns("list_headers", doc["list_headers"], doc.lines["list_headers"])
    sites = patterns("site_headers", doc["site_headers"], doc.lines["site_headers"])
    appeals = patterns("appeal_headers", doc["appeal_headers"], doc.lines["appeal_headers"]) \
        if "appeal_headers" in doc else []
    comments = patterns("comment_headers", doc["comment_headers"], doc.lines["comment_headers"]) \
        if "comment_headers" in doc else []
    return FurnitureLexicon(
        path=str(path), sha256=file_sha256(path), max_line_chars=doc["max_line_chars"],
        line_re=re.compile("|".join(groups), re.I), reasons=reasons,
        list_header_re=re.compile("|".join(f"(?:{p})" for p in headers), re.I),
        list_item_chars=doc["list_item_chars"],
        site_header_re=re.compile("|".join(f"(?:{p})" for p in sites), re.I),
        site_name_words=doc["site_name_words"],
        appeal_header_re=re.compile("|".join(f"(?:{p})" for p in appeals), re.I) if appeals else None,
        appeal_max_lines=doc.get("appeal_max_lines", 10),
        comment_header_re=re.compile("|".join(f"(?:{p})" for p in comments), re.I) if comments else None,
    )


def furniture_reason(line: str, *, lexicon: FurnitureLexicon | None = None) -> str | None:
    """Return why a whole line is page furniture, or None if it is text.

    Examples
    --------
    >>> furniture_reason("All news"), furniture_reason("- Advertisement -")
    ('section label', 'advertisement')
    >>> furniture_reason("© Toru Hanai/Pool Photo via AP")
    'credit line'
    >>> furniture_reason("READ MORE: Japan protests drills") is None
    False
    >>> furniture_reason("by Jane Doe, Staff Writer"), furniture_reason("Listen to this article")
    ('byline', 'audio player')
    >>> furniture_reason("Russia values cooperation with Japan.") is None
    True
    """
    lex = lexicon if lexicon is not None else _default_furniture()
    if len(line) > lex.max_line_chars:
        return None
    hit = lex.line_re.fullmatch(line)
    return lex.reasons[hit.lastgroup] if hit is not None else None


#: A related-links header ("You may also like:") is a short line.
LIST_HEADER_CHARS = 60
#: Signs a headline may carry and a site name does not.
HEADLINE_MARKS_RE = re.compile("[:?!\"“”]|(?<!\\w)['‘’]|['‘’](?!\\w)")
#: Lower-case words and signs a site name or slogan may hold ("Democracy Dies in Darkness").
SITE_NAME_JOINERS = frozenset({"&", "|", "-", "–", "/", "of", "the", "and", "in", "for", "on", "at", "to", "a"})


def _is_headline_case(line: str, lex: FurnitureLexicon) -> bool:
    """A short capitalised line of three or more words that no site-header pattern names: maybe a headline."""
    return len(line.split()) >= 3 and not (lex.site_header_re is not None and lex.site_header_re.fullmatch(line))


def _is_site_header(line: str, lex: FurnitureLexicon) -> bool:
    """A header line that is the site's, not the headline: a listed pattern, or a short capitalised name."""
    if lex.site_header_re is not None and lex.site_header_re.fullmatch(line):
        return True
    words = line.split()
    return len(words) <= lex.site_name_words and not HEADLINE_MARKS_RE.search(line) and all(
        w[:1].isupper() or w[:1].isdigit() or w in SITE_NAME_JOINERS for w in words)


#: Every match of :data:`CAPTION_CREDIT_RE` contains one of these (compared lower-cased).
CREDIT_WORDS = ("photo", "/", "getty images", "shutterstock", "via ", "image", "credit", "[file", "[video", "(kyodo)",
                "(jiji)", "(afp)", "(ap)", "(reuters)", "(tass)", "(sputnik)", "(epa)", "(xinhua)", "(yonhap)")


def _has_credit(line: str) -> bool:
    """``CAPTION_CREDIT_RE.search(line)``, skipping the regex for ASCII lines without a credit word (~3x faster).

    For ASCII text ``re.IGNORECASE`` and ``str.lower`` agree, so a line whose
    lower case contains none of :data:`CREDIT_WORDS` cannot match.
    """
    if line.isascii():
        lowered = line.lower()
        if not any(word in lowered for word in CREDIT_WORDS):
            return False
    return CAPTION_CREDIT_RE.search(line) is not None


#: A kicker or topic label above a headline: one to three words, no sentence punctuation.
KICKER_MAX_WORDS = 3
#: A headline under a kicker has at least this many words.
KICKER_HEADLINE_WORDS = 6


def _is_kicker(line: str, next_line: str) -> bool:
    """A short topic label ("Japan-Russia relations") over a longer headline-like line, in an article without a
    dateline: the label is the site's, the next line is the headline.

    Examples
    --------
    >>> _is_kicker("Arctic shipping", "Icebreakers crowd the northern sea route as summer opens")
    True
    >>> _is_kicker("Talks stall", "Talks stalled."), _is_kicker("Japan protests drills", "Tokyo says no.")
    (False, False)
    """
    return (len(line.split()) <= KICKER_MAX_WORDS and not SENTENCE_END_RE.search(line) and next_line[:1].isupper()
            and not HEADLINE_MARKS_RE.search(line) and len(next_line.split()) >= KICKER_HEADLINE_WORDS
            and not STATEMENT_END_RE.search(next_line))


#: Signs that a short line is a sentence of the article rather than a caption without a credit.
CAPTION_MAX_CHARS = 200


#: A credit line that credits a picture ("Image: Kyodo", "Photo: AP", "© Reuters"), not a text's source.
PHOTO_CREDIT_RE = re.compile(r"(?:photo(?:graph)?|image|picture|pictures|credit|©)", re.I)


def _appeal_lines(lines: list[str], lex: FurnitureLexicon) -> set[int]:
    """1-based numbers of the lines of donation appeals: an ``appeal_headers`` line up to the next "donation
    appeal" line within ``appeal_max_lines`` lines, and the appeal lines (buttons) right after it.

    Examples
    --------
    >>> sorted(_appeal_lines(["Text.", "A message from the Island Post:", "We need you.", "Support The Island Post!",
    ...                       "Monthly", "", "More text."], _default_furniture()))
    [2, 3, 4, 5]
    >>> _appeal_lines(["A message from the Island Post:", "We need you.", "More text."], _default_furniture())
    set()
    """
    if lex.appeal_header_re is None:
        return set()
    out: set[int] = set()
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


#: A removed menu or breadcrumb bar: its items are separated by | > › » or " / ".
MENU_BAR_RE = re.compile(r"[|>›»]|\s/\s")


def _masthead_end(header: list[tuple[int, str, bool]], removed: list[Removed]) -> int:
    """How many of the first ``header`` lines stand above a removed menu bar or breadcrumb that has a kept line
    after it: those are the site's masthead (name, slogan, second-language name), not the headline."""
    if len(header) < 2:
        return 0
    bars = [r.line for r in removed if r.reason == "navigation" and header[0][0] < r.line < header[-1][0]
            and MENU_BAR_RE.search(r.text)]
    if not bars:
        return 0
    last = max(bars)
    return sum(1 for number, _, _ in header if number < last)


def _dated_masthead_end(lines: list[tuple[int, str, bool]], removed: list[Removed]) -> int:
    """How many leading lines are a masthead in a page that prints its headers, then a date, then the headline:
    two or more heading lines (no sentence end), a removed date line, one heading line, then a sentence
    (parliamentary minutes, official notices). 0 if the page does not look like that."""
    dates = {r.line for r in removed if r.reason == "date line"}
    for d in range(2, len(lines) - 1):
        if not any(lines[d - 1][0] < n < lines[d][0] for n in dates):
            continue
        heads = all(not SENTENCE_END_RE.search(line) for _, line, _ in lines[:d + 1])
        return d if heads and SENTENCE_END_RE.search(lines[d + 1][1]) else 0
    return 0


def _is_bare_caption(line: str) -> bool:
    """A line that may be a photo's caption printed just above its credit line: short, no closing full stop."""
    return len(line) <= CAPTION_MAX_CHARS and not SENTENCE_END_RE.search(line)


def _is_caption(line: str, neighbours: list[str]) -> bool:
    if _has_credit(line):
        return True
    # a caption printed twice: this line is the start of a neighbouring line that ends in a credit
    return any(other != line and other.startswith(line) and _has_credit(other) for other in neighbours)


def _match_dateline(paragraph: str) -> re.Match[str] | None:
    match = DATELINE_RE.match(paragraph)
    if match is None:
        if paragraph[:1] == "[":
            return BRACKET_DATELINE_RE.match(paragraph)
        return AGENCY_DATELINE_RE.match(paragraph) if paragraph[:1] == "(" else None
    has_date = match.group("month") is not None or match.group("month2") is not None
    has_agency = (match.group("agency") or match.group("agency2")) is not None
    has_dash = match.group("dash") is not None
    if not (has_date or has_agency or has_dash):
        return None
    if not match.group("place").isupper() and not (has_agency and has_dash):
        return None
    if not has_date and _MONTH_CI_RE.match(match.group("place")):
        return None
    return match


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
    lex = furniture if furniture is not None else _default_furniture()
    text = _normalise_characters(raw)  # = normalise_text(raw) but for trailing spaces, which line.strip() removes
    removed: list[Removed] = []
    warnings: list[str] = []
    kept: list[tuple[int, str, bool]] = []  # (line number, text, preceded by a blank line)
    blank_before, in_list, in_comments = True, False, False
    all_lines = text.split("\n")
    appeal = _appeal_lines(all_lines, lex)
    for number, line in enumerate(all_lines, start=1):
        stripped = line.strip()
        if not stripped:
            blank_before = True
            continue
        short = len(stripped) <= lex.max_line_chars
        if in_comments or (lex.comment_header_re is not None and len(stripped) <= LIST_HEADER_CHARS
                           and lex.comment_header_re.fullmatch(stripped)):
            in_comments = True  # readers' comments run to the end of the page
            removed.append(Removed(number, stripped, "reader comments"))
        elif number in appeal:
            removed.append(Removed(number, stripped, "donation appeal"))
        elif len(stripped) <= LIST_HEADER_CHARS and lex.list_header_re.fullmatch(stripped):
            in_list = True
            removed.append(Removed(number, stripped, "related links"))
        elif (reason := furniture_reason(stripped, lexicon=lex) if short else None) is not None:
            removed.append(Removed(number, stripped, reason))
            in_list = False  # another kind of furniture ("Politics") ends a list of links: a headline may follow
            if reason == "credit line" and PHOTO_CREDIT_RE.match(stripped) and len(kept) > 2 \
                    and kept[-1][0] >= number - 2 and _is_bare_caption(kept[-1][1]):
                caption = kept.pop()  # "Boats in the port of Nemuro" over "Image: Kyodo": the photo's caption
                removed.append(Removed(caption[0], caption[1], "photo caption"))
        elif in_list and len(stripped) <= lex.list_item_chars:
            removed.append(Removed(number, stripped, "related links"))
        else:
            in_list = False
            kept.append((number, stripped, blank_before))
            blank_before = False  # a removed line separates like a blank line ("In Brief" over the first paragraph)

    lines = [t for _, t, _ in kept]
    dateline_index, match = None, None
    for i, line in enumerate(lines):
        match = _match_dateline(line)
        if match is not None:
            dateline_index = i
            break

    title = standfirst = None
    if dateline_index is not None:
        header = kept[:dateline_index]
        body = kept[dateline_index:]
        if given_title is not None:
            first = -1  # the source gave the title apart from the text: no header line is the title
        else:
            masthead = _masthead_end(header, removed)
            first = next((j for j, (_, line, _) in enumerate(header) if j >= masthead
                          and not _is_site_header(line, lex)), len(header) - 1)
            if 0 < first and STATEMENT_END_RE.search(header[first][1]) and _is_headline_case(header[first - 1][1], lex):
                first -= 1  # "Japan Protests Russian Drills" above a standfirst sentence: a headline, not a site name
        for j, (number, line, _) in enumerate(header):
            neighbours = [h[1] for h in header[max(0, j - 2): j + 3]]
            if j < first:
                removed.append(Removed(number, line, "site header"))
            elif j == first:
                title = line
            elif standfirst is None and not _is_caption(line, neighbours) and not _is_site_header(line, lex):
                standfirst = line
            else:
                removed.append(Removed(number, line, "byline" if _is_site_header(line, lex) else "photo caption"))
    else:
        first = 0
        while first + 1 < len(kept) and _is_site_header(kept[first][1], lex) and not kept[first + 1][1][:1].islower():
            removed.append(Removed(kept[first][0], kept[first][1], "site header"))
            first += 1
        masthead = max(_masthead_end(kept[:6], removed), _dated_masthead_end(kept[:6], removed))
        for number, line, _ in kept[first:masthead]:
            removed.append(Removed(number, line, "site header"))  # a site's name and slogan above its menu bar
        kept = kept[max(first, masthead):]
        if len(kept) > 2 and _is_kicker(kept[0][1], kept[1][1]):
            removed.append(Removed(kept[0][0], kept[0][1], "section label"))
            kept = kept[1:]
        body = kept
        if given_title is None and len(kept) > 1 and kept[1][2] and not STATEMENT_END_RE.search(kept[0][1]):
            title, body = kept[0][1], kept[1:]
            j = 1  # short capitalised lines right after the line below the title are bylines ("Kenji Aoyama")
            while j < min(len(body), 3) and len(body[j][1].split()) <= 3 and _is_site_header(body[j][1], lex):
                removed.append(Removed(body[j][0], body[j][1], "byline"))
                j += 1
            body = body[:1] + body[j:]
            if len(body) > 1 and len(body[0][1].split()) <= 3 and _is_site_header(body[0][1], lex):
                removed.append(Removed(body[0][0], body[0][1], "byline"))  # "The Island Post" under the title
                body = body[1:]
            between = {r.line: r.reason for r in removed}
            if len(body) > 1 and any(between.get(n) in STANDFIRST_FOLLOWERS for n in range(body[0][0] + 1, body[1][0])):
                standfirst, body = body[0][1], body[1:]  # the line between the title and a byline or date
            elif len(body) > 1 and between.get(body[0][0] - 1, between.get(body[0][0] - 2)) == "standfirst label":
                standfirst, body = body[0][1], body[1:]  # the line under "In Brief"
        warnings.append("no dateline found")

    # captions inside the body (credit at the end, or printed twice)
    paragraphs_src: list[str] = []
    body_lines = [t for _, t, _ in body]
    for j, (number, line, _) in enumerate(body):
        if j > 0 or dateline_index is None:
            neighbours = body_lines[max(0, j - 2): j + 3]
            if len(line) <= lex.max_line_chars and _is_caption(line, neighbours):
                removed.append(Removed(number, line, "photo caption"))
                continue
        paragraphs_src.append(line)

    dateline = place = country = agency = None
    month = day = None
    if match is not None and paragraphs_src:
        dateline = match.group(0).strip()
        groups = match.groupdict()
        agency = groups.get("agency") or groups.get("agency2") or groups.get("agency3")
        place, country = groups.get("place"), groups.get("country")
        if groups.get("month") or groups.get("month2"):
            month = MONTHS[(groups.get("month") or groups["month2"]).lower()]
            day = int(groups.get("day") or groups["day2"])
        paragraphs_src[0] = paragraphs_src[0][match.end():]

    paragraphs_src = _join_hard_wraps(paragraphs_src)
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


def _join_hard_wraps(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if out and not SENTENCE_END_RE.search(out[-1]) and line[:1].islower() and len(out[-1]) > 40:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out
