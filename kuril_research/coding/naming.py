"""Naming stance: how each side's names for the islands are used, by voice and speaker.

The signature analysis of the package: it shows, for instance, whether an outlet
uses the other side's name in its own (narrator) voice or only reports it
(``attributed``) or quotes it (``quoted``). ``kr.framing.naming_stance`` and
``kr.framing.naming_stance_table`` are these functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kuril_research import memo
from kuril_research.corpus import Corpus
from kuril_research.grouping import document_groups, documents_by, share

__all__ = ["TERRITORIAL_TYPES", "NAMINGS", "VOICES", "TerritorialMentions", "naming_stance", "naming_stance_table",
           "territorial_mentions"]

#: Mention types that name the disputed islands (individually or collectively).
TERRITORIAL_TYPES = ("collective_name", "island", "island_group", "archipelago")
#: Naming sides of a spelling, in the order of the table's columns.
NAMINGS = ("japanese", "russian", "neutral")
#: Voices of a mention, in the order of the table's rows.
VOICES = ("narrator", "quoted", "attributed")


def naming_stance(corpus: Corpus, *, by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Count island and collective-name mentions by naming side, voice and speaker.

    Only mentions whose ``entity_type`` is one of :data:`TERRITORIAL_TYPES` are
    counted (e.g. "Northern Territories" is a japanese collective name, "Southern
    Kurils" a russian one, "Etorofu"/"Iturup" japanese/russian island names).

    Parameters
    ----------
    corpus : Corpus
    by : str or list of str, optional
        ``documents`` column(s) to group by, e.g. ``"outlet"`` or ``"year"``;
        default: one group per document (``doc_id``).

    Returns
    -------
    DataFrame
        Tidy, one row per observed combination (combinations with no mention
        have no row; :func:`naming_stance_table` fills zeros):

        ``[by columns]``
            The group.
        ``naming`` : japanese | russian | neutral
        ``voice`` : narrator | quoted | attributed
        ``speaker``
            Quoted speaker or naming side; ``<NA>`` for the narrator.
        ``entity``
            Canonical entity id.
        ``count`` : Int64
            Number of mentions.
        ``share_in_voice`` : Float64
            ``count`` divided by the group's territorial mentions in the same
            voice, so the shares of one group and voice sum to 1.

        Sorted by group, voice, naming (in the orders above), speaker, entity.

    Examples
    --------
    >>> from kuril_research.testing import corpus_of_sentences
    >>> c = corpus_of_sentences(
    ...     {"a": [['Tokyo calls the Southern Kurils "Northern Territories".']]},
    ...     documents={"a": {"outlet": "TASS"}},
    ...     quotes=[("a", "Northern Territories", "japan")],
    ...     mentions=[("Southern Kurils", "southern_kurils", "collective_name", "russian"),
    ...               ("Northern Territories", "northern_territories", "collective_name", "japanese")])
    >>> naming_stance(c, by="outlet").drop(columns="entity")
      outlet    naming     voice speaker  count  share_in_voice
    0   TASS   russian  narrator    <NA>      1             1.0
    1   TASS  japanese    quoted   japan      1             1.0
    """
    columns, groups = documents_by(corpus, by)
    coded = territorial_mentions(corpus)
    group_of_doc, first_doc = document_groups(groups, columns)
    keys = [group_of_doc[coded.doc_row], *coded.codes]
    # One count per distinct (group, naming, voice, speaker, entity): the codes are small non-negative integers,
    # so each combination is one integer of a mixed-radix number.
    sizes = [max(len(first_doc), 1), *(max(len(u), 1) for u in coded.uniques)]
    combined = np.ravel_multi_index(keys, sizes)
    found, count = np.unique(combined, return_counts=True)
    parts = np.unravel_index(found, sizes)
    counts = groups[columns].iloc[first_doc[parts[0]]].reset_index(drop=True)
    for name, uniques, codes in zip(_CODED, coded.uniques, parts[1:]):
        counts[name] = uniques.take(codes).reset_index(drop=True)
    counts["count"] = pd.array(count, dtype="Int64")
    voice_total = counts.groupby([*columns, "voice"], dropna=False)["count"].transform("sum")
    counts["share_in_voice"] = share(counts["count"], voice_total)
    counts["_voice"] = counts["voice"].map({v: i for i, v in enumerate(VOICES)})
    counts["_naming"] = counts["naming"].map({n: i for i, n in enumerate(NAMINGS)})
    counts = counts.sort_values([*columns, "_voice", "_naming", "speaker", "entity"], ignore_index=True)
    return counts.drop(columns=["_voice", "_naming"])


