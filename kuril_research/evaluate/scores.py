"""From per-document counts to the score table: precision, recall, F1, accuracy and their intervals.

Every scorer of :mod:`kuril_research.evaluate` returns *counts*: one row per
document, task and label with ``tp, fp, fn`` and a ``kind``:

``prf``
    ``tp`` gold items found, ``fp`` predicted items not in the gold, ``fn``
    gold items not found. ``precision = tp / (tp + fp)``, ``recall = tp / (tp +
    fn)``, ``f1 = 2 tp / (2 tp + fp + fn)``; each ``<NA>`` when its denominator
    is 0 (F1 also when precision or recall is). ``n_gold = tp + fn``,
    ``n_pred = tp + fp``.
``accuracy``
    ``tp`` items right, ``fn`` items wrong; ``accuracy = tp / (tp + fn)``,
    ``<NA>`` with no item; ``n_gold = tp + fn``; ``n_pred`` is ``<NA>``.

The interval (``ci_low, ci_high``) is the 95 % percentile bootstrap interval of
F1 (``prf`` rows) or of accuracy (``accuracy`` rows), resampling documents
(:mod:`kuril_research.evaluate.bootstrap`).
"""

from __future__ import annotations

import pandas as pd

from kuril_research.evaluate.bootstrap import intervals

__all__ = ["COUNT_COLUMNS", "SCORE_COLUMNS", "counts_frame", "score_table"]

COUNT_COLUMNS = ["doc_id", "task", "label", "kind", "tp", "fp", "fn"]
SCORE_COLUMNS = ["task", "label", "kind", "n_gold", "n_pred", "tp", "precision", "recall", "f1", "accuracy",
                 "ci_low", "ci_high"]


def counts_frame(rows: list[dict]) -> pd.DataFrame:
    """A counts table from row dicts (missing ``tp``, ``fp``, ``fn`` are 0).

    Examples
    --------
    >>> counts_frame([{"doc_id": "a", "task": "t", "label": "x", "kind": "prf", "tp": 1}])[["tp", "fp", "fn"]]
       tp  fp  fn
    0   1   0   0
    """
    frame = pd.DataFrame(rows, columns=COUNT_COLUMNS)
    for col in ("tp", "fp", "fn"):
        frame[col] = frame[col].fillna(0).astype(int)
    return frame


def _ratio(num: pd.Series, den: pd.Series) -> pd.Series:
    num, den = num.astype("Float64"), den.astype("Float64")
    return (num / den.mask(den == 0)).astype("Float64")


def score_table(counts: pd.DataFrame, documents: list[str], *, replicates: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Pool the counts over documents into one row per (task, label), with bootstrap intervals.

    Parameters
    ----------
    counts : DataFrame
        Columns :data:`COUNT_COLUMNS`.
    documents : list of str
        Every evaluated document (for the bootstrap).
    replicates, seed : int
        Bootstrap replicates and seed.

    Returns
    -------
    DataFrame
        Columns :data:`SCORE_COLUMNS`, units in order of first appearance.

    Examples
    --------
    Document ``a``: 3 found, 1 spurious, 1 missed; document ``b``: 1 found.
    Pooled P = 4/5, R = 4/5, F1 = 8/10:

    >>> c = counts_frame([{"doc_id": "a", "task": "t", "label": "x", "kind": "prf", "tp": 3, "fp": 1, "fn": 1},
    ...                   {"doc_id": "b", "task": "t", "label": "x", "kind": "prf", "tp": 1}])
    >>> score_table(c, ["a", "b"]).iloc[0, :10]
    task           t
    label          x
    kind         prf
    n_gold         5
    n_pred         5
    tp             4
    precision    0.8
    recall       0.8
    f1           0.8
    accuracy    <NA>
    Name: 0, dtype: object
    """
    keys = ["task", "label"]
    units = counts[[*keys, "kind"]].drop_duplicates(keys)
    sums = counts.groupby(keys, sort=False)[["tp", "fp", "fn"]].sum().reset_index()
    table = units.merge(sums, on=keys, how="left")
    prf = table["kind"] == "prf"
    tp, fp, fn = (table[c].astype("Int64") for c in ("tp", "fp", "fn"))
    table["n_gold"] = (tp + fn).astype("Int64")
    table["n_pred"] = (tp + fp).astype("Int64").where(prf, pd.NA)
    table["tp"] = tp
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    f1 = _ratio(2 * tp, 2 * tp + fp + fn).where(precision.notna() & recall.notna(), pd.NA)
    table["precision"] = precision.where(prf, pd.NA)
    table["recall"] = recall.where(prf, pd.NA)
    table["f1"] = f1.where(prf, pd.NA)
    table["accuracy"] = recall.where(~prf, pd.NA)
    ci = intervals(counts, documents, replicates=replicates, seed=seed)
    table = table.merge(ci, on=keys, how="left")
    for col in ("ci_low", "ci_high"):
        table[col] = table[col].astype("Float64")
    for col in ("task", "label", "kind"):
        table[col] = table[col].astype("string")
    return table[SCORE_COLUMNS].reset_index(drop=True)
