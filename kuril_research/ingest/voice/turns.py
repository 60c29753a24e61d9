"""Transcripts: paragraphs that open with a speaker label are that speaker's words.

A press conference, a briefing, minutes or an interview print each turn after a label: a person
("Maria Zakharova:", "Mr. Oda:", "MR PRICE:", "Hosokawa, Hokkaido Shimbun:", "NHK, Okuzumi:", "M.Zakharova:",
"Shigeo Noda (through interpreter):"), a title and a name ("President of Russia Vladimir Putin:", "Mr. Taro Kono,
Minister for Foreign Affairs:"; a name the gazetteer does not know counts after a title holding a role), a role (``turn_roles.speaker`` in ``voice.yaml``: "Prime Minister:", "Moderator:",
"Reporter:"), a role with the person in brackets ("Chairperson (Ms. Anna Berg):", "Reporter (Ota, Hokkaido
Shimbun):"), or a question label that names nobody (``turn_roles.question``: "Question:"; "Q:"), whose speaker is the
label as printed ("Question", "QUESTION", "Q": how a reader cites the turn), with no entity. A family name
after an honorific ("Mr. Oda:", "MR PRICE:") is the person named before with that family name (a gazetteer
person, in any case, else a full name written in the text or the headline); a lone capitalised word
("Kishida:") is a label only when a gazetteer person or a name after an honorific named before bears it
(not "Price: 300 yen", not "Nemuro:" after "Nemuro Bay"), and labels of ``turn_roles.not_speaker`` never are ("Photo:",
"Updated:", "Who:", "Tags:", "Read more:"). A questioner who introduces himself inside the turn ("Good
evening. Takuya Hirano, Kyodo News."; "Yuki Hamada with NHK."), or who names only the outlet in the turn's first
sentence ("QUESTION: Kyodo News. The Japanese side ..."), is its speaker, and the speaker of later question turns.
A television script's soundbite label ("(SOUNDBITE) (Russian) RUSSIAN FOREIGN MINISTER, SERGEI LAVROV, SAYING:")
is a label of the person its description names; on a page where two paragraphs or more open so, a congressional
text's "Senator Thomas." or "Mr. OBERG." is a label too (:data:`~.labels.RECORD_TURN_RE`).

A turn goes on over the unlabelled paragraphs after it while they speak in the first or second person
(``turn_continuation_words``: "We remember the 1956 declaration ..."), and not inside brackets
("(The excerpt ends here.)"). A label printed alone on its line ("Naomi Carver:") has its words in the
paragraphs below it, up to the next label, a paragraph in brackets or after a voice-over mark (">> ..."),
or a line that ends no sentence (a heading, a date). Fewer than ``MIN_TURNS`` labels (soundbites aside): no
transcript. A quotation that a turn attributes to someone else in the same sentence ('As Ambassador Emanuel
put it, "..."') is that person's (:func:`~kuril_research.ingest.voice.transcript_quotes.turn_quotes`).

Interviews printed without name labels ("Q:"/"A:", dash-opened turns) are found by
:mod:`~kuril_research.ingest.voice.interviews`, those printed as bare questions and answers by
:mod:`~kuril_research.ingest.voice.bare_interviews`.

Size: over 400 lines because finding turns, their labels' recurrence and an unlabelled speech's turn share the
private continuation helpers (``_continues``, ``_goes_on``, ``_full_in``); splitting would export them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from kuril_research.ingest.gazetteer import Mention
from kuril_research.ingest.voice.bare_interviews import bare_question_turns
from kuril_research.ingest.voice.interviews import (HONORIFIC_NAME_RE, QA_RE, QUESTION_END_RE, Turn, dash_turns,
                                                     qa_turns)
from kuril_research.ingest.voice.labels import (RECORD_TURN_RE, TURN_RE, is_name, person_heading_part, questioner_name,
                                                titled_part)
from kuril_research.ingest.voice.lexicon_record import VoiceLexicon

#: A television script's soundbite label, alone on its line: "(SOUNDBITE) (Russian) RUSSIAN FOREIGN MINISTER,
#: SERGEI LAVROV, SAYING:" (Reuters), "3. SOUNDBITE (Japanese) Taro Kono, Foreign Minister:" (AP). The words
#: that follow (in the next paragraphs, or after the colon) are the person's; ``who`` is the description.
SOUNDBITE_RE = re.compile(r"(?:\d{1,3}\.\s*)?(?:\(?SOUNDBITE\)?[ ]*(?:\([^()\n]{1,40}\)[ ]*)*"
                          r"(?P<who>[^:\n]{3,160}?)(?:,?[ ]+SAYING)?"
                          r"|(?:\([^()\n]{1,40}\)[ ]*)*(?P<who2>[^:\n]{3,160}?),?[ ]+SAYING)[ ]*:(?:\s+(?=\S)|\s*\Z)")
#: A name opening a bracket: "(Ota, Hokkaido Shimbun)" -> "Ota".
BRACKET_NAME_RE = re.compile(r"\s*(?P<name>[A-Z][\w’'-]+(?:[ ][A-Z][\w’'-]+){0,2})\s*(?:,|$)")
#: A transcript has at least this many labelled paragraphs (one "Note: ..." paragraph is no transcript).
MIN_TURNS = 2


def asks(turn: Turn, lex: VoiceLexicon) -> bool:
    """Whether a turn is a question label's that names nobody ("Question:", "QUESTION:", "Q:"): its speaker is the
    label as printed, which no "A:" turn answers as.

    Examples
    --------
    >>> from kuril_research.ingest.voice.lexicon import load_voice_lexicon
    >>> lex = load_voice_lexicon()
    >>> asks(Turn(10, None, "QUESTION", "QUESTION:"), lex), asks(Turn(3, None, "Q", "Q:"), lex)
    (True, True)
    >>> asks(Turn(12, None, "Anna Berg", "Anna Berg:"), lex), asks(Turn(10, None, "Ken Oda", "Question:"), lex)
    (False, False)
    """
    return turn.entity is None and turn.name is not None and (
        turn.name == "Q" or turn.name.lower() in lex.turn_roles.get("question", ()))


def find_turns(text: str, paragraphs: Sequence[tuple[int, int]], mentions: Sequence[Mention],
               full: dict[str, str], lex: VoiceLexicon, *, title: str | None = None,
               byline: str | None = None) -> dict[int, Turn]:
    """Paragraphs of a transcript, labelled or continuing a labelled turn: para_id -> :class:`Turn`.

    A lone family name takes the full name written earlier ("I call Mr. Ken Oda." ... "Mr. Oda:" is Ken Oda),
    or in the ``title`` ("Press Secretary HAYAMI:" under "Press Conference by Press Secretary HAYAMI Kenta").
    A role label ("Prime Minister:") speaks as the person named with that role in the title or the text
    ("Press Conference by Prime Minister Takaichi"); a role and a name ("Press Secretary HAYAMI:") as the name.

    Examples
    --------
    >>> from kuril_research.ingest.voice.lexicon import load_voice_lexicon
    >>> lex = load_voice_lexicon()
    >>> text = "Chair (Ms. Anna Berg): I call Mr. Ken Oda.\\n\\nMr. Oda: Thank you."
    >>> find_turns(text, [(0, 42), (44, len(text))], [], {}, lex)
    {0: Turn(start=23, entity=None, name='Anna Berg', label='Chair (Ms. Anna Berg):'), \
1: Turn(start=53, entity=None, name='Ken Oda', label='Mr. Oda:')}
    >>> find_turns("Note: the figures are provisional.", [(0, 34)], [], {}, lex)
    {}
    >>> text = "Prime Minister: We hope.\\n\\nPress Secretary ODA: Yes."
    >>> [t.name for t in find_turns(text, [(0, 24), (26, len(text))], [], {}, lex,
    ...                             title="Remarks by Prime Minister Ken Sato and Press Secretary ODA Jiro").values()]
    ['Ken Sato', 'ODA Jiro']
    """
    found: dict[int, Turn] = {}
    bare: set[int] = set()  # labels alone on their line ("Naomi Carver:"): the words follow in the next paragraphs
    starts = [m.start for m in mentions]
    questioner = None
    recurring = _recurring_labels(text, paragraphs, lex, title or "")
    nameless: set[int] = set()  # turns of a recurring label naming nobody ("APJJF:", "Mainichi:"): kept beside others
    record = sum(RECORD_TURN_RE.match(text, ps, min(pe, len(text))) is not None for ps, pe in paragraphs) >= MIN_TURNS
    for pid, (ps, pe) in enumerate(paragraphs):
        pe = min(pe, len(text))
        bite = SOUNDBITE_RE.match(text, ps, pe)
        if bite is not None:
            entity, name = _described_speaker(bite.group("who") or bite.group("who2"), ps, mentions, full, lex)
            found[pid] = Turn(bite.end(), entity, name, " ".join(text[ps:bite.end()].split()))
            bare |= {pid} if bite.end() >= pe else set()
            continue
        label = TURN_RE.match(text, ps, pe) or (RECORD_TURN_RE.match(text, ps, pe) if record else None)
        if label is None:
            continue
        entity, name, is_label = _label_speaker(text, label, mentions, starts, full, lex)
        if not is_label and label.re is RECORD_TURN_RE:  # "Senator Thomas.", "The CHAIRMAN.": as printed
            entity, name, is_label = None, " ".join(label.group("name").split()), True
        if not is_label and label.group("name") in recurring and not any(
                m.start < label.end("name") and label.start("name") < m.end for m in mentions):
            entity, name, is_label = None, label.group("name"), True  # "Sugimura:" / "APJJF:" in an interview
            if recurring[name] != "name":  # not a family name, in capitals or not ("SHEVCHUK:")
                nameless.add(pid)
        if not is_label:
            continue
        role = " ".join(label.group("name").split()).lower()
        if name is None or role in lex.turn_roles.get("question", ()):
            asking = role in lex.turn_roles.get("question", ())
            if (given := questioner_name(text, label.end(), pe, asking=asking)) is not None:
                questioner = name = given
            elif asking:
                name = questioner or " ".join(label.group("name").split())  # "Question:" speaks as its label
        elif " " not in name and entity is None:  # "Mr. Oda": the full name written before ("I recognize Mr. Ken Oda")
            earlier = [h.group("name") for h in HONORIFIC_NAME_RE.finditer(text, 0, ps)]
            person = _person_named(name, mentions, full, ps)
            if person is not None:
                entity, name = person
            else:
                name = next((n for n in reversed(earlier) if n.lower().endswith(" " + name.lower())), None) \
                    or _full_in(text[:ps], name, lex) or _full_in(title or "", name, lex) or name
        if entity is None and name is not None and name.lower() in lex.turn_roles.get("speaker", ()):
            named = _named_with_role(name, title or "", text)  # "Prime Minister:" -> "Prime Minister Takaichi"
            if named is not None:
                j = next((m for m in mentions if m.entity_type == "person" and m.surface == named), None)
                entity, name = (j.entity, full.get(j.entity, named)) if j is not None else (None, named)
        found[pid] = Turn(label.end(), entity, name, " ".join(text[ps:label.end()].split()))
        bare |= {pid} if label.end() >= pe else set()
    if nameless and not set(found) - nameless:
        found = {pid: t for pid, t in found.items() if pid not in nameless}  # "NB:" twice names no one
    if len(found) < MIN_TURNS and not any(SOUNDBITE_RE.match(text, ps, min(pe, len(text)))
                                          for ps, pe in (paragraphs[pid] for pid in found)):
        alone = [found[pid] for pid in bare if found[pid].name and not asks(found[pid], lex)]  # "Maria Zakharova, Director ...:" over dash turns
        bare = set()
        found = qa_turns(text, paragraphs, mentions, full) or dash_turns(
            text, paragraphs, mentions, full, byline_name(byline),
            (alone[0].entity, alone[0].name) if len(alone) == 1 else None, MIN_TURNS if len(alone) == 1 else 0) \
            or bare_question_turns(text, paragraphs, mentions, full, lex, byline_name(byline), title or "")
        if not found:
            found = _speech_turn(text, paragraphs, _headline_speaker(title or "", mentions, full, lex, "speech"),
                                 lex)
            if not found:
                return {}
    else:
        if (host := _headline_speaker(title or "", mentions, full, lex)) is not None:
            for pid in range(min(found)):  # a briefing's own words before its first label: the headline's person
                if _goes_on(text, *paragraphs[pid]):
                    found[pid] = Turn(paragraphs[pid][0], host[0], host[1], title or "")
        found = _with_qa_labels(text, paragraphs, found, lex)
    continued: dict[int, Turn] = {}
    for pid in found:
        nxt = pid + 1
        while nxt < len(paragraphs) and nxt not in found:
            if pid in bare:
                run = 1 if _goes_on(text, *paragraphs[nxt]) else 0
            else:
                run = _continued_run(text, paragraphs, nxt, found, lex)
            if not run:
                break
            for k in range(nxt, nxt + run):
                continued[k] = found[pid]._replace(start=paragraphs[k][0])
            nxt += run
    return dict(sorted({**{pid: t for pid, t in found.items() if pid not in bare}, **continued}.items()))


#: An interviewer's label printed as an acronym of the journal or outlet ("APJJF:", "RFE/RL:", "NHK:").
ACRONYM_RE = re.compile(r"[A-Z][A-Z/&]{1,9}")


def _recurring_labels(text: str, paragraphs: Sequence[tuple[int, int]], lex: VoiceLexicon,
                      title: str) -> dict[str, str]:
    """Lone label words that open two or more paragraphs and are an interview's speakers, and what they are:
    ``"name"``, a family name whose full name the text or the headline writes ("Noriko Sugimura is professor
    ..." ... "Sugimura:", "SUGIMURA:"); ``"acronym"``, an acronym ("APJJF:", the interviewer's journal); or
    ``"asker"``, a word whose turns ask, at least half of them ending in a question mark ("Mainichi:",
    "Sputnik:": the interviewing outlet). A glossary's or a list's labels ("Iturup: ...", "Kunashir: ...")
    open one paragraph each; ``turn_roles.not_speaker`` labels ("Note:") never count.

    Examples
    --------
    >>> from kuril_research.ingest.voice.lexicon import load_voice_lexicon
    >>> text = "Anna Berg teaches history.\\n\\nJRN: Why?\\n\\nBerg: Because.\\n\\nJRN: And?\\n\\nBerg: Yes."
    >>> paras = [(0, 26), (28, 37), (39, 53), (55, 64), (66, 76)]
    >>> sorted(_recurring_labels(text, paras, load_voice_lexicon(), "").items())
    [('Berg', 'name'), ('JRN', 'acronym')]
    >>> _recurring_labels("Oda: Yes.\\n\\nOda: No.", [(0, 9), (11, 19)], load_voice_lexicon(), "")
    {}
    >>> text = "Mainichi: Why?\\n\\nMainichi: And then?"
    >>> _recurring_labels(text, [(0, 14), (16, 35)], load_voice_lexicon(), "")
    {'Mainichi': 'asker'}
    """
    seen: dict[str, list[tuple[int, int]]] = {}
    for ps, pe in paragraphs:
        label = TURN_RE.match(text, ps, min(pe, len(text)))
        if label is not None and not (label.group("hon") or label.group("outlet") or label.group("role")) \
                and " " not in label.group("name"):
            seen.setdefault(label.group("name"), []).append((ps, min(pe, len(text))))
    not_speaker = lex.turn_roles.get("not_speaker", frozenset())
    found = {}
    for word, at in seen.items():
        if len(at) < 2 or word.lower() in not_speaker:
            continue
        if is_name(word, lex, single=True) and (_full_in(text[:at[0][0]], word, lex) or _full_in(title, word, lex)):
            found[word] = "name"
        elif ACRONYM_RE.fullmatch(word):
            found[word] = "acronym"
        elif 2 * sum(QUESTION_END_RE.search(text, ps, pe) is not None for ps, pe in at) >= len(at):
            found[word] = "asker"
    return found


def _speech_turn(text: str, paragraphs: Sequence[tuple[int, int]], host: tuple[str | None, str] | None,
                 lex: VoiceLexicon) -> dict[int, Turn]:
    """A speech printed without labels under a headline naming its speaker with a ``turn_roles.speech`` noun
    ("Address by Prime Minister X at ..."; not "Statement by ...", the publishing office's own text): the first
    prose paragraph is the speaker's turn when it speaks in the first or second person ("To all of you ... I
    would like to"), and the turn goes on as a labelled one does; {} otherwise (a news report under such a
    headline opens in the outlet's voice: "The prime minister said ...")."""
    if host is None:
        return {}
    for pid, (ps, pe) in enumerate(paragraphs):
        if _goes_on(text, ps, min(pe, len(text))):
            if _continues(text, ps, min(pe, len(text)), lex):
                return {pid: Turn(ps, host[0], host[1], "")}
            return {}
    return {}


#: How many paragraphs that do not speak in the first or second person a turn may go on over: before one that does
#: ("The talks were held in a constructive atmosphere." / "The Prime Minister and I discussed ..."), or up to the
#: next label ("Thank you." between two turns).
MAX_TURN_GAP = 3

#: How a paragraph a turn goes on over ends: a full stop, question or exclamation mark (closing marks aside).
GAP_END_RE = re.compile(r"[.!?…][\"'”’»)\]]*\s*\Z")


def _continued_run(text: str, paragraphs: Sequence[tuple[int, int]], nxt: int, found: dict[int, Turn],
                   lex: VoiceLexicon) -> int:
    """How many paragraphs from ``nxt`` go on with the turn before them: 1 when ``nxt`` speaks in the first or
    second person; else the run of up to :data:`MAX_TURN_GAP` paragraphs that end their sentences, up to and with
    a paragraph in the first or second person, or up to the next label; else 0 (the turn has ended)."""
    if _continues(text, *paragraphs[nxt], lex):
        return 1
    for k in range(nxt, min(nxt + MAX_TURN_GAP + 1, len(paragraphs) + 1)):
        if k == len(paragraphs) or k in found:
            return k - nxt if k < len(paragraphs) and k > nxt else 0  # up to the next label, never to the end
        if k > nxt and _continues(text, *paragraphs[k], lex):
            return k - nxt + 1
        if not _goes_on(text, *paragraphs[k]) or GAP_END_RE.search(text, *paragraphs[k]) is None:
            return 0  # a heading, a bracket, or a line introducing what follows ("Ivan Petrov, Director ...:")
    return 0


def _with_qa_labels(text: str, paragraphs: Sequence[tuple[int, int]], found: dict[int, Turn],
                    lex: VoiceLexicon) -> dict[int, Turn]:
    """``found`` with the "Q:" and "A:" paragraphs of a transcript that has named labels too ("Question: ..." /
    "Ambassador Ivan Petrov: ..." / "Q: ..." / "Petrov: ..."): a "Q:" turn asks (speaker "Q", its label, no
    entity), an "A:" turn answers as the latest named turn before it that does not ask (:func:`asks`)."""
    found = dict(found)
    for pid, (ps, pe) in enumerate(paragraphs):
        if pid in found or (qa := QA_RE.match(text, ps, min(pe, len(text)))) is None:
            continue
        if qa.group("qa") == "Q":
            found[pid] = Turn(qa.end(), None, "Q", "Q:")
        elif (answer := next((found[p] for p in sorted(found, reverse=True) if p < pid and found[p].name
                              and not asks(found[p], lex)), None)) is not None:
            found[pid] = answer._replace(start=qa.end(), label="A:")
    return dict(sorted(found.items()))


#: What a byline prints before its author's name: "Text:", "By", "Interview by".
BYLINE_LEAD_RE = re.compile(r"\s*(?:(?:text|by|interview(?:ed)?\s+by|interviewer|author|written\s+by|questions\s+by)"
                            r"\b\s*:?\s*)?", re.I)
BYLINE_NAME_RE = re.compile(r"[A-Z][\w’'-]+(?:[ ][A-Z][\w’'-]+){1,2}")


def byline_name(byline: str | None) -> str | None:
    """The one author a byline names ("Text: Yevgenia Sorokina" -> "Yevgenia Sorokina"); None for several
    authors, an outlet or anything else.

    Examples
    --------
    >>> byline_name("Text: Yevgenia Sorokina"), byline_name("By Anna Berg"), byline_name("By A. Berg and K. Oda")
    ('Yevgenia Sorokina', 'Anna Berg', None)
    """
    if not byline:
        return None
    rest = byline[BYLINE_LEAD_RE.match(byline).end():].strip()
    return rest if BYLINE_NAME_RE.fullmatch(rest) else None


#: A personal name after a role: capitalised or capital-letter words ("Takaichi", "HAYAMI Kenta", "Ken Sato").
ROLE_NAME = r"(?P<name>[A-Z][\w’'-]+(?:[ ][A-Z][\w’'-]+){0,2})"


def _named_with_role(role: str, *texts: str) -> str | None:
    """The name written right after ``role`` in the first of ``texts`` that has one ("Prime Minister Takaichi")."""
    pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, role.split())) + r"\s+" + ROLE_NAME)
    for text in texts:
        for hit in pattern.finditer(text):
            words = [w for w in hit.group("name").split()]
            while words and words[-1] in ("In", "At", "On", "And", "Of"):
                words.pop()
            if words:
                return " ".join(words)
    return None


