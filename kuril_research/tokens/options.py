"""Choose the tokens an analysis counts: token options, stop words, and :func:`tokens`.

The second step: the stream of :mod:`kuril_research.tokens.stream` seen under a
set of token options (:class:`TokenOptions`), its texts lower-cased or stemmed
and its punctuation, numbers and stop words marked, made once per stream and
options and then reused (:func:`_prepare`). :mod:`kuril_research.tokens.query`
finds queries in it; :mod:`kuril_research.analysis.frequency`,
:mod:`kuril_research.analysis.dispersion` and :mod:`kuril_research.analysis.concordance` count
it. :func:`tokens` returns it as a table, one row per token
(:mod:`kuril_research.analysis.frequency` re-exports it). The checks of parameters the
analyses share (:func:`_positive_int`, :func:`_choice`) live here too.

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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from os import PathLike
from typing import Literal, TypedDict, Union

import numpy as np
import pandas as pd

from kuril_research import lexicons
from kuril_research.corpus.build import Corpus
from kuril_research.errors import ParameterError
from kuril_research.tokens.stream import (
    _ENTITY,
    _NUMBER,
    _PUNCT,
    _norm_apostrophe,
    _stream,
    _Stream,
    _strings,
    _Tokens,
)

__all__ = ["TokenOptions", "tokens"]

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
        return frozenset(_norm_apostrophe(w) for w in lexicons.load_word_list(stopwords))
    words = list(stopwords)
    if not all(isinstance(w, str) for w in words):
        raise ParameterError("stop words must be strings", field="stopwords",
                             hint='pass None, "default", a file path or a list of words')
    return frozenset(_norm_apostrophe(w).lower() for w in words)


@dataclass
class _Prepared:
    st: _Tokens
    base: np.ndarray   # tokens kept by keep_punct / keep_numbers
    stop: np.ndarray   # tokens that are stop words (never entities)
    options: dict
    _kept: np.ndarray | None = field(default=None, repr=False)
    _matches: dict = field(default_factory=dict, repr=False)   # query → (first rows, last rows), see _match

    @property
    def kept(self) -> np.ndarray:
        """Tokens of the filtered stream that :func:`tokens` returns."""
        if self._kept is None:
            self._kept = self.base & ~self.stop if self.stop is not None else self.base
        return self._kept


def _prepare(corpus: Corpus, options: dict) -> _Prepared:
    """The stream under some token options, with its masks; made once per stream and options, then reused."""
    opts = _options(options)
    stopset = _stopword_set(opts["stopwords"])
    stream = _stream(corpus)
    key = (bool(opts["lowercase"]), bool(opts["stem"]), bool(opts["keep_punct"]), bool(opts["keep_numbers"]), stopset)
    prepared = stream._prepared.get(key)
    if prepared is None:
        prepared = stream._prepared[key] = _prepare_stream(stream, opts, stopset)
    return _Prepared(prepared.st, prepared.base, prepared.stop, opts, prepared.kept, prepared._matches)


def _prepare_stream(stream: _Stream, opts: dict, stopset: frozenset[str]) -> _Prepared:
    st = stream.view(lowercase=bool(opts["lowercase"]), stem=bool(opts["stem"]))
    base = np.ones(len(st.kind), dtype=bool)
    if not opts["keep_punct"]:
        base &= st.kind != _PUNCT
    if not opts["keep_numbers"]:
        base &= st.kind != _NUMBER
    stop = np.zeros(len(st.kind), dtype=bool)
    if stopset:
        form_code, forms = stream.forms()
        is_stop = np.fromiter((f in stopset for f in forms), dtype=bool, count=len(forms))
        spelling_stop = is_stop[form_code] & (stream.spell_kind != _ENTITY)
        stop = spelling_stop[st.spell]
    prepared = _Prepared(st, base, stop, opts)
    for mask in (base, stop, prepared.kept):
        mask.flags.writeable = False            # shared by every call with these options
    return prepared


def _positive_int(value: object, name: str, *, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ParameterError(f"{name} must be an integer of at least {minimum}, not {value!r}", field=name,
                             hint=f"pass {name}={minimum} or more")
    return int(value)


def _choice(value: object, name: str, allowed: Sequence[object]) -> None:
    if value not in allowed:
        raise ParameterError(f"{name} must be one of {list(allowed)}, not {value!r}", field=name,
                             hint=f"pass one of {', '.join(map(repr, allowed))}")


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

    Tokens are found with :data:`~kuril_research.tokens.stream.TOKEN_RE` in each
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
    prep = _prepare(corpus, {"stem": stem, "stopwords": stopwords, "keep_punct": keep_punct,
                             "keep_numbers": keep_numbers, "lowercase": lowercase})
    st, rows = prep.st, np.flatnonzero(prep.kept)
    return pd.DataFrame({
        "doc_id": _strings(st.doc_ids, st.doc[rows]),
        "sent_id": pd.array(st.s_id[st.sent[rows]], dtype="Int64"),
        "token_id": pd.array(st.token_id(rows), dtype="Int64"),
        "start": pd.array(st.start[rows].astype(np.int64), dtype="Int64"),
        "end": pd.array(st.end[rows].astype(np.int64), dtype="Int64"),
        "token": _strings(st.tuniq, st.tcode[rows]),
        "voice": _strings(st.voices, st.voice[rows]),
        "speaker": _strings(st.speakers, st.speaker[rows]),
        "is_entity": pd.array(st.kind[rows] == _ENTITY, dtype="boolean"),
    })
