"""Limits: a file over one becomes a `too_large` row naming the option, before it costs memory."""

from __future__ import annotations

import io
import zipfile

import pytest

from pipeline.ingest.limits import _page_tree_nodes, read_part
from pipeline.options import Options
from pipeline.run import process_bytes
from tests.conftest import RAW
from tests.robustness.make_corpus import _LAUGHS, REPORT_LINES, _docx_bomb, _entity_part, _paragraphs, _Pdf, docx_bytes, pdf_pages


def _only_error(result) -> tuple[str, str]:
    assert result.failed and len(result.errors) == 1
    return result.errors[0]["error_type"], result.errors[0]["message"]


def test_a_docx_that_expands_past_the_limits_is_refused_by_its_declared_sizes(tmp_path):
    _docx_bomb(tmp_path / "bomb.docx", 3 << 20)
    data = (tmp_path / "bomb.docx").read_bytes()
    assert len(data) < 64 << 10
    kind, message = _only_error(process_bytes(data, "bomb.docx"))
    assert kind == "too_large" and "expands" in message and "--max-ratio 200" in message
    kind, message = _only_error(process_bytes(data, "bomb.docx", Options(max_unpacked_mib=2)))
    assert kind == "too_large" and "--max-unpacked-mib 2" in message


def test_a_zip_member_longer_than_declared_is_never_inflated_past_it():
    data = docx_bytes(_paragraphs(list(REPORT_LINES)))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        z.getinfo("word/document.xml").file_size = 100  # the archive lies about the size
        with pytest.raises(zipfile.BadZipFile):  # the backend reports it as a damaged DOCX
            read_part(z, "word/document.xml", Options())


def test_a_malformed_footnotes_part_is_skipped_and_the_body_read():
    laughs = _entity_part("footnotes", "footnote", _LAUGHS, "&j;")
    result = process_bytes(docx_bytes(_paragraphs(list(REPORT_LINES)), footnotes=laughs), "f.docx")
    assert not result.failed
    docs = result.tables["documents"].to_pylist()[0]
    assert "word/footnotes.xml declares its own entities" in docs["warnings"]
    text = result.tables["texts"].to_pylist()[0]["text"]
    assert REPORT_LINES[3] in text and "aaaaaaaaaa" not in text


def test_no_external_entity_is_ever_loaded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("mật khẩu bí mật")
    xxe = _entity_part("comments", "comment", f'<!ENTITY x SYSTEM "file://{secret}">', "&x;")
    body = _paragraphs(list(REPORT_LINES)) + "<w:p><w:r><w:t>&amp;x;</w:t></w:r></w:p>"
    for part in ({"comments": xxe}, {"footnotes": xxe.replace("comments", "footnotes").replace("comment ", "footnote ")}):
        result = process_bytes(docx_bytes(body, **part), "x.docx")
        assert "mật khẩu" not in result.tables["texts"].to_pylist()[0]["text"]
    doctype_body = f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
    bad = docx_bytes("").replace(b"PK", b"PK")  # a body with a DTD is refused outright
    with zipfile.ZipFile(io.BytesIO(bad)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/document.xml"] = (doctype_body + parts["word/document.xml"].decode().split("?>", 1)[1]).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, content in parts.items():
            z.writestr(name, content)
    kind, message = _only_error(process_bytes(out.getvalue(), "d.docx"))
    assert kind == "not_a_docx" and "DTD" in message


def test_pdf_limits_are_checked_before_the_pages_are_read(tmp_path):
    pdf_pages(tmp_path / "six.pdf", 6)
    data = (tmp_path / "six.pdf").read_bytes()
    assert not process_bytes(data, "six.pdf").failed
    assert _only_error(process_bytes(data, "six.pdf", Options(max_pages=5))) == (
        "too_large", "the PDF has 6 pages, over the limit set by --max-pages 5")
    pdf_pages(tmp_path / "stream.pdf", 1, big_stream=3 << 20)
    kind, message = _only_error(process_bytes((tmp_path / "stream.pdf").read_bytes(), "s.pdf", Options(max_unpacked_mib=2)))
    assert kind == "too_large" and "--max-unpacked-mib 2" in message
    kind, message = _only_error(process_bytes((tmp_path / "stream.pdf").read_bytes(), "s.pdf"))
    assert kind == "too_large" and "--max-ratio 200" in message


def test_a_pdf_page_tree_that_loops_is_called_what_it_is(tmp_path):
    pdf_pages(tmp_path / "loop.pdf", 1, loop=True)
    kind, message = _only_error(process_bytes((tmp_path / "loop.pdf").read_bytes(), "loop.pdf"))
    assert kind == "corrupt_pdf" and "refers back to itself" in message and "scanned" not in message


def _two_level_tree(path, loop: bool) -> None:
    """Root /Pages 2 holds /Pages 4, which holds the page, or (loop) the root again; a binary
    stream full of digits comes first, as in real files."""
    with path.open("wb") as out:
        pdf = _Pdf(out)
        pdf.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
        pdf.stream(5, [bytes(range(48, 58)) * 5000 + b" 7 0 obj"])
        pdf.obj(2, "<< /Type /Pages /Kids [4 0 R] /Count 1 >>")
        pdf.obj(4, f"<< /Type /Pages /Parent 2 0 R /Kids [{'2 0 R' if loop else '10 0 R'}] /Count 1 >>")
        pdf.obj(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        pdf.obj(10, "<< /Type /Page /Parent 4 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 11 0 R >>")
        pdf.stream(11, [b"BT /F1 12 Tf 72 760 Td (Bao cao: xa co 18 may tinh.) Tj ET\n"])
        pdf.close(1)


def test_a_page_tree_is_followed_through_its_levels(tmp_path):
    _two_level_tree(tmp_path / "deep.pdf", loop=False)
    assert _page_tree_nodes((tmp_path / "deep.pdf").read_bytes()) == {b"2": [b"4"], b"4": [b"10"]}
    result = process_bytes((tmp_path / "deep.pdf").read_bytes(), "deep.pdf")
    assert not result.failed and result.tables["documents"].column("page_count").to_pylist() == [1]
    _two_level_tree(tmp_path / "deep_loop.pdf", loop=True)
    kind, message = _only_error(process_bytes((tmp_path / "deep_loop.pdf").read_bytes(), "deep_loop.pdf"))
    assert kind == "corrupt_pdf" and "refers back to itself" in message


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_characters_per_document_are_limited_in_every_format(fmt):
    data = (RAW / f"001_35ae03e1e9c7ec90.{fmt}").read_bytes()
    kind, message = _only_error(process_bytes(data, f"r.{fmt}", Options(max_chars=1000)))
    assert kind == "too_large" and "--max-chars 1000" in message


def test_the_file_size_limit_is_checked_before_reading(tmp_path):
    from pipeline.run import process_file

    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(2 << 20)  # sparse: 2 MiB of nothing, never read
    result = process_file(big, Options(max_file_mib=1))
    assert _only_error(result) == ("too_large", "the file is 2 MiB, over the limit set by --max-file-mib 1")
