"""Shared fixtures: paths into the repository, independent of the working directory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw" / "articles"
MANIFEST = ROOT / "data" / "raw" / "manifest.csv"


@pytest.fixture(scope="session")
def seed_corpus(tmp_path_factory):
    """The embedded corpus, built once per test session into a temporary folder."""
    from kuril_research import build_corpus

    out = tmp_path_factory.mktemp("processed") / "processed"
    return build_corpus(RAW, MANIFEST, out)


@pytest.fixture
def raw_copy(tmp_path):
    """A writable copy of the seed raw folder and manifest."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    shutil.copy(MANIFEST, raw / "manifest.csv")
    return raw
