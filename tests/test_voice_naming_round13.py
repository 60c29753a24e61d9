"""Naming voice, round 13 of issue #12: how a quoted term, a quoted statement and a cue's names really vary.

Every text is made up for the test; each expected voice follows the coding rules of data/gold/FORMAT.md and can be
checked by eye.
"""

from __future__ import annotations

import pytest

from tests.voice_helpers import territory_voices as voices


@pytest.mark.parametrize("text, expected", [
    # a term the text cites after "the phrase", "the word", "the term": no speaker's words, even after "said"
    ('One delegate said the phrase "Southern Kurils" would never pass the committee.',
     [("Southern Kurils", "attributed", "russia")]),
    ('Moscow objected to the use of the word "Northern Territories" in the law.',
     [("Northern Territories", "attributed", "japan")]),
    # ... but a verb that takes the term as its own object reports words said on an occasion
    ('The envoy used the term "Northern Territories" twice.',
     [("Northern Territories", "quoted", None)]),
])
def test_a_term_cited_after_a_term_noun_is_no_quotation(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the present perfect states a position held, like the present: the quoted term stays the outlet's report
    ('Tokyo has long argued that the four islands were never part of the "Kurils" it gave up.',
     [("Kurils", "attributed", "tokyo")]),
    # a dated past verb reports the words of that occasion
    ('Lavrov argued on Monday that the islands were part of the "Kurils" by law.',
     [("Kurils", "quoted", "sergey_lavrov")]),
])
def test_a_position_held_is_no_occasion(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a quoted statement after a naming verb is the speaker's words; its names are quoted, not given by the verb
    ("Governor Valery Limarenko, who called it 'proof that the Kurils are thriving', cut the ribbon.",
     [("Kurils", "quoted", "valery_limarenko")]),
    # a quoted name alone after the verb is still the outlet's report of a term
    ('Tokyo calls them the "Northern Territories".', [("Northern Territories", "attributed", "tokyo")]),
])
def test_a_quoted_statement_in_a_cues_scope_stays_quoted(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an adverb between the subject and the naming verb
    ("The four islands that Tokyo collectively calls the Northern Territories lie east of Hokkaido.",
     [("Northern Territories", "attributed", "tokyo")]),
    ("The chain, which Moscow officially refers to as the South Kurils, is volcanic.",
     [("South Kurils", "attributed", "moscow")]),
    # a finite verb after the name the cue gives: the names after it are the outlet's
    ("Japan says the islands it calls the Northern Territories were never part of the Chishima chain.",
     [("Northern Territories", "attributed", "japan"), ("Chishima", "narrator", None)]),
    ("Russia calls them the South Kurils and has stationed troops on Iturup.",
     [("South Kurils", "attributed", "russia"), ("Iturup", "narrator", None)]),
])
def test_the_names_a_cue_gives(text, expected):
    assert voices(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a slogan in title case on a banner or a placard is words, not the name of a thing
    ('Marchers carried banners reading "Hands off the Kurils" past the embassy.', [("Kurils", "quoted", None)]),
    ('Protesters waved placards saying "Not One Inch of the Kuril Islands".', [("Kuril Islands", "quoted", None)]),
    # a title after a naming participle stays a title
    ('The ministry ran a campaign called "Return of the Kuril Islands" in 2010.',
     [("Kuril Islands", "narrator", None)]),
])
def test_slogans_are_words_titles_are_names(text, expected):
    assert voices(text) == expected


def test_a_passive_of_naming_after_the_first_name_still_gives_the_next():
    text = "In Russian usage Etorofu is called Iturup and Kunashiri is officially called Kunashir."
    # the Japanese spellings are the referents, never Russia's usage; each Russian name after "is called" is
    assert voices(text) == [("Etorofu", "narrator", None), ("Iturup", "attributed", "russia"),
                            ("Kunashiri", "narrator", None), ("Kunashir", "attributed", "russia")]


@pytest.mark.parametrize("text, expected", [
    # a second predicate of the cue's subject after "and" is a cue of that subject too
    ("Japan refers to the two largest as Etorofu and Kunashiri and considers them part of its Northern Territories.",
     [("Etorofu", "attributed", "japan"), ("Kunashiri", "attributed", "japan"),
      ("Northern Territories", "attributed", "japan")]),
    ("Russia stations troops on Iturup and still calls the whole chain the Kuril Islands.",
     [("Iturup", "narrator", None), ("Kuril Islands", "attributed", "russia")]),
    # ... but not a predicate of another subject ("and Tokyo calls") nor one after a clause boundary
    ("Russia built a base on Iturup and Tokyo calls it Etorofu.",
     [("Iturup", "narrator", None), ("Etorofu", "attributed", "tokyo")]),
])
def test_a_second_predicate_of_the_cues_subject(text, expected):
    assert voices(text) == expected
