"""Save the figures and tables a notebook produces, byte for byte the same on every run.

A notebook calls :func:`configure_matplotlib` once, then :func:`save_figure`
and :func:`save_table` for each result it shows. Every call writes its files
under the notebook's output folder and records them in ``outputs.json``
there, which the report index reads::

    <out_dir>/
        figures/<fig_id>.png  .svg  .pdf   the figure (PNG at 300 dpi)
        figures/<fig_id>.csv               the data behind it: enough to redraw it
        tables/<table_id>.parquet          a table, every value at full precision
        tables/<table_id>.csv  .xlsx .tex  the same rounded for reading (LaTeX: booktabs; see table_formats)
        outputs.json                       id, caption, files and their sha256, in call order

Nothing in these files depends on the date, the machine or the software
build: matplotlib's date and software metadata are removed, SVG ids come from
a fixed salt, SVG text stays text (``svg.fonttype: none``: a journal's editor
can change it; the reader's DejaVu Sans or another sans-serif draws it), PDF
fonts are embedded as TrueType, and CSV files use ``\\n`` line ends and a
fixed float format. Saving again under the same id replaces the
files and the entry.

What the functions return displays in Jupyter as the figure or table with its
caption. Table cells are HTML-escaped and marked so that MathJax leaves them
alone, so article text (which may contain ``$`` or ``<``) is shown as inert text.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from kuril_research.errors import ParameterError
from kuril_research.publish.csv_writer import FLOAT_FORMAT, csv_bytes, flat_table, write_csv, write_file
from kuril_research.publish.figure_preview import FIGURE_DPI, FIGURE_FORMATS, preview_png
from kuril_research.publish.matplotlib_setup import MATPLOTLIB_RC, configure_matplotlib, use_bundled_dejavu

# configure_matplotlib, write_csv, csv_bytes and preview_png live in matplotlib_setup, csv_writer and
# figure_preview; they are re-exported here because notebooks and the evaluate command import them from this module.
__all__ = [
    "MATPLOTLIB_RC", "FIGURE_FORMATS", "OUTPUTS_FILE", "FLOAT_FORMAT",
    "SavedOutput", "configure_matplotlib", "use_bundled_dejavu", "save_figure", "preview_png", "save_table",
    "show_table", "read_outputs", "write_csv", "csv_bytes",
]

#: The index of a notebook's outputs, in its output folder.
OUTPUTS_FILE = "outputs.json"

#: What an output id may look like: it becomes a file name.
OUTPUT_ID_RE = re.compile(r"[a-z0-9][a-z0-9_\-]{0,79}")

SHOW_ROWS = 50


@dataclass(frozen=True)
class SavedOutput:
    """A figure or table written by :func:`save_figure` or :func:`save_table`.

    Displays in Jupyter as the figure (or the first rows of the table) with its caption.

    Attributes
    ----------
    kind : {"figure", "table"}
    id : str
    caption : str
    files : dict
        Path relative to the output folder → sha256 of the file's bytes.
    constants : dict
        Columns left out of the readable copies of a table because they hold
        one value (e.g. ``codebook_sha256``), with that value.
    """

    kind: str
    id: str
    caption: str
    files: dict[str, str]
    _html: str = field(default="", repr=False, compare=False)
    constants: dict[str, str] = field(default_factory=dict, compare=False)

    def entry(self) -> dict[str, Any]:
        """Return the record written to ``outputs.json`` (``constants``: hashes that hold for the whole table)."""
        record = {"kind": self.kind, "id": self.id, "caption": self.caption,
                  "files": [{"path": p, "sha256": s} for p, s in self.files.items()]}
        if self.constants:
            record["constants"] = dict(self.constants)
        return record

    def __str__(self) -> str:
        return f"{self.kind} {self.id}: {self.caption} ({', '.join(self.files)})"

    def _repr_html_(self) -> str:
        return self._html

    def _repr_pretty_(self, printer, cycle) -> None:  # IPython's text/plain
        printer.text(str(self))


def _check_id(kind: str, output_id: str) -> str:
    if not isinstance(output_id, str) or not OUTPUT_ID_RE.fullmatch(output_id):
        raise ParameterError(f"{kind} id {output_id!r} cannot be used as a file name", field=f"{kind}_id",
                             hint="use lower-case letters, digits, '_' and '-' (at most 80 characters), "
                                  "e.g. 'mentions_by_outlet'")
    return output_id


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_outputs(out_dir: str | Path) -> list[dict[str, Any]]:
    """Return the entries of ``outputs.json`` in ``out_dir`` (empty if there is none).

    Parameters
    ----------
    out_dir : str or Path
        A notebook's output folder.

    Returns
    -------
    list of dict
        ``kind`` (figure | table), ``id``, ``caption`` and ``files`` (a list of
        ``{"path", "sha256"}``, paths relative to ``out_dir``), in the order saved.

    Examples
    --------
    >>> import tempfile
    >>> read_outputs(tempfile.mkdtemp())
    []
    """
    path = Path(out_dir) / OUTPUTS_FILE
    if not path.is_file():
        return []
    return list(json.loads(path.read_text(encoding="utf-8"))["outputs"])


def _record(out_dir: Path, saved: SavedOutput) -> None:
    entries = read_outputs(out_dir)
    entry = saved.entry()
    for i, old in enumerate(entries):
        if (old["kind"], old["id"]) == (saved.kind, saved.id):
            entries[i] = entry
            break
    else:
        entries.append(entry)
    text = json.dumps({"outputs": entries}, indent=2, ensure_ascii=False) + "\n"
    write_file(out_dir / OUTPUTS_FILE, text.encode("utf-8"))


def _display_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Cells as text, as the CSV file has them: floats as ``%.12g``, missing values empty."""
    shown = {}
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_float_dtype(values.dtype):
            shown[column] = [FLOAT_FORMAT % v if pd.notna(v) else "" for v in values]
        else:
            shown[column] = ["" if v is None or v is pd.NA or (isinstance(v, float) and v != v) else str(v)
                             for v in values.to_numpy(dtype=object)]
    return pd.DataFrame(shown, columns=list(frame.columns), index=range(len(frame)))


