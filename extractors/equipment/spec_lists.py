"""Machines described one by one: labelled spec lines under a header (`Bộ máy tính Công chức 1:`
then `+ CPU: ...`), or one line that packs a machine's specs (`- Máy tính 1: CPU ..., RAM 16GB`)."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from datamodel import Document, Span
from extractors.equipment.items import (
    COMPUTERS,
    HEADING_NUMBER,
    MENTION,
    REQUEST_RE,
    Item,
    category_at,
    count_value,
    label_from_name,
    lines_of,
    new_fields,
    trimmed_end,
    unit_of,
)
from extractors.equipment.models import tail
from extractors.equipment.specs import (
    MACHINE_SPECS,
    Fields,
    folded_leading_field,
    label_field,
    leading_field,
    parse_field,
    parse_packed,
)
from extractors.vocab.specs import SPEC_JOIN, SPEC_LABELS

SPEC_INTRO = rf"(?:(?:{SPEC_JOIN})\s+)?(?:{SPEC_LABELS['spec']})"
"""What may open a machine's specs after its name (`cùng cấu hình`, `có cấu hình`, `thông số kỹ thuật`)."""
_SPEC_LINE = regex.compile(r"\s*(?:[-+*•]\s*)*(?P<label>[^:\n]{1,30}?)\s*:\s*(?P<value>\S.*?)\s*$")
_INLINE_NAME = regex.compile(
    rf"(?P<name>(?:[^:(),;|\n]|\([^()\n]{{0,30}}\)){{0,40}}?)\s*(?:(?<!\p{{L}})(?:{SPEC_INTRO})\s*)?"
    r"(?P<open>:|\s-|\((?=[^()\n]*\)[\s.,;]*$))\s*"
)
"""A machine's name (`Máy tính 1 (Văn thư)`) up to what opens its specs: a colon, a dash, or
parentheses that close the line, after an optional `cấu hình` (`08 máy tính để bàn cùng cấu
hình: CPU Intel Core i3-10100, ...`)."""
_FIRST_CLAUSE = regex.compile(r"(?:[^,;\n]|,(?=\d))*")


@dataclass
class _Machine:
    header: Span | None
    fields: Fields = field(default_factory=dict)
    spans: dict[str, Span] = field(default_factory=dict)
    first: int = 0


def _spec_line(doc: Document, line: Span) -> tuple[str | None, Span | None]:
    """(field, value span) of a labelled line, the label closed by a colon or, when its value
    reads as that spec, by a space (`+ RAM 4 GB`); field None for a label that is not a spec
    (`Cổng kết nối`), and (None, None) for an unlabelled line. A line without a colon has no
    label (`_SPEC_LINE` needs one). The label and the line's rest are read in matching form:
    the label sits between white space, a list marker or the line's start and its colon; the
    rest between white space, a marker or a digit and the line's end; no letter touches them."""
    m = _SPEC_LINE.match(doc.match, line.start, line.end) if doc.match.find(":", line.start, line.end) >= 0 else None
    if m is not None and (name := label_field(doc.match[m.start("label") : m.end("label")])):
        return name, Span(m.start("value"), m.end("value"))
    body = HEADING_NUMBER.match(doc.match, line.start, line.end).end()
    lead = folded_leading_field(doc.match[body : line.end])
    if lead and parse_field(lead[0], doc.text[body + lead[1] : line.end]):
        return lead[0], Span(body + lead[1], trimmed_end(doc, body, line.end))
    return (None, Span(m.start("value"), m.end("value"))) if m is not None else (None, None)


def _overlaps(name: str, before: str, after: str) -> bool:
    """True when two values of one spec field give some of the same typed fields."""
    return bool(parse_field(name, before).keys() & parse_field(name, after).keys())


def _machine_blocks(doc: Document, span: Span) -> list[_Machine]:
    """Groups of consecutive spec lines, each with the line just above as its header; a spec
    field seen again starts a new machine, unless the lines give different parts of it
    (`Loại ổ cứng: SSD`, then `Dung lượng ổ cứng: 256GB`)."""
    machines: list[_Machine] = []
    current: _Machine | None = None
    header: Span | None = None
    for line in lines_of(doc, span):
        name, value = _spec_line(doc, line)
        if name and value:
            text = doc.text[value.start : value.end]
            if current is not None and name in current.fields and not _overlaps(name, current.fields[name], text):
                current.fields[name] = f"{current.fields[name]}, {text}"
                continue
            if current is None or name in current.fields:
                current = _Machine(header if current is None else current.header, first=line.start)
                machines.append(current)
            current.fields[name] = text
            current.spans[name] = line
        elif value is None:
            current, header = None, line
    return [m for m in machines if "cpu" in m.fields or len(m.fields) >= 2]


