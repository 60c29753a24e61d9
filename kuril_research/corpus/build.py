"""Build the corpus from a raw folder: plan, process every article, decide, write.

:func:`plan_build` resolves and validates the inputs before anything is
written; :func:`write_corpus` runs the per-document pipeline
(:mod:`kuril_research.corpus.process`) over slices of files in one or several
processes, walks the outcomes through the :class:`~kuril_research.corpus.ledger.Ledger`
and writes the tables atomically (:class:`~kuril_research.corpus.writer.TableWriter`);
:func:`build_corpus` does the same and also returns the tables it wrote, as a
:class:`~kuril_research.corpus.data.Corpus`; :func:`corpus_from_texts` builds a
small corpus in memory. The Dask engine (:mod:`kuril_research.corpus.distributed`)
shares the plan, the pipeline, the ledger and the writer.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path

from kuril_research import __version__, config, schema
from kuril_research.atomic import run_lock
from kuril_research.corpus.data import BUILD_RECORD, TABLE_NAMES, Corpus, arrow_to_frame
from kuril_research.corpus.guards import staged_corpus_dir
from kuril_research.corpus.ledger import Ledger
from kuril_research.corpus.process import doc_ids, process_document, process_files
from kuril_research.corpus.provenance import files_sha256, pipeline_sha256
from kuril_research.corpus.writer import TableWriter, without_documents
from kuril_research.errors import InputError
from kuril_research.ingest.gazetteer import load_gazetteer
from kuril_research.ingest.parse import load_furniture_lexicon
from kuril_research.ingest.readers import ColumnMapping, SourceOptions
from kuril_research.ingest.readers.nexis import load_markers
from kuril_research.ingest.sources import (
    DERIVED_MANIFEST_COLUMNS,
    MANIFEST_COLUMNS,
    RawDocument,
    list_article_files,
    manifest_extra_columns,
    parse_published,
    read_manifest,
)
from kuril_research.ingest.voice import load_voice_lexicon

__all__ = ["BuildSummary", "BuildPlan", "FILES_PER_CHUNK", "plan_build", "build_corpus", "write_corpus",
           "corpus_from_texts", "map_in_order"]

#: The build works on consecutive slices of this many files, in one process or several. The slicing does
#: not depend on the number of processes, so neither do the bytes written.
FILES_PER_CHUNK = 64


@dataclass
class BuildSummary:
    """What a build did: counts for the CLI to print."""

    documents: int
    rejects: int
    duplicates: int
    warnings: int
    out_dir: Path | None
    near_duplicate_groups: int = 0   # groups of near-identical articles (syndicated copies)
    near_duplicate_copies: int = 0   # articles in those groups other than the kept one


@dataclass(frozen=True)
class BuildPlan:
    """What a build will read and write, resolved before any work starts (shared by every engine)."""

    raw_dir: Path
    manifest: Path | None
    out_dir: Path
    meta_by_file: dict[str, dict]
    names: list[str]            # folder files and manifest rows, sorted
    doc_ids: dict[str, str]     # file name -> doc_id
    record: dict                # the build record; the engine adds the input hash and table sizes
    options: SourceOptions = field(default_factory=SourceOptions)
    extra_columns: tuple[str, ...] = ()   # extra documents columns: the manifest's, then the mapping's
    keep_duplicates: bool = False

    def tasks(self) -> list[tuple]:
        """``(raw_dir, name, meta, doc_id)`` per file, in name order: the input of :func:`process_files`."""
        return [(str(self.raw_dir), n, self.meta_by_file.get(n), self.doc_ids[n]) for n in self.names]


def plan_build(raw_dir: str | Path | None = None, manifest: str | Path | None = None,
               out_dir: str | Path | None = None, *, gazetteer: str | Path | None = None,
               voice_lexicon: str | Path | None = None, mapping: ColumnMapping | None = None,
               nexis_markers: str | Path | None = None, keep_duplicates: bool = False) -> BuildPlan:
    """Resolve defaults, validate the manifest, lexicons and source options, and list the files to build.

    Raises the same errors as :func:`build_corpus`, before anything is written.
    """
    raw_dir = Path(raw_dir) if raw_dir is not None else config.raw_dir()
    if manifest is None:
        manifest = next((c for c in (raw_dir / "manifest.csv", raw_dir.parent / "manifest.csv") if c.is_file()), None)
    manifest = Path(manifest) if manifest is not None else None
    out_dir = Path(out_dir) if out_dir is not None else config.processed_dir()
    gaz = load_gazetteer(gazetteer)
    vlex = load_voice_lexicon(voice_lexicon)
    mapping = mapping or ColumnMapping()
    if nexis_markers is not None:
        load_markers(nexis_markers)  # validated before any work
    meta = read_manifest(manifest) if manifest is not None else None
    meta_by_file = {} if meta is None else {r["file"]: r for r in meta.to_dict("records")}
    extra_columns = tuple(dict.fromkeys((manifest_extra_columns(meta) if meta is not None else []) + list(mapping.extra)))
    clash = [c for c in mapping.extra if c in schema.TABLES["documents"]]
    if clash:
        raise InputError(f"extra column {clash[0]!r} is a documents column the build computes", field="extra",
                         hint="keep another column, or map it to its role (--title-column, --outlet-column, ...)")
    if raw_dir.is_file():
        raise InputError("this is a file, not a folder", path=raw_dir,
                         hint=f"put the export in a folder of its own and pass the folder: "
                              f"mkdir my_raw && mv {raw_dir.name} my_raw/ && kuril-research build my_raw --out my_corpus")
    if not raw_dir.is_dir():
        raise InputError("raw folder not found", path=raw_dir, hint="pass the folder that holds the article files")
    names = sorted(set(list_article_files(raw_dir)) | set(meta_by_file))
    record = {
        "package_version": __version__, "schema_version": schema.SCHEMA_VERSION,
        "pipeline_sha256": pipeline_sha256(),
        "gazetteer_sha256": gaz.sha256, "voice_lexicon_sha256": vlex.sha256,
        "furniture_sha256": load_furniture_lexicon().sha256,  # the page-furniture rules the parser used
        "files": len(names),
    }
    if mapping != ColumnMapping():
        record["column_mapping"] = {k: v for k, v in dataclasses.asdict(mapping).items() if v}
    if nexis_markers is not None:
        record["nexis_markers_sha256"] = load_markers(nexis_markers).sha256
    if keep_duplicates:
        record["keep_duplicates"] = True
    options = SourceOptions(mapping, None if nexis_markers is None else str(Path(nexis_markers).resolve()))
    return BuildPlan(raw_dir, manifest, out_dir, meta_by_file, names, doc_ids(names), record, options,
                     extra_columns, keep_duplicates)


def build_corpus(raw_dir: str | Path | None = None, manifest: str | Path | None = None,
                 out_dir: str | Path | None = None, *, jobs: int = 1,
                 gazetteer: str | Path | None = None, voice_lexicon: str | Path | None = None,
                 mapping: ColumnMapping | None = None, nexis_markers: str | Path | None = None,
                 keep_duplicates: bool = False, replace: bool = False) -> Corpus:
    """Build the corpus tables from a raw folder and its manifest, write them as Parquet, and return them.

    Every file is read by the reader its content needs
    (:mod:`kuril_research.ingest.readers`: one-article ``.txt``/``.html`` files,
    tabular exports, Nexis exports), and every article ends up either in
    ``documents`` or in ``rejects`` with its reason: unsupported, undecodable,
    binary or empty files, articles with no body text after furniture removal
    (``no_text``), manifest rows whose file is missing, and exact duplicates
    (same clean text as an earlier article, in name order) are rejects. Files
    not in the manifest are built with a warning, unless the source gives its
    own metadata. Then near-duplicates (syndicated copies:
    :mod:`kuril_research.ingest.near_duplicates`) are grouped in ``duplicates``; each
    group is counted once, by its earliest copy, unless ``keep_duplicates``.

    Parameters
    ----------
    raw_dir : str or Path, optional
        Folder of article files and exports; default ``data/raw/articles``.
    manifest : str or Path, optional
        Manifest CSV; default ``manifest.csv`` beside or inside ``raw_dir``.
    out_dir : str or Path, optional
        Where to write the tables; default ``data/processed``. Written
        atomically: a failed build leaves the previous tables untouched. None of
        the files in ``raw_dir`` is ever written.
    jobs : int
        Processes to spread documents over; output is identical for any value.
    gazetteer, voice_lexicon : str or Path, optional
        Alternative lexicon files.
    mapping : ColumnMapping, optional
        Columns of tabular exports (default: common names such as ``text``, ``title``).
    nexis_markers : str or Path, optional
        Alternative Nexis markers YAML (default: the shipped one).
    keep_duplicates : bool
        Keep every copy of a near-duplicate group in ``documents`` (the groups are still listed).
    replace : bool
        Replace a corpus in ``out_dir`` that was built from another raw folder
        (refused by default; see :mod:`kuril_research.corpus.guards`). A folder that
        holds anything but a corpus is never written into.

    Returns
    -------
    Corpus
        The tables as written (kept in memory while they are written, not read
        back; :func:`~kuril_research.corpus.data.load_corpus` of ``out_dir``
        gives the same tables), and the build record. To build a corpus too
        large to hold in memory, use :func:`write_corpus`.

    Raises
    ------
    ManifestError, InputError, LexiconError
        With a message naming the file, line or field; InputError also when
        ``out_dir`` holds something the build must not replace.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "processed"
    >>> corpus = build_corpus(config.raw_dir(), config.manifest_path(), out)
    >>> len(corpus.documents), len(corpus.rejects), sorted(p.name for p in out.iterdir())[:3]
    (5, 0, ['.origin.json', 'build.json', 'documents.parquet'])
    """
    plan = plan_build(raw_dir, manifest, out_dir, gazetteer=gazetteer, voice_lexicon=voice_lexicon,
                      mapping=mapping, nexis_markers=nexis_markers, keep_duplicates=keep_duplicates)
    _, writer = _write(plan, jobs=jobs, gazetteer=gazetteer, voice_lexicon=voice_lexicon, replace=replace, keep=True)
    record = json.loads(json.dumps(plan.record, sort_keys=True))  # as build.json holds it
    return Corpus(**{name: arrow_to_frame(name, data) for name, data in writer.tables().items()}, build=record)


def write_corpus(raw_dir: str | Path | None = None, manifest: str | Path | None = None,
                 out_dir: str | Path | None = None, *, jobs: int = 1, gazetteer: str | Path | None = None,
                 voice_lexicon: str | Path | None = None, mapping: ColumnMapping | None = None,
                 nexis_markers: str | Path | None = None, keep_duplicates: bool = False,
                 replace: bool = False) -> BuildSummary:
    """Build and write the corpus tables like :func:`build_corpus`, keeping none of them in memory.

    Memory stays bounded by the rows buffered for writing, whatever the corpus
    size; the CLI uses this. Read the tables with
    :func:`~kuril_research.corpus.data.load_corpus` (``summary.out_dir``).
    Parameters and errors as :func:`build_corpus`.

    Returns
    -------
    BuildSummary
        Counts of documents, rejects, duplicates (exact and near) and documents
        with warnings, the number of near-duplicate groups, and ``out_dir``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> summary = write_corpus(config.raw_dir(), config.manifest_path(), pathlib.Path(tempfile.mkdtemp()) / "out")
    >>> summary.documents, summary.rejects, summary.out_dir.name
    (5, 0, 'out')
    """
    plan = plan_build(raw_dir, manifest, out_dir, gazetteer=gazetteer, voice_lexicon=voice_lexicon,
                      mapping=mapping, nexis_markers=nexis_markers, keep_duplicates=keep_duplicates)
    return _write(plan, jobs=jobs, gazetteer=gazetteer, voice_lexicon=voice_lexicon, replace=replace)[0]


def _write(plan: BuildPlan, *, jobs: int, gazetteer: str | Path | None, voice_lexicon: str | Path | None,
           replace: bool, keep: bool = False) -> tuple[BuildSummary, TableWriter]:
    """Run a planned build and write its tables; return the counts and the (closed) writer.

    With ``keep`` the writer also keeps every row it writes (:meth:`TableWriter.tables`).
    The build record (``plan.record``) is completed with the input hash and the table sizes.
    """
    out_dir, record = plan.out_dir, plan.record
    tasks = plan.tasks()
    chunks = [tasks[i:i + FILES_PER_CHUNK] for i in range(0, len(tasks), FILES_PER_CHUNK)]
    work = partial(process_files, gazetteer_path=gazetteer, voice_path=voice_lexicon, options=plan.options,
                   extra_columns=plan.extra_columns)
    with run_lock(out_dir), staged_corpus_dir(out_dir, plan.raw_dir, plan.manifest, replace=replace) as tmp:
        writer = TableWriter(tmp, extra_columns=plan.extra_columns, keep=keep)
        ledger = Ledger(keep_duplicates=plan.keep_duplicates)
        for result in map_in_order(work, chunks, jobs):
            duplicates = ledger.admit(result.outcomes)
            for table, data in result.tables.items():
                writer.add_table(table, without_documents(data, duplicates))
        writer.add("rejects", ledger.rejects)
        near_rows, near_drop = ledger.near_duplicates()
        writer.add("duplicates", near_rows)
        writer.close(near_drop)
        record["raw_corpus_sha256"] = files_sha256(ledger.contents, plan.manifest)
        record["tables"] = dict(writer.counts)
        if plan.extra_columns:
            record["extra_columns"] = list(plan.extra_columns)
        (tmp / BUILD_RECORD).write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    groups = len({r["group_id"] for r in near_rows})
    return BuildSummary(ledger.documents, writer.counts["rejects"], ledger.duplicates, ledger.warnings, out_dir,
                        groups, len(near_rows) - groups), writer


def map_in_order(function: Callable, items: list, jobs: int) -> Iterator:
    """``map(function, items)``, over ``jobs`` processes when ``jobs > 1``, results in order.

    At most ``4 * jobs`` items are in flight, so results waiting to be written
    never pile up in memory when the writer is slower than the workers.
    """
    if jobs <= 1 or len(items) < 2:
        yield from map(function, items)
        return
    pool = ProcessPoolExecutor(max_workers=jobs)
    try:
        pending: deque = deque()
        upcoming = iter(items)
        for item in islice(upcoming, 4 * jobs):
            pending.append(pool.submit(function, item))
        while pending:
            result = pending.popleft().result()
            for item in islice(upcoming, 1):
                pending.append(pool.submit(function, item))
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def corpus_from_texts(texts: Mapping[str, str], metadata: Mapping[str, Mapping] | None = None) -> Corpus:
    """Build an in-memory corpus from article texts (for examples, tests and exploration).

    Parameters
    ----------
    texts : mapping
        doc_id → raw article text.
    metadata : mapping, optional
        doc_id → manifest-like fields (``outlet``, ``published``, ...).

    Returns
    -------
    Corpus

    Examples
    --------
    >>> c = corpus_from_texts({"a": "TOKYO, April 15. /TASS/. Japan wants Etorofu back.",
    ...                        "b": "MOSCOW — Iturup is Russian, Russia says."},
    ...                       {"a": {"outlet": "TASS", "published": "2016-04-15"}})
    >>> c.mentions[["doc_id", "surface", "entity", "naming"]].query("entity == 'iturup'").values.tolist()
    [['a', 'Etorofu', 'iturup', 'japanese'], ['b', 'Iturup', 'iturup', 'russian']]
    """
    metadata = metadata or {}
    known = set(MANIFEST_COLUMNS) | set(DERIVED_MANIFEST_COLUMNS)
    extra = tuple(dict.fromkeys(k for meta in metadata.values() for k in meta if k not in known))
    tables: dict[str, list[dict]] = {t: [] for t in TABLE_NAMES}
    for doc_id, text in texts.items():
        meta = dict(metadata.get(doc_id, {}))
        if meta.get("published"):
            precision, y, m, d = parse_published(str(meta["published"]))
            meta.update(date_precision=precision, year=y, month=m, day=d)
        raw = RawDocument(f"{doc_id}.txt", text, "utf-8", hashlib.sha256(text.encode()).hexdigest(), "text")
        for table, rows in process_document(raw, meta or {"outlet": None}, doc_id, extra_columns=extra).items():
            tables[table].extend(rows)
    return Corpus(**{t: schema.conform(t, rows, extra=extra if t == "documents" else ())
                     for t, rows in tables.items()})
