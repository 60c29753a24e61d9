"""The token stream kept on disk beside a loaded corpus's Arrow cache (kuril_research.tokens.persist)."""

from __future__ import annotations

from dataclasses import fields, replace

import numpy as np
import pytest

from kuril_research.corpus import load_corpus, write_corpus
from kuril_research.tokens import persist
from kuril_research.tokens.build import build_stream, stream_of
from kuril_research.tokens.stream import TokenStream

from .conftest import ROOT


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The embedded corpus built into a fresh folder (its tables are small: cache=True makes the Arrow copies)."""
    out = tmp_path_factory.mktemp("tokcache") / "processed"
    write_corpus(ROOT / "data" / "raw", ROOT / "data" / "raw" / "manifest.csv", out)
    return out


def _streams(folder):
    return sorted(p.name for p in (folder / ".arrow-cache").glob(f"{persist.PREFIX}*"))


def _same(a: TokenStream, b: TokenStream) -> None:
    for f in fields(TokenStream):
        if f.name.startswith("_") or f.name == "text":
            continue
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, np.ndarray):
            assert x.dtype == y.dtype and x.shape == y.shape and (x == y).all(), f.name
        else:
            assert x == y, f.name


def test_a_new_process_reads_the_stream_written_by_the_first(built):
    first = load_corpus(built, cache=True)
    assert _streams(built) == []
    written = stream_of(first)
    (name,) = _streams(built)
    again = load_corpus(built, cache=True)          # another Corpus object: as a new process sees it
    read = stream_of(again)
    assert isinstance(read.doc.base, np.memmap)     # mapped from the file, not built
    _same(read, written)
    _same(read, build_stream(again))
    assert _streams(built) == [name]


def test_an_edited_or_replaced_column_is_never_read_from_disk(built):
    corpus = load_corpus(built, cache=True)
    stream_of(corpus)
    before = _streams(built)
    corpus.sentences.loc[0, "sent_id"] = 1000                # a number edited in place: another key
    edited = stream_of(corpus)
    _same(edited, build_stream(corpus))
    assert not isinstance(edited.doc.base, np.memmap) and _streams(built) != before
    replaced = load_corpus(built, cache=True)
    replaced.documents = replaced.documents.assign(text=replaced.documents["text"].str.replace("Iturup", "Iturup"))
    assert persist.stream_key(replaced, {"documents": ["doc_id", "text"]}) is None   # not read from the copy


def test_no_stream_is_kept_without_the_arrow_cache(built):
    corpus = load_corpus(built, cache=False)
    assert persist.stream_key(corpus, {"documents": ["doc_id", "text"]}) is None


def test_selecting_every_document_copies_nothing_and_shares_nothing_edited(built):
    from kuril_research.analysis.selection import select_documents

    corpus = load_corpus(built, cache=True)
    everything = select_documents(corpus)
    columns = {"documents": ["doc_id", "text"]}
    assert persist.stream_key(everything, columns) == persist.stream_key(corpus, columns) is not None
    everything.sentences.loc[0, "sent_id"] = 1000          # copy-on-write: the loaded corpus keeps its value
    assert corpus.sentences.loc[0, "sent_id"] != 1000
    some = select_documents(corpus.__class__(**{**vars(corpus), "documents": corpus.documents.assign(
        outlet=["A"] + ["B"] * (len(corpus.documents) - 1))}), outlets=["B"])
    assert persist.stream_key(some, columns) is None         # a subset is a copy: its stream is built in memory


def test_two_slices_of_the_mapped_columns_have_different_keys(built):
    corpus = load_corpus(built, cache=True)
    columns = {"documents": ["doc_id", "text"]}
    first, second = (replace(corpus, documents=corpus.documents.iloc[i:i + 2].reset_index(drop=True)) for i in (0, 2))
    assert None is not persist.stream_key(first, columns) != persist.stream_key(second, columns)
    _same(stream_of(second), build_stream(second))


def test_a_relative_path_to_the_corpus_finds_the_same_stream(built, monkeypatch):
    columns = {"documents": ["doc_id", "text"], "sentences": ["doc_id", "start", "end"]}
    absolute = persist.stream_key(load_corpus(built, cache=True), columns)
    monkeypatch.chdir(built.parent)
    relative = persist.stream_key(load_corpus(built.name, cache=True), columns)
    assert relative[1] == absolute[1] and relative[0].resolve() == absolute[0]
