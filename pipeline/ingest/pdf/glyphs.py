"""A page's characters as pdfium placed them (`Glyph`), read from its text page for the text
objects `objects` wants: compiled (`_pdfium_glyphs.c`) or by `py_glyphs`, its pure-Python twin,
with the same values (see `pdfium_loops` for why, and the tests that compare them)."""

from __future__ import annotations

import ctypes
from collections.abc import Mapping
from ctypes import c_double, c_float
from itertools import count
from typing import Any, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.ingest.pdf import pdfium_loops as loops
from pipeline.ingest.pdf.fonts import base_name
from pipeline.ingest.pdf.pdfium_loops import address, handle

HYPHEN_MARK, HYPHEN, NOT_A_CHARACTER = 0x02, 0x2D, 0xFFFE
Glyphs = tuple[dict[int, list["Glyph"]], set[int]]


class Glyph(NamedTuple):
    """One character as pdfium placed it: text, origin, advance (points), font. A named tuple,
    so that the compiled loop makes one at C speed."""

    text: str
    x: float
    y: float
    advance: float
    font: str
    size: float
    scale: float
    """The matrix's vertical scale (d): the box is `size * scale` tall."""


def compiled_glyphs(textpage: pdfium.PdfTextPage, wanted: set[int] | None, fonts: dict[int, str]) -> Glyphs | None:
    """`py_glyphs` run by the compiled loop."""
    assert loops.COMPILED is not None
    return loops.COMPILED.glyphs(address(textpage.raw), wanted, fonts, lambda key: font_name(key, fonts), Glyph)


def py_glyphs(textpage: pdfium.PdfTextPage, wanted: set[int] | None, fonts: dict[int, str]) -> Glyphs | None:
    """The characters pdfium read from the content (not the blanks and line breaks it adds:
    those have no text object) of the wanted text objects (all when None), by object key, and
    the keys of the other objects it saw; None when a character cannot be rebuilt: turned or
    mirrored text, a character without Unicode (pdfminer writes (cid:N)), one glyph read as
    several characters (a ligature: pdfminer keeps one). `fonts` caches base font names by font.
    An object's characters share its font, size and matrix, so those are asked once per object,
    each width once per font name, size and character."""
    raw = textpage.raw
    by_object: dict[int, list[Glyph]] = {}
    objects: dict[int, tuple[str, float, Any, float, float]] = {}
    widths: dict[tuple[str, float, int], float] = {}
    width = c_float()
    runs, seen = _char_runs(raw, wanted)
    text = codes(raw, pdfium_c.FPDFText_CountChars(raw)) if runs else []
    for key, start, xs, ys in runs:  # the characters of one object come one after another
        if key not in objects:
            objects[key] = object_font(pdfium_c.FPDFText_GetTextObject(raw, start), raw, start, fonts)
        name, size, font, a, d = objects[key]
        if not a:
            return None
        current = by_object.setdefault(key, [])
        last: Glyph | None = None
        for i, x, y in zip(count(start), xs, ys):
            code = text[i]
            advance = widths.get((name, size, code))
            if advance is None:  # a character met for the first time in this font and size
                if code == HYPHEN_MARK:  # pdfium's mark for a hyphen ending a line
                    code = HYPHEN
                elif pdfium_c.FPDFText_HasUnicodeMapError(raw, i) or not 0 < code < 0xD800:
                    return None
                pdfium_c.FPDFFont_GetGlyphWidth(font, code, size, width)
                advance = widths[(name, size, text[i])] = width.value
            elif code == HYPHEN_MARK:
                code = HYPHEN
            if last is not None and last.advance > 0 and x == last.x and y == last.y:
                return None
            last = Glyph(chr(code), x, y, a * advance, name, size, d)
            current.append(last)
    return by_object, seen


