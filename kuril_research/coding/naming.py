"""Naming stance: how each side's names for the islands are used, by voice and speaker.

The signature analysis of the package: it shows, for instance, whether an outlet
uses the other side's name in its own (narrator) voice or only reports it
(``attributed``) or quotes it (``quoted``). ``kr.framing.naming_stance`` and
``kr.framing.naming_stance_table`` are these functions.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from kuril_research.corpus import Corpus
from kuril_research.grouping import documents_by, share

__all__ = ["TERRITORIAL_TYPES", "NAMINGS", "VOICES", "naming_stance", "naming_stance_table"]

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
    mentions = corpus.mentions[corpus.mentions["entity_type"].isin(TERRITORIAL_TYPES)]
    mentions = mentions[["doc_id", "naming", "voice", "speaker", "entity"]].merge(groups, on="doc_id")
    keys = [*columns, "naming", "voice", "speaker", "entity"]
    counts = mentions.groupby(keys, dropna=False, sort=False).size().rename("count").reset_index()
    counts["count"] = counts["count"].astype("Int64")
    voice_total = counts.groupby([*columns, "voice"], dropna=False)["count"].transform("sum")
    counts["share_in_voice"] = share(counts["count"], voice_total)
    counts["_voice"] = counts["voice"].map({v: i for i, v in enumerate(VOICES)})
    counts["_naming"] = counts["naming"].map({n: i for i, n in enumerate(NAMINGS)})
    counts = counts.sort_values([*columns, "_voice", "_naming", "speaker", "entity"], ignore_index=True)
    return counts.drop(columns=["_voice", "_naming"])


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
