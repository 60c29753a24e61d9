"""Score 2×2 contingency tables: the log-likelihood G², its p-value, and the Benjamini–Hochberg adjustment.

Shared by :func:`~kuril_research.analysis.frequency.collocations` (a table of pair tokens)
and :func:`~kuril_research.analysis.frequency.keyness` (a table of target and reference
tokens); each function documents what the cells mean for it. For a table
[[a, b], [c, d]] with n = a + b + c + d:

* G² (Dunning 1993) = 2 Σ O ln(O/E) over the four cells, with E = row total ×
  column total / n; an empty cell (O = 0) adds 0 (lim x ln x = 0), and rounding
  below zero is clipped to 0 (:func:`g2`);
* its p-value, the upper tail of the chi-square distribution with one degree of
  freedom, P(χ²₁ ≥ G²) = erfc(√(G²/2)); G² = 0 gives 1 (:func:`chi2_sf_df1`);
* Benjamini–Hochberg adjusted p-values for m tests, p_(i) the i-th smallest:
  min over j ≥ i of p_(j)·m/j, capped at 1; no tests give an empty array
  (:func:`benjamini_hochberg`).

Pure NumPy functions of arrays; they know nothing of corpora or tokens.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["g2", "chi2_sf_df1", "benjamini_hochberg"]


def g2(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Compute the log-likelihood G² of 2×2 tables [[a, b], [c, d]], one table per element.

    G² = 2 Σ O_ij ln(O_ij / E_ij) over the four cells O = a, b, c, d, with
    E_ij = (row i total) × (column j total) / n and n = a + b + c + d:
    E_a = (a+b)(a+c)/n, E_b = (a+b)(b+d)/n, E_c = (c+d)(a+c)/n, E_d = (c+d)(b+d)/n.

    Zero handling: an empty cell (O = 0) adds 0, the limit of x ln x at 0, so a
    table with an empty cell still scores; a sum a hair below zero from
    rounding is clipped to 0, so G² ≥ 0 always.

    Parameters
    ----------
    a, b, c, d : array_like of float
        Cell counts, broadcast against each other; each must be ≥ 0 and every
        row and column total > 0 wherever its cell is > 0.

    Returns
    -------
    ndarray of float
        G² of each table; 0 when the rows are proportional (observed = expected).

    Examples
    --------
    Worked on paper for [[10, 0], [90, 100]]: n = 200; E_a = 10·100/200 = 5,
    E_c = 190·100/200 = 95, E_d = 190·100/200 = 95; the empty cell b adds 0, so
    G² = 2 (10 ln 2 + 90 ln(90/95) + 100 ln(100/95)) = 14.3895. A table whose
    rows are proportional scores 0:

    >>> g2(np.array([10, 5]), np.array([0, 5]), np.array([90, 95]), np.array([100, 95]))
    array([14.38950266,  0.        ])
    >>> round(2 * (10 * math.log(2) + 90 * math.log(90 / 95) + 100 * math.log(100 / 95)), 8)
    14.38950266
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    n = a + b + c + d
    total = np.zeros(np.broadcast(a, b, c, d).shape)
    for observed, row, column in ((a, a + b, a + c), (b, a + b, b + d), (c, c + d, a + c), (d, c + d, b + d)):
        expected = row * column / n
        with np.errstate(divide="ignore", invalid="ignore"):
            total = total + np.where(observed > 0, observed * np.log(observed / expected), 0.0)
    return np.maximum(2 * total, 0.0)


def chi2_sf_df1(statistic: np.ndarray) -> np.ndarray:
    """Compute the upper tail of the chi-square distribution with one degree of freedom.

    P(χ²₁ ≥ x) = erfc(√(x / 2)): a χ²₁ variable is the square of a standard
    normal Z, so P(Z² ≥ x) = P(|Z| ≥ √x) = erfc(√x / √2). It is the p-value of
    a G² (:func:`g2`) of a 2×2 table. x = 0 gives 1.

    Parameters
    ----------
    statistic : array_like of float
        Values x ≥ 0 (e.g. G²).

    Returns
    -------
    ndarray of float
        One p-value per value, in [0, 1].

    Examples
    --------
    3.841458820694124 is the 95th percentile of χ²₁ (1.959964² — the two-sided
    5 % point of the normal, squared):

    >>> chi2_sf_df1(np.array([0.0, 3.841458820694124]))
    array([1.  , 0.05])
    """
    return np.array([math.erfc(math.sqrt(x / 2)) for x in np.asarray(statistic, dtype=float)], dtype=float)


def benjamini_hochberg(p: np.ndarray) -> np.ndarray:
    """Adjust p-values for m tests by Benjamini–Hochberg (false discovery rate).

    With p_(1) ≤ … ≤ p_(m) the p-values in ascending order, the adjusted value
    of p_(i) is min over j ≥ i of p_(j)·m/j, capped at 1; each adjusted value
    goes back to the position of its p-value. Ties keep their input order
    (a stable sort), which does not change the values. No tests (m = 0) give an
    empty array.

    Parameters
    ----------
    p : ndarray of float
        The p-values, each in [0, 1].

    Returns
    -------
    ndarray of float
        Adjusted p-values, in the order of ``p``; each ≥ its p-value.

    Examples
    --------
    m = 4; sorted: 0.005, 0.01, 0.03, 0.04 → times m/j: 0.02, 0.02, 0.04, 0.04;
    the running minimum from the right changes nothing:

    >>> benjamini_hochberg(np.array([0.01, 0.04, 0.03, 0.005]))
    array([0.02, 0.04, 0.04, 0.02])
    >>> benjamini_hochberg(np.array([]))
    array([], dtype=float64)
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
