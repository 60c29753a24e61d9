"""Report generation: determinism, incremental runs, failure safety, parameters; and the output helpers."""

from __future__ import annotations

import json
import shutil
import time

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from kuril_research.publish import cli  # noqa: E402
from kuril_research.publish import csv_writer  # noqa: E402
from kuril_research.publish import outputs  # noqa: E402
from kuril_research.publish import reports  # noqa: E402
from kuril_research.publish.reports import inputs, pages, parameters, runner  # noqa: E402
from kuril_research.atomic import run_lock  # noqa: E402
from kuril_research.corpus import build_corpus, load_corpus  # noqa: E402
from kuril_research.corpus.provenance import raw_corpus_sha256  # noqa: E402
from kuril_research.errors import InputError, ParameterError, ReportError  # noqa: E402
from tests.fixtures.report_set import (  # noqa: E402
    FIXTURE_NOTEBOOKS, MANIFEST, RAW, ROOT, get_report_set, report_args, snapshot,
)

NOTEBOOKS = [p.stem for p in reports.list_notebooks(ROOT / "notebooks")]


@pytest.fixture(scope="session")
def report_set(tmp_path_factory):
    return get_report_set(tmp_path_factory)


@pytest.fixture(scope="session")
def fixture_base(tmp_path_factory):
    """A clone-like folder (data/processed, notebooks/99_fixture.ipynb, reports/) reported once successfully."""
    base = tmp_path_factory.mktemp("fixture_base")
    build_corpus(RAW, MANIFEST, base / "data" / "processed")
    (base / "notebooks").mkdir()
    shutil.copy(FIXTURE_NOTEBOOKS / "99_fixture.ipynb", base / "notebooks")
    [result] = reports.generate_reports(**_fixture_args(base))
    assert result.status == "generated"
    return base


def _fixture_args(base):
    return {"out_dir": base / "reports", "corpus_dir": base / "data" / "processed", "raw_dir": RAW,
            "manifest": MANIFEST, "notebooks_dir": base / "notebooks"}


@pytest.fixture
def fixture_run(tmp_path, fixture_base):
    """A private copy of the fixture folder (relative paths, hence the report, are unchanged by copying)."""
    shutil.copytree(fixture_base, tmp_path / "clone", ignore=shutil.ignore_patterns("*.lock"))
    args = _fixture_args(tmp_path / "clone")
    [result] = reports.generate_reports(**args)
    assert result.status == "skipped"
    return args


# --------------------------------------------------------------------------- the shared report set


def test_both_runs_succeeded(report_set):
    assert [r.name for r in report_set.results] == NOTEBOOKS
    assert {r.status for r in report_set.results} == {"generated"}
    assert report_set.cli.returncode == 0, report_set.cli.stderr


def test_second_run_is_byte_identical(report_set):
    first, second = snapshot(report_set.a / "reports"), snapshot(report_set.b / "reports")
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"files differ between two runs: {differing}"


def test_committed_reports_match_the_code(report_set):
    committed_root = ROOT / "reports"
    for name in NOTEBOOKS:
        produced, committed = snapshot(report_set.reports / name), snapshot(committed_root / name)
        assert sorted(committed) == sorted(produced), (
            f"reports/{name} has other files than the code produces: run `kuril-research report` and commit reports/")
        stale = [f for f in produced if produced[f] != committed[f]]
        assert not stale, f"reports/{name} is out of date ({stale[:5]}): run `kuril-research report` and commit reports/"
    assert (committed_root / "index.html").read_bytes() == (report_set.reports / "index.html").read_bytes()


def test_unchanged_run_is_skipped_without_a_kernel(report_set, monkeypatch):
    before = {p: p.stat().st_mtime_ns for p in report_set.reports.rglob("*")}

    def no_kernel(*args, **kwargs):
        raise AssertionError("a kernel was started for an up-to-date report")

    monkeypatch.setattr(runner, "execute_notebook", no_kernel)
    started = time.perf_counter()
    results = reports.generate_reports(**report_args(report_set.a))
    elapsed = time.perf_counter() - started
    assert [r.status for r in results] == ["skipped"] * len(NOTEBOOKS)
    assert elapsed < len(NOTEBOOKS), f"a no-op run took {elapsed:.2f} s"
    assert {p: p.stat().st_mtime_ns for p in report_set.reports.rglob("*")} == before


