"""Datelines at the start of the first paragraph ("MOSCOW, July 26. /TASS/.", "TOKYO (Reuters) -")."""

from __future__ import annotations

import re

from kuril_research.ingest.parse.months import MONTH_ALT, WEEKDAYS
from kuril_research.ingest.parse.text import SENTENCE_END_RE
from kuril_research.ingest.parse.label_lines import (BRACKET_LABELS, LABEL_LINE_RE, LABEL_OPENING_RE, PLACES_SPLIT_RE,
                                                    SPEAKER_ROLE_RE, is_colon_place, is_label_line, is_name_in_capitals,
                                                    is_phrase_label)

__all__ = ["CAPS_WORD", "DATELINE_RE", "TIMED_DATELINE_RE", "BRACKET_DATELINE_RE", "AGENCY_DATELINE_RE", "COLON_DATELINE_RE", "PLACE_LINE_RE", "DECK_TO_LEAD_LINES",
           "LEAD_LINES", "LEAD_MIN_WORDS", "SPEAKER_TURN_RE", "PLACES_SPLIT_RE", "is_only_turn", "match_dateline", "is_bare_dash", "is_dash_only", "opens_story", "is_sentence_paragraph", "is_lead",
           "find_dateline", "AGENCY_FIRST_RE", "agency_first"]


#: A word of a place in capitals ("TOKYO", "YUZHNO-SAKHALINSK", "ST."): a hyphen only inside it, between two letters,
#: so that a dash typed against the place ("TOKYO- Japan lodged ...") is the dateline's dash, not part of the place.
CAPS_WORD = r"[A-Z](?:[A-Z'.]|-(?=[A-Z]))+"

