"""Place documents in calendar periods (year, quarter, month) without inventing precision.

Every report that shows something over time uses this module, so that a
"month" means the same thing everywhere: a real calendar month such as
``2015-09`` (never the month number pooled over years), a quarter such as
``2015-Q3``, or a year ``2015``.

A document is placed in a period only when its manifest date is at least as
precise as the period: a document dated ``2015`` (year precision) has a year
but no quarter or month, so with ``freq="month"`` it is *not placed*; it is
counted in :func:`period_coverage` and stated in captions
(:func:`coverage_note`), never spread over the twelve months. An undated
document is never placed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from kuril_research.errors import ParameterError

__all__ = ["FREQUENCIES", "check_freq", "document_periods", "with_period", "period_coverage", "coverage_note",
           "period_range", "period_midpoints", "PERIOD_COLUMN"]

#: The periods a report can count by, coarsest first.
FREQUENCIES = ("year", "quarter", "month")
#: Name of the documents column :func:`with_period` adds.
PERIOD_COLUMN = "period"
#: Date precisions (``documents.date_precision``) precise enough for each period.
_PRECISE_ENOUGH = {"year": ("year", "month", "day"), "quarter": ("month", "day"), "month": ("month", "day")}
_PANDAS_FREQ = {"year": "Y", "quarter": "Q", "month": "M"}
_NOUN = {"year": "year", "quarter": "quarter", "month": "month"}


def check_freq(freq: str, field: str = "time_by") -> str:
    """Return ``freq`` if it is one of :data:`FREQUENCIES`, else raise a :class:`ParameterError` naming ``field``.

    Examples
    --------
    >>> check_freq("month")
    'month'
    >>> check_freq("week")
    Traceback (most recent call last):
    kuril_research.errors.ParameterError: field time_by: 'week' is not a period. What to do: use year, quarter or month
    """
    if freq not in FREQUENCIES:
        raise ParameterError(f"{freq!r} is not a period", field=field, hint="use year, quarter or month")
    return freq


def document_periods(documents: pd.DataFrame, freq: Literal["year", "quarter", "month"]) -> pd.Series:
    """Label each document with its period: ``YYYY``, ``YYYY-Qn`` or ``YYYY-MM``; ``<NA>`` when not placed.

    A document is not placed (``<NA>``) when it has no year, or when its
    ``date_precision`` is coarser than ``freq`` (a year-precise date has no
    quarter or month).

    Parameters
    ----------
    documents : DataFrame
        ``corpus.documents``; needs ``year``, ``month`` and ``date_precision``.
    freq : {"year", "quarter", "month"}

    Returns
    -------
    Series of string
        One label per document, with the index of ``documents``.

    Examples
    --------
    >>> docs = pd.DataFrame({"year": pd.array([2015, 2015, 2016, None], dtype="Int64"),
    ...                      "month": pd.array([9, None, 1, None], dtype="Int64"),
    ...                      "date_precision": ["day", "year", "month", None]})
    >>> document_periods(docs, "month").tolist()
    ['2015-09', <NA>, '2016-01', <NA>]
    >>> document_periods(docs, "quarter").tolist()
    ['2015-Q3', <NA>, '2016-Q1', <NA>]
    >>> document_periods(docs, "year").tolist()
    ['2015', '2015', '2016', <NA>]
    """
    check_freq(freq, "freq")
    year = documents["year"].astype("Int64")
    label = year.astype("string").str.zfill(4)
    if freq != "year":
        month = documents["month"].astype("Int64")
        if freq == "month":
            label = label + "-" + month.astype("string").str.zfill(2)
        else:
            label = label + "-Q" + ((month - 1) // 3 + 1).astype("string")
    precise = documents["date_precision"].astype("string").isin(_PRECISE_ENOUGH[freq]).fillna(False)
    return label.where(precise.astype(bool) & year.notna().astype(bool)).astype("string")


def with_period(corpus, freq: Literal["year", "quarter", "month"]):
    """Return the corpus with a ``period`` column in ``documents`` (see :func:`document_periods`).

    Group by ``"period"`` (e.g. ``framing.frame_profile(hits, by="period", corpus=...)``)
    to count over time; documents not placed fall in the ``<NA>`` group.

    Examples
    --------
    >>> from kuril_research.corpus import corpus_from_texts
    >>> c = corpus_from_texts({"a": "Kunashir.", "b": "Iturup."},
    ...                       {"a": {"outlet": "X", "published": "2015-09-03"}, "b": {"outlet": "X", "published": "2016"}})
    >>> with_period(c, "month").documents["period"].tolist()
    ['2015-09', <NA>]
    """
    from dataclasses import replace

    documents = corpus.documents.copy(deep=False)     # shares the columns (the text of 100,000 articles) with the input
    documents[PERIOD_COLUMN] = document_periods(documents, freq)
    return replace(corpus, documents=documents)


def period_coverage(documents: pd.DataFrame, freq: Literal["year", "quarter", "month"]) -> pd.DataFrame:
    """Count the documents placed in a period, those dated less precisely, and the undated.

    Parameters
    ----------
    documents : DataFrame
        ``corpus.documents``.
    freq : {"year", "quarter", "month"}

    Returns
    -------
    DataFrame
        One row each for ``placed``, ``coarser`` (dated, but less precisely
        than ``freq``) and ``undated``: columns ``status``, ``documents``.

    Examples
    --------
    >>> docs = pd.DataFrame({"year": pd.array([2015, 2015, None], dtype="Int64"),
    ...                      "month": pd.array([9, None, None], dtype="Int64"),
    ...                      "date_precision": ["day", "year", None]})
    >>> period_coverage(docs, "month").to_dict("list")
    {'status': ['placed', 'coarser', 'undated'], 'documents': [1, 1, 1]}
    """
    placed = document_periods(documents, freq).notna()
    undated = documents["year"].isna().to_numpy(dtype=bool)
    n_placed = int(placed.sum())
    n_undated = int(undated.sum())
    return pd.DataFrame({"status": ["placed", "coarser", "undated"],
                         "documents": [n_placed, len(documents) - n_placed - n_undated, n_undated]})


def coverage_note(documents: pd.DataFrame, freq: Literal["year", "quarter", "month"]) -> str:
    """One sentence for a caption: how many documents the time axis leaves out, and why ("" when none).

    Examples
    --------
    >>> docs = pd.DataFrame({"year": pd.array([2015, 2015, 2016, None], dtype="Int64"),
    ...                      "month": pd.array([9, None, None, None], dtype="Int64"),
    ...                      "date_precision": ["day", "year", "year", None]})
    >>> coverage_note(docs, "month")
    'Not placed in any month: 2 documents dated only to the year, 1 undated document.'
    >>> coverage_note(docs.iloc[:1], "month")
    ''
    """
    counts = period_coverage(documents, freq).set_index("status")["documents"]
    parts = []
    if counts["coarser"]:
        n = int(counts["coarser"])
        parts.append(f"{n} document{'s' if n != 1 else ''} dated only to the year")
    if counts["undated"]:
        n = int(counts["undated"])
        parts.append(f"{n} undated document{'s' if n != 1 else ''}")
    return f"Not placed in any {_NOUN[freq]}: {', '.join(parts)}." if parts else ""


def period_range(labels: Sequence[str], freq: Literal["year", "quarter", "month"]) -> list[str]:
    """Every period from the first to the last of ``labels``, gaps included (so a time axis shows empty periods).

    Examples
    --------
    >>> period_range(["2015-11", "2016-02", None], "month")
    ['2015-11', '2015-12', '2016-01', '2016-02']
    >>> period_range(["2016-Q1", "2015-Q4"], "quarter")
    ['2015-Q4', '2016-Q1']
    >>> period_range([], "year")
    []
    """
    check_freq(freq, "freq")
    known = [label for label in labels if isinstance(label, str)]
    if not known:
        return []
    periods = pd.PeriodIndex([_period(label, freq) for label in known])
    every = pd.period_range(periods.min(), periods.max(), freq=_PANDAS_FREQ[freq])
    return [_label(p, freq) for p in every]


def period_midpoints(labels: Sequence[str], freq: Literal["year", "quarter", "month"]) -> np.ndarray:
    """The middle of each period as ``datetime64[D]``, for a time axis spaced by time (``NaT`` for ``<NA>``).

    Examples
    --------
    >>> period_midpoints(["2015-09", None], "month").tolist()
    [datetime.date(2015, 9, 15), None]
    >>> period_midpoints(["2015"], "year").astype(str).tolist()
    ['2015-07-02']
    """
    out = np.full(len(labels), np.datetime64("NaT"), dtype="datetime64[D]")
    for i, label in enumerate(labels):
        if isinstance(label, str):
            p = _period(label, freq)
            start, end = p.start_time.to_datetime64(), p.end_time.to_datetime64()
            out[i] = (start + (end - start) / 2).astype("datetime64[D]")
    return out


def _period(label: str, freq: str) -> pd.Period:
    return pd.Period(label.replace("-Q", "Q") if freq == "quarter" else label, freq=_PANDAS_FREQ[freq])


def _label(period: pd.Period, freq: str) -> str:
    if freq == "year":
        return f"{period.year:04d}"
    if freq == "quarter":
        return f"{period.year:04d}-Q{period.quarter}"
    return f"{period.year:04d}-{period.month:02d}"
