"""Round 5 of issue #12: header, dateline and furniture rules stated by the shape of a page, on hand-made pages.

Every page here is written for the test; the expected values are read off the page by hand.
"""

import pytest

from kuril_research.ingest.parse import furniture_reason, parse_article
from kuril_research.ingest.parse.timestamps import is_timestamp

LEAD = ("Japan lodged a protest with Moscow on Tuesday over military drills held on two of the disputed islands "
        "off Hokkaido, officials said.")


# --------------------------------------------------------------------------- datelines in all their forms

@pytest.mark.parametrize("dateline, place, month, day, agency", [
    ("Tokyo —", "Tokyo", None, None, None),                      # a place in mixed case and a spaced dash
    ("Kushiro --", "Kushiro", None, None, None),
    ("Moscow, March 3 —", "Moscow", 3, 3, None),                  # mixed case with a date and a dash or colon
    ("Osaka, March 3:", "Osaka", 3, 3, None),
    ("TOKYO, March 3, 2026 (AFP) -", "TOKYO", 3, 3, "AFP"),       # a year after the date
    ("MOSCOW, 3 March 2026 (TASS) –", "MOSCOW", 3, 3, "TASS"),
    ("SAPPORO, JAPAN —", "SAPPORO", None, None, None),            # the country in capitals too
    ("VLADIVOSTOK, Russia, March 3 (AP) —", "VLADIVOSTOK", 3, 3, "AP"),
    ("March 3 (UPI) --", None, 3, 3, "UPI"),                      # a date and an agency, no place
    ("Osaka, March 3 (IANS):", "Osaka", 3, 3, "IANS"),
    ("TOKYO/MOSCOW (Reuters) -", "TOKYO/MOSCOW", None, None, "Reuters"),  # a story filed from two cities
    ("Osaka, March 3rd (AFP) -", "Osaka", 3, 3, "AFP"),
    ("YUZHNO-KURILSK, Sakhalin Oblast, Russia —", "YUZHNO-KURILSK", None, None, None),
    ("TOKYO (AP) _", "TOKYO", None, None, "AP"),
    ("OSAKA, March 3 - Kansai Wire.", "OSAKA", 3, 3, "Kansai Wire"),  # any agency's name after the date
    ("Osaka, March 3 /Kyodo/ -", "Osaka", 3, 3, "Kyodo"),
    ("OSAKA, March 3 [Reuters] -", "OSAKA", 3, 3, "Reuters"),
    ("Osaka, March 3, (AFP) -", "Osaka", 3, 3, "AFP"),
    ("WASHINGTON, D.C. —", "WASHINGTON", None, None, None),
])
def test_dateline_forms_of_round_5(dateline, place, month, day, agency):
    art = parse_article(f"Ferry talks resume\n\n{dateline} {LEAD}\n\nMore text.")
    assert (art.dateline, art.dateline_place, art.dateline_month, art.dateline_day, art.agency) == (
        dateline, place, month, day, agency)
    assert art.text.startswith("Japan lodged")


@pytest.mark.parametrize("raw", [
    # a site's name with a dash is no dateline, nor a paragraph deep in the story that opens with a place and a dash
    f"Island News Online - English Edition\n\nFerry talks resume\n\n{LEAD}",
    f"Ferry talks resume\n\n{LEAD}\n\nNemuro — The town waits for the ferry, as it has done every spring since 2022.",
    # a short line is no lead
    "Ferry talks resume\n\nTokyo — Japan protested.",
    "Ferry talks resume\n\nKushiro - a town on the coast, where the ferry to the islands once called every week.",
])
def test_a_place_and_a_dash_is_a_dateline_only_at_the_head_of_the_lead(raw):
    assert parse_article(raw).dateline is None


# --------------------------------------------------------------------------- date lines by their shape

