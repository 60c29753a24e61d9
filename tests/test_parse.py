"""Parser: input text → title, standfirst, dateline, paragraphs, removed furniture."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kuril_research.ingest.parse import furniture_reason, normalise_text, parse_article

from .conftest import RAW

DATELINES = [
    # paragraph start                                 place         country  month day agency
    ("MOSCOW, July 26. /TASS/. Russia values it.",    "MOSCOW",     None,    7,    26, "TASS"),
    ("TOKYO, April 15. /TASS/. Japan’s position.",    "TOKYO",      None,    4,    15, "TASS"),
    ("MOSCOW, Russia – Signing a peace treaty.",      "MOSCOW",     "Russia", None, None, None),
    ("MOSCOW (Sputnik) - The Kremlin said.",          "MOSCOW",     None,    None, None, "Sputnik"),
    ("MOSCOW — The Kremlin said.",                    "MOSCOW",     None,    None, None, None),
    ("WASHINGTON, Jan. 5 (AP) — Officials said.",     "WASHINGTON", None,    1,    5,  "AP"),
    ("YUZHNO-SAKHALINSK, Sept. 3. /TASS/. Drills.",   "YUZHNO-SAKHALINSK", None, 9, 3, "TASS"),
    ("NEW YORK, December 3 (Reuters) - Talks.",       "NEW YORK",   None,    12,   3,  "Reuters"),
]


@pytest.mark.parametrize("text, place, country, month, day, agency", DATELINES)
def test_dateline_parts(text, place, country, month, day, agency):
    art = parse_article("Headline\n\n" + text)
    assert (art.dateline_place, art.dateline_country, art.dateline_month, art.dateline_day, art.agency) == (
        place, country, month, day, agency)
    assert not art.text.startswith(place)  # the dateline is cut from the body


@pytest.mark.parametrize("text", [
    "NATO said on Monday that talks would resume.",
    "US officials said - without giving details - that talks stalled.",
    "MAY 9 parades were held.",
])
def test_ordinary_sentences_are_not_datelines(text):
    assert parse_article("Headline\n\n" + text).dateline is None


FURNITURE = [
    ("All news", "section label"),
    ("- Advertisement -", "advertisement"),
    ("ADVERTISEMENT", "advertisement"),
    ("Subscribe to our newsletter", "newsletter"),
    ("Sign up here to get the latest news, updates and special offers delivered directly to your inbox.", "newsletter"),
    ("Read more", "read more"),
    ("READ MORE: Japan protests Russian drills on Iturup", "read more"),
    ("1,204 shares", "share counter"),
    ("Share this article", "share counter"),
    ("12 comments", "comment notice"),
    ("Comments are closed.", "comment notice"),
    ("Loading articles...", "loading message"),
    ("© Toru Hanai/Pool Photo via AP", "credit line"),
    ("PHOTO: Kyodo", "credit line"),
    ("Russia values cooperation with Japan.", None),
    ("Read the full statement of the ministry below.", None),
    ("Newsletters were sent to residents of Shikotan.", None),
]


@pytest.mark.parametrize("line, reason", FURNITURE)
def test_furniture_reason(line, reason):
    assert furniture_reason(line) == reason


def test_caption_printed_twice_with_credit_is_removed():
    raw = ("Title here\n\nThe standfirst sums it up\n"
           "Lavrov and Kishida seen during talks in Tokyo Toru Hanai/Pool Photo via AP\n"
           "Lavrov and Kishida seen during talks in Tokyo\n"
           "© Toru Hanai/Pool Photo via AP\n\n"
           "TOKYO, April 15. /TASS/. Body text.")
    art = parse_article(raw)
    assert art.title == "Title here"
    assert art.standfirst == "The standfirst sums it up"
    assert [(r.line, r.reason) for r in art.removed] == [(4, "photo caption"), (5, "photo caption"), (6, "credit line")]
    assert art.text == "Body text."


@pytest.mark.parametrize("raw, paragraphs", [
    ("T\n\nMOSCOW — One.\n\nTwo.\n\nThree.", ["One.", "Two.", "Three."]),        # blank-line separated
    ("T\n\nMOSCOW — One.\nTwo.\nThree.", ["One.", "Two.", "Three."]),            # single newlines
    ("T\n\nMOSCOW — One sentence that was wrapped by the copying\nprogram in the middle.", [
        "One sentence that was wrapped by the copying program in the middle."]),  # hard wrap joined
])
def test_paragraph_separation(raw, paragraphs):
    art = parse_article(raw)
    assert [art.text[s:e] for s, e in art.paragraphs] == paragraphs
    assert art.text == "\n\n".join(paragraphs)


def test_normalisation_keeps_what_reader_sees():
    assert normalise_text("improved\u00a0\r\nLavrov,\u00a0it\u200b") == "improved\nLavrov, it"
    assert normalise_text("Kunashiri\u0301") == "Kunashirí"  # NFC composes i + combining acute


SEED = {  # file: (title, standfirst starts, dateline parts)
    "000_02c35acdd9b1a3b6.txt": ("Moscow has firm political will to develop good relations with Tokyo — Kremlin",
                                 "Dmitry Peskov stressed", ("MOSCOW", None, 7, 26, "TASS")),
    "001_e3e4e3b56fb486ca.txt": ("Russian and Japanese foreign ministers to discuss peace treaty in Moscow",
                                 "The problem of the southern Kuril Islands", ("MOSCOW", None, 9, 21, "TASS")),
    "002_ff6a0fcddfbc72fb.txt": ("Although Moscow pushes for permanent peace with Japan, Tokyo hinders all peace efforts",
                                 None, ("MOSCOW", "Russia", None, None, None)),
    "003_5c202a017dd63dc4.txt": ("Japan’s position on peace treaty, territorial dispute with Russia remains unchanged — FM",
                                 "Russia and Japan have no peace treaty signed", ("TOKYO", None, 4, 15, "TASS")),
    "004_b4db91b1548a4516.txt": (None, None, ("MOSCOW", None, 1, 25, "TASS")),
}


@pytest.mark.parametrize("name", sorted(SEED))
def test_seed_articles(name):
    title, standfirst, dateline = SEED[name]
    art = parse_article((RAW / name).read_text(encoding="utf-8"))
    assert art.title == title
    if standfirst is None:
        assert art.standfirst is None
    else:
        assert art.standfirst.startswith(standfirst)
    assert (art.dateline_place, art.dateline_country, art.dateline_month, art.dateline_day, art.agency) == dateline
    for furniture in ("All news", "Advertisement", "newsletter", "inbox", "©", "Pool Photo", "seen during talks"):
        assert furniture not in art.text
    assert "\u00a0" not in art.text


def test_seed_003_removes_caption_twice_and_credit():
    art = parse_article((RAW / "003_5c202a017dd63dc4.txt").read_text(encoding="utf-8"))
    assert [(r.line, r.reason) for r in art.removed] == [
        (1, "section label"), (6, "photo caption"), (7, "photo caption"), (8, "credit line")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_parser_never_raises_and_offsets_round_trip(raw):
    art = parse_article(raw)
    assert [art.text[s:e] for s, e in art.paragraphs] == art.text.split("\n\n") if art.text else art.paragraphs == []
    for s, e in art.paragraphs:
        assert 0 <= s <= e <= len(art.text)


# --------------------------------------------------------------------------- credit pre-check
@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Photo", "PHOTO", "photograph", " via ", "Via", "/", " / ", "AP", "Reuters", "TASS",
                                 "Getty Images", "GETTY IMAGES", "Shutterstock", "shutterſtock", "Pool", "by",
                                 "Kishida", " ", ".", "©", "é", "K", "x"]), max_size=12).map("".join))
def test_credit_precheck_never_hides_a_credit(line):
    from kuril_research.ingest.parse import CAPTION_CREDIT_RE, has_credit

    assert has_credit(line) == (CAPTION_CREDIT_RE.search(line) is not None)


def test_credit_precheck_agrees_on_every_seed_and_generated_line(tmp_path):
    from kuril_research.ingest.parse import CAPTION_CREDIT_RE, has_credit

    from .conftest import generate_corpus

    generated = generate_corpus(200, tmp_path, seed=3)
    lines = [line for folder in (RAW, generated.raw_dir) for path in sorted(folder.iterdir())
             for line in path.read_text(encoding="utf-8").split("\n")]
    credits = [line for line in lines if CAPTION_CREDIT_RE.search(line)]
    assert [line for line in lines if has_credit(line)] == credits
    assert len(credits) > 100   # the generated pages do carry photo credits
    assert has_credit("Kishida in Tokyo. Photo by Kyodo/Reuters") and not has_credit("Kishida in Tokyo.")


# --------------------------------------------------------------------------- issue #12: datelines, furniture, headers

@pytest.mark.parametrize("paragraph, dateline, place, month, day", [
    ("YUZHNO-SAKHALINSK (Radio Okhotsk / Interfax - 3rd March, 2019) - Roads will be built.",
     "YUZHNO-SAKHALINSK (Radio Okhotsk / Interfax - 3rd March, 2019) -", "YUZHNO-SAKHALINSK", None, None),
    ("TOKYO (Kyodo, Jiji) - Japan protested.", "TOKYO (Kyodo, Jiji) -", "TOKYO", None, None),
    ("(RT) – Medvedev lashed out.", "(RT) –", None, None, None),
    ("Tokyo (AFP) - Japan and Russia failed to agree.", "Tokyo (AFP) -", "Tokyo", None, None),
    ("TOKYO, March 3 (Kyodo) -- Japan protested.", "TOKYO, March 3 (Kyodo) --", "TOKYO", 3, 3),
    ("LONDON, England (Reuters) - Talks stalled.", "LONDON, England (Reuters) -", "LONDON", None, None),
    ("MOSCOW, 3 January. /TASS/. Talks stalled.", "MOSCOW, 3 January. /TASS/.", "MOSCOW", 1, 3),
    ("SINGAPORE • The leaders met.", "SINGAPORE •", "SINGAPORE", None, None),
    ("MOSCOW, Feb 13 - RIA Novosti. Japan should reconsider.", "MOSCOW, Feb 13 - RIA Novosti.", "MOSCOW", 2, 13),
    ("TOKYO, (Reuters) - Japan lodged a protest.", "TOKYO, (Reuters) -", "TOKYO", None, None),
])
def test_more_dateline_forms(paragraph, dateline, place, month, day):
    art = parse_article("Headline\n\n" + paragraph)
    assert (art.dateline, art.dateline_place, art.dateline_month, art.dateline_day) == (dateline, place, month, day)
    assert not art.text.startswith(dateline)


@pytest.mark.parametrize("text", [
    "Tokyo (the capital) said talks would resume.",       # a mixed-case place needs an agency and a dash
    "Japan (Kyodo reported) will protest.",
])
def test_bracketed_asides_are_not_datelines(text):
    assert parse_article("Headline\n\n" + text).dateline is None


@pytest.mark.parametrize("line, reason", [
    ("By Jane Doe", "byline"),
    ("by Kenta Mori, Staff Writer", "byline"),
    ("KENJI SATO, Nikkei staff writer", "byline"),
    ("(Reporting by Anna Ivanova; Editing by Tom Hart)", "byline"),
    ("Listen to this article", "audio player"),
    ("Aug 12, 2024", "date line"),
    ("Updated: April 1, 2024", "date line"),
    ("Published on 14/04/2023 at 09:22 GMT", "date line"),
    ("Like this story? Support our independent newsroom with a one-off donation.", "donation appeal"),
    ("Shop our new T-shirts and mugs in the store", "merchandise"),
    ("Sapporo -3°C Snow | Tokyo 12°C Sunny", "weather widget"),
    ("Traffic: Route 44 closed near Nemuro", "traffic widget"),
    ("This website uses cookies. Click here to find out more.", "cookie notice"),
    ("Tags: Japan, Russia, Kuril Islands", "tags"),
    ("Home > Foreign Policy > Northern Territories", "navigation"),
    ("kh/ryo/jm", "slug"),
    ("All rights reserved by Example Gazeta.", "credit line"),
    ("Short Url", "navigation"),
    ("Japan protested on Monday, the ministry said.", None),
    ("By the end of the war, Soviet troops held all four islands and deported about 17,000 residents who had "
     "lived there for generations.", None),
])
def test_more_furniture(line, reason):
    assert furniture_reason(line) == reason


def test_site_header_byline_and_date_are_not_the_title():
    raw = ("Daily Planet Online\n\nPolitics | World\n\nJapan protests Russian drills near Hokkaido\n\n"
           "Troops exercised on two of the disputed islands\n\nBy Jane Doe, Staff Writer\n\nMarch 10, 2025 05:00 JST\n\n"
           "TOKYO -- Japan protested on Monday.\n\nListen to this article\n\nThe drills ended.")
    art = parse_article(raw)
    assert (art.title, art.standfirst, art.dateline) == (
        "Japan protests Russian drills near Hokkaido", "Troops exercised on two of the disputed islands", "TOKYO --")
    assert art.text == "Japan protested on Monday.\n\nThe drills ended."
    assert [r.reason for r in art.removed] == ["site header", "navigation", "byline", "date line", "audio player"]


def test_without_dateline_site_header_skipped_and_standfirst_before_byline():
    raw = ("Explainer\n\nWhat are the Kuril Islands?\n\nFour islands keep two countries apart. Here is why\n\n"
           "By Ann Lee, Asia editor\n\nUpdated 14 February 2022\n\nThe Kuril Islands are a volcanic chain.")
    art = parse_article(raw)
    assert (art.title, art.standfirst) == ("What are the Kuril Islands?", "Four islands keep two countries apart. Here is why")
    assert art.text == "The Kuril Islands are a volcanic chain."


def test_related_links_list_is_removed():
    raw = ("Headline\n\nMOSCOW — The talks ended.\n\nYou may also like:\nPutin visits Kunashir\n"
           "Japan protests drills on Iturup\n\n12 comments")
    art = parse_article(raw)
    assert art.text == "The talks ended."
    assert [(r.line, r.reason) for r in art.removed] == [
        (5, "related links"), (6, "related links"), (7, "related links"), (9, "comment notice")]


def test_furniture_lexicon_errors_name_file_and_line(tmp_path):
    from kuril_research.errors import LexiconError
    from kuril_research.ingest.parse import load_furniture_lexicon

    shipped = (RAW.parents[2] / "kuril_research" / "data" / "furniture.yaml").read_text(encoding="utf-8")
    bad = shipped.replace("(?:advertisement|", "((?:advertisement|", 1)
    assert bad != shipped
    path = tmp_path / "furniture.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        load_furniture_lexicon(path)
    line = bad.splitlines().index(next(x for x in bad.splitlines() if "((?:advertisement|" in x)) + 1
    assert caught.value.line == line and "not a valid regular expression" in str(caught.value)


def test_short_title_case_headline_above_a_standfirst_is_the_title():
    art = parse_article("Japan Protests Russian Drills\n\nTokyo lodged a protest over the exercises on Monday.\n\n"
                        "TOKYO (Kyodo) - Japan protested.")
    assert (art.title, art.standfirst) == ("Japan Protests Russian Drills",
                                           "Tokyo lodged a protest over the exercises on Monday.")


@pytest.mark.parametrize("line, reason", [
    ("Skip to main content", "section label"),
    ("Skip links", "section label"),
    ("Asia", "section label"),
    ("Video Ad Feedback", "advertisement"),
    ("About Sponsored Content: paid for by a shipping line.", "advertisement"),
    ("IconMailIcon Print Created with Sketch.", "icon labels"),
    ("Subscribe to unlock this story", "paywall"),
    ("Try full access for a month", "paywall"),
    ("Only €2 for 8 weeks", "paywall"),
    ("Add to myReadingList", "paywall"),
    ("Save articles to read later in your own list.", "paywall"),
    ("Watch: How the ferry to Shikotan stopped running", "video caption"),
    ("03:12 - Source: Example TV", "video caption"),
    ("Link copied!", "video caption"),
    ("https://ex.example/p/9Zq", "link"),
    ("Olga Ivanova in Vladivostok and Ken Ito in Sapporo", "byline"),
    ("Edited by: Mark Lee", "byline"),
    ("— With assistance from Jun Oda", "byline"),
    ("Example News' Pat Roe contributed to this report.", "byline"),
    ("Story by Ivan Belov. Translation by Ann Fox.", "byline"),
    ("Author: Kenji Ota, Sapporo University", "byline"),
    ("(Updates with port closure in sixth paragraph.)", "update note"),
    ("Published 3 hours ago", "date line"),
    ("May 2, 2025 at 6:40 PM GMT+9", "date line"),
    ("(Read the column in Russian.)", "language version"),
    ("Support The Island Courier!", "donation appeal"),
    ("Maybe later", "donation appeal"),
    ("Top|Politics", "navigation"),
    ("Ferries to the islands stopped in 2020, the agency said.", None),
])
def test_furniture_of_unseen_sites(line, reason):
    """Skip links, paywall prompts, video captions, reporters with cities, update notes: other sites' furniture."""
    assert furniture_reason(line) == reason


