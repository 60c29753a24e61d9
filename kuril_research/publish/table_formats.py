"""Write a report table the ways a reader and a journal want it, byte for byte reproducibly.

:func:`kuril_research.publish.outputs.save_table` writes each table as

* ``<id>.parquet`` -- every column at full precision (the one to compute with);
* ``<id>.csv`` -- rounded for reading (:func:`readable`), constant hashes left out;
* ``<id>.xlsx`` -- the same as the CSV, for a spreadsheet (openpyxl), up to
  :data:`XLSX_MAX_ROWS` rows;
* ``<id>.tex`` -- the same as a LaTeX ``booktabs`` table (pandas ``Styler``),
  for tables short enough to print (:data:`LATEX_MAX_ROWS` rows).

A column of SHA-256 hashes that holds one value (the codebook or lexicon a
whole table was made with) is written once, in ``outputs.json`` and the
caption, not on every row (:func:`split_constants`).
"""

from __future__ import annotations

import io
import math
import re
import zipfile

import numpy as np
import pandas as pd

from kuril_research.publish.csv_writer import FLOAT_FORMAT
from kuril_research.publish.xlsx_rows import cell_value, column_letter, sheet_rows

__all__ = ["XLSX_MAX_ROWS", "LATEX_MAX_ROWS", "SIGNIFICANT_DIGITS", "round_for_reading", "readable", "each_distinct",
           "split_constants", "parquet_bytes", "xlsx_bytes", "xlsx_openpyxl", "latex_text"]

#: Longest table also written as a spreadsheet (writing more takes minutes and few spreadsheets open it).
XLSX_MAX_ROWS = 100_000
#: Longest table also written as LaTeX (a table longer than a few pages is not printed).
LATEX_MAX_ROWS = 500
#: Significant digits kept in the readable copies.
SIGNIFICANT_DIGITS = 4
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def round_for_reading(value: float) -> float:
    """Round a number for a reader: 4 significant digits, whole numbers from 1,000 (up to 10¹²).

    Examples
    --------
    >>> [round_for_reading(v) for v in (281.818181818, 0.592592593, 12345.6, 0.000123456, 1.2e22)]
    [281.8, 0.5926, 12346.0, 0.0001235, 1.2e+22]
    >>> math.isnan(round_for_reading(float("nan")))
    True
    """
    if not math.isfinite(value):
        return value
    if 1_000 <= abs(value) < 1e12:
        return float(round(value))
    return float(f"{value:.{SIGNIFICANT_DIGITS}g}")


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """The table with every float column rounded by :func:`round_for_reading` (other columns unchanged).

    Examples
    --------
    >>> readable(pd.DataFrame({"term": ["a"], "per_10k": [281.818181818]})).to_dict("list")
    {'term': ['a'], 'per_10k': [281.8]}
    """
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column].dtype):
            values = out[column].to_numpy(dtype=float, na_value=np.nan)
            rounded = each_distinct(values, round_for_reading)
            out[column] = pd.array(rounded, dtype=out[column].dtype) if isinstance(
                out[column].dtype, pd.api.extensions.ExtensionDtype) else rounded
            if isinstance(out[column].dtype, pd.api.extensions.ExtensionDtype):
                out.loc[pd.isna(values), column] = pd.NA
    return out


def each_distinct(values: np.ndarray, func) -> np.ndarray:
    """``func`` of each float of ``values``, called once per distinct value (bit for bit: -0.0 is not 0.0).

    A share or rate column of a large table repeats few values (1,000,000 rows of
    shares of small counts: about 20,000 distinct), so this is many times faster
    than calling ``func`` on every row, with the same results.

    Examples
    --------
    >>> calls = []
    >>> each_distinct(np.array([0.5, 0.25, 0.5, -0.0, 0.0]), lambda v: calls.append(v) or 2 * v).tolist()
    [1.0, 0.5, 1.0, -0.0, 0.0]
    >>> len(calls)
    4
    """
    values = np.ascontiguousarray(values, dtype=np.float64)
    bits, where = np.unique(values.view(np.int64), return_inverse=True)
    results = np.array([func(v) for v in bits.view(np.float64).tolist()], dtype=np.float64)
    return results[where.reshape(-1)]


def split_constants(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """Take out the ``*_sha256`` columns that hold a single value; return the rest and those values.

    Examples
    --------
    >>> t = pd.DataFrame({"frame": ["a", "b"], "codebook_sha256": ["c70b", "c70b"], "sha256": ["x", "y"]})
    >>> rest, once = split_constants(t)
    >>> list(rest.columns), once
    (['frame', 'sha256'], {'codebook_sha256': 'c70b'})
    """
    constants = {}
    if len(frame):
        for column in frame.columns:
            if str(column).endswith("_sha256") and frame[column].nunique(dropna=False) == 1:
                value = frame[column].iloc[0]
                if isinstance(value, str):
                    constants[str(column)] = value
    return frame.drop(columns=list(constants)), constants


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    """The table as Parquet (full precision, pandas dtypes kept), without a stored index.

    Examples
    --------
    >>> data = parquet_bytes(pd.DataFrame({"share": [2 / 3]}))
    >>> bool(pd.read_parquet(io.BytesIO(data))["share"].iloc[0] == 2 / 3)
    True
    """
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False, compression="zstd")
    return buffer.getvalue()


