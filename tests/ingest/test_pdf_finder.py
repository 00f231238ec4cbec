"""The compiled search for ruled tables' cells (`_pdfium_finder.c`) gives its pure-Python twin's
cells (`ruled_tables.py_ruled_cells`, pdfplumber's table finder): on generated edges that snap,
join, touch and cross at pdfplumber's 3 pt tolerances, and on every page of the sample PDFs."""

from __future__ import annotations

import math
from typing import Any

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest.pdf import pdfium_loops as loops
from pipeline.ingest.pdf import ruled_tables
from pipeline.ingest.pdf.objects import page_objects
from pipeline.ingest.pdf.ruled_tables import Bbox, py_ruled_cells, ruled_cells
from tests.ingest.test_pdfium_loops import DOCUMENTS

needs_compiled = pytest.mark.skipif(loops.COMPILED is None, reason="the compiled loops were not built (no C compiler)")
PLACES = [0.0, 0.5, 2.9, 3.0, 3.5, 6.0, 10.0, 10.2, 13.0, 20.0, 20.1, 30.0]


def _edge(orientation: Any, at: float, start: float, length: float, flat: bool = True) -> dict[str, Any]:
    """An edge as `edges.edges_of` writes one (a rectangle's sides have an int 0 for their thinness)."""
    end = start + length
    if orientation == "v":
        return {"x0": at, "x1": at if flat else at + 0.25, "top": start, "bottom": end, "doctop": start,
                "width": 0 if flat else 0.25, "height": length, "orientation": "v"}
    return {"x0": start, "x1": end, "top": at, "bottom": at if flat else at + 0.25, "doctop": at,
            "width": length, "height": 0 if flat else 0.25, "orientation": orientation}


_edges = st.lists(st.builds(_edge, st.sampled_from(["v", "h", "h", "v", None]), st.sampled_from(PLACES),
                            st.sampled_from(PLACES), st.sampled_from([0.5, 1.0, 2.5, 3.0, 10.0, 20.0, 30.0]),
                            st.booleans()), max_size=24)


def _grid(columns: list[float], rows: list[float]) -> list[dict[str, Any]]:
    """The edges of a ruled grid."""
    height, width = rows[-1] - rows[0], columns[-1] - columns[0]
    return ([_edge("v", x, rows[0], height) for x in columns] + [_edge("h", y, columns[0], width) for y in rows])


NEAR = [-3.1, -3.0, -2.9, 0.0, 0.0, 2.9, 3.0, 3.1]
"""How far a drawn rule may miss or pass its grid line: about pdfplumber's 3 pt tolerance."""


@st.composite
def _drawn_grid(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A grid as real drawings rule one: each rule's ends a little short or long, some rules
    broken in two by a small gap, some a little off their line."""
    columns = sorted(draw(st.lists(st.sampled_from([0.0, 10.0, 20.0, 32.0, 45.0]), min_size=2, max_size=4, unique=True)))
    rows = sorted(draw(st.lists(st.sampled_from([0.0, 8.0, 16.0, 30.0]), min_size=2, max_size=4, unique=True)))
    edges = []
    for orientation, places, across in (("v", columns, rows), ("h", rows, columns)):
        for at in places:
            start, end = across[0] + draw(st.sampled_from(NEAR)), across[-1] + draw(st.sampled_from(NEAR))
            at += draw(st.sampled_from([0.0, 0.0, 0.5, -1.0]))
            cut = draw(st.sampled_from([None, None, 2.9, 3.0, 3.1]))
            if cut is None or end - start < 12:
                edges.append(_edge(orientation, at, start, end - start))
            else:
                middle = (start + end) / 2
                edges += [_edge(orientation, at, start, middle - start), _edge(orientation, at, middle + cut, end - middle - cut)]
    return edges


@needs_compiled
@settings(max_examples=400, deadline=None)
@given(_edges)
def test_compiled_cells_are_the_python_ones(edges: list[dict[str, Any]]) -> None:
    assert loops.COMPILED is not None
    assert loops.COMPILED.ruled_cells(edges) == py_ruled_cells(edges)


@needs_compiled
@settings(max_examples=300, deadline=None)
@given(_drawn_grid(), _edges)
def test_drawn_grids_with_stray_edges(grid: list[dict[str, Any]], stray: list[dict[str, Any]]) -> None:
    """Grids (cells to find) whose rules miss, pass or break at the tolerances, with edges that
    snap to them, extend them or stand alone."""
    assert loops.COMPILED is not None
    edges = grid + stray[:6]
    assert loops.COMPILED.ruled_cells(edges) == py_ruled_cells(edges)


def test_a_grid_gives_its_cells() -> None:
    cells: list[Bbox] = [(0.0, 0.0, 10.0, 6.0), (0.0, 6.0, 10.0, 20.0), (10.0, 0.0, 30.0, 6.0), (10.0, 6.0, 30.0, 20.0)]
    assert ruled_cells(_grid([0.0, 10.0, 30.0], [0.0, 6.0, 20.0])) == cells
    snapped = _grid([0.0, 10.0, 30.0], [0.0, 6.0, 20.0]) + [_edge("v", 11.0, 0.0, 20.0)]  # 10 and 11 snap to 10.5
    assert [cell[2] for cell in ruled_cells(snapped)][:2] == [10.5, 10.5]


@needs_compiled
def test_edges_pdfplumber_would_stop_on_are_left_to_python() -> None:
    assert loops.COMPILED is not None
    assert loops.COMPILED.ruled_cells([_edge("v", math.nan, 0.0, 10.0)]) is None
    assert ruled_cells([_edge("v", math.inf, 0.0, 10.0)]) == py_ruled_cells([_edge("v", math.inf, 0.0, 10.0)])
    # two edges on one line ending before they start: joining them fails pdfplumber's assertion
    backwards = [{**_edge("h", 5.0, 0.0, 10.0), "x0": 5.0, "x1": 2.0}, {**_edge("h", 5.0, 0.0, 10.0), "x0": 5.0, "x1": 4.0}]
    assert loops.COMPILED.ruled_cells(backwards) is None
    with pytest.raises(AssertionError):
        ruled_cells(backwards)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_page_of_the_samples_has_the_python_cells(name: str) -> None:
    pdf = pdfium.PdfDocument(DOCUMENTS[name])
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        objects = page_objects(page, textpage, math.inf, tables=True)
        if objects is not None:
            assert ruled_cells(objects.edges) == py_ruled_cells(objects.edges)
        textpage.close()
        page.close()
    pdf.close()


def test_the_twin_is_used_without_the_compiled_loops(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loops, "COMPILED", None)
    assert len(ruled_tables.ruled_cells(_grid([0.0, 10.0], [0.0, 6.0, 20.0]))) == 2
