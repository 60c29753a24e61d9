"""Sentence scan: join sentences for one scan, lower-case them exactly, find a regex in them.

Scanning a whole corpus sentence by sentence costs a Python call per sentence.
:func:`join_sentences` joins the texts of a sentences table into one string
(separated by ``"\\x00"``, which is matched by neither ``\\w`` nor ``\\s``), with
an exact lower-cased copy of the same length made in Arrow where it can be;
:func:`find_in_sentences` and :func:`find_in_joined` then run a regex over the
joined text once and map each match back to its sentence and to offsets into
``documents.text``. :func:`remembered_join` and :func:`remembered_split` keep one
join per sentences table for several scans (see :mod:`kuril_research.memo`), and
:func:`rows_with_digit` / :func:`sentence_runs` let a scan skip sentences that
cannot match.
"""

from __future__ import annotations

import functools
import re
import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kuril_research import memo

__all__ = ["find_in_sentences", "find_in_joined", "find_with_rows", "join_sentences", "remembered_join",
           "remembered_split", "rows_with_digit", "sentence_runs", "re2_category_classes"]

#: Joins sentences for one scan; matched by neither ``\w`` nor ``\s``.
_SEPARATOR = "\x00"


@functools.cache
def re2_category_classes() -> dict:
    """Return RE2 class bodies of Python's \\w, \\d and \\s (exact, all code points) and ASCII subsets of all six.

    The full classes are read off Python's ``re`` itself: the runs of code points it matches.
    Made once per process.

    Returns
    -------
    dict
        ``{"full": {category: body}, "ascii": {category: body}}``, keyed by the
        ``re._constants.CATEGORY_*`` codes: ``"full"`` holds word, digit and space,
        ``"ascii"`` those three and their negations. A body goes between ``[`` and
        ``]`` of an RE2 pattern (e.g. for ``pyarrow.compute.match_substring_regex``).

    Examples
    --------
    >>> from re import _constants as c
    >>> print(re2_category_classes()["full"][c.CATEGORY_DIGIT][:28])
    \\x{30}-\\x{39}\\x{660}-\\x{669}
    >>> print(re2_category_classes()["ascii"][c.CATEGORY_SPACE])
    \\x{9}\\x{a}\\x{b}\\x{c}\\x{d}\\x{1c}\\x{1d}\\x{1e}\\x{1f}\\x{20}
    """
    from re import _constants as c

    every = "".join(map(chr, range(sys.maxunicode + 1)))

    def ranges(category: str) -> str:
        return "".join(f"\\x{{{m.start():x}}}" if m.end() - m.start() == 1 else
                       f"\\x{{{m.start():x}}}-\\x{{{m.end() - 1:x}}}" for m in re.finditer(category + "+", every))

    def word(ch: str) -> bool:
        return ch.isalnum() or ch == "_"

    tests = {c.CATEGORY_WORD: word, c.CATEGORY_DIGIT: str.isdecimal, c.CATEGORY_SPACE: str.isspace,
             c.CATEGORY_NOT_WORD: lambda ch: not word(ch), c.CATEGORY_NOT_DIGIT: lambda ch: not ch.isdecimal(),
             c.CATEGORY_NOT_SPACE: lambda ch: not ch.isspace()}
    full = {c.CATEGORY_WORD: ranges(r"\w"), c.CATEGORY_DIGIT: ranges(r"\d"), c.CATEGORY_SPACE: ranges(r"\s")}
    ascii_part = {cat: "".join(f"\\x{{{i:x}}}" for i in range(128) if test(chr(i))) for cat, test in tests.items()}
    return {"full": full, "ascii": ascii_part}


