"""Round 9 (issue #12): dateline shapes of wire copy and news-database exports, on hand-made articles."""

from kuril_research.ingest.parse import parse_article
from kuril_research.ingest.parse.dateline import match_dateline
from kuril_research.ingest.parse.timestamps import is_timestamp

LEAD = "Japan and Russia agreed on Monday to resume visa-free visits to the disputed islands off Hokkaido next spring."


def _article(*lines: str) -> str:
    return "\n\n".join(("Ferry visits to resume",) + lines + ("More text follows here.",))


def test_city_country_and_a_pipe_open_the_lead():
    a = parse_article(_article(f"TOKYO, Japan | {LEAD}"))
    assert (a.dateline_place, a.text.split("\n")[0]) == ("TOKYO", LEAD)


def test_a_pipe_after_a_place_alone_is_a_menu_path_not_a_dateline():
    assert match_dateline("NEWS | Asia and the Pacific today") is None
    assert match_dateline("TOKYO, Nov. 3 | Japan said so.").group("place") == "TOKYO"


def test_monitoring_dateline_of_place_day_month_and_colon():
    a = parse_article(_article(f"Moscow, 1 November: {LEAD}"))
    assert (a.dateline_place, a.dateline_month, a.dateline_day) == ("Moscow", 11, 1)
    assert a.text.startswith("Japan and Russia")


def test_a_print_date_and_page_line_is_no_dateline_and_the_agency_line_under_it_is():
    a = parse_article(_article("Wed, Nov 03, 2010 - Page 5", "AFP, TOKYO", LEAD))
    assert (a.dateline_place, a.agency) == ("TOKYO", "AFP")
    assert a.text.startswith("Japan and Russia")
    assert is_timestamp("Wed, Nov 03, 2010 - Page 5") and is_timestamp("November 3, 2010 Wednesday Pg. 5")
    assert not is_timestamp("Page 5")  # a page number without a date is no date line


def test_a_weekday_is_never_a_place():
    assert match_dateline("Sat, Mar 7 - Ferries sail again.") is None
    assert match_dateline("SAT, Mar 7 - Ferries sail again.") is None


FACTIVA = ("HD\nFerry visits to resume\nBY Jane Roe\nWC 412 words\nPD 3 November 2010\nSN The Daily Paper\nSC DLYP\n"
           "LA English\nCY (c) 2010 The Daily Paper\nLP\n"
           f"TOKYO, Nov 3 - {LEAD}\nTD\nMore text follows here.\nCO rusgov : Russian Government\n"
           "NS gpol : Domestic Politics\n| gdip : International Relations\nRE japan : Japan\nIPD Politics\n"
           "PUB Daily Paper Ltd\nAN Document DLYP000020101103e6b300012")


def test_factiva_fields_give_headline_dateline_and_body_and_log_the_rest():
    a = parse_article(FACTIVA)
    assert a.title == "Ferry visits to resume"
    assert (a.dateline_place, a.dateline_month, a.dateline_day) == ("TOKYO", 11, 3)
    assert a.text == f"{LEAD}\n\nMore text follows here."
    field_lines = [r.line for r in a.removed if r.reason == "database field"]
    assert field_lines == [1, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 15, 16, 17, 18, 19, 20]


def test_factiva_labels_on_the_headline_line_are_cut_off():
    a = parse_article(FACTIVA.replace("HD\nFerry", "HD Ferry"))
    assert a.title == "Ferry visits to resume"


def test_a_story_line_opening_with_capitals_is_no_field_without_an_export():
    a = parse_article(_article(f"TOKYO, Nov 3 (Reuters) - {LEAD}", "IN SHORT the talks went on.",
                               "AN hour later they ended."))
    assert "IN SHORT the talks went on." in a.text
    assert not any(r.reason == "database field" for r in a.removed)


def test_a_byline_run_into_a_wire_dateline_is_cut_off_with_it():
    a = parse_article(_article(f"By Jane Roe TOKYO (Reuters) - {LEAD}"))
    assert (a.dateline_place, a.agency, a.text.split("\n")[0]) == ("TOKYO", "Reuters", LEAD)
    assert match_dateline("by Anna K. Berg MOSCOW, Nov. 3 - Russia said.").group("byline") == "Anna K. Berg"


def test_a_byline_before_a_bare_place_or_a_mixed_case_place_is_no_dateline():
    assert match_dateline("By Jane Roe TOKYO - Japan said.") is None  # no date, no agency: too weak
    assert match_dateline("By Jane Roe Tokyo (AFP) - Japan said.") is None
    assert match_dateline("By the way TOKYO (AP) - nothing.") is None


