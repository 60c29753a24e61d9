"""Measure the corpus build: time per stage, whole build per number of processes, peak memory, baselines.

Run ``make bench``, or::

    .venv/bin/python benchmarks/bench_build.py [--sizes 1000 10000 100000] [--jobs 1 2]
                                               [--out benchmarks/out/build] [--seed 0] [--repeat 1] [--dask]
                                               [--analysis-docs 10000]

For each corpus size N it generates a synthetic corpus with
``benchmarks/generate_corpus.py`` (cached under ``benchmarks/corpora/`` by N,
seed, words and generator version; the folder is git-ignored) and measures, on
that same text:

* **stages**, in one process, through the real code path: what
  ``write_corpus`` does before the first document (list files, read the
  manifest, hash the input); then its unit of work
  (``kuril_research.corpus.process.process_files`` on slices of ``FILES_PER_CHUNK``
  files) with timers around each function it calls —
  read (``read_source``), lexicon loading (``load_gazetteer``,
  ``load_voice_lexicon``, called for every file), parse and furniture
  (``parse_article``), sentences (``split_sentences``), mentions
  (``Gazetteer.find``), quotes and voice (``mark_voice``), row assembly (the
  rest of ``process_document`` and ``rows_to_table``); the near-duplicate
  step (``near_duplicates.signature`` per document, then the grouping after the
  last file; its share of the build is printed against the 10 % target); then
  the duplicate ledger and Parquet writing; then, outside the build, loading the tables back
  and the analyses built on them: tokens and word
  counts (``frequency.tokens``, ``frequency.word_list``), frames and trade
  (``framing.frames``, ``trade.trade_mentions``) where those modules exist,
  on at most ``--analysis-docs`` documents (default 10,000: they hold about
  0.3 MB per document in memory). The timers are installed by replacing module attributes in that child
  process only;
* **loading again**: the built corpus loaded by ``load_corpus`` in a fresh
  process, after the stages' first load has written its Arrow cache
  (:mod:`kuril_research.corpus.arrow_cache`) — what a notebook does — with the
  package's import time reported apart;
* **the whole build**, ``kuril_research.corpus.write_corpus(raw, manifest, out, jobs=j)``
  (what ``kuril-research build --jobs j`` runs: build and write the tables,
  without loading them back) for each ``j``, each in its own process so that
  peak memory does not mix; ``--dask`` adds ``write_corpus_dask``, which also
  starts a local cluster (and, like ``write_corpus``, does not load the tables back);
* **baselines** on the same files: scikit-learn ``CountVectorizer()`` unigram
  ``fit_transform``, and an NLTK pipeline (untrained ``PunktSentenceTokenizer``,
  then ``NLTKWordTokenizer`` on each sentence — what ``nltk.word_tokenize``
  does, without the downloaded Punkt model). Both include reading the files,
  as the build does;
* a **scan floor** (``_child_scan_floor``): reading the files plus the two
  regex scans the build cannot do without (gazetteer spellings, voice roles)
  and nothing else. Its ratio to CountVectorizer says whether a build on
  Python's ``re`` can reach the 1× target at all.

Every measurement runs in a child process; its wall time is taken inside the
child around the work only (interpreter start and imports excluded), and its
peak memory is the largest sum of resident set sizes of the child and all its
descendants, polled every 0.1 s with psutil (shared pages of forked workers are
counted in each, so this errs high). With ``--repeat R`` each whole build and
baseline is run R times, interleaved, and the fastest run is kept.

Ratios compare measurements of the same run on the same files, because the
machine may be shared: ``speed vs X`` = X's seconds / build seconds (above 1
means the build is faster). Targets are printed with ✓/✗; none makes the
command fail.

Writes ``OUT/results.json`` and ``OUT/results.md``.

The measurements themselves are ``bench_children.py`` (run in child
processes); the rates, ratios, targets and Markdown are ``bench_summary.py``.
"""


from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench_children import child_main
from bench_summary import (
    BUILD_STAGES,
    MB,
    NEAR_DUPLICATES_MAX_PCT,
    TARGETS,
    measurements,
    num,
    summarise,
    targets,
    to_markdown,
)
from generate_corpus import GENERATOR_VERSION, GeneratedCorpus, generate

__all__ = ["main", "measure", "corpus_for", "snapshot_package"]

HERE = Path(__file__).resolve().parent
DEFAULT_SIZES = [1000, 10000, 100000]
DEFAULT_JOBS = [1, 2]
#: The analysis stages hold the token stream in memory (~0.3 MB per document): cap them by default.
DEFAULT_ANALYSIS_DOCS = 10_000
POLL_SECONDS = 0.1


# ------------------------------------------------------------------------------------------- corpora


