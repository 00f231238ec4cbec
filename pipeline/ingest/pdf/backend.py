"""The PDF backend: reading, layout, furniture and wrap hints in turn, then the pages' lines,
header cells and table rows as blocks in reading order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from datamodel import CELL_SEPARATOR, RawBlock, RawDocument, Region
from pipeline.ingest.base import InputError
from pipeline.ingest.pdf import is_pdf
from pipeline.ingest.pdf.furniture import mark_footnotes, mark_furniture
from pipeline.ingest.pdf.layout import find_layout
from pipeline.ingest.pdf.ocr import ocr_pages
from pipeline.ingest.pdf.page import Line, Page, Table
from pipeline.ingest.pdf.reading import check_text, open_pdf, pdf_meta, read_pages
from pipeline.ingest.pdf.wrapping import hint_wraps
from pipeline.ingest.text_tables import with_text_tables
from pipeline.options import DEFAULTS, Options

OCR_FOUND_NOTHING = "the PDF has no text layer and OCR found no text on its pages (a blank or unreadable scan?)"


class PdfBackend:
    """Reads PDF files: the text layer, and OCR for the pages without a usable one (see the package docstring)."""

    name = "pdf"
    suffixes: tuple[str, ...] = (".pdf",)

    def sniff(self, data: bytes) -> bool:
        """True for content that starts with the `%PDF-` signature (see `is_pdf`)."""
        return is_pdf(data)

    def read(self, data: bytes, options: Options = DEFAULTS) -> RawDocument:
        """Read the PDF into blocks in reading order; raise `InputError` for bad input."""
        pdf = open_pdf(data)
        try:
            warnings: list[str] = []
            pages = read_pages(pdf, warnings)
            meta = pdf_meta(pdf)
            ocr_pages(pdf, pages, warnings, meta, options)
        finally:
            pdf.close()
        if meta.get("ocr_pages") and not any(page.lines for page in pages):
            raise InputError("no_text_layer", OCR_FOUND_NOTHING)
        check_text(pages, warnings)
        if b"%%EOF" not in data[-2048:]:
            warnings.append("the PDF has no end-of-file marker (truncated?); some content may be missing")
        meta["pdfplumber_pages"] = find_layout(data, pages, warnings)
        mark_furniture(pages)
        mark_footnotes(pages)
        hint_wraps(pages)
        return RawDocument(
            source_format=self.name,
            blocks=with_text_tables(list(_blocks(pages))),
            page_count=len(pages),
            warnings=warnings,
            meta=meta,
        )


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
        yield RawBlock(text=CELL_SEPARATOR.join(cells), kind="table_row", page=page, table=index, row=row, cells=cells)
