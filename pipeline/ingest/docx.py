"""DOCX backend: paragraphs and tables in document order, from the parts `docx_package` finds
the way python-docx does (python-docx itself reads the packages that reader cannot vouch for).

Vietnamese official documents lay out the header (issuer and number | motto and place/date)
and the footer (`Nơi nhận` | signer) as borderless two-column tables: those are *layout*
tables and each of their cells is read as one `cell` block, left then right. Any other table
is a data table, read row by row with its cells in order, a merged cell once. Footnotes and
page headers/footers are kept apart from the body in their own regions.

The archive is never trusted: every part is read with a size cap (`limits.read_part`), XML is
parsed without resolving entities or loading anything from the network, and a part other
than the body that declares its own entities (a DTD: never used by Word, the mark of an
entity-expansion or external-entity attack) or is not well-formed is skipped with a warning,
so the body is still read."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable
from functools import cache

from docx import Document as open_docx
from docx.opc.part import XmlPart
from docx.oxml.ns import nsmap
from docx.oxml.ns import qn as _qn
from lxml import etree

from datamodel import CELL_SEPARATOR, RawBlock, RawDocument, Region
from pipeline.ingest.base import InputError
from pipeline.ingest.docx_package import Irregular, Package, SeenParts
from pipeline.ingest.legacy_docx import convert_runs
from pipeline.ingest.legacy_encodings import warning
from pipeline.ingest.limits import read_part
from pipeline.options import DEFAULTS, Options

qn = cache(_qn)
"""Clark names of `w:` tags, each worked out once (python-docx splits the string on every call)."""
_LAYOUT_MAX_COLS = 3
_LAYOUT_MAX_ROWS = 3
_BODY = "word/document.xml"
_W_NS = nsmap["w"]
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
"""Entities are never expanded and nothing is fetched; libxml2's depth and size guards stay on."""


class _NoTree:
    """A parser target that builds nothing: checking that a part is well-formed needs libxml2's
    parse (the same checks and messages) but not the tree, which costs as much again."""

    def close(self) -> None:
        return None


_WELL_FORMED = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, target=_NoTree())
_CLEAN = SeenParts()
"""Parts found well-formed and without a DTD (the same bytes always are)."""
_ROOT_NAME = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]")


_P, _T, _TAB, _BR, _CR, _TBL, _TR, _TC = (qn(f"w:{tag}") for tag in ("p", "t", "tab", "br", "cr", "tbl", "tr", "tc"))
_BREAKS = {_TAB: " ", _BR: "\n", _CR: "\n"}
"""What a tab and a line or carriage break read as."""


def _text_of(element: etree._Element) -> str:
    """The text of a paragraph-bearing element: runs, tabs as spaces, breaks as newlines."""
    paragraphs = []
    for p in element.iter(_P):
        parts = []
        for node in p.iter(_T, _TAB, _BR, _CR):
            tag = node.tag
            parts.append((node.text or "") if tag == _T else _BREAKS[tag])
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def _cells(tr: etree._Element) -> list[etree._Element]:
    """The cells of a row that carry content: a vertically merged cell's continuation is
    skipped, so every merged cell is read once (a horizontal merge is one `w:tc` already)."""
    cells = []
    for tc in tr.iterchildren(_TC):
        vmerge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
        if vmerge is not None and vmerge.get(qn("w:val"), "continue") == "continue":
            continue
        cells.append(tc)
    return cells


def _has_borders(tbl: etree._Element) -> bool:
    """True when the table draws lines: a style other than the plain one, or explicit borders."""
    style = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
    if style is not None and style.get(qn("w:val")) not in (None, "TableNormal", "NormalTable"):
        return True
    for border in tbl.iter(qn("w:top"), qn("w:bottom"), qn("w:left"), qn("w:right"), qn("w:insideH"), qn("w:insideV")):
        if border.getparent() is not None and border.getparent().tag in (qn("w:tblBorders"), qn("w:tcBorders")):
            if border.get(qn("w:val")) not in (None, "nil", "none"):
                return True
    return False


def _is_layout(tbl: etree._Element) -> bool:
    rows = tbl.findall(_TR)
    width = max((len(_cells(tr)) for tr in rows), default=0)
    return len(rows) <= _LAYOUT_MAX_ROWS and width <= _LAYOUT_MAX_COLS and not _has_borders(tbl)


