"""Round 6 of issue #12: the general shape of a copied news page (masthead, headline, standfirst, byline and date
block, top photo with its caption and credit, body, related links), on hand-made pages.

Every page here is written for the test; the expected values are read off the page by hand.
"""

import pytest

from kuril_research.ingest.parse import furniture_reason, parse_article

LEAD = ("Japan lodged a protest with Moscow on Tuesday over military drills held on two of the disputed islands "
        "off Hokkaido, officials said.")
MORE = "The ministry said the drills involved about 300 troops and several armoured vehicles."


# --------------------------------------------------------------------------- date lines: one rule, not two

@pytest.mark.parametrize("line", ["Aug. 22 10:05 am JST", "5:42 pm, March 3, 2025", "— Update: 19:02",
                                  "14 May 2026 08:30"])
def test_dates_recognised_by_their_shape_alone_are_still_date_lines(line):
    # the furniture.yaml patterns for these shapes were removed: timestamps.is_timestamp reads them
    assert furniture_reason(line) == "date line"


# --------------------------------------------------------------------------- lines of furniture, by what they do

@pytest.mark.parametrize("line, reason", [
    ("By AFP - Agence France Presse", "byline"),                       # an agency's byline with its long name
    ("By Jane Roe — The Harbour Times", "byline"),
    ("The Editors of the Island Encyclopedia", "byline"),               # an unsigned piece's signature
    ("The Harbour Times Editorial Board", "byline"),
    ("Roe covers Japan for The Harbour Times.", "byline"),              # the writer's one-line bio
    ("Jane Roe is based in Tokyo.", "byline"),
    ("share14", "share counter"),                                       # a count glued to its label
    ("Shares 1,204", "share counter"),
    ("(Our desk can be reached at desk@harbour.example)", "link"),      # how to reach the desk
    ("(Japanese original by Jane Roe, Politics Desk)", "translation note"),  # the translated copy's original
    ("(Harbour Times)", "agency credit"),                               # the source alone in brackets
    ("Japanese version", "language version"),                           # a link to the other-language page
    ("Read in Russian", "language version"),
])
def test_furniture_lines_of_round_6(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line", [
    "By Tuesday, talks had stalled again.",                  # a sentence opening with a day is no byline
    "Japan covers the cost of the ferry to the islands.",    # "covers" in a sentence
    "The editors met the minister on Monday.",
    "Tokyo wants the Japanese version of the treaty text to prevail.",
])
def test_sentences_like_round_6_furniture_are_text(line):
    assert furniture_reason(line) is None


def test_a_box_of_related_videos_or_columns_is_a_link_list():
    page = (f"Ferry talks resume\n\n{LEAD}\n\n{MORE}\n\nRelated video\nWhy the islands matter 2:41\n\n"
            "More columns\nThe island you can see from the shore\n")
    art = parse_article(page)
    assert art.text == f"{LEAD}\n\n{MORE}"
    assert {r.text: r.reason for r in art.removed}["Why the islands matter 2:41"] == "related links"


def test_suggested_topics_open_a_tag_list():
    art = parse_article(f"Ferry talks resume\n\n{LEAD}\n\nSuggested Topics:\nAsia Pacific\nKuril Islands\n")
    assert art.text == LEAD
    assert [r.reason for r in art.removed] == ["tags", "tags", "tags"]


def test_a_writers_box_under_the_story_is_removed():
    art = parse_article(f"Ferry talks resume\n\n{LEAD}\n\n{MORE}\n\nJANE ROE\nRoe covers Japan for The Harbour Times.\n")
    assert art.text == f"{LEAD}\n\n{MORE}"


# --------------------------------------------------------------------------- photo captions and their credits

@pytest.mark.parametrize("caption", [
    "A coastal missile launcher on parade in Yuzhno-Sakhalinsk. Sakhalin Region Government",  # credit after a stop
    "Boats in the harbour of Yuzhno-Kurilsk on Kunashir. Archive photo",
    "Fishermen mend nets on the shore of Kunashir. Harbour Times/Jane Roe",
    "A patrol boat off Kunashir, seen from Cape Nosappu. Photograph: Jane Roe/The Harbour Times",  # a credit label
    "Troops on Iturup during an exercise, March 2026. Credit: Island Defence Ministry",
])
def test_a_caption_with_its_credit_above_the_story_is_removed(caption):
    art = parse_article(f"Ferry talks resume\n\n{caption}\n\n{LEAD}\n\n{MORE}")
    assert art.text == f"{LEAD}\n\n{MORE}"
    assert {r.text: r.reason for r in art.removed}[caption] == "photo caption"


