"""Count words, n-grams, collocations, keywords, dispersion and trends; show concordances.

Every function reads one token stream, built from a :class:`~kuril_research.corpus.Corpus`
as :func:`tokens` describes:

* text comes from ``documents.text``, sentence by sentence (``sentences`` offsets),
  so no token, n-gram, collocation window or phrase match crosses a sentence
  boundary (concordance context may);
* each gazetteer mention (``mentions`` row) becomes **one** token whose text is the
  canonical entity id, so that spellings pool (``Khabomai`` and ``Habomai`` are
  both ``habomai``); no word token is produced inside a mention;
* a word token inside a quotation (``quotes`` span) has voice ``quoted`` and the
  quote's speaker, any other word token ``narrator``; an entity token has its
  mention's voice and speaker.

Only ``documents`` decides which documents are analysed: rows of the other tables
whose ``doc_id`` is not in it are ignored, so ``Corpus(documents=subset, ...)``
with the full other tables is a valid way to study a subset.

Token options
-------------
Functions that count accept the options of :func:`tokens` as keywords
(:class:`TokenOptions`): ``stem``, ``stopwords``, ``keep_punct``, ``keep_numbers``,
``lowercase``.  Terms given as queries (``kwic``, ``trend``, ``dispersion(terms=)``,
``positions``) are matched in the full stream (stop words and punctuation
included, so a phrase never matches across a comma), while sizes (tokens per
document, period or corpus) are counted under the options.

Statistics and their zero handling are documented on each function; every
logarithm of zero is avoided by the rule stated there, never by silently dropping
rows.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from os import PathLike
from typing import Literal, TypedDict, Union, Unpack

import numpy as np
import pandas as pd

from . import lexicons, schema
from .corpus import Corpus
from .errors import CorpusTableError, ParameterError

__all__ = [
    "TOKEN_RE",
    "PCT_DIFF_ZERO",
    "TokenOptions",
    "tokens",
    "word_list",
    "ngrams",
    "collocations",
    "keyness",
    "dispersion",
    "positions",
    "trend",
    "kwic",
]

_TOKEN_KINDS = (
    ("abbrev", r"(?:[^\W\d_]\.){2,}"),                              # U.S., U.N.
    ("number", r"\d+(?:[.,:/]\d+)*(?![^\W_])"),                     # 2010, 1,000, 3.5
    ("word", r"[^\W_]+(?:-[^\W_]+|['’](?![sS]\b)[^\W_]+)*"),        # Kuril, well-known, don't, G7
    ("clitic", r"['’][sS]\b"),                                       # possessive 's, split off
    ("punct", r"[^\w\s]|_"),                                         # any other visible character
)
#: One token of running text, in order of preference: a dotted abbreviation
#: (``U.S.``), a number (``2010``, ``1,000``, ``3.5``), a word (letters or digits,
#: joined by inner hyphens or apostrophes: ``well-known``, ``don't``, ``G7``,
#: ``1990s``), a possessive ``'s`` split from its word, or one punctuation mark.
#: Every character that is not white space belongs to exactly one token.
TOKEN_RE = re.compile("|".join(f"(?P<{kind}>{body})" for kind, body in _TOKEN_KINDS))
#: The same tokens, each with the white space before it and without groups: with
#: ``findall`` (no match objects) the pieces tile the text, so offsets are sums of lengths.
SPACED_TOKEN_RE = re.compile(r"\s*(?:" + "|".join(f"(?:{body})" for _, body in _TOKEN_KINDS) + ")")
#: Runs of white space, collapsed to one space in concordance lines and queries.
WHITESPACE_RE = re.compile(r"\s+")

_WORD, _NUMBER, _PUNCT, _ENTITY = 0, 1, 2, 3
_GROUP_KIND = {"abbrev": _WORD, "number": _NUMBER, "word": _WORD, "clitic": _WORD, "punct": _PUNCT}
#: Sentences tokenised per regex pass; bounds the size of the joined string.
_CHUNK = 100_000
#: Stand-in for a zero normalised reference frequency in %DIFF (Gabrielatos & Marchi 2012).
PCT_DIFF_ZERO = 1e-18
_STEMMERS: dict[str, object] = {}  # built on first use, not at import

StopWords = Union[None, Literal["default"], str, "PathLike[str]", Iterable[str]]


class TokenOptions(TypedDict, total=False):
    """Keyword options shared by every counting function (see :func:`tokens`)."""

    stem: bool
    stopwords: StopWords
    keep_punct: bool
    keep_numbers: bool
    lowercase: bool


_DEFAULT_OPTIONS: dict = {"stem": False, "stopwords": None, "keep_punct": False,
                          "keep_numbers": True, "lowercase": True}


# --------------------------------------------------------------------------- stream


@dataclass
class _Stream:
    """The full token stream of a corpus (all kinds), in document then text order."""

    doc_ids: np.ndarray          # doc_id per document code (documents row order)
    texts: np.ndarray            # text per document code
    s_doc: np.ndarray            # per sentence (global order): document code
    s_id: np.ndarray             # sent_id
    s_start: np.ndarray
    s_end: np.ndarray
    doc: np.ndarray              # per token: document code
    sent: np.ndarray             # global sentence index
    token_id: np.ndarray         # 0-based position in the document's full stream
    start: np.ndarray
    end: np.ndarray
    kind: np.ndarray             # _WORD, _NUMBER, _PUNCT or _ENTITY
    token: np.ndarray            # token text (entity id for entities)
    form: np.ndarray             # lower-cased surface, compared with stop words
    surface: np.ndarray          # entity tokens: normalised mention surface; else None
    voice: np.ndarray
    speaker: np.ndarray
    tcode: np.ndarray = field(init=False)
    tuniq: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        codes, uniques = pd.factorize(self.token)
        self.tcode = codes.astype(np.int64)
        self.tuniq = np.asarray(uniques, dtype=object)
        self._tindex: dict[str, int] | None = None

    def code_of(self, token: str) -> int:
        """Return the code of a token text, -1 when it never occurs."""
        if self._tindex is None:
            self._tindex = {t: i for i, t in enumerate(self.tuniq)}
        return self._tindex.get(token, -1)


def _stemmer():
    if "english" not in _STEMMERS:
        from nltk.stem import SnowballStemmer  # needs no NLTK data download

        _STEMMERS["english"] = SnowballStemmer("english")
    return _STEMMERS["english"]


def _norm_apostrophe(text: str) -> str:
    return text.replace("’", "'")


def _int_array(frame: pd.DataFrame, column: str, table: str) -> np.ndarray:
    values = frame[column]
    if values.isna().any():
        raise CorpusTableError(f"table {table!r}: column {column!r} has missing values", field=column,
                               hint="rebuild the corpus with `kuril-research build`")
    return values.to_numpy(dtype=np.int64)


def _object_array(frame: pd.DataFrame, column: str) -> np.ndarray:
    return frame[column].to_numpy(dtype=object, na_value=None)


def _restrict(frame: pd.DataFrame, index: pd.Index) -> tuple[pd.DataFrame, np.ndarray]:
    codes = index.get_indexer(frame["doc_id"].to_numpy(dtype=object, na_value=None))
    keep = codes >= 0
    return frame[keep], codes[keep]


def _scan(strings: list[str]) -> tuple[np.ndarray, ...]:
    """Tokenise sentence strings: (sentence index, start, end, surface) of every token.

    The sentences of a chunk are joined by newlines and scanned in one
    ``SPACED_TOKEN_RE.findall`` pass; each piece is white space plus a token, the
    pieces tile the string, so a token ends at the running sum of piece lengths.
    """
    parts = []
    for lo in range(0, len(strings), _CHUNK):
        chunk = strings[lo:lo + _CHUNK]
        lengths = np.fromiter(map(len, chunk), dtype=np.int64, count=len(chunk))
        base = np.zeros(len(chunk), dtype=np.int64)
        base[1:] = np.cumsum(lengths + 1)[:-1]
        pieces = SPACED_TOKEN_RE.findall("\n".join(chunk))
        n = len(pieces)
        surface = np.empty(n, dtype=object)
        surface[:] = list(map(str.lstrip, pieces))
        end = np.cumsum(np.fromiter(map(len, pieces), dtype=np.int64, count=n))
        start = end - np.fromiter(map(len, surface), dtype=np.int64, count=n)
        sent = np.searchsorted(base, start, side="right") - 1
        parts.append((sent + lo, start - base[sent], end - base[sent], surface))
    if not parts:
        return (np.empty(0, np.int64),) * 3 + (np.empty(0, object),)
    return tuple(np.concatenate(column) for column in zip(*parts))


def _strings(uniques: np.ndarray, codes: np.ndarray | None = None) -> pd.api.extensions.ExtensionArray:
    """Build a ``string`` array as ``uniques[codes]`` (code -1 or a None value gives ``<NA>``).

    Converting each distinct value once and taking is much faster than converting
    millions of Python strings.
    """
    if codes is None:
        codes, uniques = pd.factorize(uniques)
    return pd.array(np.asarray(uniques, dtype=object), dtype="string").take(codes, allow_fill=True)


def _kind_of(token: str) -> int:
    match = TOKEN_RE.fullmatch(token)
    return _GROUP_KIND[match.lastgroup] if match else _WORD


def _build_stream(corpus: Corpus, *, lowercase: bool, stem: bool) -> _Stream:
    docs = corpus.documents
    doc_ids = docs["doc_id"].to_numpy(dtype=object, na_value=None)
    index = pd.Index(doc_ids)
    if index.hasnans or index.has_duplicates:
        raise CorpusTableError("table 'documents': doc_id is missing or repeated", field="doc_id",
                               hint="give every document a unique doc_id (rebuild the corpus)")
    texts = docs["text"].to_numpy(dtype=object, na_value="")
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    doc_base = np.zeros(len(texts), dtype=np.int64)     # documents laid end to end, one apart
    doc_base[1:] = np.cumsum(lengths + 1)[:-1]

    sents, s_doc = _restrict(corpus.sentences, index)
    s_start = _int_array(sents, "start", "sentences")
    s_end = _int_array(sents, "end", "sentences")
    s_id = _int_array(sents, "sent_id", "sentences")
    bad = np.flatnonzero((s_start < 0) | (s_end < s_start) | (s_end > lengths[s_doc]))
    if len(bad):
        i = bad[0]
        raise CorpusTableError(
            f"table 'sentences': sentence {s_id[i]} of document {doc_ids[s_doc[i]]!r} has offsets "
            f"{s_start[i]}-{s_end[i]} outside its text of {lengths[s_doc[i]]} characters",
            field="start", hint="rebuild the corpus with `kuril-research build`")
    nonempty = s_end > s_start
    order = np.lexsort((s_start[nonempty], s_doc[nonempty]))
    s_doc, s_id = s_doc[nonempty][order], s_id[nonempty][order]
    s_start, s_end = s_start[nonempty][order], s_end[nonempty][order]
    sg_start, sg_end = doc_base[s_doc] + s_start, doc_base[s_doc] + s_end

    # word, number and punctuation tokens, sentence by sentence
    strings = [texts[d][a:b] for d, a, b in zip(s_doc.tolist(), s_start.tolist(), s_end.tolist())]
    w_sent, w_lo, w_hi, w_surface = _scan(strings)
    wg_start, wg_end = sg_start[w_sent] + w_lo, sg_start[w_sent] + w_hi

    # entity tokens: one per mention, which must lie inside one sentence
    mentions, m_doc = _restrict(corpus.mentions, index)
    m_start = _int_array(mentions, "start", "mentions")
    m_end = _int_array(mentions, "end", "mentions")
    mg_start, mg_end = doc_base[m_doc] + m_start, doc_base[m_doc] + m_end
    m_sent = np.searchsorted(sg_start, mg_start, side="right") - 1
    inside = (m_sent >= 0) & (m_end > m_start) & (mg_end <= sg_end[np.maximum(m_sent, 0)]) \
        if len(sg_end) else np.zeros(len(m_start), dtype=bool)
    if not inside.all():
        i = np.flatnonzero(~inside)[0]
        raise CorpusTableError(
            f"table 'mentions': mention {mentions['surface'].iloc[i]!r} at {m_start[i]}-{m_end[i]} "
            f"of document {doc_ids[m_doc[i]]!r} is not inside one sentence",
            field="start", hint="rebuild the corpus; in a hand-made corpus, check the mention and sentence offsets")
    entity = _object_array(mentions, "entity")
    if any(e is None for e in entity):
        raise CorpusTableError("table 'mentions': column 'entity' has missing values", field="entity",
                               hint="rebuild the corpus with `kuril-research build`")
    m_surface = np.array([None if s is None else WHITESPACE_RE.sub(" ", _norm_apostrophe(s)).lower()
                          for s in _object_array(mentions, "surface")], dtype=object)
    m_order = np.argsort(mg_start, kind="stable")

    # drop word tokens that overlap a mention
    if len(mg_start):
        ms, reach = mg_start[m_order], np.maximum.accumulate(mg_end[m_order])
        j = np.searchsorted(ms, wg_end, side="left") - 1
        keep = ~((j >= 0) & (reach[np.maximum(j, 0)] > wg_start))
        w_sent, w_lo, w_hi, w_surface = (a[keep] for a in (w_sent, w_lo, w_hi, w_surface))
        wg_start, wg_end = wg_start[keep], wg_end[keep]

    # voice of word tokens: quoted inside a quotation span, else narrator
    quotes, q_doc = _restrict(corpus.quotes, index)
    qg_start = doc_base[q_doc] + _int_array(quotes, "start", "quotes")
    qg_end = doc_base[q_doc] + _int_array(quotes, "end", "quotes")
    q_speaker = _object_array(quotes, "speaker")
    q_order = np.argsort(qg_start, kind="stable")
    qg_start, qg_end, q_speaker = qg_start[q_order], qg_end[q_order], q_speaker[q_order]
    j = np.searchsorted(qg_start, wg_start, side="right") - 1
    quoted = (j >= 0) & (wg_start < qg_end[np.maximum(j, 0)]) if len(qg_start) else np.zeros(len(wg_start), bool)
    w_voice = np.where(quoted, "quoted", "narrator").astype(object)
    w_speaker = np.full(len(wg_start), None, dtype=object)
    w_speaker[quoted] = q_speaker[j[quoted]]

    # kind and token text, computed once per distinct surface
    codes, uniques = pd.factorize(w_surface)
    w_kind = np.fromiter(map(_kind_of, uniques), dtype=np.int8, count=len(uniques))[codes]
    u_norm = np.array([_norm_apostrophe(u) for u in uniques], dtype=object)
    u_form = np.array([u.lower() for u in u_norm], dtype=object)
    w_form = u_form[codes]
    w_token = w_form.copy() if lowercase else u_norm[codes]
    if stem:
        is_word = w_kind == _WORD
        f_codes, f_uniques = pd.factorize(w_form[is_word])
        stemmer = _stemmer()
        w_token[is_word] = np.array([stemmer.stem(f) for f in f_uniques], dtype=object)[f_codes]

    # merge words and entities in text order
    g_start = np.concatenate([wg_start, mg_start])
    g_end = np.concatenate([wg_end, mg_end])
    order = np.lexsort((g_end, g_start))
    doc = np.concatenate([s_doc[w_sent], m_doc])[order]
    n = len(order)
    return _Stream(
        doc_ids=doc_ids, texts=texts, s_doc=s_doc, s_id=s_id, s_start=s_start, s_end=s_end,
        doc=doc,
        sent=np.concatenate([w_sent, m_sent])[order],
        token_id=np.arange(n, dtype=np.int64) - np.searchsorted(doc, doc, side="left"),
        start=g_start[order] - doc_base[doc],
        end=g_end[order] - doc_base[doc],
        kind=np.concatenate([w_kind, np.full(len(mg_start), _ENTITY, np.int8)])[order],
        token=np.concatenate([w_token, entity])[order],
        form=np.concatenate([w_form, entity])[order],
        surface=np.concatenate([np.full(len(wg_start), None, dtype=object), m_surface])[order],
        voice=np.concatenate([w_voice, _object_array(mentions, "voice")])[order],
        speaker=np.concatenate([w_speaker, _object_array(mentions, "speaker")])[order],
    )


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
    st: _Stream
    base: np.ndarray   # tokens kept by keep_punct / keep_numbers
    stop: np.ndarray   # tokens that are stop words (never entities)
    options: dict

    @property
    def kept(self) -> np.ndarray:
        """Tokens of the filtered stream that :func:`tokens` returns."""
        return self.base & ~self.stop


def _prepare(corpus: Corpus, options: dict) -> _Prepared:
    opts = _options(options)
    st = _build_stream(corpus, lowercase=bool(opts["lowercase"]), stem=bool(opts["stem"]))
    base = np.ones(len(st.kind), dtype=bool)
    if not opts["keep_punct"]:
        base &= st.kind != _PUNCT
    if not opts["keep_numbers"]:
        base &= st.kind != _NUMBER
    stopset = _stopword_set(opts["stopwords"])
    stop = np.zeros(len(st.kind), dtype=bool)
    if stopset:
        f_codes, f_uniques = pd.factorize(st.form)
        is_stop = np.fromiter((u in stopset for u in f_uniques), dtype=bool, count=len(f_uniques))
        stop = is_stop[f_codes] & (st.kind != _ENTITY)
    return _Prepared(st, base, stop, opts)


def _positive_int(value: object, name: str, *, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ParameterError(f"{name} must be an integer of at least {minimum}, not {value!r}", field=name,
                             hint=f"pass {name}={minimum} or more")
    return int(value)


def _choice(value: object, name: str, allowed: Sequence[object]) -> None:
    if value not in allowed:
        raise ParameterError(f"{name} must be one of {list(allowed)}, not {value!r}", field=name,
                             hint=f"pass one of {', '.join(map(repr, allowed))}")


def _by_columns(corpus: Corpus, by: str | Sequence[str] | None) -> list[str]:
    columns = [] if by is None else [by] if isinstance(by, str) else list(by)
    for column in columns:
        if column not in corpus.documents.columns:
            raise ParameterError(f"unknown documents column {column!r}", field="by",
                                 hint="use columns of corpus.documents, e.g. 'outlet' or 'year'")
    return columns


def _terms_list(terms: str | Sequence[str], name: str = "terms") -> list[str]:
    items = [terms] if isinstance(terms, str) else list(terms)
    if not items or not all(isinstance(t, str) for t in items):
        raise ParameterError(f"{name} must be a word, phrase or entity id, or a list of them", field=name,
                             hint='e.g. "habomai" or ["habomai", "peace treaty"]')
    return items


# --------------------------------------------------------------------------- matching


def _query_tokens(query: str, *, lowercase: bool, stem: bool) -> list[str]:
    out = []
    for match in TOKEN_RE.finditer(query):
        text = _norm_apostrophe(match.group())
        kind = _GROUP_KIND[match.lastgroup]
        if lowercase or (stem and kind == _WORD):
            text = text.lower()
        if stem and kind == _WORD:
            text = _stemmer().stem(text)
        out.append(text)
    return out


def _match(prep: _Prepared, query: str) -> tuple[np.ndarray, np.ndarray]:
    """Find a query in the full stream: (first token row, last token row) of each match.

    In order: an entity id (every spelling of the entity); the surface of a mention
    (that spelling only); else a word or phrase, token by token, within a sentence,
    where a token also matches an entity token whose surface it spells.
    """
    st = prep.st
    q = WHITESPACE_RE.sub(" ", _norm_apostrophe(str(query))).strip()
    lower = q.lower()
    entity = st.kind == _ENTITY
    code = st.code_of(lower)
    if code >= 0 and (entity & (st.tcode == code)).any():
        rows = np.flatnonzero(st.tcode == code)
        return rows, rows
    by_surface = entity & (st.surface == lower)
    if by_surface.any():
        rows = np.flatnonzero(by_surface)
        return rows, rows
    parts = _query_tokens(q, lowercase=prep.options["lowercase"], stem=prep.options["stem"])
    if not parts:
        raise ParameterError(f"query {query!r} contains no token", field="query",
                             hint="pass a word, a phrase or an entity id")
    entity_rows = np.flatnonzero(entity)

    def matches(rows: np.ndarray, text: str) -> np.ndarray:
        hit = st.tcode[rows] == st.code_of(text)
        spelled = entity_rows[st.surface[entity_rows] == text.lower()]
        return hit | np.isin(rows, spelled)

    first = np.arange(len(st.tcode))
    first = first[matches(first, parts[0])]
    for j, text in enumerate(parts[1:], start=1):
        nxt = first + j
        ok = nxt < len(st.tcode)
        first, nxt = first[ok], nxt[ok]
        ok = (st.sent[nxt] == st.sent[first]) & matches(nxt, text)
        first = first[ok]
    return first, first + len(parts) - 1


# --------------------------------------------------------------------------- tokens


def _example_corpus() -> Corpus:
    """Build the two-document corpus that the doctests use.

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


