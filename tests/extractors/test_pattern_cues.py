"""The cue words read from a pattern are held by every match: a line without one cannot match."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.fast_regex import fast_compiled
from extractors.finding_parts import _HEADING_KIND
from extractors.findings import _ANY_CATEGORY
from extractors.pattern_cues import cue_words, holds_cue
from extractors.vocab.findings import DIFFICULTY_MET, STATED_IS
from pipeline.textforms import fold


def test_a_plain_sequence_gives_its_longest_run() -> None:
    assert cue_words(r"nguyên\s+nhân\s+(?:chủ\s+yếu\s+)?là") == ("nguyên",)
    assert cue_words(r"[^,.;:]{0,30}?\s+là\s+") == ("là",)


def test_an_alternation_gives_a_word_of_each_alternative() -> None:
    assert cue_words(r"(?:khó\s+khăn|vướng\s+mắc)") == ("khăn", "vướng")
    assert cue_words(r"(?P<k0>hạn\s+chế|tồn\s+tại)\s*:") == ("hạn", "tồn")


def test_no_words_when_an_alternative_has_none_or_case_is_folded() -> None:
    assert cue_words(r"khó\s+khăn|[a-z]+") is None
    assert cue_words(r"(?i)khó\s+khăn") is None
    assert cue_words(r"\bkhó\b") is None  # a pattern `re` does not read the same way
    assert holds_cue(None, "bất kỳ câu nào")


def test_a_sentence_without_a_cue_is_passed_over() -> None:
    words = cue_words(DIFFICULTY_MET.pattern)
    assert holds_cue(words, fold("Xã vẫn còn gặp nhiều khó khăn về đường truyền."))
    assert not holds_cue(words, fold("Xã đã hoàn thành 100% chỉ tiêu số hóa hồ sơ."))


_PIECES = ["khó", "khăn", "vướng", "mắc", "hạn", "chế", "là", "còn", "gặp", "vẫn", "có", "người", "dân", "kinh", "phí",
           "mạng", "máy", "tính", "chưa", "đạt", "được", "kết", "quả", "nguyên", "nhân", "không", "một", "số", "xã"]


@pytest.mark.parametrize("pattern", [DIFFICULTY_MET.pattern, STATED_IS.pattern, _HEADING_KIND.pattern, _ANY_CATEGORY.pattern])
@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(_PIECES), max_size=12), seps=st.lists(st.sampled_from([" ", "  ", ", ", "\n"]), max_size=12))
def test_every_match_holds_a_cue(pattern: str, words: list[str], seps: list[str]) -> None:
    text = "".join(w + (seps[i] if i < len(seps) else " ") for i, w in enumerate(words))
    if fast_compiled(pattern).search(text) or re.search(pattern, text):
        assert holds_cue(cue_words(pattern), text)
