"""Trade: economic cues, the quantities stated with them, and their company.

* :func:`load_lexicon` / :func:`trade_mentions` find the cues of the
  researcher-editable lexicon ``data/trade.yaml`` (categories such as
  trade_volume, energy, fisheries, sanctions_restrictions), each with a
  polarity, cooperation or restriction (matching and overlap rules:
  :mod:`kuril_research.coding.cues`).
* :func:`quantities` extracts the figures stated in sentences with a trade cue
  ("a decline ... over the first half of 2015 (by about 25%)").
* :func:`cooccurrence` measures how often trade talk shares a sentence or
  paragraph with the territorial dispute and with the sanctions frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from kuril_research.corpus import Corpus
from kuril_research.matching.cue_lexicon import CueLexicon
from kuril_research.coding.cue_store import MATCH_COLUMNS, coded_table, cue_matches
from kuril_research.coding.lexicon_files import FRAMES, TRADE, cue_lexicon
from kuril_research.coding.voice_of_spans import assign_voice
from kuril_research.errors import ParameterError
from kuril_research.coding.naming import TERRITORIAL_TYPES
from kuril_research.coding.framing import frames as code_frames
from kuril_research.grouping import documents_by, share, sorted_groups
from kuril_research.coding.cue_context import ended
from kuril_research.coding.trade_lists import merge_lists
from kuril_research.coding.unit_counts import units_by_group
from kuril_research.coding.trade_quantities import DIRECTION_RE, PERIOD_RE, QUANTITY_RE, SCALES, UNITS, mention_quantities

__all__ = ["POLARITIES", "QUANTITY_RE", "UNITS", "SCALES", "DIRECTION_RE", "PERIOD_RE", "load_lexicon",
           "trade_mentions", "quantities", "cooccurrence"]

POLARITIES = TRADE.polarities

#: Top-level keys of a trade lexicon besides ``categories``, ``terms`` and ``exclude``.
LEXICON_EXTRAS = TRADE.extras


def load_lexicon(path: str | Path | None = None) -> CueLexicon:
    """Load and validate a trade cue lexicon.

    Parameters
    ----------
    path : str or Path, optional
        A YAML lexicon (format: the header of ``kuril_research/data/trade.yaml``);
        default: that shipped file.

    Returns
    -------
    CueLexicon
        Categories in ``.entries`` (each with its default ``polarity``), cues in
        ``.cues`` (each with its own), the file's hash in ``.sha256``.

    Raises
    ------
    LexiconError
        Naming the file and line of an unknown key, duplicate id, missing label
        or polarity, unknown polarity, empty or invalid pattern, ...

    Examples
    --------
    >>> lexicon = load_lexicon()
    >>> lexicon.ids[:4]
    ['trade_volume', 'investment', 'energy', 'fisheries']
    >>> sorted({cue.polarity for cue in lexicon.cues})
    ['cooperation', 'restriction']
    """
    return cue_lexicon(TRADE, path)


def trade_mentions(corpus: Corpus, lexicon: CueLexicon | str | Path | None = None,
                   columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Find the trade cues in every sentence, with their polarity in context and their figure.

    Rules (the coding rules at the top of ``data/trade.yaml``):

    * cues are matched under the overlap rule of :mod:`kuril_research.coding.cues`;
    * mentions of one category and polarity that follow each other, separated
      only by a comma, "and", "or" or "as well as", are one mention ("oil, gas
      and coal"): its span runs from the first to the last, its cue is the first's;
    * a cooperation cue governed by an ender (negation, or a verb of ending,
      withdrawing, seizing or cancelling: :func:`kuril_research.coding.cue_context.ended`)
      is a restriction ("seized four fishing boats"); ``ended`` says so;
    * each mention carries the first figure that measures it
      (:mod:`kuril_research.coding.trade_quantities`).
    * the table is made once per corpus and lexicon: remembered, and kept beside a loaded
      corpus's Arrow cache for the next process (:mod:`kuril_research.coding.cue_store`).

    Parameters
    ----------
    corpus : Corpus
    lexicon : CueLexicon, str or Path, optional
        A loaded lexicon or the path of one; default: the shipped lexicon.
    columns : sequence of str, optional
        Only these columns, in this order; default all. Read alone from the stored table
        when the whole table is not in memory (:func:`~kuril_research.coding.cue_store.coded_table`).

    Returns
    -------
    DataFrame
        One row per mention, ordered by document and offset:

        ``doc_id, sent_id, para_id, category``
        ``polarity`` : cooperation | restriction, in context
        ``cue, surface, start, end``
            The cue as written in the lexicon, the text, offsets into ``documents.text``.
        ``ended`` : boolean
            An ender turned a cooperation cue into a restriction.
        ``quantity_value`` : Float64
            The figure's number as written, unsigned, in ``quantity_unit`` (``<NA>``: no figure).
        ``quantity_unit``
            ``percent``, ``pp``, or ``USD``, ``JPY``, ``RUB``, ``EUR``, ``tonnes`` with the
            scale written as a suffix (``USD_bn``, ``JPY_tn``, ``tonnes_m``, ...).
        ``quantity_kind`` : level | change
        ``direction`` : up | down | none
            The movement stated with the figure (a level has one too: "fell to $10bn").
        ``quantity_text``
            The figure as written.
        ``voice, speaker``
            ``quoted`` and the speaker when the mention lies wholly inside a
            quotation, else ``narrator``, ``<NA>``.
        ``lexicon_sha256``

    Examples
    --------
    >>> from kuril_research.testing import corpus_of_sentences
    >>> c = corpus_of_sentences({"a": [["We value our economic and investment cooperation.",
    ...                             "Russia seized four fishing boats.",
    ...                             "Bilateral trade fell to $10 billion."]]},
    ...                     quotes=[("a", "We value our economic and investment cooperation.", "peskov")])
    >>> m = trade_mentions(c)
    >>> m[["category", "polarity", "surface", "ended", "voice"]]
           category     polarity                 surface  ended     voice
    0    investment  cooperation  investment cooperation  False    quoted
    1     fisheries  restriction           fishing boats   True  narrator
    2  trade_volume  cooperation         Bilateral trade  False  narrator
    >>> m.loc[2, ["quantity_value", "quantity_unit", "quantity_kind", "direction"]].to_dict()
    {'quantity_value': 10.0, 'quantity_unit': 'USD_bn', 'quantity_kind': 'level', 'direction': 'down'}
    >>> trade_mentions(c, columns=["category", "voice"]).columns.tolist()
    ['category', 'voice']
    """
    lexicon = cue_lexicon(TRADE, lexicon)
    return coded_table(corpus, lexicon, "trade_mentions", lambda: _trade_mentions(corpus, lexicon),
                       tables={"sentences": MATCH_COLUMNS, "quotes": None}, columns=columns)


