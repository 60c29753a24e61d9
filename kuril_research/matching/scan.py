"""Cue scan: find where the cues of a lexicon match in joined sentences, in one pass, and keep one per place.

:class:`CueScan` is compiled once per lexicon from its cues' regexes (and their
prefilter patterns, :mod:`kuril_research.matching.prefilter`);
:meth:`CueScan.find` returns every kept match as arrays (sentence row, start,
end, cue index) under the overlap rule of :mod:`kuril_research.coding.cues`.
:meth:`kuril_research.matching.cue_lexicon.CueLexicon.match` turns them into a table.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from kuril_research.matching.prefilter import candidate_runs
from kuril_research.matching.joined_text import JoinedSentences

__all__ = ["CueScan"]


@dataclass(frozen=True, eq=False)
class CueScan:
    """The compiled scans of a list of cue regexes (see the comment below) and their prefilter.

    Attributes
    ----------
    first, last, probe : re.Pattern
        At a word start: the first cue that matches there, the last one, and all of them.
    prefilter : str or None
        RE2 pattern of the sentences where some cue may match (None: scan every sentence).
    """

    first: re.Pattern
    last: re.Pattern
    probe: re.Pattern
    prefilter: str | None = None

    @classmethod
    def compile(cls, regexes: Sequence[str], prefilter: str | None = None) -> CueScan:
        """Compile the scans of ``regexes`` (cue ``i`` is ``regexes[i]``), with a prefilter pattern for them."""
        return cls(*_compile_scans(regexes), prefilter)

    def find(self, joined: JoinedSentences, *, prefilter: bool = True, overlapping: bool = False
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Return the kept matches: sentence row, start, end (offsets into the join) and cue index, sorted.

        Parameters
        ----------
        joined : JoinedSentences
            The sentences to scan (:func:`kuril_research.matching.joined_text.joined_sentences`).
        prefilter : bool, default True
            Scan only the runs of sentences the prefilter marks (the same matches, see
            :mod:`kuril_research.matching.prefilter`); False scans everything.
        overlapping : bool, default False
            True: every match of every cue (each cue's own match at each position), before the
            overlap rule, in no particular order.

        Returns
        -------
        tuple of ndarray
            ``row, start, end, cue``, one item per match kept by the overlap rule, ordered by
            sentence and start.

        Examples
        --------
        >>> from kuril_research.matching.joined_text import join_sentences
        >>> import pandas as pd
        >>> scan = CueScan.compile(["peace treaty", "peace treaty talks"])
        >>> [a.tolist() for a in scan.find(join_sentences(pd.Series(["No.", "Peace treaty talks."])))]
        [[1], [4], [22], [1]]
        """
        lowered, offsets, lengths = joined.lowered, joined.offsets, joined.lengths
        runs = candidate_runs(self.prefilter, joined) if prefilter else None
        scan_cue, last_cue, probe_groups = (_cue_of_group(rx) for rx in (self.first, self.last, self.probe))
        # ``first`` gives, at each word start where a cue matches, the first matching cue and its end; if
        # the last one that matches there (``last``) is the same cue, it is the only one, else the probe
        # finds all of them.
        scan, last, probe = self.first.finditer, self.last.match, self.probe.match
        found = [(m.start(), m.lastindex, m.end(m.lastindex))
                 for run_start, run_end in (runs if runs is not None else [(0, len(lowered))])
                 for m in scan(lowered, run_start, run_end)]
        pos, group, end = (np.array(column, dtype=np.int64) for column in zip(*found)) if found else \
            (np.empty(0, np.int64),) * 3
        del found
        group_cue = np.full(max(scan_cue, default=0) + 1, -1, dtype=np.int64)
        group_cue[list(scan_cue)] = list(scan_cue.values())
        cue_id = group_cue[group]
        last_group = np.array([last(lowered, p).lastindex for p in pos.tolist()], dtype=np.int64)
        last_of = np.full(max(last_cue, default=0) + 1, -1, dtype=np.int64)
        last_of[list(last_cue)] = list(last_cue.values())
        alone = last_of[last_group] == cue_id if len(pos) else np.zeros(0, dtype=bool)
        starts, ends, cue_ids = [pos[alone]], [end[alone]], [cue_id[alone]]
        more_start, more_end, more_cue = [], [], []
        for p in pos[~alone].tolist():
            regs = probe(lowered, p).regs
            for g, c in probe_groups.items():
                if regs[g][1] > p:
                    more_start.append(p)
                    more_end.append(regs[g][1])
                    more_cue.append(c)
        start = np.concatenate([*starts, np.array(more_start, dtype=np.int64)])
        end = np.concatenate([*ends, np.array(more_end, dtype=np.int64)])
        cue_id = np.concatenate([*cue_ids, np.array(more_cue, dtype=np.int64)])
        row = np.searchsorted(offsets, start, side="right") - 1
        within = end <= offsets[row] + lengths[row]
        row, start, end, cue_id = row[within], start[within], end[within], cue_id[within]
        if overlapping:
            return row, start, end, cue_id
        keep = _resolve_overlaps(row, start, end, cue_id)
        return row[keep], start[keep], end[keep], cue_id[keep]


