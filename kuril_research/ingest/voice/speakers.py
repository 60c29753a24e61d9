"""Speakers of quotations (rule 4): narrator speech events and quotations walked in text order.

Size: over 400 lines because rules 4a-4e are one ordered method (``SpeakerWalk.speaker``) over one walk's state
(candidates, events, cues); the rules that stand alone live in sibling modules (texts, parentheticals,
side_groups, carriers, subjects, continuation, antecedents)."""

from __future__ import annotations

import re
from bisect import bisect_left

from kuril_research.ingest.voice.lexicon_record import VoiceLexicon, phrase_key
from kuril_research.ingest.voice.model import CUE_SCOPE_CHARS, Cand, Cue, Event, Quote, Spans, WORD_RE
from kuril_research.ingest.voice.speaker_cues import (
    REPORTED_REACH, REPORTED_THAT_RE, REPORTED_VERB_RE, SPEAKER_KINDS, named_person, name_given,
    CLAUSE_BREAK_RE, CLAUSE_OPENING_RE, COORDINATION_RE, DESCRIBED_RE,
    INDEFINITE_RE, MODIFIER_AFTER_RE, OBJECT_BEFORE_RE, PARTICIPLE_RE, QUOTED_AS_RE,
    RELATIVE_BEFORE_RE, THE_BEFORE_RE, GOVERNED_GAP, SUBORDINATORS, IN_WORDS_RE, TEXT_OWNER_RE,
    INVERTED_BEFORE_RE, REPORTED_SUBJECT_RE, ACCORDING_OPENING_RE, judged, possessor, source_before, inverted_start, MANNER_ATTRIBUTION_RE,
    FINITE_VERB_RE, QUESTION_ATTRIBUTION_REACH, CLAUSE_JOINT_RE, THAT_RE, COORDINATED_VERB_RE, PASSIVE_QUOTED_RE,
    COORDINATED_PREDICATE_RE)
from kuril_research.ingest.voice.antecedents import TOPIC_KINDS, AntecedentRules
from kuril_research.ingest.voice.carriers import SAYING_RE, carrier_subject, speech_owner
from kuril_research.ingest.voice.continuation import ContinuationRules
from kuril_research.ingest.voice.coordinated import joint_subject
from kuril_research.ingest.voice.dash_speech import DASH_OPENERS
from kuril_research.ingest.voice.parentheticals import parenthetical_speaker
from kuril_research.ingest.voice.side_groups import side_group
from kuril_research.ingest.voice.subjects import SubjectRules
from kuril_research.ingest.voice.texts import text_speaker


