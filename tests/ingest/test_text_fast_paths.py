"""The TXT backend's fast paths give what the plain definitions give: the column-name test of
`text_tables.heads` behind its one-regex prefilter and with the line folded by the caller, and
the legacy-font conversions built only when they are scored."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest import legacy_encodings, text_tables
from pipeline.ingest.text_tables import _HEADS, _WORD_END, heads
from pipeline.textforms import fold

WORDS = ["Tổng", "%", "Tỷ lệ", "Đã giải quyết", "Đang giải quyết", "Đúng hạn", "Quá hạn", "Trước hạn", "Toàn trình",
         "Một phần", "Trực tiếp", "Mức độ", "STT", "Nội dung", "Tiếp nhận", "hồ sơ", "xã", "báo cáo", "đạt", "12",
         "89,3%", "-", "Trung tâm", "rút", "  ", "\t", "Số hóa", "tổng cộng", "tiếp nhận tổng cộng", "ĐÚNG HẠN"]


def _first_names(folded: str) -> list[int]:
    """Where each known name that `heads` would accept at the start of the line ends."""
    return [m.end() for h in _HEADS if (m := h.match(folded)) and m.end() > 0 and _WORD_END.match(folded, m.end())]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=7), st.sampled_from(["", " ", "  ", "\t"]))
def test_heads_is_its_definition(words, margin):
    line = margin + " ".join(words) + margin
    assert heads(line) == heads(line, fold(line))
    folded = fold(line.strip())
    if _first_names(folded):  # the prefilter lets through every line the names could start
        assert text_tables._ANY_HEAD.match(folded)


def test_heads_of_a_header_and_of_prose():
    header = "  Mức độ Tổng Đã giải quyết Đúng hạn Quá hạn "
    assert heads(header, fold(header)) == ["Mức độ", "Tổng", "Đã giải quyết", "Đúng hạn", "Quá hạn"]
    assert heads("Tổng % Tổng %") == ["Tổng", "%", "Tổng", "%"]
    prose = "Xã đã giải quyết đúng hạn các hồ sơ"
    assert text_tables._ANY_HEAD.match(fold(prose)) is None and heads(prose, fold(prose)) is None


def test_legacy_candidates_are_converted_only_when_scored(monkeypatch):
    calls: list[str] = []
    real = legacy_encodings.convert
    monkeypatch.setattr(legacy_encodings, "convert", lambda text, name: calls.append(name) or real(text, name))
    plain = "Ủy ban nhân dân xã báo cáo kết quả thực hiện chuyển đổi số trong quý một năm nay"
    assert legacy_encodings.detect_text(plain) is None and calls == []
    typed = legacy_encodings.encode(plain, "TCVN3")
    assert legacy_encodings.detect_text(typed) == "TCVN3" and sorted(calls) == ["TCVN3", "VNI"]


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(sorted(legacy_encodings.TCVN3) + list("aZ 1đ\n")), max_size=40))
def test_tcvn3_translation_is_the_character_table(text):
    assert legacy_encodings._tcvn3(text) == "".join(legacy_encodings.TCVN3.get(c, c) for c in text)


LINE_PIECES = st.sampled_from(["|", "-", "--", ":", " ", "  ", "\t", "\u00a0", "\u3000", "Tổng", "12", "x", "\n", "\x0b"])


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE_PIECES, max_size=10).map("".join))
def test_a_line_without_a_pipe_or_a_double_dash_starts_no_pipe_table(line):
    if "|" not in line and "--" not in line:
        assert text_tables._RULE.match(line) is None and text_tables._pipe_cells(line) is None


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE_PIECES, max_size=10).map("".join))
def test_a_line_without_a_tab_or_two_spaces_has_no_column_gap(line):
    if "\t" not in line and "  " not in line:
        assert len([p for p in text_tables._GAP.split(line) if p]) < 2
