"""Round 12 (issue #12): the head of the page on layouts the rules were not written from.

Every page here is made up by hand; the expected title, standfirst and dateline are read off the page by eye.
"""

import pytest

from kuril_research.ingest.parse import furniture_reason, has_credit, parse_article
from kuril_research.ingest.parse.header import is_outlet_name
from kuril_research.ingest.parse.header_place import is_known_place
from kuril_research.ingest.parse.headings import unnumbered_title
from kuril_research.ingest.parse.lexicon import default_furniture

LEAD = ("Japan lodged a protest with Russia on Monday over the deployment of missiles on the disputed islands, "
        "officials said.")
MORE = "The ministry said the drills ran counter to Tokyo's position on the talks."


@pytest.mark.parametrize("page, title, dateline, first_words", [
    # a dash typed against a place in capitals
    (f"Ferry talks stall\n\nTOKYO- {LEAD}\n\n{MORE}", "Ferry talks stall", "TOKYO-", "Japan lodged"),
    (f"Ferry talks stall\n\nYUZHNO-SAKHALINSK- {LEAD}\n\n{MORE}", "Ferry talks stall", "YUZHNO-SAKHALINSK-",
     "Japan lodged"),
    # a place alone on its line over the headline, under the comment counter
    (f"politics\n\n4 Comments\nMOSCOW\n\nFerry talks stall\n\n{LEAD}\n\n{MORE}", "Ferry talks stall", "MOSCOW",
     "Japan lodged"),
    # a place with its country between the byline and the date
    (f"Ferry talks stall\n\nBy Anna Berg\nKORSAKOV, RUSSIA\nMarch 3, 2026\n\n{LEAD}\n\n{MORE}", "Ferry talks stall",
     "KORSAKOV, RUSSIA", "Japan lodged"),
])
def test_datelines_apart_from_the_lead(page, title, dateline, first_words):
    article = parse_article(page)
    assert (article.title, article.dateline) == (title, dateline)
    assert article.text.startswith(first_words)


def test_a_section_label_in_capitals_is_no_dateline():
    article = parse_article(f"Ferry talks stall\n\nPOLITICS\n\n{LEAD}\n\n{MORE}")
    assert article.dateline is None
    assert "POLITICS" not in article.text.split("\n\n")[0] or article.text.startswith("Japan lodged")


@pytest.mark.parametrize("place, known", [
    ("TOKYO", True), ("NEMURO", True), ("TOKYO/MOSCOW", True), ("TOKYO and MOSCOW", True), ("NEW DELHI", True),
    ("POLITICS", False), ("JAPAN TODAY", False), ("THE HARBOUR SHIMBUN", False), ("NEW", False),
])
def test_known_places(place, known):
    assert is_known_place(place, default_furniture()) is known


@pytest.mark.parametrize("line, reason", [
    ("Island Radio, Tuesday 3 March 2026, 07:09 GMT", "date line"),
    ("Korsakov, May 24 21:48", "date line"),
    ("Submitted by Harbour Wire on", "byline"),
    ("Supplied by Island Monitoring Service", "byline"),
    ("Uploaded by Anna Berg on March 3, 2026", "byline"),
    ("Home / World News / Japan protests drills near the islands as talks stall again", "navigation"),
    # text stays text
    ("Korsakov, May 24", None),
    ("Talks resumed on Monday, 3 March, at 10:00", None),
    ("Published by the ministry on Monday, the map shows all four islands.", None),
])
def test_furniture_lines(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line, credit", [
    ("Two ministers meet in Tokyo to discuss the islands.(photo taken from Harbour TV video)", True),
    ("Two ministers meet in Tokyo. (Screenshot from Harbour TV footage)", True),
    ("The ministry released a video of the drills on Monday.", False),
    ("Officials said the footage was authentic.", False),
])
def test_caption_naming_its_picture(line, credit):
    assert has_credit(line) is credit


def test_caption_printed_twice_is_no_standfirst():
    page = ("Ministers to discuss the islands\n\n"
            "Two ministers meet in Tokyo to discuss the islands.(photo taken from Harbour TV video)\n"
            "Two ministers meet in Tokyo to discuss the islands.(Screenshot from Harbour TV video)\n\n"
            f"TOKYO (Harbour Wire) — {LEAD}\n\n{MORE}")
    article = parse_article(page)
    assert (article.title, article.standfirst, article.dateline) == (
        "Ministers to discuss the islands", None, "TOKYO (Harbour Wire) —")


def test_byline_of_who_put_the_story_up_is_no_standfirst():
    page = f"Ferry talks stall\n\nSubmitted by Harbour Wire on\n\nITURUP, August 2. /TASS/. {LEAD}\n\n{MORE}"
    article = parse_article(page)
    assert (article.title, article.standfirst) == ("Ferry talks stall", None)


@pytest.mark.parametrize("line, outlet", [
    ("THE HARBOUR SHIMBUN", True), ("The Island Times", True), ("Harbour Daily", True),
    ("Island Drills Anger Tokyo", False), ("Kuril Islands", False), ("Good News", True),
])
def test_outlet_names(line, outlet):
    assert is_outlet_name(line, default_furniture()) is outlet


def test_outlet_name_over_the_story_is_no_title():
    article = parse_article(f"THE HARBOUR SHIMBUN\nMarch 3, 2026 at 18:00 JST\n\n{LEAD}\n\n{MORE}")
    assert article.title is None
    assert article.text.startswith("Japan lodged")


def test_numbered_title_of_a_database_list():
    lines = ["Document (1)", "", "3. Ferry to the islands resumes", "", "Ferry to the islands resumes"]
    assert unnumbered_title("3. Ferry to the islands resumes", lines) == "Ferry to the islands resumes"
    assert unnumbered_title("3. Ferry to the islands resumes", lines[:3]) == "3. Ferry to the islands resumes"
    assert unnumbered_title(None, lines) is None


@pytest.mark.parametrize("line, reason", [
    # news about a politician's channel is text; the site's own channel is furniture
    ("Medvedev responded on his Telegram channel on Friday.", None),
    ("The governor wrote on her Telegram channel that the ferry would sail.", None),
    ("Join the Harbour Post's Telegram channel for the latest news.", "follow button"),
    ("News from our Telegram channel", "follow button"),
    # "Related" opening a sentence of the story is text; the label is furniture
    ("Related talks between the two coast guards were held in Korsakov.", None),
    ("Related stories", "read more"),
    ("Related:", "read more"),
])
def test_news_sentences_are_not_furniture(line, reason):
    assert furniture_reason(line) == reason


def test_region_label_over_a_speaker_headline():
    # a region label over a headline that quotes its speaker after a colon, over the date: the label is no headline
    page = ("Harbour News\nNews | Analytics | Regions\n\nKuril District\n\n"
            "Governor: the new pier on Shikotan will open next spring\n\n12 March 2026, 10:15\n\n"
            f"{LEAD}\n\n{MORE}")
    article = parse_article(page)
    assert (article.title, article.standfirst) == ("Governor: the new pier on Shikotan will open next spring", None)
