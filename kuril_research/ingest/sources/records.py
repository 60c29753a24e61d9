"""What read files give: a decoded article (:class:`RawDocument`) or the reason it is not one (:class:`Reject`)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["RawDocument", "Reject"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A raw file that decoded to text."""

    file: str          # path relative to the raw folder, with forward slashes
    text: str          # decoded, not yet normalised
    encoding: str      # codec used, e.g. "utf-8", "utf-16", "cp1252"
    sha256: str        # of the raw bytes
    source_format: str  # "text", "html", "csv", "nexis-txt", ... (see kuril_research.ingest.readers)
    position: int | None = None  # 1-based position in a multi-article file, None for a one-article file
    meta: dict | None = None     # metadata the source itself gives (title, outlet, published, ...), or None


@dataclass(frozen=True, slots=True)
class Reject:
    """A raw file (or manifest row) that could not become a document, and why."""

    file: str
    reason: str   # short code: empty, binary, undecodable, missing, outside_raw_folder, unreadable,
                  # unsupported_format, no_text, no_articles, partial_parse, ...
    detail: str   # a sentence for people, ending with what to do
    sha256: str | None = None  # of the raw bytes, when the file could be read
    position: int | None = None  # the article of a multi-article file, None for the whole file
