"""OCR of scanned pages: whole scans, mixed PDFs, garbage text layers, the repairs of OCR
damage, the confidence columns, and the error row where Tesseract is missing."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

import pipeline.ingest.pdf.ocr as pdf_ocr
from pipeline.ingest.base import InputError
from pipeline.ingest.pdf import PdfBackend, ocr_tables
from pipeline.ingest.pdf.ocr_repair import repair_line
from pipeline.options import Options
from pipeline.run import process_bytes, process_file
from tests.conftest import ROOT

SCAN = ROOT / "data" / "renditions" / "000_3f443abda9bde363.scan300.pdf"
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
NO_TESSERACT = pytest.mark.skipif(not pdf_ocr.available(),
                                  reason="Tesseract with Vietnamese data (tesseract-ocr, tesseract-ocr-vie) is not installed")


@pytest.fixture(scope="module")
def scanned():
    return process_file(SCAN)


@NO_TESSERACT
def test_a_scanned_report_is_read_with_page_numbers_and_confidence(scanned):
    docs = scanned.tables["documents"].to_pylist()[0]
    assert not scanned.failed
    assert (docs["page_count"], docs["ocr_pages"]) == (3, 3)
    assert 80 < docs["ocr_confidence"] <= 100
    metrics = scanned.tables["metrics"].to_pylist()
    assert metrics and all(80 < m["ocr_confidence"] <= 100 for m in metrics if m["char_start"] is not None)
    assert {m["page"] for m in metrics} - {1, 2, 3} == set()


@NO_TESSERACT
def test_a_mixed_pdf_reads_its_scanned_page_only():
    raw = PdfBackend().read((FIXTURES / "scanned_last_page.pdf").read_bytes())
    assert raw.meta["ocr_pages"] == 1
    assert raw.warnings == []
    page4 = " ".join(b.text for b in raw.blocks if b.page == 4)
    assert "Tổng số hồ sơ tiếp nhận 49" in page4
    assert {w[0] for w in raw.meta["ocr_words"]} == {4}


@NO_TESSERACT
def test_a_garbage_text_layer_is_read_by_ocr():
    raw = PdfBackend().read((FIXTURES / "unreadable.pdf").read_bytes())
    assert raw.warnings == ["page 1 read by OCR (garbage text layer)"]
    assert all("\x01" not in b.text for b in raw.blocks)


def test_without_tesseract_a_scan_is_an_error_row_saying_what_to_install(monkeypatch):
    monkeypatch.setattr(pdf_ocr, "available", lambda: False)
    result = process_bytes(SCAN.read_bytes(), "scan.pdf")
    assert result.failed
    assert result.errors[0]["error_type"] == "no_text_layer"
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in result.errors[0]["message"]


def test_with_ocr_turned_off_a_scan_is_an_error_row_saying_so():
    result = process_bytes(SCAN.read_bytes(), "scan.pdf", Options(ocr=False))
    assert result.failed and result.errors[0]["error_type"] == "no_text_layer"
    assert "--no-ocr" in result.errors[0]["message"] and "apt-get" not in result.errors[0]["message"]


@NO_TESSERACT
def test_a_blank_scan_is_no_text_layer():
    import io

    from PIL import Image

    blank = io.BytesIO()
    Image.new("L", (600, 800), 255).save(blank, "PDF")
    with pytest.raises(InputError) as caught:
        PdfBackend().read(blank.getvalue())
    assert "OCR found no text" in caught.value.message


@pytest.mark.parametrize(("read", "repaired"), [
    ("Số: l5 /BC-UBND", "Số: 15/BC-UBND"),
    ("Kế hoạch số O8|KH-UBND ngày 2O/0l/2O24", "Kế hoạch số 08/KH-UBND ngày 20/01/2024"),
    ("ÐẢNG ỦY XÃ", "ĐẢNG ỦY XÃ"),
    ("có l2 máy tính, đạt 9O%", "có 12 máy tính, đạt 90%"),
    ("Quyết định 15/QĐ-UB0ND", "Quyết định 15/QĐ-UBND"),  # a speck read as 0: the one known part
    ("theo Công văn số 97—CV/ĐĐU ngày", "theo Công văn số 97-CV/ĐU ngày"),  # a dash, a doubled Đ
    ("Quyết định số 01/QĐÐ-BCĐ", "Quyết định số 01/QĐ-BCĐ"),
    ("Kế hoạch số 02-KH/BCĐTVW,", "Kế hoạch số 02-KH/BCĐTW,"),  # W read as VW
    ("Kết luận số 186-KL/IW", "Kết luận số 186-KL/TW"),
    ("Công văn 41-CV/DU", "Công văn 41-CV/ĐU"),
    ("Số:    -BCŒ/ĐU", "Số:    -BC/ĐU"),  # a symbol after a blank number
    ("Công văn số 3691/UBND-KGVX", "Công văn số 3691/UBND-KGVX"),  # an unknown part: the code is left as read
    ("Tài liệu và/hoặc TCVN/ISO", "Tài liệu và/hoặc TCVN/ISO"),
    ("55D 512 GB", "SSD 512 GB"),  # a disk type before its capacity
    ("S5D 1 TB, HDD 500GB", "SSD 1 TB, HDD 500GB"),
    ("Phòng 55D tầng 2", "Phòng 55D tầng 2"),  # no capacity after it: left as read
    ("8GB DDR4, SSD 11B", "8GB DDR4, SSD 1TB"),  # a disk's TB read 1B, its space lost
    ("HDD 2 1B; 55D 41B", "HDD 2 TB; SSD 4TB"),
    ("SSD 71B", "SSD 71B"),  # no disk is made in 7 TB: left as read
    ("Phòng 11B", "Phòng 11B"),  # not after a disk type
    ("Bộ máy tính đế bàn Công chức 1", "Bộ máy tính để bàn Công chức 1"),  # a device noun of three words
    ("Õ cứng", "Õ cứng"),  # a heading outside a table's header row: not sure enough
    ("Mục II, lO ý kiến", "Mục II, lO ý kiến"),  # no digit: a word, not a number
    ("PHO CHU TỊCH", "PHÓ CHỦ TỊCH"),  # tone marks lost on capitals: the one known title with these letters
    ("KT. CHU TICH", "KT. CHỦ TỊCH"),
    ("TM. BAN CHI ĐAO", "TM. BAN CHI ĐAO"),  # not a known title: left as read
    ("TRUONG", "TRUONG"),  # one word (TRƯỞNG or TRƯỜNG): not sure
    ("Chu tich xã", "Chu tich xã"),  # not a capitals title line
    ("ĐÁNG CỘNG SÁN VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"),  # a header motto with damaged marks
    ("CỘNG HÒA XÃ HỘI CHÚ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Độc lập - Tư do - Hanh phúc", "Độc lập - Tự do - Hạnh phúc"),  # each letter keeps the case it was read in
    ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),  # read right, the old spelling kept
    ("đảng viên cộng sản", "đảng viên cộng sản"),  # not the motto's letters
    ("Kết luận số 186-KI,/TW, ngày 29/8/2025", "Kết luận số 186-KL/TW, ngày 29/8/2025"),  # a speck, L read as I
    ("Intel Core ¡'3- 8100", "Intel Core i3- 8100"),  # a speck between a lone letter and a digit
    ("Ông O'Neil có 3 máy", "Ông O'Neil có 3 máy"),
    ("tại Mục 2.1, /BC", "tại Mục 2.1, /BC"),  # a comma after a number, not inside a code
])
def test_sure_repairs_of_ocr_damage(read, repaired):
    assert repair_line(read) == repaired


def test_column_headings_with_damaged_marks_are_repaired_in_a_header_row():
    assert [repair_line(cell, header=True) for cell in ("Õ cứng", "HỆ ĐIỀU HANH", "Màn hinh", "Ghi chú")] == \
        ["Ổ cứng", "HỆ ĐIỀU HÀNH", "Màn hình", "Ghi chú"]


@NO_TESSERACT
def test_a_scanned_ruled_table_comes_out_as_rows_of_cells():
    import pypdfium2 as pdfium

    from pipeline.ingest.pdf.reading import read_page

    pdf = pdfium.PdfDocument(ROOT / "data" / "renditions" / "001_35ae03e1e9c7ec90.scan300.pdf")
    page = read_page(pdf, 2, [])
    pdf_ocr.read_pages(pdf, [page])
    rows = page.tables[0].rows
    assert len(page.tables) == 1 and len(rows) >= 6 and len(rows[-1]) == 11
    assert rows[-1][6] == "Windows 10 Professional" and rows[-1][2].startswith("Intel Core i5")
    assert rows[1][3:5] == ("RAM", "Ổ cứng")  # a short heading read again alone, a damaged one repaired
    assert rows[-1][3:5] == ("4GB DDR4", "SSD 512 GB")  # cells the page reading left empty or misread
    assert not any("Windows 10 Professional" in line.text for line in page.lines)  # the cells left the lines
    reread = [w for w in page.ocr_words if w["line"][0] == "cell"]  # words of cells read again, with their own confidence
    assert {"RAM", "4GB", "DDR4"} <= {w["text"] for w in reread} and all(0 < w["conf"] <= 100 for w in reread)
    x0, top, x1, bottom = page.tables[0].box
    assert all(x0 < w["x0"] < w["x1"] < x1 and top < w["top"] < w["bottom"] < bottom for w in reread)


def test_only_low_resolution_scans_are_softened_for_second_readings():
    import pypdfium2 as pdfium

    def softening(path):
        return pdf_ocr.softening(pdfium.PdfDocument(path), 1, 300)

    assert softening(ROOT / "data" / "renditions" / "001_35ae03e1e9c7ec90.scan150.pdf") == pytest.approx(pdf_ocr.SOFTEN)
    assert softening(ROOT / "data" / "renditions" / "001_35ae03e1e9c7ec90.scan300.pdf") == 0.0
    assert softening(FIXTURES / "stamped_scan.pdf") == 0.0  # 200 dpi: read as it is
    assert softening(FIXTURES / "scanned_last_page.pdf") == 0.0  # a text page: no image


@NO_TESSERACT
def test_a_150_dpi_scanned_table_s_disk_cells_are_read_softened():
    import pypdfium2 as pdfium

    from pipeline.ingest.pdf.reading import read_page

    pdf = pdfium.PdfDocument(ROOT / "data" / "renditions" / "001_35ae03e1e9c7ec90.scan150.pdf")
    page = read_page(pdf, 2, [])
    pdf_ocr.read_pages(pdf, [page])
    disks = [row[4] for row in page.tables[0].rows[-5:]]
    assert [disks[k] for k in (0, 1, 3, 4)] == ["HDD 256 GB", "SSD 256 GB", "SSD 512 GB", "SSD 512 GB"]  # read 25B, S12, @B unsoftened


def test_a_re_read_cell_s_words_take_the_place_of_its_first_reading():
    def word(text, x0, top, line=(1, 1, 1)):
        return {"text": text, "x0": x0, "x1": x0 + 20.0, "top": top, "bottom": top + 10.0, "conf": 90.0, "line": line}

    heading, cpu, first, after = word("CPU", 100, 50), word("i5-7400", 100, 80), word("S5jD", 200, 80), word("Windows", 300, 80)
    second = [word("SSD", 200, 80, ("cell", 0, 0)), word("512", 225, 80, ("cell", 0, 0))]
    ram = [word("8GB", 150, 80, ("cell", 0, 0))]
    words = ocr_tables._with_rereads([heading, cpu, first, after], [([first], second, (190.0, 70.0, 260.0, 100.0)),
                                                                   ([], ram, (140.0, 70.0, 190.0, 100.0))])
    assert [w["text"] for w in words] == ["CPU", "i5-7400", "8GB", "SSD", "512", "Windows"]


def test_a_footer_read_across_two_columns_is_read_column_by_column():
    def word(text, x0, line):
        return {"text": text, "x0": x0, "x1": x0 + 8.0 * len(text), "top": 700.0 + 14 * line,
                "bottom": 712.0 + 14 * line, "conf": 90.0, "line": (1, 1, line)}

    words = [word("Nơi", 60, 0), word("nhận:", 95, 0), word("KT.", 380, 0), word("CHỦ", 410, 0), word("TỊCH", 450, 0),
             word("-", 60, 1), word("Lưu:", 70, 1), word("VT.", 110, 1), word("PHÓ", 395, 1), word("CHỦ", 430, 1), word("TỊCH", 470, 1),
             word("La", 410, 2), word("Thị", 430, 2), word("Huệ", 460, 2)]
    assert [line.text for line in pdf_ocr._lines(words)] == ["Nơi nhận:", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "La Thị Huệ"]


@NO_TESSERACT
def test_a_run_keeps_ocr_readings_inside_its_output_folder_and_reuses_them(tmp_path, monkeypatch):
    import pipeline.ingest.pdf.ocr_engine as engine
    from pipeline.options import Options
    from pipeline.run import run

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home" / ".cache"))
    monkeypatch.setattr(engine, "_cache_folder", None)
    source = tmp_path / "in" / "mixed.pdf"
    source.parent.mkdir()
    source.write_bytes((FIXTURES / "scanned_last_page.pdf").read_bytes())
    out = tmp_path / "out"
    run([source.parent], out, Options(jobs=1, executor="serial"), progress=False)
    readings = sorted((out / ".baocao" / "cache" / "ocr").rglob("*.json"))
    assert readings and not (tmp_path / "home").exists()
    import pytesseract

    def no_tesseract(*_args, **_kwargs):
        raise AssertionError("Tesseract ran although the page was read before")

    monkeypatch.setattr(pytesseract, "image_to_data", no_tesseract)
    run([source.parent], out, Options(jobs=1, executor="serial", fact_model=True), progress=False)  # re-extracts
    assert sorted((out / ".baocao" / "cache" / "ocr").rglob("*.json")) == readings
    assert "Tổng số hồ sơ tiếp nhận 49" in pq.read_table(out / "texts").column("text")[0].as_py()
    monkeypatch.setattr(engine, "CACHE_LIMIT", 0)
    run([source.parent], out, Options(jobs=1, executor="serial"), progress=False)
    assert not list((out / ".baocao" / "cache" / "ocr").rglob("*.json"))  # a run bounds its OCR cache
