"""Importing the notebook tools without jsonschema's slow optional IRI checks (publish/reports/notebook_tools.py)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from kuril_research.publish.reports import notebook_tools
nbformat = notebook_tools.nbformat()
skipped = "rfc3987_syntax" not in sys.modules
nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
nbformat.validate(nb)                                    # a notebook is validated as before
broken = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
broken.cells[0]["execution_count"] = "one"                # the schema wants an integer or null
try:
    nbformat.validate(broken)
    refused = False
except nbformat.ValidationError:
    refused = True
import rfc3987_syntax                                    # a later import of it elsewhere works
print(skipped, refused, "rfc3987_syntax" in sys.modules)
"""


def test_the_slow_optional_import_is_skipped_and_notebooks_are_still_validated():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "True", "True"]


def test_a_process_that_imported_jsonschema_first_is_left_as_it_is():
    script = ("import sys, jsonschema\nfrom kuril_research.publish.reports import notebook_tools\n"
              "notebook_tools.papermill()\nprint(sys.modules.get('rfc3987_syntax', 0) is not None)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True"]
