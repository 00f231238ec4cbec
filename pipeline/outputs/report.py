"""`baocao report`: one self-contained HTML page comparing the communes (Vietnamese labels).

The page holds its data, styles and script inline (`report_assets/`), draws its charts as SVG
itself and loads nothing from the network, so it opens from a USB stick. Every figure comes
from the comparison views of `pipeline.outputs.database` (latest report per commune, one
rendition each) and links to the sentences it was read from: each bar points to an evidence
list of that chart and commune, built here from the fact rows with their page and offsets."""

from __future__ import annotations

import datetime as dt
import html
import json
from importlib import resources
from pathlib import Path

import duckdb

from pipeline.outputs.database import connect, table_names
from pipeline.outputs.labels import REPORT_TEXT, VALUE_LABELS, label

SIDE_BY_SIDE = ("report_date", "period_start", "period_end", "procedures_online_full", "procedures_online_partial",
                "dossiers_received", "on_time_pct", "overdue_pct", "online_pct", "computers", "computers_ram_below_8gb",
                "computers_hdd", "computers_cpu_below_gen8", "computers_windows_10", "scanners", "printers",
                "items_lacking", "checks_errors", "checks_warnings", "references_issued")
"""Rows of the side-by-side table, one column per commune."""

MACHINE_SERIES = ("computers", "computers_ram_below_8gb", "computers_hdd", "computers_cpu_below_gen8", "computers_windows_10")

REPORTS_SQL = """
    SELECT l.doc_id, l.report_key, coalesce(l.commune, ? || regexp_extract(l.source_path, '[^/]+$')) AS commune,
           coalesce(l.province_name, ?) AS province, l.source_path,
           l.* EXCLUDE (doc_id, report_key, commune, source_path), r.on_time_pct, r.overdue_pct, o.online_pct
    FROM latest_report_per_commune l LEFT JOIN tthc_rates r USING (doc_id) LEFT JOIN online_share o USING (doc_id)
    ORDER BY province, l.commune"""

FIRST_METRIC_SQL = """
    SELECT m.doc_id, arg_min(m.page, m.span_start), arg_min(m.char_start, m.span_start),
           arg_min(m.char_end, m.span_start), arg_min(m.evidence, m.span_start)
    FROM metrics m JOIN latest_report_per_commune USING (doc_id) WHERE m.metric IN ({names}) GROUP BY m.doc_id, m.metric"""
"""The first mention of each metric: the one `commune_summary` took its value from."""

FACT_SQL = {
    "computers": "SELECT doc_id, page, char_start, char_end, evidence FROM equipment JOIN latest_report_per_commune "
                 "USING (doc_id) WHERE status = 'present' AND category IN ('desktop', 'laptop', 'computer')",
    "items_lacking": "SELECT doc_id, page, char_start, char_end, evidence FROM shortages",
    "failed_checks": "SELECT doc_id, page, char_start, char_end, evidence FROM failed_checks "
                     "WHERE severity IN ('error', 'warning')",
    "documents_issued": "SELECT doc_id, arg_min(page, char_start), min(char_start), arg_min(char_end, char_start), "
                        "arg_min(evidence, char_start) FROM \"references\" JOIN latest_report_per_commune USING (doc_id) "
                        "WHERE relation = 'issued' AND issue_date IS NOT NULL GROUP BY doc_id, canonical",
    "requests": "SELECT doc_id, page, char_start, char_end, evidence FROM findings JOIN latest_report_per_commune "
                "USING (doc_id) WHERE kind = 'recommendation'",
}
"""Evidence of the charts that count fact rows, restricted to the latest report per commune."""

METRIC_EVIDENCE = {
    "online_pct": ("dossiers_received", "dossiers_received_online", "dossiers_received_direct"),
    "on_time_pct": ("dossiers_resolved", "dossiers_resolved_early", "dossiers_resolved_on_time", "dossiers_resolved_overdue"),
    "overdue_pct": ("dossiers_resolved", "dossiers_resolved_early", "dossiers_resolved_on_time", "dossiers_resolved_overdue"),
    "procedures_online_full": ("procedures_online_full",),
}
"""The metrics each computed figure rests on."""


class Evidence:
    """Evidence sentences, each stored once and referred to by id."""

    def __init__(self, files: dict[str, str]) -> None:
        self.files = files
        self.items: dict[tuple, str] = {}
        self.rows: dict[str, dict] = {}

    def add(self, doc_id: str, page: int | None, start: int | None, end: int | None, text: str | None) -> str:
        key = (doc_id, start, end)
        if key not in self.items:
            ident = f"e{len(self.items) + 1}"
            self.items[key] = ident
            self.rows[ident] = {"file": self.files.get(doc_id, doc_id), "page": page, "start": start, "end": end,
                                "text": text or ""}
        return self.items[key]


