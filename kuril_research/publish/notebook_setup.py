"""The setup every report notebook shares: one call instead of the same cell copied into each notebook.

A report notebook declares its parameters as literals (so that
``kuril-research report -p KEY VALUE`` can change them), then calls
:func:`setup_report` once::

    report = kr.publish.setup_report(corpus_dir, output_dir, outlets=outlets, date_from=date_from,
                                     date_to=date_to, time_by=time_by, figure_columns=figure_columns,
                                     font_size=font_size, greyscale=greyscale, figure_formats=figure_formats)
    corpus, style = report.corpus, report.style
    report                               # shows what was selected

and saves what it shows with ``report.table(frame, "id", caption=...)`` and
``report.figure(fig, "id", caption=...)``, which write into ``output_dir`` in
the chosen ``figure_formats`` (:func:`~kuril_research.publish.outputs.save_table`,
:func:`~kuril_research.publish.outputs.save_figure`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kuril_research.analysis.periods import check_freq, coverage_note, with_period
from kuril_research.analysis.selection import select_documents
from kuril_research.corpus import Corpus, load_corpus
from kuril_research.publish.figure_style import FigureStyle, figure_style
from kuril_research.publish.matplotlib_setup import configure_matplotlib
from kuril_research.publish.outputs import SHOW_ROWS, SavedOutput, save_figure, save_table
from kuril_research.publish.report_checks import show_corpus
from kuril_research.tokens import release_corpus_pages

__all__ = ["Report", "setup_report"]


@dataclass(frozen=True)
class Report:
    """What one report notebook works with: its corpus, figure style and output folder.

    Attributes
    ----------
    output_dir : str or Path
        Where :meth:`table` and :meth:`figure` write (``tables/``, ``figures/``, ``outputs.json``).
    style : FigureStyle
        Size, fonts and colours of the figures; pass it to the ``plot_*`` functions.
    figure_formats : sequence of str
        Files written for each figure (``png``, ``svg``, ``pdf``).
    corpus : Corpus or None
        The selected corpus (with a ``period`` column when ``time_by`` was given);
        None for a report that reads no corpus.
    time_by : str or None
        Period of the figures over time: ``year``, ``quarter`` or ``month``.

    Examples
    --------
    >>> import tempfile
    >>> import pandas as pd
    >>> report = Report(tempfile.mkdtemp(), FigureStyle(), ["png"])
    >>> saved = report.table(pd.DataFrame({"outlet": ["a"], "n": [1]}), "sizes", caption="Sizes.")
    >>> sorted(f["path"] for f in saved.entry()["files"])
    ['tables/sizes.csv', 'tables/sizes.parquet', 'tables/sizes.tex', 'tables/sizes.xlsx']
    """

    output_dir: str | Path
    style: FigureStyle
    figure_formats: Sequence[str]
    corpus: Corpus | None = None
    time_by: str | None = None

    def table(self, frame, table_id: str, *, caption: str, show_rows: int = SHOW_ROWS) -> SavedOutput:
        """Save a table in ``output_dir`` and show it (see :func:`.outputs.save_table`).

        Then the pages the cell read from the corpus's memory-mapped tables are given back
        (:func:`~kuril_research.tokens.pages.release_corpus_pages`), as after :meth:`figure`.
        """
        saved = save_table(frame, table_id, caption=caption, out_dir=self.output_dir, show_rows=show_rows)
        self._release()
        return saved

    def figure(self, fig: Any, fig_id: str, *, caption: str, data=None) -> SavedOutput:
        """Save a figure in ``output_dir`` in ``figure_formats`` and show it (see :func:`.outputs.save_figure`)."""
        saved = save_figure(fig, fig_id, caption=caption, out_dir=self.output_dir, data=data,
                            formats=self.figure_formats)
        self._release()
        return saved

    def _release(self) -> None:
        # a report's cells each read some columns of the tables once (at 100,000 articles the mentions' columns
        # of the naming cells alone held 0.6 GB of file pages for the rest of the kernel): give them back
        if self.corpus is not None:
            release_corpus_pages(self.corpus)

    def description(self) -> SavedOutput:
        """What was selected, one line for the report page (:func:`~kuril_research.publish.report_checks.show_corpus`).

        A notebook shows it by ending its set-up cell with ``report``.
        """
        if self.corpus is None:
            return SavedOutput("shown", "", "No corpus is read by this report.", {},
                               "<p class=\"kr-corpus\">No corpus is read by this report.</p>")
        return show_corpus(self.corpus)

    def _repr_html_(self) -> str:
        return self.description()._repr_html_()

    def _repr_pretty_(self, printer, cycle) -> None:  # IPython's text/plain
        printer.text(str(self.description()))

    def coverage_note(self) -> str:
        """What the time axis leaves out, for a caption (:func:`kuril_research.analysis.periods.coverage_note`)."""
        return coverage_note(self.corpus.documents, self.time_by)


def setup_report(corpus_dir: str | Path | None, output_dir: str | Path, *, outlets: Sequence[str] | None = None,
                 date_from: str | None = None, date_to: str | None = None, time_by: str | None = None,
                 figure_columns: float = 2, font_size: float = 8, greyscale: bool = False,
                 figure_formats: Sequence[str] = ("png", "svg", "pdf")) -> Report:
    """Set a report notebook up from its parameters: figure style, matplotlib, and the selected corpus.

    In order: checks the figure options and sets matplotlib up for
    reproducible figures (:func:`~kuril_research.publish.outputs.configure_matplotlib`);
    loads the corpus, keeps the chosen outlets and dates
    (:func:`~kuril_research.analysis.selection.select_documents`), adds the
    ``period`` column of ``time_by`` (:func:`~kuril_research.analysis.periods.with_period`).
    The returned :class:`Report` displays what was selected
    (:func:`~kuril_research.publish.report_checks.show_corpus`): end the cell with ``report``.

    Parameters
    ----------
    corpus_dir : str, Path or None
        The built corpus; None for a report that reads none (nothing is loaded or shown).
    output_dir : str or Path
        Where the report's tables and figures are written.
    outlets, date_from, date_to
        The selection, as in :func:`~kuril_research.analysis.selection.select_documents`.
    time_by : {"year", "quarter", "month"}, optional
        Period of the figures over time; None adds no ``period`` column.
    figure_columns, font_size, greyscale
        The figure style, as in :func:`~kuril_research.publish.figure_style.figure_style`.
    figure_formats : sequence of str
        Files written for each figure.

    Returns
    -------
    Report

    Raises
    ------
    ParameterError
        A style option, a date or ``time_by`` that is not valid, naming the parameter.

    Examples
    --------
    >>> report = setup_report(None, "out", figure_columns=1, font_size=9)
    >>> report.corpus is None, report.style.font_size
    (True, 9.0)
    >>> report.description().caption
    'No corpus is read by this report.'
    >>> from kuril_research.corpus import corpus_from_texts
    >>> Report("out", report.style, ["png"], corpus_from_texts({"a": "Kunashir."})).description().caption
    'Corpus: 1 document from 0 outlets, none dated; raw files sha256 not recorded.'

    """
    style = figure_style(figure_columns, font_size, greyscale)
    configure_matplotlib(style)
    corpus = None
    if corpus_dir is not None:
        corpus = select_documents(load_corpus(corpus_dir), outlets=outlets, date_from=date_from, date_to=date_to)
        if time_by is not None:
            corpus = with_period(corpus, check_freq(time_by))
    return Report(output_dir, style, figure_formats, corpus, time_by)
