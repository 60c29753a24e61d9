"""Turn the benchmark's raw measurements into rates, ratios, judged targets and a Markdown table.

Part of ``benchmarks/bench_build.py`` (which runs the measurements, see its
docstring); kept apart because it only computes and formats: no process is
started and nothing is timed here.
"""

from __future__ import annotations

import json
import platform
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from generate_corpus import GeneratedCorpus

__all__ = ["MB", "STAGES", "STAGE_LABELS", "BUILD_STAGES", "NEAR_DUPLICATES_MAX_PCT", "TARGETS", "summarise",
           "targets", "measurements", "num", "to_markdown"]

MB = 1e6
#: Stages reported for every size, in pipeline order (``frames``/``trade`` are ``null`` when the module is absent).
STAGES = ["setup", "read", "lexicons", "parse", "sentences", "mentions", "voice", "rows", "near_duplicates", "write",
          "load", "tokens", "counts", "frames", "trade"]
STAGE_LABELS = {
    "setup": "list files, read the manifest and lexicons",
    "read": "read and decode files",
    "lexicons": "load lexicons (once per slice of files)",
    "parse": "parse and furniture",
    "sentences": "sentences (Punkt)",
    "mentions": "mentions (gazetteer)",
    "voice": "quotes and voice",
    "rows": "row assembly (dicts, then Arrow tables)",
    "near_duplicates": "near-duplicates (signatures, then grouping)",
    "write": "duplicates and Parquet writing (main process)",
    "load": "load tables (first load: Parquet, and writes the Arrow cache)",
    "tokens": "tokens (frequency.tokens)",
    "counts": "counts (frequency.word_list)",
    "frames": "frames (framing.frames)",
    "trade": "trade (trade.trade_mentions)",
}
#: The stages that make up ``write_corpus`` (``kuril-research build``); the rest load and analyse the built corpus.
BUILD_STAGES = ["setup", "read", "lexicons", "parse", "sentences", "mentions", "voice", "rows", "near_duplicates",
                "write"]
#: The near-duplicate step must add less than this share to the build (issue #11).
NEAR_DUPLICATES_MAX_PCT = 10.0
TARGETS = {
    "speed_vs_countvectorizer": 1.0,
    "speed_vs_nltk": 20.0,
    "speedup_2_vs_1": 1.8,
    "per_doc_deviation_pct": 20.0,
    "peak_rss_mb_100k": 2048.0,
}


def _rate(seconds: float | None, docs: int, size_bytes: int) -> dict:
    if not seconds:
        return {"seconds": seconds, "docs_per_s": None, "mb_per_s": None, "ms_per_doc": None}
    return {"seconds": seconds, "docs_per_s": docs / seconds, "mb_per_s": size_bytes / MB / seconds,
            "ms_per_doc": seconds / docs * 1000 if docs else None}


def _fastest(runs: list[dict]) -> dict:
    ok = [r for r in runs if "error" not in r]
    if not ok:
        return runs[0]
    best = dict(min(ok, key=lambda r: r["seconds"]))
    best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in ok)
    best["runs_seconds"] = [r["seconds"] for r in ok]
    return best


