"""Where a report's assessment parts are: sections whose heading names a kind of finding,
labelled lines (`- Một số khó khăn, vướng mắc: ...`), sentences that announce a list (`... còn
một số hạn chế sau:`), and the addressee a group of requests shares (`Đối với UBND tỉnh:`).

`extractors.findings` cuts the parts into sentences; this module only says where each part
starts and ends, what kind its sentences are, and whom its requests address."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from datamodel import Document, Section, Span
from extractors.fast_regex import fast_compiled
from extractors.vocab.findings import (
    ADDRESSEE_HEAD,
    ADDRESSEE_LABEL,
    ASSESSMENT,
    INTRO_END,
    LABEL_LEAD,
    PART_KINDS,
    PART_STOP,
    PART_TITLE,
    TOPIC_LEAD,
    WEAK_STRENGTH,
)

_NUMBERING = r"(?:(?:\d+\.)+\d*|[ivxlc]+\.|[a-zđ]\)|\(?\d{1,2}\)|\([a-zđ]\))\s+"
_MARKER = r"[-+*•]\s*"
_KIND_GROUPS = "|".join(f"(?P<k{i}>{p.pattern})" for i, p in enumerate(PART_KINDS))
LABEL = fast_compiled(
    rf"(?:{_MARKER})?(?:{_NUMBERING})?(?:{LABEL_LEAD.pattern})?(?:{_KIND_GROUPS})[^:\n]{{0,80}}:[ \t]*"
)
"""A line that starts by naming a part (`- Hạn chế:`, `2.4. Khó khăn: ...`)."""
LEAD_MARK = fast_compiled(rf"(?:{_MARKER}|{_NUMBERING})+(?:{TOPIC_LEAD.pattern})?|{TOPIC_LEAD.pattern}")
"""List markers, numbers and a topic label (`- Về hạ tầng:`) before an item's own words."""
_HEADING_KIND = fast_compiled(rf"(?:{_KIND_GROUPS})")
_STOP = fast_compiled(PART_STOP.pattern)
_INTRO_END = fast_compiled(INTRO_END.pattern)
_WEAK_STRENGTH = fast_compiled(WEAK_STRENGTH.pattern)
_ASSESSMENT = fast_compiled(ASSESSMENT.pattern)
_TO_BODY = fast_compiled(rf"(?:{_MARKER})?(?:{_NUMBERING})?{ADDRESSEE_LABEL.pattern}(?={ADDRESSEE_HEAD.pattern})")
_JOINED_KINDS = fast_compiled(r"[\s,]*(?:và\s*)?")
_BULLET_LINE = fast_compiled(rf"(?:-|{_NUMBERING})")
_BARE_LEAD = fast_compiled(rf"(?:{_MARKER})?(?:\*\*)?(?:{_NUMBERING})?(?:\*\*)?(?:{LABEL_LEAD.pattern})?")
_BARE_WIDTH = 60
"""At most this many characters after a bare label's marker: a longer line is a sentence."""
_BARE_TAIL = fast_compiled(rf"[^:.;!?|]{{0,{_BARE_WIDTH}}}")
_SUB_BULLET = fast_compiled(r"[+*•]")
_NAMED_FIRST = fast_compiled(
    rf"(?:{_MARKER})?(?:\*\*)?(?:{_NUMBERING})?(?:\*\*)?(?:{LABEL_LEAD.pattern})?(?:{LABEL_LEAD.pattern})?(?:{_KIND_GROUPS})"
)
"""A kind named first on a line, after any marker, number and `một số`: what both a label (`LABEL`)
and a bare label (`_bare`) start with, so a line without it is neither."""
_PART_TITLE = fast_compiled(PART_TITLE.pattern)
_LABEL_LEAD = fast_compiled(LABEL_LEAD.pattern)


@dataclass(frozen=True)
class Part:
    """A stretch of text whose sentences are all findings of one kind (and, for requests
    grouped under `Đối với UBND tỉnh:`, one addressee)."""

    start: int
    end: int
    kind: str
    label_start: int | None = None  # where the label line starts, for a labelled part
    addressee: str | None = None


