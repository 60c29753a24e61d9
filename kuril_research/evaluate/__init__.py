"""Measure how well kuril_research codes articles it was not tuned on, against hand-annotated gold.

:func:`evaluate` reads a gold folder (format: ``data/gold/FORMAT.md``;
:mod:`.gold`), builds its articles with the library itself, and compares:
names, voices, speakers, titles, standfirsts, datelines and furniture (:mod:`.names`),
frames and trade mentions (:mod:`.coding`). It returns tidy tables of scores
with 95 % bootstrap intervals (:mod:`.scores`, :mod:`.bootstrap`), the list of
errors and confusion tables. ``kuril-research evaluate GOLD_DIR`` prints them;
:func:`measured_accuracy` reads a saved measurement back (:mod:`.record`).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd

from kuril_research import config
from kuril_research.errors import ParameterError
from kuril_research.evaluate.gold import Gold, load_gold
from kuril_research.evaluate.record import MeasuredAccuracy, measured_accuracy
from kuril_research.evaluate.scores import counts_frame, score_table

__all__ = ["Evaluation", "evaluate", "load_gold", "measured_accuracy", "MeasuredAccuracy", "ERROR_COLUMNS",
           "default_gold_dir"]

ERROR_COLUMNS = ["file", "task", "label", "context", "got", "want", "reason"]
SPLITS = ("dev", "test", "all")
#: Order of the tasks in the score table.
TASKS = ("mentions", "voice", "speakers", "titles", "standfirsts", "datelines", "furniture", "frames", "trade",
         "trade_polarity", "quantities")


@dataclass
class Evaluation:
    """What :func:`evaluate` measured.

    Attributes
    ----------
    scores : DataFrame
        One row per task and label: ``task, label, kind`` (``prf`` or
        ``accuracy``), ``n_gold, n_pred, tp``, ``precision, recall, f1``
        (``prf`` rows), ``accuracy`` (``accuracy`` rows), ``ci_low, ci_high``
        (95 % percentile bootstrap interval over documents of F1, or of
        accuracy). Formulas: :mod:`kuril_research.evaluate.scores`.
    errors : DataFrame
        One row per error: ``file, task, label, context`` (the gold context or
        cue, when there is one), ``got, want, reason``.
    confusion : dict of str to DataFrame
        ``voice``: gold × predicted voice over found mentions; ``frames``:
        gold × predicted frame over coded sentences (tidy: ``gold, predicted,
        count``).
    counts : DataFrame
        The per-document counts behind ``scores``.
    split : str
    documents : list of str
        Gold files evaluated.
    gold_sha256 : str
        Hash of the gold folder's files.
    """

    scores: pd.DataFrame
    errors: pd.DataFrame
    confusion: dict[str, pd.DataFrame]
    counts: pd.DataFrame
    split: str
    documents: list[str]
    gold_sha256: str

    def summary(self) -> pd.DataFrame:
        """The score table rounded to 3 decimals, with the headline figure and its interval.

        ``score`` is F1 for ``prf`` rows and accuracy for ``accuracy`` rows.
        """
        table = self.scores.copy()
        table.insert(3, "score", table["f1"].where(table["kind"] == "prf", table["accuracy"]))
        keep = ["task", "label", "n_gold", "n_pred", "tp", "precision", "recall", "score", "ci_low", "ci_high"]
        return table[keep].round(3)

    def __repr__(self) -> str:
        return (f"Evaluation(split={self.split!r}, documents={len(self.documents)}, scores={len(self.scores)}, "
                f"errors={len(self.errors)})")


def default_gold_dir() -> Path:
    """The project's gold folder: ``data/gold``."""
    return config.project_root() / "data" / "gold"


def _build(gold: Gold):
    """Build the gold articles with the library (into a temporary folder) and load the tables."""
    from kuril_research.corpus import load_corpus, write_corpus

    with tempfile.TemporaryDirectory(prefix="kuril-gold-") as tmp:
        out = Path(tmp) / "processed"
        write_corpus(gold.articles, gold.manifest, out)
        return load_corpus(out, cache=False)


