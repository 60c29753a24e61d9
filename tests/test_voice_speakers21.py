"""Round 21's speaker rules, each on a hand-made text (quotes, candidates, speakers): direct speech printed the
Russian way, opened by a dash and broken by ", - he said." for its attribution (as machine translations and English
copies of Russian regional pages print it), or under a paragraph ending "... said:"; indefinite pronouns that name
nobody; one-word names with letters beyond a-z."""

from __future__ import annotations

import pytest

from tests.voice_helpers import quote_speakers, territory_voices

RUDAKOVA = "The chairman of the committee, Olga Rudakova, spoke after the governor.\n\n"


@pytest.mark.parametrize("dash", ["-", "—", "–"])
def test_dash_opened_speech_breaks_for_its_attribution(dash):
    text = f"{dash} The document has no force today, {dash} Olga Rudakova emphasized."
    assert quote_speakers(text) == [("The document has no force today", "Olga Rudakova")]


def test_dash_opened_speech_goes_on_after_its_attribution_and_a_pronoun_is_the_person_before():
    text = RUDAKOVA + ("- The document has no force today, - she emphasized. - We have sent the archive papers to "
                       "the President.")
    assert quote_speakers(text) == [("The document has no force today", "Olga Rudakova"),
                                    ("We have sent the archive papers to the President", "Olga Rudakova")]


def test_a_name_in_dash_opened_speech_is_quoted():
    text = "- Kunashir is our home and will stay our home, - Olga Rudakova said at the rally."
    assert territory_voices(text) == [("Kunashir", "quoted", None)]


def test_a_dash_opened_paragraph_under_a_colon_is_the_speakers_words():
    text = ("Opening the meeting, the deputy chairman Viktor Gladkikh said:\n\n"
            "- Today we have gathered not against Japan. The islanders were never asked.")
    assert quote_speakers(text) == [("Today we have gathered not against Japan. The islanders were never asked",
                                     "Viktor Gladkikh")]


@pytest.mark.parametrize("text", [
    # a dash inside a sentence with no speech verb after it: a list, no speech
    "- 1945: the landing on Shumshu, - a date the veterans remember.",
    # a dash-opened paragraph under a colon that no speech verb introduces: the programme's items
    "The programme of the day:\n\n- a wreath at the memorial and a concert in the square.",
])
def test_a_dash_without_an_attribution_is_no_speech(text):
    assert quote_speakers(text) == []


@pytest.mark.parametrize("pronoun", ["Nobody", "Everyone", "Someone"])
def test_an_indefinite_pronoun_before_a_speech_verb_is_no_speaker(pronoun):
    text = (RUDAKOVA + f"{pronoun} asked the islanders about the plan, residents said.\n\n"
            "- For us it is not a game, - she said.")
    assert quote_speakers(text) == [("For us it is not a game", "Olga Rudakova")]


def test_a_one_word_name_with_letters_beyond_a_to_z_speaks():
    text = ('Prime Minister Shinzo Abe met his Czech counterpart in Prague.\n\n'
            'Babiš said Prague backed a negotiated settlement. "We know what occupation means," he added.')
    assert ("We know what occupation means", "Babiš") in quote_speakers(text)


def test_a_question_turn_opening_with_its_outlets_name_is_the_outlets():
    text = ("Deputy spokesman Ivan Petrov held a briefing.\n\n"
            "QUESTION: Kyodo News. The Japanese side expects an answer this autumn. What is your view?\n\n"
            "IVAN PETROV: We will answer in due course.\n\n"
            "QUESTION: NHK. Will the visits resume?\n\n"
            "IVAN PETROV: Not this year.\n\n"
            # a one-word sentence with one capital is no outlet ("Thanks."): the questioner is the one before
            "QUESTION: Thanks. Is a visit being prepared?\n\n"
            "IVAN PETROV: Not yet.")
    assert [speaker for _, speaker in quote_speakers(text)] == ["Kyodo News", "IVAN PETROV", "NHK", "IVAN PETROV",
                                                                "NHK", "IVAN PETROV"]


HEARING = ("The subcommittee met at 2:04 p.m., Hon. Craig Thomas presiding.\n\n"
           "Senator Thomas. The subcommittee will come to order. Our first witness is Mr. Lyle T. Oberg.\n\n"
           "Mr. Oberg. Thank you, Mr. Chairman. The Kawana meeting was a clear sign on the Kuril Islands.\n\n"
           "Senator Thomas. Without objection.\n\n"
           "The CHAIRMAN. We stand adjourned.")


def test_a_congressional_texts_turns_open_with_a_name_and_a_full_stop():
    assert [speaker for _, speaker in quote_speakers(HEARING)] == ["Senator Thomas", "Oberg", "Senator Thomas",
                                                                  "The CHAIRMAN"]
    assert territory_voices(HEARING) == [("Kuril Islands", "quoted", None)]


def test_one_paragraph_opening_with_a_name_and_a_full_stop_is_no_transcript():
    text = ("Mr. Oberg. That was the name the envoy gave the Kuril Islands desk in 1998.\n\n"
            "The talks went on for a week.")
    assert quote_speakers(text) == []