def _kind_of(match: re.Match[str]) -> str:
    for i, phrase in enumerate(PART_KINDS):
        if match.group(f"k{i}") is not None:
            return phrase.name
    raise AssertionError("a kind pattern matched without a group")


def kind_at(match: str, pos: int) -> str | None:
    """The kind whose wording starts at `pos` of a matching-form text, if one does."""
    found = kind_span(match, pos)
    return found[0] if found else None


def kind_span(match: str, pos: int, endpos: int | None = None) -> tuple[str, int] | None:
    """The kind whose wording starts at `pos` (after `một số`/`những` ...) and where that wording
    ends; a bare `Kết quả đạt được` names none."""
    lead = _LABEL_LEAD.match(match, pos, endpos if endpos is not None else len(match))
    start = lead.end() if lead else pos
    m = _HEADING_KIND.match(match, start, endpos if endpos is not None else len(match))
    if m is None or _WEAK_STRENGTH.match(match, start):
        return None
    return _kind_of(m), m.end()


@lru_cache(maxsize=4096)  # asked for every section and again for each of its descendants
def heading_kind(title_match: str) -> str | None:
    """The kind a heading names (its first part wording), `none` for a remarks or tasks heading, else None."""
    m = _HEADING_KIND.search(title_match)
    stop = _STOP.search(title_match)
    if stop and (m is None or stop.start() < m.start()):
        return "none"
    return _kind_of(m) if m else None


@lru_cache(maxsize=4096)
def _weak(title_match: str) -> bool:
    """Whether the heading's kind is only `Kết quả đạt được`: the statistics, unless it stands
    under an assessment heading or, without sub-sections, beside other assessment parts."""
    m = _HEADING_KIND.search(title_match)
    return m is not None and _WEAK_STRENGTH.match(title_match, m.start()) is not None


def _heading(doc: Document, sec: Section) -> str:
    return doc.match[sec.start : sec.heading_end]


def _own_kind(doc: Document, sec: Section) -> str | None:
    """The kind a section's own heading names; a bare `Kết quả đạt được` counts only under an
    assessment heading or, as a leaf, beside a sibling that names another kind."""
    kind = heading_kind(_heading(doc, sec))
    if kind != "strength" or not _weak(_heading(doc, sec)):
        return kind
    siblings = sec.parent.children if sec.parent else [s for s in doc.sections if s.parent is None]
    beside = any(heading_kind(_heading(doc, s)) not in (None, "none", "strength") for s in siblings if s is not sec)
    if sec.parent is None:
        return None
    return kind if _ASSESSMENT.search(_heading(doc, sec.parent)) or (beside and not sec.children) else None


def _inherited_kind(doc: Document, sec: Section) -> str | None:
    for node in reversed(sec.path()):
        kind = _own_kind(doc, node)
        if kind:
            return kind
    return None


def content_start(doc: Document, sec: Section) -> int:
    """Where a section's own text starts: after its heading line, or after the colon of a
    heading with text after it (`1.1. Về hạ tầng: Máy tính ...`), or at the title itself when the
    title is a sentence (`1. Hạ tầng mạng còn yếu.`, numbered like a heading) or an item with
    nothing under it (`2. Hỗ trợ kinh phí mua máy scan` between its siblings)."""
    colon = doc.text.find(":", sec.start, sec.heading_end)
    if colon >= 0 and doc.text[colon + 1 : sec.heading_end].strip():
        return colon + 1
    title = doc.text[sec.start : sec.heading_end].rstrip()
    number = LEAD_MARK.match(doc.match, sec.start, sec.heading_end)
    item = not sec.children and not doc.text[sec.heading_end : sec.end].strip() and heading_kind(_heading(doc, sec)) is None
    if number and (title.endswith((".", ";")) or item):
        return number.end()
    return sec.heading_end


