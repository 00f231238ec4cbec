"""The seed laid out as an official document: header table, centred title block, body
paragraphs, spec tables and footer table (see scripts/README.md, Layout)."""

from __future__ import annotations

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from samples.docx_base import (
    BODY_SIZE,
    FIRST_LINE_INDENT,
    HEADER_SIZE,
    TEXT_WIDTH,
    Line,
    add_page_number,
    fill_cell,
    keep_row_on_one_page,
    new_table,
    set_page,
    use_font,
    write,
)
from samples.seed import (
    TITLE,
    Paragraph,
    Report,
    SpecTable,
    TitleBlock,
)
from samples.spec_table import add_spec_table


def add_header_table(doc: DocxDocument, report: Report) -> None:
    """Issuing body + number left, motto/party + place and date right, no borders; the number
    and date lines are padded to the same height so that they face each other."""
    if not (report.issuer or report.number or report.motto or report.date):
        return
    height = max(len(report.issuer), len(report.motto))
    last = len(report.issuer) - 1
    left = [Line(text, bold=i == last, size=HEADER_SIZE) for i, text in enumerate(report.issuer)]
    right = [
        Line(text, bold=True, size=HEADER_SIZE if text.isupper() else BODY_SIZE) for text in report.motto
    ]
    left += [Line("")] * (height - len(left))
    right += [Line("")] * (height - len(right))
    if report.number:
        left.append(Line(report.number, size=HEADER_SIZE, space_before=6))
    if report.date:
        right.append(Line(report.date, italic=True, space_before=6))
    table = new_table(doc, 1, [Mm(62), TEXT_WIDTH - Mm(62)])
    fill_cell(table.cell(0, 0), left)
    fill_cell(table.cell(0, 1), right)


def add_centred(
    doc: DocxDocument, text: str, *, bold: bool = False, italic: bool = False, before: int = 0
) -> None:
    paragraph = write(doc.add_paragraph(), text, bold=bold, italic=italic)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.keep_with_next = True


def add_title(doc: DocxDocument, title: TitleBlock) -> None:
    add_centred(doc, TITLE, bold=True, before=18)
    add_centred(doc, title.subject, bold=True)
    if title.period:
        add_centred(doc, title.period, italic=True)
    if title.rule:
        add_centred(doc, title.rule)
    if title.recipient:
        add_centred(doc, title.recipient, before=12)


def heading_markup(text: str) -> str:
    """Bold a numbered heading up to its first `: ` (`**2.1. Về máy tính:** Trung tâm ...`)."""
    head, colon, rest = text.partition(": ")
    return f"**{head}:** {rest}" if colon else f"**{text}**"


def add_body_paragraph(doc: DocxDocument, block: Paragraph) -> None:
    text = heading_markup(block.text) if block.kind == "heading" else block.text
    paragraph = write(doc.add_paragraph(), text, italic=block.kind == "note")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = FIRST_LINE_INDENT
    fmt.space_before = Pt(6)
    fmt.keep_with_next = block.kind == "heading"


def add_footer_table(doc: DocxDocument, report: Report) -> None:
    """`Nơi nhận:` and its list left (12/11 pt), signer right, no borders, never split."""
    doc.add_paragraph()
    distribution = [Line(report.distribution[0], bold=True, italic=True, size=Pt(12))]
    distribution += [Line(text, size=Pt(11)) for text in report.distribution[1:]]
    signer = [Line(text, bold=True) for text in report.signer]
    if report.signer_name:
        signer += [Line("")] * 4 + [Line(report.signer_name, bold=True)]
    table = new_table(doc, 1, [Mm(80), TEXT_WIDTH - Mm(80)])
    fill_cell(table.cell(0, 0), distribution, WD_ALIGN_PARAGRAPH.LEFT)
    fill_cell(table.cell(0, 1), signer)
    keep_row_on_one_page(table)


def build_docx(report: Report) -> DocxDocument:
    doc = Document()
    use_font(doc)
    set_page(doc.sections[0], landscape=False)
    add_page_number(doc.sections[0])
    add_header_table(doc, report)
    add_title(doc, report.title)
    for block in report.body:
        if isinstance(block, SpecTable):
            add_spec_table(doc, block)
        else:
            add_body_paragraph(doc, block)
    add_footer_table(doc, report)
    return doc