@pytest.mark.parametrize("line", ["00:23 GMT 03.03.2026", "Tue 3 March 2026 · 16:12 JST | Updated",
                                  "March 3, 2026 / 4:12 AM", "Published: 2026-03-03T16:12", "3 Mar 2026, 4.12pm",
                                  "Updated on 03/03/2026 at 16:12 MSK"])
def test_a_line_of_date_and_time_tokens_is_a_date_line(line):
    assert is_timestamp(line)
    assert furniture_reason(line) == "date line"


@pytest.mark.parametrize("line", ["May 9 parades were held", "2026", "Updated", "Japan at 80", "Tokyo, March 3"])
def test_a_line_with_a_word_that_is_no_date_token_is_no_date_line(line):
    assert not is_timestamp(line)


@pytest.mark.parametrize("line", ["by Jane Roe March 3, 2026", "Jane Roe, Tokyo correspondent · 3 March 2026 16:12 JST"])
def test_a_byline_with_its_date_on_the_same_line_is_a_byline(line):
    assert furniture_reason(line) == "byline"


# --------------------------------------------------------------------------- headlines

def test_a_headline_in_title_case_with_a_verb_is_not_taken_for_the_site_name():
    raw = ("The Harbour Times\n\nJapan Protests Russian Island Drills\n\nTokyo says the exercises breach its "
           f"sovereignty\n\nBy Jane Roe\n\nTOKYO — {LEAD}")
    art = parse_article(raw)
    assert (art.title, art.standfirst) == ("Japan Protests Russian Island Drills",
                                           "Tokyo says the exercises breach its sovereignty")
    assert ("The Harbour Times", "site header") in [(r.text, r.reason) for r in art.removed]


def test_a_short_title_case_headline_without_a_dateline():
    art = parse_article(f"The Harbour Times\n\nJapan Protests Island Drills\n\n{LEAD}")
    assert art.title == "Japan Protests Island Drills"


def test_a_topic_label_over_the_headline_of_a_datelined_story_is_a_section_label():
    raw = f"Diplomacy\n\nJapan-Russia relations\n\nTokyo lodges protest as troops drill on disputed islands\n\n" \
          f"TOKYO (Reuters) - {LEAD}"
    art = parse_article(raw)
    assert (art.title, art.standfirst) == ("Tokyo lodges protest as troops drill on disputed islands", None)
    assert ("Japan-Russia relations", "section label") in [(r.text, r.reason) for r in art.removed]


def test_a_short_headline_with_a_verb_over_its_standfirst_is_no_topic_label():
    raw = f"Talks stalled\n\nTokyo and Moscow have not met on the treaty for four years now\n\nTOKYO — {LEAD}"
    art = parse_article(raw)
    assert (art.title, art.standfirst) == ("Talks stalled", "Tokyo and Moscow have not met on the treaty for four "
                                                            "years now")


def test_a_page_title_with_the_site_name_is_dropped_when_the_headline_is_printed_again():
    raw = ("Japan protests Russian drills on disputed islands | The Harbour Times\n\nThe Harbour Times\n"
           "Home | World | Asia\n\nJapan protests Russian drills on disputed islands\n\nBy Jane Roe\n\n"
           f"TOKYO — {LEAD}")
    art = parse_article(raw)
    assert art.title == "Japan protests Russian drills on disputed islands"
    assert (1, "page title") in [(r.line, r.reason) for r in art.removed]


@pytest.mark.parametrize("first_line", ["Japan protests drills again | The Harbour Times",
                                        "Japan protests Russian drills on the disputed islands | Harbour Times"])
def test_a_page_title_alone_gives_its_headline(first_line):
    art = parse_article(f"{first_line}\n\n{LEAD}\n\nMore text.")
    assert art.title == first_line.split(" | ")[0]


def test_a_dash_in_a_headline_is_not_taken_for_a_page_title():
    raw = f"Russia sees no grounds for new talks with Japan - Lavrov\n\nMOSCOW, March 3 (Interfax) - {LEAD}"
    assert parse_article(raw).title == "Russia sees no grounds for new talks with Japan - Lavrov"


