"""The report notebooks: committed clean and thin, and each one runs with papermill on its defaults."""

from __future__ import annotations

import ast
import hashlib
import json
import re

import matplotlib
import pandas as pd
import pytest

from kuril_research.corpus import load_corpus
from kuril_research.publish import reports
from kuril_research.publish.reports import parameters
from kuril_research.errors import ParameterError
from kuril_research.publish.figures import plot_ranked
from kuril_research.publish.notebook_setup import setup_report
from kuril_research.publish.outputs import read_outputs
from tests.fixtures.report_set import ROOT, get_report_set

NOTEBOOK_PATHS = reports.list_notebooks(ROOT / "notebooks")
NAMES = [p.stem for p in NOTEBOOK_PATHS]
#: The JupyterLab tour: held to the same rules as the reports, executed in tests/test_explore.py, never published.
TOUR = ROOT / "notebooks" / "00_explore.ipynb"
ALL_PATHS, ALL_NAMES = [TOUR, *NOTEBOOK_PATHS], [TOUR.stem, *NAMES]
#: Statements a notebook must not contain: helpers and loops belong in the library.
FORBIDDEN = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.For, ast.While, ast.Try,
             ast.With, ast.Global)


@pytest.fixture(scope="session")
def report_set(tmp_path_factory):
    return get_report_set(tmp_path_factory)


