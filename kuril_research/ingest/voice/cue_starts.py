"""Where the rest of a naming cue may start after its subject, and which cues may match there (rule 3).

:func:`~kuril_research.ingest.voice.naming.find_naming_cues` tries the part of each cue after ``{side}`` (its
rest) at the starts :func:`cue_starts` lists, in order, keeping the first match (:func:`cue_rest`). The pre-check
:func:`possible_cues` leaves out the cues none of whose required literals occur in the stretch those starts lie
in, which cannot match there: the same cues are found, without trying the 166 cues at every start.
"""

from __future__ import annotations

import re

from kuril_research.ingest.voice.gaps import coordination_ends, gap_ends, insertion_ends
from kuril_research.ingest.voice.lexicon_record import VoiceLexicon
from kuril_research.ingest.voice.model import Subj
from kuril_research.matching.required_literals import FOLD_TRAPS

__all__ = ["Starts", "cue_starts", "rest_literals", "possible_cues", "cue_rest"]

#: Starts of a cue's rest: (string, position) right after the subject, then after the "and" of a second predicate.
Starts = tuple[list[tuple[str, int]], list[tuple[str, int]]]


def cue_starts(text: str, masked: str, m: Subj, limit: int) -> Starts:
    """Where the rest of a naming cue may start after the subject ``m``, in the order they are tried.

    Two lists of (string, position): first right after the subject (also in ``masked``, the text with its
    insertions blanked out, when the subject reads the same there: "refers to the islands - A, B and C - as"),
    after the nouns a side word heads or adverbs ("Japanese maps call", "Tokyo officially calls"), after an
    insertion set off by commas ("Russia, which ..., calls them"); second after the "and" of a second predicate
    ("Japan ... and considers them"). Every position lies between ``m.end`` and ``limit``.

    Examples
    --------
    >>> text = "Japan, which lost them in 1945, officially calls them its Northern Territories."
    >>> first, second = cue_starts(text, text, Subj(0, 5, "japan", "place", "Japan"), len(text))
    >>> [text[pos:pos + 11] for _, pos in first], second
    ([', which los', ' officially'], [])
    """
    first = [(text, m.end)]
    if masked is not text and masked[m.start:m.end] == text[m.start:m.end]:
        first.append((masked, m.end))
    first += [(text, end) for end in gap_ends(text, m.end, limit, m.kind, coordinated=False)]
    first += [(text, i + 1) for i in insertion_ends(text, m.end, limit)]
    return first, [(text, i) for i in coordination_ends(text, m.end, limit)]


def rest_literals(starts: Starts, limit: int) -> str | None:
    """The lower-cased text from the first start of ``starts`` (:func:`cue_starts`) to ``limit``, in each string
    they use, which holds every match of a cue's rest; None where lower-casing may lose one (:data:`FOLD_TRAPS`).

    Examples
    --------
    >>> text = "Japan officially calls them"
    >>> rest_literals(([(text, 5), (text, 16)], []), len(text))
    ' officially calls them'
    """
    origin = starts[0][0][1]
    rests = [s[origin:limit] for s in dict.fromkeys(s for group in starts for s, _ in group)]
    rest = "\n".join(rests)
    lowered = rest.lower()
    return lowered if len(lowered) == len(rest) and FOLD_TRAPS.isdisjoint(rest) else None


def possible_cues(starts: Starts, limit: int, lex: VoiceLexicon) -> list[int] | range:
    """The indices (in :attr:`VoiceLexicon.cue_res`) of the cues whose rest may match at ``starts``
    (:func:`cue_starts`): the pre-check that spares trying every cue at every start.

    A cue is left out when none of its rest's required literals (:attr:`VoiceLexicon.cue_suffix_checks`, see
    :mod:`kuril_research.matching.required_literals`) occurs in :func:`rest_literals` of the starts: every start
    lies between the first one and ``limit``, so every match of the rest would hold one. A cue whose rest has no
    required literal (an empty rest) is always kept, and so is every cue when lower-casing may lose a match.

    Examples
    --------
    >>> from kuril_research.ingest.voice.lexicon import load_voice_lexicon
    >>> lex = load_voice_lexicon()
    >>> text = "Japan protested on Monday."
    >>> kept = possible_cues(([(text, 5)], []), len(text), lex)
    >>> 0 < len(kept) < len(lex.cue_res)
    True
    >>> all(cue_rest(([(text, 5)], []), lex.cue_res[i][1], len(text))[0] is None
    ...     for i in range(len(lex.cue_res)) if i not in kept)
    True
    """
    present = rest_literals(starts, limit)
    if present is None:
        return range(len(lex.cue_res))
    found = frozenset(literal for literal in lex.cue_suffix_literals if literal in present)
    return [i for i, check in enumerate(lex.cue_suffix_checks)
            if check.literals is None or not found.isdisjoint(check.literals)]


def cue_rest(starts: Starts, suffix_re: re.Pattern, limit: int) -> tuple[re.Match | None, bool]:
    """The first match of a cue's rest ``suffix_re`` at ``starts`` (:func:`cue_starts`), ending by ``limit`` (a cue
    stays in its sentence: a gap ..N may not cross it), and whether it follows the "and" of a second predicate.

    Examples
    --------
    >>> text = "Japan still calls them"
    >>> after, second = cue_rest(([(text, 5), (text, 11)], []), re.compile(" +calls"), len(text))
    >>> after.span(), second
    ((11, 17), False)
    """
    for second, group in enumerate(starts):
        for s, pos in group:
            if (after := suffix_re.match(s, pos, limit)) is not None:
                return after, bool(second)
    return None, False
