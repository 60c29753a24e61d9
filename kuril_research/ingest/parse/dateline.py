"""Datelines at the start of the first paragraph ("MOSCOW, July 26. /TASS/.", "TOKYO (Reuters) -")."""

from __future__ import annotations

import re

__all__ = ["MONTHS", "DATELINE_RE", "BRACKET_DATELINE_RE", "AGENCY_DATELINE_RE", "match_dateline"]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))

#: A dateline at the start of a paragraph. Place in capitals (1–4 words), then
#: any of: ", Country" or " [Country]", ", Month Day" or ", Day Month", "/AGENCY/"
#: or "(Agency)" (also "(Outlet / Agency - 3rd March, 2019)", "(AGENCY1, AGENCY2)"),
#: and a dash, a colon or a full stop before the first word of the story (a dash
#: may touch the word: "(Jiji Press)--Japan"). At least one of month/day, agency
#: or a dash must be present, so an ordinary sentence never matches; a colon
#: counts only after a date ("QUESTION:", "Chair (Ms. Berg):" are no datelines). A place in
#: mixed case needs an agency and a dash ("Tokyo (AFP) -", "Tokyo [Japan],
#: February 7 (ANI):") or a date and an agency's name after it
#: ("Yuzhno-Sakhalinsk, 12 March. SakhalinMedia.").
DATELINE_RE = re.compile(
    rf"""\A
    (?P<place>[A-Z][A-Z'.\-]+(?:\ [A-Z][A-Z'.\-]+){{0,3}}
      |[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){{0,2}}(?=,?\s*\(|\ \[[A-Z]|,\ \d{{1,2}}\ [A-Z][a-z]+\.))
    (?:,\ (?P<country>[A-Z][a-z]+(?:\ [A-Z][a-z]+)?)(?=\s*[,(/–—-])|\ \[(?P<country2>[A-Z][a-z]+(?:\ [A-Z][a-z]+)?)\])?
    (?:,?\ (?:(?P<month>(?i:{MONTH_ALT}))\.?\ (?P<day>\d{{1,2}})\b\.?|(?P<day2>\d{{1,2}})\ (?P<month2>(?i:{MONTH_ALT}))\b\.?))?
    (?:\s*/(?P<agency>[A-Za-z][A-Za-z\-]*)/\.?|,?\s*\((?P<agency2>[A-Za-z][^()\n]{{0,60}})\))?
    (?P<dash>\s*(?:[–—-]+|•|:))?
    (?:\s+(?P<agency3>RIA\ Novosti|Interfax|TASS|Sputnik|Kyodo|Xinhua|Yonhap|Reuters|AFP|AP|[A-Z][a-z]+[A-Z][A-Za-z]+)\.)?
    (?:\s+|(?<=[–—-])(?=["“A-Z]))(?=\S)
    """,
    re.VERBOSE,
)
#: A local paper's place in square brackets: "[Nemuro] In a classroom ...".
BRACKET_DATELINE_RE = re.compile(r"\A\[(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\]\s+(?=[A-Z])")
#: A dateline that is only an agency in brackets and a dash: "(RT) –".
AGENCY_DATELINE_RE = re.compile(r"\A\((?P<agency2>[A-Za-z][^()\n]{0,40})\)\s*(?P<dash>[–—-]+)\s+(?=\S)")
_MONTH_CI_RE = re.compile(rf"\A(?:{MONTH_ALT})\Z", re.IGNORECASE)



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
    """
    match = DATELINE_RE.match(paragraph)
    if match is None:
        if paragraph[:1] == "[":
            return BRACKET_DATELINE_RE.match(paragraph)
        return AGENCY_DATELINE_RE.match(paragraph) if paragraph[:1] == "(" else None
    has_date = match.group("month") is not None or match.group("month2") is not None
    has_agency = (match.group("agency") or match.group("agency2")) is not None
    has_dash = match.group("dash") is not None
    if not (has_date or has_agency or has_dash):
        return None
    if has_dash and match.group("dash").strip() == ":" and not has_date:
        return None
    if not match.group("place").isupper() and not (has_agency and has_dash) \
            and not (has_date and match.group("agency3") is not None):
        return None
    if not has_date and _MONTH_CI_RE.match(match.group("place")):
        return None
    return match


