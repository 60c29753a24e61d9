"""Tests for quotation marks (kuril_research.ingest.voice.quotes) and transcript turns (.turns).

Every text below is made up for the test; mentions come from the small name table below (not from the
gazetteer), so that each expected value can be checked by eye.
"""

from __future__ import annotations

import re

import pytest

from kuril_research.ingest.gazetteer import Mention
from kuril_research.ingest.voice import find_quotes, mark_voice
from kuril_research.testing import paragraph_spans

P = "person"
NAMES = {  # surface -> (entity, entity_type, naming)
    "Sergei Lavrov": ("sergey_lavrov", P, "neutral"), "Lavrov": ("sergey_lavrov", P, "neutral"),
    "Fumio Kishida": ("fumio_kishida", P, "neutral"), "Kishida": ("fumio_kishida", P, "neutral"),
    "Japan": ("japan", "place", "neutral"), "Tokyo": ("tokyo", "place", "neutral"),
    "Russia": ("russia", "place", "neutral"), "Moscow": ("moscow", "place", "neutral"),
    "Northern Territories": ("northern_territories", "collective_name", "japanese"),
    "Southern Kurils": ("southern_kurils", "collective_name", "russian"),
    "Kuril Islands": ("kuril_islands", "archipelago", "neutral"),
    "Kurils": ("kuril_islands", "archipelago", "neutral"),
    "Iturup": ("iturup", "island", "russian"),
    "Shikotan": ("shikotan", "island", "neutral"),
}
NAME_RE = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, NAMES), key=len, reverse=True)) + r")\b")
SENTENCE_RE = re.compile(r"""\S.*?(?:[.!?]["”’']?(?=\s+["“‘'A-Z])|$)""", re.S)



def run(text: str, title: str | None = None):
    paragraphs = paragraph_spans(text)
    sentences = [(m.start(), m.end()) for s, e in paragraphs for m in SENTENCE_RE.finditer(text, s, e)]
    mentions = [Mention(m.start(), m.end(), m.group(), *NAMES[m.group()]) for m in NAME_RE.finditer(text)]
    return mark_voice(text, paragraphs, sentences, mentions, title=title)


def said(text: str, title: str | None = None) -> list[tuple[str, str | None]]:
    """(first words of each quotation, its speaker as written)."""
    quotes, _ = run(text, title)
    return [(" ".join(text[q.start:q.end].split()[:3]), q.speaker_text) for q in quotes]


def voices(text: str) -> list[tuple[str, str]]:
    _, voiced = run(text)
    return [(v.mention.surface, v.voice) for v in voiced if v.mention.entity_type != P]


# --- transcript turns -------------------------------------------------------------------------------


def test_a_label_alone_on_its_line_speaks_the_paragraphs_below_it_up_to_the_next_label():
    # a television transcript: "Name:" on its own line, the words in the paragraphs below
    text = ("ANNA REED:\n\nThe ferry left at dawn. Tokyo calls the islands the Northern Territories.\n\n"
            "Moscow says they are the Southern Kurils.\n\nOLEG SIDOROV (through interpreter):\n\n"
            "We were born on Shikotan.")
    assert said(text) == [("The ferry left", "ANNA REED"), ("Moscow says they", "ANNA REED"),
                          ("We were born", "OLEG SIDOROV")]
    # every name in a turn is quoted, the naming cue "calls" included
    assert voices(text) == [("Tokyo", "quoted"), ("Northern Territories", "quoted"), ("Moscow", "quoted"),
                            ("Southern Kurils", "quoted"), ("Shikotan", "quoted")]


def test_a_label_alone_stops_at_a_heading_a_bracket_or_a_voice_over_mark():
    text = ("ANNA REED:\n\nThe ferry left at dawn.\n\nRelated stories\n\nOLEG SIDOROV:\n\nWe were born there.\n\n"
            ">> The talks resume in May.")
    assert said(text) == [("The ferry left", "ANNA REED"), ("We were born", "OLEG SIDOROV")]


