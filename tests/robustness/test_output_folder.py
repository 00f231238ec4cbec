"""`-o` replaces only what baocao wrote, and says so before reading a single input."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.writer import STATE_DIR
from tests.conftest import RAW

ONE = RAW / "001_35ae03e1e9c7ec90.txt"


def _inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    shutil.copy(ONE, folder / ONE.name)
    return folder


def _snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry below `folder` with its content (files) or target (links)."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        found[rel] = os.readlink(path) if path.is_symlink() else path.read_bytes() if path.is_file() else "dir"
    return found


def _refused(capsys, args: list[str]) -> str:
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    return err


@pytest.mark.parametrize("name", ["documents", "errors", "notes.txt"])
def test_a_foreign_folder_is_refused_and_left_untouched(tmp_path, capsys, name):
    out = tmp_path / "mine"
    (out / "documents").mkdir(parents=True)
    (out / "documents" / "budget.xlsx").write_bytes(b"the user's own file")
    (out / name).write_bytes(b"kept") if name != "documents" else None
    before = _snapshot(out)
    err = _refused(capsys, ["extract", str(_inputs(tmp_path)), "-o", str(out), "-q"])
    assert "did not write" in err and str(out) in err
    assert _snapshot(out) == before


def test_a_user_folder_named_like_a_table_inside_baocao_output_is_refused(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["extract", str(_inputs(tmp_path)), "-o", str(out), "-q"]) == 0
    capsys.readouterr()
    (out / "errors").unlink()
    (out / "errors").mkdir()
    (out / "errors" / "mine.csv").write_text("a,b\n")
    before = _snapshot(out)
    err = _refused(capsys, ["extract", str(_inputs(tmp_path)), "-o", str(out), "-q"])
    assert "errors was not written by baocao" in err
    assert _snapshot(out) == before


def test_previous_output_is_replaced_as_one_unit(tmp_path):
    out = tmp_path / "out"
    folder = _inputs(tmp_path)
    assert main(["extract", str(folder), "-o", str(out), "-q"]) == 0
    (out / "keep.md").write_text("the user's notes next to the tables")
    first = os.readlink(out / STATE_DIR / "current")
    shutil.copy(RAW / "000_3f443abda9bde363.txt", folder)
    assert main(["extract", str(folder), "-o", str(out), "-q"]) == 0
    second = os.readlink(out / STATE_DIR / "current")
    assert first != second
    assert [p.name for p in (out / STATE_DIR / "runs").iterdir()] == [Path(second).name]
    assert len(pd.read_parquet(out / "documents")) == 2
    assert (out / "keep.md").read_text() == "the user's notes next to the tables"


def test_stale_partial_runs_are_removed_at_the_start(tmp_path):
    out = tmp_path / "out"
    folder = _inputs(tmp_path)
    assert main(["extract", str(folder), "-o", str(out), "-q"]) == 0
    stale = out / STATE_DIR / "runs" / "20250101T000000-deadbeef.partial"
    (stale / "documents").mkdir(parents=True)
    assert main(["extract", str(folder), "-o", str(out), "-q"]) == 0
    assert not stale.exists()


def test_output_path_that_is_a_file_is_refused_before_any_input_is_read(tmp_path, capsys, monkeypatch):
    import pipeline.run

    target = tmp_path / "tables.parquet"
    target.write_bytes(b"a file")
    monkeypatch.setattr(pipeline.run, "process_file", lambda *a: pytest.fail("an input was read"))
    err = _refused(capsys, ["extract", str(_inputs(tmp_path)), "-o", str(target), "-q"])
    assert "is a file" in err
    assert target.read_bytes() == b"a file"
    err = _refused(capsys, ["extract", str(_inputs(tmp_path)), "-o", str(target / "sub"), "-q"])
    assert "is a file" in err


def test_output_that_cannot_be_written_is_refused_before_any_input_is_read(tmp_path, capsys):
    """Unwritable for every user, root included: /proc takes no new folders. As a normal
    user, a read-only folder is tried as well (root writes through permission bits)."""
    err = _refused(capsys, ["extract", str(_inputs(tmp_path)), "-o", "/proc/baocao-tables", "-q"])
    assert "cannot write to /proc/baocao-tables" in err
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o555)
        err = _refused(capsys, ["extract", str(_inputs(tmp_path)), "-o", str(locked / "out"), "-q"])
        assert "cannot write" in err


def test_a_second_run_on_an_output_being_written_is_refused(tmp_path, capsys):
    from pipeline.writer import OutputLock

    out = tmp_path / "out"
    lock = OutputLock.take(out)
    try:
        err = _refused(capsys, ["extract", str(_inputs(tmp_path)), "-o", str(out), "-q"])
        assert "another baocao run" in err
    finally:
        lock.release()
