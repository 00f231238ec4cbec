"""A page's characters and ruling edges read from pdfium's page objects, in the form pdfplumber
gives them (`page.chars`, `page.edges`), so that pdfplumber's own table finder and word
grouping run on them without pdfminer parsing the page's content stream: that parsing was
88-95 % of the PDF time on pages with ruled tables.

The values are pdfminer's, rebuilt from what pdfium knows:

- edges: each painted path is cut at its moves and classed as pdfminer's `paint_path` does
  (a single segment is a line, a closed axis-aligned four-sided path a rectangle, anything
  else a curve through the end points of its segments), then turned into edges as
  pdfplumber's `obj_to_edges` does, in pdfplumber's order (lines, rectangles, curves);
- characters: the box runs from the glyph's origin over its advance width, and from the
  font's descriptor `/Descent` (`fonts`, pdfminer's value, not pdfium's) up one font size.

pdfium's text page differs from pdfminer's characters in blanks only: it drops the blanks at the
end of a printed line, all but one of a run of blanks, and text objects that hold nothing but
blanks (Word writes many). Blanks only end words (pdfplumber's `keep_blank_chars=False`), so
the blank text objects are put back, one blank each at their origin and in content order; the
other dropped blanks end no word that another blank or the line's end does not already end.
`tests/ingest/test_pdf_tables.py` checks words and tables against pdfplumber's.

A page this cannot reproduce gives None, and the caller asks pdfplumber: a rotated or cropped
page or one whose media box is not at the origin, turned or mirrored text, a character without
a Unicode mapping, one glyph read as several characters, a dropped text object that prints
something, a font whose descent is unknown (a Type3 font, a standard-14 name whose metrics
pdfminer takes from its own tables)."""

from __future__ import annotations

import ctypes
from ctypes import c_double, c_float
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.ingest.pdf.fonts import Descents, base_name

Obj = dict[str, Any]
Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
HYPHEN_MARK, HYPHEN = 0x02, 0x2D
WALKED = (pdfium_c.FPDF_PAGEOBJ_FORM, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_TEXT)


@dataclass
class Glyph:
    """One character as pdfium placed it: text, origin, advance (points), font."""

    text: str
    x: float
    y: float
    advance: float
    font: str
    size: float
    scale: float
    """The matrix's vertical scale (d): the box is `size * scale` tall."""


@dataclass
class PageObjects:
    """What pdfplumber's layout needs of one page, read while pdfium had it open."""

    height: float
    glyphs: list[Glyph]
    edges: list[Obj]

    def chars(self, descents: Descents) -> list[Obj] | None:
        """pdfplumber's `page.chars` (the keys its word grouping reads), or None when a
        font's descent is unknown."""
        chars: list[Obj] = []
        for g in self.glyphs:
            descent = descents.get(g.font)
            if descent is None:
                return None
            y0 = g.scale * (descent * g.size) + g.y
            y1 = g.scale * (descent * g.size + g.size) + g.y
            top, bottom = self.height - y1, self.height - y0
            chars.append({"text": g.text, "x0": g.x, "x1": g.x + g.advance, "top": top, "bottom": bottom,
                          "doctop": top, "upright": True, "size": bottom - top})
        return chars


