"""A figure wrapped alone to the line under its label (`... kỳ báo cáo):` / `0`), which
Tesseract's page reading leaves out as it would a speck, is read again alone; specks, words
already read and lines that do not end in `:` add nothing."""

from __future__ import annotations

from collections.abc import Callable

from PIL import Image, ImageDraw, ImageFont

import pipeline.ingest.pdf.ocr as pdf_ocr
from pipeline.ingest.pdf.ocr_reread import reread_values
from tests.conftest import ROOT
from tests.ingest.test_ocr import NO_TESSERACT

SCALE = 300 / 72
FIRST = {"text": "Tổng", "conf": 96.0, "x0": 100.0, "x1": 125.0, "top": 100.0, "bottom": 112.0, "line": (1, 1, 1)}
LABEL = {"text": "kế):", "conf": 96.0, "x0": 300.0, "x1": 320.0, "top": 100.0, "bottom": 112.0, "line": (1, 1, 1)}
"""The first and last words of a label line (points); the line under it starts at 116 pt."""


def _page(mark: Callable[[ImageDraw.ImageDraw], None]) -> Image.Image:
    image = Image.new("L", (int(595 * SCALE), int(300 * SCALE)), 255)
    mark(ImageDraw.Draw(image))
    return image


def _digit(text: str) -> Callable[[ImageDraw.ImageDraw], None]:
    return lambda draw: draw.text((100 * SCALE, 116 * SCALE), text, fill=0, font=ImageFont.load_default(size=40))


@NO_TESSERACT
def test_a_figure_alone_under_a_label_line_is_read_again():
    words = reread_values(_page(_digit("7")), [FIRST, LABEL], SCALE)
    assert [w["text"] for w in words] == ["Tổng", "kế):", "7"]
    assert words[2]["line"] == ("value", 1, 1, 1) and words[2]["conf"] >= 90
    assert 95 < words[2]["x0"] < 110 and 112 < words[2]["top"] < 130


@NO_TESSERACT
def test_a_speck_a_word_already_read_or_a_line_without_a_colon_adds_nothing():
    speck = _page(lambda draw: draw.ellipse((100 * SCALE, 118 * SCALE, 100 * SCALE + 4, 118 * SCALE + 4), fill=0))
    assert reread_values(speck, [FIRST, LABEL], SCALE) == [FIRST, LABEL]
    read = {"text": "7", "conf": 95.0, "x0": 100.0, "x1": 106.0, "top": 116.0, "bottom": 126.0, "line": (2, 1, 1)}
    assert reread_values(_page(_digit("7")), [FIRST, LABEL, read], SCALE) == [FIRST, LABEL, read]
    no_colon = {**LABEL, "text": "kế)"}
    assert reread_values(_page(_digit("7")), [FIRST, no_colon], SCALE) == [FIRST, no_colon]


@NO_TESSERACT
def test_a_wrapped_zero_on_a_scanned_page_is_read():
    import pypdfium2 as pdfium

    from pipeline.ingest.pdf.reading import read_page

    pdf = pdfium.PdfDocument(ROOT / "data" / "renditions" / "001_35ae03e1e9c7ec90.scan300.pdf")
    page = read_page(pdf, 4, [])  # page 5
    pdf_ocr.read_pages(pdf, [page])
    texts = [line.text for line in page.lines]
    label = next(k for k, t in enumerate(texts) if t.endswith("(Tính lũy kế đến kỳ báo cáo):"))
    assert texts[label + 1] == "0"
    assert [w["text"] for w in page.ocr_words or [] if w["line"][0] == "value"] == ["0"]
