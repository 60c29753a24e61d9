"""Show one article as the corpus holds it: names highlighted by naming side and voice, quotations marked.

Like spaCy's displaCy entity view, for this project's data: each mention is
coloured by its naming side (japanese, russian, neutral) and outlined by its
voice (the outlet's own, quoted, or attributed to someone else), with entity,
voice and speaker in its tooltip; quotations are set apart with their speaker;
the page furniture the parser removed is listed below. The result is plain HTML
with inline styles and no script, so it renders the same in JupyterLab, in a
static HTML export and in a browser; every text from the article is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kuril_research.corpus.build import Corpus
from kuril_research.errors import ParameterError
from kuril_research.explore.styles import (
    LABEL_STYLE,
    MARK_STYLE,
    NAMING_COLOURS,
    QUOTE_STYLE,
    VOICE_STYLES,
    mark_style,
)
from kuril_research.explore.styles import escape as _e

__all__ = ["DocumentView", "document"]

_LEGEND_VOICES = {"narrator": "the outlet's own words", "quoted": "inside a quotation",
                  "attributed": "a name the outlet reports others using"}


@dataclass(frozen=True)
class DocumentView:
    """One article rendered as HTML (:func:`document`); shown by Jupyter, or saved with ``.html``.

    Attributes
    ----------
    doc_id : str
    html : str
        A self-contained ``<div>`` (inline styles, no script).
    """

    doc_id: str
    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"DocumentView({self.doc_id!r}, {len(self.html)} characters of HTML)"


def _mark(text: str, mention) -> str:
    naming, voice = str(mention.naming), str(mention.voice)
    speaker = mention.speaker if isinstance(mention.speaker, str) else None
    tip = f"{mention.entity} · naming: {naming} · voice: {voice}" + (f" · speaker: {speaker}" if speaker else "")
    style = mark_style(naming, voice)
    return (f'<mark class="kr-mention kr-naming-{_e(naming)} kr-voice-{_e(voice)}" data-entity="{_e(mention.entity)}" '
            f'data-voice="{_e(voice)}" data-naming="{_e(naming)}" data-speaker="{_e(speaker)}" title="{_e(tip)}" '
            f'style="{style}">{_e(text)}<span class="kr-label" style="{LABEL_STYLE}">{_e(mention.entity)}</span></mark>')


def _segment(text: str, lo: int, hi: int, mentions: list) -> str:
    """Text ``[lo, hi)`` with the mentions inside it marked (a mention is clipped to the segment)."""
    out, pos = [], lo
    for m in mentions:
        a, b = max(m.start, lo), min(m.end, hi)
        if b <= a or a < pos:
            continue
        out.append(_e(text[pos:a]))
        out.append(_mark(text[a:b], m))
        pos = b
    out.append(_e(text[pos:hi]))
    return "".join(out)


def _paragraph(text: str, lo: int, hi: int, quotes: list, mentions: list) -> str:
    out, pos = [], lo
    for q in quotes:
        if q.start < pos or q.start >= hi:
            continue
        end = min(q.end, hi)
        out.append(_segment(text, pos, q.start, mentions))
        speaker = q.speaker if isinstance(q.speaker, str) else "speaker unknown"
        out.append(f'<span class="kr-quote" data-speaker="{_e(q.speaker if isinstance(q.speaker, str) else None)}" '
                   f'title="{_e("quotation: " + speaker)}" style="{QUOTE_STYLE}">'
                   f"{_segment(text, q.start, end, mentions)}</span>")
        pos = end
    out.append(_segment(text, pos, hi, mentions))
    return "".join(out)


def _legend() -> str:
    names = "".join(f'<span style="background: {c}; {MARK_STYLE}">{n}</span>' for n, c in NAMING_COLOURS.items())
    voices = "".join(f'<span style="{VOICE_STYLES[v]} {MARK_STYLE}">{v}</span> {d}; '
                     for v, d in _LEGEND_VOICES.items())
    return (f'<p class="kr-legend" style="font-size: 0.85em; color: #444;">naming: {names} &nbsp; '
            f'voice: {voices}<span style="{QUOTE_STYLE}">quotation</span>; hover a name for its speaker</p>')


def document(corpus: Corpus, doc_id: str) -> DocumentView:
    """Render one article as parsed, with its names, voices and quotations marked.

    Shows the title, standfirst and dateline, then every paragraph of the clean
    text with each mention highlighted: background by naming side, outline by
    voice (:mod:`kuril_research.explore.styles`), the entity id after it, and
    entity, naming, voice and speaker in its ``title`` tooltip.
    Quotations are shaded, with their speaker in a tooltip. The lines the parser
    removed as page furniture are listed below with their line numbers and reasons.

    Parameters
    ----------
    corpus : Corpus
    doc_id : str

    Returns
    -------
    DocumentView
        Displayed as HTML by Jupyter; ``.html`` is the markup.

    Raises
    ------
    ParameterError
        If ``doc_id`` is not a document of the corpus.

    Examples
    --------
    >>> from kuril_research.testing import two_habomai_articles
    >>> view = document(two_habomai_articles(), "a")
    >>> view.html.count('class="kr-mention'), view.html.count('class="kr-quote"')
    (2, 1)
    >>> 'class="kr-mention kr-naming-neutral kr-voice-narrator"' in view.html
    True
    """
    documents = corpus.documents
    rows = documents[documents["doc_id"] == doc_id]
    if rows.empty:
        shown = ", ".join(map(str, documents["doc_id"].head(5)))
        raise ParameterError(f"no document {doc_id!r} in the corpus", field="doc_id",
                             hint=f"pass a value of corpus.documents.doc_id, e.g. {shown or '(the corpus is empty)'}")
    doc = rows.iloc[0]
    text = doc["text"] if isinstance(doc["text"], str) else ""

    def of_doc(table: pd.DataFrame) -> pd.DataFrame:
        return table[table["doc_id"] == doc_id]

    mentions = list(of_doc(corpus.mentions).sort_values("start").itertuples())
    quotes = list(of_doc(corpus.quotes).sort_values("start").itertuples())
    paragraphs = of_doc(corpus.paragraphs).sort_values("start")
    spans = list(zip(paragraphs["start"], paragraphs["end"])) or ([(0, len(text))] if text else [])
    meta = " · ".join(_e(v) for v in (doc_id, doc.get("outlet"), doc.get("published")) if _e(v))
    parts = [f'<div class="kr-document" data-doc-id="{_e(doc_id)}" style="max-width: 52em; line-height: 1.6;">',
             f'<p class="kr-meta" style="color: #666; font-size: 0.85em;">{meta}</p>']
    if _e(doc.get("title")):
        parts.append(f'<h3 class="kr-title">{_e(doc["title"])}</h3>')
    if _e(doc.get("standfirst")):
        parts.append(f'<p class="kr-standfirst"><em>{_e(doc["standfirst"])}</em></p>')
    parts.append(_legend())
    if _e(doc.get("dateline")):
        parts.append(f'<p class="kr-dateline"><strong>{_e(doc["dateline"])}</strong></p>')
    for i, (lo, hi) in enumerate(spans):
        parts.append(f'<p class="kr-paragraph" data-para="{i}">{_paragraph(text, int(lo), int(hi), quotes, mentions)}</p>')
    removed = of_doc(corpus.removed).sort_values("line")
    if len(removed):
        items = "".join(f'<tr><td>{_e(r.line)}</td><td>{_e(r.reason)}</td><td>{_e(r.text)}</td></tr>'
                        for r in removed.itertuples())
        parts.append(f'<details class="kr-removed" open><summary>{len(removed)} line(s) removed as page furniture'
                     f'</summary><table><tr><th>line</th><th>reason</th><th>text</th></tr>{items}</table></details>')
    parts.append("</div>")
    return DocumentView(doc_id, "\n".join(parts) + "\n")
