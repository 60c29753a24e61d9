"""The README's cron line, run as written on a temporary corpus that grows by one article (issue #11)."""

from __future__ import annotations

import csv
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ("{title}\n\nTOKYO, {when}. Japan and Russia held talks on {island} and on a peace treaty, "
           "officials said.\n\nThe next round is planned for the spring.")


def cron_command() -> str:
    """The command part of the README's crontab line (after the five schedule fields)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Scheduled regeneration"):]
    line = next(ln for ln in section.splitlines() if re.match(r"^\d+ \d+ \* \* \*\s", ln))
    return line.split(None, 5)[5]


def _add_article(raw: Path, name: str, title: str, when: str, island: str, published: str) -> None:
    (raw / name).write_text(ARTICLE.format(title=title, when=when, island=island), encoding="utf-8")
    manifest = raw / "manifest.csv"
    new = not manifest.exists()
    with manifest.open("a", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        if new:
            writer.writerow(["file", "outlet", "published"])
        writer.writerow([name, "Herald", published])


def _run(command: str, home: Path) -> None:
    # the line as written, with the clone's path, this interpreter for .venv/bin, one report to keep it fast
    command = (command.replace("/path/to/kuril_research", shlex.quote(str(ROOT)))
               .replace(".venv/bin/kuril-research", f"{shlex.quote(sys.executable)} -m kuril_research.publish.cli")
               .replace(" report ", " report 01_corpus_overview "))
    env = {**os.environ, "HOME": str(home)}
    done = subprocess.run(["bash", "-c", command], env=env, capture_output=True, text=True, timeout=600)
    log = home / "kuril" / "report.log"
    assert done.returncode == 0, (done.stderr, log.read_text() if log.exists() else "")


def _documents(home: Path) -> list[str]:
    table = home / "kuril" / "reports" / "01_corpus_overview" / "tables" / "documents.csv"
    with table.open(encoding="utf-8") as f:
        return [row["doc_id"] for row in csv.DictReader(f)]


def test_cron_line_builds_and_reports_the_growing_corpus(tmp_path):
    command = cron_command()
    assert "data/raw" not in command and "make report" not in command  # the user's corpus, not the embedded one
    raw = tmp_path / "kuril" / "raw"
    raw.mkdir(parents=True)
    _add_article(raw, "a.txt", "Talks", "January 22", "Habomai", "2019-01-22")
    _add_article(raw, "b.txt", "Visits", "March 4", "Shikotan", "2019-03-04")
    embedded = {p.name: p.read_bytes() for p in (ROOT / "data" / "raw" / "articles").iterdir()}

    _run(command, tmp_path)
    assert _documents(tmp_path) == ["a", "b"]

    _add_article(raw, "c.txt", "Airport", "May 1", "Iturup", "2019-05-01")   # the corpus grows by one article
    _run(command, tmp_path)
    assert _documents(tmp_path) == ["a", "b", "c"]
    assert (tmp_path / "kuril" / "corpus" / "build.json").is_file()
    assert {p.name: p.read_bytes() for p in (ROOT / "data" / "raw" / "articles").iterdir()} == embedded
