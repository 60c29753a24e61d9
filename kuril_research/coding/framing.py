"""Framing: how each side names the islands, and which frames the coverage uses.

* :func:`naming_stance` / :func:`naming_stance_table` (from
  :mod:`kuril_research.coding.naming`, kept here as ``kr.framing.naming_stance``)
  count island and collective-name mentions by naming side, voice and speaker.
* :func:`load_codebook`, :func:`frames`, :func:`frame_profile` code sentences with
  the researcher-editable frame codebook ``data/frames.yaml`` (matching and
  overlap rules: :mod:`kuril_research.coding.cues`).
* :func:`validate` compares the coding with a hand-coded sample
  (read by :mod:`kuril_research.coding.hand_coding`).

"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from kuril_research.corpus import Corpus
from kuril_research.coding.cue_context import frames_in_context
from kuril_research.coding.cue_store import MATCH_COLUMNS, coded_table, cue_matches
from kuril_research.matching.cue_lexicon import CueLexicon
from kuril_research.coding.lexicon_files import FRAMES, cue_lexicon
from kuril_research.coding.hand_coding import read_hand_coding
from kuril_research.coding.voice_of_spans import assign_voice
from kuril_research.errors import ParameterError
from kuril_research.coding.naming import NAMINGS, TERRITORIAL_TYPES, VOICES, naming_stance, naming_stance_table
from kuril_research.grouping import documents_by, share, sorted_groups
from kuril_research.coding.unit_counts import positions

__all__ = [
    "TERRITORIAL_TYPES",
    "NAMINGS",
    "VOICES",
    "naming_stance",
    "naming_stance_table",
    "load_codebook",
    "frames",
    "frame_profile",
    "validate",
]

#: Top-level keys of a codebook besides ``frames``, ``terms`` and ``exclude`` (see :mod:`kuril_research.coding.cue_context`).
CODEBOOK_EXTRAS = FRAMES.extras


# --- frames ------------------------------------------------------------------------------------

def load_codebook(path: str | Path | None = None) -> CueLexicon:
    """Load and validate a frame codebook.

    Parameters
    ----------
    path : str or Path, optional
        A YAML codebook (format: the header of ``kuril_research/data/frames.yaml``);
        default: that shipped file.

    Returns
    -------
    CueLexicon
        Frames in ``.entries``, cues in ``.cues``, the file's hash in ``.sha256``.

    Raises
    ------
    LexiconError
        Naming the file and line of an unknown key, duplicate id, missing label,
        empty phrase or pattern, invalid regex, ... (see
        :func:`kuril_research.coding.cues.load_cue_lexicon`).

    Examples
    --------
    >>> codebook = load_codebook()
    >>> codebook.ids[:3]
    ['postwar_realities', 'international_law_sovereignty', 'illegal_occupation']
    >>> len(codebook.sha256)
    64
    """
    return cue_lexicon(FRAMES, path)


def frames(corpus: Corpus, codebook: CueLexicon | str | Path | None = None,
           columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Code every sentence with the frames whose cues it contains.

    Cues are matched per sentence under the overlap rule of
    :mod:`kuril_research.coding.cues` (longest, then earliest match wins; nothing is
    counted twice), and a sentence counts at most once per frame.

    Parameters
    ----------
    corpus : Corpus
    codebook : CueLexicon, str or Path, optional
        A loaded codebook or the path of one; default: the shipped codebook.
    columns : sequence of str, optional
        Only these columns, in this order; default all. Read alone from the stored table
        when the whole table is not in memory, so the strings of the others are never
        held (e.g. ``["doc_id", "sent_id", "frame"]`` for co-occurrence).

    Returns
    -------
    DataFrame
        One row per sentence and frame it contains, ordered by document, sentence
        and offset:

        ``doc_id, sent_id, para_id``
            The sentence.
        ``frame``
            Frame id.
        ``cue, surface, start, end``
            The frame's first (earliest) cue in the sentence, as written in the
            codebook, as matched in the text, and its offsets in ``documents.text``.
        ``n_cues`` : Int64
            How many of the frame's cues the sentence contains (after overlaps).
        ``voice, speaker``
            ``quoted`` with the quotation's speaker when that first cue lies wholly
            inside a quotation (table ``quotes``), else ``narrator`` and ``<NA>``.
        ``codebook_sha256``
            Hash of the codebook file.

    The table is made once per corpus and codebook: remembered in this process, and
    kept beside a loaded corpus's Arrow cache for the next (:mod:`kuril_research.coding.cue_store`).

    Examples
    --------
    >>> from kuril_research.testing import corpus_of_sentences
    >>> c = corpus_of_sentences({"a": [["Tokyo joined the anti-Russian sanctions.",
    ...                             "Sanctions and unfriendly steps followed."]]})
    >>> frames(c)[["sent_id", "frame", "surface", "n_cues", "voice"]]
       sent_id                frame                 surface  n_cues     voice
    0        0  sanctions_hostility  anti-Russian sanctions       1  narrator
    1        1  sanctions_hostility               Sanctions       2  narrator
    >>> frames(c, columns=["sent_id", "frame"])
       sent_id                frame
    0        0  sanctions_hostility
    1        1  sanctions_hostility
    """
    codebook = cue_lexicon(FRAMES, codebook)
    return coded_table(corpus, codebook, "frames", lambda: _frames(corpus, codebook),
                       tables={"sentences": MATCH_COLUMNS, "quotes": None}, columns=columns)


