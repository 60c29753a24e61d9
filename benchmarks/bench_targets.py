"""Measure the figures of issue #17, each beside its peer, in one run: ``make bench``.

Run::

    .venv/bin/python benchmarks/bench_targets.py [--sizes 10000 100000] [--jobs 1 2]
                                                 [--out benchmarks/out] [--corpora benchmarks/corpora]
                                                 [--seed 0] [--built DIR] [--skip-build]

For each corpus size N it takes the generated corpus of ``benchmarks/generate_corpus.py``
(cached in ``--corpora`` as ``bench_build.py`` caches it) and measures, every
measurement in a child process of its own whose peak memory is the largest summed
RSS of its process tree (``bench_build.measure``):

* **the peer**: scikit-learn ``CountVectorizer().fit_transform`` on the same
  texts (reading the files included), its seconds the unit of every ratio;
* **the build**, ``write_corpus(raw, manifest, out, jobs=j)`` (what
  ``kuril-research build --jobs j`` runs) for each ``j`` of ``--jobs``; its
  throughput as a ratio of CountVectorizer's (CV seconds ÷ build seconds).
  The corpus written with the first ``j`` is the one analysed below
  (``--built DIR`` analyses an existing build instead, ``--skip-build`` then
  skips timing the build);
* **loading**: ``load_corpus`` in a fresh process, twice: the first writes the
  Arrow cache, the second is what every notebook and JupyterLab session does;
* **the cue coding step**, ``kuril-research code --corpus DIR`` after removing the
  corpus's stored cue codings (``.arrow-cache/cues-*``): the frame and trade cue tables
  each lexicon codes once per corpus (:mod:`kuril_research.coding.cue_store`), which
  the notebooks below then read instead of coding; its own row, wall time and peak
  RSS, as a ratio of CountVectorizer's seconds (no target: it runs once per corpus and
  lexicon, not per report);
* **each report notebook** 01–04: ``kuril-research report NB --corpus DIR --out
  TMP --force`` (kernel start, every table and figure, HTML), wall time and peak
  RSS of the whole process tree, and its time as a ratio of CountVectorizer's;
* **each JupyterLab call** after ``load_corpus``, in a fresh process per call:
  the first call and a second, warm one (:data:`CALLS`). A call that codes cues
  (:data:`CUE_CALLS`) is measured twice: first after removing the corpus's stored
  cue codings (``.arrow-cache/cues-*``, :mod:`kuril_research.coding.cue_store`), so
  that it scans and stores them (row "..., not stored yet"), then in another fresh
  process that reads them (the rows every later notebook and session sees).

Targets (printed ✓/✗, none fails the command): each notebook < 0.5×
CountVectorizer's seconds and < 2 GB peak; each call < 5 s first and < 1 s warm;
build ≥ 0.5× CountVectorizer's throughput on one process and ≥ 1.8× that (0.9×)
on two. Ratios are comparable only within one run: the machine may be shared.

Writes ``OUT/results.json`` (every row, the machine, the load average) and
``OUT/results.md`` (the table printed at the end).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench_build import _machine, corpus_for, measure, snapshot_package
from bench_summary import MB, num

__all__ = ["CALLS", "CUE_CALLS", "CODING_NOTEBOOKS", "NOTEBOOKS", "TARGETS", "main", "rows_for", "to_markdown"]

HERE = Path(__file__).resolve().parent
DEFAULT_SIZES = [10_000, 100_000]
DEFAULT_JOBS = [1, 2]
NOTEBOOKS = ["01", "02", "03", "04"]
#: The JupyterLab calls timed after ``load_corpus``: name → Python expression on ``kr`` and ``corpus``.
CALLS = {
    "kwic": 'kr.frequency.kwic(corpus, "iturup")',
    "word_list_by_outlet": 'kr.frequency.word_list(corpus, by="outlet")',
    "keyness": "kr.frequency.keyness(corpus, (\"outlet\", OUTLET))",
    "naming_stance_by_outlet": 'kr.framing.naming_stance(corpus, by="outlet")',
    "frames": "kr.framing.frames(corpus)",
    "trade_mentions": "kr.trade.trade_mentions(corpus)",
}
#: The calls whose first call in a process reads the cue codings stored by an earlier one (or codes and stores them).
CUE_CALLS = ("frames", "trade_mentions")
#: Notebooks that read the cue tables: before them the bench times ``kuril-research code`` on its own row.
CODING_NOTEBOOKS = ("03", "04")
TARGETS = {
    "build_1_vs_cv": 0.5,          # build throughput ÷ CountVectorizer's, one process: at least
    "build_2_vs_1": 1.8,           # two processes' throughput ÷ one process's target ratio: at least
    "notebook_vs_cv": 0.5,         # notebook seconds ÷ CountVectorizer seconds: below
    "notebook_peak_mb": 2048.0,    # peak RSS of the notebook's process tree: below
    "call_first_s": 5.0,
    "call_warm_s": 1.0,
}


# ------------------------------------------------------------------------------------------- rows


def _row(n: int, figure: str, seconds: float | None, peer_seconds: float | None, *, ratio: float | None,
         ratio_means: str, target: str, met: bool | None, peak_mb: float | None = None, error: str | None = None,
         **extra) -> dict:
    return {"n": n, "figure": figure, "seconds": seconds, "peak_rss_mb": peak_mb,
            "peer": "CountVectorizer fit_transform", "peer_seconds": peer_seconds, "ratio": ratio,
            "ratio_means": ratio_means, "target": target, "met": met, "error": error, **extra}


def _div(a: float | None, b: float | None) -> float | None:
    return a / b if a and b else None


def rows_for(n: int, cv: dict, builds: dict[int, dict], notebooks: dict[str, dict], calls: dict[str, dict],
             code: dict | None = None) -> list:
    """Turn the measurements of one corpus size into table rows, each with its peer and its target judged.

    Parameters
    ----------
    n : int
        Number of articles.
    cv : dict
        The CountVectorizer measurement (``seconds``, ``peak_rss_mb``).
    builds : dict
        Processes → build measurement (may be empty when the build was skipped).
    notebooks : dict
        Notebook name → measurement (``seconds``, ``peak_rss_mb``).
    calls : dict
        Call name → measurement (``first_seconds``, ``warm_seconds``, ``peak_rss_mb``).
    code : dict, optional
        The cue coding step's measurement (``seconds``, ``peak_rss_mb``), run before the notebooks.

    Returns
    -------
    list of dict
        One row per figure: ``figure``, ``seconds``, ``peak_rss_mb``, ``peer``,
        ``peer_seconds``, ``ratio`` (and what it means), ``target``, ``met``.

    Examples
    --------
    >>> rows = rows_for(10, {"seconds": 2.0, "peak_rss_mb": 100.0}, {1: {"seconds": 4.0, "peak_rss_mb": 1.0}},
    ...                 {"02": {"seconds": 0.5, "peak_rss_mb": 3000.0}},
    ...                 {"kwic": {"first_seconds": 2.0, "warm_seconds": 0.1, "peak_rss_mb": 1.0}})
    >>> [(r["figure"], r["ratio"], r["met"]) for r in rows]  # doctest: +NORMALIZE_WHITESPACE
    [('CountVectorizer fit_transform (peer)', 1.0, None), ('build, 1 process', 0.5, True),
     ('report 02', 0.25, False), ('kwic, first call', 1.0, True), ('kwic, warm call', 0.05, True)]
    """
    peer = cv.get("seconds")
    rows = [_row(n, "CountVectorizer fit_transform (peer)", peer, peer, ratio=_div(peer, peer),
                 ratio_means="peer", target="", met=None, peak_mb=cv.get("peak_rss_mb"), error=cv.get("error"))]
    one = builds.get(1, {}).get("seconds")
    for jobs, build in sorted(builds.items()):
        seconds = build.get("seconds")
        throughput = _div(peer, seconds)   # (texts / build s) ÷ (texts / CV s)
        if jobs == 1:
            target, met = f"≥ {TARGETS['build_1_vs_cv']}× CV", None if throughput is None else \
                throughput >= TARGETS["build_1_vs_cv"]
        else:
            goal = TARGETS["build_1_vs_cv"] * TARGETS["build_2_vs_1"]
            target, met = f"≥ {goal:.1f}× CV ({TARGETS['build_2_vs_1']} × 0.5)", None if throughput is None else \
                throughput >= goal
        rows.append(_row(n, f"build, {jobs} process{'es' if jobs > 1 else ''}", seconds, peer, ratio=throughput,
                         ratio_means="throughput ÷ CV's", target=target, met=met, peak_mb=build.get("peak_rss_mb"),
                         error=build.get("error"),
                         speedup_vs_1=_div(one, seconds) if jobs > 1 else None))
    if code:
        rows.append(_row(n, "cue coding once (kuril-research code)", code.get("seconds"), peer,
                         ratio=_div(code.get("seconds"), peer), ratio_means="seconds ÷ CV's",
                         target="(once per corpus and lexicon)", met=None, peak_mb=code.get("peak_rss_mb"),
                         error=code.get("error")))
    for name, nb in notebooks.items():
        seconds, peak = nb.get("seconds"), nb.get("peak_rss_mb")
        ratio = _div(seconds, peer)
        met = None if ratio is None or peak is None else \
            ratio < TARGETS["notebook_vs_cv"] and peak < TARGETS["notebook_peak_mb"]
        rows.append(_row(n, f"report {name}", seconds, peer, ratio=ratio, ratio_means="seconds ÷ CV's",
                         target=f"< {TARGETS['notebook_vs_cv']}× CV, < {TARGETS['notebook_peak_mb'] / 1024:.0f} GB",
                         met=met, peak_mb=peak, error=nb.get("error")))
    for name, call in calls.items():
        for when, limit in (("first", TARGETS["call_first_s"]), ("warm", TARGETS["call_warm_s"])):
            seconds = call.get(f"{when}_seconds")
            rows.append(_row(n, f"{name}, {when} call", seconds, peer, ratio=_div(seconds, peer),
                             ratio_means="seconds ÷ CV's", target=f"< {limit:g} s",
                             met=None if seconds is None else seconds < limit, peak_mb=call.get("peak_rss_mb"),
                             error=call.get("error")))
    return rows


def to_markdown(results: dict) -> str:
    """The rows of every size as one Markdown table, with the machine and the load average."""
    machine = results["machine"]
    lines = [f"# Issue #17 figures ({machine.get('cpus')} CPUs, {machine.get('memory_gb', 0):.0f} GB; "
             f"load average {machine.get('load_start', 0):.1f} at the start, "
             f"{machine.get('load_end', 0):.1f} at the end; code {machine.get('code', {}).get('commit')})", "",
             "| N | figure | seconds | peak RSS MB | CV seconds (peer) | ratio | target | met |",
             "|---:|---|---:|---:|---:|---:|---|:-:|"]
    for r in results["rows"]:
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f} ({r['ratio_means']})"
        if r.get("speedup_vs_1"):
            ratio += f"; {r['speedup_vs_1']:.2f}× 1 process"
        met = {True: "✓", False: "✗", None: ""}[r["met"]]
        seconds = "error" if r.get("error") else num(r["seconds"])
        lines.append(f"| {r['n']:,} | {r['figure']} | {seconds} | {num(r['peak_rss_mb'], ',.0f')} | "
                     f"{num(r['peer_seconds'])} | {ratio} | {r['target']} | {met} |")
    errors = [r for r in results["rows"] if r.get("error")]
    lines += [""] + [f"* error in {r['figure']} (N={r['n']:,}): {r['error'][-400:]!r}" for r in errors]
    return "\n".join(lines).rstrip() + "\n"


# ------------------------------------------------------------------------------------------- main


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Measure the figures of issue #17 (see the module docstring).")
    parser.add_argument("--sizes", type=int, nargs="+", default=DEFAULT_SIZES, help="corpus sizes (articles)")
    parser.add_argument("--jobs", type=int, nargs="+", default=DEFAULT_JOBS, help="process counts for the build")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="where results.json and results.md go")
    parser.add_argument("--corpora", type=Path, default=HERE / "corpora", help="cache of generated corpora")
    parser.add_argument("--seed", type=int, default=0, help="generator seed")
    parser.add_argument("--words", type=int, default=500, help="approximate words per article")
    parser.add_argument("--built", type=Path, nargs="+", default=None,
                        help="analyse these built corpora (one per size, in size order) instead of the build's")
    parser.add_argument("--skip-build", action="store_true", help="do not time the build (needs --built)")
    parser.add_argument("--notebooks", nargs="*", default=NOTEBOOKS, help="report notebooks to time")
    parser.add_argument("--calls", nargs="*", default=list(CALLS), help="JupyterLab calls to time")
    parser.add_argument("--live", action="store_true",
                        help="measure the package as it is at each moment, not a copy taken at the start")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return the exit code (0 even when a target is missed)."""
    args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    sizes = sorted(args.sizes)
    if min(sizes) < 1 or min(args.jobs) < 1:
        _parser().error("sizes and jobs must be at least 1")
    if args.built and len(args.built) != len(sizes):
        _parser().error("--built needs one built corpus per size")
    if args.skip_build and not args.built:
        _parser().error("--skip-build needs --built")
    unknown = set(args.calls) - set(CALLS)
    if unknown:
        _parser().error(f"unknown calls {sorted(unknown)}; choose from {list(CALLS)}")
    args.out.mkdir(parents=True, exist_ok=True)
    args.corpora.mkdir(parents=True, exist_ok=True)
    machine = _machine()
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="bench17-", dir=args.out) as scratch:
        work = Path(scratch)
        env = None
        if not args.live:
            machine["code"] = snapshot_package(work / "code")
            env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(work / "code"),
                                                                              os.environ.get("PYTHONPATH")]))}
        for i, n in enumerate(sizes):
            rows += _measure_size(n, args, work, env, built=args.built[i] if args.built else None)
            _write(args.out, machine, rows)   # partial results survive an interrupted run
    _write(args.out, machine, rows)
    print((args.out / "results.md").read_text(encoding="utf-8"))
    print(f"wrote {args.out / 'results.json'} and {args.out / 'results.md'}")
    return 0