def test_a_glued_timestamp_and_a_short_link_button_above_the_headline_are_furniture():
    raw = f"00:23 GMT 03.03.2026\nListen Live\nGet short URL\n\nRussia says the islands are not for discussion\n\n" \
          f"MOSCOW (Sputnik) - {LEAD}"
    art = parse_article(raw)
    assert (art.title, art.standfirst, art.dateline) == ("Russia says the islands are not for discussion", None,
                                                          "MOSCOW (Sputnik) -")
    assert ("Get short URL", "navigation") in [(r.text, r.reason) for r in art.removed]


def test_a_headline_with_full_stops_is_the_title_when_a_byline_stands_under_it():
    raw = f"Home > World\n\nRussia drills. Japan protests.\n\nBy Jane Roe\nMarch 3, 2026\n\n{LEAD}"
    assert parse_article(raw).title == "Russia drills. Japan protests."


def test_a_mixed_case_place_with_a_date_and_an_agency_needs_no_dash():
    art = parse_article(f"Ferry talks resume\n\nOsaka, Mar 3 (PTI) {LEAD}")
    assert (art.dateline, art.agency, art.dateline_day) == ("Osaka, Mar 3 (PTI)", "PTI", 3)


def test_a_caption_with_the_photographer_and_agency_in_brackets_is_no_standfirst():
    raw = (f"Japan protests Russian drills on disputed islands\n\nA warship off the coast. (Jane Roe/Getty Images)\n\n"
           f"By Jane Roe\n\n{LEAD}")
    art = parse_article(raw)
    assert (art.title, art.standfirst) == ("Japan protests Russian drills on disputed islands", None)
    assert ("A warship off the coast. (Jane Roe/Getty Images)", "photo caption") in [
        (r.text, r.reason) for r in art.removed]


# --------------------------------------------------------------------------- furniture by line shape

def test_short_capitalised_lines_under_the_last_paragraph_are_a_sign_off():
    raw = f"Ferry talks resume\n\n{LEAD}\n\nThe ferry will sail in May.\n\nIsland Wire\n\n• Ambassador\n• G7 Summit"
    art = parse_article(raw)
    assert art.text.endswith("The ferry will sail in May.")
    assert [r.text for r in art.removed if r.reason == "sign-off"] == ["Island Wire", "• Ambassador", "• G7 Summit"]


def test_a_short_last_line_that_ends_a_sentence_stays():
    art = parse_article(f"Ferry talks resume\n\n{LEAD}\n\nThe ferry will sail in May.\n\nThank you.")
    assert art.text.endswith("Thank you.")


def test_unnumbered_headings_under_a_contents_line_are_the_contents_box():
    raw = f"Kuril Islands\n\nTable of Contents\nIntroduction\nFacts & Related Content\n\n{LEAD}\n\nMore text here."
    art = parse_article(raw)
    assert "Introduction" not in art.text and art.text.startswith("Japan lodged")


def test_a_long_site_slogan_over_a_sentence_case_headline_is_the_masthead():
    raw = (f"Island Wire\nNews and Views From the Far Eastern Frontier of Russia\n\nWorld\n\n"
           f"Japan protests Russian drills on the disputed islands\n\n03.03.2026 16:12\n\n{LEAD}")
    art = parse_article(raw)
    assert (art.title, art.standfirst) == ("Japan protests Russian drills on the disputed islands", None)


def test_a_title_case_headline_with_a_colon_over_its_standfirst_is_no_slogan():
    raw = f"Four Islands, Two Names: No Treaty\n\nJapan protests Russian drills on the islands\n\nBy Jane Roe\n\n{LEAD}"
    art = parse_article(raw)
    assert (art.title, art.standfirst) == ("Four Islands, Two Names: No Treaty",
                                           "Japan protests Russian drills on the islands")


