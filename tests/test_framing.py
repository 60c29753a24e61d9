"""Framing: naming stance, the frame codebook, frame coding, profiles and validation.

Every corpus here is built by hand (``kuril_research.testing.corpus_of_sentences`` puts the sentences
together with ``schema.conform``); sentences quoted from the seed articles say
which file they come from.
"""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from kuril_research.coding import framing
from kuril_research.corpus import Corpus
from kuril_research.testing import corpus_of_sentences
from kuril_research.errors import InputError, LexiconError, ParameterError
from kuril_research.publish.figures import MAX_ROWS, choose_documents, plot_heatmap
from kuril_research.coding.framing import (
    frame_profile,
    frames,
    load_codebook,
    naming_stance,
    naming_stance_table,
    validate,
)
from kuril_research.lexicons import data_path, file_sha256

NA = pd.NA


def rows(table: pd.DataFrame, columns: list[str]) -> list[list]:
    return table[columns].astype(object).where(table[columns].notna(), NA).values.tolist()


# --- naming stance -----------------------------------------------------------------------------

@pytest.fixture
def naming_corpus():
    corpus = corpus_of_sentences(
        {
            "tass": [[  # sentences after seed 001
                "Japan does not agree that the islands of Iturup, Kunashir, Shikotan and the Habomai "
                "island group belong to Russia.",
                "Tokyo calls the islands Northern Territories.",
                "\u201cI expect complicated talks on the problem of the Northern Territories,\u201d "
                "Kishida told journalists.",
                "The problem of the southern Kuril Islands is the key obstacle.",
            ]],
            "kyodo": [[
                "Japan seeks the return of the Northern Territories, which Russia calls the Southern Kurils.",
                "Etorofu is the largest of the four islands.",
            ]],
        },
        documents={"tass": {"outlet": "TASS", "year": 2015}, "kyodo": {"outlet": "Kyodo", "year": 2019}},
        quotes=[("tass", "I expect complicated talks on the problem of the Northern Territories,", "fumio_kishida")],
        mentions=[
            ("Iturup", "iturup", "island", "russian"),
            ("Etorofu", "iturup", "island", "japanese"),
            ("Kunashir", "kunashir", "island", "russian"),
            ("Shikotan", "shikotan", "island", "neutral"),
            ("Habomai island group", "habomai", "island_group", "neutral"),
            ("Northern Territories", "northern_territories", "collective_name", "japanese"),
            ("southern Kuril Islands", "southern_kurils", "collective_name", "russian"),
            ("Southern Kurils", "southern_kurils", "collective_name", "russian"),
            ("Kishida", "fumio_kishida", "person", "neutral"),       # not territorial: not counted
        ],
    )
    # "Tokyo calls the islands ..." and "... which Russia calls ...": names attributed to a side
    m = corpus.mentions
    attributed = {("tass", 1, "Northern Territories"): "japan", ("kyodo", 0, "Southern Kurils"): "russia"}
    for (doc_id, sent_id, surface), side in attributed.items():
        at = (m["doc_id"] == doc_id) & (m["sent_id"] == sent_id) & (m["surface"] == surface)
        assert at.sum() == 1
        m.loc[at, ["voice", "speaker"]] = ["attributed", side]
    return corpus


def test_naming_stance_long_by_outlet(naming_corpus):
    got = naming_stance(naming_corpus, by="outlet")
    assert list(got.columns) == ["outlet", "naming", "voice", "speaker", "entity", "count", "share_in_voice"]
    assert rows(got, list(got.columns)) == [
        ["Kyodo", "japanese", "narrator", NA, "iturup", 1, 0.5],
        ["Kyodo", "japanese", "narrator", NA, "northern_territories", 1, 0.5],
        ["Kyodo", "russian", "attributed", "russia", "southern_kurils", 1, 1.0],
        # TASS narrates with 5 territorial names: 3 russian, 2 neutral
        ["TASS", "russian", "narrator", NA, "iturup", 1, 0.2],
        ["TASS", "russian", "narrator", NA, "kunashir", 1, 0.2],
        ["TASS", "russian", "narrator", NA, "southern_kurils", 1, 0.2],
        ["TASS", "neutral", "narrator", NA, "habomai", 1, 0.2],
        ["TASS", "neutral", "narrator", NA, "shikotan", 1, 0.2],
        ["TASS", "japanese", "quoted", "fumio_kishida", "northern_territories", 1, 1.0],
        ["TASS", "japanese", "attributed", "japan", "northern_territories", 1, 1.0],
    ]
    assert str(got["count"].dtype) == "Int64" and str(got["share_in_voice"].dtype) == "Float64"


