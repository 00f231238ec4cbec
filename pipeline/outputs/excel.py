"""`baocao export --xlsx FILE`: the workbook an official opens in Excel.

A summary sheet with one row per commune (its latest report), one sheet per fact table over
the kept rendition of each report, the errors in plain words, and a notes sheet that says what
was left out. Headers are Vietnamese with the English column name and its description in a
cell comment; numbers stay numbers and dates stay dates; the header row is frozen and
filtered. The long `texts` table is left out: a cell holds at most 32,767 characters; any
longer value is cut and said so in the notes."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pyarrow.parquet as pq
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

import schemas
from pipeline.outputs.database import connect, table_names
from pipeline.outputs.labels import TABLE_LABELS, explain_error, label

CELL_LIMIT = 32_767
"""Excel's limit on the characters of one cell."""

SHEET_ORDER = ("documents", "metrics", "equipment", "references", "dates", "checks", "findings", "entities")
"""Fact sheets in this order after the summary; tables not named here follow by name."""

LEFT_OUT = ("texts", "blocks")
"""Tables not in the workbook: whole documents and layout blocks, read them from Parquet."""

SUMMARY_SQL = """
    SELECT l.commune, l.province_name, l.report_date, l.period_start, l.period_end,
           r.on_time_pct, r.overdue_pct, o.online_pct,
           l.* EXCLUDE (commune, province_name, report_date, period_start, period_end)
    FROM latest_report_per_commune l
    LEFT JOIN tthc_rates r USING (doc_id) LEFT JOIN online_share o USING (doc_id)
    ORDER BY l.province_name, l.commune"""

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
DATE_FORMAT = "DD/MM/YYYY"


def _descriptions() -> dict[str, str]:
    found: dict[str, str] = {}
    for table in schemas.all_tables().values():
        for column in table.columns:
            found.setdefault(column.name, column.description)
    return found


def _value(value: object, cut: list[str], where: str) -> object:
    """A value as Excel keeps it: NaN as empty, text cleaned of control characters and cut
    to the cell limit (recorded in `cut`)."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, (list, tuple)):
        value = "; ".join(map(str, value))
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)
        if len(text) > CELL_LIMIT:
            cut.append(where)
            return text[: CELL_LIMIT - 1] + "…"
        return text
    return value


def write_sheet(ws: Worksheet, columns: list[str], rows: list[dict], cut: list[str]) -> None:
    """Header row (Vietnamese, English name in a comment), typed cells, frozen header, filter, widths."""
    descriptions = _descriptions()
    for i, name in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=i, value=label(name))
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.comment = Comment(f"{name}: {descriptions.get(name, '')}".rstrip(": "), "baocao", width=300, height=120)
    widths = [len(label(n)) for n in columns]
    for r, row in enumerate(rows, start=2):
        for i, name in enumerate(columns, start=1):
            value = _value(row.get(name), cut, f"{ws.title}!{get_column_letter(i)}{r}")
            cell = ws.cell(row=r, column=i, value=value)
            if isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
            widths[i - 1] = max(widths[i - 1], min(len(str(value)) if value is not None else 0, 60))
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 62)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(max(len(columns), 1))}{max(len(rows) + 1, 1)}"


def _rows(outdir: Path, name: str) -> tuple[list[str], list[dict]]:
    table = pq.read_table(outdir / name)
    return table.column_names, table.to_pylist()


def _notes(outdir: Path, cut: list[str], kept: int, documents: int) -> list[dict]:
    notes = [
        f"Nguồn dữ liệu: {outdir.resolve()} (Parquet, do baocao tạo ngày {dt.date.today():%d/%m/%Y}).",
        f"Trang Tổng hợp: mỗi xã một dòng, là báo cáo mới nhất của xã. {documents} tệp đã đọc là {kept} báo cáo "
        "(một báo cáo có thể có bản DOCX, PDF và TXT; giữ bản ít lỗi nhất, rồi nhiều dữ kiện nhất, rồi DOCX, PDF, TXT).",
        "Các trang dữ kiện chỉ gồm bản được giữ của mỗi báo cáo; trang Văn bản liệt kê mọi tệp.",
        "Mỗi dữ kiện có câu trích dẫn (cột Câu trích dẫn) và vị trí trong văn bản (Trang, Ký tự đầu, Ký tự cuối).",
        "Toàn văn (bảng texts) không đưa vào: mỗi ô Excel chứa tối đa 32.767 ký tự; xem bảng texts trong thư mục Parquet.",
        "Tên cột tiếng Việt; tên tiếng Anh (như trong Parquet và DuckDB) ở ghi chú của ô tiêu đề.",
    ]
    notes += [f"Ô bị cắt vì dài hơn 32.767 ký tự: {where}" for where in cut]
    return [{"note": n} for n in notes]


def export_workbook(outdir: Path, target: Path) -> Path:
    """Write the workbook of the output folder `outdir` to `target` (replaced if it exists)."""
    relation = connect(outdir).sql(SUMMARY_SQL)
    summary_columns = relation.columns
    summary_rows = [dict(zip(summary_columns, values)) for values in relation.fetchall()]
    kept = {r["doc_id"]: r["commune"] for r in pq.read_table(outdir / "commune_summary").to_pylist()}
    wb = Workbook()
    cut: list[str] = []
    ws = wb.active
    ws.title = TABLE_LABELS["commune_summary"]
    write_sheet(ws, summary_columns, summary_rows, cut)
    documents = 0
    names = table_names(outdir)
    for name in sorted(names, key=lambda n: (SHEET_ORDER.index(n) if n in SHEET_ORDER else len(SHEET_ORDER), n)):
        if name in LEFT_OUT or name in ("commune_summary", "errors"):
            continue
        columns, rows = _rows(outdir, name)
        if name == "documents":
            documents = len(rows)
        else:
            rows = [{**r, "commune": kept[r["doc_id"]]} for r in rows if r.get("doc_id") in kept]
            columns = ["commune", *columns]
        write_sheet(wb.create_sheet(TABLE_LABELS.get(name, name)[:31]), columns, rows, cut)
    _, errors = _rows(outdir, "errors")
    errors = [{"explanation": explain_error(e["stage"], e["error_type"]), **e} for e in errors]
    write_sheet(wb.create_sheet(TABLE_LABELS["errors"]), ["source_path", "explanation", "message", "stage", "error_type", "doc_id"],
                errors, cut)
    write_sheet(wb.create_sheet("Ghi chú"), ["note"], _notes(outdir, cut, len(kept), documents), cut)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    wb.save(partial)
    partial.replace(target)
    return target
