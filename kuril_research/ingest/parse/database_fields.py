"""A news database's field labels in an article copied from its export (Factiva's "HD", "PD", "LP", "TD", "AN").

Factiva prints every article of a "full article plus indexing" export as fields, each opened by a code of two or
three capitals at the start of a line, its value after it on the same line or on the lines under it: "HD" the
headline, "LP" the lead paragraphs and "TD" the rest of the text; the others (byline, word count, date, source,
copyright, company, subject and region codes, accession number) are the database's furniture. Only a page on which
several such codes open lines, one of them a text field, is read as an export, so that a story's own line opening
with "IN" or "AN" in capitals is never taken for a field.
"""

from __future__ import annotations

import re

__all__ = ["TEXT_FIELDS", "FURNITURE_FIELDS", "FIELD_REASON", "FIELD_RE", "database_fields"]

#: Fields whose value is the article: the headline, the lead paragraphs, the text.
TEXT_FIELDS = frozenset({"HD", "LP", "TD"})
#: Fields whose value is the database's furniture (Factiva's codes: section, byline, word count, publication date,
#: edition, source name and code, language, copyright, company, industry, subject, region, descriptors, publisher,
#: accession number, and the older CLM column, RF references, SE section, ART captions).
FURNITURE_FIELDS = frozenset({"SE", "BY", "CR", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "LA", "CY", "CO", "IN",
                              "NS", "RE", "IPC", "IPD", "PUB", "AN", "CLM", "RF", "ART"})
#: Why a field's label or furniture value is removed.
FIELD_REASON = "database field"
#: A field's label at the start of a line, alone or before its value.
FIELD_RE = re.compile(r"\A(?P<code>[A-Z]{2,3})(?:\s+(?P<value>\S.*))?\Z")
#: How many distinct codes, one of them a text field, make a page an export.
MIN_CODES = 3


def database_fields(lines: list[str]) -> tuple[list[str], dict[int, str]]:
    """The page's lines with the text fields' labels cut off, and the reason of every label or furniture line.

    Returns ``lines`` unchanged and no reasons unless :data:`MIN_CODES` distinct codes, one of them in
    :data:`TEXT_FIELDS`, open lines. Otherwise a field runs from its label to the next label: the label of a text
    field is removed ("HD Ferries resume" keeps "Ferries resume"; "LP" alone is logged), every line of a furniture
    field is logged with :data:`FIELD_REASON`. Lines are numbered from 1, as the parser logs them.

    Examples
    --------
    >>> page = ["HD Ferries resume", "BY Jane Roe", "WC 412 words", "PD 3 November 2010", "LP",
    ...         "TOKYO, Nov 3 - Ferries sail again.", "TD", "More later.", "NS gpol : Domestic Politics",
    ...         "| ntra : Transport", "AN Document ABC0001"]
    >>> text, reasons = database_fields(page)
    >>> text[0], sorted(reasons)
    ('Ferries resume', [2, 3, 4, 5, 7, 9, 10, 11])
    >>> database_fields(["IN Tokyo, the mood was grim.", "AN old tale."])[1]
    {}
    """
    labels = [(i, m) for i, line in enumerate(lines) if (m := FIELD_RE.match(line.strip())) is not None
              and m.group("code") in TEXT_FIELDS | FURNITURE_FIELDS]
    codes = {m.group("code") for _, m in labels}
    if len(codes) < MIN_CODES or not codes & TEXT_FIELDS:
        return lines, {}
    out, reasons = list(lines), {}
    starts = {i: m for i, m in labels}
    field = None
    for i, line in enumerate(lines):
        if i in starts:
            match = starts[i]
            field = match.group("code")
            if field in TEXT_FIELDS and match.group("value") is not None:
                out[i] = match.group("value")
                continue
            reasons[i + 1] = FIELD_REASON
        elif field in FURNITURE_FIELDS and line.strip():
            reasons[i + 1] = FIELD_REASON
    return out, reasons
