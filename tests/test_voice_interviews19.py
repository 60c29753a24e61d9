"""Interviews and transcripts whose turns a reader sees without the usual labels (round 19).

Every text is hand-made; the expected speakers were read off each text by hand.
"""

from __future__ import annotations

from tests.voice_helpers import territory_speakers as voices_under


# --- labels in capitals: the interviewer's outlet and the interviewee's family name -------------------------

def test_a_family_name_label_in_capitals_is_the_interviewee_beside_an_outlets_acronym():
    # both labels are words in capitals; the family name's full name is written before, so it is no acronym
    text = ("The head of the district, Anna Berg, spoke to our correspondent.\n\n"
            "VESTNIK: What does Kunashir look like today?\n\n"
            "BERG: Kunashir has water again, but Shikotan has none.\n\n"
            "VESTNIK: And the Habomai islets?\n\n"
            "BERG: Nobody lives on the Habomai islets.")
    assert voices_under(text) == [
        ("Kunashir", "quoted", "VESTNIK"), ("Kunashir", "quoted", "Anna Berg"), ("Shikotan", "quoted", "Anna Berg"),
        ("Habomai islets", "quoted", "VESTNIK"), ("Habomai islets", "quoted", "Anna Berg")]


def test_two_acronym_labels_that_name_nobody_are_still_no_interview():
    text = ("Figures for Kunashir are provisional.\n\nNB: Kunashir counts 8,000 people.\n\n"
            "NB: Shikotan counts 3,000.\n\nPS: Iturup was not counted.\n\nPS: Nor Habomai.")
    assert {voice for _, voice, _ in voices_under(text)} == {"narrator"}


# --- a transcript's headline naming its speaker in the possessive -------------------------------------------

TRANSCRIPT = ("Ladies and gentlemen,\n\n"
              "We discussed Kunashir and Iturup today. I will not hide that our positions differ.\n\n"
              "Question (to Ivan Petrov): Ken Oda, Kyodo News. Will visits to Shikotan resume?\n\n"
              "Ivan Petrov: Visits to Shikotan will resume in May.\n\n"
              "Question: And Iturup?\n\n"
              "Ivan Petrov: Iturup too.")


def test_the_opening_remarks_of_a_transcript_are_those_of_the_person_its_headline_names_in_the_possessive():
    got = voices_under(TRANSCRIPT, "Foreign Minister Ivan Petrov's remarks and answers to media questions, Moscow")
    assert got[:2] == [("Kunashir", "quoted", "Ivan Petrov"), ("Iturup", "quoted", "Ivan Petrov")]


def test_a_questioner_introducing_himself_after_a_bracketed_question_label_speaks_the_question():
    got = voices_under(TRANSCRIPT, "Foreign Minister Ivan Petrov's remarks and answers to media questions, Moscow")
    assert got[2:4] == [("Shikotan", "quoted", "Ken Oda"), ("Shikotan", "quoted", "Ivan Petrov")]


def test_a_headline_with_a_possessive_that_is_no_transcript_noun_names_no_speaker():
    got = voices_under(TRANSCRIPT, "Ivan Petrov's visit to Moscow")
    assert got[:2] == [("Kunashir", "narrator", None), ("Iturup", "narrator", None)]


# --- interviews printed as bare questions and answers ------------------------------------------------------

INTERVIEW = ("Japan and Russia met again last month without a deal on the islands. The Review spoke with Anna "
             "Berg, a historian who has interviewed former residents of Shikotan. The conversation has been "
             "edited for length.\n\n"
             "What exactly is disputed?\n\n"
             "Four islands at the end of the Kuril chain. I usually start with Kunashir and Iturup.\n\n"
             "Why does it matter so much?\n\n"
             "For Japan the Northern Territories are a question of justice.\n\n"
             "Did you meet people on Shikotan?\n\n"
             "Yes. We talked about Habomai, which they can see from the shore.\n\n"
             "Anna Berg teaches at a university in Melbourne.")


def test_a_bare_interview_gives_questions_to_the_cues_subject_and_answers_to_its_object():
    assert voices_under(INTERVIEW) == [
        ("Shikotan", "narrator", None),  # the introduction is the outlet's
        ("Kuril chain", "quoted", "Anna Berg"), ("Kunashir", "quoted", "Anna Berg"), ("Iturup", "quoted", "Anna Berg"),
        ("Northern Territories", "quoted", "Anna Berg"),  # an answer without "I" or "we", between two that have one
        ("Shikotan", "quoted", "The Review"),
        ("Habomai", "quoted", "Anna Berg")]


def test_a_bare_interview_without_an_interview_cue_is_an_explainer_in_the_outlets_voice():
    explainer = INTERVIEW.replace("The Review spoke with Anna Berg, a historian who has interviewed", "Anna Berg, a "
                                  "historian, has met").replace(" The conversation has been edited for length.", "")
    assert {voice for _, voice, _ in voices_under(explainer)} == {"narrator"}


