"""Schema validation on write: a violation is an errors row naming table, column and document,
and the value is never coerced."""

from __future__ import annotations

import datetime as dt

import pytest

import schemas
from schemas.validate import checked_rows, validated

METRICS = schemas.all_tables()["metrics"]
EQUIPMENT = schemas.all_tables()["equipment"]
DATES = schemas.all_tables()["dates"]


def metric(**over) -> dict:
    row = {"doc_id": "d1", "domain": "tthc", "metric": "dossiers_online_pct", "value": 66.6, "unit": "percent",
           "char_start": 0, "char_end": 40, "span_start": 10, "span_end": 16, "evidence": "Tỷ lệ hồ sơ trực tuyến đạt 66,6%."}
    return {**row, **over}


def test_a_valid_row_passes_unchanged():
    table, errors = validated(METRICS, [metric()], "a.txt")
    assert errors == []
    assert table.column("value").to_pylist() == [66.6]


def test_a_percentage_of_140_is_an_error_row_and_the_fact_is_not_written():
    table, errors = validated(METRICS, [metric(value=140.0), metric()], "a.txt")
    assert table.num_rows == 1 and table.column("value").to_pylist() == [66.6]
    messages = [e["message"] for e in errors]
    assert messages[0] == "table metrics, column value, document d1: percentage 140 is outside 0-100; value not written"
    assert messages[1] == "table metrics, column value, document d1: required value missing; row not written"
    assert {(e["stage"], e["error_type"], e["source_path"]) for e in errors} == {("validate:metrics", "schema_violation", "a.txt")}


def test_a_count_above_100_is_fine():
    table, errors = validated(METRICS, [metric(metric="dossiers_received", unit="count", value=2692.0)])
    assert errors == [] and table.column("value").to_pylist() == [2692.0]


def test_a_wrong_type_is_reported_not_coerced():
    rows = [{"doc_id": "d2", "category": "desktop", "status": "present", "cpu_generation": 7.5, "ram_gb": True,
             "char_start": 0, "char_end": 5, "evidence": "2 máy"}]
    table, errors = validated(EQUIPMENT, rows, "b.docx")
    assert [e["message"] for e in errors] == [
        "table equipment, column cpu_generation, document d2: 7.5 is not a whole number that fits int32; value not written",
        "table equipment, column ram_gb, document d2: True is not a number; value not written",
    ]
    assert table.to_pylist()[0]["cpu_generation"] is None and table.to_pylist()[0]["ram_gb"] is None


def test_a_whole_number_too_large_for_its_column_is_reported_not_raised():
    row = {"doc_id": "d2", "category": "desktop", "status": "present", "char_start": 0, "char_end": 5, "evidence": "2 máy"}
    table, errors = validated(EQUIPMENT, [{**row, "cpu_generation": 2.0 ** 31}, {**row, "cpu_generation": 2 ** 31 - 1}], "b.docx")
    assert [e["message"] for e in errors] == [
        "table equipment, column cpu_generation, document d2: 2147483648.0 is not a whole number that fits int32; value not written"]
    assert table.column("cpu_generation").to_pylist() == [None, 2 ** 31 - 1]


def test_a_number_in_a_date_column_is_not_turned_into_1970():
    rows = [{"doc_id": "d3", "text": "ngày 9/12/2025", "role": "report_date", "date": 3, "char_start": 0, "char_end": 5}]
    table, errors = validated(DATES, rows)
    assert errors[0]["message"] == "table dates, column date, document d3: 3 is not a date; value not written"
    assert table.column("date").to_pylist() == [None]
    ok, none = validated(DATES, [{**rows[0], "date": dt.date(2025, 12, 9)}])
    assert none == [] and ok.column("date").to_pylist() == [dt.date(2025, 12, 9)]


def test_a_missing_required_column_drops_the_row():
    row = metric()
    del row["unit"]
    table, errors = validated(METRICS, [row], "c.pdf")
    assert table.num_rows == 0
    assert errors[0]["message"] == "table metrics, column unit, document d1: required value missing; row not written"


def test_a_value_outside_the_allowed_set_and_an_unknown_column():
    table, errors = validated(METRICS, [metric(domain="sports", colour="red")])
    assert [e["message"] for e in errors] == [
        "table metrics, column domain, document d1: 'sports' is not one of infrastructure, legal, staff, tthc; value not written",
        "table metrics, column colour, document d1: column not in the schema; not written",
        "table metrics, column domain, document d1: required value missing; row not written",
    ]
    assert table.num_rows == 0


