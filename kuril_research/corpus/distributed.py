"""Build the corpus on a Dask cluster, writing each table as a folder of Parquet parts.

:func:`write_corpus_dask` runs the same per-document pipeline as
:func:`kuril_research.corpus.build.write_corpus` — :func:`~kuril_research.corpus.process.process_files`,
which reads each file and runs :func:`~kuril_research.corpus.process.process_document` — over contiguous, name-ordered
slices of the raw files, one Dask task per slice, on an existing cluster or on a
local one. The result has the same rows, in the same order, with the same dtypes
as the single-process build; only the layout differs::

    out_dir/build.json
    out_dir/documents/part-00000.parquet
    out_dir/documents/part-00001.parquet
    ...
    out_dir/rejects/part-00000.parquet

Reading parts ``part-00000``, ``part-00001``, ... in order and concatenating them
gives the single-process table; :func:`kuril_research.corpus.data.load_corpus`
reads either layout.

How the build stays identical to the single-process one
-------------------------------------------------------
* File names, document ids, manifest rows and the build record are computed on
  the client by :func:`~kuril_research.corpus.build.plan_build`, as for the single-process build.
* Each task processes its slice in name order and writes its part of every
  document table; it returns, per file, either the reject or the SHA-256 of the
  document's clean text.
* The client then walks these summaries in name order, as the single-process
  build walks its results: an exact duplicate (same non-empty clean text as an
  earlier file) becomes a ``duplicate`` reject, and its rows are removed from the
  part that holds them. Rejects (read failures and duplicates, in name order) are
  written by the client as one part. Both builds decide through one
  :class:`~kuril_research.corpus.ledger.Ledger`.
* Near-duplicates are then grouped on the client from the signatures the
  tasks returned, and the dropped copies' rows removed from their parts, as the
  single-process build does.
* Outputs are staged and swapped in atomically under the same lock as the
  single-process build: a failed build leaves ``out_dir`` as it was.

Workers must see the raw folder, the lexicon files and the output folder at the
same paths as the client (one machine, or a shared file system), and must have
``kuril_research`` importable. A script that starts the default local cluster
must do so under ``if __name__ == "__main__":`` (worker processes are spawned).
"""

from __future__ import annotations

import json
import math
import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow.parquet as pq

from kuril_research.atomic import run_lock
from kuril_research.corpus.build import FILES_PER_CHUNK, BuildSummary, plan_build
from kuril_research.corpus.data import BUILD_RECORD, TABLE_NAMES, arrow_schema
from kuril_research.corpus.guards import staged_corpus_dir
from kuril_research.corpus.ledger import FileOutcome, Ledger
from kuril_research.corpus.process import process_files
from kuril_research.corpus.provenance import files_sha256
from kuril_research.corpus.writer import DOCUMENT_TABLES, TableWriter, rows_to_table, without_documents
from kuril_research.errors import InputError
from kuril_research.ingest.readers import ColumnMapping, SourceOptions

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client

__all__ = ["write_corpus_dask", "PART_NAME"]

#: File name of part ``i`` of a table, inside the table's folder.
PART_NAME = "part-{:05d}.parquet"
#: Aim for slices of about this many files when ``partitions`` is not given.
FILES_PER_PARTITION = 2000
#: Seconds to wait for a scheduler given by address.
CONNECT_TIMEOUT = 20


@dataclass(frozen=True, slots=True)
class _PartResult:
    index: int
    outcomes: list[FileOutcome]
    counts: dict[str, int]


