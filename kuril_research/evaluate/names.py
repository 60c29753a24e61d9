"""Score names, voices, speakers, titles, standfirsts, datelines and furniture against ``annotations/*.yaml``.

Each scorer takes the built corpus of the gold articles and the gold
documents, and returns per-document counts (:mod:`kuril_research.evaluate.scores`)
and error rows (``file, task, label, context, got, want, reason``).

Definitions
-----------
mentions (task ``mentions``)
    Scored types: ``island, island_group, collective_name, archipelago``
    (pooled as label ``territory``) and ``document``. A predicted mention (table
    ``mentions``) of a scored type is a TP when its span (``start, end``)
    equals the span of a gold mention of the same entity; every other
    predicted mention of a scored type is an FP — including one inside a gold
    ``not_territory`` span (an organisation or a homonymous place). A gold
    mention not matched is an FN (also when its context cannot be placed in
    the parsed text). TP and FN count under the gold type, FP under the
    predicted type. Label ``not_territory`` (an accuracy): a gold
    not-territory span is right when no territory mention lies inside it.
voice (task ``voice``)
    Over gold mentions whose span was found (a predicted mention with the
    same start and end, whatever its entity): per class narrator, quoted,
    attributed, a mention with gold voice ``g`` and predicted voice ``v`` is a
    TP of ``g`` when ``g == v``, else an FN of ``g`` and an FP of ``v``.
    Label ``attributed_side`` (accuracy): over mentions that are attributed in
    the gold and predicted attributed, whether the predicted subject's side
    (``voice.yaml`` ``sides``: japanese → japan, russian → russia) is the gold
    ``side``.
speakers (task ``speakers``, accuracy)
    For each gold quotation, the predicted quotation whose span contains the
    context's quoted part (:func:`quoted_part`: the whole context, or, when
    the annotator reached past a quotation mark to make it unique, the words
    inside the marks). Right when the predicted speaker's gazetteer id equals
    ``speaker_entity``, or when the predicted speaker as written (column
    ``speaker_text`` of ``quotes`` if the build has it, else the gazetteer
    label of ``speaker``) shares a head word with the gold ``speaker``
    (:func:`speaker_keys`: the last word, or the word before a preposition,
    relative pronoun or participle that describes the speaker further). A gold speaker ``null`` is right when nothing is
    predicted (no quotation, or one without a speaker).
titles, standfirsts, datelines (accuracy)
    ``documents.title`` / ``.standfirst`` / ``.dateline`` equal to the gold
    after :func:`normalise_line`; a gold ``null`` is right when the build has none.
furniture (accuracy)
    The share of gold furniture lines that are absent from ``documents.text``
    (white space normalised). A line of three or more words is left in when it
    occurs anywhere in the body; a line of one or two words ("TASS", "World",
    "Kuril Islands") only when it is a whole line of the body, since such words
    also occur in the story's own sentences.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from kuril_research.evaluate.compare import normalise_line, quoted_part, speaker_key, speaker_keys, speakers_match
from kuril_research.evaluate.gold import MISSING, TERRITORY_TYPES, VOICES, GoldDocument, context_regex, locate

__all__ = ["SCORED_TYPES", "normalise_line", "speaker_key", "speaker_keys", "speakers_match", "score_mentions", "score_voice",
           "score_speakers", "score_titles", "score_furniture", "voice_confusion"]

SCORED_TYPES = (*TERRITORY_TYPES, "document")
_SPACE_RE = re.compile(r"\s+")
#: A furniture line with fewer words than this is looked for as a whole line of the body, not as a phrase.
SHORT_FURNITURE_WORDS = 3
#: A furniture line with fewer words than this (and at least :data:`SHORT_FURNITURE_WORDS`) is looked for as a
#: phrase that opens a line or follows a sentence's end: a masthead or footer naming a body ("Japan Coast Guard")
#: is no furniture left in when the story's sentences name that body ("The Japan Coast Guard dispatched ...").
NAME_FURNITURE_WORDS = 6
_SIDE_OF_NAMING = {"japanese": "japan", "russian": "russia"}


def _row(doc_id: str, task: str, label: str, kind: str, tp: int = 0, fp: int = 0, fn: int = 0) -> dict:
    return {"doc_id": doc_id, "task": task, "label": label, "kind": kind, "tp": tp, "fp": fp, "fn": fn}


def _error(file: str, task: str, label: str, context: str | None, got: object, want: object, reason: str) -> dict:
    return {"file": file, "task": task, "label": label, "context": context, "got": None if got is None else str(got),
            "want": None if want is None else str(want), "reason": reason}


def _place(text: str | None, context: str, surface: str | None = None) -> tuple[int, int] | str:
    """Span of ``surface`` (or of the whole context) in ``text``, or why it cannot be placed."""
    if text is None:
        return "the build did not make the article a document"
    where = locate(text, context)
    if isinstance(where, str):
        return where
    if surface is None:
        return where
    found = context_regex(surface).search(text, where[0], where[1])
    return (found.start(), found.end()) if found else "surface not found inside the placed context"


def _leftover(text: str | None, doc: GoldDocument, span: tuple[int, int]) -> str:
    """Why a predicted mention has no gold counterpart: it lies in page furniture or a heading left in the body."""
    for what, lines in (("furniture", doc.furniture or []), ("the title", [doc.title]),
                        ("the standfirst", [doc.standfirst])):
        for line in lines:
            if text and isinstance(line, str) and line != MISSING and line.strip():
                if any(m.start() <= span[0] and span[1] <= m.end() for m in context_regex(line.strip()).finditer(text)):
                    return f"in {what} left in the body"
    return "not a mention in the gold"


def _doc_rows(frame: pd.DataFrame, doc_id: str) -> pd.DataFrame:
    return frame[frame["doc_id"] == doc_id]


def score_mentions(texts: Mapping[str, str | None], docs: list[GoldDocument], doc_ids: Mapping[str, str],
                   mentions: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    """Counts and errors of task ``mentions`` (see the module docstring for the rule).

    Parameters
    ----------
    texts : mapping
        doc_id → ``documents.text`` (None when the build rejected the article).
    docs : list of GoldDocument
        Gold documents; those whose ``mentions`` are None (not annotated) are skipped.
    doc_ids : mapping
        Gold file name → doc_id of the build.
    mentions : DataFrame
        Table ``mentions`` of the build.

    Returns
    -------
    (list of dict, list of dict)
        Count rows and error rows.
    """
    counts, errors = [], []
    for doc in docs:
        if doc.mentions is None:
            continue
        doc_id = doc_ids[doc.file]
        text = texts.get(doc_id)
        tally = {label: [0, 0, 0] for label in SCORED_TYPES}
        gold_spans: dict[tuple[int, int], object] = {}
        blocked: list[tuple[int, int, object]] = []
        for g in doc.mentions:
            where = _place(text, g.context, g.surface)
            if g.type == "not_territory":
                if isinstance(where, tuple):
                    blocked.append((*where, g))
                else:
                    errors.append(_error(doc.file, "mentions", "not_territory", g.context, None, g.surface, where))
                continue
            if isinstance(where, str):
                tally[g.type][2] += 1
                errors.append(_error(doc.file, "mentions", g.type, g.context, None, f"{g.surface} ({g.entity})", where))
                continue
            gold_spans[where] = g
        predicted = _doc_rows(mentions, doc_id)
        predicted = predicted[predicted["entity_type"].isin(SCORED_TYPES)]
        matched: set[tuple[int, int]] = set()
        inside_blocked: dict[int, list] = {}
        for p in predicted.itertuples(index=False):
            span = (int(p.start), int(p.end))
            g = gold_spans.get(span)
            if g is not None and g.entity == p.entity and span not in matched:
                matched.add(span)
                tally[g.type][0] += 1
                continue
            tally[p.entity_type][1] += 1
            holder = next((b for b in blocked if b[0] <= span[0] and span[1] <= b[1]), None)
            if holder is not None and p.entity_type in TERRITORY_TYPES:
                inside_blocked.setdefault(id(holder[2]), []).append(p.surface)
                reason = "territory mention inside a not_territory span"
                want, context = f"no territory mention ({holder[2].surface})", holder[2].context
            elif g is not None:
                reason, want, context = "wrong entity", f"{g.surface} ({g.entity})", g.context
            else:
                overlap = next((gg for (s, e), gg in gold_spans.items() if s < span[1] and span[0] < e), None)
                reason = "span differs from the gold span" if overlap is not None else _leftover(text, doc, span)
                want = None if overlap is None else f"{overlap.surface} ({overlap.entity})"
                context = None if overlap is None else overlap.context
            errors.append(_error(doc.file, "mentions", p.entity_type, context, f"{p.surface} ({p.entity})", want,
                                 reason))
        for span, g in gold_spans.items():
            if span not in matched:
                tally[g.type][2] += 1
                same = predicted[(predicted["start"] < span[1]) & (predicted["end"] > span[0])]
                got = "; ".join(f"{r.surface} ({r.entity})" for r in same.itertuples()) or None
                errors.append(_error(doc.file, "mentions", g.type, g.context, got, f"{g.surface} ({g.entity})",
                                     "gold mention not found" if got is None else "found with another span or entity"))
        for label, (tp, fp, fn) in tally.items():
            counts.append(_row(doc_id, "mentions", label, "prf", tp, fp, fn))
        territory = [sum(tally[t][i] for t in TERRITORY_TYPES) for i in range(3)]
        counts.append(_row(doc_id, "mentions", "territory", "prf", *territory))
        right = sum(1 for b in blocked if id(b[2]) not in inside_blocked)
        counts.append(_row(doc_id, "mentions", "not_territory", "accuracy", right, 0, len(blocked) - right))
    return counts, errors


def score_voice(texts: Mapping[str, str | None], docs: list[GoldDocument], doc_ids: Mapping[str, str],
                mentions: pd.DataFrame, sides: Mapping[str, str]) -> tuple[list[dict], list[dict], list[dict]]:
    """Counts, errors and (gold, predicted) voice pairs of task ``voice`` (rule in the module docstring).

    ``sides`` maps a subject entity to its naming side (``voice.yaml``
    ``sides``, e.g. ``tokyo`` → ``japanese``).
    """
    counts, errors, pairs = [], [], []
    for doc in docs:
        if doc.mentions is None:
            continue
        doc_id = doc_ids[doc.file]
        text = texts.get(doc_id)
        predicted = _doc_rows(mentions, doc_id)
        by_span = {(int(r.start), int(r.end)): r for r in predicted.itertuples(index=False)}
        tally = {v: [0, 0, 0] for v in VOICES}
        side_right = side_wrong = 0
        for g in doc.mentions:
            where = _place(text, g.context, g.surface)
            p = by_span.get(where) if isinstance(where, tuple) else None
            if p is None:
                continue
            got = str(p.voice)
            pairs.append({"gold": g.voice, "predicted": got})
            if got == g.voice:
                tally[g.voice][0] += 1
            else:
                tally[g.voice][2] += 1
                if got in tally:
                    tally[got][1] += 1
                errors.append(_error(doc.file, "voice", g.voice, g.context, f"{p.surface}: {got}",
                                     f"{g.surface}: {g.voice}", "wrong voice"))
            if g.voice == "attributed" and got == "attributed" and g.side is not None:
                speaker = None if pd.isna(p.speaker) else str(p.speaker)
                side = speaker if speaker in ("japan", "russia") else _SIDE_OF_NAMING.get(sides.get(speaker or "", ""))
                if side == g.side:
                    side_right += 1
                else:
                    side_wrong += 1
                    errors.append(_error(doc.file, "voice", "attributed_side", g.context, f"{speaker} ({side})",
                                         g.side, "attributed to the wrong side"))
        for label, (tp, fp, fn) in tally.items():
            counts.append(_row(doc_id, "voice", label, "prf", tp, fp, fn))
        counts.append(_row(doc_id, "voice", "attributed_side", "accuracy", side_right, 0, side_wrong))
    return counts, errors, pairs


def voice_confusion(pairs: list[dict]) -> pd.DataFrame:
    """Gold voice (rows) × predicted voice (columns) over found mentions, as a tidy table.

    Examples
    --------
    >>> voice_confusion([{"gold": "attributed", "predicted": "narrator"}]).query("count > 0")
             gold predicted  count
    6  attributed  narrator      1
    """
    index = pd.MultiIndex.from_product([VOICES, VOICES], names=["gold", "predicted"])
    frame = pd.DataFrame(pairs, columns=["gold", "predicted"])
    counts = frame.groupby(["gold", "predicted"]).size().reindex(index, fill_value=0)
    return counts.rename("count").reset_index().astype({"count": "int64"})


def score_speakers(texts: Mapping[str, str | None], docs: list[GoldDocument], doc_ids: Mapping[str, str],
                   quotes: pd.DataFrame, labels: Mapping[str, str]) -> tuple[list[dict], list[dict]]:
    """Counts and errors of task ``speakers`` (rule in the module docstring).

    ``labels`` maps a gazetteer id to its label, the fallback "as written" when
    ``quotes`` has no ``speaker_text`` column.
    """
    counts, errors = [], []
    has_text = "speaker_text" in quotes.columns
    for doc in docs:
        if doc.quotes is None:
            continue
        doc_id = doc_ids[doc.file]
        text = texts.get(doc_id)
        predicted = _doc_rows(quotes, doc_id)
        right = wrong = 0
        for g in doc.quotes:
            where = _place(text, g.context)
            if isinstance(where, str):
                ok, got, reason = False, None, where
            else:
                inside = quoted_part(text[where[0]:where[1]])
                where = (where[0] + inside[0], where[0] + inside[1])
                holder = predicted[(predicted["start"] <= where[0]) & (predicted["end"] >= where[1])]
                if holder.empty:
                    got_id = got = None
                    reason = "no predicted quotation contains the context"
                else:
                    q = holder.iloc[0]
                    got_id = None if pd.isna(q["speaker"]) else str(q["speaker"])
                    written = q["speaker_text"] if has_text else None
                    got = (None if written is None or pd.isna(written) or not str(written).strip() else str(written))
                    if got is None and got_id is not None:
                        got = labels.get(got_id, got_id)
                    reason = "wrong speaker" if got is not None else "no speaker predicted"
                if g.speaker is None:
                    ok = got is None and got_id is None
                    reason = "a speaker where the text names none"
                else:
                    ok = (got_id is not None and got_id == g.speaker_entity) or speakers_match(got, g.speaker)
            if ok:
                right += 1
            else:
                wrong += 1
                errors.append(_error(doc.file, "speakers", "speaker", g.context, got, g.speaker, reason))
        counts.append(_row(doc_id, "speakers", "speaker", "accuracy", right, 0, wrong))
    return counts, errors


def score_titles(docs: list[GoldDocument], doc_ids: Mapping[str, str],
                 documents: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    """Counts and errors of tasks ``titles``, ``standfirsts`` and ``datelines`` (exact after :func:`normalise_line`)."""
    counts, errors = [], []
    by_id = documents.set_index("doc_id")
    for doc in docs:
        doc_id = doc_ids[doc.file]
        for task, column, want in (("titles", "title", doc.title), ("standfirsts", "standfirst", doc.standfirst),
                                   ("datelines", "dateline", doc.dateline)):
            if isinstance(want, str) and want == MISSING:
                continue
            got = by_id.at[doc_id, column] if doc_id in by_id.index else None
            ok = normalise_line(got) == normalise_line(want)
            counts.append(_row(doc_id, task, column, "accuracy", int(ok), 0, int(not ok)))
            if not ok:
                errors.append(_error(doc.file, task, column, None, normalise_line(got), want,
                                     f"{column} differs" if doc_id in by_id.index else "article not built"))
    return counts, errors


def score_furniture(texts: Mapping[str, str | None], docs: list[GoldDocument],
                    doc_ids: Mapping[str, str]) -> tuple[list[dict], list[dict]]:
    """Counts and errors of task ``furniture``: each gold furniture line is right when absent from the body (a line
    of under :data:`SHORT_FURNITURE_WORDS` words: no whole line of the body reads it; under
    :data:`NAME_FURNITURE_WORDS`: no line opens with it nor sentence's end precedes it; longer: no phrase of the body
    reads it)."""
    counts, errors = [], []
    for doc in docs:
        if doc.furniture is None:
            continue
        doc_id = doc_ids[doc.file]
        text = texts.get(doc_id) or ""
        body = _SPACE_RE.sub(" ", text)
        lines = [_SPACE_RE.sub(" ", x).strip() for x in text.splitlines()]
        body_lines, joined = set(lines), "\n".join(lines)
        right = 0
        for line in doc.furniture:
            flat = _SPACE_RE.sub(" ", line).strip()
            words = len(flat.split())
            if words < SHORT_FURNITURE_WORDS:
                left = flat in body_lines
            elif words < NAME_FURNITURE_WORDS:
                left = re.search(rf"(?:^|(?<=\n)|(?<=[.!?:;…\"”’)\]] )){re.escape(flat)}(?=$|\s|[.,;:!?])", joined) \
                    is not None
            else:
                left = flat in body
            if left:
                errors.append(_error(doc.file, "furniture", "furniture", flat, "in the body", "removed",
                                     "furniture line left in the body"))
            else:
                right += 1
        counts.append(_row(doc_id, "furniture", "furniture", "accuracy", right, 0, len(doc.furniture) - right))
    return counts, errors
