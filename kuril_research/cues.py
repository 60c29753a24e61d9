"""Cue lexicons: load, validate and match the frame codebook and the trade cues.

A cue lexicon is a YAML file of *entries* (frames in ``frames.yaml``, trade
categories in ``trade.yaml``), each with literal ``phrases`` and regular
expression ``patterns``. :func:`load_cue_lexicon` validates the file, naming the
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

import functools
import itertools
import re
import sys
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import memo, schema
from .corpus import Corpus
from .errors import LexiconError
from .lexicons import LineDict, LineList, file_sha256, load_yaml

__all__ = ["Cue", "Entry", "CueLexicon", "load_cue_lexicon", "find_in_sentences", "assign_voice"]

#: Entry ids: lower-case letters, digits and underscores, starting with a letter.
ENTRY_ID_RE = re.compile(r"[a-z][a-z0-9_]*")
#: Upper-case letters that are not part of an escape such as ``\S`` or ``\W``.
UPPER_CASE_RE = re.compile(r"(?<!\\)[A-Z]")
#: Named groups ``(?P<x>...)``, named back-references ``(?P=x)`` and numbered ones ``\1``.
GROUP_REFERENCE_RE = re.compile(r"\(\?P[<=]|\\[1-9]")

_DASHES = "-\u2010\u2011\u2012\u2013\u2014"
_APOSTROPHES = "'\u2019"
#: Joins sentences for one scan; matched by neither ``\w`` nor ``\s``.
_SEPARATOR = "\x00"
_ENTRY_KEYS = ("id", "label", "description", "phrases", "patterns")


@dataclass(frozen=True)
class Entry:
    """One frame or trade category of a lexicon, with the line it starts on."""

    id: str
    label: str
    description: str
    polarity: str | None
    line: int


@dataclass(frozen=True)
class Cue:
    """One phrase or pattern as written in the file, with the regex it compiles to."""

    entry: str
    kind: str          # "phrase" | "pattern"
    text: str          # as written in the file
    polarity: str | None
    line: int
    regex: str


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
        Every phrase and pattern, in file order.
    """

    path: Path
    sha256: str
    entries: tuple[Entry, ...]
    cues: tuple[Cue, ...]
    _scan: re.Pattern = field(repr=False)
    _last: re.Pattern = field(repr=False)
    _probe: re.Pattern = field(repr=False)

    def __repr__(self) -> str:
        return (f"CueLexicon({self.path.name!r}, {len(self.entries)} entries, "
                f"{len(self.cues)} cues, sha256={self.sha256[:12]}…)")

    @property
    def ids(self) -> list[str]:
        """Entry ids in file order."""
        return [entry.id for entry in self.entries]

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
        original, lowered, offsets, lengths = _joined(sentences)
        scan_cue, last_cue, probe_groups = (_cue_of_group(rx) for rx in (self._scan, self._last, self._probe))
        runs = _candidate_runs(self, _split_joined(sentences), offsets, lengths) if prefilter else None
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


# --- prefilter: skip the sentences where no cue can match --------------------------------------
#
# Python's re tries every cue at every word start, which is slow on a large corpus. Arrow's RE2
# first marks the sentences where some cue *may* match, with a pattern that matches a superset of
# what the cues match (lookarounds and \b are dropped, i.e. taken as true; \w, \d and \s are the
# exact sets Python uses); re then scans only runs of marked sentences, each from its real
# position in the joined text (so a lookbehind sees what it saw before) up to the separator after
# the run. That gives exactly the matches of one scan of everything provided no cue can match the
# separator or look past it (no lookaround, no $ or \Z, nothing that matches "\x00": ., \W, [^...]);
# the shipped lexicons qualify. For any other lexicon, or a pattern RE2 cannot take, everything
# is scanned as before.

class _Untranslatable(Exception):
    pass