def test_an_explainer_whose_answers_never_speak_in_the_first_or_second_person_is_no_interview():
    explainer = ("Our correspondent spoke to officials in Tokyo this week.\n\n"
                 "Where are the islands?\n\nKunashir and Iturup lie north-east of Hokkaido.\n\n"
                 "Who holds them?\n\nRussia has held Shikotan since 1945.\n\n"
                 "Is a deal near?\n\nNo talks on Habomai are planned.")
    assert {voice for _, voice, _ in voices_under(explainer)} == {"narrator"}


def test_the_interviewee_is_the_name_written_most_often_and_the_asker_follows_a_host_noun():
    text = ("When Olga Sokolova heard the news, she thought of her pupils.\n\n"
            "Sokolova teaches history on Shikotan. Sokolova told guest host Mark Leary about it.\n\n"
            "Vladimir Putin spoke on Thursday. Here is part of their conversation.\n\n"
            "How did people on Shikotan react?\n\nWe laughed, then we worried.\n\n"
            "What do you tell your pupils about Iturup?\n\nI tell them both sides.\n\n"
            "Will you stay?\n\nYes. Kunashir is too far, and Japan farther.")
    assert voices_under(text) == [
        ("Shikotan", "narrator", None), ("Shikotan", "quoted", "Mark Leary"), ("Iturup", "quoted", "Mark Leary"),
        ("Kunashir", "quoted", "Olga Sokolova")]


def test_a_bare_interview_whose_answerer_the_text_does_not_single_out_has_no_turns():
    # two names written once each and no "spoke with": nobody to give the answers to
    text = ("Olga Sokolova and Mark Leary met in Nemuro. Here is part of the conversation.\n\n"
            "How did people on Shikotan react?\n\nWe laughed, then we worried.\n\n"
            "What about Iturup?\n\nI tell them both sides.\n\n"
            "Will you stay?\n\nYes. Kunashir is too far.")
    assert {voice for _, voice, _ in voices_under(text)} == {"narrator"}


# --- the words on a banner: the subject after an opening adverbial -------------------------------------------

def test_banner_words_speak_as_the_clauses_subject_after_a_place_or_time_adverbial():
    text = ("Outside the Japanese embassy in Moscow, a small group of protesters held placards reading "
            "\"The Kurils are Russian land\".\n\n"
            "Days before the visit, several hundred people gathered near the Kremlin with banners reading "
            "\"Hands off Iturup\".")
    assert voices_under(text) == [("Kurils", "quoted", "a small group of protesters"),
                                  ("Iturup", "quoted", "several hundred people")]


# --- an interviewing outlet's label; a name's full form on its own line -------------------------------------

def test_a_recurring_label_whose_turns_ask_is_the_interviewer_beside_a_named_interviewee():
    text = ("Ambassador Ivan Petrov spoke to the Vestnik before the summit.\n\n"
            "Vestnik: Will the summit settle Kunashir?\n\n"
            "Ivan Petrov: Kunashir is not on the table.\n\n"
            "Vestnik: And Shikotan?\n\n"
            "Ivan Petrov: Shikotan neither.")
    assert voices_under(text) == [
        ("Kunashir", "quoted", "Vestnik"), ("Kunashir", "quoted", "Ivan Petrov"),
        ("Shikotan", "quoted", "Vestnik"), ("Shikotan", "quoted", "Ivan Petrov")]


def test_a_label_that_recurs_without_asking_and_names_nobody_is_no_interviewer():
    text = ("Ivan Petrov spoke before the summit.\n\nAgenda: Kunashir first.\n\n"
            "Ivan Petrov: Kunashir is not on the table.\n\nAgenda: Shikotan next.")
    got = voices_under(text)
    assert [g for g in got if g[2] == "Agenda"] == []


def test_a_capital_letter_label_takes_the_full_name_written_on_one_line_not_across_a_line_break():
    text = ("Presenter: Karen Whitby\nSpeakers: Ivan Petrov, correspondent\n\n"
            "WHITBY: Kunashir had a visitor this week.\n\n"
            "PETROV: Yes, the prime minister flew to Kunashir.\n\n"
            "WHITBY: And Iturup?\n\n"
            "PETROV: Not Iturup.")
    assert voices_under(text) == [
        ("Kunashir", "quoted", "Karen Whitby"), ("Kunashir", "quoted", "Ivan Petrov"),
        ("Iturup", "quoted", "Karen Whitby"), ("Iturup", "quoted", "Ivan Petrov")]


def test_a_bare_interviews_interviewee_may_be_named_in_its_headline():
    text = ("Anna Berg has recorded the memories of former islanders for 15 years. Excerpts from the interview "
            "follow.\n\n"
            "How did you start?\n\nMy grandmother was born on Shikotan.\n\n"
            "What do they remember?\n\nWe talked about Kunashir mostly.\n\n"
            "And the future?\n\nI think of Iturup's children.")
    assert voices_under(text, "INTERVIEW/ Anna Berg: Memories must outlive the dispute") == [
        ("Shikotan", "quoted", "Anna Berg"), ("Kunashir", "quoted", "Anna Berg"), ("Iturup", "quoted", "Anna Berg")]
    # without the headline the name is written once: nobody to give the answers to
    assert {voice for _, voice, _ in voices_under(text)} == {"narrator"}


