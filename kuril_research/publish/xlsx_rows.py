"""The data rows of a report table's spreadsheet, as openpyxl writes them, column by column in Apache Arrow.

:func:`kuril_research.publish.table_formats.xlsx_bytes` lets openpyxl write a
workbook with the header row only and inserts the data rows made here
(:func:`sheet_rows`) into its sheet. Each cell is what openpyxl writes for the
value :func:`cell_value` gives it: text as an inline string (``&``, ``<``,
``>`` and carriage returns escaped, ``xml:space="preserve"`` when it starts or
ends with white space), booleans as ``t="b"``, numbers as ``%.16g`` (infinity:
an empty value), missing values left out. Text, integer, float and boolean
columns are formatted as whole Arrow arrays (each distinct float formatted
once), any other column cell by cell in Python, with the same bytes; a table
with a cell openpyxl writes otherwise (a text starting with ``=``, an Excel
error code, a character XML cannot hold) gets None, and goes through openpyxl
whole. ``tests/test_table_formats.py`` compares the workbook with openpyxl's,
byte for byte.
"""

from __future__ import annotations

import math
import re
import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["MAX_CELL_CHARS", "ERROR_CODES", "cell_value", "column_letter", "text_xml", "sheet_rows"]

#: Excel's limit of characters in a cell; a longer text is cut to this with "…" as its last character.
MAX_CELL_CHARS = 32_767
#: Texts openpyxl writes as a formula or an error cell, not as text.
ERROR_CODES = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"})
#: Characters an XML text cannot hold (lxml refuses them; openpyxl's own error is kept by falling back to it).
_NOT_XML_RE = re.compile("[\ud800-\udfff\ufffe\uffff]")
#: Characters :func:`cell_value` removes (openpyxl's ``ILLEGAL_CHARACTERS_RE``: control characters XML 1.0 forbids).
_ILLEGAL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ILLEGAL_RE2 = r"[\x{00}-\x{08}\x{0b}\x{0c}\x{0e}-\x{1f}]"
#: The characters ``str.strip()`` removes (``str.isspace``), as an RE2 class: Arrow's own white space differs.
_SPACE_RE2 = "[" + "".join(f"\\x{{{ord(c):x}}}" for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()) + "]"
#: Integers ``%.16g`` writes digit for digit (it formats a float; beyond 2**53 a Python int is rounded).
_EXACT_INT = 2 ** 53


def cell_value(value):
    """The value openpyxl is given for a table cell: None (left out), a str, int, float or bool.

    Examples
    --------
    >>> cell_value(pd.NA), cell_value(np.int64(3)), cell_value("bell\\x07gone"), len(cell_value("x" * 40_000))
    (None, 3, 'bellgone', 32767)
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return value if len(value) <= MAX_CELL_CHARS else value[:MAX_CELL_CHARS - 1] + "…"
    if isinstance(value, (int, float, bool)):
        return value
    return str(value)


def column_letter(n: int) -> str:
    """The spreadsheet's name of column ``n`` (1 = A).

    Examples
    --------
    >>> column_letter(1), column_letter(26), column_letter(27), column_letter(703)
    ('A', 'Z', 'AA', 'AAA')
    """
    letters = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def text_xml(value: str) -> str | None:
    """A text cell's content as openpyxl (through lxml) writes it; None for one it writes otherwise.

    Examples
    --------
    >>> text_xml("R&D "), text_xml(""), text_xml("=SUM(A1)")
    ('<is><t xml:space="preserve">R&amp;D </t></is>', '', None)
    """
    if (len(value) > 1 and value.startswith("=")) or value in ERROR_CODES or _NOT_XML_RE.search(value):
        return None
    if not value:
        return ""
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    space = ' xml:space="preserve"' if value != value.strip() else ""
    return f"<is><t{space}>{escaped}</t></is>"


def _python_cells(values: pd.Series, letter: str) -> list[str] | None:
    """One column's ``<c>`` elements, cell by cell in Python ("" for a cell left out); None: needs openpyxl."""
    cells = []
    append = cells.append
    for r, raw in enumerate(values.to_numpy(dtype=object).tolist(), start=2):
        kind = type(raw)
        if kind is not str and kind is not int and kind is not float and kind is not bool:
            raw = cell_value(raw)
            if raw is None:
                append("")
                continue
            kind = type(raw)
        if kind is str:
            if len(raw) > MAX_CELL_CHARS or _ILLEGAL_RE.search(raw):
                raw = cell_value(raw)
            text = text_xml(raw)
            if text is None:
                return None
            append(f'<c r="{letter}{r}" t="inlineStr">{text}</c>')
        elif kind is bool:
            append(f'<c r="{letter}{r}" t="b"><v>{int(raw)}</v></c>')
        elif kind is float:
            if raw != raw:                                  # NaN: missing, left out
                append("")
            else:
                append(f'<c r="{letter}{r}" t="n"><v>{"" if math.isinf(raw) else "%.16g" % raw}</v></c>')
        elif kind is int:
            append(f'<c r="{letter}{r}" t="n"><v>{"%.16g" % raw}</v></c>')
        else:
            return None
    return cells


