"""Input limits, checked cheaply before a backend does the expensive work.

A DOCX is a ZIP archive and a PDF holds compressed streams: a file of a few MiB can expand to
gigabytes and take the machine's memory with it. Each check here looks at sizes the container
declares or measures an expansion in bounded memory, and raises `InputError("too_large", ...)`
naming the limit and its option; the run turns that into an `errors` row and goes on.

- DOCX: the ZIP directory's sizes (total, per XML part, ratio), which `read_part` relies on:
  `zipfile` inflates no member beyond its declared size.
- PDF: the page count from pdfium (which only reads the cross-reference table and page tree),
  and every Flate stream inflated chunk by chunk with its output thrown away, stopping at the
  limit; a page tree that refers back to itself is reported as what it is.
- Every format: the characters of text a backend produced."""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from datamodel import RawDocument
from pipeline.ingest.base import InputError
from pipeline.options import MiB, Options

RATIO_FLOOR = MiB
"""A part or stream expanding to less than this is never judged by its ratio (small XML
parts of repeated markup legitimately compress 100-fold)."""
PAGE_TREE_LOOP = "the PDF's page tree refers back to itself (a loop), so its pages cannot be found; the file is damaged"
_STREAM = re.compile(rb"/FlateDecode[^>]*>>\s*stream\r?\n")
_CHUNK = 1 << 16


def too_large(what: str, options: Options, limit: str) -> InputError:
    """The error for an input over a limit, naming the limit's option and value."""
    return InputError("too_large", f"{what}, over the limit set by {options.limit(limit)}")


def check_zip(data: bytes, options: Options) -> None:
    """Refuse a DOCX whose declared sizes are over the limits (nothing is decompressed)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, ValueError):
        return  # the backend reports a damaged archive in its own words
    total = sum(i.file_size for i in infos)
    if total > options.max_unpacked_bytes:
        raise too_large(f"the DOCX expands to {total / MiB:.0f} MiB", options, "max_unpacked_mib")
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            _check_part(info, options)


def _check_part(info: zipfile.ZipInfo, options: Options) -> None:
    if info.file_size > options.max_part_bytes:
        raise too_large(f"the part {info.filename} expands to {info.file_size / MiB:.0f} MiB", options, "max_part_mib")
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > RATIO_FLOOR and ratio > options.max_ratio:
        raise too_large(f"the part {info.filename} expands {ratio:.0f}-fold (a ZIP bomb?)", options, "max_ratio")


def read_part(z: zipfile.ZipFile, name: str, options: Options) -> bytes:
    """A ZIP member's bytes, once its declared sizes pass the limits. `zipfile` never inflates
    a member beyond the size its directory declares, and a member whose data says otherwise
    fails its CRC check (`BadZipFile`), so the declared size is a hard cap."""
    info = z.getinfo(name)
    _check_part(info, options)
    return z.read(info)


def _inflated_size(data: bytes, start: int, cap: int) -> tuple[int, int]:
    """How far the Flate stream at `start` expands (counted up to `cap` and a little beyond)
    and how many compressed bytes it used; the output is thrown away piece by piece."""
    inflater = zlib.decompressobj()
    size, pos = 0, start
    try:
        while size <= cap and not inflater.eof:
            tail = inflater.unconsumed_tail
            if not tail and pos >= len(data):
                break
            if not tail:
                tail = data[pos:pos + _CHUNK]
                pos += len(tail)
            out = inflater.decompress(tail, _CHUNK * 16)
            size += len(out)
            if not out and tail is inflater.unconsumed_tail:
                break  # no progress: the stream is damaged
    except zlib.error:
        pass  # a damaged stream: pdfium decides what it can read
    return size, pos - start - len(inflater.unused_data) - len(inflater.unconsumed_tail)


def check_pdf(data: bytes, options: Options) -> None:
    """Refuse a PDF over the stream or page limits, and name a looping page tree, before the
    backend renders any page."""
    total = 0
    for match in _STREAM.finditer(data):
        size, used = _inflated_size(data, match.end(), options.max_unpacked_bytes - total)
        total += size
        if total > options.max_unpacked_bytes:
            raise too_large(f"the PDF's compressed streams expand to more than {options.max_unpacked_mib} MiB", options,
                             "max_unpacked_mib")
        if size > RATIO_FLOOR and size / max(used, 1) > options.max_ratio:
            raise too_large(f"a PDF stream expands {size / max(used, 1):.0f}-fold", options, "max_ratio")
    _check_pages(data, options)


def _check_pages(data: bytes, options: Options) -> None:
    import pypdfium2 as pdfium

    _check_page_tree(data)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return  # encrypted or damaged: the backend says which
    try:
        pages = len(pdf)
    finally:
        pdf.close()
    if pages > options.max_pages:
        raise too_large(f"the PDF has {pages} pages", options, "max_pages")


_OBJECT_BODY = 4096  # longest page-tree node looked at, header to endobj
_OBJECT_HEADER = re.compile(rb"(\d+)\s+\d+\s+obj\b")
_PAGES_NODE = re.compile(rb"/Type\s*/Pages\b")
_KIDS = re.compile(rb"/Kids\s*\[([^\]]*)\]")
_REF = re.compile(rb"(\d+)\s+\d+\s+R")


def _page_tree_nodes(data: bytes) -> dict[bytes, list[bytes]]:
    """The `/Kids` of every uncompressed `/Type /Pages` object, by object number. The search starts
    from the rare `/Pages` marker and looks back for its object's header: a scan for object headers
    from every digit of the file cost seconds on real PDFs full of binary streams."""
    kids: dict[bytes, list[bytes]] = {}
    for marker in _PAGES_NODE.finditer(data):
        window = max(0, marker.start() - _OBJECT_BODY - 64)
        headers = list(_OBJECT_HEADER.finditer(data, window, marker.start()))
        if not headers:
            continue
        header = headers[-1]
        if data.find(b"endobj", header.end(), marker.start()) != -1:
            continue  # the marker is outside any object (in a stream's bytes)
        end = data.find(b"endobj", marker.end(), header.end() + _OBJECT_BODY + len(b"endobj"))
        found = _KIDS.search(data, header.end(), end) if end != -1 else None
        if found:
            kids[header.group(1)] = _REF.findall(found.group(1))
    return kids


def _check_page_tree(data: bytes) -> None:
    """Refuse a page tree in which a node is its own descendant. pdfium then fails on every page
    it cannot reach, which would otherwise read as a scan without text."""
    kids = _page_tree_nodes(data)
    state: dict[bytes, int] = {}  # 1: on the current path, 2: done
    for root in kids:
        stack = [(root, iter(kids[root]))]
        state[root] = state.get(root) or 1
        if state[root] == 2:
            continue
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                raise InputError("corrupt_pdf", PAGE_TREE_LOOP)
            elif child in kids and child not in state:
                state[child] = 1
                stack.append((child, iter(kids[child])))


def check_chars(raw: RawDocument, options: Options) -> None:
    """Refuse a document whose text is over the character limit."""
    chars = sum(len(b.text) for b in raw.blocks)
    if chars > options.max_chars:
        raise too_large(f"the document holds {chars:,} characters of text", options, "max_chars")
