"""The Decree 30/2020/NĐ-CP page and the python-docx helpers every part of the layout uses: A4 and
margins, Times New Roman 14 pt, page numbers, runs with `**bold**`, borderless tables."""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Length, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

FONT = "Times New Roman"
BODY_SIZE = Pt(14)
HEADER_SIZE = Pt(13)
TABLE_SIZE = Pt(11)
A4_SHORT, A4_LONG = Mm(210), Mm(297)
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
TEXT_WIDTH = A4_SHORT - MARGINS["left"] - MARGINS["right"]
LANDSCAPE_TEXT_WIDTH = A4_LONG - MARGINS["left"] - MARGINS["right"]
FIRST_LINE_INDENT = Mm(10)
CELL_PADDING = Mm(4)  # Word's and LibreOffice's default left + right cell margins, with a little slack
SPEC_TABLE_TITLE = "Cấu hình máy tính tại Trung tâm"
SPEC_FIXED_COLUMNS = ("STT", "Máy tính")


def use_font(doc: DocxDocument) -> None:
    """Times New Roman 14 pt, single spacing, Vietnamese proofing, for every paragraph."""
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = BODY_SIZE
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    rpr.append(lang)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0


def set_page(section: Section, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (A4_LONG, A4_SHORT) if landscape else (A4_SHORT, A4_LONG)
    section.top_margin = MARGINS["top"]
    section.bottom_margin = MARGINS["bottom"]
    section.left_margin = MARGINS["left"]
    section.right_margin = MARGINS["right"]


def add_page_number(section: Section) -> None:
    """A centred PAGE field in the header, none on the first page (Decree 30)."""
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False  # an explicit, empty first-page header
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def write(
    paragraph: DocxParagraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: Length | None = None,
) -> DocxParagraph:
    """Append `text` as runs, turning `**...**` into bold."""
    for i, part in enumerate(text.split("**")):
        if part:
            run = paragraph.add_run(part)
            run.bold = bold or i % 2 == 1 or None
            run.italic = italic or None
            run.font.size = size
    return paragraph


@dataclass
class Line:
    """One paragraph of a table cell."""

    text: str
    bold: bool = False
    italic: bool = False
    size: Length | None = None
    space_before: int = 0


def fill_cell(cell: _Cell, lines: list[Line], align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER) -> None:
    """Write `lines` into an empty cell, one paragraph each."""
    for i, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.space_before = Pt(line.space_before)
        write(paragraph, line.text, bold=line.bold, italic=line.italic, size=line.size)


def new_table(doc: DocxDocument, rows: int, widths: list[Length], style: str | None = None) -> Table:
    table = doc.add_table(rows=rows, cols=len(widths))
    if style:
        table.style = doc.styles[style]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
        for cell in column.cells:
            cell.width = width
    return table


def keep_row_on_one_page(table: Table) -> None:
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
