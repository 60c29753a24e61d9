"""Count the distinct pairs of two integer codes (document and term, document and n-gram) by one sort.

:meth:`kuril_research.tokens.Prepared.doc_counts` (the per-document term table
that word lists and keyness read) and the n-gram counts of
:mod:`kuril_research.analysis.frequency` turn a block of the token stream into
(document, code, count) rows with :func:`distinct_pairs`.
"""

from __future__ import annotations

import numpy as np

__all__ = ["distinct_pairs"]


def distinct_pairs(major: np.ndarray, minor: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(major, minor, count) of each distinct pair of non-negative integers, in (major, minor) order.

    One sort of the pairs as integer keys (32-bit when they fit): several times
    faster than hashing them (``pd.unique``) for millions of pairs. A stable sort
    (timsort), which merges the runs of one major value already in order: a
    stream's (document, term) pairs come document by document.

    Examples
    --------
    >>> [a.tolist() for a in distinct_pairs(np.array([0, 0, 1, 0, 1]), np.array([5, 2, 2, 5, 2]))]
    [[0, 0, 1], [2, 5, 2], [1, 2, 2]]
    """
    if not len(major):
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int64)
    width, low = int(minor.max()) + 1, int(major.min())
    # keys from the smallest major value: 32-bit when they fit (a block of a stream: a few thousand documents)
    kind = np.int32 if (int(major.max()) - low + 1) * width < 2 ** 31 else np.int64
    key = (major - low).astype(kind) * kind(width) + minor.astype(kind, copy=False)
    key.sort(kind="stable")      # runs of one major value already in order (a stream is in document order): merged fast
    new = np.empty(len(key), dtype=bool)
    new[0] = True
    np.not_equal(key[1:], key[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    count = np.empty(len(starts), dtype=np.int64)
    np.subtract(starts[1:], starts[:-1], out=count[:-1])
    count[-1] = len(key) - starts[-1]
    high, rest = np.divmod(key[starts], kind(width))
    return high.astype(np.int64) + low, rest.astype(np.int64), count
