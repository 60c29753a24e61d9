"""Find the terms that set a group of documents apart from another (keyness).

:func:`keyness` compares the term frequencies of target and reference documents
in the token stream (:mod:`kuril_research.tokens`) with the log-likelihood G², its
p-value and the Benjamini–Hochberg adjustment of
:mod:`kuril_research.analysis.association`, and two effect sizes (Log Ratio,
%DIFF); the formulas are on the function. :mod:`kuril_research.analysis.frequency`
re-exports it (``kr.frequency.keyness``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Union, Unpack

import numpy as np
import pandas as pd

from kuril_research.analysis import association
from kuril_research.checks import positive_int
from kuril_research.corpus import Corpus
from kuril_research.errors import ParameterError
from kuril_research.tokens import TokenOptions, prepare

__all__ = ["PCT_DIFF_ZERO", "Selection", "keyness"]

#: Stand-in for a zero normalised reference frequency in %DIFF (Gabrielatos & Marchi 2012).
PCT_DIFF_ZERO = 1e-18

#: A selection of documents: one boolean per ``corpus.documents`` row, or a ``(column, value)`` pair.
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


def _counts(codes: np.ndarray, units: np.ndarray, chosen: np.ndarray, vocabulary: int) -> np.ndarray:
    """Occurrences of each term in the chosen (document, term) pairs, as integers."""
    # float64 weights: NumPy's bincount casts other weights (the 32-bit counts) by a slower path
    return np.bincount(codes[chosen], weights=units[chosen].astype(np.float64), minlength=vocabulary).astype(np.int64)


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
        As for :func:`~kuril_research.tokens.tokens`.

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
    prep = prepare(corpus, token_options)
    min_count = positive_int(min_count, "min_count")
    in_target = _select(corpus, target, "target")
    in_reference = ~in_target if reference is None else _select(corpus, reference, "reference")
    if (in_target & in_reference).any():
        raise ParameterError("target and reference share documents", field="reference",
                             hint="make the selections disjoint, or omit reference to use all other documents")
    st = prep.st
    docs, codes, units = prep.doc_counts()      # kept tokens per (document, term): worked out once, then reused
    vocabulary = len(st.tuniq)
    a_all = _counts(codes, units, in_target[docs], vocabulary)
    b_all = _counts(codes, units, in_reference[docs], vocabulary)
    size_t, size_r = int(a_all.sum()), int(b_all.sum())
    for size, name in ((size_t, "target"), (size_r, "reference")):
        if size == 0:
            raise ParameterError(f"the {name} documents have no tokens", field=name,
                                 hint="check the selection and the token options")
    terms = np.flatnonzero((a_all + b_all >= min_count) & (a_all + b_all > 0))
    a, b = a_all[terms].astype(float), b_all[terms].astype(float)
    nf_t, nf_r = a / size_t * 10_000, b / size_r * 10_000
    g2 = association.g2(a, b, size_t - a, size_r - b)
    p_value = association.chi2_sf_df1(g2)
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
        "p_adjusted": association.benjamini_hochberg(p_value),
        "direction": pd.array(direction.astype(object), dtype="string"),
    })
    out = out.sort_values(["g2", "term"], ascending=[False, True], kind="mergesort")
    return out.reset_index(drop=True)
