"""Tests for kuril_research.analysis.frequency on small corpora whose numbers can be checked on paper.

The main fixture, KURIL, has three one-paragraph documents (sentences joined by a space).
Mentions are marked by hand; "Russia", "Japan" and "Tokyo" are left as plain words.

d1  TASS   2019-01-22 (day)
    s0  Russia rejects Japan's claim to Habomai.        russia rejects japan 's claim to habomai      7
    s1  Lavrov said: "The islands are Russian."         sergey_lavrov said the islands are russian     6
        (quote "The islands are Russian." by sergey_lavrov)                                        = 13
d2  Kyodo  2019-03 (month)
    s0  Tokyo wants the Khabomai islands back.          tokyo wants the habomai islands back           6
    s1  The peace treaty talks stalled.                 the peace treaty talks stalled                 5
                                                                                                   = 11
d3  NHK    2020 (year)
    s0  The Northern Territories are Japanese.          the northern_territories are japanese          4
    s1  Tokyo wants a peace treaty in 2020.             tokyo wants a peace treaty in 2020             7
                                                                                                   = 11
Tokens with every word kept (stopwords=None, no punctuation): 13 + 11 + 11 = 35.
Habomai (d1) and Khabomai (d2) are both entity habomai: count 2.
"""

from __future__ import annotations

import gc
import itertools
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from kuril_research import schema
from kuril_research.analysis import association
from kuril_research import tokens as token_component
from kuril_research.tokens import build as token_build
from kuril_research.tokens.columns import Columns
from kuril_research.analysis import frequency as _frequency
from kuril_research.corpus import Corpus
from kuril_research.errors import CorpusTableError, LexiconError, ParameterError
from kuril_research.publish.figures import MAX_ROWS, choose_documents, plot_dispersion



class _EveryWord:
    """``kuril_research.analysis.frequency`` for the hand-made examples below, which count every word.

    The library's default is the shipped stop list (``token_options``); each call
    here that does not name its stop words passes ``stopwords=None``. The default
    itself is tested in :func:`test_default_stop_words_are_the_shipped_list`.
    """

    def __getattr__(self, name):
        function = getattr(_frequency, name)
        if name not in ("tokens", "word_list", "ngrams", "collocations", "keyness", "dispersion", "positions",
                        "trend"):
            return function
        return lambda *args, **kwargs: function(*args, **{"stopwords": None, **kwargs})


frequency = _EveryWord()

ENTITY_TYPES = {"habomai": "island_group", "northern_territories": "collective_name", "sergey_lavrov": "person"}


def make_corpus(docs: list[dict]) -> Corpus:
    """Build a Corpus with ``schema.conform`` from sentences, mentions and quotes given as text.

    Each doc: ``doc_id``, ``sentences`` (joined by one space into the text), optional
    ``mentions`` [(surface, entity)] found left to right, ``quotes`` [(text, speaker)],
    and any documents columns (outlet, year, ...).
    """
    documents, sentences, mentions, quotes = [], [], [], []
    for doc in docs:
        meta = {k: v for k, v in doc.items() if k not in ("sentences", "mentions", "quotes")}
        text = " ".join(doc["sentences"])
        documents.append({**meta, "text": text})
        spans, pos = [], 0
        for i, sentence in enumerate(doc["sentences"]):
            spans.append((pos, pos + len(sentence)))
            sentences.append({"doc_id": doc["doc_id"], "sent_id": i, "para_id": 0, "start": pos,
                              "end": pos + len(sentence), "text": sentence})
            pos += len(sentence) + 1
        quote_spans = []
        for q, (quoted, speaker) in enumerate(doc.get("quotes", [])):
            start = text.index(quoted)
            quote_spans.append((start, start + len(quoted), q, speaker))
            quotes.append({"doc_id": doc["doc_id"], "quote_id": q, "para_id": 0, "start": start,
                           "end": start + len(quoted), "text": quoted, "speaker": speaker})
        cursor = 0
        for surface, entity in doc.get("mentions", []):
            start = text.index(surface, cursor)
            end = cursor = start + len(surface)
            sent_id = next(i for i, (a, b) in enumerate(spans) if a <= start < b)
            quote = next((qs for qs in quote_spans if qs[0] <= start < qs[1]), None)
            mentions.append({"doc_id": doc["doc_id"], "sent_id": sent_id, "para_id": 0, "start": start,
                             "end": end, "surface": surface, "entity": entity,
                             "entity_type": ENTITY_TYPES.get(entity, "place"), "naming": "neutral",
                             "voice": "quoted" if quote else "narrator",
                             "speaker": quote[3] if quote else None,
                             "quote_id": quote[2] if quote else None})
    return Corpus(documents=schema.conform("documents", documents),
                  sentences=schema.conform("sentences", sentences),
                  quotes=schema.conform("quotes", quotes),
                  mentions=schema.conform("mentions", mentions))


KURIL_DOCS = [
    {"doc_id": "d1", "outlet": "TASS", "published": "2019-01-22", "date_precision": "day",
     "year": 2019, "month": 1, "day": 22,
     "sentences": ["Russia rejects Japan's claim to Habomai.", 'Lavrov said: "The islands are Russian."'],
     "mentions": [("Habomai", "habomai"), ("Lavrov", "sergey_lavrov")],
     "quotes": [("The islands are Russian.", "sergey_lavrov")]},
    {"doc_id": "d2", "outlet": "Kyodo", "published": "2019-03", "date_precision": "month",
     "year": 2019, "month": 3,
     "sentences": ["Tokyo wants the Khabomai islands back.", "The peace treaty talks stalled."],
     "mentions": [("Khabomai", "habomai")]},
    {"doc_id": "d3", "outlet": "NHK", "published": "2020", "date_precision": "year", "year": 2020,
     "sentences": ["The Northern Territories are Japanese.", "Tokyo wants a peace treaty in 2020."],
     "mentions": [("Northern Territories", "northern_territories")]},
]


@pytest.fixture(scope="module")
def kuril() -> Corpus:
    return make_corpus(KURIL_DOCS)


def row(frame: pd.DataFrame, **where) -> pd.Series:
    mask = np.ones(len(frame), dtype=bool)
    for column, value in where.items():
        mask &= (frame[column] == value).to_numpy(dtype=bool)
    assert mask.sum() == 1, f"expected one row for {where}, got {mask.sum()}"
    return frame[mask].iloc[0]


# --------------------------------------------------------------------------- tokens


def test_tokens_columns_and_dtypes(kuril):
    t = frequency.tokens(kuril)
    assert list(t.columns) == ["doc_id", "sent_id", "token_id", "start", "end", "token", "voice", "speaker",
                               "is_entity"]
    string, int64, boolean = (str(pd.Series([], dtype=d).dtype) for d in ("string", "Int64", "boolean"))
    assert [str(d) for d in t.dtypes] == [string, int64, int64, int64, int64, string, string, string, boolean]
    assert len(t) == 35                                    # 13 + 11 + 11, see the module docstring


