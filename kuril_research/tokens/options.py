"""Choose the tokens an analysis counts: token options, stop words, and :func:`tokens`.

The stream of :mod:`kuril_research.tokens.stream` seen under a set of token
options (:class:`TokenOptions`), its texts lower-cased or stemmed and its
punctuation, numbers and stop words marked, made once per stream and options
and then reused (:func:`prepare`, giving a :class:`Prepared`), which finds
queries in it (:meth:`Prepared.match`, by :mod:`kuril_research.tokens.query`);
:mod:`kuril_research.analysis.frequency`,
:mod:`kuril_research.analysis.dispersion` and :mod:`kuril_research.analysis.concordance` count
it. :func:`tokens` returns it as a table, one row per token
(:mod:`kuril_research.analysis.frequency` re-exports it). The checks of parameters the
analyses share live in :mod:`kuril_research.checks`.

Token options
-------------
Functions that count accept the options of :func:`tokens` as keywords
(:class:`TokenOptions`): ``stem``, ``stopwords``, ``keep_punct``, ``keep_numbers``,
``lowercase``.  Terms given as queries (``kwic``, ``trend``, ``dispersion(terms=)``,
``positions``) are matched in the full stream (stop words and punctuation
included, so a phrase never matches across a comma), while sizes (tokens per
document, period or corpus) are counted under the options.

Defaults, the same for every function and for the reports (this is the one
place they are set, :data:`_DEFAULT_OPTIONS`): ``stem=False``,
``stopwords="default"`` (the shipped, editable ``kuril_research/data/stopwords_en.txt``,
so ``word_list(corpus)`` does not begin with *the, of, to*; pass
``stopwords=None`` to count every word), ``keep_punct=False``,
``keep_numbers=True``, ``lowercase=True``. The report notebooks pass their
stop words explicitly (``stopwords_path``), with the same default.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from os import PathLike
from typing import Literal, TypedDict, Union

import numpy as np
import pandas as pd

from kuril_research import lexicons
from kuril_research.corpus import Corpus
from kuril_research.errors import ParameterError
from kuril_research.tokens.build import stream_of
from kuril_research.tokens.patterns import ENTITY, NUMBER, PUNCT, norm_apostrophe
from kuril_research.tokens.pages import blocks, release_pages
from kuril_research.tokens.pairs import distinct_pairs
from kuril_research.tokens.query import find
from kuril_research.tokens.stream import TokenStream, TokenView, string_array

__all__ = ["TokenOptions", "Prepared", "prepare", "tokens", "MATCHES_KEPT"]

StopWords = Union[None, Literal["default"], str, "PathLike[str]", Iterable[str]]


class TokenOptions(TypedDict, total=False):
    """Keyword options shared by every counting function (see :func:`tokens`)."""

    stem: bool
    stopwords: StopWords
    keep_punct: bool
    keep_numbers: bool
    lowercase: bool


_DEFAULT_OPTIONS: dict = {"stem": False, "stopwords": "default", "keep_punct": False,
                          "keep_numbers": True, "lowercase": True}


# --------------------------------------------------------------------------- options


def _options(options: dict) -> dict:
    unknown = sorted(set(options) - set(_DEFAULT_OPTIONS))
    if unknown:
        raise ParameterError(f"unknown token option(s) {unknown}", field=unknown[0],
                             hint=f"use only {', '.join(_DEFAULT_OPTIONS)}")
    return {**_DEFAULT_OPTIONS, **options}


def _stopword_set(stopwords: StopWords) -> frozenset[str]:
    if stopwords is None:
        return frozenset()
    if isinstance(stopwords, str) and stopwords == "default":
        return frozenset(lexicons.load_word_list(lexicons.data_path("stopwords_en.txt")))
    if isinstance(stopwords, (str, PathLike)):
        return frozenset(norm_apostrophe(w) for w in lexicons.load_word_list(stopwords))
    words = list(stopwords)
    if not all(isinstance(w, str) for w in words):
        raise ParameterError("stop words must be strings", field="stopwords",
                             hint='pass None, "default", a file path or a list of words')
    return frozenset(norm_apostrophe(w).lower() for w in words)


#: Queries whose matches each prepared stream remembers (the oldest is forgotten first).
MATCHES_KEPT = 32


@dataclass
class Prepared:
    """The token stream under one set of token options: its texts and which tokens count.

    Attributes
    ----------
    st : TokenView
        The stream's texts under the options' lowercase/stem setting.
    base : ndarray of bool
        Tokens kept by ``keep_punct`` and ``keep_numbers`` (read-only).
    stop : ndarray of bool
        Tokens that are stop words; entity tokens never are (read-only).
    options : dict
        All five token options, defaults filled in.
    """

    st: TokenView
    base: np.ndarray
    stop: np.ndarray
    options: dict
    _kept: np.ndarray | None = field(default=None, repr=False)
    _matches: dict = field(default_factory=dict, repr=False)   # query key → (first rows, last rows)
    _counts: list = field(default_factory=list, repr=False)    # [doc_counts()] once worked out
    _sizes: list = field(default_factory=list, repr=False)     # [doc_sizes()] once worked out

    def doc_counts(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The kept tokens counted per document: (document code, text code, count) of each distinct pair.

        Sorted by document, then text code; a sparse document-term matrix, as a
        bag-of-words model has it. Worked out once per stream and options (one
        sort of the kept tokens), then shared by every count that reads it
        (:func:`~kuril_research.analysis.frequency.word_list`,
        :func:`~kuril_research.analysis.keyness.keyness`).

        Examples
        --------
        >>> from kuril_research.testing import two_habomai_articles
        >>> prep = prepare(two_habomai_articles(), {"stopwords": ["the", "a", "on", "no", "yet", "said", "near"]})
        >>> doc, code, count = prep.doc_counts()
        >>> sorted((str(prep.st.tuniq[c]), int(n)) for d, c, n in zip(doc, code, count) if d == 1)
        [('habomai', 1), ('hokkaido', 1), ('islands', 1), ('lie', 1), ('stalled', 1), ('talks', 1), ('treaty', 1)]
        """
        if not self._counts:
            st, kept = self.st, self.kept
            # documents never span blocks, so the blocks' pairs in order are sorted as a whole; 32-bit integers,
            # half the memory of the pairs (19 million at 100,000 articles); the stream's pages given back after
            # each block, the columns joined one at a time (the peak: the parts and one column, not all three)
            parts: list[list[np.ndarray]] = [[], [], []]
            for lo, hi in blocks(st.doc_first):
                pairs = distinct_pairs(st.doc[lo:hi][kept[lo:hi]], st.tcode[lo:hi][kept[lo:hi]])
                for part, column in zip(parts, pairs):
                    part.append(column.astype(np.int32))
                release_pages(st.stream)
            counts = []
            for part in parts:
                counts.append(np.concatenate([np.empty(0, np.int32), *part]))
                counts[-1].flags.writeable = False
                part.clear()
            self._counts.append(tuple(counts))
        return self._counts[0]

    def doc_sizes(self) -> np.ndarray:
        """Kept tokens of each document (``documents`` row order), worked out once per stream and options.

        The sizes :func:`~kuril_research.analysis.dispersion.dispersion`,
        :func:`~kuril_research.analysis.dispersion.positions` and
        :func:`~kuril_research.analysis.dispersion.trend` divide by, counted block by block.

        Examples
        --------
        >>> from kuril_research.testing import two_habomai_articles
        >>> prepare(two_habomai_articles(), {"stopwords": None}).doc_sizes().tolist()
        [10, 12]
        """
        if not self._sizes:
            st, kept = self.st, self.kept
            sizes = np.zeros(len(st.doc_first) - 1, dtype=np.int64)
            for lo, hi in blocks(st.doc_first):
                sizes += np.bincount(st.doc[lo:hi][kept[lo:hi]], minlength=len(sizes))
            sizes.flags.writeable = False
            self._sizes.append(sizes)
            release_pages(st.stream)
        return self._sizes[0]

    @property
    def kept(self) -> np.ndarray:
        """Tokens of the filtered stream that :func:`tokens` returns."""
        if self._kept is None:
            self._kept = self.base & ~self.stop if self.stop is not None else self.base
        return self._kept

    @property
    def queries(self) -> tuple[str, ...]:
        """The queries whose matches are remembered, oldest first (``match:query`` unless ``match="auto"``)."""
        return tuple(key.replace("\0", ":") for key in self._matches)

    def match(self, query: str, match: str = "auto") -> tuple[np.ndarray, np.ndarray]:
        """Find a query in the full stream: (first token row, last token row) of each match (read-only arrays).

        Matches depend only on the stream and its lowercase/stem view, so each
        query is looked up once per prepared stream (``dispersion``,
        ``positions`` and ``trend`` of the same terms share the work), keeping
        the last :data:`MATCHES_KEPT` queries; how a query is read:
        :func:`kuril_research.tokens.query.find`.

        Examples
        --------
        >>> from kuril_research.testing import two_habomai_articles
        >>> prep = prepare(two_habomai_articles(), {})
        >>> first, last = prep.match("habomai")
        >>> prep.st.doc_ids[prep.st.doc[first]].tolist(), prep.match("habomai")[0] is first, prep.queries
        (['a', 'b'], True, ('habomai',))
        """
        key = str(query) if match == "auto" else f"{match}\0{query}"
        found = self._matches.get(key)
        if found is None:
            found = find(self.st, query, match, lowercase=self.options["lowercase"], stem=self.options["stem"])
            for rows in found:
                rows.flags.writeable = False
            if len(self._matches) >= MATCHES_KEPT:
                del self._matches[next(iter(self._matches))]        # forget the oldest query
            self._matches[key] = found
        return found


