"""Count words, n-grams, collocations and keywords; the public entry point of every count.

This module counts; what it shares with the other analyses of the token stream
lives in modules of its own, and data flows one way through them
(``token_stream`` → ``token_options`` → ``token_query`` → ``dispersion``,
``concordance`` → ``frequency``, which also uses ``association``):

* :mod:`kuril_research.tokens.stream` -- the token stream every function reads
  (how text becomes tokens, reuse of the stream);
* :mod:`kuril_research.tokens.options` -- the token options, stop words, the
  checks of shared parameters, and :func:`~kuril_research.tokens.options.tokens`;
* :mod:`kuril_research.tokens.query` -- finding a word, phrase or entity in the stream;
* :mod:`kuril_research.analysis.association` -- the 2×2-table statistics (G², its
  p-value, Benjamini–Hochberg) shared by :func:`collocations` and :func:`keyness`;
* :mod:`kuril_research.analysis.dispersion` -- :func:`~kuril_research.analysis.dispersion.dispersion`,
  :func:`~kuril_research.analysis.dispersion.positions` and :func:`~kuril_research.analysis.dispersion.trend`;
* :mod:`kuril_research.analysis.concordance` -- :func:`~kuril_research.analysis.concordance.kwic`.

Every name of :data:`__all__` can be imported from here, which is how notebooks
call them (``kr.frequency.word_list``, ``kr.frequency.kwic``, ...).

Statistics and their zero handling are documented on each function; every
logarithm of zero is avoided by the rule stated there, never by silently dropping
rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Union, Unpack

import numpy as np
import pandas as pd

from kuril_research.analysis.association import _benjamini_hochberg, _chi2_sf_df1, _g2
from kuril_research.analysis.concordance import kwic
from kuril_research.corpus.build import Corpus
from kuril_research.analysis.dispersion import dispersion, positions, trend
from kuril_research.errors import ParameterError
from kuril_research.tokens.options import TokenOptions, _choice, _positive_int, _Prepared, _prepare, tokens
from kuril_research.tokens.query import _match
from kuril_research.tokens.stream import (
    STREAM_COLUMNS  # noqa: F401  (re-exported: kr.frequency.STREAM_COLUMNS,
)
from kuril_research.tokens.stream import TOKEN_RE

__all__ = [
    "TOKEN_RE",
    "PCT_DIFF_ZERO",
    "TokenOptions",
    "tokens",
    "word_list",
    "ngrams",
    "collocations",
    "keyness",
    "dispersion",
    "positions",
    "trend",
    "kwic",
]

#: Stand-in for a zero normalised reference frequency in %DIFF (Gabrielatos & Marchi 2012).
PCT_DIFF_ZERO = 1e-18


def _by_columns(corpus: Corpus, by: str | Sequence[str] | None) -> list[str]:
    columns = [] if by is None else [by] if isinstance(by, str) else list(by)
    for column in columns:
        if column not in corpus.documents.columns:
            raise ParameterError(f"unknown documents column {column!r}", field="by",
                                 hint="use columns of corpus.documents, e.g. 'outlet' or 'year'")
    return columns


# --------------------------------------------------------------------------- word lists and n-grams


def _groups(documents: pd.DataFrame, by: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(group code of each document, a document row of each group); one group when ``by`` is empty."""
    if not by:
        return np.zeros(len(documents), dtype=np.int64), np.zeros(1 if len(documents) else 0, dtype=np.int64)
    codes = documents.groupby(by, dropna=False, sort=False).ngroup().to_numpy(dtype=np.int64)
    _, first_row = np.unique(codes, return_index=True)
    return codes, first_row


