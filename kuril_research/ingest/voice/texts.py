"""Texts as speakers of fragments (rule 4c of :mod:`kuril_research.ingest.voice`): resolutions, reports, papers.

A quoted fragment is often the wording of a text, not of a person: "a resolution adopted by the lower house,
which for the first time calls the islands "illegally occupied""; "Japan's annual foreign policy report repeated
on Tuesday that the islands are "illegally occupied""; "The amendment states that "..."". The text speaks as
written (determiner and modifiers kept: "Japan's annual defense white paper", "this year's resolution") when it
is the subject of a ``text_verbs`` verb before the fragment, or the antecedent of a relative clause with one
("..., which again describes ... as "...""), or the source of an opening "According to the text,". Its head
is a ``text_heads`` noun (``voice.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kuril_research.ingest.voice.model import Cand

#: What may open a text's noun phrase: an article or possessive pronoun, a name's possessive, "this year's".
TEXT_OPENER = r"(?:(?i:the|a|an|its|their|this)|[A-Z][\w-]*[’']s|(?i:this|last|next)\s+year[’']s)"
#: The words between the opener and the head: up to four modifiers ("annual defense", "2020", "joint").
TEXT_MODIFIERS = r"(?:(?!(?i:the|a|an|that|which)\s)[\w-]+\s+){0,4}?"
#: A relative pronoun after the text (a participle's phrase may stand between: "a resolution adopted by the lower
#: house on Wednesday, which"), with its comma: the relative clause's verb is the text's; not "that" before a time
#: ("a statement posted late that evening, the ministry said": a demonstrative).
RELATIVE = r"(?:\s*,?\s+(?:which|that(?!\s+(?:day|evening|morning|afternoon|night|week|month|year|time)\b))\b)"
#: What may stand between the text (or its relative pronoun) and its verb: a participle's phrase ("adopted at the
#: rally on February 7"), an adverbial ("for the first time in eight years", "once again"); no clause end, and no
#: word that opens a clause of its own ("... as the only basis, and that it said": its subject is "it").
GAP = r"(?:(?!\b(?:that|and|but|while|whereas|it|they|he|she|who)\b)[^.;:!?\"“”«»]){0,80}?"
#: Prepositions before a text that is no subject of its own verb ("In the report, Putin said").
PREPOSITION_BEFORE_RE = re.compile(r"\b(?:in|on|at|with|from|under|by|of|for|to|about|over|into)\s+$", re.I)
#: "that" right before a text: with a speech verb before it, the text is in someone's reported words ("The
#: foreign minister noted that the declaration of 1956 states "..."": the minister's account of it).
THAT_BEFORE_RE = re.compile(r"\bthat\s+$", re.I)
#: The name of what a text belongs to after its head: "of the envoy of Japan", "to the Russian Constitution".
TAIL_RE = re.compile(r"\s+(?:of|to)\s+(?:the\s+)?(?:[A-Z][\w-]*|[a-z]+)(?:\s+(?:of\s+)?[A-Z][\w-]*)*")
#: "According to" opening a sentence before a text.
ACCORDING_RE = re.compile(r"\s*according\s+to\s+", re.I)


def texts_re(heads: Sequence[str], verbs: Sequence[str] = (), numbered: Sequence[str] = ()) -> re.Pattern:
    """The pattern of a text (group ``text``, the phrase as written) and, with ``verbs``, its verb: groups
    ``rel`` (a relative pronoun) and ``verb``. A ``numbered`` head is a part of a text written with its number
    and no article needed ("Article 9", "its Article 2(c)"); what it belongs to follows ("of the declaration").

    Examples
    --------
    >>> rx = texts_re(["white paper", "report"], ["describes", "repeated"])
    >>> m = rx.search("Japan's annual white paper, which again describes them as")
    >>> m.group("text"), m.group("verb")
    ("Japan's annual white paper", 'describes')
    >>> texts_re(["text"]).match("the text, the Soviet Union").group("text")
    'the text'
    >>> texts_re(["text"], ["provides"], ["article"]).search("Its Article 9 provides that").group("text")
    'Its Article 9'
    """
    head = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(heads, key=len, reverse=True))
    part = "|".join(re.escape(h) for h in sorted(numbered, key=len, reverse=True))
    part = rf"|(?:{TEXT_OPENER}\s+)?(?i:{part})\s+\d+(?:\([a-z]\))?" if numbered else ""
    phrase = rf"\b(?P<text>{TEXT_OPENER}\s+{TEXT_MODIFIERS}(?i:{head})s?{part})(?!\w)"
    if not verbs:
        return re.compile(phrase)
    verb = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    return re.compile(rf"{phrase}(?:{GAP}(?P<rel>{RELATIVE}))?{GAP}\b(?P<verb>(?i:{verb}))\b")


def text_speaker(text: str, sent_start: int, start: int, pattern: re.Pattern | None,
                 cands: Sequence[Cand], verb_in: Callable[[int, int], re.Match | None],
                 phrase: re.Pattern | None = None) -> Cand | None:
    """The text that speaks the fragment at ``start`` in the sentence from ``sent_start``: the last text before it
    that is the subject of a text verb (not after a preposition, unless a relative pronoun follows it) with no
    person or body named between the text and its verb and no speech verb between that verb and the fragment;
    else the text (``phrase``) of an opening "According to ...,". None if there is none.

    Examples
    --------
    >>> rx = texts_re(["report"], ["repeated"])
    >>> t = 'The annual report repeated that the islands are "occupied".'
    >>> text_speaker(t, 0, t.index("occupied"), rx, [], lambda s, e: None).text
    'The annual report'
    >>> t = 'In the report, Ivan Petrov repeated that the islands are "occupied".'
    >>> text_speaker(t, 0, t.index("occupied"), rx, [Cand(15, 26, "person", None, "Ivan Petrov")],
    ...              lambda s, e: None) is None
    True
    """
    if pattern is None:
        return None
    found = None
    pos = sent_start
    while (m := pattern.search(text, pos, start)) is not None:
        pos = m.start("text") + 1
        if m.end("verb") > start or (m.group("rel") is None
                                     and PREPOSITION_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())):
            continue
        if any(c.kind in ("person", "organisation") and not c.role and m.end("text") <= c.start < m.start("verb")
               for c in cands):
            continue  # "the report on Ivan Petrov's visit said": a name between, the usual rules
        if verb_in(m.end("verb"), start) is not None:
            continue  # another speech verb governs the fragment
        if THAT_BEFORE_RE.search(text, max(0, m.start() - 6), m.start()) and verb_in(sent_start, m.start()):
            continue  # "X noted that the declaration states "..."": X's account
        end = m.end("text")
        if (tail := TAIL_RE.match(text, end)) is not None and tail.end() <= m.start("verb"):
            end = tail.end()  # "The letter of the envoy of Japan describes"
        found = Cand(m.start("text"), end, "document", None, " ".join(text[m.start("text"):end].split()))
    if found is None and phrase is not None and (according := ACCORDING_RE.match(text, sent_start)) is not None \
            and (m := phrase.match(text, according.end())) is not None:
        comma = text.find(",", m.end("text"), start)
        if comma == m.end("text") and verb_in(comma, start) is None:  # "According to the text, X seized "...""
            found = Cand(m.start("text"), m.end("text"), "document", None, " ".join(m.group("text").split()))
    return found
