"""The `baocao` sub-commands for the dataset's users (query, errors, export, report, db), and
what `baocao extract` does once the tables are written (the database, the console table).

`pipeline.cli` stays thin: it calls `add_commands` and `after_extract`; each command reads an
output folder (default `data/processed`, the one `make extract` writes) and exits 2 with a
plain message when that folder holds no baocao tables."""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

DEFAULT_OUT = Path("data/processed")
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _say(message: str) -> None:
    print(f"baocao: {message}", file=sys.stderr)


def _has_tables(outdir: Path) -> bool:
    if not (outdir / "commune_summary").is_dir():
        _say(f"no baocao tables in {outdir}: run `baocao extract INPUT -o {outdir}` (or `make extract`) first")
        return False
    return True


def after_extract(outdir: Path, quiet: bool = False) -> None:
    """Build `OUTDIR/baocao.duckdb`, then show the per-commune table when stderr is a terminal
    wide enough for it. A failure here leaves the tables as written and says why."""
    from pipeline.outputs.console import summary_table
    from pipeline.outputs.database import build_database

    try:
        started = time.perf_counter()
        path = build_database(outdir)
        if not quiet:
            _say(f"database {path} ({time.perf_counter() - started:.1f} s)")
        if not quiet and sys.stderr.isatty():
            table = summary_table(outdir, width=shutil.get_terminal_size().columns)
            if table:
                print(table, file=sys.stderr)
    except Exception as exc:  # the tables are written; the extras must not turn that into a failure
        _say(f"the tables are written, but the database or summary could not be: {type(exc).__name__}: {exc}")


def _query(args: argparse.Namespace) -> int:
    import duckdb

    from pipeline.outputs.database import connect

    if not _has_tables(args.output):
        return EXIT_USAGE
    try:
        frame = connect(args.output).sql(args.sql).df()
    except duckdb.Error as exc:
        _say(f"query failed: {exc}")
        return EXIT_USAGE
    if args.csv:
        frame.to_csv(sys.stdout, index=False)
    else:
        import pandas as pd

        with pd.option_context("display.max_rows", 500, "display.max_columns", 50, "display.width", 200,
                               "display.max_colwidth", 60):
            print(frame.to_string(index=False))
    return EXIT_OK


def _errors(args: argparse.Namespace) -> int:
    from pipeline.outputs.console import errors_text

    if not _has_tables(args.outdir):
        return EXIT_USAGE
    print(errors_text(args.outdir))
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from pipeline.outputs.excel import export_workbook

    if not _has_tables(args.outdir):
        return EXIT_USAGE
    started = time.perf_counter()
    path = export_workbook(args.outdir, args.xlsx)
    _say(f"workbook {path} ({path.stat().st_size / 1024:.0f} KB, {time.perf_counter() - started:.1f} s)")
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from pipeline.outputs.report import write_report

    if not _has_tables(args.outdir):
        return EXIT_USAGE
    started = time.perf_counter()
    path = write_report(args.outdir, args.html or args.outdir / "baocao_report.html")
    _say(f"report {path} ({path.stat().st_size / 1024:.0f} KB, {time.perf_counter() - started:.1f} s)")
    return EXIT_OK


def _db(args: argparse.Namespace) -> int:
    from pipeline.outputs.database import build_database

    if not _has_tables(args.outdir):
        return EXIT_USAGE
    _say(f"database {build_database(args.outdir)}")
    return EXIT_OK


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register the dataset users' commands on the `baocao` parser."""
    def outdir(p: argparse.ArgumentParser) -> None:
        p.add_argument("outdir", nargs="?", type=Path, default=DEFAULT_OUT,
                       help=f"a baocao output folder (default {DEFAULT_OUT})")

    qu = sub.add_parser("query", help="run SQL (DuckDB) over the tables and comparison views")
    qu.add_argument("sql", help='e.g. "SELECT commune, on_time_pct FROM tthc_rates"')
    qu.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    qu.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    qu.set_defaults(func=_query)

    er = sub.add_parser("errors", help="print the errors of a run in plain words")
    outdir(er)
    er.set_defaults(func=_errors)

    ex = sub.add_parser("export", help="write an Excel workbook of the tables")
    outdir(ex)
    ex.add_argument("--xlsx", type=Path, required=True, help="the workbook to write")
    ex.set_defaults(func=_export)

    re_ = sub.add_parser("report", help="write the self-contained HTML comparison report")
    outdir(re_)
    re_.add_argument("--html", type=Path, help="the page to write (default OUTDIR/baocao_report.html)")
    re_.set_defaults(func=_report)

    db = sub.add_parser("db", help="(re)build OUTDIR/baocao.duckdb, e.g. after moving the folder")
    outdir(db)
    db.set_defaults(func=_db)
