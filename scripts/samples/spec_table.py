"""The per-machine spec lists of a seed as one bordered table on a landscape page, with columns
sized to their content."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Length, Mm

from samples.docx_base import (
    CELL_PADDING,
    LANDSCAPE_TEXT_WIDTH,
    SPEC_FIXED_COLUMNS,
    SPEC_TABLE_TITLE,
    TABLE_SIZE,
    Line,
    fill_cell,
    keep_row_on_one_page,
    new_table,
    set_page,
)
from samples.seed import SpecTable


def spec_columns(table: SpecTable) -> list[str]:
    keys: list[str] = []
    for machine in table.machines:
        keys += [key for key in machine.specs if key not in keys]
    return [*SPEC_FIXED_COLUMNS, *keys]


def estimated_width(text: str, size: Length) -> float:
    """Rough printed width in EMU of Times-like bold, erring wide: m and w ~0.95 em, other
    capitals ~0.75 em, spaces and punctuation ~0.3 em, the rest ~0.55 em."""
    return size * sum(
        0.95 if char in "mwMW" else 0.75 if char.isupper() else 0.3 if char in " .,:;()/-" else 0.55
        for char in text
    )


def column_widths(rows: list[list[str]], total: Length, size: Length) -> list[Length]:
    """Give each column room for its widest word (no word broken inside a narrow cell), then
    hand out the rest millimetre by millimetre to the column whose longest cell needs the most
    lines, so that rows stay short."""
    columns = list(zip(*rows))
    widths = [
        CELL_PADDING + max(estimated_width(word, size) for cell in column for word in cell.split())
        for column in columns
    ]
    longest = [max(estimated_width(cell, size) for cell in column) for column in columns]

    def lines(i: int) -> float:
        return longest[i] / (widths[i] - CELL_PADDING)

    while sum(widths) + Mm(1) <= total:
        widths[max(range(len(widths)), key=lines)] += Mm(1)
    return [Length(int(width)) for width in widths]


def add_spec_table(doc: DocxDocument, spec: SpecTable) -> None:
    """One bordered table, on a landscape page of its own: 11 columns do not fit A4 portrait."""
    landscape = doc.add_section(WD_SECTION.NEW_PAGE)
    set_page(landscape, landscape=True)
    landscape.different_first_page_header_footer = False
    columns = spec_columns(spec)
    keys = columns[len(SPEC_FIXED_COLUMNS) :]
    rows = [
        [machine.number, machine.name, *(machine.specs.get(key, "") for key in keys)]
        for machine in spec.machines
    ]
    widths = column_widths([columns, *rows], LANDSCAPE_TEXT_WIDTH, TABLE_SIZE)
    table = new_table(doc, 2 + len(spec.machines), widths, style="Table Grid")
    title = table.cell(0, 0).merge(table.cell(0, len(columns) - 1))
    fill_cell(title, [Line(SPEC_TABLE_TITLE, bold=True, size=TABLE_SIZE)])
    for cell, column in zip(table.rows[1].cells, columns):
        fill_cell(cell, [Line(column, bold=True, size=TABLE_SIZE)])
    for row, values in zip(table.rows[2:], rows):
        for cell, value in zip(row.cells, values):
            fill_cell(cell, [Line(value, size=TABLE_SIZE)], WD_ALIGN_PARAGRAPH.LEFT)
    for header_row in table.rows[:2]:
        header_row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    keep_row_on_one_page(table)
    portrait = doc.add_section(WD_SECTION.NEW_PAGE)
    set_page(portrait, landscape=False)
