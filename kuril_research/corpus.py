"""The corpus object: tidy tables of documents, sentences, quotations and mentions."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from . import schema

__all__ = ["Corpus"]


@dataclass
class Corpus:
    """A parsed, normalised corpus as tidy DataFrames (columns: :mod:`kuril_research.schema`).

    Attributes
    ----------
    documents, paragraphs, sentences, quotes, mentions, removed, rejects : DataFrame
        One table each; offsets in ``paragraphs``, ``sentences``, ``quotes`` and
        ``mentions`` refer to ``documents.text`` of the same ``doc_id``.
    """

    documents: pd.DataFrame = field(default_factory=lambda: schema.empty_table("documents"))
    paragraphs: pd.DataFrame = field(default_factory=lambda: schema.empty_table("paragraphs"))
    sentences: pd.DataFrame = field(default_factory=lambda: schema.empty_table("sentences"))
    quotes: pd.DataFrame = field(default_factory=lambda: schema.empty_table("quotes"))
    mentions: pd.DataFrame = field(default_factory=lambda: schema.empty_table("mentions"))
    removed: pd.DataFrame = field(default_factory=lambda: schema.empty_table("removed"))
    rejects: pd.DataFrame = field(default_factory=lambda: schema.empty_table("rejects"))
