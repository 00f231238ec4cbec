"""Old Word, RTF and OpenDocument files: converted with LibreOffice, read as DOCX, picked up
in folders; a clear error row where LibreOffice is missing."""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

import docx
import pytest

from pipeline.build import read_document
from pipeline.ingest import office
from pipeline.run import discover, process_bytes

LINES = ["ỦY BAN NHÂN DÂN XÃ HÒA PHÚ", "Số: 15/BC-UBND",
         "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 86,5%; xã có 12 máy tính phục vụ một cửa."]
NO_SOFFICE = pytest.mark.skipif(office.soffice() is None, reason="LibreOffice (libreoffice-writer-nogui) is not installed")


def _docx() -> bytes:
    d = docx.Document()
    for line in LINES:
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _converted(kind: str) -> bytes:
    """The test DOCX saved as .doc or .odt by LibreOffice itself."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "bc.docx"
        src.write_bytes(_docx())
        subprocess.run([str(office.soffice()), f"-env:UserInstallation={(Path(tmp) / 'p').as_uri()}", "--headless",
                        "--convert-to", kind, "--outdir", tmp, str(src)], capture_output=True, timeout=120, check=True)
        return (Path(tmp) / f"bc.{kind}").read_bytes()


@NO_SOFFICE
@pytest.mark.parametrize("kind", ["doc", "odt"])
def test_old_word_and_opendocument_read_like_docx(kind):
    data = _converted(kind)
    assert office.office_kind(data) == kind
    doc, notes = read_document(data, f"bc.{kind}")
    assert doc.source_format == kind
    assert [line in doc.text for line in LINES] == [True, True, True]
    assert doc.warnings[0] == f"converted from .{kind} to DOCX with LibreOffice"
    assert notes == []


@NO_SOFFICE
def test_rtf_is_read():
    rtf = rb"{\rtf1\ansi\uc1 {\pard T\u7927? l\u7879? h\u7891? s\u417? tr\u7921?c tuy\u7871?n \u273?\u7841?t 86,5%.\par}}"
    doc, _ = read_document(rtf, "bc.rtf")
    assert doc.source_format == "rtf"
    assert "Tỷ lệ hồ sơ trực tuyến đạt 86,5%." in doc.text


def test_old_formats_are_picked_up_in_folders(tmp_path):
    for name in ("a.doc", "b.odt", "c.rtf", "d.xls"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in discover([tmp_path])] == ["a.doc", "b.odt", "c.rtf"]


def test_without_libreoffice_the_error_row_says_what_to_install(monkeypatch):
    monkeypatch.setattr(office, "soffice", lambda: None)
    result = process_bytes(office.OLE_MAGIC + b"\0" * 504, "bc.doc")
    assert result.failed
    assert result.errors[0]["error_type"] == "converter_missing"
    assert "apt-get install libreoffice-writer-nogui" in result.errors[0]["message"]
