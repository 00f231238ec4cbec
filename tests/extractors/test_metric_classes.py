"""The classes of wording seen in real reports the rules were not written from, each with
sentences written for this test: the rule must hold for the class, not for one string."""

from __future__ import annotations

import pytest

from extractors.metrics import metric_rows
from pipeline.build import document_from_text

TTHC = "3. Tình hình tiếp nhận, giải quyết hồ sơ"


def _metrics(*lines: str, heading: str = TTHC) -> list[tuple[str, float]]:
    return [(r["metric"], r["value"]) for r in metric_rows(document_from_text("\n".join((heading, *lines))))]


@pytest.mark.parametrize(("line", "expected"), [
    # the label after the count, each number in its own clause
    ("Bộ phận một cửa có 2.450 hồ sơ đúng hạn và 38 hồ sơ trễ hạn.",
     [("dossiers_resolved_on_time", 2450.0), ("dossiers_resolved_overdue", 38.0)]),
    ("Xã đã tiếp nhận 860 hồ sơ trực tuyến; 140 hồ sơ trực tiếp.",
     [("dossiers_received_online", 860.0), ("dossiers_received_direct", 140.0)]),
    ("Trong kỳ có 12 hồ sơ (chiếm 0,8%) công dân xin rút.",
     [("dossiers_withdrawn", 12.0), ("dossiers_withdrawn_pct", 0.8)]),
    ("Đang giải quyết 210 hồ sơ (205 hồ sơ chưa đến hạn, 5 hồ sơ quá hạn).",
     [("dossiers_in_progress", 210.0), ("dossiers_in_progress_on_time", 205.0), ("dossiers_in_progress_overdue", 5.0)]),
    # counted nouns and multipliers
    ("Đã tiếp nhận 3,5 ngàn hồ sơ, giải quyết 3.400 HS.", [("dossiers_received", 3500.0), ("dossiers_resolved", 3400.0)]),
    ("Tổng số hồ sơ phải giải quyết trong năm là 4.200 bộ.", [("dossiers_received", 4200.0)]),
    ("Đã giải quyết 2.700/2.900 hồ sơ.", [("dossiers_resolved", 2700.0)]),
    ("Trung tâm đã giải quyết 610/640 HS.", [("dossiers_resolved", 610.0)]),
    # status and level wording
    ("Giải quyết sớm hạn 615 hồ sơ.", [("dossiers_resolved_early", 615.0)]),
    ("Còn 44 hồ sơ đang được xử lý.", [("dossiers_in_progress", 44.0)]),
    ("Có 17 hồ sơ chưa đến hạn giải quyết.", [("dossiers_in_progress_on_time", 17.0)]),
    ("Lũy kế đã và đang giải quyết 1.305 hồ sơ.", [("dossiers_total", 1305.0)]),
    ("Giải quyết chậm hạn 6 hồ sơ.", [("dossiers_resolved_overdue", 6.0)]),
    ("Tiếp nhận qua dịch vụ bưu chính 25 hồ sơ.", [("dossiers_received_direct", 25.0)]),
    ("Trong đó mức độ 4 có 300 hồ sơ, mức độ 3 có 210 hồ sơ.",
     [("dossiers_received_online_full", 300.0), ("dossiers_received_online_partial", 210.0)]),
    ("Tiếp nhận trực tuyến mức độ 3, 4 là 720 hồ sơ.", [("dossiers_received_online", 720.0)]),
    ("Đã trả kết quả 270 hồ sơ cho công dân.", [("dossiers_resolved", 270.0)]),
    ("- Giải quyết: 233 hồ sơ.", [("dossiers_resolved", 233.0)]),
    ("Tỷ lệ hồ sơ nộp trực tuyến đạt 64,5% tổng số hồ sơ.", [("dossiers_online_pct", 64.5)]),
    ("Đã giải quyết 97% hồ sơ đúng hạn.", [("dossiers_resolved_on_time_pct", 97.0)]),
    ("Trong 6 tháng, xã tiếp nhận tổng cộng 1.930 hồ sơ.", [("dossiers_received", 1930.0)]),
    # a change against another period is not a figure
    ("Tiếp nhận 1.870 hồ sơ, giảm 96 hồ sơ so với cùng kỳ.", [("dossiers_received", 1870.0)]),
    ("Tiếp nhận 9.240 hồ sơ, tương ứng 8,5% so với năm trước.", [("dossiers_received", 9240.0)]),
    # clause scope: an overdue count inside the in-progress clause
    ("Hiện đang tiếp tục giải quyết 65 hồ sơ, trong đó 3 hồ sơ quá hạn.",
     [("dossiers_in_progress", 65.0), ("dossiers_in_progress_overdue", 3.0)]),
    # an implied noun, a total of received and carried over
    ("Tổng số hồ sơ yêu cầu giải quyết trong kỳ là 905 bộ, trong đó kỳ trước chuyển qua 55 bộ.",
     [("dossiers_total", 905.0), ("dossiers_carried_over", 55.0)]),
])
def test_dossier_wording(line: str, expected: list) -> None:
    assert _metrics(line) == expected


