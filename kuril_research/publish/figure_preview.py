"""The preview of a report figure shown in the notebook and its HTML page (the files are written elsewhere).

:func:`kuril_research.publish.outputs.save_figure` writes each figure's files
(PNG at :data:`FIGURE_DPI`, SVG, PDF), each drawn by its own renderer, then
shows a PNG at :data:`PREVIEW_DPI` in the notebook (:func:`preview_png`).
"""

from __future__ import annotations

import io

__all__ = ["FIGURE_FORMATS", "FIGURE_DPI", "PREVIEW_DPI", "preview_png"]

#: File formats :func:`~kuril_research.publish.outputs.save_figure` can write, with the metadata that removes
#: dates and versions.
FIGURE_FORMATS: dict[str, dict[str, None]] = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"Creator": None, "Producer": None, "CreationDate": None},
}

#: Resolution of the PNG files, in dots per inch.
FIGURE_DPI = 300
#: Resolution of the preview shown in the notebook and its HTML page.
PREVIEW_DPI = 150


def preview_png(fig) -> bytes:
    """The figure as a PNG at :data:`PREVIEW_DPI`, for the notebook and its HTML page.

    Drawn by matplotlib at the lower resolution. Making it from the PNG file's
    pixels instead (Pillow's ``Image.reduce``, 2 × 2 averages) was measured a
    little faster, but it changes the preview's bytes in every report's
    notebook and HTML page, and issue #17 asks for the reports on the embedded
    corpus to stay byte for byte as they were.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(figsize=(2, 1))
    >>> png = preview_png(fig)
    >>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n", int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    (True, 300, 150)
    >>> plt.close(fig)
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=PREVIEW_DPI, metadata=FIGURE_FORMATS["png"])
    return buffer.getvalue()
