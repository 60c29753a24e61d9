"""The shared figure style: labels scoped to their concept, stable outlet colours, bounded sizes, greyscale."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.colors as mcolors  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from kuril_research.publish import figure_style as fs  # noqa: E402
from kuril_research.publish import figures  # noqa: E402
from kuril_research.errors import ParameterError  # noqa: E402


def test_a_word_is_not_relabelled_as_a_naming_side():
    drawn = figures.plot_ranked(pd.Series({"russian": 3, "iturup": 2, "narrator": 1}), xlabel="occurrences")
    assert [t.get_text() for t in drawn.figure.axes[0].get_yticklabels()] == ["russian", "Iturup / Etorofu",
                                                                              "narrator"]


def test_naming_and_voice_get_human_labels_in_share_figures():
    table = pd.DataFrame({"voice": ["narrator", "narrator"], "naming": ["japanese", "russian"], "k": [1, 3],
                          "n": [4, 4]})
    drawn = figures.plot_shares(table, row="voice", series="naming", k="k", n="n", colors=fs.NAMING_COLORS)
    ax = drawn.figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["outlet's own voice (n = 4)"]
    assert [t.get_text() for t in drawn.figure.legends[0].get_texts()] == ["Japanese name", "Russian name"]


def test_an_outlet_keeps_its_colour_whatever_else_is_in_the_corpus():
    alone = fs.outlet_colors(["Kyodo"])["Kyodo"]
    assert alone == fs.outlet_color("Kyodo")
    assert fs.outlet_colors(["Kyodo", "Zzz Daily"])["Kyodo"] == alone   # a later name never moves an earlier one


def test_the_naming_palette_is_the_same_object_every_report_uses():
    assert list(fs.NAMING_COLORS) == ["japanese", "russian", "neutral"]
    assert len(set(fs.NAMING_COLORS.values())) == 3


def test_greyscale_turns_every_colour_grey_and_hatches_series():
    style = fs.figure_style(1, 8, True)
    for color in fs.OUTLET_PALETTE:
        r, g, b = mcolors.to_rgb(style.color(color))
        assert r == g == b
    assert style.hatch(1) and not fs.figure_style().hatch(1)


def test_no_figure_is_taller_than_the_page_however_many_rows():
    drawn = figures.plot_ranked(pd.Series({f"term{i}": 1000 - i for i in range(400)}), xlabel="n")
    assert drawn.figure.get_figheight() <= fs.MAX_HEIGHT
    assert drawn.note.endswith("more terms not shown.") and drawn.note.startswith(str(400 - fs.FigureStyle().max_rows()))


@pytest.mark.parametrize("columns, font_size", [(3, 8), (2, 30), (True, 8)])
def test_style_options_are_checked(columns, font_size):
    with pytest.raises(ParameterError):
        fs.figure_style(columns, font_size)


def test_citation_file_names_the_package_version_and_how_to_cite_a_figure():
    import yaml

    import kuril_research
    from tests.fixtures.report_set import ROOT

    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["version"] == kuril_research.__version__       # one version, not two that drift apart
    assert str(citation["date-released"])[:4].isdigit() and "Cite a figure" in citation["message"]
