"""What a command may write where: a user's corpus or reports are never replaced by other inputs.

Three rules, checked before anything is written:

* **A corpus folder remembers its articles.** Every build writes ``.origin.json``
  (the resolved raw folder and manifest it was built from) beside its tables. A
  build into a folder that holds a corpus of *another* raw folder is refused
  unless the caller says ``replace=True`` (``kuril-research build --replace``);
  a rebuild of the same raw folder (new or changed articles) goes ahead. A
  folder that exists but is not a corpus (it holds other files) is never
  written into.
* **A named corpus is read, never rebuilt from other inputs** (:func:`check_usable_corpus`):
  ``kuril-research report --corpus DIR`` uses DIR as it is; if it is missing or
  stale it stops and prints the command that rebuilds it.
* **The committed ``reports/`` describe the embedded corpus only**
  (:func:`check_reports_target`): reports of any other corpus or raw folder go
  to a folder the user names with ``--out``.

``.origin.json`` holds absolute paths, so it is machine-specific: it is a dot
file, left out of every hash of the processed tables (reports stay
byte-identical wherever the clone lives).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kuril_research import schema
from kuril_research.atomic import staged_dir
from kuril_research.errors import InputError

__all__ = ["ORIGIN_FILE", "origin_record", "write_origin", "read_origin", "check_build_target", "staged_corpus_dir", "check_usable_corpus",
           "check_raw_has_corpus", "check_reports_target", "same_path"]

#: File in a corpus folder naming the raw folder and manifest it was built from.
ORIGIN_FILE = ".origin.json"

#: The file that makes a folder a built corpus (written last by every build).
BUILD_RECORD = "build.json"


def same_path(a: str | Path | None, b: str | Path | None) -> bool:
    """Return whether two paths name the same place (after resolving links and ``..``).

    Examples
    --------
    >>> same_path("data/../data/raw", "data/raw"), same_path("a", None), same_path(None, None)
    (True, False, True)
    """
    if a is None or b is None:
        return a is None and b is None
    return Path(a).resolve() == Path(b).resolve()


def origin_record(raw_dir: str | Path, manifest: str | Path | None) -> dict:
    """Return the ``.origin.json`` content for a build of ``raw_dir`` with ``manifest``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> raw = pathlib.Path(tempfile.mkdtemp())
    >>> origin_record(raw, None) == {"raw_dir": str(raw.resolve()), "manifest": None}
    True
    """
    return {"raw_dir": str(Path(raw_dir).resolve()),
            "manifest": None if manifest is None else str(Path(manifest).resolve())}


def write_origin(corpus_dir: str | Path, raw_dir: str | Path, manifest: str | Path | None) -> None:
    """Write ``.origin.json`` into a (staged) corpus folder."""
    text = json.dumps(origin_record(raw_dir, manifest), indent=2, sort_keys=True) + "\n"
    (Path(corpus_dir) / ORIGIN_FILE).write_text(text, encoding="utf-8")


def read_origin(corpus_dir: str | Path) -> dict | None:
    """Return the recorded origin of a corpus folder, or None (no corpus, or built before origins were kept)."""
    path = Path(corpus_dir) / ORIGIN_FILE
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) and "raw_dir" in record else None


def _foreign_files(folder: Path) -> list[str]:
    """Names in ``folder`` that no corpus build writes (tables as ``.parquet`` files or part folders, dot files, build.json)."""
    return sorted(p.name for p in folder.iterdir()
                  if not p.name.startswith(".") and p.name != BUILD_RECORD
                  and not (p.is_file() and p.suffix == ".parquet") and not (p.is_dir() and p.name in schema.TABLES))


def check_build_target(out_dir: str | Path, raw_dir: str | Path, *, replace: bool = False) -> None:
    """Refuse to build into ``out_dir`` when that would destroy something the user made.

    Parameters
    ----------
    out_dir : str or Path
        Where the build will swap its tables in (the whole folder is replaced).
    raw_dir : str or Path
        The raw folder being built.
    replace : bool
        Allow replacing a corpus built from another raw folder.

    Raises
    ------
    InputError
        ``out_dir`` exists and is not a corpus folder (it holds other files), or
        it holds a corpus of another raw folder and ``replace`` is False.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> base = pathlib.Path(tempfile.mkdtemp())
    >>> check_build_target(base / "new", base / "raw")          # a new folder: fine
    >>> _ = (base / "notes").mkdir(), (base / "notes" / "thesis.docx").write_text("mine")
    >>> check_build_target(base / "notes", base / "raw")
    Traceback (most recent call last):
    ...
    kuril_research.errors.InputError: ...is not a kuril_research corpus folder (it holds thesis.docx)...
    """
    out_dir = Path(out_dir)
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise InputError("the output folder is a file", path=out_dir, hint="pass a new folder with --out")
    foreign = _foreign_files(out_dir)
    if foreign:
        shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
        raise InputError(f"the output folder is not a kuril_research corpus folder (it holds {shown}); "
                         "a build replaces the whole folder", path=out_dir,
                         hint="pass a new or empty folder with --out")
    origin = read_origin(out_dir)
    if origin is None or replace or same_path(origin["raw_dir"], raw_dir):
        return
    raise InputError(f"the folder holds a corpus built from other articles ({origin['raw_dir']}); building "
                     f"{Path(raw_dir)} into it would replace that corpus", path=out_dir,
                     hint="build into a new folder with --out, or pass --replace to replace it on purpose")


@contextmanager
def staged_corpus_dir(out_dir: str | Path, raw_dir: str | Path, manifest: str | Path | None, *,
                      replace: bool = False) -> Iterator[Path]:
    """Check ``out_dir`` may be replaced, then stage a build there like :func:`~kuril_research.atomic.staged_dir`.

    The staged folder gets ``.origin.json`` before it is swapped in. Use inside
    :func:`~kuril_research.atomic.run_lock`, so that the check and the swap see
    the same folder.
    """
    check_build_target(out_dir, raw_dir, replace=replace)
    with staged_dir(out_dir) as tmp:
        yield tmp
        write_origin(tmp, raw_dir, manifest)


def check_usable_corpus(corpus_dir: str | Path, stale: list[str]) -> None:
    """Stop when a corpus named by the user cannot be used as it is; never rebuild it.

    Parameters
    ----------
    corpus_dir : str or Path
        The corpus folder the user named (``--corpus``).
    stale : list of str
        What changed since it was built (``build.json`` keys), ``[]`` when current.

    Raises
    ------
    InputError
        Naming the folder, why it cannot be used, and the command that rebuilds it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> check_usable_corpus(pathlib.Path(tempfile.mkdtemp()) / "mine", [])
    Traceback (most recent call last):
    ...
    kuril_research.errors.InputError: ...holds no built corpus...kuril-research build RAW_DIR --out ...
    """
    corpus_dir = Path(corpus_dir)
    origin = read_origin(corpus_dir)
    if origin is not None:
        manifest = f" --manifest {origin['manifest']}" if origin.get("manifest") else ""
        command = f"kuril-research build {origin['raw_dir']}{manifest} --out {corpus_dir}"
    else:
        command = f"kuril-research build RAW_DIR --out {corpus_dir}"
    hint = (f"rebuild it with `{command}`, or give its articles too: "
            f"`kuril-research report --corpus {corpus_dir} --raw RAW_DIR ...`")
    if not (corpus_dir / BUILD_RECORD).is_file():
        raise InputError("the corpus folder holds no built corpus", path=corpus_dir, hint=hint)
    if stale:
        raise InputError(f"the corpus is out of date ({', '.join(stale)} changed since it was built); "
                         "a corpus you name is never rebuilt behind your back", path=corpus_dir, hint=hint)


def check_raw_has_corpus(corpus_dir: str | Path | None, raw_dir: str | Path | None) -> None:
    """Refuse a raw folder given without the corpus folder to build it into (``data/processed`` is the embedded corpus's).

    Examples
    --------
    >>> check_raw_has_corpus("MY_CORPUS", "MY_RAW"); check_raw_has_corpus(None, None)
    >>> check_raw_has_corpus(None, "MY_RAW")
    Traceback (most recent call last):
    ...
    kuril_research.errors.InputError: MY_RAW: --raw names articles to build, but not the corpus folder...
    """
    if raw_dir is not None and corpus_dir is None:
        raise InputError("--raw names articles to build, but not the corpus folder to build them into "
                         "(data/processed is the embedded corpus's)", path=raw_dir,
                         hint="add --corpus MY_CORPUS (a new folder) and --out MY_REPORTS")


def check_reports_target(out_dir: str | Path, default_reports: str | Path, *, default_inputs: bool) -> None:
    """Refuse to write reports of another corpus into the project's committed ``reports/``.

    Examples
    --------
    >>> check_reports_target("elsewhere", "reports", default_inputs=False)
    >>> check_reports_target("reports", "reports", default_inputs=False)
    Traceback (most recent call last):
    ...
    kuril_research.errors.InputError: ...reports/ holds the reports of the embedded corpus...
    """
    if not default_inputs and same_path(out_dir, default_reports):
        raise InputError("reports/ holds the reports of the embedded corpus; reports of another corpus "
                         "or raw folder would replace them", path=out_dir,
                         hint="name a folder of your own with --out MY_REPORTS")
