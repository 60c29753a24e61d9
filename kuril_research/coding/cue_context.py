"""Cue context: what the words around a cue match change — enders, and who is arguing.

Two rules of the codebook and the trade lexicon depend on a cue's sentence,
not on the cue alone (both read their word lists from the lexicon file):

* **Enders** (``enders``, ``passive_enders``): a verb of ending, withdrawing,
  seizing or cancelling, or a negation, *governs* a cue when it stands before
  the cue in the same clause with at most :data:`ENDER_WINDOW` words between
  them ("Russia **suspended** the visa-free exchanges", "**seized** four
  fishing boats"), or when a passive ender follows the cue with at most
  :data:`PASSIVE_WINDOW` words between them ("the joint projects **have been
  shelved**"). A clause ends at ``; : . ! ?`` or at one of
  :data:`CLAUSE_WORDS`. Two negatives cancel: an ender within two words
  after a negation (:data:`NEGATION_RE`: "have **not stopped**") governs
  nothing, nor does that negation. :func:`ended` says which cue matches are governed.
* **Speaker side** (``speaker_sides``, ``reporting_verbs``): the side (russia |
  japan) arguing in a sentence — for a cue inside a quotation, the side of the
  quotation's speaker (an entity id such as ``sergey_lavrov`` or
  ``japanese_foreign_ministry`` whose words include a side word); otherwise
  (and when the speaker is unknown) the side named within four words before a
  reporting verb in the sentence ("**Tokyo** argues", "**the Japanese
  ministry** said"), the nearest such clause before the cue, else the first
  after it. :func:`speaker_sides` gives it per cue match, ``None`` when no side
  can be told.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from kuril_research.matching.token_patterns import TokenPatternError, compile_tokens
from kuril_research.matching.cue_lexicon import CueLexicon
from kuril_research.corpus import Corpus
from kuril_research.coding.hit_sentences import hit_sentences
from kuril_research.coding.voice_of_spans import assign_voice
from kuril_research.errors import LexiconError
from kuril_research.lexicons import LineDict, LineList

__all__ = ["ENDER_WINDOW", "PASSIVE_WINDOW", "SUBJECT_WINDOW", "CLAUSE_WORDS", "token_list_regex", "ended", "speaker_sides",
           "frames_in_context"]

#: Most words between an ender and the cue it governs.
ENDER_WINDOW = 8
#: Most words between a cue and a passive ender after it.
PASSIVE_WINDOW = 4
#: Most words before a reporting verb that are searched for a side word ("Japan's government has repeatedly said").
SUBJECT_WINDOW = 6
#: Negations: an ender right after one (within two words) is cancelled ("have not stopped"), and a negation
#: that is itself an ender is cancelled by an ender right after it ("did not suspend").
NEGATION_RE = re.compile(r"(?<!\w)(?:not|never|no\ longer|cannot)(?!\w)|n't(?!\w)")
#: Words that start a new clause: an ender before them does not reach a cue after them.
CLAUSE_WORDS = ("while", "whereas", "but", "although", "though", "after", "before", "since", "because",
                "when", "which", "who", "until", "unless", "if")
_WORD_RE = re.compile(r"\w+")
_CLAUSE_RE = re.compile(r"[;:.!?]|(?<!\w)(?:" + "|".join(CLAUSE_WORDS) + r")(?!\w)")


def token_list_regex(lexicon: CueLexicon, key: str) -> re.Pattern | None:
    """Compile the list of token patterns under top-level ``key`` of a lexicon into one regex.

    Parameters
    ----------
    lexicon : CueLexicon
        Loaded with ``key`` among its ``extras``.
    key : str
        E.g. ``"enders"``.

    Returns
    -------
    re.Pattern or None
        Whole-word alternation of the patterns (lower-case text); None when the file has no such key.

    Raises
    ------
    LexiconError
        Naming the file and line of a pattern that is not a token pattern.

    Examples
    --------
    >>> from kuril_research.coding.trade import load_lexicon
    >>> bool(token_list_regex(load_lexicon(), "enders").search("russia suspended the talks"))
    True
    """
    values = lexicon.extras.get(key)
    if values is None:
        return None
    if not isinstance(values, LineList) or not values:
        raise LexiconError(f"`{key}` must be a non-empty list of token patterns", path=lexicon.path,
                           line=getattr(values, "line", None), hint="write one token pattern per line as `- ...`")
    parts = []
    for value, line in zip(values, values.lines):
        try:
            if not isinstance(value, str):
                raise TokenPatternError("not text")
            parts.append(compile_tokens(value, lexicon.terms))
        except TokenPatternError as exc:
            raise LexiconError(f"{key}: token pattern {value!r}: {exc}", path=lexicon.path, line=line,
                               hint="fix the token pattern") from None
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


def _side_words(lexicon: CueLexicon) -> dict[str, set[str]]:
    sides = lexicon.extras.get("speaker_sides")
    if sides is None:
        return {}
    if not isinstance(sides, LineDict):
        raise LexiconError("`speaker_sides` must map each side to a list of words", path=lexicon.path,
                           line=getattr(sides, "line", None), hint="write `russia: [russia, moscow, ...]`")
    out = {}
    for side, words in sides.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise LexiconError(f"speaker_sides: {side!r} must be a list of words", path=lexicon.path,
                               line=sides.lines[side], hint="write `russia: [russia, moscow, ...]`")
        out[side] = {w.lower() for w in words}
    return out


def ended(hits: pd.DataFrame, sentences: pd.DataFrame, lexicon: CueLexicon) -> np.ndarray:
    """Whether an ender governs each cue match (rule in the module docstring).

    Parameters
    ----------
    hits : DataFrame
        Cue matches with ``doc_id, sent_id, start, end`` (offsets into ``documents.text``).
    sentences : DataFrame
        Table ``sentences``.
    lexicon : CueLexicon
        Its ``enders`` and ``passive_enders`` (token patterns); none: nothing is ended.

    Returns
    -------
    ndarray of bool
        One per row of ``hits``, in order.

    Examples
    --------
    >>> from kuril_research.testing import corpus_of_sentences
    >>> from kuril_research.coding.trade import load_lexicon
    >>> c = corpus_of_sentences({"a": [["Russia seized four fishing boats.", "Fishing boats were seized.",
    ...                             "Fishing boats sailed, but talks were suspended."]]})
    >>> hits = pd.DataFrame({"doc_id": ["a"] * 3, "sent_id": [0, 1, 2], "start": [20, 34, 61],
    ...                      "end": [33, 47, 74]})
    >>> ended(hits, c.sentences, load_lexicon()).tolist()
    [True, True, False]
    """
    before, after = token_list_regex(lexicon, "enders"), token_list_regex(lexicon, "passive_enders")
    out = np.zeros(len(hits), dtype=bool)
    if not len(hits) or (before is None and after is None):
        return out
    where, starts, texts = hit_sentences(hits, sentences)
    found: dict[int, tuple[list, list, str]] = {}
    for i, (k, start, end) in enumerate(zip(where.tolist(), hits["start"].tolist(), hits["end"].tolist())):
        if k < 0 or starts[k] < 0:
            continue
        if k not in found:
            low = texts[k].lower()
            found[k] = (_uncancelled(before, low), _uncancelled(after, low), low)
        spans_before, spans_after, low = found[k]
        a, b = int(start) - int(starts[k]), int(end) - int(starts[k])
        out[i] = any(e <= a and _reaches(low[e:a], ENDER_WINDOW) for _s, e in spans_before) or \
            any(s >= b and _reaches(low[b:s], PASSIVE_WINDOW) for s, _e in spans_after)
    return out


def _uncancelled(regex: re.Pattern | None, low: str) -> list[tuple[int, int]]:
    """Spans of ``regex`` in ``low`` that no double negative cancels (see the module docstring)."""
    if regex is None:
        return []
    spans = [m.span() for m in regex.finditer(low)]
    negations = [m.span() for m in NEGATION_RE.finditer(low)]

    def close(a_end: int, b_start: int) -> bool:
        return 0 <= b_start - a_end and len(_WORD_RE.findall(low[a_end:b_start])) <= 2

    cancelled_negations = {n for n in negations for s, _e in spans if n != (s, _e) and close(n[1], s)}
    return [(s, e) for s, e in spans
            if not any(close(ne, s) for ns, ne in negations if (ns, ne) != (s, e))
            and (s, e) not in cancelled_negations]


def _reaches(between: str, window: int) -> bool:
    """Whether text between an ender and a cue keeps them in one clause, within ``window`` words."""
    return len(_WORD_RE.findall(between)) <= window and not _CLAUSE_RE.search(between)


def speaker_sides(hits: pd.DataFrame, sentences: pd.DataFrame, quotes: pd.DataFrame,
                  lexicon: CueLexicon) -> list[str | None]:
    """The side arguing at each cue match: its quotation's speaker, else a reporting clause.

    Parameters
    ----------
    hits : DataFrame
        Cue matches with ``doc_id, sent_id, start, end``.
    sentences, quotes : DataFrame
        Tables ``sentences`` and ``quotes``.
    lexicon : CueLexicon
        Its ``speaker_sides`` (side → words) and ``reporting_verbs`` (token patterns).

    Returns
    -------
    list of str or None
        One per row of ``hits``.

    Examples
    --------
    >>> from kuril_research.testing import corpus_of_sentences
    >>> from kuril_research.coding.framing import load_codebook
    >>> c = corpus_of_sentences({"a": [["Tokyo argues that the Yalta agreements do not bind it.",
    ...                             "The Yalta agreements are cited by Moscow."]]})
    >>> hits = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [22, 60], "end": [38, 76]})
    >>> speaker_sides(hits, c.sentences, c.quotes, load_codebook())
    ['japan', None]
    """
    words = _side_words(lexicon)
    verbs = token_list_regex(lexicon, "reporting_verbs")
    out: list[str | None] = [None] * len(hits)
    if not len(hits) or not words:
        return out

    def side_of(text: str) -> str | None:
        tokens = set(_WORD_RE.findall(text.lower().replace("_", " ")))
        named = [side for side, ws in words.items() if tokens & ws]
        return named[0] if len(named) == 1 else None

    voiced = assign_voice(hits[["doc_id", "start", "end"]].reset_index(drop=True), quotes)
    where, starts, texts = hit_sentences(hits, sentences)
    clauses: dict[int, list[tuple[int, int, str | None]]] = {}
    for i, (k, start, speaker) in enumerate(zip(where.tolist(), hits["start"].tolist(),
                                                voiced["speaker"].tolist())):
        if isinstance(speaker, str) and (side := side_of(speaker)):
            out[i] = side
            continue
        if verbs is None or k < 0 or starts[k] < 0:
            continue
        if k not in clauses:
            low = texts[k].lower()
            clauses[k] = [(m.start(), m.end(), side_of(" ".join(_WORD_RE.findall(low[:m.start()])[-SUBJECT_WINDOW:])))
                          for m in verbs.finditer(low)]
        a = int(start) - int(starts[k])
        sides_before = [side for s, _e, side in clauses[k] if s <= a and side]
        sides_after = [side for s, _e, side in clauses[k] if s > a and side]
        out[i] = sides_before[-1] if sides_before else sides_after[0] if sides_after else None
    return out


def frames_in_context(hits: pd.DataFrame, corpus: Corpus, codebook: CueLexicon) -> pd.DataFrame:
    """Apply the side condition and the ending rule to the codebook's cue matches.

    A match of a cue with a ``side`` is dropped when the sentence's speaker side is the other
    side (:func:`speaker_sides`); a match of a cue with ``when_ended`` that an ender governs
    (:func:`ended`) is re-coded to that frame (``drop``: dropped; ``+frame``: coded with that
    frame as well).

    Parameters
    ----------
    hits : DataFrame
        :meth:`CueLexicon.match <kuril_research.matching.cue_lexicon.CueLexicon.match>` of the
        corpus's sentences with ``codebook``.
    corpus : Corpus
    codebook : CueLexicon
        The frame codebook.

    Returns
    -------
    DataFrame
        The matches kept, with ``entry`` re-coded where the ending rule says so, ordered by
        document, sentence and offset.

    Examples
    --------
    >>> from kuril_research.coding.framing import load_codebook
    >>> from kuril_research.testing import corpus_of_sentences
    >>> c = corpus_of_sentences({"a": [["Moscow suspended the joint economic activities."]]})
    >>> codebook = load_codebook()
    >>> hits = codebook.match(c.sentences)
    >>> hits["entry"].tolist(), frames_in_context(hits, c, codebook)["entry"].tolist()
    (['economic_cooperation'], ['sanctions_hostility'])
    """
    if not len(hits):
        return hits
    cues = [codebook.cue(e, c) for e, c in zip(hits["entry"].tolist(), hits["cue"].tolist())]
    keep = np.ones(len(hits), dtype=bool)
    entry = hits["entry"].to_numpy(dtype=object).copy()
    sided = np.flatnonzero([c.side is not None for c in cues])
    if len(sided):
        spoken = speaker_sides(hits.iloc[sided], corpus.sentences, corpus.quotes, codebook)
        for i, side in zip(sided.tolist(), spoken):
            keep[i] = side is None or side == cues[i].side
    endable = np.flatnonzero([c.when_ended is not None for c in cues])
    extra = []
    if len(endable):
        for i, is_ended in zip(endable.tolist(), ended(hits.iloc[endable], corpus.sentences, codebook).tolist()):
            target = cues[i].when_ended
            if is_ended and target.startswith("+"):
                extra.append((i, target[1:]))
            elif is_ended:
                keep[i] &= target != "drop"
                entry[i] = target
    out = hits.assign(entry=pd.array(entry, dtype="string"))
    if extra:
        added = out.iloc[[i for i, _ in extra]].assign(entry=pd.array([t for _, t in extra], dtype="string"))
        keep = np.concatenate([keep, keep[[i for i, _ in extra]]])
        out = pd.concat([out, added], ignore_index=True)
    out = out[keep]
    return out.sort_values(["doc_id", "sent_id", "start"], kind="stable", ignore_index=True)
