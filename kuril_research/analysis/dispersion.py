"""Show where terms occur: dispersion over documents, positions within them, counts over time.

Reads the token stream of :mod:`kuril_research.tokens.stream` (terms are matched
as queries in the full stream, :mod:`kuril_research.tokens.query`; sizes are
counted under the token options, :mod:`kuril_research.tokens.options`);
:mod:`kuril_research.analysis.frequency` re-exports :func:`dispersion`,
:func:`positions` and :func:`trend`, and :func:`kuril_research.publish.figures.plot_dispersion`
draws what :func:`positions` returns.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal, Unpack

import numpy as np
import pandas as pd

from kuril_research.checks import choice
from kuril_research.corpus import Corpus
from kuril_research.errors import ParameterError
from kuril_research.analysis.periods import FREQUENCIES, document_periods
from kuril_research.tokens import Prepared, TokenOptions, blocks, prepare, release_pages, string_array, take

__all__ = ["dispersion", "positions", "trend"]


def _terms_list(terms: str | Sequence[str], name: str = "terms") -> list[str]:
    items = [terms] if isinstance(terms, str) else list(terms)
    if not items or not all(isinstance(t, str) for t in items):
        raise ParameterError(f"{name} must be a word, phrase or entity id, or a list of them", field=name,
                             hint='e.g. "habomai" or ["habomai", "peace treaty"]')
    return items


def _occurrences(prep: Prepared, terms: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Matches of each term: (term index, first token row), in term then text order."""
    term_index, first_rows = [], []
    for i, term in enumerate(terms):
        first, _ = prep.match(term)
        term_index.append(np.full(len(first), i, dtype=np.int64))
        first_rows.append(first)
    return np.concatenate(term_index), np.concatenate(first_rows)


def _in_blocks(prep: Prepared, rows: np.ndarray, doc: np.ndarray) -> dict[str, np.ndarray]:
    """For some stream rows: kept tokens before each in its document, its token id, start and end offsets.

    Read block by block of whole documents, in row order, the stream's pages
    given back after each block, so that only one block of its columns is
    resident at a time.
    """
    st = prep.st
    order = np.argsort(rows, kind="stable")
    ordered = rows[order]
    out = {name: np.empty(len(rows), dtype=np.int64) for name in ("position", "token_id", "start", "end")}
    for lo, hi in blocks(st.doc_first):
        a, b = np.searchsorted(ordered, [lo, hi], side="left")
        if a == b:
            continue
        before = np.zeros(hi - lo + 1, dtype=np.int64)           # before[i]: kept tokens in rows lo .. lo+i-1
        np.cumsum(prep.kept[lo:hi], out=before[1:])
        at, here = order[a:b], ordered[a:b]
        doc_first = st.doc_first[doc[at]]
        out["position"][at] = before[here - lo] - before[doc_first - lo]
        out["token_id"][at] = here - doc_first
        out["start"][at] = st.start[here]
        out["end"][at] = st.end[here]
        release_pages(st.stream)
    return out


