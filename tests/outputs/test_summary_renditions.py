"""One commune_summary row per report: the DOCX, PDF and TXT renditions of each sample share
a report_key, the DOCX one is kept, and the table needs no join to say who reports."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

import schemas
from pipeline.outputs.seal import seal_documents, seal_summary
from pipeline.outputs.summary import short_province
from tests.conftest import SEEDS


def _parts(partial: Path, name: str, *batches: list[dict]) -> None:
    """`batches` written as the parts of table `name`, as a run's batches write them."""
    (partial / name).mkdir(parents=True, exist_ok=True)
    for index, rows in enumerate(batches):
        table = pa.Table.from_pylist(rows, schema=schemas.all_tables()[name].arrow_schema())
        pq.write_table(table, partial / name / f"part-{index:06d}.parquet")


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


def test_province_is_filled_wherever_province_name_is(extracted, tmp_path):
    documents = pd.read_parquet(extracted / "documents")
    assert documents.province.notna().equals(documents.province_name.notna())
    assert set(documents[documents.commune == "Phước Giang"].province) == {"Quảng Ngãi"}
    assert short_province("Thành phố Hải Phòng") == "Hải Phòng" and short_province("Tỉnh Đắk Lắk") == "Đắk Lắk"
    _parts(tmp_path, "documents", [{"doc_id": "a", "province_name": "Tỉnh Thái Nguyên"}],
           [{"doc_id": "b", "province": "Hải Phòng", "province_name": "Thành phố Hải Phòng"}, {"doc_id": "c", "province": ""}])
    seal_documents(tmp_path, "part-000000.parquet")
    sealed = pq.read_table(tmp_path / "documents")
    assert sealed.column("province").to_pylist() == ["Thái Nguyên", "Hải Phòng", None]
    assert [p.name for p in (tmp_path / "documents").iterdir()] == ["part-000000.parquet"]


def _row(doc_id: str, fmt: str, checks_errors: int = 0) -> dict:
    return {"doc_id": doc_id, "report_key": "5563||", "source_format": fmt, "checks_errors": checks_errors,
            "renditions": 1, "rendition_doc_ids": doc_id}


def _kept(partial: Path, facts: dict[str, int]) -> list[dict]:
    seal_summary(partial, pa.table({"doc_id": list(facts), "n": pa.array(list(facts.values()), pa.int64())}),
                 "part-000000.parquet")
    return pq.read_table(partial / "commune_summary").to_pylist()


def test_the_kept_rendition_follows_the_stated_rule(tmp_path):
    # the renditions come in two batches, and another report in between
    _parts(tmp_path, "commune_summary", [_row("t", "txt"), {**_row("o", "pdf"), "report_key": "other"}],
           [_row("p", "pdf"), {**_row("q", "txt"), "report_key": "other"}, _row("d", "docx", checks_errors=1)])
    _parts(tmp_path, "errors", [{"doc_id": "p", "source_path": "p.pdf"}, {"doc_id": "p", "source_path": "p.pdf"}])
    # d has a failed check, p two errors rows: t wins though it is TXT
    kept, other = _kept(tmp_path, {"t": 2, "d": 1, "q": 5})
    assert (kept["doc_id"], kept["renditions"], kept["rendition_doc_ids"]) == ("t", 3, "t,d,p")
    # no errors, no failed check: more facts win over the format; the row comes in the order the report first came
    assert (other["doc_id"], other["renditions"], other["rendition_doc_ids"]) == ("q", 2, "q,o")
    _parts(tmp_path / "even", "commune_summary", [_row("t", "txt"), _row("p", "pdf"), _row("d", "docx", checks_errors=1)])
    (even,) = _kept(tmp_path / "even", {})
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
