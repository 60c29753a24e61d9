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

Reuse
-----
The token stream is built once per corpus and remembered: every later call on
the same :class:`~kuril_research.corpus.Corpus` object, with any token options,
reuses it (the options only choose tokens; the lower-cased or stemmed texts are
worked out once per setting). The stream holds small integers per token (about
35 bytes; 2 GB for 100,000 articles of 500 words) and is freed with its corpus.

It is never stale. Each call fingerprints the columns the stream is built from,
:data:`STREAM_COLUMNS` (``documents.doc_id, text``; ``sentences.doc_id, sent_id,
start, end``; ``mentions.doc_id, start, end, surface, entity, voice, speaker``;
``quotes.doc_id, start, end, speaker``), and builds afresh when any of them
differs: a table replaced (``corpus.documents = ...``), rows added or dropped, a
value edited in place. Other columns (``documents.outlet``, ``year``, ...) are
read on every call, so changing them needs no rebuild. A corpus from
:func:`~kuril_research.selection.select_documents`, or a new ``Corpus(...)``, is
another object with a stream of its own. Fingerprints: :mod:`kuril_research.memo`.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from os import PathLike
from typing import Literal, TypedDict, Union, Unpack

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import lexicons, memo, schema
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
_WORD_START = re.compile(r"\w")

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


@dataclass(eq=False)
class _Stream:
    """The full token stream of a corpus (all kinds), in document then text order.

    Per token only small integers are kept; texts live in small tables of distinct
    values. ``spell`` codes a token's spelling in ``spellings``: an entity id for
    codes below ``n_entities``, else a word's surface with ’ read as ' (case kept).
    """

    doc_ids: np.ndarray          # doc_id per document code (documents row order), object
    text: object                 # documents.text as an array (concordances read it lazily)
    s_doc: np.ndarray            # per sentence (global order): document code
    s_id: np.ndarray             # sent_id
    s_start: np.ndarray
    s_end: np.ndarray
    doc: np.ndarray              # per token: document code (int32)
    sent: np.ndarray             # global sentence index (int32)
    start: np.ndarray            # offsets into documents.text (int32 when they fit)
    end: np.ndarray
    kind: np.ndarray             # _WORD, _NUMBER, _PUNCT or _ENTITY (int8)
    spell: np.ndarray            # code into ``spellings`` (int32)
    spellings: np.ndarray        # distinct spellings: entity ids, then word surfaces (object)
    n_entities: int
    spell_kind: np.ndarray       # kind of each spelling
    voice: np.ndarray            # code into ``voices``
    voices: np.ndarray
    speaker: np.ndarray          # code into ``speakers``, -1 = none (int32)
    speakers: np.ndarray
    ent_rows: np.ndarray         # rows of the entity tokens
    ent_surface: np.ndarray      # their normalised mention surface: code into ``surfaces``, -1 = none
    surfaces: np.ndarray
    doc_first: np.ndarray        # first row of each document; doc_first[-1] = number of tokens
    _views: dict = field(default_factory=dict, repr=False)
    _forms: tuple | None = field(default=None, repr=False)
    _prepared: dict = field(default_factory=dict, repr=False)   # token options → _Prepared

    def __post_init__(self) -> None:
        for value in vars(self).values():
            if isinstance(value, np.ndarray):
                value.flags.writeable = False       # shared by every call that reuses the stream

    def token_id(self, rows: np.ndarray) -> np.ndarray:
        """0-based position of each row in its document's full stream."""
        return rows - self.doc_first[self.doc[rows]]

    def forms(self) -> tuple[np.ndarray, np.ndarray]:
        """(form code of each spelling, distinct forms): the entity id, or the lower-cased word."""
        if self._forms is None:
            n = self.n_entities
            forms = list(self.spellings[:n]) + [s.lower() for s in self.spellings[n:]]
            codes, uniques = pd.factorize(np.array(forms, dtype=object)) if forms else \
                (np.empty(0, np.int64), np.empty(0, object))
            self._forms = (codes.astype(np.int32), np.asarray(uniques, dtype=object))
        return self._forms

    def view(self, *, lowercase: bool, stem: bool) -> _Tokens:
        """The stream's token texts under one lowercase/stem setting (made once, then remembered)."""
        key = (lowercase, stem)
        if key not in self._views:
            n = self.n_entities
            form_code, forms = self.forms()
            word_form = form_code[n:]
            text = forms[word_form] if lowercase else self.spellings[n:].copy()
            if stem and len(word_form):
                is_word = self.spell_kind[n:] == _WORD
                needed = np.unique(word_form[is_word])        # stem each lower-cased form once
                stem_of = np.empty(len(forms), dtype=object)
                stemmer = _stemmer()
                stem_of[needed] = [stemmer.stem(f) for f in forms[needed]]
                text[is_word] = stem_of[word_form[is_word]]
            text = np.concatenate([self.spellings[:n], text])
            of_spelling, tuniq = pd.factorize(text) if len(text) else (np.empty(0, np.int64), np.empty(0, object))
            tcode = of_spelling.astype(np.int32)[self.spell]
            tcode.flags.writeable = False
            self._views[key] = _Tokens(self, tcode, np.asarray(tuniq, dtype=object))
        return self._views[key]


class _Tokens:
    """A :class:`_Stream` seen under one lowercase/stem setting: each token's text as a code into ``tuniq``.

    Every other attribute is the stream's.
    """

    def __init__(self, stream: _Stream, tcode: np.ndarray, tuniq: np.ndarray) -> None:
        self.stream = stream
        self.tcode = tcode
        self.tuniq = tuniq
        self._tindex: dict[str, int] | None = None

    def __getattr__(self, name: str):
        if name == "stream":
            raise AttributeError(name)
        return getattr(self.stream, name)

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


