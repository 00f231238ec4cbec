"""The merged span union answers what a scan over every span answers: an offset inside one,
and a sentence sharing an offset with one (how findings tells a sentence inside a part)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extractors.span_union import SpanUnion

SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)))


@given(SPANS, st.integers(0, 70))
def test_an_offset_is_inside_the_union_when_a_span_holds_it(spans, offset):
    assert (offset in SpanUnion(spans)) == any(s <= offset < e for s, e in spans)


@given(SPANS, st.integers(0, 70), st.integers(1, 30))
def test_a_sentence_overlaps_the_union_when_it_shares_an_offset_with_a_nonempty_span(spans, start, length):
    end = start + length
    scan = any(ps <= start < pe or start <= ps < end for ps, pe in spans if ps < pe)
    assert SpanUnion(spans).overlaps(start, end) == scan


def test_touching_spans_merge_and_an_adjacent_sentence_does_not_overlap() -> None:
    union = SpanUnion([(10, 20), (20, 25), (40, 50)])
    assert (union.starts, union.ends) == ([10, 40], [25, 50])
    assert not union.overlaps(25, 40) and union.overlaps(24, 26) and union.overlaps(0, 11)


@given(SPANS, st.integers(0, 70), st.integers(1, 30))
def test_a_line_is_covered_when_every_offset_of_it_is_in_the_union(spans, start, length):
    end = start + length
    assert SpanUnion(spans).covers(start, end) == all(any(s <= o < e for s, e in spans) for o in range(start, end))


def test_a_line_across_two_runs_is_not_covered() -> None:
    union = SpanUnion([(10, 20), (22, 30)])
    assert union.covers(10, 20) and union.covers(23, 30) and not union.covers(15, 25) and not union.covers(5, 12)