def test_tokens_of_first_document(kuril):
    t = frequency.tokens(kuril)
    d1 = t[t.doc_id == "d1"]
    assert d1.token.tolist() == ["russia", "rejects", "japan", "'s", "claim", "to", "habomai",
                                 "sergey_lavrov", "said", "the", "islands", "are", "russian"]
    # token_id counts punctuation too: "." is 7, ":" 10, '"' 11, "." 16
    assert d1.token_id.tolist() == [0, 1, 2, 3, 4, 5, 6, 8, 9, 12, 13, 14, 15]
    assert d1.sent_id.tolist() == [0] * 7 + [1] * 6
    text = KURIL_DOCS[0]["sentences"][0]
    hab = row(d1, token="habomai")
    assert text[hab.start:hab.end] == "Habomai" and bool(hab.is_entity)


def test_khabomai_and_habomai_pool_to_one_entity_token(kuril):
    t = frequency.tokens(kuril)
    hab = t[t.token == "habomai"]
    assert hab.doc_id.tolist() == ["d1", "d2"]
    assert hab.is_entity.all()
    # no word token is produced inside a mention span
    assert not t.token.isin(["khabomai", "northern", "territories", "lavrov"]).any()
    assert row(frequency.word_list(kuril), term="habomai")["count"] == 2


@pytest.mark.parametrize("token, doc_id, voice, speaker", [
    ("islands", "d1", "quoted", "sergey_lavrov"),      # inside the quote span
    ("russian", "d1", "quoted", "sergey_lavrov"),
    ("said", "d1", "narrator", None),                  # outside it
    ("sergey_lavrov", "d1", "narrator", None),         # an entity token: the mention's voice
    ("islands", "d2", "narrator", None),
])
def test_tokens_voice_and_speaker(kuril, token, doc_id, voice, speaker):
    r = row(frequency.tokens(kuril), token=token, doc_id=doc_id)
    assert r.voice == voice
    assert (r.speaker is pd.NA) if speaker is None else (r.speaker == speaker)


@pytest.mark.parametrize("options, n_tokens", [
    ({}, 35),
    ({"keep_punct": True}, 35 + 5 + 2 + 2),            # d1: . : " . "   d2: . .   d3: . .
    ({"keep_numbers": False}, 34),                     # drops 2020
    ({"stopwords": "default"}, 25),                    # 9 + 9 + 7, listed in test_default_stop_words
])
def test_token_options_change_the_count(kuril, options, n_tokens):
    assert len(frequency.tokens(kuril, **options)) == n_tokens


def test_default_stop_words(kuril):
    t = frequency.tokens(kuril, stopwords="default")
    assert t[t.doc_id == "d1"].token.tolist() == ["russia", "rejects", "japan", "claim", "habomai",
                                                  "sergey_lavrov", "said", "islands", "russian"]
    assert t[t.doc_id == "d3"].token.tolist() == ["northern_territories", "japanese", "tokyo", "wants",
                                                  "peace", "treaty", "2020"]


def test_entities_are_never_stop_words(kuril):
    t = frequency.tokens(kuril, stopwords=["Habomai", "the", "tokyo"])
    assert (t.token == "habomai").sum() == 2
    assert not t.token.isin(["the", "tokyo"]).any()


def test_stop_word_file(kuril, tmp_path):
    path = tmp_path / "stop.txt"
    path.write_text("# mine\nTHE\nwants\n", encoding="utf-8")
    t = frequency.tokens(kuril, stopwords=path)
    assert len(t) == 35 - 4 - 2                        # "the" 4 times, "wants" twice
    with pytest.raises(LexiconError, match="file not found"):
        frequency.tokens(kuril, stopwords=tmp_path / "missing.txt")


def test_stemming_leaves_entities_alone(kuril):
    t = frequency.tokens(kuril, stem=True)
    # Snowball (Porter2) English stems; the entity token habomai is not stemmed
    d2 = t[t.doc_id == "d2"].token.tolist()
    assert d2 == ["tokyo", "want", "the", "habomai", "island", "back", "the", "peac", "treati", "talk", "stall"]
    assert frequency.kwic(kuril, "islands").match.tolist() == ["islands", "islands"]   # kwic never stems
    assert row(frequency.word_list(kuril, stem=True), term="island")["count"] == 2


def test_lowercase_false_keeps_case(kuril):
    t = frequency.tokens(kuril, lowercase=False)
    assert t[t.doc_id == "d3"].token.tolist()[:4] == ["The", "northern_territories", "are", "Japanese"]


def test_curly_apostrophe_and_possessive():
    c = make_corpus([{"doc_id": "x", "sentences": ["Russia’s claim, Russia's claim; don't U.S. 1,000 1990s"]}])
    assert frequency.tokens(c, keep_punct=True).token.tolist() == [
        "russia", "'s", "claim", ",", "russia", "'s", "claim", ";", "don't", "u.s.", "1,000", "1990s"]


def test_documents_table_decides_the_subset(kuril):
    subset = Corpus(documents=kuril.documents[kuril.documents.outlet == "NHK"].reset_index(drop=True),
                    sentences=kuril.sentences, quotes=kuril.quotes, mentions=kuril.mentions)
    t = frequency.tokens(subset)
    assert set(t.doc_id) == {"d3"} and len(t) == 11


def test_mention_outside_every_sentence_is_an_error(kuril):
    mentions = kuril.mentions.copy()
    mentions.loc[0, "end"] = 60                        # d1's first sentence ends at 40
    broken = Corpus(documents=kuril.documents, sentences=kuril.sentences, quotes=kuril.quotes,
                    mentions=mentions)
    with pytest.raises(CorpusTableError, match="not inside one sentence"):
        frequency.tokens(broken)


def test_empty_corpus():
    empty = Corpus()
    assert frequency.tokens(empty).empty
    assert frequency.word_list(empty).empty
    assert list(frequency.ngrams(empty, 2).columns) == ["term", "count", "per_10k", "doc_freq", "range_pct"]
    assert frequency.collocations(empty, min_count=1).empty


# --------------------------------------------------------------------------- word lists and n-grams


@pytest.mark.parametrize("term, count, doc_freq", [
    ("the", 4, 3),          # d1 1, d2 2 ("the Khabomai", "The peace"), d3 1
    ("habomai", 2, 2),
    ("peace", 2, 2),
    ("2020", 1, 1),
])
def test_word_list_counts(kuril, term, count, doc_freq):
    r = row(frequency.word_list(kuril), term=term)
    assert r["count"] == count and r.doc_freq == doc_freq
    assert r.per_10k == pytest.approx(count / 35 * 10_000)       # "the": 4/35 × 10,000 = 1142.857...
    assert r.range_pct == pytest.approx(doc_freq / 3 * 100)     # habomai: 2 of 3 documents = 66.67 %


def test_word_list_sorted_by_count_then_term(kuril):
    w = frequency.word_list(kuril, top=4)
    # "the" 4; then the terms with count 2 alphabetically: are, habomai, islands, peace, tokyo, treaty, wants
    assert w.term.tolist() == ["the", "are", "habomai", "islands"]
    assert w["count"].tolist() == [4, 2, 2, 2]


