"""Round 13 (issue #12): page heads of outlets the rules had not seen, each rule written for a phenomenon.

Every page here is made up by hand; the expected title, standfirst and dateline are read off the page by eye.
"""

import pytest

from kuril_research.ingest.parse import furniture_reason, has_credit, parse_article
from kuril_research.ingest.parse.dateline import agency_first, match_dateline
from kuril_research.ingest.parse.header import is_tool_bar

LEAD = ("Japan lodged a protest with Russia on Monday over the deployment of missiles on the disputed islands, "
        "officials said.")
MORE = "The ministry said the drills ran counter to Tokyo's position on the talks."


@pytest.mark.parametrize("line, dateline, agency", [
    # the wire's name after the date without brackets, then a dash (Kyodo copies, BNS)
    (f"NEMURO, Japan, Sept. 23 Kyodo - {LEAD}", "NEMURO, Japan, Sept. 23 Kyodo - ", "Kyodo"),
    (f"VILNIUS, Feb 02, BNS – {LEAD}", "VILNIUS, Feb 02, BNS – ", "BNS"),
    # ... or alone on its line over the lead, without a dash
    ("TOKYO, Oct. 6 Kyodo", "TOKYO, Oct. 6 Kyodo", "Kyodo"),
    # "//" for the dash (The National's "CITY //")
    (f"ABU DHABI // {LEAD}", "ABU DHABI // ", None),
])
def test_agency_after_the_date_and_a_double_slash(line, dateline, agency):
    match = match_dateline(line)
    assert match.group(0) == dateline
    assert match.groupdict().get("agency5") == agency


def test_a_capitalised_word_after_a_date_without_a_dash_is_the_story():
    # no dash after it: "Japan" opens the lead, it is no agency
    assert match_dateline(f"TOKYO, March 3 {LEAD}").group(0) == "TOKYO, March 3 "


@pytest.mark.parametrize("line, dateline, place", [
    (f"(ANSA) - TOKYO, 14 NOV - {LEAD}", "(ANSA) - TOKYO, 14 NOV - ", "TOKYO"),
    (f"(ANSA) - CAPRI, APRIL 19 - {LEAD}", "(ANSA) - CAPRI, APRIL 19 - ", "CAPRI"),
])
def test_the_agency_before_place_and_date(line, dateline, place):
    match = agency_first(line)
    assert (match.group(0), match.group("place"), match.group("agency0")) == (dateline, place, "ANSA")


def test_the_agency_alone_before_the_story_stays_as_it_was():
    # "(RT) -" with no place and date after it: the agency's dateline only; a mixed-case place is the story
    assert match_dateline(f"(RT) - {LEAD}").group(0) == "(RT) - "
    assert agency_first("(AFP) - Tokyo, the capital, was quiet on Monday, March 3 - the day of the talks.") is None


def test_agency_first_dateline_through_the_parser():
    article = parse_article(f"Ferry talks stall\n\n(ANSA) - CAPRI, APRIL 19 - {LEAD}\n\n{MORE}")
    assert (article.dateline, article.dateline_place, article.agency) == ("(ANSA) - CAPRI, APRIL 19 -", "CAPRI",
                                                                          "ANSA")
    assert (article.dateline_month, article.dateline_day) == (4, 19)
    assert article.text.startswith("Japan lodged")


def test_a_town_and_a_colon_alone_over_the_lead():
    page = f"Ferry talks stall\n\nRead Time: 2 mins\n\nTokyo:\n\n{LEAD}\n\n{MORE}"
    article = parse_article(page)
    assert (article.title, article.dateline) == ("Ferry talks stall", "Tokyo:")
    assert article.text.startswith("Japan lodged")
    assert "Read Time" not in article.text


def test_an_unknown_word_and_a_colon_alone_is_no_dateline():
    article = parse_article(f"Ferry talks stall\n\nHighlights:\n\n{LEAD}\n\n{MORE}")
    assert article.dateline is None


@pytest.mark.parametrize("sep, first", [(" | ", "Home"), (" > ", "Home"), (" › ", "Home"), (" » ", "Home"),
                                        (" / ", "Home"), (" | ", "News"), (" > ", "You are here: Home")])
def test_a_breadcrumb_ending_in_the_headline(sep, first):
    # the trail ends in the headline printed again under it, whatever mark parts its items and however it begins
    headline = 'Japan Calls Russia\'s Exit From Ferry Talks "Unjust", Islanders Fear For Their Graves'
    crumb = sep.join([first, "World News", headline])
    deck = "Moscow said it would stop the visa-free visits, citing Tokyo's sanctions."
    article = parse_article(f"Island Daily\n{crumb}\n\n{headline}\n\n{deck}\n\nTOKYO: {LEAD}\n\n{MORE}")
    assert (article.title, article.standfirst) == (headline, deck)


def test_a_share_row_under_the_date_is_no_menu_under_a_masthead():
    headline = "Japan angered as three lawmakers tour Kunashir"
    deck = "Lawmakers say the visit was meant to show how Russia runs the island; Tokyo calls it regrettable"
    page = (f"THE ISLAND DAILY\nHome > International > Japan\n\n{headline}\n\n"
            "Posted on : May.24,2026 17:26 KST Modified on : May.24,2026 18:40 KST\n\n"
            f"Facebook | Twitter | Print | Font size\n\n{deck}\n\n{LEAD}\n\n{MORE}")
    article = parse_article(page)
    assert (article.title, article.standfirst) == (headline, deck)
    assert is_tool_bar("Facebook | Twitter | WhatsApp | Email") and not is_tool_bar("Home | World | Asia")


