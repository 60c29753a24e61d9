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


#: Runs in the page: measures every inline SVG figure (see measure_figures).
_MEASURE_JS = r"""
function boxes(nodes) { return Array.from(nodes).map(n => n.getBoundingClientRect()).filter(r => r.width > 0 && r.height > 0); }
function overlap(a, b, tol) {
  return Math.min(a.right, b.right) - Math.max(a.left, b.left) > tol && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > tol;
}
const out = [];
document.querySelectorAll("div.fig").forEach(div => {
  const svg = div.querySelector("svg");
  const res = {name: div.dataset.name, height_in: parseFloat(svg.getAttribute("height")) / 72,
               width_in: parseFloat(svg.getAttribute("width")) / 72, overlaps: [], covered: [], texts: 0};
  svg.querySelectorAll('g[id^="matplotlib.axis"]').forEach(axis => {
    const labels = Array.from(axis.querySelectorAll('g[id^="xtick"] text, g[id^="ytick"] text'));
    res.texts += labels.length;
    const rects = labels.map(t => t.getBoundingClientRect());
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++)
      if (overlap(rects[i], rects[j], 0.5)) res.overlaps.push([labels[i].textContent, labels[j].textContent]);
  });
  const page = svg.getBoundingClientRect();
  res.clipped = Array.from(svg.querySelectorAll("text")).filter(t => {
    const r = t.getBoundingClientRect();
    return r.width > 0 && (r.left < page.left - 1 || r.right > page.right + 1 || r.top < page.top - 1 || r.bottom > page.bottom + 1);
  }).map(t => t.textContent);
  const data = boxes(svg.querySelectorAll('[id^="kr-data"]'));
  svg.querySelectorAll('[id^="kr-legend"]').forEach(legend => {
    const box = legend.getBoundingClientRect();
    data.forEach(d => { if (overlap(box, d, 0.5)) res.covered.push([d.left, d.top, d.width, d.height]); });
  });
  res.data = data.length;
  out.push(res);
});
document.getElementById("result").textContent = JSON.stringify(out);
"""


def measure_figures(svgs: dict[str, Path]) -> list[dict]:
    """Lay out SVG figures in Chromium and measure them: height, overlapping tick labels, legends over data.

    The figures must keep their text as text (``svg.fonttype: none``) and mark
    data artists ``kr-data-N`` and legends ``kr-legend-N`` (as
    :mod:`kuril_research.publish.figures` does). Returns, per figure, ``name``,
    ``height_in``, ``width_in``, ``overlaps`` (pairs of tick-label texts whose
    boxes overlap), ``clipped`` (texts that reach outside the figure), ``covered`` (data boxes a legend overlaps), ``texts`` and
    ``data`` (how many tick labels and data artists were found).
    """
    import html
    import json
    import re

    parts = []
    for name, path in svgs.items():
        svg = path.read_text(encoding="utf-8")
        svg = svg[svg.index("<svg"):]                       # drop the XML declaration and doctype
        parts.append(f'<div class="fig" data-name="{html.escape(name, quote=True)}">{svg}</div>')
    page = ('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>' + "".join(parts)
            + f'<pre id="result"></pre><script>{_MEASURE_JS}</script></body></html>')
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "figures.html"
        target.write_text(page, encoding="utf-8")
        dom = dump_dom(target)
    found = re.search(r'<pre id="result">(.*?)</pre>', dom, re.S)
    if not found or not found.group(1).strip():
        raise RuntimeError("the measuring script did not run")
    return json.loads(html.unescape(found.group(1)))
