"""`OUTDIR/baocao.duckdb`: a view per table over its Parquet files, and ready views for
comparing communes, so a BI tool or `duckdb` opens one file and finds everything.

The views read `OUTDIR/<table>/*.parquet` through the output's stable links, so the database
stays a few hundred kilobytes and sees each new run without being rebuilt; its paths are
absolute (DuckDB resolves relative ones against the reader's working folder), so a moved output
folder needs `baocao db OUTDIR` once. `connect` builds the same views in memory for
`baocao query`. The comparison views read `commune_summary`, which holds one rendition per
report, and join fact rows to it, so no figure is counted three times."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from extractors.vocab.specs import CPU_MIN_GENERATION, RAM_MIN_GB, SYSTEM_DISK

DATABASE_NAME = "baocao.duckdb"

REPORT = "s.report_key, s.commune, s.commune_code, s.province_name, s.province_code, s.report_date"
"""The columns that say which report a comparison row is about."""

_PARTS = "coalesce(dossiers_resolved_early, dossiers_resolved_on_time, dossiers_resolved_overdue)"
_RESOLVED = (f"coalesce(dossiers_resolved, CASE WHEN {_PARTS} IS NOT NULL THEN coalesce(dossiers_resolved_early, 0) "
             "+ coalesce(dossiers_resolved_on_time, 0) + coalesce(dossiers_resolved_overdue, 0) END)")

COMPARISON_VIEWS: dict[str, str] = {
    "latest_report_per_commune": """
        SELECT * EXCLUDE (rank_) FROM (
          SELECT *, row_number() OVER (
            PARTITION BY coalesce(CAST(commune_code AS VARCHAR), commune, report_key)
            ORDER BY coalesce(report_date, period_end, period_start) DESC NULLS LAST, doc_id) AS rank_
          FROM commune_summary) WHERE rank_ = 1""",
    "tthc_rates": f"""
        SELECT doc_id, report_key, commune, commune_code, province_name, report_date, period_start, period_end,
          dossiers_received, {_RESOLVED} AS dossiers_resolved,
          dossiers_resolved_early, dossiers_resolved_on_time, dossiers_resolved_overdue,
          CASE WHEN coalesce(dossiers_resolved_early, dossiers_resolved_on_time) IS NOT NULL THEN
            round(100 * (coalesce(dossiers_resolved_early, 0) + coalesce(dossiers_resolved_on_time, 0))
                  / nullif({_RESOLVED}, 0), 2) END AS on_time_pct,
          round(100 * dossiers_resolved_overdue / nullif({_RESOLVED}, 0), 2) AS overdue_pct,
          dossiers_in_progress_overdue
        FROM commune_summary""",
    "online_share": """
        SELECT doc_id, report_key, commune, commune_code, province_name, report_date,
          dossiers_received, dossiers_received_online, dossiers_received_direct,
          round(100 * coalesce(dossiers_received_online, dossiers_received - dossiers_received_direct)
                / nullif(dossiers_received, 0), 2) AS online_pct,
          CASE WHEN dossiers_received_online IS NOT NULL THEN 'stated online'
               WHEN dossiers_received_direct IS NOT NULL THEN 'received minus direct' END AS online_basis,
          dossiers_online_full_pct AS online_full_pct_stated
        FROM commune_summary WHERE dossiers_received IS NOT NULL""",
    "procedures_online": """
        SELECT doc_id, report_key, commune, commune_code, province_name, report_date,
          procedures_total, procedures_online_full, procedures_online_partial, procedures_direct,
          coalesce(procedures_total, procedures_online_full + procedures_online_partial + procedures_direct)
            AS procedures_known_total,
          round(100 * procedures_online_full / nullif(coalesce(procedures_total,
            procedures_online_full + procedures_online_partial + procedures_direct), 0), 2) AS online_full_pct
        FROM commune_summary
        WHERE coalesce(procedures_total, procedures_online_full, procedures_online_partial) IS NOT NULL""",
    "machines_below_minimums": f"""
        SELECT {REPORT}, e.category, e.quantity, e.label, e.cpu_model, e.cpu_generation, e.ram_gb,
          e.storage_type, e.os,
          concat_ws(', ',
            CASE WHEN e.ram_gb < {RAM_MIN_GB} THEN 'RAM below {RAM_MIN_GB} GB' END,
            CASE WHEN e.storage_type IS NOT NULL AND e.storage_type <> '{SYSTEM_DISK}' THEN 'system disk not {SYSTEM_DISK}' END,
            CASE WHEN e.cpu_vendor = 'Intel' AND e.cpu_generation < {CPU_MIN_GENERATION}
                 THEN 'Intel CPU older than gen {CPU_MIN_GENERATION}' END,
            CASE WHEN regexp_matches(lower(e.os), 'win(dows)?\\s*10') THEN 'Windows 10' END) AS below,
          e.doc_id, e.page, e.char_start, e.char_end, e.evidence
        FROM equipment e JOIN commune_summary s USING (doc_id)
        WHERE e.status = 'present' AND e.category IN ('desktop', 'laptop', 'computer')
          AND (e.ram_gb < {RAM_MIN_GB} OR e.storage_type <> '{SYSTEM_DISK}'
               OR (e.cpu_vendor = 'Intel' AND e.cpu_generation < {CPU_MIN_GENERATION})
               OR regexp_matches(lower(e.os), 'win(dows)?\\s*10'))""",
    "shortages": f"""
        SELECT {REPORT}, e.category, e.quantity, e.label, e.doc_id, e.page, e.char_start, e.char_end, e.evidence
        FROM equipment e JOIN commune_summary s USING (doc_id) WHERE e.status = 'lacking'""",
    "documents_issued_by_month": f"""
        SELECT s.doc_id, {REPORT}, date_trunc('month', r.issue_date)::DATE AS month, count(DISTINCT r.canonical) AS documents
        FROM "references" r JOIN commune_summary s USING (doc_id)
        WHERE r.relation = 'issued' AND r.issue_date IS NOT NULL
        GROUP BY ALL""",
    "failed_checks": f"""
        SELECT {REPORT}, c.rule, c.severity, c.message, c.doc_id, c.page, c.char_start, c.char_end, c.evidence
        FROM checks c JOIN commune_summary s USING (doc_id)""",
}
"""Views over the kept renditions, by name; each row carries the report it is about."""

FINDINGS_VIEWS: dict[str, str] = {
    "requests_per_category": f"""
        SELECT s.doc_id, {REPORT}, f.category, count(*) AS requests, list(f.text ORDER BY f.char_start) AS texts
        FROM findings f JOIN commune_summary s USING (doc_id)
        WHERE f.kind = 'recommendation'
        GROUP BY ALL""",
}
"""Views that need the `findings` table: created only where the output has it."""


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def table_names(outdir: Path) -> list[str]:
    """The tables of an output folder (the links the writer keeps), sorted."""
    return sorted(p.name for p in outdir.iterdir()
                  if p.is_dir() and not p.name.startswith(".") and any(p.glob("*.parquet")))


def create_views(con: duckdb.DuckDBPyConnection, outdir: Path) -> list[str]:
    """A view per table of `outdir` and the comparison views its tables allow; returns their names."""
    base = outdir.resolve()
    tables = table_names(base)
    for name in tables:
        con.execute(f"CREATE OR REPLACE VIEW \"{name}\" AS SELECT * FROM read_parquet('{_quote(base / name)}/*.parquet')")
    views = dict(COMPARISON_VIEWS) if {"commune_summary", "equipment", "references", "checks"} <= set(tables) else {}
    if "findings" in tables and views:
        views.update(FINDINGS_VIEWS)
    for name, sql in views.items():
        con.execute(f'CREATE OR REPLACE VIEW "{name}" AS {sql}')
    return tables + list(views)


def connect(outdir: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory database with the views over `outdir` (for `baocao query`)."""
    con = duckdb.connect()
    create_views(con, outdir)
    return con


def build_database(outdir: Path) -> Path:
    """Write `outdir/baocao.duckdb` (replaced in one rename, so a reader never sees half of it)."""
    target = outdir / DATABASE_NAME
    partial = outdir / f".{DATABASE_NAME}.{os.getpid()}.partial"
    partial.unlink(missing_ok=True)
    try:
        with duckdb.connect(str(partial)) as con:
            create_views(con, outdir)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
        Path(f"{partial}.wal").unlink(missing_ok=True)
    return target
