"""Rules alone against rules + the fact-mention model, on the metrics' values: the model ships
switched on only where it adds figures without costing precision (`Options.fact_model`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol


class _Scored(Protocol):
    @property
    def tp(self) -> int: ...
    @property
    def fp(self) -> int: ...
    @property
    def fn(self) -> int: ...


class _Report(Protocol):
    @property
    def scores(self) -> Mapping[tuple[str, str], _Scored]: ...


FIELD = "metrics.value"
EQUIPMENT = "equipment."
"""Every equipment field (item, quantity, specs), micro-averaged: the model proposes device rows."""


def _total(report: _Report, field: str) -> tuple[int, int, int]:
    cells = [s for (name, _fmt), s in report.scores.items() if name == field or field.endswith(".") and name.startswith(field)]
    return sum(s.tp for s in cells), sum(s.fp for s in cells), sum(s.fn for s in cells)


def fact_model_lines(rules: _Report, with_model: _Report) -> list[str]:
    """One line per system and family: P, R, F1 and the counts of `metrics.value` and of the equipment
    fields, over every format."""
    lines = [f"Fact-mention model ({FIELD} and {EQUIPMENT}*, all formats; shipped off unless --fact-model):",
             f"{'system':26}|      P      R     F1 |    tp    fp    fn"]
    for field in (FIELD, EQUIPMENT):
        for name, report in (("rules", rules), ("rules+model", with_model)):
            tp, fp, fn = _total(report, field)
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            lines.append(f"{name + ' ' + field.rstrip('.'):26}| {p:6.3f} {r:6.3f} {f1:6.3f} | {tp:5d} {fp:5d} {fn:5d}")
    return lines
