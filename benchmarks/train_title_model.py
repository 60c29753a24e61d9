"""Train the title model (kuril_research/data/title_model.json) on a gold folder's dev articles, or measure it.

    python benchmarks/train_title_model.py GOLD_DIR --write      # fit on every dev article, write the weights
    python benchmarks/train_title_model.py data/gold --until g241 --write   # the shipped model's articles
    python benchmarks/train_title_model.py GOLD_DIR --folds 5    # k-fold cross-validation over the articles
    python benchmarks/train_title_model.py GOLD_DIR --by-batch   # leave one annotator batch out (a new outlet)
    python benchmarks/train_title_model.py --pages DIR           # titles chosen on pasted pages (*.txt), rules vs model

Only annotations with ``split: dev`` are read (the test half never is). Cross-validation splits the articles by
their sorted file names, article k going to fold k mod K (no randomness): each fold is scored by a model fitted
on the other folds, for the rules alone (model off) and the rules with the model. A title is right when it equals
the gold's ``title`` after NFKC and collapsed spaces and straight quotes (as ``kuril-research evaluate`` does).

``--by-batch`` is the honest estimate of a site nobody has seen: the gold was written in annotator batches (A, B, ...,
the ranges ``SOURCES_X.md (gNNN–gMMM)`` of ``data/gold/README.md``), each with outlets the earlier ones lacked. Each
batch is scored by a model fitted on every other batch, and the table prints, per batch, the titles right for the
rules alone, the shipped model's veto (``data/title_model.json``), the held-out model's veto, and the held-out model's
best line alone. ``--swap-min`` and ``--keep-max`` set the held-out models' veto thresholds (and the written model's).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import re
import sys
import unicodedata
from pathlib import Path
from unittest import mock

import yaml

from kuril_research.errors import LexiconError
from kuril_research.ingest.parse import article as article_module
from kuril_research.ingest.parse import title_model
from kuril_research.ingest.parse.lexicon import default_furniture
from kuril_research.ingest.parse.text import normalise_characters

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kuril_research" / "data" / "title_model.json"
BATCH_RE = re.compile(r"SOURCES_([A-Z]+)\.md`\]\(SOURCES_[A-Z]+\.md\)\s*\((g\d+)–(g\d+)\)")
QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def norm(text):
    if text is None:
        return None
    text = " ".join(unicodedata.normalize("NFKC", str(text)).translate(QUOTES).split())
    return text or None


def dev_articles(gold: Path, until: str | None = None):
    """(file stem, raw text, gold title) of every dev article up to file stem ``until``, sorted by file name."""
    out = []
    for ann in sorted((gold / "annotations").glob("g*.yaml")):
        if until is not None and ann.stem > until:
            continue  # held-out articles (a check set, articles written after the model) are never read
        doc = yaml.safe_load(ann.read_text(encoding="utf-8"))
        if doc.get("split") != "dev":
            continue
        raw = (gold / "articles" / doc["file"]).read_text(encoding="utf-8")
        out.append((ann.stem, raw, doc.get("title")))
    return out


def examples(items, lex):
    out = []
    for _, raw, title in items:
        ex = title_model.training_example(normalise_characters(raw).split("\n"), title, lex)
        if ex is not None:
            out.append(ex)
    return out


def parse_title(raw, model):
    """The parser's title with ``model`` (None: the rules alone)."""
    if model is None:
        with mock.patch.object(article_module, "rerank_title", lambda *a, **k: title_model.HeaderChoice(
                a[1], a[2], a[3], a[4])):
            return article_module.parse_article(raw).title
    with mock.patch.object(title_model, "default_title_model", lambda: model):
        return article_module.parse_article(raw).title


def cross_validate(items, folds, lex, **fit):
    rules = both = top1 = 0
    changed = []
    for k in range(folds):
        train = [it for i, it in enumerate(items) if i % folds != k]
        test = [it for i, it in enumerate(items) if i % folds == k]
        model = title_model.fit_title_model(examples(train, lex), **fit)
        for x, y in examples(test, lex):
            top1 += int(title_model.headline_probabilities(x, model).argmax()) in y
        for stem, raw, want in test:
            a, b = parse_title(raw, None), parse_title(raw, model)
            rules += norm(a) == norm(want)
            both += norm(b) == norm(want)
            if a != b:
                changed.append((stem, a, b, norm(b) == norm(want)))
    return rules, both, top1, changed


def batches(readme: Path) -> list[tuple[str, str, str]]:
    """(letter, first stem, last stem) of every annotator batch the gold README lists, in its order."""
    found = BATCH_RE.findall(readme.read_text(encoding="utf-8"))
    if not found:
        raise SystemExit(f"{readme}: no batch ranges 'SOURCES_X.md (gNNN–gMMM)' found; pass --readme")
    return found


def batch_of(stem: str, ranges) -> str:
    return next((letter for letter, first, last in ranges if first <= stem <= last), "?")


