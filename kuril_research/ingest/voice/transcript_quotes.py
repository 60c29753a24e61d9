"""Quotations of a transcript: each turn is its speaker's quotation, but a quotation it attributes to someone else.

A briefing spokesperson or a correspondent quotes a third person inside a turn ('As Ambassador Emanuel put it
this morning, "..."'; 'Putin told Japanese television that Russia has "no territorial problem"'). That
quotation is the third person's, when the sentence names the person before the opening mark with a speech
verb after the name; the turn goes on around it. Turns themselves are found by
:mod:`~kuril_research.ingest.voice.turns`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kuril_research.ingest.gazetteer import Mention
from kuril_research.ingest.voice.interviews import Turn
from kuril_research.ingest.voice.lexicon_record import VoiceLexicon
from kuril_research.ingest.voice.labels import is_name

#: A run of capitalised words: a name and the title words before it ("As Ambassador Emanuel").
CAPITALISED_RUN_RE = re.compile(r"[A-Z][\w’'.-]*(?:[ ][A-Z][\w’'.-]*){0,4}")
#: The end of the sentence before a position: a full stop, question or exclamation mark and white space.
SENTENCE_BREAK_RE = re.compile(r"[.!?][\"'”’]?\s+")


def turn_quotes(text: str, paragraphs: Sequence[tuple[int, int]], turns: dict[int, Turn],
                quotes: Sequence[tuple[int, int, int]], mentions: Sequence[Mention], full: dict[str, str],
                lex: VoiceLexicon) -> tuple[list[tuple[int, int, int]], dict[int, Turn]]:
    """The quotations of a transcript: each turn paragraph is its speaker's quotation, except a quotation inside
    it that the turn attributes to someone else in the same sentence, before the opening mark and with a speech
    verb ("As Ambassador Emanuel put it this morning, "..."", 'Putin told television that Russia has "no
    territorial problem"'): that one is the other person's, and the turn goes on around it.

    Parameters
    ----------
    quotes : sequence of (start, end, para_id)
        The quotations :func:`~kuril_research.ingest.voice.quotes.find_quotes` found.

    Returns
    -------
    spans : list of (start, end, para_id)
        All quotations in text order: turn parts, nested quotations, and quotations outside turns.
    speakers : dict
        Start of each turn part and nested quotation -> the :class:`Turn` that gives its speaker.

    Examples
    --------
    >>> from kuril_research.ingest.voice.lexicon import load_voice_lexicon
    >>> text = 'Reporter: As Ambassador Ito put it, "We stay." Do you agree?'
    >>> turn = Turn(10, None, "Reporter", "Reporter:")
    >>> spans, who = turn_quotes(text, [(0, len(text))], {0: turn}, [(37, 45, 0)], [], {}, load_voice_lexicon())
    >>> [(text[s:e], who[s].name) for s, e, _ in spans]
    [('As Ambassador Ito put it, ', 'Reporter'), ('We stay.', 'Ito'), (' Do you agree?', 'Reporter')]
    """
    spans = [q for q in quotes if q[2] not in turns]
    speakers: dict[int, Turn] = {}
    for pid, turn in turns.items():
        end = min(paragraphs[pid][1], len(text))
        pos = turn.start
        for qs, qe, qpid in quotes:
            if qpid != pid or qs <= pos:
                continue
            other = _quoted_by(text, turn.start, qs, mentions, full, lex)  # the sentence may hold an earlier
            # quotation: 'Peskov said that Japan's "so-called ... Day" was an "unfriendly event"': both his
            if other is None:
                continue
            if text[pos:qs - 1].strip():
                spans.append((pos, qs - 1, pid))
                speakers[pos] = turn
            spans.append((qs, qe, pid))
            speakers[qs] = Turn(qs, other[0], other[1], turn.label)
            pos = qe + 1
        if text[pos:end].strip():
            spans.append((pos, end, pid))
            speakers[pos] = turn
    return sorted(spans), speakers


def _quoted_by(text: str, lo: int, mark: int, mentions: Sequence[Mention], full: dict[str, str],
               lex: VoiceLexicon) -> tuple[str | None, str] | None:
    """(entity, name) of the person a turn quotes at ``mark``: the last person named in the sentence before the
    opening mark, with a speech verb after the name; None if the sentence names nobody or has no such verb."""
    breaks = [b.end() for b in SENTENCE_BREAK_RE.finditer(text, lo, mark)]
    start = breaks[-1] if breaks else lo
    person = next((m for m in reversed(mentions) if m.entity_type == "person" and start <= m.start
                   and m.end <= mark), None)
    if person is not None:
        if lex.verb_re is not None and lex.verb_re.search(text, person.end, mark):
            return person.entity, full.get(person.entity, person.surface)
        return None
    roles = lex.turn_roles.get("speaker", frozenset()) | HONORIFICS
    for run in reversed(list(CAPITALISED_RUN_RE.finditer(text, start, mark))):
        words, titled = run.group().split(), False
        while words and words[0].lower() in lex.name_title_words:
            titled = titled or words.pop(0).lower().rstrip(".") in roles
        # a name of two or three words, or one after a title ("Ambassador Emanuel"), then a speech verb
        if words and (titled and len(words) == 1 or is_name(" ".join(words), lex)) \
                and lex.verb_re is not None and lex.verb_re.search(text, run.end(), mark):
            return None, " ".join(words)
    return None


#: Honorifics before a family name, in lower case.
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof"})
