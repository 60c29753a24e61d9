"""Draw the study's figures from the tidy tables of the analysis modules.

Each function takes a DataFrame that an analysis function returns, draws on a
new :class:`matplotlib.figure.Figure` (never through ``pyplot``'s global state)
and returns it; saving is for the caller (see :mod:`kuril_research.outputs`).

A figure with one row per document cannot show a corpus of thousands of
documents: :func:`choose_documents` picks the ones to draw (those with the most
observations), and the drawing functions refuse more than :data:`MAX_ROWS` rows.
The tables behind such a figure keep every document.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .errors import ParameterError

__all__ = ["MAX_ROWS", "choose_documents", "plot_dispersion", "plot_heatmap"]

#: Most rows (documents) a per-document figure draws; more would not be readable
#: (and would take minutes and gigabytes to render).
MAX_ROWS = 500


def _require(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ParameterError(f"{what} lacks columns {missing}", field=missing[0],
                             hint="pass the DataFrame that kuril_research.frequency.positions returns")


def _check_rows(n: int, what: str) -> None:
    if n > MAX_ROWS:
        raise ParameterError(f"{what}: {n} rows is more than a figure can show ({MAX_ROWS} at most)",
                             field="doc_ids", hint="pick the documents to draw with figures.choose_documents")


def choose_documents(doc_ids: Sequence[str] | pd.Series, observations: Sequence[str] | pd.Series,
                     max_documents: int) -> list[str]:
    """Pick the documents a per-document figure shows: at most ``max_documents``, those with the most observations.

    Parameters
    ----------
    doc_ids : sequence of str
        Every document, in the order to show them (e.g. ``corpus.documents["doc_id"]``).
    observations : sequence of str
        One ``doc_id`` per observation (e.g. the ``doc_id`` column of
        :func:`kuril_research.dispersion.positions` or of
        :func:`kuril_research.framing.frames`); a document's count is how often
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


def plot_dispersion(
    positions: pd.DataFrame,
    *,
    doc_ids: Sequence[str] | None = None,
    terms: Sequence[str] | None = None,
    figsize: tuple[float, float] | None = None,
) -> Figure:
    """Draw where terms occur in each document (a dispersion or "barcode" plot).

    One panel per term, one row per document, one tick per occurrence at its
    relative position in the document (0 = first token, 1 = end), as in AntConc's
    concordance plot. Read with :func:`kuril_research.dispersion.dispersion`, which
    puts numbers (DP, Juilland's D) on what the plot shows.

    Parameters
    ----------
    positions : DataFrame
        As returned by :func:`kuril_research.dispersion.positions`; needs the
        columns ``doc_id``, ``term`` and ``rel_position``.
    doc_ids : sequence of str, optional
        Documents to show, top to bottom; default those in ``positions`` in order
        of appearance. Pass all of ``corpus.documents.doc_id`` to show empty rows
        for documents without the term, or :func:`choose_documents` for a large
        corpus. At most :data:`MAX_ROWS`.
    terms : sequence of str, optional
        Terms to show, one panel each; default those in ``positions``.
    figsize : (float, float), optional
        Width and height in inches; default grows with the rows.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        If a column is missing, there is no term, or there are more than
        :data:`MAX_ROWS` documents.

    Examples
    --------
    >>> from kuril_research.dispersion import positions
    >>> from kuril_research.token_options import _example_corpus
    >>> corpus = _example_corpus()
    >>> fig = plot_dispersion(positions(corpus, ["habomai", "treaty"]),
    ...                       doc_ids=corpus.documents.doc_id.tolist())
    >>> [ax.get_title(loc="left") for ax in fig.axes]
    ['habomai (2 occurrences)', 'treaty (2 occurrences)']
    """
    _require(positions, ["doc_id", "term", "rel_position"], "positions")
    docs = list(dict.fromkeys(positions["doc_id"].tolist())) if doc_ids is None else list(doc_ids)
    panels = list(dict.fromkeys(positions["term"].tolist())) if terms is None else list(terms)
    if not panels:
        raise ParameterError("no term to plot", field="terms", hint="pass terms, or positions with rows")
    _check_rows(len(docs), "plot_dispersion")
    row_of = {doc: i for i, doc in enumerate(docs)}
    row = min(0.3, 4.0 / max(len(docs), 1))              # a panel grows to about 5 inches, then rows get thinner
    height = max(1.5, row * len(docs) + 0.8) * len(panels)
    fig = Figure(figsize=figsize or (8.0, height), layout="constrained")
    axes = fig.subplots(len(panels), 1, sharex=True, squeeze=False)[:, 0]
    shown = positions[positions["doc_id"].isin(docs)]     # filter the (possibly millions of) rows once
    for ax, term in zip(axes, panels):
        hits = shown[shown["term"] == term]
        rows = np.array([row_of[d] for d in hits["doc_id"]], dtype=float)
        ax.vlines(hits["rel_position"].to_numpy(dtype=float), rows - 0.4, rows + 0.4, linewidth=1.2)
        ax.set_yticks(range(len(docs)), labels=docs)
        if row < 0.3:
            ax.tick_params(axis="y", labelsize=max(5.0, 0.8 * 72 * row))    # 80 % of the row height, in points
        ax.set_ylim(len(docs) - 0.5, -0.5)
        ax.set_xlim(0, 1)
        ax.set_title(f"{term} ({len(hits)} occurrence{'s' if len(hits) != 1 else ''})", loc="left")
    axes[-1].set_xlabel("relative position in document (0 = start, 1 = end)")
    return fig


def plot_heatmap(
    grid: pd.DataFrame,
    *,
    annot: bool = True,
    fmt: str = ".2f",
    cmap: str = "Blues",
    vmin: float | None = 0.0,
    vmax: float | None = None,
    figsize: tuple[float, float] | None = None,
) -> Figure:
    """Draw a table of numbers as a heatmap: one row per index value, one column per column.

    Parameters
    ----------
    grid : DataFrame
        Numbers to draw (e.g. frame shares, documents × frames); ``NaN`` cells stay blank.
        At most :data:`MAX_ROWS` rows.
    annot : bool, default True
        Write each value in its cell, formatted with ``fmt``.
    fmt : str, default ".2f"
    cmap : str, default "Blues"
    vmin, vmax : float, optional
        Ends of the colour scale; default 0 and the largest value.
    figsize : (float, float), optional
        Width and height in inches; default grows with the rows and columns.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> grid = pd.DataFrame({"sanctions": [0.5, 0.0], "treaty": [0.25, 1.0]}, index=["a", "b"])
    >>> fig = plot_heatmap(grid)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()], [t.get_text() for t in fig.axes[0].texts]
    (['a', 'b'], ['0.50', '0.25', '0.00', '1.00'])
    """
    import seaborn as sns

    _check_rows(len(grid), "plot_heatmap")
    # room for the cells (0.6 × 0.3 in) and the tick labels (about 0.08 in per character; x labels stand upright)
    x_label = max((len(str(label)) for label in grid.columns), default=0)
    y_label = max((len(str(label)) for label in grid.index), default=0)
    width = max(5.0, 0.6 * grid.shape[1] + 0.08 * y_label + 1.0)
    height = max(3.0, 0.3 * grid.shape[0] + 0.08 * x_label + 1.0)
    fig = Figure(figsize=figsize or (width, height), layout="constrained")
    ax = fig.subplots()
    sns.heatmap(grid.astype(float), annot=annot, fmt=fmt, cmap=cmap, vmin=vmin, vmax=vmax, cbar=False, ax=ax)
    return fig
