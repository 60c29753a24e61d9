"""Voice: who is speaking at each mention — the outlet, a quoted speaker, or a side whose name is reported.

Every gazetteer mention gets one voice:

``quoted``
    Inside a quotation; ``speaker`` is the quote's speaker (a gazetteer id or None),
    ``speaker_text`` the speaker as the text names them.
``attributed``
    The outlet reports someone else's name for the thing ("which Japan calls its
    northern territories"); ``speaker`` is the entity of the cue's subject,
    ``speaker_text`` that subject as written.
``narrator``
    Everything else, including square-bracket insertions inside a quotation.

Method (the rules, in the order they are applied)
-------------------------------------------------
1. **Quotations** are found paragraph by paragraph and never cross a paragraph
   boundary. A curly “ closes at the next ” (at the next straight " if the
   paragraph has no ”); a straight " closes at the next " (else ”). Marks of any
   kind inside an open double quote are part of it, so nested ‘…’ stay inside,
   and double marks nest: an inner “, or an inner straight " with white space
   or a bracket on its left and a letter on its right, must close before the
   outer quotation can (``"We reject "Northern Territories" claims," she said``).
   An opening mark with no close runs to the end of its paragraph (a quote
   continued in the next paragraph). A closing mark with no opener, when it is
   the first double mark of its paragraph, quotes from the paragraph start to
   the mark (an opener lost by the outlet); later stray closing marks are
   ignored. Outside a quotation a straight " that touches a word on its left
   but not on its right (``anything,"``) is such a closing mark; any other
   straight " opens. A curly ‘ opens a quote only at a word start and only if
   a ’ not followed by a letter closes it in the same paragraph, so apostrophes
   (Russia’s, ‘90s) never open or close anything. Straight ' is never a
   quotation mark. Quotations of white space only are dropped. A quotation that
   holds one territory name and nothing else but "the", "so-called" and
   punctuation is a **scare quote**: the outlet reporting a term. It is no
   quotation (it gets no row in ``quotes``), and its name is ``attributed``
   (rule 3), else to the side whose spelling it is (``naming_owner``); so is a
   name between single quotation marks in the outlet's words.
2. **Square brackets** inside a quotation ("[the way Japan calls ...]") are the
   outlet's words: mentions inside them are not ``quoted``.
3. **Naming cues** (``naming_cues`` in ``data/voice.yaml``, e.g. "which {side}
   calls", "known in {side} as", "referred to by {side} as", "{side}, which
   ... refers to them as its"; ``...`` stands for up to ten words) need as
   ``{side}`` a place, organisation or person mention, a subject word
   (``subject_words``: "the Japanese" → japan) or a pronoun resolved to the
   nearest earlier side-bearing mention (``subject_pronouns``: "which it
   calls", "what the ministry terms"). Inside a cue's scope, a side-bearing
   subject just before a name takes over ("which Moscow calls the Kurils and
   Tokyo the Northern Territories"). Post-posed cues (``naming_post_cues``:
   "Etorofu, as Japan calls it", "Kunashiri in Japanese") follow the name;
   short glosses (``naming_gloss_cues``: "to Tokyo", "by Russia") count only
   after a bracket or dash or a ``gloss_triggers`` verb earlier in the clause
   ("known as A in Russia and B in Japan"), so "return Etorofu to Japan" is no
   naming. A post-posed cue after the last name of a list applies to the
   whole list, and a name in brackets after an attributed name shares its
   side ('the term "Northern Territories" (Hoppo Ryodo)'). A pre-check keeps
   all this cheap: only windows round the cues' distinctive words are searched.
   A cue's scope runs from the cue's end to the first of: the
   sentence end, ``; . ! ? ) ]``, the end of the enclosing quotation, and the
   ``naming_scope_words``-th word. A mention in scope is ``attributed`` (this
   wins over ``quoted``) when its entity type is in ``named_types`` and its
   naming is not the other side's naming (``sides``): a Russian-named mention is
   never Japan's name for the thing.
4. **Speakers** are open-set. Candidates, outside quotations, are person and
   organisation mentions (written as their longest spelling in the article),
   names the gazetteer does not know (runs of capitalised words with titles
   cut off: "Deputy Foreign Minister Ivan Petrov" → "Ivan Petrov"; a later
   lone "Petrov" is the same person), organisations it does not know (a run
   ending in ``organisation_heads``: "Russia’s Prosecutor General’s Office"),
   described speakers kept as written (``speaker_heads``: "a spokesman for the
   Sakhalin regional government"), institutions that speak for themselves
   (``roles.institution``: "the statement") and role phrases or pronouns
   (``roles``: "the spokesman", "he" → person; "it", "the ministry" →
   organisation); a role phrase or description hides the mentions inside it
   ("the Kremlin spokesman" is a person). A role resolves to
   the most recent *established speaker* of its kind, else to the most recent
   gazetteer mention of its kind, else to itself as written; a role that names a side (``role_sides``: "the
   Japanese premier") resolves only to entities of that side (``sides``), and
   to nobody if there is none. Established speakers are, in text order: the
   subject of a speech verb in narrator text (a candidate followed by up to
   three lower-case words and a verb: "Peskov told", "Abe later called"; or
   "According to X,"), the *subject* of a sentence or clause with a speech verb
   (its candidates before the verb, the first opening the clause: the first
   person named among them, "Kremlin spokesman Dmitry Peskov said", else the
   first of them), a role naming a side that opens a sentence ("The
   Japanese premier once again expressed ..."), and the speaker found for a
   quotation by rule 4b (also when carried on by 4d). A quotation's speaker is the first that applies of:

   a. the subject of a naming cue whose scope contains the opening mark;
   b. the attribution clause — from the closing mark to the end of its
      sentence (or of the next sentence, when the splitter broke right after
      the mark and that sentence starts lower-case), stopping at the next
      quotation: if it has a speech verb (not one after "who"/"which"), the
      clause's subject when a candidate opens it ('"...," Keiichi Morita, an
      official at ..., told AFP'), else the candidate nearest the verb (the one
      before it on a tie) — never a farther known person;
   c. for a fragment inside a narrator sentence, the sentence's subject when its
      speech verb comes before the fragment, else the nearest candidate before
      it in the same sentence, unless that candidate owns a speech noun
      ("Ishiba’s remark about ...", ``speech_nouns``) (not *established*);
   d. the latest speaker event of the same paragraph before the quotation (an
      "X said." sentence, or the previous quotation's speaker);
   e. for a quotation opening its paragraph, the previous paragraph's speaker: the speaker of its unclosed
      last quotation (a quotation continued), else a person opening its last sentence ("The chairman, Taro
      Ueda, put it plainly:");
   f. otherwise ``None``.

   **Transcripts**: when two or more paragraphs open with a speaker label ("Mr. Ken Oda: ...",
   "Chair (Ms. Anna Berg): ...", or a gazetteer person and a colon), each such paragraph after its label is
   one quotation of that speaker (a lone family name takes the full name written earlier), whatever
   quotation marks it holds. A quotation holding only an organisation's or a homonym's name (the "Iturup"
   youth forum) is a title, like a scare quote: no quotation.

Role resolution knows kinds and sides, not titles: "the premier" after "Peskov
said" is Peskov.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from kuril_research.errors import LexiconError
from kuril_research.ingest.gazetteer import Mention
from kuril_research.lexicons import data_path, file_sha256, load_yaml

__all__ = ["Quote", "VoicedMention", "VoiceLexicon", "find_quotes", "mark_voice", "load_voice_lexicon"]

CLOSING_FOR = {"“": "”\"", '"': "\"”"}  # opener -> closers, preferred first
#: Every character that can open or close a quotation; find_quotes jumps from one to the next.
QUOTE_MARK_RE = re.compile("[“”\"‘]")
CLAUSE_END_RE = re.compile(r"[;!?)\]]|\.(?!\w)")
WORD_RE = re.compile(r"\S+")
NEXT_WORD_RE = re.compile(r"\s+(\w+)")
BRACKET_RE = re.compile(r"\[[^\]]*\]?")
ACCORDING_TO_RE = re.compile(r"\baccording\s+to\s+(?:[\w’'.-]+\s+){0,5}$", re.IGNORECASE)
THE_BEFORE_RE = re.compile(r"\bthe\s+$", re.IGNORECASE)
ENTITY_TYPES = ("island", "island_group", "collective_name", "archipelago", "document", "person", "place",
                "organisation", "homonym")
SPEAKER_TYPES = frozenset({"person", "organisation"})
#: Names that are titles when quoted alone: the "Iturup" youth forum, the programme "Development of ...".
TITLE_TYPES = frozenset({"homonym", "organisation"})
SUBJECT_TYPES = frozenset({"place", "organisation", "person"})
OTHER_SIDE = {"japanese": "russian", "russian": "japanese"}
LEXICON_KEYS = ("speech_verbs", "roles", "naming_cues", "cue_not_followed_by", "naming_scope_words", "named_types",
                "sides")
#: Keys a lexicon may leave out.
OPTIONAL_KEYS = ("role_sides", "naming_post_cues", "naming_gloss_cues", "gloss_triggers", "subject_words",
                 "subject_pronouns", "naming_owner", "name_title_words", "name_stop_words", "speaker_heads",
                 "organisation_heads", "speech_nouns", "language_words")
#: Between a side subject and a name inside a cue's scope ("... and Tokyo the Northern Territories").
ELLIPSIS_GAP_RE = re.compile(r"\s+(?:as\s+|by\s+)?(?:the\s+|its\s+)?", re.I)
#: How far a naming cue's scope may reach past its end at most (characters; the scope is also word-limited).
CUE_SCOPE_CHARS = 600
#: How far before and after a cue's distinctive word its subject may stand (characters): "{side} ... claims ...
#: as its" spans up to ten words on either side of "claims".
CUE_WINDOW_BEFORE, CUE_WINDOW_AFTER = 160, 160
#: Words too common to tell that a text may hold a naming cue (see ``VoiceLexicon.cue_anchor_re``).
COMMON_CUE_WORDS = frozenset({"in", "as", "the", "by", "which", "what", "its", "to", "of", "for", "a", "an", "and",
                              "way", "...", ",", "them", "it", "part", "they", "are", "is"})
#: A bracket or dash just before a name licenses a short gloss after it ("(Kunashiri in Japanese)").
GLOSS_OPENER_RE = re.compile(r"(?:[(\[—–]|\s-)\s*(?:the\s+|its\s+)?$", re.I)
#: What must follow a gloss that ends in its side ("in Japan"): punctuation or a conjunction.
GLOSS_END = r"(?=\s*(?:[)\],;.:!?—–\-]|and\b|or\b|while\b|but\b|whereas\b|$))"
#: Around the one name a scare quote holds: determiners before, punctuation after.
TERM_BEFORE_RE = re.compile(r"\s*(?:(?:the|so-called|so called|its|their|our)\s+)*", re.I)
TERM_AFTER_RE = re.compile(r"[\s,.;:!?]*")
#: A described speaker's opening ("a spokesman for ...", "the head of ..."), not a name.
DESCRIBED_RE = re.compile(r"(?:an?|another|one|the)\s", re.I)
#: Where a new clause with its own subject starts inside a sentence.
CLAUSE_JOINT_RE = re.compile(r"(?:,\s*(?:but|and|while|whereas|although|though|yet)\b|;|:|\s[—–]\s)\s*", re.I)
#: How far from an unknown name its title may stand ("Its director, Andrei Volkov, said": "director").
TITLE_WINDOW = 60
#: A relative pronoun just before a speech verb.
RELATIVE_BEFORE_RE = re.compile(r"\b(?:who|which|that)\s+(?:\w+\s+)?$", re.I)
#: How many words may stand before a sentence's subject ("Its director, Andrei Volkov, said").
SUBJECT_LEAD_WORDS = 3
#: What may stand between the end of a quotation and the subject opening its attribution clause.
CLAUSE_OPENING_RE = re.compile(r"[\s,;:–—-]*")
#: Between two names of a list: "Etorofu, Kunashiri and the Habomai islets".
LIST_JOIN_RE = re.compile(r"\s*,\s*(?:and\s+|or\s+)?(?:the\s+)?|\s+(?:and|or)\s+(?:the\s+)?")
#: "so-called" just before a name: the outlet distancing itself from the term.
SO_CALLED_RE = re.compile(r"\bso[- ]called\s+(?:the\s+)?$", re.I)
#: A name glossing the name before it in brackets: 'the term "Northern Territories" (Hoppo Ryodo)'.
GLOSS_BEFORE_RE = re.compile(r"[\"'”’]?\s*\(\s*")
GLOSS_AFTER_RE = re.compile(r"\s*\)")
#: A run of capitalised words (a possible personal name with its titles).
NAME_RUN_RE = re.compile(r"(?<![\w’'-])[A-Z][\w’'.-]*(?:[ ][A-Z][\w’'.-]*)*")
#: The "for/of + capitalised words" that complete an organisation's name after its head noun.
ORG_TAIL_RE = re.compile(r"\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*){0,3}")
#: A preposition just before a described speaker: "In a separate statement, the ministry said" (no speaker).
PREPOSITION_BEFORE_RE = re.compile(r"\b(?:in|on|at|with|from|under|by|after|before|during|of|to)\s+$", re.I)
#: An honorific just before a word: "Mr. Sato" is a name even without a first name.
HONORIFIC_BEFORE_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+$")
#: A possessive or a full stop at the end of a name's word.
POSSESSIVE_RE = re.compile(r"(?:[’']s?|[.,])$")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``text[start:end]`` are the quoted words, marks excluded.

    ``speaker`` is a gazetteer entity id (or None); ``speaker_text`` the speaker as the text names them
    (a full name, else the role or institution), also when the speaker is not in the gazetteer.
    """

    start: int
    end: int
    para_id: int
    speaker: str | None
    speaker_cue: str | None
    speaker_text: str | None = None


