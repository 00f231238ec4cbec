"""Tests of the equipment extractor, its spec parsing and the machine-minimum checks, on
sentences from the sample reports (or written in their style) and on the samples themselves."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from datamodel import RawBlock, RawDocument
from extractors.equipment import extract_equipment
from extractors.equipment.specs import label_field, parse_cpu, parse_monitor, parse_os, parse_ram, parse_storage
from pipeline.build import assemble, document_from_text
from pipeline.ingest.base import InputError
from pipeline.textforms import fold
from schemas.checks import TABLE as CHECKS
from schemas.equipment import TABLE
from tests.conftest import RAW, SEEDS, sample

GOLD = Path(__file__).resolve().parents[2] / "data" / "gold"
SCORED = ("category", "quantity", "status", "brand", "model", "cpu_model", "cpu_generation", "ram_gb",
          "storage_type", "storage_gb", "monitor_inch", "os")


def rows(text: str) -> list[dict]:
    return extract_equipment(document_from_text(text), {})["equipment"]


def short(row: dict, *keys: str) -> tuple:
    return tuple(row[k] for k in keys)


# --- spec parsing ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, model, family, generation", [
    ("Intel Core i3-12100", "i3-12100", "Core i3", 12),
    ("Intel Core i5-7400", "i5-7400", "Core i5", 7),
    ("Intel Core i3-8100", "i3-8100", "Core i3", 8),
    ("Core i7-10700", "i7-10700", "Core i7", 10),
    ("Intel Core i5-1135G7", "i5-1135G7", "Core i5", 11),
    ("Intel Pentium(R) Gold F7400", "Pentium Gold F7400", "Pentium Gold", 12),
    ("Pentium Gold G7400", "Pentium Gold G7400", "Pentium Gold", 12),
    ("Intel(R) Core(TM) i5-4570 CPU @ 3.20GHz", "i5-4570", "Core i5", 4),
    ("core I5 7400", "i5-7400", "Core i5", 7),
    ("AMD Ryzen 5 5600G", "Ryzen 5 5600G", "Ryzen 5", 5),
])
def test_cpu_model_and_generation(text, model, family, generation):
    got = parse_cpu(text)
    assert (got["cpu_model"], got["cpu_family"], got["cpu_generation"]) == (model, family, generation)


def test_cpu_generation_null_when_unreadable():
    assert parse_cpu("Intel Xeon E5-2620 v4")["cpu_generation"] is None
    assert parse_cpu("Intel Core i5").get("cpu_generation") is None
    assert parse_cpu("Core i5 thế hệ 7")["cpu_generation"] == 7
    assert parse_cpu("Intel Core i5 10th Gen")["cpu_generation"] == 10


def test_ram_storage_monitor_os():
    assert parse_ram("8 GB DDR4") == {"ram_gb": 8.0, "ram_type": "DDR4"}
    assert parse_ram("4GB DDR4") == {"ram_gb": 4.0, "ram_type": "DDR4"}
    assert parse_ram("Core i5-10400, RAM DDR4 8GB, SSD 256GB", labelled=False) == {"ram_gb": 8.0, "ram_type": "DDR4"}
    assert parse_storage("HDD 256 GB") == {"storage_type": "HDD", "storage_gb": 256.0}
    assert parse_storage("SSD 1 TB") == {"storage_type": "SSD", "storage_gb": 1024.0}
    assert parse_storage("SSD 256GB + HDD 1TB") == {"storage_type": "SSD", "storage_gb": 256.0}
    assert parse_monitor("24 Full HD") == {"monitor_inch": 24.0}
    assert parse_monitor("21.5 inch") == {"monitor_inch": 21.5}
    assert parse_monitor("21,5 inch") == {"monitor_inch": 21.5}
    assert parse_monitor("Core i5-10400, RAM 8GB, màn hình 24 Full HD", labelled=False) == {"monitor_inch": 24.0}
    assert parse_monitor("Core i5-10400, RAM 8GB, 24 Full HD", labelled=False) == {}
    assert parse_os("Windows 10 Professional") == {"os": "Windows 10 Professional"}


@pytest.mark.parametrize("label, field", [
    ("CPU", "cpu"), ("Bộ xử lý", "cpu"), ("RAM", "ram"), ("Bộ nhớ", "ram"), ("Ổ cứng", "storage"),
    ("Màn hình", "monitor"), ("Hệ điều hành", "os"), ("Kết nối mạng", "network"), ("Cấu hình", "spec"),
    ("Cổng kết nối", None), ("Phần mềm", None),
])
def test_spec_labels(label, field):
    assert label_field(fold(label)) == field


# --- running text ------------------------------------------------------------------------------

def test_scanner_models_listed_one_row_each():
    got = rows("2.2. Về máy scan:\n- Trung tâm có 04 máy scan loại Epson DS-410, Epson DS-530, Hp 3000 s4, Hp 2000 s2 (scan 2 mặt giấy A4);")
    assert [short(r, "category", "quantity", "brand", "model", "unit") for r in got] == [
        ("scanner", 1.0, "Epson", "DS-410", "service_center"),
        ("scanner", 1.0, "Epson", "DS-530", "service_center"),
        ("scanner", 1.0, "HP", "3000 s4", "service_center"),
        ("scanner", 1.0, "HP", "2000 s2", "service_center"),
    ]


def test_single_scanner_with_model():
    got = rows("- Trung tâm có 01 máy Scan Hp 3000 s4 (scan 02 mặt giấy A4) phục vụ nhu cầu số hóa tài liệu của Nhân dân.")
    assert [short(r, "category", "quantity", "brand", "model") for r in got] == [("scanner", 1.0, "HP", "3000 s4")]


def test_printers_in_parentheses():
    got = rows("Trung tâm có 01 máy in hai mặt(brother HL-B2080DW); 03 máy in một mặt(canon 2900).")
    assert [short(r, "category", "quantity", "brand", "model", "unit") for r in got] == [
        ("printer", 1.0, "Brother", "HL-B2080DW", "service_center"),
        ("printer", 3.0, "Canon", "2900", "service_center"),
    ]


@pytest.mark.parametrize("text, row", [
    ("Trung tâm có 01 máy scan 2 mặt tốc độ cao Fujitsu fi-7160.", ("scanner", 1.0, "Fujitsu", "fi-7160")),
    ("Trung tâm có 01 máy chủ (server) Dell PowerEdge T150.", ("server", 1.0, "Dell", "PowerEdge T150")),
    ("UBND xã có 10 máy tính đồng bộ Dell Optiplex 3080.", ("desktop", 10.0, "Dell", "Optiplex 3080")),
    ("UBND xã có 05 máy tính All-in-one HP ProOne 400 G6.", ("desktop", 5.0, "HP", "ProOne 400 G6")),
    ("Trung tâm có 02 máy tính bảng phục vụ tra cứu thủ tục.", ("other", 2.0, None, None)),
])
def test_kind_words_before_brand_and_model(text, row):
    assert [short(r, "category", "quantity", "brand", "model") for r in rows(text)] == [row]


def test_model_count_mismatch_gives_one_group_row():
    got = rows("Bộ phận một cửa có 05 máy in loại Canon 2900, Canon 3300.")
    assert [short(r, "category", "quantity", "brand", "model") for r in got] == [("printer", 5.0, "Canon", None)]


def test_video_conference_and_line():
    got = rows("2.2. Khối Chính quyền\nUBND xã Gia Phúc đã trang bị 02 bộ thiết bị họp trực tuyến phục vụ cho một phòng họp trực tuyến → Đảm bảo.\n"
               "- Trung tâm bố trí 01 đường truyền internet công cộng dùng để truy cập internet.")
    assert [short(r, "category", "quantity", "status", "unit") for r in got] == [
        ("video_conference", 2.0, "present", "government"),
        ("network_line", 1.0, "present", "service_center"),
    ]


def test_count_with_bare_machine_takes_label_category_and_section_unit():
    got = rows("2.4. Mặt trận tổ quốc\n+ Máy tính: được trang bị 09 máy, có một số máy đời cũ, cấu hình thấp.")
    assert [short(r, "category", "quantity", "status", "unit") for r in got] == [("computer", 9.0, "present", "fatherland_front")]


def test_count_after_device_label():
    got = rows("- Máy scan: 02 chiếc.\n- Số lượng máy tính xách tay: 3")
    assert [short(r, "category", "quantity") for r in got] == [("scanner", 2.0), ("laptop", 3.0)]


def test_lacking_with_count_and_label():
    got = rows("2.3. Hội đồng nhân dân\n+ Hệ thống phần cứng: Tuy nhiên, một số thiết bị cũ. Hiện nay còn thiếu 01 máy tính của đồng chí Phó chủ tịch HĐND xã.")
    assert [short(r, "category", "quantity", "status", "unit", "label") for r in got] == [
        ("computer", 1.0, "lacking", "people_council", "đồng chí Phó chủ tịch HĐND xã"),
    ]


@pytest.mark.parametrize("text", [
    "- Nguyên nhân: Trung tâm Phục vụ hành chính công còn thiếu máy scan để phục vụ số hóa hồ sơ lĩnh vực đất đai.",
    "- Trung tâm Phục vụ hành chính công chưa trang bị máy scan chuyên dụng.",
])
def test_lacking_without_count(text):
    assert [short(r, "category", "quantity", "status", "unit") for r in rows(text)] == [("scanner", None, "lacking", "service_center")]


def test_lacking_list_after_cu_the():
    got = rows("Bộ phận một cửa còn thiếu cụ thể: 02 máy tính để bàn, 01 máy in và máy scan.")
    assert [short(r, "category", "quantity", "status") for r in got] == [
        ("desktop", 2.0, "lacking"), ("printer", 1.0, "lacking"), ("scanner", None, "lacking"),
    ]


@pytest.mark.parametrize("text", [
    "Văn phòng HĐND và UBND xã thiếu cụ thể: 01 máy in A3, 01 máy photocopy.",
    "Văn phòng HĐND và UBND xã còn thiếu 01 máy in màu (khổ A3) và 01 máy photocopy.",
])
def test_shortage_carries_over_a_device_with_its_kind(text):
    assert [short(r, "category", "quantity", "status", "unit") for r in rows(text)] == [
        ("printer", 1.0, "lacking", "government"), ("photocopier", 1.0, "lacking", "government"),
    ]


def test_photocopier_with_brand_and_count_label():
    got = rows("- 01 máy photocopy Ricoh MP 2014 đặt tại Văn phòng HĐND và UBND xã.\n- Số lượng máy tính: 12 máy.")
    assert [short(r, "category", "quantity", "brand", "model") for r in got] == [
        ("photocopier", 1.0, "Ricoh", "MP 2014"), ("computer", 12.0, None, None),
    ]


def test_lacking_on_list_lines():
    got = rows("Khối Đảng còn thiếu các thiết bị sau:\n- 01 máy tính xách tay;\n- 01 máy chiếu.")
    assert [short(r, "category", "quantity", "status") for r in got] == [("laptop", 1.0, "lacking"), ("other", 1.0, "lacking")]


@pytest.mark.parametrize("text", [
    "Đội ngũ cán bộ, công chức được trang bị đầy đủ máy tính, các trang thiết bị cơ bản đáp ứng yêu cầu công việc.",
    "- Hạ tầng phần cứng: Máy tính đủ, cấu hình đảm bảo chạy được các phần mềm.",
    "Hạ tầng phần cứng: chưa đảm bảo hoàn toàn, còn thiếu về cấu hình máy tính.",
    "- Đề nghị UBND tỉnh hỗ trợ 05 máy tính để bàn và 02 máy scan cho Trung tâm.",
    "Trang thiết bị làm việc, như máy tính, máy in, máy scan chất lượng kém.",
    "Tổ chức bộ máy của hệ thống chính trị; sắp xếp 02 bộ máy hành chính.",
    "Tổng số hồ sơ tiếp nhận, giải quyết trong kỳ: 345 Hồ sơ.",
])
def test_no_row(text):
    assert rows(text) == []


# --- per-machine specs -------------------------------------------------------------------------

SPEC_TEXT = """2. Về hạ tầng công nghệ
2.1. Về máy tính: Trung tâm hiện bố trí 02 bộ máy tính để bàn, cấu hình cụ thể như sau:
2.1.1. Bộ máy tính để bàn Công chức 1:
+ CPU: Intel Core i3-12100
+ RAM: 8 GB DDR4
+ Ổ cứng: HDD 256 GB
+ Màn hình: 24 Full HD
+ Hệ điều hành: Windows 10 Professional
+ Cổng kết nối: USB 2.0, HDMI/VGA
2.1.2. Bộ máy tính để bàn Công chức 2:
- + CPU: Intel Core i5-7400
- + RAM: 4GB DDR4
- + Ổ cứng: SSD 512 GB
- + Hệ điều hành: Windows 11 Pro
2.2. Về máy scan: Trung tâm có 01 máy scan Epson DS-410."""


def test_spec_lists_give_one_row_per_machine_and_drop_the_total():
    got = rows(SPEC_TEXT)
    assert [short(r, "category", "quantity", "label", "unit", "source") for r in got] == [
        ("desktop", 1.0, "Công chức 1", "service_center", "spec_list"),
        ("desktop", 1.0, "Công chức 2", "service_center", "spec_list"),
        ("scanner", 1.0, None, "service_center", "sentence"),
    ]
    first, second = got[0], got[1]
    assert short(first, "cpu_model", "cpu_generation", "ram_gb", "ram_type", "storage_type", "storage_gb", "monitor_inch", "os") == (
        "i3-12100", 12, 8.0, "DDR4", "HDD", 256.0, 24.0, "Windows 10 Professional")
    assert short(second, "cpu_model", "cpu_generation", "ram_gb", "storage_type", "storage_gb", "os") == (
        "i5-7400", 7, 4.0, "SSD", 512.0, "Windows 11 Pro")


SPECS = ("cpu_model", "cpu_generation", "ram_gb", "storage_type", "storage_gb", "monitor_inch", "os")


@pytest.mark.parametrize("line, category, label", [
    ("- Máy tính 1: CPU Intel Core i5-10400, RAM 16GB, SSD 512GB, màn hình 23,8 inch, Windows 11 Pro.", "computer", "Máy tính 1"),
    ("- Máy tính để bàn số 2: CPU Intel Core i5-10400, RAM 16GB, SSD 512GB, màn hình 23,8 inch, Windows 11 Pro.",
     "desktop", "Máy tính để bàn số 2"),
    ("+ PC Văn thư: CPU Intel Core i5-10400, RAM 16GB, SSD 512GB, màn hình 23,8 inch, Windows 11 Pro", "desktop", "Văn thư"),
    ("- Máy tính 1 - Intel Core i5-10400 / RAM 16GB / SSD 512GB / Màn hình 23,8 / Windows 11 Pro", "computer", "Máy tính 1"),
    ("- Máy tính số 3 (Văn thư): CPU Intel Core i5-10400, RAM 16GB, SSD 512GB, màn hình 23,8 inch, Windows 11 Pro",
     "computer", "Máy tính số 3 (Văn thư)"),
])
def test_machine_specs_inline_on_one_line(line, category, label):
    got = rows("2.2. Về máy tính\n" + line)
    assert [short(r, "category", "quantity", "status", "label", "source") for r in got] == [(category, 1.0, "present", label, "spec_list")]
    assert short(got[0], *SPECS) == ("i5-10400", 10, 16.0, "SSD", 512.0, 23.8, "Windows 11 Pro")


def test_inline_machines_replace_the_total_they_detail():
    got = rows("2.2. Máy tính: Trung tâm có 02 máy tính, cụ thể:\n- Máy tính 1: Core i3-12100, RAM 8GB, SSD 256GB\n"
               "- Máy tính 2: Core i5-7400, RAM 4GB, HDD 500GB, Win 10")
    assert [short(r, "label", "quantity", "cpu_generation", "ram_gb", "storage_type", "os") for r in got] == [
        ("Máy tính 1", 1.0, 12, 8.0, "SSD", None), ("Máy tính 2", 1.0, 7, 4.0, "HDD", "Win 10"),
    ]


def test_counted_machine_described_in_its_own_right_is_kept_beside_the_list():
    got = rows("2.2. Máy tính: Trung tâm có 02 máy tính, cụ thể:\n- Máy tính 1: Core i3-12100, RAM 8GB, SSD 256GB;\n"
               "- Máy tính 2: Core i5-7400, RAM 4GB, HDD 500GB.\n"
               "- Ngoài ra Trung tâm có 01 máy tính xách tay Dell Latitude 3420 (Core i5-1135G7, 8GB RAM, SSD 256GB).")
    assert [short(r, "category", "quantity", "label", "model", "cpu_model") for r in got] == [
        ("computer", 1.0, "Máy tính 1", None, "i3-12100"), ("computer", 1.0, "Máy tính 2", None, "i5-7400"),
        ("laptop", 1.0, None, "Latitude 3420", "i5-1135G7"),
    ]


def test_inline_machine_in_parentheses_with_brand_and_model():
    got = rows("- Máy tính xách tay Dell Latitude 3420 (Core i5-1135G7, 8GB RAM, SSD 256GB).")
    assert [short(r, "category", "quantity", "brand", "model", "label") + short(r, *SPECS) for r in got] == [
        ("laptop", 1.0, "Dell", "Latitude 3420", None, "i5-1135G7", 11, 8.0, "SSD", 256.0, None, None),
    ]


def test_inline_machines_counted_with_their_configuration():
    got = rows("- 02 máy tính để bàn cấu hình: Core i5-10400, RAM 8GB, SSD 256GB, màn hình 21,5 inch")
    assert [short(r, "category", "quantity", "label", "cpu_model", "ram_gb", "storage_gb", "monitor_inch") for r in got] == [
        ("desktop", 2.0, None, "i5-10400", 8.0, 256.0, 21.5),
    ]


def test_inline_machines_of_the_same_configuration():
    got = rows("- 08 máy tính để bàn cùng cấu hình: CPU Intel Core i3-10100, RAM 8GB, HDD 1TB, màn hình 21,5 inch, Windows 10 Pro.")
    assert [short(r, "category", "quantity", "label") + short(r, *SPECS) for r in got] == [
        ("desktop", 8.0, None, "i3-10100", 10, 8.0, "HDD", 1024.0, 21.5, "Windows 10 Pro"),
    ]


def test_office_of_council_and_committee_is_the_government():
    got = rows("- 01 máy photocopy Ricoh MP 3055 đặt tại Văn phòng HĐND và UBND xã.")
    assert [short(r, "category", "brand", "model", "unit") for r in got] == [("photocopier", "Ricoh", "MP 3055", "government")]


def test_inline_machine_with_written_generation():
    got = rows("- Máy tính để bàn (cấu hình: Core i3 thế hệ 10, RAM 8G, HDD 500G).")
    assert [short(r, "category", "quantity", "cpu_family", "cpu_generation", "ram_gb", "storage_type", "storage_gb") for r in got] == [
        ("desktop", 1.0, "Core i3", 10, 8.0, "HDD", 500.0),
    ]


@pytest.mark.parametrize("text", [
    "Máy tính cấu hình thấp (RAM 4GB, HDD 500GB) nên thường xuyên bị treo khi ký số.",
    "- Máy tính: cấu hình thấp, RAM 4GB, HDD 500GB.",
    "- Đề nghị cấp máy tính để bàn: Core i5-12400, RAM 8GB, SSD 256GB.",
    "- Máy tính: đã được nâng cấp lên Windows 11 Pro, kết nối mạng LAN.",
    "- Máy tính: hệ điều hành Windows 10 đã hết hỗ trợ, RAM 4GB.",
])
def test_no_inline_machine_in_prose_or_requests(text):
    assert rows(text) == []


def test_spec_labels_with_their_measure_and_a_field_given_in_parts():
    got = rows("Máy tính Kế toán:\n- Bộ vi xử lý: Intel Core i5-12400\n- Dung lượng RAM: 8GB\n- Loại ổ cứng: SSD\n"
               "- Dung lượng ổ cứng: 256GB\n- Kích thước màn hình: 21,5 inch\n- HĐH: Windows 11")
    assert [short(r, "label", "quantity") + short(r, *SPECS) for r in got] == [
        ("Kế toán", 1.0, "i5-12400", 12, 8.0, "SSD", 256.0, 21.5, "Windows 11"),
    ]


def test_spec_lines_without_colon():
    got = rows("Máy tính Văn thư:\n+ Chip: Intel Core i7 10700\n+ RAM 4 GB\n+ Ổ cứng: 1TB HDD\n+ Màn hình 21,5 inch")
    assert [short(r, "category", "label", "cpu_model", "cpu_generation", "ram_gb", "storage_type", "storage_gb", "monitor_inch")
            for r in got] == [("computer", "Văn thư", "i7-10700", 10, 4.0, "HDD", 1024.0, 21.5)]


def test_total_followed_by_its_parts_gives_the_parts():
    got = rows("2.3. Thiết bị ngoại vi\n- Máy scan: 03 máy, gồm 02 máy Canon DR-C230 và 01 máy Fujitsu fi-7160.")
    assert [short(r, "category", "quantity", "brand", "model") for r in got] == [
        ("scanner", 2.0, "Canon", "DR-C230"), ("scanner", 1.0, "Fujitsu", "fi-7160"),
    ]


@pytest.mark.parametrize("text", [
    "UBND xã có 09 máy tính, trong đó 05 máy tính để bàn và 04 máy tính xách tay.",
    "UBND xã có 09 máy tính (05 máy tính để bàn, 04 máy tính xách tay).",
    "- Máy tính: 09 bộ (trong đó 05 máy tính để bàn, 04 máy tính xách tay)",
])
def test_computer_total_broken_down_by_kind(text):
    assert [short(r, "category", "quantity") for r in rows(text)] == [("desktop", 5.0), ("laptop", 4.0)]


def test_total_kept_when_its_parts_do_not_add_up():
    got = rows("UBND xã có 09 máy tính, trong đó 05 máy tính để bàn và 03 máy tính xách tay.")
    assert [short(r, "category", "quantity") for r in got] == [("computer", 9.0), ("desktop", 5.0), ("laptop", 3.0)]


def test_total_kept_without_per_machine_rows():
    got = rows("2.1. Về máy tính: Trung tâm hiện bố trí 05 bộ máy tính để bàn (đã cài mật khẩu và phần mềm diệt virus đầy đủ).")
    assert [short(r, "category", "quantity", "status") for r in got] == [("desktop", 5.0, "present")]


def test_checks_at_the_spec_lines():
    doc = document_from_text(SPEC_TEXT)
    checks = extract_equipment(doc, {})["checks"]
    assert sorted((c["rule"], c["evidence"]) for c in checks) == sorted([
        ("hdd_system_disk", "+ Ổ cứng: HDD 256 GB"),
        ("windows_10_end_of_support", "+ Hệ điều hành: Windows 10 Professional"),
        ("ram_below_8gb", "- + RAM: 4GB DDR4"),
        ("cpu_generation_below_8", "- + CPU: Intel Core i5-7400"),
    ])
    assert all(c["severity"] == "info" and c["metrics"] == "" for c in checks)
    assert any("Công chức 2" in c["message"] and "4 GB" in c["message"] for c in checks)
    assert {*checks[0]} == set(CHECKS.names)


def test_amd_generation_is_not_checked_against_intel():
    doc = document_from_text("Máy tính để bàn Kế toán:\n+ CPU: AMD Ryzen 5 5600G\n+ RAM: 16 GB DDR4\n+ Ổ cứng: SSD 512 GB")
    assert extract_equipment(doc, {})["checks"] == []


# --- tables ------------------------------------------------------------------------------------

def table_doc(header: list[str], *body: list[str], before: str = "2. Về hạ tầng công nghệ") -> object:
    """A document with one data table after a paragraph, as a backend would give it."""
    blocks = [RawBlock(before, kind="paragraph")]
    for i, cells in enumerate([header, *body]):
        blocks.append(RawBlock(" | ".join(cells), kind="table_row", table=0, row=i, cells=tuple(cells)))
    return assemble(RawDocument("docx", blocks), "t", "<table>")


def test_table_with_other_column_names_and_order():
    doc = table_doc(
        ["STT", "Tên thiết bị", "Số lượng", "Cấu hình", "Tình trạng"],
        ["1", "Máy tính để bàn Văn thư", "2", "Core i5-7400, RAM 4GB, HDD 500GB, Win 10", "Hoạt động"],
        ["2", "Máy in Canon LBP 2900", "3", "", "Hoạt động"],
        ["3", "Máy scan", "1", "", "Còn thiếu"],
        ["", "Tổng cộng", "6", "", ""],
    )
    got = extract_equipment(doc, {})["equipment"]
    assert [short(r, "category", "quantity", "status", "source") for r in got] == [
        ("desktop", 2.0, "present", "table"), ("printer", 3.0, "present", "table"), ("scanner", 1.0, "lacking", "table"),
    ]
    assert short(got[0], "label", "cpu_model", "ram_gb", "storage_type", "storage_gb", "os") == (
        "Văn thư", "i5-7400", 4.0, "HDD", 500.0, "Win 10")


def test_table_that_is_not_equipment_is_ignored():
    doc = table_doc(["STT", "Lĩnh vực", "Số hồ sơ tiếp nhận"], ["1", "Hộ tịch", "120"])
    assert extract_equipment(doc, {})["equipment"] == []


def test_docx_table_and_text_give_the_same_five_machines():
    if not (RAW / "001_35ae03e1e9c7ec90.docx").exists():
        pytest.skip("data/raw/001_35ae03e1e9c7ec90.docx is not generated yet")
    keys = ("category", "quantity", "label", "unit") + SCORED[5:] + ("cpu_vendor", "cpu_family", "ram_type", "network")

    def machines(fmt: str) -> list[tuple]:
        got = extract_equipment(sample("001_35ae03e1e9c7ec90", fmt), {})["equipment"]
        return [short(r, *keys) for r in got if r["source"] in ("spec_list", "table")]

    from_text, from_docx = machines("txt"), machines("docx")
    assert len(from_text) == 5
    assert from_docx == from_text


# --- the samples against gold ------------------------------------------------------------------

def score(seed: str, fmt: str) -> tuple[int, int, int]:
    """(true positives, predicted, gold) comparing scored fields as multisets."""
    def key(row: dict) -> tuple:
        return tuple(row.get(k) for k in SCORED)

    gold = Counter(key(r) for r in json.loads((GOLD / seed / "equipment.json").read_text(encoding="utf-8")))
    pred = Counter(key(r) for r in extract_equipment(sample(seed, fmt), {})["equipment"])
    return sum((gold & pred).values()), sum(pred.values()), sum(gold.values())


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_samples_match_gold(fmt):
    if not all((RAW / f"{seed}.{fmt}").exists() for seed in SEEDS):
        pytest.skip(f"{fmt} renditions are not generated yet")
    tp, pred, gold = map(sum, zip(*(score(seed, fmt) for seed in SEEDS)))
    assert (tp / pred, tp / gold) == (1.0, 1.0)


def test_rows_have_the_schema_columns(any_sample):
    for row in extract_equipment(any_sample, {})["equipment"]:
        assert list(row) == TABLE.names or set(row) == set(TABLE.names)


# --- robustness --------------------------------------------------------------------------------

WORDS = st.sampled_from([
    "còn thiếu", "01", "05", "máy", "máy tính", "máy scan", "máy in", "loại", "Hp", "3000 s4", "(", ")", ",", ";", ":",
    "\n", "\n+ CPU:", "\n+ RAM:", "8 GB", "\n- ", "Trung tâm", "HĐND", "của đồng chí", "2.1.", "bộ", "chưa có", "Epson",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=40).map(" ".join))
def test_never_raises_and_evidence_is_a_slice(text):
    try:
        doc = document_from_text(text)
    except InputError:  # text the pipeline rejects before extraction (legacy-font mojibake)
        assume(False)
    out = extract_equipment(doc, {})
    for row in out["equipment"] + out["checks"]:
        assert doc.text[row["char_start"] : row["char_end"]] == row["evidence"]
        assert 0 <= row["span_start"] <= row["span_end"] <= len(doc.text)


def test_shortage_carries_over_a_list_with_models():
    got = rows("Hiện nay còn thiếu 01 máy scan Epson DS-410, 01 máy in Canon 2900.")
    assert [short(r, "category", "quantity", "status", "brand", "model") for r in got] == [
        ("scanner", 1.0, "lacking", "Epson", "DS-410"), ("printer", 1.0, "lacking", "Canon", "2900"),
    ]