def _process_partition(index: int, tasks: Sequence[tuple], staging: str,
                       gazetteer_path: str | None, voice_path: str | None,
                       options: SourceOptions | None = None, extra_columns: tuple[str, ...] = ()) -> _PartResult:
    """Process one slice of files and write its part of every document table (runs on a worker).

    Parameters
    ----------
    index : int
        Position of the slice; names the part files.
    tasks : sequence of tuple
        ``(raw_dir, name, meta, doc_id)`` in name order.
    staging : str
        The staged output folder; it holds one sub-folder per table.
    gazetteer_path, voice_path : str or None
        Lexicon files (None: the shipped ones).
    options, extra_columns :
        How to read sources, and the extra documents columns (see :func:`~kuril_research.corpus.process.process_files`).

    Returns
    -------
    _PartResult
        One :class:`~kuril_research.corpus.ledger.FileOutcome` per file, and the number of rows written per table.
    """
    staging_dir = Path(staging)
    work = staging_dir / f".work-{index:05d}"
    shutil.rmtree(work, ignore_errors=True)  # a retried task starts afresh
    work.mkdir()
    writer = TableWriter(work, extra_columns=extra_columns)
    outcomes: list[FileOutcome] = []
    for lo in range(0, len(tasks), FILES_PER_CHUNK):
        result = process_files(list(tasks[lo:lo + FILES_PER_CHUNK]), gazetteer_path, voice_path, options=options,
                               extra_columns=extra_columns)
        outcomes.extend(result.outcomes)
        for table, data in result.tables.items():
            writer.add_table(table, data)
    writer.close()
    for table in DOCUMENT_TABLES:
        os.replace(work / f"{table}.parquet", staging_dir / table / PART_NAME.format(index))
    shutil.rmtree(work)
    return _PartResult(index, outcomes, {t: writer.counts[t] for t in DOCUMENT_TABLES})


@contextmanager
def _client(scheduler: str | Client | None) -> Iterator[Client]:
    """Yield a Dask client: the given one, one connected to an address, or one on a new local cluster."""
    from distributed import Client, LocalCluster

    if isinstance(scheduler, Client):
        yield scheduler
    elif scheduler is None:
        # ":0": a free port for the scheduler's HTTP server (None still binds :8787, busy on a shared machine)
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
                Client(cluster) as client:
            yield client
    else:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler} ({exc})", field="scheduler",
                             hint="start it (`dask scheduler`) or leave scheduler out to use a local cluster") from None
        with client:
            yield client