def test_the_last_paragraph_with_the_agencys_sign_off_is_text():
    last = "Talks on a peace treaty between the two countries have been frozen since 2022. Harbour Wire"
    art = parse_article(f"Ferry talks resume\n\n{LEAD}\n\n{MORE}\n\n{last}")
    assert art.text.endswith(last)


def test_a_glued_age_with_a_reading_time_is_a_date_line():
    assert furniture_reason("• 3h • 3 min read") == "date line"
    assert furniture_reason("Go to the media bank") == "navigation"


# --------------------------------------------------------------------------- the header's shape

def test_a_credit_printed_above_its_caption_under_the_headline():
    # headline, age, buttons, byline, credit, caption, then the story, single line breaks (a broadcaster's page)
    page = ("Island News\nHome  World  Asia  Sport\nFerry talks resume between the two sides\n3 hours ago\nShare\n"
            "Jane Roe\nTokyo correspondent\nGetty Images\nKunashir seen from the Hokkaido coast on a clear day\n"
            f"{LEAD}\n{MORE}")
    art = parse_article(page)
    assert art.title == "Ferry talks resume between the two sides"
    assert art.text == f"{LEAD}\n\n{MORE}"
    assert {r.text: r.reason for r in art.removed}["Kunashir seen from the Hokkaido coast on a clear day"] \
        == "photo caption"


def test_a_subheading_under_a_caption_and_its_credit_stays():
    page = (f"Ferry talks resume\n\n{LEAD}\n\nA ferry in the port of Nemuro\nPhoto: Harbour Wire\n"
            f"What the talks are about\n{MORE}")
    art = parse_article(page)
    assert "What the talks are about" in art.text.split("\n\n")
    assert "A ferry in the port of Nemuro" not in art.text


def test_headline_and_standfirst_over_a_byline_block_with_single_line_breaks():
    sf = "Former residents say the war has ended any chance of a deal with Moscow"
    page = (f"The Harbour Times\nNews  Opinion  Sport\n'We will not see our graves': islanders lose hope\n{sf}\n"
            f"Jane Roe in Nemuro\nMon 7 Dec 2026 05.00 GMT\nShare\n{LEAD}\n{MORE}")
    art = parse_article(page)
    assert (art.title, art.standfirst) == ("'We will not see our graves': islanders lose hope", sf)
    assert art.text == f"{LEAD}\n\n{MORE}"


def test_a_line_under_another_outlets_source_and_age_is_no_standfirst():
    page = ("Japan's premier ready to meet Putin over the islands\nHarbour Wire · 5 hours ago\n"
            "Premier signals readiness for a summit\nIsland Post · 1 hour ago\n\n"
            f"TOKYO (AP) — {LEAD}\n\n{MORE}")
    art = parse_article(page)
    assert (art.title, art.standfirst) == ("Japan's premier ready to meet Putin over the islands", None)
    assert {r.text: r.reason for r in art.removed}["Premier signals readiness for a summit"] == "headline list"


def test_the_top_photos_caption_under_the_date_and_over_its_credit_is_no_standfirst():
    caption = "Former islanders look toward Kunashiri from Cape Nosappu in February."
    page = (f"THE HARBOUR NEWS\n\nJapan Seeks Resumption of Grave Visits to the Islands\n\n16:45 JST, May 14, 2026\n\n"
            f"{caption}\nThe Harbour News\n\n{LEAD}\n\n{MORE}")
    art = parse_article(page)
    assert (art.title, art.standfirst) == ("Japan Seeks Resumption of Grave Visits to the Islands", None)
    assert art.text == f"{LEAD}\n\n{MORE}"


def test_a_standfirst_over_the_byline_and_date_is_kept():
    sf = "Tokyo wants former residents to visit family graves again this summer."
    page = f"Japan seeks grave visits\n\n{sf}\nBy Jane Roe\n16:45 JST, May 14, 2026\n\n{LEAD}\n\n{MORE}"
    art = parse_article(page)
    assert (art.title, art.standfirst) == ("Japan seeks grave visits", sf)