def test_a_place_in_capitals_and_a_dash_over_the_story_is_a_headline_not_a_dateline():
    art = parse_article(f"ASIA — Japan protests Russian drills on disputed islands\n\n{LEAD}")
    assert (art.title, art.dateline) == ("ASIA — Japan protests Russian drills on disputed islands", None)


def test_the_reporter_and_city_lines_under_the_headline_are_the_byline():
    raw = f"Japan protests Russian drills on disputed islands\n\nJane Roe\nTokyo\nMarch 3, 2026 — 4.12pm\n\n{LEAD}"
    art = parse_article(raw)
    assert (art.title, art.standfirst) == ("Japan protests Russian drills on disputed islands", None)
    assert [r.text for r in art.removed if r.reason == "byline"] == ["Jane Roe", "Tokyo"]


@pytest.mark.parametrize("below", ["", "TOKYO (AFP) - "])
def test_a_headline_printed_twice_is_no_standfirst(below):
    raw = f"Japan protests Russian drills\n\nJapan protests Russian drills\n\n{below}{LEAD}"
    art = parse_article(raw)
    assert (art.title, art.standfirst) == ("Japan protests Russian drills", None)
    assert [r.reason for r in art.removed] == ["repeated title"]


def test_a_subscriber_count_is_a_counter():
    assert furniture_reason("12.4K subscribers") == "share counter"


@pytest.mark.parametrize("line, reason", [
    ("Save article", "navigation"), ("Show comments", "navigation"), ("Open in app", "navigation"),
    ("Click to enlarge", "navigation"), ("Report an error", "navigation"), ("Page 2", "navigation"),
    ("Continue reading below", "advertisement"), ("Partner content", "advertisement"),
    ("Enter your email address", "newsletter"),
    ("By signing up you agree to our Privacy Policy", "newsletter"),
    ("Photograph: Jane Roe/Reuters", "credit line"), ("(AP Photo/Jane Roe)", "credit line"),
    ("AFP via Getty Images", "credit line"), ("Image caption,", "credit line"),
    ("This material may not be published, broadcast, rewritten or redistributed.", "credit line"),
    ("Reject all", "cookie notice"),
    ("Fact checked by Jane Roe", "byline"), ("Senior reporter, Tokyo", "byline"), ("With agencies", "byline"),
    ("Filed under: Asia", "tags"),
    ("This is a developing story.", "update note"), ("Editor's note:", "update note"),
    ("Nikkei 38,512.34 +0.4%", "markets widget"), ("USD/JPY 151.20", "markets widget"),
    ("Live TV", "section label"), ("JUST IN", "section label"),
    ("Like us on Facebook", "follow button"), ("Sources: Reuters, AFP", "source line"),
    ("Published", "date line"), ("Watch", "video caption"),
])
def test_page_widgets_of_any_site(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line", ["Japan protested.", "Next year the ferry may sail again.",
                                  "Reporters were not allowed on the island.", "Nikkei reported the talks stalled.",
                                  "The price rose to 38,512.34 yen."])
def test_sentences_that_share_words_with_widgets_are_text(line):
    assert furniture_reason(line) is None


def test_a_line_between_the_title_and_a_photo_caption_is_the_standfirst():
    raw = (f"Japan protests Russian drills on disputed islands\n\nTokyo calls the exercises on two of the islands "
           f"unacceptable\n\nRussian troops on Iturup. Photo: TASS\n\n{LEAD}")
    art = parse_article(raw)
    assert art.standfirst == "Tokyo calls the exercises on two of the islands unacceptable"
    assert art.text.startswith("Japan lodged")


def test_a_sentence_over_the_headline_of_a_datelined_story_is_the_top_photos_caption():
    raw = f"Home | World\n\nRussian troops exercise on the island of Iturup in 2024.\n\nJapan protests Russian drills on disputed islands\n\nTOKYO — {LEAD}"
    art = parse_article(raw)
    assert (art.title, art.standfirst) == ("Japan protests Russian drills on disputed islands", None)
    assert ("Russian troops exercise on the island of Iturup in 2024.", "photo caption") in [(r.text, r.reason) for r in art.removed]