@functools.cache
def _category_classes() -> dict:
    """RE2 class bodies of Python's \\w, \\d and \\s (exact, for all code points), and ASCII subsets of all six.

    The full classes are read off Python's ``re`` itself: the runs of code points it matches.
    """
    from re import _constants as c

    every = "".join(map(chr, range(sys.maxunicode + 1)))

    def ranges(category: str) -> str:
        return "".join(f"\\x{{{m.start():x}}}" if m.end() - m.start() == 1 else
                       f"\\x{{{m.start():x}}}-\\x{{{m.end() - 1:x}}}" for m in re.finditer(category + "+", every))

    def word(ch: str) -> bool:
        return ch.isalnum() or ch == "_"

    tests = {c.CATEGORY_WORD: word, c.CATEGORY_DIGIT: str.isdecimal, c.CATEGORY_SPACE: str.isspace,
             c.CATEGORY_NOT_WORD: lambda ch: not word(ch), c.CATEGORY_NOT_DIGIT: lambda ch: not ch.isdecimal(),
             c.CATEGORY_NOT_SPACE: lambda ch: not ch.isspace()}
    full = {c.CATEGORY_WORD: ranges(r"\w"), c.CATEGORY_DIGIT: ranges(r"\d"), c.CATEGORY_SPACE: ranges(r"\s")}
    ascii_part = {cat: "".join(f"\\x{{{i:x}}}" for i in range(128) if test(chr(i))) for cat, test in tests.items()}
    return {"full": full, "ascii": ascii_part}


def _re2(tree) -> str:
    """An RE2 pattern matching at least every string the parsed Python pattern ``tree`` matches."""
    from re import _constants as c

    classes = _category_classes()
    negated = {c.CATEGORY_NOT_WORD: c.CATEGORY_WORD, c.CATEGORY_NOT_DIGIT: c.CATEGORY_DIGIT,
               c.CATEGORY_NOT_SPACE: c.CATEGORY_SPACE}

    def literal(code: int) -> str:
        return f"\\x{{{code:x}}}"

    def category(cat) -> str:
        return f"[^{classes['full'][negated[cat]]}]" if cat in negated else f"[{classes['full'][cat]}]"

    out = []
    for op, av in tree:
        if op is c.LITERAL:
            out.append(literal(av))
        elif op is c.NOT_LITERAL:
            out.append(f"[^{literal(av)}]")
        elif op is c.ANY:
            out.append("(?s:.)")
        elif op is c.IN:
            items = list(av)
            negate = bool(items) and items[0][0] is c.NEGATE
            parts, alternatives = [], []
            for item_op, item in items[1:] if negate else items:
                if item_op is c.LITERAL:
                    parts.append(literal(item))
                elif item_op is c.RANGE:
                    parts.append(f"{literal(item[0])}-{literal(item[1])}")
                elif item_op is c.CATEGORY and negate:
                    parts.append(classes["ascii"][item])         # excluding less than Python does: a superset
                elif item_op is c.CATEGORY:
                    alternatives.append(category(item))
                else:
                    raise _Untranslatable(item_op)
            body = "".join(parts)
            if negate:
                out.append(f"[^{body}]" if body else "(?s:.)")
            else:
                out.append("(?:" + "|".join(([f"[{body}]"] if body else []) + alternatives) + ")"
                           if alternatives else f"[{body}]")
        elif op is c.CATEGORY:
            out.append(category(av))
        elif op is c.BRANCH:
            out.append("(?:" + "|".join(_re2(branch) for branch in av[1]) + ")")
        elif op is c.SUBPATTERN:
            _group, add_flags, del_flags, inner = av
            if add_flags or del_flags:
                raise _Untranslatable("inline flags")
            out.append("(?:" + _re2(inner) + ")")
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
            low, high, inner = av
            if low > 1000 or (high != c.MAXREPEAT and high > 1000):
                raise _Untranslatable("repeat count")
            out.append("(?:" + _re2(inner) + ")" + (f"{{{low},}}" if high == c.MAXREPEAT else f"{{{low},{high}}}"))
        elif op is getattr(c, "ATOMIC_GROUP", None):
            out.append("(?:" + _re2(av) + ")")
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue                                              # anchors and lookarounds: taken as true
        else:
            raise _Untranslatable(op)
    return "".join(out)