def summarise(size: int, corpus: GeneratedCorpus, stages: dict, builds: dict[int, list[dict]],
              baselines: dict[str, list[dict]], dask: list[dict] | None = None, load: dict | None = None) -> dict:
    """Turn the raw measurements of one corpus size into rates and ratios.

    Parameters
    ----------
    size : int
        Number of articles.
    corpus : GeneratedCorpus
    stages : dict
        Result of the ``stages`` child.
    builds : dict
        Jobs → results of the ``build`` child (one per repeat).
    baselines : dict
        ``countvectorizer`` / ``nltk`` → results (one per repeat).
    dask : list of dict, optional
        Results of the ``dask`` child.
    load : dict, optional
        Result of the ``load`` child: the built corpus loaded again in a fresh
        process, from the Arrow cache the first load wrote.

    Returns
    -------
    dict
        ``n``, ``corpus``, ``stages`` (name → seconds, share of the build stages,
        docs/s, MB/s), ``build`` (jobs → rates, peak memory), ``baselines``,
        ``ratios``.
    """
    docs, size_bytes = corpus.files, corpus.bytes
    stage_seconds = stages.get("seconds", {})
    build_total = sum(stage_seconds.get(s, 0.0) for s in BUILD_STAGES)
    stage_rows = {}
    analysed = stages.get("analysed", {"docs": docs, "bytes": size_bytes})
    for name in STAGES:
        seconds = stage_seconds.get(name)
        if name in BUILD_STAGES or name == "load":  # the whole corpus is loaded, then cut for the analyses
            row = _rate(seconds, docs, size_bytes)
        else:  # analyses may run on the first documents only (--analysis-docs)
            row = {**_rate(seconds, analysed["docs"], analysed["bytes"]), "docs": analysed["docs"]}
        row["share_of_build_pct"] = (seconds / build_total * 100 if seconds is not None and name in BUILD_STAGES
                                     and build_total else None)
        if seconds is None:
            row["note"] = stages.get("not_measured", {}).get(name, stages.get("error", "not measured"))
        stage_rows[name] = row
    build = {}
    for jobs, runs in builds.items():
        best = _fastest(runs)
        build[str(jobs)] = {**best, **_rate(best.get("seconds"), docs, size_bytes)}
    base = {}
    for name, runs in baselines.items():
        best = _fastest(runs)
        base[name] = {**best, **_rate(best.get("seconds"), docs, size_bytes)}
    one = build.get("1", {}).get("seconds")
    ratios: dict[str, float | None] = {}
    for name in ("countvectorizer", "nltk"):
        other = base.get(name, {}).get("seconds")
        ratios[f"speed_vs_{name}"] = other / one if one and other else None
    for jobs, row in build.items():
        if jobs != "1":
            ratios[f"speedup_{jobs}_vs_1"] = one / row["seconds"] if one and row.get("seconds") else None
    ratios["stage_sum_vs_build_1"] = build_total / one if one and build_total else None
    floor, vectorizer = (base.get(name, {}).get("seconds") for name in ("scan_floor", "countvectorizer"))
    ratios["scan_floor_vs_countvectorizer"] = floor / vectorizer if floor and vectorizer else None
    result = {"n": size, "corpus": {"files": docs, "bytes": size_bytes, "mb": size_bytes / MB,
                                    "path": str(corpus.raw_dir.parent)},
              "stages": stage_rows, "stage_details": {k: v for k, v in stages.items() if k != "seconds"},
              "build": build, "baselines": base, "ratios": ratios}
    if dask:
        best = _fastest(dask)
        result["dask"] = {**best, **_rate(best.get("seconds"), docs, size_bytes)}
    if load:
        result["load_again"] = {**load, **_rate(load.get("seconds"), docs, size_bytes)}
    return result