def _full_in(text: str, name: str, lex: VoiceLexicon) -> str | None:
    """The two-word name in ``text`` that holds the lone ``name`` ("HAYAMI" -> "HAYAMI Kenta"), or None."""
    lone = f"(?i:{re.escape(name)})"  # "PRICE" finds "Ned Price"
    for pattern in (rf"\b{lone}[ ]+[A-Z][\w’'-]+\b", rf"\b[A-Z][\w’'-]+[ ]+{lone}\b"):  # within a line
        for hit in re.finditer(pattern, text):
            if is_name(hit.group(), lex):
                return " ".join(hit.group().split())
    return None


def _label_speaker(text: str, label: re.Match, mentions: Sequence[Mention], starts: list[int],
                   full: dict[str, str], lex: VoiceLexicon) -> tuple[str | None, str | None, bool]:
    """(entity, name, whether it is a speaker label at all) of a label matched by :data:`TURN_RE`.

    A label of ``turn_roles.not_speaker`` ("Photo:", "Updated:", "Who:", "Tags:", "Read more:") is none. A lone
    capitalised word ("Kishida:", "LAVROV:") is a label only when it is the family name of a person named
    before it (a gazetteer person, or a name after an honorific: "Mr. Ken Oda").
    """
    written = " ".join(label.group("name").split())
    not_speaker = lex.turn_roles.get("not_speaker", frozenset())
    if written.lower() in not_speaker or written.split()[0].lower() in not_speaker:
        return None, None, False
    i = bisect_left(starts, label.start("name"))
    if i < len(mentions) and mentions[i].start == label.start("name") and mentions[i].entity_type == "person" \
            and mentions[i].end <= label.end("name"):
        return mentions[i].entity, full.get(mentions[i].entity, mentions[i].surface), True
    if label.group("hon"):
        return None, written, True
    role = label.group("role")
    if written.lower() in lex.turn_roles.get("speaker", ()) or written.lower() in lex.turn_roles.get("question", ()):
        if role and (inner := HONORIFIC_NAME_RE.search(role)):  # "Chairperson (Ms. Anna Berg)"
            j = bisect_left(starts, label.start("role") + inner.start("name"))
            if j < len(mentions) and mentions[j].start == label.start("role") + inner.start("name") \
                    and mentions[j].entity_type == "person":
                return mentions[j].entity, full.get(mentions[j].entity, inner.group("name")), True
            return None, inner.group("name"), True
        if role and (inner := BRACKET_NAME_RE.match(role)) and is_name(inner.group("name"), lex, single=True):
            return None, inner.group("name"), True  # "Reporter (Ota, Hokkaido Shimbun)"
        if written.lower() in lex.turn_roles.get("question", ()):
            return None, None, True
        return None, written, True
    if (titled := _role_and_name(written, lex)) is not None:
        return None, titled, True  # "Press Secretary HAYAMI:", "Foreign Minister Ken Oda:"
    if (person := person_heading_part(text, label, mentions, full)) is not None:
        return person[0], person[1], True  # "President of Russia Vladimir Putin:", "M.Zakharova:"
    if is_name(written, lex, single=bool(label.group("outlet"))) and not any(
            m.start < label.end("name") and label.start("name") < m.end for m in mentions):
        return None, written, True  # "Kenji Sato:", "Hosokawa, Hokkaido Shimbun:"
    if (titled := titled_part(label, lex)) is not None:
        return None, titled, True  # "Deputy Minister of Defence Ivan Petrov:", "NHK, Okuzumi:"
    if " " not in written and is_name(written, lex, single=True):  # "Kishida:" after "Fumio Kishida said"
        person = _person_named(written, mentions, full, label.start())
        if person is not None:
            return person[0], person[1], True
        named = [h.group("name") for h in HONORIFIC_NAME_RE.finditer(text, 0, label.start())
                 if h.group("name").lower().endswith(" " + written.lower())]
        if named:  # "Mr. Ken Oda said ..." ... "Oda:"; never a place's name ("Nemuro:" after "Nemuro Bay")
            return None, named[-1], True
    return None, None, False


