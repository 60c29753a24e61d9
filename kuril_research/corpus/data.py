"""The corpus as data: the :class:`Corpus` of tidy tables, and loading it from its folder of Parquet files.

The data object and its reader only; building the tables from raw files is
:mod:`kuril_research.corpus.build`, which writes what :func:`load_corpus`
reads. Loading needs neither the parser nor NLTK. What a corpus shows in
Jupyter (``_repr_html_``, :meth:`Corpus.show`) is :mod:`kuril_research.corpus.views`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from kuril_research import config, schema
from kuril_research.corpus import arrow_cache
from kuril_research.corpus.views import DocumentView, corpus_html, document
from kuril_research.errors import CorpusTableError

__all__ = ["Corpus", "TABLE_NAMES", "ARROW_SCHEMAS", "BUILD_RECORD", "arrow_schema", "arrow_to_frame", "read_table",
           "documents_with_warnings", "load_corpus"]

#: The corpus tables, in order (:data:`kuril_research.schema.TABLES`).
TABLE_NAMES = list(schema.TABLES)
_ARROW_TYPES = {"string": pa.string(), "Int64": pa.int64(), "boolean": pa.bool_(), "Float64": pa.float64()}
_PANDAS_TYPES = {pa.string(): pd.StringDtype(), pa.large_string(): pd.StringDtype(),
                 pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype(), pa.float64(): pd.Float64Dtype()}
#: The Arrow schema of every table, as written to Parquet.
ARROW_SCHEMAS = {name: pa.schema([(c, _ARROW_TYPES[t]) for c, t in cols.items()])
                 for name, cols in schema.TABLES.items()}
#: The build record's file in a corpus folder: versions, input hashes, table sizes.
BUILD_RECORD = "build.json"


def arrow_schema(table: str, extra_columns: tuple[str, ...] | list[str] = ()) -> pa.Schema:
    """The Arrow schema of a table: :data:`ARROW_SCHEMAS`, plus extra string columns for ``documents``."""
    if not extra_columns or table not in schema.EXTRA_COLUMN_TABLES:
        return ARROW_SCHEMAS[table]
    return pa.schema(list(ARROW_SCHEMAS[table]) + [pa.field(c, pa.string()) for c in extra_columns])


@dataclass
class Corpus:
    """A parsed, normalised corpus as tidy DataFrames (columns: :mod:`kuril_research.schema`).

    Attributes
    ----------
    documents, paragraphs, sentences, quotes, mentions, removed, rejects, duplicates : DataFrame
        One table each; offsets in ``paragraphs``, ``sentences``, ``quotes`` and
        ``mentions`` refer to ``documents.text`` of the same ``doc_id``.
    build : dict
        The build record (package version, schema version, input hashes).
    """

    documents: pd.DataFrame = field(default_factory=lambda: schema.empty_table("documents"))
    paragraphs: pd.DataFrame = field(default_factory=lambda: schema.empty_table("paragraphs"))
    sentences: pd.DataFrame = field(default_factory=lambda: schema.empty_table("sentences"))
    quotes: pd.DataFrame = field(default_factory=lambda: schema.empty_table("quotes"))
    mentions: pd.DataFrame = field(default_factory=lambda: schema.empty_table("mentions"))
    removed: pd.DataFrame = field(default_factory=lambda: schema.empty_table("removed"))
    rejects: pd.DataFrame = field(default_factory=lambda: schema.empty_table("rejects"))
    duplicates: pd.DataFrame = field(default_factory=lambda: schema.empty_table("duplicates"))
    build: dict = field(default_factory=dict)

    def summary(self) -> pd.DataFrame:
        """Return one row per table with its number of rows.

        Examples
        --------
        >>> Corpus().summary()["rows"].tolist()
        [0, 0, 0, 0, 0, 0, 0, 0]
        """
        return pd.DataFrame({"table": TABLE_NAMES, "rows": [len(getattr(self, t)) for t in TABLE_NAMES]})

    def __repr__(self) -> str:
        sizes = ", ".join(f"{t}={len(getattr(self, t))}" for t in TABLE_NAMES)
        return f"Corpus({sizes})"

    def _repr_html_(self) -> str:
        """What Jupyter shows for a corpus: :func:`kuril_research.corpus.views.corpus_html`."""
        return corpus_html(self)

    def show(self, doc_id: str) -> DocumentView:
        """Show one article with its names, voices and quotations marked (see :func:`kuril_research.explore.document`).

        Examples
        --------
        >>> from kuril_research.corpus import corpus_from_texts
        >>> corpus_from_texts({"b": "MOSCOW — Iturup is Russian, Russia says."}).show("b")
        DocumentView('b', ... characters of HTML)
        """
        return document(self, doc_id)


def _table_parts(folder: Path, name: str) -> tuple[Path, list[Path]]:
    """Return the path that names table ``name`` in messages and its Parquet files, in order."""
    path = folder / f"{name}.parquet"
    parts = [path] if path.is_file() else sorted((folder / name).glob("part-*.parquet"))
    if not parts:
        raise CorpusTableError(f"table {name!r} is missing", path=path, hint="build the corpus with `kuril-research build`")
    return path, parts


def _read_parquet(name: str, path: Path, parts: list[Path]) -> pa.Table:
    """Read the Parquet files of one table as one Arrow table."""
    try:
        return pa.concat_tables([pq.read_table(part) for part in parts])
    except (pa.ArrowInvalid, OSError) as exc:
        raise CorpusTableError(f"cannot read table {name!r} ({exc})", path=path,
                               hint="rebuild the corpus with `kuril-research build`") from None


def _expected_schema(name: str, parts: list[Path]) -> pa.Schema:
    """The schema table ``name`` should have: the fixed one, plus the extra columns its files declare."""
    if name not in schema.EXTRA_COLUMN_TABLES:
        return ARROW_SCHEMAS[name]
    try:
        names = pq.read_schema(parts[0]).names
    except (pa.ArrowInvalid, OSError):
        return ARROW_SCHEMAS[name]
    fixed = ARROW_SCHEMAS[name].names
    return arrow_schema(name, names[len(fixed):]) if names[:len(fixed)] == fixed else ARROW_SCHEMAS[name]


def read_table(folder: str | Path, name: str, *, cache: bool | None = None) -> pd.DataFrame:
    """Read and validate one table of a built corpus.

    The table is ``<name>.parquet``, or the parts ``<name>/part-*.parquet`` a
    Dask build writes, read in order.

    The first read of a large table also writes an uncompressed Arrow copy of
    it to ``<folder>/.arrow-cache/<name>-<key>.arrow``, about 16 times the
    size of the Parquet; later reads memory-map that copy instead of decoding
    the Parquet, so its strings are not copied at all (under a second instead
    of 5–15 s for the 100,000-article corpus on a shared 2-core machine). The
    copy is used only while its key still matches the Parquet files; a
    rebuild replaces the corpus folder and the copy with it. Either way the
    table is validated and has the same dtypes and values. See
    :mod:`kuril_research.corpus.arrow_cache`.

    Parameters
    ----------
    folder : str or Path
        Corpus folder.
    name : str
        A table name (:data:`kuril_research.schema.TABLES`).
    cache : bool, optional
        True: use and write the cache whatever the table's size; False: read
        the Parquet only and write nothing; default: cache tables whose Parquet
        files total at least ``arrow_cache.CACHE_MIN_BYTES`` (1 MiB). A folder that cannot be
        written is read without a cache.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "processed"
    >>> from kuril_research.corpus import write_corpus
    >>> _ = write_corpus(config.raw_dir(), config.manifest_path(), out)
    >>> read_table(out, "removed")["reason"].value_counts().to_dict()
    {'section label': 3, 'newsletter': 2, 'photo caption': 2, 'advertisement': 1, 'credit line': 1}
    >>> cached = read_table(out, "removed", cache=True)
    >>> [p.name.split("-")[0] for p in (out / ".arrow-cache").iterdir()], cached.equals(read_table(out, "removed"))
    (['removed'], True)"""
    folder = Path(folder)
    path, parts = _table_parts(folder, name)
    if cache is None:
        cache = sum(part.stat().st_size for part in parts) >= arrow_cache.CACHE_MIN_BYTES
    read = partial(_read_parquet, name, path, parts)
    table = arrow_cache.read_through(folder, name, parts, read, _expected_schema(name, parts)) if cache else read()
    return arrow_to_frame(name, table, path=path)


def arrow_to_frame(name: str, table: pa.Table, *, path: str | Path | None = None) -> pd.DataFrame:
    """Convert an Arrow table of corpus table ``name`` to its DataFrame, with the schema's dtypes, validated.

    The one conversion every reader and the in-memory build use, so a table
    has the same dtypes and values however it was obtained. An ``Int64`` column
    of a memory-mapped copy (one chunk, :mod:`~kuril_research.corpus.arrow_cache`)
    keeps its values in the file's pages instead of a copy (``_int64_uncopied``);
    strings are never copied (pandas keeps them in Arrow).

    Parameters
    ----------
    name : str
        A table name (:data:`kuril_research.schema.TABLES`).
    table : pyarrow.Table
        With the columns of :func:`arrow_schema`.
    path : str or Path, optional
        The file the table came from, named in errors.

    Examples
    --------
    >>> rows = pa.table({"file": ["a.txt"], "reason": ["empty"], "detail": ["remove it"],
    ...                  "source_position": pa.array([None], pa.int64())})
    >>> arrow_to_frame("rejects", rows).dtypes.astype(str).tolist()
    ['string', 'string', 'string', 'Int64']
    """
    if not any(_mapped_int64(column) for column in table.columns):
        frame = table.to_pandas(types_mapper=_PANDAS_TYPES.get)
    else:
        frame = pd.DataFrame({f.name: (_int64_uncopied(column) if _mapped_int64(column)
                                       else _PANDAS_TYPES[f.type].__from_arrow__(column))
                              if f.type in _PANDAS_TYPES else column.to_pandas()
                              for f, column in zip(table.schema, table.columns)}, copy=False)
    return schema.validate_table(name, frame, path=None if path is None else str(path))


def _mapped_int64(column: pa.ChunkedArray) -> bool:
    """Whether a column is int64 in one chunk read from a memory-mapped copy (:func:`arrow_cache.file_region`)."""
    return (column.type == pa.int64() and column.num_chunks == 1 and len(column) > 0
            and arrow_cache.file_region(column.chunk(0).buffers()[1]) is not None)


def _int64_uncopied(column: pa.ChunkedArray) -> pd.arrays.IntegerArray:
    """An ``Int64`` array over a memory-mapped int64 column's place in its file: its values are not copied.

    What pandas' own conversion gives (it copies the values and builds a
    mask of every row): the same values and missing rows. The values are the
    file's pages mapped again copy-on-write, read in when used and dropped by
    the system under memory pressure; a change to a value copies its page and
    never reaches the file. The mask of a column without missing values is
    zeros that the system gives on first write only.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "quotes.parquet").write_bytes(b"")
    >>> rows = pa.table({"n": pa.array([4, None, 6], pa.int64())})
    >>> mapped = arrow_cache.read_through(folder, "quotes", [folder / "quotes.parquet"], lambda: rows, rows.schema)
    >>> values = _int64_uncopied(mapped.column("n"))
    >>> values.tolist(), values.equals(rows.column("n").to_pandas(types_mapper=_PANDAS_TYPES.get).array)
    ([4, <NA>, 6], True)
    >>> values[0] = 5                                       # changes a copy of the page, never the file
    >>> values.tolist(), mapped.column("n").to_pylist()
    ([5, <NA>, 6], [4, None, 6])
    """
    chunk = column.chunk(0)
    file, offset = arrow_cache.file_region(chunk.buffers()[1])
    values = np.asarray(np.memmap(file, dtype=np.int64, mode="c", offset=offset + chunk.offset * 8, shape=(len(chunk),)))
    if chunk.null_count:
        missing = np.asarray(chunk.is_null())
    else:
        missing = np.zeros(len(chunk), dtype=bool)
    return pd.arrays.IntegerArray(values, missing, copy=False)


def documents_with_warnings(folder: str | Path) -> pd.DataFrame:
    """Return ``doc_id`` and ``warnings`` of the documents of a built corpus that have warnings.

    Reads only those two columns, so it stays cheap for a large corpus.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "processed"
    >>> from kuril_research.corpus import write_corpus
    >>> _ = write_corpus(config.raw_dir(), config.manifest_path(), out)
    >>> documents_with_warnings(out).values.tolist()
    [['004_b4db91b1548a4516', 'no title found']]
    """
    path, parts = _table_parts(Path(folder), "documents")
    try:
        table = pa.concat_tables([pq.read_table(part, columns=["doc_id", "warnings"]) for part in parts])
    except (pa.ArrowInvalid, OSError, KeyError) as exc:
        raise CorpusTableError(f"cannot read table 'documents' ({exc})", path=path,
                               hint="rebuild the corpus with `kuril-research build`") from None
    frame = table.to_pandas(types_mapper=_PANDAS_TYPES.get)
    return frame[frame["warnings"].fillna("") != ""].reset_index(drop=True)


def load_corpus(path: str | Path | None = None, *, cache: bool | None = None) -> Corpus:
    """Load a built corpus from its folder of Parquet tables.

    Every table is read and validated (:func:`read_table`). Large tables are
    read from memory-mapped Arrow copies kept in ``<path>/.arrow-cache/``,
    written by the first load, which makes later loads of a large corpus
    several times faster: their strings and numbers are not copied into the
    process (:func:`arrow_to_frame`), only the pages a computation reads are.

    Parameters
    ----------
    path : str or Path, optional
        Folder written by :func:`~kuril_research.corpus.build.write_corpus` or
        :func:`~kuril_research.corpus.build.build_corpus` (one file per table) or by
        :func:`kuril_research.corpus.distributed.write_corpus_dask` (one folder of
        parts per table); default ``data/processed``.
    cache : bool, optional
        Whether to use and write the Arrow copies (see :func:`read_table`);
        default: for tables of at least 1 MiB of Parquet.

    Returns
    -------
    Corpus

    Raises
    ------
    CorpusTableError
        If a table is missing, unreadable or from another version of the package.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "processed"
    >>> from kuril_research.corpus import write_corpus
    >>> _ = write_corpus(config.raw_dir(), config.manifest_path(), out)
    >>> corpus = load_corpus(out)
    >>> corpus.mentions.query("surface == 'Khabomai'")[["doc_id", "entity", "voice"]].values.tolist()
    [['003_5c202a017dd63dc4', 'habomai', 'narrator']]
    >>> load_corpus(out.parent / "nowhere")
    Traceback (most recent call last):
    kuril_research.errors.CorpusTableError: ...nowhere: no built corpus here. What to do: build it with `kuril-research build`
    """
    folder = Path(path) if path is not None else config.processed_dir()
    record_path = folder / BUILD_RECORD
    if not record_path.is_file():
        raise CorpusTableError("no built corpus here", path=folder, hint="build it with `kuril-research build`")
    record = json.loads(record_path.read_text(encoding="utf-8"))
    if record.get("schema_version") != schema.SCHEMA_VERSION:
        raise CorpusTableError(f"built with table schema {record.get('schema_version')}, this version reads {schema.SCHEMA_VERSION}",
                               path=record_path, hint="rebuild the corpus with `kuril-research build`")
    return Corpus(**{name: read_table(folder, name, cache=cache) for name in TABLE_NAMES}, build=record)
