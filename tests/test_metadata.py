"""Manifest and metadata: undated items, extra columns, documents with no text (issue #11)."""

from __future__ import annotations

import pandas as pd
import pytest

from kuril_research.analysis import frequency
from kuril_research.analysis import periods
from kuril_research.corpus import build_corpus, load_corpus
from kuril_research.errors import ManifestError
from kuril_research.coding.framing import naming_stance_table
from kuril_research.ingest.sources import read_manifest

ARTICLE = "{title}\n\nTOKYO, {when}. Japan raised the question of {island} at the talks on {topic}.\n\nMore talks follow."


def _raw(tmp_path, rows, header="file,outlet,published"):
    raw = tmp_path / "raw"
    raw.mkdir()
    lines = [header]
    for name, fields, text in rows:
        (raw / name).write_text(text, encoding="utf-8")
        lines.append(",".join([name, *fields]))
    (raw / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return raw


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The corpus build_corpus returns, and the folder it wrote."""
    tmp = tmp_path_factory.mktemp("meta")
    raw = _raw(tmp, [
        ("a.txt", ["TASS", "2019-01-22", "Politics", "ru"],
         ARTICLE.format(title="Talks", when="January 22", island="Habomai", topic="fishing")),
        ("b.txt", ["Kyodo", "2019-03-04", "Economy", "jp"],
         ARTICLE.format(title="Trade", when="March 4", island="Shikotan", topic="trade")),
        ("c.txt", ["MOFA", "", "Politics", "jp"],   # undated: an official Q&A page
         ARTICLE.format(title="Q&A", when="May 1", island="Habomai", topic="visits")),
        ("d.txt", ["TASS", "2020-02-07", "", "ru"],
         "All news\n\nRead more\n\nAdvertisement\n"),   # nothing but furniture
    ], header="file,outlet,published,section,outlet_country")
    return build_corpus(raw, None, tmp / "out"), tmp / "out"


@pytest.fixture(scope="module")
def corpus(built):
    return built[0]


def test_undated_item_builds_with_unknown_precision(corpus):
    c = corpus.documents.set_index("doc_id").loc["c"]
    assert c.date_precision == "unknown"
    assert pd.isna(c.published) and pd.isna(c.year) and pd.isna(c.month)


def test_time_table_says_how_many_were_left_out(corpus):
    t = frequency.trend(corpus, "habomai", freq="year")
    assert t.attrs["n_docs_left_out"] == 1                  # c.txt, undated
    assert t.dropna(subset=["period"])["n_docs"].sum() == 2  # a and b placed in 2019
    assert periods.coverage_note(corpus.documents, "year") == "Not placed in any year: 1 undated document."


def test_extra_manifest_columns_are_kept_and_usable_in_by(corpus):
    docs = corpus.documents.set_index("doc_id")
    assert list(corpus.documents.columns[-2:]) == ["section", "outlet_country"]
    assert docs.loc[["a", "b", "c"], "section"].tolist() == ["Politics", "Economy", "Politics"]
    counts = frequency.word_list(corpus, by="section").query("term == 'habomai'")
    assert dict(zip(counts.section, counts["count"])) == {"Politics": 2}
    stance = naming_stance_table(corpus, by="outlet_country")
    assert set(stance.outlet_country) == {"ru", "jp"}


def test_extra_columns_survive_loading_again(built):
    corpus, folder = built
    again = load_corpus(folder)
    assert again.documents["section"].tolist() == corpus.documents["section"].tolist()


def test_document_of_furniture_only_is_a_no_text_reject(corpus):
    assert "d" not in corpus.documents.doc_id.tolist()
    assert corpus.rejects[["file", "reason"]].values.tolist() == [["d.txt", "no_text"]]


@pytest.mark.parametrize("header, message", [
    ("file,outlet,published,title", "column 'title' is a documents column"),
    ("file,outlet,published,my column", "not usable as a documents column"),
])
def test_extra_column_names_are_checked(tmp_path, header, message):
    path = tmp_path / "manifest.csv"
    path.write_text(header + "\na.txt,TASS,2019,x\n", encoding="utf-8")
    with pytest.raises(ManifestError, match=message):
        read_manifest(path)


def test_precision_unknown_must_match_an_empty_date(tmp_path):
    path = tmp_path / "manifest.csv"
    path.write_text("file,outlet,published,date_precision\na.txt,TASS,2019,unknown\n", encoding="utf-8")
    with pytest.raises(ManifestError, match="contradicts"):
        read_manifest(path)