def test_a_soundbite_label_gives_the_quotation_below_it_its_speaker():
    # a wire video script; the name is the part of the description that is a name, linked to a person named before
    text = ("Sergei Lavrov met his counterpart.\n\n(SOUNDBITE) (Russian) RUSSIAN FOREIGN MINISTER, SERGEI LAVROV, "
            "SAYING:\n\n\"The Kurils are ours.\"\n\n>> Japan disagrees.\n\n(SOUNDBITE) (Japanese) FISHERMAN, "
            "KENJI ODA, SAYING:\n\n\"We want to fish there again.\"")
    quotes, voiced = run(text)
    assert [(q.speaker, q.speaker_text) for q in quotes] == [("sergey_lavrov", "Sergei Lavrov"), (None, "KENJI ODA")]
    assert [(v.mention.surface, v.voice) for v in voiced if v.mention.entity_type != P] == [
        ("Kurils", "quoted"), ("Japan", "narrator")]


def test_a_numbered_soundbite_with_the_name_first_and_one_without_a_name():
    text = ("1. SOUNDBITE (Japanese) Kenji Oda, Fisherman:\n\n\"The sea is the same.\"\n\n"
            "2. SOUNDBITE (Russian) PROTESTER, SAYING:\n\n\"Not one island.\"")
    assert said(text) == [('"The sea is', "Kenji Oda"), ('"Not one island."', "PROTESTER")]


def test_an_upper_case_honorific_and_a_lone_family_name_find_the_person_named_before():
    text = ("The minister, Fumio Kishida, took questions.\n\nMR KISHIDA: Thank you.\n\n"
            "QUESTION: Will you visit Iturup?\n\nKishida: Not this year.")
    quotes, _ = run(text)
    assert [(q.speaker, q.speaker_text) for q in quotes] == [
        ("fumio_kishida", "Fumio Kishida"), (None, "QUESTION"), ("fumio_kishida", "Fumio Kishida")]


def test_a_lone_capitalised_word_names_nobody_unless_a_person_bears_it():
    # "Price:" is nobody's family name here; "Photo:" and "Who:" never speak
    text = "Price: 300 yen a kilo.\n\nPhoto: Reuters.\n\nWho: the fishermen.\n\nWhat: a protest."
    assert said(text) == []


def test_a_questioner_who_introduces_himself_with_his_outlet_speaks_the_question():
    text = ("MR KISHIDA: Good morning.\n\nQUESTION: Thanks. Ken Mori with NHK. Is Shikotan next?\n\n"
            "MR KISHIDA: No.")
    assert [s for _, s in said(text)] == ["KISHIDA", "Ken Mori", "KISHIDA"]


def test_labels_that_name_no_speaker_stay_narrator():
    # section labels of a blog and page furniture: no transcript, every name the outlet's
    text = ("Who: Russian troops on Iturup.\n\nWhat: a drill.\n\nSuggested Topics:\n\nKuril Islands\n\n"
            "Updated: the Kurils story was changed.")
    quotes, voiced = run(text)
    assert quotes == []
    assert {v.voice for v in voiced} == {"narrator"}


def test_q_and_a_turns_speak_as_the_interviewee_named_before_them():
    text = ("Fumio Kishida spoke to us in Tokyo.\n\nQ: Will Japan keep asking for the Northern Territories?\n\n"
            "A: Yes. We will never give up the islands.")
    quotes, voiced = run(text)
    assert [(q.speaker, q.speaker_text) for q in quotes] == [(None, "Q"), ("fumio_kishida", "Fumio Kishida")]
    assert ("Northern Territories", "quoted") in [(v.mention.surface, v.voice) for v in voiced]


