"""Sources read by what they are: seven export formats of the same ten articles build alike (issue #11)."""

from __future__ import annotations

import pytest

from kuril_research.publish.cli import main
from kuril_research.corpus import build_corpus, load_corpus
from kuril_research.ingest.readers import ColumnMapping, read_source
from tests.fixtures.exports import ARTICLES, FORMATS, write_exports, write_nexis_docx, write_nexis_txt

COMPARED = ["title", "outlet", "published", "date_precision", "text"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("exports")
    folders = write_exports(base / "raw")
    return {fmt: build_corpus(folder, None, base / "out" / fmt) for fmt, folder in folders.items()}


def test_every_export_builds_the_ten_articles(built):
    expected = [(a.title, a.outlet, a.date.isoformat(), "day") for a in ARTICLES]
    for fmt in FORMATS:
        docs = built[fmt].documents.sort_values("source_position")
        assert len(built[fmt].rejects) == 0, (fmt, built[fmt].rejects.to_dict("records"))
        assert list(zip(docs.title, docs.outlet, docs.published, docs.date_precision)) == expected, fmt
        assert docs.source_format.unique().tolist() == [fmt]
        assert docs.source_position.tolist() == list(range(1, 11))


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "csv"])
def test_every_export_gives_the_same_documents_as_the_csv(built, fmt):
    csv = built["csv"].documents.sort_values("source_position")[COMPARED].reset_index(drop=True)
    other = built[fmt].documents.sort_values("source_position")[COMPARED].reset_index(drop=True)
    assert other.equals(csv)


def test_the_dateline_is_parsed_from_the_body_not_taken_as_title(built):
    first = built["nexis-txt"].documents.sort_values("source_position").iloc[0]
    assert (first.title, first.dateline_place, first.text.split()[:3]) == (
        "Ministers agree to meet again on treaty", "MOSCOW", ["The", "foreign", "ministers"])


def test_ids_come_from_the_id_column_else_file_and_position(built):
    assert built["csv"].documents.doc_id.tolist()[:2] == ["a01", "a02"]
    assert built["xlsx"].documents.doc_id.tolist()[:2] == ["export-00001", "export-00002"]


def test_unsupported_file_is_a_reject_not_an_article(tmp_path):
    raw = tmp_path / "raw"
    write_exports(tmp_path / "all")
    raw.mkdir()
    (raw / "export.csv").write_bytes((tmp_path / "all" / "csv" / "export.csv").read_bytes())
    (raw / "README.md").write_text("# My exports\n\nDownloaded in March.\n", encoding="utf-8")
    (raw / "notes.json").write_text('{"a": 1}', encoding="utf-8")
    corpus = build_corpus(raw, None, tmp_path / "out")
    assert len(corpus.documents) == 10
    assert sorted(zip(corpus.rejects.file, corpus.rejects.reason)) == [
        ("README.md", "unsupported_format"), ("notes.json", "unsupported_format")]


def test_partial_nexis_parse_is_impossible_to_miss(tmp_path):
    path = write_nexis_txt(tmp_path)
    # article 3's marker in another layout: its text runs into article 2, 9 of the 10 announced are found
    path.write_text(path.read_text(encoding="utf-8").replace("3 of 10 DOCUMENTS", "3 von 10 DOKUMENTEN"),
                    encoding="utf-8")
    items = read_source(tmp_path, path.name)
    rejects = [i for i in items if not hasattr(i, "meta")]
    docs = [i for i in items if hasattr(i, "meta")]
    assert len(docs) == 9
    assert [(r.reason, "announces 10 articles but 9 were found" in r.detail) for r in rejects] == [
        ("partial_parse", True)]
    assert all("partial parse" in w for d in docs for w in d.meta["warnings"])


def test_nexis_file_without_markers_says_what_it_looked_for(tmp_path):
    path = write_nexis_docx(tmp_path)
    import docx

    document = docx.Document(path)
    for para in document.paragraphs:
        if para.text == "End of Document":
            para.text = "Fin du document"
    document.save(path)
    (reject,) = read_source(tmp_path, path.name)
    assert reject.reason == "no_articles"
    assert "'End of Document' (en)" in reject.detail and "--nexis-markers" in reject.detail


def test_column_mapping_and_declared_date_format(tmp_path):
    (tmp_path / "export.tsv").write_text(
        "headline_en\tbody_en\twhen\tpaper\n"
        "Talks resume\tJapan and Russia resumed talks on Monday.\t21/01/2019\tHarbour Herald\n"
        "Undated note\tA note on the islands with no date.\t\tHarbour Herald\n"
        "Empty row\t\t22/01/2019\tHarbour Herald\n", encoding="utf-8")
    mapping = ColumnMapping(text="body_en", title="headline_en", date="when", outlet="paper", date_format="%d/%m/%Y")
    items = read_source(tmp_path, "export.tsv", options=None)
    assert [i.reason for i in items] == ["unmapped_columns"]  # no text column under a common name
    from kuril_research.ingest.readers import SourceOptions

    items = read_source(tmp_path, "export.tsv", SourceOptions(mapping))
    assert [(i.meta["title"], i.meta["published"], i.meta["date_precision"]) for i in items[:2]] == [
        ("Talks resume", "2019-01-21", "day"), ("Undated note", None, "unknown")]
    assert (items[2].reason, items[2].position) == ("no_text", 3)