def test_a_list_of_links_ends_at_other_furniture_so_the_headline_below_survives():
    raw = ("Example Wire\n\nMost Read from Example Wire\nPrices of crab fall again\nA port town votes\n\nPolitics\n\n"
           "Japan Eyes Ferry Link as Island Visits Stay Frozen\n\nOperators want a route by summer\n\n"
           "By Ann Lee\n\nThe ferry stopped in 2020.")
    art = parse_article(raw)
    assert (art.title, art.standfirst) == ("Japan Eyes Ferry Link as Island Visits Stay Frozen",
                                           "Operators want a route by summer")
    assert art.text == "The ferry stopped in 2020."


def test_caption_above_its_photo_credit_is_removed_and_bracketed_file_credit_is_a_caption():
    raw = ("Crab boats return\n\nFishermen unload in Nemuro.\n\nBy Ann Lee\n\nThe boats came back on Monday.\n\n"
           "A trawler at the quay in Rausu\n\nImage: Example Agency\n\nThe catch was small.\n\n"
           "Crews wait on the pier [File: Example Photo Agency]\n\nPrices fell.")
    art = parse_article(raw)
    assert art.text == "The boats came back on Monday.\n\nThe catch was small.\n\nPrices fell."
    assert ("A trawler at the quay in Rausu", "photo caption") in [(r.text, r.reason) for r in art.removed]


