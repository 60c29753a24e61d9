"""Trade: the cue lexicon, trade mentions, stated quantities and co-occurrence.

Corpora are built by hand (``kuril_research.testing.corpus_of_sentences``); sentences quoted from the seed
articles say which file they come from.
"""

from __future__ import annotations

import pandas as pd
import pytest

from kuril_research.coding import trade
from kuril_research.coding.cues import CueLexicon
from kuril_research.testing import corpus_of_sentences
from kuril_research.errors import LexiconError, ParameterError
from kuril_research.coding.framing import frames, load_codebook
from kuril_research.lexicons import data_path, file_sha256
from kuril_research.coding.trade import cooccurrence, load_lexicon, quantities, trade_mentions

NA = pd.NA


def rows(table: pd.DataFrame, columns: list[str]) -> list[list]:
    return table[columns].astype(object).where(table[columns].notna(), NA).values.tolist()


def one_sentence(sentence: str):
    return corpus_of_sentences({"d": [[sentence]]})


# --- lexicon -----------------------------------------------------------------------------------

def test_shipped_lexicon_categories_and_polarities():
    lexicon = load_lexicon()
    assert lexicon.ids == ["trade_volume", "investment", "energy", "fisheries", "joint_economic_activities",
                           "commissions", "sanctions_restrictions"]
    assert {e.id: e.polarity for e in lexicon.entries}["sanctions_restrictions"] == "restriction"
    assert lexicon.sha256 == file_sha256(data_path("trade.yaml"))
    overrides = {(c.entry, c.polarity) for c in lexicon.cues
                 if c.polarity != next(e.polarity for e in lexicon.entries if e.id == c.entry)}
    assert ("energy", "restriction") in overrides and ("sanctions_restrictions", "cooperation") in overrides


