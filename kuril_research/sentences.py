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
        for s, e in tokenizer.span_tokenize(text[p_start:p_end]):
            spans.append((p_start + s, p_start + e, para_id))
    return spans
