"""Writes the hostile and awkward corpus of issue 7 into a folder, at test time.

Large inputs (a DOCX whose `word/document.xml` expands to 1 GiB, a PDF with a 1 GiB content
stream) are streamed through `zipfile`/`zlib` so they take a few MiB on disk and never sit in
memory; nothing here is committed. Every entry is written under one input folder, and
`make_corpus` returns what was written: the relative name, the kind, and whether the entry
looks like an input (so the run must give it exactly one `documents` or `errors` row).

    python tests/robustness/make_corpus.py OUTDIR [--small]   # --small: 64 MiB bombs
"""

from __future__ import annotations

import io
import os
import socket
import stat
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"
SAMPLE = "001_35ae03e1e9c7ec90"
GiB = 1 << 30

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
       '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
       '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
       '</Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
         '</Relationships>')
_REL = '<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{part}" Target="{part}.xml"/>'
REPORT_LINES = (
    "ỦY BAN NHÂN DÂN XÃ PHÚ THỊNH",
    "BÁO CÁO",
    "Kết quả thực hiện chuyển đổi số năm 2025",
    "Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của xã là 215 thủ tục.",
    "Trong kỳ, xã tiếp nhận 1.240 hồ sơ, trong đó trực tuyến 1.100 hồ sơ.",
    "Xã hiện có 18 máy tính để bàn, 3 máy quét và 5 máy in.",
)


@dataclass(frozen=True)
class Entry:
    """One thing written into the corpus folder."""

    name: str          # relative path (str; may hold surrogate-escaped bytes)
    kind: str          # what it is, for the table in the closing note
    input: bool        # looks like an input: must get exactly one documents/errors row


def _paragraphs(lines: list[str]) -> str:
    return "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{_esc(t)}</w:t></w:r></w:p>" for t in lines)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _document_xml(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}</w:body></w:document>'


def docx_bytes(body: str, footnotes: str | None = None, comments: str | None = None) -> bytes:
    """A minimal valid DOCX with the given body XML and optional raw footnotes/comments parts."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", _document_xml(body))
        parts = {name: xml for name, xml in (("footnotes", footnotes), ("comments", comments)) if xml is not None}
        if parts:
            rels = "".join(_REL.format(n=n, part=name) for n, name in enumerate(parts, 8))
            z.writestr("word/_rels/document.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        for name, xml in parts.items():
            z.writestr(f"word/{name}.xml", xml)
    return buf.getvalue()


def _docx_bomb(path: Path, expanded: int) -> None:
    """A DOCX whose word/document.xml expands to `expanded` bytes, streamed (never in memory)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>'.encode()
        tail = b"</w:t></w:r></w:p></w:body></w:document>"
        chunk = b"a" * (1 << 20)
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(head)
            for _ in range((expanded - len(head) - len(tail)) // len(chunk)):
                part.write(chunk)
            part.write(tail)


def _entity_part(root: str, child: str, dtd: str, ref: str) -> str:
    return (f'<?xml version="1.0"?><!DOCTYPE {root} [{dtd}]><w:{root} xmlns:w="{W}"><w:{child} w:id="1">'
            f'<w:p><w:r><w:t>{ref}</w:t></w:r></w:p></w:{child}></w:{root}>')


_LAUGHS = '<!ENTITY a "aaaaaaaaaa">' + "".join(
    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))


# --- PDF -------------------------------------------------------------------------------

