"""Command line: ``kuril-research build``, ``kuril-research report`` and ``kuril-research evaluate``.

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

from . import __version__
from .errors import KurilResearchError, ReportError

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
                                       "Defaults to the embedded corpus in data/raw/.")
    build.add_argument("raw_dir", nargs="?", type=Path, help="folder of article files (default: data/raw/articles)")
    build.add_argument("--manifest", type=Path, help="manifest CSV (default: manifest.csv beside or in RAW_DIR)")
    build.add_argument("--out", type=Path, help="output folder (default: data/processed)")
    build.add_argument("--jobs", type=int, default=1, help="processes to use (default: 1); output is identical")
    build.add_argument("--gazetteer", type=Path, help="alternative gazetteer YAML")
    build.add_argument("--engine", choices=["local", "dask"], default="local",
                       help="local processes (default) or Dask (needs the 'dask' extra); same tables either way")
    build.add_argument("--scheduler", metavar="ADDRESS",
                       help="with --engine dask: address of an existing Dask scheduler (default: a local cluster)")

    report = sub.add_parser(
        "report", help="run the notebooks and publish them in reports/ (HTML, figures, tables)",
        description="Execute the report notebooks with papermill and write reports/<name>/ (executed notebook, "
                    "HTML, figures, tables, provenance.json) and reports/index.html. Builds the corpus first if "
                    "data/processed is missing or out of date. A report whose inputs have not changed is skipped.",
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
    report.add_argument("--corpus", type=Path, help="processed corpus folder (default: data/processed)")
    report.add_argument("--raw", type=Path, help="raw article folder to build from (default: data/raw/articles)")
    report.add_argument("--manifest", type=Path, help="manifest CSV of --raw (default: manifest.csv beside or in it)")
    report.add_argument("--notebooks", type=Path, help="folder of NN_name.ipynb notebooks (default: notebooks)")
    report.add_argument("--list", action="store_true", help="list the notebooks and their parameters, run nothing")

    evaluate = sub.add_parser(
        "evaluate", help="measure the tool's accuracy on hand-annotated gold articles",
        description="Build the gold articles of GOLD_DIR (format: data/gold/FORMAT.md) and print precision, recall, "
                    "F1 and accuracy with 95%% bootstrap intervals, and the number of errors.",
        epilog="Example: kuril-research evaluate data/gold --split test --out eval/ --record eval/record.json")
    evaluate.add_argument("gold_dir", type=Path, metavar="GOLD_DIR",
                          help="gold folder: manifest.csv, articles/, annotations/, coding/")
    evaluate.add_argument("--split", choices=["test", "dev", "all"], default="test",
                          help="articles to score (default: test; tune on dev)")
    evaluate.add_argument("--out", type=Path, metavar="DIR",
                          help="write scores.csv, errors.csv, confusion_voice.csv and confusion_frames.csv there")
    evaluate.add_argument("--record", type=Path, metavar="FILE", help="write a JSON measurement record")
    evaluate.add_argument("--date", metavar="YYYY-MM-DD", help="date of the measurement (default: today)")

    return parser


def _build(args: argparse.Namespace) -> int:
    from .corpus import read_table, write_corpus

    if args.jobs < 1:
        raise KurilResearchError("--jobs must be at least 1", field="--jobs", hint="pass --jobs 1 or more")
    if args.scheduler and args.engine != "dask":
        raise KurilResearchError("--scheduler goes with --engine dask", field="--scheduler",
                                 hint="add --engine dask, or drop --scheduler")
    if args.engine == "dask":
        try:
            from .distributed import build_corpus_dask
        except ImportError as exc:
            raise KurilResearchError(f"--engine dask needs Dask ({exc.name} is not installed)", field="--engine",
                                     hint="install the extra: pip install 'kuril_research[dask]'") from None
        summary = build_corpus_dask(args.raw_dir, args.manifest, args.out, scheduler=args.scheduler,
                                    gazetteer=args.gazetteer).summary_counts
    else:  # written without loading the tables back: memory stays bounded
        summary = write_corpus(args.raw_dir, args.manifest, args.out, jobs=args.jobs, gazetteer=args.gazetteer)
    print(f"built {summary.documents} documents, {summary.rejects} rejected ({summary.duplicates} duplicates), "
          f"{summary.warnings} with warnings -> {summary.out_dir}")
    for row in read_table(summary.out_dir, "rejects").itertuples():
        print(f"  rejected {row.file}: {row.reason} — {row.detail}")
    return EXIT_OK


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
        if args.command == "evaluate":
            from .evaluate.command import cli_evaluate  # noqa: PLC0415 - heavy imports only when evaluating

            return cli_evaluate(args)
        from .reports import cli_report  # noqa: PLC0415 - heavy imports only when reporting

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