def _encode(values: pd.Series | np.ndarray, known: Sequence[str] = ()) -> tuple[np.ndarray, np.ndarray]:
    """(code of each value, distinct values) with ``known`` values first; a missing value gets -1.

    An Arrow-backed column is encoded in Arrow, without a Python string per row.
    """
    array = values.array if isinstance(values, pd.Series) else None
    if isinstance(array, pd.arrays.ArrowExtensionArray) and len(array):
        arrow = array.__arrow_array__()
        arrow = arrow.combine_chunks() if arrow.num_chunks != 1 else arrow.chunk(0)
        encoded = pc.dictionary_encode(arrow)
        codes = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False).astype(np.int64)
        uniques = encoded.dictionary.to_pylist()
    else:
        if isinstance(values, pd.Series):
            values = values.to_numpy(dtype=object, na_value=None)
        if not len(values):
            return np.empty(0, np.int32), np.asarray(list(known), dtype=object)
        codes, uniques = pd.factorize(values)
        uniques = list(uniques)
    merged = list(known) + [u for u in uniques if u not in known]
    index = {u: i for i, u in enumerate(merged)}
    remap = np.array([index[u] for u in uniques] + [-1], dtype=np.int32)   # code -1 (missing) stays -1
    return remap[codes], np.asarray(merged, dtype=object)


def _restrict(frame: pd.DataFrame, index: pd.Index, columns: list[str]) -> tuple[pd.DataFrame, np.ndarray]:
    """The rows of ``frame`` (only ``columns``) whose doc_id is in ``index``, and their document codes."""
    frame = frame[columns]
    codes, doc_ids = _encode(frame["doc_id"])
    codes = np.append(index.get_indexer(doc_ids), -1)[codes] if len(doc_ids) else codes.astype(np.int64)
    keep = codes >= 0
    return (frame, codes) if keep.all() else (frame[keep], codes[keep])