#: A dateline at the start of a paragraph. Place in capitals (1–4 words), then
#: any of: ", Country" or " [Country]", ", Month Day" or ", Day Month", "/AGENCY/"
#: or "(Agency)" (also "(Outlet / Agency - 3rd March, 2019)", "(AGENCY1, AGENCY2)"),
#: and a dash, a colon or a full stop before the first word of the story (a dash
#: may touch the word: "(Jiji Press)--Japan"; a full stop may precede it: "(EFE).-"). At least one of month/day, agency
#: or a dash must be present, so an ordinary sentence never matches; a colon
#: counts only after a date ("QUESTION:", "Chair (Ms. Berg):" are no datelines). A place in
#: mixed case needs an agency and a dash ("Tokyo (AFP) -", "Tokyo [Japan],
#: February 7 (ANI):") or a date and an agency's name after it
#: ("Yuzhno-Sakhalinsk, 12 March. SakhalinMedia."), or a date in either order and a dash ("Tokyo, March 3 —", "Tokyo, 3 March 2026 –"), or a region with a
#: dash touching it ("Nemuro, Hokkaido-"), or a dash or two hyphens touching
#: both the region and the lead, as a wire prints it after its agency ("Nemuro, Hokkaido--About 70 ...").
#: A place in capitals may carry its region between slashes before the date, as TASS prints a dateline outside a
#: capital ("ITURUP /Sakhalin Region/, July 26. /TASS/."): the region is the dateline's country.
#: A byline may run into a dateline in capitals with a date or an agency, when a page is flattened ("By Jane Roe
#: TOKYO (Reuters) - Japan ..."): the byline is cut off with it.
#: A dateline with a date or an agency may stand alone on its line ("MOSCOW, November 2 (RIA Novosti)" over the
#: lead): it then ends at the line's end.
DATELINE_RE = re.compile(
    rf"""\A
    (?:[Bb]y\ (?P<byline>[A-Z][a-z'\-]+(?:\ [A-Z]\.)?(?:\ [A-Z][a-z'\-]+){{1,2}})\ (?=[A-Z][A-Z'.\-]+[\s,(/]))?
    (?P<place>{CAPS_WORD}(?:\ {CAPS_WORD}){{0,3}}(?:\ ?/\ ?{CAPS_WORD}(?:\ {CAPS_WORD}){{0,2}})*
      |[A-Z][a-z]+(?:[ \-/][A-Z][a-z]+){{0,2}}(?=,?\s*\(|\ \[[A-Z]|\ /[A-Z]{{2,}}/\ |,\ \d{{1,2}}\ [A-Z][a-z]+(?:\ \d{{4}})?[.(:]
        |,\ \d{{1,2}}\ (?:[A-Z][a-z]+|(?i:{MONTH_ALT})\.?)(?:\ \d{{4}})?\ \(|,\ \d{{1,2}}\ (?i:{MONTH_ALT})\.?(?:,?\ \d{{4}})?,?\ (?:[–—]|--?)\ 
        |,\ (?i:{MONTH_ALT})\.?\ \d{{1,2}}(?:st|nd|rd|th)?(?:,?\ \d{{4}})?,?\ ?(?:[(\[/]|[–—:]|--|-\ )|,\ [A-Z][a-z]+(?:\ [A-Z][a-z]+)?(?:[–—-]\s|\ \|\ |(?:[–—]|--?)(?=["“A-Z]))
        |,\ [A-Z][a-z]+(?:\ [A-Z][a-z]+)?,\ (?i:{MONTH_ALT})\.?\ \d|(?:,\ [A-Z][a-z]+(?:\ [A-Z][a-z]+)?)?\ (?:[–—]|--?)\ (?=["“‘A-Z])
        |,\ (?i:{MONTH_ALT})\.?\ \d{{1,2}}(?:,\ \d{{4}})?(?:\.\ |,\ [A-Z])|,\ \d{{1,2}}\ (?i:{MONTH_ALT})(?:\ \d{{4}})?\.\ ))
    (?:,\ (?P<country>[A-Z][a-z]+(?:\ [A-Z][a-z]+|\ Pref\.)?(?:,\ [A-Z][a-z]+(?:\ [A-Z][a-z]+)?)?|[A-Z]{{2,}}(?:\ [A-Z]{{2,}})?
        |[A-Z]\.[A-Z]\.)
        (?=\s*[,(/–—|_-])
      |\ \[(?P<country2>[A-Z][a-z]+(?:\ [A-Z][a-z]+)?)\]
      |\ /(?P<country3>[A-Z][a-z]+(?:\ [A-Z][a-z]+){{0,2}})/(?=,\ ))?
    (?:,?\ (?:(?P<month>(?i:{MONTH_ALT}))\.?\ (?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b\.?
               |(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\ (?P<month2>(?i:{MONTH_ALT}))\b\.?)(?:,?\ (?P<year>\d{{4}})\b)?
       (?:,?\ (?P<agency5>[A-Z][A-Za-z]+(?:[\ -][A-Z][A-Za-z]+)?)(?=\ ?(?:[–—]|--?)(?:\s|\Z)|\Z))?)?
    (?:\s*/(?P<agency>[A-Za-z][A-Za-z\-]*)/\.?|,?\s*\((?P<agency2>[A-Za-z][^()\n]{{0,60}})\)|\s*\[(?P<agency4>[A-Z][A-Za-z .]{{1,30}})\])?
    (?P<dash>\s*(?:\.?[–—-]+|•|:|_|\||//))?
    (?:(?:\s+|(?<=\d),\ )(?P<agency3>[A-Z][A-Za-z]+(?:\ [A-Z][A-Za-z]+){{0,2}}(?:\.[a-z]{{2,4}})?)\.)?
    (?:(?:\s+|(?<=[–—-])(?=["“A-Z]))(?=\S)|(?(agency3)(?!)|\Z))
    """,
    re.VERBOSE,
)
#: A local paper's place in square brackets: "[Nemuro] In a classroom ...", "[TOKYO] Japan and Russia ...".
BRACKET_DATELINE_RE = re.compile(r"\A\[(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}|[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,2})\]"
                                 r"\s+(?=[A-Z\"“])")