# --------------------------------------------------------------------------- round-5 leftovers: page titles, site names, bylines

@pytest.mark.parametrize("first_line, title", [
    ("Japan protests Russian drills on the islands - The Harbour Times", "Japan protests Russian drills on the islands"),
    ("Russia holds drills on the Kuril Islands – Pacific Courier", "Russia holds drills on the Kuril Islands"),
    ("Japan protests Russian drills on the islands - harbourtimes.com", "Japan protests Russian drills on the islands"),
    ("Japan protests Russian drills on the islands | Asia | The Harbour Times",
     "Japan protests Russian drills on the islands"),
    ("Japan protests Russian drills on the islands - Harbour Times - Asia News",
     "Japan protests Russian drills on the islands"),
    ("Japan protests Russian drills on the islands - Harbour", "Japan protests Russian drills on the islands - Harbour"),
    ("Japan protests Russian drills on the islands - Kyodo", "Japan protests Russian drills on the islands"),
    # a speaker after the dash is part of the headline
    ("Tokyo's position on the islands remains unchanged — FM", "Tokyo's position on the islands remains unchanged — FM"),
    ("'We will never give up the islands' - Lavrov", "'We will never give up the islands' - Lavrov"),
])
def test_a_page_title_with_a_dash_before_the_outlets_name(first_line, title):
    assert parse_article(f"{first_line}\n\n{LEAD}\n\n{MORE}").title == title


def test_a_page_title_whose_site_the_page_prints_again():
    page = f"Japan protests Russian drills - Island Voice\n\nIsland Voice\n\n{LEAD}\n\n{MORE}"
    assert parse_article(page).title == "Japan protests Russian drills"


@pytest.mark.parametrize("site", [
    "The Harbour News by The Harbour Shimbun Group",
    "Multimedia Platform of the Pacific Coast Broadcasting Network",
])
def test_a_long_site_name_over_a_title_case_headline(site):
    headline = "Japan, Russia Hold First Contact on Fisheries in Two Years"
    art = parse_article(f"{site}\n\n{headline}\n\n{LEAD}\n\n{MORE}")
    assert (art.title, art.text) == (headline, f"{LEAD}\n\n{MORE}")
    dated = parse_article(f"{site}\n\n{headline}\n\nTOKYO, March 3 (Kyodo) -- {LEAD}\n\n{MORE}")
    assert (dated.title, dated.standfirst, dated.dateline_place) == (headline, None, "TOKYO")


@pytest.mark.parametrize("page", [
    f"Japan protests Russian drills\n\nJANE ROE\n\n{LEAD}\n\n{MORE}",
    f"Japan protests Russian drills\n\nJANE ROE\n\nTOKYO — {LEAD}\n\n{MORE}",
    f"Japan protests Russian drills\nKENJI AOYAMA\nStaff Writer\n{LEAD}\n{MORE}",
    f"Japan protests Russian drills\n\nANNA DEL ROSARIO-SMITH\nMarch 3, 2026\n\n{LEAD}\n\n{MORE}",
])
def test_a_byline_in_capitals_alone_on_its_line_is_no_dateline(page):
    art = parse_article(page)
    assert (art.title, art.standfirst, art.text) == ("Japan protests Russian drills", None, f"{LEAD}\n\n{MORE}")
    assert art.dateline in (None, "TOKYO —")
    assert any(r.reason == "byline" and r.text.isupper() for r in art.removed)


@pytest.mark.parametrize("place", ["MOSCOW", "NEW YORK", "HONG KONG", "YUZHNO-SAKHALINSK", "UNITED NATIONS", "THE HAGUE"])
def test_a_place_in_capitals_alone_over_the_lead_is_still_a_dateline(place):
    art = parse_article(f"Japan protests Russian drills\n\n{place}\n\n{LEAD}\n\n{MORE}")
    assert (art.dateline_place, art.text) == (place, f"{LEAD}\n\n{MORE}")


def test_links_to_the_neighbouring_posts_are_navigation():
    assert furniture_reason("Previous articleJapan protests drills on the islands") == "navigation"
    assert furniture_reason("Next article UN council to debate the islands") == "navigation"


