"""A headline chooser learned from the gold's dev half, that the parser consults after its rules (issue #12).

The position and shape rules (:mod:`.article`, :mod:`.shape`) were written against the sites the project has
seen. On a new site they may take its masthead, a section menu, a kicker, a paywall's "For subscribers" or a
"Writer: ..." line for the headline. This module scores every line at the top of the page
(:func:`~kuril_research.ingest.parse.title_features.candidates`) by a conditional logit over the general
features of :mod:`.title_features`:

    P(line i is the headline) = exp(w · z_i) / Σ_j exp(w · z_j),   z = (x - mean) / scale,

the sum over the page's candidates; ``w``, ``mean`` and ``scale`` are read from ``data/title_model.json``
(:func:`load_title_model`), which :func:`fit_title_model` writes from annotated articles (training: gradient
descent on the mean negative log-likelihood plus ``l2 · |w|²``, from w = 0, a fixed number of steps: the same
articles give the same bytes). :func:`rerank_title` vetoes the rules' title only when the model is confident:
the best line's probability is at least ``swap_min`` and the rules' title has at most ``keep_max``.
"""

from __future__ import annotations

import json
import re
import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from kuril_research.errors import LexiconError
from kuril_research.ingest.parse.lexicon import FurnitureLexicon
from kuril_research.ingest.parse.records import Removed
from kuril_research.ingest.parse.shape import (HEADER_REASONS, LABEL_RE, HeaderChoice, body_under_headline, is_dated_line,
                                               is_no_title, is_writers_line, line_of)
from kuril_research.ingest.parse.dated_pages import item_page_start
from kuril_research.ingest.parse.header import has_headline_verb, is_person_name
from kuril_research.ingest.parse.headline_support import (STEM_LETTERS, UNSUPPORTED_KEEP_MAX, headline_over,
                                                           headword_line, is_unsupported, stems)
from kuril_research.ingest.parse.title_features import (
    FEATURE_NAMES,
    candidates,
    is_numbered_copy,
    is_paragraph,
    lead_words,
    line_features,
)

__all__ = ["TitleModel", "load_title_model", "default_title_model", "page_features", "headline_probabilities",
           "fit_title_model", "model_document", "training_example", "rerank_title"]

#: The keys of ``data/title_model.json``.
MODEL_KEYS = ("features", "weights", "mean", "scale", "swap_min", "keep_max", "provenance")


