"""The page-furniture lexicon (``data/furniture.yaml``): loading, validation, and the whole-line test."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kuril_research.errors import LexiconError
from kuril_research.ingest.parse.timestamps import is_timestamp, timestamp_tail
from kuril_research.lexicons import data_path, file_sha256, load_yaml
from kuril_research.matching.required_literals import MEMO_TEXTS, MISSING, FirstRuleMatch

__all__ = ["FurnitureLexicon", "load_furniture_lexicon", "default_furniture", "furniture_reason", "DATED_REASONS",
           "BYLINE_WITH_DATE_CHARS", "is_menu_row", "tool_row_reason", "TOOL_REASONS"]

#: Furniture that a site may print with a date after it on the same line ("By Jane Roe March 3, 2026").
DATED_REASONS = frozenset({"byline", "agency credit", "source line", "section label"})
#: Such a line is short.
BYLINE_WITH_DATE_CHARS = 140


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
    tag_header_re: re.Pattern | None = field(default=None, repr=False)
    dateline_labels: frozenset[str] = frozenset()
    headline_verbs: frozenset[str] = frozenset()
    place_name_words: frozenset[str] = frozenset()
    site_name_nouns: frozenset[str] = frozenset()
    dateline_places: frozenset[str] = frozenset()
    wire_agencies: frozenset[str] = frozenset()
    headline_labels: frozenset[str] = frozenset()
    #: ``line_re.fullmatch`` trying only the rules whose words the line holds (same result, faster).
    line_rules: FirstRuleMatch | None = field(default=None, repr=False, compare=False)
    #: :func:`furniture_reason` of the lines met so far (a page's lines are read several times over).
    reason_memo: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)

    def line_match(self, line: str) -> re.Match | None:
        """``line_re.fullmatch(line)``: the same reason group, by :attr:`line_rules` when there is one."""
        return self.line_re.fullmatch(line) if self.line_rules is None else self.line_rules.fullmatch(line)


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
def default_furniture() -> FurnitureLexicon:
    return load_furniture_lexicon()


@lru_cache(maxsize=8)
def _load_furniture_lexicon(path: Path, stamp: int | None) -> FurnitureLexicon:
    doc = load_yaml(path)

    def fail(message: str, line: int | None, hint: str) -> LexiconError:
        return LexiconError(message, path=path, line=line, hint=hint)

    keys = ("max_line_chars", "line_rules", "list_headers", "list_item_chars", "site_headers", "site_name_words")
    optional = ("appeal_headers", "appeal_max_lines", "comment_headers", "tag_headers", "dateline_labels",
                "headline_verbs", "place_name_words", "site_name_nouns", "dateline_places", "wire_agencies",
                "headline_labels")
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
    groups, reasons, rule_groups = [], {}, []
    for n, (reason, node) in enumerate(rules.items()):
        rule_groups.append((f"r{n}", patterns(f"line_rules.{reason}", node, rules.lines[reason])))
        alternatives = "|".join(f"(?:{p})" for p in rule_groups[-1][1])
        groups.append(f"(?P<r{n}>{alternatives})")
        reasons[f"r{n}"] = str(reason)
    headers = patterns("list_headers", doc["list_headers"], doc.lines["list_headers"])
    sites = patterns("site_headers", doc["site_headers"], doc.lines["site_headers"])
    appeals = patterns("appeal_headers", doc["appeal_headers"], doc.lines["appeal_headers"]) \
        if "appeal_headers" in doc else []
    comments = patterns("comment_headers", doc["comment_headers"], doc.lines["comment_headers"]) \
        if "comment_headers" in doc else []
    tags = patterns("tag_headers", doc["tag_headers"], doc.lines["tag_headers"]) if "tag_headers" in doc else []
    labels = doc.get("dateline_labels", [])
    if "dateline_labels" in doc:
        if not isinstance(labels, list) or not labels:
            raise fail("dateline_labels must be a non-empty list of words", doc.lines["dateline_labels"],
                       "write one word per '- ' line")
        for item, item_line in zip(labels, labels.lines):
            if not isinstance(item, str) or not item.strip():
                raise fail(f"dateline_labels: {item!r} is not a word", item_line, "write a word such as 'question'")
    verbs = doc.get("headline_verbs", [])
    if "headline_verbs" in doc:
        if not isinstance(verbs, list) or not verbs:
            raise fail("headline_verbs must be a non-empty list of words", doc.lines["headline_verbs"],
                       "write the words in [brackets], separated by commas")
        for item in verbs:
            if not isinstance(item, str) or not item.strip() or " " in item.strip():
                raise fail(f"headline_verbs: {item!r} is not one word", doc.lines["headline_verbs"],
                           "write single words such as 'protests'")
    def words(key: str) -> frozenset[str]:
        node = doc.get(key, [])
        if key in doc and (not isinstance(node, list) or not node):
            raise fail(f"{key} must be a non-empty list of words", doc.lines[key],
                       "write the words in [brackets], separated by commas")
        for item in node:
            if not isinstance(item, str) or not item.strip() or " " in item.strip():
                raise fail(f"{key}: {item!r} is not one word", doc.lines[key], "write single words such as 'news'")
        return frozenset(str(item).strip().lower() for item in node)

    place_words, site_nouns = words("place_name_words"), words("site_name_nouns")
    agencies = doc.get("wire_agencies", [])
    if "wire_agencies" in doc and (not isinstance(agencies, list) or not agencies
                                   or not all(isinstance(item, str) and item.strip() for item in agencies)):
        raise fail("wire_agencies must be a non-empty list of names", doc.lines["wire_agencies"],
                   "write the names in [brackets], separated by commas")
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
        tag_header_re=re.compile("|".join(f"(?:{p})" for p in tags), re.I) if tags else None,
        dateline_labels=frozenset(str(label).strip().lower() for label in labels),
        headline_verbs=frozenset(str(verb).strip().lower() for verb in verbs),
        place_name_words=place_words, site_name_nouns=site_nouns, dateline_places=words("dateline_places"),
        headline_labels=words("headline_labels"),
        wire_agencies=frozenset(" ".join(str(item).split()).lower() for item in agencies),
        line_rules=FirstRuleMatch(rule_groups, re.I),
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
    >>> furniture_reason("00:23 GMT 03.03.2026"), furniture_reason("by Jane Roe March 3, 2026")
    ('date line', 'byline')
    >>> furniture_reason("Jane Roe · 3 min read · Follow"), furniture_reason("Jane Roe | March 3, 2026")
    ('byline', 'byline')
    >>> furniture_reason("Island Radio, Tuesday 3 March 2026, 07:09 GMT"), furniture_reason("Korsakov, May 24 21:48")
    ('date line', 'date line')
    >>> furniture_reason("Korsakov, May 24") is None, furniture_reason("Talks resumed on Monday, 3 March, at 10:00") is None
    (True, True)
    """
    lex = lexicon if lexicon is not None else default_furniture()
    if len(line) > lex.max_line_chars:
        return None
    memo = lex.reason_memo
    if (known := memo.get(line, MISSING)) is not MISSING:
        return known
    if len(memo) >= MEMO_TEXTS:
        memo.clear()
    reason = memo[line] = _line_reason(line, lex)
    return reason


