"""Round 10 (issue #12): standfirsts that hold on layouts never seen, on hand-made pages."""

from kuril_research.ingest.parse import parse_article
from kuril_research.ingest.parse.decks import is_byline_line

TITLE = "Island ferry talks stall again"
DECK = "Moscow wants a new fee. Tokyo says the old deal still stands."
LEAD = ("Japan and Russia ended a second day of talks in Sakhalin on Tuesday without agreeing on the ferry "
        "service to the disputed islands, officials on both sides said.")
MORE = "A further round is planned for the spring, according to the Japanese side."


def _page(*lines: str) -> str:
    return "\n\n".join(("The Harbour Times",) + lines)


def test_a_deck_in_sentences_over_the_byline_is_the_standfirst():
    a = parse_article(_page(TITLE, DECK, "By Jane Roe", "June 3, 2026", LEAD, MORE))
    assert (a.title, a.standfirst) == (TITLE, DECK)
    assert a.text.startswith("Japan and Russia ended")


def test_a_deck_over_a_byline_left_in_the_body_with_a_job_title():
    a = parse_article(_page(TITLE, DECK, "Jane RoeNorth Asia correspondent", LEAD, MORE))
    assert a.standfirst == DECK


def test_a_lead_in_sentences_with_no_byline_under_it_stays_in_the_story():
    a = parse_article(_page(TITLE, DECK, LEAD, MORE))
    assert a.standfirst is None
    assert a.text.startswith("Moscow wants a new fee.")


def test_a_line_under_the_byline_is_the_story_not_a_deck():
    a = parse_article(_page(TITLE, "By Jane Roe", "June 3, 2026", DECK, LEAD, MORE))
    assert a.standfirst is None


def test_byline_shapes():
    assert is_byline_line("By Jane Roe (Tokyo, correspondent)")
    assert is_byline_line("Jane RoeNorth Asia correspondent")
    assert not is_byline_line("By the end of the week the ferry had left.")
    assert not is_byline_line(DECK)


def test_a_caption_with_its_credit_after_a_dash_is_no_standfirst():
    caption = "The two leaders shake hands before their talks in Vladivostok on the sidelines of a forum on Monday — Harbour Wire"
    a = parse_article("\n".join([TITLE, "June 3, 2026", caption, f"TOKYO, June 3 (Harbour Wire): {LEAD}", MORE]))
    assert (a.title, a.standfirst) == (TITLE, None)
    assert [r.reason for r in a.removed if r.text == caption] == ["photo caption"]


def test_a_caption_with_agency_pic_in_brackets_is_no_standfirst():
    caption = "The two leaders shake hands before their talks at the Kremlin in Moscow. (Harbour Wire pic)"
    a = parse_article(_page(TITLE, caption, f"MOSCOW: {LEAD}", MORE))
    assert a.standfirst is None


def test_the_headline_in_another_script_is_no_standfirst():
    a = parse_article("\n\n".join([TITLE, "World News", "Переговоры о пароме снова зашли в тупик", LEAD, MORE]))
    assert (a.title, a.standfirst) == (TITLE, None)


def test_a_page_title_with_a_tagline_over_its_headline_printed_again():
    a = parse_article("\n\n".join([f"{TITLE} - A guide to life on the northern islands", TITLE, LEAD, MORE]))
    assert a.title == TITLE
    assert [r.reason for r in a.removed if r.line == 1] == ["page title"]


def test_an_issue_label_over_the_headline_is_no_title():
    page = "\n".join(["The Harbour Times", "Home | Politics | Fisheries", "Issue #48", "June 3, 2026", TITLE,
                      "By Jane Roe", LEAD, MORE])
    assert parse_article(page).title == TITLE


def test_a_gallery_of_numbered_image_names_never_takes_the_headline():
    from kuril_research.ingest.parse.title_model import rerank_title
    from kuril_research.ingest.parse.lexicon import default_furniture
    from kuril_research.ingest.parse.title_features import FEATURE_NAMES, is_numbered_copy
    from kuril_research.ingest.parse.title_model import TitleModel
    # a model sure of the lead's words: the numbered lines share more of them than the headline does
    sure = TitleModel(tuple(50.0 if n == "lead_overlap" else 0.0 for n in FEATURE_NAMES),
                      tuple(0.0 for _ in FEATURE_NAMES), tuple(1.0 for _ in FEATURE_NAMES))
    assert is_numbered_copy("Ferry pier at Nemuro 2", ["Ferry pier at Nemuro 1"])
    lines = [TITLE, "Ferry talks in Sakhalin 2", "Ferry talks in Sakhalin 1", LEAD, MORE]
    body = [(4, LEAD, False), (5, MORE, False)]
    choice = rerank_title(lines, TITLE, None, body, [], default_furniture(), dated=False, model=sure)
    assert choice.title == TITLE


def test_where_the_rules_find_no_title_a_sure_model_names_the_headline():
    from kuril_research.ingest.parse.lexicon import default_furniture
    from kuril_research.ingest.parse.title_features import FEATURE_NAMES
    from kuril_research.ingest.parse.title_model import TitleModel, rerank_title
    sure = TitleModel(tuple(50.0 if n == "lead_overlap" else 0.0 for n in FEATURE_NAMES),
                      tuple(0.0 for _ in FEATURE_NAMES), tuple(1.0 for _ in FEATURE_NAMES))
    lines = ["Made for minds.", "Ferry talks in Sakhalin", LEAD, MORE]
    body = [(1, lines[0], False), (2, lines[1], False), (3, LEAD, False), (4, MORE, False)]
    choice = rerank_title(lines, None, None, body, [], default_furniture(), dated=False, model=sure)
    assert choice.title == "Ferry talks in Sakhalin"
    assert [n for n, _, _ in choice.body] == [3, 4]
    # a line that runs on into a lower-case line is a hard-wrapped paragraph's, no headline
    wrapped = ["Made for minds.", "Ferry talks in Sakhalin", "ended on Tuesday without a deal.", LEAD, MORE]
    body = [(1, wrapped[0], False), (2, wrapped[1], False), (3, wrapped[2], False), (4, LEAD, False)]
    assert rerank_title(wrapped, None, None, body, [], default_furniture(), dated=False, model=sure).title is None


def test_a_page_copied_line_by_line_without_a_title_rule_gets_headline_deck_and_byline():
    page = "\n".join(["DW", "Made for minds.", "Asia", "Japan", "Ferry talks in Sakhalin end without a deal", DECK,
                      "Jane Roe", "03/22/2026 March 22, 2026", LEAD, MORE])
    a = parse_article(page)
    assert (a.title, a.standfirst) == ("Ferry talks in Sakhalin end without a deal", DECK)
    assert a.text.startswith("Japan and Russia ended")
    assert ("Jane Roe", "byline") in [(r.text, r.reason) for r in a.removed]


def test_a_headline_printed_twice_over_its_photo_credit_is_named_with_its_deck():
    head = 'Jane Roe: "We keep our word"'
    deck = "The island governor told our readers how life on the islands could be made easier for families"
    page = "\n".join(["The Harbour Times is not responsible for mistakes in this version. Sorry for that.",
                      "Please read the original as the source.", "", head, "", deck, "", head, "Photo: Harbour Wire",
                      "- " + LEAD, "- " + MORE])
    a = parse_article(page)
    assert (a.title, a.standfirst) == (head, deck)