def _doc_freq(cell: np.ndarray, doc: np.ndarray, cells: np.ndarray, n_docs: int) -> np.ndarray:
    """Number of distinct documents among the units of each of ``cells`` (counted for those cells only)."""
    local = np.full(int(cell.max()) + 1 if len(cell) else 0, -1, dtype=np.int64)
    local[cells] = np.arange(len(cells))
    mine = local[cell] if len(cell) else np.empty(0, np.int64)
    rows = np.flatnonzero(mine >= 0)
    pair = mine[rows] * n_docs + doc[rows]
    if len(cells) * n_docs <= 50_000_000:               # a few terms: a (term × document) grid is cheapest
        seen = np.zeros(len(cells) * n_docs, dtype=bool)
        seen[pair] = True
        return seen.reshape(len(cells), n_docs).sum(axis=1)
    return np.bincount(pd.unique(pair) // n_docs, minlength=len(cells))


def _frequency_table(corpus: Corpus, doc: np.ndarray, code: np.ndarray, strings_of, *,
                     by: list[str], min_count: int, top: int | None) -> pd.DataFrame:
    """Count term codes per group: count, per_10k, doc_freq, range_pct.

    ``doc`` and ``code`` give each counted unit's document and term (codes are
    non-negative integers); ``strings_of(codes)`` returns the text of some term
    codes, and is asked only for the terms reported.
    """
    documents = corpus.documents
    n_docs = max(len(documents), 1)
    doc_group, group_row = _groups(documents, by)
    n_groups = max(len(group_row), 1)
    group = doc_group[doc]
    vocabulary = int(code.max()) + 1 if len(code) else 1
    if n_groups > 1:
        cell, keys = pd.factorize(group * vocabulary + code)       # (group, term) → cell
        keys = np.asarray(keys, dtype=np.int64)
        cell_group, cell_term = keys // vocabulary, keys % vocabulary
    else:
        cell = code
        cell_group, cell_term = np.zeros(vocabulary, dtype=np.int64), np.arange(vocabulary)
    count = np.bincount(cell, minlength=len(cell_term))
    totals = np.bincount(group, minlength=n_groups)
    group_docs = np.bincount(doc_group, minlength=n_groups)
    keep = np.flatnonzero((count >= min_count) & (count > 0))
    if top is not None and len(keep):
        # candidates: cells counted at least as often as the top-th of their group (ties kept)
        order = keep[np.lexsort((-count[keep], cell_group[keep]))]
        g = cell_group[order]
        rank = np.arange(len(order)) - np.searchsorted(g, g, side="left")
        floor = np.full(n_groups, 0, dtype=np.int64)
        at_top = rank == top - 1
        floor[g[at_top]] = count[order[at_top]]
        keep = keep[count[keep] >= floor[cell_group[keep]]]
    doc_freq = _doc_freq(cell, doc, keep, n_docs)
    out = documents[by].iloc[group_row[cell_group[keep]]].reset_index(drop=True) if by \
        else pd.DataFrame(index=range(len(keep)))
    out["term"] = pd.array(np.asarray(strings_of(cell_term[keep]), dtype=object), dtype="string")
    out["count"] = pd.array(count[keep], dtype="Int64")
    out["per_10k"] = count[keep] / totals[cell_group[keep]] * 10_000
    out["doc_freq"] = pd.array(doc_freq, dtype="Int64")
    out["range_pct"] = doc_freq / group_docs[cell_group[keep]] * 100
    out = out.sort_values([*by, "count", "term"], ascending=[True] * len(by) + [False, True],
                          na_position="last", kind="mergesort")
    if top is not None:
        out = out.groupby(by, dropna=False, sort=False).head(top) if by else out.head(top)
    return out.reset_index(drop=True)


def _ngram_units(prep: _Prepared, n: int) -> tuple[np.ndarray, np.ndarray, object]:
    """N-grams of the filtered stream: (document code, n-gram code, function giving the texts of codes)."""
    st = prep.st
    rows = np.flatnonzero(prep.base)
    m = len(rows) - n + 1
    if m <= 0:
        return np.empty(0, np.int64), np.empty(0, np.int64), lambda codes: np.empty(0, object)
    ok = ~prep.stop[rows[:m]] & ~prep.stop[rows[n - 1:n - 1 + m]]
    for j in range(1, n):
        ok &= st.sent[rows[j:j + m]] == st.sent[rows[:m]]
    first = rows[np.flatnonzero(ok)]                    # stream row of each n-gram's first token
    if n == 1:
        return st.doc[first], st.tcode[first], lambda codes: st.tuniq[codes]
    positions = np.flatnonzero(ok)
    key = st.tcode[first].astype(np.int64)
    for j in range(1, n):
        key, _ = pd.factorize(key * len(st.tuniq) + st.tcode[rows[positions + j]])
    # factorize numbers n-grams in order of first appearance: first occurrences are the new maxima
    new = np.ones(len(key), dtype=bool)
    new[1:] = key[1:] > np.maximum.accumulate(key)[:-1]
    where = positions[new]                              # position in ``rows`` of each code's first n-gram

    def strings_of(codes: np.ndarray) -> np.ndarray:
        at = where[codes]
        strings = st.tuniq[st.tcode[rows[at]]]
        for j in range(1, n):
            strings = strings + " " + st.tuniq[st.tcode[rows[at + j]]]
        return strings

    return st.doc[first], key.astype(np.int64), strings_of


def word_list(
    corpus: Corpus,
    *,
    by: str | Sequence[str] | None = None,
    top: int | None = None,
    min_count: int = 1,
    **token_options: Unpack[TokenOptions],
) -> pd.DataFrame:
    """Count terms, overall or per group of documents.

    Parameters
    ----------
    corpus : Corpus
    by : str or list of str, optional
        Columns of ``corpus.documents`` to group by (e.g. ``"outlet"``, ``"year"``);
        documents with a missing value form their own ``<NA>`` group.
    top : int, optional
        Keep the ``top`` most frequent terms of each group.
    min_count : int, default 1
        Drop terms whose count in the group is lower.
    **token_options
        ``stem``, ``stopwords``, ``keep_punct``, ``keep_numbers``, ``lowercase``
        (:func:`tokens`).

    Returns
    -------
    DataFrame
        ``[by...,] term, count, per_10k, doc_freq, range_pct``, sorted by group,
        then ``count`` descending, then ``term``.

        * ``count`` -- occurrences of the term in the group;
        * ``per_10k`` = count / tokens in the group × 10,000 (tokens under the
          options, i.e. the rows :func:`tokens` returns for the group);
        * ``doc_freq`` -- documents of the group containing the term;
        * ``range_pct`` = doc_freq / documents in the group × 100 (all documents
          of the group, also those with no tokens).

    Examples
    --------
    >>> from kuril_research.testing import two_habomai_articles
    >>> corpus = two_habomai_articles()

    Habomai (document a) and Khabomai (b) pool as ``habomai``; 22 tokens in all when every word counts:

    >>> print(word_list(corpus, top=3, stopwords=None).to_string(index=False))
       term  count    per_10k  doc_freq  range_pct
    habomai      2 909.090909         2      100.0
        the      2 909.090909         1       50.0
     treaty      2 909.090909         2      100.0

    By default the shipped stop words (*the*, *a*, *on*, ...) are left out:

    >>> print(word_list(corpus, by="outlet", top=1).to_string(index=False))
    outlet    term  count     per_10k  doc_freq  range_pct
     Kyodo habomai      1 1250.000000         1      100.0
      TASS    back      1 1111.111111         1      100.0
    """
    prep = _prepare(corpus, token_options)
    if top is not None:
        _positive_int(top, "top")
    doc, code, strings_of = _ngram_units(prep, 1)
    return _frequency_table(corpus, doc, code, strings_of, by=_by_columns(corpus, by),
                            min_count=_positive_int(min_count, "min_count"), top=top)


def ngrams(
    corpus: Corpus,
    n: int = 2,
    *,
    by: str | Sequence[str] | None = None,
    top: int | None = None,
    min_count: int = 1,
    **token_options: Unpack[TokenOptions],
) -> pd.DataFrame:
    """Count n-grams (sequences of n tokens within one sentence).

    N-grams are read from the stream without the tokens that ``keep_punct`` and
    ``keep_numbers`` drop (so with the defaults ``Japan, Russia`` gives
    ``japan russia``; pass ``keep_punct=True`` to keep the comma as a token) and
    never cross a sentence boundary. With
    ``stopwords``, an n-gram that starts or ends with a stop word is dropped
    (``treaty of peace`` stays); stop words do not close gaps. ``ngrams(c, 1)``
    equals ``word_list(c)``.

    Parameters
    ----------
    corpus : Corpus
    n : {1, 2, 3}, default 2
    by, top, min_count, **token_options
        As for :func:`word_list`.

    Returns
    -------
    DataFrame
        ``[by...,] term, count, per_10k, doc_freq, range_pct`` as for
        :func:`word_list`, where ``term`` is the n-gram with tokens joined by a
        space and ``per_10k`` is per 10,000 n-grams counted in the group.

    Examples
    --------
    >>> from kuril_research.testing import two_habomai_articles
    >>> corpus = two_habomai_articles()
    >>> print(ngrams(corpus, 2, top=2, stopwords=None).to_string(index=False))
            term  count    per_10k  doc_freq  range_pct
        a treaty      1 555.555556         1       50.0
    habomai back      1 555.555556         1       50.0
    >>> ngrams(corpus, 3).term.tolist()[:3]
    ['habomai islands lie', 'islands lie near', 'japan wants habomai']
    """
    prep = _prepare(corpus, token_options)
    _choice(n, "n", (1, 2, 3))
    if top is not None:
        _positive_int(top, "top")
    doc, code, strings_of = _ngram_units(prep, n)
    return _frequency_table(corpus, doc, code, strings_of, by=_by_columns(corpus, by),
                            min_count=_positive_int(min_count, "min_count"), top=top)


# --------------------------------------------------------------------------- collocations


_MEASURES = ("log_likelihood", "pmi", "t_score", "log_dice")
Measure = Literal["log_likelihood", "pmi", "t_score", "log_dice"]


def collocations(
    corpus: Corpus,
    *,
    window: int = 1,
    measures: Sequence[Measure] = _MEASURES,
    sort_by: Measure = "log_likelihood",
    min_count: int = 2,
    node: str | None = None,
    **token_options: Unpack[TokenOptions],
) -> pd.DataFrame:
    """Score ordered word pairs (w1 followed by w2 within a window) by association.

    Pairs are counted in the stream without the tokens that ``keep_punct`` and
    ``keep_numbers`` drop, within one sentence: w2 follows w1 by 1..``window``
    tokens (``window=1``: adjacent bigrams, so ``o11`` equals the
    :func:`ngrams` count). Every statistic comes from one 2×2 table of *pair*
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
        As for :func:`tokens`.

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
    prep = _prepare(corpus, token_options)
    window = _positive_int(window, "window")
    min_count = _positive_int(min_count, "min_count")
    measures = list(measures)
    for measure in measures:
        _choice(measure, "measures", _MEASURES)
    _choice(sort_by, "sort_by", measures)
    st = prep.st
    rows = np.flatnonzero(prep.base)
    code, sent = st.tcode[rows].astype(np.int64), st.sent[rows]
    del rows
    vocabulary = len(st.tuniq)
    stop_code = np.zeros(vocabulary, dtype=bool)
    stop_code[st.tcode[prep.stop]] = True
    f1_all = np.zeros(vocabulary, dtype=np.int64)
    f2_all = np.zeros(vocabulary, dtype=np.int64)
    n = 0
    keys, counts = [np.empty(0, np.int64)], [np.empty(0, np.int64)]
    for distance in range(1, window + 1):              # counted distance by distance, to bound memory
        m = len(code) - distance
        if m <= 0:
            break
        same = sent[:m] == sent[distance:]
        xc, yc = code[:m][same], code[distance:][same]
        n += len(xc)
        f1_all += np.bincount(xc, minlength=vocabulary)
        f2_all += np.bincount(yc, minlength=vocabulary)
        shown = ~stop_code[xc] & ~stop_code[yc]         # pairs with a stop word count in f1, f2 and n only
        xc, yc = xc[shown], yc[shown]
        pair_code, pair_key = pd.factorize(xc * vocabulary + yc)
        keys.append(np.asarray(pair_key, dtype=np.int64))
        counts.append(np.bincount(pair_code, minlength=len(pair_key)))
    pair_code, pairs = pd.factorize(np.concatenate(keys))
    pairs = np.asarray(pairs, dtype=np.int64)
    o11 = np.bincount(pair_code, weights=np.concatenate(counts), minlength=len(pairs)).astype(np.int64)
    w1, w2 = pairs // max(vocabulary, 1), pairs % max(vocabulary, 1)
    keep = o11 >= min_count
    if node is not None:
        first, last = _match(prep, node)
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
        "log_likelihood": lambda: _g2(o11, f1 - o11, f2 - o11, n - f1 - f2 + o11),
        "pmi": lambda: np.log2(o11 / expected),
        "t_score": lambda: (o11 - expected) / np.sqrt(o11),
        "log_dice": lambda: 14 + np.log2(2 * o11 / (f1 + f2)),
    }
    for measure in measures:
        out[measure] = scores[measure]()
    out = out.sort_values([sort_by, "w1", "w2"], ascending=[False, True, True], kind="mergesort")
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------- keyness


Selection = Union[pd.Series, np.ndarray, Sequence[bool], tuple]


def _select(corpus: Corpus, selection: Selection, name: str) -> np.ndarray:
    documents = corpus.documents
    if isinstance(selection, tuple) and len(selection) == 2 and isinstance(selection[0], str):
        column, value = selection
        if column not in documents.columns:
            raise ParameterError(f"unknown documents column {column!r}", field=name,
                                 hint="pass (column, value) with a column of corpus.documents")
        values = documents[column]
        mask = values.isin(list(value)) if isinstance(value, (list, set, frozenset)) else values == value
        return mask.fillna(False).to_numpy(dtype=bool)
    if isinstance(selection, pd.Series):
        if not selection.index.equals(documents.index):
            raise ParameterError(f"{name}: a boolean Series must have the index of corpus.documents", field=name,
                                 hint="build it from corpus.documents, e.g. corpus.documents.outlet == 'TASS'")
        selection = selection.fillna(False).to_numpy()
    mask = np.asarray(selection)
    if mask.dtype != bool or mask.shape != (len(documents),):
        raise ParameterError(f"{name} must be one boolean per document ({len(documents)}) or a (column, value) pair",
                             field=name, hint="e.g. ('outlet', 'TASS') or corpus.documents.year == 2019")
    return mask


def keyness(
    corpus: Corpus,
    target: Selection,
    reference: Selection | None = None,
    *,
    min_count: int = 1,
    **token_options: Unpack[TokenOptions],
) -> pd.DataFrame:
    """Compare term frequencies in target documents with reference documents.

    For each term, the 2×2 table has a = frequency in the target, b = in the
    reference, c = C − a and d = D − b, where C and D are the target and reference
    sizes in tokens (under the token options).

    * ``g2`` -- log-likelihood (Dunning 1993; Rayson & Garside 2000): G² = 2 Σ O ln(O/E)
      over all four cells a, b, c, d, with E = row total × column total / N; an
      empty cell adds 0 (lim x ln x = 0). (The UCREL web calculator sums only the
      a and b cells, so its values are slightly different.)
    * ``p_value`` -- chi-square with 1 degree of freedom: erfc(√(G²/2)).
    * ``p_adjusted`` -- Benjamini–Hochberg over the rows returned.
    * ``log_ratio`` (Hardie 2014) = log2((a/C) / (b/D)); a zero a or b is replaced
      by 0.5 (so the value stays finite and conservative).
    * ``pct_diff`` (%DIFF, Gabrielatos & Marchi 2012) = (nf_t − nf_r)·100 / nf_r with
      nf the ``per_10k`` frequencies; a zero nf_r is replaced by
      :data:`PCT_DIFF_ZERO` (1e-18) as Gabrielatos & Marchi do, so a term absent
      from the reference has a huge but finite %DIFF.
    * ``direction`` -- ``target`` when a/C > b/D, ``reference`` when a/C < b/D,
      ``<NA>`` when equal.

    Parameters
    ----------
    corpus : Corpus
    target : boolean Series/array over ``corpus.documents``, or (column, value)
        The target documents; ``value`` may be a list (any of them).
    reference : same as target, optional
        The reference documents; default all documents not in the target.
        Must not overlap the target.
    min_count : int, default 1
        Drop terms with a + b lower.
    **token_options
        As for :func:`tokens`.

    Returns
    -------
    DataFrame
        ``term, freq_target, freq_reference, per_10k_target, per_10k_reference,
        g2, log_ratio, pct_diff, p_value, p_adjusted, direction``, sorted by ``g2``
        descending, then ``term``.

    Raises
    ------
    ParameterError
        If a selection is malformed, target and reference overlap, or either has no tokens.

    Examples
    --------
    >>> from kuril_research.testing import two_habomai_articles
    >>> corpus = two_habomai_articles()

    TASS (document a, 9 tokens without stop words) against the rest (b, 8 tokens):

    >>> k = keyness(corpus, ("outlet", "TASS"), stopwords="default").set_index("term")
    >>> print(k.loc[["sergey_lavrov", "habomai"], ["freq_target", "freq_reference", "log_ratio", "direction"]])
                   freq_target  freq_reference  log_ratio  direction
    term
    sergey_lavrov            1               0   0.830075     target
    habomai                  1               1  -0.169925  reference
    """
    prep = _prepare(corpus, token_options)
    min_count = _positive_int(min_count, "min_count")
    in_target = _select(corpus, target, "target")
    in_reference = ~in_target if reference is None else _select(corpus, reference, "reference")
    if (in_target & in_reference).any():
        raise ParameterError("target and reference share documents", field="reference",
                             hint="make the selections disjoint, or omit reference to use all other documents")
    st = prep.st
    rows = np.flatnonzero(prep.kept)
    codes, docs = st.tcode[rows], st.doc[rows]
    vocabulary = len(st.tuniq)
    a_all = np.bincount(codes[in_target[docs]], minlength=vocabulary)
    b_all = np.bincount(codes[in_reference[docs]], minlength=vocabulary)
    size_t, size_r = int(a_all.sum()), int(b_all.sum())
    for size, name in ((size_t, "target"), (size_r, "reference")):
        if size == 0:
            raise ParameterError(f"the {name} documents have no tokens", field=name,
                                 hint="check the selection and the token options")
    terms = np.flatnonzero((a_all + b_all >= min_count) & (a_all + b_all > 0))
    a, b = a_all[terms].astype(float), b_all[terms].astype(float)
    nf_t, nf_r = a / size_t * 10_000, b / size_r * 10_000
    g2 = _g2(a, b, size_t - a, size_r - b)
    p_value = _chi2_sf_df1(g2)
    cross_t, cross_r = a_all[terms] * size_r, b_all[terms] * size_t      # a/C vs b/D, exactly in integers
    direction = np.where(cross_t > cross_r, "target", np.where(cross_t < cross_r, "reference", None))
    out = pd.DataFrame({
        "term": pd.array(st.tuniq[terms], dtype="string"),
        "freq_target": pd.array(a.astype(np.int64), dtype="Int64"),
        "freq_reference": pd.array(b.astype(np.int64), dtype="Int64"),
        "per_10k_target": nf_t,
        "per_10k_reference": nf_r,
        "g2": g2,
        "log_ratio": np.log2((np.where(a > 0, a, 0.5) / size_t) / (np.where(b > 0, b, 0.5) / size_r)),
        "pct_diff": (nf_t - nf_r) * 100 / np.where(nf_r > 0, nf_r, PCT_DIFF_ZERO),
        "p_value": p_value,
        "p_adjusted": _benjamini_hochberg(p_value),
        "direction": pd.array(direction.astype(object), dtype="string"),
    })
    out = out.sort_values(["g2", "term"], ascending=[False, True], kind="mergesort")
    return out.reset_index(drop=True)