def test_kicker_above_the_headline_is_a_section_label_not_the_title():
    raw = ("Arctic shipping\n\nIcebreakers crowd the northern sea route as summer opens\n\n"
           "Convoys are booked out, operators say\n\nBy Ann Lee\n\nThe first convoy sailed on Monday.")
    art = parse_article(raw)
    assert art.title == "Icebreakers crowd the northern sea route as summer opens"
    assert ("Arctic shipping", "section label") in [(r.text, r.reason) for r in art.removed]


def test_a_donation_appeal_block_is_removed_only_with_its_closing_button():
    raw = ("Ferries stop\n\nThe ferry stopped.\n\nA message from The Island Courier:\n\nDear reader,\n\n"
           "Our newsroom was declared unwanted, and every gift keeps us writing about the islands for you.\n\n"
           "Support The Island Courier!\n\nMonthly\n\nContinue\n\nThe ferry may return in May.")
    art = parse_article(raw)
    assert art.text == "The ferry stopped.\n\nThe ferry may return in May."
    kept = parse_article("Ferries stop\n\nThe ferry stopped.\n\nA message from the captain:\n\n"
                         "Passengers should arrive early for the crossing to the islands this year.")
    assert "Passengers should arrive early" in kept.text


def test_site_name_under_the_headline_is_a_byline_not_the_standfirst():
    art = parse_article("Island talks must resume\n\nThe Island Courier\n\nFebruary 3, 2026\n\nThe talks must resume.")
    assert (art.title, art.standfirst, art.text) == ("Island talks must resume", None, "The talks must resume.")


