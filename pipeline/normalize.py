"""From a backend's `RawDocument` to one normalised text with blocks and a page map.

Body blocks come first, in reading order; page furniture and footnotes (kept apart by the
backends) follow after the body, so a sentence that runs across a page break can be rejoined
and still every character keeps its page. Runs of physical lines are rejoined into
paragraphs (`pipeline.reflow`); table rows keep their cells as spans, joined by ` | `.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from datamodel import CELL_SEPARATOR, Block, RawBlock, RawDocument, Span
from pipeline.reflow import Line, reflow
from pipeline.textforms import clean, fold

_AFTER_BODY = ("footnote", "page_header", "page_footer")


@dataclass
class NormalText:
    """The normalised text of a document, its matching form, blocks and page map."""

    text: str
    match: str
    blocks: list[Block]
    page_starts: list[tuple[int, int]] = field(default_factory=list)


class _Builder:
    """Appends pieces of text, recording blocks and where the page changes."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []
        self.page_starts: list[tuple[int, int]] = []

    def _put(self, piece: str, page: int | None) -> None:
        if page is not None and (not self.page_starts or self.page_starts[-1][1] != page):
            self.page_starts.append((self.length, page))
        self.parts.append(piece)
        self.length += len(piece)

    def _newline(self) -> None:
        if self.length:
            self._put("\n", None)

    def add_paragraph(self, pieces: list[tuple[str, int | None]], joins: list[str], raw: RawBlock) -> None:
        """`_put` of each piece and join, written out: paragraphs make most of a document's calls."""
        self._newline()
        start = length = self.length
        parts, pages = self.parts, self.page_starts
        for i, (piece, page) in enumerate(pieces):
            if i:
                parts.append(joins[i - 1])
                length += len(joins[i - 1])
            if page is not None and (not pages or pages[-1][1] != page):
                pages.append((length, page))
            parts.append(piece)
            length += len(piece)
        self.length = length
        self._block(raw, start, pieces[0][1])

    def add_text(self, text: str, raw: RawBlock) -> None:
        """`add_paragraph` of one piece on the block's page: a DOCX paragraph or cell."""
        self._newline()
        start = self.length
        self._put(text, raw.page)
        self._block(raw, start, raw.page)

    def _block(self, raw: RawBlock, start: int, page: int | None) -> None:
        """The block of `raw`, from `start` to what has been written (a line is a paragraph)."""
        kind = "paragraph" if raw.kind == "line" else raw.kind
        self.blocks.append(Block(kind, raw.region, start, self.length, page, raw.table, raw.row))

    def add_row(self, raw: RawBlock) -> None:
        self._newline()
        start = self.length
        spans: list[Span] = []
        for i, cell in enumerate(clean(c).replace("\n", " ").strip() for c in raw.cells or ()):
            if i:
                self._put(CELL_SEPARATOR, None)
            spans.append(Span(self.length, self.length + len(cell)))
            self._put(cell, raw.page)
        if not spans:
            self._put("", raw.page)
        self.blocks.append(Block("table_row", raw.region, start, self.length, raw.page, raw.table, raw.row, tuple(spans)))

    def text(self) -> str:
        return "".join(self.parts)


def _clean_lines(text: str) -> list[str]:
    return [ln.strip() for ln in clean(text).split("\n")]


def _run_lines(run: list[RawBlock]) -> list[Line]:
    """The cleaned lines of a run of `line` blocks, each with its block's page and wrap hint.
    The run is cleaned as one text (one `clean` instead of one per line, which was a fifth of
    normalising a TXT) unless something in it could reach across a line break: a carriage
    return (`\r\n` is one break) or a bookmark artefact (its pattern spans lines). Nothing
    else `clean` does adds, removes or crosses a `\n`, so each block keeps its own lines."""
    joined = "\n".join(b.text for b in run)
    if "\r" in joined or "[bookmark:" in joined:
        return [Line(t, b.page, b.wrapped) for b in run for t in _clean_lines(b.text)]
    cleaned = _clean_lines(joined)
    if len(cleaned) == len(run):  # no block holds a line break: a line each (TXT lines, PDF lines)
        return [Line(t, b.page, b.wrapped) for t, b in zip(cleaned, run)]
    lines: list[Line] = []
    for b in run:
        count = b.text.count("\n") + 1
        lines += [Line(t, b.page, b.wrapped) for t in cleaned[len(lines):len(lines) + count]]
    return lines


def _runs(blocks: list[RawBlock]) -> list[list[RawBlock]]:
    """Consecutive `line` blocks of one region form a run to reflow; others stand alone."""
    runs: list[list[RawBlock]] = []
    for b in blocks:
        if b.kind == "line" and runs and runs[-1][-1].kind == "line" and runs[-1][-1].region == b.region:
            runs[-1].append(b)
        else:
            runs.append([b])
    return runs


def normalize(raw: RawDocument) -> NormalText:
    """Assemble the normalised text: NFC, cleaned, lines rejoined, body first."""
    ordered = [b for b in raw.blocks if b.region not in _AFTER_BODY]
    ordered += [b for b in raw.blocks if b.region in _AFTER_BODY]
    out = _Builder()
    for run in _runs(ordered):
        first = run[0]
        if first.kind == "table_row":
            out.add_row(first)
        elif first.kind == "line":
            for para in reflow(_run_lines(run)):
                out.add_paragraph(para.pieces, para.joins, first)
        else:  # paragraph or cell: keep its own line breaks, drop blank lines
            kept = [ln for ln in _clean_lines(first.text) if ln]
            if kept:
                out.add_text("\n".join(kept), first)
    text = out.text()
    return NormalText(text, fold(text), out.blocks, out.page_starts)
