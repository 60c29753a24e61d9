"""Find a word, phrase, entity id or mention spelling in the token stream.

The third step: :func:`_match` gives the first and last token row of each match
of a query in the *full* stream of :mod:`kuril_research.tokens.stream` (stop
words and punctuation included, so a phrase never matches across a comma),
under the lowercase/stem setting of a prepared stream
(:mod:`kuril_research.tokens.options`), and remembers the matches per prepared
stream. :mod:`kuril_research.analysis.frequency`, :mod:`kuril_research.analysis.dispersion` and
:mod:`kuril_research.analysis.concordance` look their terms up here.
"""

from __future__ import annotations

import numpy as np

from kuril_research.errors import ParameterError
from kuril_research.tokens.options import _Prepared
from kuril_research.tokens.stream import (
    _GROUP_KIND,
    _WORD,
    TOKEN_RE,
    WHITESPACE_RE,
    _norm_apostrophe,
    _stemmer,
    _Tokens,
)

__all__: list[str] = []   # private helpers of the analyses


# --------------------------------------------------------------------------- matching


def _query_tokens(query: str, *, lowercase: bool, stem: bool) -> list[str]:
    out = []
    for match in TOKEN_RE.finditer(query):
        text = _norm_apostrophe(match.group())
        kind = _GROUP_KIND[match.lastgroup]
        if lowercase or (stem and kind == _WORD):
            text = text.lower()
        if stem and kind == _WORD:
            text = _stemmer().stem(text)
        out.append(text)
    return out


def _surface_rows(st: _Tokens, text: str) -> np.ndarray:
    """Rows of the entity tokens whose normalised mention surface is ``text``."""
    hits = np.flatnonzero(st.surfaces == text) if len(st.surfaces) else np.empty(0, np.int64)
    if not len(hits):
        return np.empty(0, np.int64)
    return st.ent_rows[np.isin(st.ent_surface, hits)]


def _entity_rows(st: _Tokens, entity: str, query: str) -> tuple[np.ndarray, np.ndarray]:
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


#: Queries whose matches each prepared stream remembers (the oldest is forgotten first).
_MATCHES_KEPT = 32
#: How a query is read: ``auto`` tries an entity id, then a mention's spelling, then words (see :func:`_find`).
MATCH_MODES = ("auto", "entity", "surface")


def _match(prep: _Prepared, query: str, match: str = "auto") -> tuple[np.ndarray, np.ndarray]:
    """Find a query in the full stream: (first token row, last token row) of each match (read-only arrays).

    Matches depend only on the stream and its lowercase/stem view, so each query
    is looked up once per prepared stream (``dispersion``, ``positions`` and
    ``trend`` of the same terms share the work), keeping the last
    :data:`_MATCHES_KEPT` queries; see :func:`_find`.
    """
    key = str(query) if match == "auto" else f"{match}\0{query}"
    found = prep._matches.get(key)
    if found is None:
        found = _find(prep, query, match)
        for rows in found:
            rows.flags.writeable = False
        if len(prep._matches) >= _MATCHES_KEPT:
            del prep._matches[next(iter(prep._matches))]        # forget the oldest query
        prep._matches[key] = found
    return found


def _find(prep: _Prepared, query: str, match: str = "auto") -> tuple[np.ndarray, np.ndarray]:
    """Find a query in the full stream: (first token row, last token row) of each match.

    ``match="auto"``, in order: an entity id (every spelling of the entity); the
    surface of a mention (that spelling only); else a word or phrase, token by
    token, within a sentence, where a token also matches an entity token whose
    surface it spells. ``match="entity"``: the mentions of that entity id only
    (an unknown id is an error); ``match="surface"``: the mentions spelled so
    (case and white space aside) only.
    """
    st = prep.st
    q = WHITESPACE_RE.sub(" ", _norm_apostrophe(str(query))).strip()
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
    parts = _query_tokens(q, lowercase=prep.options["lowercase"], stem=prep.options["stem"])
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
