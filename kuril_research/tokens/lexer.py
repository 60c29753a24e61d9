"""Cut document text into word, number and punctuation tokens, sentence by sentence, fast.

The tokenising step of :func:`kuril_research.tokens.build.build_stream`:
:class:`Lexer` applies the token rules of :mod:`kuril_research.tokens.patterns`
to whole documents in Arrow (splitting at spaces and tokenising each distinct
chunk once) or to separate strings, and :func:`block_words` keeps the tokens
that lie inside a sentence, scanning a sentence on its own wherever a token
could cross its boundary. Entity mentions, voices and speakers are added by the
build.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kuril_research.tokens.patterns import SPACED_TOKEN_RE, WORD_START_RE, kind_of, norm_apostrophe

__all__ = ["Lexer", "arrow_text", "block_words", "rank"]
#: Sentences tokenised per regex pass; bounds the size of the joined string.
_CHUNK = 100_000


class Lexer:
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
            added = (np.array([self.words.setdefault(norm_apostrophe(s), len(self.words)) for s in new], np.int32),
                     np.array([kind_of(s) for s in new], np.int8),
                     np.array([bool(WORD_START_RE.match(s)) for s in new], bool))
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


def arrow_text(values: pd.Series) -> pa.ChunkedArray | None:
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


def rank(points: np.ndarray, values: np.ndarray, side: str) -> np.ndarray:
    """``np.searchsorted(points, values, side)`` for sorted ``points``; faster when ``values`` are sorted too.

    With both sorted, it counts the points at or before each value (``side="right"``),
    or strictly before it (``"left"``), by placing the fewer points among the values.
    """
    if len(points) * 4 > len(values) or (np.diff(values) < 0).any():
        return np.searchsorted(points, values, side=side)
    where = np.searchsorted(values, points, side="left" if side == "right" else "right")
    return np.cumsum(np.bincount(where, minlength=len(values) + 1))[:len(values)]


def block_words(lexer: Lexer, texts: pa.ChunkedArray | None, column: pd.Series, d0: int, d1: int,
                 doc_base: np.ndarray, sg: dict, exact: bool) -> tuple[np.ndarray, ...]:
    """Word, number and punctuation tokens of documents d0..d1-1, sentence by sentence.

    Returns (global sentence index, global start, global end, surface code). With
    ``exact``, every sentence is cut out and scanned on its own. Otherwise whole
    documents are scanned (:meth:`Lexer.documents`) and a token is kept when it
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
        k = rank(sg_start, g_start, side="right") - 1                     # last sentence starting at or before
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