def test_naming_stance_defaults_to_documents(naming_corpus):
    got = naming_stance(naming_corpus)
    assert got.columns[0] == "doc_id"
    assert got.groupby("doc_id")["count"].sum().to_dict() == {"kyodo": 3, "tass": 7}


def test_naming_stance_table_shows_the_other_sides_name_is_never_narrated(naming_corpus):
    got = naming_stance_table(naming_corpus, by="outlet")
    assert rows(got, ["outlet", "voice", "japanese", "russian", "neutral", "total", "share_japanese",
                      "share_russian"]) == [
        ["Kyodo", "narrator", 2, 0, 0, 2, 1.0, 0.0],
        ["Kyodo", "attributed", 0, 1, 0, 1, 0.0, 1.0],
        ["TASS", "narrator", 0, 3, 2, 5, 0.0, 0.6],
        ["TASS", "quoted", 1, 0, 0, 1, 1.0, 0.0],
        ["TASS", "attributed", 1, 0, 0, 1, 1.0, 0.0],
    ]
    # the signature finding: in its own voice, each outlet uses only its side's names (or neutral ones)
    narrator = got[got["voice"] == "narrator"].set_index("outlet")
    assert narrator.loc["TASS", "japanese"] == 0 and narrator.loc["Kyodo", "russian"] == 0


def test_naming_stance_by_two_columns_and_bad_column(naming_corpus):
    got = naming_stance_table(naming_corpus, by=["outlet", "year"])
    assert list(got.columns[:3]) == ["outlet", "year", "voice"]
    with pytest.raises(ParameterError, match="cannot group by") as info:
        naming_stance(naming_corpus, by="newspaper")
    assert info.value.field == "by" and "outlet" in info.value.hint


def test_naming_stance_follows_edits_to_the_mentions_table(naming_corpus):
    # The coded mentions are remembered per corpus; an edit of a counted column must be seen. Kyodo's
    # "Etorofu" (japanese, narrator) re-coded as attributed to japan: Kyodo's narrator voice keeps one
    # name (Northern Territories, share 1.0) and gains an attributed japanese row.
    before = naming_stance(naming_corpus, by="outlet")
    assert before["count"].sum() == 10
    m = naming_corpus.mentions
    m.loc[m["surface"] == "Etorofu", ["voice", "speaker"]] = ["attributed", "japan"]
    got = naming_stance(naming_corpus, by="outlet")
    assert rows(got[got["outlet"] == "Kyodo"], list(got.columns)) == [
        ["Kyodo", "japanese", "narrator", NA, "northern_territories", 1, 1.0],
        ["Kyodo", "japanese", "attributed", "japan", "iturup", 1, 0.5],
        ["Kyodo", "russian", "attributed", "russia", "southern_kurils", 1, 0.5],
    ]
    # a mention of a document that is not in the documents table is not counted
    naming_corpus.documents = naming_corpus.documents[naming_corpus.documents["doc_id"] == "tass"]
    assert naming_stance(naming_corpus, by="outlet")["outlet"].unique().tolist() == ["TASS"]


def test_naming_stance_without_territorial_mentions():
    corpus = corpus_of_sentences({"a": [["Kishida spoke."]]}, mentions=[("Kishida", "fumio_kishida", "person", "neutral")])
    assert naming_stance(corpus).empty
    assert list(naming_stance_table(corpus).columns) == [
        "doc_id", "voice", "japanese", "russian", "neutral", "total",
        "share_japanese", "share_russian", "share_neutral"]


# --- the codebook ------------------------------------------------------------------------------

