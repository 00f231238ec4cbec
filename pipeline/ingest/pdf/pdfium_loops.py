"""The loops over a page's objects and path segments (and, in `glyphs`, characters) that the PDF
backend runs through pdfium, compiled (`_pdfium_loops.c`, built by `pip install` when a C compiler is at hand)
or in pure Python through pypdfium2's ctypes bindings when it is not.

Why two: each ctypes call costs about a microsecond, and a ruled page asks pdfium a few calls
per character and per path segment, most of the backend's time on real reports. The compiled
loops make the same pdfium calls through the function pointers pypdfium2 already loaded, so
nothing links against libpdfium at build time. Both give identical values (the tests compare
them on PDFs); `COMPILED` says which one runs.

Handles are passed and objects returned as integers: a page object's key is its handle's
address (see `objects._key`)."""

from __future__ import annotations

import ctypes
import importlib
import math
from collections.abc import Iterator
from ctypes import c_double, c_float
from types import ModuleType
from typing import Any

import pypdfium2.raw as pdfium_c

from pipeline.ingest.pdf.edges import IDENTITY, Matrix, Obj, Point, apply, edges_of, times
from pipeline.ingest.pdf.page import Box

Bounds = tuple[float, float, float, float]
"""A page object's bounds as pdfium gives them: left, bottom, right, top."""
Subpath = tuple[str, list[Point]]

FUNCTIONS = ("FPDFText_CountChars", "FPDFText_GetTextObject", "FPDFText_GetCharOrigin",
             "FPDFPage_CountObjects", "FPDFPage_GetObject", "FPDFFormObj_CountObjects", "FPDFFormObj_GetObject",
             "FPDFPageObj_GetType", "FPDFPageObj_GetBounds", "FPDFPageObj_GetMatrix",
             "FPDFPath_CountSegments", "FPDFPath_GetPathSegment", "FPDFPathSegment_GetPoint",
             "FPDFPathSegment_GetType", "FPDFPathSegment_GetClose",
             "FPDFText_GetText", "FPDFText_GetUnicode", "FPDFText_HasUnicodeMapError", "FPDFFont_GetGlyphWidth",
             "FPDFTextObj_GetFont", "FPDFTextObj_GetFontSize", "FPDFText_GetMatrix",
             "FPDFText_GetCharIndexFromTextIndex", "FPDFText_GetCharBox", "FPDFText_GetFontSize")
"""The pdfium functions the compiled loops call, in the order `_pdfium_loops.bind` takes them."""


def _compiled() -> ModuleType | None:
    """The compiled loops bound to pypdfium2's pdfium, or None when they were not built."""
    try:
        compiled = importlib.import_module("pipeline.ingest.pdf._pdfium_loops")
    except ImportError:
        return None
    compiled.bind(tuple(ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value for name in FUNCTIONS))
    return compiled


def address(handle: Any) -> int:
    """A pdfium handle's identity (its address; 0 for a null handle), read as the address of
    what the pointer points to: a tenth of the time of casting it to `c_void_p`."""
    return ctypes.addressof(handle.contents) if handle else 0


def handle(key: int, kind: Any = pdfium_c.FPDF_PAGEOBJECT) -> Any:
    """The pdfium handle at an address, for the calls made outside these loops."""
    return ctypes.cast(key, kind)


# --- the pure-Python loops -------------------------------------------------------------------

def _walk(parent: Any, outer: Matrix, form: bool) -> Iterator[tuple[int, Any, Matrix, bool]]:
    """(type, object, matrix of the form XObjects holding it, inside one?) of each path and text
    object, in content order."""
    count = pdfium_c.FPDFFormObj_CountObjects if form else pdfium_c.FPDFPage_CountObjects
    get = pdfium_c.FPDFFormObj_GetObject if form else pdfium_c.FPDFPage_GetObject
    for k in range(count(parent)):
        obj = get(parent, k)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            yield from _walk(obj, times(own_matrix(obj), outer), form=True)
        elif kind in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_TEXT):
            yield kind, obj, outer, form


def own_matrix(obj: Any) -> Matrix:
    """A page object's own matrix."""
    raw = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj, raw)
    return raw.a, raw.b, raw.c, raw.d, raw.e, raw.f


def bounds(obj: Any) -> Bounds | None:
    """A page object's bounds (None when pdfium has none)."""
    left, bottom, right, top = c_float(), c_float(), c_float(), c_float()
    if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return None
    return left.value, bottom.value, right.value, top.value


def py_paths(page: int) -> list[tuple[int, Matrix, Bounds | None]]:
    """The page's vector path objects, those inside form XObjects too, in content order: key,
    matrix to page space, bounds."""
    return [(address(obj), times(own_matrix(obj), outer), bounds(obj))
            for kind, obj, outer, _ in _walk(handle(page, pdfium_c.FPDF_PAGE), IDENTITY, form=False)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH]