@pytest.mark.parametrize("by, group, term, count, tokens_in_group, docs_in_group", [
    ("outlet", {"outlet": "TASS"}, "habomai", 1, 13, 1),        # 1/13 × 10,000 = 769.23
    ("year", {"year": 2019}, "the", 3, 24, 2),                  # d1 + d2: 3/24 × 10,000 = 1250
    ("year", {"year": 2019}, "habomai", 2, 24, 2),              # 2/24 × 10,000 = 833.33
    ("year", {"year": 2020}, "peace", 1, 11, 1),                # 1/11 × 10,000 = 909.09
])
def test_word_list_by_group(kuril, by, group, term, count, tokens_in_group, docs_in_group):
    w = frequency.word_list(kuril, by=by)
    assert list(w.columns) == [by, "term", "count", "per_10k", "doc_freq", "range_pct"]
    r = row(w, term=term, **group)
    assert r["count"] == count
    assert r.per_10k == pytest.approx(count / tokens_in_group * 10_000)
    assert r.range_pct == pytest.approx(r.doc_freq / docs_in_group * 100)


def test_word_list_missing_group_value_is_its_own_group(kuril):
    documents = kuril.documents.copy()
    documents.loc[2, "outlet"] = pd.NA
    c = Corpus(documents=documents, sentences=kuril.sentences, quotes=kuril.quotes, mentions=kuril.mentions)
    w = frequency.word_list(c, by="outlet")
    na = w[w.outlet.isna()]
    assert row(na, term="peace")["count"] == 1 and row(na, term="peace").range_pct == 100.0
    assert w.outlet.isna().to_numpy()[-len(na):].all()                  # NA group sorted last


def test_word_list_min_count_and_options(kuril):
    w = frequency.word_list(kuril, min_count=2, stopwords="default")
    # without stop words: habomai, islands, peace, tokyo, treaty, wants occur twice; nothing more often
    assert w.term.tolist() == ["habomai", "islands", "peace", "tokyo", "treaty", "wants"]
    assert w.per_10k.iloc[0] == pytest.approx(2 / 25 * 10_000)           # 25 tokens without stop words


def test_unigrams_equal_word_list(kuril):
    pd.testing.assert_frame_equal(frequency.ngrams(kuril, 1), frequency.word_list(kuril))


def test_bigrams(kuril):
    b = frequency.ngrams(kuril, 2)
    # bigrams per sentence = tokens − 1: (6 + 5) + (5 + 4) + (3 + 6) = 29
    assert b["count"].sum() == 29
    r = row(b, term="peace treaty")
    assert r["count"] == 2 and r.doc_freq == 2
    assert r.per_10k == pytest.approx(2 / 29 * 10_000)                   # 689.655...
    # never across a sentence boundary: d1 "habomai | sergey_lavrov", d2 "back | the", d3 "japanese | tokyo"
    assert not b.term.isin(["habomai sergey_lavrov", "back the", "japanese tokyo"]).any()


def test_trigrams_and_stop_words(kuril):
    t = frequency.ngrams(kuril, 3)
    assert row(t, term="tokyo wants the")["count"] == 1 and row(t, term="tokyo wants a")["count"] == 1
    s = frequency.ngrams(kuril, 3, stopwords="default")
    # n-grams starting or ending with a stop word are dropped ("tokyo wants the"), others stay
    assert "tokyo wants the" not in set(s.term)
    assert "wants the habomai" in set(s.term)        # inner stop word allowed
    assert "peace treaty in" not in set(s.term)


# --------------------------------------------------------------------------- collocations


def test_collocation_measures_by_hand(kuril):
    c = frequency.collocations(kuril, min_count=1)
    assert list(c.columns) == ["w1", "w2", "o11", "f1", "f2", "n", "log_likelihood", "pmi", "t_score",
                               "log_dice"]
    r = row(c, w1="peace", w2="treaty")
    # window 1: n = 29 adjacent pairs; "peace" is first of 2 pairs, "treaty" second of 2; together twice.
    assert (r.o11, r.f1, r.f2, r.n) == (2, 2, 2, 29)
    # E11 = 2·2/29 = 0.137931
    # PMI = log2(2 / 0.137931) = log2(14.5) = 3.857981
    assert r.pmi == pytest.approx(math.log2(14.5), abs=1e-9)
    assert r.pmi == pytest.approx(3.857981, abs=1e-6)
    # t = (2 − 0.137931) / √2 = 1.316682
    assert r.t_score == pytest.approx(1.316682, abs=1e-6)
    # logDice = 14 + log2(2·2 / (2 + 2)) = 14
    assert r.log_dice == pytest.approx(14.0)
    # G²: cells [[2, 0], [0, 27]], E = [[4/29, 54/29], [54/29, 729/29]]
    #   = 2 (2 ln 14.5 + 27 ln(29/27)) = 2 (5.348297 + 1.929392) = 14.555379
    assert r.log_likelihood == pytest.approx(14.555379, abs=1e-6)


def test_collocation_log_dice_with_unequal_marginals(kuril):
    r = row(frequency.collocations(kuril, min_count=1), w1="the", w2="habomai")
    # "the" is first of 4 pairs (the islands, the habomai, the peace, the northern_territories);
    # "habomai" second of 2 (the habomai, to habomai): logDice = 14 + log2(2/6) = 12.415037
    assert (r.o11, r.f1, r.f2) == (1, 4, 2)
    assert r.log_dice == pytest.approx(14 + math.log2(2 / 6))


def test_collocation_window_and_stop_words(kuril):
    c2 = frequency.collocations(kuril, window=2, min_count=2)
    # within two tokens: tokyo→wants (2), wants→the/a (1 each), tokyo→the/a (1 each); peace→treaty (2)
    assert set(zip(c2.w1, c2.w2)) >= {("tokyo", "wants"), ("peace", "treaty")}
    # n = pairs at distance 1 (29) + at distance 2 (23: tokens − 2 per sentence: 5+4+4+3+2+5)
    assert c2.n.iloc[0] == 29 + 23
    s = frequency.collocations(kuril, min_count=1, stopwords="default")
    assert not (s.w1.isin(["the", "a"]) | s.w2.isin(["the", "a"])).any()
    assert s.n.iloc[0] == 29                           # stop words still count in the table
    assert row(s, w1="peace", w2="treaty").log_likelihood == pytest.approx(14.555379, abs=1e-6)


def test_collocation_node_accepts_a_spelling(kuril):
    by_id = frequency.collocations(kuril, min_count=1, node="habomai")
    by_spelling = frequency.collocations(kuril, min_count=1, node="Khabomai")
    pd.testing.assert_frame_equal(by_id, by_spelling)
    assert set(zip(by_id.w1, by_id.w2)) == {("to", "habomai"), ("the", "habomai"), ("habomai", "islands")}


# --------------------------------------------------------------------------- keyness