def _split_sentences(lowered: str, offsets: np.ndarray, lengths: np.ndarray) -> pa.Array:
    """The lower-cased sentences as an Arrow array, each but the last followed by the separator.

    The separator is neither a word character nor matched by a cue the prefilter is used for, so it
    changes no prefilter result. When no sentence holds the separator, the array is made from the
    UTF-8 bytes of ``lowered`` cut at each separator (no Python string per sentence).
    """
    data = lowered.encode("utf-8")
    cuts = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 0) if len(offsets) > 1 else np.empty(0, np.int64)
    if len(cuts) != len(offsets) - 1:                         # a separator inside a sentence
        return pa.array([lowered[o:o + n] for o, n in zip(offsets.tolist(), lengths.tolist())],
                        type=pa.large_string())
    bounds = np.concatenate([[0], cuts + 1, [len(data)]]).astype(np.int64)
    return pa.LargeStringArray.from_buffers(len(offsets), pa.py_buffer(bounds), pa.py_buffer(data))


_JOINS = memo.Memo()


def remembered_join(sentences: pd.DataFrame) -> tuple[str, str, np.ndarray, np.ndarray]:
    """Return :func:`join_sentences` of ``sentences["text"]``, remembered while the table lives unchanged.

    One join serves the scans of several lexicons, e.g. the trade lexicon and
    the frame codebook (see :mod:`kuril_research.memo`).

    Parameters
    ----------
    sentences : DataFrame
        Table ``sentences`` of :mod:`kuril_research.schema` (only ``text`` is read).

    Returns
    -------
    tuple of (str, str, ndarray, ndarray)
        As :func:`join_sentences`; the same object while the table is unchanged.

    Examples
    --------
    >>> from kuril_research.coding.cues import _example_corpus
    >>> s = _example_corpus({"a": [["Peace.", "Treaty."]]}).sentences
    >>> remembered_join(s)[1]
    'peace.\\x00treaty.'
    >>> remembered_join(s) is remembered_join(s)
    True
    """
    token = memo.fingerprint((sentences, ["text"]))
    joined = _JOINS.get(sentences, "text", token)
    if joined is None:
        joined, parts = _join(sentences["text"])
        _JOINS.put(sentences, "text", token, joined)
        if parts is not None:                   # lowered in Arrow on the way: the split, for free
            _SPLITS.put(sentences, "text", token, parts)
    return joined


_SPLITS = memo.Memo()


def remembered_split(sentences: pd.DataFrame) -> pa.Array | None:
    """Return the lower-cased sentences as an Arrow array, remembered like :func:`remembered_join`.

    One split serves the prefilters of several lexicons
    (:func:`kuril_research.coding.cue_prefilter.candidate_runs`). When the join was
    lower-cased in Arrow, these are the very sentences it joined; otherwise the
    lower-cased join is cut at its separators (then each sentence but the last
    keeps its separator, which changes no prefilter result).

    Parameters
    ----------
    sentences : DataFrame
        Table ``sentences`` of :mod:`kuril_research.schema` (only ``text`` is read).

    Returns
    -------
    pyarrow.LargeStringArray or None
        One lower-cased sentence per row (see above); None when Arrow cannot
        hold the text.

    Examples
    --------
    >>> from kuril_research.coding.cues import _example_corpus
    >>> s = _example_corpus({"a": [["Peace.", "Treaty."]]}).sentences
    >>> remembered_split(s).to_pylist()
    ['peace.', 'treaty.']
    >>> remembered_split(s) is remembered_split(s)
    True
    """
    token = memo.fingerprint((sentences, ["text"]))
    parts = _SPLITS.get(sentences, "text", token)
    if parts is None:
        _original, lowered, offsets, lengths = remembered_join(sentences)
        parts = _SPLITS.get(sentences, "text", token)       # put there by the join, if it was made in Arrow
        if parts is not None:
            return parts
        try:
            parts = _split_sentences(lowered, offsets, lengths)
        except (pa.ArrowException, UnicodeError):
            return None
        _SPLITS.put(sentences, "text", token, parts)
    return parts


