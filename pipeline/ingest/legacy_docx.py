"""Word runs set in legacy Vietnamese fonts (`.VnTime`, `.VnTimeH`, `VNI-Times`), converted to
Unicode in the XML before the DOCX backend reads it.

The font decides the encoding, run by run: a document may mix Unicode paragraphs with a header
typed in `.VnTimeH`. A run's font is its own `w:rFonts`, else its character style's, else its
paragraph style's (following `basedOn`), else the document default. TCVN3 fonts whose name ends
in `H` draw the lower-case codes as capitals, so their text is upper-cased."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from docx.oxml.ns import qn as _qn
from lxml import etree

from pipeline.ingest.legacy_encodings import convert

qn = cache(_qn)
"""Clark names of `w:` tags, each worked out once (python-docx splits the string on every call,
seven times per run here)."""
_TCVN3_FONT = re.compile(r"^\.?vn[a-z0-9 ]+$", re.IGNORECASE)
"""`.VnTime`, `.VnTimeH`, `.VnArial`, `.VnArialH`, `VnTime` ... (the ABC font family)."""
_VNI_FONT = re.compile(r"^vni[- ]", re.IGNORECASE)


def encoding_of_font(name: str | None) -> str | None:
    """`TCVN3`, `VNI` or None for a font name."""
    if not name:
        return None
    if _VNI_FONT.match(name):
        return "VNI"
    return "TCVN3" if _TCVN3_FONT.match(name) else None


def _font_in(rpr: etree._Element | None) -> str | None:
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    if fonts is None:
        return None
    return fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))


def _style_fonts(styles_root: etree._Element | None) -> tuple[dict[str, str | None], str | None]:
    """Each style's font (inherited through `basedOn`) and the document default font."""
    if styles_root is None:
        return {}, None
    default = _font_in(styles_root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}"))
    own: dict[str, tuple[str | None, str | None]] = {}
    for style in styles_root.iterchildren(qn("w:style")):
        based = style.find(qn("w:basedOn"))
        own[style.get(qn("w:styleId"), "")] = (_font_in(style.find(qn("w:rPr"))),
                                               based.get(qn("w:val")) if based is not None else None)

    def resolve(sid: str, depth: int = 0) -> str | None:
        font, parent = own.get(sid, (None, None))
        return font or (resolve(parent, depth + 1) if parent and depth < 20 else None)

    return {sid: resolve(sid) for sid in own}, default


def _run_font(run: etree._Element, styles: dict[str, str | None], default: str | None) -> str | None:
    rpr = run.find(qn("w:rPr"))
    font = _font_in(rpr)
    if font:
        return font
    rstyle = rpr.find(qn("w:rStyle")) if rpr is not None else None
    if rstyle is not None and styles.get(rstyle.get(qn("w:val"), "")):
        return styles[rstyle.get(qn("w:val"), "")]
    para = next((a for a in run.iterancestors(qn("w:p"))), None)
    pstyle = para.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") if para is not None else None
    if pstyle is not None and styles.get(pstyle.get(qn("w:val"), "")):
        return styles[pstyle.get(qn("w:val"), "")]
    return default


def convert_runs(roots: list[Any], styles_root: etree._Element | None) -> set[str]:
    """Convert, in place, the text of every run set in a legacy font under `roots`; returns
    the encodings met."""
    styles, default = _style_fonts(styles_root)
    found: set[str] = set()
    for root in roots:
        for run in root.iter(qn("w:r")):
            font = _run_font(run, styles, default)
            encoding = encoding_of_font(font)
            if encoding is None:
                continue
            capitals = encoding == "TCVN3" and (font or "").rstrip().lower().endswith("h")
            for t in run.iter(qn("w:t")):
                if t.text:
                    text = convert(t.text, encoding)
                    t.text = text.upper() if capitals else text
                    found.add(encoding)
    return found
