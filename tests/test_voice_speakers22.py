"""Round 22's speaker rules, each on a hand-made text: a person's title with its complement printed right before
the name ("the Governor of Hokkaido Naomichi Suzuki", as wires and translations from Russian print it), and a
possessive description in apposition after a name ("Dmitry Peskov, Mr Putin's spokesman,"): the name speaks."""

from __future__ import annotations

import pytest

from tests.voice_helpers import quote_speakers


@pytest.mark.parametrize("titled, name", [
    ("the Governor of Hokkaido Naomichi Suzuki", "Naomichi Suzuki"),
    ("The press secretary of the President Dmitry Peskov", "Dmitry Peskov"),
    ("the Minister of Foreign Affairs Anatoly Korneev", "Anatoly Korneev"),
])
def test_a_title_with_its_complement_before_a_name_is_the_names(titled, name):
    text = f'At the rally in Sapporo, {titled} spoke about the "illegal occupation" of the islands.'
    assert quote_speakers(text) == [("illegal occupation", name)]


def test_a_government_of_a_named_leader_stays_the_government():
    # a government is an organisation, not a title of the person after "of"
    text = 'The government of Prime Minister Sanae Takaichi says the step is "regrettable".'
    assert quote_speakers(text) == [("regrettable", "The government")]


def test_a_pronoun_after_a_name_with_a_possessive_apposition_is_the_name():
    text = ('Dmitry Peskov, Mr Putin\'s spokesman, confirmed the talks. "The declaration says the islands may be '
            'handed over," he said.')
    assert quote_speakers(text) == [("The declaration says the islands may be handed over", "Dmitry Peskov")]


def test_a_possessive_description_that_opens_its_sentence_still_speaks():
    # no name before it: the description is the speaker as written
    text = 'Mr Putin\'s spokesman told reporters the islands were "not for sale".'
    assert quote_speakers(text) == [("not for sale", "Mr Putin's spokesman")]


@pytest.mark.parametrize("opening", [
    "Ivan Petrov said",
    "Ivan Petrov, a fellow at the institute, said",  # ", said Abe" here is no inverted attribution
])
def test_a_name_after_a_speech_verb_opening_a_reported_clause_is_not_the_next_he(opening):
    text = f'{opening} Abe appeared ready to accept a smaller prize. "The message is shifting," he said.'
    assert quote_speakers(text) == [("The message is shifting", "Ivan Petrov")]


def test_an_inverted_attribution_still_names_its_speaker():
    text = 'Talks will resume, said Lavrov, adding that nothing was agreed. "We are ready," he said.'
    assert quote_speakers(text) == [("We are ready", "Lavrov")]


@pytest.mark.parametrize("verb", ["complains", "argues", "laments", "insists"])
def test_an_inverted_attribution_with_another_speech_verb_names_its_speaker(verb):
    text = f'"Every month we wait, the Koreans sign contracts," {verb} Hideo Nagamatsu, a trading-house manager.'
    assert quote_speakers(text) == [("Every month we wait, the Koreans sign contracts", "Hideo Nagamatsu")]


@pytest.mark.parametrize("text, speaker", [
    ('Moscow was quick to respond:\n\n🔸 "Tokyo cannot make demands of us while it arms Kiev" – Foreign Ministry '
     'spokeswoman Maria Zakharova', "Maria Zakharova"),
    ('"We will never give up the islands." — Ivan Petrov, deputy of the regional duma', "Ivan Petrov"),
])
def test_a_quotation_signed_with_a_dash_is_its_signatures(text, speaker):
    assert [who for _, who in quote_speakers(text)] == [speaker]


def test_a_dash_after_a_quotation_inside_a_sentence_signs_nothing():
    text = 'He spoke of "a new stage" – a phrase Tokyo welcomed.'
    assert quote_speakers(text) == [("a new stage", None)]


def test_a_pronoun_after_a_sentence_opened_by_a_persons_response_is_that_person():
    text = ('Prime Minister Fumio Kishida spoke in the Diet. Kishida\'s response was cooler than anything Abe would '
            'have said. "It is Russia that has created this situation," he told the Diet.')
    assert quote_speakers(text) == [("It is Russia that has created this situation", "Fumio Kishida")]


def test_a_persons_crew_opening_a_sentence_is_still_no_topic():
    text = ('Mr. Kawabata\'s crew sorted the catch while Ivan Petrov watched. "The sea is closed," he said.')
    assert quote_speakers(text) == [("The sea is closed", "Ivan Petrov")]


def test_a_broadcasters_name_is_no_persons_and_its_place_no_surname():
    # "Radio Canada International" was read as a person "Canada International", whose "Canada" then stood for
    # him in "Canada has no direct stake ..."; the next "he" went to him
    text = ('Jean-Philippe Corriveau, a political scientist, says Abe is taking a risk.\n\n'
            '"The position was four islands or nothing," Corriveau said in an interview with Radio Canada '
            'International.\n\nCanada has no direct stake in the dispute, but Corriveau says Canadians should pay '
            'attention.\n\n"Japan is one of our closest partners," he said.')
    assert [who for _, who in quote_speakers(text)] == ["Jean-Philippe Corriveau", "Jean-Philippe Corriveau"]
