"""Text carried by an object: the words on a banner, placard or sign, or a slogan chanted, speak as the ones
who carry or chant them, the subject of the clause ("A few hundred people rallied with banners reading "..."").

The object is no speaker (a banner says nothing of its own), and no speech verb stands in such a clause, so
the usual rules find none; this rule names the clause's subject: a candidate opening the clause, else the
noun phrase before the clause's first verb, as written.

Words quoted in the content of someone's statement are theirs too (:func:`speech_owner`): "Commenting on
Tokyo's statement about the "occupied" islands, Peskov said ..." quotes Tokyo, not Peskov; "a statement by
Prime Minister X last week that Japan would "never give up"" quotes X.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kuril_research.ingest.voice.model import Cand
from kuril_research.ingest.voice.speaker_cues import OPENING_ADVERBIAL_RE

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


#: What opens the content of a statement between its noun and a quoted fragment: "about", "that", "on" ...,
#: after at most three words ("last week that").
CONTENT_GAP_RE = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:about|that|on|regarding|concerning|over|calling|describing)"
                            r"\s[^.;:!?\"“”«»]{0,100}$")
#: A participle of saying after a comma: the sentence's subject's own words follow, no longer the content of the
#: statement before it ("rejected remarks by X on the islands, saying Tokyo's claims have "..."").
SAYING_RE = re.compile(r",\s+(?:saying|telling|adding|noting|stating|insisting|arguing|warning|claiming|stressing)\b")
#: A speech noun and "by" or "from" before the owner's name ("a statement by Japanese Prime Minister").
NOUN_BY_RE = re.compile(r"\s+(?:by|from)\s+(?:[\w-]+\s+){0,4}$")
#: A possessive inside a described candidate that ends in a speech noun: "Tokyo's" in "Tokyo's statement".
POSSESSIVE_RE = re.compile(r"[’']s\s")


def speech_owner(text: str, start: int, cands: Sequence[Cand], noun_re: re.Pattern | None,
                 owned_re: re.Pattern | None, verb_in) -> Cand | None:
    """The owner of the statement in whose content the fragment at ``start`` is quoted: the latest candidate
    before it that owns a ``speech_nouns`` word (``owned_re``: "Tokyo's statement"; ``noun_re`` before "by" or
    "from": "remarks by X") whose content opens ("about", "that", "on" ...) and runs to the fragment with no
    speech verb (``verb_in(start, end)``); None otherwise.

    Examples
    --------
    >>> noun_re = re.compile(r"\\b(?:statement|remarks)$")
    >>> owned_re = re.compile(r"[’']s\\s+(?:statement|remarks)\\b")
    >>> t = 'Commenting on Tokyo’s statement about the "occupied" islands, Petrov said they are Russian.'
    >>> tokyo = Cand(14, 19, "place", "tokyo", "Tokyo")
    >>> speech_owner(t, t.index("occupied"), [tokyo], noun_re, owned_re, lambda s, e: None).text
    'Tokyo'
    >>> t = 'He said Tokyo’s statement was "inadmissible".'
    >>> speech_owner(t, t.index("inadmissible"), [Cand(8, 13, "place", "tokyo", "Tokyo")], noun_re, owned_re,
    ...              lambda s, e: None) is None
    True
    """
    for c in reversed(cands):
        if c.role:
            continue
        if owned_re is not None and (owned := owned_re.match(text, c.end)) is not None:
            noun_end = owned.end()
        elif noun_re is not None and noun_re.search(text, c.start, c.end) is not None \
                and (own := POSSESSIVE_RE.search(text, c.start, c.end)) is not None:  # "Tokyo's statement"
            noun_end, c = c.end, Cand(c.start, own.start(), c.kind, None, text[c.start:own.start()])
        elif noun_re is not None and (by := NOUN_BY_RE.search(text, max(0, c.start - 60), c.start)) is not None \
                and by.end() == c.start and noun_re.search(text, max(0, by.start() - 30), by.start()) is not None:
            noun_end = c.end
        else:
            continue
        if CONTENT_GAP_RE.fullmatch(text, noun_end, max(noun_end, start - 1)) and verb_in(noun_end, start) is None \
                and not SAYING_RE.search(text, noun_end, start):
            return c
        return None
    return None
