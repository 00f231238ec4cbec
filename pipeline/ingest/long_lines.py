"""Very long lines broken at sentence ends, so that the work per line stays bounded.

Extractors look at the line around each fact (its context, its label, the unit named on it).
That is cheap for the lines people write, and quadratic for a report pasted without a single
line break, where every fact's line is the whole report. A line or paragraph longer than
`LONG_LINE` characters is therefore cut after sentence ends into pieces of at least `PIECE`
characters (or, with no sentence end in sight, at a space after `HARD_CUT`), and the document
says so in a warning. Lines people write are never touched."""

from __future__ import annotations

from dataclasses import replace

from datamodel import RawBlock, RawDocument
from datamodel.sentences import sentence_ends

LONG_LINE = 5000
PIECE = 2000
HARD_CUT = 8000


def _pieces(text: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for end, after in sentence_ends(text):
        while end - start > HARD_CUT:
            start = _hard_cut(text, start, pieces)
        if end - start >= PIECE:
            pieces.append(text[start:end])
            start = after
    while len(text) - start > HARD_CUT:
        start = _hard_cut(text, start, pieces)
    pieces.append(text[start:])
    return [p for p in pieces if p.strip()]


def _hard_cut(text: str, start: int, pieces: list[str]) -> int:
    """Cut at the last space before `HARD_CUT` characters (or right there, without one)."""
    space = text.rfind(" ", start + PIECE, start + HARD_CUT)
    cut = space if space > 0 else start + HARD_CUT
    pieces.append(text[start:cut])
    return cut + (1 if space > 0 else 0)


def break_long_lines(raw: RawDocument) -> RawDocument:
    """`raw` with every line or paragraph block over `LONG_LINE` characters cut in pieces."""
    if all(len(b.text) <= LONG_LINE for b in raw.blocks):
        return raw
    blocks: list[RawBlock] = []
    broken = 0
    for block in raw.blocks:
        if block.kind in ("line", "paragraph") and len(block.text) > LONG_LINE:
            lines = block.text.split("\n")
            for line in lines:
                parts = _pieces(line) if len(line) > LONG_LINE else [line]
                broken += len(parts) > 1
                blocks += [replace(block, text=p, wrapped=None if block.kind == "line" else block.wrapped) for p in parts]
        else:
            blocks.append(block)
    if not broken:
        return raw
    warning = (f"{broken} line(s) longer than {LONG_LINE:,} characters were cut after sentence ends "
               "(a text without line breaks)")
    return replace(raw, blocks=blocks, warnings=[*raw.warnings, warning])