def test_shipped_codebook_has_the_frames_of_the_dispute():
    codebook = load_codebook()
    assert codebook.ids == [
        "postwar_realities", "international_law_sovereignty", "illegal_occupation", "return_of_islands",
        "treaty_negotiation", "economic_cooperation", "sanctions_hostility", "us_japan_alliance",
        "militarisation", "island_development"]
    assert codebook.sha256 == file_sha256(data_path("frames.yaml"))
    for entry in codebook.entries:
        cues = [c for c in codebook.cues if c.entry == entry.id]
        assert entry.label and any(c.kind in ("pattern", "tokens") for c in cues), entry.id
        assert any(" " in c.text for c in cues), f"{entry.id} needs multi-word cues"


def test_edited_codebook_errors_name_its_file_and_line(tmp_path):
    path = tmp_path / "frames.yaml"
    lines = data_path("frames.yaml").read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.strip() == "- hostil*")
    lines[number - 1] = lines[number - 1].replace("hostil*", "(hostil* | anti")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="token pattern .*missing") as info:
        load_codebook(path)
    assert (info.value.path, info.value.line) == (str(path), number)


# --- frames ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "frame", "cue_text", "n_cues"),
    [
        # 001
        ("The Russian side clearly underscores that progress in that issue is impossible should Japan refuse "
         "to recognize the postwar historical realities.", "postwar_realities", "postwar historical realities", 1),
        # 003
        ("Russia and Japan are guided by the position based on the international law, UN Charter, where the "
         "results of the Second World War are fixed.", "postwar_realities", "results of the Second World War", 1),
        # 004: three cues, one sentence, counted once
        ("The Russian Foreign Ministry has repeatedly stated that Moscow\u2019s sovereignty over the islands is "
         "enshrined in international law and cannot be called into question.",
         "international_law_sovereignty", "Moscow\u2019s sovereignty", 3),
        ("Tokyo regards the islands as its inherent territory, illegally occupied since 1945.",
         "illegal_occupation", "inherent territory", 2),
        ("Former residents made visa-free visits to the graves of their ancestors.",
         "return_of_islands", "Former residents", 2),
        # 003
        ("Lavrov also noted that Moscow and Tokyo will hold the next round of talks on peace treaty soon.",
         "treaty_negotiation", "talks on peace treaty", 1),
        # 002
        ("In November last year, Putin and Abe said they would work on a peace agreement based on the 1956 "
         "declaration signed by Japan and the USSR.", "treaty_negotiation", "peace agreement", 2),
        # 000
        ("We value our economic and investment cooperation and we expect it to continue.",
         "economic_cooperation", "economic and investment cooperation", 1),
        # 004
        ("Tokyo continues to pursue a clearly unfriendly policy towards Moscow.",
         "sanctions_hostility", "unfriendly policy", 1),
        # 002
        ("Other obstacles include Japan\u2019s attempts to involve its allies, the US, in the negotiations.",
         "us_japan_alliance", "allies", 1),
        ("Russia deployed coastal missile systems and held military drills on Iturup.",
         "militarisation", "deployed", 3),
        ("The Kuril development programme pays for new infrastructure on the islands.",
         "island_development", "Kuril development programme", 2),
    ],
)
def test_each_frame_is_found(sentence, frame, cue_text, n_cues):
    hits = frames(corpus_of_sentences({"d": [[sentence]]}))
    hit = hits[hits["frame"] == frame]
    assert rows(hit, ["surface", "n_cues", "voice"]) == [[cue_text, n_cues, "narrator"]]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 004: "return to cooperation" is not the return of the islands
        ("He added that Russia would respond in kind if Japan showed willingness to return to cooperation.",
         ["sanctions_hostility"]),
        # 000: development of relations is not development of the islands
        ("Moscow has a firm political will for development of good relations with Tokyo.", []),
        # 004: a military operation in Ukraine is not militarisation of the islands
        ("Moscow launched its special military operation in Ukraine.", []),
        ("Rallying allies is not rallying.", ["us_japan_alliance"]),
    ],
)
def test_frames_that_must_not_be_found(sentence, expected):
    assert frames(corpus_of_sentences({"d": [[sentence]]}))["frame"].tolist() == expected


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
                 "dmitry_peskov"),
                ("002", "They support the sanctions regime and this is one of the problems and situations that "
                        "prevent the signing of the peace treaty.", "dmitry_peskov")],
    )
    hits = frames(corpus)
    assert rows(hits, ["doc_id", "sent_id", "frame", "surface", "voice", "speaker"]) == [
        ["000", 0, "economic_cooperation", "economic and investment cooperation", "quoted", "dmitry_peskov"],
        ["001", 0, "sanctions_hostility", "anti-Russian sanctions", "narrator", NA],
        ["002", 0, "us_japan_alliance", "close ally of the US", "narrator", NA],
        ["002", 0, "sanctions_hostility", "sanctions", "narrator", NA],
        ["002", 1, "sanctions_hostility", "sanctions regime", "quoted", "dmitry_peskov"],
        ["002", 1, "treaty_negotiation", "signing of the peace treaty", "quoted", "dmitry_peskov"],
        ["004", 0, "sanctions_hostility", "packages of sanctions", "narrator", NA],
    ]
    text = corpus.documents.set_index("doc_id")["text"]
    assert all(text[d][s:e] == surface for d, s, e, surface
               in hits[["doc_id", "start", "end", "surface"]].itertuples(index=False))
    assert set(hits["codebook_sha256"]) == {load_codebook().sha256}


