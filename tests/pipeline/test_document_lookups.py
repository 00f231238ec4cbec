"""The per-document indexes behind `zone_at`, `line_span` and `sentence_span` answer as the
plain scans they replace: every zone in order, the text between newlines, a fresh sentence cut."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from datamodel import Document, Span
from datamodel.sentences import SentenceIndex

NAMES = ["header", "title", "recipients", "signer_name"]
SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)).map(lambda p: Span(*p)), max_size=4)


def _document(text: str, zones: dict[str, list[Span]] | None = None) -> Document:
    return Document("d", "<text>", "txt", text, text, [], zones=zones or {})


def _zone_scan(doc: Document, offset: int) -> str | None:
    """The first zone in order whose spans hold `offset` (empty and inverted spans hold nothing)."""
    for name, spans in doc.zones.items():
        if any(s.start <= offset < s.end for s in spans):
            return name
    return None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAMES), SPANS), max_size=4))
def test_zone_at_is_the_first_zone_holding_the_offset(pairs):
    doc = _document("x" * 60, dict(pairs))
    assert [doc.zone_at(o) for o in range(-2, 64)] == [_zone_scan(doc, o) for o in range(-2, 64)]


def test_overlapping_zones_answer_in_zone_order():
    doc = _document("x" * 30, {"title": [Span(5, 20)], "subject": [Span(0, 10), Span(25, 25)]})
    assert [doc.zone_at(o) for o in (0, 4, 5, 19, 20, 25, 30)] == ["subject", "subject", "title", "title", None, None, None]


TEXTS = st.lists(st.sampled_from(["Xã có 18 máy tính", ". ", "; ", "TM. ", "\n", " ", "Đ", "1. "]), max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.data())
def test_line_span_is_the_text_between_newlines(text, data):
    doc = _document(text)
    offset = data.draw(st.integers(-1, len(text) + 1))
    line = doc.line_span(offset)
    assert line.start == (text.rfind("\n", 0, max(offset, 0)) + 1 if offset > 0 else 0)
    assert line.end == (len(text) if text.find("\n", max(offset, 0)) < 0 else text.find("\n", max(offset, 0)))


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.data())
def test_sentence_span_asked_twice_is_the_fresh_cut(text, data):
    doc = _document(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    first = doc.line_span(start)
    last = doc.line_span(max(end - 1, start))
    fresh = Span(*SentenceIndex(text).bounds(first.start, last.end, start, end))
    assert doc.sentence_span(start, end) == fresh
    assert doc.sentence_span(start, end) == fresh  # the kept answer
    assert doc.sentence_span(start) == doc.sentence_span(start, start)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.data())
def test_line_spans_are_the_lines_line_span_walks_through(text, data):
    doc = _document(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(0, len(text)))
    walked, pos = [], start
    while pos < end:
        walked.append(doc.line_span(pos))
        pos = walked[-1].end + 1
    assert _document(text).line_spans(start, end) == walked


PAGES = st.lists(st.tuples(st.integers(0, 80), st.integers(1, 9)), max_size=4).map(sorted)
FIELDS = st.dictionaries(st.sampled_from(["label", "kind", "text", "code", "doc_id"]), st.none() | st.integers() | st.text(max_size=3),
                         max_size=3)


@settings(max_examples=300, deadline=None)
@given(TEXTS, PAGES, st.data())
def test_facts_are_rows_of_the_sentence_and_page_holding_each_span(text, pages, data):
    span = st.integers(0, len(text)).flatmap(lambda s: st.tuples(st.just(s), st.integers(s, len(text))))
    found = data.draw(st.lists(st.tuples(span, FIELDS).map(lambda p: (*p[0], p[1])), max_size=8))
    asked = data.draw(st.lists(span, max_size=3))  # sentences an earlier extractor asked about
    one, many = (Document("d", "<text>", "txt", text, text, [], page_starts=pages) for _ in range(2))
    for doc in (one, many):
        for start, end in asked:
            doc.sentence_span(start, end)
    sentences = [one.sentence_span(start, end) for start, end, _ in found]
    expected = [{"doc_id": "d", **fields, "page": one.page_at(start), "char_start": sent.start, "char_end": sent.end,
                 "span_start": start, "span_end": end, "evidence": text[sent.start : sent.end], "ocr_confidence": None}
                for (start, end, fields), sent in zip(found, sentences)]
    rows = many.facts(found)
    assert rows == expected
    assert [many.fact(start, end, **fields) for start, end, fields in found] == expected
    assert [list(row) for row in rows] == [list(row) for row in expected]  # the same columns in the same order