def _table_html(frame: pd.DataFrame, *, max_rows: int, key: str = "shown") -> str:
    """HTML for a table whose cells are escaped text that MathJax must not typeset.

    Text columns are aligned left and to the top, number columns right (a
    style scoped to this table by ``key``).

    Examples
    --------
    >>> markup = _table_html(pd.DataFrame({"outlet": ["TASS"], "n": [3]}), max_rows=5, key="t1")
    >>> "table.kr-table.kr-t-t1 td:nth-child(2),table.kr-table.kr-t-t1 th:nth-child(2){text-align:right}" in markup
    True
    """
    flat = flat_table(frame)
    scope = f"kr-t-{re.sub(r'[^a-z0-9_-]', '', key.lower()) or 'shown'}"
    numeric = [i + 1 for i, column in enumerate(flat.columns)
               if pd.api.types.is_numeric_dtype(flat[column].dtype) and not pd.api.types.is_bool_dtype(flat[column].dtype)]
    cell = f"table.kr-table.{scope}"          # outranks JupyterLab's right-aligned cells (two classes and a type)
    style = (f"<style>{cell} td,{cell} th{{text-align:left;vertical-align:top}}"
             + "".join(f"{cell} td:nth-child({i}),{cell} th:nth-child({i}){{text-align:right}}" for i in numeric)
             + "</style>")
    body = _display_frame(flat.head(max_rows)).to_html(index=False, escape=True, border=0,
                                                       classes=["kr-table", scope])
    more = "" if len(flat) <= max_rows else f"<p><i>First {max_rows} of {len(flat)} rows.</i></p>"
    return f'<div class="tex2jax_ignore mathjax_ignore">{style}{body}{more}</div>'