#: A dateline that is only an agency in brackets and a dash: "(RT) –".
AGENCY_DATELINE_RE = re.compile(
    rf"\A(?:(?P<month>(?i:{MONTH_ALT}))\.?\ (?P<day>\d{{1,2}})(?:,\ \d{{4}})?\ )?"
    r"\((?P<agency2>[A-Za-z][^()\n]{0,40})\)\s*(?P<dash>[–—-]+)\s+(?=\S)")
#: A wire that names itself before its place and date, as ANSA prints its dateline ("(ANSA) - TOKYO, 14 NOV -",
#: "(ANSA) - CAPRI, APRIL 19 -"): the agency in brackets and a dash, then a dateline of :data:`DATELINE_RE`.
AGENCY_FIRST_RE = re.compile(r"\A\((?P<agency0>[A-Za-z][^()\n]{0,40})\)\s*[–—-]+\s+(?=[A-Z])"
                             + DATELINE_RE.pattern.replace(r"\A", "", 1), re.VERBOSE)


def agency_first(paragraph: str) -> re.Match[str] | None:
    """The dateline of a paragraph that opens with its agency in brackets and a dash, then a place in capitals, a date
    and a dash ("(ANSA) - TOKYO, 14 NOV - Japan ..."), or None: a place and a date with nothing after them, or a
    place in mixed case, is the story's first words ("(AFP) - Tokyo, the capital, ...").

    Examples
    --------
    >>> agency_first("(ANSA) - TOKYO, 14 NOV - Japan and Russia agreed.").group(0, "agency0", "place", "day2")
    ('(ANSA) - TOKYO, 14 NOV - ', 'ANSA', 'TOKYO', '14')
    >>> agency_first("(ANSA) - CAPRI, APRIL 19 - The ministers met.").group("month")
    'APRIL'
    >>> agency_first("(Harbour Wire) - Ferries resumed on Monday."), agency_first("(AFP) - TOKYO - Japan said.")
    (None, None)
    """
    match = AGENCY_FIRST_RE.match(paragraph)
    if match is None or not match.group("place").isupper() or match.group("dash") is None \
            or (match.group("month") or match.group("month2")) is None or match.group("byline") is not None:
        return None
    return match


_MONTH_CI_RE = re.compile(rf"\A(?:{MONTH_ALT})\Z", re.IGNORECASE)

#: A dateline that prints the clock time of filing after the date, then the agency: in brackets between dashes
#: ("Tokyo, 07 Feb 2024 11:26 - (Agenzia Nova) -", as Agenzia Nova prints it) or after a dash at the end of its line
#: ("Yuzhno-Sakhalinsk, July 31, 2023, 14:05 — REGNUM", over the lead), an agency in capitals or with a capital
#: inside its name ("PrimaMedia"). A date with a clock time and no agency is a page's date line or a widget
#: ("Korsakov, May 24 21:48", "Korsakov, May 24, 21:48 — Cloudy"), never a dateline.
TIMED_DATELINE_RE = re.compile(
    rf"""\A(?P<place>{CAPS_WORD}(?:\ {CAPS_WORD}){{0,3}}|[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){{0,2}})
    (?:,\ (?P<country>[A-Z][a-z]+(?:\ [A-Z][a-z]+)?))?
    ,\ (?:(?P<month>(?i:{MONTH_ALT}))\.?\ (?P<day>\d{{1,2}})(?:st|nd|rd|th)?
          |(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\ (?P<month2>(?i:{MONTH_ALT}))\.?)
    (?:,?\ \d{{4}})?,?\ \d{{1,2}}[:.]\d{{2}}(?:\ ?(?i:[ap]\.?m\.?)|\ [A-Z]{{2,4}})?
    \s*(?P<dash>[–—-]+)\s*
    (?:\((?P<agency2>[A-Za-z][^()\n]{{0,60}})\)\s*(?:[–—-]+\s+|:\s+|\Z)
      |(?P<agency3>[A-Z][A-Z]+(?:\ [A-Z][A-Z]+)?|[A-Z][a-z]+[A-Z][A-Za-z]*)(?:\.\s+|\s*\Z))""",
    re.VERBOSE,
)



