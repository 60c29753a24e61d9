"""Round 6 of issue #12: the general shape of a copied news page (masthead, headline, standfirst, byline and date
block, top photo with its caption and credit, body, related links), on hand-made pages.

Every page here is written for the test; the expected values are read off the page by hand.
"""

import pytest

from kuril_research.ingest.parse import furniture_reason

LEAD = ("Japan lodged a protest with Moscow on Tuesday over military drills held on two of the disputed islands "
        "off Hokkaido, officials said.")
MORE = "The ministry said the drills involved about 300 troops and several armoured vehicles."


# --------------------------------------------------------------------------- date lines: one rule, not two

@pytest.mark.parametrize("line", ["Aug. 22 10:05 am JST", "5:42 pm, March 3, 2025", "— Update: 19:02",
                                  "14 May 2026 08:30"])
def test_dates_recognised_by_their_shape_alone_are_still_date_lines(line):
    # the furniture.yaml patterns for these shapes were removed: timestamps.is_timestamp reads them
    assert furniture_reason(line) == "date line"
