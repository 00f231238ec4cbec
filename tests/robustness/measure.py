"""Runs `baocao extract` and measures it from outside: exit status, wall time and the peak
resident memory of the whole process tree (the command and its workers, sampled with psutil),
which is what a machine running out of memory sees, unlike Python's own heap.

    python tests/robustness/measure.py CORPUS [--timeout S]   # one run per corpus entry, a Markdown table

The per-entry table is the before/after table of issue 7's closing note."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

BAOCAO = Path(sys.executable).with_name("baocao")


@dataclass
class Measured:
    """What one run did, seen from outside."""

    exit: int | None        # None: killed after the timeout
    seconds: float
    peak_rss: int           # bytes, the sum over the process tree at its largest
    stderr: str


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            continue
    return total


def run_measured(args: list[str], timeout: float = 120.0, interval: float = 0.02) -> Measured:
    """Run a command, sampling the RSS of its process tree until it ends or times out."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        popen = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        proc = psutil.Process(popen.pid)
        peak = 0
        while popen.poll() is None:
            try:
                peak = max(peak, _tree_rss(proc))
            except psutil.Error:
                pass
            if time.perf_counter() - started > timeout:
                os.killpg(popen.pid, 9)
                popen.wait()
                break
            time.sleep(interval)
        elapsed = time.perf_counter() - started
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    code = popen.returncode if elapsed <= timeout else None
    return Measured(code, elapsed, peak, text)


def _copy_entry(src: Path, dst: Path) -> None:
    """Copy one corpus entry (a file, link, FIFO, socket or folder) into `dst`'s folder."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    st = os.lstat(src)
    import stat

    if stat.S_ISLNK(st.st_mode):
        os.symlink(os.readlink(src), dst)
    elif stat.S_ISFIFO(st.st_mode):
        os.mkfifo(dst)
    elif stat.S_ISSOCK(st.st_mode):
        s = socket.socket(socket.AF_UNIX)
        s.bind(str(dst))
        s.close()
    elif stat.S_ISDIR(st.st_mode):
        shutil.copytree(src, dst, symlinks=True)
    else:
        os.link(src, dst)


def _outcome(out: Path, m: Measured) -> str:
    if m.exit is None:
        return "never finished (killed)"
    if "Traceback" in m.stderr:
        return "crash: " + m.stderr.strip().splitlines()[-1][:70]
    try:
        import pandas as pd

        docs = pd.read_parquet(out / "documents")
        errs = pd.read_parquet(out / "errors")
    except Exception:
        return f"exit {m.exit}: " + (m.stderr.strip().splitlines() or ["no tables"])[-1][:70]
    parts = [f"document{' (warning)' if w else ''}" for w in docs["warnings"].fillna("")] if len(docs) else []
    parts += sorted(set(errs["error_type"])) if len(errs) else []
    return ", ".join(parts) or "no row"


def measure_corpus(corpus: Path, names: list[tuple[str, str]], timeout: float) -> list[str]:
    """One `baocao extract` per entry, each in a folder of its own; Markdown table rows."""
    rows = ["| input kind | outcome | exit | peak RSS MiB | time s |", "|---|---|---|---|---|"]
    for name, kind in names:
        with tempfile.TemporaryDirectory(prefix="baocao-measure-") as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            top = name.split("/")[0]
            _copy_entry(corpus / top, folder / top)
            if kind.startswith("symlink loop"):
                for other in ("loop_a.txt", "loop_b.txt"):
                    if not (folder / other).is_symlink():
                        _copy_entry(corpus / other, folder / other)
            if name == "inside_link.txt":
                _copy_entry(corpus / "Báo cáo xã Phú Thịnh.txt", folder / "Báo cáo xã Phú Thịnh.txt")
            out = Path(tmp) / "out"
            m = run_measured([str(BAOCAO), "extract", str(folder), "-o", str(out), "-q"], timeout=timeout)
            rows.append(f"| {kind} | {_outcome(out, m)} | {m.exit if m.exit is not None else '-'} | "
                        f"{m.peak_rss / 2**20:.0f} | {m.seconds:.1f} |")
            print(rows[-1], flush=True)
    return rows


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    from make_corpus import make_corpus

    corpus = Path(sys.argv[1])
    timeout = float(sys.argv[sys.argv.index("--timeout") + 1]) if "--timeout" in sys.argv else 120.0
    with tempfile.TemporaryDirectory(prefix="baocao-scratch-") as scratch:
        entries = make_corpus(Path(scratch) / "c", bomb=1)  # only the list of names and kinds
    seen: set[str] = set()
    names = []
    for e in entries:
        top = e.name.split("/")[0]
        if e.name != "loop_b.txt" and (top not in seen or "/" in e.name) and e.name != "x.txt/up":
            seen.add(top)
            names.append((e.name, e.kind))
    measure_corpus(corpus, names, timeout)
