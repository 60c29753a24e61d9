"""Round 17 (issue #12): page heads that hold on outlets the rules have not seen, each rule written for a mechanism.

Every page here is made up by hand; the expected title, standfirst and dateline are read off the page by eye.
"""

import pytest

from kuril_research.ingest.parse import furniture_reason, parse_article
from kuril_research.ingest.parse.decks import is_under_byline_block
from kuril_research.ingest.parse.records import Removed

from tests.page_parts import HEADLINE, LEAD, MORE


@pytest.mark.parametrize("between", [
    # the top photo's caption under the byline and date, with its source in brackets or without a credit at all
    "Passengers wait on the pier in Nemuro before the last crossing. (Harbour Archive)",
    "Passengers wait on the pier in Nemuro before the last crossing",
    # a notice box printed where a deck would be
    "This summary was written by a machine and may hold mistakes. Read the full story.",
])
def test_a_line_under_the_byline_and_date_over_the_dateline_is_no_standfirst(between):
    page = f"Island Post\n\n{HEADLINE}\n\nBy Jane Roe\nMarch 3, 2026\n\n{between}\n\nTOKYO — {LEAD}\n\n{MORE}"
    article = parse_article(page)
    assert (article.title, article.standfirst, article.dateline) == (HEADLINE, None, "TOKYO —")
    assert (8, "photo caption") in [(r.line, r.reason) for r in article.removed]
    assert article.text.startswith("Japan and Russia")


def test_a_deck_over_the_byline_stays_the_standfirst():
    deck = "Tokyo hopes the crossing will reopen the graves of former residents to their families"
    article = parse_article(f"Island Post\n\n{HEADLINE}\n\n{deck}\n\nBy Jane Roe\nMarch 3, 2026\n\nTOKYO — {LEAD}")
    assert article.standfirst == deck


def test_a_deck_under_the_top_photo_stays_the_standfirst():
    # the lead in bold under the photo and its credit, as a state outlet prints it under the date
    deck = "Former residents will be able to visit the graves of their families for the first time in two years."
    page = (f"Island Post\n{HEADLINE}\n10:15 GMT 03.03.2026\n© Harbour Wire / Jane Roe\nThe pier at Nemuro\n"
            f"{deck}\nTOKYO (Harbour Wire) - {LEAD}\n{MORE}")
    article = parse_article(page)
    assert (article.standfirst, article.dateline) == (deck, "TOKYO (Harbour Wire) -")


def test_the_line_under_a_synopsis_label_under_the_byline_is_the_standfirst():
    deck = "Former residents will be able to visit the graves of their families for the first time in two years."
    page = f"Island Post\n\n{HEADLINE}\n\nBy Jane Roe\nMarch 3, 2026\n\nSynopsis\n{deck}\n\nTOKYO: {LEAD}\n\n{MORE}"
    article = parse_article(page)
    assert (article.standfirst, article.dateline) == (deck, "TOKYO:")
    assert (8, "standfirst label") in [(r.line, r.reason) for r in article.removed]


@pytest.mark.parametrize("removed, expected", [
    ([Removed(3, "Jane Roe", "byline")], True),
    ([], False),
    # a photo between the byline block and the line: the deck under the photo
    ([Removed(3, "Jane Roe", "byline"), Removed(4, "© Harbour Wire", "credit line")], False),
    # a photo above the byline block does not count
    ([Removed(2, "© Harbour Wire", "credit line"), Removed(3, "Jane Roe", "byline")], True),
])
def test_is_under_byline_block(removed, expected):
    assert is_under_byline_block(5, 1, removed) is expected


@pytest.mark.parametrize("line, dateline, place, country", [
    # a space before the colon, as some South Asian portals print the dateline
    (f"Tokyo : {LEAD}", "Tokyo :", "Tokyo", None),
    (f"NEW DELHI : {LEAD}", "NEW DELHI :", "NEW DELHI", None),
    # a Japanese town with its prefecture abbreviated, as the Yomiuri prints it, the dash touching the lead
    (f"ITO, Shizuoka Pref.--{LEAD}", "ITO, Shizuoka Pref.--", "ITO", "Shizuoka Pref."),
    (f"NEMURO, Hokkaido Pref. — {LEAD}", "NEMURO, Hokkaido Pref. —", "NEMURO", "Hokkaido Pref."),
])
def test_colon_with_a_space_and_a_prefecture(line, dateline, place, country):
    article = parse_article(f"{HEADLINE}\n\n{line}\n\n{MORE}")
    assert (article.dateline, article.dateline_place, article.dateline_country) == (dateline, place, country)
    assert article.text.startswith("Japan and Russia")