def test_a_headline_copied_with_single_line_breaks_is_the_title():
    art = parse_article(f"Japan protests Russian drills\n{LEAD}\nMore text follows here.")
    assert art.title == "Japan protests Russian drills" and art.text.startswith("Japan lodged")


def test_a_hard_wrapped_first_line_is_no_title():
    art = parse_article("Japan lodged a protest with Moscow on Tuesday over military\ndrills held on two of the "
                        "disputed islands off Hokkaido, officials said.")
    assert art.title is None


def test_a_headline_broken_over_two_lines_is_joined():
    art = parse_article(f"Japan protests Russian military drills\non the disputed islands off Hokkaido\n\nTOKYO (AFP) - {LEAD}")
    assert (art.title, art.standfirst) == ("Japan protests Russian military drills on the disputed islands off Hokkaido",
                                           None)


@pytest.mark.parametrize("dateline", ["", "TOKYO — "])
def test_the_headline_over_its_photos_credit_is_not_taken_for_a_caption(dateline):
    raw = (f"The Harbour Times\nWorld\nAsia Desk\n\nJapan protests Russian drills on disputed islands\nPhoto: Reuters\n\n"
           f"{dateline}{LEAD}")
    art = parse_article(raw)
    assert art.title == "Japan protests Russian drills on disputed islands"


def test_a_caption_over_its_credit_under_the_headline_is_still_a_caption():
    raw = (f"The Harbour Times\n\nJapan protests Russian drills on disputed islands\n\nTroops on Iturup\n"
           f"Image: Defence Ministry\n\n{LEAD}")
    art = parse_article(raw)
    assert art.title == "Japan protests Russian drills on disputed islands"
    assert ("Troops on Iturup", "photo caption") in [(r.text, r.reason) for r in art.removed]


@pytest.mark.parametrize("line", ["Jane Roe | Reuters", "Jane Roe and John Doe", "Written by: Jane Roe",
                                  "Jane Roe @janeroe", "Jane Roe, Special to The Harbour Times"])
def test_bylines_under_an_undated_headline(line):
    art = parse_article(f"Japan protests Russian drills on disputed islands\n\n{line}\n\n{LEAD}")
    assert (art.title, art.standfirst) == ("Japan protests Russian drills on disputed islands", None)
    assert art.text.startswith("Japan lodged")


@pytest.mark.parametrize("line", ["Northern Territories and the Kurils", "Kunashir (Kunashiri), Iturup (Etorofu)"])
def test_lines_naming_places_are_no_bylines(line):
    assert furniture_reason(line) is None


@pytest.mark.parametrize("line, reason", [("Jane Roe · 3 min read · Follow", "byline"),
                                          ("By Jane Roe · Reuters", "byline"), ("Share · 4 min read", "share counter")])
