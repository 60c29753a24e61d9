"""Publishing an executed notebook: the normalised notebook, its HTML page, the checks on both, and the index.

After a notebook has run, :mod:`kuril_research.publish.reports.runner` hands it
here to be made reproducible (:func:`normalise_notebook`), headed with how it
was made (:func:`page_header`, :func:`cite_line`), rendered
(:func:`render_html`) and checked for absolute paths (:func:`check_relative`);
:func:`write_index` then links every report, figure and table.
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
import sysconfig
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kuril_research import __version__, config
from kuril_research.errors import ReportError
from kuril_research.publish.outputs import read_outputs
from kuril_research.publish.reports import notebook_tools
from kuril_research.publish.reports.inputs import PYTHON_VERSION

__all__ = ["PROVENANCE_FILE", "INDEX_FILE", "display_path", "normalise_notebook", "cite_line", "add_cite_lines",
           "page_header", "notebook_title", "render_html", "forbidden_paths", "check_relative", "write_index"]

PROVENANCE_FILE = "provenance.json"
INDEX_FILE = "index.html"

#: nbconvert template: JupyterLab's, without scripts from the web (require.js, MathJax, mermaid),
#: so a report opens offline and never typesets ``$`` in article text as mathematics.
_HTML_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""


def display_path(path: Path) -> str:
    """``path`` relative to the current folder when it is inside it, else as given."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else Path(rel).as_posix()


def normalise_notebook(nb, parameters: dict[str, Any]) -> None:
    """Remove from an executed notebook everything that differs between runs or Python patch releases."""
    nb.nbformat, nb.nbformat_minor = 4, 5
    if "version" in nb.metadata.get("language_info", {}):
        nb.metadata["language_info"]["version"] = PYTHON_VERSION
    nb.metadata["papermill"] = {"parameters": parameters}
    nb.metadata.pop("widgets", None)
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{index:03d}"
        for key in ("papermill", "execution", "collapsed", "scrolled"):
            cell.metadata.pop(key, None)
        if not cell.metadata.get("tags", True):
            del cell.metadata["tags"]


def cite_line(report: str, entry: Mapping[str, Any], version: str, input_key: str) -> str:
    """The line that pins a figure to what produced it: id, report, version, input key, file hash.

    Examples
    --------
    >>> cite_line("02_term_frequency", {"id": "trend", "files": [{"path": "figures/trend.svg", "sha256": "ef" * 32}]},
    ...           "0.1.0", "cd" * 32)
    'Figure trend: kuril_research 0.1.0, report 02_term_frequency, input key cdcdcdcdcdcd, figure file sha256 efefefefefef.'
    """
    files = {Path(f["path"]).suffix: f["sha256"] for f in entry.get("files", [])}
    sha = files.get(".svg") or files.get(".png") or next(iter(files.values()), "")
    return (f"Figure {entry['id']}: kuril_research {version}, report {report}, input key {input_key[:12]}, "
            f"figure file sha256 {sha[:12]}.")