def test_q_and_a_of_a_page_that_names_nobody_are_the_outlet_s_own_words():
    text = ("Frequently asked questions\n\nQ: What does Japan call the islands?\n\n"
            "A: Japan calls them the Northern Territories.")
    quotes, voiced = run(text)
    assert quotes == []
    assert ("Northern Territories", "attributed") in [(v.mention.surface, v.voice) for v in voiced]


# --- single quotation marks -------------------------------------------------------------------------


def quoted(text: str) -> list[str]:
    """The quotations find_quotes finds, paragraph by paragraph."""
    return [text[s:e] for s, e, _ in find_quotes(text, paragraph_spans(text))]


@pytest.mark.parametrize(("text", "expected"), [
    # British style: single marks around a quotation, before and after the attribution
    ("'We won't give up the islands,' he said.", ["We won't give up the islands,"]),
    ("He said: 'Russia's position hasn't changed since the '90s.'",
     ["Russia's position hasn't changed since the '90s."]),
    # apostrophes inside words and names never open or close anything
    ("O'Brien didn't say it and the islanders' boats stayed home.", []),
    # a plural possessive inside the quotation is no closing mark when a closing mark follows
    ("'The islanders' graves are there,' she said. 'We want to visit.'",
     ["The islanders' graves are there,", "We want to visit."]),
    # ... but closes when nothing else could: fragments in an academic text
    ("Both spoke of 'the issue of the islands' and of 'joint activity' in 2018.",
     ["the issue of the islands", "joint activity"]),
    # double marks nested inside single ones, and single inside double (unchanged)
    ("'They call it \"theft\",' he said.", ['They call it "theft",']),
    ('"The term \'Northern Territories\' is not ours," he said.', ["The term 'Northern Territories' is not ours,"]),
    # curly single marks follow the same rules
    ("‘Japan’s claim is old,’ she said.", ["Japan’s claim is old,"]),
])
def test_single_quotation_marks_and_apostrophes(text, expected):
    assert quoted(text) == expected


def test_double_quotes_and_guillemets_are_unchanged():
    assert quoted('"We will not," he said. «Never», she said.') == ["We will not,", "Never"]


def test_a_single_quoted_quotation_over_several_paragraphs_opens_again_on_each():
    text = "'The sea was ours.\n\n'Then the soldiers came,' he said."
    assert quoted(text) == ["The sea was ours.", "Then the soldiers came,"]


def test_a_single_quoted_quotation_has_its_speaker_and_quotes_its_names():
    text = "'Tokyo must accept that the Kurils are Russian,' Lavrov said."
    quotes, voiced = run(text)
    assert [(q.speaker, text[q.start:q.end]) for q in quotes] == [
        ("sergey_lavrov", "Tokyo must accept that the Kurils are Russian,")]
    assert [(v.mention.surface, v.voice) for v in voiced][:2] == [("Tokyo", "quoted"), ("Kurils", "quoted")]


def test_a_quotation_a_turn_attributes_to_someone_else_is_that_person_s():
    text = ("MR KISHIDA: Good morning.\n\nQUESTION: Yes. As Lavrov told reporters, \"Iturup is Russian.\" Is it?\n\n"
            "MR KISHIDA: As Ambassador Ito put it, \"Japan will wait.\" We call them the Northern Territories.")
    quotes, voiced = run(text)
    assert [(text[q.start:q.end].strip(), q.speaker_text) for q in quotes] == [
        ("Good morning.", "KISHIDA"),
        ("Yes. As Lavrov told reporters,", "QUESTION"), ("Iturup is Russian.", "Lavrov"), ("Is it?", "QUESTION"),
        ("As Ambassador Ito put it,", "KISHIDA"), ("Japan will wait.", "Ito"),
        ("We call them the Northern Territories.", "KISHIDA")]
    # every name in a turn stays quoted, the nested quotation's too
    assert [(v.mention.surface, v.voice) for v in voiced if v.mention.entity_type != P] == [
        ("Iturup", "quoted"), ("Japan", "quoted"), ("Northern Territories", "quoted")]


