"""Speakers named with the marks news puts around a person: a family name that is also a common word, a
described phrase with the name in apposition, a body named inside a person's apposition.

Every example is made up for the test; the expected speaker is the one a reader names.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from kuril_research.ingest.gazetteer import load_gazetteer
from kuril_research.ingest.sentences import split_sentences
from kuril_research.ingest.voice import mark_voice
from kuril_research.testing import paragraph_spans


gazetteer = lru_cache(maxsize=1)(load_gazetteer)


def speakers(text: str) -> list[tuple[str, str | None]]:
    """(first words of each quotation, its speaker as written)."""
    paragraphs = paragraph_spans(text)
    sentences = [(s, e) for s, e, _ in split_sentences(text, paragraphs)]
    quotes, _ = mark_voice(text, paragraphs, sentences, gazetteer().find(text))
    return [(" ".join(text[q.start:q.end].split()[:3]), q.speaker_text) for q in quotes]


@pytest.mark.parametrize("text, expected", [
    # a Korean family name first, and a word of the stop list ("Park"): the apposition marks a person, and the
    # later lone "Park" is the same one
    ('Park Min-su, director of the ministry\'s fisheries division, said the fleet had no choice. '
     '"Our own waters are empty," Park said.',
     [("Our own waters", "Park Min-su")]),
    # inverted after the quotation, with an apposition naming a professor
    ('"It helps at home but costs us abroad," said Park Ji-won, a professor at a Seoul university.',
     [("It helps at", "Park Ji-won")]),
    # a British family name that is a month: a title before it marks the person
    ('Prime Minister Theresa May met the envoy on Monday.\n\nMay said in a statement: "We stand with Japan."',
     [("We stand with", "Theresa May")]),
    # an age right after the name marks a person too; the described phrase after it is his apposition
    ('Ken West, 68, a retired fisherman from Nemuro, said: "The sea has no border."',
     [("The sea has", "Ken West")]),
])
def test_a_family_name_that_is_also_a_common_word_is_a_name_where_a_person_is_marked(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text", [
    'Visitors crowd Gorky Park, a favourite of tourists, in May. "It is full," a guard said.',
    'On May 9, Victory Day, the city paraded. "We remember," a veteran said.',
])
def test_a_stop_word_without_the_marks_of_a_person_stays_out_of_names(text):
    assert speakers(text)[0][1] in ("a guard", "a veteran")


def test_a_name_in_apposition_after_a_described_phrase_speaks():
    text = ('A local fishing official, Kenji Tamura of the Nemuro cooperative, said members were worried. '
            '"If that goes too, we have nothing," he told AFP.')
    assert speakers(text) == [("If that goes", "Kenji Tamura")]


@pytest.mark.parametrize("text, expected", [
    # a participle after a verb of the subject: the person the apposition describes, not the body it names
    ('Hanako Jimi, the minister in charge of Okinawa and Northern Territories affairs, urged Russia to reopen '
     'the visits, calling the suspension "extremely regrettable".',
     [("extremely regrettable", "Hanako Jimi")]),
    # a speech verb after the apposition's closing comma
    ('Ken Sato, the minister for Okinawa and Northern Territories Affairs, told reporters the trip was "a mistake".',
     [("a mistake", "Ken Sato")]),
])
def test_a_body_named_in_a_persons_apposition_does_not_speak_for_the_person(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Some Japanese critics call that a "two-island sellout," while polls differ.',
     [("two-island sellout,", "Some Japanese critics")]),
    ('Japanese embassy officials called the move "regrettable".', [("regrettable", "Japanese embassy officials")]),
    ('Russian lawmakers call the islands "ours".', [("ours", "Russian lawmakers")]),
])
def test_a_side_word_opening_a_naming_cue_speaks_as_the_whole_subject_phrase(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the accuser's charge quotes the accuser, not the accused
    ('Critics back home have accused the prime minister of pursuing a "cut and paste" deal.',
     [("cut and paste", "Critics back home")]),
    # a reported clause whose subject has titles before the name: the name reported, not the agency or the object
    ('Earlier, the agency reported that Russian Foreign Ministry spokeswoman Maria Zakharova accused Japanese '
     'officials of "unacceptable" statements.',
     [("unacceptable", "Maria Zakharova")]),
])
def test_an_accusation_quotes_the_accuser(text, expected):
    assert speakers(text) == expected


def test_a_places_possessive_before_a_capitalised_word_is_no_personal_name():
    # "Nemuro's Hanasaki port" names a port, not a person "Nemuro Hanasaki": "he" is the fisherman
    text = ("I put the question to Masaaki Ono, who has fished out of Nemuro's Hanasaki port for thirty years. "
            '"The sea does not know whose it is," he told me.')
    assert speakers(text) == [("The sea does", "Masaaki Ono")]


def test_it_after_a_report_about_a_country_is_the_body_that_reported_before():
    # "it" does not take up the country the sentence is about; it takes up the agency that spoke before
    text = ('Japanese boats may catch 2,050 tonnes this year, the agency said in a statement.\n\n'
            'Japan will pay Russia a "cooperation fee" of up to 300 million yen, it said.')
    assert speakers(text) == [("cooperation fee", "the agency")]


def test_it_after_a_country_that_spoke_in_the_sentence_is_that_country():
    text = 'Russia said the talks were over, but it called the door "still open".'
    assert speakers(text) == [("still open", "Russia")]


def test_a_slogan_on_a_banner_is_a_quotation_even_in_title_case():
    # a title-case phrase after a carrier is the carriers' words, not the name of a thing
    text = ('Days before the visit, several hundred people gathered near the Kremlin with banners reading '
            '"Hands off the Kurils". The police watched.')
    assert speakers(text) == [("Hands off the", "several hundred people")]


def test_an_indefinite_phrase_after_become_is_a_predicate_not_a_new_person():
    text = ('Meanwhile, parliament speaker Ivan Orlov may become another top official to visit the islands. '
            '"I flew there before, and I will do it again," he told reporters.')
    assert speakers(text) == [("I flew there", "Ivan Orlov")]
