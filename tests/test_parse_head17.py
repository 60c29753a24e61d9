"""Round 17 (issue #12): page heads that hold on outlets the rules have not seen, each rule written for a mechanism.

Every page here is made up by hand; the expected title, standfirst and dateline are read off the page by eye.
"""

import pytest

from kuril_research.ingest.parse import parse_article
from kuril_research.ingest.parse.decks import is_under_byline_block
from kuril_research.ingest.parse.records import Removed

HEADLINE = "Ferry to the islands to resume next month"
LEAD = ("Japan and Russia agreed on Monday to resume the ferry between Nemuro and the islands next month, officials "
        "said, ending a pause of two years.")
MORE = "The ministry said the first crossing would carry about forty former residents."


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
