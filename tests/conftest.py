"""Shared fixtures: paths into the repository, independent of the working directory."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw" / "articles"
MANIFEST = ROOT / "data" / "raw" / "manifest.csv"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The embedded corpus, built once per test session into a temporary folder: (corpus, folder)."""
    from kuril_research import build_corpus

    out = tmp_path_factory.mktemp("processed") / "processed"
    return build_corpus(RAW, MANIFEST, out), out


@pytest.fixture(scope="session")
def seed_corpus(seed_build):
    """The embedded corpus as :func:`kuril_research.build_corpus` returns it."""
    return seed_build[0]


@pytest.fixture(scope="session")
def seed_dir(seed_build):
    """The folder the embedded corpus was built into (read it with ``load_corpus``)."""
    return seed_build[1]


@pytest.fixture
def raw_copy(tmp_path):
    """A writable copy of the seed raw folder and manifest."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    shutil.copy(MANIFEST, raw / "manifest.csv")
    return raw


def generate_corpus(n: int, folder: Path, seed: int):
    """Write ``n`` synthetic articles and their manifest with ``benchmarks/generate_corpus.py``."""
    spec = importlib.util.spec_from_file_location("generate_corpus", ROOT / "benchmarks" / "generate_corpus.py")
    module = sys.modules.get("generate_corpus") or importlib.util.module_from_spec(spec)
    if "generate_corpus" not in sys.modules:
        sys.modules["generate_corpus"] = module
        spec.loader.exec_module(module)
    return module.generate(n, folder, seed=seed)


def pipeline_tables(raw_dir: Path, manifest: Path) -> dict:
    """The tables the per-document pipeline produces for a raw folder, before anything is written.

    ``process_files`` on every manifest file in name order, each table with the
    schema's dtypes: a reference for what a build must read back, independent of
    any writer or reader.
    """
    from kuril_research import schema
    from kuril_research.corpus.process import process_files
    from kuril_research.ingest.sources import read_manifest

    meta = {row["file"]: row for row in read_manifest(manifest).to_dict("records")}
    tasks = [(str(raw_dir), name, meta[name], name.rsplit(".", 1)[0]) for name in sorted(meta)]
    return {table: schema.conform(table, arrow.to_pandas()) for table, arrow in process_files(tasks).tables.items()}


#: Test files that share the session's report set (tests/fixtures/report_set.py): run on one worker, so that
#: the set is generated once per run.
REPORT_SET_FILES = {"tests/test_reports.py", "tests/test_notebooks.py", "tests/test_figure_layout.py"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Keep each file's tests on one pytest-xdist worker, and the report-set files on one worker together.

    ``make test`` runs the suite on two workers with ``--dist loadgroup``: a file's module and session
    fixtures are then built once, not once per worker. Without xdist the marks do nothing.
    """
    for item in items:
        path = item.nodeid.split("::")[0]
        item.add_marker(pytest.mark.xdist_group("report_set" if path in REPORT_SET_FILES else path))
