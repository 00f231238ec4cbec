"""The PDF backend: a PDF's text layer as physical lines, header cells and table rows.

Reports arrive as Word or LibreOffice exports, often digitally signed. Their text is read
line by line in content-stream order, which for these producers is the reading order, and
the page geometry is used for what plain text extraction gets wrong:

- the two-column header of page 1 (issuer and number left, national motto and date right)
  comes out as two `cell` blocks instead of lines interleaved across the columns;
- ruled tables come out as `table_row` blocks, one per row, and their words leave the lines;
- page numbers, running headers/footers and footnotes are set apart (`page_header`,
  `page_footer`, `footnote`) so they do not cut sentences in two;
- each body line gets a `wrapped` hint (does it run to the right edge of the text column?)
  for the later step that rejoins lines into paragraphs. Lines are never joined here.

Speed decides the split of work: pypdfium2 reads about 1,000 pages/s and pdfplumber about
20, so every page's text and line boxes come from pypdfium2, and pdfplumber is opened only
for the pages that need layout analysis: page 1 (header columns from word positions) and
pages that carry tall vector paths (a ruled table is likely).

Coordinates are PDF points; `top`/`bottom` are measured from the top of the page, as in
pdfplumber. Rotated pages are read unrotated. pdfium is not thread-safe: run documents in
separate processes, not threads.
"""

from __future__ import annotations

import io
import math
import re
import statistics
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from ctypes import c_double, c_float, create_string_buffer
from dataclasses import dataclass, field
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from datamodel import RawBlock, RawDocument, Region
from extractors.vocab import document_parts as parts
from pipeline.ingest.base import InputError

Box = tuple[float, float, float, float]
"""x0, top, x1, bottom."""
Word = dict[str, Any]
"""A pdfplumber word: `text`, `x0`, `x1`, `top`, `bottom`."""

ASCENT = 0.8
"""Share of the font size above the baseline, for line boxes that do not depend on glyphs."""
MARGIN_BAND = 0.12
"""Share of the page height at the top and at the bottom where page furniture lives."""
HEADER_ZONE = 0.35
"""Share of page 1 searched for the two-column header when no title line is found."""
MIN_GUTTER = 24.0
"""Narrowest empty vertical strip (points) that separates the two header columns."""
GUTTER_BAND = (0.2, 0.75)
"""Where, as shares of the page width, the header gutter's middle may lie."""
TALL_PATH = 8.0
"""A vector path at least this tall (points) is a box or a vertical rule: maybe a table."""
REPEAT_SHARE = 0.6
"""A line repeated at the same place on this share of the pages is a running header/footer."""
TITLE_WORDS = tuple(title.name.replace(" ", "") for title in parts.REPORT_TITLES)
"""Document-type titles (spaces removed) that end the header zone of page 1."""
PAGE_NUMBER = re.compile(r"(?i)^(?:trang\s*)?[-–—]?\s*\d{1,4}(?:\s*/\s*\d{1,4})?\s*[-–—]?$")
LINE = re.compile(r"\S(?:[^\r\n]*\S)?")
"""A line of pdfium's page text, without its surrounding blanks."""
HYPHEN_END = re.compile(r"\w-$")
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")
PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:([+-])(\d{2})'?(\d{2}))?")
UNREADABLE_SHARE = 0.1
"""Above this share of unreadable characters the text layer is reported as damaged."""

ENCRYPTED = "the PDF is password-protected; remove the password and run again"
NO_TEXT = "the PDF has no text layer (a scanned image?); OCR is not supported yet"
EMPTY = "the file is empty: there is no PDF to read"
CORRUPT = "the PDF is damaged or incomplete (truncated?) and cannot be read; get a fresh copy and run again"


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


