import importlib.util
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

_SPEC = importlib.util.spec_from_file_location("diff_tables", Path(__file__).parents[2] / "scripts" / "diff_tables.py")
assert _SPEC and _SPEC.loader
diff_tables = importlib.util.module_from_spec(_SPEC)
sys.modules["diff_tables"] = diff_tables  # its dataclasses look their module up there
_SPEC.loader.exec_module(diff_tables)


def write(out: Path, tables: dict[str, list[dict]]) -> Path:
    for name, rows in tables.items():
        (out / name).mkdir(parents=True)
        pq.write_table(pa.Table.from_pylist(rows), out / name / "part-0.parquet")
    (out / ".baocao").mkdir()
    return out


METRICS = [{"doc_id": "a", "metric": "staff_total", "value": 12.0}, {"doc_id": "a", "metric": "dossiers_received", "value": 340.0}]


def test_identical_outputs_in_another_row_order_and_run_id_are_the_same(tmp_path):
    old = write(tmp_path / "old", {"metrics": METRICS, "errors": [{"doc_id": "a", "run_id": "r1"}]})
    new = write(tmp_path / "new", {"metrics": METRICS[::-1], "errors": [{"doc_id": "a", "run_id": "r2"}]})
    diffs = {d.name: d for d in diff_tables.diff_outputs(old, new)}
    assert not any(d.differs for d in diffs.values())
    assert diffs["metrics"].reordered and not diffs["errors"].reordered
    assert diff_tables.main([str(old), str(new)]) == 0


def test_a_changed_value_shows_both_rows_and_exits_1(tmp_path, capsys):
    changed = [METRICS[0], {**METRICS[1], "value": 34.0}]
    old, new = write(tmp_path / "old", {"metrics": METRICS}), write(tmp_path / "new", {"metrics": changed, "dates": [{"doc_id": "a"}]})
    (metrics, dates) = sorted(diff_tables.diff_outputs(old, new), key=lambda d: d.name, reverse=True)
    assert metrics.only_old == [METRICS[1]] and metrics.only_new == [changed[1]]
    assert dates.name == "dates" and dates.only_new == [{"doc_id": "a"}] and dates.columns_new == ["doc_id"]
    assert diff_tables.main([str(old), str(new)]) == 1
    out = capsys.readouterr().out
    assert "metrics: 1 row(s) only in OLD, 1 only in NEW" in out and '"value": 34.0' in out


def test_duplicate_rows_count(tmp_path):
    old = write(tmp_path / "old", {"metrics": [METRICS[0]] * 2})
    new = write(tmp_path / "new", {"metrics": [METRICS[0]]})
    (d,) = diff_tables.diff_outputs(old, new)
    assert d.only_old == [METRICS[0]] and d.only_new == []


def test_a_column_only_on_one_side_is_a_difference(tmp_path):
    old = write(tmp_path / "old", {"metrics": METRICS})
    new = write(tmp_path / "new", {"metrics": [{**r, "unit": "người"} for r in METRICS]})
    (d,) = diff_tables.diff_outputs(old, new)
    assert d.differs and d.columns_new == ["unit"] and not d.only_old


def test_an_ignored_column_is_not_compared(tmp_path):
    old = write(tmp_path / "old", {"documents": [{"doc_id": "a", "source_path": "/x/a.txt"}]})
    new = write(tmp_path / "new", {"documents": [{"doc_id": "a", "source_path": "/y/a.txt"}]})
    assert diff_tables.main([str(old), str(new)]) == 1
    assert diff_tables.main([str(old), str(new), "--ignore", "source_path"]) == 0
