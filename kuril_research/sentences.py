"""Split clean article text into sentences with offsets.

NLTK's Punkt algorithm (Kiss & Strunk 2006) is applied untrained, with the
abbreviation list shipped in ``data/abbreviations_en.txt`` (so "U.S.", "Jan."
and "Dr." do not end a sentence), to each paragraph separately: a sentence
never crosses a paragraph boundary. Punkt keeps closing quotation marks and
brackets with the sentence they end (``... continue," the spokesman said.``
is one sentence). No data is downloaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .lexicons import data_path, load_word_list

__all__ = ["split_sentences"]

#: Paragraphs longer than this are cut after a sentence end before Punkt sees them.
MAX_CHUNK_CHARS = 20_000


@lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(load_word_list(data_path("abbreviations_en.txt")))
    return PunktSentenceTokenizer(params)


def split_sentences(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Return ``(start, end, para_id)`` of every sentence, in text order.

    Parameters
    ----------
    text : str
        Clean article body.
    paragraphs : sequence of (start, end)
        Paragraph offsets into ``text``.

    Returns
    -------
    list of (int, int, int)
        Offsets into ``text`` (``text[start:end]`` is the sentence, without
        surrounding white space) and the paragraph index.

    Examples
    --------
    >>> t = "Officials in the U.S. met on Jan. 5. Nothing changed.\\n\\nA new paragraph"
    >>> [t[s:e] for s, e, _ in split_sentences(t, [(0, 53), (55, 70)])]
    ['Officials in the U.S. met on Jan. 5.', 'Nothing changed.', 'A new paragraph']
    """
    tokenizer = _tokenizer()
    spans = []
    for para_id, (p_start, p_end) in enumerate(paragraphs):
        for c_start, c_end in _chunks(text, p_start, p_end):
            for s, e in tokenizer.span_tokenize(text[c_start:c_end]):
                spans.append((c_start + s, c_start + e, para_id))
    return spans


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an over-long paragraph after a sentence-final mark, at most every :data:`MAX_CHUNK_CHARS`.

    No real paragraph is that long; a 20 MB line (a scraping accident) would
    otherwise exceed the time limit NLTK puts on each of its regex scans.
    """
    chunks = []
    while end - start > MAX_CHUNK_CHARS:
        limit = start + MAX_CHUNK_CHARS
        cut = max(text.rfind(". ", start, limit), text.rfind("? ", start, limit), text.rfind("! ", start, limit))
        cut = cut + 2 if cut > start else (text.rfind(" ", start, limit) + 1 or limit)
        if cut <= start:
            cut = limit
        chunks.append((start, cut))
        while cut < end and text[cut].isspace():
            cut += 1
        start = cut
    chunks.append((start, end))
    return chunks