def _two_documents(target: dict[str, int], reference: dict[str, int]) -> Corpus:
    """One-sentence target and reference documents made of repeated one-letter words."""
    docs = []
    for doc_id, counts in (("t", target), ("r", reference)):
        docs.append({"doc_id": doc_id, "sentences": [" ".join(w for w, k in counts.items() for _ in range(k))]})
    return make_corpus(docs)


@pytest.mark.parametrize("a, b, c, d, expected, tol", [
    # Dunning (1993: 72), the published bigram table: -2 log λ = 270.72, 263.90, 48.94
    (110, 2442, 111, 29114, 270.72, 0.005),
    (29, 13, 123, 31612, 263.90, 0.005),
    (9, 12, 429, 31327, 48.94, 0.005),
    # Apache Mahout / Commons Math LogLikelihoodTest (Dunning's reference implementation):
    # logLikelihoodRatio(1, 0, 0, 1) = 2.772589 (= 4 ln 2), (10, 0, 0, 10) = 27.72589, ...
    (1, 0, 0, 1, 2.772589, 1e-6),
    (10, 0, 0, 10, 27.72589, 1e-5),
    (5, 1995, 0, 100000, 39.33052, 1e-5),
    (1000, 1995, 1000, 100000, 4730.737, 1e-3),
    (1000, 1000, 1000, 100000, 5734.343, 1e-3),
    (1000, 1000, 1000, 99000, 5714.932, 1e-3),
    # By hand: a=10, b=5, c=990, d=995; N = 2000, row totals 15 and 1985, column totals 1000 each,
    # E = 7.5, 7.5, 992.5, 992.5:
    #   10 ln(10/7.5)    =  2.876820725
    #    5 ln(5/7.5)     = -2.027325541
    #  990 ln(990/992.5) = -2.496848738
    #  995 ln(995/992.5) =  2.503145974
    # G² = 2 × 0.855792420 = 1.711584840
    (10, 5, 990, 995, 1.711584840, 1e-6),
])
def test_keyness_g2_reproduces_published_values(a, b, c, d, expected, tol):
    # word "w": a times in the target, b in the reference; filler "z" makes the sizes a+c and b+d
    corpus = _two_documents({"w": a, "z": c}, {"w": b, "z": d})
    k = frequency.keyness(corpus, ("doc_id", "t"))
    r = row(k, term="w")
    assert (r.freq_target, r.freq_reference) == (a, b)
    assert r.g2 == pytest.approx(expected, abs=tol)
    assert r.p_value == pytest.approx(math.erfc(math.sqrt(r.g2 / 2)))


def test_keyness_by_hand(kuril):
    k = frequency.keyness(kuril, ("year", 2019))   # target d1 + d2 = 24 tokens, reference d3 = 11
    assert list(k.columns) == ["term", "freq_target", "freq_reference", "per_10k_target", "per_10k_reference",
                               "g2", "log_ratio", "pct_diff", "p_value", "p_adjusted", "direction"]
    hab = row(k, term="habomai")
    # a = 2, b = 0, c = 22, d = 11; N = 35; E = 2·24/35 = 1.371429, 2·11/35 = 0.628571,
    #   33·24/35 = 22.628571, 33·11/35 = 10.371429
    # G² = 2 (2 ln(2/1.371429) + 0 + 22 ln(22/22.628571) + 11 ln(11/10.371429))
    #    = 2 (0.754588 − 0.619759 + 0.647246) = 1.564149
    assert hab.g2 == pytest.approx(1.564149, abs=1e-6)
    # Log Ratio (Hardie 2014), zero b → 0.5: log2((2/24) / (0.5/11)) = log2(1.833333) = 0.874469
    assert hab.log_ratio == pytest.approx(0.874469, abs=1e-6)
    # %DIFF with nf_r = 0 replaced by 1e-18: (833.333 − 0) × 100 / 1e-18 = 8.333e22
    assert hab.pct_diff == pytest.approx(2 / 24 * 10_000 * 100 / 1e-18)
    assert np.isfinite(k.pct_diff).all()
    assert hab.direction == "target"
    assert hab.p_value == pytest.approx(math.erfc(math.sqrt(1.564149 / 2)), abs=1e-6)   # 0.21106

    the = row(k, term="the")
    # a = 3, b = 1: log2((3/24) / (1/11)) = log2(1.375) = 0.459432; %DIFF = (1250 − 909.09)·100/909.09 = 37.5
    assert the.log_ratio == pytest.approx(0.459432, abs=1e-6)
    assert the.pct_diff == pytest.approx(37.5)

    nt = row(k, term="northern_territories")
    # a = 0 → 0.5: log2((0.5/24) / (1/11)) = log2(0.229167) = −2.125531; %DIFF = −100
    assert nt.log_ratio == pytest.approx(-2.125531, abs=1e-6)
    assert nt.pct_diff == pytest.approx(-100.0)
    assert nt.direction == "reference"
    assert k.g2.is_monotonic_decreasing


def test_keyness_selections_agree(kuril):
    by_pair = frequency.keyness(kuril, ("year", 2019))
    by_series = frequency.keyness(kuril, kuril.documents.year == 2019)
    by_array = frequency.keyness(kuril, np.array([True, True, False]), np.array([False, False, True]))
    by_list = frequency.keyness(kuril, ("outlet", ["TASS", "Kyodo"]))
    for other in (by_series, by_array, by_list):
        pd.testing.assert_frame_equal(by_pair, other)


def test_keyness_explicit_reference_leaves_other_documents_out(kuril):
    k = frequency.keyness(kuril, ("doc_id", "d1"), ("doc_id", "d3"))   # d2 in neither
    assert "stalled" not in set(k.term)
    assert row(k, term="habomai").freq_reference == 0


def test_keyness_equal_relative_frequency_has_no_direction():
    corpus = _two_documents({"w": 1, "z": 1}, {"w": 2, "z": 2})
    r = row(frequency.keyness(corpus, ("doc_id", "t")), term="w")
    assert r.g2 == pytest.approx(0.0) and r.log_ratio == pytest.approx(0.0) and r.direction is pd.NA


def test_benjamini_hochberg_by_hand():
    # sorted p: 0.005·4/1 = 0.02, 0.01·4/2 = 0.02, 0.03·4/3 = 0.04, 0.04·4/4 = 0.04 (then running minimum
    # from the largest)
    p = np.array([0.01, 0.04, 0.03, 0.005])
    assert association.benjamini_hochberg(p) == pytest.approx([0.02, 0.04, 0.04, 0.02])


@pytest.mark.parametrize("target, reference, message", [
    (("year", 2019), ("outlet", "TASS"), "share documents"),
    (("colour", "red"), None, "unknown documents column"),
    (np.array([True, False]), None, "one boolean per document"),
    (("year", 1999), None, "target documents have no tokens"),
])
def test_keyness_bad_selections(kuril, target, reference, message):
    with pytest.raises(ParameterError, match=message):
        frequency.keyness(kuril, target, reference)


# --------------------------------------------------------------------------- dispersion


GRIES = ["b a m n i b e u p", "b a s a t b e w q n", "b c a g a b e s t a", "b a g h a b e a a t",
         "b a h a a b e a x a t"]