@pytest.mark.parametrize("line, reason", [
    ("4:05 pm, June 9, 2025", "date line"),
    ("Jun. 9, 2025 — 16:05", "date line"),
    ("— Updated: 18:40", "date line"),
    ("By KENTA ARAI/ Staff Writer", "byline"),
    ("Home / News / Statements", "navigation"),
    ("Print version", "navigation"),
    ("Reading time: 4 mins", "audio player"),
    ("r/worldnews", "forum furniture"),
    ("Posted by u/ferry_fan 3 days ago", "forum furniture"),
    ("u/crab_boat · 2 hr. ago", "forum furniture"),
    ("▲ 12 ▼", "forum furniture"),
    ("Crossposted from my blog.", "forum furniture"),
    ("5 hr. ago", "date line"),
])
def test_furniture_of_unseen_sites_2(line, reason):
    assert furniture_reason(line) == reason


def test_masthead_above_a_menu_bar_is_not_the_headline():
    raw = ("Island Courier Online\n\nNews from the far east of Hokkaido\n\nHome > Local > Islands\n\n"
           "Ferry to Shikotan may return in May\n\n[Nemuro] The ferry may sail again.")
    art = parse_article(raw)
    assert (art.title, art.dateline, art.dateline_place, art.text) == (
        "Ferry to Shikotan may return in May", "[Nemuro]", "Nemuro", "The ferry may sail again.")
    no_dateline = parse_article("Example Forum\n\nIdeas on Asia and the Pacific\n\nHome | Topics | About\n\n"
                                "Why the island talks stalled for good\n\nAuthor: Ann Lee\n\nThe talks stalled.")
    assert no_dateline.title == "Why the island talks stalled for good"


def test_readers_comments_are_removed_to_the_end():
    raw = ("Notes from Nemuro\n\nI took the bus to Cape Nosappu.\n\nSort by: Best\n\nu/ferry_fan · 2 hr. ago\n\n"
           "Nice notes. Nobody in Yuzhno-Kurilsk calls it Kunashiri though.\n\nReply")
    art = parse_article(raw)
    assert art.text == "I took the bus to Cape Nosappu."
    assert {r.reason for r in art.removed} == {"reader comments"}


@pytest.mark.parametrize("line, reason", [
    ("About Sponsored ContentPaid for by a ferry line.", "advertisement"),
    ("(Reporter: Mika Endo)", "byline"),
    ("Ken Ito is Senior Research Fellow at an institute in Sapporo.", "byline"),
    ("[Photo] Pupils look at a map of Kunashiri", "photo caption"),
    ("[2] A. Author, 'A title', A Journal, 2023.", "footnote"),
    ("(The transcript ends here.)", "closing note"),
    ("This translation is provided for convenience only.", "closing note"),
    ("Add a comment", "comment notice"),
    ("Gift this article", "navigation"),
    ("ab cd", "slug"),
    ("==Jiji", "agency credit"),
    ("Ken Ito is a professor of law, and he says the treaty talks are dead because Moscow wants nothing from "
     "Tokyo any more, while Tokyo has nothing left to offer Moscow, and both sides know it very well, and the "
     "voters in both countries have stopped caring about the dispute altogether over the past ten years or so.",
     None),
])
def test_furniture_of_unseen_sites_3(line, reason):
    assert furniture_reason(line) == reason


def test_caption_ending_in_an_agency_credit_and_read_also_list():
    raw = ("Island talks stall\n\nA ferry in the port of Nemuro on May 2, 2025. (Kyodo)\n\n"
           "NEMURO, Japan - The ferry stayed in port.\n\nRead also:\nCrab prices fall in Nemuro\n\n"
           "The next sailing is in June, the operator said, adding that the season had been poor for years and that "
           "fuel had doubled in price.")
    art = parse_article(raw)
    assert (art.title, art.standfirst) == ("Island talks stall", None)
    assert art.text == ("The ferry stayed in port.\n\nThe next sailing is in June, the operator said, adding that "
                        "the season had been poor for years and that fuel had doubled in price.")


def test_line_under_a_summary_label_is_the_standfirst():
    art = parse_article("Why the ferry stopped\n\nAuthor: Ann Lee\n\nIn Brief\nFuel costs and a closed border ended "
                        "the route.\n\nThe ferry to Kunashiri stopped in 2020.")
    assert (art.title, art.standfirst) == ("Why the ferry stopped", "Fuel costs and a closed border ended the route.")
    assert art.text == "The ferry to Kunashiri stopped in 2020."


def test_headers_then_a_date_then_the_headline_of_minutes():
    raw = ("City Assembly of Example\n\nCommittee on Fisheries\n\nRecord No. 3 (excerpt)\n\nMonday, May 4, 2026\n\n"
           "Questions on the Kelp Harvest near Kaigara Island\n\nChair (Ms. Anna Berg): The session is open.\n\n"
           "Mr. Ken Oda: Thank you.")
    art = parse_article(raw)
    assert art.title == "Questions on the Kelp Harvest near Kaigara Island"
    assert art.text.startswith("Chair (Ms. Anna Berg): The session is open.")
    editorial = parse_article("Island talks must resume\n\nThe Island Courier\n\nFebruary 3, 2026\n\n"
                              "The talks must resume.")
    assert editorial.title == "Island talks must resume"


