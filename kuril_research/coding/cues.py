"""Cue lexicons: load, validate and match the frame codebook and the trade cues.

A cue lexicon is a YAML file of *entries* (frames in ``frames.yaml``, trade
categories in ``trade.yaml``), each with literal ``phrases``, *token patterns*
(``tokens``: words with optional parts, alternatives, prefixes and gaps, see
:mod:`kuril_research.coding.cue_tokens`; named parts under the top-level ``terms``) and
regular expression ``patterns``; the top-level ``exclude`` lists token patterns
that take part in the overlap rule but code nothing (a longer phrase that must
not count, such as "San Francisco Peace Treaty"). :func:`load_cue_lexicon` validates the file, naming the
file and line of every problem, and compiles all cues once into one combined
alternation (plus two helpers for places where several cues match);
:meth:`CueLexicon.match` then scans all sentences of a corpus in one pass.

Matching rules (the same for every lexicon):

* Text is lower-cased (``str.lower``) and matched against lower-case cues; this
  is several times faster than ``re.IGNORECASE``. Phrases are lower-cased on
  load; patterns must be written in lower case.
* In a phrase, a run of white space matches any run of white space, a hyphen
  matches any hyphen or dash (``-‐‑‒–—``) and an apostrophe matches ``'`` or ``’``.
* Cues match whole words only: a match may not be preceded or followed by a
  letter, digit or underscore. Matches never cross a sentence boundary.
* **Overlap rule.** All matches of all cues in a sentence are found, including
  matches that overlap each other (e.g. ``peace treaty`` and ``peace treaty
  talks`` at the same place). Overlapping matches are then resolved greedily:
  longest first, then earliest, then the cue listed first in the file; a match
  that overlaps one already kept is dropped. So each character of a sentence
  is claimed by at most one cue and nothing is counted twice. Each cue's own
  match at a position is the one Python's ``re`` finds there (greedy).
"""

from __future__ import annotations

import itertools
import re
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kuril_research import memo, schema
from kuril_research.corpus import Corpus
from kuril_research.coding.cue_prefilter import candidate_runs
from kuril_research.coding.cue_tokens import TokenPatternError, compile_tokens
from kuril_research.errors import LexiconError
from kuril_research.lexicons import LineDict, LineList, file_sha256, load_yaml
from kuril_research.coding.sentence_scan import find_in_sentences, remembered_join, remembered_split

__all__ = ["Cue", "Entry", "CueLexicon", "load_cue_lexicon", "find_in_sentences", "assign_voice"]

#: Entry ids: lower-case letters, digits and underscores, starting with a letter.
ENTRY_ID_RE = re.compile(r"[a-z][a-z0-9_]*")
#: Upper-case letters that are not part of an escape such as ``\S`` or ``\W``.
UPPER_CASE_RE = re.compile(r"(?<!\\)[A-Z]")
#: Named groups ``(?P<x>...)``, named back-references ``(?P=x)`` and numbered ones ``\1``.
GROUP_REFERENCE_RE = re.compile(r"\(\?P[<=]|\\[1-9]")

_DASHES = "-\u2010\u2011\u2012\u2013\u2014"
_APOSTROPHES = "'\u2019"
_ENTRY_KEYS = ("id", "label", "description", "phrases", "tokens", "patterns")
#: Sides a frame's argument can belong to (``side:``); ``none`` switches an entry's side off for one cue.
SIDES = ("russia", "japan")


@dataclass(frozen=True)
class Entry:
    """One frame or trade category of a lexicon, with the line it starts on."""

    id: str
    label: str
    description: str
    polarity: str | None
    line: int
    side: str | None = None          # the side whose argument the entry is (frames)
    when_ended: str | None = None    # what a cue of this entry becomes when an ender governs it


@dataclass(frozen=True)
class Cue:
    """One phrase or pattern as written in the file, with the regex it compiles to."""

    entry: str
    kind: str          # "phrase" | "tokens" | "pattern"
    text: str          # as written in the file
    polarity: str | None
    line: int
    regex: str
    side: str | None = None
    when_ended: str | None = None