def add_cite_lines(nb, lines: Mapping[str, str]) -> None:
    """Append each figure's cite line to its caption in the executed notebook's HTML outputs."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            markup = output.get("data", {}).get("text/html")
            if not isinstance(markup, str):
                continue
            for fig_id, line in lines.items():
                anchor = f'id="figure-{html.escape(fig_id, quote=True)}"'
                at = markup.find(anchor)
                end = markup.find("</figcaption>", at) if at >= 0 else -1
                if end >= 0:
                    markup = (markup[:end] + f' <span class="kr-cite"><i>Cite:</i> {html.escape(line)}</span>'
                              + markup[end:])
            output["data"]["text/html"] = markup


def page_header(name: str, parameters: Mapping[str, Any], changed: Sequence[str], inputs: Mapping[str, Any],
                input_key: str, outputs: Sequence[Mapping[str, Any]]) -> str:
    """The "How this page was made" section at the top of a report page (Markdown with HTML, all text escaped).

    It names the package version, the input key (the hash of everything the
    page depends on; see :func:`~kuril_research.publish.reports.generate_reports`), the raw corpus hash, every
    parameter with its value (those set on the command line marked), and one
    "cite this figure" line per figure.

    Examples
    --------
    >>> text = page_header("02_term_frequency", {"top_n": 25, "time_by": "month"}, ["time_by"],
    ...                    {"package_version": "0.1.0", "raw_corpus_sha256": "ab" * 32}, "cd" * 32,
    ...                    [{"kind": "figure", "id": "trend", "caption": "Trend.",
    ...                      "files": [{"path": "figures/trend.svg", "sha256": "ef" * 32}]}])
    >>> "<code>time_by</code> = <code>&#x27;month&#x27;</code> (set for this run)" in text
    True
    >>> "Figure trend: kuril_research 0.1.0, report 02_term_frequency, input key cdcdcdcdcdcd, figure file sha256 efefefefefef." in text
    True
    """
    def code(value: Any) -> str:
        return f"<code>{html.escape(repr(value))}</code>"

    version = inputs.get("package_version", __version__)
    raw = str(inputs.get("raw_corpus_sha256") or "not recorded")
    rows = "".join(f"<li><code>{html.escape(k)}</code> = {code(v)}{' (set for this run)' if k in changed else ''}</li>"
                   for k, v in parameters.items())
    cites = [f"<li>{html.escape(cite_line(name, entry, version, input_key))}</li>"
             for entry in outputs if entry.get("kind") == "figure"]
    cite = (f"<p><b>Cite a figure</b> as the software (see <code>CITATION.cff</code>) and the line below, which "
            f"pins the figure to its inputs:</p><ul>{''.join(cites)}</ul>") if cites else ""
    return (f'<div class="kr-provenance">\n\n## How this page was made\n\n'
            f"<p>Generated by <code>kuril-research report {html.escape(name)}</code> with kuril_research "
            f"{html.escape(version)}. Input key <code>{input_key[:16]}</code> (SHA-256 of the corpus, the "
            f"notebook, the lexicons, the parameters, the library code and its dependencies' versions; the full "
            f"record is in <code>provenance.json</code>). Raw corpus SHA-256 <code>{html.escape(raw[:16])}</code>.</p>"
            f"<p><b>Parameters</b></p><ul>{rows}</ul>{cite}\n\n</div>")


def notebook_title(nb, fallback: str) -> str:
    """The text of the notebook's first ``# `` heading, or ``fallback``."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def render_html(nb, *, title: str, show_code: bool) -> str:
    """The executed notebook as one offline HTML page (JupyterLab's look; code cells hidden unless ``show_code``)."""
    from jinja2 import DictLoader

    notebook_tools.nbformat()                       # first, if nothing imported it yet
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", extra_loaders=[DictLoader({"kuril_report.html.j2": _HTML_TEMPLATE})],
                            template_file="kuril_report.html.j2", exclude_input=not show_code,
                            exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body if body.endswith("\n") else body + "\n"


def forbidden_paths(*folders: Path) -> list[str]:
    """Absolute paths that must not appear in a report: the project, the run folders, the environment."""
    paths = {str(Path(f).resolve()) for f in folders} | {str(Path(f).absolute()) for f in folders}
    paths |= {str(config.project_root()), sys.prefix, str(Path.home()), *(sysconfig.get_paths()[key]
                                                                        for key in ("stdlib", "purelib"))}
    return sorted((p for p in paths if len(p) > 1), key=len, reverse=True)


#: Embedded images: base64 may spell a short path such as ``/root`` by chance, so they are not searched.
_EMBEDDED_IMAGE_RE = re.compile(r"data:image/[\w.+-]+;base64,[A-Za-z0-9+/=]+")


