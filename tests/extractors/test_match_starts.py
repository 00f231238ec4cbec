"""The scan that tries a pattern only where a match can start (`finditer_at`: dates) finds
what `finditer` finds, and the not-yet-issued test that looks for a cue within
reach first answers as the pattern alone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.dates import DATE, _date_starts
from extractors.match_starts import finditer_at
from extractors.references import PENDING_AFTER, cue_within_reach
from pipeline.build import document_from_text
from tests.conftest import RAW

DATE_PIECES = st.sampled_from(["0", "1", "12", "2025", "/", ".", "-", ":", " ", "\n", "ngày", "tháng", "năm", "từ", "đến",
                               "2025-07-09", "t10:30", "12025-07-09", "٣", "a", "…"])


def _spans(matches) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=500, deadline=None)
@given(st.lists(DATE_PIECES, max_size=30).map("".join))
def test_dates_are_found_where_finditer_finds_them(text):
    assert _spans(finditer_at(DATE, text, _date_starts(text))) == _spans(DATE.finditer(text))


def test_the_samples_dates_are_those_of_finditer():
    for path in sorted(RAW.glob("*.txt")):
        doc = document_from_text(path.read_text("utf-8"))
        assert _spans(finditer_at(DATE, doc.match, _date_starts(doc.match))) == _spans(DATE.finditer(doc.match))


PENDING_PIECES = st.sampled_from(["Kế hoạch số 12/KH-UBND", " ", ", ", ". ", "\n", "chưa ban hành", "đang dự thảo",
                                  "đã xây dựng dự thảo", "đang được hoàn thiện", "nhưng", "Quy chế", "x" * 30, "chưa",
                                  "đang xây dựng dự thảo"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PENDING_PIECES, min_size=1, max_size=12).map("".join))
def test_a_cue_is_within_reach_wherever_the_pending_pattern_matches(text):
    match = document_from_text(text).match
    for pos in range(len(match) + 1):
        if PENDING_AFTER.match(match, pos):
            assert cue_within_reach(match, pos)


def test_a_cue_out_of_reach_is_not_looked_for():
    match = document_from_text("Kế hoạch số 12/KH-UBND " + "x" * 100 + " chưa ban hành.").match
    assert not cue_within_reach(match, 0)
    assert cue_within_reach(match, 50)
