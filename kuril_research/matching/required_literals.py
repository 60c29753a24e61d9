"""Required literals: strings one of which every match of a regex must contain — an exact pre-check.

A long alternation of rules (``furniture.yaml``'s ``line_rules``) costs Python's
``re`` a try of every rule on every line, even on a line that holds none of the
rules' words. :func:`required_literals` reads the compiled pattern's parse tree
and returns a set of lower-case strings such that *every* match of the pattern
contains one of them (lower-cased), or None where no such set can be read (a
rule made only of classes and wildcards). :class:`LiteralCheck` then says, per
text, whether the pattern *may* match: when it says no, the pattern cannot
match, so skipping the regex call changes nothing; when it says yes, the
caller runs the regex as before. The result is therefore always the regex's own.

Why it is exact (a superset of the matches, never fewer):

* a run of literal characters in a pattern matches the same run of characters
  in the text, so the text contains it; an alternation needs one of its
  branches; a repeat with a minimum of one or more needs its body once; a
  group needs its body. Everything else (classes, wildcards, anchors,
  lookarounds, optional parts, back-references) only ends a run and adds
  nothing, which can only make the set weaker, never wrong;
* case: both the literal and the text are lower-cased with ``str.lower``. Under
  ``re.IGNORECASE`` a literal character matches the text characters whose
  lower case equals its own, plus a few special equivalents (``ı``, ``ſ``,
  ``İ`` and the Kelvin sign ``K`` for ASCII letters: :data:`FOLD_TRAPS`), and
  ``str.lower`` lower-cases ``İ`` to two characters: a text holding one of
  :data:`FOLD_TRAPS` is never pre-checked (the regex is always run). Literal
  characters outside ASCII are kept only when they have no case (``©``, ``×``,
  ``–``); a cased one ends the run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

try:  # Python 3.11+: the parser of the standard library's ``re``
    from re import _parser as sre_parse  # noqa: PLC2701 - standard library, no public equivalent
    from re import _constants as sre_constants  # noqa: PLC2701
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

__all__ = ["FOLD_TRAPS", "required_literals", "LiteralCheck", "literal_check", "FirstRuleMatch"]

#: Text characters that ``re.IGNORECASE`` matches to an ASCII letter but whose ``str.lower`` is no ASCII letter
#: (or two characters): dotless ı (i), long ſ (s), dotted İ (i), the Kelvin sign K (k). A text holding one is
#: never pre-checked.
FOLD_TRAPS = frozenset("\u0131\u017f\u0130\u212a")

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}
if hasattr(sre_constants, "POSSESSIVE_REPEAT"):
    _REPEATS.add(sre_constants.POSSESSIVE_REPEAT)
_ATOMIC = getattr(sre_constants, "ATOMIC_GROUP", None)


def _safe_char(code: int) -> str | None:
    """The lower-case character a literal stands for, or None where lower-casing may not find it in the text."""
    char = chr(code)
    if char.isascii():
        return char.lower()
    if char.lower() == char and char.upper() == char and len(char.upper()) == 1:  # no case: "©", "×", "–"
        return char
    return None


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two sets: the longer shortest member, then fewer members."""
    if a is None:
        return b
    if b is None:
        return a
    key_a, key_b = (min(map(len, a)), -len(a)), (min(map(len, b)), -len(b))
    return b if key_b > key_a else a


def _sequence(items) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    run: list[str] = []

    def close() -> None:
        nonlocal best
        if run:
            best = _better(best, frozenset({"".join(run)}))
            run.clear()

    for op, arg in items:
        if op is sre_constants.LITERAL and (char := _safe_char(arg)) is not None:
            run.append(char)
            continue
        close()
        if op is sre_constants.SUBPATTERN:
            best = _better(best, _sequence(arg[-1]))
        elif _ATOMIC is not None and op is _ATOMIC:
            best = _better(best, _sequence(arg))
        elif op in _REPEATS and arg[0] >= 1:
            best = _better(best, _sequence(arg[2]))
        elif op is sre_constants.BRANCH:
            branches = [_sequence(branch) for branch in arg[1]]
            if branches and all(b is not None for b in branches):
                best = _better(best, frozenset().union(*branches))
    close()
    return best


