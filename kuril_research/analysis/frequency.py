"""Count words and n-grams; the public entry point of every count.

This module counts words and n-grams; the other counts live in modules of their
own, and every one of them can be imported from here, which is how notebooks
call them (``kr.frequency.word_list``, ``kr.frequency.keyness``,
``kr.frequency.kwic``, ...). Data flows one way
(:mod:`kuril_research.tokens` → ``dispersion``, ``concordance``,
``collocations``, ``keyness`` → ``frequency``; the last two use ``association``):

* :mod:`kuril_research.tokens` -- the token stream every function reads (how text
  becomes tokens, reuse of the stream), the token options and stop words,
  :func:`~kuril_research.tokens.tokens`, and finding a word, phrase or entity in the stream;
* :mod:`kuril_research.analysis.collocations` -- :func:`~kuril_research.analysis.collocations.collocations`;
* :mod:`kuril_research.analysis.keyness` -- :func:`~kuril_research.analysis.keyness.keyness`;
* :mod:`kuril_research.analysis.association` -- the 2×2-table statistics (G², its
  p-value, Benjamini–Hochberg) shared by :func:`collocations` and :func:`keyness`;
* :mod:`kuril_research.analysis.dispersion` -- :func:`~kuril_research.analysis.dispersion.dispersion`,
  :func:`~kuril_research.analysis.dispersion.positions` and :func:`~kuril_research.analysis.dispersion.trend`;
* :mod:`kuril_research.analysis.concordance` -- :func:`~kuril_research.analysis.concordance.kwic`.

Statistics and their zero handling are documented on each function; every
logarithm of zero is avoided by the rule stated there, never by silently dropping
rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Unpack

import numpy as np
import pandas as pd

from kuril_research.analysis.collocations import collocations
from kuril_research.analysis.concordance import kwic
from kuril_research.analysis.dispersion import dispersion, positions, trend
from kuril_research.analysis.keyness import PCT_DIFF_ZERO, keyness
from kuril_research.checks import choice, positive_int
from kuril_research.corpus import Corpus
from kuril_research.grouping import by_columns, document_groups
from kuril_research.tokens import (
    STREAM_COLUMNS,  # noqa: F401  (re-exported: kr.frequency.STREAM_COLUMNS)
    TOKEN_RE,
    Prepared,
    TokenOptions,
    blocks,
    prepare,
    distinct_pairs,
    release_pages,
    tokens,
)

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


# --------------------------------------------------------------------------- word lists and n-grams


#: Above this many (group, term) cells, cells are numbered by a sort of the pairs instead of a dense count.
DENSE_CELLS = 8_000_000


def _frequency_table(corpus: Corpus, groups: tuple[np.ndarray, np.ndarray], group: np.ndarray, code: np.ndarray,
                     units: np.ndarray, docs: np.ndarray | None, strings_of, *,
                     by: list[str], min_count: int, top: int | None) -> pd.DataFrame:
    """Count term codes per group: count, per_10k, doc_freq, range_pct.

    ``groups`` is :func:`~kuril_research.grouping.document_groups` of the
    documents (group of each document, first row of each group). Each row of
    ``group``, ``code``, ``units`` and ``docs`` is a cell (group, term) or part
    of one: its count of counted units and its number of documents (``None``:
    one document per row, as for the distinct (document, term) pairs of
    :func:`~kuril_research.tokens.pairs.distinct_pairs`; codes are non-negative
    integers). A cell's count is the sum of its rows' units, its documents the
    sum of their documents. ``strings_of(codes)`` returns the text of some term
    codes, and is asked only for the terms reported.
    """
    documents = corpus.documents
    doc_group, group_row = groups
    n_groups = max(len(group_row), 1)
    group = group.astype(np.int64, copy=False)
    units = units.astype(np.float64)        # bincount's weights: other types take a slower cast
    vocabulary = int(code.max()) + 1 if len(code) else 1
    if n_groups * vocabulary <= DENSE_CELLS:                       # cell = group × vocabulary + term
        flat = group * vocabulary + code
        count = np.bincount(flat, weights=units, minlength=n_groups * vocabulary).astype(np.int64)
        doc_freq_all = np.bincount(flat, weights=docs, minlength=n_groups * vocabulary).astype(np.int64)
        keys = None
    else:
        keys, cell = np.unique(group * vocabulary + code, return_inverse=True)
        cell = cell.ravel()
        count = np.bincount(cell, weights=units, minlength=len(keys)).astype(np.int64)
        doc_freq_all = np.bincount(cell, weights=docs, minlength=len(keys)).astype(np.int64)

    def cell_group(cells: np.ndarray) -> np.ndarray:
        return (cells if keys is None else keys[cells]) // vocabulary
    totals = np.bincount(group, weights=units, minlength=n_groups).astype(np.int64)
    group_docs = np.bincount(doc_group, minlength=n_groups)
    keep = np.flatnonzero((count >= min_count) & (count > 0))
    if top is not None and len(keep):
        # candidates: cells counted at least as often as the top-th of their group (ties kept)
        order = keep[np.lexsort((-count[keep], cell_group(keep)))]
        g = cell_group(order)
        rank = np.arange(len(order)) - np.searchsorted(g, g, side="left")
        floor = np.full(n_groups, 0, dtype=np.int64)
        at_top = rank == top - 1
        floor[g[at_top]] = count[order[at_top]]
        keep = keep[count[keep] >= floor[cell_group(keep)]]
    doc_freq = doc_freq_all[keep]
    kept_group, kept_term = np.divmod(keep if keys is None else keys[keep], vocabulary)
    out = documents[by].iloc[group_row[kept_group]].reset_index(drop=True) if by \
        else pd.DataFrame(index=range(len(keep)))
    out["term"] = pd.array(np.asarray(strings_of(kept_term), dtype=object), dtype="string")
    out["count"] = pd.array(count[keep], dtype="Int64")
    out["per_10k"] = count[keep] / totals[kept_group] * 10_000
    out["doc_freq"] = pd.array(doc_freq, dtype="Int64")
    out["range_pct"] = doc_freq / group_docs[kept_group] * 100
    out = out.sort_values([*by, "count", "term"], ascending=[True] * len(by) + [False, True],
                          na_position="last", kind="mergesort")
    if top is not None:
        out = out.groupby(by, dropna=False, sort=False).head(top) if by else out.head(top)
    return out.reset_index(drop=True)


def _ngram_units(prep: Prepared, n: int, doc_group: np.ndarray,
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray | None, object]:
    """N-grams of the filtered stream per group of documents: (group, n-gram code, count, documents, texts of codes).

    One row per (group, n-gram) of each block of whole documents, with the
    n-gram's occurrences and the documents it occurs in there (an n-gram never
    crosses a sentence, so never a block; the rows of one cell from several
    blocks add up). An n-gram is first keyed by its token codes,
    ``((t1 × V) + t2) × V + t3`` with V the number of distinct token texts, then
    the distinct keys of the corpus are numbered in ascending order.
    """
    st = prep.st
    width = max(len(st.tuniq), 1)
    if width ** n >= 2 ** 62:                           # keys would not fit in 64 bits: the whole stream at once
        return _ngram_units_whole(prep, n, doc_group)
    groups, keys, units, docs = ([np.empty(0, np.int64)] for _ in range(4))
    for lo, hi in blocks(st.doc_first):
        rows = np.flatnonzero(prep.base[lo:hi])
        m = len(rows) - n + 1
        if m <= 0:
            continue
        stop, code, sent = prep.stop[lo:hi][rows], st.tcode[lo:hi][rows], st.sent[lo:hi][rows]
        ok = ~stop[:m] & ~stop[n - 1:n - 1 + m]
        for j in range(1, n):
            ok &= sent[j:j + m] == sent[:m]
        first = np.flatnonzero(ok)                      # position in ``rows`` of each n-gram's first token
        key = code[first].astype(np.int64)
        for j in range(1, n):
            key = key * width + code[first + j]
        # small codes, so that (document, code) fits 64 bits: numbered in order of first appearance by hashing (a
        # sort numbered them in key order, four times slower; the numbering never reaches the result, whose keys
        # are ordered below)
        local, block_keys = pd.factorize(key)
        doc, local, count = distinct_pairs(st.doc[lo:hi][rows[first]], local)
        group, local, count, n_docs = _sum_pairs(doc_group[doc], local, count)
        groups.append(group)
        keys.append(block_keys[local])
        units.append(count)
        docs.append(n_docs)
    release_pages(st.stream)
    ngram_keys, code = np.unique(np.concatenate(keys), return_inverse=True)

    def strings_of(codes: np.ndarray) -> np.ndarray:
        parts = []
        rest = ngram_keys[codes]
        for _ in range(n):
            rest, last = np.divmod(rest, width)
            parts.append(st.tuniq[last])
        strings = parts[-1]
        for part in reversed(parts[:-1]):
            strings = strings + " " + part
        return strings

    return np.concatenate(groups), code.ravel(), np.concatenate(units), np.concatenate(docs), strings_of


def _sum_pairs(major: np.ndarray, minor: np.ndarray, weights: np.ndarray,
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(major, minor, sum of weights, rows) of each distinct pair of non-negative integers, in (major, minor) order.

    Examples
    --------
    >>> [a.tolist() for a in _sum_pairs(np.array([1, 0, 1]), np.array([4, 4, 4]), np.array([2, 5, 3]))]
    [[0, 1], [4, 4], [5, 5], [1, 2]]
    """
    if not len(major):
        empty = np.empty(0, np.int64)
        return empty, empty, empty, empty
    width = int(minor.max()) + 1
    key = major.astype(np.int64) * width + minor
    cells = (int(major.max()) + 1) * width
    if cells <= DENSE_CELLS:                 # few cells: counted in place, no sort (same numbers)
        rows = np.bincount(key, minlength=cells)
        unique = np.flatnonzero(rows)
        sums = np.bincount(key, weights=weights.astype(np.float64), minlength=cells)[unique].astype(np.int64)
        return unique // width, unique % width, sums, rows[unique]
    order = np.argsort(key, kind="stable")
    key = key[order]
    starts = np.flatnonzero(np.concatenate([[True], key[1:] != key[:-1]]))
    unique = key[starts]
    return (unique // width, unique % width, np.add.reduceat(weights[order], starts).astype(np.int64),
            np.diff(np.append(starts, len(key))))


