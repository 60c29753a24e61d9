"""Read tabular exports — CSV, TSV, JSON Lines, Parquet, Excel ``.xlsx`` — one row per article.

A :class:`~kuril_research.ingest.readers.mapping.ColumnMapping` says which column
holds the text, title, date, outlet and id. Each row becomes one article whose
position is its 1-based data row (the header is not counted); a row without
text is a reject ``no_text``, a row whose date cannot be read a reject
``bad_date``, each naming the row. Dates are parsed by
:func:`kuril_research.ingest.readers.dates.parse_date` with the mapping's declared
format or a detected one, keeping their precision.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from collections.abc import Iterable

from kuril_research.ingest.sources import RawDocument, Reject, decode_bytes
from kuril_research.ingest.readers.dates import parse_date
from kuril_research.ingest.readers.mapping import ColumnMapping

__all__ = ["TABULAR_FORMATS", "read_rows", "rows_to_documents"]

TABULAR_FORMATS = ("csv", "tsv", "jsonl", "parquet", "xlsx")


def _csv_rows(data: bytes, name: str, delimiter: str | None) -> tuple[list[str], list[dict], str] | Reject:
    decoded = decode_bytes(data, file=name)
    if isinstance(decoded, Reject):
        return decoded
    text, encoding = decoded
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = list(reader)
    return list(reader.fieldnames or []), rows, encoding


def _jsonl_rows(data: bytes, name: str) -> tuple[list[str], list[dict], str] | Reject:
    decoded = decode_bytes(data, file=name)
    if isinstance(decoded, Reject):
        return decoded
    text, encoding = decoded
    rows, columns = [], {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            return Reject(name, "unreadable", f"line {number} is not JSON ({exc.msg}); each line of a JSON Lines "
                                              "file must be one object — fix or remove the line")
        if not isinstance(row, dict):
            return Reject(name, "unreadable", f"line {number} is not a JSON object; each line must be one article "
                                              "as {\"text\": ..., \"title\": ...}")
        columns.update(dict.fromkeys(row))
        rows.append(row)
    return list(columns), rows, encoding


def _parquet_rows(data: bytes) -> tuple[list[str], list[dict], str]:
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(data))
    return table.column_names, table.to_pylist(), "parquet"


def _xlsx_rows(data: bytes) -> tuple[list[str], list[dict], str]:
    from openpyxl import load_workbook  # only needed for .xlsx exports

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = [str(c).strip() if c is not None else "" for c in next(rows, ())]
        out = [dict(zip(header, values)) for values in rows if any(v is not None and str(v).strip() for v in values)]
    finally:
        book.close()
    return header, out, "xlsx"


def read_rows(data: bytes, fmt: str, name: str) -> tuple[list[str], list[dict], str] | Reject:
    """Read a tabular export's bytes into (columns, rows, encoding), or say why it cannot be read.

    Examples
    --------
    >>> read_rows(b"title,text\\nTalks,Japan and Russia met.\\n", "csv", "a.csv")
    (['title', 'text'], [{'title': 'Talks', 'text': 'Japan and Russia met.'}], 'utf-8')
    """
    try:
        if fmt in ("csv", "tsv"):
            return _csv_rows(data, name, "\t" if fmt == "tsv" else None)
        if fmt == "jsonl":
            return _jsonl_rows(data, name)
        if fmt == "parquet":
            return _parquet_rows(data)
        return _xlsx_rows(data)
    except Exception as exc:  # a damaged export is a reject, never a stopped build
        return Reject(name, "unreadable", f"cannot be read as {fmt} ({type(exc).__name__}: {str(exc)[:200]}); "
                                          "re-export the file or save it as CSV")


def _cell(value: object) -> str | None:
    """A cell as text (None when empty); whole floats from spreadsheets lose their '.0'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def rows_to_documents(columns: list[str], rows: Iterable[dict], *, name: str, fmt: str, encoding: str,
                      sha256: str, mapping: ColumnMapping) -> list[RawDocument | Reject]:
    """Turn the rows of a tabular export into articles (or rejects), in row order.

    Parameters
    ----------
    columns : list of str
    rows : iterable of dict
    name, fmt, encoding, sha256 : str
        The file's name in the raw folder, its format, how it was decoded, the hash of its bytes.
    mapping : ColumnMapping

    Returns
    -------
    list of RawDocument or Reject
        A file whose text column is not found is one reject ``unmapped_columns``.
        Each document's ``meta`` holds ``title``, ``outlet``, ``published``,
        ``date_precision``, ``year``, ``month``, ``day``, ``id`` and the extra columns.

    Examples
    --------
    >>> docs = rows_to_documents(["headline", "body", "date"],
    ...     [{"headline": "Talks", "body": "Japan and Russia met.", "date": "22 January 2019"},
    ...      {"headline": "Empty", "body": " ", "date": ""}],
    ...     name="x.csv", fmt="csv", encoding="utf-8", sha256="0" * 64, mapping=ColumnMapping())
    >>> docs[0].meta["title"], docs[0].meta["published"], docs[0].position, docs[1].reason
    ('Talks', '2019-01-22', 1, 'no_text')
    """
    roles = mapping.resolve(columns)
    if roles["text"] is None or roles["text"] not in columns:
        wanted = mapping.text or " or ".join(("text", "body", "content", "article"))
        return [Reject(name, "unmapped_columns",
                       f"no text column {wanted!r} among the columns {columns}; name it with --text-column COLUMN "
                       "(or text: in a --mapping file)", sha256)]
    missing = [c for c in mapping.extra if c not in columns]
    rows = list(rows)
    if not rows:
        return [Reject(name, "no_articles", "the export has a header but no rows; export the articles again, "
                                            "or remove the file", sha256)]
    out: list[RawDocument | Reject] = []
    for position, row in enumerate(rows, start=1):
        where = f"row {position}"
        text = _cell(row.get(roles["text"]))
        if text is None:
            out.append(Reject(name, "no_text", f"{where} has an empty {roles['text']!r} column; fill it in or "
                                               "delete the row", sha256, position))
            continue
        raw_date = row.get(roles["date"]) if roles["date"] else None
        if isinstance(raw_date, dt.datetime | dt.date) or raw_date is None:
            date_value = raw_date
        else:
            date_value = _cell(raw_date)
        try:
            date = parse_date(date_value, mapping.date_format)
        except ValueError as exc:
            out.append(Reject(name, "bad_date", f"{where}, column {roles['date']!r}: {exc}", sha256, position))
            continue
        meta = {
            "title": _cell(row.get(roles["title"])) if roles["title"] else None,
            "outlet": _cell(row.get(roles["outlet"])) if roles["outlet"] else None,
            "url": _cell(row.get(roles["url"])) if roles["url"] else None,
            "language": _cell(row.get(roles["language"])) if roles["language"] else None,
            "id": _cell(row.get(roles["id"])) if roles["id"] else None,
            "published": date.published, "date_precision": date.precision,
            "year": date.year, "month": date.month, "day": date.day,
            "extra": {c: _cell(row.get(c)) for c in mapping.extra},
            "warnings": [f"column {c!r} not in the export" for c in missing],
        }
        out.append(RawDocument(name, text, encoding, sha256, fmt, position, meta))
    return out
