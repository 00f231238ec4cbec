"""Tests of entity recognition: the rules on sentences written in the style of the reports,
and the official codes they resolve."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.entity_rules import rule_entities
from extractors.registry import run_components
from pipeline.build import document_from_text

REPORT = """ỦY BAN NHÂN DÂN
XÃ PHƯỢNG TIẾN
Số: 15/BC-UBND
Phượng Tiến, ngày 10 tháng 10 năm 2025
BÁO CÁO
Kính gửi: Sở Khoa học và Công nghệ tỉnh Thái Nguyên.
Thực hiện Công văn số 3691/UBND-KGVX của UBND tỉnh Thái Nguyên, UBND xã báo cáo như sau:
1. Về nguồn nhân lực
- Ông Hoàng Văn Toàn, công chức văn hóa - xã hội, hướng dẫn người dân thôn Khuôn Lân cài đặt VNeID.
- Ban Thường vụ Tỉnh ủy Thái Nguyên chỉ đạo Trung tâm Phục vụ hành chính công xã sử dụng Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.
Trên đây là báo cáo kết quả thực hiện của xã./.
Nơi nhận:
- Như trên;
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Thị Mai
"""


def _spans(text: str) -> list[tuple[str, str, str]]:
    doc = document_from_text(text)
    return [(e.label, e.kind, doc.text[e.start:e.end]) for e in rule_entities(doc, 19)]


def test_bodies_units_systems_people_and_positions() -> None:
    found = _spans(REPORT)
    for expected in [
        ("ORG", "body", "ỦY BAN NHÂN DÂN"),
        ("LOC", "admin_unit", "XÃ PHƯỢNG TIẾN"),
        ("LOC", "admin_unit", "Phượng Tiến"),
        ("ORG", "body", "Sở Khoa học và Công nghệ tỉnh Thái Nguyên"),
        ("ORG", "body", "UBND tỉnh Thái Nguyên"),
        ("ORG", "body", "UBND xã"),
        ("PER", "person", "Hoàng Văn Toàn"),
        ("PER", "position", "công chức văn hóa - xã hội"),
        ("LOC", "admin_unit", "thôn Khuôn Lân"),
        ("ORG", "system", "VNeID"),
        ("ORG", "body", "Ban Thường vụ Tỉnh ủy Thái Nguyên"),
        ("ORG", "body", "Trung tâm Phục vụ hành chính công xã"),
        ("ORG", "system", "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh"),
        ("PER", "person", "Nguyễn Thị Mai"),
    ]:
        assert expected in found


def test_codes_in_document_symbols_are_not_bodies() -> None:
    texts = [t for _, _, t in _spans(REPORT)]
    assert texts.count("UBND") == 0


def test_units_resolve_to_official_codes_and_names() -> None:
    doc = document_from_text(REPORT)
    by_text = {doc.text[e.start:e.end]: e for e in rule_entities(doc, 19)}
    assert (by_text["XÃ PHƯỢNG TIẾN"].code, by_text["XÃ PHƯỢNG TIẾN"].normalized) == (5563, "xã Phượng Tiến")
    assert by_text["UBND tỉnh Thái Nguyên"].normalized == "Ủy ban nhân dân tỉnh Thái Nguyên"
    assert by_text["UBND tỉnh Thái Nguyên"].code == 19


def test_signer_is_a_person_with_title_and_rows_carry_evidence() -> None:
    doc = document_from_text(REPORT)
    rows = run_components(doc, only=("entities",))["entities"]
    signer = [r for r in rows if r["text"] == "Nguyễn Thị Mai"]
    assert len(signer) == 1 and signer[0]["label"] == "PER" and signer[0]["title"] == "CHỦ TỊCH"
    for row in rows:
        assert doc.text[row["char_start"]:row["char_end"]] == row["evidence"]
        assert row["source"] in ("rule", "model")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Lê", "lê", "ĐỨC", "Ê", "H'Hen", "h'", "A'", "xÃ", "’Ô", "1", " ", " ", "\t", "\n", ".", "-"]),
                max_size=12).map("".join))
def test_capitalised_pairs_are_found_where_a_lookbehind_first_finds_them(text: str) -> None:
    # the pattern looks for the capital first and never gives letters back: the same matches as it first was written
    import regex

    from extractors.entities import _CAPITALISED_PAIR

    written = regex.compile(r"(?<![\p{L}])[\p{Lu}][\p{L}']*(?=[ \t]+[\p{Lu}])")
    assert [m.span() for m in _CAPITALISED_PAIR.finditer(text)] == [m.span() for m in written.finditer(text)]
