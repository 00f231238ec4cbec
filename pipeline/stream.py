"""The streaming side of the writer: a run whose batches write their own Parquet parts.

`run_streamed` plans the batches, hands them to an executor, and seals the run: a second copy
of the same content found in another batch has its rows taken out of that batch's parts (the
first copy, in input order, is kept, as in one process); `documents` and `commune_summary` get
their cross-document fill (`pipeline.outputs.summary.finish`) from their own parts and per-
document fact counts, never from the fact tables; then the writer's atomic switch. The main
process holds one small record per input, so its memory does not grow with the rows."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import schemas
from pipeline import __version__, cache
from pipeline.executors import BatchSummary, DocInfo, RunPlan, part_name, plan_batches
from pipeline.ingest.pdf import ocr_engine
from pipeline.inputs import Input
from pipeline.options import Options
from pipeline.outputs.seal import RowGroups, seal_documents, seal_summary
from pipeline.run import _error
from pipeline.writer import STATE_DIR, new_run, publish, rows_to_arrow

CACHE_DIR = "cache"
OCR_CACHE_DIR = "ocr"
"""Inside the cache folder: OCR readings by page image (`pipeline.ingest.pdf.ocr_engine`), left
alone by the extraction cache's pruning so a rule change does not cost the scans' OCR again."""


def _drop_duplicates(partial: Path, summaries: list[BatchSummary]) -> None:
    """Rows of content already seen in an earlier batch leave that batch's parts; each such
    input gets a `duplicate_content` error row instead."""
    first: dict[str, str] = {}
    for summary in summaries:
        dropped: set[str] = set()
        rows = []
        for doc in summary.docs:
            if doc.failed or not doc.doc_id:
                continue
            if doc.doc_id in first:
                dropped.add(doc.doc_id)
                doc.failed = True
                rows.append(_error(doc.source_path, "detect", "duplicate_content",
                                   f"same content as {first[doc.doc_id]}; its rows are written once", doc.doc_id))
                summary.messages.append(f"{doc.source_path}: {rows[-1]['message']} [detect: duplicate_content]")
            else:
                first[doc.doc_id] = doc.source_path
        if dropped:
            _rewrite_batch(partial, summary.index, dropped, rows)


def _rewrite_batch(partial: Path, index: int, dropped: set[str], error_rows: list[dict]) -> None:
    import pyarrow.compute as pc  # only when a duplicate is met

    keep = pa.array(sorted(dropped), pa.string())
    for folder in partial.iterdir():
        part = folder / part_name(index)
        table = pq.read_table(part) if part.exists() else None
        if table is not None and "doc_id" in table.column_names:
            table = table.filter(pc.invert(pc.fill_null(pc.is_in(table.column("doc_id"), keep), False)))
        if folder.name == "errors":
            extra = rows_to_arrow(schemas.all_tables()["errors"], error_rows)
            table = pa.concat_tables([table, extra]) if table is not None else extra
        if table is not None:
            _replace(table, part)
    if not (partial / "errors").exists():
        (partial / "errors").mkdir()
        pq.write_table(rows_to_arrow(schemas.all_tables()["errors"], error_rows), partial / "errors" / part_name(index))


def _replace(table: pa.Table, part: Path) -> None:
    """Write `part` anew (a new file renamed over it), never into the old file: a part may be
    a link to a batch kept in the cache (`executors.reuse`), which must not change."""
    tmp = part.with_name(f".{part.name}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, part)


def _facts(summaries: list[BatchSummary]) -> pa.Table:
    """Fact rows per document (`doc_id`, `n`; a doc_id may repeat), from the batches' summaries."""
    docs = [doc for summary in summaries for doc in summary.docs if not doc.failed and doc.doc_id]
    return pa.table({"doc_id": pa.array([d.doc_id for d in docs], pa.string()),
                     "n": pa.array([d.facts for d in docs], pa.int64())})


