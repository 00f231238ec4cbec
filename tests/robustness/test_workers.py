"""Worker processes end with the run, however it ends; SIGTERM reads like Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from tests.conftest import RAW

BAOCAO = str(Path(sys.executable).with_name("baocao"))


def _inputs(folder: Path, n: int = 60) -> Path:
    """`n` reports with distinct content (so none is skipped as a duplicate)."""
    folder.mkdir()
    text = (RAW / "003_eb674791f856846a.txt").read_bytes()
    for i in range(n):
        (folder / f"r{i:03d}.txt").write_bytes(text + f"\nBản sao số {i}.\n".encode())
    return folder


def _start(tmp_path: Path) -> tuple[subprocess.Popen, list[psutil.Process]]:
    proc = subprocess.Popen([BAOCAO, "extract", str(_inputs(tmp_path / "in")), "-o", str(tmp_path / "out"), "-j", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    parent = psutil.Process(proc.pid)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        workers = parent.children(recursive=True)
        if len(workers) >= 2:
            time.sleep(1.0)  # let them take work
            return proc, parent.children(recursive=True)
        time.sleep(0.1)
    proc.kill()
    pytest.fail("no worker processes started")


def _gone(procs: list[psutil.Process], seconds: float = 15.0) -> bool:
    _, alive = psutil.wait_procs(procs, timeout=seconds)
    return not [p for p in alive if p.status() != psutil.STATUS_ZOMBIE]


def test_sigterm_stops_the_run_and_its_workers_with_the_ctrl_c_message(tmp_path):
    proc, workers = _start(tmp_path)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM
    assert err.strip().splitlines()[-1] == "baocao: interrupted; the previous tables are unchanged"
    assert "Traceback" not in err
    assert _gone(workers)


def test_workers_die_when_the_run_is_killed(tmp_path):
    proc, workers = _start(tmp_path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    assert _gone(workers), "worker processes outlived a killed run"
