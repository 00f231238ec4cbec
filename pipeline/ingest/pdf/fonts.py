"""The descent of each font as pdfminer (and so pdfplumber) takes it: the `/Descent` of the
font's descriptor, made negative, in thousandths of the font size.

pdfium cannot give it: when a descriptor says `Ascent 0 Descent 0` (LibreOffice writes that),
pdfium measures the font instead, which moves every character box by a third of the font
size. Only the document's object tree is read here (the page tree, its font resources and
their descriptors), never a content stream, so this costs milliseconds, not the seconds of
pdfminer's page parsing."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping
from typing import Any

from pdfminer.fontmetrics import FONT_METRICS
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral

SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
Descents = dict[str, float | None]
"""Base font name (no subset tag) -> descent in text-space units per point of font size (None: unknown or
ambiguous, e.g. two fonts of one name with different descriptors, or a Type3 font)."""


def font_descents(data: bytes, pages: set[int]) -> Descents:
    """The descents of the fonts used on the given pages (numbers from 1), by base font name."""
    found: dict[str, set[float | None]] = {}
    doc = PDFDocument(PDFParser(io.BytesIO(data)))
    for number, page in enumerate(PDFPage.create_pages(doc), start=1):
        if number in pages:
            for name, descent in _page_fonts(page.resources, set()):
                found.setdefault(name, set()).add(descent)
        if number >= max(pages, default=0):
            break
    return {name: next(iter(values)) if len(values) == 1 else None for name, values in found.items()}


def _page_fonts(resources: Any, seen: set[int]) -> Iterator[tuple[str, float | None]]:
    """(name, descent) of the fonts of a resource dictionary and of its form XObjects."""
    resources = resolve1(resources)
    if not isinstance(resources, Mapping):
        return
    for spec in (resolve1(resources.get("Font")) or {}).values():
        spec = resolve1(spec)
        if isinstance(spec, Mapping):
            yield from _font(spec)
    for xobject in (resolve1(resources.get("XObject")) or {}).values():
        stream = resolve1(xobject)
        attrs = getattr(stream, "attrs", None)
        if attrs is not None and id(stream) not in seen and _name(attrs.get("Subtype")) == "Form":
            seen.add(id(stream))
            yield from _page_fonts(attrs.get("Resources"), seen)


def _font(spec: Mapping[str, Any]) -> Iterator[tuple[str, float | None]]:
    """(name, descent) of one font dictionary, the way pdfminer's `get_font` builds the font:
    a Type0 font is its first descendant; a simple font named like one of the 14 standard
    fonts takes pdfminer's built-in metrics (widths too, which pdfium does not use: unknown)."""
    name = base_name(spec.get("BaseFont"))
    subtype = _name(spec.get("Subtype")) if "Subtype" in spec else "Type1"
    if subtype == "Type0":
        descendant = resolve1((resolve1(spec.get("DescendantFonts")) or [None])[0])
        if not isinstance(descendant, Mapping):
            yield name, None
            return
        for _, descent in _font(descendant):
            yield name, descent
            yield base_name(descendant.get("BaseFont")), descent
        return
    if subtype == "Type3" or (subtype not in ("CIDFontType0", "CIDFontType2") and name in FONT_METRICS):
        yield name, None  # glyph-space matrix or built-in metrics: left to pdfplumber
        return
    descriptor = resolve1(spec.get("FontDescriptor")) or {}
    value = resolve1(descriptor.get("Descent", 0)) if isinstance(descriptor, Mapping) else None
    yield name, -abs(float(value)) / 1000 if isinstance(value, int | float) else None


def base_name(value: Any) -> str:
    """A base font name without its subset tag (`BCDEEE+TimesNewRomanPSMT` -> `TimesNewRomanPSMT`):
    pdfium gives some names with the tag, some without."""
    return SUBSET_TAG.sub("", _name(value))


def _name(value: Any) -> str:
    """A PDF name object as text."""
    value = resolve1(value)
    if isinstance(value, PSLiteral):
        value = value.name
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return str(value)
