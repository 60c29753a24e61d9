"""The concordancer's logic, without widgets: a query and filters in, concordance lines out.

:func:`concordance_table` is what the widget of
:mod:`kuril_research.explore.widget` shows: the lines of
:func:`kuril_research.analysis.frequency.kwic` (so its numbers are the reports' numbers),
with each document's outlet and date and the naming side of the match, kept or
dropped by the filters. :func:`hit_counts` counts them and :func:`export_table`
writes them to CSV or Excel.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import pandas as pd

from kuril_research.analysis.concordance import kwic
from kuril_research.corpus import Corpus
from kuril_research.errors import InputError, ParameterError
from kuril_research.analysis.selection import select_documents

__all__ = ["CONCORDANCE_COLUMNS", "concordance_table", "hit_counts", "export_table"]

#: Columns of :func:`concordance_table`: kwic's, then the document's outlet and date and the match's naming.
CONCORDANCE_COLUMNS = ["doc_id", "sent_id", "start", "end", "left", "match", "right", "voice", "speaker",
                       "outlet", "published", "naming"]


def _as_list(value: str | Sequence[str] | None, name: str) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    values = list(value)
    if not all(isinstance(v, str) for v in values):
        raise ParameterError(f"{name} must be a string or a list of strings", field=name,
                             hint=f'e.g. {name}=["..."], or None for no filter')
    return values


def _match_naming(lines: pd.DataFrame, mentions: pd.DataFrame) -> pd.Series:
    """Naming side of the mentions inside each line's match: their common side, ``mixed``, or <NA> if none."""
    naming = pd.Series(pd.NA, index=lines.index, dtype="string")
    if lines.empty or mentions.empty:
        return naming
    spans = lines[["doc_id", "start", "end"]].reset_index(names="_line")
    inside = mentions[mentions["doc_id"].isin(spans["doc_id"].unique())][["doc_id", "start", "end", "naming"]]
    pairs = spans.merge(inside, on="doc_id", suffixes=("", "_m"))
    pairs = pairs[(pairs["start_m"] >= pairs["start"]) & (pairs["end_m"] <= pairs["end"])]
    sides = pairs.groupby("_line")["naming"].agg(lambda s: s.iloc[0] if s.nunique() == 1 else "mixed")
    naming.loc[sides.index] = sides.astype("string")
    return naming


