"""Draw the study's figures from the tidy tables of the analysis modules.

Each function takes a DataFrame that an analysis function returns, draws on a
new :class:`matplotlib.figure.Figure` (never through ``pyplot``'s global state)
and returns it; saving is for the caller (see :mod:`kuril_research.outputs`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .errors import ParameterError

__all__ = ["plot_dispersion"]


def _require(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ParameterError(f"{what} lacks columns {missing}", field=missing[0],
                             hint="pass the DataFrame that kuril_research.frequency.positions returns")


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
    concordance plot. Read with :func:`kuril_research.frequency.dispersion`, which
    puts numbers (DP, Juilland's D) on what the plot shows.

    Parameters
    ----------
    positions : DataFrame
        As returned by :func:`kuril_research.frequency.positions`; needs the
        columns ``doc_id``, ``term`` and ``rel_position``.
    doc_ids : sequence of str, optional
        Documents to show, top to bottom; default those in ``positions`` in order
        of appearance. Pass all of ``corpus.documents.doc_id`` to show empty rows
        for documents without the term.
    terms : sequence of str, optional
        Terms to show, one panel each; default those in ``positions``.
    figsize : (float, float), optional
        Width and height in inches; default grows with the rows.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from kuril_research.frequency import _example_corpus, positions
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
    row_of = {doc: i for i, doc in enumerate(docs)}
    height = max(1.5, 0.3 * len(docs) + 0.8) * len(panels)
    fig = Figure(figsize=figsize or (8.0, height), layout="constrained")
    axes = fig.subplots(len(panels), 1, sharex=True, squeeze=False)[:, 0]
    for ax, term in zip(axes, panels):
        hits = positions[(positions["term"] == term) & positions["doc_id"].isin(docs)]
        rows = np.array([row_of[d] for d in hits["doc_id"]], dtype=float)
        ax.vlines(hits["rel_position"].to_numpy(dtype=float), rows - 0.4, rows + 0.4, linewidth=1.2)
        ax.set_yticks(range(len(docs)), labels=docs)
        ax.set_ylim(len(docs) - 0.5, -0.5)
        ax.set_xlim(0, 1)
        ax.set_title(f"{term} ({len(hits)} occurrence{'s' if len(hits) != 1 else ''})", loc="left")
    axes[-1].set_xlabel("relative position in document (0 = start, 1 = end)")
    return fig