class PdfBackend:
    """Reads PDF files that have a text layer (see the module docstring)."""

    name = "pdf"
    suffixes: tuple[str, ...] = (".pdf",)

    def sniff(self, data: bytes) -> bool:
        """True for content starting with the `%PDF-` signature (within the first 1 KiB)."""
        return b"%PDF-" in data[:1024]

    def read(self, data: bytes) -> RawDocument:
        """Read the PDF into blocks in reading order; raise `InputError` for bad input."""
        pdf = _open(data)
        try:
            warnings: list[str] = []
            pages = [_read_page(pdf, i, warnings) for i in range(len(pdf))]
            meta = _meta(pdf)
        finally:
            pdf.close()
        _check_text(pages, warnings)
        if b"%%EOF" not in data[-2048:]:
            warnings.append("the PDF has no end-of-file marker (truncated?); some content may be missing")
        _find_layout(data, pages, warnings)
        _mark_furniture(pages)
        _mark_footnotes(pages)
        _hint_wraps(pages)
        return RawDocument(
            source_format=self.name,
            blocks=list(_blocks(pages)),
            page_count=len(pages),
            warnings=warnings,
            meta=meta,
        )


# --- reading with pdfium -----------------------------------------------------------------

def _open(data: bytes) -> pdfium.PdfDocument:
    """Open the PDF with pdfium, turning its load errors into `InputError`s."""
    if not data.strip():
        raise InputError("corrupt_pdf", EMPTY)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if err.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise InputError("encrypted_pdf", ENCRYPTED) from err
        raise InputError("corrupt_pdf", CORRUPT) from err
    if len(pdf) == 0:
        pdf.close()
        raise InputError("corrupt_pdf", CORRUPT)
    return pdf


def _read_page(pdf: pdfium.PdfDocument, index: int, warnings: list[str]) -> Page:
    """One page read with pdfium; a page pdfium cannot read is reported and left empty."""
    try:
        return _page(pdf, index)
    except pdfium.PdfiumError:
        warnings.append(f"page {index + 1} could not be read; its text is missing")
        return Page(index + 1, 0.0, 0.0, [], [], False)


def _page(pdf: pdfium.PdfDocument, index: int) -> Page:
    """The lines and vector paths of one page."""
    page = pdf[index]
    try:
        left, bottom, right, top = page.get_bbox()
        textpage = page.get_textpage()
        lines = _text_lines(textpage, top)
        textpage.close()
        paths = list(_path_boxes(page.raw, top))
    finally:
        page.close()
    width, height = right - left, top - bottom
    rules = [p for p in paths if p[3] - p[1] < TALL_PATH / 4]
    ruled = any(_is_ruling(p, width, height) for p in paths)
    return Page(index + 1, width, height, lines, rules, ruled)


def _text_lines(textpage: pdfium.PdfTextPage, page_top: float) -> list[Line]:
    """The page's non-blank lines in content order, each with its extent and font size.
    Pieces of one printed line that pdfium splits (after a superscript footnote mark, say)
    are put back together."""
    lines: list[Line] = []
    for match in LINE.finditer(textpage.get_text_range()):
        line = _line(textpage, match.group(), match.start(), match.end() - 1, page_top)
        if lines and _same_row(lines[-1], line):
            lines[-1] = _joined(lines[-1], line)
        else:
            lines.append(line)
    return lines


def _line(textpage: pdfium.PdfTextPage, text: str, first: int, last: int, page_top: float) -> Line:
    """A line from the text indices of its first and last visible characters."""
    i = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, first)
    j = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, last)
    x0 = textpage.get_charbox(i)[0]
    x1 = textpage.get_charbox(j)[2]
    x, y = c_double(), c_double()
    pdfium_c.FPDFText_GetCharOrigin(textpage, i, x, y)
    return Line(text, x0, max(x1, x0), page_top - y.value, _font_size(textpage, i))


def _font_size(textpage: pdfium.PdfTextPage, index: int) -> float:
    """A character's printed font size: the nominal size times the scale of its matrix
    (some producers set a 1-point font and scale it with the text matrix)."""
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFText_GetMatrix(textpage, index, matrix):
        return pdfium_c.FPDFText_GetFontSize(textpage, index)
    scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
    return pdfium_c.FPDFText_GetFontSize(textpage, index) * scale


