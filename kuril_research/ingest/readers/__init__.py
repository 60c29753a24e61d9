"""Readers of raw sources, one per kind of file, chosen by what the file is.

:func:`read_source` reads one file of the raw folder and returns its articles
(or rejects). The reader is chosen by the file's extension and checked against
its content (a ``.txt`` holding "1 of 10 DOCUMENTS" is a Nexis download; a
``.txt`` that is really a PDF is a ``binary`` reject):

==========================  ===============  ==============================================
file                        source_format    reader
==========================  ===============  ==============================================
``.txt``, ``.text``         text             one article (:mod:`kuril_research.ingest.sources`)
``.html``, ``.htm``         html             one article, visible text only
``.csv`` / ``.tsv``         csv / tsv        one row per article (:mod:`.tabular`)
``.jsonl``, ``.ndjson``     jsonl            one JSON object per line per article
``.parquet``                parquet          one row per article
``.xlsx``                   xlsx             one row of the first sheet per article
Nexis ``.TXT``              nexis-txt        "N of M DOCUMENTS" blocks (:mod:`.nexis`)
Nexis Uni ``.DOCX``         nexis-docx       articles ending at "End of Document"
Nexis Uni ``.RTF``          nexis-rtf        the same, from RTF
==========================  ===============  ==============================================

Any other file is a reject ``unsupported_format`` that says what is accepted.
Factiva exports have no reader: no maintained Python parser of Factiva's
HTML/RTF downloads exists (the ``factiva-*`` packages on PyPI are clients of
Dow Jones' paid APIs); export from Factiva as CSV where the licence allows, or
convert the articles to ``.txt`` files with a manifest.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from kuril_research.ingest.sources import RawDocument, Reject, decode_bytes, read_raw_bytes, text_document
from kuril_research.ingest.readers.dates import parse_date
from kuril_research.ingest.readers.mapping import ColumnMapping, load_mapping
from kuril_research.ingest.readers.nexis import (
    NexisParse,
    describe_markers,
    docx_lines,
    load_markers,
    looks_like_nexis_txt,
    parse_nexis_txt,
    parse_nexis_uni,
    rtf_lines,
)
from kuril_research.ingest.readers.tabular import TABULAR_FORMATS, read_rows, rows_to_documents

__all__ = ["SourceOptions", "ColumnMapping", "load_mapping", "read_source", "sniff_format", "SOURCE_FORMATS",
           "ACCEPTED"]

SOURCE_FORMATS = ("text", "html", *TABULAR_FORMATS, "nexis-txt", "nexis-docx", "nexis-rtf")
ARTICLE_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm"}
TABULAR_SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl",
                    ".parquet": "parquet", ".pq": "parquet", ".xlsx": "xlsx"}
ACCEPTED = ("one article per .txt/.html file; CSV, TSV, JSON Lines, Parquet or .xlsx exports with one row per "
            "article; Nexis .TXT, Nexis Uni .DOCX or .RTF downloads")


@dataclass(frozen=True)
class SourceOptions:
    """How to read sources: the column mapping of tabular exports, the Nexis markers file."""

    mapping: ColumnMapping = field(default_factory=ColumnMapping)
    nexis_markers: str | None = None   # path of a markers YAML; None: the shipped one


def _zip_members(data: bytes) -> set[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return set()


def sniff_format(name: str, data: bytes) -> str | None:
    """Decide which reader a file needs from its extension and its first bytes; None if none does.

    Returns one of :data:`SOURCE_FORMATS` but ``"text"`` and ``"html"``
    (``"article"`` for either: the article reader tells them apart) and
    ``"nexis-txt"`` (told from ``"article"`` once the text is decoded).

    Examples
    --------
    >>> sniff_format("export.csv", b"title,text\\n"), sniff_format("a.txt", b"Talks"), sniff_format("notes.md", b"# x")
    ('csv', 'article', None)
    >>> sniff_format("export.txt", b"PAR1...")  # a Parquet file whatever its name says
    'parquet'
    """
    suffix = Path(name).suffix.lower()
    if data.startswith(b"PAR1"):
        return "parquet"
    if data.startswith(b"{\\rtf"):
        return "nexis-rtf"
    if data.startswith(b"PK\x03\x04"):
        members = _zip_members(data)
        if "word/document.xml" in members:
            return "nexis-docx"
        if "xl/workbook.xml" in members:
            return "xlsx"
    if suffix in TABULAR_SUFFIXES and TABULAR_SUFFIXES[suffix] not in ("parquet", "xlsx"):
        return TABULAR_SUFFIXES[suffix]
    if suffix in ARTICLE_SUFFIXES | HTML_SUFFIXES | {".parquet", ".pq", ".xlsx", ".docx", ".rtf"}:
        return "article"  # a .docx that is not a Word file etc.: the article reader says why (binary, ...)
    return None


def read_source(raw_dir: str | Path, name: str, options: SourceOptions | None = None) -> list[RawDocument | Reject]:
    """Read one file of the raw folder into its articles, with the reader its content needs.

    Parameters
    ----------
    raw_dir : str or Path
    name : str
        Path relative to ``raw_dir``.
    options : SourceOptions, optional

    Returns
    -------
    list of RawDocument or Reject
        One item for a one-article file; one per article (or rejected row) for
        an export, in file order, each with its 1-based ``position``; a Nexis
        export that announces more articles than were found adds a reject
        ``partial_parse``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "export.csv").write_text("title,date,outlet,text\\nTalks,2019-01-22,TASS,Japan and Russia met.\\n")
    >>> _ = (d / "README.md").write_text("# My articles")
    >>> [(x.source_format, x.position, x.meta["title"]) for x in read_source(d, "export.csv")]
    [('csv', 1, 'Talks')]
    >>> read_source(d, "README.md")[0].reason
    'unsupported_format'
    """
    options = options or SourceOptions()
    read = read_raw_bytes(Path(raw_dir), name)
    if isinstance(read, Reject):
        return [read]
    path, data, digest = read
    fmt = sniff_format(name, data)
    if fmt is None:
        return [Reject(name, "unsupported_format", f"no reader accepts a {path.suffix or 'extension-less'} file; "
                                                   f"accepted: {ACCEPTED}. Convert it, or move it out of the raw folder",
                       digest)]
    if fmt in TABULAR_FORMATS:
        rows = read_rows(data, fmt, name)
        if isinstance(rows, Reject):
            return [Reject(rows.file, rows.reason, rows.detail, digest)]
        columns, records, encoding = rows
        return rows_to_documents(columns, records, name=name, fmt=fmt, encoding=encoding, sha256=digest,
                                 mapping=options.mapping)
    markers = load_markers(options.nexis_markers)
    if fmt == "nexis-docx":
        try:
            lines = docx_lines(data)
        except ValueError as exc:
            return [Reject(name, "unreadable", f"cannot be read as a Word document ({exc}); re-save it as .docx", digest)]
        return _nexis_documents(parse_nexis_uni(lines, markers), name, fmt, "docx", digest, markers)
    if fmt == "nexis-rtf":
        decoded = decode_bytes(data, file=name)
        if isinstance(decoded, Reject):
            return [Reject(name, decoded.reason, decoded.detail, digest)]
        return _nexis_documents(parse_nexis_uni(rtf_lines(decoded[0]), markers), name, fmt, "rtf", digest, markers)
    doc = text_document(name, data, digest, html=path.suffix.lower() in HTML_SUFFIXES)
    if isinstance(doc, RawDocument) and doc.source_format == "text" and looks_like_nexis_txt(doc.text, markers):
        return _nexis_documents(parse_nexis_txt(doc.text, markers), name, "nexis-txt", doc.encoding, digest, markers)
    return [doc]


def _nexis_documents(parse: NexisParse, name: str, fmt: str, encoding: str, digest: str,
                     markers) -> list[RawDocument | Reject]:
    if not parse.articles:
        return [Reject(name, "no_articles",
                       f"read as a {fmt} export, but no article was found: looked for "
                       f"{describe_markers(markers, parse.layout)}; if your export uses other words, add a layout "
                       f"for its language to a copy of {markers.path} and pass it with --nexis-markers FILE "
                       "(a Word or RTF file holding one article of your own: save it as .txt instead)", digest)]
    partial = None
    if not parse.complete:
        partial = (f"the export announces {parse.announced} articles but {len(parse.articles)} were found "
                   f"(markers {parse.language!r} of {markers.path}); the ones found were built — check the file "
                   "for articles whose markers differ and add them to a markers file (--nexis-markers)")
    out: list[RawDocument | Reject] = []
    for article in parse.articles:
        warnings = [] if partial is None else [f"partial parse of {name}: {len(parse.articles)} of "
                                               f"{parse.announced} announced articles found"]
        try:
            date = parse_date(article.date)
        except ValueError as exc:
            date = parse_date(None)
            warnings.append(f"date line {article.date!r} not understood ({exc})")
        language_field = markers.layouts[parse.layout][parse.language]["language_field"]
        language = article.fields.get(language_field)
        if not article.text.strip():
            out.append(Reject(name, "no_text", f"article {article.position} ({article.title!r}) has no body text; "
                                               "check its markers in the export", digest, article.position))
            continue
        meta = {"title": article.title, "outlet": article.outlet, "published": date.published,
                "date_precision": date.precision, "year": date.year, "month": date.month, "day": date.day,
                "language": markers.languages.get(language, language) if language else None,
                "id": None, "extra": {}, "warnings": warnings}
        out.append(RawDocument(name, article.text, encoding, digest, fmt, article.position, meta))
    if partial is not None:
        out.append(Reject(name, "partial_parse", partial, digest))
    return out