def test_a_dateline_with_a_year_and_a_pipe_is_no_date_line():
    a = parse_article(_article(f"TOKYO, November 3, 2010 | {LEAD}"))
    assert (a.dateline_place, a.dateline_month, a.dateline_day) == ("TOKYO", 11, 3)
    assert a.text.split("\n")[0] == LEAD
    b = parse_article(_article("March 3, 2026 | Politics | Asia", f"TOKYO (AP) - {LEAD}"))
    assert [r.reason for r in b.removed] == ["date line"]  # a short tail after the pipe: still a date line


def test_several_agencies_before_the_place_line():
    a = parse_article(_article("Wed, Nov 03, 2010 - Page 5", "AFP and Reuters, TOKYO", LEAD))
    assert (a.dateline_place, a.agency) == ("TOKYO", "AFP and Reuters")
    a = parse_article(_article("AFP, AP, TOKYO", LEAD))
    assert (a.dateline_place, a.agency) == ("TOKYO", "AFP, AP")


NEXIS = ("Ferry visits to resume\nThe Daily Paper\nNovember 3, 2010 Wednesday\nSection: WORLD; Pg. 5\n"
         "Length: 412 words\nByline: Jane Roe\nDateline: TOKYO\nBody\n"
         f"{LEAD}\nMore text follows here.\nLoad-Date: November 4, 2010\nLanguage: ENGLISH\n"
         "Publication-Type: Newspaper\nEnd of Document")


def test_a_pasted_nexis_export_gives_its_dateline_field_and_loses_its_labels():
    a = parse_article(NEXIS)
    assert (a.title, a.dateline_place) == ("Ferry visits to resume", "TOKYO")
    assert a.text == f"{LEAD}\n\nMore text follows here."
    reasons = {r.line: r.reason for r in a.removed}
    assert 5 in reasons  # "Length: 412 words"
    assert [reasons[n] for n in (8, 11, 12, 13, 14)] == ["database field"] * 5


def test_a_wire_update_note_is_no_standfirst():
    a = parse_article(_article("(Releads, adds minister's spokesman, details)", f"MOSCOW, April 14 (Reuters) - {LEAD}"))
    assert a.standfirst is None
    assert [r.reason for r in a.removed] == ["update note"]
    b = parse_article(_article("(Rewrites throughout with new quotes)", f"MOSCOW (Reuters) - {LEAD}"))
    assert b.standfirst is None


def test_the_deck_under_a_caption_and_its_credit_is_the_standfirst():
    raw = ("Leaders meet on the islands\n\nThe two leaders shake hands in Nemuro on Monday before their talks.\n"
           "PHOTO: REUTERS\n\nThey talk alone with only interpreters present\n\n"
           f"NEMURO • {LEAD}\n\nMore text follows here.")
    a = parse_article(raw)
    assert (a.title, a.standfirst, a.dateline_place) == (
        "Leaders meet on the islands", "They talk alone with only interpreters present", "NEMURO")
    # a credit printed over its caption still takes the line under it as that caption
    raw2 = ("Leaders meet on the islands\n\nPHOTO: REUTERS\n\nThe two leaders shake hands in Nemuro on Monday\n\n"
            f"NEMURO • {LEAD}\n\nMore text follows here.")
    assert parse_article(raw2).standfirst is None


FACTIVA_ARTICLE = ("Ferry visits to resume\nJane Roe\n412 words\n3 November 2010\nThe Daily Paper\nDLYP\nEnglish\n"
                   "(c) 2010 The Daily Paper Ltd. All rights reserved.\n\n{lead}\n\nMore text follows here.\n\n"
                   "Document DLYP000020101103e6b300012\n")


def test_factiva_article_format_without_labels():
    a = parse_article(FACTIVA_ARTICLE.format(lead=f"TOKYO, Nov 3 - {LEAD}"))
    assert (a.title, a.standfirst, a.dateline_place) == ("Ferry visits to resume", None, "TOKYO")
    b = parse_article(FACTIVA_ARTICLE.format(lead=LEAD))  # no dateline: the source's code is no lone place
    assert (b.title, b.standfirst, b.dateline_place) == ("Ferry visits to resume", None, None)
    assert b.text == f"{LEAD}\n\nMore text follows here."
    assert [r.line for r in b.removed if r.reason == "database field"] == [3, 4, 5, 6, 7]


def test_a_word_count_alone_is_furniture_but_a_story_line_is_not():
    a = parse_article(_article("1,024 words", f"TOKYO (AP) - {LEAD}"))
    assert a.standfirst is None and [r.reason for r in a.removed] == ["database field"]
