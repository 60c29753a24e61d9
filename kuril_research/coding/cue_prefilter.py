"""Cue prefilter: translate cue regexes into one RE2 pattern that marks the sentences worth scanning.

Arrow's RE2 (``pyarrow.compute.match_substring_regex``) tests every sentence at
memory speed; Python's ``re`` then scans only the runs of marked sentences.
Used by :meth:`kuril_research.coding.cues.CueLexicon.match`; the rules that keep its
result exact are in the comment below.
"""

from __future__ import annotations

import re
import weakref
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from kuril_research.coding.sentence_scan import re2_category_classes, sentence_runs

if TYPE_CHECKING:  # pragma: no cover
    from kuril_research.coding.cues import CueLexicon

__all__ = ["candidate_runs"]


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


def _opposites() -> dict:
    from re import _constants as c

    pairs = {c.CATEGORY_WORD: c.CATEGORY_NOT_WORD, c.CATEGORY_DIGIT: c.CATEGORY_NOT_DIGIT,
             c.CATEGORY_SPACE: c.CATEGORY_NOT_SPACE}
    return {**pairs, **{b: a for a, b in pairs.items()}}


_OPPOSITE = _opposites()


def _re2(tree) -> str:
    """An RE2 pattern matching at least every string the parsed Python pattern ``tree`` matches."""
    from re import _constants as c

    classes = re2_category_classes()
    negated = {c.CATEGORY_NOT_WORD: c.CATEGORY_WORD, c.CATEGORY_NOT_DIGIT: c.CATEGORY_DIGIT,
               c.CATEGORY_NOT_SPACE: c.CATEGORY_SPACE}

    def literal(code: int) -> str:
        return f"\\x{{{code:x}}}"

    def category(cat) -> str:
        # a superset that RE2 keeps small: the ASCII characters outside the class are excluded exactly,
        # every other character is let through (Python's full \w is thousands of ranges, and cues
        # with many of them made RE2 slower than the scan it saves)
        return f"[^{classes['ascii'][_OPPOSITE[cat]]}]"

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


def _head(tree):
    """The items of a parsed pattern before its first repeat of more than one, or None when it has none.

    Every match of the pattern starts with a match of this head, so the head (without the
    end-of-word test) is a superset for the prefilter; it keeps the RE2 pattern small when
    cues hold gaps such as ``(?:\\s+\\w+){0,5}`` over Python's large \\w class. None also when the
    first item is itself such a repeat (then the whole pattern is translated).
    """
    from re import _constants as c, _parser

    repeats = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT))
    items = list(tree)
    for i, (op, av) in enumerate(items):
        if op in repeats and av[1] > 1:
            if i == 0:
                return None
            head = _parser.SubPattern(tree.state)
            head.data = items[:i]
            return head
    return None


_PREFILTERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _prefilter(lexicon: CueLexicon) -> str | None:
    """The lexicon's RE2 prefilter pattern (made once), or None when a cue cannot be translated or is not safe."""
    if lexicon not in _PREFILTERS:
        from re import _parser

        try:
            whole, heads = [], []
            for cue in lexicon.cues:
                tree = _parser.parse(cue.regex)
                if tree.state.flags & ~re.UNICODE or _reads_separator(tree):
                    raise _Untranslatable(cue.text)
                head = _head(tree)
                # a cue cut short at a repeat keeps only its head, which every match of the whole cue starts with
                (whole if head is None else heads).append(_re2(tree if head is None else head))
            # as the scan: not after a word character; a whole cue not followed by one (the separator
            # counts as neither); "not a word character" as a superset: not an ASCII one
            not_word = f"[^{re2_category_classes()['ascii'][re._constants.CATEGORY_WORD]}]"
            alternatives = ([f"(?:{'|'.join(whole)})(?:{not_word}|$)"] if whole else []) + heads
            pattern = f"(?:^|{not_word})(?:" + "|".join(alternatives) + ")"
        except (_Untranslatable, re.error, RecursionError):
            pattern = None
        _PREFILTERS[lexicon] = pattern
    return _PREFILTERS[lexicon]


def candidate_runs(lexicon: CueLexicon, parts: pa.Array | None, offsets: np.ndarray,
                   lengths: np.ndarray) -> list[tuple[int, int]] | None:
    """Return the stretches of the joined text to scan: runs of sentences where a cue may match.

    Parameters
    ----------
    lexicon : CueLexicon
        Its cues are translated once into one RE2 pattern (see the comment above).
    parts : pyarrow.Array or None
        The lower-cased sentences as :func:`kuril_research.coding.sentence_scan.remembered_split`
        gives them (None: not available).
    offsets, lengths : ndarray of int
        Offset and length of each sentence in the joined text
        (:func:`kuril_research.coding.sentence_scan.join_sentences`).

    Returns
    -------
    list of (int, int) or None
        (start, end) of each run of sentences to scan, as
        :func:`kuril_research.coding.sentence_scan.sentence_runs`; None (scan it all) when
        a cue cannot be translated or is not safe to prefilter, or RE2 refuses the pattern.

    Examples
    --------
    >>> from kuril_research.coding.cues import _example_corpus, _example_lexicon, load_cue_lexicon
    >>> from kuril_research.coding.sentence_scan import remembered_join, remembered_split
    >>> lex = load_cue_lexicon(_example_lexicon(), section="frames")
    >>> s = _example_corpus({"a": [["No cue.", "A peace treaty.", "Peace treaty talks.", "Done."]]}).sentences
    >>> _original, _lowered, offsets, lengths = remembered_join(s)
    >>> candidate_runs(lex, remembered_split(s), offsets, lengths)
    [(8, 43)]
    """
    pattern = _prefilter(lexicon)
    if pattern is None or parts is None or len(offsets) == 0:
        return None
    try:
        maybe = pc.match_substring_regex(parts, pattern=pattern)
    except (pa.ArrowException, UnicodeError):                  # RE2 refused the pattern, or text Arrow cannot hold
        return None
    return sentence_runs(offsets, lengths,
                         np.flatnonzero(pc.fill_null(maybe, True).to_numpy(zero_copy_only=False)))

