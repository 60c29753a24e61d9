"""What a naming cue's gap may reach over: insertions set off by commas, dashes or brackets, and the nouns a side
word heads ("Russia, which has held the islands since 1945, calls them"; "Japan refers to the islands - A, B
and C - as"; "what Japanese maps call")."""

from __future__ import annotations

import re

#: How many words an insertion set off by commas between a cue's subject and the rest of its cue may hold.
INSERTION_WORDS = 40
#: One or two lower-case words after a side word, the nouns it qualifies ("Japanese maps", "Russian school
#: textbooks"): each of their ends is tried for the rest of a cue.
NOUN_GAP_RE = re.compile(r"\s+[a-z][a-z-]*(?=\s)")


def noun_gap_ends(text: str, end: int, limit: int) -> list[int]:
    """The ends of one and of two lower-case words right after ``end`` ("Japanese| maps| call")."""
    ends = []
    for _ in range(2):
        gap = NOUN_GAP_RE.match(text, end, limit)
        if gap is None:
            break
        ends.append(end := gap.end())
    return ends


#: An adverb between a cue's subject and its verb ("Tokyo collectively calls", "Russia still refers to"): a word in -ly
#: or one of a few adverbs of time and degree.
ADVERB_GAP_RE = re.compile(r"\s+(?:[a-z]{3,}ly|still|also|now|often|always|long|even|already|sometimes|simply|mostly)"
                           r"(?=\s)")
#: A finite verb after the first name a cue gives: that name is the subject of a new predicate, and the names after
#: the verb are the outlet's ("the islands it calls the Northern Territories were never part of the Chishima chain"),
#: unless the verb is a passive of naming, which gives the next name ("In Russian usage Etorofu is called Iturup").
PREDICATE_RE = re.compile(r"\b(?:is|are|was|were|remain|remains|remained|has|have|had|will|would|lie|lies|belong|"
                          r"belongs|belonged)\b(?!\s+(?:[a-z]+ly\s+|still\s+|also\s+|now\s+)?(?:called|known|named|"
                          r"referred|termed|labell?ed|labeled|listed|marked|shown|spel[lt]|spelled|written|"
                          r"rendered)\b)")


def adverb_ends(text: str, end: int, limit: int) -> list[int]:
    """The ends of one and of two adverbs right after ``end`` ("Tokyo| officially| collectively| calls").

    Examples
    --------
    >>> text = "Tokyo officially collectively calls them; Tokyo calls them"
    >>> adverb_ends(text, 5, len(text)), adverb_ends(text, 47, len(text))
    ([16, 29], [])
    """
    ends = []
    for _ in range(2):
        gap = ADVERB_GAP_RE.match(text, end, limit)
        if gap is None:
            break
        ends.append(end := gap.end())
    return ends


#: A second predicate of the same subject: "and", maybe an adverb, then a lower-case verb ("Japan refers to them as
#: Etorofu and Kunashiri and considers them ... part of its Northern Territories").
AND_VERB_RE = re.compile(r"\band(?=\s+(?:[a-z]+ly\s+|still\s+|also\s+)?[a-z]+s\b)")
#: What ends the subject's own clause before a second predicate: a clause boundary or another subject's clause.
CLAUSE_BREAK_RE = re.compile(r"[;:.!?()\[\]\"“”]|\b(?:but|while|whereas|which|who|that|when|because|although)\b")
#: A relative pronoun that is the subject of its clause, right after the subject it stands for ("Japan, which calls").
SUBJECT_RELATIVE_RE = re.compile(r",\s+(?:which|who)\b")
#: How many words the first predicate may hold before "and" and the second one.
COORDINATION_WORDS = 16