def _reads_separator(tree) -> bool:
    """Whether a parsed pattern could match the separator "\\x00" or look beyond where it stops."""
    from re import _constants as c

    negative = (c.CATEGORY_NOT_DIGIT, c.CATEGORY_NOT_WORD, c.CATEGORY_NOT_SPACE)   # the classes "\\x00" is in
    for op, av in tree:
        if op in (c.NOT_LITERAL, c.ANY, c.ASSERT, c.ASSERT_NOT) or (op is c.LITERAL and av == 0):
            return True
        if op is c.AT and av not in (c.AT_BOUNDARY, c.AT_NON_BOUNDARY):
            return True                                           # $, \\Z, ^, \\A: they see the string's ends
        if op is c.CATEGORY and av in negative:
            return True
        if op is c.IN:
            for item_op, item in av:
                if item_op is c.NEGATE or (item_op is c.CATEGORY and item in negative) \
                        or (item_op is c.LITERAL and item == 0) or (item_op is c.RANGE and item[0] == 0):
                    return True
        if op is c.BRANCH and any(_reads_separator(branch) for branch in av[1]):
            return True
        if op is c.SUBPATTERN and _reads_separator(av[3]):
            return True
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)) \
                and _reads_separator(av[2]):
            return True
        if op is getattr(c, "ATOMIC_GROUP", None) and _reads_separator(av):
            return True
    return False


_PREFILTERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _prefilter(lexicon: CueLexicon) -> str | None:
    """The lexicon's RE2 prefilter pattern (made once), or None when a cue cannot be translated or is not safe."""
    if lexicon not in _PREFILTERS:
        from re import _parser

        try:
            cues = []
            for cue in lexicon.cues:
                tree = _parser.parse(cue.regex)
                if tree.state.flags & ~re.UNICODE or _reads_separator(tree):
                    raise _Untranslatable(cue.text)
                cues.append(_re2(tree))
            word = _category_classes()["full"][re._constants.CATEGORY_WORD]
            # as the scan: not after a word character, not followed by one (the separator counts as neither)
            pattern = f"(?:^|[^{word}])(?:" + "|".join(cues) + f")(?:[^{word}]|$)"
        except (_Untranslatable, re.error, RecursionError):
            pattern = None
        _PREFILTERS[lexicon] = pattern
    return _PREFILTERS[lexicon]


def _candidate_runs(lexicon: CueLexicon, parts: pa.Array | None, offsets: np.ndarray,
                    lengths: np.ndarray) -> list[tuple[int, int]] | None:
    """Stretches of the joined text to scan: runs of sentences where a cue may match (None: scan it all).

    ``parts`` are the lower-cased sentences as :func:`_split_sentences` gives them (None: not available).
    """
    pattern = _prefilter(lexicon)
    if pattern is None or parts is None or len(offsets) == 0:
        return None
    try:
        maybe = pc.match_substring_regex(parts, pattern=pattern)
    except (pa.ArrowException, UnicodeError):                  # RE2 refused the pattern, or text Arrow cannot hold
        return None
    return _runs(offsets, lengths, np.flatnonzero(pc.fill_null(maybe, True).to_numpy(zero_copy_only=False)))


def _split_sentences(lowered: str, offsets: np.ndarray, lengths: np.ndarray) -> pa.Array:
    """The lower-cased sentences as an Arrow array, each but the last followed by the separator.

    The separator is neither a word character nor matched by a cue the prefilter is used for, so it
    changes no prefilter result. When no sentence holds the separator, the array is made from the
    UTF-8 bytes of ``lowered`` cut at each separator (no Python string per sentence).
    """
    data = lowered.encode("utf-8")
    cuts = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 0) if len(offsets) > 1 else np.empty(0, np.int64)
    if len(cuts) != len(offsets) - 1:                         # a separator inside a sentence
        return pa.array([lowered[o:o + n] for o, n in zip(offsets.tolist(), lengths.tolist())],
                        type=pa.large_string())
    bounds = np.concatenate([[0], cuts + 1, [len(data)]]).astype(np.int64)
    return pa.LargeStringArray.from_buffers(len(offsets), pa.py_buffer(bounds), pa.py_buffer(data))


