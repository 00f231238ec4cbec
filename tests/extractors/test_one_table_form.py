"""One table form: a table pasted into a text file as a pipe table gives the extractors the
same facts as the same table in a Word file."""

from __future__ import annotations

import io

import docx

from extractors.equipment import extract_equipment
from extractors.metrics import metric_rows
from pipeline.build import document_from_text, read_document

HEADING = "2. Tình hình tiếp nhận hồ sơ và trang thiết bị"
DOSSIERS = [["Nội dung", "Tiếp nhận", "Đã giải quyết", "Đang giải quyết"],
            ["Trực tuyến toàn trình", "410", "395", "15"],
            ["Trực tiếp", "120", "118", "2"]]
MACHINES = [["STT", "Tên thiết bị", "Số lượng", "Tình trạng"],
            ["1", "Máy tính để bàn Một cửa", "4", "Hoạt động"],
            ["2", "Máy scan", "2", "Còn thiếu"]]


def _docx() -> bytes:
    document = docx.Document()
    document.add_paragraph(HEADING)
    for rows in (DOSSIERS, MACHINES):
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                table.cell(r, c).text = text
        document.add_paragraph("Hết bảng.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _text() -> str:
    lines = [HEADING]
    for rows in (DOSSIERS, MACHINES):
        lines += [" | ".join(cells) for cells in rows] + ["Hết bảng."]
    return "\n".join(lines)


def _facts(doc) -> tuple[list, list]:
    metrics = [(r["metric"], r["value"]) for r in metric_rows(doc)]
    machines = [(r["category"], r["quantity"], r["status"]) for r in extract_equipment(doc, {})["equipment"]]
    return metrics, machines


def test_pipe_table_in_text_gives_the_facts_of_the_word_table() -> None:
    from_docx = _facts(read_document(_docx(), "t.docx")[0])
    from_text = _facts(document_from_text(_text()))
    assert from_text == from_docx
    assert from_text[0] == [
        ("dossiers_received_online_full", 410.0), ("dossiers_resolved", 395.0), ("dossiers_in_progress", 15.0),
        ("dossiers_received_direct", 120.0), ("dossiers_resolved", 118.0), ("dossiers_in_progress", 2.0),
        ("computers_total", 4.0), ("scanners_lacking", 2.0),
    ]
    assert from_text[1] == [("desktop", 4.0, "present"), ("scanner", 2.0, "lacking")]
