"""Ruled tables and page-1 header words read from pdfium's objects (`pipeline/ingest/pdf/objects.py`)
instead of pdfminer's parsing: the cells of PDFs drawn here with fpdf2 (merged cells, cells of
several lines, a table running over a page break, a page without rules), and the proof that the
rebuilt characters and edges give exactly pdfplumber's words and tables, page by page."""

from __future__ import annotations

import ctypes
import io
import math
from functools import cache
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber import utils as plumber_utils

from datamodel import RawBlock, RawDocument
from pipeline.ingest.pdf import PdfBackend
from pipeline.ingest.pdf.fonts import font_descents
from pipeline.ingest.pdf.objects import page_objects
from pipeline.ingest.pdf.pdfium_layout import PdfiumPage, extract_text

ROOT = Path(__file__).resolve().parents[2]
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
fpdf = pytest.importorskip("fpdf", reason="fpdf2 (dev extras) draws the test PDFs")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="needs the DejaVu fonts (Debian: fonts-dejavu-core)")

DEVICES = [
    ("1", "Máy tính để bàn dùng cho bộ phận tiếp nhận và trả kết quả của xã", "05", "Đang sử dụng"),
    ("2", "Máy scan hai mặt", "02", "Hỏng 01 máy, chờ sửa chữa"),
    ("3", "Máy in laser", "03", "Tốt"),
]


def _report(font: str = "DejaVu", rows: int = 24) -> bytes:
    """A report with a ruled equipment table (a merged title row, wrapped cells) long enough to
    run onto page 2, then a page of plain text without any rule."""
    pdf = fpdf.FPDF(format="A4")
    if font == "DejaVu":
        pdf.add_font("DejaVu", fname=str(FONT))
        pdf.add_font("DejaVu", style="B", fname=str(FONT.with_name("DejaVuSans-Bold.ttf")))
    pdf.set_font(font, size=11)
    pdf.add_page()
    pdf.multi_cell(0, 7, "BÁO CÁO" if font == "DejaVu" else "BAO CAO", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 7, "Trang thiết bị của Trung tâm Phục vụ hành chính công xã như sau:" if font == "DejaVu"
                   else "Trang thiet bi cua Trung tam Phuc vu hanh chinh cong xa nhu sau:", new_x="LMARGIN", new_y="NEXT")
    if font != "DejaVu":  # no title the header step knows: the table starts on a page of its own
        pdf.add_page()
    with pdf.table(col_widths=(12, 88, 25, 45), text_align="LEFT") as table:
        head = table.row()
        for text in ("STT", "Thiết bị", "Số lượng", "Ghi chú") if font == "DejaVu" else ("STT", "Thiet bi", "So luong", "Ghi chu"):
            head.cell(text)
        title = table.row()
        title.cell("Khối văn phòng" if font == "DejaVu" else "Khoi van phong", colspan=4)
        for k in range(rows):
            number, device, count, note = DEVICES[k % 3] if font == "DejaVu" else (
                str(k + 1), f"May tinh de ban so {k + 1}", "01", "Tot")
            row = table.row()
            for text in (str(k + 1) if font == "DejaVu" else number, device, count, note):
                row.cell(text)
    pdf.add_page()
    pdf.multi_cell(0, 7, "Trên đây là báo cáo của Ủy ban nhân dân xã." if font == "DejaVu" else "Tren day la bao cao cua xa.",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 7, "STT    Thiết bị    Số lượng" if font == "DejaVu" else "STT    Thiet bi    So luong")
    return bytes(pdf.output())


@cache
def read(font: str = "DejaVu") -> RawDocument:
    return PdfBackend().read(_report(font))


def rows_of(doc: RawDocument) -> list[RawBlock]:
    return [b for b in doc.blocks if b.kind == "table_row"]


def test_no_page_needs_pdfplumber() -> None:
    assert read().meta["pdfplumber_pages"] == []


def test_header_row_and_merged_row() -> None:
    rows = rows_of(read())
    assert rows[0].cells == ("STT", "Thiết bị", "Số lượng", "Ghi chú")
    assert rows[1].cells == ("Khối văn phòng",)  # merged across the table: given once
    assert (rows[0].page, rows[0].table, rows[0].row) == (1, 0, 0)


def test_cells_of_several_lines_are_joined() -> None:
    first = rows_of(read())[2]
    assert first.cells == ("1", "Máy tính để bàn dùng cho bộ phận tiếp nhận và trả kết quả của xã", "05", "Đang sử dụng")
    assert first.text == " | ".join(first.cells)


def test_table_across_a_page_break() -> None:
    rows = rows_of(read())
    pages = sorted({b.page for b in rows})
    assert pages == [1, 2]
    on_two = [b for b in rows if b.page == 2]
    assert {b.table for b in on_two} == {1} and on_two[0].row == 0
    numbers = [b.cells[0] for b in rows if b.cells[0].isdigit()]
    assert numbers == [str(k) for k in range(1, 25)]  # every row once, in order, across the break
    assert on_two[-1].cells == ("24", "Máy in laser", "03", "Tốt")