#: The sentences columns a cue match depends on.
_MATCH_COLUMNS = ["doc_id", "sent_id", "para_id", "start", "text"]
_MATCHES = memo.Memo()


def _cue_of_group(regex: re.Pattern) -> dict[int, int]:
    """Group number → cue index, for the ``_cue<i>`` (or ``_cue<i>_<k>``) groups that end each cue's alternative."""
    return {number: int(name[4:].split("_")[0]) for name, number in regex.groupindex.items()
            if name.startswith("_cue")}


_JOINS = memo.Memo()


def _joined(sentences: pd.DataFrame) -> tuple[str, str, np.ndarray, np.ndarray]:
    """:func:`_join` of ``sentences["text"]``, remembered while the table lives unchanged (one join for
    the scans of several lexicons, e.g. the trade lexicon and the frame codebook)."""
    token = memo.fingerprint((sentences, ["text"]))
    joined = _JOINS.get(sentences, "text", token)
    if joined is None:
        joined = _join(sentences["text"])
        _JOINS.put(sentences, "text", token, joined)
    return joined


_SPLITS = memo.Memo()


def _split_joined(sentences: pd.DataFrame) -> pa.Array | None:
    """:func:`_split_sentences` of :func:`_joined`, remembered like it (one split for the prefilters of
    several lexicons); None when Arrow cannot hold the text."""
    token = memo.fingerprint((sentences, ["text"]))
    parts = _SPLITS.get(sentences, "text", token)
    if parts is None:
        _original, lowered, offsets, lengths = _joined(sentences)
        try:
            parts = _split_sentences(lowered, offsets, lengths)
        except (pa.ArrowException, UnicodeError):
            return None
        _SPLITS.put(sentences, "text", token, parts)
    return parts


def _join(texts: pd.Series) -> tuple[str, str, np.ndarray, np.ndarray]:
    """Join texts for one scan: (original, lower-cased, offset of each text, length of each text).

    An Arrow-backed column is joined in Arrow, without a Python string per text.
    """
    arrow = _arrow_strings(texts)
    lowered = None
    if arrow is not None:
        arrow = pc.fill_null(arrow, "")

        def joined(parts: pa.Array) -> str:
            whole = pa.LargeListArray.from_arrays(pa.array([0, len(parts)], type=pa.int64()), parts)
            return pc.binary_join(whole, pa.scalar(_SEPARATOR, type=pa.large_string()))[0].as_py()

        original = joined(arrow)
        lengths = pc.utf8_length(arrow).to_numpy(zero_copy_only=False).astype(np.int64)
        parts = _lower_arrow(arrow)
        lowered = joined(parts) if parts is not None else None
    else:
        values = texts.fillna("").tolist()
        original = _SEPARATOR.join(values)
        lengths = np.fromiter((len(t) for t in values), dtype=np.int64, count=len(values))
    offsets = np.concatenate([[0], np.cumsum(lengths + len(_SEPARATOR))[:-1]]).astype(np.int64)
    return original, _lower(original) if lowered is None else lowered, offsets, lengths


@functools.cache
def _cased_class() -> str:
    """RE2 class body of the non-ASCII characters Python's ``str.lower`` changes (read off Python itself)."""
    changed = np.array([i for i in range(128, sys.maxunicode + 1) if chr(i).lower() != chr(i)], dtype=np.int64)
    first = np.flatnonzero(np.diff(changed, prepend=-2) != 1)
    last = np.append(first[1:], len(changed)) - 1
    return "".join(f"\\x{{{a:x}}}" if a == b else f"\\x{{{a:x}}}-\\x{{{b:x}}}"
                   for a, b in zip(changed[first].tolist(), changed[last].tolist()))


