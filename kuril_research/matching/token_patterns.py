"""Cue token patterns: a small notation for cues over words, compiled to regular expressions.

Cue lexicons (``frames.yaml``, ``trade.yaml``) write most cues as *token
patterns* rather than fixed strings or raw regexes, so that one line covers the
optional words, alternatives, inflections, hyphenated forms and word orders of
a cue::

    (results | outcome*) of [the] <ww2>      results of the Second World War, outcome of WWII, ...
    <ww2> (results | outcome*)               World War II results
    trade and economic (cooperation | ties)  trade and economic ties, trade-and-economic cooperation
    seiz* ..3 fishing (boat* | vessel*)      seized four Japanese fishing boats

Notation (text is lower-cased before matching; patterns are lower-cased on load):

* words are separated by white space and matched as whole words;
* ``[a b]`` optional words; ``(a b | c)`` alternatives, each a sequence of tokens;
  both nest;
* ``word*`` any word that starts with ``word``;
* ``<name>`` the token pattern defined under that name in the file's ``terms``;
* ``..N`` up to N (1–5, or up to ``max_gap``) arbitrary words, and the commas between them;
* ``{name}`` a slot, only for :func:`slot_parts` (voice's naming cues: ``in {side}, ..10 called``);
* between two tokens, any white space, or a hyphen or dash with optional spaces
  around it, matches ("trade and economic" matches "trade-and-economic");
  a hyphen inside a word matches any hyphen or dash, white space, or nothing
  ("post-war" matches "postwar", "post war", "post–war"); an apostrophe
  matches ``'`` or ``’``; other characters match themselves; a word that starts with
  ``,`` ``;`` ``:`` or an apostrophe (``’s``) may follow the token before it without white space.

The regexes use no lookaround, no ``.`` and no negated class, so they stay
within a sentence. Literal phrases (``phrases:``) compile here too
(:func:`phrase_regex`); a list of token patterns compiles to one alternation in
:mod:`kuril_research.matching.phrase_lists` (the phrase lists of ``voice.yaml``).

Each cue also compiles, from the same notation, to an RE2 pattern for the
prefilter of :mod:`kuril_research.matching.prefilter` (:func:`prefilter_tokens`,
:func:`prefilter_phrase`): it matches at the start of every match of the cue, so
a sentence it does not match holds no match of the cue. The notation is ours, so
this needs no parser of Python regexes: the same parser writes both dialects,
with ``\\w`` and ``\\s`` as RE2 supersets (every non-ASCII character counts,
see :func:`~kuril_research.matching.re2_classes.ascii_classes`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from kuril_research.matching.re2_classes import ascii_classes

__all__ = ["TokenPatternError", "compile_tokens", "phrase_regex", "prefilter_tokens", "prefilter_phrase", "GAP",
           "slot_parts"]

_DASHES = "-\u2010\u2011\u2012\u2013\u2014"
_APOSTROPHES = "'\u2019"
_DASH_CLASS = "\\" + _DASHES               # the dashes inside [...], hyphen escaped
_TOKEN_RE = re.compile(r"\s*(\[|\]|\(|\)|\||<[a-z0-9_]+>|\{[a-z_]+\}|\.\.\d+|[^\s\[\]()|<>]+)")
_SLOT = "\x00slot\x00"                     # where a slot stands among the fragments (see slot_parts)


class TokenPatternError(ValueError):
    """A token pattern that cannot be compiled; the message says what is wrong."""


class _Unsafe(Exception):
    """A cue holds the separator of joined sentences: no prefilter pattern for it."""


@dataclass(frozen=True)
class _Dialect:
    """How one regex dialect writes the few things a cue regex is made of."""

    word: str                          # \w
    space: str                         # \s
    dash: str                          # any hyphen or dash
    apostrophe: str                    # ' or ’
    word_tail: str                     # a character inside an arbitrary word (..N)
    literal: Callable[[str], str]

    @property
    def gap(self) -> str:
        """What separates two tokens: white space, or a dash with optional white space around it."""
        return rf"(?:{self.space}*{self.dash}{self.space}*|{self.space}+)"

    @property
    def any_word(self) -> str:
        """One arbitrary word of a ``..N`` gap (letters, digits and the punctuation inside numbers and names)."""
        return f"{self.word}{self.word_tail}*"


_PYTHON = _Dialect(r"\w", r"\s", f"[{_DASH_CLASS}]", f"[{_APOSTROPHES}]", rf"[\w.,'’{_DASH_CLASS}]", re.escape)


def _re2_literal(ch: str) -> str:
    if ch == "\x00":
        raise _Unsafe(ch)
    return f"\\x{{{ord(ch):x}}}"


@functools.cache
def _re2() -> _Dialect:
    """RE2, with \\w and \\s as supersets: the ASCII characters outside them excluded, any other let through."""
    classes = ascii_classes()

    def chars(text: str) -> str:
        return "[" + "".join(map(_re2_literal, text)) + "]"

    word = f"[^{classes['not_word']}]"
    return _Dialect(word, f"[^{classes['not_space']}]", chars(_DASHES), chars(_APOSTROPHES),
                    f"(?:{word}|{chars('.,' + _APOSTROPHES + _DASHES)})", _re2_literal)


#: What separates two tokens (Python regex): white space, or a dash with optional white space around it.
GAP = _PYTHON.gap

# A compiled sequence is a list of fragments, each (regex, whether it repeats more than once); the
# prefilter keeps the fragments before the first such repeat (see :func:`prefilter_tokens`).
_Fragments = list[tuple[str, bool]]


def _word(word: str, d: _Dialect) -> _Fragments:
    if word.endswith("*"):
        stem = word[:-1]
        if not stem or "*" in stem:
            raise TokenPatternError(f"'*' must end a word and follow at least one letter: {word!r}")
        return _word(stem, d) + [(f"{d.word}*", True)]
    if "*" in word:
        raise TokenPatternError(f"'*' must end a word: {word!r}")
    out = []
    for ch in word:
        if ch in _DASHES:
            out.append(rf"(?:{d.dash}|{d.space}+)?")
        elif ch in _APOSTROPHES:
            out.append(d.apostrophe)
        else:
            out.append(d.literal(ch))
    return [("".join(out), False)]


class _Parser:
    def __init__(self, text: str, terms: Mapping[str, str], seen: tuple[str, ...], dialect: _Dialect,
                 max_gap: int = 5, slot: str | None = None, lazy: bool = False):
        self.tokens = [m.group(1) for m in _TOKEN_RE.finditer(text)]
        if "".join(self.tokens) != "".join(text.split()):
            raise TokenPatternError(f"cannot read token pattern {text!r}")
        self.i, self.terms, self.seen, self.d, self.max_gap, self.slot = 0, terms, seen, dialect, max_gap, slot
        self.lazy = "?" if lazy else ""          # a lazy gap ends at the first match of what follows it

    def peek(self) -> str | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> str:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def top(self) -> _Fragments:
        """The whole pattern: one sequence's fragments, or alternatives as one fragment."""
        options = [self.sequence(None)]
        while self.peek() == "|":
            self.take()
            options.append(self.sequence(None))
        if len(options) == 1:
            return options[0]
        return [("(?:" + "|".join(_joined(option) for option in options) + ")", False)]

    def alternatives(self, closing: str) -> str:
        options = [_joined(self.sequence(closing))]
        while self.peek() == "|":
            self.take()
            options.append(_joined(self.sequence(closing)))
        return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"

    def sequence(self, closing: str | None) -> _Fragments:
        items: list[tuple[str, object]] = []      # (kind, regex or fragments): kind is req | att | opt | gap
        while self.peek() not in (None, "|", "]", ")"):
            token = self.take()
            if token == "[":
                items.append(("opt", self.alternatives("]")))
                self.expect("]")
            elif token == "(":
                items.append(("req", [(self.alternatives(")"), False)]))
                self.expect(")")
            elif token.startswith("<"):
                name = token[1:-1]
                if name not in self.terms:
                    raise TokenPatternError(f"unknown term <{name}>: define it under `terms:`")
                if name in self.seen:
                    raise TokenPatternError(f"term <{name}> refers to itself")
                term = _Parser(" ".join(self.terms[name].lower().split()), self.terms, self.seen + (name,), self.d,
                               self.max_gap)
                items.append(("req", [("(?:" + _joined(term.whole()) + ")", False)]))
            elif token.startswith(".."):
                n = int(token[2:])
                if not 1 <= n <= self.max_gap:
                    raise TokenPatternError(f"a gap of {token} words: use ..1 to ..{self.max_gap}")
                items.append(("gap", str(n)))
            elif token.startswith("{"):
                if token[1:-1] != self.slot:
                    raise TokenPatternError(f"unknown slot {token}" + (f": write {{{self.slot}}}" if self.slot else ""))
                items.append(("req", [(_SLOT, False)]))
            else:
                items.append(("att" if token[0] in ",;:" + _APOSTROPHES else "req", _word(token, self.d)))
        if self.peek() not in (None, "|", closing):
            raise TokenPatternError(f"unexpected {self.peek()!r}")
        if not any(kind in ("req", "att") for kind, _ in items):
            raise TokenPatternError("every alternative needs at least one word that is not optional")
        d, out, joined = self.d, [], False
        for kind, regex in items:
            if kind in ("req", "att"):      # "att": a word that starts with punctuation (", which")
                out += ([(rf"{d.space}*" if kind == "att" else d.gap, False)] if joined else []) + regex
                joined = True
            elif kind == "opt":
                out.append((f"(?:{d.gap}{regex})?" if joined else f"(?:{regex}{d.gap})?", False))
            else:       # a gap may also step over commas: "Tokyo, which claims"
                repeats = regex != "1"
                word = f"(?>{d.any_word})" if self.lazy else d.any_word    # lazy: each word whole, no backtracking
                out += ([(f"(?:,?{d.gap}{word}){{0,{regex}}}{self.lazy}", repeats), (",?", False)] if joined
                        else [(f"(?:{word},?{d.gap}){{0,{regex}}}{self.lazy}", repeats)])
        return out

    def whole(self) -> _Fragments:
        if not self.tokens:
            raise TokenPatternError("empty token pattern")
        fragments = self.top()
        if self.peek() is not None:
            raise TokenPatternError(f"unexpected {self.peek()!r}")
        return fragments

    def expect(self, token: str) -> None:
        if self.peek() != token:
            raise TokenPatternError(f"missing {token!r}")
        self.take()


