"""Tests of the `dates` extractor on sentences from the sample reports and in their style."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.dates import extract_dates
from pipeline.build import document_from_text, read_document

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
GOLD = Path(__file__).resolve().parents[2] / "data" / "gold"
HEADER = "ỦY BAN NHÂN DÂN\nXÃ PHƯỚC GIANG\nSố:       /BC-UBND\n{place}\nBÁO CÁO\nKết quả thực hiện Kế hoạch số 02-KH/BCĐTW\n{period}\n{body}"


def dates(text: str) -> list[dict]:
    return extract_dates(document_from_text(text), {})["dates"]


def report(body: str, place: str = "Phước Giang, ngày 24 tháng 10 năm 2025", period: str = "") -> list[dict]:
    return dates(HEADER.format(place=place, period=period, body=body))


def test_blank_template_report_date_keeps_year() -> None:
    (r,) = report("1. Về pháp lý\n- Nội dung.", place="Phước Giang, ngày      tháng     năm 2025")
    assert (r["role"], r["date"], r["day"], r["month"], r["year"], r["valid"]) == ("report_date", None, None, None, 2025, True)
    assert r["text"] == "ngày      tháng     năm 2025"


def test_words_report_date_and_period_line() -> None:
    rows = report("1. Về pháp lý\n- Nội dung.", period="(Đến ngày 14/12/2025)")
    assert [(r["role"], r["date"]) for r in rows] == [("report_date", dt.date(2025, 10, 24)), ("period_end", dt.date(2025, 12, 14))]


def test_weekly_range_with_year_once() -> None:
    rows = report("4. Kết quả thực hiện TTHC\n* Trong tuần (từ ngày 09/12 đến 14/12/2025):\n- Tổng số hồ sơ tiếp nhận 49 hồ sơ.")
    assert [(r["role"], r["date"], r["year_inferred"], r["is_range"]) for r in rows[1:]] == [
        ("period_start", dt.date(2025, 12, 9), True, True), ("period_end", dt.date(2025, 12, 14), False, True)]


def test_opening_period_and_issue_dates() -> None:
    body = ("Thực hiện Công văn số 183-CV/UBKTTU, ngày 05/9/2025 của Uỷ ban Kiểm tra Thành uỷ Hải Phòng về việc phối hợp báo cáo. "
            "Đảng uỷ xã Gia Phúc báo cáo kết quả thực hiện từ ngày 20/10/2025 đến 24/10/2025 như sau:\n1. Về pháp lý\n- Nội dung.")
    assert [r["role"] for r in report(body)] == ["report_date", "issue_date", "period_start", "period_end"]


def test_leading_issue_date_and_as_of_and_other_range() -> None:
    rows = dates("Ngày 29/9/2025, uỷ ban nhân dân xã ban hành Quyết định số 863/QĐ-UBND về thành lập Ban chỉ đạo.\n"
                 "4. Kết quả thực hiện thủ tục hành chính (số liệu tính đến hết ngày 02/10/2025)\n"
                 "- Ban Thường vụ Đảng ủy chỉ đạo thực hiện các nhiệm vụ (từ ngày 01/7/2025 đến nay).\n"
                 "- thực hiện các nhiệm vụ đột phá về chuyển đổi số từ 01/7/2025 đến ngày 31/12/2025 chi tiết.")
    assert [r["role"] for r in rows] == ["issue_date", "as_of", "other", "other", "other"]


def test_dashes_without_year_take_the_report_year() -> None:
    rows = report("1. Kết quả\nTừ ngày 1-7 đến ngày 30-9, xã đã tiếp nhận 20 hồ sơ.")
    assert [(r["role"], r["date"], r["year_inferred"]) for r in rows[1:]] == [
        ("period_start", dt.date(2025, 7, 1), True), ("period_end", dt.date(2025, 9, 30), True)]


@pytest.mark.parametrize(("period", "start", "end"), [
    ("Trong tuần (từ ngày 17 đến ngày 21/11/2025):", dt.date(2025, 11, 17), dt.date(2025, 11, 21)),
    ("Trong tuần (từ ngày 29 - 03/01/2026):", dt.date(2025, 12, 29), dt.date(2026, 1, 3)),
])
def test_range_start_written_as_a_bare_day(period: str, start: dt.date, end: dt.date) -> None:
    rows = report(f"4. Kết quả thực hiện TTHC\n* {period}\n- Tổng số hồ sơ tiếp nhận 49 hồ sơ.")
    assert [(r["role"], r["date"]) for r in rows[1:]] == [("period_start", start), ("period_end", end)]


def test_missing_space_and_split_line() -> None:
    rows = dates("Kỳ báo cáo từ 21/7đến 20/8/2021.\nKế hoạch số 02-KH/BCĐTW, ngày \n19/6/2025 về thúc đẩy chuyển đổi số")
    assert [(r["text"], r["date"]) for r in rows] == [("21/7", dt.date(2021, 7, 21)), ("20/8/2021", dt.date(2021, 8, 20)), ("19/6/2025", dt.date(2025, 6, 19))]


@pytest.mark.parametrize("text", ["ngày 15/8/225", "ngày 31/9/2025", "ngày 29/2/2025", "ngày 19/6/20025", "ngày 32/8/2025", "ngày 15/13/2025"])
def test_impossible_dates_are_kept_and_checked(text: str) -> None:
    out = extract_dates(document_from_text(f"Quyết định số 01-QĐ/ĐU, {text} của Đảng ủy xã."), {})
    (r,) = out["dates"]
    assert (r["date"], r["valid"], r["text"]) == (None, False, text.removeprefix("ngày "))
    assert [(c["rule"], c["severity"]) for c in out["checks"]] == [("impossible_date", "warning")]


def test_signature_timestamp() -> None:
    (r,) = dates("Đỗ Văn Tiến\n2025-10-09T08:31:12+0700")
    assert (r["role"], r["date"], r["text"]) == ("signed_at", dt.date(2025, 10, 9), "2025-10-09T08:31:12+0700")


@pytest.mark.parametrize("text", [
    "hạ tầng sóng 3G/4G/5G", "đạt 16/16 tiêu chí", "hỗ trợ 24/7 cho người dân", "Kế hoạch số 23/KH-UBND",
    "Quyết định số 06/2024/QĐ-UBND", "Cơ sở dữ liệu đảng viên 3.0", "tiêu chuẩn ISO 9001:2015", "giai đoạn 2025 - 2030",
    "(mã 1.012818.H24)", "(mã H24.130-250729-6118)", "tiếp nhận 1.794 hồ sơ, chiếm 66,64%",
    "số hồ sơ tăng từ 5 đến 10/15 xã",
])
def test_not_dates(text: str) -> None:
    assert dates(text) == []


@pytest.mark.parametrize("seed", ["000_3f443abda9bde363", "001_35ae03e1e9c7ec90", "003_eb674791f856846a"])
def test_samples_match_gold(seed: str) -> None:
    path = RAW / f"{seed}.txt"
    doc, _ = read_document(path.read_bytes(), str(path))
    got = [(r["text"], r["date"].isoformat() if r["date"] else None, r["role"]) for r in extract_dates(doc, {})["dates"]]
    gold = [(g["text"], g["date"], g["role"]) for g in json.loads((GOLD / seed / "dates.json").read_text())]
    assert got == gold


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789/-.: \n,()Tt+ngàyNgàythángnămtừđếnhếtđến")), max_size=200))
def test_never_raises_and_evidence_is_a_slice(text: str) -> None:
    doc = document_from_text(text)
    out = extract_dates(doc, {})
    for row in out["dates"] + out["checks"]:
        assert doc.text[row["char_start"] : row["char_end"]] == row["evidence"]
    assert sum(r["role"] == "report_date" for r in out["dates"]) <= 1
