"""Interviews printed as bare questions and answers: the questions' bold type lost in the copy.

A web interview sets its questions in bold and prints no labels; copied as text, it is a run of paragraphs
that end in a question mark, each followed by the answer ("How did people on the island react?" /
"Everyone was talking about it. ..."). An explainer prints the same shape in the outlet's own voice ("Where
are the islands?" / "At the southern end of the Kuril chain ..."), so the turns are an interview's only when

* at least :data:`MIN_QUESTIONS` paragraphs ask, none opening with a quotation mark, a dash or a label, each
  at most :data:`MAX_QUESTION_WORDS` words and followed by a paragraph that does not ask;
* the text before the first question says it prints an interview (``interview_cues`` in ``voice.yaml``:
  "spoke with", "the conversation", "edited for length");
* the one who answers is known: the name after a cue that takes an object ("Asia Blog spoke with Dr. Anna
  Berg"), else the personal name written most often in the headline and before the first question (its family
  name counted), if one is written more often than any other, at least twice;
* at least half of the answers speak in the first or second person (``turn_continuation_words``: "we", "I",
  "you"), as an interviewee does and an explainer does not.

The questions are the interviewer's: the subject of that cue ("Asia Blog"), else a name after an
``interviewer_nouns`` noun ("guest host Helen Marchand"), else the byline's one author, else nobody (None).
An answer's first paragraph is its turn; :func:`~kuril_research.ingest.voice.turns.find_turns` carries a
turn over the paragraphs after it as it does a labelled one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from kuril_research.ingest.gazetteer import Mention
from kuril_research.ingest.voice.interviews import QUESTION_END_RE, Turn
from kuril_research.ingest.voice.labels import TURN_RE, is_name
from kuril_research.ingest.voice.lexicon_record import VoiceLexicon

#: An interview printed as bare questions has at least this many (two questions in a feature are rhetoric).
MIN_QUESTIONS = 3
#: A question of an interview is at most this long; a longer paragraph ending in "?" is an answer or prose.
MAX_QUESTION_WORDS = 60
#: What a question paragraph never opens with: a quotation mark (someone's words), a dash (a dash-opened turn,
#: :func:`~kuril_research.ingest.voice.interviews.dash_turns`) or a list bullet.
NOT_QUESTION_OPENERS = "\"“‘'«„—–-•■*"
#: Two or more capitalised words in a row: a personal name written in full ends one ("When Anna Berg", "Russian
#: President Ivan Petrov").
CAPITALISED_RUN_RE = re.compile(r"\b[A-Z][\w’'-]+(?:[ ][A-Z][\w’'-]+)+\b")


def bare_question_turns(text: str, paragraphs: Sequence[tuple[int, int]], mentions: Sequence[Mention],
                        full: dict[str, str], lex: VoiceLexicon, author: str | None = None,
                        title: str = "") -> dict[int, Turn]:
    """The questions and the first paragraph of each answer of an interview printed without labels:
    para_id -> :class:`~kuril_research.ingest.voice.interviews.Turn` (label ""); {} if the text is not such an
    interview (see the module docstring). ``author`` is the byline's one author, the questioner when the text
    names no other; a name in the ``title`` counts as written once more ("INTERVIEW/ Anna Berg: ...").

    Examples
    --------
    >>> from kuril_research.ingest.voice.lexicon import load_voice_lexicon
    >>> lex = load_voice_lexicon()
    >>> text = ("The Review spoke with Anna Berg, a historian.\\n\\nWhy do the islands matter?\\n\\n"
    ...         "We forget how small they are.\\n\\nWill there be a deal?\\n\\nI doubt it.\\n\\n"
    ...         "What should we expect?\\n\\nPatience, I think.")
    >>> paras, pos = [], 0
    >>> for part in text.split("\\n\\n"):
    ...     paras.append((pos, pos + len(part))); pos += len(part) + 2
    >>> [(pid, t.name) for pid, t in bare_question_turns(text, paras, [], {}, lex).items()]
    [(1, 'The Review'), (2, 'Anna Berg'), (3, 'The Review'), (4, 'Anna Berg'), (5, 'The Review'), (6, 'Anna Berg')]

    An explainer asks and answers in the outlet's own voice:

    >>> faq = ("Anna Berg explains.\\n\\nWhere are the islands?\\n\\nNorth of Hokkaido.\\n\\n"
    ...        "Who holds them?\\n\\nRussia.\\n\\nIs a deal near?\\n\\nNo.")
    >>> paras, pos = [], 0
    >>> for part in faq.split("\\n\\n"):
    ...     paras.append((pos, pos + len(part))); pos += len(part) + 2
    >>> bare_question_turns(faq, paras, [], {}, lex)
    {}
    """
    if lex.interview_cue_re is None:
        return {}
    questions = [pid for pid in range(len(paragraphs) - 1) if _asks(text, *paragraphs[pid])
                 and not _asks(text, *paragraphs[pid + 1])]
    if len(questions) < MIN_QUESTIONS:
        return {}
    first = paragraphs[questions[0]][0]
    if lex.interview_cue_re.search(text, 0, first) is None:
        return {}
    answers = [pid + 1 for pid in questions]
    if lex.continuation_re is None or 2 * sum(
            lex.continuation_re.search(text, *paragraphs[pid]) is not None for pid in answers) < len(answers):
        return {}
    asker = _interviewer(text, first, lex, author)
    entity, name = _interviewee(text, first, mentions, full, lex, title)
    if name is None:
        return {}
    turns = {pid: Turn(paragraphs[pid][0], None, asker, "") for pid in questions}
    turns |= {pid: Turn(paragraphs[pid][0], entity, name, "") for pid in answers}
    return dict(sorted(turns.items()))


def _asks(text: str, start: int, end: int) -> bool:
    """Whether a paragraph is an interview's question (see the module docstring)."""
    words = text[start:end].strip()
    return bool(words) and words[0] not in NOT_QUESTION_OPENERS and QUESTION_END_RE.search(words) is not None \
        and len(words.split()) <= MAX_QUESTION_WORDS and TURN_RE.match(words) is None


