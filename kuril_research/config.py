"""Default locations, derived from one place.

Functions take paths as arguments; these are only the defaults the CLI and
the notebooks fall back to. The project root is the nearest folder, from the
current directory upwards, that holds this project's ``pyproject.toml`` —
so the CLI and notebooks work from any sub-folder of a clone — and otherwise
the folder above the installed package (an editable install).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["project_root", "raw_dir", "manifest_path", "processed_dir", "reports_dir", "notebooks_dir", "gold_dir"]

_MARKER = 'name = "kuril_research"'


def project_root(start: str | Path | None = None) -> Path:
    """Return the root folder of the kuril_research clone in use.

    Examples
    --------
    >>> (project_root() / "pyproject.toml").exists()
    True
    """
    here = Path(start or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and _MARKER in candidate.read_text(encoding="utf-8", errors="replace"):
            return folder
    return Path(__file__).resolve().parents[1]


def raw_dir(root: Path | None = None) -> Path:
    """Folder of the raw article files (read-only): ``data/raw/articles``."""
    return (root or project_root()) / "data" / "raw" / "articles"


def manifest_path(root: Path | None = None) -> Path:
    """The manifest of the raw corpus: ``data/raw/manifest.csv``."""
    return (root or project_root()) / "data" / "raw" / "manifest.csv"


def processed_dir(root: Path | None = None) -> Path:
    """Folder of the rebuilt Parquet tables: ``data/processed``."""
    return (root or project_root()) / "data" / "processed"


def reports_dir(root: Path | None = None) -> Path:
    """Folder of the generated reports: ``reports``."""
    return (root or project_root()) / "reports"


def notebooks_dir(root: Path | None = None) -> Path:
    """Folder of the source notebooks: ``notebooks``."""
    return (root or project_root()) / "notebooks"


def gold_dir(root: Path | None = None) -> Path:
    """The shipped gold corpus that ``kuril-research evaluate`` scores by default: ``data/gold``."""
    return (root or project_root()) / "data" / "gold"
