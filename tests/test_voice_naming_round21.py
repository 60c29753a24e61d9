"""Naming voice, round 21 of issue #12: standing claims with "as part of", a participle's possessive claim, passive
naming after a place or side of usage without a comma, and a side's officials and press of every period as subjects
(voice.yaml ``naming_cues`` and ``subject_words``).

Every text is made up for the test; each expected voice follows the coding rules of data/gold/FORMAT.md (a side's
standing claim of what the islands belong to is its usage; the islands the claim is about stay the outlet's words)
and can be checked by eye.
"""

from __future__ import annotations

import pytest

from tests.voice_helpers import territory_voices as voices


@pytest.mark.parametrize("text, expected", [
    # a standing claim with "as part of": only the name it gives is the side's
    ("Moscow counts Kunashir as part of the Kuril chain.",
     [("Kunashir", "narrator", None), ("Kuril chain", "attributed", "moscow")]),
    ("Russia, which counts them as part of the Kuril chain, rejects the demands.",
     [("Kuril chain", "attributed", "russia")]),
    ("The islets which Russia counted as part of the Lesser Kuril Chain were not inhabited.",
     [("Lesser Kuril Chain", "attributed", "russia")]),
    ("Soviet officials traveling with him described the four as part of the Kurile chain.",
     [("Kurile chain", "attributed", "russia")]),
])
def test_a_standing_claim_with_as_part_of_is_the_sides_usage(text, expected):
    assert voices(text) == expected


def test_calling_them_its_after_a_sides_claim_is_its_name():
    text = "Kunashir is one of the four South Kuril Islands that Japan claims, calling them its Northern Territories."
    assert voices(text) == [("Kunashir", "narrator", None), ("South Kuril Islands", "narrator", None),
                            ("Northern Territories", "attributed", "japan")]


@pytest.mark.parametrize("text, expected", [
    ("In Japan the islands are called Kunashiri and Shikotan.",
     [("Kunashiri", "attributed", "japan"), ("Shikotan", "attributed", "japan")]),
    ("Signal Island belongs to the Lesser Kuril Ridge; on the Japanese side it is called Kaigara.",
     [("Signal Island", "narrator", None), ("Lesser Kuril Ridge", "narrator", None),
      ("Kaigara", "attributed", "japan")]),
])
def test_a_passive_naming_after_a_place_or_side_of_usage_needs_no_comma(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Soviet officials refer to the four as the southern Kurils.", [("southern Kurils", "attributed", "russia")]),
    ("Japanese newspapers refer to the islands as the Northern Territories.",
     [("Northern Territories", "attributed", "japan")]),
    ("The Russian media call the four islands the South Kurils.", [("South Kurils", "attributed", "russia")]),
    # a side's officials as a subject name nothing by themselves
    ("Japanese officials said the talks on Etorofu would go on.", [("Etorofu", "narrator", None)]),
])
def test_a_sides_officials_and_press_of_any_period_are_cue_subjects(text, expected):
    assert voices(text) == expected