def _joined(fragments: _Fragments) -> str:
    return "".join(regex for regex, _ in fragments)


def compile_tokens(text: str, terms: Mapping[str, str] | None = None, *, max_gap: int = 5,
                   keep_case: bool = False) -> str:
    """Compile a token pattern to a regular expression over lower-cased text.

    Parameters
    ----------
    text : str
        The token pattern (notation in the module docstring); lower-cased here.
    terms : mapping of str to str, optional
        Named token patterns that ``<name>`` refers to.
    max_gap : int, default 5
        The longest gap ``..N`` allowed.
    keep_case : bool, default False
        Keep the pattern's upper-case letters (for a case-sensitive match: "I", "We").

    Returns
    -------
    str
        A regex without groups that capture, lookarounds or negated classes.

    Raises
    ------
    TokenPatternError
        For unbalanced brackets, an unknown or self-referring term, a misplaced
        ``*``, a gap outside ``..1``–``..5`` (``max_gap``), a slot ``{name}``, or an
        alternative of optional words only.

    Examples
    --------
    >>> rx = re.compile(compile_tokens("(results | outcome*) of [the] <ww2>",
    ...                               {"ww2": "(second world war | world war (ii | two))"}))
    >>> [bool(rx.fullmatch(s)) for s in ["results of the second world war", "outcomes of world war ii",
    ...                                  "results of war"]]
    [True, True, False]
    >>> bool(re.fullmatch(compile_tokens("trade and economic ties"), "trade-and-economic ties"))
    True
    >>> bool(re.fullmatch(compile_tokens("post-war realities"), "postwar realities"))
    True
    >>> bool(re.fullmatch(compile_tokens("seiz* ..3 fishing boat*"), "seized four japanese fishing boats"))
    True
    >>> bool(re.fullmatch(compile_tokens("tokyo ..3 claims"), "tokyo, which claims"))
    True
    >>> bool(re.fullmatch(compile_tokens("japan 's name"), "japan’s name"))  # punctuation first: no space needed
    True
    """
    text = " ".join((text if keep_case else text.lower()).split())
    return _joined(_Parser(text, terms or {}, (), _PYTHON, max_gap).whole())


