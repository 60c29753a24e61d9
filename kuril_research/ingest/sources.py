"""Read raw article files and the manifest: bytes in, text and metadata out.

This is the only module that touches the raw folder. It decides, for every
file, either how to decode it (and records the encoding used) or why it is
rejected; nothing is dropped silently.

Decoding order
--------------
1. Known binary signatures (PDF, ZIP, PNG, JPEG, GIF, gzip) → reject ``binary``.
2. A byte-order mark: UTF-8-SIG, UTF-16 or UTF-32.
3. UTF-16 without a BOM, recognised by NUL bytes in every other position.
4. Any other NUL byte → reject ``binary``.
5. Strict UTF-8.
6. A legacy encoding chosen by ``charset-normalizer`` among single-byte
   Western and Cyrillic code pages and the Japanese multi-byte encodings;
   the guess is kept only if the text decodes cleanly.
7. Otherwise reject ``undecodable``.

Decoded text that shows mojibake (UTF-8 once read as Windows-1252 and saved
again: "Tokyoâ€™s") is repaired with ``ftfy.fix_encoding``, which undoes only
that; the encoding is recorded as e.g. ``utf-8+mojibake-repaired``.

Text that is empty or only white space after decoding is rejected ``empty``.
An HTML page is reduced to its visible text (scripts, styles, navigation,
headers, footers and forms dropped; block elements become line breaks).
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as dt
import hashlib
import io
import os
import re
import stat
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
from ftfy import fix_encoding

from kuril_research.errors import InputError, ManifestError

__all__ = [
    "RawDocument",
    "Reject",
    "MANIFEST_COLUMNS",
    "decode_bytes",
    "html_to_text",
    "read_raw_folder",
    "read_manifest",
    "manifest_extra_columns",
    "read_file",
    "read_raw_bytes",
    "text_document",
    "list_article_files",
    "parse_published",
]

MANIFEST_COLUMNS = ["file", "outlet", "published", "date_precision", "language", "url", "notes"]
REQUIRED_MANIFEST_COLUMNS = ["file", "outlet", "published"]
#: Columns read_manifest adds after the manifest's own.
DERIVED_MANIFEST_COLUMNS = ["year", "month", "day", "manifest_line"]
#: An extra manifest column's name: usable as ``by="section"`` and in ``DataFrame.query``.
EXTRA_COLUMN_RE = re.compile(r"\A[A-Za-z_][A-Za-z0-9_]*\Z")

BINARY_SIGNATURES: dict[bytes, str] = {
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive (or DOCX/XLSX)",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x1f\x8b": "gzip archive",
}
BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
LEGACY_ENCODINGS = ["cp1252", "cp1251", "koi8_r", "shift_jis", "euc_jp", "cp932", "iso8859_15"]
HTML_START_RE = re.compile(r"\A\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<meta\b)", re.IGNORECASE)
#: Character pairs typical of UTF-8 read as Windows-1252 (â€™, Ã©, Ð¾); only then is ftfy asked.
MOJIBAKE_HINT_RE = re.compile("[ÂÃâÐÑ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
DATE_DAY_RE = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})\Z")
DATE_MONTH_RE = re.compile(r"\A(\d{4})-(\d{2})\Z")
DATE_YEAR_RE = re.compile(r"\A(\d{4})\Z")


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A raw file that decoded to text."""

    file: str          # path relative to the raw folder, with forward slashes
    text: str          # decoded, not yet normalised
    encoding: str      # codec used, e.g. "utf-8", "utf-16", "cp1252"
    sha256: str        # of the raw bytes
    source_format: str  # "text", "html", "csv", "nexis-txt", ... (see kuril_research.ingest.readers)
    position: int | None = None  # 1-based position in a multi-article file, None for a one-article file
    meta: dict | None = None     # metadata the source itself gives (title, outlet, published, ...), or None


@dataclass(frozen=True, slots=True)
class Reject:
    """A raw file (or manifest row) that could not become a document, and why."""

    file: str
    reason: str   # short code: empty, binary, undecodable, missing, outside_raw_folder, unreadable,
                  # unsupported_format, no_text, no_articles, partial_parse, ...
    detail: str   # a sentence for people, ending with what to do
    sha256: str | None = None  # of the raw bytes, when the file could be read
    position: int | None = None  # the article of a multi-article file, None for the whole file


