"""Every figure of every report, laid out in headless Chromium: no page-breaking height, no overprinted labels.

Two corpora: the embedded one (the shared report set) and a generated one of
2,000 articles from 12 outlets, none of them TASS, over 33 years
(benchmarks/generate_corpus.py), reported with every default. The SVG keeps its
text as text, so the browser gives each tick label's box; data artists and
legends carry ids (``kr-data-N``, ``kr-legend-N``) so a legend's box can be
compared with the data's.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from benchmarks.generate_corpus import generate  # noqa: E402
from kuril_research.publish import figures  # noqa: E402
from kuril_research.coding import framing  # noqa: E402
from kuril_research.analysis import frequency  # noqa: E402
from kuril_research.analysis import periods  # noqa: E402
from kuril_research.publish import reports  # noqa: E402
from kuril_research.analysis.frequency import keyness  # noqa: E402
from kuril_research.publish.figure_style import figure_style  # noqa: E402
from kuril_research.analysis.intervals import shares_long  # noqa: E402
from kuril_research.corpus import build_corpus, load_corpus  # noqa: E402
from kuril_research.publish.outputs import configure_matplotlib, read_outputs, save_figure  # noqa: E402
from tests.browser import measure_figures  # noqa: E402
from tests.fixtures.report_set import ROOT, get_report_set  # noqa: E402

#: Twelve outlets, none of them the seed corpus's TASS.
OUTLETS = ["Kyodo", "The Japan Times", "NHK World", "Nikkei Asia", "Sputnik", "RT", "Asahi Shimbun", "Mainichi",
           "Izvestia", "Kommersant", "Hokkaido Shimbun", "Sakhalin Info"]
MAX_HEIGHT_IN = 11.0
FOCUS = ["northern_territories", "southern_kurils", "habomai", "shikotan", "kunashir", "iturup", "peace_treaty"]
NOTEBOOKS = [p.stem for p in reports.list_notebooks(ROOT / "notebooks")]


@pytest.fixture(scope="session")
def large_reports(tmp_path_factory):
    """Reports of a generated 2,000-article, 12-outlet corpus without TASS, every parameter at its default."""
    base = tmp_path_factory.mktemp("large_reports")
    corpus = generate(2000, base / "raw", seed=3, words=250, outlet_names=OUTLETS)
    processed = base / "data" / "processed"
    build_corpus(corpus.raw_dir, corpus.manifest, processed)
    results = reports.generate_reports(out_dir=base / "reports", corpus_dir=processed, raw_dir=corpus.raw_dir,
                                       manifest=corpus.manifest)
    return base, results


def _svgs(report_dir: Path) -> dict[str, Path]:
    found = {}
    for name in NOTEBOOKS:
        for entry in read_outputs(report_dir / name):
            if entry["kind"] == "figure":
                [svg] = [f["path"] for f in entry["files"] if f["path"].endswith(".svg")]
                found[f"{name}/{entry['id']}"] = report_dir / name / svg
    return found


def _check(measured: list[dict]) -> None:
    problems = []
    for figure in measured:
        if figure["height_in"] > MAX_HEIGHT_IN:
            problems.append(f"{figure['name']}: {figure['height_in']:.1f} in tall")
        if figure["overlaps"]:
            problems.append(f"{figure['name']}: tick labels overlap, e.g. {figure['overlaps'][:3]}")
        if figure["clipped"]:
            problems.append(f"{figure['name']}: text cut off at the figure's edge: {figure['clipped'][:3]}")
        if figure["covered"]:
            problems.append(f"{figure['name']}: the legend covers {len(figure['covered'])} data artists")
        if figure["data"] == 0:
            problems.append(f"{figure['name']}: no data artist found (ids kr-data-N missing?)")
    assert not problems, "\n".join(problems)


def test_every_report_runs_with_defaults_on_a_corpus_without_tass(large_reports):
    base, results = large_reports
    assert [r.name for r in results] == NOTEBOOKS
    documents = load_corpus(base / "data" / "processed").documents
    assert "TASS" not in set(documents["outlet"]) and documents["outlet"].nunique() == 12
    keyness = [e for e in read_outputs(base / "reports" / "02_term_frequency") if e["id"] == "keyness"]
    assert all("largest outlet" in e["caption"] for e in keyness)   # the default target is named


def test_figures_of_the_large_corpus_fit_the_page_and_do_not_overprint(large_reports):
    base, _ = large_reports
    svgs = _svgs(base / "reports")
    assert len(svgs) >= 12
    _check(measure_figures(svgs))


def test_figures_of_the_embedded_corpus_fit_the_page_and_do_not_overprint(tmp_path_factory):
    svgs = _svgs(get_report_set(tmp_path_factory).reports)
    assert len(svgs) >= 12
    _check(measure_figures(svgs))


def test_a_monthly_time_axis_over_33_years_does_not_overprint(large_reports, tmp_path):
    base, _ = large_reports
    configure_matplotlib()
    documents = periods.with_period(load_corpus(base / "data" / "processed"), "month").documents
    save_figure(figures.plot_period_counts(documents, freq="month"), "by_month", caption="Documents per month.",
                out_dir=tmp_path, formats=["svg"])
    [measured] = measure_figures({"by_month": tmp_path / "figures" / "by_month.svg"})
    _check([measured])
    assert measured["texts"] >= 5                     # the ticks were found, so "no overlap" means something


def test_one_column_greyscale_small_type_still_fits(large_reports, tmp_path):
    """The style options as a journal would set them: one column (90 mm), 7 pt, greyscale."""
    base, _ = large_reports
    style = figure_style(1, 7, True)
    configure_matplotlib(style)
    corpus = periods.with_period(load_corpus(base / "data" / "processed"), "year")
    profile = framing.frame_profile(corpus, by="outlet")
    stance = framing.naming_stance_table(corpus, by="outlet")
    positions = frequency.positions(corpus, FOCUS)
    shown = figures.choose_documents(corpus.documents["doc_id"], positions["doc_id"], 40)
    drawings = {
        "documents": figures.plot_period_counts(corpus.documents, freq="year", style=style),
        "frames_by_group": figures.plot_shares(profile, row="frame", series="outlet", k="frame_sentences",
                                               n="sentences", xlabel="share of sentences", style=style),
        "naming": figures.plot_shares(shares_long(stance, index=["outlet", "voice"], parts=list(framing.NAMINGS),
                                                  n="total", name="naming"),
                                      row=["outlet", "voice"], series="naming", k="k", n="n", style=style,
                                      xlabel="share of the voice's territorial names"),
        "dispersion": figures.plot_dispersion(positions, doc_ids=shown, terms=FOCUS, documents=corpus.documents,
                                              style=style),
        "keyness": figures.plot_keyness(keyness(corpus, ("outlet", "Kyodo")).head(25), target="Kyodo",
                                        reference="all other documents", style=style),
        "frames_by_document": figures.plot_heatmap(
            framing.frame_profile(corpus, by="doc_id").pivot(index="doc_id", columns="frame", values="share")
            .astype(float).loc[shown], row_labels=figures.document_labels(corpus.documents, shown), style=style),
    }
    for name, drawn in drawings.items():
        save_figure(drawn, name, caption=name, out_dir=tmp_path, formats=["svg"])
    measured = measure_figures({name: tmp_path / "figures" / f"{name}.svg" for name in drawings})
    _check(measured)
    assert all(abs(m["width_in"] - 3.54) < 0.01 for m in measured)
    configure_matplotlib()


def test_the_checks_catch_a_crowded_axis_and_a_legend_over_data(tmp_path):
    configure_matplotlib()
    fig = Figure(figsize=(4, 2))
    ax = fig.subplots()
    ax.set_yticks(range(60), labels=[f"row {i}" for i in range(60)])          # 60 labels in 2 inches
    (line,) = ax.plot(np.arange(60), np.arange(60), label="data")
    line.set_gid("kr-data-0")
    ax.legend(loc="center").set_gid("kr-legend-1")                            # legend in the middle of the data
    ax.set_xlabel("a label far too long for a figure four inches wide, running off its right edge " * 2)
    save_figure(fig, "bad", data=pd.DataFrame({"x": [0]}), caption="A bad figure.",
                out_dir=tmp_path, formats=["svg"])
    [measured] = measure_figures({"bad": tmp_path / "figures" / "bad.svg"})
    assert measured["overlaps"] and measured["covered"] and measured["clipped"]


def test_each_page_says_how_it_was_made_and_how_to_cite_each_figure(large_reports):
    base, results = large_reports
    for result in results:
        page = (result.path / f"{result.name}.html").read_text(encoding="utf-8")
        assert "How this page was made" in page and f"Input key <code>{result.input_key[:16]}</code>" in page
        assert "<code>keyness_target</code>" in page or result.name != "02_term_frequency"
        figures_saved = [e["id"] for e in read_outputs(result.path) if e["kind"] == "figure"]
        for fig_id in figures_saved:
            line = f"Figure {fig_id}: kuril_research 0.1.0, report {result.name}, input key {result.input_key[:12]}"
            assert page.count(line) == 2, fig_id          # once in the header, once under the figure
        if result.name != "05_validation":  # 05 reads the gold corpus, not the corpus the reports describe
            assert page.index("How this page was made") < page.index("Corpus: 2,000 documents from 12 outlets")
