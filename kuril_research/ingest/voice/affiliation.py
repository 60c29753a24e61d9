"""Where a speaker works (rule 4): the names after a person's name that place him, never the speaker.

News attributes a quotation to a person and then says where the person works: in an apposition ("said Dr Emma
Lindqvist, a Russia specialist at King's College London") or an of/at/from-phrase ("Ivan Petrov of Moscow's Higher
School of Economics said"). The institution, the place and any possessor inside that phrase ("King's", "Moscow's",
"St Antony's", "the Carnegie Endowment's") are the object of the preposition: the person's name that opens the
attribution speaks. :func:`premodifiers_dropped` strips the words that may stand between a preposition and the
name it governs, so that a name after "at King's" is seen to follow "at" as one after "at" is.
"""

from __future__ import annotations

import re
from collections.abc import Collection

#: A possessor's last word: "King's", "Antony’s", "Endowment's", "Ministers'".
POSSESSIVE_WORD_RE = re.compile(r"[\w.-]+(?:[’']s|s[’'])")
#: A capitalised word of a possessor's name before its possessive word ("St" in "St Antony's").
CAPITALISED_RE = re.compile(r"[A-Z][\w’'.-]*")
#: A participle that hands the words on to a source named after it: "said Sergei Lavrov, quoting Vladimir Putin".
RELAYED_RE = re.compile(r"\b(?:citing|quoting)\s")


def relays(text: str, start: int, end: int) -> bool:
    """Whether the words after a name opening an attribution (``text[start:end]``) hand the quotation on to
    someone named later ("..., quoting Vladimir Putin", "..., citing a source"): the name opening it then
    relays another's words and is not their speaker.

    Examples
    --------
    >>> t = "said Ivan Petrov, quoting Emma Lindqvist. said Ivan Petrov of King's College"
    >>> relays(t, 16, 40), relays(t, 58, 76)
    (True, False)
    """
    return RELAYED_RE.search(text, start, end) is not None


def premodifiers_dropped(words: list[str], titles: Collection[str], links: Collection[str]) -> list[str]:
    """The words before a name, without what may stand between it and the word that governs it.

    Dropped from the end, as long as one applies: a title word (compared lower-case, ``titles``, not a
    preposition of ``links``; "Ambassador to Japan": a title's own preposition after a title word goes too),
    "the", and a possessor phrase (a possessive word and the capitalised words of the name before it: "St
    Antony's", "Moscow's"). What is left ends in the preposition, verb or punctuation before the name.

    Examples
    --------
    >>> titles, links = {"professor", "minister", "foreign"}, {"at", "of", "to"}
    >>> premodifiers_dropped("a Russia specialist at King's".split(), titles, links)
    ['a', 'Russia', 'specialist', 'at']
    >>> premodifiers_dropped("an analyst at St Antony's".split(), titles, links)
    ['an', 'analyst', 'at']
    >>> premodifiers_dropped("remarks of Japan's Foreign Minister".split(), titles, links)
    ['remarks', 'of']
    >>> premodifiers_dropped("from the Carnegie Endowment's".split(), titles, links)
    ['from']
    >>> premodifiers_dropped("said Professor".split(), titles, links), premodifiers_dropped([], titles, links)
    (['said'], [])
    """
    words = list(words)
    while words:
        last = words[-1].lower()
        if last in titles and last not in links or len(words) > 1 and last in links and words[-2].lower() in titles:
            words.pop()
        elif last == "the":
            words.pop()
        elif POSSESSIVE_WORD_RE.fullmatch(words[-1]):
            words.pop()
            while words and CAPITALISED_RE.fullmatch(words[-1]) and words[-1].lower() not in titles:
                words.pop()  # "St Antony's", "Carnegie Endowment's": the possessor's name
        else:
            break
    return words
