"""Side-by-side columns in plain text: the header and the footer pasted out of a PDF.

Official documents put the issuer and number on the left and the motto and place/date on the
right, and the `Nơi nhận` list on the left with the signer on the right. Text copied from a
PDF keeps them side by side on one line, separated by a run of spaces or a tab:

    ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Nơi nhận:                                       KT. CHỦ TỊCH

Read line by line, the two columns interleave and neither can be recognised. This module
finds such a block and returns its left and right column as two cell blocks, as the DOCX
and PDF backends do for their layout tables; every other line stays a `line` block.
"""

from __future__ import annotations

import regex

from datamodel import RawBlock, Region
from extractors.vocab import document_parts as parts
from pipeline.textforms import fold

_GAP = regex.compile(r"\S(?P<gap>\t+\s*| {4,})(?=\S)")
_BLANK_BEFORE = regex.compile(
    rf"(?:^|\s)(?:{parts.NUMBER_LABEL.pattern}\s*:?|{parts.DATE_LINE_DAY.pattern}|{parts.DATE_LINE_MONTH.pattern})$")
_BLANK_AFTER = regex.compile(rf"^(?:[/-]|{parts.DATE_LINE_MONTH.pattern}\b|{parts.DATE_LINE_YEAR.pattern}\b)")
_TITLE = regex.compile(rf"^\s*{parts.REPORT_TITLE}\b")
_FOOTER_START = regex.compile(rf"^\s*{parts.DISTRIBUTION.pattern}\b")
_LIST_ITEM = regex.compile(r"^\s*[-+*•]")
_HEADER_SCAN = 30
_RIGHT_INDENT = 16


def _split(line: str) -> tuple[str, str] | None:
    """(left, right) of a line with a column gap, or None. The blanks of a template
    (`Số:      /BC-UBND`, `ngày      tháng     năm 2025`) are not gaps between columns."""
    stripped = line.strip()
    for m in _GAP.finditer(stripped):
        left, right = stripped[: m.start("gap")].strip(), stripped[m.end("gap") :].strip()
        if not (_BLANK_BEFORE.search(fold(left)) or _BLANK_AFTER.match(fold(right))):
            return left, right
    return None


def _columns(lines: list[str]) -> tuple[list[str], list[str]]:
    """Left and right column of a block whose lines are split by a gap or indented right."""
    left: list[str] = []
    right: list[str] = []
    for line in lines:
        parts = _split(line)
        if parts:
            left.append(parts[0])
            right.append(parts[1])
        elif line.strip() and len(line) - len(line.lstrip(" ")) >= _RIGHT_INDENT:
            right.append(line.strip())
        elif line.strip():
            left.append(line.strip())
    return left, right


def _cells(lines: list[str], region: Region) -> list[RawBlock]:
    left, right = _columns(lines)
    return [RawBlock("\n".join(col), kind="cell", region=region) for col in (left, right) if col]


def _header_end(lines: list[str]) -> int | None:
    """Index of the title line when a line before it holds two columns."""
    for i, line in enumerate(lines[:_HEADER_SCAN]):
        if _TITLE.match(fold(line)):
            return i if any(_split(ln) for ln in lines[:i]) else None
    return None


def _footer_span(lines: list[str]) -> tuple[int, int] | None:
    """[start, end) of a `Nơi nhận` block whose first line also holds the signer column;
    it ends at the first line back at the left margin that is not a list item. Only a line
    with a tab or four spaces can hold two columns (`_GAP`): the others, nearly all, are
    neither folded nor matched."""
    for i, line in enumerate(lines):
        if ("\t" in line or "    " in line) and _FOOTER_START.match(fold(line)) and _split(line):
            end = i + 1
            while end < len(lines):
                ln = lines[end]
                at_margin = ln.strip() and not ln.startswith(" ") and not _split(ln)
                if at_margin and not _LIST_ITEM.match(ln):
                    break
                end += 1
            return i, end
    return None


def blocks_with_columns(lines: list[str]) -> list[RawBlock]:
    """The lines of a text file as blocks, side-by-side header and footer read as columns."""
    head = _header_end(lines)
    start = head or 0
    blocks = _cells(lines[:start], "header") if head else []
    footer = _footer_span(lines)
    stop = footer[0] if footer and footer[0] >= start else len(lines)
    blocks += [RawBlock(line, kind="line") for line in lines[start:stop]]
    if footer and stop < len(lines):
        end = footer[1]
        blocks += _cells(lines[stop:end], "body")
        blocks += [RawBlock(line, kind="line") for line in lines[end:]]
    return blocks
