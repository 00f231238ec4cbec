"""Entities feed metadata: a commune named only in the signer's title or the recipient line is
resolved, the signer is a person with a title, and a passing mention never becomes the commune."""

from __future__ import annotations

from typing import Any

from extractors.metadata import extract_metadata
from extractors.registry import components, run_components
from pipeline.build import document_from_text

_SUBJECT = ("BÁO CÁO\nKết quả chuyển đổi số quý I năm 2025\n1. Bộ phận một cửa đã tiếp nhận 120 hồ sơ trực tuyến.\n"
            "2. Cán bộ đã học tập mô hình tại xã Tam Giang.\n")


def _run(text: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    doc = document_from_text(text)
    entities = run_components(doc, only=("entities",))["entities"]
    return extract_metadata(doc, {"entities": entities})["documents"][0], entities


def test_metadata_declares_it_reads_the_entities() -> None:
    order = [c.name for c in components()]
    meta = next(c for c in components() if c.name == "metadata")
    assert "entities" in meta.requires
    assert order.index("entities") < order.index("metadata")


def test_a_commune_named_only_in_the_signer_s_title_is_resolved() -> None:
    text = _SUBJECT + "Nơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH UBND XÃ PHƯỢNG TIẾN\nLê Văn Bình\n"
    meta, entities = _run(text)
    assert (meta["commune"], meta["commune_code"], meta["province_name"]) == ("Phượng Tiến", 5563, "Thái Nguyên")
    signer = [e for e in entities if e["kind"] == "person"]
    assert [(e["label"], e["text"], e["title"]) for e in signer] == [("PER", "Lê Văn Bình", "PHÓ CHỦ TỊCH UBND XÃ PHƯỢNG TIẾN")]


def test_without_the_entities_a_text_naming_two_communes_has_none() -> None:
    text = _SUBJECT + "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH UBND XÃ PHƯỢNG TIẾN\nLê Văn Bình\n"
    assert extract_metadata(document_from_text(text), {"entities": []})["documents"][0]["commune"] is None


def test_a_commune_body_in_the_recipient_line_gives_the_commune() -> None:
    text = ("TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG\nSố: 03/BC-TCNSCĐ\nBÁO CÁO\nKết quả hoạt động tháng 5 năm 2025\n"
            "Kính gửi: Đảng ủy xã Yên Phong, tỉnh Bắc Ninh.\n1. Tổ đã hướng dẫn 85 người dân cài đặt VNeID.\n")
    meta, _ = _run(text)
    assert (meta["commune"], meta["commune_code"], meta["province_name"], meta["commune_match"]) == (
        "Yên Phong", 9193, "Bắc Ninh", "exact")


def test_two_communes_in_the_recipient_line_give_none() -> None:
    text = ("TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG\nSố: 03/BC-TCNSCĐ\nBÁO CÁO\nKết quả hoạt động tháng 5 năm 2025\n"
            "Kính gửi: Đảng ủy xã Yên Phong; UBND xã Tam Giang.\n1. Tổ đã hướng dẫn 85 người dân tại xã Tam Giang cài đặt VNeID.\n")
    assert _run(text)[0]["commune"] is None


def test_a_passing_mention_in_the_body_never_becomes_the_commune() -> None:
    text = ("TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG\nSố: 03/BC-TCNSCĐ\nBÁO CÁO\nKết quả hoạt động tháng 5 năm 2025\n"
            "Kính gửi: Ban Chỉ đạo chuyển đổi số.\n1. Tổ đã học tập mô hình tại xã Tam Giang và xã Yên Phong.\n"
            "TỔ TRƯỞNG\nNguyễn Thị Hoa\n")
    meta, entities = _run(text)
    assert meta["commune"] is None
    assert {e["normalized"] for e in entities if e["label"] == "LOC"} >= {"xã Tam Giang", "xã Yên Phong"}


def test_the_header_commune_wins_over_the_signer_s_title() -> None:
    text = ("ỦY BAN NHÂN DÂN\nXÃ YÊN PHONG\nSố: 5/BC-UBND\n" + _SUBJECT
            + "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH UBND XÃ ĐÔNG HÒA\nLê Văn Bình\n")
    assert _run(text)[0]["commune"] == "Yên Phong"
