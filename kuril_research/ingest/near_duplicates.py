"""Find near-identical articles (syndicated copies of one story) by MinHash and LSH banding.

A wire story carried by several outlets differs in its furniture (removed
before this step), its headline and a few edited words, so byte-identical
text misses it. Each document's clean text gets a small signature; documents
whose signatures agree enough are one group, and the build counts each group
once (:func:`kuril_research.corpus.write_corpus`).

Method
------
* **Shingles**: the runs of :data:`SHINGLE_CHARS` consecutive characters of
  the clean text (lower-cased; the parser has already collapsed white space) that start a word —
  about four words each — as 64-bit polynomial rolling hashes computed for all
  positions at once in numpy.
* **Signature** (one-permutation MinHash, Li, Owen & Zhang 2012): the hash
  space is split into :data:`SIGNATURE_BINS` bins by the hash's top bits; a
  bin's value is the smallest hash falling in it. An empty bin (short text)
  takes the value of the next non-empty bin, cyclically (densification).
* **Similarity**: the share of bins in which two signatures agree, an
  estimate of the Jaccard similarity J = |A ∩ B| / |A ∪ B| of the two shingle
  sets (standard error about sqrt(J(1 − J) / 64), 0.05 at J = 0.8).
* **Candidates** (LSH banding): signatures are cut into :data:`BANDS` = 16
  bands of 4 bins; documents sharing at least :data:`MIN_SHARED_BANDS` = 2
  bands exactly are compared, all pairs at once in numpy (in a bucket of more
  than 256 documents, each with the bucket's first only, to stay linear). With
  p = J⁴ the chance that one band agrees, a pair is compared with probability
  1 − (1 − p)¹⁶ − 16 p (1 − p)¹⁵: 0.997 at J = 0.8, 0.26 at J = 0.5 (the
  second shared band keeps text that shares only boilerplate from being
  compared). Pairs whose estimate is at least the threshold (default
  :data:`THRESHOLD` = 0.8) are linked, and groups are the connected components.
* **Kept copy**: the earliest published member (undated last; ties: the first
  in build order); every other member records its similarity with the kept one.

Hashing is deterministic (no per-process seed), so every engine and every
number of processes groups alike. The cost is linear in the text length plus a
sort per band; it is measured in ``benchmarks/bench_build.py`` (6.6–7.8 % of
the build stages at 10,000 generated articles on a shared two-core machine).
On 2,000 of those articles this takes 0.20 s of CPU, against 1.94 s for
``datasketch`` (``MinHash(num_perm=64).update_batch`` of word 5-grams and
``MinHashLSH``), which hashes every shingle with SHA-1 in a Python loop: hence
a numpy implementation rather than the library.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

__all__ = ["signature", "similarity", "group_near_duplicates", "SIGNATURE_BINS", "BANDS", "THRESHOLD",
           "SHINGLE_CHARS"]

SHINGLE_CHARS = 24
SIGNATURE_BINS = 64
BANDS = 16
MIN_SHARED_BANDS = 2
THRESHOLD = 0.8
_BIN_SHIFT = np.uint64(64 - 6)                 # top 6 bits: 64 bins
_BASE = np.uint64(1_000_003)                   # odd, so invertible modulo 2**64
_BASE_INV = np.uint64(pow(1_000_003, -1, 2**64))
_EMPTY = np.iinfo(np.uint64).max
_MIX = np.uint64(0x9E3779B97F4A7C15)           # spreads the rolling hash over all 64 bits
assert SIGNATURE_BINS == 1 << (64 - int(_BIN_SHIFT)) and SIGNATURE_BINS % BANDS == 0  # noqa: S101 - constants


def _powers(base: np.uint64, n: int) -> np.ndarray:
    """base**0 .. base**(n-1) modulo 2**64, from a table grown by doubling (computed once per process)."""
    table = _POWERS.get(int(base))
    if table is None or len(table) < n:
        size = max(n, 2 * (0 if table is None else len(table)), 4096)
        table = np.empty(size, dtype=np.uint64)
        table[0] = 1
        table[1:] = base
        with np.errstate(over="ignore"):
            np.cumprod(table, out=table)
        _POWERS[int(base)] = table
    return table[:n]


_POWERS: dict[int, np.ndarray] = {}


def _shingle_hashes(text: str) -> np.ndarray:
    """Hashes of the :data:`SHINGLE_CHARS`-character windows that start a word (see the module docstring)."""
    data = np.frombuffer(text.lower().encode("utf-8"), dtype=np.uint8)
    n = len(data)
    if n == 0:
        return np.empty(0, dtype=np.uint64)
    k = min(SHINGLE_CHARS, n)
    head = data[:n - k]
    after_space = np.flatnonzero((head == 32) | (head == 10)) + 1   # windows starting right after white space ...
    starts = np.empty(len(after_space) + 1, dtype=np.int64)
    starts[0] = 0                                                   # ... and the first one
    starts[1:] = after_space
    with np.errstate(over="ignore"):
        codes = data.astype(np.uint64) + np.uint64(1)
        prefix = np.zeros(n + 1, dtype=np.uint64)
        np.cumsum(codes * _powers(_BASE_INV, n), out=prefix[1:])
        # H(i) = sum_{j<k} c[i+j] * B^(k-1-j) = B^(i+k-1) * (prefix[i+k] - prefix[i])   (mod 2**64)
        window = prefix[starts + k] - prefix[starts]
        return window * _powers(_BASE, n)[starts + k - 1] * _MIX


def signature(text: str) -> np.ndarray:
    """Return the MinHash signature of a text: :data:`SIGNATURE_BINS` unsigned 64-bit values.

    Examples
    --------
    >>> a = signature("Japan and Russia agreed to continue talks on a peace treaty in Moscow on Monday.")
    >>> b = signature("Japan and Russia agreed to continue talks on a peace treaty in Moscow on Tuesday.")
    >>> a.shape, a.dtype, similarity(a, a), 0.5 < similarity(a, b) < 1.0
    ((64,), dtype('uint64'), 1.0, True)
    """
    hashes = _shingle_hashes(text)
    sig = np.full(SIGNATURE_BINS, _EMPTY, dtype=np.uint64)
    if not len(hashes):
        return sig
    ordered = np.sort(hashes)
    bins = (ordered >> _BIN_SHIFT).astype(np.int64)
    new_bin = np.empty(len(bins), dtype=bool)
    new_bin[0] = True
    np.not_equal(bins[1:], bins[:-1], out=new_bin[1:])
    first = np.flatnonzero(new_bin)
    sig[bins[first]] = ordered[first]
    empty = sig == _EMPTY
    if empty.any():  # densify: an empty bin takes the next non-empty bin's value (cyclically)
        filled = np.flatnonzero(~empty)
        nxt = np.searchsorted(filled, np.arange(SIGNATURE_BINS)) % len(filled)
        sig = np.where(empty, sig[filled[nxt]], sig)
    return sig


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimate the Jaccard similarity of two texts' shingle sets: the share of equal signature bins.

    Examples
    --------
    >>> similarity(np.array([1, 2, 3, 4], dtype=np.uint64), np.array([1, 2, 0, 4], dtype=np.uint64))
    0.75
    """
    return float(np.count_nonzero(a == b)) / len(a)