@pytest.mark.parametrize("key", ["place_name_words", "site_name_nouns"])
def test_a_word_list_entry_of_two_words_names_the_file_and_line(tmp_path, key):
    from pathlib import Path

    from kuril_research.errors import LexiconError
    from kuril_research.ingest.parse import load_furniture_lexicon

    shipped = (Path(__file__).parents[1] / "kuril_research" / "data" / "furniture.yaml").read_text(encoding="utf-8")
    bad = shipped.replace(f"{key}: [\n", f"{key}: [\n  two words,\n", 1)
    assert bad != shipped
    path = tmp_path / "furniture.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        load_furniture_lexicon(path)
    assert caught.value.line == bad.splitlines().index(f"{key}: [") + 1 and "not one word" in str(caught.value)


# --------------------------------------------------------------------------- furniture in the body that names the islands

LAST = "Russia seized the islands at the end of the Second World War."


@pytest.mark.parametrize("block", [
    "Recommended: Why Japan wants the Northern Territories back",           # teasers: a label and a headline
    "Read next: Russia deploys missiles on Kunashir",
    "MORE: Russia deploys missiles on Kunashir",
    "Don't miss: Russia deploys missiles on Kunashir",
    "Explainer: What are the Kuril Islands?",
    "A Russian patrol boat off Iturup. (Photo by Jane Roe/Harbour Wire)",    # captions with their credit in brackets
    "FILE - Soldiers march on Iturup, Russia, on Sept. 3, 2025. (AP Photo/Jane Roe, File)",
    "Soldiers march on Iturup in 2025. Credit...Jane Roe for The Harbour Times",
    "Enlarge this image\nSoldiers march on Iturup in 2025",                # a caption under the picture's button
    "3 / 12\nSoldiers march on Iturup in 2025",                             # a gallery's counter over its caption
    "Subscribe to The Harbour Times for unlimited coverage of the Kuril Islands dispute.",
    "Follow our coverage of the Kuril Islands on Telegram.",
])
def test_furniture_naming_the_islands_leaves_the_body(block):
    art = parse_article(f"Ferry talks resume\n\n{LEAD}\n\n{block}\n\n{MORE}\n\n{LAST}")
    assert art.text == f"{LEAD}\n\n{MORE}\n\n{LAST}"


@pytest.mark.parametrize("block", [
    "Russia deploys missiles on Kunashir\nJapan marks Northern Territories Day\nWhy the Kuril Islands matter",
    "Japan, Russia, Kuril Islands, Northern Territories",
    "About the author\nJane Roe writes about the Kuril Islands for The Harbour Times.",
])
def test_lines_under_the_storys_last_sentence_that_are_no_sentences_leave_the_body(block):
    art = parse_article(f"Ferry talks resume\n\n{LEAD}\n\n{MORE}\n\n{LAST}\n\n{block}")
    assert art.text == f"{LEAD}\n\n{MORE}\n\n{LAST}"


@pytest.mark.parametrize("last", [
    '"We will never give up our claim to the islands," the minister said',   # a closing quotation
    "Talks have been frozen since 2022. Harbour Wire",                        # the agency's sign-off on the last line
    "India keeps close ties with both Tokyo and Moscow. (ANI)",
])
def test_a_last_paragraph_that_ends_otherwise_stays(last):
    art = parse_article(f"Ferry talks resume\n\n{LEAD}\n\n{MORE}\n\n{last}")
    assert art.text.endswith(last)


@pytest.mark.parametrize("text", [
    "Background: The islands were seized by Soviet troops in 1945.",   # a label over a sentence
    "Analysis: In a note to clients, the bank said talks would stall.",
])
def test_a_label_over_a_sentence_is_text(text):
    assert furniture_reason(text) is None


def test_a_page_title_rule_never_cuts_a_line_in_the_story():
    line = "Soldiers march on Iturup in 2025 — and Tokyo protests for The Harbour Times readers"
    art = parse_article(f"Ferry talks resume\n\n{LEAD}\n\n{line}.\n\n{MORE}")
    assert f"{line}." in art.text


@pytest.mark.parametrize("caption", [
    "The Russian embassy in Tokyo (archive) AP Photo/Jane Roe",                # a wire's credit after the caption
    "Troops march at a firing range in the Far East, on Aug. 31, 2025. (Jane Roe/Island Defence Ministry via AP)",
    "The spokesman speaks at a press conference in Tokyo.(Kyodo News via AP)",
])
def test_wire_photo_credits_at_the_end_of_a_caption(caption):
    art = parse_article(f"Ferry talks resume\n\n{LEAD}\n\n{caption}\n\n{MORE}")
    assert art.text == f"{LEAD}\n\n{MORE}"


