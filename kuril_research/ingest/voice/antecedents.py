"""Antecedents of subject pronouns (rule 4): whom "he", "she" or "it" in an attribution stands for.

A subject pronoun continues the TOPIC of the text before it: the subject of the latest sentence that has one
of its kind, or the speaker that sentence quotes. So a reader resolves ``"...," he noted`` after "The Russian
top diplomat recalled that Putin and Abe agreed ..." to the diplomat, not to Abe, the person named last, and
``It added: "..."`` after "The Russian embassy in Tokyo said in an email ..." to the embassy. The walk goes
back sentence by sentence (the pronoun's own sentence left out: its subject is the pronoun), over at most
:data:`TOPIC_PARAGRAPHS` paragraphs before the pronoun's:

- a sentence that quotes a speaker of the pronoun's kind gives that speaker (the one who speaks the sentence
  before one it only reports) ('"...," Lavrov said.'; "The
  Russian embassy in Tokyo said in an email that the claim was "..."");
- a sentence opened by a name or a role phrase of the pronoun's kind gives it (a role resolves the usual
  way), after opening adverbials ("At another press conference, Japan's Chief Cabinet Secretary ...");
- a sentence opened by the same pronoun continues the chain ("He was 11 when ...": look further back);
- a phrase opened by a possessive pronoun of the pronoun's own gender ("His father, who ran a cannery, ..."
  for "he") is someone related to the topic, never the topic itself; of another gender it may be the topic
  ("At gunpoint, her father shielded his daughters. "...!" he screamed"); a phrase whose gendered noun
  differs from the pronoun's ("a woman" for "he") is passed over;
- a sentence with no subject of the pronoun's kind ("In 1947 the family were deported.") is passed over.

None when no sentence in reach gives one: the older rules (latest established speaker) then apply.
"""

from __future__ import annotations

import re

from kuril_research.ingest.voice.candidates import LINK_WORDS
from kuril_research.ingest.voice.model import Cand, WORD_RE
from kuril_research.ingest.voice.speaker_cues import (DESCRIBED_RE, MAIN_CLAUSE_RE, POSSESSIVE_PRONOUN_RE,
                                                     SUBJECT_LEAD_WORDS, SUBORDINATORS, TITLE_WINDOW, named_person,
                                                     possessor, introduces_name, phrase_side, OPENING_ADVERBIAL_RE)

