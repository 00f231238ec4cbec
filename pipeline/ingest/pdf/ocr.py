"""OCR of the pages without a usable text layer: scanned pages, and pages whose text layer is a
signature stamp over a scanned image or garbage (a font without a Unicode map).

A page is rendered with pypdfium2 at `DPI` and read by Tesseract with its Vietnamese data
(`pytesseract`, one `tesseract` process a page, `OMP_THREAD_LIMIT=1`). The pages of a document
are read in threads, one page a task, each taking one of the machine's OCR slots while its
`tesseract` process runs (`ocr_engine`): a lone scan keeps every core busy, and documents in
parallel do not oversubscribe them; readings are cached by image (`ocr_engine`). Tesseract's words become the page's lines with their
geometry in PDF points, so furniture, wrap hints and the header columns work as on a text layer;
each word keeps its confidence for the evidence of the facts read from it. The page is
straightened and its ruled tables found first (`ocr_tables`), so a scanned table gives rows of
cells as its text layer would. Typical OCR damage
to codes and numbers is repaired by `ocr_repair`."""

from __future__ import annotations

import ctypes
import math
import re
import time
from concurrent.futures import Future, ThreadPoolExecutor
from ctypes import c_float
from dataclasses import dataclass
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageFilter

from pipeline.ingest.base import InputError
from pipeline.ingest.legacy_encodings import is_syllable
from pipeline.ingest.pdf.layout import place_tables
from pipeline.ingest.pdf.ocr_engine import INSTALL, available, read, slots, use_cache
from pipeline.ingest.pdf.ocr_repair import repair_line
from pipeline.ingest.pdf.ocr_reread import reread_numbers, reread_values
from pipeline.ingest.pdf.ocr_tables import deskewed, find_grid, tables, without_rules
from pipeline.ingest.pdf.page import Line, Page, Table, Word
from pipeline.options import DEFAULTS, Options

DPI = DEFAULTS.ocr_dpi
"""Rendering resolution (`--ocr-dpi`). Measured on the scanned samples (data/renditions, first pages, character
error rate against the text layer): a 300-dpi scan read at 200/300/400 dpi gives 1.33/1.33/1.34 %,
a 150-dpi scan 1.63/1.84/1.77 %; 300 keeps small print (footnotes) and costs about a third more
time than 200; 400 only adds time."""
IMAGE_SHARE = 0.5
"""An image covering at least this share of the page makes it a scanned page."""
STAMP_CHARS = 300
"""A scanned page with fewer text-layer characters than this has only a stamp or signature layer."""
GARBAGE_SHARE = 0.4
"""Below this share of well-formed syllables, a page's text layer is garbage."""
MIN_WORDS = 20
SYMBOL_CONF = 70.0
"""A word of symbols only (`^`, `'`, `⁄`) under this confidence is a mark, not print (printed
bullets and dashes read at 90 or more)."""
NOISE_CONF = 30.0
"""A word of one or two characters under this confidence is a mark, not print."""
OCR_OFF = "the PDF has no text layer (a scanned image?) and OCR is turned off (--no-ocr): run without --no-ocr to read it"
COLOURED = 60
"""Channels of a pixel differing by more than this make it coloured ink (black and grey differ by a few)."""
INK_LEVEL = 140
"""A coloured pixel brighter than this in its brightest channel is ink on paper (turned white);
black print under coloured ink stays darker (measured on the stamped fixture: under 110)."""
FRINGE = 5
"""Coloured strokes are widened by this many pixels (odd) so their blurred, greyer edges go too."""
BLACK_SHARE = 0.5
"""Share of a page's dark pixels that must be black or grey for coloured ink to be dropped."""
DARK = 128
LOW_RESOLUTION = 0.6
"""A page whose scanned image has fewer pixels per inch than this share of the rendering
resolution is a low-resolution scan (a 150-dpi scan rendered at 300)."""
SOFTEN = 1.0
"""Gaussian blur (pixels of the rendering) per doubling of a low-resolution scan, applied to the
crops read a second time: the staircase edges of an enlarged black-and-white scan are read as
other glyphs (`6`→`B`, `S`→`5`, `T`→`1`) once a crop is enlarged again; smoothed, they are read
as the letters they are. Measured on the 150-dpi renditions (`make eval`): disk cells read right
1 → 4 of 5, CER 0.85 → 0.82 %; 1.0 and 1.5 read alike, 2.0 loses the disk column. The page
reading itself is not blurred: softened whole pages (also a Lanczos or bicubic enlargement of
the scan's own pixels instead of pdfium's) lost table rows, issuers and references."""
UNREADABLE = re.compile("[\x00-\x08\x0b-\x1f\ue000-\uf8ff\ufffd]")
"""What a text layer without a Unicode map gives: the replacement character, private-use
characters and control characters other than tab and newline (one C-speed scan of the page)."""
COLUMN_GAP = 40.0
"""A gap between two words wider than this (points, about 14 mm) parts two columns."""


