"""Write the corpus tables: Arrow tables of rows in, Parquet files out, in bounded memory.

:class:`TableWriter` is the one writer of every engine (one process, several,
or Dask tasks writing their parts); :func:`rows_to_table` gives row dicts a
table's Arrow schema and :func:`without_documents` removes the rows of
duplicates.
"""

from __future__ import annotations

from operator import itemgetter
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from kuril_research.corpus.data import ARROW_SCHEMAS, TABLE_NAMES, arrow_schema

__all__ = ["DOCUMENT_TABLES", "TableWriter", "rows_to_table", "without_documents"]

#: Tables filled from the documents (``rejects`` and ``duplicates`` are written from the ledger).
DOCUMENT_TABLES = [t for t in TABLE_NAMES if t not in ("rejects", "duplicates")]


def rows_to_table(table: str, rows: list[dict], extra_columns: tuple[str, ...] | list[str] = ()) -> pa.Table:
    """Convert row dicts of one corpus table to an Arrow table with its schema (:func:`arrow_schema`)."""
    table_schema = arrow_schema(table, extra_columns)
    try:  # rows from process_document have every column: itemgetter is ~2x faster than dict.get
        columns = {c: list(map(itemgetter(c), rows)) for c in table_schema.names}
    except KeyError:
        columns = {c: [r.get(c) for r in rows] for c in table_schema.names}
    return pa.Table.from_pydict(columns, schema=table_schema)


def without_documents(data: pa.Table, doc_ids: set[str]) -> pa.Table:
    """Return ``data`` without the rows of ``doc_ids`` (the rows of duplicates)."""
    if not doc_ids:
        return data
    return data.filter(pc.invert(pc.is_in(data["doc_id"], value_set=pa.array(sorted(doc_ids), pa.string()))))


class TableWriter:
    """Buffer rows per table and write them to Parquet in row groups of about ``rows_per_group`` rows.

    Memory is bounded by the buffered rows, whatever the corpus size, unless
    ``keep`` is set: then every row written is also kept, and :meth:`tables`
    returns exactly what the files hold (the in-memory build,
    :func:`kuril_research.corpus.build.build_corpus`, returns it without
    reading the files back).
    """

    def __init__(self, folder: Path, *, rows_per_group: int = 10_000, extra_columns: tuple[str, ...] = (),
                 keep: bool = False) -> None:
        self.folder = folder
        self.kept: dict[str, list[pa.Table]] | None = {t: [] for t in TABLE_NAMES} if keep else None
        self.rows_per_group = rows_per_group
        self.schemas = {t: arrow_schema(t, extra_columns) for t in TABLE_NAMES}
        self.buffers: dict[str, list[pa.Table]] = {t: [] for t in TABLE_NAMES}
        self.buffered = dict.fromkeys(TABLE_NAMES, 0)
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.counts = dict.fromkeys(TABLE_NAMES, 0)

    def add(self, table: str, rows: list[dict]) -> None:
        """Add row dicts."""
        self.add_table(table, rows_to_table(table, rows, self.schemas[table].names[len(ARROW_SCHEMAS[table]):]))

    def add_table(self, table: str, data: pa.Table) -> None:
        """Add the rows of an Arrow table with the table's schema."""
        if not data.num_rows:
            return
        self.buffers[table].append(data)
        if self.kept is not None:
            self.kept[table].append(data)
        self.buffered[table] += data.num_rows
        self.counts[table] += data.num_rows
        if self.buffered[table] >= self.rows_per_group:
            self._flush(table)

    def _flush(self, table: str) -> None:
        table_schema = self.schemas[table]
        chunk = pa.concat_tables(self.buffers[table]) if self.buffers[table] else table_schema.empty_table()
        if table not in self.writers:
            self.writers[table] = pq.ParquetWriter(self.folder / f"{table}.parquet", table_schema,
                                                   compression="zstd", write_statistics=True)
        self.writers[table].write_table(chunk, row_group_size=max(1, chunk.num_rows))
        self.buffers[table], self.buffered[table] = [], 0

    def close(self, drop: set[str] | frozenset[str] = frozenset()) -> None:
        """Write what is buffered and close the files; then remove the rows of ``drop`` (near-duplicates).

        Rows already written are removed by rewriting the document tables, which
        happens only when there is something to drop.
        """
        for table in TABLE_NAMES:
            if self.buffers[table] or table not in self.writers:
                self._flush(table)
            self.writers[table].close()
        if not drop:
            return
        for table in DOCUMENT_TABLES:
            path = self.folder / f"{table}.parquet"
            data = without_documents(pq.read_table(path, schema=self.schemas[table]), set(drop))
            pq.write_table(data, path, compression="zstd", write_statistics=True,
                           row_group_size=max(1, min(data.num_rows, self.rows_per_group)))
            self.counts[table] = data.num_rows
            if self.kept is not None:
                self.kept[table] = [data]

    def tables(self) -> dict[str, pa.Table]:
        """Every table as written, once :meth:`close` has run; only for a writer made with ``keep=True``.

        Examples
        --------
        >>> import tempfile
        >>> writer = TableWriter(Path(tempfile.mkdtemp()), keep=True)
        >>> writer.add("rejects", [{"file": "a.txt", "reason": "empty", "detail": "remove it"}])
        >>> writer.close()
        >>> writer.tables()["rejects"].column("file").to_pylist(), writer.tables()["quotes"].num_rows
        (['a.txt'], 0)
        """
        if self.kept is None:
            raise ValueError("this writer keeps no rows: make it with keep=True")
        return {t: pa.concat_tables(parts) if parts else self.schemas[t].empty_table() for t, parts in self.kept.items()}
