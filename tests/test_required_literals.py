"""The required-literal pre-check (kuril_research.matching.required_literals): never a different result."""

import dataclasses
import re
from pathlib import Path

import pytest

from kuril_research.ingest.parse import load_furniture_lexicon
from kuril_research.ingest.parse.lexicon import furniture_reason
from kuril_research.matching.required_literals import FOLD_TRAPS, FirstRuleMatch, literal_check, required_literals

RAW = Path(__file__).resolve().parents[1] / "data" / "raw" / "articles"


@pytest.mark.parametrize(("pattern", "expected"), [
    ("all news", {"all news"}),                     # one run of literals
    ("Advertisement", {"advertisement"}),           # lower-cased
    (r"by\s+[A-Z]\w+", {"by"}),                     # a class ends the run
    (r"(?:photo|image)\s*:", {"photo", "image"}),   # a branch: one of its literals
    (r"\d+ comments?", {" comment"}),                # an optional letter ends the run
    (r"(?:read )?more stories", {"more stories"}),  # an optional group adds nothing
    (r"x(?:ab)+", {"ab"}),                          # a repeat of one or more: its body (longer than "x")
    (r"\d+|[a-z]+", None),                          # a branch without literals
    (r"(?=.*ago).{3,9}", None),                      # a lookahead adds nothing
    (r"café menu", {" menu"}),                      # a cased letter outside ASCII ends the run
    (r"© \d{4}", {"© "}),                           # a character without case is kept
])
def test_required_literals_by_hand(pattern, expected):
    found = required_literals(pattern, re.I)
    assert (None if found is None else set(found)) == expected


def test_literals_occur_in_every_match():
    # each match of each pattern, lower-cased, holds one of its literals
    for pattern, text in [("(?:photo|image)\\s*:", "IMAGE: Kyodo"), ("by\\s+\\w+", "By Jane"),
                          ("\\d+ comments?", "12 Comments")]:
        hit = re.compile(pattern, re.I).search(text)
        assert hit is not None
        assert any(literal in hit.group().lower() for literal in required_literals(pattern, re.I))


def test_fold_traps_are_every_non_ascii_character_that_ignorecase_matches_to_an_ascii_letter():
    letters = re.compile("[a-z]", re.I)
    found = {chr(c) for c in range(0x80, 0x110000) if letters.fullmatch(chr(c))}
    assert found == set(FOLD_TRAPS)


def test_a_text_with_a_fold_trap_is_left_to_the_regex():
    check = literal_check(re.compile("kyodo", re.I))
    assert check.may_match("\u212ayodo")                # Kelvin sign K: re.I matches it to "k"
    assert re.compile("kyodo", re.I).fullmatch("\u212ayodo")
    assert not check.may_match("Tokyo")


def test_first_rule_wins_in_file_order():
    rules = FirstRuleMatch([("r0", [r"\w+ news"]), ("r1", ["all news"]), ("r2", [r"[a-z ]+"])], re.I)
    assert rules.fullmatch("All news").lastgroup == "r0"   # r1 and r2 match too: the first rule is the answer
    assert rules.fullmatch("just words").lastgroup == "r2"  # a rule without literals is always tried
    assert rules.fullmatch("12 items") is None


def test_a_rule_with_a_back_reference_keeps_the_whole_alternation():
    rules = FirstRuleMatch([("r0", [r"(?P<c>\w)(?P=c)"]), ("r1", ["zz"])], re.I)
    assert rules.fullmatch("aa").lastgroup == "r0" and rules.fullmatch("zz").lastgroup == "r0"
    assert rules.fullmatch("ab") is None


def _lines() -> list[str]:
    lines = [line.strip() for path in sorted(RAW.iterdir()) for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    # pieces of lines too: the tool-row and bar checks test a line's first words and its items
    return lines + [" ".join(line.split()[:n]) for line in lines for n in (1, 2, 3)] + [
        "All news", "- Advertisement -", "© Toru Hanai/Pool Photo via AP", "READ MORE: Japan protests drills",
        "by Jane Doe, Staff Writer", "Listen to this article", "00:23 GMT 03.03.2026", "Share Comments Print",
        "Jane Roe · 3 min read · Follow", "Support The Island Post!", "News  Opinion  Business", "12 comments",
        "Photo: Kyodo", "(c) 2019 Kyodo News", "Donate now", "Sign up for our newsletter", "\u212ayodo News"]


def test_shipped_furniture_rules_give_the_whole_alternations_result_on_every_line():
    lex = load_furniture_lexicon()
    assert lex.line_rules.pattern.pattern == lex.line_re.pattern  # the same alternation, rule for rule
    assert lex.line_rules.pattern.flags == lex.line_re.flags
    matched = 0
    for line in _lines():
        whole, fast = lex.line_re.fullmatch(line), lex.line_match(line)
        assert (whole is None) == (fast is None), line
        if whole is not None:
            matched += 1
            assert (fast.lastgroup, fast.span()) == (whole.lastgroup, whole.span()), line
    assert matched >= 15  # the hand-made furniture lines above are found


def test_furniture_reason_of_shipped_examples_unchanged():
    assert furniture_reason("All news") == "section label"
    assert furniture_reason("- Advertisement -") == "advertisement"
    assert furniture_reason("Russia values cooperation with Japan.") is None


def test_a_remembered_answer_is_the_first_answer(monkeypatch):
    rules = FirstRuleMatch([("r0", ["all news"]), ("r1", [r"\d+ comments?"])], re.I)
    first = rules.fullmatch("12 comments")
    assert rules.fullmatch("12 comments") is first  # remembered, not worked out again
    assert (first.lastgroup, first.span()) == ("r1", (0, 11))
    assert rules.fullmatch("Japan protested.") is None and rules.fullmatch("Japan protested.") is None
    monkeypatch.setattr("kuril_research.matching.required_literals.MEMO_TEXTS", 2)
    rules.fullmatch("All news")  # a third text: the memo is full, so it starts again
    assert len(rules._memo) == 1
    assert rules.fullmatch("12 comments").lastgroup == "r1"


def test_furniture_reason_remembers_per_lexicon():
    lex = load_furniture_lexicon()
    assert furniture_reason("Share Comments Print", lexicon=lex) == "navigation"  # a row of tools (worked out)
    assert lex.reason_memo["Share Comments Print"] == "navigation"
    assert furniture_reason("Share Comments Print", lexicon=lex) == "navigation"  # remembered
    other = dataclasses.replace(lex, reason_memo={})  # another lexicon has its own memo
    assert "Share Comments Print" not in other.reason_memo
    assert furniture_reason("Japan protested.", lexicon=other) is None and other.reason_memo == {"Japan protested.": None}


def test_furniture_reason_remembered_equals_worked_out_on_every_line():
    lex = load_furniture_lexicon()
    fresh = dataclasses.replace(lex, reason_memo={})
    lines = _lines()
    first = [furniture_reason(line, lexicon=fresh) for line in lines]
    assert [furniture_reason(line, lexicon=fresh) for line in lines] == first  # second time: from the memo
    # each line with an empty memo: worked out every time
    assert [furniture_reason(line, lexicon=dataclasses.replace(lex, reason_memo={})) for line in lines] == first
    assert sum(reason is not None for reason in first) >= 15
