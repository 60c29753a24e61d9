"""Quotations inside quotations (rule 1f of :mod:`kuril_research.ingest.voice`): words a speaker quotes.

A speaker often quotes someone else, introduced as in narration by a speech verb and a comma or colon:
``"My father always said, 'We will go home next year,'" she told DW.`` The inner words are the father's. An
inner quotation so introduced is split out of the outer one: the outer quotation's words before and after it
keep their speaker, and the inner words get the subject of the clause that introduces them, as written inside
the outer quotation ("My father"; "The Kremlin has said as much: 'We do not trade in territory'" -> "The
Kremlin"). "I" or "we" there is the outer speaker; "he" or "she" is the person the outer speaker last brought in
by an indefinite phrase with a noun of that gender ('"... a woman of 93 came to my office. She said, '...'"': "a
woman of 93", :func:`introduced_person`); else, as "they", the latest other established
speaker (never the outer one: she would say "I"), unless a person described with a noun of that gender
("the Japanese woman who came every summer") stands shortly before the outer quotation. An adverbial clause
opening the sentence is no subject ("When I met them, one of them told me, '...'": "one of them"). A quoted term a
few words after a speech verb of its sentence is split out only when the verb's subject is someone else ("Russia
today says there is 'no territorial problem'": Russia's words). A quoted term not introduced so (``call them the
'northern territories'``; "we say the islands are 'ours'") stays part of the outer quotation.
"""

from __future__ import annotations

import re
from typing import Protocol

from kuril_research.ingest.voice.lexicon_record import VoiceLexicon
from kuril_research.ingest.voice.model import Event, Quote, WORD_RE
from kuril_research.ingest.voice.speaker_cues import PHRASE_TAIL_WORDS, PHRASE_WORDS

#: An inner quotation mark opening after a comma or colon inside a quotation, a word right after it.
INNER_OPEN_RE = re.compile(r"[,:]\s+([‘'“\"])(?=\w)")
#: A single quotation mark at a word start, a word right after it: nested words inside a quotation when a speech
#: verb stands before ('"The minister says 'a new approach,' but ..."'); a double mark there is a term the turn
#: of a transcript cites ('ANNA REED: People here say "home" when they mean Shikotan').
AFTER_WORD_OPEN_RE = re.compile(r"(?<=\s)([‘'])(?=\w)")
#: Any quotation mark opening at a word start inside a quotation: the words of a subject named in the same sentence
#: with a speech verb before the mark ("Russia today says there is 'no territorial problem'"; "Tokyo continues to
#: say that it aims to «resolve the issue»"); split out only when that subject is someone else than the speaker.
REPORTED_OPEN_RE = re.compile(r"(?<=\s)([‘'“\"«])(?=\w)")
#: How many words may stand between the speech verb and such a mark; at least one: a term right after the verb is
#: the word a speaker reports people using ('People here say "home" when they mean Shikotan'), and stays theirs.
REPORTED_WORDS = 10
#: The end of a sentence inside a quotation: the clause introducing an inner quotation starts after it.
SENTENCE_END_RE = re.compile(r"[.!?]\s+")
#: Words after the subject that belong to its verb phrase ("always", "once", "more than").
VERB_PHRASE_WORDS = frozenset({"always", "once", "often", "sometimes", "never", "just", "simply", "today", "keeps",
                               "kept"})
