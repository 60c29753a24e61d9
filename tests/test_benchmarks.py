"""The corpus generator and the build benchmark, on tiny corpora (no timing assertions)."""

from __future__ import annotations

import doctest
import importlib.util
import json
import subprocess
import sys

import pytest

from kuril_research import build_corpus

from .conftest import ROOT

BENCHMARKS = ROOT / "benchmarks"


#: The scripts of ``benchmarks/``; each imports only those before it, by its plain name.
SCRIPTS = ["generate_corpus", "bench_summary", "bench_children", "bench_build"]


def _load(name: str):
    """Import a script of ``benchmarks/`` (not a package) under its own name, after the scripts it imports."""
    if name in sys.modules:
        return sys.modules[name]
    for before in SCRIPTS[:SCRIPTS.index(name)]:
        _load(before)
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gen():
    return _load("generate_corpus")


@pytest.fixture(scope="module")
def generated(gen, tmp_path_factory):
    """40 generated articles and the corpus built from them."""
    folder = tmp_path_factory.mktemp("generated")
    g = gen.generate(40, folder, seed=11)
    return g, build_corpus(g.raw_dir, g.manifest, folder / "processed")


def _snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generator_is_deterministic(gen, tmp_path):
    gen.generate(15, tmp_path / "a", seed=5)
    gen.generate(15, tmp_path / "b", seed=5)
    gen.generate(15, tmp_path / "c", seed=6)
    a, b, c = (_snapshot(tmp_path / x) for x in "abc")
    assert len(a) == 16  # 15 articles + manifest.csv
    assert a == b
    assert a != c


def test_smaller_corpus_is_a_prefix_of_a_larger_one(gen, tmp_path):
    gen.generate(5, tmp_path / "small", seed=2)
    gen.generate(8, tmp_path / "large", seed=2)
    small, large = _snapshot(tmp_path / "small"), _snapshot(tmp_path / "large")
    assert {k: v for k, v in small.items() if k != "manifest.csv"}.items() <= large.items()


def test_generator_doctests(gen):
    assert doctest.testmod(gen, optionflags=doctest.ELLIPSIS).failed == 0


def test_generated_corpus_builds_with_zero_rejects(generated):
    g, corpus = generated
    assert corpus.rejects.empty
    assert len(corpus.documents) == g.files == 40
    assert corpus.documents["outlet"].notna().all()  # every file is in the manifest
    assert set(corpus.documents["date_precision"]) <= {"day", "month", "year"}
    assert not corpus.documents["warnings"].str.contains("disagrees").any()


def test_generated_corpus_has_what_the_pipeline_normalises(generated):
    _, corpus = generated
    m = corpus.mentions
    surfaces = set(m["surface"])
    for variant in ("Habomai", "Khabomai", "Iturup", "Etorofu", "Kunashir", "Kunashiri"):
        assert variant in surfaces, variant
    assert {"japanese", "russian"} <= set(m.loc[m["entity"] == "iturup", "naming"])
    assert {"northern_territories", "southern_kurils", "joint_declaration_1956"} <= set(m["entity"])
    assert set(m["voice"]) == {"narrator", "quoted", "attributed"}
    assert corpus.quotes["speaker"].notna().mean() > 0.9
    assert {"section label", "advertisement", "newsletter", "photo caption", "credit line"} <= set(
        corpus.removed["reason"])
    assert corpus.documents["text"].str.contains("bilateral trade turnover", case=False).any()
    words = corpus.documents["text"].str.split().str.len()
    assert words.between(350, 700).all()


def test_corpus_cache_reuses_a_complete_corpus(gen, tmp_path):
    bench = _load("bench_build")
    first = bench.corpus_for(3, seed=0, words=100, cache_dir=tmp_path)
    stamp = first.raw_dir.parent / ".complete"
    mtimes = {p: p.stat().st_mtime_ns for p in first.raw_dir.iterdir()}
    again = bench.corpus_for(3, seed=0, words=100, cache_dir=tmp_path)
    assert again == first and stamp.is_file()
    assert {p: p.stat().st_mtime_ns for p in again.raw_dir.iterdir()} == mtimes


