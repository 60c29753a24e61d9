"""Figures over time: a value per period and series, and documents per period."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from kuril_research.analysis.periods import check_freq, period_midpoints, period_range
from kuril_research.publish import figure_style as fs
from kuril_research.publish.figures.drawing import (
    DEFAULT_STYLE, Drawing, date_axis, fit_label, legend_below, mark_data, new_figure, require_columns, rest_note,
)

__all__ = ["plot_over_time", "plot_period_counts"]


def _series_order(values: pd.Series, top: int) -> tuple[list, int]:
    totals = values.groupby(level=0, sort=False).sum() if isinstance(values, pd.Series) else values
    ranked = totals.sort_values(ascending=False, kind="mergesort")
    return list(ranked.index[:top]), max(0, len(ranked) - top)


def plot_over_time(table: pd.DataFrame, *, period: str = "period", value: str, series: str,
                   freq: str, ylabel: str, colors: Mapping[str, str] | None = None, top: int = 8,
                   interval: tuple[str, str] | None = None, style: fs.FigureStyle = DEFAULT_STYLE) -> Drawing:
    """Lines over a time axis spaced by time (periods at their middle); one line per series.

    Rows with a missing period (documents not placed; see
    :mod:`kuril_research.analysis.periods`) are not drawn. At most ``top`` series are
    drawn (those with the largest total ``value``); the note counts the rest.
    With ``interval`` (the columns of a share's 95 % interval, e.g. from
    :func:`kuril_research.analysis.intervals.shares_long`), each line gets a light band
    when at most four lines are drawn (more bands would hide each other).

    Examples
    --------
    >>> t = pd.DataFrame({"period": ["2015-11", "2016-02", None], "term": ["iturup"] * 3, "per_10k": [1.0, 2.0, 3.0]})
    >>> drawn = plot_over_time(t, value="per_10k", series="term", freq="month", ylabel="per 10,000 tokens")
    >>> drawn.data["period"].tolist()
    ['2015-11', '2016-02']
    >>> drawn.figure.axes[0].get_legend_handles_labels()[1]
    ['Iturup / Etorofu']
    """
    check_freq(freq, "freq")
    require_columns(table, [period, value, series], "table")
    extra = list(interval) if interval else []
    data = table[table[period].notna()][[period, series, value, *extra]].reset_index(drop=True)
    chosen, n_rest = _series_order(data.set_index(series)[value].astype(float), top)
    data = data[data[series].isin(chosen)].reset_index(drop=True)
    known = fs.term_labels() if series == "term" else fs.labels()
    palette = colors or fs.outlet_colors(map(str, chosen))
    fig = new_figure(style, max(2.6, style.width * 0.5))
    ax = fig.subplots()
    handles = []
    markers = "osD^vP*Xhp"
    m = 0
    dense = data[period].nunique() > 60          # markers only where they can be told apart
    for j, name in enumerate(chosen):
        part = data[data[series] == name]
        x = period_midpoints(part[period].tolist(), freq)
        color = style.color(palette.get(str(name), fs.outlet_color(str(name))))
        if interval and len(chosen) <= 4:
            band = ax.fill_between(x, part[interval[0]].to_numpy(dtype=float), part[interval[1]].to_numpy(dtype=float),
                                   color=color, alpha=0.15, linewidth=0)
            m = mark_data(band, m)
        (line,) = ax.plot(x, part[value].to_numpy(dtype=float), marker=markers[j % len(markers)],
                          markersize=0 if dense else 3, linewidth=0.6 if dense else 1.0, color=color,
                          linestyle=["-", "--", ":", "-."][j % 4] if style.greyscale else "-",
                          label=fs.label(name, known))
        m = mark_data(line, m)
        handles.append(line)
    date_axis(ax, freq, style)
    ax.set_ylabel(fit_label(ylabel, 2.2, style))
    ax.set_ylim(bottom=0)
    legend_below(fig, handles, [h.get_label() for h in handles])
    note = rest_note(n_rest, f"{series} values")
    if interval and len(chosen) <= 4:
        note = f"{note} Bands: 95 % Wilson intervals.".strip()
    return Drawing(fig, data, note)


def plot_period_counts(documents: pd.DataFrame, *, freq: str, by: str = "outlet", top: int = 8,
                       style: fs.FigureStyle = DEFAULT_STYLE) -> Drawing:
    """Documents per period as bars on a time axis, stacked by ``by`` (the ``top`` largest; the rest as "other").

    Documents not placed in a period (coarser date, undated) are not drawn;
    :func:`kuril_research.analysis.periods.coverage_note` says how many for the caption.

    Examples
    --------
    >>> docs = pd.DataFrame({"period": ["2015", "2015", "2017", None], "outlet": ["A", "B", "A", "A"]})
    >>> drawn = plot_period_counts(docs, freq="year")
    >>> drawn.data.to_dict("list")
    {'period': ['2015', '2016', '2017'], 'A': [1, 0, 1], 'B': [1, 0, 0]}
    """
    from matplotlib.ticker import MaxNLocator

    check_freq(freq, "freq")
    require_columns(documents, ["period", by], "documents")
    placed = documents[documents["period"].notna()]
    groups = placed[by].astype("string").fillna("unknown")
    chosen, n_rest = _series_order(groups.value_counts(sort=False), top)
    groups = groups.where(groups.isin(chosen), "other")
    every = period_range(placed["period"].tolist(), freq)
    counts = pd.crosstab(placed["period"], groups).reindex(every, fill_value=0)
    counts = counts[[c for c in [*chosen, "other"] if c in counts.columns]]
    counts.index.name, counts.columns.name = "period", None
    palette = fs.outlet_colors(chosen)
    palette["other"] = "#BBBBBB"
    fig = new_figure(style, max(2.6, style.width * 0.45))
    ax = fig.subplots()
    x = period_midpoints(list(counts.index), freq)
    days = {"year": 365, "quarter": 91, "month": 30}[freq]
    bottom = np.zeros(len(counts))
    handles = []
    m = 0
    for j, name in enumerate(counts.columns):
        values = counts[name].to_numpy(dtype=float)
        drawn = values > 0                           # empty segments would only cost time in every format
        bars = ax.bar(x[drawn], values[drawn], width=np.timedelta64(int(days * 0.8), "D"), bottom=bottom[drawn],
                      color=style.color(palette[name]), hatch=style.hatch(j), edgecolor="white", linewidth=0.3,
                      label=str(name))
        m = mark_data(bars, m)
        handles.append(bars)
        bottom += values
    date_axis(ax, freq, style)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("documents")
    legend_below(fig, handles, [h.get_label() for h in handles])
    note = f"{n_rest} smaller {by} values are drawn together as 'other'." if n_rest else ""
    return Drawing(fig, counts.reset_index(), note)