class _Lexer:
    """Tokenises text into (start, end, surface code) triples, remembering each distinct piece it has seen.

    Surfaces (token texts) get codes in order of first sight, shared by everything
    one lexer scans; :meth:`surface_info` describes them.
    """

    def __init__(self) -> None:
        self.surfaces: dict[str, int] = {}
        self.words: dict[str, int] = {}      # a surface with ’ read as ' → word spelling code
        self._known = pa.array([], type=pa.large_string())   # distinct space-free chunks seen, by code
        self._chunk_len = np.empty(0, np.int64)
        self._chunk_first = np.empty(0, np.int64)   # index of the chunk's first token in the token arrays
        self._chunk_count = np.empty(0, np.int64)
        self._tok_start = np.empty(0, np.int64)     # per token of a distinct chunk, relative to the chunk
        self._tok_end = np.empty(0, np.int64)
        self._tok_surface = np.empty(0, np.int32)
        self._info = (np.empty(0, np.int32), np.empty(0, np.int8), np.empty(0, bool))

    def surface_info(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per surface code: its word spelling code, its kind, and whether it begins with ``\\w``."""
        known = len(self._info[0])
        if known < len(self.surfaces):
            new = list(itertools.islice(self.surfaces, known, None))
            added = (np.array([self.words.setdefault(_norm_apostrophe(s), len(self.words)) for s in new], np.int32),
                     np.array([_kind_of(s) for s in new], np.int8),
                     np.array([bool(_WORD_START.match(s)) for s in new], bool))
            self._info = tuple(np.concatenate(pair) for pair in zip(self._info, added))
        return self._info

    def _pieces(self, text: str) -> tuple[list[int], list[int], list[int]]:
        """Tokens of one string: starts, ends, surface codes."""
        pieces = SPACED_TOKEN_RE.findall(text)
        ends = list(itertools.accumulate(map(len, pieces)))
        surfaces = [piece.lstrip() for piece in pieces]
        starts = [e - len(s) for e, s in zip(ends, surfaces)]
        codes = [self.surfaces.setdefault(s, len(self.surfaces)) for s in surfaces]
        return starts, ends, codes

    def _chunk_codes(self, chunks: pa.Array) -> tuple[np.ndarray, ...]:
        """Codes of distinct space-free chunks (tokenising the new ones), and the per-chunk and per-token arrays."""
        codes = pc.fill_null(pc.index_in(chunks, value_set=self._known), -1).to_numpy(zero_copy_only=False)
        codes = codes.astype(np.int64)
        new = np.flatnonzero(codes < 0)
        if len(new):
            fresh = chunks.take(pa.array(new))
            lens, firsts, counts, starts, ends, surfaces = [], [], [], [], [], []
            n_tokens = len(self._tok_start)
            for chunk in fresh.to_pylist():
                s, e, c = self._pieces(chunk)
                lens.append(len(chunk))
                firsts.append(n_tokens)
                counts.append(len(s))
                n_tokens += len(s)
                starts += s
                ends += e
                surfaces += c
            codes[new] = np.arange(len(self._known), len(self._known) + len(new))
            self._known = pa.concat_arrays([self._known, fresh.cast(self._known.type)])
            self._chunk_len = np.concatenate([self._chunk_len, np.array(lens, np.int64)])
            self._chunk_first = np.concatenate([self._chunk_first, np.array(firsts, np.int64)])
            self._chunk_count = np.concatenate([self._chunk_count, np.array(counts, np.int64)])
            self._tok_start = np.concatenate([self._tok_start, np.array(starts, np.int64)])
            self._tok_end = np.concatenate([self._tok_end, np.array(ends, np.int64)])
            self._tok_surface = np.concatenate([self._tok_surface, np.array(surfaces, np.int32)])
        return codes

    def documents(self, texts: pa.Array, doc_base: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Tokenise whole documents: (start, end, surface code) of every token, in text order.

        Offsets are global: document i of ``texts`` starts at ``doc_base[i]``. A
        space always ends a token and no token rule looks back, or ahead past a
        space, so each document is split at spaces (in Arrow), only the distinct
        chunks are tokenised (in Python), and their tokens are laid back at the
        chunks' offsets.
        """
        parts = pc.split_pattern(pc.fill_null(texts, "") if texts.null_count else texts, " ")
        per_doc = pc.list_value_length(parts).to_numpy(zero_copy_only=False).astype(np.int64)
        encoded = pc.dictionary_encode(pc.list_flatten(parts))
        del parts
        chunk = self._chunk_codes(encoded.dictionary)[encoded.indices.to_numpy(zero_copy_only=False)]
        del encoded
        length = self._chunk_len[chunk] + 1                   # with the space after it
        begin = np.cumsum(length) - length                    # chunk start in the block
        shift = doc_base - begin[np.cumsum(per_doc) - per_doc]   # block offset → global offset, per document
        begin += np.repeat(shift, per_doc)
        count = self._chunk_count[chunk]
        first = np.cumsum(count) - count
        token = np.arange(first[-1] + count[-1] if len(count) else 0) + np.repeat(self._chunk_first[chunk] - first, count)
        base = np.repeat(begin, count)
        return base + self._tok_start[token], base + self._tok_end[token], self._tok_surface[token]

    def strings(self, strings: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Tokenise separate strings: (string index, start, end, surface code) of every token.

        The strings of a chunk are joined by newlines and scanned in one
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
            if not pieces:
                continue
            codes, uniques = pd.factorize(np.array(pieces, dtype=object))
            del pieces
            stripped = [u.lstrip() for u in uniques]
            piece_len = np.fromiter(map(len, uniques), dtype=np.int64, count=len(uniques))
            token_len = np.fromiter(map(len, stripped), dtype=np.int64, count=len(uniques))
            surface = np.fromiter((self.surfaces.setdefault(s, len(self.surfaces)) for s in stripped),
                                  dtype=np.int32, count=len(uniques))
            end = np.cumsum(piece_len[codes])
            start = end - token_len[codes]
            sent = np.searchsorted(base, start, side="right") - 1
            parts.append((sent + lo, start - base[sent], end - base[sent], surface[codes]))
        if not parts:
            return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int32)
        sent, start, end, code = (np.concatenate(column) for column in zip(*parts))
        return sent, start, end, code


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


def _small_int(values: np.ndarray) -> np.ndarray:
    """``values`` as int32 when they fit (offsets of any plausible text), else int64."""
    if len(values) and (values.max() >= 2**31 or values.min() < -2**31):
        return values.astype(np.int64)
    return values.astype(np.int32)


#: The columns the token stream is built from; a change to any other column keeps it.
STREAM_COLUMNS = {
    "documents": ["doc_id", "text"],
    "sentences": ["doc_id", "sent_id", "start", "end"],
    "mentions": ["doc_id", "start", "end", "surface", "entity", "voice", "speaker"],
    "quotes": ["doc_id", "start", "end", "speaker"],
}
_STREAMS = memo.Memo()


def _stream(corpus: Corpus) -> _Stream:
    """The corpus's token stream: built on first use, then reused while its tables are unchanged.

    See "Reuse" in the module docstring.
    """
    token = memo.fingerprint(*((getattr(corpus, table), columns) for table, columns in STREAM_COLUMNS.items()))
    stream = _STREAMS.get(corpus, "stream", token)
    if stream is None:
        stream = _build_stream(corpus)
        _STREAMS.put(corpus, "stream", token, stream)
    return stream


#: Documents are tokenised in blocks of about this many characters, which bounds the
#: memory of the per-token arrays being built.
_BLOCK_CHARS = 10_000_000


def _arrow_text(values: pd.Series) -> pa.ChunkedArray | None:
    """A text column as an Arrow ``large_string`` chunked array (no copy when it is Arrow-backed already).

    The chunks are kept as they are: :func:`_text_block` joins only the few
    documents of a block that straddle two chunks, instead of copying the whole
    column into one array. None when the texts cannot be held by Arrow (e.g. a
    Python string with a lone surrogate).
    """
    array = values.array
    try:
        arrow = array.__arrow_array__() if isinstance(array, pd.arrays.ArrowExtensionArray) else \
            pa.array(values.to_numpy(dtype=object, na_value=None), type=pa.large_string())
    except (pa.ArrowException, UnicodeError, TypeError):
        return None
    if not isinstance(arrow, pa.ChunkedArray):
        arrow = pa.chunked_array([arrow], type=arrow.type)
    return arrow.cast(pa.large_string()) if arrow.type != pa.large_string() else arrow


def _text_block(texts: pa.ChunkedArray, d0: int, d1: int) -> pa.Array:
    """Documents d0..d1-1 of ``texts`` as one array (a zero-copy slice unless they span two chunks).

    Examples
    --------
    >>> texts = pa.chunked_array([["a", "b"], ["c"]], type=pa.large_string())
    >>> _text_block(texts, 1, 3).to_pylist(), _text_block(texts, 0, 2).to_pylist()
    (['b', 'c'], ['a', 'b'])
    """
    block = texts.slice(d0, d1 - d0)
    if block.num_chunks == 1:
        return block.chunk(0)
    return block.combine_chunks() if block.num_chunks else pa.array([], type=texts.type)


def _sorted_by(major: np.ndarray, minor: np.ndarray | None = None) -> bool:
    """Whether rows are already in (major, minor) order (then a stable sort would leave them as they are)."""
    if len(major) < 2:
        return True
    step = np.diff(major)
    if minor is None:
        return bool((step >= 0).all())
    return bool(((step > 0) | ((step == 0) & (np.diff(minor) >= 0))).all())


def _rank(points: np.ndarray, values: np.ndarray, side: str) -> np.ndarray:
    """``np.searchsorted(points, values, side)`` for sorted ``points``; faster when ``values`` are sorted too.

    With both sorted, it counts the points at or before each value (``side="right"``),
    or strictly before it (``"left"``), by placing the fewer points among the values.
    """
    if len(points) * 4 > len(values) or (np.diff(values) < 0).any():
        return np.searchsorted(points, values, side=side)
    where = np.searchsorted(values, points, side="left" if side == "right" else "right")
    return np.cumsum(np.bincount(where, minlength=len(values) + 1))[:len(values)]


def _block_words(lexer: _Lexer, texts: pa.ChunkedArray | None, column: pd.Series, d0: int, d1: int,
                 doc_base: np.ndarray, sg: dict, exact: bool) -> tuple[np.ndarray, ...]:
    """Word, number and punctuation tokens of documents d0..d1-1, sentence by sentence.

    Returns (global sentence index, global start, global end, surface code). With
    ``exact``, every sentence is cut out and scanned on its own. Otherwise whole
    documents are scanned (:meth:`_Lexer.documents`) and a token is kept when it
    lies inside a sentence; that gives the same tokens as scanning the sentence on
    its own unless a token crosses the sentence's start or end, or a letter, digit
    or underscore follows the sentence (a token rule looks ahead at it): such
    sentences are scanned on their own. ``texts`` is ``column`` (``documents.text``)
    in Arrow, or None to scan every sentence on its own.
    """
    a, b = np.searchsorted(sg["doc"], [d0, d1], side="left")
    sg_start, sg_end = sg["start"][a:b], sg["end"][a:b]
    rescan = np.arange(b - a)
    words = []
    if not exact:
        g_start, g_end, t_surface = lexer.documents(_text_block(texts, d0, d1), doc_base[d0:d1])
        k = _rank(sg_start, g_start, side="right") - 1                     # last sentence starting at or before
        inside = (k >= 0) & (g_end <= sg_end[np.maximum(k, 0)]) if len(sg_start) else np.zeros(len(k), bool)
        outside = np.flatnonzero(~inside)                                  # in a gap, or crossing a boundary
        last = np.searchsorted(sg_start, g_end[outside], side="left") - 1  # last sentence starting before the end
        crossing = (last >= 0) & (sg_end[np.maximum(last, 0)] > g_start[outside]) if len(sg_start) else last < -1
        marks = np.zeros(len(sg_start) + 1, dtype=np.int64)
        if crossing.any():                                                  # mark every sentence they touch
            rows, last = outside[crossing], last[crossing]
            touches_k = (k[rows] >= 0) & (sg_end[np.maximum(k[rows], 0)] > g_start[rows])
            np.add.at(marks, np.where(touches_k, k[rows], k[rows] + 1), 1)
            np.add.at(marks, last + 1, -1)
        unsafe = np.cumsum(marks[:-1]) > 0
        after = np.searchsorted(g_start, sg_end, side="left")               # a token starting where a sentence ends
        at_end = after < len(g_start)
        at_end[at_end] = g_start[after[at_end]] == sg_end[at_end]
        unsafe[at_end] |= lexer.surface_info()[2][t_surface[after[at_end]]]
        keep = inside.copy()
        keep[inside] = ~unsafe[k[inside]]
        words.append((k[keep] + a, g_start[keep], g_end[keep], t_surface[keep]))
        rescan = np.flatnonzero(unsafe)
    if len(rescan):
        docs_py = column.iloc[d0:d1].to_numpy(dtype=object, na_value="")
        s_doc = sg["doc"][a:b][rescan] - d0
        s_lo = sg_start[rescan] - doc_base[d0 + s_doc]
        s_hi = sg_end[rescan] - doc_base[d0 + s_doc]
        strings = [docs_py[d][x:y] for d, x, y in zip(s_doc.tolist(), s_lo.tolist(), s_hi.tolist())]
        i, lo, hi, surface = lexer.strings(strings)
        start = sg_start[rescan][i]
        words.append((rescan[i] + a, start + lo, start + hi, surface))
    if not words:
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int32)
    return words[0] if len(words) == 1 else tuple(np.concatenate(column) for column in zip(*words))


