"""Wording of the page and line layout that ingest and line rejoining repair: the label of a
page number, and the short words a sentence cannot end on (a line that ends on one was cut by
the page width, not by the writer)."""

from __future__ import annotations

from extractors.vocab import Phrase

PAGE_LABEL = Phrase(r"trang", "page (the label of a page number: `Trang 2`, `- 2 -`)")

NUMBER_WORDS = (
    Phrase(r"ngày", "day (of a date still to come)"),
    Phrase(r"số", "number (of a document still to come); also the adjective 'digital' (`nền tảng số`)"),
    Phrase(r"tháng", "month"),
    Phrase(r"năm", "year"),
)
"""Words that run on only into a figure: `Quyết định số` ⏎ `863/QĐ-UBND`; a heading may end on one
(`2. Hạ tầng và nền tảng số`, `Kết quả trong năm`) with its first sentence on the next line."""

DANGLING_WORDS = (
    Phrase(r"của", "of"),
    Phrase(r"và", "and"),
    Phrase(r"về", "about, on"),
    Phrase(r"với", "with"),
    Phrase(r"cho", "for"),
    Phrase(r"tại", "at"),
    Phrase(r"theo", "according to"),
    Phrase(r"các", "the (plural)"),
    Phrase(r"những", "the (plural), those"),
    Phrase(r"đến", "to, until"),
    Phrase(r"từ", "from"),
    Phrase(r"trong", "in, within"),
    Phrase(r"được", "is (passive), obtained"),
    Phrase(r"là", "is"),
    Phrase(r"để", "in order to"),
    Phrase(r"do", "because of, by"),
    Phrase(r"hoặc", "or"),
)
"""Words a sentence cannot end on: a line ending on one runs on into the next."""