def test_a_dated_section_label_and_a_bracketed_post_are_furniture():
    headline = "After the Shooting: Fisheries and the Four Islands"
    page = (f"Commentary (October 5, 2026)\n\n{headline}\n\nAnna BERG (Senior Fellow, Island Institute)\n\n"
            f"{LEAD}\n\n{MORE}")
    article = parse_article(page)
    assert article.title == headline
    assert article.text.startswith("Japan lodged")
    assert furniture_reason("EDITORIAL (Feb. 7, 2026)") == "section label"
    # a headline with more words before its bracket is no label
    assert furniture_reason("Japan and Russia resume the ferry talks (March 3, 2026)") is None


@pytest.mark.parametrize("line, reason", [
    ("This content was published on July 26, 2026 - 12:48", "date line"),
    ("This content was published on", "date line"),
    ("This article was last updated on 3 March 2026", "date line"),
])
def test_a_publication_stamp_that_names_what_was_published(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line, credit", [
    ("The ambassador at the parliament / A. Berg/Island Radio", True),
    ("A sign calling for the return of the islands stands in Nemuro. [Photo/Agencies]", True),
    ("A sign calling for the return of the islands stands in Nemuro. [Photo by Anna Berg/Island Daily]", True),
    # a sentence with a slash but no photographer and outlet after a spaced slash
    ("The talks ran from Monday to Tuesday / Wednesday, officials said.", False),
])
def test_caption_credits_after_a_slash_or_in_square_brackets(line, credit):
    assert has_credit(line) is credit


def test_a_deck_under_a_caption_with_a_bracketed_credit():
    headline = "Tokyo lodges protest over Russian missile drills on disputed isles"
    deck = "Moscow says the exercises are routine; analysts see little room for talks"
    page = (f"{headline}\n\nBy ANNA BERG in Tokyo | Island Daily | Updated: 2026-03-31 09:42\n\nShare\n"
            "A sign calling for the return of the islands stands on the coast in Nemuro. [Photo/Agencies]\n\n"
            f"{deck}\n\n{LEAD}\n\n{MORE}")
    article = parse_article(page)
    assert (article.title, article.standfirst) == (headline, deck)
    assert "Photo/Agencies" not in article.text


@pytest.mark.parametrize("line, reason", [
    # a blog's share buttons and like button (WordPress prints them on any site it runs)
    ("Click to share on X (Opens in new window)", "navigation"),
    ("Click to email a link to a friend (Opens in new window)", "navigation"),
    ("Like Loading...", "loading message"),
    ("Please read our comment policy before commenting.", "comment notice"),
    # an interview's byline
    ("Anna Berg, Interviewed by Jane Roe", "byline"),
    # a house disclaimer with the kind of piece as its subject
    ("Blog posts represent the views of the institute's fellows and not those of the institute.", "disclaimer"),
    ("Island Forum commentaries and responses represent the views of their authors.", "disclaimer"),
])
def test_blog_and_house_furniture(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line", [
    "The protesters represent the views of many residents of Nemuro.",
    "The ministry said it would open a new window for talks (officials said).",
])
def test_news_sentences_are_no_blog_furniture(line):
    assert furniture_reason(line) is None


def test_a_caption_with_its_source_after_a_slash_under_the_date():
    headline = "Moscow courts investors for the islands Japan claims"
    caption = "Processing lines at a fish plant on Shikotan. / Island Wire"
    page = f"{headline}\n\nAnna Berg in Vladivostok\nMarch 4, 2026\n\n{caption}\n\n{LEAD}\n\n{MORE}"
    article = parse_article(page)
    assert article.title == headline and article.standfirst is None
    assert caption not in article.text


@pytest.mark.parametrize("line, reason", [
    # the source's name and the story's age, as aggregators print it, maybe glued together
    ("Harbour Wire8 hours ago", "date line"),
    ("Island Daily 3 hours ago", "date line"),
])
def test_aggregator_ages(line, reason):
    assert furniture_reason(line) == reason


def test_a_sentence_with_an_age_is_no_date_line():
    assert furniture_reason("Talks began 3 days ago") is None


@pytest.mark.parametrize("town", ["Abu Dhabi:", "New Delhi:", "Vilnius:"])
def test_towns_of_several_words_and_new_capitals_with_a_colon(town):
    article = parse_article(f"Ferry talks stall\n\n{town}\n\n{LEAD}\n\n{MORE}")
    assert article.dateline == town
    assert article.text.startswith("Japan lodged")


def test_a_wire_and_a_place_in_mixed_case_under_the_headline():
    # FORMAT.md: a filing place on a line of its own in the byline block is the dateline; the place is Singapore
    page = f"Ferry talks stall\n\nAFP, Singapore\nPublished: 14 November 2026: 05:12 PM GST\n\n{LEAD}\n\n{MORE}"
    article = parse_article(page)
    assert (article.dateline, article.dateline_place, article.agency) == ("AFP, Singapore", "Singapore", "AFP")


def test_a_writer_and_a_town_is_no_wire_and_place():
    article = parse_article(f"Ferry talks stall\n\nJane Roe, Tokyo\n\n{LEAD}\n\n{MORE}")
    assert article.dateline_place != "Jane Roe"
    assert article.agency is None