def test_a_sentence_counts_once_per_frame_and_overlaps_are_not_double_counted():
    # "anti-Russian sanctions" is one cue (22 characters), not "anti-Russian" plus "sanctions"
    hits = frames(corpus_of_sentences({"d": [["Sanctions, unfriendly steps and anti-Russian sanctions."]]}))
    assert rows(hits, ["frame", "cue", "surface", "n_cues"]) == [
        ["sanctions_hostility", "[anti-russian | anti-japanese | western | us | u.s. | new | economic | japanese "
         "| japan's | tokyo's] sanction* [regime | package* | campaign | pressure]", "Sanctions", 3]]


def test_frames_with_a_codebook_path(tmp_path):
    path = tmp_path / "frames.yaml"
    path.write_text("frames:\n  - id: talks\n    label: Talks\n    phrases: [peace treaty]\n", encoding="utf-8")
    hits = frames(corpus_of_sentences({"d": [["A peace treaty."]]}), path)
    assert rows(hits, ["frame", "surface", "codebook_sha256"]) == [["talks", "peace treaty", file_sha256(path)]]


# --- frame profile -----------------------------------------------------------------------------

@pytest.fixture
def profile_corpus():
    return corpus_of_sentences(
        {
            "t1": [["Tokyo joined the anti-Russian sanctions.",                          # sanctions
                    "They support the sanctions regime that prevents the signing of the peace treaty.",  # both
                    "Trade between the countries fell.",                                 # none
                    "Moscow and Tokyo will hold peace treaty talks."]],                  # treaty
            "k1": [["Japan introduced several packages of sanctions on Russia.",        # sanctions
                    "The islands lie off Hokkaido."]],                                   # none
            "t2": [["Mishustin visited Iturup.", "He met residents."]],                  # none
            "e": [],                                                                     # no sentences
        },
        documents={"t1": {"outlet": "TASS"}, "k1": {"outlet": "Kyodo"}, "t2": {"outlet": "TASS"},
                   "e": {"outlet": "Kyodo"}},
    )


def test_frame_profile_by_document(profile_corpus):
    got = frame_profile(profile_corpus)
    assert list(got.columns) == ["doc_id", "frame", "sentences", "frame_sentences", "share", "codebook_sha256"]
    assert len(got) == 4 * 10   # every document × every frame, zeros included
    focus = got[got["frame"].isin(["sanctions_hostility", "treaty_negotiation"])]
    assert rows(focus, ["doc_id", "frame", "sentences", "frame_sentences", "share"]) == [
        ["e", "treaty_negotiation", 0, 0, NA],        # no sentences: share undefined
        ["e", "sanctions_hostility", 0, 0, NA],
        ["k1", "treaty_negotiation", 2, 0, 0.0],       # documents in ascending order of doc_id
        ["k1", "sanctions_hostility", 2, 1, 0.5],
        ["t1", "treaty_negotiation", 4, 2, 0.5],
        ["t1", "sanctions_hostility", 4, 2, 0.5],
        ["t2", "treaty_negotiation", 2, 0, 0.0],
        ["t2", "sanctions_hostility", 2, 0, 0.0],
    ]


