"""Tests of the `metadata` component: header, footer and commune rules on real sentences from
the samples and sentences written in their style, the gold of the three samples in every
format, and a property test."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.metadata import extract_metadata
from extractors.registry import Facts, run_components
from pipeline.build import document_from_text
from tests.conftest import FORMATS, ROOT, SEEDS, sample

STATE_HEADER = """ỦY BAN NHÂN DÂN
XÃ PHƯỚC GIANG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập – Tự do – Hạnh phúc
Số:       /BC-UBND
Phước Giang, ngày      tháng     năm 2025
"""

PARTY_HEADER = """ĐẢNG BỘ TỈNH NGHỆ AN
ĐẢNG ỦY XÃ BÌNH MINH
*
Số 45-BC/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Bình Minh, ngày 24 tháng 10 năm 2025
"""

SUBJECT = "BÁO CÁO\nKết quả thực hiện Kế hoạch số 02-KH/BCĐTW về thúc đẩy chuyển đổi số liên thông\n"

BODY = "1. Về pháp lý\n- Đã ban hành Kế hoạch số 23/KH-UBND ngày 01/08/2025.\n"


def _meta(text: str, with_dates: bool = False) -> dict[str, Any]:
    """The documents row for `text` (after the dates and references components if asked)."""
    doc = document_from_text(text)
    if with_dates:
        return run_components(doc, only=("dates", "references", "metadata"))["documents"][0]
    return extract_metadata(doc, {})["documents"][0]


def _checks(text: str) -> list[str]:
    return [r["rule"] for r in extract_metadata(document_from_text(text), {})["checks"]]


# --- header ---------------------------------------------------------------------------------
def test_state_header_gives_issuer_commune_symbol_and_year() -> None:
    row = _meta(STATE_HEADER + SUBJECT + BODY)
    assert row["issuer"] == "ỦY BAN NHÂN DÂN XÃ PHƯỚC GIANG"
    assert (row["issuer_kind"], row["commune"], row["commune_type"]) == ("state", "Phước Giang", "xã")
    assert (row["commune_code"], row["province_code"], row["province_name"]) == (21370, 51, "Quảng Ngãi")
    assert (row["doc_symbol"], row["doc_number"], row["place"]) == ("BC-UBND", None, "Phước Giang")
    assert (row["report_date"], row["report_year"]) == (None, 2025)
    assert row["title"].startswith("Kết quả thực hiện Kế hoạch số 02-KH/BCĐTW")


def test_party_header_with_province_line_resolves_a_shared_name_exactly() -> None:
    row = _meta(PARTY_HEADER + SUBJECT + BODY)
    assert row["issuer"] == "ĐẢNG ỦY XÃ BÌNH MINH"  # the superior body's line is not the issuer
    assert (row["issuer_kind"], row["doc_symbol"], row["doc_number"]) == ("party", "BC/ĐU", "45")
    assert (row["commune"], row["province"], row["commune_match"]) == ("Bình Minh", "Nghệ An", "exact")
    assert (row["commune_code"], row["province_code"]) == (17515, 40)
    assert row["report_date"] == dt.date(2025, 10, 24)


def test_party_style_symbol_and_motto_without_issuer_lines() -> None:
    text = "Số      -BC/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nGia Phúc, ngày 24 tháng 10 năm 2025\n" + SUBJECT + BODY
    row = _meta(text)
    assert (row["doc_symbol"], row["doc_number"], row["issuer_kind"]) == ("BC/ĐU", None, "party")
    assert (row["commune"], row["commune_code"], row["commune_type"]) == ("Gia Phúc", 11050, None)


def test_filled_state_number() -> None:
    row = _meta(STATE_HEADER.replace("Số:       /BC-UBND", "Số: 125/BC-UBND") + SUBJECT + BODY)
    assert (row["doc_symbol"], row["doc_number"]) == ("BC-UBND", "125")


def test_motto_split_by_a_pdf_is_not_part_of_the_issuer() -> None:
    text = "ỦY BAN NHÂN DÂN\nXÃ PHƯỚC GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\nNAM\nSố: /BC-UBND\n" + SUBJECT + BODY
    assert _meta(text)["issuer"] == "ỦY BAN NHÂN DÂN XÃ PHƯỚC GIANG"


def test_phuong_header() -> None:
    text = "ỦY BAN NHÂN DÂN\nPHƯỜNG KIM LIÊN\nSố: 12/BC-UBND\nHà Nội, ngày 05 tháng 11 năm 2025\n" + SUBJECT + BODY
    row = _meta(text)
    assert (row["commune"], row["commune_type"], row["commune_code"]) == ("Kim Liên", "phường", 226)
    assert (row["province_code"], row["province_name"], row["commune_match"]) == (1, "Thành phố Hà Nội", "exact")


def test_hoa_variant_with_province_in_header() -> None:
    text = "ĐẢNG BỘ TỈNH TUYÊN QUANG\nĐẢNG UỶ XÃ HOÀ AN\nSố 07-BC/ĐU\n" + SUBJECT + BODY
    row = _meta(text)
    assert (row["issuer"], row["commune"]) == ("ĐẢNG ỦY XÃ HÒA AN", "Hòa An")
    assert (row["commune_code"], row["commune_name"], row["province_name"]) == (2353, "Xã Hoà An", "Tuyên Quang")


def test_pre_merger_province_in_the_header_still_resolves() -> None:
    row = _meta(PARTY_HEADER.replace("NGHỆ AN", "NAM ĐỊNH") + SUBJECT + BODY)
    assert (row["issuer"], row["province"], row["commune_match"]) == ("ĐẢNG ỦY XÃ BÌNH MINH", "Nam Định", "exact")
    assert (row["commune_code"], row["province_code"], row["province_name"]) == (14623, 37, "Ninh Bình")


def test_hyphenated_pre_merger_province_in_the_recipients_is_a_clue() -> None:
    text = SUBJECT + "Kính gửi: Sở Khoa học và Công nghệ tỉnh Bà Rịa - Vũng Tàu\n" + (
        "Thực hiện Kế hoạch số 02-KH/BCĐTW, UBND xã Thanh An báo cáo như sau:\n"
    ) + BODY
    row = _meta(text)
    assert (row["province"], row["commune_match"], row["commune_code"], row["province_code"]) == ("Bà Rịa - Vũng Tàu", "inferred", 25807, 79)


def test_state_header_under_a_provincial_line_keeps_only_the_issuing_body() -> None:
    text = "UBND TỈNH HÀ TĨNH\nUBND XÃ KỲ VĂN\nSố: /BC-UBND\n" + SUBJECT + BODY
    row = _meta(text)
    assert (row["issuer"], row["commune"], row["province"], row["commune_code"]) == ("UBND XÃ KỲ VĂN", "Kỳ Văn", "Hà Tĩnh", 18787)


# --- commune without a header ---------------------------------------------------------------
OPENING_001 = (
    "Kính gửi: Sở Khoa học và Công nghệ tỉnh Thái Nguyên\n"
    "Thực hiện Công văn số 3691/UBND-KGVX ngày 30/9/2025 của UBND tỉnh Thái Nguyên về việc tổng hợp, "
    "tham mưu báo cáo các nội dung thực hiện Kế hoạch số 02-KH/BCĐTW của Ban Chỉ đạo Trung ương "
    "(định kỳ hằng tuần), UBND xã Phượng Tiến báo cáo kết quả thực hiện như sau:\n"
)


def test_reporting_body_in_the_opening_names_issuer_and_commune() -> None:
    row = _meta(SUBJECT + OPENING_001 + BODY)
    assert (row["issuer"], row["issuer_kind"], row["commune"]) == ("UBND xã Phượng Tiến", "state", "Phượng Tiến")
    assert (row["province"], row["commune_code"], row["province_code"]) == ("Thái Nguyên", 5563, 19)
    assert row["recipients"] == "Sở Khoa học và Công nghệ tỉnh Thái Nguyên"
    assert (row["doc_symbol"], row["place"], row["report_year"]) == (None, None, None)


def test_party_reporting_body_with_uy_tone_variant() -> None:
    opening = (
        "Thực hiện Công văn số 183-CV/UBKTTU, ngày 05/9/2025 của Uỷ ban Kiểm tra Thành uỷ Hải Phòng về việc "
        "phối hợp báo cáo. Đảng uỷ xã Gia Phúc báo cáo kết quả thực hiện từ ngày 20/10/2025 đến 24/10/2025 như sau:\n"
    )
    row = _meta(SUBJECT + opening + BODY, with_dates=True)
    assert (row["issuer"], row["issuer_kind"]) == ("Đảng ủy xã Gia Phúc", "party")
    assert (row["province"], row["province_code"], row["commune_code"]) == ("Hải Phòng", 31, 11050)
    assert (row["period_start"], row["period_end"]) == (dt.date(2025, 10, 20), dt.date(2025, 10, 24))


def test_reporting_body_in_the_closing() -> None:
    closing = (
        "Trên đây là báo cáo kết quả giám sát thường xuyên việc thực hiện Kế hoạch số 02-KH/BCĐTW của "
        "Đảng uỷ xã Gia Phúc từ ngày 20/10 đến ngày 24/10/2025.\n"
    )
    row = _meta(SUBJECT + "Thực hiện Kế hoạch số 02-KH/BCĐTW, Đảng ủy báo cáo như sau:\n" + BODY + closing)
    assert (row["issuer"], row["commune"], row["commune_code"]) == ("Đảng ủy xã Gia Phúc", "Gia Phúc", 11050)


def test_front_issuer() -> None:
    opening = "Thực hiện Kế hoạch số 02-KH/BCĐTW, Ủy ban MTTQ Việt Nam xã Phượng Tiến báo cáo như sau:\n"
    row = _meta(SUBJECT + opening + BODY)
    assert (row["issuer"], row["issuer_kind"]) == ("Ủy ban MTTQ Việt Nam xã Phượng Tiến", "front")


def test_ambiguous_name_without_province_clue() -> None:
    text = SUBJECT + "Thực hiện Kế hoạch số 02-KH/BCĐTW, UBND xã Bình Minh báo cáo như sau:\n" + BODY
    row = _meta(text)
    assert (row["commune"], row["commune_match"], row["commune_code"], row["province_code"]) == ("Bình Minh", "ambiguous", None, None)
    assert _checks(text) == ["commune_ambiguous"]


def test_ambiguous_name_with_recipient_clue_is_inferred() -> None:
    text = SUBJECT + "Kính gửi: Sở Khoa học và Công nghệ tỉnh Ninh Bình\n" + (
        "Thực hiện Kế hoạch số 02-KH/BCĐTW, UBND xã Bình Minh báo cáo như sau:\n"
    ) + BODY
    row = _meta(text)
    assert (row["commune_match"], row["commune_code"], row["province"], row["province_code"]) == ("inferred", 14623, "Ninh Bình", 37)
    assert _checks(text) == []


def test_system_mention_anywhere_is_a_weak_clue() -> None:
    text = SUBJECT + "Thực hiện Kế hoạch số 02-KH/BCĐTW, UBND xã Bình Minh báo cáo như sau:\n" + BODY + (
        "- 100% cán bộ công chức được cấp và sử dụng Mail công vụ của Thành phố Hà Nội.\n"
    )
    row = _meta(text)
    assert (row["commune_match"], row["commune_code"], row["province"]) == ("inferred", 10141, "Hà Nội")


def test_commune_followed_by_its_province_is_exact() -> None:
    text = SUBJECT + "Thực hiện Kế hoạch số 02-KH/BCĐTW, UBND xã Bình Minh báo cáo như sau:\n" + BODY + (
        "- Trung tâm Phục vụ hành chính công xã Bình Minh, tỉnh Đồng Nai đã tiếp nhận 49 hồ sơ.\n"
    )
    row = _meta(text)
    assert (row["commune_match"], row["commune_code"], row["province_code"]) == ("exact", 26278, 75)


def test_pre_merger_name_gives_none_and_a_warning() -> None:
    text = "ỦY BAN NHÂN DÂN\nTHỊ TRẤN ĐU\nSố: /BC-UBND\n" + SUBJECT + BODY
    row = _meta(text)
    assert (row["commune"], row["commune_type"], row["commune_match"], row["commune_code"]) == ("Đu", "thị trấn", "none", None)
    assert _checks(text) == ["commune_not_found"]


def test_no_commune_at_all() -> None:
    row = _meta(SUBJECT + "Thực hiện Kế hoạch số 02-KH/BCĐTW, đơn vị báo cáo như sau:\n" + BODY)
    assert (row["commune"], row["commune_match"], row["issuer"], row["issuer_kind"]) == (None, "none", None, None)


# --- recipients and signer --------------------------------------------------------------------
def test_several_recipients_are_joined() -> None:
    text = SUBJECT + "Kính gửi:\n- Ủy ban nhân dân tỉnh Thái Nguyên;\n- Sở Khoa học và Công nghệ tỉnh Thái Nguyên.\n" + BODY
    assert _meta(text)["recipients"] == "Ủy ban nhân dân tỉnh Thái Nguyên; Sở Khoa học và Công nghệ tỉnh Thái Nguyên"


FOOTER = "Trên đây là báo cáo kết quả thực hiện./.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"


def test_signer_block_in_mixed_case() -> None:
    row = _meta(STATE_HEADER + SUBJECT + BODY + FOOTER + "Kt. Chủ tịch\nPhó Chủ tịch\n\nLa Thị Huệ\n")
    assert (row["signer_authority"], row["signer_title"], row["signer_name"]) == ("KT. Chủ tịch", "Phó Chủ tịch", "La Thị Huệ")


def test_state_signer_block() -> None:
    row = _meta(STATE_HEADER + SUBJECT + BODY + FOOTER + "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLa Thị Huệ\n")
    assert (row["signer_authority"], row["signer_title"], row["signer_name"]) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "La Thị Huệ")


def test_authority_marker_gets_its_space() -> None:
    row = _meta(STATE_HEADER + SUBJECT + BODY + FOOTER + "TM.ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An\n")
    assert (row["signer_authority"], row["signer_title"]) == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")


def test_party_signer_block() -> None:
    row = _meta(PARTY_HEADER + SUBJECT + BODY + FOOTER + "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nĐỗ Văn Tiến\n")
    assert (row["signer_authority"], row["signer_title"], row["signer_name"]) == ("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Đỗ Văn Tiến")


def test_unsigned_report_has_no_signer() -> None:
    row = _meta(STATE_HEADER + SUBJECT + BODY + FOOTER)
    assert (row["signer_authority"], row["signer_title"], row["signer_name"]) == (None, None, None)


# --- period and report date from the dates rows -----------------------------------------------
def test_period_from_the_weekly_range() -> None:
    text = STATE_HEADER + SUBJECT + "(Đến ngày 14/12/2025)\n" + BODY + (
        "4. Kết quả thực hiện TTHC\n* Trong tuần (từ ngày 09/12 đến 14/12/2025):\n"
        "Trên đây là báo cáo kết quả thực hiện Kế hoạch số 02-KH/BCĐTW từ 09/12 đến 14/12/2025, "
        "UBND xã Phước Giang kính báo cáo Đảng ủy xã./.\n"
    )
    row = _meta(text, with_dates=True)
    assert (row["period_start"], row["period_end"]) == (dt.date(2025, 12, 9), dt.date(2025, 12, 14))


def test_open_ended_range_in_the_body_is_not_the_period() -> None:
    body = (
        "1. Về pháp lý\n- Ban Thường vụ Đảng ủy xã Phượng Tiến đã triển khai thực hiện nghiêm túc các kết luận "
        "(từ ngày 01/7/2025 đến nay), cụ thể:\n4. Kết quả thực hiện thủ tục hành chính (số liệu tính đến hết ngày 02/10/2025)\n"
    )
    row = _meta(SUBJECT + OPENING_001 + body, with_dates=True)
    assert (row["period_start"], row["period_end"]) == (None, None)


def test_report_date_from_the_place_date_line() -> None:
    row = _meta(PARTY_HEADER + SUBJECT + BODY, with_dates=True)
    assert (row["report_date"], row["report_year"], row["place"]) == (dt.date(2025, 10, 24), 2025, "Bình Minh")


def test_report_date_row_is_preferred() -> None:
    doc = document_from_text(PARTY_HEADER + SUBJECT + BODY)
    start = doc.text.index("ngày 24")
    facts: Facts = {"dates": [{"role": "report_date", "date": dt.date(2025, 10, 25), "year": 2025, "span_start": start, "span_end": start + 1}]}
    assert extract_metadata(doc, facts)["documents"][0]["report_date"] == dt.date(2025, 10, 25)


# --- samples and gold -----------------------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed", SEEDS)
def test_samples_match_gold(seed: str, fmt: str) -> None:
    gold = json.loads((ROOT / "data" / "gold" / seed / "metadata.json").read_text(encoding="utf-8"))
    row = run_components(sample(seed, fmt), only=("dates", "references", "metadata"))["documents"][0]
    got = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}
    assert {k: got[k] for k in gold} == gold


def test_row_has_exactly_the_documents_fields() -> None:
    row = _meta(STATE_HEADER + SUBJECT + BODY)
    assert set(row) == {
        "issuer", "issuer_kind", "commune", "commune_type", "province", "commune_code", "commune_name",
        "province_code", "province_name", "commune_match", "doc_symbol", "doc_number", "place",
        "report_date", "report_year", "period_start", "period_end", "recipients", "signer_authority",
        "signer_title", "signer_name", "title",
    }


# --- property --------------------------------------------------------------------------------
PIECES = st.sampled_from([
    "ỦY BAN NHÂN DÂN", "XÃ BÌNH MINH", "Số: /BC-UBND", "Số 12-BC/ĐU", "Phước Giang, ngày 24 tháng 10 năm 2025",
    "BÁO CÁO", "Kính gửi:", "- Sở Khoa học và Công nghệ tỉnh", "UBND xã Phượng Tiến báo cáo", "tỉnh Thái Nguyên",
    "thành phố", "xã", "phường Kim", "KT. CHỦ TỊCH", "T/M", "Nơi nhận:", "1. Về pháp lý", "(Đến ngày 14/12/2025)",
    "từ ngày 09/12 đến", "Đảng uỷ xã", "\n", " ", "-", ",", "*",
])


VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
CHARS = st.sampled_from(list(VIETNAMESE + VIETNAMESE.upper() + "0123456789 .,;:/-–()*+\n\t"))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(alphabet=CHARS, max_size=20)), max_size=30))
def test_never_raises_and_evidence_is_a_slice(parts: list[str]) -> None:
    text = "\n".join(parts)
    doc = document_from_text(text)
    out = run_components(doc, only=("dates", "references", "metadata"))
    assert len(out["documents"]) == 1
    for r in out.get("checks", []):
        assert doc.text[r["char_start"] : r["char_end"]] == r["evidence"]


def test_text_fallbacks_when_the_report_has_no_title() -> None:
    text = (
        "Kính gửi:\n- Ủy ban nhân dân tỉnh Thái Nguyên;\n- Sở Khoa học và Công nghệ.\n"
        "UBND xã Phượng Tiến báo cáo kết quả thực hiện như sau:\n1. Về pháp lý\n"
    )
    row = _meta(text)
    assert row["recipients"] == "Ủy ban nhân dân tỉnh Thái Nguyên; Sở Khoa học và Công nghệ"
    assert (row["issuer"], row["commune_code"], row["province"]) == ("UBND xã Phượng Tiến", 5563, "Thái Nguyên")