def _same_row(previous: Line, line: Line) -> bool:
    """True when `line` continues `previous` on the same printed line."""
    return line.x0 >= previous.x1 - 1 and abs(line.baseline - previous.baseline) <= 0.3 * previous.size


def _joined(left: Line, right: Line) -> Line:
    """Two pieces of one printed line as one line (a space where they are apart)."""
    space = " " if right.x0 - left.x1 > 0.15 * left.size else ""
    return Line(left.text + space + right.text, left.x0, right.x1, left.baseline, max(left.size, right.size))


def _path_boxes(parent: Any, page_top: float, form: bool = False) -> Iterator[Box]:
    """Boxes of the vector paths on a page, looking inside form XObjects too."""
    count = pdfium_c.FPDFFormObj_CountObjects if form else pdfium_c.FPDFPage_CountObjects
    get = pdfium_c.FPDFFormObj_GetObject if form else pdfium_c.FPDFPage_GetObject
    for k in range(count(parent)):
        obj = get(parent, k)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            yield from _path_boxes(obj, page_top, form=True)
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            left, b, r, t = c_float(), c_float(), c_float(), c_float()
            if pdfium_c.FPDFPageObj_GetBounds(obj, left, b, r, t):
                yield (left.value, page_top - t.value, r.value, page_top - b.value)


def _is_ruling(box: Box, width: float, height: float) -> bool:
    """A tall path (box or vertical rule) that is not a background covering the page."""
    w, h = box[2] - box[0], box[3] - box[1]
    return h >= TALL_PATH and not (w > 0.9 * width and h > 0.9 * height)


def _check_text(pages: list[Page], warnings: list[str]) -> None:
    """Raise when no page has text; warn about textless pages and unreadable characters."""
    empty = [p.number for p in pages if not p.lines]
    if len(empty) == len(pages):
        raise InputError("no_text_layer", NO_TEXT)
    if empty:
        warnings.append(f"no text layer (scanned?) on page(s) {_ranges(empty)}; their content is missing")
    chars = "".join(line.text for p in pages for line in p.lines)
    bad = sum(1 for ch in chars if ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Co", "Cn"))
    if bad > UNREADABLE_SHARE * len(chars):
        warnings.append("the PDF's text layer has many unreadable characters (fonts without a Unicode map?)")


def _ranges(numbers: list[int]) -> str:
    """`1-3, 7` for [1, 2, 3, 7]."""
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def _meta(pdf: pdfium.PdfDocument) -> dict[str, Any]:
    """Producer, creator, PDF version and digital signatures (count and signing times)."""
    info = pdf.get_metadata_dict(skip_empty=True)
    version = pdf.get_version()
    signed_at = list(_signing_times(pdf))
    return {
        "producer": info.get("Producer"),
        "creator": info.get("Creator"),
        "pdf_version": f"{version // 10}.{version % 10}" if version else None,
        "signed": bool(signed_at),
        "signature_count": len(signed_at),
        "signed_at": [t for t in signed_at if t],
    }


def _signing_times(pdf: pdfium.PdfDocument) -> Iterator[str | None]:
    """The signing time of each digital signature, ISO 8601 (None when not stated)."""
    for k in range(pdfium_c.FPDF_GetSignatureCount(pdf)):
        sig = pdfium_c.FPDF_GetSignatureObject(pdf, k)
        size = pdfium_c.FPDFSignatureObj_GetTime(sig, None, 0)
        buffer = create_string_buffer(size)
        pdfium_c.FPDFSignatureObj_GetTime(sig, buffer, size)
        yield _iso_date(buffer.value.decode("ascii", "ignore"))


def _iso_date(value: str) -> str | None:
    """`D:20251009083112+07'00'` as `2025-10-09T08:31:12+07:00`."""
    m = PDF_DATE.match(value)
    if not m:
        return None
    y, mo, d, h, mi, s, sign, oh, om = m.groups()
    zone = f"{sign}{oh}:{om}" if sign else ""
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}{zone}"


# --- layout with pdfplumber --------------------------------------------------------------

