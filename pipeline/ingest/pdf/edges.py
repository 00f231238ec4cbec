"""Ruling edges from pdfium's path objects, as pdfplumber's `page.edges` would give them from
pdfminer's parsing: each painted path is cut at its moves (`pdfium_loops.subpaths`) and classed
as pdfminer's `paint_path` does (a single segment is a line, a closed axis-aligned four-sided path a
rectangle, anything else a curve through the end points of its segments), then turned into
edges as pdfplumber's `obj_to_edges` does, in pdfplumber's order (lines, rectangles, curves)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Obj = dict[str, Any]
Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def edges_of(subpaths: Iterable[tuple[str, list[Point]]], height: float) -> list[Obj]:
    """The edges of the page's painted subpaths (`pdfium_loops.subpaths`, in page space)."""
    lines: list[Obj] = []
    rects: list[Obj] = []
    curves: list[Obj] = []
    for shape, pts in subpaths:
        _classify(shape, pts, height, lines, rects, curves)
    edges = [_line_edge(line) for line in lines]
    edges += [edge for rect in rects for edge in _rect_edges(rect)]
    edges += [edge for curve in curves for edge in _curve_edges(curve)]
    return edges


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


def apply(m: Matrix, p: Point) -> Point:
    """pdfminer's `apply_matrix_pt`."""
    a, b, c, d, e, f = m
    x, y = p
    return a * x + c * y + e, b * x + d * y + f


def times(m1: Matrix, m0: Matrix) -> Matrix:
    """pdfminer's `mult_matrix(m1, m0)`: m1 applied first, then m0."""
    a1, b1, c1, d1, e1, f1 = m1
    a0, b0, c0, d0, e0, f0 = m0
    return (a0 * a1 + c0 * b1, b0 * a1 + d0 * b1, a0 * c1 + c0 * d1, b0 * c1 + d0 * d1,
            a0 * e1 + c0 * f1 + e0, b0 * e1 + d0 * f1 + f0)
