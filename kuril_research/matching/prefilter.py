"""Cue prefilter: one RE2 pattern that marks the sentences where some cue of a lexicon may match.

Python's ``re`` tries every cue at every word start, which is slow on a large
corpus. Arrow's RE2 (``pyarrow.compute.match_substring_regex``) first marks, at
memory speed, the sentences where some cue *may* match; :mod:`kuril_research.matching.scan`
then scans only the runs of marked sentences, each from its real position in the
joined text (so a lookbehind sees what it saw before) up to the separator after
the run.

The pattern is made of one RE2 pattern per cue, written when the lexicon is loaded
from the cue's own notation (:func:`kuril_research.matching.token_patterns.prefilter_tokens`
and :func:`~kuril_research.matching.token_patterns.prefilter_phrase`): each matches at the
start of every match of its cue, with ``\\w`` and ``\\s`` as supersets. That gives
exactly the matches of one scan of everything, because no token pattern or phrase
can match the separator ``"\\x00"`` or look past it (no lookaround, no anchors, no
``.``, ``\\W`` or negated class). A researcher's raw regex (``patterns:``) has no
such pattern; a lexicon with one is scanned in full.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from kuril_research.matching.joined_text import JoinedSentences
from kuril_research.matching.re2_classes import ascii_classes
from kuril_research.matching.sentence_scan import sentence_runs

__all__ = ["prefilter_pattern", "candidate_runs"]


def prefilter_pattern(cue_patterns: Sequence[str | None]) -> str | None:
    """Combine the cues' RE2 patterns into one that matches a sentence where some cue may match.

    Parameters
    ----------
    cue_patterns : sequence of str or None
        One RE2 pattern per cue (``Cue.prefilter``); None for a cue without one.

    Returns
    -------
    str or None
        As the scan: a cue starts at the start of a sentence or after a character
        that is not a word character (as a superset: not an ASCII one); None when a
        cue has no pattern (then every sentence is scanned), or there are no cues.

    Examples
    --------
    >>> prefilter_pattern(["a", "b"]).endswith("(?:a|b)")
    True
    >>> prefilter_pattern(["a", None]) is None
    True
    """
    if not cue_patterns or any(pattern is None for pattern in cue_patterns):
        return None
    return f"(?:^|[^{ascii_classes()['word']}])(?:" + "|".join(cue_patterns) + ")"


def candidate_runs(pattern: str | None, joined: JoinedSentences) -> list[tuple[int, int]] | None:
    """Return the stretches of the joined text to scan: runs of sentences the pattern marks.

    Parameters
    ----------
    pattern : str or None
        :func:`prefilter_pattern` of a lexicon's cues.
    joined : JoinedSentences
        The sentences (:func:`kuril_research.matching.joined_text.joined_sentences`).

    Returns
    -------
    list of (int, int) or None
        (start, end) of each run of marked sentences, as
        :func:`kuril_research.matching.sentence_scan.sentence_runs`; None (scan it all) without
        a pattern, or when Arrow cannot hold the text or RE2 refuses the pattern.

    Examples
    --------
    >>> import pandas as pd
    >>> from kuril_research.matching.token_patterns import prefilter_phrase
    >>> from kuril_research.matching.joined_text import join_sentences
    >>> joined = join_sentences(pd.Series(["No cue.", "A peace treaty.", "Peace treaty talks.", "Done."]))
    >>> candidate_runs(prefilter_pattern([prefilter_phrase("peace treaty")]), joined)
    [(8, 43)]
    """
    if pattern is None or len(joined.offsets) == 0 or joined.parts is None:
        return None
    try:
        maybe = pc.match_substring_regex(joined.parts, pattern=pattern)
    except (pa.ArrowException, UnicodeError):                  # RE2 refused the pattern, or text Arrow cannot hold
        return None
    return sentence_runs(joined.offsets, joined.lengths,
                         np.flatnonzero(pc.fill_null(maybe, True).to_numpy(zero_copy_only=False)))
