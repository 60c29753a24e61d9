"""The naming cues' pre-checks (kuril_research.ingest.voice.cue_starts, voice.patterns): never a different result."""

import dataclasses
import re
from pathlib import Path

import pytest

from kuril_research.ingest.gazetteer import load_gazetteer
from kuril_research.ingest.parse import parse_article
from kuril_research.ingest.sentences import split_sentences
from kuril_research.ingest.voice import mark_voice
from kuril_research.ingest.voice.lexicon import load_voice_lexicon
from kuril_research.ingest.voice.model import Subj
from kuril_research.ingest.voice.cue_starts import cue_rest, cue_starts, possible_cues, rest_literals
from kuril_research.matching.required_literals import LiteralCheck
from kuril_research.testing import paragraph_spans

RAW = Path(__file__).resolve().parents[1] / "data" / "raw" / "articles"

#: Hand-made sentences with naming cues of every shape: after an insertion, after adverbs, after nouns of a side
#: word, after "and" (a second predicate), a copula cue, a cue with its referent first, a post-posed gloss, a cue
#: inside a quotation, and sentences with no cue at all.
HAND_MADE = [
    "Japan, which lost them in 1945, calls the islands its Northern Territories.",
    "Tokyo officially calls Etorofu and Kunashiri part of its territory, and Moscow the South Kurils.",
    "Japanese maps call the island Etorofu, while Russian maps call it Iturup.",
    "Japan protested the drills and calls Iturup by its Japanese name, Etorofu.",
    "For Japan, the islands are simply the Northern Territories.",
    "Japan's name for the islands at the end of the chain is the Northern Territories.",
    "Kunashiri and Etorofu in Japanese usage, or Kunashir and Iturup in Russian, lie off Hokkaido.",
    '"We will never give up what we call the Northern Territories," the minister said.',
    "Russia refers to the islands - Iturup, Kunashir, Shikotan and the Habomai - as the South Kurils.",
    "Russia held drills on Iturup on Monday.\n\nJapan protested; the ministry called them unacceptable.",
    "The island, which Japan calls Shikotan, has a fish plant.",
    "Residents of Shikotan said the winter was hard.",
]


def _unchecked(lex):
    """The lexicon with no cue pre-check: every cue's rest is tried at every start (the slow path)."""
    return dataclasses.replace(lex, cue_suffix_checks=tuple(LiteralCheck(None) for _ in lex.cue_res),
                               cue_suffix_literals=())


def _voices(text: str, lex, paragraphs=None, title=None) -> tuple:
    """Quotations and voiced mentions of ``text``, as the build gives them (paragraphs: a blank line apart)."""
    paragraphs = paragraphs if paragraphs is not None else paragraph_spans(text)
    sentences = [(s, e) for s, e, _ in split_sentences(text, paragraphs)]
    return mark_voice(text, paragraphs, sentences, load_gazetteer().find(text), lexicon=lex, title=title)


def test_every_cue_has_a_check():
    lex = load_voice_lexicon()
    assert len(lex.cue_suffix_checks) == len(lex.cue_res)
    assert sum(check.literals is not None for check in lex.cue_suffix_checks) >= len(lex.cue_res) - 5
    # a cue without a rest ("called by {side}") is never skipped
    assert all(check.literals is None for (_, suffix), check in zip(lex.cue_res, lex.cue_suffix_checks)
               if not suffix.pattern)


def test_possible_cues_drop_a_cue_whose_words_are_absent_and_keep_it_where_they_are():
    lex = load_voice_lexicon()
    calls = next(i for i, (_, suffix) in enumerate(lex.cue_res) if suffix.pattern.endswith(r"calls(?!\w)")
                 and lex.cue_suffix_checks[i].literals == ("calls",))  # "{side} calls"
    text = "Japan still calls them the Northern Territories, and Russia still refers to them as the South Kurils."
    japan = Subj(0, 5, "japan", "place", "Japan")
    starts = cue_starts(text, text, japan, 47)  # the first clause: "Japan still calls them the Northern Territories"
    assert calls in possible_cues(starts, 47, lex)
    after, second = cue_rest(starts, lex.cue_res[calls][1], 47)
    assert (text[after.start():after.end()], second) == (" calls", False)  # after the adverb "still"
    russia = Subj(53, 59, "russia", "place", "Russia")
    starts = cue_starts(text, text, russia, len(text))
    assert calls not in possible_cues(starts, len(text), lex)  # no "calls" after Russia
    assert cue_rest(starts, lex.cue_res[calls][1], len(text)) == (None, False)  # the regex agrees


