"""Which backend reads a file: decided by its content, checked against its extension.

A file whose extension lies (a DOCX saved as `.pdf`) is still read by the backend its
content calls for, and the mismatch is reported, so nothing is lost and nothing is hidden."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from datamodel import RawDocument
from pipeline.ingest.base import Backend, InputError
from pipeline.ingest.limits import check_chars, check_pdf, check_zip, too_large
from pipeline.ingest.long_lines import break_long_lines
from pipeline.ingest.office import OfficeBackend
from pipeline.ingest.pdf import is_pdf
from pipeline.ingest.txt import TxtBackend
from pipeline.options import DEFAULTS, Options

if TYPE_CHECKING:
    from pipeline.ingest.pdf import PdfBackend

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RTF_MAGIC = b"{\\rtf"
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
SIGNATURES = (b"%PDF-", b"PK\x03\x04", _OLE_MAGIC, _RTF_MAGIC)
"""First bytes that make a file without an extension an input."""
UNSUPPORTED_SUFFIXES = (".dot", ".wps", ".dotx", ".docb")
"""Word formats that are not read but are reports all the same: each gets an errors row
that says how to convert it, instead of being passed over."""


def _pdf_backend() -> PdfBackend:
    from pipeline.ingest.pdf import PdfBackend  # heavy imports only when a PDF turns up

    return PdfBackend()


class _LazyPdf:
    """Stands for the PDF backend until a PDF is met; sniffing needs no imports."""

    name = "pdf"
    suffixes: tuple[str, ...] = (".pdf",)

    def sniff(self, data: bytes) -> bool:
        return is_pdf(data)

    def read(self, data: bytes, options: Options = DEFAULTS) -> RawDocument:
        check_pdf(data, options)  # cheap limits before any heavy parsing
        return _pdf_backend().read(data, options)


class _LazyDocx:
    """Stands for the DOCX backend until a DOCX is met: python-docx and lxml are imported only
    then (a TXT or PDF run never needs them; forked workers get them from the warm-up)."""

    name = "docx"
    suffixes: tuple[str, ...] = (".docx", ".docm")

    def sniff(self, data: bytes) -> bool:
        """A zip archive holding a Word body part (what `DocxBackend.sniff` checks)."""
        try:
            return data.startswith(b"PK") and "word/document.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            return False

    def read(self, data: bytes, options: Options = DEFAULTS) -> RawDocument:
        from pipeline.ingest.docx import DocxBackend

        return DocxBackend().read(data, options)


BACKENDS: tuple[Backend, ...] = (_LazyPdf(), _LazyDocx(), OfficeBackend(), TxtBackend())
"""Every backend, most specific content signature first (plain text sniffs last)."""

SUPPORTED_SUFFIXES = tuple(s for b in BACKENDS for s in b.suffixes)


def backend_for_suffix(path: Path) -> Backend | None:
    suffix = path.suffix.lower()
    return next((b for b in BACKENDS if suffix in b.suffixes), None)


def choose_backend(data: bytes, path: Path) -> tuple[Backend, str | None]:
    """The backend for this content, and a note when the extension says otherwise.

    Raises InputError for an empty file or content no backend reads."""
    if not data.strip():
        raise InputError("empty_file", "the file is empty")
    if data.startswith(_OLE_MAGIC) and _ENCRYPTED_OOXML in data:
        raise InputError("encrypted_docx", "the Word file is password-protected; remove the password and run again")
    claimed = backend_for_suffix(path)
    for backend in BACKENDS:
        if backend.sniff(data):
            if claimed is not None and claimed.name != backend.name:
                return backend, f"the file is named {path.suffix} but its content is {backend.name.upper()}; read as {backend.name.upper()}"
            return backend, None
    kind = claimed.name.upper() if claimed else "a supported format"
    if data.startswith(b"PK"):
        raise InputError("not_a_docx", f"a ZIP archive that is not a Word document, not {kind}")
    raise InputError("unreadable_content", f"the content is not {kind} (binary data of an unknown type)")


def read_raw(data: bytes, path: Path, options: Options = DEFAULTS) -> tuple[RawDocument, str | None]:
    """Choose the backend, check the input limits, read, cut lines too long to work on per line
    (`long_lines`). Returns the backend's output and a note when the extension lies; raises
    InputError (`too_large` over a limit)."""
    backend, mismatch = choose_backend(data, path)
    if len(data) > options.max_file_bytes:
        raise too_large(f"the file is {len(data) / 2**20:.0f} MiB", options, "max_file_mib")
    if backend.name == "docx":
        check_zip(data, options)
    raw = backend.read(data, options)
    check_chars(raw, options)
    return break_long_lines(raw), mismatch