def _seal(partial: Path, summaries: list[BatchSummary]) -> dict[str, int]:
    """Fill `documents` and `commune_summary` (`pipeline.outputs.seal`: bounded memory), give
    every table at least an empty part, merge long tables' parts, and return the row count of
    each table."""
    seal_documents(partial, part_name(0))  # reads each batch's commune_summary part: before seal_summary
    seal_summary(partial, _facts(summaries), part_name(0))
    rows = {}
    for name, table in schemas.all_tables().items():
        folder = partial / name
        if not folder.is_dir() or not any(folder.glob("*.parquet")):
            folder.mkdir(exist_ok=True)
            pq.write_table(table.arrow_schema().empty_table(), folder / part_name(0))
        _compact(folder, table.arrow_schema())
        rows[name] = sum(pq.ParquetFile(p).metadata.num_rows for p in folder.glob("*.parquet"))
    return rows


MAX_FILES = 64
"""Parquet files per table at most: a long run writes one part per batch (3,125 at 100,000
documents), merged at the seal into at most this many, in batch order."""


def _compact(folder: Path, schema: pa.Schema) -> None:
    """Merge a table's parts into at most MAX_FILES files of consecutive batches, read one part
    at a time (`seal.RowGroups`). The merged files are written under temporary names, the parts
    removed, then the files renamed to `part-000000.parquet`...: all inside the run's partial
    folder, before the atomic switch."""
    parts = sorted(folder.glob("part-*.parquet"))
    if len(parts) <= MAX_FILES:
        return
    size = -(-len(parts) // MAX_FILES)
    merged = []
    for start in range(0, len(parts), size):
        tmp = folder / f".merged-{start // size:06d}.tmp"
        with RowGroups(tmp, schema.empty_table()) as out:
            for part in parts[start:start + size]:
                out.add(pq.read_table(part, schema=schema, use_threads=False))
        merged.append(tmp)
    for part in parts:
        part.unlink()
    for index, tmp in enumerate(merged):
        os.replace(tmp, folder / part_name(index))


def cache_folder(outdir: Path) -> Path:
    """Where the extraction cache of an output folder lives."""
    return outdir / STATE_DIR / CACHE_DIR


def run_streamed(inputs: list[Input], outdir: Path, options: Options,
                 on_batch: Callable[[list[str], int], None]) -> tuple[list[DocInfo], dict[str, int]]:
    """Run every batch through the executor of `options`, seal and publish the run; `on_batch`
    gets each batch's messages and input count as it ends. Returns one record per input (in
    input order) and the row count of each table."""
    from pipeline.executors import dask, local, reuse

    run_id, partial = new_run(outdir)
    cache_dir = cache_folder(outdir)
    if not options.no_cache and not options.ocr_cache:
        options = replace(options, ocr_cache=str(cache_dir / OCR_CACHE_DIR))
    plan = RunPlan(str(partial), None if options.no_cache else str(cache_dir), cache.salt(options.output_affecting()), options)
    executor = dask.batches if options.executor == "dask" else local.batches
    try:
        summaries = sorted(_each(executor(plan_batches(inputs), plan), on_batch), key=lambda s: s.index)
        _drop_duplicates(partial, summaries)
        rows = _seal(partial, summaries)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    manifest = {"pipeline_version": __version__, "inputs": [i.shown for i in inputs], "rows": rows,
                "extracted": sum(s.extracted for s in summaries), "from_cache": sum(len(s.docs) - s.extracted for s in summaries)}
    publish(outdir, run_id, partial, list(schemas.all_tables()), manifest)
    if not options.no_cache:
        cache.mark_checked(cache_dir, plan.salt)
        cache.prune(cache_dir, {d.entry for s in summaries for d in s.docs if d.entry})
        reuse.prune(cache_dir, {s.signature for s in summaries if s.signature})
        ocr_engine.prune(Path(options.ocr_cache))
    return [d for s in summaries for d in s.docs], rows


def _each(summaries: Iterable[BatchSummary], on_batch: Callable[[list[str], int], None]) -> Iterator[BatchSummary]:
    for summary in summaries:
        on_batch(summary.messages, len(summary.docs))
        yield summary