def _frames(corpus: Corpus, codebook: CueLexicon) -> pd.DataFrame:
    """:func:`frames`, made in memory."""
    hits = frames_in_context(cue_matches(corpus, codebook), corpus, codebook)
    hits = hits.rename(columns={"entry": "frame"}).drop(columns="polarity")
    keys = ["doc_id", "sent_id", "frame"]
    n_cues = hits.groupby(keys, sort=False)["start"].transform("size")
    hits = hits.assign(n_cues=n_cues.astype("Int64")).drop_duplicates(keys, keep="first")
    hits = assign_voice(hits.reset_index(drop=True), corpus.quotes)
    hits["codebook_sha256"] = pd.array([codebook.sha256] * len(hits), dtype="string")
    return hits[["doc_id", "sent_id", "para_id", "frame", "cue", "surface", "start", "end",
                 "n_cues", "voice", "speaker", "codebook_sha256"]]


def _check_hash(hits: pd.DataFrame, codebook: CueLexicon) -> None:
    codebook.check_coded_with(hits, "codebook_sha256", what="hits", field="codebook")


def frame_profile(
    hits_or_corpus: pd.DataFrame | Corpus,
    *,
    by: str | Sequence[str] = "doc_id",
    corpus: Corpus | None = None,
    codebook: CueLexicon | str | Path | None = None,
) -> pd.DataFrame:
    """Share of sentences that use each frame, per group.

    ``share = frame_sentences / sentences``: the number of the group's sentences
    coded with the frame (each sentence at most once per frame) divided by the
    number of all the group's sentences (table ``sentences``), coded or not.
    ``share`` is ``<NA>`` for a group without sentences.

    Parameters
    ----------
    hits_or_corpus : DataFrame or Corpus
        Output of :func:`frames`, or a corpus to code with ``codebook``.
    by : str or list of str, default "doc_id"
        ``documents`` column(s) to group by, e.g. ``"outlet"`` or ``"year"``.
    corpus : Corpus, optional
        Required when ``hits_or_corpus`` is a hits table: it gives the
        sentence counts and the groups.
    codebook : CueLexicon, str or Path, optional
        The codebook (default: shipped). Hits made with another codebook are
        refused, by their ``codebook_sha256``.

    Returns
    -------
    DataFrame
        One row per group (ascending, missing last) and codebook frame (codebook order), zeros included:
        ``[by columns], frame, sentences, frame_sentences`` (Int64),
        ``share`` (Float64), ``codebook_sha256``.

    Examples
    --------
    >>> from kuril_research.testing import corpus_of_sentences
    >>> c = corpus_of_sentences({"a": [["Japan joined the sanctions.", "Talks went on."]]})
    >>> p = frame_profile(c)
    >>> p[p.frame == "sanctions_hostility"][["doc_id", "sentences", "frame_sentences", "share"]]
      doc_id  sentences  frame_sentences  share
    6      a          2                1    0.5
    """
    codebook = cue_lexicon(FRAMES, codebook)
    if isinstance(hits_or_corpus, Corpus):
        corpus = hits_or_corpus
        hits = frames(corpus, codebook)
    elif corpus is None:
        raise ParameterError("frame_profile of a hits table needs the corpus for its sentence counts",
                             field="corpus", hint="call frame_profile(hits, corpus=corpus)")
    else:
        hits = hits_or_corpus
        _check_hash(hits, codebook)
    columns, groups = documents_by(corpus, by)
    fast = _profile_by_codes(hits, corpus.sentences, groups, columns, codebook)
    if fast is not None:
        return fast
    sentences = (corpus.sentences[["doc_id"]].merge(groups, on="doc_id")
                 .groupby(columns, dropna=False).size())
    grid = sorted_groups(groups[columns])
    grid = grid.merge(pd.DataFrame({"frame": pd.array(codebook.ids, dtype="string")}), how="cross")
    counts = (hits[["doc_id", "frame"]].merge(groups, on="doc_id")
              .groupby([*columns, "frame"], dropna=False).size().rename("frame_sentences").reset_index())
    out = grid.merge(sentences.rename("sentences").reset_index(), on=columns, how="left")
    out = out.merge(counts, on=[*columns, "frame"], how="left")
    out["sentences"] = out["sentences"].fillna(0).astype("Int64")
    out["frame_sentences"] = out["frame_sentences"].fillna(0).astype("Int64")
    out["share"] = share(out["frame_sentences"], out["sentences"])
    out["codebook_sha256"] = pd.array([codebook.sha256] * len(out), dtype="string")
    return out[[*columns, "frame", "sentences", "frame_sentences", "share", "codebook_sha256"]]


