"""Documents run alone, each in a fresh process: what a run falls back to when a worker dies
by itself (a segfault in a native library, the OOM killer, `os._exit`).

When a worker dies, `ProcessPoolExecutor` breaks and every batch it held is lost, without
saying which document did it. The batches that were in the pool are then redone here one
document at a time, each in its own forked process: the document that kills its process again
gets one `errors` row (`worker_crashed`, naming the file and the signal or exit status) and
every other document its normal rows, written as the batch's parts as if nothing had happened."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator
from multiprocessing.connection import Connection

from pipeline.executors import BatchSummary, RunPlan, _failed, input_result, write_batch
from pipeline.inputs import Input
from pipeline.run import DocResult, _worker_setup

Outcome = tuple[DocResult, "str | None", bool]


def _child(conn: Connection, item: Input, plan: RunPlan, parent: int) -> None:
    _worker_setup(parent)
    conn.send(input_result(item, plan))
    conn.close()


def how_it_died(exitcode: int | None) -> str:
    """A worker's end in words: the signal's name (SIGSEGV, SIGKILL ...) or the exit status."""
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by signal {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exited with status {exitcode}"


def run_alone(item: Input, plan: RunPlan) -> Outcome:
    """The input's result, computed in a fresh forked process; a `worker_crashed` row if that
    process dies before it answers."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    proc = context.Process(target=_child, args=(send, item, plan, os.getpid()), daemon=True)
    proc.start()
    send.close()  # only the child holds the sending end: its death ends `recv` with EOFError
    try:
        outcome: Outcome = receive.recv()
    except EOFError:
        proc.join()
        message = (f"the worker process reading {item.shown} {how_it_died(proc.exitcode)} "
                   "(a crash in a native library, or out of memory); the other documents were read")
        return _failed(item, "ingest", "worker_crashed", message), None, True
    finally:
        receive.close()
    proc.join()
    return outcome


def retry_batch(index: int, items: list[Input], plan: RunPlan) -> BatchSummary:
    """Batch `index` redone one document at a time, each in a fresh process."""
    results: Iterator[Outcome] = (run_alone(item, plan) for item in items)
    return write_batch(index, results, plan)