def xlsx_bytes(frame: pd.DataFrame, *, title: str = "table") -> bytes:
    """The table as an Excel workbook: one sheet, a bold header row, the same bytes on every run.

    The workbook's creation and modification times and the zip entries' times
    are fixed (1980-01-01), so the file does not depend on when it was written.

    openpyxl writes the workbook with the header row only; the data rows are
    then written into its sheet as openpyxl itself writes them (inline
    strings, numbers as ``%.16g``, empty cells left out:
    :func:`kuril_research.publish.xlsx_rows.sheet_rows`, which formats text,
    number and boolean columns as whole Arrow arrays), about a hundred times
    faster than a cell object per value (100,000 rows of 13 columns: about
    30 s through openpyxl). A table with a cell openpyxl
    would write otherwise (a text starting with ``=``, an Excel error code,
    a character XML cannot hold) goes through openpyxl whole, so the bytes are
    openpyxl's either way (``tests/test_table_formats.py`` compares them).

    Examples
    --------
    >>> data = xlsx_bytes(pd.DataFrame({"outlet": ["Kyodo"], "share": [0.5]}))
    >>> data == xlsx_bytes(pd.DataFrame({"outlet": ["Kyodo"], "share": [0.5]}))
    True
    >>> data == xlsx_openpyxl(pd.DataFrame({"outlet": ["Kyodo"], "share": [0.5]}))
    True
    >>> pd.read_excel(io.BytesIO(data)).to_dict("list")
    {'outlet': ['Kyodo'], 'share': [0.5]}
    """
    rows = sheet_rows(frame) if len(frame.columns) else None
    if rows is None:
        return xlsx_openpyxl(frame, title=title)
    return _workbook(frame.head(0), title, rows=rows, last=f"{column_letter(len(frame.columns))}{len(frame) + 1}")


def xlsx_openpyxl(frame: pd.DataFrame, *, title: str = "table") -> bytes:
    """The workbook :func:`xlsx_bytes` writes, every cell through openpyxl (slow; the reference of the fast path).

    Examples
    --------
    >>> pd.read_excel(io.BytesIO(xlsx_openpyxl(pd.DataFrame({"n": [1]})))).to_dict("list")
    {'n': [1]}
    """
    return _workbook(frame, title)


def _workbook(frame: pd.DataFrame, title: str, *, rows: str | None = None, last: str | None = None) -> bytes:
    """openpyxl's workbook of ``frame``; ``rows`` (sheet XML of the data rows) added after its last row."""
    import datetime

    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([str(c) for c in frame.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in frame.itertuples(index=False, name=None):
        sheet.append([cell_value(v) for v in row])
    fixed = datetime.datetime(2000, 1, 1)
    book.properties.created = fixed
    book.properties.modified = fixed
    book.properties.creator = "kuril_research"
    buffer = io.BytesIO()
    # openpyxl's save_workbook without its own ZipFile: one closed here even when openpyxl fails mid-way (a text
    # XML cannot hold), not left to the garbage collector; the times it would stamp are fixed by _fixed_zip
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(book, archive).write_data()
    return _fixed_zip(buffer.getvalue(), fixed, rows=rows, last=last)


def _fixed_zip(data: bytes, fixed, *, rows: str | None = None, last: str | None = None) -> bytes:
    """Rewrite a zip with fixed entry times (and the fixed time in docProps/core.xml).

    ``rows``: sheet XML inserted after the sheet's last row, ``last`` its last cell (the dimension's end).
    """
    stamp = fixed.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rb"\g<1>" + stamp + rb"\g<2>", body)
            elif rows is not None and info.filename == "xl/worksheets/sheet1.xml":
                body = _with_rows(body, rows, last)
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, body)
    return out.getvalue()


def _with_rows(sheet: bytes, rows: str, last: str) -> bytes:
    """A header-only sheet's XML with ``rows`` after its header row and its dimension ending at ``last``."""
    head, found, tail = sheet.partition(b"</row></sheetData>")
    if not found:
        raise ValueError("openpyxl wrote a sheet without a header row")
    head = re.sub(rb'<dimension ref="A1:[A-Z]+1"/>', b'<dimension ref="A1:' + last.encode() + b'"/>', head, count=1)
    # lxml writes the sheet in ASCII: every other character as a reference (&#769;)
    return head + b"</row>" + rows.encode("ascii", "xmlcharrefreplace") + b"</sheetData>" + tail


def latex_text(frame: pd.DataFrame, *, caption: str, label: str) -> str:
    """The table as LaTeX with booktabs rules (``\\toprule``, ``\\midrule``, ``\\bottomrule``), text escaped.

    Needs ``\\usepackage{booktabs}`` in the paper's preamble.

    Examples
    --------
    >>> print(latex_text(pd.DataFrame({"outlet": ["R&D"], "share": [0.5]}), caption="Shares.", label="shares"))
    \\begin{table}
    \\caption{Shares.}
    \\label{tab:shares}
    \\begin{tabular}{lr}
    \\toprule
    outlet & share \\\\
    \\midrule
    R\\&D & 0.5 \\\\
    \\bottomrule
    \\end{tabular}
    \\end{table}
    <BLANKLINE>
    """
    shown = frame.copy()
    shown.columns = [str(c) for c in shown.columns]
    formats = {c: (lambda v: "" if pd.isna(v) else FLOAT_FORMAT % v)
               for c in shown.columns if pd.api.types.is_float_dtype(shown[c].dtype)}
    styler = shown.style.hide(axis="index").format(formats, na_rep="", escape="latex")
    styler = styler.format_index(escape="latex", axis=1)
    return styler.to_latex(hrules=True, caption=caption.replace("\\", ""), label=f"tab:{label}",
                           column_format="".join("r" if pd.api.types.is_numeric_dtype(shown[c].dtype)
                                                 and not pd.api.types.is_bool_dtype(shown[c].dtype) else "l"
                                                 for c in shown.columns))