def test_page_without_rules_has_no_table() -> None:
    doc = read()
    assert not [b for b in rows_of(doc) if b.page == 3]
    lines = [b.text for b in doc.blocks if b.page == 3 and b.kind == "line"]
    assert "Trên đây là báo cáo của Ủy ban nhân dân xã." in lines
    assert any(line.startswith("STT") and line.endswith("Số lượng") for line in lines)


def test_table_words_leave_the_lines() -> None:
    body = " ".join(b.text for b in read().blocks if b.kind == "line")
    assert "Máy scan" not in body and "Khối văn phòng" not in body


def test_a_failure_while_rebuilding_leaves_the_page_to_pdfplumber(monkeypatch: pytest.MonkeyPatch) -> None:
    """pdfplumber's table finder can raise on odd edges; while pdfium has the page open that must
    not lose the page: pdfplumber reads it, as it did before."""
    import pipeline.ingest.pdf.objects as objects

    def broken(edges: list) -> list:
        raise AssertionError("odd edges")

    monkeypatch.setattr(objects, "find_tables", broken)
    doc = PdfBackend().read(_report())
    assert doc.meta["pdfplumber_pages"] == [1, 2]  # both ruled pages look for their tables while pdfium has them
    assert [b.cells for b in rows_of(doc)] == [b.cells for b in rows_of(read())]
    assert doc.warnings == []


def test_a_page_pdfium_cannot_rebuild_goes_to_pdfplumber() -> None:
    """A standard-14 font (Helvetica): pdfminer takes its metrics from its own tables, so the
    boxes cannot be rebuilt and pdfplumber reads the ruled pages; the cells are still read."""
    doc = read("helvetica")
    assert doc.meta["pdfplumber_pages"] == [1, 2]  # page 1 for its header, page 2 for its table
    rows = rows_of(doc)
    assert rows[0].cells == ("STT", "Thiet bi", "So luong", "Ghi chu")
    assert rows[2].cells == ("1", "May tinh de ban so 1", "01", "Tot")


# --- text objects the way Word writes them (drawn with pdfium itself) --------------------------

def _objects_pdf(twice: bool = False) -> bytes:
    """Page 1: a title; page 2: a ruled 2 x 2 table whose first cell holds `vị`, a text object
    of one blank, and `sự` 2 pt further (closer than pdfplumber's 3 pt word gap). With `twice`,
    `a` is drawn a second time 0.3 pt to the right (fake bold), which pdfium's text page drops."""
    pdf = pdfium.PdfDocument.new()
    data = FONT.read_bytes()
    buffer = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
    font = pdfium_c.FPDFText_LoadFont(pdf.raw, buffer, len(data), pdfium_c.FPDF_FONT_TRUETYPE, True)
    for texts, rules in (([("BÁO CÁO", 250, 760)], []),
                         ([("vị", 105, 706), (" ", 116.5, 706), ("sự", 118.5, 706), ("ô", 205, 706), ("a", 105, 686),
                           ("b", 205, 686)] + ([("a", 105.3, 686)] if twice else []),
                          [(100, 700), (200, 700), (100, 680), (200, 680)])):
        page = pdf.new_page(595, 842)
        for x, y in rules:
            rule = pdfium_c.FPDFPageObj_CreateNewRect(x, y, 100, 20)
            pdfium_c.FPDFPath_SetDrawMode(rule, 0, True)
            pdfium_c.FPDFPage_InsertObject(page.raw, rule)
        for text, x, y in texts:
            obj = pdfium_c.FPDFPageObj_CreateTextObj(pdf.raw, font, 11.0)
            wide = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
            pdfium_c.FPDFText_SetText(obj, ctypes.cast(wide, pdfium_c.FPDF_WIDESTRING))
            pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
            pdfium_c.FPDFPage_InsertObject(page.raw, obj)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _in_forms(data: bytes) -> bytes:
    """Each page of `data` drawn as a form XObject, moved 20 pt right and 30 pt down, on a page
    of a new document (the objects then sit inside forms, with their own matrices)."""
    source = pdfium.PdfDocument(data)
    target = pdfium.PdfDocument.new()
    for i in range(len(source)):
        page = target.new_page(595, 842)
        xobject = pdfium_c.FPDF_NewXObjectFromPage(target.raw, source.raw, i)
        form = pdfium_c.FPDF_NewFormObjectFromXObject(xobject)
        pdfium_c.FPDFPageObj_Transform(form, 1, 0, 0, 1, 20, -30)
        pdfium_c.FPDFPage_InsertObject(page.raw, form)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
        pdfium_c.FPDF_CloseXObject(xobject)
    out = io.BytesIO()
    target.save(out)
    return out.getvalue()


