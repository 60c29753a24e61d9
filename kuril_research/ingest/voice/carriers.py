"""Text carried by an object: the words on a banner, placard or sign, or a slogan chanted, speak as the ones
who carry or chant them, the subject of the clause ("A few hundred people rallied with banners reading "..."").

The object is no speaker (a banner says nothing of its own), and no speech verb stands in such a clause, so
the usual rules find none; this rule names the clause's subject: a candidate opening the clause, else the
noun phrase before the clause's first verb, as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kuril_research.ingest.voice.model import Cand
from kuril_research.ingest.voice.subjects import OPENING_ADVERBIAL_RE

#: An object carrying text and the verb that introduces its words, ending where the quotation opens:
#: "banners reading", "a placard that said:", "signs saying", "chanting the slogan,", "chanted slogans such as".
CARRIER_RE = re.compile(
    r"\b(?:(?:banners?|placards?|signs?|posters?|slogans?|t-shirts?|flags?|leaflets?|stickers?)\s+"
    r"(?:(?:that|which)\s+)?(?:reading|reads?|saying|says|said|proclaiming|declaring)"
    r"|chant(?:ed|ing|s)?\s+(?:the\s+)?slogans?)"
    r"(?:\s+such\s+as)?\s*[:,]?\s*$", re.I)
#: Further quotations of one list after the first: '"...", "..." and "..."'.
LIST_TAIL_RE = re.compile(r"(?:[\"“][^\"“”]*[\"”]\s*(?:,|;|and|or|,\s*and)?\s*)*")
#: A time phrase opening the clause before its subject: "Last weekend", "On Sunday,", "Earlier this month".
TIME_LEAD_RE = re.compile(r"\s*(?:(?:last|this|next|earlier|later)\s+(?:this\s+)?[a-z]+|on\s+(?-i:[A-Z])[a-z]+"
                          r"|in\s+(?-i:[A-Z0-9])\w*|yesterday|today|meanwhile)\s*,?\s+", re.I)
#: The clause's first verb: a past form ("rallied", "held up") or a copula; the subject phrase ends before it
#: (not a noun or adjective in "-ed": "a few hundred people").
VERB_RE = re.compile(r"\b(?:(?!(?:hundred|red|need|seed|speed|bed|creed|greed)\b)[a-z]+ed|held|carried|took|stood|wore|hung|came|went|ran|were|was|are|is|have|has|had)\b")
#: Where a later clause with its own subject opens before the carrier: ", during which the participants chanted".
CLAUSE_OPENING_RE = re.compile(r"(?:,\s+(?:(?:during|in|at|after)\s+which|where|when|while|and|but)|;)\s+")
#: The longest subject phrase taken as written.
PHRASE_WORDS = 8


def carrier_subject(text: str, sent_start: int, start: int, cands: Sequence[Cand]) -> Cand | None:
    """The subject of the clause whose carried text opens at ``start`` (the first character inside the
    mark), or None when no carrier phrase introduces it.

    ``cands`` are the candidates of the sentence before the quotation. A named person or body opening the
    clause speaks; otherwise the words before the clause's first verb, as written (a described group).

    Examples
    --------
    >>> t = 'Last weekend a few hundred people rallied in Moscow with banners reading "Not one island."'
    >>> carrier_subject(t, 0, t.index("Not"), []).text
    'a few hundred people'
    >>> t = 'The banners were red. "Not one island," he said.'
    >>> carrier_subject(t, 22, t.index("Not"), []) is None
    True
    """
    head = text[sent_start:max(sent_start, start - 1)]
    carrier = None
    for carrier in CARRIER_RE.finditer(text, sent_start, max(sent_start, start - 1)):
        pass
    if carrier is None:
        for m in re.finditer(r"[\"“]", head):  # a later quotation of the list: the carrier before the first
            if (c := CARRIER_RE.search(text, sent_start, sent_start + m.start())) is not None \
                    and LIST_TAIL_RE.fullmatch(text, sent_start + m.start(), start - 1):
                carrier = c
                break
    if carrier is None:
        return None
    clause = sent_start
    for joint in CLAUSE_OPENING_RE.finditer(text, sent_start, carrier.start()):
        clause = joint.end()  # "'...,' Ivan Petrov told the rally, during which the crowd chanted slogans such as"
    while (lead := OPENING_ADVERBIAL_RE.match(text, clause) or TIME_LEAD_RE.match(text, clause)) is not None \
            and lead.end() > clause:  # "Last weekend", "In the port city of Nemuro,": before the subject
        clause = lead.end()
    opening = [c for c in cands if clause <= c.start <= clause + 4 and c.end <= carrier.start() and not c.role]
    if opening:
        return opening[0]
    for verb in VERB_RE.finditer(text, clause, carrier.end()):
        phrase = " ".join(text[clause:verb.start()].split())
        if phrase and not any(ch in phrase for ch in ",;:\"“”"):
            return Cand(clause, verb.start(), "person", None, phrase) if len(phrase.split()) <= PHRASE_WORDS else None
    return None