@pytest.mark.parametrize("term, freq, spread, dp, dp_norm, juilland", [
    # Gries (2008), "Dispersions and adjusted frequencies in corpora": five parts of 9, 10, 10, 10, 11
    # words (s = .18, .2, .2, .2, .22); "a" occurs 1, 2, 3, 4, 5 times (f = 15).
    # DP = ½ (|1/15 − .18| + |2/15 − .2| + |3/15 − .2| + |4/15 − .2| + |5/15 − .22|)
    #    = ½ (.11333 + .06667 + 0 + .06667 + .11333) = 0.18 (Gries's value)
    # DP_norm = 0.18 / (1 − .18) = 0.219512
    # Juilland: p = 1/9, 2/10, 3/10, 4/10, 5/11; mean 0.293131, population sd 0.125958,
    #   V = 0.429697, D = 1 − V/√4 = 0.785150 (Gries: .785)
    ("a", 15, 5, 0.18, 0.219512, 0.785150),
    # "b": twice per part; DP = ½ (|.2 − .18| + 0 + 0 + 0 + |.2 − .22|) = 0.02; DP_norm = .02/.82 = 0.024390
    #   p = 2/9, .2, .2, .2, 2/11; mean 0.200808, sd 0.012815, D = 1 − 0.063818/2 = 0.968091
    ("b", 10, 5, 0.02, 0.024390, 0.968091),
    # "x": once, in the last part; DP = ½ (.18 + .2 + .2 + .2 + |1 − .22|) = 0.78; DP_norm = 0.951220
    #   all in one part: V = √(n − 1) = 2, D = 0
    ("x", 1, 1, 0.78, 0.951220, 0.0),
])
def test_dispersion_gries_2008_example(term, freq, spread, dp, dp_norm, juilland):
    corpus = make_corpus([{"doc_id": f"part{i}", "sentences": [s]} for i, s in enumerate(GRIES, start=1)])
    r = row(frequency.dispersion(corpus), term=term)
    assert (r.freq, r.range) == (freq, spread)
    assert r.dp == pytest.approx(dp, abs=1e-6)
    assert r.dp_norm == pytest.approx(dp_norm, abs=1e-6)
    assert r.juilland_d == pytest.approx(juilland, abs=1e-6)


def test_dispersion_of_requested_terms(kuril):
    d = frequency.dispersion(kuril, terms=["habomai", "peace treaty", "sakhalin"])
    assert list(d.columns) == ["term", "freq", "range", "juilland_d", "dp", "dp_norm"]
    assert d.term.tolist() == ["habomai", "peace treaty", "sakhalin"]     # the order asked for
    hab = d.iloc[0]
    # sizes 13, 11, 11 (s = 13/35, 11/35, 11/35); habomai 1, 1, 0:
    # DP = ½ (|1/2 − 13/35| + |1/2 − 11/35| + 11/35) = ½ (9/70 + 13/70 + 22/70) = 11/35 = 0.314286
    # DP_norm = (11/35) / (1 − 11/35) = 11/24 = 0.458333
    # Juilland: p = 1/13, 1/11, 0; mean 0.055944; sd 0.039968; D = 1 − 0.714435/√2 = 0.494819
    assert (hab.freq, hab.range) == (2, 2)
    assert hab.dp == pytest.approx(11 / 35) and hab.dp_norm == pytest.approx(11 / 24)
    assert hab.juilland_d == pytest.approx(0.494819, abs=1e-6)
    assert d.iloc[1].freq == 2                                            # phrase: d2 and d3
    absent = d.iloc[2]
    assert absent.freq == 0 and absent.range == 0 and np.isnan(absent.dp) and np.isnan(absent.juilland_d)


def test_positions_and_plot(kuril):
    p = frequency.positions(kuril, "habomai")
    # d1: 6 tokens before Habomai (russia rejects japan 's claim to) of 13; d2: 3 (tokyo wants the) of 11
    assert p.doc_id.tolist() == ["d1", "d2"]
    assert p.position.tolist() == [6, 3] and p.n_tokens.tolist() == [13, 11]
    assert p.rel_position.tolist() == pytest.approx([6 / 13, 3 / 11])
    fig = plot_dispersion(p, doc_ids=["d1", "d2", "d3"]).figure
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.get_yticklabels()] == ["d1", "d2", "d3"]
    assert len(ax.collections[0].get_segments()) == 2
    # with the documents table, rows are named as a reader can look them up: outlet, date
    labelled = plot_dispersion(p, doc_ids=["d1", "d2"], documents=kuril.documents).figure.axes[0]
    assert [t.get_text() for t in labelled.get_yticklabels()] == [
        f"{o}, {d}" for o, d in kuril.documents.set_index("doc_id").loc[["d1", "d2"], ["outlet", "published"]].values]


def test_choose_documents_for_a_figure():
    # occurrences: d1 once, d2 three times, d3 twice, d4 never
    occurrences = ["d2", "d1", "d2", "d3", "d2", "d3", "elsewhere"]
    assert choose_documents(["d1", "d2", "d3", "d4"], occurrences, 2) == ["d2", "d3"]       # in corpus order
    assert choose_documents(["d3", "d2", "d1", "d4"], occurrences, 2) == ["d3", "d2"]
    assert choose_documents(["d1", "d2", "d3", "d4"], ["d4", "d1"], 1) == ["d1"]           # a tie: the earlier
    assert choose_documents(["d1", "d2", "d3", "d4"], [], 3) == ["d1", "d2", "d3"]
    assert choose_documents(["d1", "d2"], occurrences, 40) == ["d1", "d2"]
    with pytest.raises(ParameterError, match="max_documents"):
        choose_documents(["d1"], [], 0)


def test_dispersion_plot_refuses_too_many_documents(kuril):
    p = frequency.positions(kuril, "habomai")
    with pytest.raises(ParameterError, match="more than a figure can show") as info:
        plot_dispersion(p, doc_ids=[f"doc{i}" for i in range(MAX_ROWS + 1)])
    assert "choose_documents" in info.value.hint


# --------------------------------------------------------------------------- trend


def test_trend_by_year(kuril):
    t = frequency.trend(kuril, ["habomai", "peace treaty"], freq="year")
    assert list(t.columns) == ["period", "term", "count", "tokens", "per_10k", "n_docs"]
    assert t.period.tolist() == ["2019", "2019", "2020", "2020"]
    assert t.term.tolist() == ["habomai", "peace treaty"] * 2
    assert t["count"].tolist() == [2, 1, 0, 1]
    assert t.tokens.tolist() == [24, 24, 11, 11]          # d1 + d2, d3
    assert t.n_docs.tolist() == [2, 2, 1, 1]
    assert t.per_10k.tolist() == pytest.approx([2 / 24 * 1e4, 1 / 24 * 1e4, 0.0, 1 / 11 * 1e4])


