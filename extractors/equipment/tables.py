"""Equipment tables: a header row whose cells name device or spec fields (`Tên thiết bị | Số
lượng | Cấu hình`, `Máy tính | CPU | RAM | Ổ cứng`), then one machine or device per row."""

from __future__ import annotations

import regex

from datamodel import Block, Document, Span
from extractors.equipment.items import BRAND, Item, brand_name, category_at, label_from_name, new_fields, unit_of
from extractors.equipment.specs import Fields, label_field, parse_field
from extractors.numbers import NUMBER, parse_vn_number
from extractors.vocab.quantities import TOTAL_ROW
from extractors.vocab.shortages import LACKING, LOSS
from extractors.vocab.specs import COUNT_COLUMNS, TABLE_COLUMNS

_COLUMN_RES = {name: regex.compile(p) for name, p in {**TABLE_COLUMNS, **COUNT_COLUMNS}.items()}
_NOT_SPECS = {*TABLE_COLUMNS, *COUNT_COLUMNS}
_CELL_NUMBER = regex.compile(rf"\s*(?P<num>{NUMBER})(?![\d/]|[.,]\d|\s*%)")
_NOT_PRESENT = regex.compile(rf"(?<!\p{{L}})(?:{LACKING}|{LOSS})(?!\p{{L}})")
_TOTAL_ROW = regex.compile(rf"\s*{TOTAL_ROW}(?!\p{{L}})")


def _column_field(doc: Document, cell: Span) -> str | None:
    """The field a header cell names (`Ổ cứng` → storage, `Số lượng` → quantity). The cell is
    read in matching form: a line break or a cell separator's space surrounds it, no letter."""
    spec = label_field(doc.match[cell.start : cell.end])
    if spec:
        return spec
    folded = doc.match[cell.start : cell.end].strip(" \t:.")
    return next((name for name, rx in _COLUMN_RES.items() if rx.fullmatch(folded)), None)


def _tables(doc: Document) -> dict[int, list[Block]]:
    rows: dict[int, list[Block]] = {}
    for block in doc.blocks:
        if block.kind == "table_row" and block.table is not None:
            rows.setdefault(block.table, []).append(block)
    return rows


def _is_equipment_header(columns: list[str | None]) -> bool:
    """A header row names a device column or a count, or at least two spec fields."""
    named = {c for c in columns if c}
    return len([c for c in columns if c]) >= 2 and bool({"name", "quantity", *COUNT_COLUMNS} & named or len(named - _NOT_SPECS) >= 2)


def table_items(doc: Document) -> tuple[list[Item], set[int]]:
    """Rows for the machines and devices of data tables whose header names equipment fields,
    and the ids of the tables read so."""
    items: list[Item] = []
    read: set[int] = set()
    for table, rows in _tables(doc).items():
        for i, row in enumerate(rows):
            columns = [_column_field(doc, c) for c in row.cells]
            if _is_equipment_header(columns):
                items.extend(it for r in rows[i + 1 :] if len(r.cells) == len(columns) for it in _table_row(doc, r, columns))
                read.add(table)
                break
    return items, read


def _table_row(doc: Document, row: Block, columns: list[str | None]) -> list[Item]:
    """The row of one machine or device (none for a total row or an empty one)."""
    cells = {name: cell for name, cell in zip(columns, row.cells) if name}
    name = cells.get("name")
    if name and _TOTAL_ROW.match(doc.match, name.start, name.end):
        return []
    specs: dict[str, Span] = {}
    parsed: Fields = {}
    for col, cell in cells.items():
        if col not in _NOT_SPECS:  # a spec field (CPU, RAM, Cấu hình ...)
            got = parse_field(col, doc.text[cell.start : cell.end])
            parsed.update(got)
            specs.update({k: cell for k in got})
    category = category_at(doc, name.start, name.end) if name else None
    if category is None and not specs:
        return []
    fields = new_fields(category or "computer", None, _cell_status(doc, cells.get("status")), "table")
    fields.update(parsed)
    fields["unit"] = unit_of(doc, row.start, row.end)
    fields["label"] = _cell_text(doc, cells.get("label")) or (label_from_name(doc, name.start, name.end) if name else None)
    fields["brand"] = _cell_brand(doc, cells.get("brand"))
    fields["model"] = _cell_text(doc, cells.get("model"))
    return [Item(row.start, row.end, {**fields, "quantity": qty, "status": status or fields["status"]}, specs)
            for qty, status in _counts(doc, columns, row.cells)]


def _counts(doc: Document, columns: list[str | None], cells: tuple[Span, ...]) -> list[tuple[float | None, str | None]]:
    """(quantity, status) per row to write, in column order: one per count column holding a
    number above zero (`Định mức | Hiện có | Còn thiếu | Hư hỏng`), the `Số lượng` cell's with
    the status cell's status, or 1 when the table has no count column (one machine per row). A
    count cell that is empty or not a number gives an unknown quantity when it is the only
    count of the row, else no row; a zero gives no row."""
    counted = [(col, cell) for col, cell in zip(columns, cells) if col in ("quantity", *COUNT_COLUMNS)]
    if not counted:
        return [(1.0, None)]
    out: list[tuple[float | None, str | None]] = []
    for col, cell in counted:
        value = _cell_number(doc, cell)
        if value != 0 and (value is not None or len(counted) == 1):
            out.append((value, None if col == "quantity" else col))
    return out


def _cell_text(doc: Document, cell: Span | None) -> str | None:
    text = doc.text[cell.start : cell.end].strip() if cell else ""
    return text or None


def _cell_number(doc: Document, cell: Span) -> float | None:
    """The count a cell opens with (`05`, `05 bộ`), or None (empty, `-`, a ratio, a share)."""
    m = _CELL_NUMBER.match(doc.match, cell.start, cell.end)
    return parse_vn_number(m["num"]) if m else None


def _cell_status(doc: Document, cell: Span | None) -> str:
    """lacking for a status cell that says lacking, lost or broken (`Còn thiếu`, `Hư hỏng`)."""
    lacking = cell and _NOT_PRESENT.search(doc.match, cell.start, cell.end)
    return "lacking" if lacking else "present"


def _cell_brand(doc: Document, cell: Span | None) -> str | None:
    m = BRAND.search(doc.match, cell.start, cell.end) if cell else None
    return brand_name(m) if m else _cell_text(doc, cell)
