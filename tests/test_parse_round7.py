"""Round 7 of issue #12: the headline read by its shape on page layouts the position rules have not met (a trade
paper's kicker and deck, a think tank's "Publication:" line, a blog's category line, a video page's tools), and
the datelines, standfirsts and furniture of such pages. Every page here is written for the test; the expected
values are read off the page by hand.
"""

import pytest

from kuril_research.ingest.parse import furniture_reason, parse_article
from kuril_research.ingest.parse.lexicon import default_furniture
from kuril_research.ingest.parse.records import Removed
from kuril_research.ingest.parse.shape import headline_by_shape, is_headline_shaped

LEAD = ("Japan lodged a protest with Moscow on Tuesday over military drills held on two of the disputed islands "
        "off Hokkaido, officials said.")
MORE = "The ministry said the drills involved about 300 troops and several armoured vehicles."


# --------------------------------------------------------------------------- the shape of a headline

@pytest.mark.parametrize("line", [
    "Ferry operators weigh winter timetable for the islands",           # sentence case, no listed verb
    "Minister Warns Fishing Crews Over Border Zone At Kunashir",         # title case, seven words or more
    "Tokyo sees 'no progress' after Moscow talks",                      # a headline mark
    "[Editorial] The Kelp Harvest Must Not Be Bargained Away",          # a label in brackets first
    "Briefing by the ministry's spokesman, Moscow, July 16, 2026",      # a title may end in its date
])
def test_lines_with_a_headlines_shape(line):
    assert is_headline_shaped(line, default_furniture())


@pytest.mark.parametrize("line", [
    "Kenji Aoyama",                              # a writer's name
    "Kenji Aoyama, Sapporo",                     # a writer's name and city
    "Leave a comment",                           # too short: a button
    "Latest, Top Stories of the Week",           # short title case without a verb: a category line
    "March 4, 2026 10:30 AM Reading time: 4",    # opens with a date
    "The ferry left the harbour at noon.",       # a full stop: a sentence
    "ISLANDS AND BORDERS IN THE NORTH PACIFIC",  # capitals: a section's banner
    "sailed at noon on Friday from the port",    # lower case: a wrapped paragraph's line
])
def test_lines_without_a_headlines_shape(line):
    assert not is_headline_shaped(line, default_furniture())


# --------------------------------------------------------------------------- the headline under the menu

def test_headline_and_deck_under_a_kicker_over_a_byline_and_date():
    # trade press: masthead, menu, kicker, headline, deck, writer, date, then the story (no dateline)
    page = "\n".join(["The Kelp Trader", "News  Prices  Data  Events", "SEAWEED / JAPAN",
                      "Nemuro kelp boats sit idle as border talks stall",
                      "Cooperatives put the season's losses at about 900 million yen",
                      "Aiko Sato", "Mar. 4, 2026 08:31 GMT", LEAD, MORE])
    a = parse_article(page)
    assert a.title == "Nemuro kelp boats sit idle as border talks stall"
    assert a.standfirst == "Cooperatives put the season's losses at about 900 million yen"
    assert a.text.startswith("Japan lodged")
    assert "Aiko Sato" not in a.text


def test_headline_under_a_menu_over_a_publication_line():
    # a think tank's page: name, slogan, menu items one a line, headline, "Publication:" line, date with age
    page = "\n".join(["The Harbour Institute", "Research and analysis", "Programs", "Publications", "Events",
                      "Experts", "Moscow Revives Old Formula at Summit, Tokyo Hears Two Different Things",
                      "Publication: Monitor Volume: 3 Issue: 12", "March 27, 2001 05:00 PM Age: 25 years", LEAD, MORE])
    a = parse_article(page)
    assert a.title == "Moscow Revives Old Formula at Summit, Tokyo Hears Two Different Things"
    assert a.standfirst is None


def test_headline_over_a_blogs_category_line():
    page = "\n".join(["The Island Notebook", "Notes from the northern edge, one question at a time", "Home", "About",
                      "Archive", "Premier's speech on the islands angers Moscow", "Featured, News of the Day",
                      "February 8, 2011 21:10", LEAD, MORE])
    assert parse_article(page).title == "Premier's speech on the islands angers Moscow"