def to_body(text: str, match: str) -> tuple[str | None, int]:
    """The body a group label names (`Đối với UBND tỉnh:`), as written, and where its requests start."""
    m = _TO_BODY.match(match)
    if m is None:
        return None, 0
    colon = match.find(":", m.end())
    stop = colon if colon >= 0 else len(match)
    name = text[m.end() : stop].strip(" ,.")
    if not name or len(name.split()) > 12:
        return None, 0
    return name, stop + 1 if colon >= 0 else len(match)


BodyLines = list[list[tuple[int, int]]]
"""The lines of each span of a document's body (`body_lines`), cut once and read by every pass."""


def body_lines(doc: Document) -> BodyLines:
    """The lines of each span of the body."""
    return [lines(doc, span.start, span.end) for span in doc.zone("body")]


def _capitals(text: str) -> bool:
    """Whether a line is a title in capitals: a few words, not a sentence, nothing in lower case."""
    return text[-1:] not in ".;," and text == text.upper() and len(text.split()) <= 12 \
        and sum(c.isalpha() for c in text) > 3


def title_lines(doc: Document, body: BodyLines | None = None) -> dict[int, tuple[int, str | None]]:
    """Lines of the body that title a part of the report without being numbered headings: `Phần thứ
    ba` (with its title after it or on the next line) and lines in capitals (`KHÓ KHĂN, VƯỚNG MẮC`).
    Each maps its start to its end and the kind its title names (None for a results or other title).
    `body` is the document's `body_lines` when the caller has them already."""
    found: dict[int, tuple[int, str | None]] = {}
    headings = {sec.start for sec in doc.sections}
    for span_lines in body_lines(doc) if body is None else body:
        for s, e in span_lines:
            if s in headings:
                continue
            part = _PART_TITLE.match(doc.match, s, e)
            if not (part and part.end() == e) and not _capitals(doc.text[s:e].strip("* ")):
                continue
            rest = doc.match[part.end() if part else s : e]
            kind = heading_kind(rest)
            found[s] = (e, None if kind == "none" or _weak(rest) else kind)
    return found


def _title_kind(titles: dict[int, tuple[int, str | None]], offset: int) -> str | None:
    """The kind of the last part title before `offset`."""
    before = [s for s in titles if s < offset]
    return titles[max(before)][1] if before else None


def _section_parts(doc: Document, titles: dict[int, tuple[int, str | None]]) -> list[Part]:
    """The body of each section (before its first sub-section) under the innermost heading
    that names a kind, or else under the part title (`Phần thứ ba` / `ĐỀ XUẤT, KIẾN NGHỊ`) above
    its top section; a remarks heading (`Nhận xét`) names none and hides its parents'. A
    heading `Đối với <body>` gives its requests their addressee. A part title ends a body."""
    parts = []
    for sec in doc.sections:
        kind = _inherited_kind(doc, sec) or _title_kind(titles, sec.path()[0].start)
        if not kind or kind == "none":
            continue
        start = content_start(doc, sec)
        end = min([c.start for c in sec.children] + [sec.end] + [t for t in titles if t >= start])
        if start < end:
            addressee = None
            if kind == "recommendation":
                for node in reversed(sec.path()):
                    cut = _title_start(doc, node)
                    addressee = to_body(doc.text[cut : node.heading_end], doc.match[cut : node.heading_end])[0]
                    if addressee or _own_kind(doc, node):
                        break
            parts.append(Part(start, end, kind, addressee=addressee))
    return parts


def _title_start(doc: Document, sec: Section) -> int:
    """Where a heading's title starts, after its number."""
    number = LEAD_MARK.match(doc.match, sec.start, sec.heading_end)
    return number.end() if number else sec.start


