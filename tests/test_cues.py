"""Cue lexicons: validation with file and line, phrase rules, the overlap rule, voice."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kuril_research import schema
from kuril_research.matching import scan as cue_scan
from kuril_research.matching.prefilter import prefilter_pattern
from kuril_research.coding.cues import assign_voice, load_cue_lexicon
from kuril_research.matching.joined_text import join_sentences
from kuril_research.testing import corpus_of_sentences
from kuril_research.errors import LexiconError
from kuril_research.lexicons import file_sha256


def write(tmp_path, text: str, name: str = "cues.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def lexicon(tmp_path, frames: str, **kwargs):
    """A lexicon from the body of a ``frames:`` list (indented by two spaces)."""
    return load_cue_lexicon(write(tmp_path, "frames:\n" + textwrap.dedent(frames)), section="frames", **kwargs)


def matched(lex, *sentences: str) -> list[tuple[int, str, str]]:
    """(sent_id, entry, surface) of every kept match in a one-paragraph document."""
    corpus = corpus_of_sentences({"d": [list(sentences)]})
    hits = lex.match(corpus.sentences)
    text = corpus.documents["text"].iloc[0]
    assert all(text[s:e] == surface for s, e, surface in zip(hits["start"], hits["end"], hits["surface"]))
    return list(zip(hits["sent_id"], hits["entry"], hits["surface"]))


# --- validation ---------------------------------------------------------------------------------

VALID_ENTRY = """\
  - id: treaty
    label: Treaty
    phrases: [peace treaty]
