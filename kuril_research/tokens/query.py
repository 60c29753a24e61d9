"""Find a word, phrase, entity id or mention spelling in the token stream.

:func:`find` gives the first and last token row of each match of a query in
the *full* stream of :mod:`kuril_research.tokens.stream` (stop words and
punctuation included, so a phrase never matches across a comma), under one
lowercase/stem setting (a :class:`~kuril_research.tokens.stream.TokenView`).
Callers go through :meth:`kuril_research.tokens.options.Prepared.match`, which
reads the setting from the token options and remembers the matches;
:mod:`kuril_research.analysis.frequency`, :mod:`kuril_research.analysis.dispersion` and
:mod:`kuril_research.analysis.concordance` look their terms up that way.
"""

from __future__ import annotations

import numpy as np

from kuril_research.errors import ParameterError
from kuril_research.tokens.patterns import GROUP_KIND, TOKEN_RE, WHITESPACE_RE, WORD, norm_apostrophe, stemmer
from kuril_research.tokens.stream import TokenView

__all__ = ["MATCH_MODES", "find"]


# --------------------------------------------------------------------------- matching


def _query_tokens(query: str, *, lowercase: bool, stem: bool) -> list[str]:
    out = []
    for match in TOKEN_RE.finditer(query):
        text = norm_apostrophe(match.group())
        kind = GROUP_KIND[match.lastgroup]
        if lowercase or (stem and kind == WORD):
            text = text.lower()
        if stem and kind == WORD:
            text = stemmer().stem(text)
        out.append(text)
    return out


def _surface_rows(st: TokenView, text: str) -> np.ndarray:
    """Rows of the entity tokens whose normalised mention surface is ``text``."""
    hits = np.flatnonzero(st.surfaces == text) if len(st.surfaces) else np.empty(0, np.int64)
    if not len(hits):
        return np.empty(0, np.int64)
    return st.ent_rows[np.isin(st.ent_surface, hits)]


def _entity_rows(st: TokenView, entity: str, query: str) -> tuple[np.ndarray, np.ndarray]:
    """Rows of the mentions of one entity id; an id neither in the corpus nor in the shipped gazetteer is an error."""
    ids = st.spellings[:st.n_entities]
    if entity not in set(ids):
        from kuril_research.ingest.gazetteer import load_gazetteer  # noqa: PLC0415 - only to tell a typo from an absent entity

        if entity not in set(load_gazetteer().entities["entity"]):
            shown = ", ".join(sorted(ids)[:12]) or "none"
            raise ParameterError(f"{query!r} is not an entity id", field="query",
                                 hint=f"pass an id such as {shown}, or match='surface' for a spelling")
        return np.empty(0, np.int64), np.empty(0, np.int64)
    rows = st.ent_rows[st.spell[st.ent_rows] == int(np.flatnonzero(ids == entity)[0])]
    return rows, rows


#: How a query is read: ``auto`` tries an entity id, then a mention's spelling, then words (see :func:`find`).
MATCH_MODES = ("auto", "entity", "surface")


def find(st: TokenView, query: str, match: str = "auto", *, lowercase: bool, stem: bool,
         ) -> tuple[np.ndarray, np.ndarray]:
    """Find a query in the full stream: (first token row, last token row) of each match.

    ``match="auto"``, in order: an entity id (every spelling of the entity); the
    surface of a mention (that spelling only); else a word or phrase, token by
    token, within a sentence, where a token also matches an entity token whose
    surface it spells. ``match="entity"``: the mentions of that entity id only
    (an unknown id is an error); ``match="surface"``: the mentions spelled so
    (case and white space aside) only. ``lowercase`` and ``stem`` are the
    setting of ``st``; they say how the words of a query are read.

    Raises
    ------
    ParameterError
        If ``match="entity"`` names an id that is neither in the corpus nor in the
        shipped gazetteer, or the query has no token.

    Examples
    --------
    >>> from kuril_research.tokens.build import stream_of
    >>> from kuril_research.testing import two_habomai_articles
    >>> st = stream_of(two_habomai_articles()).view(lowercase=True, stem=False)
    >>> first, last = find(st, "peace treaty", lowercase=True, stem=False)
    >>> first.tolist(), last.tolist(), st.tuniq[st.tcode[first]].tolist()
    ([7], [8], ['peace'])
    >>> find(st, "Khabomai", lowercase=True, stem=False)[0].tolist()   # a spelling of habomai: that mention only
    [16]
    """
    q = WHITESPACE_RE.sub(" ", norm_apostrophe(str(query))).strip()
    lower = q.lower()
    if match == "entity":
        return _entity_rows(st, lower, query)
    if match == "surface":
        rows = _surface_rows(st, lower)
        return rows, rows
    code = st.code_of(lower)
    if code >= 0 and (st.tcode[st.ent_rows] == code).any():
        rows = np.flatnonzero(st.tcode == code)
        return rows, rows
    by_surface = _surface_rows(st, lower)
    if len(by_surface):
        return by_surface, by_surface
    parts = _query_tokens(q, lowercase=lowercase, stem=stem)
    if not parts:
        raise ParameterError(f"query {query!r} contains no token", field="query",
                             hint="pass a word, a phrase or an entity id")

    def matches(text: str) -> np.ndarray:
        hit = st.tcode == st.code_of(text)
        hit[_surface_rows(st, text.lower())] = True
        return hit

    n = len(st.tcode)
    first = np.flatnonzero(matches(parts[0]))
    for j, text in enumerate(parts[1:], start=1):
        nxt = first + j
        ok = nxt < n
        first, nxt = first[ok], nxt[ok]
        ok = (st.sent[nxt] == st.sent[first]) & matches(text)[nxt]
        first = first[ok]
    return first, first + len(parts) - 1