def _s(text: str) -> pa.Scalar:
    return pa.scalar(text, type=pa.large_string())


def _join(*parts) -> pa.Array:
    return pc.binary_join_element_wise(*parts, _s(""))


def _text_of(values: pd.Series) -> pa.Array | None:
    """A column of texts (missing: null) as Arrow ``large_string``; None for any other column."""
    dtype = values.dtype
    if isinstance(dtype, pd.StringDtype) or (isinstance(dtype, pd.ArrowDtype) and (
            pa.types.is_string(dtype.pyarrow_dtype) or pa.types.is_large_string(dtype.pyarrow_dtype))):
        objects = values.to_numpy(dtype=object, na_value=None)
    elif dtype == object and pd.api.types.infer_dtype(values, skipna=True) in ("string", "empty"):
        objects = values.to_numpy(dtype=object)
        missing = pd.isna(objects)
        # a missing value is left out only if it is None, NaN or NA (NaT would be written "NaT")
        if any(v is not None and v is not pd.NA and not isinstance(v, float) for v in objects[missing].tolist()):
            return None
        objects = objects.copy()
        objects[missing] = None
    else:
        return None
    return pa.array(objects, type=pa.large_string())      # a lone surrogate raises: the caller goes cell by cell


def _arrow_text_cells(values: pd.Series, prefix: pa.Array, letter: str) -> pa.Array | None | bool:
    """A text column's ``<c>`` elements; None: not a text column; False: a cell needs openpyxl."""
    try:
        text = _text_of(values)
    except (pa.ArrowException, UnicodeError, TypeError, ValueError):
        return None
    if text is None:
        return None
    if isinstance(text, pa.ChunkedArray):
        text = text.combine_chunks()
    null = pc.is_null(text)
    text = pc.fill_null(text, "")
    length = pc.utf8_length(text)
    special = pc.or_(pc.greater(length, MAX_CELL_CHARS), pc.match_substring_regex(text, _ILLEGAL_RE2))
    refused = pc.or_(pc.or_(pc.and_(pc.greater(length, 1), pc.starts_with(text, "=")),
                            pc.is_in(text, value_set=pa.array(sorted(ERROR_CODES), type=pa.large_string()))),
                     pc.match_substring_regex(text, "[\\x{fffe}\\x{ffff}]"))
    if pc.any(pc.and_(refused, pc.invert(special))).as_py():
        return False
    escaped = text
    for old, new in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;")):
        escaped = pc.replace_substring(escaped, old, new)
    preserve = pc.match_substring_regex(text, f"^{_SPACE_RE2}|{_SPACE_RE2}$")
    inner = _join(_s("<is><t"), pc.if_else(preserve, _s(' xml:space="preserve"'), _s("")), _s(">"), escaped,
                  _s("</t></is>"))
    inner = pc.if_else(pc.equal(length, 0), _s(""), inner)
    cells = _join(prefix, _s('" t="inlineStr">'), inner, _s("</c>"))
    cells = pc.if_else(null, _s(""), cells)
    rows = np.flatnonzero(special.to_numpy(zero_copy_only=False))
    if len(rows):                                   # cut or cleaned by cell_value first, in Python (rare)
        cells = cells.to_pylist()
        for row, raw in zip(rows.tolist(), text.take(pa.array(rows)).to_pylist()):
            xml = text_xml(cell_value(raw))
            if xml is None:
                return False
            cells[row] = f'<c r="{letter}{row + 2}" t="inlineStr">{xml}</c>'
        cells = pa.array(cells, type=pa.large_string())
    return cells


