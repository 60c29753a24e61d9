"""Speakers carried on (rules 4d-4e): a quotation the text does not attribute continues a speaker before it.

:class:`ContinuationRules` is the part of :class:`~kuril_research.ingest.voice.speakers.SpeakerWalk` that gives
an unattributed quotation the speaker of the sentence or paragraph before it: a quotation continued across a
paragraph break, a person or body introducing it ("The chairman, Taro Ueda, put it plainly:"; "The Kremlin
was blunt:"; "Sato was blunt. "We are running out of time.""), or that paragraph's latest speaker; and the
other way round, a quotation printed first whose speaker the next sentence names ("This was stated by X."); and
a paragraph opened by a speaker, whose later sentences go on with that speaker's argument.
"""

from __future__ import annotations

import re

from kuril_research.ingest.voice.candidates import PREPOSITION_BEFORE_RE
from kuril_research.ingest.voice.model import Cand, Cue
from kuril_research.ingest.voice.speaker_cues import DESCRIBED_RE, PARTICIPLE_RE, named_person, possessor


#: What may stand between a quotation's closing mark and the sentence after it: its last punctuation, spaces.
AFTER_CLOSE_RE = re.compile(r"[\s.,;:!?\"”’'»–—-]*")
#: How many paragraphs that quote nobody and name no person an unattributed quotation paragraph looks back past for
#: its speaker.
MAX_PLAIN_PARAGRAPHS = 2
#: Where a speaker phrase given as written ends: punctuation, or a relative or subordinate word.
PHRASE_STOP_RE = re.compile(r"[,.;:!?(]|\s(?:who|which|that|when|while|on|at|during|in)\s")


