"""Second readings of what the page reading left empty or doubtful: a table cell, a number.

Read as a whole page, Tesseract drops short words in narrow cells (`8 GB` over `DDR4`, a row
number) and misreads some (`55D` for `SSD`): its page layout analysis takes them for noise
next to the rules. Cropped to the cell (rules already whitened), enlarged and read as one block
of text (`--psm 6`), they come out. A figure wrapped alone to the line under its label
(`... kỳ báo cáo):` / `0`) is left out of the page reading as a speck would be: ink that no
word covers right under a line ending in `:` is read again alone (`--psm 7`) and kept only as
a figure read with confidence `VALUE_CONF`. A number read with a doubtful confidence (a year `2028` for
`2025`) is read again alone as one line (`--psm 7`). Each second reading costs about 0.3 s, so
only empty cells and cells or numbers with a word under `DOUBTFUL` confidence are read again,
and the second reading is kept only when it is more confident than the first (a number: and
keeps its shape: no digit read as a letter)."""

from __future__ import annotations

import re

import numpy as np
from PIL import Image, ImageFilter

from pipeline.ingest.pdf.ocr_engine import read
from pipeline.ingest.pdf.ocr_repair import repair_line
from pipeline.ingest.pdf.page import Word

DOUBTFUL = 60.0
"""A cell with a word under this Tesseract confidence (0-100) is read again."""
DOUBTFUL_NUMBER = 90.0
"""A word with a digit under this confidence is read again (page readings of clean numbers score 93-96)."""
ENLARGE = 2
"""Crops are read at this multiple of the page rendering (small print reads better larger)."""
INSET = 6
"""Pixels cut from each side of a cell (what is left of its rules)."""
PAD = 4
"""Pixels added round a word's box."""
MARGIN = 20
"""White pixels put around a crop (Tesseract wants a margin round the text)."""
DARK = 128
"""A crop without a pixel darker than this is empty."""
VALUE_CONF = 90.0
"""A figure found alone under a line ending in `:` is kept only when read at this confidence or above."""
_FIGURE = re.compile(r"\d+(?:[.,]\d+)?%?")


def _framed(image: Image.Image, box: tuple[int, int, int, int], soften: float = 0.0) -> Image.Image | None:
    """The box cut out, blurred by `soften` (a low-resolution scan), enlarged and framed in
    white; None when it holds no dark pixel."""
    crop = image.crop(box)
    if crop.width < 2 or crop.height < 2 or int(np.asarray(crop).min()) >= DARK:
        return None
    if soften:
        crop = crop.filter(ImageFilter.GaussianBlur(soften))
    crop = crop.resize((crop.width * ENLARGE, crop.height * ENLARGE), Image.Resampling.LANCZOS)
    framed = Image.new("L", (crop.width + 2 * MARGIN, crop.height + 2 * MARGIN), 255)
    framed.paste(crop, (MARGIN, MARGIN))
    return framed


def _found(image: Image.Image, config: str) -> list[Word]:
    """The words Tesseract reads on a crop, with their confidences and boxes (crop pixels)."""
    data = read(image, config)
    return [{"text": str(t).strip(), "conf": float(c), "x0": x, "x1": x + w, "top": y, "bottom": y + h}
            for t, c, x, y, w, h in zip(data["text"], data["conf"], data["left"], data["top"], data["width"], data["height"])
            if str(t).strip() and float(c) >= 0]


def cell_text(image: Image.Image, words: list[Word], box: tuple[int, int, int, int], scale: float,
              soften: float = 0.0) -> tuple[str, list[Word]]:
    """The cell's text and the words it was read from: its words from the page reading, or a
    second reading of the cell alone where that reading was empty or doubtful and the second
    one is better (then its words, with their own confidences and their boxes on the page, in
    points: the evidence of a fact read from the cell carries them)."""
    first = " ".join(w["text"] for w in words)
    if words and min(w["conf"] for w in words) >= DOUBTFUL:
        return first, words
    left, top = box[0] + INSET, box[1] + INSET
    framed = _framed(image, (left, top, box[2] - INSET, box[3] - INSET), soften)
    found = _found(framed, "--psm 6") if framed is not None else []
    if not found:
        return first, words
    before = sum(w["conf"] for w in words) / len(words) if words else 0.0
    after = sum(w["conf"] for w in found) / len(found)
    if after <= before:
        return first, words
    for word in found:  # crop pixels (enlarged, framed) to page points
        for key, origin in (("x0", left), ("x1", left), ("top", top), ("bottom", top)):
            word[key] = (origin + (word[key] - MARGIN) / ENLARGE) / scale
        word["line"] = words[0]["line"] if words else ("cell", box[0], box[1])
        word["text"] = repair_line(word["text"])  # as the page's words are
    return " ".join(w["text"] for w in found), found