class _Pdf:
    """A tiny PDF writer: numbered objects, one cross-reference table (enough for pdfium)."""

    def __init__(self, out) -> None:
        self.out = out
        self.offsets: dict[int, int] = {}
        self.pos = 0
        self._w(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")

    def _w(self, data: bytes) -> None:
        self.out.write(data)
        self.pos += len(data)

    def obj(self, num: int, body: str) -> None:
        self.offsets[num] = self.pos
        self._w(f"{num} 0 obj\n{body}\nendobj\n".encode("latin-1"))

    def stream(self, num: int, chunks, length_hint: int | None = None) -> None:
        """A Flate stream written chunk by chunk; its /Length is an indirect object after it."""
        self.offsets[num] = self.pos
        self._w(f"{num} 0 obj\n<< /Length {num + 1} 0 R /Filter /FlateDecode >>\nstream\n".encode())
        comp, size = zlib.compressobj(9), 0
        for c in chunks:
            data = comp.compress(c)
            size += len(data)
            self._w(data)
        data = comp.flush()
        size += len(data)
        self._w(data + b"\nendstream\nendobj\n")
        self.obj(num + 1, str(size))

    def close(self, root: int) -> None:
        xref = self.pos
        n = max(self.offsets) + 1
        lines = ["xref", f"0 {n}", "0000000000 65535 f "]
        lines += [f"{self.offsets.get(i, 0):010d} 00000 n " if i in self.offsets else "0000000000 65535 f " for i in range(1, n)]
        self._w(("\n".join(lines) + f"\ntrailer\n<< /Size {n} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n").encode())


def pdf_pages(path: Path, pages: int, loop: bool = False, big_stream: int = 0) -> None:
    """A PDF of `pages` pages with one line of text each; `loop` makes the page tree contain
    itself; `big_stream` gives page 1 a content stream expanding to that many bytes."""
    with path.open("wb") as out:
        pdf = _Pdf(out)
        pdf.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
        kids = "2 0 R" if loop else " ".join(f"{10 + 3 * i} 0 R" for i in range(pages))
        pdf.obj(2, f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>")
        pdf.obj(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for i in range(pages):
            page, content = 10 + 3 * i, 11 + 3 * i
            pdf.obj(page, f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>")
            text = f"BT /F1 12 Tf 72 760 Td (Bao cao trang {i + 1}: xa co 18 may tinh.) Tj ET\n".encode()
            if big_stream and i == 0:
                filler = b" " * (1 << 20)
                pdf.stream(content, [text] + [filler] * (big_stream // len(filler)))
            else:
                pdf.stream(content, [text])
        pdf.close(1)


# --- the corpus ------------------------------------------------------------------------

def _write(root: Path, name: str, data: bytes) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def make_corpus(root: Path, bomb: int = GiB) -> list[Entry]:
    """Write the corpus under `root` (created); returns its entries. `bomb` is the expanded
    size of the DOCX and PDF bombs."""
    root.mkdir(parents=True, exist_ok=True)
    docx, pdf, txt = ((RAW / f"{SAMPLE}.{ext}").read_bytes() for ext in ("docx", "pdf", "txt"))
    report = "\n".join(REPORT_LINES)
    entries: list[Entry] = []
    pdf_copy = pdf + b"% a copy of the sample, so it is not the same content\n"
    docx_copy = _with_comment(docx, b"a copy of the sample")

    def add(name: str, kind: str, data: bytes | None = None, is_input: bool = True) -> None:
        if data is not None:
            _write(root, name, data)
        entries.append(Entry(name, kind, is_input))

    # empty, truncated, encrypted: each format
    add("empty.docx", "empty DOCX", b"")
    add("empty.pdf", "empty PDF", b"")
    add("empty.txt", "empty TXT", b"")
    add("truncated.docx", "truncated DOCX", docx[: len(docx) // 2])
    add("truncated.pdf", "truncated PDF", pdf[: len(pdf) // 2])
    txt_cut = txt[: len(txt) // 2]
    while txt_cut and (txt_cut[-1] & 0xC0) == 0x80:
        txt_cut = txt_cut[:-1]
    add("truncated.txt", "truncated TXT (cut inside a character)", txt_cut[:-1])
    add("encrypted.pdf", "encrypted PDF", (ROOT / "tests/fixtures/pdf/encrypted.pdf").read_bytes())
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + os.urandom(2048)
    add("encrypted.docx", "encrypted (password-protected) DOCX", ole)
    add("encrypted.txt", "ciphertext named .txt", bytes(range(256)) * 64)
    # formats that are not read
    add("old.doc", "old binary Word .doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4096))
    add("report.rtf", "RTF", rb"{\rtf1\ansi B\'e1o c\'e1o}")
    add("report.odt", "ODT", _odt())
    add("notes.md", "Markdown (not a report)", b"# notes\n\nnot a report\n", is_input=False)
    add("scan", "PDF without extension (found by content)", pdf_copy)
    # lying extensions
    add("lying_docx.pdf", "DOCX named .pdf", docx_copy)
    add("lying_pdf.txt", "PDF named .txt", pdf_copy + b"%")
    add("lying_txt.docx", "text named .docx", report.encode())
    # names
    add("Báo cáo xã Phú Thịnh.txt", "Vietnamese name", (report + "\nTên tệp có dấu.").encode())
    add("name with spaces.txt", "name with spaces", (report + "\nTên tệp có khoảng trắng.").encode())
    add("new\nline.txt", "name with a newline", (report + "\nTên tệp có xuống dòng.").encode())
    add("b" * 251 + ".txt", "255-byte name", (report + "\nTên tệp dài.").encode())
    add(os.fsdecode(b"latin1_b\xe1o_c\xe1o.txt"), "name not valid UTF-8 (Latin-1)", (report + "\nTên Latin-1.").encode())
    add("x.txt/inside.txt", "file inside a folder named x.txt", (report + "\nTrong thư mục x.txt.").encode())
    add(".hidden report.txt", "hidden file", (report + "\nTệp ẩn.").encode())
    add("~$lying_docx.docx", "Word lock file", b"\x0cnguoi soan" + b"\0" * 150)
    (root / ".tool_state").mkdir()
    add(".tool_state/kept.txt", "report inside a hidden folder (not searched)", (report + "\nThư mục ẩn.").encode(),
        is_input=False)
    # permissions
    add("unreadable.txt", "unreadable permissions (chmod 000)", (report + "\nKhông đọc được.").encode())
    os.chmod(root / "unreadable.txt", 0)
    # text content
    add("nul.txt", "1 MB of NUL bytes", b"\0" * (1 << 20))
    add("control.txt", "mostly control characters", bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 20000 + b"abc")
    one_bad = bytearray(txt)
    one_bad[len(one_bad) // 3] = 0xFF
    add("one_bad_byte.txt", "UTF-8 report with one invalid byte", bytes(one_bad))
    long_utf8 = (report + "\n") * 200
    raw = long_utf8.encode()
    while (raw[65536] & 0xC0) != 0x80:  # byte 65536 inside a multi-byte character
        raw = b"x" + raw
    add("cut_at_64k.txt", "UTF-8 report whose 64 KiB cut is mid-character", raw)
    add("one_line_512k.txt", "512 KB without a line break", (" ".join(REPORT_LINES) + " ") .encode() * (512 * 1024 // 400))
    add("one_line_8m.txt", "8 MB without a line break (over the character limit)", b"a " * (4 << 20) + b"b")
    # DOCX structure
    deep = "".join("<w:tbl><w:tr><w:tc>" for _ in range(60)) + _paragraphs(["ô sâu"]) + "".join("</w:tc></w:tr></w:tbl>" for _ in range(60))
    add("nested_tables.docx", "DOCX tables nested 60 deep", docx_bytes(_paragraphs(list(REPORT_LINES)) + deep))
    add("paragraphs_10000.docx", "DOCX of 10,000 paragraphs",
        docx_bytes(_paragraphs(list(REPORT_LINES[:3]) + [f"Đoạn thứ {i + 1} của phụ lục." for i in range(10_000)])))
    laughs = _entity_part("footnotes", "footnote", _LAUGHS, "&j;")
    add("footnote_bomb.docx", "DOCX with entity-expansion footnotes", docx_bytes(_paragraphs(list(REPORT_LINES)), footnotes=laughs))
    xxe = _entity_part("comments", "comment", '<!ENTITY x SYSTEM "file:///etc/passwd">', "&x;")
    add("comment_xxe.docx", "DOCX with an external entity in comments", docx_bytes(_paragraphs(list(REPORT_LINES)), comments=xxe))
    _docx_bomb(root / "bomb.docx", bomb)
    add("bomb.docx", f"DOCX whose document.xml expands to {bomb >> 20} MiB")
    # PDF structure
    pdf_pages(root / "pages_2000.pdf", 2000)
    add("pages_2000.pdf", "PDF of 2,000 pages")
    pdf_pages(root / "page_loop.pdf", 1, loop=True)
    add("page_loop.pdf", "PDF whose page tree loops")
    pdf_pages(root / "big_stream.pdf", 1, big_stream=bomb)
    add("big_stream.pdf", f"PDF with a {bomb >> 20} MiB content stream")
    # special files and links
    os.mkfifo(root / "pipe.txt")
    add("pipe.txt", "FIFO")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "sock.pdf"))
    sock.close()
    add("sock.pdf", "socket")
    os.symlink("loop_b.txt", root / "loop_a.txt")
    os.symlink("loop_a.txt", root / "loop_b.txt")
    add("loop_a.txt", "symlink loop")
    add("loop_b.txt", "symlink loop (other end)")
    os.symlink("missing.docx", root / "dangling.docx")
    add("dangling.docx", "dangling symlink")
    os.symlink("/etc/passwd", root / "passwd.txt")
    add("passwd.txt", "link leaving the input tree")
    os.symlink("/dev/null", root / "null.txt")
    add("null.txt", "link to a device")
    os.symlink("/etc", root / "etc_link")
    add("etc_link", "folder link leaving the input tree")
    os.symlink("..", root / "x.txt/up")
    add("x.txt/up", "folder link back up the tree (a cycle)", is_input=False)
    os.symlink("Báo cáo xã Phú Thịnh.txt", root / "inside_link.txt")
    add("inside_link.txt", "link to a file inside the tree")
    return entries


def _with_comment(docx: bytes, comment: bytes) -> bytes:
    """The same DOCX with an archive comment: other bytes, the same document."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.comment = comment
    return out.getvalue()


def _odt() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    return buf.getvalue()


def is_special(path: Path) -> bool:
    """True for a FIFO, socket or device (what the corpus holds that `cp -r` cannot copy)."""
    mode = os.lstat(path).st_mode
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode)


if __name__ == "__main__":
    out = Path(sys.argv[1])
    made = make_corpus(out, bomb=64 << 20 if "--small" in sys.argv else GiB)
    for e in made:
        print(f"{'input' if e.input else '-':6} {e.kind:55} {e.name!r}")
