"""The streaming side of the writer: a run whose batches write their own Parquet parts.

`run_streamed` plans the batches, hands them to an executor, and seals the run: a second copy
of the same content found in another batch has its rows taken out of that batch's parts (the
first copy, in input order, is kept, as in one process); `documents` and `commune_summary` get
their cross-document fill (`pipeline.outputs.summary.finish`) from their own parts and per-
document fact counts, never from the fact tables; then the writer's atomic switch. A rerun whose
batches are all kept in the cache links the tables the last run sealed instead (`executors.sealed`).
The main process holds one small record per input, so its memory does not grow with the rows."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import __version__, cache
from pipeline.executors import RunPlan, message_line, part_name
from pipeline.inputs import Input
from pipeline.options import Options
from pipeline.run import _error
from pipeline.run_records import RECORDS, InputSpool, RunRecords
from pipeline.writer import STATE_DIR, publish

if TYPE_CHECKING:
    import pyarrow as pa

CACHE_DIR = "cache"
OCR_CACHE_DIR = "ocr"
"""Inside the cache folder: OCR readings by page image (`pipeline.ingest.pdf.ocr_engine`), left
alone by the extraction cache's pruning so a rule change does not cost the scans' OCR again."""


def _drop_duplicates(partial: Path | None, records: RunRecords, shown: Callable[[list[str], int], None]) -> None:
    """Rows of content already seen in an earlier batch leave that batch's parts (unless
    `partial` is None: the sealed tables are kept ones); each such input gets a
    `duplicate_content` error row instead, shown as the batches' messages are."""
    for index, copies in records.duplicates():
        rows = [_error(c["source_path"], "detect", "duplicate_content",
                       f"same content as {c['first']}; its rows are written once", c["doc_id"]) for c in copies]
        if partial is not None:
            _rewrite_batch(partial, index, {c["doc_id"] for c in copies}, rows)
        shown([message_line(row) for row in rows], 0)


def _rewrite_batch(partial: Path, index: int, dropped: set[str], error_rows: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.compute as pc  # only when a duplicate is met
    import pyarrow.parquet as pq

    import schemas
    from pipeline.writer import rows_to_arrow

    keep = pa.array(sorted(dropped), pa.string())
    for folder in partial.iterdir():
        if folder.name.startswith("."):
            continue
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
    import pyarrow.parquet as pq

    tmp = part.with_name(f".{part.name}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, part)


def _seal(partial: Path, records: RunRecords) -> dict[str, int]:
    """Fill `documents` and `commune_summary` (`pipeline.outputs.seal`: bounded memory), give
    every table at least an empty part, merge long tables' parts, and return the row count of
    each table."""
    import pyarrow.parquet as pq

    import schemas
    from pipeline.outputs.seal import seal_documents, seal_summary

    seal_documents(partial, part_name(0))  # reads each batch's commune_summary part: before seal_summary
    seal_summary(partial, records.write_facts(records.folder / "facts.parquet"), part_name(0))
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
"""Parquet files per table at most: a long run writes one part per batch (about 1,000 at
100,000 documents, `executors.batch_size`), merged at the seal into at most this many, in batch
order."""


def _compact(folder: Path, schema: pa.Schema) -> None:
    """Merge a table's parts into at most MAX_FILES files of consecutive batches, read one part
    at a time (`seal.RowGroups`). The merged files are written under temporary names, the parts
    removed, then the files renamed to `part-000000.parquet`...: all inside the run's partial
    folder, before the atomic switch."""
    from pipeline.outputs.seal import RowGroups, read_part

    parts = sorted(folder.glob("part-*.parquet"))
    if len(parts) <= MAX_FILES:
        return
    size = -(-len(parts) // MAX_FILES)
    merged = []
    for start in range(0, len(parts), size):
        tmp = folder / f".merged-{start // size:06d}.tmp"
        with RowGroups(tmp, schema.empty_table()) as out:
            for part in parts[start:start + size]:
                out.add(read_part(part, schema))
        merged.append(tmp)
    for part in parts:
        part.unlink()
    for index, tmp in enumerate(merged):
        os.replace(tmp, folder / part_name(index))


def cache_folder(outdir: Path) -> Path:
    """Where the extraction cache of an output folder lives."""
    return outdir / STATE_DIR / CACHE_DIR


@dataclass
class RunCounts:
    """What the closing summary needs: inputs read by format, the inputs that failed."""

    by_format: dict[str | None, int]
    failed: list[str]


def spool_inputs(partial: Path, inputs: Iterable[Input]) -> InputSpool:
    """The run's inputs, written to the partial folder as they come, read back batch by batch."""
    (partial / RECORDS).mkdir()
    return InputSpool(partial / RECORDS / "inputs.jsonl", inputs)


def run_streamed(spool: InputSpool, outdir: Path, run_id: str, partial: Path, options: Options,
                 on_batch: Callable[[list[str], int], None]) -> tuple[RunCounts, dict[str, int]]:
    """Run every batch of `spool` (`spool_inputs`, in the partial folder of `new_run`) through
    the executor of `options`, seal and publish the run; `on_batch` gets each batch's messages
    and input count as it ends. Returns the counts of the closing summary and the row count of
    each table. The main process keeps one batch's records at a time (`RunRecords`)."""
    from pipeline.executors import dask, local, reuse, sealed

    cache_dir = cache_folder(outdir)
    if not options.no_cache and not options.ocr_cache:
        options = replace(options, ocr_cache=str(cache_dir / OCR_CACHE_DIR))
    plan = RunPlan(str(partial), None if options.no_cache else str(cache_dir), cache.salt(options.output_affecting()), options)
    executor = dask.batches if options.executor == "dask" else local.batches
    try:
        with RunRecords(partial / RECORDS) as records:
            signatures: list[str | None] = [None] * len(spool)
            pending: list[tuple[int, str]] = []  # kept batches whose parts are not linked yet
            for summary in executor(spool, plan):
                on_batch(summary.messages, len(summary.docs))
                records.add(summary)
                signatures[summary.index] = summary.signature
                if summary.pending and summary.signature:
                    pending.append((summary.index, summary.signature))
            run_key = None if options.no_cache else sealed.key(signatures)
            kept = sealed.linked(partial, cache_dir, run_key) if run_key and len(pending) == len(spool) else None
            if kept is None:
                for index, sig in pending:
                    reuse.link_parts(sig, index, plan)
            _drop_duplicates(partial if kept is None else None, records, on_batch)
            rows = _seal(partial, records) if kept is None else kept
            counts = RunCounts(records.by_format(), records.failed())
            if not options.no_cache:
                cache.prune(cache_dir, records.used("entry"))
                reuse.prune(cache_dir, records.used("signature"))
                if run_key and kept is None:
                    sealed.keep(partial, cache_dir, run_key, rows)
            extracted, total = records.extracted, records.inputs
            manifest = {"pipeline_version": __version__, "inputs": list(spool.shown()), "rows": rows,
                        "extracted": extracted, "from_cache": total - extracted}
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    import schemas  # pyarrow: here, not before the first document

    publish(outdir, run_id, partial, list(schemas.all_tables()), manifest)
    if not options.no_cache:
        from pipeline.ingest.pdf import ocr_engine  # PIL: not before the first document

        cache.mark_checked(cache_dir, plan.salt)
        ocr_engine.prune(Path(options.ocr_cache))
    return counts, rows
