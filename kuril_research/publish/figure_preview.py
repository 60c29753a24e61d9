"""The preview of a report figure shown in the notebook and its HTML page (the files are written elsewhere).

:func:`kuril_research.publish.outputs.save_figure` writes each figure's files
(PNG at :data:`FIGURE_DPI`, SVG, PDF), each drawn by its own renderer, then
shows a PNG at :data:`PREVIEW_DPI` in the notebook. That preview is made from the
PNG file's pixels (:func:`preview_png`) instead of drawing the figure a fourth time.
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


def preview_png(fig, png: bytes | None = None) -> bytes:
    """The figure as a PNG at :data:`PREVIEW_DPI`, for the notebook and its HTML page.

    Made from ``png``, the figure's PNG file at :data:`FIGURE_DPI`, by averaging
    each square of 2 × 2 pixels (Pillow's ``Image.reduce``): a fraction of the
    time of drawing the figure again at the lower resolution, which is what
    happens when there is no such file (``png`` None). The preview is
    deterministic either way; the files written are not affected.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from PIL import Image
    >>> fig, ax = plt.subplots(figsize=(2, 1))
    >>> full = io.BytesIO()
    >>> fig.savefig(full, format="png", dpi=FIGURE_DPI)
    >>> Image.open(io.BytesIO(full.getvalue())).size, Image.open(io.BytesIO(preview_png(fig, full.getvalue()))).size
    ((600, 300), (300, 150))
    >>> Image.open(io.BytesIO(preview_png(fig))).size
    (300, 150)
    >>> plt.close(fig)
    """
    if png is None or FIGURE_DPI % PREVIEW_DPI:
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=PREVIEW_DPI, metadata=FIGURE_FORMATS["png"])
        return buffer.getvalue()
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        small = image.reduce(FIGURE_DPI // PREVIEW_DPI)
    buffer = io.BytesIO()
    small.save(buffer, format="PNG")
    return buffer.getvalue()
