"""Round 21 (issue #12): page heads on sites no rule had seen (g1058-g1105, written before the rules and measured
untuned first): an archive's topic list and an age notice without "this ... was".

Every line and page here is made up by hand; the expected reason or title is read off it by eye.
"""

import pytest

from kuril_research.ingest.parse import furniture_reason, parse_article

from tests.page_parts import HEADLINE, LEAD, MORE


@pytest.mark.parametrize("line, reason", [
    ("Collections: Mikhail Gorbachev, Japan, Soviet Union", "tags"),   # a newspaper archive's topic list
    ("Take note - story published 8 years ago", "update note"),       # an age notice without "this ... was"
    ("Story published 3 years ago", "update note"),
    ("Words: 603", "database field"),                                 # a database's word count as a field
    ("This is Google's cache of http://example.jp/news/1.html. It is a snapshot of the page as it appeared on "
     "13 Feb 2011 02:41:19 GMT.", "update note"),                     # a cache's notice over its stored copy
    ("The Wayback Machine - https://web.archive.org/web/20041117031542/http://example.com/news.html", "update note"),
    ("INTERNET ARCHIVE Wayback Machine", "update note"),
])
def test_archive_topic_lists_and_age_notices_are_furniture(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("notice", ["Collections: Japan, Russia, Fishing", "Take note - story published 8 years ago",
                                    "Words: 603"])
def test_the_headline_under_an_archive_notice_is_the_title(notice):
    page = "\n\n".join(["The Harbour Courier", "News | World | Archive", notice, HEADLINE, LEAD, MORE])
    article = parse_article(page)
    assert (article.title, article.standfirst) == (HEADLINE, None)


def test_a_page_title_opening_like_a_dateline_yields_to_the_dateline_of_the_lead():
    # the site's page title "SITE -- SECTION - World: headline" matches a dateline's shape ("SITE --"), but the
    # story's first paragraph opens with the real one
    page = "\n\n".join([f"HARBOURNET -- HNEWS - World: {HEADLINE}", "HNEWS World", HEADLINE,
                        f"TOKYO (AFP) -- {LEAD}", MORE])
    article = parse_article(page)
    assert (article.dateline, article.title) == ("TOKYO (AFP) --", HEADLINE)
    assert article.text.startswith("Japan and Russia agreed on Monday")


def test_a_deck_under_the_date_and_over_a_byline_is_the_standfirst():
    # nothing of the story stands over its byline: the sentence between the date and "By ..." is the deck
    deck = "Moscow and Tokyo sign a dozen accords but fail to agree a statement on the islands."
    page = "\n\n".join(["Harbour Watch", HEADLINE, "Tuesday, 22 November 2005", deck,
                        "By Jane Roe in Tokyo for Harbour Watch", LEAD, MORE])
    article = parse_article(page)
    assert (article.title, article.standfirst) == (HEADLINE, deck)
    assert article.text.startswith("Japan and Russia agreed on Monday")


def test_a_long_deck_under_a_short_headline_is_no_title():
    # the lead takes up more of the deck's words than of the short headline, but the headline stands over it
    head = "Visiting Family Graves by Air"
    deck = "Former residents of the islands travel to the graves of their families by chartered plane for the first time"
    lead = ("In September last year, a small group of elderly former residents stepped off a chartered plane onto "
            "the island of their birth, officials said on Monday.")
    page = "\n".join(["HARBOUR MAGAZINE", "Public Relations Office, Government of Japan", "HOME | ISSUE | ABOUT",
                      "Home > Back Numbers > March 2018", "", "HARBOUR MAGAZINE March 2018", "POLICY-RELATED NEWS", "",
                      head, deck, "", lead, "", MORE])
    article = parse_article(page)
    assert (article.title, article.standfirst) == (head, deck)
