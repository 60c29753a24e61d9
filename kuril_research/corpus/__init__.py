"""Stage 2 — the corpus: tables built from ingested articles, written once and loaded many times.

The public names, by module:

* :mod:`~kuril_research.corpus.data` -- the data object and its reader:
  ``Corpus``, ``load_corpus``, ``read_table``, ``documents_with_warnings``, ``TABLE_NAMES``;
* :mod:`~kuril_research.corpus.build` -- the build: ``plan_build``, ``write_corpus``,
  ``build_corpus``, ``corpus_from_texts``, ``BuildPlan``, ``BuildSummary``;
* :mod:`~kuril_research.corpus.process` -- the per-document pipeline: ``process_document``;
* :mod:`~kuril_research.corpus.views` -- what a corpus shows in Jupyter: ``DocumentView``.

Beside them: the ledger and the table writer every engine shares (``ledger``,
``writer``), the Arrow cache (``arrow_cache``), the Dask engine
(``distributed``), the no-overwrite guards (``guards``), the provenance hashes
(``provenance``) and the HTML styles (``styles``).

Nothing is imported until first used: loading a corpus does not import the
parser or NLTK, which only the build needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__all__ = ["Corpus", "TABLE_NAMES", "load_corpus", "read_table", "documents_with_warnings",
           "BuildSummary", "BuildPlan", "plan_build", "build_corpus", "write_corpus", "corpus_from_texts",
           "process_document", "DocumentView"]

_WHERE = {
    "Corpus": "data", "TABLE_NAMES": "data", "load_corpus": "data", "read_table": "data",
    "documents_with_warnings": "data",
    "BuildSummary": "build", "BuildPlan": "build", "plan_build": "build", "build_corpus": "build",
    "write_corpus": "build", "corpus_from_texts": "build",
    "process_document": "process", "DocumentView": "views",
}

if TYPE_CHECKING:  # pragma: no cover
    from kuril_research.corpus.build import (
        BuildPlan,
        BuildSummary,
        build_corpus,
        corpus_from_texts,
        plan_build,
        write_corpus,
    )
    from kuril_research.corpus.data import TABLE_NAMES, Corpus, documents_with_warnings, load_corpus, read_table
    from kuril_research.corpus.process import process_document
    from kuril_research.corpus.views import DocumentView


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names, for ``dir()`` and tab completion; nothing is imported to list them."""
    return sorted(__all__)
