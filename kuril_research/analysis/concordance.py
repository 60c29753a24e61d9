"""Show every occurrence of a word, phrase or entity in its context (key word in context).

Matches queries in the token stream of :mod:`kuril_research.tokens.stream`
(:mod:`kuril_research.tokens.query`) and cuts the context from
``documents.text``; :mod:`kuril_research.analysis.frequency` re-exports :func:`kwic`.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa

from kuril_research.checks import choice, positive_int
from kuril_research.corpus import Corpus
from kuril_research.tokens import (MATCH_MODES, PUNCT, blocks, prepare, release_pages, release_table_pages,
                                   string_array, take)

__all__ = ["TEXTS_AT_ONCE", "RESULTS_KEPT", "kwic"]

#: Documents whose texts :func:`kwic` holds as Python strings at one time.
TEXTS_AT_ONCE = 5_000
#: Concordances each token stream remembers, by their arguments (the oldest is forgotten first).
RESULTS_KEPT = 4


def _texts_of(text: pd.api.extensions.ExtensionArray, rows: np.ndarray) -> np.ndarray:
    """The texts of some documents (sorted, distinct rows of ``documents.text``) as Python strings; missing → "".

    An Arrow-backed column is read chunk by chunk, so the column is never joined
    into one copy (which taking from all chunks at once would do).

    Examples
    --------
    >>> text = pd.array(["a", None, "c"], dtype="string[pyarrow]")
    >>> _texts_of(text, np.array([1, 2])).tolist()
    ['', 'c']
    """
    if not isinstance(text, pd.arrays.ArrowExtensionArray):
        return np.asarray(text[rows].to_numpy(dtype=object, na_value=""), dtype=object)
    arrow = text.__arrow_array__()
    chunks = arrow.chunks if isinstance(arrow, pa.ChunkedArray) else [arrow]
    parts, offset = [], 0
    for chunk in chunks:
        lo, hi = np.searchsorted(rows, [offset, offset + len(chunk)], side="left")
        if hi > lo:
            parts.append(chunk.take(pa.array(rows[lo:hi] - offset)).to_numpy(zero_copy_only=False))
        offset += len(chunk)
    out = np.concatenate(parts).astype(object, copy=False) if parts else np.empty(0, dtype=object)
    out[pd.isna(out)] = ""
    return out


def _in_row_order(parts: list[pa.Array], rows: list[np.ndarray]) -> pa.Array:
    """One array of the values ``parts[k]`` hold for ``rows[k]``, in row order (the rows of all parts: 0 .. n-1).

    Examples
    --------
    >>> _in_row_order([pa.array(["b", "d"]), pa.array(["a", "c"])], [np.array([1, 3]), np.array([0, 2])]).tolist()
    ['a', 'b', 'c', 'd']
    """
    whole = pa.concat_arrays(parts) if parts else pa.array([], type=pa.large_string())
    order = np.concatenate(rows) if rows else np.empty(0, dtype=np.intp)
    if (order == np.arange(len(order))).all():           # matches in document order: blocks follow each other
        return whole
    position = np.empty(len(order), dtype=np.intp)
    position[order] = np.arange(len(order))
    return whole.take(pa.array(position))


def kwic(
    corpus: Corpus,
    query: str,
    *,
    window: int = 8,
    unit: Literal["token", "sentence"] = "token",
    sort: Literal["left", "right"] | None = None,
    match: Literal["auto", "entity", "surface"] = "auto",
) -> pd.DataFrame:
    """Show every occurrence of a word, phrase or entity with its context (key word in context).

    The query is matched case-insensitively in the full token stream. With
    ``match="auto"`` (the default) it is read as the first of these that occurs:

    1. an entity id (``"habomai"``, ``"northern_territories"``): every mention of the
       entity, whatever its spelling, and any word token equal to the id;
    2. the spelling of a mention (``"Khabomai"``, ``"Southern Kurils"``): those
       mentions only;
    3. a word or phrase (``"peace treaty"``), token by token within one sentence;
       punctuation in the query must be in the text, and a query token also matches
       a mention spelled that way.

    ``match="entity"`` reads it as an entity id only, ``match="surface"`` as a
    spelling only: ``kwic(corpus, "Habomai", match="surface")`` leaves out
    *Khabomai*, which ``"auto"`` (an entity id first) includes.

    The token stream remembers the concordances of its last :data:`RESULTS_KEPT`
    sets of arguments: a call repeated on an unchanged corpus (a notebook cell
    run again) returns a copy of the one worked out before, without cutting the
    texts again; a changed stream column makes a new stream, and a new store.

    Parameters
    ----------
    corpus : Corpus
    query : str
    window : int, default 8
        Context on each side, in ``unit``\\ s.
    unit : {"token", "sentence"}, default "token"
        ``"token"``: ``window`` tokens each side, not counting punctuation, within
        the document (context may cross sentences). ``"sentence"``: the match's
        sentence plus ``window`` sentences each side (``window=0``: the sentence).
    sort : {"left", "right"} or None, default None
        ``"left"``: by the words left of the match, nearest first; ``"right"``: by
        the words right of it; ``None``: document and text order.
    match : {"auto", "entity", "surface"}, default "auto"
        How the query is read (above). ``"entity"``: the mentions of that entity
        id (an id that is neither in the corpus nor in the shipped gazetteer is an
        error); ``"surface"``: the mentions spelled that way, whatever the case.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, start, end`` (offsets of the match in ``documents.text``),
        ``left, match, right`` (text with white space collapsed), ``voice, speaker``
        (of the match's first token).

    Examples
    --------
    >>> from kuril_research.testing import two_habomai_articles
    >>> corpus = two_habomai_articles()
    >>> print(kwic(corpus, "habomai", window=2)[["doc_id", "left", "match", "right"]].to_string(index=False))
    doc_id        left    match       right
         a Japan wants  Habomai   back. "No
         b         The Khabomai islands lie
    >>> kwic(corpus, "Khabomai").doc_id.tolist()
    ['b']
    >>> kwic(corpus, "Habomai").doc_id.tolist(), kwic(corpus, "Habomai", match="surface").doc_id.tolist()
    (['a', 'b'], ['a'])
    >>> line = kwic(corpus, "peace treaty", unit="sentence", window=0).iloc[0]
    >>> line.left, line.match, line.right, line.voice, line.speaker
    ('"No', 'peace treaty', 'yet," Lavrov said.', 'quoted', 'sergey_lavrov')
    """
    window = positive_int(window, "window", minimum=0)
    choice(unit, "unit", ("token", "sentence"))
    choice(sort, "sort", ("left", "right", None))
    choice(match, "match", MATCH_MODES)
    # context counts every word, whatever the options: only the stream's texts (lower-cased, as by default) and
    # its matches are read, so the default options' prepared stream, which the other counts share, serves
    prep = prepare(corpus, {})
    st = prep.st
    # a cell run again (the same arguments, the same stream) is a lookup: the stream is rebuilt, and with it
    # this store, whenever a column it is made from changes; each caller gets its own copy to edit
    kept = st.remember("kwic results", dict)
    key = (query, window, unit, sort, match)
    if key in kept:
        kept[key] = kept.pop(key)                        # now the most recently used
        return kept[key].copy()
    out = _concordance(prep, query, window=window, unit=unit, sort=sort, match=match)
    if len(kept) >= RESULTS_KEPT:
        del kept[next(iter(kept))]
    kept[key] = out
    return out.copy()


def _token_context(st, first: np.ndarray, last: np.ndarray, doc: np.ndarray, window: int,
                   m_start: np.ndarray, m_end: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where the context of each match begins and ends: ``window`` tokens that are not punctuation each side.

    Worked out block by block of whole documents (context never leaves its
    document): the rows that are not punctuation are listed for one block at a
    time, never for the whole stream.
    """
    left_start, right_end = m_start.copy(), m_end.copy()
    order = np.argsort(first, kind="stable")
    ordered = first[order]
    for lo, hi in blocks(st.doc_first):
        a, b = np.searchsorted(ordered, [lo, hi], side="left")
        if a == b:
            continue
        at = order[a:b]
        wordish = np.flatnonzero(st.kind[lo:hi] != PUNCT) + lo
        at_doc = np.searchsorted(wordish, st.doc_first[doc[at]], side="left")       # documents are contiguous
        doc_hi = np.searchsorted(wordish, st.doc_first[doc[at] + 1], side="left")
        k_left = np.searchsorted(wordish, first[at], side="left")       # context words before the match
        k_right = np.searchsorted(wordish, last[at], side="right")      # first context word after it
        lo_k = np.maximum(k_left - window, at_doc)
        hi_k = np.minimum(k_right + window, doc_hi) - 1
        if len(wordish):
            left_start[at] = np.where(lo_k < k_left, st.start[wordish[np.minimum(lo_k, len(wordish) - 1)]],
                                      m_start[at])
            right_end[at] = np.where(hi_k >= k_right, st.end[wordish[np.clip(hi_k, 0, len(wordish) - 1)]],
                                     m_end[at])
        release_pages(st.stream)           # the block's pages of kind, start and end: resident one block at a time
    return left_start, right_end


def _concordance(prep, query: str, *, window: int, unit: str, sort: str | None, match: str) -> pd.DataFrame:
    """The concordance :func:`kwic` returns, worked out from the prepared stream."""
    st = prep.st
    first, last = prep.match(query, match)
    # the matches lie all over the stream: each column is read a block at a time, its pages given back after each
    # (indexing the mapped columns at once made three whole columns resident, 0.7 GB at 100,000 articles)
    doc = take(st.doc, first)
    m_start, m_end = take(st.start, first), take(st.end, last)
    if unit == "token":
        left_start, right_end = _token_context(st, first, last, doc, window, m_start, m_end)
    else:
        sent = take(st.sent, first)
        s_lo = np.searchsorted(st.s_doc, doc, side="left")
        s_hi = np.searchsorted(st.s_doc, doc, side="right") - 1
        left_start = st.s_start[np.maximum(sent - window, s_lo)]
        right_end = st.s_end[np.minimum(sent + window, s_hi)]
        left_start, right_end = np.minimum(left_start, m_start), np.maximum(right_end, m_end)
    voice, speaker, sent_id = take(st.voice, first), take(st.speaker, first), st.s_id[take(st.sent, first)]
    release_pages(st.stream)                 # the stream's pages are not needed while the texts are read
    # each document's text is read once, TEXTS_AT_ONCE documents at a time (memory bounded by the block,
    # not by the corpus); " ".join(s.split()) is WHITESPACE_RE.sub(" ", s).strip(): both split at
    # str.isspace characters (Arrow's regex replace took 4.0 s for the 1 M strings of one kwic at
    # 100,000 articles; split/join 0.7 s)
    # each block's pieces become Arrow strings at once (what a "string" column holds): the Python strings of
    # one block are in memory at a time, not those of the whole concordance (0.2 GB at 100,000 articles)
    shown, where = np.unique(doc, return_inverse=True)
    where = where.ravel()
    spans = {"left": (left_start, m_start), "match": (m_start, m_end), "right": (m_end, right_end)}
    chunks: dict[str, list[pa.Array]] = {name: [] for name in spans}
    at: list[np.ndarray] = []
    for lo in range(0, len(shown), TEXTS_AT_ONCE):
        rows = np.flatnonzero((where >= lo) & (where < lo + TEXTS_AT_ONCE))
        texts = _texts_of(st.text, shown[lo:lo + TEXTS_AT_ONCE])[where[rows] - lo]
        for name, (a, b) in spans.items():
            chunks[name].append(pa.array([" ".join(t[i:j].split())
                                          for t, i, j in zip(texts, a[rows].tolist(), b[rows].tolist())],
                                         type=pa.large_string()))
        at.append(rows)
        del texts
        release_table_pages(st.text)         # the block's texts are Arrow strings now; the column is read again
    pieces = {name: _in_row_order(parts, at) for name, parts in chunks.items()}
    del chunks

    out = pd.DataFrame({
        "doc_id": string_array(st.doc_ids, doc.astype(np.intp)),
        "sent_id": pd.array(sent_id, dtype="Int64"),
        "start": pd.array(m_start.astype(np.int64), dtype="Int64"),
        "end": pd.array(m_end.astype(np.int64), dtype="Int64"),
        "left": pd.array(pieces["left"], dtype="string"),
        "match": pd.array(pieces["match"], dtype="string"),
        "right": pd.array(pieces["right"], dtype="string"),
        "voice": string_array(st.voices, voice.astype(np.intp)),
        "speaker": string_array(st.speakers, speaker.astype(np.intp)),
    })
    if sort is not None:
        context = out["left"] if sort == "left" else out["right"]
        words = context.str.lower().str.split()
        key = words.map(lambda w: " ".join(reversed(w)) if sort == "left" else " ".join(w))
        out = out.iloc[np.argsort(key.to_numpy(dtype=object).astype(str), kind="stable")]
    release_pages(st.stream)                 # and the free memory the blocks' strings left
    return out.reset_index(drop=True)
