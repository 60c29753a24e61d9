"""Naming voice, round 22 of issue #12: a possessive complement in another side's clause belongs to that side, and
standing claims with administering, regarding and including verbs (voice.yaml ``naming_cues``).

Every text is made up for the test; each expected voice follows the coding rules of data/gold/FORMAT.md (a side's
standing claim of what the islands belong to is its usage; the islands the claim is about stay the outlet's words)
and can be checked by eye.
"""

from __future__ import annotations

import pytest

from tests.voice_helpers import territory_voices as voices


@pytest.mark.parametrize("text, expected", [
    # the possessive "its Northern Territories" is Tokyo's complement, not the complement of Moscow's "calls"
    ("Moscow calls the group the South Kurils, while Tokyo refers to them as its Northern Territories.",
     [("South Kurils", "attributed", "moscow"), ("Northern Territories", "attributed", "tokyo")]),
    ("Those are the islands that Japan calls the Northern Territories and Russia considers part of its Kuril Islands.",
     [("Northern Territories", "attributed", "japan"), ("Kuril Islands", "attributed", "russia")]),
    # ... but a possessive complement after a long object with no other side in it is the cue's own
    ("Japan still calls the islands of Kunashir, Iturup and a number of islets of the Lesser Kuril ridge its "
     "northern territories.",
     [("Kunashir", "narrator", None), ("Iturup", "narrator", None), ("Lesser Kuril ridge", "narrator", None),
      ("northern territories", "attributed", "japan")]),
])
def test_a_possessive_complement_belongs_to_the_side_of_its_clause(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Russia, which administers them as part of the Kuril chain, rejects the claim.",
     [("Kuril chain", "attributed", "russia")]),
    ("Moscow, which regards the islands as part of the Kurils, has offered at most two.",
     [("Kurils", "attributed", "moscow")]),
    ("Japan calls them the Northern Territories, while Russia says they are part of its Kuril Islands.",
     [("Northern Territories", "attributed", "japan"), ("Kuril Islands", "attributed", "russia")]),
    ("Japan calls them the Northern Territories, while Russia includes them in its Kuril Islands chain.",
     [("Northern Territories", "attributed", "japan"), ("Kuril Islands chain", "attributed", "russia")]),
    # a region is no name: the island named after it stays the outlet's
    ("Russia, which administers them as part of Sakhalin region, says Iturup is Russian.",
     [("Iturup", "narrator", None)]),
])
def test_administering_regarding_and_including_claims_are_the_sides_usage(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The islands, which Russia treats as the southern end of its Kuril chain, became Russian.",
     [("Kuril chain", "attributed", "russia")]),
    ("Japanese schoolchildren learn to call the four of them the Northern Territories.",
     [("Northern Territories", "attributed", "japan")]),
    ("Russian pupils are taught to call Iturup and Kunashir the Southern Kurils.",
     [("Iturup", "narrator", None), ("Kunashir", "narrator", None), ("Southern Kurils", "attributed", "russia")]),
])
def test_a_relative_treating_clause_and_a_name_a_sides_people_are_taught(text, expected):
    assert voices(text) == expected


def test_a_lexicon_without_side_subject_words_still_finds_the_possessive_complement():
    # subject_re is optional (a researcher's voice.yaml may list no subject words): the side test must not need it
    from dataclasses import replace

    from kuril_research.ingest.gazetteer import Mention
    from kuril_research.ingest.voice.lexicon import default_lexicon
    from kuril_research.ingest.voice.referents import first_given

    text = "Japan calls Iturup and Kunashir its Northern Territories."

    def at(surface, kind):
        i = text.index(surface)
        return Mention(i, i + len(surface), surface, surface.lower(), kind, "neutral")

    mentions = [at("Iturup", "island"), at("Kunashir", "island"), at("Northern Territories", "collective_name")]
    lex = replace(default_lexicon(), subject_re=None)
    assert first_given(text, "Japan calls", 11, len(text), mentions, lex).surface == "Northern Territories"