@dataclass(frozen=True)
class TitleModel:
    """The learned weights: one per feature of :data:`~.title_features.FEATURE_NAMES`, with the mean and scale
    that standardise each feature, and the two confidence thresholds of :func:`rerank_title`."""

    weights: tuple[float, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    swap_min: float = 0.3
    keep_max: float = 0.03


def _fail(path: Path, field: str, message: str) -> LexiconError:
    return LexiconError(message, path=path, field=field,
                        hint="rewrite the file with benchmarks/train_title_model.py, or restore the shipped one")


def load_title_model(path: str | Path) -> TitleModel:
    """Read and validate a title model file (JSON, keys :data:`MODEL_KEYS`).

    Raises :class:`~kuril_research.errors.LexiconError` naming the file and the field when the file is not JSON,
    a key is missing, the features are not :data:`~.title_features.FEATURE_NAMES` in order, a list has the wrong
    length or holds a non-number, a scale is not positive or a threshold is outside [0, 1].
    """
    path = Path(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LexiconError(f"cannot read the title model: {exc}", path=path,
                           hint="the file must be JSON written by benchmarks/train_title_model.py") from None
    if not isinstance(doc, dict):
        raise _fail(path, "(top)", "the title model must be a JSON object")
    for key in MODEL_KEYS:
        if key not in doc:
            raise _fail(path, key, f"the title model has no {key!r}")
    if list(doc["features"]) != list(FEATURE_NAMES):
        raise _fail(path, "features", f"the features must be {list(FEATURE_NAMES)} in this order")
    lists = {}
    for key in ("weights", "mean", "scale"):
        values = doc[key]
        if not isinstance(values, list) or len(values) != len(FEATURE_NAMES) \
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                           for v in values):
            raise _fail(path, key, f"{key!r} must be a list of {len(FEATURE_NAMES)} finite numbers")
        lists[key] = tuple(float(v) for v in values)
    if any(v <= 0 for v in lists["scale"]):
        raise _fail(path, "scale", "every scale must be positive")
    for key in ("swap_min", "keep_max"):
        v = doc[key]
        if not isinstance(v, (int, float)) or isinstance(v, bool) or not 0 <= v <= 1:
            raise _fail(path, key, f"{key!r} must be a number between 0 and 1")
    return TitleModel(lists["weights"], lists["mean"], lists["scale"], float(doc["swap_min"]), float(doc["keep_max"]))


@lru_cache(maxsize=1)
def default_title_model() -> TitleModel:
    """The shipped model, ``kuril_research/data/title_model.json``."""
    with resources.as_file(resources.files("kuril_research") / "data" / "title_model.json") as path:
        return load_title_model(path)


def page_features(lines: list[str], lex: FurnitureLexicon) -> tuple[list[tuple[int, str]], np.ndarray]:
    """The page's candidates (number, text) and their feature matrix (one row each, columns
    :data:`~.title_features.FEATURE_NAMES`)."""
    cands = candidates(lines)
    lead = lead_words(lines)
    counts: dict[str, int] = {}
    for line in lines:
        text = line.strip()
        if text:
            counts[text] = counts.get(text, 0) + 1
    rows = [line_features(cands, i, lead, counts, lex) for i in range(len(cands))]
    return cands, np.asarray(rows, dtype=float).reshape(len(cands), len(FEATURE_NAMES))


def _softmax(scores: np.ndarray) -> np.ndarray:
    e = np.exp(scores - scores.max())
    return e / e.sum()


def headline_probabilities(x: np.ndarray, model: TitleModel) -> np.ndarray:
    """P(each row is the headline): the softmax of ``w · (x - mean) / scale`` over the rows."""
    if len(x) == 0:
        return np.zeros(0)
    z = (x - np.asarray(model.mean)) / np.asarray(model.scale)
    return _softmax(z @ np.asarray(model.weights))


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).replace("’", "'").replace("“", '"').replace("”", '"').split())


def training_example(lines: list[str], title: str | None, lex: FurnitureLexicon) -> tuple[np.ndarray, int] | None:
    """The feature matrix of a page and the index of its headline among the candidates (the first candidate
    reading ``title``, spaces and curly quotes aside), or None when no candidate reads it."""
    if not title:
        return None
    cands, x = page_features(lines, lex)
    want = _key(title)
    index = next((i for i, (_, text) in enumerate(cands) if _key(text) == want), None)
    return None if index is None else (x, index)


def fit_title_model(examples: list[tuple[np.ndarray, int]], *, l2: float = 0.01, steps: int = 3000,
                    rate: float = 0.5, swap_min: float = 0.3, keep_max: float = 0.03) -> TitleModel:
    """Fit the conditional logit on ``examples`` (:func:`training_example`).

    Minimises ``mean_g(-log P_g(y_g)) + l2 · |w|²`` by ``steps`` steps of gradient descent of size ``rate``
    from w = 0, on features standardised by their mean and standard deviation over all candidate rows (a
    feature that never varies gets scale 1). Deterministic: no random start, no shuffling.

    Examples
    --------
    >>> x1 = np.array([[0.0, 1.0], [1.0, 0.0]]); x2 = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]])
    >>> m = fit_title_model([(x1, 0), (x2, 1)], steps=200)
    >>> m.weights[1] > 0 > m.weights[0]  # the headline always has the second feature, never the first
    True
    """
    rows = np.vstack([x for x, _ in examples])
    mean = rows.mean(axis=0)
    scale = rows.std(axis=0)
    scale[scale < 1e-9] = 1.0
    zs = [((x - mean) / scale, y) for x, y in examples]
    w = np.zeros(rows.shape[1])
    for _ in range(steps):
        grad = 2 * l2 * w
        for z, y in zs:
            p = _softmax(z @ w)
            p[y] -= 1.0
            grad += (z.T @ p) / len(zs)
        w -= rate * grad
    return TitleModel(tuple(float(round(v, 6)) for v in w), tuple(float(round(v, 6)) for v in mean),
                      tuple(float(round(v, 6)) for v in scale), swap_min, keep_max)


