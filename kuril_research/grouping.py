"""Group documents by columns of ``corpus.documents``: the ``by=`` of every count, and shares of groups.

A foundation module (any stage may import it; it imports no stage). One home for what the counting functions of :mod:`kuril_research.analysis`
(``word_list``, ``ngrams``) and of :mod:`kuril_research.coding` (``naming_stance``,
``frame_profile``, ``cooccurrence``) do with their ``by`` parameter. The two
families read ``by=None`` differently, and each keeps its reading:

* :func:`by_columns` (word lists, n-grams): ``None`` or ``[]`` is **one** group
  of all documents;
* :func:`documents_by` (framing, trade): ``None`` is one group **per document**
  (``doc_id``), and an empty list is an error.

Documents with a missing value in a grouping column form a group of their own
(``<NA>``), sorted last (:func:`sorted_groups`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import pandas as pd

from kuril_research.errors import ParameterError

__all__ = ["by_columns", "document_groups", "documents_by", "sorted_groups", "share"]


class HasDocuments(Protocol):
    """Anything with a ``documents`` table, such as a :class:`~kuril_research.corpus.Corpus`.

    (This foundation module may not import the corpus stage, which sits above it.)
    """

    documents: pd.DataFrame


def _as_list(by: str | Sequence[str] | None, default: list[str]) -> list[str]:
    return list(default) if by is None else [by] if isinstance(by, str) else list(by)


def by_columns(corpus: HasDocuments, by: str | Sequence[str] | None) -> list[str]:
    """Return the grouping columns of a count whose ``by=None`` means one group of all documents.

    Parameters
    ----------
    corpus : Corpus
        Or any object with a ``documents`` table.
    by : str, list of str or None
        Columns of ``corpus.documents``; ``None`` (or ``[]``) gives ``[]``.

    Returns
    -------
    list of str

    Raises
    ------
    ParameterError
        Naming the first column that is not a documents column.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> corpus = SimpleNamespace(documents=pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["TASS", "Kyodo"]}))
    >>> by_columns(corpus, "outlet"), by_columns(corpus, None)
    (['outlet'], [])
    >>> by_columns(corpus, ["outlet", "colour"])
    Traceback (most recent call last):
    kuril_research.errors.ParameterError: field by: unknown documents column 'colour'. What to do: use columns of corpus.documents, e.g. 'outlet' or 'year'
    """
    columns = _as_list(by, [])
    for column in columns:
        if column not in corpus.documents.columns:
            raise ParameterError(f"unknown documents column {column!r}", field="by",
                                 hint="use columns of corpus.documents, e.g. 'outlet' or 'year'")
    return columns


def documents_by(corpus: HasDocuments, by: str | Sequence[str] | None) -> tuple[list[str], pd.DataFrame]:
    """Return the grouping columns and a ``doc_id`` → group table (one row per document), ``by=None`` per document.

    Parameters
    ----------
    corpus : Corpus
        Or any object with a ``documents`` table.
    by : str, list of str or None
        Columns of ``corpus.documents``; ``None`` groups by ``doc_id``.

    Returns
    -------
    columns : list of str
    groups : DataFrame
        ``doc_id`` and the grouping columns of ``corpus.documents``, in its row order.

    Raises
    ------
    ParameterError
        If ``by`` is empty or names a column that is not a documents column.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> corpus = SimpleNamespace(documents=pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["TASS", "Kyodo"]}))
    >>> columns, groups = documents_by(corpus, "outlet")
    >>> columns, groups.columns.tolist()
    (['outlet'], ['doc_id', 'outlet'])
    >>> documents_by(corpus, None)[0]
    ['doc_id']
    >>> documents_by(corpus, [])
    Traceback (most recent call last):
    kuril_research.errors.ParameterError: field by: cannot group by []: not a documents column. What to do: use one or more of: doc_id, outlet
    """
    columns = _as_list(by, ["doc_id"])
    unknown = [c for c in columns if c not in corpus.documents.columns]
    if unknown or not columns:
        raise ParameterError(f"cannot group by {unknown or columns!r}: not a documents column", field="by",
                             hint=f"use one or more of: {', '.join(corpus.documents.columns)}")
    keep = list(dict.fromkeys(["doc_id", *columns]))
    return columns, corpus.documents[keep]


def document_groups(documents: pd.DataFrame, by: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Return the group code of each document and a document row of each group; one group when ``by`` is empty.

    Groups are numbered in order of first appearance; a missing value is a group of its own.

    Examples
    --------
    >>> docs = pd.DataFrame({"outlet": ["TASS", "Kyodo", "TASS", None]})
    >>> document_groups(docs, ["outlet"])
    (array([0, 1, 0, 2]), array([0, 1, 3]))
    >>> document_groups(docs, [])
    (array([0, 0, 0, 0]), array([0]))
    """
    if not by:
        return np.zeros(len(documents), dtype=np.int64), np.zeros(1 if len(documents) else 0, dtype=np.int64)
    codes = documents.groupby(by, dropna=False, sort=False).ngroup().to_numpy(dtype=np.int64)
    _, first_row = np.unique(codes, return_index=True)
    return codes, first_row


def sorted_groups(keys: pd.DataFrame) -> pd.DataFrame:
    """Distinct group keys in ascending order, missing values last (the row labels of first occurrences are kept).

    Examples
    --------
    >>> sorted_groups(pd.DataFrame({"year": pd.array([2021, None, 2015, 2021], dtype="Int64")}))
       year
    2  2015
    0  2021
    1  <NA>
    """
    return keys.drop_duplicates().sort_values(list(keys.columns), na_position="last", kind="stable")


def share(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """Return ``numerator / denominator`` as Float64, ``<NA>`` where the denominator is 0.

    Examples
    --------
    >>> share(pd.Series([1, 0, 2]), pd.Series([4, 0, 2])).tolist()
    [0.25, <NA>, 1.0]
    """
    num = numerator.astype("Float64")
    den = denominator.astype("Float64")
    return (num / den.mask(den == 0)).astype("Float64")
