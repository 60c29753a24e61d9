"""The Dask build writes the same tables as the single-process build."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from kuril_research import build_corpus, load_corpus
from kuril_research.corpus import TABLE_NAMES, write_corpus
from kuril_research.errors import CorpusTableError, ManifestError

from .conftest import MANIFEST, RAW, generate_corpus, pipeline_tables

import distributed  # noqa: E402,F401 - the dask extra is in requirements.lock, so CI always has it
from kuril_research.corpus.distributed import write_corpus_dask  # noqa: E402


def _assert_same(single_dir, dask_dir):
    single, dask = load_corpus(single_dir), load_corpus(dask_dir)
    for table in TABLE_NAMES:
        pd.testing.assert_frame_equal(getattr(dask, table), getattr(single, table), obj=table)
    extra = {"layout", "partitions"}
    assert {k: v for k, v in dask.build.items() if k not in extra} == single.build


@pytest.fixture(scope="module")
def cluster():
    """One local cluster for the module: two single-threaded worker processes."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as local:
        yield local


def test_seed_corpus_on_a_default_local_cluster(tmp_path):
    single = write_corpus(RAW, MANIFEST, tmp_path / "single")
    dask = write_corpus_dask(RAW, MANIFEST, tmp_path / "dask")
    assert sorted(p.name for p in (tmp_path / "dask").iterdir()) == sorted([".origin.json", "build.json", *TABLE_NAMES])
    assert len(list((tmp_path / "dask" / "documents").glob("part-*.parquet"))) > 1
    assert (dask.documents, dask.rejects, dask.out_dir) == (5, 0, tmp_path / "dask")
    assert vars(dask) | {"out_dir": None} == vars(single) | {"out_dir": None}
    _assert_same(tmp_path / "single", tmp_path / "dask")


def test_generated_corpus_with_rejects_and_duplicates(cluster, tmp_path):
    g = generate_corpus(50, tmp_path / "gen", seed=4)
    raw = g.raw_dir
    names = sorted(p.name for p in raw.iterdir())
    shutil.copy(raw / names[3], raw / "zz_copy_of_3.txt")          # duplicate in the last partition
    shutil.copy(raw / names[10], raw / f"{names[10][:7]}copy.txt")  # duplicate beside its original
    (raw / "empty.txt").write_bytes(b"")
    (raw / "scan.txt").write_bytes(b"%PDF-1.4 binary")
    (raw / "unlisted.txt").write_text("MOSCOW — Lavrov spoke about Kunashir.", encoding="utf-8")
    with open(g.manifest, "a", encoding="utf-8") as f:
        f.write("gone.txt,TASS,2020,year,en,,\n")
    single = build_corpus(raw, g.manifest, tmp_path / "single", jobs=1)
    summary = write_corpus_dask(raw, g.manifest, tmp_path / "dask", scheduler=cluster.scheduler_address,
                                partitions=4)
    assert dict(zip(single.rejects["file"], single.rejects["reason"])) == {
        "empty.txt": "empty", "scan.txt": "binary", "zz_copy_of_3.txt": "duplicate",
        f"{names[10][:7]}copy.txt": "duplicate", "gone.txt": "missing"}
    assert (summary.duplicates, summary.rejects, summary.documents) == (2, 5, len(single.documents))
    assert load_corpus(tmp_path / "dask").build["partitions"] == 4
    _assert_same(tmp_path / "single", tmp_path / "dask")


def test_client_can_be_passed_and_is_left_open(cluster, tmp_path):
    with distributed.Client(cluster) as client:
        write_corpus_dask(RAW, MANIFEST, tmp_path / "dask", scheduler=client, partitions=1)
        assert client.status == "running"
    build_corpus(RAW, MANIFEST, tmp_path / "single")
    _assert_same(tmp_path / "single", tmp_path / "dask")


