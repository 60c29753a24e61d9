"""Transcripts: paragraphs that open with a speaker label are that speaker's words.

A press conference, a briefing, minutes or an interview print each turn after a label: a person
("Maria Zakharova:", "Mr. Oda:", "Hosokawa, Hokkaido Shimbun:"), a role (``turn_roles.speaker`` in
``voice.yaml``: "Prime Minister:", "Moderator:", "Reporter:"), a role with the person in brackets
("Chairperson (Ms. Anna Berg):", "Reporter (Ota, Hokkaido Shimbun):"), or a question label that names
nobody (``turn_roles.question``: "Question:", "Q:"). A questioner who introduces himself inside the turn
("Good evening. Takuya Hirano, Kyodo News.") is its speaker, and the speaker of later question turns.
A turn goes on over the unlabelled paragraphs after it while they speak in the first or second person
(``turn_continuation_words``: "We remember the 1956 declaration ..."), and not inside brackets
("(The excerpt ends here.)"). Fewer than ``MIN_TURNS`` labelled paragraphs: no transcript.

An interview printed as turns opened by a dash, with no names (Russian papers: "— Is there anything new?" /
"— Unfortunately, nothing."), is a transcript too when :data:`MIN_DASH_TURNS` or more paragraphs open with
an em or en dash and at least one of them asks a question and one does not: a turn that ends in a question
mark is the interviewer's (unnamed: speaker None), any other the interviewee's, the person the gazetteer
knows who was named last before the first turn ("... the ambassador Nikolai Nozdrev explained ...").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from kuril_research.ingest.gazetteer import Mention
from kuril_research.ingest.voice.lexicon import VoiceLexicon

#: A speaker label opening a paragraph: an optional honorific, up to four capitalised words, an optional
#: ", Outlet" and an optional "(role or name)", then a colon and the words.
TURN_RE = re.compile(r"(?:(?P<hon>Mr|Mrs|Ms|Dr|Prof)\.?\s+)?(?P<name>[A-Z][\w’'.-]*(?:[ ][A-Z][\w’'.-]*){0,3})"
                     r"(?:,\s+(?P<outlet>[A-Z][\w’'.&-]*(?:[ ][A-Z][\w’'.&-]*){0,3}))?"
                     r"(?:\s*\((?P<role>[^()\n]{1,160})\))?\s*:\s+(?=\S)")
#: An honorific and the name after it: "Ms. Anna Berg".
HONORIFIC_NAME_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+(?P<name>[A-Z][\w’'-]+(?:[ ][A-Z][\w’'-]+){0,2})")
#: A name opening a bracket: "(Ota, Hokkaido Shimbun)" -> "Ota".
BRACKET_NAME_RE = re.compile(r"\s*(?P<name>[A-Z][\w’'-]+(?:[ ][A-Z][\w’'-]+){0,2})\s*(?:,|$)")
#: A questioner introducing himself: a sentence that is a name and the outlet ("Takuya Hirano, Kyodo News.").
SELF_INTRODUCED_RE = re.compile(r"(?:^|(?<=[.!?]\s))(?P<name>[A-Z][\w’'-]+(?:[ ][A-Z][\w’'-]+){1,2}),\s+"
                                r"[A-Z][\w’'.&-]*(?:[ ][A-Z][\w’'.&-]*){0,3}\.")
#: A transcript has at least this many labelled paragraphs (one "Note: ..." paragraph is no transcript).
MIN_TURNS = 2


class Turn(NamedTuple):
    """A paragraph of a transcript: its words start at ``start``; ``entity`` and ``name`` are the speaker
    (None when the label names nobody), ``label`` the label as printed."""

    start: int
    entity: str | None
    name: str | None
    label: str


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
    starts = [m.start for m in mentions]
    questioner = None
    for pid, (ps, pe) in enumerate(paragraphs):
        pe = min(pe, len(text))
        label = TURN_RE.match(text, ps, pe)
        if label is None:
            continue
        entity, name, is_label = _label_speaker(text, label, mentions, starts, full, lex)
        if not is_label:
            continue
        role = " ".join(label.group("name").split()).lower()
        if name is None or role in lex.turn_roles.get("question", ()):
            intro = SELF_INTRODUCED_RE.search(text, label.end(), pe)
            if intro is not None:
                questioner = name = intro.group("name")
            elif role in lex.turn_roles.get("question", ()):
                name = questioner
        elif " " not in name:  # "Mr. Oda": the full name written before ("I recognize Mr. Kenjiro Oda")
            earlier = [h.group("name") for h in HONORIFIC_NAME_RE.finditer(text, 0, ps)]
            name = next((n for n in reversed(earlier) if n.endswith(" " + name)), None) \
                or _full_in(title or "", name, lex) or name
        if entity is None and name is not None and name.lower() in lex.turn_roles.get("speaker", ()):
            named = _named_with_role(name, title or "", text)  # "Prime Minister:" -> "Prime Minister Takaichi"
            if named is not None:
                j = next((m for m in mentions if m.entity_type == "person" and m.surface == named), None)
                entity, name = (j.entity, full.get(j.entity, named)) if j is not None else (None, named)
        found[pid] = Turn(label.end(), entity, name, " ".join(text[ps:label.end()].split()))
    if len(found) < MIN_TURNS:
        found = dash_turns(text, paragraphs, mentions, full, byline_name(byline))
        if not found:
            return {}
    found.update(_opening_statement(text, paragraphs, found, title))
    continued: dict[int, Turn] = {}
    for pid in found:
        nxt = pid + 1
        while nxt < len(paragraphs) and nxt not in found and _continues(text, *paragraphs[nxt], lex):
            ps = paragraphs[nxt][0]
            continued[nxt] = found[pid]._replace(start=ps)
            nxt += 1
    return dict(sorted({**found, **continued}.items()))


#: A headline naming the one who speaks the page: "Briefing by Foreign Ministry Spokeswoman X", "Remarks by ...".
TITLE_SPEAKER_RE = re.compile(r"(?:Press\s+)?(?:Briefing|Statement|Remarks|Speech|Address|Comments?|Answers?|"
                              r"Press\s+conference|Opening\s+(?:remarks|statement)|Transcript)\b[^:]*?\bby\s", re.I)
#: A paragraph of prose, not a heading: it ends in sentence punctuation (a closing mark may follow).
PROSE_END_RE = re.compile(r"[.!?:][\"”’»]?\s*$")


def _opening_statement(text: str, paragraphs: Sequence[tuple[int, int]], found: dict[int, Turn],
                       title: str | None) -> dict[int, Turn]:
    """The prose paragraphs before the first labelled turn of a transcript whose headline names its speaker
    ("Briefing by Foreign Ministry Spokeswoman Maria Zakharova" over "Maria Zakharova:" turns): the opening
    statement of the person who has turns and is named in the headline. Headings (no final punctuation) and
    paragraphs in brackets are left out.

    Examples
    --------
    >>> text = "On Japan\\n\\nWe note the paper.\\n\\nQuestion: Why?\\n\\nAnna Berg: Because."
    >>> paras = [(0, 8), (10, 28), (30, 44), (46, len(text))]
    >>> turns = {2: Turn(40, None, None, "Question:"), 3: Turn(57, None, "Anna Berg", "Anna Berg:")}
    >>> [(pid, t.name) for pid, t in _opening_statement(text, paras, turns, "Briefing by Anna Berg").items()]
    [(1, 'Anna Berg')]
    """
    if not title or not found or TITLE_SPEAKER_RE.match(title) is None:
        return {}
    owner = next((t for t in found.values() if t.name and t.name in title), None)
    if owner is None:
        return {}
    opening = {}
    for pid in range(min(found)):
        ps, pe = paragraphs[pid][0], min(paragraphs[pid][1], len(text))
        words = text[ps:pe].strip()
        if words and PROSE_END_RE.search(words) and not words.startswith(("(", "[")):
            opening[pid] = owner._replace(start=ps, label=title)
    return opening


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
    for pattern in (rf"\b{re.escape(name)}\s+[A-Z][\w’'-]+\b", rf"\b[A-Z][\w’'-]+\s+{re.escape(name)}\b"):
        for hit in re.finditer(pattern, text):
            if _is_name(hit.group(), lex):
                return " ".join(hit.group().split())
    return None


def _label_speaker(text: str, label: re.Match, mentions: Sequence[Mention], starts: list[int],
                   full: dict[str, str], lex: VoiceLexicon) -> tuple[str | None, str | None, bool]:
    """(entity, name, whether it is a speaker label at all) of a label matched by :data:`TURN_RE`."""
    i = bisect_left(starts, label.start("name"))
    if i < len(mentions) and mentions[i].start == label.start("name") and mentions[i].entity_type == "person" \
            and mentions[i].end <= label.end("name"):
        return mentions[i].entity, full.get(mentions[i].entity, mentions[i].surface), True
    written = " ".join(label.group("name").split())
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
        if role and (inner := BRACKET_NAME_RE.match(role)) and _is_name(inner.group("name"), lex, single=True):
            return None, inner.group("name"), True  # "Reporter (Ota, Hokkaido Shimbun)"
        if written.lower() in lex.turn_roles.get("question", ()):
            return None, None, True
        return None, written, True
    if (titled := _role_and_name(written, lex)) is not None:
        return None, titled, True  # "Press Secretary HAYAMI:", "Foreign Minister Ken Oda:"
    if _is_name(written, lex, single=bool(label.group("outlet"))) and not any(
            m.start < label.end("name") and label.start("name") < m.end for m in mentions):
        return None, written, True  # "Kenji Sato:", "Hosokawa, Hokkaido Shimbun:"
    return None, None, False


def _role_and_name(written: str, lex: VoiceLexicon) -> str | None:
    """The name after a transcript role in a label ("Press Secretary HAYAMI" -> "HAYAMI"), or None."""
    words = written.split()
    for n in range(len(words) - 1, 0, -1):
        if " ".join(words[:n]).lower() in lex.turn_roles.get("speaker", ()):
            rest = " ".join(words[n:])
            return rest if _is_name(rest, lex, single=True) else None
    return None


def _is_name(written: str, lex: VoiceLexicon, *, single: bool = False) -> bool:
    """Whether capitalised words can be a personal name: two or three words (one if ``single``), none a title,
    a stop word or a transcript role."""
    words = written.split()
    if not (1 if single else 2) <= len(words) <= 3:
        return False
    return all(w.lower() not in lex.name_title_words and w.lower() not in lex.name_stop_words for w in words) \
        and written.lower() not in lex.turn_roles.get("speaker", ()) \
        and written.lower() not in lex.turn_roles.get("question", ())


def _continues(text: str, start: int, end: int, lex: VoiceLexicon) -> bool:
    """Whether an unlabelled paragraph goes on with the turn before it: first or second person, not bracketed."""
    words = text[start:end].strip()
    if not words or words[0] in "([":
        return False
    return lex.continuation_re is not None and lex.continuation_re.search(text, start, end) is not None


#: A paragraph opening with an em or en dash and a space: a turn of an interview printed without names.
DASH_TURN_RE = re.compile(r"[—–―]\s+(?=\S)")
#: A dash-opened interview has at least this many turns (one dash-opened paragraph is an aside).
MIN_DASH_TURNS = 4
#: A turn that ends in a question mark (closing marks aside) is a question.
QUESTION_END_RE = re.compile(r"\?[\"'”’»)]*\s*\Z")


def dash_turns(text: str, paragraphs: Sequence[tuple[int, int]], mentions: Sequence[Mention],
               full: dict[str, str], interviewer: str | None = None) -> dict[int, Turn]:
    """The turns of an interview printed as dash-opened paragraphs without names: para_id -> :class:`Turn`;
    {} if the text is not such an interview (see the module docstring). The questions are the
    ``interviewer``'s, the author the byline names (:func:`byline_name`), if given.

    Examples
    --------
    >>> from kuril_research.ingest.gazetteer import Mention
    >>> text = ("We asked Ivan Petrov.\\n\\n— Is there news?\\n\\n— None at all.\\n\\n— And the ferry?\\n\\n"
    ...         "— It sails in May.")
    >>> paras, pos = [], 0
    >>> for part in text.split("\\n\\n"):
    ...     paras.append((pos, pos + len(part))); pos += len(part) + 2
    >>> turns = dash_turns(text, paras, [Mention(9, 20, "Ivan Petrov", "ivan_petrov", "person", "neutral")], {})
    >>> [(pid, t.name) for pid, t in turns.items()]
    [(1, None), (2, 'Ivan Petrov'), (3, None), (4, 'Ivan Petrov')]
    >>> dash_turns("— One.\\n\\n— Two.", [(0, 6), (8, 14)], [], {})
    {}
    """
    opened = {pid: DASH_TURN_RE.match(text, ps, min(pe, len(text))) for pid, (ps, pe) in enumerate(paragraphs)}
    opened = {pid: m for pid, m in opened.items() if m is not None}
    if len(opened) < MIN_DASH_TURNS:
        return {}
    asks = {pid: QUESTION_END_RE.search(text, paragraphs[pid][0], min(paragraphs[pid][1], len(text))) is not None
            for pid in opened}
    if all(asks.values()) or not any(asks.values()):
        return {}
    first = paragraphs[min(opened)][0]
    person = next((m for m in reversed(mentions) if m.entity_type == "person" and m.end <= first), None)
    entity = person.entity if person is not None else None
    name = full.get(person.entity, person.surface) if person is not None else None
    label = text[paragraphs[min(opened)][0]:opened[min(opened)].end()].strip()
    return {pid: Turn(m.end(), None, interviewer, label) if asks[pid] else Turn(m.end(), entity, name, label)
            for pid, m in sorted(opened.items())}
