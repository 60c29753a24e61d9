"""Direct speech printed the Russian way, without quotation marks (rule 1 of :mod:`kuril_research.ingest.voice`).

Russian papers, and machine translations and English copies of Russian regional pages, open a speaker's words with
a dash and break them for the attribution with ", - ": "- The document has no force today, - she emphasized. - We
have sent the papers to the President." :func:`with_dash_speech` adds such words to the quotations that
:func:`~kuril_research.ingest.voice.quotes.find_quotes` found by their marks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["DASH_OPENERS", "with_dash_speech"]

#: The characters before dash-opened direct speech's first word: dashes (em, en, bar, a hyphen for one) and spaces.
DASH_OPENERS = " \u00a0-—–―"
#: A paragraph opening with a dash (em, en or a hyphen standing for one) and a space: Russian direct speech.
DASH_OPEN_RE = re.compile(r"[—–―-][ \u00a0]+(?=\S)")
#: Where dash-opened direct speech breaks for its attribution: a comma, full stop, "!", "?" or "…", a space and a
#: dash and a space ("- Today we gathered here, - he noted." / "- We are ready! - the governor said. - But ...").
DASH_BREAK_RE = re.compile(r"(?<=[,.!?…])[ \u00a0]+[—–―-][ \u00a0]+(?=\S)")


def with_dash_speech(text: str, paragraphs: Sequence[tuple[int, int]], found: list[tuple[int, int, int]],
                     speech_verbs: re.Pattern, *, attribution_words: int = 10) -> list[tuple[int, int, int]]:
    """``found`` with direct speech printed the Russian way, without quotation marks: a paragraph that opens with a
    dash and breaks with ", - " for an attribution of at most ``attribution_words`` words before its speech
    verb, ending its sentence ("- The document has no force today, - she emphasized."). The words from the dash to
    the break are a quotation; after the attribution, " - " opens the speaker's next words, to the paragraph's end
    or the next such break. A paragraph with a quotation mark's quotation, or with no such attribution, is left
    alone (a dash-opened interview's turns are :func:`~kuril_research.ingest.voice.interviews.dash_turns`'). A
    dash-opened paragraph with no such break under a paragraph ending "... said:" is a quotation as a whole.

    Examples
    --------
    >>> import re
    >>> said = re.compile(r"\\b(?:said|noted)\\b")
    >>> t = "- We gathered here, friends, - he noted. - Nobody asked us."
    >>> [t[s:e] for s, e, _ in with_dash_speech(t, [(0, len(t))], [], said)]
    ['We gathered here, friends,', 'Nobody asked us.']
    >>> t2 = "- 1945: the landing, - a list of dates follows."  # no speech verb after the break
    >>> with_dash_speech(t2, [(0, len(t2))], [], said)
    []
    >>> t3 = "Opening the rally, Ivan Roe said:\\n\\n- We are here for the islands."
    >>> [t3[s:e] for s, e, _ in with_dash_speech(t3, [(0, 33), (35, len(t3))], [], said)]
    ['We are here for the islands.']
    """
    quoted = {pid for *_, pid in found}
    added = []
    for pid, (ps, pe) in enumerate(paragraphs):
        pe = min(pe, len(text))
        opening = DASH_OPEN_RE.match(text, ps)
        if pid in quoted or opening is None:
            continue
        spans, start = [], opening.end()
        for brk in DASH_BREAK_RE.finditer(text, start, pe):
            if brk.start() < start:
                continue  # the dash that reopens the speech after its attribution
            sentence = re.match(r"[^.!?]*[.!?]", text[brk.end():pe])
            verb = speech_verbs.search(text, brk.end(), brk.end() + sentence.end()) if sentence else None
            if verb is None or len(text[brk.end():verb.start()].split()) > attribution_words:
                continue  # a dash inside the speech ("Kunashir - our home")
            spans.append((start, brk.start(), pid))
            after = DASH_BREAK_RE.match(text, brk.end() + sentence.end()) if sentence else None
            start = after.end() if after else pe
        if spans and start < pe and text[start:pe].strip():
            spans.append((start, len(text[:pe].rstrip()), pid))
        elif not spans and pid and _introduces_speech(text, paragraphs[pid - 1], speech_verbs):
            spans.append((start, len(text[:pe].rstrip()), pid))  # "X said:" / "- The whole paragraph."
        added += spans
    return sorted(found + added) if added else found


def _introduces_speech(text: str, paragraph: tuple[int, int], speech_verbs: re.Pattern) -> bool:
    """Whether ``paragraph`` ends in a colon after a speech verb in its last sentence ("Opening the meeting, the
    deputy chairman Viktor Gladkikh said:"): the next paragraph is the speaker's words."""
    ps, pe = paragraph[0], min(paragraph[1], len(text))
    words = text[ps:pe].rstrip()
    if not words.endswith(":"):
        return False
    last = max((m.end() for m in re.finditer(r"[.!?]\s", words)), default=0)
    return speech_verbs.search(text, ps + last, ps + len(words)) is not None
