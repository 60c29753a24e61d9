"""Round 22 (issue #12): page heads of sites no rule had seen (g1298-g1393, measured untuned first): a badge
that reads like a list header over the headline ("Editors' Pick"), share buttons "to" a network, and a search
box printed with its button.

Every line and page here is made up by hand; the expected reason or title is read off it by eye.
"""

import pytest

from kuril_research.ingest.parse import furniture_reason, parse_article

from tests.page_parts import HEADLINE, LEAD, MORE


@pytest.mark.parametrize("line", ["Share to Linkedin", "Share to Facebook", "Share with WhatsApp",
                                  "Search the archive: GO", "Search site Go", "Search: »"])
def test_share_buttons_and_search_boxes_are_furniture(line):
    assert furniture_reason(line) is not None


@pytest.mark.parametrize("line", ["Share to the islands' fishermen grows", "Search goes on for missing crew"])
def test_headlines_that_open_like_buttons_are_no_furniture(line):
    assert furniture_reason(line) is None


@pytest.mark.parametrize("badge, under", [
    ("Editors' Pick", "Jan 23, 2019, 08:15am EST"),   # a magazine's badge, the date under the headline
    ("Top Stories", "20 September, 2007, 14:25"),     # a broadcaster's label over its lead story
])
def test_a_list_header_over_one_line_and_a_date_is_a_badge_over_the_headline(badge, under):
    page = "\n\n".join(["The Harbour Courier", badge, HEADLINE, under, LEAD, MORE])
    assert parse_article(page).title == HEADLINE


def test_a_list_header_over_two_lines_is_a_list_of_links():
    page = "\n\n".join(["The Harbour Courier", "Top Stories", "Crab quotas cut again",
                        "Nemuro museum reopens", "Jan 23, 2019", HEADLINE, LEAD, MORE])
    assert parse_article(page).title == HEADLINE


def test_a_one_item_list_over_the_story_stays_a_list():
    # no byline or date under the item: nothing says it is the story's headline rather than a link
    page = "\n\n".join(["The Harbour Courier", "Top Stories", "Crab quotas cut again", LEAD, MORE])
    article = parse_article(page)
    assert article.title is None and "Crab quotas cut again" not in article.text


DECK = ("Japanese prime minister hopes the personal touch will break a long deadlock; Russia signals no quick deal "
        "on the islands")


def test_a_long_deck_under_a_blank_line_yields_to_the_headline_over_it():
    # a title-case headline with a comma over its long deck, a blank line between: the lead takes up more of the
    # deck's words, and the chooser took the deck
    headline = "Leaders Meet at a Seaside Inn, but the Island Question Hangs Over Their Talks"
    page = "\n".join(["The Harbour Courier", "Subscribe", "Home > World News", "", headline, "", DECK, "",
                      "The Associated Press", "Dec 15, 2016 9:27 AM", "", "Send in e-mail", "Comments", "",
                      "NAGATO, Japan - " + LEAD, "", MORE])
    assert parse_article(page).title == headline


def test_a_trail_of_sections_over_a_deck_is_no_headline():
    page = "\n\n".join(["The Harbour Courier", "World News / Rest Of The World News", DECK, LEAD, MORE])
    assert parse_article(page).title == DECK


@pytest.mark.parametrize("line, reason", [
    ("Ukraine, Japan, Russia, Ministry of Foreign Affairs, Northern territories of Japan, occupation", "tags"),
    ("Russia, Japan, Kuril Islands, peace treaty, Vladimir Putin", "tags"),
    ("Japan, Russia, China, the US and Korea meet on fishing", None),   # a headline's list: four commas at most
    ("Putin, Abe, Lavrov, Kono, Peskov: who said what", None),          # a colon: a headline's mark
])
def test_a_topic_list_without_its_label_is_tags(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line, reason", [
    ("AGL 38.10 Increased By ▲ 0.45 (1.2%)", "markets widget"),    # a business site's stock rows
    ("BOP 7.94 No Change ▼ 0.00 (0%)", "markets widget"),
    ("Follow: Dmitry Medvedev, Japan, Kuril Islands, World News", "tags"),
    ("Tip: To quickly find your search term on this page, press Ctrl+F or ⌘-F (Mac) and use the find bar.",
     "update note"),                                                # a search engine cache's hint
    ("This article text was automatically generated and may contain errors. View the original page image.",
     "update note"),                                                # a digitised paper's OCR notice
    ("Follow the money: how the islands are funded", None),
    ("Japan 38 Up 4 in poll", None),
])
def test_tickers_topic_prompts_and_archive_notices(line, reason):
    assert furniture_reason(line) == reason


def test_a_colon_dateline_under_a_digitised_papers_ocr_notice_is_found():
    page = "\n\n".join(["Trove", "The Harbour Courier (1926 - 1995) Wed 17 Apr 1991", "Text correction",
                        "This article text was automatically generated and may contain errors. View the original "
                        "page image to verify the text.", "Article text", HEADLINE, f"TOKYO: {LEAD}", MORE])
    article = parse_article(page)
    assert (article.title, article.dateline) == (HEADLINE, "TOKYO:")


@pytest.mark.parametrize("line", ["Monday, November 21, 2005 г. 14:47", "21 November 2005 г.", "21.11.2005 г."])
def test_a_russian_sites_date_line_with_its_year_mark_is_a_date_not_a_headline(line):
    # "2005 г." keeps the Russian word for "year"; read as a headline, the line went over a long headline as if
    # that were its deck
    from kuril_research.ingest.parse.shape import is_dated_line, is_headline_shaped
    from kuril_research.ingest.parse.lexicon import default_furniture

    assert is_dated_line(line) and not is_headline_shaped(line, default_furniture())
