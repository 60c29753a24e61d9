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
_SUBMODULES = {"frequency", "token_stream", "token_options", "token_query", "dispersion", "concordance",
               "association", "framing", "trade", "cues", "sentence_scan", "cue_prefilter",
               "figures", "outputs", "reports", "selection", "gazetteer", "voice", "parse", "sources",
               "explore", "evaluate", "periods", "figure_style", "intervals", "report_checks",
               "config", "errors", "schema", "corpus"}

__all__ = ["__version__", "Corpus", "build_corpus", "load_corpus", "corpus_from_texts", "select_documents",
           "KurilResearchError",
           "frequency", "framing", "trade", "figures", "explore", "evaluate", "periods", "figure_style", "intervals",
           "report_checks"]

if TYPE_CHECKING:  # pragma: no cover
    from . import evaluate, explore, figure_style, figures, framing, frequency, intervals, periods, report_checks, trade
    from .corpus import Corpus, build_corpus, corpus_from_texts, load_corpus
    from .selection import select_documents
    from .errors import KurilResearchError


def __getattr__(name: str) -> Any:
    if name in _FROM_CORPUS:
        return getattr(importlib.import_module(".corpus", __name__), name)
    if name == "select_documents":
        return importlib.import_module(".selection", __name__).select_documents
    if name == "KurilResearchError":
        return importlib.import_module(".errors", __name__).KurilResearchError
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names and modules, for ``dir(kr)`` and tab completion; nothing is imported to list them."""
    return sorted(set(__all__) | {name for name in _SUBMODULES if not name.startswith("_")})