def group_near_duplicates(signatures: Sequence[np.ndarray], order_keys: Sequence[tuple], *,
                          threshold: float = THRESHOLD) -> list[tuple[int, list[tuple[int, float]]]]:
    """Group documents whose signatures agree on at least ``threshold`` of their bins.

    Parameters
    ----------
    signatures : sequence of ndarray
        One per document, from :func:`signature`.
    order_keys : sequence of tuple
        One per document; the member with the smallest key is kept (e.g.
        ``(undated, year, month, day, position in the build)``).
    threshold : float
        Minimum estimated Jaccard similarity linking two documents.

    Returns
    -------
    list of (kept index, [(member index, similarity with the kept one), ...])
        Only groups of two or more, ordered by the kept index; members in
        index order, the kept one included (similarity 1.0).

    Examples
    --------
    >>> story = "Russia and Japan will hold a new round of consultations on joint economic activity on the islands."
    >>> other = "The foreign ministers discussed fishing quotas near Shikotan and visa-free visits for former residents."
    >>> sigs = [signature(t) for t in [story, other, story + " Tass", story]]
    >>> groups = group_near_duplicates(sigs, [(2019, 1, 3), (2019, 1, 1), (2019, 1, 2), (2019, 1, 2)])
    >>> [(kept, [i for i, _ in members]) for kept, members in groups]   # 2 and 3 tie on date: 2 is first
    [(2, [0, 2, 3])]
    >>> all(sim > 0.8 for _, members in groups for _, sim in members)
    True
    """
    n = len(signatures)
    if n < 2:
        return []
    matrix = np.vstack(signatures)
    rows = SIGNATURE_BINS // BANDS
    first, second = _candidate_pairs(matrix, rows)
    linked = np.empty(0, dtype=np.int64)
    if len(first):
        same = np.empty(len(first), dtype=np.int64)
        for lo in range(0, len(first), _PAIR_BATCH):  # bounded memory: a batch of pairs at a time
            hi = lo + _PAIR_BATCH
            same[lo:hi] = np.count_nonzero(matrix[first[lo:hi]] == matrix[second[lo:hi]], axis=1)
        linked = np.flatnonzero(same >= threshold * SIGNATURE_BINS)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for k in linked.tolist():
        ra, rb = find(int(first[k])), find(int(second[k]))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    components: dict[int, list[int]] = defaultdict(list)
    for i in {int(i) for k in linked.tolist() for i in (first[k], second[k])}:
        components[find(i)].append(i)
    groups = []
    for members in components.values():
        members.sort()
        kept = min(members, key=lambda i: (order_keys[i], i))
        groups.append((kept, [(i, 1.0 if i == kept else similarity(matrix[kept], matrix[i])) for i in members]))
    return sorted(groups)


