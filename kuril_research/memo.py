"""Remember a costly result per object, for as long as the tables it was computed from are unchanged.

An analysis that derives a large intermediate from a corpus (the token stream of
:mod:`kuril_research.tokens.stream`, the cue matches of :mod:`kuril_research.matching.cue_lexicon`)
keeps it in a :class:`Memo`, keyed by an *owner* object (a ``Corpus``, a
lexicon) and a small key (e.g. the token options). The rules:

* **Weak.** The memo never keeps an owner alive: when the owner is garbage
  collected, everything remembered for it goes too.
* **Never stale.** Each remembered value carries a :func:`fingerprint` of the
  table columns it was computed from, taken again on every look-up; a value is
  returned only when the fingerprint is the same. So replacing a table
  (``corpus.documents = ...``), editing it in place (``corpus.mentions.loc[0,
  "end"] = 9``), or replacing, adding or dropping rows all give a fresh
  computation. :func:`kuril_research.analysis.selection.select_documents` returns a new
  Corpus, which has memos of its own.
* **Cheap to check.** A column backed by Apache Arrow (``string`` columns of a
  loaded corpus) is immutable, so it is compared by identity: free, and exact,
  because the fingerprint holds a reference to the Arrow array (its identity
  cannot be reused while the fingerprint lives). Any other column (NumPy-backed
  numbers such as ``Int64``, Python-backed strings, object columns) can change
  in place, so its values are hashed (SHA-256, ~2 GB/s; the offsets of a
  100,000-article corpus take ~0.1 s).

Only the columns named when fingerprinting are watched: a change to another
column (say ``documents.outlet``) keeps the remembered value, which does not
depend on it.

Examples
--------
>>> import pandas as pd
>>> class Owner:
...     pass
>>> owner, table = Owner(), pd.DataFrame({"n": pd.array([1, 2], dtype="Int64")})
>>> memo = Memo()
>>> memo.get(owner, "sum", fingerprint((table, ["n"]))) is None
True
>>> memo.put(owner, "sum", fingerprint((table, ["n"])), int(table["n"].sum()))
>>> memo.get(owner, "sum", fingerprint((table, ["n"])))
3
>>> table.loc[0, "n"] = 5
>>> memo.get(owner, "sum", fingerprint((table, ["n"]))) is None      # edited in place: stale
True
"""

from __future__ import annotations

import hashlib
import weakref
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["Memo", "fingerprint"]


class _Same:
    """Compares equal only to a _Same holding the very same object (never by value)."""

    __slots__ = ("obj",)

    def __init__(self, obj: object) -> None:
        self.obj = obj

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.obj is self.obj

    def __hash__(self) -> int:
        return id(self.obj)


def _digest(*arrays: np.ndarray) -> str:
    h = hashlib.sha256()
    for array in arrays:
        array = np.ascontiguousarray(array)
        h.update(f"{array.dtype.str}{array.shape}".encode())
        h.update(memoryview(array).cast("B"))
    return h.hexdigest()


def _column_token(values: pd.Series) -> tuple:
    array = values.array
    if isinstance(array, pd.arrays.ArrowExtensionArray):
        return ("arrow", _Same(array.__arrow_array__()))
    if isinstance(array, pd.api.extensions.ExtensionArray) and hasattr(array, "_data") and hasattr(array, "_mask"):
        data, mask = np.asarray(array._data), np.asarray(array._mask)   # pandas' masked arrays (Int64, boolean)
        if data.dtype != object:
            return ("masked", str(values.dtype), _digest(data, mask))
    raw = values.to_numpy() if not isinstance(array, pd.api.extensions.ExtensionArray) else None
    if raw is not None and raw.dtype != object:
        return ("numpy", str(values.dtype), _digest(raw))
    hashed = pd.util.hash_pandas_object(values, index=False, categorize=False).to_numpy()
    return ("hashed", str(values.dtype), len(values), _digest(hashed))


def fingerprint(*tables: tuple[pd.DataFrame, Sequence[str]]) -> tuple | None:
    """Describe the content of some columns of some tables, cheaply, for :class:`Memo`.

    Parameters
    ----------
    *tables : (DataFrame, list of str)
        Each table with the columns the remembered value depends on.

    Returns
    -------
    tuple or None
        Equal for two calls exactly when no watched column has changed (Arrow
        columns by identity, others by a SHA-256 of their values); ``None``
        when a table lacks a column (then nothing should be remembered).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"a": pd.array(["x", "y"], dtype="string[pyarrow]"), "b": [1, 2]})
    >>> fingerprint((t, ["a", "b"])) == fingerprint((t.copy(), ["a", "b"]))
    True
    >>> fingerprint((t, ["a", "c"])) is None
    True
    """
    token: list = []
    for frame, columns in tables:
        if not all(column in frame.columns for column in columns):
            return None
        token.append(len(frame))
        token.extend(_column_token(frame[column]) for column in columns)
    return tuple(token)


class Memo:
    """Values remembered per owner object (held weakly) and key, each valid under one fingerprint.

    One value is kept per (owner, key): storing under a new fingerprint replaces
    the old value. The owner must support weak references (a dataclass instance
    does); unhashable owners are fine (they are told apart by identity).
    """

    def __init__(self) -> None:
        self._entries: dict[int, tuple[weakref.ref, dict[Any, tuple[tuple, Any]]]] = {}

    def _slot(self, owner: object, create: bool) -> dict | None:
        key = id(owner)
        entry = self._entries.get(key)
        if entry is not None and entry[0]() is owner:
            return entry[1]
        if not create:
            return None
        values: dict = {}

        def forget(_ref: weakref.ref, key: int = key, entries: dict = self._entries) -> None:
            current = entries.get(key)
            if current is not None and current[0] is _ref:
                del entries[key]

        self._entries[key] = (weakref.ref(owner, forget), values)
        return values

    def get(self, owner: object, key: Any, token: tuple | None) -> Any:
        """The value stored for ``owner`` and ``key`` under ``token``, or None."""
        if token is None:
            return None
        values = self._slot(owner, create=False)
        if values is None or key not in values:
            return None
        stored_token, value = values[key]
        return value if stored_token == token else None

    def put(self, owner: object, key: Any, token: tuple | None, value: Any) -> None:
        """Remember ``value`` for ``owner`` and ``key`` under ``token`` (nothing if ``token`` is None)."""
        if token is not None:
            self._slot(owner, create=True)[key] = (token, value)

    def forget(self, owner: object) -> None:
        """Drop everything remembered for ``owner``."""
        values = self._slot(owner, create=False)
        if values is not None:
            values.clear()

    def __len__(self) -> int:
        return sum(len(values) for ref, values in self._entries.values() if ref() is not None)