def slot_parts(text: str, slot: str, terms: Mapping[str, str] | None = None, *, max_gap: int = 5,
               lazy: bool = False) -> tuple[str, str]:
    """Compile a token pattern that holds the slot ``{slot}`` once into the regexes before and after it.

    The part before ends with the join to the slot (white space or a dash); the part after starts
    with the join from it (none needed before punctuation: ``{side}’s name for``); a side with no
    words is ``""``. The caller matches the slot itself (voice: a subject such as "Japan"). With
    ``lazy``, a gap ``..N`` takes as few words as it can (the match ends at the first word that can end
    it), each word whole with its commas (a failing match does not try to split them: linear time).

    Raises
    ------
    TokenPatternError
        As :func:`compile_tokens`, or for a slot missing, repeated or inside brackets.

    Examples
    --------
    >>> [bool(re.fullmatch(rx, s)) for rx, s in zip(slot_parts("in {side}, ..10 called", "side", max_gap=10),
    ...                                             ["in ", ", the islands are collectively called"])]
    [True, True]
    >>> _, after = slot_parts("{side} refers to ..10 as", "side", max_gap=10, lazy=True)
    >>> re.match(after, " refers to them as Kurils as a rule").group()
    ' refers to them as'
    """
    fragments = _Parser(" ".join(text.lower().split()), terms or {}, (), _PYTHON, max_gap, slot, lazy).whole()
    at = [i for i, (regex, _) in enumerate(fragments) if _SLOT in regex]
    if len(at) != 1 or fragments[at[0]][0] != _SLOT:
        raise TokenPatternError(f"write {{{slot}}} once, outside brackets: {text!r}")
    return _joined(fragments[:at[0]]), _joined(fragments[at[0] + 1:])


