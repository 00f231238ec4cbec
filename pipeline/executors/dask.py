"""The Dask executor: the same `process_batch` on a Dask distributed cluster.

Each batch is one task (`client.map`); the workers read the inputs from shared storage (the
same paths as here) or from fsspec URLs (`pipeline.remote_inputs`), and write their Parquet parts
straight into the run's partial folder, which must be on storage every worker and this process
see at the same path; only the small summaries come back. Workers need baocao installed (the
same version: the cache salt includes the code)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pipeline.executors import BatchSummary, RunPlan, process_batch
from pipeline.inputs import Input


def batches(work: Sequence[list[Input]], plan: RunPlan) -> Iterator[BatchSummary]:
    """Every batch's summary, as the tasks finish (the caller orders them); every batch is
    handed to the scheduler at once, so here the main process holds the inputs."""
    from distributed import Client, as_completed

    with Client(plan.options.scheduler) as client:
        futures = client.map(process_batch, list(range(len(work))), list(work), plan=plan, pure=False)
        for future in as_completed(futures):
            yield future.result()
            future.release()
