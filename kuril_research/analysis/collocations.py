"""Score word pairs that occur together (collocations) by four association measures.

:func:`collocations` counts ordered pairs within a window in the token stream
(:mod:`kuril_research.tokens`) and scores each from one 2×2 table of pair tokens
(G² from :mod:`kuril_research.analysis.association`); the formulas are on the
function. :mod:`kuril_research.analysis.frequency` re-exports it
(``kr.frequency.collocations``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Unpack

import numpy as np
import pandas as pd

from kuril_research.analysis import association
from kuril_research.checks import choice, positive_int
from kuril_research.corpus import Corpus
from kuril_research.errors import ParameterError
from kuril_research.tokens import TokenOptions, blocks, prepare, release_pages

__all__ = ["MEASURES", "Measure", "collocations"]

#: The association measures :func:`collocations` can add, in their default order.
MEASURES = ("log_likelihood", "pmi", "t_score", "log_dice")
Measure = Literal["log_likelihood", "pmi", "t_score", "log_dice"]


def collocations(
    corpus: Corpus,
    *,
    window: int = 1,
    measures: Sequence[Measure] = MEASURES,
    sort_by: Measure = "log_likelihood",
    min_count: int = 2,
    node: str | None = None,
    **token_options: Unpack[TokenOptions],
) -> pd.DataFrame:
    """Score ordered word pairs (w1 followed by w2 within a window) by association.

    Pairs are counted in the stream without the tokens that ``keep_punct`` and
    ``keep_numbers`` drop, within one sentence: w2 follows w1 by 1..``window``
    tokens (``window=1``: adjacent bigrams, so ``o11`` equals the
    :func:`~kuril_research.analysis.frequency.ngrams` count). Every statistic comes from one 2×2 table of *pair*
    tokens (Evert 2008, "surface co-occurrence"), which is always consistent:

    * ``o11`` -- pairs (w1, w2);
    * ``f1`` -- pairs with w1 first; ``f2`` -- pairs with w2 second (for
      ``window=1`` the token frequencies, less sentence-final/initial positions);
    * ``n`` -- all pairs; ``E11 = f1·f2/n``.

    Measures (zero handling: ``o11 ≥ min_count ≥ 1``, so all are finite):

    * ``pmi`` = log2(o11 / E11);
    * ``log_likelihood`` (Dunning 1993) G² = 2 Σ O_ij ln(O_ij / E_ij) over the four
      cells O = [[o11, f1−o11], [f2−o11, n−f1−f2+o11]] with E_ij = row_i·col_j/n;
      an empty cell adds 0 (lim x ln x = 0). Unsigned: compare ``o11`` with E11
      (or the sign of ``pmi``) for the direction;
    * ``t_score`` = (o11 − E11) / √o11;
    * ``log_dice`` (Rychlý 2008) = 14 + log2(2·o11 / (f1 + f2)); at most 14.

    Stop words (``stopwords``) only hide pairs containing one; they still count in
    ``f1``, ``f2`` and ``n``, so the scores do not depend on the stop list.

    Parameters
    ----------
    corpus : Corpus
    window : int, default 1
        Largest distance from w1 to w2, in tokens.
    measures : sequence of {"log_likelihood", "pmi", "t_score", "log_dice"}
        Score columns to add (default: all four).
    sort_by : {"log_likelihood", "pmi", "t_score", "log_dice"}, default "log_likelihood"
        Sort descending by this measure (must be in ``measures``), then w1, w2.
    min_count : int, default 2
        Smallest ``o11`` reported.
    node : str, optional
        Report only pairs with this token as w1 or w2: a word, an entity id, or a
        mention's spelling (``"Khabomai"`` means its entity, ``habomai``).
    **token_options
        As for :func:`~kuril_research.tokens.tokens`.

    Returns
    -------
    DataFrame
        ``w1, w2, o11, f1, f2, n`` and the requested measures.

    Examples
    --------
    >>> from kuril_research.testing import two_habomai_articles
    >>> corpus = two_habomai_articles()
    >>> c = collocations(corpus, min_count=1, node="habomai", stopwords=None)
    >>> print(c[["w1", "w2", "o11", "f1", "f2", "n", "log_dice"]].to_string(index=False))
         w1      w2  o11  f1  f2  n  log_dice
    habomai    back    1   2   1 18 13.415037
    habomai islands    1   2   1 18 13.415037
      wants habomai    1   1   2 18 13.415037
        the habomai    1   2   2 18 13.000000
    """
    prep = prepare(corpus, token_options)
    window = positive_int(window, "window")
    min_count = positive_int(min_count, "min_count")
    measures = list(measures)
    for measure in measures:
        choice(measure, "measures", MEASURES)
    choice(sort_by, "sort_by", measures)
    st = prep.st
    vocabulary = len(st.tuniq)
    stop_code = np.zeros(vocabulary, dtype=bool)
    f1_all = np.zeros(vocabulary, dtype=np.int64)
    f2_all = np.zeros(vocabulary, dtype=np.int64)
    n = 0
    keys, counts = [np.empty(0, np.int64)], [np.empty(0, np.int64)]
    # block by block of whole documents (a window never crosses a sentence, so never a block): temporary
    # arrays are bounded by the block, and the pairs of all blocks are counted once at the end
    for lo, hi in blocks(st.doc_first):
        stop_code[st.tcode[lo:hi][prep.stop[lo:hi]]] = True
    for lo, hi in blocks(st.doc_first):
        rows = np.flatnonzero(prep.base[lo:hi])
        code, sent = st.tcode[lo:hi][rows].astype(np.int64), st.sent[lo:hi][rows]
        del rows
        block_keys = [np.empty(0, np.int64)]
        # pairs each token begins (as w1) and ends (as w2): f1 and f2 are their sums per token text
        begins, ends = np.zeros(len(code), dtype=np.int64), np.zeros(len(code), dtype=np.int64)
        shown = ~stop_code[code]                        # pairs with a stop word count in f1, f2 and n only
        for distance in range(1, window + 1):
            m = len(code) - distance
            if m <= 0:
                break
            same = sent[:m] == sent[distance:]
            begins[:m] += same
            ends[distance:] += same
            same &= shown[:m] & shown[distance:]
            block_keys.append(code[:m][same] * vocabulary + code[distance:][same])
        n += int(begins.sum())
        f1_all += np.bincount(code, weights=begins.astype(np.float64), minlength=vocabulary).astype(np.int64)
        f2_all += np.bincount(code, weights=ends.astype(np.float64), minlength=vocabulary).astype(np.int64)
        del begins, ends, shown
        # the block's pairs of every distance counted at once, numbered by hashing (a sort per distance took four
        # times as long; the numbering never reaches the result, whose pairs are ordered below)
        pair_code, pair_key = pd.factorize(np.concatenate(block_keys))
        keys.append(pair_key)
        counts.append(np.bincount(pair_code, minlength=len(pair_key)))
        del block_keys, pair_code
    release_pages(st.stream)
    pairs, pair_code = np.unique(np.concatenate(keys), return_inverse=True)
    o11 = np.bincount(pair_code.ravel(), weights=np.concatenate(counts), minlength=len(pairs)).astype(np.int64)
    w1, w2 = pairs // max(vocabulary, 1), pairs % max(vocabulary, 1)
    keep = o11 >= min_count
    if node is not None:
        first, last = prep.match(node)
        if (first != last).any():
            raise ParameterError(f"node {node!r} is more than one token", field="node",
                                 hint="pass one word, an entity id or the spelling of a mention")
        node_codes = np.unique(st.tcode[first])
        keep &= np.isin(w1, node_codes) | np.isin(w2, node_codes)
    w1, w2, o11 = w1[keep], w2[keep], o11[keep].astype(float)
    f1, f2 = f1_all[w1].astype(float), f2_all[w2].astype(float)
    expected = f1 * f2 / n if n else np.zeros(0)
    out = pd.DataFrame({
        "w1": pd.array(st.tuniq[w1], dtype="string"),
        "w2": pd.array(st.tuniq[w2], dtype="string"),
        "o11": pd.array(o11.astype(np.int64), dtype="Int64"),
        "f1": pd.array(f1.astype(np.int64), dtype="Int64"),
        "f2": pd.array(f2.astype(np.int64), dtype="Int64"),
        "n": pd.array(np.full(len(w1), n, dtype=np.int64), dtype="Int64"),
    })
    scores = {
        "log_likelihood": lambda: association.g2(o11, f1 - o11, f2 - o11, n - f1 - f2 + o11),
        "pmi": lambda: np.log2(o11 / expected),
        "t_score": lambda: (o11 - expected) / np.sqrt(o11),
        "log_dice": lambda: 14 + np.log2(2 * o11 / (f1 + f2)),
    }
    for measure in measures:
        out[measure] = scores[measure]()
    out = out.sort_values([sort_by, "w1", "w2"], ascending=[False, True, True], kind="mergesort")
    return out.reset_index(drop=True)
