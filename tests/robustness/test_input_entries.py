"""Odd entries in the input: each gets its row, nothing blocks, nothing outside is read."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.inputs import find_inputs
from pipeline.options import Options
from tests.conftest import RAW

ONE = RAW / "001_35ae03e1e9c7ec90.txt"
BAOCAO = str(Path(sys.executable).with_name("baocao"))


def _errors(out: Path) -> dict[str, tuple[str, str]]:
    errors = pd.read_parquet(out / "errors")
    return {Path(p).name: (t, m) for p, t, m in zip(errors.source_path, errors.error_type, errors.message)}


def test_a_fifo_named_on_the_command_line_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "report.txt")
    done = subprocess.run([BAOCAO, "extract", str(tmp_path / "report.txt"), "-o", str(tmp_path / "out"), "-q"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert _errors(tmp_path / "out")["report.txt"][0] == "not_a_regular_file"


def test_links_leaving_the_input_folder_are_followed_only_when_asked(tmp_path, capsys):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.copy(ONE, outside / "report.txt")
    folder = tmp_path / "in"
    folder.mkdir()
    os.symlink(outside / "report.txt", folder / "linked.txt")
    os.symlink(folder, folder / "again")  # a link back to the folder itself: walked once
    assert main(["extract", str(folder), "-o", str(tmp_path / "a"), "-q"]) == 1
    assert _errors(tmp_path / "a")["linked.txt"][0] == "link_outside_input"
    assert "--follow-outside-links" in _errors(tmp_path / "a")["linked.txt"][1]
    assert main(["extract", str(folder), "-o", str(tmp_path / "b"), "-q", "--follow-outside-links"]) == 0
    docs = pd.read_parquet(tmp_path / "b" / "documents")
    assert [Path(p).name for p in docs.source_path] == ["linked.txt"]


def test_a_file_name_that_is_not_utf8_survives_to_the_tables(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"b\xe1o_c\xe1o.txt")  # Latin-1 bytes, as an old archive tool writes them
    shutil.copy(ONE, folder / name)
    assert main(["extract", str(folder), "-o", str(tmp_path / "out"), "-q"]) == 0
    docs = pd.read_parquet(tmp_path / "out" / "documents")
    assert docs.source_path[0].endswith("b\\xe1o_c\\xe1o.txt")
    assert "not valid UTF-8" in docs.warnings[0]


def test_an_unreadable_file_gets_a_row(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root: permission bits do not stop root from reading, so there is no unreadable file "
                    "to make (the corpus test checks the same file is read once)")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ONE, folder / "locked.txt")
    os.chmod(folder / "locked.txt", 0)
    assert main(["extract", str(folder), "-o", str(tmp_path / "out"), "-q"]) == 1
    assert _errors(tmp_path / "out")["locked.txt"][0] == "unreadable_file"


def test_what_counts_as_an_input_in_a_folder(tmp_path):
    (tmp_path / "x.txt").mkdir()
    shutil.copy(ONE, tmp_path / "x.txt" / "inside.txt")
    (tmp_path / "README.md").write_text("# not a report\n")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "~$lock.docx").write_bytes(b"owner")
    (tmp_path / "scan").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / ".hidden report.txt").write_bytes(b"x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_bytes(b"tool state")
    found = {i.path.name: i.refused for i in find_inputs([tmp_path], Options())}
    assert sorted(found) == [".hidden report.txt", "inside.txt", "old.doc", "scan", "~$lock.docx"]
    assert found[".hidden report.txt"] is None
    error_type, message = found["~$lock.docx"]
    assert error_type == "skipped_lock_file" and message.startswith("a Word lock file")


@pytest.mark.parametrize("args", [["-j", "0"], ["-j", "-3"], ["--max-pages", "0"], ["--jobs", "two"]])
def test_impossible_options_are_usage_errors(tmp_path, args, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["extract", str(ONE), "-o", str(tmp_path / "out"), *args])
    assert stop.value.code == 2
    assert not (tmp_path / "out").exists()


def test_ocr_can_be_turned_off_and_on(tmp_path):
    assert main(["extract", str(ONE), "-o", str(tmp_path / "off"), "--no-ocr", "-q"]) == 0
    assert main(["extract", str(ONE), "-o", str(tmp_path / "on"), "--ocr", "--ocr-dpi", "200", "-q"]) == 0


def test_bench_and_eval_on_missing_folders_are_usage_errors(tmp_path, capsys):
    assert main(["bench", str(tmp_path / "nonexistent")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["eval", "--raw", str(tmp_path / "nonexistent")]) == 2
    assert "not found" in capsys.readouterr().err


def test_eval_with_no_gold_annotated_inputs_is_a_usage_error(tmp_path, capsys, monkeypatch):
    import pipeline.eval_sections as eval_sections

    original = eval_sections.sections
    monkeypatch.setattr(eval_sections, "sections", lambda root=tmp_path: original(tmp_path))
    assert main(["eval"]) == 2
    assert "run it in the repository" in capsys.readouterr().err
