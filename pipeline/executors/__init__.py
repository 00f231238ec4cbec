"""Where documents run: the per-batch function every executor calls, and the executors.

A run cuts its inputs into batches (`batch_size`: a size that depends only on the number of
inputs, so `-j 1`, `-j N` and a cluster write the same part files). `process_batch` is the whole
work on one batch, wherever it runs: read each input (with the size limits of `Options`), take
its result from the cache or extract it, drop a second copy of the same content, and write the
batch's rows as one Parquet part per table into the run's partial folder; it returns only a
small `BatchSummary`, so the main process holds nothing that grows with the rows.

Executors (`local.batches`, `dask.batches`) yield the summaries; `pipeline.stream` seals the run."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pipeline import cache
from pipeline.ingest.base import InputError
from pipeline.inputs import Input
from pipeline.options import Options
from pipeline.outputs.summary import FACT_TABLES
from pipeline.run import DocResult, _error, process_bytes, read_input

if TYPE_CHECKING:
    import pyarrow as pa

T = TypeVar("T")

MAX_BATCH = 32
"""Documents per batch at most, up to MAX_BATCHES batches: enough to amortise a task's
overhead, small enough that a worker holds little and a long run reports progress often."""


@dataclass(frozen=True)
class RunPlan:
    """What every batch needs to know: where parts go, where the cache is (None: no cache),
    the cache keys' salt and the run's options."""

    partial: str
    cache: str | None
    salt: str
    options: Options


@dataclass
class DocInfo:
    """One input, as the main process needs it to seal the run."""

    source_path: str
    source_format: str | None
    doc_id: str | None
    failed: bool
    facts: int
    entry: str | None


@dataclass
class BatchSummary:
    """What a batch did: its inputs, the messages to show, how many were extracted (the
    others came from the cache), its signature when the batch was kept (`reuse`), and whether
    its parts are still only in the cache (`pending`: a kept batch, linked at the seal)."""

    index: int
    docs: list[DocInfo] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    extracted: int = 0
    signature: str | None = None
    pending: bool = False


MAX_BATCHES = 1024
LARGE_BATCH = 256
"""Beyond MAX_BATCH × MAX_BATCHES inputs (32,768), batches grow (up to LARGE_BATCH inputs)
instead of multiplying: every batch writes one part per table, and the seal reads and merges
each of them (3,125 parts per table at 100,000 documents in batches of 32, about 1,000 now)."""


def batch_size(count: int) -> int:
    """Inputs per batch: a size that depends only on the number of inputs."""
    return max(1, min(MAX_BATCH, math.ceil(count / 16)), min(LARGE_BATCH, math.ceil(count / MAX_BATCHES)))


def plan_batches(files: list[T]) -> list[list[T]]:
    """Consecutive batches of the inputs (`batch_size`)."""
    size = batch_size(len(files))
    return [files[i:i + size] for i in range(0, len(files), size)]


def part_name(index: int) -> str:
    """The file name of batch `index`'s part of a table."""
    return f"part-{index:06d}.parquet"


def _failed(item: Input, stage: str, error_type: str, message: str) -> DocResult:
    return DocResult(item.shown, None, None, errors=[_error(item.shown, stage, error_type, message)], failed=True)


def read_item(item: Input, options: Options) -> bytes:
    """An input's bytes under the size limit: a local file, or a file at an fsspec URL."""
    if item.url is not None:
        from pipeline.remote_inputs import read_url

        return read_url(item.url, options)
    return read_input(item.path, options)


