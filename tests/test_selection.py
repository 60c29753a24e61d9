"""Selecting documents by outlet and date range, respecting date precision."""

from __future__ import annotations

import pytest

from kuril_research.errors import ParameterError
from kuril_research.analysis.selection import select_documents


@pytest.mark.parametrize("options, kept", [
    ({}, ["a", "b", "c"]),
    ({"outlets": ["Kyodo"]}, ["c"]),
    ({"date_from": "2019-01-31"}, ["b", "c"]),      # b is dated 2019-01: its month overlaps
    ({"date_from": "2019-02"}, ["c"]),
    ({"date_to": "2019-01-01"}, ["a", "b"]),
    ({"date_from": "2016-04-15", "date_to": "2016-04-15"}, ["a"]),
    ({"outlets": ["TASS"], "date_to": "2015"}, []),
])
def test_select_documents(options, kept):
    from kuril_research.corpus import corpus_from_texts

    corpus = corpus_from_texts({"a": "Kunashir.", "b": "Iturup.", "c": "Shikotan."},
                               {"a": {"outlet": "TASS", "published": "2016-04-15"},
                                "b": {"outlet": "TASS", "published": "2019-01"},
                                "c": {"outlet": "Kyodo", "published": "2021"}})
    selected = select_documents(corpus, **options)
    assert selected.documents["doc_id"].tolist() == kept
    assert sorted(set(selected.mentions["doc_id"])) == kept


@pytest.mark.parametrize("options, message", [
    ({"outlets": ["Reuters"]}, "not in the corpus"), ({"date_from": "April 2019"}, "is not a date"),
])
def test_select_documents_refuses_bad_filters(options, message):
    from kuril_research.corpus import corpus_from_texts

    corpus = corpus_from_texts({"a": "Kunashir."}, {"a": {"outlet": "TASS", "published": "2016-04-15"}})
    with pytest.raises(ParameterError, match=message):
        select_documents(corpus, **options)
