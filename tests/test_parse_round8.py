"""Round 8 of issue #12: headers, datelines and furniture as real pages of many sites print them, read by the shape
and position of their lines: a headline printed again under itself, a caption whose credit touches its full stop,
a video's caption over its player, an appeal box over the masthead, a region's dash touching the lead, coordinates
under a headword, link labels under a one-paragraph story. Every page here is written for the test; the expected
values are read off the page by hand.
"""

import pytest

from kuril_research.ingest.parse import furniture_reason, parse_article
from kuril_research.ingest.parse.decks import is_short_label
from kuril_research.ingest.parse.dateline import match_dateline
from kuril_research.ingest.parse.furniture import appeal_box_lines, headline_copies
from kuril_research.ingest.parse.layout import repeated_lines
from kuril_research.ingest.parse.lexicon import default_furniture
from kuril_research.ingest.parse.shape import is_headline_shaped, same_heading
from kuril_research.ingest.parse.timestamps import is_timestamp

LEAD = ("Japan lodged a protest with Moscow on Tuesday over military drills held on two of the disputed islands "
        "off Hokkaido, officials said.")
MORE = "The ministry said the drills involved about 300 troops and several armoured vehicles."


def reasons(article):
    return {r.text: r.reason for r in article.removed}


# --------------------------------------------------------------------------- a headline printed again

def test_a_headline_printed_three_times_is_the_title_once():
    # the headline, then the same line twice more as the top photo's caption and alternative text
    head = "Russia Moves Coastal Missiles Closer to Hokkaido"
    a = parse_article("\n".join([head, "", head, head, "", LEAD, "", MORE]))
    assert a.title == head
    assert a.text.startswith("Japan lodged")
    assert [r.reason for r in a.removed] == ["repeated title", "repeated title"]


def test_a_running_header_in_capitals_is_no_headline_copy():
    # a printed report's running header, twice, in capitals and columns: furniture, never the title
    header = "ISLANDS AND BORDERS: A SECURITY REVIEW        NORTHERN INSTITUTE"
    page = [header, "", LEAD, "", header, "", MORE]
    assert headline_copies(page, {1, 5}, default_furniture()) == set()
    a = parse_article("\n".join(page))
    assert a.title is None and header not in a.text


def test_numbered_copies_are_a_gallery_not_the_headline():
    # three alternative texts longer than a short line, numbered: all removed, the real headline kept
    alt = ("Photograph of the governor greeting former residents of the four islands at the port of Nemuro in "
           "Hokkaido on the morning of the visit")
    lines = [f"{alt} 1", f"{alt} 1", f"{alt} 2"]
    assert repeated_lines(lines + ["Text."]) == {1, 2, 3}
    assert repeated_lines(lines[1:] + ["Text."]) == set()  # twice only: a long line may be a quotation
    a = parse_article("\n".join(["The Governor Greets Former Residents at Nemuro Port", *lines, LEAD, MORE]))
    assert a.title == "The Governor Greets Former Residents at Nemuro Port"
    assert a.text.startswith("Japan lodged")


# --------------------------------------------------------------------------- captions that are no headline

def test_a_caption_whose_credit_touches_its_full_stop_is_no_title():
    # an aggregator's copy: the top photo's caption, its source glued to the full stop, over a wire dateline
    caption = "Fishing boats moored at Nemuro with Kunashir on the horizon, seen from the harbour wall.(Harbour Daily)"
    a = parse_article("\n".join([caption, "TOKYO (Harbour Wire) -- " + LEAD, MORE]))
    assert a.title is None
    assert a.dateline == "TOKYO (Harbour Wire) --"
    assert reasons(a)[caption] == "photo caption"
    assert not is_headline_shaped("Boats moored at Nemuro.(Harbour Daily)", default_furniture())


def test_a_videos_caption_over_its_player_is_no_title():
    # a broadcaster's video page: the clip's caption, the player's notice, then the headline and its summary
    page = ["The foreign minister arriving at the talks", "Media playback is unsupported on your device", "",
            "Japan and Russia reopen talks on the islands", "", LEAD, "", MORE]
    a = parse_article("\n".join(page))
    assert a.title == "Japan and Russia reopen talks on the islands"
    assert reasons(a)["The foreign minister arriving at the talks"] == "video caption"
    # over a paragraph the line above the notice stays: it is not a clip's caption over a headline
    b = parse_article("\n".join(["Japan and Russia reopen talks", "Media playback is unsupported on your device",
                                 LEAD, MORE]))
    assert b.title == "Japan and Russia reopen talks"


