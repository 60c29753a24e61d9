"""95 % percentile bootstrap intervals that resample documents.

Sentences, mentions and quotations of one article are not independent (one
outlet's habits, one annotator's reading), so the unit of resampling is the
document. For ``B`` replicates, ``D`` documents are drawn with replacement
from the ``D`` evaluated documents (each replicate is a vector of multinomial
weights, how often each document was drawn); the per-document counts
``tp, fp, fn`` of each (task, label) are summed with those weights, and the
statistic is recomputed from the sums:

* ``f1 = 2 tp / (2 tp + fp + fn)``, undefined when ``tp + fp = 0`` or
  ``tp + fn = 0`` (precision or recall undefined);
* ``accuracy = tp / (tp + fn)`` (``tp`` = items right, ``fn`` = items wrong),
  undefined when ``tp + fn = 0``.

The interval is the ``(1 - level) / 2`` and ``(1 + level) / 2`` percentiles
(NumPy's linear interpolation) of the replicates where the statistic is
defined; ``NaN`` when it is defined in none. The generator is
``numpy.random.default_rng(seed)``, so the same counts and seed give the same
interval on every run and machine.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["KINDS", "statistic", "intervals"]

#: ``prf``: precision/recall/F1 counts, interval of F1; ``accuracy``: right/wrong counts, interval of accuracy.
KINDS = ("prf", "accuracy")


def statistic(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray, kind: np.ndarray) -> np.ndarray:
    """F1 (``kind == "prf"``) or accuracy (``"accuracy"``) from counts, ``NaN`` where undefined.

    Examples
    --------
    >>> statistic(np.array([3, 2, 0]), np.array([1, 0, 0]), np.array([1, 2, 0]),
    ...           np.array(["prf", "accuracy", "prf"])).round(3).tolist()
    [0.75, 0.5, nan]
    """
    tp, fp, fn = (np.asarray(x, dtype=float) for x in (tp, fp, fn))
    prf = np.asarray(kind) == "prf"
    with np.errstate(divide="ignore", invalid="ignore"):
        f1 = np.where((tp + fp > 0) & (tp + fn > 0), 2 * tp / (2 * tp + fp + fn), np.nan)
        accuracy = np.where(tp + fn > 0, tp / (tp + fn), np.nan)
    return np.where(prf, f1, accuracy)


def intervals(counts: pd.DataFrame, documents: list[str], *, replicates: int = 1000, seed: int = 0,
              level: float = 0.95) -> pd.DataFrame:
    """Percentile bootstrap interval of each unit's statistic, resampling documents.

    Parameters
    ----------
    counts : DataFrame
        Columns ``doc_id, task, label, kind, tp, fp, fn``: per-document counts
        (several rows of one unit and document are summed).
    documents : list of str
        Every evaluated document, also those without a row (they count as zeros
        when drawn).
    replicates : int
        Number of bootstrap replicates ``B``.
    seed : int
        Seed of ``numpy.random.default_rng``.
    level : float
        Coverage of the interval.

    Returns
    -------
    DataFrame
        ``task, label, ci_low, ci_high`` (float), one row per unit in order of
        first appearance in ``counts``.

    Examples
    --------
    Two documents, each with one accuracy item: one right, one wrong. Resampled
    pairs give 0, 0.5 or 1, so the 95 % interval spans nearly [0, 1]:

    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "task": "t", "label": "x", "kind": "accuracy",
    ...                   "tp": [1, 0], "fp": 0, "fn": [0, 1]})
    >>> intervals(c, ["a", "b"], replicates=200, seed=1)
      task label  ci_low  ci_high
    0    t     x     0.0      1.0
    """
    units = counts[["task", "label", "kind"]].drop_duplicates(["task", "label"]).reset_index(drop=True)
    out = units[["task", "label"]].copy()
    if units.empty or not documents:
        return out.assign(ci_low=pd.Series(dtype=float), ci_high=pd.Series(dtype=float))
    doc_index = {d: i for i, d in enumerate(documents)}
    unit_index = {(t, lab): i for i, (t, lab) in enumerate(zip(units["task"], units["label"]))}
    cube = np.zeros((len(documents), len(units), 3))
    rows = counts[counts["doc_id"].isin(doc_index)]
    np.add.at(cube, (rows["doc_id"].map(doc_index).to_numpy(dtype=int),
                     np.array([unit_index[(t, lab)] for t, lab in zip(rows["task"], rows["label"])], dtype=int)),
              rows[["tp", "fp", "fn"]].to_numpy(dtype=float))
    rng = np.random.default_rng(seed)
    weights = rng.multinomial(len(documents), np.full(len(documents), 1 / len(documents)), size=replicates)
    sums = np.einsum("bd,duk->buk", weights.astype(float), cube)
    kinds = np.broadcast_to(units["kind"].to_numpy(), sums.shape[:2])
    values = statistic(sums[..., 0], sums[..., 1], sums[..., 2], kinds)
    low_q, high_q = 100 * (1 - level) / 2, 100 * (1 + level) / 2
    defined = ~np.isnan(values).all(axis=0)
    low = np.full(len(units), np.nan)
    high = np.full(len(units), np.nan)
    if defined.any():
        low[defined] = np.nanpercentile(values[:, defined], low_q, axis=0)
        high[defined] = np.nanpercentile(values[:, defined], high_q, axis=0)
    return out.assign(ci_low=low, ci_high=high)
