"""Tests of the PDF backend on the sample reports (data/raw/*.pdf, LibreOffice exports of
the real reports) and on the drawn fixtures of tests/fixtures/pdf/ (scripts/make_pdf_fixtures.py)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import pipeline.ingest.pdf.layout as pdf_layout
import pipeline.ingest.pdf.ocr as pdf_ocr
from datamodel import RawBlock, RawDocument
from pipeline.ingest.base import InputError
from pipeline.ingest.pdf import PdfBackend

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
SAMPLES = {path.name[:3]: path for path in sorted((ROOT / "data" / "raw").glob("*.pdf"))}


@cache
def read(name: str) -> RawDocument:
    """A sample (`000`, `001`, `003`) or a fixture (`party_report`) read once per session."""
    path = SAMPLES[name] if name in SAMPLES else FIXTURES / f"{name}.pdf"
    return PdfBackend().read(path.read_bytes())


def lines(doc: RawDocument, region: str = "body") -> list[RawBlock]:
    """The document's line blocks of one region."""
    return [b for b in doc.blocks if b.kind == "line" and b.region == region]


def line_with(doc: RawDocument, text: str) -> RawBlock:
    """The only body line that contains `text`."""
    found = [b for b in lines(doc) if text in b.text]
    assert len(found) == 1, found
    return found[0]


ALL = ["000", "001", "003", "party_report"]


# --- the backend protocol ----------------------------------------------------------------

def test_backend_identity() -> None:
    backend = PdfBackend()
    assert backend.name == "pdf"
    assert backend.suffixes == (".pdf",)


def test_sniff() -> None:
    backend = PdfBackend()
    assert backend.sniff(SAMPLES["000"].read_bytes())
    assert backend.sniff(b"\n%PDF-1.7\n")
    assert not backend.sniff(b"PK\x03\x04 a docx is a zip file")
    assert not backend.sniff(b"")


@pytest.mark.parametrize("name", ALL)
def test_document_fields(name: str) -> None:
    doc = read(name)
    assert doc.source_format == "pdf"
    assert doc.page_count == {"000": 3, "001": 6, "003": 10, "party_report": 3}[name]
    assert doc.warnings == []
    assert doc.meta["signed"] is False
    assert doc.meta["producer"].startswith("baocao fixture" if name == "party_report" else "LibreOffice")


def test_signature_is_reported_in_meta() -> None:
    doc = read("signed_report")
    assert doc.meta["signed"] is True
    assert doc.meta["signature_count"] == 1
    assert doc.meta["signed_at"] == ["2025-10-09T08:31:12+07:00"]
    assert [b.text for b in doc.blocks] == [b.text for b in read("party_report").blocks]


# --- the header of page 1 ----------------------------------------------------------------

def header_cells(doc: RawDocument) -> list[RawBlock]:
    return [b for b in doc.blocks if b.kind == "cell"]


