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
``Float64`` floating point, nullable

``documents`` may carry extra columns after its fixed ones: the extra columns
of the manifest (``author``, ``section``, ...) or of a tabular export's column
mapping, all of dtype ``string``. :func:`validate_table` accepts them there and
nowhere else, so a researcher can group by their own metadata (``by="section"``).
"""

from __future__ import annotations

import pandas as pd

from kuril_research.errors import CorpusTableError

__all__ = ["SCHEMA_VERSION", "TABLES", "EXTRA_COLUMN_TABLES", "DATE_PRECISIONS", "empty_table", "conform",
           "validate_table", "extra_columns"]

#: Bumped whenever a column is added, removed or changes type.
#: 2: documents.source_format and source_position, date_precision "unknown", extra documents columns,
#: rejects.source_position, the duplicates table.
#: 3: quotes.speaker_text and mentions.speaker_text (open-set speakers), with the changes of 2.
SCHEMA_VERSION = 3

#: Tables that may hold extra (string) columns after their fixed ones.
EXTRA_COLUMN_TABLES = frozenset({"documents"})
#: Values of ``documents.date_precision``; "unknown" for an undated item (empty ``published``).
DATE_PRECISIONS = ("day", "month", "year", "unknown")

TABLES: dict[str, dict[str, str]] = {
    # One row per article that was parsed (rejected files are in ``rejects``).
    "documents": {
        "doc_id": "string",          # file name without extension; unique
        "file": "string",            # file name relative to the raw folder
        "outlet": "string",          # from the manifest
        "published": "string",       # YYYY-MM-DD, YYYY-MM or YYYY (as precise as known); <NA> when undated
        "date_precision": "string",  # day | month | year | unknown (undated: published and year <NA>)
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
        "source_format": "string",   # reader that read it: text, html, csv, tsv, jsonl, parquet, xlsx,
                                     # nexis-txt, nexis-docx, nexis-rtf
        "source_position": "Int64",  # 1-based position in a multi-article file (row, or article of an export);
                                     # <NA> for a one-article file
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
        "reason": "string",          # short code: empty, binary, undecodable, unsupported_format, no_text, ...
        "detail": "string",          # sentence for people, says what to do
        "source_position": "Int64",  # article of a multi-article file, <NA> for a whole file
    },
    # Near-duplicate groups (syndicated copies of one story): one row per member of a group.
    "duplicates": {
        "group_id": "Int64",         # 1-based, in the order of the groups' kept documents
        "doc_id": "string",          # a member of the group
        "kept_doc_id": "string",     # the member counted: the earliest published, then the first by doc_id
        "similarity": "Float64",     # estimated Jaccard similarity of word 5-gram sets with the kept document
                                     # (1.0 for the kept document itself)
        "kept": "boolean",           # True for the kept document; the others are not in documents
                                     # unless the build kept duplicates (--keep-duplicates)
    },
}


def empty_table(name: str) -> pd.DataFrame:
    """Return an empty DataFrame with the columns and dtypes of table ``name``.

    Examples
    --------
    >>> list(empty_table("rejects").columns)
    ['file', 'reason', 'detail', 'source_position']
    """
    return pd.DataFrame({col: pd.Series([], dtype=dt) for col, dt in TABLES[name].items()})


def extra_columns(name: str, frame: pd.DataFrame) -> list[str]:
    """Return the columns of ``frame`` after the fixed ones of table ``name`` (only ``documents`` has any).

    Examples
    --------
    >>> extra_columns("documents", empty_table("documents").assign(section=pd.Series([], dtype="string")))
    ['section']
    """
    fixed = TABLES[name]
    return [c for c in frame.columns if c not in fixed] if name in EXTRA_COLUMN_TABLES else []


def conform(name: str, rows: list[dict] | pd.DataFrame, *, extra: list[str] | tuple[str, ...] = ()) -> pd.DataFrame:
    """Build table ``name`` from rows, in schema column order and dtypes.

    Parameters
    ----------
    name : str
        A key of :data:`TABLES`.
    rows : list of dict or DataFrame
        Missing columns are filled with ``<NA>``; extra columns are an error
        unless named in ``extra``.
    extra : list of str
        Extra ``string`` columns kept after the fixed ones (``documents`` only).

    Examples
    --------
    >>> conform("rejects", [{"file": "a.txt", "reason": "empty"}]).dtypes.tolist()
    [<StringDtype(na_value=<NA>)>, <StringDtype(na_value=<NA>)>, <StringDtype(na_value=<NA>)>, Int64Dtype()]
    """
    if extra and name not in EXTRA_COLUMN_TABLES:
        raise ValueError(f"table {name}: takes no extra columns")
    columns = {**TABLES[name], **{c: "string" for c in extra if c not in TABLES[name]}}
    frame = pd.DataFrame(rows) if not isinstance(rows, pd.DataFrame) else rows
    unexpected = set(frame.columns) - set(columns)
    if unexpected:
        raise ValueError(f"table {name}: unexpected columns {sorted(unexpected)}")
    if frame.empty and not len(frame.columns) and not extra:
        return empty_table(name)
    out = pd.DataFrame(index=range(len(frame)))
    for col, dtype in columns.items():
        values = frame[col].to_numpy(dtype=object) if col in frame else [None] * len(frame)
        out[col] = pd.array(values, dtype=dtype)
    return out


def validate_table(name: str, frame: pd.DataFrame, *, path: str | None = None) -> pd.DataFrame:
    """Check that ``frame`` has the columns and dtypes of table ``name``, in order.

    ``documents`` may have extra ``string`` columns after its fixed ones
    (:data:`EXTRA_COLUMN_TABLES`); any other difference is an error.

    Raises
    ------
    CorpusTableError
        Naming the table file, the missing or unexpected columns, and saying to
        rebuild with ``kuril-research build``.

    Examples
    --------
    >>> validate_table("rejects", empty_table("rejects")).shape
    (0, 4)
    >>> docs = empty_table("documents").assign(section=pd.Series([], dtype="string"))
    >>> validate_table("documents", docs).columns[-1]
    'section'
    """
    expected = TABLES[name]
    got = list(frame.columns)
    if name in EXTRA_COLUMN_TABLES and got[:len(expected)] == list(expected):
        expected = {**expected, **dict.fromkeys(got[len(expected):], "string")}
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
