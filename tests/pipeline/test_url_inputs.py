"""Inputs named by fsspec URLs (`file://`, `memory://`): found, read under the same limits, the
same error rows, the same tables as local paths, locally and on a Dask cluster."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.options import Options
from pipeline.run import run
from tests.pipeline.test_scale import REPORT, TXT, _files

fsspec = pytest.importorskip("fsspec")


def _rows(out: Path, table: str) -> list[dict]:
    """A table's rows without `source_path` (the same file shown as a path or as a URL)."""
    return [{k: v for k, v in row.items() if k != "source_path"} for row in pq.read_table(out / table).to_pylist()]


def test_a_file_url_gives_the_tables_of_the_local_folder(tmp_path):
    src = tmp_path / "in"
    (src / ".hidden").mkdir(parents=True)
    for f in TXT:
        shutil.copy(f, src / f.name)
    (src / ".hidden" / "x.txt").write_text(REPORT.format(n=1, m=1), "utf-8")  # hidden folders are not searched
    (src / "notes.md").write_text("not a report", "utf-8")
    run([src], tmp_path / "local", Options(no_cache=True), progress=False)
    run([f"file://{src}"], tmp_path / "url", Options(no_cache=True), progress=False)
    for table in ("documents", "texts", "metrics", "equipment", "errors"):
        assert _rows(tmp_path / "url", table) == _rows(tmp_path / "local", table)
    shown = sorted(pq.read_table(tmp_path / "url" / "documents").column("source_path").to_pylist())
    assert shown == [f"file://{src / f.name}" for f in TXT]


def _memory_folder(files: dict[str, bytes]) -> str:
    root = f"memory://baocao-{uuid.uuid4().hex}"
    fs = fsspec.filesystem("memory")
    for name, data in files.items():
        fs.pipe(f"{root}/{name}", data)
    return root


def test_memory_urls_are_read_under_the_size_limit_and_a_missing_url_is_an_error_row(tmp_path):
    root = _memory_folder({"a.txt": REPORT.format(n=40, m=3).encode(), "big.txt": b"x" * (2 * 2**20 + 10),
                           "sub/b.txt": REPORT.format(n=41, m=4).encode()})
    run([root, f"{root}-missing"], tmp_path / "out", Options(no_cache=True, max_file_mib=2), progress=False)
    docs = pq.read_table(tmp_path / "out" / "documents").to_pylist()
    assert sorted(d["source_path"] for d in docs) == [f"{root}/a.txt", f"{root}/sub/b.txt"]
    errors = {e["source_path"]: (e["stage"], e["error_type"]) for e in pq.read_table(tmp_path / "out" / "errors").to_pylist()}
    assert errors == {f"{root}/big.txt": ("read", "too_large"), f"{root}-missing": ("discover", "not_found")}


def test_dask_reads_memory_urls_and_writes_what_the_local_executor_writes(tmp_path):
    distributed = pytest.importorskip("distributed")
    root = _memory_folder({f.name: f.read_bytes() for f in TXT} | {"r0.txt": REPORT.format(n=40, m=3).encode()})
    run([root], tmp_path / "local", Options(no_cache=True), progress=False)
    # threads, not processes: the memory file system lives in this process (a real cluster
    # reads s3://, gs:// or a shared file:// path the same way)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        options = Options(no_cache=True, executor="dask", scheduler=cluster.scheduler_address)
        run([root], tmp_path / "dask", options, progress=False)
    assert _files(tmp_path / "dask") == _files(tmp_path / "local")
    assert pq.read_table(tmp_path / "dask" / "documents").num_rows == len(TXT) + 1
