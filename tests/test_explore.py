"""kuril_research.explore: the concordancer's logic and widget, the document view, the corpus summary, the tour.

Hand-made corpus HAND (two articles, checked on paper)::

    a  Kyodo 2019-05-02  TOKYO — Japan wants Etorofu back. "Etorofu is ours," Kishida said.
    b  TASS  2021-03     MOSCOW — Russia says Iturup is Russian.

Etorofu (Japanese naming) and Iturup (Russian naming) are one entity, ``iturup``:
three mentions; the second Etorofu is inside Kishida's quotation.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from html.parser import HTMLParser

import pandas as pd
import pytest

import kuril_research as kr
from kuril_research.errors import InputError, ParameterError
from kuril_research.explore import concordance, concordance_table, document, export_table, hit_counts
from tests.browser import dump_dom
from tests.conftest import MANIFEST, RAW, ROOT

KWIC_COLUMNS = ["doc_id", "sent_id", "start", "end", "left", "match", "right", "voice", "speaker"]
SEED_001 = "001_e3e4e3b56fb486ca"


@pytest.fixture(scope="module")
def hand():
    return kr.corpus_from_texts(
        {"a": 'TOKYO — Japan wants Etorofu back. "Etorofu is ours," Kishida said.',
         "b": "MOSCOW — Russia says Iturup is Russian."},
        {"a": {"outlet": "Kyodo", "published": "2019-05-02"}, "b": {"outlet": "TASS", "published": "2021-03"}})


@pytest.fixture(scope="module")
def seed_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("explore") / "processed"
    kr.build_corpus(RAW, MANIFEST, out)
    return out


@pytest.fixture(scope="module")
def seed(seed_dir):
    return kr.load_corpus(seed_dir)


# --------------------------------------------------------------------------- the concordancer's logic


@pytest.mark.parametrize(("query", "options", "expected"), [
    ("iturup", {}, [("a", "Etorofu"), ("a", "Etorofu"), ("b", "Iturup")]),            # entity id: every spelling
    ("Iturup", {}, [("a", "Etorofu"), ("a", "Etorofu"), ("b", "Iturup")]),            # auto reads the id first
    ("Iturup", {"match": "surface"}, [("b", "Iturup")]),                              # this spelling only
    ("etorofu", {"match": "surface"}, [("a", "Etorofu"), ("a", "Etorofu")]),
    ("iturup", {"match": "entity", "naming": "russian"}, [("b", "Iturup")]),
    ("iturup", {"naming": ["japanese"], "voices": "quoted"}, [("a", "Etorofu")]),
    ("iturup", {"speakers": "fumio_kishida"}, [("a", "Etorofu")]),
    ("iturup", {"outlets": "TASS"}, [("b", "Iturup")]),
    ("iturup", {"date_from": "2020"}, [("b", "Iturup")]),
    ("iturup", {"date_to": "2019-05"}, [("a", "Etorofu"), ("a", "Etorofu")]),
    ("is", {}, [("a", "is"), ("b", "is")]),
    ("is", {"naming": "russian"}, []),                                                # no name in the match
])
def test_concordance_table_by_hand(hand, query, options, expected):
    lines = concordance_table(hand, query, **options)
    assert list(zip(lines["doc_id"], lines["match"])) == expected


def test_concordance_table_adds_outlet_date_and_naming(hand):
    lines = concordance_table(hand, "iturup")
    shown = lines[["outlet", "published", "naming", "voice", "speaker"]].astype(object)
    assert shown.where(shown.notna(), None).values.tolist() == [
        ["Kyodo", "2019-05-02", "japanese", "narrator", None],
        ["Kyodo", "2019-05-02", "japanese", "quoted", "fumio_kishida"],
        ["TASS", "2021-03", "russian", "narrator", None]]
    assert hit_counts(lines) == {"hits": 3, "documents": 2}


def test_an_unknown_entity_id_is_an_error_a_spelling_is_not(hand):
    with pytest.raises(ParameterError, match="'Etorofoo' is not an entity id"):
        concordance_table(hand, "Etorofoo", match="entity")
    assert concordance_table(hand, "Etorofoo", match="surface").empty
    assert concordance_table(hand, "habomai", match="entity").empty       # in the gazetteer, not in HAND


@pytest.mark.parametrize(("query", "match"), [
    ("peace treaty", "auto"),              # a phrase
    ("northern_territories", "entity"),    # an entity: every spelling
    ("Habomai", "surface"),                # a spelling: not Khabomai
    ("Kishida", "auto"),
    ("islands", "auto"),
])
def test_the_concordancer_shows_kwic_lines(seed, query, match):
    """Five queries on the seed corpus: the widget's lines are concordance_table's, which are kwic's."""
    expected = kr.frequency.kwic(seed, query, match=match)
    lines = concordance_table(seed, query, match=match)
    pd.testing.assert_frame_equal(lines[KWIC_COLUMNS], expected)
    browser = concordance(seed, query, match=match)
    pd.testing.assert_frame_equal(browser.lines, lines)
    assert f"{len(expected)} hits in {expected['doc_id'].nunique()} documents" in browser.output.value
    assert len(expected) > 0