def test_a_violation_in_a_run_lands_in_the_errors_table(tmp_path, monkeypatch):
    """End to end: an extractor that produces a 140 % share leaves an errors row, the run goes on."""
    import pandas as pd

    from extractors import summary
    from pipeline.cli import main

    real = summary.summary_row

    def broken(doc, facts):
        return {**real(doc, facts), "dossiers_digitized_pct": 140.0}

    monkeypatch.setattr(summary, "summary_row", broken)
    src = tmp_path / "in.txt"
    src.write_text("ỦY BAN NHÂN DÂN\nXÃ PHƯỢNG TIẾN\nBÁO CÁO\nTiếp nhận 12 hồ sơ.\n", "utf-8")
    assert main(["extract", str(src), "-o", str(tmp_path / "out"), "-q"]) == 1
    errors = pd.read_parquet(tmp_path / "out" / "errors")
    (message,) = errors[errors.stage == "validate:commune_summary"].message
    assert "column dossiers_digitized_pct" in message and "percentage 140 is outside 0-100" in message
    assert pd.read_parquet(tmp_path / "out" / "commune_summary").dossiers_digitized_pct.isna().all()


EQUIPMENT_ROW = {"doc_id": "d4", "category": "desktop", "status": "present", "quantity": 3, "cpu_generation": 7,
                 "char_start": 0, "char_end": 5, "page": 1, "evidence": "3 máy", "ocr_confidence": 91.5}


@pytest.mark.parametrize(("table", "good", "bad", "message"), [
    (METRICS, metric(), metric(value=140.0), "percentage 140 is outside 0-100"),
    (METRICS, metric(), metric(value=float("nan")), "is not a number (NaN)"),
    (METRICS, metric(), metric(value=float("inf")), "inf is not a number"),
    (METRICS, metric(), metric(unit="dozen"), "'dozen' is not one of count, percent, ratio"),
    (METRICS, metric(), metric(char_start=-1), "value -1 is below 0"),
    (METRICS, metric(), metric(evidence=7), "7 is not text"),
    (METRICS, metric(), metric(colour="red"), "column not in the schema"),
    (METRICS, metric(), {k: v for k, v in metric().items() if k != "metric"}, "required value missing"),
    (EQUIPMENT, EQUIPMENT_ROW, {**EQUIPMENT_ROW, "quantity": True}, "True is not a number"),
    (EQUIPMENT, EQUIPMENT_ROW, {**EQUIPMENT_ROW, "cpu_generation": 7.5}, "7.5 is not a whole number"),
    (EQUIPMENT, EQUIPMENT_ROW, {**EQUIPMENT_ROW, "cpu_generation": 0}, "value 0 is below 1"),
    (EQUIPMENT, EQUIPMENT_ROW, {**EQUIPMENT_ROW, "cpu_generation": 2 ** 40}, "is not a whole number that fits int32"),
    (EQUIPMENT, EQUIPMENT_ROW, {**EQUIPMENT_ROW, "storage_type": "tape"}, "'tape' is not one of HDD, SSD"),
    (DATES, {"doc_id": "d3", "text": "ngày 9/12/2025", "role": "report_date", "date": dt.date(2025, 12, 9)},
     {"doc_id": "d3", "text": "ngày 9/12/2025", "role": "report_date", "date": dt.datetime(2025, 12, 9, 8, 30)},
     "is not a date"),
])
def test_one_bad_value_among_many_good_rows_is_found(table, good, bad, message):
    """The whole-column check passes many rows at once; one bad value among them still gets
    the row loop's errors row, as when it is alone."""
    rows = [dict(good) for _ in range(40)]
    rows.insert(17, bad)
    kept, errors = checked_rows(table, rows, "e.txt")
    alone = checked_rows(table, [bad], "e.txt")
    assert errors == alone[1] and len(errors) >= 1 and message in errors[0]["message"]
    assert kept[:17] == rows[:17] and kept[-22:] == rows[-22:]


def test_good_rows_pass_whole_and_unchanged():
    rows = [metric(value=float(v), span_start=v) for v in range(60)] + [metric(unit="count", value=2692)]
    kept, errors = checked_rows(METRICS, rows, "a.txt")
    assert errors == [] and kept == rows
    midnight = {"doc_id": "d3", "text": "ngày 9/12/2025", "role": "report_date", "date": dt.datetime(2025, 12, 9)}
    assert checked_rows(DATES, [midnight] * 3)[1] == []  # a datetime at midnight is a date, as in the row loop