def page_objects(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> PageObjects | None:
    """The page's glyphs and edges, or None when pdfplumber's values cannot be rebuilt."""
    height = _page_height(page)
    if height is None:
        return None
    by_object = _glyphs(textpage)
    if by_object is None:
        return None
    glyphs: list[Glyph] = []
    lines: list[Obj] = []
    rects: list[Obj] = []
    curves: list[Obj] = []
    for kind, obj, matrix in _walk(page.raw, IDENTITY, form=False):
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            for shape, pts in _subpaths(obj, matrix):
                _classify(shape, pts, height, lines, rects, curves)
        elif _key(obj) in by_object:
            glyphs += by_object[_key(obj)]
        else:  # a text object pdfium's text page left out: blanks only, or give up
            blank = _blank(obj, matrix)
            if blank is None:
                return None
            glyphs.append(blank)
    edges = [_line_edge(line) for line in lines]
    edges += [edge for rect in rects for edge in _rect_edges(rect)]
    edges += [edge for curve in curves for edge in _curve_edges(curve)]
    return PageObjects(height, glyphs, edges)


def _page_height(page: pdfium.PdfPage) -> float | None:
    """The height of the page's media box (pdfplumber's frame), None for a rotated page, one
    whose box is not at the origin, or one cropped to a smaller box."""
    left, bottom, right, top = page.get_bbox()  # pdfium's effective box, inherited values too
    if page.get_rotation() or (left, bottom) != (0.0, 0.0):
        return None
    for getter in (pdfium_c.FPDFPage_GetMediaBox, pdfium_c.FPDFPage_GetCropBox):
        box = [c_float() for _ in range(4)]
        if getter(page.raw, *box) and tuple(v.value for v in box) != (left, bottom, right, top):
            return None
    return top


# --- characters ----------------------------------------------------------------------------

def _glyphs(textpage: pdfium.PdfTextPage) -> dict[int, list[Glyph]] | None:
    """Every character pdfium read from the content (not the blanks and line breaks it adds),
    by text object; None when one cannot be rebuilt."""
    by_object: dict[int, list[Glyph]] = {}
    fonts: dict[int, tuple[str, float, Any]] = {}
    x, y = c_double(), c_double()
    matrix = pdfium_c.FS_MATRIX()
    width = c_float()
    loose = pdfium_c.FS_RECTF()
    previous: tuple[float, float, float, float] | None = None
    for i in range(pdfium_c.FPDFText_CountChars(textpage)):
        if pdfium_c.FPDFText_IsGenerated(textpage, i):
            previous = None
            continue
        code = pdfium_c.FPDFText_GetUnicode(textpage, i)
        if code == HYPHEN_MARK:  # pdfium's mark for a hyphen ending a line
            code = HYPHEN
        elif pdfium_c.FPDFText_HasUnicodeMapError(textpage, i) or not 0 < code < 0xD800:
            return None
        obj = pdfium_c.FPDFText_GetTextObject(textpage, i)
        key = _key(obj)
        if key not in fonts:
            fonts[key] = _font_of(obj)
        name, size, font = fonts[key]
        pdfium_c.FPDFText_GetMatrix(textpage, i, matrix)
        if matrix.b or matrix.c or matrix.a <= 0 or matrix.d <= 0:
            return None  # turned or mirrored text: pdfplumber's own reading
        pdfium_c.FPDFText_GetCharOrigin(textpage, i, x, y)
        pdfium_c.FPDFText_GetLooseCharBox(textpage, i, loose)
        box = (loose.left, loose.top, loose.right, loose.bottom)
        if box == previous:
            return None  # one glyph mapped to several characters (a ligature): pdfminer keeps one
        previous = box
        pdfium_c.FPDFFont_GetGlyphWidth(font, code, c_float(size), width)
        glyph = Glyph(chr(code), x.value, y.value, matrix.a * width.value, name, size, matrix.d)
        by_object.setdefault(key, []).append(glyph)
    return by_object


def _blank(obj: Any, matrix: Matrix) -> Glyph | None:
    """The first blank of a text object pdfium's text page dropped, when it prints nothing
    (its bounds have no height): pdfminer keeps such blanks, and a blank ends a word."""
    left, bottom, right, top = c_float(), c_float(), c_float(), c_float()
    pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    if top.value > bottom.value:
        return None
    name, size, _ = _font_of(obj)
    a, b, c, d, e, f = matrix
    if b or c or a <= 0 or d <= 0:
        return None
    return Glyph(" ", e, f, 0.0, name, size, d)


def _key(obj: Any) -> int:
    """A page object's identity (its handle's address)."""
    return ctypes.cast(obj, ctypes.c_void_p).value or 0


def _font_of(obj: Any) -> tuple[str, float, Any]:
    """A text object's base font name, font size and pdfium font handle."""
    font = pdfium_c.FPDFTextObj_GetFont(obj)
    size = c_float()
    pdfium_c.FPDFTextObj_GetFontSize(obj, size)
    length = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
    buffer = ctypes.create_string_buffer(length)
    pdfium_c.FPDFFont_GetBaseFontName(font, buffer, length)
    return base_name(buffer.value.decode("latin-1")), size.value, font


# --- paths ---------------------------------------------------------------------------------

def _walk(parent: Any, outer: Matrix, form: bool) -> Any:
    """(type, object, matrix to page space) of each path and text object, inside form XObjects
    too, in content order."""
    count = pdfium_c.FPDFFormObj_CountObjects if form else pdfium_c.FPDFPage_CountObjects
    get = pdfium_c.FPDFFormObj_GetObject if form else pdfium_c.FPDFPage_GetObject
    raw = pdfium_c.FS_MATRIX()
    for k in range(count(parent)):
        obj = get(parent, k)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind not in WALKED:
            continue
        pdfium_c.FPDFPageObj_GetMatrix(obj, raw)
        matrix = _times((raw.a, raw.b, raw.c, raw.d, raw.e, raw.f), outer)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            yield from _walk(obj, matrix, form=True)
        else:
            yield kind, obj, matrix


def _subpaths(obj: Any, matrix: Matrix) -> Any:
    """A path object's subpaths in pdfminer's terms. pdfium stores a Bézier curve as three
    points (pdfminer keeps its end) and a closing `h` as a flag on the last point, drawing the
    line back to the start itself when it was missing; pdfminer writes `h` with the start
    point and drops an explicit line back to the start just before it."""
    ops: list[tuple[str, Point]] = []
    bezier = 0
    x, y = c_float(), c_float()
    for k in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, k)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = _apply(matrix, (x.value, y.value))
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            yield from _finished(ops)
            ops = [("m", point)]
            continue
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            bezier = (bezier + 1) % 3
            if bezier:
                continue
            ops.append(("c", point))
        else:
            ops.append(("l", point))
        if pdfium_c.FPDFPathSegment_GetClose(segment) and ops[0][0] == "m":
            if ops[-1][0] == "l":
                ops[-1] = ("h", ops[0][1])
            else:
                ops.append(("h", ops[0][1]))
    yield from _finished(ops)


