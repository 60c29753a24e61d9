"""Build the corpus from raw files and load it back: tidy tables in Parquet.

:func:`process_document` is the per-article pipeline (parse → sentences →
mentions → voice) as a pure function; :func:`build_corpus` runs it over a raw
folder (in one or several processes) and writes the tables atomically;
:func:`load_corpus` reads them back, validated against :mod:`kuril_research.schema`.
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from operator import itemgetter
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import __version__, arrow_cache, config, schema
from .atomic import run_lock, staged_dir
from .provenance import files_sha256, pipeline_sha256
from .errors import CorpusTableError, InputError
from .gazetteer import Gazetteer, load_gazetteer
from .parse import load_furniture_lexicon, parse_article
from .sources import RawDocument, Reject, list_article_files, read_file, read_manifest
from .voice import VoiceLexicon, load_voice_lexicon, mark_voice

__all__ = ["Corpus", "BuildSummary", "BuildPlan", "process_document", "plan_build", "build_corpus", "write_corpus",
           "load_corpus", "read_table", "corpus_from_texts"]

TABLE_NAMES = list(schema.TABLES)
_ARROW_TYPES = {"string": pa.string(), "Int64": pa.int64(), "boolean": pa.bool_()}
_PANDAS_TYPES = {pa.string(): pd.StringDtype(), pa.large_string(): pd.StringDtype(),
                 pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}
ARROW_SCHEMAS = {name: pa.schema([(c, _ARROW_TYPES[t]) for c, t in cols.items()])
                 for name, cols in schema.TABLES.items()}
BUILD_RECORD = "build.json"


@dataclass
class Corpus:
    """A parsed, normalised corpus as tidy DataFrames (columns: :mod:`kuril_research.schema`).

    Attributes
    ----------
    documents, paragraphs, sentences, quotes, mentions, removed, rejects : DataFrame
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
    build: dict = field(default_factory=dict)

    def summary(self) -> pd.DataFrame:
        """Return one row per table with its number of rows.

        Examples
        --------
        >>> Corpus().summary()["rows"].tolist()
        [0, 0, 0, 0, 0, 0, 0]
        """
        return pd.DataFrame({"table": TABLE_NAMES, "rows": [len(getattr(self, t)) for t in TABLE_NAMES]})

    def __repr__(self) -> str:
        sizes = ", ".join(f"{t}={len(getattr(self, t))}" for t in TABLE_NAMES)
        return f"Corpus({sizes})"

    def _repr_html_(self) -> str:
        docs = self.documents[["doc_id", "outlet", "published", "title", "n_sentences", "n_mentions"]]
        return ("<p><b>kuril_research corpus</b></p>" + self.summary().to_html(index=False)
                + docs.to_html(index=False, max_rows=20))


@dataclass
class BuildSummary:
    """What a build did: counts for the CLI to print."""

    documents: int
    rejects: int
    duplicates: int
    warnings: int
    out_dir: Path | None


