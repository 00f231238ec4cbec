"""Ruled tables on a scanned page: the page image is straightened, its ruling lines found, and
the OCR words placed in the cells they fall in, so a scanned equipment table gives the same
`table_row` blocks as its text-layer original.

A scanner turns a page by a fraction of a degree, enough to hide a rule from a row profile, so
the skew is measured first (the angle that makes the dark rows sharpest) and the image turned
back before OCR. A horizontal rule is a pixel row mostly dark over the table's width; a column
boundary is a vertical run of dark pixels covering a row's band (merged cells lack it)."""

from __future__ import annotations

import numpy as np
from PIL import Image

from pipeline.ingest.pdf.ocr_reread import cell_text
from pipeline.ingest.pdf.page import Table, Word

ANGLES = np.arange(-1.5, 1.55, 0.1)
"""Skew angles tried (degrees): scanners turn a page by well under 2 degrees."""
RULE_SHARE = 0.2
"""A pixel row with a dark run this long (share of the page width) is a horizontal rule."""
RULE_GAPS = 0.05
"""Share of such a run that may be light: a rule on a 150-dpi scan is broken by speckle."""
COLUMN_SHARE = 0.9
"""A pixel column this dark over a row's height separates two cells in that row."""
DARK = 128


def deskewed(image: Image.Image) -> Image.Image:
    """The page turned back by its measured skew (unchanged when it is straight)."""
    small = image.reduce(4)
    best, angle = -1.0, 0.0
    for a in ANGLES:
        dark = np.asarray(small.rotate(float(a), fillcolor=255)) < DARK
        score = float(np.var(dark.sum(axis=1)))
        if score > best:
            best, angle = score, float(a)
    return image.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255) if abs(angle) >= 0.05 else image


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """Start and end (exclusive) of each run of True values."""
    padded = np.concatenate([[False], flags, [False]])
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    return list(zip(edges[::2], edges[1::2]))


Grid = list[list[tuple[int, int, list[int]]]]
"""Tables as lists of row bands: (top, bottom, x of each cell boundary), in pixels."""


