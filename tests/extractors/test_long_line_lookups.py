"""Device mentions on a long line cost no scan of the line each: the nearest holder unit is found
by bisection, the shortage and loss cues before a mention are matched backwards from it; each
gives what the scan it replaces gave. The fact model's test of a number against the rule rows'
spans is a bisection too."""

from __future__ import annotations

import time

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from datamodel import Span
from extractors.equipment.items import _UNIT_RES, _nearest_unit
from extractors.equipment.mentions import _LACKING_BEFORE, _LOSS_BEFORE
from extractors.fact_model import _Covered
from pipeline.build import document_from_text
from pipeline.textforms import fold

PIECES = ["Trung tâm phục vụ hành chính công có 03 máy tính", "HĐND xã", "mặt trận", "Đảng ủy",
          "bộ phận một cửa", "và", "02 máy in", "trung tâm y tế", "UBMTTQ", "khối Đảng"]


def _scan(text: str, start: int, end: int, within: Span) -> str | None:
    """The definition: every unit in the window, the nearest winning, one before it on a tie."""
    hits = [(max(start - m.end(), m.start() - end, 0), m.start() > start, name)
            for name, rx in _UNIT_RES for m in rx.finditer(text, within.start, within.end)]
    return min(hits)[2] if hits else None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12), st.data())
def test_bisection_finds_the_unit_a_scan_finds(pieces, data):
    doc = document_from_text(" ".join(pieces))
    size = len(doc.match)
    lo = data.draw(st.integers(0, size))
    hi = data.draw(st.integers(lo, size))
    start = data.draw(st.integers(lo, hi))
    end = data.draw(st.integers(start, hi))
    within = Span(lo, hi)
    assert _nearest_unit(doc, start, end, within) == _scan(doc.match, start, end, within)


def _seconds(repeats: int) -> float:
    doc = document_from_text(" ".join(["HĐND xã có 02 máy in và Đảng ủy có 03 máy tính"] * repeats))
    line = Span(0, len(doc.match))
    started = time.process_time()
    for offset in range(0, len(doc.match), 40):
        _nearest_unit(doc, offset, offset + 5, line)
    return time.process_time() - started


def test_a_mention_on_a_long_line_does_not_rescan_the_line():
    small, large = (min(_seconds(n) for _ in range(3)) for n in (500, 4000))  # CPU time, best of 3: other processes' load does not count
    assert large < 8 * small * 3, (small, large)  # 8x the text, 8x the mentions: linear, with slack


CUE_WORDS = ["còn thiếu", "thiếu", "bị mất", "mất", "hư hỏng", "các", "gồm", ":", ",", "cụ thể là", "xã", "có",
             "máy", "chưa", "đi", "Thiếu:", "bịmất"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(CUE_WORDS), max_size=8), st.data())
def test_cues_matched_backwards_from_the_mention_are_the_ones_a_forward_search_finds(words, data):
    text = fold(" ".join(words))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for backwards in (_LACKING_BEFORE, _LOSS_BEFORE):
        forwards = regex.compile(backwards.pattern)
        assert bool(backwards.match(text, start, end)) == bool(forwards.search(text, start, end))


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60))), st.integers(0, 70))
def test_a_number_is_covered_by_the_merged_spans_when_a_span_holds_it(spans, offset):
    assert (offset in _Covered(spans)) == any(s <= offset < e for s, e in spans)
