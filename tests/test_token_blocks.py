"""Counting block by block of documents (kuril_research.tokens.pages) gives what one pass over the stream gives."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kuril_research.analysis import frequency
from kuril_research.testing import corpus_of_sentences, two_habomai_articles
from kuril_research.tokens import distinct_pairs, pages, prepare, release_pages
from kuril_research.tokens.build import stream_of


def _three_articles():
    """Three articles; the pair 'peace treaty' occurs in each, 'treaty talks' in a and c (never across a sentence)."""
    return corpus_of_sentences({
        "a": [["Japan seeks a peace treaty.", "Treaty talks stalled."]],
        "b": [["Russia wants a peace treaty now."]],
        "c": [["No peace treaty talks.", "Treaty talks resumed in Tokyo."]],
    }, documents={"a": {"outlet": "TASS"}, "b": {"outlet": "Kyodo"}, "c": {"outlet": "TASS"}})


def _results(corpus) -> dict[str, pd.DataFrame]:
    return {
        "ngrams2": frequency.ngrams(corpus, 2, stopwords=None),
        "ngrams3_by": frequency.ngrams(corpus, 3, by="outlet", stopwords=None),
        "word_list_by": frequency.word_list(corpus, by="outlet"),
        "collocations": frequency.collocations(corpus, window=3, min_count=1),
        "positions": frequency.positions(corpus, ["treaty", "peace treaty"], stopwords=None),
        "dispersion": frequency.dispersion(corpus, terms=["treaty", "talks"]),
        "kwic": frequency.kwic(corpus, "treaty", window=2),
    }


def test_blocks_end_at_document_boundaries():
    # documents of 3, 2 and 4 tokens: blocks of at least 2 tokens end where a document ends
    assert list(pages.blocks(np.array([0, 3, 5, 9]), size=2)) == [(0, 3), (3, 5), (5, 9)]
    assert list(pages.blocks(np.array([0, 3, 5, 9]), size=100)) == [(0, 9)]
    assert list(pages.blocks(np.array([0]), size=2)) == []


def test_counts_in_blocks_of_one_document_equal_one_pass(monkeypatch):
    whole = _results(_three_articles())
    assert whole["ngrams2"].set_index("term").loc["peace treaty", "count"] == 3       # once in each article
    assert whole["ngrams2"].set_index("term").loc["treaty talks", "doc_freq"] == 2   # a and c
    monkeypatch.setattr(pages, "BLOCK_TOKENS", 1)                                    # every document its own block
    small = _results(_three_articles())
    for name, frame in whole.items():
        pd.testing.assert_frame_equal(small[name], frame, check_exact=True, obj=name)


def test_ngrams_by_group_add_documents_across_blocks(monkeypatch):
    monkeypatch.setattr(pages, "BLOCK_TOKENS", 1)
    by = frequency.ngrams(_three_articles(), 2, by="outlet", stopwords=None).set_index(["outlet", "term"])
    # TASS: a and c, each in its own block; 'treaty talks' twice in c and once in a
    assert by.loc[("TASS", "treaty talks"), ["count", "doc_freq"]].tolist() == [3, 2]
    assert by.loc[("Kyodo", "peace treaty"), ["count", "doc_freq"]].tolist() == [1, 1]


def test_release_pages_keeps_values(tmp_path):
    mapped = np.load(_saved(tmp_path, np.arange(1000)), mmap_mode="r").view(np.ndarray)

    class Holder:
        pass

    holder = Holder()
    holder.mapped, holder.owned = mapped, np.arange(3)
    assert release_pages(holder) == 1          # the owned array is left alone
    assert int(mapped[999]) == 999 and int(mapped.sum()) == 499500


def test_release_pages_of_a_stream_built_in_memory_does_nothing():
    corpus = two_habomai_articles()
    assert release_pages(stream_of(corpus)) == 0
    assert prepare(corpus, {}).doc_sizes().tolist() == [9, 8]   # a: 9 tokens without stop words, b: 8


def _saved(folder, array) -> str:
    path = folder / "a.npy"
    np.save(path, array)
    return str(path)


@pytest.mark.parametrize("size", [1, 5, 1000])
def test_doc_sizes_do_not_depend_on_block_size(monkeypatch, size):
    monkeypatch.setattr(pages, "BLOCK_TOKENS", size)
    corpus = _three_articles()
    # a: japan seeks a peace treaty . treaty talks stalled . -> 8 tokens without punctuation, stop words kept
    assert prepare(corpus, {"stopwords": None}).doc_sizes().tolist() == [8, 6, 9]


@pytest.mark.parametrize("size", [1, 3, 4, 1000])
def test_take_reads_a_mapped_column_in_blocks_with_the_values_of_indexing(tmp_path, size):
    mapped = np.load(_saved(tmp_path, np.arange(10, dtype=np.int32) * 10), mmap_mode="r").view(np.ndarray)
    rows = np.array([9, 0, 4, 4, 3, 8])            # unsorted, a repeat, rows in several blocks of `size`
    got = pages.take(mapped, rows, size=size)
    assert got.tolist() == [90, 0, 40, 40, 30, 80]
    assert got.dtype == np.int32
    assert pages.take(mapped, np.array([], dtype=np.int64), size=size).tolist() == []


def test_take_of_an_array_in_memory_is_indexing():
    assert pages.take(np.array([5, 6, 7]), np.array([2, 2, 0])).tolist() == [7, 7, 5]


def _pairs_in_two_orders():
    """Two articles whose blocks meet the same pairs in opposite orders (a block numbers its pairs as it meets them)."""
    return corpus_of_sentences({
        "a": [["Peace treaty talks."]],
        "b": [["Talks on peace.", "Treaty talks, peace treaty."]],
    })


@pytest.mark.parametrize("size", [1, 1000])
def test_collocations_count_pairs_met_in_any_order(monkeypatch, size):
    monkeypatch.setattr(pages, "BLOCK_TOKENS", size)
    found = frequency.collocations(_pairs_in_two_orders(), window=1, min_count=1, stopwords=None)
    o11 = {(w1, w2): n for w1, w2, n in zip(found["w1"], found["w2"], found["o11"])}
    # a: peace-treaty, treaty-talks; b: talks-on, on-peace | treaty-talks, talks-peace, peace-treaty (the comma is
    # not a token, so "talks, peace" is a pair); n = 2 + 2 + 3 pairs
    assert o11 == {("peace", "treaty"): 2, ("treaty", "talks"): 2, ("talks", "on"): 1, ("on", "peace"): 1,
                   ("talks", "peace"): 1}
    assert set(found["n"]) == {7}
    f = {(w1, w2): (f1, f2) for w1, w2, f1, f2 in zip(found["w1"], found["w2"], found["f1"], found["f2"])}
    # peace begins peace-treaty twice, ends on-peace and talks-peace; talks begins talks-on and talks-peace
    assert f[("peace", "treaty")] == (2, 2) and f[("talks", "peace")] == (2, 2) and f[("on", "peace")] == (1, 2)
    # window 2 adds peace-talks (a), talks-peace (b: talks on peace), treaty-peace and talks-treaty (b, 2nd sentence)
    wide = frequency.collocations(_pairs_in_two_orders(), window=2, min_count=1, stopwords=None)
    o11 = {(w1, w2): n for w1, w2, n in zip(wide["w1"], wide["w2"], wide["o11"])}
    assert o11[("talks", "peace")] == 2 and o11[("peace", "talks")] == 1 and o11[("treaty", "peace")] == 1
    assert o11[("talks", "treaty")] == 1 and set(wide["n"]) == {7 + 1 + 1 + 2}
    f = {(w1, w2): (f1, f2) for w1, w2, f1, f2 in zip(wide["w1"], wide["w2"], wide["f1"], wide["f2"])}
    # treaty begins 3 pairs (a: treaty-talks; b: treaty-talks, treaty-peace), peace ends 4 (b: on-peace,
    # talks-peace twice, treaty-peace)
    assert f[("treaty", "peace")] == (3, 4)


@pytest.mark.parametrize("size", [1, 1000])
def test_ngrams_count_ngrams_met_in_any_order(monkeypatch, size):
    monkeypatch.setattr(pages, "BLOCK_TOKENS", size)
    found = frequency.ngrams(_pairs_in_two_orders(), 2, stopwords=None).set_index("term")
    assert found.loc["peace treaty", ["count", "doc_freq"]].tolist() == [2, 2]
    assert found.loc["treaty talks", ["count", "doc_freq"]].tolist() == [2, 2]
    assert found.loc["talks peace", ["count", "doc_freq"]].tolist() == [1, 1]
    assert found["count"].sum() == 7


def test_sum_pairs_counts_in_place_as_the_sort_does(monkeypatch):
    rng = np.random.default_rng(3)
    major, minor, weights = rng.integers(0, 4, 500), rng.integers(0, 60, 500), rng.integers(1, 9, 500)
    dense = frequency._sum_pairs(major, minor, weights)
    monkeypatch.setattr(frequency, "DENSE_CELLS", 0)               # every pair through the sort
    for got, want in zip(dense, frequency._sum_pairs(major, minor, weights)):
        assert got.tolist() == want.tolist()
    # by hand: (1, 4) twice with weights 2 and 3, (0, 4) once with 5
    assert [a.tolist() for a in frequency._sum_pairs(np.array([1, 0, 1]), np.array([4, 4, 4]),
                                                     np.array([2, 5, 3]))] == [[0, 1], [4, 4], [5, 5], [1, 2]]


def test_distinct_pairs_with_keys_too_large_for_32_bits():
    # 3,000,001 major values x 1,000 minor values do not fit 32-bit keys: the 64-bit path, same answer
    major, minor = np.array([3_000_000, 5, 3_000_000, 5, 5]), np.array([999, 7, 999, 0, 7])
    assert [a.tolist() for a in distinct_pairs(major, minor)] == [[5, 5, 3_000_000], [0, 7, 999], [1, 2, 2]]
    # offset majors (a later block of a stream) in 32 bits: the majors come back as they were
    assert [a.tolist() for a in distinct_pairs(np.array([70_001, 70_000, 70_001]), np.array([2, 2, 2]))] == \
        [[70_000, 70_001], [2, 2], [1, 2]]