def test_report_layout_and_provenance(report_set):
    name = NOTEBOOKS[0]
    folder = report_set.reports / name
    provenance = json.loads((folder / "provenance.json").read_text())
    assert {f"{name}.ipynb", f"{name}.html", "outputs.json"} <= set(provenance["files"])
    for rel, sha in provenance["files"].items():
        assert inputs.file_sha256(folder / rel) == sha
    recorded = provenance["inputs"]
    assert recorded["parameters"] == {"corpus_dir": "../../data/processed", "output_dir": "."}
    assert recorded["library_sha256"] == reports.library_sha256()
    assert {"pandas", "matplotlib", "nltk", "papermill"} <= set(recorded["versions"])
    assert set(recorded["processed"]) >= {"build.json", "documents.parquet", "mentions.parquet"}
    assert {"gazetteer.yaml", "voice.yaml"} <= set(recorded["package_data"])
    assert recorded["raw_corpus_sha256"] == load_corpus(report_set.processed).build["raw_corpus_sha256"]


def test_executed_notebook_is_normalised(report_set):
    nb = json.loads((report_set.reports / NOTEBOOKS[0] / f"{NOTEBOOKS[0]}.ipynb").read_text())
    assert (nb["nbformat"], nb["nbformat_minor"]) == (4, 5)
    assert nb["metadata"]["papermill"] == {"parameters": {"corpus_dir": "../../data/processed", "output_dir": "."}}
    assert [c["id"] for c in nb["cells"]] == [f"cell-{i:03d}" for i in range(len(nb["cells"]))]
    for cell in nb["cells"]:
        assert not {"papermill", "execution"} & set(cell["metadata"])


def test_no_absolute_path_in_any_report(report_set):
    forbidden = [str(report_set.a), str(ROOT), str(RAW)]
    for rel, data in snapshot(report_set.reports).items():
        if rel.endswith((".png", ".pdf", ".xlsx")):      # compressed: their text is the CSV's, checked there
            continue
        if rel.endswith(".parquet"):
            text = pd.read_parquet(report_set.reports / rel).to_csv()
        else:
            text = data.decode("utf-8")
        assert not [p for p in forbidden if p in text], rel


def test_index_links_every_report_figure_and_table(report_set):
    index = (report_set.reports / "index.html").read_text()
    for name in NOTEBOOKS:
        assert f'href="{name}/{name}.html"' in index
        for entry in outputs.read_outputs(report_set.reports / name):
            for f in entry["files"]:
                assert f'href="{name}/{f["path"]}"' in index


# --------------------------------------------------------------------------- failures and refusals


def test_failing_notebook_leaves_the_previous_report_and_cli_exits_1(fixture_run, capsys):
    report = fixture_run["out_dir"] / "99_fixture"
    before = snapshot(report)
    argv = ["report", "fixture", "-p", "fail", "True", "--out", str(fixture_run["out_dir"]),
            "--corpus", str(fixture_run["corpus_dir"]), "--raw", str(RAW), "--manifest", str(MANIFEST),
            "--notebooks", str(fixture_run["notebooks_dir"])]
    assert cli.main(argv) == 1
    err = capsys.readouterr().err
    assert "99_fixture.ipynb" in err and "cell 5 of 5" in err
    assert "RuntimeError: the fixture was asked to fail" in err and "was left as it was" in err
    assert snapshot(report) == before
    assert not list(report.parent.glob(".99_fixture.*"))


def test_changed_parameter_reruns(fixture_run):
    [result] = reports.generate_reports(parameters={"rows": "2"}, **fixture_run)
    assert result.status == "generated"
    table = pd.read_csv(fixture_run["out_dir"] / "99_fixture" / "tables" / "documents.csv")
    assert len(table) == 2
    [again] = reports.generate_reports(parameters={"rows": 2}, **fixture_run)
    assert again.status == "skipped"