#: A speech verb's participle after "keeps" ("My mother keeps telling me, '...'"), which the speech verbs leave out.
PARTICIPLE_VERB_RE = re.compile(r"\b(?:telling|saying|asking)\b")
#: A relative named by kinship inside a quotation ("My father", "our grandmother"), whom a later "he" or "she" in
#: the same sentence stands for ("My father buried the dishes because he said, '...'").
KIN_RE = re.compile(r"\b(?:[Mm]y|[Oo]ur)\s+(?:late\s+)?(?P<noun>[a-z]+)\b")
FIRST_PERSON = frozenset({"i", "we"})
#: A conjunction opening the sentence before an inner quotation's subject ("But a friend told me, '...'").
LEADING_CONJUNCTIONS = frozenset({"but", "and", "so", "yet", "then"})
#: Gendered words that are pronouns, not nouns naming a person.
PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them"})
THIRD_PERSON = frozenset({"he", "she", "they"})
#: How far before the outer quotation (characters) a gendered described person may stand for "he" or "she".
DESCRIBED_REACH = 300
#: A noun phrase opening: the outer speaker bringing a person into their own words ("a woman of 93", "an elderly man
#: from Etorofu", "I asked the Russian woman who lives there"), whom a later "she" or "he" stands for.
INTRODUCING_RE = re.compile(r"\b(?:an?|another|one|the)\s+", re.I)
#: How many words may stand between the indefinite article and the gendered noun ("an elderly retired man").
INTRODUCED_WORDS = 3
#: A short post-modifier kept with an introduced person: "of 93", "from Etorofu", "in her eighties".
INTRODUCED_TAIL_RE = re.compile(r"\s+(?:of|from|in)\s+(?:\d+\b|(?:her|his)\s+[a-z]+|[A-Z][\w’'-]+)")
#: Lower-case words that may open a subject phrase: determiners, quantifiers and pronouns.
SUBJECT_OPENERS = frozenset({"the", "a", "an", "one", "some", "many", "most", "several", "another", "all", "both",
                             "my", "our", "his", "her", "their", "its", "your", "this", "these", "those", "he", "she",
                             "they", "we", "i", "you", "it", "people", "someone", "everyone", "nobody", "officials"})
#: Words opening an adverbial clause before the subject ("When I met them last month, one of them told me").
CLAUSE_OPENERS = frozenset({"when", "as", "after", "while", "because", "if", "since", "before", "once", "although",
                            "though", "whenever"})


class Walk(Protocol):  # what the split needs of a SpeakerWalk
    text: str
    events: list[Event]
    lex: VoiceLexicon

    def cands_from(self, start: int, end: int) -> list: ...


def inner_quotes(text: str, quotes: list[Quote], verb_re: re.Pattern | None = None) -> list[tuple[int, int, int]]:
    """(start, end, index of the outer quotation) of every introduced inner quotation, marks excluded: opened
    after a comma or colon, or a single mark right after a speech verb of ``verb_re`` ("The prime minister says
    'a new approach,' but ...": the words a speaker reports someone saying, with no comma before them).

    Examples
    --------
    >>> t = "My father said, 'We will go home.' Now they call it the 'north'."
    >>> [(t[s:e], i) for s, e, i in inner_quotes(t, [Quote(0, len(t), 0, None, None)])]
    [('We will go home.', 0)]
    >>> t = "The minister says 'a new approach,' but they call it the 'old one'."
    >>> [t[s:e] for s, e, _ in inner_quotes(t, [Quote(0, len(t), 0, None, None)], re.compile(r"\\bsays\\b"))]
    ['a new approach,']
    """
    return [(begin, close, qi) for begin, close, qi, reported in _inner_openings(text, quotes, verb_re) if not reported]


def _inner_openings(text: str, quotes: list[Quote], verb_re: re.Pattern | None) -> list[tuple[int, int, int, bool]]:
    """:func:`inner_quotes` with, for each, whether it is only a reported one (a mark some words after a speech verb
    of its sentence, ``REPORTED_OPEN_RE``), which is split out only when its subject is someone else."""
    found = []
    for qi, q in enumerate(quotes):
        pos = q.start
        while (hit := _next_opening(text, q.start, pos, q.end, verb_re)) is not None:
            mark, begin, reported = hit
            close = _close(text, mark, begin, q.end)
            if close is None:
                break
            if text[begin:close].strip():
                found.append((begin, close, qi, reported))
            pos = close + 1
    return found


def _next_opening(text: str, lo: int, pos: int, end: int, verb_re: re.Pattern | None) -> tuple[str, int, bool] | None:
    """The earlier of the next introduced opening (:func:`_opening`, False) and the next reported one (True)."""
    introduced = _opening(text, pos, end, verb_re)
    reported = _reported_opening(text, lo, pos, end, verb_re)
    if introduced is not None and (reported is None or introduced[1] <= reported[1]):
        return *introduced, False
    return reported


