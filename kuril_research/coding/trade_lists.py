"""Lists in trade mentions: "fish, crab and sea urchin" is one mention, not three.

See :func:`kuril_research.coding.trade.trade_mentions` for the rule in context.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from kuril_research.coding.hit_sentences import hit_sentences

__all__ = ["JOINER_RE", "merge_lists"]

#: What may stand between two mentions of a list: a comma, "and", "or", "as well as", "&".
JOINER_RE = re.compile(r"\s*(?:,|,?\s*(?:and|or|as well as|&))\s*")


def merge_lists(hits: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Merge consecutive mentions of one category and polarity in a sentence joined by a list word.

    Two mentions are joined when only :data:`JOINER_RE` stands between them ("fish, crab and
    sea urchin"): the first keeps its row, its ``end`` and ``surface`` reach over the second,
    and the second's row is dropped.

    Parameters
    ----------
    hits : DataFrame
        Trade cue matches (``doc_id, sent_id, category, polarity, surface, start, end``), in order.
    sentences : DataFrame
        Table ``sentences``.

    Returns
    -------
    DataFrame
        The rows kept, renumbered.

    Examples
    --------
    >>> from kuril_research.testing import corpus_of_sentences
    >>> c = corpus_of_sentences({"a": [["Exports of crab and scallops rose."]]})
    >>> hits = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 0], "category": ["fisheries"] * 2,
    ...                      "polarity": ["cooperation"] * 2, "surface": ["crab", "scallops"],
    ...                      "start": [11, 20], "end": [15, 28]})
    >>> merge_lists(hits, c.sentences)[["surface", "start", "end"]]
              surface  start  end
    0  crab and scallops     11   28
    """
    hits = hits.reset_index(drop=True)
    if len(hits) < 2:
        return hits
    key = ["doc_id", "sent_id", "category", "polarity"]
    same = (hits[key].iloc[1:].reset_index(drop=True) == hits[key].iloc[:-1].reset_index(drop=True)).all(axis=1)
    candidates = np.flatnonzero(same.to_numpy(dtype=bool)) + 1         # rows that may join the row before
    if not len(candidates):
        return hits
    # the sentences of the rows that may join and of the rows before them (all a head can be)
    need = np.union1d(candidates, candidates - 1)
    found, starts, texts = hit_sentences(hits.iloc[need], sentences)
    where = np.full(len(hits), -1, dtype=np.int64)
    where[need] = found
    keep = np.ones(len(hits), dtype=bool)
    start = hits["start"].to_numpy(dtype=np.int64)
    end = hits["end"].to_numpy(dtype=np.int64).copy()
    joined_to = np.arange(len(hits))
    for i in candidates.tolist():
        head, k = joined_to[i - 1], where[i]
        if k < 0:
            continue
        s_start, text = starts[k], texts[k]
        if JOINER_RE.fullmatch(text[end[head] - int(s_start):start[i] - int(s_start)]):
            end[head] = end[i]
            keep[i] = False
            joined_to[i] = head
    if keep.all():
        return hits
    merged = np.flatnonzero(~keep)
    heads = np.unique(joined_to[merged])
    surface = hits["surface"].astype(object).to_numpy().copy()
    for h in heads.tolist():
        s_start, text = starts[where[h]], texts[where[h]]
        surface[h] = text[start[h] - int(s_start):end[h] - int(s_start)]
    hits["end"] = pd.array(end, dtype="Int64")
    hits["surface"] = pd.array(surface, dtype="string")
    return hits[keep].reset_index(drop=True)