def test_show_code_keeps_the_code_in_the_html(fixture_run):
    page = fixture_run["out_dir"] / "99_fixture" / "99_fixture.html"
    assert "load_corpus" not in page.read_text()
    [result] = reports.generate_reports(show_code=True, **fixture_run)
    assert result.status == "generated" and "load_corpus" in page.read_text()
    [forced] = reports.generate_reports(show_code=True, force=True, **fixture_run)
    assert forced.status == "generated"


def test_cli_lists_notebooks_and_parameters(capsys):
    assert cli.main(["report", "--list", "fixture", "--notebooks", str(FIXTURE_NOTEBOOKS)]) == 0
    assert "  rows = 3  (int) documents listed" in capsys.readouterr().out


@pytest.mark.parametrize("parameters, message", [
    ({"nope": 1}, r"unknown parameter\(s\) nope .*use one of: .*top_n"),
    ({"top_n": "abc"}, r"'abc' is not a valid value for top_n \(type int\)"),
    ({"top_n": 2.5}, r"not a valid value for top_n"),
    ({"outlets": 3}, r"not a valid value for outlets"),
    ({"output_dir": "elsewhere"}, r"output_dir is set by the report runner.*--out DIR"),
])
def test_bad_parameters_are_refused_before_anything_runs(tmp_path, parameters, message):
    with pytest.raises(ParameterError, match=message):
        reports.generate_reports(["02"], parameters=parameters, out_dir=tmp_path / "reports",
                                 corpus_dir=tmp_path / "processed", raw_dir=RAW, manifest=MANIFEST)
    assert not (tmp_path / "reports").exists() and not (tmp_path / "processed").exists()


def test_cli_refuses_unknown_parameter_with_exit_2(tmp_path, capsys):
    assert cli.main(["report", "corpus_overview", "-p", "nope", "1", "--out", str(tmp_path)]) == 2
    assert "unknown parameter(s) nope" in capsys.readouterr().err


@pytest.mark.parametrize("declared, value, expected", [
    ("int", "20", 20),
    ("int", 20, 20),
    ("float", "0.5", 0.5),
    ("bool", "true", True),
    ("list[str]|None", '["TASS", "Kyodo"]', ["TASS", "Kyodo"]),
    ("list[str]|None", "TASS", ["TASS"]),
    ("list[str]|None", "None", None),
    ("list[str|int]", ("year", 2019), ["year", 2019]),
    ("str|None", "2019", "2019"),
])
def test_values_are_parsed_for_their_declared_type(declared, value, expected):
    param = reports.NotebookParameter("p", declared, "None", "")
    assert parameters.coerce_value("p", value, param, "nb") == expected


def test_unknown_notebook_name_lists_the_names():
    with pytest.raises(ParameterError, match="01_corpus_overview \\(corpus_overview\\)"):
        reports.generate_reports(["no_such_report"])


def test_concurrent_run_fails_with_a_clear_message(tmp_path):
    with run_lock(tmp_path / "reports"):
        with pytest.raises(InputError, match="another `kuril-research report` run is writing these reports"):
            reports.generate_reports(["01"], out_dir=tmp_path / "reports", corpus_dir=tmp_path / "processed",
                                     lock_timeout=0)


def test_absolute_path_in_a_report_is_refused(tmp_path):
    (tmp_path / "page.html").write_text(f"<p>written from {tmp_path}/x</p>")
    with pytest.raises(ReportError, match="contains the absolute path"):
        pages.check_relative(tmp_path, [str(tmp_path)], tmp_path / "01_x.ipynb")


# --------------------------------------------------------------------------- corpus freshness


def test_raw_hash_is_the_one_the_build_records(fixture_base):
    build = load_corpus(fixture_base / "data" / "processed").build
    assert raw_corpus_sha256(RAW, MANIFEST) == build["raw_corpus_sha256"]


