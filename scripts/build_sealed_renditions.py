"""Build Word and PDF renditions of some sealed reports (data/sealed/docs/<stem>.txt -> .docx, .pdf).

Why: `make eval` scores the sealed split per input format, and provinces receive reports as Word files
and PDFs; a rendition carrying exactly the words of its text twin is scored against the same gold
(data/sealed/gold/<stem>/). DOCX: a two-column header table (issuing body and `Số` left, motto and
place/date right), paragraphs, tab-separated rows as a real table, the signer block right-aligned.
PDF: the lines as they stand, a new page where the text holds a page number alone on a line (printed
top centre, as Decree 30 has it), so a code cut by a page break stays cut. The outputs are committed;
rerun only after changing a sealed text. PDFs need fpdf2 (`.venv/bin/pip install fpdf2`) and the
DejaVu fonts (Debian package fonts-dejavu-core).

    .venv/bin/python scripts/build_sealed_renditions.py [stem.docx|stem.pdf ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

DOCS = Path(__file__).resolve().parents[1] / "data" / "sealed" / "docs"
DEFAULT = ("s01_eahleo_tuan.docx", "s04_nghean_so_tonghop.docx", "s07_canloc_phuluc.docx", "s09_sapa_thang.docx",
           "s05_huongtrach_2023.pdf", "s12_eakpam_2021.pdf", "s13_lienchieu_pdfpaste.pdf")
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
TITLES = ("BÁO CÁO", "PHỤ LỤC")


def _header_end(lines: list[str]) -> int:
    """Index of the title line: everything before it is the header."""
    return next((i for i, line in enumerate(lines) if line.strip().startswith(TITLES)), 0)


def _add_header(doc, lines: list[str]) -> None:
    left = [ln.strip() for ln in lines if ln.strip() and not ln.startswith("\t")]
    right = [ln.strip() for ln in lines if ln.strip() and ln.startswith("\t")]
    if not right:  # a header of one column: plain centred lines
        for text in left:
            doc.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
        return
    table = doc.add_table(rows=1, cols=2)
    for cell, texts in zip(table.rows[0].cells, (left, right)):
        cell.paragraphs[0].text = texts[0] if texts else ""
        for text in texts[1:]:
            cell.add_paragraph(text)


def _add_rows(doc, rows: list[list[str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    table.style = "Table Grid"
    for row, cells in zip(table.rows, rows):
        for cell, text in zip(row.cells, cells):
            cell.text = text


def build_docx(stem: str) -> Path:
    """Write <stem>.docx beside <stem>.txt and check that every word of the text is in it."""
    text = (DOCS / f"{stem}.txt").read_text("utf-8")
    lines = text.splitlines()
    start = _header_end(lines)
    doc = Document()
    _add_header(doc, lines[:start])
    rows: list[list[str]] = []
    for line in lines[start:]:
        cells = line.split("\t")
        if len(cells) >= 3 and cells[0]:
            rows.append(cells)
            continue
        if rows:
            _add_rows(doc, rows)
            rows = []
        if not line.strip():
            continue
        paragraph = doc.add_paragraph(line.strip())
        if line.startswith("\t"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif line.strip().startswith(TITLES) or line.strip().startswith("("):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if rows:
        _add_rows(doc, rows)
    out = DOCS / f"{stem}.docx"
    doc.save(out)
    written = " ".join(p.text for p in Document(out).paragraphs)
    written += " " + " ".join(c.text for t in Document(out).tables for r in t.rows for c in r.cells)
    return _checked(out, text, written)


def _checked(out: Path, text: str, written: str) -> Path:
    missing = set(text.split()) - set(written.split())
    if missing:
        raise SystemExit(f"{out.name}: words lost in the rendition: {sorted(missing)[:10]}")
    return out


def build_pdf(stem: str) -> Path:
    """Write <stem>.pdf beside <stem>.txt, one text line per PDF line (long ones wrapped)."""
    import pdfplumber
    from fpdf import FPDF

    text = (DOCS / f"{stem}.txt").read_text("utf-8")
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.set_margins(25, 20, 20)
    pdf.add_page()
    for line in text.splitlines():
        if line.strip().isdigit():  # a page number alone on a line: the page break of the pasted PDF
            pdf.add_page()
            pdf.cell(0, 6, line.strip(), align="C", new_x="LMARGIN", new_y="NEXT")
            continue
        align = "R" if line.startswith("\t") else "L"
        pdf.multi_cell(0, 6, line.strip() or " ", align=align, new_x="LMARGIN", new_y="NEXT")
    out = DOCS / f"{stem}.pdf"
    pdf.output(str(out))
    with pdfplumber.open(out) as read:
        written = " ".join(page.extract_text() or "" for page in read.pages)
    return _checked(out, text, written)


if __name__ == "__main__":
    for name in sys.argv[1:] or DEFAULT:
        stem, _, fmt = name.rpartition(".")
        print(build_pdf(stem) if fmt == "pdf" else build_docx(stem))
