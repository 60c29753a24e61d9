"""Round 10 (issue #12): datelines and page furniture as real pages print them, on hand-made articles."""

from kuril_research.ingest.parse import parse_article
from kuril_research.ingest.parse.dateline import find_dateline, match_dateline

LEAD = "Japan and Russia agreed on Monday to resume visa-free visits to the disputed islands off Hokkaido next spring."


def _article(*lines: str) -> str:
    return "\n\n".join(("Ferry visits to resume",) + lines + ("More text follows here.",))


def test_a_region_between_slashes_after_the_place_in_capitals():
    a = parse_article(_article(f"SHIKOTAN /Sakhalin Region/, May 4. /TASS/. {LEAD}"))
    assert (a.dateline_place, a.dateline_country, a.agency, a.dateline_month, a.dateline_day) == \
        ("SHIKOTAN", "Sakhalin Region", "TASS", 5, 4)
    assert a.text.startswith("Japan and Russia")


def test_slashes_in_a_sentence_are_no_region():
    assert match_dateline("NEMURO /Sea Port/ boats sailed today.") is None  # no comma and date after the region


def test_a_place_a_country_and_a_bar_in_mixed_case():
    a = parse_article(_article(f"Rausu, Japan | {LEAD}"))
    assert (a.dateline, a.dateline_place, a.dateline_country) == ("Rausu, Japan |", "Rausu", "Japan")
    assert match_dateline("Rausu | Boats sailed.") is None  # a bar after a word alone is a menu's path


def test_a_colon_dateline_under_a_standfirst_sentence():
    standfirst = "The drills involved about 1,500 troops on two of the four islands, the ministry said on Monday."
    a = parse_article(_article(standfirst, f"TOKYO: {LEAD}"))
    assert (a.dateline, a.standfirst) == ("TOKYO:", standfirst)
    assert a.text.startswith("Japan and Russia")


def test_a_colon_dateline_under_a_labelled_header_field():
    a = parse_article(_article("WRITER: Kyodo and Reuters", f"SINGAPORE: {LEAD}"))
    assert a.dateline_place == "SINGAPORE"


def test_a_transcript_turn_is_still_no_colon_dateline():
    lines = ["Briefing", "ANNA: We talked about the islands and the ferry and the fish for an hour today.",
             "BORIS: Yes, and about the visits."]
    assert find_dateline(lines) is None


def test_a_place_line_of_two_places_under_the_agency():
    a = parse_article("Ferry visits to resume\n\nAFP, TOKYO and MOSCOW\n\n" + LEAD + "\n\nMore text follows here.")
    assert (a.dateline, a.agency) == ("AFP, TOKYO and MOSCOW", "AFP")
    assert a.text.startswith("Japan and Russia")


def _body_and_reasons(*lines: str):
    a = parse_article(_article(f"TOKYO, May 4 (Kyodo) -- {LEAD}", *lines))
    return a.text, {r.text: r.reason for r in a.removed}


def test_a_line_wholly_in_brackets_or_parentheses_is_a_note_not_a_paragraph():
    notes = ["[Ferry operator counts the cost of the storm]", "[Passage cut: the history of the ferry]",
             "(Harbour Gazette, May 4, 2026)", "(As read out)"]
    text, reasons = _body_and_reasons(*notes, "The ferry sails from Nemuro (weather permitting) in June.")
    assert [reasons.get(n) for n in notes] == ["bracketed note"] * 4
    assert "weather permitting" in text  # brackets inside a paragraph stay


def test_listed_notes_keep_their_own_reason():
    text, reasons = _body_and_reasons("(Reporting by Jane Roe; Editing by John Doe)")
    assert reasons["(Reporting by Jane Roe; Editing by John Doe)"] == "byline"


def test_comment_rules_reading_counters_and_sign_in_teasers():
    lines = ["Comments are moderated. Keep comments relevant to the story; abuse is removed.",
             "This article has been read 1,204 times.", "Like this:", "To read the full story, log in below.",
             "The Harbour Gazette is not responsible for the content of external websites.",
             "Gazette file photo"]
    text, reasons = _body_and_reasons(*lines)
    assert [reasons.get(line) for line in lines] == ["comment notice", "share counter", "share counter", "paywall",
                                                       "disclaimer", "credit line"]
    assert "More text follows here." in text


def test_sentences_like_those_notes_stay_in_the_body():
    lines = ["The ministry said it was not responsible for the content of the talks.",
             "Readers like this: short lines and plain words, the editor said."]
    text, reasons = _body_and_reasons(*lines)
    assert all(line in text for line in lines)


