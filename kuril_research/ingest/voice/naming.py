"""Naming cues (rule 3): whose name for a place the outlet reports, pre- and post-posed."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from kuril_research.ingest.gazetteer import Mention
from kuril_research.ingest.voice.gaps import (PAIRED_INSERTION_RE, PREDICATE_RE, RELATIVE_INSERTION_RE,
                                             gap_ends, insertion_ends, mask_insertions)
from kuril_research.ingest.voice.cue_starts import cue_rest, cue_starts, possible_cues
from kuril_research.ingest.voice.lexicon_record import VoiceLexicon
from kuril_research.ingest.voice.cue_objects import (CAPITAL_RE, DASH_PAIR_RE, classed_object,
                                                     quoted_object_before)
from kuril_research.ingest.voice.referents import (LIST_JOIN_RE, OBJECT_INSERTION_RE, first_given, has_object,
                                                    list_end, past_object)
from kuril_research.ingest.voice.viewpoint import viewpoint_subject_cue
from kuril_research.ingest.voice.model import CUE_SCOPE_CHARS, Cue, OTHER_SIDE, SUBJECT_TYPES, Spans, Subj, WORD_RE


#: Where a naming cue's scope ends: a clause or sentence end, a closing bracket or dash ("Habomai, which it
#: calls the Northern Territories—are not part of the Kurils").
CLAUSE_END_RE = re.compile(r"[;!?)\]—]|\s–\s|\.(?!\w)")
#: A paragraph that ends inside a sentence (a hard line break of a PDF copy: "what Tokyo terms the").
OPEN_END_RE = re.compile(r"[\w,]\s*$")
NEXT_WORD_RE = re.compile(r"\s+(\w+)")
#: Between a side subject and a name inside a cue's scope ("... and Tokyo the Northern Territories"), or a verb
#: of its own and "as" ("which Japan regards as its own and Russia administers as part of the Kuril Islands").
ELLIPSIS_GAP_RE = re.compile(r"\s+(?:[a-z]+\s+as\s+(?:part\s+of\s+)?|as\s+|by\s+)?(?:the\s+|its\s+)?", re.I)
#: What joins the second subject of an elliptical pair: "what Russians call the South Kurils and Japanese the ...".
PAIR_BEFORE_RE = re.compile(r"(?:,|\band|\bwhile|\bor)\s+$", re.I)
#: What may stand between a copula cue and the name it gives: "For Tokyo, the island is [simply part of the] ...".
COPULA_GAP_RE = re.compile(r"\s*(?:(?:simply|still|just|officially|always|now|all|merely|really|the|a|an|part|of|"
                           r"one|its|their|own|known|as|called|considered|regarded)\s+)*", re.I)
#: How far before and after a cue's distinctive word its subject may stand (characters): "{side} ..10 claims ..10
#: as its" spans up to ten words on either side of "claims"; a subject may stand before a comma-delimited
#: insertion of up to :data:`INSERTION_WORDS` words ("Russia, which has held ... since 1945, calls them").
CUE_WINDOW_BEFORE, CUE_WINDOW_AFTER = 300, 160
#: "as" just before a subject: "the Lesser Kuril Chain, as Russians call Shikotan and the Habomais" names the
#: name before "as"; the names after the verb are what it stands for, in the outlet's words.
AS_BEFORE_RE = re.compile(r"\bas\s+$", re.I)
#: A comma and a lower-case phrase after a name: an apposition, which ends the names a cue gives.
APPOSITION_RE = re.compile(r",\s+(?!(?:and|or|the|its|their)\b)[a-z]")


def side_ok(entity: str, m: Mention, lex: VoiceLexicon) -> bool:
    """A Russian-named mention is never Japan's name for the thing, and the reverse."""
    return m.naming != OTHER_SIDE.get(lex.sides.get(entity, ""))


