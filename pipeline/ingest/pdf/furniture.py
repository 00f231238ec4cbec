"""Page furniture and footnotes: running headers and footers repeated on most pages, lone
page numbers, and the small-print lines under a footnote rule are set apart
(`page_header`, `page_footer`, `footnote`) so they do not cut the body's sentences in two."""

from __future__ import annotations

import math
import re
import statistics
from collections import defaultdict

from datamodel import Region
from extractors.vocab import layout
from pipeline.ingest.pdf.page import Box, Line, Page, column_edges

REPEAT_SHARE = 0.6
"""A line repeated at the same place on this share of the pages is a running header/footer."""
PAGE_NUMBER = re.compile(rf"(?i)^(?:{layout.PAGE_LABEL.pattern}\s*)?[-–—]?\s*\d{{1,4}}(?:\s*/\s*\d{{1,4}})?\s*[-–—]?$")
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")


def mark_furniture(pages: list[Page]) -> None:
    """Mark running headers/footers repeated on most pages, then lone page numbers."""
    _mark_repeated(pages)
    for page in pages:
        body = page.body()
        if not body:
            continue
        for line in (min(body, key=lambda x: x.top), max(body, key=lambda x: x.bottom)):
            region = page.in_band(line)
            if region and PAGE_NUMBER.match(line.text):
                line.region = region


def _mark_repeated(pages: list[Page]) -> None:
    """Lines in the margin bands with the same text (digits aside) at about the same height
    on most pages become page headers/footers."""
    if len(pages) < 2:
        return
    seen: dict[tuple[str, int], list[tuple[Line, Region]]] = defaultdict(list)
    for page in pages:
        for line in page.body():
            region = page.in_band(line)
            if region and not TIMESTAMP.search(line.text):
                shape = re.sub(r"\d+", "#", " ".join(line.text.lower().split()))
                seen[(shape, round(line.top / 5))].append((line, region))
    need = max(2, math.ceil(REPEAT_SHARE * len(pages)))
    for hits in seen.values():
        if len(hits) >= need:
            for line, region in hits:
                line.region = region


def mark_footnotes(pages: list[Page]) -> None:
    """Lines below a short rule at the left of the text column, all in a smaller font than
    the body text, become footnotes."""
    sizes = [line.size for page in pages for line in page.body()]
    if not sizes:
        return
    body_size = statistics.median(sizes)
    for page in pages:
        body = page.body()
        if not body:
            continue
        left, right = column_edges(body)
        for rule in sorted(page.rules, key=lambda r: r[1]):
            if _is_footnote_rule(rule, page, left, right) and _take_footnotes(page, rule, body_size):
                break


def _is_footnote_rule(rule: Box, page: Page, left: float, right: float) -> bool:
    """A short flat rule in the lower half of the page that starts at the column's left."""
    length = rule[2] - rule[0]
    return (
        rule[1] > page.height / 2
        and abs(rule[0] - left) <= 8
        and 20 <= length <= 0.5 * (right - left)
        and not any(t.box[1] <= rule[1] <= t.box[3] for t in page.tables)
    )


def _take_footnotes(page: Page, rule: Box, body_size: float) -> bool:
    """Mark the body lines below the rule as footnotes if they are all small."""
    below = [line for line in page.body() if line.top >= rule[3] - 1]
    if not below or any(line.size >= 0.9 * body_size for line in below):
        return False
    for line in below:
        line.region = "footnote"
    return True
