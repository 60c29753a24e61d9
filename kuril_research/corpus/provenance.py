"""Content hashes that say exactly what produced a table, a report or a figure.

Content hashes rather than git commits: a commit that changes nothing an
output depends on leaves the hash (and so the output) unchanged, and an
uncommitted edit is seen. This module is light (no pandas or NLTK import),
so an up-to-date check costs milliseconds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

__all__ = ["PIPELINE_MODULES", "library_sha256", "modules_sha256", "pipeline_sha256", "raw_corpus_sha256", "corpus_files_sha256",
           "files_sha256", "content_key"]

_PACKAGE = Path(__file__).resolve().parents[1]

#: The code whose changes change what ``build_corpus`` writes: the whole ingest stage and the matching engine it may use, the build's own
#: modules and the foundation it uses; glob patterns relative to the package, so a module added to
#: ``ingest/`` (or a stage split into more files) is hashed without being listed here.
PIPELINE_MODULES = ("atomic.py", "lexicons.py", "schema.py", "corpus/build.py", "corpus/data.py", "corpus/ledger.py",
                    "corpus/process.py", "corpus/writer.py", "ingest/**/*.py", "matching/**/*.py",
                    "data/nexis_markers.yaml")


def _hash_files(paths: list[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.relative_to(root).as_posix()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def library_sha256(package_dir: str | Path | None = None) -> str:
    """Hash the library's code: sha256 over the sorted ``kuril_research/**/*.py`` files.

    Each file contributes its path relative to the package and its bytes, so a
    renamed file changes the hash too.

    Examples
    --------
    >>> len(library_sha256())
    64
    """
    folder = Path(package_dir) if package_dir is not None else _PACKAGE
    return _hash_files([p for p in folder.rglob("*.py") if "__pycache__" not in p.parts], folder)


def pipeline_sha256() -> str:
    """Hash the code of the corpus build (:data:`PIPELINE_MODULES`), recorded in ``build.json``.

    Examples
    --------
    >>> pipeline_sha256() != library_sha256()
    True
    """
    return modules_sha256(PIPELINE_MODULES)


def modules_sha256(patterns: Iterable[str]) -> str:
    """Hash the package files matching some glob patterns (relative to the package): each path and its bytes.

    The build's pipeline hash, and the keys of the stored token stream and cue
    codings, are this hash of the modules that decide what they hold.

    Examples
    --------
    >>> modules_sha256(["schema.py"]) == modules_sha256(["schema.py", "schema.py"]) != modules_sha256(["memo.py"])
    True
    """
    paths = {path for pattern in patterns for path in _PACKAGE.glob(pattern) if "__pycache__" not in path.parts}
    return _hash_files(sorted(paths), _PACKAGE)


def files_sha256(contents: Iterable[tuple[str, str]], manifest: Path | None) -> str:
    """Combine ``(file name, content key)`` pairs, in the order given, and the manifest's bytes.

    The content key of a file is the SHA-256 of its bytes, or a marker when it
    could not be read (:func:`content_key`). The build collects the keys from
    the files it reads, so the raw corpus is read once, not once more to hash it.

    Examples
    --------
    >>> files_sha256([("a.txt", "<missing>")], None) == files_sha256([("a.txt", "<missing>")], None)
    True
    >>> files_sha256([("a.txt", "<missing>")], None) == files_sha256([("b.txt", "<missing>")], None)
    False
    """
    digest = hashlib.sha256()
    for name, content in contents:
        digest.update(name.encode() + b"\0" + content.encode() + b"\0")
    if manifest is not None and manifest.is_file():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()


def content_key(raw_dir: Path, name: str) -> str:
    """The content key of one raw file, as :func:`kuril_research.ingest.sources.read_file` sees it.

    SHA-256 of the bytes; ``<outside_raw_folder>``, ``<missing>`` or
    ``<unreadable>`` when ``read_file`` would reject the file without reading it.
    """
    from kuril_research.ingest.sources import safe_relative_path

    path = safe_relative_path(raw_dir, name)
    if path is None:
        return "<outside_raw_folder>"
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return "<missing>"
    except OSError:
        return "<unreadable>"


def corpus_files_sha256(raw_dir: Path, names: list[str], manifest: Path | None) -> str:
    """Hash the named raw files and the manifest, reading every file (see :func:`files_sha256`)."""
    return files_sha256(((name, content_key(raw_dir, name)) for name in names), manifest)


def raw_corpus_sha256(raw_dir: str | Path, manifest: str | Path | None = None) -> str:
    """Hash a raw corpus exactly as :func:`kuril_research.build_corpus` records it.

    Parameters
    ----------
    raw_dir : str or Path
        Folder of article files.
    manifest : str or Path, optional
        Its manifest; the files it lists are included even when missing.

    Returns
    -------
    str
        Hex digest over every file name and the SHA-256 of its bytes (or a
        marker for a file that cannot be read), then the manifest's bytes.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Habomai")
    >>> raw_corpus_sha256(d) == raw_corpus_sha256(d)
    True
    """
    from kuril_research.ingest.sources import list_article_files, read_manifest

    raw_dir = Path(raw_dir)
    manifest = Path(manifest) if manifest is not None else None
    names = set(list_article_files(raw_dir))
    if manifest is not None:
        names |= set(read_manifest(manifest)["file"])
    return corpus_files_sha256(raw_dir, sorted(names), manifest)
