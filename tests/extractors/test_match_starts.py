"""The scan that tries a pattern only where a match can start (`finditer_at`: dates) finds
what `finditer` finds, a date read at a place is what `DATE` matches there, and the not-yet-issued test that looks for a cue within
reach first answers as the pattern alone."""

from __future__ import annotations

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from extractors.dates import DATE, _date_starts, _from_match, read_date
from extractors.match_starts import finditer_at
from extractors.references import PENDING, PENDING_AFTER, PENDING_STARTS, cue_within_reach
from pipeline.build import document_from_text
from pipeline.ingest.base import InputError
from tests.conftest import RAW

DATE_PIECES = st.sampled_from(["0", "1", "12", "2025", "/", ".", "-", ":", " ", "\n", "ngày", "tháng", "năm", "từ", "đến",
                               "2025-07-09", "t10:30", "12025-07-09", "٣", "a", "…"])


def _spans(matches) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=500, deadline=None)
@given(st.lists(DATE_PIECES, max_size=30).map("".join))
@example("từ ngày 17 đến 21/11/2025, từ 3 tới 5/12/2025, từ 1 - 4/1/2026; 2025-07-09t10:30, 12025-07-09")
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


@settings(max_examples=300, deadline=None)
@given(st.lists(DATE_PIECES, max_size=20).map("".join))
def test_a_date_read_at_a_place_is_the_one_date_matches_there(text):
    # read_date answers from the document's scan, or not at all where no branch can start:
    # at every place (inside matches too) it gives what DATE.match there gives
    try:
        doc = document_from_text("Theo " + text + ", ngày 3/4/2025 và 2025-07-09.")
    except InputError:  # a text the encoding check takes for a legacy font's (runs of `٣`)
        assume(False)
    for pos in range(len(doc.match) + 1):
        m = DATE.match(doc.match, pos)
        assert read_date(doc, pos) == (_from_match(doc, m) if m else None), pos


def test_the_pending_cues_begin_with_one_of_their_start_words():
    # every string of four characters a cue can begin with (partial matching over the letters
    # and white space of the matching form) opens with one of PENDING_STARTS
    alphabet = [chr(i) for i in [*range(0x250), *range(0x1E00, 0x1F00), *range(0x2000, 0x200B), 0x3000, 0x2028, 0x2029, 0x85]]
    level = [""]
    for _ in range(4):
        level = [s + c for s in level for c in alphabet if PENDING.match(s + c, partial=True)]
    assert len(level) > 20
    assert [s for s in level if not s.startswith(PENDING_STARTS)] == []
    assert {next(w for w in PENDING_STARTS if s.startswith(w)) for s in level} == set(PENDING_STARTS)