def test_headline_of_a_video_page_without_a_title_found():
    # a video page: menu items, headline, airing date, newsletter box, then the script
    page = "\n".join(["Home", "Top News", "World", "Watch Live",
                      "Lavrov tells Tokyo: accept the outcome of the war first", "FIRST AIRED: January 14, 2019",
                      LEAD, MORE])
    assert parse_article(page).title == "Lavrov tells Tokyo: accept the outcome of the war first"


def test_a_short_heading_over_the_pages_questions_is_kept():
    # an official page's heading is short and in title case (no headline's shape); the question under it has one,
    # but a line under the chosen title is a heading of the text, not the headline
    lines = ["Prefectural Government", "Home > Administration > Border Issue", "The Border Issue",
             "Where are the islands on the map today?", LEAD]
    removed = [Removed(1, lines[0], "site header"), Removed(2, lines[1], "navigation")]
    body = [(4, lines[3], True), (5, lines[4], False)]
    choice = headline_by_shape(lines, "The Border Issue", None, body, removed, default_furniture(), dated=False)
    assert (choice.title, choice.body) == ("The Border Issue", body)


def test_the_old_title_is_logged_and_the_lines_over_the_new_headline_leave_the_body():
    lines = ["Home  World  Video", "Watch Live", "Lavrov tells Tokyo: accept the outcome of the war first", "", LEAD]
    removed = [Removed(1, lines[0], "navigation")]
    body = [(2, lines[1], False), (3, lines[2], True), (5, lines[4], False)]
    choice = headline_by_shape(lines, None, None, body, removed, default_furniture(), dated=False)
    assert choice.title == "Lavrov tells Tokyo: accept the outcome of the war first"
    assert choice.body == [(5, LEAD, False)]
    assert [(r.line, r.reason) for r in choice.removed] == [(1, "navigation"), (2, "site header")]


def test_a_hard_wrapped_paragraph_gives_no_headline():
    # a report's page copied from a PDF: no headline, and no wrapped line taken for one
    page = "\n".join(["The smaller islands, Shikotan and the Habomai group, referred to together in",
                      "Russian usage as the Lesser Kuril Chain, have seen little military building",
                      "beyond border-guard posts. This is significant for the talks.", "",
                      "Moscow presents the deployments as defensive. In the words of a 2023",
                      "statement, the aim is to secure the islands and the straits."])
    assert parse_article(page).title is None


# --------------------------------------------------------------------------- furniture of a journal's page

@pytest.mark.parametrize("line, reason", [
    ("Open access", "paywall"),
    ("3 CrossRef citations to date", "share counter"),
    ("0 Altmetric", "share counter"),
    ("Research Article", "section label"),
])
def test_a_journal_articles_labels_and_metrics(line, reason):
    assert furniture_reason(line) == reason


# --------------------------------------------------------------------------- datelines

def test_a_dateline_with_its_agency_alone_on_its_line():
    page = "\n".join(["Moscow rejects Tokyo's protest over the visit", "MOSCOW, November 2 (Island Wire)", LEAD, MORE])
    a = parse_article(page)
    assert (a.dateline, a.dateline_place, a.agency, a.dateline_month, a.dateline_day) == \
        ("MOSCOW, November 2 (Island Wire)", "MOSCOW", "Island Wire", 11, 2)
    assert a.text.startswith("Japan lodged")


def test_a_place_in_capitals_in_brackets_opens_the_story():
    page = "\n".join(["Leaders sign deals but no island breakthrough", "", "[TOKYO] " + LEAD, "", MORE])
    a = parse_article(page)
    assert (a.dateline, a.dateline_place) == ("[TOKYO]", "TOKYO")
    assert a.text.startswith("Japan lodged")


def test_a_label_in_brackets_is_no_dateline():
    page = "\n".join(["Leaders sign deals but no island breakthrough", "", "[UPDATE] " + LEAD, "", MORE])
    assert parse_article(page).dateline is None


