"""The learned headline chooser (issue #12): its features, its decision, its weights file, its training.

Every page here is made up for the test; the expected values are counted by hand from the lines.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from kuril_research.errors import LexiconError
from kuril_research.ingest.parse import parse_article
from kuril_research.ingest.parse.lexicon import default_furniture
from kuril_research.ingest.parse.records import Removed
from kuril_research.ingest.parse.title_features import FEATURE_NAMES, candidates, content_words, line_features
from kuril_research.ingest.parse.title_model import (
    TitleModel,
    default_title_model,
    fit_title_model,
    headline_probabilities,
    load_title_model,
    model_document,
    page_features,
    rerank_title,
    training_example,
)

LEX = default_furniture()
LEAD = ("The Japanese government lodged a protest with Moscow on Monday over Russian military drills on Kunashir, "
        "the foreign ministry said, calling the exercises unacceptable.")
SECOND = ("About 1,500 troops and 200 vehicles took part in the drills, which ran for four days, the Russian "
          "defence ministry said in a statement.")


def features(cands, i, lead=LEAD):
    return dict(zip(FEATURE_NAMES, line_features(cands, i, content_words(lead), {}, LEX)))


def test_candidates_stop_at_the_second_paragraph_and_skip_paragraphs():
    lines = ["Site", "", "Headline", LEAD, "Not a candidate", SECOND, "After"]
    # LEAD is the first paragraph (skipped), SECOND the second (the header ends there)
    assert candidates(lines) == [(1, "Site"), (3, "Headline"), (5, "Not a candidate")]


def test_menu_line_shares_no_word_with_the_lead_and_the_headline_does():
    cands = [(1, "Home | World | Asia | Opinion"), (2, "Japan protests Russian drills on Kunashir")]
    menu, head = features(cands, 0), features(cands, 1)
    assert menu["menu_separators"] == 1.0 and head["menu_separators"] == 0.0
    assert menu["lead_overlap"] == 0.0
    # japan, prote(sts), russi(an), drill(s), kunas(hir): all five in the lead
    assert head["lead_overlap"] == 1.0 and head["lead_overlap_count"] == 1.0
    assert head["prev_is_menu"] == 1.0 and menu["is_first"] == 1.0


def test_byline_date_and_capitals_features():
    cands = [(1, "FOR SUBSCRIBERS"), (2, "Japan protests Russian drills"), (3, "WRITER: Anna Berg"),
             (4, "March 4, 2026")]
    assert features(cands, 0)["all_capitals"] == 1.0
    assert features(cands, 0)["furniture_word"] == 1.0  # "subscribers"
    assert features(cands, 2)["furniture_word"] == 1.0 and features(cands, 2)["colon_inside"] == 1.0
    assert features(cands, 3)["date_line"] == 1.0 and features(cands, 3)["month_day"] == 1.0
    assert features(cands, 1)["next_is_byline"] == 0.0  # "WRITER: Anna Berg" is no bare name nor "By ..."
    assert features(cands, 2)["next_is_byline"] == 1.0  # the date under the writer's line


def test_page_title_repeat():
    cands = [(1, "Japan protests drills | The Island Post"), (2, "Japan protests drills")]
    assert features(cands, 1)["page_title_repeat"] == 1.0
    assert features(cands, 0)["is_page_title"] == 1.0 and features(cands, 0)["page_title_repeat"] == 0.0


def _one_feature_model(name, weight=10.0, **kw):
    return TitleModel(tuple(weight if n == name else 0.0 for n in FEATURE_NAMES), tuple(0.0 for _ in FEATURE_NAMES),
                      tuple(1.0 for _ in FEATURE_NAMES), **kw)


def test_probabilities_are_a_softmax_over_the_page():
    x = np.zeros((2, len(FEATURE_NAMES)))
    x[1, FEATURE_NAMES.index("lead_overlap")] = 1.0
    p = headline_probabilities(x, _one_feature_model("lead_overlap", weight=np.log(3.0)))
    assert p == pytest.approx([0.25, 0.75])  # exp(0) : exp(log 3) = 1 : 3


PAGE = ["Skip to main content", "THE NORTHERN LEDGER", "World | Asia | Politics", "FOR SUBSCRIBERS",
        "Japan protests Russian drills on Kunashir", "WRITER: Anna Berg", LEAD, "", SECOND]


def test_rerank_vetoes_a_furniture_title_for_the_line_that_summarises_the_lead():
    body = [(7, LEAD, True), (9, SECOND, False)]
    removed = [Removed(1, PAGE[0], "navigation"), Removed(2, PAGE[1], "site header"), Removed(3, PAGE[2], "navigation"),
               Removed(5, PAGE[4], "site header"), Removed(6, PAGE[5], "byline")]
    choice = rerank_title(PAGE, "FOR SUBSCRIBERS", None, body, removed, LEX, dated=False,
                          model=_one_feature_model("lead_overlap"))
    assert choice.title == "Japan protests Russian drills on Kunashir"
    assert (4, "FOR SUBSCRIBERS", "site header") in [(r.line, r.text, r.reason) for r in choice.removed]
    assert 5 not in [r.line for r in choice.removed]
    assert choice.body == body


def test_rerank_keeps_the_rules_title_unless_the_model_is_confident():
    body = [(7, LEAD, True), (9, SECOND, False)]
    unsure = _one_feature_model("lead_overlap", weight=0.5)  # the headline gets no more than ~0.3 of 6 lines
    assert rerank_title(PAGE, "FOR SUBSCRIBERS", None, body, [], LEX, dated=False, model=unsure).title \
        == "FOR SUBSCRIBERS"
    # the rules' title is the model's best: nothing changes
    sure = _one_feature_model("lead_overlap")
    kept = rerank_title(PAGE, PAGE[4], None, body, [], LEX, dated=False, model=sure)
    assert kept.title == PAGE[4] and kept.body == body
    # a title that is no line of the page (joined from two lines) is left alone
    assert rerank_title(PAGE, "Japan protests", None, body, [], LEX, dated=False, model=sure).title == "Japan protests"


def test_rerank_moves_a_deck_taken_for_the_title_to_the_standfirst():
    page = ["Japan protests Russian drills on Kunashir", "Tokyo calls the exercises on the island unacceptable", LEAD]
    choice = rerank_title(page, page[1], None, [(3, LEAD, False)], [Removed(1, page[0], "site header")], LEX,
                          dated=False, model=_one_feature_model("lead_overlap"))
    # overlap: headline 5 of 5 words, deck 3 of 5 (tokyo, calls, exerc(ises) in the lead; islan, unacc(eptable) ...)
    assert choice.title == page[0] and choice.standfirst == page[1]


def test_shipped_model_loads_and_decides_a_hand_made_header():
    model = default_title_model()
    assert len(model.weights) == len(FEATURE_NAMES) and 0 < model.keep_max < model.swap_min < 1
    cands, x = page_features(PAGE, LEX)
    p = headline_probabilities(x, model)
    assert [t for _, t in cands][int(np.argmax(p))] == "Japan protests Russian drills on Kunashir"
    assert parse_article("\n\n".join(PAGE)).title == "Japan protests Russian drills on Kunashir"


def _write(tmp_path, **change):
    doc = json.loads(model_document(default_title_model(), {"trained_on": "test"}))
    doc.update(change)
    path = tmp_path / "m.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize("change, field", [
    ({"weights": [1.0]}, "weights"),
    ({"scale": [0.0] * len(FEATURE_NAMES)}, "scale"),
    ({"features": list(reversed(FEATURE_NAMES))}, "features"),
    ({"swap_min": 1.5}, "swap_min"),
    ({"mean": ["a"] * len(FEATURE_NAMES)}, "mean"),
])
def test_weights_file_errors_name_file_and_field(tmp_path, change, field):
    path = _write(tmp_path, **change)
    with pytest.raises(LexiconError) as err:
        load_title_model(path)
    assert str(path) in str(err.value) and field in str(err.value)


def test_weights_file_missing_key_and_bad_json(tmp_path):
    doc = json.loads(model_document(default_title_model(), {}))
    del doc["keep_max"]
    path = tmp_path / "m.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(LexiconError, match="keep_max"):
        load_title_model(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(LexiconError, match="m.json"):
        load_title_model(path)


def test_roundtrip_and_training_is_deterministic(tmp_path):
    pages = [PAGE, ["The Island Post", "Home | News", "Ferries resume between Nemuro and Kunashir", LEAD.replace(
        "military drills on Kunashir", "ferries to Kunashir from Nemuro"), "", SECOND]]
    heads = ["Japan protests Russian drills on Kunashir", "Ferries resume between Nemuro and Kunashir"]
    examples = [training_example(p, h, LEX) for p, h in zip(pages, heads)]
    assert [y for _, y in examples] == [4, 2]
    a = fit_title_model(examples, steps=50)
    b = fit_title_model(examples, steps=50)
    assert model_document(a, {}) == model_document(b, {})
    path = tmp_path / "m.json"
    path.write_text(model_document(a, {"trained_on": "two pages"}), encoding="utf-8")
    assert load_title_model(path) == a
    assert training_example(PAGE, "A headline printed nowhere", LEX) is None


def test_a_line_under_a_headline_with_its_verb_does_not_replace_it_but_under_a_label_does():
    sure = _one_feature_model("lead_overlap")
    deck = "Japan protests Russian drills on Kunashir"  # all five content words in the lead
    for title, swapped in (("Talks stalled", False), ("Japan-Russia relations", True)):
        page = [title, deck, LEAD]
        choice = rerank_title(page, title, None, [(2, deck, False), (3, LEAD, False)], [], LEX, dated=False,
                              model=sure)
        assert (choice.title == deck) is swapped, title


def test_a_topic_pages_heading_is_not_replaced_by_its_first_items_headline():
    sure = _one_feature_model("lead_overlap")
    item = "Japan protests Russian drills on Kunashir"
    page = ["Japan-Russia Relations", item, "Mar. 11, 2026 17:05 JST", LEAD, "Ferries resume to the islands",
            "Mar. 9, 2026 19:20 JST", SECOND]
    body = [(2, item, False), (4, LEAD, False), (5, page[4], False), (7, SECOND, False)]
    dates = [Removed(3, page[2], "date line"), Removed(6, page[5], "date line")]
    assert rerank_title(page, page[0], None, body, dates, LEX, dated=False, model=sure).title == page[0]
    # without the second dated item it is no topic page: the label over the headline gives way
    one = [(2, item, False), (4, LEAD, False)]
    assert rerank_title(page[:4], page[0], None, one, dates[:1], LEX, dated=False, model=sure).title == item


def test_a_deck_left_in_the_body_under_the_new_headline_becomes_the_standfirst():
    sure = _one_feature_model("lead_overlap")
    head = "Japan protests Russian drills on Kunashir"
    deck = "Tokyo says the exercises go against its position."  # eight words and a full stop: no paragraph
    page = ["Connect with us", head, deck, LEAD, SECOND]
    body = [(3, deck, False), (4, LEAD, False), (5, SECOND, False)]
    choice = rerank_title(page, page[0], head, body, [], LEX, dated=False, model=sure)
    assert (choice.title, choice.standfirst) == (head, deck)
    assert [number for number, _, _ in choice.body] == [4, 5]


def test_a_site_line_the_lead_does_not_take_up_yields_to_the_headline_that_sums_up_the_story():
    # one feature, lead_overlap (the share of a line's content words found in the lead), weighted log 4: the
    # tagline and the section (no word in the lead) get exp(0) = 1 each, the headline (all of them) exp(log 4) = 4,
    # so P = 1/6, 1/6, 4/6: the tagline's 0.167 is above keep_max (0.03) but no more than 0.25
    model = _one_feature_model("lead_overlap", weight=float(np.log(4.0)))
    head = "Japan protests Russian drills on Kunashir"
    page = ["The world news channel", "Asia-Pacific", head, LEAD, SECOND]
    body = [(2, page[1], False), (3, head, False), (4, LEAD, False), (5, SECOND, False)]
    assert rerank_title(page, page[0], None, body, [], LEX, dated=False, model=model).title == head
    # a short headline right over a longer line is a headline over its deck, even when the lead does not take it up
    deck = "Japan protests Russian drills on Kunashir"
    page = ["Rock bottom", deck, LEAD, SECOND]
    body = [(2, deck, False), (3, LEAD, False), (4, SECOND, False)]
    assert rerank_title(page, "Rock bottom", None, body, [], LEX, dated=False, model=model).title == "Rock bottom"


def test_an_entry_of_a_reference_work_is_titled_by_the_headword_its_first_sentence_defines():
    flat = _one_feature_model("lead_overlap", weight=0.0)  # every line equally likely: the model decides nothing
    entry = ("Shikotan, also known as Spanberg, is an island of the Lesser Kurils administered by Russia and claimed "
             "by Japan as part of Hokkaido.")
    page = ["Wiki Mirror", "Shikotan", "From the free encyclopedia", "8 pages, 0 posts", entry, SECOND]
    body = [(i, line, False) for i, line in enumerate(page, start=1)]
    choice = rerank_title(page, None, None, body, [], LEX, dated=False, model=flat)
    assert choice.title == "Shikotan" and [n for n, _, _ in choice.body] == [3, 4, 5, 6]
    # a counter taken for the title shares no word with the entry: the headword above it replaces it
    choice = rerank_title(page, "8 pages, 0 posts", None, body[4:], [], LEX, dated=False, model=flat)
    assert choice.title == "Shikotan"
    # a news story whose lead does not open by defining a line above it keeps its title
    news = ["Island Wire", "Shikotan", "Ferries resume to Shikotan", LEAD, SECOND]
    body = [(4, LEAD, False), (5, SECOND, False)]
    title = rerank_title(news, "Ferries resume to Shikotan", None, body, [], LEX, dated=False, model=flat).title
    assert title == "Ferries resume to Shikotan"


def test_a_title_under_the_byline_yields_to_the_confident_line_over_it_and_becomes_the_standfirst():
    # one feature, is_first, weighted log 8: the first line gets exp(log 8) = 8, the byline and the deck 1 each
    # (the lead and the second paragraph are no candidates), so P = 8/10, 1/10, 1/10: the deck's 0.1 is above
    # keep_max (0.03) but no more than 0.25, and the byline stands between the two lines
    model = _one_feature_model("is_first", weight=float(np.log(8.0)))
    head = "The islands both capitals claim"
    deck = "Japan protests Russian drills on Kunashir as the talks stall"
    page = [head, "Anna Roe", deck, LEAD, SECOND]
    body = [(4, LEAD, False), (5, SECOND, False)]
    removed = [Removed(1, head, "site header"), Removed(2, "Anna Roe", "byline")]
    choice = rerank_title(page, deck, None, body, removed, LEX, dated=False, model=model)
    assert (choice.title, choice.standfirst) == (head, deck)
    assert [number for number, _, _ in choice.body] == [4, 5]
    # with no byline between them the deck stays the title (P 0.1 is over keep_max)
    page = [head, deck, LEAD, SECOND]
    body = [(3, LEAD, False), (4, SECOND, False)]
    choice = rerank_title(page, deck, None, body, removed[:1], LEX, dated=False, model=model)
    assert choice.title == deck


def test_a_section_label_over_its_blurb_is_not_supported_by_the_blurb_but_by_the_story_under_the_headline():
    # one feature, is_first, weighted -log 4: the label gets exp(-log 4) = 1/4, the headline 1, so P = 0.2, 0.8
    model = _one_feature_model("is_first", weight=-float(np.log(4.0)))
    blurb = ("When a picture says more than words, see the world through our multimedia galleries, maps and "
             "other multimedia content from every region.")
    head = "Japan protests Russian drills on Kunashir"
    page = ["Multimedia", blurb, head, LEAD, SECOND]  # the blurb and the lead are paragraphs, no candidates
    body = [(3, head, False), (4, LEAD, False), (5, SECOND, False)]
    assert rerank_title(page, "Multimedia", blurb, body, [], LEX, dated=False, model=model).title == head
