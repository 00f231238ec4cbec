"""The local executors: batches one after the other in this process, or in a pool of worker
processes forked after the heavy imports (pdfium, pdfplumber, python-docx, pyarrow, the
extractors and the NER model are loaded once, here, and shared by every worker)."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from pipeline.executors import BatchSummary, RunPlan, process_batch
from pipeline.inputs import Input
from pipeline.run import _end_workers, _worker_setup

WARM_UP = "BÁO CÁO\nKết quả thực hiện chuyển đổi số năm 2025\nXã có 3 máy tính.\n".encode()


def warm_up() -> None:
    """Import and initialise everything a document needs, before any worker is forked."""
    import pyarrow.parquet  # noqa: F401

    import pipeline.ingest.docx  # noqa: F401
    from pipeline.ingest.pdf.backend import PdfBackend  # noqa: F401
    from pipeline.run import process_bytes

    process_bytes(WARM_UP, "<warm-up>")  # loads the extractors' tables and the NER model once


def batches(work: list[list[Input]], plan: RunPlan) -> Iterator[BatchSummary]:
    """Every batch's summary, in batch order: here (`serial`, one job, one batch) or from a pool
    of forked workers that is torn down (workers killed) if the run stops for any reason."""
    if not plan.options.parallel() or len(work) < 2:
        for index, items in enumerate(work):
            yield process_batch(index, items, plan)
        return
    warm_up()
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    pool = ProcessPoolExecutor(max_workers=plan.options.jobs, mp_context=context, initializer=_worker_setup,
                               initargs=(os.getpid(),))
    try:
        yield from pool.map(process_batch, range(len(work)), work, [plan] * len(work))
    except BaseException:
        _end_workers()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
