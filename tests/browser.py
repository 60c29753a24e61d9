"""Load a page in Debian's headless Chromium and return the DOM after its scripts ran."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--virtual-time-budget=3000"]


def chromium() -> str:
    """Path of the chromium binary; `make test` installs it (Debian package `chromium`)."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        raise RuntimeError("chromium is not installed: run `make test`, which installs Debian's chromium")
    return path


def dump_dom(page: Path) -> str:
    """Return the serialised DOM of ``page`` after load (scripts, onerror handlers and timers have run)."""
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.run([chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom",
                               page.resolve().as_uri()], capture_output=True, text=True, timeout=120)
    if proc.returncode != 0 or "<html" not in proc.stdout:
        raise RuntimeError(f"chromium failed on {page}: {proc.stderr[-2000:]}")
    return proc.stdout