# --- "the head of the region": a role noun with a phrase pointing back --------------------------------------

def test_the_head_of_the_municipality_after_a_quotation_is_the_district_head_named_before():
    text = ("The head of the South Kuril urban district, Pyotr Zimin, said ferries to Shikotan would resume. "
            "\"We are feeding people on Kunashir,\" the head of the municipality stressed.\n\n"
            "Governor Valery Limarenko spoke on regional television. \"Iturup needs a second ship,\" the head of "
            "the region said.")
    assert voices_under(text)[1:] == [("Kunashir", "quoted", "Pyotr Zimin"), ("Iturup", "quoted", "Valery Limarenko")]


def test_the_head_of_something_new_is_a_new_speaker_as_written():
    text = ("Pyotr Zimin, the district head, spoke first. \"Shikotan will wait,\" said the head of a Hokkaido "
            "trading house.")
    assert voices_under(text)[-1] == ("Shikotan", "quoted", "the head of a Hokkaido trading house")


# --- a feature's one voice after a paragraph of background -------------------------------------------------

FEATURE = ("Mr. Ken Sato (91) of Kurobe City was born on Shikotan. \"We dried kombu on Shikotan,\" he says.\n\n"
           "In 1945 soldiers landed. Mr. Sato was 11. \"They came into our house on Shikotan with guns.\"\n\n"
           "The family lived with Soviet families for two years, then returned to Kurobe City.\n\n"
           "\"We thought we could go back to Shikotan soon.\"")


def test_an_unattributed_quotation_after_a_paragraph_of_background_goes_on_with_the_speaker_before_it():
    assert voices_under(FEATURE)[-1] == ("Shikotan", "quoted", "Ken Sato")


def test_a_paragraph_naming_another_person_between_ends_that_voice():
    text = FEATURE.replace("returned to Kurobe City.", "returned to Kurobe City, where Ivan Petrov found them a house.")
    assert voices_under(text)[-1] == ("Shikotan", "quoted", None)


def test_a_news_databases_article_text_field_is_no_speaker_label():
    # NewsBank prints "Article Text:" alone on its line above the story; the story stays the outlet's
    text = ("Article Text:\n\nTHE Russian President yesterday visited Tokyo to talk about Kunashir.\n\n"
            "The two sides named Etorofu and Shikotan in a declaration.")
    assert {voice for _, voice, _ in voices_under(text)} == {"narrator"}


def test_a_single_quotation_opened_after_an_attribution_goes_on_in_the_next_paragraph_opened_again():
    # British style: single marks, the quotation carried into the next paragraph, which opens with a mark again
    text = ("'This is a message,' she told the paper. 'Moscow is telling Tokyo about Kunashir.\n\n"
            "'The Kremlin has spent years dangling Iturup in front of them.'\n\n"
            "Officials on Shikotan were not available for comment.")
    assert voices_under(text) == [("Kunashir", "quoted", "she"), ("Iturup", "quoted", "she"),
                                  ("Shikotan", "narrator", None)]


def test_that_before_a_time_is_no_relative_pronoun_making_a_text_the_speaker():
    text = ('In a statement posted late that evening, the ministry said it did "not intend to discuss Iturup".')
    assert voices_under(text) == [("Iturup", "quoted", "the ministry")]
    # a relative "which" still makes the text the subject of its verb
    text = 'A resolution adopted that day, which calls the islands "Russian land, Iturup included", was sent on.'
    assert voices_under(text) == [("Iturup", "quoted", "A resolution")]


def test_a_possessor_after_an_inverted_speech_verb_is_no_speaker_of_the_next_quotation():
    text = ("Hiroyuki Sasamoto fishes off Shikotan.\n\n\"At the harbor, Kunashir is calm,\" said Sasamoto's wife, "
            "Kazue, who sorts the kelp behind their house. \"Nobody dares to talk about Iturup.\"")
    assert voices_under(text)[1:] == [("Kunashir", "quoted", "Kazue"), ("Iturup", "quoted", "Kazue")]


# --- quotations inside quotations: an adverb before the verb, a capitalised adjective ---------------------------

def test_an_inner_quotation_after_a_subject_and_an_adverb_is_the_subjects():
    text = ("\"We have watched Japan with sympathy,\" said Aarne Luukkonen, a chairman. \"But a Japanese friend once "
            "told me, 'At least you can drive to Shikotan.'\"")
    assert voices_under(text) == [("Shikotan", "quoted", "a Japanese friend")]


def test_she_inside_a_quotation_is_the_woman_the_speaker_brought_in_with_a_capitalised_adjective():
    text = ("\"I asked a Russian woman near the school about our house. She told me, 'It was always a Russian "
            "field on Shikotan.' I did not argue,\" Mrs Hirose said.")
    assert voices_under(text) == [("Shikotan", "quoted", "a Russian woman")]
