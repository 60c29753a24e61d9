"""Interruption and concurrency: a killed or concurrent build never corrupts or loses output."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

from kuril_research import build_corpus, load_corpus

from .conftest import MANIFEST, RAW

KILLS = 20


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _build_cmd(out, raw=RAW, *options):
    return [sys.executable, "-m", "kuril_research.publish.cli", "build", str(raw), "--manifest", str(MANIFEST), "--out", str(out),
            *options]


def _bigger_raw(tmp_path, copies=60):
    """The seed articles, each copied ``copies`` times with a distinct last line, so a build takes seconds.

    The copies are near-duplicates of each other: build them with ``--keep-duplicates`` to keep them all.
    """
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in sorted(RAW.iterdir()):
        text = path.read_text(encoding="utf-8")
        for i in range(copies):
            (raw / f"{path.stem}_{i:03d}.txt").write_text(f"{text}\nCopy {i}.", encoding="utf-8")
    return raw


def test_sigkill_at_random_points_leaves_previous_output(tmp_path):
    raw = _bigger_raw(tmp_path)
    out = tmp_path / "processed"
    build_corpus(raw, MANIFEST, out, keep_duplicates=True)
    before = _snapshot(out)
    rng = random.Random(20261123)
    staged_at_kill = 0
    for _ in range(KILLS):
        proc = subprocess.Popen(_build_cmd(out, raw, "--keep-duplicates"),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 4.0))
        staged_at_kill += any(p.name.startswith(".processed.tmp-") for p in tmp_path.iterdir())
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        # whatever the moment of the kill, the folder is the old one or a complete new one (same bytes)
        assert _snapshot(out) == before
        assert len(load_corpus(out).documents) == 300
    print(f"\n{KILLS} kills survived; {staged_at_kill} landed while new tables were being written")
    done = subprocess.run(_build_cmd(out, raw, "--keep-duplicates"), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert _snapshot(out) == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".processed.") and p.suffix != ".lock"]
    assert leftovers == []  # the next run cleared what the killed runs had staged


def test_two_builds_at_once_are_serialised(tmp_path):
    out = tmp_path / "processed"
    procs = [subprocess.Popen(_build_cmd(out), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    corpus = load_corpus(out)
    assert len(corpus.documents) == 5 and corpus.rejects.empty
    reference = tmp_path / "reference"
    build_corpus(RAW, MANIFEST, reference)
    assert _snapshot(out) == _snapshot(reference)
