"""Page 1's header words read from the text objects near the header only (`objects.page_objects`
with `words_above`): the words above the title are pdfplumber's, far fewer characters are read,
and a page where an unread character could have joined a header line is left to pdfplumber."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from pipeline.ingest.pdf.fonts import font_descents
from pipeline.ingest.pdf.layout import header_cut
from pipeline.ingest.pdf.objects import REACH, Glyph, PageObjects, page_objects
from pipeline.ingest.pdf.pdfium_layout import PdfiumPage
from pipeline.ingest.pdf.reading import _text_lines

ROOT = Path(__file__).resolve().parents[2]
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
fpdf = pytest.importorskip("fpdf", reason="fpdf2 (dev extras) draws the test PDFs")


def _headed_report() -> bytes:
    """A commune report's page 1: the issuer left and the motto right above the title, then a
    long body (the characters the header does not need)."""
    if not FONT.exists():
        pytest.skip("needs the DejaVu fonts (Debian: fonts-dejavu-core)")
    pdf = fpdf.FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for left, right in (("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                        ("XÃ HÒA BÌNH", "Độc lập - Tự do - Hạnh phúc"),
                        ("Số: 41/BC-UBND", "Hòa Bình, ngày 3 tháng 9 năm 2025")):
        y = pdf.get_y()
        pdf.cell(70, 6, left)
        pdf.set_xy(90, y)
        pdf.cell(100, 6, right, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.cell(0, 7, "BÁO CÁO", align="C", new_x="LMARGIN", new_y="NEXT")
    for k in range(30):
        pdf.multi_cell(0, 6, f"{k + 1}. Xã đã trang bị thêm {k + 2} máy tính cho bộ phận một cửa trong năm.",
                       new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _page_one(data: bytes) -> tuple[list[dict], list[dict], int, int]:
    """(pdfplumber's words above the cut, the rebuilt ones, glyphs read for them, all glyphs)."""
    pdf = pdfium.PdfDocument(data)
    page = pdf[0]
    textpage = page.get_textpage()
    left, bottom, right, top = page.get_bbox()
    cut = header_cut(_text_lines(textpage, top), top - bottom)
    assert cut is not None
    header = page_objects(page, textpage, cut, tables=False)
    every = page_objects(page, textpage, math.inf, tables=False)
    textpage.close()
    page.close()
    pdf.close()
    assert header is not None and every is not None
    chars = header.chars(font_descents(data, {1}))
    assert chars is not None
    ours = [w for w in PdfiumPage(chars, [], right, header.height).extract_words() if w["bottom"] <= cut]
    with pdfplumber.open(io.BytesIO(data)) as plumber:
        theirs = [w for w in plumber.pages[0].extract_words() if w["bottom"] <= cut]
    return theirs, ours, len(header.glyphs), len(every.glyphs)


@pytest.mark.parametrize("name", ["drawn", "000", "003"])
def test_header_words_are_pdfplumbers_from_a_few_characters(name: str) -> None:
    data = _headed_report() if name == "drawn" else next((ROOT / "data" / "raw").glob(f"{name}_*.pdf")).read_bytes()
    theirs, ours, read, every = _page_one(data)
    assert [w["text"] for w in theirs] == [w["text"] for w in ours]
    assert all(abs(a[k] - b[k]) < 1e-3 for a, b in zip(theirs, ours) for k in ("x0", "x1", "top", "bottom"))
    assert len(ours) >= 10 and (name != "drawn" or "41/BC-UBND" in [w["text"] for w in ours])
    assert read < every / 3  # the body's characters were not read


def _glyph(text: str, x: float, baseline: float) -> Glyph:
    """A 10 pt character on a page 800 pt tall, `baseline` measured from the page top."""
    return Glyph(text, x, 800.0 - baseline, 5.0, "F", 10.0, 1.0)


DESCENTS = {"F": -0.2}


def test_header_lines_far_from_the_unread_text_are_whole() -> None:
    """Tops 8 pt (a header line) and 58 pt (the body, more than `REACH` below the cut): kept."""
    glyphs = [_glyph("a", 10, 16), _glyph("b", 15, 16), _glyph("c", 10, 66)]
    chars = PageObjects(800.0, glyphs, [], words_above=20.0).chars(DESCENTS)
    assert chars is not None and [c["text"] for c in chars] == ["a", "b", "c"]


def test_a_header_line_that_reaches_down_to_the_unread_text_is_left_to_pdfplumber() -> None:
    """A run of characters 3 pt apart from the header down past the cut: the line they make
    could take in characters that were not read, so the page is pdfplumber's."""
    glyphs = [_glyph("a", 10, 16)] + [_glyph("x", 10 + k, 16 + 3 * k) for k in range(1, int(REACH) + 4)]
    assert PageObjects(800.0, glyphs, [], words_above=20.0).chars(DESCENTS) is None
    assert PageObjects(800.0, glyphs, [], words_above=math.inf).chars(DESCENTS) is not None


def test_the_layout_uses_only_objects_read_for_its_cut() -> None:
    page = PageObjects(800.0, [], [], words_above=120.0)
    assert page.has_words_above(None) and page.has_words_above(120.0)
    assert not page.has_words_above(121.0)
    assert not PageObjects(800.0, [], []).has_words_above(50.0)
