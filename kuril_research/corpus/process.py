"""The per-document pipeline: one decoded article in, its rows of every document table out.

:func:`process_document` runs parse → sentences → mentions → voice on one
article as a pure function; :func:`process_files` runs it over a slice of raw
files (reading each with :func:`kuril_research.ingest.readers.read_source`) and
is the unit of work of every engine (:mod:`kuril_research.corpus.build`,
:mod:`kuril_research.corpus.distributed`).
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from kuril_research.corpus.ledger import FileOutcome
from kuril_research.corpus.writer import DOCUMENT_TABLES, rows_to_table
from kuril_research.ingest.gazetteer import Gazetteer, load_gazetteer
from kuril_research.ingest.near_duplicates import signature
from kuril_research.ingest.parse import parse_article
from kuril_research.ingest.readers import SourceOptions, read_source
from kuril_research.ingest.sentences import split_sentences
from kuril_research.ingest.sources import RawDocument, Reject
from kuril_research.ingest.voice import VoiceLexicon, load_voice_lexicon, mark_voice

__all__ = ["process_document", "process_files", "ChunkResult", "doc_ids", "document_id"]


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
    quotes, voiced = mark_voice(text, art.paragraphs, [(s, e) for s, e, _ in sents], mentions, lexicon=voice_lexicon,
                                title=art.title, byline=next((r.text for r in art.removed if r.reason == "byline"), None))
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


def doc_ids(names: list[str]) -> dict[str, str]:
    """The doc_id of every raw file: its name without the extension, or the whole name where two files share a stem.

    Examples
    --------
    >>> doc_ids(["a.txt", "b.txt", "b.html", "notes/c"])
    {'a.txt': 'a', 'b.txt': 'b.txt', 'b.html': 'b.html', 'notes/c': 'notes/c'}
    """
    stems: dict[str, list[str]] = {}
    for name in names:
        stems.setdefault(name.rsplit(".", 1)[0] if "." in Path(name).name else name, []).append(name)
    ids = {}
    for stem, group in stems.items():
        for name in group:
            ids[name] = stem if len(group) == 1 else name
    return ids


def document_id(file_doc_id: str, raw: RawDocument) -> str:
    """The doc_id of one article: the file's for a one-article file; the export's id column, else file-position.

    Examples
    --------
    >>> export = RawDocument("e.csv", "text", "utf-8", "0" * 64, "csv", position=7)
    >>> document_id("e", RawDocument("a.txt", "text", "utf-8", "0" * 64, "text")), document_id("e", export)
    ('e', 'e-00007')
    """
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
        article_id = document_id(doc_id, item)
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


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """One slice of files processed: an outcome per article, in name order, and the rows of every document table."""

    outcomes: list[FileOutcome]
    tables: dict[str, pa.Table]


def _date_key(doc: Mapping) -> tuple:
    year = doc.get("year")
    return (year is None, year or 0, doc.get("month") or 0, doc.get("day") or 0)


def process_files(tasks: list[tuple], gazetteer_path: str | Path | None = None,
                  voice_path: str | Path | None = None, *, options: SourceOptions | None = None,
                  extra_columns: tuple[str, ...] = ()) -> ChunkResult:
    """Run :func:`process_document` over a slice of files and return their rows as Arrow tables.

    The unit of work of every engine: :func:`kuril_research.corpus.build.write_corpus`
    maps it over slices of :data:`~kuril_research.corpus.build.FILES_PER_CHUNK` files in one or several processes, and
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
        A :class:`~kuril_research.corpus.ledger.FileOutcome` per article and one table per name in
        :data:`~kuril_research.corpus.writer.DOCUMENT_TABLES`.
    """
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