def test_frames_by_document_heatmap_draws_the_chosen_documents(profile_corpus):
    hits = frames(profile_corpus)
    by_document = frame_profile(hits, corpus=profile_corpus)
    shown = choose_documents(profile_corpus.documents["doc_id"], hits["doc_id"], 1)
    assert shown == ["t1"]                  # t1: 4 (sentence, frame) hits (sanctions, both, treaty); k1: 1
    grid = by_document.pivot(index="doc_id", columns="frame", values="share").astype(float).loc[shown]
    fig = plot_heatmap(grid).figure
    ax = fig.axes[0]                                            # fig.axes[1] is the colour bar
    assert [t.get_text() for t in ax.get_yticklabels()] == shown
    assert len(ax.texts) == grid.shape[1]                       # one annotated cell per frame
    with pytest.raises(ParameterError, match="more than a figure can show"):
        plot_heatmap(pd.DataFrame({"f": [0.0] * (MAX_ROWS + 1)}))


def test_frame_profile_by_outlet_from_hits(profile_corpus):
    hits = frames(profile_corpus)
    got = frame_profile(hits, by="outlet", corpus=profile_corpus)
    got = got[got["frame"] == "sanctions_hostility"]
    # TASS: 2 of 4 + 2 sentences; Kyodo: 1 of 2 + 0 sentences
    assert rows(got, ["outlet", "sentences", "frame_sentences", "share"]) == [
        ["Kyodo", 2, 1, 0.5], ["TASS", 6, 2, 2 / 6]]


def test_frame_profile_of_hits_needs_corpus_and_same_codebook(profile_corpus, tmp_path):
    hits = frames(profile_corpus)
    with pytest.raises(ParameterError, match="needs the corpus"):
        frame_profile(hits)
    other = tmp_path / "frames.yaml"
    shutil.copy(data_path("frames.yaml"), other)
    with open(other, "a", encoding="utf-8") as f:
        f.write("# an edit changes the hash\n")
    with pytest.raises(ParameterError, match="another codebook"):
        frame_profile(hits, corpus=profile_corpus, codebook=other)


# --- validation --------------------------------------------------------------------------------

CODED_CSV = (
    "doc_id,sent_id,frames\n"
    "t1,0,sanctions_hostility\n"                       # tp sanctions
    "t1,1,sanctions_hostility; treaty_negotiation\n"   # tp sanctions, tp treaty
    "t1,2,economic_cooperation\n"                      # fn economic (nothing found)
    "t1,3,\n"                                          # fp treaty (found, not coded)
    "k1,0,sanctions_hostility\n"                       # tp sanctions
)


def test_validate_against_hand_coding(profile_corpus, tmp_path):
    path = tmp_path / "coded.csv"
    path.write_text(CODED_CSV, encoding="utf-8")
    got = validate(frames(profile_corpus), path)
    assert list(got.columns) == ["frame", "tp", "fp", "fn", "support", "precision", "recall", "f1",
                                 "codebook_sha256"]
    shown = got[got["frame"].isin(["sanctions_hostility", "treaty_negotiation", "economic_cooperation",
                                   "militarisation", "micro", "macro"])]
    assert rows(shown, ["frame", "tp", "fp", "fn", "support"]) == [
        ["treaty_negotiation", 1, 1, 0, 1],
        ["economic_cooperation", 0, 0, 1, 1],
        ["sanctions_hostility", 3, 0, 0, 3],
        ["militarisation", 0, 0, 0, 0],
        ["micro", 4, 1, 1, 5],
        ["macro", 4, 1, 1, 5],
    ]
    scores = shown.set_index("frame")[["precision", "recall", "f1"]]
    assert scores.loc["treaty_negotiation"].tolist() == pytest.approx([0.5, 1.0, 2 / 3])
    assert scores.loc["sanctions_hostility"].tolist() == [1.0, 1.0, 1.0]
    assert scores.loc["economic_cooperation"].isna().tolist() == [True, False, True]   # P, F1 undefined
    assert scores.loc["economic_cooperation", "recall"] == 0.0
    assert scores.loc["militarisation"].isna().all()
    assert scores.loc["micro"].tolist() == pytest.approx([0.8, 0.8, 0.8])
    # macro over the three frames coded or found; undefined counts as 0
    assert scores.loc["macro"].tolist() == pytest.approx([(1 + 0.5 + 0) / 3, (1 + 1 + 0) / 3, (1 + 2 / 3 + 0) / 3])