def test_corpus_is_rebuilt_when_a_raw_file_changes(raw_copy, tmp_path):
    processed = tmp_path / "processed"
    build_corpus(raw_copy, raw_copy / "manifest.csv", processed)
    assert inputs.stale_reason(processed, raw_copy, raw_copy / "manifest.csv") is None
    article = sorted(p for p in raw_copy.iterdir() if p.suffix == ".txt")[0]
    article.write_bytes(article.read_bytes() + b"\n\nOne more paragraph about Shikotan.")
    assert "raw_corpus_sha256" in inputs.stale_reason(processed, raw_copy, raw_copy / "manifest.csv")
    inputs.ensure_corpus(processed, raw_copy, raw_copy / "manifest.csv", lambda message: None)
    assert inputs.stale_reason(processed, raw_copy, raw_copy / "manifest.csv") is None


# --------------------------------------------------------------------------- outputs


def _figure():
    outputs.configure_matplotlib()
    fig, ax = plt.subplots()
    ax.plot([2015, 2016, 2019], [3, 1, 4], marker="o")
    ax.set_title("Habomai — per year")
    return fig


def test_save_figure_is_deterministic_and_carries_no_dates(tmp_path):
    data = pd.DataFrame({"year": [2015, 2016, 2019], "n": [3, 1, 4]})
    first = outputs.save_figure(_figure(), "habomai", data=data, caption="Habomai.", out_dir=tmp_path / "one")
    second = outputs.save_figure(_figure(), "habomai", data=data, caption="Habomai.", out_dir=tmp_path / "two")
    assert first.files == second.files
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")
    png = (tmp_path / "one" / "figures" / "habomai.png").read_bytes()
    assert b"Software" not in png and b"matplotlib" not in png.lower()
    svg = (tmp_path / "one" / "figures" / "habomai.svg").read_text()
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    pdf = (tmp_path / "one" / "figures" / "habomai.pdf").read_bytes()
    assert b"/CreationDate" not in pdf and b"/Producer" not in pdf and b"/Creator" not in pdf
    assert (tmp_path / "one" / "figures" / "habomai.csv").read_text() == "year,n\n2015,3\n2016,1\n2019,4\n"


def test_save_figure_png_is_300_dpi(tmp_path):
    fig = _figure()
    width = fig.get_figwidth()
    outputs.save_figure(fig, "dpi", data=pd.DataFrame(), caption="x", out_dir=tmp_path, formats=["png"])
    header = (tmp_path / "figures" / "dpi.png").read_bytes()[16:24]
    assert int.from_bytes(header[:4], "big") == round(width * 300)


def test_outputs_json_records_in_call_order_and_replaces_same_id(tmp_path):
    outputs.save_table(pd.DataFrame({"a": [1]}), "first", caption="One.", out_dir=tmp_path)
    outputs.save_table(pd.DataFrame({"a": [2]}), "second", caption="Two.", out_dir=tmp_path)
    outputs.save_table(pd.DataFrame({"a": [3]}), "first", caption="One again.", out_dir=tmp_path)
    entries = outputs.read_outputs(tmp_path)
    assert [(e["id"], e["caption"]) for e in entries] == [("first", "One again."), ("second", "Two.")]
    assert entries[0]["files"] == [{"path": f"tables/first.{ext}",
                                    "sha256": inputs.file_sha256(tmp_path / "tables" / f"first.{ext}")}
                                   for ext in ("csv", "parquet", "xlsx", "tex")]


@pytest.mark.parametrize("frame, text", [
    (pd.DataFrame({"x": [1 / 3, None], "y": ["a", "b"]}), "x,y\n0.3333,a\n,b\n"),
    (pd.DataFrame({"x": [281.818181818, 12345.6]}), "x\n281.8\n12346\n"),
    (pd.DataFrame({"n": [5]}, index=[7]), "n\n5\n"),                      # a leftover unnamed index is dropped
    (pd.DataFrame({"n": [1, 2]}, index=pd.Index(["TASS", "Kyodo"], name="outlet")), "outlet,n\nTASS,1\nKyodo,2\n"),
    (pd.DataFrame({"t": pd.array(["a\nb", pd.NA], dtype="string")}), 't\n"a\nb"\n""\n'),
])
def test_save_table_writes_stable_csv(tmp_path, frame, text):
    outputs.save_table(frame, "t", caption="t", out_dir=tmp_path)
    assert (tmp_path / "tables" / "t.csv").read_bytes() == text.encode()