def test_lexicon_errors_name_file_and_line(tmp_path):
    path = tmp_path / "trade.yaml"
    path.write_text("categories:\n  - id: energy\n    label: Energy\n    polarity: friendly\n    phrases: [oil]\n",
                    encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown polarity 'friendly'") as info:
        load_lexicon(path)
    assert (info.value.path, info.value.line) == (str(path), 4)


# --- trade mentions ----------------------------------------------------------------------------

def test_done_when_sentences_from_the_seeds():
    corpus = corpus_of_sentences(
        {
            "000": [["\u201cWe value our economic and investment cooperation and we expect it to continue,\u201d "
                     "the spokesman said."]],
            "001": [["We hope the talks in Moscow will give the required impetus to joint work to rectify the "
                     "current difficult situation in bilateral relations, whose atmosphere was seriously affected "
                     "when Tokyo joined the anti-Russian sanctions on the part of some Western countries over the "
                     "situation in Ukraine."]],
            "002": [["Japan, a close ally of the US, is sticking to sanctions imposed by Washington, which makes "
                     "the dialogue even more challenging, Peskov said.",
                     "\u201cThey support the sanctions regime and this is one of the problems and situations that "
                     "prevent the signing of the peace treaty.\u201d"]],
            "004": [["Japan introduced several packages of sanctions on Russia after Moscow launched its special "
                     "military operation in Ukraine."]],
        },
        quotes=[("000", "We value our economic and investment cooperation and we expect it to continue,",
                 "dmitry_peskov")],
    )
    got = trade_mentions(corpus)
    assert list(got.columns) == ["doc_id", "sent_id", "para_id", "category", "polarity", "cue", "surface",
                                 "start", "end", "ended", "quantity_value", "quantity_unit", "quantity_kind",
                                 "direction", "quantity_text", "voice", "speaker", "lexicon_sha256"]
    assert rows(got, ["doc_id", "sent_id", "category", "polarity", "surface", "voice", "speaker"]) == [
        ["000", 0, "investment", "cooperation", "investment cooperation", "quoted", "dmitry_peskov"],
        ["001", 0, "sanctions_restrictions", "restriction", "anti-Russian sanctions", "narrator", NA],
        ["002", 0, "sanctions_restrictions", "restriction", "sanctions", "narrator", NA],
        ["002", 1, "sanctions_restrictions", "restriction", "sanctions regime", "narrator", NA],
        ["004", 0, "sanctions_restrictions", "restriction", "packages of sanctions", "narrator", NA],
    ]
    assert set(got["lexicon_sha256"]) == {load_lexicon().sha256}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 001
        ("It stated a certain decline in the volume of bilateral trade turnover over the first half of 2015.",
         [("trade_volume", "cooperation", "volume of bilateral trade turnover")]),
        # 001
        ("Kishida will also attend the XI meeting of the Russian-Japanese intergovernmental commission on trade "
         "and economic issues as its co-chairman.",
         [("commissions", "cooperation",
           "Russian-Japanese intergovernmental commission on trade and economic issues")]),
        # 001
        ("The visit should boost cooperation in fuel and energy, infrastructure and medicine.",
         [("energy", "cooperation", "fuel and energy")]),
        ("Sakhalin-2 supplies LNG to Japan.",
         [("energy", "cooperation", "Sakhalin-2"), ("energy", "cooperation", "LNG")]),
        # cues of one category joined by "and" are one mention
        ("Japanese fishermen may catch salmon and crab.",
         [("fisheries", "cooperation", "fishermen"), ("fisheries", "cooperation", "catch salmon and crab")]),
        ("The sides discussed joint economic activities on the islands.",
         [("joint_economic_activities", "cooperation", "joint economic activities")]),
        ("Russia revoked Japan\u2019s most-favoured-nation status and faced asset freezes.",
         [("sanctions_restrictions", "restriction", "most-favoured-nation status"),
          ("sanctions_restrictions", "restriction", "asset freezes")]),
        # per-cue polarity overrides the category's
        ("Mitsui may withdraw from Sakhalin-2.", [("energy", "restriction", "withdraw from Sakhalin-2")]),
        ("Business hopes for the lifting of sanctions.",
         [("sanctions_restrictions", "cooperation", "lifting of sanctions")]),
        # whole words only: "oil" is not in "turmoil", "gas" not in "Vegas"
        ("Turmoil in Las Vegas.", []),
    ],
)
def test_trade_categories_and_polarity(sentence, expected):
    got = trade_mentions(one_sentence(sentence))
    assert list(zip(got["category"], got["polarity"], got["surface"])) == expected


# --- quantities --------------------------------------------------------------------------------

def test_quantity_of_seed_001():
    # 001, verbatim
    sentence = ("It stated a certain decline in the volume of bilateral trade turnover over the first half of "
                "2015 (by about 25%).")
    got = quantities(one_sentence(sentence))
    assert list(got.columns) == ["doc_id", "sent_id", "category", "cue", "value", "unit", "kind", "direction",
                                 "sign", "signed_value", "period", "text", "start", "end", "lexicon_sha256"]
    assert rows(got, ["category", "value", "unit", "kind", "sign", "signed_value", "direction", "period", "text"]) \
        == [["trade_volume", 25.0, "%", "change", -1, -25.0, "down", "first half of 2015", "25%"]]
    assert sentence[got["start"][0]:got["end"][0]] == "25%"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # (category, value, unit, sign, signed_value, period, text)
        ("Trade turnover reached $20 billion in 2014.",
         [("trade_volume", 2e10, "USD", NA, NA, "2014", "$20 billion")]),
        ("Japanese investment in Russia may reach 1.5 trillion yen.",
         [("investment", 1.5e12, "JPY", NA, NA, NA, "1.5 trillion yen")]),
        ("Bilateral trade fell by 30 percent last year.",
         [("trade_volume", 30.0, "%", -1, -30.0, "last year", "30 percent")]),
        # "imports of Russian LNG" is one energy mention, which the figure measures
        ("Japan\u2019s imports of Russian LNG rose 12% in January-June.",
         [("energy", 12.0, "%", 1, 12.0, "January-June", "12%")]),
        # the nearest direction word gives each figure its sign
        ("Exports grew 5% while imports fell 10% in the first quarter of 2016.",
         [("trade_volume", 5.0, "%", 1, 5.0, "first quarter of 2016", "5%"),
          ("trade_volume", 10.0, "%", -1, -10.0, "first quarter of 2016", "10%")]),
        ("A 25% decline in bilateral trade.", [("trade_volume", 25.0, "%", -1, -25.0, NA, "25%")]),
        # a level reached by a cut is a level, not a change of -2,000 tonnes
        ("Fish quotas were cut to 2,000 tonnes for 2016.",
         [("fisheries", 2000.0, "tonnes", NA, NA, "2016", "2,000 tonnes")]),
        # "up to" is a ceiling, not growth
        ("Tokyo is ready to invest up to $5bn.", [("investment", 5e9, "USD", NA, NA, NA, "$5bn")]),
        ("Bilateral trade rose by 3.5 percentage points.",
         [("trade_volume", 3.5, "pp", 1, 3.5, NA, "3.5 percentage points")]),
        # no trade cue in the sentence: no quantity; a year alone is not a quantity
        ("Turnout rose 12% in 2015.", []),
        ("Bilateral trade in 2015 and 2016.", []),
    ],
)
def test_quantities(sentence, expected):
    got = quantities(one_sentence(sentence))
    assert [tuple(r) for r in rows(got, ["category", "value", "unit", "sign", "signed_value", "period", "text"])] \
        == expected


