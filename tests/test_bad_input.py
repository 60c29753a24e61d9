"""The catalogue of bad input: each case gives a clear message or a ledgered reject.

Each row is one case from docs/bad-input.md (the test checks the two agree):
what a researcher feeds the package, and what they see. Build cases run the
real CLI entry point (``kuril_research.publish.cli.main``) on a raw folder holding the
five seed articles plus the bad file; nothing may raise, and no article may
be lost: every file ends in ``documents`` or ``rejects``.
"""

from __future__ import annotations

import re
import shutil

import pytest

from kuril_research import load_corpus
from kuril_research.publish.cli import main
from kuril_research.errors import LexiconError
from kuril_research.coding.framing import load_codebook
from kuril_research.ingest.gazetteer import load_gazetteer
from kuril_research.coding.trade import load_lexicon

from .conftest import ROOT

SEED_TEXT = (ROOT / "data/raw/articles/000_02c35acdd9b1a3b6.txt").read_text(encoding="utf-8")
HEADER = "file,outlet,published,date_precision,language,url,notes\n"


def _add(name, data):
    def setup(raw):
        (raw / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        _manifest_row(raw, f"{name},Test,2021-07-26,day,en,,")
    return setup


def _manifest_row(raw, row):
    with open(raw / "manifest.csv", "a", encoding="utf-8") as f:
        f.write(row + "\n")


def _manifest_text(raw, old, new):
    path = raw / "manifest.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _symlink_out(raw):
    outside = raw.parent / "secret.txt"
    outside.write_text("MOSCOW — not an article of this corpus.", encoding="utf-8")
    (raw / "link.txt").symlink_to(outside)
    _manifest_row(raw, "link.txt,Test,2021,year,en,,")


def _html_page():
    return ("<!DOCTYPE html><html><head><script>track()</script><style>p{}</style></head><body>"
            "<nav>Home | World | Politics</nav><h1>Lavrov on Habomai</h1>"
            "<p>MOSCOW, July 26. /TASS/. Lavrov spoke about Habomai.</p><footer>© Outlet</footer></body></html>")


RUSSIAN = "МОСКВА, 26 июля. /ТАСС/. Россия и Япония обсудили мирный договор и Курильские острова."
JAPANESE = "東京、4月15日。日本政府は北方領土の返還を求める立場に変わりはないと述べた。"
ENGLISH = "MOSCOW, July 26. /TASS/. Kremlin spokesman Dmitry Peskov spoke about the Southern Kurils."
MOJIBAKE = ENGLISH.replace("MOSCOW,", "MOSCOW — Tokyo’s view,").encode("utf-8").decode("cp1252", "replace")

# case id, what is fed in, setup(raw), expected: ("reject", file, reason) | ("document", file, check) | ("error", words)
BUILD_CASES = [
    ("empty-file", "an empty file", _add("empty.txt", b""), ("reject", "empty.txt", "empty")),
    ("whitespace-only", "a file of white space only", _add("blank.txt", b" \n\t\r\n "), ("reject", "blank.txt", "empty")),
    ("pdf-as-txt", "a PDF renamed .txt", _add("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), ("reject", "scan.txt", "binary")),
    ("zip-as-txt", "a ZIP renamed .txt", _add("pack.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00"), ("reject", "pack.txt", "binary")),
    ("png-as-txt", "a PNG renamed .txt", _add("pic.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ("reject", "pic.txt", "binary")),
    ("nul-bytes", "NUL bytes inside text", _add("nul.txt", b"MOSCOW \x00\x00\x00 Kunashir"), ("reject", "nul.txt", "binary")),
    ("utf16-no-bom", "UTF-16 without a byte-order mark", _add("u16.txt", ENGLISH.encode("utf-16-le")),
     ("document", "u16.txt", {"encoding": "utf-16-le"})),
    ("cp1251", "cp1251 Cyrillic", _add("ru.txt", RUSSIAN.encode("cp1251")), ("document", "ru.txt", {"encoding": "cp1251"})),
    ("shift-jis", "Shift-JIS Japanese", _add("ja.txt", JAPANESE.encode("shift_jis")), ("document", "ja.txt", {"encoding": "cp932"})),
    ("mojibake", "UTF-8 read as cp1252 and saved again", _add("moji.txt", MOJIBAKE),
     ("document", "moji.txt", {"encoding": "utf-8+mojibake-repaired"})),
    ("html-page", "a saved HTML page with scripts and navigation", _add("page.html", _html_page()),
     ("document", "page.html", {"encoding": "utf-8 (html)", "title": "Lavrov on Habomai"})),
    ("huge-line", "one 20 MB line", _add("huge.txt", "MOSCOW — " + "Talks on Iturup continue. " * 770_000),
     ("document", "huge.txt", {"n_sentences": 770_000})),
    ("no-title", "an article with no title", _add("notitle.txt", ENGLISH), ("document", "notitle.txt", {"warnings": "no title found"})),
    ("no-dateline", "an article with no dateline", _add("nodateline.txt", "Talks stall\n\nLavrov met Kishida."),
     ("document", "nodateline.txt", {"warnings": "no dateline found"})),
    ("no-sentence-end", "an article with no sentence end", _add("noend.txt", "MOSCOW — talks on Shikotan go on and on"),
     ("document", "noend.txt", {"n_sentences": 1})),
    ("same-article-twice", "the same article twice under two names", _add("zz_again.txt", SEED_TEXT),
     ("reject", "zz_again.txt", "duplicate")),
    ("different-furniture", "the same article with different furniture",
     _add("zz_refurnished.txt", SEED_TEXT.replace("All news", "Top stories\n\nREAD MORE: Kuril drills") + "\n\n12 comments"),
     ("reject", "zz_refurnished.txt", "duplicate")),
    ("manifest-row-no-file", "a manifest row for a missing file", lambda raw: _manifest_row(raw, "gone.txt,TASS,2020,year,en,,"),
     ("reject", "gone.txt", "missing")),
    ("file-not-in-manifest", "a file missing from the manifest", lambda raw: (raw / "extra.txt").write_text(ENGLISH),
     ("document", "extra.txt", {"warnings": "not in the manifest"})),
    ("symlink-out", "a symlink leading out of the raw folder", _symlink_out, ("reject", "link.txt", "outside_raw_folder")),
    ("impossible-date", "an impossible date (2021-02-30)", lambda raw: _manifest_text(raw, "2021-07-26", "2021-02-30"),
     ("error", "manifest.csv, line 2, field published: 2021-02-30 is not a real date")),
    ("malformed-date", "a malformed date (July 2021)", lambda raw: _manifest_text(raw, "2021-07-26,day", "July 2021,"),
     ("error", "manifest.csv, line 2, field published: 'July 2021' is not a date in the form")),
    ("duplicate-manifest-row", "duplicate manifest rows",
     lambda raw: _manifest_row(raw, "000_02c35acdd9b1a3b6.txt,TASS,2021-07-26,day,en,,"),
     ("error", "manifest.csv, line 7, field file: file '000_02c35acdd9b1a3b6.txt' is listed twice (first on line 2)")),
    ("manifest-path-outside", "a manifest path outside the raw folder (../../etc/passwd)",
     lambda raw: _manifest_row(raw, "../../etc/passwd,TASS,2021,year,en,,"),
     ("error", "manifest.csv, line 7, field file: file '../../etc/passwd' points outside the raw folder")),
    ("manifest-absolute-path", "an absolute manifest path", lambda raw: _manifest_row(raw, "/etc/passwd,TASS,2021,year,en,,"),
     ("error", "field file: file '/etc/passwd' points outside the raw folder")),
]


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    shutil.copytree(ROOT / "data/raw/articles", folder)
    shutil.copy(ROOT / "data/raw/manifest.csv", folder / "manifest.csv")
    return folder


@pytest.mark.parametrize("case_id, fed, setup, expected", BUILD_CASES, ids=[c[0] for c in BUILD_CASES])
def test_build_case(raw, tmp_path, capsys, case_id, fed, setup, expected):
    setup(raw)
    out = tmp_path / "out"
    code = main(["build", str(raw), "--out", str(out)])
    captured = capsys.readouterr()
    if expected[0] == "error":
        assert code == 2
        assert expected[1] in captured.err
        assert "What to do:" in captured.err
        assert not out.exists()  # nothing half-written
        return
    assert code == 0, captured.err
    corpus = load_corpus(out)
    names = {p.relative_to(raw).as_posix() for p in raw.rglob("*") if p.name != "manifest.csv"}
    names |= set(corpus.rejects["file"])  # manifest rows without a file
    assert set(corpus.documents["file"]) | set(corpus.rejects["file"]) == names  # no article lost
    assert len(corpus.documents) + len(corpus.rejects) == len(names)
    kind, name, check = expected
    if kind == "reject":
        row = corpus.rejects.set_index("file").loc[name]
        assert row["reason"] == check and row["detail"]
        assert f"rejected {name}: {check}" in captured.out
    else:
        row = corpus.documents.set_index("file").loc[name]
        for column, value in check.items():
            assert value in row[column] if isinstance(value, str) and column == "warnings" else row[column] == value


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


GAZETTEER_OK = "entities:\n  - id: habomai\n    type: island_group\n    naming: neutral\n    variants: [Habomai]\n"
CODEBOOK_OK = "frames:\n  - id: sanctions\n    label: Sanctions\n    phrases: [sanctions]\n"
LEXICON_CASES = [
    ("gazetteer-syntax-error", load_gazetteer, "entities:\n  - id: habomai\n    variants: [Habomai\n", 4, "YAML syntax error"),
    ("gazetteer-unknown-key", load_gazetteer, GAZETTEER_OK + "    colour: blue\n", 6, "colour"),
    ("gazetteer-duplicate-id", load_gazetteer, GAZETTEER_OK + GAZETTEER_OK.split("\n", 1)[1], 6, "habomai"),
    ("gazetteer-empty-pattern", load_gazetteer, GAZETTEER_OK.replace("[Habomai]", "[Habomai, '  ']"), 5, "empty"),
    ("codebook-syntax-error", load_codebook, CODEBOOK_OK.replace("[sanctions]", "[sanctions"), 5, "YAML syntax error"),
    ("codebook-unknown-key", load_codebook, CODEBOOK_OK + "    weight: 2\n", 5, "weight"),
    ("codebook-duplicate-id", load_codebook, CODEBOOK_OK + CODEBOOK_OK.split("\n", 1)[1], 5, "sanctions"),
    ("codebook-empty-pattern", load_codebook, CODEBOOK_OK + "    patterns: ['']\n", 5, "empty"),
    ("trade-lexicon-unknown-key", load_lexicon,
     "categories:\n  - id: trade_volume\n    label: Trade\n    polarity: cooperation\n    phrases: [trade]\n    size: 3\n",
     6, "size"),
]


@pytest.mark.parametrize("case_id, loader, text, line, words", LEXICON_CASES, ids=[c[0] for c in LEXICON_CASES])
def test_lexicon_case(tmp_path, case_id, loader, text, line, words):
    path = _write(tmp_path, "lexicon.yaml", text)
    with pytest.raises(LexiconError) as info:
        loader(path)
    message = str(info.value)
    assert message.startswith(f"{path}, line {line}")
    assert words in message
    assert "What to do:" in message


def test_build_with_broken_gazetteer_exits_2_without_traceback(tmp_path, capsys):
    path = _write(tmp_path, "gazetteer.yaml", GAZETTEER_OK + "    colour: blue\n")
    code = main(["build", str(ROOT / "data/raw/articles"), "--out", str(tmp_path / "out"), "--gazetteer", str(path)])
    assert code == 2
    assert "gazetteer.yaml, line 6" in capsys.readouterr().err


def test_catalogue_is_documented():
    doc = (ROOT / "docs" / "bad-input.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \|", doc, flags=re.M))
    # a row may name the test elsewhere that covers it: `tests/test_x.py::test_name` (or `tests/test_x.py`)
    elsewhere = {}
    for case, path, name in re.findall(r"^\| `([a-z0-9-]+)` \|.*?`(tests/test_\w+\.py)(?:::(\w+))?`", doc, flags=re.M):
        elsewhere[case] = (path, name)
    for case, (path, name) in elsewhere.items():
        source = (ROOT / path).read_text(encoding="utf-8")
        assert not name or f"def {name}(" in source, f"{case}: {path}::{name} does not exist"
    tested = {c[0] for c in BUILD_CASES} | {c[0] for c in LEXICON_CASES} | {
        "report-parameter-type", "unknown-notebook", "unknown-parameter", "old-table"} | set(elsewhere) | {
        # tests/test_no_overwrite.py, one test each
        "report-my-corpus", "report-raw-without-corpus", "report-other-corpus-into-reports", "report-corpus-missing",
        "report-corpus-stale", "build-over-other-corpus", "build-into-non-corpus", "default-report-over-my-corpus"}
    assert documented == tested


@pytest.mark.parametrize("case_id, argv, words", [
    ("report-parameter-type", ["report", "-p", "top_n", "abc"], "field top_n: 'abc' is not a valid value for top_n (type int)"),
    ("unknown-parameter", ["report", "-p", "colour", "red"], "unknown parameter(s) colour"),
    ("unknown-notebook", ["report", "no_such_notebook"], "no report notebook called 'no_such_notebook'"),
], ids=["report-parameter-type", "unknown-parameter", "unknown-notebook"])
def test_report_case(tmp_path, capsys, case_id, argv, words):
    code = main([*argv, "--out", str(tmp_path / "reports"), "--corpus", str(tmp_path / "processed")])
    err = capsys.readouterr().err
    assert code == 2
    assert words in err and "What to do:" in err
    assert not (tmp_path / "processed").exists() and not (tmp_path / "reports" / "index.html").exists()
