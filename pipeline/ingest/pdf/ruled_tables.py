"""pdfplumber's table finder with its default settings (tables from ruling lines), the same
steps in the same order (`TableFinder.__init__`/`get_edges`), with one of them made fast.

`intersections_to_cells` asks, for each pair of corner candidates, whether an edge joins them by
building the sets of the edges' boxes at both points anew, through a function defined inside
another whose annotations are evaluated on every call: a fifth of the time of a ruled page.
Here each point's boxes are collected once; the search for the smallest cell at each point is
pdfplumber's, so the cells and tables are the same. The whole search for cells is compiled
(`_pdfium_finder.c`) where it was built: pdfplumber's snapping and joining copy a dictionary per
edge and step."""

from __future__ import annotations

from typing import Any

from pdfplumber import utils
from pdfplumber.table import Table, cells_to_tables, edges_to_intersections, merge_edges

from pipeline.ingest.pdf import pdfium_loops as loops

Obj = dict[str, Any]
Point = tuple[float, float]
Bbox = tuple[float, float, float, float]
SNAP = JOIN = INTERSECTION = 3
"""pdfplumber's default tolerances (points)."""
MIN_LENGTH, MIN_LENGTH_BEFORE = 3, 1
"""pdfplumber's `edge_min_length` and `edge_min_length_prefilter`."""


class _Page:
    """What a pdfplumber `Table` keeps of its page (nothing it reads here)."""

    def __init__(self, edges: list[Obj]) -> None:
        self.edges = edges


def find_tables(edges: list[Obj]) -> list[Table]:
    """The page's tables, as pdfplumber's `page.find_tables()` finds them from these edges."""
    page = _Page(edges)
    return [Table(page, group) for group in cells_to_tables(ruled_cells(edges))]  # type: ignore[arg-type]


def ruled_cells(edges: list[Obj]) -> list[Bbox]:
    """`py_ruled_cells`, compiled where it was built (it leaves edges at an infinite or undefined
    place, and those pdfplumber would stop on, to the Python twin)."""
    if loops.COMPILED is not None:
        found: list[Bbox] | None = loops.COMPILED.ruled_cells(edges)
        if found is not None:
            return found
    return py_ruled_cells(edges)


def py_ruled_cells(edges: list[Obj]) -> list[Bbox]:
    """Each corner's smallest cell, from the edges snapped, joined and crossed as pdfplumber does."""
    ruled = utils.filter_edges(edges, "v", min_length=MIN_LENGTH_BEFORE) + utils.filter_edges(
        edges, "h", min_length=MIN_LENGTH_BEFORE)
    merged = utils.filter_edges(merge_edges(ruled, SNAP, SNAP, JOIN, JOIN), min_length=MIN_LENGTH)
    return _cells(edges_to_intersections(merged, INTERSECTION, INTERSECTION))


def _cells(intersections: dict[Point, dict[str, list[Obj]]]) -> list[Bbox]:
    """pdfplumber's `intersections_to_cells`: for each point, the smallest cell it is the top
    left corner of (points joined by an edge on each side)."""
    boxes = {point: ({utils.obj_to_bbox(e) for e in found["v"]}, {utils.obj_to_bbox(e) for e in found["h"]})
             for point, found in intersections.items()}

    def connects(p1: Point, p2: Point) -> bool:
        if p1[0] == p2[0] and not boxes[p1][0].isdisjoint(boxes[p2][0]):
            return True
        return p1[1] == p2[1] and not boxes[p1][1].isdisjoint(boxes[p2][1])

    points = sorted(intersections)
    cells: list[Bbox] = []
    for i, pt in enumerate(points[:-1]):
        rest = points[i + 1:]
        below = [x for x in rest if x[0] == pt[0]]
        right = [x for x in rest if x[1] == pt[1]]
        cell = next(((pt[0], pt[1], r[0], b[1]) for b in below if connects(pt, b) for r in right
                     if connects(pt, r) and (r[0], b[1]) in boxes
                     and connects((r[0], b[1]), r) and connects((r[0], b[1]), b)), None)
        if cell is not None:
            cells.append(cell)
    return cells
