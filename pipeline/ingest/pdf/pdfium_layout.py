"""A page read from pdfium's objects where the layout step reads a pdfplumber page: the same
`extract_words()` and `find_tables()` (pdfplumber's own word grouping and table finder run on
characters and edges rebuilt by `objects`), without pdfminer's parsing of the page.

Filling the cells is pdfplumber's `Table.extract` with its test (a character belongs to the
row and cell that hold the middle of its box) and its text assembly, but each row's
characters are looked up by the middle's height in a sorted list instead of testing every
character of the page for every row; compiled (`_pdfium_cells.c`) where it was built, the
largest part of the layout on pages full of tables in Python."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable
from itertools import groupby
from operator import itemgetter
from typing import Any, TypeVar

from pdfplumber import utils
from pdfplumber.table import Table as PlumberTable
from pdfplumber.utils.text import DEFAULT_X_TOLERANCE, LIGATURES

from pipeline.ingest.pdf import pdfium_loops as loops
from pipeline.ingest.pdf.objects import Obj
from pipeline.ingest.pdf.page import Box
from pipeline.ingest.pdf.ruled_tables import find_tables

T = TypeVar("T")
TOLERANCE = DEFAULT_X_TOLERANCE
"""pdfplumber's x and y tolerance (3 pt), the same for both."""
_top = itemgetter("top")
_x0 = itemgetter("x0")


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
        return cell_rows(self.chars, [(row.bbox, row.cells) for row in self.table.rows])


Row = tuple[Box, list[Box | None]]
"""A table row: its box and its cells' boxes (None for a cell merged into its neighbour)."""


def py_cell_rows(chars: list[Obj], rows: list[Row]) -> list[list[str | None]]:
    """Each row's cell texts (`FoundTable.extract`); `cell_rows` runs the compiled twin."""
    h_mid = [(c["x0"] + c["x1"]) / 2 for c in chars]
    v_mid = [(c["top"] + c["bottom"]) / 2 for c in chars]
    order = sorted(range(len(chars)), key=v_mid.__getitem__)
    heights = [v_mid[i] for i in order]
    texts: list[list[str | None]] = []
    for (x0, top, x1, bottom), cells in rows:
        band = order[bisect_left(heights, top):bisect_left(heights, bottom)]
        inside = sorted(i for i in band if x0 <= h_mid[i] < x1)
        texts.append([None if cell is None else _cell_text(cell, inside, h_mid, v_mid, chars) for cell in cells])
    return texts


def cell_rows(chars: list[Obj], rows: list[Row]) -> list[list[str | None]]:
    """`py_cell_rows`, compiled where it was built (it leaves characters at an infinite or
    undefined place to the Python twin)."""
    if loops.COMPILED is not None:
        found: list[list[str | None]] | None = loops.COMPILED.cell_rows(chars, rows, LIGATURES)
        if found is not None:
            return found
    return py_cell_rows(chars, rows)


def _cell_text(cell: Any, inside: list[int], h_mid: list[float], v_mid: list[float], chars: list[Obj]) -> str:
    """The text of the row's characters whose middle lies in the cell (empty when none does)."""
    x0, top, x1, bottom = cell
    mine = [chars[i] for i in inside if x0 <= h_mid[i] < x1 and top <= v_mid[i] < bottom]
    return extract_text(mine) if mine else ""


def extract_text(chars: list[Obj]) -> str:
    """pdfplumber's `utils.extract_text(chars)` with its default settings, for upright text,
    without building its word extractor and text map for every cell: lines are clusters of
    the characters' tops (3 pt), words break at a blank, a step back, a gap over 3 pt or a
    top 3 pt away; the words' lines are clustered again and joined."""
    words: list[tuple[float, str]] = []
    for line in _clusters(chars, _top):
        word: list[Obj] = []
        for char in sorted(line, key=_x0):
            if char["text"].isspace():
                _close(word, words)
                word = []
            elif word and (char["x0"] < word[-1]["x0"] or char["x0"] > word[-1]["x1"] + TOLERANCE
                           or abs(char["top"] - word[-1]["top"]) > TOLERANCE):
                _close(word, words)
                word = [char]
            else:
                word.append(char)
        _close(word, words)
    return "\n".join(" ".join(text for _, text in line) for line in _clusters(words, itemgetter(0)))


def _close(word: list[Obj], words: list[tuple[float, str]]) -> None:
    """Add a finished word (its top and text, ligatures written out) to `words`."""
    if word:
        words.append((min(c["top"] for c in word), "".join(str(LIGATURES.get(c["text"], c["text"])) for c in word)))


def _clusters(items: list[T], key: Callable[[T], float]) -> list[list[T]]:
    """pdfplumber's `cluster_objects(items, key, 3)`: the distinct key values sorted and cut
    where one exceeds the previous by more than 3; items in input order within a cluster."""
    index: dict[float, int] = {}
    cluster, last = -1, -math.inf
    for value in sorted({key(item) for item in items}):
        if value > last + TOLERANCE:
            cluster += 1
        index[value] = cluster
        last = value
    ordered = sorted(items, key=lambda item: index[key(item)])
    return [list(group) for _, group in groupby(ordered, key=lambda item: index[key(item)])]
