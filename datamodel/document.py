"""The data model every stage shares, kept apart from the stages themselves.

Ingest backends produce a `RawDocument` (blocks of text in reading order, with page and
region); normalisation turns it into one NFC string with `Block` offsets; segmentation adds
zones (header, title, recipients, signer ...) and the numbered `Section` tree, giving a
`Document`. Extractors see only a `Document` and return plain row dicts built with
`Document.fact`, so every row carries the evidence that ties it to the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from datamodel.header import Header

Region = Literal["body", "header", "footnote", "page_header", "page_footer"]
"""Where a block sits on the page: the running body, the document's header table, a
footnote, or the repeated page furniture that is kept apart from the body."""

BlockKind = Literal["line", "paragraph", "table_row", "cell"]
"""`line`: a physical line (PDF, TXT) that normalisation may rejoin into a paragraph;
`paragraph`: a logical paragraph (DOCX); `table_row`: one row of a data table, cells kept;
`cell`: one cell of a layout table read as a block of its own (the two-column header)."""

CELL_SEPARATOR = " | "
"""Between the cells of a `table_row` block's text (the cells themselves stay in `cells`)."""


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) in a document's normalised text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass
class RawBlock:
    """One unit of text as a backend reads it, before normalisation.

    `cells` is set for table rows (one string per cell, merged cells once); `wrapped` is a
    backend's hint that a physical line runs to the right margin, so the next line likely
    continues the same sentence (None when the backend cannot tell)."""

    text: str
    kind: BlockKind = "paragraph"
    page: int | None = None
    region: Region = "body"
    table: int | None = None
    row: int | None = None
    cells: tuple[str, ...] | None = None
    wrapped: bool | None = None


@dataclass
class RawDocument:
    """What an ingest backend returns: blocks in reading order plus what it noticed."""

    source_format: str
    blocks: list[RawBlock]
    page_count: int | None = None
    warnings: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Block:
    """A block of the normalised text: its kind, region, page and offsets.

    `cells` holds the spans of a table row's cells, in order, so table-aware extractors can
    read a row without re-parsing the separator."""

    kind: BlockKind
    region: Region
    start: int
    end: int
    page: int | None = None
    table: int | None = None
    row: int | None = None
    cells: tuple[Span, ...] = ()


@dataclass
class Section:
    """A numbered section (`2.`, `2.1.`, `I.`) of the report body.

    `start` is the start of the heading line, `heading_end` its end (title included) and `end`
    the end of the section's content, children included. `topic` is the canonical theme read
    from the title (`legal`, `infrastructure`, `resources`, `tthc`, `assessment`, ...) or None."""

    number: str | None
    level: int
    title: str
    start: int
    heading_end: int
    end: int
    topic: str | None = None
    parent: Section | None = field(default=None, repr=False, compare=False)
    children: list[Section] = field(default_factory=list, repr=False, compare=False)

    @property
    def body(self) -> Span:
        """The section's content after its heading line."""
        return Span(self.heading_end, self.end)

    def path(self) -> list[Section]:
        """This section and its ancestors, outermost first."""
        chain: list[Section] = []
        node: Section | None = self
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain[::-1]

    def topics(self) -> list[str]:
        """Topics of this section and its ancestors, innermost first."""
        return [s.topic for s in reversed(self.path()) if s.topic]


