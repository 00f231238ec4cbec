"""A document's dates are scanned once for the two extractors that ask for them, and each asks
for them outside its own spans: what they get is what a fresh scan gives."""

from __future__ import annotations

from datamodel import Span
from extractors import dates
from extractors.dates import DATE, _from_match, find_dates
from pipeline.build import document_from_text

TEXT = ("Ngày 12/3/2025, UBND xã ban hành Kế hoạch số 15/KH-UBND ngày 02/01/2025 về chuyển đổi số; "
        "từ 01/7 đến 30/9/2025 xã tiếp nhận 120 hồ sơ. Báo cáo ngày 05 tháng 10 năm 2025.")


def _fresh(doc, skip):
    out = [_from_match(doc, m) for m in DATE.finditer(doc.match)
           if not any(s.start < m.end() and m.start() < s.end for s in skip)]
    return [d for d in out if d is not None]


def test_dates_outside_each_callers_spans_are_a_fresh_scans():
    doc = document_from_text(TEXT)
    code = TEXT.index("15/KH-UBND")
    spans = [Span(code, code + 10), Span(0, TEXT.index(","))]
    assert find_dates(doc, []) == _fresh(doc, [])
    scan = dates._last_scan
    assert find_dates(doc, spans) == _fresh(doc, spans) != find_dates(doc, [])
    assert dates._last_scan is scan  # the same document: scanned once
    other = document_from_text("Ngày 01/6/2024 xã họp.")
    assert [d.year for d in find_dates(other, [])] == [2024] and dates._last_scan is not scan