def _lower_arrow(texts: pa.Array) -> pa.Array | None:
    """The texts lower-cased as :func:`_lower` lower-cases their join, in Arrow (None: cannot tell).

    Python's ``str.lower`` of a text that is not pure ASCII walks the Unicode tables
    character by character (about 50 million characters a second); news text almost
    always holds a curly quote or a dash, so that is every join. But a text without
    any non-ASCII character that ``str.lower`` changes is lower-cased exactly by
    lower-casing its ASCII letters, which Arrow does at memory speed. Only the texts
    holding such a character (found by RE2 with the exact class, :func:`_cased_class`)
    go through Python, and character by character when :func:`_lower` of the whole join
    would (some character lengthens), so the result is :func:`_lower` of the join cut
    at the separators. Context (Greek final sigma) never reaches across the separator,
    which is neither cased nor case-ignorable.

    Examples
    --------
    >>> texts = pa.array(["Kuril ISLANDS", "ΟΔΥΣΣΕΥΣ", "İstanbul ’Ok’"], type=pa.large_string())
    >>> _lower_arrow(texts).to_pylist() == _lower("\\x00".join(texts.to_pylist())).split("\\x00")
    True
    """
    try:
        cased = pc.match_substring_regex(texts, pattern=f"[{_cased_class()}]")
    except (pa.ArrowException, UnicodeError):
        return None
    lowered = pc.ascii_lower(texts)
    rows = np.flatnonzero(pc.fill_null(cased, False).to_numpy(zero_copy_only=False))
    if not len(rows):
        return lowered
    some = texts.take(pa.array(rows)).to_pylist()
    fixed = [t.lower() for t in some]
    if any(len(a) != len(b) for a, b in zip(fixed, some)):    # _lower of the join goes character by character
        fixed = ["".join(low if len(low := ch.lower()) == 1 else ch for ch in t) for t in some]
    mask = np.zeros(len(texts), dtype=bool)
    mask[rows] = True
    return pc.replace_with_mask(lowered, pa.array(mask), pa.array(fixed, type=lowered.type))


def _arrow_strings(texts: pd.Series) -> pa.Array | None:
    """An Arrow-backed text column as one ``large_string`` array (no copy of the texts), else None."""
    array = texts.array
    if not isinstance(array, pd.arrays.ArrowExtensionArray) or not len(array):
        return None
    arrow = array.__arrow_array__()
    if isinstance(arrow, pa.ChunkedArray):
        arrow = arrow.combine_chunks() if arrow.num_chunks != 1 else arrow.chunk(0)
    if not (pa.types.is_string(arrow.type) or pa.types.is_large_string(arrow.type)):
        return None
    return arrow.cast(pa.large_string()) if arrow.type != pa.large_string() else arrow


def find_in_sentences(sentences: pd.DataFrame, regex: re.Pattern) -> pd.DataFrame:
    """Find a lower-case regex in every sentence, in one scan.

    Parameters
    ----------
    sentences : DataFrame
        Table ``sentences`` of :mod:`kuril_research.schema`.
    regex : re.Pattern
        Matched against the lower-cased sentences; matches never cross a sentence.

    Returns
    -------
    DataFrame
        One row per match: ``doc_id, sent_id, start, end`` (offsets into
        ``documents.text``), ``text`` (as written) and one column per named group
        of ``regex`` (lower-cased; ``None`` when the group did not take part).

    Examples
    --------
    >>> c = _example_corpus({"a": [["Trade fell 25%.", "It rose 3%."]]})
    >>> find_in_sentences(c.sentences, re.compile(r"(?P<n>\\d+)%"))
      doc_id  sent_id  start  end text   n
    0      a        0     11   14  25%  25
    1      a        1     24   26   3%   3
    """
    return _find_in_joined(sentences, _join(sentences["text"]), regex)


