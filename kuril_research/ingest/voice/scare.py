"""Scare quotes: a quoted term in the outlet's own voice, not a quotation."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from kuril_research.ingest.gazetteer import Mention
from kuril_research.ingest.voice.lexicon_record import VoiceLexicon


#: Names that are titles when quoted alone: the "Iturup" youth forum, the programme "Development of ...".
TITLE_TYPES = frozenset({"homonym", "organisation"})
#: Around the one name a scare quote holds: determiners before, punctuation after.
TERM_BEFORE_RE = re.compile(r"\s*(?:(?:the|so-called|so called|its|their)\s+)*", re.I)  # "our ...": a speaker's words
TERM_AFTER_RE = re.compile(r"[\s,.;:!?]*")


def single_scare(text: str, m: Mention) -> bool:
    """A name between single quotation marks in the outlet's words ('Northern Territories')."""
    return m.start > 0 and text[m.start - 1] in "'‘" and text[m.end:m.end + 1] in ("'", "’") \
        and (m.start < 2 or not text[m.start - 2].isalnum()) and not text[m.end + 1:m.end + 2].isalnum()


def owner_side(m: Mention, lex: VoiceLexicon) -> tuple[str, str | None] | None:
    """The side whose spelling a name is (``naming_owner``), for a name the outlet puts in scare quotes."""
    owner = lex.naming_owner.get(m.naming)
    return (owner, None) if owner else None


def find_titles(text: str, spans: list[tuple[int, int, int]], lex: VoiceLexicon) -> set[int]:
    """Indexes of quotations right after a ``title_nouns`` word: the name of a thing, not a term or a
    statement ('the youth educational forum "Iturup"', 'the ship "Kunashir"'). Their names are narrator.

    Examples
    --------
    >>> from kuril_research.ingest.voice.lexicon import load_voice_lexicon
    >>> text = 'The forum "Iturup" opened; he said "Iturup is ours".'
    >>> sorted(find_titles(text, [(11, 17, 0), (36, 49, 0)], load_voice_lexicon()))
    [0]
    """
    if lex.title_before_re is None:
        return set()
    return {qi for qi, (start, _, _) in enumerate(spans)
            if lex.title_before_re.search(text, max(0, start - 40), max(0, start - 1))}


def title_phrases(text: str, spans: list[tuple[int, int, int]], lex: VoiceLexicon | None = None) -> set[int]:
    """Indexes of quotations that are names of things in title case (:func:`is_title_phrase`), but for the words
    of a sign or a chant right after a ``slogan_cues`` phrase ('banners reading "Hands off the
    Kurils"'): those are quotations.

    Examples
    --------
    >>> from kuril_research.ingest.voice.lexicon import load_voice_lexicon
    >>> text = 'the programme "Development of the Kuril Islands" and banners reading "Hands off the Kurils"'
    >>> sorted(title_phrases(text, [(15, 47, 0), (70, 90, 0)], load_voice_lexicon()))
    [0]
    """
    slogan = lex.slogan_before_re if lex is not None else None
    return {qi for qi, (start, end, _) in enumerate(spans) if is_title_phrase(text[start:end])
            and (slogan is None or slogan.search(text, max(0, start - 40), start) is None)}


#: A quoted name of a thing (a programme, an event, a ship) has two to ten words ...
TITLE_PHRASE_WORDS = (2, 10)
#: ... in title case: its words of four or more letters capitalised, no sentence punctuation, no first person.
TITLE_PHRASE_RE = re.compile(r"[^.!?;:,\n]+")
FIRST_PERSON_RE = re.compile(r"\b(?:I|we|We|our|Our|my|My|us)\b")


def is_title_phrase(quoted: str) -> bool:
    """Whether quoted words are the name of a thing in title case («Socio-Economic Development of the Islands»,
    "Four Islands Return Campaign"), not a statement or a term: two to ten words, every word of four or more
    letters capitalised, no sentence punctuation, no first person.

    Examples
    --------
    >>> is_title_phrase("Socio-Economic Development of the Kuril Islands"), is_title_phrase("Kuril Islands")
    (True, False)
    >>> is_title_phrase("we will never give up the islands"), is_title_phrase("Our Islands Forever")
    (False, False)
    """
    words = quoted.split()
    if not TITLE_PHRASE_WORDS[0] < len(words) <= TITLE_PHRASE_WORDS[1] or not TITLE_PHRASE_RE.fullmatch(quoted):
        return False
    long = [w for w in words if len(w) >= 4]
    return bool(long) and all(w[:1].isupper() for w in long) and FIRST_PERSON_RE.search(quoted) is None


