"""`ocr.UNREADABLE` counts exactly the characters the per-character rule of `needs_ocr` counted:
the replacement character, private-use characters, and control characters but tab and newline."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest.pdf.ocr import UNREADABLE


def _unreadable(ch: str) -> bool:
    """The plain definition, one character at a time."""
    return ch == "\ufffd" or 0xE000 <= ord(ch) <= 0xF8FF or (ord(ch) < 32 and ch not in "\t\n")


EDGES = st.sampled_from(["\x00", "\x08", "\t", "\n", "\x0b", "\r", "\x1f", " ", "\x7f", "\ue000", "\uf8ff",
                         "\uf900", "\ufffd", "\ufffe", "ệ", "Đ", "a"])
"""The bounds of each range and their neighbours, with ordinary letters."""


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(EDGES, st.characters()), max_size=80).map("".join))
def test_the_pattern_counts_what_the_rule_counts(text):
    assert len(UNREADABLE.findall(text)) == sum(map(_unreadable, text))


def test_a_page_of_private_use_glyphs_is_counted_whole():
    text = "Báo cáo\n\ue012\ue013\ue014\tkết quả\x01\ufffd"
    assert len(UNREADABLE.findall(text)) == 5
