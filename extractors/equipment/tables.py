"""Equipment tables: a header row whose cells name device or spec fields (`Tên thiết bị | Số
lượng | Cấu hình`, `Máy tính | CPU | RAM | Ổ cứng`), then one machine or device per row."""

from __future__ import annotations

import regex

from datamodel import Block, Document, Span
from extractors.equipment.items import BRAND, Item, category_at, label_from_name, new_fields, unit_of
from extractors.equipment.specs import Fields, label_field, parse_field
from extractors.numbers import parse_vn_number
from extractors.vocab.devices import BRANDS
from extractors.vocab.quantities import TOTAL_ROW
from extractors.vocab.shortages import LACKING
from extractors.vocab.specs import TABLE_COLUMNS

_COLUMN_RES = {name: regex.compile(p) for name, p in TABLE_COLUMNS.items()}
_TOTAL_ROW = regex.compile(rf"\s*{TOTAL_ROW}(?!\p{{L}})")


def _column_field(doc: Document, cell: Span) -> str | None:
    """The field a header cell names (`Ổ cứng` → storage, `Số lượng` → quantity)."""
    spec = label_field(doc.text[cell.start : cell.end])
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
    return len([c for c in columns if c]) >= 2 and bool({"name", "quantity"} & named or len(named - set(TABLE_COLUMNS)) >= 2)


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
        if col not in TABLE_COLUMNS:  # a spec field (CPU, RAM, Cấu hình ...)
            got = parse_field(col, doc.text[cell.start : cell.end])
            parsed.update(got)
            specs.update({k: cell for k in got})
    category = category_at(doc, name.start, name.end) if name else None
    if category is None and not specs:
        return []
    fields = new_fields(category or "computer", _cell_number(doc, cells.get("quantity")), _cell_status(doc, cells.get("status")), "table")
    fields.update(parsed)
    fields["unit"] = unit_of(doc, row.start, row.end)
    fields["label"] = _cell_text(doc, cells.get("label")) or (label_from_name(doc, name.start, name.end) if name else None)
    fields["brand"] = _cell_brand(doc, cells.get("brand"))
    fields["model"] = _cell_text(doc, cells.get("model"))
    return [Item(row.start, row.end, fields, specs)]


def _cell_text(doc: Document, cell: Span | None) -> str | None:
    text = doc.text[cell.start : cell.end].strip() if cell else ""
    return text or None


def _cell_number(doc: Document, cell: Span | None) -> float:
    """A quantity cell's value; 1 when the table has none."""
    value = parse_vn_number(doc.text[cell.start : cell.end]) if cell else None
    return 1.0 if value is None else value


def _cell_status(doc: Document, cell: Span | None) -> str:
    lacking = cell and regex.search(rf"(?<!\p{{L}})(?:{LACKING})", doc.match[cell.start : cell.end])
    return "lacking" if lacking else "present"


def _cell_brand(doc: Document, cell: Span | None) -> str | None:
    m = BRAND.search(doc.match, cell.start, cell.end) if cell else None
    return BRANDS[regex.sub(r"\s+", " ", m.group(0))] if m else _cell_text(doc, cell)