# --------------------------------------------------------------------------- issue #12, third round (made-up lines)
@pytest.mark.parametrize("line, reason", [
    ("16:45 JST, May 14, 2026", "date line"),
    ("Aug. 22 10:05 am JST", "date line"),
    ("All News 16:48 February 07, 2026", "date line"),
    ("Issued on: 07/02/2026 - 09:14", "date line"),
    ("Publication date: March 20, 2026, 19:05", "date line"),
    ("2026/01/05-18:32", "date line"),
    ("Feb 19th 2026 | TOKYO", "date line"),
    ("This page was last edited on 2 February 2026, at 11:20 (UTC).", "date line"),
    ("Views: 1 284", "share counter"),
    ("412", "share counter"),
    ("+4 / -2", "share counter"),
    ("·", "share counter"),
    ("Share Via", "share counter"),
    ("VK OK Telegram", "share counter"),
    ("Story continues", "advertisement"),
    ("Advertising", "advertisement"),
    ("View comments (14)", "comment notice"),
    ("Sign up", "paywall"),
    ("Member-only story", "paywall"),
    ("Daily newsletter", "newsletter"),
    ("View in browser", "newsletter"),
    ("From: The Island Brief <desk@island-brief.example>", "mail header"),
    ("Subject: Ferries resume, crab prices fall", "mail header"),
    ("Terms and Privacy Policy", "legal links"),
    ("#Japan #Russia #Kuril Islands", "tags"),
    ("kimsh@example.co.kr", "link"),
    ("Direct link: http://example.org/news/1", "link"),
    ("(END)", "closing note"),
    ("--The Island Courier, Feb. 8", "closing note"),
    ("If you noticed an error in the text, select it and press Ctrl+Enter", "closing note"),
    ("bur-kh/sco", "slug"),
    ("ABC/wires", "credit line"),
    ("Original title: «Рыбный день»", "translation note"),
    ("[Provisional Translation]", "translation note"),
    ("Text version", "navigation"),
    ("[edit]", "navigation"),
    ("« Previous: Ferry fares rise again", "navigation"),
    ("Jump to navigation Jump to search", "navigation"),
    ("Home > News > Speeches and Statements by the Prime Minister > May 2026", "navigation"),
    ("By North Asia correspondent Ann Lee in Tokyo", "byline"),
    ("Ann R. Lee is a senior fellow at the Island Institute.", "byline"),
    ("This article was most recently revised and updated by Ann Lee.", "byline"),
    ("2 min Reading time", "audio player"),
    ("Listen to this story.", "audio player"),
    ("2. ^ Lee (1974), pp. 50–54.", "footnote"),
    ("Reply  Share  Report", "forum furniture"),
    ("u/ferry_fan OP • 1d", "forum furniture"),
    ("r/islands • Posted by u/ferry_fan • 2 days ago", "forum furniture"),
])
def test_furniture_of_unseen_sites_3(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line", [
    "Japan protested on Monday.", "The 1956 declaration promised two islands.", "Questions and Answers",
    "Prime Minister: The islands are ours.", "Date palms grow in the south, 30 km away from 2 ports.",
    "Dates for the 1956 talks were never set.", "Subscribers to the 1956 plan were few.",
])
def test_text_lines_of_unseen_sites_are_not_furniture(line):
    assert furniture_reason(line) is None


def test_headline_lists_ranking_boxes_and_tag_lists_are_removed_with_their_items():
    raw = ("Ferries resume\n\nThe ferry sailed on Monday.\n\nJN ACCESS RANKING\nCrab prices fall in Nemuro\n"
           "Snow closes the port road\n\nTags\nFerries\nHokkaido\n\nMost Liked\nA story on kelp")
    art = parse_article(raw)
    assert art.text == "The ferry sailed on Monday."


def test_a_repeated_running_header_and_page_footer_are_removed_and_sentence_case_heads_kept():
    raw = ("ISLAND REPORT   FERRY INSTITUTE\n\nThe ferry sailed on Monday.\n\nFERRY INSTITUTE | No. 4      17\n\n"
           "ISLAND REPORT   FERRY INSTITUTE\n\nWhat the ferry means today\n\nIt carried forty people.\n\n"
           "FERRY INSTITUTE | No. 4      18\n\nWhat the ferry means today\n\nIt came back.")
    art = parse_article(raw)
    assert "INSTITUTE" not in art.text
    assert art.text.count("What the ferry means today") == 2
    assert {r.reason for r in art.removed} == {"repeated line"}


def test_footnotes_under_a_rule_line_are_removed_and_markers_in_the_text_stay():
    raw = ("The ferry sailed under the 1956 Joint Declaration,14 the report says.\n\n________________\n"
           "14 See Section 1.2.\n\n15 An interview, May 2025.\n\nThe next page begins here.")
    art = parse_article(raw, title="Ferries")
    assert art.text == ("The ferry sailed under the 1956 Joint Declaration,14 the report says.\n\n"
                        "The next page begins here.")


def test_a_contents_box_is_removed_and_the_sections_it_lists_stay():
    raw = ("List of ferry routes\n\nContents\n1 Ferry routes\n2 See also\n\nFerry routes\n\nThe ferry sailed in 1956.")
    art = parse_article(raw)
    assert art.title == "List of ferry routes"
    assert art.text == "Ferry routes\n\nThe ferry sailed in 1956."


def test_a_key_points_box_is_furniture_and_one_line_under_a_summary_label_is_the_standfirst():
    raw = ("Ferries stop\n\nKey points:\nFuel costs rose\nThe border closed\n\nThe ferry stopped on Monday.")
    art = parse_article(raw)
    assert art.text == "The ferry stopped on Monday."
    assert [r.reason for r in art.removed].count("summary box") == 2


def test_a_forum_threads_replies_are_body_and_a_crossposted_blogs_comments_are_not():
    thread = ("r/islands\n\nWhy no ferry to Shikotan?\n\nSerious question about the ferry.\n\n40 upvotes · 3 comments\n\n"
              "Sort by: Best\n\nu/crab_boat · 2d\n\nBecause of the border rules.\n\nReply  Share  Report\n\n"
              "u/kelp_fan · 1d\n\nAnd the fuel prices.\n\nReply  Share  Report")
    art = parse_article(thread)
    assert art.title == "Why no ferry to Shikotan?"
    assert art.text == "Serious question about the ferry.\n\nBecause of the border rules.\n\nAnd the fuel prices."
    blog = thread.replace("Serious question about the ferry.", "Crossposted from my blog.\n\nThe ferry stopped.")
    art = parse_article(blog)
    assert art.text == "The ferry stopped."


