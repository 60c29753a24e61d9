"""Give back the pages of a memory-mapped token stream once a count has read them, and walk it in blocks.

A token stream kept on disk (:mod:`kuril_research.tokens.persist`) is mapped
into memory, so every page a count reads stays in the process's resident
memory until the process ends: at 100,000 articles one pass over five columns
adds about a gigabyte of file pages, and a notebook that runs eight counts holds
every column of the stream. :func:`release_pages` tells the system that the
process no longer needs the pages (``madvise(MADV_DONTNEED)``); the data stays
in the system's file cache, so a later count reads them again at the cost of a
page fault, never of a disk read on a machine with memory to spare. Nothing
is written: the stream is mapped read-only. A stream built in memory has
nothing mapped and is left as it is. The free pages of the C library's heap
are given back too (glibc's ``malloc_trim``, where there is one): the
temporary arrays of a count leave holes there that the library would keep;
so are those Arrow's memory pool keeps (``release_unused``).

:func:`take` reads some rows of one column (``column[rows]``) a block of the column
at a time, giving its pages back after each: rows spread over the whole stream
(the matches of a query) would otherwise make every page of the column resident
at once (0.23 GB a column at 100,000 articles).

:func:`blocks` cuts a stream into runs of whole documents of about
:data:`BLOCK_TOKENS` tokens, so that a count works on a block at a time and
its temporary arrays are bounded by the block, not by the corpus. A pair of
tokens, an n-gram or a collocation window never crosses a sentence, so never
a document, and counting block by block gives exactly what counting the whole
stream at once does.
"""

from __future__ import annotations

import ctypes
import mmap
from collections.abc import Iterator
from functools import cache

import numpy as np
import pandas as pd
import pyarrow as pa

from kuril_research.corpus import TABLE_NAMES
from kuril_research.corpus.arrow_cache import mapped_from

__all__ = ["BLOCK_TOKENS", "blocks", "release_pages", "release_table_pages", "release_corpus_pages", "take"]

#: Tokens per block of :func:`blocks` (whole documents, so a block may be longer by one document).
BLOCK_TOKENS = 2_000_000


def _mapping(array: object) -> mmap.mmap | None:
    """The memory map an array's data lies in (following its ``base`` chain), or None."""
    seen = 0
    while array is not None and seen < 16:
        if isinstance(array, mmap.mmap):
            return array
        array = getattr(array, "base", None)
        seen += 1
    return None


def release_pages(stream: object) -> int:
    """Give back the resident pages of every memory-mapped array of a token stream; return how many maps.

    Parameters
    ----------
    stream : TokenStream
        Any object whose attributes hold NumPy arrays; those that lie in a
        read-only memory map have the whole map released.

    Returns
    -------
    int
        The number of memory maps released (0 for a stream built in memory).

    Examples
    --------
    >>> import tempfile, types
    >>> path = tempfile.mkdtemp() + "/a.npy"
    >>> np.save(path, np.arange(5))
    >>> mapped = np.load(path, mmap_mode="r").view(np.ndarray)
    >>> release_pages(types.SimpleNamespace(a=mapped, b=np.arange(3), c="text")), int(mapped.sum())
    (1, 10)
    """
    done: set[int] = set()
    for value in vars(stream).values():
        if not isinstance(value, np.ndarray):
            continue
        found = _mapping(value)
        if found is None or id(found) in done or found.closed:
            continue
        try:
            found.madvise(mmap.MADV_DONTNEED)
        except (OSError, ValueError, AttributeError):       # no madvise on this system: nothing to give back
            continue
        done.add(id(found))
    _release_free_memory()     # and the heap's free pages: a count's temporary arrays leave holes the C library keeps
    return len(done)


def _release_free_memory() -> None:
    """Give back the free pages of the C library's heap (glibc's ``malloc_trim``, where there is one) and of Arrow's pool."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
    pa.default_memory_pool().release_unused()


@cache
def _malloc_trim():
    """glibc's ``malloc_trim``, or None where the C library has none (macOS, Windows, musl)."""
    try:
        function = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return None
    function.argtypes = [ctypes.c_size_t]
    function.restype = ctypes.c_int
    return function


@cache
def _madvise():
    """libc's ``madvise``, or None where there is none to call (Windows)."""
    try:
        function = ctypes.CDLL(None, use_errno=True).madvise
    except (OSError, AttributeError, TypeError):
        return None
    function.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    function.restype = ctypes.c_int
    return function


def release_table_pages(array: object) -> bool:
    """Give back the resident pages of an Arrow column read from a memory-mapped copy of a corpus table.

    Only a column whose every buffer lies in the read-only map of a table's
    Arrow copy (:func:`~kuril_research.corpus.arrow_cache.mapped_from`) is
    released; anything else (a column built in memory, whose pages hold the only
    copy of its data) is left alone and False returned.

    Parameters
    ----------
    array : pyarrow.Array, pyarrow.ChunkedArray or pandas ArrowExtensionArray

    Returns
    -------
    bool
        Whether pages were given back.

    Examples
    --------
    >>> import pyarrow as pa
    >>> release_table_pages(pa.chunked_array([["built in memory"]]))
    False
    """
    if hasattr(array, "__arrow_array__"):
        array = array.__arrow_array__()
    advise = _madvise()
    if advise is None or not hasattr(mmap, "MADV_DONTNEED") or mapped_from(array) is None:
        return False
    page = mmap.PAGESIZE
    for chunk in array.chunks if hasattr(array, "chunks") else [array]:
        for buffer in chunk.buffers():
            if buffer is None or not buffer.size:
                continue
            start = buffer.address - buffer.address % page     # the map begins on a page: still inside it
            advise(start, buffer.address + buffer.size - start, mmap.MADV_DONTNEED)
    return True


