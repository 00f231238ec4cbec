"""Tests of the `metrics` extractor: real sentences from the samples and sentences written in
their style, the gold of the three samples in every format, and a property test."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.metrics import metric_rows
from pipeline.build import document_from_text
from tests.conftest import FORMATS, ROOT, SEEDS, sample


def _metrics(text: str) -> list[tuple[str, float, str]]:
    """(metric, value, unit) of every row read from `text`, in reading order."""
    return [(r["metric"], r["value"], r["unit"]) for r in metric_rows(document_from_text(text))]


def _section(heading: str, *lines: str) -> str:
    """A minimal report body: one numbered section with its lines."""
    return "\n".join((heading, *lines))


TTHC = "4. Kết quả thực hiện thủ tục hành chính"


@pytest.mark.parametrize(("line", "expected"), [
    ("Tổng số dịch vụ công trực tuyến toàn trình: Đã cung cấp 134 thủ tục.",
     [("procedures_online_full", 134.0, "count")]),
    ("- Số lượng thủ tục hành chính thực hiện theo hình thức dịch vụ công trực tuyến toàn trình: 211 TTHC, "
     "một phần: 137 TTHC, trực tiếp cho từng loại thủ tục hành chính và cho từng cấp: 21 TTHC.",
     [("procedures_online_full", 211.0, "count"), ("procedures_online_partial", 137.0, "count"),
      ("procedures_direct", 21.0, "count")]),
    ("- Tỷ lệ thực hiện từng loại TTHC theo hình thức trực tiếp DVC trực tuyến toàn trình: Tiếp nhận 11 TTHC "
     "phát sinh = 5,2%, một phần: Tiếp nhận 8 TTHC phát sinh = 5,8% trên tổng số TTHC được phân cấp.",
     [("procedures_online_full_with_dossiers", 11.0, "count"), ("procedures_online_full_with_dossiers_pct", 5.2, "percent"),
      ("procedures_online_partial_with_dossiers", 8.0, "count"), ("procedures_online_partial_with_dossiers_pct", 5.8, "percent")]),
    ("- Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của xã đã niêm yết công khai: 375 thủ tục.",
     [("procedures_total", 375.0, "count")]),
    ("- Cung cấp dịch vụ công một phần, trực tiếp 150 thủ tục.", [("procedures_partial_or_direct", 150.0, "count")]),
])
def test_procedures(line: str, expected: list) -> None:
    assert _metrics(_section(TTHC, line)) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("- Tổng số hồ sơ tiếp nhận 49 hồ sơ (trực tuyến 49, không có trực tiếp), kỳ trước chuyển sang 53 hồ sơ, "
     "tổng cộng 102 hồ sơ.",
     [("dossiers_received", 49.0, "count"), ("dossiers_received_online", 49.0, "count"),
      ("dossiers_received_direct", 0.0, "count"), ("dossiers_carried_over", 53.0, "count"),
      ("dossiers_total", 102.0, "count")]),
    ("- Đã giải quyết trước hạn 53 hồ sơ, không có hồ sơ quá hạn.",
     [("dossiers_resolved_early", 53.0, "count"), ("dossiers_resolved_overdue", 0.0, "count")]),
    ("- Hồ sơ đang trong thời hạn giải quyết 483 hồ sơ, hồ sơ xin rút: 01.",
     [("dossiers_in_progress_on_time", 483.0, "count"), ("dossiers_withdrawn", 1.0, "count")]),
    ("- Hồ sơ được số hóa đạt 100%.", [("dossiers_digitized_pct", 100.0, "percent")]),
    ("+ Số hồ sơ nộp trực tuyến toàn trình: 1794 chiếm 66,64%",
     [("dossiers_received_online_full", 1794.0, "count"), ("dossiers_online_full_pct", 66.64, "percent")]),
    ("+ Số hồ sơ nộp trực tuyến một phần: 887 chiếm 32,95%",
     [("dossiers_received_online_partial", 887.0, "count"), ("dossiers_online_partial_pct", 32.95, "percent")]),
    ("+ Tổng số hồ sơ tiếp nhận, giải quyết trong kỳ: 5.091", [("dossiers_received", 5091.0, "count")]),
    ("+ Tổng số hồ sơ xử lý đúng hạn: 2691", [("dossiers_resolved_on_time", 2691.0, "count")]),
    ("+ Tổng số hồ sơ chậm được tiếp nhận (các hồ sơ tiếp nhận trực tiếp thủ công do cán bộ nhập vào hệ thống "
     "bị chậm): 0", [("dossiers_received_late", 0.0, "count")]),
    ("+ Tổng số hồ sơ giải quyết quá hạn (đã hoàn thành việc xử lý): 1", [("dossiers_resolved_overdue", 1.0, "count")]),
    ("- Tổng hồ sơ đang xử lý: 0 Hồ sơ.", [("dossiers_in_progress", 0.0, "count")]),
    ("- Tiếp nhận 120 hồ sơ, trong đó 100 hồ sơ trực tuyến, 20 hồ sơ trực tiếp.",
     [("dossiers_received", 120.0, "count"), ("dossiers_received_online", 100.0, "count"),
      ("dossiers_received_direct", 20.0, "count")]),
])
def test_dossiers(line: str, expected: list) -> None:
    assert _metrics(_section(TTHC, line)) == expected


def test_overdue_in_progress_qualifiers() -> None:
    text = _section(
        TTHC,
        "+ Tổng số hồ sơ giải quyết quá hạn đang xử lý (đối với hồ sơ tiếp nhận trong kỳ báo cáo): 0",
        "+ Tổng số hồ sơ giải quyết quá hạn đang xử lý (Tính lũy kế đến kỳ báo cáo): 0",
    )
    rows = metric_rows(document_from_text(text))
    assert [(r["metric"], r["value"], r["qualifier"]) for r in rows] == [
        ("dossiers_in_progress_overdue", 0.0, "in_period"),
        ("dossiers_in_progress_overdue", 0.0, "cumulative"),
    ]


def test_period_header_gives_week_and_period_text() -> None:
    text = _section(TTHC, "* Trong tuần (từ ngày 09/12 đến 14/12/2025):", "- Tổng số hồ sơ tiếp nhận 49 hồ sơ.")
    (row,) = metric_rows(document_from_text(text))
    assert (row["qualifier"], row["period_text"]) == ("in_week", "Trong tuần (từ ngày 09/12 đến 14/12/2025)")


def test_approximation_qualifier() -> None:
    (row,) = metric_rows(document_from_text(_section(TTHC, "- Tiếp nhận khoảng 300 hồ sơ.")))
    assert row["qualifier"] == "approximately"


@pytest.mark.parametrize(("heading", "line", "expected"), [
    ("3.1. Nguồn nhân lực", "- Đội ngũ công chức được bố trí đủ (thực hiện bố trí 03 công chức tiếp nhận hồ sơ và "
     "hợp đồng Bưu điện hỗ trợ người dân nộp hồ sơ, trả kết quả).", [("service_center_staff", 3.0, "count")]),
    ("3. Nguồn nhân lực", "- Trung tâm phân công 03 công chức tiếp nhận và giải quyết thủ tục hành chính cụ thể như sau:",
     [("service_center_staff", 3.0, "count")]),
    ("3. Nguồn nhân lực", "+ 01 công chức tiếp nhận hồ sơ lĩnh vực Tư pháp - Đối ngoại - Tiếp công dân.", []),
    ("3. Nguồn nhân lực", "- Các phòng chuyên môn cử công chức trực tại Trung tâm và có 01 cán bộ Bưu điện hỗ trợ "
     "hướng dẫn công dân.", [("postal_support_staff", 1.0, "count")]),
    ("3. Nguồn nhân lực", "Thành lập các Tổ/nhóm công nghệ: Đã có 29 Tổ công nghệ số cộng đồng.",
     [("community_digital_teams", 29.0, "count")]),
    ("3. Nguồn nhân lực", "- Biên chế được giao 22, có mặt 20 cán bộ, công chức.",
     [("staff_quota", 22.0, "count"), ("staff_present", 20.0, "count")]),
    ("3. Nguồn nhân lực", "100% cán bộ, công chức được tập huấn kỹ năng số trên nền tảng trực tuyến.",
     [("staff_trained_pct", 100.0, "percent")]),
    ("3. Nguồn nhân lực", "Hướng dẫn về sử dụng công nghệ: Tổ chức tập huấn kỹ năng số cho cán bộ, công chức đạt 100%.",
     [("staff_trained_pct", 100.0, "percent")]),
    ("3. Nguồn nhân lực", "Tiếp tục đào tạo cho cán bộ công chức, phấn đấu đạt 100% cán bộ sử dụng thành thạo.", []),
])
def test_staff(heading: str, line: str, expected: list) -> None:
    assert _metrics(_section(heading, line)) == expected


@pytest.mark.parametrize(("heading", "line", "expected"), [
    ("2.1. Về máy tính", "Trung tâm hiện bố trí 05 bộ máy tính để bàn (đã cài phần mềm diệt virus), cấu hình như sau:",
     [("computers_total", 5.0, "count")]),
    ("2.4. Mặt trận tổ quốc", "+ Máy tính: được trang bị 09 máy, có một số máy đời cũ.", [("computers_total", 9.0, "count")]),
    ("2.3. Hội đồng nhân dân", "Hiện nay còn thiếu 01 máy tính của đồng chí Phó chủ tịch HĐND xã.",
     [("computers_lacking", 1.0, "count")]),
    ("2. Về hạ tầng công nghệ", "UBND xã đã trang bị 02 bộ thiết bị họp trực tuyến phục vụ cho một phòng họp.",
     [("video_conference_sets", 2.0, "count")]),
    ("2.4. Về hạ tầng mạng", "- Trung tâm bố trí 01 đường truyền internet công cộng dùng để truy cập internet.",
     [("internet_lines", 1.0, "count")]),
    ("2.2. Về máy scan", "- Trung tâm có 04 máy scan loại Epson DS-410, Hp 3000 s4 (scan 2 mặt giấy A4);",
     [("scanners_total", 4.0, "count")]),
    ("2.3. Về máy in", "Trung tâm có 01 máy in hai mặt(brother HL-B2080DW); 03 máy in một mặt(canon 2900).",
     [("printers_total", 1.0, "count"), ("printers_total", 3.0, "count")]),
    ("1. Về pháp lý", "- UBND xã đã ban hành 05 văn bản chỉ đạo triển khai Kế hoạch số 02-KH/BCĐTW.",
     [("documents_issued", 5.0, "count")]),
])
def test_infrastructure_and_legal(heading: str, line: str, expected: list) -> None:
    assert _metrics(_section(heading, line)) == expected


@pytest.mark.parametrize("line", [
    "Quyết định số 296/QĐ-UBND ngày 09/8/2025 về việc thành lập tổ công nghệ số cộng đồng của 27 xóm.",
    "Ngày 29/9/2025 ban hành kế hoạch áp dụng hệ thống quản lý chất lượng ISO 9001:2015.",
    "- Thủ tục: Thu hồi Giấy chứng nhận (mã 1.012818.H24) và (mã H24.130-250729-6118).",
    "- Phối hợp với các nhà mạng để nâng cấp hạ tầng sóng 3G/4G/5G; chính quyền địa phương 02 cấp.",
    "- Cơ sở dữ liệu: Cơ sở dữ liệu đảng viên 3.0 sử dụng mạng nội bộ (Phụ lục 01 kèm theo).",
    "- Đạt 16/16 tiêu chí; Đề án 06; Nghị quyết 57; + RAM: 8 GB DDR4; + Cổng kết nối: USB 2.0.",
    "2.1.1. Bộ máy tính để bàn Công chức 1:",
])
def test_not_counts(line: str) -> None:
    assert _metrics(_section("2. Về hạ tầng công nghệ", line)) == []


def test_number_stated_twice_gives_two_rows() -> None:
    text = _section("3. Nguồn nhân lực", "Đã có 29 Tổ công nghệ số cộng đồng.", "Đã thành lập 29 Tổ công nghệ số cộng đồng cho 29 thôn.")
    assert _metrics(text) == [("community_digital_teams", 29.0, "count")] * 2


def test_value_on_the_line_after_its_label() -> None:
    text = _section(TTHC, "+ Tổng số hồ sơ giải quyết quá hạn đang xử lý (Tính lũy kế đến kỳ báo cáo):", "0")
    (row,) = metric_rows(document_from_text(text))
    assert (row["metric"], row["value"], row["qualifier"]) == ("dossiers_in_progress_overdue", 0.0, "cumulative")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_samples_match_gold(seed: str, fmt: str) -> None:
    gold = json.loads((ROOT / "data" / "gold" / seed / "metrics.json").read_text(encoding="utf-8"))
    rows = metric_rows(sample(seed, fmt))
    assert Counter((r["metric"], r["value"], r["unit"]) for r in rows) == Counter(
        (g["metric"], g["value"], g["unit"]) for g in gold
    )


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,%:;()/- \nhồsơtiếpnhậnTTHCcánbộmáytínhkhôngcó")), max_size=300))
def test_never_raises_and_evidence_is_a_slice(text: str) -> None:
    doc = document_from_text(text)
    for r in metric_rows(doc):
        assert doc.text[r["char_start"] : r["char_end"]] == r["evidence"]
        assert r["unit"] in ("count", "percent", "ratio")


def test_channel_written_after_the_noun() -> None:
    line = ("Tổng số TTHC thuộc thẩm quyền của xã: 312 thủ tục, trong đó 180 thủ tục dịch vụ công trực tuyến "
            "toàn trình, 132 thủ tục dịch vụ công trực tuyến một phần.")
    assert _metrics(_section(TTHC, line)) == [
        ("procedures_total", 312.0, "count"), ("procedures_online_full", 180.0, "count"),
        ("procedures_online_partial", 132.0, "count"),
    ]


def test_documents_pending_stated_after_the_noun() -> None:
    line = "UBND xã đã ban hành 12 văn bản chỉ đạo. Còn 02 văn bản đang xây dựng."
    assert _metrics(_section("1. Về pháp lý", line)) == [
        ("documents_issued", 12.0, "count"), ("documents_pending", 2.0, "count"),
    ]


def test_bare_number_takes_the_counted_noun_of_its_line() -> None:
    line = ("- Tổng số TTHC thuộc thẩm quyền giải quyết của phường được niêm yết công khai: 312 thủ tục; "
            "trong đó toàn trình 160, một phần, trực tiếp 152 thủ tục.")
    assert _metrics(_section(TTHC, line)) == [
        ("procedures_total", 312.0, "count"), ("procedures_online_full", 160.0, "count"),
        ("procedures_partial_or_direct", 152.0, "count"),
    ]


@pytest.mark.parametrize(("line", "expected"), [
    ("- Hồ sơ kỳ trước chuyển sang: 12", [("dossiers_carried_over", 12.0, "count")]),
    ("- Hồ sơ tiếp nhận mới: 37 (trực tuyến toàn trình: 20; trực tuyến một phần: 15; trực tiếp: 02)",
     [("dossiers_received", 37.0, "count"), ("dossiers_received_online_full", 20.0, "count"),
      ("dossiers_received_online_partial", 15.0, "count"), ("dossiers_received_direct", 2.0, "count")]),
    ("- Đã giải quyết: 40 (trước hạn 31, đúng hạn 9)",
     [("dossiers_resolved", 40.0, "count"), ("dossiers_resolved_early", 31.0, "count"),
      ("dossiers_resolved_on_time", 9.0, "count")]),
    ("- Đang giải quyết: 9, trong đó quá hạn 0",
     [("dossiers_in_progress", 9.0, "count"), ("dossiers_in_progress_overdue", 0.0, "count")]),
    ("- Kết quả: đã giải quyết 1.180 hồ sơ, trong đó trước hạn 950, đúng hạn 225, quá hạn 5; đang giải quyết "
     "65 hồ sơ; rút 0.",
     [("dossiers_resolved", 1180.0, "count"), ("dossiers_resolved_early", 950.0, "count"),
      ("dossiers_resolved_on_time", 225.0, "count"), ("dossiers_resolved_overdue", 5.0, "count"),
      ("dossiers_in_progress", 65.0, "count"), ("dossiers_withdrawn", 0.0, "count")]),
    ("- Tiếp nhận: 120 (toàn trình 80; một phần 30; trực tiếp 10)",
     [("dossiers_received", 120.0, "count"), ("dossiers_received_online_full", 80.0, "count"),
      ("dossiers_received_online_partial", 30.0, "count"), ("dossiers_received_direct", 10.0, "count")]),
    ("- Số hóa hồ sơ: 100%", [("dossiers_digitized_pct", 100.0, "percent")]),
    ("- Dịch vụ công trực tuyến toàn trình: 1.234 hồ sơ.", [("dossiers_received_online_full", 1234.0, "count")]),
    ("- Tỷ lệ hồ sơ trực tuyến đạt 85,5%.", [("dossiers_online_pct", 85.5, "percent")]),
    ("- Trong kỳ tiếp nhận 1.245 hồ sơ (trực tuyến 1.102 hồ sơ, đạt 88,51%; trực tiếp và qua dịch vụ bưu chính "
     "143 hồ sơ).",
     [("dossiers_received", 1245.0, "count"), ("dossiers_received_online", 1102.0, "count"),
      ("dossiers_online_pct", 88.51, "percent"), ("dossiers_received_direct", 143.0, "count")]),
])
def test_label_value_lines(line: str, expected: list) -> None:
    assert _metrics(_section(TTHC, line)) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("- Đang giải quyết 9 hồ sơ, không có hồ sơ quá hạn.",
     [("dossiers_in_progress", 9.0, "count"), ("dossiers_in_progress_overdue", 0.0, "count")]),
    ("- Đã giải quyết 40 hồ sơ (trong hạn 40).",
     [("dossiers_resolved", 40.0, "count"), ("dossiers_resolved_on_time", 40.0, "count")]),
    ("- Đã giải quyết 50 hồ sơ, đang giải quyết trong hạn 9 hồ sơ.",
     [("dossiers_resolved", 50.0, "count"), ("dossiers_in_progress_on_time", 9.0, "count")]),
])
def test_status_read_under_its_parent(line: str, expected: list) -> None:
    assert _metrics(_section(TTHC, line)) == expected


def test_table_cells_under_a_header_row() -> None:
    text = _section("4.1. Thủ tục hành chính đang cung cấp", "Tổng số TTHC | Toàn trình | Một phần | Trực tiếp",
                    "298 | 142 | 131 | 25")
    assert _metrics(text) == [
        ("procedures_total", 298.0, "count"), ("procedures_online_full", 142.0, "count"),
        ("procedures_online_partial", 131.0, "count"), ("procedures_direct", 25.0, "count"),
    ]


def test_table_rows_read_with_their_row_label() -> None:
    text = _section(TTHC, "Chỉ tiêu | Trong tuần | Lũy kế", "Hồ sơ tiếp nhận | 37 | 1.245",
                    "Hồ sơ đã giải quyết | 40 | 1.180")
    rows = metric_rows(document_from_text(text))
    assert [(r["metric"], r["value"], r["qualifier"]) for r in rows] == [
        ("dossiers_received", 37.0, "in_week"), ("dossiers_received", 1245.0, "cumulative"),
        ("dossiers_resolved", 40.0, "in_week"), ("dossiers_resolved", 1180.0, "cumulative"),
    ]


@pytest.mark.parametrize(("heading", "lines", "expected"), [
    ("2.3. Thiết bị ngoại vi", ("- Máy scan: 03 máy, gồm 02 máy Canon DR-C230 và 01 máy Fujitsu fi-7160.",),
     [("scanners_total", 3.0, "count")]),
    ("2.2. Máy tính", ("Số lượng máy tính: 12 máy, cấu hình cụ thể như sau:",
                       "- 08 máy tính để bàn cùng cấu hình: CPU Intel Core i3-10100, RAM 8GB, HDD 1TB.",
                       "- 01 máy tính xách tay Dell Latitude 3420: CPU Intel Core i5-1135G7, RAM 8GB."),
     [("computers_total", 12.0, "count")]),
    ("2. Về hạ tầng", ("- Còn thiếu 05 máy tính, gồm 03 máy tính để bàn và 02 máy tính xách tay.",),
     [("computers_lacking", 5.0, "count")]),
    ("2.4. Khó khăn", ("Văn phòng HĐND và UBND xã thiếu cụ thể: 01 máy in A3, 01 máy photocopy.",),
     [("printers_lacking", 1.0, "count"), ("photocopiers_lacking", 1.0, "count")]),
])
def test_device_parts_of_a_stated_total(heading: str, lines: tuple[str, ...], expected: list) -> None:
    assert _metrics(_section(heading, *lines)) == expected


@pytest.mark.parametrize("line", [
    "- Xã tự đánh giá đạt 16/16 tiêu chí về chuyển đổi số cấp xã.",
    "- Công bố Hệ thống quản lý chất lượng phù hợp tiêu chuẩn TCVN ISO 9001:2015.",
    "- Thủ tục đăng ký khai sinh (mã thủ tục 1.004227.000.00.00.H12) thường xuyên bị lỗi liên thông.",
    "- Các tổ đã hướng dẫn người dân thực hiện dịch vụ công trực tuyến, kích hoạt định danh điện tử mức 2.",
])
def test_not_counts_in_tthc_section(line: str) -> None:
    assert _metrics(_section(TTHC, line)) == []


def test_list_items_take_the_noun_and_status_of_their_opening_line() -> None:
    text = _section(TTHC, "- Số TTHC đang cung cấp: 312, trong đó:", "+ Toàn trình: 160", "+ Một phần: 100",
                    "+ Trực tiếp: 52", "- Đang giải quyết: 20, trong đó:", "+ Trong hạn: 18", "+ Quá hạn: 2")
    assert _metrics(text) == [
        ("procedures_total", 312.0, "count"), ("procedures_online_full", 160.0, "count"),
        ("procedures_online_partial", 100.0, "count"), ("procedures_direct", 52.0, "count"),
        ("dossiers_in_progress", 20.0, "count"), ("dossiers_in_progress_on_time", 18.0, "count"),
        ("dossiers_in_progress_overdue", 2.0, "count"),
    ]


def test_own_line_wording_comes_before_the_list_heading() -> None:
    text = _section("4. Kết quả giải quyết TTHC:", "- Tiếp nhận: 120 (toàn trình 80; một phần 30; trực tiếp 10)")
    assert _metrics(text) == [
        ("dossiers_received", 120.0, "count"), ("dossiers_received_online_full", 80.0, "count"),
        ("dossiers_received_online_partial", 30.0, "count"), ("dossiers_received_direct", 10.0, "count"),
    ]


def test_line_counting_staff_lends_no_kind() -> None:
    assert _metrics(_section("3. Nguồn nhân lực", "- Bộ phận một cửa: 03 công chức; tiếp nhận: 02.")) == [
        ("service_center_staff", 3.0, "count"),
    ]
