"""The sentence of each coded span: found by position, its text read once, never merged.

Coding rules that look at a cue match's sentence (enders, speaker sides, lists
joined by "and", figures) need the sentence's start and text for each match. A
merge of the matches with ``sentences[doc_id, sent_id, start, text]`` (or an index
of every sentence by ``doc_id, sent_id``) copies a text for every match and
hashes every document id: at 100,000 articles, more memory than the cue scan.
:func:`hit_sentences` finds each match's sentence by integer keys and one sort,
and reads the texts of only the sentences with matches, once each.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["hit_sentences"]


def hit_sentences(hits: pd.DataFrame, sentences: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The sentence of each hit: which one (-1: not in the table), and the start and text of each.

    Parameters
    ----------
    hits : DataFrame
        With ``doc_id`` and ``sent_id``.
    sentences : DataFrame
        Table ``sentences`` (``doc_id, sent_id, start, text``), in any row order.

    Returns
    -------
    tuple
        ``where`` (per hit: index into the two lists that follow, -1 when its sentence is not in
        ``sentences``), ``starts`` (per sentence with hits, in table order: its start in
        ``documents.text``; -1 when missing) and ``texts`` (its text; ``""`` when missing).

    Examples
    --------
    >>> from kuril_research.testing import corpus_of_sentences
    >>> s = corpus_of_sentences({"a": [["One.", "Two."]], "b": [["Three."]]}).sentences
    >>> hits = pd.DataFrame({"doc_id": ["b", "a", "a", "c"], "sent_id": [0, 1, 1, 0]})
    >>> where, starts, texts = hit_sentences(hits, s)
    >>> where.tolist(), starts.tolist(), texts
    ([1, 0, 0, -1], [5, 0], ['Two.', 'Three.'])
    """
    doc_code, docs = pd.factorize(sentences["doc_id"].array)
    sent = sentences["sent_id"].to_numpy(dtype=np.int64, na_value=-1)
    hit_doc = pd.Index(docs).get_indexer(hits["doc_id"].array) if len(docs) else np.full(len(hits), -1)
    hit_sent = hits["sent_id"].to_numpy(dtype=np.int64, na_value=-1)
    if not len(sent) or not len(hits):
        return np.full(len(hits), -1, dtype=np.int64), np.empty(0, dtype=np.int64), []
    span = int(max(sent.max(), hit_sent.max())) + 2
    keys = doc_code.astype(np.int64) * span + sent + 1
    order = np.argsort(keys, kind="stable")
    wanted = hit_doc.astype(np.int64) * span + hit_sent + 1
    row = order[np.minimum(np.searchsorted(keys[order], wanted), len(order) - 1)]
    found = (hit_doc >= 0) & (keys[row] == wanted)
    used, where = np.unique(row[found], return_inverse=True)
    out = np.full(len(hits), -1, dtype=np.int64)
    out[found] = where.ravel()
    starts = sentences["start"].array.take(used).to_numpy(dtype=np.int64, na_value=-1)
    texts = [t if isinstance(t, str) else "" for t in sentences["text"].array.take(used)]
    return out, starts, texts