def _frame_codes(frames: pd.Series, ids: list[str]) -> np.ndarray:
    """Position of each frame id in ``ids`` (-1: not a codebook frame), without a Python string per row."""
    if isinstance(frames.array, pd.arrays.ArrowExtensionArray):
        return positions(frames, pd.Series(pd.array(ids, dtype=frames.dtype)))
    return pd.Index(ids).get_indexer(frames.astype(object).to_numpy())


def _profile_by_codes(hits: pd.DataFrame, sentences: pd.DataFrame, groups: pd.DataFrame, columns: list[str],
                      codebook: CueLexicon) -> pd.DataFrame | None:
    """:func:`frame_profile`'s table, counted with integer codes instead of merges (the same rows and values).

    None when a document id is missing or repeated, or a group column is categorical: then the
    merges decide (a repeated id joins several times).
    """
    doc_ids = groups["doc_id"]
    if doc_ids.isna().any() or not doc_ids.is_unique or any(
            isinstance(groups[c].dtype, pd.CategoricalDtype) for c in columns):
        return None
    group = groups.groupby(columns, dropna=False, sort=False).ngroup().to_numpy(dtype=np.int64)
    n_groups = int(group.max()) + 1 if len(group) else 0
    _, first_row = np.unique(group, return_index=True)            # group ids are in order of first appearance
    gid = sorted_groups(groups[columns].iloc[first_row].reset_index(drop=True)).index.to_numpy()
    n_frames = len(codebook.ids)
    doc = positions(sentences["doc_id"], doc_ids)
    per_group = np.bincount(group[doc[doc >= 0]], minlength=n_groups)[gid]
    doc = positions(hits["doc_id"], doc_ids)
    frame = _frame_codes(hits["frame"], codebook.ids)
    ok = (doc >= 0) & (frame >= 0)
    counts = np.bincount(group[doc[ok]] * n_frames + frame[ok], minlength=n_groups * n_frames)
    counts = counts.reshape(n_groups, n_frames)[gid].ravel()
    out = groups[columns].iloc[np.repeat(first_row[gid], n_frames)].reset_index(drop=True)
    out["frame"] = pd.array(np.tile(np.array(codebook.ids, dtype=object), n_groups), dtype="string")
    out["sentences"] = pd.array(np.repeat(per_group, n_frames), dtype="Int64")
    out["frame_sentences"] = pd.array(counts, dtype="Int64")
    out["share"] = share(out["frame_sentences"], out["sentences"])
    out["codebook_sha256"] = pd.array([codebook.sha256] * len(out), dtype="string")
    return out[[*columns, "frame", "sentences", "frame_sentences", "share", "codebook_sha256"]]


# --- validation against hand coding -----------------------------------------------------------

