"""Stage 3 — tokens: one token stream per corpus, chosen by token options, searched by queries.

The component every count-based analysis reads
(:mod:`kuril_research.analysis.frequency`, ``dispersion``, ``concordance``).
Import from here; the modules inside are its parts, each with one job:

* ``patterns`` -- how text becomes tokens (:data:`TOKEN_RE`, the token kinds);
* ``lexer`` and ``columns`` -- cutting the text of a corpus into tokens, fast;
* ``stream`` -- the data object (:class:`TokenStream`, :class:`TokenView`);
* ``persist`` -- keeping it on disk beside a loaded corpus's Arrow cache, for the next process;
* ``pages`` -- walking it in blocks of documents, and giving back the pages of its memory maps;
* ``build`` -- building it from the corpus tables, once per corpus (:func:`stream_of`);
* ``query`` -- finding a word, phrase or entity in it (:data:`MATCH_MODES`);
* ``pairs`` -- counting the distinct pairs of two integer codes (:func:`distinct_pairs`);
* ``options`` -- the token options (:class:`TokenOptions`), the stream under them
  (:func:`prepare`, :class:`Prepared`, whose :meth:`~Prepared.match` finds a
  query), and :func:`tokens`, the stream as a table.

Data flows one way: patterns → lexer → stream → persist → build → query → options.
"""

from kuril_research.tokens.build import STREAM_COLUMNS, stream_of
from kuril_research.tokens.pages import (BLOCK_TOKENS, blocks, release_corpus_pages, release_pages,
                                        release_table_pages, take)
from kuril_research.tokens.options import MATCHES_KEPT, Prepared, TokenOptions, prepare, tokens
from kuril_research.tokens.pairs import distinct_pairs
from kuril_research.tokens.patterns import ENTITY, NUMBER, PUNCT, TOKEN_RE, WHITESPACE_RE, WORD
from kuril_research.tokens.query import MATCH_MODES
from kuril_research.tokens.stream import TokenStream, TokenView, string_array

__all__ = [
    "TOKEN_RE",
    "WHITESPACE_RE",
    "STREAM_COLUMNS",
    "MATCH_MODES",
    "MATCHES_KEPT",
    "WORD",
    "NUMBER",
    "PUNCT",
    "ENTITY",
    "TokenOptions",
    "TokenStream",
    "TokenView",
    "Prepared",
    "prepare",
    "distinct_pairs",
    "stream_of",
    "string_array",
    "tokens",
    "BLOCK_TOKENS",
    "blocks",
    "release_pages",
    "release_table_pages",
    "release_corpus_pages",
    "take",
]