def cue_side(text: str, m: Mention, cues: list[Cue], cue_ends: list[tuple[int, int]], subjects: list[Subj],
             lex: VoiceLexicon, mentions: Sequence[Mention] = (),
             quoted: tuple[int, int] | None = None) -> tuple[str, str] | None:
    """The side of the latest naming cue whose scope holds ``m`` (rule 3), or None.

    A cue names the name right after it, or a list of names joined to it ("which Japan calls Etorofu,
    Kunashiri and Shikotan"), not a name after an apposition ("known in Russia as Signal Island, one of the
    Habomai islets"). Inside a scope, a side-bearing subject standing just before the name takes over
    ("which Moscow calls the Kurils and Tokyo the Northern Territories"). A cue inside the quotation ``quoted`` (start, end)
    that holds ``m`` is the speaker's own naming: the name stays quoted ('"... the return of what they call the
    northern territories," she said'). ``cue_ends`` are the cues'
    (end, index), sorted: a scope is at most ``naming_scope_words`` long, so only cues ending shortly
    before the name are looked at.
    """
    lo = bisect_left(cue_ends, (m.start - CUE_SCOPE_CHARS, -1))
    hi = bisect_right(cue_ends, (m.start, len(cues)))
    for _, i in sorted(cue_ends[lo:hi], key=lambda item: -item[1]):
        cue = cues[i]
        if m.end > max(cue.scope_end, cue.clause_end) or _post_posed(text, cue, mentions, lex) \
                or (quoted is not None and (quoted[0] <= cue.start < quoted[1] or cue.end <= quoted[0])):
            continue
        entity, written, took_over = cue.entity, cue.text, False
        j = bisect_right(subjects, m.start, key=lambda subject: subject.start) - 1
        while j >= 0 and subjects[j].start >= max(cue.end, m.start - 40):
            s = subjects[j]
            if s.end <= m.start and ELLIPSIS_GAP_RE.fullmatch(text, s.end, m.start):
                entity, written, took_over = s.entity, s.text, True
                break
            j -= 1
        if not took_over and lex.subject_re is not None:  # a side word before the name: "... and Japanese the NT"
            for word in lex.subject_re.finditer(text, max(cue.end, m.start - 40), m.start):
                if word.lastgroup.startswith("e_") and ELLIPSIS_GAP_RE.fullmatch(text, word.end(), m.start) \
                        and PAIR_BEFORE_RE.search(text, max(cue.end, word.start() - 8), word.start()):
                    entity, written, took_over = word.lastgroup[2:], word.group(), True
        if m.end > cue.scope_end and (took_over or cue.copula):
            continue
        if cue.copula and not took_over and not COPULA_GAP_RE.fullmatch(text, cue.end, m.start) \
                and not _listed(text, cue.end, m, mentions, lex, first_only=True):
            continue  # "For Japan, the priority is the airport on Etorofu": no naming
        if not took_over and not cue.copula:  # the object of the cue's verb is the referent, in the outlet's words:
            # "Japan calls Iturup, ... and the Habomai ridge its Northern Territories" (referents.py)
            clause, cue_text = max(cue.scope_end, cue.clause_end), text[cue.start:cue.end]
            given = first_given(text, cue_text, cue.end, clause, mentions, lex)
            if given is None or m.start < given.start or not _listed(text, cue.end, m, mentions, lex, first=given) \
                    or m.end > (past_object(text, cue, given.start, clause) if has_object(cue_text) else cue.scope_end):
                continue  # the object's words do not use up the scope: "Japan still calls the islands of Kunashir,
                # Iturup and a number of territories of the Lesser Kuril ridge its northern territories"
        if not took_over and (classed_object(text, cue.start, cue.end, list_end(text, m, mentions, lex))
                              or quoted_object_before(text, cue.end, m.start)):
            continue  # "Russia considers the South Kurils its territory"; 'what it called "a campaign" ... the Kurils'
        if side_ok(entity, m, lex):
            return entity, written
        if cue.kind == "pronoun" and not took_over:  # "it", "the government": the side that uses the name
            if (found := _resolve_pronoun("any", cue.start, mentions, lex, naming=m.naming)) is not None:
                return found  # "it" is the nearest side that may use the name ("Russia's ministry said Japan must
                # recognise Russian rule over what it calls the Southern Kurils": Russia, named before Japan)
            described = lex.subject_re.search(text, cue.start, cue.end) if lex.subject_re is not None else None
            if described is not None and " " in described.group() and described.lastgroup.startswith("p_") \
                    and (owner := lex.naming_owner.get(m.naming)) is not None:
                return owner, described.group()  # "what the government calls the Northern Territories": the
                # government that uses Japan's name is Japan's (a description; a speaker's "they" may be anyone)
    return None


