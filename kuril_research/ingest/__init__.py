"""Stage 1 — ingest: from a raw file to parsed articles with their mentions and voices.

Reading sources and exports (:mod:`~kuril_research.ingest.sources`,
:mod:`~kuril_research.ingest.readers`), parsing a page into title, standfirst,
dateline and paragraphs without page furniture (:mod:`~kuril_research.ingest.parse`),
sentences (:mod:`~kuril_research.ingest.sentences`), the gazetteer of names
(:mod:`~kuril_research.ingest.gazetteer`), whose voice each mention is in
(:mod:`~kuril_research.ingest.voice`) and near-duplicate copies
(:mod:`~kuril_research.ingest.near_duplicates`). Nothing here knows about the
corpus tables built from its results.
"""
