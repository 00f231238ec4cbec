"""A worker that dies by itself (a segfault in pdfium, the OOM killer, `os._exit`) loses one
document, never the run: its batch is redone document by document in fresh processes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd

from tests.robustness.test_workers import _inputs

CRASHING = "r007.txt"

RUN_WITH_A_CRASHING_INPUT = """
import os, signal, sys
import pipeline.executors as executors
from pipeline.cli import main

real = executors.process_bytes

def process_bytes(data, source_path, *args, **kwargs):
    # stands for a native crash: the document named in argv[1] kills the process reading it
    if source_path.endswith(sys.argv[1]):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(data, source_path, *args, **kwargs)

executors.process_bytes = process_bytes
sys.exit(main(sys.argv[2:]))
"""

TABLES = ("documents", "texts", "blocks", "references", "dates", "metrics", "equipment", "checks", "errors")


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", RUN_WITH_A_CRASHING_INPUT, *args],
                          capture_output=True, text=True, timeout=300)


def _rows(out: Path, table: str) -> pd.DataFrame:
    df = pd.read_parquet(out / table).convert_dtypes().astype(str)
    return df.sort_values(list(df.columns)).reset_index(drop=True)


def test_a_worker_killed_by_a_signal_costs_one_row_and_no_other_document(tmp_path):
    inputs = _inputs(tmp_path / "in", 21)  # more than 16: a batch holds two reports
    clean_inputs = tmp_path / "clean-in"
    shutil.copytree(inputs, clean_inputs)
    (clean_inputs / CRASHING).unlink()

    clean = _run("no-such-name", "extract", str(clean_inputs), "-o", str(tmp_path / "clean"), "-q", "-j", "2")
    assert clean.returncode == 0, clean.stderr
    crashed = _run(CRASHING, "extract", str(inputs), "-o", str(tmp_path / "crashed"), "-q", "-j", "2")
    assert crashed.returncode == 1, crashed.stderr
    assert "Traceback" not in crashed.stderr

    errors = pd.read_parquet(tmp_path / "crashed" / "errors")
    assert list(errors.error_type) == ["worker_crashed"]
    row = errors.iloc[0]
    assert row.source_path == str(inputs / CRASHING) and row.stage == "ingest"
    assert CRASHING in row.message and "killed by signal SIGKILL" in row.message
    assert f"{CRASHING}" in crashed.stderr and "worker_crashed" in crashed.stderr

    for table in TABLES:
        got = _rows(tmp_path / "crashed", table)
        if "source_path" in got.columns:
            got = got[got.source_path != str(inputs / CRASHING)]
        want = _rows(tmp_path / "clean", table)
        for df in (got, want):
            if "source_path" in df.columns:
                df["source_path"] = df.source_path.str.replace(str(clean_inputs), str(inputs), regex=False)
        pd.testing.assert_frame_equal(got.reset_index(drop=True), want, obj=table)
    assert len(pd.read_parquet(tmp_path / "crashed" / "documents")) == 20


def test_how_a_worker_died_reads_as_the_signal_or_the_status():
    from pipeline.isolated import how_it_died

    assert how_it_died(-11) == "killed by signal SIGSEGV"
    assert how_it_died(-9) == "killed by signal SIGKILL"
    assert how_it_died(3) == "exited with status 3"
