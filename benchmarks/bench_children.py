"""The measurements of the build benchmark, each run in a child process of ``benchmarks/bench_build.py``.

``bench_build.py`` starts ``python bench_build.py _child KIND PARAMS`` for each
measurement; :func:`child_main` runs the function :data:`CHILDREN` names for
``KIND`` and writes its result (seconds, counts, peak memory of the child) as
JSON. See the docstring of ``bench_build.py`` for what each one measures.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from bench_summary import MB

__all__ = ["CHILDREN", "child_main", "code_fingerprint"]


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
    for stage, module_name, function_name in (("frames", "coding.framing", "frames"),
                                              ("trade", "coding.trade", "trade_mentions")):
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


def _child_report(params: dict) -> dict:
    """Run one report notebook on a built corpus, as a user does: ``kuril-research report NB --corpus DIR --force``.

    The command runs in a grandchild process (with the kernel under it), so the
    peak memory polled by ``bench_build.measure`` covers the whole report; the
    seconds are its wall time, interpreter start-up included.
    """
    import subprocess
    import sys

    command = [sys.executable, "-c", "import sys; from kuril_research.publish.cli import main; sys.exit(main())",
               "report", params["name"], "--corpus", params["corpus"], "--out", params["out"], "--force",
               "--notebooks", params["notebooks"]]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"report {params['name']} exited with {done.returncode}: {done.stderr[-1500:]}")
    return {"seconds": seconds}


def _child_code(params: dict) -> dict:
    """Code the corpus's frame and trade cues once, as a user does before the reports: ``kuril-research code``.

    Run in a grandchild process, as :func:`_child_report`; its output (one line per table, coded or found
    current) is returned with the seconds.
    """
    import subprocess
    import sys

    command = [sys.executable, "-c", "import sys; from kuril_research.publish.cli import main; sys.exit(main())",
               "code", "--corpus", params["corpus"]]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"code exited with {done.returncode}: {done.stderr[-1500:]}")
    return {"seconds": seconds, "output": done.stdout[-2000:]}


def _child_call(params: dict) -> dict:
    """Time one JupyterLab call after ``load_corpus`` in this fresh process: its first call, then a warm one.

    ``params["expression"]`` is evaluated with ``kr`` (the package), ``corpus``
    and ``OUTLET`` (the outlet with the most documents) in scope.
    """
    import kuril_research as kr

    start = time.perf_counter()
    corpus = kr.load_corpus(params["corpus"])
    loaded = time.perf_counter() - start
    scope = {"kr": kr, "corpus": corpus, "OUTLET": corpus.documents["outlet"].value_counts().index[0]}
    timings = []
    for _ in range(2):
        start = time.perf_counter()
        result = eval(params["expression"], scope)  # noqa: S307 - an expression of bench_targets.CALLS
        timings.append(time.perf_counter() - start)
    return {"first_seconds": timings[0], "warm_seconds": timings[1], "load_seconds": loaded, "rows": len(result)}


CHILDREN = {"build": _child_build, "dask": _child_dask, "countvectorizer": _child_countvectorizer,
            "nltk": _child_nltk, "scan_floor": _child_scan_floor, "stages": _child_stages, "load": _child_load,
            "report": _child_report, "code": _child_code, "call": _child_call}


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


def child_main(kind: str, params_json: str) -> int:
    """Run one measurement (``kind``, a key of :data:`CHILDREN`) in this process and write its result file."""
    params = json.loads(params_json)
    code = code_fingerprint()  # before the package is imported
    result = CHILDREN[kind](params)
    result["code"] = code
    result.update(_rusage())
    Path(params["result"]).write_text(json.dumps(result), encoding="utf-8")
    return 0
