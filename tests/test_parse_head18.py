"""Round 18 (issue #12): page heads of the 96 articles g578–g673, each rule written for a mechanism seen in more
than one annotator's batch.

Every line and page here is made up by hand; the expected reason or dateline is read off it by eye.
"""

import pytest

from kuril_research.ingest.parse import furniture_reason, parse_article
from kuril_research.ingest.parse.dateline import match_dateline

from tests.page_parts import HEADLINE, LEAD, MORE


# --------------------------------------------------------------------------- donation appeals worded otherwise

@pytest.mark.parametrize("line", [
    "Support iHarbour",                                              # a site's name opening in lower case
    "Support Notes from the Strait and get access to members-only content.",
    "Not ready to support today?",
    "Support UP or become our patron!",
    "Support a free press & help us reach 500 monthly patrons: no ads, no paywall.",
    "We are a small newsroom. Your donation helps us keep reporting from the coast.",
    "Readers like you are keeping this newsletter free for everyone...",
])
def test_donation_appeals_worded_otherwise(line):
    assert furniture_reason(line) == "donation appeal"


@pytest.mark.parametrize("line", [
    '"Your support helps us rebuild the pier," the mayor told the former residents.',  # a quotation with its speaker
    "Support for the treaty fell to 30 percent in the latest poll.",
    "Readers of the local paper learned about the ferry from the front page.",
])
def test_story_sentences_like_those_appeals_stay(line):
    assert furniture_reason(line) is None


# --------------------------------------------------------------------------- a wire's dateline in its own marks

@pytest.mark.parametrize("paragraph, dateline, place, agency", [
    # a place in mixed case and the wire's name between slashes, no dash
    ("Magadan /HARBOURNEWS/ The governor opened the new pier on Monday.", "Magadan /HARBOURNEWS/", "Magadan",
     "HARBOURNEWS"),
    # a story filed from two places in mixed case, joined by a slash
    ("Nemuro/Korsakov (ferrywire) - The first crossing sailed on Monday.", "Nemuro/Korsakov (ferrywire) -",
     "Nemuro/Korsakov", "ferrywire"),
    # a place in capitals, the agency in brackets and a colon
    ("KORSAKOV (Harbour Wire): The first crossing sailed on Monday.", "KORSAKOV (Harbour Wire):", "KORSAKOV",
     "Harbour Wire"),
])
def test_wire_datelines_in_their_own_marks(paragraph, dateline, place, agency):
    match = match_dateline(paragraph)
    assert match is not None
    assert (match.group(0).strip(), match.group("place")) == (dateline, place)
    assert agency in (match.group("agency"), match.group("agency2"))


@pytest.mark.parametrize("paragraph", [
    "Nemuro /HARBOURNEWS/ said the ferry would sail.",      # a word in lower case after the slashes: a sentence
    "ANNA KOVA (translation): We thought we would go back.",  # a speaker and a note in brackets over a turn
    "Either/Or (a novel) was read on the ferry.",
    "QUESTION: What about the ferry?",
])
def test_lines_like_those_datelines_are_none(paragraph):
    assert match_dateline(paragraph) is None


def test_a_wire_dateline_between_slashes_opens_the_story():
    page = f"Island Post\n\n{HEADLINE}\n\nMagadan /HARBOURNEWS/ {LEAD}\n\n{MORE}"
    article = parse_article(page)
    assert (article.title, article.dateline, article.agency) == (HEADLINE, "Magadan /HARBOURNEWS/", "HARBOURNEWS")
    assert article.text.startswith("Japan and Russia")


# --------------------------------------------------------------------------- the publisher's note on itself

@pytest.mark.parametrize("line", [
    "Harbour Wire is an independent news agency based in Nemuro, with reporters in four ports.",
    "The Strait Institute is a nonprofit, nonpartisan research institute devoted to the study of the northern seas.",
    "ISLANDPRESS is a business news agency of the Northern Media group.",
])
def test_a_publishers_note_on_itself_is_a_closing_note(line):
    assert furniture_reason(line) == "closing note"


@pytest.mark.parametrize("line", [
    "The Strait Foundation, a nonprofit organization, hosted the talks in Nemuro.",  # no "is a" after the name
    "Kyodo is a Japanese news agency, the minister said.",  # no word of an outlet's self-description
    "TASS is a state news agency.",
])
def test_sentences_naming_an_outlet_stay(line):
    assert furniture_reason(line) is None


# --------------------------------------------------------------------------- a classic Nexis download's fields

