"""The referent and the name of a naming verb (rule 3): which names after a cue are the name given.

A naming verb with two slots ("{side} calls X Y", "{side} refers to X as Y", "{side} considers X its Y") takes
an object, the places being named (the *referent*, which the outlet names in its own words), and a complement,
the name the side uses. Only the complement is the side's usage: in "Russia calls Iturup, Kunashir, Shikotan
and the Habomai islets the South Kurils" the four islands are the outlet's, the South Kurils Russia's. The same
holds however the object is written: a list ("calls Iturup and Kunashir Etorofu and Kunashiri"), a noun
described by a list between dashes ("calls the islands - Etorofu, Kunashiri, Shikotan and the Habomai group -
the Northern Territories"), or one holding names in a relative or "including" clause ("calls the four islands,
including the Habomai islets to which Kaigara belongs, the Northern Territories"). A name right after the verb
is the name given only when no complement follows it ("which Japan calls Etorofu", "Japan calls them Etorofu
and Kunashiri").

A cue whose last word opens the name slot ("known in Japan as", "called by Russia") has no object after it: its
first name is the name given.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from kuril_research.ingest.gazetteer import Mention
from kuril_research.ingest.voice.gaps import AND_VERB_RE, RELATIVE_INSERTION_RE
from kuril_research.ingest.voice.lexicon_record import VoiceLexicon
from kuril_research.ingest.voice.model import WORD_RE, Cue

#: Between two names of a list: "Etorofu, Kunashiri and the Habomai islets".
LIST_JOIN_RE = re.compile(r"\s*,\s*(?:and\s+|or\s+)?(?:the\s+)?|\s+(?:and|or)\s+(?:the\s+)?")
#: What describes an object between the verb and its complement: a list or a phrase between paired dashes
#: (spaced hyphens, en or em dashes), a relative clause between commas, or an "including" clause between commas.
OBJECT_INSERTION_RE = re.compile(r"\s[-–]\s[^.;!?\n()\"“”–—]{1,160}?\s[-–](?=\s)"
                                 r"|\s?—[^.;!?\n()\"“”—]{1,160}?—"
                                 r"|,\s+(?:including|notably|among\s+them|such\s+as|in\s+particular)\s"
                                 r"[^.;:!?\n()\"“”,]{1,200}?,"
                                 + "|" + RELATIVE_INSERTION_RE.pattern, re.I)
#: A list in round brackets after the object's noun: "calls the four islands (Etorofu, ..., Habomai) the Northern
#: Territories" (a bracket after the name given is its gloss, and is passed over).
BRACKET_RE = re.compile(r"\s?\([^()\n]{1,160}?\)")
#: The start of a complement after an object: an optional "as", "part of" / "one of", a possessive or "the", an
#: optional quotation mark; a name must start right after it (or the possessive / quotation mark alone makes it a
#: complement: "calls Shikotan its own", 'calls Kunashir "occupied land"').
COMPLEMENT_RE = re.compile(r"\s+(?:as\s+)?(?:(?:part|one)\s+of\s+)?(?:(?P<own>(?:its|their)\s+(?:own\s+)?)|the\s+)?"
                           r"(?P<mark>[\"“‘'])?", re.I)
#: A possessive complement right before a name: "its Northern Territories", "as part of their "Southern Kurils""; not
#: after a comma (an apposition: "Etorofu and Kunashiri, part of its Northern Territories").
POSSESSIVE_BEFORE_RE = re.compile(r"(?<![,;:])(?<!\bof)\s(?:as\s+)?(?:(?:part|one)\s+of\s+)?(?:its|their)\s+(?:own\s+)?[\"“‘']?(?:the\s+)?$",
                                  re.I)
#: The end of a cue that opens its name slot: no object stands between it and the name given ("known in Japan as",
#: "called by Russia the"); also what stands right before a list that is the names a cue gives (voice/lists.py).
NAME_SLOT_END_RE = re.compile(r"\b(?:as|called|named|dubbed|termed|styled|labell?ed)(?:\s+the)?\s*\Z", re.I)
#: The start of a cue whose object is a relative pronoun before its subject ("which Japan calls", "what Tokyo
#: terms", "the way Russia calls"): the verb's object stands before it, its first name is the name given ("describes
#: what Tokyo terms the Northern Territories as "illegally occupied"").
OBJECT_PRONOUN_RE = re.compile(r"(?:which|what|that|whom|the\s+way)\s", re.I)
#: A naming participle inside an insertion, before its names: "calls the islands - known there as Etorofu and
#: Kunashiri - its Northern Territories" gives the names after it.
INSERTED_NAMING_RE = re.compile(r"\b(?:known|called|named|referred\s+to|dubbed|termed)\b[^,]*$", re.I)


def list_end(text: str, m: Mention, mentions: Sequence[Mention], lex: VoiceLexicon) -> int:
    """The end of the list of names ``m`` opens or stands in ("Iturup, Kunashir and the Habomai ridge").

    Examples
    --------
    >>> from kuril_research.ingest.voice.lexicon import default_lexicon
    >>> text = "Iturup, Kunashir and the Habomai ridge lie east."
    >>> def at(s):
    ...     i = text.index(s)
    ...     return Mention(i, i + len(s), s, s.lower(), "island", "neutral")
    >>> ms = [at("Iturup"), at("Kunashir"), at("Habomai ridge")]
    >>> text[:list_end(text, ms[0], ms, default_lexicon())]
    'Iturup, Kunashir and the Habomai ridge'
    """
    pos, i = m.end, bisect_right(mentions, m.start, key=lambda mm: mm.start)
    while i < len(mentions) and mentions[i].entity_type in lex.named_types \
            and LIST_JOIN_RE.fullmatch(text, pos, mentions[i].start):
        pos, i = mentions[i].end, i + 1
    return pos


def first_given(text: str, cue_text: str, start: int, limit: int, mentions: Sequence[Mention],
                lex: VoiceLexicon) -> Mention | None:
    """The first name a naming cue ending at ``start`` gives before ``limit``, past the object of its verb; None if
    every name there is the object.

    A name inside an insertion that describes the object (between dashes or round brackets, in a relative or
    "including" clause between commas) and a list followed by a complement (:data:`COMPLEMENT_RE`) are the object's words.

    Examples
    --------
    >>> from kuril_research.ingest.voice.lexicon import default_lexicon
    >>> text = "Russia calls Iturup and Kunashir the South Kurils."
    >>> def at(s, kind="island"):
    ...     i = text.index(s)
    ...     return Mention(i, i + len(s), s, s.lower(), kind, "neutral")
    >>> ms = [at("Iturup"), at("Kunashir"), at("South Kurils", "collective_name")]
    >>> first_given(text, "Russia calls", 12, len(text), ms, default_lexicon()).surface
    'South Kurils'
    >>> first_given(text, "known in Russia as", 12, len(text), ms, default_lexicon()).surface
    'Iturup'
    """
    i = bisect_left(mentions, start, key=lambda mm: mm.start)
    named = [mm for mm in mentions[i:] if mm.start < limit and mm.entity_type in lex.named_types]
    if not named:
        return None
    if not has_object(cue_text):
        return named[0]
    inserted = sorted((hit.start(), hit.end()) for rx in (OBJECT_INSERTION_RE, BRACKET_RE)
                      for hit in rx.finditer(text, start, limit))
    owned = next((mm for mm in named if POSSESSIVE_BEFORE_RE.search(text, max(start, mm.start - 30), mm.start)), None)
    if owned is not None and owned is not named[0] and AND_VERB_RE.search(text, start, owned.start) is None \
            and not any(start <= mm.start < owned.start and mm.entity in lex.sides for mm in mentions) \
            and not (lex.subject_re is not None and any(
                w.lastgroup.startswith("e_") for w in lex.subject_re.finditer(text, start, owned.start))):
        # "calls the islands of Kunashir, Iturup and a number of islets of the Lesser Kuril ridge its northern
        # territories": all before the possessive complement is the object, but for names a participle gives; not
        # a possessive after another side, in its own clause ("calls the group the South Kurils, while Tokyo refers
        # to them as its Northern Territories")
        return next((mm for mm in named if mm.start < owned.start and any(
            lo <= mm.start < hi and INSERTED_NAMING_RE.search(text, lo, mm.start) for lo, hi in inserted)), owned)
    k = 0
    while k < len(named):
        mm = named[k]
        inside = next(((lo, hi) for lo, hi in inserted if lo <= mm.start < hi), None)
        if inside is not None and INSERTED_NAMING_RE.search(text, inside[0], mm.start) is None:
            pos = inside[1]
        else:
            pos = _past_insertions(text, list_end(text, mm, mentions, lex), inserted)
            complement = COMPLEMENT_RE.match(text, pos, limit)
            if complement is None or not (complement.group("own") or complement.group("mark")
                                          or _named_at(complement.end(), named)):
                return mm
            pos = complement.end()
        k = next((j for j in range(k + 1, len(named)) if named[j].start >= pos), len(named))
    return None


def has_object(cue_text: str) -> bool:
    """Whether the verb of the cue ``cue_text`` has its object after it: not when the cue opens its name slot ("known
    in Japan as") or its object is a relative pronoun ("which Japan calls").

    Examples
    --------
    >>> has_object("Russia calls"), has_object("which Russia calls"), has_object("known in Russia as")
    (True, False, False)
    """
    return bool(cue_text.strip()) and NAME_SLOT_END_RE.search(cue_text) is None \
        and OBJECT_PRONOUN_RE.match(cue_text) is None


def past_object(text: str, cue: Cue, given: int, clause: int) -> int:
    """The end of ``cue``'s scope when the words of its verb's object (up to ``given``) do not count towards it, at
    most ``clause``.

    Examples
    --------
    >>> text = "Japan calls the two larger ones Etorofu and Kunashiri and the whole group the Northern Territories."
    >>> cue = Cue(0, 11, 77, "japan", "place", "Japan")  # a scope of 12 words
    >>> text[cue.end:cue.scope_end]
    ' the two larger ones Etorofu and Kunashiri and the whole group the'
    >>> text[cue.end:past_object(text, cue, text.index("Etorofu"), len(text) - 1)]
    ' the two larger ones Etorofu and Kunashiri and the whole group the Northern Territories'
    """
    skip = len(WORD_RE.findall(text, cue.end, given))
    end = cue.scope_end
    for n, word in enumerate(WORD_RE.finditer(text, cue.scope_end, clause), start=1):
        if n > skip:
            break
        end = word.end()
    return end


def _past_insertions(text: str, pos: int, inserted: list[tuple[int, int]]) -> int:
    """``pos`` moved past the insertions that start there, one after the other."""
    moved = True
    while moved:
        moved = False
        for lo, hi in inserted:
            if lo == pos or (lo > pos and not text[pos:lo].strip()):
                pos, moved = hi, True
    return pos


def _named_at(pos: int, named: Sequence[Mention]) -> bool:
    return any(mm.start == pos for mm in named)
