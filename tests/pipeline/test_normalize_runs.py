"""A run of line blocks is cleaned as one text (`normalize._run_lines`): the same lines, pages and
wrap hints as cleaning each block on its own, carriage returns and bookmark artefacts included."""

from hypothesis import given, settings
from hypothesis import strategies as st

from datamodel import RawBlock
from pipeline.normalize import _clean_lines, _run_lines
from pipeline.reflow import Line

PIECES = st.sampled_from(["Báo cáo", "xã", " ", "  ", "\n", "\r", "\r\n", "\t", "\u00a0", "\u200b", "**", "*", "[bookmark: _GoBack]",
                          "[bookmark:", "]", "e\u0301", "\u0301", "\u212a", "\ufeff", "\x0b", "\u2028"])
BLOCKS = st.lists(st.tuples(st.lists(PIECES, max_size=6).map("".join), st.integers(1, 3), st.booleans()), min_size=1, max_size=6)


@settings(max_examples=500, deadline=None)
@given(BLOCKS)
def test_a_run_cleaned_at_once_gives_each_block_its_own_lines(blocks):
    run = [RawBlock(text, kind="line", page=page, wrapped=wrapped) for text, page, wrapped in blocks]
    assert _run_lines(run) == [Line(t, b.page, b.wrapped) for b in run for t in _clean_lines(b.text)]


def test_a_bookmark_left_open_at_a_line_end_is_cleaned_line_by_line():
    run = [RawBlock("Kết quả [bookmark: a", kind="line", page=1), RawBlock("b] năm 2025", kind="line", page=2)]
    assert [(ln.text, ln.page) for ln in _run_lines(run)] == [("Kết quả [bookmark: a", 1), ("b] năm 2025", 2)]
