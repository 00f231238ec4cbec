"""The parts of a DOCX package the backend reads, found the way python-docx finds them but
without its object model.

python-docx opens a package by reading every member again, parsing every part it has a class
for (settings, numbering, styles: 350 KB of styles in Word's template) into its own element
classes, and building a Python object per part and relationship: two thirds of the time to read
a short report. Here the members the backend has already read under its caps are walked the same
way (`[Content_Types].xml`, then each `.rels` depth first from the package's, each part once),
with python-docx's own choice of part class, and only the parts the backend reads are parsed,
with python-docx's parser settings (so blank text nodes go the same way). A package this reader
cannot vouch for in every step python-docx would take (a missing part or content type, a
relationship without its attributes, a main part that is not `word/document.xml`, two styles
parts ...) raises `Irregular`, and the backend gives it to python-docx as before: its errors and
messages stay python-docx's."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import nsmap as OPC_NS
from docx.opc.part import PartFactory, XmlPart
from docx.oxml.ns import nsmap
from docx.parts.styles import StylesPart
from lxml import etree

OXML = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
"""python-docx's parser (`docx.oxml.parser.oxml_parser`) without its element classes."""
_PR = f"{{{OPC_NS['pr']}}}"
_CT = f"{{{OPC_NS['ct']}}}"
_W = f"{{{nsmap['w']}}}"
_R_ID = f"{{{nsmap['r']}}}id"
BODY_PART = "/word/document.xml"
_LEGACY_VALUE = re.compile(rb"=\s*[\"']\.?[vV][nN]")
"""An attribute value that starts like a legacy font's name (`.VnTime`, `VnArial`, `VNI-Times`:
`legacy_docx.encoding_of_font` wants `.?vn` at the start of the name)."""
MEMO_MIN = 4096
"""Parts at least this long are judged once per content: the documents of a run often share a
template's styles (350 KB in Word's default one)."""
_EDGE = 256
"""Bytes from each end of a part that, with its length, find the parts it may equal."""


class SeenParts:
    """Parts already judged one way, kept whole and found again by their length and first and
    last bytes, then compared byte for byte (a 350 KB part: 7 µs, where its SHA-256 took 330 µs
    and was a third of reading a DOCX). At most `size` parts and `budget` bytes are kept (the
    memo starts again when full), so memory stays bounded however many documents a worker reads."""

    def __init__(self, size: int = 4096, budget: int = 16 << 20) -> None:
        self._parts: dict[tuple[int, bytes, bytes], list[bytes]] = {}
        self._size, self._budget = size, budget
        self._count = self._bytes = 0

    @staticmethod
    def key(blob: bytes) -> bytes | None:
        return blob if len(blob) >= MEMO_MIN else None

    @staticmethod
    def _sig(blob: bytes) -> tuple[int, bytes, bytes]:
        return len(blob), blob[:_EDGE], blob[-_EDGE:]

    def __contains__(self, key: bytes | None) -> bool:
        return key is not None and key in self._parts.get(self._sig(key), ())

    def add(self, key: bytes | None) -> None:
        if key is None or key in self:
            return
        if self._count >= self._size or self._bytes + len(key) > self._budget:
            self._parts.clear()
            self._count = self._bytes = 0
        self._parts.setdefault(self._sig(key), []).append(key)
        self._count += 1
        self._bytes += len(key)


_NO_LEGACY_FONT = SeenParts()
_ENCODING = re.compile(rb"^(?:\xef\xbb\xbf)?<\?xml[^>]*encoding\s*=\s*[\"']([^\"']*)[\"']")


class Irregular(Exception):
    """The package is not one this reader can vouch for: python-docx reads it."""


@dataclass
class Rel:
    """One relationship of a part (or of the package)."""

    rid: str
    reltype: str
    target: str
    external: bool


