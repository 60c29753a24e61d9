"""Decode a raw file's bytes to text, or say why it cannot be read: bytes in, text and its encoding out.

Decoding order
--------------
1. Known binary signatures (PDF, ZIP, PNG, JPEG, GIF, gzip) → reject ``binary``.
2. A byte-order mark: UTF-8-SIG, UTF-16 or UTF-32.
3. UTF-16 without a BOM, recognised by NUL bytes in every other position.
4. Any other NUL byte → reject ``binary``.
5. Strict UTF-8.
6. A legacy encoding chosen by ``charset-normalizer`` among single-byte
   Western and Cyrillic code pages and the Japanese multi-byte encodings;
   the guess is kept only if the text decodes cleanly.
7. Otherwise reject ``undecodable``.

Decoded text that shows mojibake (UTF-8 once read as Windows-1252 and saved
again: "Tokyoâ€™s") is repaired with ``ftfy.fix_encoding``, which undoes only
that; the encoding is recorded as e.g. ``utf-8+mojibake-repaired``.

Text that is empty or only white space after decoding is rejected ``empty``.
An HTML page is reduced to its visible text (scripts, styles, navigation,
headers, footers and forms dropped; block elements become line breaks).
"""

from __future__ import annotations

import codecs
import dataclasses
import re
from html.parser import HTMLParser

from ftfy import fix_encoding

from kuril_research.ingest.sources.records import RawDocument, Reject

__all__ = ["decode_bytes", "html_to_text", "text_document", "BINARY_SIGNATURES", "BOMS", "LEGACY_ENCODINGS"]

BINARY_SIGNATURES: dict[bytes, str] = {
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive (or DOCX/XLSX)",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x1f\x8b": "gzip archive",
}
BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
LEGACY_ENCODINGS = ["cp1252", "cp1251", "koi8_r", "shift_jis", "euc_jp", "cp932", "iso8859_15"]
HTML_START_RE = re.compile(r"\A\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<meta\b)", re.IGNORECASE)
#: Character pairs typical of UTF-8 read as Windows-1252 (â€™, Ã©, Ð¾); only then is ftfy asked.
MOJIBAKE_HINT_RE = re.compile("[ÂÃâÐÑ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


class _TextExtractor(HTMLParser):
    SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg", "head", "button"}
    BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
             "blockquote", "figure", "figcaption", "tr", "table", "main", "hr", "pre", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag, attrs):
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip_depth:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(html: str) -> str:
    """Reduce an HTML page to its visible text, one block element per paragraph.

    Parameters
    ----------
    html : str

    Returns
    -------
    str
        Text with blocks separated by blank lines; scripts, styles and page
        navigation removed; character references decoded (so ``&lt;script&gt;``
        in an article stays the literal, inert text ``<script>``).

    Examples
    --------
    >>> html_to_text("<html><script>alert(1)</script><h1>Title</h1><p>Body &amp; more</p></html>")
    'Title\\n\\nBody & more'
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def decode_bytes(data: bytes, *, file: str = "<bytes>") -> tuple[str, str] | Reject:
    """Decode a raw file's bytes, or say why it cannot be read as text.

    Parameters
    ----------
    data : bytes
    file : str
        Name used in the reject record.

    Returns
    -------
    (text, encoding) or Reject

    Examples
    --------
    >>> decode_bytes("Kunashir – Kunashiri".encode("utf-8"))
    ('Kunashir – Kunashiri', 'utf-8')
    >>> decode_bytes("Tokyo’s position".encode("cp1252"))
    ('Tokyo’s position', 'cp1252')
    >>> decode_bytes(b"%PDF-1.7 ...", file="a.txt").reason
    'binary'
    """
    if not data.strip():
        return Reject(file, "empty", "the file is empty or only white space; remove it or replace it with the article text")
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return Reject(file, "binary", f"the file is a {kind}, not text; save the article as a .txt or .html file")
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                return Reject(file, "undecodable", f"starts with a {codec} byte-order mark but byte {exc.start} is invalid; re-save the file as UTF-8")
    if b"\x00" in data:
        guess = _utf16_without_bom(data)
        if guess is not None:
            return guess
        offset = data.index(b"\x00")
        return Reject(file, "binary", f"contains a NUL byte at byte {offset}, so it is not plain text; re-save the article as UTF-8 text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        first_bad = utf8_error.start
    legacy = _guess_legacy(data)
    if legacy is not None:
        return legacy
    return Reject(file, "undecodable", f"byte {first_bad} is not valid UTF-8 and no known encoding fits; re-save the file as UTF-8")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    if len(data) % 2:
        return None
    even_nul = data[0::2].count(0) / (len(data) / 2)
    odd_nul = data[1::2].count(0) / (len(data) / 2)
    codec = "utf-16-le" if odd_nul > 0.3 and even_nul < 0.05 else "utf-16-be" if even_nul > 0.3 and odd_nul < 0.05 else None
    if codec is None:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return (text, codec) if "\x00" not in text else None


def _guess_legacy(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes  # imported here: only needed for legacy files

    best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    candidates = ([best.encoding] if best is not None else []) + ["cp1252"]
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        try:  # where Windows-1252 reads the bytes identically, name the Western default
            if data.decode("cp1252") == text:
                return text, "cp1252"
        except UnicodeDecodeError:
            pass
        return text, codecs.lookup(codec).name
    return None


def text_document(name: str, data: bytes, digest: str, *, html: bool = False) -> RawDocument | Reject:
    """Decode a one-article text or HTML file (see module docstring for the decoding order)."""
    decoded = decode_bytes(data, file=name)
    if isinstance(decoded, Reject):
        return dataclasses.replace(decoded, sha256=digest)
    text, encoding = decoded
    repaired = fix_encoding(text) if MOJIBAKE_HINT_RE.search(text) else text
    if repaired != text:
        text, encoding = repaired, f"{encoding}+mojibake-repaired"
    source_format = "text"
    if html or HTML_START_RE.match(text):
        text, source_format = html_to_text(text), "html"
    if not text.strip():
        return Reject(name, "empty", "no text left after decoding; check that the file holds the article", digest)
    return RawDocument(name, text, encoding, digest, source_format)
