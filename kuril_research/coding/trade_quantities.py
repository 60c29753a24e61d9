"""Trade quantities: the figures of a sentence, whether each is a level or a change, and which cue it measures.

Rules (the coding rules of ``data/trade.yaml`` say the same for a human coder):

* **Figure.** A number with a currency sign before it (``$``, ``US$``, ``€``,
  ``¥``, ``₽``) or a unit after it (``%``, percent, per cent, percentage points,
  dollars, yen, roubles/rubles, euros, tonnes/tons), optionally scaled
  (thousand, million/mln/m, billion/bn/b, trillion/tn). Bare numbers (years),
  counts and multiples ("threefold") are not figures (:data:`QUANTITY_RE`).
* **Kind.** ``change`` when the figure is the size of a movement: after "by"
  ("fell by 10%"), right after a direction verb ("rose 5%", "down 47%", "cut 8
  percent"), before a movement noun ("a 25% drop") or after one and "of" ("an
  increase of $2bn"); hedges such as "about", "nearly", "more than" are skipped.
  Otherwise ``level`` ("to $10bn", "reached", "worth", "9 percent of").
* **Direction.** ``up`` or ``down`` from a direction word (:data:`DIRECTION_RE`)
  in the figure's clause — the movement noun right after it, else the nearest
  direction word before it, else the first after it — for a level too ("fell to
  $10 billion" is a level, down); ``none`` when the clause has none.
* **Clause.** A sentence is cut into clauses at ``; :``, and before "while",
  "whereas", "but", ", and", ", which" (:data:`CLAUSE_RE`).
* **Attachment.** A figure measures the mention right after it and "of" ("2,000
  tonnes of pollock", at most two words between), else the trade mention nearest before it in its
  clause, else the nearest after it in its clause if at most :data:`AFTER_WINDOW`
  words and no comma lie between them; else none. A mention takes the first figure attached to it.
"""

from __future__ import annotations

import re

import pandas as pd

from kuril_research.coding.hit_sentences import hit_sentences

__all__ = ["QUANTITY_RE", "UNITS", "SCALES", "DIRECTION_RE", "PERIOD_RE", "CLAUSE_RE", "SCALE_SUFFIXES", "AFTER_WINDOW",
           "figures_in_sentence", "classify", "attach"]

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
#: Suffix of the coding unit for each scale word ("$12.4 bln" is 12.4 ``USD_bn``).
SCALE_SUFFIXES = {"k": "_k", "thousand": "_k", "m": "_m", "mn": "_m", "mln": "_m", "million": "_m",
                  "b": "_bn", "bn": "_bn", "bln": "_bn", "billion": "_bn", "tn": "_tn", "trn": "_tn",
                  "trillion": "_tn"}
_DOWN = (r"declin(?:e|es|ed|ing)|f[ae]ll(?:s|ing|en)?|drop(?:s|ped|ping)?|decreas(?:e|es|ed|ing)"
         r"|reduc(?:e|es|ed|ing|tion)|shr[iu]nk(?:s|ing)?|shrank|contract(?:ed|ion)|plung(?:e|es|ed|ing)"
         r"|slump(?:s|ed)?|dip(?:s|ped)?|sl(?:id|ide|ides|iding)|lower|down|cut(?:s|ting)?|lost|los(?:e|es|ing)")
_UP = (r"grow(?:s|th|ing|n)?|grew|ris(?:e|es|en|ing)|rose|increas(?:e|es|ed|ing)|gain(?:s|ed)?"
       r"|jump(?:s|ed)?|climb(?:s|ed)?|surg(?:e|es|ed)|expan(?:d|ds|ded|sion)|boost(?:s|ed)?|higher"
       r"|soar(?:s|ed)?|add(?:s|ed)|up(?!\s+to\b)")
#: Words that give a quantity its direction: ``down`` or ``up``.
DIRECTION_RE = re.compile(rf"(?<!\w)(?:(?P<down>{_DOWN})|(?P<up>{_UP}))(?!\w)")
_MOVEMENT_NOUN = (r"rise|increase|growth|gain|jump|surge|drop|decline|fall|decrease|reduction|cut|slump|plunge"
                  r"|contraction|expansion|loss")
_HEDGE = r"(?:about|around|some|nearly|almost|roughly|approximately|over|just|only|an\ estimated|a\ further" \
         r"|more\ than|less\ than|fewer\ than|as\ much\ as|a\ record|another)"
