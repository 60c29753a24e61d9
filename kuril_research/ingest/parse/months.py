"""Month and weekday names as datelines and date lines print them."""

from __future__ import annotations

__all__ = ["MONTHS", "WEEKDAYS", "OTHER_MONTHS", "DATELINE_MONTHS", "MONTH_ALT"]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
#: Weekday names and their short forms: never a dateline's place ("Wed, Nov 03, 2010 - Page 5").
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                      "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"})
#: Month names and abbreviations of Italian, French and Spanish wires, which their English services and the papers
#: that copy them keep in the dateline ("(ANSA) - TOKYO, 14 GIU -", "Tokio, 5 mar (EFE).-", "TOKYO, 3 déc. (AFP) -").
#: They are read in a dateline's date only (a line of dates and times, :mod:`.timestamps`, reads English ones).
OTHER_MONTHS = {
    # Italian
    "gennaio": 1, "gen": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "mag": 5, "giugno": 6, "giu": 6,
    "luglio": 7, "lug": 7, "agosto": 8, "ago": 8, "settembre": 9, "set": 9, "ottobre": 10, "ott": 10,
    "novembre": 11, "dicembre": 12, "dic": 12,
    # French
    "janvier": 1, "janv": 1, "février": 2, "févr": 2, "fevrier": 2, "fevr": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10,
    "décembre": 12, "déc": 12, "decembre": 12,
    # Spanish
    "enero": 1, "ene": 1, "febrero": 2, "abril": 4, "abr": 4, "mayo": 5, "junio": 6, "julio": 7,
    "setiembre": 9, "septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
#: Every month a dateline's date may name: the English ones and :data:`OTHER_MONTHS`.
DATELINE_MONTHS = {**OTHER_MONTHS, **MONTHS}
MONTH_ALT = "|".join(sorted(DATELINE_MONTHS, key=len, reverse=True))