def _find_layout(data: bytes, pages: list[Page], warnings: list[str]) -> None:
    """Run pdfplumber on page 1 (header) and on ruled pages (tables), and only there."""
    wanted = [p for p in pages if p.ruled or _may_have_header(p)]
    if not wanted:
        return
    try:
        with pdfplumber.open(io.BytesIO(data)) as doc:
            for page in wanted:
                _page_layout(doc.pages[page.number - 1], page, warnings)
    except Exception:  # pdfminer raises many kinds of errors on odd files
        warnings.append("the PDF's layout could not be analysed; header and tables are read as lines")


def _page_layout(plumber_page: Any, page: Page, warnings: list[str]) -> None:
    """Header columns (page 1) and ruled tables of one page; failures become a warning."""
    try:
        header_bottom = _find_header(plumber_page, page) if _may_have_header(page) else 0.0
        if page.ruled:
            _find_tables(plumber_page, page, header_bottom)
            _place_tables(page)
    except Exception:  # a page pdfminer cannot lay out is still read as lines
        warnings.append(f"the layout of page {page.number} could not be analysed; it is read as lines")


def _find_header(plumber_page: Any, page: Page) -> float:
    """Detect the two-column header of page 1, store its cells on the page, mark its lines
    and return its bottom (0 when there is none).

    The header is the longest run of word rows from the top of the page (above the title)
    that leaves an empty vertical strip, the gutter, with words on both sides of it."""
    title = _title_top(page)
    rows = _rows([w for w in plumber_page.extract_words() if w["bottom"] <= title + 1])
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


def _title_top(page: Page) -> float:
    """The top of the document-type title, or the bottom of the header zone without one."""
    return next((line.top for line in page.lines if _is_title(line.text)), page.height * HEADER_ZONE)


def _may_have_header(page: Page) -> bool:
    """True for page 1 when some text lies above the title: only then can there be a header."""
    title = _title_top(page)
    return page.number == 1 and any(line.bottom <= title for line in page.lines)


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


def _place_tables(page: Page) -> None:
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


# --- furniture and footnotes -------------------------------------------------------------

def _mark_furniture(pages: list[Page]) -> None:
    """Mark running headers/footers repeated on most pages, then lone page numbers."""
    _mark_repeated(pages)
    for page in pages:
        body = page.body()
        if not body:
            continue
        for line in (min(body, key=lambda x: x.top), max(body, key=lambda x: x.bottom)):
            region = page.in_band(line)
            if region and PAGE_NUMBER.match(line.text):
                line.region = region


def _mark_repeated(pages: list[Page]) -> None:
    """Lines in the margin bands with the same text (digits aside) at about the same height
    on most pages become page headers/footers."""
    if len(pages) < 2:
        return
    seen: dict[tuple[str, int], list[tuple[Line, Region]]] = defaultdict(list)
    for page in pages:
        for line in page.body():
            region = page.in_band(line)
            if region and not TIMESTAMP.search(line.text):
                shape = re.sub(r"\d+", "#", " ".join(line.text.lower().split()))
                seen[(shape, round(line.top / 5))].append((line, region))
    need = max(2, math.ceil(REPEAT_SHARE * len(pages)))
    for hits in seen.values():
        if len(hits) >= need:
            for line, region in hits:
                line.region = region


def _mark_footnotes(pages: list[Page]) -> None:
    """Lines below a short rule at the left of the text column, all in a smaller font than
    the body text, become footnotes."""
    sizes = [line.size for page in pages for line in page.body()]
    if not sizes:
        return
    body_size = statistics.median(sizes)
    for page in pages:
        body = page.body()
        if not body:
            continue
        left, right = _edges(body)
        for rule in sorted(page.rules, key=lambda r: r[1]):
            if _is_footnote_rule(rule, page, left, right) and _take_footnotes(page, rule, body_size):
                break


def _is_footnote_rule(rule: Box, page: Page, left: float, right: float) -> bool:
    """A short flat rule in the lower half of the page that starts at the column's left."""
    length = rule[2] - rule[0]
    return (
        rule[1] > page.height / 2
        and abs(rule[0] - left) <= 8
        and 20 <= length <= 0.5 * (right - left)
        and not any(t.box[1] <= rule[1] <= t.box[3] for t in page.tables)
    )


