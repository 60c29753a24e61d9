"""Voice cues in the shared token notation of kuril_research.matching (issue #14 item 4).

Every phrase and naming cue of ``voice.yaml`` compiles through :mod:`kuril_research.matching.token_patterns`,
the notation of frames.yaml and trade.yaml. The sentences are hand-made; their mentions come from the shipped
gazetteer, so each expected voice can be checked by eye against the cues of ``voice.yaml``.
"""

from __future__ import annotations

import pytest

from kuril_research.errors import LexiconError
from kuril_research.ingest.gazetteer import load_gazetteer
from kuril_research.ingest.sentences import split_sentences
from kuril_research.ingest.voice import load_voice_lexicon, mark_voice
from kuril_research.lexicons import data_path
from kuril_research.testing import paragraph_spans

SHIPPED = data_path("voice.yaml").read_text(encoding="utf-8")
CUES_LINE = SHIPPED.splitlines().index("naming_cues:") + 1       # 1-based line of the key
VERBS_LINE = SHIPPED.splitlines().index("speech_verbs:") + 1


def voices(text: str, lexicon=None) -> dict[str, tuple]:
    """surface -> (voice, speaker, speaker_text) of the first mention with that surface."""
    paragraphs = paragraph_spans(text)
    sentences = [(s, e) for s, e, _ in split_sentences(text, paragraphs)]
    _, voiced = mark_voice(text, paragraphs, sentences, load_gazetteer().find(text), lexicon=lexicon)
    out: dict[str, tuple] = {}
    for v in voiced:
        out.setdefault(v.mention.surface, (v.voice, v.speaker, v.speaker_text))
    return out


def edited(tmp_path, key_line: str, added: str):
    """A copy of the shipped voice.yaml with ``added`` lines right after the line ``key_line``."""
    assert f"\n{key_line}\n" in SHIPPED
    path = tmp_path / "voice.yaml"
    path.write_text(SHIPPED.replace(f"\n{key_line}\n", f"\n{key_line}\n{added}", 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "surface", "expected"), [
    # a line break between the words of "known in {side} as"
    ("Russia holds Kunashir, known in Japan\nas Kunashiri, and three other islands.", "Kunashiri",
     ("attributed", "japan", "Japan")),
    # "{side}'s name for", written with a straight apostrophe, finds a curly one
    ("Japan’s name for the island is Kunashiri.", "Kunashiri", ("attributed", "japan", "Japan")),
    # a line break inside the words of "{side}, which refers to ..10 as"
    ("Moscow, which refers to\nthe islands as the Southern Kurils, says no.", "Southern Kurils",
     ("attributed", "moscow", "Moscow")),
    # the role "the ministry's statement" with a curly apostrophe is that speaker, not "the ministry"
    ("“Iturup is ours,” the ministry’s statement said.", "Iturup",
     ("quoted", None, "the ministry’s statement")),
])
def test_voice_cues_get_the_shared_notation(text, surface, expected):
    assert voices(text)[surface] == expected


@pytest.mark.parametrize(("text", "surface", "expected"), [
    # a gap ends at the first word that can end it: "as the Southern Kurils", not "as its own" further on
    ("Russia refers to the islands as the Southern Kurils and treats them as its own territory.",
     "Southern Kurils", ("attributed", "russia", "Russia")),
    # a cue stays in its sentence: "Moscow ..10 claims ..10 as its" may not reach into the next one
    ("Moscow calls the islands the Southern Kurils. Tokyo, which claims Iturup as its own, disagrees.",
     "Southern Kurils", ("attributed", "moscow", "Moscow")),
])
def test_a_cue_gap_is_short_and_stays_in_its_sentence(text, surface, expected):
    assert voices(text)[surface] == expected


