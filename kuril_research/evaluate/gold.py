"""Read and validate a gold folder: hand-annotated articles in the format of ``data/gold/FORMAT.md``.

A gold folder holds ``manifest.csv``, ``articles/*.txt``, ``annotations/*.yaml``
(title, dateline, furniture, mentions, quotations) and ``coding/*.yaml``
(frames and trade mentions of sentences). :func:`load_gold` reads it and checks
every file; a mistake raises :class:`~kuril_research.errors.InputError` naming
the file, the line and the field, so an annotator can fix it.

Spans are never offsets: each is a ``context``, a piece of the clean body text
that occurs exactly once in it. Validation checks each context against the
*expected body* of its raw article: the decoded text (NFC, no-break spaces as
spaces, as the parser reads it) without the lines the annotation says are not
body (title, standfirst, furniture). A context missing there, or found twice,
is the annotator's mistake. Whether the *parser* kept the context is the
tool's business: :func:`locate` looks it up in the parsed ``documents.text``
when scoring, and a context it does not find there is a scored miss.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from kuril_research.errors import InputError, KurilResearchError
from kuril_research.lexicons import LineDict, LineList, load_yaml
from kuril_research.evaluate.gold_records import (
    DIRECTIONS,
    KINDS,
    MENTION_TYPES,
    MISSING,
    NAMINGS,
    POLARITIES,
    SIDES,
    SPLITS,
    TERRITORY_TYPES,
    VOICES,
    Gold,
    GoldDocument,
    GoldMention,
    GoldQuote,
    GoldSentence,
    GoldTrade,
    context_regex,
    locate,
    normalise_text,
)
from kuril_research.ingest.sources import RawDocument, read_file

__all__ = ["SPLITS", "MISSING", "MENTION_TYPES", "TERRITORY_TYPES", "VOICES", "GoldMention", "GoldQuote", "GoldTrade",
           "GoldSentence", "GoldDocument", "Gold", "load_gold", "locate", "normalise_text", "context_regex"]

_ANNOTATION_KEYS = {"file", "split", "style", "title", "standfirst", "dateline", "furniture", "mentions", "quotes",
                    "notes"}
_MENTION_KEYS = {"surface", "context", "entity", "type", "naming", "voice", "side", "speaker", "notes"}
_QUOTE_KEYS = {"context", "speaker", "speaker_entity", "notes"}
_CODING_KEYS = {"file", "split", "sentences", "notes"}
_SENTENCE_KEYS = {"context", "frames", "trade", "notes"}
_TRADE_KEYS = {"category", "polarity", "cue", "quantity", "notes"}
_QUANTITY_KEYS = {"value", "unit", "kind", "direction"}
_ID_RE = re.compile(r"[a-z][a-z0-9_]*")
_SPACE_RE = re.compile(r"\s+")


def _line_of(mapping: Any, key: Any, default: int | None) -> int | None:
    if isinstance(mapping, LineDict):
        return mapping.lines.get(key, mapping.line or default)
    return default


class _Checker:
    """Raises :class:`InputError` naming the gold file, line and field."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, message: str, line: int | None, field_name: str | None, hint: str) -> InputError:
        return InputError(message, path=self.path, line=line, field=field_name, hint=hint)

    def mapping(self, value: Any, what: str, line: int | None, allowed: set[str]) -> LineDict:
        if not isinstance(value, dict):
            raise self.fail(f"{what} must be a mapping (key: value lines), not {type(value).__name__}", line, what,
                            "see data/gold/FORMAT.md for the layout")
        unknown = sorted(set(value) - allowed, key=str)
        if unknown:
            raise self.fail(f"unknown key {unknown[0]!r} in {what}", _line_of(value, unknown[0], line),
                            str(unknown[0]), f"use only: {', '.join(sorted(allowed))}")
        return value

    def items(self, parent: LineDict, key: str) -> list[tuple[Any, int | None]]:
        value = parent.get(key)
        line = _line_of(parent, key, None)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(f"{key} must be a list (items starting with '- ')", line, key,
                            "write [] for none, or one '- ' item per entry")
        lines = value.lines if isinstance(value, LineList) else [line] * len(value)
        return list(zip(value, lines))

    def text(self, item: LineDict, key: str, line: int | None, *, required: bool = True,
             nullable: bool = False) -> str | None:
        if key not in item:
            if required:
                raise self.fail(f"missing field {key!r}", line, key, f"add '{key}:' to this item")
            return None
        value = item[key]
        where = _line_of(item, key, line)
        if value is None:
            if nullable:
                return None
            raise self.fail(f"{key} is empty", where, key, f"give {key} a value")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{key} must be text, not {value!r}", where, key, "quote the text")
        return value

    def choice(self, item: LineDict, key: str, line: int | None, choices: tuple[str, ...], *,
               required: bool = True, nullable: bool = False) -> str | None:
        value = self.text(item, key, line, required=required, nullable=nullable)
        if value is not None and value not in choices:
            raise self.fail(f"unknown {key} {value!r}", _line_of(item, key, line), key,
                            f"use one of: {', '.join(choices)}" + (" or null" if nullable else ""))
        return value

    def identifier(self, item: LineDict, key: str, line: int | None, *, nullable: bool) -> str | None:
        value = self.text(item, key, line, required=not nullable, nullable=nullable)
        if value is not None and not _ID_RE.fullmatch(value):
            raise self.fail(f"{key} {value!r} is not an id (lower case, digits, underscores)",
                            _line_of(item, key, line), key, "use the id from the gazetteer, e.g. iturup")
        return value