def join_sentences(texts: pd.Series) -> tuple[str, str, np.ndarray, np.ndarray]:
    """Join texts for one scan: (original, lower-cased, offset of each text, length of each text).

    An Arrow-backed column is joined in Arrow, without a Python string per text.

    Parameters
    ----------
    texts : Series
        Texts, usually ``sentences["text"]``; a missing text counts as ``""``.

    Returns
    -------
    tuple of (str, str, ndarray, ndarray)
        The texts joined by the separator ``"\\x00"``; the same lower-cased
        exactly as ``str.lower`` would, but without changing its length (a
        character whose lower case is longer stays as it is), so offsets hold in
        both; the offset of each text in the join; the length of each text.

    Examples
    --------
    >>> original, lowered, offsets, lengths = join_sentences(pd.Series(["Kuril ISLANDS.", "Habomai."]))
    >>> lowered
    'kuril islands.\\x00habomai.'
    >>> offsets.tolist(), lengths.tolist()
    ([0, 15], [14, 8])
    """
    return _join(texts)[0]


def _join(texts: pd.Series) -> tuple[tuple[str, str, np.ndarray, np.ndarray], pa.Array | None]:
    """:func:`join_sentences`, and the lower-cased texts as an Arrow array when it lowered them in Arrow."""
    arrow = _arrow_strings(texts)
    lowered = parts = None
    if arrow is not None:
        arrow = pc.fill_null(arrow, "")

        def joined(parts: pa.Array) -> str:
            whole = pa.LargeListArray.from_arrays(pa.array([0, len(parts)], type=pa.int64()), parts)
            return pc.binary_join(whole, pa.scalar(_SEPARATOR, type=pa.large_string()))[0].as_py()

        original = joined(arrow)
        lengths = pc.utf8_length(arrow).to_numpy(zero_copy_only=False).astype(np.int64)
        parts = _lower_arrow(arrow)
        lowered = joined(parts) if parts is not None else None
    else:
        values = texts.fillna("").tolist()
        original = _SEPARATOR.join(values)
        lengths = np.fromiter((len(t) for t in values), dtype=np.int64, count=len(values))
    offsets = np.concatenate([[0], np.cumsum(lengths + len(_SEPARATOR))[:-1]]).astype(np.int64)
    return (original, _lower(original) if lowered is None else lowered, offsets, lengths), parts


@functools.cache
def _cased_class() -> str:
    """RE2 class body of the non-ASCII characters Python's ``str.lower`` changes (read off Python itself)."""
    changed = np.array([i for i in range(128, sys.maxunicode + 1) if chr(i).lower() != chr(i)], dtype=np.int64)
    first = np.flatnonzero(np.diff(changed, prepend=-2) != 1)
    last = np.append(first[1:], len(changed)) - 1
    return "".join(f"\\x{{{a:x}}}" if a == b else f"\\x{{{a:x}}}-\\x{{{b:x}}}"
                   for a, b in zip(changed[first].tolist(), changed[last].tolist()))


def _lower_arrow(texts: pa.Array) -> pa.Array | None:
    """The texts lower-cased as :func:`_lower` lower-cases their join, in Arrow (None: cannot tell).

    Python's ``str.lower`` of a text that is not pure ASCII walks the Unicode tables
    character by character (about 50 million characters a second); news text almost
    always holds a curly quote or a dash, so that is every join. But a text without
    any non-ASCII character that ``str.lower`` changes is lower-cased exactly by
    lower-casing its ASCII letters, which Arrow does at memory speed. Only the texts
    holding such a character (found by RE2 with the exact class, :func:`_cased_class`)
    go through Python, and character by character when :func:`_lower` of the whole join
    would (some character lengthens), so the result is :func:`_lower` of the join cut
    at the separators. Context (Greek final sigma) never reaches across the separator,
    which is neither cased nor case-ignorable.

    Examples
    --------
    >>> texts = pa.array(["Kuril ISLANDS", "ΟΔΥΣΣΕΥΣ", "İstanbul ’Ok’"], type=pa.large_string())
    >>> _lower_arrow(texts).to_pylist() == _lower("\\x00".join(texts.to_pylist())).split("\\x00")
    True
    """
    try:
        cased = pc.match_substring_regex(texts, pattern=f"[{_cased_class()}]")
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