def test_state_header_is_two_cells_left_then_right() -> None:
    doc = read("000")
    left, right = header_cells(doc)
    assert (left.region, left.page, right.region, right.page) == ("header", 1, "header", 1)
    assert left.text.splitlines() == ["ỦY BAN NHÂN DÂN", "XÃ PHƯỚC GIANG", "Số: /BC-UBND"]
    assert right.text.splitlines()[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc"]
    assert right.text.splitlines()[2].startswith("Phước Giang, ngày")
    assert doc.blocks[:2] == [left, right]
    assert lines(doc)[0].text == "BÁO CÁO"


def test_header_lines_are_not_also_body_lines() -> None:
    body = " ".join(b.text for b in lines(read("000")))
    for text in ("XÃ PHƯỚC GIANG", "CỘNG HÒA", "Độc lập", "/BC-UBND"):
        assert text not in body


def test_party_header_with_one_sided_rows() -> None:
    left, right = header_cells(read("003"))
    assert left.text == "Số -BC/ĐU"
    assert right.text == "ĐẢNG CỘNG SẢN VIỆT NAM\nGia Phúc, ngày 24 tháng 10 năm 2025"


def test_header_drawn_row_by_row() -> None:
    left, right = header_cells(read("party_report"))
    assert left.text == "ĐẢNG BỘ XÃ GIA PHÚC\nĐẢNG UỶ XÃ\n*\nSố -BC/ĐU"
    assert right.text == "ĐẢNG CỘNG SẢN VIỆT NAM\nGia Phúc, ngày 24 tháng 10 năm 2025"


def test_no_header_when_the_title_comes_first() -> None:
    doc = read("001")
    assert header_cells(doc) == []
    assert doc.blocks[0].text == "BÁO CÁO"


# --- ruled tables ------------------------------------------------------------------------

def table_rows(doc: RawDocument) -> list[RawBlock]:
    return [b for b in doc.blocks if b.kind == "table_row"]


def test_spec_table_rows() -> None:
    rows = table_rows(read("001"))
    assert {(b.table, b.page) for b in rows} == {(0, 3)}
    assert [b.row for b in rows] == list(range(7))
    assert rows[0].cells == ("Cấu hình máy tính tại Trung tâm",)  # merged across the table: once
    assert rows[1].cells[:4] == ("STT", "Máy tính", "CPU", "RAM")
    first = rows[2].cells
    assert first[:5] == ("2.1.1.", "Bộ máy tính để bàn Công chức 1", "Intel Core i3-12100", "8 GB DDR4", "HDD 256 GB")
    assert rows[6].cells[2] == "Intel Core i5-7400"
    assert all(b.text == " | ".join(b.cells) for b in rows)
    assert all(len(b.cells) == 11 for b in rows[1:])


def test_table_words_leave_the_lines() -> None:
    doc = read("001")
    body = [b.text for b in doc.blocks if b.kind == "line"]
    for text in ("Intel Core i3", "HDD 256 GB", "Windows 10 Professional", "Cấu hình máy tính"):
        assert not any(text in line for line in body), text


def test_table_rows_sit_between_the_lines_around_them() -> None:
    doc = read("001")
    texts = [b.text for b in doc.blocks]
    start = texts.index(table_rows(doc)[0].text)
    assert texts[start - 2] == "khẩu và phần mềm diệt virus đầy đủ), cấu hình cụ thể như sau:"
    assert texts[start - 1] == "3"  # the page number of the table's page
    assert texts[start + 7] == "4"
    assert texts[start + 8] == "2.2. Về máy scan:"


def test_merged_cell_is_given_once() -> None:
    rows = table_rows(read("party_report"))
    assert [b.cells for b in rows] == [
        ("STT", "Thiết bị", "Số lượng", "Ghi chú"),
        ("1", "Máy tính để bàn Intel Core i5-7400, RAM 4 GB", "05", "Windows 10 Professional"),
        ("2", "Máy scan Epson DS-410", "02", "scan 2 mặt giấy A4"),
        ("3", "Đường truyền internet công cộng", "01"),
    ]
    body = [b.text for b in lines(read("party_report"))]
    assert "sau:" in body and "3. Kết quả thực hiện TTHC" in body
    assert not any("Epson" in line for line in body)


def test_pdfplumber_only_where_layout_is_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real = pdf_layout._page_layout
    monkeypatch.setattr(pdf_layout, "_page_layout", lambda pp, page, w: (seen.append(page.number), real(pp, page, w)))
    for name, expected in (("000", [1]), ("001", [3]), ("003", [1]), ("party_report", [1, 2])):
        seen.clear()
        PdfBackend().read((SAMPLES.get(name) or FIXTURES / f"{name}.pdf").read_bytes())
        assert seen == expected, name


# --- pages, page furniture, footnotes ----------------------------------------------------

@pytest.mark.parametrize("name", ALL)
def test_no_lone_page_number_in_the_body(name: str) -> None:
    assert not [b for b in lines(read(name)) if b.text == str(b.page)]


def test_a_lone_number_inside_the_text_stays_in_the_body() -> None:
    doc = read("001")
    texts = [b.text for b in lines(doc)]
    i = texts.index("+ Tổng số hồ sơ giải quyết quá hạn đang xử lý (Tính lũy kế đến kỳ báo cáo):")
    assert texts[i + 1] == "0"


@pytest.mark.parametrize("name", ALL)
def test_page_numbers_are_page_headers_from_page_two(name: str) -> None:
    doc = read(name)
    numbers = [b for b in lines(doc, "page_header") if b.text.isdigit()]
    assert [(b.page, b.text) for b in numbers] == [(p, str(p)) for p in range(2, doc.page_count + 1)]


@pytest.mark.parametrize("name", ALL)
def test_pages_run_in_order(name: str) -> None:
    doc = read(name)
    pages = [b.page for b in doc.blocks]
    assert pages == sorted(pages)
    assert set(pages) == set(range(1, doc.page_count + 1))


@pytest.mark.parametrize("name", ALL)
def test_closing_block_is_on_the_last_page(name: str) -> None:
    doc = read(name)
    assert line_with(doc, "Nơi nhận").page == doc.page_count


def test_lines_on_their_pages() -> None:
    doc = read("003")
    assert line_with(doc, "Thực hiện Công văn số 183-CV/UBKTTU").page == 1
    assert line_with(doc, "22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới").page == 2
    assert line_with(doc, "Đỗ Văn Tiến").page == 10


def test_running_footer_and_footnote() -> None:
    doc = read("party_report")
    footer = "Đảng uỷ xã Gia Phúc - Báo cáo giám sát Kế hoạch 02-KH/BCĐTW"
    assert [(b.page, b.text) for b in lines(doc, "page_footer")] == [(1, footer), (2, footer), (3, footer)]
    notes = lines(doc, "footnote")
    assert [(b.page, b.text) for b in notes] == [
        (1, "1 Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 về thúc đẩy chuyển đổi số liên thông, đồng bộ.")
    ]
    page_one = [b for b in doc.blocks if b.page == 1]
    assert page_one[-2:] == [notes[0], lines(doc, "page_footer")[0]]


def test_superscript_mark_stays_inside_its_line() -> None:
    doc = read("party_report")
    assert line_with(doc, "02-KH/BCĐTW1 của Ban").text == "đổi số quốc gia, Kế hoạch 02-KH/BCĐTW1 của Ban Chỉ đạo Trung ương,"


def test_signature_timestamp_stays_in_the_body() -> None:
    doc = read("party_report")
    last = lines(doc)[-1]
    assert (last.text, last.page, last.region) == ("2025-10-09T08:31:12+0700", 3, "body")


# --- wrap hints --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "text", "wrapped"),
    [
        ("000", "Thực hiện Công văn số 97-CV/ĐU ngày 24/9/2025 của Đảng ủy xã Phước", True),
        ("000", "cáo như sau:", False),
        ("000", "1. Về pháp lý", False),
        ("000", "Kết quả thực hiện Kế hoạch số 02-KH/BCĐTW về thúc đẩy chuyển đổi số liên", True),  # centred
        ("000", "hệ thống chính trị", False),  # centred, short
        ("003", "đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi", True),
        ("003", "sắp xếp tổ chức bộ máy của hệ thống chính trị (Kế hoạch 02-KH/BCĐTW).", False),
        ("003", "T/M BAN THƯỜNG VỤ", False),
        ("party_report", "đổi số quốc gia, Kế hoạch 02-KH/BCĐTW1 của Ban Chỉ đạo Trung ương,", True),  # ragged right
        ("party_report", "cơ quan, đơn vị.", False),
    ],
)
def test_wrap_hints(name: str, text: str, wrapped: bool) -> None:
    assert next(b for b in lines(read(name)) if b.text == text).wrapped is wrapped