def test_validate_accepts_a_dataframe(profile_corpus):
    coded = pd.DataFrame({"doc_id": ["k1", "k1"], "sent_id": [0, 1], "frames": ["sanctions_hostility", None]})
    got = validate(frames(profile_corpus), coded).set_index("frame")
    assert got.loc["micro", ["tp", "fp", "fn"]].tolist() == [1, 0, 0]


@pytest.mark.parametrize(
    ("row", "line", "field", "message"),
    [
        ("t1,2,sanctions\n", 3, "frames", "unknown frame label 'sanctions'"),
        ("t1,0,\n", 3, "sent_id", "coded twice (first on line 2)"),
        ("t1,two,\n", 3, "sent_id", "'two' is not a whole number"),
    ],
)
def test_validate_errors_name_the_csv_line(profile_corpus, tmp_path, row, line, field, message):
    path = tmp_path / "coded.csv"
    path.write_text("doc_id,sent_id,frames\nt1,0,sanctions_hostility\n" + row, encoding="utf-8")
    with pytest.raises(InputError) as info:
        validate(frames(profile_corpus), path)
    assert (info.value.path, info.value.line, info.value.field) == (str(path), line, field)
    assert message in info.value.message


def test_validate_errors_for_dataframes_and_columns(profile_corpus):
    hits = frames(profile_corpus)
    with pytest.raises(InputError, match="row 1: unknown frame label 'hostility'"):
        validate(hits, pd.DataFrame({"doc_id": ["t1", "t1"], "sent_id": [0, 1], "frames": ["", "hostility"]}))
    with pytest.raises(InputError, match=r"lacks column\(s\) \['frames'\]"):
        validate(hits, pd.DataFrame({"doc_id": ["t1"], "sent_id": [0]}))


def test_public_names_are_documented():
    for name in framing.__all__:
        obj = getattr(framing, name)
        if callable(obj):
            assert obj.__doc__ and "Examples" in obj.__doc__ and "Returns" in obj.__doc__, name


def test_on_the_seed_corpus(seed_corpus):
    """The done-when facts on the real seeds as the corpus builder reads them (loosely: which
    document, not which sentence, so that parser changes do not move the goalposts)."""
    hits = frames(seed_corpus)
    found = set(zip(hits["doc_id"].str[:3], hits["frame"]))
    for doc in ("001", "002", "004"):
        assert (doc, "sanctions_hostility") in found
    assert ("000", "economic_cooperation") in found
    value = hits[(hits["doc_id"].str[:3] == "000") & (hits["frame"] == "economic_cooperation")]
    assert "economic and investment cooperation" in set(value["surface"])
    narrator = naming_stance_table(seed_corpus, by="outlet").query("outlet == 'TASS' and voice == 'narrator'")
    assert narrator["japanese"].tolist() == [0] and narrator["russian"].iloc[0] > 0


def test_frame_profile_counts_by_codes_as_the_merges_do(profile_corpus):
    """A missing group value is a group of its own, ordered where it first appears, as in the merges."""
    corpus = profile_corpus
    corpus.documents["outlet"] = pd.array(["TASS", pd.NA, "TASS", pd.NA], dtype="string")   # t1, k1, t2, e
    hits = frames(corpus)
    got = frame_profile(hits, by="outlet", corpus=corpus)
    got = got[got["frame"] == "sanctions_hostility"]
    # TASS: t1 (2 of 4) + t2 (0 of 2); <NA>: k1 (1 of 2) + e (no sentences)
    assert rows(got, ["outlet", "sentences", "frame_sentences", "share"]) == [["TASS", 6, 2, 2 / 6], [NA, 2, 1, 0.5]]
    repeated = Corpus(**{**{n: getattr(corpus, n) for n in ("paragraphs", "sentences", "quotes", "mentions")},
                         "documents": pd.concat([corpus.documents, corpus.documents.iloc[[0]]], ignore_index=True)})
    # a repeated doc_id: the merges decide, and join its sentences twice
    twice = frame_profile(hits, by="outlet", corpus=repeated)
    assert rows(twice[twice["frame"] == "sanctions_hostility"], ["outlet", "sentences", "frame_sentences"]) == [
        ["TASS", 10, 4], [NA, 2, 1]]


