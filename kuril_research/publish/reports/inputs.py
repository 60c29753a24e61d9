"""What a report depends on: file hashes, dependency versions, and the corpus it reads, built when stale.

These are the parts of a report's *input key* (see
:func:`kuril_research.publish.reports.generate_reports`) that do not come from
the notebook's parameters, and :func:`prepare_corpus`, which finds (and, where
that replaces nothing of the user's, builds) the corpus the reports read.
"""

from __future__ import annotations

import hashlib
import json
import platform
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from kuril_research import __version__, config
from kuril_research.corpus.guards import check_raw_has_corpus, check_usable_corpus
from kuril_research.corpus.provenance import pipeline_sha256, raw_corpus_sha256
from kuril_research.errors import InputError

__all__ = ["DEPENDENCIES", "PYTHON_VERSION", "file_sha256", "folder_sha256", "package_data_hashes",
           "dependency_versions", "stale_reason", "ensure_corpus", "prepare_corpus"]

#: Distributions whose versions are part of the input key and of the provenance.
DEPENDENCIES = ("pandas", "matplotlib", "nltk", "papermill", "nbconvert", "pyarrow", "seaborn")
#: Python as major.minor: a patch release does not change results, and the committed
#: reports must compare equal on any 3.11 that installs requirements.lock.
PYTHON_VERSION = ".".join(platform.python_version_tuple()[:2])


def folder_sha256(folder: Path) -> str:
    """SHA-256 over every file under ``folder``: relative POSIX path and bytes, in path order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, as hex."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def package_data_hashes() -> dict[str, str]:
    """SHA-256 of every data file shipped with the package (lexicons, codebooks, fonts), by relative path."""
    folder = Path(__file__).resolve().parents[2] / "data"   # kuril_research/data
    return {p.relative_to(folder).as_posix(): file_sha256(p)
            for p in sorted(folder.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


def dependency_versions() -> dict[str, str]:
    """Versions of Python (major.minor), of this package and of :data:`DEPENDENCIES`."""
    found = {"python": PYTHON_VERSION, "kuril_research": __version__}
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
        "gazetteer_sha256": file_sha256(data_path("gazetteer.yaml")),
        "voice_lexicon_sha256": file_sha256(data_path("voice.yaml")),
        "furniture_sha256": file_sha256(data_path("furniture.yaml")),
        "pipeline_sha256": pipeline_sha256(),
    }
    if raw_dir is not None:
        expected["raw_corpus_sha256"] = raw_corpus_sha256(raw_dir, manifest)
    return [key for key, value in expected.items() if record.get(key) != value]


def stale_reason(processed: Path, raw_dir: Path, manifest: Path | None) -> str | None:
    """Why ``processed`` must be rebuilt from ``raw_dir``, or None if it is current."""
    if not (processed / "build.json").is_file():
        return f"{processed} holds no built corpus"
    changed = _stale_keys(processed, raw_dir, manifest)
    return f"{processed} was built from other inputs ({', '.join(changed)})" if changed else None


def ensure_corpus(processed: Path, raw_dir: Path, manifest: Path | None, say: Callable[[str], None]) -> None:
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
    reason = stale_reason(processed, raw_dir, manifest)
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
    ensure_corpus(processed, raw, manifest_file, say)
    return processed