class _Columns:
    """Per-token columns filled block by block, written straight into arrays sized for the whole corpus.

    Keeping each block's arrays and concatenating them at the end would write
    every value to fresh memory twice; here a block's arrays are temporaries
    (their memory is reused for the next block) and each value is written once.
    The arrays are sized from the first block (tokens per character × the
    corpus's characters, with 10 % to spare) and grow by half when that falls
    short; the unused tail is never touched, so it takes no memory.

    Parameters
    ----------
    dtypes : dict
        Column name → dtype of the result (values are cast as ``astype`` would).
    widen : tuple of str
        Columns whose dtype widens to that of the values when those are wider
        (as ``np.concatenate`` of the blocks would give).
    expected : int
        Characters in the corpus; ``block_chars`` is set to those of the block
        being appended.

    Examples
    --------
    >>> c = _Columns({"a": np.int8, "b": np.int32}, widen=("b",), expected=4)
    >>> c.block_chars = 2
    >>> c.append("a", np.array([1, 2], np.int32)); c.append("b", np.array([3], np.int32))
    >>> c.append("a", np.array([3, 4, 5], np.int32)); c.append("b", np.array([2**40]))
    >>> c.pop("a"), c.pop("b"), c.pop("a")
    (array([1, 2, 3, 4, 5], dtype=int8), array([            3, 1099511627776]), array([], dtype=int8))
    """

    def __init__(self, dtypes: dict, *, widen: tuple[str, ...] = (), expected: int) -> None:
        self._arrays = {name: np.empty(0, dtype) for name, dtype in dtypes.items()}
        self._size = dict.fromkeys(dtypes, 0)
        self._widen = set(widen)
        self._expected = expected
        self.block_chars = 1

    def append(self, name: str, values: np.ndarray) -> None:
        """Add ``values`` at the end of column ``name``."""
        array, size = self._arrays[name], self._size[name]
        if name in self._widen and np.result_type(array.dtype, values.dtype) != array.dtype:
            array = array.astype(np.result_type(array.dtype, values.dtype))
        need = size + len(values)
        if need > len(array):
            estimate = len(values) * self._expected / max(self.block_chars, 1) * 1.1 if size == 0 else len(array) * 1.5
            grown = np.empty(max(need, int(estimate) + 1024), dtype=array.dtype)
            grown[:size] = array[:size]
            array = grown
        array[size:need] = values
        self._arrays[name], self._size[name] = array, need

    def pop(self, name: str) -> np.ndarray:
        """The column's values (a view of its first rows); the column starts again empty."""
        array, size = self._arrays[name], self._size[name]
        self._arrays[name], self._size[name] = np.empty(0, array.dtype), 0
        return array[:size]


