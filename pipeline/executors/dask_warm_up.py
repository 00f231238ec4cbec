"""A Dask worker plugin that warms a worker up when it starts (or joins a run already going):
the imports, the extractors' tables and the NER model (3-4 s) are paid before the worker's
first batch, as the local pool pays them once before it forks. Imported only with
`--executor dask` (it needs `distributed`)."""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin


class WarmUp(WorkerPlugin):
    """`pipeline.executors.local.warm_up` in each worker process."""

    name = "baocao-warm-up"

    def setup(self, worker: Any) -> None:
        from pipeline.executors.local import warm_up

        warm_up()