def find_grid(image: Image.Image) -> Grid:
    """The ruled tables of the page image: a band between two horizontal rules with cell
    boundaries is a table row; consecutive such bands make one table."""
    dark = np.asarray(image) < DARK
    rules = [int(a + b) // 2 for a, b in _runs(_ruled_rows(dark))]
    grid: Grid = []
    current: list[tuple[int, int, list[int]]] = []
    for top, bottom in [*zip(rules, rules[1:]), (0, 0)]:
        bounds = _bounds(dark, top, bottom)
        if len(bounds) >= 2:
            current.append((top, bottom, bounds))
        else:
            if len(current) >= 2:
                grid.append(current)
            current = []
    return grid


def without_rules(image: Image.Image, grid: Grid) -> Image.Image:
    """The image with the tables' ruling lines whitened: Tesseract then reads the cells'
    short words instead of taking the boxes for pictures."""
    pixels = np.array(image)
    for bands in grid:
        for top, bottom, bounds in bands:
            pixels[max(top - 4, 0):top + 5, bounds[0] - 4:bounds[-1] + 5] = 255
            pixels[max(bottom - 4, 0):bottom + 5, bounds[0] - 4:bounds[-1] + 5] = 255
            for x in bounds:
                pixels[top:bottom, max(x - 4, 0):x + 5] = 255
    return Image.fromarray(pixels)


Reread = tuple[list[Word], list[Word], tuple[float, float, float, float]]
"""A re-read cell: its words from the page reading, from its second reading, and its box (points)."""


def tables(grid: Grid, words: list[Word], scale: float, image: Image.Image, soften: float = 0.0) -> tuple[list[Table], list[Word]]:
    """The tables with their cells filled with the words inside them (points); a cell the page
    reading left empty or doubtful is read again on its own (`ocr_reread`). Also the page's
    words with each re-read cell's words in place of its first reading's, in reading order."""
    read: list[Reread] = []
    found = [_table(bands, words, scale, image, read, soften) for bands in grid]
    return found, _with_rereads(words, read)


def _with_rereads(words: list[Word], read: list[Reread]) -> list[Word]:
    """The words with each cell's first reading replaced by its second: at the first reading's
    place, or (an empty cell) after the last word above the cell's row or left of it in the row."""
    out = list(words)
    for before, after, (left, top, _, bottom) in read:
        if before:
            gone = {id(w) for w in before}
            at = next(k for k, w in enumerate(out) if id(w) in gone)
            out = [w for w in out[:at] if id(w) not in gone] + after + [w for w in out[at:] if id(w) not in gone]
            continue
        at = max((k + 1 for k, w in enumerate(out)
                  if _middle(w, "top", "bottom") < top or (_middle(w, "top", "bottom") < bottom and _middle(w, "x0", "x1") < left)),
                 default=0)
        out[at:at] = after
    return out


def _middle(word: Word, low: str, high: str) -> float:
    return float(word[low] + word[high]) / 2


def _ruled_rows(dark: np.ndarray) -> np.ndarray:
    """For each pixel row, whether it holds a dark run of `RULE_SHARE` of the width with at most
    `RULE_GAPS` of it light, counting a pixel dark when the one above or below is (text never
    does: it is broken between letters and words; a scanned rule is ragged and speckled)."""
    thick = _spread(dark, axis=0)
    length = int(RULE_SHARE * dark.shape[1])
    sums = np.cumsum(thick, axis=1, dtype=np.int32)
    return np.asarray(((sums[:, length:] - sums[:, :-length]) >= (1 - RULE_GAPS) * length).any(axis=1))


def _spread(dark: np.ndarray, axis: int) -> np.ndarray:
    """Dark pixels widened by one pixel each way along `axis` (a ragged rule made whole)."""
    out = dark.copy()
    ahead, behind = [slice(None)] * 2, [slice(None)] * 2
    ahead[axis], behind[axis] = slice(1, None), slice(None, -1)
    out[tuple(ahead)] |= dark[tuple(behind)]
    out[tuple(behind)] |= dark[tuple(ahead)]
    return out


def _bounds(dark: np.ndarray, top: int, bottom: int) -> list[int]:
    """Where vertical rules cross the whole band between two horizontal rules."""
    band = dark[top + 3:bottom - 2]
    if band.shape[0] < 5:
        return []
    return [int(a + b) // 2 for a, b in _runs(_spread(band, axis=1).mean(axis=0) >= COLUMN_SHARE)]


def _table(bands: list[tuple[int, int, list[int]]], words: list[Word], scale: float, image: Image.Image,
           read: list[Reread], soften: float) -> Table:
    """One table from its rows' bands and cell boundaries; each re-read cell's (first, second)
    words are added to `read`."""
    rows: list[tuple[str, ...]] = []
    for top, bottom, bounds in bands:
        cells = []
        for left, right in zip(bounds, bounds[1:]):
            inside = [w for w in words if _inside(w, left / scale, top / scale, right / scale, bottom / scale)]
            text, used = cell_text(image, inside, (left, top, right, bottom), scale, soften)
            if used is not inside:
                read.append((inside, used, (left / scale, top / scale, right / scale, bottom / scale)))
            cells.append(text)
        if any(cells):
            rows.append(tuple(cells))
    x0, x1 = min(b[2][0] for b in bands), max(b[2][-1] for b in bands)
    return Table((x0 / scale, bands[0][0] / scale, x1 / scale, bands[-1][1] / scale), rows)


def _inside(word: Word, left: float, top: float, right: float, bottom: float) -> bool:
    """Whether the word's centre lies in the box (points)."""
    return left <= _middle(word, "x0", "x1") <= right and top <= _middle(word, "top", "bottom") <= bottom
