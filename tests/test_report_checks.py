"""Report parameters that name data values: defaults that exist, refusals that say what to set, visible warnings."""

from __future__ import annotations

import pandas as pd
import pytest

import kuril_research as kr
from kuril_research.publish import report_checks
from kuril_research.errors import ParameterError

TEXTS = {"a": "TOKYO — Japan wants Etorofu back.", "b": "TOKYO — Talks on Kunashiri went on.",
         "c": "MOSCOW — Iturup is Russian, Russia says."}
META = {"a": {"outlet": "Kyodo", "published": "2019-01-10"}, "b": {"outlet": "Kyodo", "published": "2019-02-01"},
        "c": {"outlet": "RT", "published": "2019-03-05"}}


@pytest.fixture(scope="module")
def corpus():
    return kr.corpus_from_texts(TEXTS, META)


def test_without_tass_the_default_target_is_the_largest_outlet_and_keyness_runs(corpus):
    groups = report_checks.keyness_groups(corpus.documents)
    assert groups.target == ("outlet", "Kyodo") and "largest outlet (2 of 3 documents)" in groups.note
    keywords = kr.frequency.keyness(corpus, groups.target, groups.reference)
    assert len(keywords) > 0


def test_a_target_not_in_the_corpus_is_refused_with_the_outlets_and_the_parameter(corpus):
    with pytest.raises(ParameterError) as info:
        report_checks.keyness_groups(corpus.documents, ["outlet", "TASS"])
    message = str(info.value)
    assert "keyness_target" in message and "Kyodo (2)" in message and "RT (1)" in message


def test_a_reference_that_would_be_empty_is_refused(corpus):
    only_kyodo = kr.select_documents(corpus, outlets=["Kyodo"])
    with pytest.raises(ParameterError, match="nothing to compare with"):
        report_checks.keyness_groups(only_kyodo.documents)


def test_a_misspelt_focus_term_is_a_visible_warning_not_silent_zeros(corpus):
    positions = kr.frequency.positions(corpus, ["kunashir", "kunashirr"])
    warning = report_checks.term_warning(positions, ["kunashir", "kunashirr"], field="focus_terms")
    assert "'kunashirr' never occurs" in warning.caption and "kr-warning" in warning._repr_html_()
    assert "'kunashir'" not in warning.caption
    assert report_checks.term_warning(positions, ["kunashir"], field="focus_terms") is None


def test_an_empty_concordance_is_a_warning(corpus):
    concordance = kr.frequency.kwic(corpus, "no such phrase")
    assert len(concordance) == 0
    assert "never occurs" in report_checks.term_warning(concordance, ["no such phrase"], field="kwic_query",
                                                        column="query").caption


def test_the_corpus_line_states_documents_outlets_and_dates(corpus):
    assert report_checks.corpus_description(corpus).startswith(
        "Corpus: 3 documents from 2 outlets, published 2019-01-10 to 2019-03-05;")


def test_a_year_given_as_text_selects_the_year():
    docs = pd.DataFrame({"outlet": ["A", "B"], "year": pd.array([2019, 2020], dtype="Int64")})
    assert report_checks.keyness_groups(docs, ["year", "2019"]).target == ("year", 2019)
