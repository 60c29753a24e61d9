"""Loading a built corpus through the memory-mapped Arrow cache (``corpus.read_table``)."""

from __future__ import annotations

import shutil

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from kuril_research import load_corpus
from kuril_research.corpus import TABLE_NAMES
from kuril_research.corpus import data as corpus
from kuril_research.corpus.arrow_cache import CACHE_DIR
from kuril_research.errors import CorpusTableError


@pytest.fixture
def folder(seed_dir, tmp_path):
    """A private copy of the built seed corpus, with no cache yet."""
    out = tmp_path / "processed"
    shutil.copytree(seed_dir, out)
    return out


def _cache_files(folder):
    return sorted(p.name for p in (folder / CACHE_DIR).glob("*.arrow"))


def _assert_same_corpus(got, expected):
    for name in TABLE_NAMES:
        a, b = getattr(got, name), getattr(expected, name)
        pd.testing.assert_frame_equal(a, b, check_exact=True)
        assert a.dtypes.tolist() == b.dtypes.tolist(), name


def test_cached_load_gives_the_parquet_tables_and_skips_the_parquet(folder, monkeypatch):
    parquet = load_corpus(folder, cache=False)
    assert not (folder / CACHE_DIR).exists()  # cache=False writes nothing
    first = load_corpus(folder, cache=True)
    assert [name.split("-")[0] for name in _cache_files(folder)] == sorted(TABLE_NAMES)
    _assert_same_corpus(first, parquet)

    def no_parquet(*args, **kwargs):
        raise AssertionError("the Parquet was read although the cache is current")

    monkeypatch.setattr(corpus.pq, "read_table", no_parquet)
    _assert_same_corpus(load_corpus(folder, cache=True), parquet)


def test_rewritten_table_replaces_only_its_own_cache_file(folder):
    load_corpus(folder, cache=True)
    before = _cache_files(folder)
    documents = pq.read_table(folder / "documents.parquet")
    titles = pa.array(["Changed"] * documents.num_rows, pa.string())
    pq.write_table(documents.set_column(documents.schema.get_field_index("title"), "title", titles),
                   folder / "documents.parquet")

    again = load_corpus(folder, cache=True)
    assert set(again.documents["title"]) == {"Changed"}  # not the stale copy
    after = _cache_files(folder)
    assert len(after) == len(TABLE_NAMES)  # the old documents copy is gone
    assert [n for n in after if not n.startswith("documents-")] == [n for n in before if not n.startswith("documents-")]
    assert [n for n in after if n.startswith("documents-")] != [n for n in before if n.startswith("documents-")]


def test_damaged_cache_file_is_rewritten(folder):
    load_corpus(folder, cache=True)
    mentions = next((folder / CACHE_DIR).glob("mentions-*.arrow"))
    size = mentions.stat().st_size
    mentions.unlink()  # a new file, as a copy cut short would be: never truncate a file that may be mapped
    mentions.write_bytes(b"ARROW1\0\0")
    _assert_same_corpus(load_corpus(folder, cache=True), load_corpus(folder, cache=False))
    assert mentions.stat().st_size == size


def test_unwritable_cache_falls_back_to_parquet(folder):
    (folder / CACHE_DIR).write_text("not a folder", encoding="utf-8")
    _assert_same_corpus(load_corpus(folder, cache=True), load_corpus(folder, cache=False))
    assert not any(p.name.endswith(".tmp") for p in folder.iterdir())


def test_small_corpus_is_not_cached_by_default(folder):
    load_corpus(folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted([".origin.json", "build.json",
                                                               *(f"{t}.parquet" for t in TABLE_NAMES)])


def test_table_of_another_version_is_refused_and_not_cached(folder):
    frame = pd.read_parquet(folder / "mentions.parquet").drop(columns=["voice"])
    frame.to_parquet(folder / "mentions.parquet")
    with pytest.raises(CorpusTableError, match=r"table 'mentions' does not match .*missing columns: \['voice'\]"):
        load_corpus(folder, cache=True)
    assert not list((folder / CACHE_DIR).glob("mentions-*"))


def test_cached_number_columns_are_the_files_pages_not_copies(folder):
    """Issue #17: a cached load maps each Int64 column's values from the copy instead of copying them."""
    corpus = load_corpus(folder, cache=True)
    starts = corpus.mentions["start"].array
    assert isinstance(starts._data.base, np.memmap)           # the copy's pages, mapped copy-on-write
    assert not starts._mask.any() and corpus.mentions["quote_id"].isna().any()
    # the same values and missing rows as pandas' own conversion of the Parquet, column for column
    _assert_same_corpus(corpus, load_corpus(folder, cache=False))
    with pa.memory_map(str(next((folder / CACHE_DIR).glob("mentions-*.arrow")))) as source:
        assert pa.ipc.open_file(source).num_record_batches == 1   # one buffer per column


def test_editing_a_loaded_number_column_changes_neither_the_copy_nor_the_next_load(folder):
    corpus = load_corpus(folder, cache=True)
    first = int(corpus.mentions.loc[0, "start"])
    corpus.mentions.loc[0, "start"] = first + 1000            # a read-only map would raise here
    corpus.sentences.loc[corpus.sentences["sent_id"] == 0, "sent_id"] = 99
    assert corpus.mentions.loc[0, "start"] == first + 1000 and (corpus.sentences["sent_id"] != 0).all()
    again = load_corpus(folder, cache=True)
    assert again.mentions.loc[0, "start"] == first and (again.sentences["sent_id"] == 0).any()
