"""Cue matches and codings kept on disk beside a loaded corpus (kuril_research.coding.cue_store)."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from kuril_research import schema
from kuril_research.coding import cue_store, framing, trade
from kuril_research.coding.cue_store import PREFIX, cue_matches, store_for
from kuril_research.coding.lexicon_files import FRAMES, TRADE, cue_lexicon, load_cue_lexicon
from kuril_research.corpus import TABLE_NAMES, load_corpus
from kuril_research.corpus.arrow_cache import CACHE_DIR
from kuril_research.corpus.data import BUILD_RECORD, arrow_schema
from kuril_research.lexicons import data_path
from kuril_research.matching.scan import CueScan
from kuril_research.testing import corpus_of_sentences, peace_treaty_codebook

#: Two documents; by hand, with the peace-treaty codebook (cues ``peace treaty`` and
#: ``peace treaty (?:talks|negotiations?)``, longest match first):
#: a/0 "The peace treaty talks stalled."      -> "peace treaty talks" at 4–22
#: a/1 "Japan wants a peace treaty." (quoted) -> "peace treaty" at 46–58 (the sentence starts at 32)
#: b/0 "Tokyo joined the anti-Russian sanctions."   -> no peace-treaty cue
#: b/1 "Russia seized four fishing boats near Kunashir." -> no peace-treaty cue
#: The shipped codebook adds b/0's "anti-Russian sanctions" (sanctions_hostility) at 17–39; the trade
#: lexicon finds that (sanctions_restrictions) and b/1's "fishing boats" (fisheries, ended by "seized").
SENTENCES = {"a": [["The peace treaty talks stalled.", "Japan wants a peace treaty."]],
             "b": [["Tokyo joined the anti-Russian sanctions.", "Russia seized four fishing boats near Kunashir."]]}


def _hand_made():
    return corpus_of_sentences(SENTENCES, quotes=[("a", "Japan wants a peace treaty.", "kishida")])


def _write(corpus, folder):
    """Write a corpus's tables as a built corpus folder (Parquet and build.json)."""
    folder.mkdir(parents=True)
    for name in TABLE_NAMES:
        data = pa.Table.from_pandas(getattr(corpus, name), schema=arrow_schema(name), preserve_index=False)
        pq.write_table(data, folder / f"{name}.parquet")
    (folder / BUILD_RECORD).write_text(json.dumps({"schema_version": schema.SCHEMA_VERSION}), encoding="utf-8")
    return folder


@pytest.fixture
def folder(tmp_path):
    return _write(_hand_made(), tmp_path / "processed")


def _stored(folder, what="matches"):
    return sorted(p.name for p in (folder / CACHE_DIR).glob(f"{PREFIX}*-{what}-*.arrow"))


def _no_scan(monkeypatch):
    def boom(*args, **kwargs):
        raise AssertionError("the sentences were scanned")

    monkeypatch.setattr(CueScan, "find", boom)


def test_first_call_writes_one_table_and_a_fresh_load_reads_it_without_scanning(folder, monkeypatch):
    lexicon = load_cue_lexicon(peace_treaty_codebook(), section="frames")
    first = cue_matches(load_corpus(folder, cache=True), lexicon)
    assert first[["doc_id", "sent_id", "surface", "start", "end"]].values.tolist() == [
        ["a", 0, "peace treaty talks", 4, 22], ["a", 1, "peace treaty", 46, 58]]
    (name,) = _stored(folder)
    _no_scan(monkeypatch)
    again = cue_matches(load_corpus(folder, cache=True), lexicon)   # another Corpus: as a new process sees it
    pd.testing.assert_frame_equal(again, first, check_exact=True)
    assert _stored(folder) == [name]


def test_the_table_read_back_equals_a_fresh_scan(folder):
    lexicon = cue_lexicon(FRAMES)
    cue_matches(load_corpus(folder, cache=True), lexicon)
    read = store_for(load_corpus(folder, cache=True), lexicon).read()
    fresh = load_cue_lexicon(data_path("frames.yaml"), section="frames", entry_keys=FRAMES.entry_keys,
                             extras=FRAMES.extras).match(_hand_made().sentences)      # in memory: a scan
    assert fresh["surface"].tolist() == ["peace treaty talks", "peace treaty", "anti-Russian sanctions"]
    pd.testing.assert_frame_equal(read, fresh, check_exact=True)


