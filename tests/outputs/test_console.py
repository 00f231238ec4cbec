"""The console side: `baocao query` (table and CSV), `baocao errors` in plain words, the
per-commune table at the end of a run."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.cli import main
from pipeline.outputs.console import errors_text, summary_table


def test_query_prints_a_table_and_csv(extracted, capsys):
    sql = "SELECT commune, on_time_pct FROM tthc_rates ORDER BY commune"
    assert main(["query", sql, "-o", str(extracted)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["commune", "on_time_pct"] and table[3].split() == ["Phượng", "Tiến", "99.96"]
    assert main(["query", sql, "-o", str(extracted), "--csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["commune,on_time_pct", "Gia Phúc,100.0", "Phước Giang,100.0",
                                                    "Phượng Tiến,99.96"]


def test_query_errors_are_usage_errors(extracted, tmp_path, capsys):
    assert main(["query", "SELECT nothing FROM nowhere", "-o", str(extracted)]) == 2
    assert "query failed" in capsys.readouterr().err
    assert main(["query", "SELECT 1", "-o", str(tmp_path)]) == 2
    assert "no baocao tables in" in capsys.readouterr().err


def test_summary_table_per_commune(extracted):
    text = summary_table(extracted)
    lines = text.splitlines()
    assert lines[0].split("  ")[0] == "Xã/phường" and "Đúng hạn %" in lines[0]
    phuong_tien = next(line for line in lines if line.startswith("Phượng Tiến"))
    assert phuong_tien.split()[-4:] == ["2,692", "99.96", "5", "0"]
    assert summary_table(extracted, width=40) is None  # too narrow: nothing rather than a broken table


def test_errors_in_plain_words(extracted, tmp_path, capsys):
    assert main(["errors", str(extracted)]) == 0
    assert "Không có lỗi" in capsys.readouterr().out
    (tmp_path / "errors").mkdir()
    schema = pq.read_schema(next((extracted / "errors").glob("*.parquet")))
    rows = [{"doc_id": "ab12", "source_path": "in/a.txt", "stage": "validate:metrics", "error_type": "schema_violation",
             "message": "table metrics, column value, document ab12: percentage 140 is outside 0-100; value not written"},
            {"doc_id": None, "source_path": "in/b.pdf", "stage": "ingest", "error_type": "no_text_layer",
             "message": "no text layer"}]
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp_path / "errors" / "part-0.parquet")
    text = errors_text(tmp_path)
    assert text.splitlines()[0] == f"2 lỗi trong {tmp_path} (2 errors):"
    assert "  - Một giá trị bị loại vì không đúng quy định của bảng: giá trị không hợp lệ, không được ghi" in text
    assert "  - Không đọc được nội dung tệp: tệp PDF là ảnh quét, không có lớp chữ" in text
    assert text.index("in/a.txt") < text.index("in/b.pdf")


def test_the_end_of_a_run_shows_the_table_on_a_wide_terminal(extracted, capsys, monkeypatch):
    import os
    import sys

    from pipeline.outputs.commands import after_extract

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr("shutil.get_terminal_size", lambda *a: os.terminal_size((160, 40)))
    after_extract(extracted)
    err = capsys.readouterr().err
    assert "baocao.duckdb" in err and "Phượng Tiến" in err and "Đúng hạn %" in err
    monkeypatch.setattr("shutil.get_terminal_size", lambda *a: os.terminal_size((50, 40)))
    after_extract(extracted)
    assert "Phượng Tiến" not in capsys.readouterr().err  # too narrow: no broken table
    after_extract(extracted, quiet=True)
    assert capsys.readouterr().err == ""
