"""Rejoin physical lines into paragraphs.

PDFs, and text pasted from them, break lines in mid-sentence and sometimes inside a document
code (`863/QĐ-` ⏎ `UBND`, `02-` ⏎ ⏎ `KH/BCĐTW`), and some add a blank line after every line.
Segmentation and the extractors need logical paragraphs, so a line is joined to the next one
when the next one plainly continues it: it starts in lower case, or the line before ends
without a sentence end and is as long as the text's wrap width (or the backend said it ran
to the right margin). A list item, a numbered heading or a signature line always starts a
new paragraph, and a `Kính gửi` recipient line ends one unless the next line plainly continues
it (lower case, after a dangling word) or the backend saw it run to the margin: in a text of
long unwrapped paragraphs a recipient line is as long as the wrap width without being cut. A
code broken after its hyphen is rejoined without a space.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import regex

from extractors.vocab import alternation, layout, signers
from extractors.vocab import document_parts as parts
from pipeline.textforms import fold_lines, is_upper_case


class Line(NamedTuple):
    """A physical line: its text, page and the backend's wrap hint (see RawBlock.wrapped).
    (A named tuple: normalising makes one for every line of a text.)"""

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
# The patterns anchored at the line's end are searched backwards from it (REVERSE): the same
# lines match, at the cost of the end's few characters instead of a scan of the whole line.
_SENTENCE_END_CHARS = ".;:!?…"
_SENTENCE_END = regex.compile(rf"[{regex.escape(_SENTENCE_END_CHARS)}]\s*$|\.\s*/\s*\.?\s*$", flags=regex.REVERSE)
_CODE_HYPHEN = regex.compile(r"(?:\d+(?:/\d{4})?/[\p{L}]+|\d+)-\s*$")


def _ends_sentence(stripped: str) -> bool:
    """`_SENTENCE_END.search` for a stripped line (it ends on no white space): it ends on one of
    `_SENTENCE_END_CHARS`, or on `/` after a full stop. Most lines are answered by their last
    character, without a regex call."""
    last = stripped[-1]
    return last in _SENTENCE_END_CHARS or (last == "/" and _SENTENCE_END.search(stripped) is not None)


def _ends_on_code_hyphen(stripped: str) -> bool:
    """`_CODE_HYPHEN.search` for a stripped line: only a line ending on `-` is searched."""
    return stripped[-1] == "-" and _CODE_HYPHEN.search(stripped) is not None


_LOWER_START = regex.compile(r"^[\p{Ll}]")
_DANGLING = regex.compile(rf"(?:^|\s){alternation(layout.DANGLING_WORDS)}$", flags=regex.REVERSE)
"""A line ending on a word a sentence cannot end on is cut mid-sentence."""
_BEFORE_FIGURE = regex.compile(rf"(?:^|\s){alternation(layout.NUMBER_WORDS)}$", flags=regex.REVERSE)
"""A line ending on a date or number word is cut mid-sentence when the next line starts with a figure."""
_VALUE_AFTER_COLON = regex.compile(r"^\d[\d.,]*\s*(?:%|\p{Ll}|$)")
_RECIPIENTS = regex.compile(parts.RECIPIENTS.pattern)
_UPPER_OR_DIGIT = regex.compile(r"[\p{Lu}\d]")


def wrap_width(lines: list[Line]) -> int:
    """The length at which this text wraps: the 90th percentile of non-blank line lengths."""
    lengths = sorted(len(ln.text.rstrip()) for ln in lines if ln.text.strip())
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


class _Seen(NamedTuple):
    """A non-blank line as the joining rules read it: stripped, in matching form, upper case?
    (A named tuple: one is made for every line, at a third of a frozen dataclass's cost.)"""

    text: str
    folded: str
    page: int | None
    wrapped: bool | None
    upper: bool


def _is_upper_line(text: str) -> bool:
    """At least three letters, all upper case (a title such as `BÁO CÁO`)."""
    return is_upper_case(text, 3)


def _continues(prev: _Seen, nxt: _Seen, width: int) -> str | None:
    """The separator to join `nxt` onto `prev` with, or None when `nxt` starts anew."""
    p, n, fp = prev.text, nxt.text, prev.folded
    if _STARTS_BLOCK.match(nxt.folded):
        return None
    if _ends_on_code_hyphen(p) and _UPPER_OR_DIGIT.match(n):
        return ""
    if (n[0].isdigit() and _BEFORE_FIGURE.search(fp)) or (p.endswith(":") and _VALUE_AFTER_COLON.match(n)):
        return " "
    cut_by_width = bool(prev.wrapped) or (width >= 40 and len(p) >= 0.75 * width)
    heading = _HEADING_LINE.match(fp) and not _LOWER_START.match(n)
    if _DANGLING.search(fp) and (cut_by_width or not heading):
        return " "  # a short heading (`1. Những mặt làm được`) ends where its writer ended it
    if heading:
        return None
    if _ends_sentence(p) or prev.upper or nxt.upper:
        return None
    if _LOWER_START.match(n):
        return " "
    if prev.wrapped is False or (prev.wrapped is None and _RECIPIENTS.match(fp)):
        return None  # a `Kính gửi` line ends its block however long it is, unless the page cut it
    return " " if cut_by_width else None


def reflow(lines: list[Line]) -> list[Paragraph]:
    """Group lines into paragraphs; blank lines are dropped, not taken as breaks, because
    hard-wrapped text puts them inside sentences too. Each line is folded and tested for
    upper case once, although the rules read it as the next line and then as the previous one."""
    width = wrap_width(lines)
    kept = [(line, text) for line in lines if (text := line.text.strip())]
    folded = fold_lines([text for _, text in kept])
    paragraphs: list[Paragraph] = []
    last: _Seen | None = None
    for (line, text), matching in zip(kept, folded):
        seen = _Seen(text, matching, line.page, line.wrapped, _is_upper_line(text))
        sep = _continues(last, seen, width) if last is not None else None
        if sep is None:
            paragraphs.append(Paragraph([(text, line.page)], []))
        else:
            paragraphs[-1].pieces.append((text, line.page))
            paragraphs[-1].joins.append(sep)
        last = seen
    return paragraphs
