"""The OCR confidence of each fact's evidence: the mean Tesseract word confidence (0-100) of
the OCR words inside the fact's evidence sentence, so an analyst can sort out the numbers read
from a poor scan. Facts read from a text layer get none.

OCR words are placed in their page's part of the normalised text in reading order: each is
looked up a little after the previous one, and anywhere on its page when normalisation moved it
(a header cell, page furniture)."""

from __future__ import annotations

import bisect
import unicodedata

from datamodel import Document

WINDOW = 400
"""How far after the previous word the next one is looked for first (characters)."""


def _page_ranges(doc: Document) -> dict[int, list[tuple[int, int]]]:
    """Where each page's text lies in the normalised text (a page may have several runs)."""
    ranges: dict[int, list[tuple[int, int]]] = {}
    bounds = [*doc.page_starts, (len(doc.text), -1)]
    for (start, page), (end, _) in zip(bounds, bounds[1:]):
        ranges.setdefault(page, []).append((start, end))
    return ranges


def word_spans(doc: Document) -> list[tuple[int, int, float]]:
    """(start, end, confidence) of the document's OCR words found in the text of their page, by start."""
    ranges = _page_ranges(doc)
    spans: list[tuple[int, int, float]] = []
    cursor = 0
    for page, text, conf in doc.meta.get("ocr_words", []):
        word = unicodedata.normalize("NFC", text)
        for start, end in ranges.get(page, []):
            near = doc.text.find(word, max(cursor, start), min(end, max(cursor, start) + WINDOW + len(word)))
            at = near if near >= 0 else doc.text.find(word, start, end)
            if at >= 0:
                spans.append((at, at + len(word), float(conf)))
                cursor = at + len(word)
                break
    return sorted(spans)


def annotate(facts: dict[str, list[dict]], doc: Document) -> None:
    """Set `ocr_confidence` on every fact row with evidence offsets, where OCR words lie in them."""
    spans = word_spans(doc)
    if not spans:
        return
    starts = [s for s, _, _ in spans]
    for rows in facts.values():
        for row in rows:
            start, end = row.get("char_start"), row.get("char_end")
            if start is None or end is None:
                continue
            inside = [c for s, e, c in spans[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)] if e <= end]
            if inside:
                row["ocr_confidence"] = round(sum(inside) / len(inside), 1)
