"""A page's characters and ruling edges read from pdfium's page objects, in the form pdfplumber
gives them (`page.chars`, `page.edges`), so that pdfplumber's own table finder and word
grouping run on them without pdfminer parsing the page's content stream: that parsing was
88-95 % of the PDF time on pages with ruled tables.

The values are pdfminer's, rebuilt from what pdfium knows: the edges from the path objects
(`edges`); each character's box from the glyph's origin over its advance width, and from the
font's descriptor `/Descent` (`fonts`: pdfminer's value, not pdfium's) up one font size.

Characters cost most (a few pdfium calls each), and the layout needs only some of them: those
of the ruled tables (found first, from the edges alone) and, on page 1, those of the words above
the title (the two-column header). Only the text objects that reach into one of these zones
are read character by character. The header's words are pdfplumber's only if each printed line
that holds one was read whole (pdfplumber groups characters into lines by their tops, 3 pt
apart at most): `PageObjects.chars` checks that no character left unread could have joined such
a line, and gives None otherwise.

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

import math
from ctypes import c_float
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.table import Table as PlumberTable

from pipeline.ingest.pdf import glyphs as pdf_glyphs
from pipeline.ingest.pdf import pdfium_loops as loops
from pipeline.ingest.pdf.edges import Matrix, Obj, times
from pipeline.ingest.pdf.fonts import Descents
from pipeline.ingest.pdf.glyphs import Glyph
from pipeline.ingest.pdf.page import Box
from pipeline.ingest.pdf.pdfium_loops import Bounds, address
from pipeline.ingest.pdf.ruled_tables import find_tables

REACH = 20.0
"""Points around a table within which a text object's characters are read: pdfium's bounds of
a text object and pdfminer's boxes of its characters differ by a fraction of the font size."""
LINE_GAP = 3.0
"""pdfplumber's `y_tolerance`: characters whose tops are at most this far apart share a line."""


@dataclass
class PageObjects:
    """What pdfplumber's layout needs of one page, read while pdfium had it open."""

    height: float
    glyphs: list[Glyph]
    edges: list[Obj]
    tables: list[PlumberTable] | None = field(default=None)
    """The tables already found from the edges (None: not looked for yet)."""
    words_above: float | None = None
    """The words whose bottom is at most this are pdfplumber's (None: none are; inf: all)."""

    def has_words_above(self, cut: float | None) -> bool:
        """True when the words the layout reads above `cut` (None: no word) are all here."""
        return cut is None or (self.words_above is not None and cut <= self.words_above)

    def chars(self, descents: Descents) -> list[Obj] | None:
        """pdfplumber's `page.chars` (the keys its word grouping reads), or None when a
        font's descent is unknown, or when a line holding a word above `words_above` may have
        been read in part."""
        chars = pdf_glyphs.char_boxes(self.glyphs, descents, self.height)
        if chars is None:
            return None
        if self.words_above is not None and self.words_above != math.inf:
            return chars if _lines_whole(chars, self.words_above) else None
        return chars


def _lines_whole(chars: list[Obj], cut: float) -> bool:
    """True when no unread character can join a line that holds a character reaching no lower
    than `cut`: the characters of the text objects whose bounds come within 2 x `REACH` of
    the cut were read, so an unread character's top lies more than `REACH` below the cut."""
    lowest: dict[float, float] = {}  # each top -> the highest bottom among its characters
    for char in chars:
        lowest[char["top"]] = min(char["bottom"], lowest.get(char["top"], math.inf))
    last = reach = -math.inf
    line_wanted = False
    for top in sorted(lowest):
        if top > last + LINE_GAP:  # a new line (pdfplumber's `cluster_list`)
            line_wanted = False
        line_wanted = line_wanted or lowest[top] <= cut
        if line_wanted:
            reach = top
        last = top
    return reach + LINE_GAP < cut + REACH


def page_objects(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, words_above: float | None,
                 tables: bool, paths: list[tuple[int, Matrix, Bounds | None]] | None = None) -> PageObjects | None:
    """The page's glyphs and edges, or None when pdfplumber's values cannot be rebuilt. The
    glyphs read are those that can make a word whose bottom is at most `words_above` (None:
    no word; inf: every word) and, with `tables`, those that can fall in a ruled table (from
    the page's `paths`, read here when not given)."""
    height = _page_height(page)
    if height is None:
        return None
    texts = loops.texts(address(page.raw))
    edges: list[Obj] = []
    if tables:
        every = loops.paths(address(page.raw)) if paths is None else paths
        edges = loops.page_edges(every, height)
    found = None
    wanted: set[int] | None = None
    if words_above != math.inf:
        zones: list[Box] = []
        if tables:
            found = find_tables(edges)
            zones += [table.bbox for table in found]
        if words_above is not None:  # the words' lines: twice the reach, see `_lines_whole`
            zones.append((-math.inf, -math.inf, math.inf, words_above + REACH))
        wanted = loops.reaching(texts, zones, height, REACH)
    fonts: dict[int, str] = {}
    read = pdf_glyphs.read_glyphs(textpage, wanted, fonts)
    if read is None:
        return None
    by_object, seen = read
    glyphs: list[Glyph] = []
    for key, _, outer, bounds in texts:
        if key in by_object:
            glyphs += by_object[key]
        elif key not in seen and (wanted is None or key in wanted):
            blank = blank_glyph(key, outer, bounds, fonts)  # left out by pdfium: blanks only, or give up
            if blank is None:
                return None
            glyphs.append(blank)
    return PageObjects(height, glyphs, edges, found, words_above)


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


def py_blank(key: int, outer: Matrix, bounds: Bounds, fonts: dict[int, str]) -> Glyph | None:
    """The first blank of a text object pdfium's text page dropped, when it prints nothing
    (its bounds have no height): pdfminer keeps such blanks, and a blank ends a word."""
    _, bottom, _, top = bounds
    if top > bottom:
        return None
    obj = loops.handle(key)
    name, size, *_ = pdf_glyphs.object_font(obj, None, 0, fonts)
    a, b, c, d, e, f = times(loops.own_matrix(obj), outer)
    if b or c or a <= 0 or d <= 0:
        return None
    return Glyph(" ", e, f, 0.0, name, size, d)


def compiled_blank(key: int, outer: Matrix, bounds: Bounds, fonts: dict[int, str]) -> Glyph | None:
    """`py_blank` run by the compiled loops: Word writes thousands of such objects in a long report."""
    assert loops.COMPILED is not None
    found: Glyph | None = loops.COMPILED.blank(key, outer, bounds, fonts,
                                               lambda font: pdf_glyphs.font_name(font, fonts), Glyph)
    return found


blank_glyph = compiled_blank if loops.COMPILED is not None else py_blank