# --- co-occurrence -----------------------------------------------------------------------------

@pytest.fixture
def cooc_corpus():
    return corpus_of_sentences(
        {
            "a": [["Bilateral trade fell after Tokyo joined the anti-Russian sanctions.",  # s0 trade, sanctions
                   "Fishing near the Southern Kurils goes on."],                          # s1 trade, territory
                  ["Investment cooperation continues.",                                   # s2 trade
                   "The Southern Kurils remain Russian."],                                # s3 territory
                  ["Sanctions remain."]],                                                 # s4 sanctions only
            "b": [["Japan wants the Northern Territories back and LNG from Sakhalin-2."]],  # trade, territory
            "c": [["The weather was fine."]],                                             # nothing
        },
        documents={"a": {"outlet": "TASS"}, "b": {"outlet": "Kyodo"}, "c": {"outlet": "Kyodo"}},
        mentions=[("Southern Kurils", "southern_kurils", "collective_name", "russian"),
                  ("Northern Territories", "northern_territories", "collective_name", "japanese"),
                  ("Tokyo", "tokyo", "place", "neutral")],   # not territorial
    )


COUNTS = ["trade_units", "with_territory", "with_sanctions", "share_with_territory", "share_with_sanctions"]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, [["a", "sentence", 3, 1, 1, 1 / 3, 1 / 3],      # s0, s1, s2 (s4 is only sanctions talk)
              ["b", "sentence", 1, 1, 0, 1.0, 0.0],
              ["c", "sentence", 0, 0, 0, NA, NA]]),
        ({"unit": "paragraph"},
         [["a", "paragraph", 2, 2, 1, 1.0, 0.5],             # P0 (s0, s1), P1 (s2, s3)
          ["b", "paragraph", 1, 1, 0, 1.0, 0.0],
          ["c", "paragraph", 0, 0, 0, NA, NA]]),
        ({"exclude_categories": ()},
         [["a", "sentence", 4, 1, 2, 0.25, 0.5],             # s4 counts now
          ["b", "sentence", 1, 1, 0, 1.0, 0.0],
          ["c", "sentence", 0, 0, 0, NA, NA]]),
    ],
)
def test_cooccurrence_by_document(cooc_corpus, options, expected):
    got = cooccurrence(cooc_corpus, **options)
    assert rows(got, ["doc_id", "unit", *COUNTS]) == expected
    assert got["lexicon_sha256"].eq(load_lexicon().sha256).all()
    assert got["codebook_sha256"].eq(load_codebook().sha256).all()


