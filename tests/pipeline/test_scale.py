"""Streaming, incremental and parallel runs give the tables a run from scratch gives."""

import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.executors import RunPlan, dask
from pipeline.inputs import Input
from pipeline.options import Options
from pipeline.run import run

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
TXT = sorted(RAW.glob("*.txt"))
REPORT = ("BÁO CÁO\nKết quả chuyển đổi số năm 2025 của xã Tân Lập\n"
          "Trong kỳ, xã tiếp nhận {n} hồ sơ, trong đó trực tuyến 20 hồ sơ.\nXã có {m} máy tính để bàn.\n")


def _files(out: Path) -> dict[str, bytes]:
    """Every table's Parquet parts, by table and part name."""
    return {f"{p.parent.name}/{p.name}": p.read_bytes() for p in sorted(out.glob(".baocao/current/*/*.parquet"))}


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    for f in TXT:
        shutil.copy(f, folder / f.name)
    for k in range(3):
        (folder / f"r{k}.txt").write_text(REPORT.format(n=40 + k, m=3 + k), "utf-8")
    return folder


def _manifest(out: Path) -> dict:
    import json

    return json.loads((out / ".baocao" / "current" / "manifest.json").read_text("utf-8"))


def test_rerun_takes_unchanged_inputs_from_the_cache_and_writes_the_same_bytes(tmp_path):
    src = _inputs(tmp_path / "in")
    out = tmp_path / "out"
    run([src], out, progress=False)
    first = _files(out)
    run([src], out, progress=False)
    assert _manifest(out)["extracted"] == 0 and _files(out) == first

    (src / "r0.txt").write_text(REPORT.format(n=77, m=9), "utf-8")  # changed
    (src / "r1.txt").unlink()  # removed
    (src / "r2.txt").rename(src / "r9.txt")  # renamed: not extracted again
    run([src], out, progress=False)
    assert _manifest(out)["extracted"] == 1
    scratch = tmp_path / "scratch"
    run([src], scratch, Options(no_cache=True), progress=False)
    assert _files(out) == _files(scratch)
    docs = pq.read_table(out / "documents").to_pylist()
    assert sorted(Path(d["source_path"]).name for d in docs) == sorted([*(f.name for f in TXT), "r0.txt", "r9.txt"])
    texts = " ".join(pq.read_table(out / "texts").column("text").to_pylist())
    assert "tiếp nhận 77 hồ sơ" in texts and "tiếp nhận 41 hồ sơ" not in texts and "tiếp nhận 42 hồ sơ" in texts


def test_parallel_run_writes_what_one_process_writes(tmp_path):
    src = _inputs(tmp_path / "in")
    shutil.copy(src / "r0.txt", src / "r0-copy.txt")  # same content in another batch: written once
    run([src], tmp_path / "one", Options(jobs=1, no_cache=True), progress=False)
    shown: list[str] = []
    run([src], tmp_path / "two", Options(jobs=2, no_cache=True), progress=False, report=shown.append)
    assert _files(tmp_path / "one") == _files(tmp_path / "two")
    errors = pq.read_table(tmp_path / "two" / "errors").to_pylist()
    assert [e["error_type"] for e in errors if "r0" in e["source_path"]] == ["duplicate_content"]
    (copy,) = [e for e in errors if e["error_type"] == "duplicate_content"]
    assert f"{copy['source_path']}: same content as {src / 'r0-copy.txt'}" in "\n".join(shown)  # shown, not only written


def test_dask_local_cluster_writes_what_the_local_executor_writes(tmp_path):
    distributed = pytest.importorskip("distributed")
    src = _inputs(tmp_path / "in")
    run([src], tmp_path / "local", Options(no_cache=True), progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, memory_limit="1GiB",
                                  dashboard_address=None) as cluster:
        options = Options(no_cache=True, executor="dask", scheduler=cluster.scheduler_address)
        run([src], tmp_path / "dask", options, progress=False)
        assert _files(tmp_path / "dask") == _files(tmp_path / "local")

        # the workers warm up when they start or when the run registers the plugin, not in a batch
        with distributed.Client(cluster.scheduler_address) as client:
            plugins = client.run_on_scheduler(lambda dask_scheduler: list(dask_scheduler.worker_plugins))
        assert "baocao-warm-up" in plugins

        # at most two batches per worker thread are with the scheduler: the main process reads
        # the spooled batches as the summaries come back
        work = _Recorded([[Input(p, str(p))] for p in sorted(src.glob("*.txt"))])
        (tmp_path / "partial").mkdir()
        plan = RunPlan(str(tmp_path / "partial"), None, "salt", options)
        for done, summary in enumerate(dask.batches(work, plan), start=1):
            assert len(summary.docs) == 1 and work.read <= 4 + done
        assert sorted(work.order) == list(range(len(work)))


