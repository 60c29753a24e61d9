"""Shares with their Wilson intervals, one row per group and a point per series."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from kuril_research.analysis.intervals import wilson_interval
from kuril_research.publish import figure_style as fs
from kuril_research.publish.figures.drawing import (
    DEFAULT_STYLE, Drawing, fit_label, legend_below, mark_data, new_figure, require_columns, rest_note, wrap_text,
)

__all__ = ["plot_shares"]


def plot_shares(table: pd.DataFrame, *, row: str | Sequence[str], series: str, k: str, n: str,
                colors: Mapping[str, str] | None = None, xlabel: str = "share", top_series: int = 8,
                style: fs.FigureStyle = DEFAULT_STYLE) -> Drawing:
    """Shares with their 95 % Wilson intervals and their n: one line per row, one marker per series.

    A share k / n is drawn as a point with a whisker from the Wilson interval
    (:func:`kuril_research.analysis.intervals.wilson_interval`); n is written in the row
    label when it is the same for every series of a row, otherwise in the
    legend when it is the same for every row of a series, otherwise next to
    each point. Rows with n = 0 are left out. Rows beyond what fits the page
    are left out, the smallest n first, and counted in the note.

    Parameters
    ----------
    table : DataFrame
        Tidy: one row per (row, series) with counts ``k`` and ``n``.
    row : str or list of str
        Column(s) naming a line of the figure (joined with " · ").
    series : str
        Column naming the marker (naming side, frame, group...).
    k, n : str
        Columns of the counts: the share is k / n.
    colors : mapping, optional
        Series value → colour; default the outlet palette.
    xlabel : str
    top_series : int
        Most series drawn (those with the largest total n); the note counts the rest.
    style : FigureStyle

    Returns
    -------
    Drawing
        Its data has the share and the interval of every point drawn.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "naming": ["japanese", "russian"] * 2,
    ...                   "k": [2, 0, 1, 3], "total": [2, 2, 4, 4]})
    >>> drawn = plot_shares(t, row="outlet", series="naming", k="k", n="total", colors=fs.NAMING_COLORS)
    >>> [t.get_text() for t in drawn.figure.axes[0].get_yticklabels()]
    ['A (n = 2)', 'B (n = 4)']
    >>> drawn.data[["share", "ci_low"]].round(3).values.tolist()[0]
    [1.0, 0.342]
    """
    rows = [row] if isinstance(row, str) else list(row)
    require_columns(table, [*rows, series, k, n], "table")
    known = fs.labels()
    data = table[[*rows, series, k, n]].copy()
    data = data[data[n].fillna(0).astype(float) > 0].reset_index(drop=True)
    size = data.groupby(series, sort=False)[n].sum()
    kept_series = list(size.sort_values(ascending=False, kind="mergesort").index[:top_series])
    series_note = rest_note(len(size) - len(kept_series), f"{series} values (those with the smallest n)")
    data = data[data[series].isin(kept_series)].reset_index(drop=True)
    kk, nn = data[k].to_numpy(dtype=float), data[n].to_numpy(dtype=float)
    data["share"] = kk / nn
    data["ci_low"], data["ci_high"] = wilson_interval(kk, nn)
    data["row_label"] = [" · ".join(fs.label(v, known) if not isinstance(v, (int, np.integer)) else str(v)
                                    for v in values) for values in data[rows].itertuples(index=False)]
    order = list(dict.fromkeys(data["row_label"]))
    fit = style.max_rows(extra=1.6)
    note = ""
    if len(order) > fit:
        size = data.groupby("row_label", sort=False)[n].max()
        keep = set(size.sort_values(ascending=False, kind="mergesort").index[:fit])
        note = rest_note(len(order) - fit, "rows (those with the smallest n)")
        order = [r for r in order if r in keep]
        data = data[data["row_label"].isin(keep)].reset_index(drop=True)
    note = " ".join(x for x in (note, series_note) if x)
    series_values = list(dict.fromkeys(data[series]))
    per_row = data.groupby("row_label", sort=False)[n].nunique().le(1).all()
    per_series = data.groupby(series, sort=False)[n].nunique().le(1).all()
    palette = colors or fs.outlet_colors(map(str, series_values))
    labels_y = order
    if per_row:
        totals = data.groupby("row_label", sort=False)[n].first()
        labels_y = [f"{r} (n = {int(totals[r]):,})" for r in order]
    label_chars = max(12, int(0.42 * style.width * 72 / ((style.font_size - 1) * 0.55)))   # at most 42 % of the width
    labels_y = [wrap_text(text, label_chars) for text in labels_y]
    lines = max((text.count("\n") + 1 for text in labels_y), default=1)
    label_inches = max((len(line) for text in labels_y for line in text.split("\n")), default=0) * (
        style.font_size - 1) * 0.55 / 72
    fig = new_figure(style, style.height(len(order), per_row=style.line_height * max(lines, 1.2 if len(series_values) > 1
                                                                                      else 1.0), extra=1.6))
    ax = fig.subplots()
    y_of = {label: i for i, label in enumerate(order)}
    offsets = np.linspace(-0.3, 0.3, len(series_values)) if len(series_values) > 1 else [0.0]
    handles, texts, m = [], [], 0
    markers = "osD^vP*Xhp"
    for j, (value, offset) in enumerate(zip(series_values, offsets)):
        part = data[data[series] == value]
        y = np.array([y_of[r] for r in part["row_label"]]) + offset
        color = style.color(palette.get(str(value), fs.outlet_color(str(value))))
        share = part["share"].to_numpy(dtype=float)
        err = np.clip(np.vstack([share - part["ci_low"].to_numpy(dtype=float),
                                 part["ci_high"].to_numpy(dtype=float) - share]), 0, None)   # rounding at 0 and 1
        drawn = ax.errorbar(share, y, xerr=err, fmt=markers[j % len(markers)], color=color, markersize=4,
                            elinewidth=0.9, capsize=0, linestyle="none")
        m = mark_data([drawn.lines[0], *drawn.lines[2]], m)
        handles.append(drawn)
        text = fs.label(value, known)
        if per_series and not per_row:
            text += f" (n = {int(part[n].iloc[0]):,})"
        texts.append(text)
        if not per_row and not per_series:
            for xv, yv, nv in zip(share, y, part[n].to_numpy(dtype=float)):
                ax.annotate(f"n={int(nv):,}", (xv, yv), xytext=(3, 2), textcoords="offset points",
                            fontsize=style.font_size - 2)
    ax.set_yticks(range(len(order)), labels=labels_y)
    ax.set_ylim(len(order) - 0.5, -0.5)
    top = float(np.nanmax(data["ci_high"].to_numpy(dtype=float), initial=0.0))
    ax.set_xlim(0, 1.0 if top > 0.6 else max(0.05, np.ceil(top * 1.1 * 20) / 20))   # room for the widest interval
    ax.set_xlabel(fit_label(f"{xlabel} (point) with 95 % Wilson interval (line)",
                             max(1.2, style.width - label_inches - 0.4), style))
    ax.grid(axis="x", linewidth=0.3, color="#dddddd")
    if len(series_values) > 1 or per_series:
        legend_below(fig, handles, texts)
    return Drawing(fig, data.drop(columns="row_label"), note)
