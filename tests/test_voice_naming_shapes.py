"""Naming voice in shapes of real coverage met in round 10 of issue #12: low and doubled quotation marks, a side's
point of view before a copula, pairs of glosses, and a list between dashes before a relative naming clause.

Every text is made up for the test; each expected voice follows the coding rules of data/gold/FORMAT.md and can be
checked by eye.
"""

from __future__ import annotations

import pytest

from kuril_research.ingest.voice import find_quotes
from tests.voice_helpers import territory_voices as voices


@pytest.mark.parametrize("text, expected", [
    # „...“ (German, Czech, Ukrainian copy) and „...” open a quotation like “...”
    ("„We will never give up the Kurils,“ Lavrov said.", ["We will never give up the Kurils,"]),
    ("Peskov said: „Iturup is Russian.”", ["Iturup is Russian."]),
    # a „...“ quotation holds ‚...‘ as its inner marks, not a close
    ("„No ‚Northern Territories‘ exist,“ she said.", ["No ‚Northern Territories‘ exist,"]),
    # two straight apostrophes stand for a double mark; the apostrophe of a possessive stays one
    ("''The Kurils are ours,'' Lavrov said of Russia's islands.", ["The Kurils are ours,"]),
])
def test_low_and_doubled_quotation_marks_open_quotations(text, expected):
    assert [text[s:e] for s, e, _ in find_quotes(text, [(0, len(text))])] == expected


@pytest.mark.parametrize("text, expected", [
    ("„We will never give up the Kurils,“ Lavrov said.", [("Kurils", "quoted", "sergey_lavrov")]),
    # a lone name in such marks is the outlet's scare quote: the side whose spelling it is
    ("Moscow rejects any talk of the „Northern Territories“ with Tokyo.",
     [("Northern Territories", "attributed", "japan")]),
    ("The Kremlin rejected the ''Northern Territories'' label.", [("Northern Territories", "attributed", "japan")]),
])
def test_names_in_low_and_doubled_marks(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a side's point of view, a copula, then the name: that side's name
    ("From Tokyo's point of view, the islands are the Northern Territories.",
     [("Northern Territories", "attributed", "tokyo")]),
    ("In Moscow's view, the islands are the South Kurils.", [("South Kurils", "attributed", "moscow")]),
    ("As far as Moscow is concerned, the four islands remain the Southern Kurils.",
     [("Southern Kurils", "attributed", "moscow")]),
    ("To Japan, Iturup is Etorofu.", [("Iturup", "narrator", None), ("Etorofu", "attributed", "japan")]),
    ("For Tokyo they are the Northern Territories.", [("Northern Territories", "attributed", "tokyo")]),
    # the name the view is about, before the copula, is the side's usage too (FORMAT.md as settled on main in
    # 5bbb6fe: every name of a point-of-view clause, neutral spellings included), also with no name after the copula
    ("In Japan's view, the Northern Territories are part of its territory.",
     [("Northern Territories", "attributed", "japan")]),
    ("To Russia, the Kurils are strategic.", [("Kurils", "attributed", "russia")]),
    # a possessive alone is no naming (FORMAT.md: "part of Japan's Northern Territories" is narrator)
    ("Tokyo's Northern Territories remain under Russian control.", [("Northern Territories", "narrator", None)]),
])
def test_a_point_of_view_before_a_copula(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    # two glosses of the two sides, after a comma: each names its side
    ("The islands, Kurils to Moscow and Northern Territories to Tokyo, are the issue.",
     [("Kurils", "attributed", "moscow"), ("Northern Territories", "attributed", "tokyo")]),
    ("The four islands — the Southern Kurils for Russia, the Northern Territories for Japan — are disputed.",
     [("Southern Kurils", "attributed", "russia"), ("Northern Territories", "attributed", "japan")]),
    # one side twice is where the islands go, no pair of names; nor is the object of a verb
    ("Russia will not return Iturup to Japan and Kunashir to Tokyo.",
     [("Iturup", "narrator", None), ("Kunashir", "narrator", None)]),
    ("Moscow refused to sell Kunashir to the Japanese and Iturup to the Russians of Sakhalin.",
     [("Kunashir", "narrator", None), ("Iturup", "narrator", None)]),
])
def test_pairs_of_glosses(text, expected):
    assert voices(text) == expected


def test_a_list_between_dashes_before_a_relative_naming_clause_is_the_outlets():
    text = ("Japan claims four islands — Iturup, Kunashir, Shikotan and Habomai — which it refers to as the "
            "Northern Territories.")
    assert voices(text) == [("Iturup", "narrator", None), ("Kunashir", "narrator", None),
                            ("Shikotan", "narrator", None), ("Habomai", "narrator", None),
                            ("Northern Territories", "attributed", "japan")]


