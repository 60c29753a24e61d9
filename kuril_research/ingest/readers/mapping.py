"""Which column of a tabular export holds what: the column mapping and its YAML file.

A mapping names the columns of a CSV/TSV, JSON Lines, Parquet or Excel export
that hold an article's text, title, date, outlet and id (and, optionally, its
URL and language), a declared date format, and extra columns to keep in
``documents``. Columns left unnamed are looked for under common names
(:data:`DEFAULT_NAMES`, case-insensitive); only the text column is required.

The YAML file (``--mapping mapping.yaml``) has the same keys::

    text: body
    title: headline
    date: pub_date
    date_format: "%d/%m/%Y"
    outlet: source
    id: article_id
    extra: [author, section]
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from kuril_research.errors import LexiconError
from kuril_research.lexicons import load_yaml

__all__ = ["ColumnMapping", "DEFAULT_NAMES", "load_mapping"]

#: Column names tried, in order, for a role the mapping leaves unnamed.
DEFAULT_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "fulltext"),
    "title": ("title", "headline", "heading"),
    "date": ("published", "date", "publication_date", "pub_date", "datetime"),
    "outlet": ("outlet", "source", "publication", "newspaper", "source_name"),
    "id": ("id", "doc_id", "article_id"),
    "url": ("url", "link"),
    "language": ("language", "lang"),
}


@dataclass(frozen=True)
class ColumnMapping:
    """Column names of a tabular export (None: look for a common name)."""

    text: str | None = None
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    id: str | None = None
    url: str | None = None
    language: str | None = None
    date_format: str | None = None
    extra: tuple[str, ...] = field(default=())

    def merged(self, **overrides: str | None) -> ColumnMapping:
        """Return a copy with the given non-None values replacing this mapping's.

        Examples
        --------
        >>> ColumnMapping(text="body", title="headline").merged(title="title", date=None)
        ColumnMapping(text='body', title='title', date=None, outlet=None, id=None, url=None, language=None, date_format=None, extra=())
        """
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def resolve(self, columns: list[str]) -> dict[str, str | None]:
        """Return role → column of ``columns`` (named, else the first common name found, else None).

        Examples
        --------
        >>> ColumnMapping(title="Headline").resolve(["Headline", "Body", "Date"])["title"]
        'Headline'
        >>> ColumnMapping().resolve(["Headline", "Body", "Date"])["text"]
        'Body'
        """
        lower = {c.lower(): c for c in columns}
        out: dict[str, str | None] = {}
        for role, names in DEFAULT_NAMES.items():
            given = getattr(self, role)
            out[role] = given if given is not None else next((lower[n] for n in names if n in lower), None)
        return out


def load_mapping(path: str | Path) -> ColumnMapping:
    """Read a column mapping from YAML, validated with file and line in errors.

    Raises
    ------
    LexiconError
        For an unknown key, or a value that is not a column name (a list of
        names for ``extra``).

    Examples
    --------
    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "mapping.yaml")
    >>> _ = open(p, "w").write("text: body\\nextra: [author]\\n")
    >>> load_mapping(p)
    ColumnMapping(text='body', title=None, date=None, outlet=None, id=None, url=None, language=None, date_format=None, extra=('author',))
    >>> _ = open(p, "w").write("text: body\\ncolour: red\\n")
    >>> load_mapping(p)
    Traceback (most recent call last):
    kuril_research.errors.LexiconError: ...mapping.yaml, line 2: unknown key 'colour'. What to do: use only text, title, date, outlet, id, url, language, date_format, extra
    """
    path = Path(path)
    doc = load_yaml(path)
    names = [f.name for f in fields(ColumnMapping)]
    if not isinstance(doc, dict):
        raise LexiconError("expected a mapping of roles to column names", path=path, line=1,
                           hint="write e.g. 'text: body' on its own line")
    values: dict = {}
    for key, value in doc.items():
        line = doc.lines.get(key)
        if key not in names:
            raise LexiconError(f"unknown key {key!r}", path=path, line=line, hint=f"use only {', '.join(names)}")
        if key == "extra":
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise LexiconError("extra must be a list of column names", path=path, line=line,
                                   hint="write e.g. extra: [author, section]")
            values[key] = tuple(value)
        elif not isinstance(value, str) or not value:
            raise LexiconError(f"{key} must be a column name", path=path, line=line, hint=f"write e.g. {key}: my_column")
        else:
            values[key] = value
    return ColumnMapping(**values)
