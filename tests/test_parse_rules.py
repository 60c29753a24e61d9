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
