"""Generate the reports: run each notebook with papermill and publish it, byte for byte reproducibly.

:func:`generate_reports` (``kuril-research report``) does, for each notebook in
``notebooks/``:

1. find the corpus (:func:`prepare_corpus`): the embedded one is built into
   ``data/processed`` first if it is missing or stale; a corpus the user names
   with ``--corpus`` is read as it is (stale: a clear stop), and rebuilt only
   when its raw folder is named too; the project's ``reports/`` only ever hold
   the embedded corpus's reports (:mod:`kuril_research.corpus.guards`);
2. work out the notebook's *input key*: a hash of everything that can change its
   output (raw corpus, processed tables, notebook, shipped lexicons, parameters,
   package version, library code, versions of the main dependencies,
   ``show_code``). If ``reports/<name>/provenance.json`` records the same key and
   its files are intact, the report is up to date and no kernel is started;
3. otherwise execute the notebook with papermill in a temporary folder beside
   ``reports/<name>`` (so only relative paths are injected), remove everything
   that varies between runs (times, durations, random cell ids), check that no
   absolute path was written, render HTML, write ``provenance.json``, and swap the
   folder in. A failing notebook leaves the previous report untouched.

Finally ``reports/index.html`` links every report, figure and table.

Layout of one report::

    reports/<name>/
        <name>.ipynb        executed notebook (deterministic)
        <name>.html         the same as a web page (code hidden unless show_code)
        figures/<id>.png .svg .pdf .csv
        tables/<id>.parquet .csv .xlsx .tex
        outputs.json        the figures and tables, captions and sha256
        provenance.json     inputs, input key, sha256 of every file above
"""

from __future__ import annotations

import ast
import contextlib
import hashlib
import html
import json
import os
import platform
import re
import shutil
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kuril_research import __version__, config
from kuril_research.atomic import run_lock, staged_dir
from kuril_research.errors import InputError, ParameterError, ReportError
from kuril_research.corpus.guards import (
    check_raw_has_corpus,
    check_reports_target,
    check_usable_corpus,
    same_path,
)
from kuril_research.publish.outputs import OUTPUTS_FILE, read_outputs
from kuril_research.corpus.provenance import library_sha256, pipeline_sha256, raw_corpus_sha256

__all__ = [
    "ReportResult", "NotebookParameter", "list_notebooks", "resolve_names",
    "notebook_parameters", "library_sha256", "prepare_corpus", "generate_reports", "write_index", "cli_report",
    "page_header", "cite_line",
]

#: A report notebook: two digits, an underscore, a lower-case name.
NOTEBOOK_NAME_RE = re.compile(r"(?P<number>\d{2})_(?P<short>[a-z0-9_]+)")
#: Notebooks with this number are tours for JupyterLab (``00_explore.ipynb``), run by hand, never published.
TOUR_NUMBER = "00"
#: Parameters the runner sets itself, with the option that sets them instead.
RUNNER_PARAMETERS = {"corpus_dir": "--corpus DIR", "output_dir": "--out DIR"}
#: Parameters whose string value is a file; resolved from the caller's folder and hashed.
PATH_PARAMETER_RE = re.compile(r".+_path")
#: Parameters whose string value is a folder the notebook reads (besides the runner's corpus_dir and output_dir);
#: resolved and hashed file by file, see :func:`_resolve_notebook_paths`.
DIR_PARAMETER_RE = re.compile(r".+_dir")
#: Environment of the notebook kernel: no dates, fixed hashing, no display.
KERNEL_ENVIRONMENT = {
    "SOURCE_DATE_EPOCH": "0",
    "PYTHONHASHSEED": "0",
    "MPLBACKEND": "Agg",
    "TZ": "UTC",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
}
#: Distributions whose versions are part of the input key and of the provenance.
DEPENDENCIES = ("pandas", "matplotlib", "nltk", "papermill", "nbconvert", "pyarrow", "seaborn")
_PYTHON = ".".join(platform.python_version_tuple()[:2])
PROVENANCE_FILE = "provenance.json"
INDEX_FILE = "index.html"
#: Longest time one cell may run before the report is abandoned.
CELL_TIMEOUT_SECONDS = 1800

