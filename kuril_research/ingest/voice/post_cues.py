"""Post-posed naming cues (rule 3): the side named right after a name ("Etorofu in Japan", "(Kunashiri in Japanese)",
"Etorofu, Kunashiri and the Habomai group, as Tokyo lists them")."""

from __future__ import annotations

import re
from functools import lru_cache
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from kuril_research.ingest.gazetteer import Mention
from kuril_research.ingest.voice.lexicon import GLOSS_END
from kuril_research.ingest.voice.lexicon_record import VoiceLexicon
from kuril_research.ingest.voice.model import Spans
from kuril_research.ingest.voice.naming import side_ok, subject_at

#: A naming participle right before a name: the name it gives ("known as the Northern Territories in Japan after
#: ..."); a gloss after such a name may be followed by more of the clause, and by a noun of the name's term
#: ("known as the Northern Territories dispute in Japan").
NAMED_BY_RE = re.compile(r"\b(?:known|called|referred\s+to|labell?ed|dubbed|termed)\s+as\s+(?:the\s+)?[\"“„‘']?$"
                         r"|\b(?:called|dubbed|termed|labell?ed|named)\s+(?:the\s+)?[\"“„‘']?$", re.I)
#: What may follow a gloss after such a name, besides punctuation: a preposition or conjunction going on with the
#: clause ("in Japan after the war", "in Russia since 1945").
OPEN_GLOSS_END = (r"(?=\s*(?:[)\],;.:!?—–\-]|$)|\s+(?:and|or|while|but|whereas|after|since|before|until|during|"
                  r"because|when|though|although|as|from|for)\b)")


@lru_cache(maxsize=None)
def _open_ended(cue_re: re.Pattern) -> re.Pattern:
    """A gloss cue's regex whose end (:data:`~kuril_research.ingest.voice.lexicon.GLOSS_END`) also lets the clause go
    on with a preposition or conjunction (:data:`OPEN_GLOSS_END`)."""
    return re.compile(cue_re.pattern.replace(GLOSS_END, OPEN_GLOSS_END), cue_re.flags)


#: A bracket or dash just before a name licenses a short gloss after it ("(Kunashiri in Japanese)").
GLOSS_OPENER_RE = re.compile(r"(?:[(\[—–]|\s-)\s*(?:the\s+|its\s+)?$", re.I)
#: A further item of a list inside an open bracket.
BRACKET_ITEM_RE = re.compile(r"(?:[,;]|\band)\s+(?:the\s+)?$", re.I)
#: Between two names of a list a post-posed cue applies to: not "or", which gives another name ("the Kurils, or the
#: Northern Territories as Japan calls them": the Kurils are the outlet's).
POST_LIST_JOIN_RE = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")


def post_side(text: str, m: Mention, pos: int, mentions: Sequence[Mention], lex: VoiceLexicon,
              sents: Spans) -> tuple[str, str] | None:
    """The side of a post-posed cue right after a name ("Etorofu in Japan", "(Kunashiri in Japanese)").

    A cue after the last name of a list applies to every name of the list ("Etorofu, Kunashiri and
    Shikotan in Japanese usage"; "Kunashiri and Etorofu, as Japan knows them").
    """
    namings = {m.naming}
    if pos == m.end:
        i = bisect_right(mentions, m.start, key=lambda mm: mm.start)
        while i < len(mentions) and mentions[i].entity_type in lex.named_types \
                and POST_LIST_JOIN_RE.fullmatch(text, pos, mentions[i].start):
            pos = mentions[i].end
            namings.add(mentions[i].naming)
            i += 1
    named = pos == m.end and NAMED_BY_RE.search(text, max(0, m.start - 24), m.start) is not None
    if named and lex.term_after_re is not None:  # "known as the Northern Territories dispute in Japan"
        noun = lex.term_after_re.match(text, pos)
        pos += len(noun.group().rstrip(" \t\n,.;:!?")) if noun is not None else 0
    if lex.post_first_re is None or lex.post_first_re.match(text, pos) is None:
        return None
    for cue_re, needs_licence in lex.post_res:
        hit = cue_re.match(text, pos)
        if hit is None and named and needs_licence:  # "known as the Northern Territories in Japan after ..."
            hit = _open_ended(cue_re).match(text, pos)
        if hit is None:
            continue
        subject = subject_at(text, hit.start("side"), mentions, lex)
        if needs_licence and hit.group("side").lower() not in lex.language_words and not _licensed(text, m, lex, sents, mentions) \
                and not (_own_names_to(hit, subject, namings, lex, mentions)
                         and not _object_of_verb(text, m, mentions, lex)) \
                and not (_paired(text, m, hit, subject, mentions, lex) and not _object_of_verb(text, m, mentions, lex)):
            continue
        if subject is not None and side_ok(subject[0], m, lex):
            return subject
    return None


def _own_names_to(hit: re.Match, subject: tuple[str, str] | None, namings: set[str], lex: VoiceLexicon,
                  mentions: Sequence[Mention]) -> bool:
    """A gloss "to {side}" with a people's word after a list holding that side's own name: "Kunashiri and Etorofu
    to the Japanese, Kunashir and Iturup to the Russians" (not "hand Shikotan over to Japan": a place, and
    no name of its own)."""
    if subject is None or not hit.group().lower().lstrip().startswith("to") or lex.sides.get(subject[0]) not in namings:
        return False
    i = bisect_left(mentions, hit.start("side"), key=lambda mm: mm.start)
    return not (i < len(mentions) and mentions[i].start < hit.end("side"))  # a side word, no place mention


