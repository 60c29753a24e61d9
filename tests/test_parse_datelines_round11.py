"""Round 11 (issue #12): datelines the parser missed on unseen pages, on hand-made articles."""

from kuril_research.ingest.parse import parse_article
from kuril_research.ingest.parse.dateline import match_dateline

LEAD = "Japan and Russia agreed on Monday to resume visa-free visits to the disputed islands off Hokkaido next spring."
QUOTE_LEAD = "\"We spoke for a long time about the islands,\" the minister told reporters in the capital on Monday night."


def _article(*lines: str) -> str:
    return "\n\n".join(("Ferry visits to resume",) + lines + ("More text follows here.",))


def test_a_colon_dateline_on_a_page_with_a_photo_credit_and_a_read_more_line():
    a = parse_article(_article("PHOTO: REUTERS", f"TOKYO: {LEAD}", "READ MORE: Japan protests drills"))
    assert (a.dateline, a.dateline_place) == ("TOKYO:", "TOKYO")
    assert a.text.startswith("Japan and Russia")


def test_a_file_photo_caption_under_the_lead_is_no_transcript_turn():
    a = parse_article(_article(f"TOKYO: {LEAD}", "FILE PHOTO: Boats moored in the port of Nemuro."))
    assert a.dateline_place == "TOKYO"


def test_a_transcript_still_has_no_colon_dateline():
    a = parse_article(_article(f"QUESTION: {LEAD}", "LAVROV: We have said so many times before.",
                               "QUESTION: And the ferry?", "LAVROV: It will sail."))
    assert a.dateline is None
    a = parse_article(_article(f"ANNA: {LEAD}", "PHOTO: REUTERS", "BORIS: Yes, it will sail."))
    assert a.dateline is None  # the photo credit is no turn, but Boris's line is


def test_a_colon_place_alone_on_its_line_over_the_lead():
    a = parse_article(_article("TOKYO:", LEAD))
    assert (a.dateline, a.dateline_place) == ("TOKYO:", "TOKYO")
    assert a.text.startswith("Japan and Russia")


def test_a_speaker_alone_on_its_line_in_a_transcript_is_no_dateline():
    a = parse_article(_article("LAVROV:", LEAD, "MOTEGI:", "We disagree with every word of that."))
    assert a.dateline is None
    assert parse_article(_article("QUESTION:", LEAD)).dateline is None  # a label, no place


def test_a_place_in_capitals_with_its_country_in_mixed_case_and_a_colon():
    a = parse_article(_article(f"NAGATO, Japan: {LEAD}"))
    assert (a.dateline, a.dateline_place, a.dateline_country) == ("NAGATO, Japan:", "NAGATO", "Japan")
    assert a.text.startswith("Japan and Russia")


def test_a_caption_label_in_capitals_with_a_colon_is_no_dateline():
    a = parse_article(_article(f"WATCHING THE STRAIT: {LEAD}"))
    assert a.dateline is None
    a = parse_article(_article(f"Nemuro, Japan: {LEAD}"))  # a country only after a place in capitals
    assert a.dateline is None


def test_a_mixed_case_place_a_date_and_a_full_stop_over_a_whole_sentence():
    a = parse_article(_article(f"Yuzhno-Sakhalinsk, October 14. {LEAD}"))
    assert (a.dateline, a.dateline_place, a.dateline_month, a.dateline_day, a.agency) == \
        ("Yuzhno-Sakhalinsk, October 14.", "Yuzhno-Sakhalinsk", 10, 14, None)
    assert a.text.startswith("Japan and Russia")


def test_a_short_dated_line_in_mixed_case_is_no_dateline():
    assert match_dateline("Korsakov, October 14. It rained.") is None
    assert match_dateline(f"London, October 14, {LEAD}") is None  # a comma and a sentence, no agency's name


def test_the_agency_after_the_date_and_a_comma():
    a = parse_article(_article(f"VLADIVOSTOK, Oct 31, PrimaMedia. {LEAD}"))
    assert (a.dateline, a.dateline_place, a.dateline_month, a.dateline_day, a.agency) == \
        ("VLADIVOSTOK, Oct 31, PrimaMedia.", "VLADIVOSTOK", 10, 31, "PrimaMedia")
    assert a.text.startswith("Japan and Russia")


def test_a_place_and_country_in_capitals_over_a_date_line():
    # the date line goes as furniture; "NEMURO" is no agency (an agency in capitals is an acronym, "AFP, TOKYO")
    a = parse_article(_article("NEMURO, JAPAN", "April 16, 1998", LEAD))
    assert (a.dateline_place, a.dateline_country) == ("NEMURO", "JAPAN")
    assert "Japan and Russia agreed" in a.text


def test_a_place_and_a_dash_alone_on_its_line_over_a_quotation():
    a = parse_article(_article("TOKYO —", QUOTE_LEAD))
    assert (a.dateline, a.dateline_place) == ("TOKYO —", "TOKYO")
    assert a.text.startswith("\"We spoke")


def test_an_agency_acronym_before_the_place_in_capitals_still_reads_as_agency():
    a = parse_article(_article("AFP, TOKYO", LEAD))
    assert (a.agency, a.dateline_place, a.dateline_country) == ("AFP", "TOKYO", None)


def test_a_section_kicker_alone_or_with_a_colon_or_a_dash_is_no_dateline():
    for kicker in ("INSIGHT", "INSIGHT:", "FOCUS —", "SPOTLIGHT"):
        assert parse_article(_article(kicker, LEAD)).dateline is None, kicker