def _post_posed(text: str, cue: Cue, mentions: Sequence[Mention], lex: VoiceLexicon) -> bool:
    """Whether a cue opened by "in" ("in Japanese usage") stands right after a name, whose gloss it is: it gives
    no name after it ("Kunashiri and Etorofu in Japanese usage, or Kunashir and Iturup in Russian")."""
    if text[cue.start:cue.start + 3].lower() != "in ":
        return False
    i = bisect_left(mentions, cue.start, key=lambda mm: mm.start) - 1
    return i >= 0 and mentions[i].entity_type in lex.named_types and not text[mentions[i].end:cue.start].strip()


def _listed(text: str, start: int, m: Mention, mentions: Sequence[Mention], lex: VoiceLexicon,
            first_only: bool = False, first: Mention | None = None) -> bool:
    """Whether ``m`` still belongs to the names a cue starting its scope at ``start`` gives: no apposition
    (a comma and a lower-case phrase) stands between the first name given (``first``, else the first name of the
    scope) and ``m`` ("known in Russia as Signal Island, one of the Habomai islets": the islets are the outlet's
    words)."""
    i = bisect_left(mentions, start, key=lambda mm: mm.start)
    first = first or next((mm for mm in mentions[i:] if mm.entity_type in lex.named_types), m)
    if LOCATIVE_BEFORE_RE.search(text, max(start, first.start - 16), first.start):
        return False  # "Russia called the drills on Iturup routine": a place where, not a name the cue gives
    if first.start >= m.start:
        return not first_only
    if first_only:  # a name listed with the first name right after a copula cue
        return COPULA_GAP_RE.fullmatch(text, start, first.start) is not None \
            and list_end(text, first, mentions, lex) >= m.end
    return APPOSITION_RE.search(text, first.end, m.start) is None and not _for_referent(text, m, first, mentions) \
        and not any(rx.search(text, first.end, m.start) for rx in (COORDINATED_VERB_RE, PREDICATE_RE))


#: "and" and a second verb of the cue's subject after the first name: the names after it are that verb's objects,
#: in the outlet's words ("which Japan calls Etorofu and claims along with Kunashir, Shikotan and the Habomai").
COORDINATED_VERB_RE = re.compile(r"\band\s+(?:also\s+|still\s+|now\s+)?[a-z]+(?:s|ed)\s+"
                                 r"(?:along\b|with\b|them\b|it\b|as\b|over\b|back\b|(?-i:[A-Z]))", re.I)


def _for_referent(text: str, m: Mention, first: Mention, mentions: Sequence[Mention]) -> bool:
    """Whether ``m``, after the first name ``first`` of a scope, stands in a list opened by "for": what the name
    stands for ("uses the term Northern Territories for Iturup, Kunashir and Shikotan"; "Etorofu for Iturup")."""
    if FOR_AFTER_RE.match(text, m.end):
        return False  # "Kunashiri for Kunashir": a name given for the next one
    i = bisect_left(mentions, m.start, key=lambda mm: mm.start)
    head = m
    while i > 0 and mentions[i - 1].start > first.start \
            and LIST_JOIN_RE.fullmatch(text, mentions[i - 1].end, head.start):
        head, i = mentions[i - 1], i - 1
    return FOR_BEFORE_RE.search(text, max(0, head.start - 10), head.start) is not None