#: A lower-case word right before a list of names that makes them its object or complement: a verb or a
#: preposition ("return Kunashiri to the Japanese", "sell Etorofu to the Japanese"), not a copula, "or" or "and"
#: ("the islands are Kunashiri and Etorofu to the Japanese").
OBJECT_BEFORE_RE = re.compile(r"\b(?!(?:is|are|was|were|be|been|remain|remains|remained|become|becomes|became|or|and|the)"
                              r"\b)[a-z]+\s+(?:the\s+)?$")


def _object_of_verb(text: str, m: Mention, mentions: Sequence[Mention], lex: VoiceLexicon) -> bool:
    """Whether the list of names ``m`` stands in is the object of a verb or a preposition, so that "to {side}"
    after it is where the names go, not whose names they are ("return Kunashiri and Etorofu to the Japanese")."""
    i = bisect_left(mentions, m.start, key=lambda mm: mm.start)
    head = m
    while i > 0 and mentions[i - 1].entity_type in lex.named_types \
            and POST_LIST_JOIN_RE.fullmatch(text, mentions[i - 1].end, head.start):
        head, i = mentions[i - 1], i - 1
    return OBJECT_BEFORE_RE.search(text, max(0, head.start - 30), head.start) is not None


def _licensed(text: str, m: Mention, lex: VoiceLexicon, sents: Spans,
              mentions: Sequence[Mention] = ()) -> bool:
    """A short gloss ("in Japan") counts after a bracket or dash, or after a naming verb in the clause; for a name
    listed after others, a bracket or dash before the list's first name ("- Iturup, Kunashir, Shikotan and the
    Habomai for Moscow -")."""
    if GLOSS_OPENER_RE.search(text, max(0, m.start - 16), m.start):
        return True
    i = bisect_left(mentions, m.start, key=lambda mm: mm.start)
    head = m
    while i > 0 and mentions[i - 1].entity_type in lex.named_types \
            and POST_LIST_JOIN_RE.fullmatch(text, mentions[i - 1].end, head.start):
        head, i = mentions[i - 1], i - 1
    if head is not m and GLOSS_OPENER_RE.search(text, max(0, head.start - 16), head.start):
        return True
    sent_start = sents.bounds(m.start, (0, len(text)))[0]
    if text.rfind("(", sent_start, m.start) > text.rfind(")", sent_start, m.start) \
            and BRACKET_ITEM_RE.search(text, max(0, m.start - 12), m.start):
        return True  # the second gloss of a bracket: "(Northern Territories in Japan, Southern Kurils in Russia)"
    sent_start = sents.bounds(m.start, (0, len(text)))[0]
    for name in (m, head) if head is not m else (m,):  # a list's naming verb stands before its first name: "called
        # Etorofu, ... by Japan, and Iturup, Kunashir, Shikotan and the Habomai by Russia" licenses the whole list
        window = max(sent_start, name.start - 160)
        end = name.start - 1 if name.start and text[name.start - 1] in "\"“‘'«„‚" else name.start  # 'dubbed the "Kurils"'
        if lex.trigger_re is not None and lex.trigger_re.search(text, window, end) is not None:
            return True
    return False


#: What joins two glosses of a pair: "Kurils to Moscow and Northern Territories to Tokyo", "the Southern Kurils for
#: Russia, the Northern Territories for Japan".
PAIR_JOIN_RE = re.compile(r"\s*(?:[,;]\s*)?(?:(?:and|while|whereas|but|or)\s+)?(?:the\s+)?", re.I)


def _paired(text: str, m: Mention, hit: re.Match, subject: tuple[str, str] | None, mentions: Sequence[Mention],
            lex: VoiceLexicon) -> bool:
    """Whether the gloss ``hit`` after ``m`` ("to Moscow") is one of a pair of glosses of the two sides, the
    other name and gloss joined right after or right before it ("the islands, Kurils to Moscow and Northern
    Territories to Tokyo, ..."): two names each with a side say whose names they are, with no licence needed."""
    if subject is None or lex.sides.get(subject[0]) is None:
        return False
    prep = hit.group().split()[0].lower()
    i = bisect_left(mentions, m.start, key=lambda mm: mm.start)
    after = next((mm for mm in mentions[i + 1:] if mm.start >= hit.end()), None)
    if after is not None and after.entity_type in lex.named_types and PAIR_JOIN_RE.fullmatch(text, hit.end(), after.start):
        return _other_gloss(text, after.end, prep, subject, mentions, lex)
    j = i - 1
    while j >= 0 and mentions[j].entity_type not in lex.named_types:
        j -= 1
    if j < 0:
        return False
    before = mentions[j]
    gloss = re.compile(rf"\s+{prep}\s+(?:the\s+)?(?P<side>[^,;.]{{1,30}}?)(?={PAIR_JOIN_RE.pattern}$)", re.I)
    found = gloss.match(text, before.end, m.start)
    return found is not None and _other_gloss(text, before.end, prep, subject, mentions, lex)


def _other_gloss(text: str, pos: int, prep: str, subject: tuple[str, str], mentions: Sequence[Mention],
                 lex: VoiceLexicon) -> bool:
    """Whether a gloss with preposition ``prep`` and a subject of the other side than ``subject`` starts at ``pos``."""
    found = re.match(rf"\s+{prep}\s+", text[pos:pos + 8], re.I)
    if found is None:
        return False
    other = subject_at(text, pos + found.end(), mentions, lex)
    return other is not None and lex.sides.get(other[0]) not in (None, lex.sides.get(subject[0]))
