"""Find and read the files of a raw folder, never leaving it: names in, bytes (or a reject) out."""

from __future__ import annotations

import hashlib
import os
import stat
from functools import lru_cache
from pathlib import Path

from kuril_research.errors import InputError
from kuril_research.ingest.sources.decoding import text_document
from kuril_research.ingest.sources.records import RawDocument, Reject

__all__ = ["safe_relative_path", "read_raw_bytes", "read_file", "read_raw_folder", "list_article_files"]


@lru_cache(maxsize=16)
def _resolved(raw_dir: Path) -> Path:
    return raw_dir.resolve()


def safe_relative_path(raw_dir: Path, name: str) -> Path | None:
    """Return raw_dir/name resolved, or None if it escapes raw_dir (absolute, ``..`` or a symbolic link out).

    The raw folder is resolved once; each file then costs one ``lstat`` per
    component of its relative name, and only a symbolic link is resolved in full.

    Examples
    --------
    >>> import tempfile
    >>> raw = Path(tempfile.mkdtemp())
    >>> safe_relative_path(raw, "a/b.txt") == raw.resolve() / "a" / "b.txt", safe_relative_path(raw, "../b.txt")
    (True, None)
    """
    candidate = Path(name)
    if candidate.is_absolute() or ".." in candidate.parts:
        return None
    root = _resolved(raw_dir)
    path = root
    for part in candidate.parts:
        path = path / part
        try:
            is_link = stat.S_ISLNK(os.lstat(path).st_mode)
        except OSError:  # missing: nothing below it can lead elsewhere
            return root / candidate
        if is_link:
            resolved = (root / candidate).resolve()
            return resolved if resolved == root or root in resolved.parents else None
    return path


def read_raw_bytes(raw_dir: Path, name: str) -> tuple[Path, bytes, str] | Reject:
    """Read one file of the raw folder: its path, bytes and SHA-256, or why it cannot be read.

    A path leading outside the raw folder (absolute, ``..`` or a symbolic
    link) is a reject ``outside_raw_folder``; a manifest row without its file
    is ``missing``.
    """
    path = safe_relative_path(raw_dir, name)
    if path is None:
        return Reject(name, "outside_raw_folder", "the path leads outside the raw folder (absolute, '..' or a symbolic link); copy the file into the raw folder")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Reject(name, "missing", "listed in the manifest but not in the raw folder; add the file or remove its manifest row")
    except (IsADirectoryError, PermissionError, OSError) as exc:
        return Reject(name, "unreadable", f"cannot be read ({exc.strerror}); check its permissions")
    return path, data, hashlib.sha256(data).hexdigest()


def read_file(raw_dir: Path, name: str) -> RawDocument | Reject:
    """Read one article file of the raw folder (see module docstring for the decoding order)."""
    read = read_raw_bytes(raw_dir, name)
    if isinstance(read, Reject):
        return read
    path, data, digest = read
    return text_document(name, data, digest, html=path.suffix.lower() in {".html", ".htm"})


def read_raw_folder(raw_dir: str | Path, names: list[str] | None = None) -> list[RawDocument | Reject]:
    """Read every article file in a folder (or the given names), sorted by name.

    Hidden files and ``manifest.csv`` are not articles. Files in sub-folders are
    included with their relative path.

    Parameters
    ----------
    raw_dir : str or Path
    names : list of str, optional
        Relative names to read (e.g. the union of folder and manifest);
        default: every file in the folder.

    Returns
    -------
    list of RawDocument or Reject, one per file, in name order.

    Raises
    ------
    InputError
        If ``raw_dir`` is not a folder.
    """
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise InputError("raw folder not found", path=raw_dir, hint="pass the folder that holds the article files")
    if names is None:
        names = list_article_files(raw_dir)
    return [read_file(raw_dir, name) for name in sorted(names)]


def list_article_files(raw_dir: str | Path) -> list[str]:
    """List article files under ``raw_dir`` as sorted relative POSIX paths.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> for n in ["b.txt", "a.txt", ".hidden", "manifest.csv"]: _ = (d / n).write_text("x")
    >>> list_article_files(d)
    ['a.txt', 'b.txt']
    """
    raw_dir = Path(raw_dir)
    names = []
    for path in raw_dir.rglob("*"):
        rel = path.relative_to(raw_dir)
        if any(part.startswith(".") for part in rel.parts) or path.is_dir() and not path.is_symlink():
            continue
        if rel.as_posix() == "manifest.csv":
            continue
        names.append(rel.as_posix())
    return sorted(names)