def dispersion(
    corpus: Corpus,
    *,
    terms: str | Sequence[str] | None = None,
    **token_options: Unpack[TokenOptions],
) -> pd.DataFrame:
    """Measure how evenly terms are spread over the documents of a corpus.

    The corpus parts are the documents with at least one token under the options;
    part i has size l_i (its tokens), share s_i = l_i / Σl, and the term occurs
    v_i times there (f = Σ v_i; occurrences in a document without tokens under the
    options are not counted). With n parts:

    * ``range`` -- parts with v_i > 0;
    * ``dp`` (Gries 2008, deviation of proportions) = ½ Σ |v_i/f − s_i|: 0 when the
      term is spread exactly like the corpus, near 1 when it is concentrated;
    * ``dp_norm`` (Lijffijt & Gries 2012) = DP / (1 − min_i s_i), which reaches 1;
      ``NaN`` with one part;
    * ``juilland_d`` (Juilland et al. 1970) = 1 − V / √(n − 1), with V = σ/μ the
      coefficient of variation of the relative sub-frequencies p_i = v_i / l_i
      (σ the population standard deviation): 1 = perfectly even, 0 = in one part;
      ``NaN`` with one part.

    A requested term that never occurs gets ``freq`` 0, ``range`` 0 and ``NaN``
    measures.

    Parameters
    ----------
    corpus : Corpus
    terms : str or list of str, optional
        Words, phrases or entity ids (matched as in :func:`kwic`); default every
        token of :func:`tokens` under the options.
    **token_options
        As for :func:`tokens`; they decide the part sizes (and, without ``terms``,
        the terms).

    Returns
    -------
    DataFrame
        ``term, freq, range, juilland_d, dp, dp_norm``; in the order of ``terms``,
        or by ``freq`` descending then ``term``.

    Examples
    --------
    >>> from kuril_research.testing import two_habomai_articles
    >>> d = dispersion(two_habomai_articles(), terms=["habomai", "lavrov"], stopwords=None)
    >>> print(d.to_string(index=False))
       term  freq  range  juilland_d       dp  dp_norm
    habomai     2      2    0.909091 0.045455 0.083333
     lavrov     1      1    0.000000 0.545455 1.000000
    """
    prep = prepare(corpus, token_options)
    st = prep.st
    n_docs = len(st.doc_ids)
    size = prep.doc_sizes().astype(float)
    part = size > 0
    n_parts = int(part.sum())
    share = size / size.sum() if n_parts else size
    if terms is None:
        rows = np.flatnonzero(prep.kept)
        term_code, doc = st.tcode[rows], st.doc[rows]
        labels = st.tuniq
    else:
        labels = np.array(_terms_list(terms), dtype=object)
        term_code, first = _occurrences(prep, list(labels))
        doc = take(st.doc, first)
    n_terms = len(labels)
    counted = part[doc]
    pair, v = np.unique(term_code[counted] * max(n_docs, 1) + doc[counted], return_counts=True)
    t, d = pair // max(n_docs, 1), pair % max(n_docs, 1)
    freq = np.bincount(t, weights=v, minlength=n_terms)
    spread = np.bincount(t, minlength=n_terms)
    with np.errstate(divide="ignore", invalid="ignore"):
        # DP: parts where the term is absent add |0 − s_i| = s_i
        dp = 0.5 * (np.bincount(t, weights=np.abs(v / freq[t] - share[d]), minlength=n_terms)
                    + 1 - np.bincount(t, weights=share[d], minlength=n_terms))
        dp_norm = dp / (1 - share[part].min()) if n_parts else dp * np.nan
        p = v / size[d]
        mean = np.bincount(t, weights=p, minlength=n_terms) / n_parts
        squares = np.bincount(t, weights=(p - mean[t]) ** 2, minlength=n_terms) + (n_parts - spread) * mean ** 2
        juilland = 1 - (np.sqrt(squares / n_parts) / mean) / math.sqrt(n_parts - 1) if n_parts > 1 \
            else np.full(n_terms, np.nan)
    absent = freq == 0
    dp[absent], dp_norm[absent], juilland[absent] = np.nan, np.nan, np.nan
    if n_parts <= 1:
        dp_norm[:] = np.nan
    out = pd.DataFrame({
        "term": pd.array(labels, dtype="string"),
        "freq": pd.array(freq.astype(np.int64), dtype="Int64"),
        "range": pd.array(spread.astype(np.int64), dtype="Int64"),
        "juilland_d": juilland,
        "dp": dp,
        "dp_norm": dp_norm,
    })
    if terms is None:
        out = out[~absent].sort_values(["freq", "term"], ascending=[False, True], kind="mergesort")
    release_pages(st.stream)
    return out.reset_index(drop=True)


def positions(corpus: Corpus, terms: str | Sequence[str], **token_options: Unpack[TokenOptions]) -> pd.DataFrame:
    """List where each occurrence of some terms falls in its document, for dispersion plots.

    Parameters
    ----------
    corpus : Corpus
    terms : str or list of str
        Words, phrases or entity ids, matched as in :func:`kwic`.
    **token_options
        As for :func:`tokens`; they decide which tokens count for ``position``.

    Returns
    -------
    DataFrame
        ``doc_id, term, token_id, start, end, position, n_tokens, rel_position``:
        ``position`` is the number of tokens (under the options) before the match
        in its document, ``n_tokens`` the document's tokens, and
        ``rel_position = position / n_tokens`` (0 = first token). Rows in term
        order, then document and text order.

    Examples
    --------
    >>> from kuril_research.testing import two_habomai_articles
    >>> p = positions(two_habomai_articles(), "habomai", stopwords=None)
    >>> print(p[["doc_id", "position", "n_tokens", "rel_position"]].to_string(index=False))
    doc_id  position  n_tokens  rel_position
         a         2        10      0.200000
         b         1        12      0.083333
    """
    prep = prepare(corpus, token_options)
    st = prep.st
    labels = _terms_list(terms)
    term_index, first = _occurrences(prep, labels)
    n_tokens = prep.doc_sizes()
    doc = take(st.doc, first)            # a block of the column at a time: the matches lie all over the stream
    found = _in_blocks(prep, first, doc)
    position = found["position"]
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = position / n_tokens[doc]
    out = pd.DataFrame({
        "doc_id": string_array(st.doc_ids, doc.astype(np.intp)),
        "term": string_array(np.array(labels, dtype=object), term_index),
        "token_id": pd.array(found["token_id"], dtype="Int64"),
        "start": pd.array(found["start"], dtype="Int64"),
        "end": pd.array(found["end"], dtype="Int64"),
        "position": pd.array(position, dtype="Int64"),
        "n_tokens": pd.array(n_tokens[doc], dtype="Int64"),
        "rel_position": rel.astype(float),
    })
    release_pages(st.stream)
    return out


