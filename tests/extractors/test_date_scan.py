"""A document's dates and codes are scanned once for the two extractors that ask for them, and
each asks for the dates outside its own spans: what they get is what a fresh scan gives."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from datamodel import Span
from extractors import dates
from extractors.dates import DATE, _from_match, find_dates
from extractors.doc_codes import CODE, code_matches
from extractors.references import extract_references
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
    scan = dates._scan(doc, doc.match)
    assert find_dates(doc, spans) == _fresh(doc, spans) != find_dates(doc, [])
    assert dates._scan(doc, doc.match) is scan  # the same document: scanned once
    other = document_from_text("Ngày 01/6/2024 xã họp.")
    assert [d.year for d in find_dates(other, [])] == [2024] and dates._scan(other, other.match) is not scan


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=8), st.integers(0, 45), st.integers(1, 10))
def test_the_overlap_test_is_trying_every_span(spans: list[tuple[int, int]], start: int, width: int) -> None:
    """Spans in any order, overlapping or empty: bisection over the furthest end agrees with
    trying each span."""
    skip = [Span(a, a + n) for a, n in spans]
    end = start + width
    assert dates._overlap_test(skip)(start, end) == any(s.start < end and start < s.end for s in skip)


def test_codes_are_scanned_once_for_both_extractors():
    doc = document_from_text(TEXT)
    found = code_matches(doc.text)
    assert [m.group() for m in found] == [m.group() for m in CODE.finditer(doc.text)] == ["15/KH-UBND"]
    assert code_matches(doc.text) is found  # the same text: the same scan
    assert [m.group() for m in code_matches("Theo Công văn 3691/UBND-KGVX.")] == ["3691/UBND-KGVX"]


def test_a_date_opening_the_sentence_dates_the_first_code_after_it_only():
    """The dates before a mention on its line, and the codes between, found by bisection."""
    text = ("Ngày 29/9/2025, UBND xã ban hành Quyết định số 863/QĐ-UBND và Kế hoạch số 71/KH-UBND.\n"
            "Ngày 03/10/2025, xã ban hành Kế hoạch số 74/KH-UBND; Quyết định số 880/QĐ-UBND.")
    rows = extract_references(document_from_text(text), {})["references"]
    assert [(r["canonical"], r["issue_date"]) for r in rows] == [
        ("863/QĐ-UBND", dt.date(2025, 9, 29)), ("71/KH-UBND", None),
        ("74/KH-UBND", dt.date(2025, 10, 3)), ("880/QĐ-UBND", dt.date(2025, 10, 3))]


def _dates_a_code(doc, d, codes) -> bool:
    """The rule `_IssueDates` answers, trying every code: a code right before the date on its
    line, or a leading date whose sentence cites a code after it."""
    line = doc.line_span(d.start)
    if any(line.start <= c.end <= d.start and dates.REF_TO_DATE.match(doc.match[c.end : d.start]) for c in codes):
        return True
    if not dates.LEADING_DATE.search(doc.match[line.start : d.start]):
        return False
    sentence = doc.sentence_span(d.start, d.end)
    return any(d.end < c.start < sentence.end for c in codes)


CITING = st.sampled_from(["Kế hoạch số 15/KH-UBND", " ngày 02/01/2025", "Ngày 12/3/2025, ", "xã ban hành ", "Quyết định 863/QĐ-UBND",
                          ", ", "; ", ". ", "\n", "ngày 05 tháng 10 năm 2025 ", "Công văn số 07-CV/ĐU", "từ 01/7 đến 30/9/2025 "])


@settings(max_examples=300, deadline=None)
@given(st.lists(CITING, min_size=1, max_size=14))
def test_issue_dates_by_bisection_answer_as_every_code_tried(pieces):
    doc = document_from_text("".join(pieces))
    codes = [Span(m.start(), m.end()) for m in code_matches(doc.text)]
    issue_dates = dates._IssueDates(doc, codes)
    for d in find_dates(doc, codes):
        assert issue_dates(d) == _dates_a_code(doc, d, codes)
        assert issue_dates(d) == _dates_a_code(doc, d, codes)  # asked again: the kept answer