#: A comma right before an attribution that follows what it reports ("..., it said"; "..., the agency said").
TRAILING_ATTRIBUTION_RE = re.compile(r",\s?$")
#: How many paragraphs before the pronoun's the walk may look into.
TOPIC_PARAGRAPHS = 3
#: The subject pronouns resolved by topic, and the kinds of subject they stand for.
TOPIC_KINDS = {"he": ("person",), "she": ("person",), "it": ("organisation", "institution", "place")}
#: Between a described subject and the name in apposition after it: "Its Nemuro branch head, ", "Kawabata's
#: daughter, ", "Another resident, fisherman ", "One former islander, 90-year-old ".
APPOSED_RE = re.compile(r"(?:[’']s)?(?:\s+[^,.;:!?\"“”]{1,60})?,\s+(?:[a-z0-9][\w’'-]*\s+){0,3}")
#: The same with capitalised titles before the name, each a ``name_title_words`` word: ", Professor ".
APPOSED_TITLED_RE = re.compile(r"(?:[’']s)?(?:\s+[^,.;:!?\"“”]{1,60})?,\s+(?P<titles>(?:[A-Z][\w’'.-]*\s+){1,3})")
#: What closes a name in apposition: its comma, after a phrase saying where the person works if any ("A local
#: official, Kenji Mori of the Rausu cooperative, said"; "A resident, Anna Roe from Kunashir, said").
APPOSED_CLOSE_RE = re.compile(r"(?:\s+(?:of|from|at|with)\s[^,.;:!?\"“”]{1,60})?,")
#: What continues a role phrase into a longer description: "the Secretary[-General] of ...", "the minister for".
ROLE_GOES_ON_RE = re.compile(r"[-‑]|\s+(?:[A-Z]|of\b|for\b|in\b|at\b)")
#: A person named by a possessive pronoun and a noun, which ``genders`` lists ("her father", "His widow").
KIN_RE = re.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)\s+(?:[a-z-]+\s+){0,2}?(?P<head>[a-z-]+)\b(?=[\s,])")
#: How many candidates at the opening of a sentence may be its subject's head.
OPENING_CANDIDATES = 3
#: How far into a sentence (characters) the comma may stand that ends an opening phrase before the subject.
OPENING_PHRASE_CHARS = 80
#: Words that open a description whose head a name may follow ("The head of the district Marina Tsoi").
DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their"})
#: A personal name of two or three capitalised words opening a sentence and followed by a comma or a lower-case
#: word: a subject the candidate scan may not have listed ("Tetsuo Kobayashi, who has died aged 92, was ...").
#: An indefinite described person ("a Foreign Ministry official", "another resident") that a definite role takes up.
INDEFINITE_HEAD_RE = re.compile(r"(?:an?|another|one)\s", re.I)
#: A definite described phrase ("The head of government"), no possessive's ("Russia's envoy").
DEFINITE_DESCRIBED_RE = re.compile(r"(?i:the)\s(?!.*[’']s\s)")
#: A relative clause or an apposition right after a described subject: it introduces someone new ("The head of
#: the district, Anna Roe, ...", "The man who runs the shop ...").
RELATIVE_AFTER_SUBJECT_RE = re.compile(r",|\s+(?:who|whom|whose|that)\b")
#: A possessive and a noun for what its owner said or holds ("Kishida's response", "The ministry's statement"): the
#: owner, not the noun, is the topic a pronoun takes up; a person's ("Kawabata's crew", "his daughter") is no topic.
STANCE_AFTER_RE = re.compile(r"[’']s\s+(?:(?:first|latest|initial|official|own|public|written|brief)\s+)?(?:response|"
                             r"reaction|reply|answer|statement|remarks?|comments?|words|tone|position|stance|"
                             r"message|speech|view|line|verdict|announcement|protest)\b")
OPENING_NAME_RE = re.compile(r"(?P<name>[A-Z][a-z’'-]+(?:\s[A-Z][a-z’'-]+){1,2})(?=,\s|\s+[a-z])")


