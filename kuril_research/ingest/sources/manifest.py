"""Read and validate the manifest CSV: one row of metadata (outlet, date, ...) per raw file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pandas as pd

from kuril_research.errors import ManifestError

__all__ = ["MANIFEST_COLUMNS", "REQUIRED_MANIFEST_COLUMNS", "DERIVED_MANIFEST_COLUMNS", "parse_published",
           "read_manifest", "manifest_extra_columns"]

MANIFEST_COLUMNS = ["file", "outlet", "published", "date_precision", "language", "url", "notes"]
REQUIRED_MANIFEST_COLUMNS = ["file", "outlet", "published"]
#: Columns read_manifest adds after the manifest's own.
DERIVED_MANIFEST_COLUMNS = ["year", "month", "day", "manifest_line"]
#: An extra manifest column's name: usable as ``by="section"`` and in ``DataFrame.query``.
EXTRA_COLUMN_RE = re.compile(r"\A[A-Za-z_][A-Za-z0-9_]*\Z")
DATE_DAY_RE = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})\Z")
DATE_MONTH_RE = re.compile(r"\A(\d{4})-(\d{2})\Z")
DATE_YEAR_RE = re.compile(r"\A(\d{4})\Z")


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
