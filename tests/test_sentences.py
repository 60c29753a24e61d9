"""Sentence splitting: the fast path gives exactly Punkt's spans, and is really taken.

:func:`kuril_research.ingest.sentences._punkt_spans` is the reference (Punkt on every
paragraph); :func:`split_sentences` must agree with it on the seed articles, on
generated articles and on random text full of the characters Punkt reacts to
(end marks, quotes, brackets, abbreviations, initials, numbers, ellipses, line
breaks). ``FUZZ_EXAMPLES`` (or the environment variable of the same name) sets
the number of random examples per property.
"""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktLanguageVars

from kuril_research.ingest import sentences
from kuril_research.ingest.parse import parse_article
from kuril_research.ingest.sentences import (
    _fast_spans,
    _punkt_spans,
    _tokenizer,
    split_sentences,
)

from .conftest import RAW, generate_corpus

FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "400"))
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ------------------------------------------------------------------------------------------ strategies
ABBREVIATIONS = ["U.S.", "u.s.", "U.K.", "Jan.", "jan.", "Dr.", "St.", "Mr.", "Mrs.", "Gen.", "e.g.", "i.e.", "etc.",
                 "a.m.", "p.m.", "No.", "Inc.", "Corp.", "ex-Gov.", "Sept.", "vs.", "U.S.S.R.", "“Dr.", '"Dr.', "(Jan."]
PIECES = st.sampled_from([
    ".", "?", "!", '"', "”", "“", "'", "’", "‘", ")", "(", "]", "[", "}", "{", "«", "»", ",", ";", ":", "-", "--",
    "%", "&", "/", "$", "_", "#", "*", "@", "`", " ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2003", "\x1c",
    "...", "…", ". . .", "?!", "!!", ".”", ".\"", "?”", "!)", ".)", "].", "%).", "’s", "'s", "n’t",
    "J.", "A.", "k.", "É.", "5.", "1945.", "3.5", "1,000.", "-2.", ".5", "12%", "2.0.", "Ⅻ.", "²", "٣.",
    "The", "the", "Tokyo", "tokyo", "said", "Peskov", "Smith", "é", "İ", "ß", "Ж", "ж", "K", "\u0301", "\u200b",
    *ABBREVIATIONS,
])
LETTERS = st.characters(min_codepoint=0x20, max_codepoint=0x2FF, blacklist_categories=["Cs"])
#: random text rich in what Punkt reacts to: most of it falls back to Punkt
TRICKY_TEXT = st.lists(st.one_of(PIECES, st.text(LETTERS, max_size=4)), max_size=40).map("".join)

WORD_BODIES = st.one_of(
    st.sampled_from(["said", "Japan", "Russia’s", "treaty", "Kunashiri", "the", "A", "b", "J", "I", "5", "1945",
                     "3.5", "1,000", "12%", "$5.3", "U.S", "U.S.-Japan", "ex-Gov", "co-chair", "a.m", "kuril.com",
                     "Gov", "gov", "St", "jan", "No", "no", "É", "é", "Ж", "2", "-2", "x/y", "R&D", "rock’n’roll",
                     "it's", "e.g", "Mr", "mrs", "+5", "C++", "Ⅻ", "٣", "İ"]),
    st.text(st.sampled_from("abcXYZ019éЖ-’'%,."), min_size=1, max_size=6),
)
WORDS = st.builds(
    lambda opening, quote, body, closing, mark, after: opening + quote + body + closing + mark + after,
    st.sampled_from(["", "", "", "(", '"', "[", "(“", "{", '("']),
    st.sampled_from(["", "", "", "“", "‘", "'", "«", "’", "”", "»"]),
    WORD_BODIES,
    st.sampled_from(["", "", "", "", ")", "]", '"', "”", "’", "%)", "’”", "}", "»"]),
    st.sampled_from(["", "", "", ".", ".", ".", "?", "!", ",", ":", ";"]),
    st.sampled_from(["", "", "", "", "”", '"', ")", "’", "”)", "]", "»", "}", "'", "‘", "“"]),
)
#: words of news prose joined by spaces: most of it is decided by the fast path
SIMPLE_TEXT = st.lists(WORDS, min_size=1, max_size=25).flatmap(
    lambda words: st.lists(st.sampled_from([" ", " ", " ", "  "]), min_size=len(words), max_size=len(words)).map(
        lambda spaces: "".join(w + s for w, s in zip(words, spaces)).rstrip(" ")))