def input_result(item: Input, plan: RunPlan) -> tuple[DocResult, str | None, bool]:
    """The input's result, its cache entry, and whether it was extracted here."""
    if item.refused:
        return _failed(item, "discover", *item.refused), None, True
    try:
        data = read_item(item, plan.options)
    except InputError as exc:
        return _failed(item, "read", exc.error_type, exc.message), None, True
    except OSError as exc:
        return _failed(item, "read", "unreadable_file", exc.strerror or str(exc)), None, True
    if plan.cache is None:
        return process_bytes(data, item.shown, plan.options, item.name_note), None, True
    entry = cache.key(data, plan.salt + (item.name_note or ""))
    cached = cache.load(Path(plan.cache), entry, item.shown)
    if cached is not None:
        return cached, entry, False
    result = process_bytes(data, item.shown, plan.options, item.name_note)
    cache.store(Path(plan.cache), entry, result)
    return result, entry, True


def process_batch(index: int, items: list[Input], plan: RunPlan) -> BatchSummary:
    """Process one batch and write its parts (see the module docstring); with a cache, a batch
    whose inputs are all unchanged has the parts it wrote before linked (`reuse`)."""
    if plan.cache is None:
        return write_batch(index, (input_result(item, plan) for item in items), plan)
    from pipeline.executors import reuse

    sig = reuse.signature(items, plan)
    summary = reuse.linked(sig, index, plan)
    if summary is None:
        summary = write_batch(index, (input_result(item, plan) for item in items), plan)
        reuse.keep(sig, summary, plan)
        summary.signature = sig
    return summary


def write_batch(index: int, results: Iterable[tuple[DocResult, str | None, bool]], plan: RunPlan) -> BatchSummary:
    """Write the parts of batch `index` from its inputs' results (in input order): each table's
    rows of the whole batch become Arrow in one call (`writer.arrow_tables`); also used for a
    batch retried document by document after its worker died (`pipeline.isolated`)."""
    from pipeline.writer import arrow_tables

    summary = BatchSummary(index)
    written: list[DocResult] = []  # the results whose rows are written, in input order
    outcomes: list[tuple[DocResult, int | None]] = []  # each result, and its place in `written`
    seen: dict[str, str] = {}
    for res, entry, extracted in results:
        summary.extracted += extracted
        if res.doc_id in seen and not res.failed:
            res.errors = [_error(res.source_path, "detect", "duplicate_content",
                                 f"same content as {seen[res.doc_id]}; its rows are written once", res.doc_id)]
            res.failed = True
            outcomes.append((res, None))
        else:
            if res.doc_id and not res.failed:
                seen[res.doc_id] = res.source_path
            outcomes.append((res, len(written)))
            written.append(res)
        summary.docs.append(DocInfo(res.source_path, res.source_format, res.doc_id, res.failed, 0, entry))
    tables, refused = arrow_tables([res.rows for res in written])
    error_rows: list[dict] = []
    for (res, place), info in zip(outcomes, summary.docs, strict=True):
        left_out = refused[place] if place is not None else {}
        errors = res.errors_written(left_out) if left_out else res.errors
        error_rows += errors
        summary.messages += map(message_line, errors)
        if place is not None and not res.failed:
            info.facts = sum(len(res.rows[name]) for name in FACT_TABLES if name in res.rows and name not in left_out)
    if error_rows:
        tables["errors"] = _with_errors(tables.get("errors"), error_rows)
    folder = Path(plan.partial)
    for name, table in tables.items():
        (folder / name).mkdir(exist_ok=True)
        write_part(table, folder / name / part_name(index))
    return summary


def message_line(error: dict) -> str:
    """An `errors` row as the one line the run shows for it."""
    return f"{error['source_path']}: {error['message']} [{error['stage']}: {error['error_type']}]"


def _with_errors(table: pa.Table | None, rows: list[dict]) -> pa.Table:
    """The batch's `errors` rows after the documents' own `errors` table rows (if any)."""
    import pyarrow as pa

    import schemas
    from pipeline.writer import rows_to_arrow

    extra = rows_to_arrow(schemas.all_tables()["errors"], rows)
    return extra if table is None else pa.concat_tables([table, extra])


def write_part(table: pa.Table, path: Path) -> None:
    """Write one part file (`baocao bench` times this as the write stage)."""
    import pyarrow.parquet as pq

    pq.write_table(table, path)