def test_frames_and_trade_mentions_are_read_back_without_coding_again(folder, monkeypatch):
    corpus = load_corpus(folder, cache=True)
    hits, mentions = framing.frames(corpus), trade.trade_mentions(corpus)
    assert hits["frame"].tolist() == ["treaty_negotiation", "treaty_negotiation", "sanctions_hostility"]
    assert hits["voice"].tolist() == ["narrator", "quoted", "narrator"]
    assert mentions[["category", "polarity", "surface", "ended"]].values.tolist() == [
        ["sanctions_restrictions", "restriction", "anti-Russian sanctions", False],
        ["fisheries", "restriction", "fishing boats", True]]
    assert len(_stored(folder, "frames")) == len(_stored(folder, "trade_mentions")) == 1
    _no_scan(monkeypatch)
    monkeypatch.setattr(framing, "frames_in_context", None)     # no context rule is applied again either
    monkeypatch.setattr(trade, "mention_quantities", None)
    again = load_corpus(folder, cache=True)
    pd.testing.assert_frame_equal(framing.frames(again), hits, check_exact=True)
    pd.testing.assert_frame_equal(trade.trade_mentions(again), mentions, check_exact=True)
    assert framing.frame_profile(again)["frame_sentences"].sum() == 3
    assert trade.cooccurrence(again)["trade_units"].tolist() == [0, 1]     # sanctions talk is no trade unit
    fresh = load_corpus(folder, cache=True)     # nothing in memory: the columns alone are read from the file
    assert trade.trade_mentions(fresh, columns=["surface", "category"]).values.tolist() == [
        ["anti-Russian sanctions", "sanctions_restrictions"], ["fishing boats", "fisheries"]]


def test_an_added_cue_gives_a_new_key_and_its_matches(folder, tmp_path):
    path = tmp_path / "frames.yaml"
    shutil.copy(data_path("frames.yaml"), path)
    corpus = load_corpus(folder, cache=True)
    before = cue_matches(corpus, cue_lexicon(FRAMES, path))
    assert "Kunashir" not in before["surface"].tolist()
    old = store_for(corpus, cue_lexicon(FRAMES, path)).file
    text = path.read_text(encoding="utf-8")
    anchor = "  - id: return_of_islands\n"
    assert text.count(anchor) == 1
    path.write_text(text.replace(anchor, anchor + "    phrases: [kunashir]\n"), encoding="utf-8")
    edited = cue_lexicon(FRAMES, path)                   # the file changed: loaded again
    assert store_for(corpus, edited).file != old
    after = cue_matches(corpus, edited)
    added = after[after["cue"] == "kunashir"]
    assert added[["doc_id", "sent_id", "entry", "surface"]].values.tolist() == [
        ["b", 1, "return_of_islands", "Kunashir"]]
    assert len(after) == len(before) + 1
    assert _stored(folder) == [store_for(corpus, edited).file.name]      # the old key is pruned
    cue_matches(corpus, cue_lexicon(FRAMES))             # the shipped codebook keeps a table of its own
    assert len(_stored(folder)) == 2


def test_an_unchanged_lexicon_never_recodes(folder, monkeypatch):
    cue_matches(load_corpus(folder, cache=True), cue_lexicon(TRADE))
    _no_scan(monkeypatch)
    reloaded = load_cue_lexicon(data_path("trade.yaml"), section="categories", polarities=TRADE.polarities,
                                extras=TRADE.extras)     # another object, the same file
    assert cue_matches(load_corpus(folder, cache=True), reloaded)["surface"].tolist() == [
        "anti-Russian sanctions", "fishing boats"]


def test_an_edited_sentence_table_is_coded_again(folder):
    lexicon = load_cue_lexicon(peace_treaty_codebook(), section="frames")
    corpus = load_corpus(folder, cache=True)
    cue_matches(corpus, lexicon)
    key = store_for(corpus, lexicon).file
    corpus.sentences.loc[1, "start"] = 33              # a number edited in place: another key, a new scan
    assert store_for(corpus, lexicon).file != key
    assert cue_matches(corpus, lexicon)["start"].tolist() == [4, 47]


def test_a_corpus_without_an_arrow_copy_is_coded_in_memory_only(folder):
    lexicon = cue_lexicon(FRAMES)
    for corpus in (load_corpus(folder, cache=False), _hand_made()):
        assert store_for(corpus, lexicon) is None
        assert framing.frames(corpus)["frame"].tolist() == [
            "treaty_negotiation", "treaty_negotiation", "sanctions_hostility"]
    assert not (folder / CACHE_DIR).exists()


def test_a_folder_that_cannot_be_written_is_coded_in_memory(folder):
    (folder / CACHE_DIR).write_text("not a folder", encoding="utf-8")     # no copy, no table can be kept
    assert framing.frames(load_corpus(folder, cache=True))["frame"].tolist() == [
        "treaty_negotiation", "treaty_negotiation", "sanctions_hostility"]
    assert (folder / CACHE_DIR).read_text(encoding="utf-8") == "not a folder"


def test_a_table_that_cannot_be_written_is_coded_every_time(folder):
    lexicon = load_cue_lexicon(peace_treaty_codebook(), section="frames")
    corpus = load_corpus(folder, cache=True)
    blocked = store_for(corpus, lexicon).file
    blocked.mkdir()                                    # the table's name is taken by a folder
    assert cue_matches(corpus, lexicon)["surface"].tolist() == ["peace treaty talks", "peace treaty"]
    assert blocked.is_dir() and not list(blocked.parent.glob(".*.tmp"))


def test_code_version_is_part_of_the_key(folder, monkeypatch):
    lexicon = load_cue_lexicon(peace_treaty_codebook(), section="frames")
    corpus = load_corpus(folder, cache=True)
    key = store_for(corpus, lexicon).file
    monkeypatch.setattr(cue_store, "code_sha256", lambda sources=cue_store.SOURCES: "another version")
    assert store_for(corpus, lexicon).file.name.rsplit("-", 1)[0] == key.name.rsplit("-", 1)[0]
    assert store_for(corpus, lexicon).file != key


