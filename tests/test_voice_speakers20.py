"""Round 20's speaker rules, each on a hand-made text (voice.yaml ``role_titles``; speaker_cues, subjects,
antecedents, speakers): who speaks a quotation when the name comes after "called", when a role is an office named
with a bare noun, when a time opens the sentence without a comma, when a relative clause opens with a time, and when
the speech verb is a second predicate after an object."""

from __future__ import annotations

import pytest

from tests.voice_helpers import quote_speakers

ZAKHAROVA = "Russian Foreign Ministry spokeswoman Maria Zakharova spoke about sanctions on Thursday.\n\n"


@pytest.mark.parametrize("text, words, speaker", [
    # a described person introduced by the name after "called" / "named": the name speaks, "she" and "he" are them
    ('A woman called Anna Petrova, 64, runs the only cafe in Malokurilskoye. "Nobody comes here now," she said.',
     "Nobody comes here now", "Anna Petrova"),
    ('A fisherman named Igor Baranov mends nets in the port. "The boats used to come," he said.',
     "The boats used to come", "Igor Baranov"),
    # "called" is then no speech verb of the sentence: the verb after the name is
    ('A Japanese man called Kenji Sato, 79, told reporters: "I want to see my home once more."',
     "I want to see my home once more", "Kenji Sato"),
    # "called" before a possessive is the speech verb: the described person speaks
    ('A Japanese man called Tokyo\'s plan "a betrayal" on Friday.', "a betrayal", "A Japanese man"),
])
def test_a_name_after_called_introduces_the_speaker(text, words, speaker):
    assert (words, speaker) in quote_speakers(text)


@pytest.mark.parametrize("office, speaker", [
    ("the head of government", "Dmitry Medvedev"),   # an office with a bare noun: the prime minister named before
    ("the head of state", "the head of state"),       # a head of state is no prime minister: as written
])
def test_an_office_named_with_a_bare_noun_is_its_holder_named_before(office, speaker):
    text = ("Prime Minister Dmitry Medvedev toured Iturup on Monday and visited a fish plant.\n\n"
            f'"We have come to the islands and we will come again," {office} said.')
    assert quote_speakers(text) == [("We have come to the islands and we will come again", speaker)]


@pytest.mark.parametrize("opening", ["Earlier in the day", "On Monday", "Last week"])
def test_a_time_opening_the_sentence_without_a_comma_keeps_its_subject_for_he(opening):
    text = ZAKHAROVA + (f"{opening} Prime Minister Fumio Kishida told a rally in Tokyo that Japan would press its "
                        'claim, although ties with Moscow were in what he called "a very hard place".')
    assert ("a very hard place", "Fumio Kishida") in quote_speakers(text)


def test_a_capitalised_word_is_needed_after_a_time_without_a_comma():
    text = ZAKHAROVA + 'The day before the rally she called the claim "a provocation".'
    assert ("a provocation", "Maria Zakharova") in quote_speakers(text)


@pytest.mark.parametrize("time", ["on Monday", "this week", "last year"])
def test_a_relative_clause_may_open_with_a_time(time):
    text = ZAKHAROVA + ("The president's remarks were read as a reply to Japanese Prime Minister Naoto Kan, who "
                        f'{time} called Medvedev\'s visit to Kunashir "a grave insult".')
    assert ("a grave insult", "Naoto Kan") in quote_speakers(text)


@pytest.mark.parametrize("text, speaker", [
    ('Foreign Minister Seiji Maehara summoned the Russian ambassador, Mikhail Bely, and told him the visit '
     '"wounds the Japanese people".', "Seiji Maehara"),
    ('Kishida met Putin in Vladivostok and told him that Japan wanted "a new approach" to the talks.', "Kishida"),
])
def test_a_speech_verb_after_and_is_the_subjects_second_predicate(text, speaker):
    assert [s for _, s in quote_speakers(text)] == [speaker]


def test_a_subject_speaking_after_and_still_speaks():
    text = 'Putin spoke first, and Abe told reporters the talks had been "frank".'
    assert quote_speakers(text) == [("frank", "Abe")]


@pytest.mark.parametrize("text, speaker", [
    # a side's role with a title: the person given that title, whom voice.yaml's sides do not list
    ("Prime Minister Yoshiro Mori met Putin in Irkutsk on Sunday.\n\nAt the press conference Mr. Mori was pleased. "
     '"We have confirmed the basis of the talks," the Japanese premier said.', "Yoshiro Mori"),
    # nobody of that side was given the title: the role stays as written (not the Russian, not the prime minister)
    ("Foreign Minister Sergey Lavrov met Prime Minister Yoshiro Mori on Sunday.\n\n"
     '"We have confirmed the basis of the talks," the Japanese foreign minister said.', "the Japanese foreign minister"),
    # a side's possessive takes up the person named before with a title of the role (role_titles)
    ("In Tokyo, Chief Cabinet Secretary Takeo Kawamura said Japan had received no notice.\n\n"
     '"We hope the Russian side will respond calmly," Japan\'s top government spokesman told reporters.',
     "Takeo Kawamura"),
    ('Chief Cabinet Secretary Yoshihide Suga expressed displeasure on Saturday. "This visit is extremely '
     'regrettable," the top government spokesperson said.', "Yoshihide Suga"),
    ("In Yuzhno-Sakhalinsk the head of the regional administration, Yevgeny Krasnoyarov, told journalists the "
     "region would accept help. «The islands were shaken, but not the border», - the governor said.",
     "Yevgeny Krasnoyarov"),
])
def test_a_role_is_the_person_given_its_title(text, speaker):
    assert [s for _, s in quote_speakers(text)] == [speaker]


@pytest.mark.parametrize("verb", ["commits", "obliges"])
def test_a_text_speaks_the_words_it_commits_its_parties_to(verb):
    text = f'The 1993 Tokyo Declaration {verb} both sides to settle the dispute "on the basis of law and justice".'
    assert quote_speakers(text) == [("on the basis of law and justice", "The 1993 Tokyo Declaration")]