def test_frame_profile_lists_groups_in_ascending_order_missing_last():
    # documents appear as 2021, 2015, (no year), 2019; the profile lists 2015, 2019, 2021, <NA>
    corpus = corpus_of_sentences(
        {"d1": [["Japan joined the sanctions."]], "d2": [["Talks went on."]], "d3": [["No year here."]],
         "d4": [["Sanctions again.", "And talks."]]},
        documents={"d1": {"year": 2021}, "d2": {"year": 2015}, "d4": {"year": 2019}})
    for hits_or_corpus in (corpus, frames(corpus)):
        profile = frame_profile(hits_or_corpus, by="year", corpus=corpus)
        years = profile.drop_duplicates("year")
        assert years["year"].tolist()[:3] == [2015, 2019, 2021] and pd.isna(years["year"].iloc[3])
        assert years["sentences"].tolist() == [1, 2, 1, 1]
        sanctions = profile[profile["frame"] == "sanctions_hostility"]
        assert sanctions["frame_sentences"].tolist() == [0, 1, 1, 0]


# --- side condition and ending rule (issue #13) -------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the Russian argument, in the outlet's voice or reported as Moscow's
        ("The islands became part of the Soviet Union as a result of the Second World War.",
         ["postwar_realities"]),
        ("Moscow says the World War II results gave it the islands.", ["postwar_realities"]),
        # the same words cited by the other side to contest them: not the frame
        ("Tokyo argues that the Yalta agreements never bound Japan.", []),
        ("Japan's foreign ministry said the results of the Second World War did not include the four islands.",
         []),
        # the Japanese claim, contested by a Russian speaker: not illegal_occupation
        ("Moscow rejects the idea that the islands are Japan's inherent territory.", []),
        ("Tokyo regards the islands as its inherent territory.", ["illegal_occupation"]),
    ],
)
def test_side_condition(sentence, expected):
    assert frames(corpus_of_sentences({"d": [[sentence]]}))["frame"].tolist() == expected


def test_side_of_a_quotation_comes_from_its_speaker():
    corpus = corpus_of_sentences(
        {"a": [['"The Potsdam Declaration settled nothing about these islands," said Kishida.'],
               ['"The Kurils passed to the Soviet Union under the Potsdam Declaration," Lavrov said.']]},
        quotes=[("a", "The Potsdam Declaration settled nothing about these islands,", "fumio_kishida"),
                ("a", "The Kurils passed to the Soviet Union under the Potsdam Declaration,", "sergey_lavrov")])
    assert rows(frames(corpus), ["sent_id", "frame", "voice"]) == [[1, "postwar_realities", "quoted"]]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # exchanges going on, planned or asked for: the return frame
        ("Former residents hope to resume visits to ancestral graves.", ["return_of_islands"]),
        # one side ending them: a hostile step, not the other side's return frame
        ("Moscow suspended the visa-free exchanges.", ["sanctions_hostility"]),
        ("The visa-free exchanges were suspended in 2022.", ["sanctions_hostility"]),
        ("Russia withdrew from joint economic activities on the islands.", ["sanctions_hostility"]),
        # the treaty talks stay the treaty frame, and their ending is hostile too
        ("Russia froze the peace treaty talks.", ["treaty_negotiation", "sanctions_hostility"]),
        # two negatives cancel
        ("The row has not stopped the visa-free exchanges.", ["return_of_islands"]),
        # an ender in another clause governs nothing
        ("Moscow suspended the drills, but the visa-free exchanges go on.",
         ["return_of_islands", "militarisation"]),
    ],
)
def test_ending_rule(sentence, expected):
    assert sorted(frames(corpus_of_sentences({"d": [[sentence]]}))["frame"].tolist()) == sorted(expected)


def test_excluded_phrases_and_word_order_variants_in_the_shipped_codebook():
    corpus = corpus_of_sentences({"d": [["Japan renounced the Kurils in the San Francisco Peace Treaty.",
                                     "Japan must accept the World War II results.",
                                     "Japan must accept the outcome of the Second World War."]]})
    assert rows(frames(corpus), ["sent_id", "frame"]) == [[1, "postwar_realities"], [2, "postwar_realities"]]
