"""The parameters of a report notebook: which notebooks there are, what they declare, and checking what a user gives.

A notebook declares its parameters in one cell tagged ``parameters``
(``name = literal  # type: T  what it is for``). The runner reads them with
papermill, checks and converts the values given with ``-p KEY VALUE`` against
the declared types, and resolves the files and folders a notebook reads
relative to the report folder, hashing them into the report's input key.
"""

from __future__ import annotations

import ast
import contextlib
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kuril_research import config
from kuril_research.errors import InputError, ParameterError
from kuril_research.publish.reports import notebook_tools
from kuril_research.publish.reports.inputs import file_sha256, folder_sha256

__all__ = [
    "NOTEBOOK_NAME_RE", "TOUR_NUMBER", "RUNNER_PARAMETERS", "PATH_PARAMETER_RE", "DIR_PARAMETER_RE",
    "NotebookParameter", "list_notebooks", "resolve_names", "notebook_parameters", "source_cells", "fits_type",
    "coerce_value", "check_parameters", "resolve_path_parameters", "declared_defaults", "resolve_notebook_paths",
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
#: resolved and hashed file by file, see :func:`resolve_notebook_paths`.
DIR_PARAMETER_RE = re.compile(r".+_dir")


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




def source_cells(path: Path) -> list[dict]:
    """The cells of a notebook file as plain dictionaries (read without nbformat: fast, and enough to find tags)."""
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


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
    papermill = notebook_tools.papermill()
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


def fits_type(value: Any, type_name: str) -> bool:
    """Whether ``value`` has the declared type (``int``, ``list[str|int]``, ``str|None`` ...).

    Examples
    --------
    >>> fits_type(["outlet", 2019], "list[str|int]"), fits_type(None, "str|None"), fits_type(True, "int")
    (True, True, False)
    """
    alternatives = _split_alternatives(type_name)
    if len(alternatives) != 1:
        return any(fits_type(value, alternative) for alternative in alternatives)
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
        return isinstance(value, list) and all(fits_type(v, inner[1]) for v in value)
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


def coerce_value(name: str, value: Any, param: NotebookParameter, notebook: str) -> Any:
    """Check ``value`` against the declared type; parse strings (as from the CLI) for other types."""
    kinds = _alternatives(param)
    if isinstance(value, tuple):
        value = list(value)
    if not kinds or any(fits_type(value, k) for k in kinds):
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
            if any(fits_type(candidate, k) for k in kinds):
                return candidate
    raise ParameterError(f"{value!r} is not a valid value for {name} (type {' | '.join(kinds)}) in {notebook}",
                         field=name, hint=f"give a value of type {' | '.join(kinds)}, e.g. the default {param.default}"
                                          + (f" ({param.help})" if param.help else ""))


def check_parameters(given: Mapping[str, Any], notebooks: Sequence[Path]) -> dict[Path, dict[str, Any]]:
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
                share[name] = coerce_value(name, given[name], params[name], path.stem)
        result[path] = share
    return result


def resolve_path_parameters(values: Mapping[str, Any], report_dir: Path) -> tuple[dict[str, Any], dict[str, str]]:
    """Make ``*_path`` values relative to the report folder; return them and the files' sha256."""
    out, hashes = {}, {}
    for name, value in values.items():
        if PATH_PARAMETER_RE.fullmatch(name) and isinstance(value, str):
            path = Path(value).expanduser()
            path = path if path.is_absolute() else Path.cwd() / path
            if not path.is_file():
                raise ParameterError(f"{value!r} is not a file", path=path, field=name,
                                     hint="give a path relative to the folder you run from, or None for the shipped file")
            hashes[name] = file_sha256(path)
            value = os.path.relpath(os.path.abspath(path), os.path.abspath(report_dir))
        out[name] = value
    return out, hashes


def declared_defaults(notebook: Path) -> dict[str, Any]:
    """Literal defaults of the notebook's ``parameters`` cell (read without papermill: this runs on every report)."""
    for cell in source_cells(notebook):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            defaults = {}
            for node in ast.parse(source).body:
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                    with contextlib.suppress(ValueError, SyntaxError):
                        defaults[node.targets[0].id] = ast.literal_eval(node.value)
            return defaults
    return {}


def resolve_notebook_paths(notebook: Path, given: Mapping[str, Any],
                            report_dir: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Folders and files a notebook reads by default: relative to the report folder, and hashed.

    * ``*_dir`` parameters other than the runner's (``gold_dir``): a value given
      with ``-p`` is relative to the current folder; the notebook's default is
      relative to the notebook's own folder, as when it runs in Jupyter
      (``gold_dir = "../data/gold"`` in ``notebooks/``). Every file under the
      folder is hashed into the input key, so an edited file re-runs the report.
    * ``*_path`` parameters whose default is a string (not None) and that were
      not given: the default, relative to the notebook's folder, must be a
      file; it is hashed like a given one (:func:`resolve_path_parameters`).

    Notebooks without such parameters are unaffected: nothing enters their input key.
    """
    values, hashes = {}, {}
    for name, default in declared_defaults(notebook).items():
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
        hashes[name] = folder_sha256(target) if folder_kind else file_sha256(target)
        values[name] = Path(os.path.relpath(os.path.abspath(target), os.path.abspath(report_dir))).as_posix()
    return values, hashes


