"""Reading a PDF with pypdfium2: each page's physical lines (text, extent, baseline, font
size) and vector paths, the text-layer checks, and the document's metadata (producer,
digital signatures and their signing times).

pypdfium2 reads about 1,000 pages/s, so every page is read here; the slower layout analysis
(`layout`) runs only where needed. Pages are read one at a time (`read_page`), so a step
per page (OCR of a page without text, say) fits into `read_pages`. pdfium is not
thread-safe: run documents in separate processes, not threads."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from ctypes import create_string_buffer
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.ingest.base import InputError
from pipeline.ingest.pdf import pdfium_loops as loops
from pipeline.ingest.pdf.edges import Matrix
from pipeline.ingest.pdf.layout import header_cut
from pipeline.ingest.pdf.objects import PageObjects, page_objects
from pipeline.ingest.pdf.page import Box, Line, Page
from pipeline.ingest.pdf.pdfium_loops import Bounds, address

TALL_PATH = 8.0
"""A vector path at least this tall (points) is a box or a vertical rule: maybe a table."""
LINE = re.compile(r"\S(?:[^\r\n]*\S)?")
"""A line of pdfium's page text, without its surrounding blanks."""
PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:([+-])(\d{2})'?(\d{2}))?")
UNREADABLE_SHARE = 0.1
"""Above this share of unreadable characters the text layer is reported as damaged."""

ENCRYPTED = "the PDF is password-protected; remove the password and run again"
NO_TEXT = ("the PDF has no text layer (a scanned image?) and OCR is not available: install Tesseract with its "
           "Vietnamese data (Debian: apt-get install tesseract-ocr tesseract-ocr-vie) and run again")
EMPTY = "the file is empty: there is no PDF to read"
CORRUPT = "the PDF is damaged or incomplete (truncated?) and cannot be read; get a fresh copy and run again"


def open_pdf(data: bytes) -> pdfium.PdfDocument:
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


def read_pages(pdf: pdfium.PdfDocument, warnings: list[str]) -> list[Page]:
    """Every page of the document, in order."""
    return [read_page(pdf, i, warnings) for i in range(len(pdf))]


def read_page(pdf: pdfium.PdfDocument, index: int, warnings: list[str]) -> Page:
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
        width, height = right - left, top - bottom
        textpage = page.get_textpage()
        try:
            lines = _text_lines(textpage, top)
            path_objects = loops.paths(address(page.raw))
            paths = _path_boxes(path_objects, top)
            ruled = any(_is_ruling(p, width, height) for p in paths)
            # what the layout step needs (page 1's header, ruled tables), while pdfium has the page open
            words_above = header_cut(lines, height) if index == 0 else None
            objects = (_objects(page, textpage, words_above, ruled, path_objects)
                       if ruled or words_above is not None else None)
        finally:
            textpage.close()
    finally:
        page.close()
    rules = [p for p in paths if p[3] - p[1] < TALL_PATH / 4]
    return Page(index + 1, width, height, lines, rules, ruled, objects=objects)


def _objects(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, words_above: float | None,
             ruled: bool, paths: list[tuple[int, Matrix, Bounds | None]]) -> PageObjects | None:
    """The page's characters and edges for the layout step (None: pdfplumber reads the page):
    those of page 1's header words (above `words_above`) and those that can fall in a table."""
    try:
        return page_objects(page, textpage, words_above, tables=ruled, paths=paths)
    except Exception:  # pdfplumber's table finder asserts on odd edges: the page is then pdfplumber's, as before
        return None


def _text_lines(textpage: pdfium.PdfTextPage, page_top: float) -> list[Line]:
    """The page's non-blank lines in content order, each with its extent and font size.
    Pieces of one printed line that pdfium splits (after a superscript footnote mark, say)
    are put back together."""
    matches = list(LINE.finditer(textpage.get_text_range()))
    boxes = loops.line_boxes(address(textpage.raw), [(match.start(), match.end() - 1) for match in matches])
    if boxes is None:
        raise pdfium.PdfiumError("Failed to get charbox.")
    lines: list[Line] = []
    for match, (x0, x1, y, size) in zip(matches, boxes):
        line = Line(match.group(), x0, max(x1, x0), page_top - y, size)
        if lines and _same_row(lines[-1], line):
            lines[-1] = _joined(lines[-1], line)
        else:
            lines.append(line)
    return lines


def _same_row(previous: Line, line: Line) -> bool:
    """True when `line` continues `previous` on the same printed line."""
    return line.x0 >= previous.x1 - 1 and abs(line.baseline - previous.baseline) <= 0.3 * previous.size


def _joined(left: Line, right: Line) -> Line:
    """Two pieces of one printed line as one line (a space where they are apart)."""
    space = " " if right.x0 - left.x1 > 0.15 * left.size else ""
    return Line(left.text + space + right.text, left.x0, right.x1, left.baseline, max(left.size, right.size))


def _path_boxes(paths: list[tuple[int, Matrix, Bounds | None]], page_top: float) -> list[Box]:
    """Boxes of the vector paths on a page (those inside form XObjects too) that have bounds."""
    boxes: list[Box] = []
    for _, _, bounds in paths:
        if bounds is not None:
            left, bottom, right, top = bounds
            boxes.append((left, page_top - top, right, page_top - bottom))
    return boxes


def _is_ruling(box: Box, width: float, height: float) -> bool:
    """A tall path (box or vertical rule) that is not a background covering the page."""
    w, h = box[2] - box[0], box[3] - box[1]
    return h >= TALL_PATH and not (w > 0.9 * width and h > 0.9 * height)


def check_text(pages: list[Page], warnings: list[str]) -> None:
    """Raise when no page has text; warn about textless pages and unreadable characters."""
    empty = [p.number for p in pages if not p.lines]
    if len(empty) == len(pages):
        raise InputError("no_text_layer", NO_TEXT)
    if empty:
        warnings.append(f"no text layer (scanned?) on page(s) {_ranges(empty)}; their content is missing")
    chars = "".join(line.text for p in pages for line in p.lines)
    unreadable = [ch for ch in set(chars) if ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Co", "Cn")]
    bad = sum(map(chars.count, unreadable))  # each distinct character's category once, then counted at C speed
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


def pdf_meta(pdf: pdfium.PdfDocument) -> dict[str, Any]:
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
