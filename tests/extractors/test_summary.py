"""Tests of the `summary` component: every commune_summary column equals the facts it is read from."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.equipment import extract_equipment
from extractors.registry import run_components
from extractors.summary import SPEC_FIELDS, extract_summary
from pipeline.build import document_from_text
from schemas.commune_summary import KEY_METRICS, TABLE
from tests.conftest import sample

DOC = document_from_text("BÁO CÁO\nKết quả thực hiện\n1. Về pháp lý\nNội dung.")


def summarise(facts: dict) -> dict:
    (row,) = extract_summary(DOC, facts)["commune_summary"]
    return row


def test_empty_facts_give_a_typed_row_of_nulls_and_zeros():
    row = summarise({})
    assert list(row) == TABLE.names
    assert all(row[m] is None for m in KEY_METRICS)
    assert (row["computers"], row["items_lacking"], row["checks_errors"], row["references_issued"]) == (0, 0, 0, 0)
    assert (row["share_ssd"], row["lacking_categories"], row["report_date"]) == (None, None, None)


def test_first_mention_of_each_metric():
    metrics = [
        {"metric": "dossiers_received", "value": 49.0, "span_start": 900},
        {"metric": "dossiers_received", "value": 345.0, "span_start": 120},
        {"metric": "procedures_online_full", "value": 134.0, "span_start": 50},
        {"metric": "scanners_total", "value": 4.0, "span_start": 10},
    ]
    row = summarise({"metrics": metrics})
    assert (row["dossiers_received"], row["procedures_online_full"], row["staff_quota"]) == (345.0, 134.0, None)
    assert "scanners_total" not in row


def test_counts_and_dates():
    facts = {
        "checks": [{"severity": "error"}, {"severity": "warning"}, {"severity": "warning"}, {"severity": "info"}],
        "references": [
            {"canonical": "23/KH-UBND", "relation": "issued"}, {"canonical": "23/KH-UBND", "relation": "issued"},
            {"canonical": "02-KH/BCĐTW", "relation": "cited"}, {"canonical": "57-NQ/TW", "relation": "cited"},
            {"canonical": "99/KH-UBND", "relation": "pending"},
        ],
        "dates": [
            {"role": "period_end", "date": dt.date(2025, 12, 14), "span_start": 300},
            {"role": "period_start", "date": dt.date(2025, 12, 9), "span_start": 290},
            {"role": "report_date", "date": None, "span_start": 20},
            {"role": "period_end", "date": dt.date(2025, 12, 31), "span_start": 900},
        ],
    }
    row = summarise(facts)
    assert (row["checks_errors"], row["checks_warnings"]) == (1, 2)
    assert (row["references_issued"], row["references_cited"]) == (1, 2)
    assert (row["report_date"], row["period_start"], row["period_end"]) == (None, dt.date(2025, 12, 9), dt.date(2025, 12, 14))


def test_equipment_figures():
    equipment = [
        {"category": "desktop", "quantity": 1.0, "status": "present", "ram_gb": 4.0, "storage_type": "HDD",
         "cpu_vendor": "Intel", "cpu_generation": 7, "os": "Windows 10 Pro"},
        {"category": "desktop", "quantity": 1.0, "status": "present", "ram_gb": 8.0, "storage_type": "SSD",
         "cpu_vendor": "AMD", "cpu_generation": 5, "os": "Windows 11 Pro"},
        {"category": "computer", "quantity": 9.0, "status": "present"},
        {"category": "scanner", "quantity": 2.0, "status": "present"},
        {"category": "printer", "quantity": 3.0, "status": "present"},
        {"category": "scanner", "quantity": None, "status": "lacking"},
        {"category": "computer", "quantity": 1.0, "status": "lacking"},
    ]
    row = summarise({"equipment": equipment})
    assert {k: row[k] for k in ("computers", "computers_with_specs", "computers_ram_below_8gb", "computers_hdd",
                                "computers_cpu_below_gen8", "computers_windows_10", "share_ssd", "scanners", "printers",
                                "photocopiers", "items_lacking", "lacking_categories")} == {
        "computers": 11.0, "computers_with_specs": 2.0, "computers_ram_below_8gb": 1.0, "computers_hdd": 1.0,
        "computers_cpu_below_gen8": 1.0, "computers_windows_10": 1.0, "share_ssd": 0.5, "scanners": 2.0,
        "printers": 3.0, "photocopiers": 0.0, "items_lacking": 2.0, "lacking_categories": "computer, scanner",
    }


def test_seed_001_equipment_figures():
    doc = sample("001_35ae03e1e9c7ec90", "txt")
    facts = dict(extract_equipment(doc, {}))
    row = extract_summary(doc, facts)["commune_summary"][0]
    assert (row["computers"], row["computers_with_specs"], row["computers_ram_below_8gb"], row["computers_hdd"],
            row["computers_cpu_below_gen8"], row["computers_windows_10"], row["share_ssd"]) == (5, 5, 2, 1, 1, 5, 0.8)
    assert (row["scanners"], row["printers"], row["items_lacking"], row["lacking_categories"]) == (5, 4, 0, None)


def test_seed_003_lacking():
    doc = sample("003_eb674791f856846a", "txt")
    row = extract_summary(doc, dict(extract_equipment(doc, {})))["commune_summary"][0]
    assert (row["computers"], row["items_lacking"], row["lacking_categories"]) == (9, 2, "computer")


@pytest.mark.parametrize("seed", ["000_3f443abda9bde363", "001_35ae03e1e9c7ec90", "003_eb674791f856846a"])
def test_summary_columns_equal_the_facts(seed):
    doc = sample(seed, "txt")
    facts = run_components(doc)
    (row,) = facts["commune_summary"]
    assert list(row) == TABLE.names and row["doc_id"] == doc.doc_id
    for name in KEY_METRICS:
        mentions = sorted((r for r in facts.get("metrics", []) if r["metric"] == name), key=lambda r: r["span_start"])
        assert row[name] == (mentions[0]["value"] if mentions else None)
    present = [r for r in facts.get("equipment", []) if r["status"] == "present"]
    machines = [r for r in present if r["category"] in ("desktop", "laptop", "computer")]
    assert row["computers"] == sum(r["quantity"] or 1 for r in machines)
    assert row["computers_with_specs"] == sum(r["quantity"] or 1 for r in machines if any(r[f] is not None for f in SPEC_FIELDS))
    assert row["scanners"] == sum(r["quantity"] or 1 for r in present if r["category"] == "scanner")
    assert row["items_lacking"] == sum(r["quantity"] or 1 for r in facts.get("equipment", []) if r["status"] == "lacking")
    checks = facts.get("checks", [])
    assert (row["checks_errors"], row["checks_warnings"]) == (
        sum(c["severity"] == "error" for c in checks), sum(c["severity"] == "warning" for c in checks))
    for role in ("report_date", "period_start", "period_end"):
        dated = sorted((r for r in facts.get("dates", []) if r["role"] == role and r["date"]), key=lambda r: r["span_start"])
        assert row[role] == (dated[0]["date"] if dated else None)


def _computers(text: str) -> float:
    doc = document_from_text("BÁO CÁO\nKết quả thực hiện\n2. Hạ tầng kỹ thuật\n" + text)
    return run_components(doc, only=("summary",))["commune_summary"][0]["computers"]


@pytest.mark.parametrize(("text", "computers"), [
    # parts by kind that do not add up: the stated total, never total plus parts
    ("UBND xã có 12 máy tính, trong đó 07 máy tính để bàn, 04 máy tính xách tay.", 12.0),
    ("Bộ phận một cửa được trang bị 06 máy tính (03 máy tính để bàn, 01 máy tính xách tay).", 6.0),
    # parts that add up replace the total (equipment keeps only the parts)
    ("UBND xã có 10 máy tính, gồm 08 máy tính để bàn và 02 máy tính xách tay.", 10.0),
    # kinds listed side by side, no total: their sum
    ("Xã có 05 máy tính để bàn và 03 máy tính xách tay.", 8.0),
    # a total and a separate machine of another sentence still add
    ("Xã có 09 máy tính. Năm nay được tặng thêm 02 máy tính xách tay.", 11.0),
])
def test_a_computer_total_is_not_added_to_its_kind_parts(text: str, computers: float) -> None:
    assert _computers(text) == computers