def _take_footnotes(page: Page, rule: Box, body_size: float) -> bool:
    """Mark the body lines below the rule as footnotes if they are all small."""
    below = [line for line in page.body() if line.top >= rule[3] - 1]
    if not below or any(line.size >= 0.9 * body_size for line in below):
        return False
    for line in below:
        line.region = "footnote"
    return True


# --- wrap hints --------------------------------------------------------------------------

def _hint_wraps(pages: list[Page]) -> None:
    """Set `wrapped` on body and footnote lines from their slack to the column's edges."""
    by_width: dict[int, list[Line]] = defaultdict(list)
    for page in pages:
        by_width[round(page.width)].extend(page.body())
    edges = {width: _edges(lines) for width, lines in by_width.items() if lines}
    for region in ("body", "footnote"):
        stream = [(line, page) for page in pages for line in page.lines if line.region == region]
        for k, (line, page) in enumerate(stream):
            following = stream[k + 1][0] if k + 1 < len(stream) else None
            left, right = edges.get(round(page.width), (line.x0, line.x1))
            line.wrapped = _runs_to_edge(line, following, left, right)


def _edges(lines: list[Line]) -> tuple[float, float]:
    """The text column's left and right edges (robust to indents and stray lines)."""
    xs0 = sorted(line.x0 for line in lines)
    xs1 = sorted(line.x1 for line in lines)
    return xs0[len(xs0) // 10], xs1[(len(xs1) - 1) * 9 // 10]


def _runs_to_edge(line: Line, following: Line | None, left: float, right: float) -> bool:
    """True when the first word of the next line would not have fitted on this one, i.e. the
    line was broken by the layout rather than by the writer. A centred line counts the slack
    on both sides; a line that starts far right (right-aligned, a second column) and the
    last line never wrap."""
    if following is None:
        return False
    char = (line.x1 - line.x0) / max(len(line.text), 1)
    slack = right - line.x1
    indent = line.x0 - left
    if indent > 3 * char and abs(indent - slack) <= 2 * char:
        slack += indent
    elif indent > (right - left) / 4:
        return False
    next_char = (following.x1 - following.x0) / max(len(following.text), 1)
    room = (len(following.text.split()[0]) + 1) * next_char
    return slack <= room + char


# --- blocks ------------------------------------------------------------------------------

def _blocks(pages: list[Page]) -> Iterator[RawBlock]:
    """Every page's blocks in reading order, tables numbered across the document."""
    table_index = 0
    for page in pages:
        yield from _lines_in(page, "page_header")
        if page.header:
            for text in page.header:
                yield RawBlock(text=text, kind="cell", page=page.number, region="header")
        starts: dict[int | None, list[Table]] = defaultdict(list)
        for table in page.tables:
            starts[table.at].append(table)
        for i in range(len(page.lines) + 1):
            for table in starts[i]:
                yield from _table_rows(table, table_index, page.number)
                table_index += 1
            if i < len(page.lines) and page.lines[i].region == "body":
                yield _line_block(page.lines[i], page.number)
        yield from _lines_in(page, "footnote")
        yield from _lines_in(page, "page_footer")


def _lines_in(page: Page, region: Region) -> Iterator[RawBlock]:
    """The page's lines of one region as blocks."""
    for line in page.lines:
        if line.region == region:
            yield _line_block(line, page.number)


def _line_block(line: Line, page: int) -> RawBlock:
    """A line as a `line` block."""
    return RawBlock(text=line.text, kind="line", page=page, region=line.region, wrapped=line.wrapped)


def _table_rows(table: Table, index: int, page: int) -> Iterator[RawBlock]:
    """A table's rows as `table_row` blocks."""
    for row, cells in enumerate(table.rows):
        yield RawBlock(text=" | ".join(cells), kind="table_row", page=page, table=index, row=row, cells=cells)
