"""A report signed on paper, sealed in red over the signer's title and name, signed in blue
across the name and scanned in colour (tests/fixtures/pdf/stamped_scan.pdf, drawn by
scripts/make_stamped_scan.py), alone and with a digital signature's text layer on top: both are
read by OCR through the ink, with the values a text layer would give."""

from __future__ import annotations

import datetime

import numpy as np
import pytest
from PIL import Image

import pipeline.ingest.pdf.ocr as pdf_ocr
from pipeline.run import process_file
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
NO_TESSERACT = pytest.mark.skipif(not pdf_ocr.available(),
                                  reason="Tesseract with Vietnamese data (tesseract-ocr, tesseract-ocr-vie) is not installed")


@NO_TESSERACT
@pytest.mark.parametrize(("name", "warning"), [
    ("stamped_scan.pdf", None),
    ("signed_stamped_scan.pdf", "page 1 read by OCR (stamp layer)"),  # its text layer is only the signature's
])
def test_a_sealed_and_signed_scan_is_read_through_the_ink(name, warning):
    result = process_file(FIXTURES / name)
    assert not result.failed
    doc = result.tables["documents"].to_pylist()[0]
    assert (doc["ocr_pages"], doc["warnings"]) == (1, warning)
    assert 80 < doc["ocr_confidence"] <= 100
    assert (doc["doc_number"], doc["doc_symbol"], doc["report_date"]) == ("45", "BC-UBND", datetime.date(2025, 11, 18))
    assert (doc["signer_authority"], doc["signer_title"], doc["signer_name"]) == \
        ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Bình")  # under the seal and the signature
    metrics = {m["metric"]: m["value"] for m in result.tables["metrics"].to_pylist()}
    assert metrics["dossiers_received"] == 236 and metrics["dossiers_received_online"] == 198
    assert metrics["dossiers_resolved_on_time_pct"] == 97
    assert metrics["computers_total"] == 18 and metrics["computers_lacking"] == 4
    references = [(r["canonical"], r["issue_date"]) for r in result.tables["references"].to_pylist()]
    assert references == [("02-KH/BCĐTW", datetime.date(2025, 6, 19))]


def _page(*blocks: tuple[int, tuple[int, int, int]]) -> Image.Image:
    """A 40x40 page of 8x8-pixel blocks: (block number, colour), the rest paper."""
    pixels = np.full((40, 40, 3), 250, np.uint8)
    for k, colour in blocks:
        pixels[8 * (k // 5):8 * (k // 5) + 8, 8 * (k % 5):8 * (k % 5) + 8] = colour
    return Image.fromarray(pixels)


def test_coloured_ink_turns_to_paper_and_black_print_under_it_stays():
    black = (25, 25, 25)
    page = _page((0, (205, 35, 45)), (1, (25, 45, 165)), (2, (20, 3, 4)), *((k, black) for k in range(5, 15)))
    grey = np.asarray(pdf_ocr.black_ink(page))
    assert grey[4, 4] == 255 and grey[4, 12] == 255  # the red seal and the blue pen
    assert grey[4, 20] < 40 and grey[12, 4] < 40  # black print under the seal, black print


def test_a_page_printed_in_colour_is_read_in_plain_grey():
    grey = np.asarray(pdf_ocr.black_ink(_page(*((k, (25, 45, 165)) for k in range(15)))))  # blue print, no black
    assert grey[4, 4] < 100


def test_a_grey_page_is_left_as_it_is():
    page = _page((0, (25, 25, 25)), (1, (140, 140, 140)))
    assert np.array_equal(np.asarray(pdf_ocr.black_ink(page)), np.asarray(page.convert("L")))
