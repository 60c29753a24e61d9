"""Write a table as CSV with the same bytes on every run, fast for large tables.

UTF-8, ``\\n`` line ends, no index column (a named or non-default index
becomes ordinary columns first), floats as :data:`FLOAT_FORMAT`, missing values
empty: the bytes of ``DataFrame.to_csv`` with those options. Tables of 10,000
rows and more are formatted column by column in Apache Arrow instead (several
times faster, the same bytes). Files are written through a temporary file and
a rename, so a reader never sees half of one.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["FLOAT_FORMAT", "atomic_file", "write_file", "flat_table", "write_csv", "csv_bytes"]

#: How every float is written in the CSV files and the readable table copies.
FLOAT_FORMAT = "%.12g"


@contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A file open for writing under a temporary name beside ``path``, renamed to ``path`` when the block ends
    and removed when it raises, so a reader never sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_file(path: Path, data: bytes) -> None:
    """Write a file via a temporary file and a rename (:func:`atomic_file`)."""
    with atomic_file(path) as handle:
        handle.write(data)


def flat_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Turn a named index into columns, drop an unnamed one, and join MultiIndex columns into strings.

    Examples
    --------
    >>> list(flat_table(pd.DataFrame({"n": [1, 2]}, index=[5, 9])).columns)
    ['n']
    """
    if not isinstance(frame, pd.DataFrame):
        frame = pd.DataFrame(frame)
    if isinstance(frame.columns, pd.MultiIndex):
        frame = frame.copy()
        frame.columns = [" / ".join(str(part) for part in col if str(part)) for col in frame.columns]
    named = any(name is not None for name in frame.index.names)
    default = isinstance(frame.index, pd.RangeIndex) and frame.index.start == 0 and frame.index.step == 1
    if named:
        frame = frame.reset_index()
    elif not default:                 # row labels left over from filtering mean nothing to a reader
        frame = frame.reset_index(drop=True)
    return frame


def write_csv(frame: pd.DataFrame, path: str | Path) -> str:
    """Write ``frame`` as CSV the same way every time; return the file's sha256.

    UTF-8, ``\\n`` line ends, no index column (a named or non-default index
    becomes ordinary columns first), floats as ``%.12g``, missing values empty.

    Parameters
    ----------
    frame : DataFrame
    path : str or Path

    Returns
    -------
    str
        SHA-256 of the written bytes.

    Examples
    --------
    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "t.csv")
    >>> _ = write_csv(pd.DataFrame({"term": ["kuril", "habomai"], "share": [2 / 3, 0.1]}), p)
    >>> print(open(p).read(), end="")
    term,share
    kuril,0.666666666667
    habomai,0.1
    """
    flat = flat_table(frame)
    if len(flat) > _CSV_SLICE_ROWS and _column_wise(flat):
        digest = _write_slices(flat, Path(path))
        if digest is not None:
            return digest
    data = csv_bytes(flat)
    write_file(Path(path), data)
    return hashlib.sha256(data).hexdigest()


def _write_slices(flat: pd.DataFrame, path: Path) -> str | None:
    """Write a large table :data:`_CSV_SLICE_ROWS` rows at a time (the same bytes as :func:`csv_bytes`); its sha256.

    None, with nothing written, when a slice has a column the column-wise writer does not handle.
    """
    digest = hashlib.sha256()
    try:
        with atomic_file(path) as handle:
            for first in [None, *range(0, len(flat), _CSV_SLICE_ROWS)]:
                data = _header(flat) if first is None else _csv_body(flat.iloc[first:first + _CSV_SLICE_ROWS])
                if data is None:
                    raise _NotSliceable  # the temporary file is removed, nothing is written
                handle.write(data)
                digest.update(data)
    except _NotSliceable:
        return None
    return digest.hexdigest()


class _NotSliceable(Exception):
    """A slice holds a column the column-wise writer does not handle (raised and caught in :func:`_write_slices`)."""


#: Characters that make the CSV writer quote a text cell (``csv.QUOTE_MINIMAL`` with ``\\n`` line ends).
_CSV_QUOTE_RE = '[,"\n]'
#: Smallest table written by the column-wise writer; smaller ones go through pandas (same bytes).
_FAST_CSV_ROWS = 10_000
#: Rows formatted at a time when a larger table is written to a file: the cell texts of one slice are in
#: memory, not those of the whole table (2.5 million frame hits: 0.7 GB at once; a slice of 200,000
#: concordance lines still took 0.24 GB, one of 50,000 about a quarter of that, in the same time).
_CSV_SLICE_ROWS = 50_000


def _large(text: str) -> pa.Scalar:
    return pa.scalar(text, type=pa.large_string())


