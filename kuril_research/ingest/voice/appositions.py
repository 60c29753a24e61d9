"""The head of an apposition: a name set off by commas after a person speaks through that person.

"Hanako Jimi, the minister in charge of Okinawa and Northern Territories affairs, urged ..." and "Ken Sato, the
minister for Okinawa and Northern Territories Affairs, told reporters ..." put a body's name (the minister's
portfolio, an organisation the gazetteer knows) right before the comma that closes the apposition and the verb.
That comma does not make the body the verb's subject: the person whose apposition it closes is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kuril_research.ingest.voice.model import Cand

#: Inside an apposition no other comma, clause mark or quotation stands ('Kihara, who ..., told').
APPOSITION_BODY_RE = re.compile(r"[^,;:.!?\"“”]*")


def apposition_head(text: str, before: Sequence[Cand], c: Cand) -> Cand:
    """The candidate whose apposition ``c`` ends: the one right before the comma that opens it, a named
    person ("Hanako Jimi, the minister in charge of <c>,"); ``c`` itself when it opens no such apposition.

    Examples
    --------
    >>> t = "Hanako Jimi, the minister in charge of Okinawa affairs, urged Russia"
    >>> head = Cand(0, 11, "person", None, "Hanako Jimi")
    >>> body = Cand(39, 54, "organisation", "okinawa_affairs", "Okinawa affairs")
    >>> apposition_head(t, [head, body], body).text
    'Hanako Jimi'
    >>> t2 = "Japan, Russia and the Okinawa affairs office, urged"
    >>> apposition_head(t2, [Cand(0, 5, "place", None, "Japan"), Cand(22, 43, "organisation", None, "x")],
    ...                 Cand(22, 43, "organisation", None, "x")).text
    'x'
    """
    for p in reversed([b for b in before if b.end < c.start]):
        if text[p.end:p.end + 1] == ",":
            if p.kind == "person" and not p.role and APPOSITION_BODY_RE.fullmatch(text, p.end + 1, c.start) \
                    and text[p.end + 1:p.end + 6].lstrip().lower().startswith(("the ", "a ", "an ")):
                return p
            break
    return c


def apposed_cue(text: str, cands: Sequence[Cand], cue, resolve) -> tuple | None:
    """(entity, as written, kind, cue words, False) of the person whose apposition a naming cue's body ends
    ("Ken Sato, the minister for Okinawa and Northern Territories Affairs, told reporters the trip was "..."":
    Ken Sato), ``resolve`` giving a candidate's (entity, as written); None when the cue's subject is in none.

    Examples
    --------
    >>> from kuril_research.ingest.voice.model import Cue
    >>> t = "Ken Sato, the minister for Okinawa affairs, told reporters it was"
    >>> cue = Cue(23, 65, 70, "okinawa_affairs", "organisation", "Okinawa affairs")
    >>> apposed_cue(t, [Cand(0, 8, "person", None, "Ken Sato")], cue, lambda c: (c.entity, c.text))
    (None, 'Ken Sato', 'person', 'for Okinawa affairs, told reporters it was', False)
    """
    body = Cand(cue.start, cue.end, cue.kind, cue.entity, cue.text)
    head = apposition_head(text, list(cands), body)
    if head is body:
        return None
    found = resolve(head) or (None, head.text)
    return found[0], found[1], head.kind, " ".join(text[cue.start:cue.end].split()), False