def test_habomai_by_spelling_leaves_out_khabomai(seed):
    by_id = kr.frequency.kwic(seed, "Habomai")
    by_spelling = kr.frequency.kwic(seed, "Habomai", match="surface")
    assert "Khabomai" in set(by_id["match"]) and "Khabomai" not in set(by_spelling["match"])
    assert set(by_spelling["match"].str.lower()) == {"habomai"} and len(by_spelling) == 3
    assert len(kr.frequency.kwic(seed, "Khabomai", match="surface")) == 1      # 003: "Khabomai, Iturup and ..."


# --------------------------------------------------------------------------- the widget


def test_widget_controls_are_the_functions_arguments(hand, tmp_path):
    browser = concordance(hand, "iturup", out_dir=tmp_path)
    assert len(browser.lines) == 3
    browser.voices.value = ("quoted",)
    browser.sort.value = "right"
    pd.testing.assert_frame_equal(browser.lines, concordance_table(hand, "iturup", voices=["quoted"], sort="right"))
    browser.voices.value = ()
    browser.outlets.value = ("TASS",)
    assert browser.lines["match"].tolist() == ["Iturup"]
    browser.date_from.value = "2019x"
    assert browser.lines.empty and "not a date" in browser.status.value


def test_widget_exports_the_current_view_and_never_overwrites(hand, tmp_path):
    browser = concordance(hand, "iturup", out_dir=tmp_path)
    browser.naming.value = ("japanese",)
    browser.export_name.value = "etorofu"
    browser._export(".csv")
    written = pd.read_csv(tmp_path / "etorofu.csv")
    assert written["match"].tolist() == ["Etorofu", "Etorofu"]
    browser._export(".csv")
    assert "file exists" in browser.status.value
    browser._export(".xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "etorofu.xlsx").active
    assert [c.value for c in sheet[1]][:6] == ["doc_id", "sent_id", "start", "end", "left", "match"]
    assert [sheet.cell(row=r, column=6).value for r in (2, 3)] == ["Etorofu", "Etorofu"]


def test_export_keeps_text_as_text(tmp_path):
    table = pd.DataFrame({"left": ["=HYPERLINK(\"http://x\")", "bell\x07"], "n": [1, 2]})
    from openpyxl import load_workbook

    sheet = load_workbook(export_table(table, tmp_path / "t.xlsx")).active
    assert (sheet["A2"].value, sheet["A2"].data_type) == ('=HYPERLINK("http://x")', "s")
    assert sheet["A3"].value == "bell\ufffd" and sheet["B3"].value == 2
    with pytest.raises(InputError, match="file exists"):
        export_table(table, tmp_path / "t.xlsx")
    with pytest.raises(ParameterError, match="unknown file type"):
        export_table(table, tmp_path / "t.json")


# --------------------------------------------------------------------------- the document view


class _Marks(HTMLParser):
    """Collect each <mark> of a page: its attributes, its text and the quotation it sits in."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict] = []
        self._stack: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        quote = next((s["attrs"] for s in reversed(self._stack) if "kr-quote" in s["attrs"].get("class", "")), None)
        entry = {"tag": tag, "attrs": attrs, "text": "", "quote": quote}
        self._stack.append(entry)
        if tag == "mark":
            self.marks.append(entry)

    def handle_endtag(self, tag):
        while self._stack:
            if self._stack.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for entry in self._stack:
            if entry["tag"] == "mark":
                entry["text"] += data


def marks_of(page: str, css: str) -> list[dict]:
    parser = _Marks()
    parser.feed(page)
    return [m for m in parser.marks if css in m["attrs"].get("class", "").split()]


def test_document_view_of_seed_001(seed):
    """'Northern Territories' twice: in Kishida's quotation, then in 'Tokyo calls the islands ...'."""
    view = seed.show(SEED_001)
    assert view.html == document(seed, SEED_001).html and view._repr_html_() == view.html
    territories = [m for m in marks_of(view.html, "kr-mention") if m["attrs"]["data-entity"] == "northern_territories"]
    assert [(m["attrs"]["data-voice"], m["attrs"]["data-speaker"]) for m in territories] == [
        ("quoted", "fumio_kishida"), ("attributed", "tokyo")]
    assert [m["text"].startswith("Northern Territories") for m in territories] == [True, True]
    assert territories[0]["quote"]["data-speaker"] == "fumio_kishida"
    assert territories[0]["attrs"]["style"] != territories[1]["attrs"]["style"]
    assert "speaker: fumio_kishida" in territories[0]["attrs"]["title"]
    assert "section label" in view.html and "All news" in view.html          # the removed furniture, listed
    assert "MOSCOW, September 21. /TASS/." in view.html


def test_document_view_escapes_the_article(tmp_path):
    hostile = kr.corpus_from_texts({"x": 'Hostile <b>title</b>\n\nTOKYO — <script>alert(1)</script> Kunashiri '
                                         '<img src=x onerror="alert(2)"> "says <i>who</i>," Kishida said.'})
    page = document(hostile, "x").html
    assert "<script" not in page and "<img" not in page and "<i>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert marks_of(page, "kr-mention")[0]["text"].startswith("Kunashiri")
    summary = hostile._repr_html_()
    assert "<b>title</b>" not in summary and "&lt;b&gt;title&lt;/b&gt;" in summary
    with pytest.raises(ParameterError, match="no document 'y'"):
        hostile.show("y")


def test_corpus_summary(seed):
    page = seed._repr_html_()
    assert "5 documents, 2 outlets, published 2015-09-21 to 2025-01-25; 0 files rejected, 1 documents with warnings" \
        in html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "004_b4db91b1548a4516" in page and "no title found" in page


def test_dir_lists_the_api_without_importing_it():
    code = ("import sys, kuril_research as kr; names = dir(kr); "
            "print(sorted(m for m in sys.modules if m.startswith('kuril_research.'))); print(names)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0] == "[]"
    for name in ("load_corpus", "select_documents", "frequency", "framing", "trade", "explore", "Corpus"):
        assert f"'{name}'" in out[1]
    assert "'importlib'" not in out[1] and "'_SUBMODULES'" not in out[1]


# --------------------------------------------------------------------------- the tour, executed and seen in a browser


@pytest.fixture(scope="module")
def tour(seed_dir, tmp_path_factory):
    """00_explore.ipynb executed on the seed corpus with its defaults (but the corpus folder), as a notebook."""
    import nbformat
    import papermill

    work = tmp_path_factory.mktemp("tour")
    out = work / "00_explore.ipynb"
    papermill.execute_notebook(str(ROOT / "notebooks" / "00_explore.ipynb"), str(out), kernel_name="python3",
                               parameters={"corpus_dir": str(seed_dir), "output_dir": str(work / "exports")},
                               cwd=str(ROOT / "notebooks"), progress_bar=False, log_output=False)
    return nbformat.read(out, as_version=4)


def test_the_tour_runs_top_to_bottom(tour):
    for cell in tour.cells:
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error"
            assert not (output["output_type"] == "stream" and output["name"] == "stderr"), output["text"][:300]
    widget_outputs = [o for c in tour.cells for o in c.get("outputs", [])
                      if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(widget_outputs) == 1 and "text/html" in widget_outputs[0]["data"]


#: Run after the page loads: records each mark's computed outline and background, so styles can be compared.
_STYLE_PROBE = """<script>
document.querySelectorAll('mark').forEach(function (m) {
  var s = getComputedStyle(m);
  m.setAttribute('data-computed', [s.borderTopStyle, s.borderBottomStyle, s.borderTopColor, s.backgroundColor].join('|'));
});
</script>"""


def test_the_tour_in_a_browser(tour, tmp_path):
    """The tour as static HTML (nbconvert), loaded in headless Chromium: the concordance and the document view."""
    from nbconvert import HTMLExporter

    tour.metadata.pop("widgets", None)          # the widget state would load the widget manager from the web
    body, _ = HTMLExporter(template_name="lab", exclude_input=True).from_notebook_node(tour)
    page = tmp_path / "00_explore.html"
    page.write_text(body.replace("</body>", _STYLE_PROBE + "</body>"), encoding="utf-8")
    dom = dump_dom(page)
    hits = marks_of(dom, "kr-hit")
    # "Northern Territories" in the seed corpus: twice in 001 (quoted, attributed), twice in 003
    assert [h["text"].lower() for h in hits] == ["northern territories"] * 4
    assert "4 hits in 2 documents" in dom
    document_marks = [m for m in marks_of(dom, "kr-mention") if m["attrs"]["data-entity"] == "northern_territories"]
    assert [m["attrs"]["data-voice"] for m in document_marks] == ["quoted", "attributed"]
    quoted, attributed = (m["attrs"]["data-computed"].split("|") for m in document_marks)
    assert quoted[0] == "dashed" and attributed[0] == "dotted"     # outlined differently ...
    assert quoted[2] != attributed[2]                               # ... in different colours
    assert quoted[3] == attributed[3] != "rgba(0, 0, 0, 0)"         # the same naming side: the same background
    assert document_marks[0]["quote"] is not None and document_marks[0]["quote"]["data-speaker"] == "fumio_kishida"


# --------------------------------------------------------------------------- build names its warnings


def test_build_names_the_documents_with_warnings(tmp_path, capsys):
    from kuril_research.publish.cli import main

    raw = tmp_path / "raw"
    raw.mkdir()
    stories = ["Kunashiri was discussed at length", "fishing quotas near Shikotan were cut",
               "a ferry to Iturup ran late", "visa-free visits stayed suspended", "drills began off Etorofu",
               "former islanders met the governor", "a new port opened on Kunashir", "crab prices rose in Nemuro",
               "the Habomai talks stalled again", "a survey ship left Sakhalin", "the envoy flew to Moscow",
               "trade figures for March were released"]
    for i, story in enumerate(stories):         # no manifest: every article warns "not in the manifest"
        (raw / f"a{i:02d}.txt").write_text(f"Talks\n\nTOKYO — Officials said {story}.\n", encoding="utf-8")
    assert main(["build", str(raw), "--out", str(tmp_path / "processed")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "12 with warnings" in lines[0]
    named = [line for line in lines if line.startswith("  warning ")]
    assert [line.split(":")[0] for line in named] == [f"  warning a{i:02d}" for i in range(10)]
    assert "not in the manifest" in named[0]
    assert lines[-1].startswith("  ... and 2 more: all are in the 'warnings' table of report 01")


def test_no_article_script_runs_in_the_explore_views(tmp_path):
    """The hostile article of test_hostile_content, shown by every explore view, loaded in headless Chromium."""
    from kuril_research.explore.widget import lines_html
    from tests.test_hostile_content import ARTICLE

    corpus = kr.corpus_from_texts({"hostile": ARTICLE},
                                  {"hostile": {"outlet": "Evil <script>x()</script>", "published": "2021-07-26"}})
    views = [corpus._repr_html_(), corpus.show("hostile").html,
             lines_html(concordance_table(corpus, "Habomai", window=30)),
             concordance(corpus, "peace treaty")._repr_mimebundle_()["text/html"]]
    page = tmp_path / "views.html"
    page.write_text("<html><body>" + "\n".join(views) + "</body></html>", encoding="utf-8")
    dom = dump_dom(page)
    assert "data-pwned" not in re.search(r"<html[^>]*>", dom).group(0)
    assert "&lt;script&gt;document.documentElement" in dom and "Evil &lt;script&gt;x()&lt;/script&gt;" in dom
    shown = len(concordance_table(corpus, "Habomai")) + len(concordance_table(corpus, "peace treaty"))
    assert len(marks_of(dom, "kr-hit")) == shown > 0