@dataclass
class Timing:
    """Wall seconds spent rendering and reading pages in this process: for `make eval`'s cost line."""

    seconds: float = 0.0
    pages: int = 0


TIMING = Timing()


def _largest_image(pdf: pdfium.PdfDocument, index: int) -> tuple[float, float]:
    """The share of the page covered by its largest image, and that image's resolution
    (pixels per inch across the page; 0 without an image)."""
    page = pdf[index]
    try:
        area = page.get_width() * page.get_height()
        best, resolution = 0.0, 0.0
        for k in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
            obj = pdfium_c.FPDFPage_GetObject(page.raw, k)
            if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_IMAGE:
                continue
            left, bottom, right, top = c_float(), c_float(), c_float(), c_float()
            width, height = ctypes.c_uint(), ctypes.c_uint()
            if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                continue
            share = (right.value - left.value) * (top.value - bottom.value) / max(area, 1.0)
            if share > best:
                best = share
                if pdfium_c.FPDFImageObj_GetImagePixelSize(obj, width, height) and right.value > left.value:
                    resolution = 72 * max(width.value, height.value) / max(right.value - left.value, top.value - bottom.value)
        return best, resolution
    finally:
        page.close()


def needs_ocr(pdf: pdfium.PdfDocument, page: Page) -> str | None:
    """Why the page must be read by OCR (`no text`, `stamp layer`, `garbage text layer`), or None."""
    if not page.lines:
        return "no text" if page.width else None
    chars = sum(len(line.text) for line in page.lines)
    if chars < STAMP_CHARS and _largest_image(pdf, page.number - 1)[0] >= IMAGE_SHARE:
        return "stamp layer"
    text = "\n".join(line.text for line in page.lines)
    bad = len(UNREADABLE.findall(text))
    share, words = _word_share(text)
    if bad > 0.1 * len(text) or (words >= MIN_WORDS and share < GARBAGE_SHARE):
        return "garbage text layer"
    return None


def _word_share(text: str) -> tuple[float, int]:
    """Share of the alphabetic words that are Vietnamese syllables, over all words (ASCII too:
    a font without a Unicode map often comes out as Latin letters in no language)."""
    words = [w for w in text.split() if w.isalpha()]
    return (sum(map(is_syllable, words)) / len(words), len(words)) if words else (1.0, 0)


def render(pdf: pdfium.PdfDocument, number: int, dpi: int = DPI) -> Image.Image:
    """Page `number` (1-based) as the grey image OCR reads (pdfium is not thread-safe: the
    caller's thread only); see `black_ink`."""
    page = pdf[number - 1]
    try:
        return black_ink(page.render(scale=dpi / 72).to_pil())
    finally:
        page.close()


def softening(pdf: pdfium.PdfDocument, number: int, dpi: int = DPI) -> float:
    """The blur for second readings of page `number` rendered at `dpi`: `SOFTEN` per doubling
    when its scanned image has under `LOW_RESOLUTION` of that resolution, else none."""
    resolution = _largest_image(pdf, number - 1)[1]
    if not resolution or resolution >= LOW_RESOLUTION * dpi:
        return 0.0
    return SOFTEN * math.log2(dpi / resolution)


