"""Cache entries are data (JSON), never pickles: reading one runs no code."""

import datetime as dt
import io
import json
import pickle
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import cache, entry_format
from pipeline.run import process_bytes, run

REPORT = ("BÁO CÁO\nKết quả chuyển đổi số năm 2025 của xã Hòa Bình\nHòa Bình, ngày 9 tháng 12 năm 2025\n"
          "Trong kỳ, xã tiếp nhận 120 hồ sơ, trong đó trực tuyến 45 hồ sơ.\nXã có 7 máy tính để bàn.\n")


def _parquet(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def test_an_entry_reads_back_as_the_result_it_was_written_from():
    result = process_bytes(REPORT.encode(), "in/a.txt")
    result.errors.append({"doc_id": result.doc_id, "source_path": "in/a.txt", "stage": "detect",
                          "error_type": "extension_mismatch", "message": "dòng 1\ndòng 2 “trích”"})
    back = entry_format.decode(entry_format.encode(result))
    assert back is not None
    assert (back.source_path, back.source_format, back.doc_id, back.failed, back.errors, back.checked) == \
        (result.source_path, result.source_format, result.doc_id, result.failed, result.errors, result.checked)
    assert back.rows == result.rows and result.rows["dates"][0]["date"] == dt.date(2025, 12, 9)
    assert list(back.tables) == list(result.tables) and "metrics" in back.tables
    for name, table in result.tables.items():
        assert back.tables[name].equals(table, check_metadata=True)
        assert _parquet(back.tables[name]) == _parquet(table)  # the same part bytes on a rerun


def test_a_pickle_a_damaged_entry_or_another_format_reads_as_no_entry(tmp_path):
    result = process_bytes(REPORT.encode(), "in/a.txt")
    data = entry_format.encode(result)
    assert entry_format.decode(data[: len(data) - 40]) is None  # truncated
    assert entry_format.decode(b"") is None
    other = json.dumps({**json.loads(data), "format": "baocao-cache-entry/1"}).encode()
    assert entry_format.decode(other) is None
    assert entry_format.decode(b'{"format": "baocao-cache-entry/1"}\n\xff\xff') is None  # the layout before rows

    class Runs:
        def __reduce__(self):
            return (Path.touch, (tmp_path / "ran",))

    entry = "ab" + "0" * 62
    target = tmp_path / "cache" / "ab" / f"{entry}{cache.SUFFIX}"
    target.parent.mkdir(parents=True)
    target.write_bytes(pickle.dumps(Runs()))
    assert cache.load(tmp_path / "cache", entry, "in/a.txt") is None
    assert not (tmp_path / "ran").exists()


def test_runs_leave_no_pickle_in_the_cache_and_prune_old_ones(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(REPORT, "utf-8")
    out = tmp_path / "out"
    run([src], out, progress=False)
    old = out / ".baocao" / "cache" / "cd" / ("cd" + "1" * 62 + ".pickle")
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_bytes(b"left by an earlier version")
    run([src], out, progress=False)
    state = out / ".baocao" / "cache"
    assert not old.exists()
    assert not [p for p in state.rglob("*") if p.suffix == ".pickle"]
    assert len([p for p in state.rglob(f"*{cache.SUFFIX}")]) == 1
    summaries = list(state.rglob("summary.json"))
    assert len(summaries) == 1 and json.loads(summaries[0].read_text("utf-8"))["docs"][0]["source_path"].endswith("a.txt")