@dataclass(frozen=True, eq=False)
class CueLexicon:
    """A validated cue lexicon, compiled once for matching.

    Attributes
    ----------
    path : Path
        The YAML file it was loaded from.
    sha256 : str
        :func:`~kuril_research.lexicons.file_sha256` of that file; every
        analysis output carries it so that results can be traced to the lexicon.
    entries : tuple of Entry
        Frames or categories, in file order.
    cues : tuple of Cue
        Every phrase, token pattern and pattern, in file order.
    terms : dict
        The file's ``terms`` (name → token pattern).
    extras : dict
        The other top-level keys the caller allowed (``extras=`` of
        :func:`load_cue_lexicon`), as read, with their lines
        (see :func:`kuril_research.coding.cue_context.token_list_regex`).
    excluded : tuple of Cue
        The file's ``exclude`` token patterns (entry ``""``): they take part in
        the overlap rule, claiming their words, but code nothing.
    """

    path: Path
    sha256: str
    entries: tuple[Entry, ...]
    cues: tuple[Cue, ...]
    _scan: re.Pattern = field(repr=False)
    _last: re.Pattern = field(repr=False)
    _probe: re.Pattern = field(repr=False)
    terms: dict = field(default_factory=dict, repr=False)
    extras: dict = field(default_factory=dict, repr=False)
    excluded: tuple[Cue, ...] = field(default=(), repr=False)

    def __repr__(self) -> str:
        return (f"CueLexicon({self.path.name!r}, {len(self.entries)} entries, "
                f"{len(self.cues)} cues, sha256={self.sha256[:12]}…)")

    @property
    def ids(self) -> list[str]:
        """Entry ids in file order."""
        return [entry.id for entry in self.entries]

    def cue(self, entry: str, text: str) -> Cue:
        """The cue of ``entry`` written as ``text`` (the ``entry`` and ``cue`` columns of :meth:`match`)."""
        return self._by_text()[(entry, text)]

    def _by_text(self) -> dict[tuple[str, str], Cue]:
        found = _BY_TEXT.get(self)
        if found is None:
            found = _BY_TEXT[self] = {(c.entry, c.text): c for c in self.cues}
        return found

    def match(self, sentences: pd.DataFrame) -> pd.DataFrame:
        """Find the cues in a sentences table, applying the overlap rule.

        Parameters
        ----------
        sentences : DataFrame
            Table ``sentences`` of :mod:`kuril_research.schema`.

        Returns
        -------
        DataFrame
            One row per kept match, ordered by sentence then offset:
            ``doc_id, sent_id, para_id, entry, polarity, cue, surface, start, end``.
            ``cue`` is the phrase or pattern as written in the file; ``surface``
            the matched text; ``start``/``end`` offsets into ``documents.text``;
            ``polarity`` is ``<NA>`` for lexicons without polarities.

        Examples
        --------
        >>> lex = load_cue_lexicon(_example_lexicon(), section="frames")
        >>> c = _example_corpus({"a": [["The peace treaty talks and the peace treaty."]]})
        >>> lex.match(c.sentences)[["cue", "surface", "start", "end"]]
                                            cue             surface  start  end
        0  peace treaty (?:talks|negotiations?)  peace treaty talks      4   22
        1                          peace treaty        peace treaty     31   43

        The scan is remembered per sentences table and lexicon (see
        :mod:`kuril_research.memo`): matching the same, unchanged table again
        returns a copy of the first result at once.
        """
        token = memo.fingerprint((sentences, _MATCH_COLUMNS))
        found = _MATCHES.get(sentences, self, token)
        if found is None:
            found = self._match(sentences)
            _MATCHES.put(sentences, self, token, found)
        return found.copy(deep=False)       # copy-on-write: a caller's edits never reach the remembered table

    def _match(self, sentences: pd.DataFrame, *, prefilter: bool = True) -> pd.DataFrame:
        original, lowered, offsets, lengths = remembered_join(sentences)
        scan_cue, last_cue, probe_groups = (_cue_of_group(rx) for rx in (self._scan, self._last, self._probe))
        runs = candidate_runs(self, remembered_split(sentences), offsets, lengths) if prefilter else None
        # ``scan`` gives, at each word start where a cue matches, the first matching cue and its end; if
        # the last one that matches there (``last``) is the same cue, it is the only one, else the probe
        # finds all of them.
        scan, last, probe = self._scan.finditer, self._last.match, self._probe.match
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
        keep = _resolve_overlaps(row, start, end, cue_id)
        row, start, end, cue_id = row[keep], start[keep], end[keep], cue_id[keep]
        coding = cue_id < len(self.cues)                        # not an `exclude` pattern
        row, start, end, cue_id = row[coding], start[coding], end[coding], cue_id[coding]

        def labels(values: list) -> pd.api.extensions.ExtensionArray:
            return pd.array(np.array(values, dtype=object), dtype="string").take(cue_id)

        def column(name: str, dtype: str) -> pd.api.extensions.ExtensionArray:
            return pd.array(sentences[name].array.take(row), dtype=dtype)

        shift = np.asarray(sentences["start"].array.take(row).to_numpy(dtype=np.int64)) - offsets[row]
        return pd.DataFrame({
            "doc_id": column("doc_id", "string"),
            "sent_id": column("sent_id", "Int64"),
            "para_id": column("para_id", "Int64"),
            "entry": labels([c.entry for c in self.cues]),
            "polarity": labels([c.polarity for c in self.cues]),
            "cue": labels([c.text for c in self.cues]),
            "surface": pd.array([original[s:e] for s, e in zip(start.tolist(), end.tolist())], dtype="string"),
            "start": pd.array(shift + start, dtype="Int64"),
            "end": pd.array(shift + end, dtype="Int64"),
        })


