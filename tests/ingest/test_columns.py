"""Header and footer columns pasted side by side in plain text."""

from pipeline.build import document_from_text
from pipeline.ingest.columns import blocks_with_columns

PASTED = """ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

XÃ EA SÚP                                Độc lập - Tự do - Hạnh phúc

Số:        /BC-UBND                  Ea Súp, ngày 31 tháng 10 năm 2025

BÁO CÁO
Kết quả thực hiện Kế hoạch số 02-KH/BCĐTW
1. Về pháp lý
Nội dung.
Nơi nhận:                                           KT. CHỦ TỊCH
- Như trên;                                         PHÓ CHỦ TỊCH
- Lưu: VT.
                                                   Y Hoang Niê
Thời gian ký: 2025-11-03T09:12:45+0700"""


def test_side_by_side_header_and_footer_become_left_and_right_cells():
    blocks = blocks_with_columns(PASTED.splitlines())
    cells = [(b.region, b.text) for b in blocks if b.kind == "cell"]
    assert cells == [
        ("header", "ỦY BAN NHÂN DÂN\nXÃ EA SÚP\nSố:        /BC-UBND"),
        ("header", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nEa Súp, ngày 31 tháng 10 năm 2025"),
        ("body", "Nơi nhận:\n- Như trên;\n- Lưu: VT."),
        ("body", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nY Hoang Niê"),
    ]
    assert blocks[-1].text == "Thời gian ký: 2025-11-03T09:12:45+0700"


def test_template_blanks_are_not_column_gaps():
    blocks = blocks_with_columns(["Số:       /BC-UBND", "Phước Giang, ngày      tháng     năm 2025", "BÁO CÁO"])
    assert [b.kind for b in blocks] == ["line", "line", "line"]


def test_pasted_report_segments_like_a_docx():
    doc = document_from_text(PASTED)
    zone = {name: [doc.slice(s) for s in spans] for name, spans in doc.zones.items()}
    assert zone["issuer"] == ["ỦY BAN NHÂN DÂN", "XÃ EA SÚP"]
    assert zone["place_date"] == ["Ea Súp, ngày 31 tháng 10 năm 2025"]
    assert zone["signer_name"] == ["Y Hoang Niê"]


PLAN_HEADER = """ĐẢNG BỘ XÃ HÒA THẮNG                     ĐẢNG CỘNG SẢN VIỆT NAM
CHI BỘ VĂN PHÒNG
Số 07-KH/CB                           Hòa Thắng, ngày 12 tháng 3 năm 2025

KẾ HOẠCH
Triển khai chuyển đổi số năm 2025"""


def test_any_report_title_ends_a_pasted_header():
    blocks = blocks_with_columns(PLAN_HEADER.splitlines())
    cells = [b.text for b in blocks if b.kind == "cell" and b.region == "header"]
    assert cells == ["ĐẢNG BỘ XÃ HÒA THẮNG\nCHI BỘ VĂN PHÒNG\nSố 07-KH/CB",
                     "ĐẢNG CỘNG SẢN VIỆT NAM\nHòa Thắng, ngày 12 tháng 3 năm 2025"]
    assert [b.text for b in blocks if b.kind == "line"][:2] == ["KẾ HOẠCH", "Triển khai chuyển đổi số năm 2025"]
