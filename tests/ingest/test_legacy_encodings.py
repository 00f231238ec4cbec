"""Legacy Vietnamese font encodings: TCVN3, VNI and VISCII text files and DOCX runs in
legacy fonts come out as Unicode with a warning naming the encoding."""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata

import docx
import pytest

from pipeline.build import read_document
from pipeline.ingest.docx import DocxBackend
from pipeline.ingest.legacy_encodings import TCVN3, VISCII_HIGH, encode, encode_viscii, repair_text, syllable_share
from pipeline.ingest.txt import TxtBackend

REPORT = """ỦY BAN NHÂN DÂN XÃ HÒA PHÚ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 15/BC-UBND
Hòa Phú, ngày 12 tháng 3 năm 2025
BÁO CÁO
Kết quả thực hiện chuyển đổi số năm 2024
Đảng ủy xã đã ban hành Kế hoạch số 08-KH/ĐU ngày 20/01/2024 về chuyển đổi số.
Tỷ lệ hồ sơ trực tuyến toàn trình đạt 86,5%; xã có 12 máy tính phục vụ một cửa.
"""


def to_tcvn3(text: str) -> str:
    return encode(text, "TCVN3")


def to_vni(text: str) -> str:
    return encode(text, "VNI")


def _lines(raw) -> list[str]:
    return [b.text for b in raw.blocks]


def test_tcvn3_text_file_is_converted_with_capitals_restored():
    raw = TxtBackend().read(to_tcvn3(REPORT).encode("latin-1"))
    assert _lines(raw)[:4] == REPORT.splitlines()[:4]
    assert "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 86,5%; xã có 12 máy tính phục vụ một cửa." in _lines(raw)
    assert raw.warnings == ["the text was typed in the legacy TCVN3 font encoding and was converted to Unicode"]


def test_tcvn3_saved_as_utf8_is_converted_too():
    raw = TxtBackend().read(to_tcvn3(REPORT).encode("utf-8"))
    assert _lines(raw)[1] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert "TCVN3" in raw.warnings[0]


def test_vni_text_file_is_converted():
    encoded = to_vni(REPORT)
    assert "VIEÄT" in encoded and "Ñaûng" in encoded
    raw = TxtBackend().read(encoded.encode("cp1252"))
    assert _lines(raw) == REPORT.splitlines()
    assert raw.warnings == ["the text was typed in the legacy VNI font encoding and was converted to Unicode"]


def test_viscii_text_file_is_converted():
    table = {ch: bytes([0x80 + i]) for i, ch in enumerate(VISCII_HIGH)}
    data = b"".join(table.get(c, c.encode("ascii", "ignore") if c.isascii() else b"") for c in REPORT.lower())
    raw = TxtBackend().read(data)
    assert _lines(raw)[5] == "kết quả thực hiện chuyển đổi số năm 2024"
    assert "VISCII" in raw.warnings[0]


def test_a_viscii_file_with_capitals_no_code_page_has_is_converted():
    """Capitals with tone marks (`Ố`, `Ễ`) sit on bytes Windows-1258 leaves undefined (0x81, 0x8D, 0x8F...)."""
    raw = TxtBackend().read(encode_viscii(REPORT + "SỐ LIỆU ĐẾN NGÀY 15/3 – BỔ SUNG\n"))
    assert _lines(raw)[0] == "ỦY BAN NHÂN DÂN XÃ HÒA PHÚ" and _lines(raw)[5] == "Kết quả thực hiện chuyển đổi số năm 2024"
    assert _lines(raw)[-1] == "SỐ LIỆU ĐẾN NGÀY 15/3 - BỔ SUNG"  # the dash VISCII lacks typed as a hyphen
    assert "VISCII" in raw.warnings[0]


