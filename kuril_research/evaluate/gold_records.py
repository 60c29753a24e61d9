"""The records of a gold folder and how a span is found: what :mod:`kuril_research.evaluate.gold` reads.

One frozen dataclass per annotated thing (a mention, a quotation, a coded
sentence and its trade mentions, a document, the folder), the vocabularies the
annotation files may use, and :func:`locate`, which places a ``context`` in a
text with flexible white space. The format: ``data/gold/FORMAT.md``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["SPLITS", "MISSING", "MENTION_TYPES", "TERRITORY_TYPES", "NAMINGS", "VOICES", "SIDES", "POLARITIES",
           "KINDS", "DIRECTIONS", "GoldMention", "GoldQuote", "GoldTrade", "GoldSentence", "GoldDocument", "Gold",
           "locate", "normalise_text", "context_regex"]

SPLITS = ("dev", "test")
#: Entity types scored as territory (pooled into the ``territory`` row).
TERRITORY_TYPES = ("island", "island_group", "collective_name", "archipelago")
MENTION_TYPES = (*TERRITORY_TYPES, "document", "not_territory")
NAMINGS = ("japanese", "russian", "neutral")
VOICES = ("narrator", "quoted", "attributed")
SIDES = ("japan", "russia")
POLARITIES = ("cooperation", "restriction")
KINDS = ("level", "change")
DIRECTIONS = ("up", "down", "none")

_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class GoldMention:
    """One annotated name in the body (``annotations/*.yaml``, ``mentions``)."""

    surface: str
    context: str
    entity: str | None
    type: str
    naming: str | None
    voice: str
    side: str | None
    speaker: str | None
    line: int


@dataclass(frozen=True)
class GoldQuote:
    """One direct quotation and its speaker as the text names it."""

    context: str
    speaker: str | None
    speaker_entity: str | None
    line: int


@dataclass(frozen=True)
class GoldTrade:
    """One trade mention of a coded sentence; ``quantity`` is None or a dict value/unit/kind/direction."""

    category: str
    polarity: str
    cue: str
    quantity: dict | None
    line: int


@dataclass(frozen=True)
class GoldSentence:
    """One coded sentence (``coding/*.yaml``): its frames and trade mentions."""

    context: str
    frames: tuple[str, ...]
    trade: tuple[GoldTrade, ...]
    line: int


@dataclass
class GoldDocument:
    """Everything annotated about one article. ``None`` for a part that was not annotated (key absent).

    ``title``, ``standfirst`` and ``dateline`` are :data:`MISSING` when their key
    is absent (not annotated) and None when the article prints none.
    """

    file: str
    split: str
    title: Any = None
    standfirst: Any = None
    dateline: Any = None
    furniture: list[str] | None = None
    mentions: list[GoldMention] | None = None
    quotes: list[GoldQuote] | None = None
    sentences: list[GoldSentence] | None = None
    annotation_path: Path | None = None
    coding_path: Path | None = None


#: Marks a field whose key is absent (not annotated), as opposed to null (the article has none).
MISSING = "<not annotated>"


@dataclass
class Gold:
    """A validated gold folder.

    Attributes
    ----------
    path : Path
        The gold folder.
    articles : Path
        Its ``articles`` folder.
    manifest : Path
        Its ``manifest.csv``.
    documents : list of GoldDocument
        One per article, sorted by file name.
    sha256 : str
        Hash of every file of the folder that the scores depend on (manifest,
        articles, annotations, coding), names included.
    """

    path: Path
    articles: Path
    manifest: Path
    documents: list[GoldDocument] = field(default_factory=list)
    sha256: str = ""

    def split(self, split: str) -> list[GoldDocument]:
        """Return the documents of one split (``dev``, ``test``) or all (``all``)."""
        return [d for d in self.documents if split == "all" or d.split == split]


def normalise_text(text: str) -> str:
    """Return ``text`` as the parser reads it: NFC, no-break spaces as spaces, ``\\n`` line ends.

    Examples
    --------
    >>> normalise_text("Kunashiri\\u00a0island\\r\\n")
    'Kunashiri island\\n'
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2007", " ")


def context_regex(context: str) -> re.Pattern:
    """A regex that finds ``context`` with any run of white space standing for any other.

    White space at either end stays: it must be there, in any form ("2. " is
    the heading "2. Priority", not the "2." that ends a sentence).

    Examples
    --------
    >>> bool(context_regex("called  Etorofu\\nin Japan").search("Iturup, called Etorofu in Japan."))
    True
    """
    words = [re.escape(w) for w in _SPACE_RE.split(normalise_text(context))]
    return re.compile(r"\s+".join(words))


def locate(text: str, context: str) -> tuple[int, int] | str:
    """Find ``context`` in ``text``: its ``(start, end)``, or the reason it cannot be placed.

    White space is flexible (:func:`context_regex`). The context must occur
    exactly once.

    Examples
    --------
    >>> locate("Iturup, called Etorofu in Japan.", "called Etorofu")
    (8, 22)
    >>> locate("Iturup.", "Etorofu")
    'context not found in the parsed text'
    >>> locate("Habomai and Habomai", "Habomai")
    'context occurs 2 times in the parsed text'
    """
    found = [(m.start(), m.end()) for m in context_regex(context).finditer(text)]
    if not found:
        return "context not found in the parsed text"
    if len(found) > 1:
        return f"context occurs {len(found)} times in the parsed text"
    return found[0]