def test_cooccurrence_by_outlet(cooc_corpus):
    got = cooccurrence(cooc_corpus, by="outlet")
    assert list(got.columns) == ["outlet", "unit", *COUNTS, "lexicon_sha256", "codebook_sha256"]
    assert rows(got, ["outlet", *COUNTS]) == [["Kyodo", 1, 1, 0, 1.0, 0.0], ["TASS", 3, 1, 1, 1 / 3, 1 / 3]]


def test_each_lexicon_scans_the_sentences_once(cooc_corpus, monkeypatch):
    """Report 04 asks for trade mentions, quantities and two co-occurrence tables: one scan per lexicon."""
    scans = []
    real = CueLexicon._match

    def counting(self, sentences):
        scans.append(self.path.name)
        return real(self, sentences)

    monkeypatch.setattr(CueLexicon, "_match", counting)
    lexicon, codebook = load_lexicon(), load_codebook()
    trade_mentions(cooc_corpus, lexicon)
    quantities(cooc_corpus, lexicon)
    by_document = cooccurrence(cooc_corpus, lexicon, codebook=codebook)
    by_outlet = cooccurrence(cooc_corpus, lexicon, by="outlet", codebook=codebook)
    assert sorted(scans) == ["frames.yaml", "trade.yaml"]
    # the same numbers as test_cooccurrence_by_document and _by_outlet
    assert rows(by_document, ["doc_id", "trade_units", "with_territory", "with_sanctions"]) == [
        ["a", 3, 1, 1], ["b", 1, 1, 0], ["c", 0, 0, 0]]
    assert rows(by_outlet, ["outlet", *COUNTS]) == [["Kyodo", 1, 1, 0, 1.0, 0.0], ["TASS", 3, 1, 1, 1 / 3, 1 / 3]]


def test_cooccurrence_takes_frame_hits_and_never_recodes_them(cooc_corpus, monkeypatch):
    from kuril_research.coding import framing

    hits = framing.frames(cooc_corpus)

    def no_coding(*args, **kwargs):
        raise AssertionError("cooccurrence coded the frames again")

    monkeypatch.setattr(trade, "code_frames", no_coding)
    monkeypatch.setattr(framing, "frames", no_coding)
    got = cooccurrence(cooc_corpus, frames=hits)
    assert rows(got, ["doc_id", *COUNTS]) == [["a", 3, 1, 1, 1 / 3, 1 / 3], ["b", 1, 1, 0, 1.0, 0.0],
                                              ["c", 0, 0, 0, NA, NA]]        # as test_cooccurrence_by_document
    # the hits decide: without the sanctions hit of sentence 0, no trade sentence is with sanctions
    fewer = hits[~((hits["doc_id"] == "a") & (hits["sent_id"] == 0))]
    assert rows(cooccurrence(cooc_corpus, frames=fewer), ["doc_id", "with_sanctions"]) == [
        ["a", 0], ["b", 0], ["c", 0]]