def test_benchmark_command_writes_every_stage_and_ratio(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, str(BENCHMARKS / "bench_build.py"), "--sizes", "20", "--jobs", "1", "2",
                           "--out", str(out), "--corpora", str(tmp_path / "corpora")],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    summary = _load("bench_summary")
    (run,) = results["runs"]
    assert run["n"] == 20 and run["corpus"]["files"] == 20
    assert list(run["stages"]) == summary.STAGES
    for name, stage in run["stages"].items():
        if name in summary.BUILD_STAGES or name in ("tokens", "counts"):
            assert stage["seconds"] > 0 and stage["docs_per_s"] > 0 and stage["mb_per_s"] > 0, name
        else:  # an analysis module that does not exist yet is reported, not measured
            assert stage["seconds"] is not None or stage["note"], name
    for jobs in ("1", "2"):
        build = run["build"][jobs]
        assert "error" not in build, build
        assert build["documents"] == 20 and build["rejects"] == 0
        assert build["peak_rss_mb"] > 0 and build["docs_per_s"] > 0
    for name in ("countvectorizer", "nltk", "scan_floor"):
        assert run["baselines"][name]["seconds"] > 0
    assert set(run["ratios"]) == {"speed_vs_countvectorizer", "speed_vs_nltk", "speedup_2_vs_1",
                                  "stage_sum_vs_build_1", "scan_floor_vs_countvectorizer"}
    assert run["baselines"]["scan_floor"]["mentions"] > 0 and run["baselines"]["scan_floor"]["role_phrases"] > 0
    assert run["load_again"]["documents"] == 20 and run["load_again"]["seconds"] > 0
    assert all(value > 0 for value in run["ratios"].values())
    assert [t["met"] for t in results["targets"]] == [t["met"] for t in summary.targets(results["runs"])]
    assert len(results["code_versions"]) == 1  # every child imported the same copy of the package
    assert results["machine"]["code"]["source"].endswith("kuril_research")
    markdown = (out / "results.md").read_text(encoding="utf-8")
    assert "## Targets" in markdown and "| 20 | read and decode files |" in markdown
    assert not any(p.name.startswith("bench-") for p in out.iterdir())  # scratch folder removed


def test_targets_are_judged_against_their_thresholds():
    # Hand-made runs: at 1,000 docs the build is 0.5x CountVectorizer (goal >= 1: not met), 25x NLTK
    # (goal >= 20: met), 2 processes 1.8x (goal >= 1.8: met, the boundary counts); per-document time
    # 2.0 ms -> 2.5 ms at 100,000 is +25 % (goal within +-20 %: not met); load 1.5 s (< 2 s: met);
    # peak RSS 2,100 MB with 2 processes (goal < 2,048 MB: not met).
    summary = _load("bench_summary")
    small = {"n": 1_000, "ratios": {"speed_vs_countvectorizer": 0.5, "speed_vs_nltk": 25.0, "speedup_2_vs_1": 1.8},
             "build": {"1": {"ms_per_doc": 2.0}}}
    big = {"n": 100_000, "ratios": {}, "build": {"1": {"ms_per_doc": 2.5, "peak_rss_mb": 900.0},
                                                "2": {"peak_rss_mb": 2_100.0}},
           "load_again": {"seconds": 1.5, "import_seconds": 0.4}}
    judged = {t["target"]: t["met"] for t in summary.targets([small, big])}
    assert judged == {
        "whole build, 1 process, vs CountVectorizer (N=1,000)": False,
        "whole build, 1 process, vs NLTK pipeline (N=1,000)": True,
        "2 processes vs 1 (N=1,000)": True,
        "whole build, 1 process, vs CountVectorizer (N=100,000)": None,
        "whole build, 1 process, vs NLTK pipeline (N=100,000)": None,
        "2 processes vs 1 (N=100,000)": None,
        "time per document, 1 process, 1,000 → 100,000 docs": False,
        "load the built corpus again, fresh process, N=100,000": True,
        "peak RSS of the whole build, N=100,000": False,
    }