class _TextExtractor(HTMLParser):
    SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg", "head", "button"}
    BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
             "blockquote", "figure", "figcaption", "tr", "table", "main", "hr", "pre", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag, attrs):
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip_depth:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(html: str) -> str:
    """Reduce an HTML page to its visible text, one block element per paragraph.

    Parameters
    ----------
    html : str

    Returns
    -------
    str
        Text with blocks separated by blank lines; scripts, styles and page
        navigation removed; character references decoded (so ``&lt;script&gt;``
        in an article stays the literal, inert text ``<script>``).

    Examples
    --------
    >>> html_to_text("<html><script>alert(1)</script><h1>Title</h1><p>Body &amp; more</p></html>")
    'Title\\n\\nBody & more'
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def decode_bytes(data: bytes, *, file: str = "<bytes>") -> tuple[str, str] | Reject:
    """Decode a raw file's bytes, or say why it cannot be read as text.

    Parameters
    ----------
    data : bytes
    file : str
        Name used in the reject record.

    Returns
    -------
    (text, encoding) or Reject

    Examples
    --------
    >>> decode_bytes("Kunashir – Kunashiri".encode("utf-8"))
    ('Kunashir – Kunashiri', 'utf-8')
    >>> decode_bytes("Tokyo’s position".encode("cp1252"))
    ('Tokyo’s position', 'cp1252')
    >>> decode_bytes(b"%PDF-1.7 ...", file="a.txt").reason
    'binary'
    """
    if not data.strip():
        return Reject(file, "empty", "the file is empty or only white space; remove it or replace it with the article text")
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return Reject(file, "binary", f"the file is a {kind}, not text; save the article as a .txt or .html file")
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                return Reject(file, "undecodable", f"starts with a {codec} byte-order mark but byte {exc.start} is invalid; re-save the file as UTF-8")
    if b"\x00" in data:
        guess = _utf16_without_bom(data)
        if guess is not None:
            return guess
        offset = data.index(b"\x00")
        return Reject(file, "binary", f"contains a NUL byte at byte {offset}, so it is not plain text; re-save the article as UTF-8 text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        first_bad = utf8_error.start
    legacy = _guess_legacy(data)
    if legacy is not None:
        return legacy
    return Reject(file, "undecodable", f"byte {first_bad} is not valid UTF-8 and no known encoding fits; re-save the file as UTF-8")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    if len(data) % 2:
        return None
    even_nul = data[0::2].count(0) / (len(data) / 2)
    odd_nul = data[1::2].count(0) / (len(data) / 2)
    codec = "utf-16-le" if odd_nul > 0.3 and even_nul < 0.05 else "utf-16-be" if even_nul > 0.3 and odd_nul < 0.05 else None
    if codec is None:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return (text, codec) if "\x00" not in text else None


def _guess_legacy(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes  # imported here: only needed for legacy files

    best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    candidates = ([best.encoding] if best is not None else []) + ["cp1252"]
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        try:  # where Windows-1252 reads the bytes identically, name the Western default
            if data.decode("cp1252") == text:
                return text, "cp1252"
        except UnicodeDecodeError:
            pass
        return text, codecs.lookup(codec).name
    return None


@lru_cache(maxsize=16)
def _resolved(raw_dir: Path) -> Path:
    return raw_dir.resolve()


def _safe_relative(raw_dir: Path, name: str) -> Path | None:
    """Return raw_dir/name resolved, or None if it escapes raw_dir.

    The raw folder is resolved once; each file then costs one ``lstat`` per
    component of its relative name, and only a symbolic link is resolved in full.
    """
    candidate = Path(name)
    if candidate.is_absolute() or ".." in candidate.parts:
        return None
    root = _resolved(raw_dir)
    path = root
    for part in candidate.parts:
        path = path / part
        try:
            is_link = stat.S_ISLNK(os.lstat(path).st_mode)
        except OSError:  # missing: nothing below it can lead elsewhere
            return root / candidate
        if is_link:
            resolved = (root / candidate).resolve()
            return resolved if resolved == root or root in resolved.parents else None
    return path


def read_raw_bytes(raw_dir: Path, name: str) -> tuple[Path, bytes, str] | Reject:
    """Read one file of the raw folder: its path, bytes and SHA-256, or why it cannot be read.

    A path leading outside the raw folder (absolute, ``..`` or a symbolic
    link) is a reject ``outside_raw_folder``; a manifest row without its file
    is ``missing``.
    """
    path = _safe_relative(raw_dir, name)
    if path is None:
        return Reject(name, "outside_raw_folder", "the path leads outside the raw folder (absolute, '..' or a symbolic link); copy the file into the raw folder")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Reject(name, "missing", "listed in the manifest but not in the raw folder; add the file or remove its manifest row")
    except (IsADirectoryError, PermissionError, OSError) as exc:
        return Reject(name, "unreadable", f"cannot be read ({exc.strerror}); check its permissions")
    return path, data, hashlib.sha256(data).hexdigest()


def text_document(name: str, data: bytes, digest: str, *, html: bool = False) -> RawDocument | Reject:
    """Decode a one-article text or HTML file (see module docstring for the decoding order)."""
    decoded = decode_bytes(data, file=name)
    if isinstance(decoded, Reject):
        return dataclasses.replace(decoded, sha256=digest)
    text, encoding = decoded
    repaired = fix_encoding(text) if MOJIBAKE_HINT_RE.search(text) else text
    if repaired != text:
        text, encoding = repaired, f"{encoding}+mojibake-repaired"
    source_format = "text"
    if html or HTML_START_RE.match(text):
        text, source_format = html_to_text(text), "html"
    if not text.strip():
        return Reject(name, "empty", "no text left after decoding; check that the file holds the article", digest)
    return RawDocument(name, text, encoding, digest, source_format)


def read_file(raw_dir: Path, name: str) -> RawDocument | Reject:
    """Read one article file of the raw folder (see module docstring for the decoding order)."""
    read = read_raw_bytes(raw_dir, name)
    if isinstance(read, Reject):
        return read
    path, data, digest = read
    return text_document(name, data, digest, html=path.suffix.lower() in {".html", ".htm"})


def read_raw_folder(raw_dir: str | Path, names: list[str] | None = None) -> list[RawDocument | Reject]:
    """Read every article file in a folder (or the given names), sorted by name.

    Hidden files and ``manifest.csv`` are not articles. Files in sub-folders are
    included with their relative path.

    Parameters
    ----------
    raw_dir : str or Path
    names : list of str, optional
        Relative names to read (e.g. the union of folder and manifest);
        default: every file in the folder.

    Returns
    -------
    list of RawDocument or Reject, one per file, in name order.

    Raises
    ------
    InputError
        If ``raw_dir`` is not a folder.
    """
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise InputError("raw folder not found", path=raw_dir, hint="pass the folder that holds the article files")
    if names is None:
        names = list_article_files(raw_dir)
    return [read_file(raw_dir, name) for name in sorted(names)]


def list_article_files(raw_dir: str | Path) -> list[str]:
    """List article files under ``raw_dir`` as sorted relative POSIX paths.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> for n in ["b.txt", "a.txt", ".hidden", "manifest.csv"]: _ = (d / n).write_text("x")
    >>> list_article_files(d)
    ['a.txt', 'b.txt']
    """
    raw_dir = Path(raw_dir)
    names = []
    for path in raw_dir.rglob("*"):
        rel = path.relative_to(raw_dir)
        if any(part.startswith(".") for part in rel.parts) or path.is_dir() and not path.is_symlink():
            continue
        if rel.as_posix() == "manifest.csv":
            continue
        names.append(rel.as_posix())
    return sorted(names)


def parse_published(value: str) -> tuple[str, int | None, int | None, int | None]:
    """Parse a manifest date into (precision, year, month, day).

    Raises ValueError with a sentence saying what is wrong. An empty value is
    an undated item: ``('unknown', None, None, None)``.

    Examples
    --------
    >>> parse_published("2019-01")
    ('month', 2019, 1, None)
    >>> parse_published("")
    ('unknown', None, None, None)
    >>> parse_published("2021-02-30")
    Traceback (most recent call last):
    ValueError: 2021-02-30 is not a real date (day is out of range for month)
    """
    value = value.strip()
    if not value:
        return "unknown", None, None, None
    if m := DATE_DAY_RE.match(value):
        y, mo, d = map(int, m.groups())
        try:
            dt.date(y, mo, d)
        except ValueError as exc:
            raise ValueError(f"{value} is not a real date ({exc})") from None
        return "day", y, mo, d
    if m := DATE_MONTH_RE.match(value):
        y, mo = map(int, m.groups())
        if not 1 <= mo <= 12:
            raise ValueError(f"{value} has no month {mo}")
        return "month", y, mo, None
    if DATE_YEAR_RE.match(value):
        return "year", int(value), None, None
    raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY")


def read_manifest(path: str | Path) -> pd.DataFrame:
    """Read and validate the manifest CSV.

    Parameters
    ----------
    path : str or Path
        CSV with columns ``file, outlet, published, date_precision, language,
        url, notes`` (the last four optional). ``published`` is ``YYYY-MM-DD``,
        ``YYYY-MM``, ``YYYY`` or empty for an undated item; ``date_precision``
        (``day``/``month``/``year``/``unknown``), if given, must agree with it.
        Any other column (``author``, ``section``, ...) is extra metadata,
        kept in ``documents`` after its fixed columns; its name must be a
        Python identifier and not a ``documents`` column.

    Returns
    -------
    DataFrame
        One row per file, all :data:`MANIFEST_COLUMNS` as strings, then
        ``year``, ``month``, ``day`` (nullable integers) and ``manifest_line``,
        then the extra columns in manifest order (strings; see
        :func:`manifest_extra_columns`).

    Raises
    ------
    ManifestError
        Naming the manifest, the line and the field, for: a missing column, an
        extra column named like a ``documents`` column or not an identifier,
        an empty or unsafe file path (absolute or with ``..``), a malformed or
        impossible date, a precision that contradicts the date, a duplicate row.

    Examples
    --------
    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "manifest.csv")
    >>> _ = open(p, "w").write("file,outlet,published\\na.txt,TASS,2021-02-30\\n")
    >>> read_manifest(p)
    Traceback (most recent call last):
    kuril_research.errors.ManifestError: ...manifest.csv, line 2, field published: 2021-02-30 is not a real date (day is out of range for month). What to do: write a real date as YYYY-MM-DD, YYYY-MM or YYYY, or leave it empty if the item is undated
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ManifestError("manifest not found", path=path, hint="pass --manifest FILE, or put manifest.csv beside the articles") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ManifestError(f"not UTF-8 (byte {exc.start})", path=path, hint="save the manifest as UTF-8 CSV") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_MANIFEST_COLUMNS if c not in header]
    if missing:
        raise ManifestError(f"missing column(s) {', '.join(missing)}", path=path, line=1,
                            hint=f"the header must include {', '.join(MANIFEST_COLUMNS)}")
    extras = [c for c in header if c not in MANIFEST_COLUMNS]
    _check_extra_columns(extras, path)
    rows, seen = [], {}
    for row in reader:
        line = reader.line_num
        if None in row:
            raise ManifestError("more fields than the header has", path=path, line=line,
                                hint="quote values that contain commas")
        rec = {c: (row.get(c) or "").strip() for c in MANIFEST_COLUMNS + extras}
        if not any(rec.values()):
            continue
        name = rec["file"]
        if not name:
            raise ManifestError("empty file name", path=path, line=line, field="file", hint="give the article's file name")
        if Path(name).is_absolute() or ".." in Path(name).parts:
            raise ManifestError(f"file {name!r} points outside the raw folder", path=path, line=line, field="file",
                                hint="give a path relative to the raw folder, without '..'")
        if name in seen:
            raise ManifestError(f"file {name!r} is listed twice (first on line {seen[name]})", path=path, line=line,
                                field="file", hint="keep one row per file")
        seen[name] = line
        try:
            precision, year, month, day = parse_published(rec["published"])
        except ValueError as exc:
            raise ManifestError(str(exc), path=path, line=line, field="published",
                                hint="write a real date as YYYY-MM-DD, YYYY-MM or YYYY, or leave it empty if the item is undated") from None
        if rec["date_precision"] and rec["date_precision"] != precision:
            raise ManifestError(f"date_precision {rec['date_precision']!r} contradicts published {rec['published']!r} (which is {precision}-precise)",
                                path=path, line=line, field="date_precision",
                                hint="make them agree: YYYY-MM-DD is day, YYYY-MM month, YYYY year, empty unknown")
        rec.update(date_precision=precision, year=year, month=month, day=day, manifest_line=line)
        rows.append(rec)
    frame = pd.DataFrame(rows, columns=MANIFEST_COLUMNS + DERIVED_MANIFEST_COLUMNS + extras)
    for col in MANIFEST_COLUMNS + extras:
        frame[col] = frame[col].astype("string")
    for col in DERIVED_MANIFEST_COLUMNS:
        frame[col] = frame[col].astype("Int64")
    return frame


