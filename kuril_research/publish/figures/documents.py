"""Figures with one row per document: where terms occur (dispersion) and frame shares (heatmap)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from kuril_research.checks import positive_int
from kuril_research.errors import ParameterError
from kuril_research.publish import figure_style as fs
from kuril_research.publish.figures.drawing import (
    DEFAULT_STYLE, Drawing, check_rows, fit_label, mark_data, new_figure, require_columns, rest_note, wrap_text,
)

__all__ = ["choose_documents", "document_labels", "plot_dispersion", "plot_heatmap"]


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
    max_documents = positive_int(max_documents, "max_documents")
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
    style: fs.FigureStyle = DEFAULT_STYLE,
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
    require_columns(positions, ["doc_id", "term", "rel_position"], "positions")
    docs = list(dict.fromkeys(positions["doc_id"].tolist())) if doc_ids is None else list(doc_ids)
    panels = list(dict.fromkeys(positions["term"].tolist())) if terms is None else list(terms)
    if not panels:
        raise ParameterError("no term to plot", field="terms", hint="pass terms, or positions with rows")
    check_rows(len(docs), "plot_dispersion")
    fit = style.max_rows(extra=1.4)
    note = rest_note(max(0, len(docs) - fit), "documents")
    docs = docs[:fit]
    row_labels = document_labels(documents, docs) if documents is not None else docs
    known = fs.term_labels()
    fig = new_figure(style, style.height(len(docs), extra=1.4))
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
        n = mark_data(lines, n)
        ax.set_ylim(len(docs) - 0.5, -0.5)
        ax.set_xlim(0, 1)
        ax.set_xticks([0, 0.5, 1], labels=["0", "½", "1"])
        ax.set_title(wrap_text(f"{fs.label(term, known)} ({len(hits)})", wrap), fontsize=style.font_size - 1)
        ax.tick_params(axis="y", length=0)
    axes[0].set_yticks(range(len(docs)), labels=row_labels)
    fig.supxlabel(fit_label("relative position in the document (0 = start, 1 = end)", style.width * 0.7, style),
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
    style: fs.FigureStyle = DEFAULT_STYLE,
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
    check_rows(len(grid), "plot_heatmap")
    fit = style.max_rows(extra=2.2)
    note = rest_note(max(0, len(grid) - fit), "rows")
    grid = grid.iloc[:fit]
    rows = list(row_labels)[:fit] if row_labels is not None else [str(i) for i in grid.index]
    known = fs.labels()
    tick_pt = style.font_size - 1
    row_inches = max((len(r) for r in rows), default=0) * tick_pt * 0.55 / 72
    cell_pt = max(1.0, (style.width - row_inches - 1.1) * 72 / max(1, grid.shape[1]))
    lines_fit = max(1, int(cell_pt / (tick_pt * 1.3)))             # upright column labels side by side
    columns = [wrap_text(fs.label(c, known), 16) if lines_fit >= 2 else fs.label(c, known) for c in grid.columns]
    column_inches = max((len(line) for c in columns for line in c.split("\n")), default=0) * tick_pt * 0.55 / 72
    values = grid.to_numpy(dtype=float, na_value=np.nan)
    fig = new_figure(style, style.height(len(rows), extra=0.9 + column_inches))
    ax = fig.subplots()
    mesh = ax.pcolormesh(np.ma.masked_invalid(values), cmap="Greys" if style.greyscale else cmap,
                         vmin=vmin, vmax=vmax if vmax is not None else np.nanmax(values, initial=1.0))
    mark_data(mesh)
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