#: Pairs compared per numpy batch (memory: this many × 2 signatures).
_PAIR_BATCH = 200_000
#: A bucket larger than this is compared leader by leader instead of pair by pair.
_MAX_BUCKET_PAIRS = 256


def _bucket_pairs(order: np.ndarray, bounds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All pairs within each bucket (``order[bounds[b]:bounds[b+1]]``), vectorized; big buckets: first × rest."""
    sizes = np.diff(bounds)
    size_at = np.repeat(sizes, sizes)                        # size of the bucket of each sorted position
    start_at = np.repeat(bounds[:-1], sizes)
    position = np.arange(len(order))
    partners = np.where(size_at <= _MAX_BUCKET_PAIRS, bounds[1:].repeat(sizes) - 1 - position,
                        np.where(position == start_at, size_at - 1, 0))
    total = int(partners.sum())
    if not total:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    left = np.repeat(position, partners)
    offset = np.arange(total) - np.repeat(np.cumsum(partners) - partners, partners)
    return order[left], order[left + 1 + offset]


def _candidate_pairs(matrix: np.ndarray, rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i < j) of documents that share at least :data:`MIN_SHARED_BANDS` bands.

    A band's ``rows`` values are folded into one 64-bit key; equal keys are found
    by sorting. Within a bucket of m documents every pair is a candidate, except
    in a bucket of more than :data:`_MAX_BUCKET_PAIRS` documents (text shared by
    very many documents, such as boilerplate), where each is paired with the
    bucket's first only, which keeps the work linear.
    """
    n = matrix.shape[0]
    codes: list[np.ndarray] = []
    with np.errstate(over="ignore"):
        for band in range(matrix.shape[1] // rows):
            keys = np.zeros(n, dtype=np.uint64)
            for column in range(band * rows, (band + 1) * rows):  # fold the band's values: (key ^ value) * odd
                keys = (keys ^ matrix[:, column]) * _MIX
            order = np.argsort(keys, kind="stable")
            sorted_keys = keys[order]
            change = np.empty(n + 1, dtype=bool)
            change[0] = change[n] = True
            np.not_equal(sorted_keys[1:], sorted_keys[:-1], out=change[1:n])
            i, j = _bucket_pairs(order, np.flatnonzero(change))
            codes.append(np.minimum(i, j) * n + np.maximum(i, j))
    every = np.sort(np.concatenate(codes))
    if not len(every):
        return every, every
    run_start = np.empty(len(every), dtype=bool)
    run_start[0] = True
    np.not_equal(every[1:], every[:-1], out=run_start[1:])
    starts = np.flatnonzero(run_start)
    counts = np.diff(np.append(starts, len(every)))
    shared = every[starts[counts >= MIN_SHARED_BANDS]]
    return shared // n, shared % n
