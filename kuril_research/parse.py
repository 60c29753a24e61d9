"""Turn an article's raw text into its parts: title, standfirst, dateline, paragraphs.

Articles arrive as they were copied from a web page. The parser works line by
line on Unicode-normalised text and applies these rules, in order:

1. **Normalise** (:func:`normalise_text`): NFC; no-break and other fixed-width
   spaces become ordinary spaces; zero-width characters and soft hyphens are
   removed; line endings become ``\\n``; trailing spaces are trimmed. None of
   this changes what a reader sees.
2. **Furniture** (:data:`FURNITURE_RULES`): a line that is wholly a section
   label, advertisement, newsletter prompt, "Read more" link, share counter,
   comment notice, loading message, credit line or photo caption is removed and
   logged with its 1-based line number and reason.
3. **Dateline** (:data:`DATELINE_RE`): the first paragraph that opens with a
   dateline (``MOSCOW, July 26. /TASS/.``, ``MOSCOW, Russia –``,
   ``MOSCOW (Sputnik) -``, ``TOKYO —``) starts the body; the dateline is cut
   from the body text and kept in its own fields.
4. **Header**: lines before the dateline are the title (first line), the
   standfirst (the next line, unless it looks like a caption) and photo captions
   (anything further). An article without a dateline has a title only if its
   first line is a single line followed by a blank line and reads like a
   headline (no sentence-final full stop); it then has no standfirst.
5. **Paragraphs**: every remaining non-empty line is a paragraph, whether the
   source separated paragraphs by blank lines or single newlines; a hard-wrapped
   line (no closing punctuation, next line starting in lower case) is joined to
   the next. The clean body is the paragraphs joined by a blank line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

__all__ = [
    "ParsedArticle",
    "Removed",
    "DATELINE_RE",
    "FURNITURE_RULES",
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
#: any of: ", Country", ", Month Day", "/AGENCY/" or "(Agency)", and a dash or
#: full stop before the first word of the story. At least one of month/day,
#: agency or a dash must be present, so an ordinary sentence never matches.
DATELINE_RE = re.compile(
    rf"""\A
    (?P<place>[A-Z][A-Z'.\-]+(?:\ [A-Z][A-Z'.\-]+){{0,3}})
    (?:,\ (?P<country>[A-Z][a-z]+(?:\ [A-Z][a-z]+)?)(?=\s*[,(/–—-]))?
    (?:,?\ (?P<month>(?i:{_MONTH_ALT}))\.?\ (?P<day>\d{{1,2}})\b\.?)?
    (?:\s*/(?P<agency>[A-Za-z][A-Za-z\-]*)/\.?|\s*\((?P<agency2>[A-Za-z][A-Za-z\- ]*)\))?
    (?P<dash>\s*[–—-]+)?
    \s+(?=\S)
    """,
    re.VERBOSE,
)
_MONTH_CI_RE = re.compile(rf"\A(?:{_MONTH_ALT})\Z", re.IGNORECASE)

#: Furniture and captions are short lines; longer lines are text and skip the checks.
MAX_FURNITURE_CHARS = 300

#: Whole-line furniture patterns, checked in order; the first match gives the reason.
FURNITURE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("section label", re.compile(r"\A(?:All news|Latest news|Top stories|News|World|Russia|Politics|Business|Opinion|Home|Menu|More news)\Z", re.I)),
    ("advertisement", re.compile(r"\A[-–—\s]*(?:advertisement|sponsored(?: content)?|ad)[-–—\s]*\Z", re.I)),
    ("newsletter", re.compile(r"\A(?:subscribe to (?:our|the) newsletter|sign up (?:here |now )?(?:to|for) (?:get |receive )?.*(?:newsletter|news|inbox|updates).*|get (?:the latest|our) .*(?:newsletter|inbox).*|newsletter)\Z", re.I)),
    ("read more", re.compile(r"\A(?:read more|read also|see also|related(?: stories| articles)?)\b.*\Z", re.I)),
    ("share counter", re.compile(r"\A(?:\d[\d,.]*\s*[km]?\s*(?:shares?|views?|likes?)|share(?: this(?: article| story)?)?(?: on \w+)?:?|(?:facebook|twitter|x|telegram|vk|whatsapp|email|print)(?:\s*[|/·]\s*(?:facebook|twitter|x|telegram|vk|whatsapp|email|print))*)\Z", re.I)),
    ("comment notice", re.compile(r"\A(?:\d+\s+comments?|comments?(?: \(\d+\))?|leave a (?:comment|reply)|comments are closed\.?|you must be logged in to post a comment\.?|be the first to comment\.?|join the discussion\.?)\Z", re.I)),
    ("loading message", re.compile(r"\A(?:loading(?: articles| more| comments)?\s*(?:\.\.\.|…)?|please wait\s*(?:\.\.\.|…)?)\Z", re.I)),
    ("credit line", re.compile(r"\A(?:©|\(c\)\s|copyright\b|(?:photo|image|file photo|credit|source|video)\s*:).*\Z", re.I)),
]

#: A line that ends with a photo agency's credit is a caption with its credit.
CAPTION_CREDIT_RE = re.compile(
    r"(?:(?:pool )?photo(?:graph)? (?:via|by) [\w .&]+|/\s*(?:AP|AFP|Reuters|TASS|Kyodo|Sputnik|EPA|Getty Images|Pool|Bloomberg|RIA Novosti)\b[\w ./]*|\b(?:Getty Images|Shutterstock)|\bvia (?:AP|Reuters|AFP|Getty Images))\s*\Z",
    re.I,
)
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


def furniture_reason(line: str) -> str | None:
    """Return why a whole line is page furniture, or None if it is text.

    Examples
    --------
    >>> furniture_reason("All news"), furniture_reason("- Advertisement -")
    ('section label', 'advertisement')
    >>> furniture_reason("© Toru Hanai/Pool Photo via AP")
    'credit line'
    >>> furniture_reason("READ MORE: Japan protests drills") is None
    False
    >>> furniture_reason("Russia values cooperation with Japan.") is None
    True
    """
    if len(line) > MAX_FURNITURE_CHARS:
        return None
    for reason, pattern in FURNITURE_RULES:
        if pattern.match(line):
            return reason
    return None


#: Every match of :data:`CAPTION_CREDIT_RE` contains one of these (compared lower-cased).
CREDIT_WORDS = ("photo", "/", "getty images", "shutterstock", "via ")


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


def _is_caption(line: str, neighbours: list[str]) -> bool:
    if _has_credit(line):
        return True
    # a caption printed twice: this line is the start of a neighbouring line that ends in a credit
    return any(other != line and other.startswith(line) and _has_credit(other) for other in neighbours)


def _match_dateline(paragraph: str) -> re.Match[str] | None:
    match = DATELINE_RE.match(paragraph)
    if match is None:
        return None
    has_date = match.group("month") is not None
    has_agency = (match.group("agency") or match.group("agency2")) is not None
    has_dash = match.group("dash") is not None
    if not (has_date or has_agency or has_dash):
        return None
    if not has_date and _MONTH_CI_RE.match(match.group("place")):
        return None
    return match


def parse_article(raw: str, *, title: str | None = None) -> ParsedArticle:
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
    text = _normalise_characters(raw)  # = normalise_text(raw) but for trailing spaces, which line.strip() removes
    removed: list[Removed] = []
    warnings: list[str] = []
    kept: list[tuple[int, str, bool]] = []  # (line number, text, preceded by a blank line)
    blank_before = True
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            blank_before = True
            continue
        reason = furniture_reason(stripped)
        if reason is not None:
            removed.append(Removed(number, stripped, reason))
        else:
            kept.append((number, stripped, blank_before))
        blank_before = False

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
        first_standfirst = 0 if given_title is not None else 1
        for j, (number, line, _) in enumerate(header):
            neighbours = [h[1] for h in header[max(0, j - 2): j + 3]]
            if j == 0 and given_title is None:
                title = line
            elif j == first_standfirst and not _is_caption(line, neighbours):
                standfirst = line
            else:
                removed.append(Removed(number, line, "photo caption"))
    else:
        body = kept
        if given_title is None and len(kept) > 1 and (len(kept) < 2 or kept[1][2]) and not SENTENCE_END_RE.search(kept[0][1]):
            title, body = kept[0][1], kept[1:]
        warnings.append("no dateline found")

    # captions inside the body (credit at the end, or printed twice)
    paragraphs_src: list[str] = []
    body_lines = [t for _, t, _ in body]
    for j, (number, line, _) in enumerate(body):
        if j > 0 or dateline_index is None:
            neighbours = body_lines[max(0, j - 2): j + 3]
            if len(line) <= MAX_FURNITURE_CHARS and _is_caption(line, neighbours):
                removed.append(Removed(number, line, "photo caption"))
                continue
        paragraphs_src.append(line)

    dateline = place = country = agency = None
    month = day = None
    if match is not None and paragraphs_src:
        dateline = match.group(0).strip()
        place = match.group("place")
        country = match.group("country")
        agency = match.group("agency") or match.group("agency2")
        if match.group("month"):
            month = MONTHS[match.group("month").lower()]
            day = int(match.group("day"))
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