# --------------------------------------------------------------------------- appeal boxes and prompts

def test_an_appeal_box_over_the_masthead_is_removed():
    # a close sign, a question, two lines to the reader and a button, all in one block over the headline
    page = ["×", "Reading us without ads?", "We switched off all advertising on the site this spring.",
            "It costs us money every month. Your support keeps it that way.", "Support us", "",
            "Ferry to the islands will not sail this summer", "", LEAD, "", MORE]
    a = parse_article("\n".join(page))
    assert a.title == "Ferry to the islands will not sail this summer"
    assert a.standfirst is None
    assert {r.line for r in a.removed if r.reason == "donation appeal"} == {1, 2, 3, 4, 5}


def test_a_story_copied_line_by_line_is_no_appeal_box():
    # a quotation that asks for support, in a block of story lines: long lines, not a box
    lines = ['"We ask the government to support us," the head of the fishermen\'s cooperative in Rausu told '
             'reporters on Monday after the meeting.', "Support us", "The cooperative has 40 boats."]
    assert appeal_box_lines(lines, default_furniture()) == set()
    # a short single-spaced story whose quotation asks for support has no button: no box
    story = ["Japan will keep its claim, the minister said.", '"We support our former islanders," he said.',
             "The ferry sails in May."]
    assert appeal_box_lines(story, default_furniture()) == set()
    assert furniture_reason('"We support our former islanders," he said.') is None  # a quotation, not an appeal
    assert furniture_reason("Like this story? Support our newsroom with a one-off donation.") == "donation appeal"


@pytest.mark.parametrize("line, reason", [
    ("Follow us on: |", "share counter"),                                   # a social prompt with its bar
    ("Follow us on Telegram", "share counter"),
    ("×", "icon labels"),                                                   # a close button's sign
    ("Media playback is unsupported on your device", "video caption"),
    ("(Source: Harbour Wire; published Mar. 02, 2026)", "credit line"),     # a republished text's source
    ("Coordinates: 43°50′N 146°10′E / 43.833°N 146.167°E", "navigation"),   # a wiki's coordinates
    ("43°50′N 146°10′E / 43.833°N 146.167°E / 43.833; 146.167", "navigation"),
    ("(Redirected from Southern Kuril conflict)", "navigation"),
])
def test_furniture_lines_of_round8(line, reason):
    assert furniture_reason(line) == reason


def test_a_sentence_that_opens_like_a_prompt_is_text():
    assert furniture_reason("Follow us into the fog, the captain told the crew.") is None


# --------------------------------------------------------------------------- headwords, decks, sign-offs

def test_coordinates_under_a_headword_are_no_menu_bar():
    # a wiki copy: skip link, headword, coordinates with slashes, the wiki's note, then the text
    page = ["Jump to content", "", "Southern Kuril dispute", "",
            "Coordinates: 43°50′N 146°10′E / 43.833°N 146.167°E / 43.833; 146.167",
            "From Wikipedia, the free encyclopedia", "(Redirected from Southern Kuril conflict)", "", LEAD, "", MORE]
    a = parse_article("\n".join(page))
    assert a.title == "Southern Kuril dispute"
    assert a.text.startswith("Japan lodged")


def test_a_short_capitalised_line_is_no_deck_without_a_dateline():
    assert is_short_label("Notes on military activity")   # five words: a forum's description, a tagline
    assert not is_short_label("Tokyo says the drills run counter to its position")
    assert not is_short_label("archipelago, Russia")      # an encyclopaedia's descriptor, in lower case
    # over a dateline the line under the headline is the deck, however short
    a = parse_article("\n".join(["Talks stall again", "", "Notes on the talks", "", "TOKYO, March 3 (Kyodo) -- " + LEAD]))
    assert a.standfirst == "Notes on the talks"


