"""Memory-mapped Arrow copies of a built corpus's tables: load a large corpus in a second instead of ten.

Reading Parquet decodes every value into new memory: for 100,000 articles
that is about 2 GB of strings and integers, 5–15 s on a shared 2-core
machine, whatever the compression. An uncompressed Arrow IPC file with
strings stored as ``large_string`` (what pandas keeps them in) is instead
memory-mapped: nothing is decoded, strings are not copied, pages are read in
from the file when they are first used. It costs about 16 times the Parquet's
size on disk.

:func:`read_through` is the one entry point (used by
:func:`kuril_research.corpus.read_table`): it returns the copy of a table if
one is current, and otherwise reads the Parquet and writes the copy.

A copy is current while its key (:func:`cache_key`) matches the Parquet files
it was made from: their paths, sizes, inodes and modification and change
times, with the table's schema and :data:`FORMAT`. Writing or replacing a file
sets its change time, which no tool can set back, so a rebuilt, replaced or
edited table never meets a stale copy. Copies are written under a temporary
name and renamed into place, so a reader sees a whole file or none; they are
never truncated in place, because a process that has one mapped would crash.
A folder that cannot be written is read without a copy.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd
import pyarrow as pa

from kuril_research import memo

__all__ = ["CACHE_DIR", "CACHE_MIN_BYTES", "read_through", "cache_key", "mapped_from", "file_region", "arrow_sha256",
           "table_identity"]

#: Folder, inside a corpus folder, of the Arrow copies of its tables.
CACHE_DIR = ".arrow-cache"
#: Tables whose Parquet files are smaller than this are read from Parquet (well under a second) and not copied.
CACHE_MIN_BYTES = 2**20
#: Changed whenever the layout of a copy changes; part of every key. 2: one record batch per table, so that
#: every column is one contiguous buffer that :func:`kuril_research.corpus.data.arrow_to_frame` wraps uncopied.
FORMAT = 2
#: A temporary file older than this was left by a writer that was killed, and is removed.
STALE_TMP_SECONDS = 3600


def cache_schema(table_schema: pa.Schema) -> pa.Schema:
    """The schema of a table's copy: ``string`` columns as ``large_string``, the rest unchanged.

    Examples
    --------
    >>> cache_schema(pa.schema([("doc_id", pa.string()), ("start", pa.int64())])).types
    [DataType(large_string), DataType(int64)]
    """
    return pa.schema([(f.name, pa.large_string() if f.type == pa.string() else f.type) for f in table_schema])


def cache_key(folder: Path, name: str, parts: list[Path], table_schema: pa.Schema) -> str:
    """Return the key of table ``name``'s copy: what identifies the Parquet files it is made from.

    Covers each file's path in ``folder``, size, inode, and modification and
    change times (nanoseconds); the table's schema; :data:`FORMAT`. A corpus
    folder that is moved or renamed keeps its keys.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> part = folder / "rejects.parquet"
    >>> _ = part.write_bytes(b"one")
    >>> key = cache_key(folder, "rejects", [part], pa.schema([("file", pa.string())]))
    >>> len(key), key == cache_key(folder, "rejects", [part], pa.schema([("file", pa.string())]))
    (16, True)
    >>> _ = part.write_bytes(b"other")
    >>> key == cache_key(folder, "rejects", [part], pa.schema([("file", pa.string())]))
    False
    """
    files = []
    for part in parts:
        st = part.stat()
        files.append([part.relative_to(folder).as_posix(), st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns])
    identity = [FORMAT, name, table_schema.to_string(show_schema_metadata=False), files]
    return hashlib.sha256(json.dumps(identity).encode()).hexdigest()[:16]


def read_through(folder: Path, name: str, parts: list[Path], read: Callable[[], pa.Table],
                 table_schema: pa.Schema) -> pa.Table:
    """Return table ``name`` from its current copy, or from ``read()`` (the Parquet), writing the copy.

    Parameters
    ----------
    folder : Path
        Corpus folder; copies go to ``folder / CACHE_DIR``.
    name : str
        Table name.
    parts : list of Path
        The table's Parquet files, in order.
    read : callable
        Reads the Parquet files into one Arrow table (and reports errors).
    table_schema : pa.Schema
        The table's schema in this version of the package. A table read with
        another schema is returned as read, without a copy (validation will say
        what is wrong with it).

    Returns
    -------
    pa.Table
        Memory-mapped from the copy, or as read when no copy could be written
        (read-only folder, disk full, files changed while being read).
    """
    key = cache_key(folder, name, parts, table_schema)
    file = folder / CACHE_DIR / f"{name}-{key}.arrow"
    wanted = cache_schema(table_schema)
    table = _open(file, wanted)
    if table is not None:
        return _register(folder, name, key, table)
    table = read()
    if not table.schema.equals(table_schema) or cache_key(folder, name, parts, table_schema) != key:
        return table
    mapped = _write(file, name, table, wanted)
    return table if mapped is None else _register(folder, name, key, mapped)


#: The newest memory-mapped copy of each (corpus folder, table): key, address range of its map, the table
#: (held, so that the map, and so the meaning of its addresses, lives as long as the entry).
_MAPPED: dict[tuple[Path, str], tuple[str, int, int, pa.Table]] = {}


def _buffers(array: pa.Array | pa.ChunkedArray):
    for chunk in array.chunks if isinstance(array, pa.ChunkedArray) else [array]:
        yield from (b for b in chunk.buffers() if b is not None and b.size)


def _register(folder: Path, name: str, key: str, table: pa.Table) -> pa.Table:
    spans = [(b.address, b.address + b.size) for column in table.columns for b in _buffers(column)]
    if spans:
        _MAPPED[(folder, name)] = (key, min(a for a, _ in spans), max(b for _, b in spans), table)
    return table


def mapped_from(array: pa.Array | pa.ChunkedArray) -> tuple[Path, str, str, list] | None:
    """Where an Arrow array's values are read from: (corpus folder, table, key, layout) of the copy that holds them.

    ``layout`` says which part of the copy: per chunk, its offset and length
    and the positions of its buffers in the map, so that two slices of one
    column (``documents.iloc[:10]`` and ``documents.iloc[10:20]``) are told
    apart.

    Arrow arrays are immutable and a memory-mapped copy is never changed in
    place (:func:`read_through` writes a new file), so an array whose every
    buffer lies inside the map of a copy holds exactly what that copy held
    when it was written: a result derived from it can be kept on disk beside
    the copy under the copy's key (:mod:`kuril_research.tokens.persist`).
    Only the newest map of each table in this process is known; an array
    that is not read from one (built in memory, or an older map) gives None.

    Examples
    --------
    >>> mapped_from(pa.chunked_array([["built", "in memory"]])) is None
    True
    """
    spans = [(b.address, b.address + b.size) for b in _buffers(array)]
    if not spans:
        return None
    for (folder, name), (key, lo, hi, _table) in _MAPPED.items():
        if all(lo <= a and b <= hi for a, b in spans):
            chunks = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
            layout = [[c.offset, len(c), [[b.address - lo, b.size] for b in c.buffers() if b is not None and b.size]]
                      for c in chunks]
            return folder, name, key, layout
    return None


def _open(file: Path, wanted: pa.Schema) -> pa.Table | None:
    """Memory-map a copy; None when it is missing, unreadable or not of the expected schema."""
    try:
        with pa.memory_map(str(file)) as source:
            table = pa.ipc.open_file(source).read_all()
            source.seek(0)
            whole = source.read_buffer()            # the whole map, uncopied: where each column lies in the file
    except (OSError, pa.ArrowException):
        return None
    if not table.schema.equals(wanted):
        return None
    _FILES[file.parent.parent, file.name.rsplit("-", 1)[0]] = (file, whole)
    return table


#: The newest map of each (corpus folder, table) as one buffer, with its file (held, like :data:`_MAPPED`).
_FILES: dict[tuple[Path, str], tuple[Path, pa.Buffer]] = {}


def file_region(buffer: pa.Buffer) -> tuple[Path, int] | None:
    """The copy a buffer is memory-mapped from and the buffer's offset in that file; None for any other buffer.

    Lets a reader map a column's values again copy-on-write (``numpy.memmap``
    mode ``"c"``): uncopied until changed, and changeable, which the read-only
    map Arrow makes is not.

    Examples
    --------
    >>> file_region(pa.py_buffer(b"built in memory")) is None
    True
    """
    for file, whole in _FILES.values():
        if whole.address <= buffer.address and buffer.address + buffer.size <= whole.address + whole.size:
            return file, buffer.address - whole.address
    return None


def _write(file: Path, name: str, table: pa.Table, wanted: pa.Schema) -> pa.Table | None:
    """Write ``table`` as an uncompressed Arrow IPC file at ``file``; return it memory-mapped, or None on failure.

    The file is written under a temporary name and renamed into place; the
    table's other copies (other keys) are then removed.
    """
    tmp = file.with_name(f".{file.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        file.parent.mkdir(exist_ok=True)
        with pa.OSFile(str(tmp), "wb") as sink, pa.ipc.new_file(sink, wanted) as writer:
            writer.write_batch(_one_batch(table, wanted))
        os.replace(tmp, file)
    except (OSError, pa.ArrowException):
        try:
            tmp.unlink(missing_ok=True)
        except OSError:  # e.g. the cache folder could not be made
            pass
        return None
    _prune(file, name)
    return _open(file, wanted)


def _one_batch(table: pa.Table, wanted: pa.Schema) -> pa.RecordBatch:
    """``table`` cast to ``wanted`` as one record batch: each column cast and joined into one array in turn.

    One column at a time, so that besides the table read from Parquet only the
    copy being made and one column's cast are in memory.

    Examples
    --------
    >>> t = pa.concat_tables([pa.table({"s": ["a"], "n": [1]}), pa.table({"s": ["b"], "n": [2]})])
    >>> batch = _one_batch(t, cache_schema(t.schema))
    >>> batch.num_rows, batch.schema.types, batch.column(0).to_pylist()
    (2, [DataType(large_string), DataType(int64)], ['a', 'b'])
    """
    columns = []
    for field_, column in zip(wanted, table.columns):
        chunks = column.cast(field_.type).chunks
        columns.append(pa.concat_arrays(chunks) if chunks else pa.array([], field_.type))
    return pa.RecordBatch.from_arrays(columns, schema=wanted)


def _prune(keep: Path, name: str) -> None:
    """Remove the copies of table ``name`` other than ``keep``, and temporary files left by killed writers."""
    now = time.time()
    for other in keep.parent.glob(f"{name}-*.arrow"):
        if other != keep:
            other.unlink(missing_ok=True)  # a process that has it mapped keeps reading it until it lets go
    for tmp in keep.parent.glob(".*.tmp"):
        try:
            if now - tmp.stat().st_mtime > STALE_TMP_SECONDS:
                tmp.unlink()
        except OSError:
            pass


def arrow_sha256(array: pa.Array | pa.ChunkedArray) -> str:
    """SHA-256 of an Arrow array's type and of each chunk's offset, length and buffers (equal bytes: equal values)."""
    digest = hashlib.sha256(str(array.type).encode())
    for chunk in array.chunks if isinstance(array, pa.ChunkedArray) else [array]:
        digest.update(f"|{chunk.offset},{len(chunk)}".encode())
        for buffer in chunk.buffers():
            digest.update(b"-" if buffer is None else b"+" + memoryview(buffer).cast("B"))
    return digest.hexdigest()


def table_identity(frame: pd.DataFrame, names: Sequence[str]) -> list | None:
    """What identifies the content of some columns of a table, as JSON-ready values (None: a column is missing).

    Examples
    --------
    >>> t = pd.DataFrame({"n": pd.array([1, 2], dtype="Int64"), "s": pd.array(["a", "b"], dtype="string")})
    >>> table_identity(t, ["n", "s"]) == table_identity(t.copy(), ["n", "s"])
    True
    >>> table_identity(t, ["n", "s"]) == table_identity(t.assign(s=pd.array(["a", "c"], dtype="string")), ["n", "s"])
    False
    """
    if any(name not in frame.columns for name in names):
        return None
    identity: list = [len(frame)]
    for name in names:
        array = frame[name].array
        if isinstance(array, pd.arrays.ArrowExtensionArray):
            arrow = array.__arrow_array__()
            where = mapped_from(arrow)
            # immutable, and what the copy of that key holds (not the folder: a corpus named by a relative
            # and by an absolute path is the same corpus)
            identity.append([name, *where[1:]] if where is not None else [name, arrow_sha256(arrow)])
        else:                               # numbers can be edited in place: their values' SHA-256
            identity.append([name, list(memo.fingerprint((frame, [name]))[1:])])
    return identity
