"""Sentence scan and joined text: the join and its exact lower-casing, restricted scans, matches to sentences."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from kuril_research.matching import joined_text, sentence_scan
from kuril_research.matching.joined_text import join_sentences, joined_sentences
from kuril_research.matching.re2_classes import ascii_classes, python_classes
from kuril_research.matching.sentence_scan import find_in_sentences
from kuril_research.testing import corpus_of_sentences


# --- finding a regex in the sentences ------------------------------------------------------------

def test_find_in_sentences_maps_offsets_and_groups():
    corpus = corpus_of_sentences({"d": [["Trade fell 25%.", "It rose"], ["By 3%."]]})
    found = find_in_sentences(corpus.sentences, re.compile(r"(?P<number>\d+)%"))
    assert found[["sent_id", "start", "end", "text", "number"]].values.tolist() == [
        [0, 11, 14, "25%", "25"], [2, 28, 30, "3%", "3"]]


# --- Python's classes in RE2 (used by the digit test here and by the cue prefilter) ------------------

def test_re2_classes_are_pythons():
    """The RE2 classes standing for \\w, \\d and \\s hold exactly the characters Python's re puts in them."""
    import sys

    import pyarrow as pa
    import pyarrow.compute as pc

    chars = pa.array([chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF])
    for name, python in (("word", r"\w"), ("digit", r"\d"), ("space", r"\s")):
        ours = pc.match_substring_regex(chars, pattern=f"^[{python_classes()[name]}]$").to_pylist()
        theirs = [re.fullmatch(python, ch) is not None for ch in chars.to_pylist()]
        assert ours == theirs, python
        # the ASCII classes split the first 128 characters exactly, and [^not_...] is a superset of the class
        inside = pc.match_substring_regex(chars, pattern=f"^[{ascii_classes()[name]}]$").to_pylist()
        superset = pc.match_substring_regex(chars, pattern=f"^[^{ascii_classes()['not_' + name]}]$").to_pylist()
        assert inside[:128] == theirs[:128] == superset[:128] and not any(inside[128:])
        assert all(s for s, t in zip(superset, theirs) if t)


# --- restricted scans: only some sentences, same matches there -----------------------------------

def test_rows_with_digit_use_pythons_digits():
    # "\u0663" (Arabic-Indic three) is a digit to Python's \d; "\u00b2" (superscript two) is not
    joined = join_sentences(pd.Series(["no figure", "in 2015", "", "\u0663 units", "x\u00b2"]))
    assert sentence_scan.rows_with_digit(joined).tolist() == [1, 3]


def test_a_restricted_scan_finds_what_a_full_scan_finds_in_those_sentences():
    # the lookbehind must see the sentence before ("x5" is not a figure), the lookahead the separator
    regex = re.compile(r"(?<![\w.])\d+(?:%|\b(?!\s+to\b))")
    corpus = corpus_of_sentences({"d": [["Up 5% then 7 to", "8 and x5", "9.5 up 12", "none"]]})
    joined = join_sentences(corpus.sentences["text"])
    full = sentence_scan.find_in_joined(corpus.sentences, joined, regex)
    some = sentence_scan.find_in_joined(corpus.sentences, joined, regex, np.array([1, 2]))
    assert full["text"].tolist() == ["5%", "8", "9", "12"]
    assert some["text"].tolist() == ["8", "9", "12"]
    pd.testing.assert_frame_equal(some, full[full["sent_id"].isin([1, 2])].reset_index(drop=True))


def test_the_join_is_shared_by_scans_of_one_table_until_its_text_changes():
    corpus = corpus_of_sentences({"d": [["A Peace treaty.", "No treaty."]]})
    sentences = corpus.sentences
    first = joined_sentences(sentences)
    assert joined_sentences(sentences) is first
    assert first.lowered == "a peace treaty.\x00no treaty." and first.offsets.tolist() == [0, 16]
    sentences["text"] = pd.array(["Peace.", "Treaty."], dtype=sentences["text"].dtype)
    assert joined_sentences(sentences).lowered == "peace.\x00treaty."


# --- lower-casing in Arrow: exactly Python's lower-casing of the join ---------------------------

def test_arrow_lowering_leaves_python_only_the_texts_python_would_change_differently():
    texts = pd.Series(["The Kuril ISLANDS", "Kishida’s “Northern Territories”", "ΟΔΥΣΣΕΥΣ ΣΟΦΟΣ"],
                      dtype="string[pyarrow]")
    original, lowered, offsets, lengths = join_sentences(texts)
    # ascii letters lowered; curly quotes untouched; Greek final sigma as Python's str.lower gives it
    assert lowered == "the kuril islands\x00kishida’s “northern territories”\x00οδυσσευς σοφος"
    assert offsets.tolist() == [0, 18, 51] and lengths.tolist() == [17, 32, 14]
    # a character that lower-cases to two (İ → i̇) is left as it is, and the whole join is then
    # lowered character by character (no final sigma), as _lower does with a Python join
    _, lowered, _, _ = join_sentences(pd.Series(["İzmir ΟΔΥΣΣΕΥΣ", "ok"],
                                                              dtype="string[pyarrow]"))
    assert lowered == "İzmir οδυσσευσ\x00ok"


TRICKY = st.sampled_from(["a", "Z", " ", "Σ", "ς", "İ", "I", "ß", "ẞ", "’", "—", "Ω", "\u0345", "\u00c9", "ǅ",
                          "\U00010400", "'", ".", "Ꭰ"])


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(st.lists(TRICKY, max_size=12).map("".join), min_size=1, max_size=5))
def test_arrow_lowering_equals_pythons_lowering_of_the_join(texts):
    arrow_side = join_sentences(pd.Series(texts, dtype="string[pyarrow]"))
    python_side = join_sentences(pd.Series(texts, dtype=object))
    assert arrow_side.lowered == python_side.lowered == joined_text._lower("\x00".join(texts))
    assert arrow_side.original == python_side.original


def test_the_split_is_the_arrow_lowered_sentences_or_else_the_cut_join():
    corpus = corpus_of_sentences({"d": [["A Peace treaty.", "No ΣΟΦΟΣ."]]})
    arrow = corpus.sentences
    assert joined_sentences(arrow).parts.to_pylist() == ["a peace treaty.", "no σοφος."]
    python = arrow.assign(text=arrow["text"].astype(object))      # no Arrow: the lower-cased join, cut
    assert joined_sentences(python).parts.to_pylist() == ["a peace treaty.\x00", "no σοφος."]
    assert joined_sentences(python).parts is joined_sentences(python).parts        # cut once per join
