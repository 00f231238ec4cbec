"""The options of a run: input limits, link policy, OCR, parallelism. One frozen object.

It is built once (by the command line, or with its defaults by a notebook or a test) and passed
down to `process_bytes` and every ingest backend; no stage reads a global or the environment.
Frozen, so a worker process gets an exact copy and nothing can change it half-way through a run.

The limits protect the machine from one hostile or broken file (a ZIP bomb, a PDF content stream
that expands to gigabytes, a text of 50 million characters without a line break): an input over a
limit becomes an `errors` row of type `too_large` that names the limit and its command-line option,
and the run goes on. The defaults are far above any real commune report (a few hundred KiB, tens
of pages, tens of thousands of characters)."""

from __future__ import annotations

import os
from dataclasses import Field, dataclass, field, fields
from typing import Literal

MiB = 1 << 20

Executor = Literal["serial", "process", "dask"]


def _opt(default, flag: str, text: str, metavar: str | None = None):
    """A field with its command-line flag and help text (the CLI builds `--help` from them)."""
    return field(default=default, metadata={"flag": flag, "help": text} | ({"metavar": metavar} if metavar else {}))


@dataclass(frozen=True)
class Options:
    """Everything a run may be told; see each field's help text (also shown by `--help`)."""

    max_file_mib: int = _opt(100, "--max-file-mib", "largest input file read, in MiB (default %(default)s)")
    max_unpacked_mib: int = _opt(256, "--max-unpacked-mib",
                                 "most a DOCX, or a PDF's compressed streams, may expand to in all, in MiB "
                                 "(default %(default)s)")
    max_part_mib: int = _opt(64, "--max-part-mib", "largest XML part of a DOCX once unpacked, in MiB (default %(default)s)")
    max_ratio: int = _opt(200, "--max-ratio",
                          "highest compression ratio of a DOCX part or a PDF stream that expands beyond 1 MiB "
                          "(default %(default)s; a ZIP bomb has thousands)")
    max_pages: int = _opt(1000, "--max-pages", "most pages in a PDF (default %(default)s)")
    max_chars: int = _opt(2_000_000, "--max-chars", "most characters of text in one document (default %(default)s)")
    follow_outside_links: bool = _opt(False, "--follow-outside-links",
                                      "follow symbolic links inside an input folder that point outside the "
                                      "folders given (default: not followed; each gets an errors row)")
    ocr: bool = _opt(True, "--ocr", "read PDF pages without a usable text layer (scans, stamp or garbage layers) with "
                                    "Tesseract OCR (default on; --no-ocr leaves them out with a warning or an errors row)")
    ocr_dpi: int = _opt(300, "--ocr-dpi", "resolution pages are rendered at for OCR (default %(default)s, measured)")
    ocr_cache: str = _opt("", "--ocr-cache",
                          "folder that keeps OCR readings between runs, keyed by the page image, Tesseract's version "
                          "and settings, so a re-run after a rule change skips Tesseract (default: "
                          "OUTPUT/.baocao/cache/ocr; none with --no-cache)", "FOLDER")
    convert_seconds: int = _opt(120, "--convert-seconds",
                                "longest LibreOffice may take to convert a .doc/.rtf/.odt file (default %(default)s)")
    jobs: int = _opt(os.cpu_count() or 1, "--jobs", "worker processes, 1 or more (default: the number of cores)")
    executor: Executor = _opt("process", "--executor",
                              "how documents run: 'process' (a local process pool of --jobs workers that end with "
                              "baocao), 'serial' (one by one in this process) or 'dask' (the workers of the Dask "
                              "cluster at --scheduler) (default %(default)s)")
    scheduler: str = _opt("", "--scheduler", "address of the Dask scheduler for --executor dask (tcp://host:8786)",
                          "ADDRESS")
    fact_model: bool = _opt(False, "--fact-model",
                            "add the fact-mention model's proposals for figures the metric rules left out "
                            "(metrics rows with source = model and a confidence; default: off, it did not beat "
                            "the rules on the development reports)")
    no_cache: bool = _opt(False, "--no-cache",
                          "extract every input again (default: an input whose content, options and pipeline code "
                          "are unchanged is taken from OUTPUT/.baocao/cache)")

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_mib * MiB

    @property
    def max_unpacked_bytes(self) -> int:
        return self.max_unpacked_mib * MiB

    @property
    def max_part_bytes(self) -> int:
        return self.max_part_mib * MiB

    def skipped_components(self) -> tuple[str, ...]:
        """The extractor components this run leaves out (the fact-mention model unless asked for)."""
        return () if self.fact_model else ("fact_model",)

    def parallel(self) -> bool:
        """True when documents go to local worker processes."""
        return self.executor == "process" and self.jobs > 1

    def output_affecting(self) -> list[tuple[str, object]]:
        """The options that can change a document's rows (not where or how it runs): part of
        the cache key (`pipeline.cache`)."""
        return [(f.name, getattr(self, f.name)) for f in fields(self) if f.name not in RUN_ONLY]

    def limit(self, name: str) -> str:
        """How a `too_large` message names a limit: its option and value (`--max-pages 1000`)."""
        return f"{_FIELDS[name].metadata['flag']} {getattr(self, name)}"


RUN_ONLY = frozenset({"jobs", "executor", "scheduler", "no_cache", "ocr_cache"})
"""Options that decide where and how documents run, never what they give."""

_FIELDS = {f.name: f for f in fields(Options)}

DEFAULTS = Options()
"""The options a run has when nobody says otherwise."""


def option_fields() -> list[Field]:
    """Every field with its metadata, in declaration order (for the command line)."""
    return list(_FIELDS.values())
