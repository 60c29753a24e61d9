"""Fill the per-token columns of a stream block by block, each value written once (:class:`Columns`).

Memory bookkeeping for :func:`kuril_research.tokens.build.build_stream`, kept
apart from the token rules so that the build reads as what it computes.
"""

from __future__ import annotations

import numpy as np

__all__ = ["Columns"]


class Columns:
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
    >>> c = Columns({"a": np.int8, "b": np.int32}, widen=("b",), expected=4)
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