#: The mention columns :func:`naming_stance` counts by, in the order of its output.
_CODED = ("naming", "voice", "speaker", "entity")
_CODES = memo.Memo()


@dataclass(frozen=True)
class TerritorialMentions:
    """The territorial mentions of a corpus as integer codes: what :func:`naming_stance` counts.

    Attributes
    ----------
    doc_row : ndarray
        Row of each mention's document in ``corpus.documents`` (mentions of no listed document left out).
    codes : tuple of ndarray
        Per mention, the code of its ``naming``, ``voice``, ``speaker`` and ``entity`` (``pandas.factorize``
        with missing values as a value of their own).
    uniques : tuple of Series
        The value of each code, with the mentions table's dtype.
    """

    doc_row: np.ndarray
    codes: tuple[np.ndarray, ...]
    uniques: tuple[pd.Series, ...]


def territorial_mentions(corpus: Corpus) -> TerritorialMentions:
    """Code the territorial mentions of ``corpus`` once; remembered while its tables are unchanged.

    Examples
    --------
    >>> from kuril_research.testing import two_habomai_articles
    >>> coded = territorial_mentions(two_habomai_articles())
    >>> coded.doc_row.tolist(), coded.uniques[0].tolist()
    ([0, 1], ['neutral', 'russian'])
    """
    token = memo.fingerprint((corpus.mentions, ["doc_id", "entity_type", *_CODED]), (corpus.documents, ["doc_id"]))
    coded = _CODES.get(corpus, "territorial", token)
    if coded is None:
        mentions = corpus.mentions
        keep = mentions["entity_type"].isin(TERRITORIAL_TYPES).to_numpy(dtype=bool, copy=True)
        doc_row = pd.Index(corpus.documents["doc_id"]).get_indexer(mentions["doc_id"][keep])
        keep[np.flatnonzero(keep)[doc_row < 0]] = False
        codes, uniques = [], []
        for name in _CODED:
            column = mentions[name][keep]
            code, unique = pd.factorize(column, use_na_sentinel=False)
            codes.append(code.astype(np.int64))
            uniques.append(pd.Series(unique, dtype=column.dtype))
        coded = TerritorialMentions(doc_row[doc_row >= 0].astype(np.int64), tuple(codes), tuple(uniques))
        _CODES.put(corpus, "territorial", token, coded)
    return coded


def naming_stance_table(corpus: Corpus, *, by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Wide table of naming by group and voice, with explicit zeros.

    Parameters
    ----------
    corpus : Corpus
    by : str or list of str, optional
        As in :func:`naming_stance`; default one row per document and voice.

    Returns
    -------
    DataFrame
        One row per group and voice that has at least one territorial mention:
        ``[by columns], voice, japanese, russian, neutral, total`` (Int64 counts,
        0 where none) and ``share_japanese, share_russian, share_neutral``
        (Float64, count / total).

    Examples
    --------
    >>> from kuril_research.testing import corpus_of_sentences
    >>> c = corpus_of_sentences(
    ...     {"a": [['Tokyo calls the Southern Kurils "Northern Territories".']]},
    ...     documents={"a": {"outlet": "TASS"}},
    ...     quotes=[("a", "Northern Territories", "japan")],
    ...     mentions=[("Southern Kurils", "southern_kurils", "collective_name", "russian"),
    ...               ("Northern Territories", "northern_territories", "collective_name", "japanese")])
    >>> naming_stance_table(c, by="outlet")[["outlet", "voice", "japanese", "russian", "share_russian"]]
      outlet     voice  japanese  russian  share_russian
    0   TASS  narrator         0        1            1.0
    1   TASS    quoted         1        0            0.0
    """
    long = naming_stance(corpus, by=by)
    columns = list(long.columns[: long.columns.get_loc("naming")])
    wide = (long.groupby([*columns, "voice", "naming"], dropna=False, sort=False)["count"].sum()
            .unstack("naming").reindex(columns=list(NAMINGS)).fillna(0).astype("Int64"))
    wide.columns.name = None
    wide = wide.reset_index()
    wide["total"] = wide[list(NAMINGS)].sum(axis=1).astype("Int64")
    for naming in NAMINGS:
        wide[f"share_{naming}"] = share(wide[naming], wide["total"])
    wide["_voice"] = wide["voice"].map({v: i for i, v in enumerate(VOICES)})
    return wide.sort_values([*columns, "_voice"], ignore_index=True).drop(columns="_voice")
