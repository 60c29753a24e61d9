"""Quotations (rule 1 of :mod:`kuril_research.ingest.voice`) and transcript turns."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from kuril_research.ingest.gazetteer import Mention


CLOSING_FOR = {"“": "”\"", '"': "\"”"}  # opener -> closers, preferred first
#: Every character that can open or close a quotation; find_quotes jumps from one to the next.
QUOTE_MARK_RE = re.compile("[“”\"‘]")


def find_quotes(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Find quotations paragraph by paragraph (rule 1 of the module docstring).

    Parameters
    ----------
    text : str
        Clean article body.
    paragraphs : sequence of (start, end)
        Paragraph offsets into ``text``, in order.

    Returns
    -------
    list of (start, end, para_id)
        Quoted words without their marks, in text order, never overlapping.

    Examples
    --------
    >>> text = 'Russia’s view: “No ‘deal’ yet,” he said.\\n\\nPeace first,” Peskov said.'
    >>> i = text.index("\\n\\n")
    >>> [(text[s:e], p) for s, e, p in find_quotes(text, [(0, i), (i + 2, len(text))])]
    [('No ‘deal’ yet,', 0), ('Peace first,', 1)]
    """
    found = []
    for para_id, (ps, pe) in enumerate(paragraphs):
        pe = min(pe, len(text))
        spans: list[tuple[int, int, bool]] = []  # (start, end, is_double)
        i = ps
        while (hit := QUOTE_MARK_RE.search(text, i, pe)) is not None:
            i = hit.start()
            ch, close = text[i], None
            if ch == "”" or (ch == '"' and i > ps and not text[i - 1].isspace() and not text[i + 1:i + 2].isalnum()):
                if not any(double for *_, double in spans):  # a closing mark with no opener
                    spans, close = [(ps, i, True)], i  # absorbs earlier ‘…’ spans
            elif ch in CLOSING_FOR:
                close = _double_close(text, ch, i + 1, pe)
                spans.append((i + 1, close, True))
            elif ch == "‘" and (i == ps or not text[i - 1].isalnum()) and text[i + 1:i + 2].isalnum():
                close = _single_close(text, i + 1, pe)
                if close is not None:
                    spans.append((i + 1, close, False))
            i = i + 1 if close is None else close + 1
        found += [(s, e, para_id) for s, e, _ in spans if text[s:e].strip()]
    return found


#: Double marks that may close (or, nested, open) a quotation that a given mark opened.
NESTED_MARKS_RE = {"“": re.compile("[“”]"), '"': re.compile('"')}


def _double_close(text: str, opener: str, pos: int, end: int) -> int:
    """Position of the mark closing a double quotation opened just before ``pos``; ``end`` if none.

    Marks nest: an inner opening mark (“ or, for straight quotes, a " with white space or a bracket on its
    left and a letter on its right) must be closed before the outer quotation can close, so
    ``"We reject "Northern Territories" claims," she said`` is one quotation. A curly “ with no ” left in
    the paragraph closes at a straight " found the same way.
    """
    for mark in CLOSING_FOR[opener]:
        pattern, depth = NESTED_MARKS_RE["“" if mark == "”" else '"'], 0
        for hit in pattern.finditer(text, pos, end):
            k = hit.start()
            if text[k] == "“" or (text[k] == '"' and (k == 0 or text[k - 1].isspace() or text[k - 1] in "([—–")
                                   and text[k + 1:k + 2].isalnum()):
                depth += 1
            elif depth:
                depth -= 1
            else:
                return k
    return end


def _single_close(text: str, pos: int, end: int) -> int | None:
    """Position of the first ’ in ``text[pos:end]`` not followed by a letter."""
    while (k := text.find("’", pos, end)) >= 0:
        if not text[k + 1:k + 2].isalpha():
            return k
        pos = k + 1
    return None


#: A speaker label opening a paragraph of a transcript: "Mr. Ivan Petrov (Deputy Minister): ...",
#: "Chairperson (Ms. Anna Berg): ...", "Lavrov: ...".
TURN_RE = re.compile(r"(?:(?P<hon>Mr|Mrs|Ms|Dr|Prof)\.?\s+)?(?P<name>[A-Z][\w’'.-]*(?:[ ][A-Z][\w’'.-]*){0,3})"
                     r"(?:\s*\((?P<role>[^()\n]{1,160})\))?\s*:\s+(?=\S)")
#: An honorific and the name after it: "Ms. Anna Berg".
HONORIFIC_NAME_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+(?P<name>[A-Z][\w’'-]+(?:[ ][A-Z][\w’'-]+){0,2})")
#: A transcript has at least this many labelled paragraphs (one "Note: ..." paragraph is no transcript).
MIN_TURNS = 2


def find_turns(text: str, paragraphs: Sequence[tuple[int, int]], mentions: Sequence[Mention],
               full: dict[str, str]) -> dict[int, tuple[int, str | None, str, str]]:
    """Paragraphs of a transcript that open with a speaker label: para_id -> (start of the words, speaker
    entity, speaker as written, label).

    A label is an honorific and a name ("Mr. Oda:"), a role with a name in brackets ("Chairperson (Ms. Anna
    Berg):") or a person the gazetteer knows ("Lavrov:"). A lone family name takes the full name written
    earlier ("I call Mr. Ken Oda." ... "Mr. Oda:" is Ken Oda). Fewer than ``MIN_TURNS`` labels: no transcript.

    Examples
    --------
    >>> text = "Chair (Ms. Anna Berg): I call Mr. Ken Oda.\\n\\nMr. Oda: Thank you."
    >>> find_turns(text, [(0, 42), (44, len(text))], [], {})
    {0: (23, None, 'Anna Berg', 'Chair (Ms. Anna Berg):'), 1: (53, None, 'Ken Oda', 'Mr. Oda:')}
    >>> find_turns("Note: the figures are provisional.", [(0, 34)], [], {})
    {}
    """
    found: dict[int, tuple[int, str | None, str, str]] = {}
    starts = [m.start for m in mentions]
    for pid, (ps, pe) in enumerate(paragraphs):
        label = TURN_RE.match(text, ps, min(pe, len(text)))
        if label is None:
            continue
        entity, name = None, None
        i = bisect_left(starts, label.start("name"))
        if i < len(mentions) and mentions[i].start == label.start("name") and mentions[i].entity_type == "person" \
                and mentions[i].end <= label.end("name"):
            entity, name = mentions[i].entity, full.get(mentions[i].entity, mentions[i].surface)
        elif label.group("hon"):
            name = label.group("name")
        elif label.group("role") and (inner := HONORIFIC_NAME_RE.search(label.group("role"))):
            name = inner.group("name")
            j = bisect_left(starts, label.start("role") + inner.start("name"))
            if j < len(mentions) and mentions[j].start == label.start("role") + inner.start("name") \
                    and mentions[j].entity_type == "person":
                entity, name = mentions[j].entity, full.get(mentions[j].entity, name)
        if name is None:
            continue
        if " " not in name:  # "Mr. Oda": the full name written before ("I recognize Mr. Kenjiro Oda")
            earlier = [h.group("name") for h in HONORIFIC_NAME_RE.finditer(text, 0, ps)]
            name = next((n for n in reversed(earlier) if n.endswith(" " + name)), name)
        found[pid] = (label.end(), entity, name, " ".join(text[ps:label.end()].split()))
    return found if len(found) >= MIN_TURNS else {}
