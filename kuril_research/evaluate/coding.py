"""Score the frame and trade coding of sentences against ``coding/*.yaml``.

Definitions
-----------
Placing a sentence
    The gold ``context`` is placed in the parsed text (:func:`~kuril_research.evaluate.gold.locate`);
    the predicted sentences are those of table ``sentences`` that overlap it
    (one, unless the splitter cut the gold sentence; then their union). A
    context that cannot be placed leaves its gold frames and trade mentions as
    misses (FN), with the reason in the errors.
frames (task ``frames``)
    Multi-label per sentence: the gold frames ``G`` against the frames that
    :func:`kuril_research.coding.framing.frames` codes in the predicted sentence(s),
    ``P``. Per frame: TP in ``G ∩ P``, FP in ``P − G``, FN in ``G − P``;
    label ``micro`` pools them. Only coded sentences are scored. The confusion
    table (:func:`frame_confusion`) puts each TP on the diagonal, pairs every
    missed gold frame with every spurious predicted frame of the same
    sentence, a missed frame without a spurious one with ``(none)`` as
    predicted, and a spurious frame without a missed one with ``(none)`` as gold.
trade categories (task ``trade``)
    The same at sentence level with the trade categories of
    :func:`kuril_research.coding.trade.trade_mentions` (a category counts once per
    sentence however many cues it has); label ``micro`` pools.
trade polarity (task ``trade_polarity``, accuracy)
    Each gold trade mention is matched to a predicted mention of the same
    category in the sentence: the one whose span overlaps the gold ``cue``
    most, else the earliest not yet matched. Over matched mentions: polarity
    equal.
quantities (task ``quantities``, accuracy, labels ``value, unit, kind, direction``)
    Over gold quantities of matched mentions, the predicted figure
    (:func:`kuril_research.coding.trade.quantities`) of the sentence with the same
    value and category if any, else the same category, else the nearest to
    the cue. ``value``: equal after the gold unit's scale is applied
    (``USD_bn`` 10 = 1e10 USD; relative tolerance 1e-9); ``unit``: the gold
    unit's base (``USD_bn`` → USD, ``percent`` → %) equals the predicted unit;
    ``kind``: the predicted ``kind`` column if the library has one — if not,
    every kind is wrong with the reason "the library reports no level/change";
    ``direction``: the predicted ``direction`` when it holds up/down/none,
    else derived from ``sign`` (-1 down, +1 up, missing none). With no
    predicted figure in the sentence all four are wrong.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd

from kuril_research.evaluate.gold import GoldDocument, GoldSentence, context_regex, locate

__all__ = ["gold_unit", "predicted_direction", "score_frames", "score_trade", "frame_confusion"]

NONE = "(none)"
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6, "bn": 1e9, "b": 1e9,
           "bln": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12}
_BASES = {"percent": "%", "pct": "%", "%": "%", "pp": "pp", "percentage_points": "pp", "percentage_point": "pp",
          "tonnes": "tonnes", "tons": "tonnes", "tonne": "tonnes", "usd": "USD", "jpy": "JPY", "rub": "RUB",
          "eur": "EUR", "yen": "JPY", "dollars": "USD", "roubles": "RUB", "rubles": "RUB", "euros": "EUR"}


def gold_unit(unit: str) -> tuple[str, float]:
    """The base unit and scale of a gold unit name (``USD_bn`` → ``("USD", 1e9)``).

    A suffix ``_k``, ``_m``/``_mn``, ``_bn``, ``_tn`` (or spelled out) scales
    the value; the base is mapped to the library's unit names (%, pp, USD,
    JPY, RUB, EUR, tonnes); other units (vessels, people) are kept as written.

    Examples
    --------
    >>> gold_unit("USD_bn"), gold_unit("percent"), gold_unit("vessels")
    (('USD', 1000000000.0), ('%', 1.0), ('vessels', 1.0))
    """
    base, _, suffix = unit.rpartition("_")
    if not base or suffix.lower() not in _SCALES:
        base, scale = unit, 1.0
    else:
        scale = _SCALES[suffix.lower()]
    return _BASES.get(base.lower(), base), scale


def predicted_direction(row: Mapping) -> str:
    """up, down or none of a predicted figure: its ``direction`` if that is one of them, else from ``sign``.

    Examples
    --------
    >>> predicted_direction({"direction": "fell", "sign": -1}), predicted_direction({"sign": pd.NA})
    ('down', 'none')
    """
    direction = row.get("direction")
    if isinstance(direction, str) and direction in ("up", "down", "none"):
        return direction
    sign = row.get("sign")
    if sign is None or pd.isna(sign) or sign == 0:
        return "none"
    return "down" if sign < 0 else "up"


def _row(doc_id: str, task: str, label: str, kind: str, tp: int = 0, fp: int = 0, fn: int = 0) -> dict:
    return {"doc_id": doc_id, "task": task, "label": label, "kind": kind, "tp": tp, "fp": fp, "fn": fn}


def _error(file: str, task: str, label: str, context: str | None, got: object, want: object, reason: str) -> dict:
    return {"file": file, "task": task, "label": label, "context": context, "got": None if got is None else str(got),
            "want": None if want is None else str(want), "reason": reason}


def _place(text: str | None, sentences: pd.DataFrame, g: GoldSentence) -> tuple[list[int], int, int] | str:
    """The sentence ids overlapping the gold context and their joint span, or why it cannot be placed."""
    if text is None:
        return "the build did not make the article a document"
    where = locate(text, g.context)
    if isinstance(where, str):
        return where
    hit = sentences[(sentences["start"] < where[1]) & (sentences["end"] > where[0])]
    if hit.empty:
        return "context lies outside every sentence"
    return [int(s) for s in hit["sent_id"]], int(hit["start"].min()), int(hit["end"].max())


def _set_counts(doc_id: str, task: str, labels: Sequence[str], gold: set[str], pred: set[str],
                tally: dict[str, list[int]]) -> None:
    for label in labels:
        tally[label][0] += label in gold and label in pred
        tally[label][1] += label in pred and label not in gold
        tally[label][2] += label in gold and label not in pred


def _confusion_pairs(gold: set[str], pred: set[str]) -> list[tuple[str, str]]:
    pairs = [(f, f) for f in sorted(gold & pred)]
    missed, spurious = sorted(gold - pred), sorted(pred - gold)
    if missed and spurious:
        pairs += [(g, p) for g in missed for p in spurious]
    else:
        pairs += [(g, NONE) for g in missed] + [(NONE, p) for p in spurious]
    return pairs


def frame_confusion(pairs: list[tuple[str, str]], labels: Sequence[str]) -> pd.DataFrame:
    """Gold frame × predicted frame counts (``(none)`` for no frame), as a tidy table.

    Examples
    --------
    >>> t = frame_confusion([("a", "a"), ("a", "b"), ("(none)", "b")], ["a", "b"])
    >>> t[t["count"] > 0].values.tolist()
    [['a', 'a', 1], ['a', 'b', 1], ['(none)', 'b', 1]]
    """
    names = [*labels, NONE]
    index = pd.MultiIndex.from_product([names, names], names=["gold", "predicted"])
    frame = pd.DataFrame(pairs, columns=["gold", "predicted"])
    counts = frame.groupby(["gold", "predicted"]).size().reindex(index, fill_value=0)
    return counts.rename("count").reset_index().astype({"count": "int64"})


def score_frames(texts: Mapping[str, str | None], docs: list[GoldDocument], doc_ids: Mapping[str, str],
                 sentences: pd.DataFrame, hits: pd.DataFrame,
                 frame_ids: Sequence[str]) -> tuple[list[dict], list[dict], list[tuple[str, str]]]:
    """Counts, errors and confusion pairs of task ``frames`` (rule in the module docstring).

    ``hits`` is the output of :func:`kuril_research.coding.framing.frames` on the built gold articles.
    """
    counts, errors, pairs = [], [], []
    for doc in docs:
        if doc.sentences is None:
            continue
        doc_id = doc_ids[doc.file]
        text = texts.get(doc_id)
        doc_sents = sentences[sentences["doc_id"] == doc_id]
        doc_hits = hits[hits["doc_id"] == doc_id]
        tally = {f: [0, 0, 0] for f in frame_ids}
        for g in doc.sentences:
            gold = set(g.frames)
            placed = _place(text, doc_sents, g)
            if isinstance(placed, str):
                pred: set[str] = set()
                for f in sorted(gold):
                    errors.append(_error(doc.file, "frames", f, g.context, None, f, placed))
            else:
                pred = set(doc_hits.loc[doc_hits["sent_id"].isin(placed[0]), "frame"].astype(str))
                for f in sorted(gold - pred):
                    errors.append(_error(doc.file, "frames", f, g.context, ", ".join(sorted(pred)) or None, f,
                                         "frame missed"))
                for f in sorted(pred - gold):
                    errors.append(_error(doc.file, "frames", f, g.context, f, ", ".join(sorted(gold)) or None,
                                         "frame not in the gold"))
                pairs += _confusion_pairs(gold, pred)
            _set_counts(doc_id, "frames", frame_ids, gold, pred, tally)
        for label, (tp, fp, fn) in tally.items():
            counts.append(_row(doc_id, "frames", label, "prf", tp, fp, fn))
        counts.append(_row(doc_id, "frames", "micro", "prf", *(sum(v[i] for v in tally.values()) for i in range(3))))
    return counts, errors, pairs


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def score_trade(texts: Mapping[str, str | None], docs: list[GoldDocument], doc_ids: Mapping[str, str],
                sentences: pd.DataFrame, mentions: pd.DataFrame, figures: pd.DataFrame,
                category_ids: Sequence[str]) -> tuple[list[dict], list[dict]]:
    """Counts and errors of tasks ``trade``, ``trade_polarity`` and ``quantities`` (rules in the module docstring).

    ``mentions`` is :func:`kuril_research.coding.trade.trade_mentions`, ``figures``
    :func:`kuril_research.coding.trade.quantities`, both on the built gold articles.
    """
    counts, errors = [], []
    has_kind = "kind" in figures.columns
    for doc in docs:
        if doc.sentences is None:
            continue
        doc_id = doc_ids[doc.file]
        text = texts.get(doc_id)
        doc_sents = sentences[sentences["doc_id"] == doc_id]
        doc_mentions = mentions[mentions["doc_id"] == doc_id]
        doc_figures = figures[figures["doc_id"] == doc_id]
        tally = {c: [0, 0, 0] for c in category_ids}
        polarity = [0, 0]
        quantity = {k: [0, 0] for k in ("value", "unit", "kind", "direction")}
        for g in doc.sentences:
            gold = {t.category for t in g.trade}
            placed = _place(text, doc_sents, g)
            if isinstance(placed, str):
                _set_counts(doc_id, "trade", category_ids, gold, set(), tally)
                for t in g.trade:
                    errors.append(_error(doc.file, "trade", t.category, g.context, None, t.category, placed))
                continue
            sent_ids, s_start, s_end = placed
            found = doc_mentions[doc_mentions["sent_id"].isin(sent_ids)].sort_values("start")
            pred = set(found["category"].astype(str))
            _set_counts(doc_id, "trade", category_ids, gold, pred, tally)
            for c in sorted(gold - pred):
                errors.append(_error(doc.file, "trade", c, g.context, ", ".join(sorted(pred)) or None, c,
                                     "category missed"))
            for c in sorted(pred - gold):
                errors.append(_error(doc.file, "trade", c, g.context, c, ", ".join(sorted(gold)) or None,
                                     "category not in the gold"))
            used: set[int] = set()
            sent_figures = doc_figures[doc_figures["sent_id"].isin(sent_ids)]
            for t in g.trade:
                cue = context_regex(t.cue).search(text, s_start, s_end)
                cue_span = (cue.start(), cue.end()) if cue else (s_start, s_start)
                candidates = [(i, r) for i, r in enumerate(found.itertuples(index=False))
                              if str(r.category) == t.category and i not in used]
                if not candidates:
                    continue  # the category miss is already counted and listed
                best = max(candidates, key=lambda c: (_overlap(cue_span, (int(c[1].start), int(c[1].end))), -c[0]))
                used.add(best[0])
                got = str(best[1].polarity)
                polarity[0 if got == t.polarity else 1] += 1
                if got != t.polarity:
                    errors.append(_error(doc.file, "trade_polarity", t.category, t.cue, f"{best[1].surface}: {got}",
                                         t.polarity, "wrong polarity"))
                if t.quantity is not None:
                    _score_quantity(doc.file, t, cue_span, sent_figures, has_kind, quantity, errors)
        for label, (tp, fp, fn) in tally.items():
            counts.append(_row(doc_id, "trade", label, "prf", tp, fp, fn))
        counts.append(_row(doc_id, "trade", "micro", "prf", *(sum(v[i] for v in tally.values()) for i in range(3))))
        counts.append(_row(doc_id, "trade_polarity", "polarity", "accuracy", polarity[0], 0, polarity[1]))
        for label, (right, wrong) in quantity.items():
            counts.append(_row(doc_id, "quantities", label, "accuracy", right, 0, wrong))
    return counts, errors


def _score_quantity(file: str, t, cue_span: tuple[int, int], figures: pd.DataFrame, has_kind: bool,
                    tally: dict[str, list[int]], errors: list[dict]) -> None:
    want = t.quantity
    base, scale = gold_unit(want["unit"])
    value = want["value"] * scale
    rows = figures.to_dict("records")

    def same_value(r: dict) -> bool:
        got = r.get("value")
        return got is not None and not pd.isna(got) and math.isclose(float(got), value, rel_tol=1e-9)

    if not rows:
        for label in tally:
            tally[label][1] += 1
        errors.append(_error(file, "quantities", "all", t.cue, None, _describe(want),
                             "no figure found in the sentence"))
        return
    best = max(rows, key=lambda r: (same_value(r), str(r.get("category")) == t.category,
                                    -abs(int(r["start"]) - cue_span[0])))
    got_kind = best.get("kind") if has_kind else None
    checks = {
        "value": (same_value(best), best.get("value"), value, "wrong value"),
        "unit": (str(best.get("unit")) == base, best.get("unit"), base, "wrong unit"),
        "kind": (has_kind and got_kind == want["kind"], got_kind, want["kind"],
                 "wrong level/change" if has_kind else "the library reports no level/change"),
        "direction": (predicted_direction(best) == want["direction"], predicted_direction(best), want["direction"],
                      "wrong direction"),
    }
    for label, (ok, got, expected, reason) in checks.items():
        tally[label][0 if ok else 1] += 1
        if not ok:
            errors.append(_error(file, "quantities", label, t.cue, f"{got} ({best.get('text')})", expected, reason))


def _describe(quantity: dict) -> str:
    return f"{quantity['value']} {quantity['unit']} {quantity['kind']} {quantity['direction']}"

