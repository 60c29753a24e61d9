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
    article_format = _article_format_fields(lines)
    labels = [(i, m) for i, line in enumerate(lines) if (m := FIELD_RE.match(line.strip())) is not None
              and m.group("code") in TEXT_FIELDS | FURNITURE_FIELDS]
    codes = {m.group("code") for _, m in labels}
    if len(codes) < MIN_CODES or not codes & TEXT_FIELDS:
        return lines, article_format
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


#: Factiva's article format, without labels: the word count, then within a few lines the date, the source's name,
#: its code and the language ("412 words" / "3 November 2010" / "The Daily Paper" / "DLYP" / "English").
WORD_COUNT_RE = re.compile(r"\A\d[\d,]*\s+words\Z", re.IGNORECASE)
LANGUAGE_RE = re.compile(r"\A(?:english|russian|japanese|french|german|spanish|chinese|korean)\Z", re.IGNORECASE)
#: The language stands at most this many lines under the word count.
ARTICLE_FORMAT_LINES = 5


def _article_format_fields(lines: list[str]) -> dict[int, str]:
    """The lines from a word count to the language line a few lines under it, by 1-based number (Factiva's article
    format prints date, source name and source code between them: "DLYP" is no lone dateline's place). The lines
    between are short and none ends a sentence.

    Examples
    --------
    >>> _article_format_fields(["Ferries", "Jane Roe", "412 words", "3 November 2010", "The Daily Paper", "DLYP",
    ...                         "English", "Ferries sail again."])
    {3: 'database field', 4: 'database field', 5: 'database field', 6: 'database field', 7: 'database field'}
    >>> _article_format_fields(["Ferries", "412 words", "Ferries sail again.", "English"])
    {}
    """
    out: dict[int, str] = {}
    for i, line in enumerate(lines):
        if WORD_COUNT_RE.match(line.strip()):
            end = next((j for j in range(i + 1, min(len(lines), i + 1 + ARTICLE_FORMAT_LINES))
                        if LANGUAGE_RE.match(lines[j].strip())), None)
            if end is not None and all(len(lines[k].split()) <= 8 and not lines[k].rstrip().endswith(("!", "?"))
                                       and not lines[k].rstrip().endswith(".") for k in range(i + 1, end)):
                out.update({k + 1: FIELD_REASON for k in range(i, end + 1) if lines[k].strip()})
    return out