def find_scare_quotes(text: str, spans: list[tuple[int, int, int]], mentions: Sequence[Mention],
                      lex: VoiceLexicon) -> set[int]:
    """Indexes of quotations that hold a territory name only ("so-called 'northern territories'"), maybe with
    a ``scare_term_nouns`` word after it ('the "Kuril Islands dispute"'), or only the name of an organisation,
    event or thing named after a territory (the "Iturup" youth forum).

    Such a quotation is the outlet reporting a term or a title, not someone's statement.
    """
    term_after = lex.term_after_re or TERM_AFTER_RE
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
                and term_after.fullmatch(text, inside[0].end, end)):
            scare.add(qi)
    return scare


#: "so-called" just before a quotation: the outlet's distance from the term, whatever verb comes before.
SO_CALLED_BEFORE_RE = re.compile(r"\bso[- ]called\s+(?:the\s+)?[\"“‘'«„‚]?$", re.I)
#: A treaty named by a capital or a year, not a generic "peace treaty".
NAMED_RE = re.compile(r"[A-Z0-9]")
#: A past form: a speech or naming verb of a reported occasion, not a habit ("referred", "used", "said").
PAST_RE = re.compile(r"(?:ed|said|told|wrote|spoke|used)$", re.I)


def reported_terms(text: str, spans: list[tuple[int, int, int]], candidates: set[int], sentence_start,
                   lex: VoiceLexicon, in_cue, documents: Sequence[Mention] = ()) -> set[int]:
    """Of the lone-name quotations ``candidates`` (scare quotes), those that report someone's words on an
    occasion: a speech or naming verb in a past form (``speech_verbs``, ``term_report_verbs``) stands before the
    quotation in its sentence ('The Russian side referred to the area throughout as the "southern Kuril
    Islands,"'; 'Rudenko referred to them only as "the Southern Kurils."'), with no "so-called" before it and
    outside a naming cue's scope (``in_cue(pos)``), not in the present perfect (a position held: 'Tokyo has long
    argued that the islands were never part of the "Kurils"'), and not after a ``term_nouns`` word the verb does
    not take as its own object ('Another said the phrase "northern territories" would ...': a term cited); or a
    named treaty of ``documents`` stands before it in its sentence ('Under the 1951 San Francisco Peace Treaty, Japan
    renounced its claim to "the Kurile Islands"': the treaty's words); or a ``speech_nouns`` word with its content
    clause does ('issued a statement saying that the "so-called Northern Territories Day" was ...'; 'a statement by
    the prime minister that Japan would settle "the Northern Territories issue"'). They are quotations, and their
    names are quoted. A habit in the present ('Tokyo speaks of "the Southern Kurils"', 'the islands are called the
    "northern territories"') stays a scare quote.

    ``sentence_start(pos)`` gives the start of the sentence holding ``pos``.
    """
    found = set()
    if lex.term_verb_re is None:
        return found
    for qi in candidates:
        start = spans[qi][0]
        lo = sentence_start(start)
        if SO_CALLED_BEFORE_RE.search(text, max(lo, start - 16), start) or in_cue(start):
            continue
        cited = lex.term_before_re.search(text, max(lo, start - 24), start) if lex.term_before_re else None
        if any(PAST_RE.search(v.group().split()[0])
               and not (v.group().lower() in CATENATIVE_VERBS and CATENATIVE_RE.match(text, v.end()))
               and not PRESENT_PASSIVE_RE.search(text, max(lo, v.start() - 24), v.start())
               and not PERFECT_RE.search(text, max(lo, v.start() - 40), v.start())
               and not (cited is not None and v.end() < cited.start())
               for v in lex.term_verb_re.finditer(text, lo, start)) \
                or (lex.report_noun_re is not None and lex.report_noun_re.search(text, lo, start)) \
                or any(lo <= d.start and d.end <= start and NAMED_RE.search(d.surface) for d in documents):
            found.add(qi)
    return found


#: A present passive before the participle: what a thing is called, a habit, not words said on an occasion ("the
#: islands are called the "northern territories"", "is usually called").
PRESENT_PASSIVE_RE = re.compile(r"\b(?:is|are|be|being)\s+(?:[a-z]+ly\s+)?$", re.I)
#: A present perfect before the verb: a position held up to now, no words said on an occasion ('Japanese governments
#: have since argued that the islands were never part of the "Kurils" ...'; "Tokyo has long maintained").
PERFECT_RE = re.compile(r"\b(?:has|have)\s+(?:(?:since|long|always|also|repeatedly|consistently|never|[a-z]+ly)"
                        r"\s+){0,2}$", re.I)
#: An infinitive after a past verb: the habit it names is in the infinitive ("continued to refer to the
#: 'Southern Kurils'", "used to call"), no words said on an occasion.
CATENATIVE_RE = re.compile(r"\s+to\s+(?!the\b|them\b|it\b|a\b|an\b|his\b|her\b|their\b|its\b)[a-z]+\b")
#: Past verbs that take such an infinitive.
CATENATIVE_VERBS = frozenset({"continued", "began", "started", "tended", "preferred", "chose", "refused", "promised",
                              "pledged", "vowed"})
