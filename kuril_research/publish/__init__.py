"""Stage 5 — publishing: tables and figures written to disk, report notebooks run and checked, the CLI.

A report notebook starts with ``report = kr.publish.setup_report(...)``
(:mod:`kuril_research.publish.notebook_setup`). Importing this package does no
work: the name loads its module on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__all__ = ["Report", "setup_report"]

if TYPE_CHECKING:  # pragma: no cover
    from kuril_research.publish.notebook_setup import Report, setup_report


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module(".notebook_setup", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
