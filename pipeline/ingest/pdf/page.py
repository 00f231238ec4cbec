"""The PDF backend's own model of a page: physical lines with their geometry, ruled tables,
and what the later steps (layout, furniture, wrapping) decide about each line.

Coordinates are PDF points; `top`/`bottom` are measured from the top of the page, as in
pdfplumber."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from datamodel import Region

if TYPE_CHECKING:
    from pipeline.ingest.pdf.objects import PageObjects

Box = tuple[float, float, float, float]
"""x0, top, x1, bottom."""
Word = dict[str, Any]
"""A pdfplumber word: `text`, `x0`, `x1`, `top`, `bottom`."""

ASCENT = 0.8
"""Share of the font size above the baseline, for line boxes that do not depend on glyphs."""
MARGIN_BAND = 0.12
"""Share of the page height at the top and at the bottom where page furniture lives."""


@dataclass
class Line:
    """A physical line of text: its extent, the baseline and font size of its first
    character, and what the backend decided about it."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    region: Region = "body"
    wrapped: bool | None = None

    @property
    def top(self) -> float:
        """The top of the line (ascenders)."""
        return self.baseline - ASCENT * self.size

    @property
    def bottom(self) -> float:
        """The bottom of the line (descenders)."""
        return self.baseline + (1 - ASCENT) * self.size

    @property
    def middle(self) -> float:
        """The vertical centre of the line."""
        return (self.top + self.bottom) / 2


@dataclass
class Table:
    """A ruled table found by pdfplumber: its box, its rows of cell texts and the index in
    the page's line list before which its rows are emitted."""

    box: Box
    rows: list[tuple[str, ...]]
    at: int | None = None

    def holds(self, line: Line) -> bool:
        """True when the line's centre lies inside the table."""
        x0, top, x1, bottom = self.box
        return top <= line.middle <= bottom and x0 <= (line.x0 + line.x1) / 2 <= x1


@dataclass
class Page:
    """One page: its size, lines, and the layout found on it."""

    number: int
    width: float
    height: float
    lines: list[Line]
    rules: list[Box]
    ruled: bool
    header: tuple[str, str] | None = None
    tables: list[Table] = field(default_factory=list)
    ocr_words: list[Word] | None = None
    ocr_confidence: float | None = None
    objects: PageObjects | None = None
    """The characters and edges the layout step reads (page 1 and ruled pages; None elsewhere,
    or when they cannot be rebuilt from pdfium and pdfplumber must read the page)."""

    def in_band(self, line: Line) -> Region | None:
        """`page_header`/`page_footer` when the line sits in the top/bottom margin band."""
        if line.bottom <= self.height * MARGIN_BAND:
            return "page_header"
        if line.top >= self.height * (1 - MARGIN_BAND):
            return "page_footer"
        return None

    def body(self) -> list[Line]:
        """The lines still in the body."""
        return [line for line in self.lines if line.region == "body"]


def column_edges(lines: list[Line]) -> tuple[float, float]:
    """The text column's left and right edges (robust to indents and stray lines)."""
    xs0 = sorted(line.x0 for line in lines)
    xs1 = sorted(line.x1 for line in lines)
    return xs0[len(xs0) // 10], xs1[(len(xs1) - 1) * 9 // 10]
