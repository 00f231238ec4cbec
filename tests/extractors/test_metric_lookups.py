"""The metrics' shortcuts answer as the plain questions: the naming word before a number searched
backwards, and the kept answers of the wording tables."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.metrics import rules as R
from extractors.metrics.mentions import _NOT_A_COUNT
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
