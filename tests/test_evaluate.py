"""The evaluation harness: gold validation, every scorer on hand-made predictions, intervals, CLI, record.

The scorers are tested on hand-made prediction tables, so that the expected
precision, recall and F1 can be worked out on paper and do not move when the
naming, voice or frame rules improve. The end-to-end tests on the fixture
``tests/fixtures/gold_mini`` assert only what follows from the gold itself
(counts of gold items, splits, validation) or from behaviour the rules cannot
reasonably change (a name the gazetteer does not list is never found).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kuril_research.publish.cli import main
from kuril_research.errors import InputError, ParameterError
from kuril_research.evaluate import evaluate, load_gold, measured_accuracy
from kuril_research.evaluate.bootstrap import intervals
from kuril_research.evaluate.coding import frame_confusion, gold_unit, score_frames, score_trade
from kuril_research.evaluate.gold import MISSING, GoldDocument, GoldMention, GoldQuote, GoldSentence, GoldTrade
from kuril_research.evaluate.names import (normalise_line, score_furniture, score_mentions, score_speakers,
                                           score_titles, score_voice, speaker_key, speakers_match)
from kuril_research.evaluate.record import make_record, write_record
from kuril_research.evaluate.scores import counts_frame, score_table

MINI = Path(__file__).resolve().parent / "fixtures" / "gold_mini"


def _mention(surface, context, entity, type_, voice="narrator", side=None):
    return GoldMention(surface, context, entity, type_, None, voice, side, None, 1)


def _predicted(text, rows):
    """Prediction rows (surface, entity, type, voice, speaker) placed at the first occurrence of the surface."""
    out = []
    for surface, entity, kind, voice, speaker in rows:
        start = text.index(surface)
        out.append({"doc_id": "d", "start": start, "end": start + len(surface), "surface": surface, "entity": entity,
                    "entity_type": kind, "voice": voice, "speaker": speaker})
    return pd.DataFrame(out)


def _scores(counts, docs=("d",)):
    return score_table(counts_frame(counts), list(docs), replicates=50).set_index(["task", "label"])


# --------------------------------------------------------------------------- mentions

TEXT = "Iturup and Kunashiri, and the Habomai Islands Residents' League met."


def test_mentions_tp_fp_fn_and_not_territory_by_hand():
    gold = [GoldDocument("d.txt", "dev", mentions=[
        _mention("Iturup", "Iturup and", "iturup", "island"),
        _mention("Kunashiri", "and Kunashiri,", "kunashir", "island"),
        _mention("Habomai Islands Residents' League", "the Habomai Islands Residents' League", None, "not_territory"),
    ])]
    pred = _predicted(TEXT, [("Iturup", "iturup", "island", "narrator", None),          # same span, entity: TP
                             ("Kunashiri", "shikotan", "island", "narrator", None),     # wrong entity: FP + FN
                             ("Habomai Islands", "habomai", "island_group", "narrator", None)])  # inside: FP
    counts, errors = score_mentions({"d": TEXT}, gold, {"d.txt": "d"}, pred)
    s = _scores(counts)
    # island: tp 1 (Iturup), fp 1 (Kunashiri as shikotan), fn 1 (Kunashiri as kunashir) -> P = R = F1 = 1/2
    assert s.loc[("mentions", "island"), ["tp", "n_pred", "n_gold"]].tolist() == [1, 2, 2]
    assert s.loc[("mentions", "island"), "f1"] == pytest.approx(0.5)
    # territory pools island and island_group: tp 1, fp 2, fn 1 -> P 1/3, R 1/2, F1 2/(2+2+1) = 0.4
    row = s.loc[("mentions", "territory")]
    assert (row["precision"], row["recall"], row["f1"]) == pytest.approx((1 / 3, 1 / 2, 0.4))
    # the one not-territory span holds a territory mention: accuracy 0 of 1
    assert s.loc[("mentions", "not_territory"), ["n_gold", "accuracy"]].tolist() == [1, 0.0]
    reasons = sorted(e["reason"] for e in errors)
    assert reasons == ["found with another span or entity", "territory mention inside a not_territory span",
                       "wrong entity"]


def test_mention_whose_context_the_parser_lost_is_a_miss_with_the_reason():
    gold = [GoldDocument("d.txt", "dev", mentions=[_mention("Shikotan", "visit Shikotan soon", "shikotan", "island")])]
    counts, errors = score_mentions({"d": "Nothing here."}, gold, {"d.txt": "d"}, _predicted("", []).reindex(
        columns=["doc_id", "start", "end", "surface", "entity", "entity_type", "voice", "speaker"]))
    assert _scores(counts).loc[("mentions", "island"), ["n_gold", "tp"]].tolist() == [1, 0]
    assert errors[0]["reason"] == "context not found in the parsed text"


# --------------------------------------------------------------------------- voice

def test_voice_per_class_and_side_by_hand():
    text = "Iturup, Kunashir, Shikotan and Habomai, and Etorofu."
    gold = [GoldDocument("d.txt", "dev", mentions=[
        _mention("Iturup", "Iturup,", "iturup", "island", "narrator"),
        _mention("Kunashir", "Kunashir,", "kunashir", "island", "narrator"),
        _mention("Shikotan", "Shikotan and", "shikotan", "island", "attributed", "japan"),
        _mention("Habomai", "and Habomai", "habomai", "island_group", "attributed", "russia"),
        _mention("Etorofu", "Etorofu.", "iturup", "island", "quoted"),
    ])]
    pred = _predicted(text, [("Iturup", "iturup", "island", "narrator", None),
                             ("Kunashir", "kunashir", "island", "attributed", "tokyo"),   # narrator -> attributed
                             ("Shikotan", "shikotan", "island", "attributed", "tokyo"),   # side japan: right
                             ("Habomai", "habomai", "island_group", "attributed", "tokyo")])  # side wrong
    # Etorofu was not found at all: it is left out of the voice scores.
    counts, errors, pairs = score_voice({"d": text}, gold, {"d.txt": "d"}, pred, {"tokyo": "japanese"})
    s = _scores(counts)
    # narrator: gold 2 (Iturup right, Kunashir wrong) -> tp 1, fn 1, fp 0: P 1, R 1/2
    assert (s.loc[("voice", "narrator"), "precision"], s.loc[("voice", "narrator"), "recall"]) == (1.0, 0.5)
    # attributed: gold 2, both predicted attributed (tp 2), plus Kunashir (fp 1): P 2/3, R 1, F1 0.8
    assert s.loc[("voice", "attributed"), "f1"] == pytest.approx(0.8)
    # side: Shikotan right (tokyo -> japan), Habomai wrong (japan, not russia): 1 of 2
    assert s.loc[("voice", "attributed_side"), "accuracy"] == 0.5
    assert len(pairs) == 4 and {e["reason"] for e in errors} == {"wrong voice", "attributed to the wrong side"}


# --------------------------------------------------------------------------- speakers

@pytest.mark.parametrize("written, key", [
    ("Russian Foreign Ministry Spokeswoman Maria Zakharova", "zakharova"),
    ("Ms. Zakharova", "zakharova"),
    ("Ivan Petrov, deputy minister", "petrov"),
    ("the ministry", "ministry"),
    ("Russia's Foreign Ministry", "ministry"),
    ("the spokeswoman", "spokeswoman"),
    ("  ", None),
])
def test_speaker_key(written, key):
    assert speaker_key(written) == key


QUOTE_TEXT = '"We will talk," Petrov said. "No," she said. "Maybe."'


def _quotes(rows, with_text):
    out = []
    for words, speaker, written in rows:
        start = QUOTE_TEXT.index(words)
        row = {"doc_id": "d", "start": start, "end": start + len(words), "speaker": speaker}
        if with_text:
            row["speaker_text"] = written
        out.append(row)
    return pd.DataFrame(out)


@pytest.mark.parametrize("with_text", [True, False])
def test_speakers_by_entity_by_name_and_null(with_text):
    gold = [GoldDocument("d.txt", "dev", quotes=[
        GoldQuote("We will talk", "Deputy Minister Ivan Petrov", None, 1),   # right by name (petrov)
        GoldQuote("No", "Maria Zakharova", "maria_zakharova", 2),             # right by entity id
        GoldQuote("Maybe", None, None, 3),                                    # null: right only if none predicted
    ])]
    quotes = _quotes([("We will talk", "ivan_petrov", "Petrov"), ("No", "maria_zakharova", "she"),
                      ("Maybe", None, None)], with_text)
    # without speaker_text, "Petrov" comes from the gazetteer label of ivan_petrov
    labels = {"ivan_petrov": "Ivan Petrov", "maria_zakharova": "Maria Zakharova"}
    counts, errors = score_speakers({"d": QUOTE_TEXT}, gold, {"d.txt": "d"}, quotes, labels)
    assert _scores(counts).loc[("speakers", "speaker"), ["n_gold", "tp"]].tolist() == [3, 3]
    assert errors == []


def test_speaker_wrong_missing_and_spurious():
    gold = [GoldDocument("d.txt", "dev", quotes=[
        GoldQuote("We will talk", "Ivan Petrov", None, 1),    # predicted Lavrov: wrong
        GoldQuote("No", "Maria Zakharova", None, 2),          # no quotation predicted there: wrong
        GoldQuote("Maybe", None, None, 3),                    # a speaker predicted where the text names none: wrong
    ])]
    quotes = _quotes([("We will talk", "sergey_lavrov", "Sergey Lavrov"), ("Maybe", "sergey_lavrov", "Lavrov")], True)
    counts, errors = score_speakers({"d": QUOTE_TEXT}, gold, {"d.txt": "d"}, quotes, {})
    assert _scores(counts).loc[("speakers", "speaker"), "accuracy"] == 0.0
    assert [e["reason"] for e in errors] == ["wrong speaker", "no predicted quotation contains the context",
                                             "a speaker where the text names none"]


def test_a_context_reaching_past_the_closing_mark_is_held_by_the_quotation_inside_it():
    # 'talk," Petrov' reaches past the closing mark; only 'We will talk' (offsets 1-13) must be inside a
    # predicted quotation, so the quotation "We will talk" holds it and its speaker Petrov is right.
    gold = [GoldDocument("d.txt", "dev", quotes=[GoldQuote('will talk," Petrov', "Ivan Petrov", None, 1)])]
    quotes = _quotes([("We will talk", "ivan_petrov", "Petrov")], True)
    counts, errors = score_speakers({"d": QUOTE_TEXT}, gold, {"d.txt": "d"}, quotes, {})
    assert _scores(counts).loc[("speakers", "speaker"), "accuracy"] == 1.0 and errors == []


@pytest.mark.parametrize("predicted, gold, same", [
    ("a source close to the Prime Minister's Office", "a source", True),      # 'close' ends the head
    ("one former Russian diplomat", "one former Russian diplomat involved in those talks", True),  # participle
    ("A resolution", "A resolution adopted at the rally", True),
    ("an official who asked not to be named", "the official", True),         # relative pronoun
    ("a retired diplomat", "a retired fisherman", False),                    # 'retired' is no post-modifier
    ("the Kremlin", "the Russian Foreign Ministry", False),
])
def test_described_speakers_match_on_the_head_before_a_post_modifier(predicted, gold, same):
    assert speakers_match(predicted, gold) is same


@pytest.mark.parametrize("predicted, gold, same", [
    ("Zhang Wenhao", "Zhang", True),                     # family name first, taken up by it
    ("Kamikawa", "Foreign Minister Kamikawa Yoko", True),  # either side may be the short one; titles dropped
    ("Kim Jong Un", "Kim", True),                        # three words
    ("Yoko Kamikawa", "Yoko", True),                     # the rule cannot tell order: a first word is a first word
    ("Sergey Lavrov", "Sergey Shoigu", False),           # two full names sharing a given name
    ("Foreign Minister Kamikawa", "Foreign", False),     # a title is no family name
    ("Zhang Wenhao", "Li", False),
    ("the Zhang family", "Zhang", False),                # lower-case words: no name of capitalised words only
])
def test_a_family_name_printed_first_matches_the_name(predicted, gold, same):
    assert speakers_match(predicted, gold) is same


# --------------------------------------------------------------------------- titles, datelines, furniture

def test_titles_and_datelines_compare_after_normalising_quotes_and_spaces():
    assert normalise_line("Japan \u2018protests\u2019  drills") == normalise_line("Japan 'protests' drills")
    gold = [GoldDocument("d.txt", "dev", title="Japan \u201cprotests\u201d", dateline=None, standfirst=MISSING),
            GoldDocument("e.txt", "dev", title=None, dateline="TOKYO \u2014", standfirst=MISSING)]
    documents = pd.DataFrame({"doc_id": ["d", "e"], "title": ['Japan "protests"', "World | Asia"],
                              "standfirst": [pd.NA, pd.NA], "dateline": [pd.NA, "TOKYO \u2014"]})
    counts, errors = score_titles(gold, {"d.txt": "d", "e.txt": "e"}, documents)
    s = _scores(counts, ["d", "e"])
    # titles: d right, e wrong (a title where the article prints none); datelines: both right
    assert (s.loc[("titles", "title"), "accuracy"], s.loc[("datelines", "dateline"), "accuracy"]) == (0.5, 1.0)
    assert [(e["file"], e["got"]) for e in errors] == [("e.txt", "World | Asia")]
    # a standfirst that was not annotated (key absent) is not scored
    assert "standfirsts" not in {c["task"] for c in counts}


def test_furniture_share_absent_from_the_body():
    gold = [GoldDocument("d.txt", "dev", furniture=["Share this  article", "Read more", "Subscribe"])]
    counts, errors = score_furniture({"d": "Body text.\n\nShare this article"}, gold, {"d.txt": "d"})
    # 2 of the 3 lines were removed
    assert _scores(counts).loc[("furniture", "furniture"), "accuracy"] == pytest.approx(2 / 3)
    assert [e["context"] for e in errors] == ["Share this article"]


# --------------------------------------------------------------------------- frames and trade

SENT_TEXT = "Talks on a peace treaty resumed. Trade fell to $10 billion. Fishing boats were seized."
SENTENCES = pd.DataFrame({"doc_id": "d", "sent_id": [0, 1, 2], "start": [0, 33, 60], "end": [32, 59, 86]})


def test_frames_multilabel_counts_and_confusion_by_hand():
    gold = [GoldDocument("d.txt", "dev", sentences=[
        GoldSentence("peace treaty resumed", ("treaty_negotiation", "postwar_realities"), (), 1),
        GoldSentence("Trade fell", ("economic_cooperation",), (), 2),
        GoldSentence("boats were seized", (), (), 3),
    ])]
    hits = pd.DataFrame({"doc_id": "d", "sent_id": [0, 1, 2],
                         "frame": ["treaty_negotiation", "sanctions_hostility", "militarisation"]})
    labels = ["treaty_negotiation", "postwar_realities", "economic_cooperation", "sanctions_hostility",
              "militarisation"]
    counts, errors, pairs = score_frames({"d": SENT_TEXT}, gold, {"d.txt": "d"}, SENTENCES, hits, labels)
    s = _scores(counts)
    # sentence 0: treaty tp, postwar fn; sentence 1: economic fn, sanctions fp; sentence 2: militarisation fp
    # micro: tp 1, fp 2, fn 2 -> P 1/3, R 1/3, F1 1/3
    assert s.loc[("frames", "micro"), ["tp", "n_pred", "n_gold"]].tolist() == [1, 3, 3]
    assert s.loc[("frames", "micro"), "f1"] == pytest.approx(1 / 3)
    confusion = frame_confusion(pairs, labels).query("count > 0")
    assert confusion[["gold", "predicted"]].values.tolist() == [
        ["treaty_negotiation", "treaty_negotiation"], ["postwar_realities", "(none)"],
        ["economic_cooperation", "sanctions_hostility"], ["(none)", "militarisation"]]
    assert len(errors) == 4


def test_gold_units():
    assert gold_unit("USD_bn") == ("USD", 1e9) and gold_unit("USD_m") == ("USD", 1e6)
    assert gold_unit("percent") == ("%", 1.0) and gold_unit("people") == ("people", 1.0)


@pytest.mark.parametrize("with_kind", [True, False])
def test_trade_category_polarity_and_quantity_by_hand(with_kind):
    gold = [GoldDocument("d.txt", "dev", sentences=[
        GoldSentence("Trade fell", (), (GoldTrade("trade_volume", "cooperation", "Trade",
                                                  {"value": 10.0, "unit": "USD_bn", "kind": "level",
                                                   "direction": "none"}, 1),), 1),
        GoldSentence("boats were seized", (),
                     (GoldTrade("fisheries", "restriction", "boats were seized", None, 2),), 2),
    ])]
    mentions = pd.DataFrame({"doc_id": "d", "sent_id": [1, 2, 2], "category": ["trade_volume", "fisheries", "energy"],
                             "polarity": ["cooperation", "cooperation", "cooperation"],
                             "start": [33, 60, 60], "end": [38, 73, 73], "surface": ["Trade", "Fishing boats", "x"]})
    figures = pd.DataFrame({"doc_id": ["d"], "sent_id": [1], "category": ["trade_volume"], "value": [1e10],
                            "unit": ["USD"], "sign": [-1], "direction": ["fell"], "start": [48],
                            "text": ["$10 billion"]})
    if with_kind:
        figures["kind"] = ["level"]
    counts, errors = score_trade({"d": SENT_TEXT}, gold, {"d.txt": "d"}, SENTENCES, mentions, figures,
                                 ["trade_volume", "fisheries", "energy"])
    s = _scores(counts)
    # categories: trade_volume tp, fisheries tp, energy fp -> micro P 2/3, R 1, F1 0.8
    assert s.loc[("trade", "micro"), "f1"] == pytest.approx(0.8)
    # polarity: trade_volume right, fisheries wrong (seized = restriction) -> 1/2
    assert s.loc[("trade_polarity", "polarity"), "accuracy"] == 0.5
    # quantity: 10 USD_bn = 1e10 USD right; unit right; direction: "fell" (sign -1) is down, gold none -> wrong;
    # kind right only when the library reports it
    assert s.loc[("quantities", "value"), "accuracy"] == 1.0 and s.loc[("quantities", "unit"), "accuracy"] == 1.0
    assert s.loc[("quantities", "direction"), "accuracy"] == 0.0
    assert s.loc[("quantities", "kind"), "accuracy"] == (1.0 if with_kind else 0.0)
    if not with_kind:
        assert "the library reports no level/change" in {e["reason"] for e in errors}


# --------------------------------------------------------------------------- bootstrap

def test_bootstrap_is_seeded_and_brackets_the_estimate():
    counts = counts_frame([{"doc_id": f"d{i}", "task": "t", "label": "x", "kind": "accuracy",
                            "tp": i % 3, "fn": 1} for i in range(12)])
    docs = [f"d{i}" for i in range(12)]
    a = intervals(counts, docs, replicates=300, seed=7)
    b = intervals(counts, docs, replicates=300, seed=7)
    pd.testing.assert_frame_equal(a, b)
    estimate = counts["tp"].sum() / (counts["tp"].sum() + counts["fn"].sum())   # 12 / 24 = 0.5
    assert a.loc[0, "ci_low"] < estimate < a.loc[0, "ci_high"]


def test_bootstrap_of_identical_documents_is_a_point():
    counts = counts_frame([{"doc_id": d, "task": "t", "label": "x", "kind": "prf", "tp": 2, "fp": 1, "fn": 1}
                           for d in "abc"])
    ci = intervals(counts, list("abc"), replicates=100)
    assert ci.loc[0, "ci_low"] == ci.loc[0, "ci_high"] == pytest.approx(2 / 3)   # F1 = 4 / 6


def test_bootstrap_undefined_everywhere_is_nan():
    counts = counts_frame([{"doc_id": "a", "task": "t", "label": "x", "kind": "prf"}])
    assert np.isnan(intervals(counts, ["a"], replicates=10).loc[0, "ci_low"])


# --------------------------------------------------------------------------- gold validation

def test_mini_gold_loads():
    gold = load_gold(MINI)
    assert [d.file for d in gold.split("dev")] == ["m001.txt", "m002.txt"]
    assert [d.file for d in gold.split("test")] == ["m003.txt"]
    assert [len(d.sentences or []) for d in gold.documents] == [3, 1, 0]


def _broken(tmp_path, name, old, new):
    folder = tmp_path / "gold"
    shutil.copytree(MINI, folder)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


@pytest.mark.parametrize("name, old, new, where", [
    # line numbers count from the top of the fixture file (the comment is line 1)
    ("annotations/m001.yaml", "    voice: narrator\n", "", ("m001.yaml", "line 12", "field voice", "missing")),
    ("annotations/m001.yaml", 'context: "the status of Iturup and"', 'context: "the status of Iturup or"',
     ("m001.yaml", "line 13", "field context", "not in the body")),
    ("annotations/m001.yaml", 'surface: Iturup\n    context: "the status of Iturup and"',
     'surface: Lavrov\n    context: "Lavrov"',
     ("m001.yaml", "line 13", "field context", "occurs 2 times")),
    ("annotations/m002.yaml", "voice: attributed", "voice: reported",
     ("m002.yaml", "line 17", "field voice", "unknown voice")),
    ("annotations/m003.yaml", "surface: Kunashiri", "surface: Kunashir Island",
     ("m003.yaml", "line 10", "field surface", "exactly once")),
    ("coding/m001.yaml", "frames: [treaty_negotiation]", "frames: [treaty_talks]",
     ("m001.yaml", "line 5", "field frames", "unknown frame")),
    ("coding/m001.yaml", "kind: change", "kind: delta", ("m001.yaml", "line 19", "field kind", "unknown kind")),
    ("annotations/m003.yaml", "split: test", "split: train", ("m003.yaml", "line 3", "field split", "unknown split")),
])
def test_validation_errors_name_file_line_and_field(tmp_path, name, old, new, where):
    folder = _broken(tmp_path, name, old, new)
    with pytest.raises(InputError) as caught:
        load_gold(folder)
    message = str(caught.value)
    for part in where:
        assert part in message, message


def test_yaml_syntax_error_is_an_input_error_with_its_line(tmp_path):
    folder = _broken(tmp_path, "annotations/m003.yaml", "furniture: []", "furniture: [")
    with pytest.raises(InputError, match=r"m003\.yaml, line \d+: YAML syntax error"):
        load_gold(folder)


def test_missing_manifest_says_to_join_the_parts(tmp_path):
    folder = tmp_path / "gold"
    shutil.copytree(MINI, folder)
    (folder / "manifest.csv").unlink()
    with pytest.raises(InputError, match="join split manifests"):
        load_gold(folder)


# --------------------------------------------------------------------------- end to end

@pytest.fixture(scope="module")
def dev():
    return evaluate(MINI, split="dev", replicates=100)


def test_evaluate_counts_the_gold_of_the_split(dev):
    s = dev.scores.set_index(["task", "label"])
    # dev gold: m001 Iturup, Kunashir, Kharimkotan, Southern Kurils; m002 Northern Territories, Etorofu
    assert s.loc[("mentions", "territory"), "n_gold"] == 6
    assert s.loc[("mentions", "island"), "n_gold"] == 4
    assert s.loc[("speakers", "speaker"), "n_gold"] == 2 and s.loc[("furniture", "furniture"), "n_gold"] == 4
    # frames coded in m001 (treaty; postwar + law; economic) and m002 (none): 4 gold labels
    assert s.loc[("frames", "micro"), "n_gold"] == 4
    assert dev.documents == ["m001.txt", "m002.txt"]
    assert list(dev.errors.columns) == ["file", "task", "label", "context", "got", "want", "reason"]


def test_a_name_the_gazetteer_lacks_is_a_listed_miss(dev):
    miss = dev.errors[dev.errors["want"] == "Kharimkotan (kharimkotan)"]
    assert miss[["file", "task", "reason"]].values.tolist() == [["m001.txt", "mentions", "gold mention not found"]]


def test_evaluate_is_deterministic(dev):
    again = evaluate(MINI, split="dev", replicates=100)
    pd.testing.assert_frame_equal(dev.scores, again.scores)
    pd.testing.assert_frame_equal(dev.errors, again.errors)


def test_evaluate_test_split_and_bad_split():
    assert evaluate(MINI, split="test", replicates=10).documents == ["m003.txt"]
    with pytest.raises(ParameterError):
        evaluate(MINI, split="train")


# --------------------------------------------------------------------------- record and CLI

def test_record_round_trip_and_changed_lexicons(tmp_path, dev):
    path = write_record(make_record(dev.scores, split="dev", gold_sha256=dev.gold_sha256,
                                    measured=dt.date(2026, 12, 5)), tmp_path / "m.json")
    m = measured_accuracy("frames", record=path)
    assert m.measured == dt.date(2026, 12, 5) and m.split == "dev" and m.changed == []
    assert set(m.scores["label"]) >= {"micro", "treaty_negotiation"}
    assert "have not changed" in m.note
    data = json.loads(path.read_text())
    data["lexicons"]["trade.yaml"] = "0" * 64
    path.write_text(json.dumps(data))
    assert measured_accuracy("trade", record=path).changed == ["trade.yaml"]
    with pytest.raises(InputError, match="no scores of task 'nonsense'"):
        measured_accuracy("nonsense", record=path)


def test_cli_prints_scores_and_writes_outputs(tmp_path, capsys):
    out = tmp_path / "out"
    record = tmp_path / "record.json"
    assert main(["evaluate", str(MINI), "--split", "test", "--out", str(out), "--record", str(record),
                 "--date", "2026-12-05"]) == 0
    printed = capsys.readouterr().out
    assert "mentions" in printed and "errors" in printed
    assert sorted(p.name for p in out.iterdir()) == ["confusion_frames.csv", "confusion_voice.csv", "errors.csv",
                                                     "scores.csv"]
    assert json.loads(record.read_text())["measured"] == "2026-12-05"


def test_cli_without_a_folder_scores_the_project_gold(tmp_path, monkeypatch, capsys):
    # a clone-like folder whose data/gold is the mini gold: `kuril-research evaluate` alone scores it
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "kuril_research"\n', encoding="utf-8")
    shutil.copytree(MINI, tmp_path / "data" / "gold")
    monkeypatch.chdir(tmp_path)
    assert main(["evaluate", "--split", "all"]) == 0
    alone = capsys.readouterr().out
    assert main(["evaluate", str(MINI), "--split", "all"]) == 0
    assert alone == capsys.readouterr().out and "mentions" in alone


def test_cli_bad_gold_exits_2_naming_the_file_without_traceback(tmp_path):
    folder = _broken(tmp_path, "annotations/m002.yaml", "voice: attributed", "voice: reported")
    done = subprocess.run([sys.executable, "-m", "kuril_research.publish.cli", "evaluate", str(folder)],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert "m002.yaml, line 17, field voice: unknown voice 'reported'" in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_bad_date_exits_2(capsys):
    assert main(["evaluate", str(MINI), "--date", "5 Dec"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_short_furniture_counts_as_left_in_only_as_a_whole_line_of_the_body():
    # "TASS" and "Japan" also occur in the story's sentences: removed as lines, they are right. "World" is a
    # line of its own in the body and "Kuril Islands" too: left in. "Share this article" (three words) is found
    # inside a paragraph: left in. Right: 2 of 5.
    gold = [GoldDocument("d.txt", "dev", furniture=["TASS", "World", "Share this article", "Japan",
                                                    "Kuril  Islands"])]
    body = "TASS said Japan protested.\n\nWorld\n\nKuril Islands\n\nRead on. Share this article now."
    counts, errors = score_furniture({"d": body}, gold, {"d.txt": "d"})
    assert _scores(counts).loc[("furniture", "furniture"), "accuracy"] == pytest.approx(2 / 5)
    assert [e["context"] for e in errors] == ["World", "Share this article", "Kuril Islands"]


def test_a_mention_in_furniture_left_in_the_body_is_a_false_positive_that_says_so():
    text = "Iturup is far.\n\nTags: Kuril Islands, Japan"
    gold = [GoldDocument("d.txt", "dev", furniture=["Tags: Kuril Islands, Japan"],
                         mentions=[_mention("Iturup", "Iturup is far", "iturup", "island")])]
    pred = _predicted(text, [("Iturup", "iturup", "island", "narrator", None),
                             ("Kuril Islands", "kuril_islands", "archipelago", "narrator", None)])
    counts, errors = score_mentions({"d": text}, gold, {"d.txt": "d"}, pred)
    # territory: tp 1, fp 1 (the tag line should have been removed) -> precision 1/2, recall 1
    row = _scores(counts).loc[("mentions", "territory")]
    assert (row["precision"], row["recall"]) == (0.5, 1.0)
    assert [e["reason"] for e in errors] == ["in furniture left in the body"]


def test_a_furniture_line_naming_a_body_is_left_in_only_where_it_opens_a_line_or_follows_a_sentence():
    # "Japan Coast Guard" (three words) is a masthead the story's sentences also name ("The Japan Coast Guard
    # dispatched"): removed as a line, it is right. "Sky News Australia" opens a line of the body, and "Federal
    # Agency for Fishery" follows a sentence's end inside a paragraph: both left in. Right: 1 of 3.
    gold = [GoldDocument("d.txt", "dev", furniture=["Japan Coast Guard", "Sky News Australia",
                                                    "Federal Agency for Fishery"])]
    body = ("The Japan Coast Guard dispatched a patrol boat.\n\nSky News Australia\n\n"
            "The talks ended. Federal Agency for Fishery")
    counts, errors = score_furniture({"d": body}, gold, {"d.txt": "d"})
    assert _scores(counts).loc[("furniture", "furniture"), "accuracy"] == pytest.approx(1 / 3)
    assert [e["context"] for e in errors] == ["Sky News Australia", "Federal Agency for Fishery"]