def tokens(
    corpus: Corpus,
    *,
    stem: bool = False,
    stopwords: StopWords = None,
    keep_punct: bool = False,
    keep_numbers: bool = True,
    lowercase: bool = True,
) -> pd.DataFrame:
    """Split a corpus into tokens, one row per token, with entity mentions as single tokens.

    Tokens are found with :data:`TOKEN_RE` in each sentence of ``documents.text``
    (``sentences`` offsets; text outside every sentence is not tokenised). Each
    mention becomes one token equal to its entity id (``Khabomai`` → ``habomai``),
    and word tokens overlapping a mention are not produced (so a word that only
    partly overlaps a mention is lost; the gazetteer matches whole words). The
    curly apostrophe ’ is read as ', and a possessive ``'s`` is a token of its own.

    Parameters
    ----------
    corpus : Corpus
    stem : bool, default False
        Replace word tokens by their Snowball (Porter2) English stem (lower case);
        numbers, punctuation and entity ids are not stemmed.
    stopwords : None, "default", path or iterable of str, default None
        Stop words to drop: ``None`` keeps all, ``"default"`` uses the shipped,
        editable ``kuril_research/data/stopwords_en.txt``, a path reads another
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
    >>> corpus = _example_corpus()
    >>> t = tokens(corpus)
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
    >>> tokens(corpus, stopwords="default").token.tolist()[-6:]
    ['lie', 'near', 'hokkaido', 'talks', 'treaty', 'stalled']
    """
    prep = _prepare(corpus, {"stem": stem, "stopwords": stopwords, "keep_punct": keep_punct,
                             "keep_numbers": keep_numbers, "lowercase": lowercase})
    st, rows = prep.st, np.flatnonzero(prep.kept)
    return pd.DataFrame({
        "doc_id": _strings(st.doc_ids, st.doc[rows]),
        "sent_id": pd.array(st.s_id[st.sent[rows]], dtype="Int64"),
        "token_id": pd.array(st.token_id[rows], dtype="Int64"),
        "start": pd.array(st.start[rows], dtype="Int64"),
        "end": pd.array(st.end[rows], dtype="Int64"),
        "token": _strings(st.tuniq, st.tcode[rows]),
        "voice": _strings(st.voice[rows]),
        "speaker": _strings(st.speaker[rows]),
        "is_entity": pd.array(st.kind[rows] == _ENTITY, dtype="boolean"),
    })


