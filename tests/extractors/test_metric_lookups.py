"""The metrics' shortcuts answer as the plain questions: the naming word before a number searched
backwards, the kept answers of the wording tables, and the period headers found by `re`."""

from __future__ import annotations

import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.metrics import rules as R
from extractors.metrics.mentions import _NOT_A_COUNT
from extractors.metrics.qualifiers import PERIOD_HEADER
from extractors.vocab import counted as N
from pipeline.textforms import fold

FORWARDS = regex.compile(N.NOT_A_COUNT_BEFORE.pattern)
WORDS = ["số", "tổng số", "mã", "phụ lục", "quyết định", "thôn", "tổ", "năm", "cấp", "cung cấp", "xã", "phường",
         "khu phố", "mức độ", "giờ", "iso", "máy tính", "hồ sơ", "đạt", "x", "a", " ", "  ", "\t", ",", "(", ":", "0", "12"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=8))
def test_the_naming_word_searched_backwards_is_found_as_forwards(words: list[str]) -> None:
    before = fold("".join(words))
    for cut in range(len(before) + 1):  # every window the 40-character slice can leave
        assert bool(_NOT_A_COUNT.search(before[cut:])) == bool(FORWARDS.search(before[cut:]))


LABELS = ["tiếp nhận", "trực tuyến", "trực tiếp", "hồ sơ", "đã giải quyết", "đang giải quyết", "quá hạn", "trong hạn",
          "thủ tục", "máy tính", "một phần", "toàn trình", ", ", ": ", "số ", "và "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LABELS), max_size=6))
def test_the_kept_answers_are_the_tables_answers(words: list[str]) -> None:
    text = fold(" ".join(words))
    assert R.channel(text) == R.latest(R.CHANNELS, text)
    assert R.last_kind(text) == R.latest(R.LABEL_KINDS, text)
    assert R.first_kind(text) == R.latest(R.LABEL_KINDS, text, first=True)
    assert R.status(text) == R.first_rule(R.STATUS, text)
    assert R.parent_status(text) == R.latest(R.PARENTS, text)


HEADER_PIECES = ["trong tuần", "trong kỳ", "tuần qua", "kỳ báo cáo", "từ ngày", "trong  tháng", "quý", " (từ 09/12 đến 14/12)",
                 ":", " :", "\n", "\r", "\r\n", "\x85", "\u2028", "\x0b", "\x0c", "\x1c", "\x1e", "\xa0", "\u3000", "\t",
                 " ", "- ", "* ", "+", "•", "tiếp nhận 12 hồ sơ", "a" * 30, "x"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(HEADER_PIECES), max_size=10))
def test_the_period_header_is_found_by_re_as_by_regex(pieces: list[str]) -> None:
    # `re` scans the whole text for the period headers: where each engine's `\s`, line anchors
    # (`^`, `$` and no other line breaks) and lazy run read alike, they find the same matches
    text = "".join(pieces)
    slow = regex.compile(N.PERIOD_HEADER.pattern)
    assert isinstance(PERIOD_HEADER, re.Pattern)
    assert [(m.span(), m.span("period")) for m in PERIOD_HEADER.finditer(text)] == [
        (m.span(), m.span("period")) for m in slow.finditer(text)]