def phrase_regex(phrase: str) -> str:
    """Compile a literal phrase: any white space between words, any dash for a dash, either apostrophe.

    Examples
    --------
    >>> bool(re.fullmatch(phrase_regex("Japan's peace-treaty"), "japan’s  peace—treaty"))
    True
    """
    def char(ch: str) -> str:
        if ch in _DASHES:
            return f"[{_DASHES}]"
        if ch in _APOSTROPHES:
            return f"[{_APOSTROPHES}]"
        return re.escape(ch)
    return r"\s+".join("".join(char(ch) for ch in word) for word in phrase.lower().split())


def _prefilter(fragments: _Fragments) -> str:
    """RE2 that every match of the cue starts with: the fragments before the first repeat of more than one.

    A cue kept whole must also end before a character that is not a word character (as the scan
    demands); the separator and the end of a sentence count as such.
    """
    cut = next((i for i, (_, repeats) in enumerate(fragments) if repeats), None)
    if cut:
        return _joined(fragments[:cut])
    not_word = f"[^{ascii_classes()['word']}]"
    return f"(?:{_joined(fragments)})(?:{not_word}|$)"


def prefilter_tokens(text: str, terms: Mapping[str, str] | None = None) -> str | None:
    """Compile a token pattern to an RE2 pattern that matches at the start of each of its matches.

    Parameters
    ----------
    text, terms
        As :func:`compile_tokens` (the pattern must compile there first).

    Returns
    -------
    str or None
        For ``pyarrow.compute.match_substring_regex`` over lower-cased sentences;
        None when the pattern holds the separator ``"\\x00"`` of joined sentences.

    Examples
    --------
    >>> import pyarrow as pa, pyarrow.compute as pc
    >>> rx = prefilter_tokens("seiz* ..3 fishing boat*")
    >>> pc.match_substring_regex(pa.array(["they seized boats", "no seizure", "seas"]), pattern=rx).to_pylist()
    [True, True, False]
    """
    try:
        return _prefilter(_Parser(" ".join(text.lower().split()), terms or {}, (), _re2()).whole())
    except _Unsafe:
        return None


def prefilter_phrase(phrase: str) -> str | None:
    """Compile a literal phrase to an RE2 pattern that matches at the start of each of its matches.

    Examples
    --------
    >>> import pyarrow as pa, pyarrow.compute as pc
    >>> rx = prefilter_phrase("peace treaty")
    >>> pc.match_substring_regex(pa.array(["a peace  treaty", "peaceful", "peace"]), pattern=rx).to_pylist()
    [True, False, False]
    """
    d = _re2()

    def char(ch: str) -> str:
        return d.dash if ch in _DASHES else d.apostrophe if ch in _APOSTROPHES else d.literal(ch)

    try:
        regex = f"{d.space}+".join("".join(char(ch) for ch in word) for word in phrase.lower().split())
    except _Unsafe:
        return None
    return _prefilter([(regex, False)])