def test_a_gallerys_numbered_alternative_texts_go_even_when_they_read_as_headings():
    alts = [f"Former residents at the port of Nemuro{n}" for n in (3, 2, 1)]
    text, reasons = _body_and_reasons(*alts)
    assert [reasons.get(a) for a in alts] == ["repeated line"] * 3
    text, reasons = _body_and_reasons(*alts[:2])  # printed twice only: a heading and its copy may be text
    assert all(a in text for a in alts[:2])


def test_a_credit_under_its_label_on_the_next_line():
    text, reasons = _body_and_reasons("Boats wait in the harbour at Rausu.", "Credit:", "Jane Roe/Harbour Agency")
    assert (reasons.get("Credit:"), reasons.get("Jane Roe/Harbour Agency")) == ("credit line", "credit line")


def test_the_writers_name_and_bio_under_the_story_go():
    page = ("Ferry visits to resume\n\nBy Anna Berg  •  Harbour Times  •  May 4, 2026\n\n"
            f"TOKYO, May 4 (Kyodo) -- {LEAD}\n\nMore text follows here.\n\nAnna Berg\n\n"
            "Anna Berg writes about fisheries for the Harbour Times. She lives in Kushiro.\n\nShare this story")
    a = parse_article(page)
    reasons = {r.text: r.reason for r in a.removed}
    assert reasons.get("Anna Berg") == "author bio"
    assert a.text.endswith("More text follows here.")


def test_a_paragraph_opening_with_the_writers_name_in_the_story_stays():
    page = ("Ferry visits to resume\n\nBy Anna Berg\n\n"
            f"TOKYO, May 4 (Kyodo) -- {LEAD}\n\nAnna Berg is one of the passengers on the first ferry.\n\n"
            "The ferry leaves Nemuro on Monday morning and returns to the port on Thursday evening.")
    assert "Anna Berg is one of the passengers" in parse_article(page).text


def test_picture_sources_credits_in_capitals_and_file_addresses():
    lines = ["Map source: Harbour University Library", "JANE ROE / THE HARBOUR TIMES, SOURCE:", "NATURAL SEA DATA",
             ":format(jpeg)/images.example.com/abc/XYZ123.jpg)"]
    text, reasons = _body_and_reasons(*lines)
    assert [reasons.get(line) for line in lines] == ["credit line", "credit line", "credit line", "link"]


def test_two_places_in_capitals_over_the_lead_stay_a_dateline():
    a = parse_article("Ferry visits to resume\n\nNEW YORK / TOKYO\n\n" + LEAD + "\n\nMore text follows here.")
    assert a.dateline == "NEW YORK / TOKYO" and a.text.startswith("Japan and Russia")


def test_a_caption_ending_in_an_agency_and_a_spaced_bar_before_the_photographer():
    from kuril_research.ingest.parse import has_credit
    assert has_credit("Signs line the harbour at Nemuro on Monday. Reuters / JANE ROE")
    assert not has_credit("The ministry told Reuters / then said no more")


def test_a_caption_told_by_where_its_people_stand():
    lines = ["Anna Berg, left, and Boris Kay shake hands at the port of Nemuro on Monday.",
             "Anna Berg (R) greets Boris Kay at the ferry terminal."]
    text, reasons = _body_and_reasons(*lines)
    assert [reasons.get(line) for line in lines] == ["photo caption", "photo caption"]
    text, reasons = _body_and_reasons("Those who had left, and those who stayed, met in Nemuro on Monday.")
    assert "Those who had left" in text


def test_newsletter_live_page_and_translation_notes():
    lines = ["Was this newsletter forwarded to you? Sign up here.", "Thanks for reading. See you tomorrow.",
             "This live blog is now closed.", "Excerpts of the interview follow:",
             "Translation of an original article published in German; the German text prevails.",
             "If you value our work, please consider becoming a member of the Harbour Times.",
             "Views expressed are those of the contributors."]
    text, reasons = _body_and_reasons(*lines)
    assert [reasons.get(line) for line in lines] == ["newsletter", "newsletter", "closing note", "closing note",
                                                       "translation note", "donation appeal", "disclaimer"]


def test_a_list_of_teasers_cut_short_goes_with_their_headlines():
    lines = ["Top news", "Ferries resume at Nemuro", "Boats leave the port again after a pause of two years and the…",
             "Governor visits the islands", "The governor arrived on Monday for a visit of three days. He will..."]
    text, reasons = _body_and_reasons(*lines)
    assert all(line not in text for line in lines[1:])
    text, reasons = _body_and_reasons("He said the talks would go on...")  # one paragraph ending so is text
    assert "He said the talks would go on..." in text
