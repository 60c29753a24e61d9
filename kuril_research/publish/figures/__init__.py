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

The functions live in modules by kind of figure, all importable from here:
:mod:`~kuril_research.publish.figures.documents` (one row per document),
:mod:`~kuril_research.publish.figures.bars` (ranked and stacked bars, keyness),
:mod:`~kuril_research.publish.figures.shares` (shares with intervals),
:mod:`~kuril_research.publish.figures.over_time` (values per period);
:mod:`~kuril_research.publish.figures.drawing` holds :class:`Drawing` and the
helpers they share.
"""

from __future__ import annotations

from kuril_research.publish.figures.bars import keyness_caption, plot_keyness, plot_ranked, plot_stacked_counts
from kuril_research.publish.figures.documents import choose_documents, document_labels, plot_dispersion, plot_heatmap
from kuril_research.publish.figures.drawing import MAX_ROWS, Drawing
from kuril_research.publish.figures.over_time import plot_over_time, plot_period_counts
from kuril_research.publish.figures.shares import plot_shares

__all__ = ["MAX_ROWS", "Drawing", "choose_documents", "document_labels", "plot_dispersion", "plot_heatmap",
           "plot_ranked", "plot_keyness", "keyness_caption", "plot_shares", "plot_over_time", "plot_period_counts",
           "plot_stacked_counts"]