def release_corpus_pages(corpus: object) -> int:
    """Give back the resident pages of every column of a corpus's tables read from a memory-mapped Arrow copy.

    What a count read from the tables (the mentions' columns, the sentences'
    offsets) stays resident in the process otherwise, a gigabyte at 100,000
    articles after a few report cells; the pages are read again, from the
    system's file cache, by the next count that needs them. Columns built in
    memory, or mapped copy-on-write, are left alone (:func:`release_table_pages`). The
    free pages of the C library's heap and of Arrow's memory pool are given back too.

    Parameters
    ----------
    corpus : Corpus

    Returns
    -------
    int
        The number of columns whose pages were given back.

    Examples
    --------
    >>> from kuril_research.testing import two_habomai_articles
    >>> release_corpus_pages(two_habomai_articles())          # built in memory: nothing to give back
    0
    """
    released = 0
    for name in TABLE_NAMES:
        table = getattr(corpus, name, None)
        if not isinstance(table, pd.DataFrame):
            continue
        for _, column in table.items():
            if isinstance(column.array, pd.arrays.ArrowExtensionArray) and release_table_pages(column.array):
                released += 1
    _release_free_memory()     # and the heap's free pages, which the cell's temporary arrays left
    return released


def blocks(doc_first: np.ndarray, rows: np.ndarray | None = None, size: int | None = None,
           ) -> Iterator[tuple[int, int]]:
    """Cut a stream into blocks of whole documents: ``(lo, hi)`` of each block, in order.

    Parameters
    ----------
    doc_first : ndarray
        First row of each document and, last, the number of rows
        (``TokenStream.doc_first``).
    rows : ndarray, optional
        Sorted rows of the stream a count reads (e.g. the tokens kept by the
        options). Given, ``lo:hi`` index ``rows``; else they are stream rows.
    size : int, optional
        About how many rows a block holds (default :data:`BLOCK_TOKENS`, read at
        each call); a block ends at the first document boundary at or after
        ``size`` rows.

    Examples
    --------
    Three documents of 3, 2 and 4 tokens, blocks of at least 4 tokens:

    >>> list(blocks(np.array([0, 3, 5, 9]), size=4))
    [(0, 5), (5, 9)]
    >>> list(blocks(np.array([0, 3, 5, 9]), rows=np.array([1, 2, 6, 8]), size=1))
    [(0, 2), (2, 4)]
    """
    size = max(int(BLOCK_TOKENS if size is None else size), 1)
    bounds = np.asarray(doc_first, dtype=np.int64)
    if rows is not None:
        bounds = np.searchsorted(rows, bounds, side="left")
    total = int(bounds[-1]) if len(bounds) else 0
    lo = 0
    while lo < total:
        at = int(np.searchsorted(bounds, lo + size, side="left"))
        hi = int(bounds[at]) if at < len(bounds) else total
        yield lo, hi
        lo = hi


def take(column: np.ndarray, rows: np.ndarray, size: int | None = None) -> np.ndarray:
    """``column[rows]``, read about ``size`` rows of a memory-mapped column at a time, its pages given back after each.

    The same values as ``column[rows]`` (in the order of ``rows``); a column
    that is not in a memory map is simply indexed.

    Parameters
    ----------
    column : ndarray
        One column of a token stream (e.g. ``st.doc``), possibly memory-mapped.
    rows : ndarray of int
        Non-negative rows, in any order, repeats allowed.
    size : int, optional
        Rows of the column read between two releases (default :data:`BLOCK_TOKENS`, read at each call).

    Examples
    --------
    >>> import tempfile
    >>> path = tempfile.mkdtemp() + "/a.npy"
    >>> np.save(path, np.arange(10) * 10)
    >>> mapped = np.load(path, mmap_mode="r").view(np.ndarray)
    >>> take(mapped, np.array([9, 0, 4, 4]), size=3).tolist()
    [90, 0, 40, 40]
    """
    rows = np.asarray(rows)
    found = _mapping(column)
    if found is None or found.closed or not len(rows):
        return column[rows]
    size = max(int(BLOCK_TOKENS if size is None else size), 1)
    order = np.argsort(rows, kind="stable")
    ordered = rows[order]
    out = np.empty(len(rows), dtype=column.dtype)
    bounds = np.searchsorted(ordered, np.arange(0, int(ordered[-1]) + size + 1, size), side="left")
    for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
        if a == b:
            continue
        out[order[a:b]] = column[ordered[a:b]]
        try:
            found.madvise(mmap.MADV_DONTNEED)
        except (OSError, ValueError, AttributeError):       # no madvise on this system: nothing to give back
            pass
    return out