def spec_items(doc: Document, span: Span) -> list[Item]:
    """Rows for machines described by labelled spec lines."""
    machines = _machine_blocks(doc, span)
    items = []
    for mac in machines:
        where = mac.header or Span(mac.first, mac.first)
        siblings = sum(1 for other in machines if other.header == mac.header)
        count = _header_count(doc, mac.header) if siblings == 1 else None
        category = (category_at(doc, where.start, where.end) or "computer") if mac.header else "computer"
        fields = new_fields(category, count or 1.0, "present", "spec_list")
        fields["unit"] = unit_of(doc, where.start, where.end)
        fields["label"] = label_from_name(doc, where.start, where.end) if mac.header else None
        specs: dict[str, Span] = {}
        for name, value in mac.fields.items():
            parsed = parse_field(name, value)
            fields.update(parsed)
            specs.update({k: mac.spans[name] for k in parsed})
        items.append(Item(where.start, where.end if mac.header else mac.spans[next(iter(mac.spans))].end, fields, specs))
    return items


def _header_count(doc: Document, header: Span | None) -> float | None:
    """The count of a header that announces several identical machines (`05 bộ máy tính:`)."""
    if header is None:
        return None
    m = MENTION.search(doc.match, header.start, header.end)
    return count_value(m["num"]) if m else None


def _opens_with_spec(value: str) -> bool:
    """True when a value starts with a machine's CPU, RAM or disk (`CPU Intel ...`, `Core
    i5-1135G7, ...`), not with prose that may mention some later (`được trang bị 09 máy, cấu
    hình ...`, `đã được nâng cấp lên Windows 11`)."""
    first = value[: _FIRST_CLAUSE.match(value).end()]
    lead = leading_field(first)
    return bool((parse_field(lead[0], first[lead[1] :]) if lead else parse_packed(first)).keys() & MACHINE_SPECS)


def _inline_parts(doc: Document, line: Span) -> tuple[regex.Match, str, int, int] | None:
    """(device mention, category, end of the machine's name, start of its specs) of a line
    that opens with a computer noun and gives its specs (`_INLINE_NAME`); None for any other
    line (a sentence that goes on after the parentheses, a request)."""
    m = MENTION.match(doc.match, HEADING_NUMBER.match(doc.match, line.start, line.end).end(), line.end)
    category = next((cat for cat in COMPUTERS if m and m.group(cat)), None)
    opener = _INLINE_NAME.match(doc.match, m.end(), line.end) if category else None
    if not category or not opener or REQUEST_RE.search(doc.match, line.start, line.end):
        return None
    return (m, category, opener.end("name"), opener.end()) if _opens_with_spec(doc.text[opener.end() : line.end]) else None


def _inline_machine(doc: Document, line: Span) -> Item | None:
    """A machine described on one line (`- Máy tính 1: CPU Intel Core i5-10400, RAM 16GB`,
    `- Máy tính xách tay Dell Latitude 3420 (Core i5-1135G7, 8GB RAM, SSD 256GB)`): quantity 1
    unless counted, brand and model from its name, else its name as label."""
    parts = _inline_parts(doc, line)
    if parts is None:
        return None
    m, category, name_end, value = parts
    fields = new_fields(category, count_value(m["num"]) if m["num"] else 1.0, "present", "spec_list")
    fields["unit"] = unit_of(doc, m.start(), name_end)
    models, _ = tail(doc, m.end(), name_end)
    if len(models) == 1:
        fields.update(brand=models[0][2], model=models[0][3])
    else:
        fields["label"] = label_from_name(doc, m.start(category), name_end)
    specs = parse_packed(doc.text[value : line.end])
    fields.update(specs)
    end = trimmed_end(doc, line.start, line.end)
    return Item(m.start(), end, fields, {k: Span(line.start, end) for k in specs})


def inline_items(doc: Document, span: Span) -> list[Item]:
    """Rows for the machines of a span described one per line."""
    return [it for line in lines_of(doc, span) if (it := _inline_machine(doc, line))]
