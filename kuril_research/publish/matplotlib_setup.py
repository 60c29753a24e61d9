"""Set matplotlib up so that every figure is drawn the same, byte for byte, on any machine.

:func:`configure_matplotlib` fixes what would otherwise vary: the SVG id salt,
how text and fonts are stored in SVG and PDF, the font itself (the DejaVu Sans
matplotlib ships, :func:`use_bundled_dejavu`), sizes and resolution. It does not
change the backend, so figures still show inline in JupyterLab.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["MATPLOTLIB_RC", "configure_matplotlib", "use_bundled_dejavu"]

#: rcParams set by :func:`configure_matplotlib`.
MATPLOTLIB_RC: dict[str, Any] = {
    "svg.hashsalt": "kuril_research",   # SVG element ids from a fixed salt, not random
    "svg.fonttype": "none",             # text as <text> elements: editable in Inkscape/Illustrator, searchable
    "pdf.fonttype": 42,                 # embed TrueType, not Type 3
    "ps.fonttype": 42,
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],  # shipped with matplotlib: the same glyphs on every machine
    "figure.dpi": 100,
    "savefig.dpi": 300,
    "figure.figsize": (7.0, 4.0),
    "figure.constrained_layout.use": True,
    "savefig.facecolor": "white",
    "axes.spines.top": False,
    "axes.spines.right": False,
}



def configure_matplotlib(style=None) -> None:
    """Set matplotlib up for reproducible figures; safe without a display.

    Sets :data:`MATPLOTLIB_RC` (fixed SVG hash salt, editable SVG text,
    TrueType fonts in PDF and PostScript, DejaVu Sans, fixed dpi and size),
    then the font sizes and width of ``style``. Does not change the backend,
    so figures still show inline in JupyterLab and render headless under Agg.

    Parameters
    ----------
    style : kuril_research.publish.figure_style.FigureStyle, optional
        Default ``FigureStyle()`` (two columns, 8 pt).

    Examples
    --------
    >>> import matplotlib
    >>> configure_matplotlib()
    >>> matplotlib.rcParams["svg.hashsalt"], matplotlib.rcParams["pdf.fonttype"], matplotlib.rcParams["svg.fonttype"]
    ('kuril_research', 42, 'none')
    """
    import matplotlib

    from kuril_research.publish.figure_style import FigureStyle

    matplotlib.rcParams.update(MATPLOTLIB_RC)
    matplotlib.rcParams.update((style or FigureStyle()).rc())
    use_bundled_dejavu()


def use_bundled_dejavu() -> None:
    """Draw with the DejaVu fonts matplotlib ships, never a system copy of another version.

    A machine with Debian's fonts-dejavu has DejaVu Sans 2.37 beside matplotlib's
    2.35, and which one matplotlib picks depends on its font cache: the PDFs
    (which embed the font) would then differ between two machines, or two
    checkouts on one machine. The system DejaVu entries are dropped from the
    font list and the bundled files added (``addfont`` also empties the
    font-lookup cache).

    Examples
    --------
    >>> from pathlib import Path
    >>> import matplotlib
    >>> from matplotlib import font_manager
    >>> use_bundled_dejavu()
    >>> Path(font_manager.findfont("DejaVu Sans")).parent == Path(matplotlib.get_data_path(), "fonts", "ttf")
    True
    """
    import matplotlib
    from matplotlib import font_manager

    bundled = Path(matplotlib.get_data_path(), "fonts", "ttf")
    manager = font_manager.fontManager
    manager.ttflist = [entry for entry in manager.ttflist if not entry.name.startswith("DejaVu")]
    for path in sorted(bundled.glob("DejaVu*.ttf")):
        manager.addfont(str(path))