def test_issue17_benchmark_writes_every_figure_with_its_peer(tmp_path):
    # The quick mode of `make bench` on 12 articles: every row of issue #17 is written, each beside the
    # CountVectorizer peer of the same run, with a target judged; nothing about speed is asserted.
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, str(BENCHMARKS / "bench_targets.py"), "--sizes", "12", "--jobs", "1", "2",
                           "--out", str(out), "--corpora", str(tmp_path / "corpora")],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    targets = _load_targets()
    figures = [row["figure"] for row in results["rows"]]
    calls = [f"{run}, {when} call" for name in targets.CALLS
             for run in ([f"{name}, not stored yet"] if name in targets.CUE_CALLS else []) + [name]
             for when in ("first", "warm")]
    assert figures == ["CountVectorizer fit_transform (peer)", "build, 1 process", "build, 2 processes",
                       "cue coding once (kuril-research code)", "report 01", "report 02", "report 03", "report 04",
                       *calls]
    peer = results["rows"][0]["seconds"]
    assert peer > 0
    for row in results["rows"]:
        assert row["error"] is None, row
        assert row["n"] == 12 and row["seconds"] > 0 and row["peak_rss_mb"] > 0, row
        assert row["peer"] == "CountVectorizer fit_transform" and row["peer_seconds"] == peer, row
        assert row["ratio"] > 0, row
        untargeted = row["figure"].endswith("(peer)") or row["figure"].startswith("cue coding once")
        assert row["met"] in (True, False) or (untargeted and row["met"] is None), row
    assert results["rows"][2]["speedup_vs_1"] > 0
    markdown = (out / "results.md").read_text(encoding="utf-8")
    assert markdown.count("\n| 12 | ") == len(figures)
    assert not any(p.name.startswith("bench17-") for p in out.iterdir())  # scratch folder removed


def _load_targets():
    for before in SCRIPTS:
        _load(before)
    if "bench_targets" not in sys.modules:
        spec = importlib.util.spec_from_file_location("bench_targets", BENCHMARKS / "bench_targets.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench_targets"] = module
        spec.loader.exec_module(module)
    return sys.modules["bench_targets"]


def test_issue17_targets_are_judged_against_their_thresholds():
    # Hand-made: CountVectorizer 10 s. Build 1 process 20 s = 0.5x CV's throughput (goal >= 0.5: met, boundary
    # counts); 2 processes 12 s = 0.83x (goal >= 0.9: not met). Report 02 4 s = 0.4x CV and 1,500 MB (met);
    # report 03 6 s = 0.6x (not met); report 04 1 s but 2,100 MB (not met). kwic 4.9 s first (< 5: met),
    # 1.0 s warm (< 1: not met, the boundary fails).
    targets = _load_targets()
    rows = targets.rows_for(100, {"seconds": 10.0}, {1: {"seconds": 20.0}, 2: {"seconds": 12.0}},
                            {"02": {"seconds": 4.0, "peak_rss_mb": 1500.0}, "03": {"seconds": 6.0, "peak_rss_mb": 1.0},
                             "04": {"seconds": 1.0, "peak_rss_mb": 2100.0}},
                            {"kwic": {"first_seconds": 4.9, "warm_seconds": 1.0}})
    judged = {r["figure"]: (round(r["ratio"], 2), r["met"]) for r in rows}
    assert judged == {"CountVectorizer fit_transform (peer)": (1.0, None), "build, 1 process": (0.5, True),
                      "build, 2 processes": (0.83, False), "report 02": (0.4, True), "report 03": (0.6, False),
                      "report 04": (0.1, False), "kwic, first call": (0.49, True), "kwic, warm call": (0.1, False)}
    assert round(rows[2]["speedup_vs_1"], 2) == 1.67