def test_a_quoted_term_in_a_turn_without_a_speaker_stays_the_turn_s():
    text = "ANNA REED: People here say \"home\" when they mean Shikotan.\n\nOLEG SIDOROV: Yes."
    assert said(text) == [("People here say", "ANNA REED"), ("Yes.", "OLEG SIDOROV")]


def test_every_quotation_of_a_sentence_a_turn_attributes_is_the_persons():
    # the second quotation of the sentence is Lavrov's too, though the first one comes between him and it
    text = ("MR KISHIDA: Good morning.\n\nQUESTION: Lavrov said this week that the \"Northern Day\" was an "
            "\"unfriendly event.\" Your comment?\n\nMR KISHIDA: No comment.")
    assert said(text) == [("Good morning.", "KISHIDA"), ("Lavrov said this", "QUESTION"), ("Northern Day", "Lavrov"),
                          ("was an", "QUESTION"), ("unfriendly event.", "Lavrov"), ("Your comment?", "QUESTION"),
                          ("No comment.", "KISHIDA")]


# --- quotations over several paragraphs, and a lost closing mark ----------------------------------------


def test_a_quotation_over_several_paragraphs_is_one_speaker_s_the_one_its_last_paragraph_names():
    # an opening mark on each paragraph, a closing mark only on the last, the attribution after it
    text = ("Kishida spoke first.\n\n\"We will never give up the Kurils.\n\n\"We were born there.\n\n"
            "\"The islands are ours,\" Lavrov said.")
    assert said(text) == [("We will never", "Lavrov"), ("We were born", "Lavrov"), ("The islands are", "Lavrov")]


def test_a_closed_quotation_before_a_continued_one_keeps_its_own_speaker():
    text = "'We will wait,' Kishida said.\n\n'Tokyo waits.\n\n'Moscow waits too,' Lavrov said."
    assert said(text) == [("We will wait,", "Kishida"), ("Tokyo waits.", "Lavrov"), ("Moscow waits too,", "Lavrov")]


@pytest.mark.parametrize(("text", "expected"), [
    # the closing mark lost before the attribution: the quotation ends at the comma
    ('"We will never give up the Kurils, Kishida said on Monday. Talks resume in May.',
     [("We will never give up the Kurils,", "Kishida")]),
    ('"We will never give up the Kurils, said the minister. Talks resume in May.',
     [("We will never give up the Kurils,", "the minister")]),
    # no attribution inside: the quotation runs to the end of its paragraph, as before
    ('"We will never give up the Kurils. Talks resume in May.\n\nLavrov disagreed.',
     [("We will never give up the Kurils. Talks resume in May.", None)]),
])
def test_a_quotation_whose_closing_mark_was_lost_before_its_attribution(text, expected):
    quotes, voiced = run(text)
    assert [(text[q.start:q.end], q.speaker_text) for q in quotes] == expected


def test_the_names_after_a_lost_closing_mark_are_the_outlet_s():
    _, voiced = run('"Japan will wait, Kishida said. Moscow calls them the Southern Kurils.')
    assert [(v.mention.surface, v.voice) for v in voiced if v.mention.entity_type != P] == [
        ("Japan", "quoted"), ("Moscow", "narrator"), ("Southern Kurils", "attributed")]


def test_a_briefing_s_own_paragraphs_before_its_first_label_are_the_person_the_headline_names():
    text = ("On Japan's new white paper\n\nWe reject the claim that the Kurils are occupied.\n\n"
            "Answers to media questions\n\nQuestion: Will Lavrov visit Tokyo?\n\nSergei Lavrov: Not this year.")
    title = "Briefing by Foreign Ministry Spokeswoman Anna Berg, Moscow, May 5"
    quotes, voiced = run(text, title)
    assert [(text[q.start:q.end][:10], q.speaker_text) for q in quotes] == [
        ("We reject ", "Anna Berg"), ("Will Lavro", "Question"), ("Not this y", "Sergei Lavrov")]
    assert [(v.mention.surface, v.voice) for v in voiced if v.mention.entity_type != P] == [
        ("Japan", "narrator"), ("Kurils", "quoted"), ("Tokyo", "quoted")]
    # a headline that names no speaker, or a page without labels: the outlet's words
    assert said(text, "Moscow answers Tokyo")[0] == ("Will Lavrov visit", "Question")


