"""The wording around a number, on the matching form: what the naming rules read.

In prose, the label of a number is the clause before it and the noun after it. A number in a
table row is read from the row's cells, the way every ingest backend delivers them
(`Block.cells`): `<row label> <column header>: N`, with the header row as its list head."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from datamodel import Block, Document, Section
from extractors.last_document import remember_last
from extractors.metrics import rules as R
from extractors.metrics.mentions import Mention
from extractors.vocab import counted as N
from extractors.vocab.quantities import TOTAL_ROW

_PARENS = regex.compile(r"\([^()\n]*\)")
_NUMBER_CELL = regex.compile(r"\s*[\d.,]+\s*%?\s*")
_CLAUSE_CUT = regex.compile(r"[,;(]")
_RIGHT_END = regex.compile(r"[,;()]|\.(?!\d)|\d|\bvà\b")
_LIST_NUMBER = regex.compile(r"^[\s*+\-•]*$")
_LIST_ITEM = regex.compile(r"\s*[*+\-•]")
_COLUMN_NUMBER = regex.compile(r"\(?\s*\d+\s*\)?|[a-z]")
_TOTAL_ROW = regex.compile(rf"(?:{TOTAL_ROW})\s*:?")
_UNIT_NAME = R.one(N.UNIT_NAME)


@dataclass
class Context:
    """The wording around a mention.

    `near`: the clause right before the number (after the last comma or bracket, closed
    brackets blanked); `left`: everything since the previous number of the sentence (`raw_left`:
    the same with its brackets); `far`: the sentence up to the number; `scope`: its line up to
    the number (a `;` inside a list cuts sentences, not lists); `head`: the line that opens its
    list, or a table's header row; `right`: the words after the counted noun up to the clause
    end or `và`, brackets blanked (`12 hồ sơ (chiếm 0,8%) xin rút`); `rest`: the sentence after
    the number; `sentence`: the whole sentence from its label; `in_table`: read from table
    cells, where each column names its own status."""

    near: str
    raw_left: str
    far: str
    scope: str
    head: str
    right: str
    rest: str
    sentence: str
    in_table: bool = False

    @property
    def left(self) -> str:
        """`raw_left` with its closed brackets blanked."""
        return blank_parens(self.raw_left)


def section_path(doc: Document, offset: int) -> list[Section]:
    """The sections holding `offset`, outermost first."""
    sec = doc.section_at(offset)
    return sec.path() if sec else []


def blank_parens(text: str) -> str:
    """`text` with closed brackets and their content blanked (same length)."""
    return _PARENS.sub(lambda m: " " * len(m.group(0)), text)


def context(doc: Document, m: Mention, prev_after: int) -> Context:
    """The wording around `m`; `prev_after` ends the previous mention in the same sentence."""
    block = doc.block_at(m.start)
    cell = _cell_context(doc, m, block) if block is not None and block.kind == "table_row" and block.cells else None
    if cell is not None:
        return cell
    sent = doc.sentence_span(m.start, m.end)
    label_start = _label_start(doc, sent.start, m.start)
    begin = max(label_start, prev_after)
    raw_left = doc.match[begin : m.start]
    left = blank_parens(raw_left)
    cuts = list(_CLAUSE_CUT.finditer(left))
    near = left[cuts[-1].end() :] if cuts else left
    after = blank_parens(doc.match[m.after : max(sent.end, m.after)])
    stop = _RIGHT_END.search(after)
    right = after[: stop.start() if stop else len(after)]
    far = blank_parens(doc.match[label_start : m.start])
    line_start = min(doc.line_span(m.start).start, label_start)
    scope = blank_parens(doc.match[line_start : m.start])
    rest = doc.match[m.end : max(sent.end, m.end)]
    return Context(near, raw_left, far, scope, _list_head(doc, line_start), right, rest,
                   doc.match[label_start : sent.end])


def _list_head(doc: Document, line_start: int) -> str:
    """The line ending with `:` that opens the run of list items holding the line at
    `line_start` (`- Số TTHC đang cung cấp: 312, trong đó:` above `+ Toàn trình: 160`), or ""."""
    start = line_start
    while _LIST_ITEM.match(doc.match, start) and start > 0:
        above = doc.line_span(start - 1)
        text = doc.match[above.start : above.end]
        if text.rstrip().endswith(":"):
            return blank_parens(text)
        start = above.start
    return ""


def _label_start(doc: Document, sent_start: int, start: int) -> int:
    """Where the label of the number at `start` begins: its sentence, or the line before when
    the value sits alone on a line under a `Label:` line (PDF line breaks after the colon)."""
    if _LIST_NUMBER.match(doc.match[sent_start:start]) and sent_start > 0:
        prev_line = doc.line_span(sent_start - 1)
        if doc.match[prev_line.start : prev_line.end].rstrip().endswith(":"):
            return prev_line.start
    return sent_start


class _TableHeaders:
    """The header row of each table row of one document, each found once: a document's
    numbers in table cells asked every block of the document for their header before (a
    quarter of the metrics' time on the bench reports), and each row of numbers the rows above it."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.rows: dict[tuple[int, str, int], list[Block]] = {}  # (table, region, width) → rows in order
        for b in doc.blocks:
            if b.kind == "table_row" and b.table is not None and b.row is not None:
                self.rows.setdefault((b.table, b.region, len(b.cells)), []).append(b)
        self.found: dict[tuple[int, str, int, int], Block | None] = {}
        self.worded: dict[int, bool] = {}  # id(block) → its cells are all words

    def header(self, row: Block) -> Block | None:
        """The last row above `row` in its table, of the same width, whose cells are all words
        (a title row spanning the table or a first row of group names is skipped; a row of
        column numbers `(1) | (2)` is no header)."""
        if row.table is None or not row.row:
            return None
        key = (row.table, row.region, len(row.cells), row.row)
        if key not in self.found:
            above = [b for b in self.rows.get(key[:3], ()) if b.row is not None and b.row < row.row]
            self.found[key] = next((b for b in reversed(above) if self._worded(b)), None)
        return self.found[key]

    def _worded(self, block: Block) -> bool:
        if id(block) not in self.worded:
            cells = [self.doc.match[c.start : c.end].strip() for c in block.cells]
            self.worded[id(block)] = not any(_NUMBER_CELL.fullmatch(c) or _COLUMN_NUMBER.fullmatch(c) for c in cells)
        return self.worded[id(block)]


_table_headers = remember_last(_TableHeaders)


def _cell_context(doc: Document, m: Mention, row: Block) -> Context | None:
    """A number that fills a table cell under a header row (`Tổng số TTHC | Toàn trình | ...`
    above `298 | 142 | ...`), read as `<row label> <column header>: N`, with the whole header row
    as its list head and the row's later text cells (a state: `Còn thiếu`) as the words after
    it. A total row's label (`Tổng cộng`) adds nothing; a row labelled by a unit (`Xã An Phú`,
    `Thôn 3`) holds that unit's figures, not the report's own, and gives an empty context.
    None (read as prose) when the number is not alone in its cell or no header names its column."""
    cells = [doc.match[c.start : c.end].strip() for c in row.cells]
    index = next((i for i, c in enumerate(row.cells) if c.start <= m.start < max(c.end, c.start + 1)), None)
    header = _table_headers(doc).header(row)
    if index is None or header is None or not _NUMBER_CELL.fullmatch(cells[index]):
        return None
    heads = [doc.match[c.start : c.end].strip() for c in header.cells]
    column = heads[index]
    if not column or _NUMBER_CELL.fullmatch(column):
        return None
    row_label = [c for c in cells[:index] if not _NUMBER_CELL.fullmatch(c) and not _TOTAL_ROW.fullmatch(c)]
    if any(_UNIT_NAME.match(c) for c in row_label):
        return Context("", "", "", "", "", "", "", "", in_table=True)
    near = " ".join([*row_label, column]) + ": "
    right = " ".join(c for c in cells[index + 1 :] if not _NUMBER_CELL.fullmatch(c))
    return Context(near, near, near, near, " | ".join(heads), right, "", near + cells[index], in_table=True)
