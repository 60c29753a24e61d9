"""Build the corpus from raw files and load it back: tidy tables in Parquet.

:func:`process_document` is the per-article pipeline (parse → sentences →
mentions → voice) as a pure function; :func:`build_corpus` runs it over a raw
folder (in one or several processes) and writes the tables atomically;
:func:`load_corpus` reads them back, validated against :mod:`kuril_research.schema`.
"""

from __future__ import annotations

import dataclasses
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

from kuril_research import __version__, config, schema
from kuril_research.corpus import arrow_cache
from kuril_research.atomic import run_lock
from kuril_research.corpus.guards import staged_corpus_dir
from kuril_research.corpus.provenance import files_sha256, pipeline_sha256
from kuril_research.errors import CorpusTableError, InputError
from kuril_research.ingest.gazetteer import Gazetteer, load_gazetteer
from kuril_research.ingest.parse import load_furniture_lexicon, parse_article
from kuril_research.ingest.readers import ColumnMapping, SourceOptions, read_source
from kuril_research.ingest.sources import (
    RawDocument,
    Reject,
    list_article_files,
    manifest_extra_columns,
    read_manifest,
)
from kuril_research.ingest.voice import VoiceLexicon, load_voice_lexicon, mark_voice

__all__ = ["Corpus", "BuildSummary", "BuildPlan", "process_document", "plan_build", "build_corpus", "write_corpus",
           "load_corpus", "read_table", "documents_with_warnings", "corpus_from_texts"]

TABLE_NAMES = list(schema.TABLES)
_ARROW_TYPES = {"string": pa.string(), "Int64": pa.int64(), "boolean": pa.bool_(), "Float64": pa.float64()}
_PANDAS_TYPES = {pa.string(): pd.StringDtype(), pa.large_string(): pd.StringDtype(),
                 pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype(), pa.float64(): pd.Float64Dtype()}
ARROW_SCHEMAS = {name: pa.schema([(c, _ARROW_TYPES[t]) for c, t in cols.items()])
                 for name, cols in schema.TABLES.items()}
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
        from kuril_research.explore.summary import corpus_html  # noqa: PLC0415 - presentation, loaded when Jupyter asks

        return corpus_html(self)

    def show(self, doc_id: str):
        """Show one article with its names, voices and quotations marked (see :func:`kuril_research.explore.document`).

        Examples
        --------
        >>> from kuril_research.testing import two_habomai_articles
        >>> two_habomai_articles().show("b")
        DocumentView('b', ... characters of HTML)
        """
        from kuril_research.explore.document_view import document  # noqa: PLC0415

        return document(self, doc_id)


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


