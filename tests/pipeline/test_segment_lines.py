"""Segmentation reads a text's non-blank lines (`segment._lines`): each without the white space
around it, at its offsets, with the same slice of the matching form."""

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.segment import _lines
from pipeline.textforms import fold

PIECES = st.sampled_from(["Số: 12/BC-UBND", "xã Hòa", " ", "  ", "\t", "\n", "\u00a0", "\u2028", "\x1c", "\u3000", "|", "a"])


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=20).map("".join))
def test_each_non_blank_line_is_read_stripped_at_its_offsets(text):
    expected, pos = [], 0
    for raw in text.split("\n"):
        lead, trail = len(raw) - len(raw.lstrip()), len(raw.rstrip())
        if raw.strip():
            expected.append((pos + lead, pos + trail, raw[lead:trail]))
        pos += len(raw) + 1
    match = fold(text)
    lines = _lines(text, match)
    assert [(ln.start, ln.end, ln.text) for ln in lines] == expected
    assert all(ln.text == text[ln.start:ln.end] and ln.match == match[ln.start:ln.end] for ln in lines)
