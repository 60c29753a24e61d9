"""Stage 2 — the corpus: tables built from ingested articles, written once and loaded many times.

``Corpus``, ``load_corpus``, ``build_corpus`` and ``corpus_from_texts`` are the
public names; the build, its cache, the Dask engine, the no-overwrite guards and
the provenance hashes are modules of this package.
"""

from kuril_research.corpus.build import (
    TABLE_NAMES,
    BuildPlan,
    BuildSummary,
    Corpus,
    build_corpus,
    corpus_from_texts,
    documents_with_warnings,
    load_corpus,
    plan_build,
    process_document,
    read_table,
    write_corpus,
)

__all__ = ["Corpus", "BuildSummary", "BuildPlan", "TABLE_NAMES", "process_document", "plan_build", "build_corpus",
           "write_corpus", "load_corpus", "read_table", "documents_with_warnings", "corpus_from_texts"]
