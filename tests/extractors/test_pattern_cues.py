"""The cue words read from a pattern are held by every match: a line without one cannot match."""

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from extractors.fast_regex import fast_compiled
from extractors.finding_parts import _HEADING_KIND, _NAMED_FIRST, LABEL, _bare
from extractors.pattern_cues import cue_finder, cue_words, first_chars, start_finder, top_alternatives
from extractors.vocab import alternation
from extractors.vocab.findings import CATEGORIES, DIFFICULTY_MET, STATED_IS
from pipeline.build import document_from_text
from pipeline.textforms import fold

_ANY_PLAIN = alternation(CATEGORIES)


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
    assert cue_finder(None)("bất kỳ câu nào")
    assert not cue_finder(())("bất kỳ câu nào")


def test_a_sentence_without_a_cue_is_passed_over() -> None:
    words = cue_words(DIFFICULTY_MET.pattern)
    line = fold("Xã đã hoàn thành 100% chỉ tiêu số hóa hồ sơ. Các thôn vùng cao còn gặp khó khăn về đường truyền.")
    assert cue_finder(words)(line)
    assert not cue_finder(words)(line, 0, line.index(" các"))  # only the first sentence is read


_PIECES = ["khó", "khăn", "vướng", "mắc", "hạn", "chế", "là", "còn", "gặp", "vẫn", "có", "người", "dân", "kinh", "phí",
           "mạng", "máy", "tính", "chưa", "đạt", "được", "kết", "quả", "nguyên", "nhân", "không", "một", "số", "xã"]


@pytest.mark.parametrize("pattern", [DIFFICULTY_MET.pattern, STATED_IS.pattern, _HEADING_KIND.pattern, _ANY_PLAIN])
@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(_PIECES), max_size=12), seps=st.lists(st.sampled_from([" ", "  ", ", ", "\n"]), max_size=12))
def test_every_match_holds_a_cue(pattern: str, words: list[str], seps: list[str]) -> None:
    text = "".join(w + (seps[i] if i < len(seps) else " ") for i, w in enumerate(words))
    if fast_compiled(pattern).search(text) or re.search(pattern, text):
        assert cue_finder(cue_words(pattern))(text)


def test_top_alternatives_leave_groups_and_classes_whole() -> None:
    assert top_alternatives(r"a(?:b|c)|[|x]d|\|e") == ["a(?:b|c)", "[|x]d", r"\|e"]
    assert top_alternatives(r"[]|]x|y") == ["[]|]x", "y"]


def test_first_chars_only_when_every_alternative_starts_plainly() -> None:
    assert first_chars(r"mạng|máy\s+tính|wifi") == frozenset("mw")
    assert first_chars(r"mạng|(?:cơ|chính)\s+sách") is None
    assert first_chars(r"m?ạng") is None


@pytest.mark.parametrize("pattern", [_ANY_PLAIN, _HEADING_KIND.pattern])
@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(_PIECES + ["(", ")", ".", ";", "hạ", "tầng", "viễn", "thông"]), max_size=14))
def test_the_start_finder_starts_where_the_alternation_does(pattern: str, words: list[str]) -> None:
    text = " ".join(words)
    plain, fast = fast_compiled(pattern).search(text), start_finder(top_alternatives(pattern)).search(text)
    assert (plain and plain.start()) == (fast and fast.start())


@settings(max_examples=500, deadline=None)
@given(words=st.lists(st.sampled_from(_PIECES + ["-", "+", "**", "1.", "a)", "những", "các", ":", "tồn", "tại"]), max_size=8))
@example(words=["-", "một", "số", "khó", "khăn", ":"])
@example(words=["**", "hạn", "chế", "**"])
@example(words=["a)", "những", "tồn", "tại"])
def test_a_line_that_is_a_label_names_a_kind_first(words: list[str]) -> None:
    doc = document_from_text(" ".join(words))
    m = doc.match
    s, e = len(m) - len(m.lstrip()), len(m.rstrip())
    if s < e and (LABEL.match(m, s, e) or _bare(doc, s, e)):
        assert _NAMED_FIRST.match(m, s)