def _cue_of_group(regex: re.Pattern) -> dict[int, int]:
    """Group number → cue index, for the ``_cue<i>`` (or ``_cue<i>_<k>``) groups that end each cue's alternative."""
    return {number: int(name[4:].split("_")[0]) for name, number in regex.groupindex.items()
            if name.startswith("_cue")}


def _resolve_overlaps(row: np.ndarray, start: np.ndarray, end: np.ndarray, cue_id: np.ndarray) -> np.ndarray:
    """Return the matches kept by the overlap rule (:mod:`kuril_research.coding.cues`), as sorted positions.

    A match that overlaps no other match of its sentence is always kept. In the sentences with
    overlapping matches, the matches are taken in the rule's order (longest, earliest, file order):
    the k-th match of every such sentence in one step, kept when no match kept before it in its
    sentence claims any of its characters. Offsets are positions in the joined text, so the
    matches of different sentences never share a character.
    """
    if not len(row):
        return np.empty(0, dtype=np.int64)
    order = np.lexsort((start, row))
    clash = np.zeros(len(row), dtype=bool)
    stride = int(end.max()) + 1
    if (int(row.max()) + 1) * stride < 2**62:
        # sorted by sentence and start: a match overlaps an earlier one of its sentence when it starts
        # before the furthest end so far (ends of earlier sentences are below row * stride)
        reach = np.maximum.accumulate(row[order] * stride + end[order])
        overlapped = np.zeros(len(row), dtype=bool)
        overlapped[1:] = row[order][1:] * stride + start[order][1:] < reach[:-1]
        crowded_rows = np.zeros(int(row.max()) + 1, dtype=bool)     # a mark per sentence: O(n), no hashing
        crowded_rows[row[order][overlapped]] = True
        clash = crowded_rows[row]
    else:
        clash[:] = True
    crowded = np.flatnonzero(clash)
    crowded = crowded[np.lexsort((cue_id[crowded], start[crowded], (start - end)[crowded], row[crowded]))]
    rank = np.arange(len(crowded)) - np.searchsorted(row[crowded], row[crowded], side="left")
    points = np.unique(np.concatenate([start[crowded], end[crowded]]))     # elementary segments between them
    lo = np.searchsorted(points, start[crowded])
    hi = np.searchsorted(points, end[crowded])
    claimed = np.zeros(len(points), dtype=bool)          # segment j = [points[j], points[j + 1]) is taken
    chosen = np.zeros(len(crowded), dtype=bool)
    by_rank = np.argsort(rank, kind="stable")
    steps = np.searchsorted(rank[by_rank], np.arange(int(rank.max()) + 2 if len(rank) else 1))
    if len(steps) * len(points) > 300_000_000:           # a sentence with very many matches: one at a time
        kept: dict[int, list[tuple[int, int]]] = {}
        for i, j in enumerate(crowded.tolist()):
            spans = kept.setdefault(int(row[j]), [])
            s, e = int(start[j]), int(end[j])
            if all(e <= s0 or e0 <= s for s0, e0 in spans):
                spans.append((s, e))
                chosen[i] = True
        steps = steps[:0]
    for a, b in itertools.pairwise(steps.tolist()):
        step = by_rank[a:b]
        taken = np.concatenate([[0], np.cumsum(claimed)])
        free = step[taken[hi[step]] == taken[lo[step]]]
        chosen[free] = True
        edges = np.zeros(len(points) + 1, dtype=np.int64)
        np.add.at(edges, lo[free], 1)
        np.add.at(edges, hi[free], -1)
        claimed |= np.cumsum(edges)[:-1] > 0
    keep_idx = np.concatenate([np.flatnonzero(~clash), crowded[chosen]])
    return keep_idx[np.lexsort((start[keep_idx], row[keep_idx]))]


# --- the scans: which cues match at a position, in one pass ------------------------------------
#
# Each cue's alternative ends with an empty group named after it (``_cue<i>``, or ``_cue<i>_<k>`` for
# the k-th piece of cue i), so a match says which cue it is and where it ends. At a word start,
# ``scan`` finds the first cue that matches there and ``last`` the last one, in one order; when
# they are the same cue no other matches there, else ``probe`` (all cues, file order) finds every
# one. To make ``scan`` and ``last`` cheap, a cue is first cut into *pieces*: a leading group
# ``(?:a|b)rest`` becomes ``a rest``, ``b rest`` and ``(?:a)?rest`` becomes ``a rest``, ``rest``,
# tried in that order, which is the order in which ``re`` backtracks through the group, so the
# first piece that matches gives the cue's own match. Pieces that begin with a plain character
# are then put in one branch per first character (``c(?:rest|...)``), which ``re`` skips with one
# comparison when the text has another character there. A cue with a piece that cannot be cut
# this way keeps all its pieces outside the branches; the order of the alternatives at a position
# is then: that character's branch, then the others, each in file order.

#: Characters that are not a plain literal at the start of a pattern.
_META = set("\\.^$*+?{}[]|()")
#: Most pieces one cue is cut into; a cue that would give more stays whole.
_MAX_PIECES = 64
#: A quantifier ``{m}``, ``{m,}``, ``{,n}``, ``{m,n}`` (a ``{`` not followed by one is a literal).
_QUANTIFIER_RE = re.compile(r"\{(?:\d*,\d*|\d+)\}")