def test_a_transcripts_place_header_is_no_dateline():
    page = "\n".join(["Department Press Briefing – March 3, 2026", "Jane Roe, Department Spokesperson",
                      "Washington, D.C.", "March 3, 2026",
                      "MS ROE: Good afternoon, everyone. I have nothing at the top, so let us go to questions.",
                      "QUESTION: Thank you. On the islands, is there a change in the position?"])
    a = parse_article(page)
    assert a.title == "Department Press Briefing – March 3, 2026"
    assert a.dateline is None and a.dateline_place is None
    assert a.text.startswith("MS ROE: Good afternoon")
    assert "Washington" not in a.text


# --------------------------------------------------------------------------- standfirsts

def test_a_text_size_toggle_under_the_headline_is_no_standfirst():
    page = "\n".join(["The Harbour Herald", "World", "Premier's island stroll sparks fury in Tokyo", "November 2, 2010",
                      "Normal text size", "Larger text size", LEAD, MORE])
    a = parse_article(page)
    assert a.title == "Premier's island stroll sparks fury in Tokyo"
    assert a.standfirst is None
    assert "text size" not in a.text


def test_a_publication_field_under_the_headline_is_no_standfirst():
    page = "\n".join(["Asia Policy Forum", "Analysis  Commentary  Events", "Japan protests drills on disputed islands",
                      "Publication: Policy Brief No. 12", "By Jane Roe", LEAD, MORE])
    a = parse_article(page)
    assert (a.title, a.standfirst) == ("Japan protests drills on disputed islands", None)
    assert a.text.startswith("Japan lodged")


# --------------------------------------------------------------------------- furniture of unfamiliar outlets

@pytest.mark.parametrize("line, reason", [
    ("This article was first published in The Harbour Daily.", "closing note"),
    ("This article is brought to you by Newsreel. Newsreel is a reading app for the news.", "closing note"),
    ("(The briefing was concluded at 4:15 p.m.)", "closing note"),
    ("No potential conflict of interest was reported by the author(s).", "closing note"),
    ("Any reuse of our stories online requires a hyperlink to example.org placed in the first paragraph.",
     "closing note"),
    ("The Island Post's website can also be accessed at the following addresses:", "closing note"),
    ("Dear readers! Thanks for reading. Comments are closed for this story.", "comment notice"),
    ("Help us keep local reporting free. Give today.", "donation appeal"),
    ("Is there a claim you would like our desk to fact-check? Write to us.", "donation appeal"),
    ("Unsubscribe at any time.", "newsletter"),
    ("Read the Full Transcript", "read more"),
    ("Follow Island Wire on", "follow button"),
    ("You can share this story on social media:", "follow button"),
    ("Larger text size", "navigation"),
])
def test_notes_appeals_and_prompts_of_unfamiliar_outlets(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line", [
    "The ministry said it would donate now.",                  # a sentence of the story, not a button
    "This article of the treaty was first published in 1956.",  # a sentence about a text, not a note on this page
    "Follow the money on the islands, the auditors said.",
])
def test_story_sentences_that_look_like_those_notes_stay(line):
    assert furniture_reason(line) is None


# --------------------------------------------------------------------------- a chosen title that is certainly none

def test_a_publication_field_over_the_headline_is_no_title():
    page = "\n".join(["Asia Policy Forum", "Home  Analysis  Events", "Publication: Policy Brief",
                      "Japan protests drills on disputed islands", "March 5, 2026", LEAD, MORE])
    a = parse_article(page)
    assert (a.title, a.standfirst) == ("Japan protests drills on disputed islands", None)


def test_a_menu_item_printed_again_over_the_headline_is_no_title():
    # an NGO's page: "Our work" is an item of the menu above, printed again as the page's section
    page = "\n".join(["Friends of the Islands", "Home  About  Our work  Donate", "Our work",
                      "Statement on the new drills near Kunashir", "Posted on March 5, 2026 by admin", LEAD, MORE])
    a = parse_article(page)
    assert (a.title, a.standfirst) == ("Statement on the new drills near Kunashir", None)
    assert a.text.startswith("Japan lodged")


