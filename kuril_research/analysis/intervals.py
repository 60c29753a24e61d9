"""Confidence intervals for the shares the reports draw.

A share k / n of 2 / 2 is not the same evidence as 200 / 200: every share bar
in the reports carries its n and a 95 % Wilson score interval.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["Z_95", "wilson_interval", "add_wilson", "shares_long"]

#: The standard normal quantile of a two-sided 95 % interval.
Z_95 = 1.959963984540054


def wilson_interval(k, n, z: float = Z_95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of a binomial share k / n (Wilson 1927).

    With p = k / n:

    .. math::

        \\frac{p + z^2/(2n) \\pm z \\sqrt{p(1-p)/n + z^2/(4n^2)}}{1 + z^2/n}

    Unlike the normal ("Wald") interval it stays inside [0, 1] and is not
    empty at k = 0 or k = n. Where n is 0 both ends are NaN.

    Parameters
    ----------
    k, n : int or array-like
        Successes and trials.
    z : float
        Normal quantile; default 1.96 (95 %).

    Returns
    -------
    low, high : ndarray of float

    Examples
    --------
    Two of ten, by hand: p = 0.2, z² = 3.8415, denominator 1.38415,
    centre (0.2 + 0.19208) / 1.38415 = 0.28326, half-width
    1.96 × √(0.016 + 0.0096) / 1.38415 = 0.22658:

    >>> low, high = wilson_interval(2, 10)
    >>> round(float(low), 4), round(float(high), 4)
    (0.0567, 0.5098)
    >>> [round(float(x), 4) for x in wilson_interval(2, 2)]
    [0.3424, 1.0]
    >>> wilson_interval([0], [0])
    (array([nan]), array([nan]))
    """
    k = np.asarray(k, dtype=float)
    n = np.asarray(n, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        z2 = z * z
        denominator = 1 + z2 / n
        centre = (p + z2 / (2 * n)) / denominator
        half = z * np.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    low = np.where(n > 0, np.clip(centre - half, 0.0, 1.0), np.nan)
    high = np.where(n > 0, np.clip(centre + half, 0.0, 1.0), np.nan)
    return low, high


def add_wilson(table: pd.DataFrame, k: str, n: str, *, prefix: str = "ci") -> pd.DataFrame:
    """Return ``table`` with ``share`` = k / n and its Wilson 95 % interval ``ci_low``, ``ci_high``.

    Examples
    --------
    >>> add_wilson(pd.DataFrame({"hits": [2], "all": [10]}), "hits", "all").round(4).to_dict("records")
    [{'hits': 2, 'all': 10, 'share': 0.2, 'ci_low': 0.0567, 'ci_high': 0.5098}]
    """
    out = table.copy()
    kk = out[k].to_numpy(dtype=float, na_value=np.nan)
    nn = out[n].to_numpy(dtype=float, na_value=np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share"] = np.where(nn > 0, kk / nn, np.nan)
    out[f"{prefix}_low"], out[f"{prefix}_high"] = wilson_interval(kk, nn)
    return out


def shares_long(table: pd.DataFrame, *, index: str | list[str], parts: list[str], n: str,
                name: str = "part") -> pd.DataFrame:
    """Reshape count columns into one row per (index, part) with its share of ``n`` and Wilson interval.

    Parameters
    ----------
    table : DataFrame
        One row per group, with a count column for each of ``parts`` and a total ``n``.
    index : str or list of str
        Columns naming the group.
    parts : list of str
        Count columns, each a part of ``n``.
    n : str
        The total each part is a share of.
    name : str
        Name of the column holding the part's name.

    Returns
    -------
    DataFrame
        ``[index], <name>, k, n, share, ci_low, ci_high``, groups in table
        order, parts in the order given.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["A"], "japanese": [2], "russian": [8], "total": [10]})
    >>> shares_long(t, index="outlet", parts=["japanese", "russian"], n="total", name="naming").round(4).values.tolist()
    [['A', 'japanese', 2, 10, 0.2, 0.0567, 0.5098], ['A', 'russian', 8, 10, 0.8, 0.4902, 0.9433]]
    """
    index = [index] if isinstance(index, str) else list(index)
    long = table[[*index, *parts, n]].reset_index(drop=True).melt(id_vars=[*index, n], value_vars=parts,
                                                                   var_name=name, value_name="k")
    long["_order"] = long.index % len(table) if len(table) else 0
    long = long.sort_values("_order", kind="mergesort").drop(columns="_order").reset_index(drop=True)
    long = long.rename(columns={n: "n"})[[*index, name, "k", "n"]]
    return add_wilson(long, "k", "n")