_BY_TEXT: "weakref.WeakKeyDictionary[CueLexicon, dict]" = weakref.WeakKeyDictionary()
#: The sentences columns a cue match depends on.
_MATCH_COLUMNS = ["doc_id", "sent_id", "para_id", "start", "text"]
_MATCHES = memo.Memo()


def _cue_of_group(regex: re.Pattern) -> dict[int, int]:
    """Group number → cue index, for the ``_cue<i>`` (or ``_cue<i>_<k>``) groups that end each cue's alternative."""
    return {number: int(name[4:].split("_")[0]) for name, number in regex.groupindex.items()
            if name.startswith("_cue")}


def _resolve_overlaps(row: np.ndarray, start: np.ndarray, end: np.ndarray, cue_id: np.ndarray) -> np.ndarray:
    """Return the matches kept by the overlap rule, as sorted positions (see module docstring).

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


def _phrase_regex(phrase: str) -> str:
    """Regex of a literal phrase: any white space between words, any dash, either apostrophe."""
    def char(ch: str) -> str:
        if ch in _DASHES:
            return f"[{_DASHES}]"
        if ch in _APOSTROPHES:
            return f"[{_APOSTROPHES}]"
        return re.escape(ch)
    return r"\s+".join("".join(char(ch) for ch in word) for word in phrase.lower().split())


def load_cue_lexicon(path: str | Path, *, section: str,
                     polarities: Sequence[str] | None = None,
                     entry_keys: Sequence[str] = (),
                     extras: Sequence[str] = ()) -> CueLexicon:
    """Load, validate and compile a cue lexicon.

    The file has one top-level key, ``section``, holding a list of entries::

        frames:
          - id: treaty_negotiation          # lower case, digits, underscores
            label: Peace-treaty negotiation # required
            description: ...                # optional
            phrases: [sign a peace treaty]  # literal, matched as whole words
            tokens: ['[the] peace treaty (talks | negotiat*)']   # token patterns (cue_tokens)
            patterns: ['peace treaty (?:talks|negotiations?)']   # regex, lower case

    A top-level ``terms:`` mapping names token patterns that ``<name>`` in a
    token pattern refers to (:mod:`kuril_research.coding.cue_tokens`).

    With ``polarities`` every entry needs a ``polarity`` (its cues' default) and
    a cue may override it by being written as a mapping, e.g.
    ``- {phrase: export ban, polarity: restriction}``.

    Parameters
    ----------
    path : str or Path
        The YAML file.
    section : str
        Name of the top-level list, e.g. ``"frames"`` or ``"categories"``.
    polarities : sequence of str, optional
        Allowed polarity values; ``None`` means the lexicon has no polarities.
    entry_keys : sequence of str, optional
        Extra entry keys allowed: ``"side"`` (one of :data:`SIDES`; also allowed
        on a single cue, where ``none`` switches it off) and ``"when_ended"``
        (another entry's id — the match is re-coded to it —, ``+`` and an id — it
        is coded with that entry too —, or ``drop``).
    extras : sequence of str, optional
        Other top-level keys allowed; kept as read in ``.extras``.

    Returns
    -------
    CueLexicon

    Raises
    ------
    LexiconError
        Naming the file and line, for: invalid YAML, an unknown key, a missing
        or empty ``id`` or ``label``, a malformed or duplicate ``id``, an entry
        without cues, an empty phrase or pattern, an invalid regex, a pattern
        with upper-case letters, named groups or back-references or that can
        match empty text, a token pattern that cannot be compiled, a cue listed
        twice, or an unknown polarity, side or ``when_ended`` entry.

    Examples
    --------
    >>> lex = load_cue_lexicon(_example_lexicon(), section="frames")
    >>> lex.ids, [c.text for c in lex.cues]
    (['negotiation'], ['peace treaty', 'peace treaty (?:talks|negotiations?)'])
    """
    path = Path(path)
    document = load_yaml(path)
    noun = section[:-3] + "y" if section.endswith("ies") else section.rstrip("s")
    allowed = _ENTRY_KEYS + (("polarity",) if polarities else ()) + tuple(entry_keys)

    def fail(message: str, line: int | None, hint: str) -> LexiconError:
        return LexiconError(message, path=path, line=line, hint=hint)

    if not isinstance(document, LineDict) or section not in document:
        raise fail(f"expected a top-level {section!r} list", getattr(document, "line", 1) or 1,
                   f"start the file with `{section}:` followed by a list of entries")
    for key in document:
        if key not in (section, "terms", "exclude", *extras):
            raise fail(f"unknown top-level key {key!r}", document.lines[key],
                       f"the top-level keys are: {', '.join((section, 'terms', 'exclude', *extras))}")
    terms = document.get("terms") or LineDict()
    if not isinstance(terms, LineDict):
        raise fail("`terms` must be a mapping of names to token patterns", document.lines["terms"],
                   "write one `name: token pattern` per line")
    for name, value in terms.items():
        if not isinstance(name, str) or not ENTRY_ID_RE.fullmatch(name) or not isinstance(value, str):
            raise fail(f"term {name!r} must be a lower-case name with a token pattern", terms.lines[name],
                       "write `name: token pattern`, e.g. `ww2: (second world war | world war ii)`")
    for name in terms:
        try:
            compile_tokens(terms[name], terms)
        except TokenPatternError as exc:
            raise fail(f"term {name!r}: {exc}", terms.lines[name], "fix the token pattern") from None
    items = document[section]
    if not isinstance(items, LineList) or not items:
        raise fail(f"{section!r} must be a non-empty list", document.lines[section],
                   f"write each {noun} as a list item starting with `- id:`")

    entries: list[Entry] = []
    cues: list[Cue] = []
    first_line: dict[str, int] = {}
    cue_line: dict = {}
    ended_ids: list[tuple[object, int]] = []
    excluded: list[Cue] = []
    for item, item_line in zip(items, items.lines):
        if not isinstance(item, LineDict):
            raise fail(f"{noun} must be a mapping with id, label and cues", item_line,
                       f"start the {noun} with `- id: ...`")
        for key in item:
            if key not in allowed:
                raise fail(f"unknown key {key!r}", item.lines[key], f"allowed keys: {', '.join(allowed)}")
        for key in ("id", "label") + (("polarity",) if polarities else ()):
            value = item.get(key)
            if not isinstance(value, str) or not value.strip():
                raise fail(f"{noun} has no {key}" if value is None else f"{key} must be non-empty text",
                           item.lines.get(key, item.line), f"give every {noun} a `{key}:`")
        entry_id = item["id"]
        if not ENTRY_ID_RE.fullmatch(entry_id):
            raise fail(f"id {entry_id!r} is not a valid identifier", item.lines["id"],
                       "use lower-case letters, digits and underscores, starting with a letter")
        if entry_id in first_line:
            raise fail(f"duplicate id {entry_id!r} (first on line {first_line[entry_id]})",
                       item.lines["id"], "give each entry its own id, or merge the two")
        first_line[entry_id] = item.lines["id"]
        default = item.get("polarity")
        if polarities and default not in polarities:
            raise fail(f"unknown polarity {default!r}", item.lines["polarity"],
                       f"use one of: {', '.join(polarities)}")
        description = item.get("description") or ""
        side = item.get("side")
        if "side" in item and side not in SIDES:
            raise fail(f"unknown side {side!r}", item.lines["side"], f"use one of: {', '.join(SIDES)}")
        when_ended = item.get("when_ended")
        if "when_ended" in item:
            ended_ids.append((when_ended, item.lines["when_ended"]))
        entries.append(Entry(entry_id, item["label"].strip(), str(description).strip(), default, item.line,
                             side, when_ended))

        n_before = len(cues)
        for kind, key in (("phrase", "phrases"), ("tokens", "tokens"), ("pattern", "patterns")):
            values = item.get(key)
            if values is None:
                continue
            if not isinstance(values, LineList):
                raise fail(f"{key!r} must be a list", item.lines[key], f"write one {kind} per line as `- ...`")
            for value, line in zip(values, values.lines):
                text, polarity, cue_side = _cue_item(value, kind, default, polarities, line, fail,
                                                     sides="side" in entry_keys, side=side)
                if kind == "phrase":
                    regex = _phrase_regex(text)
                elif kind == "tokens":
                    try:
                        regex = compile_tokens(text, terms)
                    except TokenPatternError as exc:
                        raise fail(f"token pattern {text!r}: {exc}", line, "fix the token pattern") from None
                else:
                    regex = _check_pattern(text, line, fail)
                if regex in cue_line or (entry_id, text) in cue_line:
                    first = cue_line.get(regex, cue_line.get((entry_id, text)))
                    raise fail(f"{kind} {text!r} is listed twice (first on line {first})", line,
                               "delete one of them")
                cue_line[regex] = cue_line[(entry_id, text)] = line
                cues.append(Cue(entry_id, kind, text, polarity, line, regex, cue_side, when_ended))
        if len(cues) == n_before:
            raise fail(f"{noun} {entry_id!r} has no phrases or patterns", item.line,
                       "add at least one cue under `phrases:` or `patterns:`")

    stop_words = document.get("exclude")
    if stop_words is not None:
        if not isinstance(stop_words, LineList):
            raise fail("`exclude` must be a list of token patterns", document.lines["exclude"],
                       "write one token pattern per line as `- ...`")
        for value, line in zip(stop_words, stop_words.lines):
            if not isinstance(value, str) or not value.strip():
                raise fail(f"exclude: {value!r} is not a token pattern", line, "write the words, or delete the line")
            try:
                regex = compile_tokens(value, terms)
            except TokenPatternError as exc:
                raise fail(f"exclude: token pattern {value!r}: {exc}", line, "fix the token pattern") from None
            if regex in cue_line:
                raise fail(f"exclude {value!r} is also a cue (line {cue_line[regex]})", line, "delete one of them")
            excluded.append(Cue("", "exclude", " ".join(value.split()), None, line, regex))
    for target, line in ended_ids:
        if target != "drop" and str(target).removeprefix("+") not in first_line:
            raise fail(f"when_ended {target!r} is not an entry of this file", line,
                       f"use `drop`, an entry id, or + and an entry id: {', '.join(first_line)}")
    scan, last, probe = _compile_scans([cue.regex for cue in cues + excluded])
    return CueLexicon(path, file_sha256(path), tuple(entries), tuple(cues), scan, last, probe,
                      dict(terms), {key: document[key] for key in extras if key in document}, tuple(excluded))


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
    """The piece's first character when it is a plain literal (so the piece is ``c`` + the rest), else None."""
    from re import _constants as c, _parser

    if not piece or piece[0] in _META:
        return None
    tree = _parser.parse(piece)
    return piece[0] if len(tree) and tree[0] == (c.LITERAL, ord(piece[0])) else None


def _compile_scans(regexes: Sequence[str]) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Compile ``scan``, ``last`` and ``probe`` for cue regexes (see above)."""
    from re import _parser

    branches: dict[str, list[tuple[str, str]]] = {}         # first character → (group, rest), in file order
    others: list[tuple[str, str]] = []                        # (group, piece)
    for i, regex in enumerate(regexes):
        try:
            flags = _parser.parse(regex).state.flags
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


def _cue_item(value: Any, kind: str, default: str | None, polarities: Sequence[str] | None,
              line: int, fail, *, sides: bool = False, side: str | None = None) -> tuple[str, str | None, str | None]:
    """Return (text, polarity, side) of one list item: a string, or a mapping with a polarity or side."""
    polarity = default
    if isinstance(value, LineDict):
        allowed = (kind,) + (("polarity",) if polarities else ()) + (("side",) if sides else ())
        if "side" in value and sides:
            side = value["side"]
            if side not in (*SIDES, "none"):
                raise fail(f"unknown side {side!r}", value.lines["side"], f"use one of: {', '.join(SIDES)}, none")
            side = None if side == "none" else side
        for key in value:
            if key not in allowed:
                raise fail(f"unknown key {key!r}", value.lines[key], f"allowed keys here: {', '.join(allowed)}")
        if "polarity" in value:
            polarity = value["polarity"]
            if polarity not in polarities:
                raise fail(f"unknown polarity {polarity!r}", value.lines["polarity"],
                           f"use one of: {', '.join(polarities)}")
        value = value.get(kind)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise fail(f"empty {kind}", line, f"write the {kind}, or delete the line")
    if not isinstance(value, str):
        raise fail(f"{kind} {value!r} is not text", line, "put it in quotes")
    return " ".join(value.split()) if kind in ("phrase", "tokens") else value.strip(), polarity, side


def _check_pattern(pattern: str, line: int, fail) -> str:
    """Validate a researcher's regex and return it."""
    if GROUP_REFERENCE_RE.search(pattern):
        raise fail(f"pattern {pattern!r} uses a named group or back-reference", line,
                   "group with (?:...) instead")
    try:
        compiled = re.compile(f"(?:{pattern})")
    except re.error as exc:
        raise fail(f"invalid regular expression {pattern!r}: {exc.msg} at position {exc.pos}", line,
                   "fix the pattern (test it with Python's re module)") from None
    if UPPER_CASE_RE.search(pattern):
        raise fail(f"pattern {pattern!r} has upper-case letters, but text is lower-cased before matching",
                   line, "write the pattern in lower case")
    if compiled.match("") is not None:
        raise fail(f"pattern {pattern!r} can match empty text", line,
                   "make at least one character required (check ? and * quantifiers)")
    return pattern


def assign_voice(spans: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Add ``voice`` and ``speaker`` to spans: quoted when wholly inside a quotation.

    Parameters
    ----------
    spans : DataFrame
        With ``doc_id``, ``start`` and ``end`` (offsets into ``documents.text``).
    quotes : DataFrame
        Table ``quotes`` of :mod:`kuril_research.schema`; quotations of one
        document are assumed not to overlap.

    Returns
    -------
    DataFrame
        A copy of ``spans`` with ``voice`` (``quoted`` if ``quote.start <= start``
        and ``end <= quote.end`` for a quotation of the same document, else
        ``narrator``) and ``speaker`` (the quotation's speaker, ``<NA>`` for the
        narrator or when the text does not say who spoke).

    Examples
    --------
    >>> spans = pd.DataFrame({"doc_id": ["a", "a"], "start": [1, 8], "end": [4, 12]})
    >>> quotes = schema.conform("quotes", [{"doc_id": "a", "start": 0, "end": 5, "speaker": "peskov"}])
    >>> assign_voice(spans, quotes)[["start", "voice", "speaker"]]
       start     voice speaker
    0      1    quoted  peskov
    1      8  narrator    <NA>
    """
    out = spans.copy()
    voice = np.full(len(spans), "narrator", dtype=object)
    speaker = np.full(len(spans), None, dtype=object)
    if len(spans) and len(quotes):
        docs = pd.Index(pd.concat([spans["doc_id"], quotes["doc_id"]]).unique())
        stride = int(max(spans["end"].max(), quotes["end"].max())) + 1
        quote_doc = docs.get_indexer(quotes["doc_id"]).astype(np.int64) * stride
        quote_start = quote_doc + quotes["start"].to_numpy(dtype=np.int64)
        quote_end = quote_doc + quotes["end"].to_numpy(dtype=np.int64)
        order = np.argsort(quote_start, kind="stable")
        span_doc = docs.get_indexer(spans["doc_id"]).astype(np.int64) * stride
        span_start = span_doc + spans["start"].to_numpy(dtype=np.int64)
        span_end = span_doc + spans["end"].to_numpy(dtype=np.int64)
        nearest = np.searchsorted(quote_start[order], span_start, side="right") - 1
        candidate = order[np.maximum(nearest, 0)]
        inside = (nearest >= 0) & (span_end <= quote_end[candidate])
        voice[inside] = "quoted"
        speaker[inside] = quotes["speaker"].to_numpy(dtype=object)[candidate[inside]]
    out["voice"] = pd.array(voice, dtype="string")
    out["speaker"] = pd.array(speaker, dtype="string")
    return out


# --- small hand-made corpora for examples and tests ------------------------------------------

def _example_corpus(
    docs: Mapping[str, Sequence[Sequence[str]]],
    *,
    documents: Mapping[str, Mapping[str, Any]] | None = None,
    quotes: Sequence[tuple[str, str, str | None]] = (),
    mentions: Sequence[tuple[str, str, str, str]] = (),
) -> Corpus:
    """Build a small :class:`Corpus` by hand, the way a reader would check it on paper.

    For doctests and tests: the tables are written out with ``schema.conform``
    and do not depend on the parser, sentence splitter, gazetteer or voice
    rules, so expected numbers can be checked on paper and stay put when those
    rules change.

    Parameters
    ----------
    docs : mapping
        ``{doc_id: [[sentence, ...], ...]}``: paragraphs of sentences. Sentences
        of a paragraph are joined by one space, paragraphs by ``"\\n\\n"``.
    documents : mapping, optional
        ``{doc_id: {column: value}}`` for other ``documents`` columns (``outlet``, ``year``...).
    quotes : sequence of (doc_id, quoted words, speaker)
        Each quotation is the first occurrence of the words in that document.
    mentions : sequence of (surface, entity, entity_type, naming)
        Every whole-word, case-sensitive occurrence of ``surface`` in every
        document becomes a mention; its voice is ``quoted`` (with the
        quotation's speaker) inside a quotation, else ``narrator``.

    Examples
    --------
    >>> c = _example_corpus({"a": [["One.", "Two."], ["Three."]]})
    >>> c.sentences[["sent_id", "para_id", "start", "end", "text"]]
       sent_id  para_id  start  end    text
    0        0        0      0    4    One.
    1        1        0      5    9    Two.
    2        2        1     11   17  Three.
    """
    documents = documents or {}
    doc_rows, para_rows, sent_rows, quote_rows, mention_rows = [], [], [], [], []
    for doc_id, paragraphs in docs.items():
        text, sent_id = "", 0
        for para_id, sentences in enumerate(paragraphs):
            if para_id:
                text += "\n\n"
            para_start = len(text)
            for i, sentence in enumerate(sentences):
                text += " " if i else ""
                sent_rows.append({"doc_id": doc_id, "sent_id": sent_id, "para_id": para_id,
                                  "start": len(text), "end": len(text) + len(sentence), "text": sentence})
                text += sentence
                sent_id += 1
            para_rows.append({"doc_id": doc_id, "para_id": para_id, "start": para_start, "end": len(text)})
        doc_rows.append({"doc_id": doc_id, "text": text, "n_paragraphs": len(paragraphs),
                         "n_sentences": sent_id, **documents.get(doc_id, {})})
        for quote_id, (_, words, speaker) in enumerate(q for q in quotes if q[0] == doc_id):
            start = text.find(words)
            if start < 0:
                raise ValueError(f"quotation {words!r} is not in document {doc_id!r}")
            quote_rows.append({"doc_id": doc_id, "quote_id": quote_id, "start": start,
                               "end": start + len(words), "text": words, "speaker": speaker})
        for surface, entity, entity_type, naming in mentions:
            for found in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
                mention_rows.append({"doc_id": doc_id, "start": found.start(), "end": found.end(),
                                     "surface": surface, "entity": entity,
                                     "entity_type": entity_type, "naming": naming})
    sentences = schema.conform("sentences", sent_rows)
    for row in quote_rows:
        row["para_id"] = _locate(sentences, row["doc_id"], row["start"])[1]
    quotes_table = schema.conform("quotes", quote_rows)
    for row in mention_rows:
        row["sent_id"], row["para_id"] = _locate(sentences, row["doc_id"], row["start"])
    mentions_table = schema.conform("mentions", mention_rows)
    if len(mentions_table):
        voiced = assign_voice(mentions_table, quotes_table)
        mentions_table["voice"] = voiced["voice"]
        mentions_table["speaker"] = voiced["speaker"]
        mentions_table = mentions_table.sort_values(["doc_id", "start"], ignore_index=True)
    return Corpus(documents=schema.conform("documents", doc_rows),
                  paragraphs=schema.conform("paragraphs", para_rows),
                  sentences=sentences, quotes=quotes_table, mentions=mentions_table)


def _locate(sentences: pd.DataFrame, doc_id: str, offset: int) -> tuple[int, int]:
    """(sent_id, para_id) of the sentence of ``doc_id`` containing ``offset``."""
    row = sentences[(sentences["doc_id"] == doc_id) & (sentences["start"] <= offset)
                    & (offset < sentences["end"])].iloc[0]
    return int(row["sent_id"]), int(row["para_id"])


def _example_lexicon() -> Path:
    """Write a two-cue frame codebook to a temporary file, for examples."""
    import tempfile

    path = Path(tempfile.mkdtemp()) / "frames.yaml"
    path.write_text(
        "frames:\n"
        "  - id: negotiation\n"
        "    label: Peace-treaty negotiation\n"
        "    phrases: [peace treaty]\n"
        "    patterns: ['peace treaty (?:talks|negotiations?)']\n",
        encoding="utf-8",
    )
    return path
