"""Checking that a rendition lost no word of its seed (markup aside)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pypdfium2
from docx import Document
from docx.oxml.ns import qn

from samples.docx_base import SPEC_FIXED_COLUMNS
from samples.seed import (
    BOOKMARK,
    Report,
    SpecTable,
)
from samples.spec_table import spec_columns


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", unicodedata.normalize("NFC", text)))


def docx_text(path: Path) -> str:
    body = Document(str(path)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))


def pdf_text(path: Path) -> str:
    pdf = pypdfium2.PdfDocument(str(path))
    return "\n".join(page.get_textpage().get_text_range() for page in pdf)


def expected_words(seed_text: str, report: Report) -> Counter[str]:
    """The seed's words, markup aside, less the spec keys a table's header row names once
    instead of once per machine."""
    expected = words(seed_text.replace(BOOKMARK, ""))
    for table in (block for block in report.body if isinstance(block, SpecTable)):
        for key in spec_columns(table)[len(SPEC_FIXED_COLUMNS) :]:
            repeats = sum(key in machine.specs for machine in table.machines) - 1
            expected -= Counter({word: n * repeats for word, n in words(key).items()})
    return expected


def check(expected: Counter[str], rendition: Path, text: str) -> bool:
    missing = expected - words(text)
    if missing:
        print(f"  {rendition.name}: MISSING {dict(missing)}")
    return not missing
