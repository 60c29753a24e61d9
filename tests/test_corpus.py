"""The corpus build on the seed articles and on hand-made raw folders."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from kuril_research import build_corpus, load_corpus
from kuril_research.corpus import TABLE_NAMES
from kuril_research.errors import CorpusTableError, ManifestError

from .conftest import MANIFEST, RAW, generate_corpus, pipeline_tables

SEED_DATELINES = {
    # doc_id                   place     country  month day  agency
    "000_02c35acdd9b1a3b6": ("MOSCOW", None,     7,  26, "TASS"),
    "001_e3e4e3b56fb486ca": ("MOSCOW", None,     9,  21, "TASS"),
    "002_ff6a0fcddfbc72fb": ("MOSCOW", "Russia", None, None, None),
    "003_5c202a017dd63dc4": ("TOKYO",  None,     4,  15, "TASS"),
    "004_b4db91b1548a4516": ("MOSCOW", None,     1,  25, "TASS"),
}


def _row(frame, doc_id):
    return frame.set_index("doc_id").loc[doc_id]


def test_seed_has_five_documents_and_no_rejects(seed_corpus):
    assert seed_corpus.documents["doc_id"].tolist() == sorted(SEED_DATELINES)
    assert seed_corpus.rejects.empty


@pytest.mark.parametrize("doc_id", sorted(SEED_DATELINES))
def test_seed_datelines(seed_corpus, doc_id):
    row = _row(seed_corpus.documents, doc_id)
    got = tuple(None if pd.isna(row[c]) else row[c]
                for c in ["dateline_place", "dateline_country", "dateline_month", "dateline_day", "agency"])
    assert got == SEED_DATELINES[doc_id]


def test_seed_standfirsts(seed_corpus):
    has = seed_corpus.documents.set_index("doc_id")["standfirst"].notna().to_dict()
    assert [d for d, v in has.items() if v] == ["000_02c35acdd9b1a3b6", "001_e3e4e3b56fb486ca", "003_5c202a017dd63dc4"]


def test_seed_bodies_free_of_furniture(seed_corpus):
    for text in seed_corpus.documents["text"]:
        for furniture in ("All news", "Advertisement", "newsletter", "inbox", "©", "Pool Photo", "seen during talks"):
            assert furniture not in text


def test_seed_manifest_metadata_attached(seed_corpus):
    docs = seed_corpus.documents.set_index("doc_id")
    assert docs.loc["002_ff6a0fcddfbc72fb", ["outlet", "published", "date_precision"]].tolist() == ["unknown", "2019-01", "month"]
    assert docs["encoding"].unique().tolist() == ["utf-8"]
    expected = hashlib.sha256((RAW / "000_02c35acdd9b1a3b6.txt").read_bytes()).hexdigest()
    assert docs.loc["000_02c35acdd9b1a3b6", "sha256"] == expected
    assert docs["warnings"].fillna("").str.contains("disagrees").sum() == 0  # datelines agree with the manifest


def test_offsets_round_trip(seed_corpus):
    texts = seed_corpus.documents.set_index("doc_id")["text"]
    for table in (seed_corpus.sentences, seed_corpus.quotes):
        for row in table.itertuples():
            assert texts[row.doc_id][row.start:row.end] == row.text
    for row in seed_corpus.mentions.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.surface


def _mentions(corpus, doc_id, entity):
    m = corpus.mentions
    return m[(m["doc_id"] == doc_id) & (m["entity"] == entity)]


def test_khabomai_is_habomai(seed_corpus):
    m = _mentions(seed_corpus, "003_5c202a017dd63dc4", "habomai")
    assert m["surface"].tolist() == ["Khabomai"]


def test_001_northern_territories_quoted_once_attributed_once(seed_corpus):
    m = _mentions(seed_corpus, "001_e3e4e3b56fb486ca", "northern_territories")
    assert m[["voice", "speaker"]].fillna("").values.tolist() == [["quoted", "fumio_kishida"], ["attributed", "tokyo"]]


def test_003_northern_territories_quoted_and_attributed(seed_corpus):
    m = _mentions(seed_corpus, "003_5c202a017dd63dc4", "northern_territories")
    assert m[["surface", "voice", "speaker"]].values.tolist() == [
        ["northern territories", "quoted", "fumio_kishida"],
        ["northern territories", "attributed", "japan"],
    ]


def test_002_names_after_known_in_japan_as(seed_corpus):
    # "Known in Japan as Iturup, Kunashir, Shikotan and Habomai, ...": the outlet's own Russian spellings stay its
    # own (narrator), the neutral names in the cue's name slot are reported as Japan's (attributed), whatever the
    # one-voice-per-list rule does with a list the outlet writes after a claim verb.
    m = seed_corpus.mentions
    row = m[(m["doc_id"] == "002_ff6a0fcddfbc72fb") & m["entity"].isin(["iturup", "kunashir", "shikotan", "habomai"])]
    first = row.drop_duplicates("entity").set_index("entity")
    assert first.loc[["iturup", "kunashir", "shikotan", "habomai"], ["voice", "speaker"]].fillna("").values.tolist() \
        == [["narrator", ""], ["narrator", ""], ["attributed", "japan"], ["attributed", "japan"]]


def test_000_southern_kurils_all_narrator(seed_corpus):
    m = _mentions(seed_corpus, "000_02c35acdd9b1a3b6", "southern_kurils")
    assert m["surface"].tolist() == ["Southern Kuril Islands", "Southern Kuril Islands", "Southern Kurils"]
    assert set(m["voice"]) == {"narrator"}


def test_tables_read_back_equal_the_rows_the_pipeline_produced(seed_corpus, seed_dir):
    # Reading the written Parquet back must give exactly the rows the pipeline produced before anything
    # was written (a lost row group, a reordered chunk or a dtype the Parquet loses would all show here);
    # so must the tables build_corpus returns, which it kept in memory while writing them.
    produced = pipeline_tables(RAW, MANIFEST)
    assert set(produced) == {"documents", "paragraphs", "sentences", "quotes", "mentions", "removed"}
    loaded = load_corpus(seed_dir, cache=False)
    for table, expected in produced.items():
        assert len(expected) > 0, table
        pd.testing.assert_frame_equal(loaded.__dict__[table], expected, obj=table)
        pd.testing.assert_frame_equal(getattr(seed_corpus, table), expected, obj=table)


def test_build_corpus_returns_the_tables_it_wrote(raw_copy, tmp_path):
    # rejects, an exact duplicate, a near-duplicate dropped after writing, and an extra manifest column:
    # every table build_corpus returns (kept in memory while writing) must equal the one load_corpus
    # reads from the folder it wrote, and so must the build record
    (raw_copy / "empty.txt").write_bytes(b"")
    shutil.copy(raw_copy / "001_e3e4e3b56fb486ca.txt", raw_copy / "zz_copy.txt")
    text = (raw_copy / "003_5c202a017dd63dc4.txt").read_text(encoding="utf-8")
    (raw_copy / "zz_near.txt").write_text(text.rstrip() + " More later.\n", encoding="utf-8")
    manifest = (raw_copy / "manifest.csv").read_text(encoding="utf-8").splitlines()
    manifest = [manifest[0] + ",section"] + [line + ",World" for line in manifest[1:]]
    (raw_copy / "manifest.csv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    built = build_corpus(raw_copy, raw_copy / "manifest.csv", tmp_path / "processed")
    loaded = load_corpus(tmp_path / "processed", cache=False)
    assert sorted(built.rejects["reason"]) == ["duplicate", "empty"]
    assert built.duplicates["doc_id"].tolist() == ["003_5c202a017dd63dc4", "zz_near"]
    assert "zz_near" not in set(built.mentions["doc_id"]) and built.documents.columns[-1] == "section"
    for table in TABLE_NAMES:
        pd.testing.assert_frame_equal(getattr(built, table), getattr(loaded, table), check_exact=True, obj=table)
    assert built.build == loaded.build and list(built.build) == list(loaded.build)


def test_build_is_deterministic_and_independent_of_jobs(seed_dir, tmp_path):
    other = tmp_path / "two_jobs"
    build_corpus(RAW, MANIFEST, other, jobs=2)
    first = seed_dir
    for path in sorted(first.iterdir()):
        assert (other / path.name).read_bytes() == path.read_bytes(), path.name


def test_many_chunks_give_the_same_bytes_on_one_or_two_processes(tmp_path):
    # 150 generated files are three slices of FILES_PER_CHUNK = 64, so two processes really share the work;
    # the copy of file 3 sits in the last slice and must still be found as a duplicate of the first
    from kuril_research.corpus.build import FILES_PER_CHUNK

    g = generate_corpus(150, tmp_path / "gen", seed=7)
    names = sorted(p.name for p in g.raw_dir.iterdir())
    shutil.copy(g.raw_dir / names[3], g.raw_dir / "zz_copy_of_3.txt")
    assert (len(names) + 1) // FILES_PER_CHUNK >= 2
    one = build_corpus(g.raw_dir, g.manifest, tmp_path / "one", jobs=1)
    build_corpus(g.raw_dir, g.manifest, tmp_path / "two", jobs=2)
    assert len(one.documents) == 150
    assert one.rejects[["file", "reason"]].values.tolist() == [["zz_copy_of_3.txt", "duplicate"]]
    assert "zz_copy_of_3" not in set(one.sentences["doc_id"])
    for path in sorted((tmp_path / "one").iterdir()):
        assert (tmp_path / "two" / path.name).read_bytes() == path.read_bytes(), path.name


def test_rejects_and_warnings_account_for_every_file(raw_copy, tmp_path):
    (raw_copy / "empty.txt").write_bytes(b"")
    (raw_copy / "scan.txt").write_bytes(b"%PDF-1.4 binary")
    shutil.copy(raw_copy / "000_02c35acdd9b1a3b6.txt", raw_copy / "zz_copy_of_000.txt")
    (raw_copy / "unlisted.txt").write_text("MOSCOW — Lavrov spoke about Kunashir.", encoding="utf-8")
    with open(raw_copy / "manifest.csv", "a", encoding="utf-8") as f:
        f.write("\ngone.txt,TASS,2020,year,en,,\n")
    corpus = build_corpus(raw_copy, raw_copy / "manifest.csv", tmp_path / "out")
    rejects = dict(zip(corpus.rejects["file"], corpus.rejects["reason"]))
    assert rejects == {"empty.txt": "empty", "scan.txt": "binary", "zz_copy_of_000.txt": "duplicate", "gone.txt": "missing"}
    assert len(corpus.documents) == 6  # five seeds + the unlisted file
    files_in = {p.name for p in raw_copy.iterdir() if p.name != "manifest.csv"} | {"gone.txt"}
    assert set(corpus.documents["file"]) | set(corpus.rejects["file"]) == files_in
    unlisted = corpus.documents.set_index("file").loc["unlisted.txt"]
    assert "not in the manifest" in unlisted["warnings"]


def test_input_hash_is_taken_from_the_files_as_read(raw_copy, tmp_path):
    # the build hashes the bytes it reads; recomputing from the folder (as reports do) must agree,
    # rejects included, and must change when one byte of one file changes
    import hashlib

    from kuril_research.corpus.provenance import files_sha256, raw_corpus_sha256

    (raw_copy / "scan.txt").write_bytes(b"%PDF-1.4 binary")
    (raw_copy / "empty.txt").write_bytes(b"  \n")
    (raw_copy / "elsewhere.txt").symlink_to(tmp_path / "outside.txt")
    (tmp_path / "outside.txt").write_text("Kunashir", encoding="utf-8")
    with open(raw_copy / "manifest.csv", "a", encoding="utf-8") as f:
        f.write("\ngone.txt,TASS,2020,year,en,,\n")
    manifest = raw_copy / "manifest.csv"
    built = build_corpus(raw_copy, manifest, tmp_path / "out").build["raw_corpus_sha256"]
    assert built == raw_corpus_sha256(raw_copy, manifest)
    # by hand: file name, SHA-256 of its bytes or a marker, in name order, then the manifest's bytes
    names = sorted([p.name for p in raw_copy.iterdir() if p.name != "manifest.csv"] + ["gone.txt"])
    markers = {"gone.txt": "<missing>", "elsewhere.txt": "<outside_raw_folder>"}
    keys = [(n, markers.get(n) or hashlib.sha256((raw_copy / n).read_bytes()).hexdigest()) for n in names]
    assert built == files_sha256(keys, manifest)
    (raw_copy / "scan.txt").write_bytes(b"%PDF-1.5 binary")
    assert build_corpus(raw_copy, manifest, tmp_path / "out").build["raw_corpus_sha256"] != built


def test_dateline_disagreeing_with_manifest_warns(raw_copy, tmp_path):
    manifest = raw_copy / "manifest.csv"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("2021-07-26", "2021-07-27"), encoding="utf-8")
    corpus = build_corpus(raw_copy, manifest, tmp_path / "out")
    warnings = corpus.documents.set_index("doc_id")["warnings"]
    assert "disagrees with the manifest date 2021-07-27" in warnings["000_02c35acdd9b1a3b6"]
    assert warnings["001_e3e4e3b56fb486ca"] == ""


def test_failed_build_leaves_previous_output(raw_copy, tmp_path):
    out = tmp_path / "out"
    build_corpus(raw_copy, raw_copy / "manifest.csv", out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (raw_copy / "manifest.csv").write_text("file,outlet,published\nx.txt,TASS,2021-02-30\n", encoding="utf-8")
    with pytest.raises(ManifestError):
        build_corpus(raw_copy, raw_copy / "manifest.csv", out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_raw_folder_is_never_written(tmp_path):
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in RAW.iterdir()}
    build_corpus(RAW, MANIFEST, tmp_path / "out")
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in RAW.iterdir()} == before


def test_old_table_is_refused_with_message(seed_dir, tmp_path):
    folder = tmp_path / "old"
    shutil.copytree(seed_dir, folder)
    frame = pd.read_parquet(folder / "mentions.parquet").drop(columns=["voice"])
    frame.to_parquet(folder / "mentions.parquet")
    with pytest.raises(CorpusTableError, match=r"mentions.parquet: table 'mentions' does not match .*missing columns: \['voice'\]"):
        load_corpus(folder)


@pytest.mark.parametrize("args, code, words", [
    (["build", "{raw}", "--out", "{out}"], 0, "built 5 documents, 0 rejected"),
    (["build", "{tmp}/nowhere", "--out", "{out}"], 2, "raw folder not found"),
    (["build", "{raw}", "--manifest", "{tmp}/bad.csv", "--out", "{out}"], 2, "bad.csv, line 2, field published"),
])
def test_cli_build(tmp_path, args, code, words):
    (tmp_path / "bad.csv").write_text("file,outlet,published\na.txt,TASS,July 2021\n", encoding="utf-8")
    argv = [a.format(raw=RAW, out=tmp_path / "out", tmp=tmp_path) for a in args]
    proc = subprocess.run([sys.executable, "-m", "kuril_research.publish.cli", *argv], capture_output=True, text=True)
    assert proc.returncode == code
    assert words in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
