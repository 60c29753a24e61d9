"""The package's shape: stages import one way, modules talk through public names, modules stay small.

The layer order is the import-linter contract in ``pyproject.toml``
(``[tool.importlinter]``), described in ``docs/CONTRACTS.md``. These tests run
the real ``lint-imports`` on the real package, and once on a copy with a
deliberate upward import, to show the contract can fail.
"""

from __future__ import annotations

import ast
import os
import pkgutil
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import kuril_research

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(kuril_research.__file__).resolve().parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
#: A module longer than this says why at its top, in a docstring line beginning "Size:".
MAX_LINES = 400


def _contract() -> dict:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    (stages,) = [c for c in config["contracts"] if c["id"] == "stages"]
    return stages


def _lint(project: Path, package_parent: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", str(project / "pyproject.toml")], cwd=project,
                          capture_output=True, text=True, env=env)


def test_the_package_keeps_the_layer_contract():
    proc = _lint(ROOT, ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 kept, 0 broken" in proc.stdout


def test_an_upward_import_breaks_the_contract(tmp_path):
    # A copy of the package in which the lowest stage (ingest) imports the highest (publish).
    copy = tmp_path / "kuril_research"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "data"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (copy / "ingest" / "upward.py").write_text("from kuril_research.publish.outputs import save_table\n",
                                                encoding="utf-8")
    probe = subprocess.run([sys.executable, "-c", "import kuril_research; print(kuril_research.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert Path(probe.stdout.strip()).parent == copy  # the linter reads the copy, not the installed package
    proc = _lint(tmp_path, tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "kuril_research.ingest is not allowed to import kuril_research.publish" in proc.stdout
    assert "kuril_research.ingest.upward -> kuril_research.publish.outputs" in proc.stdout


def test_every_module_of_the_package_has_a_layer():
    # A new top-level module or subpackage must be placed in the contract, or it escapes the check.
    placed = {name.strip() for layer in _contract()["layers"] for name in layer.replace("|", ":").split(":")}
    children = {info.name for info in pkgutil.iter_modules([str(PACKAGE)])}
    assert children - placed == set()
    assert placed - children == set()


def _modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out.append((name, path))
    return out


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def private_imports(module: str, path: Path) -> list[str]:
    """``from other_module import _name`` statements of one module (dunders such as ``__version__`` are public)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            source = _absolute(module, path, node)
            if not source.startswith("kuril_research") or source == module:
                continue
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    found.append(f"{module}:{node.lineno} imports {source}.{alias.name}")
    return found


def test_private_import_finder_sees_a_private_name(tmp_path):
    path = tmp_path / "b.py"
    path.write_text("from kuril_research.a import public, _hidden\nfrom kuril_research import __version__\n"
                    "from .b import _mine\n", encoding="utf-8")
    assert private_imports("kuril_research.b", path) == ["kuril_research.b:1 imports kuril_research.a._hidden"]


def test_no_module_imports_another_modules_private_name():
    found = [line for module, path in _modules() for line in private_imports(module, path)]
    assert found == []


def test_long_modules_say_why_at_their_top():
    long = []
    for module, path in _modules():
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n") + 1
        docstring = ast.get_docstring(ast.parse(text)) or ""
        if lines > MAX_LINES and not any(line.startswith("Size:") for line in docstring.splitlines()):
            long.append(f"{module} ({lines} lines)")
    assert long == []