def find_in_sentences(sentences: pd.DataFrame, regex: re.Pattern) -> pd.DataFrame:
    """Find a lower-case regex in every sentence, in one scan.

    Parameters
    ----------
    sentences : DataFrame
        Table ``sentences`` of :mod:`kuril_research.schema`.
    regex : re.Pattern
        Matched against the lower-cased sentences; matches never cross a sentence.

    Returns
    -------
    DataFrame
        One row per match: ``doc_id, sent_id, start, end`` (offsets into
        ``documents.text``), ``text`` (as written) and one column per named group
        of ``regex`` (lower-cased; ``None`` when the group did not take part).

    Examples
    --------
    >>> from kuril_research.coding.cues import _example_corpus
    >>> c = _example_corpus({"a": [["Trade fell 25%.", "It rose 3%."]]})
    >>> find_in_sentences(c.sentences, re.compile(r"(?P<n>\\d+)%"))
      doc_id  sent_id  start  end text   n
    0      a        0     11   14  25%  25
    1      a        1     24   26   3%   3
    """
    return find_in_joined(sentences, join_sentences(sentences["text"]), regex)


def find_in_joined(sentences: pd.DataFrame, joined: tuple[str, str, np.ndarray, np.ndarray],
                   regex: re.Pattern, rows: np.ndarray | None = None) -> pd.DataFrame:
    """Find a lower-case regex in sentences already joined by :func:`join_sentences` (one join for several regexes).

    As :func:`find_in_sentences`. With ``rows`` (sorted positions of sentences), only those sentences
    are scanned, each run of consecutive ones from its real position in the joined text, so a
    lookbehind or ``\\b`` sees what it saw in a scan of everything. That finds exactly the matches a
    scan of everything finds in them provided ``regex`` cannot match the separator and no lookahead
    of it tells the separator from the end of the text (true of negative lookaheads for word
    characters, ``%`` or white space, as in :mod:`kuril_research.coding.trade`).

    Parameters
    ----------
    sentences : DataFrame
        Table ``sentences`` of :mod:`kuril_research.schema`.
    joined : tuple
        :func:`join_sentences` of ``sentences["text"]``.
    regex : re.Pattern
        Matched against the lower-cased sentences; matches never cross a sentence.
    rows : ndarray of int, optional
        Sorted positions (not labels) in ``sentences`` of the sentences to scan;
        None scans all of them.

    Returns
    -------
    DataFrame
        As :func:`find_in_sentences`.

    Examples
    --------
    >>> from kuril_research.coding.cues import _example_corpus
    >>> s = _example_corpus({"a": [["Trade fell 25%.", "No figure.", "It rose 3%."]]}).sentences
    >>> joined = join_sentences(s["text"])
    >>> find_in_joined(s, joined, re.compile(r"(?P<n>\\d+)%"), np.array([2]))
      doc_id  sent_id  start  end text  n
    0      a        2     35   37   3%  3
    """
    return find_with_rows(sentences, joined, regex, rows)[0]


