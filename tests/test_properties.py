"""Whole-pipeline properties on arbitrary text: no extractor fails, every fact's evidence is
a slice of the document text, and every mention lies inside its evidence."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.run import process_bytes

REPORT_WORDS = st.sampled_from([
    "BÁO CÁO", "Số: 12/BC-UBND", "ngày 15 tháng 12 năm 2025", "Kế hoạch số 02-KH/BCĐTW", "57- NQ/TW", "\n", "\n\n",
    "1. Về pháp lý", "2.1.", "- ", "+ CPU: Intel Core i5-7400", "RAM 4GB", "Ổ cứng: HDD 500 GB", "04 máy scan",
    "còn thiếu", "hồ sơ", "thủ tục", "TTHC", "trực tuyến toàn trình", "1.245", "66,64%", "chiếm", "từ ngày 09/12 đến",
    "14/12/2025", "31/9/2025", "Nơi nhận:", "KT. CHỦ TỊCH", "Nguyễn Văn An", "xã Phượng Tiến", "tỉnh Thái Nguyên", ":", ";",
])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(REPORT_WORDS, st.text(max_size=12)), max_size=60).map(" ".join))
def test_no_stage_fails_and_evidence_is_a_slice(text):
    result = process_bytes(text.encode("utf-8"), "fuzz.txt")
    assert [e for e in result.errors if e["stage"] not in ("ingest", "detect")] == []
    if result.failed:
        return
    doc_text = result.tables["texts"].column("text")[0].as_py()
    for name, table in result.tables.items():
        if "evidence" not in table.column_names or "span_start" not in table.column_names:
            continue
        for row in table.to_pylist():
            assert doc_text[row["char_start"]:row["char_end"]] == row["evidence"], name
            assert row["char_start"] <= row["span_start"] <= row["span_end"] <= row["char_end"], name