def _person_named(name: str, mentions: Sequence[Mention], full: dict[str, str], before: int,
                  ) -> tuple[str, str] | None:
    """(entity, full name) of the last gazetteer person mentioned before ``before`` whose name is ``name`` or
    ends with it, in any case ("PRICE", "Lavrov", "SERGEI LAVROV"); None if there is none."""
    want = " ".join(name.split()).lower()
    for m in reversed(mentions):
        if m.entity_type != "person" or m.start >= before:
            continue
        for written in (m.surface, full.get(m.entity, m.surface)):
            written = " ".join(written.split()).lower()
            if written == want or written.endswith(" " + want):
                return m.entity, full.get(m.entity, m.surface)
    return None


def _described_speaker(who: str, before: int, mentions: Sequence[Mention], full: dict[str, str],
                       lex: VoiceLexicon) -> tuple[str | None, str]:
    """(entity, name) of a soundbite label's description ("RUSSIAN FOREIGN MINISTER, SERGEI LAVROV"; "Taro Kono,
    Foreign Minister"; "PROTESTER"): its first comma-separated part that is a personal name once the title
    words before it are cut ("JAPANESE PRIME MINISTER SHINZO ABE" -> "SHINZO ABE"), or whose last three or two
    words are ("U.S. PRESIDENT JOE BIDEN" -> "JOE BIDEN"), linked to a gazetteer person
    named before ``before``; else the whole description. Both as written.

    Examples
    --------
    >>> from kuril_research.ingest.voice.lexicon import load_voice_lexicon
    >>> lex = load_voice_lexicon()
    >>> _described_speaker("RUSSIAN FOREIGN MINISTER, IVAN PETROV", 0, [], {}, lex)
    (None, 'IVAN PETROV')
    >>> _described_speaker("FISHERMAN", 0, [], {}, lex)
    (None, 'FISHERMAN')
    """
    for part in who.split(","):
        words = part.split()
        while words and words[0].lower() in lex.name_title_words:
            words.pop(0)
        # the words left, else their last three or two: "U.S. PRESIDENT JOE BIDEN" -> "JOE BIDEN"
        for name in dict.fromkeys(" ".join(words[-n:]) for n in (len(words), 3, 2) if 2 <= n <= len(words)):
            if is_name(name, lex):
                person = _person_named(name, mentions, full, before)
                return person if person is not None else (None, name)
    return None, " ".join(who.split())