def _find_in_joined(sentences: pd.DataFrame, joined: tuple[str, str, np.ndarray, np.ndarray],
                    regex: re.Pattern, rows: np.ndarray | None = None) -> pd.DataFrame:
    """:func:`find_in_sentences` on sentences already joined by :func:`_join` (one join for several regexes).

    With ``rows`` (sorted positions of sentences), only those sentences are scanned, each run of
    consecutive ones from its real position in the joined text, so a lookbehind or ``\\b`` sees what
    it saw in a scan of everything. That finds exactly the matches a scan of everything finds in them
    provided ``regex`` cannot match the separator and no lookahead of it tells the separator from the
    end of the text (true of negative lookaheads for word characters, ``%`` or white space, as in
    :mod:`kuril_research.trade`).
    """
    return _find_with_rows(sentences, joined, regex, rows)[0]


def _find_with_rows(sentences: pd.DataFrame, joined: tuple[str, str, np.ndarray, np.ndarray],
                    regex: re.Pattern, rows: np.ndarray | None = None) -> tuple[pd.DataFrame, np.ndarray]:
    """:func:`_find_in_joined`, and the position in ``sentences`` of each match's sentence."""
    original, lowered, offsets, lengths = joined
    if rows is None:
        found = list(regex.finditer(lowered))
    else:
        found = [m for run_start, run_end in _runs(offsets, lengths, rows)
                 for m in regex.finditer(lowered, run_start, run_end)]
    start = np.fromiter((m.start() for m in found), dtype=np.int64, count=len(found))
    end = np.fromiter((m.end() for m in found), dtype=np.int64, count=len(found))
    row = np.searchsorted(offsets, start, side="right") - 1
    within = end <= offsets[row] + lengths[row]
    rows = row[within]
    shift = np.asarray(sentences["start"].array.take(rows).to_numpy(dtype=np.int64)) - offsets[rows]
    out = pd.DataFrame({
        "doc_id": pd.array(sentences["doc_id"].array.take(rows), dtype="string"),
        "sent_id": pd.array(sentences["sent_id"].array.take(rows), dtype="Int64"),
        "start": pd.array(start[within] + shift, dtype="Int64"),
        "end": pd.array(end[within] + shift, dtype="Int64"),
        "text": pd.array([original[s:e] for s, e in zip(start[within].tolist(), end[within].tolist())],
                         dtype="string"),
    })
    kept = [m for m, keep in zip(found, within) if keep]
    for name in regex.groupindex:
        out[name] = pd.Series([m.group(name) for m in kept], dtype=object)
    return out, rows