def _expected_body(raw: str, doc: GoldDocument) -> str:
    """The raw text without the lines the annotation says are not body (title, standfirst, furniture)."""
    drop = {_SPACE_RE.sub(" ", x).strip() for x in [doc.title, doc.standfirst, *(doc.furniture or [])]
            if isinstance(x, str) and x != MISSING}
    return "\n".join(line for line in normalise_text(raw).split("\n")
                     if _SPACE_RE.sub(" ", line).strip() not in drop)


def _check_context(check: _Checker, body: str, context: str, line: int | None, field_name: str, article: str) -> None:
    count = len(context_regex(context).findall(body))
    if count == 0:
        raise check.fail(f"context {context!r} is not in the body of articles/{article}", line, field_name,
                         "copy the context from the article exactly (white space may differ)")
    if count > 1:
        raise check.fail(f"context {context!r} occurs {count} times in the body of articles/{article}", line,
                         field_name, "lengthen the context until it occurs once")


def _read_annotation(path: Path, articles: Path) -> GoldDocument:
    check = _Checker(path)
    doc_yaml = _load(path)
    top = check.mapping(doc_yaml, "the file", 1, _ANNOTATION_KEYS)
    file = _file_field(check, top, path, articles)
    split = check.choice(top, "split", top.line, SPLITS)
    doc = GoldDocument(file=file, split=split, annotation_path=path)
    for key in ("title", "standfirst", "dateline"):
        setattr(doc, key, check.text(top, key, top.line, required=False, nullable=True) if key in top else MISSING)
    if "furniture" in top:
        doc.furniture = []
        for value, line in check.items(top, "furniture"):
            if not isinstance(value, str) or not value.strip():
                raise check.fail(f"furniture line {value!r} is not text", line, "furniture", "quote the line")
            doc.furniture.append(value)
    body = _expected_body(_raw_text(check, articles, file), doc)
    if "mentions" in top:
        doc.mentions = [_read_mention(check, item, line, body, file) for item, line in check.items(top, "mentions")]
    if "quotes" in top:
        doc.quotes = []
        for item, line in check.items(top, "quotes"):
            item = check.mapping(item, "quote", line, _QUOTE_KEYS)
            context = check.text(item, "context", line)
            _check_context(check, body, context, _line_of(item, "context", line), "context", file)
            doc.quotes.append(GoldQuote(context, check.text(item, "speaker", line, required=True, nullable=True),
                                        check.identifier(item, "speaker_entity", line, nullable=True), line))
    return doc


