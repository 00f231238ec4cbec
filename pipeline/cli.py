"""The `baocao` command: a thin layer that parses arguments and calls the pipeline.

Exit status (the contract): 0 when every input was processed, 1 when some failed (their
rows are in `errors`, everything else is written), 2 for a usage error."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from extractors.registry import RegistryError
from pipeline import __version__
from pipeline.options import Options, option_fields
from pipeline.outputs.commands import add_commands, after_extract

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def _say(message: str) -> None:
    print(message, file=sys.stderr)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is: the same message, the previous tables kept."""


def _on_sigterm(signum, frame) -> None:
    raise _Terminated()


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _add_options(parser: argparse.ArgumentParser) -> None:
    """One command-line option per `Options` field, with the field's help text."""
    group = parser.add_argument_group("run options (limits, links, workers)")
    for f in option_fields():
        flags = [f.metadata["flag"]] + (["-j"] if f.name == "jobs" else [])
        if f.type in ("bool", bool):
            group.add_argument(*flags, dest=f.name, action=argparse.BooleanOptionalAction if f.default else "store_true",
                               default=f.default, help=f.metadata["help"])
        elif f.name == "executor":
            group.add_argument(*flags, dest=f.name, choices=("process", "serial", "dask"), default=f.default,
                               help=f.metadata["help"])
        elif f.type in ("str", str):
            group.add_argument(*flags, dest=f.name, default=f.default, metavar=f.metadata.get("metavar", "TEXT"),
                               help=f.metadata["help"])
        else:
            group.add_argument(*flags, dest=f.name, type=_positive, default=f.default, metavar="N",
                               help=f.metadata["help"])


def _options(args: argparse.Namespace) -> Options:
    return Options(**{f.name: getattr(args, f.name) for f in option_fields()})


def _path_or_url(text: str) -> Path | str:
    """A local path, or an fsspec URL (`s3://bucket/reports`) kept as it is written."""
    return text if "://" in text else Path(text)


def _missing(paths: list[Path | str]) -> str | None:
    import os

    missing = [p for p in paths if not isinstance(p, str) and not os.path.lexists(p)]
    return f"baocao: no such file or folder: {', '.join(map(str, missing))}" if missing else None


def _extract(args: argparse.Namespace) -> int:
    from pipeline.inputs import has_inputs
    from pipeline.run import run
    from pipeline.writer import OutputLock, OutputRefused

    options = _options(args)
    if options.executor == "dask" and not options.scheduler:
        _say("baocao: --executor dask needs --scheduler ADDRESS (tcp://host:8786)")
        return EXIT_USAGE
    problem = _missing(args.paths)
    if problem:
        _say(problem)
        return EXIT_USAGE
    if not has_inputs(args.paths, options):
        _say(f"baocao: no .docx, .pdf or .txt files found in {', '.join(map(str, args.paths))}")
        return EXIT_USAGE
    try:
        lock = OutputLock.take(args.output)
    except OutputRefused as exc:
        _say(f"baocao: {exc}")
        return EXIT_USAGE
    summary = run(args.paths, args.output, options, progress=not args.quiet,
                  report=lambda m: _say(f"baocao: {m}"), lock=lock)
    formats = ", ".join(f"{n} {fmt.upper()}" for fmt, n in sorted(summary.by_format.items())) or "none"
    _say(f"baocao: read {summary.documents} documents ({formats}); {len(summary.failed)} failed; "
         f"{summary.errors} rows in errors; tables in {summary.outdir}/; {summary.elapsed:.1f} s")
    after_extract(args.output, quiet=args.quiet)
    return EXIT_SOME_FAILED if summary.errors else EXIT_OK


def _eval(args: argparse.Namespace) -> int:
    from pipeline.eval_sections import evaluate_all, sections
    from pipeline.evaluate import evaluate

    if not args.raw and not any(s.inputs.is_dir() for s in sections()):
        _say("baocao eval: no gold-annotated inputs here (data/raw, data/dev); run it in the repository, "
             "or give --raw FOLDER and --gold FOLDER")
        return EXIT_USAGE
    if not args.raw:  # every section: samples, dev, realdev, sealed (see pipeline/eval_sections.py)
        print(evaluate_all(verbose=args.verbose))
        return EXIT_OK
    missing = [p for p in [*args.raw, args.gold] if not p.is_dir()]
    if missing:
        _say(f"baocao eval: {', '.join(map(str, missing))} not found; give existing --raw and --gold folders")
        return EXIT_USAGE
    for raw in args.raw:
        print(f"== {raw} ==")
        print(evaluate(raw, args.gold, verbose=args.verbose))
        print()
    return EXIT_OK


def _bench(args: argparse.Namespace) -> int:
    from pipeline.bench import bench
    from pipeline.inputs import find_inputs

    problem = _missing(args.paths)
    if args.paths and (problem or not find_inputs(args.paths)):
        _say(problem or f"baocao: no .docx, .pdf or .txt files found in {', '.join(map(str, args.paths))}")
        return EXIT_USAGE
    if args.tiny:
        from pipeline.bench import scale

        print(scale(args.n, args.jobs, args.corpus))
        return EXIT_OK
    print(bench(args.paths, n=args.n, jobs=args.jobs, corpus=args.corpus, nlp_ab=args.nlp_ab))
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
    ex.add_argument("paths", nargs="+", type=_path_or_url,
                    help="files and folders (searched recursively), or fsspec URLs (memory://, s3://bucket/dir ...)")
    ex.add_argument("-o", "--output", type=Path, required=True, help="output folder for the tables")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    _add_options(ex)
    ex.set_defaults(func=_extract)

    ev = sub.add_parser("eval", help="score the extractors against the gold annotations")
    ev.add_argument("--raw", type=Path, action="append",
                    help="a folder of inputs scored against --gold (repeatable); default: every section of make eval")
    ev.add_argument("--gold", type=Path, default=Path("data/gold"), help="gold annotations (default data/gold)")
    ev.add_argument("-v", "--verbose", action="store_true", help="also list every difference from the gold")
    ev.set_defaults(func=_eval)

    be = sub.add_parser("bench", help="measure throughput and peak memory")
    be.add_argument("paths", nargs="*", type=Path, help="files and folders (default: the generated corpus)")
    be.add_argument("-n", type=_positive, default=2000, help="reports in the generated corpus (default 2000)")
    be.add_argument("-j", "--jobs", type=_positive, default=1, help="worker processes (default 1: per-stage times)")
    be.add_argument("--tiny", action="store_true",
                    help="scale run: N tiny TXT reports, docs/s and peak RSS of the main process and the tree")
    be.add_argument("--corpus", type=Path, default=Path("build") / "bench",
                    help="folder where generated corpora are built and reused (default build/bench)")
    be.add_argument("--nlp-ab", action="store_true",
                    help="also run the corpus without entities and findings, in a fresh process at the same time, and "
                         "print what they add to the run's CPU time (issue 11's figure; twice the CPU)")
    be.set_defaults(func=_bench)

    sc = sub.add_parser("schema", help="print the data dictionary of every output table")
    sc.set_defaults(func=_schema)
    add_commands(sub)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return args.func(args)
    except KeyboardInterrupt as exc:
        _say("baocao: interrupted; the previous tables are unchanged")
        return 128 + (signal.SIGTERM if isinstance(exc, _Terminated) else signal.SIGINT)
    except RegistryError as exc:  # a badly declared extractor: refused at the first document, before any row is written
        _say(f"baocao: the extractors are misconfigured: {exc}")
        return 2
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