def split_sentences(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """:func:`kuril_research.ingest.sentences.split_sentences`, imported on first use.

    Importing NLTK takes a second or more, and loading a built corpus needs none of it.
    """
    from kuril_research.ingest.sentences import split_sentences as split

    return split(text, paragraphs)


def process_document(raw: RawDocument, meta: Mapping | None, doc_id: str, *,
                     gazetteer: Gazetteer | None = None, voice_lexicon: VoiceLexicon | None = None,
                     extra_columns: tuple[str, ...] | list[str] = ()) -> dict[str, list[dict]]:
    """Run the per-article pipeline on one decoded file. Pure: no file IO.

    Parameters
    ----------
    raw : RawDocument
        Decoded file (see :func:`kuril_research.ingest.sources.read_file`).
    meta : mapping or None
        The file's manifest row (``outlet``, ``published``, ``date_precision``,
        ``year``, ``month``, ``day``, ``language``, ``url``, ``notes`` and any
        extra columns); None if the file is not in the manifest (the document
        then carries a warning, unless the source gives its own metadata).
        Metadata the source gives (``raw.meta``: a tabular export's columns, a
        Nexis export's header) takes precedence; a title given there is used
        instead of one guessed from the text.
    doc_id : str
    gazetteer, voice_lexicon : optional
        Default: the shipped ones.
    extra_columns : sequence of str
        Extra ``documents`` columns, filled from ``meta`` or ``raw.meta["extra"]``.

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
    source = dict(raw.meta or {})
    art = parse_article(raw.text, title=source.get("title"))
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

    warnings = list(source.get("warnings") or []) + list(art.warnings)
    meta = dict(meta or {})
    if not meta and not source:
        warnings.append("not in the manifest: outlet and date unknown")
    extras = {**{c: meta.get(c) for c in extra_columns}, **(source.get("extra") or {})}
    if source:
        if source.get("published") is not None or not meta.get("published"):
            meta.update({k: source.get(k) for k in ("published", "date_precision", "year", "month", "day")})
        meta.update({k: source[k] for k in ("outlet", "language", "url") if source.get(k) is not None})
    if not meta.get("published"):
        meta.update(published=None, date_precision="unknown", year=None, month=None, day=None)
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
        "source_format": raw.source_format, "source_position": raw.position,
        **{c: extras.get(c) or None for c in extra_columns},
    }
    if raw.source_format == "html":
        doc["encoding"] = f"{raw.encoding} (html)"
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


def _document_id(file_doc_id: str, raw: RawDocument) -> str:
    """The doc_id of one article: the file's for a one-article file; the export's id column, else file-position."""
    if raw.position is None:
        return file_doc_id
    given = (raw.meta or {}).get("id")
    return str(given) if given else f"{file_doc_id}-{raw.position:05d}"


def _process_file(raw_dir: str, name: str, meta: Mapping | None, doc_id: str, gazetteer: Gazetteer,
                  voice_lexicon: VoiceLexicon, options: SourceOptions | None = None,
                  extra_columns: tuple[str, ...] = ()) -> list[tuple[str, dict[str, list[dict]] | Reject]]:
    """Read and process one file: (doc_id, row tables or Reject) per article. One article never stops the build."""
    out: list[tuple[str, dict[str, list[dict]] | Reject]] = []
    for item in read_source(Path(raw_dir), name, options):
        if isinstance(item, Reject):
            out.append((doc_id, item))
            continue
        article_id = _document_id(doc_id, item)
        where = "this file" if item.position is None else f"article {item.position} of this file"
        try:
            rows = process_document(item, meta, article_id, gazetteer=gazetteer, voice_lexicon=voice_lexicon,
                                    extra_columns=extra_columns)
        except Exception as exc:  # one article must never stop the build: it becomes a ledgered reject
            out.append((article_id, Reject(name, "parse_error", f"the parser failed on {where} ({type(exc).__name__}: "
                                                                f"{str(exc)[:200]}); the rest of the corpus was built — "
                                                                "please report the file to the maintainers",
                                           item.sha256, item.position)))
            continue
        if not rows["documents"][0]["text"]:
            removed = len(rows["removed"])
            out.append((article_id, Reject(name, "no_text", f"{where} has no body text after furniture removal "
                                                            f"({removed} line(s) removed as furniture: see the parser's rules); "
                                                            "check that it holds the article", item.sha256, item.position)))
            continue
        out.append((article_id, rows))
    return out


#: Tables filled from the documents (``rejects`` and ``duplicates`` are written from the ledger).
DOCUMENT_TABLES = [t for t in TABLE_NAMES if t not in ("rejects", "duplicates")]
#: The build works on consecutive slices of this many files, in one process or several. The slicing does
#: not depend on the number of processes, so neither do the bytes written.
FILES_PER_CHUNK = 64


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What processing one article gave, as far as the ledger needs to know (small, cheap to send between processes).

    A one-article file has one outcome; an export has one per article (or rejected row), in file order.
    """

    name: str
    doc_id: str
    reject: Reject | None         # the article is not a document
    text_key: bytes | None        # SHA-256 of the clean text, for exact-duplicate detection
    has_text: bool
    has_warnings: bool
    content_key: str              # SHA-256 of the raw bytes, or a marker (provenance.content_key)
    position: int | None = None   # in a multi-article file
    date_key: tuple = ()          # (undated, year, month, day): the earliest copy of a story is kept
    signature: bytes | None = None  # near_duplicates.signature of the clean text


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """One slice of files processed: an outcome per article, in name order, and the rows of every document table."""

    outcomes: list[FileOutcome]
    tables: dict[str, pa.Table]


def rows_to_table(table: str, rows: list[dict], extra_columns: tuple[str, ...] | list[str] = ()) -> pa.Table:
    """Convert row dicts of one corpus table to an Arrow table with its schema (:func:`arrow_schema`)."""
    table_schema = arrow_schema(table, extra_columns)
    try:  # rows from process_document have every column: itemgetter is ~2x faster than dict.get
        columns = {c: list(map(itemgetter(c), rows)) for c in table_schema.names}
    except KeyError:
        columns = {c: [r.get(c) for r in rows] for c in table_schema.names}
    return pa.Table.from_pydict(columns, schema=table_schema)


def _date_key(doc: Mapping) -> tuple:
    year = doc.get("year")
    return (year is None, year or 0, doc.get("month") or 0, doc.get("day") or 0)


def process_files(tasks: list[tuple], gazetteer_path: str | Path | None = None,
                  voice_path: str | Path | None = None, *, options: SourceOptions | None = None,
                  extra_columns: tuple[str, ...] = ()) -> ChunkResult:
    """Run :func:`process_document` over a slice of files and return their rows as Arrow tables.

    The unit of work of every engine: :func:`write_corpus` maps it over slices
    of :data:`FILES_PER_CHUNK` files in one or several processes, and
    :mod:`kuril_research.corpus.distributed` in Dask tasks. Arrow tables cross process
    boundaries as a few buffers, where row dicts would be pickled one by one.

    Parameters
    ----------
    tasks : list of tuple
        ``(raw_dir, name, meta, doc_id)`` per file, in name order.
    gazetteer_path, voice_path : str or Path, optional
        Alternative lexicon files (default: the shipped ones).
    options : SourceOptions, optional
        How to read tabular and Nexis exports.
    extra_columns : tuple of str
        Extra ``documents`` columns (manifest or mapping).

    Returns
    -------
    ChunkResult
        A :class:`FileOutcome` per article and one table per name in :data:`DOCUMENT_TABLES`.
    """
    from kuril_research.ingest.near_duplicates import signature

    gazetteer = load_gazetteer(gazetteer_path)
    voice_lexicon = load_voice_lexicon(voice_path)
    rows: dict[str, list[dict]] = {t: [] for t in DOCUMENT_TABLES}
    outcomes = []
    for raw_dir, name, meta, doc_id in tasks:
        for article_id, result in _process_file(raw_dir, name, meta, doc_id, gazetteer, voice_lexicon, options,
                                                extra_columns):
            if isinstance(result, Reject):
                outcomes.append(FileOutcome(name, article_id, result, None, False, False,
                                            result.sha256 or f"<{result.reason}>", result.position))
                continue
            doc = result["documents"][0]
            outcomes.append(FileOutcome(name, article_id, None, hashlib.sha256(doc["text"].encode()).digest(),
                                        bool(doc["text"]), bool(doc["warnings"]), doc["sha256"],
                                        doc["source_position"], _date_key(doc), signature(doc["text"]).tobytes()))
            for table, table_rows in result.items():
                rows[table].extend(table_rows)
    return ChunkResult(outcomes, {t: rows_to_table(t, r, extra_columns) for t, r in rows.items()})


class _Ledger:
    """Decide, in name order, which articles become documents; everything else is a reject with its reason.

    An exact duplicate (the same non-empty clean text as an earlier article) is
    a ``duplicate`` reject, unless duplicates are kept; an article whose
    doc_id was taken by an earlier one is a ``duplicate_id`` reject. Every
    engine walks its outcomes through one ledger, so they all decide alike.
    Near-duplicates are grouped after the last outcome (:meth:`near_duplicates`).
    """

    def __init__(self, *, keep_duplicates: bool = False) -> None:
        self.keep_duplicates = keep_duplicates
        self.first_with_text: dict[bytes | None, str] = {}
        self.doc_ids: set[str] = set()
        self.rejects: list[dict] = []
        self.contents: list[tuple[str, str]] = []   # (file, content key) of every file, for the input hash
        self.documents = self.duplicates = self.warnings = 0
        self.kept: list[tuple[str, tuple, bytes]] = []   # (doc_id, date key, signature) of every document
        self.with_warnings: set[str] = set()

    def admit(self, outcomes: list[FileOutcome]) -> set[str]:
        """Record outcomes in name order; return the doc_ids of the duplicates, whose rows must be dropped."""
        duplicates = set()
        for outcome in outcomes:
            if not self.contents or self.contents[-1][0] != outcome.name:
                self.contents.append((outcome.name, outcome.content_key))
            if outcome.reject is not None:
                r = outcome.reject
                self.rejects.append({"file": r.file, "reason": r.reason, "detail": r.detail,
                                     "source_position": r.position})
            elif outcome.doc_id in self.doc_ids:
                self.rejects.append({"file": outcome.name, "reason": "duplicate_id", "source_position": outcome.position,
                                     "detail": f"doc_id {outcome.doc_id!r} is already taken by an earlier article; "
                                               "give every row a unique id (--id-column) or rename the file"})
                duplicates.add(outcome.doc_id)
            elif outcome.has_text and outcome.text_key in self.first_with_text and not self.keep_duplicates:
                self.duplicates += 1
                self.rejects.append({"file": outcome.name, "reason": "duplicate", "source_position": outcome.position,
                                     "detail": f"same clean text as {self.first_with_text[outcome.text_key]}; "
                                               "counted once — remove one copy"})
                duplicates.add(outcome.doc_id)
            else:
                self.first_with_text.setdefault(outcome.text_key, outcome.name if outcome.position is None
                                                else f"{outcome.name} article {outcome.position}")
                self.doc_ids.add(outcome.doc_id)
                self.documents += 1
                self.warnings += outcome.has_warnings
                if outcome.has_warnings:
                    self.with_warnings.add(outcome.doc_id)
                self.kept.append((outcome.doc_id, outcome.date_key, outcome.signature or b""))
        return duplicates

    def near_duplicates(self, *, threshold: float | None = None) -> tuple[list[dict], set[str]]:
        """Group the admitted documents' near-duplicates; return the ``duplicates`` rows and the doc_ids to drop.

        Nothing is dropped when duplicates are kept. Counts move from
        ``documents`` to ``duplicates`` for every dropped member.
        """
        import numpy as np

        from kuril_research.ingest.near_duplicates import THRESHOLD, group_near_duplicates

        if len(self.kept) < 2:
            return [], set()
        signatures = [np.frombuffer(sig, dtype=np.uint64) for _, _, sig in self.kept]
        groups = group_near_duplicates(signatures, [key for _, key, _ in self.kept],
                                       threshold=THRESHOLD if threshold is None else threshold)
        rows, drop = [], set()
        for group_id, (kept, members) in enumerate(groups, start=1):
            kept_id = self.kept[kept][0]
            for member, sim in members:
                doc_id = self.kept[member][0]
                rows.append({"group_id": group_id, "doc_id": doc_id, "kept_doc_id": kept_id,
                             "similarity": round(sim, 6), "kept": member == kept})
                if member != kept and not self.keep_duplicates:
                    drop.add(doc_id)
        self.documents -= len(drop)
        self.duplicates += len(drop)
        self.warnings -= len(drop & self.with_warnings)
        return rows, drop


def without_documents(data: pa.Table, doc_ids: set[str]) -> pa.Table:
    """Return ``data`` without the rows of ``doc_ids`` (the rows of duplicates)."""
    if not doc_ids:
        return data
    return data.filter(pc.invert(pc.is_in(data["doc_id"], value_set=pa.array(sorted(doc_ids), pa.string()))))


class _TableWriter:
    """Buffer rows per table and write them to Parquet in row groups of about ``rows_per_group`` rows.

    Memory is bounded by the buffered rows, whatever the corpus size.
    """

    def __init__(self, folder: Path, *, rows_per_group: int = 10_000, extra_columns: tuple[str, ...] = ()) -> None:
        self.folder = folder
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
        from kuril_research.ingest.readers.nexis import load_markers

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
        from kuril_research.ingest.readers.nexis import load_markers

        record["nexis_markers_sha256"] = load_markers(nexis_markers).sha256
    if keep_duplicates:
        record["keep_duplicates"] = True
    options = SourceOptions(mapping, None if nexis_markers is None else str(Path(nexis_markers).resolve()))
    return BuildPlan(raw_dir, manifest, out_dir, meta_by_file, names, _doc_ids(names), record, options,
                     extra_columns, keep_duplicates)


def build_corpus(raw_dir: str | Path | None = None, manifest: str | Path | None = None,
                 out_dir: str | Path | None = None, *, jobs: int = 1,
                 gazetteer: str | Path | None = None, voice_lexicon: str | Path | None = None,
                 mapping: ColumnMapping | None = None, nexis_markers: str | Path | None = None,
                 keep_duplicates: bool = False, replace: bool = False) -> Corpus:
    """Build the corpus tables from a raw folder and its manifest, and write them as Parquet.

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
    summary = write_corpus(raw_dir, manifest, out_dir, jobs=jobs, gazetteer=gazetteer, voice_lexicon=voice_lexicon,
                           mapping=mapping, nexis_markers=nexis_markers, keep_duplicates=keep_duplicates,
                           replace=replace)
    corpus = load_corpus(summary.out_dir)
    corpus.summary_counts = summary  # type: ignore[attr-defined]
    return corpus


def write_corpus(raw_dir: str | Path | None = None, manifest: str | Path | None = None,
                 out_dir: str | Path | None = None, *, jobs: int = 1, gazetteer: str | Path | None = None,
                 voice_lexicon: str | Path | None = None, mapping: ColumnMapping | None = None,
                 nexis_markers: str | Path | None = None, keep_duplicates: bool = False,
                 replace: bool = False) -> BuildSummary:
    """Build and write the corpus tables like :func:`build_corpus`, without loading them back.

    Memory stays bounded by the rows buffered for writing, whatever the corpus
    size; the CLI uses this. Parameters and errors as :func:`build_corpus`.

    Returns
    -------
    BuildSummary
        Counts of documents, rejects, duplicates (exact and near) and documents
        with warnings, and the number of near-duplicate groups.
    """
    plan = plan_build(raw_dir, manifest, out_dir, gazetteer=gazetteer, voice_lexicon=voice_lexicon,
                      mapping=mapping, nexis_markers=nexis_markers, keep_duplicates=keep_duplicates)
    out_dir, record = plan.out_dir, plan.record
    tasks = plan.tasks()
    chunks = [tasks[i:i + FILES_PER_CHUNK] for i in range(0, len(tasks), FILES_PER_CHUNK)]
    work = partial(process_files, gazetteer_path=gazetteer, voice_path=voice_lexicon, options=plan.options,
                   extra_columns=plan.extra_columns)
    with run_lock(out_dir), staged_corpus_dir(out_dir, plan.raw_dir, plan.manifest, replace=replace) as tmp:
        writer = _TableWriter(tmp, extra_columns=plan.extra_columns)
        ledger = _Ledger(keep_duplicates=plan.keep_duplicates)
        for result in _map_in_order(work, chunks, jobs):
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
                        groups, len(near_rows) - groups)


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
    frame = table.to_pandas(types_mapper=_PANDAS_TYPES.get)
    return schema.validate_table(name, frame, path=str(path))


def documents_with_warnings(folder: str | Path) -> pd.DataFrame:
    """Return ``doc_id`` and ``warnings`` of the documents of a built corpus that have warnings.

    Reads only those two columns, so it stays cheap for a large corpus.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "processed"
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

    Every table is read whole into memory and validated (:func:`read_table`).
    Large tables are read from memory-mapped Arrow copies kept in
    ``<path>/.arrow-cache/``, written by the first load, which makes later
    loads of a large corpus several times faster.

    Parameters
    ----------
    path : str or Path, optional
        Folder written by :func:`build_corpus` (one file per table) or by
        ``kuril_research.corpus.distributed.build_corpus_dask`` (one folder of parts
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
    from kuril_research.ingest.sources import parse_published

    from kuril_research.ingest.sources import DERIVED_MANIFEST_COLUMNS, MANIFEST_COLUMNS

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