# --------------------------------------------------------------------------- word lists and n-grams


def _frequency_table(corpus: Corpus, doc: np.ndarray, code: np.ndarray, strings: np.ndarray, *,
                     by: list[str], min_count: int, top: int | None) -> pd.DataFrame:
    """Count term codes per group: count, per_10k, doc_freq, range_pct."""
    keys = corpus.documents[by].reset_index(drop=True) if by else pd.DataFrame(index=range(len(corpus.documents)))
    group = by or ["_all"]
    if not by:
        keys["_all"] = 0
    units = pd.DataFrame({"_doc": doc, "_code": code})
    for column in group:
        units[column] = keys[column].array.take(doc)
    per_doc = units.groupby([*group, "_code", "_doc"], dropna=False, sort=False).size().rename("_n").reset_index()
    table = per_doc.groupby([*group, "_code"], dropna=False, sort=False).agg(
        count=("_n", "sum"), doc_freq=("_doc", "size")).reset_index()
    totals = units.groupby(group, dropna=False).size().rename("_total").reset_index()
    n_docs = keys.groupby(group, dropna=False).size().rename("_docs").reset_index()
    table = table.merge(totals, on=group, how="left").merge(n_docs, on=group, how="left")
    table = table[table["count"] >= min_count]
    out = table[by].copy() if by else pd.DataFrame(index=table.index)
    out["term"] = pd.array(strings[table["_code"].to_numpy()], dtype="string")
    out["count"] = pd.array(table["count"].to_numpy(), dtype="Int64")
    out["per_10k"] = table["count"].to_numpy() / table["_total"].to_numpy() * 10_000
    out["doc_freq"] = pd.array(table["doc_freq"].to_numpy(), dtype="Int64")
    out["range_pct"] = table["doc_freq"].to_numpy() / table["_docs"].to_numpy() * 100
    out = out.sort_values([*by, "count", "term"], ascending=[True] * len(by) + [False, True],
                          na_position="last", kind="mergesort")
    if top is not None:
        out = out.groupby(by, dropna=False, sort=False).head(top) if by else out.head(top)
    return out.reset_index(drop=True)


