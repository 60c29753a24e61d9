"""``kuril-research evaluate``: print the scores, write them as CSV and a measurement record.

The scoring is :func:`kuril_research.evaluate.evaluate` (the gold-corpus
harness, a stage below); this module is only its command-line front end, which
:mod:`kuril_research.publish.cli` calls, so it lives with the other commands.

Exit codes as the rest of the command line: 0 success, 2 bad gold or usage
(the message names the file, line and field), 130 interrupted.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from kuril_research import config
from kuril_research.errors import ParameterError
from kuril_research.evaluate import Evaluation, evaluate
from kuril_research.evaluate.record import make_record, write_record
from kuril_research.publish.csv_writer import write_csv

__all__ = ["format_scores", "write_outputs", "cli_evaluate", "OUTPUT_FILES"]

OUTPUT_FILES = ("scores.csv", "errors.csv", "confusion_voice.csv", "confusion_frames.csv")


def format_scores(ev: Evaluation) -> str:
    """The score table as text, one block per task; labels with neither gold nor prediction are left out.

    ``score`` is F1 (P/R/F rows) or accuracy; ``95% CI`` its bootstrap interval.
    """
    table = ev.summary()
    empty = (table["n_gold"].fillna(0) == 0) & (table["n_pred"].fillna(0) == 0)
    table = table[~empty]
    blocks = [f"{len(ev.documents)} {ev.split} documents; gold sha256 {ev.gold_sha256[:12]}"]
    for task, rows in table.groupby("task", sort=False):
        shown = rows.drop(columns="task").copy()
        shown["95% CI"] = [("" if pd.isna(lo) else f"[{lo:.3f}, {hi:.3f}]")
                           for lo, hi in zip(shown.pop("ci_low"), shown.pop("ci_high"))]
        if shown["n_pred"].isna().all():
            shown = shown.drop(columns=["n_pred", "precision", "recall"]).rename(columns={"tp": "right",
                                                                                      "score": "accuracy"})
        else:
            shown = shown.rename(columns={"score": "f1"})
        shown = shown.astype(object).where(shown.notna(), "-")
        blocks.append(f"\n{task}\n" + shown.to_string(index=False))
    return "\n".join(blocks)


def write_outputs(ev: Evaluation, out_dir: str | Path) -> list[Path]:
    """Write :data:`OUTPUT_FILES` into ``out_dir`` (created if needed); return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    frames = (ev.scores, ev.errors, ev.confusion["voice"], ev.confusion["frames"])
    paths = []
    for name, frame in zip(OUTPUT_FILES, frames):
        write_csv(frame, out / name)
        paths.append(out / name)
    return paths


def cli_evaluate(args) -> int:
    """Run ``kuril-research evaluate`` with parsed arguments; return the exit code."""
    measured = dt.date.today()
    if args.date is not None:
        try:
            measured = dt.date.fromisoformat(args.date)
        except ValueError:
            raise ParameterError(f"--date {args.date!r} is not a date", field="--date",
                                 hint="write it as YYYY-MM-DD") from None
    ev = evaluate(args.gold_dir if args.gold_dir is not None else config.gold_dir(), split=args.split)
    print(format_scores(ev))
    print(f"\n{len(ev.errors)} errors" + (f" (list: {Path(args.out) / 'errors.csv'})" if args.out else
                                         " (write them with --out DIR)"))
    if args.out:
        write_outputs(ev, args.out)
        print(f"wrote {', '.join(OUTPUT_FILES)} -> {args.out}")
    if args.record:
        write_record(make_record(ev.scores, split=ev.split, gold_sha256=ev.gold_sha256, measured=measured),
                     args.record)
        print(f"wrote the measurement record -> {args.record}")
    return 0
