"""Interviews printed without speaker names: "Q:"/"A:" turns and dash-opened turns, and the :class:`Turn` record.

An interview printed as turns opened by a dash, with no names (Russian papers: "— Is there anything new?" /
"— Unfortunately, nothing."), is a transcript too when :data:`MIN_DASH_TURNS` or more paragraphs open with
an em or en dash and at least one of them asks a question and one does not: a turn that ends in a question
mark is the interviewer's (unnamed: speaker None), any other the interviewee's, the person the gazetteer
knows who was named last before the first turn ("... the ambassador Nikolai Nozdrev explained ...").
An interview printed with "Q:" and "A:" labels is read the same way (:func:`qa_turns`); a page of such labels
that names nobody before them is a page of frequently asked questions, in the outlet's own voice.
Labelled transcripts ("Maria Zakharova:") are :mod:`~kuril_research.ingest.voice.turns`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from kuril_research.ingest.gazetteer import Mention

#: An honorific and the name after it: "Ms. Anna Berg".
HONORIFIC_NAME_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+(?P<name>[A-Z][\w’'-]+(?:[ ][A-Z][\w’'-]+){0,2})")


class Turn(NamedTuple):
    """A paragraph of a transcript: its words start at ``start``; ``entity`` and ``name`` are the speaker
    (None when the label names nobody), ``label`` the label as printed."""

    start: int
    entity: str | None
    name: str | None
    label: str


#: A paragraph of an interview printed as questions and answers: "Q: ..." / "A: ...".
QA_RE = re.compile(r"(?P<qa>[QA])\s*:\s+(?=\S)")


def qa_turns(text: str, paragraphs: Sequence[tuple[int, int]], mentions: Sequence[Mention],
             full: dict[str, str]) -> dict[int, Turn]:
    """The turns of an interview printed with "Q:" and "A:" labels: para_id -> :class:`Turn`; {} if the text has
    no such turns of both kinds, or names no person before the first of them (a page of frequently asked
    questions, where the outlet asks and answers in its own voice).

    A "Q:" turn is the interviewer's, unnamed: its speaker is the label "Q" (no entity); an "A:" turn is the interviewee's, the person
    named last before the first turn: a gazetteer person, else a name after an honorific ("Mr. Ivan Petrov").

    Examples
    --------
    >>> text = "We spoke to Mr. Ivan Petrov.\\n\\nQ: Will you go?\\n\\nA: Yes, in May."
    >>> paras, pos = [], 0
    >>> for part in text.split("\\n\\n"):
    ...     paras.append((pos, pos + len(part))); pos += len(part) + 2
    >>> [(pid, t.name) for pid, t in qa_turns(text, paras, [], {}).items()]
    [(1, 'Q'), (2, 'Ivan Petrov')]
    >>> qa_turns(text[text.index("Q:"):], [(0, 14), (16, 29)], [], {})
    {}
    """
    opened = {pid: QA_RE.match(text, ps, min(pe, len(text))) for pid, (ps, pe) in enumerate(paragraphs)}
    opened = {pid: m for pid, m in opened.items() if m is not None}
    if {m.group("qa") for m in opened.values()} != {"Q", "A"}:
        return {}
    first = paragraphs[min(opened)][0]
    person = next((m for m in reversed(mentions) if m.entity_type == "person" and m.end <= first), None)
    if person is not None:
        entity, name = person.entity, full.get(person.entity, person.surface)
    else:
        named = [h.group("name") for h in HONORIFIC_NAME_RE.finditer(text, 0, first)]
        if not named:
            return {}
        entity, name = None, named[-1]
    return {pid: Turn(m.end(), None, "Q", "Q:") if m.group("qa") == "Q" else Turn(m.end(), entity, name, "A:")
            for pid, m in sorted(opened.items())}


#: A paragraph opening with an em or en dash (or a hyphen standing for one) and a space: a turn of an interview
#: printed without names.
DASH_TURN_RE = re.compile(r"(?:[—–―]|-(?=[ ]))\s+(?=\S)")
#: A dash-opened interview has at least this many turns (one dash-opened paragraph is an aside).
MIN_DASH_TURNS = 4
#: Every turn of an interview ends a sentence (closing marks aside); a list of headlines does not.
TURN_END_RE = re.compile(r"[.!?…:;][\"'”’»)\]]*\s*\Z")
#: A turn that ends in a question mark (closing marks aside) is a question.
QUESTION_END_RE = re.compile(r"\?[\"'”’»)]*\s*\Z")


def dash_turns(text: str, paragraphs: Sequence[tuple[int, int]], mentions: Sequence[Mention],
               full: dict[str, str], interviewer: str | None = None,
               interviewee: tuple[str | None, str] | None = None, min_turns: int = 0) -> dict[int, Turn]:
    """The turns of an interview printed as dash-opened paragraphs without names: para_id -> :class:`Turn`;
    {} if the text is not such an interview (see the module docstring). The questions are the
    ``interviewer``'s, the author the byline names (:func:`~kuril_research.ingest.voice.turns.byline_name`),
    if given; the answers are the ``interviewee``'s (entity, name), when a label printed alone on its line names
    him ("Maria Zakharova, Director of the Press Department:"), else the person named last before the first turn.
    ``min_turns`` (default :data:`MIN_DASH_TURNS`) is how many dash-opened paragraphs make an interview; such a
    label is evidence enough for two.

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
    if len(opened) < (min_turns or MIN_DASH_TURNS):
        return {}
    asks = {pid: QUESTION_END_RE.search(text, paragraphs[pid][0], min(paragraphs[pid][1], len(text))) is not None
            for pid in opened}
    if all(asks.values()) or not any(asks.values()) or not all(
            TURN_END_RE.search(text, paragraphs[pid][0], min(paragraphs[pid][1], len(text))) for pid in opened):
        return {}  # a list of headlines or links ("- Russia deploys missiles on Kunashir") ends no sentence
    first = paragraphs[min(opened)][0]
    person = next((m for m in reversed(mentions) if m.entity_type == "person" and m.end <= first), None)
    entity = person.entity if person is not None else None
    name = full.get(person.entity, person.surface) if person is not None else None
    if interviewee is not None:
        entity, name = interviewee
    label = text[paragraphs[min(opened)][0]:opened[min(opened)].end()].strip()
    return {pid: Turn(m.end(), None, interviewer, label) if asks[pid] else Turn(m.end(), entity, name, label)
            for pid, m in sorted(opened.items())}
