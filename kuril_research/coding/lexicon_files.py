"""Cue lexicon files: read and validate a frame codebook or trade lexicon, naming the file and line of a problem.

:func:`load_cue_lexicon` reads a YAML lexicon (format and matching rules:
:mod:`kuril_research.coding.cues`) and compiles each cue once: its regex (from a
phrase or token pattern, :mod:`kuril_research.matching.token_patterns`, or as written)
for the scan, and its RE2 pattern for the prefilter
(:mod:`kuril_research.matching.prefilter`). :class:`LexiconKind` says what a kind
of lexicon allows; :func:`cue_lexicon` is the one loader behind
``framing.load_codebook`` and ``trade.load_lexicon``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kuril_research.matching.cue_lexicon import SIDES, Cue, CueLexicon, Entry
from kuril_research.matching.prefilter import prefilter_pattern
from kuril_research.matching.scan import CueScan
from kuril_research.matching.token_patterns import (
    TokenPatternError,
    compile_tokens,
    phrase_regex,
    prefilter_phrase,
    prefilter_tokens,
)
from kuril_research.errors import LexiconError
from kuril_research.lexicons import LineDict, LineList, data_path, file_sha256, load_yaml

__all__ = ["load_cue_lexicon", "LazyScan", "LexiconKind", "FRAMES", "TRADE", "cue_lexicon"]

#: Entry ids: lower-case letters, digits and underscores, starting with a letter.
ENTRY_ID_RE = re.compile(r"[a-z][a-z0-9_]*")
#: Upper-case letters that are not part of an escape such as ``\S`` or ``\W``.
UPPER_CASE_RE = re.compile(r"(?<!\\)[A-Z]")
#: Named groups ``(?P<x>...)``, named back-references ``(?P=x)`` and numbered ones ``\1``.
GROUP_REFERENCE_RE = re.compile(r"\(\?P[<=]|\\[1-9]")

_ENTRY_KEYS = ("id", "label", "description", "phrases", "tokens", "patterns")


class LazyScan:
    """A :class:`~kuril_research.matching.scan.CueScan` compiled the first time it is used, not when loaded.

    Compiling a lexicon's scans (three regexes over every cue) takes about 3 s for
    the shipped codebook or trade lexicon, and a report notebook that reads stored
    cue tables (:mod:`kuril_research.coding.cue_store`) or only shows a lexicon's
    labels never scans. ``prefilter`` is known at once; any other attribute
    (``find``, ``first``, ``last``, ``probe``) compiles the scan, once. The cue
    regexes were each compiled when the file was read, so a bad one is still
    reported then, with its line.

    Examples
    --------
    >>> scan = LazyScan(["peace treaty"], None)
    >>> scan.compiled
    False
    >>> scan.first.pattern.startswith("(?<!")     # compiled now
    True
    >>> scan.compiled
    True
    """

    def __init__(self, regexes: Sequence[str], prefilter: str | None) -> None:
        self.regexes = list(regexes)
        self.prefilter = prefilter
        self._scan: CueScan | None = None

    @property
    def compiled(self) -> bool:
        """Whether the scan has been compiled yet."""
        return self._scan is not None

    def __getattr__(self, name: str):
        if name.startswith("__") or name in ("regexes", "prefilter", "_scan"):   # unpickling, copying
            raise AttributeError(name)
        if self._scan is None:
            self._scan = CueScan.compile(self.regexes, self.prefilter)
        return getattr(self._scan, name)


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
            tokens: ['[the] peace treaty (talks | negotiat*)']   # token patterns (matching.token_patterns)
            patterns: ['peace treaty (?:talks|negotiations?)']   # regex, lower case

    A top-level ``terms:`` mapping names token patterns that ``<name>`` in a
    token pattern refers to (:mod:`kuril_research.matching.token_patterns`).

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
    >>> from kuril_research.testing import peace_treaty_codebook
    >>> lex = load_cue_lexicon(peace_treaty_codebook(), section="frames")
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
                    regex, prefilter = phrase_regex(text), prefilter_phrase(text)
                elif kind == "tokens":
                    try:
                        regex = compile_tokens(text, terms)
                    except TokenPatternError as exc:
                        raise fail(f"token pattern {text!r}: {exc}", line, "fix the token pattern") from None
                    prefilter = prefilter_tokens(text, terms)
                else:
                    regex, prefilter = _check_pattern(text, line, fail), None     # a raw regex: no prefilter
                if regex in cue_line or (entry_id, text) in cue_line:
                    first = cue_line.get(regex, cue_line.get((entry_id, text)))
                    raise fail(f"{kind} {text!r} is listed twice (first on line {first})", line,
                               "delete one of them")
                cue_line[regex] = cue_line[(entry_id, text)] = line
                cues.append(Cue(entry_id, kind, text, polarity, line, regex, cue_side, when_ended, prefilter))
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
    scan = LazyScan([cue.regex for cue in cues + excluded], prefilter_pattern([c.prefilter for c in cues]))
    return CueLexicon(path, file_sha256(path), tuple(entries), tuple(cues), scan,
                      dict(terms), {key: document[key] for key in extras if key in document}, tuple(excluded))


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


@dataclass(frozen=True)
class LexiconKind:
    """What a kind of cue lexicon holds: its shipped file and the keys :func:`load_cue_lexicon` allows in it."""

    file: str                          # the shipped file in ``kuril_research/data``
    section: str                       # the top-level list of entries
    polarities: tuple[str, ...] | None = None
    entry_keys: tuple[str, ...] = ()
    extras: tuple[str, ...] = ()


#: The frame codebook (``data/frames.yaml``): frames may have a side and a ``when_ended``;
#: enders, speaker sides and reporting verbs are read by :mod:`kuril_research.coding.cue_context`.
FRAMES = LexiconKind("frames.yaml", "frames", entry_keys=("side", "when_ended"),
                     extras=("enders", "passive_enders", "speaker_sides", "reporting_verbs"))
#: The trade lexicon (``data/trade.yaml``): every cue has a polarity.
TRADE = LexiconKind("trade.yaml", "categories", polarities=("cooperation", "restriction"),
                    extras=("enders", "passive_enders"))


def cue_lexicon(kind: LexiconKind, lexicon: CueLexicon | str | Path | None = None) -> CueLexicon:
    """Return ``lexicon`` when it is loaded already, else load the file it names (default: the shipped one).

    Parameters
    ----------
    kind : LexiconKind
        :data:`FRAMES` or :data:`TRADE`.
    lexicon : CueLexicon, str or Path, optional
        A loaded lexicon (returned as it is), the path of a YAML file, or None for ``kind.file``.

    Returns
    -------
    CueLexicon
        The same object as the last call's for the same kind and file while the file's bytes are unchanged.

    Examples
    --------
    >>> codebook = cue_lexicon(FRAMES)
    >>> cue_lexicon(FRAMES, codebook) is codebook, codebook.path.name
    (True, 'frames.yaml')

    A file is read and compiled again only when its bytes have changed:

    >>> cue_lexicon(FRAMES) is codebook
    True
    """
    if isinstance(lexicon, CueLexicon):
        return lexicon
    path = Path(data_path(kind.file) if lexicon is None else lexicon)
    try:
        place, sha256 = (kind, str(path.resolve())), file_sha256(path)
    except OSError:                                   # load_cue_lexicon says what is wrong
        place, sha256 = None, None
    loaded = _LOADED.get(place) if place is not None else None
    if loaded is not None and loaded.sha256 == sha256:
        return loaded
    loaded = load_cue_lexicon(path, section=kind.section, polarities=kind.polarities, entry_keys=kind.entry_keys,
                              extras=kind.extras)
    if place is not None:
        _LOADED[place] = loaded
    return loaded


#: The lexicon last loaded from each (kind, file): returned again while the file's bytes are the same, so that
#: ``frames(corpus)`` called twice compiles the codebook once and finds its matches remembered (kuril_research.memo).
_LOADED: dict[tuple[LexiconKind, str], CueLexicon] = {}
