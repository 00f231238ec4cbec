"""A batch's rows become Arrow in one call per table; rows Arrow refuses cost only their own
document's table, with the `invalid_rows` row where one document's run puts it."""

import datetime as dt

import pyarrow.parquet as pq

from pipeline.executors import RunPlan, part_name, write_batch
from pipeline.options import Options
from pipeline.run import DocResult, _to_arrow


def _metric(doc: str, value: float, **over) -> dict:
    row = {"doc_id": doc, "domain": "tthc", "metric": "dossiers_received", "value": value, "unit": "count",
           "char_start": 0, "char_end": 30, "span_start": 10, "span_end": 13, "evidence": f"Tiếp nhận {value:g} hồ sơ."}
    return {**row, **over}


def _date(doc: str, day: int) -> dict:
    return {"doc_id": doc, "text": f"ngày {day}/12/2025", "role": "report_date", "date": dt.date(2025, 12, min(day, 31)),
            "day": day, "char_start": 0, "char_end": 15}


def _result(doc: str, facts: dict[str, list[dict]]) -> DocResult:
    result = DocResult(f"in/{doc}.txt", "txt", doc)
    _to_arrow(facts, result)
    return result


def test_rows_arrow_refuses_leave_out_only_their_document_s_table(tmp_path):
    # 2**40 passes the check of a float32 column but Arrow cannot hold it exactly: the whole
    # batch's conversion fails, then only document b's metrics are left out
    a = _result("a", {"metrics": [_metric("a", 12), _metric("a", 14)], "dates": [_date("a", 9)]})
    b = _result("b", {"metrics": [_metric("b", 7, ocr_confidence=2 ** 40), _metric("b", 140, unit="percent")],
                      "dates": [_date("b", 37)]})
    c = _result("c", {"metrics": [_metric("c", 5)], "dates": []})
    assert [e["stage"] for e in b.errors] == ["validate:metrics", "validate:metrics", "validate:dates"]
    plan = RunPlan(str(tmp_path), None, "salt", Options())
    summary = write_batch(3, [(a, None, True), (b, None, True), (c, None, True)], plan)

    metrics = pq.read_table(tmp_path / "metrics" / part_name(3)).to_pylist()
    assert [(m["doc_id"], m["value"]) for m in metrics] == [("a", 12.0), ("a", 14.0), ("c", 5.0)]
    assert [d["doc_id"] for d in pq.read_table(tmp_path / "dates" / part_name(3)).to_pylist()] == ["a", "b"]
    errors = pq.read_table(tmp_path / "errors" / part_name(3)).to_pylist()
    assert [(e["doc_id"], e["stage"], e["error_type"]) for e in errors] == [
        ("b", "write:metrics", "invalid_rows"), ("b", "validate:dates", "schema_violation")]
    assert "1099511627776" in errors[0]["message"]
    assert [d.facts for d in summary.docs] == [3, 1, 1]  # b: its date only
    assert summary.messages[0].startswith("in/b.txt: ") and len(summary.messages) == 2


def test_the_tables_of_one_document_are_what_its_batch_writes(tmp_path):
    a = _result("a", {"metrics": [_metric("a", 12)], "dates": [_date("a", 9)], "checks": []})
    plan = RunPlan(str(tmp_path), None, "salt", Options())
    write_batch(0, [(a, None, True)], plan)
    for name, table in a.tables.items():
        assert pq.read_table(tmp_path / name / part_name(0)).equals(table, check_metadata=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["checks", "dates", "metrics"]
