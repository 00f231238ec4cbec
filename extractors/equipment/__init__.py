"""The `equipment` component: machines, devices and lines a report lists, and machine-minimum checks.

Section 2 of a report (hạ tầng công nghệ) describes hardware in three ways, read here:

- per-machine specs, as labelled lines under a header (`2.1.1. Bộ máy tính để bàn Công chức 1:`
  then `+ CPU: ...`, `+ RAM 8 GB`), as one line that opens with the machine and packs its
  specs after a colon or in closing parentheses (`- Máy tính 1: CPU Intel Core i5-10400, RAM
  16GB, SSD 512GB`, `- Máy tính xách tay Dell Latitude 3420 (Core i5-1135G7, 8GB RAM)`), or as
  rows of a data table whose header cells name the fields (`Máy tính | CPU | RAM | Ổ cứng`,
  `Tên thiết bị | Số lượng | Cấu hình`): one row per machine, quantity 1 (or the count before
  its noun, or the table's `Số lượng`);
- counted mentions in running text, `<N> [bộ|chiếc|cái] <device> [loại <brand model>, ...]`
  (`04 máy scan loại Epson DS-410, Epson DS-530, Hp 3000 s4, Hp 2000 s2`, `03 máy in một
  mặt(canon 2900)`, `Máy tính: được trang bị 09 máy`): one row, or one row per model when N
  equals the number of models listed (a list that does not match N gives one group row);
- shortages, a device after `còn thiếu` / `chưa có` / `không có` and every device listed after
  it, whatever kind words follow each (`thiếu cụ thể: 01 máy in A3, 01 máy photocopy`): status
  lacking, quantity null when not stated.

Rules: a device named without a number and not lacking gives no row (`được trang bị đầy đủ
máy tính`); requests (`đề nghị`, `kiến nghị`, `cần trang bị` ...) give no row; a counted total
of computers (`Trung tâm hiện bố trí 05 bộ máy tính để bàn`) gives no row when per-machine
rows of computers lie in the same section, because those rows are the machines, and a counted
total followed by parts that add up to it (`03 máy, gồm 02 máy Canon ... và 01 máy Fujitsu
...`, `09 máy tính, trong đó 05 máy tính để bàn và 04 máy tính xách tay`) gives only the
parts. The unit a
device belongs to is read from the nearest unit named in its sentence, else from the headings
of its section path (`2.4. Mặt trận tổ quốc`). Spec values are parsed by
`extractors.equipment.specs`. The checks (severity info) flag machines under common minimums:
RAM under 8 GB, an HDD system disk, an Intel CPU older than 8th generation, Windows 10 (out
of support since 14 October 2025; flagged whatever the report's date, as analysts compare
communes now).
"""

from __future__ import annotations

from datamodel import Document
from extractors.equipment.checks import machine_checks
from extractors.equipment.items import COMPUTERS, Item
from extractors.equipment.merging import equipment_items
from extractors.registry import Facts, register
from schemas.base import DOC_ID, EVIDENCE
from schemas.equipment import TABLE

__all__ = ["COMPUTERS", "equipment_items", "extract_equipment"]


OWN_COLUMNS = [n for n in TABLE.names if n not in {DOC_ID.name, *(c.name for c in EVIDENCE)}]


def _row(doc: Document, item: Item) -> dict:
    return doc.fact(item.start, item.end, **{name: item.fields.get(name) for name in OWN_COLUMNS})


@register("equipment", assigns=("equipment", "checks"))
def extract_equipment(doc: Document, facts: Facts) -> Facts:
    """Equipment rows and the machine-minimum checks of one report."""
    items = equipment_items(doc)
    return {
        "equipment": [_row(doc, it) for it in items],
        "checks": [row for it in items for row in machine_checks(doc, it)],
    }