def targets(runs: list[dict]) -> list[dict]:
    """Evaluate the issue-#5 targets; ``met`` is None when the run did not measure a target."""
    out = []
    for run in runs:
        n = run["n"]
        for key, label in (("speed_vs_countvectorizer", "whole build, 1 process, vs CountVectorizer"),
                           ("speed_vs_nltk", "whole build, 1 process, vs NLTK pipeline")):
            value = run["ratios"].get(key)
            out.append({"target": f"{label} (N={n:,})", "goal": f"≥ {TARGETS[key]:g}× as fast",
                        "value": value, "shown": None if value is None else f"{value:.2f}×",
                        "met": None if value is None else value >= TARGETS[key]})
        value = run["ratios"].get("speedup_2_vs_1")
        out.append({"target": f"2 processes vs 1 (N={n:,})", "goal": f"≥ {TARGETS['speedup_2_vs_1']:g}×",
                    "value": value, "shown": None if value is None else f"{value:.2f}×",
                    "met": None if value is None else value >= TARGETS["speedup_2_vs_1"]})
    per_doc = [(r["n"], r["build"].get("1", {}).get("ms_per_doc")) for r in runs]
    per_doc = [(n, v) for n, v in per_doc if v]
    if len(per_doc) >= 2:
        base_n, base = per_doc[0]
        deviations = {n: (v / base - 1) * 100 for n, v in per_doc}
        worst = max(deviations.values(), key=abs)
        out.append({"target": f"time per document, 1 process, {per_doc[0][0]:,} → {per_doc[-1][0]:,} docs",
                    "goal": f"within ±{TARGETS['per_doc_deviation_pct']:g} %", "value": worst,
                    "shown": ", ".join(f"{n:,}: {v:.2f} ms ({deviations[n]:+.0f} %)" for n, v in per_doc),
                    "met": abs(worst) <= TARGETS["per_doc_deviation_pct"]})
    else:
        out.append({"target": "time per document across sizes", "goal": "within ±20 %", "value": None,
                    "shown": "needs two sizes", "met": None})
    big = [r for r in runs if r["n"] == 100_000]
    if big and big[0].get("load_again", {}).get("seconds"):
        again = big[0]["load_again"]
        out.append({"target": "load the built corpus again, fresh process, N=100,000", "goal": "< 2 s",
                    "value": again["seconds"], "met": again["seconds"] < 2.0,
                    "shown": f"{again['seconds']:.2f} s (+ {again['import_seconds']:.2f} s to import the package)"})
    if big:
        peaks = {j: row.get("peak_rss_mb") for j, row in big[0]["build"].items()}
        worst = max(v for v in peaks.values() if v is not None)
        out.append({"target": "peak RSS of the whole build, N=100,000", "goal": "< 2 GB (2,048 MB)",
                    "value": worst, "shown": ", ".join(f"{j} proc: {v:,.0f} MB" for j, v in peaks.items()),
                    "met": worst < TARGETS["peak_rss_mb_100k"]})
    else:
        out.append({"target": "peak RSS of the whole build, N=100,000", "goal": "< 2 GB", "value": None,
                    "shown": "N=100,000 not run", "met": None})
    return out


def measurements(run: dict) -> list[dict]:
    """Every child result of one size: stages, builds, baselines, dask, load."""
    return [run["stage_details"], *run["build"].values(), *run["baselines"].values(),
            *(run[k] for k in ("dask", "load_again") if k in run)]


def _code_note(machine: dict) -> str:
    code = machine.get("code")
    if not code:
        return " (live working tree)"
    state = {True: ", with uncommitted changes", False: "", None: ""}[code.get("dirty")]
    return f" (copy taken at the start, commit {code.get('commit') or '?'}{state})"


def _mark(met: bool | None) -> str:
    return "–" if met is None else "✓" if met else "✗"


def num(value: float | None, fmt: str = ",.2f") -> str:
    return "–" if value is None else format(value, fmt)


