"""The kept sentence boundaries give the bounds the line-by-line scan gives, in linear time."""

from __future__ import annotations

import time

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from datamodel.sentences import _BOUNDARY, SentenceIndex
from pipeline.build import document_from_text


def _scan(text: str, line_start: int, line_end: int, start: int, end: int) -> tuple[int, int]:
    """The boundary scan from the start of the line, as it was done for every fact."""
    s, e = line_start, line_end
    for m in _BOUNDARY.finditer(text, line_start, line_end):
        if m.start() + 1 <= start:
            s = m.end()
        elif m.start() >= end:
            e = m.start() + 1
            break
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s > start or e < end:
        s, e = min(s, start), max(e, end)
    return s, e


PIECES = st.sampled_from(["Xã có 18 máy tính", ". ", "; ", "TM. ", "UBND", " ", "\n", "1. ", "Đ", "a", "? (", "! 3"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=40), st.data())
def test_index_and_scan_agree(pieces, data):
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    line_start = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", max(end - 1, start))
    line_end = len(text) if stop < 0 else stop
    assert SentenceIndex(text).bounds(line_start, line_end, start, end) == _scan(text, line_start, line_end, start, end)


def _seconds(sentences: int) -> float:
    doc = document_from_text("Xã có 18 máy tính và 3 máy in. " * sentences)  # one line, no break
    starts = [m.start() for m in regex.finditer("18", doc.text)]
    began = time.process_time()
    for s in starts:
        doc.sentence_span(s, s + 2)
        doc.line_span(s)
    return time.process_time() - began


def test_sentences_of_every_fact_on_one_long_line_cost_linear_time():
    small, large = (min(_seconds(n) for _ in range(3)) for n in (500, 4000))  # CPU time, best of 3: other processes' load does not count
    assert large < 20 * small + 0.5  # linear: about 8 times; the old scan: about 64 times



SPACED = st.sampled_from(["Xã có 18 máy", ".", ";", "TM.", " ", "\n", "\t", "\u00a0", "\u2028", "\x1c", "\u3000", "Đ", "a", "3", "("])


@settings(max_examples=300, deadline=None)
@given(st.lists(SPACED, min_size=1, max_size=40))
def test_one_line_read_from_the_whole_text_scan_agrees_with_its_own_scan(pieces):
    """Every line of a text reads its boundaries from one scan of the whole text; white space
    other than a line break (tab, no-break space, line separator) stays inside a line."""
    text = "".join(pieces)
    index = SentenceIndex(text)
    for start in range(len(text) + 1):
        line_start = text.rfind("\n", 0, start) + 1
        stop = text.find("\n", start)
        line_end = len(text) if stop < 0 else stop
        for end in (start, line_end):
            assert index.bounds(line_start, line_end, start, end) == _scan(text, line_start, line_end, start, end)