def test_speech_verbs_and_roles_are_token_patterns():
    lex = load_voice_lexicon()
    # "pointed out": a line break or a dash between its words
    assert lex.verb_re.search("as Lavrov pointed\nout") and lex.verb_re.search("as Lavrov pointed-out")
    assert not lex.verb_re.search("as Lavrov pointed at it")
    # "the foreign minister" with a hyphen is still the person role
    hit = lex.role_re.search("the foreign-minister added")
    assert (hit.group(), hit.lastgroup) == ("the foreign-minister", "person")


def test_voice_lexicon_compiles_through_token_patterns(tmp_path):
    # notation only the token-pattern parser reads: an optional word, alternatives, a word stem
    path = edited(tmp_path, "naming_cues:", "  - which {side} [still] (dubs | brands)\n")
    lex = load_voice_lexicon(path)
    assert voices("Russia holds Iturup, which Japan still dubs Etorofu.", lex)["Etorofu"] == \
        ("attributed", "japan", "Japan")
    assert voices("Russia holds Iturup, which Japan brands Etorofu.", lex)["Etorofu"] == \
        ("attributed", "japan", "Japan")
    assert voices("Russia holds Iturup, which Japan visits for Etorofu.", lex)["Etorofu"][0] == "narrator"
    verbs = load_voice_lexicon(edited(tmp_path, "speech_verbs:", "  - reiterat*\n"))
    assert verbs.verb_re.search("he reiterated") and verbs.verb_re.search("she reiterates")
    assert not verbs.verb_re.search("he iterated")


@pytest.mark.parametrize(("key", "added", "words"), [
    ("naming_cues:", "  - which {side} (calls\n", "missing ')'"),
    ("naming_cues:", "  - in {side}, ... called\n", "'...' is not a gap"),
    ("naming_cues:", "  - in {side}, ..11 called\n", "use ..1 to ..10"),
    ("naming_cues:", "  - ..3 which {side} calls\n", "between two words"),
    ("naming_cues:", "  - which {side} calls {side}\n", "{side} exactly once"),
    ("speech_verbs:", "  - pointed (out\n", "missing ')'"),
    ("speech_verbs:", "  - said ..12\n", "use ..1 to ..10"),
])
def test_a_malformed_cue_names_its_line(tmp_path, key, added, words):
    path = edited(tmp_path, key, added)
    with pytest.raises(LexiconError) as caught:
        load_voice_lexicon(path)
    line = {"naming_cues:": CUES_LINE, "speech_verbs:": VERBS_LINE}[key] + 1
    assert caught.value.path == str(path) and caught.value.line == line, str(caught.value)
    assert words in str(caught.value) and f"line {line}" in str(caught.value)


@pytest.mark.parametrize(("text", "surface", "expected"), [
    # a side's maps, atlases or textbooks, in the past or as a possessive, give the side's name
    ("Old Russian sea charts called the island Kunashir.", "Kunashir", ("attributed", "russia")),
    ("Japan's pre-war maps labelled the whole chain Chishima.", "Chishima", ("attributed", "japan")),
    ("Japanese school atlases label the four islands the Northern Territories.", "Northern Territories",
     ("attributed", "japan")),
    # an adverb between the side and its verb
    ("Japan still calls the islands the Northern Territories.", "Northern Territories", ("attributed", "japan")),
    # knowing by a name, a plural subject, the name named before its referent, a preference
    ("Russia administers Iturup, which Japan knows as Etorofu.", "Etorofu", ("attributed", "japan")),
    ("Japanese officials refer to the islands as the Northern Territories.", "Northern Territories",
     ("attributed", "japan")),
    ("The Russian name for the islands is the Southern Kurils.", "Southern Kurils", ("attributed", "russia")),
    ("Moscow prefers the name Southern Kurils.", "Southern Kurils", ("attributed", "moscow")),
    ("Tokyo insists on calling them the Northern Territories.", "Northern Territories", ("attributed", "tokyo")),
    # a language, the referent and "is"
    ("In Japanese, Iturup is Etorofu.", "Etorofu", ("attributed", "japan")),
    # a subject word that holds its "the", a relative possessive, a perfect with an adverb
    ("The Japanese term for the islands is the Northern Territories.", "Northern Territories",
     ("attributed", "japan")),
    ("Iturup, whose Japanese name is Etorofu, has an airport.", "Etorofu", ("attributed", "japan")),
    ("Japan has long referred to the islands as its Northern Territories.", "Northern Territories",
     ("attributed", "japan")),
    # a second subject with a verb of its own and "as" takes over inside a cue's scope
    ("The islands, which Japan regards as its own and Russia administers as part of the Kuril Islands, lie north.",
     "Kuril Islands", ("attributed", "russia")),
    # a name after a preposition of place is where something happens, no name the cue gives
    ("Russia called the drills on Iturup routine.", "Iturup", ("narrator", None)),
    ("Japan labelled the Russian drills off Kunashiri unacceptable.", "Kunashiri", ("narrator", None)),
])
def test_naming_cues_of_the_sixth_round(text, surface, expected):
    assert voices(text)[surface][:2] == expected