def _absolute_at(text: str, absolute: str) -> int:
    """Where ``text`` names the path ``absolute`` (-1: nowhere).

    Only where a path starts: ``../../work/main/data`` (a relative path from an
    output folder outside the project) holds ``/work/main/data`` but names no
    absolute path. ``str.find`` does the search (tables can be 100 MB).

    Examples
    --------
    >>> _absolute_at('a = "../../work/main/x"; b = "/work/main/y"', "/work/main")
    30
    >>> _absolute_at("../work/main", "/work/main")
    -1
    """
    at = text.find(absolute)
    while at > 0 and (text[at - 1].isalnum() or text[at - 1] in "_.~-"):
        at = text.find(absolute, at + 1)
    return at


def check_relative(folder: Path, forbidden: Sequence[str], notebook: Path) -> None:
    """Refuse a report in which any text file mentions one of the ``forbidden`` absolute paths."""
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix in (".png", ".pdf"):
            continue
        text = _EMBEDDED_IMAGE_RE.sub("", path.read_bytes().decode("utf-8", errors="replace"))
        for absolute in forbidden:
            at = _absolute_at(text, absolute)
            if at >= 0:
                context = " ".join(text[max(0, at - 40):at + len(absolute) + 40].split())
                raise ReportError(f"the report file {path.relative_to(folder).as_posix()} contains the absolute path "
                                  f"{absolute!r} (…{context}…)", path=display_path(notebook),
                                  hint="show paths relative to corpus_dir or output_dir (warnings print file names: "
                                       "fix their cause); no report was replaced")




def _link(href: str, text: str) -> str:
    return f'<a href="{html.escape(quote(href), quote=True)}">{html.escape(text)}</a>'


def write_index(reports_dir: str | Path) -> Path:
    """Write ``index.html`` in ``reports_dir`` linking every report, figure and table there.

    Reports are the sub-folders holding a ``provenance.json``, in name order;
    all text is HTML-escaped. The file is rewritten only if its content changes.

    Returns
    -------
    Path
        The index file.

    Examples
    --------
    >>> import tempfile
    >>> index = write_index(tempfile.mkdtemp())
    >>> "No reports yet" in index.read_text()
    True
    """
    reports_dir = Path(reports_dir)
    sections = []
    for record in sorted(reports_dir.glob(f"*/{PROVENANCE_FILE}")):
        folder = record.parent
        provenance = json.loads(record.read_text(encoding="utf-8"))
        name = folder.name
        links = " · ".join(_link(f"{name}/{f}", label) for f, label in (
            (f"{name}.html", "report"), (f"{name}.ipynb", "notebook"), (PROVENANCE_FILE, "provenance")))
        items = []
        for entry in read_outputs(folder):
            files = " ".join(_link(f"{name}/{f['path']}", Path(f["path"]).suffix.lstrip(".")) for f in entry["files"])
            items.append(f"<li>{html.escape(entry['kind'].capitalize())} <code>{html.escape(entry['id'])}</code>: "
                         f"{html.escape(entry['caption'])} <span class=\"files\">{files}</span></li>")
        outputs = f"<ul>{''.join(items)}</ul>" if items else "<p>No figures or tables.</p>"
        sections.append(f'<section id="{html.escape(name, quote=True)}"><h2>{html.escape(provenance.get("title") or name)}'
                        f"</h2><p>{links}</p>{outputs}</section>")
    body = "\n".join(sections) or "<p>No reports yet: run <code>kuril-research report</code>.</p>"
    page = ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<title>kuril_research reports</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;"
            "padding:0 1em;line-height:1.4}li{margin:.3em 0}.files a{margin-right:.4em;font-size:90%}</style>\n"
            "</head>\n<body>\n<h1>kuril_research reports</h1>\n"
            "<p>News coverage of the Russia–Japan peace-treaty talks and the southern Kuril Islands / "
            "Northern Territories dispute. Each report was generated by <code>kuril-research report</code>; "
            "its provenance lists the inputs it was made from.</p>\n"
            f"{body}\n</body>\n</html>\n")
    index = reports_dir / INDEX_FILE
    data = page.encode("utf-8")
    if not index.is_file() or index.read_bytes() != data:
        reports_dir.mkdir(parents=True, exist_ok=True)
        tmp = index.with_name(f".{INDEX_FILE}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, index)
    return index


