"""A measurement record: the scores of one evaluation, with what they were measured on.

``kuril-research evaluate GOLD --record FILE`` writes a small JSON file::

    {"measured": "2026-12-05", "split": "test", "gold_sha256": "...",
     "lexicons": {"frames.yaml": "...", "trade.yaml": "...", "gazetteer.yaml": "...", "voice.yaml": "..."},
     "package_version": "0.1.0", "scores": [{"task": ..., "label": ..., "f1": ..., ...}, ...]}

A report can then say, under a figure, how accurate the coding that drew it
was, when that was measured, and whether the lexicons have changed since
(:func:`measured_accuracy`).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kuril_research import __version__, config
from kuril_research.errors import InputError
from kuril_research.lexicons import data_path, file_sha256

__all__ = ["LEXICONS", "RECORD_NAME", "default_record_path", "lexicon_hashes", "make_record", "write_record",
           "MeasuredAccuracy", "measured_accuracy"]

#: The shipped files whose rules the scores measure; their hashes go into the record.
LEXICONS = ("frames.yaml", "trade.yaml", "gazetteer.yaml", "voice.yaml")
RECORD_NAME = "measured_accuracy.json"


def default_record_path() -> Path:
    """Where the project keeps its measurement record: ``data/measured_accuracy.json``.

    Examples
    --------
    >>> default_record_path().name
    'measured_accuracy.json'
    """
    return config.project_root() / "data" / RECORD_NAME


def lexicon_hashes() -> dict[str, str]:
    """SHA-256 of each file of :data:`LEXICONS` as shipped now.

    Examples
    --------
    >>> sorted(lexicon_hashes())
    ['frames.yaml', 'gazetteer.yaml', 'trade.yaml', 'voice.yaml']
    """
    return {name: file_sha256(data_path(name)) for name in LEXICONS}


def make_record(scores: pd.DataFrame, *, split: str, gold_sha256: str, measured: dt.date) -> dict:
    """The record of one evaluation as a JSON-ready dict (scores rounded to 4 decimals).

    Examples
    --------
    >>> s = pd.DataFrame({"task": ["titles"], "label": ["title"], "accuracy": [0.95]})
    >>> r = make_record(s, split="test", gold_sha256="ab", measured=dt.date(2026, 12, 5))
    >>> r["measured"], r["scores"]
    ('2026-12-05', [{'task': 'titles', 'label': 'title', 'accuracy': 0.95}])
    """
    rows = []
    for row in scores.to_dict("records"):
        rows.append({k: (None if v is None or v is pd.NA or (isinstance(v, float) and v != v)
                         else round(float(v), 4) if isinstance(v, float)
                         else int(v) if hasattr(v, "__int__") and not isinstance(v, str) else v)
                     for k, v in row.items()})
    return {"measured": measured.isoformat(), "split": split, "gold_sha256": gold_sha256,
            "lexicons": lexicon_hashes(), "package_version": __version__, "scores": rows}


def write_record(record: dict, path: str | Path) -> Path:
    """Write a record as sorted, indented JSON (same record, same bytes)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


@dataclass(frozen=True)
class MeasuredAccuracy:
    """One task's measured scores, read back from a record.

    Attributes
    ----------
    scores : DataFrame
        The task's rows of the score table.
    measured : datetime.date
        Date of the measurement.
    split : str
        Gold split it was measured on.
    changed : list of str
        Lexicon files whose content differs now from when it was measured
        (empty: the scores describe the rules in use).
    """

    scores: pd.DataFrame
    measured: dt.date
    split: str
    changed: list[str]

    def summary(self) -> pd.DataFrame:
        """The task's rows as a table to show under a figure: label, n_gold, precision, recall, score, interval.

        ``score`` is F1 for precision/recall rows and accuracy for the others.

        Examples
        --------
        >>> m = MeasuredAccuracy(pd.DataFrame({"task": ["frames"], "label": ["micro"], "kind": ["prf"],
        ...                                    "n_gold": [40], "precision": [0.81234], "recall": [0.7],
        ...                                    "f1": [0.752], "accuracy": [None], "ci_low": [0.7], "ci_high": [0.8]}),
        ...                      dt.date(2026, 12, 5), "test", [])
        >>> m.summary().values.tolist()
        [['micro', 40, 0.812, 0.7, 0.752, 0.7, 0.8]]
        """
        table = self.scores
        score = table["f1"].where(table["kind"] == "prf", table["accuracy"]) if "kind" in table else table["f1"]
        out = pd.DataFrame({"label": table["label"], "n_gold": table.get("n_gold"),
                            "precision": table.get("precision"), "recall": table.get("recall"), "score": score,
                            "ci_low": table.get("ci_low"), "ci_high": table.get("ci_high")})
        return out.astype({c: float for c in ("precision", "recall", "score", "ci_low", "ci_high")}).round(3)

    @property
    def note(self) -> str:
        """One sentence for a caption: when, on what, and whether it still holds."""
        when = f"Measured on {self.measured.isoformat()} on the {self.split} split of the gold corpus"
        if not self.changed:
            return when + "; the lexicons have not changed since."
        return when + f"; {', '.join(self.changed)} changed since, so re-measure (kuril-research evaluate)."


def measured_accuracy(task: str, *, record: str | Path | None = None) -> MeasuredAccuracy:
    """Read the scores of one task from a measurement record.

    Parameters
    ----------
    task : str
        A task of the score table: ``mentions``, ``voice``, ``speakers``,
        ``titles``, ``standfirsts``, ``datelines``, ``furniture``, ``frames``, ``trade``,
        ``trade_polarity``, ``quantities``.
    record : str or Path, optional
        The record; default :func:`default_record_path`.

    Returns
    -------
    MeasuredAccuracy

    Raises
    ------
    InputError
        The record is missing, not a record, or has no rows of ``task``.

    Examples
    --------
    >>> import tempfile, os
    >>> s = pd.DataFrame({"task": ["frames"], "label": ["micro"], "f1": [0.8]})
    >>> path = write_record(make_record(s, split="test", gold_sha256="ab", measured=dt.date(2026, 12, 5)),
    ...                     os.path.join(tempfile.mkdtemp(), "m.json"))
    >>> m = measured_accuracy("frames", record=path)
    >>> m.scores[["label", "f1"]].values.tolist(), m.measured, m.changed
    ([['micro', 0.8]], datetime.date(2026, 12, 5), [])
    """
    path = Path(record) if record is not None else default_record_path()
    if not path.is_file():
        raise InputError("no measurement record", path=path,
                         hint="measure first: kuril-research evaluate data/gold --record FILE")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        measured = dt.date.fromisoformat(data["measured"])
        scores = pd.DataFrame(data["scores"])
        split, hashes = data["split"], data["lexicons"]
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"not a measurement record ({type(exc).__name__}: {exc})", path=path,
                         hint="write it with kuril-research evaluate --record") from None
    rows = scores[scores["task"] == task].reset_index(drop=True) if "task" in scores else scores
    if rows.empty:
        tasks = sorted(set(scores.get("task", [])))
        raise InputError(f"the record has no scores of task {task!r}", path=path, field="task",
                         hint=f"use one of: {', '.join(tasks) or 'none (the record is empty)'}")
    now = lexicon_hashes()
    changed = [name for name in LEXICONS if hashes.get(name) != now[name]]
    return MeasuredAccuracy(rows, measured, split, changed)