def test_a_forum_topic_with_its_description_poster_and_dates():
    page = ["Russia to move more missiles to the northern Kurils", "Notes on military activity", "Site Staff",
            "Site Staff", "Posts: 812", "Joined: Fri Mar 06, 2026 8:15 am", "", "Mon Mar 09, 2026 7:03 am", "",
            LEAD, "", MORE]
    a = parse_article("\n".join(page))
    assert a.title == "Russia to move more missiles to the northern Kurils"
    assert a.standfirst is None
    assert a.text.startswith("Japan lodged")  # the description, poster, counts and dates are all furniture
    assert reasons(a)["Joined: Fri Mar 06, 2026 8:15 am"] == "date line"
    assert is_timestamp("Joined: Fri Mar 06, 2026 8:15 am") and not is_timestamp("Joined the talks in March")


def test_link_labels_under_a_one_paragraph_story_are_removed():
    # an embassy's media digest: one paragraph, then the site's topic links as bullets
    page = ["Japan protests drills on the islands", "", LEAD, "", "  • Ambassador", "  • Visas", "  • Trade"]
    a = parse_article("\n".join(page))
    assert a.text == LEAD
    assert [r.reason for r in a.removed] == ["sign-off", "sign-off", "sign-off"]


# --------------------------------------------------------------------------- datelines

@pytest.mark.parametrize("paragraph, dateline", [
    ("Rausu, Hokkaido--About 40 boats stayed in port on Monday.", "Rausu, Hokkaido--"),   # two hyphens touching
    ("Rausu, Hokkaido—About 40 boats stayed in port on Monday.", "Rausu, Hokkaido—"),     # an em dash touching
    ("Rausu, Hokkaido- About 40 boats stayed in port on Monday.", "Rausu, Hokkaido- "),   # round 5's form stays
])
def test_a_place_and_region_with_a_dash_touching_the_lead(paragraph, dateline):
    assert match_dateline(paragraph)[0] == dateline


def test_a_place_and_region_before_lower_case_is_no_dateline():
    assert match_dateline("Rausu, Hokkaido--a town of fishermen.") is None
    assert match_dateline("Rausu, Hokkaido - a town of fishermen.") is None


def test_a_paper_with_its_name_date_and_region_dateline():
    page = ["The Harbour Shimbun", "", " ", "", "Ex-residents sail for Shikotan on visa-free visit", "",
            "May 24, 2026", "", "", "Nemuro, Hokkaido--" + LEAD, "", MORE]
    a = parse_article("\n".join(page))
    assert (a.title, a.standfirst, a.dateline) == ("Ex-residents sail for Shikotan on visa-free visit", None,
                                                   "Nemuro, Hokkaido--")
    assert a.dateline_place == "Nemuro" and a.text.startswith("Japan lodged")


# --------------------------------------------------------------------------- found on a second, unseen batch of pages

def test_a_heading_printed_twice_side_by_side():
    # a feature page: the headline with its hidden twin on one line, then the headline alone, then the writer
    head = "The Northern Islands: Near at hand, out of reach"
    page = [f"{head} {head}", "", head, "", "    Harbour Radio", "    Harbour Radio", "    Senior Producer",
            "    " + LEAD, "", "    " + MORE]
    a = parse_article("\n".join(page))
    assert a.title == head
    assert reasons(a)[f"{head} {head}"] == "repeated title"
    assert a.text.startswith("Japan lodged")
    # printed only side by side, the line stands for its heading
    assert parse_article("\n".join([f"{head} {head}", "", LEAD, "", MORE])).title == head


def test_a_caption_with_its_label_in_capitals_is_no_dateline_nor_deck():
    # a paper's feature: headline, the top photo's caption opening with a label in capitals, the date, the headline
    # again, then the story
    head = "The long wait of the islanders of Nemuro"
    caption = ("LOOKING OUT TO SEA: A lighthouse on the cape, the easternmost point of the main islands. Two museums "
               "on the cape tell the islands' story.")
    page = [head, "", caption, "", "", "    Mar 30, 2026", "", f"    {head}", "", "    " + LEAD, "", "    " + MORE]
    a = parse_article("\n".join(page))
    assert (a.title, a.standfirst, a.dateline) == (head, None, None)
    assert reasons(a)[caption] == "photo caption"
    assert reasons(a)[head] == "repeated title"
    assert a.text.startswith("Japan lodged")
    # a place of two words that names a place is still a dateline
    b = parse_article("\n".join(["Talks watched closely", "", "NEW DELHI: India said on Monday that it followed the "
                                 "talks between Tokyo and Moscow closely.", "", MORE]))
    assert b.dateline == "NEW DELHI:"