def _ngram_units_whole(prep: Prepared, n: int, doc_group: np.ndarray,
                       ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray | None, object]:
    """:func:`_ngram_units` for a vocabulary too large for 64-bit keys: the whole stream at once."""
    st = prep.st
    rows = np.flatnonzero(prep.base)
    m = len(rows) - n + 1
    if m <= 0:
        empty = np.empty(0, np.int64)
        return empty, empty, empty, None, lambda codes: np.empty(0, object)
    ok = ~prep.stop[rows[:m]] & ~prep.stop[rows[n - 1:n - 1 + m]]
    for j in range(1, n):
        ok &= st.sent[rows[j:j + m]] == st.sent[rows[:m]]
    positions = np.flatnonzero(ok)
    first = rows[positions]                             # stream row of each n-gram's first token
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

    doc, code, units = distinct_pairs(st.doc[first], key.astype(np.int64))
    return doc_group[doc], code, units, None, strings_of


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
    prep = prepare(corpus, token_options)
    if top is not None:
        positive_int(top, "top")
    st = prep.st
    doc, code, units = prep.doc_counts()          # worked out once per stream and options
    columns = by_columns(corpus, by)
    groups = document_groups(corpus.documents, columns)
    return _frequency_table(corpus, groups, groups[0][doc], code, units, None, lambda codes: st.tuniq[codes],
                            by=columns,
                            min_count=positive_int(min_count, "min_count"), top=top)


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
    prep = prepare(corpus, token_options)
    choice(n, "n", (1, 2, 3))
    if top is not None:
        positive_int(top, "top")
    columns = by_columns(corpus, by)
    groups = document_groups(corpus.documents, columns)
    group, code, units, docs, strings_of = _ngram_units(prep, n, groups[0])
    return _frequency_table(corpus, groups, group, code, units, docs, strings_of, by=columns,
                            min_count=positive_int(min_count, "min_count"), top=top)