def test_trend_by_month_does_not_place_year_only_documents(kuril):
    t = frequency.trend(kuril, "habomai", freq="month")
    # d1 → 2019-01, d2 → 2019-03; d3 is dated "2020" only, so it has no month: period <NA>
    assert t.period.tolist()[:2] == ["2019-01", "2019-03"] and t.period.isna().tolist() == [False, False, True]
    assert t["count"].tolist() == [1, 1, 0]
    assert t.tokens.tolist() == [13, 11, 11]
    assert t["count"].sum() == row(frequency.word_list(kuril), term="habomai")["count"]


# --------------------------------------------------------------------------- kwic


def test_kwic_entity_matches_every_spelling(kuril):
    k = frequency.kwic(kuril, "habomai", window=4)
    assert list(k.columns) == ["doc_id", "sent_id", "start", "end", "left", "match", "right", "voice", "speaker"]
    assert k.match.tolist() == ["Habomai", "Khabomai"]
    # window counts tokens other than punctuation: Japan 's claim to | Lavrov said The islands
    assert k.left.tolist() == ["Japan's claim to", "Tokyo wants the"]
    assert k.right.tolist() == ['. Lavrov said: "The islands', "islands back. The peace"]
    text = " ".join(KURIL_DOCS[1]["sentences"])
    assert text[k.start[1]:k.end[1]] == "Khabomai"


@pytest.mark.parametrize("query, matches", [
    ("Khabomai", ["Khabomai"]),                          # a spelling: that spelling only
    ("HABOMAI", ["Habomai", "Khabomai"]),                # case does not matter
    ("northern territories", ["Northern Territories"]),  # a multi-word spelling
    ("northern_territories", ["Northern Territories"]),  # the entity id
    ("peace treaty", ["peace treaty", "peace treaty"]),  # a phrase
    ("treaty talks", ["treaty talks"]),
    ("talks peace", []),                                 # words in the wrong order
    ("back the", []),                                    # across a sentence boundary
])
def test_kwic_queries(kuril, query, matches):
    assert frequency.kwic(kuril, query).match.tolist() == matches


def test_kwic_sentence_unit_and_voice(kuril):
    k = frequency.kwic(kuril, "islands", unit="sentence", window=0)
    assert k.left.tolist() == ['Lavrov said: "The', "Tokyo wants the Khabomai"]
    assert k.right.tolist() == ['are Russian."', "back."]
    assert k.voice.tolist() == ["quoted", "narrator"]
    assert k.speaker.tolist()[0] == "sergey_lavrov" and k.speaker.isna().tolist() == [False, True]
    wide = frequency.kwic(kuril, "Khabomai", unit="sentence", window=1)
    assert wide.right.tolist() == ["islands back. The peace treaty talks stalled."]


@pytest.mark.parametrize("sort, order", [(None, ["d2", "d3"]), ("left", ["d3", "d2"]), ("right", ["d3", "d2"])])
def test_kwic_sort(kuril, sort, order):
    # left neighbours: d2 "The", d3 "a"; right neighbours: d2 "talks", d3 "in"
    assert frequency.kwic(kuril, "peace treaty", window=1, sort=sort).doc_id.tolist() == order


# --------------------------------------------------------------------------- reuse of the token stream


@pytest.fixture
def builds(monkeypatch):
    """Count the token streams built (each call of token_build.build_stream)."""
    calls = []
    real = token_build.build_stream

    def counting(corpus):
        calls.append(corpus)
        return real(corpus)

    monkeypatch.setattr(token_build, "build_stream", counting)
    return calls


def counts(corpus, **options) -> dict[str, int]:
    return dict(zip(*frequency.word_list(corpus, **options)[["term", "count"]].to_numpy().T))


def test_stream_is_built_once_per_corpus(builds):
    corpus = make_corpus(KURIL_DOCS)
    assert counts(corpus)["habomai"] == 2
    frequency.ngrams(corpus, 2)
    frequency.collocations(corpus, window=3, stopwords="default")
    frequency.keyness(corpus, ("outlet", "TASS"))
    frequency.dispersion(corpus, terms=["habomai"])
    frequency.positions(corpus, "habomai")
    frequency.trend(corpus, "habomai")
    frequency.kwic(corpus, "peace treaty")
    # the other token options are views of the same stream
    assert counts(corpus, stem=True)["island"] == 2 and counts(corpus, lowercase=False)["The"] == 3
    assert len(frequency.tokens(corpus, keep_punct=True, stopwords="default")) == 25 + 5 + 2 + 2
    assert len(builds) == 1
    other = make_corpus(KURIL_DOCS)                   # equal tables, but another corpus: its own stream
    assert counts(other)["habomai"] == 2 and len(builds) == 2


def test_replaced_table_gives_a_fresh_stream(builds):
    corpus = make_corpus(KURIL_DOCS)
    assert len(frequency.tokens(corpus)) == 35
    corpus.documents = corpus.documents[corpus.documents.doc_id != "d1"].reset_index(drop=True)
    t = frequency.tokens(corpus)
    assert len(t) == 11 + 11 and set(t.doc_id) == {"d2", "d3"}     # d1's 13 tokens are gone
    assert counts(corpus)["habomai"] == 1                          # only Khabomai (d2) is left
    assert len(builds) == 2


def test_text_edited_in_place_gives_a_fresh_stream(builds):
    corpus = make_corpus(KURIL_DOCS)
    assert counts(corpus)["tokyo"] == 2                            # d2 and d3
    d2 = corpus.documents.index[corpus.documents.doc_id == "d2"][0]
    corpus.documents.loc[d2, "text"] = corpus.documents.loc[d2, "text"].replace("Tokyo", "Osaka")  # same length
    after = counts(corpus)
    assert after["tokyo"] == 1 and after["osaka"] == 1
    assert len(builds) == 2


def test_offsets_edited_in_place_give_a_fresh_stream(builds):
    corpus = make_corpus(KURIL_DOCS)
    assert counts(corpus)["treaty"] == 2                           # d2 and d3
    # cut d3's second sentence "Tokyo wants a peace treaty in 2020." down to "Tokyo wants"
    s = corpus.sentences
    i = s.index[(s.doc_id == "d3") & (s.sent_id == 1)][0]
    s.loc[i, "end"] = s.loc[i, "start"] + len("Tokyo wants")
    assert len(frequency.tokens(corpus)) == 35 - 5                 # a peace treaty in 2020: 5 tokens fewer
    assert counts(corpus)["treaty"] == 1
    assert len(builds) == 2


def test_mention_edited_in_place_gives_a_fresh_stream(builds):
    corpus = make_corpus(KURIL_DOCS)
    assert counts(corpus)["habomai"] == 2
    m = corpus.mentions
    m.loc[m.index[m.surface == "Khabomai"][0], "entity"] = "shikotan"
    after = counts(corpus)
    assert after["habomai"] == 1 and after["shikotan"] == 1
    assert frequency.kwic(corpus, "shikotan").doc_id.tolist() == ["d2"]
    assert len(builds) == 2