def _trade_mentions(corpus: Corpus, lexicon: CueLexicon) -> pd.DataFrame:
    """:func:`trade_mentions`, made in memory."""
    hits = merge_lists(cue_matches(corpus, lexicon).rename(columns={"entry": "category"}), corpus.sentences)
    is_ended = np.zeros(len(hits), dtype=bool)
    cooperative = (hits["polarity"] == "cooperation").to_numpy(dtype=bool)
    if cooperative.any():
        is_ended[cooperative] = ended(hits[cooperative], corpus.sentences, lexicon)
    hits["polarity"] = pd.array(np.where(is_ended, "restriction", hits["polarity"].astype(object)), dtype="string")
    hits["ended"] = pd.array(is_ended, dtype="boolean")
    figures = mention_quantities(hits, corpus.sentences)
    first = figures[figures["mention"] >= 0].drop_duplicates("mention").set_index("mention").reindex(range(len(hits)))
    hits["quantity_value"] = pd.array(first["number"].to_numpy(dtype=object), dtype="Float64")
    for column, source in (("quantity_unit", "coding_unit"), ("quantity_kind", "kind"), ("direction", "direction"),
                           ("quantity_text", "text")):
        hits[column] = pd.array(first[source].to_numpy(dtype=object), dtype="string")
    hits = assign_voice(hits, corpus.quotes)
    hits["lexicon_sha256"] = pd.array([lexicon.sha256] * len(hits), dtype="string")
    return hits