def evaluate(gold_dir: str | Path | None = None, *, split: Literal["test", "dev", "all"] = "test",
             replicates: int = 1000, seed: int = 0) -> Evaluation:
    """Score the library on a gold folder.

    The gold articles are built with :func:`kuril_research.corpus.write_corpus`
    (into a temporary folder), coded with :func:`kuril_research.coding.framing.frames`,
    :func:`kuril_research.coding.trade.trade_mentions` and
    :func:`kuril_research.coding.trade.quantities`, and compared with the annotation
    under the rules stated in :mod:`kuril_research.evaluate.names` (mentions,
    voice, speakers, titles, standfirsts, datelines, furniture) and
    :mod:`kuril_research.evaluate.coding` (frames, trade); formulas of the
    scores in :mod:`kuril_research.evaluate.scores` and of the intervals in
    :mod:`kuril_research.evaluate.bootstrap`.

    Parameters
    ----------
    gold_dir : str or Path, optional
        Gold folder (``manifest.csv``, ``articles/``, ``annotations/``,
        ``coding/``); default the project's ``data/gold``.
    split : {"test", "dev", "all"}
        Which annotated articles to score: tune on ``dev``, report ``test``.
    replicates, seed : int
        Bootstrap replicates and seed (same seed, same intervals).

    Returns
    -------
    Evaluation

    Raises
    ------
    InputError
        The gold folder is invalid (the message names the file, line and field).
    ParameterError
        An unknown split, or a split with no article.

    Examples
    --------
    >>> ev = evaluate(config.project_root() / "tests" / "fixtures" / "gold_mini", split="dev")
    >>> ev.documents
    ['m001.txt', 'm002.txt']
    >>> ev.scores.query("task == 'mentions'")[["label", "n_gold"]].values.tolist()[-2:]
    [['territory', 6], ['not_territory', 1]]
    """
    if split not in SPLITS:
        raise ParameterError(f"unknown split {split!r}", field="split", hint="use test, dev or all")
    gold = load_gold(gold_dir if gold_dir is not None else default_gold_dir())
    docs = gold.split(split)
    if not docs:
        raise ParameterError(f"the gold folder has no {split} article", path=gold.path, field="split",
                             hint="choose another split, or annotate some articles with it")
    from kuril_research.coding.framing import frames, load_codebook
    from kuril_research.ingest.gazetteer import load_gazetteer
    from kuril_research.coding.trade import load_lexicon, quantities, trade_mentions
    from kuril_research.ingest.voice import load_voice_lexicon
    from kuril_research.evaluate import coding, names

    corpus = _build(gold)
    by_file = dict(zip(corpus.documents["file"].astype(str), corpus.documents["doc_id"].astype(str)))
    doc_ids = {d.file: by_file.get(d.file, Path(d.file).stem) for d in docs}
    keep = set(doc_ids.values())
    texts = {str(k): str(v) for k, v in zip(corpus.documents["doc_id"], corpus.documents["text"]) if k in keep}
    codebook, lexicon = load_codebook(), load_lexicon()
    gazetteer = load_gazetteer()
    labels = dict(zip(gazetteer.entities["entity"].astype(str), gazetteer.entities["label"].astype(str)))

    counts: list[dict] = []
    errors: list[dict] = []
    for part in (names.score_mentions(texts, docs, doc_ids, corpus.mentions),):
        counts += part[0]
        errors += part[1]
    voice_counts, voice_errors, voice_pairs = names.score_voice(texts, docs, doc_ids, corpus.mentions,
                                                                load_voice_lexicon().sides)
    counts += voice_counts
    errors += voice_errors
    for part in (names.score_speakers(texts, docs, doc_ids, corpus.quotes, labels),
                 names.score_titles(docs, doc_ids, corpus.documents),
                 names.score_furniture(texts, docs, doc_ids)):
        counts += part[0]
        errors += part[1]
    frame_pairs: list = []
    if any(d.sentences is not None for d in docs):
        frame_counts, frame_errors, frame_pairs = coding.score_frames(texts, docs, doc_ids, corpus.sentences,
                                                                     frames(corpus, codebook), codebook.ids)
        trade_counts, trade_errors = coding.score_trade(texts, docs, doc_ids, corpus.sentences,
                                                        trade_mentions(corpus, lexicon), quantities(corpus, lexicon),
                                                        lexicon.ids)
        counts += frame_counts + trade_counts
        errors += frame_errors + trade_errors

    table = counts_frame(counts)
    order = {t: i for i, t in enumerate(TASKS)}
    table = table.iloc[sorted(range(len(table)), key=lambda i: order.get(table["task"].iat[i], len(TASKS)))]
    documents = [doc_ids[d.file] for d in docs]
    scores = score_table(table.reset_index(drop=True), documents, replicates=replicates, seed=seed)
    error_table = pd.DataFrame(errors, columns=ERROR_COLUMNS).astype("string")
    return Evaluation(
        scores=scores, errors=error_table,
        confusion={"voice": names.voice_confusion(voice_pairs),
                   "frames": coding.frame_confusion(frame_pairs, codebook.ids)},
        counts=table.reset_index(drop=True), split=split, documents=[d.file for d in docs],
        gold_sha256=gold.sha256)