def match_dateline(paragraph: str) -> re.Match[str] | None:
    """The dateline at the start of ``paragraph`` (see :data:`DATELINE_RE`), or None.

    Examples
    --------
    >>> match_dateline("TOKYO, Jan. 5 (Jiji Press)--Japan protested.").group(0)
    'TOKYO, Jan. 5 (Jiji Press)--'
    >>> match_dateline("Tokyo [Japan], February 7 (ANI): The prime minister said.").group("country2")
    'Japan'
    >>> match_dateline("Yuzhno-Sakhalinsk, 12 March. SakhalinMedia. In the district ...").group("agency3")
    'SakhalinMedia'
    >>> match_dateline("QUESTION: What about the islands?"), match_dateline("Chair (Ms. Anna Berg): Order.")
    (None, None)
    >>> match_dateline("Tokyo, 12 March. It rained.") is None
    True
    >>> match_dateline("Tokyo, Mar 5 (EFE).- Few knew.")[0], match_dateline("Nemuro, Hokkaido- About 70 left.")[0]
    ('Tokyo, Mar 5 (EFE).- ', 'Nemuro, Hokkaido- ')
    >>> match_dateline("Nemuro, Hokkaido - a town.") is None
    True
    >>> match_dateline("Nemuro, Japan | Kenta Ono checks the screen.")[0], match_dateline("Nemuro | Kenta Ono checks.")
    ('Nemuro, Japan | ', None)
    >>> match_dateline("Rausu, Hokkaido--About 40 boats stayed in port.")[0]
    'Rausu, Hokkaido--'
    >>> match_dateline("Tokyo, 3 March 2026 – Japan protested.")[0]
    'Tokyo, 3 March 2026 – '
    >>> match_dateline("FILE - Soldiers march on Iturup, Sept. 3, 2025. (AP Photo/Jane Roe, File)") is None
    True

    >>> match_dateline("Nemuro, Hokkaido, Aug. 27 (Jiji Press)--About 70 gathered.").group(0)
    'Nemuro, Hokkaido, Aug. 27 (Jiji Press)--'
    >>> match_dateline("MOSCOW, November 2 (RIA Novosti)").group("agency2"), match_dateline("TOKYO —")
    ('RIA Novosti', None)
    >>> m = match_dateline("ITURUP /Sakhalin Region/, July 26. /TASS/. Investors came.")
    >>> m.group(0), m.group("place"), m.group("country3"), m.group("agency")
    ('ITURUP /Sakhalin Region/, July 26. /TASS/. ', 'ITURUP', 'Sakhalin Region', 'TASS')
    >>> match_dateline("[NEMURO] The ferry sailed.").group("place"), match_dateline("[UPDATE] The ferry sailed.")
    ('NEMURO', None)
    """
    if (timed := TIMED_DATELINE_RE.match(paragraph)) is not None:
        return timed  # "Tokyo, 07 Feb 2024 11:26 - (Agenzia Nova) -": a date, a clock time and the agency
    match = DATELINE_RE.match(paragraph)
    if match is None:
        if paragraph[:1] == "[":
            bracket = BRACKET_DATELINE_RE.match(paragraph)
            return bracket if bracket is not None and bracket.group("place") not in BRACKET_LABELS else None
        if paragraph[:1] == "(" and (first := agency_first(paragraph)) is not None:
            return first
        return AGENCY_DATELINE_RE.match(paragraph) if paragraph[:1] == "(" or paragraph[:1].isupper() else None
    has_date = match.group("month") is not None or match.group("month2") is not None
    has_agency = (match.group("agency") or match.group("agency2") or match.group("agency4")
                  or match.group("agency5")) is not None
    has_dash = match.group("dash") is not None
    if not (has_date or has_agency or has_dash):
        return None
    if match.group("byline") is not None and not (match.group("place").isupper() and (has_date or has_agency)):
        return None  # "By Jane Roe TOKYO (Reuters) - ...": a byline run into the dateline when a page is flattened
    if has_dash and match.group("dash").strip() == ":" and not has_date and not (
            match.group("place").isupper() and (match.group("agency2") or "")[:1].isupper()):
        return None  # "MOSCOW (Reuters): Russia ..." is a dateline, "QUESTION:" and "LAVROV:" are none
    if has_dash and match.group("dash").strip() == "|" and not (has_date or has_agency or match.group("country")):
        return None  # "TOKYO, Japan | Japan said ...", but "NEWS | Asia" is a menu's path
    if match.end() == len(paragraph) and not (has_date or has_agency):
        return None  # a dateline alone on its line has a date or an agency ("MOSCOW, November 2 (RIA Novosti)")
    # "Nemuro, Hokkaido-" (a dash touching the region) or "Nemuro, Japan | Kenta ..." (a bar, which no sentence uses so)
    region_dash = match.group("country") is not None and has_dash and (
        not match.group("dash")[:1].isspace() or match.group("dash").strip() == "|")
    # a wire's name between slashes closes a dateline before a capital, no dash needed ("Vladivostok /MONTSAME/ The")
    slashed = match.group("agency") is not None and re.match(r"[\"“‘A-Z]", paragraph[match.end():]) is not None
    if not match.group("place").isupper() and not (has_agency and (has_dash or slashed)) and not region_dash \
            and not (has_date and (match.group("agency3") is not None or has_dash or has_agency)) \
            and not is_bare_dash(match) and not is_dated_lead(match, paragraph):
        return None
    if not has_date and _MONTH_CI_RE.match(match.group("place")):
        return None
    if match.group("place").lower().rstrip(".") in WEEKDAYS:
        return None  # "Wed, Nov 03, 2010 - Page 5": a print date line over the dateline, no place
    if match.group("place").upper() in CAPTION_LABELS and not (has_date or has_agency):
        return None  # "FILE - Soldiers march on Iturup ...": a wire photo's caption, no dateline
    return match