def _read_mention(check: _Checker, item: Any, line: int | None, body: str, article: str) -> GoldMention:
    item = check.mapping(item, "mention", line, _MENTION_KEYS)
    surface = check.text(item, "surface", line)
    context = check.text(item, "context", line)
    if context.count(surface) != 1 and len(context_regex(surface).findall(normalise_text(context))) != 1:
        raise check.fail(f"surface {surface!r} must occur exactly once in its context {context!r}",
                         _line_of(item, "surface", line), "surface",
                         "choose a context that holds the surface once (case-sensitive)")
    kind = check.choice(item, "type", line, MENTION_TYPES)
    entity = check.identifier(item, "entity", line, nullable=kind == "not_territory")
    if kind == "not_territory" and entity is not None:
        raise check.fail("a not_territory span has no entity", _line_of(item, "entity", line), "entity",
                         "write entity: null")
    voice = check.choice(item, "voice", line, VOICES)
    side = check.choice(item, "side", line, SIDES, required=False, nullable=True)
    if voice == "attributed" and kind != "not_territory" and side is None:
        raise check.fail("an attributed mention needs the side whose usage it is", _line_of(item, "side", line),
                         "side", f"write side: {' or side: '.join(SIDES)}")
    _check_context(check, body, context, _line_of(item, "context", line), "context", article)
    return GoldMention(surface, context, entity, kind,
                       check.choice(item, "naming", line, NAMINGS, required=False, nullable=True), voice, side,
                       check.text(item, "speaker", line, required=False, nullable=True), line)


def _read_coding(path: Path, articles: Path, docs: dict[str, GoldDocument], frame_ids: set[str],
                 category_ids: set[str]) -> GoldDocument:
    check = _Checker(path)
    top = check.mapping(_load(path), "the file", 1, _CODING_KEYS)
    file = _file_field(check, top, path, articles)
    doc = docs.get(file)
    split = check.choice(top, "split", top.line, SPLITS, required=doc is None)
    if doc is None:
        doc = GoldDocument(file=file, split=split, title=MISSING, standfirst=MISSING, dateline=MISSING)
    elif split is not None and split != doc.split:
        raise check.fail(f"split {split!r} disagrees with {doc.annotation_path.name} ({doc.split!r})",
                         _line_of(top, "split", top.line), "split", "give the article one split")
    doc.coding_path = path
    body = _expected_body(_raw_text(check, articles, file), doc)
    if "sentences" not in top:
        return doc
    doc.sentences = []
    for item, line in check.items(top, "sentences"):
        item = check.mapping(item, "sentence", line, _SENTENCE_KEYS)
        context = check.text(item, "context", line)
        _check_context(check, body, context, _line_of(item, "context", line), "context", file)
        frames = []
        for value, fline in check.items(item, "frames"):
            if value not in frame_ids:
                raise check.fail(f"unknown frame {value!r}", fline, "frames",
                                 f"use ids of kuril_research/data/frames.yaml: {', '.join(sorted(frame_ids))}")
            frames.append(value)
        trade = [_read_trade(check, t, tline, body, file, category_ids) for t, tline in check.items(item, "trade")]
        doc.sentences.append(GoldSentence(context, tuple(frames), tuple(trade), line))
    return doc


def _read_trade(check: _Checker, item: Any, line: int | None, body: str, article: str,
                category_ids: set[str]) -> GoldTrade:
    item = check.mapping(item, "trade mention", line, _TRADE_KEYS)
    category = check.text(item, "category", line)
    if category not in category_ids:
        raise check.fail(f"unknown trade category {category!r}", _line_of(item, "category", line), "category",
                         f"use ids of kuril_research/data/trade.yaml: {', '.join(sorted(category_ids))}")
    polarity = check.choice(item, "polarity", line, POLARITIES)
    cue = check.text(item, "cue", line)
    if not context_regex(cue).search(body):
        raise check.fail(f"cue {cue!r} is not in the body of articles/{article}", _line_of(item, "cue", line),
                         "cue", "copy the cue from the sentence exactly")
    quantity = item.get("quantity")
    qline = _line_of(item, "quantity", line)
    if quantity is not None:
        quantity = check.mapping(quantity, "quantity", qline, _QUANTITY_KEYS)
        value = quantity.get("value")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise check.fail(f"quantity value must be a number, not {value!r}", _line_of(quantity, "value", qline),
                             "value", "write the figure as a number in the unit given, e.g. 10.0")
        quantity = {"value": float(value), "unit": check.text(quantity, "unit", qline),
                    "kind": check.choice(quantity, "kind", qline, KINDS),
                    "direction": check.choice(quantity, "direction", qline, DIRECTIONS)}
    return GoldTrade(category, polarity, cue, quantity, line)


