"""Measure the corpus build: time per stage, whole build per number of processes, peak memory, baselines.

Run ``make bench``, or::

    .venv/bin/python benchmarks/bench_build.py [--sizes 1000 10000 100000] [--jobs 1 2]
                                               [--out benchmarks/out] [--seed 0] [--repeat 1] [--dask]
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

from generate_corpus import GENERATOR_VERSION, GeneratedCorpus, generate

__all__ = ["main", "measure", "corpus_for", "summarise", "to_markdown", "STAGES"]

HERE = Path(__file__).resolve().parent
DEFAULT_SIZES = [1000, 10000, 100000]
DEFAULT_JOBS = [1, 2]
#: The analysis stages hold the token stream in memory (~0.3 MB per document): cap them by default.
DEFAULT_ANALYSIS_DOCS = 10_000
POLL_SECONDS = 0.1
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


# ----------------------------------------------------------------------------------- child processes


def _rusage() -> dict[str, float]:
    import resource

    kb = 1024 / MB  # ru_maxrss is in kilobytes on Linux
    return {"ru_maxrss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * kb,
            "ru_maxrss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * kb}


def _read_texts(raw_dir: Path) -> list[str]:
    """The article texts, in name order, decoded as UTF-8 (what the generator writes)."""
    return [(raw_dir / name).read_text(encoding="utf-8") for name in sorted(os.listdir(raw_dir))]


def _import_build_modules() -> None:
    """Import every module the build uses, NLTK included, so that no timer includes an import.

    The baselines are timed after their imports too. ``kuril_research.corpus``
    imports its modules, and so the sentence splitter (and NLTK, ~1 s), only on
    first use, and workers are forked from this process, so they inherit the imports.
    """
    import kuril_research.corpus.build  # noqa: F401
    import kuril_research.ingest.sentences  # noqa: F401


def _child_build(params: dict) -> dict:
    from kuril_research.corpus import write_corpus

    _import_build_modules()

    start = time.perf_counter()  # what `kuril-research build` does: build and write, no loading back
    summary = write_corpus(params["raw"], params["manifest"], params["out"], jobs=params["jobs"])
    seconds = time.perf_counter() - start
    tables = json.loads((Path(params["out"]) / "build.json").read_text(encoding="utf-8"))["tables"]
    return {"seconds": seconds, "documents": summary.documents, "rejects": summary.rejects,
            "sentences": tables["sentences"], "mentions": tables["mentions"]}


def _child_dask(params: dict) -> dict:
    from kuril_research.corpus.distributed import write_corpus_dask

    _import_build_modules()

    start = time.perf_counter()
    summary = write_corpus_dask(params["raw"], params["manifest"], params["out"])
    return {"seconds": time.perf_counter() - start, "documents": summary.documents, "rejects": summary.rejects}


def _child_countvectorizer(params: dict) -> dict:
    from sklearn.feature_extraction.text import CountVectorizer

    start = time.perf_counter()
    texts = _read_texts(Path(params["raw"]))
    read = time.perf_counter() - start
    matrix = CountVectorizer().fit_transform(texts)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "read_seconds": read, "fit_transform_seconds": seconds - read,
            "features": matrix.shape[1], "tokens": int(matrix.sum())}


def _child_nltk(params: dict) -> dict:
    from nltk.tokenize.destructive import NLTKWordTokenizer
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    start = time.perf_counter()
    texts = _read_texts(Path(params["raw"]))
    read = time.perf_counter() - start
    sentences, words = PunktSentenceTokenizer(), NLTKWordTokenizer()
    n_sent = n_tok = 0
    for text in texts:
        for sentence in sentences.tokenize(text):
            n_sent += 1
            n_tok += len(words.tokenize(sentence))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "read_seconds": read, "sentences": n_sent, "tokens": n_tok}


def _child_scan_floor(params: dict) -> dict:
    """Read the files and run only the two regex scans the build cannot do without: a floor for any build on ``re``.

    The gazetteer's one regex of every spelling of every entity, and the voice
    lexicon's role regex ("he", "the spokesman"), are run with ``findall`` over
    each lower-cased text, exactly as the build runs them, and nothing else: no
    match is looked at, no sentence split, no table built. Neither scan has a
    literal prefix, so Python's regex engine tries it at every character. If this
    floor is slower than CountVectorizer (its ``seconds ÷ CountVectorizer``
    ratio above 1), no build that uses Python's ``re`` for these scans can be as
    fast as CountVectorizer, however the rest of it is written.
    """
    from kuril_research.ingest.gazetteer import load_gazetteer
    from kuril_research.ingest.voice import load_voice_lexicon

    spellings, roles = load_gazetteer()._folded, load_voice_lexicon().role_re_lower  # the build's own patterns
    start = time.perf_counter()
    texts = _read_texts(Path(params["raw"]))
    read = time.perf_counter() - start
    mentions = role_phrases = 0
    for text in texts:
        lowered = text.lower()
        mentions += len(spellings.findall(lowered))
        role_phrases += len(roles.findall(lowered))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "read_seconds": read, "mentions": mentions, "role_phrases": role_phrases}


def _child_load(params: dict) -> dict:
    """Load a built corpus in a fresh process, as a notebook does: import, then ``load_corpus`` (from its cache)."""
    start = time.perf_counter()
    from kuril_research.corpus import load_corpus

    imported = time.perf_counter()
    corpus = load_corpus(params["out"])
    end = time.perf_counter()
    return {"seconds": end - imported, "import_seconds": imported - start, "documents": len(corpus.documents),
            "mentions": len(corpus.mentions)}


def _child_stages(params: dict) -> dict:
    """Run the build's per-document path with a timer around each function it calls, then the analyses."""
    _import_build_modules()
    import gc
    import importlib
    import importlib.util
    from collections import defaultdict

    from kuril_research import schema
    from kuril_research.corpus import build as kc
    from kuril_research.corpus import process as kp
    from kuril_research.corpus.data import BUILD_RECORD, TABLE_NAMES, Corpus, load_corpus
    from kuril_research.corpus.ledger import Ledger
    from kuril_research.corpus.writer import TableWriter, without_documents
    from kuril_research.ingest.sources import list_article_files, read_manifest

    clock = time.perf_counter
    seconds: dict[str, float] = defaultdict(float)

    def timed(stage, function):
        def wrapper(*args, **kwargs):
            start = clock()
            try:
                return function(*args, **kwargs)
            finally:
                seconds[stage] += clock() - start
        return wrapper

    class TimedGazetteer:
        """Delegates to the real gazetteer, timing ``find``."""

        def __init__(self, gazetteer):
            self.gazetteer = gazetteer
            self.find = timed("mentions", gazetteer.find)

    raw, manifest = Path(params["raw"]), Path(params["manifest"])
    out = Path(params["out"])
    out.mkdir(parents=True, exist_ok=True)
    start = clock()  # what write_corpus does before the first document
    meta = {r["file"]: r for r in read_manifest(manifest).to_dict("records")}
    names = sorted(set(list_article_files(raw)) | set(meta))
    ids = kp.doc_ids(names)
    kp.load_gazetteer(), kp.load_voice_lexicon()
    seconds["setup"] = clock() - start

    # kuril_research.corpus.process.process_files looks these names up in its module when it runs: time each one
    proxies: dict[int, TimedGazetteer] = {}
    real_load_gazetteer = kp.load_gazetteer

    def load_gazetteer(path=None):
        gazetteer = real_load_gazetteer(path)
        return proxies.setdefault(id(gazetteer), TimedGazetteer(gazetteer))

    kp.read_source = timed("read", kp.read_source)
    kp.signature = timed("near_duplicates", kp.signature)
    kp.load_gazetteer = timed("lexicons", load_gazetteer)
    kp.load_voice_lexicon = timed("lexicons", kp.load_voice_lexicon)
    kp.process_document = timed("per_document", kp.process_document)
    kp.parse_article = timed("parse", kp.parse_article)
    kp.split_sentences = timed("sentences", kp.split_sentences)
    kp.mark_voice = timed("voice", kp.mark_voice)
    kp.rows_to_table = timed("arrow", kp.rows_to_table)

    # as write_corpus with jobs=1: slices of files through process_files, then the ledger and the writer
    writer = TableWriter(out)
    ledger = Ledger()
    tasks = [(str(raw), name, meta.get(name), ids[name]) for name in names]
    for lo in range(0, len(tasks), kc.FILES_PER_CHUNK):
        result = kp.process_files(tasks[lo:lo + kc.FILES_PER_CHUNK])
        start = clock()
        duplicates = ledger.admit(result.outcomes)
        for table, data in result.tables.items():
            writer.add_table(table, without_documents(data, duplicates))
        seconds["write"] += clock() - start
    start = clock()
    near_rows, near_drop = ledger.near_duplicates()
    seconds["near_duplicates"] += clock() - start
    start = clock()
    writer.add("rejects", ledger.rejects)
    writer.add("duplicates", near_rows)
    writer.close(near_drop)
    (out / BUILD_RECORD).write_text(json.dumps({"schema_version": schema.SCHEMA_VERSION}), encoding="utf-8")
    seconds["write"] += clock() - start
    # row assembly: the rest of process_document, and the conversion of its rows to Arrow tables
    seconds["rows"] = (seconds.pop("per_document", 0.0) + seconds.pop("arrow", 0.0)
                       - sum(seconds[s] for s in ("parse", "sentences", "mentions", "voice")))

    start = clock()
    corpus = load_corpus(out)
    seconds["load"] = clock() - start
    from kuril_research.analysis import frequency

    limit = params.get("analysis_docs")
    if limit and len(corpus.documents) > limit:  # the analyses hold ~0.3 MB per document: keep the first `limit`
        keep = corpus.documents["doc_id"].iloc[:limit]
        tables = {}
        for name in TABLE_NAMES:
            frame = getattr(corpus, name)
            tables[name] = frame[frame["doc_id"].isin(keep)].reset_index(drop=True) if "doc_id" in frame else frame
        corpus = Corpus(**tables, build=corpus.build)
        del tables, frame
        gc.collect()
    files = corpus.documents["file"].tolist()
    analysed = {"docs": len(files), "bytes": sum((raw / f).stat().st_size for f in files)}

    start = clock()
    n_tokens = len(frequency.tokens(corpus))
    seconds["tokens"] = clock() - start
    start = clock()
    n_terms = len(frequency.word_list(corpus))
    seconds["counts"] = clock() - start
    missing = {}
    for stage, module_name, function_name in (("frames", "framing", "frames"), ("trade", "trade", "trade_mentions")):
        if importlib.util.find_spec(f"kuril_research.{module_name}") is None:
            missing[stage] = f"kuril_research.{module_name} does not exist yet"
            continue
        function = getattr(importlib.import_module(f"kuril_research.{module_name}"), function_name, None)
        if function is None:
            missing[stage] = f"kuril_research.{module_name}.{function_name} does not exist yet"
            continue
        start = clock()
        try:
            function(corpus)
        except Exception as exc:  # noqa: BLE001 - a benchmark reports a failing analysis, it does not stop
            missing[stage] = f"{type(exc).__name__}: {exc}"
            continue
        seconds[stage] = clock() - start
    return {"seconds": dict(seconds), "not_measured": missing, "tokens": n_tokens, "terms": n_terms,
            "analysed": analysed}