#: nbconvert template: JupyterLab's, without scripts from the web (require.js, MathJax, mermaid),
#: so a report opens offline and never typesets ``$`` in article text as mathematics.
_HTML_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""


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


@dataclass(frozen=True)
class NotebookParameter:
    """One entry of a notebook's ``parameters`` cell.

    ``type`` comes from a ``# type: T`` comment (``str``, ``int``, ``float``,
    ``bool``, ``None``, ``list[T]``, alternatives joined by ``|``); without one,
    the type of the default value is used (any type when the default is None).
    """

    name: str
    type: str
    default: str
    help: str


# --------------------------------------------------------------------------- documents


# --------------------------------------------------------------------------- notebooks and parameters


def list_notebooks(notebooks_dir: str | Path | None = None) -> list[Path]:
    """Return the report notebooks (``NN_name.ipynb``, NN from 01) in a folder, in order.

    A notebook numbered ``00`` (:data:`TOUR_NUMBER`) is a tour to run in
    JupyterLab, not a report: it is not listed, so ``kuril-research report``
    never publishes it.

    Parameters
    ----------
    notebooks_dir : str or Path, optional
        Default ``notebooks/``.

    Returns
    -------
    list of Path

    Raises
    ------
    InputError
        If the folder does not exist.

    Examples
    --------
    >>> [p.name for p in list_notebooks()][:1]
    ['01_corpus_overview.ipynb']
    """
    folder = Path(notebooks_dir) if notebooks_dir is not None else config.notebooks_dir()
    if not folder.is_dir():
        raise InputError("notebooks folder not found", path=folder, hint="pass the folder that holds NN_name.ipynb files")
    return sorted(p for p in folder.glob("*.ipynb")
                  if (match := NOTEBOOK_NAME_RE.fullmatch(p.stem)) and match["number"] != TOUR_NUMBER)


def resolve_names(names: Sequence[str] | None, notebooks: Sequence[Path]) -> list[Path]:
    """Map report names to notebooks; ``01_corpus_overview``, ``corpus_overview`` and ``01`` all work.

    Notebooks are returned in their own (numbered) order, each once.

    Parameters
    ----------
    names : sequence of str or None
        None or empty: all notebooks.
    notebooks : sequence of Path
        As :func:`list_notebooks` returns them.

    Returns
    -------
    list of Path

    Raises
    ------
    ParameterError
        For a name that matches no notebook, listing the names there are.

    Examples
    --------
    >>> nbs = [Path("01_corpus_overview.ipynb"), Path("02_term_frequency.ipynb")]
    >>> [p.stem for p in resolve_names(["term_frequency", "01", "02"], nbs)]
    ['01_corpus_overview', '02_term_frequency']
    >>> resolve_names(["trade"], nbs)
    Traceback (most recent call last):
    kuril_research.errors.ParameterError: field NAME: no report notebook called 'trade'. What to do: choose from 01_corpus_overview (corpus_overview), 02_term_frequency (term_frequency)
    """
    if not names:
        return list(notebooks)
    chosen: list[Path] = []
    for raw in names:
        name = Path(str(raw)).name.removesuffix(".ipynb")
        for path in notebooks:
            match = NOTEBOOK_NAME_RE.fullmatch(path.stem)
            if name in (path.stem, match["short"], match["number"]):
                if path not in chosen:
                    chosen.append(path)
                break
        else:
            choices = ", ".join(f"{p.stem} ({NOTEBOOK_NAME_RE.fullmatch(p.stem)['short']})" for p in notebooks)
            raise ParameterError(f"no report notebook called {raw!r}", field="NAME",
                                 hint=f"choose from {choices or 'nothing: the notebooks folder has no NN_name.ipynb'}")
    return [path for path in notebooks if path in chosen]