"""


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        # line 1 is "frames:", so the first entry starts on line 2
        ("  - id: treaty\n    lable: Treaty\n    phrases: [x y]\n", 3, "unknown key 'lable'"),
        ("  - id: treaty\n    phrases: [x y]\n", 2, "has no label"),
        ("  - id: treaty\n    label: '  '\n    phrases: [x y]\n", 3, "label must be non-empty"),
        (VALID_ENTRY + "  - id: treaty\n    label: Again\n    phrases: [a b]\n", 5,
         "duplicate id 'treaty' (first on line 2)"),
        ("  - id: Treaty Talks\n    label: T\n    phrases: [x y]\n", 2, "not a valid identifier"),
        ("  - id: treaty\n    label: T\n    patterns:\n      - ''\n", 5, "empty pattern"),
        ("  - id: treaty\n    label: T\n    phrases:\n      - peace treaty\n      -\n", 6, "empty phrase"),
        ("  - id: treaty\n    label: T\n    patterns:\n      - 'peace (treaty'\n", 5,
         "invalid regular expression 'peace (treaty'"),
        ("  - id: treaty\n    label: T\n    patterns:\n      - 'Peace treaty'\n", 5, "upper-case letters"),
        ("  - id: treaty\n    label: T\n    patterns:\n      - '(?:peace )?(?:treaty)?'\n", 5,
         "can match empty text"),
        ("  - id: treaty\n    label: T\n    patterns:\n      - '(?P<x>treaty)'\n", 5, "named group"),
        ("  - id: treaty\n    label: T\n    patterns:\n      - 'x(?i)y'\n", 5, "global flags"),
        ("  - id: treaty\n    label: T\n    phrases:\n      - 1956\n", 5, "is not text"),
        ("  - id: treaty\n    label: T\n", 2, "has no phrases or patterns"),
        ("  - id: treaty\n    label: T\n    phrases: peace treaty\n", 4, "'phrases' must be a list"),
        (VALID_ENTRY + "  - id: other\n    label: O\n    phrases: [Peace  Treaty]\n", 7,
         "phrase 'Peace Treaty' is listed twice (first on line 4)"),
        ("  - just text\n", 2, "must be a mapping"),
    ],
)
def test_invalid_lexicon_names_file_and_line(tmp_path, body, line, message):
    with pytest.raises(LexiconError) as info:
        lexicon(tmp_path, body)
    error = info.value
    assert (error.path, error.line) == (str(tmp_path / "cues.yaml"), line)
    assert message in error.message
    assert error.hint
    assert str(error).startswith(f"{tmp_path / 'cues.yaml'}, line {line}: ")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", 1, "expected a top-level 'frames' list"),
        ("categories:\n" + VALID_ENTRY, 1, "expected a top-level 'frames' list"),
        ("frames:\n" + VALID_ENTRY + "version: 2\n", 5, "unknown top-level key 'version'"),
        ("frames: []\n", 1, "must be a non-empty list"),
        ("frames:\n  - id: a\n    id: b\n", 3, "duplicate key 'id'"),
    ],
)
def test_invalid_file_structure(tmp_path, text, line, message):
    with pytest.raises(LexiconError, match=re.escape(message)) as info:
        load_cue_lexicon(write(tmp_path, text), section="frames")
    assert info.value.line == line


def test_polarity_default_override_and_errors(tmp_path):
    body = """\
      - id: energy
        label: Energy
        polarity: cooperation
        phrases:
          - oil and gas
          - {phrase: exit from sakhalin, polarity: restriction}
    """
    lex = lexicon(tmp_path, body, polarities=("cooperation", "restriction"))
    assert [(c.text, c.polarity, c.line) for c in lex.cues] == [
        ("oil and gas", "cooperation", 6), ("exit from sakhalin", "restriction", 7)]
    with pytest.raises(LexiconError, match="unknown polarity 'friendly'") as info:
        lexicon(tmp_path, body.replace("polarity: restriction", "polarity: friendly"),
                polarities=("cooperation", "restriction"))
    assert info.value.line == 7
    without_default = "categories:\n" + textwrap.dedent(body).replace("  polarity: cooperation\n", "")
    with pytest.raises(LexiconError, match="category has no polarity") as info:
        load_cue_lexicon(write(tmp_path, without_default), section="categories", polarities=("cooperation", "restriction"))
    assert info.value.line == 2
    with pytest.raises(LexiconError, match="unknown key 'polarity'"):  # frames have no polarity
        lexicon(tmp_path, body)


def test_lexicon_records_hash_and_file_order(tmp_path):
    lex = lexicon(tmp_path, VALID_ENTRY + "  - id: sanctions\n    label: S\n    patterns: ['sanctions?']\n")
    assert lex.ids == ["treaty", "sanctions"]
    assert [(c.entry, c.kind, c.line) for c in lex.cues] == [("treaty", "phrase", 4), ("sanctions", "pattern", 7)]
    assert lex.sha256 == file_sha256(tmp_path / "cues.yaml")


# --- matching rules ----------------------------------------------------------------------------

@pytest.fixture
def treaty(tmp_path):
    return lexicon(tmp_path, """\
      - id: treaty
        label: Treaty
        phrases: [peace treaty, anti-Russian, Japan's territory]
        patterns: ['peace treaty (?:talks|negotiations?)', 'sign(?:s|ed|ing)? (?:a |the )?peace treaty']
      - id: sanctions
        label: Sanctions
        patterns: ['sanctions?', 'russian sanctions regime']
    """)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # case-insensitive, whole words, any white space between the words of a phrase
        ("PEACE   Treaty.", [(0, "treaty", "PEACE   Treaty")]),
        ("Peacetreaty and peace treatyx.", []),
        # a hyphen in a phrase matches any dash; an apostrophe either apostrophe
        ("The anti–Russian line.", [(0, "treaty", "anti–Russian")]),
        ("Japan’s territory.", [(0, "treaty", "Japan’s territory")]),
        # overlap: the longest match wins wherever it starts ...
        ("Peace treaty talks resumed.", [(0, "treaty", "Peace treaty talks")]),
        ("They sign a peace treaty negotiations plan.", [(0, "treaty", "peace treaty negotiations")]),
        ("They sign a peace treaty talks plan.", [(0, "treaty", "sign a peace treaty")]),
        # ... across entries too, and a shorter cue elsewhere in the sentence still counts
        ("The anti-Russian sanctions regime.", [(0, "sanctions", "Russian sanctions regime")]),
        ("Sanctions and a peace treaty.", [(0, "sanctions", "Sanctions"), (0, "treaty", "peace treaty")]),
    ],
)
def test_matching_rules(treaty, sentence, expected):
    assert matched(treaty, sentence) == expected


def test_equal_length_overlap_goes_to_the_earliest(tmp_path):
    lex = lexicon(tmp_path, """\
      - id: left
        label: L
        phrases: [aa bb]
      - id: right
        label: R
        phrases: [bb cc]
    """)
    assert matched(lex, "aa bb cc.") == [(0, "left", "aa bb")]


def test_same_span_goes_to_the_cue_listed_first(tmp_path):
    lex = lexicon(tmp_path, """\
      - id: first
        label: F
        patterns: ['sanctions?']
      - id: second
        label: S
        phrases: [sanctions]
    """)
    assert matched(lex, "New sanctions.") == [(0, "first", "sanctions")]


def test_matches_never_cross_sentences(treaty):
    assert matched(treaty, "They discussed peace.", "Treaty talks followed.") == []


def test_lower_casing_that_changes_length_keeps_offsets(treaty):
    # "İ".lower() is two characters; offsets must still point into the original text
    assert matched(treaty, "İİ peace treaty.") == [(0, "treaty", "peace treaty")]


def test_empty_sentences_table(treaty):
    hits = treaty.match(schema.empty_table("sentences"))
    assert list(hits.columns) == ["doc_id", "sent_id", "para_id", "entry", "polarity", "cue", "surface",
                                  "start", "end"]
    assert hits.empty


WORDS = st.sampled_from(["peace", "treaty", "talks", "sanctions", "russian", "regime", "sign", "a", "the", "."])


@pytest.fixture(scope="module")
def overlapping(tmp_path_factory):
    return lexicon(tmp_path_factory.mktemp("lex"), """\
      - id: treaty
        label: Treaty
        phrases: [peace treaty, treaty talks]
        patterns: ['sign(?:s|ed|ing)? (?:a |the )?peace treaty']
      - id: sanctions
        label: Sanctions
        patterns: ['sanctions?', 'russian sanctions regime', 'sanctions regime']
    """)


@settings(max_examples=60, deadline=None)
@given(sentences=st.lists(st.lists(WORDS, min_size=1, max_size=12), min_size=1, max_size=4))
def test_kept_matches_are_disjoint_and_point_into_the_text(overlapping, sentences):
    lex = overlapping
    corpus = corpus_of_sentences({"d": [[" ".join(words) for words in sentences]]})
    hits = lex.match(corpus.sentences)
    text = corpus.documents["text"].iloc[0]
    spans = list(zip(hits["start"], hits["end"]))
    assert all(text[s:e] == surface for (s, e), surface in zip(spans, hits["surface"]))
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))  # ordered and disjoint
    sentence_of = corpus.sentences.set_index("sent_id")
    assert all(sentence_of.loc[i, "start"] <= s and e <= sentence_of.loc[i, "end"]
               for i, (s, e) in zip(hits["sent_id"], spans))


# --- helpers -----------------------------------------------------------------------------------


def test_assign_voice_inside_quotation_only():
    # quotation "ab cd" of doc x covers [10, 15); doc y has none
    quotes = schema.conform("quotes", [{"doc_id": "x", "quote_id": 0, "start": 10, "end": 15,
                                        "speaker": "kishida"}])
    spans = pd.DataFrame({"doc_id": ["x", "x", "x", "y"], "start": [10, 12, 13, 11], "end": [15, 14, 16, 14]})
    voiced = assign_voice(spans, quotes)
    assert voiced["voice"].tolist() == ["quoted", "quoted", "narrator", "narrator"]
    assert voiced["speaker"].tolist() == ["kishida", "kishida", pd.NA, pd.NA]


def test_corpus_of_sentences_tables_follow_the_schema():
    corpus = corpus_of_sentences(
        {"d": [["Peskov said: \u201cThe Southern Kurils are Russian.\u201d"], ["Southern Kurils again."]]},
        quotes=[("d", "The Southern Kurils are Russian.", "dmitry_peskov")],
        mentions=[("Southern Kurils", "southern_kurils", "collective_name", "russian")],
    )
    for name in ("documents", "paragraphs", "sentences", "quotes", "mentions"):
        schema.validate_table(name, getattr(corpus, name))
    text = corpus.documents["text"].iloc[0]
    assert corpus.mentions[["sent_id", "para_id", "voice", "speaker"]].values.tolist() == [
        [0, 0, "quoted", "dmitry_peskov"], [1, 1, "narrator", pd.NA]]
    assert all(text[s:e] == t for s, e, t in corpus.sentences[["start", "end", "text"]].itertuples(index=False))


def reference_match(lex, sentences: list[str]) -> list[tuple[int, int, int, str]]:
    """The overlap rule written the slow, obvious way: every cue at every word start."""
    candidates = []
    for sent_id, sentence in enumerate(sentences):
        low = sentence.lower()
        for cue in lex.cues:
            regex = re.compile(rf"(?:{cue.regex})(?!\w)")
            for pos in range(len(low)):
                found = regex.match(low, pos)
                if found and found.end() > pos and (pos == 0 or not re.match(r"\w", low[pos - 1])):
                    candidates.append((sent_id, pos, found.end(), lex.cues.index(cue)))
    kept = []
    for sent_id, start, end, cue in sorted(candidates, key=lambda c: (c[0], c[1] - c[2], c[1], c[3])):
        if all(k[0] != sent_id or end <= k[1] or k[2] <= start for k in kept):
            kept.append((sent_id, start, end, cue))
    return sorted((s, b, e, lex.cues[c].text) for s, b, e, c in kept)


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    # several cues can match at one place, one pattern has a capturing group of its own
    return lexicon(tmp_path_factory.mktemp("lex"), """\
      - id: treaty
        label: Treaty
        phrases: [peace treaty, treaty talks, peace]
        patterns: ['peace treaty(?: talks)?', '(?:sign|signed) (a|the) peace treaty', 'sign']
      - id: sanctions
        label: Sanctions
        phrases: [sanctions regime]
        patterns: ['sanctions?', 'russian sanctions(?: regime)?', 'anti-russian']
    """)


# chunks that make cues overlap and start at the same place, plus single words to break them up
CROWDED_WORDS = st.sampled_from(["peace treaty talks", "sign the peace treaty", "signed a peace", "treaty talks",
                                 "anti-russian sanctions regime", "russian sanctions", "sanction", "peace", "treaty",
                                 "talks", "regime", "sign", "a", "x"])


@settings(max_examples=150, deadline=None)
@given(sentences=st.lists(st.lists(CROWDED_WORDS, min_size=1, max_size=10).map(" ".join), min_size=1, max_size=3))
def test_match_equals_the_obvious_implementation(crowded, sentences):
    corpus = corpus_of_sentences({"d": [sentences]})
    hits = crowded.match(corpus.sentences)
    starts = corpus.sentences.set_index("sent_id")["start"]
    got = sorted((int(s), int(b) - int(starts[s]), int(e) - int(starts[s]), c)
                 for s, b, e, c in hits[["sent_id", "start", "end", "cue"]].itertuples(index=False))
    assert got == reference_match(crowded, sentences)


# --- the RE2 prefilter -------------------------------------------------------------------------

@pytest.mark.parametrize("cues, prefiltered", [
    ("tokens: ['peace treat*']", True),
    ("phrases: [u.s. sanctions]", True),
    ("tokens: ['(us | japan)-(japan | us) alliance', 'seiz* ..3 fishing boat*']", True),
    ('phrases: ["peace\\0treaty"]', False),                   # holds the separator between sentences
    ("patterns: ['peace treat(?:y|ies)']", False),               # a raw regex: every sentence is scanned
    ("patterns: ['peace\\W+treaty']", False),
    ("patterns: ['treaty(?= talks)']", False),
])
def test_prefilter_only_for_cues_written_in_our_notation(tmp_path, cues, prefiltered):
    lex = lexicon(tmp_path, f"""\
      - id: treaty
        label: Treaty
        {cues}
    """)
    assert (lex.scan.prefilter is not None) == prefiltered
    corpus = corpus_of_sentences({"d": [["A peace treaty.", "U.S. sanctions on Russia's peace\x00treaty.",
                                         "Russia seized four Japanese fishing boats.", "Nothing here."]]})
    pd.testing.assert_frame_equal(lex._match(corpus.sentences), lex._match(corpus.sentences, prefilter=False))


def gold_lines() -> list[str]:
    """Every non-empty line of the shipped gold articles (hand-written news text, data/gold/articles)."""
    folder = Path(__file__).resolve().parents[1] / "data" / "gold" / "articles"
    return [line for path in sorted(folder.glob("*.txt"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_no_cue_of_the_shipped_lexicons_matches_where_its_prefilter_does_not(shipped_lexicons):
    """Each cue's own RE2 pattern marks every gold line where the cue matches (so no sentence is dropped)."""
    lines = gold_lines()
    assert len(lines) > 500
    joined = join_sentences(pd.Series(lines, dtype="string[pyarrow]"))
    for lex in shipped_lexicons:
        row, _start, _end, cue = lex.scan.find(joined, prefilter=False, overlapping=True)   # every match of every cue
        assert len(np.unique(cue)) > len(lex.cues) // 2               # the gold lines exercise most cues
        for i, pattern in enumerate(c.prefilter for c in lex.cues):
            marked = pc.match_substring_regex(joined.parts, pattern=prefilter_pattern([pattern])).to_numpy(
                zero_copy_only=False)
            assert marked[row[cue == i]].all(), (lex.cues[i].text, lines[row[cue == i][~marked[row[cue == i]]][0]])
        marked = pc.match_substring_regex(joined.parts, pattern=lex.scan.prefilter).to_pylist()
        assert 0 < sum(marked) < len(lines)                    # the prefilter does leave lines out


def test_prefilter_gives_the_matches_of_a_full_scan_on_the_gold_lines(shipped_lexicons):
    corpus = corpus_of_sentences({"gold": [gold_lines()]})
    for lex in shipped_lexicons:
        with_prefilter = lex._match(corpus.sentences)
        assert len(with_prefilter) > 100
        pd.testing.assert_frame_equal(with_prefilter, lex._match(corpus.sentences, prefilter=False))


SHIPPED_WORDS = st.sampled_from([
    "peace treaty", "peace-treaty talks", "the Northern Territories", "anti-Russian sanctions", "sanctions",
    "bilateral trade", "trade turnover", "fell", "by 25%", "joint economic activities", "U.S.", "US-Japan",
    "alliance", "1956 Declaration", "Kuril", "Japan’s", "Russia's", "islands", "missile systems", "fishing quotas",
    "investment", "LNG", "Sakhalin-2", "the", "a", ",", ".", "\u00a0", "x1", "_", "—"])


@settings(max_examples=80, deadline=None)
@given(sentences=st.lists(st.lists(SHIPPED_WORDS, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=6))
def test_prefilter_gives_the_matches_of_a_full_scan(shipped_lexicons, sentences):
    corpus = corpus_of_sentences({"d": [sentences]})
    for lex in shipped_lexicons:
        assert lex.scan.prefilter is not None
        pd.testing.assert_frame_equal(lex._match(corpus.sentences), lex._match(corpus.sentences, prefilter=False))


@pytest.fixture(scope="module")
def shipped_lexicons():
    from kuril_research.coding.framing import load_codebook
    from kuril_research.coding.trade import load_lexicon

    return [load_codebook(), load_lexicon()]


# --- the scan: pieces and branches by first character ------------------------------------------

@pytest.mark.parametrize(("regex", "pieces"), [
    ("peace treaty", ["peace treaty"]),
    ("troops|forces", ["troops", "forces"]),
    ("(?:talks|negotiations?) on", ["talks on", "negotiations? on"]),
    ("(?:new |western )?sanctions", ["new sanctions", "western sanctions", "sanctions"]),
    ("(?:a|b(?:c|d))x", ["ax", "b(?:c|d)x"]),         # only a group at the start is cut
    ("(?:(?:a|b)c|d)x", ["acx", "bcx", "dx"]),
    ("(?:close )??ally", ["(?:close )??ally"]),      # lazy: "ally" is tried first, left whole
    ("(?:close )*ally", ["(?:close )*ally"]),
    ("(ab|cd) talks", ["(ab|cd) talks"]),           # a capturing group stays as written
    ("(?:a|)b", ["ab", "b"]),
    ("(?:a|)", ["(?:a|)"]),                          # an empty piece: left whole
])
def test_pieces_keep_the_order_in_which_re_backtracks(regex, pieces):
    assert cue_scan._pieces(regex) == pieces
    text = "x ab abx bcx talks ally close ally new sanctions"
    for pos in range(len(text)):                     # the first piece that matches gives the regex's own match
        whole = re.compile(f"(?:{regex})").match(text, pos)
        first = next((m for m in (re.compile(f"(?:{p})").match(text, pos) for p in pieces) if m), None)
        assert (whole and whole.end()) == (first and first.end())


@pytest.fixture(scope="module")
def grouped(tmp_path_factory):
    # leading groups, optional prefixes, top-level alternatives, a class and \w first (not branched), a lazy group
    return lexicon(tmp_path_factory.mktemp("lex"), r"""
      - id: treaty
        label: Treaty
        phrases: [peace treaty, treaty]
        patterns: ['(?:sign(?:ed)?|conclude) (?:a |the )?peace treaty', '(?:peace )?treaty talks?|talks',
                   '[st]alks on', '\w+ treaty', '(?:the )??treaty']
      - id: sanctions
        label: Sanctions
        patterns: ['(?:anti-russian |new )?sanctions?(?: regime)?', '(?:new|russian) sanctions', 'sign']
    """)


GROUPED_WORDS = st.sampled_from(["signed a peace treaty", "sign the peace treaty talks", "conclude peace treaty",
                                 "treaty talks on", "stalks on", "new sanctions regime", "anti-russian sanction",
                                 "russian sanctions", "the treaty", "peace", "sign", "talks", "x", "Signed"])


@settings(max_examples=150, deadline=None)
@given(sentences=st.lists(st.lists(GROUPED_WORDS, min_size=1, max_size=10).map(" ".join), min_size=1, max_size=3))
def test_branched_scan_equals_the_obvious_implementation(grouped, sentences):
    corpus = corpus_of_sentences({"d": [sentences]})
    hits = grouped.match(corpus.sentences)
    starts = corpus.sentences.set_index("sent_id")["start"]
    got = sorted((int(s), int(b) - int(starts[s]), int(e) - int(starts[s]), c)
                 for s, b, e, c in hits[["sent_id", "start", "end", "cue"]].itertuples(index=False))
    assert got == reference_match(grouped, sentences)


def test_scan_branches_on_the_first_character(grouped):
    """Pieces that begin with a plain letter share a branch; one cue that cannot be cut stays outside them."""
    pattern = grouped.scan.first.pattern
    assert pattern.startswith(r"(?<!\w)(?=p(?:(?:eace\s+treaty)(?!\w)(?P<_cue0_0>)|(?:eace treaty talks?)(?!\w)"
                              r"(?P<_cue3_0>))|t(?:")
    assert r"|s(?:(?:ign(?:ed)? (?:a |the )?peace treaty)(?!\w)(?P<_cue2_0>)|" in pattern
    for cue in (r"[st]alks on", r"\w+ treaty", r"(?:the )??treaty"):      # cues 4, 5, 6: not branched
        assert f"(?:{cue})(?!\\w)(?P<_cue{[c.regex for c in grouped.cues].index(cue)}_0>)" in pattern


def test_overlaps_are_resolved_only_where_matches_overlap():
    row = np.array([0, 0, 1, 1, 1, 2])
    start = np.array([0, 6, 0, 0, 4, 3])
    end = np.array([5, 9, 12, 3, 7, 8])
    cue = np.array([0, 1, 0, 1, 2, 0])
    # sentence 0: disjoint, both kept; sentence 1: the longest (0-12) wins; sentence 2: alone
    assert cue_scan._resolve_overlaps(row, start, end, cue).tolist() == [0, 1, 2, 5]


def test_sentences_holding_the_separator_are_split_by_offsets(treaty):
    corpus = corpus_of_sentences({"d": [["A peace\x00treaty.", "The peace treaty."]]})
    assert [s for _, _, s in matched(treaty, "A peace\x00treaty.", "The peace treaty.")] == ["peace treaty"]
    python = join_sentences(corpus.sentences["text"].astype(object))       # no Arrow: the join is cut
    assert python.parts.to_pylist() == [
        "a peace\x00treaty.", "the peace treaty."]


def test_overlaps_resolved_by_rank_equal_the_greedy_rule():
    """Thirty sentences of twenty random, overlapping matches each: the same matches as the rule taken one by one."""
    rng = np.random.default_rng(5)
    row = np.sort(rng.integers(0, 30, 600))
    start = row * 1000 + rng.integers(0, 80, 600)
    end = start + rng.integers(1, 15, 600)
    cue = rng.integers(0, 6, 600)
    by_rank = cue_scan._resolve_overlaps(row, start, end, cue)
    kept = []
    for i in sorted(range(600), key=lambda i: (row[i], start[i] - end[i], start[i], cue[i])):
        if all(row[j] != row[i] or end[i] <= start[j] or end[j] <= start[i] for j in kept):
            kept.append(i)
    assert by_rank.tolist() == sorted(kept, key=lambda i: (row[i], start[i]))


# --- token patterns, terms and exclusions (issue #13) -------------------------------------------

TOKENS_LEXICON = """\
  - id: postwar
    label: Outcome of the war
    tokens:
      - (result* | outcome*) of [the] <ww2>
      - <ww2> (results | outcome*)
      - post-war realities
  - id: trade
    label: Trade
    tokens:
      - trade and economic (cooperation | ties)
      - seiz* ..3 fishing boat*
"""


@pytest.fixture
def tokens_lexicon(tmp_path):
    path = write(tmp_path, "terms:\n  ww2: (second world war | world war (ii | two))\n"
                           "exclude:\n  - san francisco peace treaty\n"
                           "frames:\n" + TOKENS_LEXICON
                           + "  - id: treaty\n    label: Treaty\n    tokens: [peace treaty]\n")
    return load_cue_lexicon(path, section="frames")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # optional words and both word orders of one cue
        ("The results of the Second World War are fixed.", [("postwar", "results of the Second World War")]),
        ("The outcome of World War Two is final.", [("postwar", "outcome of World War Two")]),
        ("World War II results cannot be revised.", [("postwar", "World War II results")]),
        # a hyphen in a word matches a dash, a space or nothing
        ("Accept the postwar realities.", [("postwar", "postwar realities")]),
        ("Accept the post–war realities.", [("postwar", "post–war realities")]),
        # the space between tokens matches the hyphenated forms of Russian state media
        ("Trade-and-economic cooperation grew.", [("trade", "Trade-and-economic cooperation")]),
        ("Trade and economic ties grew.", [("trade", "Trade and economic ties")]),
        # a gap of up to three words
        ("Russia seized four Japanese fishing boats.", [("trade", "seized four Japanese fishing boats")]),
        ("Russia seized a very old Japanese fishing boat.", []),
        # an excluded phrase claims its words: "peace treaty" inside it codes nothing
        ("Japan signed the San Francisco Peace Treaty.", []),
        ("Japan wants a peace treaty.", [("treaty", "peace treaty")]),
        # whole words only
        ("The resultsof the second world war.", []),
    ],
)
def test_token_patterns(tokens_lexicon, sentence, expected):
    assert [(entry, surface) for _, entry, surface in matched(tokens_lexicon, sentence)] == expected


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("terms:\n  ww2: second world war\nframes:\n  - id: a\n    label: A\n    tokens:\n      - outcome of <ww1>\n",
         7, "unknown term <ww1>"),
        ("frames:\n  - id: a\n    label: A\n    tokens:\n      - (outcome | result of the war\n", 5, "missing"),
        ("frames:\n  - id: a\n    label: A\n    tokens:\n      - '[the] [war]'\n", 5, "at least one word"),
        ("frames:\n  - id: a\n    label: A\n    tokens:\n      - seiz* ..9 boats\n", 5, r"\.\.1 to \.\.5"),
        ("terms:\n  a: (x | <a>)\nframes:\n  - id: a\n    label: A\n    tokens: [<a>]\n", 2, "refers to itself"),
        ("exclude:\n  - (oops\nframes:\n  - id: a\n    label: A\n    tokens: [war]\n", 2, "exclude"),
    ],
)
def test_token_pattern_errors_name_file_and_line(tmp_path, body, line, message):
    path = write(tmp_path, body)
    with pytest.raises(LexiconError, match=message) as info:
        load_cue_lexicon(path, section="frames")
    assert (info.value.path, info.value.line) == (str(path), line)


