"""Tests for the additions to kuril_research.matching.token_patterns that voice's cues use, and for
kuril_research.matching.phrase_lists: slots, longer and lazy gaps, punctuation that joins without white space,
case kept, and phrase lists as one alternation. (Frames and trade patterns: tests/test_cues.py.)
"""

from __future__ import annotations

import re

import pytest

from kuril_research.matching.phrase_lists import phrase_alternation
from kuril_research.matching.token_patterns import TokenPatternError, compile_tokens, slot_parts


def full(regex: str, text: str) -> bool:
    return re.fullmatch(regex, text) is not None


@pytest.mark.parametrize(("pattern", "before_text", "after_text"), [
    ("which {side} calls", "which ", " calls"),
    ("which {side} calls", "which\n", "—calls"),                     # a line break or a dash at either join
    ("{side}, which calls", "", ", which calls"),
    ("{side}, which calls", "", " , which calls"),                   # white space before punctuation is allowed
    ("{side}'s name for", "", "’s name for"),                        # either apostrophe, no space before it
    ("in {side}, ..10 called", "in ", ", the islands are collectively called"),
    ("known [only] in {side} as", "known only in ", " as"),
    ("known [only] in {side} as", "known in ", " as"),
])
def test_slot_parts_match_the_words_on_either_side(pattern, before_text, after_text):
    before, after = slot_parts(pattern, "side", max_gap=10)
    assert full(before, before_text) and full(after, after_text)


def test_slot_parts_of_a_side_with_no_words_is_empty():
    assert slot_parts("{side} calls", "side")[0] == "" and slot_parts("called by {side}", "side")[1] == ""


@pytest.mark.parametrize("pattern", ["which calls", "{side} calls {side}", "which [{side}] calls",
                                     "(which {side} | what {side}) calls"])
def test_a_slot_must_stand_once_outside_brackets(pattern):
    with pytest.raises(TokenPatternError, match=r"write \{side\} once"):
        slot_parts(pattern, "side")


def test_a_slot_is_rejected_outside_slot_parts():
    with pytest.raises(TokenPatternError, match="unknown slot"):
        compile_tokens("which {side} calls")
    with pytest.raises(TokenPatternError, match="unknown slot"):
        slot_parts("which {subject} calls", "side")


def test_longer_gaps_only_when_allowed():
    with pytest.raises(TokenPatternError, match=r"use \.\.1 to \.\.5"):
        compile_tokens("claims ..6 as its")
    regex = compile_tokens("claims ..7 as its", max_gap=10)
    assert full(regex, "claims the four islands off hokkaido as its")            # 5 words
    assert not full(regex, "claims the one two three four five six seven eight as its")   # 8 words


def test_a_lazy_gap_ends_at_the_first_word_that_can_end_it():
    _, greedy = slot_parts("{side} refers to ..10 as", "side", max_gap=10)
    _, lazy = slot_parts("{side} refers to ..10 as", "side", max_gap=10, lazy=True)
    text = " refers to them as the kurils and treats them as its own"
    assert re.match(greedy, text).group() == " refers to them as the kurils and treats them as"
    assert re.match(lazy, text).group() == " refers to them as"
    # each gap word whole, with its commas: "islands, as" still ends the gap at "as"
    assert re.match(lazy, " refers to the islands, as a rule, as").group() == " refers to the islands, as"


def test_punctuation_first_joins_without_white_space_but_a_dash_token_does_not():
    assert full(compile_tokens("japan , which"), "japan, which")
    assert full(compile_tokens("japan 's name"), "japan’s name")
    regex = compile_tokens("us -japan")                 # a dash-led word keeps the gap before it (frames.yaml)
    assert full(regex, "us-japan") and full(regex, "us - japan") and not full(regex, "usjapan")


def test_keep_case():
    assert full(compile_tokens("We"), "we")                       # lower-cased on load by default
    assert full(compile_tokens("We", keep_case=True), "We") and not full(compile_tokens("We", keep_case=True), "we")


def test_phrase_alternation_tries_the_longest_phrase_first():
    rx = re.compile(rf"(?:{phrase_alternation(['the minister', 'the foreign minister', 'the'])})")
    assert [m.group() for m in rx.finditer("the foreign minister met the minister")] == \
        ["the foreign minister", "the minister"]


@pytest.mark.parametrize("text", ["he and her said, the minister and the ministry's statement",
                                  "the foreign ministry; it; the; a spokesperson for them; sources say",
                                  "THE MINISTRY’S STATEMENT, hers, the ministryx"])
def test_grouped_and_plain_alternations_find_the_same_words(text):
    phrases = ["he", "her", "the minister", "the ministry", "the ministry's statement", "the foreign ministry",
               "the", "it", "a spokesperson", "sources", "(a | the) source"]
    plain = re.compile(rf"\b(?:{phrase_alternation(phrases)})\b", re.I)
    grouped = re.compile(rf"\b(?:{phrase_alternation(phrases, grouped=True)})\b", re.I)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_grouped_alternation_on_a_hand_example():
    phrases = ['he', 'the minister', 'the', '(a | the) source']
    grouped = re.compile(rf"\b(?:{phrase_alternation(phrases, grouped=True)})\b")
    assert [m.group() for m in grouped.finditer("the minister told a source; he and the rest")] == \
        ["the minister", "a source", "he", "the"]