def test_a_caption_with_its_credit_is_never_taken_for_the_headline():
    raw = ("Island Radio\n\nIslanders shrug off the ferry row\n\nBy Ann Lee\nApril 9, 2026 11:47 GMT\n\n"
           "Boats wait in the port of Kurilsk. (file photo)\n\nThe ferry sailed on Monday.")
    art = parse_article(raw)
    assert art.title == "Islanders shrug off the ferry row"
    assert art.text == "The ferry sailed on Monday."


def test_a_tool_bar_under_the_headline_is_not_a_menu_bar_over_the_masthead():
    raw = ("Ferry Encyclopedia\n\nHome > Transport > Ships\n\nKuril ferry\n\nPrint | Cite | Share | Feedback\n\n"
           "The Kuril ferry links Sakhalin with the islands.")
    art = parse_article(raw)
    assert art.title == "Kuril ferry"


@pytest.mark.parametrize("text, dateline, place, country, month, day, agency", [
    ("TOKYO, Jan. 5 (Jiji Press)--Japan protested.", "TOKYO, Jan. 5 (Jiji Press)--", "TOKYO", None, 1, 5,
     "Jiji Press"),
    ("Tokyo [Japan], February 7 (ANI): The prime minister said.", "Tokyo [Japan], February 7 (ANI):", "Tokyo",
     "Japan", 2, 7, "ANI"),
    ("Yuzhno-Sakhalinsk, 12 March. SakhalinMedia. A berth will be built.",
     "Yuzhno-Sakhalinsk, 12 March. SakhalinMedia.", "Yuzhno-Sakhalinsk", None, 3, 12, "SakhalinMedia"),
])
def test_datelines_of_unseen_sites(text, dateline, place, country, month, day, agency):
    art = parse_article("Headline\n\n" + text)
    assert (art.dateline, art.dateline_place, art.dateline_country, art.dateline_month, art.dateline_day,
            art.agency) == (dateline, place, country, month, day, agency)


@pytest.mark.parametrize("text", ["QUESTION: What about the ferry?", "Chair (Ms. Ann Lee): The session is open.",
                                  "Tokyo, 12 March. It rained all day."])
def test_colon_and_mixed_case_openings_are_not_datelines(text):
    assert parse_article("Headline\n\n" + text).dateline is None


def test_a_tag_list_runs_to_the_blank_line_even_over_lines_that_look_like_text():
    raw = "Ferries resume\n\nThe ferry sailed on Monday.\n\nRelated Tags\nRussia\nNorthern Territories\n\nLast words here."
    art = parse_article(raw)
    assert art.text == "The ferry sailed on Monday.\n\nLast words here."
    assert [r.reason for r in art.removed] == ["tags", "tags", "tags"]


@pytest.mark.parametrize("line", [
    "Ferry fares rise again - 2 hours ago - Island News",
    "Crab prices fall in Nemuro - Island Radio - 1 day ago",
])
def test_an_aggregators_headline_list_items_are_furniture(line):
    assert furniture_reason(line) == "headline list"


@pytest.mark.parametrize("caption", [
    "Boats off Nemuro on Thursday. Image: KYODO",
    "A ferry in the port. (Supplied: Island Ferries)",
    "Former residents at a rally in Tokyo. © Ann Lee, AFP",
])
def test_captions_with_credits_of_unseen_sites(caption):
    from kuril_research.ingest.parse import has_credit

    assert has_credit(caption)


def test_a_short_headline_opening_with_an_article_is_not_a_kicker():
    raw = ("A frozen frontier\n\nJapan's hopes of recovering its islands have never looked dimmer\n\n"
           "Feb 19th 2026 | TOKYO\n\nON A CLEAR day the fishermen can see the island.")
    art = parse_article(raw)
    assert (art.title, art.standfirst) == ("A frozen frontier",
                                           "Japan's hopes of recovering its islands have never looked dimmer")


@pytest.mark.parametrize("line, short", [
    ("A frozen frontier", True), ("The long thaw", True), ("An island apart", True),
    ("The Statesman (Kolkata) · 8 Feb 2019", False),   # a masthead with a date: no magazine headline
    ("The world news channel for Asia and the Pacific", False),  # too long
    ("Frozen frontier", False),                         # no article
])
def test_a_magazines_short_headline_is_an_article_and_a_few_words(line, short):
    from kuril_research.ingest.parse.title_model import ARTICLE_OPENING_RE

    assert bool(ARTICLE_OPENING_RE.fullmatch(line)) is short


def test_a_topic_page_of_dated_items_takes_its_heading_as_title_and_keeps_the_items_as_body():
    raw = ("Island Radio\n\nTopics\n\nFerries and Kelp\n\nFerries resume\nMar. 11, 2026 17:05 JST\n\n"
           "The ferry sailed on Monday.\n\nKelp season delayed\nMar. 9, 2026 19:20 JST\n\nSea ice stays near Nemuro.")
    art = parse_article(raw)
    assert art.title == "Ferries and Kelp"
    assert art.text == ("Ferries resume\n\nThe ferry sailed on Monday.\n\nKelp season delayed\n\n"
                        "Sea ice stays near Nemuro.")


def test_one_dated_headline_is_an_ordinary_article():
    raw = "Ferries resume\nMar. 11, 2026 17:05 JST\n\nThe ferry sailed on Monday.\n\nIt carried forty people."
    assert parse_article(raw).title == "Ferries resume"


def test_an_encyclopaedia_headword_and_its_descriptor_are_title_and_standfirst():
    raw = "Ferry Encyclopedia\n\nKuril ferry\narchipelago ferry, Russia\n\nThe Kuril ferry links the islands."
    art = parse_article(raw)
    assert (art.title, art.standfirst, art.text) == ("Kuril ferry", "archipelago ferry, Russia",
                                                     "The Kuril ferry links the islands.")


@pytest.mark.parametrize("line, reason", [
    ("If you enjoyed this, follow me for more essays on ferries.", "follow button"),
])
def test_furniture_of_unseen_sites_4(line, reason):
    assert furniture_reason(line) == reason


def test_a_writers_more_from_list_is_removed():
    raw = "Ferries resume\n\nThe ferry sailed on Monday.\n\nMore from Ann Okafor-Lee\nWhy I moved to Nemuro"
    assert parse_article(raw).text == "The ferry sailed on Monday."


