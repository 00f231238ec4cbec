"""Very long lines are cut after sentence ends; the lines people write are left alone."""

from __future__ import annotations

from datamodel import RawBlock, RawDocument
from pipeline.ingest.long_lines import HARD_CUT, LONG_LINE, break_long_lines

SENTENCE = "Xã đã tiếp nhận 1.240 hồ sơ trong kỳ báo cáo. "


def test_a_long_line_is_cut_after_sentence_ends_and_nothing_is_lost():
    line = SENTENCE * 400  # ~18,000 characters, no line break
    raw = break_long_lines(RawDocument("txt", [RawBlock(line, kind="line", page=None)]))
    texts = [b.text for b in raw.blocks]
    assert len(texts) > 1 and all(len(t) <= HARD_CUT for t in texts)
    assert all(t.endswith(".") for t in texts[:-1])
    assert " ".join(t.strip() for t in texts) == line.strip()
    assert "cut after sentence ends" in raw.warnings[0]


def test_a_long_line_without_a_sentence_end_is_cut_at_spaces():
    line = "chữ " * 5000
    texts = [b.text for b in break_long_lines(RawDocument("txt", [RawBlock(line, kind="paragraph")])).blocks]
    assert all(len(t) <= HARD_CUT for t in texts) and " ".join(texts).split() == line.split()


def test_ordinary_lines_are_untouched():
    raw = RawDocument("docx", [RawBlock(SENTENCE * 10, kind="paragraph"), RawBlock("x" * (LONG_LINE + 1), kind="table_row")])
    assert break_long_lines(raw) is raw