def quantities(corpus: Corpus, lexicon: CueLexicon | str | Path | None = None) -> pd.DataFrame:
    """Extract the figures stated in sentences that contain a trade mention.

    Rules (details in :mod:`kuril_research.coding.trade_quantities`), each within one sentence:

    * A figure is a number with a currency sign before it (``$``, ``US$``,
      ``€``, ``¥``, ``₽``) or a unit after it (``%``, percent, per cent,
      percentage points, dollars, yen, roubles/rubles, euros, tonnes/tons),
      optionally scaled (thousand, million/mln/m, billion/bn/b, trillion/tn).
      Bare numbers, such as years, are not figures.
    * ``value`` is the number times its scale ("$20 billion" → 2e10 USD).
    * ``category`` and ``cue`` are those of the mention the figure measures
      (:func:`trade_mentions`): the nearest before it in its clause, else the
      nearest after it in its clause; ``<NA>`` when its clause has none.
    * ``kind`` is ``change`` for the size of a movement ("fell by 25%", "a 25%
      drop", "up 33 percent"), else ``level`` ("fell to $10 billion").
    * ``direction`` (up | down | none) is the movement stated with the figure in
      its clause, for a level too. ``sign`` is -1 (down) or +1 (up) for a change
      and ``<NA>`` for a level or a change without direction;
      ``signed_value = sign * value``.
    * ``period`` is the nearest time expression ("first half of 2015",
      "January-June 2015", "2015", "last year"), ``<NA>`` when none.

    Parameters
    ----------
    corpus : Corpus
    lexicon : CueLexicon, str or Path, optional
        Trade lexicon; default: the shipped one.

    Returns
    -------
    DataFrame
        One row per figure, ordered by document and offset: ``doc_id, sent_id,
        category, cue, value`` (Float64), ``unit`` (``%``, ``pp``, ``USD``,
        ``JPY``, ``RUB``, ``EUR``, ``tonnes``), ``kind`` (level | change),
        ``direction`` (up | down | none), ``sign`` (Int64), ``signed_value``
        (Float64), ``period`` (as written), ``text`` (the figure as written),
        ``start, end``, ``lexicon_sha256``.

    Examples
    --------
    >>> from kuril_research.testing import corpus_of_sentences
    >>> c = corpus_of_sentences({"a": [["It stated a certain decline in the volume of bilateral trade "
    ...                             "turnover over the first half of 2015 (by about 25%)."]]})
    >>> q = quantities(c)
    >>> q[["category", "value", "unit", "kind", "direction", "signed_value", "period"]]
           category  value unit    kind direction  signed_value              period
    0  trade_volume   25.0    %  change      down         -25.0  first half of 2015
    """
    lexicon = cue_lexicon(TRADE, lexicon)
    return coded_table(corpus, lexicon, "quantities", lambda: _quantities(corpus, lexicon),
                       tables={"sentences": MATCH_COLUMNS, "quotes": None})


