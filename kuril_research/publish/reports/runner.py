"""Running the report notebooks: execute each with papermill in a staged folder, skip those up to date.

:func:`generate_reports` (``kuril-research report``) checks the parameters
(:mod:`~kuril_research.publish.reports.parameters`), finds the corpus and the
report's input key (:mod:`~kuril_research.publish.reports.inputs`), runs the
notebook where the key changed, and has the result published
(:mod:`~kuril_research.publish.reports.pages`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kuril_research import __version__, config
from kuril_research.atomic import run_lock, staged_dir
from kuril_research.corpus.guards import check_raw_has_corpus, check_reports_target, same_path
from kuril_research.corpus.provenance import library_sha256
from kuril_research.errors import InputError, ParameterError, ReportError
from kuril_research.publish.outputs import OUTPUTS_FILE, read_outputs
from kuril_research.publish.reports import notebook_tools
from kuril_research.publish.reports.inputs import (
    dependency_versions, file_sha256, package_data_hashes, prepare_corpus,
)
from kuril_research.publish.reports.pages import (
    INDEX_FILE, PROVENANCE_FILE, add_cite_lines, check_relative, cite_line, display_path, forbidden_paths,
    normalise_notebook, notebook_title, page_header, render_html, write_index,
)
from kuril_research.publish.reports.parameters import (
    check_parameters, declared_defaults, list_notebooks, notebook_parameters, resolve_names,
    resolve_notebook_paths, resolve_path_parameters, source_cells,
)

__all__ = ["KERNEL_ENVIRONMENT", "CELL_TIMEOUT_SECONDS", "ReportResult", "execute_notebook", "generate_reports",
           "cli_report"]

#: Environment of the notebook kernel: no dates, fixed hashing, no display, and the same floating-point
#: results on every x86-64 machine: NumPy's AVX-512 loops (SVML's ``log``, ``exp``, …) round the last bit
#: differently from the C library that every other machine uses, which changed a keyness G² in the 16th digit
#: between two machines. Names NumPy does not know, or features a machine lacks, are ignored.
KERNEL_ENVIRONMENT = {
    "SOURCE_DATE_EPOCH": "0",
    "PYTHONHASHSEED": "0",
    "MPLBACKEND": "Agg",
    "TZ": "UTC",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    "NPY_DISABLE_CPU_FEATURES": "X86_V4 AVX512_ICL AVX512_SPR",
}
#: Longest time one cell may run before the report is abandoned.
CELL_TIMEOUT_SECONDS = 1800




@dataclass(frozen=True)
class ReportResult:
    """What :func:`generate_reports` did for one notebook.

    Attributes
    ----------
    name : str
        Notebook stem, e.g. ``"01_corpus_overview"``.
    status : {"generated", "skipped"}
        ``skipped``: the report was up to date and no kernel was started.
    path : Path
        The report folder.
    seconds : float
        Wall time spent on this notebook.
    input_key : str
        Hash of everything the report depends on (see :func:`generate_reports`).
    """

    name: str
    status: str
    path: Path
    seconds: float
    input_key: str



@contextlib.contextmanager
def _kernel_environment() -> Iterator[None]:
    """Set :data:`KERNEL_ENVIRONMENT` while a kernel starts (it inherits this process's environment)."""
    saved = {key: os.environ.get(key) for key in KERNEL_ENVIRONMENT}
    os.environ.update(KERNEL_ENVIRONMENT)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def execute_notebook(path: Path, workdir: Path, parameters: dict[str, Any], *, kept: str):
    """Run a notebook in ``workdir``; turn any failure into a ReportError naming the cell.

    ``kept`` says what became of the previous report, for the error message.
    """
    from traitlets.config import Config

    papermill = notebook_tools.papermill()

    # The kernel talks over Unix sockets in a private folder: no TCP port, and nothing written to ``workdir``.
    sockets = tempfile.mkdtemp(prefix="kuril-kernel-")
    config = Config({"KernelManager": {"transport": "ipc", "ip": os.path.join(sockets, "kernel")}})
    try:
        with _kernel_environment():
            return papermill.execute_notebook(
                str(path), None, parameters=parameters, kernel_name="python3", progress_bar=False,
                cwd=str(workdir), log_output=False, request_save_on_cell_execute=False,
                record_timing=False, execution_timeout=CELL_TIMEOUT_SECONDS, config=config,
                # jupyter_client interrupts a kernel before shutting it down, and ipykernel logs that as an
                # ERROR; failures still reach us as cell errors or a dead kernel.
                extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
    except papermill.PapermillExecutionError as exc:
        cells = source_cells(path)
        tagged = [i for i, c in enumerate(cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
        injected = tagged[0] + 1 if tagged else 0
        if exc.cell_index == injected:
            where = "the injected parameters cell"
        else:
            index = exc.cell_index - (exc.cell_index > injected)
            first = next((line for line in "".join(cells[index]["source"]).splitlines() if line.strip()), "")
            where = f"cell {index + 1} of {len(cells)} (begins {first.strip()[:60]!r})"
        evalue = " ".join(str(exc.evalue).split())
        evalue = evalue if len(evalue) <= 400 else evalue[:397] + "..."
        # A project error in the kernel already says what to do: keep its advice as the hint.
        evalue, _, advice = evalue.partition(" What to do: ")
        advice = advice.rstrip(". ") or "fix the notebook or its inputs (-p KEY VALUE)"
        raise ReportError(f"{where} raised {exc.ename}: {evalue}", path=display_path(path),
                          hint=f"{advice}, then run again; {kept}") from None
    except Exception as exc:  # kernel died, timed out, could not start ...
        raise ReportError(f"the notebook could not be run ({type(exc).__name__}: {exc})", path=display_path(path),
                          hint="check that the python3 Jupyter kernel of this environment works "
                               f"(`jupyter kernelspec list`); {kept}") from None
    finally:
        shutil.rmtree(sockets, ignore_errors=True)



def _write_text(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8"))


def _canonical(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _is_current(report_dir: Path, key: str) -> bool:
    record = report_dir / PROVENANCE_FILE
    if not record.is_file():
        return False
    try:
        provenance = json.loads(record.read_text(encoding="utf-8"))
    except ValueError:
        return False
    if provenance.get("input_key") != key:
        return False
    files = provenance.get("files", {})
    return bool(files) and all((report_dir / rel).is_file() and file_sha256(report_dir / rel) == sha
                               for rel, sha in files.items())


def _generate_one(path: Path, reports: Path, processed: Path, user_parameters: dict[str, Any],
                  shared_inputs: dict[str, Any], *, force: bool, show_code: bool,
                  say: Callable[[str], None]) -> ReportResult:
    started = time.perf_counter()
    name = path.stem
    dest = reports / name
    values, parameter_files = resolve_path_parameters(user_parameters, dest)
    folders, folder_hashes = resolve_notebook_paths(path, user_parameters, dest)
    values.update(folders)
    parameter_files.update(folder_hashes)
    # The run folder is a sibling of dest, so paths relative to one are relative to the other.
    parameters = {"corpus_dir": Path(os.path.relpath(os.path.abspath(processed), os.path.abspath(dest))).as_posix(),
                  "output_dir": ".", **values}
    inputs = {**shared_inputs, "notebook": {"file": path.name, "sha256": file_sha256(path)},
              "parameters": parameters, "parameter_files": parameter_files, "show_code": show_code}
    key = hashlib.sha256(_canonical(inputs).encode()).hexdigest()
    if not force and _is_current(dest, key):
        return ReportResult(name, "skipped", dest, time.perf_counter() - started, key)
    nbformat = notebook_tools.nbformat()
    say(f"{name}: running the notebook")
    with staged_dir(dest) as tmp:
        kept = (f"the previous report {display_path(dest)}/ was left as it was" if dest.exists()
                else "no report was written")
        nb = execute_notebook(path, tmp, parameters, kept=kept)
        saved = read_outputs(tmp)
        nb.cells.insert(1, nbformat.v4.new_markdown_cell(
            page_header(name, {**declared_defaults(path), **parameters}, sorted(values), inputs, key, saved)))
        add_cite_lines(nb, {entry["id"]: cite_line(name, entry, inputs.get("package_version", __version__), key)
                             for entry in saved if entry["kind"] == "figure"})
        normalise_notebook(nb, parameters)
        title = notebook_title(nb, name)
        _write_text(tmp / f"{name}.ipynb", nbformat.writes(nb, version=4) + "\n")
        _write_text(tmp / f"{name}.html", render_html(nb, title=title, show_code=show_code))
        check_relative(tmp, forbidden_paths(tmp, reports, processed, path.parent), path)
        files = {p.relative_to(tmp).as_posix(): file_sha256(p) for p in sorted(tmp.rglob("*")) if p.is_file()}
        provenance = {"report": name, "title": title, "input_key": key, "inputs": inputs, "files": files,
                      "outputs": OUTPUTS_FILE if OUTPUTS_FILE in files else None}
        _write_text(tmp / PROVENANCE_FILE, json.dumps(provenance, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return ReportResult(name, "generated", dest, time.perf_counter() - started, key)



@contextlib.contextmanager
def _lock(reports: Path, timeout: float, say: Callable[[str], None]) -> Iterator[None]:
    """Hold the reports folder's lock; say so, then wait up to ``timeout`` s, if another run has it."""
    stack = contextlib.ExitStack()
    try:
        stack.enter_context(run_lock(reports, timeout=0))
    except InputError:
        if timeout > 0:
            say(f"another report run is writing {reports}; waiting up to {timeout:.0f} s for it to finish")
        try:
            stack.enter_context(run_lock(reports, timeout=max(timeout, 0)))
        except InputError:
            raise InputError("another `kuril-research report` run is writing these reports"
                             + (f" and still held the lock after {timeout:.0f} s" if timeout > 0 else ""),
                             path=reports, hint="wait for it to finish, then run again") from None
    with stack:
        yield


def generate_reports(names: Sequence[str] | None = None, *, parameters: Mapping[str, Any] | None = None,
                     out_dir: str | Path | None = None, force: bool = False, show_code: bool = False,
                     corpus_dir: str | Path | None = None, raw_dir: str | Path | None = None,
                     manifest: str | Path | None = None, notebooks_dir: str | Path | None = None,
                     lock_timeout: float = 600.0, progress: Callable[[str], None] | None = None) -> list[ReportResult]:
    """Generate (or confirm up to date) the report of each notebook, then ``index.html``.

    Parameters
    ----------
    names : sequence of str, optional
        Notebooks to run (``01_corpus_overview``, ``corpus_overview`` or ``01``);
        default all ``NN_name.ipynb`` in ``notebooks_dir``.
    parameters : mapping, optional
        Notebook parameters to override. Each must be declared by at least one
        of the chosen notebooks and is passed to those that declare it. Strings
        are parsed as Python literals for parameters that are not strings (so
        ``"20"`` is fine for ``top_n``). ``*_path`` values are files relative to
        the current folder. ``corpus_dir`` and ``output_dir`` are set by the runner.
    out_dir : str or Path, optional
        Reports folder; default ``reports/``.
    force : bool
        Re-run notebooks whose report is up to date.
    show_code : bool
        Keep the code cells in the HTML pages (hidden by default).
    corpus_dir : str or Path, optional
        Processed corpus; default ``data/processed`` (the embedded corpus, built
        first if missing or stale). A corpus named here is read as it is and
        never rebuilt from other inputs, unless ``raw_dir`` is named too (see
        :func:`~kuril_research.publish.reports.inputs.prepare_corpus`).
    raw_dir, manifest : str or Path, optional
        Raw folder that ``corpus_dir`` is rebuilt from when it changed; needs
        ``corpus_dir``. Default ``data/raw/articles`` and its manifest.
    notebooks_dir : str or Path, optional
        Default ``notebooks/``.
    lock_timeout : float
        Seconds to wait for another run on the same reports folder (0: fail at once).
    progress : callable, optional
        Called with one line of text when something slow starts.

    Returns
    -------
    list of ReportResult
        One per notebook, in order.

    Raises
    ------
    ParameterError
        Unknown notebook name, unknown parameter or a value of the wrong type
        (before anything is built or run).
    ReportError
        A notebook failed: the message names it, the cell and the exception.
        Its previous report is left as it was; the other notebooks still run.
    InputError
        Another run holds the reports folder for longer than ``lock_timeout``;
        the named corpus is missing or stale; ``raw_dir`` without
        ``corpus_dir``; reports of another corpus into the project's ``reports/``.
    """
    say = progress or (lambda message: None)
    root = config.project_root()
    notebooks = resolve_names(names, list_notebooks(notebooks_dir if notebooks_dir is not None
                                                    else config.notebooks_dir(root)))
    reports = Path(out_dir) if out_dir is not None else config.reports_dir(root)
    default_inputs = (corpus_dir is None or same_path(corpus_dir, config.processed_dir(root))) and (
        raw_dir is None or same_path(raw_dir, config.raw_dir(root)))
    check_raw_has_corpus(corpus_dir, raw_dir)
    check_reports_target(reports, config.reports_dir(root), default_inputs=default_inputs)
    given = dict(parameters or {})
    per_notebook = check_parameters(given, notebooks) if given else {path: {} for path in notebooks}
    results: list[ReportResult] = []
    failures: list[ReportError] = []
    with _lock(reports, lock_timeout, say):
        processed = prepare_corpus(corpus_dir, raw_dir, manifest, say=say)
        build = json.loads((processed / "build.json").read_text(encoding="utf-8"))
        shared = {
            "raw_corpus_sha256": build.get("raw_corpus_sha256"),
            "processed": {p.name: file_sha256(p) for p in sorted(processed.iterdir())
                          if p.is_file() and not p.name.startswith(".")},  # .origin.json names this machine's paths
            "package_data": package_data_hashes(),
            "package_version": __version__,
            "library_sha256": library_sha256(),
            "versions": dependency_versions(),
        }
        for path in notebooks:
            try:
                results.append(_generate_one(path, reports, processed, per_notebook[path], shared,
                                             force=force, show_code=show_code, say=say))
            except ReportError as exc:
                failures.append(exc)
        write_index(reports)
    if len(failures) == 1:
        raise failures[0]
    if failures:
        raise ReportError(f"{len(failures)} notebooks failed: " + " | ".join(str(f) for f in failures))
    return results


def cli_report(args) -> int:
    """Run ``kuril-research report`` with parsed arguments; return the exit code.

    Prints one line per notebook (generated or up to date) and the index path.
    Errors propagate to :func:`kuril_research.publish.cli.main`, which prints them and
    exits 1 (a notebook failed) or 2 (bad parameter or input).
    """
    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    if getattr(args, "list", False):
        for path in resolve_names(args.names, list_notebooks(args.notebooks or config.notebooks_dir())):
            print(path.stem)
            for p in notebook_parameters(path).values():
                print(f"  {p.name} = {p.default}  ({p.type}) {p.help}".rstrip())
        return 0
    parameters: dict[str, Any] = {}
    for key, value in args.parameter or []:
        if key in parameters:
            raise ParameterError(f"parameter {key} given twice", field=key, hint="give each -p KEY VALUE once")
        parameters[key] = value
    started = time.perf_counter()
    results = generate_reports(args.names or None, parameters=parameters, out_dir=args.out, force=args.force,
                               show_code=args.show_code, corpus_dir=args.corpus, raw_dir=args.raw,
                               manifest=args.manifest, notebooks_dir=args.notebooks, progress=say)
    for result in results:
        state = "generated" if result.status == "generated" else "up to date"
        print(f"{result.name}: {state} ({result.seconds:.1f} s) -> {display_path(result.path)}/")
    reports = Path(args.out) if args.out else config.reports_dir()
    print(f"index: {display_path(reports / INDEX_FILE)} ({time.perf_counter() - started:.1f} s in all)")
    return 0
