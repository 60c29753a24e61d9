"""kuril_research: news about the Russia–Japan peace-treaty talks and the Kuril Islands dispute.

The public API a notebook needs::

    import kuril_research as kr
    corpus = kr.load_corpus()            # or kr.build_corpus()
    kr.frequency.word_list(corpus, by="outlet")
    kr.framing.naming_stance(corpus, by="outlet")
    kr.trade.quantities(corpus)
    kr.explore.concordance(corpus)       # in JupyterLab: the concordancer widget
    corpus.show(doc_id)                  # one article with its names and voices marked

Importing the package does no work: no file is read, nothing is downloaded,
and the submodules (which import pandas and NLTK) load on first use. ``dir(kr)``
and tab completion still list them (:func:`__dir__`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_FROM_CORPUS = {"Corpus", "build_corpus", "load_corpus", "corpus_from_texts"}

#: Public module name -> where it lives. The stages are subpackages (``ingest``,
#: ``corpus``, ``tokens``, ``coding``, ``analysis``, ``publish``); the modules a
#: notebook uses keep their short names here (``kr.frequency``, ``kr.framing``).
_SUBMODULES = {
    "ingest": "ingest", "corpus": "corpus", "tokens": "tokens", "coding": "coding", "analysis": "analysis",
    "publish": "publish", "explore": "explore", "evaluate": "evaluate",
    "sources": "ingest.sources", "parse": "ingest.parse", "gazetteer": "ingest.gazetteer", "voice": "ingest.voice",
    "cues": "coding.cues", "framing": "coding.framing", "trade": "coding.trade",
    "frequency": "analysis.frequency", "dispersion": "analysis.dispersion", "concordance": "analysis.concordance",
    "association": "analysis.association", "selection": "analysis.selection", "periods": "analysis.periods",
    "intervals": "analysis.intervals",
    "figures": "publish.figures", "outputs": "publish.outputs", "reports": "publish.reports",
    "figure_style": "publish.figure_style", "report_checks": "publish.report_checks",
    "config": "config", "errors": "errors", "schema": "schema",
}

__all__ = ["__version__", "Corpus", "build_corpus", "load_corpus", "corpus_from_texts", "select_documents",
           "KurilResearchError",
           "frequency", "framing", "trade", "figures", "explore", "evaluate", "periods", "figure_style", "intervals",
           "report_checks"]

if TYPE_CHECKING:  # pragma: no cover
    from kuril_research import evaluate, explore
    from kuril_research.analysis import frequency, intervals, periods
    from kuril_research.analysis.selection import select_documents
    from kuril_research.coding import framing, trade
    from kuril_research.corpus import Corpus, build_corpus, corpus_from_texts, load_corpus
    from kuril_research.errors import KurilResearchError
    from kuril_research.publish import figure_style, figures, report_checks


def __getattr__(name: str) -> Any:
    if name in _FROM_CORPUS:
        return getattr(importlib.import_module(".corpus", __name__), name)
    if name == "select_documents":
        return importlib.import_module(".analysis.selection", __name__).select_documents
    if name == "KurilResearchError":
        return importlib.import_module(".errors", __name__).KurilResearchError
    if name in _SUBMODULES:
        return importlib.import_module(f".{_SUBMODULES[name]}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names and modules, for ``dir(kr)`` and tab completion; nothing is imported to list them."""
    return sorted(set(__all__) | {name for name in _SUBMODULES if not name.startswith("_")})
