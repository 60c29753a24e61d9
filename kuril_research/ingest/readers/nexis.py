"""Read Nexis exports: the classic ``.TXT`` download and the Nexis Uni ``.DOCX``/``.RTF`` download.

The structure follows what researchers rely on in R's LexisNexisTools (``lnt_read``): an article starts at "N of M
DOCUMENTS" (classic) or ends at "End of Document" (Nexis Uni); the outlet, date line and title come before the
fields that end the header (``LENGTH:``; ``Body``); the fields after the body (``LOAD-DATE:``, ``LANGUAGE:``;
``Classification``) and the copyright line are not text. The keywords are data
(``kuril_research/data/nexis_markers.yaml``, one entry per layout and interface language), because the vendor
changes the layout every few years and the interface language changes the words.

Two checks make a partial parse impossible to miss: a file in which no article is found is a reject ``no_articles``
that lists the markers looked for and how to add a layout; a file in which fewer (or more) articles are found than
the export announces ("1 of 100 DOCUMENTS", "Documents (100)") is a reject ``partial_parse`` beside the articles
that were found, each of which carries a warning.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kuril_research.errors import LexiconError
from kuril_research.lexicons import data_path, file_sha256, load_yaml
from kuril_research.ingest.readers.dates import parse_date

__all__ = ["NexisArticle", "NexisParse", "NexisMarkers", "load_markers", "parse_nexis_txt", "parse_nexis_uni",
           "docx_lines", "rtf_lines", "looks_like_nexis_txt", "MARKERS_FILE"]

MARKERS_FILE = "nexis_markers.yaml"
LAYOUT_KEYS = {
    "nexis-txt": {"start": str, "fields_before_body": list, "body_starts_after": str, "fields_after_body": list,
                  "language_field": str, "copyright": str},
    "nexis-uni": {"announced": str, "end": str, "body": str, "after_body": list, "fields_before_body": list,
                  "language_field": str},
}
#: Keys a layout may give: the field whose value is the headline when no title stands over the fields (the classic
#: download of the 1990s-2000s prints "HEADLINE:", "SOURCE:", "DATELINE:" and "BODY:" fields).
OPTIONAL_KEYS = {"nexis-txt": {"title_field": str}, "nexis-uni": {}}
REGEX_KEYS = {"start", "announced"}


@dataclass(frozen=True)
class NexisMarkers:
    """The validated markers: layout → language → keyword set; Nexis language names → codes."""

    layouts: dict[str, dict[str, dict]]
    languages: dict[str, str]
    path: str
    sha256: str


@dataclass
class NexisArticle:
    """One article of an export, as printed in it."""

    position: int                 # 1-based, in file order
    title: str | None
    outlet: str | None
    date: str | None              # the date line as printed
    text: str                     # body paragraphs joined by a blank line
    fields: dict[str, str] = field(default_factory=dict)   # BYLINE, SECTION, LENGTH, LANGUAGE, ... as printed


@dataclass
class NexisParse:
    """The articles found in one export and what the export announced."""

    layout: str
    language: str | None          # the marker set that found the articles
    articles: list[NexisArticle]
    announced: int | None         # total the export announces, None if it does not say

    @property
    def complete(self) -> bool:
        return self.announced is None or self.announced == len(self.articles)


def load_markers(path: str | Path | None = None) -> NexisMarkers:
    """Load and validate the Nexis markers file (default: the shipped one).

    Raises
    ------
    LexiconError
        Naming the file and line of a missing or unknown key, a keyword of the
        wrong type, or a regular expression that does not compile.

    Examples
    --------
    >>> m = load_markers()
    >>> sorted(m.layouts), sorted(m.layouts["nexis-txt"])
    (['nexis-txt', 'nexis-uni'], ['de', 'en', 'fr'])
    """
    if path is None:  # the shipped file: read once per process (the build asks for it for every file)
        global _SHIPPED
        if _SHIPPED is None:
            shipped = data_path(MARKERS_FILE)
            _SHIPPED = _load_markers(str(shipped), shipped.stat().st_mtime_ns)
        return _SHIPPED
    path = Path(path)
    return _load_markers(str(path), path.stat().st_mtime_ns if path.exists() else 0)


_SHIPPED: NexisMarkers | None = None


@lru_cache(maxsize=8)
def _load_markers(path_str: str, mtime_ns: int) -> NexisMarkers:
    path = Path(path_str)
    doc = load_yaml(path)
    if not isinstance(doc, dict):
        raise LexiconError("expected a mapping of layouts", path=path, line=1, hint="see the shipped nexis_markers.yaml")
    layouts: dict[str, dict[str, dict]] = {}
    for layout, by_language in doc.items():
        line = doc.lines.get(layout)
        if layout == "languages":
            continue
        if layout not in LAYOUT_KEYS:
            raise LexiconError(f"unknown layout {layout!r}", path=path, line=line,
                               hint=f"use one of {', '.join(LAYOUT_KEYS)}, or languages")
        if not isinstance(by_language, dict) or not by_language:
            raise LexiconError(f"layout {layout!r} needs one entry per interface language", path=path, line=line,
                               hint="e.g. en: {start: ..., ...}")
        layouts[layout] = {}
        for language, keys in by_language.items():
            lline = by_language.lines.get(language)
            if not isinstance(keys, dict):
                raise LexiconError(f"{layout}.{language} must be a mapping of markers", path=path, line=lline,
                                   hint="copy the entry of another language and change its keywords")
            expected = LAYOUT_KEYS[layout]
            unknown = sorted(set(keys) - set(expected) - set(OPTIONAL_KEYS[layout]))
            missing = sorted(set(expected) - set(keys))
            if unknown or missing:
                raise LexiconError(f"{layout}.{language}: unknown key(s) {unknown or 'none'}, missing {missing or 'none'}",
                                   path=path, line=keys.lines.get(unknown[0]) if unknown else lline,
                                   hint=f"give exactly: {', '.join(expected)}")
            for key, kind in {**expected, **OPTIONAL_KEYS[layout]}.items():
                if key not in keys:
                    continue
                value = keys[key]
                kline = keys.lines.get(key)
                if not isinstance(value, kind) or (kind is list and not all(isinstance(v, str) and v for v in value)) \
                        or (kind is str and not value):
                    raise LexiconError(f"{layout}.{language}.{key} must be a non-empty "
                                       f"{'list of keywords' if kind is list else 'keyword'}", path=path, line=kline,
                                       hint="write the keyword as printed in the export")
                if key in REGEX_KEYS:
                    try:
                        re.compile(value)
                    except re.error as exc:
                        raise LexiconError(f"{layout}.{language}.{key}: not a regular expression ({exc})",
                                           path=path, line=kline, hint="fix the pattern") from None
            layouts[layout][language] = dict(keys)
    languages = doc.get("languages") or {}
    if not isinstance(languages, dict):
        raise LexiconError("languages must map language names to codes", path=path, line=doc.lines.get("languages"),
                           hint="e.g. ENGLISH: en")
    missing_layouts = sorted(set(LAYOUT_KEYS) - set(layouts))
    if missing_layouts:
        raise LexiconError(f"no markers for layout(s) {', '.join(missing_layouts)}", path=path, line=1,
                           hint="keep an entry for every layout (copy it from the shipped file)")
    return NexisMarkers(layouts, {str(k): str(v) for k, v in languages.items()}, str(path), file_sha256(path))


def describe_markers(markers: NexisMarkers, layout: str) -> str:
    """Say which markers were looked for, for a ``no_articles`` reject.

    Examples
    --------
    >>> describe_markers(load_markers(), "nexis-uni")
    "'End of Document' (en), 'Dokumentende' (de)"
    """
    key = "start" if layout == "nexis-txt" else "end"
    return ", ".join(f"{keys[key]!r} ({language})" for language, keys in markers.layouts[layout].items())


def _field_re(names: list[str]) -> re.Pattern[str]:
    """A line that starts with one of the field names and a colon: "LENGTH: 355 words"."""
    return re.compile(r"^\s*(" + "|".join(re.escape(n) for n in names) + r")\s*:\s*(.*)$")


def _paragraphs(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines into paragraphs (blank lines separate paragraphs)."""
    paragraphs, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def looks_like_nexis_txt(text: str, markers: NexisMarkers) -> bool:
    """Tell whether a text file is a classic Nexis download (an "N of M DOCUMENTS" line in any language).

    Examples
    --------
    >>> looks_like_nexis_txt("\\n      1 of 2 DOCUMENTS\\n\\nTASS\\n", load_markers())
    True
    >>> looks_like_nexis_txt("TOKYO, April 15. /TASS/. Talks.", load_markers())
    False
    """
    for keys in markers.layouts["nexis-txt"].values():
        literal = _longest_word(keys["start"])  # a substring test first: most files are not exports
        if (literal is None or literal in text) and re.search(keys["start"], text, re.MULTILINE):
            return True
    return False


