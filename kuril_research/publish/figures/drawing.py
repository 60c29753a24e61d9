"""What every figure shares: the :class:`Drawing` it returns and the helpers that size, label and mark it."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd
from matplotlib.figure import Figure

from kuril_research.errors import ParameterError
from kuril_research.publish import figure_style as fs

__all__ = ["MAX_ROWS", "DEFAULT_STYLE", "Drawing", "require_columns", "check_rows", "new_figure", "mark_data",
           "legend_below", "rest_note", "wrap_text", "fit_label", "date_axis"]

#: Most rows (documents) a per-document figure accepts at all (it draws at most what fits the page).
MAX_ROWS = 500
#: The style of a figure drawn without one: two journal columns, 8 pt.
DEFAULT_STYLE = fs.FigureStyle()


@dataclass
class Drawing:
    """A drawn figure with the numbers behind it and a note for its caption.

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    data : DataFrame
        The numbers drawn (saved beside the figure).
    note : str
        What the caption must add, e.g. "12 more outlets not shown." ("" when nothing).
    """

    figure: Figure
    data: pd.DataFrame = field(default_factory=pd.DataFrame)
    note: str = ""


def require_columns(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    """Raise a ParameterError naming the first of ``columns`` that ``frame`` lacks."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ParameterError(f"{what} lacks columns {missing}", field=missing[0],
                             hint="pass the DataFrame that the matching kuril_research analysis function returns")


def check_rows(n: int, what: str) -> None:
    """Refuse a per-document figure of more than :data:`MAX_ROWS` rows."""
    if n > MAX_ROWS:
        raise ParameterError(f"{what}: {n} rows is more than a figure can show ({MAX_ROWS} at most)",
                             field="doc_ids", hint="pick the documents to draw with figures.choose_documents")


def new_figure(style: fs.FigureStyle, height: float) -> Figure:
    """An empty figure as wide as ``style``, ``height`` inches tall (at most ``figure_style.MAX_HEIGHT``)."""
    fig = Figure(figsize=(style.width, min(fs.MAX_HEIGHT, height)), layout="constrained")
    fig.get_layout_engine().set(w_pad=0.04, h_pad=0.04)
    return fig


def mark_data(artists, start: int = 0) -> int:
    """Give data artists SVG ids ``kr-data-N``; return the next N."""
    n = start
    for artist in artists if isinstance(artists, (list, tuple)) else [artists]:
        children = getattr(artist, "patches", None) or getattr(artist, "lines", None)
        for item in (children if children else [artist]):
            if isinstance(item, (list, tuple)):
                n = mark_data(item, n)
                continue
            item.set_gid(f"kr-data-{n}")
            n += 1
    return n


def legend_below(fig: Figure, handles, texts, *, title: str | None = None, ncols: int | None = None):
    """A legend under the axes, outside the data, as many columns as fit the width."""
    if not handles:
        return None
    longest = max(len(str(t)) for t in texts)
    fit = max(1, int(fig.get_figwidth() / (0.35 + 0.065 * longest * fig.get_dpi() / 100)))
    legend = fig.legend(handles, texts, loc="outside lower center", ncols=ncols or min(len(texts), fit),
                        frameon=False, title=title)
    legend.set_gid("kr-legend-1")
    return legend


def rest_note(n_rest: int, what: str) -> str:
    """The caption note for rows left out of a figure ("" when none were).

    Examples
    --------
    >>> rest_note(3, "outlets"), rest_note(0, "outlets")
    ('3 more outlets not shown.', '')
    """
    return f"{n_rest} more {what} not shown." if n_rest else ""


def wrap_text(text: str, width: int) -> str:
    """``text`` wrapped to lines of at most ``width`` characters."""
    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def fit_label(text: str, inches: float, style: fs.FigureStyle) -> str:
    """Wrap an axis label to the inches it may take (a character is about 0.55 em wide).

    Examples
    --------
    >>> fit_label("share of sentences (point) with 95 % Wilson interval (line)", 2.0, fs.FigureStyle(font_size=8))
    'share of sentences (point) with\\n95 % Wilson interval (line)'
    """
    return wrap_text(text, max(12, int(inches * 72 / (style.font_size * 0.55))))


def date_axis(ax, freq: str, style: fs.FigureStyle) -> None:
    """Date ticks that fit the figure's width, and an x label saying where a period is placed."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=max(4, int(style.width / 0.55)))
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, show_offset=False))
    ax.set_xlabel({"year": "year", "quarter": "quarter (placed at its middle)",
                   "month": "month (placed at its middle)"}[freq])