def corpus_for(n: int, *, seed: int, words: int, cache_dir: Path) -> GeneratedCorpus:
    """Return the generated corpus of ``n`` articles, generating it unless it is cached.

    Parameters
    ----------
    n : int
        Number of articles.
    seed, words : int
        Passed to :func:`generate_corpus.generate`.
    cache_dir : Path
        Folder of cached corpora; each lives in ``n{n}-seed{seed}-words{words}-v{version}``
        and counts as cached once its ``.complete`` stamp exists.

    Returns
    -------
    GeneratedCorpus
    """
    folder = cache_dir / f"n{n}-seed{seed}-words{words}-v{GENERATOR_VERSION}"
    stamp = folder / ".complete"
    if stamp.is_file():
        info = json.loads(stamp.read_text(encoding="utf-8"))
        return GeneratedCorpus(folder / "articles", folder / "manifest.csv", info["files"], info["bytes"])
    shutil.rmtree(folder, ignore_errors=True)
    corpus = generate(n, folder, seed=seed, words=words)
    stamp.write_text(json.dumps({"files": corpus.files, "bytes": corpus.bytes}), encoding="utf-8")
    return corpus


def snapshot_package(dest: Path) -> dict:
    """Copy the installed ``kuril_research`` package into ``dest``, for every child to import.

    A long run then measures one version of the code even if the working tree
    changes meanwhile. Returns where the copy is and what it is: the
    fingerprint, and the git commit and whether the package differed from it
    (read with ``git rev-parse`` and ``git status``, which change nothing).
    """
    import importlib.util

    source = Path(importlib.util.find_spec("kuril_research").submodule_search_locations[0])
    shutil.copytree(source, dest / "kuril_research", ignore=shutil.ignore_patterns("__pycache__"))
    info = {"path": str(dest), "source": str(source)}

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", "-C", str(source.parent), *args], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    info["commit"] = git("rev-parse", "--short", "HEAD")
    status = git("status", "--porcelain", "--", source.name)
    info["dirty"] = None if status is None else bool(status)
    return info


def measure(kind: str, params: dict, *, workdir: Path, env: dict[str, str] | None = None) -> dict:
    """Run one measurement in a child process and return its result with the peak memory of its process tree.

    Parameters
    ----------
    kind : str
        A key of ``bench_children.CHILDREN``: ``build``, ``dask``, ``countvectorizer``, ``nltk`` or ``stages``.
    params : dict
        JSON-serialisable parameters of the child (``raw``, ``manifest``, ``out``, ``jobs``...).
    workdir : Path
        Folder for the child's result file and logs.
    env : dict, optional
        Environment of the child (default: this process's).

    Returns
    -------
    dict
        The child's result (``seconds``, ...) plus ``peak_rss_mb``, ``load_before``
        and ``load_after`` (1-minute load average), or ``error`` (the end of the
        child's standard error) if it failed.
    """
    import psutil

    result_path = workdir / f"result-{kind}-{time.monotonic_ns()}.json"
    params = {**params, "result": str(result_path)}
    load_before = os.getloadavg()[0]
    with open(workdir / "child.log", "ab") as log:
        proc = psutil.Popen([sys.executable, str(Path(__file__).resolve()), "_child", kind, json.dumps(params)],
                            stdout=log, stderr=subprocess.STDOUT, env=env)
        peak = 0
        while proc.poll() is None:
            total = 0
            try:
                family = [proc, *proc.children(recursive=True)]
            except psutil.Error:
                family = []
            for member in family:
                try:
                    total += member.memory_info().rss
                except psutil.Error:
                    pass
            peak = max(peak, total)
            time.sleep(POLL_SECONDS)
    if proc.returncode != 0 or not result_path.is_file():
        log_text = (workdir / "child.log").read_text(encoding="utf-8", errors="replace")
        return {"error": f"{kind} exited with {proc.returncode}: {log_text[-2000:]}"}
    result = json.loads(result_path.read_text(encoding="utf-8"))
    result_path.unlink()
    result.update(peak_rss_mb=peak / MB, load_before=load_before, load_after=os.getloadavg()[0])
    return result


# ---------------------------------------------------------------------------------------------- main


