"""A rerun whose batches are all kept links the tables the last run sealed (no seal, no batch
part linked), and writes the bytes a run from scratch writes; a damaged kept entry only costs a
full seal."""

import json
import shutil
from pathlib import Path

import pytest

import pipeline.stream
from pipeline.options import Options
from pipeline.run import run

REPORT = ("BÁO CÁO\nKết quả chuyển đổi số năm 2025 của xã Tân Lập\n"
          "Trong kỳ, xã tiếp nhận {n} hồ sơ, trong đó trực tuyến 20 hồ sơ.\nXã có {m} máy tính để bàn.\n")


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    for k in range(5):
        (folder / f"r{k}.txt").write_text(REPORT.format(n=40 + k, m=3 + k), "utf-8")
    shutil.copy(folder / "r0.txt", folder / "r4-copy.txt")  # a second copy in another batch: dropped at the seal
    return folder


def _files(out: Path) -> dict[str, bytes]:
    return {f"{p.parent.name}/{p.name}": p.read_bytes() for p in sorted(out.glob(".baocao/current/*/*.parquet"))}


def _manifest(out: Path) -> dict:
    return json.loads((out / ".baocao" / "current" / "manifest.json").read_text("utf-8"))


def _entries(out: Path) -> list[Path]:
    return sorted((out / ".baocao" / "cache" / "sealed").iterdir())


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_unchanged_rerun_links_the_sealed_tables_and_shows_the_same_messages(tmp_path, monkeypatch, jobs):
    src = _inputs(tmp_path / "in")
    out = tmp_path / "out"
    first_shown: list[str] = []
    run([src], out, Options(jobs=jobs), progress=False, report=first_shown.append)
    first, rows = _files(out), _manifest(out)["rows"]
    (entry,) = _entries(out)
    assert json.loads((entry / "rows.json").read_text()) == rows

    def no_seal(*args):
        raise AssertionError("the seal ran again")

    monkeypatch.setattr(pipeline.stream, "_seal", no_seal)
    shown: list[str] = []
    run([src], out, Options(jobs=jobs), progress=False, report=shown.append)
    assert _files(out) == first and _manifest(out)["rows"] == rows and _manifest(out)["extracted"] == 0
    assert [line for line in shown if "same content as" in line] == [line for line in first_shown if "same content as" in line] != []
    for part in (out / ".baocao" / "current").glob("*/*.parquet"):  # the kept files themselves
        assert part.stat().st_ino == (entry / part.parent.name / part.name).stat().st_ino
    monkeypatch.undo()

    (src / "r1.txt").write_text(REPORT.format(n=77, m=9), "utf-8")  # changed: a full seal, a new entry
    run([src], out, Options(jobs=jobs), progress=False)
    (changed,) = _entries(out)
    assert changed != entry
    scratch = tmp_path / "scratch"
    run([src], scratch, Options(no_cache=True), progress=False)
    assert _files(out) == _files(scratch)


def test_a_damaged_sealed_entry_costs_a_full_seal_with_the_same_bytes(tmp_path):
    src = _inputs(tmp_path / "in")
    out = tmp_path / "out"
    run([src], out, progress=False)
    first = _files(out)
    (entry,) = _entries(out)
    shutil.rmtree(entry / "texts")  # a kept table lost
    run([src], out, progress=False)
    assert _files(out) == first
    (entry / "rows.json").write_text("{not json")  # kept again by that run, now unreadable
    run([src], out, progress=False)
    assert _files(out) == first and (entry / "texts").is_dir()
