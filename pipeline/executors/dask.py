"""The Dask executor: the same `process_batch` on a Dask distributed cluster.

Each batch is one task (`client.submit`); the workers read the inputs from shared storage (the
same paths as here) or from fsspec URLs (`pipeline.remote_inputs`), and write their Parquet parts
straight into the run's partial folder, which must be on storage every worker and this process
see at the same path; only the small summaries come back. Workers need baocao installed (the
same version: the cache salt includes the code). Each worker warms up when it starts
(`dask_warm_up`), and the scheduler holds a few batches per worker thread at a time, so this
process reads the spooled inputs batch by batch instead of holding them all."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import islice

from pipeline.executors import BatchSummary, RunPlan, process_batch
from pipeline.inputs import Input

IN_FLIGHT_PER_THREAD = 2
"""Batches handed to the scheduler per worker thread: one running, one waiting, so that no
thread waits for this process between two batches."""


def batches(work: Sequence[list[Input]], plan: RunPlan) -> Iterator[BatchSummary]:
    """Every batch's summary, as the tasks finish (the caller orders them); at most
    IN_FLIGHT_PER_THREAD batches per worker thread are with the scheduler at a time."""
    from distributed import Client, as_completed

    from pipeline.executors.dask_warm_up import WarmUp

    with Client(plan.options.scheduler) as client:
        client.register_plugin(WarmUp())
        limit = max(2, IN_FLIGHT_PER_THREAD * sum(client.nthreads().values()))
        indexes = iter(range(len(work)))

        def submit(index: int) -> object:
            return client.submit(process_batch, index, work[index], plan, pure=False)

        running = as_completed([submit(index) for index in islice(indexes, limit)])
        for future in running:
            yield future.result()
            future.release()
            index = next(indexes, None)
            if index is not None:
                running.add(submit(index))