@pytest.mark.parametrize("line", [
    "Phường 3 và Tổ dân phố 7 đã hoàn thành việc rà soát hồ sơ.",
    "Đến nay 5/9 xã đã triển khai tiếp nhận hồ sơ trực tuyến.",
    "Tỷ lệ thanh toán trực tuyến hồ sơ đạt 91,5%.",
    "Tỷ lệ hài lòng của người dân khi nộp hồ sơ đạt 98%.",
    "Còn lại 9 hồ sơ đã được hướng dẫn bổ sung theo quy định.",
    "Phấn đấu 100% hồ sơ được giải quyết trực tuyến toàn trình.",
    "Theo chỉ tiêu được giao, tỷ lệ hồ sơ trực tuyến phải đạt 80%.",
    "Trung tâm đã đón tiếp 3.120 lượt người đến giao dịch.",
    "Đến nay có 7/9 xã đạt 100% hồ sơ được số hóa.",
    "Trường tiểu học có 420 HS, tăng 20 em.",
])
def test_numbers_that_are_not_figures(line: str) -> None:
    assert _metrics(line) == []


@pytest.mark.parametrize(("line", "expected"), [
    ("Biên chế được giao là 98 biên chế, có mặt 91 đồng chí.", [("staff_quota", 98.0), ("staff_present", 91.0)]),
    ("Khung biên chế 27 người.", [("staff_quota", 27.0)]),
    ("Toàn xã có 58 cán bộ, công chức.", [("staff_present", 58.0)]),
    ("UBND xã kiện toàn Trung tâm với 8 cán bộ, công chức.", [("service_center_staff", 8.0)]),
    ("Xã thành lập 9 tổ chuyển đổi số cộng đồng.", [("community_digital_teams", 9.0)]),
    ("Duy trì 11 tổ công nghệ cộng đồng ở các thôn.", [("community_digital_teams", 11.0)]),
    ("Có 4 tổ CNSCĐ hoạt động hiệu quả.", [("community_digital_teams", 4.0)]),
    ("- Số lượng tổ công nghệ số cộng đồng: 7 tổ với 35 thành viên.", [("community_digital_teams", 7.0)]),
    ("- Tổng số cán bộ, công chức: 26 người.", [("staff_present", 26.0)]),
    ("- Tổng số cán bộ, công chức được bồi dưỡng kỹ năng số: 20 người.", []),
])
def test_staff_and_teams(line: str, expected: list) -> None:
    assert _metrics(line, heading="2. Nguồn nhân lực") == expected


@pytest.mark.parametrize(("line", "expected"), [
    # the loss names the count: lacking (as the equipment status), never a total
    ("Bộ phận một cửa bị trộm mất 3 máy in, 1 bộ máy vi tính.", [("printers_lacking", 3.0), ("computers_lacking", 1.0)]),
    ("Trong tháng, 01 máy tính xách tay của văn phòng bị mất trộm.", [("computers_lacking", 1.0)]),
    ("Đầu năm, 02 máy tính để bàn đã hư hỏng hoàn toàn.", [("computers_lacking", 2.0)]),
    ("Bị kẻ gian lấy cắp 01 máy scan.", [("scanners_lacking", 1.0)]),
    ("Xã có 6 máy in và 3 máy tính đều đã hỏng.", [("printers_lacking", 6.0), ("computers_lacking", 3.0)]),
    ("Xã có 08 máy tính, trong đó 02 máy tính bị hỏng.", [("computers_total", 8.0), ("computers_lacking", 2.0)]),
    # a loss of other devices, or of no device at all
    ("Văn phòng bị trộm 1 máy in nhưng xã vẫn còn 9 máy tính.", [("printers_lacking", 1.0)]),
    ("Xã có 15 máy tính bị mất dữ liệu do virus.", [("computers_total", 15.0)]),
    ("Xã có 11 máy tính; 02 máy in đã hỏng.", [("computers_total", 11.0), ("printers_lacking", 2.0)]),
    # a count in words is not read: no metric, never a total
    ("Một máy tính xách tay bị mất trộm tại trụ sở.", []),
])
def test_lost_stolen_broken_devices_are_never_a_total(line: str, expected: list) -> None:
    assert _metrics(line, heading="2. Hạ tầng") == expected


def test_channel_shares_stated_as_a_list() -> None:
    assert _metrics("Tỷ lệ hồ sơ theo hình thức nộp: trực tiếp 14,5%, trực tuyến 85,5%.") == [
        ("dossiers_direct_pct", 14.5), ("dossiers_online_pct", 85.5)]