def _say(text: str) -> None:
    print(text, flush=True)


def _measure_size(n: int, args: argparse.Namespace, work: Path, env: dict | None, *, built: Path | None) -> list:
    start = time.perf_counter()
    corpus = corpus_for(n, seed=args.seed, words=args.words, cache_dir=args.corpora)
    _say(f"N={n:,}: corpus ready in {time.perf_counter() - start:.1f} s ({corpus.bytes / MB:.1f} MB)")
    common = {"raw": str(corpus.raw_dir), "manifest": str(corpus.manifest)}
    cv = measure("countvectorizer", common, workdir=work, env=env)
    _say(f"  CountVectorizer: {num(cv.get('seconds'))} s, peak {num(cv.get('peak_rss_mb'), ',.0f')} MB")
    builds: dict[int, dict] = {}
    analysed = Path(built) if built else None
    if not args.skip_build:
        for j in args.jobs:
            out = work / f"build-{n}-{j}"
            builds[j] = measure("build", {**common, "out": str(out), "jobs": j}, workdir=work, env=env)
            _say(f"  build jobs={j}: {num(builds[j].get('seconds'))} s, "
                 f"peak {num(builds[j].get('peak_rss_mb'), ',.0f')} MB{_error(builds[j])}")
            if analysed is None and "error" not in builds[j]:
                analysed = out
            else:
                shutil.rmtree(out, ignore_errors=True)
    notebooks: dict[str, dict] = {}
    calls: dict[str, dict] = {}
    code: dict | None = None
    if analysed is not None:
        for label in ("first (writes the Arrow cache)", "again"):
            load = measure("load", {"out": str(analysed)}, workdir=work, env=env)
            _say(f"  load_corpus, {label}: {num(load.get('seconds'))} s{_error(load)}")
        if any(name in CODING_NOTEBOOKS for name in args.notebooks):
            for stored in (analysed / ".arrow-cache").glob("cues-*"):
                stored.unlink()
            code = measure("code", {"corpus": str(analysed)}, workdir=work, env=env)
            _say(f"  cue coding (kuril-research code): {num(code.get('seconds'))} s, "
                 f"peak {num(code.get('peak_rss_mb'), ',.0f')} MB{_error(code)}")
        for name in args.notebooks:
            reports = work / f"reports-{n}-{name}"
            notebooks[name] = measure("report", {"corpus": str(analysed), "name": name, "out": str(reports),
                                                 "notebooks": str(HERE.parent / "notebooks")}, workdir=work, env=env)
            shutil.rmtree(reports, ignore_errors=True)
            _say(f"  report {name}: {num(notebooks[name].get('seconds'))} s, "
                 f"peak {num(notebooks[name].get('peak_rss_mb'), ',.0f')} MB{_error(notebooks[name])}")
        for name in args.calls:
            runs = [name]
            if name in CUE_CALLS:
                for stored in (analysed / ".arrow-cache").glob("cues-*"):
                    stored.unlink()
                runs.insert(0, f"{name}, not stored yet")
            for run in runs:
                calls[run] = measure("call", {"corpus": str(analysed), "expression": CALLS[name]}, workdir=work,
                                     env=env)
                _say(f"  {run}: first {num(calls[run].get('first_seconds'))} s, "
                     f"warm {num(calls[run].get('warm_seconds'))} s{_error(calls[run])}")
        if not built:
            shutil.rmtree(analysed, ignore_errors=True)
    return rows_for(n, cv, builds, notebooks, calls, code)


def _error(measurement: dict) -> str:
    return f" ERROR {measurement['error'][-300:]}" if "error" in measurement else ""


def _write(out: Path, machine: dict, rows: list[dict]) -> None:
    machine = {**machine, "load_end": os.getloadavg()[0]}
    results = {"machine": machine, "targets_spec": TARGETS, "calls": CALLS, "rows": rows}
    (out / "results.json").write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    (out / "results.md").write_text(to_markdown(results), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