@pytest.mark.parametrize("line, reason", [
    ("The post Japan protests drills on the islands first appeared on Harbour Blog.", "closing note"),
    ("Share post:", "share counter"),
])
def test_a_syndicated_copys_footer(line, reason):
    assert furniture_reason(line) == reason


def test_a_sentence_about_reporting_via_an_agency_is_text():
    line = "Japan learned of the drills via AP and Reuters reporting from Kunashir."
    assert parse_article(f"Ferry talks resume\n\n{LEAD}\n\n{line}\n\n{MORE}").text == f"{LEAD}\n\n{line}\n\n{MORE}"


@pytest.mark.parametrize("line, reason", [
    ("Author`s name Jane Roe", "byline"),
    ("Author’s name: Jane Roe", "byline"),
    ("[Copyright The Harbour Wire, Ltd.]", "credit line"),
    ("(Copyright 2026 Harbour Wire)", "credit line"),
])
def test_more_signature_and_copyright_lines(line, reason):
    assert furniture_reason(line) == reason


def test_a_row_of_tags_under_the_copyright_line_leaves_the_body():
    page = f"Ferry talks resume\n\n{LEAD}\n\n{MORE}\n\n[Copyright The Harbour Wire, Ltd.]\n\nRussia Harbour Wire Northern Territories"
    assert parse_article(page).text == f"{LEAD}\n\n{MORE}"


def test_a_bar_with_the_writer_and_the_date_under_the_standfirst_closes_the_header():
    sf = "Tokyo says the exercises on two of the islands are unacceptable."
    page = (f"The Harbour Times\nHome | World | Asia\n\nJapan protests Russian drills on disputed islands\n\n{sf}\n\n"
            f"Jane Roe | March 3, 2026\n\n{LEAD}\n\n{MORE}")
    art = parse_article(page)
    assert (art.title, art.standfirst, art.text) == ("Japan protests Russian drills on disputed islands", sf,
                                                     f"{LEAD}\n\n{MORE}")
    assert furniture_reason("AFP  |  Published August 8, 2026  |  Updated about 3 hours ago") == "date line"
    assert furniture_reason("Home | World | Asia Pacific") == "navigation"


def test_single_spaced_site_name_and_slogan_over_the_headline():
    page = ("Harbour Times\nIndependent news from the Pacific coast\nJapan protests Russian drills on the islands\n"
            f"{LEAD}\n{MORE}")
    art = parse_article(page)
    assert (art.title, art.standfirst, art.text) == ("Japan protests Russian drills on the islands", None,
                                                     f"{LEAD}\n\n{MORE}")


def test_single_spaced_headline_over_a_standfirst_without_a_full_stop():
    page = f"Japan protests Russian drills\nTokyo says the exercises are unacceptable\n{LEAD}\n{MORE}"
    art = parse_article(page)
    assert (art.title, art.standfirst, art.text) == ("Japan protests Russian drills",
                                                     "Tokyo says the exercises are unacceptable", f"{LEAD}\n\n{MORE}")


@pytest.mark.parametrize("slogan", ["Independent news from the Pacific coast", "News and views from the Far East"])
def test_a_sites_slogan_over_the_headline_of_a_datelined_story(slogan):
    page = f"Harbour Times\n\n{slogan}\n\nJapan protests Russian drills on the islands\n\nTOKYO (Harbour Wire) — {LEAD}"
    art = parse_article(page)
    assert (art.title, art.standfirst) == ("Japan protests Russian drills on the islands", None)


@pytest.mark.parametrize("headline", ["Views of the Kurils from Nemuro", "Stories from the Northern Territories",
                                      "Analysis of the Japan-Russia talks"])
def test_a_headline_shaped_like_a_slogan_is_still_the_title(headline):
    art = parse_article(f"Harbour Times\n\n{headline}\n\nTOKYO (Harbour Wire) — {LEAD}")
    assert art.title == headline


def test_a_caption_ending_in_its_source_in_brackets_is_no_standfirst():
    page = (f"Japan protests Russian drills on the islands\n\nSoldiers march on Iturup in 2025 (Harbour Wire)\n\n"
            f"TOKYO (Harbour Wire) — {LEAD}")
    art = parse_article(page)
    assert (art.title, art.standfirst) == ("Japan protests Russian drills on the islands", None)


