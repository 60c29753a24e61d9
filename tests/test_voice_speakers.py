"""Speakers of quotations: the subject of the speech predicate, and the topic a subject pronoun continues.

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
    # a chain of "He" sentences goes back to the name; "His father" is someone related to him, not him
    ("Jiro Tanabe, who has died aged 90, was one of the last islanders.\n\n"
     "He was 11 when soldiers came ashore. His father, who ran a cannery, was ordered to keep it working. "
     "In 1947 the family were deported.\n\n"
     '"We were not refugees," he would insist.',
     [("We were not", "Jiro Tanabe")]),
    # "It" continues the body that spoke in the sentence before, not the post it talked about
    ('A caption on one post reads: "The islands are back." The Russian embassy in Tokyo said in an email that '
     'the claim was "a fake." It added: "The islands are Russian."',
     [("The islands are", "A caption on one post"), ("a fake.", "The Russian embassy in Tokyo"),
      ("The islands are", "The Russian embassy in Tokyo")]),
    # the subject of the sentence before, a description written as a phrase, not the last person named
    ('"Talks are possible," Lavrov said.\n\n'
     "The Russian top diplomat recalled that Putin and Abe had agreed to speed up the talks in 2018.\n\n"
     '"Our colleagues cannot change their position," he noted.',
     [("Talks are possible,", "Lavrov"), ("Our colleagues cannot", "Lavrov")]),
    # a possessive title opening the sentence before is the subject; the earlier speaker is not
    ('"The drills concern no one," Peskov said.\n\n'
     "At another briefing, Japan's Chief Cabinet Secretary gave an update. "
     'He said the firing took place "in our waters," and that a protest had been lodged.',
     [("The drills concern", "Peskov"), ("in our waters,", "Japan's Chief Cabinet Secretary")]),
])
def test_pronoun_continues_the_topic(text, expected):
    assert speakers(text) == expected


def test_name_after_a_preposition_is_no_subject():
    # "of Hokkaido University" qualifies the professor, who speaks
    text = ("Professor Ivan Sidorov of Hokkaido University believes the vote changes little: "
            '"The wording is harder, yes."')
    assert speakers(text) == [("The wording is", "Ivan Sidorov")]


def test_apposition_with_an_age_names_the_subject():
    text = ('One former islander, 90-year-old Jiro Tanabe, showed old photos.\n\n"We had a school," he said.')
    assert speakers(text) == [("We had a", "Jiro Tanabe")]


def test_subordinate_clause_subject_is_not_the_pronoun():
    # "After a minister spoke of ..., he wrote": "he" is the subject of the sentence before, not the minister
    text = ('Ivan Petrov went further than anyone. After a Japanese minister spoke of "our islands," '
            'he wrote that the Japanese "can go home" if unhappy.')
    assert speakers(text)[1] == ("can go home", "Ivan Petrov")


def test_pronoun_of_another_gender_may_be_a_possessive_phrase():
    # "her father" is not "her", so "he" may be him; "His father" for "he" is never "he" (first test)
    text = ('At gunpoint, her father shielded his daughters in their home.\n\n'
            '"Only after you kill me!" he shouted at the soldiers.')
    assert speakers(text) == [("Only after you", "her father")]


@pytest.mark.parametrize("text, expected", [
    # the one a source quotes speaks, not the source
    ('The trip "hurts the feelings of the people," a ministry official quoted Hayashi as saying.',
     [("hurts the feelings", "Hayashi")]),
    # an opening "According to X," with no speech verb of another subject after it: X
    ('According to Putin, after both countries ratified the document, "Japan refused to implement it."',
     [("Japan refused to", "Putin")]),
    # ... but a clause with a subject of its own speaks for itself
    ('According to the diplomat, Foreign Minister Jiro Tanabe keeps calling the islands "illegally occupied."',
     [("illegally occupied.", "Jiro Tanabe")]),
])
def test_attribution_names_the_one_whose_words_they_are(text, expected):
    assert speakers(text) == expected


def test_document_in_a_persons_sentence_does_not_speak():
    # the declaration is what Putin talks about; the relative clause's "said" is not the main verb
    text = ("Speaking about the 1956 Joint Declaration, which said the Soviet Union would hand over two islands, "
            'Putin said the declaration did "not say on what conditions" the islands would be transferred.')
    assert speakers(text) == [("not say on", "Putin")]


def test_a_titles_own_preposition_does_not_make_a_complement():
    # "Ambassador to Japan Ivan Petrov": the name is the subject, "to Japan" belongs to the title
    text = ('Moscow reacted sharply.\n\nUkraine\'s Ambassador to Japan Ivan Petrov told reporters that both '
            'capitals were now "speaking the same language" about it.')
    assert speakers(text) == [("speaking the same", "Ivan Petrov")]


def test_a_name_with_initials_is_kept_whole():
    text = 'James D.J. Brown, a professor in Tokyo, said the talks were "going nowhere."'
    assert speakers(text) == [("going nowhere.", "James D.J. Brown")]


@pytest.mark.parametrize("text, expected", [
    # a share of a group speaks as the group, past an opening source
    ('According to the centre, 93% of those polled on the islands said they were "Russian land," while 4% '
     "disagreed.", [("Russian land,", "those polled")]),
    ('Most of the fishermen in the port said the ban was "a death sentence."',
     [("a death sentence.", "the fishermen")]),
    # a long subject with an active participle after its head: the head's phrase speaks
    ('A Facebook post in English sharing the same clip says: "They pulled out." It was false.',
     [("They pulled out.", "A Facebook post in English")]),
])
def test_group_and_post_subjects_are_kept_as_written(text, expected):
    assert speakers(text) == expected


def test_a_pronoun_and_any_verb_after_the_closing_mark_attribute_the_quotation():
    # "gasps" is in no list of speech verbs; "she" + a finite verb right after the quotation attributes it
    text = ("Akiko Tanabe kneels beside the headstone. She arranges a posy of daffodils.\n\n"
            '"Now I feel at peace," she gasps, the tears coursing down her cheeks.')
    assert speakers(text) == [("Now I feel", "Akiko Tanabe")]


def test_a_fragment_in_a_speech_verbs_clause_is_its_subjects_not_the_trailing_sources():
    # Ivan Petrov told reporters; the agency only reports the whole sentence
    text = ('Kremlin spokesman Ivan Petrov told reporters that the leaders agreed to talk "on the basis of the '
            'old declaration," the Interfax news agency reported.')
    assert speakers(text) == [("on the basis", "Ivan Petrov")]
    # a whole quotation before the source is the source's
    text = '"We will talk on the basis of the old declaration," the Interfax news agency reported.'
    assert speakers(text) == [("We will talk", "the Interfax news agency")]


def test_a_subject_phrase_ends_before_its_relative_clause():
    # "who fishes kelp off the island, the islet closest to the coast," describes the skipper, who speaks
    text = ("A skipper in his sixties who fishes kelp off Kaigara Island, the islet closest to the coast, said a "
            'patrol ship followed him "for three hours, like a dog."')
    assert speakers(text) == [("for three hours,", "A skipper in his sixties")]


def test_an_embassy_with_its_side_and_place_is_one_speaker():
    # "in Tokyo" belongs to the embassy: Tokyo does not speak, and "it" in the embassy's own clause is the embassy
    text = ('In Moscow, the reaction was quick. The Russian embassy in Tokyo denounced on Telegram what it called '
            '"a hostile campaign," and said the islands had become Russian "after the war."')
    assert speakers(text) == [("a hostile campaign,", "The Russian embassy in Tokyo"),
                              ("after the war.", "The Russian embassy in Tokyo")]


def test_a_pronoun_continues_the_name_in_apposition_after_a_title():
    # the description's name is given in apposition with its own title: "he" is that name, not the description
    text = ('Japan\'s top government spokesman, Chief Cabinet Secretary Ivan Petrov, said the drills were "wrong" '
            'because of the islands.\n\n"We have protested through diplomatic channels," he told a news conference.')
    assert speakers(text) == [("wrong", "Ivan Petrov"), ("We have protested", "Ivan Petrov")]


def test_a_relative_clause_closed_by_a_comma_and_a_verb_does_not_govern_the_fragment():
    # "which promised ..." describes the declaration and ends at the comma; "now looked" is the main clause,
    # reported by Ivan Petrov, the subject of "said"
    text = ('Ivan Petrov said hopes built on the old declaration, which promised Tokyo two islands, now looked '
            '"more distant than ever".')
    assert speakers(text) == [("more distant than", "Ivan Petrov")]
    # without the closing comma and verb the relative clause's verb governs the fragment: Tokyo speaks
    text = 'The drills drew a protest from Tokyo, which called them "unacceptable".'
    assert speakers(text) == [("unacceptable", "Tokyo")]


@pytest.mark.parametrize("text, expected", [
    # the banner carries the words; the people who carry it speak, as written, after the time phrase
    ('Last Sunday about two hundred people marched in Omsk with banners reading "Not one island."',
     [("Not one island.", "about two hundred people")]),
    # a named person carrying a sign speaks; each quotation of the list is the carrier's
    ('Ivan Petrov held up a placard saying "No deal" and "Hands off."',
     [("No deal", "Ivan Petrov"), ("Hands off.", "Ivan Petrov")]),
    # a chanted slogan is the chanting crowd's
    ('The marchers chanted slogans such as "The islands stay ours."', [("The islands stay", "The marchers")]),
    # a place phrase opening the sentence is no part of the subject ("In the ..." is no time phrase "In May")
    ('In the port city of Nemuro, about 90 people took part chanting the slogan, "Give them back."',
     [("Give them back.", "about 90 people")]),
    # the carrier stands in a later clause with its own subject: that subject, not the first quotation's speaker
    ('"Not one island," Ivan Petrov told the rally, during which the crowd chanted slogans such as "Hands off."',
     [("Not one island,", "Ivan Petrov"), ("Hands off.", "the crowd")]),
    # "chanted" is a speech verb: the chanting subject before a colon speaks
    ('The crowd in Omsk chanted: "Not one island!"', [("Not one island!", "The crowd in Omsk")]),
])
def test_text_carried_by_an_object_speaks_as_the_clauses_subject(text, expected):
    assert speakers(text) == expected


def test_a_person_reported_in_a_that_clause_speaks_not_the_outlet_reporting():
    # the paper is the sentence's subject, but the fragment is the naming of the person its "that" clause reports
    text = ('Sankei noted that it was his first comment, and said that Ivan Petrov referred to the '
            'islands only as "the southern part."')
    assert speakers(text) == [("the southern part.", "Ivan Petrov")]
    # a person after "that" who only is something (no speaking or naming verb) does not speak: the subject does
    text = 'Ivan Petrov noted the visit, and said that Taro Sato was "a friend."'
    assert speakers(text) == [("a friend.", "Ivan Petrov")]


@pytest.mark.parametrize("text, expected", [
    # a definite plural noun of people after the quotation is a group that speaks as written
    ('"The islands are ours!" the demonstrators chanted.', [("The islands are", "the demonstrators")]),
    ('"We want to go home," the islanders said.', [("We want to", "the islanders")]),
    # a definite singular title still means someone named before, not a new speaker as written
    ('"We want to go home," the director said.', [("We want to", None)]),
])
def test_a_definite_plural_group_after_the_quotation_speaks_as_written(text, expected):
    assert speakers(text) == expected


def test_the_object_of_quoted_before_a_colon_speaks():
    # "quoted X:" introduces X's words as "quoted X as saying" does; the outlet only reports them
    text = 'Sankei quoted Ivan Petrov: "The islands are Russian."'
    assert speakers(text) == [("The islands are", "Ivan Petrov")]
    text = 'The paper quoted a senior official: "We expected nothing else."'
    assert speakers(text) == [("We expected nothing", "a senior official")]


@pytest.mark.parametrize("text, expected", [
    # a quotation printed first; the sentence after it names the speaker by a cue, with a title before the name
    ('"The claims are unacceptable." This was stated by the head of the district, Anna Belova.',
     [("The claims are", "Anna Belova")]),
    # the naming sentence may open the next paragraph
    ('"Our position will not change."\n\nThese words belong to Ivan Petrov.',
     [("Our position will", "Ivan Petrov")]),
    # a speaker named by no candidate stands as written, up to a preposition
    ('"Nobody asked us." So said a fisherman on the pier.', [("Nobody asked us.", "a fisherman")]),
    # a quotation with its speaker before it keeps him; "This was said by" then reports something else
    ('Ivan Petrov said: "We wait." This was said by many before him.', [("We wait.", "Ivan Petrov")]),
])
def test_a_speaker_named_in_the_sentence_after_the_quotation(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # words after the name that are no part of a noun phrase do not make the title and name a phrase as written
    ('Foreign Minister Ivan Petrov in turn said the troops act "within the law."', [("within the law.", "Ivan Petrov")]),
    ('Minister Ivan Petrov was quick to call the visit "a provocation."', [("a provocation.", "Ivan Petrov")]),
    # a name after a preposition qualifies the phrase, which speaks as written
    ('The government of Prime Minister Ivan Petrov says it will "never give up."',
     [("never give up.", "The government")]),
])
def test_a_name_heading_the_subject_phrase_speaks(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a statement judged by a copula is not the words' owner: the one saying so speaks
    ('Taro Sato handed over a note on Friday, saying that Ivan Petrov\'s statement is "inadmissible."',
     [("inadmissible.", "Taro Sato")]),
    # the object of a naming verb is what the subject names, not who speaks
    ('Taro Sato called Ivan Petrov\'s remarks "deeply regrettable."', [("deeply regrettable.", "Taro Sato")]),
])
def test_words_judging_a_persons_statement_are_the_judges(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a definite role takes up the indefinite person introduced since the last speaker, not that speaker
    ('"We need capital," Ivan Petrov wrote.\n\nTokyo is worried, a Foreign Ministry official in Tokyo said, '
     'speaking on condition of anonymity. "The status quo will harden," the official said.',
     [("We need capital,", "Ivan Petrov"), ("The status quo", "a Foreign Ministry official")]),
    # a role of another head noun is not that person (nor Ivan Petrov, never called governor): as written
    ('"We need capital," Ivan Petrov wrote.\n\nTokyo is worried, a Foreign Ministry official in Tokyo said. '
     '"The status quo will harden," the governor said.',
     [("We need capital,", "Ivan Petrov"), ("The status quo", "the governor")]),
])
def test_a_definite_role_takes_up_the_person_introduced_before_it(text, expected):
    assert speakers(text) == expected


def test_a_channel_after_the_speech_verb_does_not_take_over_the_next_quotation():
    # "according to" after "Petrov replied" names who passed the words on, not a new speaker
    text = ('"I know," Ivan Petrov replied, according to a pool reporter. "We have not paid enough attention."')
    assert speakers(text) == [("I know,", "Ivan Petrov"), ("We have not", "Ivan Petrov")]


@pytest.mark.parametrize("text, expected", [
    # a role with a title goes to the person given that title, not to the last speaker, who was not
    ('Prime Minister Taro Sato met Foreign Minister Ivan Petrov. "We talked," Ivan Petrov said.\n\n'
     'Later the prime minister said, "We will go on."',
     [("We talked,", "Ivan Petrov"), ("We will go", "Taro Sato")]),
    # the last speaker holds the title: he goes on speaking
    ('Prime Minister Taro Sato met Foreign Minister Ivan Petrov. "We talked," Ivan Petrov said.\n\n'
     'Later the foreign minister said, "We will go on."',
     [("We talked,", "Ivan Petrov"), ("We will go", "Ivan Petrov")]),
])
def test_a_titled_role_is_the_person_with_that_title(text, expected):
    assert speakers(text) == expected


def test_a_text_that_speaks_for_itself_is_not_the_person_quoted_next():
    # "the ministry's statement" speaks as written; the person quoted in the next paragraph is someone else
    text = '"We will respond," the ministry\'s statement reads.\n\n"We have no plans," Ivan Petrov said.'
    assert speakers(text) == [("We will respond,", "the ministry's statement"), ("We have no", "Ivan Petrov")]
    # a described person is still the one named next (the rule the institution is excepted from)
    text = '"We will respond," the spokesman said.\n\n"We have no plans," Ivan Petrov said.'
    assert speakers(text) == [("We will respond,", "Ivan Petrov"), ("We have no", "Ivan Petrov")]


@pytest.mark.parametrize("text, expected", [
    # the name a described speaker gave is the speaker, after an inverted verb or before the verb
    ('"We invited them," said a resident of the island, who gave only his first name, Nicolai.',
     [("We invited them,", "Nicolai")]),
    ('"It is hard," a fisherman, who gave his name only as Kenji, said.', [("It is hard,", "Kenji")]),
    # no name given: the description speaks as written
    ('"It is hard," said a fisherman on the pier.', [("It is hard,", "a fisherman")]),
])
def test_the_name_a_described_speaker_gave_is_the_speaker(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a word before a speaker head noun only says whose the head is: the head noun's phrase speaks
    ('"The talks are frozen," the official communique stated.', [("The talks are", "the official communique")]),
    ('"We are ready," a Kremlin source said on Monday.', [("We are ready,", "a Kremlin source")]),
    # a singular generic head ("official") is a role: the official named before speaks, not the body
    ('Ivan Petrov, an aide to the president, spoke on Monday. "We will wait," the Kremlin official said.',
     [("We will wait,", "Ivan Petrov")]),
    # a definite person's head after a body is a description of the person named before; "he" is that person
    ('Dmitry Peskov answered reporters. The Kremlin representative noted that it was no concern. '
     '"We will go on," he stressed.', [("We will go", "Dmitry Peskov")]),
    # a head noun before a name is the name's title: the name speaks
    ('"We will wait," Kremlin spokesman Dmitry Peskov said.', [("We will wait,", "Dmitry Peskov")]),
    # a text a body adopted speaks its own words in a relative clause
    ('The lower house adopted a resolution which calls the islands "illegally occupied land."',
     [("illegally occupied land.", "a resolution")]),
    # the last head noun after a possessive: the representative, whose name follows in apposition
    ('"Tokyo has chosen confrontation," said the ministry\'s official representative, Anna Volkova.',
     [("Tokyo has chosen", "Anna Volkova")]),
])
def test_a_modifier_of_a_speaker_head_noun_is_no_speaker(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a lead printing its subject's name in capitals names the person "he" and the family name stand for
    ('HIROSHI TOKUNO was born on Shikotan in 1934.\n\n"We left in a hurry," he recalls.',
     [("We left in", "HIROSHI TOKUNO")]),
    ('HIROSHI TOKUNO was born on Shikotan in 1934. His school had two rooms.\n\nThe family left in 1947.\n\n'
     '"We left in a hurry," Tokuno said.', [("We left in", "HIROSHI TOKUNO")]),
    # a byline in capitals is no one of the story: the pronoun keeps the person named in the text
    ('KENJI SATO, staff writer\n\nIvan Petrov runs a shop on Kunashir.\n\n"Nobody comes," he said.',
     [("Nobody comes,", "Ivan Petrov")]),
])
def test_a_name_in_capitals_opening_a_lead_is_a_person(text, expected):
    assert speakers(text) == expected


def test_a_side_official_takes_up_the_name_given_that_head_noun():
    # "The Japanese official" is the unknown name given the title "official" before; no one else spoke
    text = ('We have read an interview by Kenta Mori, a senior official of the foreign ministry. '
            'The Japanese official stated that "nothing is settled yet."')
    assert speakers(text) == [("nothing is settled", "Kenta Mori")]
    # a name never given that head noun is not taken up: the phrase speaks as written
    text = ('We have read an interview by Kenta Mori, a writer from Sapporo. '
            'The Japanese official stated that "nothing is settled yet."')
    assert speakers(text) == [("nothing is settled", "The Japanese official")]


@pytest.mark.parametrize("text, expected", [
    # a definite description opening the sentence before takes up the person named before it: "he" is that person
    ('Prime Minister Shigeru Ishiba said the talks had stalled. The head of government is abroad.\n\n'
     '"We will keep trying," he said.', [("We will keep", "Shigeru Ishiba")]),
    # with no one named before, the description itself is the antecedent
    ('The head of the fishing cooperative was on the pier.\n\n"Nobody comes now," he said.',
     [("Nobody comes now,", "The head of the fishing cooperative")]),
])
def test_a_definite_description_takes_up_the_person_named_before(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a paragraph opened by a speaker goes on with his argument: a body named as the holder of a view in a later
    # sentence with no speech verb of its own is spoken about, not speaking
    ('In Moscow, the mood is cool, said Ivan Petrov in a column. For the Kremlin, the islands are '
     '"a fortress, not a coin": the straits are the fleet\'s gate.',
     [("a fortress, not", "Ivan Petrov")]),
    # with no speaker earlier in the paragraph, the body holds the view
    ('The mood is cool. For the Kremlin, the islands are "a fortress, not a coin": the straits are the gate.',
     [("a fortress, not", "Kremlin")]),
])
def test_a_paragraph_speaker_goes_on_past_a_body_spoken_about(text, expected):
    assert speakers(text) == expected


def test_a_name_in_apposition_to_an_inverted_described_subject_speaks_on():
    # "said the ministry's official representative, X": X is the subject of "said" and speaks the next paragraph
    text = ('Moscow regards the move as hostile, said the Russian Foreign Ministry\'s official representative, '
            'Anna Volkova.\n\n"Tokyo has chosen confrontation."')
    assert speakers(text) == [("Tokyo has chosen", "Anna Volkova")]


@pytest.mark.parametrize("text, expected", [
    # a question label that names nobody speaks as printed; the answer as its named label
    ("Question: Will the ferry to Kunashir run?\n\nAnna Berg: Not this year.",
     [("Will the ferry", "Question"), ("Not this year.", "Anna Berg")]),
    # in a transcript turn, words introduced by a described subject and a speech verb are that subject's;
    # an adverbial clause opening the sentence is not its subject
    ("Ken Oda: When I met the islanders last week, one of them told me, \"We have no time left.\" I agree.\n\n"
     "Question: And Habomai?",
     [("When I met", "Ken Oda"), ("We have no", "one of them"), ("I agree.", "Ken Oda"), ("And Habomai?", "Question")]),
    # "she" inside a quotation is the woman the speaker brought in just before, not the speaker
    ('"Last spring a woman of 90 came to my office. She said, \'I want to see Shikotan once more,\'" '
     'Ken Oda said.',
     [("Last spring a", "Ken Oda"), ("I want to", "a woman of 90")]),
])
def test_words_a_speaker_quotes_are_the_person_they_bring_in(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a role phrase after the quotation stands for the person named before with that role, of the side it names
    ("Foreign Minister Ken Sato spoke on Tuesday. On Monday Russian Transport Minister Ivan Petrov visited "
     "Iturup.\n\n\"We handed in a protest note,\" the Japanese minister said.",
     [("We handed in", "Ken Sato")]),
    # no side in the phrase: the latest person named with the role
    ("Foreign Minister Ken Sato spoke on Tuesday. On Monday Transport Minister Ivan Petrov visited Iturup.\n\n"
     "\"The port is ready,\" the transport minister said.",
     [("The port is", "Ivan Petrov")]),
])
def test_a_role_phrase_after_a_quotation_is_the_person_named_before_with_that_role(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a term quoted in the content of someone's statement is theirs, not the sentence's speaker's
    ('Commenting on Tokyo\'s statement about the "occupied" islands, Ivan Petrov said they were Russian.',
     [("occupied", "Tokyo")]),
    ('The envoy was answering remarks by Prime Minister Ken Sato last week that Japan would "never give up" '
     'the islands.',
     [("never give up", "Ken Sato")]),
    # the statement judged ("was ...") is no owner speaking: the sentence's speaker judges it
    ('Ivan Petrov said Tokyo\'s statement was "inadmissible".', [("inadmissible", "Ivan Petrov")]),
    # ... also with an insertion between commas before the copula
    ('Ken Sato told reporters that Ivan Petrov\'s remarks, reported by Interfax, were "false".',
     [("false", "Ken Sato")]),
    # a capital that speaks in a relative clause, not the main clause's subject
    ('Russia\'s military said it held drills on Iturup, prompting a protest from Tokyo, which called them '
     '"unacceptable."', [("unacceptable.", "Tokyo")]),
])
def test_a_quoted_term_belongs_to_the_party_whose_words_it_reports(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a role whose head noun was given to a named person in apposition: that person, whatever the head noun
    ('At the session, committee member Pavel Orlov, the senator representing the Amur Region, spoke first. '
     '"People come when there is a school," the senator said.',
     [("People come when", "Pavel Orlov")]),
    # ... but not a person never given that title
    ('At the session, committee member Pavel Orlov spoke first. "People come when there is a school," the '
     'senator said.',
     [("People come when", "the senator")]),
])
def test_a_role_is_the_person_given_its_head_noun_as_a_title(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the name in apposition after a described subject, closed after the place the person works
    ('A local fishing official, Kenji Mori of the Rausu cooperative, said members were worried. '
     '"Our boats will have nowhere to fish," he told reporters.',
     [("Our boats will", "Kenji Mori")]),
    # a job of three words between the comma and the name
    ('A resident of Iturup, fish factory worker Irina Sokolova, told visitors that families had arrived. '
     '"We thought the island would be given away," she said.',
     [("We thought the", "Irina Sokolova")]),
    # a described person runs to its last head noun, over a capitalised adjective
    ('A veteran Japanese correspondent was more succinct. "He came to give answers," she said.',
     [("He came to", "A veteran Japanese correspondent")]),
])
def test_a_described_subject_is_the_name_in_apposition_and_runs_to_its_head(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an indefinite person quoted first and named by the next attribution, which takes up the head noun
    ('A Russian analyst quoted by a newspaper said the rally had become "a ritual" with no meaning. '
     '"Nobody reads these speeches," said the analyst, Ivan Lebedev of the Far East Institute.',
     [("a ritual", "Ivan Lebedev"), ("Nobody reads these", "Ivan Lebedev")]),
    # a next speaker that does not take up the head noun is someone else
    ('A Russian analyst quoted by a newspaper said the rally had become "a ritual" with no meaning. '
     '"Nobody reads these speeches," said Ivan Lebedev of the Far East Institute.',
     [("a ritual", "A Russian analyst"), ("Nobody reads these", "Ivan Lebedev")]),
])
def test_an_indefinite_speaker_named_by_the_next_attribution_that_takes_up_its_head(text, expected):
    assert speakers(text) == expected


def test_a_lone_family_name_is_the_gazetteer_person_named_in_full_before():
    # "Kan" alone is the subject the pronoun continues, not the earlier speaker Lavrov
    text = ('Prime Minister Naoto Kan described the visit as "regrettable".\n\n'
            "Earlier, Russia's top diplomat Sergei Lavrov warned that the president was free to visit.\n\n"
            "In Tokyo, Prime Minister Kan reiterated Japan's stance on the islands.\n\n"
            '"Those four islands are ours," he said.')
    assert speakers(text) == [("regrettable", "Naoto Kan"), ("Those four islands", "Naoto Kan")]


def test_a_role_does_not_resolve_to_a_possessive_phrase_named_since():
    # the report a spokesman comments on is no person the role "the spokesman" could stand for
    text = ("Kremlin Spokesman Dmitry Peskov told reporters that talks are impossible.\n\n"
            "Commenting on the Japanese Foreign Ministry's annual report, the spokesman recalled that "
            '"Tokyo has rushed to join all unfriendly steps."')
    assert speakers(text) == [("Tokyo has rushed", "Dmitry Peskov")]


@pytest.mark.parametrize("text, expected", [
    # the naming cue gave its name before the quotation: the words are the sentence's speaker's
    ('Prime Minister Taro Hoshino called the trip "very regrettable" and said Japan\'s claim to the four islands '
     'it calls the Northern Territories was "unchanged".',
     [("very regrettable", "Taro Hoshino"), ("unchanged", "Taro Hoshino")]),
    ('Taro Hoshino told parliament that her government would "never give up" on what Tokyo calls the Northern '
     'Territories and would seek a peace treaty "when conditions allow."',
     [("never give up", "Taro Hoshino"), ("when conditions allow.", "Taro Hoshino")]),
    # ... but a speech verb after "and" goes on with the cue's subject, and a term right after the cue is its
    ('Not a word about Kunashir, which Tokyo calls Kunashiri and describes in every textbook as "inherent land".',
     [("inherent land", "Tokyo")]),
])
def test_a_quotation_after_the_name_a_naming_cue_gave_is_not_the_cues(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a plural subject with the present "describe" (an analysis piece's tense) speaks as written
    ('Japanese officials call it a concern; Russian commanders describe it as "the defence of our frontier."',
     [("the defence of", "Russian commanders")]),
    # a year opening the clause without a comma is no part of the subject phrase
    ('Since 2022 Japanese official documents have again described them as "illegally occupied."',
     [("illegally occupied.", "Japanese official documents")]),
    # a text that "repeats that" speaks its words
    ('The annual report, approved by the cabinet on Tuesday, repeats that the islands are an "inherent part" of '
     "Japan's territory.",
     [("inherent part", "The annual report")]),
    # a contact relative clause: the body whose verb governs the fragment, not the sentence's first speaker
    ('A spokesman said the United States supports Japan, a comment the Russian Foreign Ministry described as '
     '"unhelpful interference".',
     [("unhelpful interference", "Russian Foreign Ministry")]),
])
def test_the_subject_of_the_verb_governing_a_fragment_speaks_it(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "tell" in the present, like "say": the subject of the clause introducing the inner words speaks them
    ('Kiyo Nakanishi keeps a map of her village.\n\n'
     '"People tell me, \'Be patient, it will happen next year,\'" she says.',
     [("People tell me,", "Kiyo Nakanishi"), ("Be patient, it", "People")]),
    ('"My grandmother used to tell us, \'The sea was our garden.\' You don\'t forget that," says Yuki Sato.',
     [("My grandmother used", "Yuki Sato"), ("The sea was", "My grandmother"), ("You don't forget", "Yuki Sato")]),
    # words reported right after a speech verb, no comma before them, are an inner quotation too
    ('Sachiko Okubo, 79, said she felt let down.\n\n'
     '"The prime minister says \'a new approach,\' but it sounds old to us," she said.',
     [("The prime minister", "Sachiko Okubo"), ("a new approach,", "The prime minister"),
      ("but it sounds", "Sachiko Okubo")]),
    # a quoted term after a naming verb is no inner quotation
    ('"They call them the \'northern territories\' in Tokyo," said Irina Belova.',
     [("They call them", "Irina Belova")]),
])
def test_inner_words_introduced_inside_a_quotation(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "..., it said": what the clause reports has its own subject, which is not what "it" stands for
    ("Japan's Fisheries Agency said on Saturday that the two sides agreed on a quota.\n\n"
     'Japan will pay Russia a "cooperation fee" of up to 300 million yen, it said.',
     [("cooperation fee", "Japan's Fisheries Agency")]),
    # a sentence with a trailing attribution is spoken by that attribution's subject, not by the side it reports
    ('The Japanese side will pay about 14 million rubles in fees, the agency said. "All conditions have been '
     'fulfilled," it added.',
     [("All conditions have", "the agency")]),
    # "but he warned": the sentence's own subject still is the pronoun's
    ('Putin said the talks would go on, but he warned that "nothing is decided".', [("nothing is decided", "Putin")]),
])
def test_a_pronoun_after_a_trailing_attribution_is_its_speaker(text, expected):
    assert speakers(text) == expected


def test_a_possessive_ends_a_name_the_gazetteer_does_not_know():
    # "Rausu's Shiretoko harbour" names no person "Rausu Shiretoko": "he" is the fisherman named before
    text = ("I put the question to Kenji Mori, who has fished out of Rausu's Shiretoko harbour for thirty years. "
            '"The sea does not know whose it is," he told me.')
    assert speakers(text) == [("The sea does", "Kenji Mori")]


@pytest.mark.parametrize("text, expected", [
    # the verb after an apposition's closing comma is its head's: the minister, not her portfolio
    ('Hanako Jimi, the minister in charge of Okinawa and Northern Territories affairs, urged Russia to reopen '
     'the visits, calling the suspension "extremely regrettable".',
     [("extremely regrettable", "Hanako Jimi")]),
    # ... but a name in apposition after a description speaks
    ('A Russian Foreign Ministry spokeswoman, Maria Zakharova, said Moscow would watch, calling it "a test".',
     [("a test", "Maria Zakharova")]),
])
def test_the_speech_verb_after_an_apposition_is_its_heads(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "the Russian leader" takes up the person introduced as "President": a leader may be a president
    ("President Vladimir Putin met the visiting delegation in Moscow.\n\n"
     "Officials from both sides attended the talks.\n\n"
     '"We are ready to talk," the Russian leader said.',
     [("We are ready", "Vladimir Putin")]),
    # the title before the name may carry an of-phrase and a comma
    ("According to the Minister of Fisheries of the Primorye Region, Ivan Sokolov, the plant opens in spring.\n\n"
     '"The catch will stay here," the minister said.',
     [("The catch will", "Ivan Sokolov")]),
])
def test_a_role_takes_up_a_person_introduced_under_another_title(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "Park" is a family name beside a personal name, first or last, though "park" names places too
    ('"The drills send a message," said Park Min-soo, a professor at a university in Seoul.',
     [("The drills send", "Park Min-soo")]),
    ('"The drills send a message," said Min-soo Park, a professor at a university in Seoul.',
     [("The drills send", "Min-soo Park")]),
])
def test_a_family_name_that_is_also_a_common_word_is_a_name_beside_a_personal_name(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the capital opening the sentence is its setting; the person named before the verb speaks
    ('In Moscow, Deputy Foreign Minister Ivan Sokolov called the plan "a dead end".',
     [("a dead end", "Ivan Sokolov")]),
    # of several persons before the verb, the one right before it ("what X called"), not the object of "warned"
    ('In Moscow, lawmakers warned Boris Yeltsin against what deputy Oleg Smirnov called "selling the islands".',
     [("selling the islands", "Oleg Smirnov")]),
    # a person's body in an of-phrase after his name is no subject: the person speaks
    ('"We are watching this closely," Deputy Press Secretary Taro Yamada of the Ministry of Defense told reporters.',
     [("We are watching", "Taro Yamada")]),
])
def test_a_person_named_before_the_verb_speaks_over_a_place_or_body_around_him(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the words after "saying" are the subject's, not the owner's of the remarks he declined to comment on
    ("Medvedev wrote that the islands were Russian land.\n\n"
     "Chief Cabinet Secretary Taro Yamada declined to comment on Medvedev's remarks, saying only that Tokyo's "
     'position "has not changed."',
     [("has not changed.", "Taro Yamada")]),
    # ... however many capitalised title words stand before the subject's name
    ("Medvedev wrote that the islands were Russian land.\n\n"
     "Japan's Chief Cabinet Secretary Taro Yamada declined to comment on Medvedev's remarks directly, saying only "
     'that Tokyo\'s position "has not changed."',
     [("has not changed.", "Taro Yamada")]),
])
def test_a_participle_after_a_possessed_speech_noun_gives_the_subject_the_words(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # after an inverted speech verb, the name opening the phrase speaks; the apposition or the of/at/from-phrase
    # after it says where the person works, whatever possessive ("King's", "Moscow's", "St Antony's") it holds
    ('"Giving away land would be political suicide," said Dr Emma Lindqvist, a Russia specialist at King\'s '
     'College London.',
     [("Giving away land", "Emma Lindqvist")]),
    ('"It is a signal," said John Smith, an analyst at St Antony\'s College, Oxford.',
     [("It is a", "John Smith")]),
    ('"It is a signal," said Ivan Petrov of Moscow\'s Higher School of Economics.',
     [("It is a", "Ivan Petrov")]),
    ('"It is a signal," said Dr Emma Lindqvist of King\'s College London.',
     [("It is a", "Emma Lindqvist")]),
    ('"It is a signal," said Professor Ivan Petrov of Moscow\'s Higher School of Economics.',
     [("It is a", "Ivan Petrov")]),
    ('"It is a signal," said Prof. Ivan Petrov of the University of Tokyo.',
     [("It is a", "Ivan Petrov")]),
    ('"It is a signal," said Mr Ivan Petrov, a lecturer at Keio University in Tokyo.',
     [("It is a", "Ivan Petrov")]),
    ('"It is a signal," said Dmitri Trenin from the Carnegie Endowment\'s Moscow Center.',
     [("It is a", "Dmitri Trenin")]),
    ('"It is a signal," said Emma Lindqvist, who teaches at King\'s College London.',
     [("It is a", "Emma Lindqvist")]),
    ('"It is a signal," said Ivan Petrov, director of the Far East Institute at Moscow State University.',
     [("It is a", "Ivan Petrov")]),
    # a person the gazetteer knows, with a possessive role after her
    ('"It is a signal," said Maria Zakharova, the ministry\'s spokeswoman.',
     [("It is a", "Maria Zakharova")]),
    # a possessive name before the role is the one the speaker works for, not the speaker
    ('"It is a signal," said Putin\'s aide Yuri Ushakov.',
     [("It is a", "Yuri Ushakov")]),
    ('"It is a signal," said Hiroshi Nakanishi, a professor at Kyoto University\'s Graduate School of Law.',
     [("It is a", "Hiroshi Nakanishi")]),
    ('"It is a signal," said Emma Lindqvist at King\'s College London.',
     [("It is a", "Emma Lindqvist")]),
    # a person named in a relative clause after the speaker is someone the speaker worked for
    ('"It is a signal," said Ivan Petrov, who advised Prime Minister Taro Aso.',
     [("It is a", "Ivan Petrov")]),
    # ... but "quoting" hands the words on to the one quoted
    ('"It is a signal," said Ivan Petrov, quoting Emma Lindqvist.',
     [("It is a", "Emma Lindqvist")]),
])
def test_the_name_opening_an_inverted_attribution_speaks_not_where_the_person_works(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # before the verb too, the person's name opening the attribution speaks, not the institution after it
    ('Ivan Petrov, a researcher at Japan\'s Hokkaido University, said: "It is a signal."',
     [("It is a", "Ivan Petrov")]),
    ('"It is a signal," Dr Emma Lindqvist of King\'s College London said.',
     [("It is a", "Emma Lindqvist")]),
    ('Ivan Petrov of Moscow\'s Higher School of Economics believes the vote changes little: "It is a signal."',
     [("It is a", "Ivan Petrov")]),
    ('Professor Emma Lindqvist of King\'s College London believes the vote changes little: "It is a signal."',
     [("It is a", "Emma Lindqvist")]),
    ('"It is a signal," Ivan Petrov, director of the Far East Institute at Moscow State University, said.',
     [("It is a", "Ivan Petrov")]),
    ('According to Emma Lindqvist of King\'s College London, "the vote is a signal."',
     [("the vote is", "Emma Lindqvist")]),
    # the capitalised words after "and" in an institution's name are part of it, no person's name
    ('Ivan Petrov from Moscow\'s Institute of World Economy and International Relations thinks otherwise: '
     '"It is a signal."',
     [("It is a", "Ivan Petrov")]),
])
def test_the_name_opening_a_preposed_attribution_speaks_not_where_the_person_works(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # with no person's name, the institution speaks
    ('"It is a signal," said the Higher School of Economics in a statement.',
     [("It is a", "Higher School of Economics")]),
    ('"It is a signal," said a researcher at King\'s College London.',
     [("It is a", "a researcher at King's College London")]),
    # a possessive place name is no person: the described fisherman speaks as written
    ('"The catch is poor," said a fisherman at Nemuro\'s Hanasaki port.',
     [("The catch is", "a fisherman at Nemuro's Hanasaki port")]),
    ('"The catch is poor," said Taro Sato, a fisherman at Nemuro\'s Hanasaki port.',
     [("The catch is", "Taro Sato")]),
])
def test_an_institution_or_a_description_speaks_when_no_person_is_named(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the one told is spoken to: the name before the verb speaks, else the phrase or the speaker named before
    ('"The border is closed," a customs officer, Pavel Lebedev, told the agency.',
     [("The border is", "Pavel Lebedev")]),
    ('"The border is closed," Pavel Lebedev told Interfax.',
     [("The border is", "Pavel Lebedev")]),
    ('Committee member Olga Serova spoke after the vote. "We can talk about fishing," the deputy told Interfax.',
     [("We can talk", "Olga Serova")]),
    # an inverted speaker after a verb that takes no addressee still speaks
    ('"The border is closed," said Pavel Lebedev.',
     [("The border is", "Pavel Lebedev")]),
    # a passive's agent reports the words; the subject of "was quoted" speaks them
    ('Taro Sato, a former resident, said the visit hurt. "We cannot visit the graves," he was quoted by '
     'local media as saying.',
     [("We cannot visit", "Taro Sato")]),
])
def test_the_one_told_or_the_agent_that_quotes_is_no_speaker(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a side word qualifying a plural noun: the group speaks, not the adjective
    ('Talks resumed in May. Some Japanese critics call the deal a "two-island sellout," while others wait.',
     [("two-island sellout,", "Some Japanese critics")]),
    ('Talks resumed in May. Russian opposition lawmakers call the plan "a betrayal" of the constitution.',
     [("a betrayal", "Russian opposition lawmakers")]),
    # the side word alone is the subject: as before
    ('Talks resumed in May. The Japanese call the deal a "two-island sellout," while others wait.',
     [("two-island sellout,", "Japanese")]),
    # an adverb between a subject phrase and its verb belongs to the verb, not to the speaker
    ('Talks broke down in 2022, and Japanese trade negotiators have since said the sanctions are "not '
     'negotiable".',
     [("not negotiable", "Japanese trade negotiators")]),
])
def test_a_group_named_by_a_side_adjective_speaks_as_written(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the subject of a speech verb in the reported clause speaks the fragment, also when "that" is left out
    ('An aide said Ivan Petrov had described the visit as "deeply regrettable."',
     [("deeply regrettable.", "Ivan Petrov")]),
    ('Taro Sato said Ivan Petrov had told his guest that the talks would need "a change of course".',
     [("a change of", "Ivan Petrov")]),
    ('Taro Sato said Ivan Petrov had expressed his "regret" and left.',
     [("regret", "Ivan Petrov")]),
    # ... and with a title between the "that" and the name
    ('A news site reported that Deputy Minister Ivan Petrov described the plan as "a provocation".',
     [("a provocation", "Ivan Petrov")]),
    # the reporting subject speaks when the reported subject has no speech verb of its own
    ('Taro Sato said Ivan Petrov was in the room when the "unfriendly" note arrived.',
     [("unfriendly", "Taro Sato")]),
])
def test_the_reported_subject_with_a_speech_verb_speaks_the_fragment(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a speech clause between commas attributes the sentence: its subject speaks, not the sentence's subject
    ('"The border is closed," Pavel Lebedev said.\n\n'
     'Moscow, he added, would not talk "under pressure" from anyone.',
     [("The border is", "Pavel Lebedev"), ("under pressure", "Pavel Lebedev")]),
    ('"Talks are over," the Russian foreign ministry said. Tokyo, it said, had chosen "open hostility" instead.',
     [("Talks are over,", "Russian foreign ministry"), ("open hostility", "Russian foreign ministry")]),
    ('The plan, as one Japanese diplomat told me last year, was to "take two and talk about two."',
     [("take two and", "one Japanese diplomat")]),
    # a relative clause between commas is no attribution: the subject before it speaks
    ('Pavel Lebedev, who visited Tokyo in May, called the plan "a provocation".',
     [("a provocation", "Pavel Lebedev")]),
])
def test_a_speech_clause_between_commas_names_the_speaker(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # after ", saying", the subject of the reported clause is spoken about; the one saying it speaks
    ('Ivan Petrov dismissed the remarks, saying the Japanese side "should look at the map."',
     [("should look at", "Ivan Petrov")]),
    # a statement's content ends at ", saying": the owner of "remarks by X" no longer speaks
    ('The Russian Foreign Ministry rejected remarks by Taro Sato on the islands, saying his claims have '
     '"no legal grounds."',
     [("no legal grounds.", "Russian Foreign Ministry")]),
    # without the participle the content is still the owner's
    ('The Russian Foreign Ministry rejected remarks by Taro Sato about the "illegal occupation" of the islands.',
     [("illegal occupation", "Taro Sato")]),
    # a reported subject with a speech verb of its own speaks
    ('Ivan Petrov dismissed the remarks, saying Tokyo had called the islands "occupied" for years.',
     [("occupied", "Tokyo")]),
])
def test_the_subject_after_saying_is_spoken_about(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a side's place after a time adverbial opening the sentence is its subject, and speaks through "citing"
    ('Trade has fallen. In 2022, Russia withdrew from the talks, citing Japan\'s "openly unfriendly" stance.',
     [("openly unfriendly", "Russia")]),
    ('Trade has fallen. In 2023 Moscow suspended the deal, saying Tokyo was "dragging its feet" on payments.',
     [("dragging its feet", "Moscow")]),
    # ... and after a semicolon or "that", as the subject of "said"
    ('Talks collapsed in 2022; Moscow said it would not talk to a country taking "unfriendly positions."',
     [("unfriendly positions.", "Moscow")]),
    ('Troops held drills on the island, a show of force that Tokyo said it "cannot accept".',
     [("cannot accept", "Tokyo")]),
    # a place adverbial naming a treaty is no time: the treaty speaks, not the country after it
    ('In the San Francisco Peace Treaty of 1951, Japan renounced "all right, title and claim" to the islands.',
     [("all right, title", "San Francisco Peace Treaty")]),
])
def test_a_side_place_speaks_as_the_subject_after_a_time_adverbial_or_a_semicolon(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a participial phrase of speaking opening the sentence is no subject: the name after it speaks
    ('Speaking to reporters at a hotel in Nemuro, Taro Sato said he had made "a concrete proposal" on the '
     'border, and that Ivan Petrov had promised to study it.',
     [("a concrete proposal", "Taro Sato")]),
    # a naming cue whose subject is a pronoun ("the government", "it") inside what a person said: the person
    ('Visits were halted. Speaking in Tokyo on Friday, Minister Taro Sato said the government regards their '
     'return as "a top priority."',
     [("a top priority.", "Taro Sato")]),
    ('Taro Sato said Japan\'s position on what it terms its "inherent territory" had not changed.',
     [("inherent territory", "Taro Sato")]),
    # with no speaking person before it, the pronoun's side speaks as before
    ('Japan protested again; its position on what it terms its "inherent territory" is unchanged.',
     [("inherent territory", "Japan")]),
])
def test_the_person_speaking_before_a_participial_opener_or_a_pronoun_cue_speaks(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a quoted term inside a quotation, said by a subject the speaker names with a speech verb: that subject's
    ('"Moscow now says there is \'no territorial problem\' at all," Taro Sato said.',
     [("Moscow now says", "Taro Sato"), ("no territorial problem", "Moscow"), ("at all,", "Taro Sato")]),
    ('"Some members of the ruling party also say Japan should be \'flexible\' on visas," Taro Sato said.',
     [("Some members of", "Taro Sato"), ("flexible", "Some members of the ruling party"),
      ("on visas,", "Taro Sato")]),
    # the speaker's own words or a term with no speaker named before it stay in the quotation
    ('"We say the islands are \'ours\' and always will," Taro Sato said.',
     [("We say the", "Taro Sato")]),
    ('"The islands are \'ours\' and always will be," Taro Sato said.',
     [("The islands are", "Taro Sato")]),
])
def test_a_term_quoted_inside_a_quotation_is_the_words_of_the_subject_who_says_it(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a text in an attribution clause speaks as written, before or after its verb
    ('The white paper was approved by Prime Minister Taro Sato on Tuesday.\n\n'
     '"Military activity near Japan is growing," the paper reads, per Kyodo.',
     [("Military activity near", "the paper")]),
    ('"The troops confirmed their readiness," reads the release, which gave no details.',
     [("The troops confirmed", "the release")]),
    # a definite person's noun still stands for the person named before with it
    ('Yuri Ivanov heads the Kurilsky district.\n\n"We need a doctor," the district head said.',
     [("We need a", "Yuri Ivanov")]),
])
def test_a_text_in_an_attribution_clause_speaks_as_written(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a text that is the subject of a verb of wording speaks the fragment, as written
    ('Tokyo protested again. Japan\'s annual foreign policy report repeated on Tuesday that the four islands are '
     '"illegally occupied," drawing a rebuke.',
     [("illegally occupied,", "Japan's annual foreign policy report")]),
    ('The amendment states that "calls to cede territory" are not allowed.',
     [("calls to cede", "The amendment")]),
    # ... or the antecedent of a relative clause with one, a participle's phrase between
    ('Moscow responded sharply to a resolution adopted by the lower house on Wednesday, which for the first time '
     'calls the islands "illegally occupied."',
     [("illegally occupied.", "a resolution")]),
    ('The ministry published its annual white paper, which again describes the islands as "occupied" land.',
     [("occupied", "its annual white paper")]),
    # ... or the source of an opening "According to"
    ('According to the text, the Soviet Union seized the islands "in violation of international law" in 1945.',
     [("in violation of", "the text")]),
    # a text after a preposition is where the words are, not who says them; a clause of its own ends the text's
    ('In the report, Ivan Petrov repeated that the islands are "occupied".',
     [("occupied", "Ivan Petrov")]),
    ('Taro Sato said Russia viewed the 1956 declaration as the only basis, and that it said nothing about "whose '
     'sovereignty" the islands would be under.',
     [("whose sovereignty", "Taro Sato")]),
])
def test_a_text_speaks_the_wording_it_is_the_subject_of(text, expected):
    assert speakers(text) == expected


def test_a_text_in_the_clause_of_a_persons_speech_verb_is_the_persons_account():
    text = ('"Talks go on," Ivan Petrov told reporters.\n\n'
            'The minister noted that the declaration of 1956 states "concrete steps" for both sides.')
    assert speakers(text) == [("Talks go on,", "Ivan Petrov"), ("concrete steps", "Ivan Petrov")]


@pytest.mark.parametrize("text, expected", [
    # ", telling X that ...": the subject who tells speaks, not the subject of what is told
    ('Kremlin spokesman Dmitry Peskov confirmed the deal, telling reporters that the two leaders had decided to '
     '"activate" the talks.',
     [("activate", "Dmitry Peskov")]),
])
def test_telling_hands_the_fragment_to_the_one_who_tells(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name in apposition after a description, with a capitalised title: the name is the topic "she" continues
    ('Trade fell last year.\n\n'
     'A Japanese expert on Russia, Professor Emi Tanaka of a university in Sapporo, said the plan was aimed at '
     'Tokyo. "Moscow is saying: come as guests," she said.',
     [("Moscow is saying:", "Emi Tanaka")]),
    # a capitalised word after the comma that is no title is no apposition's title
    ('Trade fell last year.\n\n'
     'A Japanese expert on Russia, Moscow Mayor Ivan Petrov said the plan was aimed at Tokyo. '
     '"Come as guests," she said.',
     [("Come as guests,", "A Japanese expert")]),
    # a possessor is not the subject of "was quoted": the name in apposition after the possessive phrase is
    ('Kommersant reported the demand. Lavrov\'s deputy, Igor Morgulov, was quoted as saying that "without '
     'guarantees there is no progress."',
     [("without guarantees there", "Igor Morgulov")]),
])
def test_a_name_in_apposition_to_a_description_or_a_possessive_phrase_speaks(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a place after a preposition, before a described person, is no first name in apposition
    ('In the Hokkaido port of Nemuro, a former resident of Shikotan said hopes were dashed. '
     '"We are a card in a game," he said.',
     [("We are a", "a former resident of Shikotan")]),
    ('Svetlana, a 52-year-old teacher, said hopes were dashed. "We are a card in a game," she said.',
     [("We are a", "Svetlana")]),
])
def test_a_place_after_a_preposition_is_no_first_name_in_apposition(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a relative who keeps telling the speaker something: the relative's words
    ('"My mother keeps telling me, \'Remember where we came from,\'" Emi Sato said.',
     [("My mother keeps", "Emi Sato"), ("Remember where we", "My mother")]),
    # "he" in a clause after a subordinator stands for the relative named earlier in the sentence
    ('"My father buried the dishes because he said, \'They will not stay long.\' They are still there," '
     'Kenji Ota said.',
     [("My father buried", "Kenji Ota"), ("They will not", "My father"), ("They are still", "Kenji Ota")]),
    # words quoted inside an inner quotation are split out too
    ('"One woman told me, \'My mother always said, "Do not forget the sea,"\' and I cannot forget it," the '
     'minister said.',
     [("One woman told", "the minister"), ("My mother always", "One woman"), ("Do not forget", "My mother"),
      ("and I cannot", "the minister")]),
])
def test_a_relative_quoted_inside_a_quotation_speaks_as_the_speaker_names_them(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a group named by a side adjective opening its sentence or clause speaks a fragment in it
    ('Tokyo cannot accept it. Japanese diplomats therefore avoid the word and speak of a "final settlement" '
     'instead.',
     [("final settlement", "Japanese diplomats")]),
    ('Emi Sato spoke to the paper. According to her, Japanese politicians have become hostages of the formula of '
     '"four islands at once".',
     [("four islands at", "Japanese politicians")]),
    # ... but no role resolves to the group, and it is no subject of a later speech verb's clause
    ('Russian troops held drills on the island, a show of force that Tokyo said it "cannot accept".',
     [("cannot accept", "Tokyo")]),
])
def test_a_group_named_by_a_side_adjective_is_a_candidate_of_its_own(text, expected):
    assert speakers(text) == expected


def test_a_term_right_after_someone_elses_speech_verb_stays_in_the_quotation():
    # the word people are reported using is the speaker's report of it, not a quotation of them
    text = '‘People here say “home” when they mean Shikotan,’ Anna Reed said.'
    assert speakers(text) == [("People here say", "Anna Reed")]


@pytest.mark.parametrize("text, expected", [
    # two names joined by "and" before the speech verb speak together, in either rule (fragment, clause after)
    ('After two days of talks, Kenji Ito and Ivan Petrov said the plan was "a first step" and no more.',
     [("a first step", "Kenji Ito and Ivan Petrov")]),
    ('"We have agreed on the fisheries," Kenji Ito and Ivan Petrov said in a joint statement.',
     [("We have agreed", "Kenji Ito and Ivan Petrov")]),
    # no speech verb after the pair: the one who speaks is named alone
    ('Kenji Ito and Ivan Petrov met in Sapporo. Petrov said the plan was "a first step" and no more.',
     [("a first step", "Ivan Petrov")]),
    # a body and a name are not joined
    ('The ministry and Ivan Petrov said the plan was "a first step" and no more.',
     [("a first step", "Ivan Petrov")]),
])
def test_two_names_joined_by_and_speak_together(text, expected):
    assert speakers(text) == expected


def test_the_leaders_speak_as_written():
    # "the leaders" after two named leaders is both of them, not the one who speaks next
    text = ("Ivan Petrov and Kenji Ito agreed on Monday to resume the talks.\n\n"
            'After the meeting in Sapporo, the leaders said it was "not normal" that no treaty had been signed.\n\n'
            '"We will look for an answer," Petrov told a news conference.')
    assert speakers(text) == [("not normal", "the leaders"), ("We will look", "Ivan Petrov")]


@pytest.mark.parametrize("text, expected", [
    # a numbered article of a text, subject of a text verb, speaks as written with what it belongs to
    ('Article 4 of the treaty provides that the fishing zone will be opened "once both parliaments agree."',
     [("once both parliaments", "Article 4 of the treaty")]),
    ('The accord was signed in 1978. Its Article 2 records the promise to meet again, with talks to resume '
     '"within a year".',
     [("within a year", "Article 2")]),
    # after a preposition the article is where the words are, not who says them
    ('In Article 4 of the treaty, Ivan Petrov said the zone was "a shared sea".',
     [("a shared sea", "Ivan Petrov")]),
])
def test_a_numbered_article_speaks_as_written(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an unnamed delegate or ambassador, introduced by "one", speaks as written
    ('"The harbour needs a new pier," one Japanese delegate told the local paper, declining to be named.',
     [("The harbour needs", "one Japanese delegate")]),
    ('"Nobody expected a deal this year," said one Nordic ambassador, who asked not to be named.',
     [("Nobody expected a", "one Nordic ambassador")]),
])
def test_an_unnamed_delegate_or_ambassador_speaks_as_written(text, expected):
    assert speakers(text) == expected