class ContinuationRules:
    """Continuation rules over the walk's ``text``, ``paras``, ``sents``, ``spans``, ``spans_at``, ``events``,
    ``cands_from``, ``is_subject`` and ``resolve`` (see :class:`~kuril_research.ingest.voice.speakers.SpeakerWalk`)."""

    def person_in_cue(self, cue: Cue) -> Cand | None:
        """The last person named between a cue's place or body and its verb, not after a preposition nor a
        possessor: the one who speaks, the place being the setting ("In Tokyo, Foreign Minister X called the visit";
        "In Moscow, lawmakers warned Y against what deputy X called": X)."""
        return next((c for c in reversed(self.cands_from(cue.start + 1, cue.end)) if c.kind == "person" and not c.role
                     and c.end <= cue.end and named_person(c) and not possessor(self.text, c.end)
                     and not PREPOSITION_BEFORE_RE.search(self.text, max(0, c.start - 8), c.start)), None)

    def paragraph_speaker(self, before: list[Cand], start: int) -> tuple[str | None, str, str, str, bool] | None:
        """The speaker of an earlier sentence of the paragraph, for a fragment in a sentence with no speech verb,
        participle or colon before it whose only candidates are places and bodies, none a possessor: the
        paragraph reports that speaker's argument ("..., said Andrei Vetrov in Kommersant. For the Kremlin, the
        islands are "a bastion"": Vetrov). None otherwise (the candidate rules go on)."""
        para_id = self.paras.at(start)
        if para_id is None:
            return None
        ps, pe = self.paras.spans[para_id][:2]
        sent_start = self.sents.bounds(start, (ps, pe))[0]
        if any(b.kind == "person" or b.role or possessor(self.text, b.end) for b in before) \
                or self.verb_in(sent_start, start) is not None or PARTICIPLE_RE.search(self.text, sent_start, start) \
                or ":" in self.text[sent_start:start]:
            return None
        held = next((e for e in reversed(self.events) if e.established and e.para_id == para_id
                     and ps <= e.pos < sent_start and e.kind in ("person", "organisation")), None)
        return None if held is None else (held.entity, held.text, held.kind, held.cue, False)

    def previous_speaker(self, para_id: int) -> tuple[str | None, str, str, str, bool] | None:
        """The speaker a quotation paragraph continues from the paragraph before it: that paragraph's unclosed
        last quotation ('"... closed.' then '"The irony ..."'), else a person opening its last sentence
        ("The branch's chairman, Takeo Mori, put it plainly:"; "Sumiko Oyama, 87, who was born there, came"),
        a described person too when the paragraph ends in a colon ("An elderly man ... put it this way:"),
        else the latest speaker of that paragraph ('"...," Dr Hartigan said.'; "Nozdrev told TASS on Thursday.")."""
        text = self.text
        pps, ppe = self.paras.spans[para_id - 1][:2]
        for e in reversed(self.events):
            if e.para_id == para_id - 1 and e.pos >= pps and self.spans_at.at(e.pos) is not None \
                    and self.spans[self.spans_at.at(e.pos)][1] >= ppe:
                return e.entity, e.text, e.kind, e.cue, e.established
            if e.para_id < para_id - 1:
                break
        sent_start = self.sents.bounds(max(pps, ppe - 1), (pps, ppe))[0]
        colon = text[pps:ppe].rstrip().endswith(":")
        if (found := self.sentence_speaker(sent_start, ppe, colon)) is not None:
            return found
        for e in reversed(self.events):
            if e.para_id == para_id - 1 and e.established:
                return e.entity, e.text, e.kind, e.cue, e.established
            if e.para_id < para_id - 1:
                break
        return None

    def earlier_speaker(self, para_id: int) -> tuple[str | None, str, str, str, bool] | None:
        """:meth:`previous_speaker`, else, past up to :data:`MAX_PLAIN_PARAGRAPHS` paragraphs that quote nobody and
        name no person by name, the latest speaker of the paragraph before them: a feature goes on with its one
        voice after a paragraph of background ('"... her hand was shaking." / The family lived there two more years.
        / "We thought we could go back soon."')."""
        if (found := self.previous_speaker(para_id)) is not None:
            return found
        back = para_id - 1
        while back > 0 and para_id - back <= MAX_PLAIN_PARAGRAPHS:
            ps, pe = self.paras.spans[back][:2]
            if self.spans_at.overlapping((ps, pe)) or any(c.kind == "person" and named_person(c) for c in self.cands_from(ps, pe)):
                return None  # a paragraph with its own quotation or person: the voice may have changed
            back -= 1
            if (e := next((e for e in reversed(self.events) if e.para_id == back), None)) is not None:
                return e.entity, e.text, e.kind, e.cue, e.established
        return None

    def sentence_speaker(self, sent_start: int, end: int, colon: bool) -> tuple[str | None, str, str, str, bool] | None:
        """The speaker a sentence introduces for the quotation after it: a person opening it (a name in
        apposition to a description: "The branch's chairman, Takeo Mori, put it plainly:"), a described person or
        a body only when the sentence ends in a colon ("An elderly man put it this way:"; "The Kremlin was
        blunt:")."""
        text = self.text
        cands = self.cands_from(sent_start, end)
        for i, c in enumerate(cands):
            if DESCRIBED_RE.match(c.text) and i + 1 < len(cands) and not cands[i + 1].role \
                    and cands[i + 1].kind == "person" and not DESCRIBED_RE.match(cands[i + 1].text) \
                    and re.fullmatch(r",\s+", text[c.end:cands[i + 1].start]) and self.is_subject(c, sent_start):
                c = cands[i + 1]  # "The branch's chairman, Takeo Mori, put it plainly:": the name in apposition
            if (not c.role and c.kind == "person" and (colon or not DESCRIBED_RE.match(c.text))
                    and (self.is_subject(c, sent_start) or c is not cands[i])) \
                    or (colon and c.kind in ("organisation", "institution") and self.is_subject(c, sent_start)):
                found = self.resolve(c) or (None, c.text)
                return found[0], found[1], c.kind, self.cue_text(c.start, c.end), False
        return None

    def introducing_sentence(self, start: int, ps: int, colon_only: bool) -> tuple | None:
        """The speaker the sentence right before a quotation opening a sentence of its paragraph introduces
        ("Sato was blunt. "We are running out of time.""; "The Kremlin was blunt: "..."") by
        :meth:`sentence_speaker`; with ``colon_only``, only a sentence ending in a colon."""
        before = self.text[ps:max(ps, start - 1)].rstrip()
        if not before or before[-1] not in ".:!?" or (colon_only and before[-1] != ":"):
            return None
        sent_start = self.sents.bounds(ps + len(before) - 1, (ps, ps + len(before)))[0]
        if before[-1] == ":" and sent_start > ps and self.sents.at(start) == self.sents.at(ps + len(before) - 1):
            sent_start = max(sent_start, ps)  # the colon's own sentence
        return self.sentence_speaker(sent_start, ps + len(before), before[-1] == ":")

    def speaker_after(self, start: int, end: int, para_id: int) -> tuple[str | None, str, str, str, bool] | None:
        """The speaker the sentence after a quotation names by a ``speaker_after_cues`` phrase opening it ('"...
        unacceptable." This was stated by the Secretary General of the Cabinet, Hirokazu Matsuno.'; "These words
        belong to ..."), when the quotation opens its own sentence; the sentence may open the next paragraph.
        The speaker is the person the phrase after the cue ends in ("..., Hirokazu Matsuno"), else the candidate
        right after the cue, else the words after it up to punctuation, as written."""
        text, lex = self.text, self.lex
        if lex.speaker_after_re is None:
            return None
        ps, pe = self.paras.spans[para_id][:2]
        if start > ps and text[self.sents.bounds(start - 1, (ps, pe))[0]:start - 1].strip(" -–—:"):
            return None  # "Sato said: "..."": the quotation has its speaker before it
        pos = AFTER_CLOSE_RE.match(text, end).end()
        if pos >= pe and para_id + 1 < len(self.paras.spans):
            pos = AFTER_CLOSE_RE.match(text, self.paras.spans[para_id + 1][0]).end()
        if (cue := lex.speaker_after_re.match(text, pos)) is None:
            return None
        sent_end = self.sents.bounds(cue.end(), (cue.end(), len(text)))[1]
        c = self.inverted_subject(cue.end(), sent_end) or next(
            (c for c in self.cands_from(cue.end(), sent_end) if not text[cue.end():c.start].strip(" ,")
             or text[cue.end():c.start].strip().lower() == "the"), None)
        if c is None:
            stop = PHRASE_STOP_RE.search(text, cue.end(), sent_end)
            phrase = " ".join(text[cue.end():stop.start() if stop else sent_end].split())
            if not phrase or len(phrase.split()) > 8:
                return None
            return None, phrase, "person", " ".join(cue.group().split()), True
        found = self.resolve(c) or (None, c.text)
        return found[0], found[1], c.kind, " ".join(text[cue.start():c.end].split()), True
