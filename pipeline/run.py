"""Orchestration: find the inputs, process each one, collect the rows, write the tables.

`process_bytes` is the whole work on one document: a pure function of the file's bytes and
path (and the pipeline version) that returns Arrow tables, so it can run in a process pool
(`--jobs`) and later on a cluster, and its result could be cached by the content hash. A
failure in one document, or in one extractor on one document, becomes an `errors` row;
the run goes on."""

from __future__ import annotations

import hashlib
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

import schemas
from datamodel import Document
from extractors.registry import Facts, components, run_components
from pipeline import __version__
from pipeline.build import doc_id_for, read_document
from pipeline.ingest.base import InputError
from pipeline.ingest.registry import SUPPORTED_SUFFIXES
from pipeline.outputs.summary import finish
from pipeline.writer import rows_to_arrow, write_dataset
from schemas.validate import validated


@dataclass
class DocResult:
    """What one input produced: its tables (Arrow), its error rows, and how it went."""

    source_path: str
    source_format: str | None
    doc_id: str | None
    tables: dict[str, pa.Table] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)
    failed: bool = False


@dataclass
class RunSummary:
    """Counts for the closing summary and the exit status."""

    outdir: Path
    by_format: Counter
    failed: list[str]
    errors: int
    documents: int
    elapsed: float


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, and supported files found in folders (recursively), sorted,
    each once. A named file is taken whatever its extension: its content decides."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES and not f.name.startswith((".", "~$")):
                    found[f] = None
        else:
            found[path] = None
    return list(found)


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


def _extract(doc: Document, result: DocResult) -> Facts:
    """Run every extractor; one that fails leaves an errors row and the others go on."""

    def failed(name: str, exc: Exception) -> None:  # a bug in one extractor must not lose the document
        result.errors.append(_error(doc.source_path, name, "extractor_failed", f"{type(exc).__name__}: {exc}", doc.doc_id))

    return run_components(doc, on_error=failed)


def _to_arrow(facts: Facts, result: DocResult) -> None:
    tables = schemas.all_tables()
    for name, rows in facts.items():
        try:
            result.tables[name], violations = validated(tables[name], rows, result.source_path)
            result.errors += violations
        except (KeyError, ValueError, pa.ArrowException) as exc:
            result.errors.append(_error(result.source_path, f"write:{name}", "invalid_rows", str(exc), result.doc_id))


def process_bytes(data: bytes, source_path: str) -> DocResult:
    """Everything the pipeline does to one document, from bytes to Arrow tables."""
    try:
        doc, notes = read_document(data, source_path)
    except InputError as exc:
        doc_id = doc_id_for(data) if data else None
        return DocResult(source_path, None, doc_id,
                         errors=[_error(source_path, "ingest", exc.error_type, exc.message, doc_id)], failed=True)
    except Exception as exc:  # an unexpected fault in a backend: report it, keep going
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return DocResult(source_path, None, None, errors=[_error(source_path, "ingest", "internal_error", detail)],
                         failed=True)
    result = DocResult(source_path, doc.source_format, doc.doc_id)
    result.errors += [_error(source_path, "detect", "extension_mismatch", n, doc.doc_id) for n in notes]
    facts = _extract(doc, result)
    metadata = facts.pop("documents", [{}])
    facts["documents"] = [{**_documents_row(doc, data, notes), **(metadata[0] if metadata else {})}]
    facts["texts"] = [{"doc_id": doc.doc_id, "text": doc.text}]
    facts["blocks"] = _layout_rows(doc)
    _to_arrow(facts, result)
    return result


def process_file(path: Path) -> DocResult:
    """Read a file and process it; an unreadable file becomes an errors row."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return DocResult(str(path), None, None, errors=[_error(str(path), "read", "unreadable_file", exc.strerror or str(exc))],
                         failed=True)
    return process_bytes(data, str(path))


def _results(files: list[Path], jobs: int) -> Iterator[DocResult]:
    if jobs <= 1 or len(files) < 2:
        yield from map(process_file, files)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(process_file, files, chunksize=1)


def collect(results: Iterable[DocResult]) -> tuple[dict[str, pa.Table], list[DocResult]]:
    """Concatenate the documents' tables; a second file with the same content is reported
    in `errors` and its rows are not written twice."""
    parts: dict[str, list[pa.Table]] = {name: [] for name in schemas.all_tables()}
    seen: dict[str, str] = {}
    kept: list[DocResult] = []
    error_rows: list[dict] = []
    for res in results:
        if res.doc_id in seen and not res.failed:
            error_rows.append(_error(res.source_path, "detect", "duplicate_content",
                                     f"same content as {seen[res.doc_id]}; its rows are written once", res.doc_id))
            res.failed = True
            kept.append(res)
            continue
        if res.doc_id and not res.failed:
            seen[res.doc_id] = res.source_path
        for name, table in res.tables.items():
            parts[name].append(table)
        error_rows += res.errors
        kept.append(res)
    all_tables = schemas.all_tables()
    out = {name: pa.concat_tables(ts) if ts else all_tables[name].arrow_schema().empty_table() for name, ts in parts.items()}
    out["errors"] = rows_to_arrow(all_tables["errors"], error_rows)
    return out, kept


def run(paths: list[Path], outdir: Path, jobs: int = 1, progress: bool = True,
        report: Callable[[str], None] | None = None) -> RunSummary:
    """Process every input and write the tables to `outdir` as one unit; `report` receives
    a one-line message for every input problem as it happens."""
    from tqdm import tqdm

    started = time.perf_counter()
    components()  # a badly declared extractor is refused here, before any file is read
    files = discover(paths)
    bar = tqdm(_results(files, jobs), total=len(files), unit="doc", disable=not progress or len(files) < 2 or not sys.stderr.isatty(),
               desc="baocao", leave=False)

    def reported(results: Iterable[DocResult]) -> Iterator[DocResult]:
        for res in results:
            if report is not None:
                for err in res.errors:
                    bar.clear()
                    report(f"{err['source_path']}: {err['message']} [{err['stage']}: {err['error_type']}]")
            yield res

    tables, results = collect(reported(bar))
    tables = finish(tables)
    manifest = {"pipeline_version": __version__, "inputs": [str(p) for p in files],
                "rows": {name: t.num_rows for name, t in tables.items()}}
    write_dataset(outdir, tables, manifest)
    return RunSummary(
        outdir=outdir,
        by_format=Counter(r.source_format for r in results if not r.failed),
        failed=[r.source_path for r in results if r.failed],
        errors=tables["errors"].num_rows,
        documents=tables["documents"].num_rows,
        elapsed=time.perf_counter() - started,
    )
