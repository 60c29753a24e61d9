"""Train the title model (kuril_research/data/title_model.json) on a gold folder's dev articles, or measure it.

    python benchmarks/train_title_model.py GOLD_DIR --write      # fit on every dev article, write the weights
    python benchmarks/train_title_model.py data/gold --until g241 --write   # the shipped model's articles
    python benchmarks/train_title_model.py GOLD_DIR --folds 5    # k-fold cross-validation over the articles
    python benchmarks/train_title_model.py --pages DIR           # titles chosen on pasted pages (*.txt), rules vs model

Only annotations with ``split: dev`` are read (the test half never is). Cross-validation splits the articles by
their sorted file names, article k going to fold k mod K (no randomness): each fold is scored by a model fitted
on the other folds, for the rules alone (model off) and the rules with the model. A title is right when it equals
the gold's ``title`` after NFKC and collapsed spaces and straight quotes (as ``kuril-research evaluate`` does).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
import unicodedata
from pathlib import Path
from unittest import mock

import yaml

from kuril_research.ingest.parse import article as article_module
from kuril_research.ingest.parse import title_model
from kuril_research.ingest.parse.lexicon import default_furniture
from kuril_research.ingest.parse.text import normalise_characters

OUT = Path(__file__).resolve().parents[1] / "kuril_research" / "data" / "title_model.json"
QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def norm(text):
    if text is None:
        return None
    text = " ".join(unicodedata.normalize("NFKC", str(text)).translate(QUOTES).split())
    return text or None


def stem_number(path: Path) -> int:
    """The number in a gold file's stem ("g1000" -> 1000): stems sort by it, not as text (g1000 after g999)."""
    return int("".join(ch for ch in path.stem if ch.isdigit()) or 0)


def dev_articles(gold: Path, until: str | None = None):
    """(file stem, raw text, gold title) of every dev article up to file stem ``until``, in the order of their
    numbers."""
    out = []
    for ann in sorted((gold / "annotations").glob("g*.yaml"), key=stem_number):
        if until is not None and stem_number(ann) > stem_number(Path(until)):
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
            top1 += int(title_model.headline_probabilities(x, model).argmax()) == y
        for stem, raw, want in test:
            a, b = parse_title(raw, None), parse_title(raw, model)
            rules += norm(a) == norm(want)
            both += norm(b) == norm(want)
            if a != b:
                changed.append((stem, a, b, norm(b) == norm(want)))
    return rules, both, top1, changed


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", type=Path)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--folds", type=int, default=0)
    ap.add_argument("--pages", type=Path)
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
    if args.folds:
        rules, both, top1, changed = cross_validate(items, args.folds, lex)
        n = len(items)
        print(f"{args.folds}-fold cross-validation over {n} dev articles: titles right, rules alone {rules}/{n} "
              f"= {rules / n:.3f}; rules + model {both}/{n} = {both / n:.3f}; the model's best line alone "
              f"{top1}/{n} = {top1 / n:.3f}")
        for stem, a, b, ok in changed:
            print(f"  {stem}: {a!r} -> {b!r} ({'right' if ok else 'wrong'})")
    if args.write:
        ex = examples(items, lex)
        model = title_model.fit_title_model(ex)
        digest = hashlib.sha256()
        for stem, raw, title in items:
            digest.update(f"{stem}\0{title}\0{raw}\0".encode("utf-8"))
        provenance = {
            "trained_on": f"{args.gold.name}: annotations with split: dev ({items[0][0]}-{items[-1][0]}, "
                          f"{len(items)} articles, {len(ex)} with their title among the candidates)",
            "code": "benchmarks/train_title_model.py, kuril_research.ingest.parse.title_model.fit_title_model "
                    "(l2 0.01, 3000 steps of size 0.5 from zero weights)",
            "gold_sha256": digest.hexdigest()[:16],
            "date": dt.date.today().isoformat(),
        }
        OUT.write_text(title_model.model_document(model, provenance), encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