@pytest.mark.parametrize("line, dateline, month, day, agency", [
    # Italian, French and Spanish wires keep their own month abbreviations in the English copy
    (f"(ANSA) - TOKYO, 14 GIU - {LEAD}", "(ANSA) - TOKYO, 14 GIU -", 6, 14, "ANSA"),
    (f"TOKYO, 3 déc. (AFP) - {LEAD}", "TOKYO, 3 déc. (AFP) -", 12, 3, "AFP"),
    (f"Tokio, 5 ago (EFE).- {LEAD}", "Tokio, 5 ago (EFE).-", 8, 5, "EFE"),
    (f"MOSCOW, 21 ott - {LEAD}", "MOSCOW, 21 ott -", 10, 21, None),
])
def test_foreign_month_abbreviations(line, dateline, month, day, agency):
    article = parse_article(f"{HEADLINE}\n\n{line}\n\n{MORE}")
    assert (article.dateline, article.dateline_month, article.dateline_day, article.agency) == (dateline, month, day,
                                                                                             agency)


def test_a_word_that_is_a_foreign_month_is_no_date_outside_a_dateline():
    # "ago" reads as a month only in a dateline's date: the place and "20 years ago" make none
    assert parse_article(f"{HEADLINE}\n\nTokyo, 20 years ago - {LEAD}\n\n{MORE}").dateline is None


def test_a_papers_name_with_its_city_in_brackets_is_no_standfirst():
    # a news database's export: the paper's name and city under the headline, then the date, then the dateline
    page = (f"Document 2 of 9\n\n{HEADLINE}\n\nThe Island Times (Nemuro)\nMarch 3, 2026 Tuesday\n\n"
            f"NEMURO, Hokkaido Pref.--{LEAD}\n\n{MORE}")
    article = parse_article(page)
    assert (article.title, article.standfirst, article.dateline) == (HEADLINE, None, "NEMURO, Hokkaido Pref.--")


@pytest.mark.parametrize("page, dateline, agency, month, day", [
    # the filing time after the date, the agency in brackets between dashes, run into the lead
    (f"{HEADLINE}\n\nTokyo, 07 Mar 2026 11:26 - (Harbour Wire) - {LEAD}\n\n{MORE}",
     "Tokyo, 07 Mar 2026 11:26 - (Harbour Wire) -", "Harbour Wire", 3, 7),
    # ... or the agency in capitals after a dash, alone on its line over the lead (not a "Headline — Site" title)
    (f"HARBOURWIRE\n\n{HEADLINE}\n\nKorsakov, March 7, 2026, 14:05 — HARBOURWIRE\n\n{LEAD}\n\n{MORE}",
     "Korsakov, March 7, 2026, 14:05 — HARBOURWIRE", "HARBOURWIRE", 3, 7),
])
def test_a_dateline_with_the_filing_time_and_the_agency(page, dateline, agency, month, day):
    article = parse_article(page)
    assert (article.title, article.dateline, article.agency) == (HEADLINE, dateline, agency)
    assert (article.dateline_month, article.dateline_day) == (month, day)
    assert article.text.startswith("Japan and Russia")


@pytest.mark.parametrize("line", ["Korsakov, March 7 21:48", "Korsakov, March 7, 21:48 — Cloudy"])
def test_a_date_and_time_without_an_agency_is_no_dateline(line):
    # a weather or date widget over the story
    article = parse_article(f"{HEADLINE}\n\n{line}\n\n{LEAD}\n\n{MORE}")
    assert article.dateline is None


@pytest.mark.parametrize("credit, dateline, place, agency", [
    # a wire's credit with its filing place in the byline block, where no dateline opens the story
    ("AFP/Tokyo", "AFP/Tokyo", "Tokyo", "AFP"),
    ("The Associated Press, Moscow", "The Associated Press, Moscow", "Moscow", "The Associated Press"),
])
def test_a_wire_credit_with_its_place_is_the_dateline(credit, dateline, place, agency):
    page = f"Island Post\nHome | World | Asia\n\n{HEADLINE}\n\n{credit}\nMarch 3, 2026 | 11:42 AM\n\n{LEAD}\n\n{MORE}"
    article = parse_article(page)
    assert (article.title, article.dateline, article.dateline_place, article.agency) == (HEADLINE, dateline, place,
                                                                                         agency)
    assert (6, "dateline") in [(r.line, r.reason) for r in article.removed]