def _line_reason(line: str, lex: FurnitureLexicon) -> str | None:
    """:func:`furniture_reason` of a line no longer than ``lex.max_line_chars``, worked out."""
    hit = lex.line_match(line)
    reason = lex.reasons[hit.lastgroup] if hit is not None else None
    if reason in (None, "navigation") and is_timestamp(line):
        return "date line"  # a date or time by its shape, however the site prints it (its bars are no menu)
    if reason not in (None, "navigation"):
        return reason
    if len(line) <= BYLINE_WITH_DATE_CHARS and BAR_SEPARATOR_RE.search(line):
        parts = BAR_SEPARATOR_RE.split(line)
        reasons = [_part_reason(part.strip(), lex) for part in parts]
        if all(reasons) and (reason is None or "date line" in reasons):
            # "Jane Roe · 3 min read", "Share · 4 min"; a bar with a date ("Jane Roe | March 3, 2026") is no menu
            return "byline" if "byline" in reasons else reasons[0] if reason is None else "date line"
    if reason is not None:
        return reason
    if is_menu_row(line, lex):
        return "navigation"  # "News  Opinion  Business  Arts & Life": a menu copied with its spacing
    if (reason := tool_row_reason(line, lex)) is not None:
        return reason
    if len(line) <= BYLINE_WITH_DATE_CHARS and (tail := timestamp_tail(line)) is not None:
        head = line[:tail].rstrip(" ,|·•-–—")  # a byline or a source with its date: "by Jane Roe March 3, 2026"
        hit = lex.line_match(head) if head else None
        if hit is not None and lex.reasons[hit.lastgroup] in DATED_REASONS:
            return lex.reasons[hit.lastgroup]
        if NAME_HEAD_RE.fullmatch(head) and CLOCK_TIME_RE.search(line[tail:]):
            return "date line"  # a source's or a town's name over its date and clock: "BBC World Service, Monday ..."
    return None



