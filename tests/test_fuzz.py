"""Property tests over the whole per-document pipeline with arbitrary Unicode.

Text mixes arbitrary code points (combining marks, right-to-left scripts,
lone surrogates written as escapes, control characters) with the characters
the pipeline reacts to: quotation marks of every kind, brackets, datelines,
furniture lines and gazetteer names. Whatever comes in, nothing raises, every
offset round-trips, and every line of the input is accounted for.
"""

from __future__ import annotations

import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kuril_research.corpus import process_document
from kuril_research.ingest.parse import normalise_text, parse_article
from kuril_research.ingest.sentences import split_sentences
from kuril_research.ingest.sources import RawDocument, decode_bytes
from kuril_research.ingest.voice import find_quotes

FUZZ_EXAMPLES = 1000

PIECES = st.sampled_from([
    "“", "”", '"', "‘", "’", "'", "[", "]", "(", ")", "\n", "\n\n", " ", ".", ",", " — ",
    "MOSCOW, July 26. /TASS/. ", "TOKYO (Kyodo) - ", "All news", "- Advertisement -", "© AP",
    "Habomai", "Khabomai", "Etorofu-to", "Northern Territories", "southern Kuril Islands",
    "which Japan calls its", "Peskov said.", "\u0301", "\u200f", "\u05d0\u05d1", "\u0627\u0644",
    "\u00a0", "\ufeff", "\\udc80", "U.S.", "Jan.", "Dr.",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join)


def _check_document(raw_text: str) -> None:
    raw = RawDocument("f.txt", raw_text, "utf-8", hashlib.sha256(raw_text.encode("utf-8", "surrogatepass")).hexdigest(), "text")
    rows = process_document(raw, {"outlet": "X"}, "d")
    text = rows["documents"][0]["text"]
    for table in ("sentences", "quotes"):
        for row in rows[table]:
            assert 0 <= row["start"] <= row["end"] <= len(text)
            assert text[row["start"]:row["end"]] == row["text"]
    for row in rows["mentions"]:
        assert text[row["start"]:row["end"]] == row["surface"]
        assert row["voice"] in {"narrator", "quoted", "attributed"}
    # every non-blank input line is in the title, standfirst, body or the removed log
    doc = rows["documents"][0]
    kept = "\n".join(filter(None, [doc["title"], doc["standfirst"], doc["dateline"], text]))
    logged = {r["line"] for r in rows["removed"]}
    for number, line in enumerate(normalise_text(raw_text).split("\n"), start=1):
        if line.strip() and number not in logged:
            assert all(word in kept for word in line.split()), (number, line)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_pipeline_never_raises_and_accounts_for_every_line(raw_text):
    _check_document(raw_text)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(TEXT)
def test_sentences_tile_their_paragraphs(raw_text):
    art = parse_article(raw_text)
    sentences = split_sentences(art.text, art.paragraphs)
    for start, end, para in sentences:
        p_start, p_end = art.paragraphs[para]
        assert p_start <= start <= end <= p_end
        assert art.text[start:end] == art.text[start:end].strip()
    covered = "".join(art.text[s:e] for s, e, _ in sentences)
    assert covered.replace(" ", "") == "".join(art.text[s:e] for s, e in art.paragraphs).replace(" ", "").replace("\n", "")


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(TEXT)
def test_quotes_stay_in_their_paragraph(raw_text):
    art = parse_article(raw_text)
    spans = find_quotes(art.text, art.paragraphs)
    assert spans == sorted(spans)
    for start, end, para in spans:
        p_start, p_end = art.paragraphs[para]
        assert p_start <= start <= end <= p_end


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_reject(data):
    result = decode_bytes(data, file="x")
    assert isinstance(result, tuple) or result.reason in {"empty", "binary", "undecodable"}


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(TEXT)
def test_normalisation_is_idempotent(raw_text):
    once = normalise_text(raw_text)
    assert normalise_text(once) == once
    assert "\u00a0" not in once and "\r" not in once