def save_figure(fig, fig_id: str, *, caption: str, out_dir: str | Path, data: pd.DataFrame | None = None,
                formats: Sequence[str] = ("png", "svg", "pdf")) -> SavedOutput:
    """Write a matplotlib figure and the data behind it, and record them in ``outputs.json``.

    Parameters
    ----------
    fig : matplotlib.figure.Figure or kuril_research.publish.figures.Drawing
        Closed after saving, so Jupyter shows it once (as the returned object).
        A :class:`~kuril_research.publish.figures.Drawing` brings its data (used when
        ``data`` is None) and its note, which is appended to the caption.
    fig_id : str
        Stable identifier and file stem: lower-case letters, digits, ``_``, ``-``.
    data : DataFrame, optional
        The numbers drawn, written to ``figures/<fig_id>.csv``; required for a plain figure.
    caption : str
        One sentence saying what the figure shows.
    out_dir : str or Path
        The notebook's output folder.
    formats : sequence of {"png", "svg", "pdf"}
        PNG is written at 300 dpi; the preview shown is drawn at 150 dpi (:func:`preview_png`).

    Returns
    -------
    SavedOutput
        Displays as the figure with its caption.

    Raises
    ------
    ParameterError
        If the id is not a safe file name or a format is unknown.

    Examples
    --------
    >>> import tempfile, matplotlib.pyplot as plt
    >>> configure_matplotlib()
    >>> fig, ax = plt.subplots()
    >>> _ = ax.bar(["TASS", "Kyodo"], [3, 2])
    >>> out = tempfile.mkdtemp()
    >>> saved = save_figure(fig, "docs_by_outlet", data=pd.DataFrame({"outlet": ["TASS", "Kyodo"], "n": [3, 2]}),
    ...                     caption="Documents by outlet.", out_dir=out)
    >>> list(saved.files)
    ['figures/docs_by_outlet.png', 'figures/docs_by_outlet.svg', 'figures/docs_by_outlet.pdf', 'figures/docs_by_outlet.csv']
    >>> [e["id"] for e in read_outputs(out)]
    ['docs_by_outlet']
    """
    import matplotlib.pyplot as plt

    _check_id("figure", fig_id)
    caption = " ".join(str(caption).split())              # no trailing space where an optional sentence was empty
    if hasattr(fig, "figure") and hasattr(fig, "note"):      # a figures.Drawing
        caption = f"{caption} {fig.note}".strip() if fig.note else caption
        data = fig.data if data is None else data
        fig = fig.figure
    if data is None:
        raise ParameterError("save_figure needs the data behind the figure", field="data",
                             hint="pass data=the DataFrame drawn, or a figures.Drawing")
    formats = [formats] if isinstance(formats, str) else list(formats)
    unknown = [f for f in formats if f not in FIGURE_FORMATS]
    if unknown or not formats:
        raise ParameterError(f"unknown figure format(s) {unknown or formats}", field="figure_formats",
                             hint=f"choose from {list(FIGURE_FORMATS)}")
    out_dir = Path(out_dir)
    folder = out_dir / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {}
    written: dict[str, bytes] = {}
    for fmt in formats:
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, dpi=FIGURE_DPI, metadata=FIGURE_FORMATS[fmt])
        written[fmt] = buffer.getvalue()
        path = folder / f"{fig_id}.{fmt}"
        write_file(path, written[fmt])
        files[f"figures/{fig_id}.{fmt}"] = hashlib.sha256(written[fmt]).hexdigest()
    files[f"figures/{fig_id}.csv"] = write_csv(data, folder / f"{fig_id}.csv")
    preview = preview_png(fig)
    width = round(fig.get_figwidth() * 100)
    plt.close(fig)
    image = base64.b64encode(preview).decode("ascii")
    text = html.escape(caption)
    markup = (f'<figure class="kr-figure" id="figure-{fig_id}"><img src="data:image/png;base64,{image}" '
              f'width="{width}" alt="{text}"/><figcaption><b>Figure {html.escape(fig_id)}.</b> {text}</figcaption></figure>')
    saved = SavedOutput("figure", fig_id, caption, files, markup)
    _record(out_dir, saved)
    return saved


