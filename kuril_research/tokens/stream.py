"""Build the token stream that every count reads.

The first step after the corpus tables: :mod:`kuril_research.tokens.options`
chooses tokens from the stream built here (and gives them as a table,
:func:`~kuril_research.tokens.options.tokens`), :mod:`kuril_research.tokens.query`
finds queries in it, and :mod:`kuril_research.analysis.frequency`,
:mod:`kuril_research.analysis.dispersion` and :mod:`kuril_research.analysis.concordance` all read
the one stream:

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
:func:`~kuril_research.analysis.selection.select_documents`, or a new ``Corpus(...)``, is
another object with a stream of its own. Fingerprints: :mod:`kuril_research.memo`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kuril_research import memo
from kuril_research.corpus import Corpus
from kuril_research.errors import CorpusTableError

__all__ = ["TOKEN_RE", "STREAM_COLUMNS"]

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
_STEMMERS: dict[str, object] = {}  # built on first use, not at import


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
