"""Equipment status and counts in news-style prose: donations, shortages, thefts, breakdowns,
standards and allocations, devices outside the main categories, counts that are not devices.
Sentences written for these tests in the style of commune reports and provincial news."""

from __future__ import annotations

import pytest

from extractors.equipment import extract_equipment
from pipeline.build import document_from_text
from tests.extractors.test_equipment import table_doc


def facts(text: str) -> list[tuple]:
    rows = extract_equipment(document_from_text(text), {})["equipment"]
    return [(r["category"], r["quantity"], r["status"]) for r in rows]


# --- donations and hand-overs are present ------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Chiều 12/5, Công ty Viễn thông tỉnh trao tặng 15 bộ máy vi tính và 03 máy in cho UBND xã Hòa Bình.",
     [("computer", 15.0, "present"), ("printer", 3.0, "present")]),
    ("Nhân dịp này, Hội Cựu chiến binh đã trao 2 dàn máy vi tính cho Bộ phận một cửa xã.",
     [("computer", 2.0, "present")]),
    ("Xã vừa được trang bị hai bộ máy tính để bàn và một máy in laser.",
     [("desktop", 2.0, "present"), ("printer", 1.0, "present")]),
    ("Trung tâm hiện có 01 máy fax, 02 ti vi và 01 máy bấm số tự động.",
     [("other", 1.0, "present"), ("other", 2.0, "present"), ("other", 1.0, "present")]),
    ("Đoàn thanh niên tặng 40 điện thoại thông minh cho các tổ công nghệ số cộng đồng.",
     [("other", 40.0, "present")]),
])
def test_donations_and_inventories_are_present(text, expected):
    assert facts(text) == expected


# --- standards and allocations are required, never present --------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Theo hướng dẫn, mỗi xã phải có 03 máy tính, 01 máy in và 01 máy scan.",
     [("computer", 3.0, "required"), ("printer", 1.0, "required"), ("scanner", 1.0, "required")]),
    ("Huyện phân bổ kinh phí, mỗi phường được cấp 2 bộ máy tính để bàn.", [("desktop", 2.0, "required")]),
    ("Bộ phận một cửa cần được trang bị tối thiểu 02 máy scan hai mặt.", [("scanner", 2.0, "required")]),
    ("Theo định mức, trang bị 01 màn hình tra cứu cho mỗi điểm phục vụ.", [("other", 1.0, "required")]),
])
def test_standards_and_allocations_are_required(text, expected):
    assert facts(text) == expected


def test_the_inventory_after_a_standard_is_present():
    text = "Theo quy định mỗi xã phải có 4 máy scan, nhưng hiện xã mới có 2 máy scan."
    assert facts(text) == [("scanner", 4.0, "required"), ("scanner", 2.0, "present")]


# --- lost, stolen, broken are lacking ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Rạng sáng 20/6, kẻ gian cạy cửa trụ sở xã, lấy trộm 3 máy tính xách tay, 2 bộ máy vi tính và 01 máy chiếu.",
     [("laptop", 3.0, "lacking"), ("computer", 2.0, "lacking"), ("other", 1.0, "lacking")]),
    ("Văn phòng bị mất trộm 05 máy in cùng nhiều tài liệu.", [("printer", 5.0, "lacking")]),
    ("Qua rà soát, 03 máy in và 01 máy photocopy đã hư hỏng, không sử dụng được.",
     [("printer", 3.0, "lacking"), ("photocopier", 1.0, "lacking")]),
    ("Sau trận lũ, 6 máy tính, 2 máy scan bị hỏng hoàn toàn.",
     [("computer", 6.0, "lacking"), ("scanner", 2.0, "lacking")]),
])
def test_lost_stolen_and_broken_devices_are_lacking(text, expected):
    assert facts(text) == expected


def test_only_the_qualified_item_of_an_inventory_is_broken():
    text = "Bộ phận một cửa có 04 máy scan, 01 máy in hiện không còn sử dụng được."
    assert facts(text) == [("scanner", 4.0, "present"), ("printer", 1.0, "lacking")]


def test_broken_part_of_a_total():
    assert facts("Xã có 08 máy tính, trong đó 03 máy đã hư hỏng.") == [("computer", 8.0, "present"), ("computer", 3.0, "lacking")]


