"""The concordancer widget: search, filter, sort, count and export concordance lines in JupyterLab.

A thin front end (ipywidgets) on :func:`kuril_research.explore.search.concordance_table`:
every control is one of its arguments, and the lines shown are the lines it
returns, which are :func:`kuril_research.analysis.frequency.kwic`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from kuril_research import config
from kuril_research.corpus import Corpus
from kuril_research.corpus.styles import escape as _e
from kuril_research.corpus.styles import mark_style
from kuril_research.errors import KurilResearchError
from kuril_research.explore.search import concordance_table, export_table, hit_counts

__all__ = ["Concordancer", "ConcordanceView", "concordance", "lines_html"]

#: Lines drawn at most in the widget and in a static view (all of them are counted and exported).
MAX_LINES_SHOWN = 500
_VOICES = ("narrator", "quoted", "attributed")
_NAMINGS = ("japanese", "russian", "neutral", "mixed")


def lines_html(lines: pd.DataFrame, *, limit: int = MAX_LINES_SHOWN) -> str:
    """Render concordance lines as an HTML table: the match highlighted by naming side and voice, text escaped.

    Parameters
    ----------
    lines : DataFrame
        As :func:`~kuril_research.explore.search.concordance_table` returns.
    limit : int, default 500
        Lines drawn; the caption says how many were left out.

    Returns
    -------
    str

    Examples
    --------
    >>> lines = pd.DataFrame({"doc_id": ["a"], "outlet": ["TASS"], "published": ["2019"], "left": ["<b>"],
    ...                       "match": ["Habomai"], "right": ["back"], "voice": ["narrator"],
    ...                       "speaker": [pd.NA], "naming": ["japanese"]})
    >>> html = lines_html(lines)
    >>> "&lt;b&gt;" in html, 'class="kr-hit kr-naming-japanese kr-voice-narrator"' in html
    (True, True)
    """
    counts = hit_counts(lines)
    shown = lines.head(limit)
    rows = []
    for r in shown.itertuples(index=False):
        naming = r.naming if isinstance(r.naming, str) else "none"
        voice = r.voice if isinstance(r.voice, str) else "none"
        speaker = r.speaker if isinstance(r.speaker, str) else ""
        style = mark_style(naming, voice)
        tip = f"naming: {naming} · voice: {voice}" + (f" · speaker: {speaker}" if speaker else "")
        rows.append(
            f'<tr><td style="text-align: left; color: #666;">{_e(r.doc_id)}<br>{_e(r.outlet)} {_e(r.published)}</td>'
            f'<td style="text-align: right; white-space: nowrap;">{_e(r.left)}</td>'
            f'<td style="text-align: center; white-space: nowrap;"><mark class="kr-hit kr-naming-{_e(naming)} '
            f'kr-voice-{_e(voice)}" data-voice="{_e(voice)}" data-naming="{_e(naming)}" data-speaker="{_e(speaker)}" '
            f'title="{_e(tip)}" style="{style}">{_e(r.match)}</mark></td>'
            f'<td style="text-align: left; white-space: nowrap;">{_e(r.right)}</td>'
            f'<td style="text-align: left;">{_e(voice)}<br>{_e(speaker)}</td></tr>')
    more = f"; the first {limit} shown" if len(lines) > limit else ""
    caption = f'{counts["hits"]} hits in {counts["documents"]} documents{more}'
    return (f'<div class="kr-concordance"><p class="kr-counts"><strong>{caption}</strong></p>'
            '<table class="kr-lines" style="font-size: 0.9em;"><tr><th>document</th><th>left</th><th>match</th>'
            f'<th>right</th><th>voice, speaker</th></tr>{"".join(rows)}</table></div>')


@dataclass(frozen=True)
class ConcordanceView:
    """Concordance lines as a static HTML table (shown by Jupyter and kept in an HTML export)."""

    lines: pd.DataFrame

    def _repr_html_(self) -> str:
        return lines_html(self.lines)


class Concordancer:
    """A concordancer in a notebook: :func:`concordance` builds it; display it to use it.

    Attributes
    ----------
    lines : DataFrame
        The lines of the current query and filters.
    widget : ipywidgets.VBox
        The controls and the lines.
    """

    def __init__(self, corpus: Corpus, query: str = "", *, match: str = "auto", window: int = 8,
                 sort: str | None = None, out_dir: str | Path | None = None) -> None:
        import ipywidgets as w  # noqa: PLC0415 - only when a widget is asked for

        self.corpus = corpus
        self.out_dir = Path(out_dir) if out_dir is not None else config.reports_dir() / "_interactive" / "concordance"
        outlets = sorted(corpus.documents["outlet"].dropna().unique())
        speakers = sorted(set(corpus.mentions["speaker"].dropna()) | set(corpus.quotes["speaker"].dropna()))
        wide = {"description_width": "initial"}
        self.query = w.Text(value=query, description="query", placeholder="word, phrase, entity id or spelling",
                            continuous_update=False, style=wide)
        self.match = w.Dropdown(options=[("any (entity, spelling, words)", "auto"), ("entity id", "entity"),
                                         ("this spelling only", "surface")], value=match, description="match as")
        self.window = w.BoundedIntText(value=window, min=0, max=100, description="window")
        self.sort = w.Dropdown(options=[("text order", None), ("left context", "left"), ("right context", "right")],
                               value=sort, description="sort by")
        self.outlets = w.SelectMultiple(options=outlets, description="outlet", rows=min(6, max(2, len(outlets))))
        self.date_from = w.Text(description="from", placeholder="YYYY[-MM[-DD]]", continuous_update=False)
        self.date_to = w.Text(description="to", placeholder="YYYY[-MM[-DD]]", continuous_update=False)
        self.voices = w.SelectMultiple(options=_VOICES, description="voice", rows=3)
        self.naming = w.SelectMultiple(options=_NAMINGS, description="naming", rows=4)
        self.speakers = w.SelectMultiple(options=speakers, description="speaker", rows=min(6, max(2, len(speakers))))
        self.export_name = w.Text(value="concordance", description="file name")
        csv_button = w.Button(description="export CSV", icon="download")
        xlsx_button = w.Button(description="export xlsx", icon="download")
        csv_button.on_click(lambda _: self._export(".csv"))
        xlsx_button.on_click(lambda _: self._export(".xlsx"))
        self.status = w.HTML()
        self.output = w.HTML()
        controls = [self.query, self.match, self.window, self.sort, self.outlets, self.date_from, self.date_to,
                    self.voices, self.naming, self.speakers]
        for control in controls:
            control.observe(lambda _: self.refresh(), names="value")
        self.widget = w.VBox([
            w.HBox([self.query, self.match, self.window, self.sort]),
            w.HBox([self.outlets, w.VBox([self.date_from, self.date_to]), self.voices, self.naming, self.speakers]),
            w.HBox([self.export_name, csv_button, xlsx_button]),
            self.status, self.output])
        self.lines = pd.DataFrame()
        self.refresh()

    def filters(self) -> dict[str, Any]:
        """The keyword arguments of :func:`~kuril_research.explore.search.concordance_table` the controls set."""
        def chosen(widget) -> list[str] | None:
            return list(widget.value) or None

        return {"match": self.match.value, "window": int(self.window.value), "sort": self.sort.value,
                "outlets": chosen(self.outlets), "date_from": self.date_from.value.strip() or None,
                "date_to": self.date_to.value.strip() or None, "voices": chosen(self.voices),
                "naming": chosen(self.naming), "speakers": chosen(self.speakers)}

    def refresh(self) -> None:
        """Recompute the lines from the controls and redraw them."""
        query = self.query.value.strip()
        self.status.value = ""
        if not query:
            self.lines = pd.DataFrame()
            self.output.value = "<p>Type a word, a phrase, an entity id (northern_territories) or a spelling.</p>"
            return
        try:
            self.lines = concordance_table(self.corpus, query, **self.filters())
        except KurilResearchError as exc:
            self.lines = pd.DataFrame()
            self.output.value = ""
            self.status.value = f'<p style="color: #b30000;">{_e(exc)}</p>'
            return
        self.output.value = lines_html(self.lines)

    def view(self) -> ConcordanceView:
        """The current lines as a static table, which an HTML export of the notebook keeps."""
        return ConcordanceView(self.lines)

    def export(self, path: str | Path) -> Path:
        """Write the current lines (all of them, every column) to ``path`` (.csv or .xlsx); never overwrites."""
        return export_table(self.lines, path)

    def _export(self, suffix: str) -> None:
        name = Path(self.export_name.value.strip() or "concordance").name
        try:
            path = self.export(self.out_dir / (Path(name).stem + suffix))
        except KurilResearchError as exc:
            self.status.value = f'<p style="color: #b30000;">{_e(exc)}</p>'
            return
        self.status.value = f"<p>wrote {len(self.lines)} lines to {_e(path)}</p>"

    def _repr_mimebundle_(self, **kwargs) -> dict:
        # JupyterLab draws the widget (its renderer outranks HTML); a copy without a kernel (nbconvert, GitHub)
        # shows the lines as they were when displayed.
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/html"] = lines_html(self.lines)
        bundle["text/plain"] = repr(self)
        return bundle

    def __repr__(self) -> str:
        return f"Concordancer(query={self.query.value!r}, {len(self.lines)} lines)"


def concordance(corpus: Corpus, query: str = "", *, match: Literal["auto", "entity", "surface"] = "auto",
                window: int = 8, sort: Literal["left", "right"] | None = None,
                out_dir: str | Path | None = None) -> Concordancer:
    """Open a concordancer on a corpus: query, filters, sorting, counts and export, in one widget.

    Query by word, phrase, entity id (every spelling) or spelling (``match``);
    filter by outlet, date range, voice, naming side and speaker; sort by the
    left or right context; the hits and documents are counted and the lines
    shown can be exported to CSV or .xlsx (in ``out_dir``, never overwriting a
    file). The lines are those of
    :func:`~kuril_research.explore.search.concordance_table` with the same
    arguments, hence :func:`~kuril_research.analysis.frequency.kwic`'s.

    Parameters
    ----------
    corpus : Corpus
    query : str, optional
        The first query.
    match, window, sort
        Initial settings, as in :func:`~kuril_research.analysis.frequency.kwic`.
    out_dir : str or Path, optional
        Where exports go; default ``reports/_interactive/concordance``.

    Returns
    -------
    Concordancer
        Display it (last expression of a cell); ``.lines`` is the current table.

    Examples
    --------
    >>> from kuril_research.testing import two_habomai_articles
    >>> browser = concordance(two_habomai_articles(), "habomai")
    >>> len(browser.lines), browser.lines.doc_id.tolist()
    (2, ['a', 'b'])
    >>> browser.naming.value = ("russian",)
    >>> browser.lines.match.tolist()
    ['Khabomai']
    """
    return Concordancer(corpus, query, match=match, window=window, sort=sort, out_dir=out_dir)