def save_table(df: pd.DataFrame, table_id: str, *, caption: str, out_dir: str | Path,
               show_rows: int = SHOW_ROWS) -> SavedOutput:
    """Write a table in four formats and record it in ``outputs.json``.

    Files (see :mod:`kuril_research.publish.table_formats`): ``tables/<id>.parquet`` at
    full precision; ``tables/<id>.csv`` rounded for reading (4 significant
    digits, whole numbers from 1,000); the same as ``.xlsx`` (up to
    100,000 rows) and as a booktabs ``.tex`` table (up to 500 rows). A
    ``*_sha256`` column holding one value is written once, in the caption
    shown and in ``outputs.json`` (``constants``), not on every row of the
    readable copies (the Parquet file keeps it). An unnamed index is dropped;
    a named one becomes columns.

    Parameters
    ----------
    df : DataFrame
    table_id : str
        Stable identifier and file stem: lower-case letters, digits, ``_``, ``-``.
    caption : str
        One sentence saying what the table shows.
    out_dir : str or Path
        The notebook's output folder.
    show_rows : int
        Rows shown in the notebook; the files always hold them all.

    Returns
    -------
    SavedOutput
        Displays as the caption and the table (escaped text).

    Examples
    --------
    >>> import tempfile
    >>> out = tempfile.mkdtemp()
    >>> saved = save_table(pd.DataFrame({"naming": ["japanese"], "share": [2 / 3], "lexicon_sha256": ["ab12"]}),
    ...                    "naming", caption="Mentions by naming.", out_dir=out)
    >>> sorted(saved.files)
    ['tables/naming.csv', 'tables/naming.parquet', 'tables/naming.tex', 'tables/naming.xlsx']
    >>> print(open(f"{out}/tables/naming.csv").read(), end="")
    naming,share
    japanese,0.6667
    >>> read_outputs(out)[0]["constants"]
    {'lexicon_sha256': 'ab12'}
    """
    from kuril_research.publish import table_formats

    _check_id("table", table_id)
    caption = " ".join(str(caption).split())
    out_dir = Path(out_dir)
    full = flat_table(df)
    shown, constants = table_formats.split_constants(full)
    shown = table_formats.readable(shown)
    folder = out_dir / "tables"
    files = {f"tables/{table_id}.csv": write_csv(shown, folder / f"{table_id}.csv")}
    blobs = {"parquet": table_formats.parquet_bytes(full)}
    if len(shown) <= table_formats.XLSX_MAX_ROWS:
        blobs["xlsx"] = table_formats.xlsx_bytes(shown, title=table_id)
    if len(shown) <= table_formats.LATEX_MAX_ROWS:
        blobs["tex"] = table_formats.latex_text(shown, caption=caption, label=table_id).encode("utf-8")
    for fmt, data in blobs.items():
        write_file(folder / f"{table_id}.{fmt}", data)
        files[f"tables/{table_id}.{fmt}"] = hashlib.sha256(data).hexdigest()
    hashes = "".join(f" <span class=\"kr-hash\">{html.escape(k)}: <code>{html.escape(v[:12])}…</code></span>"
                     for k, v in constants.items())
    markup = (f'<div class="kr-table-block" id="table-{table_id}"><p><b>Table {html.escape(table_id)}.</b> '
              f"{html.escape(caption)}{hashes}</p>{_table_html(shown, max_rows=show_rows, key=table_id)}</div>")
    saved = SavedOutput("table", table_id, caption, files, markup, constants)
    _record(out_dir, saved)
    return saved


def show_table(df: pd.DataFrame, *, caption: str = "", show_rows: int = SHOW_ROWS) -> SavedOutput:
    """Display a table as escaped, MathJax-inert HTML without saving it.

    For tables of article text (e.g. a KWIC concordance) that are shown but
    are not a report output.

    Parameters
    ----------
    df : DataFrame
    caption : str, optional
    show_rows : int
        Rows shown.

    Returns
    -------
    SavedOutput
        With no files; displays as the caption and the table.

    Examples
    --------
    >>> shown = show_table(pd.DataFrame({"left": ["costs $5"], "match": ["<Kunashir>"]}))
    >>> "&lt;Kunashir&gt;" in shown._repr_html_() and "mathjax_ignore" in shown._repr_html_()
    True
    """
    head = f"<p>{html.escape(caption)}</p>" if caption else ""
    return SavedOutput("shown", "", caption, {}, head + _table_html(df, max_rows=show_rows))
