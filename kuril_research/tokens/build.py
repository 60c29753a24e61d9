"""Build the token stream of a corpus from its tables, once, and reuse it while they are unchanged.

The first step after the corpus tables (:func:`stream_of`): :mod:`kuril_research.tokens.options`
chooses tokens from the stream built here (and gives them as a table,
:func:`~kuril_research.tokens.options.tokens`), :mod:`kuril_research.tokens.query`
finds queries in it, and :mod:`kuril_research.analysis.frequency`,
:mod:`kuril_research.analysis.dispersion` and :mod:`kuril_research.analysis.concordance` all read
the one stream:

* text comes from ``documents.text``, sentence by sentence (``sentences`` offsets),
  so no token, n-gram, collocation window or phrase match crosses a sentence
  boundary (concordance context may);
* each gazetteer mention (``mentions`` row) becomes **one** token whose text is the
  canonical entity id, so that spellings pool (``Khabomai`` and ``Habomai`` are
  both ``habomai``); no word token is produced inside a mention;
* a word token inside a quotation (``quotes`` span) has voice ``quoted`` and the
  quote's speaker, any other word token ``narrator``; an entity token has its
  mention's voice and speaker.

Only ``documents`` decides which documents are analysed: rows of the other tables
whose ``doc_id`` is not in it are ignored, so ``Corpus(documents=subset, ...)``
with the full other tables is a valid way to study a subset.

Reuse
-----
The token stream is built once per corpus and remembered: every later call on
the same :class:`~kuril_research.corpus.Corpus` object, with any token options,
reuses it (the options only choose tokens; the lower-cased or stemmed texts are
worked out once per setting). The stream holds small integers per token (about
35 bytes; 2 GB for 100,000 articles of 500 words) and is freed with its corpus.

It is never stale. Each call fingerprints the columns the stream is built from,
:data:`STREAM_COLUMNS` (``documents.doc_id, text``; ``sentences.doc_id, sent_id,
start, end``; ``mentions.doc_id, start, end, surface, entity, voice, speaker``;
``quotes.doc_id, start, end, speaker``), and builds afresh when any of them
differs: a table replaced (``corpus.documents = ...``), rows added or dropped, a
value edited in place. Other columns (``documents.outlet``, ``year``, ...) are
read on every call, so changing them needs no rebuild. A corpus loaded by
:func:`~kuril_research.corpus.load_corpus` through its Arrow cache also keeps
its stream on disk beside that cache, and a new process maps it in instead of
building it (:mod:`kuril_research.tokens.persist`, same key rules). A corpus from
:func:`~kuril_research.analysis.selection.select_documents`, or a new ``Corpus(...)``, is
another object with a stream of its own. Fingerprints: :mod:`kuril_research.memo`.

The pieces: the token rules in :mod:`~kuril_research.tokens.patterns`, the
tokenising of text in :mod:`~kuril_research.tokens.lexer`, the result in
:mod:`~kuril_research.tokens.stream`.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from kuril_research import memo
from kuril_research.corpus import Corpus
from kuril_research.errors import CorpusTableError
from kuril_research.tokens.columns import Columns
from kuril_research.tokens.lexer import Lexer, arrow_text, block_words, rank
from kuril_research.tokens.patterns import ENTITY, WHITESPACE_RE, norm_apostrophe
from kuril_research.tokens.persist import load_or_build
from kuril_research.tokens.stream import TokenStream

__all__ = ["STREAM_COLUMNS", "BLOCK_CHARS", "STREAMS", "stream_of", "build_stream"]

#: The columns the token stream is built from; a change to any other column keeps it.
STREAM_COLUMNS = {
    "documents": ["doc_id", "text"],
    "sentences": ["doc_id", "sent_id", "start", "end"],
    "mentions": ["doc_id", "start", "end", "surface", "entity", "voice", "speaker"],
    "quotes": ["doc_id", "start", "end", "speaker"],
}
#: The stream of each live corpus, with the fingerprint it was built from (freed with its corpus).
STREAMS = memo.Memo()


def stream_of(corpus: Corpus) -> TokenStream:
    """The corpus's token stream: built on first use, then reused while its tables are unchanged.

    See "Reuse" in the module docstring.
    """
    token = memo.fingerprint(*((getattr(corpus, table), columns) for table, columns in STREAM_COLUMNS.items()))
    stream = STREAMS.get(corpus, "stream", token)
    if stream is None:
        stream = load_or_build(corpus, STREAM_COLUMNS, build_stream)
        STREAMS.put(corpus, "stream", token, stream)
    return stream



#: Documents are tokenised in blocks of about this many characters, which bounds the
#: memory of the per-token arrays being built.
BLOCK_CHARS = 10_000_000


def _int_array(frame: pd.DataFrame, column: str, table: str) -> np.ndarray:
    values = frame[column]
    if values.isna().any():
        raise CorpusTableError(f"table {table!r}: column {column!r} has missing values", field=column,
                               hint="rebuild the corpus with `kuril-research build`")
    return values.to_numpy(dtype=np.int64)


def _encode(values: pd.Series | np.ndarray, known: Sequence[str] = ()) -> tuple[np.ndarray, np.ndarray]:
    """(code of each value, distinct values) with ``known`` values first; a missing value gets -1.

    An Arrow-backed column is encoded in Arrow, without a Python string per row.
    """
    array = values.array if isinstance(values, pd.Series) else None
    if isinstance(array, pd.arrays.ArrowExtensionArray) and len(array):
        arrow = array.__arrow_array__()
        arrow = arrow.combine_chunks() if arrow.num_chunks != 1 else arrow.chunk(0)
        encoded = pc.dictionary_encode(arrow)
        codes = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False).astype(np.int64)
        uniques = encoded.dictionary.to_pylist()
    else:
        if isinstance(values, pd.Series):
            values = values.to_numpy(dtype=object, na_value=None)
        if not len(values):
            return np.empty(0, np.int32), np.asarray(list(known), dtype=object)
        codes, uniques = pd.factorize(values)
        uniques = list(uniques)
    merged = list(known) + [u for u in uniques if u not in known]
    index = {u: i for i, u in enumerate(merged)}
    remap = np.array([index[u] for u in uniques] + [-1], dtype=np.int32)   # code -1 (missing) stays -1
    return remap[codes], np.asarray(merged, dtype=object)


def _restrict(frame: pd.DataFrame, index: pd.Index, columns: list[str]) -> tuple[pd.DataFrame, np.ndarray]:
    """The rows of ``frame`` (only ``columns``) whose doc_id is in ``index``, and their document codes."""
    frame = frame[columns]
    codes, doc_ids = _encode(frame["doc_id"])
    codes = np.append(index.get_indexer(doc_ids), -1)[codes] if len(doc_ids) else codes.astype(np.int64)
    keep = codes >= 0
    return (frame, codes) if keep.all() else (frame[keep], codes[keep])


def _sorted_by(major: np.ndarray, minor: np.ndarray | None = None) -> bool:
    """Whether rows are already in (major, minor) order (then a stable sort would leave them as they are)."""
    if len(major) < 2:
        return True
    step = np.diff(major)
    if minor is None:
        return bool((step >= 0).all())
    return bool(((step > 0) | ((step == 0) & (np.diff(minor) >= 0))).all())


def _small_int(values: np.ndarray) -> np.ndarray:
    """``values`` as int32 when they fit (offsets of any plausible text), else int64."""
    if len(values) and (values.max() >= 2**31 or values.min() < -2**31):
        return values.astype(np.int64)
    return values.astype(np.int32)


def build_stream(corpus: Corpus) -> TokenStream:
    """Build the token stream of a corpus afresh (:func:`stream_of` reuses it; call that instead).

    Raises
    ------
    CorpusTableError
        If ``doc_id`` is missing or repeated, offsets are missing or out of
        range, or a mention is not inside one sentence.
    """
    docs = corpus.documents
    doc_ids = docs["doc_id"].to_numpy(dtype=object, na_value=None)
    index = pd.Index(doc_ids)
    if index.hasnans or index.has_duplicates:
        raise CorpusTableError("table 'documents': doc_id is missing or repeated", field="doc_id",
                               hint="give every document a unique doc_id (rebuild the corpus)")
    n_docs = len(doc_ids)
    texts = arrow_text(docs["text"])
    lengths = pc.utf8_length(pc.fill_null(texts, "")).to_numpy(zero_copy_only=False).astype(np.int64) \
        if texts is not None else np.fromiter(map(len, docs["text"].to_numpy(dtype=object, na_value="")),
                                              dtype=np.int64, count=n_docs)
    doc_base = np.zeros(n_docs, dtype=np.int64)     # documents laid end to end, one apart
    doc_base[1:] = np.cumsum(lengths + 1)[:-1]

    sents, s_doc = _restrict(corpus.sentences, index, STREAM_COLUMNS["sentences"])
    s_start = _int_array(sents, "start", "sentences")
    s_end = _int_array(sents, "end", "sentences")
    s_id = _int_array(sents, "sent_id", "sentences")
    bad = np.flatnonzero((s_start < 0) | (s_end < s_start) | (s_end > lengths[s_doc]))
    if len(bad):
        i = bad[0]
        raise CorpusTableError(
            f"table 'sentences': sentence {s_id[i]} of document {doc_ids[s_doc[i]]!r} has offsets "
            f"{s_start[i]}-{s_end[i]} outside its text of {lengths[s_doc[i]]} characters",
            field="start", hint="rebuild the corpus with `kuril-research build`")
    nonempty = s_end > s_start
    if not nonempty.all():
        s_doc, s_id, s_start, s_end = s_doc[nonempty], s_id[nonempty], s_start[nonempty], s_end[nonempty]
    if not _sorted_by(s_doc, s_start):
        order = np.lexsort((s_start, s_doc))
        s_doc, s_id, s_start, s_end = s_doc[order], s_id[order], s_start[order], s_end[order]
    sg = {"doc": s_doc, "start": doc_base[s_doc] + s_start, "end": doc_base[s_doc] + s_end}
    # overlapping sentences (or texts Arrow cannot hold): scan each sentence on its own
    exact = texts is None or bool((sg["start"][1:] < sg["end"][:-1]).any())

    # entity tokens: one per mention, which must lie inside one sentence
    mentions, m_doc = _restrict(corpus.mentions, index, STREAM_COLUMNS["mentions"])
    m_start = _int_array(mentions, "start", "mentions")
    m_end = _int_array(mentions, "end", "mentions")
    mg_start, mg_end = doc_base[m_doc] + m_start, doc_base[m_doc] + m_end
    m_sent = np.searchsorted(sg["start"], mg_start, side="right") - 1
    inside = (m_sent >= 0) & (m_end > m_start) & (mg_end <= sg["end"][np.maximum(m_sent, 0)]) \
        if len(s_doc) else np.zeros(len(m_start), dtype=bool)
    if not inside.all():
        i = np.flatnonzero(~inside)[0]
        raise CorpusTableError(
            f"table 'mentions': mention {mentions['surface'].iloc[i]!r} at {m_start[i]}-{m_end[i]} "
            f"of document {doc_ids[m_doc[i]]!r} is not inside one sentence",
            field="start", hint="rebuild the corpus; in a hand-made corpus, check the mention and sentence offsets")
    e_code, entities = _encode(mentions["entity"])
    if (e_code < 0).any():
        raise CorpusTableError("table 'mentions': column 'entity' has missing values", field="entity",
                               hint="rebuild the corpus with `kuril-research build`")
    m_voice, voices = _encode(mentions["voice"], known=("narrator", "quoted"))
    raw_code, raw_surface = _encode(mentions["surface"])                     # normalise each spelling once
    m_surface, surfaces = _encode(np.array(
        [WHITESPACE_RE.sub(" ", norm_apostrophe(s)).lower() for s in raw_surface] + [None], dtype=object))
    m_surface = m_surface[raw_code]                                           # raw code -1 (None) → the None

    quotes, q_doc = _restrict(corpus.quotes, index, STREAM_COLUMNS["quotes"])
    qg_start = doc_base[q_doc] + _int_array(quotes, "start", "quotes")
    qg_end = doc_base[q_doc] + _int_array(quotes, "end", "quotes")
    q_speaker, q_speakers = _encode(quotes["speaker"])
    m_speaker, m_speakers = _encode(mentions["speaker"])
    speakers = np.asarray(list(dict.fromkeys([*q_speakers, *m_speakers])), dtype=object)
    at = {s: i for i, s in enumerate(speakers)}
    q_speaker = np.append(np.array([at[s] for s in q_speakers], np.int32), -1)[q_speaker]
    m_speaker = np.append(np.array([at[s] for s in m_speakers], np.int32), -1)[m_speaker]
    if not _sorted_by(qg_start):
        q_order = np.argsort(qg_start, kind="stable")
        qg_start, qg_end, q_speaker, q_doc = qg_start[q_order], qg_end[q_order], q_speaker[q_order], q_doc[q_order]

    # mentions by document and start (stable: mentions at the same place keep their table order)
    if not _sorted_by(m_doc, m_start):
        m_order = np.lexsort((m_start, m_doc))
        m_doc, mg_start, mg_end, m_sent = m_doc[m_order], mg_start[m_order], mg_end[m_order], m_sent[m_order]
        e_code, m_voice = e_code[m_order], m_voice[m_order]
        m_surface, m_speaker = m_surface[m_order], m_speaker[m_order]
    n_entities = len(entities)

    lexer = Lexer()
    columns = Columns({"doc": np.int32, "sent": np.int32, "start": np.int32, "end": np.int32, "spell": np.int32,
                        "kind": np.int8, "voice": np.int8 if len(voices) < 128 else np.int32,
                        "speaker": np.int32, "ent_surface": np.int32},
                       widen=("start", "end"), expected=int(lengths.sum()))
    cuts = np.searchsorted(np.cumsum(lengths), np.arange(BLOCK_CHARS, int(lengths.sum()), BLOCK_CHARS), side="right")
    bounds = sorted({0, n_docs, *(int(x) for x in cuts if 0 < x < n_docs)})
    for d0, d1 in itertools.pairwise(bounds):
        columns.block_chars = int(doc_base[d1 - 1] + lengths[d1 - 1] - doc_base[d0])
        w_sent, wg_start, wg_end, w_code = block_words(lexer, texts, docs["text"], d0, d1, doc_base, sg, exact)
        ma, mb = np.searchsorted(m_doc, [d0, d1], side="left")
        ms, me = mg_start[ma:mb], mg_end[ma:mb]
        # drop word tokens that overlap a mention
        if len(ms):
            reach = np.maximum.accumulate(me)
            j = rank(ms, wg_end, side="left") - 1
            keep = ~((j >= 0) & (reach[np.maximum(j, 0)] > wg_start))
            w_sent, wg_start, wg_end, w_code = w_sent[keep], wg_start[keep], wg_end[keep], w_code[keep]
        # voice of word tokens: quoted inside a quotation span, else narrator
        qa, qb = np.searchsorted(q_doc, [d0, d1], side="left")
        j = rank(qg_start[qa:qb], wg_start, side="right") - 1 + qa
        quoted = (j >= qa) & (wg_start < qg_end[np.maximum(j, 0)]) if qb > qa else np.zeros(len(wg_start), bool)
        w_speaker = np.full(len(wg_start), -1, dtype=np.int32)
        w_speaker[quoted] = q_speaker[j[quoted]]
        # spelling and kind of each word token, from its surface
        word_code, surface_kind, _ = lexer.surface_info()
        w_spell = n_entities + word_code[w_code]
        # merge words and entities in text order (both runs are sorted, so the stable sort is a merge)
        n_w = len(wg_start)
        g_start, g_end = np.concatenate([wg_start, ms]), np.concatenate([wg_end, me])
        span = int((g_end - g_start).max()) + 1 if len(g_start) else 1
        if len(g_start) and (int(g_start.max()) + 1) * span < 2**62:
            order = np.argsort(g_start * span + (g_end - g_start), kind="stable")
        else:
            order = np.lexsort((g_end, g_start))
        doc = np.concatenate([sg["doc"][w_sent], m_doc[ma:mb]])[order]
        columns.append("doc", doc.astype(np.int32))
        columns.append("sent", np.concatenate([w_sent, m_sent[ma:mb]])[order].astype(np.int32))
        columns.append("start", _small_int(g_start[order] - doc_base[doc]))
        columns.append("end", _small_int(g_end[order] - doc_base[doc]))
        columns.append("spell", np.concatenate([w_spell, e_code[ma:mb]])[order].astype(np.int32))
        columns.append("kind", np.concatenate([surface_kind[w_code], np.full(mb - ma, ENTITY, np.int8)])[order])
        columns.append("voice", np.concatenate([quoted.astype(np.int32), m_voice[ma:mb]])[order])
        columns.append("speaker", np.concatenate([w_speaker, m_speaker[ma:mb]])[order].astype(np.int32))
        columns.append("ent_surface", m_surface[ma:mb][order[order >= n_w] - n_w].astype(np.int32))

    joined = columns.pop
    # spellings: entity ids, then word surfaces with ’ read as ' (’ and ' spellings of a token have one kind)
    word_code, surface_kind, _ = lexer.surface_info()
    word_kind = np.zeros(len(lexer.words), dtype=np.int8)
    word_kind[word_code] = surface_kind
    doc = joined("doc")
    kind = joined("kind")
    start, end = joined("start"), joined("end")      # int32 unless a block needed int64
    return TokenStream(
        doc_ids=doc_ids, text=docs["text"].array, s_doc=s_doc.astype(np.int32), s_id=s_id,
        s_start=s_start, s_end=s_end, doc=doc, sent=joined("sent"),
        start=start, end=end,
        kind=kind, spell=joined("spell"),
        spellings=np.asarray([*entities, *lexer.words], dtype=object), n_entities=n_entities,
        spell_kind=np.concatenate([np.full(n_entities, ENTITY, np.int8), word_kind]),
        voice=joined("voice"), voices=voices,
        speaker=joined("speaker"), speakers=speakers,
        ent_rows=np.flatnonzero(kind == ENTITY), ent_surface=joined("ent_surface"), surfaces=surfaces,
        doc_first=np.searchsorted(doc, np.arange(n_docs + 1), side="left"),
    )