def _quantities(corpus: Corpus, lexicon: CueLexicon) -> pd.DataFrame:
    """:func:`quantities`, made in memory (reading every sentence with a trade mention: 20 s at 100,000 articles)."""
    mentions = trade_mentions(corpus, lexicon)
    found = mention_quantities(mentions, corpus.sentences)
    which = found["mention"].to_numpy(dtype=np.int64)
    attached = which >= 0

    def of_mention(column: str) -> pd.api.extensions.ExtensionArray:
        values = np.full(len(found), None, dtype=object)
        values[attached] = mentions[column].to_numpy(dtype=object)[which[attached]]
        return pd.array(values, dtype="string")

    value = pd.array(found["value"].to_numpy(dtype=object), dtype="Float64")
    sign = np.where(found["direction"] == "down", -1, 1)
    signed = (found["kind"] == "change") & (found["direction"] != "none")
    sign = pd.array(np.where(signed, sign, None), dtype="Int64")
    out = pd.DataFrame({
        "doc_id": pd.array(found["doc_id"], dtype="string"),
        "sent_id": pd.array(found["sent_id"], dtype="Int64"),
        "category": of_mention("category"),
        "cue": of_mention("cue"),
        "value": value,
        "unit": pd.array(found["unit"], dtype="string"),
        "kind": pd.array(found["kind"], dtype="string"),
        "direction": pd.array(found["direction"], dtype="string"),
        "sign": sign,
        "signed_value": (value * sign).astype("Float64"),
        "period": pd.array(found["period"], dtype="string"),
        "text": pd.array(found["text"], dtype="string"),
        "start": pd.array(found["start"], dtype="Int64"),
        "end": pd.array(found["end"], dtype="Int64"),
    })
    out = out.sort_values(["doc_id", "start"], ignore_index=True) if len(out) else out
    out["lexicon_sha256"] = pd.array([lexicon.sha256] * len(out), dtype="string")
    return out


