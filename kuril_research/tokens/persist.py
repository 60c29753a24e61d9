"""Keep the token stream of a loaded corpus on disk beside its Arrow cache, so that a new process maps it in.

Building the token stream of 100,000 articles takes a minute or more; every
notebook kernel and every JupyterLab session would pay it again. A corpus read
by :func:`~kuril_research.corpus.load_corpus` through its Arrow cache
(:func:`~kuril_research.corpus.arrow_cache.mapped_from`) instead gets its stream written
once to ``<corpus>/.arrow-cache/tokens-<key>/`` (one ``.npy`` file per column,
``strings.json`` for the small tables of distinct texts) and, in any later
process, memory-mapped from there: nothing is tokenised or copied, and pages are
read from the file when first used.

The key covers everything the stream is made from, so a stale stream is never
read:

* for each string column read from a memory-mapped Arrow copy, that copy's
  key (its Parquet files' paths, sizes, inodes, modification and change
  times: a rebuilt corpus has new keys); Arrow arrays are immutable, so a
  column whose buffers all lie in the copy's map holds what the copy holds. A
  string column of a table too small to be copied is hashed by value; a
  replaced large one (not in any map) means the stream is built in memory and
  not kept;
* a SHA-256 of the values of its number columns (offsets, ``sent_id``), which
  can be edited in place: an edited corpus gets a stream of its own;
* a SHA-256 of the source of the modules that turn text into the stream
  (:data:`SOURCES`) and :data:`FORMAT`: a change to the token rules rebuilds.

Files are written under a temporary name and renamed into place, so a reader
sees a whole stream or none; the streams of other keys are then removed. A
folder that cannot be written is simply not used. The cost on disk is about 26
bytes per token (1.3 GB for 100,000 articles of 500 words).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import fields
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from kuril_research.corpus import Corpus
from kuril_research.corpus.arrow_cache import CACHE_DIR, mapped_from, table_identity
from kuril_research.corpus.provenance import modules_sha256
from kuril_research.tokens.stream import TokenStream

__all__ = ["FORMAT", "SOURCES", "PREFIX", "stream_key", "load_or_build"]

#: Changed whenever the files' layout changes; part of every key.
FORMAT = 1
#: The modules whose source decides the stream's content (hashed into the key).
SOURCES = ("patterns.py", "lexer.py", "columns.py", "build.py", "stream.py", "persist.py")
#: Name prefix of a stream's folder inside the Arrow cache folder.
PREFIX = "tokens-"
#: Stream fields kept as JSON lists of strings (small tables of distinct values).
_STRINGS = ("doc_ids", "spellings", "voices", "speakers", "surfaces")
#: Stream fields not kept: ``text`` is the corpus's own column; the rest are worked out in memory.
_NOT_KEPT = {"text", "n_entities", "_views", "_forms", "_remembered", *_STRINGS}


@cache
def _code_sha256() -> str:
    return modules_sha256([f"tokens/{name}" for name in SOURCES])


def stream_key(corpus: Corpus, columns: dict[str, list[str]]) -> tuple[Path, str] | None:
    """(cache folder, key) of the corpus's stream on disk, or None when it cannot be kept there.

    None unless ``documents.text`` is read from a memory-mapped Arrow copy
    (:func:`~kuril_research.corpus.arrow_cache.mapped_from`): a corpus built in
    memory, loaded with ``cache=False`` or too small to be cached keeps nothing.
    """
    text = corpus.documents["text"].array if "text" in corpus.documents.columns else None
    home = mapped_from(text.__arrow_array__()) if isinstance(text, pd.arrays.ArrowExtensionArray) else None
    if home is None:
        return None
    identity: list = [FORMAT, _code_sha256()]
    for table, names in columns.items():
        found = table_identity(getattr(corpus, table), names)
        if found is None:
            return None
        identity.append([table, found])
    return home[0] / CACHE_DIR, hashlib.sha256(json.dumps(identity).encode()).hexdigest()[:16]


def _read(folder: Path, text: object) -> TokenStream | None:
    try:
        strings = json.loads((folder / "strings.json").read_text(encoding="utf-8"))
        arrays = {f.name: np.load(folder / f"{f.name}.npy", mmap_mode="r", allow_pickle=False).view(np.ndarray)
                  for f in fields(TokenStream) if f.name not in _NOT_KEPT}
    except (OSError, ValueError):
        return None
    return TokenStream(text=text, n_entities=strings.pop("n_entities"),
                       **{name: np.asarray(strings[name], dtype=object) for name in _STRINGS}, **arrays)


def _write(folder: Path, stream: TokenStream) -> None:
    tmp = folder.with_name(f".{folder.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        tmp.mkdir(parents=True)
        for f in fields(TokenStream):
            if f.name not in _NOT_KEPT:
                np.save(tmp / f"{f.name}.npy", np.ascontiguousarray(getattr(stream, f.name)), allow_pickle=False)
        strings = {name: [None if pd.isna(v) else str(v) for v in getattr(stream, name)] for name in _STRINGS}
        strings["n_entities"] = int(stream.n_entities)
        (tmp / "strings.json").write_text(json.dumps(strings), encoding="utf-8")
        os.replace(tmp, folder)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        return
    for other in folder.parent.glob(f"{PREFIX}*"):
        if other != folder and other.is_dir():
            shutil.rmtree(other, ignore_errors=True)   # a process that has it mapped keeps reading it


def load_or_build(corpus: Corpus, columns: dict[str, list[str]], build: Callable[[Corpus], TokenStream]) -> TokenStream:
    """The corpus's token stream from its folder on disk when one is current, else ``build(corpus)``, kept there.

    Parameters
    ----------
    corpus : Corpus
    columns : dict
        Table → the columns the stream is built from (:data:`~kuril_research.tokens.build.STREAM_COLUMNS`).
    build : callable
        Builds the stream in memory.

    Returns
    -------
    TokenStream
        Equal, array for array, to what ``build(corpus)`` returns.
    """
    where = stream_key(corpus, columns)
    if where is None:
        return build(corpus)
    cache_dir, key = where
    folder = cache_dir / f"{PREFIX}{key}"
    text = corpus.documents["text"].array
    if folder.is_dir():
        stream = _read(folder, text)
        if stream is not None:
            return stream
    stream = build(corpus)
    _write(folder, stream)
    return stream