def test_unlabelled_key_points_between_the_headline_and_the_byline_are_a_summary_box():
    page = ("Warships sail past the disputed islands in a joint patrol\n\nTen vessels sailed through the strait\n"
            f"Analysts see a signal to Tokyo about the islands\n\nJane Roe\nPublished: 9:15pm, 5 Oct 2026\n\n{LEAD}\n\n{MORE}")
    art = parse_article(page)
    assert (art.standfirst, art.text) == (None, f"{LEAD}\n\n{MORE}")
    assert [r.reason for r in art.removed if r.text.startswith(("Ten", "Analysts"))] == ["summary box", "summary box"]


def test_a_standfirst_wrapped_over_two_lines_is_no_summary_box():
    page = ("Warships sail past the disputed islands in a joint patrol\n\nTen vessels sailed through the strait\n"
            f"as analysts saw a signal to Tokyo\n\nJane Roe\nPublished: 9:15pm, 5 Oct 2026\n\n{LEAD}\n\n{MORE}")
    art = parse_article(page)
    assert art.standfirst == "Ten vessels sailed through the strait as analysts saw a signal to Tokyo"


@pytest.mark.parametrize("caption", [
    "Soldiers march on Iturup in 2025\nREUTERS/Jane Roe",                      # a wire's credit under it
    "Soldiers march on Iturup in 2025. REUTERS/Jane Roe/File Photo",
    "Soldiers march on Iturup in 2025 [Harbour Wire]",
    "Soldiers march on Iturup in 2025 © Harbour Wire",
    "Soldiers march on Iturup in 2025. Photo courtesy of the Sakhalin government",
    "Soldiers march on Iturup in 2025 (Screenshot: Harbour TV)",
    "Soldiers march on Iturup in 2025. Harbour Wire photo",
    "Soldiers march on Iturup in 2025. (Jane Roe/Harbour Times)",
])
def test_more_credit_forms_after_a_caption(caption):
    art = parse_article(f"Ferry talks resume\n\n{LEAD}\n\n{caption}\n\n{MORE}\n\n{LAST}")
    assert art.text == f"{LEAD}\n\n{MORE}\n\n{LAST}"


@pytest.mark.parametrize("text", [
    "The treaty was signed at Shimoda in 1855 [Note 1]",        # a note mark, not a credit
    "Talks between the capitals (Tokyo/Moscow) resumed in 2025.",
])
def test_note_marks_and_slashes_in_text_are_no_credit(text):
    from kuril_research.ingest.parse import has_credit

    assert not has_credit(text)


@pytest.mark.parametrize("line, reason", [
    ("The Harbour Times staff", "byline"),
    ("Reporting from Nemuro, Japan", "byline"),
    ("Text size", "navigation"),
    ("Posted in: Asia, Diplomacy", "tags"),
    ("Filed under Asia", "tags"),
    ("From the print edition", "print edition"),
    ("This article is more than 2 years old", "update note"),
    ("Subscribers only", "paywall"),
    ("Free to read", "paywall"),
    ("Live updates", "section label"),
    ("日本語", "language version"),
])
def test_header_labels_that_are_no_standfirst(line, reason):
    assert furniture_reason(line) == reason
    art = parse_article(f"Japan protests Russian drills on the islands\n\n{line}\n\nTOKYO (Harbour Wire) — {LEAD}")
    assert (art.title, art.standfirst) == ("Japan protests Russian drills on the islands", None)


@pytest.mark.parametrize("text", ["The premium was paid by the ministry.", "Reporting from the islands is banned."])
def test_sentences_sharing_words_with_header_labels_are_text(text):
    assert furniture_reason(text) is None


@pytest.mark.parametrize("block", [
    "Article continues after this ad", "Continue reading the main story", "SKIP ADVERTISEMENT",
    "Advertisement - Scroll to continue", "Thank you for subscribing", "Tap to read more", "Copy link to clipboard",
    "Listen to our podcast on the Kuril Islands", "Photos: Russia deploys missiles on Kunashir",
    "Gallery: Life on Kunashir", "Poll: Should Japan drop its claim to the Kurils?", "Vote now",
    "Quiz: How well do you know the Kuril Islands?", "Image 1 of 5", "Swipe for more",
    "This content is not available in your region", "Your browser does not support the video tag.",
    "View this post on Instagram", "A post shared by Jane Roe (@janeroe)", "— Jane Roe (@janeroe) March 3, 2026",
])
def test_widgets_between_paragraphs_leave_the_body(block):
    art = parse_article(f"Ferry talks resume\n\n{LEAD}\n\n{block}\n\n{MORE}\n\n{LAST}")
    assert art.text == f"{LEAD}\n\n{MORE}\n\n{LAST}"


