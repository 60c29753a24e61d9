"""The annotator batches that benchmarks/train_title_model.py --by-batch holds out one at a time (issue #12)."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def train():
    spec = importlib.util.spec_from_file_location("train_title_model", ROOT / "benchmarks" / "train_title_model.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_title_model"] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules["train_title_model"]


def test_batches_are_read_from_the_readme_ranges_in_their_order(train, tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("listed in [`SOURCES_A.md`](SOURCES_A.md) (g001–g022), [`SOURCES_B.md`](SOURCES_B.md)\n"
                      "(g023–g044) and [`SOURCES_AA.md`](SOURCES_AA.md) (g398–g409); SOURCES_C.md (g045) is no range.",
                      encoding="utf-8")
    ranges = train.batches(readme)
    assert ranges == [("A", "g001", "g022"), ("B", "g023", "g044"), ("AA", "g398", "g409")]
    assert [train.batch_of(s, ranges) for s in ("g001", "g022", "g023", "g400", "g410")] == ["A", "A", "B", "AA", "?"]


def test_a_readme_without_ranges_stops_the_script_with_its_name(train, tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("no batches here", encoding="utf-8")
    with pytest.raises(SystemExit, match="README.md"):
        train.batches(readme)