class AntecedentRules:
    """Topic rules over the walk's ``text``, ``sents``, ``paras``, ``events``, ``spans_at``, ``lex``,
    ``cands_from`` and ``resolve`` (see :class:`~kuril_research.ingest.voice.speakers.SpeakerWalk`)."""

    def topic(self, c: Cand) -> tuple[str | None, str] | None:
        """(entity, as written) of the topic a subject pronoun ``c`` continues (rules in the module docstring),
        or None."""
        pronoun = c.text.lower()
        kinds = TOPIC_KINDS.get(pronoun)
        si = self.sents.at(c.start)
        para = self.paras.at(c.start)
        if kinds is None or si is None or para is None:
            return None
        gender = self.lex.genders.get(pronoun)
        floor = self.paras.spans[max(0, para - TOPIC_PARAGRAPHS)][0]
        start = self.sents.spans[si][0]
        if self.spans_at.at(start) is None and self.spans_at.at(start + 1) is None \
                and not TRAILING_ATTRIBUTION_RE.search(self.text, max(start, c.start - 2), c.start):
            subject = self.sentence_subject(start, c.start)  # "Putin said ..., but he warned": Putin; not the
            # subject of what "..., it said" reports ("Japan will pay a fee ..., it said": the speaker before)
            if isinstance(subject, Cand) and subject.end <= c.start and subject.start != c.start:
                if (found := self.as_topic(subject, kinds, pronoun, gender)) not in (None, "related"):
                    return found
        for k in range(si - 1, -1, -1):
            start, end = self.sents.spans[k][:2]
            if start < floor:
                return None
            subject = self.sentence_subject(start, end)
            trailing = [e for e in self.events if start <= e.pos < end and e.kind in kinds and e.established
                        and isinstance(subject, Cand) and e.pos > subject.end and e.text.lower() != pronoun
                        and (at := self.text.rfind(e.cue, start, e.pos + 1)) > 0
                        and TRAILING_ATTRIBUTION_RE.search(self.text, max(start, at - 2), at)]
            if trailing:  # "The Japanese side will pay ..., the agency said.": the agency speaks that sentence
                return trailing[-1].entity, trailing[-1].text
            if isinstance(subject, Cand):
                found = self.as_topic(subject, kinds, pronoun, gender)
                if found == "related":
                    continue  # "His father, who ran a cannery, was ordered ...": the topic is still "he"
                if found is not None:
                    return found
            said = [e for e in self.events if start <= e.pos < end and e.kind in kinds and e.pos < c.start
                    and e.text.lower() != pronoun]
            spoken = next((e for e in reversed(said) if e.established), said[-1] if said else None)  # "..., Peskov
            # said, commenting on Ishiba's remark about "...": Peskov, who speaks the sentence, not Ishiba
            if spoken is not None:
                return spoken.entity, spoken.text  # '"...," Lavrov said.'
            if subject == pronoun:
                continue  # "He was 11 when ...": the chain goes on
            if subject is not None or any(x.kind in kinds and self.spans_at.at(x.start) is None
                                          for x in self.cands_from(start, end)):
                return None  # another subject, or one of the pronoun's kind named but not as the subject: the
                # older rules decide ("For Oikawa, the question has become simpler. "...," she said")
        return None

    def as_topic(self, subject: Cand, kinds: tuple[str, ...], pronoun: str,
                 gender: str | None) -> tuple[str | None, str] | str | None:
        """(entity, as written) of a sentence's subject as the antecedent of ``pronoun``; "related" for a phrase
        whose possessive pronoun is the pronoun's own person; None when it cannot be (another kind or gender)."""
        if subject.kind not in kinds or subject.text.lower() == pronoun:
            return None
        owner = POSSESSIVE_PRONOUN_RE.match(subject.text)
        if owner is not None and (gender is None or self.lex.genders.get(owner.group().strip().lower()) == gender):
            return "related"  # "His father, who ran a cannery, was ordered ...": related to "he", not "he"; but "her"
            # father shielded his daughters. "...!" he screamed": "he" is not "her", so it may be her father
        own = next((g for w in WORD_RE.findall(subject.text.lower())[1 if owner else 0:]
                    if (g := self.lex.genders.get(w))), None)
        if gender is not None and own is not None and own != gender:
            return None
        if not subject.role and subject.entity is None and subject.kind == "person" \
                and DEFINITE_DESCRIBED_RE.match(subject.text) and not RELATIVE_AFTER_SUBJECT_RE.match(self.text, subject.end):
            return "related"  # "This was stated by Prime Minister X ... The head of government is on a visit. "...,"
            # he said": a definite description takes up the person of the story before it; the chain goes on
        if subject.role:
            if ROLE_GOES_ON_RE.match(self.text, subject.end):
                return None  # "the Secretary General of the Cabinet ...": a longer description, not "the secretary"
            return self.resolve(subject) or (None, subject.text)
        return subject.entity, subject.text

    def sentence_subject(self, start: int, end: int) -> Cand | str | None:
        """The subject opening the sentence [start, end): a candidate (a name in apposition after a description
        preferred: "The director of the museum, Igor Samarin, said"), a subject pronoun's lower-cased word ("he"),
        a name the candidate scan did not list (as a candidate without entity), or None. Opening adverbials are
        skipped, and so is one opening phrase up to a comma ("Hours after the rally, Dmitry Medvedev ...")."""
        text = self.text
        if self.spans_at.at(start) is not None or self.spans_at.at(start + 1) is not None:
            return None  # a sentence opening with a quotation: its speaker is an event of the walk
        cands = [x for x in self.cands_from(start, end) if x.end <= end and self.spans_at.at(x.start) is None]
        pos = start
        for _ in range(3):
            while (lead := OPENING_ADVERBIAL_RE.match(text, pos)) is not None and lead.end() > pos:
                pos = lead.end()
            while pos < end and text[pos].isspace():
                pos += 1
            first = WORD_RE.match(text, pos)
            if first is None:
                return None
            word = first.group().lower().strip(",;:")
            if word in SUBORDINATORS and (main := MAIN_CLAUSE_RE.search(text, pos, end)) is not None:
                pos = main.end()  # "After a minister spoke of "...", he wrote": the main clause's subject
                continue
            if word in TOPIC_KINDS or word in ("they", "i", "we"):
                return word
            if (kin := KIN_RE.match(text, pos)) is not None and kin.group("head").lower() in self.lex.genders:
                return Cand(kin.start(), kin.end(), "person", None, kin.group())  # "her father", "His widow"
            following = [x for x in cands if x.start >= pos][:OPENING_CANDIDATES]
            head = next((x for x in following if self.opens(pos, x)), None)
            if head is not None:
                for nxt in (x for x in cands if x.start >= head.end):
                    if nxt.role or nxt.kind != "person" or DESCRIBED_RE.match(nxt.text):
                        break
                    gap = text[head.end:nxt.start]
                    between = [w for w in (w.lower().strip(",") for w in WORD_RE.findall(gap)) if w]
                    if between and all(w in self.lex.name_title_words for w in between) \
                            and self.verb_in(head.end, nxt.start) is None \
                            and ("," not in gap or text[nxt.end:nxt.end + 1] == ","):
                        return nxt  # "Russian foreign ministry spokeswoman Maria Zakharova dismissed"; in apposition
                        # with a title: "Japan's top government spokesman, Chief Cabinet Secretary Ivan Petrov, said";
                        # not a name after a speech verb ("Ivan Petrov said Abe appeared ..."): what the subject said
                    if ((titled := APPOSED_TITLED_RE.fullmatch(text, head.end, nxt.start)) is None
                            and APPOSED_RE.fullmatch(text, head.end, nxt.start)
                            or titled is not None and all(w.lower().rstrip(".") in self.lex.name_title_words
                                                          for w in titled.group("titles").split())) \
                            and APPOSED_CLOSE_RE.match(text, nxt.end):  # "Its Nemuro branch head, Yuko Shirakawa,
                        return nxt  # says"; "A Japanese expert on Russia, Professor Aiko Fujimura of ..., said"
                    if introduces_name(text, head, nxt):
                        return nxt  # "A woman called Anna Petrova runs the cafe": the name introduces her
                    break
                if possessor(text, head.end) and not STANCE_AFTER_RE.match(text, head.end):
                    return None  # "Mr. Kawabata's crew sorted ...": the crew, not Kawabata
                return head  # "Kishida's response was cooler ... "...," he told": what Kishida said or did
            if (name := OPENING_NAME_RE.match(text, pos)) is not None:
                words = [w.lower() for w in name.group("name").split()]
                if words[0] not in DETERMINERS and not any(w in self.lex.name_stop_words or w in self.lex.name_title_words
                           or w in self.lex.organisation_heads for w in words):
                    return Cand(name.start(), name.end(), "person", None, name.group("name"))
            comma = text.find(", ", pos, min(end, pos + OPENING_PHRASE_CHARS))
            if comma < 0:
                return None
            pos = comma + 2
        return None

    def opens(self, pos: int, head: Cand) -> bool:
        """Whether candidate ``head`` opens the clause at ``pos``: at most a few words before it, or a description
        with no preposition right before the name it ends in ("The head of the district Marina Tsoi")."""
        words = [w.lower().strip(",") for w in WORD_RE.findall(self.text, pos, head.start)]
        if len(words) <= SUBJECT_LEAD_WORDS:
            return not words or words[-1] not in LINK_WORDS
        if head.role or head.kind != "person" or "," in self.text[pos:head.start] or words[0] not in DETERMINERS \
                or "that" in words or self.verb_in(pos, head.start) is not None:
            return False  # "The Russian top diplomat recalled that ... Putin": a clause, not a description
        while words and words[-1] in self.lex.name_title_words and words[-1] not in LINK_WORDS:
            words.pop()
        return bool(words) and words[-1] not in LINK_WORDS

    def introduced(self, c: Cand) -> Cand | None:
        """The indefinite described person a definite role phrase takes up ("a Foreign Ministry official in Tokyo
        said, speaking on condition of anonymity ... "...," the official said"; "a spokeswoman for the fleet"
        ... "the spokeswoman"): the latest one before ``c``, in its paragraph or the :data:`TOPIC_PARAGRAPHS`
        before, whose head noun (its last word before a preposition or comma) is the role's last word, when no
        speaker of its kind was established between them. None otherwise (the role resolves the usual way)."""
        words = c.text.lower().split()
        para = self.paras.at(c.start)
        if len(words) < 2 or words[0] != "the" or para is None:
            return None
        last = max((e.pos for e in self.events if e.established and e.kind == c.kind), default=-1)
        since = self.paras.spans[max(0, para - TOPIC_PARAGRAPHS)][0]
        for p in reversed(self.cands_from(max(since, last + 1), c.start)):
            if p.role or p.kind != c.kind or not INDEFINITE_HEAD_RE.match(p.text):
                continue
            head = []
            for w in WORD_RE.findall(p.text.lower()):
                if w.strip(",") in LINK_WORDS or w.strip(",") in ("who", "which", "that"):
                    break
                head.append(w.strip(","))
            if head and head[-1] == words[-1]:
                return p
        return None

    def taken_up_by_name(self, written: str, qi: int) -> bool:
        """Whether the attribution of quotation ``qi`` takes up the head noun of the indefinite described person
        ``written`` with "the" ("A Russian analyst said ... "..."" / '"...," said the analyst, Ivan Lebedev'): the
        same person, whom the attribution names."""
        head = []
        for w in WORD_RE.findall(written.lower()):
            if w.strip(",") in LINK_WORDS or w.strip(",") in ("who", "which", "that"):
                break
            head.append(w.strip(","))
        end = self.spans[qi][1]
        sent_end = self.sents.bounds(end, (end, len(self.text)))[1]
        return len(head) > 1 and re.search(rf"\bthe\s+{re.escape(head[-1])}\b", self.text[end:sent_end], re.I) is not None

    def apposition_head(self, c: Cand, before: list[Cand]) -> Cand:
        """The head of the apposition that candidate ``c`` ends ("Hanako Jimi, the minister in charge of Okinawa
        and Northern Territories affairs, urged": Hanako Jimi, not the portfolio): the candidate right before the
        comma opening it, in the same sentence; ``c`` itself when there is none or ``c`` is a person's name ("A
        spokeswoman, Maria Zakharova, said": the name speaks)."""
        opening = self.text.rfind(", ", 0, c.start)
        if named_person(c) and c.kind == "person" or opening < 0 or "," in self.text[opening + 1:c.start] \
                or ";" in self.text[opening:c.start]:
            return c
        return next((b for b in reversed(before) if b.end <= opening and not self.text[b.end:opening].strip()
                     and self.sents.at(b.start) == self.sents.at(c.start)), c)

    def titled(self, name: str, role: str) -> bool:
        """Whether a name the gazetteer does not know can be what a role phrase says: always for a one-word
        role ("he"); for a titled role ("the director"), only if its last word stands near the name's first
        occurrence ("Its director, Andrei Volkov")."""
        words = role.lower().split()
        if len(words) < 2 or words[-1] in self.lex.generic_role_heads:
            return True  # "he"; "the diplomat", "the official": any named official may be meant
        at = self.text.find(name)
        near = self.text[max(0, at - TITLE_WINDOW):at + len(name) + TITLE_WINDOW].lower()
        return at >= 0 and any(title in near for title in self.lex.titles_of(words[-1]))  # "the leader": "President X"

    def titled_speaker(self, c: Cand):
        """For a role of two or more title words after "the" or a side's possessive ("the Prime Minister", "the
        foreign minister", "Japan's top government spokesman"), not a generic one: when the latest established
        speaker of its kind was never given that title near his first mention, the latest one who was ("Prime
        Minister Shinzo Abe"), else the latest person named before with that title near his first mention, who has
        not spoken yet; None otherwise (the usual rules)."""
        words = c.text.lower().split()
        owner = words[0][:-2] if words and words[0].endswith(("'s", "’s")) else None  # "Japan's top spokesman"
        if len(words) < 3 or words[0] != "the" and (owner is None or phrase_side(self.lex.sides, owner) is None) \
                or words[-1] in self.lex.generic_role_heads:
            return None
        title = " ".join(words[-2:])
        latest = next((e for e in reversed(self.events) if e.established and e.kind == c.kind), None)
        if latest is None or self.title_near(latest.text, title):
            return None
        return self.given_title(c, title)

    def side_titled(self, c: Cand, side: str):
        """For a role naming a side and a title ("the Japanese premier", "the Russian foreign minister"; not a generic
        head, "the Russian diplomat"): the latest established speaker, else the latest person named before the role,
        of that side or of none the lexicon knows, who was given the title (or one of its ``role_titles``) at one
        of their mentions ("Prime Minister Yoshiro Mori ... "...," the Japanese premier said": Mori,
        whom ``sides`` does not list); None otherwise."""
        words = [w for w in c.text.lower().split() if w != "the" and phrase_side(self.lex.sides, w) is None]
        if not words or words[-1] in self.lex.generic_role_heads:
            return None
        title = " ".join(words)  # "foreign minister", never its head alone: a prime minister is no foreign minister
        return self.given_title(c, title, side)

    def given_title(self, c: Cand, title: str, side: str | None = None):
        """The latest established speaker of ``c``'s kind before it, else the latest person named before it, who was
        given ``title`` (or one of its ``role_titles``) at one of their mentions and, when ``side`` is given, is of
        that side or of none ``sides`` lists; None otherwise."""
        sides = self.lex.sides

        def fits(entity: str | None, name: str) -> bool:
            return (side is None or sides.get(entity) in (None, side)) and self.title_near(name, title)
        spoken = (e for e in reversed(self.events) if e.established and e.kind == c.kind and e.pos < c.start)
        named = (p for p in reversed(self.cands_from(0, c.start)) if not p.role and p.kind == c.kind
                 and not DESCRIBED_RE.match(p.text))
        return next((e for e in spoken if fits(e.entity, e.text)), None) \
            or next((p for p in named if fits(p.entity, p.text)), None)

    def title_near(self, name: str, title: str) -> bool:
        """Whether ``title`` (lower case) is given to a name (its last word) at one of its mentions: before it with
        only capitalised words between ("Prime Minister and LDP President Shinzo Abe", "Foreign Minister Sergey
        Lavrov"), or in apposition after it ("Taro Sato, the prime minister,"); not the title of another name
        ("Prime Minister Taro Sato met Foreign Minister Ivan Petrov", "The Prime Minister and President Putin")."""
        if not name.split():
            return False
        return any(self.title_given(name, t) for t in self.lex.titles_of(title))  # "the leader": "President X"

    def title_given(self, name: str, title: str) -> bool:
        """``title_near`` for one title: before the name, after its of-phrase too ("the Minister of Fisheries
        of the Sakhalin Region, Vladimir Rykunov"), or in apposition after it."""
        words = r"\s+".join(title.split())
        before_re = re.compile(rf"(?i:{words})(?:\s+and(?:\s+[A-Z]{{2,}}|\s+[a-z]+)+)?"
                               rf"(?:\s+(?:of|for)(?:\s+the)?(?:\s+[A-Z][\w.’'-]*)+)*,?(?:\s+[A-Z][\w.’'-]*)*\s+$")
        after_re = re.compile(rf",\s+(?:the\s+|a\s+|its\s+)?(?:[\w-]+\s+){{0,3}}?{words}", re.I)
        for at in re.finditer(re.escape(name.split()[-1]), self.text):
            if before_re.search(self.text, max(0, at.start() - TITLE_WINDOW), at.start()) \
                    or after_re.match(self.text, at.end(), at.end() + TITLE_WINDOW):
                return True
        return False
