"""Speaker labels of a transcript: their grammar, and the person a label names.

A label opens a paragraph and ends in a colon: an optional honorific, capitalised words joined by "of", "for",
"the", "and" or "on" (a title and a name: "President of Russia Vladimir Putin"), an optional part after a comma
(an outlet or a title: "Mr. Taro Kono, Minister for Foreign Affairs"; "Asahi Shimbun, Matsui") and an optional
bracket ("(retranslated)", "(Ota, Hokkaido Shimbun)"). Which labels speak, and as whom, is decided by
:mod:`~kuril_research.ingest.voice.turns`; this module gives it the parts of a label and the names in them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kuril_research.ingest.gazetteer import Mention
from kuril_research.ingest.voice.lexicon_record import VoiceLexicon

#: Lower-case words that join the capitalised words of a title inside a label ("President of Russia", "Minister
#: for Foreign Affairs", "Director of the Information and Press Department").
LABEL_JOIN = r"(?:(?:of|for|the|and|on)[ ])*"
#: A speaker label opening a paragraph: an optional honorific, up to eight capitalised words (a title and a name:
#: "President of Russia Vladimir Putin"), an optional ", Outlet" or ", Title" ("Mr. Taro Kono, Minister for Foreign
#: Affairs"; "Asahi Shimbun, Matsui") and an optional "(role or name)", then a colon and the words.
TURN_RE = re.compile(r"(?:(?P<hon>Mr|Mrs|Ms|Dr|Prof|MR|MRS|MS|DR|PROF)\.?\s+)?"
                     rf"(?P<name>[A-Z][\w’'.-]*(?:[ ]{LABEL_JOIN}[A-Z][\w’'.-]*){{0,7}})"
                     rf"(?:,\s+(?P<outlet>[A-Z][\w’'.&-]*(?:[ ]{LABEL_JOIN}[A-Z][\w’'.&-]*){{0,9}}))?"
                     r"(?:\s*\((?P<role>[^()\n]{1,160})\))?\s*:(?:\s+(?=\S)|\s*\Z)")
#: A turn of a congressional hearing's or the Congressional Record's text: an honorific and a family name, or a
#: member's title and a family name, or the chair's title, as printed, then a full stop and the words ("Mr. Oberg.
#: Thank you, Mr. Chairman."; "Senator Thomas. Without objection."; "Mr. HARTWELL. Mr. Speaker, I rise ...";
#: "The CHAIRMAN. The committee will come to order."). Its groups are :data:`TURN_RE`'s (no outlet, no role). A
#: full stop after a name is common in prose, so such labels count only on a page where they open two paragraphs
#: or more (:func:`~kuril_research.ingest.voice.turns.find_turns`).
RECORD_TURN_RE = re.compile(r"(?:(?P<hon>Mr|Mrs|Ms|Dr)\.[ ]+)?(?P<name>(?<=\.[ ])[A-Z][\w’'-]+"
                            r"|(?:Senator|Representative|Ambassador|Secretary|Chairman|Chairwoman)[ ]+[A-Z][\w’'-]+"
                            r"|The[ ](?:CHAIRMAN|Chairman"
                            r"|CHAIRWOMAN|Chairwoman|CHAIR|Chair|SPEAKER|Speaker|PRESIDING[ ]OFFICER))"
                            r"(?P<outlet>(?!))?(?P<role>(?!))?\.[ ]+(?=\S)")

#: A questioner introducing himself: a sentence that is a name and the outlet ("Takuya Hirano, Kyodo News.").
SELF_INTRODUCED_RE = re.compile(r"(?:^|(?<=[.!?:]\s))(?P<name>[A-Z][\w’'-]+(?:[ ][A-Z][\w’'-]+){1,2})(?:,\s+|"
                                r"\s+(?:with|from|of)\s+(?:the\s+)?)[A-Z][\w’'.&-]*(?:[ ][A-Z][\w’'.&-]*){0,3}\.")
#: A questioner naming only the outlet, in a sentence of its own that opens the turn ("QUESTION: Kyodo News. The
#: Japanese side says ..."; "Question: NHK. In Japan ..."): two or more capitalised words, or one with two capitals.
OUTLET_OPENING_RE = re.compile(r"\s*(?P<name>[A-Z][\w’'&-]*(?:[ ][A-Z][\w’'&-]*){1,3}|[A-Z][\w’'&-]*[A-Z][\w’'&-]*)"
                               r"\.\s+(?=[A-Z])")

def questioner_name(text: str, start: int, end: int, *, asking: bool) -> str | None:
    """The name a questioner gives in the turn ``text[start:end]``: a name and the outlet ("Good evening. Takuya
    Hirano, Kyodo News."; "Yuki Hamada with NHK."), or, in a question label's turn (``asking``), the outlet alone
    as the turn's first sentence ("QUESTION: Kyodo News. The Japanese side ..."); None when the turn gives none.

    Examples
    --------
    >>> t = "Good evening. Takuya Hirano, Kyodo News. Will the visits resume?"
    >>> questioner_name(t, 0, len(t), asking=False)
    'Takuya Hirano'
    >>> t = "NHK. Will the visits resume?"
    >>> questioner_name(t, 0, len(t), asking=True), questioner_name(t, 0, len(t), asking=False)
    ('NHK', None)
    >>> t = "Thanks. Is a visit being prepared?"  # one capital: a word of the question, no outlet
    >>> questioner_name(t, 0, len(t), asking=True) is None
    True
    """
    if (intro := SELF_INTRODUCED_RE.search(text, start, end)) is not None:
        return intro.group("name")
    outlet = OUTLET_OPENING_RE.match(text, start, end) if asking else None
    return None if outlet is None else outlet.group("name")


def label_parts(label: re.Match) -> list[tuple[int, int]]:
    """The comma-separated parts of a label's name and outlet groups, as (start, end) offsets."""
    parts = []
    for group in ("name", "outlet"):
        if label.group(group) is None:
            continue
        pos = label.start(group)
        for piece in label.group(group).split(","):
            parts.append((pos, pos + len(piece.rstrip())))
            pos += len(piece) + 1
    return parts


def person_heading_part(text: str, label: re.Match, mentions: Sequence[Mention],
                         full: dict[str, str]) -> tuple[str, str] | None:
    """(entity, full name) of a gazetteer person whose name ends a part of a label, after the title words and
    initials before it ("President of Russia Vladimir Putin", "M.Zakharova", "Sergey Lavrov, Foreign Minister of
    Russia"); None if no part ends in one ("Putin's visit")."""
    for start, end in label_parts(label):
        for m in mentions:
            if m.entity_type == "person" and start <= m.start and m.end == end:
                return m.entity, full.get(m.entity, m.surface)
    return None


#: Initials glued to a family name in a label: "M.Zakharova", "S.V. Lavrov".
INITIALS_RE = re.compile(r"(?:[A-Z]\.\s?)+(?=[A-Z][a-z])")


def titled_part(label: re.Match, lex: VoiceLexicon) -> str | None:
    """The personal name a label gives in one of its parts, once title words are cut from the left ("Deputy
    Minister of Defence Ivan Petrov" -> "Ivan Petrov"; "Ivan Petrov, Director of the Department" -> "Ivan Petrov"),
    else a lone family name beside an outlet or title part ("NHK, Okuzumi" -> "Okuzumi"), or after initials
    ("A.Ivanov"); None if no part is a name.

    Examples
    --------
    >>> from kuril_research.ingest.voice.lexicon import load_voice_lexicon
    >>> lex = load_voice_lexicon()
    >>> [titled_part(TURN_RE.match(s), lex) for s in ("Deputy Minister of Defence Ivan Petrov: Yes.",
    ...  "NHK, Okuzumi: Yes.", "A.Ivanov: No.", "Joint Statement of the Two Leaders: We agree.")]
    ['Ivan Petrov', 'Okuzumi', 'A.Ivanov', None]
    """
    parts = [label.string[s:e] for s, e in label_parts(label)]
    roles = lex.turn_roles.get("speaker", frozenset())
    for part in parts:
        words = part.split()
        for n in (3, 2):  # a name after its title: the title holds a role ("Minister", "Chairman")
            name, title = words[-n:], " ".join(words[:-n]).lower()
            if len(words) >= n and (not title or any(re.search(rf"\b{re.escape(r)}\b", title) for r in roles)) \
                    and is_name(" ".join(name), lex):
                return " ".join(name)
    for part in parts:
        if (initials := INITIALS_RE.match(part)) is not None and is_name(part[initials.end():], lex, single=True):
            return part
    if len(parts) == 2:
        lone = [p for p in parts if " " not in p and is_name(p, lex, single=True)]
        if len(lone) == 1:
            return lone[0]
    return None


def is_name(written: str, lex: VoiceLexicon, *, single: bool = False) -> bool:
    """Whether capitalised words can be a personal name: two or three words (one if ``single``), none a title,
    a stop word or a transcript role."""
    words = written.split()
    if not (1 if single else 2) <= len(words) <= 3:
        return False
    return all(w.lower() not in lex.name_title_words and w.lower() not in lex.name_stop_words for w in words) \
        and written.lower() not in lex.turn_roles.get("speaker", ()) \
        and written.lower() not in lex.turn_roles.get("question", ())
