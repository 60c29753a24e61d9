"""Naming voice, round 14 of issue #12: the referent of a naming verb is the outlet's, the name given the side's.

A naming verb with two slots ("{side} calls X Y", "{side} refers to X as Y") names the places X in the outlet's words
and reports Y as the side's usage, however X is written: a list, a noun with a list between dashes, a noun with a
relative or "including" clause. Every text is made up for the test; each expected voice follows the coding rules of
data/gold/FORMAT.md and can be checked by eye.
"""

from __future__ import annotations

import pytest

from tests.voice_helpers import territory_voices as voices


@pytest.mark.parametrize("text, expected", [
    # a list as the object: the side's own spelling or the other's, the list is the outlet's
    ("Moscow calls Iturup, Kunashir and Shikotan the South Kurils.",
     [("Iturup", "narrator", None), ("Kunashir", "narrator", None), ("Shikotan", "narrator", None),
      ("South Kurils", "attributed", "moscow")]),
    ("Tokyo calls Etorofu and Shikotan part of its Northern Territories.",
     [("Etorofu", "narrator", None), ("Shikotan", "narrator", None), ("Northern Territories", "attributed", "tokyo")]),
    # one list named, then its names: both lists after the verb, only the second given
    ("Japan, which calls Iturup and Kunashir Etorofu and Kunashiri, protested.",
     [("Iturup", "narrator", None), ("Kunashir", "narrator", None), ("Etorofu", "attributed", "japan"),
      ("Kunashiri", "attributed", "japan")]),
    # "refers to X as Y", the list between dashes or commas
    ("Tokyo refers to the four islands — Etorofu, Kunashiri, Shikotan and Habomai — as the Northern Territories.",
     [("Etorofu", "narrator", None), ("Kunashiri", "narrator", None), ("Shikotan", "narrator", None),
      ("Habomai", "narrator", None), ("Northern Territories", "attributed", "tokyo")]),
    ("Japan calls the islands - Shikotan and the Habomai group - its Northern Territories.",
     [("Shikotan", "narrator", None), ("Habomai group", "narrator", None),
      ("Northern Territories", "attributed", "japan")]),
    # a name in an "including" clause of the object; the clause does not use up the cue's words
    ("Japan calls the four islands off Nemuro, including the Habomai group that fishermen from the town still visit "
     "every summer, the Northern Territories.",
     [("Habomai group", "narrator", None), ("Northern Territories", "attributed", "japan")]),
])
def test_the_object_of_a_naming_verb_is_the_outlets(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    # no complement after the names: they are the names given
    ("Japan calls them Etorofu and Kunashiri.",
     [("Etorofu", "attributed", "japan"), ("Kunashiri", "attributed", "japan")]),
    # the object is the relative pronoun before the subject: the first name is given, whatever follows it
    ("Tokyo officials describe what Japan calls the Northern Territories as \"occupied\".",
     [("Northern Territories", "attributed", "japan")]),
    # a name slot opened by the cue: no object stands after it (seed article 002)
    ("Known in Japan as Iturup, Kunashir, Shikotan and Habomai, the islands changed hands in 1945.",
     [("Iturup", "narrator", None), ("Kunashir", "narrator", None), ("Shikotan", "attributed", "japan"),
      ("Habomai", "attributed", "japan")]),
    # a naming participle inside the insertion gives its names
    ("Japan calls the islands — known there as Etorofu and Kunashiri — its Northern Territories.",
     [("Etorofu", "attributed", "japan"), ("Kunashiri", "attributed", "japan"),
      ("Northern Territories", "attributed", "japan")]),
])
def test_names_right_after_a_naming_verb_are_given_when_no_complement_follows(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an apposition after a list says whose names they are
    ("Missiles were moved to Etorofu and Kunashiri – the Japanese names for Iturup and Kunashir.",
     [("Etorofu", "attributed", "japan"), ("Kunashiri", "attributed", "japan"), ("Iturup", "narrator", None),
      ("Kunashir", "narrator", None)]),
    ("Talks on the Southern Kurils, the Russian term for the four islands, stalled.",
     [("Southern Kurils", "attributed", "russia")]),
    # "the name of" a thing that is no side is no naming cue
    ("Crowds gathered on the Kurils, the name of a chain of volcanoes, at dawn.",
     [("Kurils", "narrator", None)]),
])
def test_an_apposition_naming_a_sides_names(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a long object before a possessive complement does not use up the cue's words
    ("Tokyo still calls the islands of Shikotan, Kunashir and a string of small rocks east of the Habomai group its "
     "Northern Territories.",
     [("Shikotan", "narrator", None), ("Kunashir", "narrator", None), ("Habomai group", "narrator", None),
      ("Northern Territories", "attributed", "tokyo")]),
    # ... nor does an object with no name before the names given, and a second object-name pair follows the first
    ("Japan calls the two larger ones Etorofu and Kunashiri and the whole group the Northern Territories.",
     [("Etorofu", "attributed", "japan"), ("Kunashiri", "attributed", "japan"),
      ("Northern Territories", "attributed", "japan")]),
    # a possessive after a comma is an apposition, no complement: the names before it are given
    ("Japan calls them Etorofu and Kunashiri, part of its territory since the nineteenth century.",
     [("Etorofu", "attributed", "japan"), ("Kunashiri", "attributed", "japan")]),
])
def test_the_object_does_not_use_up_the_scope(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the second predicate of a relative clause right after the subject is the subject's
    ("Japan, which calls the island Kunashiri and considers it part of its Northern Territories, protested.",
     [("Kunashiri", "attributed", "japan"), ("Northern Territories", "attributed", "japan")]),
    ("Russia, which took the islands in 1945 and now refers to them as the South Kurils, declined.",
     [("South Kurils", "attributed", "russia")]),
])
def test_a_second_predicate_of_a_subject_relative_clause_is_a_cue(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a list in round brackets after the object's noun describes the object
    ("Japan calls the four islands (Etorofu, Kunashiri, Shikotan and Habomai) the Northern Territories.",
     [("Etorofu", "narrator", None), ("Kunashiri", "narrator", None), ("Shikotan", "narrator", None),
      ("Habomai", "narrator", None), ("Northern Territories", "attributed", "japan")]),
    # a bracket after the name given is its gloss
    ("Japan calls them the Northern Territories (Hoppo Ryodo).",
     [("Northern Territories", "attributed", "japan"), ("Hoppo Ryodo", "attributed", "japan")]),
])
def test_a_bracket_before_the_complement_is_the_objects(text, expected):
    assert voices(text) == expected
