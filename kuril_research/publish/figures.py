"""Draw the study's figures from the tidy tables of the analysis modules.

Each function takes a DataFrame that an analysis function returns, draws on a
new :class:`matplotlib.figure.Figure` (never through ``pyplot``'s global state)
and returns a :class:`Drawing`: the figure, the numbers drawn and a note for
the caption (what was left out). :func:`kuril_research.publish.outputs.save_figure`
saves all three.

Every figure follows :mod:`kuril_research.publish.figure_style`: one or two journal
columns wide, never taller than :data:`~kuril_research.publish.figure_style.MAX_HEIGHT`
inches, human labels, one palette per concept, legends outside the data. A
figure that would need more rows than fit shows the largest ones and says how
many it left out; the tables behind it keep everything.

Data artists carry SVG ids ``kr-data-N`` and legends ``kr-legend-N``, so a
test can find them in the SVG and check that no legend covers data.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from kuril_research.publish import figure_style as fs
from kuril_research.errors import ParameterError
from kuril_research.analysis.intervals import wilson_interval
from kuril_research.analysis.periods import check_freq, period_midpoints, period_range

__all__ = ["MAX_ROWS", "Drawing", "choose_documents", "document_labels", "plot_dispersion", "plot_heatmap",
           "plot_ranked", "plot_keyness", "keyness_caption", "plot_shares", "plot_over_time", "plot_period_counts",
           "plot_stacked_counts"]

#: Most rows (documents) a per-document figure accepts at all (it draws at most what fits the page).
MAX_ROWS = 500
_DEFAULT = fs.FigureStyle()


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


def _require(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ParameterError(f"{what} lacks columns {missing}", field=missing[0],
                             hint="pass the DataFrame that the matching kuril_research analysis function returns")


def _check_rows(n: int, what: str) -> None:
    if n > MAX_ROWS:
        raise ParameterError(f"{what}: {n} rows is more than a figure can show ({MAX_ROWS} at most)",
                             field="doc_ids", hint="pick the documents to draw with figures.choose_documents")


def _new_figure(style: fs.FigureStyle, height: float) -> Figure:
    fig = Figure(figsize=(style.width, min(fs.MAX_HEIGHT, height)), layout="constrained")
    fig.get_layout_engine().set(w_pad=0.04, h_pad=0.04)
    return fig


def _mark_data(artists, start: int = 0) -> int:
    """Give data artists SVG ids ``kr-data-N``; return the next N."""
    n = start
    for artist in artists if isinstance(artists, (list, tuple)) else [artists]:
        children = getattr(artist, "patches", None) or getattr(artist, "lines", None)
        for item in (children if children else [artist]):
            if isinstance(item, (list, tuple)):
                n = _mark_data(item, n)
                continue
            item.set_gid(f"kr-data-{n}")
            n += 1
    return n


def _legend_below(fig: Figure, handles, texts, *, title: str | None = None, ncols: int | None = None):
    """A legend under the axes, outside the data, as many columns as fit the width."""
    if not handles:
        return None
    longest = max(len(str(t)) for t in texts)
    fit = max(1, int(fig.get_figwidth() / (0.35 + 0.065 * longest * fig.get_dpi() / 100)))
    legend = fig.legend(handles, texts, loc="outside lower center", ncols=ncols or min(len(texts), fit),
                        frameon=False, title=title)
    legend.set_gid("kr-legend-1")
    return legend


def _rest_note(n_rest: int, what: str) -> str:
    return f"{n_rest} more {what} not shown." if n_rest else ""


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def _fit_label(text: str, inches: float, style: fs.FigureStyle) -> str:
    """Wrap an axis label to the inches it may take (a character is about 0.55 em wide).

    Examples
    --------
    >>> _fit_label("share of sentences (point) with 95 % Wilson interval (line)", 2.0, fs.FigureStyle(font_size=8))
    'share of sentences (point) with\\n95 % Wilson interval (line)'
    """
    return _wrap(text, max(12, int(inches * 72 / (style.font_size * 0.55))))


def _date_axis(ax, freq: str, style: fs.FigureStyle) -> None:
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=max(4, int(style.width / 0.55)))
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, show_offset=False))
    ax.set_xlabel({"year": "year", "quarter": "quarter (placed at its middle)",
                   "month": "month (placed at its middle)"}[freq])


def choose_documents(doc_ids: Sequence[str] | pd.Series, observations: Sequence[str] | pd.Series,
                     max_documents: int) -> list[str]:
    """Pick the documents a per-document figure shows: at most ``max_documents``, those with the most observations.

    Parameters
    ----------
    doc_ids : sequence of str
        Every document, in the order to show them (e.g. ``corpus.documents["doc_id"]``).
    observations : sequence of str
        One ``doc_id`` per observation (e.g. the ``doc_id`` column of
        :func:`kuril_research.analysis.dispersion.positions` or of
        :func:`kuril_research.coding.framing.frames`); a document's count is how often
        it appears here (ids not in ``doc_ids`` are ignored).
    max_documents : int
        How many documents to keep (at least 1).

    Returns
    -------
    list of str
        The ``max_documents`` documents with the largest counts (a tie goes to
        the one earlier in ``doc_ids``; documents without observations come last,
        in order), listed in the order of ``doc_ids``. All of them when there
        are no more than ``max_documents``.

    Examples
    --------
    >>> choose_documents(["a", "b", "c", "d"], ["c", "b", "c", "d", "x"], 2)
    ['b', 'c']
    >>> choose_documents(["a", "b", "c"], [], 2)
    ['a', 'b']
    """
    if isinstance(max_documents, bool) or not isinstance(max_documents, (int, np.integer)) or max_documents < 1:
        raise ParameterError(f"max_documents must be an integer of at least 1, not {max_documents!r}",
                             field="max_documents", hint="e.g. max_documents=40")
    ids = pd.Series(doc_ids).astype("string")
    per_doc = pd.Series(observations, dtype="string").value_counts()
    counts = per_doc.reindex(pd.Index(ids), fill_value=0).to_numpy(dtype=np.int64)
    order = np.lexsort((np.arange(len(ids)), -counts))           # most observations first, then earlier
    return ids.iloc[np.sort(order[:max_documents])].tolist()



def document_labels(documents: pd.DataFrame, doc_ids: Sequence[str]) -> list[str]:
    """Row labels for documents a reader can look up: ``outlet, date`` (never the file's id).

    Two documents of the same outlet and date are told apart by ``(2)``, ``(3)``...
    in the order given.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["TASS", "TASS", None],
    ...                      "published": ["2019-01-14", "2019-01-14", None]})
    >>> document_labels(docs, ["b", "a", "c"])
    ['TASS, 2019-01-14', 'TASS, 2019-01-14 (2)', 'unknown outlet, undated']
    """
    by_id = documents.set_index("doc_id")
    seen: dict[str, int] = {}
    out = []
    for doc in doc_ids:
        row = by_id.loc[doc]
        outlet = row["outlet"] if isinstance(row["outlet"], str) else "unknown outlet"
        date = row["published"] if isinstance(row["published"], str) else "undated"
        text = f"{outlet}, {date}"
        seen[text] = seen.get(text, 0) + 1
        out.append(text if seen[text] == 1 else f"{text} ({seen[text]})")
    return out


def plot_dispersion(
    positions: pd.DataFrame,
    *,
    doc_ids: Sequence[str] | None = None,
    terms: Sequence[str] | None = None,
    documents: pd.DataFrame | None = None,
    style: fs.FigureStyle = _DEFAULT,
) -> Drawing:
    """Draw where terms occur in each document (a dispersion or "barcode" plot).

    One panel per term, side by side; one row per document, one tick per
    occurrence at its relative position in the document (0 = first token,
    1 = end), as in AntConc's concordance plot. Read with
    :func:`kuril_research.analysis.dispersion.dispersion`, which puts numbers (DP,
    Juilland's D) on what the plot shows. Rows that do not fit the page
    (:meth:`FigureStyle.max_rows`) are left out and counted in the note.

    Parameters
    ----------
    positions : DataFrame
        As returned by :func:`kuril_research.analysis.dispersion.positions`; needs the
        columns ``doc_id``, ``term`` and ``rel_position``.
    doc_ids : sequence of str, optional
        Documents to show, top to bottom; default those in ``positions`` in order
        of appearance (:func:`choose_documents` picks them in a large corpus).
    terms : sequence of str, optional
        Terms to show, one panel each; default those in ``positions``.
    documents : DataFrame, optional
        ``corpus.documents``: rows are then labelled "outlet, date".
    style : FigureStyle

    Returns
    -------
    Drawing

    Examples
    --------
    >>> from kuril_research.analysis.dispersion import positions
    >>> from kuril_research.testing import two_habomai_articles
    >>> corpus = two_habomai_articles()
    >>> drawn = plot_dispersion(positions(corpus, ["habomai", "treaty"]),
    ...                         doc_ids=corpus.documents.doc_id.tolist(), documents=corpus.documents)
    >>> [ax.get_title() for ax in drawn.figure.axes]
    ['Habomai (2)', 'treaty (2)']
    """
    _require(positions, ["doc_id", "term", "rel_position"], "positions")
    docs = list(dict.fromkeys(positions["doc_id"].tolist())) if doc_ids is None else list(doc_ids)
    panels = list(dict.fromkeys(positions["term"].tolist())) if terms is None else list(terms)
    if not panels:
        raise ParameterError("no term to plot", field="terms", hint="pass terms, or positions with rows")
    _check_rows(len(docs), "plot_dispersion")
    fit = style.max_rows(extra=1.4)
    note = _rest_note(max(0, len(docs) - fit), "documents")
    docs = docs[:fit]
    row_labels = document_labels(documents, docs) if documents is not None else docs
    known = fs.term_labels()
    fig = _new_figure(style, style.height(len(docs), extra=1.4))
    axes = fig.subplots(1, len(panels), sharey=True, squeeze=False)[0]
    row_of = {doc: i for i, doc in enumerate(docs)}
    shown = positions[positions["doc_id"].isin(docs)]
    wrap = max(8, int(style.width / len(panels) * 72 / style.font_size * 1.6))
    n = 0
    for ax, term in zip(axes, panels):
        hits = shown[shown["term"] == term]
        rows = np.array([row_of[d] for d in hits["doc_id"]], dtype=float)
        lines = ax.vlines(hits["rel_position"].to_numpy(dtype=float), rows - 0.4, rows + 0.4, linewidth=0.8,
                          color=style.color("#0072B2"))
        n = _mark_data(lines, n)
        ax.set_ylim(len(docs) - 0.5, -0.5)
        ax.set_xlim(0, 1)
        ax.set_xticks([0, 0.5, 1], labels=["0", "½", "1"])
        ax.set_title(_wrap(f"{fs.label(term, known)} ({len(hits)})", wrap), fontsize=style.font_size - 1)
        ax.tick_params(axis="y", length=0)
    axes[0].set_yticks(range(len(docs)), labels=row_labels)
    fig.supxlabel(_fit_label("relative position in the document (0 = start, 1 = end)", style.width * 0.7, style),
                  fontsize=style.font_size)
    return Drawing(fig, shown.reset_index(drop=True), note)


def plot_heatmap(
    grid: pd.DataFrame,
    *,
    fmt: str = ".2f",
    cmap: str = "Blues",
    vmin: float | None = 0.0,
    vmax: float | None = None,
    row_labels: Sequence[str] | None = None,
    colorbar_label: str = "",
    style: fs.FigureStyle = _DEFAULT,
) -> Drawing:
    """Draw a table of numbers as a heatmap: one row per index value, one column per column.

    Columns are labelled with :func:`~kuril_research.publish.figure_style.label`;
    values are written in the cells when they fit. Rows beyond what fits the
    page are left out and counted in the note.

    Parameters
    ----------
    grid : DataFrame
        Numbers to draw (e.g. frame shares, documents × frames); ``NaN`` cells stay blank.
    fmt : str, default ".2f"
    cmap : str, default "Blues" (sequential; readable in greyscale)
    vmin, vmax : float, optional
        Ends of the colour scale; default 0 and the largest value.
    row_labels : sequence of str, optional
        Default the index.
    colorbar_label : str
    style : FigureStyle

    Returns
    -------
    Drawing

    Examples
    --------
    >>> grid = pd.DataFrame({"sanctions": [0.5, 0.0], "treaty": [0.25, 1.0]}, index=["a", "b"])
    >>> fig = plot_heatmap(grid).figure
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()], [t.get_text() for t in fig.axes[0].texts]
    (['a', 'b'], ['0.50', '0.25', '0.00', '1.00'])
    """
    _check_rows(len(grid), "plot_heatmap")
    fit = style.max_rows(extra=2.2)
    note = _rest_note(max(0, len(grid) - fit), "rows")
    grid = grid.iloc[:fit]
    rows = list(row_labels)[:fit] if row_labels is not None else [str(i) for i in grid.index]
    known = fs.labels()
    tick_pt = style.font_size - 1
    row_inches = max((len(r) for r in rows), default=0) * tick_pt * 0.55 / 72
    cell_pt = max(1.0, (style.width - row_inches - 1.1) * 72 / max(1, grid.shape[1]))
    lines_fit = max(1, int(cell_pt / (tick_pt * 1.3)))             # upright column labels side by side
    columns = [_wrap(fs.label(c, known), 16) if lines_fit >= 2 else fs.label(c, known) for c in grid.columns]
    column_inches = max((len(line) for c in columns for line in c.split("\n")), default=0) * tick_pt * 0.55 / 72
    values = grid.to_numpy(dtype=float, na_value=np.nan)
    fig = _new_figure(style, style.height(len(rows), extra=0.9 + column_inches))
    ax = fig.subplots()
    mesh = ax.pcolormesh(np.ma.masked_invalid(values), cmap="Greys" if style.greyscale else cmap,
                         vmin=vmin, vmax=vmax if vmax is not None else np.nanmax(values, initial=1.0))
    _mark_data(mesh)
    ax.set_xticks(np.arange(len(columns)) + 0.5, labels=columns, rotation=90)
    ax.set_yticks(np.arange(len(rows)) + 0.5, labels=rows)
    ax.set_ylim(len(rows), 0)
    ax.tick_params(length=0)
    cell_width = style.width * 0.6 / max(1, len(columns)) * 72      # points, roughly
    if cell_width >= 3.2 * (style.font_size - 2) and len(rows) * style.line_height < fs.MAX_HEIGHT:
        top = np.nanmax(values, initial=1.0) or 1.0
        for (i, j), v in np.ndenumerate(values):
            if not np.isnan(v):
                ax.text(j + 0.5, i + 0.5, format(v, fmt), ha="center", va="center", fontsize=style.font_size - 2,
                        color="white" if v > 0.6 * top else "black")
    bar = fig.colorbar(mesh, ax=ax, shrink=0.6, location="right")
    bar.set_label(colorbar_label)
    return Drawing(fig, grid, note)


def plot_ranked(values: pd.Series, *, xlabel: str, style: fs.FigureStyle = _DEFAULT,
                color: str = "#0072B2") -> Drawing:
    """Horizontal bars of a ranked list (largest on top), labelled with human labels.

    Examples
    --------
    >>> drawn = plot_ranked(pd.Series({"iturup": 5, "talks": 3}), xlabel="occurrences")
    >>> [t.get_text() for t in drawn.figure.axes[0].get_yticklabels()]
    ['Iturup / Etorofu', 'talks']
    """
    fit = style.max_rows()
    note = _rest_note(max(0, len(values) - fit), "terms")
    values = values.iloc[:fit]
    known = fs.term_labels()
    fig = _new_figure(style, style.height(len(values)))
    ax = fig.subplots()
    y = np.arange(len(values))
    bars = ax.barh(y, values.to_numpy(dtype=float), color=style.color(color))
    _mark_data(bars)
    ax.set_yticks(y, labels=[fs.label(v, known) for v in values.index])
    ax.set_ylim(len(values) - 0.5, -0.5)
    ax.set_xlabel(_fit_label(xlabel, style.width * 0.6, style))
    return Drawing(fig, values.rename_axis(values.index.name or "term").reset_index(), note)


def plot_keyness(keywords: pd.DataFrame, *, alpha: float = 0.05, target: str = "target",
                 reference: str = "reference", style: fs.FigureStyle = _DEFAULT) -> Drawing:
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
    _require(keywords, ["term", "log_ratio", "p_adjusted", "direction"], "keywords")
    fit = style.max_rows(extra=1.6)
    note = _rest_note(max(0, len(keywords) - fit), "terms")
    shown = keywords.iloc[:fit].sort_values("log_ratio", kind="mergesort").reset_index(drop=True)
    known = fs.term_labels()
    colors = style.colors(fs.DIRECTION_COLORS)
    fig = _new_figure(style, style.height(len(shown), extra=1.6))
    ax = fig.subplots()
    y = np.arange(len(shown))
    ratio = shown["log_ratio"].to_numpy(dtype=float)
    significant = (shown["p_adjusted"].to_numpy(dtype=float, na_value=1.0) < alpha)
    side = np.where(ratio >= 0, "target", "reference")
    bars = ax.barh(y, ratio, color=[colors[s] if sig else "white" for s, sig in zip(side, significant)],
                   edgecolor=[colors[s] for s in side], linewidth=0.8)
    _mark_data(bars)
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_yticks(y, labels=[fs.label(t, known) for t in shown["term"]])
    ax.set_xlabel(_fit_label(f"log ratio: log₂ of relative frequency, {target} ÷ {reference}", style.width * 0.6, style))
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=colors["target"], edgecolor=colors["target"]),
               Patch(facecolor=colors["reference"], edgecolor=colors["reference"]),
               Patch(facecolor="white", edgecolor="grey")]
    _legend_below(fig, handles, [f"more frequent in {target}", f"more frequent in {reference}",
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


def plot_shares(table: pd.DataFrame, *, row: str | Sequence[str], series: str, k: str, n: str,
                colors: Mapping[str, str] | None = None, xlabel: str = "share", top_series: int = 8,
                style: fs.FigureStyle = _DEFAULT) -> Drawing:
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
    _require(table, [*rows, series, k, n], "table")
    known = fs.labels()
    data = table[[*rows, series, k, n]].copy()
    data = data[data[n].fillna(0).astype(float) > 0].reset_index(drop=True)
    size = data.groupby(series, sort=False)[n].sum()
    kept_series = list(size.sort_values(ascending=False, kind="mergesort").index[:top_series])
    series_note = _rest_note(len(size) - len(kept_series), f"{series} values (those with the smallest n)")
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
        note = _rest_note(len(order) - fit, "rows (those with the smallest n)")
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
    labels_y = [_wrap(text, label_chars) for text in labels_y]
    lines = max((text.count("\n") + 1 for text in labels_y), default=1)
    label_inches = max((len(line) for text in labels_y for line in text.split("\n")), default=0) * (
        style.font_size - 1) * 0.55 / 72
    fig = _new_figure(style, style.height(len(order), per_row=style.line_height * max(lines, 1.2 if len(series_values) > 1
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
        m = _mark_data([drawn.lines[0], *drawn.lines[2]], m)
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
    ax.set_xlabel(_fit_label(f"{xlabel} (point) with 95 % Wilson interval (line)",
                             max(1.2, style.width - label_inches - 0.4), style))
    ax.grid(axis="x", linewidth=0.3, color="#dddddd")
    if len(series_values) > 1 or per_series:
        _legend_below(fig, handles, texts)
    return Drawing(fig, data.drop(columns="row_label"), note)


def _series_order(values: pd.Series, top: int) -> tuple[list, int]:
    totals = values.groupby(level=0, sort=False).sum() if isinstance(values, pd.Series) else values
    ranked = totals.sort_values(ascending=False, kind="mergesort")
    return list(ranked.index[:top]), max(0, len(ranked) - top)


def plot_over_time(table: pd.DataFrame, *, period: str = "period", value: str, series: str,
                   freq: str, ylabel: str, colors: Mapping[str, str] | None = None, top: int = 8,
                   interval: tuple[str, str] | None = None, style: fs.FigureStyle = _DEFAULT) -> Drawing:
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
    _require(table, [period, value, series], "table")
    extra = list(interval) if interval else []
    data = table[table[period].notna()][[period, series, value, *extra]].reset_index(drop=True)
    chosen, n_rest = _series_order(data.set_index(series)[value].astype(float), top)
    data = data[data[series].isin(chosen)].reset_index(drop=True)
    known = fs.term_labels() if series == "term" else fs.labels()
    palette = colors or fs.outlet_colors(map(str, chosen))
    fig = _new_figure(style, max(2.6, style.width * 0.5))
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
            m = _mark_data(band, m)
        (line,) = ax.plot(x, part[value].to_numpy(dtype=float), marker=markers[j % len(markers)],
                          markersize=0 if dense else 3, linewidth=0.6 if dense else 1.0, color=color,
                          linestyle=["-", "--", ":", "-."][j % 4] if style.greyscale else "-",
                          label=fs.label(name, known))
        m = _mark_data(line, m)
        handles.append(line)
    _date_axis(ax, freq, style)
    ax.set_ylabel(_fit_label(ylabel, 2.2, style))
    ax.set_ylim(bottom=0)
    _legend_below(fig, handles, [h.get_label() for h in handles])
    note = _rest_note(n_rest, f"{series} values")
    if interval and len(chosen) <= 4:
        note = f"{note} Bands: 95 % Wilson intervals.".strip()
    return Drawing(fig, data, note)


def plot_period_counts(documents: pd.DataFrame, *, freq: str, by: str = "outlet", top: int = 8,
                       style: fs.FigureStyle = _DEFAULT) -> Drawing:
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
    _require(documents, ["period", by], "documents")
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
    fig = _new_figure(style, max(2.6, style.width * 0.45))
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
        m = _mark_data(bars, m)
        handles.append(bars)
        bottom += values
    _date_axis(ax, freq, style)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("documents")
    _legend_below(fig, handles, [h.get_label() for h in handles])
    note = f"{n_rest} smaller {by} values are drawn together as 'other'." if n_rest else ""
    return Drawing(fig, counts.reset_index(), note)


def plot_stacked_counts(counts: pd.DataFrame, *, colors: Mapping[str, str] | None = None, xlabel: str = "count",
                        style: fs.FigureStyle = _DEFAULT) -> Drawing:
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
    note = _rest_note(max(0, len(counts) - fit), "rows")
    counts = counts.iloc[:fit]
    known = fs.labels()
    fig = _new_figure(style, style.height(len(counts), extra=1.6))
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
        m = _mark_data(bars, m)
        handles.append(bars)
        left += values
    for yi, total in zip(y, left):
        ax.annotate(f"{int(total):,}", (total, yi), xytext=(2, 0), textcoords="offset points", va="center",
                    fontsize=style.font_size - 2)
    ax.set_yticks(y, labels=[fs.label(v, known) for v in counts.index])
    ax.set_ylim(len(counts) - 0.5, -0.5)
    ax.set_xlim(0, max(1.0, float(left.max(initial=0)) * 1.12))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(_fit_label(xlabel, style.width * 0.6, style))
    if len(counts.columns) > 1:
        _legend_below(fig, handles, [h.get_label() for h in handles])
    return Drawing(fig, counts.reset_index(), note)
