"""How the HTML views look: colours by naming side, outlines by voice, and HTML escaping.

One place for the styles the document view (:mod:`kuril_research.corpus.views`)
and the concordance lines (:mod:`kuril_research.explore.widget`) share, so a
name looks the same in both. Styles are inline (``style=""``): JupyterLab, an
HTML export and a browser all render them, and no stylesheet or script is needed.
"""

from __future__ import annotations

import html

import pandas as pd

__all__ = ["NAMING_COLOURS", "VOICE_STYLES", "MARK_STYLE", "LABEL_STYLE", "QUOTE_STYLE", "escape", "mark_style"]

#: Background of a name by the naming side of its spelling.
NAMING_COLOURS = {"japanese": "#fdd0a2", "russian": "#c6dbef", "neutral": "#e5e5e5"}
#: Outline of a name by its voice: the narrator's solid underline, a quotation's dashed box,
#: an attribution's dotted red box.
VOICE_STYLES = {"narrator": "border-bottom: 2px solid #333;",
                "quoted": "border: 2px dashed #333;",
                "attributed": "border: 2px dotted #b30000;"}
#: Shape of every highlighted name.
MARK_STYLE = "padding: 0 0.2em; margin: 0 0.1em; border-radius: 0.3em; line-height: 1.9;"
#: The entity id printed after a name.
LABEL_STYLE = "font-size: 0.7em; font-weight: bold; margin-left: 0.3em; color: #555;"
#: A quotation.
QUOTE_STYLE = "background: #f4f4f4; border-left: 3px solid #999; padding: 0 0.2em;"


def escape(value: object) -> str:
    """Escape a value for HTML text or a quoted attribute; a missing value (None, NA, NaN) is empty.

    Examples
    --------
    >>> escape('<b onclick="x">'), escape(None), escape(pd.NA)
    ('&lt;b onclick=&quot;x&quot;&gt;', '', '')
    """
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


def mark_style(naming: str, voice: str) -> str:
    """The inline style of a name of this naming side in this voice (unknown values: no colour, no outline).

    Examples
    --------
    >>> mark_style("russian", "quoted").split(";")[:2]
    ['background: #c6dbef', ' border: 2px dashed #333']
    """
    return f"background: {NAMING_COLOURS.get(naming, '#ffffff')}; {VOICE_STYLES.get(voice, '')} {MARK_STYLE}"
