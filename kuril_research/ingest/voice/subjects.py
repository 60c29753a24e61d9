"""Subjects of speech (rule 4): who speaks in a sentence or clause, written as a name, a phrase or a role.

:class:`SubjectRules` is the part of :class:`~kuril_research.ingest.voice.speakers.SpeakerWalk` that finds a
sentence's or a clause's speaking subject: the candidate opening it, a noun phrase as written, the person an
inverted verb's phrase ends in, and the person a definite description or a possessive role stands for.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from kuril_research.ingest.voice.affiliation import premodifiers_dropped, relays
from kuril_research.ingest.voice.candidates import LINK_WORDS, PREPOSITION_BEFORE_RE
from kuril_research.ingest.voice.lexicon_record import phrase_key
from kuril_research.ingest.voice.model import Cand, WORD_RE
from kuril_research.ingest.voice.titled_names import name_heads
from kuril_research.ingest.voice.speaker_cues import (
    CLAUSE_JOINT_RE, DEFINITE_RE, DESCRIBED_RE, INDEFINITE_RE, OF_RE, OWNER_RE, PARTICIPLE_WORD_RE, PHRASE_END_RE,
    PHRASE_OPENING_RE, PHRASE_TAIL_WORDS, PHRASE_WORDS, SUBJECT_LEAD_WORDS, SUBORDINATORS, TITLE_WINDOW,
    definite_head, possessor, phrase_side, LOWER_WORD_RE, MAIN_CLAUSE_RE, DETERMINER_RE, PARTICIPLE_RE, COPULA_RE, COLON_BEFORE_RE,
    POSSESSIVE_PRONOUN_RE, RELATIVE_AFTER_RE, RELATIVE_BEFORE_RE, ACCORDING_OPENING_RE, plain_person, YEAR_LEAD_RE, SPEAKING_LEAD_RE,
    called_introduces, OPENING_ADVERBIAL_RE)


#: An active participle that may start a reduced relative clause after a long subject's head ("A post sharing
#: the clip says"); only looked for when the phrase is too long otherwise ("A leading expert" stays whole).
ACTIVE_PARTICIPLE_RE = re.compile(r"[a-z]{3,}ing")
#: A share of a group opening a subject: "93% of", "Most of", "a majority of", "two-thirds of", "many of".
PARTITIVE_RE = re.compile(r"\s*(?:\d+(?:[.,]\d+)?\s*(?:%|percent|per\s+cent)|(?:a|the)\s+(?:majority|minority|third|"
                          r"quarter|half)|most|many|some|half|few|all|none|two-thirds|three-quarters|one-third)\s+of\s+",
                          re.I)
#: Where the group of a share ends before its verb: a preposition, a comma, a relative pronoun or an auxiliary.
GROUP_END_RE = re.compile(r"\s(?:on|in|at|from|across|who|which|that|have|has|had|were|was|are|is)\b|,")
#: A relative clause after the head of a subject phrase: the phrase ends before it.
RELATIVE_CLOSED_RE = re.compile(r",\s+(?:(?:now|still|already|also|then|[a-z]+ly)\s+)?(?:looks?|looked|seems?|seemed|"
                                r"appears?|appeared|is|was|are|were|has|had|have|remains?|remained|became|becomes?)\s")
#: A plain plural noun of people after "the": a group that speaks as written ("the protesters", "the islanders").
PLURAL_GROUP_RE = re.compile(r"[a-z]{3,}(?:ers|ors|ants|ents|ists|ians|ites|men|people)")
RELATIVE_CLAUSE_RE = re.compile(r"\s(?:who|whom|whose|which|that)\s")
#: Words after which an "-ing" word is a modifier inside a noun phrase ("the fishing league"), not a participle.
NOUN_OPENERS = frozenset({"the", "a", "an", "of", "for", "in", "on", "at", "its", "their", "his", "her", "our", "and"})
#: Prepositions that name a speech source, with the word before them: "according to X", "in the words of X".
#: A past participle before "by": the candidate after it is a passive's agent, the logical subject.
PARTICIPLE_AGENT_RE = re.compile(r"[a-z]+(?:ed|en|wn|ne|ung|ught|id)")
SOURCE_PREPOSITIONS = frozenset({("according", "to"), ("words", "of")})
#: Words that cannot stand in a bare plural noun phrase of an attribution clause ('"...," residents said').
PLAIN_STOP_WORDS = frozenset({"and", "or", "but", "that", "which", "who", "it", "its", "he", "she", "they", "we",
                              "i", "you", "this", "these", "those", "there", "here", "as", "was", "is", "has",
                              "news", "reports", "sources", "statements", "words", "comments", "remarks"})

#: Between a described speaker and the name in apposition after it.
APPOSED_NAME_RE = re.compile(r"(?:\s+(?:in|to|at|for)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)?,\s+")


class SubjectRules:
    """Subject rules over the walk's ``text``, ``cands``, ``spans``, ``sents``, ``lex``, ``verb_in`` and
    ``cands_from`` (see :class:`~kuril_research.ingest.voice.speakers.SpeakerWalk`)."""

    def name_cataphora(self, speakers: dict[int, tuple]) -> None:
        """A definite described speaker (a possessive or "the": "Japan's top government spokesman said Tokyo
        lodged a "strong protest"") who is named at the next quotation, in its paragraph or the next, is that
        person ('"...," Minoru Kihara told reporters'), if no other person is named between them, the person is of
        the side the phrase names, if any (an indefinite phrase: if that attribution takes up its head noun), the
        head no plain gendered noun ("the man") nor an ``institution`` role. Rewrites ``speakers``."""
        for qi in range(len(self.spans) - 1):
            entity, _, written = speakers[qi]
            nxt_entity, nxt_cue, nxt_written = speakers[qi + 1]
            if entity is not None or written is None or nxt_written is None or INDEFINITE_RE.match(written) \
                    and not self.taken_up_by_name(written, qi + 1) \
                    or not DESCRIBED_RE.match(written) or DESCRIBED_RE.match(nxt_written) \
                    or plain_person(written.split()[-1].lower(), self.lex.genders) \
                    or written.split()[-1].lower() in self.lex.text_heads or self.spans[qi + 1][2] - self.spans[qi][2] > 1:
                continue
            named = [c for c in self.cands_from(self.spans[qi][1], self.spans[qi + 1][0])
                     if not c.role and c.kind == "person" and not DESCRIBED_RE.match(c.text)]
            cue_names = [c for c in self.cands_from(self.spans[qi + 1][1], self.spans[qi + 1][1] + 200)
                         if c.text == nxt_written or c.entity == nxt_entity and c.entity is not None]
            if named or not cue_names or cue_names[0].role or cue_names[0].kind != "person" \
                    or _body(written, self.lex.organisation_heads) \
                    or self.lex.role_kinds.get(phrase_key(written)) == "institution":  # "the ministry's statement"
                continue  # a person named between, the next speaker no person's name, or a body ("Russia's Fleet")
            owner = OWNER_RE.match(written)
            side = self.lex.sides.get(owner.group(1).lower()) if owner else None  # "Japan" is the id of japan
            if side is not None and nxt_entity is not None and self.lex.sides.get(nxt_entity) not in (None, side):
                continue
            speakers[qi] = (nxt_entity, speakers[qi][1], nxt_written)

    def subject(self, sent_start: int) -> tuple[Cand, int] | None:
        """The speaking subject of the sentence starting at ``sent_start`` and the end of its speech verb.

        The candidates before the sentence's first speech verb, the first of them opening the sentence:
        the first person named among them ("Kremlin spokesman Dmitry Peskov said"; "Another resident,
        fisherman Igor Baranov, said"), else the first of them ("A spokesman for the fleet said").
        """
        if sent_start in self.subjects:
            return self.subjects[sent_start]
        found = None
        sent_end = self.sents.bounds(sent_start, (sent_start, len(self.text)))[1]
        main = sent_start
        if self.text[sent_start:sent_start + 12].split(" ")[0].lower() in SUBORDINATORS \
                and (comma := MAIN_CLAUSE_RE.search(self.text, sent_start, sent_end)) is not None:
            main = comma.end()  # "After a minister spoke of "...", he wrote ...": the main clause's subject speaks
        i = bisect_left(self.cands, main, key=lambda c: c.start)
        verb = self.verb_in(main, sent_end) if i < len(self.cands) else None
        while verb is not None and (RELATIVE_BEFORE_RE.search(self.text, max(main, verb.start() - 12), verb.start())
                                    or called_introduces(self.text, verb, self.cands_from)):  # "A man called X said"
            verb = self.verb_in(verb.end(), sent_end)  # "The declaration, which said ..., Putin said": the main verb
        if verb is not None:
            clause_start = main
            if (lead := SPEAKING_LEAD_RE.match(self.text, main)) and lead.end() < verb.start():  # "Speaking in
                clause_start = lead.end()  # Tokyo on Friday, Minister X said": X, not Tokyo
            for joint in CLAUSE_JOINT_RE.finditer(self.text, sent_start, verb.start()):
                clause_start = joint.end()  # "Putin proposed it, but Abe called the idea ...": Abe's clause
            region = []
            while i < len(self.cands) and self.cands[i].end <= verb.start():
                if self.cands[i].start >= clause_start and self.cands[i].kind != "group" and not PREPOSITION_BEFORE_RE.search(
                        self.text, max(0, self.cands[i].start - 8), self.cands[i].start) \
                        and not self.complement(self.cands[i]):  # "Speaking about the 1956 declaration, Putin said"
                    region.append(self.cands[i])  # not "In a statement, the ministry said": no subject after "in"
                i += 1
            if region and self.is_subject(region[0], clause_start) \
                    and self.spans_at.at(sent_start) is None and self.spans_at.at(verb.start()) is None:
                persons = [c for c in region if not c.role and c.kind == "person" and not DESCRIBED_RE.match(c.text)
                           and not possessor(self.text, c.end)]  # "Kawabata's daughter, Yumiko, ... said": Yumiko
                found = (persons[0] if persons else region[0]), verb.end()
        self.subjects[sent_start] = found
        return found

    def opening_subject(self, sent_start: int, before: list[Cand]) -> Cand | None:
        """The subject opening a sentence, after opening adverbials ("In response, Mr. X lodged") and capitalised
        title words however many ("Japan's Chief Cabinet Secretary X declined"): of the candidates before its first
        lower-case word that is no title ("deputy chairman Ivan Petrov dismissed"), the first person, else the first."""
        while (lead := OPENING_ADVERBIAL_RE.match(self.text, sent_start)) is not None and lead.end() > sent_start:
            sent_start = lead.end()
        first = next((w for w in LOWER_WORD_RE.finditer(self.text, sent_start, before[-1].end if before else sent_start)
                      if w.group().lower() not in self.lex.name_title_words), None)
        region = [b for b in before if first is None or b.end <= first.start()]
        if not region or not self.is_subject(region[0], sent_start) and any(w[:1].islower() for w in WORD_RE.findall(self.text, sent_start, region[0].start)):
            return None
        persons = [b for b in region if not b.role and b.kind == "person" and not DESCRIBED_RE.match(b.text)]
        return persons[0] if persons else region[0]

    def apposed(self, c: Cand) -> Cand:
        """The person named in apposition right after a described speaker ("Russia's ambassador in Tokyo, Mikhail
        Galuzin, was quoted ..."): the name, not the description; else ``c``."""
        if c.entity is not None or not DESCRIBED_RE.match(c.text):
            return c
        nxt = next((n for n in self.cands_from(c.end, c.end + 40) if n.start > c.start and n.kind == "person"), None)
        if nxt is not None and not nxt.role and nxt.kind == "person" and not DESCRIBED_RE.match(nxt.text) \
                and APPOSED_NAME_RE.fullmatch(self.text, c.end, nxt.start) and self.text[nxt.end:nxt.end + 1] == ",":
            return nxt
        return c

    def relative_speaker(self, before: list[Cand], start: int) -> Cand | None:
        """The antecedent of a relative clause whose speech verb governs the fragment at ``start``: the candidate
        right before ", which" or ", who" ("a protest from Tokyo, which called the manoeuvres "...""), when no other
        speech verb stands between them and no comma and finite verb close the clause (``RELATIVE_CLOSED_RE``)."""
        for c in reversed(before):
            if (rel := RELATIVE_AFTER_RE.match(self.text, c.end)) is None or self.object_pronoun(c):
                continue
            verb = self.lex.verb_re.match(self.text, rel.end())
            if verb is not None and verb.end() <= start and self.verb_in(verb.end(), start) is None \
                    and not RELATIVE_CLOSED_RE.search(self.text, verb.end(), start):
                return c
            return None  # "hopes built on the declaration, which promised two islands, now looked "..."": the
            # comma and the finite verb after it close the relative clause; the fragment is the main clause's
        return None

    def partitive(self, clause: int, start: int) -> Cand | None:
        """The group a share of which is the subject of a speech verb in the clause at ``clause`` before ``start``,
        as written up to a preposition or comma ("93% of those polled on Iturup said" -> "those polled"; "Most of
        the residents we met said" -> "the residents we met"); an opening "According to X," is skipped. None when
        the subject is no share of a group, or the group holds a candidate (a named body speaks as itself)."""
        if (source := ACCORDING_OPENING_RE.match(self.text, clause)) is not None:
            clause = source.end()
        share = PARTITIVE_RE.match(self.text, clause)
        if share is None or (said := self.verb_in(share.end(), start)) is None:
            return None
        stop = GROUP_END_RE.search(self.text, share.end(), said.start())
        end = stop.start() if stop is not None else said.start()
        phrase = " ".join(self.text[share.end():end].split())
        if not 1 <= len(phrase.split()) <= PHRASE_WORDS // 2 or self.cands_from(share.end(), end):
            return None
        return Cand(share.end(), end, "person", None, phrase)

    def source_clause(self, source: Cand, start: int) -> bool:
        """Whether the quotation at ``start`` is the words of the source of an opening "According to X," (ending in
        ``source``): the quotation follows it within a few words, or the clause after it opens with a subordinator
        ("According to Putin, after both countries ratified it, "...""), and no speech verb stands between; not
        when the clause has a subject of its own ("According to the diplomat, Japanese officials continue to ...")."""
        words = [w for w in WORD_RE.findall(self.text, source.end, max(source.end, start - 1)) if w.strip(",;:–—-")]
        if self.verb_in(source.end, start) is not None:
            return False
        return len(words) <= SUBJECT_LEAD_WORDS or words[0].lower().strip(",") in SUBORDINATORS

    def complement(self, c: Cand) -> bool:
        """Whether a candidate is the object of a preposition ("Professor X of Hokkaido University", "a visit
        to the islands"; titles and a possessor between skipped: "at King's College"), which no subject is; "according to X" and "in the words of X"
        name a source, and "by X" after a past participle a passive's agent ("repeated by Prime Minister X"; not "a
        visit by X"), not a complement."""
        words = [w.lower() for w in premodifiers_dropped(  # "Ambassador to Japan X"; "at King's College London"
            WORD_RE.findall(self.text, max(0, c.start - 60), c.start), self.lex.name_title_words, LINK_WORDS)]
        if words[-1:] == ["by"] and PARTICIPLE_AGENT_RE.fullmatch(words[-2] if len(words) > 1 else ""):
            return False
        return bool(words) and words[-1] in LINK_WORDS and tuple(words[-2:]) not in SOURCE_PREPOSITIONS

    def is_subject(self, c: Cand, sent_start: int) -> bool:
        """Whether a candidate opens its sentence (after at most a few words: "Its director, Andrei Volkov")."""
        return len(WORD_RE.findall(self.text, sent_start, c.start)) <= SUBJECT_LEAD_WORDS

    def phrase_subject(self, sent_start: int, start: int) -> Cand | None:
        """The noun phrase opening the clause of a fragment, as written, when it is the subject of a speech verb
        before the fragment and names no candidate as its head: "Russian state media described the waters as
        "..."", "The Sakhalin regional authorities called it a "..."", "The government of Prime Minister X says
        it will "..."" (the head before "of"), "The resolution, passed almost unanimously, demands "..."" (an
        insertion after the head dropped). None when a candidate is the phrase's head ("Putin said", "Kremlin
        spokesman Dmitry Peskov said", "A spokesman for the fleet said"), or the phrase is long or broken."""
        text = self.text
        joints = [j for j in CLAUSE_JOINT_RE.finditer(text, sent_start, start)
                  if not COLON_BEFORE_RE.fullmatch(text, j.start(), start)]  # the colon introducing the quotation
        clause = joints[-1].end() if joints else sent_start
        clause = lead.end() if (lead := YEAR_LEAD_RE.match(text, clause)) and lead.end() < start else clause  # "Since 2022"
        verb, copula = self.verb_in(clause, start), None
        if verb is not None and (group := self.partitive(clause, start)) is not None:
            return group  # "According to the centre, 93% of those polled on Iturup ... said": those polled
        if verb is None and (verb := PARTICIPLE_RE.search(text, clause, start)
                             or COLON_BEFORE_RE.search(text, clause, start)) is not None:
            copula = COPULA_RE.search(text, clause, verb.start())  # "Russian state television is blunter still,
            if copula is None or POSSESSIVE_PRONOUN_RE.match(text, clause):  # referring to ... as "...": the subject
                return None  # before the copula speaks; so with a colon ("Local fishermen have a saying: "..."")
        if verb is None or any(not c.role and c.kind in ("person", "organisation", "document", "place")
                               for c in self.cands_from(verb.end(), start)):
            return None  # "Japanese media reported that Lavrov called the plan "absurd"": Lavrov's word ("place": a capital)
        if text[clause:clause + 12].split(" ")[0].lower() in SUBORDINATORS \
                and (comma := MAIN_CLAUSE_RE.search(text, clause, verb.start())) is not None:
            clause = comma.end()  # "In a statement, the FSB said the man had "...": the main clause's subject
        region = text[clause:(copula or verb).start()].rstrip()
        end = clause + len(region)
        if "," in region:
            if not region.endswith(",") or any(not c.role and c.kind in ("person", "organisation") for c in
                                               self.cands_from(clause + region.index(","), clause + len(region))):
                return None  # "According to the centre, 93% of ...": no phrase; "His lawyer, Nikita Borodin, told"
            end = clause + region.index(",")  # "The resolution, passed almost unanimously, demands"
        if (relative := RELATIVE_CLAUSE_RE.search(text, clause, end)) is not None:
            end = relative.start()  # "A skipper in his sixties who fishes kelp off the island, ..., said": the skipper
        words = list(WORD_RE.finditer(text, clause, end))
        while words and (words[-1].group().lower() in PHRASE_TAIL_WORDS or words[-1].group().endswith("ly")):
            words.pop()  # "have", "has long", "reportedly", "used to"
        if not words or not PHRASE_OPENING_RE.match(words[0].group()) \
                or words[0].group().lower() in SUBORDINATORS:
            return None  # "As one analyst put it", "After a minister said": a subordinate clause
        end = words[-1].end()
        participle = next((w for w in words[1:] if PARTICIPLE_WORD_RE.fullmatch(w.group())), None)
        if participle is None and len(words) > PHRASE_WORDS:  # "A Facebook post in English sharing the same clip
            participle = next((w for k, w in enumerate(words) if k >= 2 and ACTIVE_PARTICIPLE_RE.fullmatch(w.group())
                               and words[k - 1].group().lower() not in NOUN_OPENERS), None)  # says"; not "the fishing"
        if participle is not None:
            end = text.rfind(" ", clause, participle.start())  # "One Gulf executive briefed on the talks"
        if any(self.lex.possessive_speech_re is not None and self.lex.possessive_speech_re.match(text, c.end)
               for c in self.cands_from(sent_start, start)):
            return None  # "reported on Rudenko's comments ... that "...": his words
        last = [c for c in self.cands_from(clause, end) if c.end <= end]
        if last and last[-1].end >= end - 1 and last[-1].kind == "person" and not last[-1].role \
                and not DESCRIBED_RE.match(last[-1].text) and name_heads(text, clause, last[-1].start, self.lex):
            return None  # a title before a name, whose head the name is ("Minister in charge of ... Affairs Ryoichi
            # Maekawa told", "the Governor of Hokkaido X said"; not "The government of Prime Minister X says")
        qualified = False
        if (of := OF_RE.search(text, clause, end)) is not None \
                and any(c.start >= of.end() for c in self.cands_from(of.end(), end)):
            end, qualified = of.start(), True  # "The government of Prime Minister Sanae Takaichi says": the government
        phrase = " ".join(text[clause:end].split())
        if not 1 <= len(phrase.split()) <= PHRASE_WORDS or any(ch in phrase for ch in "\"“”«»()"):
            return None
        inside = [c for c in self.cands_from(clause, end) if c.end <= end and not possessor(text, c.end)]
        if any(not c.role and c.kind == "person" and not DESCRIBED_RE.match(c.text) and not self.complement(c)
               for c in inside):
            return None  # a name not after a preposition heads the phrase ("Minister X in turn said", "X was quick to")
        if any((c.end >= end - 1 or c.start == clause) and not (qualified and c.role) for c in inside):
            return None  # a candidate is the head ("Japan's Ambassador to Australia"): the usual rules; a role
            # qualified by "of X" stands as written ("The government of Prime Minister X")
        if not inside and len(phrase.split()) == 1:
            return None  # one word that is no candidate: a name the rules did not find, or a pronoun
        return Cand(clause, end, "person" if self.named_before(phrase, clause) else "organisation", None, phrase)

    def clause_phrase(self, clause_start: int, verb, clause_end: int) -> Cand | None:
        """The noun phrase of an attribution clause that holds no candidate, as written: the words between the
        closing mark and the verb ('"...," the Japanese government said'; "Russian authorities said"), else those
        after an inverted verb up to a preposition or punctuation ('"...," said the regional authorities in
        a statement'). None unless it opens with a determiner or a capital and is short."""
        text = self.text
        words = list(WORD_RE.finditer(text, clause_start, verb.start()))
        while words and (words[-1].group().lower() in PHRASE_TAIL_WORDS or words[-1].group().endswith("ly")):
            words.pop()  # "have", "later", "reportedly"
        if not words:  # inverted: the phrase after the verb
            words = []
            for w in WORD_RE.finditer(text, verb.end(), clause_end):
                word = w.group().rstrip(",.;:!?")
                if word.lower() in SUBORDINATORS or not word:
                    break
                words.append(w)
                if word != w.group():
                    break
        if not 1 <= len(words) <= PHRASE_WORDS - 2:
            return None
        plain = [w.group().strip(",.;:!?–—-").lower() for w in words]
        if not PHRASE_OPENING_RE.match(words[0].group().lstrip(",;:–—-")) and plain not in (["one"], ["another"]) \
                and not (all(re.fullmatch(r"[a-z][a-z-]+", w) and w not in PLAIN_STOP_WORDS for w in plain)
                         and plain[-1].endswith(("s", "men", "people"))):
            return None  # a lower-case phrase only when it is a plural noun phrase ("residents", "many locals") or
            # "one"/"another" of a group named before ("Local fishermen said ... "...," one told NHK")
        phrase = " ".join(text[words[0].start():words[-1].end()].split()).strip(",.;:!?–—- ")
        if not phrase or any(ch in phrase for ch in "\"“”«»(),;") or DEFINITE_RE.match(phrase) \
                and len(phrase.split()) == 2 and not PLURAL_GROUP_RE.fullmatch(phrase.split()[1]) and phrase.split()[1].lower() not in self.lex.text_heads:
            return None  # "the director": someone named before; "the protesters", "the release": as written
        if len(phrase.split()) == 1 and phrase[0].isupper():
            return None  # one capitalised word at the verb: a candidate already (candidates.py finds it) or nobody
        return Cand(words[0].start(), words[-1].end(), "organisation", None, phrase)

    def reported_subject(self, pos: int, start: int) -> str | None:
        """The subject of a speech verb reported after ``pos`` ("as saying") and before the fragment at ``start``,
        as written: "... as saying the man had told investigators he wanted to "..."" -> "the man"; None when no
        speech verb stands there or its subject is no short noun phrase opened by a determiner or a capital."""
        text = self.text
        verb = self.verb_in(pos, start)
        if verb is None:
            return None
        words = [w.group() for w in WORD_RE.finditer(text, pos, verb.start())]
        if words and words[0].lower() == "that":
            words.pop(0)
        while words and (words[-1].lower() in PHRASE_TAIL_WORDS or words[-1].endswith("ly")):
            words.pop()
        if not 1 <= len(words) <= 4 or not DETERMINER_RE.match(words[0] + " ") and not words[0][:1].isupper() \
                or any(not re.fullmatch(r"[\w’'-]+", w) for w in words):
            return None
        return " ".join(words)

    def clause_subject(self, sent_start: int, start: int, before: list[Cand]) -> Cand | None:
        """The subject of a later clause of the sentence that holds the fragment at ``start``: the candidate
        opening the clause after the last joint (", and", "; ", " — ") before it, with a speech verb between
        them; None when the fragment stands in the sentence's first clause."""
        joints = list(CLAUSE_JOINT_RE.finditer(self.text, sent_start, start))
        if not joints:
            return None
        clause = joints[-1].end()
        region = [b for b in before if b.start >= clause]
        if not region or not self.is_subject(region[0], clause) or self.verb_in(region[0].end, start) is None:
            return None
        persons = [b for b in region if not b.role and b.kind == "person" and not DESCRIBED_RE.match(b.text)
                   and self.verb_in(b.end, start) is not None and not possessor(self.text, b.end)]
        return persons[0] if persons else region[0]

    def inverted_subject(self, start: int, end: int) -> Cand | None:
        """The person a noun phrase after an inverted speech verb ends in ('– noted the head of the Yuzhno-Kurilsky
        district Pavel Tsygankov'; '"...," said the chairman, Taro Ueda'), not one linked to its head by a
        preposition ('said a spokesman for Minister Ivan Petrov'), within the phrase (no sentence punctuation); a
        name opening the phrase (titles aside, no possessive) is the subject itself ('said Dr X of Moscow's Y')."""
        for c in self.cands_from(start, end):
            if PHRASE_END_RE.search(self.text, start, c.start):
                return None
            if c.role or c.kind != "person" or DESCRIBED_RE.match(c.text) or c.start == start:
                continue
            words = [w.lower() for w in WORD_RE.findall(self.text, start, c.start)]
            while words and words[-1] in self.lex.name_title_words and words[-1] not in LINK_WORDS:
                words.pop()
            if not words and not possessor(self.text, c.end) and not relays(self.text, c.end, end) \
                    or words and words[-1].strip(",") not in LINK_WORDS:  # "said Dr X, an analyst at Y": the name
                return c  # opening the phrase speaks, unless it relays another's ("X, quoting Y") (affiliation.py)
        return None

    def named_before(self, phrase: str, pos: int) -> tuple[str | None, str] | None:
        """(entity, name) of the person a definite described phrase stands for (:func:`~.speaker_cues.definite_head`;
        a side's possessive counts as "the": "Japan's top government spokesman"): the latest person named before
        ``pos`` whose first mention has the phrase's head noun near it, and no other side than a side the phrase
        names ("the Japanese minister": not "Russian Transport Minister X", named later)."""
        side = phrase_side(self.lex.sides, phrase)
        if side is not None and (owner := OWNER_RE.match(phrase)) is not None:
            phrase = "the " + phrase[owner.end():].lstrip()  # "Japan's top government spokesman": the side's one
        if (head := definite_head(phrase, self.lex.text_heads, self.lex.pp_role_heads, self.lex.role_phrases)) is None:
            return None
        for p in reversed(self.cands_from(0, pos)):
            if p.role or p.kind != "person" or DESCRIBED_RE.match(p.text):
                continue
            at = self.text.find(p.text)
            at = p.start if at < 0 or at > p.start else at
            own = self.lex.sides.get(p.entity) if p.entity else phrase_side(self.lex.sides, self.text[max(0, at - TITLE_WINDOW):at])
            near = self.text[max(0, at - TITLE_WINDOW):min(pos, at + len(p.text) + TITLE_WINDOW)].lower()  # a head or
            if any(t in near for t in self.lex.titles_of(head)) and (side is None or own in (None, side)):  # its titles
                return p.entity, p.text  # "the Japanese minister": not "Russian Transport Minister X"
        return None


def _body(written: str, heads: frozenset[str]) -> bool:
    """Whether a described speaker is a body: its last organisation head is followed only by the words of its name
    ("Russia's Pacific Fleet", "Japan's Ministry of Defense"; not "Russia's Foreign Ministry spokeswoman")."""
    words = written.split()
    last = max((i for i, w in enumerate(words) if w.lower().rstrip("’'s") in heads or w.lower() in heads), default=None)
    return last is not None and all(w[:1].isupper() or w.lower() in ("of", "for", "and", "the", "on")
                                    for w in words[last + 1:])