@dataclass
class Document:
    """A normalised, segmented report: the only thing an extractor ever sees.

    `text` is NFC and is the string every offset points into (it is written to the `texts`
    table). `match` has the same length and folds case, tone-mark placement (`uỷ`/`ủy`),
    dashes and odd spaces, so a pattern can be matched on `match` and its offsets used on
    `text`. `zones` maps a zone name (see `pipeline.segment.ZONES`) to its spans."""

    doc_id: str
    source_path: str
    source_format: str
    text: str
    match: str
    blocks: list[Block]
    page_starts: list[tuple[int, int]] = field(default_factory=list)
    zones: dict[str, list[Span]] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    header: Header = field(default_factory=lambda: Header())
    page_count: int | None = None
    warnings: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    # --- positions -------------------------------------------------------------------
    @cached_property
    def _page_offsets(self) -> list[int]:
        return [s for s, _ in self.page_starts]

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding `offset`, or None for formats without pages."""
        if not self.page_starts:
            return None
        i = bisect.bisect_right(self._page_offsets, offset) - 1
        return self.page_starts[max(i, 0)][1]

    def block_at(self, offset: int) -> Block | None:
        """The block containing `offset` (None between blocks)."""
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < max(self.blocks[i].end, self.blocks[i].start + 1):
            return self.blocks[i]
        return None

    @cached_property
    def _newlines(self) -> list[int]:
        return [m.start() for m in re.finditer("\n", self.text)]

    @cached_property
    def _lines(self) -> list[Span | None]:
        """Line i (from just after newline i - 1 to newline i, the last line to the end), made
        the first time it is asked for: most lines are asked for many times, some never."""
        return [None] * (len(self._newlines) + 1)

    @cached_property
    def _sentences(self):
        from datamodel.sentences import SentenceIndex  # local: loads regex only when evidence is cut

        return SentenceIndex(self.text)

    @cached_property
    def _sentence_spans(self) -> dict[tuple[int, int], Span]:
        """Sentences already asked for, by (start, end): extractors ask again for the same
        mention (a row's evidence, then its context), about one call in four."""
        return {}

    def line_span(self, offset: int) -> Span:
        """The line (text between newlines) holding `offset` (binary search: a document of
        one very long line costs no more per call than one of many lines)."""
        i = bisect.bisect_left(self._newlines, offset)
        line = self._lines[i]
        if line is None:
            line = self._lines[i] = Span(self._newlines[i - 1] + 1 if i else 0,
                                         self._newlines[i] if i < len(self._newlines) else len(self.text))
        return line

    def line_spans(self, start: int, end: int) -> list[Span]:
        """The lines from the one holding `start` to the last one starting before `end`:
        `line_span(start)`, then `line_span` of each next line's start, with one bisection."""
        newlines, lines, out = self._newlines, self._lines, []
        i = bisect.bisect_left(newlines, start)
        pos = start
        while pos < end:
            line = lines[i]
            if line is None:
                line = lines[i] = Span(newlines[i - 1] + 1 if i else 0, newlines[i] if i < len(newlines) else len(self.text))
            out.append(line)
            pos, i = line.end + 1, i + 1
        return out

    def sentence_span(self, start: int, end: int | None = None) -> Span:
        """The sentence around [start, end): the enclosing line cut at sentence ends
        (`. `, `; `, `! `, `? ` before an upper-case letter, digit or list marker)."""
        end = start if end is None else end
        found = self._sentence_spans.get((start, end))
        if found is None:
            found = self._sentence_spans[(start, end)] = Span(*self._sentence_bounds(start, end))
        return found

    def _sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """`sentence_span(start, end)` as a pair, cut afresh: the lines holding the span, then
        the sentence inside them."""
        newlines = self._newlines
        first = bisect.bisect_left(newlines, start)
        last_offset = max(end - 1, start)
        last = first if first == len(newlines) or last_offset <= newlines[first] else bisect.bisect_left(newlines, last_offset)
        line_start = newlines[first - 1] + 1 if first else 0
        line_end = newlines[last] if last < len(newlines) else len(self.text)
        return self._sentences.bounds(line_start, line_end, start, end)

    def section_at(self, offset: int) -> Section | None:
        """The innermost section whose range holds `offset`."""
        best: Section | None = None
        for sec in self.sections:
            if sec.start <= offset < sec.end and (best is None or sec.level >= best.level):
                best = sec
        return best

    def zone(self, name: str) -> list[Span]:
        """The spans of a zone (empty when the report has none)."""
        return self.zones.get(name, [])

    @cached_property
    def _zone_cuts(self) -> tuple[list[int], list[str | None]]:
        """Every zone span's start and end, sorted, and the zone holding each stretch between
        two of them: the first zone in `zones` order whose spans cover it, as `zone_at` scans."""
        cuts = sorted({p for spans in self.zones.values() for s in spans for p in (s.start, s.end)})
        index = {p: i for i, p in enumerate(cuts)}
        names: list[str | None] = [None] * len(cuts)
        for name, spans in reversed(self.zones.items()):  # earlier zones painted last win
            for s in spans:
                names[index[s.start] : index[s.end]] = [name] * (index[s.end] - index[s.start])
        return cuts, names

    def zone_at(self, offset: int) -> str | None:
        """The name of the zone holding `offset`, if any (a bisection over the zone cuts)."""
        cuts, names = self._zone_cuts
        i = bisect.bisect_right(cuts, offset) - 1
        return names[i] if i >= 0 else None

    def slice(self, span: Span) -> str:
        """The text of a span."""
        return self.text[span.start : span.end]

    # --- rows ------------------------------------------------------------------------
    def fact(self, start: int, end: int, **fields: Any) -> dict[str, Any]:
        """A fact row with its evidence (`facts` for one row, which lays the row out).

        `span_start`/`span_end` delimit the mention itself; `char_start`/`char_end` delimit
        the evidence sentence that contains it, so `text[char_start:char_end] == evidence`."""
        return self.facts(((start, end, fields),))[0]

    def facts(self, found: Iterable[tuple[int, int, Mapping[str, Any]]]) -> list[dict[str, Any]]:
        """The fact row of each (start, end, fields) of `found`: the fields between the document's
        id and the row's evidence. One call for many rows of a document (entities, findings: ~70
        and ~20 a report) costs about half of a call per row, and no `Span` is made for a
        sentence asked about once (the kept ones are still read)."""
        doc_id, text, kept, bounds, page_at = self.doc_id, self.text, self._sentence_spans, self._sentence_bounds, self.page_at
        rows = []
        for start, end, fields in found:
            sent = kept.get((start, end))
            s, e = bounds(start, end) if sent is None else (sent.start, sent.end)
            rows.append({"doc_id": doc_id, **fields, "page": page_at(start), "char_start": s, "char_end": e,
                         "span_start": start, "span_end": end, "evidence": text[s:e],
                         "ocr_confidence": None})  # set by the run for evidence read by OCR (pipeline.ocr_evidence)
        return rows