#: Right before a figure: the words that make it a change ("by", a direction verb, "<noun> of").
CHANGE_BEFORE_RE = re.compile(
    rf"(?:(?<!\w)by|(?<!\w)(?:{_DOWN}|{_UP})|(?<!\w)(?:{_MOVEMENT_NOUN})s?\ (?:of|by))(?:\s+{_HEDGE})*\s*$",
    re.VERBOSE)
#: Right after a figure: a movement noun ("a 25% drop", "a 10-percent rise").
CHANGE_AFTER_RE = re.compile(rf"[\s-]*(?:year-on-year\s+|annual\s+)?(?P<noun>{_MOVEMENT_NOUN})s?(?!\w)")
#: Most words between a figure and a mention after it that it can measure ("a 25% drop in bilateral trade").
AFTER_WINDOW = 4
_WORD_RE = re.compile(r"\w+")
#: Between a figure and the mention it measures when the mention follows: "of" and at most two words.
_OF_RE = re.compile(r"\s+of\s+(?:[\w'’-]+\s+){0,2}")
#: Where a clause ends inside a sentence.
CLAUSE_RE = re.compile(r"[;:]|,?\s+(?:while|whereas|but)(?!\w)|,\s+(?:and|which)(?!\w)")
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


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the clause of ``text`` holding the span ``[start, end)``."""
    lo, hi = 0, len(text)
    for m in CLAUSE_RE.finditer(text):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def classify(text: str, start: int, end: int) -> tuple[str, str]:
    """Kind (level | change) and direction (up | down | none) of the figure at ``[start, end)`` of lower-case ``text``.

    Examples
    --------
    >>> s = "trade fell by 38% in 2023 to $12.4 bln, while car exports rose."
    >>> classify(s, s.index("38%"), s.index("38%") + 3), classify(s, s.index("$12.4"), s.index(" bln") + 4)
    (('change', 'down'), ('level', 'down'))
    >>> s = "trade reached $19.9 billion in 2021, up 33 percent, after a 25% drop."
    >>> classify(s, 14, 27), classify(s, s.index("33"), s.index("33") + 10), classify(s, s.index("25%"), s.index("25%") + 3)
    (('level', 'up'), ('change', 'up'), ('change', 'down'))
    """
    lo, hi = _clause_bounds(text, start, end)
    after = CHANGE_AFTER_RE.match(text, end, hi)
    kind = "change" if after or CHANGE_BEFORE_RE.search(text[lo:start]) else "level"
    if after:
        noun = DIRECTION_RE.fullmatch(after.group("noun"))
        if noun:
            return kind, "down" if noun.group("down") else "up"
    before = [m for m in DIRECTION_RE.finditer(text, lo, start)]
    if before:
        return kind, "down" if before[-1].group("down") else "up"
    later = DIRECTION_RE.search(text, end, hi)
    if later:
        return kind, "down" if later.group("down") else "up"
    return kind, "none"


def figures_in_sentence(text: str) -> list[dict]:
    """Every figure of a lower-case sentence with its value, units, kind and direction.

    Returns
    -------
    list of dict
        ``start, end, text, number`` (as written, commas removed), ``value``
        (number × scale), ``unit`` (:data:`UNITS`), ``coding_unit`` (percent, pp,
        or the unit with its scale suffix, e.g. ``USD_bn``), ``kind``, ``direction``.

    Examples
    --------
    >>> [(f["number"], f["coding_unit"], f["kind"], f["direction"])
    ...  for f in figures_in_sentence("exports fell to $10 billion, down 8.1% on 2021.")]
    [(10.0, 'USD_bn', 'level', 'down'), (8.1, 'percent', 'change', 'down')]
    """
    out = []
    for m in QUANTITY_RE.finditer(text):
        number = float((m.group("number") or m.group("amount")).replace(",", ""))
        scale = m.group("scale") or m.group("amount_scale")
        unit = UNITS[re.sub(r"\s", "", m.group("unit") or m.group("currency"))]
        coding = {"%": "percent", "pp": "pp"}.get(unit, unit + SCALE_SUFFIXES.get(scale or "", ""))
        kind, direction = classify(text, m.start(), m.end())
        out.append({"start": m.start(), "end": m.end(), "text": m.group(0), "number": number,
                    "value": number * SCALES.get(scale or "", 1.0), "unit": unit, "coding_unit": coding,
                    "kind": kind, "direction": direction})
    return out


def attach(text: str, figure: tuple[int, int], mentions: list[tuple[int, int]]) -> int | None:
    """Index of the mention (spans in ``text``) that the figure at ``figure`` measures, or None.

    Examples
    --------
    >>> s = "oil exports grew, while a 25% drop in fish imports hit nemuro."
    >>> attach(s, (26, 29), [(0, 11), (38, 50)])
    1
    >>> attach("$5bn, said the head of the fisheries agency", (0, 4), [(27, 44)]) is None
    True
    >>> attach(s, (26, 29), [(0, 11)]) is None
    True
    """
    lo, hi = _clause_bounds(text, *figure)
    inside = [(i, s, e) for i, (s, e) in enumerate(mentions) if lo <= s and e <= hi]
    measured = [(s, i) for i, s, e in inside if s >= figure[1] and _OF_RE.fullmatch(text[figure[1]:s])]
    if measured:                                    # "2,000 tonnes of pollock", "$5bn of investment"
        return min(measured)[1]
    before = [(e, i) for i, s, e in inside if e <= figure[0]]
    if before:
        return max(before)[1]
    after = [(s, i) for i, s, e in inside if s >= figure[1] and "," not in text[figure[1]:s]
             and len(_WORD_RE.findall(text[figure[1]:s])) <= AFTER_WINDOW]
    return min(after)[1] if after else None


def mention_quantities(mentions: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Figures of the sentences holding mentions, each with the mention it measures.

    Parameters
    ----------
    mentions : DataFrame
        Trade mentions with ``doc_id, sent_id, start, end`` (offsets into ``documents.text``).
    sentences : DataFrame
        Table ``sentences``.

    Returns
    -------
    DataFrame
        One row per figure: ``mention`` (position in ``mentions``, -1 when none),
        ``doc_id, sent_id, start, end`` (document offsets), ``text``, ``number``,
        ``value``, ``unit``, ``coding_unit``, ``kind``, ``direction``, ``period``
        (nearest time expression of the sentence that is not the figure, or None).
    """
    rows = []
    if not len(mentions):
        return pd.DataFrame(rows, columns=["mention", "doc_id", "sent_id", "start", "end", "text", "number", "value",
                                           "unit", "coding_unit", "kind", "direction", "period"])
    # the sentences of the mentions (hit_sentences: found by position, each text read once), those with
    # a digit only: every figure holds one (the test is the one a str.contains over the sentences made)
    where, starts, texts = hit_sentences(mentions, sentences)
    digit = pd.Series(texts, dtype=object).astype(str).str.contains(r"\d", regex=True).to_numpy(dtype=bool)
    spans_of: dict[tuple, list[tuple[int, int, int]]] = {}      # (doc, sent, its index k) -> its mentions
    for pos, (doc, sent, start, end, k) in enumerate(zip(*(mentions[c].tolist() for c in
                                                           ("doc_id", "sent_id", "start", "end")), where.tolist())):
        if k >= 0 and starts[k] >= 0 and digit[k]:
            spans_of.setdefault((doc, int(sent), k), []).append((pos, int(start), int(end)))
    for (doc, sent, k) in sorted(spans_of):
        s_start, original = int(starts[k]), texts[k]
        low = original.lower() if len(original.lower()) == len(original) else original
        spans = [(a - s_start, b - s_start) for _, a, b in spans_of[(doc, sent, k)]]
        positions = [p for p, _, _ in spans_of[(doc, sent, k)]]
        figures = figures_in_sentence(low)
        if not figures:
            continue
        periods = [(m.start(), m.end(), original[m.start():m.end()]) for m in PERIOD_RE.finditer(low)]
        for fig in figures:
            k = attach(low, (fig["start"], fig["end"]), spans)
            free = [(max(ps - fig["end"], fig["start"] - pe, 0), ps, text) for ps, pe, text in periods
                    if pe <= fig["start"] or ps >= fig["end"]]
            rows.append({"mention": positions[k] if k is not None else -1, "doc_id": doc, "sent_id": sent,
                         "start": fig["start"] + s_start, "end": fig["end"] + s_start,
                         "text": original[fig["start"]:fig["end"]],
                         **{key: fig[key] for key in ("number", "value", "unit", "coding_unit", "kind", "direction")},
                         "period": min(free)[2] if free else None})
    return pd.DataFrame(rows, columns=["mention", "doc_id", "sent_id", "start", "end", "text", "number", "value",
                                       "unit", "coding_unit", "kind", "direction", "period"])
