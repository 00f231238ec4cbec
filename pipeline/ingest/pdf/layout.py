"""Layout analysis with pdfplumber, on the pages that need it: the two-column header of
page 1 (issuer and number left, national motto and date right) becomes two header cells
instead of lines interleaved across the columns, and ruled tables become rows of cells
whose words leave the page's lines.

Both run only on page 1 (when text lies above the title) and on pages that carry tall vector
paths (a ruled table is likely), and on the characters and edges `objects` rebuilt from
pdfium: pdfplumber's own word grouping and table finder without pdfminer's page parsing (about
20 pages/s). pdfplumber itself reads only the pages `objects` cannot rebuild."""

from __future__ import annotations

import io
import math
import re
import unicodedata
from typing import Any

import pdfplumber

from extractors.vocab import document_parts as parts
from pipeline.ingest.pdf.fonts import font_descents
from pipeline.ingest.pdf.page import Line, Page, Table, Word
from pipeline.ingest.pdf.pdfium_layout import PdfiumPage

HEADER_ZONE = 0.35
"""Share of page 1 searched for the two-column header when no title line is found."""
MIN_GUTTER = 24.0
"""Narrowest empty vertical strip (points) that separates the two header columns."""
GUTTER_BAND = (0.2, 0.75)
"""Where, as shares of the page width, the header gutter's middle may lie."""
TITLE_WORDS = tuple(title.name.replace(" ", "") for title in parts.REPORT_TITLES)
"""Document-type titles (spaces removed) that end the header zone of page 1."""
HYPHEN_END = re.compile(r"\w-$")


def find_layout(data: bytes, pages: list[Page], warnings: list[str]) -> list[int]:
    """Find page 1's header and the ruled tables, only on the pages that may have them, and
    return the numbers of the pages pdfplumber had to read (see `objects`)."""
    wanted = [p for p in pages if p.ruled or _may_have_header(p)]
    for page in wanted:
        if page.ocr_words is not None:  # OCR words stand for pdfplumber's
            _page_layout(_OcrWords(page.ocr_words), page, warnings)
    wanted = [p for p in wanted if p.ocr_words is None]
    views = _pdfium_pages(data, wanted)
    for page in wanted:
        if page.number in views:
            _page_layout(views[page.number], page, warnings)
    for page in pages:
        page.objects = None
    rest = [p for p in wanted if p.number not in views]
    if not rest:
        return []
    try:
        with pdfplumber.open(io.BytesIO(data)) as doc:
            for page in rest:
                _page_layout(doc.pages[page.number - 1], page, warnings)
    except Exception:  # pdfminer raises many kinds of errors on odd files
        warnings.append("the PDF's layout could not be analysed; header and tables are read as lines")
    return [p.number for p in rest]


def _pdfium_pages(data: bytes, pages: list[Page]) -> dict[int, PdfiumPage]:
    """The pages whose characters and edges were rebuilt from pdfium, ready for the layout."""
    pages = [p for p in pages if p.objects is not None]
    if not pages:
        return {}
    try:
        descents = font_descents(data, {p.number for p in pages})
    except Exception:  # pdfminer's object parser on a damaged file: pdfplumber decides
        return {}
    views: dict[int, PdfiumPage] = {}
    for page in pages:
        assert page.objects is not None
        chars = page.objects.chars(descents)
        cut = header_cut(page.lines, page.height) if page.number == 1 else None
        if chars is not None and page.objects.has_words_above(cut):
            views[page.number] = PdfiumPage(chars, page.objects.edges, page.width, page.objects.height,
                                            page.objects.tables)
    return views


class _OcrWords:
    """An OCR'd page's words where the layout reads a pdfplumber page's (`extract_words`)."""

    def __init__(self, words: list[Word]) -> None:
        self.words = words

    def extract_words(self) -> list[Word]:
        return self.words


def _page_layout(plumber_page: Any, page: Page, warnings: list[str]) -> None:
    """Header columns (page 1) and ruled tables of one page; failures become a warning."""
    try:
        header_bottom = _find_header(plumber_page, page) if _may_have_header(page) else 0.0
        if page.ruled:
            _find_tables(plumber_page, page, header_bottom)
            place_tables(page)
    except Exception:  # a page pdfminer cannot lay out is still read as lines
        warnings.append(f"the layout of page {page.number} could not be analysed; it is read as lines")