def lines(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """The lines of [start, end) without their surrounding white space, empty lines left out."""
    out, pos = [], start
    for raw in doc.text[start:end].split("\n"):
        kept = raw.strip()  # `strip` drops exactly what `str.isspace` calls white space
        if kept:
            s = pos + len(raw) - len(raw.lstrip())
            out.append((s, s + len(kept)))
        pos += len(raw) + 1
    return out


def _intro(doc: Document, s: int, e: int) -> tuple[str, int] | None:
    """A sentence announcing a list (`Bên cạnh ..., vẫn còn một số hạn chế sau:`): the kind it
    names last (the first of a run such as `khó khăn, hạn chế`) and where the list starts."""
    if s == e or doc.match[e - 1] != ":":
        return None
    line = doc.match[s:e]
    tail = _INTRO_END.search(line)
    if tail is None:
        return None
    found = list(_HEADING_KIND.finditer(line, 0, tail.start()))
    if not found or tail.start() - found[-1].end() > 30:
        return None
    i = len(found) - 1
    while i > 0 and _JOINED_KINDS.fullmatch(line, found[i - 1].end(), found[i].start()):
        i -= 1
    if _WEAK_STRENGTH.match(line, found[i].start()):
        return None
    return _kind_of(found[i]), e


def _bare(doc: Document, s: int, e: int) -> tuple[str, int] | None:
    """A line that only names a part, without a colon or a number a heading would have
    (`Khó khăn, vướng mắc`, `**Hạn chế**`, `a) Khó khăn`, `* Những tồn tại`): it labels the lines under it."""
    lead = _BARE_LEAD.match(doc.match, s, e)
    start = lead.end() if lead else s
    tail = doc.match[start:e].rstrip("* ")
    if len(tail) > _BARE_WIDTH:  # most lines: no `_BARE_TAIL`, so no need to read a kind
        return None
    kind = kind_at(doc.match, start)
    if kind is None or heading_kind(tail) != kind or _WEAK_STRENGTH.match(tail) or not _BARE_TAIL.fullmatch(tail):
        return None
    return (kind, e) if len(tail.split()) <= 8 else None


def _marker_class(line: str) -> str | None:
    """What kind of list marker opens a line: the bullet character, `number`, or None."""
    if line[:1] in "-+*•":
        return line[:1]
    return "number" if _BULLET_LINE.match(line) else None


def _label_addressee(doc: Document, m: re.Match[str], rest: int) -> str | None:
    """The body a request label names after its kind wording (`- Kiến nghị đối với Sở Tài chính:`)."""
    kind_end = max(m.end(f"k{i}") for i in range(len(PART_KINDS)) if m.group(f"k{i}") is not None)
    while kind_end < rest and doc.text[kind_end].isspace():
        kind_end += 1
    return to_body(doc.text[kind_end:rest], doc.match[kind_end:rest])[0]


def _bare_items_end(doc: Document, body: list[tuple[int, int]], i: int, headings: set[int]) -> int:
    """Where the items under a bare label end: at a heading or part title, a label, a line listed
    like the label itself (its sibling), or a plain line after listed ones."""
    own = _marker_class(doc.match[body[i][0] : body[i][1]])
    stop, listed = body[i][1], False
    for ls, le in body[i + 1 :]:
        line = doc.match[ls:le]
        marker = _marker_class(line)
        if ls in headings or LABEL.match(doc.match, ls, le) or _bare(doc, ls, le) or (own and marker == own) \
                or (listed and marker is None):
            break
        listed = listed or marker is not None
        stop = le
    return stop


def _label_parts(doc: Document, body: list[tuple[int, int]], headings: set[int], titles: set[int]) -> list[Part]:
    """Labelled lines: the rest of the line (and its `+` sub-items), or, when the label ends
    the line, the lines that follow up to the next bullet, label, heading or part title. A sentence that
    announces a list (`... còn một số hạn chế sau:`) labels the bullets under it; a part title in
    capitals that names a kind (`KHÓ KHĂN, VƯỚNG MẮC`) labels the lines under it."""
    parts = []
    stops = headings | titles
    for i, (s, e) in enumerate(body):
        named = _NAMED_FIRST.match(doc.match, s) is not None
        m = LABEL.match(doc.match, s, e) if named else None
        if m is not None:
            kind, rest, marked = _kind_of(m), m.end(), _BULLET_LINE.match(doc.match, s, e) is not None
        elif s not in stops and (intro := _intro(doc, s, e)):
            (kind, rest), marked = intro, False
        elif named and s not in headings and (bare := _bare(doc, s, e)):
            kind, rest = bare
            parts.append(Part(rest, _bare_items_end(doc, body, i, stops), kind, s))
            continue
        else:
            continue
        stop = e
        j = i + 1
        own_line = rest < e
        while j < len(body):
            ls, le = body[j]
            line = doc.match[ls:le]
            if ls in stops or LABEL.match(doc.match, ls, le):
                break
            if own_line and not _SUB_BULLET.match(line):
                break
            if not own_line and marked and j > i + 1 and _BULLET_LINE.match(line) and not _SUB_BULLET.match(line):
                break
            if not own_line and not marked and j > i + 1 and not LEAD_MARK.match(line) \
                    and LEAD_MARK.match(doc.match, *body[i + 1]):
                break
            stop = le
            j += 1
        addressee = _label_addressee(doc, m, rest) if m is not None and kind == "recommendation" else None
        parts.append(Part(rest, stop, kind, s, addressee))
    return parts


def _cell_kind(doc: Document, cell: Span) -> str | None:
    """The kind a table cell names when it is only a part's name (`Khó khăn, vướng mắc`)."""
    bare = _bare(doc, cell.start, cell.end) if cell.start < cell.end and _NAMED_FIRST.match(doc.match, cell.start) else None
    return bare[0] if bare else None


def _table_parts(doc: Document) -> list[Part]:
    """Cells of tables that name a part: under a header cell naming one (a column `Khó khăn,
    vướng mắc` or `Đề xuất`), or after a first cell naming one (a row `Hạn chế | ...`)."""
    parts: list[Part] = []
    columns: dict[int, str] = {}
    table: int | None = None
    for block in doc.blocks:
        if block.kind != "table_row" or not block.cells:
            continue
        if block.table != table:
            table, columns = block.table, {}
        kinds = [_cell_kind(doc, c) for c in block.cells]
        lead = next((i for i, c in enumerate(block.cells) if doc.text[c.start : c.end].strip(" .0123456789")), None)
        row_kind = kinds[lead] if lead is not None else None
        if lead is not None and row_kind and not any(kinds[lead + 1 :]) and len(block.cells) > lead + 1:
            parts += [Part(c.start, c.end, row_kind) for c in block.cells[lead + 1 :] if c.start < c.end]
        elif any(kinds):
            columns = {i: k for i, k in enumerate(kinds) if k}
        else:
            parts += [Part(c.start, c.end, columns[i]) for i, c in enumerate(block.cells)
                      if i in columns and c.start < c.end]
    return parts


def find_parts(doc: Document, titles: dict[int, tuple[int, str | None]] | None = None,
               body: BodyLines | None = None) -> list[Part]:
    """Every assessment part of the body; a labelled line wins over its section's heading.
    `titles` are the document's `title_lines` and `body` its `body_lines` when the caller has them already."""
    body = body_lines(doc) if body is None else body
    titles = title_lines(doc, body) if titles is None else titles
    headings = {sec.start for sec in doc.sections}
    parts = _section_parts(doc, titles)
    labelled: list[Part] = []
    for span_lines in body:
        labelled += _label_parts(doc, span_lines, headings, set(titles))
    labelled += _table_parts(doc)
    covered = [(p.label_start or p.start, p.end) for p in labelled]
    kept = []
    for part in parts:
        pieces = [(part.start, part.end)]
        for cs, ce in covered:
            pieces = [q for ps, pe in pieces for q in ((ps, min(pe, cs)), (max(ps, ce), pe)) if q[0] < q[1]]
        kept += [Part(s, e, part.kind, addressee=part.addressee) for s, e in pieces]
    return sorted(kept + labelled, key=lambda p: p.start)
