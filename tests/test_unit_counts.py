"""Counting coded units per group with integer codes (kuril_research.coding.unit_counts)."""

from __future__ import annotations

import pandas as pd

from kuril_research.coding.unit_counts import positions, units_by_group
from kuril_research.coding.trade import cooccurrence
from kuril_research.testing import corpus_of_sentences

GROUPS = pd.DataFrame({"doc_id": pd.array(["a", "b", "c"], dtype="string"),
                       "year": pd.array([2015, None, 2015], dtype="Int64")})


def test_pairs_count_once_and_flags_need_the_same_document_and_unit():
    # a/0 twice counts once; c/0 is flagged by c/0, not by a/0 or b/0; z is no document
    units = pd.DataFrame({"doc_id": ["a", "a", "c", "b", "z"], "sent_id": [0, 0, 0, 2, 1]})
    flags = {"hit": pd.DataFrame({"doc_id": ["c", "b", "z"], "sent_id": [0, 0, 1]})}
    out = units_by_group(units, flags, GROUPS, ["year"])
    assert out["year"].tolist() == [2015, pd.NA]          # groups in order of first appearance, missing kept
    assert out["units"].tolist() == [2, 1]                 # 2015: a/0, c/0; missing year: b/2
    assert out["hit"].tolist() == [1, 0]


def test_a_flag_without_a_unit_number_flags_nothing():
    units = pd.DataFrame({"doc_id": ["a"], "sent_id": [0]})
    flags = {"hit": pd.DataFrame({"doc_id": ["a"], "sent_id": pd.array([None], dtype="Int64")})}
    assert units_by_group(units, flags, GROUPS, ["year"])["hit"].tolist() == [0, 0]


def test_what_a_merge_would_decide_otherwise_is_left_to_the_merge():
    units = pd.DataFrame({"doc_id": ["a"], "sent_id": pd.array([None], dtype="Int64")})
    assert units_by_group(units, {}, GROUPS, ["year"]) is None                      # a unit without a number
    repeated = pd.DataFrame({"doc_id": ["a", "a"], "year": [2015, 2016]})
    assert units_by_group(units.fillna(0), {}, repeated, ["year"]) is None          # a document twice
    categorical = GROUPS.assign(year=GROUPS["year"].astype("category"))
    assert units_by_group(units.fillna(0), {}, categorical, ["year"]) is None


def test_positions_of_arrow_and_object_strings_agree():
    keys = ["k1", "k2", "k3"]
    values = ["k3", "nope", "k1", None]
    arrow = positions(pd.Series(values, dtype="string"), pd.Series(keys, dtype="string")).tolist()
    python = positions(pd.Series(values, dtype=object), pd.Series(keys, dtype=object)).tolist()
    assert arrow == python == [2, -1, 0, -1]


def test_cooccurrence_counted_by_codes():
    # a: one trade sentence, with the sanctions frame; b: one trade sentence (fishing) beside the Kuril Islands
    texts = {"a": [["Bilateral trade fell after Tokyo joined the sanctions.", "Talks went on."]],
             "b": [["Fishing near the Kuril Islands goes on."]]}
    c = corpus_of_sentences(texts, mentions=[("Kuril Islands", "kuril_islands", "archipelago", "russian")])
    out = cooccurrence(c)
    assert out[["doc_id", "trade_units", "with_territory", "with_sanctions"]].values.tolist() == [
        ["a", 1, 0, 1], ["b", 1, 1, 0]]