#: prose words and tricky pieces, mostly between spaces: the fast path's borderline cases
MIXED_TEXT = st.lists(st.tuples(st.one_of(WORDS, WORDS, PIECES), st.sampled_from([" ", " ", " ", " ", "", "  "])),
                      max_size=30).map(lambda pairs: "".join(w + s for w, s in pairs))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs as the parser makes them: the stripped text between blank lines."""
    paragraphs = []
    for block in re.finditer(r"(?:[^\n]|\n(?![^\S\n]*\n))+", text):
        start, end = block.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            paragraphs.append((start, end))
    return paragraphs


def _punkt(chunk: str) -> list[tuple[int, int]]:
    return list(_tokenizer().span_tokenize(chunk))


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in split_sentences(text, _paragraphs(text))]


# ------------------------------------------------------------------------------- equality with Punkt
def _assert_same_as_punkt(text, paragraphs):
    fast = _fast_spans(text)
    if fast is not None:
        assert fast == _punkt(text)
    assert split_sentences(text, paragraphs) == _punkt_spans(text, paragraphs)


@FUZZ
@given(TRICKY_TEXT)
def test_fast_path_equals_punkt_on_tricky_text(text):
    _assert_same_as_punkt(text, _paragraphs(text))


@FUZZ
@given(SIMPLE_TEXT)
def test_fast_path_equals_punkt_on_prose(text):
    _assert_same_as_punkt(text, [(0, len(text))])


@FUZZ
@given(MIXED_TEXT)
def test_fast_path_equals_punkt_on_mixed_text(text):
    _assert_same_as_punkt(text, _paragraphs(text))


@FUZZ
@given(TRICKY_TEXT)
def test_split_sentences_equals_punkt_on_parsed_articles(raw):
    art = parse_article(raw)
    assert split_sentences(art.text, art.paragraphs) == _punkt_spans(art.text, art.paragraphs)


def test_seed_articles_equal_punkt():
    paths = sorted(RAW.glob("*.txt"))
    assert len(paths) == 5
    for path in paths:
        art = parse_article(path.read_text(encoding="utf-8"))
        assert art.paragraphs
        assert split_sentences(art.text, art.paragraphs) == _punkt_spans(art.text, art.paragraphs), path.name


@pytest.fixture(scope="module")
def generated_articles(tmp_path_factory):
    corpus = generate_corpus(300, tmp_path_factory.mktemp("sentences"), seed=11)
    return [parse_article(path.read_text(encoding="utf-8")) for path in sorted(corpus.raw_dir.glob("*.txt"))]


def test_generated_articles_equal_punkt(generated_articles):
    assert len(generated_articles) == 300
    for art in generated_articles:
        assert split_sentences(art.text, art.paragraphs) == _punkt_spans(art.text, art.paragraphs)


def test_over_long_paragraph_equals_punkt(generated_articles):
    """A paragraph cut into chunks: each chunk goes to the fast path or Punkt on its own."""
    body = " ".join(art.text[s:e] for art in generated_articles[:60] for s, e in art.paragraphs)
    text = body + " A final clause with no end mark"
    assert len(text) > 3 * sentences.MAX_CHUNK_CHARS
    assert split_sentences(text, [(0, len(text))]) == _punkt_spans(text, [(0, len(text))])


# ------------------------------------------------------------------------------------ worked examples
@pytest.mark.parametrize("text, expected", [
    ("Officials in the U.S. met on Jan. 5. Nothing changed.",
     ["Officials in the U.S. met on Jan. 5.", "Nothing changed."]),
    ('"We will continue," the spokesman said. Talks resume in May.',
     ['"We will continue," the spokesman said.', "Talks resume in May."]),
    ("He said: “Tokyo’s position has not changed.” Lavrov disagreed.",
     ["He said: “Tokyo’s position has not changed.”", "Lavrov disagreed."]),
    ("Is a deal possible? Peskov doubted it! Talks went on.",
     ["Is a deal possible?", "Peskov doubted it!", "Talks went on."]),
    ("J. Smith met Dr. Ivanov and Gen. Petrov at 10 a.m. on Monday.",
     ["J. Smith met Dr. Ivanov and Gen. Petrov at 10 a.m. on Monday."]),
    ("Trade grew 12% (to $5.3 billion). Exports of LNG rose 3.5% in 2019. The rest fell.",
     ["Trade grew 12% (to $5.3 billion).", "Exports of LNG rose 3.5% in 2019.", "The rest fell."]),
    # untrained Punkt: a number before a lower-case word does not end a sentence
    ("Cooperation stalled in 2014. it never recovered.", ["Cooperation stalled in 2014. it never recovered."]),
    # ... but a word in quotes ending a sentence does, even before a lower-case word
    ('He replied "Never." and left.', ['He replied "Never."', "and left."]),
    # an ellipsis does not end a sentence (this paragraph goes to Punkt)
    ("Talks... stalled. Then they resumed.", ["Talks... stalled.", "Then they resumed."]),
    ("First paragraph.\n\nSecond one. With two sentences", ["First paragraph.", "Second one.", "With two sentences"]),
])
def test_worked_examples(text, expected):
    assert _sentences(text) == expected
    assert split_sentences(text, _paragraphs(text)) == _punkt_spans(text, _paragraphs(text))


# ----------------------------------------------------------------------------- the fast path is taken
def test_fast_path_decides_ordinary_prose(generated_articles, monkeypatch):
    """Seed and generated paragraphs are decided without Punkt; a future change cannot quietly undo that."""
    seed = [parse_article(path.read_text(encoding="utf-8")) for path in sorted(RAW.glob("*.txt"))]
    paragraphs = [art.text[s:e] for art in seed + generated_articles for s, e in art.paragraphs]
    assert len(paragraphs) > 3000
    fallbacks = [p for p in paragraphs if _fast_spans(p) is None]
    assert len(fallbacks) <= len(paragraphs) // 100, fallbacks[:5]

    def no_punkt():
        raise AssertionError("Punkt called for ordinary prose")

    monkeypatch.setattr(sentences, "_tokenizer", no_punkt)
    text = "Officials in the U.S. met on Jan. 5. Nothing changed.\n\nThe talks, he said, “will go on.” Why not?"
    assert [text[s:e] for s, e, _ in split_sentences(text, _paragraphs(text))] == [
        "Officials in the U.S. met on Jan. 5.", "Nothing changed.", "The talks, he said, “will go on.”", "Why not?"]


def test_punkt_decides_what_the_fast_path_refuses(monkeypatch):
    calls = []
    tokenizer = _tokenizer()

    class Spy:
        def span_tokenize(self, chunk):
            calls.append(chunk)
            return tokenizer.span_tokenize(chunk)

    monkeypatch.setattr(sentences, "_tokenizer", lambda: Spy())
    text = "Wait... what?! No.\n\nA plain sentence. And another."
    assert _sentences(text) == ["Wait...", "what?!", "No.", "A plain sentence.", "And another."]
    assert calls == ["Wait... what?! No."]


def test_fast_path_guard(monkeypatch):
    """On with the installed NLTK whatever order NLTK's set gives "?!"; off if Punkt's patterns change."""
    assert sentences._FAST_PATH_ENABLED
    original = PunktLanguageVars()._re_non_word_chars
    assert "\\?!" in original or "!\\?" in original
    for order in ("\\?!", "!\\?"):
        swapped = original.replace("\\?!", "@@").replace("!\\?", "@@").replace("@@", order)
        monkeypatch.setattr(PunktLanguageVars, "_re_non_word_chars", property(lambda self, s=swapped: s))
        assert sentences._installed_punkt() == sentences._EXPECTED_PUNKT, order
    older = "(?:[)\\\";}\\]\\*:@\\\'\\({\\[\\?!])"  # NLTK 3.9: no curly quotes
    monkeypatch.setattr(PunktLanguageVars, "_re_non_word_chars", property(lambda self: older))
    assert sentences._installed_punkt() != sentences._EXPECTED_PUNKT
    monkeypatch.setattr(sentences, "_FAST_PATH_ENABLED", False)
    assert _fast_spans("Nothing changed. Talks resume.") is None
    assert _sentences("Nothing changed. Talks resume.") == ["Nothing changed.", "Talks resume."]


def test_dotted_initials_inside_a_name_end_no_sentence():
    # "D.J." is two initials, like "J." one: no break before the family name
    text = "James D.J. Brown said so. Others disagreed."
    assert [text[s:e] for s, e, _ in split_sentences(text, [(0, len(text))])] == \
        ["James D.J. Brown said so.", "Others disagreed."]


@pytest.mark.parametrize("text, want", [
    # the example hypothesis found: Punkt itself (the reference), not only the fast path, keeps "J.J." inside
    ("J.J. n’t ", ["J.J. n’t"]),
    ("Talks with D.J. Brown ended. A.B.C. officials left.", ["Talks with D.J. Brown ended.", "A.B.C. officials left."]),
    # a number after dotted initials still starts a sentence, as after "J."; five letters are no initials
    ("They met J.J. 3 more came.", ["They met J.J.", "3 more came."]),
    ("It was A.B.C.D.E. Then it rained.", ["It was A.B.C.D.E.", "Then it rained."]),
])
def test_punkt_reads_dotted_initials_as_the_fast_path_does(text, want):
    paragraphs = _paragraphs(text)
    assert [text[s:e] for s, e, _ in _punkt_spans(text, paragraphs)] == want
    _assert_same_as_punkt(text, paragraphs)
