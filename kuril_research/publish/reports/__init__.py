"""Generate the reports: run each notebook with papermill and publish it, byte for byte reproducibly.

:func:`generate_reports` (``kuril-research report``) does, for each notebook in
``notebooks/``:

1. find the corpus (:func:`prepare_corpus`): the embedded one is built into
   ``data/processed`` first if it is missing or stale; a corpus the user names
   with ``--corpus`` is read as it is (stale: a clear stop), and rebuilt only
   when its raw folder is named too; the project's ``reports/`` only ever hold
   the embedded corpus's reports (:mod:`kuril_research.corpus.guards`);
2. work out the notebook's *input key*: a hash of everything that can change its
   output (raw corpus, processed tables, notebook, shipped lexicons, parameters,
   package version, library code, versions of the main dependencies,
   ``show_code``). If ``reports/<name>/provenance.json`` records the same key and
   its files are intact, the report is up to date and no kernel is started;
3. otherwise execute the notebook with papermill in a temporary folder beside
   ``reports/<name>`` (so only relative paths are injected), remove everything
   that varies between runs (times, durations, random cell ids), check that no
   absolute path was written, render HTML, write ``provenance.json``, and swap the
   folder in. A failing notebook leaves the previous report untouched.

Finally ``reports/index.html`` links every report, figure and table.

Layout of one report::

    reports/<name>/
        <name>.ipynb        executed notebook (deterministic)
        <name>.html         the same as a web page (code hidden unless show_code)
        figures/<id>.png .svg .pdf .csv
        tables/<id>.parquet .csv .xlsx .tex
        outputs.json        the figures and tables, captions and sha256
        provenance.json     inputs, input key, sha256 of every file above

The work is split by job:

* :mod:`~kuril_research.publish.reports.parameters`: the notebooks, their
  ``parameters`` cells, and checking the values a user gives;
* :mod:`~kuril_research.publish.reports.inputs`: hashes and versions that make
  up the input key, and the corpus the reports read;
* :mod:`~kuril_research.publish.reports.runner`: executing the notebooks and
  the ``report`` command;
* :mod:`~kuril_research.publish.reports.pages`: the executed notebook made
  reproducible, its HTML page, the checks on it, and ``index.html``.
"""

from __future__ import annotations

from kuril_research.corpus.provenance import library_sha256
from kuril_research.publish.reports.inputs import prepare_corpus
from kuril_research.publish.reports.pages import cite_line, page_header, write_index
from kuril_research.publish.reports.parameters import (
    NotebookParameter, list_notebooks, notebook_parameters, resolve_names,
)
from kuril_research.publish.reports.runner import ReportResult, cli_report, generate_reports

__all__ = [
    "ReportResult", "NotebookParameter", "list_notebooks", "resolve_names",
    "notebook_parameters", "library_sha256", "prepare_corpus", "generate_reports", "write_index", "cli_report",
    "page_header", "cite_line",
]