def test_cooccurrence_refuses_frame_hits_of_another_codebook(cooc_corpus, tmp_path):
    hits = frames(cooc_corpus)
    other = tmp_path / "frames.yaml"
    other.write_text(load_codebook().path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    with pytest.raises(ParameterError) as info:
        cooccurrence(cooc_corpus, frames=hits, codebook=other)
    assert info.value.field == "codebook"


def test_an_edited_sentence_is_scanned_again(cooc_corpus):
    lexicon = load_lexicon()
    assert "c" not in set(trade_mentions(cooc_corpus, lexicon)["doc_id"])       # "The weather was fine."
    s = cooc_corpus.sentences
    i = s.index[s["doc_id"] == "c"][0]
    s.loc[i, "text"] = "Bilateral trade rose."                                  # same length, edited in place
    got = trade_mentions(cooc_corpus, lexicon)
    assert rows(got[got["doc_id"] == "c"], ["category", "surface"]) == [["trade_volume", "Bilateral trade"]]


@pytest.mark.parametrize(
    ("options", "field"),
    [({"unit": "word"}, "unit"), ({"exclude_categories": ("sanction",)}, "exclude_categories"),
     ({"by": "paper"}, "by")],
)
def test_cooccurrence_bad_options(cooc_corpus, options, field):
    with pytest.raises(ParameterError) as info:
        cooccurrence(cooc_corpus, **options)
    assert info.value.field == field


def test_public_names_are_documented():
    for name in trade.__all__:
        obj = getattr(trade, name)
        if callable(obj):
            assert obj.__doc__ and "Examples" in obj.__doc__ and "Returns" in obj.__doc__, name


def test_on_the_seed_corpus(seed_corpus):
    """The seed 001 figure and the seed sanctions, as the corpus builder reads the seeds."""
    got = quantities(seed_corpus)
    assert rows(got, ["category", "value", "unit", "sign", "signed_value", "period"]) == [
        ["trade_volume", 25.0, "%", -1, -25.0, "first half of 2015"]]
    assert got["doc_id"].str.startswith("001").all()
    mentions = trade_mentions(seed_corpus)
    assert {"000", "001", "002", "004"} <= set(mentions["doc_id"].str[:3])
    assert set(mentions.loc[mentions["doc_id"].str.startswith("000"), "category"]) == {"investment"}


def test_quantities_skip_no_sentence_with_a_figure():
    """Only sentences with a digit are scanned for figures, and only those with a figure for direction
    and period; a sentence between them must change nothing (here "fell" and "2014" in sentence 1)."""
    corpus = corpus_of_sentences({"d": [["Bilateral trade fell sharply in 2014.",
                                     "Bilateral trade rose by 5% in the first half of 2015.",
                                     "Trade turnover reached $20 billion.",
                                     "Bilateral trade grew."]]})
    q = quantities(corpus)
    assert rows(q, ["sent_id", "value", "unit", "sign", "direction", "period", "text"]) == [
        [1, 5.0, "%", 1, "up", "first half of 2015", "5%"],
        [2, 2e10, "USD", NA, "none", NA, "$20 billion"],
    ]


def test_cooccurrence_lists_groups_in_ascending_order():
    corpus = corpus_of_sentences({"d1": [["Bilateral trade fell."]], "d2": [["Exports grew."]], "d3": [["Nothing."]]},
                             documents={"d1": {"year": 2021}, "d2": {"year": 2015}, "d3": {"year": 2019}})
    got = cooccurrence(corpus, by="year")
    assert got["year"].tolist() == [2015, 2019, 2021]
    assert got["trade_units"].tolist() == [1, 0, 1]


# --- polarity in context, new cues, quantities as level or change (issue #13) ------------------

@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # verbs of seizing, withdrawing, ending and negation make a cooperation cue a restriction
        ("Russia seized four Japanese fishing boats.", [("fisheries", "restriction", True)]),
        ("Moscow will withdraw from joint economic activities.",
         [("joint_economic_activities", "restriction", True)]),
        ("Two fishing boats were seized near Kunashir.", [("fisheries", "restriction", True)]),
        ("There will be no investment on the islands.", [("investment", "restriction", True)]),
        # not an ender: "cut" is a movement, and two negatives cancel
        ("The catch quota was cut.", [("fisheries", "cooperation", False)]),
        ("Sanctions have not stopped Japanese investment.",
         [("sanctions_restrictions", "restriction", False), ("investment", "cooperation", False)]),
        # an ender in another clause governs nothing
        ("Tokyo halted the talks, but fishing goes on.", [("fisheries", "cooperation", False)]),
        # restriction cues keep their polarity; lifting sanctions is cooperation
        ("Tokyo may ease the sanctions.", [("sanctions_restrictions", "cooperation", False)]),
    ],
)
def test_polarity_in_context(sentence, expected):
    got = trade_mentions(one_sentence(sentence))
    assert list(zip(got["category"], got["polarity"], got["ended"])) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Companies on the islands get tax breaks.", [("investment", "tax breaks")]),
        ("A special economic zone opened on Shikotan.", [("investment", "special economic zone")]),
        ("Japan needs energy.", [("energy", "energy")]),
        ("A wind power plant was built.", [("energy", "wind power plant")]),
        ("Sea urchin aquaculture is growing.", [("fisheries", "Sea urchin aquaculture")]),
        ("Trade-and-economic cooperation is frozen.", [("trade_volume", "Trade-and-economic cooperation")]),
        # one mention for a list of one category
        ("Japan buys oil, gas and coal.", [("energy", "oil, gas and coal")]),
        # a sector word governed by a trade word is one mention of the sector
        ("Imports of Russian LNG rose.", [("energy", "Imports of Russian LNG")]),
    ],
)
def test_new_cues_and_one_mention_per_phrase(sentence, expected):
    got = trade_mentions(one_sentence(sentence))
    assert list(zip(got["category"], got["surface"])) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # (category, quantity_value, quantity_unit, quantity_kind, direction)
        ("Bilateral trade fell to $10 billion.", [("trade_volume", 10.0, "USD_bn", "level", "down")]),
        ("Bilateral trade fell by 10%.", [("trade_volume", 10.0, "percent", "change", "down")]),
        ("Bilateral trade totalled 2.1 trillion yen.", [("trade_volume", 2.1, "JPY_tn", "level", "none")]),
        ("Bilateral trade grew 5 percentage points.", [("trade_volume", 5.0, "pp", "change", "up")]),
        ("A 25% drop in bilateral trade.", [("trade_volume", 25.0, "percent", "change", "down")]),
        ("The fish catch reached 2 million tonnes, up 3%.", [("fisheries", 2.0, "tonnes_m", "level", "up")]),
        # the first figure of a mention is its quantity
        ("Bilateral trade fell by 38% to $12.4 bln.", [("trade_volume", 38.0, "percent", "change", "down")]),
        # each figure to the mention of its clause, not to the nearest cue
        ("Oil exports grew 4% while fish imports fell 12%.",
         [("energy", 4.0, "percent", "change", "up"), ("fisheries", 12.0, "percent", "change", "down")]),
        # a figure after a mention that it does not measure
        ("Fishing goes on, and the mayor's budget rose to $5 million.", [("fisheries", NA, NA, NA, NA)]),
    ],
)
def test_quantity_of_each_mention(sentence, expected):
    got = trade_mentions(one_sentence(sentence))
    assert [tuple(r) for r in rows(got, ["category", "quantity_value", "quantity_unit", "quantity_kind",
                                         "direction"])] == expected


