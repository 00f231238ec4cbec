"""The one header grammar: typed fields read from the zones, on sentences written for the test."""

from __future__ import annotations

import datetime as dt

from extractors.registry import run_components
from pipeline.build import document_from_text

BODY = "I. KẾT QUẢ\n1. Trong kỳ, Trung tâm đã tiếp nhận 120 hồ sơ.\n"


def _row(text: str) -> dict:
    return run_components(document_from_text(text), only=("dates", "references", "metadata"))["documents"][0]


def test_state_header_fields_are_typed() -> None:
    text = ("ỦY BAN NHÂN DÂN\nXÃ TÂN HƯNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 87/BC-UBND\nTân Hưng, ngày 03 tháng 9 năm 2025\nBÁO CÁO\nTình hình chuyển đổi số tháng 8\n" + BODY)
    h = document_from_text(text).header
    assert [f.text for f in h.issuing_body] == ["ỦY BAN NHÂN DÂN", "XÃ TÂN HƯNG"]
    assert (h.motto_kind, h.number, h.symbol) == ("state", "87", "BC-UBND")
    assert (h.place.text, h.day, h.month, h.year) == ("Tân Hưng", 3, 9, 2025)
    assert (h.title.text, h.subject.text) == ("BÁO CÁO", "Tình hình chuyển đổi số tháng 8")


def test_a_pdf_break_inside_the_number_and_the_date_line_is_joined() -> None:
    text = ("ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nSố:\n\n/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Long Hải, ngày\n\ntháng 4 năm 2023\nKẾ HOẠCH\nỨng dụng công nghệ số năm 2023\n" + BODY)
    h = document_from_text(text).header
    assert (h.number, h.symbol) == (None, "KH-UBND")
    assert (h.place.text, h.day, h.month, h.year) == ("Long Hải", None, 4, 2023)
    row = _row(text)
    assert (row["commune"], row["place"], row["report_date"], row["report_year"]) == ("An Phú", "Long Hải", None, 2023)


def test_header_without_number_or_date_line_still_gives_the_commune() -> None:
    row = _row("ỦY BAN NHÂN DÂN\nXÃ TÂN HƯNG\nBÁO CÁO\nKết quả cải cách hành chính quý III\n" + BODY)
    assert (row["commune"], row["doc_symbol"], row["report_date"]) == ("Tân Hưng", None, None)


def test_own_number_in_a_parenthesis_is_the_report_s_not_a_reference() -> None:
    text = ("BÁO CÁO\n(Số 64/BC-UBND, ngày 12/10/2024 của UBND xã Tân Hưng)\n"
            "Kết quả thực hiện dịch vụ công trực tuyến\n" + BODY)
    doc = document_from_text(text)
    out = run_components(doc, only=("dates", "references", "metadata"))
    row = out["documents"][0]
    assert (row["doc_number"], row["doc_symbol"], row["report_date"]) == ("64", "BC-UBND", dt.date(2024, 10, 12))
    assert row["commune"] == "Tân Hưng"
    assert out["references"] == []


def test_a_news_dateline_is_not_a_report_date() -> None:
    text = ("Quảng Trị, ngày 08 tháng 5 năm 2021\n"
            "Huyện đã bàn giao máy tính cho 9 xã và tổ chức tập huấn cho cán bộ một cửa.\n")
    row = _row(text)
    assert (row["report_date"], row["place"], row["commune"]) == (None, None, None)


def test_apostrophe_in_the_place_name_keeps_the_name_whole_and_the_date() -> None:
    text = ("ỦY BAN NHÂN DÂN\nXÃ EA H’LEO\nSố: 15/BC-UBND\nEa H’Leo, ngày 05 tháng 3 năm 2024\nBÁO CÁO\n"
            "Kết quả số hóa hồ sơ\n" + BODY)
    row = _row(text)
    assert (row["commune"], row["place"], row["report_date"]) == ("Ea H’Leo", "Ea H’Leo", dt.date(2024, 3, 5))


def test_signer_block_with_two_title_lines_names_the_person() -> None:
    text = ("BÁO CÁO\nKết quả chuyển đổi số\n" + BODY + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n"
            "TM. BAN CHỈ ĐẠO\nPHÓ TRƯỞNG BAN\nPHÓ CHỦ TỊCH UBND TỈNH\nTrần Thị Mai\n")
    row = _row(text)
    assert row["signer_authority"] == "TM. BAN CHỈ ĐẠO"
    assert row["signer_title"] == "PHÓ TRƯỞNG BAN PHÓ CHỦ TỊCH UBND TỈNH"
    assert row["signer_name"] == "Trần Thị Mai"


def test_own_number_in_the_sentence_that_opens_a_text_without_header() -> None:
    text = ("Báo cáo số 31/BC-UBND ngày 07/4/2025 của UBND phường Hòa Phú về kết quả cải cách hành chính quý I.\n"
            "Trong quý, phường đã tiếp nhận 420 hồ sơ.\n")
    out = run_components(document_from_text(text), only=("dates", "references", "metadata"))
    row = out["documents"][0]
    assert (row["doc_number"], row["doc_symbol"], row["report_date"]) == ("31", "BC-UBND", dt.date(2025, 4, 7))
    assert row["commune"] == "Hòa Phú" and out["references"] == []


def test_a_cited_plan_opening_a_text_is_not_the_text_s_number() -> None:
    text = "Kế hoạch số 12/KH-UBND ngày 02/01/2025 của UBND tỉnh đặt mục tiêu số hóa toàn bộ hồ sơ.\n"
    out = run_components(document_from_text(text), only=("dates", "references", "metadata"))
    assert out["documents"][0]["doc_symbol"] is None
    assert [r["canonical"] for r in out["references"]] == ["12/KH-UBND"]