def _char_runs(raw: Any, wanted: set[int] | None) -> tuple[list[tuple[int, int, list[float], list[float]]], set[int]]:
    """The origins of the wanted objects' characters, one run (key, first index, xs, ys) per
    stretch of one object's characters, and the keys of the other objects (0: pdfium's own)."""
    runs: list[tuple[int, int, list[float], list[float]]] = []
    seen: set[int] = set()
    x, y = c_double(), c_double()
    last_key = 0
    xs: list[float] = []
    ys: list[float] = []
    in_run = False
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        key = _text_object(raw, i) or 0
        if key != last_key:
            last_key = key
            if not key or (wanted is not None and key not in wanted):
                seen.add(key)
                in_run = False
                continue
            xs, ys = [], []
            runs.append((key, i, xs, ys))
            in_run = True
        elif not in_run:
            continue
        pdfium_c.FPDFText_GetCharOrigin(raw, i, x, y)
        xs.append(x.value)
        ys.append(y.value)
    return runs, seen


_text_object = ctypes.CFUNCTYPE(ctypes.c_void_p, *pdfium_c.FPDFText_GetTextObject.argtypes)(
    ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value or 0)
"""pdfium's `FPDFText_GetTextObject` giving the handle's address (`address`) instead of a
pointer object: it is asked for every character."""


def codes(textpage: Any, count: int) -> list[int]:
    """The Unicode value of each character, read at once (pdfium gives one UTF-16 unit per
    character; a character outside the BMP would take two and is refused by the glyph loop)."""
    buffer = (ctypes.c_ushort * (count + 1))()
    pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    values = list(buffer[:count])
    for i, code in enumerate(values):
        if code == NOT_A_CHARACTER:  # how the page text writes pdfium's hyphen mark: ask the character
            values[i] = pdfium_c.FPDFText_GetUnicode(textpage, i)
    return values


def object_font(obj: Any, textpage: Any, index: int, fonts: dict[int, str]) -> tuple[str, float, Any, float, float]:
    """A text object's base font name (cached by font in `fonts`), font size, pdfium font
    handle, and the horizontal and vertical scales of its characters' matrix, given the index
    of one of its characters (0, 0 for turned or mirrored text, or without a character)."""
    font = pdfium_c.FPDFTextObj_GetFont(obj)
    size = c_float()
    pdfium_c.FPDFTextObj_GetFontSize(obj, size)
    name = fonts.get(address(font))
    if name is None:
        name = font_name(address(font), fonts)
    a = d = 0.0
    if textpage is not None:
        matrix = pdfium_c.FS_MATRIX()
        pdfium_c.FPDFText_GetMatrix(textpage, index, matrix)
        if not (matrix.b or matrix.c or matrix.a <= 0 or matrix.d <= 0):
            a, d = matrix.a, matrix.d
    return name, size.value, font, a, d


def font_name(key: int, fonts: dict[int, str]) -> str:
    """A font's base name without its subset tag, asked of pdfium once and kept in `fonts`."""
    font = handle(key, pdfium_c.FPDF_FONT)
    length = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
    buffer = ctypes.create_string_buffer(length)
    pdfium_c.FPDFFont_GetBaseFontName(font, buffer, length)
    name = fonts[key] = base_name(buffer.value.decode("latin-1"))
    return name


def py_char_boxes(glyphs: list[Glyph], descents: Mapping[str, float | None], height: float) -> list[dict[str, Any]] | None:
    """pdfplumber's `page.chars` (the keys its word grouping reads) of the glyphs, each box from
    the origin over the advance and from the font's descent (`fonts`) up one font size; None
    when a font's descent is unknown."""
    chars: list[dict[str, Any]] = []
    for text, x, y, advance, font, size, scale in glyphs:
        descent = descents.get(font)
        if descent is None:
            return None
        y0 = scale * (descent * size) + y
        y1 = scale * (descent * size + size) + y
        top, bottom = height - y1, height - y0
        chars.append({"text": text, "x0": x, "x1": x + advance, "top": top, "bottom": bottom,
                      "doctop": top, "upright": True, "size": bottom - top})
    return chars


read_glyphs = compiled_glyphs if loops.COMPILED is not None else py_glyphs
char_boxes = loops.COMPILED.char_boxes if loops.COMPILED is not None else py_char_boxes
