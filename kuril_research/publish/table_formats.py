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
import zipfile

import numpy as np
import pandas as pd

from kuril_research.publish.csv_writer import FLOAT_FORMAT

__all__ = ["XLSX_MAX_ROWS", "LATEX_MAX_ROWS", "SIGNIFICANT_DIGITS", "round_for_reading", "readable",
           "split_constants", "parquet_bytes", "xlsx_bytes", "latex_text"]

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
            rounded = np.array([round_for_reading(v) for v in values.tolist()], dtype=float)
            out[column] = pd.array(rounded, dtype=out[column].dtype) if isinstance(
                out[column].dtype, pd.api.extensions.ExtensionDtype) else rounded
            if isinstance(out[column].dtype, pd.api.extensions.ExtensionDtype):
                out.loc[pd.isna(values), column] = pd.NA
    return out


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


def _cell(value):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return value if len(value) <= 32_767 else value[:32_766] + "…"     # Excel's limit per cell
    if isinstance(value, (int, float, bool)):
        return value
    return str(value)


def xlsx_bytes(frame: pd.DataFrame, *, title: str = "table") -> bytes:
    """The table as an Excel workbook: one sheet, a bold header row, the same bytes on every run.

    The workbook's creation and modification times and the zip entries' times
    are fixed (1980-01-01), so the file does not depend on when it was written.

    Examples
    --------
    >>> data = xlsx_bytes(pd.DataFrame({"outlet": ["Kyodo"], "share": [0.5]}))
    >>> data == xlsx_bytes(pd.DataFrame({"outlet": ["Kyodo"], "share": [0.5]}))
    True
    >>> pd.read_excel(io.BytesIO(data)).to_dict("list")
    {'outlet': ['Kyodo'], 'share': [0.5]}
    """
    import datetime

    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([str(c) for c in frame.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in frame.itertuples(index=False, name=None):
        sheet.append([_cell(v) for v in row])
    fixed = datetime.datetime(2000, 1, 1)
    book.properties.created = fixed
    book.properties.modified = fixed
    book.properties.creator = "kuril_research"
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_zip(buffer.getvalue(), fixed)


def _fixed_zip(data: bytes, fixed) -> bytes:
    """Rewrite a zip with fixed entry times (and the fixed time in docProps/core.xml)."""
    stamp = fixed.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                import re

                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rb"\g<1>" + stamp + rb"\g<2>", body)
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, body)
    return out.getvalue()


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
