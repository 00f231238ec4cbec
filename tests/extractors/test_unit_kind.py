"""The noun after a number, read with one pattern of all the kinds (`rules.UNIT_KIND`), names the
kind the kinds' own patterns tried in turn name, and ends where it ends."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.metrics import rules as R
from extractors.metrics.mentions import unit_kind
from pipeline.textforms import fold


def _in_turn(match: str, pos: int) -> tuple[str | None, int]:
    for kind, pattern in R.UNIT_KINDS:
        if m := pattern.match(match, pos):
            return kind, m.end()
    return None, pos


WORDS = ["hồ sơ", "bộ hồ sơ", "hs", "thủ tục", "tthc", "máy tính", "bộ máy tính", "máy", "máy in", "máy chủ",
         "điểm cầu", "đường truyền", "văn bản", "cán bộ", "người", "người dân", "thôn", "xã", "ha", "tổ công nghệ số",
         "bộ", "bộ (", "dịch vụ công", "server", "m²", "km", "phòng", "x", " ", "  ", ",", ".", "(", "0", "12"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5), st.integers(0, 3))
def test_one_pattern_names_the_kind_the_kinds_name_in_turn(words: list[str], pos: int) -> None:
    text = fold("12 " + " ".join(words))
    for at in range(min(pos + 2, len(text) + 1)):
        assert unit_kind(text, at) == _in_turn(text, at)


def test_kinds_after_numbers_in_a_sentence() -> None:
    text = fold("Xã tiếp nhận 120 hồ sơ, 15 TTHC, 3 máy tính xách tay, 2 máy in, 40 người dân và 12 thôn.")
    found = [unit_kind(text, text.index(n) + len(n)) for n in ("120", "15", "3 ", "2 ", "40", "12 ")]
    assert [kind for kind, _ in found] == ["dossier", "procedure", "device:computers", "device:printers", None, "place"]
    assert found == [_in_turn(text, text.index(n) + len(n)) for n in ("120", "15", "3 ", "2 ", "40", "12 ")]