def test_side_and_when_ended_are_validated(tmp_path):
    good = ("frames:\n  - id: a\n    label: A\n    side: russia\n    when_ended: +b\n    tokens:\n      - war\n"
            "      - {tokens: peace, side: none}\n  - id: b\n    label: B\n    tokens: [talks]\n")
    lex = load_cue_lexicon(write(tmp_path, good), section="frames", entry_keys=("side", "when_ended"))
    assert [(c.text, c.side, c.when_ended) for c in lex.cues] == [("war", "russia", "+b"), ("peace", None, "+b"),
                                                                   ("talks", None, None)]
    for old, new, line, message in [("side: russia", "side: china", 4, "unknown side"),
                                     ("when_ended: +b", "when_ended: c", 5, "not an entry")]:
        path = write(tmp_path, good.replace(old, new), "bad.yaml")
        with pytest.raises(LexiconError, match=message) as info:
            load_cue_lexicon(path, section="frames", entry_keys=("side", "when_ended"))
        assert info.value.line == line
    with pytest.raises(LexiconError, match="unknown key 'side'"):
        load_cue_lexicon(write(tmp_path, good, "plain.yaml"), section="frames")


def test_prefilter_stays_exact_with_token_patterns(tokens_lexicon):
    """Token patterns have no lookaround or negated class: the RE2 prefilter still applies and changes nothing."""
    assert tokens_lexicon.scan.prefilter is not None
    corpus = corpus_of_sentences({"d": [["No cue here.", "World War II results and trade-and-economic ties.",
                                     "Nothing.", "Peace treaty; seized two fishing boats."]]})
    assert tokens_lexicon._match(corpus.sentences).equals(tokens_lexicon._match(corpus.sentences, prefilter=False))


