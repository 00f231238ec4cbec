"""Rejoin physical lines into paragraphs.

PDFs, and text pasted from them, break lines in mid-sentence and sometimes inside a document
code (`863/QĐ-` ⏎ `UBND`, `02-` ⏎ ⏎ `KH/BCĐTW`), and some add a blank line after every line.
Segmentation and the extractors need logical paragraphs, so a line is joined to the next one
when the next one plainly continues it: it starts in lower case, or the line before ends
without a sentence end and is as long as the text's wrap width (or the backend said it ran
to the right margin). A list item, a numbered heading or a signature line always starts a
new paragraph. A code broken after its hyphen is rejoined without a space.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from extractors.vocab import alternation, layout, signers
from extractors.vocab import document_parts as parts
from pipeline.textforms import fold as _fold


@dataclass
class Line:
    """A physical line: its text, page and the backend's wrap hint (see RawBlock.wrapped)."""

    text: str
    page: int | None = None
    wrapped: bool | None = None


@dataclass
class Paragraph:
    """Lines joined into one paragraph: `pieces` are (text, page) in order and `joins` the
    separators between them ('' or ' '), so page changes inside a paragraph stay known."""

    pieces: list[tuple[str, int | None]]
    joins: list[str]

    @property
    def text(self) -> str:
        out = [self.pieces[0][0]]
        for sep, (piece, _) in zip(self.joins, self.pieces[1:]):
            out.append(sep + piece)
        return "".join(out)


_STARTS_BLOCK = regex.compile(
    r"""^(?:[-+*•∙·]\s|[-+*]$|\(?[a-zđ]\)\s|\(\d{1,2}\)\s          # list markers
        |(?:\d{1,2}\.){1,4}\d{0,2}\.?\s+\S|[ivxlc]{1,5}\.\s+\S        # 2.1. / 2.1.1 / IV. headings
        |""" + parts.DISTRIBUTION.pattern + "|" + parts.RECIPIENTS.pattern + "|" + parts.CLOSING_OPENER.pattern + "|"
    + signers.BLOCK_START + r"""
        |\d{4}-\d{2}-\d{2}t\d{2}:|[-_*=~.]{3,}\s*$)""",
    regex.VERBOSE,
)
_HEADING_LINE = regex.compile(r"^(?:(?:\d{1,2}\.){1,4}\d{0,2}|[ivxlc]{1,5}\.)\s+\S")
_SENTENCE_END = regex.compile(r"[.;:!?…]\s*$|\.\s*/\s*\.?\s*$")
_CODE_HYPHEN = regex.compile(r"(?:\d+(?:/\d{4})?/[\p{L}]+|\d+)-\s*$")
_LOWER_START = regex.compile(r"^[\p{Ll}]")
_DANGLING = regex.compile(rf"(?:^|\s){alternation(layout.DANGLING_WORDS)}$")
"""A line ending on a word a sentence cannot end on is cut mid-sentence."""
_BEFORE_FIGURE = regex.compile(rf"(?:^|\s){alternation(layout.NUMBER_WORDS)}$")
"""A line ending on a date or number word is cut mid-sentence when the next line starts with a figure."""
_VALUE_AFTER_COLON = regex.compile(r"^\d[\d.,]*\s*(?:%|\p{Ll}|$)")


def wrap_width(lines: list[Line]) -> int:
    """The length at which this text wraps: the 90th percentile of non-blank line lengths."""
    lengths = sorted(len(ln.text.rstrip()) for ln in lines if ln.text.strip())
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


fold = lru_cache(maxsize=64)(_fold)
"""The matching form of a line: each line is tested as the next line, then as the previous one."""


@lru_cache(maxsize=64)
def _is_upper_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _continues(prev: Line, nxt: Line, width: int) -> str | None:
    """The separator to join `nxt` onto `prev` with, or None when `nxt` starts anew."""
    p, n = prev.text.rstrip(), nxt.text.strip()
    if not p or not n or _STARTS_BLOCK.match(fold(n)):
        return None
    if _CODE_HYPHEN.search(p) and regex.match(r"[\p{Lu}\d]", n):
        return ""
    if (n[0].isdigit() and _BEFORE_FIGURE.search(fold(p))) or (p.endswith(":") and _VALUE_AFTER_COLON.match(n)):
        return " "
    cut_by_width = bool(prev.wrapped) or (width >= 40 and len(p) >= 0.75 * width)
    heading = _HEADING_LINE.match(fold(p)) and not _LOWER_START.match(n)
    if _DANGLING.search(fold(p)) and (cut_by_width or not heading):
        return " "  # a short heading (`1. Những mặt làm được`) ends where its writer ended it
    if heading:
        return None
    if _SENTENCE_END.search(p) or _is_upper_line(p) or _is_upper_line(n):
        return None
    if _LOWER_START.match(n):
        return " "
    if prev.wrapped is False:
        return None
    return " " if cut_by_width else None


def reflow(lines: list[Line]) -> list[Paragraph]:
    """Group lines into paragraphs; blank lines are dropped, not taken as breaks, because
    hard-wrapped text puts them inside sentences too."""
    width = wrap_width(lines)
    paragraphs: list[Paragraph] = []
    last: Line | None = None
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        sep = _continues(last, line, width) if last is not None else None
        if sep is None:
            paragraphs.append(Paragraph([(text, line.page)], []))
        else:
            paragraphs[-1].pieces.append((text, line.page))
            paragraphs[-1].joins.append(sep)
        last = Line(text, line.page, line.wrapped)
    return paragraphs
