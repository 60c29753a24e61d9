"""Check the report parameters that name values of the data, against the corpus in hand.

A default that names a value (an outlet, a year, a term) works on one corpus
and fails, or silently shows zeros, on another. These functions either choose
a default that exists in the corpus and say so, or refuse with a message that
lists the values there are and the parameter to set; a term that never occurs
becomes a warning shown in the report.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from kuril_research.errors import ParameterError
from kuril_research.publish.outputs import SavedOutput

__all__ = ["KeynessGroups", "keyness_groups", "missing_terms", "notice", "term_warning", "corpus_description",
           "show_corpus"]

_LISTED = 15


@dataclass(frozen=True)
class KeynessGroups:
    """The two groups of a keyness comparison, and how a caption names them.

    Attributes
    ----------
    target, reference : tuple or None
        ``(column, value)`` selections for :func:`kuril_research.analysis.frequency.keyness`
        (``reference`` None: all other documents).
    target_text, reference_text : str
        E.g. ``"Kyodo"``, ``"all other documents"``.
    note : str
        A sentence for the caption when a default was chosen ("" otherwise).
    """

    target: tuple
    reference: tuple | None
    target_text: str
    reference_text: str
    note: str


def _values_hint(documents: pd.DataFrame, column: str, field: str) -> str:
    counts = documents[column].value_counts(dropna=True)
    listed = ", ".join(f"{value!s} ({n})" for value, n in counts.head(_LISTED).items())
    more = f" and {len(counts) - _LISTED} more" if len(counts) > _LISTED else ""
    return (f"choose one of the values of {column} in this corpus (documents): {listed or 'none'}{more}; "
            f"e.g. -p {field} '[\"{column}\", \"{counts.index[0] if len(counts) else '...'}\"]'")


def _selection(documents: pd.DataFrame, given, field: str) -> tuple:
    if not isinstance(given, (list, tuple)) or len(given) != 2 or not isinstance(given[0], str):
        raise ParameterError(f"{given!r} is not a [column, value] pair", field=field,
                             hint='give a documents column and one of its values, e.g. ["outlet", "Kyodo"]')
    column, value = given
    if column not in documents.columns:
        raise ParameterError(f"{column!r} is not a documents column", field=field,
                             hint="use outlet, year, month, date_precision or another column of corpus.documents")
    values = documents[column]
    present = values.astype("string") == str(value)
    if not present.fillna(False).any():
        raise ParameterError(f"no document has {column} = {value!r}", field=field,
                             hint=_values_hint(documents, column, field))
    # match the column's type, so ("year", "2019") selects the year 2019
    if pd.api.types.is_integer_dtype(values.dtype) and isinstance(value, str) and value.lstrip("-").isdigit():
        value = int(value)
    return (column, value)


def keyness_groups(documents: pd.DataFrame, target: Sequence | None = None,
                   reference: Sequence | None = None) -> KeynessGroups:
    """Resolve report 02's ``keyness_target`` and ``keyness_reference`` against the corpus.

    Parameters
    ----------
    documents : DataFrame
        ``corpus.documents`` (after the report's outlet and date selection).
    target : [column, value], optional
        None (the default) chooses the largest outlet: the one with the most
        documents, ties broken by name; the caption note says so.
    reference : [column, value], optional
        None compares with all other documents.

    Returns
    -------
    KeynessGroups

    Raises
    ------
    ParameterError
        If a column is not a documents column, no document has the value (the
        message lists the values there are and the parameter to set), or
        the reference would be empty.

    Examples
    --------
    >>> docs = pd.DataFrame({"outlet": ["Kyodo", "Kyodo", "RT"], "year": pd.array([2019, 2020, 2020], dtype="Int64")})
    >>> g = keyness_groups(docs)
    >>> g.target, g.target_text, g.reference_text
    (('outlet', 'Kyodo'), 'Kyodo', 'all other documents')
    >>> g.note
    'The target is Kyodo, the largest outlet (2 of 3 documents); set keyness_target to compare another group.'
    >>> keyness_groups(docs, ["year", "2020"]).target
    ('year', 2020)
    >>> keyness_groups(docs, ["outlet", "TASS"])
    Traceback (most recent call last):
    kuril_research.errors.ParameterError: field keyness_target: no document has outlet = 'TASS'. What to do: choose one of the values of outlet in this corpus (documents): Kyodo (2), RT (1); e.g. -p keyness_target '["outlet", "Kyodo"]'
    """
    note = ""
    if target is None:
        outlets = documents["outlet"].dropna().astype(str)
        if outlets.empty:
            raise ParameterError("no document has an outlet, so there is no default keyness target",
                                 field="keyness_target", hint='give a [column, value] pair, e.g. ["year", 2019]')
        counts = outlets.value_counts()
        largest = sorted(counts.index[counts == counts.max()])[0]
        target = ("outlet", largest)
        note = (f"The target is {largest}, the largest outlet ({int(counts[largest])} of {len(documents)} documents); "
                "set keyness_target to compare another group.")
    target = _selection(documents, target, "keyness_target")
    target_text = str(target[1]) if target[0] == "outlet" else f"{target[0]} = {target[1]}"
    if reference is None:
        rest = ~(documents[target[0]].astype("string") == str(target[1])).fillna(False)
        if not rest.any():
            raise ParameterError(f"every document has {target[0]} = {target[1]!r}: nothing to compare with",
                                 field="keyness_reference",
                                 hint="select more outlets or dates, or give keyness_target another group")
        return KeynessGroups(target, None, target_text, "all other documents", note)
    reference = _selection(documents, reference, "keyness_reference")
    reference_text = str(reference[1]) if reference[0] == "outlet" else f"{reference[0]} = {reference[1]}"
    return KeynessGroups(target, reference, target_text, reference_text, note)


def missing_terms(found: pd.DataFrame, terms: Sequence[str] | str, column: str = "term") -> list[str]:
    """The terms (in the order given) that never occur in ``found[column]``.

    Examples
    --------
    >>> missing_terms(pd.DataFrame({"term": ["habomai", "habomai"]}), ["habomai", "habomaj"])
    ['habomaj']
    """
    terms = [terms] if isinstance(terms, str) else list(terms)
    # the distinct values only: a positions table has a row per occurrence (millions in a large corpus)
    seen = {str(v) for v in pd.unique(found[column].dropna())} if column in found.columns else set()
    return [t for t in terms if t not in seen]


def notice(message: str) -> SavedOutput | None:
    """A warning shown in the report page (not on stderr), as a highlighted paragraph; None (nothing shown) for "".

    Examples
    --------
    >>> "kr-warning" in notice("x")._repr_html_(), notice("")
    (True, None)
    """
    if not message:
        return None
    markup = (f'<div class="kr-warning" style="border-left:4px solid #D55E00;padding:.3em .8em;background:#fff4ec">'
              f"<b>Warning.</b> {html.escape(message)}</div>") if message else ""
    return SavedOutput("shown", "", message, {}, markup)


def term_warning(found: pd.DataFrame, terms: Sequence[str] | str, *, field: str,
                 column: str = "term") -> SavedOutput | None:
    """A report warning naming the terms of parameter ``field`` that never occur (a typo shows, not a row of zeros).

    Examples
    --------
    >>> w = term_warning(pd.DataFrame({"term": ["habomai"]}), ["habomai", "habomaj"], field="focus_terms")
    >>> w.caption
    "focus_terms: 'habomaj' never occurs in the selected documents, so its rows are zeros; check the spelling (a gazetteer entity is written as its id, e.g. northern_territories)."
    """
    absent = missing_terms(found, terms, column) if column in found.columns or not len(found) else []
    if not absent:
        return notice("")
    listed = ", ".join(repr(t) for t in absent)
    verb = "never occurs" if len(absent) == 1 else "never occur"
    return notice(f"{field}: {listed} {verb} in the selected documents, so {'its' if len(absent) == 1 else 'their'} "
                  "rows are zeros; check the spelling (a gazetteer entity is written as its id, "
                  "e.g. northern_territories).")


def corpus_description(corpus) -> str:
    """One sentence saying which documents a report page was made from (for the top of the page).

    Documents and outlets after the report's selection, the date range as
    written in the manifest (with the number of undated documents), the
    SHA-256 of the raw files the corpus was built from and the package version
    that built it.

    Examples
    --------
    >>> from kuril_research.corpus import corpus_from_texts
    >>> c = corpus_from_texts({"a": "Kunashir.", "b": "Iturup.", "c": "Habomai."},
    ...                       {"a": {"outlet": "TASS", "published": "2016-04-15"},
    ...                        "b": {"outlet": "Kyodo", "published": "2019-01"}})
    >>> corpus_description(c)
    'Corpus: 3 documents from 2 outlets, published 2016-04-15 to 2019-01 (1 undated); raw files sha256 not recorded.'
    """
    docs = corpus.documents
    dated = docs.loc[docs["published"].notna(), "published"].astype(str)
    span = f"published {min(dated)} to {max(dated)}" if len(dated) else "none dated"
    undated = len(docs) - len(dated)
    span += f" ({undated} undated)" if undated and len(dated) else ""
    raw = corpus.build.get("raw_corpus_sha256")
    built = corpus.build.get("package_version")
    outlets = docs["outlet"].nunique(dropna=True)
    return (f"Corpus: {len(docs):,} document{'s' if len(docs) != 1 else ''} from {outlets} outlet"
            f"{'s' if outlets != 1 else ''}, {span}; raw files sha256 "
            + (f"{raw[:16]}…" if raw else "not recorded") + (f", built with kuril_research {built}" if built else "")
            + ".")


def show_corpus(corpus) -> SavedOutput:
    """Display :func:`corpus_description` in the report page.

    Examples
    --------
    >>> from kuril_research.corpus import corpus_from_texts
    >>> show_corpus(corpus_from_texts({"a": "Kunashir."})).caption
    'Corpus: 1 document from 0 outlets, none dated; raw files sha256 not recorded.'
    """
    text = corpus_description(corpus)
    return SavedOutput("shown", "", text, {}, f'<p class="kr-corpus">{html.escape(text)}</p>')
