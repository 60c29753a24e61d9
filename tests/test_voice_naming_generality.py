"""Naming voice, round 12 of issue #12: mechanisms that failed on unseen text, not phrasings.

Every text is made up for the test; each expected voice follows the coding rules of data/gold/FORMAT.md and can be
checked by eye.
"""

from __future__ import annotations

import pytest

from tests.voice_helpers import territory_voices as voices


@pytest.mark.parametrize("text, expected", [
    # a list spelt the Russian way after a Japanese cue is the outlet's list, its neutral names too
    ("Tokyo considers Iturup, Kunashir, Shikotan and the Habomai islands its own.",
     [("Iturup", "narrator", None), ("Kunashir", "narrator", None), ("Shikotan", "narrator", None),
      ("Habomai islands", "narrator", None)]),
    ("Japanese law refers to Kunashir, Shikotan and the Habomai as the Northern Territories.",
     [("Kunashir", "narrator", None), ("Shikotan", "narrator", None), ("Habomai", "narrator", None),
      ("Northern Territories", "attributed", "japan")]),
    # a list with no spelling of either side keeps the cue's side
    ("The islets, which Tokyo calls Shikotan and the Habomai islands, lie east.",
     [("Shikotan", "attributed", "tokyo"), ("Habomai islands", "attributed", "tokyo")]),
    # "or" gives the other side's names of the same islands: a second list, not the first one's
    ("Japan calls them Etorofu, Kunashiri and Shikotan, or Iturup and Kunashir in the outlet's atlas.",
     [("Etorofu", "attributed", "japan"), ("Kunashiri", "attributed", "japan"), ("Shikotan", "attributed", "japan"),
      ("Iturup", "narrator", None), ("Kunashir", "narrator", None)]),
])
def test_a_list_of_names_has_one_voice(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a cue whose "as" gives no name: the list between dashes is the outlet's
    ("Moscow regards the islands – Iturup, Kunashir and Shikotan – as sovereign territory.",
     [("Iturup", "narrator", None), ("Kunashir", "narrator", None), ("Shikotan", "narrator", None)]),
    # a cue whose "as" gives a name: the list between dashes is still the object, the places named, in the
    # outlet's words; only the name after "as" is the subject's usage (round 14)
    ("Moscow refers to the islands – Iturup, Kunashir and Shikotan – as the South Kurils.",
     [("Iturup", "narrator", None), ("Kunashir", "narrator", None), ("Shikotan", "narrator", None),
      ("South Kurils", "attributed", "moscow")]),
])
def test_a_list_between_dashes_is_the_outlets_whether_or_not_the_cue_gives_a_name(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "it" is the nearest side that may use the name it gives, wherever the nearer side stands
    ("Moscow said Japan must accept Russian rule over what it calls the Southern Kurils.",
     [("Southern Kurils", "attributed", "moscow")]),
    ("Tokyo wants a treaty with Russia once it settles the four islands it calls the Northern Territories.",
     [("Northern Territories", "attributed", "tokyo")]),
])
def test_a_pronoun_subject_is_the_nearest_side_that_uses_the_name(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a relative clause between commas does not use up the cue's scope
    ("Japan calls the islands, which Soviet troops seized in the last days of the war in 1945, its Northern "
     "Territories.", [("Northern Territories", "attributed", "japan")]),
    # an insertion between dashes before the cue has given its name does not end the scope
    ("Japan calls the islands — two of them large, two small — its Northern Territories.",
     [("Northern Territories", "attributed", "japan")]),
    # once the cue has given its name, a list between dashes is the outlet's
    ("Known in Russia as the South Kurils, the islands—Iturup, Kunashir and Shikotan—lie off Hokkaido.",
     [("South Kurils", "attributed", "russia"), ("Iturup", "narrator", None), ("Kunashir", "narrator", None),
      ("Shikotan", "narrator", None)]),
])
def test_insertions_inside_a_cues_scope(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Russian officials, who refer to the area as the Southern Kurils, objected.",
     [("Southern Kurils", "attributed", "russia")]),
    ("Kunashiri, which in Russian is called Kunashir, lies close to Hokkaido.",
     [("Kunashiri", "narrator", None), ("Kunashir", "attributed", "russia")]),
    ("The islet belongs to the chain Russia administers as the Southern Kurils.",
     [("Southern Kurils", "attributed", "russia")]),
    ("Russia administers Shikotan as part of its Sakhalin region.", [("Shikotan", "narrator", None)]),
    ("Kishida refuses to treat the Southern Kurils, as Moscow styles them, as settled.",
     [("Southern Kurils", "attributed", "moscow")]),
])
def test_relative_who_administering_and_styling_cues(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a side's point of view: every name of the clause is its usage, the subject before the copula included
    ("For Japan, Etorofu, Kunashiri, Shikotan and the Habomai islets are inherent territory.",
     [("Etorofu", "attributed", "japan"), ("Kunashiri", "attributed", "japan"), ("Shikotan", "attributed", "japan"),
      ("Habomai islets", "attributed", "japan")]),
    ("For Moscow, Kunashir is part of the South Kurils.",
     [("Kunashir", "attributed", "moscow"), ("South Kurils", "attributed", "moscow")]),
    # a language before the copula gives no point of view: the subject is the outlet's name
    ("In Japanese, Iturup is Etorofu.", [("Iturup", "narrator", None), ("Etorofu", "attributed", "japan")]),
    # inside a quotation the clause is the speaker's
    ('"For Moscow, the Kurils are a gate to the Pacific," an analyst said.', [("Kurils", "quoted", None)]),
])
def test_a_point_of_view_clause_gives_the_side_every_name_of_the_clause(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a quoted name of a thing, no speech verb before it, then whose name it is
    ('The annual "rally for the return of the Northern Territories," as Tokyo calls the southern Kurils, opened.',
     [("Northern Territories", "attributed", "tokyo"), ("southern Kurils", "narrator", None)]),
    # a speaker's words stay quoted, whatever gloss follows them
    ('The ministry called the visit "unacceptable given our position on the Northern Territories," as Tokyo calls '
     'the islands.', [("Northern Territories", "quoted", None)]),
    # a bracket naming the referent and the place of usage
    ("Japan marks Northern Territories (the way the southern Kurils are referred to in Japan) Day on February 7.",
     [("Northern Territories", "attributed", "japan"), ("southern Kurils", "narrator", None)]),
])
def test_a_gloss_after_a_quoted_title_or_in_a_bracket(text, expected):
    assert voices(text) == expected