def black_ink(image: Image.Image) -> Image.Image:
    """The page in grey with coloured ink made paper. A coloured pixel (channels differing by more
    than `COLOURED`) is judged by its brightest channel: a red seal pressed over the signer's
    title or a blue signature across the name is bright there and turns white, while black print
    under the seal, dark in every channel, stays. A page printed mostly in colour (under
    `BLACK_SHARE` of its dark pixels grey) is read in plain grey instead."""
    image = image.convert("RGB")
    if not _coloured(np.asarray(image.reduce(4)).astype(np.int16)).any():  # a black-and-white or grey page: the usual scan, quickly
        return image.convert("L")
    pixels = np.asarray(image).astype(np.int16)
    grey = np.asarray(image.convert("L"))
    brightest = pixels.max(axis=2)
    coloured = _coloured(pixels)
    dark = grey < DARK
    if not coloured.any() or (dark & ~coloured).sum() < BLACK_SHARE * dark.sum():
        return Image.fromarray(grey)
    ink = np.where(brightest > INK_LEVEL, 255, brightest)
    near = np.asarray(Image.fromarray(coloured.astype(np.uint8) * 255).filter(ImageFilter.MaxFilter(FRINGE))) > 0
    return Image.fromarray(np.where(near, np.maximum(ink, grey), grey).astype(np.uint8))


def _coloured(pixels: np.ndarray) -> np.ndarray:
    """Which pixels (RGB, signed) are coloured ink: channels differing by more than `COLOURED`."""
    return np.asarray(pixels.max(axis=2) - pixels.min(axis=2) > COLOURED)


def read_image(image: Image.Image, page: Page, dpi: int = DPI, soften: float = 0.0) -> None:
    """Replace the page's lines and tables by what Tesseract reads on its rendering (thread-safe);
    `soften` blurs the crops read a second time (see `SOFTEN`)."""
    scale = dpi / 72
    image = deskewed(image)
    grid = find_grid(image)
    cleaned = without_rules(image, grid)
    words = _words(read(cleaned, "--psm 3"), scale)
    reread_numbers(cleaned, words, scale, soften)
    words = reread_values(cleaned, words, scale, soften)
    _repair_words(words)
    page.lines = _lines([w for w in words if not _noise(w["text"], w["conf"])])  # table cells keep theirs
    found, words = tables(grid, words, scale, cleaned, soften)
    page.tables = [_repaired(t) for t in found]
    place_tables(page)
    page.ocr_words = words
    page.ocr_confidence = sum(w["conf"] for w in words) / len(words) if words else 0.0


def _repair_words(words: list[Word]) -> None:
    """Each word repaired on its own, then with its line where a repair needs the whole line
    (a motto, a title) and keeps its words: the header columns are read from the words."""
    for word in words:
        word["text"] = repair_line(word["text"])
    groups: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        groups.setdefault(word["line"], []).append(word)
    for group in groups.values():
        read = " ".join(w["text"] for w in group)
        fixed = repair_line(read).split()
        if len(fixed) == len(group):
            for word, text in zip(group, fixed):
                word["text"] = text


def read_pages(pdf: pdfium.PdfDocument, pages: list[Page], dpi: int = DPI) -> None:
    """Read the pages by OCR, one page a task on as many threads as the machine has OCR slots;
    pages are rendered here, in order, a few ahead of the readers (bounded memory)."""
    started = time.perf_counter()
    workers = min(len(pages), slots())
    with ThreadPoolExecutor(workers) as pool:
        running: list[Future[None]] = []
        for page in pages:
            if len(running) >= 2 * workers:
                running.pop(0).result()
            running.append(pool.submit(read_image, render(pdf, page.number, dpi), page, dpi, softening(pdf, page.number, dpi)))
        for future in running:
            future.result()
    TIMING.seconds += time.perf_counter() - started
    TIMING.pages += len(pages)


def _repaired(table: Table) -> Table:
    """A scanned table with the sure repairs applied to each cell; the rows above the first row
    with a digit in it are its headings."""
    numbered = [any(ch.isdigit() for cell in row for ch in cell) for row in table.rows]
    first = numbered.index(True) if True in numbered else len(numbered)
    return Table(table.box, [tuple(repair_line(cell, k < first) for cell in row) for k, row in enumerate(table.rows)])


