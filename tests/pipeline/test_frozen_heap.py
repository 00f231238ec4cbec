"""The heap alive after the first of several batches (the extractors' tables and models) is left
out of later collections, once, after a collection; a run of one batch does not pay for it."""

from pathlib import Path

import pipeline.executors.local as local
from pipeline.options import Options
from pipeline.run import run

REPORT = "BÁO CÁO\nKết quả chuyển đổi số năm 2025 của xã Tân Lập\nXã có {m} máy tính để bàn.\n"


def _calls(monkeypatch) -> list[str]:
    calls: list[str] = []
    monkeypatch.setattr(local.gc, "collect", lambda: calls.append("collect"))
    monkeypatch.setattr(local.gc, "freeze", lambda: calls.append("freeze"))
    return calls


def test_the_heap_is_frozen_once_after_the_first_of_several_batches(tmp_path: Path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    for k in range(3):  # three batches of one input
        (src / f"r{k}.txt").write_text(REPORT.format(m=k + 2), "utf-8")
    calls = _calls(monkeypatch)
    run([src], tmp_path / "out", Options(jobs=1, no_cache=True), progress=False)
    assert calls[-2:] == ["collect", "freeze"] and calls.count("collect") == 1  # (the entity ruler freezes once, when built)
    calls.clear()
    run([src / "r0.txt"], tmp_path / "one", Options(jobs=1, no_cache=True), progress=False)
    assert calls == []
