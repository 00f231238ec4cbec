"""The PDF backend: a PDF's text layer as physical lines, header cells and table rows.

Reports arrive as Word or LibreOffice exports, often digitally signed. Their text is read
line by line in content-stream order, which for these producers is the reading order, and
the page geometry is used for what plain text extraction gets wrong. One module a step:

- `reading`: each page's lines and vector paths with pypdfium2 (fast), the text-layer
  checks, and the metadata (signing times of digital signatures);
- `layout`: the two-column header of page 1 as two `cell` blocks, and ruled tables as
  `table_row` blocks, with pdfplumber (slow, so only on the pages that need it);
- `furniture`: page numbers, running headers/footers and footnotes set apart (`page_header`,
  `page_footer`, `footnote`) so they do not cut sentences in two;
- `wrapping`: each body line's `wrapped` hint (does it run to the right edge of the text
  column?) for the later step that rejoins lines into paragraphs;
- `page`: the model those steps share; `backend`: `PdfBackend`, which runs them in turn.

This module itself imports nothing heavy: choosing a backend (`is_pdf`) must not load pdfium
or pdfplumber, and `PdfBackend` is imported on first use. Rotated pages are read unrotated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.ingest.pdf.backend import PdfBackend

SIGNATURE = b"%PDF-"
HEAD = 1024
"""Bytes searched for the signature: writers may put blank lines before it."""


def is_pdf(data: bytes) -> bool:
    """True when the content starts, after any blank space in its first 1 KiB, with `%PDF-`:
    the one content check for PDF, used to choose the backend and by the backend itself."""
    return data[:HEAD].lstrip().startswith(SIGNATURE)


def __getattr__(name: str) -> Any:
    """`PdfBackend` on first use, so that importing this package stays cheap."""
    if name == "PdfBackend":
        from pipeline.ingest.pdf.backend import PdfBackend

        return PdfBackend
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["PdfBackend", "is_pdf"]