def to_markdown(results: dict) -> str:
    """Render ``results.json`` as Markdown tables: targets, whole build and baselines, stages."""
    machine = results["machine"]
    lines = ["# Corpus build benchmark", "",
             f"{machine['cpus']} CPUs, {machine['memory_gb']:.0f} GB RAM, Python {machine['python']}, "
             f"{machine['platform']}; load average {machine['load_start']:.2f} at start, "
             f"{machine['load_end']:.2f} at end (a shared machine: compare rows of the same run only). "
             f"Corpus: generated, seed {results['config']['seed']}, ~{results['config']['words']} words per "
             f"article; fastest of {results['config']['repeat']} run(s). "
             f"Package code: {', '.join(results['code_versions']) or '?'}{_code_note(machine)}.", ""]
    if len(results["code_versions"]) > 1:
        lines += ["**Warning: kuril_research changed during this run; figures measured on different code are not "
                  "comparable. Run again.**", ""]
    lines += ["## Targets", "", "| target | goal | measured | met |", "|---|---|---|---|"]
    for t in results["targets"]:
        lines.append(f"| {t['target']} | {t['goal']} | {t['shown'] or '–'} | {_mark(t['met'])} |")
    lines += ["", "## Whole build and baselines", "",
              "| N | MB | what | seconds | docs/s | MB/s | ms/doc | peak RSS (MB) | seconds ÷ build jobs=1 |",
              "|---:|---:|---|---:|---:|---:|---:|---:|---:|"]
    for run in results["runs"]:
        n, mb = f"{run['n']:,}", f"{run['corpus']['mb']:.1f}"
        one = run["build"].get("1", {}).get("seconds")
        rows = [(f"write_corpus, jobs={j}", row) for j, row in run["build"].items()]
        if "dask" in run:
            rows.append(("write_corpus_dask, 2 workers (incl. cluster start)", run["dask"]))
        rows += [("CountVectorizer().fit_transform (+ read)", run["baselines"].get("countvectorizer", {})),
                 ("NLTK Punkt + NLTKWordTokenizer (+ read)", run["baselines"].get("nltk", {})),
                 ("scan floor: read + the gazetteer and role regex scans only", run["baselines"].get("scan_floor", {}))]
        for label, row in rows:
            if "error" in row:
                lines.append(f"| {n} | {mb} | {label} | error | | | | | |")
                continue
            ratio = row["seconds"] / one if one and row.get("seconds") else None
            lines.append(f"| {n} | {mb} | {label} | {num(row.get('seconds'))} | {num(row.get('docs_per_s'), ',.0f')} "
                         f"| {num(row.get('mb_per_s'))} | {num(row.get('ms_per_doc'))} "
                         f"| {num(row.get('peak_rss_mb'), ',.0f')} | {num(ratio)} |")
    lines += ["", "## Stages (one process)", "",
              "The build stages (all but the last five) are what `write_corpus(jobs=1)` does, in order; "
              "then the tables are loaded back and the analyses run on them.", "",
              "| N | stage | seconds | share of build | docs/s | MB/s | ms/doc |", "|---:|---|---:|---:|---:|---:|---:|"]
    for run in results["runs"]:
        for name in STAGES:
            row = run["stages"][name]
            if row["seconds"] is None:
                lines.append(f"| {run['n']:,} | {STAGE_LABELS[name]} | – | | | | {row.get('note', '')} |")
                continue
            share = row["share_of_build_pct"]
            label = STAGE_LABELS[name]
            if row.get("docs") not in (None, run["n"]):
                label += f", first {row['docs']:,} documents"
            lines.append(f"| {run['n']:,} | {label} | {num(row['seconds'])} "
                         f"| {'' if share is None else f'{share:.0f} %'} | {num(row['docs_per_s'], ',.0f')} "
                         f"| {num(row['mb_per_s'])} | {num(row['ms_per_doc'], '.3f')} |")
        again = run.get("load_again", {})
        if again.get("seconds"):
            lines.append(f"| {run['n']:,} | load tables again, fresh process (Arrow cache; import "
                         f"{num(again.get('import_seconds'))} s not included) | {num(again['seconds'])} | "
                         f"| {num(again['docs_per_s'], ',.0f')} | {num(again['mb_per_s'])} "
                         f"| {num(again['ms_per_doc'], '.3f')} |")
        total = sum(run["stages"][s]["seconds"] or 0 for s in BUILD_STAGES)
        whole = run["build"].get("1", {}).get("seconds")
        lines.append(f"| {run['n']:,} | **sum of build stages** (whole build, jobs=1: {num(whole)} s) "
                     f"| **{num(total)}** | 100 % | | | |")
    return "\n".join(lines) + "\n"