def _arrow_cells(values: pd.Series, prefix: pa.Array, letter: str) -> pa.Array | None | bool:
    """One column's ``<c>`` elements as Arrow ("" for a cell left out); None: go cell by cell; False: openpyxl."""
    dtype = values.dtype
    if pd.api.types.is_bool_dtype(dtype):
        flags = pa.array(values.to_numpy(dtype=object, na_value=None), type=pa.bool_())
        cells = _join(prefix, _s('" t="b"><v>'), pc.if_else(flags, _s("1"), _s("0")), _s("</v></c>"))
        return pc.fill_null(cells, _s(""))
    if pd.api.types.is_integer_dtype(dtype) and dtype.kind == "i":
        missing = np.asarray(values.isna(), dtype=bool)
        numbers = values.to_numpy(dtype=np.int64, na_value=0) if missing.any() else values.to_numpy(dtype=np.int64)
        text = pa.array(numbers).cast(pa.large_string())
        far = np.flatnonzero((np.abs(numbers.astype(np.float64)) >= _EXACT_INT) & ~missing)
        if len(far):                                # %.16g of a float: rounded, perhaps with an exponent
            text = text.to_pylist()
            for row in far.tolist():
                text[row] = "%.16g" % int(numbers[row])
            text = pa.array(text, type=pa.large_string())
        cells = _join(prefix, _s('" t="n"><v>'), text, _s("</v></c>"))
        return pc.if_else(pa.array(missing), _s(""), cells) if missing.any() else cells
    if pd.api.types.is_float_dtype(dtype):
        numbers = np.ascontiguousarray(values.to_numpy(dtype=np.float64, na_value=np.nan))
        bits, where = np.unique(numbers.view(np.int64), return_inverse=True)      # each distinct value once
        distinct = pa.array(["" if math.isinf(v) else "%.16g" % v for v in bits.view(np.float64).tolist()],
                            type=pa.large_string())
        cells = _join(prefix, _s('" t="n"><v>'), distinct.take(pa.array(where.reshape(-1))), _s("</v></c>"))
        missing = np.isnan(numbers)
        return pc.if_else(pa.array(missing), _s(""), cells) if missing.any() else cells
    return _arrow_text_cells(values, prefix, letter)


def sheet_rows(frame: pd.DataFrame) -> str | None:
    """The ``<row>`` elements of the data rows (from the sheet's row 2), as openpyxl writes them.

    Made column by column; None when a cell needs openpyxl (the caller then
    writes the whole table through openpyxl).

    Examples
    --------
    >>> print(sheet_rows(pd.DataFrame({"a": ["R&D "], "n": [3]})).replace("</c>", "</c>\\n"))
    <row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">R&amp;D </t></is></c>
    <c r="B2" t="n"><v>3</v></c>
    </row>
    >>> sheet_rows(pd.DataFrame({"a": [None], "n": pd.array([None], dtype="Int64")}))
    '<row r="2"></row>'
    >>> sheet_rows(pd.DataFrame({"cell": ["=1+1"]})) is None
    True
    """
    n = len(frame)
    if n == 0:
        return ""
    numbers = pa.array(np.arange(2, n + 2, dtype=np.int64)).cast(pa.large_string())
    columns = []
    for i in range(len(frame.columns)):
        letter = column_letter(i + 1)
        values = frame.iloc[:, i]
        cells = _arrow_cells(values, _join(_s(f'<c r="{letter}'), numbers), letter)
        if cells is False:
            return None
        if cells is None:
            python = _python_cells(values, letter)
            if python is None:
                return None
            cells = pa.array(python, type=pa.large_string())
        columns.append(cells)
    lines = _join(_s('<row r="'), numbers, _s('">'), *columns, _s("</row>"))
    del columns
    whole = pc.binary_join(pa.LargeListArray.from_arrays(pa.array([0, n], type=pa.int64()), lines), _s(""))
    return whole[0].as_buffer().to_pybytes().decode("utf-8")
