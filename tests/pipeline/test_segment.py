"""Segmentation of the real samples, and its agreement across TXT, DOCX and PDF renditions."""

import pytest
import regex

from pipeline.build import document_from_text
from pipeline.run import process_bytes
from tests.conftest import SEEDS, sample


def _zone(doc, name: str) -> list[str]:
    return [regex.sub(r"\s+", " ", doc.slice(s)) for s in doc.zone(name)]


def _sections(doc) -> list[tuple[str, str]]:
    # In the DOCX/PDF of 001 the per-machine lists 2.1.1-2.1.5 are a Word table, by design.
    return [(s.number, s.title) for s in doc.sections if not (s.number or "").startswith("2.1.")]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_same_sections_header_and_signer_in_every_format(seed, fmt):
    txt, other = sample(seed, "txt"), sample(seed, fmt)
    assert _sections(other) == _sections(txt)
    for zone in ("issuer", "motto", "number", "place_date", "title", "subject", "period", "recipients",
                 "signer_authority", "signer_title", "signer_name"):
        assert _zone(other, zone) == _zone(txt, zone), zone


def test_header_zones_of_a_state_report():
    doc = sample("000_3f443abda9bde363", "docx")
    assert _zone(doc, "issuer") == ["ỦY BAN NHÂN DÂN", "XÃ PHƯỚC GIANG"]
    assert _zone(doc, "number") == ["Số: /BC-UBND"]
    assert _zone(doc, "place_date") == ["Phước Giang, ngày tháng năm 2025"]
    assert _zone(doc, "period") == ["(Đến ngày 14/12/2025)"]
    assert _zone(doc, "signer_name") == []


def test_party_report_signer_and_irregular_numbering():
    doc = sample("003_eb674791f856846a", "pdf")
    assert _zone(doc, "signer_authority") == ["T/M BAN THƯỜNG VỤ"]
    assert _zone(doc, "signer_title") == ["BÍ THƯ"]
    assert _zone(doc, "signer_name") == ["Đỗ Văn Tiến"]
    six = next(s for s in doc.sections if s.number == "6")
    assert [c.number for c in six.children] == ["5.1", "5.2"]  # "6." followed by "5.1": kept under 6
    assert six.topic == "assessment"


def test_section_topics_and_hierarchy():
    doc = sample("001_35ae03e1e9c7ec90", "txt")
    by_number = {s.number: s for s in doc.sections}
    assert by_number["2.1.3"].parent is by_number["2.1"]
    assert by_number["2.1.3"].topics()[-1] == "infrastructure"
    assert by_number["4"].topic == "tthc"
    assert by_number["3"].topic == "staff"
    assert _zone(doc, "recipients") == ["Kính gửi: Sở Khoa học và Công nghệ tỉnh Thái Nguyên"]


def test_every_block_and_zone_span_is_a_slice_of_the_text(any_sample):
    doc = any_sample
    for b in doc.blocks:
        assert 0 <= b.start <= b.end <= len(doc.text)
        for cell in b.cells:
            assert b.start <= cell.start <= cell.end <= b.end
    for spans in doc.zones.values():
        for s in spans:
            assert doc.text[s.start:s.end].strip() == doc.text[s.start:s.end]


def test_pdf_pages_of_blocks():
    doc = sample("003_eb674791f856846a", "pdf")
    assert doc.page_at(0) == 1
    distribution = doc.zone("distribution")[0]
    assert doc.page_at(distribution.start) == doc.page_count
    pages = [doc.page_at(b.start) for b in doc.blocks if b.region == "body"]
    assert pages == sorted(pages) and pages[-1] == doc.page_count > 1


def test_timestamps_of_a_signed_pdf_are_their_own_zone():
    doc = document_from_text("BÁO CÁO\nKết quả\n1. Về pháp lý\nNội dung.\nNơi nhận:\n- Lưu: VT.\n"
                             "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n2025-10-09T08:31:12+0700")
    assert _zone(doc, "timestamps") == ["2025-10-09T08:31:12+0700"]
    assert _zone(doc, "signer_name") == ["Nguyễn Văn An"]


def test_signer_block_in_mixed_case():
    doc = document_from_text("BÁO CÁO\nKết quả\n1. Về pháp lý\nNội dung.\nNơi nhận:\n- Lưu: VT.\n"
                             "Kt. Chủ tịch\nPhó Chủ tịch\nTrần Thị Mai")
    assert _zone(doc, "signer_authority") == ["Kt. Chủ tịch"]
    assert _zone(doc, "signer_title") == ["Phó Chủ tịch"]
    assert _zone(doc, "signer_name") == ["Trần Thị Mai"]


