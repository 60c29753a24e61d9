"""Hold the token stream of a corpus: :class:`TokenStream`, and :class:`TokenView` of it under a case/stem setting.

The data object every count reads; :mod:`kuril_research.tokens.build` makes it
from the corpus tables (how text becomes tokens, and when a stream is reused),
:mod:`kuril_research.tokens.query` finds queries in a :class:`TokenView`, and
:mod:`kuril_research.tokens.options` chooses its tokens under a set of token
options. Per token the stream keeps only small integers (codes); texts live in
small tables of distinct values, turned into pandas strings by
:func:`string_array`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from kuril_research.tokens.patterns import WORD, stemmer

__all__ = ["TokenStream", "TokenView", "string_array"]

@dataclass(eq=False)
class TokenStream:
    """The full token stream of a corpus (all kinds), in document then text order.

    Per token only small integers are kept; texts live in small tables of distinct
    values. ``spell`` codes a token's spelling in ``spellings``: an entity id for
    codes below ``n_entities``, else a word's surface with ’ read as ' (case kept).
    """

    doc_ids: np.ndarray          # doc_id per document code (documents row order), object
    text: object                 # documents.text as an array (concordances read it lazily)
    s_doc: np.ndarray            # per sentence (global order): document code
    s_id: np.ndarray             # sent_id
    s_start: np.ndarray
    s_end: np.ndarray
    doc: np.ndarray              # per token: document code (int32)
    sent: np.ndarray             # global sentence index (int32)
    start: np.ndarray            # offsets into documents.text (int32 when they fit)
    end: np.ndarray
    kind: np.ndarray             # WORD, NUMBER, PUNCT or ENTITY (int8)
    spell: np.ndarray            # code into ``spellings`` (int32)
    spellings: np.ndarray        # distinct spellings: entity ids, then word surfaces (object)
    n_entities: int
    spell_kind: np.ndarray       # kind of each spelling
    voice: np.ndarray            # code into ``voices``
    voices: np.ndarray
    speaker: np.ndarray          # code into ``speakers``, -1 = none (int32)
    speakers: np.ndarray
    ent_rows: np.ndarray         # rows of the entity tokens
    ent_surface: np.ndarray      # their normalised mention surface: code into ``surfaces``, -1 = none
    surfaces: np.ndarray
    doc_first: np.ndarray        # first row of each document; doc_first[-1] = number of tokens
    _views: dict = field(default_factory=dict, repr=False)
    _forms: tuple | None = field(default=None, repr=False)
    _remembered: dict = field(default_factory=dict, repr=False)   # see remember()

    def __post_init__(self) -> None:
        for value in vars(self).values():
            if isinstance(value, np.ndarray):
                value.flags.writeable = False       # shared by every call that reuses the stream

    def remember(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """Return what was kept under ``key``, made by ``make()`` and kept on first use.

        What is derived from the stream lives as long as it: the tokens chosen by
        one set of token options (:func:`~kuril_research.tokens.options.prepare`)
        are worked out once per stream.
        """
        if key not in self._remembered:
            self._remembered[key] = make()
        return self._remembered[key]

    def token_id(self, rows: np.ndarray) -> np.ndarray:
        """0-based position of each row in its document's full stream."""
        return rows - self.doc_first[self.doc[rows]]

    def forms(self) -> tuple[np.ndarray, np.ndarray]:
        """(form code of each spelling, distinct forms): the entity id, or the lower-cased word."""
        if self._forms is None:
            n = self.n_entities
            forms = list(self.spellings[:n]) + [s.lower() for s in self.spellings[n:]]
            codes, uniques = pd.factorize(np.array(forms, dtype=object)) if forms else \
                (np.empty(0, np.int64), np.empty(0, object))
            self._forms = (codes.astype(np.int32), np.asarray(uniques, dtype=object))
        return self._forms

    def view(self, *, lowercase: bool, stem: bool) -> TokenView:
        """The stream's token texts under one lowercase/stem setting (made once, then remembered)."""
        key = (lowercase, stem)
        if key not in self._views:
            n = self.n_entities
            form_code, forms = self.forms()
            word_form = form_code[n:]
            text = forms[word_form] if lowercase else self.spellings[n:].copy()
            if stem and len(word_form):
                is_word = self.spell_kind[n:] == WORD
                needed = np.unique(word_form[is_word])        # stem each lower-cased form once
                stem_of = np.empty(len(forms), dtype=object)
                snowball = stemmer()
                stem_of[needed] = [snowball.stem(f) for f in forms[needed]]
                text[is_word] = stem_of[word_form[is_word]]
            text = np.concatenate([self.spellings[:n], text])
            of_spelling, tuniq = pd.factorize(text) if len(text) else (np.empty(0, np.int64), np.empty(0, object))
            tcode = of_spelling.astype(np.int32)[self.spell]
            tcode.flags.writeable = False
            self._views[key] = TokenView(self, tcode, np.asarray(tuniq, dtype=object))
        return self._views[key]


class TokenView:
    """A :class:`TokenStream` seen under one lowercase/stem setting: each token's text as a code into ``tuniq``.

    Every other attribute is the stream's.
    """

    def __init__(self, stream: TokenStream, tcode: np.ndarray, tuniq: np.ndarray) -> None:
        self.stream = stream
        self.tcode = tcode
        self.tuniq = tuniq
        self._tindex: dict[str, int] | None = None

    def __getattr__(self, name: str):
        if name == "stream":
            raise AttributeError(name)
        return getattr(self.stream, name)

    def code_of(self, token: str) -> int:
        """Return the code of a token text, -1 when it never occurs."""
        if self._tindex is None:
            self._tindex = {t: i for i, t in enumerate(self.tuniq)}
        return self._tindex.get(token, -1)


def string_array(uniques: np.ndarray, codes: np.ndarray | None = None) -> pd.api.extensions.ExtensionArray:
    """Build a ``string`` array as ``uniques[codes]`` (code -1 or a None value gives ``<NA>``).

    Converting each distinct value once and taking is much faster than converting
    millions of Python strings.

    Examples
    --------
    >>> string_array(np.array(["narrator", "quoted"], dtype=object), np.array([1, 0, -1])).tolist()
    ['quoted', 'narrator', <NA>]
    """
    if codes is None:
        codes, uniques = pd.factorize(uniques)
    return pd.array(np.asarray(uniques, dtype=object), dtype="string").take(codes, allow_fill=True)