def find_with_rows(sentences: pd.DataFrame, joined: tuple[str, str, np.ndarray, np.ndarray],
                   regex: re.Pattern, rows: np.ndarray | None = None) -> tuple[pd.DataFrame, np.ndarray]:
    """Find a lower-case regex as :func:`find_in_joined` does, and say which sentence each match is in.

    Parameters are those of :func:`find_in_joined`.

    Returns
    -------
    tuple of (DataFrame, ndarray)
        The matches, as :func:`find_in_sentences`, and the position in
        ``sentences`` of each match's sentence (one per row of the table).

    Examples
    --------
    >>> from kuril_research.coding.cues import _example_corpus
    >>> s = _example_corpus({"a": [["Trade fell 25%.", "No figure.", "It rose 3%."]]}).sentences
    >>> joined = join_sentences(s["text"])
    >>> found, held = find_with_rows(s, joined, re.compile(r"\\d+%"), rows_with_digit(joined))
    >>> found["text"].tolist(), held.tolist()
    (['25%', '3%'], [0, 2])
    """
    original, lowered, offsets, lengths = joined
    if rows is None:
        found = list(regex.finditer(lowered))
    else:
        found = [m for run_start, run_end in sentence_runs(offsets, lengths, rows)
                 for m in regex.finditer(lowered, run_start, run_end)]
    start = np.fromiter((m.start() for m in found), dtype=np.int64, count=len(found))
    end = np.fromiter((m.end() for m in found), dtype=np.int64, count=len(found))
    row = np.searchsorted(offsets, start, side="right") - 1
    within = end <= offsets[row] + lengths[row]
    rows = row[within]
    shift = np.asarray(sentences["start"].array.take(rows).to_numpy(dtype=np.int64)) - offsets[rows]
    out = pd.DataFrame({
        "doc_id": pd.array(sentences["doc_id"].array.take(rows), dtype="string"),
        "sent_id": pd.array(sentences["sent_id"].array.take(rows), dtype="Int64"),
        "start": pd.array(start[within] + shift, dtype="Int64"),
        "end": pd.array(end[within] + shift, dtype="Int64"),
        "text": pd.array([original[s:e] for s, e in zip(start[within].tolist(), end[within].tolist())],
                         dtype="string"),
    })
    kept = [m for m, keep in zip(found, within) if keep]
    for name in regex.groupindex:
        out[name] = pd.Series([m.group(name) for m in kept], dtype=object)
    return out, rows


def sentence_runs(offsets: np.ndarray, lengths: np.ndarray, rows: np.ndarray) -> list[tuple[int, int]]:
    """Return (start, end) in the joined text of each run of consecutive sentences among sorted ``rows``.

    A scan of each run, from its real position in the joined text, sees the
    same context (lookbehinds, ``\\b``) as a scan of everything.

    Parameters
    ----------
    offsets, lengths : ndarray of int
        Offset and length of each sentence in the joined text (:func:`join_sentences`).
    rows : array-like of int
        Sorted positions of the sentences to scan.

    Returns
    -------
    list of (int, int)
        From the start of a run's first sentence to the end of its last one.

    Examples
    --------
    >>> sentence_runs(np.array([0, 4, 9, 12]), np.array([3, 4, 2, 5]), np.array([0, 1, 3]))
    [(0, 8), (12, 17)]
    """
    rows = np.asarray(rows, dtype=np.int64)
    if not len(rows):
        return []
    first = np.flatnonzero(np.diff(rows, prepend=-2) != 1)
    last = np.append(first[1:], len(rows)) - 1
    return list(zip(offsets[rows[first]].tolist(), (offsets[rows[last]] + lengths[rows[last]]).tolist()))


def rows_with_digit(joined: tuple[str, str, np.ndarray, np.ndarray]) -> np.ndarray | None:
    """Return the sorted positions of the sentences holding a character Python's ``\\d`` matches (None: cannot tell).

    Exact: the RE2 class is read off Python's ``re`` (:func:`re2_category_classes`). A regex whose
    every match holds a digit can skip the other sentences (with :func:`find_in_joined`).

    Parameters
    ----------
    joined : tuple
        :func:`join_sentences` of the sentences' texts.

    Returns
    -------
    ndarray of int or None
        Positions of the sentences with a digit; None when Arrow cannot take the text.

    Examples
    --------
    >>> rows_with_digit(join_sentences(pd.Series(["no", "year 2015", "", "\u0663 arabic-indic"])))
    array([1, 3])
    """
    _original, lowered, offsets, lengths = joined
    if len(offsets) == 0:
        return np.empty(0, dtype=np.int64)
    digit = re2_category_classes()["full"][re._constants.CATEGORY_DIGIT]
    try:
        maybe = pc.match_substring_regex(_split_sentences(lowered, offsets, lengths), pattern=f"[{digit}]")
    except (pa.ArrowException, UnicodeError):
        return None
    return np.flatnonzero(pc.fill_null(maybe, True).to_numpy(zero_copy_only=False))


def _lower(text: str) -> str:
    """Lower-case ``text`` without changing its length (offsets must survive)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)