def py_texts(page: int) -> list[tuple[int, bool, Matrix, Bounds]]:
    """The page's text objects in content order: key, inside a form XObject?, the matrix of the
    forms holding it, bounds (pdfium has bounds for every object it gave)."""
    return [(address(obj), form, outer, bounds(obj) or (0.0, 0.0, 0.0, 0.0))
            for kind, obj, outer, form in _walk(handle(page, pdfium_c.FPDF_PAGE), IDENTITY, form=False)
            if kind == pdfium_c.FPDF_PAGEOBJ_TEXT]


def py_reaching(texts: list[tuple[int, bool, Matrix, Bounds]], zones: list[Box], height: float, reach: float) -> set[int]:
    """The keys of the text objects (`texts`) inside a form XObject (their bounds are in the form's
    space) or whose bounds come within `reach` of one of the zones (x0, top, x1, bottom)."""
    return {key for key, form, _, (left, bottom, right, top) in texts
            if form or any(left <= x1 + reach and right >= x0 - reach and height - bottom >= y0 - reach
                           and height - top <= y1 + reach for x0, y0, x1, y1 in zones)}


def py_subpaths(path: int, matrix: Matrix) -> list[Subpath]:
    """A path object's subpaths in pdfminer's terms, in page space. pdfium stores a Bézier curve
    as three points (pdfminer keeps its end) and a closing `h` as a flag on the last point,
    drawing the line back to the start itself when it was missing; pdfminer writes `h` with the
    start point and drops an explicit line back to the start just before it."""
    obj = handle(path)
    out: list[Subpath] = []
    ops: list[tuple[str, Point]] = []
    bezier = 0
    x, y = c_float(), c_float()
    for k in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, k)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = apply(matrix, (x.value, y.value))
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            _finished(ops, out)
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
    _finished(ops, out)
    return out


def _finished(ops: list[tuple[str, Point]], out: list[Subpath]) -> None:
    """A subpath pdfminer paints: one that starts with a move and draws something."""
    if len(ops) >= 2 and ops[0][0] == "m":
        out.append(("".join(op for op, _ in ops), [p for _, p in ops]))


def py_line_boxes(textpage: int, spans: list[tuple[int, int]]) -> list[tuple[float, float, float, float]] | None:
    """For each line given by the text indices of its first and last visible characters: the
    left of the first's box, the right of the last's, the first's origin y and printed font
    size (`font_size`); None when pdfium has no box for one of them."""
    raw = handle(textpage, pdfium_c.FPDF_TEXTPAGE)
    out: list[tuple[float, float, float, float]] = []
    left, right, bottom, top = c_double(), c_double(), c_double(), c_double()
    for first, last in spans:
        i = pdfium_c.FPDFText_GetCharIndexFromTextIndex(raw, first)
        j = pdfium_c.FPDFText_GetCharIndexFromTextIndex(raw, last)
        if not pdfium_c.FPDFText_GetCharBox(raw, i, left, right, bottom, top):
            return None
        x0 = left.value
        if not pdfium_c.FPDFText_GetCharBox(raw, j, left, right, bottom, top):
            return None
        x, y = c_double(), c_double()
        pdfium_c.FPDFText_GetCharOrigin(raw, i, x, y)
        out.append((x0, right.value, y.value, font_size(raw, i)))
    return out


def font_size(textpage: Any, index: int) -> float:
    """A character's printed font size: the nominal size times the scale of its matrix
    (some producers set a 1-point font and scale it with the text matrix)."""
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFText_GetMatrix(textpage, index, matrix):
        return pdfium_c.FPDFText_GetFontSize(textpage, index)
    scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
    return pdfium_c.FPDFText_GetFontSize(textpage, index) * scale


def py_page_edges(paths: list[tuple[int, Matrix, Bounds | None]], height: float) -> list[Obj]:
    """The ruling edges of the page's path objects (`paths`), as pdfplumber's `page.edges`."""
    return edges_of((sub for key, matrix, _ in paths for sub in subpaths(key, matrix)), height)


def page_edges(paths: list[tuple[int, Matrix, Bounds | None]], height: float) -> list[Obj]:
    """`py_page_edges`, compiled where it was built (a path at an infinite or undefined place is
    left to the Python twin)."""
    if COMPILED is not None:
        found: list[Obj] | None = COMPILED.edges(paths, height)
        if found is not None:
            return found
    return py_page_edges(paths, height)


# --- the loops the backend calls -------------------------------------------------------------

COMPILED = _compiled()
paths = COMPILED.paths if COMPILED else py_paths
texts = COMPILED.texts if COMPILED else py_texts
reaching = COMPILED.reaching if COMPILED else py_reaching
subpaths = COMPILED.subpaths if COMPILED else py_subpaths
line_boxes = COMPILED.line_boxes if COMPILED else py_line_boxes
