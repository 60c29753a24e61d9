"""How every figure of the reports looks: sizes, fonts, colours and the words on it.

One place decides, so that the same thing looks the same in every report:

* **Sizes** -- a figure is as wide as one or two journal columns
  (:data:`COLUMN_WIDTHS`) and never taller than :data:`MAX_HEIGHT` inches;
  :meth:`FigureStyle.height` bounds a height that grows with rows.
* **Colours** -- one fixed, colour-blind-safe palette per concept: the naming
  sides (:data:`NAMING_COLORS`), the voices (:data:`VOICE_COLORS`), the
  frames (:func:`frame_colors`, in codebook order) and the outlets
  (:func:`outlet_color`: a hash of the outlet's name picks the colour, so an
  outlet keeps its colour whatever else is in the corpus). With
  ``greyscale=True`` every palette becomes shades of grey and fills get hatches.
* **Words** -- :func:`label` turns identifiers into what a reader expects:
  gazetteer ``label`` for entities (``iturup`` → "Iturup / Etorofu"), the
  codebook's label for frames, "Japanese name" for ``japanese``, "outlet's own
  voice" for ``narrator``.

The palettes are Okabe & Ito (2008), "Color Universal Design", and Paul Tol's
"muted" and "bright" schemes (https://personal.sron.nl/~pault/), both designed
to stay distinct under the common colour-vision deficiencies.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kuril_research.errors import ParameterError

__all__ = ["FigureStyle", "figure_style", "COLUMN_WIDTHS", "MAX_HEIGHT", "NAMING_COLORS", "VOICE_COLORS",
           "POLARITY_COLORS", "DIRECTION_COLORS", "COOCCURRENCE_COLORS", "OUTLET_PALETTE", "FRAME_PALETTE",
           "outlet_color", "outlet_colors", "frame_colors", "label", "labels", "NAMING_LABELS", "VOICE_LABELS", "grey",
           "cue_label", "with_cue_labels", "term_labels"]

#: Width in inches of a figure spanning 1, 1.5 or 2 journal columns (90, 140 and 190 mm).
COLUMN_WIDTHS = {1: 3.54, 1.5: 5.51, 2: 7.48}
#: No figure is taller than this (inches): it must fit a page with its caption.
MAX_HEIGHT = 9.5

#: Naming sides (Okabe–Ito vermillion, blue, grey).
NAMING_COLORS = {"japanese": "#D55E00", "russian": "#0072B2", "neutral": "#BBBBBB"}
#: Voices (Okabe–Ito black-ish, orange, sky blue).
VOICE_COLORS = {"narrator": "#333333", "quoted": "#E69F00", "attributed": "#56B4E9"}
#: Polarity of trade cues.
POLARITY_COLORS = {"cooperation": "#009E73", "restriction": "#CC79A7"}
#: Economic talk next to the territory or to the sanctions frame (report 04, columns of ``trade.cooccurrence``).
COOCCURRENCE_COLORS = {"with_territory": "#0072B2", "with_sanctions": "#CC79A7"}
#: Direction of a keyword (keyness): over-used in the target or in the reference.
DIRECTION_COLORS = {"target": "#0072B2", "reference": "#E69F00"}
#: Frames, in codebook order (Paul Tol's "muted", ten colours).
FRAME_PALETTE = ("#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933",
                 "#AA4499", "#777777")
#: Outlets: Paul Tol's "bright" and Okabe–Ito, twelve colours; an outlet's is chosen by a hash of its name.
OUTLET_PALETTE = ("#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#000000", "#E69F00",
                  "#56B4E9", "#009E73", "#0072B2", "#D55E00")
#: Hatches that keep filled areas apart in greyscale, in the order of a palette.
HATCHES = ("", "///", "...", "xxx", "\\\\\\", "ooo", "---", "+++", "|||", "**")

#: How a naming side is shown.
NAMING_LABELS = {"japanese": "Japanese name", "russian": "Russian name", "neutral": "neutral name"}
#: How a voice is shown.
VOICE_LABELS = {"narrator": "outlet's own voice", "quoted": "in a quotation", "attributed": "attributed to a side"}
_OTHER_LABELS = {
    "share_japanese": "Japanese name", "share_russian": "Russian name", "share_neutral": "neutral name",
    "cooperation": "cooperation", "restriction": "restriction",
    "trade_units": "economic units", "with_territory": "with the territory", "with_sanctions": "with sanctions",
    "target": "more frequent in the target", "reference": "more frequent in the reference",
}


@dataclass(frozen=True)
class FigureStyle:
    """Size, font and colour options of the report figures (see :func:`figure_style`).

    Attributes
    ----------
    columns : float
        1, 1.5 or 2 journal columns wide.
    font_size : float
        Base font size in points (tick labels are one point smaller).
    greyscale : bool
        Draw in shades of grey, with hatches on filled areas.
    """

    columns: float = 2
    font_size: float = 8.0
    greyscale: bool = False

    @property
    def width(self) -> float:
        """Figure width in inches."""
        return COLUMN_WIDTHS[self.columns]

    @property
    def line_height(self) -> float:
        """Height in inches of one row of text (font size × 1.45)."""
        return self.font_size * 1.45 / 72

    def height(self, rows: int, *, per_row: float | None = None, extra: float = 1.0) -> float:
        """Height in inches for ``rows`` rows of labels, plus ``extra`` for axes and titles, at most :data:`MAX_HEIGHT`.

        Examples
        --------
        >>> FigureStyle(font_size=8).height(10)
        2.61...
        >>> FigureStyle().height(1000)
        9.5
        """
        per_row = self.line_height if per_row is None else per_row
        return min(MAX_HEIGHT, max(2.0, rows * per_row + extra))

    def max_rows(self, *, extra: float = 1.0) -> int:
        """Most rows of labels that fit in :data:`MAX_HEIGHT` without overlapping.

        Examples
        --------
        >>> FigureStyle(font_size=8).max_rows()
        52
        """
        return int((MAX_HEIGHT - extra) / self.line_height)

    def rc(self) -> dict[str, Any]:
        """matplotlib rcParams of this style (fonts, sizes, editable SVG text)."""
        return {
            "font.size": self.font_size,
            "axes.titlesize": self.font_size,
            "axes.labelsize": self.font_size,
            "xtick.labelsize": self.font_size - 1,
            "ytick.labelsize": self.font_size - 1,
            "legend.fontsize": self.font_size - 1,
            "legend.title_fontsize": self.font_size - 1,
            "figure.figsize": (self.width, 3.0),
        }

    def color(self, hex_color: str) -> str:
        """``hex_color``, or its grey of the same luminance when ``greyscale``."""
        return grey(hex_color) if self.greyscale else hex_color

    def colors(self, mapping: Mapping[str, str]) -> dict[str, str]:
        """Every colour of a palette through :meth:`color`."""
        return {key: self.color(value) for key, value in mapping.items()}

    def hatch(self, i: int) -> str:
        """Hatch of the ``i``-th series: none in colour, :data:`HATCHES` in greyscale."""
        return HATCHES[i % len(HATCHES)] if self.greyscale else ""


def figure_style(columns: float = 2, font_size: float = 8.0, greyscale: bool = False) -> FigureStyle:
    """Check the style options of a report and return them as a :class:`FigureStyle`.

    Parameters
    ----------
    columns : {1, 1.5, 2}
        Width in journal columns (report parameter ``figure_columns``).
    font_size : float
        Base font size in points, 6 to 14 (``font_size``).
    greyscale : bool
        Shades of grey only (``greyscale``).

    Examples
    --------
    >>> figure_style(1, 9).width
    3.54
    >>> figure_style(3)
    Traceback (most recent call last):
    kuril_research.errors.ParameterError: field figure_columns: 3 is not a figure width. What to do: use 1, 1.5 or 2 (journal columns)
    """
    if isinstance(columns, bool) or columns not in COLUMN_WIDTHS:
        raise ParameterError(f"{columns!r} is not a figure width", field="figure_columns",
                             hint="use 1, 1.5 or 2 (journal columns)")
    if isinstance(font_size, bool) or not isinstance(font_size, (int, float)) or not 6 <= font_size <= 14:
        raise ParameterError(f"{font_size!r} is not a usable font size", field="font_size",
                             hint="give a size in points from 6 to 14, e.g. 8")
    if not isinstance(greyscale, bool):
        raise ParameterError(f"{greyscale!r} is not True or False", field="greyscale", hint="use True or False")
    return FigureStyle(columns=columns, font_size=float(font_size), greyscale=greyscale)


def grey(hex_color: str) -> str:
    """The grey of the same relative luminance (Rec. 709 weights) as ``hex_color``.

    Examples
    --------
    >>> grey("#FFFFFF"), grey("#000000"), grey("#0072B2")
    ('#ffffff', '#000000', '#5e5e5e')
    """
    r, g, b = (int(hex_color.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    y = round(0.2126 * r + 0.7152 * g + 0.0722 * b)
    return f"#{y:02x}{y:02x}{y:02x}"


def outlet_color(outlet: str) -> str:
    """The colour of an outlet: the same in every report and every corpus.

    The first 8 bytes of SHA-256 of the name, modulo the size of
    :data:`OUTLET_PALETTE`, choose the colour. Two outlets may share a colour;
    :func:`outlet_colors` then changes the later one.

    Examples
    --------
    >>> outlet_color("Kyodo") == outlet_color("Kyodo")
    True
    >>> outlet_color("Kyodo") in OUTLET_PALETTE
    True
    """
    digest = hashlib.sha256(str(outlet).encode("utf-8")).digest()
    return OUTLET_PALETTE[int.from_bytes(digest[:8], "big") % len(OUTLET_PALETTE)]


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """Colours for the outlets shown together: :func:`outlet_color`, with clashes moved to the next free colour.

    Outlets are taken in sorted order, so the result does not depend on the
    order given; with more outlets than colours, colours repeat.

    Examples
    --------
    >>> colors = outlet_colors(["TASS", "Kyodo", "RT"])
    >>> len(set(colors.values()))
    3
    """
    names = sorted(set(map(str, outlets)))
    taken: dict[str, str] = {}
    for name in names:
        color = outlet_color(name)
        start = OUTLET_PALETTE.index(color)
        for step in range(len(OUTLET_PALETTE)):
            candidate = OUTLET_PALETTE[(start + step) % len(OUTLET_PALETTE)]
            if candidate not in taken.values():
                color = candidate
                break
        taken[name] = color
    return taken


def frame_colors(frame_ids: Sequence[str]) -> dict[str, str]:
    """Colours of the frames, by their position in the codebook.

    Examples
    --------
    >>> frame_colors(["a", "b"])
    {'a': '#CC6677', 'b': '#332288'}
    """
    return {fid: FRAME_PALETTE[i % len(FRAME_PALETTE)] for i, fid in enumerate(frame_ids)}


@lru_cache(maxsize=4)
def _lexicon_labels(codebook_path: str | None, lexicon_path: str | None) -> dict[str, str]:
    from kuril_research.coding.framing import load_codebook
    from kuril_research.ingest.gazetteer import load_gazetteer
    from kuril_research.coding.trade import load_lexicon

    found: dict[str, str] = {}
    entities = load_gazetteer().entities
    found.update(zip(entities["entity"].tolist(), entities["label"].tolist()))
    for lexicon in (load_lexicon(lexicon_path), load_codebook(codebook_path)):
        found.update({entry.id: entry.label for entry in lexicon.entries})
    return found


def labels(*, codebook=None, lexicon=None) -> dict[str, str]:
    """Every identifier a figure may show → its human label.

    Entities (gazetteer ``label``), frames (codebook ``label``), trade
    categories (lexicon ``label``), naming sides, voices and a few column names.

    Parameters
    ----------
    codebook, lexicon : CueLexicon or path, optional
        The frame codebook and trade lexicon in use; default the shipped ones.

    Examples
    --------
    >>> found = labels()
    >>> found["iturup"], found["japanese"], found["narrator"]
    ('Iturup / Etorofu', 'Japanese name', "outlet's own voice")
    """
    def path(x):
        return None if x is None else str(getattr(x, "path", x))

    return {**_lexicon_labels(path(codebook), path(lexicon)), **NAMING_LABELS, **VOICE_LABELS, **_OTHER_LABELS}


def term_labels() -> dict[str, str]:
    """Labels for counted terms: gazetteer entities only.

    A term is a word or an entity id; the word ``russian`` must stay "russian",
    not become the naming side "Russian name" as :func:`labels` would make it.

    Examples
    --------
    >>> found = term_labels()
    >>> found["peace_treaty"], "russian" in found
    ('Russia–Japan peace treaty', False)
    """
    return dict(_entity_labels())


@lru_cache(maxsize=1)
def _entity_labels() -> tuple[tuple[str, str], ...]:
    from kuril_research.ingest.gazetteer import load_gazetteer

    entities = load_gazetteer().entities
    return tuple(zip(entities["entity"].tolist(), entities["label"].tolist()))


def label(identifier: Any, known: Mapping[str, str] | None = None) -> str:
    """The human label of one identifier; unknown ones have ``_`` replaced by spaces.

    Examples
    --------
    >>> label("northern_territories"), label("peace_treaty"), label("quoted"), label("sakhalin_oil")
    ('Northern Territories', 'Russia–Japan peace treaty', 'in a quotation', 'sakhalin oil')
    >>> label(None)
    'missing'
    """
    if identifier is None or (isinstance(identifier, float) and identifier != identifier) or identifier is _NA:
        return "missing"
    known = labels() if known is None else known
    text = str(identifier)
    return known.get(text, text.replace("_", " "))


try:  # pandas' missing value, compared by identity in label()
    from pandas import NA as _NA
except ImportError:  # pragma: no cover
    _NA = object()


def cue_label(cue: str, lexicon) -> str:
    """How a table shows the cue that matched: a phrase or token pattern as written, a regex by its place in the lexicon.

    Parameters
    ----------
    cue : str
        The ``cue`` value of a match (a phrase, a token pattern or a regular
        expression, as written in the lexicon).
    lexicon : CueLexicon

    Examples
    --------
    >>> from dataclasses import replace
    >>> from kuril_research.coding.trade import load_lexicon
    >>> lexicon = load_lexicon()
    >>> tokens = next(c for c in lexicon.cues if c.kind == "tokens")
    >>> cue_label(tokens.text, lexicon) == tokens.text          # "trade volume*" reads as written
    True
    >>> regex = replace(tokens, kind="pattern", text="trade (?:turnover|volume)", line=7)
    >>> cue_label(regex.text, replace(lexicon, cues=(regex,)))
    'pattern at trade.yaml line 7'
    """
    for item in lexicon.cues:
        if item.text == cue:
            return f"pattern at {lexicon.path.name} line {item.line}" if item.kind == "pattern" else item.text
    return str(cue)


def with_cue_labels(table, lexicon, column: str = "cue"):
    """Return ``table`` with its ``cue`` column (regular expressions for pattern cues) made readable by :func:`cue_label`.

    Examples
    --------
    >>> import pandas as pd
    >>> from kuril_research.coding.trade import load_lexicon
    >>> with_cue_labels(pd.DataFrame({"cue": ["no such cue"]}), load_lexicon())["cue"].tolist()
    ['no such cue']
    """
    out = table.copy()
    if column in out.columns:
        labels_of = {value: cue_label(value, lexicon) for value in out[column].dropna().unique()}
        out[column] = out[column].map(labels_of).astype("string")
    return out