def test_a_level_is_not_signed_and_a_change_is():
    got = quantities(one_sentence("Bilateral trade fell by 38% in 2023 to $12.4 bln."))
    assert rows(got, ["kind", "direction", "value", "sign", "signed_value"]) == [
        ["change", "down", 38.0, -1, -38.0], ["level", "down", 12.4e9, NA, NA]]


def test_ended_finds_each_hit_sentence_by_document_and_number_in_any_row_order():
    from kuril_research.coding.cue_context import ended

    c = corpus_of_sentences({"a": [["Russia seized four fishing boats.", "Fishing boats sailed on."]],
                             "b": [["Fishing boats were seized.", "Russia seized four fishing boats."]]})
    # "fishing boats" in a/0 and b/1 follows "seized" (ended); in a/1 nothing governs it; in b/0 the
    # passive "were seized" follows it (ended). b/7 is no sentence of the table, so nothing governs it,
    # although its offsets would be governed in a/0 or b/1.
    hits = pd.DataFrame({"doc_id": ["a", "a", "b", "b", "b"], "sent_id": [0, 1, 0, 1, 7],
                         "start": [20, 34, 0, 47, 20], "end": [33, 47, 13, 60, 33]})
    assert c.sentences["start"].tolist() == [0, 34, 0, 27]
    expected = [True, False, True, True, False]
    assert ended(hits, c.sentences, load_lexicon()).tolist() == expected
    for order in ([1, 0, 3, 2], [3, 2, 1, 0]):
        shuffled = c.sentences.iloc[order].reset_index(drop=True)
        assert ended(hits, shuffled, load_lexicon()).tolist() == expected