def _reported_opening(text: str, lo: int, pos: int, end: int, verb_re: re.Pattern | None) -> tuple[str, int, bool] | None:
    """(mark, position after it, True) of the next mark in ``text[pos:end]`` with a speech verb before it in its
    sentence (which starts at ``lo`` at the earliest), at most ``REPORTED_WORDS`` words before it; None if none."""
    if verb_re is None:
        return None
    for mark in REPORTED_OPEN_RE.finditer(text, pos, end):
        start = lo
        for stop in SENTENCE_END_RE.finditer(text, lo, mark.start()):
            start = stop.end()
        verb = None
        for verb in verb_re.finditer(text, start, mark.start()):
            pass
        if verb is not None and 1 <= len(WORD_RE.findall(text, verb.end(), mark.start())) <= REPORTED_WORDS \
                and _close(text, mark.group(1), mark.end(), end) is not None:
            return mark.group(1), mark.end(), True
    return None


def _opening(text: str, pos: int, end: int, verb_re: re.Pattern | None) -> tuple[str, int] | None:
    """(mark, position after it) of the next inner quotation opening in ``text[pos:end]``: after a comma or
    colon (``INNER_OPEN_RE``), or after a speech verb and a space; None if there is none."""
    hit = INNER_OPEN_RE.search(text, pos, end)
    limit = hit.start() if hit is not None else end
    if verb_re is not None:
        for mark in AFTER_WORD_OPEN_RE.finditer(text, pos, limit):
            verb = None
            for verb in verb_re.finditer(text, max(pos, mark.start() - 30), mark.start()):
                pass
            if verb is not None and not text[verb.end():mark.start()].strip():
                return mark.group(1), mark.end()
    return (hit.group(1), hit.end()) if hit is not None else None


def _close(text: str, mark: str, pos: int, end: int) -> int | None:
    """The mark closing an inner quotation opened by ``mark`` just before ``pos``, before ``end``; None if none."""
    closer = {"‘": "’", "'": "'", "“": "”", '"': '"', "«": "»"}[mark]
    while (k := text.find(closer, pos, end)) >= 0:
        if not text[k + 1:k + 2].isalnum() and not text[k - 1:k].isspace():
            return k
        pos = k + 1
    return None


def split_inner(quotes: list[Quote], walk: Walk) -> list[Quote]:
    """The quotations with every introduced inner quotation split out and given its own speaker; pieces of
    the outer quotation that hold only white space and punctuation are dropped."""
    inner = _inner_openings(walk.text, quotes, walk.lex.verb_re)
    if not inner:
        return quotes
    text = walk.text
    out: list[Quote] = []
    by_outer: dict[int, list[tuple[int, int, tuple | None]]] = {}
    for start, end, qi, reported in inner:
        found = inner_speaker(walk, quotes[qi], start - 1)
        if reported and (found is None or found[1] == quotes[qi].speaker_text):
            continue  # a term the speaker cites in their own words ("we call them the 'Kurils'"): theirs
        by_outer.setdefault(qi, []).append((start, end, found))
    for qi, q in enumerate(quotes):
        pos = q.start
        for start, end, found in by_outer.get(qi, ()):
            if re.search(r"\w", text[pos:start - 1]):
                out.append(Quote(pos, start - 1, q.para_id, q.speaker, q.speaker_cue, q.speaker_text))
            speaker, written, cue = found if found else (q.speaker, q.speaker_text, q.speaker_cue)
            out.append(Quote(start, end, q.para_id, speaker, cue, written))
            pos = end + 1
        if pos == q.start:
            out.append(q)
        elif re.search(r"\w", text[pos:q.end]):
            out.append(Quote(pos, q.end, q.para_id, q.speaker, q.speaker_cue, q.speaker_text))
    return out