#: A name of one to four capitalised words (a service's, an outlet's, a town's: "BBC World Service", "Atyrau") before a
#: date with a clock time ("BBC World Service, Monday 20 August 2001, 07:09 GMT", a weather or date widget's "Atyrau,
#: May 24 21:48"): the page's date line, never a headline or a deck. A dateline never prints a clock time.
NAME_HEAD_RE = re.compile(r"(?:[A-Z][\w'’.&-]*)(?: (?:[A-Z][\w'’.&-]*|of|the|and)){0,3}")
#: A clock time ("07:09", "21:48").
CLOCK_TIME_RE = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")

#: The dot or bar between the items of a byline or tool bar ("Jane Roe · 3 min read · Follow").
BAR_SEPARATOR_RE = re.compile(r"\s[·•|]\s")
#: A writer's name as one item of such a bar ("Jane Roe", "By Jane Roe").
NAME_ITEM_RE = re.compile(r"(?:[Bb]y\s+)?[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,2}")


def _part_reason(part: str, lex: FurnitureLexicon) -> str | None:
    """The reason of one item of a bar: a listed line, a date, or a writer's name ("byline")."""
    if not part:
        return None
    if NAME_ITEM_RE.fullmatch(part):
        return "byline"
    if is_timestamp(part):
        return "date line"
    hit = lex.line_match(part)
    return lex.reasons[hit.lastgroup] if hit is not None else None


#: The gap between the items of a menu copied from a web page: two spaces or more, or a tab.
MENU_GAP_RE = re.compile(r"\s{2,}")
#: An item of such a menu is short.
MENU_ITEM_WORDS = 4


def is_menu_row(line: str, lex: FurnitureLexicon | None = None) -> bool:
    """A row of two or more short items (at most :data:`MENU_ITEM_WORDS` words, no full stop) separated by gaps of
    two spaces or more, at least one with a letter: a menu or section path copied with its spacing ("News  Opinion
    Business", "Politics  /  Foreign policy"); with ``lex``, an item may also be any whole furniture line (a
    sign-up prompt at the end of the menu). Sentences separated by two spaces end in full stops; rows of figures
    have no letters.

    Examples
    --------
    >>> is_menu_row("News  Opinion  Business  Arts & Life"), is_menu_row("HOME  WORLD  US  WORK & CAREERS")
    (True, True)
    >>> is_menu_row("Japan protested.  Russia did not."), is_menu_row("2001    12,407    70.2")
    (False, False)
    """
    items = [item for item in MENU_GAP_RE.split(line.strip()) if item]
    return len(items) >= 2 and all(
        len(item.split()) <= MENU_ITEM_WORDS and not item.endswith(".")
        or lex is not None and lex.line_match(item) is not None for item in items) and any(
        any(c.isalpha() for c in item) for item in items)


#: Reasons whose lines may stand side by side in one row of page tools ("Share Comments Print", "Create account
#: Log in", "Save Share").
TOOL_REASONS = frozenset({"navigation", "share counter", "comment notice", "paywall", "section label", "newsletter",
                          "audio player", "video caption", "follow button", "cookie notice", "legal links"})
#: Such a row is short.
TOOL_ROW_WORDS = 10


def tool_row_reason(line: str, lex: FurnitureLexicon) -> str | None:
    """"navigation" when ``line`` splits into two or more items, each a whole line of page tools (reasons in
    :data:`TOOL_REASONS`, up to four words each) printed side by side with single spaces; None otherwise.

    Examples
    --------
    >>> lex = default_furniture()
    >>> tool_row_reason("Share Comments Print", lex), tool_row_reason("Create account Log in", lex)
    ('navigation', 'navigation')
    >>> tool_row_reason("Share the islands", lex) is None
    True
    """
    words = line.split()
    if not 2 <= len(words) <= TOOL_ROW_WORDS or len(line) > LIST_ROW_CHARS or line[-1:] in ".!?" \
            or not any(c.isalpha() for c in line):
        return None
    reachable = [True] + [False] * len(words)  # reachable[j]: words[:j] splits into tool items
    for j in range(1, len(words) + 1):
        for i in range(max(0, j - MENU_ITEM_WORDS), j):
            if reachable[i] and (i, j) != (0, len(words)):
                hit = lex.line_match(" ".join(words[i:j]))
                if hit is not None and lex.reasons[hit.lastgroup] in TOOL_REASONS:
                    reachable[j] = True
                    break
    return "navigation" if reachable[-1] else None


#: A row of tools is at most this long.
LIST_ROW_CHARS = 80
