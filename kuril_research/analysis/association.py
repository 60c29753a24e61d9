"""Score 2×2 contingency tables: the log-likelihood G², its p-value, and the Benjamini–Hochberg adjustment.

Shared by :func:`~kuril_research.analysis.frequency.collocations` (a table of pair tokens)
and :func:`~kuril_research.analysis.frequency.keyness` (a table of target and reference
tokens); each function documents what the cells mean for it. For a table
[[a, b], [c, d]] with n = a + b + c + d:

* G² (Dunning 1993) = 2 Σ O ln(O/E) over the four cells, with E = row total ×
  column total / n; an empty cell (O = 0) adds 0 (lim x ln x = 0), and rounding
  below zero is clipped to 0 (:func:`_g2`);
* its p-value, the upper tail of the chi-square distribution with one degree of
  freedom, P(χ²₁ ≥ G²) = erfc(√(G²/2)); G² = 0 gives 1 (:func:`_chi2_sf_df1`);
* Benjamini–Hochberg adjusted p-values for m tests, p_(i) the i-th smallest:
  min over j ≥ i of p_(j)·m/j, capped at 1; no tests give an empty array
  (:func:`_benjamini_hochberg`).

Pure NumPy functions of arrays; they know nothing of corpora or tokens.
"""

from __future__ import annotations

import math

import numpy as np


def _g2(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Log-likelihood G² of 2×2 tables [[a, b], [c, d]]: 2 Σ O ln(O/E), empty cells add 0.

    Examples
    --------
    An empty cell (b = 0) adds nothing; a table whose rows are proportional scores 0:

    >>> _g2(np.array([10, 5]), np.array([0, 5]), np.array([90, 95]), np.array([100, 95]))
    array([14.38950266,  0.        ])
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    n = a + b + c + d
    total = np.zeros(np.broadcast(a, b, c, d).shape)
    for observed, row, column in ((a, a + b, a + c), (b, a + b, b + d), (c, c + d, a + c), (d, c + d, b + d)):
        expected = row * column / n
        with np.errstate(divide="ignore", invalid="ignore"):
            total = total + np.where(observed > 0, observed * np.log(observed / expected), 0.0)
    return np.maximum(2 * total, 0.0)


def _chi2_sf_df1(g2: np.ndarray) -> np.ndarray:
    """Upper tail of the chi-square distribution with one degree of freedom: erfc(√(x/2)).

    Examples
    --------
    >>> _chi2_sf_df1(np.array([0.0, 3.841458820694124]))
    array([1.  , 0.05])
    """
    return np.array([math.erfc(math.sqrt(x / 2)) for x in np.asarray(g2, dtype=float)], dtype=float)


def _benjamini_hochberg(p: np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values: min over j ≥ i of p_(j)·m/j, capped at 1.

    Examples
    --------
    >>> _benjamini_hochberg(np.array([0.01, 0.04, 0.03, 0.005]))
    array([0.02, 0.04, 0.04, 0.02])
    """
    m = len(p)
    if m == 0:
        return np.asarray(p, dtype=float)
    order = np.argsort(p, kind="mergesort")
    scaled = p[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(scaled[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(adjusted, 1.0)
    return out