def _by_doc(evidence: Evidence, found: list[tuple]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for doc_id, page, start, end, text in sorted(found, key=lambda r: (r[0], r[2] if r[2] is not None else -1)):
        out.setdefault(doc_id, []).append(evidence.add(doc_id, page, start, end, text))
    return out


def _bars(chart_id: str, reports: list[dict], series: tuple[str, ...], links: dict[str, list[str]], unit: str = "",
          top: float | None = None) -> dict:
    return {"id": chart_id, "kind": "bars", "title": REPORT_TEXT.get(chart_id, chart_id), "unit": unit, "max": top,
            "series": [{"name": s, "label": label(s)} for s in series],
            "rows": [{"key": r["report_key"], "commune": r["commune"], "province": r["province"],
                      "values": [r.get(s) for s in series], "evidence": links.get(r["doc_id"], [])} for r in reports]}


def _timeline(con: duckdb.DuckDBPyConnection, reports: list[dict], links: dict[str, list[str]]) -> dict:
    found = con.sql("SELECT d.doc_id, strftime(d.month, '%Y-%m'), d.documents FROM documents_issued_by_month d "
                    "JOIN latest_report_per_commune USING (doc_id)").fetchall()
    months = sorted({m for _, m, _ in found})
    counts = {(d, m): n for d, m, n in found}
    return {"id": "documents_issued", "kind": "timeline", "title": REPORT_TEXT["documents_issued"], "months": months,
            "rows": [{"key": r["report_key"], "commune": r["commune"], "province": r["province"],
                      "values": [counts.get((r["doc_id"], m), 0) for m in months],
                      "evidence": links.get(r["doc_id"], [])} for r in reports]}


def _requests(con: duckdb.DuckDBPyConnection, reports: list[dict], links: dict[str, list[str]]) -> dict:
    found = con.sql("SELECT doc_id, category, requests FROM requests_per_category "
                    "JOIN latest_report_per_commune USING (doc_id)").fetchall()
    categories = sorted({c for _, c, _ in found})
    counts = {(d, c): n for d, c, n in found}
    for r in reports:
        r.update({c: counts.get((r["doc_id"], c), 0) for c in categories})
    chart = _bars("requests", reports, tuple(categories), links)
    chart["series"] = [{"name": c, "label": VALUE_LABELS.get(c, c)} for c in categories]
    return chart


def report_data(outdir: Path) -> dict:
    """Everything the page shows, as plain JSON-ready data."""
    con = connect(outdir)
    relation = con.sql(REPORTS_SQL, params=[REPORT_TEXT["unknown_commune"] + ": ", REPORT_TEXT["unknown_province"]])
    reports = [dict(zip(relation.columns, row)) for row in relation.fetchall()]
    evidence = Evidence({r["doc_id"]: r["source_path"] for r in reports})
    for r in reports:
        r["failed_checks"] = (r["checks_errors"] or 0) + (r["checks_warnings"] or 0)
    charts = []
    for chart_id, metrics in METRIC_EVIDENCE.items():
        names = ", ".join(f"'{m}'" for m in metrics)
        links = _by_doc(evidence, con.sql(FIRST_METRIC_SQL.format(names=names)).fetchall())
        unit = "%" if chart_id.endswith("_pct") else ""
        charts.append(_bars(chart_id, reports, (chart_id,), links, unit, 100.0 if unit else None))
    fact_links = {name: _by_doc(evidence, con.sql(sql).fetchall())
                  for name, sql in FACT_SQL.items() if name != "requests" or "findings" in table_names(outdir)}
    charts.append(_bars("computers", reports, MACHINE_SERIES, fact_links["computers"]))
    charts.append(_bars("items_lacking", reports, ("items_lacking",), fact_links["items_lacking"]))
    charts.append(_timeline(con, reports, fact_links["documents_issued"]))
    charts.append(_bars("failed_checks", reports, ("failed_checks",), fact_links["failed_checks"]))
    if "requests" in fact_links:
        charts.append(_requests(con, reports, fact_links["requests"]))
    table = [{"label": label(c), "values": [r.get(c) for r in reports]} for c in SIDE_BY_SIDE]
    return {
        "text": REPORT_TEXT,
        "generated": dt.datetime.now().strftime("%d/%m/%Y %H:%M"),
        "reports": [{"key": r["report_key"], "commune": r["commune"], "province": r["province"],
                     "file": r["source_path"]} for r in reports],
        "table": table,
        "charts": charts,
        "evidence": evidence.rows,
    }


def _json(data: dict) -> str:
    """JSON that cannot close the <script> element it sits in."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def render(data: dict) -> str:
    """The page: the template with its styles, script and data put inline."""
    assets = resources.files("pipeline.outputs") / "report_assets"
    page = (assets / "report.html").read_text("utf-8")
    return (page.replace("{{title}}", html.escape(data["text"]["title"]))
                .replace("/*{{style}}*/", (assets / "report.css").read_text("utf-8"))
                .replace("/*{{script}}*/", (assets / "report.js").read_text("utf-8"))
                .replace("{{data}}", _json(data)))


def write_report(outdir: Path, target: Path) -> Path:
    """Write the report of the output folder `outdir` to `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.write_text(render(report_data(outdir)), "utf-8")
    partial.replace(target)
    return target