def _interviewee(text: str, before: int, mentions: Sequence[Mention], full: dict[str, str],
                 lex: VoiceLexicon, title: str) -> tuple[str | None, str | None]:
    """(entity, name) of the one an interview's answers are by (see the module docstring); (None, None) if the
    text does not tell."""
    named = None
    if lex.interview_object_re is not None:
        named = next((m for m in lex.interview_object_re.finditer(text, 0, before)
                      if is_name(m.group("name"), lex)), None)
    if named is not None:
        at = named.start("name")
        person = next((m for m in mentions if m.entity_type == "person" and m.start <= at < m.end), None)
        return (person.entity, full.get(person.entity, named.group("name"))) if person is not None \
            else (None, named.group("name"))
    written = f"{title}\n\n{text[:before]}"
    names = [name for m in CAPITALISED_RUN_RE.finditer(written)
             if (name := _trailing_name(m.group(), lex)) is not None]
    counts = Counter({name: len(re.findall(rf"\b{re.escape(name.split()[-1])}\b", written))
                      for name in dict.fromkeys(names)})
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None, None
    name = ranked[0][0]
    person = next((m for m in mentions if m.entity_type == "person" and m.end <= before
                   and full.get(m.entity, m.surface).endswith(name.split()[-1])), None)
    return (person.entity, full.get(person.entity, name)) if person is not None else (None, name)


def _trailing_name(words: str, lex: VoiceLexicon) -> str | None:
    """The personal name that ends a run of capitalised words: its last three or two words, if a name."""
    parts = words.split()
    return next((" ".join(parts[-n:]) for n in (3, 2) if n <= len(parts) and is_name(" ".join(parts[-n:]), lex)),
                None)


def _interviewer(text: str, before: int, lex: VoiceLexicon, author: str | None) -> str | None:
    """The one who asks an interview's questions, as written (see the module docstring), or None."""
    if lex.interview_object_re is not None:
        for hit in lex.interview_object_re.finditer(text, 0, before):
            if hit.group("who") and is_name(hit.group("name"), lex):
                return hit.group("who")
    if lex.interviewer_re is not None:
        for hit in lex.interviewer_re.finditer(text, 0, before):
            if is_name(hit.group("name"), lex):
                return hit.group("name")
    return author
