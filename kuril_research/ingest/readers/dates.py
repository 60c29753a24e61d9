"""Publication dates from sources: a declared or detected format, the precision kept.

A date becomes ``(published, precision, year, month, day)`` where ``published``
is written as precisely as the source gave it (``YYYY-MM-DD``, ``YYYY-MM`` or
``YYYY``) and ``precision`` is ``day``, ``month``, ``year`` or, for an empty
value, ``unknown`` (``published`` and the parts then ``None``).

Detected formats (without a declared one): ISO 8601 (``2019-01-22``,
``2019-01``, ``2019``, ``2019-01-22T10:00:00Z``), English month names
(``January 22, 2019``, ``22 January 2019``, ``Jan. 22, 2019 Tuesday``,
``January 2019``) and date or datetime objects (Excel, Parquet). Numeric
forms such as ``03/04/2019`` are ambiguous (3 April or March 4?) and need a
declared format (``--date-format %d/%m/%Y``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

__all__ = ["ParsedDate", "parse_date", "UNDATED"]

MONTH_NAMES = {name: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")], start=1) for name in names}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
#: "January 22, 2019" (with an optional weekday or time after it).
MONTH_DAY_YEAR_RE = re.compile(rf"\A{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b")
#: "22 January 2019".
DAY_MONTH_YEAR_RE = re.compile(rf"\A(?P<day>\d{{1,2}})\.?\s+{_MONTH},?\s+(?P<year>\d{{4}})\b")
#: "January 2019".
MONTH_YEAR_RE = re.compile(rf"\A{_MONTH}\s+(?P<year>\d{{4}})\Z")
#: ISO 8601 day with a time: "2019-01-22T10:00:00Z", "2019-01-22 10:00".
ISO_DATETIME_RE = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}")
ISO_DAY_RE = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})\Z")
ISO_MONTH_RE = re.compile(r"\A(\d{4})-(\d{2})\Z")
ISO_YEAR_RE = re.compile(r"\A(\d{4})\Z")


class ParsedDate(NamedTuple):
    """A date as precise as the source gave it."""

    published: str | None   # YYYY-MM-DD, YYYY-MM, YYYY or None
    precision: str          # day | month | year | unknown
    year: int | None
    month: int | None
    day: int | None


UNDATED = ParsedDate(None, "unknown", None, None, None)


def _day(y: int, m: int, d: int, value: object) -> ParsedDate:
    try:
        dt.date(y, m, d)
    except ValueError as exc:
        raise ValueError(f"{value} is not a real date ({exc})") from None
    return ParsedDate(f"{y:04d}-{m:02d}-{d:02d}", "day", y, m, d)


def _month(y: int, m: int, value: object) -> ParsedDate:
    if not 1 <= m <= 12:
        raise ValueError(f"{value} has no month {m}")
    return ParsedDate(f"{y:04d}-{m:02d}", "month", y, m, None)


def _declared(text: str, fmt: str) -> ParsedDate:
    try:
        when = dt.datetime.strptime(text, fmt)
    except ValueError as exc:
        raise ValueError(f"{text!r} does not match the declared date format {fmt!r} ({exc})") from None
    if re.search(r"%[dj]", fmt):
        return _day(when.year, when.month, when.day, text)
    if re.search(r"%[mbB]", fmt):
        return _month(when.year, when.month, text)
    return ParsedDate(f"{when.year:04d}", "year", when.year, None, None)


def parse_date(value: object, fmt: str | None = None) -> ParsedDate:
    """Parse a source's date, keeping its precision.

    Parameters
    ----------
    value : str, date, datetime or None
        Empty, None or NaN means undated.
    fmt : str, optional
        A declared :func:`datetime.datetime.strptime` format; the precision is
        that of its directives (``%d`` day, ``%m``/``%b``/``%B`` month, else year).

    Returns
    -------
    ParsedDate

    Raises
    ------
    ValueError
        With a sentence saying what is wrong, for a date that is not real or
        matches no known form.

    Examples
    --------
    >>> parse_date("January 22, 2019 Tuesday")
    ParsedDate(published='2019-01-22', precision='day', year=2019, month=1, day=22)
    >>> parse_date("2019-01").precision, parse_date("").precision
    ('month', 'unknown')
    >>> parse_date("22/01/2019", "%d/%m/%Y").published
    '2019-01-22'
    >>> parse_date("03/04/2019")
    Traceback (most recent call last):
    ValueError: '03/04/2019' is not a date in a known form (YYYY-MM-DD, YYYY-MM, YYYY, 'January 22, 2019', '22 January 2019'); declare the format, e.g. --date-format %d/%m/%Y
    """
    if value is None or (isinstance(value, float) and value != value):
        return UNDATED
    if isinstance(value, dt.datetime | dt.date):
        return _day(value.year, value.month, value.day, value)
    text = " ".join(str(value).split())
    if not text:
        return UNDATED
    if fmt:
        return _declared(text, fmt)
    if m := ISO_DAY_RE.match(text) or ISO_DATETIME_RE.match(text):
        return _day(*map(int, m.groups()), text)
    if m := ISO_MONTH_RE.match(text):
        return _month(*map(int, m.groups()), text)
    if ISO_YEAR_RE.match(text):
        return ParsedDate(text, "year", int(text), None, None)
    for pattern in (MONTH_DAY_YEAR_RE, DAY_MONTH_YEAR_RE, MONTH_YEAR_RE):
        m = pattern.match(text)
        if m and m.group("month").lower() in MONTH_NAMES:
            month = MONTH_NAMES[m.group("month").lower()]
            if "day" in m.groupdict():
                return _day(int(m.group("year")), month, int(m.group("day")), text)
            return _month(int(m.group("year")), month, text)
    raise ValueError(f"{text!r} is not a date in a known form (YYYY-MM-DD, YYYY-MM, YYYY, 'January 22, 2019', "
                     "'22 January 2019'); declare the format, e.g. --date-format %d/%m/%Y")