# --------------------------------------------------------------------------- found on a third, unseen batch of pages

def test_the_headline_again_in_sentence_case_over_the_deck():
    # an aggregator: the headline in title case, again in sentence case, the deck, then the agency's dateline
    deck = ("The ministry has asked reporters to treat with care the stories that say the islands may change hands "
            "in the years to come")
    page = ["Ministry Warns Reporters Over News Of Island Handover", "",
            "Ministry Warns Reporters Over News of Island Handover", "", deck, "",
            "MOSCOW (Harbour Wire / Sputnik - 03rd March, 2026) " + LEAD, "", MORE]
    a = parse_article("\n".join(page))
    assert a.title == "Ministry Warns Reporters Over News Of Island Handover"
    assert a.standfirst == deck
    assert a.dateline == "MOSCOW (Harbour Wire / Sputnik - 03rd March, 2026)"
    assert reasons(a)["Ministry Warns Reporters Over News of Island Handover"] == "repeated title"
    assert same_heading("Talks Stall Again", "Talks stall again") and not same_heading("Talks stall", "Talks stall again")


@pytest.mark.parametrize("line, reason", [
    ("Site is for sale: desk@example.org", "link"),   # a label with an e-mail address after it
    ("Tips: newsroom@example.org", "link"),
    ("No time to read?", "navigation"),               # a summary widget's prompt and button
    ("Get a summary", "navigation"),
    ("Summarize this article", "navigation"),
])
def test_contact_labels_and_summary_widgets(line, reason):
    assert furniture_reason(line) == reason


def test_a_sale_notice_over_the_headline_is_no_title():
    page = ["The Fishery Review", "History", "Site is for sale: desk@example.org", "Category: History", "",
            "Kelp boats and the border near the Habomai islets", "", "", LEAD, "", MORE]
    assert parse_article("\n".join(page)).title == "Kelp boats and the border near the Habomai islets"


def test_a_place_and_a_day_first_date_with_a_dash():
    a = parse_article("\n".join(["Talks stall again", "", "Nemuro, 3 March 2026 – " + LEAD, "", MORE]))
    assert a.dateline == "Nemuro, 3 March 2026 –"
    assert (a.dateline_place, a.dateline_month, a.dateline_day) == ("Nemuro", 3, 3)
    assert a.text.startswith("Japan lodged")


# --------------------------------------------------------------------------- found on a fifth, unseen batch of pages

def test_a_caption_sentence_over_a_photo_credit_under_the_headline():
    # a portal: headline, the top photo's caption (a sentence with its date), "PHOTO: ..." credit, then the wire copy
    caption = ("The prime minister takes pictures at a port on Iturup, one of the four islands, as he tours the "
               "islands on August 22, 2026.")
    page = ["Japan protests as Russian premier visits the islands", "", caption, "PHOTO: Harbour Wire", "",
            "MOSCOW - " + LEAD, "", MORE]
    a = parse_article("\n".join(page))
    assert (a.title, a.standfirst, a.dateline) == ("Japan protests as Russian premier visits the islands", None,
                                                   "MOSCOW -")
    assert reasons(a)[caption] == "photo caption"


def test_a_section_heading_is_no_title():
    # a journal page copied from its abstract on: "Abstract" heads the text, the page's title is not in the copy
    page = ["Abstract", LEAD, "Japan, Russia, Northern Territories, Kuril Islands", MORE]
    a = parse_article("\n".join(page))
    assert a.title is None
    assert a.text.startswith("Abstract\n\nJapan lodged")


def test_a_byline_and_date_printed_as_a_list():
    # a journal's page prints its date label and writers as list items under the headline
    page = ["Quiet on the Northern Front?: Japan and Russia's Island Dispute", "", "  • Published",
            "  • By Jane Roe & John Doe, Harbour Institute", "", LEAD, "", MORE]
    a = parse_article("\n".join(page))
    assert a.title == "Quiet on the Northern Front?: Japan and Russia's Island Dispute"
    assert a.text.startswith("Japan lodged")
    assert reasons(a)["• Published"] == "date line"
    # a list item that is text stays
    assert parse_article("\n".join(["Key facts", "", LEAD, "", "• Tokyo says the islands are its own.", "",
                                    MORE])).text.count("• Tokyo says") == 1
