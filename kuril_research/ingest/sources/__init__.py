"""Read raw article files and the manifest: bytes in, text and metadata out.

This is the only part of the package that touches the raw folder. It decides,
for every file, either how to decode it (and records the encoding used) or
why it is rejected; nothing is dropped silently. By job:

* :mod:`~kuril_research.ingest.sources.files` -- list and read the files of the
  raw folder, never leaving it (``list_article_files``, ``read_file``, ...);
* :mod:`~kuril_research.ingest.sources.decoding` -- bytes to text: binary
  signatures, byte-order marks, UTF-8, legacy code pages, mojibake repair,
  HTML to text (the decoding order is in its docstring);
* :mod:`~kuril_research.ingest.sources.manifest` -- read and validate the
  manifest CSV (``read_manifest``, ``parse_published``);
* :mod:`~kuril_research.ingest.sources.records` -- what reading gives:
  ``RawDocument`` or ``Reject``.

Every public name is importable from here (``kuril_research.sources`` too).
"""

from __future__ import annotations

from kuril_research.ingest.sources.decoding import (
    BINARY_SIGNATURES,
    BOMS,
    LEGACY_ENCODINGS,
    decode_bytes,
    html_to_text,
    text_document,
)
from kuril_research.ingest.sources.files import (
    list_article_files,
    read_file,
    read_raw_bytes,
    read_raw_folder,
    safe_relative_path,
)
from kuril_research.ingest.sources.manifest import (
    DERIVED_MANIFEST_COLUMNS,
    MANIFEST_COLUMNS,
    REQUIRED_MANIFEST_COLUMNS,
    manifest_extra_columns,
    parse_published,
    read_manifest,
)
from kuril_research.ingest.sources.records import RawDocument, Reject

__all__ = [
    "RawDocument",
    "Reject",
    "MANIFEST_COLUMNS",
    "REQUIRED_MANIFEST_COLUMNS",
    "DERIVED_MANIFEST_COLUMNS",
    "BINARY_SIGNATURES",
    "BOMS",
    "LEGACY_ENCODINGS",
    "decode_bytes",
    "html_to_text",
    "read_raw_folder",
    "read_manifest",
    "manifest_extra_columns",
    "read_file",
    "read_raw_bytes",
    "safe_relative_path",
    "text_document",
    "list_article_files",
    "parse_published",
]
