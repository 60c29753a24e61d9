"""The corpus at a glance, as HTML: what Jupyter shows for a :class:`~kuril_research.corpus.Corpus`."""

from __future__ import annotations

import pandas as pd

from kuril_research.corpus.build import TABLE_NAMES, Corpus
from kuril_research.explore.styles import escape as _e

__all__ = ["corpus_html"]

#: Rows shown at most in each table of the summary.
MAX_ROWS = 10


def _table(frame: pd.DataFrame, css: str) -> str:
    more = f'<p style="color: #666;">… {len(frame) - MAX_ROWS} more</p>' if len(frame) > MAX_ROWS else ""
    return frame.head(MAX_ROWS).to_html(index=False, escape=True, na_rep="", classes=css, border=0) + more


def corpus_html(corpus: Corpus) -> str:
    """Summarise a corpus as HTML: documents, outlets, date range, table sizes, rejects and warnings.

    Every value is HTML-escaped.

    Parameters
    ----------
    corpus : Corpus

    Returns
    -------
    str

    Examples
    --------
    >>> from kuril_research.testing import two_habomai_articles
    >>> page = corpus_html(two_habomai_articles())
    >>> "2 documents" in page, "2 outlets" in page, "2019-01 to 2020" in page
    (True, True, True)
    """
    docs = corpus.documents
    dates = docs["published"].dropna()
    span = f"{_e(dates.min())} to {_e(dates.max())}" if len(dates) else "no dates"
    outlets = docs["outlet"].fillna("(unknown)").value_counts().rename_axis("outlet").rename("documents")
    outlets = outlets.reset_index().sort_values(["documents", "outlet"], ascending=[False, True])
    warned = docs.loc[docs["warnings"].fillna("") != "", ["doc_id", "warnings"]] if "warnings" in docs else docs[[]]
    rejects = corpus.rejects
    sizes = pd.DataFrame({"table": TABLE_NAMES, "rows": [len(getattr(corpus, t)) for t in TABLE_NAMES]})
    parts = [
        '<div class="kr-corpus">',
        f"<p><strong>kuril_research corpus</strong>: {len(docs)} documents, {len(outlets)} outlets, "
        f"published {span}; {len(rejects)} files rejected, {len(warned)} documents with warnings. "
        "<code>corpus.show(doc_id)</code> shows one article.</p>",
        '<div style="display: flex; gap: 2em; align-items: flex-start;">',
        "<div><p><em>outlets</em></p>" + _table(outlets, "kr-outlets") + "</div>",
        "<div><p><em>tables</em></p>" + _table(sizes, "kr-tables") + "</div>",
        "</div>",
    ]
    if len(rejects):
        parts.append("<p><em>rejected files</em></p>" + _table(rejects[["file", "reason", "detail"]], "kr-rejects"))
    if len(warned):
        parts.append("<p><em>documents with warnings</em></p>" + _table(warned, "kr-warnings"))
    columns = [c for c in ("doc_id", "outlet", "published", "title", "n_sentences", "n_mentions") if c in docs]
    parts.append("<p><em>documents</em></p>" + _table(docs[columns], "kr-documents"))
    parts.append("</div>")
    return "\n".join(parts) + "\n"
