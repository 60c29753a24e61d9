"""Horizontal bar charts: ranked counts, keyness (G²) and counts stacked by a category."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from kuril_research.publish import figure_style as fs
from kuril_research.publish.figures.drawing import (
    DEFAULT_STYLE, Drawing, fit_label, legend_below, mark_data, new_figure, require_columns, rest_note,
)

__all__ = ["plot_ranked", "plot_keyness", "keyness_caption", "plot_stacked_counts"]


def plot_ranked(values: pd.Series, *, xlabel: str, style: fs.FigureStyle = DEFAULT_STYLE,
                color: str = "#0072B2") -> Drawing:
    """Horizontal bars of a ranked list (largest on top), labelled with human labels.

    Examples
    --------
    >>> drawn = plot_ranked(pd.Series({"iturup": 5, "talks": 3}), xlabel="occurrences")
    >>> [t.get_text() for t in drawn.figure.axes[0].get_yticklabels()]
    ['Iturup / Etorofu', 'talks']
    """
    fit = style.max_rows()
    note = rest_note(max(0, len(values) - fit), "terms")
    values = values.iloc[:fit]
    known = fs.term_labels()
    fig = new_figure(style, style.height(len(values)))
    ax = fig.subplots()
    y = np.arange(len(values))
    bars = ax.barh(y, values.to_numpy(dtype=float), color=style.color(color))
    mark_data(bars)
    ax.set_yticks(y, labels=[fs.label(v, known) for v in values.index])
    ax.set_ylim(len(values) - 0.5, -0.5)
    ax.set_xlabel(fit_label(xlabel, style.width * 0.6, style))
    return Drawing(fig, values.rename_axis(values.index.name or "term").reset_index(), note)


def plot_keyness(keywords: pd.DataFrame, *, alpha: float = 0.05, target: str = "target",
                 reference: str = "reference", style: fs.FigureStyle = DEFAULT_STYLE) -> Drawing:
    """A diverging bar chart of keywords: log ratio, left for the reference, right for the target.

    Bars of terms whose Benjamini–Hochberg adjusted p is below ``alpha`` are
    filled; the others are drawn as outlines and are not called significant.

    Parameters
    ----------
    keywords : DataFrame
        From :func:`kuril_research.analysis.frequency.keyness` (``term``, ``log_ratio``,
        ``p_adjusted``, ``direction``).
    alpha : float
        Significance level for the adjusted p-values.
    target, reference : str
        How the two groups are named on the axis.
    style : FigureStyle

    Examples
    --------
    >>> k = pd.DataFrame({"term": ["a", "b"], "log_ratio": [1.5, -2.0], "p_adjusted": [0.01, 0.4],
    ...                   "direction": ["target", "reference"]})
    >>> ax = plot_keyness(k).figure.axes[0]
    >>> ax.get_xlabel()
    'log ratio: log₂ of relative frequency, target ÷ reference'
    """
    require_columns(keywords, ["term", "log_ratio", "p_adjusted", "direction"], "keywords")
    fit = style.max_rows(extra=1.6)
    note = rest_note(max(0, len(keywords) - fit), "terms")
    shown = keywords.iloc[:fit].sort_values("log_ratio", kind="mergesort").reset_index(drop=True)
    known = fs.term_labels()
    colors = style.colors(fs.DIRECTION_COLORS)
    fig = new_figure(style, style.height(len(shown), extra=1.6))
    ax = fig.subplots()
    y = np.arange(len(shown))
    ratio = shown["log_ratio"].to_numpy(dtype=float)
    significant = (shown["p_adjusted"].to_numpy(dtype=float, na_value=1.0) < alpha)
    side = np.where(ratio >= 0, "target", "reference")
    bars = ax.barh(y, ratio, color=[colors[s] if sig else "white" for s, sig in zip(side, significant)],
                   edgecolor=[colors[s] for s in side], linewidth=0.8)
    mark_data(bars)
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_yticks(y, labels=[fs.label(t, known) for t in shown["term"]])
    ax.set_xlabel(fit_label(f"log ratio: log₂ of relative frequency, {target} ÷ {reference}", style.width * 0.6, style))
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=colors["target"], edgecolor=colors["target"]),
               Patch(facecolor=colors["reference"], edgecolor=colors["reference"]),
               Patch(facecolor="white", edgecolor="grey")]
    legend_below(fig, handles, [f"more frequent in {target}", f"more frequent in {reference}",
                                 f"not significant (adjusted p ≥ {alpha:g})"])
    return Drawing(fig, shown, note)


def keyness_caption(keywords: pd.DataFrame, *, target: str, reference: str, alpha: float = 0.05) -> str:
    """A caption that calls significant only the terms that are (Benjamini–Hochberg adjusted p < ``alpha``).

    Examples
    --------
    >>> k = pd.DataFrame({"p_adjusted": [0.41, 0.6]})
    >>> keyness_caption(k, target="TASS", reference="all other outlets")
    'Log ratio of the 2 terms with the largest G² in TASS against all other outlets; none is significant (no Benjamini–Hochberg adjusted p is below 0.05): read them as descriptive.'
    >>> keyness_caption(pd.DataFrame({"p_adjusted": [0.01, 0.6]}), target="TASS", reference="the rest")
    'Log ratio of the 2 terms with the largest G² in TASS against the rest; 1 of them significant (Benjamini–Hochberg adjusted p < 0.05, filled bars).'
    """
    n = len(keywords)
    k = int((keywords["p_adjusted"].to_numpy(dtype=float, na_value=1.0) < alpha).sum())
    head = f"Log ratio of the {n} terms with the largest G² in {target} against {reference}; "
    if k == 0:
        return head + (f"none is significant (no Benjamini–Hochberg adjusted p is below {alpha:g}): "
                       "read them as descriptive.")
    return head + f"{k} of them significant (Benjamini–Hochberg adjusted p < {alpha:g}, filled bars)."




def plot_stacked_counts(counts: pd.DataFrame, *, colors: Mapping[str, str] | None = None, xlabel: str = "count",
                        style: fs.FigureStyle = DEFAULT_STYLE) -> Drawing:
    """Horizontal bars of counts (rows = index, stacked by column), with human labels and the total at each bar's end.

    Examples
    --------
    >>> c = pd.DataFrame({"japanese": [2, 0], "russian": [1, 3]}, index=["iturup", "habomai"])
    >>> drawn = plot_stacked_counts(c, colors=fs.NAMING_COLORS)
    >>> [t.get_text() for t in drawn.figure.axes[0].get_yticklabels()], [t.get_text() for t in drawn.figure.axes[0].texts]
    (['Iturup / Etorofu', 'Habomai'], ['3', '3'])
    """
    from matplotlib.ticker import MaxNLocator

    fit = style.max_rows(extra=1.6)
    note = rest_note(max(0, len(counts) - fit), "rows")
    counts = counts.iloc[:fit]
    known = fs.labels()
    fig = new_figure(style, style.height(len(counts), extra=1.6))
    ax = fig.subplots()
    y = np.arange(len(counts))
    left = np.zeros(len(counts))
    handles = []
    m = 0
    for j, name in enumerate(counts.columns):
        values = counts[name].to_numpy(dtype=float)
        color = (colors or {}).get(str(name), fs.outlet_color(str(name)))
        bars = ax.barh(y, values, left=left, color=style.color(color), hatch=style.hatch(j), edgecolor="white",
                       linewidth=0.3, label=fs.label(name, known))
        m = mark_data(bars, m)
        handles.append(bars)
        left += values
    for yi, total in zip(y, left):
        ax.annotate(f"{int(total):,}", (total, yi), xytext=(2, 0), textcoords="offset points", va="center",
                    fontsize=style.font_size - 2)
    ax.set_yticks(y, labels=[fs.label(v, known) for v in counts.index])
    ax.set_ylim(len(counts) - 0.5, -0.5)
    ax.set_xlim(0, max(1.0, float(left.max(initial=0)) * 1.12))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(fit_label(xlabel, style.width * 0.6, style))
    if len(counts.columns) > 1:
        legend_below(fig, handles, [h.get_label() for h in handles])
    return Drawing(fig, counts.reset_index(), note)
