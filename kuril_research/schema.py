"""Column contracts of the processed corpus tables.

One source of truth for every table's columns and dtypes: the build writes
them in this order with these types, and :func:`validate_table` checks a
table read back from disk, so that a table written by an older version of
the package is refused with a message instead of failing somewhere later.

dtypes are pandas extension dtypes so that missing values are explicit
(``<NA>``) and Parquet round-trips them unchanged:

``string``  text; ``<NA>`` where absent (e.g. no standfirst, narrator speaker)
``Int64``   integer, nullable
``boolean`` nullable boolean
"""

from __future__ import annotations

import pandas as pd

from .errors import CorpusTableError

__all__ = ["SCHEMA_VERSION", "TABLES", "empty_table", "conform", "validate_table"]

#: Bumped whenever a column is added, removed or changes type.
SCHEMA_VERSION = 2

TABLES: dict[str, dict[str, str]] = {
    # One row per article that was parsed (rejected files are in ``rejects``).
    "documents": {
        "doc_id": "string",          # file name without extension; unique
        "file": "string",            # file name relative to the raw folder
        "outlet": "string",          # from the manifest
        "published": "string",       # manifest date as written: YYYY-MM-DD, YYYY-MM or YYYY
        "date_precision": "string",  # day | month | year
        "year": "Int64",
        "month": "Int64",            # <NA> when precision is year
        "day": "Int64",              # <NA> unless precision is day
        "language": "string",
        "url": "string",
        "notes": "string",
        "title": "string",
        "standfirst": "string",      # <NA> when the outlet printed none
        "dateline": "string",        # the dateline as printed, <NA> when none
        "dateline_place": "string",
        "dateline_country": "string",
        "dateline_month": "Int64",
        "dateline_day": "Int64",
        "agency": "string",
        "text": "string",            # clean body: paragraphs joined by a blank line
        "n_paragraphs": "Int64",
        "n_sentences": "Int64",
        "n_mentions": "Int64",
        "n_quotes": "Int64",
        "n_removed": "Int64",
        "n_chars": "Int64",
        "sha256": "string",          # of the raw file's bytes
        "encoding": "string",        # how the raw bytes were decoded
        "duplicate_of": "string",    # doc_id of an earlier identical clean text, else <NA>
        "warnings": "string",        # "; "-separated, "" when none
    },
    "paragraphs": {
        "doc_id": "string",
        "para_id": "Int64",          # 0-based within the document
        "start": "Int64",            # offsets into documents.text
        "end": "Int64",
    },
    "sentences": {
        "doc_id": "string",
        "sent_id": "Int64",          # 0-based within the document
        "para_id": "Int64",
        "start": "Int64",
        "end": "Int64",
        "text": "string",            # == documents.text[start:end]
    },
    "quotes": {
        "doc_id": "string",
        "quote_id": "Int64",         # 0-based within the document
        "para_id": "Int64",
        "start": "Int64",            # span of the quoted words, quotation marks excluded
        "end": "Int64",
        "text": "string",
        "speaker": "string",         # gazetteer entity id of the speaker; <NA> when the text does not say or the
                                     # speaker is not in the gazetteer (never the nearest other known person)
        "speaker_text": "string",    # the speaker as the text names them: a full name if the article gives one
                                     # ("Ivan Petrov"), else the role or institution ("the statement"); <NA> if none
        "speaker_cue": "string",     # the words that named the speaker ("the spokesman said")
    },
    "mentions": {
        "doc_id": "string",
        "sent_id": "Int64",
        "para_id": "Int64",
        "start": "Int64",
        "end": "Int64",
        "surface": "string",         # == documents.text[start:end]
        "entity": "string",          # canonical id from the gazetteer
        "entity_type": "string",
        "naming": "string",          # japanese | russian | neutral
        "voice": "string",           # narrator | quoted | attributed
        "speaker": "string",         # entity id of the quoted speaker or of the naming side; <NA> for narrator
        "speaker_text": "string",    # quoted: the quote's speaker_text; attributed: the naming side as written
        "quote_id": "Int64",         # <NA> unless voice is quoted
    },
    "removed": {
        "doc_id": "string",
        "file": "string",
        "line": "Int64",             # 1-based line in the decoded raw text
        "text": "string",
        "reason": "string",
    },
    "rejects": {
        "file": "string",
        "reason": "string",          # short code: empty, binary, undecodable, ...
        "detail": "string",          # sentence for people, says what to do
    },
}


def empty_table(name: str) -> pd.DataFrame:
    """Return an empty DataFrame with the columns and dtypes of table ``name``.

    Examples
    --------
    >>> list(empty_table("rejects").columns)
    ['file', 'reason', 'detail']
    """
    return pd.DataFrame({col: pd.Series([], dtype=dt) for col, dt in TABLES[name].items()})


def conform(name: str, rows: list[dict] | pd.DataFrame) -> pd.DataFrame:
    """Build table ``name`` from rows, in schema column order and dtypes.

    Parameters
    ----------
    name : str
        A key of :data:`TABLES`.
    rows : list of dict or DataFrame
        Missing columns are filled with ``<NA>``; extra columns are an error.

    Examples
    --------
    >>> conform("rejects", [{"file": "a.txt", "reason": "empty"}]).dtypes.tolist()
    [<StringDtype(na_value=<NA>)>, <StringDtype(na_value=<NA>)>, <StringDtype(na_value=<NA>)>]
    """
    columns = TABLES[name]
    frame = pd.DataFrame(rows) if not isinstance(rows, pd.DataFrame) else rows
    extra = set(frame.columns) - set(columns)
    if extra:
        raise ValueError(f"table {name}: unexpected columns {sorted(extra)}")
    if frame.empty and not len(frame.columns):
        return empty_table(name)
    out = pd.DataFrame(index=range(len(frame)))
    for col, dtype in columns.items():
        values = frame[col].to_numpy(dtype=object) if col in frame else [None] * len(frame)
        out[col] = pd.array(values, dtype=dtype)
    return out


def validate_table(name: str, frame: pd.DataFrame, *, path: str | None = None) -> pd.DataFrame:
    """Check that ``frame`` has exactly the columns and dtypes of table ``name``.

    Raises
    ------
    CorpusTableError
        Naming the table file, the missing or unexpected columns, and saying to
        rebuild with ``kuril-research build``.

    Examples
    --------
    >>> validate_table("rejects", empty_table("rejects")).shape
    (0, 3)
    """
    expected = TABLES[name]
    got = list(frame.columns)
    if got != list(expected):
        missing = [c for c in expected if c not in got]
        extra = [c for c in got if c not in expected]
        raise CorpusTableError(
            f"table {name!r} does not match this version of kuril_research "
            f"(missing columns: {missing or 'none'}; unexpected: {extra or 'none'})",
            path=path, hint="rebuild the corpus with `kuril-research build`")
    for col, dtype in expected.items():
        if str(frame[col].dtype) != str(pd.Series([], dtype=dtype).dtype):
            raise CorpusTableError(
                f"table {name!r}: column {col!r} has dtype {frame[col].dtype}, expected {dtype}",
                path=path, field=col, hint="rebuild the corpus with `kuril-research build`")
    return frame
