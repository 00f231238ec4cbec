"""Tables pasted as text become table rows with cells, the same form DOCX and PDF give."""

from __future__ import annotations

from datamodel import RawBlock
from pipeline.ingest.text_tables import heads, with_text_tables


def _rows(*lines: str) -> list[tuple[str, tuple[str, ...] | None]]:
    blocks = with_text_tables([RawBlock(line, kind="line") for line in lines])
    return [(b.kind, b.cells) for b in blocks]


def test_pipe_table_rows_and_rule() -> None:
    assert _rows("Xã | Tiếp nhận | Đã giải quyết", "|---|---|---|", "An Phú | 120 | 118", "Sau bảng.") == [
        ("table_row", ("Xã", "Tiếp nhận", "Đã giải quyết")),
        ("table_row", ("An Phú", "120", "118")),
        ("line", None),
    ]


def test_one_pipe_line_is_not_a_table() -> None:
    assert _rows("Cập nhật: 05-03-2024 | 10:12", "Nội dung bài viết.") == [("line", None), ("line", None)]


def test_flattened_table_with_single_spaces_and_split_columns() -> None:
    rows = _rows(
        "Thống kê hồ sơ",
        "Mức độ Tổng Đã giải quyết Đang giải quyết Đúng hạn Quá hạn",
        "Tổng % Tổng %",
        "Mức 3 300 280 20 250 89,3% 30 10,7%",
        "Mức 4 90 85 5 80 94,1% 5 5,9%",
    )
    assert rows[0] == ("line", None)
    assert rows[1] == ("table_row", ("Mức độ", "Tổng", "Đã giải quyết", "Đang giải quyết", "Đúng hạn Tổng", "Đúng hạn %",
                                     "Quá hạn Tổng", "Quá hạn %"))
    assert rows[2] == ("table_row", ("Mức 3", "300", "280", "20", "250", "89,3%", "30", "10,7%"))
    assert rows[3][1] == ("Mức 4", "90", "85", "5", "80", "94,1%", "5", "5,9%")


def test_whitespace_aligned_table() -> None:
    rows = _rows("Đơn vị      Tiếp nhận    Đã giải quyết", "Xã Tân Hòa    210    205", "Xã Mỹ An    98    97")
    assert [r[1] for r in rows] == [("Đơn vị", "Tiếp nhận", "Đã giải quyết"), ("Xã Tân Hòa", "210", "205"),
                                    ("Xã Mỹ An", "98", "97")]


def test_prose_is_never_a_header() -> None:
    assert heads("Trung tâm đã giải quyết đúng hạn các hồ sơ") is None
    assert _rows("Đã giải quyết đúng hạn", "Xã A đạt kết quả tốt 12 3") == [("line", None), ("line", None)]
