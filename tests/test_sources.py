"""Reading raw files and the manifest: encodings, rejects and manifest validation."""

from __future__ import annotations

import codecs

import pytest

from kuril_research.errors import ManifestError
from kuril_research.ingest.sources import Reject, decode_bytes, read_file, read_manifest

ARTICLE = "Tokyo’s claim to Etorofu – and Moscow’s answer"

ENCODINGS = [
    # bytes                                                    text      encoding recorded
    (ARTICLE.encode("utf-8"),                                  ARTICLE,  "utf-8"),
    (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),                ARTICLE,  "utf-8-sig"),
    (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),        ARTICLE,  "utf-16"),
    (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),        ARTICLE,  "utf-16"),
    (ARTICLE.encode("utf-16-le"),                              ARTICLE,  "utf-16-le"),
    (ARTICLE.encode("cp1252"),                                 ARTICLE,  "cp1252"),
    ("Россия и Япония обсудили мирный договор".encode("cp1251"), "Россия и Япония обсудили мирный договор", "cp1251"),
    ("北方領土の返還を求める日本政府の立場".encode("shift_jis"), "北方領土の返還を求める日本政府の立場", "cp932"),
]


@pytest.mark.parametrize("data, text, encoding", ENCODINGS)
def test_decoding_records_the_encoding(data, text, encoding):
    assert decode_bytes(data) == (text, encoding)


REJECTS = [
    (b"",                                 "empty"),
    (b"  \n\t \r\n",                      "empty"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3",      "binary"),
    (b"PK\x03\x04\x14\x00\x00\x00",       "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00",        "binary"),
    (b"Iturup and\x00\x00\x00 Kunashir",  "binary"),
]


@pytest.mark.parametrize("data, reason", REJECTS)
def test_unreadable_bytes_are_rejects_with_reason(data, reason):
    result = decode_bytes(data, file="x.txt")
    assert isinstance(result, Reject)
    assert (result.file, result.reason) == ("x.txt", reason)
    assert result.detail  # says what to do


def test_mojibake_is_repaired_and_recorded(tmp_path):
    # UTF-8 text once opened as Windows-1252 and saved again as UTF-8
    text = "MOSCOW — Tokyo’s claim to “Habomai” – Россия"
    mangled = "MOSCOW â€” Tokyoâ€™s claim to â€œHabomaiâ€\x9d â€“ Ð\xa0Ð¾Ñ\x81Ñ\x81Ð¸Ñ\x8f"
    (tmp_path / "a.txt").write_text(mangled, encoding="utf-8")
    doc = read_file(tmp_path, "a.txt")
    assert (doc.text, doc.encoding) == (text, "utf-8+mojibake-repaired")


def test_clean_text_is_not_touched_by_mojibake_repair(tmp_path):
    text = "Ð is a letter; Âge and â are accented — fine"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert read_file(tmp_path, "a.txt").encoding == "utf-8"


def test_html_page_is_reduced_to_text(tmp_path):
    (tmp_path / "page.html").write_text(
        "<!DOCTYPE html><html><head><title>x</title><script>steal()</script></head><body>"
        "<nav>Home | World</nav><h1>Talks on Habomai</h1><p>MOSCOW — Lavrov said &lt;no&gt;.</p>"
        "<footer>© Outlet</footer></body></html>", encoding="utf-8")
    doc = read_file(tmp_path, "page.html")
    assert doc.text == "Talks on Habomai\n\nMOSCOW — Lavrov said <no>."
    assert (doc.encoding, doc.source_format) == ("utf-8", "html")


@pytest.mark.parametrize("name, reason", [
    ("../outside.txt", "outside_raw_folder"),
    ("/etc/passwd", "outside_raw_folder"),
    ("absent.txt", "missing"),
])
def test_paths_outside_or_missing_are_rejects(tmp_path, name, reason):
    assert read_file(tmp_path, name).reason == reason


def test_symlink_out_of_raw_folder_is_rejected(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("not an article")
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "link.txt").symlink_to(secret)
    assert read_file(raw, "link.txt").reason == "outside_raw_folder"


HEADER = "file,outlet,published,date_precision,language,url,notes\n"


@pytest.mark.parametrize("rows, line, field, words", [
    ("a.txt,TASS,2021-02-30,day,en,,\n",             2, "published",      "not a real date"),
    ("a.txt,TASS,July 2021,,en,,\n",                 2, "published",      "not a date in the form"),
    ("a.txt,TASS,2021-13,,en,,\n",                   2, "published",      "no month 13"),
    ("a.txt,TASS,2021-07,day,en,,\n",                2, "date_precision", "contradicts"),
    ("a.txt,TASS,2021,,,,\nb.txt,TASS,2021,,,,\na.txt,TASS,2020,,,,\n", 4, "file", "listed twice (first on line 2)"),
    ("../../etc/passwd,TASS,2021,,,,\n",             2, "file",           "outside the raw folder"),
    ("/etc/passwd,TASS,2021,,,,\n",                  2, "file",           "outside the raw folder"),
])
def test_manifest_errors_name_line_and_field(tmp_path, rows, line, field, words):
    path = tmp_path / "manifest.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    with pytest.raises(ManifestError) as info:
        read_manifest(path)
    message = str(info.value)
    assert f"manifest.csv, line {line}, field {field}:" in message
    assert words in message
    assert "What to do:" in message


def test_manifest_missing_column(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("file,published\na.txt,2021\n", encoding="utf-8")
    with pytest.raises(ManifestError, match=r"m.csv, line 1: missing column\(s\) outlet"):
        read_manifest(path)


def test_seed_manifest_precisions():
    from .conftest import MANIFEST

    m = read_manifest(MANIFEST)
    assert m["date_precision"].tolist() == ["day", "day", "month", "day", "day"]
    assert m.loc[2, ["year", "month"]].tolist() == [2019, 1]
    assert m["day"].isna().tolist() == [False, False, True, False, False]