@pytest.mark.parametrize("credit", ["REUTERS/Jane Roe", "Jane Roe, Tokyo", "AFP/Harbour Island"])
def test_a_photographer_a_writer_or_an_unknown_place_after_a_credit_is_no_dateline(credit):
    page = f"Island Post\nHome | World | Asia\n\n{HEADLINE}\n\n{credit}\nMarch 3, 2026 | 11:42 AM\n\n{LEAD}\n\n{MORE}"
    assert parse_article(page).dateline is None


def test_the_town_and_date_under_a_wire_credit_is_the_dateline():
    # the agency alone on its line is its credit (not a place in capitals over the lead); the town and date under it
    # are where and when the story was filed
    page = f"Island Post\n\n{HEADLINE}\n\nPTI\nSingapore, Mar 3 2026, 19:52 IST\n\n{LEAD}\n\n{MORE}"
    article = parse_article(page)
    assert (article.dateline, article.dateline_place, article.agency) == ("Singapore, Mar 3 2026, 19:52 IST",
                                                                         "Singapore", None)
    assert article.text.startswith("Japan and Russia")


def test_a_wire_alone_over_the_lead_is_no_dateline():
    article = parse_article(f"{HEADLINE}\n\nPTI\n\n{LEAD}\n\n{MORE}")
    assert article.dateline is None
    assert article.text.startswith("Japan and Russia")


def test_a_town_and_date_under_a_writer_is_no_dateline():
    page = f"Island Post\n\n{HEADLINE}\n\nBy Jane Roe\nSingapore, Mar 3 2026, 19:52 IST\n\n{LEAD}\n\n{MORE}"
    assert parse_article(page).dateline is None


@pytest.mark.parametrize("stamp, reason", [
    # the filing and update stamps of a page, one bar apart
    ("Filed on March 3, 2026 | Last updated on March 3, 2026 at 06.45 pm", "date line"),
    # a content system's stamp with the poster's user name
    ("Submitted by editor7 on 3 March 2026 - 9:14pm.", "byline"),
    # a date and time with the wire and the desk's editor after them
    ("2026-03-03 09:14 Harbour Wire Editor: Jane Roe", "byline"),
])
def test_stamps_under_the_headline_are_furniture_not_the_standfirst(stamp, reason):
    assert furniture_reason(stamp) == reason
    article = parse_article(f"Island Post\n\n{HEADLINE}\n\n{stamp}\n\nTOKYO - {LEAD}\n\n{MORE}")
    assert (article.title, article.standfirst, article.dateline) == (HEADLINE, None, "TOKYO -")
    assert (5, reason) in [(r.line, r.reason) for r in article.removed]


@pytest.mark.parametrize("line", ["Posted by Jane on the island.", "The editor: a job nobody wanted on the islands"])
def test_sentences_with_stamp_words_are_no_furniture(line):
    assert furniture_reason(line) is None


@pytest.mark.parametrize("line", ["DETAILS", "Publication title: The Island Times; Nemuro", "Pages: A9",
                                  "Publication year: 1997", "Place of publication: Nemuro",
                                  "Country of publication: Japan", "People: Roe, Jane; Aoki, Ken",
                                  "Title: Ferry to the islands to resume next month: [Final Edition]"])
def test_a_news_database_record_under_the_story_is_furniture(line):
    assert furniture_reason(line) == "database field"


def test_a_details_paragraph_of_the_story_is_kept():
    # a story's own "Details:" paragraph (as some outlets print the facts after the lead) is text
    assert furniture_reason("Details: the ferry will carry forty former residents to the islands.") is None
    assert parse_article(f"{HEADLINE}\n\n{LEAD}\n\nDetails: {MORE}").text.endswith(MORE)


def test_the_bios_of_every_writer_of_the_byline_under_the_story():
    # the second writer of "By A and B" is printed again under the story with a bio, like the first; so is the line
    # that says who reported from where
    page = (f"{HEADLINE}\n\nBy Jane Roe and Ken Aoki\n\n{LEAD}\n\n{MORE}\n\n"
            "Jane Roe reported from London, and Ken Aoki from Tokyo.\n\nKen Aoki\n\n"
            "Ken Aoki is a Tokyo-based producer for the Harbour Wire.")
    article = parse_article(page)
    assert article.text == f"{LEAD}\n\n{MORE}"
    assert [r.reason for r in article.removed if r.line >= 9] == ["author bio"] * 3


