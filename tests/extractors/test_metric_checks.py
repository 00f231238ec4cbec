"""Tests of the `metric_checks` rules: for each rule, a report whose numbers add up (no
check) and one whose numbers do not (one check), in the reports' own wording."""

from __future__ import annotations

import pytest

from extractors.metric_checks import metric_check_rows
from extractors.metrics import metric_rows
from pipeline.build import document_from_text
from tests.conftest import sample


def _checks(*lines: str) -> list[dict]:
    """The checks of a report whose section 4 holds `lines`."""
    doc = document_from_text("\n".join(("4. Kết quả thực hiện thủ tục hành chính", *lines)))
    return metric_check_rows(doc, metric_rows(doc))


def _rules(*lines: str) -> list[tuple[str, str]]:
    return [(c["rule"], c["severity"]) for c in _checks(*lines)]


@pytest.mark.parametrize(("lines", "expected"), [
    (("- Tổng số hồ sơ tiếp nhận 49 hồ sơ (trực tuyến 49, không có trực tiếp).",), []),
    (("- Tổng số hồ sơ tiếp nhận 49 hồ sơ (trực tuyến 40, trực tiếp 5).",), [("dossiers_received_sum", "warning")]),
    (("+ Số hồ sơ nộp trực tuyến toàn trình: 1794 chiếm 66,64%", "+ Số hồ sơ nộp trực tuyến một phần: 887 chiếm 32,95%",
      "+ Số hồ sơ nộp trực tiếp: 11 chiếm 0,41%", "+ Tổng số hồ sơ tiếp nhận, giải quyết trong kỳ: 2692"), []),
    (("+ Số hồ sơ nộp trực tuyến toàn trình: 1794", "+ Số hồ sơ nộp trực tuyến một phần: 887",
      "+ Số hồ sơ nộp trực tiếp: 11", "+ Tổng số hồ sơ tiếp nhận, giải quyết trong kỳ: 2700"),
     [("dossiers_received_sum", "warning")]),
], ids=["received-adds-up", "received-short", "channels-add-up", "channels-short"])
def test_received_sum(lines: tuple[str, ...], expected: list) -> None:
    assert _rules(*lines) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("- Tổng số hồ sơ tiếp nhận 49 hồ sơ, kỳ trước chuyển sang 53 hồ sơ, tổng cộng 102 hồ sơ.", []),
    ("- Tổng số hồ sơ tiếp nhận 49 hồ sơ, kỳ trước chuyển sang 53 hồ sơ, tổng cộng 120 hồ sơ.",
     [("dossiers_total_sum", "warning")]),
])
def test_total_sum(line: str, expected: list) -> None:
    assert _rules(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("- Đã giải quyết 60 hồ sơ (trước hạn 50, đúng hạn 9, quá hạn 1).", []),
    ("- Đã giải quyết 60 hồ sơ (trước hạn 50, đúng hạn 5, quá hạn 1).", [("dossiers_resolved_sum", "warning")]),
])
def test_resolved_sum(line: str, expected: list) -> None:
    assert _rules(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("- Hồ sơ đang giải quyết 30 hồ sơ (trong hạn 28, quá hạn đang xử lý 2).", []),
    ("- Hồ sơ đang giải quyết 30 hồ sơ (trong hạn 20, quá hạn đang xử lý 2).", [("dossiers_in_progress_sum", "warning")]),
])
def test_in_progress_sum(line: str, expected: list) -> None:
    assert _rules(line) == expected


@pytest.mark.parametrize(("lines", "expected"), [
    (("+ Số hồ sơ nộp trực tuyến toàn trình: chiếm 66,64%", "+ Số hồ sơ nộp trực tuyến một phần: chiếm 32,95%",
      "+ Số hồ sơ nộp trực tiếp: chiếm 0,41%"), []),
    (("+ Số hồ sơ nộp trực tuyến toàn trình: chiếm 66,64%", "+ Số hồ sơ nộp trực tuyến một phần: chiếm 30,95%",
      "+ Số hồ sơ nộp trực tiếp: chiếm 0,41%"), [("dossiers_channel_shares_sum", "warning")]),
])
def test_channel_shares_sum(lines: tuple[str, ...], expected: list) -> None:
    assert _rules(*lines) == expected


@pytest.mark.parametrize(("share", "expected"), [
    ("66,64%", []),
    ("76,64%", [("share_matches_counts", "warning"), ("dossiers_channel_shares_sum", "warning")]),
])
def test_share_matches_counts(share: str, expected: list) -> None:
    lines = (f"+ Số hồ sơ nộp trực tuyến toàn trình: 1794 chiếm {share}", "+ Số hồ sơ nộp trực tuyến một phần: 887 chiếm 32,95%",
             "+ Số hồ sơ nộp trực tiếp: 11 chiếm 0,41%", "+ Tổng số hồ sơ tiếp nhận, giải quyết trong kỳ: 2692")
    assert sorted(_rules(*lines)) == sorted(expected)