class _Reader:
    """Walks the body once, numbering data tables and placing layout cells in regions."""

    def __init__(self) -> None:
        self.blocks: list[RawBlock] = []
        self.tables = 0
        self.seen_body_text = False

    def paragraph(self, p: etree._Element) -> None:
        text = _text_of(p)
        if text.strip():
            self.blocks.append(RawBlock(text, kind="paragraph"))
            self.seen_body_text = True

    def table(self, tbl: etree._Element) -> None:
        if _is_layout(tbl):
            region: Region = "body" if self.seen_body_text else "header"
            for tr in tbl.findall(_TR):
                for tc in _cells(tr):
                    text = _text_of(tc)
                    if text.strip():
                        self.blocks.append(RawBlock(text, kind="cell", region=region))
            return
        index = self.tables
        self.tables += 1
        for r, tr in enumerate(tbl.findall(_TR)):
            cells = tuple(_text_of(tc).strip() for tc in _cells(tr))
            if any(cells):
                self.blocks.append(RawBlock(CELL_SEPARATOR.join(cells), kind="table_row", table=index, row=r, cells=cells))
        self.seen_body_text = True


def _clean_part(name: str, data: bytes, warnings: list[str]) -> bytes:
    """A part as python-docx may parse it: unchanged when it is well-formed and declares no
    entities; otherwise (never for the body) an empty element of the same name, with a warning."""
    key = None if name == _BODY else SeenParts.key(data)
    if key in _CLEAN:
        return data
    dtd = b"<!DOCTYPE" in data or b"<!ENTITY" in data
    if name == _BODY:
        if dtd:
            raise InputError("not_a_docx", "the DOCX body declares its own entities (a DTD, which Word never writes): "
                                           "the file is damaged or made to attack XML readers")
        return data
    problem = "declares its own entities (a DTD, which Word never writes)" if dtd else None
    if problem is None:
        try:
            etree.fromstring(data, _WELL_FORMED)
            _CLEAN.add(key)
            return data
        except etree.XMLSyntaxError as exc:
            problem = f"is not well-formed XML ({exc.msg})"
    warnings.append(f"the part {name} {problem} and was skipped; the body is read")
    found = _ROOT_NAME.search(data, data.rfind(b"]>") + 1 if dtd else 0)
    local = found.group(1).decode() if found else "root"
    return f'<w:{local} xmlns:w="{_W_NS}"/>'.encode()


def _checked_parts(data: bytes, options: Options, warnings: list[str]) -> tuple[list[tuple[str, bytes]], bool]:
    """Every member read under the caps, unsafe XML parts cleaned, and whether one was."""
    parts: list[tuple[str, bytes]] = []
    changed = False
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        for info in src.infolist():
            if info.is_dir():
                continue
            part = read_part(src, info.filename, options)
            if info.filename.endswith((".xml", ".rels")):
                cleaned = _clean_part(info.filename, part, warnings)
                changed |= cleaned is not part
                part = cleaned
            parts.append((info.filename, part))
    return parts, changed


def _package_bytes(data: bytes, parts: list[tuple[str, bytes]], changed: bool) -> bytes:
    """The archive python-docx may open: the bytes as they came when no part had to change
    (python-docx then reads members the same caps just let through), else rebuilt from the
    capped reads."""
    if not changed:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for name, part in parts:
            dst.writestr(name, part)
    return out.getvalue()


def _safe_package(data: bytes, options: Options, warnings: list[str]) -> bytes:
    """The archive with every member read under the caps and unsafe XML parts cleaned."""
    return _package_bytes(data, *_checked_parts(data, options, warnings))


def _footnotes(blob: bytes | None, warnings: list[str]) -> list[RawBlock]:
    """Footnote texts (separators skipped) from the bytes of word/footnotes.xml, if the file
    has one; a part that is not well-formed is skipped with a warning."""
    if blob is None:
        return []
    try:
        root = etree.fromstring(blob, _SAFE)
    except etree.XMLSyntaxError as exc:
        warnings.append(f"the footnotes are not well-formed XML and were skipped ({exc.msg})")
        return []
    notes = [n for n in root.iterchildren(qn("w:footnote")) if n.get(qn("w:type")) is None]
    return [RawBlock(_text_of(n), kind="paragraph", region="footnote") for n in notes if _text_of(n).strip()]


_SECTIONS = etree.XPath("./w:body/w:p/w:pPr/w:sectPr | ./w:body/w:sectPr", namespaces={"w": _W_NS})
"""python-docx's `Document.sections`: the `w:sectPr` the document element reaches directly."""
_REFERENCES = {(tag, kind): etree.XPath(f"./w:{tag}[@w:type='{kind}']", namespaces={"w": _W_NS})
               for tag in ("headerReference", "footerReference") for kind in ("default", "first", "even")}


