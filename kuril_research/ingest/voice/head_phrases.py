"""Speaker phrases widened to their head noun: "the Kremlin official", "the official communique" speak, not the
"Kremlin" or "the official" inside them."""

from __future__ import annotations

import re

from kuril_research.ingest.voice.lexicon_record import VoiceLexicon
from kuril_research.ingest.voice.model import Cand


#: An article right before a modifier of a head noun: "the Kremlin official" is spoken of from "the".
ARTICLE_BEFORE_RE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s$")


def head_phrases(text: str, cands: list[Cand], lex: VoiceLexicon) -> list[Cand]:
    """Candidates with a modifier widened to the noun phrase they modify: a name, a place or a role right
    before a ``speaker_heads`` noun only says whose that head is ("the Kremlin official said", "Tokyo officials
    said", "the official communique stated"); the head noun's phrase speaks, with the article before it. A
    person's head in the singular after "the", or a ``generic_role_heads`` one, is a role: it stands for the
    person named before ("Dmitry Ivanov, an aide ... "...," the Kremlin official said": Ivanov; "the Kremlin
    representative noted"); a ``text_heads`` noun speaks as written. Candidates inside the phrase are dropped.

    Examples
    --------
    >>> from kuril_research.ingest.voice.lexicon import load_voice_lexicon
    >>> text = "The talks stalled, the official communique stated."
    >>> [(c.text, c.role) for c in head_phrases(text, [Cand(19, 31, "person", None, "the official", True)],
    ...                                         load_voice_lexicon())]
    [('the official communique', False)]
    """
    if lex.head_after_re is None:
        return cands
    out, wide = [], []
    for c in cands:
        words = c.text.split()
        head = lex.head_after_re.match(text, c.end)
        if head is None or not words or words[-1].lower() in lex.genders or c.kind == "person" and not c.role:
            out.append(c)  # "he official" is no phrase; "Ivan Petrov spokesman" is no phrase of news either
            continue
        start = c.start
        if (article := ARTICLE_BEFORE_RE.search(text, max(0, c.start - 4), c.start)) is not None:
            start = article.start()
        noun = head.group().strip().lower()  # singular: a head itself, not its plural ("officials")
        role = noun in lex.name_title_words and noun not in lex.text_heads and (
            noun in lex.generic_role_heads or text[start:start + 3].lower() == "the")
        wide.append(Cand(start, head.end(), "person", None, " ".join(text[start:head.end()].split()), role))
    return [c for c in out if not any(w.start < c.end and c.start < w.end for w in wide)] + wide