@pytest.mark.parametrize("text, expected", [
    # a gloss right after the name a naming participle gives may let the clause go on, or follow the term's noun
    ("Moscow renamed islets known as the Northern Territories in Japan after Soviet generals.",
     [("Northern Territories", "attributed", "japan")]),
    ("The Kuril Islands dispute, known as the Northern Territories dispute in Japan, is old.",
     [("Kuril Islands", "narrator", None), ("Northern Territories", "attributed", "japan")]),
    # without the participle right before the name, "to Japan after" is where an island goes
    ("Russia, which called the move illegal, will return Shikotan to Japan after a treaty.",
     [("Shikotan", "narrator", None)]),
    # a side's other name announced, then given after a colon
    ("The Japanese have a different name for them: the Northern Territories.",
     [("Northern Territories", "attributed", "japan")]),
    ("Japan uses another name: Northern Territories.", [("Northern Territories", "attributed", "japan")]),
])
def test_glosses_after_a_named_name_and_announced_names(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a gloss "by" a side word with a lower-case head
    ("The four islands, called the Northern Territories by the Japanese government, lie off Hokkaido.",
     [("Northern Territories", "attributed", "japan")]),
    # the name, its user and the referent before it
    ("He attacked the term Japan uses for the islands, the Northern Territories, as revanchist.",
     [("Northern Territories", "attributed", "japan")]),
    # a side's possessive usage
    ("Lavrov insists that the islands — in Moscow's usage, the South Kurils — are Russian.",
     [("South Kurils", "attributed", "moscow")]),
    # a gloss after a list between dashes is every listed name's
    ("Former residents of the islands - Iturup, Kunashir and the Habomai for Moscow - wait.",
     [("Iturup", "attributed", "moscow"), ("Kunashir", "attributed", "moscow"), ("Habomai", "attributed", "moscow")]),
    # using names in the infinitive
    ("Russian officials were careful to use the names Iturup and Kunashir in briefings.",
     [("Iturup", "attributed", "russia"), ("Kunashir", "attributed", "russia")]),
    # a post-posed passive with an adverb
    ("Investment in the Southern Kurils, as the four islands are officially called in Russia, fell.",
     [("Southern Kurils", "attributed", "russia")]),
    # what a thing is called, in the present passive, is a term, not words said on an occasion ...
    ('In Japan the four islands are called the "northern territories".',
     [("northern territories", "attributed", "japan")]),
    # ... but a past report of someone's words stays a quotation (FORMAT.md)
    ('The minister referred to them as "the Southern Kurils" at the press conference.',
     [("Southern Kurils", "quoted", None)]),
])
def test_usage_glosses_and_passives(text, expected):
    assert voices(text) == expected


def test_a_shorter_cue_that_gives_names_stays_beside_a_longer_one_of_the_same_subject():
    text = "Russia, which uses the names Iturup and Kunashir for the two largest, treats them as part of Sakhalin."
    assert voices(text) == [("Iturup", "attributed", "russia"), ("Kunashir", "attributed", "russia")]


def test_a_gloss_inside_a_quotation_is_the_speakers_and_a_bracket_there_the_outlets():
    text = ('"The deal lets our boats fish around the islets called the Southern Kurils in Russia," Kyodo '
            'reported.')
    assert voices(text) == [("Southern Kurils", "quoted", None)]


def test_a_side_after_a_preposition_is_no_subject_of_the_verb_after_it():
    # "in Tokyo" qualifies "this term"; the Kurils are the outlet's words for what the term refers to
    text = "This term in Tokyo refers to the southern part of the Kuril Islands."
    assert voices(text) == [("Kuril Islands", "narrator", None)]
    assert voices("Tokyo refers to the islands as the Northern Territories.") == [
        ("Northern Territories", "attributed", "tokyo")]


def test_a_participle_that_classes_the_islands_under_a_name():
    text = "Japan has long adopted a policy of officially recognizing the islands as the Northern Territories."
    assert voices(text) == [("Northern Territories", "attributed", "japan")]


def test_a_low_single_mark_glued_to_a_word_is_a_mistyped_comma_not_an_opening_mark():
    text = "Officials in Tokyo‚ Japan’s capital, said ‘no’ again."
    assert [text[s:e] for s, e, _ in find_quotes(text, [(0, len(text))])] == ["no"]


@pytest.mark.parametrize("text, expected", [
    ("Tokyo prefers the Japanese term Northern Territories.", [("Northern Territories", "attributed", "japan")]),
    ("Maps in Sapporo print the Japanese names Etorofu and Kunashiri.",
     [("Etorofu", "attributed", "japan"), ("Kunashiri", "attributed", "japan")]),
])
def test_a_cue_opened_by_the_before_a_side_word_that_holds_its_own_the(text, expected):
    # "the Japanese" is a subject word itself; "the {side} term" takes "Japanese" after the cue's own "the"
    assert voices(text) == expected


def test_the_translation_of_a_sides_name_is_that_sides_name():
    text = "Tokyo uses the Japanese term Hoppo Ryodo, usually rendered as Northern Territories, in law."
    assert voices(text) == [("Hoppo Ryodo", "attributed", "japan"), ("Northern Territories", "attributed", "japan")]
    # the outlet's own translation of an unattributed name stays the outlet's
    assert voices("Hoppo Ryodo, translated as Northern Territories, is old.") == [
        ("Hoppo Ryodo", "narrator", None), ("Northern Territories", "narrator", None)]