class _Recorded(list):
    """Batches that remember which were read, in order."""

    def __init__(self, batches):
        super().__init__(batches)
        self.order: list[int] = []

    @property
    def read(self) -> int:
        return len(self.order)

    def __getitem__(self, index):
        self.order.append(index)
        return super().__getitem__(index)


def test_unchanged_batches_are_linked_and_a_duplicate_across_batches_stays_written_once(tmp_path):
    src = _inputs(tmp_path / "in")
    shutil.copy(src / "r0.txt", src / "r0-copy.txt")  # its batch's parts are rewritten (rows dropped) at the seal
    out = tmp_path / "out"
    run([src], out, progress=False)
    first = _files(out)
    run([src], out, progress=False)  # every batch linked from the cache: nothing read into Arrow, nothing written anew
    assert _manifest(out)["extracted"] == 0 and _files(out) == first
    kept = list((out / ".baocao" / "cache" / "batches").rglob("texts.parquet"))
    # linked into the run, not copied; the duplicate's batch has its parts replaced at the seal
    assert len(kept) >= 5 and sum(p.stat().st_nlink >= 2 for p in kept) == len(kept) - 1
    errors = pq.read_table(out / "errors").to_pylist()
    assert [e["error_type"] for e in errors if "r0" in e["source_path"]] == ["duplicate_content"]
    scratch = tmp_path / "scratch"
    run([src], scratch, Options(no_cache=True), progress=False)
    assert _files(out) == _files(scratch)


def test_a_long_run_merges_its_parts_into_a_bounded_number_of_files(tmp_path, monkeypatch):
    import duckdb

    import pipeline.stream
    from pipeline.outputs.database import build_database

    src = _inputs(tmp_path / "in")
    run([src], tmp_path / "parts", Options(no_cache=True), progress=False)
    monkeypatch.setattr(pipeline.stream, "MAX_FILES", 2)
    out = tmp_path / "merged"
    run([src], out, Options(no_cache=True), progress=False)
    assert len(list((tmp_path / "parts" / "texts").glob("*.parquet"))) > 2
    for table in ("texts", "metrics", "blocks", "errors"):
        assert len(list((out / table).glob("*"))) <= 2
        if table != "errors":  # few batches have error rows
            assert [p.name for p in sorted((out / table).glob("*"))] == ["part-000000.parquet", "part-000001.parquet"]
        assert pq.read_table(out / table).equals(pq.read_table(tmp_path / "parts" / table))
    with duckdb.connect(str(build_database(out))) as con:
        assert con.execute("SELECT count(*) FROM texts").fetchone()[0] == len(TXT) + 3


def test_a_parallel_rerun_of_unchanged_inputs_forks_no_worker(tmp_path, monkeypatch):
    import pipeline.executors.local as local

    src = _inputs(tmp_path / "in")
    out = tmp_path / "out"
    run([src], out, Options(jobs=2), progress=False)
    first = _files(out)
    warmed: list[bool] = []
    monkeypatch.setattr(local, "warm_up", lambda: warmed.append(True))
    run([src], out, Options(jobs=2), progress=False)
    assert warmed == [] and _manifest(out)["extracted"] == 0 and _files(out) == first
    (src / "r0.txt").write_text(REPORT.format(n=77, m=9), "utf-8")  # one batch to extract: the pool runs
    (src / "r1.txt").write_text(REPORT.format(n=78, m=9), "utf-8")
    run([src], out, Options(jobs=2), progress=False)
    assert warmed == [True] and _manifest(out)["extracted"] == 2
    scratch = tmp_path / "scratch"
    run([src], scratch, Options(no_cache=True), progress=False)
    assert _files(out) == _files(scratch)