def validate(
    hits: pd.DataFrame,
    coded: pd.DataFrame | str | Path,
    *,
    codebook: CueLexicon | str | Path | None = None,
) -> pd.DataFrame:
    """Precision, recall and F1 of the frame coding against hand coding, per sentence.

    Only hand-coded sentences are scored; hits in other sentences are ignored.
    For each frame, over those sentences: ``tp`` = coded and found, ``fp`` =
    found but not coded, ``fn`` = coded but not found, ``support = tp + fn``;
    ``precision = tp / (tp + fp)``, ``recall = tp / (tp + fn)``,
    ``f1 = 2PR / (P + R)`` (0 when ``P + R = 0``); each is ``<NA>`` when its
    denominator is 0. ``micro`` pools tp, fp and fn over frames. ``macro`` is the
    unweighted mean over frames that were coded or found at least once, an
    undefined value counting as 0 there. Both summary rows carry the pooled
    counts.

    Parameters
    ----------
    hits : DataFrame
        Output of :func:`frames`.
    coded : DataFrame or str or Path
        Hand coding (a DataFrame or a CSV file) with columns ``doc_id, sent_id,
        frames``: one row per coded sentence, ``frames`` holding codebook ids
        separated by ``;`` (empty: the sentence has no frame).
    codebook : CueLexicon, str or Path, optional
        The codebook of ``hits`` (default: shipped); gives the valid labels.

    Returns
    -------
    DataFrame
        One row per codebook frame, then ``micro`` and ``macro``:
        ``frame, tp, fp, fn, support`` (Int64), ``precision, recall, f1``
        (Float64), ``codebook_sha256``.

    Raises
    ------
    InputError
        For a missing column, a non-numeric ``sent_id``, a sentence coded twice,
        or an unknown frame label; for a CSV the message names the file and line.

    Examples
    --------
    >>> from kuril_research.testing import corpus_of_sentences
    >>> c = corpus_of_sentences({"a": [["Japan joined the sanctions.", "Talks went on."]]})
    >>> coded = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1],
    ...                       "frames": ["sanctions_hostility", "treaty_negotiation"]})
    >>> v = validate(frames(c), coded)
    >>> v[v.frame.isin(["sanctions_hostility", "treaty_negotiation", "micro"])].iloc[:, :8]
                      frame  tp  fp  fn  support  precision  recall        f1
    4    treaty_negotiation   0   0   1        1       <NA>     0.0      <NA>
    6   sanctions_hostility   1   0   0        1        1.0     1.0       1.0
    10                micro   1   0   1        2        1.0     0.5  0.666667
    """
    codebook = cue_lexicon(FRAMES, codebook)
    _check_hash(hits, codebook)
    gold, coded_sentences = read_hand_coding(coded, codebook.ids)
    found = (hits[["doc_id", "sent_id", "frame"]].astype({"doc_id": str, "sent_id": int, "frame": str})
             .merge(coded_sentences, on=["doc_id", "sent_id"]).drop_duplicates())
    both = found.merge(gold, on=["doc_id", "sent_id", "frame"], how="outer", indicator=True)
    counts = (pd.crosstab(both["frame"], both["_merge"].astype(str))
              .reindex(index=codebook.ids, columns=["both", "left_only", "right_only"], fill_value=0))
    table = pd.DataFrame({"frame": codebook.ids, "tp": counts["both"].to_numpy(),
                          "fp": counts["left_only"].to_numpy(), "fn": counts["right_only"].to_numpy()})
    totals = table[["tp", "fp", "fn"]].sum()
    table = pd.concat([table, pd.DataFrame([{"frame": "micro", **totals}, {"frame": "macro", **totals}])],
                      ignore_index=True)
    for col in ("tp", "fp", "fn"):
        table[col] = table[col].astype("Int64")
    table["support"] = (table["tp"] + table["fn"]).astype("Int64")
    table["precision"] = share(table["tp"], table["tp"] + table["fp"])
    table["recall"] = share(table["tp"], table["tp"] + table["fn"])
    # 2PR / (P + R) == 2tp / (2tp + fp + fn) wherever P and R are both defined
    defined = table["precision"].notna() & table["recall"].notna()
    table["f1"] = share(2 * table["tp"], 2 * table["tp"] + table["fp"] + table["fn"]).where(defined)
    per_frame = table.iloc[: len(codebook.ids)]
    active = per_frame[(per_frame["support"] > 0) | (per_frame["fp"] > 0)]
    for col in ("precision", "recall", "f1"):
        table.loc[table.index[-1], col] = active[col].fillna(0).mean() if len(active) else pd.NA
    table["frame"] = table["frame"].astype("string")
    table["codebook_sha256"] = pd.array([codebook.sha256] * len(table), dtype="string")
    return table
