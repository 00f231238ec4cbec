"""baocao.duckdb: a view per table over the Parquet files, and comparison views whose rows on
the samples are the reports' own figures, each rendition counted once."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.outputs.database import DATABASE_NAME, build_database, connect


@pytest.fixture(scope="module")
def db(extracted):
    """The database file `baocao extract` wrote, opened as a BI tool would (read-only)."""
    path = extracted / DATABASE_NAME
    assert path.is_file() and path.stat().st_size < 2_000_000
    with duckdb.connect(str(path), read_only=True) as con:
        yield con


def rows(con, sql: str) -> list[tuple]:
    return con.sql(sql).fetchall()


def test_a_view_per_table_reads_the_parquet_files(db, extracted):
    assert rows(db, "SELECT count(*) FROM documents") == [(9,)]
    assert rows(db, "SELECT count(*) FROM commune_summary") == [(3,)]
    metrics = rows(db, "SELECT count(*) FROM metrics")[0][0]
    glob = str(extracted / "metrics" / "*.parquet")
    assert rows(duckdb.connect(), f"SELECT count(*) FROM '{glob}'") == [(metrics,)]  # the README's glob works


def test_latest_report_per_commune(db):
    got = rows(db, "SELECT commune, report_date, source_format FROM latest_report_per_commune ORDER BY commune")
    assert [(c, str(d) if d else None, f) for c, d, f in got] == [
        ("Gia Phúc", "2025-10-24", "docx"), ("Phước Giang", None, "docx"), ("Phượng Tiến", None, "docx")]


def test_on_time_and_overdue_rates(db):
    got = rows(db, "SELECT commune, dossiers_resolved, on_time_pct, overdue_pct FROM tthc_rates ORDER BY commune")
    assert got == [("Gia Phúc", 345.0, 100.0, 0.0), ("Phước Giang", 53.0, 100.0, 0.0),
                   ("Phượng Tiến", 2692.0, 99.96, 0.04)]


def test_online_share_says_how_it_was_computed(db):
    got = rows(db, "SELECT commune, online_pct, online_basis FROM online_share ORDER BY commune")
    assert got == [("Gia Phúc", None, None), ("Phước Giang", 100.0, "stated online"),
                   ("Phượng Tiến", 99.59, "received minus direct")]


def test_procedures_online(db):
    got = rows(db, "SELECT commune, procedures_online_full, procedures_known_total, online_full_pct "
                   "FROM procedures_online ORDER BY commune")
    assert got == [("Gia Phúc", 211.0, 369.0, 57.18), ("Phước Giang", 134.0, None, None)]


def test_machines_below_minimums_with_reasons_and_evidence(db):
    got = rows(db, "SELECT label, below FROM machines_below_minimums WHERE commune = 'Phượng Tiến' ORDER BY label")
    assert len(got) == 5
    assert got[4] == ("Công chức 5", "RAM below 8 GB, Intel CPU older than gen 8, Windows 10")
    assert got[0] == ("Công chức 1", "system disk not SSD, Windows 10")
    (evidence,) = rows(db, "SELECT evidence FROM machines_below_minimums WHERE label = 'Công chức 5'")[0]
    assert "4" in evidence and "GB" in evidence.upper()


def test_shortages_and_failed_checks(db):
    assert rows(db, "SELECT commune, category FROM shortages ORDER BY commune, category") == [
        ("Gia Phúc", "computer"), ("Gia Phúc", "computer"), ("Phước Giang", "scanner")]
    assert rows(db, "SELECT commune, rule FROM failed_checks WHERE severity = 'error'") == [
        ("Phước Giang", "part_exceeds_total")]


def test_documents_issued_over_time(db):
    got = dict(rows(db, "SELECT strftime(month, '%Y-%m'), documents FROM documents_issued_by_month "
                        "WHERE commune = 'Phượng Tiến'"))
    assert got == {"2025-07": 2, "2025-08": 6}


def test_requests_per_category_appears_with_findings(db, tmp_path):
    categories = rows(db, "SELECT sum(requests) FROM requests_per_category")
    recommendations = rows(db, "SELECT count(*) FROM findings f JOIN commune_summary USING (doc_id) "
                               "WHERE kind = 'recommendation'")
    assert categories == recommendations and recommendations[0][0] > 0


def test_the_database_is_rebuilt_without_findings(extracted, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for table in ("documents", "commune_summary", "equipment", "references", "checks"):
        (out / table).symlink_to((extracted / table).resolve())
    con = duckdb.connect(str(build_database(out)), read_only=True)
    views = {r[0] for r in con.sql("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert "tthc_rates" in views and "requests_per_category" not in views
    assert connect(out).sql("SELECT count(*) FROM shortages").fetchall() == [(3,)]