NEXIS_PAGE = ("                               3 of 9 DOCUMENTS\n\n"
              "                          Harbour Wire\n\n"
              "                          March 3, 2026, Tuesday\n\n"
              "SECTION: World News\n\nLENGTH: 312 words\n\n"
              f"HEADLINE: {HEADLINE}\n\n"
              "BYLINE: Jane Roe in Nemuro\n\n"
              "DATELINE: Nemuro/Korsakov\n\n"
              "BODY:\n\n"
              f"{LEAD}\n\n{MORE}\n\nLOAD-DATE: March 4, 2026\n")


def test_a_classic_nexis_download_gives_its_headline_without_the_label_and_drops_its_fields():
    article = parse_article(NEXIS_PAGE)
    assert (article.title, article.standfirst, article.dateline) == (HEADLINE, None, None)
    removed = {r.text.strip(): r.reason for r in article.removed}
    assert removed["BYLINE: Jane Roe in Nemuro"] == removed["DATELINE: Nemuro/Korsakov"] == "database field"
    assert removed["BODY:"] == "database field"
    assert article.text.startswith("Japan and Russia")


@pytest.mark.parametrize("line, reason", [
    ("BYLINE: Jane Roe in Nemuro", "database field"),
    ("DATELINE: Nemuro/Korsakov", "database field"),
    ("BODY:", "database field"),
    ("Dateline: NEMURO, Japan, Sept. 23", None),  # a label in mixed case: the dateline rules read it
])
def test_nexis_field_labels_in_capitals(line, reason):
    assert furniture_reason(line) == reason


# --------------------------------------------------------------------------- follow prompts worded otherwise

@pytest.mark.parametrize("line", [
    "Click to follow",
    "Follow Harbour Wire on WhatsApp Channels",
    "Follow Harbour Wire on Telegram. Only the news that matters from the coast",
    "Stay up-to-date with more news at Harbour Wire's Telegram channel",
    "For more island news, follow us on Instagram | Twitter | Facebook and never miss an update!",
    "Thanks for reading. For more news, keep checking our website, and follow us on Facebook and Instagram.",
    "Like Island Post on Facebook, follow @islandpost on Twitter to stay informed.",
])
def test_follow_prompts_worded_otherwise(line):
    assert furniture_reason(line) == "follow button"


@pytest.mark.parametrize("line", [
    "Officials stay informed through the ministry's Telegram channel, the governor said.",
    "Follow the ferry on its way to Kunashir and you see the old cannery.",
])
def test_news_sentences_like_follow_prompts_stay(line):
    assert furniture_reason(line) is None


# --------------------------------------------------------------------------- a comment box's counter and rules

@pytest.mark.parametrize("line", [
    "Discussion: 0 comments so far…",
    "Please read our commenting policy before posting comments.",
    "Questions or comments? Write to the Island Post newsroom.",
])
def test_comment_notices_worded_otherwise(line):
    assert furniture_reason(line) == "comment notice"


@pytest.mark.parametrize("line", ["Questions or comments? The minister took none.", "Discussion: the ferry to Kunashir"])
def test_lines_like_comment_notices_stay(line):
    assert furniture_reason(line) is None


def test_a_newsbank_records_fields_around_the_text_are_furniture():
    raw = ("NewsBank\nAccess World News\nThe Island Gazette (Nemuro)\nOctober 13, 1993\nEdition: 1 - State\n"
           "Section: WORLD\nPage: 21\nEstimated printed pages: 2\n\nYELTSIN VISITS TOKYO\n\n"
           "Author: From Jane Roe in Tokyo\n\nArticle Text:\n\n"
           "The Russian President yesterday signed a declaration naming Etorofu, Kunashiri and Shikotan.\n\n"
           "He left for Moscow in the evening.\n\nRecord Number: 93101300021\n")
    body = parse_article(raw).text
    for field in ("Edition:", "Section:", "Page: 21", "Estimated printed pages", "Article Text", "Record Number"):
        assert field not in body
    assert body.startswith("The Russian President yesterday signed")


def test_a_transcripts_stage_direction_in_brackets_is_no_dateline():
    assert match_dateline("[CLIP] IVAN PETROV (voice of interpreter): We will not give up Kunashir.") is None
    assert match_dateline("[MUSIC] Welcome back to the programme.") is None
    assert match_dateline("[NEMURO] The ferry sailed for Kunashir on Monday.").group("place") == "NEMURO"