def test_procedure_share_matches_counts() -> None:
    ok = ("- Dịch vụ công trực tuyến toàn trình: 211 TTHC.", "- Trực tuyến toàn trình: Tiếp nhận 11 TTHC phát sinh = 5,2%.")
    bad = ("- Dịch vụ công trực tuyến toàn trình: 211 TTHC.", "- Trực tuyến toàn trình: Tiếp nhận 11 TTHC phát sinh = 15,2%.")
    assert _rules(*ok) == []
    assert _rules(*bad) == [("share_matches_counts", "warning")]


@pytest.mark.parametrize(("line", "expected"), [
    ("- Tổng số hồ sơ tiếp nhận 49 hồ sơ, kỳ trước chuyển sang 53 hồ sơ, tổng cộng 102 hồ sơ. "
     "Hồ sơ đang trong thời hạn giải quyết 48 hồ sơ.", []),
    ("- Tổng số hồ sơ tiếp nhận 49 hồ sơ, kỳ trước chuyển sang 53 hồ sơ, tổng cộng 102 hồ sơ. "
     "Hồ sơ đang trong thời hạn giải quyết 483 hồ sơ.", [("part_exceeds_total", "error")]),
])
def test_part_exceeds_total(line: str, expected: list) -> None:
    assert _rules(line) == expected


def test_cumulative_is_not_compared_with_the_period() -> None:
    lines = ("- Tổng số hồ sơ tiếp nhận trong kỳ: 10 hồ sơ.", "- Hồ sơ đang xử lý (lũy kế): 40 hồ sơ.",
             "- Hồ sơ quá hạn đang xử lý trong kỳ: 1 hồ sơ.")
    assert _rules(*lines) == []


def test_check_evidence_is_the_total_sentence() -> None:
    (check,) = _checks("- Tổng số hồ sơ tiếp nhận 49 hồ sơ, kỳ trước chuyển sang 53 hồ sơ, tổng cộng 120 hồ sơ.")
    assert check["evidence"].startswith("- Tổng số hồ sơ tiếp nhận 49 hồ sơ")
    assert check["metrics"] == "dossiers_total,dossiers_received,dossiers_carried_over"
    assert "120" in check["message"]


def test_sample_000_flags_in_progress_larger_than_total() -> None:
    doc = sample("000_3f443abda9bde363", "txt")
    checks = metric_check_rows(doc, metric_rows(doc))
    assert [(c["rule"], c["severity"], c["metrics"]) for c in checks] == [
        ("part_exceeds_total", "error", "dossiers_in_progress_on_time,dossiers_total"),
    ]


@pytest.mark.parametrize(("total", "expected"), [
    ("49", []),
    ("51", [("dossiers_total_sum", "warning")]),
])
def test_label_value_list_is_checked(total: str, expected: list) -> None:
    lines = ("- Hồ sơ kỳ trước chuyển sang: 12",
             "- Hồ sơ tiếp nhận mới: 37 (trực tuyến toàn trình: 20; trực tuyến một phần: 15; trực tiếp: 02)",
             f"- Tổng cộng hồ sơ phải giải quyết: {total}", "- Đã giải quyết: 40 (trước hạn 31, đúng hạn 9)",
             "- Đang giải quyết: 9, trong đó quá hạn 0")
    assert _rules(*lines) == expected


@pytest.mark.parametrize(("lines", "expected"), [
    (("Tổng số TTHC | Toàn trình | Một phần | Trực tiếp", "298 | 142 | 131 | 25"), []),
    (("Tổng số TTHC | Toàn trình | Một phần | Trực tiếp", "298 | 142 | 131 | 35"), [("procedures_total_sum", "warning")]),
    (("- Tổng số TTHC được niêm yết công khai: 312 thủ tục; trong đó toàn trình 160, một phần, trực tiếp 152 thủ tục.",),
     []),
    (("- Tổng số TTHC được niêm yết công khai: 312 thủ tục; trong đó toàn trình 160, một phần, trực tiếp 142 thủ tục.",),
     [("procedures_total_sum", "warning")]),
], ids=["table-adds-up", "table-short", "joint-adds-up", "joint-short"])
def test_procedures_sum(lines: tuple[str, ...], expected: list) -> None:
    assert _rules(*lines) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("- Đã giải quyết 640 hồ sơ, trong đó trước và đúng hạn 630 hồ sơ, quá hạn 10 hồ sơ.", []),
    ("- Đã giải quyết 640 hồ sơ, trong đó giải quyết sớm hạn và đúng hạn 600 hồ sơ, trễ hạn 12 hồ sơ.",
     [("dossiers_resolved_sum", "warning")]),
    ("- Đã giải quyết 75 hồ sơ, trong đó đúng và trước hạn 70 hồ sơ, quá hạn 5 hồ sơ.", []),
], ids=["joint-adds-up", "joint-short", "joint-other-order"])
def test_resolved_sum_with_early_and_on_time_stated_jointly(line: str, expected: list) -> None:
    assert _rules(line) == expected


def test_joint_early_and_on_time_is_an_on_time_figure_with_its_qualifier() -> None:
    doc = document_from_text("4. Kết quả\n- Giải quyết trước và đúng hạn 315 hồ sơ, đúng hạn 12 hồ sơ.")
    assert [(r["metric"], r["value"], r["qualifier"]) for r in metric_rows(doc)] == [
        ("dossiers_resolved_on_time", 315.0, "early_and_on_time"), ("dossiers_resolved_on_time", 12.0, None)]