def test_a_reporters_credit_under_the_story():
    assert furniture_reason("Jane Roe contributed reporting from Tokyo.") == "byline"
    assert furniture_reason("Jane Roe and John Doe contributed reporting.") == "byline"


@pytest.mark.parametrize("box", ["RECOMMENDED STORIES\nRussia deploys missiles on Kunashir",
                                 "Related Articles\nRussia deploys missiles on Kunashir",
                                 "Most Read\n1. Russia deploys missiles on Kunashir"])
def test_a_list_of_links_in_the_middle_of_the_story_ends_at_its_next_paragraph(box):
    art = parse_article(f"Ferry talks resume\n\n{LEAD}\n\n{box}\n\n{MORE}\n\n{LAST}")
    assert art.text == f"{LEAD}\n\n{MORE}\n\n{LAST}"


def test_sentences_listed_right_under_a_list_header_stay_in_the_list():
    page = (f"Ferry talks resume\n\n{LEAD}\n\n{MORE}\n\nMore from this author\n"
            "The Harbour Institute is funded by its members. Sign up for our daily newsletter.\n")
    assert parse_article(page).text == f"{LEAD}\n\n{MORE}"


# --------------------------------------------------------------------------- an encyclopaedia's page furniture

WIKI_LEAD = ("The Kuril Islands are a volcanic archipelago that stretches about 1,300 km from Hokkaido to Kamchatka, "
             "between the Sea of Okhotsk and the Pacific.")


@pytest.mark.parametrize("block", [
    "Location: Sea of Okhotsk", "Administered by: Russia", "Claimed by: Japan", "Area: 10,503.2 km2 (4,055.3 sq mi)",
    "Main article: Kuril Islands dispute", "Further information: Southern Kuril Islands",
    "Not to be confused with Kuril Lake.", "This article needs additional citations for verification.",
    "Retrieved 3 March 2026.", "Hidden categories: Articles with short description", "Authority control databases",
    "v\nt\ne", "Map of the Kuril Islands", "Show map of Sakhalin Oblast", "Kuril Islands is located in Sakhalin Oblast",
    "External links\nKuril Islands at the Island Encyclopedia",
])
def test_an_encyclopaedias_fact_box_hatnotes_and_widgets_leave_the_body(block):
    art = parse_article(f"Kuril Islands\n\n{WIKI_LEAD}\n\n{block}\n\n{MORE}\n\n{LAST}")
    assert art.text == f"{WIKI_LEAD}\n\n{MORE}\n\n{LAST}"


@pytest.mark.parametrize("text", ["Further information is expected from the ministry next week.",
                                  "Kunashir is located in Sakhalin Oblast.",
                                  "The map of the islands was redrawn in 1946."])
def test_sentences_like_encyclopaedia_furniture_are_text(text):
    assert furniture_reason(text) is None


# --------------------------------------------------------------------------- an official page's furniture

@pytest.mark.parametrize("line", [
    "PDF (123KB)", "Download (PDF: 1.2MB)", "The Islands Explained (PDF: 2.3 MB)", "The Islands Explained (Pamphlet)",
    "Adobe Reader is required to view PDF files.", "Back to Japanese Territory", "Return to top", "Feedback form",
    "Open the print dialog", "Reference: The Northern Territories Issue",
])
def test_an_official_pages_document_links_and_buttons(line):
    assert furniture_reason(line) == "navigation"
    art = parse_article(f"Ferry talks resume\n\n{LEAD}\n\n{line}\n\n{MORE}\n\n{LAST}")
    assert art.text == f"{LEAD}\n\n{MORE}\n\n{LAST}"


@pytest.mark.parametrize("text", ["Back to Tokyo, the minister flew on Monday.", "The report (PDF) was published."])
def test_sentences_like_an_official_pages_links_are_text(text):
    assert furniture_reason(text) is None
