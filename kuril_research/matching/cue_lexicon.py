"""The cue lexicon object: a validated lexicon, compiled once, that finds its cues in sentences.

A :class:`CueLexicon` comes from :mod:`kuril_research.coding.lexicon_files`
(reading and validating the YAML file); :meth:`CueLexicon.match` finds its cues in
a sentences table in one scan under the rules of :mod:`kuril_research.coding.cues`
and remembers the result per table (:mod:`kuril_research.memo`). The path of a
match: :meth:`CueLexicon.match` (remembered?) →
:func:`~kuril_research.matching.joined_text.joined_sentences` (the join, remembered) →
:meth:`CueScan.find <kuril_research.matching.scan.CueScan.find>` (prefilter, scan,
overlap rule) → the table.

**Memory bounded by a batch, not by the corpus.** A sentences table longer than
:data:`BATCH_SENTENCES` is scanned in slices of that many sentences, each joined on
its own, so what is held besides the result is one slice's join (two copies of
its text), not the corpus's (at 100,000 articles, 330 million characters twice).
This finds exactly the matches of one scan of everything, for the same reason the
prefilter does (:mod:`kuril_research.matching.prefilter`): no token pattern or
phrase can match the separator between sentences or look past it (no lookaround,
anchor, ``.``, ``\\W`` or negated class), so a sentence's matches depend on its
own text only, and a match never crosses a sentence, so the overlap rule never
compares matches of two sentences. A lexicon with a researcher's raw regex
(``patterns:``, no prefilter) has no such guarantee and is scanned whole.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from kuril_research import memo
from kuril_research.matching.scan import CueScan
from kuril_research.matching.joined_text import JoinedSentences, join_sentences, joined_sentences
from kuril_research.errors import ParameterError

__all__ = ["SIDES", "BATCH_SENTENCES", "Entry", "Cue", "CueLexicon"]

#: Sentences scanned per slice by :meth:`CueLexicon.match` (module docstring): about 2 MB of text per
#: 10,000 sentences of news, so a slice's join and its matches stay in the tens of megabytes.
BATCH_SENTENCES = 25_000

#: Sides a frame's argument can belong to (``side:``); ``none`` switches an entry's side off for one cue.
SIDES = ("russia", "japan")


@dataclass(frozen=True)
class Entry:
    """One frame or trade category of a lexicon, with the line it starts on."""

    id: str
    label: str
    description: str
    polarity: str | None
    line: int
    side: str | None = None          # the side whose argument the entry is (frames)
    when_ended: str | None = None    # what a cue of this entry becomes when an ender governs it


@dataclass(frozen=True)
class Cue:
    """One phrase or pattern as written in the file, with the regex it compiles to."""

    entry: str
    kind: str          # "phrase" | "tokens" | "pattern"
    text: str          # as written in the file
    polarity: str | None
    line: int
    regex: str
    side: str | None = None
    when_ended: str | None = None
    prefilter: str | None = None      # RE2 that matches where the cue may start (matching.prefilter); None: none


@dataclass(frozen=True, eq=False)
class CueLexicon:
    """A validated cue lexicon, compiled once for matching.

    Attributes
    ----------
    path : Path
        The YAML file it was loaded from.
    sha256 : str
        :func:`~kuril_research.lexicons.file_sha256` of that file; every
        analysis output carries it so that results can be traced to the lexicon.
    entries : tuple of Entry
        Frames or categories, in file order.
    cues : tuple of Cue
        Every phrase, token pattern and pattern, in file order.
    terms : dict
        The file's ``terms`` (name → token pattern).
    extras : dict
        The other top-level keys the caller allowed (``extras=`` of
        :func:`load_cue_lexicon`), as read, with their lines
        (see :func:`kuril_research.coding.cue_context.token_list_regex`).
    excluded : tuple of Cue
        The file's ``exclude`` token patterns (entry ``""``): they take part in
        the overlap rule, claiming their words, but code nothing.
    scan : CueScan
        The cues, then the excluded patterns, compiled for matching (:mod:`kuril_research.matching.scan`).
    """

    path: Path
    sha256: str
    entries: tuple[Entry, ...]
    cues: tuple[Cue, ...]
    scan: CueScan = field(repr=False)
    terms: dict = field(default_factory=dict, repr=False)
    extras: dict = field(default_factory=dict, repr=False)
    excluded: tuple[Cue, ...] = field(default=(), repr=False)

    def __repr__(self) -> str:
        return (f"CueLexicon({self.path.name!r}, {len(self.entries)} entries, "
                f"{len(self.cues)} cues, sha256={self.sha256[:12]}…)")

    @property
    def ids(self) -> list[str]:
        """Entry ids in file order."""
        return [entry.id for entry in self.entries]

    def cue(self, entry: str, text: str) -> Cue:
        """The cue of ``entry`` written as ``text`` (the ``entry`` and ``cue`` columns of :meth:`match`)."""
        return self._by_text[(entry, text)]

    @functools.cached_property
    def _by_text(self) -> dict[tuple[str, str], Cue]:
        return {(c.entry, c.text): c for c in self.cues}

    def check_coded_with(self, table: pd.DataFrame, column: str, *, what: str, field: str) -> None:
        """Raise :class:`~kuril_research.errors.ParameterError` when ``table[column]`` holds another file's hash.

        Examples
        --------
        >>> from kuril_research.coding.lexicon_files import FRAMES, cue_lexicon
        >>> hits = pd.DataFrame({"codebook_sha256": ["0123456789abcdef"]})
        >>> cue_lexicon(FRAMES).check_coded_with(hits, "codebook_sha256", what="hits", field="codebook")
        Traceback (most recent call last):
        kuril_research.errors.ParameterError: field codebook: the hits were coded with another codebook ...
        """
        other = set(table[column].dropna().unique()) - {self.sha256}
        if other:
            raise ParameterError(
                f"the {what} were coded with another {field} (sha256 {sorted(other)[0][:12]}…, "
                f"not {self.sha256[:12]}…)", field=field,
                hint=f"pass the {field} the {what} were made with as {field}=")

    def match(self, sentences: pd.DataFrame) -> pd.DataFrame:
        """Find the cues in a sentences table, applying the overlap rule.

        Parameters
        ----------
        sentences : DataFrame
            Table ``sentences`` of :mod:`kuril_research.schema`.

        Returns
        -------
        DataFrame
            One row per kept match, ordered by sentence then offset:
            ``doc_id, sent_id, para_id, entry, polarity, cue, surface, start, end``.
            ``cue`` is the phrase or pattern as written in the file; ``surface``
            the matched text; ``start``/``end`` offsets into ``documents.text``;
            ``polarity`` is ``<NA>`` for lexicons without polarities.

        Examples
        --------
        >>> from kuril_research.testing import corpus_of_sentences, peace_treaty_codebook
        >>> from kuril_research.coding.lexicon_files import load_cue_lexicon
        >>> lex = load_cue_lexicon(peace_treaty_codebook(), section="frames")
        >>> c = corpus_of_sentences({"a": [["The peace treaty talks and the peace treaty."]]})
        >>> lex.match(c.sentences)[["cue", "surface", "start", "end"]]
                                            cue             surface  start  end
        0  peace treaty (?:talks|negotiations?)  peace treaty talks      4   22
        1                          peace treaty        peace treaty     31   43

        The scan is remembered per sentences table and lexicon (see
        :mod:`kuril_research.memo`): matching the same, unchanged table again
        returns a copy of the first result at once.
        """
        token = memo.fingerprint((sentences, _MATCH_COLUMNS))
        found = _MATCHES.get(sentences, self, token)
        if found is None:
            found = self._match(sentences)
            _MATCHES.put(sentences, self, token, found)
        return found.copy(deep=False)       # copy-on-write: a caller's edits never reach the remembered table

    def _match(self, sentences: pd.DataFrame, *, prefilter: bool = True,
               batch: int = BATCH_SENTENCES) -> pd.DataFrame:
        if self.scan.prefilter is None or len(sentences) <= batch:
            return self._match_joined(sentences, joined_sentences(sentences), prefilter)
        parts = [sentences.iloc[first:first + batch] for first in range(0, len(sentences), batch)]
        return pd.concat([self._match_joined(part, join_sentences(part["text"]), prefilter) for part in parts],
                         ignore_index=True)

    def _match_joined(self, sentences: pd.DataFrame, joined: JoinedSentences, prefilter: bool) -> pd.DataFrame:
        row, start, end, cue_id = self.scan.find(joined, prefilter=prefilter)
        coding = cue_id < len(self.cues)                        # not an `exclude` pattern
        row, start, end, cue_id = row[coding], start[coding], end[coding], cue_id[coding]
        original, offsets = joined.original, joined.offsets

        def labels(values: list) -> pd.api.extensions.ExtensionArray:
            return pd.array(np.array(values, dtype=object), dtype="string").take(cue_id)

        def column(name: str, dtype: str) -> pd.api.extensions.ExtensionArray:
            return pd.array(sentences[name].array.take(row), dtype=dtype)

        shift = np.asarray(sentences["start"].array.take(row).to_numpy(dtype=np.int64)) - offsets[row]
        return pd.DataFrame({
            "doc_id": column("doc_id", "string"),
            "sent_id": column("sent_id", "Int64"),
            "para_id": column("para_id", "Int64"),
            "entry": labels([c.entry for c in self.cues]),
            "polarity": labels([c.polarity for c in self.cues]),
            "cue": labels([c.text for c in self.cues]),
            "surface": pd.array([original[s:e] for s, e in zip(start.tolist(), end.tolist())], dtype="string"),
            "start": pd.array(shift + start, dtype="Int64"),
            "end": pd.array(shift + end, dtype="Int64"),
        })


#: The sentences columns a cue match depends on.
_MATCH_COLUMNS = ["doc_id", "sent_id", "para_id", "start", "text"]
_MATCHES = memo.Memo()