@pytest.mark.parametrize("name", ALL)
def test_every_body_line_has_a_hint_and_the_last_does_not_wrap(name: str) -> None:
    body = lines(read(name))
    assert all(b.wrapped is not None for b in body)
    assert body[-1].wrapped is False


def test_missing_end_of_file_marker_is_a_warning() -> None:
    data = (FIXTURES / "party_report.pdf").read_bytes()
    doc = PdfBackend().read(data[: data.rindex(b"%%EOF")])
    assert doc.warnings == ["the PDF has no end-of-file marker (truncated?); some content may be missing"]
    assert len(doc.blocks) == len(read("party_report").blocks)


def test_scanned_page_without_tesseract_is_a_warning(monkeypatch) -> None:
    monkeypatch.setattr(pdf_ocr, "available", lambda: False)
    doc = PdfBackend().read((FIXTURES / "scanned_last_page.pdf").read_bytes())
    assert doc.page_count == 4
    assert doc.warnings == [
        "page(s) 4 need OCR (no text) but Tesseract is missing: install Tesseract with its Vietnamese data "
        "(Debian: apt-get install tesseract-ocr tesseract-ocr-vie)",
        "no text layer (scanned?) on page(s) 4; their content is missing"]
    assert [b.text for b in doc.blocks] == [b.text for b in read("party_report").blocks]


def test_unreadable_text_layer_without_tesseract_is_refused(monkeypatch) -> None:
    monkeypatch.setattr(pdf_ocr, "available", lambda: False)
    with pytest.raises(InputError) as caught:
        PdfBackend().read((FIXTURES / "unreadable.pdf").read_bytes())
    assert caught.value.error_type == "no_text_layer"
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in caught.value.message


# --- bad input ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("data", "error_type", "words"),
    [
        ((FIXTURES / "encrypted.pdf").read_bytes(), "encrypted_pdf", "password"),
        ((FIXTURES / "truncated.pdf").read_bytes(), "corrupt_pdf", "damaged"),
        (b"", "corrupt_pdf", "empty"),
        (b"%PDF-1.7\nnot really a PDF", "corrupt_pdf", "damaged"),
    ],
    ids=["encrypted", "truncated", "empty", "garbage"],
)
def test_bad_input(data: bytes, error_type: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        PdfBackend().read(data)
    assert caught.value.error_type == error_type
    assert words in caught.value.message


def test_signing_time_reaches_the_documents_table() -> None:
    from pipeline.run import process_bytes

    signed = process_bytes((FIXTURES / "signed_report.pdf").read_bytes(), "signed_report.pdf")
    unsigned = process_bytes(SAMPLES["000"].read_bytes(), "000.pdf")
    assert signed.tables["documents"].column("signed_at").to_pylist() == ["2025-10-09T08:31:12+07:00"]
    assert unsigned.tables["documents"].column("signed_at").to_pylist() == [None]


def test_one_content_check_for_pdf() -> None:
    from pipeline.ingest.pdf import is_pdf
    from pipeline.ingest.registry import BACKENDS

    chooser = next(b for b in BACKENDS if b.name == "pdf")
    for data, expected in ((b"\n %PDF-1.7\n", True), (b"%PDF-1.4", True), (b"junk %PDF-1.7", False), (b"PK\x03\x04", False)):
        assert chooser.sniff(data) == PdfBackend().sniff(data) == is_pdf(data) == expected


def test_choosing_a_backend_loads_no_pdf_library() -> None:
    import subprocess
    import sys

    code = "import sys, pipeline.ingest.registry; print(sorted({'pdfplumber', 'pypdfium2'} & set(sys.modules)))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "[]"
