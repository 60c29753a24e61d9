"""Explore a corpus in JupyterLab: a concordancer, a document view, and their logic as plain functions.

* :func:`concordance` -- the concordancer widget (ipywidgets);
  :func:`concordance_table` is its logic (query and filters in, lines out),
  :func:`hit_counts` and :func:`export_table` its counts and export;
* :func:`document` -- one article with its names, voices and quotations marked
  (also ``corpus.show(doc_id)``; it lives with the corpus, in :mod:`kuril_research.corpus.views`).

Nothing is imported until first used: ``import kuril_research.explore`` does
not import ipywidgets.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__all__ = ["concordance", "Concordancer", "concordance_table", "hit_counts", "export_table",
           "document", "DocumentView"]

_WHERE = {"concordance": ".widget", "Concordancer": ".widget", "concordance_table": ".search",
          "hit_counts": ".search", "export_table": ".search",
          "document": "kuril_research.corpus.views", "DocumentView": "kuril_research.corpus.views"}

if TYPE_CHECKING:  # pragma: no cover
    from kuril_research.corpus.views import DocumentView, document
    from kuril_research.explore.search import concordance_table, export_table, hit_counts
    from kuril_research.explore.widget import Concordancer, concordance


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names, for ``dir()`` and tab completion; nothing is imported to list them."""
    return sorted(__all__)
