"""RE2 character classes read off Python itself, so that an RE2 test agrees with Python's ``re`` and ``str``.

Arrow's RE2 (``pyarrow.compute.match_substring_regex``) marks sentences at memory
speed; these classes let it stand in for Python's ``\\w``, ``\\d`` and ``\\s`` (and
for the characters ``str.lower`` changes) without reading CPython's private
regex internals: each class is the runs of code points that Python's own ``re``
or ``str`` methods accept, so it holds exactly the characters Python's do.
"""

from __future__ import annotations

import functools
import re
import sys

import numpy as np

__all__ = ["CATEGORIES", "python_classes", "ascii_classes", "cased_class"]

#: Python's class escapes by name.
CATEGORIES = {"word": r"\w", "digit": r"\d", "space": r"\s"}


def _ascii_test(name: str):
    tests = {"word": lambda ch: ch.isalnum() or ch == "_", "digit": str.isdecimal, "space": str.isspace}
    return tests[name]


@functools.cache
def python_classes() -> dict[str, str]:
    """Return RE2 class bodies of Python's ``\\w``, ``\\d`` and ``\\s``, exact over all code points.

    Made once per process (about half a second): the runs of code points each escape matches.

    Returns
    -------
    dict
        ``{"word": body, "digit": body, "space": body}``; a body goes between ``[``
        and ``]`` of an RE2 pattern.

    Examples
    --------
    >>> print(python_classes()["digit"][:28])
    \\x{30}-\\x{39}\\x{660}-\\x{669}
    """
    every = "".join(map(chr, range(sys.maxunicode + 1)))

    def ranges(escape: str) -> str:
        return "".join(f"\\x{{{m.start():x}}}" if m.end() - m.start() == 1 else
                       f"\\x{{{m.start():x}}}-\\x{{{m.end() - 1:x}}}" for m in re.finditer(escape + "+", every))

    return {name: ranges(escape) for name, escape in CATEGORIES.items()}


@functools.cache
def ascii_classes() -> dict[str, str]:
    """Return RE2 class bodies of the ASCII characters in, and not in, Python's ``\\w``, ``\\d`` and ``\\s``.

    ``[^body]`` of a ``not_`` class is a small superset of the full class: every
    non-ASCII character is let through (Python's full ``\\w`` is thousands of ranges,
    which makes RE2 slow).

    Returns
    -------
    dict
        Keys ``word``, ``digit``, ``space``, ``not_word``, ``not_digit``, ``not_space``.

    Examples
    --------
    >>> print(ascii_classes()["space"])
    \\x{9}\\x{a}\\x{b}\\x{c}\\x{d}\\x{1c}\\x{1d}\\x{1e}\\x{1f}\\x{20}
    """
    out = {}
    for name in CATEGORIES:
        test = _ascii_test(name)
        out[name] = "".join(f"\\x{{{i:x}}}" for i in range(128) if test(chr(i)))
        out[f"not_{name}"] = "".join(f"\\x{{{i:x}}}" for i in range(128) if not test(chr(i)))
    return out


@functools.cache
def cased_class() -> str:
    """Return the RE2 class body of the non-ASCII characters Python's ``str.lower`` changes.

    Examples
    --------
    >>> cased_class().startswith("\\\\x{c0}-\\\\x{d6}")
    True
    """
    changed = np.array([i for i in range(128, sys.maxunicode + 1) if chr(i).lower() != chr(i)], dtype=np.int64)
    first = np.flatnonzero(np.diff(changed, prepend=-2) != 1)
    last = np.append(first[1:], len(changed)) - 1
    return "".join(f"\\x{{{a:x}}}" if a == b else f"\\x{{{a:x}}}-\\x{{{b:x}}}"
                   for a, b in zip(changed[first].tolist(), changed[last].tolist()))
