"""Select the part of a corpus a report or an analysis is about: outlets and a date range.

Dates respect each document's precision: a document's date is a period (a
day, a month or a year, as precise as its manifest date), and it is kept when
that period overlaps the requested range — a month-precise date is never
placed on a day.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kuril_research.corpus import TABLE_NAMES, Corpus
from kuril_research.errors import ParameterError
from kuril_research.tokens import release_table_pages

__all__ = ["select_documents"]


def select_documents(corpus, *, outlets: Sequence[str] | None = None,
                     date_from: str | None = None, date_to: str | None = None):
    """Return the part of a corpus whose documents match an outlet and date filter.

    Implements the ``outlets``, ``date_from`` and ``date_to`` parameters of the
    report notebooks. A document's date is a period (a day, month or year,
    as precise as its manifest date); it is kept when that period overlaps
    ``[date_from, date_to]``. Documents without a date are kept only when no
    date bound is given. Every table is restricted to the kept documents
    (``duplicates`` to the groups whose kept document is selected);
    ``rejects`` is kept whole.

    Parameters
    ----------
    corpus : Corpus
    outlets : sequence of str, optional
        Keep only these outlets (exact names as in the manifest); None keeps all.
    date_from, date_to : str, optional
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; inclusive.

    Returns
    -------
    Corpus

    Raises
    ------
    ParameterError
        If a date is malformed or an outlet is not in the corpus.

    Examples
    --------
    >>> from kuril_research.corpus import corpus_from_texts
    >>> c = corpus_from_texts({"a": "Kunashir.", "b": "Iturup.", "c": "Shikotan."},
    ...                       {"a": {"outlet": "TASS", "published": "2016-04-15"},
    ...                        "b": {"outlet": "TASS", "published": "2019-01"},
    ...                        "c": {"outlet": "Kyodo", "published": "2021"}})
    >>> select_documents(c, outlets=["TASS"], date_from="2019-01-20").documents["doc_id"].tolist()
    ['b']
    >>> select_documents(c, date_to="2018").mentions["doc_id"].tolist()
    ['a']
    """
    docs = corpus.documents
    keep = pd.Series(True, index=docs.index)
    if outlets is not None:
        if isinstance(outlets, str):
            outlets = [outlets]
        known = set(docs["outlet"].dropna())
        missing = [o for o in outlets if o not in known]
        if missing:
            raise ParameterError(f"outlet(s) {missing} not in the corpus", field="outlets",
                                 hint=f"choose from {sorted(known)}, or None for all")
        keep &= docs["outlet"].isin(list(outlets)).fillna(False).astype(bool)
    if date_from is not None or date_to is not None:
        first = _period_start(docs)
        last = _period_end(docs)
        if date_from is not None:
            keep &= (last >= _bound(date_from, "date_from", end=False)).fillna(False).astype(bool)
        if date_to is not None:
            keep &= (first <= _bound(date_to, "date_to", end=True)).fillna(False).astype(bool)
    kept = _rows(docs, keep.to_numpy())
    tables = {name: getattr(corpus, name) for name in TABLE_NAMES}
    for name, table in tables.items():
        if name == "documents":
            tables[name] = kept
        elif name == "duplicates":  # a group goes with its kept document (the others are not in documents)
            tables[name] = _rows(table, _isin(table["kept_doc_id"], kept["doc_id"]))
        elif "doc_id" in table.columns:
            tables[name] = _rows(table, _isin(table["doc_id"], kept["doc_id"]))
    return Corpus(**tables, build=dict(corpus.build))


def _rows(table: pd.DataFrame, mask: np.ndarray) -> pd.DataFrame:
    """The rows of ``table`` where ``mask`` holds, renumbered from 0.

    When every row is kept, the result is a new frame over the same columns
    (pandas' copy-on-write gives it its own copy only if one of them is
    edited), so selecting everything copies nothing: the memory-mapped
    columns of a loaded corpus stay mapped, and the token stream kept beside
    them is reused (:mod:`kuril_research.tokens.persist`).
    """
    return (table if mask.all() else table[mask]).reset_index(drop=True)


def _isin(values: pd.Series, ids: pd.Series) -> np.ndarray:
    """``values.isin(ids)`` as a NumPy mask; in Arrow when both are Arrow strings (several times faster)."""
    if isinstance(values.array, pd.arrays.ArrowExtensionArray) and isinstance(ids.array, pd.arrays.ArrowExtensionArray):
        found = pc.is_in(values.array.__arrow_array__(), value_set=pa.chunked_array(ids.array.__arrow_array__()),
                         skip_nulls=True)
        # the ids' pages of a memory-mapped table are given back once read: every report selects, and at
        # 100,000 articles the doc_id columns of the tables held 0.3 GB of file pages for the whole kernel
        release_table_pages(values.array)
        return pc.fill_null(found, False).to_numpy(zero_copy_only=False)
    return values.isin(set(ids.dropna())).to_numpy(dtype=bool)


_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _bound(value: str, name: str, *, end: bool) -> str:
    """A date bound as ``YYYY-MM-DD``: the first (or, with ``end``, the last) day of its period."""
    match = _DATE_RE.fullmatch(str(value).strip())
    if not match:
        raise ParameterError(f"{value!r} is not a date", field=name, hint="write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    month = month or ("12" if end else "01")
    day = day or ("31" if end else "01")
    return f"{year}-{month}-{day}"


def _period_start(docs):
    return (docs["year"].astype("string").str.zfill(4) + "-" + docs["month"].fillna(1).astype("string").str.zfill(2)
            + "-" + docs["day"].fillna(1).astype("string").str.zfill(2))


def _period_end(docs):
    # Day 31 of every month is a safe upper bound for string comparison with real dates.
    return (docs["year"].astype("string").str.zfill(4) + "-" + docs["month"].fillna(12).astype("string").str.zfill(2)
            + "-" + docs["day"].fillna(31).astype("string").str.zfill(2))