@dataclass(frozen=True, slots=True)
class VoicedMention:
    """A gazetteer mention with its voice (narrator | quoted | attributed)."""

    mention: Mention
    voice: str
    speaker: str | None
    quote_id: int | None
    speaker_text: str | None = None


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
    #: Matches where any cue's suffix matches (None if a cue has no suffix): most mentions fail it, which spares
    #: trying every cue on them.
    cue_suffix_re: re.Pattern | None = field(default=None, repr=False, compare=False)
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


class _Cand(NamedTuple):  # a speaker candidate: a mention, an unknown name or a role phrase (entity None)
    start: int
    end: int
    kind: str
    entity: str | None
    text: str
    role: bool = False


class _Event(NamedTuple):  # someone was named as speaking at ``pos``
    pos: int
    entity: str | None
    text: str
    kind: str
    cue: str
    para_id: int
    established: bool


class _Subj(NamedTuple):  # a side-bearing subject: a mention, a side word or a resolved pronoun
    start: int
    end: int
    entity: str
    kind: str
    text: str


class _Cue(NamedTuple):  # a naming cue and its scope [end, scope_end)
    start: int
    end: int
    scope_end: int
    entity: str
    kind: str
    text: str


class _Spans:
    """Sorted, non-overlapping spans with lookup of the one containing a position."""

    def __init__(self, spans: Sequence[tuple[int, ...]]) -> None:
        self.spans = list(spans)
        self.starts = [s[0] for s in self.spans]

    def at(self, pos: int) -> int | None:
        i = bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos < self.spans[i][1] else None

    def overlapping(self, span: tuple[int, ...]) -> bool:
        """Whether one of the spans starts inside [span[0], span[1])."""
        i = bisect_right(self.starts, span[1] - 1) - 1
        return i >= 0 and self.spans[i][0] >= span[0]

    def bounds(self, pos: int, default: tuple[int, int]) -> tuple[int, int]:
        i = self.at(pos)
        return default if i is None else self.spans[i][:2]


