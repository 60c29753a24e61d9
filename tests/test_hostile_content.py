"""An article's text is only ever text: no script from it runs in any generated HTML page.

A hand-made article carries a <script> element, an <img onerror=...>, a
javascript: link, Markdown and LaTeX. The reports are generated from it and
every HTML page is loaded in headless Chromium; each payload would set the
``data-pwned`` attribute on the page's root element if it ran.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest

from kuril_research.publish.reports import generate_reports

from .browser import dump_dom
from .conftest import ROOT

PAYLOADS = [
    "<script>document.documentElement.setAttribute('data-pwned','script')</script>",
    "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">",
    "<a href=\"javascript:document.documentElement.setAttribute('data-pwned','link')\">Habomai map</a>",
    "[Habomai](javascript:document.documentElement.setAttribute('data-pwned','md'))",
    "**Habomai** is $\\frac{a}{b}$ and <b>bold</b>",
]
ARTICLE = ("Hostile page about Habomai " + PAYLOADS[0] + "\n\n"
           "MOSCOW, July 26. /TASS/. " + " ".join(f"Talks on Habomai and the peace treaty: {p}." for p in PAYLOADS)
           + "\n\n\"Sanctions on Iturup " + PAYLOADS[1] + " are unfriendly,\" Peskov said.")


@pytest.fixture(scope="module")
def hostile_reports(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    raw = base / "raw"
    raw.mkdir()
    (raw / "hostile.txt").write_text(ARTICLE, encoding="utf-8")
    shutil.copy(ROOT / "data/raw/articles/000_02c35acdd9b1a3b6.txt", raw / "tass.txt")  # a reference group for keyness
    (raw / "manifest.csv").write_text("file,outlet,published\nhostile.txt,Evil <script>x()</script>,2021-07-26\n"
                                      "tass.txt,TASS,2021-07-26\n", encoding="utf-8")
    out = base / "reports"
    generate_reports(raw_dir=raw, manifest=raw / "manifest.csv", corpus_dir=base / "processed", out_dir=out)
    return out


def test_no_article_script_runs_in_any_page(hostile_reports):
    pages = sorted(hostile_reports.rglob("*.html"))
    assert len(pages) >= 5  # index + one page per notebook
    for page in pages:
        dom = dump_dom(page)
        root = re.search(r"<html[^>]*>", dom).group(0)
        assert "data-pwned" not in root, f"{page.name}: a script from the article ran ({root})"


def test_payloads_appear_as_inert_text(hostile_reports):
    page = next(hostile_reports.rglob("01_corpus_overview.html"))
    html = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;document.documentElement" in html  # escaped, visible to the reader
    assert "<script>document.documentElement" not in html
    for notebook in hostile_reports.rglob("*.ipynb"):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                for html_out in [output.get("data", {}).get("text/html", "")]:
                    text = "".join(html_out) if isinstance(html_out, list) else html_out
                    assert "<script>document" not in text and "<img src=x" not in text


def test_the_browser_check_sees_a_script_that_runs(tmp_path):
    # control: the same payload unescaped in a page does run, so the check above can fail
    page = tmp_path / "unsafe.html"
    page.write_text(f"<html><body><p>{PAYLOADS[1]}</p></body></html>", encoding="utf-8")
    assert 'data-pwned="img"' in re.search(r"<html[^>]*>", dump_dom(page)).group(0)