def test_a_naming_verb_before_a_lists_first_name_licenses_a_gloss_after_its_last():
    text = ("Troops took the islands, called Etorofu, Kunashiri, Shikotan and the Habomai islets by Japan, and "
            "Iturup, Kunashir, Shikotan and the Habomai by Russia.")
    assert [v for v in voices(text) if v[0] in ("Iturup", "Habomai")] == [
        ("Iturup", "attributed", "russia"), ("Habomai", "attributed", "russia")]


@pytest.mark.parametrize("text, expected", [
    # the object of a classing verb, before its predicate, is the referent in the outlet's words
    ("Russia considers the South Kurils its sovereign territory.", [("South Kurils", "narrator", None)]),
    ("Japan regards Etorofu and Kunashiri as illegally occupied.",
     [("Etorofu", "narrator", None), ("Kunashiri", "narrator", None)]),
    # the predicate is the name the side gives
    ("Russia considers them part of the Kuril Islands.", [("Kuril Islands", "attributed", "russia")]),
    # a cue that gave a quoted phrase as its name gives no later name
    ('The embassy denounced what it called "a hostile campaign" and recalled that the Kurils became Soviet in 1945.',
     [("Kurils", "narrator", None)]),
])
def test_an_object_after_a_cue_is_no_name_it_gives(text, expected):
    assert voices(text) == expected