def _ngram_units(prep: _Prepared, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """N-grams of the filtered stream: (document code, n-gram code, n-gram strings)."""
    st = prep.st
    rows = np.flatnonzero(prep.base)
    m = len(rows) - n + 1
    if m <= 0:
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, object)
    ok = ~prep.stop[rows[:m]] & ~prep.stop[rows[n - 1:n - 1 + m]]
    for j in range(1, n):
        ok &= st.sent[rows[j:j + m]] == st.sent[rows[:m]]
    first = np.flatnonzero(ok)
    if n == 1:
        return st.doc[rows[first]], st.tcode[rows[first]], st.tuniq
    key = st.tcode[rows[first]]
    for j in range(1, n):
        key, _ = pd.factorize(key * len(st.tuniq) + st.tcode[rows[first + j]])
    _, where = np.unique(key, return_index=True)        # first occurrence of codes 0..K-1
    strings = st.tuniq[st.tcode[rows[first[where]]]]
    for j in range(1, n):
        strings = strings + " " + st.tuniq[st.tcode[rows[first[where] + j]]]
    return st.doc[rows[first]], key.astype(np.int64), strings


def word_list(
    corpus: Corpus,
    *,
    by: str | Sequence[str] | None = None,
    top: int | None = None,
    min_count: int = 1,
    **token_options: Unpack[TokenOptions],
) -> pd.DataFrame:
    """Count terms, overall or per group of documents.

    Parameters
    ----------
    corpus : Corpus
    by : str or list of str, optional
        Columns of ``corpus.documents`` to group by (e.g. ``"outlet"``, ``"year"``);
        documents with a missing value form their own ``<NA>`` group.
    top : int, optional
        Keep the ``top`` most frequent terms of each group.
    min_count : int, default 1
        Drop terms whose count in the group is lower.
    **token_options
        ``stem``, ``stopwords``, ``keep_punct``, ``keep_numbers``, ``lowercase``
        (:func:`tokens`).

    Returns
    -------
    DataFrame
        ``[by...,] term, count, per_10k, doc_freq, range_pct``, sorted by group,
        then ``count`` descending, then ``term``.

        * ``count`` -- occurrences of the term in the group;
        * ``per_10k`` = count / tokens in the group × 10,000 (tokens under the
          options, i.e. the rows :func:`tokens` returns for the group);
        * ``doc_freq`` -- documents of the group containing the term;
        * ``range_pct`` = doc_freq / documents in the group × 100 (all documents
          of the group, also those with no tokens).

    Examples
    --------
    >>> corpus = _example_corpus()

    Habomai (document a) and Khabomai (b) pool as ``habomai``; 22 tokens in all:

    >>> print(word_list(corpus, top=3).to_string(index=False))
       term  count    per_10k  doc_freq  range_pct
    habomai      2 909.090909         2      100.0
        the      2 909.090909         1       50.0
     treaty      2 909.090909         2      100.0
    >>> print(word_list(corpus, by="outlet", stopwords="default", top=1).to_string(index=False))
    outlet    term  count     per_10k  doc_freq  range_pct
     Kyodo habomai      1 1250.000000         1      100.0
      TASS    back      1 1111.111111         1      100.0
    """
    prep = _prepare(corpus, token_options)
    if top is not None:
        _positive_int(top, "top")
    doc, code, strings = _ngram_units(prep, 1)
    return _frequency_table(corpus, doc, code, strings, by=_by_columns(corpus, by),
                            min_count=_positive_int(min_count, "min_count"), top=top)


def ngrams(
    corpus: Corpus,
    n: int = 2,
    *,
    by: str | Sequence[str] | None = None,
    top: int | None = None,
    min_count: int = 1,
    **token_options: Unpack[TokenOptions],
) -> pd.DataFrame:
    """Count n-grams (sequences of n tokens within one sentence).

    N-grams are read from the stream without the tokens that ``keep_punct`` and
    ``keep_numbers`` drop (so with the defaults ``Japan, Russia`` gives
    ``japan russia``; pass ``keep_punct=True`` to keep the comma as a token) and
    never cross a sentence boundary. With
    ``stopwords``, an n-gram that starts or ends with a stop word is dropped
    (``treaty of peace`` stays); stop words do not close gaps. ``ngrams(c, 1)``
    equals ``word_list(c)``.

    Parameters
    ----------
    corpus : Corpus
    n : {1, 2, 3}, default 2
    by, top, min_count, **token_options
        As for :func:`word_list`.

    Returns
    -------
    DataFrame
        ``[by...,] term, count, per_10k, doc_freq, range_pct`` as for
        :func:`word_list`, where ``term`` is the n-gram with tokens joined by a
        space and ``per_10k`` is per 10,000 n-grams counted in the group.

    Examples
    --------
    >>> corpus = _example_corpus()
    >>> print(ngrams(corpus, 2, top=2).to_string(index=False))
            term  count    per_10k  doc_freq  range_pct
        a treaty      1 555.555556         1       50.0
    habomai back      1 555.555556         1       50.0
    >>> ngrams(corpus, 3, stopwords="default").term.tolist()[:3]
    ['habomai islands lie', 'islands lie near', 'japan wants habomai']
    """
    prep = _prepare(corpus, token_options)
    _choice(n, "n", (1, 2, 3))
    if top is not None:
        _positive_int(top, "top")
    doc, code, strings = _ngram_units(prep, n)
    return _frequency_table(corpus, doc, code, strings, by=_by_columns(corpus, by),
                            min_count=_positive_int(min_count, "min_count"), top=top)


