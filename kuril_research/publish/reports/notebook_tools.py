"""Importing the notebook tools (papermill, nbformat, nbconvert) without a slow optional import of jsonschema's.

nbformat validates notebooks with jsonschema, whose module of format checks
imports ``rfc3987_syntax`` when it is installed (it is, through Jupyter's
``jsonschema[format-nongpl]``) to check the ``iri`` formats; that import
compiles 38 Lark grammars, 3–6 s of every ``kuril-research report`` run on a
shared 2-core machine, for checks that nothing here uses: the notebook
schemas declare no ``format`` at all. :func:`papermill` and :func:`nbformat`
import the tools with that one import refused, so jsonschema leaves out its
``iri`` checks, as it does where ``rfc3987_syntax`` is not installed;
everything else, and every notebook validation, is unchanged.
"""

from __future__ import annotations

import sys
from types import ModuleType

__all__ = ["OPTIONAL_SLOW", "papermill", "nbformat"]

#: The optional import refused while jsonschema is first imported.
OPTIONAL_SLOW = "rfc3987_syntax"


def _first_import(name: str) -> ModuleType:
    """Import module ``name``; if that imports jsonschema for the first time, do so without :data:`OPTIONAL_SLOW`.

    Examples
    --------
    >>> _first_import("json").__name__
    'json'
    """
    import importlib

    if "jsonschema" in sys.modules or OPTIONAL_SLOW in sys.modules:
        return importlib.import_module(name)
    sys.modules[OPTIONAL_SLOW] = None           # `import rfc3987_syntax` raises ImportError meanwhile
    try:
        return importlib.import_module(name)
    finally:
        if sys.modules.get(OPTIONAL_SLOW, 0) is None:
            del sys.modules[OPTIONAL_SLOW]      # a later import of it elsewhere works as usual


def papermill() -> ModuleType:
    """The ``papermill`` module, imported as :func:`_first_import` says."""
    return _first_import("papermill")


def nbformat() -> ModuleType:
    """The ``nbformat`` module, imported as :func:`_first_import` says."""
    return _first_import("nbformat")