def _skip_class(rx: str, j: int) -> int:
    """Index after the character class that opens at ``rx[j] == "["``."""
    j += 1
    if rx[j:j + 1] == "^":
        j += 1
    if rx[j:j + 1] == "]":
        j += 1
    while j < len(rx) and rx[j] != "]":
        j += 2 if rx[j] == "\\" else 1
    return j + 1


def _top_level(rx: str) -> tuple[list[str], int | None]:
    """Split ``rx`` at its top-level ``|``; also the index after the group that opens at ``rx[0]`` (if any)."""
    parts, depth, start, j, close = [], 0, 0, 0, None
    while j < len(rx):
        ch = rx[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":
            j = _skip_class(rx, j)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and close is None and rx[0] == "(":
                close = j + 1
        elif ch == "|" and depth == 0:
            parts.append(rx[start:j])
            start = j + 1
        j += 1
    parts.append(rx[start:])
    return parts, close


def _pieces(rx: str) -> list[str]:
    """Cut a cue regex into pieces whose alternation, in order, matches as the regex does (see above).

    Examples
    --------
    >>> _pieces("(?:anti-russian |new )?sanctions")
    ['anti-russian sanctions', 'new sanctions', 'sanctions']
    >>> _pieces("(?:talks|negotiations?) on (?:a |the )?peace treaty")
    ['talks on (?:a |the )?peace treaty', 'negotiations? on (?:a |the )?peace treaty']
    >>> _pieces("(?:close )*allies")
    ['(?:close )*allies']
    """
    if "(?#" in rx:                                           # a comment may hold anything
        return [rx]
    alternatives, close = _top_level(rx)
    if len(alternatives) > 1:
        out = [piece for alternative in alternatives for piece in _pieces(alternative)]
    elif rx.startswith("(?:") and close is not None:
        body, rest = rx[3:close - 1], rx[close:]
        optional = rest.startswith("?") and not rest.startswith(("??", "?+"))
        if rest[:1] in ("*", "+", "{") or (rest[:1] == "?" and not optional) or re.search(r"\\\d", body):
            return [rx]
        rest = rest[1:] if optional else rest
        out = [piece for part in _top_level(body)[0] + ([""] if optional else []) for piece in _pieces(part + rest)]
    else:
        return [rx]
    return out if 0 < len(out) <= _MAX_PIECES and all(out) else [rx]


def _first_literal(piece: str) -> str | None:
    """The piece's first character when it is a plain literal (so the piece is ``c`` + the rest), else None.

    Plain: not a metacharacter, not repeated by a quantifier after it, and the piece has no
    top-level ``|`` (which would make the rest an alternation).

    Examples
    --------
    >>> [_first_literal(p) for p in ["peace", "s?anctions", "a{2}b", "a{b", "ab|ac", r"\\w+"]]
    ['p', None, None, 'a', None, None]
    """
    if not piece or piece[0] in _META or len(_top_level(piece)[0]) > 1:
        return None
    return None if piece[1:2] in ("*", "+", "?") or _QUANTIFIER_RE.match(piece, 1) else piece[0]


def _compile_scans(regexes: Sequence[str]) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Compile ``scan``, ``last`` and ``probe`` for cue regexes (see above)."""
    branches: dict[str, list[tuple[str, str]]] = {}         # first character → (group, rest), in file order
    others: list[tuple[str, str]] = []                        # (group, piece)
    for i, regex in enumerate(regexes):
        try:
            flags = re.compile(regex).flags          # with the inline flags, e.g. (?x)
            pieces = _pieces(regex) if not flags & ~re.UNICODE else [regex]
            firsts = [_first_literal(piece) for piece in pieces]
            for piece in pieces:
                re.compile(f"(?:{piece})")
        except (re.error, RecursionError):
            pieces, firsts = [regex], [None]
        named = [(f"_cue{i}_{k}", piece) for k, piece in enumerate(pieces)]
        if all(firsts):
            for (group, piece), first in zip(named, firsts):
                branches.setdefault(first, []).append((group, piece[1:]))
        else:
            others.extend(named)

    def alternative(group: str, body: str) -> str:
        return rf"(?:{body})(?!\w)(?P<{group}>)"

    def branch(first: str, items: list[tuple[str, str]]) -> str:
        return re.escape(first) + "(?:" + "|".join(alternative(g, body) for g, body in items) + ")"

    forward = [branch(f, items) for f, items in branches.items()] + [alternative(g, p) for g, p in others]
    backward = ([alternative(g, p) for g, p in reversed(others)]
                + [branch(f, items[::-1]) for f, items in branches.items()])
    scan = re.compile(r"(?<!\w)(?=" + "|".join(forward) + ")")
    last = re.compile("(?=" + "|".join(backward) + ")")
    probe = re.compile("".join(f"(?:(?={alternative(f'_cue{i}', regex)}))?" for i, regex in enumerate(regexes)))
    return scan, last, probe