# --------------------------------------------------------------------------- association statistics


def _g2(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Log-likelihood G² of 2×2 tables [[a, b], [c, d]]: 2 Σ O ln(O/E), empty cells add 0."""
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    n = a + b + c + d
    total = np.zeros(np.broadcast(a, b, c, d).shape)
    for observed, row, column in ((a, a + b, a + c), (b, a + b, b + d), (c, c + d, a + c), (d, c + d, b + d)):
        expected = row * column / n
        with np.errstate(divide="ignore", invalid="ignore"):
            total = total + np.where(observed > 0, observed * np.log(observed / expected), 0.0)
    return np.maximum(2 * total, 0.0)


def _chi2_sf_df1(g2: np.ndarray) -> np.ndarray:
    """Upper tail of the chi-square distribution with one degree of freedom: erfc(√(x/2))."""
    return np.array([math.erfc(math.sqrt(x / 2)) for x in np.asarray(g2, dtype=float)], dtype=float)


def _benjamini_hochberg(p: np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values: min over j ≥ i of p_(j)·m/j, capped at 1."""
    m = len(p)
    if m == 0:
        return np.asarray(p, dtype=float)
    order = np.argsort(p, kind="mergesort")
    scaled = p[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(scaled[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(adjusted, 1.0)
    return out


_MEASURES = ("log_likelihood", "pmi", "t_score", "log_dice")
Measure = Literal["log_likelihood", "pmi", "t_score", "log_dice"]


def collocations(
    corpus: Corpus,
    *,
    window: int = 1,
    measures: Sequence[Measure] = _MEASURES,
    sort_by: Measure = "log_likelihood",
    min_count: int = 2,
    node: str | None = None,
    **token_options: Unpack[TokenOptions],
) -> pd.DataFrame:
    """Score ordered word pairs (w1 followed by w2 within a window) by association.

    Pairs are counted in the stream without the tokens that ``keep_punct`` and
    ``keep_numbers`` drop, within one sentence: w2 follows w1 by 1..``window``
    tokens (``window=1``: adjacent bigrams, so ``o11`` equals the
    :func:`ngrams` count). Every statistic comes from one 2×2 table of *pair*
    tokens (Evert 2008, "surface co-occurrence"), which is always consistent:

    * ``o11`` -- pairs (w1, w2);
    * ``f1`` -- pairs with w1 first; ``f2`` -- pairs with w2 second (for
      ``window=1`` the token frequencies, less sentence-final/initial positions);
    * ``n`` -- all pairs; ``E11 = f1·f2/n``.

    Measures (zero handling: ``o11 ≥ min_count ≥ 1``, so all are finite):

    * ``pmi`` = log2(o11 / E11);
    * ``log_likelihood`` (Dunning 1993) G² = 2 Σ O_ij ln(O_ij / E_ij) over the four
      cells O = [[o11, f1−o11], [f2−o11, n−f1−f2+o11]] with E_ij = row_i·col_j/n;
      an empty cell adds 0 (lim x ln x = 0). Unsigned: compare ``o11`` with E11
      (or the sign of ``pmi``) for the direction;
    * ``t_score`` = (o11 − E11) / √o11;
    * ``log_dice`` (Rychlý 2008) = 14 + log2(2·o11 / (f1 + f2)); at most 14.

    Stop words (``stopwords``) only hide pairs containing one; they still count in
    ``f1``, ``f2`` and ``n``, so the scores do not depend on the stop list.

    Parameters
    ----------
    corpus : Corpus
    window : int, default 1
        Largest distance from w1 to w2, in tokens.
    measures : sequence of {"log_likelihood", "pmi", "t_score", "log_dice"}
        Score columns to add (default: all four).
    sort_by : {"log_likelihood", "pmi", "t_score", "log_dice"}, default "log_likelihood"
        Sort descending by this measure (must be in ``measures``), then w1, w2.
    min_count : int, default 2
        Smallest ``o11`` reported.
    node : str, optional
        Report only pairs with this token as w1 or w2: a word, an entity id, or a
        mention's spelling (``"Khabomai"`` means its entity, ``habomai``).
    **token_options
        As for :func:`tokens`.

    Returns
    -------
    DataFrame
        ``w1, w2, o11, f1, f2, n`` and the requested measures.

    Examples
    --------
    >>> corpus = _example_corpus()
    >>> c = collocations(corpus, min_count=1, node="habomai")
    >>> print(c[["w1", "w2", "o11", "f1", "f2", "n", "log_dice"]].to_string(index=False))
         w1      w2  o11  f1  f2  n  log_dice
    habomai    back    1   2   1 18 13.415037
    habomai islands    1   2   1 18 13.415037
      wants habomai    1   1   2 18 13.415037
        the habomai    1   2   2 18 13.000000
    """
    prep = _prepare(corpus, token_options)
    window = _positive_int(window, "window")
    min_count = _positive_int(min_count, "min_count")
    measures = list(measures)
    for measure in measures:
        _choice(measure, "measures", _MEASURES)
    _choice(sort_by, "sort_by", measures)
    st = prep.st
    rows = np.flatnonzero(prep.base)
    firsts, seconds = [np.empty(0, np.int64)], [np.empty(0, np.int64)]
    for distance in range(1, window + 1):
        m = len(rows) - distance
        if m <= 0:
            break
        same = st.sent[rows[:m]] == st.sent[rows[distance:]]
        firsts.append(rows[:m][same])
        seconds.append(rows[distance:][same])
    x, y = np.concatenate(firsts), np.concatenate(seconds)
    vocabulary = len(st.tuniq)
    xc, yc = st.tcode[x], st.tcode[y]
    n = len(x)
    f1_all = np.bincount(xc, minlength=vocabulary)
    f2_all = np.bincount(yc, minlength=vocabulary)
    pairs, o11 = np.unique(xc * vocabulary + yc, return_counts=True)
    w1, w2 = pairs // max(vocabulary, 1), pairs % max(vocabulary, 1)
    stop_code = np.zeros(vocabulary, dtype=bool)
    stop_code[st.tcode[prep.stop]] = True
    keep = (o11 >= min_count) & ~stop_code[w1] & ~stop_code[w2]
    if node is not None:
        first, last = _match(prep, node)
        if (first != last).any():
            raise ParameterError(f"node {node!r} is more than one token", field="node",
                                 hint="pass one word, an entity id or the spelling of a mention")
        node_codes = np.unique(st.tcode[first])
        keep &= np.isin(w1, node_codes) | np.isin(w2, node_codes)
    w1, w2, o11 = w1[keep], w2[keep], o11[keep].astype(float)
    f1, f2 = f1_all[w1].astype(float), f2_all[w2].astype(float)
    expected = f1 * f2 / n if n else np.zeros(0)
    out = pd.DataFrame({
        "w1": pd.array(st.tuniq[w1], dtype="string"),
        "w2": pd.array(st.tuniq[w2], dtype="string"),
        "o11": pd.array(o11.astype(np.int64), dtype="Int64"),
        "f1": pd.array(f1.astype(np.int64), dtype="Int64"),
        "f2": pd.array(f2.astype(np.int64), dtype="Int64"),
        "n": pd.array(np.full(len(w1), n, dtype=np.int64), dtype="Int64"),
    })
    scores = {
        "log_likelihood": lambda: _g2(o11, f1 - o11, f2 - o11, n - f1 - f2 + o11),
        "pmi": lambda: np.log2(o11 / expected),
        "t_score": lambda: (o11 - expected) / np.sqrt(o11),
        "log_dice": lambda: 14 + np.log2(2 * o11 / (f1 + f2)),
    }
    for measure in measures:
        out[measure] = scores[measure]()
    out = out.sort_values([sort_by, "w1", "w2"], ascending=[False, True, True], kind="mergesort")
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------- keyness


Selection = Union[pd.Series, np.ndarray, Sequence[bool], tuple]


def _select(corpus: Corpus, selection: Selection, name: str) -> np.ndarray:
    documents = corpus.documents
    if isinstance(selection, tuple) and len(selection) == 2 and isinstance(selection[0], str):
        column, value = selection
        if column not in documents.columns:
            raise ParameterError(f"unknown documents column {column!r}", field=name,
                                 hint="pass (column, value) with a column of corpus.documents")
        values = documents[column]
        mask = values.isin(list(value)) if isinstance(value, (list, set, frozenset)) else values == value
        return mask.fillna(False).to_numpy(dtype=bool)
    if isinstance(selection, pd.Series):
        if not selection.index.equals(documents.index):
            raise ParameterError(f"{name}: a boolean Series must have the index of corpus.documents", field=name,
                                 hint="build it from corpus.documents, e.g. corpus.documents.outlet == 'TASS'")
        selection = selection.fillna(False).to_numpy()
    mask = np.asarray(selection)
    if mask.dtype != bool or mask.shape != (len(documents),):
        raise ParameterError(f"{name} must be one boolean per document ({len(documents)}) or a (column, value) pair",
                             field=name, hint="e.g. ('outlet', 'TASS') or corpus.documents.year == 2019")
    return mask


def keyness(
    corpus: Corpus,
    target: Selection,
    reference: Selection | None = None,
    *,
    min_count: int = 1,
    **token_options: Unpack[TokenOptions],
) -> pd.DataFrame:
    """Compare term frequencies in target documents with reference documents.

    For each term, the 2×2 table has a = frequency in the target, b = in the
    reference, c = C − a and d = D − b, where C and D are the target and reference
    sizes in tokens (under the token options).

    * ``g2`` -- log-likelihood (Dunning 1993; Rayson & Garside 2000): G² = 2 Σ O ln(O/E)
      over all four cells a, b, c, d, with E = row total × column total / N; an
      empty cell adds 0 (lim x ln x = 0). (The UCREL web calculator sums only the
      a and b cells, so its values are slightly different.)
    * ``p_value`` -- chi-square with 1 degree of freedom: erfc(√(G²/2)).
    * ``p_adjusted`` -- Benjamini–Hochberg over the rows returned.
    * ``log_ratio`` (Hardie 2014) = log2((a/C) / (b/D)); a zero a or b is replaced
      by 0.5 (so the value stays finite and conservative).
    * ``pct_diff`` (%DIFF, Gabrielatos & Marchi 2012) = (nf_t − nf_r)·100 / nf_r with
      nf the ``per_10k`` frequencies; a zero nf_r is replaced by
      :data:`PCT_DIFF_ZERO` (1e-18) as Gabrielatos & Marchi do, so a term absent
      from the reference has a huge but finite %DIFF.
    * ``direction`` -- ``target`` when a/C > b/D, ``reference`` when a/C < b/D,
      ``<NA>`` when equal.

    Parameters
    ----------
    corpus : Corpus
    target : boolean Series/array over ``corpus.documents``, or (column, value)
        The target documents; ``value`` may be a list (any of them).
    reference : same as target, optional
        The reference documents; default all documents not in the target.
        Must not overlap the target.
    min_count : int, default 1
        Drop terms with a + b lower.
    **token_options
        As for :func:`tokens`.

    Returns
    -------
    DataFrame
        ``term, freq_target, freq_reference, per_10k_target, per_10k_reference,
        g2, log_ratio, pct_diff, p_value, p_adjusted, direction``, sorted by ``g2``
        descending, then ``term``.

    Raises
    ------
    ParameterError
        If a selection is malformed, target and reference overlap, or either has no tokens.

    Examples
    --------
    >>> corpus = _example_corpus()

    TASS (document a, 9 tokens without stop words) against the rest (b, 8 tokens):

    >>> k = keyness(corpus, ("outlet", "TASS"), stopwords="default").set_index("term")
    >>> print(k.loc[["sergey_lavrov", "habomai"], ["freq_target", "freq_reference", "log_ratio", "direction"]])
                   freq_target  freq_reference  log_ratio  direction
    term
    sergey_lavrov            1               0   0.830075     target
    habomai                  1               1  -0.169925  reference
    """
    prep = _prepare(corpus, token_options)
    min_count = _positive_int(min_count, "min_count")
    in_target = _select(corpus, target, "target")
    in_reference = ~in_target if reference is None else _select(corpus, reference, "reference")
    if (in_target & in_reference).any():
        raise ParameterError("target and reference share documents", field="reference",
                             hint="make the selections disjoint, or omit reference to use all other documents")
    st = prep.st
    rows = np.flatnonzero(prep.kept)
    codes, docs = st.tcode[rows], st.doc[rows]
    vocabulary = len(st.tuniq)
    a_all = np.bincount(codes[in_target[docs]], minlength=vocabulary)
    b_all = np.bincount(codes[in_reference[docs]], minlength=vocabulary)
    size_t, size_r = int(a_all.sum()), int(b_all.sum())
    for size, name in ((size_t, "target"), (size_r, "reference")):
        if size == 0:
            raise ParameterError(f"the {name} documents have no tokens", field=name,
                                 hint="check the selection and the token options")
    terms = np.flatnonzero((a_all + b_all >= min_count) & (a_all + b_all > 0))
    a, b = a_all[terms].astype(float), b_all[terms].astype(float)
    nf_t, nf_r = a / size_t * 10_000, b / size_r * 10_000
    g2 = _g2(a, b, size_t - a, size_r - b)
    p_value = _chi2_sf_df1(g2)
    cross_t, cross_r = a_all[terms] * size_r, b_all[terms] * size_t      # a/C vs b/D, exactly in integers
    direction = np.where(cross_t > cross_r, "target", np.where(cross_t < cross_r, "reference", None))
    out = pd.DataFrame({
        "term": pd.array(st.tuniq[terms], dtype="string"),
        "freq_target": pd.array(a.astype(np.int64), dtype="Int64"),
        "freq_reference": pd.array(b.astype(np.int64), dtype="Int64"),
        "per_10k_target": nf_t,
        "per_10k_reference": nf_r,
        "g2": g2,
        "log_ratio": np.log2((np.where(a > 0, a, 0.5) / size_t) / (np.where(b > 0, b, 0.5) / size_r)),
        "pct_diff": (nf_t - nf_r) * 100 / np.where(nf_r > 0, nf_r, PCT_DIFF_ZERO),
        "p_value": p_value,
        "p_adjusted": _benjamini_hochberg(p_value),
        "direction": pd.array(direction.astype(object), dtype="string"),
    })
    out = out.sort_values(["g2", "term"], ascending=[False, True], kind="mergesort")
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------- dispersion, positions, trend


def _occurrences(prep: _Prepared, terms: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Matches of each term: (term index, first token row), in term then text order."""
    term_index, first_rows = [], []
    for i, term in enumerate(terms):
        first, _ = _match(prep, term)
        term_index.append(np.full(len(first), i, dtype=np.int64))
        first_rows.append(first)
    return np.concatenate(term_index), np.concatenate(first_rows)


def dispersion(
    corpus: Corpus,
    *,
    terms: str | Sequence[str] | None = None,
    **token_options: Unpack[TokenOptions],
) -> pd.DataFrame:
    """Measure how evenly terms are spread over the documents of a corpus.

    The corpus parts are the documents with at least one token under the options;
    part i has size l_i (its tokens), share s_i = l_i / Σl, and the term occurs
    v_i times there (f = Σ v_i; occurrences in a document without tokens under the
    options are not counted). With n parts:

    * ``range`` -- parts with v_i > 0;
    * ``dp`` (Gries 2008, deviation of proportions) = ½ Σ |v_i/f − s_i|: 0 when the
      term is spread exactly like the corpus, near 1 when it is concentrated;
    * ``dp_norm`` (Lijffijt & Gries 2012) = DP / (1 − min_i s_i), which reaches 1;
      ``NaN`` with one part;
    * ``juilland_d`` (Juilland et al. 1970) = 1 − V / √(n − 1), with V = σ/μ the
      coefficient of variation of the relative sub-frequencies p_i = v_i / l_i
      (σ the population standard deviation): 1 = perfectly even, 0 = in one part;
      ``NaN`` with one part.

    A requested term that never occurs gets ``freq`` 0, ``range`` 0 and ``NaN``
    measures.

    Parameters
    ----------
    corpus : Corpus
    terms : str or list of str, optional
        Words, phrases or entity ids (matched as in :func:`kwic`); default every
        token of :func:`tokens` under the options.
    **token_options
        As for :func:`tokens`; they decide the part sizes (and, without ``terms``,
        the terms).

    Returns
    -------
    DataFrame
        ``term, freq, range, juilland_d, dp, dp_norm``; in the order of ``terms``,
        or by ``freq`` descending then ``term``.

    Examples
    --------
    >>> d = dispersion(_example_corpus(), terms=["habomai", "lavrov"])
    >>> print(d.to_string(index=False))
       term  freq  range  juilland_d       dp  dp_norm
    habomai     2      2    0.909091 0.045455 0.083333
     lavrov     1      1    0.000000 0.545455 1.000000
    """
    prep = _prepare(corpus, token_options)
    st = prep.st
    n_docs = len(st.doc_ids)
    size = np.bincount(st.doc[prep.kept], minlength=n_docs).astype(float)
    part = size > 0
    n_parts = int(part.sum())
    share = size / size.sum() if n_parts else size
    if terms is None:
        rows = np.flatnonzero(prep.kept)
        term_code, doc = st.tcode[rows], st.doc[rows]
        labels = st.tuniq
    else:
        labels = np.array(_terms_list(terms), dtype=object)
        term_code, first = _occurrences(prep, list(labels))
        doc = st.doc[first]
    n_terms = len(labels)
    counted = part[doc]
    pair, v = np.unique(term_code[counted] * max(n_docs, 1) + doc[counted], return_counts=True)
    t, d = pair // max(n_docs, 1), pair % max(n_docs, 1)
    freq = np.bincount(t, weights=v, minlength=n_terms)
    spread = np.bincount(t, minlength=n_terms)
    with np.errstate(divide="ignore", invalid="ignore"):
        # DP: parts where the term is absent add |0 − s_i| = s_i
        dp = 0.5 * (np.bincount(t, weights=np.abs(v / freq[t] - share[d]), minlength=n_terms)
                    + 1 - np.bincount(t, weights=share[d], minlength=n_terms))
        dp_norm = dp / (1 - share[part].min()) if n_parts else dp * np.nan
        p = v / size[d]
        mean = np.bincount(t, weights=p, minlength=n_terms) / n_parts
        squares = np.bincount(t, weights=(p - mean[t]) ** 2, minlength=n_terms) + (n_parts - spread) * mean ** 2
        juilland = 1 - (np.sqrt(squares / n_parts) / mean) / math.sqrt(n_parts - 1) if n_parts > 1 \
            else np.full(n_terms, np.nan)
    absent = freq == 0
    dp[absent], dp_norm[absent], juilland[absent] = np.nan, np.nan, np.nan
    if n_parts <= 1:
        dp_norm[:] = np.nan
    out = pd.DataFrame({
        "term": pd.array(labels, dtype="string"),
        "freq": pd.array(freq.astype(np.int64), dtype="Int64"),
        "range": pd.array(spread.astype(np.int64), dtype="Int64"),
        "juilland_d": juilland,
        "dp": dp,
        "dp_norm": dp_norm,
    })
    if terms is None:
        out = out[~absent].sort_values(["freq", "term"], ascending=[False, True], kind="mergesort")
    return out.reset_index(drop=True)


def positions(corpus: Corpus, terms: str | Sequence[str], **token_options: Unpack[TokenOptions]) -> pd.DataFrame:
    """List where each occurrence of some terms falls in its document, for dispersion plots.

    Parameters
    ----------
    corpus : Corpus
    terms : str or list of str
        Words, phrases or entity ids, matched as in :func:`kwic`.
    **token_options
        As for :func:`tokens`; they decide which tokens count for ``position``.

    Returns
    -------
    DataFrame
        ``doc_id, term, token_id, start, end, position, n_tokens, rel_position``:
        ``position`` is the number of tokens (under the options) before the match
        in its document, ``n_tokens`` the document's tokens, and
        ``rel_position = position / n_tokens`` (0 = first token). Rows in term
        order, then document and text order.

    Examples
    --------
    >>> p = positions(_example_corpus(), "habomai")
    >>> print(p[["doc_id", "position", "n_tokens", "rel_position"]].to_string(index=False))
    doc_id  position  n_tokens  rel_position
         a         2        10      0.200000
         b         1        12      0.083333
    """
    prep = _prepare(corpus, token_options)
    st = prep.st
    labels = _terms_list(terms)
    term_index, first = _occurrences(prep, labels)
    kept = prep.kept.astype(np.int64)
    before = np.cumsum(kept) - kept                       # kept tokens before each row, corpus-wide
    doc_first = np.searchsorted(st.doc, np.arange(len(st.doc_ids)), side="left")
    doc_before = np.append(before, kept.sum())[doc_first]
    n_tokens = np.bincount(st.doc[prep.kept], minlength=len(st.doc_ids))
    doc = st.doc[first]
    position = before[first] - doc_before[doc]
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = position / n_tokens[doc]
    return pd.DataFrame({
        "doc_id": pd.array(st.doc_ids[doc], dtype="string"),
        "term": pd.array(np.array(labels, dtype=object)[term_index], dtype="string"),
        "token_id": pd.array(st.token_id[first], dtype="Int64"),
        "start": pd.array(st.start[first], dtype="Int64"),
        "end": pd.array(st.end[first], dtype="Int64"),
        "position": pd.array(position, dtype="Int64"),
        "n_tokens": pd.array(n_tokens[doc], dtype="Int64"),
        "rel_position": rel.astype(float),
    })


def _periods(documents: pd.DataFrame, freq: str) -> np.ndarray:
    year = documents["year"].astype("Int64")
    if freq == "year":
        label = year.astype("string").str.zfill(4)
    else:
        month = documents["month"].astype("Int64")
        coarse = documents["date_precision"].astype("string") == "year"
        label = year.astype("string").str.zfill(4) + "-" + month.astype("string").str.zfill(2)
        label = label.mask(coarse.fillna(False))
    return label.to_numpy(dtype=object, na_value=None)


def trend(
    corpus: Corpus,
    terms: str | Sequence[str],
    *,
    freq: Literal["year", "month"] = "year",
    **token_options: Unpack[TokenOptions],
) -> pd.DataFrame:
    """Count terms per year or month, respecting each document's date precision.

    Parameters
    ----------
    corpus : Corpus
    terms : str or list of str
        Words, phrases or entity ids, matched as in :func:`kwic`.
    freq : {"year", "month"}, default "year"
        With ``"month"``, a document dated only to the year
        (``date_precision == "year"``) is not placed in any month: it is counted
        in the row with ``period`` ``<NA>``, as is any document without a year.
        So counts always add up to the corpus total; drop the ``<NA>`` rows
        (``result.dropna(subset=["period"])``) before plotting.
    **token_options
        As for :func:`tokens`; they decide ``tokens``.

    Returns
    -------
    DataFrame
        ``period`` (string ``YYYY`` or ``YYYY-MM``, ``<NA>`` = not placed), ``term``,
        ``count`` (matches), ``tokens`` (tokens in the period's documents),
        ``per_10k`` = count / tokens × 10,000 (``NaN`` when tokens is 0),
        ``n_docs`` (documents in the period). One row per period with documents
        and term (zero counts included), periods ascending with ``<NA>`` last,
        terms in the order given.

    Examples
    --------
    >>> corpus = _example_corpus()
    >>> print(trend(corpus, "habomai", freq="month").to_string(index=False))
     period    term  count  tokens     per_10k  n_docs
    2019-01 habomai      1      10 1000.000000       1
       <NA> habomai      1      12  833.333333       1
    """
    _choice(freq, "freq", ("year", "month"))
    prep = _prepare(corpus, token_options)
    st = prep.st
    labels = _terms_list(terms)
    period_of_doc = _periods(corpus.documents, freq)
    period_codes, period_names = pd.factorize(pd.Series(period_of_doc, dtype="string"), sort=True,
                                              use_na_sentinel=False)
    n_periods = len(period_names)
    names = np.asarray(period_names, dtype=object)
    doc_period = np.asarray(period_codes, dtype=np.int64)
    n_tokens = np.bincount(doc_period[st.doc[prep.kept]], minlength=n_periods)
    n_docs = np.bincount(doc_period, minlength=n_periods)
    term_index, first = _occurrences(prep, labels)
    counts = np.bincount(term_index * n_periods + doc_period[st.doc[first]],
                         minlength=len(labels) * n_periods).reshape(len(labels), n_periods)
    # rows: periods ascending with <NA> last, terms in given order
    order = sorted(range(n_periods), key=lambda i: (names[i] is None or names[i] is pd.NA, str(names[i])))
    p_idx = np.repeat(np.array(order, dtype=np.int64), len(labels))
    t_idx = np.tile(np.arange(len(labels)), n_periods)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_10k = counts[t_idx, p_idx] / n_tokens[p_idx] * 10_000
    return pd.DataFrame({
        "period": pd.array([None if names[i] is pd.NA else names[i] for i in p_idx], dtype="string"),
        "term": pd.array(np.array(labels, dtype=object)[t_idx], dtype="string"),
        "count": pd.array(counts[t_idx, p_idx], dtype="Int64"),
        "tokens": pd.array(n_tokens[p_idx], dtype="Int64"),
        "per_10k": per_10k.astype(float),
        "n_docs": pd.array(n_docs[p_idx], dtype="Int64"),
    })


# --------------------------------------------------------------------------- concordance


def kwic(
    corpus: Corpus,
    query: str,
    *,
    window: int = 8,
    unit: Literal["token", "sentence"] = "token",
    sort: Literal["left", "right"] | None = None,
) -> pd.DataFrame:
    """Show every occurrence of a word, phrase or entity with its context (key word in context).

    The query is matched case-insensitively in the full token stream, trying in turn:

    1. an entity id (``"habomai"``, ``"northern_territories"``): every mention of the
       entity, whatever its spelling, and any word token equal to the id;
    2. the spelling of a mention (``"Khabomai"``, ``"Southern Kurils"``): those
       mentions only;
    3. a word or phrase (``"peace treaty"``), token by token within one sentence;
       punctuation in the query must be in the text, and a query token also matches
       a mention spelled that way.

    Parameters
    ----------
    corpus : Corpus
    query : str
    window : int, default 8
        Context on each side, in ``unit``\\ s.
    unit : {"token", "sentence"}, default "token"
        ``"token"``: ``window`` tokens each side, not counting punctuation, within
        the document (context may cross sentences). ``"sentence"``: the match's
        sentence plus ``window`` sentences each side (``window=0``: the sentence).
    sort : {"left", "right"} or None, default None
        ``"left"``: by the words left of the match, nearest first; ``"right"``: by
        the words right of it; ``None``: document and text order.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, start, end`` (offsets of the match in ``documents.text``),
        ``left, match, right`` (text with white space collapsed), ``voice, speaker``
        (of the match's first token).

    Examples
    --------
    >>> corpus = _example_corpus()
    >>> print(kwic(corpus, "habomai", window=2)[["doc_id", "left", "match", "right"]].to_string(index=False))
    doc_id        left    match       right
         a Japan wants  Habomai   back. "No
         b         The Khabomai islands lie
    >>> kwic(corpus, "Khabomai").doc_id.tolist()
    ['b']
    >>> line = kwic(corpus, "peace treaty", unit="sentence", window=0).iloc[0]
    >>> line.left, line.match, line.right, line.voice, line.speaker
    ('"No', 'peace treaty', 'yet," Lavrov said.', 'quoted', 'sergey_lavrov')
    """
    window = _positive_int(window, "window", minimum=0)
    _choice(unit, "unit", ("token", "sentence"))
    _choice(sort, "sort", ("left", "right", None))
    prep = _prepare(corpus, {})
    st = prep.st
    first, last = _match(prep, query)
    doc = st.doc[first]
    m_start, m_end = st.start[first], st.end[last]
    if unit == "token":
        wordish = np.flatnonzero(st.kind != _PUNCT)
        doc_lo = np.searchsorted(st.doc[wordish], np.arange(len(st.doc_ids)), side="left")
        doc_hi = np.searchsorted(st.doc[wordish], np.arange(len(st.doc_ids)), side="right")
        k_left = np.searchsorted(wordish, first, side="left")      # context words before the match
        k_right = np.searchsorted(wordish, last, side="right")     # first context word after it
        lo = np.maximum(k_left - window, doc_lo[doc])
        hi = np.minimum(k_right + window, doc_hi[doc]) - 1
        left_start = np.where(lo < k_left, st.start[wordish[np.minimum(lo, len(wordish) - 1)]], m_start)
        right_end = np.where(hi >= k_right, st.end[wordish[np.clip(hi, 0, len(wordish) - 1)]], m_end)
    else:
        sent = st.sent[first]
        s_lo = np.searchsorted(st.s_doc, doc, side="left")
        s_hi = np.searchsorted(st.s_doc, doc, side="right") - 1
        left_start = st.s_start[np.maximum(sent - window, s_lo)]
        right_end = st.s_end[np.minimum(sent + window, s_hi)]
        left_start, right_end = np.minimum(left_start, m_start), np.maximum(right_end, m_end)
    texts = st.texts[doc]

    def clip(a: np.ndarray, b: np.ndarray) -> list[str]:
        return [WHITESPACE_RE.sub(" ", t[i:j]).strip() for t, i, j in zip(texts, a.tolist(), b.tolist())]

    out = pd.DataFrame({
        "doc_id": pd.array(st.doc_ids[doc], dtype="string"),
        "sent_id": pd.array(st.s_id[st.sent[first]], dtype="Int64"),
        "start": pd.array(m_start, dtype="Int64"),
        "end": pd.array(m_end, dtype="Int64"),
        "left": pd.array(clip(left_start, m_start), dtype="string"),
        "match": pd.array(clip(m_start, m_end), dtype="string"),
        "right": pd.array(clip(m_end, right_end), dtype="string"),
        "voice": pd.array(st.voice[first], dtype="string"),
        "speaker": pd.array(st.speaker[first], dtype="string"),
    })
    if sort is not None:
        context = out["left"] if sort == "left" else out["right"]
        words = context.str.lower().str.split()
        key = words.map(lambda w: " ".join(reversed(w)) if sort == "left" else " ".join(w))
        out = out.iloc[np.argsort(key.to_numpy(dtype=object).astype(str), kind="stable")]
    return out.reset_index(drop=True)