def is_dated_lead(match: re.Match[str], paragraph: str) -> bool:
    """A place in mixed case, a date and a full stop over a whole first sentence, without an agency or a dash, as
    Russian regional sites print their dateline ("Yuzhno-Sakhalinsk, October 14. A large ..."): the rest of the
    paragraph must be a lead (:func:`is_lead`), so that a short line ("Tokyo, 12 March. It rained.") is none.

    Examples
    --------
    >>> lead = "Korsakov, May 3. The ferry to the islands left the port on time with ninety passengers on board."
    >>> is_dated_lead(DATELINE_RE.match(lead), lead)
    True
    >>> short = "Korsakov, May 3. It rained."
    >>> is_dated_lead(DATELINE_RE.match(short), short)
    False
    """
    groups = match.groupdict()
    return (groups.get("month") or groups.get("month2")) is not None and groups.get("dash") is None \
        and match.group(0).rstrip().endswith(".") and is_lead(paragraph[match.end():])


#: Words in capitals that open a wire photo's caption with a dash, as a place opens a dateline.
CAPTION_LABELS = frozenset({"FILE", "HANDOUT", "PHOTO", "ABOVE", "TOP", "INSET", "PICTURED", "FILE PHOTO"})


def is_dash_only(match: re.Match[str]) -> bool:
    """A dateline of a place and a dash, without a date or an agency ("TOKYO — ", "Tokyo — ")."""
    groups = match.groupdict()
    return groups.get("dash") is not None and not any(
        groups.get(key) for key in ("month", "month2", "agency", "agency2", "agency3", "agency4"))


def is_sentence_paragraph(lines: list[str], i: int) -> bool:
    """Whether line ``i`` ends a sentence or goes on in lower case on the next line (a hard-wrapped paragraph): a
    headline does neither ("Expert: Tokyo's day has turned into a ritual", "[Sankei Editorial] Russia's ...")."""
    return SENTENCE_END_RE.search(lines[i]) is not None or (i + 1 < len(lines) and lines[i + 1][:1].islower())


def opens_story(lines: list[str], i: int) -> bool:
    """Whether line ``i`` may be the story's first paragraph: a sentence, a long line, or a line whose next line
    goes on in lower case (a hard-wrapped lead). "ASIA — Japan protests drills" over the story is a headline."""
    line = lines[i]
    return len(line.split()) >= LEAD_MIN_WORDS or SENTENCE_END_RE.search(line) is not None or (
        i + 1 < len(lines) and lines[i + 1][:1].islower())


