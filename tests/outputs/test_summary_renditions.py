"""One commune_summary row per report: the DOCX, PDF and TXT renditions of each sample share
a report_key, the DOCX one is kept, and the table needs no join to say who reports."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from pipeline.outputs.summary import best_renditions, fill_province, short_province
from schemas.commune_summary import TABLE
from tests.conftest import SEEDS


def test_the_three_renditions_of_each_sample_share_one_key(extracted):
    documents = pd.read_parquet(extracted / "documents")
    documents["seed"] = documents.source_path.str.extract(r"(\d{3}_[0-9a-f]+)\.", expand=False)
    keys = documents.groupby("seed").report_key.agg(lambda k: set(k))
    assert sorted(keys.index) == sorted(SEEDS)
    assert all(len(k) == 1 for k in keys), keys
    assert len({next(iter(k)) for k in keys}) == 3


def test_one_summary_row_per_report_with_who_and_when(extracted):
    summary = pd.read_parquet(extracted / "commune_summary").set_index("commune")
    assert sorted(summary.index) == ["Gia Phúc", "Phước Giang", "Phượng Tiến"]
    assert (summary.renditions == 3).all() and (summary.source_format == "docx").all()
    gia_phuc = summary.loc["Gia Phúc"]
    assert (gia_phuc.commune_code, gia_phuc.province_code, gia_phuc.province_name) == (11050, 31, "Thành phố Hải Phòng")
    assert gia_phuc.report_key == "11050|2025-10-24|BC/ĐU"
    assert str(gia_phuc.report_date) == "2025-10-24" and gia_phuc.source_path.endswith("003_eb674791f856846a.docx")
    assert summary.loc["Phước Giang"].report_key == "21370|2025-12-09..2025-12-14|BC-UBND"
    assert summary.loc["Phượng Tiến"].dossiers_received == 2692


def test_province_is_filled_wherever_province_name_is(extracted):
    documents = pd.read_parquet(extracted / "documents")
    assert documents.province.notna().equals(documents.province_name.notna())
    assert set(documents[documents.commune == "Phước Giang"].province) == {"Quảng Ngãi"}
    assert short_province("Thành phố Hải Phòng") == "Hải Phòng" and short_province("Tỉnh Đắk Lắk") == "Đắk Lắk"
    table = pa.table({"province": [None, "Hải Phòng"], "province_name": ["Tỉnh Thái Nguyên", "Thành phố Hải Phòng"]})
    assert fill_province(table).column("province").to_pylist() == ["Thái Nguyên", "Hải Phòng"]


def _row(doc_id: str, fmt: str, checks_errors: int = 0) -> dict:
    return {"doc_id": doc_id, "report_key": "5563||", "source_format": fmt, "checks_errors": checks_errors,
            "renditions": 1, "rendition_doc_ids": doc_id}


def test_the_kept_rendition_follows_the_stated_rule():
    summary = pa.Table.from_pylist([_row("t", "txt"), _row("p", "pdf"), _row("d", "docx", checks_errors=1)],
                                   schema=TABLE.arrow_schema())
    errors = pa.table({"doc_id": ["p", "p"]})
    facts = {"metrics": pa.table({"doc_id": ["t", "t", "d"]})}
    # d has a failed check, p two errors rows: t wins though it is TXT
    (kept,) = best_renditions(summary, errors, facts).to_pylist()
    assert (kept["doc_id"], kept["renditions"], kept["rendition_doc_ids"]) == ("t", 3, "t,d,p")
    (even,) = best_renditions(summary, None, {}).to_pylist()
    assert even["rendition_doc_ids"] == "p,t,d"  # no errors anywhere: fewest failed checks, then PDF before TXT


def test_report_key_rules():
    from extractors.summary import report_key

    meta = {"commune_code": 5563, "commune": "Phượng Tiến", "doc_number": "85", "doc_symbol": "BC-UBND",
            "title": "Kết quả thực hiện Kế hoạch", "report_year": 2025}
    assert report_key("d1", meta, {"report_date": "2025-10-24"}) == "5563|2025-10-24|85/BC-UBND"
    assert report_key("d1", meta, {"period_start": "2025-07-01"}) == "5563|2025-07-01..|85/BC-UBND"
    assert report_key("d1", meta, {}) == "5563|2025:kếtquảthựchiệnkếhoạch|85/BC-UBND"
    assert report_key("d1", {**meta, "commune_code": None}, {}).startswith("phượngtiến|2025:")
    # nothing to tell two reports apart, or no commune: never merged with another file
    assert report_key("d1", {**meta, "title": None}, {}) == "doc:d1"
    assert report_key("d2", {"title": "Báo cáo"}, {"report_date": "2025-10-24"}) == "doc:d2"