def test_empty_raw_folder_needs_no_cluster(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    build_corpus(raw, None, tmp_path / "single")
    write_corpus_dask(raw, None, tmp_path / "dask", scheduler="tcp://192.0.2.1:8786")  # never contacted
    _assert_same(tmp_path / "single", tmp_path / "dask")


def test_partitioned_tables_read_back_equal_the_rows_the_pipeline_produced(cluster, tmp_path):
    # The reference is the pipeline's rows before anything is written, not another reader's output:
    # three partitions written by workers and read back must give those rows, in name order.
    write_corpus_dask(RAW, MANIFEST, tmp_path / "dask", scheduler=cluster.scheduler_address, partitions=3)
    loaded = load_corpus(tmp_path / "dask", cache=False)
    for table, expected in pipeline_tables(RAW, MANIFEST).items():
        assert len(expected) > 0, table
        pd.testing.assert_frame_equal(getattr(loaded, table), expected, obj=table)


def test_missing_part_folder_is_refused_with_message(cluster, tmp_path):
    write_corpus_dask(RAW, MANIFEST, tmp_path / "dask", scheduler=cluster.scheduler_address)
    shutil.rmtree(tmp_path / "dask" / "quotes")
    with pytest.raises(CorpusTableError, match=r"table 'quotes' is missing"):
        load_corpus(tmp_path / "dask")


def test_bad_manifest_leaves_previous_output(cluster, raw_copy, tmp_path):
    out = tmp_path / "dask"
    write_corpus_dask(raw_copy, raw_copy / "manifest.csv", out, scheduler=cluster.scheduler_address)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (raw_copy / "manifest.csv").write_text("file,outlet,published\nx.txt,TASS,2021-02-30\n", encoding="utf-8")
    with pytest.raises(ManifestError):
        write_corpus_dask(raw_copy, raw_copy / "manifest.csv", out, scheduler=cluster.scheduler_address)
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_unreachable_scheduler_is_an_error_for_people(tmp_path, monkeypatch):
    from kuril_research.corpus import distributed as kd
    from kuril_research.errors import InputError

    monkeypatch.setattr(kd, "CONNECT_TIMEOUT", 1)
    with pytest.raises(InputError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"):
        write_corpus_dask(RAW, MANIFEST, tmp_path / "dask", scheduler="tcp://127.0.0.1:9")
    assert not (tmp_path / "dask").exists()


def test_cli_engine_dask_writes_tables_load_corpus_reads(tmp_path, capsys):
    from kuril_research import load_corpus
    from kuril_research.publish.cli import main

    out = tmp_path / "dask_cli"
    assert main(["build", str(RAW), "--manifest", str(MANIFEST), "--out", str(out), "--engine", "dask"]) == 0
    assert "built 5 documents, 0 rejected" in capsys.readouterr().out
    assert (out / "mentions").is_dir()  # partitioned layout
    assert len(load_corpus(out).mentions) == len(load_corpus(out).mentions.drop_duplicates())
    assert set(load_corpus(out).documents["doc_id"]) == {p.stem for p in RAW.iterdir()}


def test_exports_extra_columns_and_near_duplicates_build_alike(cluster, tmp_path):
    from .fixtures.exports import write_csv

    raw = tmp_path / "raw"
    raw.mkdir()
    write_csv(raw)                                                    # ten articles in one export
    story = ("Japan and Russia agreed to hold a new round of consultations on joint economic activity on the "
             "southern Kuril Islands before the end of the spring, officials of both sides said on Tuesday.")
    (raw / "copy_a.txt").write_text("Talks\n\n" + story, encoding="utf-8")
    (raw / "copy_b.txt").write_text("All news\n\nConsultations\n\n" + story + " More later.", encoding="utf-8")
    (raw / "manifest.csv").write_text("file,outlet,published,section\ncopy_a.txt,Herald,2019-01-23,World\n"
                                      "copy_b.txt,Wire,2019-01-22,Asia\n", encoding="utf-8")
    single = build_corpus(raw, None, tmp_path / "single", jobs=1)
    write_corpus_dask(raw, None, tmp_path / "dask", scheduler=cluster.scheduler_address, partitions=2)
    assert single.documents.doc_id.tolist() == ["copy_b"] + [f"a{i:02d}" for i in range(1, 11)]
    assert single.duplicates.kept_doc_id.unique().tolist() == ["copy_b"]
    assert single.documents.columns[-1] == "section"
    _assert_same(tmp_path / "single", tmp_path / "dask")
