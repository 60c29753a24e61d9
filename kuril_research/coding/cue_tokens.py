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
* ``..N`` up to N (1–5) arbitrary words, and the commas between them;
* between two tokens, any white space, or a hyphen or dash with optional spaces
  around it, matches ("trade and economic" matches "trade-and-economic");
  a hyphen inside a word matches any hyphen or dash, white space, or nothing
  ("post-war" matches "postwar", "post war", "post–war"); an apostrophe
  matches ``'`` or ``’``; other characters match themselves.

The regexes use no lookaround, no ``.`` and no negated class, so they stay
within a sentence and keep the RE2 prefilter of :mod:`kuril_research.coding.cue_prefilter`
exact.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["TokenPatternError", "compile_tokens", "GAP"]

_DASHES = "-\u2010\u2011\u2012\u2013\u2014"
_APOSTROPHES = "'\u2019"
_DASH_CLASS = "\\" + _DASHES               # the dashes inside [...], hyphen escaped
#: What separates two tokens: white space, or a dash with optional white space around it.
GAP = rf"(?:\s*[{_DASH_CLASS}]\s*|\s+)"
#: One arbitrary word of a ``..N`` gap (letters, digits and the punctuation inside numbers and names).
_ANY_WORD = rf"\w[\w.,'’{_DASH_CLASS}]*"
_TOKEN_RE = re.compile(r"\s*(\[|\]|\(|\)|\||<[a-z0-9_]+>|\.\.\d+|[^\s\[\]()|<>]+)")


class TokenPatternError(ValueError):
    """A token pattern that cannot be compiled; the message says what is wrong."""


def _word(word: str) -> str:
    if word.endswith("*"):
        stem = word[:-1]
        if not stem or "*" in stem:
            raise TokenPatternError(f"'*' must end a word and follow at least one letter: {word!r}")
        return _word(stem) + r"\w*"
    if "*" in word:
        raise TokenPatternError(f"'*' must end a word: {word!r}")
    out = []
    for ch in word:
        if ch in _DASHES:
            out.append(rf"(?:[{_DASH_CLASS}]|\s+)?")
        elif ch in _APOSTROPHES:
            out.append(f"[{_APOSTROPHES}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


class _Parser:
    def __init__(self, text: str, terms: Mapping[str, str], seen: tuple[str, ...]):
        self.tokens = [m.group(1) for m in _TOKEN_RE.finditer(text)]
        if "".join(self.tokens) != "".join(text.split()):
            raise TokenPatternError(f"cannot read token pattern {text!r}")
        self.i = 0
        self.terms = terms
        self.seen = seen

    def peek(self) -> str | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> str:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def alternatives(self, closing: str | None) -> str:
        options = [self.sequence(closing)]
        while self.peek() == "|":
            self.take()
            options.append(self.sequence(closing))
        return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"

    def sequence(self, closing: str | None) -> str:
        items: list[tuple[str, str]] = []               # (kind, regex): kind is req | opt | gap
        while self.peek() not in (None, "|", "]", ")"):
            token = self.take()
            if token == "[":
                items.append(("opt", self.alternatives("]")))
                self.expect("]")
            elif token == "(":
                items.append(("req", self.alternatives(")")))
                self.expect(")")
            elif token.startswith("<"):
                name = token[1:-1]
                if name not in self.terms:
                    raise TokenPatternError(f"unknown term <{name}>: define it under `terms:`")
                if name in self.seen:
                    raise TokenPatternError(f"term <{name}> refers to itself")
                items.append(("req", "(?:" + compile_tokens(self.terms[name], self.terms,
                                                            _seen=self.seen + (name,)) + ")"))
            elif token.startswith(".."):
                n = int(token[2:])
                if not 1 <= n <= 5:
                    raise TokenPatternError(f"a gap of {token} words: use ..1 to ..5")
                items.append(("gap", str(n)))
            else:
                items.append(("req", _word(token)))
        if self.peek() not in (None, "|", closing):
            raise TokenPatternError(f"unexpected {self.peek()!r}")
        if not any(kind == "req" for kind, _ in items):
            raise TokenPatternError("every alternative needs at least one word that is not optional")
        out, joined = "", False
        for kind, regex in items:
            if kind == "req":
                out += (GAP if joined else "") + regex
                joined = True
            elif kind == "opt":
                out += f"(?:{GAP}{regex})?" if joined else f"(?:{regex}{GAP})?"
            else:       # a gap may also step over commas: "Tokyo, which claims"
                out += f"(?:,?{GAP}{_ANY_WORD}){{0,{regex}}},?" if joined else f"(?:{_ANY_WORD},?{GAP}){{0,{regex}}}"
        return out

    def expect(self, token: str) -> None:
        if self.peek() != token:
            raise TokenPatternError(f"missing {token!r}")
        self.take()


def compile_tokens(text: str, terms: Mapping[str, str] | None = None, *, _seen: tuple[str, ...] = ()) -> str:
    """Compile a token pattern to a regular expression over lower-cased text.

    Parameters
    ----------
    text : str
        The token pattern (notation in the module docstring); lower-cased here.
    terms : mapping of str to str, optional
        Named token patterns that ``<name>`` refers to.

    Returns
    -------
    str
        A regex without groups that capture, lookarounds or negated classes.

    Raises
    ------
    TokenPatternError
        For unbalanced brackets, an unknown or self-referring term, a misplaced
        ``*``, a gap outside ``..1``–``..5``, or an alternative of optional words only.

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
    """
    parser = _Parser(" ".join(text.lower().split()), terms or {}, _seen)
    if not parser.tokens:
        raise TokenPatternError("empty token pattern")
    regex = parser.alternatives(None)
    if parser.peek() is not None:
        raise TokenPatternError(f"unexpected {parser.peek()!r}")
    return regex