def test_a_damaged_table_is_coded_again_and_rewritten(folder):
    lexicon = load_cue_lexicon(peace_treaty_codebook(), section="frames")
    cue_matches(load_corpus(folder, cache=True), lexicon)
    (name,) = _stored(folder)
    (folder / CACHE_DIR / name).write_bytes(b"ARROW1 cut short")
    corpus = load_corpus(folder, cache=True)
    assert cue_matches(corpus, lexicon)["surface"].tolist() == ["peace treaty talks", "peace treaty"]
    assert _stored(folder) == [name] and store_for(corpus, lexicon).read() is not None


def test_code_command_codes_once_then_finds_the_tables_current(folder, monkeypatch):
    from kuril_research.publish.code_command import code_corpus

    first = code_corpus(load_corpus(folder, cache=True), folder)
    assert [(t.name, t.rows, t.state) for t in first] == [("frames", 3, "coded and stored"),
                                                         ("trade_mentions", 2, "coded and stored"),
                                                         ("quantities", 0, "coded and stored")]
    _no_scan(monkeypatch)                                    # a fresh load: read back, nothing scanned
    again = code_corpus(load_corpus(folder, cache=True), folder)
    assert [(t.name, t.rows, t.state) for t in again] == [("frames", 3, "stored already, current"),
                                                         ("trade_mentions", 2, "stored already, current"),
                                                         ("quantities", 0, "stored already, current")]
    assert len(_stored(folder, "frames")) == len(_stored(folder, "trade_mentions")) == 1


def test_code_command_line_says_what_it_did(folder, capsys):
    from kuril_research.publish.cli import main

    # the command loads as a notebook does: tables this small get no Arrow copy, so nothing is kept
    assert main(["code", "--corpus", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "frames: 3 rows, coded in memory only" in out and "trade_mentions: 2 rows, coded in memory only" in out
    assert _stored(folder, "frames") == []
    assert main(["code", "--corpus", str(folder / "missing")]) == 2


def test_quantities_are_kept_and_read_back_without_reading_the_sentences_again(tmp_path, monkeypatch):
    # by hand: "fell by 25%" is a change of 25 %, downwards, measured by the trade mention "bilateral trade"
    corpus = corpus_of_sentences({"a": [["Bilateral trade fell by 25% in 2015.", "No figure here."]]})
    folder = _write(corpus, tmp_path / "processed")
    first = trade.quantities(load_corpus(folder, cache=True))
    assert first[["sent_id", "category", "value", "unit", "kind", "direction", "signed_value"]].values.tolist() == [
        [0, "trade_volume", 25.0, "%", "change", "down", -25.0]]
    assert len(_stored(folder, "quantities")) == 1
    _no_scan(monkeypatch)
    monkeypatch.setattr(trade, "mention_quantities", None)        # no figure is read again
    pd.testing.assert_frame_equal(trade.quantities(load_corpus(folder, cache=True)), first, check_exact=True)


def test_asking_for_some_columns_reads_only_those_from_the_stored_table(folder, monkeypatch):
    hits = framing.frames(load_corpus(folder, cache=True))     # coded and kept
    reads = []
    read = cue_store.CueStore.read

    def spy(self, columns=None):
        reads.append(None if columns is None else list(columns))
        return read(self, columns)

    monkeypatch.setattr(cue_store.CueStore, "read", spy)
    _no_scan(monkeypatch)
    monkeypatch.setattr(framing, "frames_in_context", None)
    again = load_corpus(folder, cache=True)
    keys = framing.frames(again, columns=["sent_id", "doc_id", "frame"])
    # by hand: a/0 and a/1 treaty_negotiation, b/0 sanctions_hostility (module comment above)
    assert keys.values.tolist() == [[0, "a", "treaty_negotiation"], [1, "a", "treaty_negotiation"],
                                    [0, "b", "sanctions_hostility"]]
    pd.testing.assert_frame_equal(keys, hits[["sent_id", "doc_id", "frame"]], check_exact=True)
    framing.frames(again, columns=["sent_id", "doc_id", "frame"])    # remembered: the file is not read again
    assert reads == [["sent_id", "doc_id", "frame"]]
    pd.testing.assert_frame_equal(framing.frames(again), hits, check_exact=True)   # the whole table: read whole
    assert reads == [["sent_id", "doc_id", "frame"], None]
    framing.frames(again, columns=["frame"])       # the whole table is in memory now: taken from it
    assert len(reads) == 2


def test_a_column_that_is_not_stored_is_refused_by_read(folder):
    lexicon = cue_lexicon(FRAMES)
    cue_matches(load_corpus(folder, cache=True), lexicon)
    store = store_for(load_corpus(folder, cache=True), lexicon)
    assert store.read(["doc_id", "no_such_column"]) is None
    assert store.read(["end", "doc_id"]).columns.tolist() == ["end", "doc_id"]
