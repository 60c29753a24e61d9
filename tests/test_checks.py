"""Tests for kuril_research.checks and kuril_research.grouping: the argument checks and by= grouping every stage shares."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from kuril_research.checks import choice, positive_int
from kuril_research.errors import ParameterError
from kuril_research.grouping import by_columns, document_groups, documents_by, share, sorted_groups


@pytest.mark.parametrize("value, minimum, expected", [(1, 1, 1), (np.int32(5), 1, 5), (0, 0, 0)])
def test_positive_int_accepts_whole_numbers(value, minimum, expected):
    got = positive_int(value, "top", minimum=minimum)
    assert got == expected and type(got) is int


@pytest.mark.parametrize("value", [0, -3, True, 2.0, "3", None])
def test_positive_int_refuses_and_names_the_parameter(value):
    with pytest.raises(ParameterError, match="top must be an integer of at least 1") as info:
        positive_int(value, "top")
    assert info.value.field == "top"


def test_choice_allows_none_only_when_listed():
    choice(None, "sort", ("left", "right", None))
    with pytest.raises(ParameterError, match=r"unit must be one of \['token', 'sentence'\], not None"):
        choice(None, "unit", ("token", "sentence"))


DOCS = SimpleNamespace(documents=pd.DataFrame({
    "doc_id": ["a", "b", "c", "d"],
    "outlet": ["TASS", "Kyodo", "TASS", None],
    "year": pd.array([2019, 2020, 2019, 2019], dtype="Int64"),
}))


def test_by_columns_reads_none_as_one_group():
    assert by_columns(DOCS, None) == [] and by_columns(DOCS, []) == []
    assert by_columns(DOCS, "outlet") == ["outlet"] and by_columns(DOCS, ("outlet", "year")) == ["outlet", "year"]
    with pytest.raises(ParameterError, match="unknown documents column 'colour'"):
        by_columns(DOCS, ["outlet", "colour"])


def test_documents_by_reads_none_as_one_group_per_document():
    columns, groups = documents_by(DOCS, None)
    assert columns == ["doc_id"] and groups.columns.tolist() == ["doc_id"]
    columns, groups = documents_by(DOCS, ["year", "outlet"])
    assert columns == ["year", "outlet"] and groups.columns.tolist() == ["doc_id", "year", "outlet"]
    for bad in ([], "colour"):
        with pytest.raises(ParameterError, match="cannot group by"):
            documents_by(DOCS, bad)


def test_document_groups_in_order_of_first_appearance_missing_value_its_own_group():
    # TASS (a, c) = 0, Kyodo (b) = 1, missing (d) = 2; first rows 0, 1, 3
    codes, first = document_groups(DOCS.documents, ["outlet"])
    assert codes.tolist() == [0, 1, 0, 2] and first.tolist() == [0, 1, 3]
    codes, first = document_groups(DOCS.documents, ["outlet", "year"])
    assert codes.tolist() == [0, 1, 0, 2] and first.tolist() == [0, 1, 3]
    codes, first = document_groups(DOCS.documents.iloc[:0], [])
    assert codes.tolist() == [] and first.tolist() == []


def test_sorted_groups_and_share():
    keys = sorted_groups(DOCS.documents[["outlet"]])
    assert keys["outlet"].tolist()[:2] == ["Kyodo", "TASS"] and pd.isna(keys["outlet"].iloc[2])
    assert keys.index.tolist() == [1, 0, 3]
    got = share(pd.Series([1, 3, 0]), pd.Series([4, 0, 0]))
    assert str(got.dtype) == "Float64" and got.iloc[0] == 0.25 and got.iloc[1:].isna().all()