#: A preposition of place just before the first name of a cue's scope: the name says where, it is no name given.
LOCATIVE_BEFORE_RE = re.compile(r"\b(?:on|at|near|off|around|from|over|across)\s+(?:the\s+)?$", re.I)
#: "for" just before a name: what a name stands for, not a name given.
FOR_BEFORE_RE = re.compile(r"\bfor\s+(?:the\s+)?$", re.I)
FOR_AFTER_RE = re.compile(r"\s+for\s", re.I)


def subject_at(text: str, pos: int, mentions: Sequence[Mention], lex: VoiceLexicon) -> tuple[str, str] | None:
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


def _resolve_pronoun(kind: str, pos: int, mentions: Sequence[Mention], lex: VoiceLexicon,
                     naming: str | None = None) -> tuple[str, str] | None:
    """The nearest side-bearing mention before ``pos`` ("which it calls": "it" is the last side named).

    With ``naming`` (the naming of the name the pronoun's cue gives), the nearest side that may use that name,
    within :data:`PRONOUN_REACH` characters: a side calls the islands by its own names, so "it" in "..., which
    the Soviet Union did not sign, but it maintains that the islands, which it calls the Northern Territories,
    ..." is Japan, named before the Soviet Union.
    """
    i = bisect_right(mentions, pos, key=lambda mm: mm.start) - 1
    while i >= 0:
        mm = mentions[i]
        if naming is not None and mm.end < pos - PRONOUN_REACH:
            return None
        if mm.end <= pos and mm.entity in lex.sides and (kind == "any" or mm.entity_type == kind) \
                and (naming is None or naming != OTHER_SIDE.get(lex.sides[mm.entity], "")):
            return mm.entity, mm.surface
        i -= 1
    return None


#: How far back a pronoun looks for a side that may use the name it gives (characters).
PRONOUN_REACH = 300


def _may_cue(text: str, start: int, end: int, lex: VoiceLexicon, limit: int | None = None) -> bool:
    """Whether some naming cue may hold the subject at ``text[start:end]`` (the cue pre-check), also after an
    insertion set off by commas when ``limit`` is given."""
    suffix = lex.cue_suffix_re
    if suffix is not None and suffix.match(text, end) is not None:
        return True
    if suffix is not None and limit is not None and any(
            suffix.match(text, i + 1) is not None for i in insertion_ends(text, end, limit)):
        return True
    bare = lex.cue_bare_prefix_re
    return bare is not None and bare.search(text, max(0, start - 60), start) is not None


def cue_windows(lowered: str, lex: VoiceLexicon) -> list[tuple[int, int]] | None:
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


def find_subjects(text: str, mentions: Sequence[Mention], lex: VoiceLexicon,
                  windows: list[tuple[int, int]] | None = None) -> list[Subj]:
    """Possible subjects of naming cues: place/organisation/person mentions, side words, resolved pronouns.

    Side words and pronouns are kept only where a cue's suffix follows them (the cue pre-check).
    """
    near = Spans(windows) if windows is not None else None
    subjects = [Subj(m.start, m.end, m.entity, m.entity_type, m.surface) for m in mentions
                if m.entity_type in SUBJECT_TYPES and (near is None or near.at(m.start) is not None)]
    if lex.subject_re is None:
        return subjects
    taken = Spans([(m.start, m.end) for m in mentions])
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
                subjects.append(Subj(start, end, group[2:], "word", text[start:end]))
                if text[start:start + 4].lower() == "the " and start + 4 not in seen \
                        and (inner := lex.subject_re.fullmatch(text, start + 4, end)) is not None \
                        and inner.lastgroup == group:  # "the Japanese term X": "the {side} term" takes "Japanese"
                    seen.add(start + 4)
                    subjects.append(Subj(start + 4, end, group[2:], "word", text[start + 4:end]))
            elif (found := _resolve_pronoun(group[2:], start, mentions, lex)) is not None:
                subjects.append(Subj(start, end, found[0], "pronoun", found[1]))
    return sorted(subjects)