@pytest.mark.parametrize(("label", "expected"), [
    # the title before the name, with or without a comma; the name before its title; no name at all
    ("(SOUNDBITE) (English) U.S. PRESIDENT JOE BIDEN, SAYING:", "JOE BIDEN"),
    ("(SOUNDBITE) (Japanese) FORMER ISLAND RESIDENT HIROSHI ITO SAYING:", "HIROSHI ITO"),
    ("(SOUNDBITE) (Russian) KURIL ISLANDS RESIDENT, IVAN ORLOV, SAYING:", "IVAN ORLOV"),
    ("SOUNDBITE (Japanese) Taro Sato, Nemuro resident:", "Taro Sato"),
    ("(SOUNDBITE) (Russian) VILLAGER SAYING:", "VILLAGER"),
])
def test_the_speaker_of_a_soundbite_label_is_the_name_in_its_description(label, expected):
    text = f"Talks failed.\n\n{label}\n\n\"Nothing will change.\"\n\n{label}\n\n\"Nothing at all.\""
    assert [s for _, s in said(text)] == [expected, expected]


@pytest.mark.parametrize(("text", "expected"), [
    # a plural possessive before a proper noun inside a quotation
    ("'The Russians' Kuril policy is clear,' she said.", ["The Russians' Kuril policy is clear,"]),
    # an autocorrected ‘ for left-out digits opens nothing
    ("In the ‘90s the islanders’ hopes rose. ‘Not now,’ he said.", ["Not now,"]),
])
def test_more_apostrophes_that_look_like_marks(text, expected):
    assert quoted(text) == expected


def test_section_labels_alone_on_their_line_make_no_transcript():
    # two bare headings that look like names: neither speaks, so the text is no transcript
    text = "Key Points:\n\nMoscow calls them the Southern Kurils.\n\nRelated Stories:\n\nTokyo protests again."
    quotes, voiced = run(text)
    assert quotes == []
    assert ("Southern Kurils", "attributed") in [(v.mention.surface, v.voice) for v in voiced]


def test_a_lone_place_name_label_is_no_speaker_though_a_longer_name_holds_it():
    text = ("The Nemuro Bay fleet sailed.\n\nNemuro: boats stayed home.\n\nMr. Ken Oda spoke.\n\n"
            "Oda: We waited.\n\nMR ODA: We wait.")
    assert said(text) == [("We waited.", "Ken Oda"), ("We wait.", "Ken Oda")]


# --- soundbites printed without quotation marks ---------------------------------------------------------


def test_a_first_person_sentence_after_a_speech_verb_is_an_unmarked_soundbite():
    # a radio transcript: the presenter names himself, then a resident's words follow "said" without marks
    text = ("I'm Ken Oda with the news.\n\n"
            "Former residents met in Tokyo. One of them, Aiko Mori, said she was sad. "
            "I was born on Shikotan. My parents are buried there.")
    assert said(text) == [("I was born", "Aiko Mori")]
    assert voices(text) == [("Tokyo", "narrator"), ("Shikotan", "quoted")]


@pytest.mark.parametrize("text", [
    # a column: the author writes "I" before, so a later "I" is the author's too
    "I flew over Shikotan last year.\n\nA resident said she was sad. I was moved by Shikotan.",
    # no speech verb in the sentence before: no soundbite
    "The resident was sad. I visited Shikotan with her.",
])
def test_the_first_person_of_an_author_is_no_soundbite(text):
    assert said(text) == []
    assert {v for _, v in voices(text)} == {"narrator"}