def _finished(ops: list[tuple[str, Point]]) -> Any:
    """A subpath pdfminer paints: one that starts with a move and draws something."""
    if len(ops) >= 2 and ops[0][0] == "m":
        yield "".join(op for op, _ in ops), [p for _, p in ops]


def _classify(shape: str, pts: list[Point], height: float, lines: list[Obj], rects: list[Obj], curves: list[Obj]) -> None:
    """pdfminer's `paint_path` on one subpath: a line, a rectangle or a curve."""
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts = pts[:-2] + pts[-1:]
    if shape in ("mlh", "ml"):
        lines.append(_box([pts[0], pts[1]], height))
    elif shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            rects.append(_box([pts[0], (pts[2][0], pts[0][1]), pts[2], (pts[0][0], pts[2][1])], height))
        else:
            curves.append(_box(pts, height, keep_points=True))
    else:
        curves.append(_box(pts, height, keep_points=True))


def _box(pts: list[Point], height: float, keep_points: bool = False) -> Obj:
    """An object's box as pdfplumber writes it (pdfminer's bounds, `top` from the page top)."""
    x0, x1 = min(p[0] for p in pts), max(p[0] for p in pts)
    y0, y1 = min(p[1] for p in pts), max(p[1] for p in pts)
    obj: Obj = {"x0": x0, "y0": y0, "x1": x1, "y1": y1, "width": x1 - x0, "height": y1 - y0,
                "top": height - y1, "bottom": height - y0}
    obj["doctop"] = obj["top"]
    if keep_points:
        obj["pts"] = [(x, height - y) for x, y in pts]
    return obj


def _line_edge(line: Obj) -> Obj:
    """pdfplumber's `line_to_edge` (anything not flat counts as vertical)."""
    return {**line, "orientation": "h" if line["top"] == line["bottom"] else "v"}


def _rect_edges(rect: Obj) -> list[Obj]:
    """pdfplumber's `rect_to_edges`: top, bottom, left, right."""
    return [
        {**rect, "height": 0, "y0": rect["y1"], "bottom": rect["top"], "orientation": "h"},
        {**rect, "height": 0, "y1": rect["y0"], "top": rect["top"] + rect["height"],
         "doctop": rect["doctop"] + rect["height"], "orientation": "h"},
        {**rect, "width": 0, "x1": rect["x0"], "orientation": "v"},
        {**rect, "width": 0, "x0": rect["x1"], "orientation": "v"},
    ]


def _curve_edges(curve: Obj) -> list[Obj]:
    """pdfplumber's `curve_to_edges`: one edge per pair of consecutive points."""
    edges = []
    for p0, p1 in zip(curve["pts"], curve["pts"][1:]):
        top = min(p0[1], p1[1])
        edges.append({"x0": min(p0[0], p1[0]), "x1": max(p0[0], p1[0]), "top": top, "doctop": top,
                      "bottom": max(p0[1], p1[1]), "width": abs(p0[0] - p1[0]), "height": abs(p0[1] - p1[1]),
                      "orientation": "v" if p0[0] == p1[0] else ("h" if p0[1] == p1[1] else None)})
    return edges


def _apply(m: Matrix, p: Point) -> Point:
    """pdfminer's `apply_matrix_pt`."""
    a, b, c, d, e, f = m
    x, y = p
    return a * x + c * y + e, b * x + d * y + f


def _times(m1: Matrix, m0: Matrix) -> Matrix:
    """pdfminer's `mult_matrix(m1, m0)`: m1 applied first, then m0."""
    a1, b1, c1, d1, e1, f1 = m1
    a0, b0, c0, d0, e0, f0 = m0
    return (a0 * a1 + c0 * b1, b0 * a1 + d0 * b1, a0 * c1 + c0 * d1, b0 * c1 + d0 * d1,
            a0 * e1 + c0 * f1 + e0, b0 * e1 + d0 * f1 + f0)