def test_save_table_keeps_full_precision_in_parquet_and_hashes_once(tmp_path):
    frame = pd.DataFrame({"frame": ["a", "b"], "share": [1 / 3, 2 / 3], "codebook_sha256": ["c" * 64] * 2})
    saved = outputs.save_table(frame, "t", caption="Shares.", out_dir=tmp_path)
    assert (tmp_path / "tables" / "t.csv").read_text() == "frame,share\na,0.3333\nb,0.6667\n"
    assert pd.read_parquet(tmp_path / "tables" / "t.parquet")["share"].tolist() == [1 / 3, 2 / 3]
    assert outputs.read_outputs(tmp_path)[0]["constants"] == {"codebook_sha256": "c" * 64}
    assert "codebook_sha256" in saved._repr_html_() and saved._repr_html_().count("c" * 12) == 1
    tex = (tmp_path / "tables" / "t.tex").read_text()
    assert "\\toprule" in tex and "\\bottomrule" in tex and "0.3333" in tex
    assert pd.read_excel(tmp_path / "tables" / "t.xlsx").to_dict("list") == {"frame": ["a", "b"],
                                                                            "share": [0.3333, 0.6667]}


def test_xlsx_copy_does_not_depend_on_the_time_it_was_written(tmp_path):
    frame = pd.DataFrame({"outlet": ["Kyodo"], "n": [3]})
    outputs.save_table(frame, "t", caption="t", out_dir=tmp_path / "a")
    time.sleep(2.1)                                   # zip times have a resolution of 2 s
    outputs.save_table(frame, "t", caption="t", out_dir=tmp_path / "b")
    assert (tmp_path / "a" / "tables" / "t.xlsx").read_bytes() == (tmp_path / "b" / "tables" / "t.xlsx").read_bytes()


@pytest.mark.parametrize("bad", ["Has Space", "../escape", "", "x" * 81, "UPPER"])
def test_output_ids_must_be_safe_file_names(tmp_path, bad):
    with pytest.raises(ParameterError, match="cannot be used as a file name"):
        outputs.save_table(pd.DataFrame(), bad, caption="x", out_dir=tmp_path)


def test_tables_show_article_text_as_inert_text(tmp_path):
    frame = pd.DataFrame({"text": ['<script>alert("x")</script> costs $5 and $6']})
    shown = outputs.save_table(frame, "kwic", caption="<b>caption</b>", out_dir=tmp_path)._repr_html_()
    assert "<script>" not in shown and "&lt;script&gt;" in shown and "&lt;b&gt;caption" in shown
    assert 'class="tex2jax_ignore mathjax_ignore"' in shown


def test_a_relative_path_through_the_project_is_not_an_absolute_path(tmp_path):
    # reports written outside the project reach the corpus by ../..; the absolute path itself is refused
    (tmp_path / "a.ipynb").write_text('corpus_dir = "../../../../work/main/data/processed"')
    pages.check_relative(tmp_path, ["/work/main"], tmp_path / "01_x.ipynb")
    (tmp_path / "b.ipynb").write_text('corpus_dir = "/work/main/data/processed"')
    with pytest.raises(ReportError, match="contains the absolute path '/work/main'"):
        pages.check_relative(tmp_path, ["/work/main"], tmp_path / "01_x.ipynb")


def test_embedded_images_are_not_searched_for_paths(tmp_path):
    (tmp_path / "page.html").write_text('<img src="data:image/png;base64,iVBOR/rootw0KGgo="/>')
    pages.check_relative(tmp_path, ["/root"], tmp_path / "01_x.ipynb")


