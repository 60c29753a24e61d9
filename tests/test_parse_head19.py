"""Round 19 (issue #12): page heads that hold on sites no rule has seen, each rule written for a mechanism seen on
several sites (the 96 articles g674–g769 and real pages studied through the search tool).

Every line and page here is made up by hand; the expected reason, title or dateline is read off it by eye.
"""

import pytest

from kuril_research.ingest.parse import furniture_reason, parse_article
from kuril_research.ingest.parse.timestamps import is_timestamp

HEADLINE = "Ferry to the islands to resume next month"
LEAD = ("Japan and Russia agreed on Monday to resume the ferry between Nemuro and the islands next month, officials "
        "said, ending a pause of two years.")
MORE = "The ministry said the first crossing would carry about forty former residents."


# --------------------------------------------------------------------------- an archive's age notice and ages in years

@pytest.mark.parametrize("line, reason", [
    ("This was published 5 years ago", "update note"),          # a paper's archive over an old story's headline
    ("This article was published more than a year ago.", "update note"),
    ("Updated 2 years ago", "date line"),                        # an age in months or years, as in days
    ("3 months ago", "date line"),
    ("Harbour Wire 2 years ago", "date line"),
])
def test_ages_in_months_and_years_are_furniture(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line", [
    "This was published five years after the war ended, in a small print run.",
    "The treaty was published 60 years ago in both languages.",
    "Two years ago the ferry stopped.",
])
def test_story_sentences_about_years_stay(line):
    assert furniture_reason(line) is None


def test_a_date_with_its_age_in_years_is_a_date_line():
    assert is_timestamp("22 Apr, 2026 12:06 / Updated 2 years ago")
    assert not is_timestamp("22 years of talks")


def test_an_archive_notice_over_the_headline_is_not_the_title():
    page = f"Island Post\n\nThis was published 5 years ago\n\n{HEADLINE}\n\nMarch 3, 2021 — 4.18am\n\nTOKYO: {LEAD}\n\n{MORE}"
    article = parse_article(page)
    assert (article.title, article.standfirst) == (HEADLINE, None)


def test_the_headline_under_a_date_with_its_age_is_the_title():
    deck = "Tokyo used the word for the first time in years, and Moscow was quick to answer"
    page = (f"Island Post\nHome | World | Business | Opinion\nWorld\n\n22 Apr, 2026 12:06 / Updated 2 years ago\n"
            f"Get short URL\n\n{HEADLINE}\n\n{deck}\n\n{LEAD}\n\n{MORE}")
    article = parse_article(page)
    assert (article.title, article.standfirst) == (HEADLINE, deck)
    assert [r.reason for r in article.removed if r.text.startswith("22 Apr")] == ["date line"]