def _words(data: dict[str, list[Any]], scale: float) -> list[Word]:
    """Tesseract's recognised words with boxes in points, in its reading order."""
    words = []
    for k, text in enumerate(data["text"]):
        conf = float(data["conf"][k])
        if not text.strip() or conf < 0:
            continue
        x, y, w, h = (data[key][k] / scale for key in ("left", "top", "width", "height"))
        words.append({"text": text.strip(), "x0": x, "x1": x + w, "top": y, "bottom": y + h, "conf": conf,
                      "line": (data["block_num"][k], data["par_num"][k], data["line_num"][k])})
    return words


def _noise(text: str, conf: float) -> bool:
    """Marks Tesseract reads in a signature, a seal's edge or specks, not print: symbols alone
    (no letter or digit) under `SYMBOL_CONF`, or one or two characters under `NOISE_CONF`."""
    return (conf < SYMBOL_CONF and not any(ch.isalnum() for ch in text)) or (len(text) <= 2 and conf < NOISE_CONF)


def _lines(words: list[Word]) -> list[Line]:
    """Words grouped into Tesseract's lines, a line cut where a wide gap parts two columns
    (the `Nơi nhận` | signer footer), and each column of such a block read in turn, as a text
    layer gives it."""
    groups: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        groups.setdefault(word["line"], []).append(word)
    segments = [_segments(group) for group in groups.values()]
    lines: list[Line] = []
    k = 0
    while k < len(segments):
        if len(segments[k]) < 2:
            lines += [_line(part) for part in segments[k]]
            k += 1
            continue
        gutter = (segments[k][0][-1]["x1"] + segments[k][1][0]["x0"]) / 2
        block = []
        while k < len(segments) and not any(p[0]["x0"] < gutter < p[-1]["x1"] for p in segments[k]):
            block += segments[k]
            k += 1
        lines += [_line(p) for p in block if p[0]["x0"] < gutter] + [_line(p) for p in block if p[0]["x0"] >= gutter]
    return lines


def _segments(group: list[Word]) -> list[list[Word]]:
    """A Tesseract line cut at gaps wider than `COLUMN_GAP` points."""
    parts = [[group[0]]]
    for word in group[1:]:
        if word["x0"] - parts[-1][-1]["x1"] > COLUMN_GAP:
            parts.append([])
        parts[-1].append(word)
    return parts


def _line(group: list[Word]) -> Line:
    """Words of one line as a `Line`, its text repaired."""
    top = min(w["top"] for w in group)
    size = max(w["bottom"] for w in group) - top
    text = repair_line(" ".join(w["text"] for w in group))
    return Line(text, min(w["x0"] for w in group), max(w["x1"] for w in group), top + 0.8 * size, size)


def ocr_pages(pdf: pdfium.PdfDocument, pages: list[Page], warnings: list[str], meta: dict[str, Any],
              options: Options = DEFAULTS) -> None:
    """OCR every page that needs it (or say what to install; a scan with OCR turned off is an
    `InputError` that says so); record `ocr_pages`, `ocr_confidence` and the OCR words in `meta`."""
    wanted = [(page, why) for page in pages if (why := needs_ocr(pdf, page))]
    if not wanted:
        return
    if not options.ocr and all(why == "no text" for _, why in wanted) and len(wanted) == len(pages):
        raise InputError("no_text_layer", OCR_OFF)
    if not options.ocr or not available():
        numbers = ", ".join(str(p.number) for p, _ in wanted)
        missing = "OCR is turned off (--no-ocr)" if not options.ocr else f"Tesseract is missing: {INSTALL}"
        warnings.append(f"page(s) {numbers} need OCR ({wanted[0][1]}) but {missing}")
        for page, why in wanted:
            if why != "no text":
                page.lines = []
        return
    use_cache(options.ocr_cache)
    read_pages(pdf, [page for page, _ in wanted], options.ocr_dpi)
    for page, why in wanted:
        if why != "no text":
            warnings.append(f"page {page.number} read by OCR ({why})")
    done = [p for p, _ in wanted]
    meta["ocr_pages"] = len(done)
    meta["ocr_confidence"] = sum(p.ocr_confidence or 0.0 for p in done) / len(done)
    meta["ocr_words"] = [(p.number, w["text"], w["conf"]) for p in done for w in p.ocr_words or []]