def is_bare_dash(match: re.Match[str]) -> bool:
    """A place in mixed case, perhaps its country, and a spaced dash, nothing else ("Tokyo — ", "Nemuro -- ",
    "Yuzhno-Sakhalinsk, Russia -- "): a dateline only when it
    opens the story's first paragraph, a sentence of :data:`LEAD_MIN_WORDS` words or more (:func:`find_dateline`
    checks), as a paragraph deeper in or a site's name ("Island News - English Edition") may open so.

    Examples
    --------
    >>> is_bare_dash(DATELINE_RE.match("Tokyo — Japan protested.")), is_bare_dash(DATELINE_RE.match("TOKYO — Japan."))
    (True, False)
    """
    groups = match.groupdict()
    place, dash = groups.get("place"), groups.get("dash")
    bar_after_region = groups.get("country") and dash is not None and dash.strip() == "|"  # "Nemuro, Japan | ..."
    return (place is not None and not place.isupper() and dash is not None and dash[:1].isspace()
            and dash.strip() not in (":", "•") and not bar_after_region and not any(
                groups.get(key) for key in ("country2", "month", "month2", "agency", "agency2", "agency3", "agency4")))


#: A place and a colon before the first sentence, without a date ("TOKYO: Japan lodged ...", "Nemuro: From the
#: observation deck ..."): the South Asian and Australian papers' dateline.
#: A place in capitals may carry its country in mixed case ("NAGATO, Japan: Japan's prime minister ...").
#: (:func:`find_dateline` takes the country only after a place in capitals).
COLON_DATELINE_RE = re.compile(r"\A(?P<place>[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,2}|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})"
                               r"(?:, (?P<country>[A-Z][a-z]+(?: [A-Z][a-z]+)?))?(?P<dash> ?:)\s+(?=[\"“‘A-Z])")
#: A place in capitals alone on its line, over the first sentence ("MOSCOW"), as some wires print it, maybe
#: after the agency or agencies ("AFP, TOKYO", "AFP and Reuters, TOKYO", as papers that run wire copy print it),
#: maybe after a news database's label ("Dateline: TOKYO", as a Nexis export prints it); a story filed from two
#: places names both ("AFP, TOKYO and MOSCOW", "TOKYO/MOSCOW"); its country may follow ("NEMURO, JAPAN"); a colon or a
#: dash may close it ("TOKYO:", "TOKYO —" over a lead that opens with a quotation).
#: After a wire's acronym the place may be in mixed case, ending the line ("AFP, Singapore", as Al Arabiya prints it
#: under the headline); after a name in mixed case it may not ("Jane Roe, Tokyo" is a byline).
#: ... where an agency's name is in mixed case ("Reuters", "Kyodo") or an acronym of up to four letters ("AFP", "AP"),
#: so that a place and its country in capitals ("NEMURO, JAPAN") are not read as an agency and a place.
AGENCY_WORD = r"(?:[A-Z][A-Za-z.]*[a-z][A-Za-z.]*|(?:[A-Z]\.?){1,4})"
PLACE_LINE_RE = re.compile(r"\A(?:(?i:dateline):\s*)?"
                           rf"(?:(?P<agency>{AGENCY_WORD}(?: {AGENCY_WORD})?"
                           rf"(?:(?:, | and | & ){AGENCY_WORD}(?: {AGENCY_WORD})?)*),\s+)?"
                           r"(?P<place>[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,2}"
                           r"(?:(?: and | & | ?/ ?)[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,2})*"
                           r"|(?<=[A-Z], )[A-Z][a-z]+(?: [A-Z][a-z]+)?(?=\Z))"
                           r"(?:, (?P<country>[A-Z][A-Za-z]+(?: [A-Z][a-z]+)?))?(?P<dash>:| ?(?:[–—]|--?))?\Z")
