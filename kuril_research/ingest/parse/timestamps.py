"""Date and time lines by their shape ("00:23 GMT 03.03.2026", "Tue 3 March 2026 · 16:12 JST | Updated", "• 3h").

A page prints its publication and update times in as many ways as there are sites. Instead of one pattern per
way, a line is read as a sequence of tokens: a line every token of which is a date or time token (a month or
weekday name, a number, a numeric date, a clock time, an age such as "3h", a time zone, am/pm) or one of the few
words that label a time ("Updated", "Published", "on", "at"), with at least one month, weekday, numeric date,
clock time or age among them, is a date line, whatever its order or punctuation.
"""

from __future__ import annotations

import re

from kuril_research.ingest.parse.months import MONTHS, WEEKDAYS

__all__ = ["TIMESTAMP_MAX_CHARS", "TIME_LABEL_WORDS", "is_timestamp", "timestamp_tail"]

#: A date line is short.
TIMESTAMP_MAX_CHARS = 90
#: Words that label a time on a page ("Updated 16:12", "Published on 3 March", "4:12 AM 3 min read"), compared
#: lower-cased.
TIME_LABEL_WORDS = frozenset({"updated", "update", "published", "posted", "filed", "last", "first", "modified", "issued",
                              "date", "time", "on", "at", "created", "edited", "released", "reviewed", "and",
                              "aired", "broadcast", "recorded", "filmed",
                              # a forum poster's registration ("Joined: Tue Sep 20, 2016 9:39 pm")
                              "joined", "registered", "since",
                              # a print edition's page after the date ("Wed, Nov 03, 2010 - Page 5", "Pg. 5")
                              "page", "pg", "p",
                              "min", "mins", "minute", "minutes", "read", "ago", "hour", "hours", "hr", "hrs",
                              "day", "days", "week", "weeks", "month", "months", "year", "years",
                              # the Russian "year" after a year, kept on Russian sites' English pages ("2005 г.")
                              "г.", "г", "года"})
#: Separators between the tokens (removed before the line is split into tokens).
_SEPARATORS_RE = re.compile(r"[|/·•,()\[\]]|(?<!\d)[-–—](?!\d)|\s[-–—]\s|(?<=\D):|:(?=\D)|:\Z")
#: A numeric date ("03.03.2026", "2026-03-03", "3/5/26"), possibly with a time glued by "T".
_NUMERIC_DATE_RE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?:T\d{1,2}:\d{2}(?::\d{2})?Z?)?\.?|\d{4}年\d{1,2}月\d{1,2}日")
#: A clock time ("16:12", "4.12pm", "04:12:09").
_CLOCK_RE = re.compile(r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:am|pm|a\.m\.|p\.m\.)?", re.I)
#: A number: a day or a year, maybe an ordinal ("3rd", "2026.").
_NUMBER_RE = re.compile(r"\d{1,4}(?:st|nd|rd|th)?\.?", re.I)
#: A time zone in capitals (most end in T: "JST", "GMT", "AEDT"), maybe with an offset or a day glued to it ("JST", "GMT+9", "UTC+03:00", "GMT29"),
#: or an offset alone ("+08", "+0900", "-05:00").
_ZONE_RE = re.compile(r"(?:[A-Z]{1,4}T|UTC|MSK)(?:[+-]\d{1,2}(?::?\d{2})?|\d{1,2})?|[+-]\d{2}(?::?\d{2})?")
_MERIDIEM_RE = re.compile(r"am|pm|a\.m\.|p\.m\.", re.I)
#: A story's age with its unit glued to the figure, as a feed prints it ("3h", "45m", "2d", "1w").
_AGE_RE = re.compile(r"\d{1,3}(?:h|hr|hrs|m|min|mins|d|w|wk|wks|mo)")


def _kind(token: str) -> str | None:
    """"anchor" (a month, weekday, numeric date or clock time), "part" (a number, zone, am/pm, label) or None."""
    word = token.lower().rstrip(".")
    if word in MONTHS or word in WEEKDAYS or _NUMERIC_DATE_RE.fullmatch(token) or _CLOCK_RE.fullmatch(token) \
            or _AGE_RE.fullmatch(token):
        return "anchor"
    if _NUMBER_RE.fullmatch(token) or _MERIDIEM_RE.fullmatch(token) or word in TIME_LABEL_WORDS \
            or _ZONE_RE.fullmatch(token):
        return "part"
    return None


#: Tokens a copied page glues together: a year and a time ("20264:12"), a zone and a label ("GMT+9Updated").
_GLUED_RE = re.compile(r"(?<=\d{4})(?=\d{1,2}[:.]\d{2})|(?<=[+-]\d)(?=[A-Z][a-z])|(?<=[+-]\d\d)(?=[A-Z][a-z])"
                       r"|(?<=[A-Z]T)(?=[A-Z][a-z])")


def _tokens(line: str) -> list[str]:
    return _SEPARATORS_RE.sub(" ", _GLUED_RE.sub(" ", line)).split()


def is_timestamp(line: str) -> bool:
    """Whether every token of ``line`` is a date or time token, with at least one anchor and one digit.

    Examples
    --------
    >>> is_timestamp("00:23 GMT 03.03.2026"), is_timestamp("Tue 3 March 2026 · 16:12 JST | Updated")
    (True, True)
    >>> is_timestamp("March 3, 2026 / 4:12 AM"), is_timestamp("Published: 2026-03-03T16:12")
    (True, True)
    >>> is_timestamp("March 3, 20264:12 AM GMT+9Updated 2 hours ago"), is_timestamp("2026年3月3日")
    (True, True)
    >>> is_timestamp("FIRST AIRED: January 14, 2019"), is_timestamp("Recorded on 3 March 2026")
    (True, True)
    >>> is_timestamp("• 3h • 3 min read"), is_timestamp("2d ago")
    (True, True)
    >>> is_timestamp("Joined: Fri Mar 06, 2026 8:15 am"), is_timestamp("Filed on March 3, 2026 | Last updated at 6.45 pm")
    (True, True)
    >>> is_timestamp("December 16, 2026 19:40 pm +08"), is_timestamp("2026-03-03 16:12 +0900")
    (True, True)
    >>> is_timestamp("May 9 parades were held"), is_timestamp("Updated"), is_timestamp("2026")
    (False, False, False)
    """
    if len(line) > TIMESTAMP_MAX_CHARS or not any(c.isdigit() for c in line):
        return False
    kinds = [_kind(token) for token in _tokens(line)]
    return bool(kinds) and None not in kinds and "anchor" in kinds


def timestamp_tail(line: str) -> int | None:
    """Where a date printed at the end of a line begins ("by Jane Roe March 3, 2026" → 12), or None:
    the longest tail of whole words that :func:`is_timestamp` accepts, leaving at least one word before it.

    Examples
    --------
    >>> line = "by Jane Roe March 3, 2026"
    >>> line[:timestamp_tail(line)]
    'by Jane Roe '
    >>> timestamp_tail("Jane Roe, staff writer") is None
    True
    """
    if not any(c.isdigit() for c in line[-TIMESTAMP_MAX_CHARS:]):
        return None
    last = _tokens(line[-TIMESTAMP_MAX_CHARS:])
    if not last or _kind(last[-1]) is None:
        return None  # a date's last token is a date or time token
    for match in re.finditer(r"(?<=\s)\S", line):
        tail = line[match.start():]
        if len(tail) <= TIMESTAMP_MAX_CHARS and is_timestamp(tail):
            return match.start()
    return None