def test_large_tables_are_written_column_by_column_with_the_bytes_pandas_writes():
    """From 10,000 rows, text, integer, boolean and float columns are formatted in Arrow: same bytes as to_csv."""
    n = 10_000
    words = ["plain", "a,b", 'say "x"', "two\nlines", "cr\rhere", " ", "", None, "Japan’s —"]
    frame = pd.DataFrame({
        "text": pd.array([words[i % len(words)] for i in range(n)], dtype="string"),
        "n": pd.array([None if i % 7 == 0 else i - 5000 for i in range(n)], dtype="Int64"),
        "big": np.arange(n, dtype=np.int64) * 10**12,
        "flag": pd.array([None if i % 5 == 0 else i % 2 == 0 for i in range(n)], dtype="boolean"),
        "share": [[1 / 3, float("nan"), float("inf"), -0.0, 1e20, 2.5][i % 6] for i in range(n)],
    })
    expected = frame.to_csv(index=False, lineterminator="\n", float_format="%.12g").encode()
    got = outputs.csv_bytes(frame)
    assert got == expected
    assert got.split(b"\n")[1:10] == [b"plain,,0,,0.333333333333", b'"a,b",-4999,1000000000000,False,',
                                      b'"say ""x""",-4998,2000000000000,True,inf', b'"two', b'lines",-4997,'
                                      b"3000000000000,False,-0", b"cr\rhere,-4996,4000000000000,True,1e+20",
                                      b" ,-4995,5000000000000,,2.5", b",-4994,6000000000000,True,0.333333333333",
                                      b",,7000000000000,False,"]
    assert csv_writer._csv_cells(frame["text"]) is not None          # the column-wise writer was used
    mixed = frame.assign(text=frame["text"].astype(object))       # an object column: pandas writes it
    assert csv_writer._csv_cells(mixed["text"]) is None and outputs.csv_bytes(mixed) == expected


def _notebook_with(folder, source):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source, metadata={"tags": ["parameters"]})]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "05_x.ipynb"
    path.write_text(nbformat.writes(nb), encoding="utf-8")
    return path


def test_folder_parameters_resolve_from_the_notebook_or_the_caller_and_are_hashed(tmp_path, monkeypatch):
    """A *_dir default is relative to the notebook's folder (as in Jupyter), a -p value to the current folder."""
    notebook = _notebook_with(tmp_path / "notebooks", 'corpus_dir = "../x"\ngold_dir = "../data/gold"\n')
    gold = tmp_path / "data" / "gold"
    gold.mkdir(parents=True)
    (gold / "a.yaml").write_text("one")
    dest = tmp_path / "reports" / "05_x"
    values, hashes = parameters.resolve_notebook_paths(notebook, {}, dest)
    assert values == {"gold_dir": "../../data/gold"}          # corpus_dir is the runner's: untouched
    (gold / "a.yaml").write_text("two")
    assert parameters.resolve_notebook_paths(notebook, {}, dest)[1] != hashes   # an edited file changes the key
    other = tmp_path / "elsewhere" / "mine"
    other.mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert parameters.resolve_notebook_paths(notebook, {"gold_dir": "mine"}, dest)[0] == {
        "gold_dir": "../../elsewhere/mine"}
    with pytest.raises(ParameterError, match="is not a folder"):
        parameters.resolve_notebook_paths(notebook, {"gold_dir": "missing"}, dest)


def test_notebooks_without_folder_parameters_keep_their_inputs(tmp_path):
    notebook = _notebook_with(tmp_path / "notebooks", 'corpus_dir = "../x"\noutput_dir = "."\ntop_n = 3\n')
    assert parameters.resolve_notebook_paths(notebook, {}, tmp_path / "r") == ({}, {})


def test_a_file_default_resolves_from_the_notebook_folder_and_is_hashed(tmp_path):
    notebook = _notebook_with(tmp_path / "notebooks", 'record_path = "../data/r.json"\nother_path = None\n')
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "r.json").write_text("{}")
    values, hashes = parameters.resolve_notebook_paths(notebook, {}, tmp_path / "reports" / "05_x")
    assert values == {"record_path": "../../data/r.json"} and list(hashes) == ["record_path"]
    # given with -p, a *_path is _resolve_path_parameters' business, not this function's
    assert parameters.resolve_notebook_paths(notebook, {"record_path": "x"}, tmp_path / "r") == ({}, {})
