"""Time periods: a month is a calendar month of one year in every report, coarser dates are counted, not spread.

The corpus spans two years; documents a and c share the calendar month September
but not the year, so a report that pooled months across years would put them
together. Expected numbers are counted by hand from the texts below.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import kuril_research as kr  # noqa: E402
from kuril_research.publish import figures  # noqa: E402
from kuril_research.analysis import periods  # noqa: E402
from kuril_research.errors import ParameterError  # noqa: E402

TEXTS = {
    "a": "TOKYO — Japan joined the sanctions. Kunashir was mentioned.",               # 2 sentences, 1 Kunashir
    "b": "TOKYO — Japan joined the sanctions against Russia. Talks on Kunashir went on.",  # 2 sentences, 1 Kunashir
    "c": "MOSCOW — Talks on Kunashir went on.",                                        # 1 sentence, 1 Kunashir
    "d": "MOSCOW — Japan joined the sanctions.",                                       # 1 sentence, dated to the year
    "e": "MOSCOW — Trade between Russia and Japan grew near Kunashir.",                # 1 sentence, undated
}
META = {"a": {"outlet": "Kyodo", "published": "2015-09-03"}, "b": {"outlet": "Kyodo", "published": "2015-09"},
        "c": {"outlet": "RT", "published": "2016-09-10"}, "d": {"outlet": "RT", "published": "2016"},
        "e": {"outlet": "RT"}}


@pytest.fixture(scope="module")
def corpus():
    return kr.corpus_from_texts(TEXTS, META)


@pytest.mark.parametrize("freq, expected", [
    ("year", ["2015", "2015", "2016", "2016", None]),
    ("quarter", ["2015-Q3", "2015-Q3", "2016-Q3", None, None]),
    ("month", ["2015-09", "2015-09", "2016-09", None, None]),
])
def test_documents_get_real_periods(corpus, freq, expected):
    labels = periods.document_periods(corpus.documents, freq)
    assert [None if pd.isna(v) else v for v in labels] == expected


def test_coarser_and_undated_documents_are_counted_and_stated(corpus):
    coverage = periods.period_coverage(corpus.documents, "month").set_index("status")["documents"].to_dict()
    assert coverage == {"placed": 3, "coarser": 1, "undated": 1}
    assert periods.coverage_note(corpus.documents, "month") == (
        "Not placed in any month: 1 document dated only to the year, 1 undated document.")
    assert periods.coverage_note(corpus.documents, "year") == "Not placed in any year: 1 undated document."


def test_term_trend_by_month_keeps_years_apart(corpus):   # report 02
    trend = kr.frequency.trend(corpus, ["kunashir"], freq="month")
    got = {(None if pd.isna(p) else p): (c, d) for p, c, d in trend[["period", "count", "n_docs"]].itertuples(index=False)}
    assert got == {"2015-09": (2, 2), "2016-09": (1, 1), None: (1, 2)}


def test_frame_profile_by_month_keeps_years_apart(corpus):   # report 03
    profile = kr.framing.frame_profile(periods.with_period(corpus, "month"), by="period")
    rows = profile.drop_duplicates("period")
    assert [None if pd.isna(p) else p for p in rows["period"]] == ["2015-09", "2016-09", None]
    assert rows["sentences"].tolist() == [4, 1, 2]


def test_trade_cooccurrence_by_quarter_keeps_years_apart(corpus):   # report 04
    together = kr.trade.cooccurrence(periods.with_period(corpus, "quarter"), by="period")
    assert [None if pd.isna(p) else p for p in together["period"]] == ["2015-Q3", "2016-Q3", None]


def test_time_axis_is_spaced_by_time(corpus):
    trend = kr.frequency.trend(corpus, ["kunashir"], freq="month")
    drawn = figures.plot_over_time(trend, value="per_10k", series="term", freq="month", ylabel="per 10,000")
    [line] = drawn.figure.axes[0].get_lines()
    days = mdates.num2date(line.get_xdata(orig=False))
    assert [(d.year, d.month) for d in days] == [(2015, 9), (2016, 9)]      # twelve months apart, not 1 step


def test_document_counts_show_empty_periods_and_leave_out_the_unplaced(corpus):
    documents = periods.with_period(corpus, "year").documents
    drawn = figures.plot_period_counts(documents, freq="year")
    assert drawn.data.to_dict("list") == {"period": ["2015", "2016"], "Kyodo": [2, 0], "RT": [0, 2]}


def test_an_unknown_period_is_refused():
    with pytest.raises(ParameterError, match="year, quarter or month"):
        periods.check_freq("week")
