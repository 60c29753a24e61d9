"""Write outputs so that a failed or interrupted run leaves the previous ones intact.

Outputs are written into a fresh temporary folder beside their destination,
then swapped in with two renames. A reader sees either the old folder or the
new one, never a mixture; a crash at any point leaves the old folder in place
(or, between the two renames, beside it as ``.<name>.old``, which the next run
restores). A lock file serialises concurrent runs on the same destination.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from kuril_research.errors import InputError

__all__ = ["staged_dir", "run_lock"]


def _recover(dest: Path) -> None:
    old = dest.with_name(f".{dest.name}.old")
    if old.exists() and not dest.exists():
        os.replace(old, dest)
    elif old.exists():
        shutil.rmtree(old, ignore_errors=True)
    for stale in dest.parent.glob(f".{dest.name}.tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)


#: How long a run waits for another run on the same output before giving up (seconds).
LOCK_TIMEOUT = 600.0


@contextmanager
def run_lock(dest: str | Path, *, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock on ``dest`` for the duration of a run.

    A second run on the same destination waits (saying so on stderr) until the
    first has finished, so concurrent runs are serialised, never interleaved.
    The lock is an OS file lock: a killed run releases it.

    Raises
    ------
    InputError
        If another run still holds the lock after ``timeout`` seconds.
    """
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(dest.parent / f".{dest.name}.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        print(f"waiting for another kuril-research run writing {dest} ...", file=sys.stderr, flush=True)
        try:
            lock.acquire(timeout=timeout)
        except Timeout:
            raise InputError(f"another kuril-research run has been writing here for over {timeout:.0f} s", path=dest,
                             hint="wait for it to finish (or end it), then run again") from None
    try:
        yield
    finally:
        lock.release()


@contextmanager
def staged_dir(dest: str | Path) -> Iterator[Path]:
    """Yield a temporary folder; on success replace ``dest`` by it, on error discard it.

    Use inside :func:`run_lock`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> dest = pathlib.Path(tempfile.mkdtemp()) / "out"
    >>> with staged_dir(dest) as tmp:
    ...     _ = (tmp / "a.txt").write_text("new")
    >>> (dest / "a.txt").read_text()
    'new'
    >>> try:
    ...     with staged_dir(dest) as tmp:
    ...         _ = (tmp / "a.txt").write_text("half-written")
    ...         raise RuntimeError("boom")
    ... except RuntimeError:
    ...     pass
    >>> (dest / "a.txt").read_text()
    'new'
    """
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    _recover(dest)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.tmp-", dir=dest.parent))
    os.chmod(tmp, 0o755)
    try:
        yield tmp
        for path in sorted(tmp.rglob("*"), reverse=True):
            if path.is_file():
                with open(path, "rb") as handle:
                    os.fsync(handle.fileno())
        old = dest.with_name(f".{dest.name}.old")
        if dest.exists():
            os.replace(dest, old)
        os.replace(tmp, dest)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
