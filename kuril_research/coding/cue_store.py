"""Cue codings kept on disk beside a loaded corpus's Arrow cache: each lexicon codes a corpus once.

Scanning every sentence of 100,000 articles for the cues of the frame codebook
or the trade lexicon, then applying the context rules, takes minutes; every
report notebook and every JupyterLab session would pay it again. Instead,
:func:`cue_matches` (the table of :meth:`CueLexicon.match
<kuril_research.matching.cue_lexicon.CueLexicon.match>`) and :func:`coded_table`
(a table made from it, such as :func:`~kuril_research.coding.framing.frames` or
:func:`~kuril_research.coding.trade.trade_mentions`) write their table once to
``<corpus>/.arrow-cache/cues-<lexicon>-<place>-<table>-<key>.arrow`` (Arrow IPC,
uncompressed, with pandas' dtypes) and, in any later process, memory-map it from
there: nothing is scanned, strings are not copied. Within a process the tables
are also remembered in memory (:mod:`kuril_research.memo`), the warm layer.

The key is a SHA-256 of everything the table is made from, so a stale table is
never read:

* the lexicon: its file's bytes (:attr:`CueLexicon.sha256`; cue lexicons include
  no other file) and every cue as compiled (entry, kind, text, polarity, regex,
  and the ``exclude`` patterns), so a lexicon made in code or under other loading
  rules has a key of its own; a derived table also covers the lexicon's other keys
  (``enders``, ``speaker_sides``...), which are in its file;
* the code: the source of :data:`SOURCES` (the whole ``matching`` engine, the
  lexicon loader, the YAML reader, this module; for a derived table every module of
  ``coding``), :data:`FORMAT`, and the Python and Unicode versions (``str.lower``, ``\\w``);
* the corpus tables read, column by column (``sentences``: ``doc_id, sent_id,
  para_id, start, text``; ``quotes`` too for a derived table): a column read from
  the corpus's memory-mapped Arrow copy by that copy's key
  (:func:`~kuril_research.corpus.arrow_cache.mapped_from`: its Parquet files' paths,
  sizes, inodes and times; a rebuilt corpus has new keys), another Arrow column by a
  SHA-256 of its buffers, a number column (which can be edited in place) by a
  SHA-256 of its values.

A changed lexicon (or code) recodes; an unchanged one never does. Tables are kept
only for a corpus whose sentences' ``text`` is read from a memory-mapped Arrow
copy, which gives the folder (:func:`~kuril_research.corpus.load_corpus` makes them
for tables of 1 MiB or more, or with ``cache=True``): a corpus built in memory
(:func:`~kuril_research.corpus.corpus_from_texts`), loaded with ``cache=False``, or
whose folder cannot be written is coded in memory only.

A table is written under a temporary name and renamed into place, so a reader
sees a whole table or none. **Old keys are pruned**: after writing, the tables of
the same lexicon file (name and full path: ``<lexicon>-<place>``) and the same
table under other keys are removed, so editing a codebook twenty times leaves one
table of each kind, while the shipped codebook and a researcher's copy elsewhere
keep theirs side by side. String columns that repeat their values (cue, entry,
document id) are dictionary-encoded on disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
import unicodedata
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
import pyarrow as pa

from kuril_research import memo
from kuril_research.corpus import Corpus
from kuril_research.corpus.arrow_cache import CACHE_DIR, mapped_from, table_identity
from kuril_research.corpus.provenance import modules_sha256
from kuril_research.matching.cue_lexicon import CueLexicon

__all__ = ["FORMAT", "SOURCES", "DERIVED_SOURCES", "PREFIX", "MATCH_COLUMNS", "CueStore", "cue_matches",
           "coded_table", "store_for", "code_sha256", "lexicon_sha256"]

#: Changed whenever the layout of a stored table changes; part of every key.
FORMAT = 1
#: The modules (globs relative to the package) whose source decides the matches; hashed into every key.
SOURCES = ("matching/*.py", "coding/lexicon_files.py", "coding/cue_store.py", "lexicons.py")
#: What a table derived from the matches depends on besides: the context, voice and coding rules.
DERIVED_SOURCES = ("coding/*.py", "schema.py")
#: Name prefix of a stored table inside the Arrow cache folder.
PREFIX = "cues-"
#: The sentences columns a match depends on (those :meth:`CueLexicon.match` reads).
MATCH_COLUMNS = ("doc_id", "sent_id", "para_id", "start", "text")
#: A temporary file older than this was left by a writer that was killed, and is removed.
STALE_TMP_SECONDS = 3600



@cache
def code_sha256(sources: tuple[str, ...] = SOURCES) -> str:
    """SHA-256 of the source of the modules ``sources``, with :data:`FORMAT` and the Python and Unicode versions.

    Examples
    --------
    >>> len(code_sha256()), code_sha256() == code_sha256(SOURCES + DERIVED_SOURCES)
    (64, False)
    """
    versions = [FORMAT, sys.version_info[:2], unicodedata.unidata_version, modules_sha256(sources)]
    return hashlib.sha256(json.dumps(versions).encode()).hexdigest()


def lexicon_sha256(lexicon: CueLexicon) -> str:
    """SHA-256 of a lexicon as it codes: its file's hash and every cue as compiled.

    Examples
    --------
    >>> from kuril_research.coding.lexicon_files import FRAMES, TRADE, cue_lexicon
    >>> lexicon_sha256(cue_lexicon(FRAMES)) == lexicon_sha256(cue_lexicon(FRAMES))
    True
    >>> lexicon_sha256(cue_lexicon(FRAMES)) == lexicon_sha256(cue_lexicon(TRADE))
    False
    """
    cues = [[c.entry, c.kind, c.text, c.polarity, c.regex] for c in (*lexicon.cues, *lexicon.excluded)]
    return hashlib.sha256(json.dumps([lexicon.sha256, cues]).encode()).hexdigest()


@dataclass(frozen=True)
class CueStore:
    """The file that holds (or will hold) one table coded with one lexicon from one corpus's content."""

    file: Path

    def read(self, columns: Sequence[str] | None = None) -> pd.DataFrame | None:
        """The stored table, memory-mapped (strings are not copied); None when missing or unreadable.

        ``columns``: only these columns, in this order (None: all); the others are never decoded,
        which is what keeps a caller that needs a table's keys from holding its strings. None
        also when a column asked for is not stored.
        """
        try:
            with pa.memory_map(str(self.file)) as source:
                table = pa.ipc.open_file(source).read_all()
            if columns is not None:
                table = table.select(list(columns))
            for i, column in enumerate(table.columns):
                if pa.types.is_dictionary(column.type):
                    table = table.set_column(i, table.field(i).name, column.cast(column.type.value_type))
            return table.to_pandas()
        except (OSError, pa.ArrowException, ValueError, TypeError, KeyError):
            return None

    def write(self, table: pd.DataFrame) -> None:
        """Keep ``table`` in :attr:`file` (temporary name, then renamed); prune its other keys.

        Nothing happens when the folder cannot be written (read-only, disk full).
        """
        tmp = self.file.with_name(f".{self.file.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            data = _compact(pa.Table.from_pandas(table))
            self.file.parent.mkdir(exist_ok=True)
            with pa.OSFile(str(tmp), "wb") as sink, pa.ipc.new_file(sink, data.schema) as writer:
                writer.write_table(data)
            os.replace(tmp, self.file)
        except (OSError, pa.ArrowException, ValueError, TypeError):
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
            return
        _prune(self.file)


def _compact(table: pa.Table) -> pa.Table:
    """``table`` with each string column that repeats its values (cue, entry, doc_id...) dictionary-encoded.

    :meth:`CueStore.read` decodes them, so the pandas table read is the one written.
    """
    columns = []
    for column in table.columns:
        if pa.types.is_large_string(column.type) or pa.types.is_string(column.type):
            encoded = column.combine_chunks().dictionary_encode()   # one dictionary: IPC files cannot replace it
            column = encoded if 2 * len(encoded.dictionary) <= len(encoded) else column
        columns.append(column)
    return pa.Table.from_arrays(columns, names=table.column_names).replace_schema_metadata(table.schema.metadata)


def _prune(keep: Path) -> None:
    """Remove ``keep``'s table under other keys, and temporary files left by killed writers."""
    family = keep.name.rsplit("-", 1)[0]
    now = time.time()
    for other in keep.parent.glob(f"{family}-*.arrow"):
        if other != keep and other.name.rsplit("-", 1)[0] == family:
            try:
                other.unlink()      # a process that has it mapped keeps reading it until it lets go
            except OSError:
                pass
    for tmp in keep.parent.glob(f".{PREFIX}*.tmp"):
        try:
            if now - tmp.stat().st_mtime > STALE_TMP_SECONDS:
                tmp.unlink()
        except OSError:
            pass


def _family(lexicon: CueLexicon, what: str) -> str:
    """``cues-<file stem>-<place>-<what>``: one table of one lexicon file (place: a hash of the file's full path)."""
    stem = "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in lexicon.path.stem) or "lexicon"
    place = hashlib.sha256(str(Path(lexicon.path).resolve()).encode()).hexdigest()[:8]
    return f"{PREFIX}{stem}-{place}-{what}"


def store_for(corpus: Corpus, lexicon: CueLexicon, what: str = "matches",
              tables: Mapping[str, Sequence[str] | None] | None = None) -> CueStore | None:
    """The on-disk store of one table coded with ``lexicon`` from a corpus, or None when none can be kept.

    Parameters
    ----------
    corpus : Corpus
    lexicon : CueLexicon
    what : str, default "matches"
        The table's name (lower case, digits, underscores): ``"matches"`` for :func:`cue_matches`.
    tables : mapping, optional
        Corpus table → the columns the table is made from (None: all); default ``sentences``'
        :data:`MATCH_COLUMNS`. Any other name than ``"matches"`` is a derived table
        (:data:`DERIVED_SOURCES` join the key).

    Returns
    -------
    CueStore or None
        None unless ``sentences.text`` is read from a memory-mapped Arrow copy (module docstring).

    Examples
    --------
    >>> from kuril_research.testing import corpus_of_sentences
    >>> from kuril_research.coding.lexicon_files import FRAMES, cue_lexicon
    >>> store_for(corpus_of_sentences({"a": [["In memory."]]}), cue_lexicon(FRAMES)) is None
    True
    """
    text = corpus.sentences["text"].array if "text" in corpus.sentences.columns else None
    home = mapped_from(text.__arrow_array__()) if isinstance(text, pd.arrays.ArrowExtensionArray) else None
    if home is None:
        return None
    identity: list = []
    for name, columns in (tables or {"sentences": MATCH_COLUMNS}).items():
        frame = getattr(corpus, name)
        found = table_identity(frame, list(frame.columns) if columns is None else columns)
        if found is None:
            return None
        identity.append([name, found])
    sources = SOURCES if what == "matches" else SOURCES + DERIVED_SOURCES
    key = hashlib.sha256(json.dumps([what, code_sha256(sources), lexicon_sha256(lexicon), identity]).encode())
    return CueStore(home[0] / CACHE_DIR / f"{_family(lexicon, what)}-{key.hexdigest()[:16]}.arrow")


def cue_matches(corpus: Corpus, lexicon: CueLexicon, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """``lexicon.match(corpus.sentences)``, read from the corpus's stored table when one is current, else kept there.

    Parameters
    ----------
    corpus : Corpus
    lexicon : CueLexicon
    columns : sequence of str, optional
        Only these columns (see :func:`coded_table`); default all.

    Returns
    -------
    DataFrame
        Equal, column for column and dtype for dtype, to :meth:`CueLexicon.match` of ``corpus.sentences``.

    Examples
    --------
    >>> from kuril_research.testing import corpus_of_sentences, peace_treaty_codebook
    >>> from kuril_research.coding.lexicon_files import load_cue_lexicon
    >>> lex = load_cue_lexicon(peace_treaty_codebook(), section="frames")
    >>> c = corpus_of_sentences({"a": [["The peace treaty talks."]]})
    >>> cue_matches(c, lex)[["cue", "start", "end"]]
                                        cue  start  end
    0  peace treaty (?:talks|negotiations?)      4   22
    """
    return coded_table(corpus, lexicon, "matches", lambda: lexicon.match(corpus.sentences),
                       tables={"sentences": MATCH_COLUMNS}, columns=columns)


_CODED = memo.Memo()


def coded_table(corpus: Corpus, lexicon: CueLexicon, what: str, make: Callable[[], pd.DataFrame], *,
                tables: Mapping[str, Sequence[str] | None],
                columns: Sequence[str] | None = None) -> pd.DataFrame:
    """``make()``: a table coded with ``lexicon`` from the corpus tables ``tables``, remembered and kept on disk.

    Remembered in memory while those columns are unchanged (:mod:`kuril_research.memo`), read
    from the corpus's stored table when one is current, else made and kept there.

    Parameters
    ----------
    corpus : Corpus
    lexicon : CueLexicon
    what : str
        The table's name, e.g. ``"frames"``; one table per name and lexicon.
    make : callable
        Makes the table in memory from ``corpus`` and ``lexicon`` alone.
    tables : mapping
        Corpus table → the columns ``make`` reads (None: all); ``sentences`` must be one.
    columns : sequence of str, optional
        Only these columns of the table, in this order; default all. When the whole table is
        not in memory but is stored, only these columns are read from the file (and remembered
        under their own key): a caller that needs a table's keys does not hold its strings.

    Returns
    -------
    DataFrame
        A shallow copy (copy-on-write) of the table ``make()`` returns, or returned before
        (of its ``columns`` only, when given).

    Examples
    --------
    >>> from kuril_research.testing import corpus_of_sentences
    >>> from kuril_research.coding.lexicon_files import FRAMES, cue_lexicon
    >>> c = corpus_of_sentences({"a": [["Sanctions."]]})
    >>> calls = []
    >>> def make():
    ...     calls.append(1)
    ...     return pd.DataFrame({"n": [len(c.sentences)]})
    >>> for _ in range(2):
    ...     _ = coded_table(c, cue_lexicon(FRAMES), "count", make, tables={"sentences": ["text"]})
    >>> len(calls)
    1
    >>> list(coded_table(c, cue_lexicon(FRAMES), "count", make, tables={"sentences": ["text"]}, columns=["n"]))
    ['n']
    """
    token = memo.fingerprint(*((getattr(corpus, name), list(getattr(corpus, name).columns) if cols is None
                                else list(cols)) for name, cols in tables.items()))
    found = _CODED.get(corpus.sentences, (what, lexicon), token)
    if found is None and columns is not None:
        part = _CODED.get(corpus.sentences, (what, lexicon, tuple(columns)), token)
        if part is None:
            store = store_for(corpus, lexicon, what, tables)
            part = store.read(columns) if store is not None else None
            if part is not None:
                _CODED.put(corpus.sentences, (what, lexicon, tuple(columns)), token, part)
        if part is not None:
            return part.copy(deep=False)
    if found is None:
        store = store_for(corpus, lexicon, what, tables)
        found = store.read() if store is not None else None
        if found is None:
            found = make()
            if store is not None:
                store.write(found)
        _CODED.put(corpus.sentences, (what, lexicon), token, found)
    return (found if columns is None else found[list(columns)]).copy(deep=False)