def test_other_columns_do_not_rebuild_the_stream_but_count(builds):
    corpus = make_corpus(KURIL_DOCS)
    frequency.word_list(corpus, by="outlet")
    corpus.documents.loc[corpus.documents.doc_id == "d3", "outlet"] = "TASS"   # not a column of the stream
    by_outlet = frequency.word_list(corpus, by="outlet")
    assert row(by_outlet, outlet="TASS", term="habomai")["count"] == 1
    assert row(by_outlet, outlet="TASS", term="the")["count"] == 2                   # d1 once, d3 once
    assert row(by_outlet, outlet="TASS", term="the").per_10k == pytest.approx(2 / 24 * 10_000)  # 13 + 11 tokens
    assert len(builds) == 1


def test_a_selection_has_its_own_stream(builds):
    from kuril_research.analysis.selection import select_documents

    corpus = make_corpus(KURIL_DOCS)
    assert counts(corpus)["the"] == 4
    nhk = select_documents(corpus, outlets=["NHK"])
    assert counts(nhk)["the"] == 1 and len(frequency.tokens(nhk)) == 11     # d3 only
    assert counts(corpus)["the"] == 4                                       # the full corpus is untouched
    assert len(builds) == 2


def test_a_dropped_corpus_frees_its_stream():
    corpus = make_corpus(KURIL_DOCS)
    before = len(token_build.STREAMS)
    frequency.tokens(corpus)
    assert len(token_build.STREAMS) == before + 1
    del corpus
    gc.collect()
    assert len(token_build.STREAMS) == before


def test_a_failed_build_is_not_remembered(kuril):
    mentions = kuril.mentions.copy()
    mentions.loc[0, "end"] = 60                        # d1's first sentence ends at 40
    broken = Corpus(documents=kuril.documents, sentences=kuril.sentences, quotes=kuril.quotes, mentions=mentions)
    for _ in range(2):
        with pytest.raises(CorpusTableError, match="not inside one sentence"):
            frequency.tokens(broken)
    broken.mentions = kuril.mentions                   # repaired: now it counts
    assert len(frequency.tokens(broken)) == 35


@pytest.mark.parametrize("text, spans, tokens, sent_ids", [
    # a sentence ends inside a run of non-space characters and a letter follows it
    ("The talks ended.Tokyo waits.", [(0, 16), (16, 28)],
     ["the", "talks", "ended", ".", "tokyo", "waits", "."], [0, 0, 0, 0, 1, 1, 1]),
    # "25percent" would be one token across the boundary: each sentence is tokenised on its own
    ("Rate 25percent", [(0, 7), (7, 14)], ["rate", "25", "percent"], [0, 0, 1]),
    # so would the abbreviation "U.S."
    ("In the U.S. talks", [(0, 9), (9, 17)], ["in", "the", "u", ".", "s", ".", "talks"], [0, 0, 0, 0, 1, 1, 1]),
    # text between sentences is not tokenised
    ("Kuril talks. -- Tokyo.", [(0, 12), (16, 22)], ["kuril", "talks", ".", "tokyo", "."], [0, 0, 0, 1, 1]),
])
def test_tokens_never_cross_a_sentence_boundary(text, spans, tokens, sent_ids):
    corpus = Corpus(
        documents=schema.conform("documents", [{"doc_id": "x", "text": text}]),
        sentences=schema.conform("sentences", [{"doc_id": "x", "sent_id": i, "para_id": 0, "start": a, "end": b,
                                                "text": text[a:b]} for i, (a, b) in enumerate(spans)]))
    t = frequency.tokens(corpus, keep_punct=True)
    assert t.token.tolist() == tokens and t.sent_id.tolist() == sent_ids