def speakers(text: str) -> list[tuple]:
    """(quotation, speaker entity, speaker as written) of each quotation, with the shipped gazetteer."""
    paragraphs = paragraph_spans(text)
    sentences = [(s, e) for s, e, _ in split_sentences(text, paragraphs)]
    quotes, _ = mark_voice(text, paragraphs, sentences, load_gazetteer().find(text))
    return [(text[q.start:q.end], q.speaker, q.speaker_text) for q in quotes]


@pytest.mark.parametrize(("text", "expected"), [
    # the family name alone of a person the gazetteer found in full before is that person
    ("Prime Minister Ryutaro Hashimoto ended the talks.\n\nHashimoto said he made \"a serious proposal\" there.",
     [("a serious proposal", "ryutaro_hashimoto", "Ryutaro Hashimoto")]),
    # one capitalised word right before a speech verb speaks as written: a paper, an agency
    ("Some papers went further. Izvestia said the summit had \"unhooked\" the treaty.",
     [("unhooked", None, "Izvestia")]),
    # ... after a short apposition
    ("Rosrybolovstvo, the fisheries agency, said talks \"will be possible\" later.",
     [("will be possible", None, "Rosrybolovstvo")]),
    # "the" and the head word of a body named in full before: that body
    ("The Islands Residents League met. \"We are old,\" the League said in a comment.",
     [("We are old,", None, "Islands Residents League")]),
    # two parties speaking together stand for themselves, not the last person named
    ("During the Abe-Putin rapprochement both leaders spoke of \"the issue of the islands\" and of \"joint "
     "activity\", and ministers avoided it.",
     [("the issue of the islands", None, "both leaders"), ("joint activity", None, "both leaders")]),
    # an abbreviated rank is a title, not part of the name
    ("\"It is about the cold,\" Lt. Col. Brandon Whitaker, a spokesman, said.",
     [("It is about the cold,", None, "Brandon Whitaker")]),
    # a release speaks as itself, not the ministry whose it is
    ("According to the ministry's press release, crews \"took up positions\" fast.",
     [("took up positions", None, "the ministry's press release")]),
    # a body named with a tail after its head noun is no description of the person quoted next
    ("Japan's Ministry of Defense noted that it was \"incompatible with the position.\"\n\n"
     "\"What is new is the tempo,\" Henrik Lund said.",
     [("incompatible with the position.", None, "Japan's Ministry of Defense"),
      ("What is new is the tempo,", None, "Henrik Lund")]),
    # the name in apposition after a described speaker is the speaker
    ("Russia's ambassador in Tokyo, Ivan Petrov, was quoted by the agency as saying it \"had letters.\"",
     [("had letters.", None, "Ivan Petrov")]),
    # ... but not a place after a preposition
    ("An official in Nemuro said residents were \"deeply sad\" about it.", [("deeply sad", None, "An official")]),
])
def test_one_word_speakers(text, expected):
    assert speakers(text) == expected
