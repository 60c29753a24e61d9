"""The spreadsheet copy of a report table: the fast writer gives openpyxl's bytes, cell for cell."""

import hashlib
import io
import zipfile

import numpy as np
import pandas as pd
import pytest

from kuril_research.publish.table_formats import xlsx_bytes, xlsx_openpyxl


def _sheet(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as book:  # closed here, not by the garbage collector mid-test
        return book.read("xl/worksheets/sheet1.xml").decode("utf-8")


TRICKY = pd.DataFrame({
    "text": ["plain", " leading space", "", None, 'a&b <c> "d"\ttab\r\nline', "   ", "ends ", "Ito\u0301 \U0001F600",
             "bell\x07gone", "x" * 40_000],
    "count": pd.array([1, None, 3, -4, 0, 10**17 + 1, 5, 6, 7, 8], dtype="Int64"),
    "share": [0.1, np.nan, 1e20, 2 / 3, -0.0, np.inf, 1e-7, 123456.789, 0.5, 1.0],
    "flag": pd.array([True, False, None, True, False, True, None, False, True, False], dtype="boolean"),
    "ints": np.arange(10, dtype=np.int64),
})


@pytest.mark.parametrize("frame", [
    TRICKY,
    TRICKY.head(0),
    TRICKY.head(1)[["text"]],
    pd.DataFrame({"all missing": [None, None], "n": [np.nan, np.nan]}),
    pd.DataFrame({f"c{i}": [i] for i in range(30)}),          # columns past Z: AA, AB...
], ids=["tricky", "no rows", "one cell", "empty rows", "30 columns"])
def test_fast_workbook_is_openpyxls_byte_for_byte(frame):
    assert xlsx_bytes(frame, title="t") == xlsx_openpyxl(frame, title="t")


def test_fast_sheet_holds_what_was_written():
    # read back by pandas (openpyxl's reader): the values of the table, missing cells empty
    back = pd.read_excel(io.BytesIO(xlsx_bytes(TRICKY.head(3))), dtype=object)
    assert back["text"].tolist()[:2] == ["plain", " leading space"]
    assert back["count"].tolist()[:1] == [1] and pd.isna(back["count"].iloc[1])
    assert back["flag"].tolist()[:2] == [True, False]
    assert '<c r="A4" t="inlineStr"></c>' in _sheet(xlsx_bytes(TRICKY.head(3)))     # the empty text


@pytest.mark.parametrize("value", ["=SUM(A1)", "#N/A", "lone \ud800 surrogate"])
def test_cells_openpyxl_writes_otherwise_go_through_openpyxl(value):
    # a formula and an error code are not inline strings; a surrogate makes openpyxl fail as before
    frame = pd.DataFrame({"text": pd.Series(["ok", value], dtype=object)})
    try:
        expected = xlsx_openpyxl(frame)
    except Exception as exc:                      # noqa: BLE001 - whatever openpyxl raises, the fast path raises too
        with pytest.raises(type(exc)):
            xlsx_bytes(frame)
        return
    assert xlsx_bytes(frame) == expected
    assert 'r="A3" t="inlineStr"' not in _sheet(expected)


def test_floats_of_a_large_table_are_formatted_once_per_value_with_pandas_bytes():
    # 0.0 and -0.0 are equal but written "0" and "-0": each distinct value is told apart bit for bit
    from kuril_research.publish.csv_writer import csv_bytes
    from kuril_research.publish.table_formats import readable

    values = [0.0, -0.0, 1 / 3, float("nan"), 2 / 3, 1234.5, -float("inf")] * 2_000
    frame = pd.DataFrame({"share": values, "n": pd.array(values, dtype="Float64")})
    assert csv_bytes(frame) == frame.to_csv(index=False, lineterminator="\n", float_format="%.12g").encode()
    shown = readable(frame)["share"].tolist()[:7]
    assert [str(v) for v in shown] == ["0.0", "-0.0", "0.3333", "nan", "0.6667", "1234.0", "-inf"]   # 1234.5: even


def test_a_table_written_in_slices_has_the_bytes_of_one_piece(tmp_path, monkeypatch):
    # slices of 7 rows over 30,001: the last slice is short, a quoted cell and a missing value fall in several
    from kuril_research.publish import csv_writer

    n = 30_001
    frame = pd.DataFrame({
        "doc_id": pd.array([f"d{i % 13}" if i % 11 else 'say "x", then' for i in range(n)], dtype="string"),
        "sent_id": pd.array([None if i % 17 == 0 else i for i in range(n)], dtype="Int64"),
        "share": [i / 7 for i in range(n)],
        "flag": [bool(i % 2) for i in range(n)],
    })
    whole = frame.to_csv(index=False, lineterminator="\n", float_format="%.12g").encode()
    monkeypatch.setattr(csv_writer, "_CSV_SLICE_ROWS", 7)
    digest = csv_writer.write_csv(frame, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_bytes() == whole
    assert digest == hashlib.sha256(whole).hexdigest()
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]       # no temporary file left


def test_a_sliced_table_with_a_column_the_fast_writer_refuses_goes_through_pandas(tmp_path, monkeypatch):
    from kuril_research.publish import csv_writer

    frame = pd.DataFrame({"n": range(20_000), "when": pd.date_range("2020-01-01", periods=20_000, freq="h")})
    monkeypatch.setattr(csv_writer, "_CSV_SLICE_ROWS", 1_000)
    csv_writer.write_csv(frame, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_bytes() == frame.to_csv(index=False, lineterminator="\n",
                                                             float_format="%.12g").encode()
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]