def coordination_ends(text: str, end: int, limit: int) -> list[int]:
    """The ends of each "and" that opens a second predicate of the subject ending at ``end``, within
    :data:`COORDINATION_WORDS` words and the subject's clause.

    Examples
    --------
    >>> text = "Japan refers to them as Etorofu and Kunashiri and considers them its own; Tokyo and Moscow talk"
    >>> coordination_ends(text, 5, len(text)), coordination_ends(text, 79, len(text))
    ([49], [])

    A relative clause right after the subject is the subject's clause: its predicates are the subject's.

    >>> text = "Japan, which calls the island Kunashiri and considers it its own, protested."
    >>> coordination_ends(text, 5, len(text))
    [43]
    """
    relative = SUBJECT_RELATIVE_RE.match(text, end, limit)
    end = relative.end() if relative is not None else end
    stop = CLAUSE_BREAK_RE.search(text, end, limit)
    hi = min(limit, stop.start() if stop is not None else limit, end + COORDINATION_WORDS * 12)
    return [hit.end() for hit in AND_VERB_RE.finditer(text, end, hi)
            if len(text[end:hit.start()].split()) <= COORDINATION_WORDS]


def gap_ends(text: str, end: int, limit: int, kind: str, coordinated: bool = True) -> list[int]:
    """Where the rest of a cue may start after a subject of ``kind`` ending at ``end``: after the nouns a side word
    qualifies (:func:`noun_gap_ends`, only for ``kind`` "word"), after adverbs (:func:`adverb_ends`), or, if
    ``coordinated``, after the "and" of a second predicate (:func:`coordination_ends`)."""
    return (noun_gap_ends(text, end, limit) if kind == "word" else []) + adverb_ends(text, end, limit) \
        + (coordination_ends(text, end, limit) if coordinated else [])


def insertion_ends(text: str, end: int, limit: int) -> list[int]:
    """Where an insertion set off by commas right after a subject may end: the position of each comma after the
    one at ``end``, within :data:`INSERTION_WORDS` words and before ``limit``, outside brackets and quotation
    marks ("Russia, which has held the islands since 1945, and has built bases there, calls them ...").

    Examples
    --------
    >>> t = "Russia, which took them in 1945, and built bases, calls them the Kurils."
    >>> [t[i:i + 6] for i in insertion_ends(t, 6, len(t))]
    [', and ', ', call']
    """
    if not text.startswith(",", end):
        return []
    ends, words = [], 0
    for hit in INSERTION_TOKEN_RE.finditer(text, end + 1, limit):
        if hit.group() == ",":
            ends.append(hit.start())
        elif hit.group()[0] in INSERTION_STOPS:
            break
        else:
            words += 1
            if words > INSERTION_WORDS:
                break
    return ends


#: The tokens of an insertion: a comma, a mark that ends it (bracket, quotation mark, colon, sentence end), a word.
INSERTION_TOKEN_RE = re.compile(r",|[()\[\]\"“”«»;:!?]|\.(?!\w)|[^\s,()\[\]\"“”«»;:!?]+")
INSERTION_STOPS = frozenset('()[]"“”«»;:!?.')


def mask_insertions(text: str) -> str:
    """``text`` with the words of insertions between paired dashes or brackets, and of relative clauses between
    commas, blanked out (offsets kept), so that a cue's gap ..N reaches over them: "Japan refers to the four
    islands - Etorofu, Kunashiri, Shikotan and the Habomai group - as its Northern Territories"; "Japan claims
    the islands, which Russia seized in 1945 and now administers, and calls them the Northern Territories".

    Examples
    --------
    >>> mask_insertions("A - b, c and d - e (f g) h.")
    'A             e       h.'
    >>> mask_insertions("Japan claims them, which Russia seized, and calls them so.")
    'Japan claims them                      and calls them so.'
    """
    masked = PAIRED_INSERTION_RE.sub(lambda hit: " " * len(hit.group()), text)
    masked = RELATIVE_INSERTION_RE.sub(lambda hit: " " * len(hit.group()), masked)
    return text if masked == text else masked


#: An insertion between paired dashes (spaced hyphens or en dashes, or em dashes) or round brackets, within a
#: sentence and at most about twenty words long.
PAIRED_INSERTION_RE = re.compile(r"\s[-–]\s[^.;!?\n()\"“”–—]{1,160}?\s[-–](?=\s)"
                                 r"|\s?—[^.;!?\n()\"“”—]{1,160}?—"
                                 r"|\s?\([^.;!?\n()]{1,160}?\)")

#: A relative clause between commas, both commas included: ", which Russia seized in 1945 and now administers,".
RELATIVE_INSERTION_RE = re.compile(r",\s+(?:which|who|whom|whose)\s[^.;:!?\n()\"“”,]{1,200}?,")