def by_batch(items, ranges, lex, shipped, grid, l2=0.01):
    """Per batch: (letter, articles, rules right, shipped veto right, held-out veto right for each (swap_min,
    keep_max) of ``grid``, held-out top line right, articles whose title is among the candidates), and the titles
    the held-out veto of the first thresholds changed."""
    rows, changed = [], []
    for letter in dict.fromkeys(batch_of(stem, ranges) for stem, _, _ in items):
        test = [it for it in items if batch_of(it[0], ranges) == letter]
        train = [it for it in items if batch_of(it[0], ranges) != letter]
        model = title_model.fit_title_model(examples(train, lex), l2=l2)
        ex = examples(test, lex)
        top1 = sum(int(title_model.headline_probabilities(x, model).argmax()) in y for x, y in ex)
        rules = ship = 0
        held = [0] * len(grid)
        for stem, raw, want in test:
            a = parse_title(raw, None)
            rules += norm(a) == norm(want)
            ship += shipped is not None and norm(parse_title(raw, shipped)) == norm(want)
            for k, (swap_min, keep_max, *no_title) in enumerate(grid):
                with mock.patch.object(title_model, "NO_TITLE_MIN", no_title[0] if no_title else title_model.NO_TITLE_MIN):
                    c = parse_title(raw, dataclasses.replace(model, swap_min=swap_min, keep_max=keep_max))
                held[k] += norm(c) == norm(want)
                if k == 0 and a != c:
                    changed.append((stem, a, c, norm(c) == norm(want)))
        rows.append((letter, len(test), rules, ship, *held, top1, len(ex)))
    return rows, changed


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", type=Path)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--folds", type=int, default=0)
    ap.add_argument("--pages", type=Path)
    ap.add_argument("--by-batch", action="store_true")
    ap.add_argument("--readme", type=Path, default=ROOT / "data" / "gold" / "README.md",
                    help="the gold README whose SOURCES_X.md (gNNN–gMMM) ranges define the batches")
    ap.add_argument("--grid", help="further thresholds for --by-batch, 'swap_min:keep_max[:no_title_min],...'")
    ap.add_argument("--l2", type=float, default=0.01, help="the fit's penalty (held-out and written models)")
    ap.add_argument("--swap-min", type=float, default=0.3)
    ap.add_argument("--keep-max", type=float, default=0.03)
    ap.add_argument("--until", help="last file stem to read (g241: the articles the shipped model was fitted on)")
    args = ap.parse_args(argv)
    lex = default_furniture()
    if args.pages is not None:
        for page in sorted(args.pages.glob("*.txt")):
            raw = page.read_text(encoding="utf-8")
            print(f"{page.name}\n  rules: {parse_title(raw, None)!r}\n  model: "
                  f"{article_module.parse_article(raw).title!r}")
        return 0
    items = dev_articles(args.gold, args.until)
    fit = {"swap_min": args.swap_min, "keep_max": args.keep_max}
    if args.by_batch:
        grid = [(args.swap_min, args.keep_max)] + [tuple(float(v) for v in pair.split(":"))
                                                   for pair in (args.grid.split(",") if args.grid else [])]
        try:
            shipped = title_model.default_title_model()
        except LexiconError:  # features changed since the shipped model was written: its column reads 0
            shipped = None
        rows, changed = by_batch(items, batches(args.readme), lex, shipped, grid, args.l2)
        heads = ["held-out " + ":".join(f"{v:g}" for v in t) for t in grid]
        print("batch  articles  rules  shipped  " + "  ".join(heads) + "  held-out top line (of pages with the "
              "title a candidate)")
        for row in [*rows, ("all", *[sum(r[k] for r in rows) for k in range(1, len(rows[0]))])]:
            letter, n, rules, ship, *held, top1, m = row
            print(f"{letter:>5}  {n:8d}  {rules:5d}  {ship:7d}  "
                  + "  ".join(f"{h:{len(head)}d}" for h, head in zip(held, heads)) + f"  {top1:4d} of {m}")
        for stem, a, b, ok in changed:
            print(f"  {stem}: {a!r} -> {b!r} ({'right' if ok else 'wrong'})")
    if args.folds:
        rules, both, top1, changed = cross_validate(items, args.folds, lex, l2=args.l2, **fit)
        n = len(items)
        print(f"{args.folds}-fold cross-validation over {n} dev articles: titles right, rules alone {rules}/{n} "
              f"= {rules / n:.3f}; rules + model {both}/{n} = {both / n:.3f}; the model's best line alone "
              f"{top1}/{n} = {top1 / n:.3f}")
        for stem, a, b, ok in changed:
            print(f"  {stem}: {a!r} -> {b!r} ({'right' if ok else 'wrong'})")
    if args.write:
        ex = examples(items, lex)
        model = title_model.fit_title_model(ex, l2=args.l2, **fit)
        digest = hashlib.sha256()
        for stem, raw, title in items:
            digest.update(f"{stem}\0{title}\0{raw}\0".encode("utf-8"))
        provenance = {
            "trained_on": f"{args.gold.name}: annotations with split: dev ({items[0][0]}-{items[-1][0]}, "
                          f"{len(items)} articles, {len(ex)} with their title among the candidates)",
            "code": "benchmarks/train_title_model.py, kuril_research.ingest.parse.title_model.fit_title_model "
                    f"(l2 {args.l2:g}, 3000 steps of size 0.5 from zero weights)",
            "gold_sha256": digest.hexdigest()[:16],
            "date": dt.date.today().isoformat(),
        }
        OUT.write_text(title_model.model_document(model, provenance), encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
