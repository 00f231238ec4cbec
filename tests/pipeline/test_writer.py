"""The output folder switches to new tables all at once; a killed or failed run leaves the
previous tables readable and complete."""

import os
import signal
import subprocess
import sys

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.writer import write_dataset


def _tables(n: int) -> dict[str, pa.Table]:
    return {"documents": pa.table({"doc_id": [f"d{i}" for i in range(n)]}), "texts": pa.table({"doc_id": ["d0"], "text": [f"run {n}"]})}


def test_rewrite_replaces_all_tables_and_keeps_one_run(tmp_path):
    write_dataset(tmp_path, _tables(1), {})
    write_dataset(tmp_path, _tables(2), {})
    assert len(pd.read_parquet(tmp_path / "documents")) == 2
    assert pd.read_parquet(tmp_path / "texts").text[0] == "run 2"
    assert len(list((tmp_path / ".baocao" / "runs").iterdir())) == 1


def test_failure_mid_write_leaves_previous_tables(tmp_path, monkeypatch):
    write_dataset(tmp_path, _tables(1), {})
    calls = []

    def failing_write(table, where):
        calls.append(where)
        if len(calls) == 2:
            raise OSError("disk full")
        return pq_write(table, where)

    pq_write = pq.write_table  # the writer imports pyarrow.parquet when it writes
    monkeypatch.setattr(pq, "write_table", failing_write)
    with pytest.raises(OSError):
        write_dataset(tmp_path, _tables(5), {})
    assert len(pd.read_parquet(tmp_path / "documents")) == 1
    assert pd.read_parquet(tmp_path / "texts").text[0] == "run 1"
    assert not [p for p in (tmp_path / ".baocao" / "runs").iterdir() if p.name.endswith(".partial")]


KILLED_WRITER = """
import sys, time
import pyarrow as pa
import pyarrow.parquet as pq
import pyarrow.parquet as pq
from pipeline import writer
real = pq.write_table
def slow(table, where):
    real(table, where)
    print("wrote", flush=True)
    time.sleep(60)
pq.write_table = slow
writer.write_dataset(__import__("pathlib").Path(sys.argv[1]),
                     {"documents": pa.table({"doc_id": ["x"] * 7}), "texts": pa.table({"doc_id": ["x"], "text": ["new"]})}, {})
"""


def test_run_killed_mid_write_leaves_previous_tables(tmp_path):
    write_dataset(tmp_path, _tables(1), {})
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "wrote"  # the first new table is on disk, the rest is not
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert len(pd.read_parquet(tmp_path / "documents")) == 1
    assert pd.read_parquet(tmp_path / "texts").text[0] == "run 1"
    write_dataset(tmp_path, _tables(3), {})  # the next run cleans up what the killed one left
    assert len(pd.read_parquet(tmp_path / "documents")) == 3
    assert [p.name for p in (tmp_path / ".baocao" / "runs").iterdir() if p.name.endswith(".partial")] == []