def test_a_bar_whose_every_item_is_furniture_or_a_name_is_furniture(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line", ["Kunashir · Iturup", "Japan protests · Russia shrugs"])
def test_a_bar_with_an_item_that_is_text_is_not(line):
    assert furniture_reason(line) is None


# --------------------------------------------------------------------------- menus and tool rows by their shape

@pytest.mark.parametrize("line", ["News  Opinion  Business  Arts & Life  Meanwhile", "HOME  WORLD  US  WORK & CAREERS",
                                  "Politics  /  Foreign policy", "Article  Talk  Read  Edit  View history"])
def test_a_row_of_short_items_with_wide_gaps_is_a_menu(line):
    assert furniture_reason(line) == "navigation"


@pytest.mark.parametrize("line", ["Japan protested.  Russia did not.", "2001    12,407    70.2"])
def test_sentences_and_figures_with_wide_gaps_are_no_menu(line):
    assert furniture_reason(line) != "navigation"


@pytest.mark.parametrize("line", ["Share Comments Print", "Create account Log in", "Menu Weekly edition Search"])
def test_a_row_of_page_tools_with_single_spaces_is_navigation(line):
    assert furniture_reason(line) == "navigation"


@pytest.mark.parametrize("line", ["Share the islands", "Print edition sales fell", "Comments on the treaty"])
def test_a_line_that_only_starts_with_a_tool_word_is_text(line):
    assert furniture_reason(line) is None


@pytest.mark.parametrize("line, reason", [("2 min", "audio player"), ("Thu, Dec 3, 2026, 4:12 AM 3 min read", "date line"),
                                          ("by: JANE ROE, Associated Press", "byline"),
                                          ("WEATHER ALERT  Freeze warning in effect until 9 AM", "weather widget")])
def test_more_widget_shapes(line, reason):
    assert furniture_reason(line) == reason


def test_a_headline_about_a_weather_warning_is_no_widget():
    assert furniture_reason("Heavy Rain Warning Issued for Kyushu; Trains Suspended") is None


# --------------------------------------------------------------------------- headers of undated pages

def test_a_headline_with_its_standfirst_right_under_it_and_no_blank_line():
    raw = (f"Island Daily\nPolitics  /  Diplomacy\n\nIslands without talks\nMoscow answers the Diet with a reminder "
           f"about the constitution\n\nBy Jane Roe\n\n{LEAD}")
    art = parse_article(raw)
    assert (art.title, art.standfirst) == ("Islands without talks",
                                           "Moscow answers the Diet with a reminder about the constitution")


def test_a_short_headline_over_its_rubric_closed_by_a_date_is_no_kicker():
    raw = (f"Island Weekly\nAsia | Japan and Russia\n\nRock bottom\n\nThe prime minister's overture to the Kremlin is "
           f"going nowhere\n\nMar 3rd 2026 | TOKYO\n\n{LEAD}")
    art = parse_article(raw)
    assert (art.title, art.standfirst) == ("Rock bottom", "The prime minister's overture to the Kremlin is going nowhere")


def test_a_series_label_over_a_title_case_headline_is_still_a_kicker():
    raw = (f"Island Institute\nTopics  |  Regions  |  Experts\nCritical Questions\n\nRussia Reopens the Island "
           f"Fortress: What It Means for Japan\n\nBy Jane Roe\n\n{LEAD}")
    assert parse_article(raw).title == "Russia Reopens the Island Fortress: What It Means for Japan"


def test_a_headword_over_the_first_sentence_is_the_title_not_a_site_name():
    raw = f"Travel Wiki\nMain page  |  Destinations\n\nKunashir\n\nAsia > Russia > Kuril Islands > Kunashir\n\n" \
          f"Kunashir is the southernmost of the large islands of the chain, across a strait from Hokkaido."
    assert parse_article(raw).title == "Kunashir"


@pytest.mark.parametrize("raw", [
    f"Expert: Tokyo's protest day has turned into a ritual without any content at all\n\n{LEAD}",
    f"[Island Editorial] Russia's renaming of the islets must not go unanswered\n\n{LEAD}",
])
def test_a_label_and_a_colon_or_brackets_opening_a_headline_is_no_dateline(raw):
    art = parse_article(raw)
    assert art.dateline is None and art.title == raw.split("\n")[0]


def test_a_site_name_with_a_domain_ending_is_an_agency_after_the_date():
    art = parse_article(f"Ferry talks resume\n\nYuzhno-Kurilsk, 9 June. Sakhalin.info. {LEAD}")
    assert (art.dateline, art.agency) == ("Yuzhno-Kurilsk, 9 June. Sakhalin.info.", "Sakhalin.info")


def test_a_title_under_a_breadcrumb_and_over_a_question_subhead_is_no_site_name():
    raw = (f"Island Prefecture\nHome > Administration > Territories\n\nThe Northern Territories Issue\n\n"
           f"Font size  S  M  L    Print\n\nWhere are the islands?\n\n{LEAD}")
    assert parse_article(raw).title == "The Northern Territories Issue"


def test_a_label_in_capitals_under_the_menu_is_still_the_sites():
    raw = (f"Island Weekly\nLearning weekly  |  Subscribe\nNEWS IN EASY ENGLISH\n\nStudents learn about the islands\n\n"
           f"Feb 13, 2026\n\n{LEAD}")
    assert parse_article(raw).title == "Students learn about the islands"


def test_a_headword_over_a_quoted_note_and_wiki_tabs():
    raw = (f"Free Wiki\nCreate account  Log in\n\nShikotan\nArticle  Talk  Read  Edit  View history\n"
           f"\"Shikotan Island\" redirects here. For the ship of that name, see the list of ships.\n\n{LEAD}")
    assert parse_article(raw).title == "Shikotan"


def test_a_menu_row_may_end_in_a_sign_up_prompt():
    assert furniture_reason("News  Features  Podcasts  Sign up for The Island Brief. Daily.") == "navigation"


def test_a_counter_behind_an_icon_is_a_counter():
    assert furniture_reason("👁 2 318") == "share counter"


def test_a_line_under_a_photo_credit_is_its_caption_not_the_standfirst():
    raw = (f"Japan protests plans for a new terminal on Kunashir\n\n© Island Agency / Jane Roe\nThe port on Kunashir "
           f"Island\n\nTOKYO, May 14 (Island Agency) – {LEAD}")
    art = parse_article(raw)
    assert (art.title, art.standfirst) == ("Japan protests plans for a new terminal on Kunashir", None)


def test_a_menu_copied_one_item_a_line_above_the_headline():
    raw = f"Island Radio\nHome\nNews\nSport\niPlayer\n\nNEWS\nAsia\nJapan\n\nJapan protests Russian drills on the islands\n\n{LEAD}"
    art = parse_article(raw)
    assert art.title == "Japan protests Russian drills on the islands" and art.standfirst is None


def test_a_list_of_islands_in_the_story_is_no_menu():
    raw = f"Japan protests Russian drills\n\n{LEAD}\n\nThe four islands are:\nIturup\nKunashir\nShikotan\n\nMore text."
    assert "Iturup\n\nKunashir\n\nShikotan" in parse_article(raw).text


@pytest.mark.parametrize("line, reason", [
    ("*This column is a translation of the Japanese original published in the morning edition.", "translation note"),
    ("[This article was translated from the Japanese original.]", "translation note"),
    ("(This is a provisional translation by an external company.)", "translation note"),
    ("About this site: The Island Post Company. All rights reserved. No reproduction without permission.", "credit line"),
    ("Search Island Post...", "navigation"), ("Click here to share on social media", "navigation"),
    ("\"Kunashir Island\" redirects here. For the ship, see Kunashir (ship).", "navigation"),
    ("Coordinates: 44°N 146°E", "navigation"),
    ("Join the Post's Telegram channel and get the latest news.", "follow button"),
    ("By subscribing, you can help us get the story right.", "donation appeal"),
    ("ALSO READ: Tokyo protests again", "read more"),
    ("If you have found a mistake in the text, select it and press Ctrl+Enter", "closing note"),
    ("12.41 BST Japan lodges protest over bomber flights", "live blog widget"),
    ("Jane Roe reported from Rausu. John Doe reported from Tokyo.", "byline"),
    ("By Lee Ji-won [lee.jiwon@example.co.kr]", "byline"),
])
def test_notes_appeals_and_widgets_of_the_new_outlets(line, reason):
    assert furniture_reason(line) == reason


def test_a_time_with_its_update_in_brackets_is_a_date_line_not_a_live_entry():
    assert furniture_reason("14:37 GMT 22.04.2026 (Updated: 15:02 GMT 22.04.2026)") == "date line"


@pytest.mark.parametrize("caption", ["A fishing boat docks at the port on July 10. [YONHAP]",
                                     "Kaigara Island seen from Cape Nosappu. (©Island Post by Jane Roe)"])
def test_captions_with_a_bracketed_agency_or_copyright_credit(caption):
    art = parse_article(f"Japan protests Russian drills\n\n{LEAD}\n\n{caption}\n\nMore text follows here.")
    assert caption not in art.text


def test_a_wiki_section_heading_is_no_caption_and_citation_marks_end_a_sentence():
    raw = "Kunashir\n\nKunashir is the southernmost of the large islands of the chain off Hokkaido.[1]\n\nName[edit]\n\nMore."
    art = parse_article(raw)
    assert art.title == "Kunashir" and "Name[edit]" in art.text


def test_a_name_printed_next_to_the_date_under_an_undated_headline_is_the_byline():
    raw = f"Japan and Russia hold fisheries contact\n\nThe Island Post\n9:18 JST, December 2, 2026\n\n{LEAD}"
    art = parse_article(raw)
    assert art.text.startswith("Japan lodged")
    assert ("The Island Post", "byline") in [(r.text, r.reason) for r in art.removed]


def test_a_line_under_the_date_is_no_standfirst():
    raw = f"Press Conference by the Press Secretary\n\nWednesday, September 9, 2026, 4:02 p.m.\nMinistry of Foreign Affairs\n\n{LEAD}"
    art = parse_article(raw)
    assert (art.title, art.standfirst) == ("Press Conference by the Press Secretary", None)


def test_headings_listed_above_and_repeated_numbered_below_are_a_contents_box():
    raw = (f"Press Conference by the Press Secretary\n\nOpening Remarks\nQuestions on the ferry\n\n1. Opening Remarks\n\n"
           f"{LEAD}\n\n2. Questions on the ferry\n\nThe ferry will sail in May.")
    art = parse_article(raw)
    assert [r.line for r in art.removed if r.reason == "contents list"] == [3, 4]


def test_related_pages_is_a_list_header():
    art = parse_article(f"Ferry talks resume\n\n{LEAD}\n\nRelated pages\nFormer residents of the islands\n\nMore text.")
    assert "Former residents" not in art.text


@pytest.mark.parametrize("line", ["March 3, 20264:12 AM GMT+9Updated 2 hours ago", "2026年3月3日",
                                  "March 3, 2026 / 4:12 PM / Updated 2 hours ago"])
def test_glued_and_relative_dates_are_date_lines(line):
    assert furniture_reason(line) == "date line"


def test_a_breadcrumb_trail_glued_to_the_headline_printed_again_below_is_the_page_title():
    raw = ("Home World Ferries resume to the islands after the ice\n\nFerries resume to the islands after the ice\n\n"
           "By Anna Roe\n\nThe ferry to the islands sailed again on Monday for the first time since the ice came in "
           "December, the harbour master said.\n\nMore boats will follow in the spring, he said.")
    art = parse_article(raw)
    assert (art.title, art.standfirst) == ("Ferries resume to the islands after the ice", None)
    assert (1, "page title") in [(r.line, r.reason) for r in art.removed]


def test_has_credit_remembered_equals_worked_out():
    from kuril_research.ingest.parse.captions import has_credit

    lines = ["Boats at Nemuro (Kyodo)", "Photo: AP", "Japan protested.", "He spoke (see the video).",
             "Two ministers meet in Tokyo.(photo taken from Harbour TV video)", "Getty Images", "Russia / Japan"]
    worked_out = [has_credit.__wrapped__(line) for line in lines]  # the function itself, no memo
    assert worked_out == [True, True, False, False, True, True, False]  # "Russia / Japan": no agency, no picture
    assert [has_credit(line) for line in lines] == worked_out
    assert [has_credit(line) for line in lines] == worked_out  # second time: remembered