def _furniture(document: etree._Element, part_for: Callable[[etree._Element], etree._Element]) -> list[RawBlock]:
    """Page header and footer paragraphs of every section, each distinct text once: a
    section's primary, first-page and even-page header (then footer) that it defines itself
    (python-docx's `is_linked_to_previous` false), read from the part `part_for(reference)` gives."""
    seen: set[tuple[str, str]] = set()
    blocks: list[RawBlock] = []
    region: Region
    for sect_pr in _SECTIONS(document):
        for region, tag in (("page_header", "headerReference"), ("page_footer", "footerReference")):
            for kind in ("default", "first", "even"):
                found = _REFERENCES[tag, kind](sect_pr)
                if not found:
                    continue
                text = _text_of(part_for(found[0]))
                if text.strip() and (region, text) not in seen:
                    seen.add((region, text))
                    blocks.append(RawBlock(text, kind="paragraph", region=region))
    return blocks


def _read_body(body: etree._Element) -> _Reader:
    reader = _Reader()
    for child in body.iterchildren():
        tag = child.tag
        if tag == _P:
            reader.paragraph(child)
        elif tag == _TBL:
            reader.table(child)
    return reader


def _read_fast(parts: list[tuple[str, bytes]]) -> tuple[_Reader, list[RawBlock], set[str]] | None:
    """Body, footnotes and page furniture, and the legacy encodings met, read from the parts
    alone (`docx_package`); None when python-docx must read the package."""
    members = dict(parts)
    if len(members) != len(parts):
        return None
    try:
        package = Package.read(members)
        styles = package.styles
        legacy: set[str] = set()
        if package.may_hold_legacy_fonts():
            legacy = convert_runs([p.root for p in package.parts.values() if p.is_xml], styles.root)
        reader = _read_body(package.body)
        notes: list[str] = []
        rest = _footnotes(package.footnotes_blob(), notes) + _furniture(package.main.root, package.referenced)
    except Irregular:
        return None
    if notes:
        return None
    return reader, rest, legacy


def _read_python_docx(package: bytes, warnings: list[str]) -> tuple[_Reader, list[RawBlock], set[str]]:
    """The same, with python-docx's object model (packages `docx_package` does not vouch for)."""
    try:
        doc = open_docx(io.BytesIO(package))
    except _DAMAGED as exc:
        raise _not_a_docx(exc) from None
    xml_parts = [p.element for p in doc.part.package.iter_parts() if isinstance(p, XmlPart)]
    legacy = convert_runs(xml_parts, doc.styles.element)
    reader = _read_body(doc.element.body)
    footnotes = next((p.blob for p in doc.part.package.iter_parts() if str(p.partname) == "/word/footnotes.xml"), None)
    rest = _footnotes(footnotes, warnings) + _furniture(doc.element, lambda ref: doc.part.related_parts[ref.rId].element)
    return reader, rest, legacy


_DAMAGED = (zipfile.BadZipFile, KeyError, ValueError, EOFError, zlib.error, RuntimeError, NotImplementedError,
            etree.XMLSyntaxError)
"""What reading a damaged package raises; `zipfile` raises NotImplementedError for a member
compressed by a method it does not support (a user's file, not unfinished code here)."""


def _not_a_docx(exc: Exception) -> InputError:
    return InputError("not_a_docx", f"the file is not a readable DOCX (damaged or truncated Word file: {exc})")


class DocxBackend:
    """Reads Word 2007+ documents."""

    name = "docx"
    suffixes: tuple[str, ...] = (".docx", ".docm")

    def sniff(self, data: bytes) -> bool:
        if not data.startswith(b"PK"):
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                return "word/document.xml" in z.namelist()
        except zipfile.BadZipFile:
            return False

    def read(self, data: bytes, options: Options = DEFAULTS) -> RawDocument:
        warnings: list[str] = []
        try:
            parts, changed = _checked_parts(data, options, warnings)
        except _DAMAGED as exc:
            raise _not_a_docx(exc) from None
        fast = None if changed else _read_fast(parts)
        reader, rest, legacy = fast or _read_python_docx(_package_bytes(data, parts, changed), warnings)
        blocks = reader.blocks + rest
        if not any(b.text.strip() for b in blocks):
            raise InputError("empty_document", "the DOCX contains no text")
        warnings += [warning(e) for e in sorted(legacy)]
        return RawDocument("docx", blocks, warnings=warnings, meta={"tables": reader.tables})