def _csv_cells(values: pd.Series) -> pa.Array | None:
    """One column as CSV cell texts (Arrow ``large_string``, no nulls), as pandas' ``to_csv`` writes them.

    None when the column's type is not one this writer handles (the caller then uses pandas).
    """
    dtype = values.dtype
    try:
        if isinstance(dtype, pd.StringDtype) or (isinstance(dtype, pd.ArrowDtype)
                                                 and pa.types.is_string(dtype.pyarrow_dtype)
                                                 or isinstance(dtype, pd.ArrowDtype)
                                                 and pa.types.is_large_string(dtype.pyarrow_dtype)):
            array = values.array
            arrow = (array.__arrow_array__() if isinstance(array, pd.arrays.ArrowExtensionArray)
                     else pa.array(values.to_numpy(dtype=object, na_value=None), type=pa.large_string()))
            if isinstance(arrow, pa.ChunkedArray):
                arrow = arrow.combine_chunks() if arrow.num_chunks != 1 else arrow.chunk(0)
            text = pc.fill_null(arrow.cast(pa.large_string()), "")
            quote = pc.match_substring_regex(text, _CSV_QUOTE_RE)
            if pc.any(quote).as_py():          # as csv.writer does: in quotes, with inner quotes doubled
                quoted = pc.binary_join_element_wise(_large('"'), pc.replace_substring(text, '"', '""'), _large('"'),
                                                     _large(""))
                text = pc.if_else(quote, quoted, text)
            return text
        if pd.api.types.is_bool_dtype(dtype):
            flags = pa.array(values.to_numpy(dtype=object, na_value=None), type=pa.bool_())
            return pc.fill_null(pc.if_else(flags, "True", "False").cast(pa.large_string()), "")
        if pd.api.types.is_integer_dtype(dtype):
            numbers = pa.array(values.to_numpy(dtype=object, na_value=None) if values.hasnans
                               else values.to_numpy(), type=pa.int64() if dtype.kind == "i" else pa.uint64())
            return pc.fill_null(numbers.cast(pa.large_string()), "")
        if pd.api.types.is_float_dtype(dtype):
            numbers = np.ascontiguousarray(values.to_numpy(dtype=np.float64, na_value=np.nan))
            # each distinct value formatted once (bit for bit, so -0.0 stays "-0"): a large table repeats them
            bits, where = np.unique(numbers.view(np.int64), return_inverse=True)
            distinct = pa.array([FLOAT_FORMAT % v for v in bits.view(np.float64).tolist()], type=pa.large_string())
            text = distinct.take(pa.array(where.reshape(-1)))
            missing = np.isnan(numbers)
            return pc.if_else(pa.array(missing), _large(""), text) if missing.any() else text
    except (pa.ArrowException, UnicodeError, TypeError, ValueError, OverflowError):
        return None
    return None


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The CSV text :func:`write_csv` writes for ``frame``, as UTF-8 bytes.

    The bytes are those of ``frame.to_csv(index=False, lineterminator="\\n",
    float_format="%.12g")`` after :func:`flat_table`. A large table of text, integer,
    boolean and float columns is formatted column by column in Apache Arrow
    (several times faster, the same bytes); anything else goes through pandas.

    Examples
    --------
    >>> print(csv_bytes(pd.DataFrame({"term": ["a,b", 'say "x" now'], "n": [0.1, None]})).decode(), end="")
    term,n
    "a,b",0.1
    "say ""x"" now",
    """
    flat = flat_table(frame)
    body = _csv_body(flat) if _column_wise(flat) else None
    if body is None:
        return flat.to_csv(index=False, lineterminator="\n", float_format=FLOAT_FORMAT).encode("utf-8")
    return _header(flat) + body


def _column_wise(flat: pd.DataFrame) -> bool:
    """Whether a flat table is large and plain enough for the column-wise writer."""
    return len(flat) >= _FAST_CSV_ROWS and len(flat.columns) > 1 and flat.columns.is_unique


def _header(flat: pd.DataFrame) -> bytes:
    return flat.head(0).to_csv(index=False, lineterminator="\n").encode("utf-8")


def _csv_body(flat: pd.DataFrame) -> bytes | None:
    """The CSV lines of the rows of ``flat``, each ending in ``\\n``, formatted column by column in Arrow.

    None when a column's type is not one :func:`_csv_cells` handles.
    """
    columns = []
    for name in flat.columns:
        cells = _csv_cells(flat[name])
        if cells is None:
            return None
        columns.append(cells)
    lines = pc.binary_join_element_wise(*columns, _large(","))
    del columns
    body = pc.binary_join(pa.LargeListArray.from_arrays(pa.array([0, len(lines)], type=pa.int64()), lines),
                          _large("\n"))
    return body[0].as_buffer().to_pybytes() + b"\n"