def _runs(offsets: np.ndarray, lengths: np.ndarray, rows: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) in the joined text of each run of consecutive sentences among sorted ``rows``.

    Examples
    --------
    >>> _runs(np.array([0, 4, 9, 12]), np.array([3, 4, 2, 5]), np.array([0, 1, 3]))
    [(0, 8), (12, 17)]
    """
    rows = np.asarray(rows, dtype=np.int64)
    if not len(rows):
        return []
    first = np.flatnonzero(np.diff(rows, prepend=-2) != 1)
    last = np.append(first[1:], len(rows)) - 1
    return list(zip(offsets[rows[first]].tolist(), (offsets[rows[last]] + lengths[rows[last]]).tolist()))


def _rows_with_digit(joined: tuple[str, str, np.ndarray, np.ndarray]) -> np.ndarray | None:
    """Sorted positions of the sentences holding a character Python's ``\\d`` matches (None: cannot tell).

    Exact: the RE2 class is read off Python's ``re`` (:func:`_category_classes`). A regex whose
    every match holds a digit can skip the other sentences (with :func:`_find_in_joined`).

    Examples
    --------
    >>> _rows_with_digit(_join(pd.Series(["no", "year 2015", "", "\u0663 arabic-indic"])))
    array([1, 3])
    """
    _original, lowered, offsets, lengths = joined
    if len(offsets) == 0:
        return np.empty(0, dtype=np.int64)
    digit = _category_classes()["full"][re._constants.CATEGORY_DIGIT]
    try:
        maybe = pc.match_substring_regex(_split_sentences(lowered, offsets, lengths), pattern=f"[{digit}]")
    except (pa.ArrowException, UnicodeError):
        return None
    return np.flatnonzero(pc.fill_null(maybe, True).to_numpy(zero_copy_only=False))


def _lower(text: str) -> str:
    """Lower-case ``text`` without changing its length (offsets must survive)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


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
                     polarities: Sequence[str] | None = None) -> CueLexicon:
    """Load, validate and compile a cue lexicon.

    The file has one top-level key, ``section``, holding a list of entries::

        frames:
          - id: treaty_negotiation          # lower case, digits, underscores
            label: Peace-treaty negotiation # required
            description: ...                # optional
            phrases: [sign a peace treaty]  # literal, matched as whole words
            patterns: ['peace treaty (?:talks|negotiations?)']   # regex, lower case

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
        match empty text, a cue listed twice, or an unknown polarity.

    Examples
    --------
    >>> lex = load_cue_lexicon(_example_lexicon(), section="frames")
    >>> lex.ids, [c.text for c in lex.cues]
    (['negotiation'], ['peace treaty', 'peace treaty (?:talks|negotiations?)'])
    """
    path = Path(path)
    document = load_yaml(path)
    noun = section[:-3] + "y" if section.endswith("ies") else section.rstrip("s")
    allowed = _ENTRY_KEYS + (("polarity",) if polarities else ())

    def fail(message: str, line: int | None, hint: str) -> LexiconError:
        return LexiconError(message, path=path, line=line, hint=hint)

    if not isinstance(document, LineDict) or section not in document:
        raise fail(f"expected a top-level {section!r} list", getattr(document, "line", 1) or 1,
                   f"start the file with `{section}:` followed by a list of entries")
    for key in document:
        if key != section:
            raise fail(f"unknown top-level key {key!r}", document.lines[key],
                       f"the only top-level key is {section!r}")
    items = document[section]
    if not isinstance(items, LineList) or not items:
        raise fail(f"{section!r} must be a non-empty list", document.lines[section],
                   f"write each {noun} as a list item starting with `- id:`")

    entries: list[Entry] = []
    cues: list[Cue] = []
    first_line: dict[str, int] = {}
    cue_line: dict[str, int] = {}
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
        entries.append(Entry(entry_id, item["label"].strip(), str(description).strip(), default, item.line))

        n_before = len(cues)
        for kind, key in (("phrase", "phrases"), ("pattern", "patterns")):
            values = item.get(key)
            if values is None:
                continue
            if not isinstance(values, LineList):
                raise fail(f"{key!r} must be a list", item.lines[key], f"write one {kind} per line as `- ...`")
            for value, line in zip(values, values.lines):
                text, polarity = _cue_item(value, kind, default, polarities, line, fail)
                regex = _phrase_regex(text) if kind == "phrase" else _check_pattern(text, line, fail)
                if regex in cue_line:
                    raise fail(f"{kind} {text!r} is listed twice (first on line {cue_line[regex]})", line,
                               "delete one of them")
                cue_line[regex] = line
                cues.append(Cue(entry_id, kind, text, polarity, line, regex))
        if len(cues) == n_before:
            raise fail(f"{noun} {entry_id!r} has no phrases or patterns", item.line,
                       "add at least one cue under `phrases:` or `patterns:`")

    scan, last, probe = _compile_scans([cue.regex for cue in cues])
    return CueLexicon(path, file_sha256(path), tuple(entries), tuple(cues), scan, last, probe)


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
              line: int, fail) -> tuple[str, str | None]:
    """Return (text, polarity) of one list item: a string, or a mapping with a polarity."""
    polarity = default
    if isinstance(value, LineDict):
        allowed = (kind,) + (("polarity",) if polarities else ())
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
    return " ".join(value.split()) if kind == "phrase" else value.strip(), polarity


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