@pytest.mark.parametrize("line, reason", [
    ("Good morning. Here is what you need to know about the islands today.", "newsletter"),
    ("Notes are written by the Ferry Institute; all views and conclusions are those of the authors.", "disclaimer"),
    ("The views expressed in this column are the writer's own.", "disclaimer"),
])
def test_furniture_of_unseen_sites_5(line, reason):
    assert furniture_reason(line) == reason


def test_the_blurb_right_under_a_newsletter_prompt_is_removed_and_a_paragraph_after_a_blank_line_stays():
    raw = ("Ferries resume\n\nThe ferry sailed on Monday.\n\nDaily newsletter\nFerry news every morning\n"
           "Subscribe\n\nIt carried forty people.")
    art = parse_article(raw)
    assert art.text == "The ferry sailed on Monday.\n\nIt carried forty people."
    kept = parse_article("Ferries resume\n\nThe ferry sailed.\n\nDaily newsletter\n\nIt carried forty people.")
    assert kept.text == "The ferry sailed.\n\nIt carried forty people."


# --- issue 12, annotator G's styles: datelines and headers of sites the rules had not seen (hand-made pages) ---

@pytest.mark.parametrize("raw, dateline, place", [
    # a place in capitals and a colon (South Asian papers), a place in mixed case and a colon (Australian papers)
    ("Ferry talks resume\n\nKARACHI: Japan and Russia agreed on Monday to resume ferry talks after a long pause.",
     "KARACHI:", "KARACHI"),
    ("Ferry talks resume\n\nHakodate: From the pier, the ferry to the islands looks small against the grey sea.",
     "Hakodate:", "Hakodate"),
    # a wire's place in capitals alone on its line under the byline
    ("Ferry talks resume\n\nAnna Roe | 03.05.2026\n\nOSAKA\n\nJapan and Russia agreed on Monday to resume ferry "
     "talks after a long pause.", "OSAKA", "OSAKA"),
    # a Spanish wire's date and agency with ".-", a Japanese wire's region with a dash touching it
    ("Ferry talks resume\n\nOsaka, Jun 7 (EFE).- Japan and Russia agreed to resume ferry talks.",
     "Osaka, Jun 7 (EFE).-", "Osaka"),
    ("Ferry talks resume\n\nKushiro, Hokkaido- Japan and Russia agreed to resume ferry talks.",
     "Kushiro, Hokkaido-", "Kushiro"),
    ("Ferry talks resume\n\nKushiro, Hokkaido, Jun. 7 (Jiji Press)--Japan and Russia agreed to resume ferry talks.",
     "Kushiro, Hokkaido, Jun. 7 (Jiji Press)--", "Kushiro"),
    # the agency and the place on a line of their own, as papers running wire copy print them
    ("Ferry talks resume\n\nAFP, OSAKA\n\nJapan and Russia agreed on Monday to resume ferry talks after a long pause.",
     "AFP, OSAKA", "OSAKA"),
])
def test_datelines_of_annotator_g_styles(raw, dateline, place):
    art = parse_article(raw)
    assert (art.title, art.dateline, art.dateline_place) == ("Ferry talks resume", dateline, place)
    assert art.text.startswith("Japan") or art.text.startswith("From the pier")


@pytest.mark.parametrize("raw", [
    # a transcript: every turn opens with a label and a colon
    "Island talk, episode 4\n\nANNA LEE: We talked about the ferry, the fish and the islands for an hour today.\n\n"
    "BORIS KAY: Yes, and about the border guards too.",
    # a label that names no place, and a short line
    "Ferry talks resume\n\nBACKGROUND: Japan and Russia have argued over the four islands since the war ended.",
    "Ferry talks resume\n\nQUESTION: What about the ferry?",
    # a kicker in capitals over a headline (no sentence end under it) is no dateline
    "Island News\n\nFERRY TALKS\n\nJapan and Russia agree to resume ferry talks after the long winter pause\n\n"
    "The ferry will sail again.",
])
def test_labels_transcripts_and_kickers_are_not_bare_datelines(raw):
    assert parse_article(raw).dateline is None


def test_a_byline_bar_with_a_date_under_the_headline_does_not_swallow_the_headline():
    raw = ("THE ISLAND POST\nHome | World | Asia\n\nFerry talks resume between Japan and Russia after a pause\n\n"
           "Anna Roe | 03.05.2026 | 3 min read\n\nOSAKA\n\nJapan and Russia agreed on Monday to resume ferry talks "
           "after a long pause.")
    art = parse_article(raw)
    assert art.title == "Ferry talks resume between Japan and Russia after a pause"
    assert art.dateline == "OSAKA"


def test_a_row_of_reader_tools_under_the_headline_is_not_a_menu_bar():
    raw = ("Feed Reader\nAll articles > News\n\nFerry talks resume between Japan and Russia after a pause\n\n"
           "Open original | Mark as read | Send to Pocket\n\nJapan and Russia agreed on Monday to resume ferry talks.")
    assert parse_article(raw).title == "Ferry talks resume between Japan and Russia after a pause"