def _load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def _code(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


#: Reports that read no corpus (05 builds and scores the gold articles), so take no selection parameters.
CORPUS_FREE = {"05_validation"}


def test_the_five_reports_exist():
    assert NAMES == ["01_corpus_overview", "02_term_frequency", "03_framing", "04_trade_relations", "05_validation"]


def test_the_tour_is_not_a_report(tmp_path):
    assert TOUR.is_file() and TOUR not in NOTEBOOK_PATHS
    for name in ("00_explore", "01_corpus_overview", "notes"):
        (tmp_path / f"{name}.ipynb").write_text("{}", encoding="utf-8")
    assert [p.name for p in reports.list_notebooks(tmp_path)] == ["01_corpus_overview.ipynb"]
    with pytest.raises(ParameterError, match="no report notebook called '00'"):
        reports.resolve_names(["00"], reports.list_notebooks(tmp_path))


@pytest.mark.parametrize("path", ALL_PATHS, ids=ALL_NAMES)
def test_committed_without_outputs_as_nbformat_4_5(path):
    nb = _load(path)
    assert (nb["nbformat"], nb["nbformat_minor"]) == (4, 5)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert "papermill" not in nb["metadata"]
    ids = [cell["id"] for cell in nb["cells"]]
    assert len(set(ids)) == len(ids)
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, f"{path.name}: clear the outputs"
            assert "papermill" not in cell["metadata"] and "execution" not in cell["metadata"]
    assert nb["cells"][0]["cell_type"] == "markdown" and _code(nb["cells"][0]).startswith(f"# {path.stem[:2]} · ")


@pytest.mark.parametrize("path", ALL_PATHS, ids=ALL_NAMES)
def test_one_parameters_cell_of_typed_literals(path):
    cells = _load(path)["cells"]
    tagged = [i for i, c in enumerate(cells) if "parameters" in c["metadata"].get("tags", [])]
    assert len(tagged) == 1, f"{path.name}: tag exactly one cell 'parameters'"
    source = _code(cells[tagged[0]])
    for node in ast.parse(source).body:
        assert isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
        ast.literal_eval(node.value)  # raises for anything but a literal
    declared = reports.notebook_parameters(path)
    assert set(declared) == {n.targets[0].id for n in ast.parse(source).body}, "papermill must see every parameter"
    for param in declared.values():
        assert param.type != "None", f"{path.name}: give {param.name} a '# type: T' comment"
        assert param.help, f"{path.name}: say what {param.name} is for after its type"
        assert parameters.fits_type(ast.literal_eval(param.default), param.type), f"{param.name}: default has another type"
    assert {"corpus_dir", "output_dir"} | ({"figure_formats"} if path != TOUR else set()) <= set(declared)
    if path.stem not in CORPUS_FREE:
        assert {"outlets", "date_from", "date_to"} <= set(declared)
    assert ast.literal_eval(declared["corpus_dir"].default) == "../data/processed"
    assert ast.literal_eval(declared["output_dir"].default) == f"../reports/_interactive/{path.stem}"


@pytest.mark.parametrize("path", ALL_PATHS, ids=ALL_NAMES)
def test_cells_are_thin(path):
    for cell in _load(path)["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = _code(cell)
        for node in ast.walk(ast.parse(source)):
            assert not isinstance(node, FORBIDDEN), f"{path.name}: move {type(node).__name__} into the library:\n{source}"
            if isinstance(node, ast.ImportFrom):
                assert all(alias.name != "*" for alias in node.names)
        assert "Markdown(" not in source and "sys.path" not in source and "/work/" not in source


@pytest.mark.parametrize("name", NAMES)
def test_runs_on_its_defaults(report_set, name):
    [result] = [r for r in report_set.results if r.name == name]
    assert result.status == "generated"
    nb = _load(report_set.reports / name / f"{name}.ipynb")
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error"
            assert not (output["output_type"] == "stream" and output["name"] == "stderr"), (
                f"{name} wrote to stderr (a warning?): {output['text'][:300]}")


@pytest.mark.parametrize("name", NAMES)
def test_every_output_is_recorded_with_its_hash(report_set, name):
    folder = report_set.reports / name
    entries = read_outputs(folder)
    assert entries, f"{name} saved no figure or table"
    for entry in entries:
        assert re.fullmatch(r"[a-z0-9][a-z0-9_\-]*", entry["id"]) and entry["caption"]
        for f in entry["files"]:
            assert hashlib.sha256((folder / f["path"]).read_bytes()).hexdigest() == f["sha256"]
        if entry["kind"] == "figure":
            assert sorted(f["path"].rsplit(".", 1)[1] for f in entry["files"]) == ["csv", "pdf", "png", "svg"]
    written = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.parent != folder}
    recorded = {f["path"] for entry in entries for f in entry["files"]}
    assert written == recorded, "every file under figures/ and tables/ is in outputs.json"


@pytest.mark.parametrize("name", NAMES)
def test_html_hides_code_and_loads_nothing_from_the_web(report_set, name):
    page = (report_set.reports / name / f"{name}.html").read_text()
    assert "<script" not in page
    assert "import kuril_research" not in page  # code cells are hidden by default
    assert 'class="kr-figure"' in page or 'class="kr-table-block"' in page



# --------------------------------------------------------------------------- the shared set-up call


def test_setup_report_selects_styles_and_saves_into_output_dir(report_set, tmp_path):
    documents = load_corpus(report_set.processed).documents
    outlet = sorted(documents["outlet"].unique())[0]
    with matplotlib.rc_context():       # setup_report sets matplotlib up: keep that out of the other tests
        report = setup_report(report_set.processed, tmp_path, outlets=[outlet], time_by="year", figure_columns=1,
                              font_size=9, figure_formats=["svg"])
    assert set(report.corpus.documents["outlet"]) == {outlet}
    assert len(report.corpus.documents) == (documents["outlet"] == outlet).sum()
    assert "period" in report.corpus.documents
    assert (report.style.columns, report.style.font_size) == (1, 9)
    assert report.description().caption.startswith(f"Corpus: {len(report.corpus.documents)} document")
    report.table(pd.DataFrame({"term": ["habomai"], "n": [2]}), "terms", caption="Terms.")
    report.figure(plot_ranked(pd.Series({"habomai": 2}), xlabel="n", style=report.style), "terms", caption="Terms.")
    assert sorted(p.name for p in (tmp_path / "figures").iterdir()) == ["terms.csv", "terms.svg"]
    assert [e["id"] for e in read_outputs(tmp_path)] == ["terms", "terms"]


def test_setup_report_names_a_bad_period(report_set, tmp_path):
    with matplotlib.rc_context(), pytest.raises(ParameterError, match="time_by"):
        setup_report(report_set.processed, tmp_path, time_by="week")
    with matplotlib.rc_context():
        assert setup_report(None, tmp_path).corpus is None      # a report that reads no corpus loads none