def reread_numbers(image: Image.Image, words: list[Word], scale: float, soften: float = 0.0) -> None:
    """Read again, alone, each word with a digit whose confidence is doubtful; keep the second
    reading where it is more confident and has the same shape."""
    for word in words:
        if word["conf"] >= DOUBTFUL_NUMBER or not any(ch.isdigit() for ch in word["text"]):
            continue
        box = (int(word["x0"] * scale) - PAD, int(word["top"] * scale) - PAD,
               int(word["x1"] * scale) + PAD, int(word["bottom"] * scale) + PAD)
        framed = _framed(image, box, soften)
        found = _found(framed, "--psm 7") if framed is not None else []
        if len(found) == 1 and found[0]["conf"] > word["conf"] and _same_shape(found[0]["text"], word["text"]):
            word["text"], word["conf"] = found[0]["text"], found[0]["conf"]


def _same_shape(new: str, old: str) -> bool:
    """Same length, the same punctuation at the same places, a digit still a digit: only digits,
    or letters (a letter may become a digit), differ."""
    return len(new) == len(old) and all(a == b or (b.isdigit() and a.isdigit()) or (b.isalpha() and a.isalnum())
                                        for a, b in zip(new, old))


def reread_values(image: Image.Image, words: list[Word], scale: float, soften: float = 0.0) -> list[Word]:
    """The words with, after each line ending in `:`, the figure the page reading dropped on the
    line under it: the leftmost ink there that no word covers, read again alone (see `VALUE_CONF`)."""
    dark = np.asarray(image) < DARK
    covered = np.zeros_like(dark)
    for word in words:
        covered[max(int(word["top"] * scale) - PAD, 0):int(word["bottom"] * scale) + PAD,
                max(int(word["x0"] * scale) - PAD, 0):int(word["x1"] * scale) + PAD] = True
    left = int(min((w["x0"] for w in words), default=0) * scale)
    out: list[Word] = []
    for k, word in enumerate(words):
        out.append(word)
        if word["text"].endswith(":") and (k + 1 == len(words) or words[k + 1]["line"] != word["line"]):
            out += _value_under(image, dark & ~covered, word, left, scale, soften)
    return out


def _value_under(image: Image.Image, ink: np.ndarray, label: Word, left: int, scale: float, soften: float) -> list[Word]:
    """The figure read alone from the leftmost uncovered ink of the line under `label` (one
    word, a text line's height, a few characters wide), or none."""
    height = int((label["bottom"] - label["top"]) * scale)
    top, bottom = int(label["bottom"] * scale) + 1, int(label["bottom"] * scale) + int(1.5 * height)
    band = ink[top:bottom, max(left - height, 0):int(label["x1"] * scale)]
    columns = np.flatnonzero(band.any(axis=0))
    if not columns.size:
        return []
    gaps = np.flatnonzero(np.diff(columns) > height)
    columns = columns[:gaps[0] + 1] if gaps.size else columns
    rows = np.flatnonzero(band[:, columns[0]:columns[-1] + 1].any(axis=1))
    x0, x1 = max(left - height, 0) + int(columns[0]), max(left - height, 0) + int(columns[-1]) + 1
    y0, y1 = top + int(rows[0]), top + int(rows[-1]) + 1
    if not 0.4 * height <= y1 - y0 <= 1.5 * height or x1 - x0 > 4 * height:
        return []
    framed = _framed(image, (max(x0 - PAD, 0), max(y0 - PAD, 0), x1 + PAD, y1 + PAD), soften)
    found = _found(framed, "--psm 7") if framed is not None else []
    if len(found) != 1 or found[0]["conf"] < VALUE_CONF or not _FIGURE.fullmatch(found[0]["text"]):
        return []
    return [{"text": found[0]["text"], "conf": found[0]["conf"], "x0": x0 / scale, "x1": x1 / scale,
             "top": y0 / scale, "bottom": y1 / scale, "line": ("value", *label["line"])}]
