"""The workbook read back with openpyxl: sheets, Vietnamese headers with English comments,
typed cells, frozen and filtered header, errors in plain words."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

from pipeline.cli import main
from pipeline.outputs.excel import CELL_LIMIT, write_sheet


@pytest.fixture(scope="module")
def workbook(extracted, tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "baocao.xlsx"
    assert main(["export", str(extracted), "--xlsx", str(path)]) == 0
    return load_workbook(path)


def headers(ws) -> list[str]:
    return [c.value for c in ws[1]]


def test_sheets(workbook):
    assert workbook.sheetnames[:4] == ["Tổng hợp", "Văn bản", "Chỉ tiêu", "Thiết bị"]
    assert {"Văn bản viện dẫn", "Ngày tháng", "Kiểm tra", "Lỗi", "Ghi chú"} <= set(workbook.sheetnames)
    assert "Toàn văn" not in workbook.sheetnames
    notes = " ".join(c.value for c in workbook["Ghi chú"]["A"][1:])
    assert "32.767" in notes and "texts" in notes


def test_summary_one_row_per_commune_typed(workbook):
    ws = workbook["Tổng hợp"]
    head = headers(ws)
    assert head[:3] == ["Xã/phường", "Tỉnh/thành phố", "Ngày báo cáo"]
    assert ws.cell(1, 1).comment.text.startswith("commune: ")
    rows = {r[0]: dict(zip(head, r)) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert sorted(rows) == ["Gia Phúc", "Phước Giang", "Phượng Tiến"]
    gia_phuc = rows["Gia Phúc"]
    assert gia_phuc["Ngày báo cáo"] == dt.datetime(2025, 10, 24)
    row_of = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    assert ws.cell(row_of["Gia Phúc"], 3).number_format == "DD/MM/YYYY"
    assert gia_phuc["Hồ sơ tiếp nhận"] == 345 and isinstance(gia_phuc["Hồ sơ tiếp nhận"], (int, float))
    assert rows["Phượng Tiến"]["Tỷ lệ đúng hạn (%)"] == 99.96
    assert gia_phuc["Mã xã"] == 11050
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    assert ws.column_dimensions["A"].width >= 10


def test_fact_sheets_hold_the_kept_rendition_with_the_commune(workbook):
    ws = workbook["Chỉ tiêu"]
    head = headers(ws)
    assert head[0] == "Xã/phường" and "Câu trích dẫn" in head and "Giá trị" in head
    values = [dict(zip(head, r)) for r in ws.iter_rows(min_row=2, values_only=True)]
    received = [v for v in values if v["Chỉ tiêu"] == "dossiers_received" and v["Xã/phường"] == "Phượng Tiến"]
    assert [v["Giá trị"] for v in received][:1] == [2692]
    assert len({v["Mã tệp"] for v in values}) == 3  # one rendition per report
    assert len(list(workbook["Văn bản"].iter_rows(min_row=2))) == 9  # every file read


def test_long_text_is_cut_with_a_note():
    from openpyxl import Workbook

    cut: list[str] = []
    ws = Workbook().active
    write_sheet(ws, ["text", "value"], [{"text": "a" * (CELL_LIMIT + 10), "value": 1.5}], cut)
    assert len(ws["A2"].value) == CELL_LIMIT and ws["A2"].value.endswith("…")
    assert cut == ["Sheet!A2"] and ws["B2"].value == 1.5


def test_errors_sheet_in_plain_words(extracted, tmp_path):
    errors = pa.Table.from_pylist([{"doc_id": None, "source_path": "in/bao_cao.pdf", "stage": "ingest",
                                    "error_type": "encrypted_pdf", "message": "the PDF is encrypted"}],
                                  schema=pq.read_schema(next((extracted / "errors").glob("*.parquet"))))
    out = tmp_path / "out"
    out.mkdir()
    for table in extracted.iterdir():
        if table.is_dir() and not table.name.startswith(".") and table.name != "errors":
            (out / table.name).symlink_to(table.resolve())
    (out / "errors").mkdir()
    pq.write_table(errors, out / "errors" / "part-0.parquet")
    assert main(["export", str(out), "--xlsx", str(tmp_path / "e.xlsx")]) == 0
    ws = load_workbook(tmp_path / "e.xlsx")["Lỗi"]
    assert headers(ws)[:3] == ["Tệp nguồn", "Giải thích", "Nội dung"]
    assert [c.value for c in ws[2]][:2] == ["in/bao_cao.pdf", "Không đọc được nội dung tệp: tệp PDF có mật khẩu"]
