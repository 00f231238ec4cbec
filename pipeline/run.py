"""Orchestration: find the inputs, process each one, collect the rows, write the tables.

`process_bytes` is the whole work on one document: a pure function of the file's bytes and
path (and the pipeline version) that returns Arrow tables, so it can run in a process pool
(`--jobs`) and later on a cluster, and its result could be cached by the content hash. A
failure in one document, or in one extractor on one document, becomes an `errors` row;
the run goes on. Every input entry `pipeline.inputs.find_inputs` finds ends as exactly one
`documents` row or one `errors` row at stage `discover`, `read` or `ingest` (or a
`duplicate_content` row), whatever the file holds.

Worker processes end with the run: they ignore Ctrl-C (the parent handles it), are terminated
when the parent stops for any reason, and on Linux are killed by the kernel when the parent
dies (`PR_SET_PDEATHSIG`), so a killed run leaves no process behind."""

from __future__ import annotations

import ctypes
import hashlib
import multiprocessing
import os
import shutil
import signal
import stat
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from datamodel import Document
from extractors.registry import Facts, run_components
from pipeline import __version__
from pipeline.build import doc_id_for, read_document
from pipeline.ingest.base import InputError
from pipeline.ingest.limits import too_large
from pipeline.inputs import Input, find_inputs, iter_inputs, shown_name
from pipeline.ocr_evidence import annotate
from pipeline.options import DEFAULTS, Options
from pipeline.writer import OutputLock

if TYPE_CHECKING:
    import pyarrow as pa


@dataclass
class DocResult:
    """What one input produced: its validated rows per table (made Arrow a batch of documents
    at a time, `writer.arrow_tables`), its error rows, and how it went. `checked` holds, per
    table, the slice of `errors` its validation wrote: if Arrow then refuses the table's rows,
    one `invalid_rows` row takes that slice's place (`errors_written`)."""

    source_path: str
    source_format: str | None
    doc_id: str | None
    rows: dict[str, list[dict]] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)
    failed: bool = False
    checked: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def tables(self) -> dict[str, pa.Table]:
        """The rows as Arrow tables (those Arrow refuses left out), for a caller that reads one
        document's tables (evaluation, tests); a run converts a whole batch at once."""
        from pipeline.writer import arrow_tables

        return arrow_tables([self.rows])[0]

    def errors_written(self, refused: dict[str, str]) -> list[dict]:
        """The error rows, with an `invalid_rows` row for each table of `refused` (Arrow's
        message by table name) in place of that table's validation rows."""
        errors = self.errors
        for name in sorted(refused, key=lambda n: self.checked[n], reverse=True):  # last slice first
            start, end = self.checked[name]
            errors = [*errors[:start], _error(self.source_path, f"write:{name}", "invalid_rows", refused[name], self.doc_id),
                      *errors[end:]]
        return errors


@dataclass
class RunSummary:
    """Counts for the closing summary and the exit status."""

    outdir: Path
    by_format: Counter
    failed: list[str]
    errors: int
    documents: int
    elapsed: float


def discover(paths: Iterable[Path], options: Options = DEFAULTS) -> list[Path]:
    """The input files that can be opened, in order (entries refused on discovery, such as a
    FIFO or a link out of the tree, are left out): what the evaluation and the bench score."""
    return [item.path for item in find_inputs(paths, options) if not item.refused]


def _error(source_path: str, stage: str, error_type: str, message: str, doc_id: str | None = None) -> dict:
    return {"doc_id": doc_id, "source_path": source_path, "stage": stage, "error_type": error_type, "message": message}


def _documents_row(doc: Document, data: bytes, notes: list[str]) -> dict:
    return {
        "doc_id": doc.doc_id,
        "source_path": doc.source_path,
        "source_format": doc.source_format,
        "sha256": hashlib.sha256(data).hexdigest(),
        "size_bytes": len(data),
        "page_count": doc.page_count,
        "ocr_pages": doc.meta.get("ocr_pages", 0) if doc.source_format == "pdf" else None,
        "ocr_confidence": doc.meta.get("ocr_confidence"),
        "signed_at": "; ".join(doc.meta.get("signed_at", [])) or None,
        "pipeline_version": __version__,
        "sections": len(doc.sections),
        "warnings": "; ".join(doc.warnings + notes) or None,
    }


def _layout_rows(doc: Document) -> list[dict]:
    """Blocks, zones and section headings of a document, each with its offsets."""
    rows = []

    def add(kind: str, start: int, end: int, **extra) -> None:
        rows.append({"doc_id": doc.doc_id, "kind": kind, "char_start": start, "char_end": end,
                     "page": doc.page_at(start), "evidence": doc.text[start:end], **extra})

    for b in doc.blocks:
        add(b.kind, b.start, b.end, region=b.region, table_index=b.table, row_index=b.row)
    for name, spans in doc.zones.items():
        for s in spans:
            add("zone", s.start, s.end, name=name, region="body")
    for sec in doc.sections:
        add("section", sec.start, sec.heading_end, name=sec.number, level=sec.level, topic=sec.topic, region="body")
    return rows


def _extract(doc: Document, result: DocResult, options: Options = DEFAULTS) -> Facts:
    """Run every extractor; one that fails leaves an errors row and the others go on."""

    def failed(name: str, exc: Exception) -> None:  # a bug in one extractor must not lose the document
        result.errors.append(_error(doc.source_path, name, "extractor_failed", f"{type(exc).__name__}: {exc}", doc.doc_id))

    return run_components(doc, on_error=failed, skip=options.skipped_components())