@dataclass
class Part:
    """A part reached from the package's relationships, as python-docx would load it."""

    name: str
    content_type: str
    reltype: str
    blob: bytes
    rels: list[Rel]
    part_class: type
    _root: etree._Element | None = field(default=None, repr=False)

    @property
    def is_xml(self) -> bool:
        return issubclass(self.part_class, XmlPart)

    @property
    def root(self) -> etree._Element:
        """The part's XML, parsed once, as python-docx's parser reads it."""
        if self._root is None:
            if not self.is_xml:
                raise Irregular(f"{self.name} is not an XML part")
            try:
                self._root = etree.fromstring(self.blob, OXML)
            except etree.XMLSyntaxError as exc:
                raise Irregular(str(exc)) from None
        return self._root

    def related(self, rid: str, parts: dict[str, Part]) -> Part:
        """The part this part's internal relationship `rid` points to."""
        for rel in self.rels:
            if rel.rid == rid and not rel.external:
                return parts[rel.target]
        raise Irregular(f"no internal relationship {rid} from {self.name}")

    def only_related(self, reltype: str, parts: dict[str, Part]) -> Part:
        """The one part related by `reltype` (python-docx's `part_related_by`)."""
        return _only_related(self.rels, reltype, parts, self.name)


def _only_related(rels: list[Rel], reltype: str, parts: dict[str, Part], source: str) -> Part:
    found = [rel for rel in rels if rel.reltype == reltype]
    if len(found) != 1 or found[0].external:
        raise Irregular(f"{len(found)} relationships of type {reltype} from {source}")
    return parts[found[0].target]


def _parse(blob: bytes, root_tag: str) -> etree._Element:
    try:
        root = etree.fromstring(blob, OXML)
    except etree.XMLSyntaxError as exc:
        raise Irregular(str(exc)) from None
    if root.tag != root_tag:
        raise Irregular(f"root {root.tag}, not {root_tag}")
    return root


def _rels(members: dict[str, bytes], source: str) -> list[Rel]:
    """The relationships of part `source` ("/" for the package) from its `.rels` member."""
    base, filename = posixpath.split(source)
    blob = members.get(posixpath.join(base, "_rels", f"{filename}.rels")[1:])
    if blob is None:
        return []
    rels = []
    for el in _parse(blob, f"{_PR}Relationships").findall(f"{_PR}Relationship"):
        rid, reltype, target = el.get("Id"), el.get("Type"), el.get("Target")
        if rid is None or reltype is None or target is None:
            raise Irregular(f"a relationship of {source} lacks an attribute")
        external = el.get("TargetMode", "Internal") == "External"
        rels.append(Rel(rid, reltype, target if external else posixpath.abspath(posixpath.join(base, target)), external))
    if len({r.rid for r in rels}) != len(rels):
        raise Irregular(f"a relationship id of {source} is used twice")
    return rels


def _content_types(members: dict[str, bytes]) -> tuple[dict[str, str], dict[str, str]]:
    """(overrides by part name, defaults by extension), both keyed in lower case."""
    blob = members.get("[Content_Types].xml")
    if blob is None:
        raise Irregular("no [Content_Types].xml")
    root = _parse(blob, f"{_CT}Types")
    overrides, defaults = {}, {}
    for el in root.findall(f"{_CT}Override"):
        name, kind = el.get("PartName"), el.get("ContentType")
        if name is None or kind is None:
            raise Irregular("an Override lacks an attribute")
        overrides[name.lower()] = kind
    for el in root.findall(f"{_CT}Default"):
        ext, kind = el.get("Extension"), el.get("ContentType")
        if ext is None or kind is None:
            raise Irregular("a Default lacks an attribute")
        defaults[ext.lower()] = kind
    return overrides, defaults


def _part_class(content_type: str, reltype: str) -> type:
    """The class python-docx loads a part as (its selector first, then its table)."""
    selector = PartFactory.part_class_selector
    chosen = selector(content_type, reltype) if selector is not None else None
    return chosen or PartFactory.part_type_for.get(content_type, PartFactory.default_part_type)


