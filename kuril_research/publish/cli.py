"""Command line: ``kuril-research build``, ``report``, ``code`` and ``evaluate``.

Exit codes
----------
0  success
1  a report notebook failed (the previous report is left as it was)
2  bad input or usage: the message names the file, line or field and what to do
130 interrupted (Ctrl-C); outputs are left as they were
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kuril_research import __version__
from kuril_research.errors import KurilResearchError, ReportError

__all__ = ["main"]

EXIT_OK, EXIT_REPORT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kuril-research",
        description="Build and report on a corpus of news about the Russia–Japan peace-treaty talks "
                    "and the southern Kuril Islands / Northern Territories dispute.",
        epilog="Exit codes: 0 success, 1 a report notebook failed, 2 bad input or usage, 130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = sub.add_parser("build", help="parse and normalise raw articles into Parquet tables",
                           description="Parse raw articles into data/processed/*.parquet. "
                                       "Defaults to the embedded corpus in data/raw/. RAW_DIR may hold one-article "
                                       ".txt/.html files (with a manifest.csv), CSV/TSV/JSON Lines/Parquet/.xlsx "
                                       "exports with one row per article, and Nexis .TXT/.DOCX/.RTF downloads; "
                                       "any other file is listed as rejected (unsupported_format).",
                           epilog="Example: kuril-research build my_raw --out my_corpus --text-column body "
                                  "--title-column headline --date-format %d/%m/%Y")
    build.add_argument("raw_dir", nargs="?", type=Path, help="folder of article files and exports "
                                                             "(default: data/raw/articles)")
    build.add_argument("--manifest", type=Path, help="manifest CSV (default: manifest.csv beside or in RAW_DIR)")
    build.add_argument("--out", type=Path, help="output folder (default: data/processed)")
    build.add_argument("--jobs", type=int, default=1, help="processes to use (default: 1); output is identical")
    build.add_argument("--gazetteer", type=Path, help="alternative gazetteer YAML")
    build.add_argument("--replace", action="store_true",
                       help="replace a corpus in --out that was built from another raw folder (refused otherwise)")
    build.add_argument("--engine", choices=["local", "dask"], default="local",
                       help="local processes (default) or Dask (needs the 'dask' extra); same tables either way")
    build.add_argument("--scheduler", metavar="ADDRESS",
                       help="with --engine dask: address of an existing Dask scheduler (default: a local cluster)")
    columns = build.add_argument_group(
        "tabular exports", "which column holds what, in CSV/TSV/JSON Lines/Parquet/.xlsx files (default: common "
                           "names such as text/body, title/headline, published/date, outlet/source, id)")
    for role in ("text", "title", "date", "outlet", "id"):
        columns.add_argument(f"--{role}-column", metavar="COLUMN", help=f"column holding the article's {role}")
    columns.add_argument("--date-format", metavar="FORMAT",
                         help="strptime format of the date column, e.g. %%d/%%m/%%Y (default: ISO dates and "
                              "'January 22, 2019' / '22 January 2019' are recognised)")
    columns.add_argument("--mapping", type=Path, metavar="YAML",
                         help="a YAML file with the same keys (text, title, date, date_format, outlet, id, url, "
                              "language, extra: [columns to keep]); options given on the command line win")
    build.add_argument("--nexis-markers", type=Path, metavar="YAML",
                       help="alternative Nexis markers file, for an export layout or language the shipped one lacks")
    build.add_argument("--keep-duplicates", action="store_true",
                       help="keep every copy of near-identical articles (syndicated stories) instead of counting "
                            "each story once by its earliest copy; the groups are listed in duplicates either way")

    report = sub.add_parser(
        "report", help="run the notebooks and publish them in reports/ (HTML, figures, tables)",
        description="Execute the report notebooks with papermill and write reports/<name>/ (executed notebook, "
                    "HTML, figures, tables, provenance.json) and reports/index.html. With no --corpus and no --raw, "
                    "builds the embedded corpus into data/processed first if it is missing or out of date. "
                    "--corpus DIR is read as it is, never rebuilt (stale: exit 2 with the command that rebuilds "
                    "it); --corpus DIR --raw RAW rebuilds DIR from RAW when RAW changed. Reports of any corpus but "
                    "the embedded one need --out. A report whose inputs have not changed is skipped.",
        epilog="Examples: kuril-research report | kuril-research report term_frequency -p top_n 50 "
               "| kuril-research report --list")
    report.add_argument("names", nargs="*", metavar="NAME",
                        help="notebooks to run: 01_corpus_overview, corpus_overview or 01 (default: all)")
    report.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("KEY", "VALUE"),
                        help="set a notebook parameter; VALUE is read as a Python literal unless the parameter "
                             "is a string, e.g. -p top_n 50 -p outlets '[\"TASS\"]' (repeatable)")
    report.add_argument("--out", type=Path, help="reports folder (default: reports)")
    report.add_argument("--force", action="store_true", help="run notebooks even if their report is up to date")
    report.add_argument("--show-code", action="store_true", help="keep the code cells in the HTML pages")
    report.add_argument("--corpus", type=Path,
                        help="built corpus folder, used as it is (default: data/processed, built from the embedded "
                             "corpus when missing or stale)")
    report.add_argument("--raw", type=Path,
                        help="raw article folder that --corpus is (re)built from when it changed; needs --corpus")
    report.add_argument("--manifest", type=Path, help="manifest CSV of --raw (default: manifest.csv beside or in it)")
    report.add_argument("--notebooks", type=Path, help="folder of NN_name.ipynb notebooks (default: notebooks)")
    report.add_argument("--list", action="store_true", help="list the notebooks and their parameters, run nothing")

    code = sub.add_parser(
        "code", help="code a built corpus's frame and trade cues once, for the report notebooks to read",
        description="Scan every sentence of a built corpus for the cues of the frame codebook and the trade "
                    "lexicon and keep the tables beside it (CORPUS/.arrow-cache/cues-*.arrow), keyed by the "
                    "lexicon file, the code and the corpus's content. An unchanged lexicon is not coded again, an "
                    "edited one is. Optional: a report notebook codes what it needs itself the first time.",
        epilog="Example: kuril-research code --corpus data/processed")
    code.add_argument("--corpus", type=Path, help="built corpus folder (default: data/processed)")
    code.add_argument("--codebook", type=Path, metavar="YAML", help="frame codebook (default: data/frames.yaml)")
    code.add_argument("--lexicon", type=Path, metavar="YAML", help="trade cue lexicon (default: data/trade.yaml)")

    evaluate = sub.add_parser(
        "evaluate", help="measure the tool's accuracy on hand-annotated gold articles",
        description="Build the gold articles of GOLD_DIR (format: data/gold/FORMAT.md) and print precision, recall, "
                    "F1 and accuracy with 95 % bootstrap intervals, and the number of errors.",
        epilog="Example: kuril-research evaluate data/gold --split test --out eval/ --record eval/record.json")
    evaluate.add_argument("gold_dir", type=Path, metavar="GOLD_DIR", nargs="?",
                          help="gold folder: manifest.csv, articles/, annotations/, coding/ (default: the shipped "
                               "data/gold)")
    evaluate.add_argument("--split", choices=["test", "dev", "all"], default="test",
                          help="articles to score (default: test; tune on dev)")
    evaluate.add_argument("--out", type=Path, metavar="DIR",
                          help="write scores.csv, errors.csv, confusion_voice.csv and confusion_frames.csv there")
    evaluate.add_argument("--record", type=Path, metavar="FILE", help="write a JSON measurement record")
    evaluate.add_argument("--date", metavar="YYYY-MM-DD", help="date of the measurement (default: today)")

    return parser


def _mapping(args: argparse.Namespace):
    from kuril_research.ingest.readers import ColumnMapping, load_mapping

    base = load_mapping(args.mapping) if args.mapping is not None else ColumnMapping()
    return base.merged(text=args.text_column, title=args.title_column, date=args.date_column,
                       outlet=args.outlet_column, id=args.id_column, date_format=args.date_format)


def _build(args: argparse.Namespace) -> int:
    import pandas as pd

    from kuril_research.corpus import read_table, write_corpus

    if args.jobs < 1:
        raise KurilResearchError("--jobs must be at least 1", field="--jobs", hint="pass --jobs 1 or more")
    if args.scheduler and args.engine != "dask":
        raise KurilResearchError("--scheduler goes with --engine dask", field="--scheduler",
                                 hint="add --engine dask, or drop --scheduler")
    sources = {"mapping": _mapping(args), "nexis_markers": args.nexis_markers,
               "keep_duplicates": args.keep_duplicates}
    if args.engine == "dask":
        try:
            from kuril_research.corpus.distributed import write_corpus_dask
        except ImportError as exc:
            raise KurilResearchError(f"--engine dask needs Dask ({exc.name} is not installed)", field="--engine",
                                     hint="install the extra: pip install 'kuril_research[dask]'") from None
        summary = write_corpus_dask(args.raw_dir, args.manifest, args.out, scheduler=args.scheduler,
                                    gazetteer=args.gazetteer, replace=args.replace, **sources)
    else:  # written without loading the tables back: memory stays bounded
        summary = write_corpus(args.raw_dir, args.manifest, args.out, jobs=args.jobs, gazetteer=args.gazetteer,
                               replace=args.replace, **sources)
    print(f"built {summary.documents} documents, {summary.rejects} rejected ({summary.duplicates} duplicates), "
          f"{summary.warnings} with warnings -> {summary.out_dir}")
    if summary.near_duplicate_groups:
        fate = "kept (--keep-duplicates)" if args.keep_duplicates else "counted once, by the earliest copy"
        print(f"  near-duplicates: {summary.near_duplicate_copies} copies of {summary.near_duplicate_groups} "
              f"stories grouped, {fate}; see the duplicates table")
    for row in read_table(summary.out_dir, "rejects").itertuples():
        where = "" if pd.isna(row.source_position) else f" (article {row.source_position})"
        print(f"  rejected {row.file}{where}: {row.reason} — {row.detail}")
    _print_warnings(summary.out_dir)
    return EXIT_OK


#: Documents with warnings named after a build; the rest are counted.
WARNINGS_SHOWN = 10


def _print_warnings(out_dir: Path) -> None:
    """Name the documents built with warnings (the first :data:`WARNINGS_SHOWN`) and say where to see all."""
    from kuril_research.corpus import documents_with_warnings

    warned = documents_with_warnings(out_dir)
    for row in warned.head(WARNINGS_SHOWN).itertuples():
        print(f"  warning {row.doc_id}: {row.warnings}")
    if len(warned) > WARNINGS_SHOWN:
        print(f"  ... and {len(warned) - WARNINGS_SHOWN} more: all are in the 'warnings' table of report 01 "
              "(kuril-research report 01) and in corpus.documents.query(\"warnings != ''\")")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Examples
    --------
    >>> main(["build", "/nonexistent/raw", "--manifest", "/nonexistent/m.csv"])
    2
    """
    args = _parser().parse_args(argv)
    try:
        if args.command == "build":
            return _build(args)
        if args.command == "code":
            from kuril_research.publish.code_command import cli_code  # noqa: PLC0415 - heavy imports only when coding

            return cli_code(args)
        if args.command == "evaluate":
            from kuril_research.publish.evaluate_command import cli_evaluate  # noqa: PLC0415 - heavy imports only when evaluating

            return cli_evaluate(args)
        from kuril_research.publish.reports import cli_report  # noqa: PLC0415 - heavy imports only when reporting

        return cli_report(args)
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_REPORT_FAILED
    except KurilResearchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted: outputs were left as they were", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
