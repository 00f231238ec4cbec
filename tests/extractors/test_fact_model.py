"""The fact-mention model (`nlp/facts_model`): it loads with the network unavailable, proposes
only figures and devices the rules left out, with `source = model` and its score, and is off by default."""

from __future__ import annotations

import pytest

from extractors.fact_model import EQUIPMENT_THRESHOLD, FACT_MODEL_DIR, THRESHOLD, equipment_proposals, proposals
from extractors.trained_models import trained_pipeline
from pipeline.build import document_from_text
from pipeline.options import DEFAULTS, Options
from pipeline.run import process_bytes

pytestmark = pytest.mark.skipif(not (FACT_MODEL_DIR / "meta.json").exists(), reason="nlp/facts_model not built (make model)")

_TEXT = "1. Kết quả\nTrong quý, Bộ phận một cửa đã tiếp nhận 215 hồ sơ thủ tục hành chính.\n"


@pytest.fixture(scope="module")
def nlp(network_refused):
    trained_pipeline.cache_clear()
    return trained_pipeline(FACT_MODEL_DIR)


def test_a_figure_the_rules_left_out_is_proposed_with_its_score(nlp) -> None:
    doc = document_from_text(_TEXT)
    rows = proposals(doc, [], nlp)
    assert [(r["metric"], r["value"], r["source"], r["evidence"][r["span_start"] - r["char_start"]:][:3]) for r in rows] == [
        ("dossiers_received", 215.0, "model", "215")]
    assert THRESHOLD <= rows[0]["confidence"] <= 1.0


def test_a_metric_the_rules_state_is_never_proposed_again(nlp) -> None:
    doc = document_from_text(_TEXT)
    start = doc.text.index("215")
    rule = doc.fact(start, start + 3, metric="dossiers_received", value=215.0, source="rule")
    assert proposals(doc, [rule], nlp) == []


def test_the_model_runs_only_when_the_option_asks_for_it() -> None:
    data = ("BÁO CÁO\nKết quả cải cách hành chính\n" + _TEXT).encode()
    off = process_bytes(data, "a.txt", DEFAULTS).tables["metrics"].to_pylist()
    assert {r["source"] for r in off} <= {"rule"}
    assert DEFAULTS.skipped_components() == ("fact_model",)
    assert Options(fact_model=True).skipped_components() == ()


@pytest.mark.parametrize(("sentence", "metric", "value"), [
    ("Xã hiện có 14 Tổ công nghệ số cộng đồng hoạt động thường xuyên.", "community_digital_teams", 14.0),
    ("Bộ phận một cửa còn thiếu 03 máy scan.", "scanners_lacking", 3.0),
    ("Số hồ sơ công dân xin rút: 04 hồ sơ.", "dossiers_withdrawn", 4.0),
    ("Cơ quan được trang bị 05 máy in laser.", "printers_total", 5.0),
])
def test_the_labels_cover_staff_devices_and_dossier_statuses(nlp, sentence: str, metric: str, value: float) -> None:
    rows = proposals(document_from_text("1. Kết quả\n" + sentence + "\n"), [], nlp)
    assert [(r["metric"], r["value"]) for r in rows] == [(metric, value)]


def test_a_device_count_the_rules_left_out_becomes_an_equipment_row(nlp) -> None:
    doc = document_from_text("1. Hạ tầng\nBộ phận một cửa được trang bị 03 máy scan.\nXã có 12 thôn.\n")
    rows = equipment_proposals(doc, [], nlp)
    assert [(r["category"], r["quantity"], r["status"], r["source"]) for r in rows] == [("scanner", 3.0, "present", "model")]
    assert all(EQUIPMENT_THRESHOLD <= r["confidence"] <= 1.0 for r in rows)
    start = doc.text.index("03")
    rule = doc.fact(start, start + 11, category="scanner", quantity=3.0, status="present", source="sentence")
    assert not any(r["span_start"] == start for r in equipment_proposals(doc, [rule], nlp))  # the rules read it