def test_possible_cues_never_drop_a_cue_that_matches():
    lex = load_voice_lexicon()
    for text in HAND_MADE:
        for m in load_gazetteer().find(text):
            subject = Subj(m.start, m.end, m.entity, m.entity_type, m.surface)
            starts = cue_starts(text, text, subject, len(text))
            kept = set(possible_cues(starts, len(text), lex))
            matched = {i for i, (_, suffix) in enumerate(lex.cue_res) if cue_rest(starts, suffix, len(text))[0]}
            assert matched <= kept, (text, m.surface)


def test_rest_literals_covers_the_masked_text_and_leaves_fold_traps_to_the_regex():
    text, masked = "Japan - Etorofu - as", "Japan           - as"
    starts = cue_starts(text, masked, Subj(0, 5, "japan", "place", "Japan"), len(text))
    assert {s for s, _ in starts[0]} == {text, masked}
    assert rest_literals(starts, len(text)) == " - etorofu - as\n           - as"
    trap = "Japan \u0131s"  # a dotless i, which re.IGNORECASE matches to "i"
    assert rest_literals(cue_starts(trap, trap, Subj(0, 5, "japan", "place", "Japan"), len(trap)), len(trap)) is None


@pytest.mark.parametrize("text", HAND_MADE)
def test_hand_made_sentences_voice_the_same_with_and_without_the_precheck(text):
    lex = load_voice_lexicon()
    assert _voices(text, lex) == _voices(text, _unchecked(lex))


def test_seed_articles_voice_the_same_with_and_without_the_precheck():
    lex = load_voice_lexicon()
    for path in sorted(RAW.iterdir()):
        art = parse_article(path.read_text(encoding="utf-8"))
        fast = _voices(art.text, lex, art.paragraphs, art.title)
        assert fast == _voices(art.text, _unchecked(lex), art.paragraphs, art.title), path.name
        assert fast[1], path.name  # the article has voiced mentions: the comparison compares something


def test_the_alternation_of_the_rests_matches_where_one_rest_does():
    # after_alternation factors out joins, gaps and first letters: at every place it must match exactly where
    # some cue's own rest matches, with and without an end (the pre-checks and lookaheads use it both ways)
    lex = load_voice_lexicon()
    rests = [suffix for _, suffix in lex.cue_res if suffix.pattern]
    assert lex.cue_suffix_re.pattern.count("){0,10}?") < sum(r.pattern.count("){0,10}?") for r in rests)  # factored
    texts = HAND_MADE + [parse_article(path.read_text(encoding="utf-8")).text for path in sorted(RAW.iterdir())]
    matched = 0
    for text in texts:
        for pos in (i for i, c in enumerate(text) if c in " ,'’-—\n"):
            end = text.find(".", pos) + 1 or len(text)
            for limit in (len(text), end):
                one = any(rest.match(text, pos, limit) for rest in rests)
                assert (lex.cue_suffix_re.match(text, pos, limit) is not None) == one, (text[pos:pos + 40], limit)
                matched += one
    assert matched >= 20


def test_the_alternation_matches_a_sentence_made_from_each_cue():
    # "{side} ..10 claims as part of its" -> "Japan claims as part of its the Northern Territories.": each cue's
    # own rest matches after "Japan", and so must the alternation of all rests
    import yaml

    from kuril_research.ingest.voice.patterns import NOTATION_RE, cue_parts

    doc = yaml.safe_load((Path(__file__).resolve().parents[1] / "kuril_research" / "data" / "voice.yaml")
                         .read_text(encoding="utf-8"))
    cues = [c for key in ("naming_cues", "naming_copula_cues") for c in doc[key]
            if not NOTATION_RE.search(c.replace("{side}", "")) and not c.rstrip().endswith("{side}")]
    lex = load_voice_lexicon()
    tried = 0
    for cue in cues:
        after = " ".join(re.sub(r"\.\.\d+", "", cue.split("{side}", 1)[1]).split())
        text = "Japan" + ("" if after[:1] in (",", "'", "’") else " ") + after + " the Northern Territories."
        if re.compile(cue_parts(cue)[1], re.I).match(text, 5) is None:
            continue  # a cue whose words need more than the gaps left out
        tried += 1
        assert lex.cue_suffix_re.match(text, 5) is not None, (cue, text)
    assert tried >= 100