def test_a_story_paragraph_opening_with_a_co_writers_name_is_kept_when_the_story_goes_on():
    last = "The ferry is due to leave Nemuro on the first Monday of next month, weather permitting, officials said."
    page = f"{HEADLINE}\n\nBy Jane Roe and Ken Aoki\n\n{LEAD}\n\nKen Aoki reported that the pier was ready.\n\n{last}"
    assert "Ken Aoki reported" in parse_article(page).text


@pytest.mark.parametrize("line", [
    "Share or comment on this article:", "Add comment", "Top Comments", "Share what you think", "Have your say...",
    "By posting your comment you agree to our house rules.", "Commenting for this story is now closed.",
    "Disclaimer & comment rules", "If you have a Facebook account, become a fan and comment on our Facebook Page!",
    "Do you want to automatically post your IslandPost comments to your Facebook Timeline?",
    "The Island Post is committed to maintaining a lively but civil forum for discussion. Keep comments on topic.",
])
def test_the_prompts_and_rules_of_a_comment_box_are_furniture(line):
    assert furniture_reason(line) == "comment notice"
    assert line not in parse_article(f"{HEADLINE}\n\n{LEAD}\n\n{MORE}\n\n{line}").text


@pytest.mark.parametrize("line", ["Lavrov said he would comment on the islands later.",
                                  "Tokyo declined to comment on this story, the embassy said."])
def test_sentences_about_comments_are_text(line):
    assert furniture_reason(line) is None


def test_a_known_town_alone_in_mixed_case_right_over_the_lead_is_the_dateline():
    # a print page from a paper's e-edition: headline, deck, a rule, then the town on its own line over the lead
    page = f"The Island Post\n{HEADLINE}\n\nTokyo hopes the crossing will reopen the graves.\n\n-\n\nTokyo\n\n{LEAD}\n\n{MORE}"
    article = parse_article(page)
    assert (article.dateline, article.dateline_place) == ("Tokyo", "Tokyo")
    assert article.text.startswith("Japan and Russia")


@pytest.mark.parametrize("alone", ["Harbourville", "Ferries"])
def test_an_unknown_word_alone_over_the_lead_is_no_dateline(alone):
    page = f"The Island Post\n{HEADLINE}\n\n-\n\n{alone}\n\n{LEAD}\n\n{MORE}"
    assert parse_article(page).dateline is None


@pytest.mark.parametrize("citation", ["Roe, Jane. The Island Times; Nemuro [Nemuro]. 03 Mar 2026: A3.",
                                      "The Island Times; Nemuro, Hokkaido [Nemuro, Hokkaido]03 Mar 2026: 5."])
def test_a_news_database_citation_under_the_headline_is_no_standfirst(citation):
    page = f"{HEADLINE}\n\n{citation}\n\nProQuest document link\n\nFull Text\n\n{LEAD}\n\n{MORE}"
    article = parse_article(page)
    assert furniture_reason(citation) == "database field"
    assert (article.title, article.standfirst) == (HEADLINE, None)
    assert article.text.startswith("Japan and Russia")


def test_the_bio_under_a_writers_followers_count_is_furniture():
    # a blog platform's profile box under the story: "Written by", the followers, a bio in the writer's own words
    page = (f"{HEADLINE}\n\nBy Jane Roe\n\n{LEAD}\n\n{MORE}\n\nWritten by Jane Roe\n214 Followers\n"
            "Ferry fan based in Nemuro. Writing about the islands and the sea around them.\nFollow")
    article = parse_article(page)
    assert article.text == f"{LEAD}\n\n{MORE}"
    assert (11, "author bio") in [(r.line, r.reason) for r in article.removed]


@pytest.mark.parametrize("under_photo", ["", "The leaders before their talks\n"])
def test_a_town_and_its_wire_after_a_dash_is_the_dateline(under_photo):
    # a paper reprinting a wire's copy prints where and from whom under the top photo ("Singapore - TASS")
    page = f"Island Post\n\n{HEADLINE}\n\n{under_photo}Singapore - TASS\n\n{LEAD}\n\n{MORE}"
    article = parse_article(page)
    assert (article.title, article.dateline, article.dateline_place, article.agency) == (
        HEADLINE, "Singapore - TASS", "Singapore", "TASS")
    assert "Singapore - TASS" not in article.text


def test_a_town_and_a_writer_after_a_dash_is_no_dateline():
    page = f"Island Post\n\n{HEADLINE}\n\nSingapore - Jane Roe\n\n{LEAD}\n\n{MORE}"
    assert parse_article(page).dateline is None