TRICKY = st.text(alphabet="aSs19'’.,:-_ \n\u00a0", min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(TRICKY, st.lists(st.integers(min_value=0, max_value=40), max_size=8))
def test_scanning_whole_documents_equals_scanning_each_sentence(text, cuts):
    """The fast path (split documents at spaces) must give exactly the tokens of the sentence-by-sentence scan."""
    points = sorted({0, len(text), *(min(c, len(text)) for c in cuts)})
    spans = [(a, b) for i, (a, b) in enumerate(itertools.pairwise(points)) if i % 3 != 2]   # leave some gaps

    def corpus():
        return Corpus(
            documents=schema.conform("documents", [{"doc_id": "x", "text": text}]),
            sentences=schema.conform("sentences", [{"doc_id": "x", "sent_id": i, "para_id": 0, "start": a, "end": b,
                                                    "text": text[a:b]} for i, (a, b) in enumerate(spans)]))

    fast = frequency.tokens(corpus(), keep_punct=True, lowercase=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(token_build, "arrow_text", lambda values: None)      # forces the sentence-by-sentence scan
        exact = frequency.tokens(corpus(), keep_punct=True, lowercase=False)
    pd.testing.assert_frame_equal(fast, exact)


def test_the_order_of_table_rows_does_not_matter(kuril):
    shuffled = Corpus(documents=kuril.documents, sentences=kuril.sentences.iloc[::-1],
                      quotes=kuril.quotes.iloc[::-1], mentions=kuril.mentions.iloc[::-1])
    pd.testing.assert_frame_equal(frequency.tokens(shuffled), frequency.tokens(kuril))


def test_overlapping_sentences_are_each_tokenised():
    text = "Kuril talks resumed."
    corpus = Corpus(
        documents=schema.conform("documents", [{"doc_id": "x", "text": text}]),
        sentences=schema.conform("sentences", [
            {"doc_id": "x", "sent_id": 0, "para_id": 0, "start": 0, "end": 11, "text": text[:11]},
            {"doc_id": "x", "sent_id": 1, "para_id": 0, "start": 6, "end": 20, "text": text[6:]}]))
    # "talks" lies in both sentences, so it is counted in each
    assert frequency.tokens(corpus).token.tolist() == ["kuril", "talks", "talks", "resumed"]


# --------------------------------------------------------------------------- parameters


@pytest.mark.parametrize("call, message", [
    (lambda c: frequency.word_list(c, stemming=True), "unknown token option"),
    (lambda c: frequency.word_list(c, by="colour"), "unknown documents column"),
    (lambda c: frequency.ngrams(c, 4), "n must be one of"),
    (lambda c: frequency.collocations(c, window=0), "window must be an integer"),
    (lambda c: frequency.collocations(c, measures=["pmi"], sort_by="log_dice"), "sort_by must be one of"),
    (lambda c: frequency.collocations(c, node="peace treaty"), "more than one token"),
    (lambda c: frequency.trend(c, "habomai", freq="week"), "freq must be one of"),
    (lambda c: frequency.kwic(c, "habomai", unit="word"), "unit must be one of"),
    (lambda c: frequency.kwic(c, "   "), "contains no token"),
    (lambda c: frequency.tokens(c, stopwords=[1, 2]), "stop words must be strings"),
])
def test_bad_parameters_raise_parameter_error(kuril, call, message):
    with pytest.raises(ParameterError, match=message):
        call(kuril)


# --------------------------------------------------------------------------- properties

WORDS = st.sampled_from(["kuril", "islands", "peace", "treaty", "the", "talks"])
SENTENCES = st.lists(WORDS, min_size=1, max_size=6).map(lambda ws: " ".join(ws).capitalize() + ".")
DOCS = st.lists(st.lists(SENTENCES, min_size=1, max_size=3), min_size=2, max_size=4)


@settings(max_examples=40, deadline=None)
@given(DOCS, st.integers(min_value=1, max_value=3))
def test_counts_add_up(docs, n):
    corpus = make_corpus([{"doc_id": f"d{i}", "sentences": s} for i, s in enumerate(docs)])
    lengths = [len(sentence.split()) for doc in docs for sentence in doc]
    assert frequency.word_list(corpus)["count"].sum() == len(frequency.tokens(corpus)) == sum(lengths)
    grams = frequency.ngrams(corpus, n)
    assert grams["count"].sum() == sum(max(0, k - n + 1) for k in lengths)   # never across sentences
    assert grams.empty or grams.per_10k.sum() == pytest.approx(10_000)
    d = frequency.dispersion(corpus)
    assert d.dp.between(0, 1).all() and d.dp_norm.between(0, 1 + 1e-9).all()
    assert d.juilland_d.between(-1e-9, 1 + 1e-9).all()
    k = frequency.keyness(corpus, np.arange(len(docs)) == 0)
    assert (k.g2 >= 0).all() and k.p_value.between(0, 1).all() and (k.p_adjusted >= k.p_value - 1e-12).all()


def test_token_options_are_prepared_once_per_stream(kuril):
    """The masks of one set of token options are made once and shared (read-only) by every later call."""
    first = token_component.prepare(kuril, {"stopwords": "default"})
    again = token_component.prepare(kuril, {"stopwords": ["the", "a"]})
    same = token_component.prepare(kuril, {"stopwords": "default", "keep_numbers": True})
    assert same.kept is first.kept and again.kept is not first.kept
    assert not first.kept.flags.writeable
    assert frequency.word_list(kuril, stopwords="default").equals(frequency.word_list(kuril, stopwords="default"))


def _chunked_text(corpus: Corpus, sizes: list[int]) -> Corpus:
    """The corpus with ``documents.text`` as an Arrow column split into chunks of ``sizes`` documents."""
    import pyarrow as pa

    texts = corpus.documents["text"].tolist()
    bounds = list(itertools.accumulate([0, *sizes]))
    chunked = pa.chunked_array([texts[a:b] for a, b in itertools.pairwise(bounds)], type=pa.large_string())
    documents = corpus.documents.copy()
    documents["text"] = pd.Series(pd.arrays.ArrowStringArray(chunked), index=documents.index)
    return Corpus(documents=documents, sentences=corpus.sentences, quotes=corpus.quotes, mentions=corpus.mentions)


@pytest.mark.parametrize("sizes, block_chars", [([1, 2], 10_000_000), ([2, 1], 50), ([1, 1, 1], 1), ([3], 50)])
def test_text_in_arrow_chunks_and_small_blocks_gives_the_same_stream(kuril, sizes, block_chars):
    """Chunks are read block by block (a block may straddle two chunks); the arrays grow when the first block
    underestimates the corpus. 35 tokens as in the module docstring; 'peace treaty' in d2 and d3."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(token_build, "BLOCK_CHARS", block_chars)
        chunked = _chunked_text(kuril, sizes)
        got = frequency.tokens(chunked)
        assert len(got) == 35
        pd.testing.assert_frame_equal(got, frequency.tokens(kuril))
        assert frequency.kwic(chunked, "peace treaty")["doc_id"].tolist() == ["d2", "d3"]
        pd.testing.assert_frame_equal(frequency.kwic(chunked, "habomai", window=3),
                                      frequency.kwic(kuril, "habomai", window=3))


def test_columns_fill_in_place_grow_and_widen():
    columns = Columns({"a": np.int8, "b": np.int32}, widen=("b",), expected=10)
    columns.block_chars = 10                       # first block is the whole corpus: room for 2 × 1.1 + 1024
    columns.append("a", np.array([1, 2]))
    columns.append("a", np.arange(3, 2000))        # more than the estimate: grows (values wrap as astype would)
    columns.append("b", np.array([7], np.int32))
    columns.append("b", np.array([2**40]))          # needs int64: widens, as concatenating would
    a, b = columns.pop("a"), columns.pop("b")
    assert a.dtype == np.int8 and len(a) == 1999 and a[:4].tolist() == [1, 2, 3, 4]
    assert a.tolist() == np.arange(1, 2000).astype(np.int8).tolist()
    assert b.dtype == np.int64 and b.tolist() == [7, 2**40]
    assert len(columns.pop("a")) == 0


def test_matches_are_looked_up_once_and_not_writable(kuril):
    """'habomai' is an entity id: rows of its two mentions, one in d1 and one in d2 (module docstring)."""
    prep = token_component.prepare(kuril, {"stopwords": "default"})
    first, last = prep.match("habomai")
    again = token_component.prepare(kuril, {"stopwords": "default"}).match("habomai")
    assert again[0] is first and again[1] is last
    assert not first.flags.writeable
    assert frequency.kwic(kuril, "habomai")["doc_id"].tolist() == ["d1", "d2"]
    for i in range(token_component.MATCHES_KEPT + 1):           # older queries are forgotten, not piled up
        prep.match(f"word{i}")
    assert len(prep.queries) == token_component.MATCHES_KEPT and "habomai" not in prep.queries


def test_default_stop_words_are_the_shipped_list(kuril):
    """One default for the API and the reports: the shipped stop list ("the" is in it; KURIL has 4)."""
    default = _frequency.word_list(kuril)
    assert "the" not in set(default["term"])
    pd.testing.assert_frame_equal(default, _frequency.word_list(kuril, stopwords="default"))
    assert row(_frequency.word_list(kuril, stopwords=None), term="the")["count"] == 4
    assert "the" not in set(_frequency.tokens(kuril)["token"])


def test_kwic_repeated_is_a_copy_of_the_same_concordance():
    from kuril_research.testing import two_habomai_articles

    corpus = two_habomai_articles()
    first = frequency.kwic(corpus, "habomai", window=2)
    assert first.left.tolist() == ["Japan wants", "The"]
    first.loc[0, "left"] = "edited by the caller"
    again = frequency.kwic(corpus, "habomai", window=2)
    assert again.left.tolist() == ["Japan wants", "The"]            # the caller's edit did not reach the store
    again.loc[1, "left"] = "edited again"
    assert frequency.kwic(corpus, "habomai", window=2).left.tolist() == ["Japan wants", "The"]
    assert frequency.kwic(corpus, "habomai", window=1).left.tolist() == ["wants", "The"]   # the window is in the key


def test_kwic_after_a_text_is_edited_cuts_the_new_text():
    from kuril_research.testing import two_habomai_articles

    corpus = two_habomai_articles()
    assert frequency.kwic(corpus, "habomai", window=2).left.tolist()[0] == "Japan wants"
    # the same length, so every offset in the other tables still holds
    corpus.documents["text"] = corpus.documents["text"].str.replace("Japan", "Nihon", regex=False)
    assert frequency.kwic(corpus, "habomai", window=2).left.tolist()[0] == "Nihon wants"