def test_the_vntime_docx_rendition_gives_the_facts_of_the_unicode_docx():
    from pathlib import Path

    from pipeline.run import process_file
    from tests.conftest import ROOT

    seed = "001_35ae03e1e9c7ec90"
    legacy, unicode = (process_file(Path(ROOT / folder / name)) for folder, name in
                       (("data/renditions", f"{seed}.vntime.docx"), ("data/raw", f"{seed}.docx")))
    assert "TCVN3" in legacy.tables["documents"].column("warnings")[0].as_py()
    for table, columns in (("metrics", ["metric", "value"]), ("references", ["canonical"]), ("equipment", ["category", "ram_gb", "os"])):
        assert legacy.tables[table].select(columns).to_pylist() == unicode.tables[table].select(columns).to_pylist()
    for field in ("issuer", "doc_symbol", "report_date", "signer_title", "signer_name"):
        assert legacy.tables["documents"].column(field)[0].as_py() == unicode.tables["documents"].column(field)[0].as_py()


def test_unicode_text_is_left_alone():
    assert repair_text(REPORT) == (REPORT, None)
    assert syllable_share(REPORT)[0] > 0.95


def test_legacy_text_gives_the_same_facts_as_unicode():
    plain, _ = read_document(REPORT.encode("utf-8"), "bc.txt")
    legacy, _ = read_document(to_tcvn3(REPORT).encode("latin-1"), "bc.txt")
    vni, _ = read_document(to_vni(REPORT).encode("cp1252"), "bc.txt")
    assert legacy.text.lower() == plain.text.lower()
    assert vni.text == plain.text


def test_docx_runs_in_legacy_fonts_are_converted():
    d = docx.Document()
    d.add_paragraph().add_run(to_tcvn3("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).font.name = ".VnTimeH"
    para = d.add_paragraph()
    para.add_run(to_tcvn3("Đảng ủy xã báo cáo kết quả ")).font.name = ".VnTime"
    para.add_run("chuyển đổi số").font.name = "Times New Roman"
    d.add_paragraph().add_run(to_vni("Tỷ lệ hồ sơ trực tuyến đạt 86,5%")).font.name = "VNI-Times"
    styled = d.styles.add_style("Legacy", 1)
    styled.font.name = ".VnTime"
    d.add_paragraph(to_tcvn3("Ủy ban nhân dân xã Hòa Phú"), style="Legacy")
    buf = io.BytesIO()
    d.save(buf)
    raw = DocxBackend().read(buf.getvalue())
    assert _lines(raw) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Đảng ủy xã báo cáo kết quả chuyển đổi số",
                           "Tỷ lệ hồ sơ trực tuyến đạt 86,5%", "ủy ban nhân dân xã Hòa Phú"]
    assert sorted(w.split()[7] for w in raw.warnings) == ["TCVN3", "VNI"]


@pytest.mark.skipif(shutil.which("iconv") is None, reason="iconv is not installed: tables not cross-checked")
@pytest.mark.parametrize(("charset", "codes", "ours"), [
    ("VISCII", range(0x80, 0x100), lambda b: VISCII_HIGH[b - 0x80]),
    ("TCVN5712-1", sorted(ord(c) for c in TCVN3), lambda b: TCVN3[chr(b)]),
])
def test_tables_agree_with_iconv(charset, codes, ours):
    for b in codes:
        out = subprocess.run(["iconv", "-f", charset, "-t", "UTF-8"], input=bytes([b]), capture_output=True, check=True)
        assert unicodedata.normalize("NFC", out.stdout.decode()) == ours(b), hex(b)


@pytest.mark.parametrize(("unicode", "restored"), [
    ("ỦY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),  # ủY: a lower-case letter before a capital
    ("BÍ THƯ", "BÍ THƯ"),  # THƯ: a word of capitals with a Vietnamese one
    ("Số: 15/QĐ-UBND", "Số: 15/QĐ-UBND"),  # a code is not a word of capitals: Số stays as typed
    ("Ủy ban nhân dân xã", "ủy ban nhân dân xã"),  # running text: the case of Ủ is lost, not guessed
])
def test_tcvn3_capitals_restored_only_where_certain(unicode, restored):
    text = f"{unicode}\nĐảng ủy xã Hòa Phú báo cáo kết quả chuyển đổi số năm 2024 của xã."
    assert repair_text(encode(text, "TCVN3"))[0].splitlines()[0] == restored
