"""Trade: economic cues, the quantities stated with them, and their company.

* :func:`load_lexicon` / :func:`trade_mentions` find the cues of the
  researcher-editable lexicon ``data/trade.yaml`` (categories such as
  trade_volume, energy, fisheries, sanctions_restrictions), each with a
  polarity, cooperation or restriction (matching and overlap rules:
  :mod:`kuril_research.cues`).
* :func:`quantities` extracts the figures stated in sentences with a trade cue
  ("a decline ... over the first half of 2015 (by about 25%)").
* :func:`cooccurrence` measures how often trade talk shares a sentence or
  paragraph with the territorial dispute and with the sanctions frame.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from .corpus import Corpus
from .cues import CueLexicon, assign_voice, load_cue_lexicon
from .errors import ParameterError
from .framing import TERRITORIAL_TYPES, _codebook, _documents_by, _share, _sorted_groups, frames
from .lexicons import data_path
from .sentence_scan import find_in_joined, find_with_rows, join_sentences, rows_with_digit

__all__ = ["POLARITIES", "load_lexicon", "trade_mentions", "quantities", "cooccurrence"]

POLARITIES = ("cooperation", "restriction")

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"thousand|million|billion|trillion|mln|mn|bln|bn|tn|trn"
#: A number with a currency sign before it or a unit after it ("$20 billion", "25%",
#: "1.5 trillion yen", "30 percent"); lower-case text. Bare numbers (years) are not quantities.
QUANTITY_RE = re.compile(
    rf"""(?<![\w.,])
    (?: (?P<currency>us\s?\$|\$|€|¥|₽)\s?(?P<amount>{_NUMBER})(?:\s?(?P<amount_scale>{_SCALE}|m|b|k)(?![a-z]))?
      | (?P<number>{_NUMBER})(?:\s?(?P<scale>{_SCALE})(?![a-z]))?\s?
        (?P<unit>%|percentage\ points?|per\s?cent|pct|(?:us\ )?dollars|usd|yen|jpy|r[ou]ubles|rub
                |euros?|eur|(?:metric\ )?tonnes|(?:metric\ )?tons)(?![a-z])
    )""",
    re.VERBOSE,
)
#: Canonical unit of each spelling (after lower-casing and removing spaces).
UNITS = {
    "%": "%", "percent": "%", "percentagepoint": "pp", "percentagepoints": "pp", "pct": "%",
    "us$": "USD", "$": "USD", "dollars": "USD", "usdollars": "USD", "usd": "USD",
    "¥": "JPY", "yen": "JPY", "jpy": "JPY",
    "₽": "RUB", "rubles": "RUB", "roubles": "RUB", "rub": "RUB",
    "€": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "tonnes": "tonnes", "tons": "tonnes", "metrictonnes": "tonnes", "metrictons": "tonnes",
}
SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6,
          "b": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9, "tn": 1e12, "trn": 1e12, "trillion": 1e12}
#: Words that give a quantity its direction: ``down`` → -1, ``up`` → +1.
DIRECTION_RE = re.compile(
    r"""(?<!\w)(?:
      (?P<down>declin(?:e|es|ed|ing)|f[ae]ll(?:s|ing|en)?|drop(?:s|ped|ping)?|decreas(?:e|es|ed|ing)
              |reduc(?:e|es|ed|ing|tion)|shr[iu]nk(?:s|ing)?|contract(?:ed|ion)|plung(?:e|es|ed|ing)
              |slump(?:s|ed)?|dip(?:s|ped)?|sl(?:id|ide|ides|iding)|lower|down|cut)
    | (?P<up>grow(?:s|th|ing|n)?|grew|ris(?:e|es|en|ing)|rose|increas(?:e|es|ed|ing)|gain(?:s|ed)?
            |jump(?:s|ed)?|climb(?:s|ed)?|surg(?:e|es|ed)|expan(?:d|ds|ded|sion)|boost(?:s|ed)?|higher
            |soar(?:s|ed)?|up(?!\s+to\b))
    )(?!\w)""",
    re.VERBOSE,
)
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_ORDINAL = r"(?:first|second|third|fourth|last|1st|2nd|3rd|4th)"
_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})"
_YEAR = r"(?:19|20)\d{2}(?![\w%])"
#: Time expressions a figure can refer to ("first half of 2015", "January-June", "2015").
PERIOD_RE = re.compile(
    rf"""(?<![\w.,$])(?:
      (?:{_ORDINAL}\ (?:half|quarter)|(?:first|last|past)\ {_COUNT}\ months|h[12]|q[1-4])
        (?:\ of)?(?:\ (?:the\ )?(?:fiscal\ )?year)?(?:\ {_YEAR})?
    | {_MONTH}\s?[-–—]\s?{_MONTH}(?:\ (?:of\ )?{_YEAR})?
    | (?:{_MONTH}\ )?{_YEAR}
    | (?:last|this|next|previous|past)\ (?:year|quarter|month|decade)
    )(?!\w)""",
    re.VERBOSE,
)


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
    return load_cue_lexicon(data_path("trade.yaml") if path is None else path,
                            section="categories", polarities=POLARITIES)


def _lexicon(lexicon: CueLexicon | str | Path | None) -> CueLexicon:
    return lexicon if isinstance(lexicon, CueLexicon) else load_lexicon(lexicon)


def trade_mentions(corpus: Corpus, lexicon: CueLexicon | str | Path | None = None) -> pd.DataFrame:
    """Find the trade cues in every sentence.

    Parameters
    ----------
    corpus : Corpus
    lexicon : CueLexicon, str or Path, optional
        A loaded lexicon or the path of one; default: the shipped lexicon.

    Returns
    -------
    DataFrame
        One row per cue match kept by the overlap rule, ordered by document and
        offset: ``doc_id, sent_id, para_id, category, polarity`` (the cue's,
        cooperation | restriction), ``cue`` (as written in the lexicon),
        ``surface`` (as in the text), ``start, end`` (offsets into
        ``documents.text``), ``voice, speaker`` (``quoted`` and the speaker when
        the match lies wholly inside a quotation, else ``narrator``, ``<NA>``),
        ``lexicon_sha256``.

    Examples
    --------
    >>> from kuril_research.cues import _example_corpus
    >>> c = _example_corpus({"a": [["We value our economic and investment cooperation."]]},
    ...                     quotes=[("a", "We value our economic and investment cooperation.", "peskov")])
    >>> trade_mentions(c)[["category", "polarity", "surface", "start", "voice", "speaker"]]
         category     polarity                 surface  start   voice speaker
    0  investment  cooperation  investment cooperation     26  quoted  peskov
    """
    lexicon = _lexicon(lexicon)
    hits = lexicon.match(corpus.sentences).rename(columns={"entry": "category"})
    hits = assign_voice(hits, corpus.quotes)
    hits["lexicon_sha256"] = pd.array([lexicon.sha256] * len(hits), dtype="string")
    return hits


def _pairs(items: pd.DataFrame, candidates: pd.DataFrame, take: Sequence[str] = ()) -> pd.DataFrame:
    """Every (item, candidate) pair in the same sentence, with ``_gap`` between their spans:
    characters between them, 0 when they touch, negative when they overlap."""
    pairs = items[["doc_id", "sent_id", "start", "end"]].reset_index(names="_item").merge(
        candidates[["doc_id", "sent_id", "start", "end", *take]], on=["doc_id", "sent_id"], suffixes=("", "_c"))
    pairs["_gap"] = np.maximum(pairs["start_c"] - pairs["end"], pairs["start"] - pairs["end_c"])
    return pairs


def _nearest(items: pd.DataFrame, candidates: pd.DataFrame, take: Sequence[str]) -> pd.DataFrame:
    """For each item, columns ``take`` of the nearest candidate in the same sentence.

    Distance is the gap in characters between the two spans (0 when they touch
    or overlap); a tie goes to the earlier candidate. Items without a candidate
    get ``<NA>``.
    """
    pairs = _pairs(items, candidates, take)
    pairs["_gap"] = pairs["_gap"].clip(lower=0)
    best = pairs.sort_values(["_item", "_gap", "start_c"]).drop_duplicates("_item").set_index("_item")
    return best[list(take)].reindex(items.index)


def _overlaps(items: pd.DataFrame, others: pd.DataFrame) -> np.ndarray:
    """Whether each item overlaps one of ``others`` in the same sentence."""
    pairs = _pairs(items, others)
    return items.index.isin(pairs.loc[(pairs["_gap"] < 0).to_numpy(dtype=bool), "_item"])


def quantities(corpus: Corpus, lexicon: CueLexicon | str | Path | None = None) -> pd.DataFrame:
    """Extract figures stated in sentences that contain a trade cue.

    Rules, each within one sentence:

    * A quantity is a number with a currency sign before it (``$``, ``US$``,
      ``€``, ``¥``, ``₽``) or a unit after it (``%``, percent, per cent,
      percentage points, dollars, yen, roubles/rubles, euros, tonnes/tons),
      optionally scaled (thousand, million/mln/m, billion/bn/b, trillion/tn).
      Bare numbers, such as years, are not quantities.
    * ``value`` is the number times its scale ("$20 billion" → 2e10 USD).
    * ``category`` and ``cue`` come from the trade mention nearest to the figure
      (gap in characters; ties to the earlier one).
    * ``sign`` comes from the direction word nearest to the figure: -1 for
      decline, fall, drop, decrease, reduction, down, ...; +1 for growth, rise,
      increase, gain, up (not "up to"), ...; ``<NA>`` (and ``signed_value``
      ``<NA>``) when the sentence has none. ``signed_value = sign * value``.
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
        ``JPY``, ``RUB``, ``EUR``, ``tonnes``), ``sign`` (Int64), ``signed_value``
        (Float64), ``direction`` (the direction word as written), ``period``
        (as written), ``text`` (the figure as written), ``start, end``,
        ``lexicon_sha256``.

    Examples
    --------
    >>> from kuril_research.cues import _example_corpus
    >>> c = _example_corpus({"a": [["It stated a certain decline in the volume of bilateral trade "
    ...                             "turnover over the first half of 2015 (by about 25%)."]]})
    >>> q = quantities(c)
    >>> q[["category", "value", "unit", "sign", "signed_value", "period", "text"]]
           category  value unit  sign  signed_value              period text
    0  trade_volume   25.0    %    -1         -25.0  first half of 2015  25%
    """
    lexicon = _lexicon(lexicon)
    mentions = lexicon.match(corpus.sentences)
    sentences = corpus.sentences.merge(mentions[["doc_id", "sent_id"]].drop_duplicates(), on=["doc_id", "sent_id"])
    joined = join_sentences(sentences["text"])             # joined and lower-cased once for the three scans
    # Every quantity holds a digit, so only sentences with one are scanned for quantities, and only
    # sentences with a quantity for periods and directions (all that is used of them); none of the
    # three regexes can match the separator or tell it from the end of the text by a lookahead, so
    # this finds exactly what scans of everything find (see sentence_scan.find_in_joined).
    found, held = find_with_rows(sentences, joined, QUANTITY_RE, rows_with_digit(joined))
    held = np.unique(held)
    number = found["number"].fillna(found["amount"]).str.replace(",", "", regex=False)
    scale = found["scale"].fillna(found["amount_scale"]).map(SCALES).fillna(1.0)
    unit_text = found["unit"].fillna(found["currency"]).fillna("").str.replace(r"\s", "", regex=True)
    value = pd.to_numeric(number).astype("Float64") * scale.to_numpy()

    cue = _nearest(found, mentions, ["entry", "cue"])
    periods = find_in_joined(sentences, joined, PERIOD_RE, held)
    periods = periods[~_overlaps(periods, found)]
    directions = find_in_joined(sentences, joined, DIRECTION_RE, held)
    del joined
    directions["sign"] = np.where(directions["down"].notna(), -1, 1)
    direction = _nearest(found, directions, ["sign", "text"])
    sign = direction["sign"].astype("Int64")

    out = pd.DataFrame({
        "doc_id": pd.array(found["doc_id"], dtype="string"),
        "sent_id": pd.array(found["sent_id"], dtype="Int64"),
        "category": pd.array(cue["entry"], dtype="string"),
        "cue": pd.array(cue["cue"], dtype="string"),
        "value": value.astype("Float64"),
        "unit": pd.array(unit_text.map(UNITS), dtype="string"),
        "sign": sign,
        "signed_value": (value * sign).astype("Float64"),
        "direction": pd.array(direction["text"], dtype="string"),
        "period": pd.array(_nearest(found, periods, ["text"])["text"], dtype="string"),
        "text": pd.array(found["text"], dtype="string"),
        "start": pd.array(found["start"], dtype="Int64"),
        "end": pd.array(found["end"], dtype="Int64"),
    })
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
) -> pd.DataFrame:
    """How often trade talk shares a sentence or paragraph with the dispute and with sanctions.

    A *trade unit* is a sentence (or paragraph) with at least one trade mention
    of a category not in ``exclude_categories``. It is *with territory* when it
    also holds a mention whose ``entity_type`` is one of
    :data:`~kuril_research.framing.TERRITORIAL_TYPES` (table ``mentions``), and
    *with sanctions* when :func:`~kuril_research.framing.frames` codes it (or,
    for paragraphs, one of its sentences) with the ``sanctions_hostility`` frame.
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

    Returns
    -------
    DataFrame
        One row per group (ascending, missing last), every document's group included:
        ``[by columns], unit, trade_units, with_territory, with_sanctions``
        (Int64), ``share_with_territory, share_with_sanctions`` (Float64),
        ``lexicon_sha256, codebook_sha256``.

    Examples
    --------
    >>> from kuril_research.cues import _example_corpus
    >>> c = _example_corpus(
    ...     {"a": [["Bilateral trade fell after Tokyo joined the sanctions.",
    ...             "Fishing near the Kuril Islands goes on."]]},
    ...     mentions=[("Kuril Islands", "kuril_islands", "archipelago", "russian")])
    >>> cooccurrence(c)[["doc_id", "unit", "trade_units", "with_territory", "with_sanctions"]]
      doc_id      unit  trade_units  with_territory  with_sanctions
    0      a  sentence            2               1               1
    >>> cooccurrence(c)[["share_with_territory", "share_with_sanctions"]]
       share_with_territory  share_with_sanctions
    0                   0.5                   0.5
    """
    if unit not in ("sentence", "paragraph"):
        raise ParameterError(f"unit must be 'sentence' or 'paragraph', not {unit!r}", field="unit",
                             hint="pass unit='sentence' or unit='paragraph'")
    lexicon = _lexicon(lexicon)
    unknown = sorted(set(exclude_categories) - set(lexicon.ids))
    if unknown:
        raise ParameterError(f"unknown trade categories {unknown}", field="exclude_categories",
                             hint=f"use categories of the lexicon: {', '.join(lexicon.ids)}")
    codebook = _codebook(codebook)
    hits = frames(corpus, codebook)
    key = ["doc_id", "sent_id" if unit == "sentence" else "para_id"]
    mentions = lexicon.match(corpus.sentences)
    trade = mentions.loc[~mentions["entry"].isin(exclude_categories), key].drop_duplicates()
    territory = corpus.mentions.loc[corpus.mentions["entity_type"].isin(TERRITORIAL_TYPES), key]
    sanctions = hits.loc[hits["frame"] == "sanctions_hostility", key]
    index = pd.MultiIndex.from_frame(trade)
    trade["with_territory"] = index.isin(pd.MultiIndex.from_frame(territory))
    trade["with_sanctions"] = index.isin(pd.MultiIndex.from_frame(sanctions))

    columns, groups = _documents_by(corpus, by)
    counts = (trade.merge(groups, on="doc_id").groupby(columns, dropna=False)
              .agg(trade_units=("doc_id", "size"), with_territory=("with_territory", "sum"),
                   with_sanctions=("with_sanctions", "sum")))
    out = _sorted_groups(groups[columns]).merge(counts.reset_index(), on=columns, how="left")
    for col in ("trade_units", "with_territory", "with_sanctions"):
        out[col] = out[col].fillna(0).astype("Int64")
    out.insert(len(columns), "unit", pd.array([unit] * len(out), dtype="string"))
    out["share_with_territory"] = _share(out["with_territory"], out["trade_units"])
    out["share_with_sanctions"] = _share(out["with_sanctions"], out["trade_units"])
    out["lexicon_sha256"] = pd.array([lexicon.sha256] * len(out), dtype="string")
    out["codebook_sha256"] = pd.array([codebook.sha256] * len(out), dtype="string")
    return out.reset_index(drop=True)