def parts_of(members: dict[str, bytes]) -> tuple[list[Rel], dict[str, Part]]:
    """The package's relationships, and every part reachable from them in python-docx's walk
    order."""
    overrides, defaults = _content_types(members)
    parts: dict[str, Part] = {}

    def walk(rels: list[Rel]) -> None:
        for rel in rels:
            if rel.external or rel.target in parts:
                continue
            name = rel.target
            own = _rels(members, name)
            blob = members.get(name[1:])
            ext = posixpath.splitext(name)[1][1:].lower()
            kind = overrides[name.lower()] if name.lower() in overrides else defaults.get(ext)
            if blob is None or kind is None:
                raise Irregular(f"{name} is missing or has no content type")
            part = parts[name] = Part(name, kind, rel.reltype, blob, own, _part_class(kind, rel.reltype))
            if part.is_xml and not name.endswith(".xml"):
                raise Irregular(f"{name} is parsed by python-docx but was not checked")
            walk(own)

    package_rels = _rels(members, "/")
    walk(package_rels)
    return package_rels, parts


def _may_name_legacy_font(blob: bytes) -> bool:
    declared = _ENCODING.match(blob)
    unbommed = blob[3:] if blob.startswith(b"\xef\xbb\xbf") else blob
    return bool(_LEGACY_VALUE.search(blob) or b"&#" in blob or b"\x00" in blob or not unbommed.startswith(b"<")
                or (declared and declared.group(1).lower() not in (b"utf-8", b"utf8")))


@dataclass
class Package:
    """The parts the DOCX backend reads."""

    parts: dict[str, Part]
    main: Part
    body: etree._Element

    @classmethod
    def read(cls, members: dict[str, bytes]) -> Package:
        package_rels, parts = parts_of(members)
        main = _only_related(package_rels, RT.OFFICE_DOCUMENT, parts, "/")
        if main.name != BODY_PART or main.content_type != CT.WML_DOCUMENT_MAIN or not main.is_xml:
            raise Irregular(f"main part {main.name} of type {main.content_type}")
        if main.root.tag != f"{_W}document":
            raise Irregular("the main part is not a w:document")
        body = main.root.find(f"{_W}body")
        if body is None:
            raise Irregular("the document has no body")
        return cls(parts, main, body)

    @property
    def styles(self) -> Part:
        """The styles part (python-docx's `document.styles`), which python-docx always looks up."""
        part = self.main.only_related(RT.STYLES, self.parts)
        if part.part_class is not StylesPart:
            raise Irregular(f"styles part {part.name} of type {part.content_type}")
        return part

    def may_hold_legacy_fonts(self) -> bool:
        """False when no XML part can name a legacy font, so converting runs would find
        none: no attribute value starts like one, and no part could spell one otherwise (a
        character reference, or an encoding other than UTF-8)."""
        for part in self.parts.values():
            if not part.is_xml:
                continue
            key = SeenParts.key(part.blob)
            if key in _NO_LEGACY_FONT:
                continue
            if _may_name_legacy_font(part.blob):
                return True
            _NO_LEGACY_FONT.add(key)
        return False

    def referenced(self, reference: etree._Element) -> etree._Element:
        """The XML of the part a `w:headerReference`/`w:footerReference` names by `r:id`."""
        rid = reference.get(_R_ID)
        if rid is None:
            raise Irregular("a page header or footer reference without its r:id")
        return self.main.related(rid, self.parts).root

    def footnotes_blob(self) -> bytes | None:
        """The raw bytes of `/word/footnotes.xml` when the package reaches it (python-docx
        has no class for it, so the backend parses its bytes as they are)."""
        part = self.parts.get("/word/footnotes.xml")
        if part is None:
            return None
        if part.is_xml:
            raise Irregular("footnotes loaded as an XML part")
        return part.blob