def test_a_bloggers_handle_is_not_joined_to_the_headline():
    page = "\n".join(["Northern Notes", "A blog about the islands", "Home  About", "MARCH 5, 2026",
                      "Japan protests drills on disputed islands", "by jroe", LEAD, MORE])
    assert parse_article(page).title == "Japan protests drills on disputed islands"


def test_a_speakers_role_and_name_in_capitals_is_no_dateline():
    page = "\n".join(["Remarks on the Day of the Islands", "",
                      "AMBASSADOR ROE: Good morning, everyone. Thank you for coming here today to mark this day.",
                      "", MORE])
    a = parse_article(page)
    assert a.dateline is None
    assert a.text.startswith("AMBASSADOR ROE: Good morning")


@pytest.mark.parametrize("line, reason", [
    ("This post first appeared on Island Insider", "closing note"),
    ("THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM.", "closing note"),
    ("Aired March 5, 2026 - 12:00   ET", "date line"),
])
def test_a_broadcast_transcripts_notes(line, reason):
    assert furniture_reason(line) == reason


def test_a_sentence_about_where_a_text_appeared_stays():
    assert furniture_reason("This article first appeared in 1956 in a journal, the historian said.") is None


def test_a_slogan_under_the_site_name_is_not_the_headline():
    # a page copied without its menu: name, slogan, headline, standfirst, byline, date, story
    page = "\n".join(["Island Voice", "Independent news for the northern coast",
                      "Japan protests drills on disputed islands",
                      "Tokyo says the exercises run counter to its position on the talks", "Jane Roe", "March 5, 2026",
                      LEAD, MORE])
    a = parse_article(page)
    assert a.title == "Japan protests drills on disputed islands"
    assert a.standfirst == "Tokyo says the exercises run counter to its position on the talks"
    assert a.text.startswith("Japan lodged")


def test_a_headline_standfirst_and_second_deck_under_a_menu_are_left_alone():
    # the same three lines under a menu bar: the position rules' reading stands (no slogan under the site's name)
    page = "\n".join(["Island Voice", "Home | News | Asia", "Japan protests drills on disputed islands",
                      "Tokyo says the exercises run counter to its position on the talks", "Jane Roe", "March 5, 2026",
                      LEAD, MORE])
    assert parse_article(page).title == "Japan protests drills on disputed islands"


def test_an_embassys_remarks_under_a_menu_with_the_speaker_and_place_under_them():
    page = "\n".join(["EMBASSY OF EXAMPLE", "Home | News & Events", "Remarks on the Day of the Islands",
                      "Jane Roe, Ambassador", "Tokyo, Japan", "February 7, 2026",
                      "AMBASSADOR ROE: Good morning, everyone. Thank you for coming here today to mark this day.", MORE])
    a = parse_article(page)
    assert (a.title, a.dateline) == ("Remarks on the Day of the Islands", None)
    assert a.text.startswith("AMBASSADOR ROE: Good morning")


def test_a_deck_without_a_full_stop_between_the_headline_and_the_lead():
    page = "\n".join(["Pravda Example", "", "World » Asia", "", "Author's name Jane Roe", "",
                      "Japan protests drills on disputed islands", "",
                      "Tokyo says the exercises run counter to its position on the talks", "", LEAD, "", MORE])
    a = parse_article(page)
    assert a.title == "Japan protests drills on disputed islands"
    assert a.standfirst == "Tokyo says the exercises run counter to its position on the talks"
    assert a.text.startswith("Japan lodged")


@pytest.mark.parametrize("first", [
    "Q: What name does the prefecture use for the islands, and why?",  # a Q&A's first question
    "Serious question. From what I read the declaration already settles it",  # a forum post
])
def test_a_question_or_a_post_under_the_title_is_no_deck(first):
    page = "\n".join(["Japan protests drills on disputed islands", "", first, "", LEAD, "", MORE])
    assert parse_article(page).standfirst is None