def _find_header(plumber_page: Any, page: Page) -> float:
    """Detect the two-column header of page 1, store its cells on the page, mark its lines
    and return its bottom (0 when there is none).

    The header is the longest run of word rows from the top of the page (above the title)
    that leaves an empty vertical strip, the gutter, with words on both sides of it."""
    cut = header_cut(page.lines, page.height)
    if cut is None:
        return 0.0
    rows = _rows([w for w in plumber_page.extract_words() if w["bottom"] <= cut])
    for end in range(len(rows), 0, -1):
        head = [w for row in rows[:end] for w in row]
        gutter = _gutter(head, page.width)
        if gutter is None:
            continue
        middle = (gutter[0] + gutter[1]) / 2
        left = [w for w in head if w["x1"] <= middle]
        right = [w for w in head if w["x0"] >= middle]
        if left and right:
            return _set_header(page, left, right)
    return 0.0


def _set_header(page: Page, left: list[Word], right: list[Word]) -> float:
    """Store the header cells, mark the lines they replace and return the header's bottom."""
    bottom = max(w["bottom"] for w in left + right)
    page.header = (_column_text(left), _column_text(right))
    for line in page.lines:
        if line.middle <= bottom:
            line.region = "header"
    return bottom


def _title_top(lines: list[Line], height: float) -> float:
    """The top of the document-type title, or the bottom of the header zone without one."""
    return next((line.top for line in lines if _is_title(line.text)), height * HEADER_ZONE)


def _may_have_header(page: Page) -> bool:
    """True for page 1 when some text lies above the title: only then can there be a header."""
    return page.number == 1 and header_cut(page.lines, page.height) is not None


def header_cut(lines: list[Line], height: float) -> float | None:
    """For page 1's lines: how low a word may reach and still be part of the two-column header
    (the title's top, plus 1 pt), or None when no text lies above the title (no header)."""
    title = _title_top(lines, height)
    return title + 1 if any(line.bottom <= title for line in lines) else None


def _is_title(text: str) -> bool:
    """A document-type title line such as `BÁO CÁO` (upper case)."""
    compact = "".join(unicodedata.normalize("NFC", text).split())
    return compact.isupper() and compact.startswith(TITLE_WORDS)


def _rows(words: list[Word]) -> list[list[Word]]:
    """Words grouped into rows by their vertical position, each row sorted left to right."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if rows and word["top"] - rows[-1][0]["top"] <= 0.4 * (word["bottom"] - word["top"]):
            rows[-1].append(word)
        else:
            rows.append([word])
    return [sorted(row, key=lambda w: w["x0"]) for row in rows]


def _gutter(words: list[Word], width: float) -> tuple[float, float] | None:
    """The widest strip no word covers, at least `MIN_GUTTER` wide, with its middle in the
    `GUTTER_BAND` of the page (None when there is none)."""
    lo, hi = GUTTER_BAND[0] * width, GUTTER_BAND[1] * width
    best: tuple[float, float] | None = None
    reach = math.inf
    for word in sorted(words, key=lambda w: w["x0"]):
        gap = (reach, word["x0"])
        if gap[1] - gap[0] >= MIN_GUTTER and lo <= sum(gap) / 2 <= hi:
            if best is None or gap[1] - gap[0] > best[1] - best[0]:
                best = gap
        reach = word["x1"] if reach == math.inf else max(reach, word["x1"])
    return best


def _column_text(words: list[Word]) -> str:
    """One header column's words as lines joined by newlines."""
    return "\n".join(" ".join(w["text"] for w in row) for row in _rows(words))


def _find_tables(plumber_page: Any, page: Page, header_bottom: float) -> None:
    """Store the page's ruled tables below the header (a lone box is not a table)."""
    for found in plumber_page.find_tables():
        rows = [cells for cells in map(_cells, found.extract()) if any(cells)]
        if found.bbox[1] >= header_bottom and sum(map(len, rows)) >= 2:
            page.tables.append(Table(tuple(found.bbox), rows))


def place_tables(page: Page) -> None:
    """Take the tables' words out of the page's lines; each table's rows go where its first
    line was (or before the first line below its top when pdfium saw none of its text)."""
    kept: list[Line] = []
    for line in page.lines:
        table = next((t for t in page.tables if t.holds(line)), None)
        if table is None:
            kept.append(line)
        elif table.at is None:
            table.at = len(kept)
    for table in page.tables:
        if table.at is None:
            table.at = next((i for i, line in enumerate(kept) if line.top >= table.box[1]), len(kept))
    page.lines = kept


def _cells(row: list[str | None]) -> tuple[str, ...]:
    """A row's cell texts; the None of merged-over cells dropped."""
    return tuple(_cell_text(cell) for cell in row if cell is not None)


def _cell_text(cell: str) -> str:
    """A cell's lines joined by spaces, except after a hyphen closing a word (`i3-` + `12100`,
    `QĐ-` + `UBND`): Vietnamese does not hyphenate words, so such a break is inside a code."""
    joined = ""
    for line in filter(None, (" ".join(part.split()) for part in cell.splitlines())):
        joined += ("" if not joined or HYPHEN_END.search(joined) else " ") + line
    return joined