CHILDREN = {"build": _child_build, "dask": _child_dask, "countvectorizer": _child_countvectorizer,
            "nltk": _child_nltk, "scan_floor": _child_scan_floor, "stages": _child_stages, "load": _child_load}


def code_fingerprint() -> str:
    """SHA-256 (first 12 hex digits) of the installed ``kuril_research`` sources and data files.

    Recorded with every measurement, so that a run during which the package changed is flagged.
    """
    import hashlib
    import importlib.util

    digest = hashlib.sha256()
    package = Path(importlib.util.find_spec("kuril_research").submodule_search_locations[0])
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".yaml", ".txt"}:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def _child_main(kind: str, params_json: str) -> int:
    params = json.loads(params_json)
    code = code_fingerprint()  # before the package is imported
    result = CHILDREN[kind](params)
    result["code"] = code
    result.update(_rusage())
    Path(params["result"]).write_text(json.dumps(result), encoding="utf-8")
    return 0


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
        A key of :data:`CHILDREN`: ``build``, ``dask``, ``countvectorizer``, ``nltk`` or ``stages``.
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


# ------------------------------------------------------------------------------------------- summary


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


def _targets(runs: list[dict]) -> list[dict]:
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


def _measurements(run: dict) -> list[dict]:
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


def _num(value: float | None, fmt: str = ",.2f") -> str:
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
            lines.append(f"| {n} | {mb} | {label} | {_num(row.get('seconds'))} | {_num(row.get('docs_per_s'), ',.0f')} "
                         f"| {_num(row.get('mb_per_s'))} | {_num(row.get('ms_per_doc'))} "
                         f"| {_num(row.get('peak_rss_mb'), ',.0f')} | {_num(ratio)} |")
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
            lines.append(f"| {run['n']:,} | {label} | {_num(row['seconds'])} "
                         f"| {'' if share is None else f'{share:.0f} %'} | {_num(row['docs_per_s'], ',.0f')} "
                         f"| {_num(row['mb_per_s'])} | {_num(row['ms_per_doc'], '.3f')} |")
        again = run.get("load_again", {})
        if again.get("seconds"):
            lines.append(f"| {run['n']:,} | load tables again, fresh process (Arrow cache; import "
                         f"{_num(again.get('import_seconds'))} s not included) | {_num(again['seconds'])} | "
                         f"| {_num(again['docs_per_s'], ',.0f')} | {_num(again['mb_per_s'])} "
                         f"| {_num(again['ms_per_doc'], '.3f')} |")
        total = sum(run["stages"][s]["seconds"] or 0 for s in BUILD_STAGES)
        whole = run["build"].get("1", {}).get("seconds")
        lines.append(f"| {run['n']:,} | **sum of build stages** (whole build, jobs=1: {_num(whole)} s) "
                     f"| **{_num(total)}** | 100 % | | | |")
    return "\n".join(lines) + "\n"


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
    parser.add_argument("--out", type=Path, default=HERE / "out", help="where results.json and results.md go")
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
        return _child_main(argv[1], argv[2])
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
            print(f"  load again, fresh process: {_num(load.get('seconds'))} s "
                  f"(+ import {_num(load.get('import_seconds'))} s)", flush=True)
            stage_seconds = stages.get("seconds") or {}
            build_seconds = sum(stage_seconds.get(s, 0) for s in BUILD_STAGES)
            print(f"  stages: {_num(build_seconds)} s"
                  f"{' ' + stages['error'][:300] if 'error' in stages else ''}", flush=True)
            if build_seconds:
                share = stage_seconds.get("near_duplicates", 0) / build_seconds * 100
                print(f"  near-duplicate step: {_num(stage_seconds.get('near_duplicates'))} s = {share:.1f} % of the "
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
                    print(f"  build jobs={j}: {_num(builds[j][-1].get('seconds'))} s, "
                          f"peak {_num(builds[j][-1].get('peak_rss_mb'), ',.0f')} MB", flush=True)
                for name in baselines:
                    baselines[name].append(measure(name, common, workdir=work, env=env))
                    print(f"  {name}: {_num(baselines[name][-1].get('seconds'))} s", flush=True)
                if args.dask:
                    out = work / f"dask-{n}"
                    dask.append(measure("dask", {**common, "out": str(out)}, workdir=work, env=env))
                    shutil.rmtree(out, ignore_errors=True)
                    print(f"  dask: {_num(dask[-1].get('seconds'))} s", flush=True)
            runs.append(summarise(n, corpus, stages, builds, baselines, dask or None, load))
            _write(args, machine, runs)  # partial results survive an interrupted long run
    path = _write(args, machine, runs)
    print((args.out / "results.md").read_text(encoding="utf-8"))
    print(f"wrote {path} and {args.out / 'results.md'}")
    return 0


def _write(args: argparse.Namespace, machine: dict, runs: list[dict]) -> Path:
    machine = {**machine, "load_end": os.getloadavg()[0]}
    versions = sorted({m["code"] for run in runs for m in _measurements(run) if "code" in m})
    results = {"machine": machine, "code_versions": versions,
               "config": {"sizes": sorted(args.sizes), "jobs": args.jobs, "seed": args.seed, "words": args.words,
                          "repeat": args.repeat, "generator_version": GENERATOR_VERSION},
               "targets_spec": TARGETS, "runs": runs, "targets": _targets(runs)}
    path = args.out / "results.json"
    path.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    (args.out / "results.md").write_text(to_markdown(results), encoding="utf-8")
    return path


if __name__ == "__main__":
    sys.exit(main())