class SpeakerWalk(SubjectRules, ContinuationRules, AntecedentRules):
    """Walk narrator speech events and quotations in text order, assigning speakers (rule 4)."""

    def __init__(self, text: str, spans: list[tuple[int, int, int]], paras: Spans, sents: Spans,
                 cands: list[Cand], cues: list[Cue], lex: VoiceLexicon, verb_in=None) -> None:
        self.verb_in = verb_in or (lambda start, end: lex.verb_re.search(text, start, end))
        self.text, self.spans, self.paras, self.sents = text, spans, paras, sents
        self.cands, self.cues, self.lex = cands, cues, lex
        self.events: list[Event] = []
        self.subjects: dict[int, tuple[Cand, int] | None] = {}
        self.cue_starts, self.cand_starts = [cue.start for cue in cues], [c.start for c in cands]
        self.spans_at = Spans(spans)

    def quotes(self) -> list[Quote]:
        text, sents, paras = self.text, self.sents, self.paras
        stream: list[tuple[int, int, object]] = []
        for c in self.cands:  # narrator speech events: "Peskov told", "According to the spokesman,"
            sent_start = sents.bounds(c.start, paras.bounds(c.start, (0, len(text))))[0]
            if verb := self.lex.subject_verb_re.match(text, c.end):
                stream.append((verb.end(), 0, (c, self.cue_text(c.start, verb.end()))))
            elif according := source_before(text, sent_start, c.start, self.verb_in):
                stream.append((c.start, 0, (c, self.cue_text(according.start(), c.end))))
            elif not c.role and not possessor(text, c.end) and (inv := INVERTED_BEFORE_RE.search(text, max(sent_start, (at := inverted_start(
                    text, sent_start, c.start, self.cands_from(sent_start, c.start))) - 30), at)) \
                    and inv.group(1) in self.lex.inverted_verbs and not REPORTED_SUBJECT_RE.match(text, c.end):
                # '..., said Irina Belova, an analyst': she speaks; not '..., said Abe appeared ready': a reported clause
                stream.append((c.end, 0, (c, self.cue_text(inv.start(1), c.end))))
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
                    self.events.append(Event(pos, *found, c.kind, cue, -1 if para_id is None else para_id, True))
                continue
            start, _, para_id = self.spans[payload]
            found = self.speaker(payload)
            speakers[payload] = (found[0], found[3], found[1]) if found else (None, None, None)
            if found:
                self.events.append(Event(start, found[0], found[1], found[2], found[3], para_id, found[4]))
        self.name_cataphora(speakers)
        return [Quote(s, e, p, *speakers[qi]) for qi, (s, e, p) in enumerate(self.spans)]

    def side_of(self, c: Cand) -> str | None:
        """The side a role phrase names ("the Japanese premier": japanese), from ``role_sides``; None otherwise."""
        if not c.role or not self.lex.role_sides:
            return None
        return self.lex.role_sides.get(phrase_key(c.text))

    def resolve(self, c: Cand) -> tuple[str | None, str] | None:
        """(entity, as written) of a candidate: a mention or a name stands for itself, an institution too;
        a role for its kind's most recent established speaker, else most recent mention or name, a person's
        name after "the" aside ("the Takaichi administration": the name qualifies a noun, nobody it refers to).

        A role that names a side resolves only to entities of that side (``sides``).
        """
        if (c.kind == "institution" or not c.role) and (body := self.text_owner(c)) is not None:
            return body.entity, body.text  # "the ministry's statement": the ministry named before speaks through it
        if not c.role:
            if (pair := joint_subject(self.text, c, self.cands_from(max(0, c.start - 200), c.end + 200),
                                      self.lex.subject_verb_re)) is not None:
                return None, pair.text  # "Yeltsin and Hashimoto said": the two speak together (coordinated.py)
            if c.entity is None and c.kind == "person" and (named := self.named_before(c.text, c.start)) is not None:
                return named
            return c.entity, c.text
        if c.kind == "institution":
            return None, c.text
        if c.text.lower() in TOPIC_KINDS and (topic := self.topic(c)) is not None:
            return topic  # "he", "she", "it": the topic of the sentences before (antecedents.py)
        side = self.side_of(c)
        if side is None and (taken_up := self.introduced(c)) is not None:
            return None, taken_up.text  # 'a Foreign Ministry official said ... "...," the official said': that one
        sides = self.lex.sides
        if side is None and " " not in c.text and (described := self.described_subject(c)) is not None:
            return described.entity, described.text  # "A Russian acquaintance ... sees it differently. "...," she told me"
        if side is None and (titled := self.titled_speaker(c)) is not None:
            return titled.entity, titled.text  # "Prime Minister Abe ... Lavrov said ... the Prime Minister said": Abe
        if side is not None and (titled := self.side_titled(c, side)) is not None:
            return titled.entity, titled.text  # "Prime Minister Mori ... "...," the Japanese premier said": Mori
        para = self.paras.at(c.start)
        sent_start = self.sents.bounds(c.start, (c.start, c.end))[0]
        subordinate = " " not in c.text and self.text[sent_start:sent_start + 12].split(" ")[0].lower() in SUBORDINATORS
        for e in reversed(self.events):
            if subordinate and sent_start <= e.pos < c.start:
                continue  # "After a minister spoke of "...", he wrote": "he" is not the minister
            if e.established and e.kind == c.kind and (side is None or sides.get(e.entity) == side):
                if e.entity is None and not self.titled(e.text, c.text):
                    continue  # "the president" is not the district head named before
                if side is None and para is not None and e.para_id == para - 1:
                    # the previous paragraph's speaker yields to a person named since ("... came from Medvedev. The former president wrote")
                    since = next((p for p in reversed(self.cands) if not p.role and p.kind == c.kind
                                  and e.pos <= p.start and p.end <= c.start and named_person(p)
                                  and (p.entity is not None or self.titled(p.text, c.text))
                                  and self.paras.at(p.start) == para), None)
                    if since is not None:
                        return since.entity, since.text
                if side is None and para is not None and e.para_id < para - 1:
                    later = next((p for p in reversed(self.cands) if not p.role and p.kind == c.kind  # a speaker two
                                  and e.pos <= p.start and p.end <= c.start and named_person(p)  # paragraphs
                                  and (p.entity is not None or self.titled(p.text, c.text))  # back yields to a
                                  and self.paras.at(p.start) is not None and self.paras.at(p.start) >= para - 1), None)
                    if later is not None:  # person named since ("Mr. Kawabata ... he said")
                        return later.entity, later.text
                return e.entity, e.text
        return next(((p.entity, p.text) for p in reversed(self.cands)
                     if not p.role and p.kind == c.kind and p.end <= c.start
                     and not (p.kind == "person" and THE_BEFORE_RE.search(self.text, max(0, p.start - 8), p.start))
                     and (p.entity is not None or (side is None and named_person(p) and (
                         " " not in c.text or self.title_near(p.text, c.text.split()[-1].lower()))))  # "X, an
                     # official ... The official stated"; "X, the senator for ... the senator said"; "he": any name
                     and (side is None or sides.get(p.entity) == side)), None)

    def text_owner(self, c: Cand) -> Cand | None:
        """The body whose words a text phrase reports ("the ministry's statement", ``speech_nouns``): the latest
        organisation named before it whose head noun is the possessive's ("the Russian Foreign Ministry");
        None when there is none (the statement then speaks as written) or the phrase is no such text."""
        owner = TEXT_OWNER_RE.match(c.text)
        if owner is None or c.entity is not None or self.lex.possessive_speech_re is None \
                or not self.lex.possessive_speech_re.match(c.text, owner.end(1)):
            return None
        head = owner.group(1).lower()
        return next((p for p in reversed(self.cands_from(0, c.start)) if not p.role and p.kind == "organisation"
                     and p.text.lower().split()[-1] == head), None)

    def object_pronoun(self, c: Cand) -> bool:
        """Whether a one-word role stands as an object: after a lower-case word that opens no clause
        ("calling it", "told him"), not after a clause opening ("..., she said"; "and it added")."""
        if not c.role or " " in c.text:
            return False
        return OBJECT_BEFORE_RE.search(self.text, max(0, c.start - 30), c.start) is not None

    def described_subject(self, c: Cand) -> Cand | None:
        """A described person of this or the previous paragraph, after the latest established speaker and
        before the pronoun ``c``: the pronoun's antecedent. It opens its sentence ("A Russian acquaintance ...
        sees it very differently. "...," she told me."), or it is an indefinite phrase, which brings a new
        person into the story wherever it stands ("a bar run by a woman in her seventies ... "...," she
        said"). A phrase whose gender (``genders``: its first gendered word) differs from the pronoun's is
        passed over."""
        para = self.paras.at(c.start)
        if para is None:
            return None
        last = max((e.pos for e in self.events if e.established), default=-1)
        gender = self.lex.genders.get(c.text.lower())
        sent_start = self.sents.bounds(c.start, (c.start, c.end))[0]
        subordinate = self.text[sent_start:sent_start + 12].split(" ")[0].lower() in SUBORDINATORS
        for p in reversed(self.cands_from(self.paras.spans[max(0, para - 1)][0], c.start)):
            if subordinate and p.start >= sent_start:
                continue  # "After a minister spoke of "...", he wrote": "he" is not the minister
            if p.start < last:
                return None
            if p.role or p.kind != c.kind:
                continue
            if not DESCRIBED_RE.match(p.text):
                return None  # a name named since is resolved the usual way
            own = next((g for w in WORD_RE.findall(p.text.lower()) if (g := self.lex.genders.get(w))), None)
            if gender is not None and own is not None and own != gender:
                continue  # "a retired fisherman ... she said": not him
            if self.is_subject(p, self.sents.bounds(p.start, (p.start, p.end))[0]) or INDEFINITE_RE.match(p.text):
                return p
        return None

    def cands_from(self, start: int, end: int) -> list[Cand]:
        """The candidates starting in [start, end), in order (candidates are sorted by start)."""
        return self.cands[bisect_left(self.cand_starts, start):bisect_left(self.cand_starts, end)]

    def cue_text(self, start: int, end: int) -> str:
        """The cue's words, with white space collapsed and a "the" just before included."""
        if the := THE_BEFORE_RE.search(self.text, max(0, start - 8), start):
            start = the.start()
        return " ".join(self.text[start:end].split())

    def speaker(self, qi: int) -> tuple[str | None, str, str, str, bool] | None:
        """Return (entity, as written, kind, cue, established) for quotation ``qi`` by rules 4a-4d, or None."""
        text, sents = self.text, self.sents
        start, end, para_id = self.spans[qi]
        ps, pe = self.paras.spans[para_id][:2]
        # a: in a cue's scope, unless a comma closes the name the cue introduces before the quotation ("referred
        # to in Japan as the Northern Territories, "has not changed""): the quotation is the sentence's then
        for cue in self.cues[bisect_left(self.cue_starts, start - CUE_SCOPE_CHARS - 400):]:
            if cue.start > start:
                break
            if cue.end <= start <= cue.scope_end and not CLAUSE_BREAK_RE.search(text, cue.end, start) \
                    and not name_given(text, cue.end, start, self.verb_in):
                if cue.kind == "pronoun" and (said := self.subject(sents.bounds(cue.start, (ps, pe))[0])) is not None \
                        and said[1] <= cue.start and said[0].kind == "person" \
                        and (found := self.resolve(said[0])) is not None:  # 'X said the government regards it as
                    return found[0], found[1], "person", self.cue_text(said[0].start, said[0].end), False  # "..."': X
                if cue.kind == "pronoun" and (role := next((c for c in self.cands_from(cue.start, cue.end)
                                                            if c.role and c.kind != "institution"), None)) \
                        and (found := self.resolve(role)) is not None:  # "... and blamed what it called the "...""
                    return found[0], found[1], role.kind, self.cue_text(cue.start, cue.end), False  # the speaker
                if cue.kind != "person" and (person := self.person_in_cue(cue)) is not None:  # "In Tokyo, X called"
                    return *(self.resolve(person) or (None, person.text)), "person", self.cue_text(cue.start, cue.end), False
                if cue.kind != "person" and not possessor(text, cue.end) and (held := self.paragraph_speaker([], cue.start)):
                    return held  # "..., said X. For the Kremlin, the islands are "...": X reports that view
                if cue.kind == "word" and (group := side_group(text, cue.start, cue.start + len(cue.text))):
                    return cue.entity, group, cue.kind, self.cue_text(cue.start, cue.end), False  # "Some Japanese
                    # critics call that a "...": the group the side word qualifies
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
            elif text[start:end].rstrip()[-1:] in ("?", "!") and nxt_end <= pe \
                    and self.verb_in(nxt_start, min(nxt_end, nxt_start + QUESTION_ATTRIBUTION_REACH)) is not None:
                clause_end = min(nxt_end, next_open)  # '"Who can guarantee that?" Ivan Petrov, an analyst, asked.':
                # the splitter ends a sentence at the question mark; the name and verb after it attribute it
        verb = self.verb_in(clause_start, max(clause_start, clause_end))
        if verb is None and (manner := MANNER_ATTRIBUTION_RE.match(text, clause_start, max(clause_start, clause_end))):
            verb = FINITE_VERB_RE.match(text, manner.end())  # '"...," she gasps, the tears ...': any verb after "she"
        if verb is not None and text[start:start + 1].islower() and start > ps \
                and (said := self.subject(sents.bounds(start - 1, (ps, pe))[0])) is not None and said[1] <= start:
            verb = None  # 'Peskov told reporters that the leaders agreed to talk "on the basis of the 1956
            # declaration," Interfax reported': a fragment in the clause of a speech verb is its subject's words;
            # the source after it reports the whole sentence
        if verb is not None and self.governed(start, ps, pe):
            verb = None  # 'After a Japanese minister spoke of "our Northern Territories," he wrote ...': the minister
        if verb is not None and COORDINATION_RE.match(text, clause_start):
            verb = None  # '"revanchist rubbish", and Sakhalin's governor has announced': a new clause
        if verb is not None and COORDINATED_VERB_RE.search(text, clause_start, verb.start()):
            verb = None  # '... "incompatible" with it and said the protest had gone through the embassy': a second
            # predicate of the sentence's own subject, which rule c finds
        if verb is not None and RELATIVE_BEFORE_RE.search(text, max(clause_start, verb.start() - 12), verb.start()):
            verb = None  # "remarks by Ishiba, who told parliament": a relative clause, not an attribution
        if verb is not None and (quoted := QUOTED_AS_RE.match(text, verb.start())) is not None:
            inner = [c for c in self.cands_from(quoted.start("obj"), quoted.end("obj")) if c.end <= quoted.end("obj")]
            found = (self.resolve(inner[-1]) or (None, inner[-1].text)) if inner \
                else (None, " ".join(quoted.group("obj").split()))  # '"...," an official quoted Hayashi as saying'
            return found[0], found[1], inner[-1].kind if inner else "person", " ".join(quoted.group().split()), True
        if verb is not None:
            near = [c for c in self.cands_from(clause_start, clause_end) if c.end <= clause_end
                    and not self.addressee(verb, c)]  # '"...," the deputy told Vestnik Kavkaza': not the paper
            near.sort(key=lambda c: (verb.start() - c.end, 0) if c.end <= verb.start() else (c.start - verb.end(), 1))
            if near:  # the subject opening the clause, else the one nearest the verb; never a farther known person
                c = near[0]
                region = sorted((n for n in near if n.end <= verb.start()), key=lambda n: n.start)
                if region and CLAUSE_OPENING_RE.fullmatch(text, clause_start, region[0].start):
                    persons = [n for n in region
                               if not n.role and n.kind == "person" and not DESCRIBED_RE.match(n.text)]
                    c = persons[0] if persons else region[0]
                elif len(region) > 1 and c is region[-1] and self.complement(c) and not self.complement(region[-2]):
                    c = region[-2]  # '"...," Press Secretary X of the Ministry of Defense told': X, not his ministry
                elif not region and (named := self.inverted_subject(verb.end(), clause_end)) is not None:
                    c = named  # '"...," noted the head of the district Pavel Tsygankov': the person the phrase ends in
                found = self.resolve(c) or (None, c.text)
                lo, hi = min(c.start, verb.start()), max(c.end, verb.end())
                return found[0], found[1], c.kind, self.cue_text(lo, hi), True
            if (phrase := self.clause_phrase(clause_start, verb, clause_end)) is not None:
                found = self.named_before(phrase.text, phrase.start) or (None, phrase.text)  # '"...," the Japanese
                return found[0], found[1], phrase.kind, phrase.text, True  # minister said': the one named before
        if verb is None and (found := self.speaker_after(start, end, para_id)) is not None:
            return found  # '"...unacceptable." This was stated by the Cabinet Secretary, Hirokazu Matsuno.'
        # c: a fragment inside a narrator sentence: the nearest candidate before it
        if start > ps:
            sent_start = sents.bounds(start - 1, (ps, pe))[0]
            passive = None
            for passive in PASSIVE_QUOTED_RE.finditer(text, sent_start, start):
                pass  # "X was quoted by the agency as saying": X, the subject before it, speaks
            if passive is not None and (subj := [c for c in self.cands_from(sent_start, passive.start())
                                                 if c.end <= passive.start() and not self.object_pronoun(c)
                                                 and not possessor(text, c.end)]):  # "Lavrov's deputy, X, was quoted"
                c = self.apposed(next((c for c in subj if self.is_subject(c, sent_start)), subj[-1]))
                found = self.resolve(c) or (None, c.text)
                return found[0], found[1], c.kind, self.cue_text(c.start, passive.end()), False
            quoted_as = None
            for quoted_as in QUOTED_AS_RE.finditer(text, sent_start, start):
                pass  # the last "quoted X as saying" before the quotation
            if quoted_as is not None and (reported := self.reported_subject(quoted_as.end(), start)) is not None:
                return None, reported, "person", reported, False  # "... as saying the man had told investigators
                # he wanted to "..."": the one whose words the source reports
            if quoted_as is not None:  # "The paper quoted its chairman as saying that ...": the object speaks
                inner = [c for c in self.cands_from(quoted_as.start("obj"), quoted_as.end("obj"))
                         if c.end <= quoted_as.end("obj")]
                if inner:
                    found = self.resolve(inner[-1]) or (None, inner[-1].text)
                    return found[0], found[1], inner[-1].kind, self.cue_text(inner[-1].start, inner[-1].end), False
                obj = " ".join(quoted_as.group("obj").split())
                return None, obj, "person", self.cue_text(quoted_as.start(), quoted_as.end()), False
            before = [c for c in self.cands_from(sent_start, start - 1) if c.end <= start - 1
                      and not self.object_pronoun(c)  # "calling it "...": "it" is spoken of, not speaking
                      and not (c.kind == "person" and not c.role  # "the Takaichi administration's": no speaker
                               and THE_BEFORE_RE.search(text, max(0, c.start - 4), c.start)
                               and MODIFIER_AFTER_RE.match(text, c.end))]
            if (aside := parenthetical_speaker(text, before, start, self.lex.subject_verb_re)) is not None \
                    and (found := self.resolve(aside)) is not None:  # 'Tokyo, it said, had chosen "..."': it speaks
                return found[0], found[1], aside.kind, self.cue_text(aside.start, aside.end), False
            if (said := text_speaker(text, sent_start, start, self.lex.text_verb_re, before, self.verb_in,
                                     self.lex.text_phrase_re)) is not None:  # 'a resolution ..., which calls them "..."'
                return None, said.text, said.kind, said.text, False
            if (words := IN_WORDS_RE.search(text, max(sent_start, start - 40), start)) is not None:
                pronoun = {"his": "he", "her": "she"}.get(words.group(1).lower(), "they")
                found = self.resolve(Cand(words.start(1), words.end(1), "person", None, pronoun, True))
                if found is not None:  # 'a formula that, in his words, "closes the door"': the one "his" is
                    return found[0], found[1], "person", " ".join(words.group().split()), False
            if (carrier := carrier_subject(text, sent_start, start, before) or speech_owner(  # "the Tokyo's statement"
                    text, start, [c for c in self.cands_from(sent_start, start) if c.end < start],
                    self.lex.speech_noun_re, self.lex.possessive_speech_re, self.verb_in)):
                found = self.resolve(carrier) or (None, carrier.text)  # 'people rallied with banners reading "..."'
                return found[0], found[1], carrier.kind, carrier.text, False
            if (source := ACCORDING_OPENING_RE.match(text, sent_start)) is not None \
                    and (named := [c for c in before if c.end <= source.end()]) \
                    and self.source_clause(self.apposed(named[-1]), start):  # "According to Putin, after ..., "...""
                c = self.apposed(named[-1])  # "According to a researcher ..., Ryota Kageyama, "..."": the name
                found = self.resolve(c) or (None, c.text)
                return found[0], found[1], c.kind, self.cue_text(c.start, c.end), False
            if (phrase := self.phrase_subject(sent_start, start)) is not None:  # "Russian media have described ..."
                found = self.named_before(phrase.text, phrase.start) or (None, phrase.text)
                return found[0], found[1], phrase.kind, phrase.text, False
            if (relative := self.relative_speaker(before, start)) is not None:
                found = self.resolve(relative) or (None, relative.text)  # "a protest from Tokyo, which called the
                return found[0], found[1], relative.kind, self.cue_text(relative.start, relative.end), False  # move "...""
            if before and (held := self.paragraph_speaker(before, start)):
                return held  # "..., said X. In Tokyo the mood is "...": the body is spoken about (continuation.py)
            before = [b for b in before if not judged(text, b.start, b.end, start, self.lex.possessive_speech_re)] \
                or before  # 'saying that Morgulov's statement is "inadmissible"': the statement is judged, not speaking
            if before:
                c = next((b for b in reversed(before) if not self.complement(b) or self.lex.possessive_speech_re
                          and self.lex.possessive_speech_re.match(text, b.end)), before[-1])  # "Professor X of Hokkaido
                # University believes: "...": no subject after a preposition, unless it owns the words ("on X's remark")
                owner = self.lex.possessive_speech_re is not None and self.lex.possessive_speech_re.match(text, c.end) \
                    and not PARTICIPLE_RE.search(text, c.end, start)  # "on X's remarks, saying only that "...": not X's
                saying = None
                for saying in SAYING_RE.finditer(text, sent_start, c.start):
                    pass  # "Lavrov dismissed the remarks, saying the Japanese side "should ...": the content's subject
                if not owner and saying is not None and not self.lex.subject_verb_re.match(text, c.end) \
                        and (opener := self.opening_subject(sent_start, [b for b in before if b.end <= saying.start()])):
                    c = opener  # is spoken about; the one saying it speaks
                elif not owner and PARTICIPLE_RE.search(text, c.end, start) \
                        and (opener := self.talker(before, start) or self.opening_subject(sent_start, before)) is not None:
                    c = opener  # "Japan lodged a protest after X visited ..., calling the trip "...": Japan calls; "...,
                    # Japan's government said Thursday, calling the decision "...": the one who said
                elif not owner and (inner := self.clause_subject(sent_start, start, before)) is not None:
                    c = inner  # "X called it "...", and Sakhalin's governor has announced a plan, "...": the governor
                elif not owner and (subject := self.subject(sent_start)) is not None and subject[1] <= start:
                    c = next((b for b in before if b.start > subject[1] and not b.role and b.kind in SPEAKER_KINDS
                              and REPORTED_THAT_RE.search(text, max(0, b.start - REPORTED_REACH), b.start)
                              and (REPORTED_VERB_RE.match(text, b.end) or self.lex.subject_verb_re.match(text, b.end))),
                             subject[0])  # "A spokesman for the fleet, speaking ..., said the crews would "..."";
                    # "Sankei noted ..., and said that Rudenko referred to them as "...": Rudenko, whose words it reports
                elif not owner and (talker := self.talker(before, start)) is not None:
                    c = talker  # "Speaking at the rally, Ishiba told officials that ... "...": the one who told
                if c.role and c.kind == "person" and len(c.text.split()) == 1:
                    opener = next((b for b in before if not b.role and b.kind == "person" and b.start < c.start
                                   and self.is_subject(b, sent_start) and not DESCRIBED_RE.match(b.text)), None)
                    c = opener or c  # "Tanaka, who ..., put it simply when he spoke: "...": he is Tanaka
                found = self.resolve(c) or (None if c.role and " " not in c.text else (None, c.text))
                if found is not None:  # a pronoun that stands for nobody ("Her answer was simple:") names no one:
                    return found[0], found[1], c.kind, self.cue_text(c.start, c.end), False  # rules d-e go on
        # d: a sentence ending in a colon right before ("The Kremlin was blunt: "...""), else the latest speaker
        # event of the same paragraph, else the subject of the sentence right before ("Sato was blunt. "..."")
        if start > ps and (found := self.introducing_sentence(start, ps, colon_only=True)) is not None:
            return found
        for e in reversed(self.events):
            if e.para_id == para_id and e.pos < start:
                return e.entity, e.text, e.kind, e.cue, e.established
        if start > ps and (found := self.introducing_sentence(start, ps, colon_only=False)) is not None:
            return found
        # e: a quotation opening its paragraph with no attribution: the previous paragraph's speaker (or that of the
        # paragraph before a plain one)
        if para_id > 0 and not text[ps:start - 1].strip(DASH_OPENERS):  # a dash opens Russian direct speech
            return self.earlier_speaker(para_id)
        return None

    def talker(self, before: list[Cand], start: int) -> Cand | None:
        """The last candidate before a fragment followed by a speech verb, unless it stands in the "that" clause
        of an earlier one in the same clause ("Kihara told reporters that the government had conveyed "serious
        concern"": Kihara reports it); a clause joint between them (", and said that", ", while") keeps the last."""
        talkers = [(self.apposition_head(b, before) if self.text[b.end:b.end + 1] == "," else b, v) for b in before
                   if (v := self.lex.subject_verb_re.match(self.text, b.end + (self.text[b.end:b.end + 1] == ",")))
                   and v.end() <= start]  # "Minoru Kihara, told": an apposition's closing comma
        if not talkers:
            return None
        last, last_verb = talkers[-1]
        if COORDINATED_PREDICATE_RE.match(last_verb.group()) and (sent := self.sents.at(last.start)) is not None \
                and (opener := self.opening_subject(self.sents.spans[sent][0], before)) is not None \
                and opener.end <= last.start:
            return opener  # "X summoned the ambassador, Y, and told him "..."": X, whose second predicate it is
        for b, verb in reversed(talkers[:-1]):
            if THAT_RE.search(self.text, verb.end(), last.start) \
                    and not CLAUSE_JOINT_RE.search(self.text, verb.end(), last.start):
                return b
        return last

    def addressee(self, verb: re.Match, c: Cand) -> bool:
        """Whether candidate ``c`` is the object of an ``addressee_verbs`` verb right before it, the one spoken to
        ('"...," a district deputy, Ivan Petrov, told the agency': the agency listens)."""
        return c.start >= verb.end() and verb.group().lower() in self.lex.addressee_verbs \
            and not self.text[verb.end():c.start].strip()

    def governed(self, start: int, ps: int, pe: int) -> bool:
        """Whether a speech verb right before the opening mark (at most :data:`GOVERNED_GAP` words between:
        "spoke of", "called it", "described them as") governs the quotation, with a candidate before it in the
        sentence as its subject, or it is in the content of someone's statement (``carriers.speech_owner``): the
        quotation is attributed before it, not by the clause after it."""
        sent_start = self.sents.bounds(max(ps, start - 1), (ps, pe))[0]
        if speech_owner(self.text, start, [c for c in self.cands_from(sent_start, start) if c.end < start],
                        self.lex.speech_noun_re, self.lex.possessive_speech_re, self.verb_in) is not None:
            return True  # 'On Tokyo's statement about the "occupied" islands, Peskov said': Tokyo's
        verb = None
        for verb in self.lex.verb_re.finditer(self.text, max(sent_start, start - 60), max(sent_start, start - 1)):
            pass  # the last speech verb before the mark
        if verb is None or len(WORD_RE.findall(self.text, verb.end(), start - 1)) > GOVERNED_GAP:
            return False
        return any(c.end <= verb.start() and not self.object_pronoun(c)
                   for c in self.cands_from(sent_start, verb.start()))