def test_cli_column_options_and_a_file_instead_of_a_folder(tmp_path, capsys):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "export.csv").write_text(
        "headline_en,body_en,when\nTalks resume,Japan and Russia resumed talks on Monday.,January 21 2019\n",
        encoding="utf-8")
    code = main(["build", str(tmp_path / "raw" / "export.csv"), "--out", str(tmp_path / "out")])
    assert code == 2 and "a folder of its own" in capsys.readouterr().err
    code = main(["build", str(tmp_path / "raw"), "--out", str(tmp_path / "out"), "--text-column", "body_en",
                 "--title-column", "headline_en", "--date-column", "when", "--date-format", "%B %d %Y"])
    assert code == 0
    doc = load_corpus(tmp_path / "out").documents.iloc[0]
    assert (doc.title, doc.published, doc.source_format) == ("Talks resume", "2019-01-21", "csv")


def test_export_with_a_header_and_no_rows_is_a_reject(tmp_path):
    (tmp_path / "export.csv").write_text("title,published,text\n", encoding="utf-8")
    (reject,) = read_source(tmp_path, "export.csv")
    assert (reject.reason, reject.file) == ("no_articles", "export.csv")


def test_ambiguous_date_is_a_reject_naming_row_and_column(tmp_path):
    (tmp_path / "export.csv").write_text("title,date,text\nTalks,03/04/2019,Japan and Russia met.\n", encoding="utf-8")
    (reject,) = read_source(tmp_path, "export.csv")
    assert (reject.reason, reject.position) == ("bad_date", 1)
    assert reject.detail.startswith("row 1, column 'date':") and "--date-format" in reject.detail


def test_mapping_file_keeps_extra_columns_and_options_override_it(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "export.jsonl").write_text(
        '{"headline": "Talks resume", "body": "Japan and Russia resumed talks.", "day": "2019-01-21", '
        '"writer": "A. Author", "desk": "World"}\n', encoding="utf-8")
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("text: body\ntitle: desk\ndate: day\nextra: [writer]\n", encoding="utf-8")
    assert main(["build", str(raw), "--out", str(tmp_path / "out"), "--mapping", str(mapping),
                 "--title-column", "headline"]) == 0
    doc = load_corpus(tmp_path / "out").documents.iloc[0]
    assert (doc.title, doc.published, doc.writer) == ("Talks resume", "2019-01-21", "A. Author")


CLASSIC_EXPORT = ("                               1 of 1 DOCUMENTS\n\n"
                  "                     Copyright 1998 The Harbour Herald\n"
                  "                           The Harbour Herald\n\n"
                  "               April 19, 1998, Sunday, LATE EDITION\n\n"
                  "SECTION: NEWS; Pg. A7\n\nLENGTH: 31 words\n\n"
                  "HEADLINE: FERRY TO THE ISLANDS TO RESUME\n\n"
                  "SOURCE: Wire Services\n\n"
                  "DATELINE: NEMURO, JAPAN\n\n"
                  "BODY:\n"
                  "   Japan and Russia agreed on Monday to resume the ferry between Nemuro and the islands, officials\n"
                  "said.\n\n"
                  "LOAD-DATE: April 20, 1998\n")


def test_a_classic_download_with_headline_and_body_fields_gives_its_headline_and_a_clean_body():
    # "BODY:" printed right over the first line of the text used to open the body ("BODY: Japan and ..."), and the
    # parser took "BODY:" for a dateline ("MOSCOW:"); the fields are the export's, the headline is the title
    from kuril_research.ingest.readers.nexis import load_markers, parse_nexis_txt

    (article,) = parse_nexis_txt(CLASSIC_EXPORT, load_markers()).articles
    assert article.title == "FERRY TO THE ISLANDS TO RESUME"
    assert article.text == ("Japan and Russia agreed on Monday to resume the ferry between Nemuro and the islands, "
                            "officials said.")
    assert (article.fields["SOURCE"], article.fields["DATELINE"]) == ("Wire Services", "NEMURO, JAPAN")


def test_a_markers_file_without_the_optional_title_field_still_loads(tmp_path):
    from kuril_research.ingest.readers.nexis import load_markers, MARKERS_FILE
    from kuril_research.lexicons import data_path

    text = data_path(MARKERS_FILE).read_text(encoding="utf-8").replace("    title_field: HEADLINE\n", "")
    (tmp_path / "markers.yaml").write_text(text, encoding="utf-8")
    assert "title_field" not in load_markers(tmp_path / "markers.yaml").layouts["nexis-txt"]["en"]
