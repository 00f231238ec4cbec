"""The `baocao` command: a thin layer that parses arguments and calls the pipeline.

Exit status (the contract): 0 when every input was processed, 1 when some failed (their
rows are in `errors`, everything else is written), 2 for a usage error."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline import __version__
from pipeline.outputs.commands import add_commands, after_extract

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _extract(args: argparse.Namespace) -> int:
    from pipeline.run import discover, run

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        _say(f"baocao: no such file or folder: {', '.join(map(str, missing))}")
        return EXIT_USAGE
    if not discover(args.paths):
        _say(f"baocao: no .docx, .pdf or .txt files found in {', '.join(map(str, args.paths))}")
        return EXIT_USAGE
    summary = run(args.paths, args.output, jobs=args.jobs, progress=not args.quiet,
                  report=lambda m: _say(f"baocao: {m}"))
    formats = ", ".join(f"{n} {fmt.upper()}" for fmt, n in sorted(summary.by_format.items())) or "none"
    _say(f"baocao: read {summary.documents} documents ({formats}); {len(summary.failed)} failed; "
         f"{summary.errors} rows in errors; tables in {summary.outdir}/; {summary.elapsed:.1f} s")
    after_extract(args.output, quiet=args.quiet)
    return EXIT_SOME_FAILED if summary.errors else EXIT_OK


def _eval(args: argparse.Namespace) -> int:
    from pipeline.eval_sections import evaluate_all
    from pipeline.evaluate import evaluate

    if not args.raw:  # every section: samples, dev, realdev, sealed (see pipeline/eval_sections.py)
        print(evaluate_all(verbose=args.verbose))
        return EXIT_OK
    for raw in args.raw:
        print(f"== {raw} ==")
        print(evaluate(raw, args.gold, verbose=args.verbose))
        print()
    return EXIT_OK


def _bench(args: argparse.Namespace) -> int:
    from pipeline.bench import bench

    print(bench(args.paths, n=args.n, jobs=args.jobs))
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from schemas.dictionary import data_dictionary

    print(data_dictionary())
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="baocao", description="Turn commune reports on Plan 02-KH/BCĐTW into Parquet tables.")
    top.add_argument("--version", action="version", version=f"baocao {__version__}")
    sub = top.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="read reports and write the tables")
    ex.add_argument("paths", nargs="+", type=Path, help="files and folders (searched recursively)")
    ex.add_argument("-o", "--output", type=Path, required=True, help="output folder for the tables")
    ex.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    ex.set_defaults(func=_extract)

    ev = sub.add_parser("eval", help="score the extractors against the gold annotations")
    ev.add_argument("--raw", type=Path, action="append",
                    help="a folder of inputs scored against --gold (repeatable); default: every section of make eval")
    ev.add_argument("--gold", type=Path, default=Path("data/gold"), help="gold annotations (default data/gold)")
    ev.add_argument("-v", "--verbose", action="store_true", help="also list every difference from the gold")
    ev.set_defaults(func=_eval)

    be = sub.add_parser("bench", help="measure throughput and peak memory")
    be.add_argument("paths", nargs="*", type=Path, help="files and folders (default: the generated corpus)")
    be.add_argument("-n", type=int, default=2000, help="reports in the generated corpus (default 2000)")
    be.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1: per-stage times)")
    be.set_defaults(func=_bench)

    sc = sub.add_parser("schema", help="print the data dictionary of every output table")
    sc.set_defaults(func=_schema)
    add_commands(sub)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        _say("baocao: interrupted; the previous tables are unchanged")
        return 130


if __name__ == "__main__":
    sys.exit(main())
