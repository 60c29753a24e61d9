"""Joined sentences: all texts of a sentences table as one string, lower-cased exactly, for one scan.

Scanning a corpus sentence by sentence costs a Python call per sentence.
:func:`join_sentences` joins the texts into one string (separated by ``"\\x00"``,
which is matched by neither ``\\w`` nor ``\\s``) with an exact lower-cased copy of
the same length, made in Arrow where it can be; a scan then runs over the join
once and maps each match back to its sentence by the offsets
(:mod:`kuril_research.matching.sentence_scan`, :mod:`kuril_research.matching.scan`).
:func:`joined_sentences` keeps one join per sentences table while its text is
unchanged (see :mod:`kuril_research.memo`), so the frame codebook and the trade
lexicon share it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kuril_research import memo
from kuril_research.matching.re2_classes import cased_class

__all__ = ["SEPARATOR", "JoinedSentences", "join_sentences", "joined_sentences"]

#: Joins sentences for one scan; matched by neither ``\w`` nor ``\s``.
SEPARATOR = "\x00"


@dataclass(eq=False)
class JoinedSentences:
    """The texts of a sentences table joined for one scan (unpacks as ``original, lowered, offsets, lengths``).

    Attributes
    ----------
    original : str
        The texts joined by :data:`SEPARATOR`.
    lowered : str
        The same, lower-cased exactly as ``str.lower`` would but without changing
        its length (a character whose lower case is longer stays as it is), so
        offsets hold in both.
    offsets, lengths : ndarray of int
        Offset of each text in the join, and its length.
    """

    original: str
    lowered: str
    offsets: np.ndarray
    lengths: np.ndarray
    _arrow_parts: pa.Array | None = field(default=None, repr=False)

    def __iter__(self) -> Iterator:
        return iter((self.original, self.lowered, self.offsets, self.lengths))

    @functools.cached_property
    def parts(self) -> pa.Array | None:
        """The lower-cased texts as one Arrow array, for RE2 tests of every sentence (None: Arrow cannot hold them).

        When the join was lower-cased in Arrow these are the very texts it joined; otherwise the
        lower-cased join is cut at its separators (then each text but the last keeps its
        separator, which no cue matches: it changes no prefilter result).
        """
        if self._arrow_parts is not None:
            return self._arrow_parts
        try:
            return _split(self.lowered, self.offsets, self.lengths)
        except (pa.ArrowException, UnicodeError):
            return None


def join_sentences(texts: pd.Series) -> JoinedSentences:
    """Join texts for one scan; an Arrow-backed column is joined in Arrow, without a Python string per text.

    Parameters
    ----------
    texts : Series
        Texts, usually ``sentences["text"]``; a missing text counts as ``""``.

    Returns
    -------
    JoinedSentences

    Examples
    --------
    >>> original, lowered, offsets, lengths = join_sentences(pd.Series(["Kuril ISLANDS.", "Habomai."]))
    >>> lowered
    'kuril islands.\\x00habomai.'
    >>> offsets.tolist(), lengths.tolist()
    ([0, 15], [14, 8])
    """
    arrow = _arrow_strings(texts)
    lowered = parts = None
    if arrow is not None:
        arrow = pc.fill_null(arrow, "")

        def joined(parts: pa.Array) -> str:
            whole = pa.LargeListArray.from_arrays(pa.array([0, len(parts)], type=pa.int64()), parts)
            return pc.binary_join(whole, pa.scalar(SEPARATOR, type=pa.large_string()))[0].as_py()

        original = joined(arrow)
        lengths = pc.utf8_length(arrow).to_numpy(zero_copy_only=False).astype(np.int64)
        parts = _lower_arrow(arrow)
        lowered = joined(parts) if parts is not None else None
    else:
        values = texts.fillna("").tolist()
        original = SEPARATOR.join(values)
        lengths = np.fromiter((len(t) for t in values), dtype=np.int64, count=len(values))
    offsets = np.concatenate([[0], np.cumsum(lengths + len(SEPARATOR))[:-1]]).astype(np.int64)
    return JoinedSentences(original, _lower(original) if lowered is None else lowered, offsets, lengths, parts)


_JOINS = memo.Memo()


def joined_sentences(sentences: pd.DataFrame) -> JoinedSentences:
    """Return :func:`join_sentences` of ``sentences["text"]``, remembered while the table lives unchanged.

    Parameters
    ----------
    sentences : DataFrame
        Table ``sentences`` of :mod:`kuril_research.schema` (only ``text`` is read).

    Returns
    -------
    JoinedSentences
        The same object while the text column is unchanged.

    Examples
    --------
    >>> from kuril_research.testing import corpus_of_sentences
    >>> s = corpus_of_sentences({"a": [["Peace.", "Treaty."]]}).sentences
    >>> joined_sentences(s).lowered
    'peace.\\x00treaty.'
    >>> joined_sentences(s) is joined_sentences(s)
    True
    """
    token = memo.fingerprint((sentences, ["text"]))
    joined = _JOINS.get(sentences, "text", token)
    if joined is None:
        joined = join_sentences(sentences["text"])
        _JOINS.put(sentences, "text", token, joined)
    return joined


def _split(lowered: str, offsets: np.ndarray, lengths: np.ndarray) -> pa.Array:
    """The lower-cased texts as an Arrow array, each but the last followed by the separator.

    When no text holds the separator, the array is made from the UTF-8 bytes of ``lowered``
    cut at each separator (no Python string per text).
    """
    data = lowered.encode("utf-8")
    cuts = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 0) if len(offsets) > 1 else np.empty(0, np.int64)
    if len(cuts) != len(offsets) - 1:                         # a separator inside a text
        return pa.array([lowered[o:o + n] for o, n in zip(offsets.tolist(), lengths.tolist())],
                        type=pa.large_string())
    bounds = np.concatenate([[0], cuts + 1, [len(data)]]).astype(np.int64)
    return pa.LargeStringArray.from_buffers(len(offsets), pa.py_buffer(bounds), pa.py_buffer(data))


def _lower_arrow(texts: pa.Array) -> pa.Array | None:
    """The texts lower-cased as :func:`_lower` lower-cases their join, in Arrow (None: cannot tell).

    Python's ``str.lower`` of a text that is not pure ASCII walks the Unicode tables
    character by character (about 50 million characters a second); news text almost
    always holds a curly quote or a dash, so that is every join. But a text without
    any non-ASCII character that ``str.lower`` changes is lower-cased exactly by
    lower-casing its ASCII letters, which Arrow does at memory speed. Only the texts
    holding such a character (found by RE2 with the exact class,
    :func:`~kuril_research.matching.re2_classes.cased_class`) go through Python, and
    character by character when :func:`_lower` of the whole join would (some character
    lengthens), so the result is :func:`_lower` of the join cut at the separators.
    Context (Greek final sigma) never reaches across the separator, which is neither
    cased nor case-ignorable.

    Examples
    --------
    >>> texts = pa.array(["Kuril ISLANDS", "ΟΔΥΣΣΕΥΣ", "İstanbul ’Ok’"], type=pa.large_string())
    >>> _lower_arrow(texts).to_pylist() == _lower("\\x00".join(texts.to_pylist())).split("\\x00")
    True
    """
    try:
        cased = pc.match_substring_regex(texts, pattern=f"[{cased_class()}]")
    except (pa.ArrowException, UnicodeError):
        return None
    lowered = pc.ascii_lower(texts)
    rows = np.flatnonzero(pc.fill_null(cased, False).to_numpy(zero_copy_only=False))
    if not len(rows):
        return lowered
    some = texts.take(pa.array(rows)).to_pylist()
    fixed = [t.lower() for t in some]
    if any(len(a) != len(b) for a, b in zip(fixed, some)):    # _lower of the join goes character by character
        fixed = ["".join(low if len(low := ch.lower()) == 1 else ch for ch in t) for t in some]
    mask = np.zeros(len(texts), dtype=bool)
    mask[rows] = True
    return pc.replace_with_mask(lowered, pa.array(mask), pa.array(fixed, type=lowered.type))


def _arrow_strings(texts: pd.Series) -> pa.Array | None:
    """An Arrow-backed text column as one ``large_string`` array (no copy of the texts), else None."""
    array = texts.array
    if not isinstance(array, pd.arrays.ArrowExtensionArray) or not len(array):
        return None
    arrow = array.__arrow_array__()
    if isinstance(arrow, pa.ChunkedArray):
        arrow = arrow.combine_chunks() if arrow.num_chunks != 1 else arrow.chunk(0)
    if not (pa.types.is_string(arrow.type) or pa.types.is_large_string(arrow.type)):
        return None
    return arrow.cast(pa.large_string()) if arrow.type != pa.large_string() else arrow


def _lower(text: str) -> str:
    """Lower-case ``text`` without changing its length (offsets must survive)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)