#: Those two forms are looked for only among the first lines kept above and at the start of the story ...
LEAD_LINES = 8
#: ... and only before (or on) a lead of at least this many words.
LEAD_MIN_WORDS = 12
#: A standfirst's sentence stands right over a "TOKYO: ..." lead, or over a byline kept over it.
DECK_TO_LEAD_LINES = 2
def is_lead(line: str) -> bool:
    """A story's first paragraph: :data:`LEAD_MIN_WORDS` words or more and a sentence end."""
    return len(line.split()) >= LEAD_MIN_WORDS and SENTENCE_END_RE.search(line) is not None


#: A transcript's turn: a speaker's name or role in capitals and a colon ("MR PRICE: Good afternoon", "QUESTION:
#: Thanks"); the place over it is the briefing's place header, not a dateline.
SPEAKER_TURN_RE = re.compile(r"\A[A-Z][A-Z'.\- ]{1,30}:\s")

def find_dateline(lines: list[str], labels: frozenset[str] = frozenset(),
                  place_words: frozenset[str] = frozenset()) -> tuple[int, re.Match[str]] | None:
    """The index of the line that opens with the dateline, and its match; None if no line does.

    The first line :func:`match_dateline` accepts (the lead's own rather than a page title over it: "CANOE -- CNEWS
    - World: ..."), unless one of two bare forms stands earlier among the first :data:`LEAD_LINES` lines: a place
    and a colon opening a lead of :data:`LEAD_MIN_WORDS` words or more (:data:`COLON_DATELINE_RE`), when no other
    line opens with a label and a colon (a transcript, a Q&A); or a place in capitals alone on its line
    (:data:`PLACE_LINE_RE`) right under a line of the header and over such a lead ending in a sentence end.
    ``labels`` (lower case) are words that open a line that way but name no place ("QUESTION:", "ANALYSIS"). A line
    in capitals is no lone place when the lead under it opens with a dateline of its own, or when it is a writer's
    name (:func:`is_name_in_capitals` with ``place_words``); a place of two or three words before a colon is none
    either when no word of it is a ``place_words`` word: a caption's label ("WATCHING THE STRAIT: A lighthouse on
    the cape ...") or a speaker's name, and no label with a small word after its first (:func:`is_phrase_label`) is
    a place. A line opening with a page's furniture label ("PHOTO: REUTERS", "READ MORE: ...",
    :func:`is_label_line`) is no transcript's turn. A place alone on its line with a colon ("TOKYO:") must be the
    page's only label line, so that a transcript's speaker over a turn ("LAVROV:") is none.

    Examples
    --------
    >>> i, m = find_dateline(["Ferries resume", "TOKYO: Japan and Russia agreed on Monday to resume the ferry "
    ...                       "between Nemuro and the islands."])
    >>> i, m.group(0), m.group("place")
    (1, 'TOKYO: ', 'TOKYO')
    >>> i, m = find_dateline(["Ferries resume", "MOSCOW", "Russia said on Monday that the ferry between Nemuro "
    ...                       "and the islands would sail again."])
    >>> i, m.group("place")
    (1, 'MOSCOW')
    >>> i, m = find_dateline(["Ferries resume", "AFP, TOKYO", "Japan said on Monday that the ferry between Nemuro "
    ...                       "and the islands would sail again."])
    >>> m.group("agency"), m.group("place")
    ('AFP', 'TOKYO')
    >>> find_dateline(["Remarks", "AMBASSADOR ROE: Good morning, everyone, and thank you for coming to mark the day "
    ...                "with us."]) is None
    True
    >>> find_dateline(["Podcast", "ANNA: We talked about the islands and the ferry and the fish for an hour "
    ...                "today.", "BORIS: Yes."]) is None
    True
    >>> words = frozenset({"new", "delhi"})
    >>> find_dateline(["Ferries resume", "WATCHING THE STRAIT: A lighthouse on the cape looks out over the water "
    ...                "towards the islands."], place_words=words) is None
    True
    >>> find_dateline(["Ferries resume", "NEW DELHI: India said on Monday that it followed the talks between Tokyo "
    ...                "and Moscow closely."], place_words=words)[1].group("place")
    'NEW DELHI'
    """
    begun = next((i for i, line in enumerate(lines) if len(line.split()) >= LEAD_MIN_WORDS
                  and SENTENCE_END_RE.search(line)), len(lines))  # the first paragraph of the story
    accepted = ((i, m) for i, line in enumerate(lines) if (m := match_dateline(line)) is not None
                and (not is_dash_only(m) or opens_story(lines, i))
                and (line[:1] != "[" or is_sentence_paragraph(lines, i))
                and (m.end() < len(line) or i + 1 < len(lines) and is_lead(lines[i + 1]))
                and (not is_bare_dash(m) or i <= begun and i < LEAD_LINES and len(line.split()) >= LEAD_MIN_WORDS
                     and SENTENCE_END_RE.search(line)))
    if (standard := next(accepted, None)) is not None and standard[0] < begun and not is_lead(lines[standard[0]]):
        standard = next((c for c in accepted if c[0] == begun), standard)  # a page title over the lead yields
    end = min(len(lines), LEAD_LINES, standard[0] if standard is not None else len(lines))
    openings = [j for j, line in enumerate(lines) if LABEL_OPENING_RE.match(line) and not is_label_line(line, labels)]
    for i in range(end):
        line = lines[i]
        colon = COLON_DATELINE_RE.match(line)
        if colon is not None and is_only_turn(lines, openings, i) and colon.group("place").lower() not in labels \
                and not is_phrase_label(colon.group("place")) \
                and (colon.group("country") is None or colon.group("place").isupper()) \
                and not SPEAKER_ROLE_RE.match(colon.group("place")) \
                and not is_name_in_capitals(colon.group("place"), place_words) \
                and len(line.split()) >= LEAD_MIN_WORDS and is_sentence_paragraph(lines, i):
            return i, colon
        alone = PLACE_LINE_RE.match(line)
        if alone is not None and i >= 1 and i + 1 < len(lines) and alone.group("place").lower() not in labels \
                and is_lead(lines[i + 1]) and not (standard is not None and standard[0] == i + 1) \
                and not is_name_in_capitals(alone.group("place"), place_words) and not is_phrase_label(alone.group("place")) \
                and (alone.group("dash") != ":" or is_only_turn(lines, sorted(set(openings) | {
                    j for j, other in enumerate(lines) if LABEL_LINE_RE.match(other)
                    and not is_label_line(other, labels)}), i) and not SPEAKER_ROLE_RE.match(line + " ")):
            return i, alone
        if len(line.split()) >= LEAD_MIN_WORDS and SENTENCE_END_RE.search(line) and not any(
                (under := COLON_DATELINE_RE.match(lines[j])) is not None and is_colon_place(under["place"], place_words)
                for j in range(i + 1, min(end, i + 1 + DECK_TO_LEAD_LINES))):
            break  # the story has begun without a dateline; a deck over "TOKYO: ..." or "New Delhi: ..." has not
    return standard


def is_only_turn(lines: list[str], openings: list[int], i: int) -> bool:
    """Whether line ``i`` is the only line of ``lines`` that opens with a label and a colon (``openings``, their
    indices), as a dateline "TOKYO: ..." is, where a transcript has a turn on every line ("Q: ...", "ANNA: ...").
    A short label line without a sentence end above line ``i`` is a field of the page's header ("WRITER: Reuters"),
    not a turn.

    Examples
    --------
    >>> lines = ["WRITER: Reuters and Kyodo", "TOKYO: Japan protested.", "Q: Why?", "A: Drills."]
    >>> is_only_turn(lines, [0, 1], 1), is_only_turn(lines, [0, 1, 2, 3], 1)
    (True, False)
    >>> is_only_turn(["Q: Is it true?", "TOKYO: Yes."], [0, 1], 1)
    False
    """
    return not any(j != i and (j > i or SENTENCE_END_RE.search(lines[j]) or len(lines[j].split()) >= LEAD_MIN_WORDS)
                   for j in openings)
