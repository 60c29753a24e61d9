"""A dateline printed apart from the lead: a place alone on its line among the page's header lines.

Many sites print the dateline's place on a line of its own, not always right over the lead: under the comment
counter over the headline ("12 Comments", "TOKYO", then the headline), between the byline and the date ("By Jane
Roe", "NEMURO, JAPAN", "April 16, 1998"), or left over the lead after a notice the position rules took for the
story's start. The position rules (:func:`.dateline.find_dateline`) then log it as a header line or keep it as a
paragraph, and the article has no dateline. This module finds it again once the header is read: a line above the
story's first lead paragraph, removed as a header line (:data:`HEADER_REASONS`) or kept over the lead, that is
wholly a place in capitals (:data:`.dateline.PLACE_LINE_RE`) and is a place, not a section label or a site's name
in capitals ("POLITICS", "THE ASAHI SHIMBUN"): it names its country or its agency ("NEMURO, JAPAN", "AFP, TOKYO"),
or it is a town the lexicon knows (``dateline_places`` in ``furniture.yaml``, with ``place_name_words`` for the
words of longer names: "NEW DELHI"). A town in mixed case with a colon ("Tokyo:", "New Delhi:"), as South Asian and
Gulf sites print the dateline in its own span that a copy puts on its own line, is the dateline only when it is a
known town standing right over the lead: in mixed case, a word and a colon may be any label.
"""

from __future__ import annotations

import re

from kuril_research.ingest.parse.dateline import PLACE_LINE_RE, is_lead
from kuril_research.ingest.parse.lexicon import FurnitureLexicon
from kuril_research.ingest.parse.records import Removed

__all__ = ["HEADER_REASONS", "TOWN_COLON_RE", "is_known_place", "header_place"]

#: Reasons under which the header rules log a place printed on its own line.
HEADER_REASONS = frozenset({"site header", "byline", "section label"})
#: A town in mixed case and a colon alone on its line ("Tokyo:", "New Delhi:", "Yuzhno-Sakhalinsk:").
#: (its ``agency`` and ``country`` groups never match: they are there for the caller, as in a place line)
TOWN_COLON_RE = re.compile(r"\A(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})(?P<dash>:)\Z(?:(?!)(?P<agency>)(?P<country>))?")
#: How a place of several words or towns splits into words ("TOKYO/MOSCOW", "TOKYO and MOSCOW", "NEW DELHI").
_PLACE_WORDS_RE = re.compile(r"\s*/\s*|\s+(?:and|&)\s+|\s+")


def is_known_place(place: str, lex: FurnitureLexicon) -> bool:
    """Whether every word of ``place`` is a town of ``dateline_places`` or a word of a place's name
    (``place_name_words``), and one at least a town.

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> lex = default_furniture()
    >>> is_known_place("TOKYO", lex), is_known_place("TOKYO/MOSCOW", lex), is_known_place("YUZHNO-SAKHALINSK", lex)
    (True, True, True)
    >>> is_known_place("POLITICS", lex), is_known_place("THE ASAHI SHIMBUN", lex), is_known_place("NEW", lex)
    (False, False, False)
    """
    words = [w.lower() for w in _PLACE_WORDS_RE.split(place.strip()) if w]
    towns = lex.dateline_places
    return bool(words) and all(w in towns or w in lex.place_name_words for w in words) and any(w in towns for w in words)


def header_place(lines: list[str], body: list[tuple[int, str]], removed: list[Removed],
                 lex: FurnitureLexicon) -> tuple[int, re.Match[str]] | None:
    """The 1-based number and match of the place line that is the dateline of a page where none was found, or None.

    Parameters
    ----------
    lines : list of str
        The page's lines (normalised), numbered from 1.
    body : list of (int, str)
        The kept paragraphs with their line numbers, in order.
    removed : list of Removed
        The lines the rules removed so far.
    lex : FurnitureLexicon
        Gives ``dateline_labels``, ``dateline_places`` and ``place_name_words``.

    Returns
    -------
    tuple of (int, re.Match) or None
        The first line above the story's first lead paragraph (:func:`.dateline.is_lead`) that is kept or removed
        as a header line (:data:`HEADER_REASONS`), matches :data:`.dateline.PLACE_LINE_RE` wholly, is no
        ``dateline_labels`` word, and names a country or an agency or a known place (:func:`is_known_place`).

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> lines = ["12 Comments", "TOKYO", "", "Ferry to the islands resumes", "",
    ...          "The ferry between Nemuro and the islands will sail again from Monday, officials said."]
    >>> removed = [Removed(1, lines[0], "comment notice"), Removed(2, "TOKYO", "site header")]
    >>> number, match = header_place(lines, [(6, lines[5])], removed, default_furniture())
    >>> number, match.group("place")
    (2, 'TOKYO')
    >>> removed = [Removed(2, "POLITICS", "section label")]
    >>> header_place(["", "POLITICS"] + lines[2:], [(6, lines[5])], removed, default_furniture()) is None
    True
    >>> lines = ["Ferry to the islands resumes", "", "Tokyo:", "", lines[5]]
    >>> header_place(lines, [(3, "Tokyo:"), (5, lines[4])], [], default_furniture())[1].group(0)
    'Tokyo:'
    >>> header_place(lines, [(3, "Tokyo:"), (4, "Read more"), (5, lines[4])], [], default_furniture()) is None
    True
    """
    lead = next((number for number, text in body if is_lead(text)), None)
    if lead is None:
        return None
    kept = {number for number, _ in body}
    above_lead = max((number for number in kept if number < lead), default=None)
    logged = {r.line for r in removed if r.reason in HEADER_REASONS}
    for number in range(1, lead):
        if number not in kept and number not in logged:
            continue
        text = lines[number - 1].strip()
        match = PLACE_LINE_RE.match(text)
        if match is None and number in kept and number == above_lead:
            town = TOWN_COLON_RE.match(text)  # "Tokyo:" right over the lead
            if town is not None and is_known_place(town.group("place"), lex):
                return number, town
        if match is None or match.group("place").lower() in lex.dateline_labels:
            continue
        if match.group("country") or match.group("agency") or is_known_place(match.group("place"), lex):
            return number, match
    return None