def concordance_table(
    corpus: Corpus,
    query: str,
    *,
    match: Literal["auto", "entity", "surface"] = "auto",
    window: int = 8,
    sort: Literal["left", "right"] | None = None,
    outlets: str | Sequence[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    voices: str | Sequence[str] | None = None,
    naming: str | Sequence[str] | None = None,
    speakers: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """Return the concordance lines of a query that pass the filters.

    The lines are :func:`kuril_research.analysis.frequency.kwic`'s, in its order (``sort``),
    with three columns added; the filters only drop lines. Without filters the
    lines are exactly kwic's.

    Parameters
    ----------
    corpus : Corpus
    query : str
        A word, phrase, entity id or spelling (see ``match``).
    match : {"auto", "entity", "surface"}, default "auto"
        As in :func:`~kuril_research.analysis.frequency.kwic`: ``"entity"`` every spelling of an
        entity id, ``"surface"`` one spelling only.
    window : int, default 8
        Words of context on each side.
    sort : {"left", "right"} or None
        Sort by the context left or right of the match; None: document and text order.
    outlets : str or list of str, optional
        Keep lines of these outlets.
    date_from, date_to : str, optional
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, inclusive; a document is kept when
        its date (as precise as the manifest gives it) overlaps the range, as in
        :func:`~kuril_research.analysis.selection.select_documents`.
    voices : str or list of str, optional
        Keep lines whose match is in these voices (``narrator``, ``quoted``, ``attributed``).
    naming : str or list of str, optional
        Keep lines whose match is a name of these sides (``japanese``, ``russian``,
        ``neutral``, or ``mixed`` for a phrase holding names of two sides); lines
        whose match holds no name are dropped by this filter.
    speakers : str or list of str, optional
        Keep lines whose match is voiced by these speakers (e.g. ``fumio_kishida``, ``japan``).

    Returns
    -------
    DataFrame
        :data:`CONCORDANCE_COLUMNS`: kwic's ``doc_id, sent_id, start, end, left, match,
        right, voice, speaker``, then ``outlet`` and ``published`` of the document
        and ``naming``, the side of the names inside the match (<NA> if none).

    Examples
    --------
    >>> from kuril_research.testing import two_habomai_articles
    >>> corpus = two_habomai_articles()
    >>> concordance_table(corpus, "habomai")[["doc_id", "match", "outlet", "naming"]].values.tolist()
    [['a', 'Habomai', 'TASS', 'neutral'], ['b', 'Khabomai', 'Kyodo', 'russian']]
    >>> concordance_table(corpus, "Habomai", match="surface").doc_id.tolist()
    ['a']
    >>> concordance_table(corpus, "treaty", voices="quoted")[["doc_id", "voice", "speaker"]].values.tolist()
    [['a', 'quoted', 'sergey_lavrov']]
    >>> concordance_table(corpus, "habomai", date_from="2020").doc_id.tolist()
    ['b']
    """
    outlets, voices = _as_list(outlets, "outlets"), _as_list(voices, "voices")
    naming, speakers = _as_list(naming, "naming"), _as_list(speakers, "speakers")
    lines = kwic(corpus, query, window=window, sort=sort, match=match)
    documents = corpus.documents[["doc_id", "outlet", "published"]]
    meta = lines[["doc_id"]].merge(documents, on="doc_id", how="left")
    lines["outlet"] = meta["outlet"].astype("string").to_numpy()
    lines["published"] = meta["published"].astype("string").to_numpy()
    lines["naming"] = _match_naming(lines, corpus.mentions)
    keep = pd.Series(True, index=lines.index)
    if outlets is not None or date_from is not None or date_to is not None:
        chosen = select_documents(Corpus(documents=corpus.documents), outlets=outlets,
                                  date_from=date_from, date_to=date_to).documents["doc_id"]
        keep &= lines["doc_id"].isin(set(chosen))
    for column, allowed in (("voice", voices), ("naming", naming), ("speaker", speakers)):
        if allowed is not None:
            keep &= lines[column].isin(allowed).fillna(False).astype(bool)
    return lines[keep.to_numpy()].reset_index(drop=True)[CONCORDANCE_COLUMNS]


def hit_counts(lines: pd.DataFrame) -> dict[str, int]:
    """Count concordance lines and the documents they come from.

    Examples
    --------
    >>> hit_counts(pd.DataFrame({"doc_id": ["a", "a", "b"]}))
    {'hits': 3, 'documents': 2}
    """
    return {"hits": len(lines), "documents": int(lines["doc_id"].nunique())}


def export_table(lines: pd.DataFrame, path: str | Path, *, overwrite: bool = False) -> Path:
    """Write concordance lines (or any table) to ``.csv`` (UTF-8) or ``.xlsx``, chosen by the suffix.

    Text is written as text: a line beginning with ``=`` is never an Excel
    formula. The CSV is byte-reproducible; an .xlsx file records when it was saved.

    Parameters
    ----------
    lines : DataFrame
    path : str or Path
        Its folder is created if needed.
    overwrite : bool, default False
        An existing file is an error unless True.

    Returns
    -------
    Path

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = export_table(pd.DataFrame({"match": ["Habomai"]}), pathlib.Path(tempfile.mkdtemp()) / "lines.csv")
    >>> out.read_text(encoding="utf-8")
    'match\\nHabomai\\n'
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ParameterError(f"cannot write {path.name!r}: unknown file type", field="path",
                             hint="end the file name with .csv or .xlsx")
    if path.exists() and not overwrite:
        raise InputError("file exists", path=path, hint="choose another name, or pass overwrite=True")
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        lines.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    else:
        _write_xlsx(lines, path)
    return path


def _write_xlsx(table: pd.DataFrame, path: Path) -> None:
    """Write a table to one sheet, every text as a text cell.

    Article text can begin with ``=``; openpyxl would store such a value as a
    formula, so text cells are typed explicitly. Characters an .xlsx file cannot
    hold (C0 controls) become U+FFFD.
    """
    from openpyxl import Workbook  # noqa: PLC0415 - only when exporting to Excel
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    sheet = book.active
    sheet.title = "concordance"
    rows = [list(map(str, table.columns))]
    rows += table.astype(object).where(table.notna(), None).itertuples(index=False, name=None)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            if isinstance(value, str):
                cell.value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
                cell.data_type = "s"
            else:
                cell.value = value.item() if hasattr(value, "item") else value
    book.save(path)
