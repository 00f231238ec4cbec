"""A page read from pdfium's objects where the layout step reads a pdfplumber page: the same
`extract_words()` and `find_tables()` (pdfplumber's own word grouping and table finder run on
characters and edges rebuilt by `objects`), without pdfminer's parsing of the page.

Filling the cells is pdfplumber's `Table.extract` with its test (a character belongs to the
row and cell that hold the middle of its box) and its text assembly, but each row's
characters are looked up by the middle's height in a sorted list instead of testing every
character of the page for every row."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from pdfplumber import utils
from pdfplumber.table import Table as PlumberTable

from pipeline.ingest.pdf.objects import Obj
from pipeline.ingest.pdf.page import Box
from pipeline.ingest.pdf.ruled_tables import find_tables


class PdfiumPage:
    """A page's rebuilt characters and edges with the two pdfplumber methods layout calls."""

    def __init__(self, chars: list[Obj], edges: list[Obj], width: float, height: float,
                 tables: list[PlumberTable] | None = None) -> None:
        self.chars = chars
        self.edges = edges
        self.bbox: Box = (0.0, 0.0, width, height)
        self.tables = tables

    def extract_words(self) -> list[Obj]:
        """pdfplumber's `Page.extract_words()` with its default settings."""
        return utils.extract_words(self.chars)

    def find_tables(self) -> list[FoundTable]:
        """pdfplumber's `Page.find_tables()` with its default settings (ruling lines), unless
        they were found already."""
        tables = find_tables(self.edges) if self.tables is None else self.tables
        return [FoundTable(table, self.chars) for table in tables]


class FoundTable:
    """One table pdfplumber's finder found: its box and `extract()`."""

    def __init__(self, table: PlumberTable, chars: list[Obj]) -> None:
        self.table = table
        self.bbox = table.bbox
        self.chars = chars

    def extract(self) -> list[list[str | None]]:
        """The text of each cell, None for a cell merged into its neighbour (as `Table.extract`)."""
        h_mid = [(c["x0"] + c["x1"]) / 2 for c in self.chars]
        v_mid = [(c["top"] + c["bottom"]) / 2 for c in self.chars]
        order = sorted(range(len(self.chars)), key=v_mid.__getitem__)
        heights = [v_mid[i] for i in order]
        rows: list[list[str | None]] = []
        for row in self.table.rows:
            x0, top, x1, bottom = row.bbox
            band = order[bisect_left(heights, top):bisect_left(heights, bottom)]
            inside = sorted(i for i in band if x0 <= h_mid[i] < x1)
            rows.append([None if cell is None else _cell_text(cell, inside, h_mid, v_mid, self.chars)
                         for cell in row.cells])
        return rows


def _cell_text(cell: Any, inside: list[int], h_mid: list[float], v_mid: list[float], chars: list[Obj]) -> str:
    """The text of the row's characters whose middle lies in the cell (empty when none does)."""
    x0, top, x1, bottom = cell
    mine = [chars[i] for i in inside if x0 <= h_mid[i] < x1 and top <= v_mid[i] < bottom]
    return utils.extract_text(mine) if mine else ""
