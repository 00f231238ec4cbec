"""DOCX backend (python-docx): paragraphs and tables in document order.

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
from functools import cache

from docx import Document as open_docx
from docx.opc.part import XmlPart
from docx.oxml.ns import nsmap
from docx.oxml.ns import qn as _qn
from lxml import etree

from datamodel import CELL_SEPARATOR, RawBlock, RawDocument, Region
from pipeline.ingest.base import InputError
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
_ROOT_NAME = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]")


def _text_of(element: etree._Element) -> str:
    """The text of a paragraph-bearing element: runs, tabs as spaces, breaks as newlines."""
    paragraphs = []
    for p in element.iter(qn("w:p")):
        parts = []
        for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
            if node.tag == qn("w:t"):
                parts.append(node.text or "")
            elif node.tag == qn("w:tab"):
                parts.append(" ")
            else:
                parts.append("\n")
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def _cells(tr: etree._Element) -> list[etree._Element]:
    """The cells of a row that carry content: a vertically merged cell's continuation is
    skipped, so every merged cell is read once (a horizontal merge is one `w:tc` already)."""
    cells = []
    for tc in tr.iterchildren(qn("w:tc")):
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
    rows = tbl.findall(qn("w:tr"))
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
            for tr in tbl.findall(qn("w:tr")):
                for tc in _cells(tr):
                    text = _text_of(tc)
                    if text.strip():
                        self.blocks.append(RawBlock(text, kind="cell", region=region))
            return
        index = self.tables
        self.tables += 1
        for r, tr in enumerate(tbl.findall(qn("w:tr"))):
            cells = tuple(_text_of(tc).strip() for tc in _cells(tr))
            if any(cells):
                self.blocks.append(RawBlock(CELL_SEPARATOR.join(cells), kind="table_row", table=index, row=r, cells=cells))
        self.seen_body_text = True


def _clean_part(name: str, data: bytes, warnings: list[str]) -> bytes:
    """A part as python-docx may parse it: unchanged when it is well-formed and declares no
    entities; otherwise (never for the body) an empty element of the same name, with a warning."""
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
            return data
        except etree.XMLSyntaxError as exc:
            problem = f"is not well-formed XML ({exc.msg})"
    warnings.append(f"the part {name} {problem} and was skipped; the body is read")
    found = _ROOT_NAME.search(data, data.rfind(b"]>") + 1 if dtd else 0)
    local = found.group(1).decode() if found else "root"
    return f'<w:{local} xmlns:w="{_W_NS}"/>'.encode()


def _safe_package(data: bytes, options: Options, warnings: list[str]) -> bytes:
    """The archive with every member read under the caps and unsafe XML parts cleaned: the
    bytes as they came when no part had to change (python-docx then reads members the same
    caps just let through), else rebuilt from the capped reads."""
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
    if not changed:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for name, part in parts:
            dst.writestr(name, part)
    return out.getvalue()


def _footnotes(package_parts: list, warnings: list[str]) -> list[RawBlock]:
    """Footnote texts (separators skipped) from word/footnotes.xml, if the file has one; a
    part that is not well-formed is skipped with a warning."""
    for part in package_parts:
        if str(part.partname) == "/word/footnotes.xml":
            try:
                root = etree.fromstring(part.blob, _SAFE)
            except etree.XMLSyntaxError as exc:
                warnings.append(f"the footnotes are not well-formed XML and were skipped ({exc.msg})")
                return []
            notes = [n for n in root.iterchildren(qn("w:footnote")) if n.get(qn("w:type")) is None]
            return [RawBlock(_text_of(n), kind="paragraph", region="footnote") for n in notes if _text_of(n).strip()]
    return []


def _furniture(doc) -> list[RawBlock]:
    """Page header and footer paragraphs of every section, each distinct text once."""
    seen: set[tuple[str, str]] = set()
    blocks: list[RawBlock] = []
    region: Region
    for section in doc.sections:
        for region, parts in (
            ("page_header", (section.header, section.first_page_header, section.even_page_header)),
            ("page_footer", (section.footer, section.first_page_footer, section.even_page_footer)),
        ):
            for part in parts:
                if part.is_linked_to_previous:
                    continue
                text = _text_of(part._element)
                if text.strip() and (region, text) not in seen:
                    seen.add((region, text))
                    blocks.append(RawBlock(text, kind="paragraph", region=region))
    return blocks


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
            doc = open_docx(io.BytesIO(_safe_package(data, options, warnings)))
        except (zipfile.BadZipFile, KeyError, ValueError, EOFError, zlib.error, RuntimeError, NotImplementedError,
                etree.XMLSyntaxError) as exc:
            raise InputError(
                "not_a_docx", f"the file is not a readable DOCX (damaged or truncated Word file: {exc})"
            ) from None
        parts = [p.element for p in doc.part.package.iter_parts() if isinstance(p, XmlPart)]
        legacy = sorted(convert_runs(parts, doc.styles.element))
        reader = _Reader()
        for child in doc.element.body.iterchildren():
            if child.tag == qn("w:p"):
                reader.paragraph(child)
            elif child.tag == qn("w:tbl"):
                reader.table(child)
        blocks = reader.blocks + _footnotes(list(doc.part.package.iter_parts()), warnings) + _furniture(doc)
        if not any(b.text.strip() for b in blocks):
            raise InputError("empty_document", "the DOCX contains no text")
        warnings += [warning(e) for e in legacy]
        return RawDocument("docx", blocks, warnings=warnings, meta={"tables": reader.tables})
