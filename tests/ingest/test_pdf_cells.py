"""The compiled cell text of ruled tables (`_pdfium_cells.c`) gives its pure-Python twin's
values (`pdfium_layout.py_cell_rows`): on generated characters and cells at pdfplumber's
tolerances and on the boundaries of cells and rows, and on every table of the sample PDFs."""

from __future__ import annotations

import math

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.utils.text import LIGATURES

from pipeline.ingest.pdf import pdfium_layout
from pipeline.ingest.pdf import pdfium_loops as loops
from pipeline.ingest.pdf.objects import page_objects
from pipeline.ingest.pdf.pdfium_layout import FoundTable, Row, cell_rows, py_cell_rows
from tests.ingest.test_pdfium_loops import DOCUMENTS, every_descent

needs_compiled = pytest.mark.skipif(loops.COMPILED is None, reason="the compiled loops were not built (no C compiler)")
COORDINATES = [0.0, 1.5, 2.9, 3.0, 3.1, 4.5, 6.0, 9.0]
WHOLE = (-1.0, -1.0, 50.0, 50.0)

_char = st.builds(
    lambda text, x, top, width, height: {"text": text, "x0": x, "x1": x + width, "top": top,
                                         "bottom": top + height, "doctop": top, "upright": True},
    st.sampled_from(["a", "b", "ế", " ", "\u00a0", "ﬁ", "ﬀ", "-", "1", ""]),
    st.sampled_from(COORDINATES),
    st.sampled_from(COORDINATES),
    st.sampled_from([0.0, 1.5, 3.0, 5.0]),
    st.sampled_from([0.0, 2.0, 6.0]),
)
_box = st.one_of(st.just(WHOLE), st.tuples(st.sampled_from([-1.0, 0.0, 3.0, 4.5]), st.sampled_from([-1.0, 1.0, 4.0, 6.0]),
                                           st.sampled_from([0.0, 3.75, 6.0, 12.0]), st.sampled_from([0.0, 3.0, 5.5, 12.0])))
_row = st.tuples(_box, st.lists(st.one_of(st.none(), _box), max_size=4))


def _compiled(chars: list[dict], rows: list[Row]) -> list[list[str | None]] | None:
    assert loops.COMPILED is not None
    found: list[list[str | None]] | None = loops.COMPILED.cell_rows(chars, rows, LIGATURES)
    return found


@needs_compiled
@settings(max_examples=400, deadline=None)
@given(st.lists(_char, max_size=16), st.lists(_row, max_size=4))
def test_compiled_cells_are_the_python_ones(chars: list[dict], rows: list[Row]) -> None:
    """Ties, steps back, gaps, blanks, ligatures and line distances at the 3 pt tolerances;
    characters on a cell's edges; cells that overlap, are empty or lie upside down."""
    assert _compiled(chars, rows) == py_cell_rows(chars, rows)


@needs_compiled
def test_a_character_at_an_undefined_place_is_left_to_python() -> None:
    chars = [{"text": "a", "x0": 1.0, "x1": 2.0, "top": 1.0, "bottom": 5.0},
             {"text": "b", "x0": math.nan, "x1": 3.0, "top": 1.0, "bottom": 5.0}]
    rows: list[Row] = [((0.0, 0.0, 10.0, 10.0), [(0.0, 0.0, 10.0, 10.0), None])]
    assert _compiled(chars, rows) is None
    assert cell_rows(chars, rows) == py_cell_rows(chars, rows) == [["a", None]]


def test_a_cell_of_two_lines_and_a_ligature() -> None:
    chars = [{"text": t, "x0": x, "x1": x + 4.0, "top": top, "bottom": top + 8.0}
             for t, x, top in (("ﬁ", 12.0, 2.0), ("x", 2.0, 14.0), ("a", 2.0, 2.0), ("b", 6.0, 3.0), (" ", 10.0, 2.0))]
    rows: list[Row] = [((0.0, 0.0, 30.0, 30.0), [(0.0, 0.0, 30.0, 30.0)])]
    assert cell_rows(chars, rows) == [["ab fi\nx"]]


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_table_of_the_samples_has_the_python_cells(name: str) -> None:
    pdf = pdfium.PdfDocument(DOCUMENTS[name])
    descents = every_descent(DOCUMENTS[name], len(pdf))
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        objects = page_objects(page, textpage, None, tables=True)
        chars = objects.chars(descents) if objects is not None else None
        for table in (objects.tables or []) if objects is not None and chars is not None else []:
            found = FoundTable(table, chars)
            rows = [(row.bbox, row.cells) for row in table.rows]
            assert found.extract() == py_cell_rows(chars, rows)
        textpage.close()
        page.close()
    pdf.close()


def test_the_twin_is_used_without_the_compiled_loops(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loops, "COMPILED", None)
    chars = [{"text": "a", "x0": 1.0, "x1": 2.0, "top": 1.0, "bottom": 5.0}]
    assert pdfium_layout.cell_rows(chars, [((0.0, 0.0, 10.0, 10.0), [(0.0, 0.0, 10.0, 10.0)])]) == [["a"]]