def _machine() -> dict:
    import psutil

    return {"cpus": os.cpu_count(), "memory_gb": psutil.virtual_memory().total / 1e9,
            "python": platform.python_version(), "platform": platform.platform(),
            "load_start": os.getloadavg()[0]}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Benchmark the corpus build (see the module docstring).")
    parser.add_argument("--sizes", type=int, nargs="+", default=DEFAULT_SIZES, help="corpus sizes (articles)")
    parser.add_argument("--jobs", type=int, nargs="+", default=DEFAULT_JOBS, help="process counts for the build")
    parser.add_argument("--out", type=Path, default=HERE / "out" / "build", help="where results.json and results.md go")
    parser.add_argument("--corpora", type=Path, default=HERE / "corpora", help="cache of generated corpora")
    parser.add_argument("--seed", type=int, default=0, help="generator seed")
    parser.add_argument("--words", type=int, default=500, help="approximate words per article")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each whole build and baseline; fastest kept")
    parser.add_argument("--dask", action="store_true", help="also time write_corpus_dask on a local cluster")
    parser.add_argument("--live", action="store_true",
                        help="measure the package as it is at each moment, not a copy taken at the start")
    parser.add_argument("--analysis-docs", type=int, default=DEFAULT_ANALYSIS_DOCS,
                        help="run the analysis stages on at most this many documents (memory: ~0.3 MB each); "
                             f"default {DEFAULT_ANALYSIS_DOCS:,}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return the exit code (0 even when a target is missed)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["_child"]:
        return child_main(argv[1], argv[2])
    args = _parser().parse_args(argv)
    if min(args.sizes) < 1 or min(args.jobs) < 1 or args.repeat < 1:
        _parser().error("sizes, jobs and repeat must be at least 1")
    args.out.mkdir(parents=True, exist_ok=True)
    args.corpora.mkdir(parents=True, exist_ok=True)
    machine = _machine()
    runs = []
    with tempfile.TemporaryDirectory(prefix="bench-", dir=args.out) as scratch:
        work = Path(scratch)
        env = None
        if not args.live:  # every child imports this copy: the working tree may change during a long run
            machine["code"] = snapshot_package(work / "code")
            env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(work / "code"),
                                                                              os.environ.get("PYTHONPATH")]))}
        for n in sorted(args.sizes):
            start = time.perf_counter()
            corpus = corpus_for(n, seed=args.seed, words=args.words, cache_dir=args.corpora)
            print(f"N={n:,}: corpus ready in {time.perf_counter() - start:.1f} s ({corpus.bytes / MB:.1f} MB)",
                  flush=True)
            common = {"raw": str(corpus.raw_dir), "manifest": str(corpus.manifest)}
            stages = measure("stages", {**common, "out": str(work / f"stages-{n}"),
                                        "analysis_docs": args.analysis_docs}, workdir=work, env=env)
            load = measure("load", {"out": str(work / f"stages-{n}")}, workdir=work, env=env)  # the cache is written
            shutil.rmtree(work / f"stages-{n}", ignore_errors=True)
            print(f"  load again, fresh process: {num(load.get('seconds'))} s "
                  f"(+ import {num(load.get('import_seconds'))} s)", flush=True)
            stage_seconds = stages.get("seconds") or {}
            build_seconds = sum(stage_seconds.get(s, 0) for s in BUILD_STAGES)
            print(f"  stages: {num(build_seconds)} s"
                  f"{' ' + stages['error'][:300] if 'error' in stages else ''}", flush=True)
            if build_seconds:
                share = stage_seconds.get("near_duplicates", 0) / build_seconds * 100
                print(f"  near-duplicate step: {num(stage_seconds.get('near_duplicates'))} s = {share:.1f} % of the "
                      f"build stages ({'✓' if share < NEAR_DUPLICATES_MAX_PCT else '✗'} target < "
                      f"{NEAR_DUPLICATES_MAX_PCT:.0f} %)", flush=True)
            builds: dict[int, list[dict]] = {j: [] for j in args.jobs}
            baselines: dict[str, list[dict]] = {"countvectorizer": [], "nltk": [], "scan_floor": []}
            dask: list[dict] = []
            for _ in range(args.repeat):
                for j in args.jobs:
                    out = work / f"build-{n}-{j}"
                    builds[j].append(measure("build", {**common, "out": str(out), "jobs": j}, workdir=work, env=env))
                    shutil.rmtree(out, ignore_errors=True)
                    print(f"  build jobs={j}: {num(builds[j][-1].get('seconds'))} s, "
                          f"peak {num(builds[j][-1].get('peak_rss_mb'), ',.0f')} MB", flush=True)
                for name in baselines:
                    baselines[name].append(measure(name, common, workdir=work, env=env))
                    print(f"  {name}: {num(baselines[name][-1].get('seconds'))} s", flush=True)
                if args.dask:
                    out = work / f"dask-{n}"
                    dask.append(measure("dask", {**common, "out": str(out)}, workdir=work, env=env))
                    shutil.rmtree(out, ignore_errors=True)
                    print(f"  dask: {num(dask[-1].get('seconds'))} s", flush=True)
            runs.append(summarise(n, corpus, stages, builds, baselines, dask or None, load))
            _write(args, machine, runs)  # partial results survive an interrupted long run
    path = _write(args, machine, runs)
    print((args.out / "results.md").read_text(encoding="utf-8"))
    print(f"wrote {path} and {args.out / 'results.md'}")
    return 0


def _write(args: argparse.Namespace, machine: dict, runs: list[dict]) -> Path:
    machine = {**machine, "load_end": os.getloadavg()[0]}
    versions = sorted({m["code"] for run in runs for m in measurements(run) if "code" in m})
    results = {"machine": machine, "code_versions": versions,
               "config": {"sizes": sorted(args.sizes), "jobs": args.jobs, "seed": args.seed, "words": args.words,
                          "repeat": args.repeat, "generator_version": GENERATOR_VERSION},
               "targets_spec": TARGETS, "runs": runs, "targets": targets(runs)}
    path = args.out / "results.json"
    path.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    (args.out / "results.md").write_text(to_markdown(results), encoding="utf-8")
    return path


if __name__ == "__main__":
    sys.exit(main())