def test_signer_name_in_capitals_after_the_title():
    doc = document_from_text("BÁO CÁO\nKết quả\n1. Về pháp lý\nNội dung.\nNơi nhận:\n- Lưu: VT.\n"
                             "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNGUYỄN VĂN AN")
    assert _zone(doc, "signer_authority") == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    assert _zone(doc, "signer_title") == ["PHÓ CHỦ TỊCH"]
    assert _zone(doc, "signer_name") == ["NGUYỄN VĂN AN"]


SHORT_STATE = """ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
   XÃ TÂN HƯNG                         Độc lập - Tự do - Hạnh phúc

Số: 27/BC-UBND                      Tân Hưng, ngày 12 tháng 11 năm 2025

BÁO CÁO
Kết quả rà soát máy tính phục vụ chuyển đổi số

Kính gửi: Ban Chỉ đạo chuyển đổi số huyện.

Thực hiện Công văn số 85/UBND-VP ngày 03/11/2025 của UBND huyện về việc rà
soát trang thiết bị công nghệ thông tin, UBND xã Tân Hưng báo cáo như sau: xã
hiện có 14 máy tính để bàn, trong đó 3 máy cấu hình thấp cần thay thế; 100%
cán bộ, công chức đã có tài khoản thư điện tử công vụ.

Trên đây là báo cáo của UBND xã Tân Hưng./.

Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN
- Như trên;                                       CHỦ TỊCH
- Lưu: VT.

                                                  Trần Văn Lộc
"""

SHORT_PARTY = """ĐẢNG BỘ HUYỆN ĐÔNG SƠN              ĐẢNG CỘNG SẢN VIỆT NAM
  ĐẢNG ỦY XÃ ĐÔNG HÒA
        *                              Đông Hòa, ngày 03 tháng 12 năm 2025
  Số 41-BC/ĐU

BÁO CÁO
tiến độ số hóa hồ sơ tháng 11 năm 2025

Căn cứ Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương,
Ban Thường vụ Đảng ủy xã báo cáo tiến độ số hóa hồ sơ tháng 11 như sau:

Trong tháng, Bộ phận một cửa đã số hóa 326 hồ sơ, đạt 82% kế hoạch tháng.

Còn 2 cán bộ chưa được tập huấn sử dụng chữ ký số; xã đề nghị huyện mở lớp
tập huấn bổ sung trong tháng 12.

Nơi nhận:                                     T/M BAN THƯỜNG VỤ
- Ban Thường vụ Huyện ủy,                            BÍ THƯ
- Lưu Văn phòng Đảng ủy.

                                                  Lê Thị Mai
"""


@pytest.mark.parametrize(("text", "signer"), [
    (SHORT_STATE, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Lộc"]),
    (SHORT_PARTY, ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Lê Thị Mai"]),
])
def test_a_short_report_without_numbered_sections_keeps_its_footer(text, signer):
    doc = document_from_text(text)
    assert [_zone(doc, z) for z in ("signer_authority", "signer_title", "signer_name")] == [[s] for s in signer]
    assert _zone(doc, "distribution")[0].startswith("Nơi nhận:")
    assert not any("Nơi nhận" in z or signer[-1] in z for z in _zone(doc, "subject") + _zone(doc, "opening"))
    assert doc.sections == []


def test_a_short_report_s_opening_is_its_first_paragraph_and_the_rest_its_body():
    single = document_from_text(SHORT_STATE)  # one paragraph: the opening, which states the facts too
    assert _zone(single, "opening")[0].startswith("Thực hiện Công văn số 85/UBND-VP") and _zone(single, "body") == []
    assert _zone(single, "closing") == ["Trên đây là báo cáo của UBND xã Tân Hưng./."]
    doc = document_from_text(SHORT_PARTY)
    assert _zone(doc, "subject") == ["tiến độ số hóa hồ sơ tháng 11 năm 2025"]
    assert _zone(doc, "opening")[0].startswith("Căn cứ Kế hoạch số 02-KH/BCĐTW")
    body = _zone(doc, "body")
    assert len(body) == 1 and body[0].startswith("Trong tháng, Bộ phận một cửa") and body[0].endswith("trong tháng 12.")


def test_a_short_report_s_facts_and_signer_reach_the_tables():
    result = process_bytes(SHORT_PARTY.encode(), "dong_hoa.txt")
    docs = result.tables["documents"].to_pylist()[0]
    assert (docs["signer_title"], docs["signer_name"]) == ("BÍ THƯ", "Lê Thị Mai")
    metrics = {(r["metric"], r["value"]) for r in result.tables["metrics"].to_pylist()}
    assert ("dossiers_digitized", 326.0) in metrics  # read from the body paragraph
