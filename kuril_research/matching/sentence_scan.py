"""Sentence scan: find a regex in every sentence of a table, in one scan of the joined text.

:func:`find_in_sentences` and :func:`find_in_joined` run a regex over the
sentences joined by :mod:`kuril_research.matching.joined_text` and map each match
back to its sentence and to offsets into ``documents.text``;
:func:`rows_with_digit` and :func:`sentence_runs` let a scan skip sentences that
cannot match.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kuril_research.matching.joined_text import JoinedSentences, join_sentences
from kuril_research.matching.re2_classes import python_classes

__all__ = ["find_in_sentences", "find_in_joined", "find_with_rows", "rows_with_digit", "sentence_runs"]


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
    >>> from kuril_research.testing import corpus_of_sentences
    >>> c = corpus_of_sentences({"a": [["Trade fell 25%.", "It rose 3%."]]})
    >>> find_in_sentences(c.sentences, re.compile(r"(?P<n>\\d+)%"))
      doc_id  sent_id  start  end text   n
    0      a        0     11   14  25%  25
    1      a        1     24   26   3%   3
    """
    return find_in_joined(sentences, join_sentences(sentences["text"]), regex)


def find_in_joined(sentences: pd.DataFrame, joined: JoinedSentences,
                   regex: re.Pattern, rows: np.ndarray | None = None) -> pd.DataFrame:
    """Find a lower-case regex in sentences already joined (one join for several regexes).

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
    joined : JoinedSentences
        :func:`~kuril_research.matching.joined_text.join_sentences` of ``sentences["text"]``.
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
    >>> from kuril_research.testing import corpus_of_sentences
    >>> s = corpus_of_sentences({"a": [["Trade fell 25%.", "No figure.", "It rose 3%."]]}).sentences
    >>> joined = join_sentences(s["text"])
    >>> find_in_joined(s, joined, re.compile(r"(?P<n>\\d+)%"), np.array([2]))
      doc_id  sent_id  start  end text  n
    0      a        2     35   37   3%  3
    """
    return find_with_rows(sentences, joined, regex, rows)[0]


def find_with_rows(sentences: pd.DataFrame, joined: JoinedSentences,
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
    >>> from kuril_research.testing import corpus_of_sentences
    >>> s = corpus_of_sentences({"a": [["Trade fell 25%.", "No figure.", "It rose 3%."]]}).sentences
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
        Offset and length of each sentence in the joined text
        (:func:`~kuril_research.matching.joined_text.join_sentences`).
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


def rows_with_digit(joined: JoinedSentences) -> np.ndarray | None:
    """Return the sorted positions of the sentences holding a character Python's ``\\d`` matches (None: cannot tell).

    Exact: the RE2 class is read off Python's ``re``
    (:func:`~kuril_research.matching.re2_classes.python_classes`). A regex whose
    every match holds a digit can skip the other sentences (with :func:`find_in_joined`).

    Parameters
    ----------
    joined : JoinedSentences
        :func:`~kuril_research.matching.joined_text.join_sentences` of the sentences' texts.

    Returns
    -------
    ndarray of int or None
        Positions of the sentences with a digit; None when Arrow cannot take the text.

    Examples
    --------
    >>> rows_with_digit(join_sentences(pd.Series(["no", "year 2015", "", "\u0663 arabic-indic"])))
    array([1, 3])
    """
    if len(joined.offsets) == 0:
        return np.empty(0, dtype=np.int64)
    if joined.parts is None:
        return None
    try:
        maybe = pc.match_substring_regex(joined.parts, pattern=f"[{python_classes()['digit']}]")
    except (pa.ArrowException, UnicodeError):
        return None
    return np.flatnonzero(pc.fill_null(maybe, True).to_numpy(zero_copy_only=False))
