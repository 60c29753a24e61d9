"""Voice of coded spans: whether a cue match lies inside a quotation, and whose.

Frames and trade mentions carry the voice of their cue (``narrator`` or
``quoted`` with the speaker), read off the corpus table ``quotes``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kuril_research import schema

__all__ = ["assign_voice"]


def assign_voice(spans: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Add ``voice`` and ``speaker`` to spans: quoted when wholly inside a quotation.

    Parameters
    ----------
    spans : DataFrame
        With ``doc_id``, ``start`` and ``end`` (offsets into ``documents.text``).
    quotes : DataFrame
        Table ``quotes`` of :mod:`kuril_research.schema`; quotations of one
        document are assumed not to overlap.

    Returns
    -------
    DataFrame
        A copy of ``spans`` with ``voice`` (``quoted`` if ``quote.start <= start``
        and ``end <= quote.end`` for a quotation of the same document, else
        ``narrator``) and ``speaker`` (the quotation's speaker, ``<NA>`` for the
        narrator or when the text does not say who spoke).

    Examples
    --------
    >>> spans = pd.DataFrame({"doc_id": ["a", "a"], "start": [1, 8], "end": [4, 12]})
    >>> quotes = schema.conform("quotes", [{"doc_id": "a", "start": 0, "end": 5, "speaker": "peskov"}])
    >>> assign_voice(spans, quotes)[["start", "voice", "speaker"]]
       start     voice speaker
    0      1    quoted  peskov
    1      8  narrator    <NA>
    """
    out = spans.copy()
    voice = np.full(len(spans), "narrator", dtype=object)
    speaker = np.full(len(spans), None, dtype=object)
    if len(spans) and len(quotes):
        docs = pd.Index(pd.concat([spans["doc_id"], quotes["doc_id"]]).unique())
        stride = int(max(spans["end"].max(), quotes["end"].max())) + 1
        quote_doc = docs.get_indexer(quotes["doc_id"]).astype(np.int64) * stride
        quote_start = quote_doc + quotes["start"].to_numpy(dtype=np.int64)
        quote_end = quote_doc + quotes["end"].to_numpy(dtype=np.int64)
        order = np.argsort(quote_start, kind="stable")
        span_doc = docs.get_indexer(spans["doc_id"]).astype(np.int64) * stride
        span_start = span_doc + spans["start"].to_numpy(dtype=np.int64)
        span_end = span_doc + spans["end"].to_numpy(dtype=np.int64)
        nearest = np.searchsorted(quote_start[order], span_start, side="right") - 1
        candidate = order[np.maximum(nearest, 0)]
        inside = (nearest >= 0) & (span_end <= quote_end[candidate])
        voice[inside] = "quoted"
        speaker[inside] = quotes["speaker"].to_numpy(dtype=object)[candidate[inside]]
    out["voice"] = pd.array(voice, dtype="string")
    out["speaker"] = pd.array(speaker, dtype="string")
    return out
