"""Old Word (.doc), RTF and OpenDocument (.odt) files: converted to DOCX with LibreOffice
headless, then read by the DOCX backend, so they give the same blocks as a DOCX would.

LibreOffice runs in a fresh temporary profile (`-env:UserInstallation`), so two conversions in
parallel never share or lock a profile and nothing of the user's settings is read or written,
and under a time limit (`--convert-seconds`: a damaged file can make it hang). Where LibreOffice is not installed the
file gets an error row saying what to install."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from datamodel import RawDocument
from pipeline.ingest.base import InputError
from pipeline.options import DEFAULTS, Options

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RTF_MAGIC = b"{\\rtf"
ODT_MIME = b"application/vnd.oasis.opendocument.text"
INSTALL = "install LibreOffice Writer (Debian: apt-get install libreoffice-writer-nogui) and run again"


def office_kind(data: bytes) -> str | None:
    """`doc`, `rtf` or `odt` for content of those formats, else None."""
    if data.startswith(OLE_MAGIC):
        return "doc"
    if data.lstrip()[:5] == RTF_MAGIC:
        return "rtf"
    if data.startswith(b"PK") and data[30:38] == b"mimetype" and data[38:38 + len(ODT_MIME)] == ODT_MIME:
        return "odt"
    return None


def soffice() -> str | None:
    """The LibreOffice program, or None where it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_docx(data: bytes, kind: str, seconds: int) -> bytes:
    """The file converted to DOCX by LibreOffice; InputError when it cannot be."""
    program = soffice()
    if program is None:
        raise InputError("converter_missing", f"a .{kind} file needs LibreOffice to be read: {INSTALL}")
    with tempfile.TemporaryDirectory(prefix="baocao-office-") as tmp:
        source = Path(tmp) / f"input.{kind}"
        source.write_bytes(data)
        command = [program, f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}", "--headless", "--norestore",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(Path(tmp) / "out"), str(source)]
        try:
            subprocess.run(command, capture_output=True, timeout=seconds, check=False)
        except subprocess.TimeoutExpired:
            raise InputError("conversion_failed", f"LibreOffice did not convert the .{kind} file within {seconds} s") from None
        target = Path(tmp) / "out" / "input.docx"
        if not target.exists():
            raise InputError("conversion_failed", f"LibreOffice could not convert the .{kind} file (damaged or not a document?)")
        return target.read_bytes()


class OfficeBackend:
    """Reads .doc, .rtf and .odt through a LibreOffice conversion to DOCX."""

    name = "office"
    suffixes: tuple[str, ...] = (".doc", ".rtf", ".odt")

    def sniff(self, data: bytes) -> bool:
        return office_kind(data) is not None

    def read(self, data: bytes, options: Options = DEFAULTS) -> RawDocument:
        from pipeline.ingest.docx import DocxBackend  # python-docx only when a file is converted

        kind = office_kind(data) or "doc"
        raw = DocxBackend().read(to_docx(data, kind, options.convert_seconds), options)
        raw.source_format = kind
        raw.warnings.insert(0, f"converted from .{kind} to DOCX with LibreOffice")
        return raw