def _check_extra_columns(extras: list[str], path: Path) -> None:
    from kuril_research.schema import TABLES  # the documents columns an extra column must not shadow

    for name in extras:
        if name in TABLES["documents"]:
            raise ManifestError(f"column {name!r} is a documents column the build computes", path=path, line=1,
                                field=name, hint=f"rename the column (e.g. {name}_manifest) or remove it")
        if not EXTRA_COLUMN_RE.match(name):
            raise ManifestError(f"column name {name!r} is not usable as a documents column", path=path, line=1,
                                field=name or "(empty)",
                                hint="use letters, digits and underscores, starting with a letter, e.g. outlet_country")


def manifest_extra_columns(manifest: pd.DataFrame) -> list[str]:
    """Return the extra columns of a manifest read by :func:`read_manifest`, in manifest order.

    Examples
    --------
    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "manifest.csv")
    >>> _ = open(p, "w").write("file,outlet,published,section\\na.txt,TASS,,Politics\\n")
    >>> m = read_manifest(p)
    >>> manifest_extra_columns(m), m.loc[0, "date_precision"], m.loc[0, "section"]
    (['section'], 'unknown', 'Politics')
    """
    return [c for c in manifest.columns if c not in MANIFEST_COLUMNS + DERIVED_MANIFEST_COLUMNS]
