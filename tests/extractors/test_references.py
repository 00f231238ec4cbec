"""Tests of the `references` extractor on sentences from the sample reports and in their style."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.references import extract_references
from pipeline.build import document_from_text, read_document

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
GOLD = Path(__file__).resolve().parents[2] / "data" / "gold"


def refs(text: str) -> list[dict]:
    return extract_references(document_from_text(text), {})["references"]


def test_state_decision_with_date_issuer_and_subject() -> None:
    (r,) = refs("Quyết định số 296/QĐ-UBND ngày 09/8/2025 của UBND xã Phượng Tiến về việc thành lập tổ công nghệ số cộng đồng của 27 xóm trên địa bàn xã.")
    assert (r["doc_type"], r["type_code"], r["number"], r["symbol"], r["canonical"]) == ("Quyết định", "QĐ", "296", "QĐ-UBND", "296/QĐ-UBND")
    assert r["issue_date"] == dt.date(2025, 8, 9)
    assert r["issuer_text"] == "UBND xã Phượng Tiến"
    assert r["subject"] == "thành lập tổ công nghệ số cộng đồng của 27 xóm trên địa bàn xã"
    assert r["relation"] == "issued"


def test_provincial_letter_without_type_is_cv_and_cited() -> None:
    (r, plan) = refs("Thực hiện Công văn số 3691/UBND-KGVX ngày 30/9/2025 của UBND tỉnh Thái Nguyên về việc tổng hợp, tham mưu báo cáo các nội dung thực hiện Kế hoạch số 02-KH/BCĐTW của Ban Chỉ đạo Trung ương (định kỳ hằng tuần), UBND xã Phượng Tiến báo cáo kết quả thực hiện như sau:")
    assert (r["canonical"], r["type_code"], r["doc_type"], r["relation"]) == ("3691/UBND-KGVX", "CV", "Công văn", "cited")
    assert r["issuer_text"] == "UBND tỉnh Thái Nguyên"
    assert (plan["canonical"], plan["relation"], plan["issue_date"]) == ("02-KH/BCĐTW", "cited", None)


def test_codes_broken_by_spaces_and_line_breaks() -> None:
    text = "Ngày 29/9/2025, uỷ ban nhân dân xã ban hành Quyết định số 863/QĐ-\nUBND về thành lập Ban chỉ đạo; thực hiện Nghị quyết số 57- NQ/TW và Tờ trình số 164/TTr- SKHCN."
    assert [r["canonical"] for r in refs(text)] == ["863/QĐ-UBND", "57-NQ/TW", "164/TTr-SKHCN"]
    assert refs("gắn sát với Kế hoạch số 02-\n\nKH/BCĐTW, phân công rõ trách nhiệm")[0]["canonical"] == "02-KH/BCĐTW"


def test_normative_joint_and_party_forms() -> None:
    rows = refs("Căn cứ Quyết định số 06/2024/QĐ-UBND của UBND tỉnh; Kế hoạch số 06/KH-MTTQ-BTT, ngày 25/7/2025 của UBMTTQ xã Phượng Tiến; Nghị quyết liên tịch số 01/NQLT-CP-UBTWMTTQVN.")
    assert [(r["canonical"], r["year"], r["relation"]) for r in rows] == [
        ("06/2024/QĐ-UBND", 2024, "cited"), ("06/KH-MTTQ-BTT", None, "issued"), ("01/NQLT-CP-UBTWMTTQVN", None, "cited")]
    assert rows[2]["doc_type"] == "Nghị quyết liên tịch"


def test_back_reference_takes_the_stated_date() -> None:
    rows = refs("Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học (Nghị quyết 57-NQ/TW).")
    assert [(r["issue_date"], r["issue_date_inferred"]) for r in rows] == [(dt.date(2024, 12, 22), False), (dt.date(2024, 12, 22), True)]
    assert rows[0]["issuer_text"] == "Bộ Chính trị"


def test_short_form_and_missing_so_and_qualifier() -> None:
    rows = refs("KH số 30/KH-UBND, ngày 11/8/2025; theo Kết luận 183-KL/TW; Kế hoạch hành động số 02/KH-UBND, ngày 02/7/2025.")
    assert [(r["doc_type"], r["canonical"]) for r in rows] == [("Kế hoạch", "30/KH-UBND"), ("Kết luận", "183-KL/TW"), ("Kế hoạch", "02/KH-UBND")]
    assert rows[0]["text"] == "KH số 30/KH-UBND"


def test_type_mismatch_is_kept_and_checked() -> None:
    out = extract_references(document_from_text("thành lập Ban Chỉ đạo thực hiện Nghị quyết số 57-QĐ/TW, ngày 22/12/2024 của Bộ Chính trị."), {})
    (r,) = out["references"]
    assert (r["doc_type"], r["type_code"], r["canonical"], r["type_mismatch"]) == ("Nghị quyết", "QĐ", "57-QĐ/TW", True)
    assert [(c["rule"], c["severity"]) for c in out["checks"]] == [("reference_type_mismatch", "warning")]


def test_central_plan_without_tw_stays_as_written_and_cited() -> None:
    rows = refs("Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương. Thực hiện Nghị quyết số 57-NQ/TW, Kế hoạch số 02-KH/BCĐ và các văn bản chỉ đạo của Tỉnh ủy.")
    assert [(r["canonical"], r["relation"]) for r in rows] == [("02-KH/BCĐTW", "cited"), ("57-NQ/TW", "cited"), ("02-KH/BCĐ", "cited")]


def test_leading_date_applies_to_the_issued_list() -> None:
    rows = refs("Ngày 29/9/2025, uỷ ban nhân dân xã ban hành Quyết định số 863/QĐ-UBND về thành lập Ban chỉ đạo ISO 9001:2015; kế hoạch số 74/KH-UBND về áp dụng ISO 9001:2015 tại uỷ ban nhân dân xã Gia Phúc.")
    assert [(r["canonical"], r["issue_date"]) for r in rows] == [("863/QĐ-UBND", dt.date(2025, 9, 29)), ("74/KH-UBND", dt.date(2025, 9, 29))]


def test_pending_documents_with_and_without_number() -> None:
    rows = refs("Ban Thường vụ Đảng uỷ xã đã chỉ đạo dự thảo kế hoạch để triển khai các nghị quyết. Quy chế số 05/QC-UBND chưa được ban hành.")
    assert [(r["doc_type"], r["canonical"], r["relation"]) for r in rows] == [("Kế hoạch", None, "pending"), ("Quy chế", "05/QC-UBND", "pending")]


@pytest.mark.parametrize(("text", "doc_type", "type_code"), [
    ("Quy chế hoạt động của Tổ công nghệ số đang dự thảo, chưa ban hành.", "Quy chế", "QC"),
    ("- Quy chế làm việc của Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số xã đang dự thảo, chưa ban hành.", "Quy chế", "QC"),
    ("Kế hoạch chuyển đổi số năm 2025 của xã chưa được ban hành.", "Kế hoạch", "KH"),
    ("UBND xã đã dự thảo Quyết định thành lập Tổ công nghệ số cộng đồng.", "Quyết định", "QĐ"),
    ("Đảng ủy xã chưa ban hành Quy chế hoạt động của Ban Chỉ đạo.", "Quy chế", "QC"),
    ("UBND xã đã ban hành Kế hoạch triển khai, Quy định về quản lý hồ sơ điện tử chưa ban hành.", "Quy định", "QyĐ"),
])
def test_pending_document_without_number(text: str, doc_type: str, type_code: str) -> None:
    (r,) = refs(text)
    assert (r["doc_type"], r["type_code"], r["number"], r["canonical"], r["relation"]) == (doc_type, type_code, None, None, "pending")


def test_later_clause_about_another_document_does_not_make_a_mention_pending() -> None:
    rows = refs("Đã ban hành Kế hoạch số 23/KH-UBND ngày 01/08/2025 nhưng Quy chế hoạt động của Tổ chưa được ban hành.")
    assert [(r["canonical"], r["doc_type"], r["relation"]) for r in rows] == [("23/KH-UBND", "Kế hoạch", "issued"), (None, "Quy chế", "pending")]


def test_numbered_pending_document_gives_one_row() -> None:
    (r,) = refs("Quy chế hoạt động số 05/QC-UBND đang dự thảo, chưa ban hành.")
    assert (r["canonical"], r["relation"]) == ("05/QC-UBND", "pending")


def test_commune_party_committee_is_the_commune_s_own_body() -> None:
    (r,) = refs("- Ban hành Nghị quyết số 05-NQ/ĐU ngày 15/8/225 của Ban Chấp hành Đảng bộ xã về chuyển đổi số giai đoạn 2025 - 2030.")
    assert (r["canonical"], r["issue_date"], r["issuer_text"], r["relation"]) == ("05-NQ/ĐU", None, "Ban Chấp hành Đảng bộ xã", "issued")


@pytest.mark.parametrize("text", [
    "thực hiện KẾ HOẠCH SỐ 02-KH/BCĐTW NGÀY 19/6/2025", "thực hiện Kế Hoạch số 02-KH/BCĐTW ngày 19/6/2025",
    "thực hiện kế hoạch 02-KH/BCĐTW ngày 19/6/2025",
])
def test_type_word_in_any_case(text: str) -> None:
    (r,) = refs(text)
    assert (r["doc_type"], r["canonical"], r["issue_date"]) == ("Kế hoạch", "02-KH/BCĐTW", dt.date(2025, 6, 19))


@pytest.mark.parametrize("text", [
    "tiêu chuẩn Quốc gia ISO 9001:2015", "nâng cấp hạ tầng sóng 3G/4G/5G", "(mã 1.012818.H24)",
    "(mã H24.130-250729-6118)", "ngày 19/6/2025", "đạt 16/16 tiêu chí", "Cổng kết nối: USB 2.0, HDMI/VGA",
    "Thực hiện Kế hoạch của UBND tỉnh, xã đang xây dựng hạ tầng mạng.",
    "- Kế hoạch triển khai được phổ biến tới các thôn, các thôn đang xây dựng mô hình điểm.",
])
def test_not_references(text: str) -> None:
    assert refs(text) == []


def test_own_number_line_is_not_a_reference() -> None:
    doc = document_from_text("ỦY BAN NHÂN DÂN\nXÃ PHƯỚC GIANG\nSố: 12/BC-UBND\nPhước Giang, ngày 10 tháng 12 năm 2025\nBÁO CÁO\nKết quả thực hiện Kế hoạch số 02-KH/BCĐTW\n1. Về pháp lý\n- Nội dung.")
    assert [r["canonical"] for r in extract_references(doc, {})["references"]] == ["02-KH/BCĐTW"]


@pytest.mark.parametrize("seed", ["000_3f443abda9bde363", "001_35ae03e1e9c7ec90", "003_eb674791f856846a"])
def test_samples_match_gold(seed: str) -> None:
    path = RAW / f"{seed}.txt"
    doc, _ = read_document(path.read_bytes(), str(path))
    got = [(r["canonical"], r["issue_date"].isoformat() if r["issue_date"] else None, r["relation"]) for r in extract_references(doc, {})["references"]]
    gold = [(g["canonical"], g["issue_date"], g["relation"]) for g in json.loads((GOLD / seed / "references.json").read_text())]
    assert got == gold


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789/-–. \n,;:()KHQĐNTWUBDCVđnkhsốgàyKếhoạchNghị quyếtchưa ban hànhdự thảo")), max_size=200))
def test_never_raises_and_evidence_is_a_slice(text: str) -> None:
    doc = document_from_text(text)
    out = extract_references(doc, {})
    for row in out["references"] + out["checks"]:
        assert doc.text[row["char_start"] : row["char_end"]] == row["evidence"]
        assert row["char_start"] <= row["span_start"] <= row["span_end"] <= row["char_end"]


def _refs(text: str) -> list[tuple[str, object]]:
    rows = extract_references(document_from_text(text), {})["references"]
    return [(r["canonical"], r["issue_date"]) for r in rows]


def test_coordinated_codes_share_the_date_written_after_the_second() -> None:
    text = "Căn cứ Quyết định số 15/QĐ-UBND và Kế hoạch số 16/KH-UBND ngày 03/02/2025 của UBND xã, xã đã triển khai.\n"
    assert _refs(text) == [("15/QĐ-UBND", dt.date(2025, 2, 3)), ("16/KH-UBND", dt.date(2025, 2, 3))]


def test_items_of_a_semicolon_list_keep_their_own_dates() -> None:
    text = "- Quyết định số 15/QĐ-UBND;\n- Kế hoạch số 16/KH-UBND ngày 03/02/2025.\n"
    assert _refs(text) == [("15/QĐ-UBND", None), ("16/KH-UBND", dt.date(2025, 2, 3))]


def test_an_ampersand_inside_an_issuer_code_belongs_to_it() -> None:
    assert _refs("Theo Công văn số 245/STC-QLG&CS ngày 12/3/2025 của Sở Tài chính.\n") == [
        ("245/STC-QLG&CS", dt.date(2025, 3, 12))]


def test_a_code_broken_by_a_page_break_and_its_page_number() -> None:
    text = "Thực hiện Kế hoạch số 08-\n\n4\n\nKH/ĐU ngày 20/5/2025 của Đảng ủy xã về chuyển đổi số.\n"
    assert _refs(text) == [("08-KH/ĐU", dt.date(2025, 5, 20))]