def _build_stream(corpus: Corpus) -> _Stream:
    docs = corpus.documents
    doc_ids = docs["doc_id"].to_numpy(dtype=object, na_value=None)
    index = pd.Index(doc_ids)
    if index.hasnans or index.has_duplicates:
        raise CorpusTableError("table 'documents': doc_id is missing or repeated", field="doc_id",
                               hint="give every document a unique doc_id (rebuild the corpus)")
    n_docs = len(doc_ids)
    texts = _arrow_text(docs["text"])
    lengths = pc.utf8_length(pc.fill_null(texts, "")).to_numpy(zero_copy_only=False).astype(np.int64) \
        if texts is not None else np.fromiter(map(len, docs["text"].to_numpy(dtype=object, na_value="")),
                                              dtype=np.int64, count=n_docs)
    doc_base = np.zeros(n_docs, dtype=np.int64)     # documents laid end to end, one apart
    doc_base[1:] = np.cumsum(lengths + 1)[:-1]

    sents, s_doc = _restrict(corpus.sentences, index, STREAM_COLUMNS["sentences"])
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
    if not nonempty.all():
        s_doc, s_id, s_start, s_end = s_doc[nonempty], s_id[nonempty], s_start[nonempty], s_end[nonempty]
    if not _sorted_by(s_doc, s_start):
        order = np.lexsort((s_start, s_doc))
        s_doc, s_id, s_start, s_end = s_doc[order], s_id[order], s_start[order], s_end[order]
    sg = {"doc": s_doc, "start": doc_base[s_doc] + s_start, "end": doc_base[s_doc] + s_end}
    # overlapping sentences (or texts Arrow cannot hold): scan each sentence on its own
    exact = texts is None or bool((sg["start"][1:] < sg["end"][:-1]).any())

    # entity tokens: one per mention, which must lie inside one sentence
    mentions, m_doc = _restrict(corpus.mentions, index, STREAM_COLUMNS["mentions"])
    m_start = _int_array(mentions, "start", "mentions")
    m_end = _int_array(mentions, "end", "mentions")
    mg_start, mg_end = doc_base[m_doc] + m_start, doc_base[m_doc] + m_end
    m_sent = np.searchsorted(sg["start"], mg_start, side="right") - 1
    inside = (m_sent >= 0) & (m_end > m_start) & (mg_end <= sg["end"][np.maximum(m_sent, 0)]) \
        if len(s_doc) else np.zeros(len(m_start), dtype=bool)
    if not inside.all():
        i = np.flatnonzero(~inside)[0]
        raise CorpusTableError(
            f"table 'mentions': mention {mentions['surface'].iloc[i]!r} at {m_start[i]}-{m_end[i]} "
            f"of document {doc_ids[m_doc[i]]!r} is not inside one sentence",
            field="start", hint="rebuild the corpus; in a hand-made corpus, check the mention and sentence offsets")
    e_code, entities = _encode(mentions["entity"])
    if (e_code < 0).any():
        raise CorpusTableError("table 'mentions': column 'entity' has missing values", field="entity",
                               hint="rebuild the corpus with `kuril-research build`")
    m_voice, voices = _encode(mentions["voice"], known=("narrator", "quoted"))
    raw_code, raw_surface = _encode(mentions["surface"])                     # normalise each spelling once
    m_surface, surfaces = _encode(np.array(
        [WHITESPACE_RE.sub(" ", _norm_apostrophe(s)).lower() for s in raw_surface] + [None], dtype=object))
    m_surface = m_surface[raw_code]                                           # raw code -1 (None) → the None

    quotes, q_doc = _restrict(corpus.quotes, index, STREAM_COLUMNS["quotes"])
    qg_start = doc_base[q_doc] + _int_array(quotes, "start", "quotes")
    qg_end = doc_base[q_doc] + _int_array(quotes, "end", "quotes")
    q_speaker, q_speakers = _encode(quotes["speaker"])
    m_speaker, m_speakers = _encode(mentions["speaker"])
    speakers = np.asarray(list(dict.fromkeys([*q_speakers, *m_speakers])), dtype=object)
    at = {s: i for i, s in enumerate(speakers)}
    q_speaker = np.append(np.array([at[s] for s in q_speakers], np.int32), -1)[q_speaker]
    m_speaker = np.append(np.array([at[s] for s in m_speakers], np.int32), -1)[m_speaker]
    if not _sorted_by(qg_start):
        q_order = np.argsort(qg_start, kind="stable")
        qg_start, qg_end, q_speaker, q_doc = qg_start[q_order], qg_end[q_order], q_speaker[q_order], q_doc[q_order]

    # mentions by document and start (stable: mentions at the same place keep their table order)
    if not _sorted_by(m_doc, m_start):
        m_order = np.lexsort((m_start, m_doc))
        m_doc, mg_start, mg_end, m_sent = m_doc[m_order], mg_start[m_order], mg_end[m_order], m_sent[m_order]
        e_code, m_voice = e_code[m_order], m_voice[m_order]
        m_surface, m_speaker = m_surface[m_order], m_speaker[m_order]
    n_entities = len(entities)

    lexer = _Lexer()
    columns = _Columns({"doc": np.int32, "sent": np.int32, "start": np.int32, "end": np.int32, "spell": np.int32,
                        "kind": np.int8, "voice": np.int8 if len(voices) < 128 else np.int32,
                        "speaker": np.int32, "ent_surface": np.int32},
                       widen=("start", "end"), expected=int(lengths.sum()))
    cuts = np.searchsorted(np.cumsum(lengths), np.arange(_BLOCK_CHARS, int(lengths.sum()), _BLOCK_CHARS), side="right")
    bounds = sorted({0, n_docs, *(int(x) for x in cuts if 0 < x < n_docs)})
    for d0, d1 in itertools.pairwise(bounds):
        columns.block_chars = int(doc_base[d1 - 1] + lengths[d1 - 1] - doc_base[d0])
        w_sent, wg_start, wg_end, w_code = _block_words(lexer, texts, docs["text"], d0, d1, doc_base, sg, exact)
        ma, mb = np.searchsorted(m_doc, [d0, d1], side="left")
        ms, me = mg_start[ma:mb], mg_end[ma:mb]
        # drop word tokens that overlap a mention
        if len(ms):
            reach = np.maximum.accumulate(me)
            j = _rank(ms, wg_end, side="left") - 1
            keep = ~((j >= 0) & (reach[np.maximum(j, 0)] > wg_start))
            w_sent, wg_start, wg_end, w_code = w_sent[keep], wg_start[keep], wg_end[keep], w_code[keep]
        # voice of word tokens: quoted inside a quotation span, else narrator
        qa, qb = np.searchsorted(q_doc, [d0, d1], side="left")
        j = _rank(qg_start[qa:qb], wg_start, side="right") - 1 + qa
        quoted = (j >= qa) & (wg_start < qg_end[np.maximum(j, 0)]) if qb > qa else np.zeros(len(wg_start), bool)
        w_speaker = np.full(len(wg_start), -1, dtype=np.int32)
        w_speaker[quoted] = q_speaker[j[quoted]]
        # spelling and kind of each word token, from its surface
        word_code, surface_kind, _ = lexer.surface_info()
        w_spell = n_entities + word_code[w_code]
        # merge words and entities in text order (both runs are sorted, so the stable sort is a merge)
        n_w = len(wg_start)
        g_start, g_end = np.concatenate([wg_start, ms]), np.concatenate([wg_end, me])
        span = int((g_end - g_start).max()) + 1 if len(g_start) else 1
        if len(g_start) and (int(g_start.max()) + 1) * span < 2**62:
            order = np.argsort(g_start * span + (g_end - g_start), kind="stable")
        else:
            order = np.lexsort((g_end, g_start))
        doc = np.concatenate([sg["doc"][w_sent], m_doc[ma:mb]])[order]
        columns.append("doc", doc.astype(np.int32))
        columns.append("sent", np.concatenate([w_sent, m_sent[ma:mb]])[order].astype(np.int32))
        columns.append("start", _small_int(g_start[order] - doc_base[doc]))
        columns.append("end", _small_int(g_end[order] - doc_base[doc]))
        columns.append("spell", np.concatenate([w_spell, e_code[ma:mb]])[order].astype(np.int32))
        columns.append("kind", np.concatenate([surface_kind[w_code], np.full(mb - ma, _ENTITY, np.int8)])[order])
        columns.append("voice", np.concatenate([quoted.astype(np.int32), m_voice[ma:mb]])[order])
        columns.append("speaker", np.concatenate([w_speaker, m_speaker[ma:mb]])[order].astype(np.int32))
        columns.append("ent_surface", m_surface[ma:mb][order[order >= n_w] - n_w].astype(np.int32))

    joined = columns.pop
    # spellings: entity ids, then word surfaces with ’ read as ' (’ and ' spellings of a token have one kind)
    word_code, surface_kind, _ = lexer.surface_info()
    word_kind = np.zeros(len(lexer.words), dtype=np.int8)
    word_kind[word_code] = surface_kind
    doc = joined("doc")
    kind = joined("kind")
    start, end = joined("start"), joined("end")      # int32 unless a block needed int64
    return _Stream(
        doc_ids=doc_ids, text=docs["text"].array, s_doc=s_doc.astype(np.int32), s_id=s_id,
        s_start=s_start, s_end=s_end, doc=doc, sent=joined("sent"),
        start=start, end=end,
        kind=kind, spell=joined("spell"),
        spellings=np.asarray([*entities, *lexer.words], dtype=object), n_entities=n_entities,
        spell_kind=np.concatenate([np.full(n_entities, _ENTITY, np.int8), word_kind]),
        voice=joined("voice"), voices=voices,
        speaker=joined("speaker"), speakers=speakers,
        ent_rows=np.flatnonzero(kind == _ENTITY), ent_surface=joined("ent_surface"), surfaces=surfaces,
        doc_first=np.searchsorted(doc, np.arange(n_docs + 1), side="left"),
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


def _surface_rows(st: _Tokens, text: str) -> np.ndarray:
    """Rows of the entity tokens whose normalised mention surface is ``text``."""
    hits = np.flatnonzero(st.surfaces == text) if len(st.surfaces) else np.empty(0, np.int64)
    if not len(hits):
        return np.empty(0, np.int64)
    return st.ent_rows[np.isin(st.ent_surface, hits)]


#: Queries whose matches each prepared stream remembers (the oldest is forgotten first).
_MATCHES_KEPT = 32


def _match(prep: _Prepared, query: str) -> tuple[np.ndarray, np.ndarray]:
    """Find a query in the full stream: (first token row, last token row) of each match (read-only arrays).

    Matches depend only on the stream and its lowercase/stem view, so each query
    is looked up once per prepared stream (``dispersion``, ``positions`` and
    ``trend`` of the same terms share the work), keeping the last
    :data:`_MATCHES_KEPT` queries; see :func:`_find`.
    """
    key = str(query)
    found = prep._matches.get(key)
    if found is None:
        found = _find(prep, query)
        for rows in found:
            rows.flags.writeable = False
        if len(prep._matches) >= _MATCHES_KEPT:
            del prep._matches[next(iter(prep._matches))]        # forget the oldest query
        prep._matches[key] = found
    return found


def _find(prep: _Prepared, query: str) -> tuple[np.ndarray, np.ndarray]:
    """Find a query in the full stream: (first token row, last token row) of each match.

    In order: an entity id (every spelling of the entity); the surface of a mention
    (that spelling only); else a word or phrase, token by token, within a sentence,
    where a token also matches an entity token whose surface it spells.
    """
    st = prep.st
    q = WHITESPACE_RE.sub(" ", _norm_apostrophe(str(query))).strip()
    lower = q.lower()
    code = st.code_of(lower)
    if code >= 0 and (st.tcode[st.ent_rows] == code).any():
        rows = np.flatnonzero(st.tcode == code)
        return rows, rows
    by_surface = _surface_rows(st, lower)
    if len(by_surface):
        return by_surface, by_surface
    parts = _query_tokens(q, lowercase=prep.options["lowercase"], stem=prep.options["stem"])
    if not parts:
        raise ParameterError(f"query {query!r} contains no token", field="query",
                             hint="pass a word, a phrase or an entity id")

    def matches(text: str) -> np.ndarray:
        hit = st.tcode == st.code_of(text)
        hit[_surface_rows(st, text.lower())] = True
        return hit

    n = len(st.tcode)
    first = np.flatnonzero(matches(parts[0]))
    for j, text in enumerate(parts[1:], start=1):
        nxt = first + j
        ok = nxt < n
        first, nxt = first[ok], nxt[ok]
        ok = (st.sent[nxt] == st.sent[first]) & matches(text)[nxt]
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
        "token_id": pd.array(st.token_id(rows), dtype="Int64"),
        "start": pd.array(st.start[rows].astype(np.int64), dtype="Int64"),
        "end": pd.array(st.end[rows].astype(np.int64), dtype="Int64"),
        "token": _strings(st.tuniq, st.tcode[rows]),
        "voice": _strings(st.voices, st.voice[rows]),
        "speaker": _strings(st.speakers, st.speaker[rows]),
        "is_entity": pd.array(st.kind[rows] == _ENTITY, dtype="boolean"),
    })