def model_document(model: TitleModel, provenance: dict[str, object]) -> str:
    """The JSON text of ``data/title_model.json`` for ``model`` (keys sorted, two-space indent, a final newline)."""
    doc = {"features": list(FEATURE_NAMES), "weights": list(model.weights), "mean": list(model.mean),
           "scale": list(model.scale), "swap_min": model.swap_min, "keep_max": model.keep_max,
           "provenance": provenance}
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def rerank_title(lines: list[str], title: str | None, standfirst: str | None, body: list[tuple[int, str, bool]],
                 removed: list[Removed], lex: FurnitureLexicon, *, dated: bool,
                 model: TitleModel | None = None) -> HeaderChoice:
    """Replace the rules' ``title`` by the model's headline when the model is confident.

    The rules' choice stands unless it is one of the page's candidates, the model's best candidate above the first
    paragraph the rules kept in the body (and no numbered copy of its neighbours,
    :func:`~.title_features.is_numbered_copy`) is another line with probability ``swap_min`` or more, and the rules'
    title has ``keep_max`` or less (:data:`~.headline_support.UNSUPPORTED_KEEP_MAX` when the story under the best
    line takes up none of the title's words, :func:`~.headline_support.is_unsupported`, or a byline stands between
    them). A deck, the rules' title or the model's best line, yields to the headline right over it
    (:func:`~.headline_support.headline_over`). Before that, an entry's headword
    (:func:`~.headline_support.headword_line`) replaces no title or one that shares no word with the lead. The old
    title is logged as removed (a byline, a date line or a site header by its shape), or is the standfirst when it
    is the line right under the new headline (or under its byline and date block), has six words or more and is no
    byline nor date; a standfirst above the new headline is removed as a site header; the line right under the new
    headline, removed as a header line or left in the body while no paragraph, of six words or more and no byline,
    date or field, is the standfirst when none is; body lines down to the new headline are removed as site header.
    ``model`` defaults to :func:`default_title_model`.

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> lines = ["Home | World | Asia", "Japan protests Russian drills off Kunashir",
    ...          "Japan lodged a protest with Moscow on Monday over Russian military drills on Kunashir, the foreign "
    ...          "ministry said, calling the exercises unacceptable."]
    >>> cands, x = page_features(lines, default_furniture())
    >>> sure = TitleModel(tuple(10.0 if n == "lead_overlap" else 0.0 for n in FEATURE_NAMES),
    ...                   tuple(0.0 for _ in FEATURE_NAMES), tuple(1.0 for _ in FEATURE_NAMES))
    >>> choice = rerank_title(lines, "Home | World | Asia", None, [(3, lines[2], False)], [], default_furniture(),
    ...                       dated=False, model=sure)
    >>> choice.title, [(r.line, r.reason) for r in choice.removed]
    ('Japan protests Russian drills off Kunashir', [(1, 'site header')])
    """
    unchanged = HeaderChoice(title, standfirst, body, removed)
    model = default_title_model() if model is None else model
    cands, x = page_features(lines, lex)
    head = headword_line(cands, lines)
    if head is not None and (title is None or not stems(title) & {w[:STEM_LETTERS] for w in lead_words(lines)}):
        # an entry of a reference work: the headword its first sentence defines, over no title or a line that
        # shares no word with the entry (an infobox row, a page counter)
        choice = _to_headword(lines, title, standfirst, body, removed, head, dated)
        if choice is not None:
            return choice
    if title is None:
        return _title_where_none(lines, standfirst, body, removed, lex, dated, model)
    if len(cands) < 2:
        return unchanged
    mine = next((i for i, (_, text) in enumerate(cands) if _key(text) == _key(title)), None)
    if mine is None:
        return unchanged
    p = headline_probabilities(x, model)
    # a headline stands over the story: never under the first paragraph the rules kept in the body
    top = next((number for number, line, _ in body if is_paragraph(line)), len(lines) + 1)
    texts = [text for _, text in cands]
    # a gallery's numbered image names ("Rally in Nemuro1", "Rally in Nemuro2") are never the headline
    linked = {r.line for r in removed if r.reason in LINK_REASONS}  # ... nor another story's, listed as a link
    allowed = [i for i, (number, text) in enumerate(cands) if number < top and not is_numbered_copy(text, texts)
               and number not in linked]
    if not allowed:
        return unchanged
    if (up := headline_over(cands, mine, lex)) is not None and up in allowed:  # the rules took a headline's deck
        return _swap(lines, title, standfirst, body, removed, cands[up][0], dated)
    best = max(allowed, key=lambda i: p[i])
    sure = p[best]  # ... and so may the model: the headline right over its line stands in for it
    best = up if (up := headline_over(cands, best, lex)) is not None and up in allowed else best
    # a headline sums up its story: a title none of whose words the lead takes up, under a line that shares
    # several, is a site's line (its tagline, a notice, a section's name, a counter) and is vetoed more readily
    lead = lead_words(lines[cands[best][0]:])  # the story under the line (a section's blurb over it is none)
    # ... but a short headline right over a longer line is a headline over its deck, whatever the lead says
    over_deck = len(cands[best][1].split()) > len(title.split()) and cands[best][0] > cands[mine][0] \
        and not any(line.strip() for line in lines[cands[mine][0]:cands[best][0] - 1])
    unsupported = is_unsupported(title, cands[best][1], lead) and not over_deck
    # a headline stands over its byline: the model's best line over the writer's name, the title under it
    under_byline = any(cands[best][0] < number < cands[mine][0] and (is_writers_line(text) or is_person_name(text))
                       for number, text in cands)
    keep_max = max(model.keep_max, UNSUPPORTED_KEEP_MAX) if unsupported or under_byline else model.keep_max
    if best == mine or sure < model.swap_min or p[mine] > keep_max:
        return unchanged
    if cands[best][0] > cands[mine][0] and (has_headline_verb(title, lex) or over_deck and ARTICLE_OPENING_RE.fullmatch(title)) \
            and not is_no_title(title, lex) and not unsupported:
        return unchanged  # a short headline with its verb ("Talks stalled") or a magazine's over its deck stays
    if cands[best][0] > cands[mine][0] and item_page_start([(cands[mine][0], title, True), *body], removed, lex) == 1:
        return unchanged  # a topic page's heading over its dated items: the first item's headline is not the page's
    return _swap(lines, title, standfirst, body, removed, cands[best][0], dated)