def trend(
    corpus: Corpus,
    terms: str | Sequence[str],
    *,
    freq: Literal["year", "quarter", "month"] = "year",
    **token_options: Unpack[TokenOptions],
) -> pd.DataFrame:
    """Count terms per year, quarter or month, respecting each document's date precision.

    Parameters
    ----------
    corpus : Corpus
    terms : str or list of str
        Words, phrases or entity ids, matched as in :func:`kwic`.
    freq : {"year", "quarter", "month"}, default "year"
        Periods as :func:`kuril_research.analysis.periods.document_periods` makes them.
        With ``"quarter"`` or ``"month"``, a document dated only to the year
        (``date_precision == "year"``) is not placed in any period: it is counted
        in the row with ``period`` ``<NA>``, as is any document without a year.
        So counts always add up to the corpus total; drop the ``<NA>`` rows
        (``result.dropna(subset=["period"])``) before plotting. An undated
        document (``date_precision == "unknown"``) is never placed in a period.
    **token_options
        As for :func:`tokens`; they decide ``tokens``.

    Returns
    -------
    DataFrame
        ``period`` (string ``YYYY``, ``YYYY-Qn`` or ``YYYY-MM``, ``<NA>`` = not placed), ``term``,
        ``count`` (matches), ``tokens`` (tokens in the period's documents),
        ``per_10k`` = count / tokens × 10,000 (``NaN`` when tokens is 0),
        ``n_docs`` (documents in the period). One row per period with documents
        and term (zero counts included), periods ascending with ``<NA>`` last,
        terms in the order given. ``result.attrs["n_docs_left_out"]`` is the
        number of documents not placed in any period (the ``<NA>`` rows'
        ``n_docs``; 0 when every document is placed): a caption over time says
        which and why with :func:`kuril_research.analysis.periods.coverage_note`.

    Examples
    --------
    >>> from kuril_research.testing import two_habomai_articles
    >>> corpus = two_habomai_articles()
    >>> print(trend(corpus, "habomai", freq="month", stopwords=None).to_string(index=False))
     period    term  count  tokens     per_10k  n_docs
    2019-01 habomai      1      10 1000.000000       1
       <NA> habomai      1      12  833.333333       1
    >>> trend(corpus, "habomai", freq="month").attrs["n_docs_left_out"]
    1
    """
    choice(freq, "freq", FREQUENCIES)
    prep = prepare(corpus, token_options)
    st = prep.st
    labels = _terms_list(terms)
    period_of_doc = document_periods(corpus.documents, freq).to_numpy(dtype=object, na_value=None)
    period_codes, period_names = pd.factorize(pd.Series(period_of_doc, dtype="string"), sort=True,
                                              use_na_sentinel=False)
    n_periods = len(period_names)
    names = np.asarray(period_names, dtype=object)
    doc_period = np.asarray(period_codes, dtype=np.int64)
    n_tokens = np.bincount(doc_period, weights=prep.doc_sizes(), minlength=n_periods).astype(np.int64)
    n_docs = np.bincount(doc_period, minlength=n_periods)
    term_index, first = _occurrences(prep, labels)
    counts = np.bincount(term_index * n_periods + doc_period[take(st.doc, first)],
                         minlength=len(labels) * n_periods).reshape(len(labels), n_periods)
    # rows: periods ascending with <NA> last, terms in given order
    order = sorted(range(n_periods), key=lambda i: (names[i] is None or names[i] is pd.NA, str(names[i])))
    p_idx = np.repeat(np.array(order, dtype=np.int64), len(labels))
    t_idx = np.tile(np.arange(len(labels)), n_periods)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_10k = counts[t_idx, p_idx] / n_tokens[p_idx] * 10_000
    left_out = int(sum(n_docs[i] for i in range(n_periods) if names[i] is None or names[i] is pd.NA))
    result = pd.DataFrame({
        "period": pd.array([None if names[i] is pd.NA else names[i] for i in p_idx], dtype="string"),
        "term": pd.array(np.array(labels, dtype=object)[t_idx], dtype="string"),
        "count": pd.array(counts[t_idx, p_idx], dtype="Int64"),
        "tokens": pd.array(n_tokens[p_idx], dtype="Int64"),
        "per_10k": per_10k.astype(float),
        "n_docs": pd.array(n_docs[p_idx], dtype="Int64"),
    })
    result.attrs["n_docs_left_out"] = left_out
    release_pages(st.stream)
    return result