def prepare(corpus: Corpus, options: dict) -> Prepared:
    """Return the corpus's token stream under some token options; made once per stream and options, then reused.

    Parameters
    ----------
    corpus : Corpus
    options : dict
        Token options (:class:`TokenOptions`); those not given take their defaults.

    Returns
    -------
    Prepared
        Shares its masks and remembered matches with every other call for the
        same stream and options.

    Raises
    ------
    ParameterError
        If an option is unknown or the stop words are not strings.

    Examples
    --------
    >>> from kuril_research.testing import two_habomai_articles
    >>> corpus = two_habomai_articles()
    >>> int(prepare(corpus, {"stopwords": None}).kept.sum()), int(prepare(corpus, {}).kept.sum())
    (22, 17)
    """
    opts = _options(options)
    stopset = _stopword_set(opts["stopwords"])
    stream = stream_of(corpus)
    key = (bool(opts["lowercase"]), bool(opts["stem"]), bool(opts["keep_punct"]), bool(opts["keep_numbers"]), stopset)
    prepared = stream.remember(("token options", key), lambda: _prepare_stream(stream, opts, stopset))
    return replace(prepared, options=opts)      # shares the masks and the remembered matches


def _prepare_stream(stream: TokenStream, opts: dict, stopset: frozenset[str]) -> Prepared:
    st = stream.view(lowercase=bool(opts["lowercase"]), stem=bool(opts["stem"]))
    release_pages(stream)                       # the view read every page of ``spell``; the masks read it again
    base, stop, spelling_stop = np.ones(len(st.kind), dtype=bool), np.zeros(len(st.kind), dtype=bool), None
    if stopset:
        form_code, forms = stream.forms()
        is_stop = np.fromiter((f in stopset for f in forms), dtype=bool, count=len(forms))
        spelling_stop = is_stop[form_code] & (stream.spell_kind != ENTITY)
    for lo, hi in blocks(st.doc_first):         # a block of ``kind`` and ``spell`` resident at a time
        if not opts["keep_punct"]:
            base[lo:hi] &= st.kind[lo:hi] != PUNCT
        if not opts["keep_numbers"]:
            base[lo:hi] &= st.kind[lo:hi] != NUMBER
        if spelling_stop is not None:
            stop[lo:hi] = spelling_stop[st.spell[lo:hi]]
        release_pages(stream)
    prepared = Prepared(st, base, stop, opts)
    for mask in (base, stop, prepared.kept):
        mask.flags.writeable = False            # shared by every call with these options
    release_pages(stream)                       # the columns read above are mapped again when next read
    return prepared


