"""Counting coded sentences and paragraphs per document group with integer codes, not merges of strings.

At 100,000 articles a report counts millions of coded rows per group of documents
(frame hits per outlet, trade sentences with the territory per year). Merging those
rows with the documents table on ``doc_id`` and matching ``(doc_id, sent_id)`` pairs
as a ``MultiIndex`` hashes every document id string again on every call (seconds each).
Here each row's document becomes its row number in ``documents`` (:func:`positions`,
one Arrow lookup), a sentence or paragraph becomes one integer with it, and the counts
are NumPy ``isin`` and ``bincount`` over those integers (:func:`units_by_group`).
The callers keep their merge-based code for the cases this cannot decide the same
way (a document id missing or repeated, a missing sentence number, a categorical group).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["positions", "units_by_group"]


def positions(values: pd.Series, keys: pd.Series) -> np.ndarray:
    """Row of ``keys`` holding each of ``values`` (-1: none); in Arrow when both are Arrow strings.

    Parameters
    ----------
    values, keys : Series
        ``keys`` without repeated values.

    Returns
    -------
    ndarray of int64

    Examples
    --------
    >>> positions(pd.Series(["b", "x", None, "a"], dtype="string"), pd.Series(["a", "b"], dtype="string")).tolist()
    [1, -1, -1, 0]
    >>> positions(pd.Series(["b", "x"], dtype=object), pd.Series(["a", "b"], dtype=object)).tolist()
    [1, -1]
    """
    a, b = values.array, keys.array
    if isinstance(a, pd.arrays.ArrowExtensionArray) and isinstance(b, pd.arrays.ArrowExtensionArray):
        found = pc.index_in(a.__arrow_array__(), value_set=pa.chunked_array(b.__arrow_array__()).combine_chunks())
        return pc.fill_null(found, -1).to_numpy(zero_copy_only=False).astype(np.int64)
    return pd.Index(keys).get_indexer(values).astype(np.int64)


def units_by_group(units: pd.DataFrame, flags: dict[str, pd.DataFrame], groups: pd.DataFrame,
                   columns: list[str]) -> pd.DataFrame | None:
    """Distinct ``(doc_id, unit)`` pairs of ``units`` per group, and how many of them each table of ``flags`` holds.

    Parameters
    ----------
    units : DataFrame
        Two columns, ``doc_id`` and a unit number (``sent_id`` or ``para_id``); repeated pairs count once.
    flags : dict
        Name → a DataFrame with the same two columns: a pair of ``units`` is flagged when it is among them.
    groups : DataFrame
        ``doc_id`` and the grouping ``columns``, one row per document
        (:func:`kuril_research.grouping.documents_by`).
    columns : list of str

    Returns
    -------
    DataFrame or None
        One row per group (in order of first appearance in ``groups``, every group, zeros
        included): ``columns``, ``units`` and one count per name of ``flags`` (int64). Pairs
        whose document is not in ``groups`` are not counted. None when this cannot count as a
        merge on ``doc_id`` and a ``MultiIndex`` match would: a document id missing or repeated
        in ``groups``, a categorical group column, or a missing value in ``units``.

    Examples
    --------
    >>> groups = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["TASS", "Kyodo", "TASS"]})
    >>> units = pd.DataFrame({"doc_id": ["a", "a", "a", "b", "z"], "sent_id": [0, 0, 3, 1, 0]})
    >>> flagged = {"with_x": pd.DataFrame({"doc_id": ["a", "b", "c"], "sent_id": [3, 0, 0]})}
    >>> units_by_group(units, flagged, groups, ["outlet"])
      outlet  units  with_x
    0   TASS      2       1
    1  Kyodo      1       0
    """
    doc_ids = groups["doc_id"]
    unit = units.columns[1]
    if doc_ids.isna().any() or not doc_ids.is_unique or units.isna().any().any() or any(
            isinstance(groups[c].dtype, pd.CategoricalDtype) for c in columns):
        return None
    group = groups.groupby(columns, dropna=False, sort=False).ngroup().to_numpy(dtype=np.int64)
    n_groups = int(group.max()) + 1 if len(group) else 0
    _, first_row = np.unique(group, return_index=True)

    def numbers(frame: pd.DataFrame) -> np.ndarray:
        return frame[unit].to_numpy(dtype=np.float64, na_value=np.nan)

    tables = {"units": units, **flags}
    found = {name: (positions(t["doc_id"], doc_ids), numbers(t)) for name, t in tables.items()}
    top = max((int(np.nanmax(n)) for _, n in found.values() if len(n) and not np.isnan(n).all()), default=0)
    span = top + 2

    def codes(name: str) -> np.ndarray:
        doc, number = found[name]
        ok = (doc >= 0) & ~np.isnan(number) & (number >= 0) & (number == np.floor(number))
        return _distinct(doc[ok] * span + number[ok].astype(np.int64))

    if (found["units"][1] < 0).any() or (found["units"][1] != np.floor(found["units"][1])).any():
        return None
    keys = codes("units")
    by_group = group[keys // span]
    out = groups[columns].iloc[first_row].reset_index(drop=True)
    out["units"] = np.bincount(by_group, minlength=n_groups)
    for name in flags:
        out[name] = np.bincount(by_group[np.isin(keys, codes(name))], minlength=n_groups)
    return out


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, ascending: ``np.unique`` by one sort (NumPy's hash table is slower on millions of ints)."""
    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values