@pytest.mark.parametrize("line, reason", [
    ("Comments are closed for this article.", "comment notice"),
    ("Start a Conversation", "comment notice"),
    ("(Cover image: Boats in the harbour at dawn. /Island Photos)", "credit line"),
    ("[© Island Post Foundation]", "credit line"),
    ("Press service of the Governor of the Island Region", "credit line"),
    ("Listen to this article (audio, 2:05)", "audio player"),
    ("Listen on Pod Player · Tune Box", "audio player"),
    ("[00:21:07]", "audio player"),
    ("Follow The Island Post on WhatsApp", "follow button"),
    ("Editor: Anna Roe", "byline"),
    ("Text: Boris Kay", "byline"),
    ("Senior Lecturer in Pacific History, University of Nowhere", "byline"),
    ("Research Fellow, Island Institute", "byline"),
    ("Times are hard. Please consider making a one-time donation to keep us going.", "donation appeal"),
    ("Contribute today", "donation appeal"),
    ("ISLAND WIRE  ·  Mar 3, 2026 7:40 AM  ·  2 min read", "date line"),
    ("Politics  Society  Jul 2, 2026", "date line"),
    ("Oct. 1, 2026 · Updated: 6:15 p.m.", "date line"),
    ("Copy/paste the article video embed link below:", "video caption"),
    ("Close Button", "video caption"),
    ("This transcript was generated automatically and may contain errors.", "closing note"),
    ("Was this page helpful? Yes / No", "closing note"),
    ("Powered by Feedly · Privacy · Terms", "closing note"),
    ("Saved to: Islands folder", "closing note"),
    ("Island News is the biggest news channel in the north. Download our app.", "closing note"),
    ("Disclosure statement", "closing note"),
    ("Anna Roe has no conflicts of interest to declare and receives no funding from any company.", "closing note"),
    ("Republish our articles for free, online or in print.", "closing note"),
    ("The Island Review is a digital publication of the Northern Studies Centre.", "closing note"),
    ("(Translated by the Island Post desk)", "translation note"),
    ("Translated by the Island Post desk. Original in Russian", "translation note"),
    ("(With inputs from agencies)", "agency credit"),
    ("AFP / The Island Post", "agency credit"),
    ("Share · Tweet · Telegram", "share counter"),
    ("Rating: 4.2 (17 votes)", "share counter"),
    ("21 ♡ · 4 comments · 1 restack", "share counter"),
    ("∙ Paid", "share counter"),
    ("[Print]  [Close window]", "navigation"),
    ("Download the brief (PDF, 180 KB)", "navigation"),
    ("BOOK NOW", "booking widget"),
    ("from 3,200 EUR per person", "booking widget"),
    ("★★★★☆ \"Cold but unforgettable.\" – Hans, Austria", "booking widget"),
    ("Council    Distr.: General", "document furniture"),
    ("Seventy-ninth session", "document furniture"),
    ("(Signed) Anna Roe", "document furniture"),
    ("25-01234 (E)    010225", "document furniture"),
    ("*2501234*", "document furniture"),
    ("Please recycle", "document furniture"),
])
def test_furniture_of_annotator_g_styles(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line", [
    "The press service of the governor said the ferry would sail on Monday.",
    "Professor Anna Roe, who teaches in Sapporo, said the talks had stalled.",
    "Fishermen in Nemuro donate part of their catch to the school every year.",
    "The session of the commission closed without a statement.",
    "On Mar 5, 2026 the ferry sailed.",
])
def test_text_lines_like_annotator_g_furniture_are_kept(line):
    assert furniture_reason(line) is None


def test_lists_under_a_vocabulary_box_a_contact_block_and_an_agenda_item_are_removed():
    LONG = ("The ferry to the islands will sail again in the spring, the harbour master said on Monday, after a "
            "winter in which the ice kept every boat in port.")
    raw = ("Ferries resume\n\nThe ferry sailed on Monday.\n\nVocabulary\nferry (フェリー) – a boat for people\n"
           "harbour (港) – a place for boats\n\nInquiries\nIslands Division, General Affairs Department\n"
           "Tel: 0000-00-0000\n\nRead article on the topic:\nFerry fares rise again\n\n" + LONG)
    art = parse_article(raw)
    assert art.text == "The ferry sailed on Monday.\n\n" + LONG  # a list runs to the first long line
    doc = ("Agenda item 12\nFerries and harbours\n\nLetter dated 1 March 2026 from the Permanent Representative of "
           "Nowhere to the United Nations addressed to the Secretary-General of the United Nations in New York\n\n"
           "I have the honour to write about the ferry.")
    assert parse_article(doc).title.startswith("Letter dated 1 March 2026")


def test_a_title_case_headline_over_its_photo_credit_is_the_title_not_a_caption():
    raw = ("Island Institute | Research\n\nFerries Resume: What It Means for the Islanders\n\nPhoto: Island Photos/Pool"
           "\n\nBy Anna Roe\n\nThe ferry sailed on Monday for the first time since the ice came in December.")
    art = parse_article(raw)
    assert art.title == "Ferries Resume: What It Means for the Islanders"


def test_a_domain_site_name_and_its_slogan_are_masthead_and_a_beat_line_is_a_byline():
    raw = ("islandpost.com\nYour Window on the North\n\nFerries resume between the two islands after the ice\n\n"
           "The ferry sailed on Monday for the first time since the ice came in December.\n\nMore text follows here.")
    art = parse_article(raw)
    assert art.title == "Ferries resume between the two islands after the ice"
    assert furniture_reason("Japan correspondent") == "byline" and furniture_reason("By Island News with AP") == "byline"


def test_a_long_headline_does_not_end_the_search_for_a_colon_dateline_and_text_size_toggles_are_tools():
    raw = ("The Island Herald\nWorld | Asia\n\nAt the country's eastern edge, a town keeps watch over islands it "
           "lost long ago\n\nBy Anna Roe\n\nSave | Share | Gift this article\nNormal text size | Very large text size"
           "\n\nKushiro: From the pier at dawn, the nearest of the islands looks close enough to swim to today.")
    art = parse_article(raw)
    assert art.title.startswith("At the country's eastern edge") and art.dateline == "Kushiro:"


@pytest.mark.parametrize("line, reason", [
    ("Key events", "live blog widget"),
    ("Show key events only", "live blog widget"),
    ("Please turn on JavaScript to use this feature", "live blog widget"),
    ("Anna Roe (now) and Boris Kay (earlier)", "byline"),
    ("Page ID: 3-21-0042", "navigation"),
    ("The Island Wire website contains only a portion of the stories sent to its subscribers.", "disclaimer"),
    ("9 days / 8 nights · Korsakov – Kurilsk · Departures: 2 July", "booking widget"),
    ("Read the full text of the interview in the Sunday print issue.", "read more"),
    ("The institute takes no positions; the views represented herein are those of the author alone.", "disclaimer"),
])
def test_more_furniture_of_annotator_g_styles(line, reason):
    assert furniture_reason(line) == reason


def test_a_comment_count_opens_the_readers_comments():
    raw = "Ferries resume\n\nThe ferry sailed on Monday.\n\nComments (2)\nAnna | 2 hours ago\nIslands never come back."
    art = parse_article(raw)
    assert art.text == "The ferry sailed on Monday."


def test_a_comment_counter_above_the_story_does_not_remove_the_story():
    raw = ("Ferries resume\n\nComments (3)\n\nThe ferry to the islands sailed on Monday for the first time since the "
           "ice came in December, the harbour master of the town said in a short statement.\n\nMore text.")
    art = parse_article(raw)
    assert art.text.startswith("The ferry to the islands sailed") and art.text.endswith("More text.")
    assert furniture_reason("The visa-free exchange is a programme of the two governments.") is None