#: Reasons of the lines the rules removed as links to other stories: none is the page's headline.
LINK_REASONS = frozenset({"related links", "headline list"})
#: A magazine's short headline: an article and up to four words ("A frozen frontier"; not "The Statesman · 2019").
ARTICLE_OPENING_RE = re.compile(r"(?:A|An|The)(?:\s+[A-Za-z’'-]+){1,4}")
#: When the rules found no title, the model's best line is the headline only with at least this probability.
NO_TITLE_MIN = 0.5


def _title_where_none(lines: list[str], standfirst: str | None, body: list[tuple[int, str, bool]],
                      removed: list[Removed], lex: FurnitureLexicon, dated: bool, model: TitleModel) -> HeaderChoice:
    """The model's headline on a page where the rules found none (see :func:`rerank_title`): its best candidate in
    the body, above the story's first paragraph (there must be one), of probability :data:`NO_TITLE_MIN` or more
    (the copies of a line printed twice adding up), no certain non-title
    (:func:`~.shape.is_no_title`), not run on into a lower-case line (a hard-wrapped paragraph), with no standfirst
    chosen; the body's lines above it are removed as site header."""
    unchanged = HeaderChoice(None, standfirst, body, removed)
    if standfirst is not None or len(body) < 2:
        return unchanged
    cands, x = page_features(lines, lex)
    if len(cands) < 2:
        return unchanged
    p = headline_probabilities(x, model)
    # the headline printed twice is one choice: each copy counts with the probability of all
    share: dict[str, float] = {}
    for (_, text), q in zip(cands, p):
        share[_key(text)] = share.get(_key(text), 0.0) + float(q)
    p = np.asarray([share[_key(text)] for _, text in cands])
    top = next((number for number, line, _ in body if is_paragraph(line)), None)
    if top is None:
        return unchanged  # a headline stands over a story's paragraph: a page of short lines keeps no title
    texts = [text for _, text in cands]
    in_body = {number for number, _, _ in body}
    allowed = [i for i, (number, text) in enumerate(cands)
               if number < top and number in in_body and not is_numbered_copy(text, texts)]
    if not allowed:
        return unchanged
    best = max(allowed, key=lambda i: p[i])
    head = cands[best][0]
    following = lines[head].strip() if head < len(lines) else ""
    if p[best] < max(model.swap_min, NO_TITLE_MIN) or is_no_title(cands[best][1], lex) \
            or dated and head == body[0][0] or following[:1].islower():
        return unchanged  # a line that runs on into a lower-case line is a hard-wrapped paragraph's, no headline
    out = list(removed)
    new_body = body_under_headline(body, head, dated, out)
    if not new_body:
        return unchanged
    out.sort(key=lambda r: r.line)
    return HeaderChoice(cands[best][1], None, new_body, out)


