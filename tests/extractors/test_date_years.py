"""Dates on news and portal text: stamps, dotted and dashed forms, where a missing year may
come from, ratios, and the period the figures' sentence gives (sentences written for the test)."""

from __future__ import annotations

import datetime as dt

from extractors.dates import extract_dates
from extractors.registry import run_components
from pipeline.build import document_from_text


def _dates(text: str) -> list[tuple[str, dt.date | None]]:
    return [(r["text"], r["date"]) for r in extract_dates(document_from_text(text), {})["dates"]]


def _meta(text: str) -> dict:
    return run_components(document_from_text(text), only=("dates", "references", "metadata"))["documents"][0]


def test_dashed_dates_in_a_stamp_and_a_table_row() -> None:
    text = "Cập nhật: 05-03-2024 | 10:12\nBảng tổng hợp\n| Đợt 1 | 14-02-2023 | 25 |\n"
    assert _dates(text) == [("05-03-2024", dt.date(2024, 3, 5)), ("14-02-2023", dt.date(2023, 2, 14))]


def test_dotted_day_month_takes_the_stamp_s_year() -> None:
    text = "2021-04 Ngày 15.3, cán bộ một cửa xã tiếp nhận 20 hồ sơ. Trước đó, sáng 9.3 , xã đã sửa máy in.\n"
    assert _dates(text) == [("15.3", dt.date(2021, 3, 15)), ("9.3", dt.date(2021, 3, 9))]


def test_a_day_after_the_stamp_belongs_to_the_year_before() -> None:
    text = "Đăng ngày: 05/01/2025\nNgày 28/12, xã tổ chức tổng kết năm.\n"
    assert _dates(text)[1] == ("28/12", dt.date(2024, 12, 28))


def test_year_from_the_same_sentence_but_never_a_target_year() -> None:
    text = ("Ngày 6/11, Chủ tịch UBND phường cho biết kết quả 9 tháng năm 2024 đạt khá.\n"
            "Ngày 9/11, phường ban hành kế hoạch chuyển đổi số đến năm 2030.\n")
    assert _dates(text) == [("6/11", dt.date(2024, 11, 6)), ("9/11", None)]


def test_a_year_is_never_borrowed_from_a_cited_document() -> None:
    text = ("Chiều 20/10, Đảng ủy xã họp triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.\n"
            "Hội nghị thống nhất phân công nhiệm vụ.\n")
    rows = _dates(text)
    assert ("20/10", None) in rows and ("22/12/2024", dt.date(2024, 12, 22)) in rows


def test_a_ratio_of_units_is_not_a_date() -> None:
    assert _dates("Tính đến 5/9 xã đã có bộ phận một cửa hoạt động ổn định.\n") == []


def test_a_dashed_range_in_parentheses_is_the_period_of_the_figures() -> None:
    text = ("2024-09-02 Sau một tháng vận hành (1-8 đến 31-8), Trung tâm đã tiếp nhận 1.240 hồ sơ "
            "và giải quyết 1.200 hồ sơ.\n")
    row = _meta(text)
    assert (row["period_start"], row["period_end"]) == (dt.date(2024, 8, 1), dt.date(2024, 8, 31))


def test_a_range_in_the_sentence_of_the_figures_is_the_period() -> None:
    text = ("Bộ phận một cửa xã hoạt động ổn định.\n"
            "Từ ngày 02/6/2025 đến ngày 15/6/2025, Bộ phận một cửa đã tiếp nhận 210 hồ sơ.\n")
    row = _meta(text)
    assert (row["period_start"], row["period_end"]) == (dt.date(2025, 6, 2), dt.date(2025, 6, 15))


def test_an_open_start_with_figures_gives_only_the_start() -> None:
    text = "Tính từ ngày 1/7 đến cuối tháng 9/2025, Trung tâm đã giải quyết 900 hồ sơ.\n"
    row = _meta(text)
    assert (row["period_start"], row["period_end"]) == (dt.date(2025, 7, 1), None)


def test_a_range_without_figures_in_the_body_is_not_the_period() -> None:
    text = "Hội chợ việc làm diễn ra từ ngày 02/6/2025 đến ngày 05/6/2025 tại nhà văn hóa.\n"
    row = _meta(text)
    assert (row["period_start"], row["period_end"]) == (None, None)


def test_sources_that_disagree_leave_the_year_empty() -> None:
    text = "2025-01-20 Ngày 15/01, UBND xã tổng kết công tác cải cách hành chính năm 2024.\n"
    assert _dates(text)[1:] == [("15/01", None)]
