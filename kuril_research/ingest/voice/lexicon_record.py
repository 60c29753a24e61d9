"""What the voice cues of ``data/voice.yaml`` are once loaded: the :class:`VoiceLexicon` record, its regexes compiled
(:mod:`~kuril_research.ingest.voice.lexicon` reads and checks the file and fills it), and :func:`phrase_key`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kuril_research.matching.required_literals import LiteralCheck

__all__ = ["VoiceLexicon", "phrase_key"]


def phrase_key(text: str) -> str:
    """A role phrase as a key: lower case, one apostrophe, a space for white space and dashes between words.

    Examples
    --------
    >>> phrase_key("The  ministry’s statement"), phrase_key("the foreign - minister")
    ("the ministry's statement", 'the foreign minister')
    """
    return " ".join(re.sub(r"\s*[‐‑‒–—-]\s*", " ", text.lower().replace("’", "'")).split())


@dataclass(frozen=True)
class VoiceLexicon:
    """Validated cues from ``voice.yaml`` (see that file), with their regexes compiled once.

    ``path`` and ``sha256`` (of the file's bytes) record which cues a corpus was built with.
    """

    path: str
    sha256: str
    speech_verbs: tuple[str, ...]
    roles: dict[str, tuple[str, ...]]
    naming_cues: tuple[str, ...]
    cue_not_followed_by: frozenset[str]
    naming_scope_words: int
    named_types: frozenset[str]
    sides: dict[str, str]  # entity id -> naming side
    role_sides: dict[str, str]  # role phrase, lower case, single spaces -> the side it names
    naming_post_cues: tuple[str, ...] = ()
    naming_gloss_cues: tuple[str, ...] = ()
    gloss_triggers: tuple[str, ...] = ()
    subject_words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # entity id -> phrases
    subject_pronouns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # kind -> phrases
    naming_owner: dict[str, str] = field(default_factory=dict)  # naming side -> entity id
    name_title_words: frozenset[str] = frozenset()
    name_stop_words: frozenset[str] = frozenset()
    #: ``name_stop_words`` that are frequent family names too ("Park"): a name beside a personal name.
    family_name_words: frozenset[str] = frozenset()
    organisation_heads: frozenset[str] = frozenset()
    language_words: frozenset[str] = frozenset()  # lower case: a gloss "in Japanese" needs no licence
    verb_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: :attr:`verb_re` in lower case, for lower-cased text (~4x faster than re.IGNORECASE).
    verb_re_lower: re.Pattern | None = field(default=None, repr=False, compare=False)
    subject_verb_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    role_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    role_re_lower: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: The roles lower case, grouped by first word (one branch tried per position, ~3x faster), and their kinds.
    role_re_grouped: re.Pattern | None = field(default=None, repr=False, compare=False)
    role_kinds: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    cue_res: tuple[tuple[re.Pattern, re.Pattern], ...] = field(default=(), repr=False, compare=False)
    #: Per entry of :attr:`cue_res`: its scope in words (0: ``naming_scope_words``; copula cues are short).
    cue_scope_words: tuple[int, ...] = field(default=(), repr=False, compare=False)
    #: Per entry of :attr:`cue_res`: whether the cue names its referent before the name ("{side}'s name for").
    cue_referent_first: tuple[bool, ...] = field(default=(), repr=False, compare=False)
    #: Per entry of :attr:`cue_res`: whether it is a second verb of its subject ("{side} ..10 and calls"), found
    #: beside the subject's other cue rather than instead of it.
    cue_coordinated: tuple[bool, ...] = field(default=(), repr=False, compare=False)
    #: Matches where any cue's suffix matches (None if a cue has no suffix): most mentions fail it, which spares
    #: trying every cue on them.
    cue_suffix_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: Per entry of :attr:`cue_res`: the literals one of which every match of its suffix holds (the pre-check of
    #: :func:`~kuril_research.ingest.voice.cue_starts.possible_cues`).
    cue_suffix_checks: tuple[LiteralCheck, ...] = field(default=(), repr=False, compare=False)
    #: Every literal of :attr:`cue_suffix_checks`, once.
    cue_suffix_literals: tuple[str, ...] = field(default=(), repr=False, compare=False)
    #: The prefixes of cues that end in their subject ("called by {side}"), ending where a subject starts:
    #: with :attr:`cue_suffix_re`, the pre-check that spares trying every cue at every subject.
    cue_bare_prefix_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: Subject words and pronouns where a cue may hold them: followed by a cue's suffix, or after the prefix of a
    #: cue that ends in its subject. One scan each, so that the many "it"s of a text cost nothing in Python.
    subject_cue_res: tuple[re.Pattern, ...] = field(default=(), repr=False, compare=False)
    #: The same, lower case, for the lower-cased text (a case-sensitive scan is ~4x faster than re.IGNORECASE).
    subject_cue_res_lower: tuple[re.Pattern, ...] = field(default=(), repr=False, compare=False)
    #: The distinctive words of the cues, lower case: a text with none of them holds no cue.
    cue_anchor_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: Subject words and pronouns, one named group per entity (``e_japan``) or pronoun kind (``p_any``).
    subject_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: (regex, needs a licence) per post-posed cue; the regex is matched at a name's end.
    post_res: tuple[tuple[re.Pattern, bool], ...] = field(default=(), repr=False, compare=False)
    trigger_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: A language word glossing the name after it: "Iturup, Japanese Etorofu,", "(Japanese: Etorofu)".
    language_before_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: The first words of the post-posed cues after a name: most names are followed by none of them.
    post_first_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: A possessive and a speech noun after a name ("Ishiba’s remark"): the name owns the words that follow.
    possessive_speech_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: A described speaker: "a spokesman for the Sakhalin regional government", "the head of a trading house".
    described_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: Transcript labels, lower case: ``speaker`` roles speak as written ("Moderator:"), ``question`` labels
    #: name nobody ("Question:").
    turn_roles: dict[str, frozenset[str]] = field(default_factory=dict)
    #: A lone capitalised word right after one of these verbs is a name ('"...," said Denis, a fisherman').
    name_after_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: ``name_after_verbs``, lower case: after a comma they invert their subject ("..., said Irina Belova").
    inverted_verbs: frozenset[str] = frozenset()
    #: ``addressee_verbs``, lower case: the candidate right after one is spoken to, not speaking ("told the agency").
    addressee_verbs: frozenset[str] = frozenset()
    #: A side's possessive and a head noun: "Japan's Ambassador to Australia said" -> "Japan's Ambassador".
    possessive_described_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: A body named by a proper noun and a lower-case adjective before its head ("The Hokkaido prefectural
    #: government said"): an organisation speaker as written.
    proper_body_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: Whether a side's place opening a sentence may speak ("Moscow walked away, citing ... "unfriendly"").
    side_place_speakers: bool = False
    #: After the one name of a scare quote: a term noun, then punctuation ('the "Kuril Islands dispute"').
    term_after_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: A title noun just before an opening mark: the quotation is a name ('the forum "Iturup"').
    title_before_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: A ``term_nouns`` word just before an opening mark: the quotation cites a term ('the phrase "...").
    term_before_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: A ``slogan_cues`` phrase just before an opening mark: the words of a sign or a chant.
    slogan_before_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: A first- or second-person word: an unlabelled paragraph with one goes on with the transcript turn before.
    continuation_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: Word, lower case -> female | male: pronouns and the head nouns of described persons ("she", "woman").
    genders: dict[str, str] = field(default_factory=dict)
    #: ``pp_role_heads``, lower case: a role's head noun before a prepositional phrase ("the head of the region").
    pp_role_heads: frozenset[str] = frozenset()
    #: Head nouns of roles that fit any named official, whatever his title ("the diplomat"), lower case.
    generic_role_heads: frozenset[str] = frozenset()
    #: Head noun of a role, lower case -> the other titles its person may have been given ("leader": "president").
    role_titles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: The ``role_titles`` keys with a prepositional phrase: offices named with a bare noun after "the" ("head of
    #: government"), taken up whole by :func:`~kuril_research.ingest.voice.speaker_cues.definite_head`.
    role_phrases: frozenset[str] = frozenset()
    #: ``speaker_heads`` right after a word, singular or plural: the word only modifies that head noun ("the
    #: Kremlin official", "the official communique"), which is the speaker; not a title before a name.
    head_after_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: ``text_heads``, lower case: head nouns of texts, which speak as written, never for a person named before.
    text_heads: frozenset[str] = frozenset()
    #: A ``text_heads`` phrase as written ("Japan's annual white paper"), and with a ``text_verbs`` verb after it.
    text_phrase_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    text_verb_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: Speech verbs and ``term_report_verbs``: a past form before a quoted term reports someone's words.
    term_verb_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: A ``speech_nouns`` word whose content clause follows ("a statement saying that", "a statement by the prime
    #: minister last week that"): a quoted term after it in its sentence reports those words.
    report_noun_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: A ``speech_nouns`` word ending where the pattern is searched to: "remarks" in "remarks by X".
    speech_noun_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: ``speaker_after_cues`` opening the sentence after a quotation, up to the speaker ("This was stated by").
    speaker_after_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: ``name_giving_cues`` and the name after them ("who gave only his first name, Nicolai"): group ``name``.
    name_giving_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: ``interview_cues``: a text that says it prints an interview (its bare questions and answers).
    interview_cue_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: ``interview_object_cues`` with the one asking before them (group ``who``, capitalised words, optional)
    #: and the interviewee after them (group ``name``): "Asia Blog spoke with Dr. Anna Berg".
    interview_object_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: ``interviewer_nouns`` and the name after them: "guest host Helen Marchand" (group ``name``).
    interviewer_re: re.Pattern | None = field(default=None, repr=False, compare=False)

    def titles_of(self, head: str) -> tuple[str, ...]:
        """The titles a role's head noun (lower case) may take up: itself, then its ``role_titles``."""
        return (head, *self.role_titles.get(head, ()))
