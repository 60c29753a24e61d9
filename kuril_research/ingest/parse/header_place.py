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
known town standing right over the lead: in mixed case, a word and a colon may be any label; so is such a town alone
without the colon ("Tokyo" over the lead of a paper's e-edition page). A wire's credit with its town ("AFP/Tokyo",
"The Associated Press, Moscow") and a town and date under a wire's credit are the dateline too, and so is a known town
and a date alone right over the lead ("Moscow, March 22", as Indian papers print a wire's copy), whatever the
rules logged it as.
"""

from __future__ import annotations

import re

from kuril_research.ingest.parse.dateline import PLACE_LINE_RE, is_lead
from kuril_research.ingest.parse.lexicon import FurnitureLexicon
from kuril_research.ingest.parse.months import MONTHS
from kuril_research.ingest.parse.records import Removed
from kuril_research.ingest.parse.timestamps import is_timestamp

__all__ = ["HEADER_REASONS", "TOWN_COLON_RE", "TOWN_ALONE_RE", "WIRE_PLACE_RE", "PLACE_WIRE_RE", "TOWN_DATE_RE", "TOWN_DAY_RE", "CREDIT_REASONS", "is_known_place",
           "is_wire_agency", "wire_place", "above_text", "header_place"]

#: Reasons under which the header rules log a place printed on its own line.
HEADER_REASONS = frozenset({"site header", "byline", "section label"})
#: A town in mixed case and a colon alone on its line ("Tokyo:", "New Delhi:", "Yuzhno-Sakhalinsk:").
#: (its ``agency`` and ``country`` groups never match: they are there for the caller, as in a place line)
TOWN_COLON_RE = re.compile(r"\A(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})(?P<dash>:)\Z(?:(?!)(?P<agency>)(?P<country>))?")
#: A town in mixed case alone on its line ("Tokyo"), as a print page copied from a paper's e-edition sets the dateline
#: on a line of its own over the lead.
TOWN_ALONE_RE = re.compile(r"\A(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\Z(?:(?!)(?P<agency>)(?P<country>)(?P<dash>))?")
#: A wire's credit with the place it filed from, after a slash or a comma ("AFP/Tokyo", "The Associated Press,
#: Moscow"), as papers that run wire copy print it in the byline block. (``country`` and ``dash`` never match.)
WIRE_PLACE_RE = re.compile(r"\A(?P<agency>[A-Za-z][\w.&'’ -]{0,40}?)\s*[/,]\s*"
                           r"(?P<place>[A-Z][A-Za-z'’.-]+(?: [A-Z][A-Za-z'’.-]+){0,2})(?:(?!)(?P<country>)(?P<dash>))?\Z")
#: The same the other way round, the town first and a dash before the agency ("Singapore - TASS"), as papers that
#: reprint a wire's copy print it under the top photo.
PLACE_WIRE_RE = re.compile(r"\A(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\s+[-–—]\s+"
                           r"(?P<agency>[A-Za-z][\w.&'’ -]{0,40}?)(?:(?!)(?P<country>)(?P<dash>))?\Z")
#: A town and a date (maybe with a time) on one line ("Singapore, Nov 14 2018, 19:52 IST"), as a site prints the
#: dateline under the agency's credit.
TOWN_DATE_RE = re.compile(r"\A(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}), (?P<date>.+?)(?:(?!)(?P<agency>)(?P<country>))?\Z")
#: A town and a day of a month, no year nor time, alone on its line ("Moscow, March 22", "New Delhi, 5 Jan"): a wire's
#: dateline as Indian papers print it over the lead; a date with its year or time is a page's date line or a widget.
TOWN_DAY_RE = re.compile(r"\A(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}), (?:(?P<month>[A-Z][a-z]{2,8}\.?) \d{1,2}"
                         r"|\d{1,2} (?P<month2>[A-Z][a-z]{2,8}\.?))(?:(?!)(?P<agency>)(?P<country>))?\Z")
#: Reasons under which a wire's credit line is logged.
CREDIT_REASONS = frozenset({"credit line", "agency credit", "byline"})
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


def is_wire_agency(name: str, lex: FurnitureLexicon) -> bool:
    """Whether ``name`` is a news agency of ``wire_agencies`` (a leading "The" dropped, case and spacing ignored).

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> is_wire_agency("The Associated Press", default_furniture()), is_wire_agency("PTI", default_furniture())
    (True, True)
    >>> is_wire_agency("Jane Roe", default_furniture())
    False
    """
    words = name.split()
    if words[:1] and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).lower() in lex.wire_agencies


def wire_place(text: str, lex: FurnitureLexicon) -> re.Match[str] | None:
    """The match of a wire's credit with its filing place (:data:`WIRE_PLACE_RE`: "AFP/Tokyo", "The Associated Press,
    Moscow"), when the agency is one of ``wire_agencies`` and the place a known town (:func:`is_known_place`); else
    None: a photographer after a slash ("REUTERS/Jane Roe") or a writer before a comma ("Jane Roe, Tokyo") makes none.

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> lex = default_furniture()
    >>> wire_place("AFP/Tokyo", lex).group("agency", "place"), wire_place("The Associated Press, Moscow", lex)["place"]
    (('AFP', 'Tokyo'), 'Moscow')
    >>> wire_place("REUTERS/Jane Roe", lex), wire_place("Jane Roe, Tokyo", lex)
    (None, None)
    >>> wire_place("Singapore - TASS", lex).group("place", "agency"), wire_place("Singapore - Jane Roe", lex)
    (('Singapore', 'TASS'), None)
    """
    match = WIRE_PLACE_RE.match(text) or PLACE_WIRE_RE.match(text)
    if match is None or not is_wire_agency(match.group("agency"), lex) or not is_known_place(match.group("place"), lex):
        return None
    return match


def above_text(lines: list[str], number: int) -> int | None:
    """The 1-based number of the last non-blank line of ``lines`` above line ``number``, or None.

    Examples
    --------
    >>> above_text(["Moscow, March 22", "", "The lead."], 3), above_text(["", "The lead."], 2)
    (1, None)
    """
    return next((n for n in range(number - 1, 0, -1) if lines[n - 1].strip()), None)


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
    reasons = {r.line: r.reason for r in removed}
    for number in range(1, lead):
        text = lines[number - 1].strip()
        if (reasons.get(number) in CREDIT_REASONS | HEADER_REASONS or number in kept) \
                and (wired := wire_place(text, lex)) is not None:
            return number, wired  # "AFP/Tokyo" in the byline block, "Singapore - TASS" under the top photo
        above = next((n for n in range(number - 1, 0, -1) if lines[n - 1].strip()), None)
        if reasons.get(number) == "date line" and above is not None and reasons.get(above) in CREDIT_REASONS | {
                "site header"} and is_wire_agency(lines[above - 1].strip(), lex) \
                and (town := TOWN_DATE_RE.match(text)) is not None and is_known_place(town.group("place"), lex) \
                and is_timestamp(town.group("date")):
            return number, town  # "Singapore, Nov 14 2018, 19:52 IST" under "PTI"
    for number in range(1, lead):
        if number not in kept and number not in logged and reasons.get(number) != "date line":
            continue
        text = lines[number - 1].strip()
        match = PLACE_LINE_RE.match(text)
        if match is None and number in kept and number == above_lead:
            town = TOWN_COLON_RE.match(text) or TOWN_ALONE_RE.match(text)  # "Tokyo:" or "Tokyo" right over the lead
            if town is not None and is_known_place(town.group("place"), lex):
                return number, town
        if match is None and number == above_text(lines, lead) and (town := TOWN_DAY_RE.match(text)) is not None \
                and (town.group("month") or town.group("month2")).lower().rstrip(".") in MONTHS \
                and is_known_place(town.group("place"), lex):
            return number, town  # "Moscow, March 22" alone right over the lead, as Indian papers print a wire's copy
        if number not in kept and number not in logged:
            continue  # a date line is a dateline only as a town and date right over the lead
        if match is None or match.group("place").lower() in lex.dateline_labels:
            continue
        if match.group("country") or match.group("agency") or is_known_place(match.group("place"), lex):
            return number, match
    return None
