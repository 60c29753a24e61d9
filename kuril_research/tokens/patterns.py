"""Say how running text becomes tokens: the token pattern, the kinds of token, apostrophes and stemming.

The rules every part of :mod:`kuril_research.tokens` shares: the lexer
(:mod:`~kuril_research.tokens.lexer`) cuts text with :data:`SPACED_TOKEN_RE`,
the stream (:mod:`~kuril_research.tokens.stream`) codes each token's kind
(:data:`WORD`, :data:`NUMBER`, :data:`PUNCT`, :data:`ENTITY`), and a query
(:mod:`~kuril_research.tokens.query`) is split with :data:`TOKEN_RE`, so a query
and the text it is looked up in are tokenised alike.
"""

from __future__ import annotations

import re

__all__ = ["TOKEN_RE", "SPACED_TOKEN_RE", "WHITESPACE_RE", "WORD_START_RE", "WORD", "NUMBER", "PUNCT", "ENTITY",
           "GROUP_KIND", "kind_of", "norm_apostrophe", "stemmer"]

_TOKEN_KINDS = (
    ("abbrev", r"(?:[^\W\d_]\.){2,}"),                              # U.S., U.N.
    ("number", r"\d+(?:[.,:/]\d+)*(?![^\W_])"),                     # 2010, 1,000, 3.5
    ("word", r"[^\W_]+(?:-[^\W_]+|['’](?![sS]\b)[^\W_]+)*"),        # Kuril, well-known, don't, G7
    ("clitic", r"['’][sS]\b"),                                       # possessive 's, split off
    ("punct", r"[^\w\s]|_"),                                         # any other visible character
)
#: One token of running text, in order of preference: a dotted abbreviation
#: (``U.S.``), a number (``2010``, ``1,000``, ``3.5``), a word (letters or digits,
#: joined by inner hyphens or apostrophes: ``well-known``, ``don't``, ``G7``,
#: ``1990s``), a possessive ``'s`` split from its word, or one punctuation mark.
#: Every character that is not white space belongs to exactly one token.
TOKEN_RE = re.compile("|".join(f"(?P<{kind}>{body})" for kind, body in _TOKEN_KINDS))
#: The same tokens, each with the white space before it and without groups: with
#: ``findall`` (no match objects) the pieces tile the text, so offsets are sums of lengths.
SPACED_TOKEN_RE = re.compile(r"\s*(?:" + "|".join(f"(?:{body})" for _, body in _TOKEN_KINDS) + ")")
#: Runs of white space, collapsed to one space in concordance lines and queries.
WHITESPACE_RE = re.compile(r"\s+")
#: A letter, digit or underscore: a token that starts with one may join a word before it.
WORD_START_RE = re.compile(r"\w")

#: Kinds of token, as coded in :attr:`~kuril_research.tokens.stream.TokenStream.kind` (int8).
WORD, NUMBER, PUNCT, ENTITY = 0, 1, 2, 3
#: Kind of the token each named group of :data:`TOKEN_RE` matches.
GROUP_KIND = {"abbrev": WORD, "number": NUMBER, "word": WORD, "clitic": WORD, "punct": PUNCT}
_STEMMERS: dict[str, object] = {}  # built on first use, not at import


def kind_of(token: str) -> int:
    """Return the kind of one token text (:data:`WORD` when it is not one token).

    Examples
    --------
    >>> [kind_of(t) for t in ("U.S.", "1,000", "well-known", "'s", ",")] == [WORD, NUMBER, WORD, WORD, PUNCT]
    True
    """
    match = TOKEN_RE.fullmatch(token)
    return GROUP_KIND[match.lastgroup] if match else WORD


def norm_apostrophe(text: str) -> str:
    """Read the curly apostrophe ’ as ' (``Russia’s`` and ``Russia's`` are one spelling).

    Examples
    --------
    >>> norm_apostrophe("Russia’s")
    "Russia's"
    """
    return text.replace("’", "'")


def stemmer():
    """Return the Snowball (Porter2) English stemmer, made on first use (NLTK needs no data download for it).

    Examples
    --------
    >>> stemmer().stem("negotiations"), stemmer().stem("islands")
    ('negoti', 'island')
    """
    if "english" not in _STEMMERS:
        from nltk.stem import SnowballStemmer  # noqa: PLC0415 - NLTK loads on first use, not at import

        _STEMMERS["english"] = SnowballStemmer("english")
    return _STEMMERS["english"]