#: A paragraph that ends a sentence (closing marks aside): the words of a turn, not a heading or a date line.
SENTENCE_END_RE = re.compile(r"[.!?…:;—–-][\"'”’»)\]]*\s*\Z")


def _headline_speaker(title: str, mentions: Sequence[Mention], full: dict[str, str],
                      lex: VoiceLexicon, nouns_of: str = "headline") -> tuple[str | None, str] | None:
    """(entity, name) of the person a transcript's headline names as its speaker ("Briefing by Foreign Ministry
    Spokeswoman Maria Zakharova, Moscow, July 16"; ``turn_roles.headline`` nouns before "by"), or None.

    Examples
    --------
    >>> from kuril_research.ingest.voice.lexicon import load_voice_lexicon
    >>> _headline_speaker("Remarks by Deputy Minister Ivan Petrov in Tokyo", [], {}, load_voice_lexicon())
    (None, 'Ivan Petrov')
    >>> _headline_speaker("Interview by Foreign Minister Ivan Petrov to a daily", [], {}, load_voice_lexicon())
    (None, 'Ivan Petrov')
    >>> _headline_speaker("Petrov visits Tokyo", [], {}, load_voice_lexicon()) is None
    True
    >>> _headline_speaker("Remarks by President Ito and Prime Minister Sato", [], {}, load_voice_lexicon()) is None
    True
    >>> _headline_speaker("Foreign Minister Ivan Petrov's remarks and answers to media questions, Moscow", [], {},
    ...                   load_voice_lexicon())
    (None, 'Ivan Petrov')
    >>> _headline_speaker("Ivan Petrov's remarks anger Tokyo", [], {}, load_voice_lexicon(), "speech") is None
    True
    """
    nouns = lex.turn_roles.get(nouns_of, frozenset())  # ``turn_roles.speech``: a speech's nouns only
    hit = HEADLINE_BY_RE.match(title)
    if hit is None or " ".join(hit.group("noun").split()).lower() not in nouns:
        hit = HEADLINE_OF_RE.match(title) if nouns_of == "headline" else None  # "Minister X's remarks and ..."
        if hit is None or not {hit.group("noun").lower(), " ".join(hit.group("noun", "noun2")).lower()} & nouns:
            return None
    words = hit.group("who").split()
    while words and words[0].lower() in lex.name_title_words:
        words.pop(0)
    name = " ".join(words)
    if not words or not is_name(name, lex, single=True):
        return None
    person = _person_named(name, mentions, full, 10 ** 9)
    return person if person is not None else (None, name)