@pytest.mark.parametrize("text", [
    "Nhiều máy tính, máy in của xã bị mất sau vụ trộm.",          # a loss without a count gives no row
    "Trang thiết bị như máy tính, máy scan phần lớn đã hư hỏng.",
    "Một số máy tính bị mất dữ liệu do nhiễm mã độc.",             # the data is lost, not the machine
])
def test_uncounted_or_not_a_device_loss_gives_no_row(text):
    assert facts(text) == []


def test_a_loss_does_not_reach_past_a_comma():
    assert facts("Máy in bị hỏng, 02 máy tính vẫn hoạt động tốt.") == [("computer", 2.0, "present")]


# --- shortages -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Trung tâm chưa có đủ máy scan để số hóa hồ sơ.", [("scanner", None, "lacking")]),
    ("Phường vẫn chưa được trang bị màn hình hiển thị phục vụ người dân.", [("other", None, "lacking")]),
    ("Bộ phận một cửa thiếu máy bấm số thứ tự.", [("other", None, "lacking")]),
    ("Xã không đủ máy tính cho công chức chuyên môn.", [("computer", None, "lacking")]),
])
def test_shortage_wordings(text, expected):
    assert facts(text) == expected


# --- counts of communes and measures are not device quantities ---------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Đến nay 5/9 xã đã có máy scan chuyên dụng.", []),
    ("Toàn huyện còn 6 xã chưa có máy photocopy.", [("photocopier", None, "lacking")]),
    ("Máy scan: 7 xã; máy tính: 24 bộ.", [("computer", 24.0, "present")]),
    ("- Màn hình: 24 inch Full HD", []),
    ("Xã đã đầu tư máy tính mới cho Trung tâm.", []),
])
def test_counts_that_are_not_devices(text, expected):
    assert facts(text) == expected


# --- tables: count columns by status, counts in cells --------------------------------------------

def table_facts(header: list[str], *body: list[str]) -> list[tuple]:
    rows = extract_equipment(table_doc(header, *body), {})["equipment"]
    return [(r["category"], r["quantity"], r["status"]) for r in rows]


def test_count_columns_give_one_row_per_status():
    got = table_facts(
        ["TT", "Tên thiết bị", "Định mức", "Hiện có", "Còn thiếu", "Hư hỏng"],
        ["1", "Máy vi tính", "12", "10", "2", "1"],
        ["2", "Máy scan", "2", "2", "0", ""],
        ["3", "Màn hình tra cứu thủ tục", "1", "0", "1", "-"],
        ["", "Cộng", "15", "12", "3", "1"],
    )
    assert got == [
        ("computer", 12.0, "required"), ("computer", 10.0, "present"), ("computer", 2.0, "lacking"),
        ("computer", 1.0, "lacking"),
        ("scanner", 2.0, "required"), ("scanner", 2.0, "present"),
        ("other", 1.0, "required"), ("other", 1.0, "lacking"),
    ]


def test_quantity_cell_with_its_classifier_and_a_broken_status():
    got = table_facts(
        ["STT", "Tên thiết bị", "Đơn vị tính", "Số lượng", "Tình trạng"],
        ["1", "Máy in", "Chiếc", "05 chiếc", "Đang sử dụng"],
        ["2", "Máy photocopy", "Chiếc", "01", "Hư hỏng, không sử dụng được"],
        ["3", "Máy chiếu", "Bộ", "", "Tốt"],
    )
    assert got == [("printer", 5.0, "present"), ("photocopier", 1.0, "lacking"), ("other", None, "present")]


# --- allocations per unit, ratios, numbers that are dates or names -------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Huyện bố trí 02 máy tính cho mỗi phường để vận hành Bộ phận một cửa.", [("computer", 2.0, "required")]),
    ("Máy tính: hiện có 15 bộ, trang bị thêm 3 máy/xã.", [("computer", 15.0, "present"), ("computer", 3.0, "required")]),
    ("Toàn xã bình quân 1 máy tính/1 công chức.", []),
    ("Văn phòng có 9 máy tính/9 công chức.", []),
    ("Máy tính: 20 bộ/20 cán bộ.", []),
    ("Cuối năm 2024 máy tính của xã được nâng cấp lên Windows 11.", []),
    ("Khu phố 3 máy scan được sửa chữa kịp thời.", []),
])
def test_allocations_ratios_and_numbers_that_are_not_counts(text, expected):
    assert facts(text) == expected


def test_count_after_a_label_with_words_before_its_colon():
    text = "Tổng số máy vi tính hiện có: 18 bộ; số máy scan còn thiếu: 03 chiếc."
    assert facts(text) == [("computer", 18.0, "present"), ("scanner", 3.0, "lacking")]