def _slices(n: int, parts: int) -> list[range]:
    """Split ``range(n)`` into ``parts`` contiguous, nearly equal slices."""
    bounds = [round(i * n / parts) for i in range(parts + 1)]
    return [range(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _write_table(path: Path, table: str, rows: list[dict], extra_columns: tuple[str, ...] = ()) -> None:
    pq.write_table(rows_to_table(table, rows, extra_columns), path, compression="zstd", write_statistics=True)


def _drop_documents(path: Path, table: str, doc_ids: set[str], extra_columns: tuple[str, ...] = ()) -> int:
    """Rewrite one part without the rows of ``doc_ids``; return the rows left."""
    data = without_documents(pq.read_table(path, schema=arrow_schema(table, extra_columns)), doc_ids)
    pq.write_table(data, path, compression="zstd", write_statistics=True)
    return data.num_rows


def write_corpus_dask(raw_dir: str | Path | None = None, manifest: str | Path | None = None,
                      out_dir: str | Path | None = None, *, scheduler: str | Client | None = None,
                      partitions: int | None = None, gazetteer: str | Path | None = None,
                      voice_lexicon: str | Path | None = None, mapping: ColumnMapping | None = None,
                      nexis_markers: str | Path | None = None, keep_duplicates: bool = False,
                      replace: bool = False) -> BuildSummary:
    """Build the corpus tables on a Dask cluster and write them as partitioned Parquet.

    Same inputs, same rows and the same rejects as
    :func:`kuril_research.corpus.build.write_corpus`; each table is written as a
    folder of parts (see the module docstring). Nothing is read back: load the
    tables with :func:`kuril_research.corpus.data.load_corpus` (``summary.out_dir``).

    Parameters
    ----------
    raw_dir : str or Path, optional
        Folder of article files; default ``data/raw/articles``.
    manifest : str or Path, optional
        Manifest CSV; default ``manifest.csv`` beside or inside ``raw_dir``.
    out_dir : str or Path, optional
        Where to write the tables; default ``data/processed``. Written atomically.
    scheduler : str or distributed.Client, optional
        Address of a running scheduler (``"tcp://10.0.0.5:8786"``) or a client
        to use. Default: a local cluster of two single-threaded worker
        processes, started for this build and closed after it.
    partitions : int, optional
        Number of tasks (slices of files). Default: enough for slices of about
        :data:`FILES_PER_PARTITION` files, and at least two per worker.
    gazetteer, voice_lexicon : str or Path, optional
        Alternative lexicon files (workers must see the same paths).
    mapping, nexis_markers, keep_duplicates :
        As for :func:`~kuril_research.corpus.build.build_corpus`.
    replace : bool
        Replace a corpus in ``out_dir`` built from another raw folder (see
        :func:`kuril_research.corpus.guards.check_build_target`).

    Returns
    -------
    BuildSummary
        The counts :func:`~kuril_research.corpus.build.write_corpus` returns for the same inputs.

    Raises
    ------
    ManifestError, InputError, LexiconError
        With a message naming the file, line or field.
    """
    if partitions is not None and partitions < 1:
        raise InputError(f"partitions must be at least 1, not {partitions}", field="partitions",
                         hint="pass a positive number of partitions, or leave it out")
    plan = plan_build(raw_dir, manifest, out_dir, gazetteer=gazetteer, voice_lexicon=voice_lexicon,
                      mapping=mapping, nexis_markers=nexis_markers, keep_duplicates=keep_duplicates)
    raw_dir, out_dir, record = plan.raw_dir, plan.out_dir, plan.record
    tasks = plan.tasks()
    extra = plan.extra_columns
    gaz_arg = None if gazetteer is None else str(Path(gazetteer).resolve())
    voice_arg = None if voice_lexicon is None else str(Path(voice_lexicon).resolve())
    with run_lock(out_dir), staged_corpus_dir(out_dir, raw_dir, plan.manifest, replace=replace) as tmp:
        for table in TABLE_NAMES:
            (tmp / table).mkdir()
        results: list[_PartResult] = []
        if tasks:
            with _client(scheduler) as client:
                from dask import delayed

                workers = max(1, len(client.scheduler_info().get("workers", {})))
                k = partitions or max(min(len(tasks), 2 * workers), math.ceil(len(tasks) / FILES_PER_PARTITION))
                jobs = [delayed(_process_partition, pure=False)(i, [tasks[j] for j in part], str(tmp), gaz_arg,
                                                                voice_arg, plan.options, extra)
                        for i, part in enumerate(_slices(len(tasks), min(k, len(tasks))))]
                results = sorted(client.gather(client.compute(jobs)), key=lambda r: r.index)
        else:
            for table in DOCUMENT_TABLES:
                _write_table(tmp / table / PART_NAME.format(0), table, [], extra)

        # duplicates and rejects in name order, through the ledger the single-process build uses
        ledger = Ledger(keep_duplicates=plan.keep_duplicates)
        drop: dict[int, set[str]] = {}
        counts = dict.fromkeys(TABLE_NAMES, 0)
        for part in results:
            for table, rows in part.counts.items():
                counts[table] += rows
            if duplicates := ledger.admit(part.outcomes):
                drop[part.index] = duplicates
        near_rows, near_drop = ledger.near_duplicates()
        for part in results:
            if held := near_drop & {o.doc_id for o in part.outcomes}:
                drop.setdefault(part.index, set()).update(held)
        for index, doc_ids in drop.items():
            for table in DOCUMENT_TABLES:
                path = tmp / table / PART_NAME.format(index)
                before = pq.read_metadata(path).num_rows
                counts[table] -= before - _drop_documents(path, table, doc_ids, extra)
        _write_table(tmp / "rejects" / PART_NAME.format(0), "rejects", ledger.rejects)
        counts["rejects"] = len(ledger.rejects)
        _write_table(tmp / "duplicates" / PART_NAME.format(0), "duplicates", near_rows)
        counts["duplicates"] = len(near_rows)
        record["raw_corpus_sha256"] = files_sha256(ledger.contents, plan.manifest)
        record["tables"] = counts
        if extra:
            record["extra_columns"] = list(extra)
        record["layout"] = "partitioned"
        record["partitions"] = max(1, len(results))
        (tmp / BUILD_RECORD).write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    groups = len({r["group_id"] for r in near_rows})
    return BuildSummary(ledger.documents, counts["rejects"], ledger.duplicates, ledger.warnings, out_dir, groups,
                        len(near_rows) - groups)