def _to_headword(lines: list[str], title: str | None, standfirst: str | None, body: list[tuple[int, str, bool]],
                 removed: list[Removed], head: int, dated: bool) -> HeaderChoice | None:
    """Make the headword at line ``head`` the title (see :func:`rerank_title`); None when no body would be left."""
    if title is not None:
        return _swap(lines, title, standfirst, body, removed, head, dated)
    out = [r for r in removed if r.line != head]
    new_body = body_under_headline(body, head, dated, out)
    if not new_body or standfirst is not None:
        return None
    return HeaderChoice(lines[head - 1].strip(), None, new_body, sorted(out, key=lambda r: r.line))


#: A byline and date block under a headline: at most this many lines, bylines, dates or lines removed so.
BYLINE_BLOCK_LINES = 3
BYLINE_BLOCK_REASONS = frozenset({"byline", "date line", "site header"})


def _swap(lines: list[str], title: str, standfirst: str | None, body: list[tuple[int, str, bool]],
          removed: list[Removed], head: int, dated: bool) -> HeaderChoice:
    """Make line ``head`` the title (see :func:`rerank_title`)."""
    body_numbers = {number for number, _, _ in body}
    taken = body_numbers | {r.line for r in removed}
    title_number = line_of(title, lines, taken)
    standfirst_number = line_of(standfirst, lines, taken | ({title_number} if title_number else set()))
    reasons = {r.line: r.reason for r in removed}
    new_title = lines[head - 1].strip()
    if dated and body and head >= body[0][0]:
        return HeaderChoice(title, standfirst, body, removed)  # the dateline's paragraph is never a headline
    out = [r for r in removed if r.line != head]
    new_standfirst = standfirst
    if standfirst_number == head or (standfirst_number is not None and standfirst_number < head):
        if standfirst_number is not None and standfirst_number < head:
            out.append(Removed(standfirst_number, standfirst or "", "site header"))
        new_standfirst = None
    under = next((i for i in range(head + 1, len(lines) + 1) if lines[i - 1].strip()), None)
    old = title
    deck_shaped = len(old.split()) >= 6
    between = [(i, lines[i - 1].strip()) for i in range(head + 1, title_number or 0) if lines[i - 1].strip()]
    byline_block = title_number is not None and title_number > head and len(between) <= BYLINE_BLOCK_LINES and all(
        reasons.get(i) in BYLINE_BLOCK_REASONS or is_writers_line(text) or is_person_name(text) or is_dated_line(text)
        for i, text in between)
    if title_number is not None and (title_number == under or byline_block) and new_standfirst is None and deck_shaped \
            and not (is_writers_line(old) or is_person_name(old) or is_dated_line(old) or LABEL_RE.match(old)):
        new_standfirst = old  # the rules took the headline's deck for the headline
    elif title_number is not None:
        reason = "byline" if is_person_name(old) and not old.isupper() or is_writers_line(old) \
            else "date line" if is_dated_line(old) else "site header"
        out.append(Removed(title_number, old, reason))
    body_numbers = {number for number, _, _ in body}
    if new_standfirst is None and under is not None and (reasons.get(under) in HEADER_REASONS or (
            under in body_numbers and not (dated and under == body[0][0]) and len(body) > 1
            and not is_paragraph(lines[under - 1].strip()))):
        # the line under the new headline, taken for the masthead or left in the body while it is no paragraph
        deck = lines[under - 1].strip()
        if len(deck.split()) >= 6 and not LABEL_RE.match(deck) and not is_dated_line(deck) \
                and not is_writers_line(deck):
            out = [r for r in out if r.line != under]
            new_standfirst = deck
            body = [b for b in body if b[0] != under]
    new_body = body_under_headline(body, head, dated, out)
    if not new_body:
        return HeaderChoice(title, standfirst, body, removed)
    out.sort(key=lambda r: r.line)
    return HeaderChoice(new_title, new_standfirst, new_body, out)