def find_quotes(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Find quotations paragraph by paragraph (rule 1 of the module docstring).

    Parameters
    ----------
    text : str
        Clean article body.
    paragraphs : sequence of (start, end)
        Paragraph offsets into ``text``, in order.

    Returns
    -------
    list of (start, end, para_id)
        Quoted words without their marks, in text order, never overlapping.

    Examples
    --------
    >>> text = 'Russia’s view: “No ‘deal’ yet,” he said.\\n\\nPeace first,” Peskov said.'
    >>> i = text.index("\\n\\n")
    >>> [(text[s:e], p) for s, e, p in find_quotes(text, [(0, i), (i + 2, len(text))])]
    [('No ‘deal’ yet,', 0), ('Peace first,', 1)]
    """
    found = []
    for para_id, (ps, pe) in enumerate(paragraphs):
        pe = min(pe, len(text))
        spans: list[tuple[int, int, bool]] = []  # (start, end, is_double)
        i = ps
        while (hit := QUOTE_MARK_RE.search(text, i, pe)) is not None:
            i = hit.start()
            ch, close = text[i], None
            if ch == "”" or (ch == '"' and i > ps and not text[i - 1].isspace() and not text[i + 1:i + 2].isalnum()):
                if not any(double for *_, double in spans):  # a closing mark with no opener
                    spans, close = [(ps, i, True)], i  # absorbs earlier ‘…’ spans
            elif ch in CLOSING_FOR:
                close = _double_close(text, ch, i + 1, pe)
                spans.append((i + 1, close, True))
            elif ch == "‘" and (i == ps or not text[i - 1].isalnum()) and text[i + 1:i + 2].isalnum():
                close = _single_close(text, i + 1, pe)
                if close is not None:
                    spans.append((i + 1, close, False))
            i = i + 1 if close is None else close + 1
        found += [(s, e, para_id) for s, e, _ in spans if text[s:e].strip()]
    return found


#: Double marks that may close (or, nested, open) a quotation that a given mark opened.
NESTED_MARKS_RE = {"“": re.compile("[“”]"), '"': re.compile('"')}


def _double_close(text: str, opener: str, pos: int, end: int) -> int:
    """Position of the mark closing a double quotation opened just before ``pos``; ``end`` if none.

    Marks nest: an inner opening mark (“ or, for straight quotes, a " with white space or a bracket on its
    left and a letter on its right) must be closed before the outer quotation can close, so
    ``"We reject "Northern Territories" claims," she said`` is one quotation. A curly “ with no ” left in
    the paragraph closes at a straight " found the same way.
    """
    for mark in CLOSING_FOR[opener]:
        pattern, depth = NESTED_MARKS_RE["“" if mark == "”" else '"'], 0
        for hit in pattern.finditer(text, pos, end):
            k = hit.start()
            if text[k] == "“" or (text[k] == '"' and (k == 0 or text[k - 1].isspace() or text[k - 1] in "([—–")
                                   and text[k + 1:k + 2].isalnum()):
                depth += 1
            elif depth:
                depth -= 1
            else:
                return k
    return end


def _single_close(text: str, pos: int, end: int) -> int | None:
    """Position of the first ’ in ``text[pos:end]`` not followed by a letter."""
    while (k := text.find("’", pos, end)) >= 0:
        if not text[k + 1:k + 2].isalpha():
            return k
        pos = k + 1
    return None


def mark_voice(text: str, paragraphs: Sequence[tuple[int, int]], sentences: Sequence[tuple[int, int]],
               mentions: Sequence[Mention], *, lexicon: VoiceLexicon | None = None,
               ) -> tuple[list[Quote], list[VoicedMention]]:
    """Find quotations and their speakers, and give every mention its voice.

    Parameters
    ----------
    text : str
        Clean article body, paragraphs separated by ``"\\n\\n"``.
    paragraphs, sentences : sequence of (start, end)
        Offsets into ``text``, in order.
    mentions : sequence of Mention
        Gazetteer mentions sorted by start.
    lexicon : VoiceLexicon, optional
        Defaults to the shipped ``data/voice.yaml``.

    Returns
    -------
    quotes : list of Quote
        In text order, scare quotes left out; a mention's ``quote_id`` indexes this list.
    voiced : list of VoicedMention
        One per mention, in the same order.

    Examples
    --------
    >>> text = '"We need peace with Japan," Peskov said. Tokyo calls the islands "Northern Territories".'
    >>> def m(surface, entity, etype, naming="neutral"):
    ...     i = text.index(surface)
    ...     return Mention(i, i + len(surface), surface, entity, etype, naming)
    >>> mentions = [m("Japan", "japan", "place"), m("Peskov", "dmitry_peskov", "person"),
    ...             m("Tokyo", "tokyo", "place"),
    ...             m("Northern Territories", "northern_territories", "collective_name", "japanese")]
    >>> quotes, voiced = mark_voice(text, [(0, len(text))], [(0, 40), (41, len(text))], mentions)
    >>> [(text[q.start:q.end], q.speaker, q.speaker_text, q.speaker_cue) for q in quotes]
    [('We need peace with Japan,', 'dmitry_peskov', 'Peskov', 'Peskov said')]
    >>> [(v.mention.surface, v.voice, v.speaker) for v in voiced]
    [('Japan', 'quoted', 'dmitry_peskov'), ('Peskov', 'narrator', None),
     ('Tokyo', 'narrator', None), ('Northern Territories', 'attributed', 'tokyo')]
    """
    lex = lexicon if lexicon is not None else _default_lexicon()
    spans = find_quotes(text, paragraphs)
    full = _full_names(mentions)
    turns = _turns(text, paragraphs, mentions, full)
    if turns:  # a transcript: each labelled paragraph is its speaker's words, quotation marks inside included
        spans = sorted([s for s in spans if s[2] not in turns] + [(t[0], min(paragraphs[pid][1], len(text)), pid)
                                                                  for pid, t in turns.items()])
    paras, sents, all_quotes_at = _Spans(paragraphs), _Spans(sentences), _Spans(spans)
    lowered = text.lower()
    windows = _cue_windows(lowered, lex) if len(lowered) == len(text) else None
    if windows is None or windows:
        subjects = _subjects(text, mentions, lex, windows)
        cues = _naming_cues(text, subjects, lex, paras, sents, all_quotes_at)
    else:  # no cue word in the text: no naming cue (the common case)
        subjects, cues = [], []
    scare = _scare_quotes(text, spans, mentions, lex)
    real = [span for i, span in enumerate(spans) if i not in scare]
    quotes_at = _Spans(real)
    verb_re, verb_text = (lex.verb_re_lower, lowered) if len(lowered) == len(text) else (lex.verb_re, text)

    def verb_in(start: int, end: int) -> re.Match | None:
        return verb_re.search(verb_text, start, end)

    cands = _candidates(text, mentions, lex, all_quotes_at, full, with_names=bool(real),
                        paragraphs=[p for i, p in enumerate(paragraphs) if all_quotes_at.overlapping(p) or verb_in(*p)
                                    or (i + 1 < len(paragraphs) and all_quotes_at.at(paragraphs[i + 1][0] + 1) is not None)],
                        all_paragraphs=paragraphs)
    quotes = _Speakers(text, real, paras, sents, cands, cues, lex, verb_in).quotes()
    if turns:
        quotes = [Quote(q.start, q.end, q.para_id, turns[q.para_id][1], turns[q.para_id][3], turns[q.para_id][2])
                  if q.para_id in turns
                  and q.start == turns[q.para_id][0] else q for q in quotes]
    cue_ends = sorted((c.end, i) for i, c in enumerate(cues))
    voiced = []
    for m in mentions:
        side = None
        if m.entity_type in lex.named_types:
            side = _cue_side(text, m, cues, cue_ends, subjects, lex) or _post_side(text, m, m.end, mentions, lex, sents)
            if side is None and (si := all_quotes_at.at(m.start)) is not None and si in scare:
                side = _post_side(text, m, spans[si][1] + 1, mentions, lex, sents) or _owner(m, lex)
            elif side is None and all_quotes_at.at(m.start) is None and _single_scare(text, m):
                side = _post_side(text, m, m.end + 1, mentions, lex, sents) or _owner(m, lex)
            elif side is None and SO_CALLED_RE.search(text, max(0, m.start - 16), m.start):
                side = _owner(m, lex)  # the so-called Northern Territories, without quotation marks
            if side is None and lex.language_before_re is not None and (
                    lang := lex.language_before_re.search(text, max(0, m.start - 24), m.start)):
                side = _subject_at(text, lang.start("side"), mentions, lex)  # "Iturup, Japanese Etorofu,"
                side = side if side is not None and _side_ok(side[0], m, lex) else None
            if side is None and voiced and voiced[-1].mention.entity == m.entity \
                    and voiced[-1].mention.naming == OTHER_SIDE.get(m.naming) \
                    and GLOSS_BEFORE_RE.fullmatch(text, voiced[-1].mention.end, m.start) \
                    and GLOSS_AFTER_RE.match(text, m.end):  # "Kunashir (Kunashiri)": the other side's spelling
                side = _owner(m, lex)
            if side is None and voiced and voiced[-1].voice == "attributed" and _side_ok(voiced[-1].speaker, m, lex) \
                    and GLOSS_BEFORE_RE.fullmatch(text, voiced[-1].mention.end, m.start) \
                    and GLOSS_AFTER_RE.match(text, m.end):  # 'the term "Northern Territories" (Hoppo Ryodo)'
                side = voiced[-1].speaker, voiced[-1].speaker_text
        qi = quotes_at.at(m.start)
        if side is not None:
            voiced.append(VoicedMention(m, "attributed", side[0], None, side[1]))
        elif qi is not None and m.end <= real[qi][1] and not any(
                b.start() <= m.start < b.end() for b in BRACKET_RE.finditer(text, real[qi][0], real[qi][1])):
            voiced.append(VoicedMention(m, "quoted", quotes[qi].speaker, qi, quotes[qi].speaker_text))
        else:
            voiced.append(VoicedMention(m, "narrator", None, None))
    return quotes, voiced


#: A speaker label opening a paragraph of a transcript: "Mr. Ivan Petrov (Deputy Minister): ...",
#: "Chairperson (Ms. Anna Berg): ...", "Lavrov: ...".
TURN_RE = re.compile(r"(?:(?P<hon>Mr|Mrs|Ms|Dr|Prof)\.?\s+)?(?P<name>[A-Z][\w’'.-]*(?:[ ][A-Z][\w’'.-]*){0,3})"
                     r"(?:\s*\((?P<role>[^()\n]{1,160})\))?\s*:\s+(?=\S)")
#: An honorific and the name after it: "Ms. Anna Berg".
HONORIFIC_NAME_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+(?P<name>[A-Z][\w’'-]+(?:[ ][A-Z][\w’'-]+){0,2})")
#: A transcript has at least this many labelled paragraphs (one "Note: ..." paragraph is no transcript).
MIN_TURNS = 2


def _turns(text: str, paragraphs: Sequence[tuple[int, int]], mentions: Sequence[Mention],
           full: dict[str, str]) -> dict[int, tuple[int, str | None, str, str]]:
    """Paragraphs of a transcript that open with a speaker label: para_id -> (start of the words, speaker
    entity, speaker as written, label).

    A label is an honorific and a name ("Mr. Oda:"), a role with a name in brackets ("Chairperson (Ms. Anna
    Berg):") or a person the gazetteer knows ("Lavrov:"). A lone family name takes the full name written
    earlier ("I call Mr. Ken Oda." ... "Mr. Oda:" is Ken Oda). Fewer than ``MIN_TURNS`` labels: no transcript.

    Examples
    --------
    >>> text = "Chair (Ms. Anna Berg): I call Mr. Ken Oda.\\n\\nMr. Oda: Thank you."
    >>> _turns(text, [(0, 42), (44, len(text))], [], {})
    {0: (23, None, 'Anna Berg', 'Chair (Ms. Anna Berg):'), 1: (53, None, 'Ken Oda', 'Mr. Oda:')}
    >>> _turns("Note: the figures are provisional.", [(0, 34)], [], {})
    {}
    """
    found: dict[int, tuple[int, str | None, str, str]] = {}
    starts = [m.start for m in mentions]
    for pid, (ps, pe) in enumerate(paragraphs):
        label = TURN_RE.match(text, ps, min(pe, len(text)))
        if label is None:
            continue
        entity, name = None, None
        i = bisect_left(starts, label.start("name"))
        if i < len(mentions) and mentions[i].start == label.start("name") and mentions[i].entity_type == "person" \
                and mentions[i].end <= label.end("name"):
            entity, name = mentions[i].entity, full.get(mentions[i].entity, mentions[i].surface)
        elif label.group("hon"):
            name = label.group("name")
        elif label.group("role") and (inner := HONORIFIC_NAME_RE.search(label.group("role"))):
            name = inner.group("name")
            j = bisect_left(starts, label.start("role") + inner.start("name"))
            if j < len(mentions) and mentions[j].start == label.start("role") + inner.start("name") \
                    and mentions[j].entity_type == "person":
                entity, name = mentions[j].entity, full.get(mentions[j].entity, name)
        if name is None:
            continue
        if " " not in name:  # "Mr. Oda": the full name written before ("I recognize Mr. Kenjiro Oda")
            earlier = [h.group("name") for h in HONORIFIC_NAME_RE.finditer(text, 0, ps)]
            name = next((n for n in reversed(earlier) if n.endswith(" " + name)), name)
        found[pid] = (label.end(), entity, name, " ".join(text[ps:label.end()].split()))
    return found if len(found) >= MIN_TURNS else {}


def _single_scare(text: str, m: Mention) -> bool:
    """A name between single quotation marks in the outlet's words ('Northern Territories')."""
    return m.start > 0 and text[m.start - 1] in "'‘" and text[m.end:m.end + 1] in ("'", "’") \
        and (m.start < 2 or not text[m.start - 2].isalnum()) and not text[m.end + 1:m.end + 2].isalnum()


def _full_names(mentions: Sequence[Mention]) -> dict[str, str]:
    """Entity id -> its longest surface in the article ("Dmitry Peskov" for a later "Peskov")."""
    full: dict[str, str] = {}
    for m in mentions:
        if m.entity_type in SPEAKER_TYPES and len(m.surface) > len(full.get(m.entity, "")):
            full[m.entity] = " ".join(m.surface.split())
    return full


def _owner(m: Mention, lex: VoiceLexicon) -> tuple[str, str | None] | None:
    """The side whose spelling a name is (``naming_owner``), for a name the outlet puts in scare quotes."""
    owner = lex.naming_owner.get(m.naming)
    return (owner, None) if owner else None


def _side_ok(entity: str, m: Mention, lex: VoiceLexicon) -> bool:
    """A Russian-named mention is never Japan's name for the thing, and the reverse."""
    return m.naming != OTHER_SIDE.get(lex.sides.get(entity, ""))


def _cue_side(text: str, m: Mention, cues: list[_Cue], cue_ends: list[tuple[int, int]], subjects: list[_Subj],
              lex: VoiceLexicon) -> tuple[str, str] | None:
    """The side of the latest naming cue whose scope holds ``m`` (rule 3), or None.

    Inside a scope, a side-bearing subject standing just before the name takes over
    ("which Moscow calls the Kurils and Tokyo the Northern Territories"). ``cue_ends`` are the cues'
    (end, index), sorted: a scope is at most ``naming_scope_words`` long, so only cues ending shortly
    before the name are looked at.
    """
    lo = bisect_left(cue_ends, (m.start - CUE_SCOPE_CHARS, -1))
    hi = bisect_right(cue_ends, (m.start, len(cues)))
    for _, i in sorted(cue_ends[lo:hi], key=lambda item: -item[1]):
        cue = cues[i]
        if m.end > cue.scope_end:
            continue
        entity, written = cue.entity, cue.text
        j = bisect_right(subjects, m.start, key=lambda subject: subject.start) - 1
        while j >= 0 and subjects[j].start >= max(cue.end, m.start - 40):
            s = subjects[j]
            if s.end <= m.start and ELLIPSIS_GAP_RE.fullmatch(text, s.end, m.start):
                entity, written = s.entity, s.text
                break
            j -= 1
        if _side_ok(entity, m, lex):
            return entity, written
    return None


def _post_side(text: str, m: Mention, pos: int, mentions: Sequence[Mention], lex: VoiceLexicon,
               sents: _Spans) -> tuple[str, str] | None:
    """The side of a post-posed cue right after a name ("Etorofu in Japan", "(Kunashiri in Japanese)").

    A cue after the last name of a list applies to every name of the list ("Etorofu, Kunashiri and
    Shikotan in Japanese usage"; "Kunashiri and Etorofu, as Japan knows them").
    """
    if pos == m.end:
        i = bisect_right(mentions, m.start, key=lambda mm: mm.start)
        while i < len(mentions) and mentions[i].entity_type in lex.named_types \
                and LIST_JOIN_RE.fullmatch(text, pos, mentions[i].start):
            pos = mentions[i].end
            i += 1
    if lex.post_first_re is None or lex.post_first_re.match(text, pos) is None:
        return None
    for cue_re, needs_licence in lex.post_res:
        hit = cue_re.match(text, pos)
        if hit is None:
            continue
        if needs_licence and hit.group("side").lower() not in lex.language_words and not _licensed(text, m, lex, sents):
            continue
        subject = _subject_at(text, hit.start("side"), mentions, lex)
        if subject is not None and _side_ok(subject[0], m, lex):
            return subject
    return None


def _licensed(text: str, m: Mention, lex: VoiceLexicon, sents: _Spans) -> bool:
    """A short gloss ("in Japan") counts after a bracket or dash, or after a naming verb in the clause."""
    if GLOSS_OPENER_RE.search(text, max(0, m.start - 16), m.start):
        return True
    sent_start = sents.bounds(m.start, (0, len(text)))[0]
    window = max(sent_start, m.start - 160)
    return lex.trigger_re is not None and lex.trigger_re.search(text, window, m.start) is not None


def _subject_at(text: str, pos: int, mentions: Sequence[Mention], lex: VoiceLexicon) -> tuple[str, str] | None:
    """The side-bearing subject starting at ``pos`` (after an optional "the"), as (entity, as written)."""
    for start in (pos, pos + 4) if text[pos:pos + 4].lower() == "the " else (pos,):
        i = bisect_right(mentions, start, key=lambda mm: mm.start) - 1
        if i >= 0 and mentions[i].start == start and mentions[i].entity_type in SUBJECT_TYPES:
            return mentions[i].entity, mentions[i].surface
        if lex.subject_re is not None and (word := lex.subject_re.match(text, start)):
            if word.lastgroup.startswith("e_"):
                return word.lastgroup[2:], word.group()
            found = _resolve_pronoun(word.lastgroup[2:], start, mentions, lex)
            if found is not None:
                return found
    return None


def _resolve_pronoun(kind: str, pos: int, mentions: Sequence[Mention], lex: VoiceLexicon) -> tuple[str, str] | None:
    """The nearest side-bearing mention before ``pos`` ("which it calls": "it" is the last side named)."""
    i = bisect_right(mentions, pos, key=lambda mm: mm.start) - 1
    while i >= 0:
        mm = mentions[i]
        if mm.end <= pos and mm.entity in lex.sides and (kind == "any" or mm.entity_type == kind):
            return mm.entity, mm.surface
        i -= 1
    return None


def _may_cue(text: str, start: int, end: int, lex: VoiceLexicon) -> bool:
    """Whether some naming cue may hold the subject at ``text[start:end]`` (the cue pre-check)."""
    if lex.cue_suffix_re is not None and lex.cue_suffix_re.match(text, end) is not None:
        return True
    bare = lex.cue_bare_prefix_re
    return bare is not None and bare.search(text, max(0, start - 60), start) is not None


def _cue_windows(lowered: str, lex: VoiceLexicon) -> list[tuple[int, int]] | None:
    """Stretches of text around the cues' distinctive words, where alone a cue can stand; None: no pre-check."""
    if lex.cue_anchor_re is None:
        return None
    windows: list[tuple[int, int]] = []
    for hit in lex.cue_anchor_re.finditer(lowered):
        lo, hi = max(0, hit.start() - CUE_WINDOW_BEFORE), min(len(lowered), hit.end() + CUE_WINDOW_AFTER)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def _subjects(text: str, mentions: Sequence[Mention], lex: VoiceLexicon,
              windows: list[tuple[int, int]] | None = None) -> list[_Subj]:
    """Possible subjects of naming cues: place/organisation/person mentions, side words, resolved pronouns.

    Side words and pronouns are kept only where a cue's suffix follows them (the cue pre-check).
    """
    near = _Spans(windows) if windows is not None else None
    subjects = [_Subj(m.start, m.end, m.entity, m.entity_type, m.surface) for m in mentions
                if m.entity_type in SUBJECT_TYPES and (near is None or near.at(m.start) is not None)]
    if lex.subject_re is None:
        return subjects
    taken = _Spans([(m.start, m.end) for m in mentions])
    seen = set()
    lowered = text.lower()
    same = len(lowered) == len(text)
    patterns, scanned = (lex.subject_cue_res_lower, lowered) if same else (lex.subject_cue_res, text)
    for pattern in patterns:
        for hit in (h for lo, hi in (windows or [(0, len(text))]) for h in pattern.finditer(scanned, lo, hi)):
            group = hit.lastgroup
            start, end = hit.span(group)
            if start in seen or taken.at(start) is not None or taken.at(end - 1) is not None:
                continue
            seen.add(start)
            if group.startswith("e_"):
                subjects.append(_Subj(start, end, group[2:], "word", text[start:end]))
            elif (found := _resolve_pronoun(group[2:], start, mentions, lex)) is not None:
                subjects.append(_Subj(start, end, found[0], "pronoun", found[1]))
    return sorted(subjects)


def _scare_quotes(text: str, spans: list[tuple[int, int, int]], mentions: Sequence[Mention],
                  lex: VoiceLexicon) -> set[int]:
    """Indexes of quotations that hold a territory name only ("so-called 'northern territories'"), or only the
    name of an organisation, event or thing named after a territory (the "Iturup" youth forum).

    Such a quotation is the outlet reporting a term or a title, not someone's statement.
    """
    scare = set()
    if not spans or not mentions:
        return scare
    starts = [m.start for m in mentions]
    for qi, (start, end, _) in enumerate(spans):
        i = bisect_right(starts, start - 1)
        inside = []
        while i < len(mentions) and mentions[i].start < end:
            inside.append(mentions[i])
            i += 1
        if (len(inside) == 1 and inside[0].end <= end
                and (inside[0].entity_type in lex.named_types or inside[0].entity_type in TITLE_TYPES)
                and TERM_BEFORE_RE.fullmatch(text, start, inside[0].start)
                and TERM_AFTER_RE.fullmatch(text, inside[0].end, end)):
            scare.add(qi)
    return scare


def _candidates(text: str, mentions: Sequence[Mention], lex: VoiceLexicon, quotes_at: _Spans,
                full: dict[str, str], *, with_names: bool = True,
                paragraphs: Sequence[tuple[int, int]] = (),
                all_paragraphs: Sequence[tuple[int, int]] = ()) -> list[_Cand]:
    """Speaker candidates outside quotations; a role phrase hides the mentions it contains.

    Candidates are person and organisation mentions (their text: the longest spelling in the article),
    names the gazetteer does not know (with_names), and role phrases (as written).
    """
    named = [_Cand(m.start, m.end, m.entity_type, m.entity, full.get(m.entity, m.surface))
             for m in mentions if m.entity_type in SPEAKER_TYPES]
    lowered = text.lower()  # lower-case scan is ~4x faster than re.IGNORECASE; offsets equal when lengths are
    role_re, scanned = (lex.role_re_lower, lowered) if len(lowered) == len(text) else (lex.role_re, text)
    if scanned is lowered and lex.role_kinds:
        kinds = lex.role_kinds
        roles = [_Cand(r.start(), r.end(), kinds[" ".join(r.group().split())], None,
                       " ".join(text[r.start():r.end()].split()), True) for r in lex.role_re_grouped.finditer(lowered)]
    else:
        roles = [_Cand(r.start(), r.end(), r.lastgroup, None, " ".join(text[r.start():r.end()].split()), True)
                 for r in role_re.finditer(scanned)]
    named_at = _Spans([(n.start, n.end) for n in named])
    roles = [r for r in roles if not _straddles(named_at, r.start, r.end)]
    roles_at = _Spans([(r.start, r.end) for r in roles])
    named = [n for n in named if not _inside(roles_at, n.start, n.end)]
    names = _unknown_names(text, mentions, roles, lex, paragraphs, all_paragraphs) if with_names else []
    if with_names and lex.described_re is not None:
        described = [_Cand(d.start(), d.end(), "person", None, " ".join(d.group().split()))
                     for d in lex.described_re.finditer(text)
                     if not PREPOSITION_BEFORE_RE.search(text, max(0, d.start() - 8), d.start())]  # "In a statement,"
        outer = _Spans(_disjoint([(d.start, d.end) for d in described]))
        named, roles, names = ([c for c in group if not _inside(outer, c.start, c.end)]
                               for group in (named, roles, names))
        names += [d for d in described if (i := outer.at(d.start)) is not None and outer.spans[i] == (d.start, d.end)]
    inside = [c for c in named + roles + names if quotes_at.at(c.start) is None and quotes_at.at(c.end - 1) is None]
    return sorted(inside, key=lambda c: (c.start, c.end))


def _straddles(spans: _Spans, start: int, end: int) -> bool:
    """Whether one of the sorted, disjoint ``spans`` overlaps [start, end) without lying inside it."""
    i = bisect_right(spans.starts, end - 1) - 1
    while i >= 0 and spans.spans[i][1] > start:
        s, e = spans.spans[i][:2]
        if s < start or e > end:
            return True
        i -= 1
    return False


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest of overlapping spans, in order."""
    kept: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _inside(spans: _Spans, start: int, end: int) -> bool:
    i = spans.at(start)
    return i is not None and end <= spans.spans[i][1]


def _unknown_names(text: str, mentions: Sequence[Mention], roles: list[_Cand], lex: VoiceLexicon,
                   paragraphs: Sequence[tuple[int, int]] = (),
                   all_paragraphs: Sequence[tuple[int, int]] = ()) -> list[_Cand]:
    """Personal names the gazetteer does not know: runs of capitalised words, titles cut off.

    "Deputy Foreign Minister Ivan Petrov" gives "Ivan Petrov" (``name_title_words`` split a run); a run
    with a ``name_stop_words`` word (a month, "Ministry", "Islands") or one that overlaps a gazetteer
    mention or a role is not a name. A later lone "Petrov" is the same person, and so is a later lone "Zhang"
    after "Zhang Wenhao" (family name first); an honorific makes one word a name ("Mr. Sato"). Candidates
    come from ``paragraphs`` only (all of the text if none are given: those with a quotation or a speech
    verb), but full names are learnt from ``all_paragraphs`` before them too ("Setsuko Oikawa can see the
    island." ... '"...," said Oikawa').
    """
    selected = {(ps, pe) for ps, pe in paragraphs} if all_paragraphs else None
    paragraphs = all_paragraphs or paragraphs
    taken = _Spans(sorted([(m.start, m.end) for m in mentions] + [(r.start, r.end) for r in roles]))
    names: list[_Cand] = []
    surnames: dict[str, str] = {}
    org_taken = _Spans(_disjoint([(m.start, m.end) for m in mentions if m.entity_type in SPEAKER_TYPES]
                                 + [(r.start, r.end) for r in roles]))
    runs = ((selected is None or (ps, pe) in selected, run) for ps, pe in (paragraphs or [(0, len(text))])
            for run in NAME_RUN_RE.finditer(text, ps, pe))
    for emit, run in runs:
        if " " not in run.group() and (not emit or POSSESSIVE_RE.sub("", run.group()) not in surnames):
            if not emit or not HONORIFIC_BEFORE_RE.search(text, max(0, run.start() - 6), run.start()):
                continue  # one capitalised word: a name only as the family name of a full name met before
            names.append(_Cand(run.start(), run.start() + len(POSSESSIVE_RE.sub("", run.group())), "person", None,
                               POSSESSIVE_RE.sub("", run.group())))  # "Mr. Sato (no first name given)"
            continue
        if not emit:  # learn full names only
            words = [POSSESSIVE_RE.sub("", t) for t in run.group().split()]
            if all(w.lower() not in lex.name_title_words and w.lower() not in lex.name_stop_words
                   and not (len(w) > 1 and w.isupper()) for w in words) and 2 <= len(words) <= 3 \
                    and not _overlaps(taken, run.start(), run.end()):
                written = " ".join(words)
                surnames.setdefault(words[-1], written)
                surnames.setdefault(words[0], written)
            continue
        tokens = list(WORD_RE.finditer(text, run.start(), run.end()))
        while tokens and tokens[0].group() in ("The", "A", "An"):
            tokens.pop(0)
        if tokens and POSSESSIVE_RE.sub("", tokens[-1].group()).lower() in lex.organisation_heads \
                and not _overlaps(org_taken, tokens[0].start(), tokens[-1].end()):
            end = tokens[-1].end() - (len(tokens[-1].group()) - len(POSSESSIVE_RE.sub("", tokens[-1].group())))
            if end == tokens[-1].end() and (tail := ORG_TAIL_RE.match(text, end)):
                end = tail.end()  # "the Federal Agency for Fishery", "the Ministry of Energy"
            written = " ".join(text[tokens[0].start():end].split())
            names.append(_Cand(tokens[0].start(), end, "organisation", None, written))
            continue
        segment: list[re.Match] = []
        for token in [*WORD_RE.finditer(text, run.start(), run.end()), None]:
            raw = POSSESSIVE_RE.sub("", token.group()) if token is not None else ""
            word = raw.lower()
            stop = word in lex.name_stop_words or (len(raw) > 1 and raw.isupper())  # an acronym: "Arctic LNG"
            if token is not None and word not in lex.name_title_words and not stop:
                segment.append(token)
                continue
            if stop:  # "New York Times", "Fisheries Agency", "Yamal LNG": no name before the word
                segment = []
            if segment:
                start, end = segment[0].start(), segment[-1].end()
                end -= len(segment[-1].group()) - len(POSSESSIVE_RE.sub("", segment[-1].group()))
                if not _overlaps(taken, start, end):
                    written = " ".join(POSSESSIVE_RE.sub("", t.group()) for t in segment)
                    if len(segment) >= 2:
                        surnames.setdefault(written.split()[-1], written)
                        surnames.setdefault(written.split()[0], written)  # "Zhang Wenhao" ... "Zhang told"
                        names.append(_Cand(start, end, "person", None, written))
                    elif written in surnames:
                        names.append(_Cand(start, end, "person", None, surnames[written]))
                    elif HONORIFIC_BEFORE_RE.search(text, max(0, start - 6), start):
                        names.append(_Cand(start, end, "person", None, written))  # "Mr. Sato": no first name given
            segment = []
    return names


def _overlaps(spans: _Spans, start: int, end: int) -> bool:
    i = bisect_right(spans.starts, end - 1) - 1
    return i >= 0 and spans.spans[i][1] > start


def _within(inner: _Cand, outer: _Cand) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _naming_cues(text: str, subjects: Sequence[_Subj], lex: VoiceLexicon, paras: _Spans, sents: _Spans,
                 quotes_at: _Spans) -> list[_Cue]:
    """Naming cues around subjects (mentions, side words, pronouns), with their scopes (rule 3)."""
    cues = []
    for m in subjects:
        if not _may_cue(text, m.start, m.end, lex):
            continue
        para = paras.bounds(m.start, (0, len(text)))
        sent_start, sent_end = sents.bounds(m.start, para)
        best = None
        for prefix_re, suffix_re in lex.cue_res:
            after = suffix_re.match(text, m.end)
            before = after and prefix_re.search(text, sent_start, m.start)
            if not before:
                continue
            nxt = NEXT_WORD_RE.match(text, after.end())
            if nxt and nxt.group(1).lower() in lex.cue_not_followed_by:
                continue
            if best is None or (before.start(), -after.end()) < (best[0], -best[1]):
                best = (before.start(), after.end())
        if best is None:
            continue
        limit = min(sent_end, para[1])
        qi = quotes_at.at(best[0])
        limit = min(limit, quotes_at.spans[qi][1]) if qi is not None else limit
        if stop := CLAUSE_END_RE.search(text, best[1], limit):
            limit = stop.start()
        for n, word in enumerate(WORD_RE.finditer(text, best[1], limit), start=1):
            if n == lex.naming_scope_words:
                limit = word.end()
                break
        cues.append(_Cue(best[0], best[1], limit, m.entity, m.kind, m.text))
    return sorted(cues)


class _Speakers:
    """Walk narrator speech events and quotations in text order, assigning speakers (rule 4)."""

    def __init__(self, text: str, spans: list[tuple[int, int, int]], paras: _Spans, sents: _Spans,
                 cands: list[_Cand], cues: list[_Cue], lex: VoiceLexicon, verb_in=None) -> None:
        self.verb_in = verb_in or (lambda start, end: lex.verb_re.search(text, start, end))
        self.text, self.spans, self.paras, self.sents = text, spans, paras, sents
        self.cands, self.cues, self.lex = cands, cues, lex
        self.events: list[_Event] = []
        self.subjects: dict[int, tuple[_Cand, int] | None] = {}
        self.cue_starts = [cue.start for cue in cues]
        self.cand_starts = [c.start for c in cands]
        self.spans_at = _Spans(spans)

    def quotes(self) -> list[Quote]:
        text, sents, paras = self.text, self.sents, self.paras
        stream: list[tuple[int, int, object]] = []
        for c in self.cands:  # narrator speech events: "Peskov told", "According to the spokesman,"
            sent_start = sents.bounds(c.start, paras.bounds(c.start, (0, len(text))))[0]
            if verb := self.lex.subject_verb_re.match(text, c.end):
                stream.append((verb.end(), 0, (c, self.cue_text(c.start, verb.end()))))
            elif according := ACCORDING_TO_RE.search(text, sent_start, c.start):
                stream.append((c.start, 0, (c, self.cue_text(according.start(), c.end))))
            elif self.side_of(c) and not text[sent_start:c.start].strip():  # "The Japanese premier expressed"
                stream.append((c.start, 0, (c, self.cue_text(c.start, c.end))))
            elif (found := self.subject(sent_start)) is not None and found[0] is c:
                stream.append((found[1], 0, (c, self.cue_text(c.start, c.end))))  # "X, who heads ..., said"
        stream += [(start, 1, qi) for qi, (start, _, _) in enumerate(self.spans)]
        speakers = {}
        for pos, is_quote, payload in sorted(stream, key=lambda item: item[:2]):
            if not is_quote:
                c, cue = payload
                if found := self.resolve(c):
                    para_id = paras.at(c.start)
                    self.events.append(_Event(pos, *found, c.kind, cue, -1 if para_id is None else para_id, True))
                continue
            start, _, para_id = self.spans[payload]
            found = self.speaker(payload)
            speakers[payload] = (found[0], found[3], found[1]) if found else (None, None, None)
            if found:
                self.events.append(_Event(start, found[0], found[1], found[2], found[3], para_id, found[4]))
        return [Quote(s, e, p, *speakers[qi]) for qi, (s, e, p) in enumerate(self.spans)]

    def subject(self, sent_start: int) -> tuple[_Cand, int] | None:
        """The speaking subject of the sentence starting at ``sent_start`` and the end of its speech verb.

        The candidates before the sentence's first speech verb, the first of them opening the sentence:
        the first person named among them ("Kremlin spokesman Dmitry Peskov said"; "Another resident,
        fisherman Igor Baranov, said"), else the first of them ("A spokesman for the fleet said").
        """
        if sent_start in self.subjects:
            return self.subjects[sent_start]
        found = None
        sent_end = self.sents.bounds(sent_start, (sent_start, len(self.text)))[1]
        i = bisect_left(self.cands, sent_start, key=lambda c: c.start)
        verb = self.verb_in(sent_start, sent_end) if i < len(self.cands) else None
        if verb is not None:
            clause_start = sent_start
            for joint in CLAUSE_JOINT_RE.finditer(self.text, sent_start, verb.start()):
                clause_start = joint.end()  # "Putin proposed it, but Abe called the idea ...": Abe's clause
            region = []
            while i < len(self.cands) and self.cands[i].end <= verb.start():
                if self.cands[i].start >= clause_start:
                    region.append(self.cands[i])
                i += 1
            if region and self.is_subject(region[0], clause_start) \
                    and self.spans_at.at(sent_start) is None and self.spans_at.at(verb.start()) is None:
                persons = [c for c in region if not c.role and c.kind == "person" and not DESCRIBED_RE.match(c.text)]
                found = (persons[0] if persons else region[0]), verb.end()
        self.subjects[sent_start] = found
        return found

    def is_subject(self, c: _Cand, sent_start: int) -> bool:
        """Whether a candidate opens its sentence (after at most a few words: "Its director, Andrei Volkov")."""
        return len(WORD_RE.findall(self.text, sent_start, c.start)) <= SUBJECT_LEAD_WORDS

    def side_of(self, c: _Cand) -> str | None:
        """The side a role phrase names ("the Japanese premier": japanese), from ``role_sides``; None otherwise."""
        if not c.role or not self.lex.role_sides:
            return None
        return self.lex.role_sides.get(c.text.lower())

    def resolve(self, c: _Cand) -> tuple[str | None, str] | None:
        """(entity, as written) of a candidate: a mention or a name stands for itself, an institution too;
        a role for its kind's most recent established speaker, else most recent mention or name.

        A role that names a side resolves only to entities of that side (``sides``).
        """
        if not c.role:
            return c.entity, c.text
        if c.kind == "institution":
            return None, c.text
        side = self.side_of(c)
        sides = self.lex.sides
        para = self.paras.at(c.start)
        for e in reversed(self.events):
            if e.established and e.kind == c.kind and (side is None or sides.get(e.entity) == side):
                if e.entity is None and not self.titled(e.text, c.text):
                    continue  # "the president" is not the district head named before
                if side is None and para is not None and e.para_id == para - 1:
                    # a speaker of the previous paragraph yields to a person named since in this one
                    # ("Ishiba said ... \n\n ... came from Medvedev. The former president wrote ...")
                    since = next((p for p in reversed(self.cands) if not p.role and p.kind == c.kind
                                  and e.pos <= p.start and p.end <= c.start and not DESCRIBED_RE.match(p.text)
                                  and (p.entity is not None or self.titled(p.text, c.text))
                                  and self.paras.at(p.start) == para), None)
                    if since is not None:
                        return since.entity, since.text
                if side is None and para is not None and e.para_id < para - 1:
                    # a speaker two paragraphs back yields to a person named since ("Mr. Kawabata ... he said")
                    later = next((p for p in reversed(self.cands) if not p.role and p.kind == c.kind
                                  and e.pos <= p.start and p.end <= c.start and not DESCRIBED_RE.match(p.text)
                                  and (p.entity is not None or self.titled(p.text, c.text))
                                  and self.paras.at(p.start) is not None and self.paras.at(p.start) >= para - 1), None)
                    if later is not None:
                        return later.entity, later.text
                return e.entity, e.text
        return next(((p.entity, p.text) for p in reversed(self.cands)
                     if not p.role and p.kind == c.kind and p.end <= c.start
                     and (p.entity is not None or (side is None and " " not in c.text and not DESCRIBED_RE.match(p.text)))
                     and (side is None or sides.get(p.entity) == side)), None)  # "he": also a name not in the gazetteer

    def cands_from(self, start: int, end: int) -> list[_Cand]:
        """The candidates starting in [start, end), in order (candidates are sorted by start)."""
        return self.cands[bisect_left(self.cand_starts, start):bisect_left(self.cand_starts, end)]

    def titled(self, name: str, role: str) -> bool:
        """Whether a name the gazetteer does not know can be what a role phrase says: always for a one-word
        role ("he"); for a titled role ("the director"), only if its last word stands near the name's first
        occurrence ("Its director, Andrei Volkov")."""
        words = role.lower().split()
        if len(words) < 2:
            return True
        at = self.text.find(name)
        return at >= 0 and words[-1] in self.text[max(0, at - TITLE_WINDOW):at + len(name) + TITLE_WINDOW].lower()

    def cue_text(self, start: int, end: int) -> str:
        """The cue's words, with white space collapsed and a "the" just before included."""
        if the := THE_BEFORE_RE.search(self.text, max(0, start - 8), start):
            start = the.start()
        return " ".join(self.text[start:end].split())

    def speaker(self, qi: int) -> tuple[str | None, str, str, str, bool] | None:
        """Return (entity, as written, kind, cue, established) for quotation ``qi`` by rules 4a-4d, or None."""
        text, sents, cands = self.text, self.sents, self.cands
        start, end, para_id = self.spans[qi]
        ps, pe = self.paras.spans[para_id][:2]
        for cue in self.cues[bisect_left(self.cue_starts, start - CUE_SCOPE_CHARS - 400):]:  # a: in a cue's scope
            if cue.start > start:
                break
            if cue.end <= start <= cue.scope_end:
                return cue.entity, cue.text, cue.kind, self.cue_text(cue.start, cue.end), False
        # b: the attribution clause after the closing mark, up to the sentence end or the next quotation
        following = self.spans[qi + 1] if qi + 1 < len(self.spans) else None
        next_open = following[0] - 1 if following and following[2] == para_id else pe
        clause_start, si = min(end + 1, pe), sents.at(min(end, pe - 1))
        clause_end = min(sents.spans[si][1] if si is not None else pe, next_open, pe)
        if not text[clause_start:clause_end].strip() and si is not None and si + 1 < len(sents.spans):
            nxt_start, nxt_end = sents.spans[si + 1][:2]
            if text[nxt_start:nxt_end].lstrip()[:1].islower() and nxt_end <= pe:
                clause_end = min(nxt_end, next_open)
        verb = self.verb_in(clause_start, max(clause_start, clause_end))
        if verb is not None and RELATIVE_BEFORE_RE.search(text, max(clause_start, verb.start() - 12), verb.start()):
            verb = None  # "remarks by Ishiba, who told parliament": a relative clause, not an attribution
        if verb is not None:
            near = [c for c in self.cands_from(clause_start, clause_end) if c.end <= clause_end]
            near.sort(key=lambda c: (verb.start() - c.end, 0) if c.end <= verb.start() else (c.start - verb.end(), 1))
            if near:  # the subject opening the clause, else the one nearest the verb; never a farther known person
                c = near[0]
                region = sorted((n for n in near if n.end <= verb.start()), key=lambda n: n.start)
                if region and CLAUSE_OPENING_RE.fullmatch(text, clause_start, region[0].start):
                    persons = [n for n in region
                               if not n.role and n.kind == "person" and not DESCRIBED_RE.match(n.text)]
                    c = persons[0] if persons else region[0]
                found = self.resolve(c) or (None, c.text)
                lo, hi = min(c.start, verb.start()), max(c.end, verb.end())
                return found[0], found[1], c.kind, self.cue_text(lo, hi), True
        # c: a fragment inside a narrator sentence: the nearest candidate before it
        if start > ps:
            sent_start = sents.bounds(start - 1, (ps, pe))[0]
            before = [c for c in self.cands_from(sent_start, start - 1) if c.end <= start - 1]
            if before:
                c = before[-1]
                owner = self.lex.possessive_speech_re is not None and self.lex.possessive_speech_re.match(text, c.end)
                if not owner and (subject := self.subject(sent_start)) is not None and subject[1] <= start:
                    c = subject[0]  # "A spokesman for the fleet, speaking ..., said the crews would "..."
                elif not owner and (talker := next((b for b in reversed(before) if (v := self.lex.subject_verb_re.match(
                        text, b.end)) and v.end() <= start), None)) is not None:
                    c = talker  # "Speaking at the rally, Ishiba told officials that ... "...": the one who told
                if c.role and c.kind == "person" and len(c.text.split()) == 1:
                    opener = next((b for b in before if not b.role and b.kind == "person" and b.start < c.start
                                   and self.is_subject(b, sent_start) and not DESCRIBED_RE.match(b.text)), None)
                    c = opener or c  # "Tanaka, who ..., put it simply when he spoke: "...": he is Tanaka
                found = self.resolve(c) or (None, c.text)
                return found[0], found[1], c.kind, self.cue_text(c.start, c.end), False
        # d: the latest speaker event of the same paragraph
        for e in reversed(self.events):
            if e.para_id == para_id and e.pos < start:
                return e.entity, e.text, e.kind, e.cue, e.established
        # e: a quotation opening its paragraph with no attribution: the previous paragraph's speaker
        if para_id > 0 and not text[ps:start - 1].strip():
            return self.previous_speaker(para_id)
        return None

    def previous_speaker(self, para_id: int) -> tuple[str | None, str, str, str, bool] | None:
        """The speaker a quotation paragraph continues from the paragraph before it: that paragraph's unclosed
        last quotation ('"... closed.' then '"The irony ..."'), else a person opening its last sentence
        ("The branch's chairman, Takeo Mori, put it plainly:"; "Sumiko Oyama, 87, who was born there, came")."""
        text = self.text
        pps, ppe = self.paras.spans[para_id - 1][:2]
        for e in reversed(self.events):
            if e.para_id == para_id - 1 and e.pos >= pps and self.spans_at.at(e.pos) is not None \
                    and self.spans[self.spans_at.at(e.pos)][1] >= ppe:
                return e.entity, e.text, e.kind, e.cue, e.established
            if e.para_id < para_id - 1:
                break
        sent_start = self.sents.bounds(max(pps, ppe - 1), (pps, ppe))[0]
        for c in self.cands_from(sent_start, ppe):
            if not c.role and c.kind == "person" and not DESCRIBED_RE.match(c.text) and self.is_subject(c, sent_start):
                found = self.resolve(c) or (None, c.text)
                return found[0], found[1], c.kind, self.cue_text(c.start, c.end), False
        return None


@lru_cache(maxsize=1)
def _default_lexicon() -> VoiceLexicon:
    return load_voice_lexicon()


def load_voice_lexicon(path: str | Path | None = None) -> VoiceLexicon:
    """Load and validate the voice cues (speech verbs, roles, naming cues).

    Parameters
    ----------
    path : str or Path, optional
        A ``voice.yaml``; defaults to the one shipped in ``kuril_research/data``.

    Returns
    -------
    VoiceLexicon

    Raises
    ------
    LexiconError
        Naming the file and line of the first problem and what to do.

    Examples
    --------
    >>> lex = load_voice_lexicon()
    >>> "said" in lex.speech_verbs, lex.roles["person"][:2], lex.sides["tokyo"]
    (True, ('he', 'she'), 'japanese')
    >>> load_voice_lexicon() is lex  # cached until the file changes
    True
    """
    path = Path(path) if path is not None else data_path("voice.yaml")
    try:
        stamp = path.resolve().stat().st_mtime_ns
    except OSError:
        stamp = None  # let the loader report the missing file
    return _load_voice_lexicon(path.resolve(), stamp)


@lru_cache(maxsize=8)
def _load_voice_lexicon(path: Path, stamp: int | None) -> VoiceLexicon:
    """Load once per file version (resolved path, modification time); see :func:`load_voice_lexicon`."""
    doc = load_yaml(path)

    def fail(message: str, line: int | None, hint: str) -> LexiconError:
        return LexiconError(message, path=path, line=line, hint=hint)

    def phrases(key: str, node=None, line: int | None = None) -> tuple[str, ...]:
        node, line = (doc[key], doc.lines[key]) if node is None else (node, line)
        if not isinstance(node, list) or not node:
            raise fail(f"{key} must be a non-empty list", line, "write one phrase per '- ' line")
        for item, item_line in zip(node, node.lines):
            if not isinstance(item, str) or not item.strip():
                raise fail(f"{key}: {item!r} is not a phrase", item_line,
                           "put it in quotes: YAML reads yes/no/on/off as true/false" if isinstance(item, bool)
                           else "write words, or remove the item")
        return tuple(" ".join(item.split()) for item in node)

    def mapping(key: str, allowed: tuple[str, str]) -> dict[str, tuple[str, ...]]:
        node = doc[key]
        if not isinstance(node, dict) or set(node) != set(allowed):
            raise fail(f"{key} must map exactly {' and '.join(allowed)} to lists", doc.lines[key],
                       f"write {' and '.join(allowed)} as keys under {key}")
        return {k: phrases(f"{key}.{k}", v, node.lines[k]) for k, v in node.items()}

    if not isinstance(doc, dict):
        raise fail("expected a mapping with the keys " + ", ".join(LEXICON_KEYS), None, "see the shipped voice.yaml")
    for key in doc:
        if key not in LEXICON_KEYS + OPTIONAL_KEYS:
            raise fail(f"unknown key {key!r}", doc.lines[key], "use one of " + ", ".join(LEXICON_KEYS + OPTIONAL_KEYS))
    for key in LEXICON_KEYS:
        if key not in doc:
            raise fail(f"missing key {key!r}", doc.line, "add it (see the shipped voice.yaml)")
    verbs, cues, named_types = phrases("speech_verbs"), phrases("naming_cues"), phrases("named_types")
    sides = mapping("sides", ("japanese", "russian"))
    roles_node = doc["roles"]
    if not isinstance(roles_node, dict) or not {"person", "organisation"} <= set(roles_node) \
            or not set(roles_node) <= {"person", "organisation", "institution"}:
        raise fail("roles must map person and organisation (and optionally institution) to lists", doc.lines["roles"],
                   "write person and organisation as keys under roles")
    roles = {k: phrases(f"roles.{k}", v, roles_node.lines[k]) for k, v in roles_node.items()}
    optional_cues = {key: phrases(key) if key in doc else () for key in ("naming_post_cues", "naming_gloss_cues")}
    for key, listed in (("naming_cues", cues), *optional_cues.items()):
        for cue, line in zip(listed, doc[key].lines if listed else ()):
            words = cue.replace("{side}", "")
            if cue.count("{side}") != 1 or not words.strip() or "{" in words or "}" in words:
                raise fail(f"naming cue {cue!r} must contain {{side}} exactly once and at least one word", line,
                           "write e.g. 'which {side} calls' (in quotes if it starts with {side})")
            if cue.split()[0] == "..." or cue.split()[-1] == "..." or "... {side}" in cue:
                raise fail(f"naming cue {cue!r}: '...' must stand between two words", line,
                           "write e.g. 'in {side}, ... called'")
    for name, line in zip(named_types, doc["named_types"].lines):
        if name not in ENTITY_TYPES:
            raise fail(f"named_types: unknown entity type {name!r}", line, "use one of " + ", ".join(ENTITY_TYPES))
    for entity, line in zip(sides["russian"], doc["sides"]["russian"].lines):
        if entity in sides["japanese"]:
            raise fail(f"sides: {entity!r} is listed under both japanese and russian", line, "keep it on one side")
    side_of = {entity: side for side, ids in sides.items() for entity in ids}
    role_sides = {}
    if "role_sides" in doc:
        known_roles = {r.lower() for phrases_ in roles.values() for r in phrases_}
        for side, listed in mapping("role_sides", ("japanese", "russian")).items():
            for role, line in zip(listed, doc["role_sides"][side].lines):
                if role.lower() not in known_roles:
                    raise fail(f"role_sides.{side}: {role!r} is not one of the roles", line,
                               "list it under roles too, or check the spelling")
                if role_sides.setdefault(role.lower(), side) != side:
                    raise fail(f"role_sides: {role!r} is listed under both japanese and russian", line,
                               "keep it on one side")
    subject_words: dict[str, tuple[str, ...]] = {}
    if "subject_words" in doc:
        node = doc["subject_words"]
        if not isinstance(node, dict) or not node:
            raise fail("subject_words must map entity ids to lists of words", doc.lines["subject_words"],
                       "write e.g. 'japan: [the Japanese, Japanese]'")
        for entity, listed in node.items():
            if entity not in side_of:
                raise fail(f"subject_words: {entity!r} has no side", node.lines[entity],
                           "list the entity under sides first")
            subject_words[entity] = phrases(f"subject_words.{entity}", listed, node.lines[entity])
    subject_pronouns: dict[str, tuple[str, ...]] = {}
    if "subject_pronouns" in doc:
        node = doc["subject_pronouns"]
        if not isinstance(node, dict) or not node or not set(node) <= {"any", *SUBJECT_TYPES}:
            raise fail("subject_pronouns must map any, place, organisation or person to lists",
                       doc.lines["subject_pronouns"], "write e.g. 'any: [it, they]'")
        subject_pronouns = {k: phrases(f"subject_pronouns.{k}", v, node.lines[k]) for k, v in node.items()}
    naming_owner = {}
    if "naming_owner" in doc:
        node = doc["naming_owner"]
        if not isinstance(node, dict) or not set(node) <= {"japanese", "russian"}:
            raise fail("naming_owner must map japanese and russian to entity ids", doc.lines["naming_owner"],
                       "write e.g. 'japanese: japan'")
        for naming, entity in node.items():
            if side_of.get(entity) != naming:
                raise fail(f"naming_owner: {entity!r} is not listed under sides.{naming}", node.lines[naming],
                           "name an entity of that side")
        naming_owner = dict(node)
    scope = doc["naming_scope_words"]
    if isinstance(scope, bool) or not isinstance(scope, int) or scope < 1:
        raise fail(f"naming_scope_words must be a positive whole number, not {scope!r}",
                   doc.lines["naming_scope_words"], "write e.g. 8")
    not_followed = frozenset(w.lower() for w in phrases("cue_not_followed_by"))
    cue_res, suffixes = [], []
    for cue in cues:
        prefix, suffix = (_cue_words_re(part) for part in cue.split("{side}"))
        suffixes.append(suffix)
        lead = r"\b" if cue[:1].isalnum() else ""
        cue_res.append((re.compile(rf"{lead}{prefix}\s+(?:the\s+)?$" if prefix else r"(?:\bthe\s+)?$", re.I),
                        re.compile(_suffix_re(cue.split("{side}")[1], suffix), re.I)))
    pronoun_alt = _phrase_re(*(p for listed in subject_pronouns.values() for p in listed)) or "(?!)"
    side_group = (rf"(?P<side>(?:the\s+)?(?:(?i:{pronoun_alt})\b|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,3}}?))")
    post_res = []
    for cue, needs_licence in [*((c, False) for c in optional_cues["naming_post_cues"]),
                               *((c, True) for c in optional_cues["naming_gloss_cues"])]:
        before, after = cue.split("{side}")
        body = (_cue_words_re(before) + r"\s+" if before.strip() else "") + side_group
        body += (_suffix_re(after, _cue_words_re(after)) if after.strip() else GLOSS_END)
        post_res.append((re.compile((r"\s*" if needs_licence else r"[\s,(]*") + body), needs_licence))
    groups = [f"(?P<e_{entity}>{_phrase_re(*listed)})" for entity, listed in subject_words.items()]
    groups += [f"(?P<p_{kind}>{_phrase_re(*listed)})" for kind, listed in subject_pronouns.items()]
    triggers = phrases("gloss_triggers") if "gloss_triggers" in doc else ()
    not_after = "|".join(map(re.escape, sorted(not_followed)))
    verbs_re = _phrase_re(*verbs)
    role_groups = "|".join(f"(?P<{kind}>{_phrase_re(*listed)})" for kind, listed in roles.items())
    role_groups_lower = "|".join(f"(?P<{kind}>{_phrase_re(*(r.lower() for r in listed))})"
                                 for kind, listed in roles.items())
    return VoiceLexicon(
        path=str(path), sha256=file_sha256(path), speech_verbs=verbs, roles=roles, naming_cues=cues,
        cue_not_followed_by=not_followed, naming_scope_words=scope, named_types=frozenset(named_types),
        sides=side_of, role_sides=role_sides,
        naming_post_cues=optional_cues["naming_post_cues"], naming_gloss_cues=optional_cues["naming_gloss_cues"],
        gloss_triggers=triggers, subject_words=subject_words, subject_pronouns=subject_pronouns,
        naming_owner=naming_owner,
        name_title_words=frozenset(w.lower() for key in ("name_title_words", "speaker_heads") if key in doc
                                   for w in phrases(key)),  # "Fisherman Kenji Ota": a head noun is a title too
        name_stop_words=frozenset(w.lower() for w in phrases("name_stop_words")) if "name_stop_words" in doc
        else frozenset(),
        organisation_heads=frozenset(w.lower() for w in phrases("organisation_heads")) if "organisation_heads" in doc
        else frozenset(),
        language_words=frozenset(w.lower() for w in phrases("language_words")) if "language_words" in doc
        else frozenset(),
        described_re=_described_re(phrases("speaker_heads")) if "speaker_heads" in doc else None,
        possessive_speech_re=re.compile(rf"[’']s?\s+(?:[\w-]+\s+)?(?:{_phrase_re(*phrases('speech_nouns'))})\b", re.I)
        if "speech_nouns" in doc else None,
        verb_re=re.compile(rf"\b(?:{verbs_re})\b", re.I),
        verb_re_lower=re.compile(rf"\b(?:{_phrase_re(*(v.lower() for v in verbs))})\b"),
        subject_verb_re=re.compile(rf"(?:\s+[a-z]+){{0,3}}?\s+(?i:{verbs_re})\b"),
        role_re=re.compile(rf"\b(?:{role_groups})\b", re.I),
        role_re_lower=re.compile(rf"\b(?:{role_groups_lower})\b"),
        role_re_grouped=re.compile(
            rf"\b(?:{_grouped_alternation([r.lower() for listed in roles.values() for r in listed])})\b"),
        role_kinds={" ".join(r.lower().split()): kind for kind, listed in roles.items() for r in listed},
        cue_res=tuple(cue_res),
        cue_suffix_re=re.compile("|".join(f"(?:{_suffix_re(c.split('{side}')[1], x)})"
                                          for c, x in zip(cues, suffixes) if x), re.I) if any(suffixes) else None,
        cue_bare_prefix_re=re.compile("|".join(f"(?:{p.pattern})" for (p, _), x in zip(cue_res, suffixes) if not x),
                                      re.I) if not all(suffixes) else None,
        subject_re=re.compile(rf"\b(?:{'|'.join(groups)})\b", re.I) if groups else None,
        subject_cue_res=_subject_cue_res(cues, subject_words, subject_pronouns, flags=re.I),
        cue_anchor_re=re.compile(rf"\b(?:{_phrase_re(*sorted(_anchors(cues)))})\b") if _anchors(cues) else None,
        subject_cue_res_lower=_subject_cue_res([c.lower() for c in cues],
                                               {k: [w.lower() for w in v] for k, v in subject_words.items()},
                                               {k: [w.lower() for w in v] for k, v in subject_pronouns.items()}),
        post_res=tuple(post_res),
        language_before_re=re.compile(rf"[,(;—–]\s*(?:also\s+)?(?P<side>{_phrase_re(*phrases('language_words'))})"
                                      r"\s*:?\s+$", re.I) if "language_words" in doc else None,
        post_first_re=re.compile(r"[\s,(]*(?:" + _phrase_re(*sorted({c.split()[0] for c in (
            *optional_cues["naming_post_cues"], *optional_cues["naming_gloss_cues"])})) + r")\b", re.I)
        if post_res else None,
        trigger_re=re.compile(rf"\b(?:{_phrase_re(*triggers)})\b"
                              + (rf"(?!\s+(?:{not_after})\b)" if not_after else "")
                              + r"(?:\s+[^\s.;!?]+){0,12}?\s+$", re.I) if triggers else None,
    )


def _phrase_re(*phrases: str) -> str:
    """Regex alternation of phrases, longest first, any white space between words."""
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))


def _subject_cue_res(cues: Sequence[str], subject_words: dict, subject_pronouns: dict, *,
                     flags: int = 0) -> tuple[re.Pattern, ...]:
    """Regexes of subject words and pronouns followed by a cue's suffix, and after a bare cue's prefix."""
    groups = [f"(?P<e_{entity}>{_phrase_re(*listed)})" for entity, listed in subject_words.items()]
    groups += [f"(?P<p_{kind}>{_phrase_re(*listed)})" for kind, listed in subject_pronouns.items()]
    if not groups:
        return ()
    parts = [(c.split("{side}")[1], _cue_words_re(c.split("{side}")[1])) for c in cues]
    after = "|".join(f"(?:{_suffix_re(raw, x)})" for raw, x in parts if x)
    bare = "|".join(_bare_prefix(c) for c, (_, x) in zip(cues, parts) if not x)
    patterns = [rf"\b(?:{'|'.join(groups)})\b(?={after})" if after else None,
                rf"(?:{bare})\s+(?:the\s+)?\b(?:{'|'.join(groups)})\b" if bare else None]
    return tuple(re.compile(p, flags) for p in patterns if p)


def _anchors(cues: Sequence[str]) -> set[str]:
    """The first distinctive lower-case word of each cue; empty if one cue has none (no pre-check then)."""
    words = [[w for w in c.lower().replace("{side}", " ").replace(",", " ").split() if w not in COMMON_CUE_WORDS]
             for c in cues]
    return {w[0] for w in words} if words and all(words) else set()


def _grouped_alternation(phrases: Sequence[str]) -> str:
    """Regex alternation of phrases grouped by first word, longest first within each group.

    Examples
    --------
    >>> print(_grouped_alternation(["he", "the spokesman", "the minister", "it"]))
    (?:he)|(?:the(?:\\s+(?:spokesman|minister)))|(?:it)
    """
    groups: dict[str, list[list[str]]] = {}
    for phrase in phrases:
        words = phrase.split()
        groups.setdefault(words[0], []).append(words[1:])
    out = []
    for first, rests in groups.items():
        tails = sorted({r"\s+".join(map(re.escape, rest)) for rest in rests if rest}, key=len, reverse=True)
        body = re.escape(first)
        if tails:
            body += rf"(?:\s+(?:{'|'.join(tails)}))" + ("?" if any(not rest for rest in rests) else "")
        out.append(f"(?:{body})")
    return "|".join(out)


def _bare_prefix(cue: str) -> str:
    """The regex of the words before {side} in a cue that ends in its subject ("called by {side}")."""
    prefix = cue.split("{side}")[0]
    return (r"\b" if prefix[:1].isalnum() else "") + _cue_words_re(prefix)


def _described_re(heads: Sequence[str]) -> re.Pattern:
    """Regex of a described speaker: an indefinite noun phrase ending in a head noun, with an optional
    "for/of/at ..." phrase ("a senior official of the League"), or a definite one with that phrase. A place
    after the phrase is left out ("... of the League in Nemuro said"), except after an embassy, consulate or
    mission, whose city is part of its name ("a spokesperson for the Embassy in Tokyo said")."""
    head = _phrase_re(*heads)
    tail = (r"(?=\s*[,;.:]|\s+(?:said|says|told|who|which|that|involved|speaking|added|noted)\b"
            r"|(?<!Embassy)(?<!Consulate)(?<!Mission)\s+(?:in|at)\s+[A-Z][\w-]+\s+(?:said|says|told)\b)")
    pp = rf"(?:\s+(?:for|of|at|from|with)\s+(?:[\w’'.&-]+\s+){{0,8}}?[\w’'.&-]+{tail})"
    return re.compile(rf"\b(?:(?i:an?|another|one)\s+(?:[\w’'-]+\s+){{0,4}}?(?:{head})\b{pp}?"
                      rf"|(?i:the)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{head})\b{pp})")


def _cue_words_re(part: str) -> str:
    """Regex of a cue's words: any white space between words, none needed before punctuation; ``...`` stands
    for up to ten words ("in {side}, ... called" finds "In Japan, the islands are collectively called")."""
    out, after_gap = "", True
    for token in part.split():
        if token == "...":
            out += r"[,;]?\s+(?:[\w’'-]+[,;]?\s+){0,10}?"
            after_gap = True
            continue
        sep = "" if after_gap else (r"\s+" if token[:1].isalnum() else r"\s*")
        out += sep + re.escape(token)
        after_gap = False
    return out


def _suffix_re(raw: str, words_re: str) -> str:
    """The regex of a cue's part after {side}: white space first (none before punctuation), a word end last."""
    if not words_re:
        return ""
    lead = r"\s+" if raw.strip()[:1].isalnum() else r"\s*"
    return lead + words_re + (r"\b" if raw.strip()[-1:].isalnum() else "")