def split_sentences(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """:func:`kuril_research.sentences.split_sentences`, imported on first use.

    Importing NLTK takes a second or more, and loading a built corpus needs none of it.
    """
    from .sentences import split_sentences as split

    return split(text, paragraphs)


def process_document(raw: RawDocument, meta: Mapping | None, doc_id: str, *,
                     gazetteer: Gazetteer | None = None, voice_lexicon: VoiceLexicon | None = None) -> dict[str, list[dict]]:
    """Run the per-article pipeline on one decoded file. Pure: no file IO.

    Parameters
    ----------
    raw : RawDocument
        Decoded file (see :func:`kuril_research.sources.read_file`).
    meta : mapping or None
        The file's manifest row (``outlet``, ``published``, ``date_precision``,
        ``year``, ``month``, ``day``, ``language``, ``url``, ``notes``); None if
        the file is not in the manifest (the document then carries a warning).
    doc_id : str
    gazetteer, voice_lexicon : optional
        Default: the shipped ones.

    Returns
    -------
    dict
        Table name → list of row dicts (documents, paragraphs, sentences,
        quotes, mentions, removed).

    Examples
    --------
    >>> raw = RawDocument("a.txt", "All news\\n\\nTalks\\n\\nTOKYO, April 15. /TASS/. Kunashiri, says Tokyo.",
    ...                   "utf-8", "0" * 64, "text")
    >>> rows = process_document(raw, {"outlet": "TASS", "published": "2016-04-15", "month": 4, "day": 15,
    ...                               "date_precision": "day"}, "a")
    >>> doc = rows["documents"][0]
    >>> doc["title"], doc["dateline_place"], doc["text"], doc["warnings"]
    ('Talks', 'TOKYO', 'Kunashiri, says Tokyo.', '')
    >>> [(m["surface"], m["entity"], m["naming"]) for m in rows["mentions"]]
    [('Kunashiri', 'kunashir', 'japanese'), ('Tokyo', 'tokyo', 'neutral')]
    >>> [(r["line"], r["reason"]) for r in rows["removed"]]
    [(1, 'section label')]
    """
    gazetteer = gazetteer or load_gazetteer()
    voice_lexicon = voice_lexicon or load_voice_lexicon()
    art = parse_article(raw.text)
    text = art.text
    sents = split_sentences(text, art.paragraphs)
    sent_starts = [s for s, _, _ in sents]
    mentions = gazetteer.find(text)
    quotes, voiced = mark_voice(text, art.paragraphs, [(s, e) for s, e, _ in sents], mentions, lexicon=voice_lexicon)
    para_starts = [s for s, _ in art.paragraphs]

    def sent_of(pos: int) -> int:
        return max(0, bisect_right(sent_starts, pos) - 1)

    def para_of(pos: int) -> int:
        return max(0, bisect_right(para_starts, pos) - 1)

    warnings = list(art.warnings)
    meta = dict(meta or {})
    if not meta:
        warnings.append("not in the manifest: outlet and date unknown")
    precision = meta.get("date_precision")
    if art.dateline_month is not None and meta.get("month") is not None:
        if art.dateline_month != meta["month"] or (precision == "day" and art.dateline_day != meta.get("day")):
            warnings.append(f"dateline {art.dateline!r} disagrees with the manifest date {meta.get('published')}")
    doc = {
        "doc_id": doc_id, "file": raw.file,
        **{k: meta.get(k) for k in ("outlet", "published", "date_precision", "year", "month", "day", "language", "url", "notes")},
        "title": art.title, "standfirst": art.standfirst, "dateline": art.dateline,
        "dateline_place": art.dateline_place, "dateline_country": art.dateline_country,
        "dateline_month": art.dateline_month, "dateline_day": art.dateline_day, "agency": art.agency,
        "text": text, "n_paragraphs": len(art.paragraphs), "n_sentences": len(sents),
        "n_mentions": len(voiced), "n_quotes": len(quotes), "n_removed": len(art.removed),
        "n_chars": len(text), "sha256": raw.sha256, "encoding": raw.encoding,
        "duplicate_of": None, "warnings": "; ".join(warnings),
    }
    if raw.source_format != "text":
        doc["encoding"] = f"{raw.encoding} ({raw.source_format})"
    for key in ("url", "notes", "language"):
        if doc[key] == "":
            doc[key] = None
    return {
        "documents": [doc],
        "paragraphs": [{"doc_id": doc_id, "para_id": i, "start": s, "end": e} for i, (s, e) in enumerate(art.paragraphs)],
        "sentences": [{"doc_id": doc_id, "sent_id": i, "para_id": p, "start": s, "end": e, "text": text[s:e]}
                      for i, (s, e, p) in enumerate(sents)],
        "quotes": [{"doc_id": doc_id, "quote_id": i, "para_id": q.para_id, "start": q.start, "end": q.end,
                    "text": text[q.start:q.end], "speaker": q.speaker, "speaker_text": q.speaker_text,
                    "speaker_cue": q.speaker_cue}
                   for i, q in enumerate(quotes)],
        "mentions": [{"doc_id": doc_id, "sent_id": sent_of(v.mention.start), "para_id": para_of(v.mention.start),
                      "start": v.mention.start, "end": v.mention.end, "surface": v.mention.surface,
                      "entity": v.mention.entity, "entity_type": v.mention.entity_type, "naming": v.mention.naming,
                      "voice": v.voice, "speaker": v.speaker, "speaker_text": v.speaker_text,
                      "quote_id": v.quote_id} for v in voiced],
        "removed": [{"doc_id": doc_id, "file": raw.file, "line": r.line, "text": r.text, "reason": r.reason}
                    for r in art.removed],
    }


def _doc_ids(names: list[str]) -> dict[str, str]:
    stems: dict[str, list[str]] = {}
    for name in names:
        stems.setdefault(name.rsplit(".", 1)[0] if "." in Path(name).name else name, []).append(name)
    ids = {}
    for stem, group in stems.items():
        for name in group:
            ids[name] = stem if len(group) == 1 else name
    return ids


def _process_file(raw_dir: str, name: str, meta: Mapping | None, doc_id: str, gazetteer: Gazetteer,
                  voice_lexicon: VoiceLexicon) -> dict[str, list[dict]] | Reject:
    """Read and process one file: its row tables, or a Reject. One article never stops the build."""
    item = read_file(Path(raw_dir), name)
    if isinstance(item, Reject):
        return item
    try:
        return process_document(item, meta, doc_id, gazetteer=gazetteer, voice_lexicon=voice_lexicon)
    except Exception as exc:  # one article must never stop the build: it becomes a ledgered reject
        return Reject(name, "parse_error", f"the parser failed on this file ({type(exc).__name__}: "
                                           f"{str(exc)[:200]}); the rest of the corpus was built — "
                                           "please report the file to the maintainers", item.sha256)


#: Tables filled from the documents (``rejects`` is written from the ledger).
DOCUMENT_TABLES = [t for t in TABLE_NAMES if t != "rejects"]
#: The build works on consecutive slices of this many files, in one process or several. The slicing does
#: not depend on the number of processes, so neither do the bytes written.
FILES_PER_CHUNK = 64


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What processing one file gave, as far as the ledger needs to know (small, cheap to send between processes)."""

    name: str
    doc_id: str
    reject: Reject | None         # the file is not a document
    text_key: bytes | None        # SHA-256 of the clean text, for duplicate detection
    has_text: bool
    has_warnings: bool
    content_key: str              # SHA-256 of the raw bytes, or a marker (provenance.content_key)


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """One slice of files processed: an outcome per file, in name order, and the rows of every document table."""

    outcomes: list[FileOutcome]
    tables: dict[str, pa.Table]


def rows_to_table(table: str, rows: list[dict]) -> pa.Table:
    """Convert row dicts of one corpus table to an Arrow table with its schema (:data:`ARROW_SCHEMAS`)."""
    arrow_schema = ARROW_SCHEMAS[table]
    try:  # rows from process_document have every column: itemgetter is ~2x faster than dict.get
        columns = {c: list(map(itemgetter(c), rows)) for c in arrow_schema.names}
    except KeyError:
        columns = {c: [r.get(c) for r in rows] for c in arrow_schema.names}
    return pa.Table.from_pydict(columns, schema=arrow_schema)


def process_files(tasks: list[tuple], gazetteer_path: str | Path | None = None,
                  voice_path: str | Path | None = None) -> ChunkResult:
    """Run :func:`process_document` over a slice of files and return their rows as Arrow tables.

    The unit of work of every engine: :func:`write_corpus` maps it over slices
    of :data:`FILES_PER_CHUNK` files in one or several processes, and
    :mod:`kuril_research.distributed` in Dask tasks. Arrow tables cross process
    boundaries as a few buffers, where row dicts would be pickled one by one.

    Parameters
    ----------
    tasks : list of tuple
        ``(raw_dir, name, meta, doc_id)`` per file, in name order.
    gazetteer_path, voice_path : str or Path, optional
        Alternative lexicon files (default: the shipped ones).

    Returns
    -------
    ChunkResult
        A :class:`FileOutcome` per file and one table per name in :data:`DOCUMENT_TABLES`.
    """
    gazetteer = load_gazetteer(gazetteer_path)
    voice_lexicon = load_voice_lexicon(voice_path)
    rows: dict[str, list[dict]] = {t: [] for t in DOCUMENT_TABLES}
    outcomes = []
    for raw_dir, name, meta, doc_id in tasks:
        result = _process_file(raw_dir, name, meta, doc_id, gazetteer, voice_lexicon)
        if isinstance(result, Reject):
            outcomes.append(FileOutcome(name, doc_id, result, None, False, False,
                                        result.sha256 or f"<{result.reason}>"))
            continue
        doc = result["documents"][0]
        outcomes.append(FileOutcome(name, doc_id, None, hashlib.sha256(doc["text"].encode()).digest(),
                                    bool(doc["text"]), bool(doc["warnings"]), doc["sha256"]))
        for table, table_rows in result.items():
            rows[table].extend(table_rows)
    return ChunkResult(outcomes, {t: rows_to_table(t, r) for t, r in rows.items()})


class _Ledger:
    """Decide, in name order, which files become documents; everything else is a reject with its reason.

    An exact duplicate (the same non-empty clean text as an earlier file) is a
    ``duplicate`` reject. Every engine walks its outcomes through one ledger, so
    they all decide alike.
    """

    def __init__(self) -> None:
        self.first_with_text: dict[bytes | None, str] = {}
        self.rejects: list[dict] = []
        self.contents: list[tuple[str, str]] = []   # (file, content key) of every file, for the input hash
        self.documents = self.duplicates = self.warnings = 0

    def admit(self, outcomes: list[FileOutcome]) -> set[str]:
        """Record outcomes in name order; return the doc_ids of the duplicates, whose rows must be dropped."""
        duplicates = set()
        for outcome in outcomes:
            self.contents.append((outcome.name, outcome.content_key))
            if outcome.reject is not None:
                r = outcome.reject
                self.rejects.append({"file": r.file, "reason": r.reason, "detail": r.detail})
            elif outcome.has_text and outcome.text_key in self.first_with_text:
                self.duplicates += 1
                self.rejects.append({"file": outcome.name, "reason": "duplicate",
                                     "detail": f"same clean text as {self.first_with_text[outcome.text_key]}; "
                                               "counted once — remove one copy"})
                duplicates.add(outcome.doc_id)
            else:
                self.first_with_text[outcome.text_key] = outcome.name
                self.documents += 1
                self.warnings += outcome.has_warnings
        return duplicates


def without_documents(data: pa.Table, doc_ids: set[str]) -> pa.Table:
    """Return ``data`` without the rows of ``doc_ids`` (the rows of duplicates)."""
    if not doc_ids:
        return data
    return data.filter(pc.invert(pc.is_in(data["doc_id"], value_set=pa.array(sorted(doc_ids), pa.string()))))


class _TableWriter:
    """Buffer rows per table and write them to Parquet in row groups of about ``rows_per_group`` rows.

    Memory is bounded by the buffered rows, whatever the corpus size.
    """

    def __init__(self, folder: Path, *, rows_per_group: int = 10_000) -> None:
        self.folder = folder
        self.rows_per_group = rows_per_group
        self.buffers: dict[str, list[pa.Table]] = {t: [] for t in TABLE_NAMES}
        self.buffered = dict.fromkeys(TABLE_NAMES, 0)
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.counts = dict.fromkeys(TABLE_NAMES, 0)

    def add(self, table: str, rows: list[dict]) -> None:
        """Add row dicts."""
        self.add_table(table, rows_to_table(table, rows))

    def add_table(self, table: str, data: pa.Table) -> None:
        """Add the rows of an Arrow table with the table's schema."""
        if not data.num_rows:
            return
        self.buffers[table].append(data)
        self.buffered[table] += data.num_rows
        self.counts[table] += data.num_rows
        if self.buffered[table] >= self.rows_per_group:
            self._flush(table)

    def _flush(self, table: str) -> None:
        arrow_schema = ARROW_SCHEMAS[table]
        chunk = pa.concat_tables(self.buffers[table]) if self.buffers[table] else arrow_schema.empty_table()
        if table not in self.writers:
            self.writers[table] = pq.ParquetWriter(self.folder / f"{table}.parquet", arrow_schema,
                                                   compression="zstd", write_statistics=True)
        self.writers[table].write_table(chunk, row_group_size=max(1, chunk.num_rows))
        self.buffers[table], self.buffered[table] = [], 0

    def close(self) -> None:
        for table in TABLE_NAMES:
            if self.buffers[table] or table not in self.writers:
                self._flush(table)
            self.writers[table].close()


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


def plan_build(raw_dir: str | Path | None = None, manifest: str | Path | None = None,
               out_dir: str | Path | None = None, *, gazetteer: str | Path | None = None,
               voice_lexicon: str | Path | None = None) -> BuildPlan:
    """Resolve defaults, validate the manifest and lexicons, and list the files to build.

    Raises the same errors as :func:`build_corpus`, before anything is written.
    """
    raw_dir = Path(raw_dir) if raw_dir is not None else config.raw_dir()
    if manifest is None:
        manifest = next((c for c in (raw_dir / "manifest.csv", raw_dir.parent / "manifest.csv") if c.is_file()), None)
    manifest = Path(manifest) if manifest is not None else None
    out_dir = Path(out_dir) if out_dir is not None else config.processed_dir()
    gaz = load_gazetteer(gazetteer)
    vlex = load_voice_lexicon(voice_lexicon)
    meta = read_manifest(manifest) if manifest is not None else None
    meta_by_file = {} if meta is None else {r["file"]: r for r in meta.to_dict("records")}
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
    return BuildPlan(raw_dir, manifest, out_dir, meta_by_file, names, _doc_ids(names), record)


def build_corpus(raw_dir: str | Path | None = None, manifest: str | Path | None = None,
                 out_dir: str | Path | None = None, *, jobs: int = 1,
                 gazetteer: str | Path | None = None, voice_lexicon: str | Path | None = None) -> Corpus:
    """Build the corpus tables from a raw folder and its manifest, and write them as Parquet.

    Every file ends up either in ``documents`` or in ``rejects`` with its
    reason: undecodable, binary or empty files, manifest rows whose file is
    missing, and exact duplicates (same clean text as an earlier file, in
    name order) are rejects. Files not in the manifest are built with a warning.

    Parameters
    ----------
    raw_dir : str or Path, optional
        Folder of article files; default ``data/raw/articles``.
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

    Returns
    -------
    Corpus

    Raises
    ------
    ManifestError, InputError, LexiconError
        With a message naming the file, line or field.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "processed"
    >>> corpus = build_corpus(config.raw_dir(), config.manifest_path(), out)
    >>> len(corpus.documents), len(corpus.rejects), sorted(p.name for p in out.iterdir())[:3]
    (5, 0, ['build.json', 'documents.parquet', 'mentions.parquet'])
    """
    summary = write_corpus(raw_dir, manifest, out_dir, jobs=jobs, gazetteer=gazetteer, voice_lexicon=voice_lexicon)
    corpus = load_corpus(summary.out_dir)
    corpus.summary_counts = summary  # type: ignore[attr-defined]
    return corpus


def write_corpus(raw_dir: str | Path | None = None, manifest: str | Path | None = None,
                 out_dir: str | Path | None = None, *, jobs: int = 1, gazetteer: str | Path | None = None,
                 voice_lexicon: str | Path | None = None) -> BuildSummary:
    """Build and write the corpus tables like :func:`build_corpus`, without loading them back.

    Memory stays bounded by the rows buffered for writing, whatever the corpus
    size; the CLI uses this. Parameters and errors as :func:`build_corpus`.

    Returns
    -------
    BuildSummary
        Counts of documents, rejects, duplicates and documents with warnings.
    """
    plan = plan_build(raw_dir, manifest, out_dir, gazetteer=gazetteer, voice_lexicon=voice_lexicon)
    out_dir, record = plan.out_dir, plan.record
    tasks = [(str(plan.raw_dir), n, plan.meta_by_file.get(n), plan.doc_ids[n]) for n in plan.names]
    chunks = [tasks[i:i + FILES_PER_CHUNK] for i in range(0, len(tasks), FILES_PER_CHUNK)]
    work = partial(process_files, gazetteer_path=gazetteer, voice_path=voice_lexicon)
    with run_lock(out_dir), staged_dir(out_dir) as tmp:
        writer = _TableWriter(tmp)
        ledger = _Ledger()
        for result in _map_in_order(work, chunks, jobs):
            duplicates = ledger.admit(result.outcomes)
            for table, data in result.tables.items():
                writer.add_table(table, without_documents(data, duplicates))
        writer.add("rejects", ledger.rejects)
        writer.close()
        record["raw_corpus_sha256"] = files_sha256(ledger.contents, plan.manifest)
        record["tables"] = dict(writer.counts)
        (tmp / BUILD_RECORD).write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return BuildSummary(ledger.documents, writer.counts["rejects"], ledger.duplicates, ledger.warnings, out_dir)


def _map_in_order(function: Callable, items: list, jobs: int) -> Iterator:
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
    :mod:`kuril_research.arrow_cache`.

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
    table = arrow_cache.read_through(folder, name, parts, read, ARROW_SCHEMAS[name]) if cache else read()
    frame = table.to_pandas(types_mapper=_PANDAS_TYPES.get)
    return schema.validate_table(name, frame, path=str(path))


def load_corpus(path: str | Path | None = None, *, cache: bool | None = None) -> Corpus:
    """Load a built corpus from its folder of Parquet tables.

    Every table is read whole into memory and validated (:func:`read_table`).
    Large tables are read from memory-mapped Arrow copies kept in
    ``<path>/.arrow-cache/``, written by the first load, which makes later
    loads of a large corpus several times faster.

    Parameters
    ----------
    path : str or Path, optional
        Folder written by :func:`build_corpus` (one file per table) or by
        ``kuril_research.distributed.build_corpus_dask`` (one folder of parts
        per table); default ``data/processed``.
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
    >>> _ = build_corpus(config.raw_dir(), config.manifest_path(), out)
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
    from .sources import parse_published

    metadata = metadata or {}
    tables: dict[str, list[dict]] = {t: [] for t in TABLE_NAMES}
    for doc_id, text in texts.items():
        meta = dict(metadata.get(doc_id, {}))
        if meta.get("published"):
            precision, y, m, d = parse_published(str(meta["published"]))
            meta.update(date_precision=precision, year=y, month=m, day=d)
        raw = RawDocument(f"{doc_id}.txt", text, "utf-8", hashlib.sha256(text.encode()).hexdigest(), "text")
        for table, rows in process_document(raw, meta or {"outlet": None}, doc_id).items():
            tables[table].extend(rows)
    return Corpus(**{t: schema.conform(t, rows) for t, rows in tables.items()})
