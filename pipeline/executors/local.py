"""The local executors: batches one after the other in this process, or in a pool of worker
processes forked after the heavy imports (pdfium, pdfplumber, python-docx, pyarrow, the
extractors and the NER model are loaded once, here, and shared by every worker)."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import cache
from pipeline.executors import BatchSummary, RunPlan, process_batch, reuse
from pipeline.inputs import Input
from pipeline.isolated import retry_batch
from pipeline.run import _end_workers, _worker_setup

if TYPE_CHECKING:
    from concurrent.futures import Future

WARM_UP = "BÁO CÁO\nKết quả thực hiện chuyển đổi số năm 2025\nXã có 3 máy tính.\n".encode()


def warm_up() -> None:
    """Import and initialise everything a document needs, before any worker is forked."""
    import pyarrow.parquet  # noqa: F401

    import pipeline.ingest.docx  # noqa: F401
    from pipeline.ingest.pdf.backend import PdfBackend  # noqa: F401
    from pipeline.run import process_bytes
    from pipeline.writer import arrow_tables

    result = process_bytes(WARM_UP, "<warm-up>")  # loads the extractors' tables and the NER model once
    arrow_tables([result.rows])  # and pandas: pyarrow's first conversion of Python values imports it


def _freeze_heap() -> None:
    """Leave what is alive now (modules, the extractors' tables and models) out of every later
    garbage collection: the collector's full passes kept walking them, about 0.2 CPU-s per 320
    reports, and in forked workers they would also dirty the pages shared with this process.
    Garbage is collected first, so none of it is kept for good."""
    gc.collect()
    gc.freeze()


def batches(work: Sequence[list[Input]], plan: RunPlan) -> Iterator[BatchSummary]:
    """Every batch's summary, as it ends: here (`serial`, one job, one batch) or from a pool
    of forked workers that is torn down (workers killed) if the run stops for any reason.
    A worker that dies by itself breaks the pool: the batches it held are redone document by
    document in fresh processes (`pipeline.isolated`), the rest go on in a new pool."""
    if not plan.options.parallel() or len(work) < 2:
        for index, items in enumerate(work):
            yield process_batch(index, items, plan)
            if index == 0 and len(work) > 1:
                _freeze_heap()  # the first batch has loaded the extractors' tables and models
        return
    # after a run of this very code, batches kept in the cache need no worker, nor the warm-up
    rerun = plan.cache is not None and cache.checked_before(Path(plan.cache), plan.salt)
    waiting: deque[int] = deque()
    for index, summary in _kept(work, plan) if rerun else enumerate([None] * len(work)):
        if summary is None:
            waiting.append(index)
        else:
            yield summary
    if not waiting:
        return
    warm_up()
    _freeze_heap()
    while waiting:
        broken = yield from _pool_run(work, waiting, plan)
        for index in broken:
            yield retry_batch(index, work[index], plan)


def _kept(work: Sequence[list[Input]], plan: RunPlan) -> Iterator[tuple[int, BatchSummary | None]]:
    """Each batch with its summary when it is kept in the cache (`reuse.kept`), else None, in
    order: a few batches' inputs are read, hashed and linked at a time on `jobs` threads (file
    reads and SHA-256 of more than 2 KiB release the GIL)."""
    from concurrent.futures import ThreadPoolExecutor

    pending: deque[tuple[int, Future[BatchSummary | None]]] = deque()
    with ThreadPoolExecutor(plan.options.jobs, thread_name_prefix="baocao-kept") as pool:
        for index in range(len(work)):
            pending.append((index, pool.submit(reuse.kept, index, work[index], plan)))
            if len(pending) > 2 * plan.options.jobs:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()


def _pool_run(work: Sequence[list[Input]], waiting: deque[int], plan: RunPlan) -> Generator[BatchSummary, None, list[int]]:
    """Run the waiting batches in a pool, at most one per worker at a time (so that when the
    pool breaks, the batches it held are known); return those, in order, if it breaks."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait  # 0.01 CPU-s: only for a pool
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    pool = ProcessPoolExecutor(max_workers=plan.options.jobs, mp_context=context, initializer=_worker_setup,
                               initargs=(os.getpid(),))
    running: dict[Future[BatchSummary], int] = {}
    try:
        while waiting or running:
            while waiting and len(running) < plan.options.jobs:
                index = waiting.popleft()
                running[pool.submit(process_batch, index, work[index], plan)] = index
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                if isinstance(future.exception(), BrokenProcessPool):
                    pool.shutdown(wait=True, cancel_futures=True)
                    return sorted(running.values())
                running.pop(future)
                yield future.result()
    except BaseException:
        _end_workers()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return []