def _to_arrow(facts: Facts, result: DocResult) -> None:
    """Check every table's rows against its schema and rules (`schemas.validate`); the rows
    that pass become Arrow later, with the rest of their batch."""
    import schemas
    from schemas.validate import checked_rows

    tables = schemas.all_tables()
    for name, rows in facts.items():
        start = len(result.errors)
        try:
            result.rows[name], violations = checked_rows(tables[name], rows, result.source_path)
            result.errors += violations
        except (KeyError, ValueError) as exc:
            result.errors.append(_error(result.source_path, f"write:{name}", "invalid_rows", str(exc), result.doc_id))
        result.checked[name] = (start, len(result.errors))


def process_bytes(data: bytes, source_path: str, options: Options = DEFAULTS,
                  name_note: str | None = None) -> DocResult:
    """Everything the pipeline does to one document, from bytes to Arrow tables. `name_note`
    says the file name had to be escaped (it is added to the warnings or the error message)."""
    try:
        doc, notes = read_document(data, source_path, options)
    except InputError as exc:
        doc_id = doc_id_for(data) if data else None
        message = f"{exc.message} ({name_note})" if name_note else exc.message
        return DocResult(source_path, None, doc_id,
                         errors=[_error(source_path, "ingest", exc.error_type, message, doc_id)], failed=True)
    except Exception as exc:  # an unexpected fault in a backend: report it, keep going
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return DocResult(source_path, None, None, errors=[_error(source_path, "ingest", "internal_error", detail)],
                         failed=True)
    if name_note:
        doc.warnings.append(name_note)
    result = DocResult(source_path, doc.source_format, doc.doc_id)
    result.errors += [_error(source_path, "detect", "extension_mismatch", n, doc.doc_id) for n in notes]
    facts = _extract(doc, result, options)
    annotate(facts, doc)
    metadata = facts.pop("documents", [{}])
    facts["documents"] = [{**_documents_row(doc, data, notes), **(metadata[0] if metadata else {})}]
    facts["texts"] = [{"doc_id": doc.doc_id, "text": doc.text}]
    facts["blocks"] = _layout_rows(doc)
    _to_arrow(facts, result)
    return result


def read_input(path: Path, options: Options = DEFAULTS) -> bytes:
    """The bytes of a regular file, opened so that nothing can block (a FIFO or device that
    took the place of a file is refused from `fstat`) and read no further than the size limit."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError("not_a_regular_file", "not a regular file (a FIFO, socket or device); it is not read")
        if st.st_size > options.max_file_bytes:
            raise too_large(f"the file is {st.st_size / 2**20:.0f} MiB", options, "max_file_mib")
        data = f.read(options.max_file_bytes + 1)
    if len(data) > options.max_file_bytes:
        raise too_large("the file grew while it was read", options, "max_file_mib")
    return data


def process_file(item: Input | Path, options: Options = DEFAULTS) -> DocResult:
    """Read an input and process it; an input refused on discovery, or that cannot be read,
    becomes one errors row."""
    if isinstance(item, Path):
        item = Input(item, shown_name(item))
    if item.refused:
        error_type, message = item.refused
        return DocResult(item.shown, None, None, errors=[_error(item.shown, "discover", error_type, message)], failed=True)
    try:
        data = read_input(item.path, options)
    except InputError as exc:
        return DocResult(item.shown, None, None, errors=[_error(item.shown, "read", exc.error_type, exc.message)],
                         failed=True)
    except OSError as exc:
        return DocResult(item.shown, None, None,
                         errors=[_error(item.shown, "read", "unreadable_file", exc.strerror or str(exc))], failed=True)
    return process_bytes(data, item.shown, options, item.name_note)


_PR_SET_PDEATHSIG = 1


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _worker_setup(parent: int) -> None:
    """In each worker: leave Ctrl-C to the parent, and end when the parent ends, however it ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    else:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def _end_workers() -> None:
    for proc in multiprocessing.active_children():
        proc.kill()


def run(paths: Sequence[Path | str], outdir: Path, options: Options = DEFAULTS, progress: bool = True,
        report: Callable[[str], None] | None = None, lock: OutputLock | None = None) -> RunSummary:
    """Process every input and write the tables to `outdir` as one unit, streaming each batch's
    rows to disk (`pipeline.stream`, run by the executor `options.executor`); `report` receives
    a one-line message for every input problem as it happens. `lock` is the output folder,
    already checked and locked (`writer.OutputLock`); without it, it is taken here."""
    from pipeline.stream import run_streamed, spool_inputs
    from pipeline.writer import new_run

    started = time.perf_counter()
    lock = lock or OutputLock.take(outdir)
    run_id, partial = new_run(outdir)
    try:
        spool = spool_inputs(partial, iter_inputs(paths, options))  # no list of the inputs in memory
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    bar = None
    if progress and spool.inputs > 1 and sys.stderr.isatty():
        from tqdm import tqdm  # 0.02 CPU-s: only when the bar is shown

        bar = tqdm(total=spool.inputs, unit="doc", desc="baocao", leave=False)

    def on_batch(messages: list[str], done: int) -> None:
        if report is not None:
            for message in messages:
                if bar is not None:
                    bar.clear()
                report(message)
        if bar is not None:
            bar.update(done)

    counts, rows = run_streamed(spool, outdir, run_id, partial, options, on_batch)
    if bar is not None:
        bar.close()
    lock.release()
    return RunSummary(
        outdir=outdir,
        by_format=Counter(counts.by_format),
        failed=counts.failed,
        errors=rows["errors"],
        documents=rows["documents"],
        elapsed=time.perf_counter() - started,
    )
