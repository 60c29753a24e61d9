"""Nothing a user built is replaced by something made from other inputs (issue #11, item 1).

Every test works in a clone-like folder of its own (a ``pyproject.toml`` that
marks the project root, ``data/raw``, ``data/processed``, ``reports``), entered
with ``chdir``, so the defaults the commands fall back to are that folder's and
a broken guard could never touch this checkout's committed reports.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from kuril_research.publish import cli
from kuril_research.publish import reports
from kuril_research.corpus import build_corpus
from kuril_research.errors import InputError
from tests.fixtures.report_set import MANIFEST, RAW, ROOT, snapshot

NOTEBOOKS = ROOT / "notebooks"

# Two short articles of "the user's own", written for this test.
MY_ARTICLES = {
    "mine_1.txt": "Islanders await ferry\n\nSAPPORO, May 2 (Test Wire) - A ferry to Kunashir was delayed by fog, "
                  "port officials said on Tuesday.\n\nThe crossing usually takes four hours.",
    "mine_2.txt": "Fishing talks resume\n\nTOKYO, May 9 (Test Wire) - Negotiators met to discuss catches near "
                  "the Habomai islets.\n\nNo agreement was announced.",
}
MY_MANIFEST = ("file,outlet,published,date_precision,language,url,notes\n"
               "mine_1.txt,Test Wire,2020-05-02,day,en,,\nmine_2.txt,Test Wire,2020-05-09,day,en,,\n")


@pytest.fixture
def clone(tmp_path, monkeypatch):
    """A clone-like project folder with the embedded corpus built and a committed report, as cwd."""
    root = tmp_path / "clone"
    (root / "data" / "raw").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[project]\nname = "kuril_research"\n', encoding="utf-8")
    shutil.copytree(RAW, root / "data" / "raw" / "articles")
    shutil.copy(MANIFEST, root / "data" / "raw" / "manifest.csv")
    shutil.copytree(NOTEBOOKS, root / "notebooks")
    build_corpus(root / "data" / "raw" / "articles", root / "data" / "raw" / "manifest.csv",
                 root / "data" / "processed")
    (root / "reports" / "01_corpus_overview").mkdir(parents=True)
    (root / "reports" / "01_corpus_overview" / "provenance.json").write_text('{"committed": true}\n')
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def my_raw(tmp_path):
    raw = tmp_path / "MY_RAW"
    raw.mkdir()
    for name, text in MY_ARTICLES.items():
        (raw / name).write_text(text, encoding="utf-8")
    (raw / "manifest.csv").write_text(MY_MANIFEST, encoding="utf-8")
    return raw


def test_report_on_my_corpus_reads_it_and_never_rebuilds_it(clone, my_raw, tmp_path, capsys):
    # The reproduction of issue #11: build MY_RAW into MY_CORPUS, then report on MY_CORPUS.
    my_corpus, my_reports = tmp_path / "MY_CORPUS", tmp_path / "MY_REPORTS"
    assert cli.main(["build", str(my_raw), "--out", str(my_corpus)]) == 0
    before = snapshot(my_corpus)
    embedded_before = snapshot(clone / "data" / "processed")
    assert cli.main(["report", "01_corpus_overview", "--corpus", str(my_corpus), "--out", str(my_reports)]) == 0
    assert "building the corpus" not in capsys.readouterr().err
    assert snapshot(my_corpus) == before
    assert snapshot(clone / "data" / "processed") == embedded_before
    documents = pd.read_csv(my_reports / "01_corpus_overview" / "tables" / "documents.csv")
    assert sorted(documents["title"]) == ["Fishing talks resume", "Islanders await ferry"]


def test_report_with_raw_only_writes_nothing(clone, my_raw, capsys):
    # `report --raw MY_DIR` with no --corpus/--out used to rebuild data/processed and the committed reports/.
    processed, committed = snapshot(clone / "data" / "processed"), snapshot(clone / "reports")
    assert cli.main(["report", "--raw", str(my_raw)]) == 2
    err = capsys.readouterr().err
    assert "add --corpus MY_CORPUS" in err and "Traceback" not in err
    assert snapshot(clone / "data" / "processed") == processed
    assert snapshot(clone / "reports") == committed


def test_reports_of_another_corpus_never_go_to_the_committed_reports(clone, my_raw, tmp_path, capsys):
    committed = snapshot(clone / "reports")
    assert cli.main(["report", "--raw", str(my_raw), "--corpus", str(tmp_path / "MY_CORPUS")]) == 2
    assert "name a folder of your own with --out MY_REPORTS" in capsys.readouterr().err
    assert cli.main(["report", "--corpus", str(clone / "data" / "processed"), "--out", "reports",
                     "--raw", str(my_raw)]) == 2
    assert snapshot(clone / "reports") == committed
    assert not (tmp_path / "MY_CORPUS").exists()


def test_a_named_corpus_that_is_missing_is_a_clear_stop(clone, tmp_path):
    with pytest.raises(InputError, match=r"holds no built corpus.*kuril-research build RAW_DIR --out"):
        reports.prepare_corpus(tmp_path / "nowhere")
    assert not (tmp_path / "nowhere").exists()


def test_a_named_corpus_that_is_stale_is_a_clear_stop_naming_its_rebuild(clone, my_raw, tmp_path):
    my_corpus = tmp_path / "MY_CORPUS"
    build_corpus(my_raw, my_raw / "manifest.csv", my_corpus)
    record = json.loads((my_corpus / "build.json").read_text())
    record["package_version"] = "0.0.1"
    (my_corpus / "build.json").write_text(json.dumps(record))
    before = snapshot(my_corpus)
    with pytest.raises(InputError) as caught:
        reports.prepare_corpus(my_corpus)
    message = str(caught.value)
    assert "out of date (package_version changed" in message
    assert f"kuril-research build {my_raw.resolve()} --manifest {(my_raw / 'manifest.csv').resolve()}" in message
    assert snapshot(my_corpus) == before


def test_a_named_corpus_with_its_raw_folder_is_rebuilt_when_an_article_is_added(clone, my_raw, tmp_path):
    my_corpus = tmp_path / "MY_CORPUS"
    build_corpus(my_raw, my_raw / "manifest.csv", my_corpus)
    (my_raw / "mine_3.txt").write_text("Third story\n\nOSAKA, June 1 (Test Wire) - Shikotan was in the news.")
    assert reports.prepare_corpus(my_corpus, my_raw) == my_corpus
    assert json.loads((my_corpus / "build.json").read_text())["tables"]["documents"] == 3


def test_build_refuses_to_replace_a_corpus_of_other_articles(clone, my_raw, tmp_path, capsys):
    my_corpus = tmp_path / "MY_CORPUS"
    assert cli.main(["build", str(my_raw), "--out", str(my_corpus)]) == 0
    before = snapshot(my_corpus)
    # `kuril-research build` with defaults would replace it by the embedded corpus
    assert cli.main(["build", "--out", str(my_corpus)]) == 2
    err = capsys.readouterr().err
    assert "holds a corpus built from other articles" in err and "--replace" in err
    assert snapshot(my_corpus) == before
    assert cli.main(["build", "--out", str(my_corpus), "--replace"]) == 0
    assert json.loads((my_corpus / "build.json").read_text())["tables"]["documents"] == 5


def test_build_never_writes_into_a_folder_that_is_not_a_corpus(clone, my_raw, tmp_path, capsys):
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "thesis.docx").write_bytes(b"chapter one")
    assert cli.main(["build", str(my_raw), "--out", str(folder), "--replace"]) == 2
    assert "is not a kuril_research corpus folder (it holds thesis.docx)" in capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == ["thesis.docx"]
    assert (folder / "thesis.docx").read_bytes() == b"chapter one"


def test_make_report_stops_when_data_processed_holds_my_corpus(clone, my_raw, capsys):
    # A user built their own articles into the default folder; the default report run must not replace them.
    assert cli.main(["build", str(my_raw), "--replace"]) == 0
    mine = snapshot(clone / "data" / "processed")
    with pytest.raises(InputError, match="holds a corpus built from other articles"):
        reports.prepare_corpus()
    assert snapshot(clone / "data" / "processed") == mine


def test_a_corpus_built_by_other_reading_code_is_a_clear_stop_not_a_rebuild(clone, my_raw, tmp_path, capsys):
    """Issue #17: the corpus reader (corpus/data.py) is part of the build's code hash; a corpus built before
    a change of it (as every corpus built before its copies became uncopied columns) asks to be rebuilt."""
    my_corpus = tmp_path / "MY_CORPUS"
    build_corpus(my_raw, my_raw / "manifest.csv", my_corpus)
    record = json.loads((my_corpus / "build.json").read_text())
    record["pipeline_sha256"] = "0" * 64                     # what a build by older code recorded
    (my_corpus / "build.json").write_text(json.dumps(record))
    before = snapshot(my_corpus)
    assert cli.main(["report", "01", "--corpus", str(my_corpus), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "out of date (pipeline_sha256 changed" in err and "never rebuilt behind your back" in err
    assert f"kuril-research build {my_raw.resolve()}" in err and "Traceback" not in err
    assert snapshot(my_corpus) == before and not (tmp_path / "out" / "01_corpus_overview").exists()