def notebook_parameters(path: str | Path) -> dict[str, NotebookParameter]:
    """Read the parameters a notebook declares in its cell tagged ``parameters``.

    Uses :func:`papermill.inspect_notebook`. Declare each parameter on one line
    as ``name = literal  # type: T  what it is for``; the help text must not
    contain ``=`` (papermill skips such lines).

    Parameters
    ----------
    path : str or Path
        The notebook.

    Returns
    -------
    dict
        Name → :class:`NotebookParameter`, in the cell's order.

    Examples
    --------
    >>> params = notebook_parameters(config.notebooks_dir() / "01_corpus_overview.ipynb")
    >>> params["corpus_dir"].type
    'str'
    """
    import papermill

    found = papermill.inspect_notebook(str(path))
    return {name: NotebookParameter(name, str(p.get("inferred_type_name") or "None"), str(p.get("default")),
                                    str(p.get("help") or "").strip())
            for name, p in found.items()}


def _split_alternatives(type_name: str) -> list[str]:
    """Split ``"list[str|int]|None"`` into ``["list[str|int]", "None"]``."""
    parts, depth, current = [], 0, ""
    for char in type_name:
        depth += {"[": 1, "]": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [part.strip() for part in [*parts, current] if part.strip()]


def _fits(value: Any, type_name: str) -> bool:
    """Whether ``value`` has the declared type (``int``, ``list[str|int]``, ``str|None`` ...).

    Examples
    --------
    >>> _fits(["outlet", 2019], "list[str|int]"), _fits(None, "str|None"), _fits(True, "int")
    (True, True, False)
    """
    alternatives = _split_alternatives(type_name)
    if len(alternatives) != 1:
        return any(_fits(value, alternative) for alternative in alternatives)
    type_name = alternatives[0]
    simple = {"str": str, "bool": bool}
    if type_name == "None":
        return value is None
    if type_name in simple:
        return isinstance(value, simple[type_name])
    if type_name == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if type_name == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    inner = re.fullmatch(r"list\[(.+)\]", type_name)
    if inner:
        return isinstance(value, list) and all(_fits(v, inner[1]) for v in value)
    return True  # a type we cannot check: let the notebook judge


def _alternatives(param: NotebookParameter) -> list[str]:
    if param.type and param.type != "None":
        return _split_alternatives(param.type)
    try:
        default = ast.literal_eval(param.default)
    except (ValueError, SyntaxError):
        return []
    if default is None:
        return []
    return [{bool: "bool", int: "int", float: "float", str: "str", list: "list[object]"}.get(type(default), "object")]


def _coerce(name: str, value: Any, param: NotebookParameter, notebook: str) -> Any:
    """Check ``value`` against the declared type; parse strings (as from the CLI) for other types."""
    kinds = _alternatives(param)
    if isinstance(value, tuple):
        value = list(value)
    if not kinds or any(_fits(value, k) for k in kinds):
        return value
    if isinstance(value, str):
        text = value.strip()
        candidates = []
        with contextlib.suppress(ValueError, SyntaxError, MemoryError, RecursionError):
            candidates.append(ast.literal_eval(text))
        if text.lower() in ("true", "false"):
            candidates.append(text.lower() == "true")
        if text.lower() in ("none", "null"):
            candidates.append(None)
        if any(k.startswith("list[") for k in kinds):
            candidates.append([text])
        for candidate in candidates:
            candidate = list(candidate) if isinstance(candidate, tuple) else candidate
            if any(_fits(candidate, k) for k in kinds):
                return candidate
    raise ParameterError(f"{value!r} is not a valid value for {name} (type {' | '.join(kinds)}) in {notebook}",
                         field=name, hint=f"give a value of type {' | '.join(kinds)}, e.g. the default {param.default}"
                                          + (f" ({param.help})" if param.help else ""))


def _check_parameters(given: Mapping[str, Any], notebooks: Sequence[Path]) -> dict[Path, dict[str, Any]]:
    """Validate user parameters against every selected notebook; return each notebook's share."""
    for name in given:
        if name in RUNNER_PARAMETERS:
            raise ParameterError(f"{name} is set by the report runner", field=name,
                                 hint=f"use {RUNNER_PARAMETERS[name]} instead of -p {name}")
    declared = {path: notebook_parameters(path) for path in notebooks}
    unknown = [n for n in given if not any(n in params for params in declared.values())]
    if unknown:
        valid = sorted({n for params in declared.values() for n in params} - set(RUNNER_PARAMETERS))
        raise ParameterError(f"unknown parameter(s) {', '.join(unknown)} for {', '.join(p.stem for p in notebooks)}",
                             field=unknown[0], hint=f"use one of: {', '.join(valid)}")
    result: dict[Path, dict[str, Any]] = {}
    for path, params in declared.items():
        share = {}
        for name in sorted(given):
            if name in params:
                share[name] = _coerce(name, given[name], params[name], path.stem)
        result[path] = share
    return result


def _resolve_path_parameters(values: Mapping[str, Any], report_dir: Path) -> tuple[dict[str, Any], dict[str, str]]:
    """Make ``*_path`` values relative to the report folder; return them and the files' sha256."""
    out, hashes = {}, {}
    for name, value in values.items():
        if PATH_PARAMETER_RE.fullmatch(name) and isinstance(value, str):
            path = Path(value).expanduser()
            path = path if path.is_absolute() else Path.cwd() / path
            if not path.is_file():
                raise ParameterError(f"{value!r} is not a file", path=path, field=name,
                                     hint="give a path relative to the folder you run from, or None for the shipped file")
            hashes[name] = _file_sha256(path)
            value = os.path.relpath(os.path.abspath(path), os.path.abspath(report_dir))
        out[name] = value
    return out, hashes


def _declared_defaults(notebook: Path) -> dict[str, Any]:
    """Literal defaults of the notebook's ``parameters`` cell (read without papermill: this runs on every report)."""
    for cell in _source_cells(notebook):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            defaults = {}
            for node in ast.parse(source).body:
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                    with contextlib.suppress(ValueError, SyntaxError):
                        defaults[node.targets[0].id] = ast.literal_eval(node.value)
            return defaults
    return {}


def _folder_sha256(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _resolve_notebook_paths(notebook: Path, given: Mapping[str, Any],
                            report_dir: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Folders and files a notebook reads by default: relative to the report folder, and hashed.

    * ``*_dir`` parameters other than the runner's (``gold_dir``): a value given
      with ``-p`` is relative to the current folder; the notebook's default is
      relative to the notebook's own folder, as when it runs in Jupyter
      (``gold_dir = "../data/gold"`` in ``notebooks/``). Every file under the
      folder is hashed into the input key, so an edited file re-runs the report.
    * ``*_path`` parameters whose default is a string (not None) and that were
      not given: the default, relative to the notebook's folder, must be a
      file; it is hashed like a given one (:func:`_resolve_path_parameters`).

    Notebooks without such parameters are unaffected: nothing enters their input key.
    """
    values, hashes = {}, {}
    for name, default in _declared_defaults(notebook).items():
        folder_kind = bool(DIR_PARAMETER_RE.fullmatch(name)) and name not in RUNNER_PARAMETERS
        file_kind = bool(PATH_PARAMETER_RE.fullmatch(name)) and name not in given
        if not (folder_kind or file_kind):
            continue
        value = given.get(name, default) if folder_kind else default
        if not isinstance(value, str):
            continue
        base = Path.cwd() if name in given else notebook.parent
        target = Path(value).expanduser()
        target = target if target.is_absolute() else base / target
        if folder_kind and not target.is_dir():
            raise ParameterError(f"{value!r} is not a folder", path=target, field=name,
                                 hint=f"give a folder relative to the folder you run from (-p {name} DIR)")
        if file_kind and not target.is_file():
            raise ParameterError(f"the default {value!r} of {notebook.name} is not a file", path=target, field=name,
                                 hint=f"give the file with -p {name} FILE")
        hashes[name] = _folder_sha256(target) if folder_kind else _file_sha256(target)
        values[name] = Path(os.path.relpath(os.path.abspath(target), os.path.abspath(report_dir))).as_posix()
    return values, hashes


# --------------------------------------------------------------------------- hashes and corpus


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _package_data_hashes() -> dict[str, str]:
    folder = Path(__file__).resolve().parents[1] / "data"
    return {p.relative_to(folder).as_posix(): _file_sha256(p)
            for p in sorted(folder.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


def _versions() -> dict[str, str]:
    # Python as major.minor: a patch release does not change results, and the committed
    # reports must compare equal on any 3.11 that installs requirements.lock.
    found = {"python": _PYTHON, "kuril_research": __version__}
    for name in DEPENDENCIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def _default_manifest(raw_dir: Path) -> Path | None:
    for candidate in (raw_dir / "manifest.csv", raw_dir.parent / "manifest.csv"):
        if candidate.is_file():
            return candidate
    return None


def _stale_keys(processed: Path, raw_dir: Path | None, manifest: Path | None) -> list[str]:
    """The ``build.json`` keys that differ from what a build now would record (raw left out when ``raw_dir`` is None)."""
    from kuril_research import schema
    from kuril_research.lexicons import data_path

    record = json.loads((processed / "build.json").read_text(encoding="utf-8"))
    expected = {
        "schema_version": schema.SCHEMA_VERSION,
        "package_version": __version__,
        "gazetteer_sha256": _file_sha256(data_path("gazetteer.yaml")),
        "voice_lexicon_sha256": _file_sha256(data_path("voice.yaml")),
        "furniture_sha256": _file_sha256(data_path("furniture.yaml")),
        "pipeline_sha256": pipeline_sha256(),
    }
    if raw_dir is not None:
        expected["raw_corpus_sha256"] = raw_corpus_sha256(raw_dir, manifest)
    return [key for key, value in expected.items() if record.get(key) != value]


def _stale_reason(processed: Path, raw_dir: Path, manifest: Path | None) -> str | None:
    """Why ``processed`` must be rebuilt from ``raw_dir``, or None if it is current."""
    if not (processed / "build.json").is_file():
        return f"{processed} holds no built corpus"
    changed = _stale_keys(processed, raw_dir, manifest)
    return f"{processed} was built from other inputs ({', '.join(changed)})" if changed else None


def _ensure_corpus(processed: Path, raw_dir: Path, manifest: Path | None, say: Callable[[str], None]) -> None:
    """Build ``processed`` from ``raw_dir`` when it is missing or stale (the corpus and its raw folder go together).

    The build itself refuses to replace a corpus of another raw folder, or a
    folder that is not a corpus (:func:`kuril_research.corpus.guards.check_build_target`).
    """
    if not raw_dir.is_dir():
        if (processed / "build.json").is_file():
            say(f"raw folder {raw_dir} not found: using the corpus in {processed} as it is")
            return
        raise InputError("no raw folder to build the corpus from, and no built corpus", path=raw_dir,
                         hint="pass --raw DIR (and --manifest FILE), or --corpus DIR of a built corpus")
    reason = _stale_reason(processed, raw_dir, manifest)
    if reason:
        from kuril_research.corpus.build import build_corpus

        say(f"building the corpus: {reason}")
        build_corpus(raw_dir, manifest, processed)


def prepare_corpus(corpus_dir: str | Path | None = None, raw_dir: str | Path | None = None,
                   manifest: str | Path | None = None, *, say: Callable[[str], None] = lambda message: None) -> Path:
    """Return the corpus folder reports read, building it only where that replaces nothing of the user's.

    * neither ``corpus_dir`` nor ``raw_dir`` given: the embedded corpus, built
      into ``data/processed`` when missing or stale;
    * ``corpus_dir`` alone: used as it is; missing or stale, it is an error that
      names the command that rebuilds it (never rebuilt from other inputs);
    * both: ``corpus_dir`` is rebuilt from ``raw_dir`` when that changed (a
      corpus of another raw folder is not replaced; see :mod:`kuril_research.corpus.guards`);
    * ``raw_dir`` alone: refused, since it would replace ``data/processed``.

    Raises
    ------
    InputError
        With the folder, why it cannot be used, and what to do.
    """
    root = config.project_root()
    check_raw_has_corpus(corpus_dir, raw_dir)
    processed = Path(corpus_dir) if corpus_dir is not None else config.processed_dir(root)
    if corpus_dir is not None and raw_dir is None:
        stale = _stale_keys(processed, None, None) if (processed / "build.json").is_file() else []
        check_usable_corpus(processed, stale)
        return processed
    raw = Path(raw_dir) if raw_dir is not None else config.raw_dir(root)
    manifest_file = Path(manifest) if manifest is not None else (
        config.manifest_path(root) if raw_dir is None else _default_manifest(raw))
    _ensure_corpus(processed, raw, manifest_file, say)
    return processed


# --------------------------------------------------------------------------- executing and publishing


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


def _display_path(path: Path) -> str:
    """``path`` relative to the current folder when it is inside it, else as given."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else Path(rel).as_posix()


def _source_cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _execute(path: Path, workdir: Path, parameters: dict[str, Any], *, kept: str):
    """Run a notebook in ``workdir``; turn any failure into a ReportError naming the cell.

    ``kept`` says what became of the previous report, for the error message.
    """
    import papermill
    from traitlets.config import Config

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
        cells = _source_cells(path)
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
        raise ReportError(f"{where} raised {exc.ename}: {evalue}", path=_display_path(path),
                          hint=f"{advice}, then run again; {kept}") from None
    except Exception as exc:  # kernel died, timed out, could not start ...
        raise ReportError(f"the notebook could not be run ({type(exc).__name__}: {exc})", path=_display_path(path),
                          hint="check that the python3 Jupyter kernel of this environment works "
                               f"(`jupyter kernelspec list`); {kept}") from None
    finally:
        shutil.rmtree(sockets, ignore_errors=True)


def _normalise(nb, parameters: dict[str, Any]) -> None:
    """Remove from an executed notebook everything that differs between runs or Python patch releases."""
    nb.nbformat, nb.nbformat_minor = 4, 5
    if "version" in nb.metadata.get("language_info", {}):
        nb.metadata["language_info"]["version"] = _PYTHON
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


def _add_cite_lines(nb, lines: Mapping[str, str]) -> None:
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
    page depends on; see :func:`generate_reports`), the raw corpus hash, every
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


def _title(nb, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def _render_html(nb, *, title: str, show_code: bool) -> str:
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", extra_loaders=[DictLoader({"kuril_report.html.j2": _HTML_TEMPLATE})],
                            template_file="kuril_report.html.j2", exclude_input=not show_code,
                            exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body if body.endswith("\n") else body + "\n"


def _forbidden_paths(*folders: Path) -> list[str]:
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


def _check_relative(folder: Path, forbidden: Sequence[str], notebook: Path) -> None:
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
                                  f"{absolute!r} (…{context}…)", path=_display_path(notebook),
                                  hint="show paths relative to corpus_dir or output_dir (warnings print file names: "
                                       "fix their cause); no report was replaced")


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
    return bool(files) and all((report_dir / rel).is_file() and _file_sha256(report_dir / rel) == sha
                               for rel, sha in files.items())


def _generate_one(path: Path, reports: Path, processed: Path, user_parameters: dict[str, Any],
                  shared_inputs: dict[str, Any], *, force: bool, show_code: bool,
                  say: Callable[[str], None]) -> ReportResult:
    started = time.perf_counter()
    name = path.stem
    dest = reports / name
    values, parameter_files = _resolve_path_parameters(user_parameters, dest)
    folders, folder_hashes = _resolve_notebook_paths(path, user_parameters, dest)
    values.update(folders)
    parameter_files.update(folder_hashes)
    # The run folder is a sibling of dest, so paths relative to one are relative to the other.
    parameters = {"corpus_dir": Path(os.path.relpath(os.path.abspath(processed), os.path.abspath(dest))).as_posix(),
                  "output_dir": ".", **values}
    inputs = {**shared_inputs, "notebook": {"file": path.name, "sha256": _file_sha256(path)},
              "parameters": parameters, "parameter_files": parameter_files, "show_code": show_code}
    key = hashlib.sha256(_canonical(inputs).encode()).hexdigest()
    if not force and _is_current(dest, key):
        return ReportResult(name, "skipped", dest, time.perf_counter() - started, key)
    import nbformat

    say(f"{name}: running the notebook")
    with staged_dir(dest) as tmp:
        kept = (f"the previous report {_display_path(dest)}/ was left as it was" if dest.exists()
                else "no report was written")
        nb = _execute(path, tmp, parameters, kept=kept)
        saved = read_outputs(tmp)
        nb.cells.insert(1, nbformat.v4.new_markdown_cell(
            page_header(name, {**_declared_defaults(path), **parameters}, sorted(values), inputs, key, saved)))
        _add_cite_lines(nb, {entry["id"]: cite_line(name, entry, inputs.get("package_version", __version__), key)
                             for entry in saved if entry["kind"] == "figure"})
        _normalise(nb, parameters)
        title = _title(nb, name)
        _write_text(tmp / f"{name}.ipynb", nbformat.writes(nb, version=4) + "\n")
        _write_text(tmp / f"{name}.html", _render_html(nb, title=title, show_code=show_code))
        _check_relative(tmp, _forbidden_paths(tmp, reports, processed, path.parent), path)
        files = {p.relative_to(tmp).as_posix(): _file_sha256(p) for p in sorted(tmp.rglob("*")) if p.is_file()}
        provenance = {"report": name, "title": title, "input_key": key, "inputs": inputs, "files": files,
                      "outputs": OUTPUTS_FILE if OUTPUTS_FILE in files else None}
        _write_text(tmp / PROVENANCE_FILE, json.dumps(provenance, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return ReportResult(name, "generated", dest, time.perf_counter() - started, key)


# --------------------------------------------------------------------------- index


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


# --------------------------------------------------------------------------- entry points


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
        :func:`prepare_corpus`).
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
    per_notebook = _check_parameters(given, notebooks) if given else {path: {} for path in notebooks}
    results: list[ReportResult] = []
    failures: list[ReportError] = []
    with _lock(reports, lock_timeout, say):
        processed = prepare_corpus(corpus_dir, raw_dir, manifest, say=say)
        build = json.loads((processed / "build.json").read_text(encoding="utf-8"))
        shared = {
            "raw_corpus_sha256": build.get("raw_corpus_sha256"),
            "processed": {p.name: _file_sha256(p) for p in sorted(processed.iterdir())
                          if p.is_file() and not p.name.startswith(".")},  # .origin.json names this machine's paths
            "package_data": _package_data_hashes(),
            "package_version": __version__,
            "library_sha256": library_sha256(),
            "versions": _versions(),
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
        print(f"{result.name}: {state} ({result.seconds:.1f} s) -> {_display_path(result.path)}/")
    reports = Path(args.out) if args.out else config.reports_dir()
    print(f"index: {_display_path(reports / INDEX_FILE)} ({time.perf_counter() - started:.1f} s in all)")
    return 0