def cooccurrence(
    corpus: Corpus,
    lexicon: CueLexicon | str | Path | None = None,
    *,
    unit: Literal["sentence", "paragraph"] = "sentence",
    by: str | Sequence[str] = "doc_id",
    exclude_categories: Sequence[str] = ("sanctions_restrictions",),
    codebook: CueLexicon | str | Path | None = None,
    frames: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """How often trade talk shares a sentence or paragraph with the dispute and with sanctions.

    A *trade unit* is a sentence (or paragraph) with at least one trade mention
    of a category not in ``exclude_categories``. It is *with territory* when it
    also holds a mention whose ``entity_type`` is one of
    :data:`~kuril_research.coding.framing.TERRITORIAL_TYPES` (table ``mentions``), and
    *with sanctions* when the frame hits (``frames``, made by
    :func:`~kuril_research.coding.framing.frames`) code it (or, for paragraphs, one
    of its sentences) with the ``sanctions_hostility`` frame.
    ``share_with_territory = with_territory / trade_units`` and likewise for
    sanctions; ``<NA>`` when a group has no trade unit.

    By default ``sanctions_restrictions`` mentions do not make a trade unit:
    they are sanctions talk themselves, and would co-occur with the sanctions
    frame by construction.

    Parameters
    ----------
    corpus : Corpus
    lexicon : CueLexicon, str or Path, optional
        Trade lexicon; default: the shipped one.
    unit : {"sentence", "paragraph"}, default "sentence"
        Sentences are identified by ``sent_id``, paragraphs by ``para_id``.
    by : str or list of str, default "doc_id"
        ``documents`` column(s) to group by, e.g. ``"outlet"`` or ``"year"``.
    exclude_categories : sequence of str, default ("sanctions_restrictions",)
        Trade categories that do not count as trade talk.
    codebook : CueLexicon, str or Path, optional
        Frame codebook for the sanctions frame; default: the shipped one.
    frames : DataFrame, optional
        The corpus's frame hits, :func:`~kuril_research.coding.framing.frames` of
        ``corpus`` with ``codebook``, when the caller has them already (they are
        not coded again; hits of another codebook are refused); default: code them here.

    Returns
    -------
    DataFrame
        One row per group (ascending, missing last), every document's group included:
        ``[by columns], unit, trade_units, with_territory, with_sanctions``
        (Int64), ``share_with_territory, share_with_sanctions`` (Float64),
        ``lexicon_sha256, codebook_sha256``.

    Examples
    --------
    >>> from kuril_research.testing import corpus_of_sentences
    >>> c = corpus_of_sentences(
    ...     {"a": [["Bilateral trade fell after Tokyo joined the sanctions.",
    ...             "Fishing near the Kuril Islands goes on."]]},
    ...     mentions=[("Kuril Islands", "kuril_islands", "archipelago", "russian")])
    >>> cooccurrence(c)[["doc_id", "unit", "trade_units", "with_territory", "with_sanctions"]]
      doc_id      unit  trade_units  with_territory  with_sanctions
    0      a  sentence            2               1               1
    >>> cooccurrence(c)[["share_with_territory", "share_with_sanctions"]]
       share_with_territory  share_with_sanctions
    0                   0.5                   0.5

    Frame hits made once serve several calls:

    >>> from kuril_research.coding.framing import frames
    >>> hits = frames(c)
    >>> cooccurrence(c, frames=hits, unit="paragraph")[["unit", "trade_units", "with_sanctions"]]
            unit  trade_units  with_sanctions
    0  paragraph            1               1
    """
    if unit not in ("sentence", "paragraph"):
        raise ParameterError(f"unit must be 'sentence' or 'paragraph', not {unit!r}", field="unit",
                             hint="pass unit='sentence' or unit='paragraph'")
    lexicon = cue_lexicon(TRADE, lexicon)
    unknown = sorted(set(exclude_categories) - set(lexicon.ids))
    if unknown:
        raise ParameterError(f"unknown trade categories {unknown}", field="exclude_categories",
                             hint=f"use categories of the lexicon: {', '.join(lexicon.ids)}")
    codebook = cue_lexicon(FRAMES, codebook)
    key = ["doc_id", "sent_id" if unit == "sentence" else "para_id"]
    if frames is None:      # only the columns used: the stored table's strings stay on disk
        hits = code_frames(corpus, codebook, columns=[*key, "frame"])
    else:
        codebook.check_coded_with(frames, "codebook_sha256", what="frame hits", field="codebook")
        hits = frames
    mentions = cue_matches(corpus, lexicon, columns=[*key, "entry"])
    trade = mentions.loc[~mentions["entry"].isin(exclude_categories), key]
    territory = corpus.mentions.loc[corpus.mentions["entity_type"].isin(TERRITORIAL_TYPES), key]
    sanctions = hits.loc[hits["frame"] == "sanctions_hostility", key]
    columns, groups = documents_by(corpus, by)
    counts = units_by_group(trade, {"with_territory": territory, "with_sanctions": sanctions}, groups, columns)
    if counts is not None:      # the same counts as the merges below, from integer codes
        counts = counts.rename(columns={"units": "trade_units"})
    else:
        trade = trade.drop_duplicates()
        index = pd.MultiIndex.from_frame(trade)
        trade["with_territory"] = index.isin(pd.MultiIndex.from_frame(territory))
        trade["with_sanctions"] = index.isin(pd.MultiIndex.from_frame(sanctions))
        counts = (trade.merge(groups, on="doc_id").groupby(columns, dropna=False)
                  .agg(trade_units=("doc_id", "size"), with_territory=("with_territory", "sum"),
                       with_sanctions=("with_sanctions", "sum"))).reset_index()
    out = sorted_groups(groups[columns]).merge(counts, on=columns, how="left")
    for col in ("trade_units", "with_territory", "with_sanctions"):
        out[col] = out[col].fillna(0).astype("Int64")
    out.insert(len(columns), "unit", pd.array([unit] * len(out), dtype="string"))
    out["share_with_territory"] = share(out["with_territory"], out["trade_units"])
    out["share_with_sanctions"] = share(out["with_sanctions"], out["trade_units"])
    out["lexicon_sha256"] = pd.array([lexicon.sha256] * len(out), dtype="string")
    out["codebook_sha256"] = pd.array([codebook.sha256] * len(out), dtype="string")
    return out.reset_index(drop=True)