# --------------------------------------------------------------------------- tokens


def tokens(
    corpus: Corpus,
    *,
    stem: bool = False,
    stopwords: StopWords = "default",
    keep_punct: bool = False,
    keep_numbers: bool = True,
    lowercase: bool = True,
) -> pd.DataFrame:
    """Split a corpus into tokens, one row per token, with entity mentions as single tokens.

    Tokens are found with :data:`~kuril_research.tokens.patterns.TOKEN_RE` in each
    sentence of ``documents.text`` (``sentences`` offsets; text outside every
    sentence is not tokenised). Each mention becomes one token equal to its entity
    id (``Khabomai`` → ``habomai``), and word tokens overlapping a mention are not
    produced (so a word that only partly overlaps a mention is lost; the gazetteer
    matches whole words). The curly apostrophe ’ is read as ', and a possessive
    ``'s`` is a token of its own.

    Parameters
    ----------
    corpus : Corpus
    stem : bool, default False
        Replace word tokens by their Snowball (Porter2) English stem (lower case);
        numbers, punctuation and entity ids are not stemmed.
    stopwords : None, "default", path or iterable of str, default "default"
        Stop words to drop: ``"default"`` uses the shipped, editable
        ``kuril_research/data/stopwords_en.txt``, ``None`` keeps all, a path reads another
        list (one word per line, ``#`` comments), an iterable gives the words.
        Compared with the lower-cased, unstemmed token. Entity tokens are never
        stop words.
    keep_punct : bool, default False
        Keep punctuation tokens.
    keep_numbers : bool, default True
        Keep number tokens (``2010``, ``1,000``, ``3.5``).
    lowercase : bool, default True
        Lower-case word tokens (entity ids are lower case already).

    Returns
    -------
    DataFrame
        ``doc_id`` (string), ``sent_id`` (Int64), ``token_id`` (Int64: 0-based
        position in the document's *full* stream of words, numbers, punctuation
        and entities, so it does not change with the options; gaps mark dropped
        tokens), ``start``, ``end`` (Int64 offsets into ``documents.text``),
        ``token`` (string), ``voice`` (string: ``narrator`` | ``quoted`` for word
        tokens, the mention's voice for entity tokens), ``speaker`` (string, the
        quote's or mention's speaker, ``<NA>`` for narrator), ``is_entity``
        (boolean). Rows in document order (``corpus.documents``), then text order.

    Raises
    ------
    CorpusTableError
        If offsets are missing or out of range, or a mention is not inside one sentence.
    LexiconError
        If a stop-word file is missing or malformed.

    Examples
    --------
    >>> from kuril_research.testing import two_habomai_articles
    >>> corpus = two_habomai_articles()
    >>> t = tokens(corpus, stopwords=None)
    >>> print(t[t.doc_id == "a"][["sent_id", "token_id", "token", "voice", "speaker"]].to_string(index=False))
     sent_id  token_id         token    voice       speaker
           0         0         japan narrator          <NA>
           0         1         wants narrator          <NA>
           0         2       habomai narrator          <NA>
           0         3          back narrator          <NA>
           1         6            no   quoted sergey_lavrov
           1         7         peace   quoted sergey_lavrov
           1         8        treaty   quoted sergey_lavrov
           1         9           yet   quoted sergey_lavrov
           1        12 sergey_lavrov narrator          <NA>
           1        13          said narrator          <NA>
    >>> tokens(corpus).token.tolist()[-6:]
    ['lie', 'near', 'hokkaido', 'talks', 'treaty', 'stalled']
    """
    prep = prepare(corpus, {"stem": stem, "stopwords": stopwords, "keep_punct": keep_punct,
                             "keep_numbers": keep_numbers, "lowercase": lowercase})
    st, rows = prep.st, np.flatnonzero(prep.kept)
    return pd.DataFrame({
        "doc_id": string_array(st.doc_ids, st.doc[rows]),
        "sent_id": pd.array(st.s_id[st.sent[rows]], dtype="Int64"),
        "token_id": pd.array(st.token_id(rows), dtype="Int64"),
        "start": pd.array(st.start[rows].astype(np.int64), dtype="Int64"),
        "end": pd.array(st.end[rows].astype(np.int64), dtype="Int64"),
        "token": string_array(st.tuniq, st.tcode[rows]),
        "voice": string_array(st.voices, st.voice[rows]),
        "speaker": string_array(st.speakers, st.speaker[rows]),
        "is_entity": pd.array(st.kind[rows] == ENTITY, dtype="boolean"),
    })