# --------------------------------------------------------------------------- word lists and n-grams


def _groups(documents: pd.DataFrame, by: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(group code of each document, a document row of each group); one group when ``by`` is empty."""
    if not by:
        return np.zeros(len(documents), dtype=np.int64), np.zeros(1 if len(documents) else 0, dtype=np.int64)
    codes = documents.groupby(by, dropna=False, sort=False).ngroup().to_numpy(dtype=np.int64)
    _, first_row = np.unique(codes, return_index=True)
    return codes, first_row


def _doc_freq(cell: np.ndarray, doc: np.ndarray, cells: np.ndarray, n_docs: int) -> np.ndarray:
    """Number of distinct documents among the units of each of ``cells`` (counted for those cells only)."""
    local = np.full(int(cell.max()) + 1 if len(cell) else 0, -1, dtype=np.int64)
    local[cells] = np.arange(len(cells))
    mine = local[cell] if len(cell) else np.empty(0, np.int64)
    rows = np.flatnonzero(mine >= 0)
    pair = mine[rows] * n_docs + doc[rows]
    if len(cells) * n_docs <= 50_000_000:               # a few terms: a (term × document) grid is cheapest
        seen = np.zeros(len(cells) * n_docs, dtype=bool)
        seen[pair] = True
        return seen.reshape(len(cells), n_docs).sum(axis=1)
    return np.bincount(pd.unique(pair) // n_docs, minlength=len(cells))


def _frequency_table(corpus: Corpus, doc: np.ndarray, code: np.ndarray, strings_of, *,
                     by: list[str], min_count: int, top: int | None) -> pd.DataFrame:
    """Count term codes per group: count, per_10k, doc_freq, range_pct.

    ``doc`` and ``code`` give each counted unit's document and term (codes are
    non-negative integers); ``strings_of(codes)`` returns the text of some term
    codes, and is asked only for the terms reported.
    """
    documents = corpus.documents
    n_docs = max(len(documents), 1)
    doc_group, group_row = _groups(documents, by)
    n_groups = max(len(group_row), 1)
    group = doc_group[doc]
    vocabulary = int(code.max()) + 1 if len(code) else 1
    if n_groups > 1:
        cell, keys = pd.factorize(group * vocabulary + code)       # (group, term) → cell
        keys = np.asarray(keys, dtype=np.int64)
        cell_group, cell_term = keys // vocabulary, keys % vocabulary
    else:
        cell = code
        cell_group, cell_term = np.zeros(vocabulary, dtype=np.int64), np.arange(vocabulary)
    count = np.bincount(cell, minlength=len(cell_term))
    totals = np.bincount(group, minlength=n_groups)
    group_docs = np.bincount(doc_group, minlength=n_groups)
    keep = np.flatnonzero((count >= min_count) & (count > 0))
    if top is not None and len(keep):
        # candidates: cells counted at least as often as the top-th of their group (ties kept)
        order = keep[np.lexsort((-count[keep], cell_group[keep]))]
        g = cell_group[order]
        rank = np.arange(len(order)) - np.searchsorted(g, g, side="left")
        floor = np.full(n_groups, 0, dtype=np.int64)
        at_top = rank == top - 1
        floor[g[at_top]] = count[order[at_top]]
        keep = keep[count[keep] >= floor[cell_group[keep]]]
    doc_freq = _doc_freq(cell, doc, keep, n_docs)
    out = documents[by].iloc[group_row[cell_group[keep]]].reset_index(drop=True) if by \
        else pd.DataFrame(index=range(len(keep)))
    out["term"] = pd.array(np.asarray(strings_of(cell_term[keep]), dtype=object), dtype="string")
    out["count"] = pd.array(count[keep], dtype="Int64")
    out["per_10k"] = count[keep] / totals[cell_group[keep]] * 10_000
    out["doc_freq"] = pd.array(doc_freq, dtype="Int64")
    out["range_pct"] = doc_freq / group_docs[cell_group[keep]] * 100
    out = out.sort_values([*by, "count", "term"], ascending=[True] * len(by) + [False, True],
                          na_position="last", kind="mergesort")
    if top is not None:
        out = out.groupby(by, dropna=False, sort=False).head(top) if by else out.head(top)
    return out.reset_index(drop=True)


def _ngram_units(prep: _Prepared, n: int) -> tuple[np.ndarray, np.ndarray, object]:
    """N-grams of the filtered stream: (document code, n-gram code, function giving the texts of codes)."""
    st = prep.st
    rows = np.flatnonzero(prep.base)
    m = len(rows) - n + 1
    if m <= 0:
        return np.empty(0, np.int64), np.empty(0, np.int64), lambda codes: np.empty(0, object)
    ok = ~prep.stop[rows[:m]] & ~prep.stop[rows[n - 1:n - 1 + m]]
    for j in range(1, n):
        ok &= st.sent[rows[j:j + m]] == st.sent[rows[:m]]
    first = rows[np.flatnonzero(ok)]                    # stream row of each n-gram's first token
    if n == 1:
        return st.doc[first], st.tcode[first], lambda codes: st.tuniq[codes]
    positions = np.flatnonzero(ok)
    key = st.tcode[first].astype(np.int64)
    for j in range(1, n):
        key, _ = pd.factorize(key * len(st.tuniq) + st.tcode[rows[positions + j]])
    # factorize numbers n-grams in order of first appearance: first occurrences are the new maxima
    new = np.ones(len(key), dtype=bool)
    new[1:] = key[1:] > np.maximum.accumulate(key)[:-1]
    where = positions[new]                              # position in ``rows`` of each code's first n-gram

    def strings_of(codes: np.ndarray) -> np.ndarray:
        at = where[codes]
        strings = st.tuniq[st.tcode[rows[at]]]
        for j in range(1, n):
            strings = strings + " " + st.tuniq[st.tcode[rows[at + j]]]
        return strings

    return st.doc[first], key.astype(np.int64), strings_of


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
    doc, code, strings_of = _ngram_units(prep, 1)
    return _frequency_table(corpus, doc, code, strings_of, by=_by_columns(corpus, by),
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
    doc, code, strings_of = _ngram_units(prep, n)
    return _frequency_table(corpus, doc, code, strings_of, by=_by_columns(corpus, by),
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
    code, sent = st.tcode[rows].astype(np.int64), st.sent[rows]
    del rows
    vocabulary = len(st.tuniq)
    stop_code = np.zeros(vocabulary, dtype=bool)
    stop_code[st.tcode[prep.stop]] = True
    f1_all = np.zeros(vocabulary, dtype=np.int64)
    f2_all = np.zeros(vocabulary, dtype=np.int64)
    n = 0
    keys, counts = [np.empty(0, np.int64)], [np.empty(0, np.int64)]
    for distance in range(1, window + 1):              # counted distance by distance, to bound memory
        m = len(code) - distance
        if m <= 0:
            break
        same = sent[:m] == sent[distance:]
        xc, yc = code[:m][same], code[distance:][same]
        n += len(xc)
        f1_all += np.bincount(xc, minlength=vocabulary)
        f2_all += np.bincount(yc, minlength=vocabulary)
        shown = ~stop_code[xc] & ~stop_code[yc]         # pairs with a stop word count in f1, f2 and n only
        xc, yc = xc[shown], yc[shown]
        pair_code, pair_key = pd.factorize(xc * vocabulary + yc)
        keys.append(np.asarray(pair_key, dtype=np.int64))
        counts.append(np.bincount(pair_code, minlength=len(pair_key)))
    pair_code, pairs = pd.factorize(np.concatenate(keys))
    pairs = np.asarray(pairs, dtype=np.int64)
    o11 = np.bincount(pair_code, weights=np.concatenate(counts), minlength=len(pairs)).astype(np.int64)
    w1, w2 = pairs // max(vocabulary, 1), pairs % max(vocabulary, 1)
    keep = o11 >= min_count
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
    kept_rows = np.flatnonzero(prep.kept)
    at_doc = np.searchsorted(kept_rows, st.doc_first, side="left")   # kept tokens before each document's first row
    n_tokens = np.diff(at_doc)
    doc = st.doc[first]
    position = np.searchsorted(kept_rows, first, side="left") - at_doc[doc]   # kept tokens before the match
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = position / n_tokens[doc]
    return pd.DataFrame({
        "doc_id": _strings(st.doc_ids, doc.astype(np.intp)),
        "term": _strings(np.array(labels, dtype=object), term_index),
        "token_id": pd.array(st.token_id(first), dtype="Int64"),
        "start": pd.array(st.start[first].astype(np.int64), dtype="Int64"),
        "end": pd.array(st.end[first].astype(np.int64), dtype="Int64"),
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


def _texts_of(text: pd.api.extensions.ExtensionArray, rows: np.ndarray) -> np.ndarray:
    """The texts of some documents (sorted, distinct rows of ``documents.text``) as Python strings; missing → "".

    An Arrow-backed column is read chunk by chunk, so the column is never joined
    into one copy (which taking from all chunks at once would do).

    Examples
    --------
    >>> text = pd.array(["a", None, "c"], dtype="string[pyarrow]")
    >>> _texts_of(text, np.array([1, 2])).tolist()
    ['', 'c']
    """
    if not isinstance(text, pd.arrays.ArrowExtensionArray):
        return np.asarray(text[rows].to_numpy(dtype=object, na_value=""), dtype=object)
    arrow = text.__arrow_array__()
    chunks = arrow.chunks if isinstance(arrow, pa.ChunkedArray) else [arrow]
    parts, offset = [], 0
    for chunk in chunks:
        lo, hi = np.searchsorted(rows, [offset, offset + len(chunk)], side="left")
        if hi > lo:
            parts.append(chunk.take(pa.array(rows[lo:hi] - offset)).to_numpy(zero_copy_only=False))
        offset += len(chunk)
    out = np.concatenate(parts).astype(object, copy=False) if parts else np.empty(0, dtype=object)
    out[pd.isna(out)] = ""
    return out


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
        at_doc = np.searchsorted(wordish, st.doc_first, side="left")    # documents' rows are contiguous
        doc_lo, doc_hi = at_doc[:-1], at_doc[1:]
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
    shown, where = np.unique(doc, return_inverse=True)          # read each document's text once
    texts = _texts_of(st.text, shown)[where.ravel()] if len(doc) else np.empty(0, dtype=object)

    def clip(a: np.ndarray, b: np.ndarray) -> list[str]:
        # " ".join(s.split()) is WHITESPACE_RE.sub(" ", s).strip(): both split at str.isspace characters
        return [" ".join(t[i:j].split()) for t, i, j in zip(texts, a.tolist(), b.tolist())]

    out = pd.DataFrame({
        "doc_id": _strings(st.doc_ids, doc.astype(np.intp)),
        "sent_id": pd.array(st.s_id[st.sent[first]], dtype="Int64"),
        "start": pd.array(m_start.astype(np.int64), dtype="Int64"),
        "end": pd.array(m_end.astype(np.int64), dtype="Int64"),
        "left": pd.array(clip(left_start, m_start), dtype="string"),
        "match": pd.array(clip(m_start, m_end), dtype="string"),
        "right": pd.array(clip(m_end, right_end), dtype="string"),
        "voice": _strings(st.voices, st.voice[first].astype(np.intp)),
        "speaker": _strings(st.speakers, st.speaker[first].astype(np.intp)),
    })
    if sort is not None:
        context = out["left"] if sort == "left" else out["right"]
        words = context.str.lower().str.split()
        key = words.map(lambda w: " ".join(reversed(w)) if sort == "left" else " ".join(w))
        out = out.iloc[np.argsort(key.to_numpy(dtype=object).astype(str), kind="stable")]
    return out.reset_index(drop=True)
