"""The wording around a number, on the matching form: what the naming rules read.

In prose, the label of a number is the clause before it and the noun after it. A number in a
table row is read from the row's cells, the way every ingest backend delivers them
(`Block.cells`): `<row label> <column header>: N`, with the header row as its list head."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

import regex

from datamodel import Block, Document, Section, Span
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
_PARTS = ("near", "raw_left", "far", "scope", "head", "right", "rest", "sentence")


T = TypeVar("T")


class _read_once(Generic[T]):  # noqa: N801 (used as a decorator, like `cached_property`)
    """`functools.cached_property` without its lock (Python 3.11 takes one at each first read:
    0.5 to 0.9 µs against 0.2 here, for parts that cost about as much to read): the value is
    kept in the instance, which then answers every later read as a plain attribute."""

    def __init__(self, fn: Callable[..., T]) -> None:
        self.fn, self.name = fn, fn.__name__

    def __get__(self, obj: object, owner: type | None = None) -> T:
        value = self.fn(obj)
        obj.__dict__[self.name] = value
        return value


class Context:
    """The wording around a mention.

    `near`: the clause right before the number (after the last comma or bracket, closed
    brackets blanked); `left`: everything since the previous number of the sentence (`raw_left`:
    the same with its brackets); `far`: the sentence up to the number; `scope`: its line up to
    the number (a `;` inside a list cuts sentences, not lists); `head`: the line that opens its
    list, or a table's header row; `right`: the words after the counted noun up to the clause
    end or `và`, brackets blanked (`12 hồ sơ (chiếm 0,8%) xin rút`); `rest`: the sentence after
    the number; `sentence`: the whole sentence from its label; `in_table`: read from table
    cells, where each column names its own status.

    In prose each part is read the first time a rule asks for it: many numbers are settled by
    `near` and `right` alone (no noun, or a comparison), and the list head, scope and sentence
    of every number were read before whether a rule asked or not. A table cell's parts are
    given (`cells`)."""

    def __init__(self, doc: Document, m: Mention, prev_after: int, cells: dict[str, str] | None = None) -> None:
        self._doc, self._m, self._prev_after = doc, m, prev_after
        self.in_table = cells is not None
        if cells is not None:
            self.__dict__.update(cells)  # `_read_once` parts read the instance's value first

    @_read_once
    def _sent(self) -> Span:
        return self._doc.sentence_span(self._m.start, self._m.end)

    @_read_once
    def _label_from(self) -> int:
        return _label_start(self._doc, self._sent.start, self._m.start)

    @_read_once
    def _line_from(self) -> int:
        return min(self._doc.line_span(self._m.start).start, self._label_from)

    @_read_once
    def raw_left(self) -> str:
        return self._doc.match[max(self._label_from, self._prev_after) : self._m.start]

    @_read_once
    def left(self) -> str:
        """`raw_left` with its closed brackets blanked."""
        return blank_parens(self.raw_left)

    @_read_once
    def near(self) -> str:
        cuts = list(_CLAUSE_CUT.finditer(self.left))
        return self.left[cuts[-1].end() :] if cuts else self.left

    @_read_once
    def right(self) -> str:
        m = self._m
        after = blank_parens(self._doc.match[m.after : max(self._sent.end, m.after)])
        stop = _RIGHT_END.search(after)
        return after[: stop.start() if stop else len(after)]

    @_read_once
    def far(self) -> str:
        return blank_parens(self._doc.match[self._label_from : self._m.start])

    @_read_once
    def scope(self) -> str:
        return blank_parens(self._doc.match[self._line_from : self._m.start])

    @_read_once
    def head(self) -> str:
        return _list_head(self._doc, self._line_from)

    @_read_once
    def rest(self) -> str:
        return self._doc.match[self._m.end : max(self._sent.end, self._m.end)]

    @_read_once
    def sentence(self) -> str:
        return self._doc.match[self._label_from : self._sent.end]


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
    cell = _cell_context(doc, m, prev_after, block) if block is not None and block.kind == "table_row" and block.cells else None
    return cell if cell is not None else Context(doc, m, prev_after)


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


def _cell_context(doc: Document, m: Mention, prev_after: int, row: Block) -> Context | None:
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
        return Context(doc, m, prev_after, dict.fromkeys(_PARTS, ""))
    near = " ".join([*row_label, column]) + ": "
    right = " ".join(c for c in cells[index + 1 :] if not _NUMBER_CELL.fullmatch(c))
    parts = (near, near, near, near, " | ".join(heads), right, "", near + cells[index])
    return Context(doc, m, prev_after, dict(zip(_PARTS, parts)))