@lru_cache(maxsize=64)
def _longest_word(pattern: str) -> str | None:
    """The longest run of letters in a regular expression's text (which any match must contain), or None.

    Examples
    --------
    >>> _longest_word(r"^\\s*(\\d+) of (\\d+) DOCUMENTS\\s*$")
    'DOCUMENTS'
    """
    if "|" in pattern or "(?" in pattern:
        return None  # alternatives or flags (case-insensitive): no literal is certain
    words = re.findall(r"(?<![\\A-Za-z])[A-Za-z]{4,}(?![A-Za-z?*{])", pattern)
    return max(words, key=len) if words else None


def parse_nexis_txt(text: str, markers: NexisMarkers) -> NexisParse:
    """Split a classic Nexis ``.TXT`` download into articles.

    Per article (the lines after "N of M DOCUMENTS"): the outlet is the first
    non-empty line, the date the first line that parses as a date; lines right
    after the date (no blank line between) are the edition; the title is the
    next paragraph before the first field. The body runs from after the
    ``LENGTH:`` line (or the last field before the body) to the first field
    after it; copyright lines are dropped.

    Examples
    --------
    >>> export = ("      1 of 1 DOCUMENTS\\n\\n  TASS\\n\\n  April 15, 2016 Friday\\n\\nTalks stall\\n\\n"
    ...           "LENGTH: 4 words\\n\\nTalks on the treaty\\nstalled.\\n\\nLANGUAGE: ENGLISH\\n\\n  Copyright 2016 TASS\\n")
    >>> p = parse_nexis_txt(export, load_markers())
    >>> a = p.articles[0]
    >>> p.announced, a.outlet, a.date, a.title, a.text, a.fields["LANGUAGE"]
    (1, 'TASS', 'April 15, 2016 Friday', 'Talks stall', 'Talks on the treaty stalled.', 'ENGLISH')
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for language, keys in markers.layouts["nexis-txt"].items():
        start_re = re.compile(keys["start"])
        starts = [(i, m) for i, line in enumerate(lines) if (m := start_re.match(line))]
        if not starts:
            continue
        before_re = _field_re(keys["fields_before_body"])
        after_re = _field_re(keys["fields_after_body"])
        copyright_re = re.compile(r"^\s*" + re.escape(keys["copyright"]) + r"\b")
        announced = max(int(m.group(2)) for _, m in starts)
        articles = []
        for k, (i, m) in enumerate(starts):
            block = lines[i + 1: starts[k + 1][0] if k + 1 < len(starts) else len(lines)]
            articles.append(_txt_article(int(m.group(1)), block, before_re, after_re, copyright_re,
                                         keys["body_starts_after"], keys.get("title_field")))
        return NexisParse("nexis-txt", language, articles, announced)
    return NexisParse("nexis-txt", None, [], None)


def _is_date_line(line: str) -> bool:
    try:
        return parse_date(line.strip()).precision != "unknown"
    except ValueError:
        return False


def _txt_article(position: int, block: list[str], before_re: re.Pattern, after_re: re.Pattern,
                 copyright_re: re.Pattern, body_key: str, title_key: str | None = None) -> NexisArticle:
    fields: dict[str, str] = {}
    first_field = next((j for j, line in enumerate(block) if before_re.match(line)), None)
    header = block[:first_field] if first_field is not None else []
    nonblank = [(j, line.strip()) for j, line in enumerate(header) if line.strip()]
    outlet = nonblank[0][1] if nonblank else None
    date_index = next((j for j, line in nonblank[1:] if _is_date_line(line)), None)
    date = header[date_index].strip() if date_index is not None else None
    title_from = (date_index if date_index is not None else nonblank[0][0] if nonblank else 0) + 1
    while title_from < len(header) and header[title_from].strip():  # edition lines right under the date
        title_from += 1
    title_lines = _paragraphs(header[title_from:])
    title = " ".join(title_lines) or None
    body_start = first_field if first_field is not None else 0
    for j in range(body_start, len(block)):
        m = before_re.match(block[j])
        if m:
            fields[m.group(1)] = m.group(2).strip()
            body_start = j + 1
            if m.group(1) == body_key:
                break
        elif block[j].strip():
            break
    body_end = next((j for j in range(body_start, len(block)) if after_re.match(block[j])), len(block))
    for line in block[body_end:]:
        if m := after_re.match(line):
            fields[m.group(1)] = m.group(2).strip()
    body = [line for line in block[body_start:body_end] if not copyright_re.match(line)]
    if title is None and title_key:
        title = fields.get(title_key) or None  # "HEADLINE: ..." under the header, no title line over the fields
    return NexisArticle(position, title, outlet, date, "\n\n".join(_paragraphs(body)), fields)


def docx_lines(data: bytes) -> list[str]:
    """Return the paragraphs of a ``.docx`` file's body, one per line (python-docx).

    Raises ValueError if the bytes are not a Word document.
    """
    import docx  # python-docx: only needed for .docx exports
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise ValueError(f"not a Word document ({exc})") from None
    return [p.text for p in document.paragraphs]


def rtf_lines(text: str) -> list[str]:
    """Return the text of an RTF document, one paragraph per line (striprtf).

    Examples
    --------
    >>> rtf_lines(r"{\\rtf1\\ansi Talks stall\\par Body\\par Tokyo\\'92s claim\\par}")
    ['Talks stall', 'Body', 'Tokyo’s claim', '']
    """
    from striprtf.striprtf import rtf_to_text  # only needed for .rtf exports

    return [line for line in rtf_to_text(text, encoding="cp1252", errors="replace").split("\n")]


def parse_nexis_uni(lines: list[str], markers: NexisMarkers) -> NexisParse:
    """Split the paragraphs of a Nexis Uni ``.DOCX``/``.RTF`` download into articles.

    Each article ends at "End of Document". Its header is the lines before
    "Body": the date line is the last line there that parses as a date, the
    outlet the line before it and the title the line before that; ``Field:``
    lines give the fields. The body runs from "Body" to the first
    after-body keyword ("Classification", "Load-Date:", ...). The total the
    export announces is read from the cover page ("Documents (10)").

    Examples
    --------
    >>> lines = ["Documents (1)", "1. Talks stall", "Talks stall", "TASS", "April 15, 2016 Friday",
    ...          "Length: 4 words", "Body", "Talks on the treaty stalled.", "Classification",
    ...          "Language: ENGLISH", "End of Document"]
    >>> p = parse_nexis_uni(lines, load_markers())
    >>> a = p.articles[0]
    >>> p.announced, a.title, a.outlet, a.date, a.text, a.fields
    (1, 'Talks stall', 'TASS', 'April 15, 2016 Friday', 'Talks on the treaty stalled.', {'Length': '4 words', 'Language': 'ENGLISH'})
    """
    lines = [line.strip() for line in lines]
    for language, keys in markers.layouts["nexis-uni"].items():
        ends = [i for i, line in enumerate(lines) if line == keys["end"]]
        if not ends:
            continue
        announced_re = re.compile(keys["announced"])
        announced = next((int(m.group(1)) for line in lines if (m := announced_re.match(line))), None)
        before_re = _field_re(keys["fields_before_body"])
        after_names = keys["after_body"]
        after_re = _field_re([n for n in after_names])
        articles = []
        start = 0
        for position, end in enumerate(ends, start=1):
            segment = [line for line in lines[start:end]]
            start = end + 1
            articles.append(_uni_article(position, segment, keys["body"], before_re, after_re, set(after_names)))
        return NexisParse("nexis-uni", language, articles, announced)
    return NexisParse("nexis-uni", None, [], None)


def _uni_article(position: int, segment: list[str], body_key: str, before_re: re.Pattern,
                 after_re: re.Pattern, after_words: set[str]) -> NexisArticle:
    body_at = next((j for j, line in enumerate(segment) if line == body_key), None)
    header = segment[:body_at] if body_at is not None else segment
    fields: dict[str, str] = {}
    plain = []
    for j, line in enumerate(header):
        if m := before_re.match(line):
            fields[m.group(1)] = m.group(2).strip()
        elif line:
            plain.append((j, line))
    date_k = max((k for k, (_, line) in enumerate(plain) if _is_date_line(line)), default=None)
    date = plain[date_k][1] if date_k is not None else None
    outlet = plain[date_k - 1][1] if date_k is not None and date_k >= 1 else None
    title = plain[date_k - 2][1] if date_k is not None and date_k >= 2 else None
    body: list[str] = []
    if body_at is not None:
        rest = segment[body_at + 1:]
        stop = next((j for j, line in enumerate(rest) if line in after_words or after_re.match(line)), len(rest))
        body = [line for line in rest[:stop] if line]
        for line in rest[stop:]:
            if m := after_re.match(line):
                fields[m.group(1)] = m.group(2).strip()
    return NexisArticle(position, title, outlet, date, "\n\n".join(body), fields)