# Scanning in slices of sentences (CueLexicon.match with more than BATCH_SENTENCES sentences) must find
# exactly what one scan of the whole join finds.

def test_slices_give_the_matches_of_one_scan_on_the_gold_lines(shipped_lexicons):
    corpus = corpus_of_sentences({"gold": [gold_lines()]})
    for lex in shipped_lexicons:
        whole = lex._match(corpus.sentences, batch=len(corpus.sentences))
        assert len(whole) > 100
        for batch in (97, 1000):              # slice boundaries fall at odd places among the lines
            pd.testing.assert_frame_equal(lex._match(corpus.sentences, batch=batch), whole)


@settings(max_examples=30, deadline=None)
@given(sentences=st.lists(st.lists(SHIPPED_WORDS, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=6),
       batch=st.integers(1, 4))
def test_slices_give_the_matches_of_one_scan(shipped_lexicons, sentences, batch):
    corpus = corpus_of_sentences({"d": [sentences[:3], sentences[3:]]})
    for lex in shipped_lexicons:
        pd.testing.assert_frame_equal(lex._match(corpus.sentences, batch=batch),
                                      lex._match(corpus.sentences, batch=len(sentences)))


def test_a_raw_regex_that_looks_past_a_sentence_is_scanned_whole(tmp_path):
    # The lookbehind sees the separator before the second sentence in the whole join, but would see the
    # start of the text if that sentence began a slice of its own: such a lexicon is never sliced.
    lex = lexicon(tmp_path, """\
      - id: treaty
        label: Treaty
        patterns: ['(?<=\\W)treaty']
    """)
    assert lex.scan.prefilter is None
    corpus = corpus_of_sentences({"d": [["Treaty.", "Treaty."]]})
    found = lex._match(corpus.sentences, batch=1)
    assert found["sent_id"].tolist() == [1]
    pd.testing.assert_frame_equal(found, lex._match(corpus.sentences, batch=2))


def test_a_lexicon_compiles_its_scan_when_it_first_matches_not_when_loaded(tmp_path, monkeypatch):
    # A notebook that reads stored cue tables, or shows a lexicon's labels, never pays for compiling the scan.
    path = tmp_path / "frames.yaml"
    path.write_text("frames:\n  - id: talks\n    label: Talks\n    phrases: [peace treaty]\n", encoding="utf-8")
    compiled = []
    real = cue_scan.CueScan.compile
    monkeypatch.setattr(cue_scan.CueScan, "compile", classmethod(lambda cls, *a: compiled.append(1) or real(*a)))
    lex = load_cue_lexicon(path, section="frames")
    assert compiled == [] and lex.ids == ["talks"] and lex.scan.prefilter is not None
    sentences = corpus_of_sentences({"a": [["No cue here.", "The peace treaty."]]}).sentences
    # offsets in the document: "No cue here. " is 13 characters, "The " 4 more
    assert lex.match(sentences)[["sent_id", "start", "end"]].values.tolist() == [[1, 17, 29]]
    lex.match(sentences)
    assert compiled == [1]                                       # once, at the first match
