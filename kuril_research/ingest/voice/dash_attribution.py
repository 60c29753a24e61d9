"""A quotation signed with a dash and its speaker's name after it (rule 4).

Pull quotes, social media posts, newsletters and quote boxes print a quotation and then its speaker after a dash,
with nothing else on the line: '"Tokyo cannot make demands of Russia" – Foreign Ministry spokeswoman Maria
Zakharova', '"We will not give up the islands." — Ivan Petrov, deputy of the regional duma'. No speech verb
stands there for the other rules to find. :func:`dash_signed` gives such a quotation, when it has no speaker, the
person (else the body) the signature names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kuril_research.ingest.voice.model import Quote
from kuril_research.ingest.voice.speakers import SpeakerWalk

__all__ = ["SIGNATURE_RE", "dash_signed"]

#: After the quoted words: the closing mark (and a full stop or comma), a dash, then the signature to the end of the
#: paragraph: up to 120 characters with no quotation mark and no sentence after it.
SIGNATURE_RE = re.compile(r"[.,!?]?[\"”’'»]?[.,]?\s*(?:[–—]|-{1,2})\s*(?P<who>[^\n\"“”«»]{2,120}?)[.\s]*\Z")
#: A word before the quotation in its paragraph: then the dash after it continues a sentence, it signs nothing.
WORD_RE = re.compile(r"\w")
#: The candidate kinds a signature may name.
SIGNATURE_KINDS = frozenset({"person", "organisation"})


def dash_signed(text: str, paragraphs: Sequence[tuple[int, int]], q: Quote, walk: SpeakerWalk) -> Quote | None:
    """Quotation ``q`` with the speaker of the dash signature after it, or None: ``q`` has no speaker, opens its
    paragraph (after a bullet at most) and ends it but for the signature (:data:`SIGNATURE_RE`), and the signature
    holds a person's name (the first), else a person or body; ``walk`` is the
    :class:`~kuril_research.ingest.voice.speakers.SpeakerWalk` that resolves it.

    Examples
    --------
    >>> text = '"We will not give up the islands." — Ivan Petrov, deputy of the regional duma'
    >>> bool(SIGNATURE_RE.fullmatch(text, 33))
    True
    """
    if q.speaker is not None or q.speaker_text is not None:
        return None
    start, end = paragraphs[q.para_id][0], min(paragraphs[q.para_id][1], len(text))
    signed = SIGNATURE_RE.fullmatch(text, q.end, end)
    if signed is None or WORD_RE.search(text, start, q.start):
        return None  # the quotation must open its paragraph (after a bullet or an emoji at most)
    lo, hi = signed.start("who"), signed.end("who")
    inside = [c for c in walk.cands_from(lo, hi) if c.end <= hi and c.kind in SIGNATURE_KINDS]
    names = [c for c in inside if not c.role and c.kind == "person"]
    c = (names or [c for c in inside if not c.role] or [None])[0]
    if c is None:
        return None
    who = walk.resolve(c) or (c.entity, c.text)
    return Quote(q.start, q.end, q.para_id, who[0], " ".join(text[lo:hi].split()), who[1])
