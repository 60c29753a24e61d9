"""Small corpora and lexicons written by hand, for doctests and tests.

Every table is written out with :func:`kuril_research.schema.conform` and does not
depend on the parser, the sentence splitter, the gazetteer or the voice rules, so
expected numbers can be checked on paper and stay put when those rules change.

* :func:`corpus_of_sentences` — a corpus of the paragraphs and sentences you give,
  with quotations and mentions placed where their words occur;
* :func:`two_habomai_articles` — the two fixed articles of the token and analysis
  doctests (Habomai / Khabomai, Lavrov quoted);
* :func:`peace_treaty_codebook` — a frame codebook file of one frame and two cues.

Nothing in the package imports this module; doctests and tests do.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from kuril_research import schema
from kuril_research.coding.voice_of_spans import assign_voice
from kuril_research.corpus import Corpus

__all__ = ["corpus_of_sentences", "two_habomai_articles", "peace_treaty_codebook", "paragraph_spans"]


def corpus_of_sentences(
    docs: Mapping[str, Sequence[Sequence[str]]],
    *,
    documents: Mapping[str, Mapping[str, Any]] | None = None,
    quotes: Sequence[tuple[str, str, str | None]] = (),
    mentions: Sequence[tuple[str, str, str, str]] = (),
) -> Corpus:
    """Build a small :class:`Corpus` by hand, the way a reader would check it on paper.

    For doctests and tests: the tables are written out with ``schema.conform``
    and do not depend on the parser, sentence splitter, gazetteer or voice
    rules, so expected numbers can be checked on paper and stay put when those
    rules change.

    Parameters
    ----------
    docs : mapping
        ``{doc_id: [[sentence, ...], ...]}``: paragraphs of sentences. Sentences
        of a paragraph are joined by one space, paragraphs by ``"\\n\\n"``.
    documents : mapping, optional
        ``{doc_id: {column: value}}`` for other ``documents`` columns (``outlet``, ``year``...).
    quotes : sequence of (doc_id, quoted words, speaker)
        Each quotation is the first occurrence of the words in that document.
    mentions : sequence of (surface, entity, entity_type, naming)
        Every whole-word, case-sensitive occurrence of ``surface`` in every
        document becomes a mention; its voice is ``quoted`` (with the
        quotation's speaker) inside a quotation, else ``narrator``.

    Examples
    --------
    >>> c = corpus_of_sentences({"a": [["One.", "Two."], ["Three."]]})
    >>> c.sentences[["sent_id", "para_id", "start", "end", "text"]]
       sent_id  para_id  start  end    text
    0        0        0      0    4    One.
    1        1        0      5    9    Two.
    2        2        1     11   17  Three.
    """
    documents = documents or {}
    doc_rows, para_rows, sent_rows, quote_rows, mention_rows = [], [], [], [], []
    for doc_id, paragraphs in docs.items():
        text, sent_id = "", 0
        for para_id, sentences in enumerate(paragraphs):
            if para_id:
                text += "\n\n"
            para_start = len(text)
            for i, sentence in enumerate(sentences):
                text += " " if i else ""
                sent_rows.append({"doc_id": doc_id, "sent_id": sent_id, "para_id": para_id,
                                  "start": len(text), "end": len(text) + len(sentence), "text": sentence})
                text += sentence
                sent_id += 1
            para_rows.append({"doc_id": doc_id, "para_id": para_id, "start": para_start, "end": len(text)})
        doc_rows.append({"doc_id": doc_id, "text": text, "n_paragraphs": len(paragraphs),
                         "n_sentences": sent_id, **documents.get(doc_id, {})})
        for quote_id, (_, words, speaker) in enumerate(q for q in quotes if q[0] == doc_id):
            start = text.find(words)
            if start < 0:
                raise ValueError(f"quotation {words!r} is not in document {doc_id!r}")
            quote_rows.append({"doc_id": doc_id, "quote_id": quote_id, "start": start,
                               "end": start + len(words), "text": words, "speaker": speaker})
        for surface, entity, entity_type, naming in mentions:
            for found in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
                mention_rows.append({"doc_id": doc_id, "start": found.start(), "end": found.end(),
                                     "surface": surface, "entity": entity,
                                     "entity_type": entity_type, "naming": naming})
    sentences = schema.conform("sentences", sent_rows)
    for row in quote_rows:
        row["para_id"] = _locate(sentences, row["doc_id"], row["start"])[1]
    quotes_table = schema.conform("quotes", quote_rows)
    for row in mention_rows:
        row["sent_id"], row["para_id"] = _locate(sentences, row["doc_id"], row["start"])
    mentions_table = schema.conform("mentions", mention_rows)
    if len(mentions_table):
        voiced = assign_voice(mentions_table, quotes_table)
        mentions_table["voice"] = voiced["voice"]
        mentions_table["speaker"] = voiced["speaker"]
        mentions_table = mentions_table.sort_values(["doc_id", "start"], ignore_index=True)
    return Corpus(documents=schema.conform("documents", doc_rows),
                  paragraphs=schema.conform("paragraphs", para_rows),
                  sentences=sentences, quotes=quotes_table, mentions=mentions_table)


def _locate(sentences: pd.DataFrame, doc_id: str, offset: int) -> tuple[int, int]:
    """(sent_id, para_id) of the sentence of ``doc_id`` containing ``offset``."""
    row = sentences[(sentences["doc_id"] == doc_id) & (sentences["start"] <= offset)
                    & (offset < sentences["end"])].iloc[0]
    return int(row["sent_id"]), int(row["para_id"])


def peace_treaty_codebook() -> Path:
    """Write a frame codebook of one frame and two cues (peace treaty; peace treaty talks) to a temporary file."""
    path = Path(tempfile.mkdtemp()) / "frames.yaml"
    path.write_text(
        "frames:\n"
        "  - id: negotiation\n"
        "    label: Peace-treaty negotiation\n"
        "    phrases: [peace treaty]\n"
        "    patterns: ['peace treaty (?:talks|negotiations?)']\n",
        encoding="utf-8",
    )
    return path


def two_habomai_articles() -> Corpus:
    """Return two short articles naming Habomai, with Lavrov quoted: the corpus of the token and analysis doctests.

    ``a``: 'Japan wants Habomai back. "No peace treaty yet," Lavrov said.'
    ``b``: 'The Khabomai islands lie near Hokkaido. The talks on a treaty stalled.'
    Mentions: Habomai and Khabomai (habomai), Lavrov (sergey_lavrov); one quote.
    """
    a = 'Japan wants Habomai back. "No peace treaty yet," Lavrov said.'
    b = "The Khabomai islands lie near Hokkaido. The talks on a treaty stalled."
    documents = schema.conform("documents", [
        {"doc_id": "a", "outlet": "TASS", "published": "2019-01", "date_precision": "month",
         "year": 2019, "month": 1, "text": a},
        {"doc_id": "b", "outlet": "Kyodo", "published": "2020", "date_precision": "year",
         "year": 2020, "text": b},
    ])
    sentences = schema.conform("sentences", [
        {"doc_id": "a", "sent_id": 0, "para_id": 0, "start": 0, "end": 25, "text": a[0:25]},
        {"doc_id": "a", "sent_id": 1, "para_id": 0, "start": 26, "end": 61, "text": a[26:61]},
        {"doc_id": "b", "sent_id": 0, "para_id": 0, "start": 0, "end": 39, "text": b[0:39]},
        {"doc_id": "b", "sent_id": 1, "para_id": 0, "start": 40, "end": 70, "text": b[40:70]},
    ])
    quotes = schema.conform("quotes", [
        {"doc_id": "a", "quote_id": 0, "para_id": 0, "start": 27, "end": 47, "text": a[27:47],
         "speaker": "sergey_lavrov", "speaker_cue": "Lavrov said"},
    ])
    mentions = schema.conform("mentions", [
        {"doc_id": "a", "sent_id": 0, "para_id": 0, "start": 12, "end": 19, "surface": "Habomai",
         "entity": "habomai", "entity_type": "island_group", "naming": "neutral", "voice": "narrator"},
        {"doc_id": "a", "sent_id": 1, "para_id": 0, "start": 49, "end": 55, "surface": "Lavrov",
         "entity": "sergey_lavrov", "entity_type": "person", "naming": "neutral", "voice": "narrator"},
        {"doc_id": "b", "sent_id": 0, "para_id": 0, "start": 4, "end": 12, "surface": "Khabomai",
         "entity": "habomai", "entity_type": "island_group", "naming": "russian", "voice": "narrator"},
    ])
    return Corpus(documents=documents, sentences=sentences, quotes=quotes, mentions=mentions)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of a hand-made text whose paragraphs a blank line separates, as the
    parser gives them to the voice rules.

    Examples
    --------
    >>> paragraph_spans("One.\\n\\nTwo two.")
    [(0, 4), (6, 14)]
    """
    spans, pos = [], 0
    for part in text.split("\n\n"):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 2
    return spans