def find_naming_cues(text: str, subjects: Sequence[Subj], lex: VoiceLexicon, paras: Spans, sents: Spans,
                     quotes_at: Spans) -> list[Cue]:
    """Naming cues around subjects (mentions, side words, pronouns), with their scopes (rule 3).

    A cue's gap reaches over an insertion between dashes or brackets (:func:`mask_insertions`). A cue that names
    its referent first ("{side}'s name for") scopes from the end of the referent (a comma, a colon, a dash or
    "is"); a copula cue ("for {side}, ..5 is") scopes over only ``naming_copula_scope_words`` words.
    """
    cues = []
    masked = mask_insertions(text)
    for m in subjects:
        para = paras.bounds(m.start, (0, len(text)))
        sent_start, sent_end = sents.bounds(m.start, para)
        limit = min(sent_end, para[1])
        if not _may_cue(text, m.start, m.end, lex, limit) and not (
                masked is not text and lex.cue_suffix_re is not None and lex.cue_suffix_re.match(masked, m.end)
                and masked[m.start:m.end] == text[m.start:m.end]) and not (
                lex.cue_suffix_re is not None
                and any(lex.cue_suffix_re.match(text, end) for end in gap_ends(text, m.end, limit, m.kind))):
            continue
        if limit == para[1] and OPEN_END_RE.search(text, max(para[0], para[1] - 3), para[1]) \
                and (nxt_para := paras.at(para[1] + 2)) is not None:  # the sentence goes on after a line break
            limit = sents.bounds(paras.spans[nxt_para][0], paras.spans[nxt_para][:2])[1]
        best, best_over, extra, shorter = None, None, [], []
        starts = cue_starts(text, masked, m, limit)
        for index in possible_cues(starts, limit, lex):
            prefix_re, suffix_re = lex.cue_res[index]
            after, second = cue_rest(starts, suffix_re, limit)
            before = after and (prefix_re.search(text, sent_start, m.start)
                                or prefix_re.search(masked, sent_start, m.start))
            if not before:
                continue
            if before.group().strip().lower() in ("", "the") \
                    and AS_BEFORE_RE.search(text, max(sent_start, before.start() - 8), before.start()):
                continue  # "X, as Russians call Y": a post-posed cue naming X, not a cue naming Y
            if not before.group().strip() \
                    and PREPOSITION_BEFORE_RE.search(text, max(sent_start, before.start() - 12), before.start()):
                continue  # "This term in Tokyo refers to the southern Kurils": the subject is the term, not Tokyo
            nxt = NEXT_WORD_RE.match(text, after.end())
            if nxt and nxt.group(1).lower() in lex.cue_not_followed_by:
                continue
            if lex.cue_coordinated[index] or second:  # "Russia considers them part of its Kurils and calls them ..."
                extra.append((before.start(), after.end(), index))
            elif best is None or (before.start(), -after.end()) < (best[0], -best[1]):
                if best is not None and NAME_NEXT_RE.match(text, best[1]):
                    shorter.append(best)
                over = [(hit.start(), hit.end()) for hit in PAIRED_INSERTION_RE.finditer(text, m.end, after.end())
                        if not RELATIVE_AFTER_RE.match(text, hit.end())]
                best, best_over = (before.start(), after.end(), index), over
            elif NAME_NEXT_RE.match(text, after.end()):
                shorter.append((before.start(), after.end(), index))
        # a shorter cue of the subject that gives a name right away stays beside the longest one: "Russia, which uses
        # the names Iturup and Kunashir for the two largest, treats them as ..."
        extra += [found for found in shorter if best is not None and found[1] < best[1]]
        for found in [best, *extra] if best is not None else extra:
            cues.append(_scoped(text, found, m, lex, limit, quotes_at))
        if best is not None and lex.cue_scope_words[best[2]] and (view := viewpoint_subject_cue(text, *best[:2], m)):
            cues.append(view)  # "For Japan, Etorofu and Kunashiri are ...": the subject is the side's usage too
        if best is not None and best_over and lex.cue_scope_words[best[2]]:
            # a list between dashes inside the gap of a point of view is the side's usage too ("For Japan, the
            # islands - A, B - are ..."); inside the gap of a naming verb it is the object, the outlet's words
            # ("refers to the islands - A, B and C - as the South Kurils": referents.py)
            cues += [Cue(lo, lo, hi, m.entity, m.kind, m.text) for lo, hi in best_over]
    return sorted(cues)