def test_a_text_object_of_one_blank_ends_a_word() -> None:
    """pdfium's text page leaves such objects out; pdfminer keeps the blank, so pdfplumber reads
    two words, and so must the rebuilt page."""
    doc = PdfBackend().read(_objects_pdf())
    assert doc.meta["pdfplumber_pages"] == []
    assert [b.cells for b in rows_of(doc)] == [("vị sự", "ô"), ("a", "b")]


def test_objects_inside_forms() -> None:
    doc = PdfBackend().read(_in_forms(_objects_pdf()))
    assert doc.meta["pdfplumber_pages"] == []
    assert [b.cells for b in rows_of(doc)] == [("vị sự", "ô"), ("a", "b")]


def test_text_drawn_twice_goes_to_pdfplumber() -> None:
    """pdfium drops the second drawing of a fake-bold word; pdfminer keeps both (pdfplumber
    reads `aa`), so the page is left to pdfplumber and the table reads as before."""
    doc = PdfBackend().read(_objects_pdf(twice=True))
    assert doc.meta["pdfplumber_pages"] == [2]
    assert [b.cells for b in rows_of(doc)] == [("vị sự", "ô"), ("aa", "b")]


# --- the proof: the rebuilt page gives pdfplumber's words and tables ---------------------------

def _both(data: bytes) -> list[tuple[object, object]]:
    """(pdfplumber's, the rebuilt page's) words and tables of each page."""
    pdf = pdfium.PdfDocument(data)
    descents = font_descents(data, set(range(1, len(pdf) + 1)))
    pairs: list[tuple[object, object]] = []
    with pdfplumber.open(io.BytesIO(data)) as plumber:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            every = page_objects(page, textpage, math.inf, tables=False)  # every word
            in_tables = page_objects(page, textpage, None, tables=True)  # the tables' characters only
            width = page.get_width()
            textpage.close()
            page.close()
            assert every is not None and in_tables is not None
            words = PdfiumPage(every.chars(descents) or [], every.edges, width, every.height)
            tables = PdfiumPage(in_tables.chars(descents) or [], in_tables.edges, width, in_tables.height,
                                in_tables.tables)
            theirs = plumber.pages[i]
            pairs.append((_words(theirs.extract_words()), _words(words.extract_words())))
            pairs.append(([(t.bbox, t.extract()) for t in theirs.find_tables()],
                          [(t.bbox, t.extract()) for t in tables.find_tables()]))
    pdf.close()
    return pairs


def _words(words: list[dict]) -> list[tuple[tuple[float, ...], str]]:
    return [((w["x0"], w["top"], w["x1"], w["bottom"]), w["text"]) for w in words]


def _same(theirs: list, ours: list) -> bool:
    """Each (box, content) pair: the same content, the box within 0.001 pt (pdfium keeps
    coordinates in single precision, pdfminer in double)."""
    return len(theirs) == len(ours) and all(
        a[1] == b[1] and all(abs(u - v) < 1e-3 for u, v in zip(a[0], b[0])) for a, b in zip(theirs, ours))


@pytest.mark.parametrize("name", ["drawn", "objects", "forms", "000", "001", "003", "party_report"])
def test_rebuilt_page_gives_pdfplumbers_words_and_tables(name: str) -> None:
    if name == "drawn":
        data = _report()
    elif name in ("objects", "forms"):
        data = _objects_pdf() if name == "objects" else _in_forms(_objects_pdf())
    elif name == "party_report":
        data = (ROOT / "tests" / "fixtures" / "pdf" / "party_report.pdf").read_bytes()
    else:
        data = next((ROOT / "data" / "raw").glob(f"{name}_*.pdf")).read_bytes()
    pairs = _both(data)
    assert any(theirs for theirs, _ in pairs)
    for theirs, ours in pairs:
        assert _same(theirs, ours), (theirs, ours)


# --- the cell text assembly is pdfplumber's ------------------------------------------------------

_char = st.builds(
    lambda text, x, top, width: {"text": text, "x0": x, "x1": x + width, "top": top, "bottom": top + 10.0,
                                 "doctop": top, "upright": True},
    st.sampled_from(["a", "b", "ế", " ", "ﬁ", "-", "1"]),
    st.sampled_from([0.0, 1.5, 3.0, 4.5, 6.0, 9.0, 9.5, 12.0, 20.0]),
    st.sampled_from([0.0, 1.0, 2.9, 3.0, 3.1, 6.0, 14.0]),
    st.sampled_from([0.0, 1.5, 3.0, 5.0]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_char, max_size=14))
def test_cell_text_is_pdfplumbers(chars: list[dict]) -> None:
    """Ties, steps back, gaps and line distances at pdfplumber's 3 pt tolerances."""
    assert extract_text(chars) == (plumber_utils.extract_text(chars) if chars else "")
