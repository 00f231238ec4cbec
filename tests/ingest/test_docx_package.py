"""The DOCX backend reads the parts itself (`docx_package`) and gets what python-docx's object
model gives, block for block, on documents built here: layout and data tables with merged
cells, runs in legacy fonts (own font, character style, paragraph style, document default),
page headers and footers of several sections, footnotes; and a package it cannot vouch for is
handed to python-docx, with python-docx's outcome."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn

from pipeline.ingest.base import InputError
from pipeline.ingest.docx import DocxBackend, _checked_parts, _package_bytes, _read_fast, _read_python_docx
from pipeline.ingest.docx_package import MEMO_MIN, Package, SeenParts
from pipeline.ingest.legacy_docx import convert_runs
from pipeline.ingest.legacy_encodings import encode
from pipeline.options import DEFAULTS
from tests.conftest import RAW
from tests.ingest.test_docx import _with_footnote


def _saved(d: docx.Document) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _both(data: bytes):
    """(fast reading, python-docx reading), each as (blocks, data tables, legacy encodings)."""
    parts, changed = _checked_parts(data, DEFAULTS, [])
    assert not changed
    fast = _read_fast(parts)
    slow = _read_python_docx(_package_bytes(data, parts, changed), [])
    return _as_tuple(fast), _as_tuple(slow)


def _as_tuple(read):
    return (read[0].blocks + read[1], read[0].tables, read[2]) if read else None


def _report() -> docx.Document:
    d = docx.Document()
    head = d.add_table(rows=1, cols=2)
    head.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nXÃ HÒA PHÚ\nSố: 12/BC-UBND"
    head.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    d.add_paragraph("BÁO CÁO\tKết quả chuyển đổi số quý II")
    d.add_paragraph().add_run("Dòng một").add_break(WD_BREAK.LINE)
    grid = d.add_table(rows=4, cols=3)
    grid.style = "Table Grid"
    grid.cell(0, 0).merge(grid.cell(0, 2)).text = "Bảng 1. Hồ sơ"
    for r, row in enumerate([("STT", "Lĩnh vực", "Số hồ sơ"), ("1", "Hộ tịch", "120"), ("2", "", "35")], start=1):
        for c, text in enumerate(row):
            grid.cell(r, c).text = text
    grid.cell(2, 1).merge(grid.cell(3, 1)).text = "Đất đai"  # a vertical merge: read once
    blank = d.add_paragraph()
    blank.add_run(" ")  # a run holding one blank, as Word writes between words
    d.add_paragraph("Nơi nhận:")
    return d


def test_a_report_reads_the_same_both_ways():
    fast, slow = _both(_saved(_report()))
    assert fast is not None and fast == slow
    rows = [b.cells for b in fast[0] if b.kind == "table_row"]
    assert rows == [("Bảng 1. Hồ sơ",), ("STT", "Lĩnh vực", "Số hồ sơ"), ("1", "Đất đai", "120"), ("2", "35")]
    assert fast[0][0].kind == "cell" and fast[0][0].region == "header"


def test_legacy_fonts_read_the_same_both_ways():
    d = _report()
    d.add_paragraph().add_run(encode("ĐẢNG ỦY XÃ HÒA PHÚ", "TCVN3")).font.name = ".VnTimeH"
    d.add_paragraph().add_run(encode("Tỷ lệ hồ sơ trực tuyến đạt 86,5%", "VNI")).font.name = "VNI-Times"
    para_style = d.styles.add_style("Cũ", WD_STYLE_TYPE.PARAGRAPH)
    para_style.font.name = ".VnTime"
    d.add_paragraph(encode("Ủy ban nhân dân xã báo cáo", "TCVN3"), style="Cũ")
    char_style = d.styles.add_style("Chữ cũ", WD_STYLE_TYPE.CHARACTER)
    char_style.font.name = "VnArial"
    d.add_paragraph().add_run(encode("kết quả thực hiện", "TCVN3"), style="Chữ cũ")
    d.sections[0].header.paragraphs[0].add_run(encode("Báo cáo tuần", "TCVN3")).font.name = ".VnTime"
    fast, slow = _both(_saved(d))
    assert fast is not None and fast == slow
    assert fast[2] == {"TCVN3", "VNI"}
    texts = [b.text for b in fast[0]]
    assert "Tỷ lệ hồ sơ trực tuyến đạt 86,5%" in texts and "Báo cáo tuần" in texts


def test_a_legacy_document_default_font_reads_the_same_both_ways():
    d = docx.Document()
    d.add_paragraph(encode("Chuyển đổi số cấp xã", "TCVN3"))
    fonts = d.styles.element.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", d.styles.element.nsmap)
    fonts.set(qn("w:ascii"), ".VnTime")
    fast, slow = _both(_saved(d))
    assert fast == slow and fast is not None and fast[0][0].text == "Chuyển đổi số cấp xã"


def test_sections_headers_footers_and_footnotes_read_the_same_both_ways():
    d = _report()
    first = d.sections[0]
    first.different_first_page_header_footer = True
    first.header.paragraphs[0].text = "Trang chẵn lẻ"
    first.first_page_header.paragraphs[0].text = "Trang đầu"
    first.footer.paragraphs[0].text = "Chân trang"
    second = d.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "Phụ lục"
    d.add_paragraph("Phụ lục 1")
    d.settings.odd_and_even_pages_header_footer = True
    first.even_page_header.paragraphs[0].text = "Trang chẵn"
    fast, slow = _both(_with_footnote(d, "Số liệu đến ngày 14/12/2025."))
    assert fast is not None and fast == slow
    furniture = [(b.region, b.text) for b in fast[0] if b.region != "body" and b.region != "header"]
    assert furniture == [("footnote", "Số liệu đến ngày 14/12/2025."), ("page_header", "Trang chẵn lẻ"),
                         ("page_header", "Trang đầu"), ("page_header", "Trang chẵn"), ("page_footer", "Chân trang"),
                         ("page_header", "Phụ lục")]


@pytest.mark.parametrize("name", sorted(p.name for p in RAW.glob("*.docx")))
def test_the_samples_read_the_same_both_ways(name):
    fast, slow = _both((RAW / name).read_bytes())
    assert fast is not None and fast == slow


def test_no_legacy_font_named_means_nothing_to_convert():
    plain = Package.read(dict(_checked_parts(_saved(_report()), DEFAULTS, [])[0]))
    assert not plain.may_hold_legacy_fonts()
    assert convert_runs([p.root for p in plain.parts.values() if p.is_xml], plain.styles.root) == set()
    d = _report()
    d.add_paragraph().add_run("x").font.name = ".VnTime"
    assert Package.read(dict(_checked_parts(_saved(d), DEFAULTS, [])[0])).may_hold_legacy_fonts()


def _rewritten(data: bytes, member: str, change) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == member:
                body = change(body)
            if body is not None:
                dst.writestr(item, body)
    return out.getvalue()


def test_a_macro_document_is_left_to_python_docx_which_refuses_it():
    data = _rewritten(_saved(_report()), "[Content_Types].xml",
                      lambda b: b.replace(b"document.main+xml", b"document.macroEnabled.main+xml")
                      .replace(b"wordprocessingml.document.macroEnabled", b"ms-word.document.macroEnabled"))
    assert _read_fast(_checked_parts(data, DEFAULTS, [])[0]) is None
    with pytest.raises(InputError) as err:
        DocxBackend().read(data)
    assert err.value.error_type == "not_a_docx" and "not a Word file" in str(err.value)


def test_a_package_without_styles_is_left_to_python_docx():
    data = _rewritten(_saved(_report()), "word/_rels/document.xml.rels",
                      lambda b: re.sub(rb'<Relationship [^>]*relationships/styles"[^>]*/>', b"", b))
    assert _read_fast(_checked_parts(data, DEFAULTS, [])[0]) is None
    assert "BÁO CÁO Kết quả chuyển đổi số quý II" in [b.text for b in DocxBackend().read(data).blocks]


def test_a_missing_part_is_left_to_python_docx():
    data = _rewritten(_saved(_report()), "word/settings.xml", lambda b: None)
    assert _read_fast(_checked_parts(data, DEFAULTS, [])[0]) is None
    with pytest.raises(InputError) as err:
        DocxBackend().read(data)
    assert err.value.error_type == "not_a_docx"


def test_parts_judged_once_are_judged_the_same_again():
    big_theme = b'<?xml version="1.0"?><a:theme xmlns:a="urn:x"><a:x>' + b"<a:y/>" * 1000  # not closed: not well-formed
    data = _rewritten(_saved(_report()), "word/theme/theme1.xml", lambda b: big_theme)
    first, again = DocxBackend().read(data), DocxBackend().read(data)
    assert len(big_theme) >= MEMO_MIN
    assert first.warnings == again.warnings and "word/theme/theme1.xml is not well-formed" in first.warnings[0]
    d = _report()
    d.add_paragraph().add_run(encode("Đảng ủy xã", "TCVN3")).font.name = ".VnTime"
    legacy = _saved(d)
    assert DocxBackend().read(legacy).warnings == DocxBackend().read(legacy).warnings != []


def test_seen_parts_stay_bounded():
    seen = SeenParts(size=2)
    keys = [SeenParts.key(bytes([n]) * MEMO_MIN) for n in range(3)]
    for key in keys:
        seen.add(key)
    assert keys[2] in seen and keys[0] not in seen and SeenParts.key(b"short") is None and None not in seen


def test_a_part_with_the_same_length_and_ends_but_another_middle_is_not_seen():
    seen = SeenParts()
    judged = b"<a>" + b"x" * MEMO_MIN + b"</a>"
    other = judged[:1000] + b"y" + judged[1001:]
    seen.add(SeenParts.key(judged))
    assert SeenParts.key(bytes(judged)) in seen and SeenParts.key(other) not in seen