def _scoped(text: str, best: tuple[int, int, int], m: Subj, lex: VoiceLexicon, limit: int, quotes_at: Spans) -> Cue:
    """The cue ``best`` (start, end, index of the cue) of subject ``m`` with its scope (see find_naming_cues)."""
    start, end = best[0], best[1]
    qi = quotes_at.at(start)
    limit = min(limit, quotes_at.spans[qi][1]) if qi is not None else limit
    if lex.cue_referent_first[best[2]]:  # "Japan's name for the islands at the end of the Kuril chain"
        named = REFERENT_END_RE.search(text, end, limit)
        end = named.end() if named is not None else limit
    stop = CLAUSE_END_RE.search(text, end, limit)
    while stop is not None and stop.group() in ")]" and text.rfind("([" [")]".index(stop.group())], end,
                                                                     stop.start()) >= 0:
        stop = CLAUSE_END_RE.search(text, stop.end(), limit)  # a bracketed gloss inside the scope ends nothing:
        # "What Tokyo calls the Northern Territories (Hoppo Ryodo) and Moscow the South Kurils"
    while stop is not None and stop.group().strip() in "–—" and not CAPITAL_RE.search(text, end, stop.start()) \
            and (pair := DASH_PAIR_RE.match(text, stop.start(), limit)) is not None:
        stop = CLAUSE_END_RE.search(text, pair.end(), limit)  # an insertion between dashes before the cue has given
        # a name ends nothing either: "Japan calls the islands — known there as Etorofu and Kunashiri — its Northern
        # Territories" (but "Known in Russia as the South Kurils, the islands—Iturup, ...—": the name is given)
    if stop is not None:
        limit = stop.start()
    clause_end = limit
    words = lex.cue_scope_words[best[2]] or lex.naming_scope_words
    inserted = [(hit.start(), hit.end()) for rx in (OBJECT_INSERTION_RE, DASH_PAIR_RE)
                for hit in rx.finditer(text, end, limit)]  # words of an insertion do not count towards the scope:
    # "Japan calls the islands, which the Soviet Union took at the end of World War II, its Northern Territories";
    # "calls the four islands, including the Habomai islets, the Northern Territories"
    counted = (word for word in WORD_RE.finditer(text, end, limit)
               if not any(lo <= word.start() < hi for lo, hi in inserted))
    for n, word in enumerate(counted, start=1):
        if n == words:
            limit = word.end()
            break
    return Cue(start, max(end, best[1]), max(limit, end), m.entity, m.kind, m.text,
               bool(lex.cue_scope_words[best[2]]), max(clause_end, end))


#: A preposition right before a cue's subject: the subject is a phrase's object, not the verb's subject.
PREPOSITION_BEFORE_RE = re.compile(r"\b(?:in|at|of|from|on|with|within|among|across|inside)\s+$", re.I)
#: A capitalised word (maybe after "the" or a quotation mark) right after a cue: the name it gives.
NAME_NEXT_RE = re.compile(r"\s+(?:the\s+)?[\"“„‘']?[A-Z]")
#: A relative clause right after an insertion between dashes: the insertion lists the referent of that clause, in
#: the outlet's words ("Japan claims four islands — Iturup, Kunashir, Shikotan and Habomai — which it refers to as
#: the Northern Territories"), not the subject's names for it.
RELATIVE_AFTER_RE = re.compile(r"\s*[,—–-]?\s*(?:which|that|what|whom)\b", re.I)
#: Where the referent after "{side}'s name for" ends and its name begins: a comma, colon, dash, or a copula.
REFERENT_END_RE = re.compile(r"[,:—–]|\s-\s|\b(?:is|are|was|were)\b")
