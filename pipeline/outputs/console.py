"""What a run leaves on the terminal: a short table per commune, and the errors in plain words.

Both read an output folder, never the pipeline's state, so `baocao errors OUTDIR` works on any
earlier output. The figures come from the comparison views of `pipeline.outputs.database`, so
the console, the workbook and the report agree."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from pipeline.outputs.database import connect
from pipeline.outputs.labels import explain_error, label

SUMMARY_SQL = """
    SELECT s.commune, s.province_name, coalesce(s.report_date, s.period_end) AS report_date, s.dossiers_received,
           r.on_time_pct, s.computers, s.checks_errors + s.checks_warnings AS failed_checks
    FROM commune_summary s JOIN tthc_rates r USING (doc_id)
    ORDER BY s.province_name, s.commune"""
"""One line per report: who, when, dossiers received, on-time rate, computers, failed checks."""

SUMMARY_HEADERS = {"commune": label("commune"), "province_name": label("province_name"), "report_date": label("report_date"),
                   "dossiers_received": label("dossiers_received"), "on_time_pct": "Đúng hạn %",
                   "computers": label("computers"), "failed_checks": "Kiểm tra không đạt"}


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    return str(value)


def summary_table(outdir: Path, width: int = 120, most: int = 25) -> str | None:
    """The per-commune table as text, or None when it does not fit in `width` columns."""
    found = connect(outdir).sql(SUMMARY_SQL).fetchall()
    if not found:
        return None
    rows = [[_cell(v) for v in row] for row in found[:most]]
    headers = list(SUMMARY_HEADERS.values())
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    numeric = [i >= 3 for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if n else c.ljust(w) for c, w, n in zip(cells, widths, numeric)).rstrip()

    out = [line(headers), line(["-" * w for w in widths]), *map(line, rows)]
    if len(found) > most:
        out.append(f"... {len(found) - most} more: baocao query \"SELECT * FROM commune_summary\" -o {outdir}")
    return "\n".join(out) if max(map(len, out)) <= width else None


def errors_text(outdir: Path) -> str:
    """Every `errors` row in plain words, grouped by input file."""
    errors = pd.read_parquet(outdir / "errors")
    if errors.empty:
        return f"Không có lỗi: mọi tệp trong {outdir} đã được đọc đầy đủ. (no errors)"
    lines = [f"{len(errors)} lỗi trong {outdir} ({len(errors)} errors):"]
    for path, rows in errors.groupby("source_path", sort=True, dropna=False):
        lines.append("")
        lines.append(str(path) if isinstance(path, str) and path else "(không rõ tệp)")
        for row in rows.itertuples(index=False):
            lines.append(f"  - {explain_error(row.stage, row.error_type)}")
            lines.append(f"    {row.message} [{row.stage}: {row.error_type}]")
    return "\n".join(lines)
