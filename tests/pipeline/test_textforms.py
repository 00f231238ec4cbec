import unicodedata

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.textforms import canonical_tone, clean, fold, fold_lines, is_upper_case


def test_old_and_new_tone_placement_match_the_same_form():
    assert fold("Đảng uỷ xã") == fold("Đảng ủy xã") == "đảng ủy xã"
    assert fold("CỘNG HOÀ") == fold("Cộng Hòa") == "cộng hòa"
    assert fold("Thuỵ") == fold("Thụy")


def test_tone_moves_only_at_the_end_of_a_cluster_and_not_after_qu():
    assert fold("hoàn thành") == "hoàn thành"
    assert fold("quý") == "quý"


def test_canonical_tone_keeps_case_for_output_values():
    assert canonical_tone("ĐẢNG UỶ XÃ GIA PHÚC") == "ĐẢNG ỦY XÃ GIA PHÚC"


def test_clean_removes_word_artefacts_and_makes_nfc():
    decomposed = "Pho\u0302\u0301"  # "Phố" in NFD
    assert clean("[bookmark: _GoBack]Trên đây **KT.**\u00a0" + decomposed) == "Trên đây KT. Phố"


def test_fold_dashes_keep_offsets():
    text = "Độc lập – Tự do – Hạnh phúc"
    assert fold(text) == "độc lập - tự do - hạnh phúc"


@given(st.text())
def test_fold_keeps_length(text):
    assert len(fold(text)) == len(text)


def _fold_one_by_one(text: str) -> str:
    """The character-by-character definition of `fold`, kept as the reference for its fast path."""
    from pipeline.textforms import _FOLDED_PUNCTUATION, _lower_char, canonical_tone

    return "".join(_lower_char(c) for c in canonical_tone(text)).translate(str.maketrans(_FOLDED_PUNCTUATION))


@given(st.text(alphabet=st.sampled_from("aAoOuUyYqQ àÀáÁảẢạẠỳỲýÝđĐ–—“”’İΣσςΑΒẞﬁǅ\n-0123")))
def test_fold_fast_path_is_the_character_definition(text):
    assert fold(text) == _fold_one_by_one(text)


@given(st.lists(st.text(alphabet=st.sampled_from("aAoOuUyYqQ àÀáÁảẢạẠỳỲýÝđĐ–—“”’İΣσςΑ\u2028\x0b\r-01")), max_size=6))
def test_fold_lines_is_each_line_folded_alone(lines):
    assert fold_lines(lines) == [fold(line) for line in lines]


def test_fold_lines_at_line_ends():
    lines = ["Đảng uỷ", "quỳ", "hoà", "ΑΣ", "", "İx"]
    assert fold_lines(lines) == [fold(line) for line in lines] == ["đảng ủy", "quỳ", "hòa", "ασ", "", "İx"]


def test_fold_special_lowercasings():
    assert fold("İSTANBUL") == _fold_one_by_one("İSTANBUL") and len(fold("İx")) == 2
    assert fold("ΑΣ Α") == _fold_one_by_one("ΑΣ Α") == "ασ α"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aAzZđĐăĂếẾ ⓐⒶªʰⅰⅠ1.:-", max_size=12), st.sampled_from([2, 3]))
def test_upper_case_with_its_ascii_shortcut_is_the_letters_rule(text: str, least: int) -> None:
    """Enough letters and every letter upper case; the shortcut (an ASCII lower-case letter
    answers no at once) must agree, cased symbols (ⓐ, ª, ⅰ) too."""
    letters = [c for c in text if c.isalpha()]
    assert is_upper_case(text, least) == (len(letters) >= least and all(c.isupper() for c in letters))


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.sampled_from(["o", "O", "u", "U", "q", "Q", "à", "À", "ẻ", "Ẻ", "ỷ", "Ỷ", "ý", "a", "y", "n", "Z",
                                         "ĩ", "đ", "ª", "²", "ⅰ", "1", " ", "-", "\n", "ǅ", "ß"]), max_size=30))
def test_canonical_tone_asks_its_pattern_only_where_a_pair_can_stand(text):
    from pipeline.textforms import _MOVES, _TONE_PAIR

    assert canonical_tone(text) == _TONE_PAIR.sub(lambda m: _MOVES[m.group(0)], text)


@given(st.text(alphabet=st.sampled_from("aAoOuUyYqQ àÀáÁảẢạẠỳỲýÝđĐ–—“”’İΣσςΑ\u0301:|+-\n0123")), st.data())
def test_a_slice_no_letter_touches_folds_as_the_slice_of_the_fold(text, data):
    """What the extractors rely on to read a label from `Document.match` instead of folding it
    again: where neither neighbour of a slice is a letter, the fold of the slice is the slice
    of the fold."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    if (start and text[start - 1].isalpha()) or (end < len(text) and text[end].isalpha()):
        return
    assert fold(text[start:end]) == fold(text)[start:end]


_OLD_ARTEFACTS = regex.compile(r"\[bookmark:[^\]]*\]|\*\*|[\u200b-\u200d\u2060\ufeff\u00ad]")
_OLD_ODD_SPACES = regex.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\v\f]")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["*", "**", "[bookmark:", "[bookmark: _GoBack]", "]", "[", "\u200b", "\u00ad", "\ufeff",
                                 "\u00a0", "\u2007", "\t", "\v", "\f", "\r", "\r\n", "\n", "o\u0302\u0301", "Xã ", "a"]),
                max_size=30))
def test_clean_removes_what_one_scan_of_the_artefacts_removes(pieces):
    text = "".join(pieces)  # stars next to bookmarks and invisible characters, in every order
    expected = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    assert clean(text) == _OLD_ODD_SPACES.sub(" ", _OLD_ARTEFACTS.sub("", expected))