def required_literals(pattern: re.Pattern | str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings one of which every match of ``pattern`` contains (lower-cased), or None if unknown.

    Parameters
    ----------
    pattern : re.Pattern or str
        A compiled pattern (its flags are used) or a pattern string with ``flags``.
    flags : int
        Flags of a pattern string.

    Returns
    -------
    frozenset of str or None
        None where some way of matching needs no literal that can be read.

    Examples
    --------
    >>> sorted(required_literals(r"(?:follow us on \\w+)|(?:by\\s+[A-Z]\\w+)", re.I))
    ['by', 'follow us on ']
    >>> sorted(required_literals(r"\\d+ (?:min|hour)s? read"))
    [' read']
    >>> required_literals(r"\\d+|[A-Z]+") is None
    True
    """
    if isinstance(pattern, re.Pattern):
        pattern, flags = pattern.pattern, pattern.flags
    found = _sequence(sre_parse.parse(pattern, flags))
    return found if found and all(found) else None


@dataclass(frozen=True)
class LiteralCheck:
    """Whether a text may hold a match of a pattern: one of ``literals`` occurs in it, lower-cased.

    ``literals`` None: no pre-check (every text may match).
    """

    literals: tuple[str, ...] | None

    def may_match(self, text: str) -> bool:
        """False only if the pattern cannot match anywhere in ``text`` (see the module docstring).

        Examples
        --------
        >>> check = literal_check(re.compile(r"(?:all news)|(?:advertisement)", re.I))
        >>> check.may_match("- ADVERTISEMENT -"), check.may_match("Japan protested.")
        (True, False)
        >>> check.may_match("Japan protested \u0131n Tokyo.")  # a dotless i: the regex decides
        True
        """
        if self.literals is None:
            return True
        lowered = text.lower()
        if len(lowered) != len(text) or not FOLD_TRAPS.isdisjoint(text):
            return True
        return any(literal in lowered for literal in self.literals)


def literal_check(pattern: re.Pattern) -> LiteralCheck:
    """The :class:`LiteralCheck` of a compiled pattern (its :func:`required_literals`, longest first)."""
    found = required_literals(pattern)
    return LiteralCheck(None if found is None else tuple(sorted(found, key=lambda s: (-len(s), s))))


#: Literals are looked up by their first characters (up to this many) among the text's substrings.
PREFIX_CHARS = 3
#: How many texts a :class:`FirstRuleMatch` remembers the answer of.
MEMO_TEXTS = 50_000
MISSING = object()


class FirstRuleMatch:
    """``fullmatch`` of an alternation of named rule groups, trying only the rules whose literals the text holds.

    The alternation is the one a rules file compiles to: ``(?P<name>(?:p1)|(?:p2))|(?P<name2>...)``, rules in file
    order. Its ``fullmatch`` is the first rule, in that order, that matches the whole text (the engine tries each
    branch in turn, backtracking inside it, before the next), with that rule's group as ``lastgroup``. So each rule
    is compiled alone, in its group (``(?P<name>(?:p))``), and tried in order, skipping the rules that cannot match
    because the text lacks all their :func:`required_literals`: the first rule that matches is the same, and so are
    the span (the whole text) and ``lastgroup``. Rules without required literals are always tried; a text with a
    :data:`FOLD_TRAPS` character gets the whole alternation, and so does every text when a rule refers back to a
    group.

    Parameters
    ----------
    groups : sequence of (str, sequence of str)
        Group name and its patterns, in order.
    flags : int
        Flags of the whole alternation.

    Examples
    --------
    >>> rules = FirstRuleMatch([("r0", ["all news", "top stories"]), ("r1", [r"\\d+ comments?", "share"])], re.I)
    >>> rules.pattern.pattern
    '(?P<r0>(?:all news)|(?:top stories))|(?P<r1>(?:\\\\d+ comments?)|(?:share))'
    >>> rules.fullmatch("All News").lastgroup, rules.fullmatch("12 comments").lastgroup
    ('r0', 'r1')
    >>> rules.fullmatch("Japan protested.") is None
    True
    """

    def __init__(self, groups, flags: int = 0) -> None:
        self.groups = [(str(name), [str(p) for p in patterns]) for name, patterns in groups]
        self.flags = flags
        self.pattern = re.compile("|".join(f"(?P<{name}>" + "|".join(f"(?:{p})" for p in patterns) + ")"
                                           for name, patterns in self.groups), flags)
        self._sources: list[str] = []
        self._rules: list[re.Pattern | None] = []
        self._always: list[int] = []
        by_literal: dict[str, list[int]] = {}
        self._usable = not any(_has_groupref(p, flags) for _, ps in self.groups for p in ps)
        for name, patterns in self.groups:
            for p in patterns:
                n = len(self._rules)
                self._sources.append(f"(?P<{name}>(?:{p}))")  # compiled when first tried (most lines try few)
                self._rules.append(None)
                found = required_literals(p, flags)
                if found is None:
                    self._always.append(n)
                    continue
                for literal in found:
                    by_literal.setdefault(literal, []).append(n)
        self._short = [(literal, rules) for literal, rules in sorted(by_literal.items()) if len(literal) < PREFIX_CHARS]
        self._by_head: dict[str, list[tuple[str, list[int]]]] = {}  # first PREFIX_CHARS characters -> literals
        for literal, rules in sorted(by_literal.items()):
            if len(literal) >= PREFIX_CHARS:
                self._by_head.setdefault(literal[:PREFIX_CHARS], []).append((literal, rules))
        self._heads = frozenset(self._by_head)
        self._memo: dict[str, re.Match | None] = {}

    def fullmatch(self, text: str) -> re.Match | None:
        """``self.pattern.fullmatch(text)``: None where it is None, else a match of the same rule group and span.

        The answer for a text is remembered (up to :data:`MEMO_TEXTS` texts, then forgotten all at once): a page's
        lines are read several times over (furniture, layout, headings), and the answer depends on the text alone.
        """
        if (hit := self._memo.get(text, MISSING)) is not MISSING:
            return hit
        if len(self._memo) >= MEMO_TEXTS:
            self._memo.clear()
        hit = self._memo[text] = self._fullmatch(text)
        return hit

    def _fullmatch(self, text: str) -> re.Match | None:
        if not self._usable:
            return self.pattern.fullmatch(text)
        lowered = text.lower()
        if len(lowered) != len(text) or not FOLD_TRAPS.isdisjoint(text):
            return self.pattern.fullmatch(text)
        kept = set(self._always)
        for literal, rules in self._short:
            if literal in lowered:
                kept.update(rules)
        heads = self._heads.intersection([lowered[i:i + PREFIX_CHARS] for i in range(len(lowered) - PREFIX_CHARS + 1)])
        for head in heads:  # a longer literal is looked up by its first PREFIX_CHARS characters
            for literal, rules in self._by_head[head]:
                if literal in lowered:
                    kept.update(rules)
        rules = self._rules
        for n in sorted(kept):
            rule = rules[n]
            if rule is None:
                rule = rules[n] = re.compile(self._sources[n], self.flags)
            if (hit := rule.fullmatch(text)) is not None:
                return hit
        return None


def _has_groupref(pattern: str, flags: int) -> bool:
    """Whether a pattern refers back to a group (its number would change in a reduced alternation)."""
    def walk(items) -> bool:
        for op, arg in items:
            if op in (sre_constants.GROUPREF, sre_constants.GROUPREF_EXISTS) or (
                    hasattr(sre_constants, "GROUPREF_IGNORE") and op is sre_constants.GROUPREF_IGNORE):
                return True
            if isinstance(arg, (list, tuple)):
                for part in arg:
                    if isinstance(part, sre_parse.SubPattern) and walk(part):
                        return True
                    if isinstance(part, (list, tuple)) and any(isinstance(x, sre_parse.SubPattern) and walk(x)
                                                               for x in part):
                        return True
            if isinstance(arg, sre_parse.SubPattern) and walk(arg):
                return True
        return False
    return walk(sre_parse.parse(pattern, flags))
