"""Tests of the findings extractor on report text written in the style of the samples, and
its scores against the gold of the samples and the development reports."""

from __future__ import annotations

from pathlib import Path

from extractors.findings import category_of, extract_findings
from pipeline.build import document_from_text
from pipeline.evaluate_findings import score_findings
from pipeline.textforms import fold

ROOT = Path(__file__).resolve().parents[2]

REPORT = """ỦY BAN NHÂN DÂN
XÃ HÒA BÌNH
BÁO CÁO
Kết quả chuyển đổi số tuần
1. Về hạ tầng
- Xã có 20 máy tính để bàn.
- Một số khó khăn, vướng mắc: Đường truyền internet tại các thôn xa thường xuyên gián đoạn; Bộ phận một cửa còn thiếu 01 máy scan.
- Đề xuất: Đề nghị Sở Tài chính bố trí kinh phí mua máy scan cho xã.
2. Nhận xét
2.1. Ưu điểm
Cán bộ, công chức được tập huấn kỹ năng số đầy đủ.
2.2. Hạn chế
- Hạn chế:
Người dân cao tuổi còn chưa quen sử dụng dịch vụ công trực tuyến.
- Nguyên nhân: chưa có văn bản hướng dẫn cụ thể của cấp trên.
3. Tài chính: Kính đề nghị UBND tỉnh quan tâm hỗ trợ kinh phí.
Nơi nhận:
- Như trên;
"""


def _findings(text: str) -> list[tuple[str, str, str | None, str]]:
    rows = extract_findings(document_from_text(text), {})["findings"]
    return [(r["kind"], r["category"], r["addressee"], r["text"]) for r in rows]


def test_every_part_and_labelled_line_gives_rows_with_kind_category_and_addressee() -> None:
    assert _findings(REPORT) == [
        ("difficulty", "network_connectivity", None, "Đường truyền internet tại các thôn xa thường xuyên gián đoạn"),
        ("difficulty", "infrastructure_equipment", None, "Bộ phận một cửa còn thiếu 01 máy scan."),
        ("recommendation", "finance", "Sở Tài chính", "Đề nghị Sở Tài chính bố trí kinh phí mua máy scan cho xã."),
        ("strength", "human_resources_training", None, "Cán bộ, công chức được tập huấn kỹ năng số đầy đủ."),
        ("limitation", "citizen_digital_skills", None, "Người dân cao tuổi còn chưa quen sử dụng dịch vụ công trực tuyến."),
        ("cause", "legal_guidance", None, "chưa có văn bản hướng dẫn cụ thể của cấp trên."),
        ("recommendation", "finance", "UBND tỉnh", "Kính đề nghị UBND tỉnh quan tâm hỗ trợ kinh phí."),
    ]


def test_evidence_is_the_sentence_in_the_stored_text() -> None:
    doc = document_from_text(REPORT)
    for row in extract_findings(doc, {})["findings"]:
        assert doc.text[row["char_start"]:row["char_end"]] == row["evidence"]
        assert row["text"] in row["evidence"]
        assert row["addressee_level"] in (None, "province", "department")


def test_nothing_to_report_and_remarks_are_not_findings() -> None:
    text = "1. Kết quả\n- Nguyên nhân hồ sơ quá hạn: không.\n2. Nhận xét\n- Công tác triển khai kịp thời.\n"
    assert _findings(text) == []


def test_category_is_the_earliest_and_most_specific_topic() -> None:
    assert category_of(fold("hạ tầng viễn thông chưa được đầu tư")) == "network_connectivity"
    assert category_of(fold("thiếu kinh phí để mua máy tính")) == "finance"
    assert category_of(fold("chưa có cơ chế thu hút nhân lực chất lượng cao")) == "human_resources_training"
    assert category_of(fold("mưa lũ kéo dài")) == "other"


def test_scores_on_the_development_reports_meet_the_targets() -> None:
    score = score_findings(ROOT / "data" / "dev", ROOT / "data" / "gold")
    assert score.gold >= 30 and score.matched / score.gold >= 0.9
    assert score.accuracy("kind") >= 0.90
    assert score.accuracy("category") >= 0.85


def test_categories_are_the_schema_values_and_requests_are_counted_per_report() -> None:
    from extractors.summary import request_columns
    from extractors.vocab.findings import CATEGORIES
    from schemas.findings import CATEGORIES as NAMES

    assert {p.name for p in CATEGORIES} | {"other"} == set(NAMES)
    doc = document_from_text(REPORT)
    counts = request_columns(extract_findings(doc, {})["findings"])
    assert counts["requests_finance"] == 2
    assert sum(counts.values()) == 2