#: A headline naming a transcript's speaker: "Briefing by ...", "Remarks by ..." up to a comma or " in/to/... ".
HEADLINE_BY_RE = re.compile(r"(?P<noun>[A-Z][a-z]+(?:[ ][A-Za-z]+)?)[ ]+by[ ]+(?P<who>[^,\n]+?)"
                            r"(?=,|[ ]+(?:in|at|on|during|to|with|for)[ ]|\s*\Z)")
#: The same with the speaker first, possessive: "Foreign Minister Ivan Petrov's remarks and answers to media
#: questions ..." (the Russian Foreign Ministry's transcripts); the noun is its first word or two ("remarks",
#: "press conference").
HEADLINE_OF_RE = re.compile(r"(?P<who>[A-Z][^,:\n]{2,80}?)['’]s[ ]+(?P<noun>[A-Za-z]+)[ ]?(?P<noun2>[A-Za-z]*)")


def _goes_on(text: str, start: int, end: int) -> bool:
    """Whether a paragraph carries on the turn of a label printed alone on the line above it ("Naomi Carver:"):
    it ends a sentence and does not open with a bracket or a voice-over mark ">>" (the outlet's words)."""
    words = text[start:end].strip()
    return bool(words) and words[0] not in "([>" and SENTENCE_END_RE.search(words) is not None


def _role_and_name(written: str, lex: VoiceLexicon) -> str | None:
    """The name after a transcript role in a label ("Press Secretary HAYAMI" -> "HAYAMI"), or None."""
    words = written.split()
    for n in range(len(words) - 1, 0, -1):
        if " ".join(words[:n]).lower() in lex.turn_roles.get("speaker", ()):
            rest = " ".join(words[n:])
            return rest if is_name(rest, lex, single=True) else None
    return None


def _continues(text: str, start: int, end: int, lex: VoiceLexicon) -> bool:
    """Whether an unlabelled paragraph goes on with the turn before it: first or second person, not bracketed."""
    words = text[start:end].strip()
    if not words or words[0] in "([":
        return False
    return lex.continuation_re is not None and lex.continuation_re.search(text, start, end) is not None
