"""Hand coding: read a hand-coded sample of sentences and frames, naming the file and line of a problem.

The sample that :func:`kuril_research.coding.framing.validate` scores the frame
coding against: a CSV file or a DataFrame with columns ``doc_id, sent_id,
frames`` (one row per coded sentence, frame ids separated by ``;``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from kuril_research.errors import InputError

__all__ = ["read_hand_coding"]


def read_hand_coding(coded: pd.DataFrame | str | Path, labels: Sequence[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read hand coding as (doc_id, sent_id, frame) pairs and the coded sentences.

    Parameters
    ----------
    coded : DataFrame or str or Path
        The hand coding, or the CSV file holding it.
    labels : sequence of str
        The valid frame ids.

    Returns
    -------
    tuple of (DataFrame, DataFrame)
        ``doc_id, sent_id, frame``, one row per coded pair (no duplicates), and
        ``doc_id, sent_id`` of every coded sentence, frames or not.

    Raises
    ------
    InputError
        For a missing file or column, a non-numeric ``sent_id``, a sentence coded
        twice, or an unknown label; for a CSV the message names the file and line.

    Examples
    --------
    >>> coded = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": ["0", "1"], "frames": ["x; y", ""]})
    >>> pairs, sentences = read_hand_coding(coded, ["x", "y"])
    >>> pairs.values.tolist(), sentences.values.tolist()
    ([['a', 0, 'x'], ['a', 0, 'y']], [['a', 0], ['a', 1]])
    """
    path = None
    if not isinstance(coded, pd.DataFrame):
        path = Path(coded)
        try:
            coded = pd.read_csv(path, dtype=str, keep_default_na=False)
        except FileNotFoundError:
            raise InputError("hand-coded file not found", path=path, hint="check the path") from None
    missing = [c for c in ("doc_id", "sent_id", "frames") if c not in coded.columns]
    if missing:
        raise InputError(f"hand coding lacks column(s) {missing}", path=path,
                         hint="give the columns doc_id, sent_id, frames (labels separated by ';')")

    def error(i: int, message: str, field: str, hint: str) -> InputError:
        # In a CSV data row i is on line i + 2 (line 1 is the header); in a DataFrame, say the row.
        if path is not None:
            return InputError(message, path=path, line=i + 2, field=field, hint=hint)
        return InputError(f"row {i}: {message}", field=field, hint=hint)

    known = set(labels)
    where = "line" if path is not None else "row"
    first: dict[tuple[str, int], int] = {}
    pairs = []
    for i, (doc_id, sent_id, cell) in enumerate(coded[["doc_id", "sent_id", "frames"]].itertuples(index=False)):
        try:
            key = (str(doc_id), int(sent_id))
        except (TypeError, ValueError):
            raise error(i, f"sent_id {sent_id!r} is not a whole number", "sent_id",
                        "give the 0-based sentence number of table sentences") from None
        if key in first:
            raise error(i, f"sentence {key[1]} of {key[0]!r} is coded twice (first on {where} {first[key]})",
                        "sent_id", "keep one row per sentence")
        first[key] = i + 2 if path is not None else i
        for label in ("" if pd.isna(cell) else str(cell)).split(";"):
            label = label.strip()
            if label and label not in known:
                raise error(i, f"unknown frame label {label!r}", "frames",
                            f"use codebook ids: {', '.join(labels)}")
            if label:
                pairs.append((*key, label))
    sentences = pd.DataFrame(list(first), columns=["doc_id", "sent_id"])
    return pd.DataFrame(pairs, columns=["doc_id", "sent_id", "frame"]).drop_duplicates(), sentences
