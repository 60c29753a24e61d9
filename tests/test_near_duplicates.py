"""Syndicated copies of one story are grouped and counted once (issue #11)."""

from __future__ import annotations

import pytest

from kuril_research.publish.cli import main
from kuril_research.corpus import build_corpus, load_corpus, write_corpus
from kuril_research.ingest.near_duplicates import signature, similarity

STORY = ("Japan and Russia agreed on Tuesday to hold a new round of consultations on joint economic activity on the "
         "southern Kuril Islands, which Japan calls the Northern Territories, before the end of the spring.",
         "The deputy foreign ministers discussed fish farming, tourism and wind power on Kunashir and Iturup, and "
         "the legal basis on which Japanese companies could work there without harming either side's position.",
         "Both delegations said the talks had been constructive, and that the next meeting would take place in "
         "Tokyo once a date had been agreed through diplomatic channels.")
# three outlets, three kinds of furniture, small edits (so that no copy is an exact duplicate once its
# furniture is removed); the earliest copy is not the first by file name
COPIES = {
    "a_herald.txt": ("Herald", "2019-01-23", "All news\n\nIsland talks\n\n" + "\n\n".join(STORY)
                     + "\n\n- Advertisement -\n\nSubscribe to our newsletter"),
    "b_wire.txt": ("Wire", "2019-01-22", "Island talks to resume\n\n"
                   + "\n\n".join(STORY).replace("on Tuesday", "on Tuesday evening")),
    "c_radio.txt": ("Radio", "2019-01-24", "Read more\n\nIsland consultations\n\n"
                    + "\n\n".join(STORY) + " No date was given."
                    + "\n\nReporting by the newsroom staff."),
    "d_other.txt": ("Herald", "2019-02-01", "Fishing season\n\nCrews in Nemuro said the season near Habomai was the "
                    "poorest in a decade, and asked the government to raise quotas at the next talks."),
    "e_other.txt": ("Wire", "2019-03-01", "Visits postponed\n\nA visit by former residents to Shikotan was postponed "
                    "because of storms, the organisers said on Friday."),
}


@pytest.fixture()
def raw(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    rows = ["file,outlet,published"]
    for name, (outlet, date, text) in COPIES.items():
        (folder / name).write_text(text, encoding="utf-8")
        rows.append(f"{name},{outlet},{date}")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def test_one_story_under_three_outlets_counts_once_by_its_earliest_copy(raw, tmp_path):
    corpus = build_corpus(raw, None, tmp_path / "out")
    assert corpus.documents.doc_id.tolist() == ["b_wire", "d_other", "e_other"]
    dup = corpus.duplicates
    assert dup[["group_id", "doc_id", "kept_doc_id", "kept"]].values.tolist() == [
        [1, "a_herald", "b_wire", False], [1, "b_wire", "b_wire", True], [1, "c_radio", "b_wire", False]]
    assert dup.similarity.tolist()[1] == 1.0 and all(0.8 <= s < 1.0 for s in dup.similarity[[0, 2]])
    assert len(corpus.rejects) == 0  # near-duplicates are recorded in duplicates, not rejected
    for table in ("sentences", "mentions", "paragraphs"):
        assert set(getattr(corpus, table).doc_id) <= {"b_wire", "d_other", "e_other"}
    summary = write_corpus(raw, None, tmp_path / "written")
    assert (summary.near_duplicate_groups, summary.near_duplicate_copies) == (1, 2)
    assert (summary.documents, summary.duplicates) == (3, 2)
    assert load_corpus(tmp_path / "written").duplicates.equals(dup)  # the tables build_corpus returned were written


def test_keep_duplicates_keeps_every_copy_and_still_lists_the_group(raw, tmp_path, capsys):
    assert main(["build", str(raw), "--out", str(tmp_path / "out"), "--keep-duplicates"]) == 0
    assert "2 copies of 1 stories grouped, kept (--keep-duplicates)" in capsys.readouterr().out
    corpus = build_corpus(raw, None, tmp_path / "out2", keep_duplicates=True)
    assert len(corpus.documents) == 5 and len(corpus.duplicates) == 3


def test_build_prints_how_many_were_grouped(raw, tmp_path, capsys):
    assert main(["build", str(raw), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "built 3 documents, 0 rejected (2 duplicates)" in out
    assert "2 copies of 1 stories grouped, counted once, by the earliest copy" in out


@pytest.mark.parametrize("edit, linked", [
    (lambda t: t, True),                                      # identical
    (lambda t: t.replace("Tuesday", "Wednesday"), True),      # one word
    (lambda t: t[: len(t) // 2], False),                      # half the story: J about 0.5
    (lambda t: "Fishing quotas near Shikotan were cut again this year, officials said.", False),
])
def test_similarity_tells_copies_from_other_texts(edit, linked):
    text = " ".join(STORY)
    assert (similarity(signature(text), signature(edit(text))) >= 0.8) == linked


def test_candidate_pairs_are_the_pairs_sharing_two_bands():
    # brute force on small random signatures: few distinct values, so that bands collide often
    import numpy as np

    from kuril_research.ingest import near_duplicates as nd

    rng = np.random.default_rng(7)
    matrix = rng.integers(0, 2, size=(40, nd.SIGNATURE_BINS)).astype(np.uint64)
    rows = nd.SIGNATURE_BINS // nd.BANDS
    bands = [[bytes(matrix[i, b * rows:(b + 1) * rows]) for b in range(nd.BANDS)] for i in range(40)]
    expected = {(i, j) for i in range(40) for j in range(i + 1, 40)
                if sum(a == b for a, b in zip(bands[i], bands[j])) >= nd.MIN_SHARED_BANDS}
    first, second = nd._candidate_pairs(matrix, rows)
    assert set(zip(first.tolist(), second.tolist())) == expected


def test_selecting_documents_keeps_the_groups_of_the_kept_documents(raw, tmp_path):
    from kuril_research import select_documents

    corpus = build_corpus(raw, None, tmp_path / "out")
    wire = select_documents(corpus, outlets=["Wire"])       # b_wire (kept copy) and e_other
    assert wire.duplicates.doc_id.tolist() == ["a_herald", "b_wire", "c_radio"]
    assert len(select_documents(corpus, outlets=["Herald"]).duplicates) == 0