def inner_speaker(walk: Walk, outer: Quote, mark: int) -> tuple[str | None, str, str] | None:
    """(entity, as written, cue) of the speaker of an inner quotation whose opening mark is at ``mark``: the
    subject of the speech verb of the clause introducing it inside ``outer``; None when the clause has none."""
    text = walk.text
    lo = outer.start
    for end in SENTENCE_END_RE.finditer(text, outer.start, mark):
        lo = end.end()
    verb = None
    for verb in walk.lex.verb_re.finditer(text, lo, mark):
        pass
    for participle in PARTICIPLE_VERB_RE.finditer(text, verb.end() if verb is not None else lo, mark):
        verb = participle  # "My mother keeps telling me, '...'"
    if verb is None:
        return None
    words = list(WORD_RE.finditer(text, lo, verb.start()))
    if words and words[0].group().lower() in CLAUSE_OPENERS and (comma := text.rfind(",", lo, verb.start())) > 0:
        words = [w for w in words if w.start() > comma]  # "When I met them, one of them told me, '...'"
    elif (opener := next((k for k in range(len(words) - 2, 0, -1) if words[k].group().lower() in CLAUSE_OPENERS),
                         None)) is not None:  # not the word right before the verb: "a friend once told me"
        words = words[opener + 1:]  # "My father buried the dishes because he said, '...'": the clause's "he"
    while words and (words[-1].group().lower() in PHRASE_TAIL_WORDS | VERB_PHRASE_WORDS
                     or words[-1].group().endswith("ly")):
        words.pop()
    if not words or len(words) > PHRASE_WORDS or not re.fullmatch(r"[\w’'-]+", words[-1].group()) \
            or any(w.group().endswith(",") for w in words) \
            or words[0].group()[:1].islower() and words[0].group().lower() not in SUBJECT_OPENERS:
        return None  # no subject phrase: "on February 7 and said", "they want to be precise, and they describe"
    if len(words) > 1 and words[0].group().lower() in LEADING_CONJUNCTIONS:
        words = words[1:]  # "But a Japanese friend once told me": a friend
    phrase = " ".join(w.group() for w in words)
    cue = " ".join(text[words[0].start():verb.end()].split())
    if phrase.lower() in FIRST_PERSON:
        return outer.speaker, outer.speaker_text, cue
    if phrase.lower() in THIRD_PERSON:
        gender = walk.lex.genders.get(phrase.lower())
        kin = [k for k in KIN_RE.finditer(text, lo, words[0].start())
               if gender is not None and walk.lex.genders.get(k.group("noun")) == gender]
        if kin:  # "My father buried the dishes because he said, '...'": my father
            return None, " ".join(kin[-1].group().split()), cue
        introduced = introduced_person(text, max(outer.start, words[0].start() - DESCRIBED_REACH), words[0].start(),
                                       gender, walk.lex.genders)
        if introduced is not None:  # '... a woman of 93 came to my office. She said, "..."'
            return None, introduced, cue
        described = next((c for c in reversed(walk.cands_from(max(0, outer.start - DESCRIBED_REACH), outer.start))
                          if not c.role and c.kind == "person" and c.text != outer.speaker_text and gender
                          and any(walk.lex.genders.get(w.lower()) == gender for w in c.text.split())), None)
        if described is not None:  # 'still ask about the Japanese woman who came ... "She told me, '...'"'
            return described.entity, described.text, cue
        other = next((e for e in reversed(walk.events) if e.established and e.kind == "person" and e.pos < mark
                      and e.text != outer.speaker_text), None)
        return (other.entity, other.text, cue) if other is not None else None
    return None, phrase, cue


def introduced_person(text: str, lo: int, hi: int, gender: str | None, genders: dict[str, str]) -> str | None:
    """The latest person a speaker brings into their own words in ``text[lo:hi]`` by an indefinite noun phrase
    whose head is a noun of ``gender`` (``genders`` in ``voice.yaml``), as written with a short post-modifier;
    None if there is none (or no gender).

    Examples
    --------
    >>> genders = {"woman": "female", "man": "male", "she": "female"}
    >>> t = "Last spring a woman of 93 came to see me with a man from Nemuro. "
    >>> introduced_person(t, 0, len(t), "female", genders), introduced_person(t, 0, len(t), "male", genders)
    ('a woman of 93', 'a man from Nemuro')
    >>> introduced_person("One day she came.", 0, 17, "female", genders) is None
    True
    """
    found = None
    if gender is None:
        return None
    for hit in INTRODUCING_RE.finditer(text, lo, hi):
        for k, word in enumerate(WORD_RE.finditer(text, hit.end(), hi)):
            if k > INTRODUCED_WORDS or not (word.group().islower() or k < INTRODUCED_WORDS and word.group().istitle()):
                break  # "a woman", "the Russian woman": a capitalised adjective before the noun
            if genders.get(word.group()) == gender and word.group() not in PRONOUNS:
                tail = INTRODUCED_TAIL_RE.match(text, word.end(), hi)
                found = " ".join(text[hit.start():tail.end() if tail else word.end()].split())
                break
    return found