def _load(path: Path) -> Any:
    try:
        return load_yaml(path)
    except KurilResearchError as exc:  # a LexiconError from the YAML reader: the same message, as bad input
        raise InputError(exc.message, path=exc.path, line=exc.line, field=exc.field, hint=exc.hint) from None


def _file_field(check: _Checker, top: LineDict, path: Path, articles: Path) -> str:
    file = check.text(top, "file", top.line)
    if Path(file).stem != path.stem:
        raise check.fail(f"file {file!r} does not match the name of this file ({path.name})",
                         _line_of(top, "file", top.line), "file", f"write file: {path.stem}.txt")
    if not (articles / file).is_file():
        raise check.fail(f"article {file!r} is not in {articles.name}/", _line_of(top, "file", top.line), "file",
                         "add the article, or correct the name")
    return file


def _raw_text(check: _Checker, articles: Path, file: str) -> str:
    raw = read_file(articles, file)
    if not isinstance(raw, RawDocument):
        raise check.fail(f"article {file!r} cannot be read ({raw.reason}: {raw.detail})", None, "file",
                         "save the article as UTF-8 text")
    return raw.text


def _folder_sha256(paths: list[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.relative_to(root).as_posix()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_gold(gold_dir: str | Path, *, frame_ids: set[str] | None = None,
              category_ids: set[str] | None = None) -> Gold:
    """Read and validate a gold folder.

    Parameters
    ----------
    gold_dir : str or Path
        Folder with ``manifest.csv``, ``articles/``, ``annotations/`` and
        (optionally) ``coding/``.
    frame_ids, category_ids : set of str, optional
        Valid frame and trade-category ids; default: those of the shipped
        ``frames.yaml`` and ``trade.yaml``.

    Returns
    -------
    Gold

    Raises
    ------
    InputError
        A missing folder or manifest; a YAML file with a syntax error, an
        unknown key, a missing field, an unknown value (split, type, voice,
        side, frame, category, polarity, kind, direction), or a context that
        does not occur exactly once in the article's body. The message names
        the file, the line and the field.

    Examples
    --------
    >>> from kuril_research import config
    >>> gold = load_gold(config.project_root() / "tests" / "fixtures" / "gold_mini")
    >>> [(d.file, d.split, len(d.mentions)) for d in gold.documents]
    [('m001.txt', 'dev', 4), ('m002.txt', 'dev', 3), ('m003.txt', 'test', 1)]
    """
    root = Path(gold_dir)
    if not root.is_dir():
        raise InputError("gold folder not found", path=root, hint="pass the folder that holds manifest.csv, "
                                                                  "articles/ and annotations/")
    manifest, articles = root / "manifest.csv", root / "articles"
    if not manifest.is_file():
        raise InputError("the gold folder has no manifest.csv", path=root,
                         hint="add manifest.csv (file,outlet,published,...); join split manifests into one")
    if not articles.is_dir():
        raise InputError("the gold folder has no articles/ folder", path=root, hint="put the article files there")
    annotations = sorted((root / "annotations").glob("*.yaml"))
    codings = sorted((root / "coding").glob("*.yaml"))
    if not annotations and not codings:
        raise InputError("the gold folder has no annotations/*.yaml or coding/*.yaml", path=root,
                         hint="annotate the articles as data/gold/FORMAT.md describes")
    if frame_ids is None or category_ids is None:
        from kuril_research.coding.framing import load_codebook
        from kuril_research.coding.trade import load_lexicon

        frame_ids = set(load_codebook().ids) if frame_ids is None else frame_ids
        category_ids = set(load_lexicon().ids) if category_ids is None else category_ids
    docs: dict[str, GoldDocument] = {}
    for path in annotations:
        doc = _read_annotation(path, articles)
        docs[doc.file] = doc
    for path in codings:
        doc = _read_coding(path, articles, docs, frame_ids, category_ids)
        docs[doc.file] = doc
    files = [manifest, *annotations, *codings, *(articles / d.file for d in docs.values())]
    return Gold(root, articles, manifest, [docs[k] for k in sorted(docs)], _folder_sha256(files, root))