def test_flattened_table_read_by_its_column_headers() -> None:
    assert _metrics(
        "Mức độ Tổng số Đã giải quyết Đang giải quyết Sớm hạn Đúng hạn Quá hạn",
        "Mức 3 500 460 40 300 150 10",
        "Mức 4 120 118 2 90 27 1",
    ) == [
        ("dossiers_received_online_partial", 500.0), ("dossiers_resolved", 460.0), ("dossiers_in_progress", 40.0),
        ("dossiers_resolved_early", 300.0), ("dossiers_resolved_on_time", 150.0), ("dossiers_resolved_overdue", 10.0),
        ("dossiers_received_online_full", 120.0), ("dossiers_resolved", 118.0), ("dossiers_in_progress", 2.0),
        ("dossiers_resolved_early", 90.0), ("dossiers_resolved_on_time", 27.0), ("dossiers_resolved_overdue", 1.0),
    ]


def test_a_ward_name_holds_no_loss_word() -> None:
    assert _metrics("Phường hiện có 15 máy tính để bàn.", heading="2. Hạ tầng") == [("computers_total", 15.0)]


def test_the_label_of_a_sentence_qualifies_each_of_its_figures() -> None:
    doc = document_from_text(TTHC + "\nLũy kế từ đầu năm: tiếp nhận 2.140 hồ sơ, giải quyết 2.080 hồ sơ.")
    assert [(r["metric"], r["qualifier"]) for r in metric_rows(doc)] == [
        ("dossiers_received", "cumulative"), ("dossiers_resolved", "cumulative")]


@pytest.mark.parametrize("line", [
    "Mỗi xã phải có 03 máy tính phục vụ Bộ phận Một cửa.",
    "Đề nghị tỉnh hỗ trợ 02 máy scan cho Trung tâm.",
])
def test_a_standard_or_a_request_is_no_device_total(line: str) -> None:
    assert _metrics(line, heading="2. Hạ tầng") == []


def test_flattened_procedure_table_by_level() -> None:
    got = _metrics(
        "Mức độ 2 Mức độ 3 Mức độ 4",
        "TTHC % TTHC % TTHC %",
        "Số TTHC có dịch vụ trực tuyến 205 100% 120 58,5% 85 41,5%",
    )
    assert got == [("procedures_online_partial", 120.0), ("procedures_online_partial_pct", 58.5),
                   ("procedures_online_full", 85.0), ("procedures_online_full_pct", 41.5)]


def test_word_table_with_group_header_unit_rows_and_a_total_row() -> None:
    from datamodel import RawBlock, RawDocument
    from pipeline.build import assemble

    rows = [["Đơn vị", "Hồ sơ", "", ""], ["Đơn vị", "Tiếp nhận", "Đã giải quyết", "Đang giải quyết"],
            ["(1)", "(2)", "(3)", "(4)"], ["Thôn Đông", "210", "200", "10"], ["Thôn Tây", "95", "90", "5"],
            ["Tổng cộng", "305", "290", "15"]]
    blocks = [RawBlock(TTHC, kind="paragraph")]
    blocks += [RawBlock(" | ".join(c), kind="table_row", table=0, row=i, cells=tuple(c)) for i, c in enumerate(rows)]
    doc = assemble(RawDocument("docx", blocks), "t", "<table>")
    assert [(r["metric"], r["value"]) for r in metric_rows(doc)] == [
        ("dossiers_received", 305.0), ("dossiers_resolved", 290.0), ("dossiers_in_progress", 15.0)]


def test_device_nouns_are_those_of_the_device_vocabulary() -> None:
    assert _metrics("Xã được trang bị 02 máy phô tô, 01 server và 03 máy quét tài liệu.", heading="2. Hạ tầng") == [
        ("photocopiers_total", 2.0), ("servers_total", 1.0), ("scanners_total", 3.0)]


def test_each_table_and_each_document_reads_its_own_header_row() -> None:
    from datamodel import RawBlock, RawDocument
    from pipeline.build import assemble

    def document(tables: list[list[list[str]]]):
        blocks = [RawBlock(TTHC, kind="paragraph")]
        for t, rows in enumerate(tables):
            blocks += [RawBlock(" | ".join(c), kind="table_row", table=t, row=i, cells=tuple(c)) for i, c in enumerate(rows)]
        return assemble(RawDocument("docx", blocks), "t", "<table>")

    received = [["Chỉ tiêu", "Tiếp nhận"], ["Hồ sơ", "37"], ["Hồ sơ", "12"]]
    resolved = [["Chỉ tiêu", "Đã giải quyết"], ["(1)", "(2)"], ["Hồ sơ", "40"]]
    assert [(r["metric"], r["value"]) for r in metric_rows(document([received, resolved]))] == [
        ("dossiers_received", 37.0), ("dossiers_received", 12.0), ("dossiers_resolved", 40.0)]
    assert [(r["metric"], r["value"]) for r in metric_rows(document([resolved]))] == [("dossiers_resolved", 40.0)]
