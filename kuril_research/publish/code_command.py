"""``kuril-research code``: code a built corpus's cues once, so that the report notebooks only aggregate.

The frame codebook's and the trade lexicon's cue codings of a corpus are kept
beside it, keyed by the lexicon file, the code and the corpus's content
(:mod:`kuril_research.coding.cue_store`): the first call of
:func:`~kuril_research.coding.framing.frames`,
:func:`~kuril_research.coding.trade.trade_mentions` or
:func:`~kuril_research.coding.trade.quantities` on a corpus scans every
sentence (minutes at 100,000 articles), every later one memory-maps the stored
table. This command makes that first call ahead of time, for the tables the
report notebooks read: an unchanged lexicon is not coded again, an edited one is.
A notebook run without it codes what it needs itself, with the same result.

Exit codes as the rest of the command line: 0 success, 2 bad corpus or lexicon
(the message names the file), 130 interrupted.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kuril_research import config
from kuril_research.coding import framing, trade
from kuril_research.coding.cue_store import PREFIX
from kuril_research.corpus import Corpus, load_corpus
from kuril_research.corpus.arrow_cache import CACHE_DIR

__all__ = ["STATES", "CodedTable", "code_corpus", "cli_code"]


#: What became of a table: coded now and kept, found kept and current, or coded but not kept
#: (a corpus in memory, tables under 1 MiB read without an Arrow copy, a folder that cannot be written).
STATES = ("coded and stored", "stored already, current", "coded in memory only")


@dataclass(frozen=True)
class CodedTable:
    """One table :func:`code_corpus` made or found: its name, rows, seconds and :data:`STATES` entry."""

    name: str
    rows: int
    seconds: float
    state: str

    def __str__(self) -> str:
        return f"{self.name}: {self.rows:,} rows, {self.state} ({self.seconds:.1f} s)"


def _stored(folder: Path | None, name: str) -> set[str]:
    if folder is None:
        return set()
    return {p.name for p in (folder / CACHE_DIR).glob(f"{PREFIX}*-{name}-*.arrow")}


def code_corpus(corpus: Corpus, folder: str | Path | None = None, *, codebook=None,
                lexicon=None) -> list[CodedTable]:
    """Code (or find stored and current) the frame and trade cue tables of ``corpus``.

    Parameters
    ----------
    corpus : Corpus
        Loaded with :func:`~kuril_research.corpus.load_corpus` (through its Arrow
        cache), so that the tables are kept beside it; a corpus in memory is coded
        in memory only.
    folder : str or Path, optional
        The corpus folder, to tell a table coded now from one stored before.
    codebook, lexicon : CueLexicon, str or Path, optional
        Frame codebook and trade lexicon; default: the shipped ones.

    Returns
    -------
    list of CodedTable
        ``frames``, ``trade_mentions``, then ``quantities`` (the figures stated with trade cues).

    Examples
    --------
    >>> from kuril_research.testing import corpus_of_sentences
    >>> corpus = corpus_of_sentences({"a": [["Sanctions hit Russia.", "Bilateral trade grew."]]})
    >>> [(t.name, t.rows) for t in code_corpus(corpus)]    # one cue of each lexicon in each sentence, no figure
    [('frames', 2), ('trade_mentions', 2), ('quantities', 0)]
    >>> code_corpus(corpus)[0].state
    'coded in memory only'

    """
    folder = Path(folder) if folder is not None else None
    steps: list[tuple[str, Callable[[], pd.DataFrame]]] = [
        ("frames", lambda: framing.frames(corpus, codebook)),
        ("trade_mentions", lambda: trade.trade_mentions(corpus, lexicon)),
        ("quantities", lambda: trade.quantities(corpus, lexicon)),
    ]
    done = []
    for name, make in steps:
        before = _stored(folder, name)
        started = time.perf_counter()
        table = make()
        seconds = time.perf_counter() - started
        after = _stored(folder, name)
        state = STATES[0] if after - before else STATES[1] if after else STATES[2]
        done.append(CodedTable(name, len(table), seconds, state))
        del table
    return done


def cli_code(args) -> int:
    """Run ``kuril-research code`` with parsed arguments; print one line per table; return 0."""
    folder = Path(args.corpus) if args.corpus is not None else config.processed_dir()
    started = time.perf_counter()
    corpus = load_corpus(folder)
    print(f"loaded {folder} ({time.perf_counter() - started:.1f} s)", flush=True)
    for table in code_corpus(corpus, folder, codebook=args.codebook, lexicon=args.lexicon):
        print(table, flush=True)
    print(f"cue tables of {folder}/{CACHE_DIR}/ ready ({time.perf_counter() - started:.1f} s in all)")
    return 0
