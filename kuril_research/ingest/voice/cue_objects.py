"""What stands right after a naming cue (rule 3): a name it gives, or an object that is no name given.

A naming cue gives the name right after it, but some cues take an object first: "Russia considers the South Kuril
Islands its sovereign territory" classes the islands, named in the outlet's words, under a predicate; "the embassy
denounced what it called "an anti-Russian campaign" and recalled that the Kurils ..." gave its name, a quoted
phrase, before the Kurils. Both follow from the grammar of the cue, not from the words of an outlet.
"""

from __future__ import annotations

import re

#: A name right after a cue, maybe after a possessive: "as the South Kurils", "as its Northern Territories".
GIVES_NAME_RE = re.compile(r"\s+(?:(?:its|their)\s+(?:own\s+)?)?(?:the\s+)?[\"“„‘']?[A-Z]")
#: A capitalised word: a name the cue may already have given.
CAPITAL_RE = re.compile(r"\b[A-Z]")
#: An insertion between two dashes of one kind inside a sentence, from the opening dash.
DASH_PAIR_RE = re.compile(r"\s?(?P<d>[—–])\s?[^.;!?\n()\"“”–—]{1,160}?\s?(?P=d)(?=\s?\w)")
#: Verbs that class an object under a predicate: their object is the referent, the predicate the name.
CLASSING_VERBS = frozenset({"considers", "consider", "considered", "regards", "regard", "regarded"})
#: A predicate after a classing verb's object: "its sovereign territory", "part of ...", "an integral part", "to be".
PREDICATE_RE = re.compile(r",?\s+(?:its|their|an?|part\s+of|to\s+be|integral|inherent|illegally|legally|rightfully)\b",
                          re.I)
#: A whole quotation right after a cue: the name the cue gave ('what it called "an anti-Russian campaign"').
QUOTED_OBJECT_RE = re.compile(r"\s*(?:the\s+)?[\"“][^\"“”\n]{1,200}[\"”]")


def classed_object(text: str, cue_start: int, cue_end: int, list_end: int) -> bool:
    """Whether the names ending at ``list_end``, right after a classing cue (``text[cue_start:cue_end]`` ends in
    "considers" or "regards"), are its object, followed by a predicate: the referent, in the outlet's words.

    Examples
    --------
    >>> t = "Russia considers the South Kurils its sovereign territory."
    >>> classed_object(t, 0, 16, 33), classed_object("Russia considers the South Kurils.", 0, 16, 33)
    (True, False)
    """
    words = text[cue_start:cue_end].split()
    return bool(words) and words[-1].lower() in CLASSING_VERBS and PREDICATE_RE.match(text, list_end) is not None


def quoted_object_before(text: str, cue_end: int, pos: int) -> bool:
    """Whether a whole quotation stands right after a cue ending at ``cue_end`` and ends before ``pos``: the cue gave
    that quoted phrase as its name, not the name at ``pos``.

    Examples
    --------
    >>> t = 'It denounced what it called "a campaign" and recalled that the Kurils were won.'
    >>> quoted_object_before(t, 27, t.index("Kurils")), quoted_object_before('what it called "the Kurils"', 14, 20)
    (True, False)
    """
    hit = QUOTED_OBJECT_RE.match(text, cue_end)
    return hit is not None and hit.end() <= pos
