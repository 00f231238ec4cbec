"""The `equipment` component: machines, devices and lines a report lists, and machine-minimum checks.

Section 2 of a report (hạ tầng công nghệ) describes hardware in three ways, read here:

- per-machine specs, as labelled lines under a header (`2.1.1. Bộ máy tính để bàn Công chức 1:`
  then `+ CPU: ...`, `+ RAM 8 GB`), as one line that opens with the machine and packs its
  specs after a colon or in closing parentheses (`- Máy tính 1: CPU Intel Core i5-10400, RAM
  16GB, SSD 512GB`, `- Máy tính xách tay Dell Latitude 3420 (Core i5-1135G7, 8GB RAM)`), or as
  rows of a data table whose header cells name the fields (`Máy tính | CPU | RAM | Ổ cứng`,
  `Tên thiết bị | Số lượng | Cấu hình`): one row per machine, quantity 1 (or the count before
  its noun, or the table's `Số lượng`);
- counted mentions in running text, `<N> [bộ|chiếc|cái] <device> [loại <brand model>, ...]`
  (`04 máy scan loại Epson DS-410, Epson DS-530, Hp 3000 s4, Hp 2000 s2`, `03 máy in một
  mặt(canon 2900)`, `Máy tính: được trang bị 09 máy`): one row, or one row per model when N
  equals the number of models listed (a list that does not match N gives one group row);
- shortages, a device after `còn thiếu` / `chưa có` / `không có` and every device listed after
  it, whatever kind words follow each (`thiếu cụ thể: 01 máy in A3, 01 máy photocopy`): status
  lacking, quantity null when not stated.

Rules: a device named without a number and not lacking gives no row (`được trang bị đầy đủ
máy tính`); requests (`đề nghị`, `kiến nghị`, `cần trang bị` ...) give no row; a counted total
of computers (`Trung tâm hiện bố trí 05 bộ máy tính để bàn`) gives no row when per-machine
rows of computers lie in the same section, because those rows are the machines, and a counted
total followed by parts that add up to it (`03 máy, gồm 02 máy Canon ... và 01 máy Fujitsu
...`, `09 máy tính, trong đó 05 máy tính để bàn và 04 máy tính xách tay`) gives only the
parts. The unit a
device belongs to is read from the nearest unit named in its sentence, else from the headings
of its section path (`2.4. Mặt trận tổ quốc`). Spec values are parsed by
`extractors.equipment_specs`. The checks (severity info) flag machines under common minimums:
RAM under 8 GB, an HDD system disk, an Intel CPU older than 8th generation, Windows 10 (out
of support since 14 October 2025; flagged whatever the report's date, as analysts compare
communes now).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from datamodel import Block, Document, Span
from extractors.equipment_specs import (
    MACHINE_SPECS,
    Fields,
    has_specs,
    is_windows_10,
    label_field,
    leading_field,
    parse_field,
    parse_packed,
)
from extractors.numbers import NUMBER, parse_vn_number
from extractors.registry import Facts, register
from extractors.vocab.devices import (
    BARE_MACHINE,
    BRANDS,
    DEVICE_NOUNS,
    EQUIPPED,
    HOLDER_UNITS,
    LABEL_INTRO,
    MODEL_INTRO,
    NAME_INTRO,
    QUALIFIERS,
)
from extractors.vocab.quantities import BREAKDOWN, CLASSIFIERS, LIST_GAP, TOTAL_ROW
from extractors.vocab.shortages import LACKING, LACKING_GAP, REQUEST
from extractors.vocab.specs import (
    CPU_MIN_GENERATION,
    RAM_MIN_GB,
    SPEC_JOIN,
    SPEC_LABELS,
    SYSTEM_DISK,
    TABLE_COLUMNS,
    WINDOWS_10_END_OF_SUPPORT,
)
from schemas.base import DOC_ID, EVIDENCE
from schemas.equipment import TABLE

DEVICES: tuple[tuple[str, str], ...] = tuple((p.name, p.pattern) for p in DEVICE_NOUNS)
"""Device nouns by category, on the matching form; earlier entries win at the same position."""
COMPUTERS = ("desktop", "laptop", "computer")
DESCRIBED = ("model", "cpu_model", "cpu_family", "ram_gb", "storage_gb")
"""Fields that make a counted computer a description of machines rather than a total."""
COUNT_AFTER_LABEL = (rf"\s*:\s*(?:{EQUIPPED}\s+)?"
                     r"(?P<num>" + NUMBER + r")(?![\d/]|\s*%)\s*(?:(?:" + CLASSIFIERS + r")(?!\p{L}))?")
"""`Máy scan: 02 chiếc`, `Số lượng máy tính: 25`: a count after the device's label."""
SPEC_INTRO = rf"(?:(?:{SPEC_JOIN})\s+)?(?:{SPEC_LABELS['spec']})"
"""What may open a machine's specs after its name (`cùng cấu hình`, `có cấu hình`, `thông số kỹ thuật`)."""
UNITS: tuple[tuple[str, str], ...] = tuple((p.name, p.pattern) for p in HOLDER_UNITS)

_NOUN = "|".join(f"(?P<{cat}>{pat})" for cat, pat in DEVICES)
_MENTION = regex.compile(
    rf"(?:(?<![\d/.,:-])(?P<num>{NUMBER})(?![\d/]|[.,]\d)\s+(?:(?:{CLASSIFIERS})\s+)?)?(?:{_NOUN}|(?P<bare>{BARE_MACHINE}))"
)
_DEVICE = regex.compile(_NOUN)
_LACKING_BEFORE = regex.compile(rf"(?<!\p{{L}})(?:{LACKING}){LACKING_GAP}$")
_LACKING_INTRO = regex.compile(rf"(?<!\p{{L}})(?:{LACKING})(?!\p{{L}})[^\n]*:\s*$")
_LIST_ITEM = regex.compile(r"\s*[-+*•]")
_QUALIFIED = rf"(?:\s*(?:{QUALIFIERS})(?!\p{{L}}))*"
_QUALIFIERS = regex.compile(_QUALIFIED)
_LIST_GAP = regex.compile(_QUALIFIED + LIST_GAP)
_REQUEST = regex.compile(rf"(?<!\p{{L}})(?:{REQUEST})(?!\p{{L}})")
_COUNT_AFTER = regex.compile(COUNT_AFTER_LABEL)
_NEXT_DEVICE = regex.compile(rf"\s*(?:{_NOUN}|{BARE_MACHINE})")
_INTRO = regex.compile(rf"\s*(?:{MODEL_INTRO})\s*:?\s*")
_BRAND = regex.compile(r"(?<!\p{L})(?:" + "|".join(sorted(BRANDS, key=len, reverse=True)).replace(" ", r"\s+") + r")(?!\p{L})")
_TOKEN = r"[\p{L}\d\-.+/]*\d[\p{L}\d\-.+/]*"
_MODEL = regex.compile(rf"\s*(?:[a-z]+[\s-]){{0,2}}?{_TOKEN}(?:\s+{_TOKEN}|\s+[a-z]\d+)*")
_ITEM_SEP = regex.compile(r"\s*(?:,|và|/)\s*")
_PAREN = regex.compile(r"[^,;.()\n]{0,30}?\(")
_LABEL = regex.compile(rf"\s*{LABEL_INTRO}(?P<label>[^,;()\n]+?)(?=\s*(?:[,;()\n]|\.(?:\s|$)|→|$))")
_UNIT_RES = [(name, regex.compile(p)) for name, p in UNITS]
_COLUMN_RES = {name: regex.compile(p) for name, p in TABLE_COLUMNS.items()}
_SPEC_LINE = regex.compile(r"\s*(?:[-+*•]\s*)*(?P<label>[^:\n]{1,30}?)\s*:\s*(?P<value>\S.*?)\s*$")
_HEADING_NUMBER = regex.compile(r"\s*(?:(?:(?:\d{1,2}\.)+\d{0,2}|[-+*•])\s*)*")
_INLINE_NAME = regex.compile(
    rf"(?P<name>(?:[^:(),;|\n]|\([^()\n]{{0,30}}\)){{0,40}}?)\s*(?:(?<!\p{{L}})(?:{SPEC_INTRO})\s*)?"
    r"(?P<open>:|\s-|\((?=[^()\n]*\)[\s.,;]*$))\s*"
)
"""A machine's name (`Máy tính 1 (Văn thư)`) up to what opens its specs: a colon, a dash, or
parentheses that close the line, after an optional `cấu hình` (`08 máy tính để bàn cùng cấu
hình: CPU Intel Core i3-10100, ...`)."""
_FIRST_CLAUSE = regex.compile(r"(?:[^,;\n]|,(?=\d))*")
_BREAKDOWN_GAP = regex.compile(
    rf"(?:{COUNT_AFTER_LABEL})?[\s,:;]*(?:\(\s*|(?:\(\s*)?(?:{BREAKDOWN})(?!\p{{L}})[^\n.;]{{0,20}}?[\s:\n]*(?:[-+*•]\s*)?)"
)
"""Between a total and its first part: the total's own count after a label (`Máy tính: 15 bộ`),
then a parenthesis or a word that opens the parts."""
_TOTAL_ROW = regex.compile(rf"\s*{TOTAL_ROW}(?!\p{{L}})")

OWN_COLUMNS = [n for n in TABLE.names if n not in {DOC_ID.name, *(c.name for c in EVIDENCE)}]


@dataclass
class Item:
    """One equipment row before it becomes a fact: its mention span, its fields, and where
    each spec came from (for the checks' evidence)."""

    start: int
    end: int
    fields: Fields
    spec_spans: dict[str, Span] = field(default_factory=dict)


# --- shared helpers --------------------------------------------------------------------------

def _category_at(doc: Document, start: int, end: int) -> str | None:
    """The category of the first device noun in [start, end) of the text."""
    m = _DEVICE.search(doc.match, start, end)
    return next((cat for cat, _ in DEVICES if m and m.group(cat)), None)


def _context_category(doc: Document, offset: int) -> str | None:
    """The category a bare `máy` stands for: the last device noun earlier on its line
    (`Máy tính: ... 09 máy`), else one in its section's heading."""
    line = doc.line_span(offset)
    found = [cat for m in _DEVICE.finditer(doc.match, line.start, offset) for cat, _ in DEVICES if m.group(cat)]
    if found:
        return found[-1]
    sec = doc.section_at(offset)
    return _category_at(doc, sec.start, sec.heading_end) if sec else None


def _nearest_unit(doc: Document, start: int, end: int, within: Span) -> str | None:
    """The unit named nearest [start, end) inside `within`, one before it winning a tie."""
    hits = [(max(start - m.end(), m.start() - end, 0), m.start() > start, name)
            for name, rx in _UNIT_RES for m in rx.finditer(doc.match, within.start, within.end)]
    return min(hits)[2] if hits else None


def _unit(doc: Document, start: int, end: int) -> str | None:
    """The unit named nearest the mention in its sentence, else on its line, else in its
    section headings, innermost first."""
    for within in (doc.sentence_span(start, end), doc.line_span(start)):
        unit = _nearest_unit(doc, start, end, within)
        if unit:
            return unit
    sec = doc.section_at(start)
    for node in reversed(sec.path() if sec else []):
        for name, rx in _UNIT_RES:
            if rx.search(doc.match, node.start, node.heading_end):
                return name
    return None


def _label_from_name(doc: Document, start: int, end: int) -> str | None:
    """Who a machine is for, from its header or name cell: the text left when the numbering,
    the device noun and a leading `của`/`cho` are removed (`Bộ máy tính để bàn Công chức 1:`
    → `Công chức 1`), or the whole name when what is left starts with a number, as the
    number alone says nothing (`Máy tính 1`, `Máy tính 2 (Kế toán)`); None for a long sentence."""
    text, folded = doc.text[start:end], doc.match[start:end]
    name = cut = _HEADING_NUMBER.match(folded).end()
    noun = _DEVICE.search(folded, cut)
    if noun and not folded[cut : noun.start()].strip():
        cut = noun.end()
    intro = regex.match(rf"\s*(?:{NAME_INTRO})\s+", folded[cut:])
    cut += intro.end() if intro else 0
    if regex.match(r"[\s:;,.]*\d{1,3}(?![\d\p{L}])", folded[cut:]):
        cut = name
    label = text[cut:].strip(" :;,.-\t")
    return label if label and len(label) <= 60 else None


def _new_fields(category: str, quantity: float | None, status: str, source: str) -> Fields:
    return {"category": category, "quantity": quantity, "status": status, "source": source}


# --- brand / model / label after a device noun ------------------------------------------------

def _items(doc: Document, pos: int, limit: int, need_brand: bool) -> list[tuple[int, int, str | None, str | None]]:
    """`Epson DS-410, Epson DS-530, Hp 3000 s4` from `pos`: (start, end, brand, model) per item."""
    out: list[tuple[int, int, str | None, str | None]] = []
    while pos < limit:
        lead = len(doc.match[pos:limit]) - len(doc.match[pos:limit].lstrip())
        start = pos + lead
        brand = _BRAND.match(doc.match, start, limit)
        after = brand.end() if brand else start
        model = _MODEL.match(doc.match, after, limit)
        if not brand and (need_brand or not model):
            break
        end = model.end() if model else after
        model_text = doc.text[model.start() : model.end()].strip().rstrip(".-/") if model else None
        brand_name = BRANDS[regex.sub(r"\s+", " ", brand.group(0))] if brand else None
        out.append((start, end, brand_name, model_text or None))
        sep = _ITEM_SEP.match(doc.match, end, limit)
        if not sep:
            break
        pos = sep.end()
    return out


def _tail(doc: Document, noun_end: int, limit: int) -> tuple[list[tuple[int, int, str | None, str | None]], int]:
    """The models listed after a device noun and the words that say its kind (after `loại`,
    directly, or in parentheses: `máy scan 2 mặt Fujitsu fi-7160`, `máy chủ (server) Dell
    PowerEdge T150`) and where the mention ends."""
    kind_end = _QUALIFIERS.match(doc.match, noun_end, limit).end()
    intro = _INTRO.match(doc.match, kind_end, limit)
    if intro:
        found = _items(doc, intro.end(), limit, need_brand=False)
    else:
        found = _items(doc, kind_end, limit, need_brand=True)
        paren = None if found else _PAREN.match(doc.match, noun_end, limit)
        if paren:
            close = doc.text.find(")", paren.end(), limit)
            inner = _INTRO.match(doc.match, paren.end(), limit)
            found = _items(doc, inner.end() if inner else paren.end(), close if close > 0 else limit, need_brand=not inner)
            if found and close > 0:
                return found, close + 1
    return found, (found[-1][1] if found else noun_end)


# --- mentions in running text ----------------------------------------------------------------

@dataclass
class _Mention:
    """A device noun in running text: its count, sentence, the models listed after it (whose
    end is the mention's end) and whether a shortage names it."""

    start: int
    noun_end: int
    end: int
    category: str
    count: float | None
    sentence: Span
    models: list[tuple[int, int, str | None, str | None]]
    lacking: bool = False


def _count_after_label(doc: Document, noun_end: int, limit: int) -> float | None:
    """A count right after a device label (`Máy scan: 02 chiếc`) not followed by another device."""
    m = _COUNT_AFTER.match(doc.match, noun_end, limit)
    if not m or _NEXT_DEVICE.match(doc.match, m.end(), limit):
        return None
    return parse_vn_number(m["num"])


def _under_lacking_intro(doc: Document, line: Span) -> bool:
    """True for a list item under a line that announces a shortage (`còn thiếu các thiết bị sau:`)."""
    while line.start > 0 and _LIST_ITEM.match(doc.match, line.start, line.end):
        line = doc.line_span(line.start - 1)
        if _LACKING_INTRO.search(doc.match, line.start, line.end):
            return True
    return False


def _mentions(doc: Document, span: Span, skip_tables: set[int]) -> list[_Mention]:
    """Device mentions in a span, with their count and whether a shortage names them; rows of
    the tables in `skip_tables` (already read as equipment tables) are left out."""
    found: list[_Mention] = []
    for m in _MENTION.finditer(doc.match, span.start, span.end):
        block = doc.block_at(m.start())
        if block is not None and block.table in skip_tables and block.kind == "table_row":
            continue
        category = next((cat for cat, _ in DEVICES if m.group(cat)), None) or _context_category(doc, m.start())
        if category is None:
            continue
        noun_end = m.end()
        count = parse_vn_number(m["num"]) if m["num"] else _count_after_label(doc, noun_end, span.end)
        sent = doc.sentence_span(m.start(), noun_end)
        models, end = _tail(doc, noun_end, sent.end)
        men = _Mention(m.start(), noun_end, end, category, count, sent, models)
        line = doc.line_span(m.start())
        men.lacking = bool(_LACKING_BEFORE.search(doc.match, line.start, m.start())) or _under_lacking_intro(doc, line)
        if not men.lacking and found and found[-1].lacking:
            men.lacking = _LIST_GAP.fullmatch(doc.match, found[-1].end, m.start()) is not None
        found.append(men)
    return found


def _sentence_items(doc: Document, span: Span, skip_tables: set[int]) -> list[Item]:
    """Rows for the counted and lacking mentions of a span of running text."""
    items: list[Item] = []
    for men in _mentions(doc, span, skip_tables):
        sent = men.sentence
        if (men.count is None and not men.lacking) or _REQUEST.search(doc.match, sent.start, sent.end):
            continue
        label = _LABEL.match(doc.match, men.end, sent.end)
        status = "lacking" if men.lacking else "present"
        base = _new_fields(men.category, men.count, status, "sentence")
        base["unit"] = _unit(doc, men.start, men.end)
        if label:
            base["label"] = doc.text[label.start("label") : label.end("label")].strip()
        rest = doc.text[men.noun_end : sent.end]
        if men.category in COMPUTERS and has_specs(rest):
            base.update(parse_packed(rest))
        items.extend(_split_models(men, men.models, base))
    return items


def _split_models(men: _Mention, models: list[tuple[int, int, str | None, str | None]], base: Fields) -> list[Item]:
    """One row per listed model when the count matches the list (each quantity 1), one row with
    the model for a single model, else one group row without models."""
    if len(models) == 1:
        _, end, brand, model = models[0]
        return [Item(men.start, end, {**base, "brand": brand, "model": model})]
    if len(models) > 1 and (men.count is None or men.count == len(models)):
        qty = None if men.count is None else 1.0
        return [Item(men.start if i == 0 else s, e, {**base, "quantity": qty, "brand": b, "model": mdl})
                for i, (s, e, b, mdl) in enumerate(models)]
    brands = {b for _, _, b, _ in models}
    brand = brands.pop() if len(brands) == 1 else None
    return [Item(men.start, max(men.noun_end, models[-1][1] if models else 0), {**base, "brand": brand})]


# --- per-machine spec lists -------------------------------------------------------------------

@dataclass
class _Machine:
    header: Span | None
    fields: Fields = field(default_factory=dict)
    spans: dict[str, Span] = field(default_factory=dict)
    first: int = 0


def _lines(doc: Document, span: Span) -> list[Span]:
    """The non-blank lines of a span."""
    lines, pos = [], span.start
    while pos < span.end:
        line = doc.line_span(pos)
        pos = line.end + 1
        if doc.text[line.start : line.end].strip():
            lines.append(line)
    return lines


def _trimmed_end(doc: Document, start: int, end: int) -> int:
    """`end` moved back over trailing spaces."""
    return start + len(doc.text[start:end].rstrip())


def _spec_line(doc: Document, line: Span) -> tuple[str | None, Span | None]:
    """(field, value span) of a labelled line, the label closed by a colon or, when its value
    reads as that spec, by a space (`+ RAM 4 GB`); field None for a label that is not a spec
    (`Cổng kết nối`), and (None, None) for an unlabelled line."""
    m = _SPEC_LINE.match(doc.match, line.start, line.end)
    name = label_field(doc.text[m.start("label") : m.end("label")]) if m else None
    if name:
        return name, Span(m.start("value"), m.end("value"))
    body = _HEADING_NUMBER.match(doc.match, line.start, line.end).end()
    lead = leading_field(doc.text[body : line.end])
    if lead and parse_field(lead[0], doc.text[body + lead[1] : line.end]):
        return lead[0], Span(body + lead[1], _trimmed_end(doc, body, line.end))
    return (None, Span(m.start("value"), m.end("value"))) if m else (None, None)


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
    for line in _lines(doc, span):
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


def _spec_items(doc: Document, span: Span) -> list[Item]:
    """Rows for machines described by labelled spec lines."""
    machines = _machine_blocks(doc, span)
    items = []
    for mac in machines:
        where = mac.header or Span(mac.first, mac.first)
        siblings = sum(1 for other in machines if other.header == mac.header)
        count = _header_count(doc, mac.header) if siblings == 1 else None
        category = (_category_at(doc, where.start, where.end) or "computer") if mac.header else "computer"
        fields = _new_fields(category, count or 1.0, "present", "spec_list")
        fields["unit"] = _unit(doc, where.start, where.end)
        fields["label"] = _label_from_name(doc, where.start, where.end) if mac.header else None
        specs: dict[str, Span] = {}
        for name, value in mac.fields.items():
            parsed = parse_field(name, value)
            fields.update(parsed)
            specs.update({k: mac.spans[name] for k in parsed})
        items.append(Item(where.start, where.end if mac.header else mac.spans[next(iter(mac.spans))].end, fields, specs))
    return items


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
    m = _MENTION.match(doc.match, _HEADING_NUMBER.match(doc.match, line.start, line.end).end(), line.end)
    category = next((cat for cat in COMPUTERS if m and m.group(cat)), None)
    opener = _INLINE_NAME.match(doc.match, m.end(), line.end) if category else None
    if not category or not opener or _REQUEST.search(doc.match, line.start, line.end):
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
    fields = _new_fields(category, parse_vn_number(m["num"]) if m["num"] else 1.0, "present", "spec_list")
    fields["unit"] = _unit(doc, m.start(), name_end)
    models, _ = _tail(doc, m.end(), name_end)
    if len(models) == 1:
        fields.update(brand=models[0][2], model=models[0][3])
    else:
        fields["label"] = _label_from_name(doc, m.start(category), name_end)
    specs = parse_packed(doc.text[value : line.end])
    fields.update(specs)
    end = _trimmed_end(doc, line.start, line.end)
    return Item(m.start(), end, fields, {k: Span(line.start, end) for k in specs})


def _inline_items(doc: Document, span: Span) -> list[Item]:
    """Rows for the machines of a span described one per line."""
    return [it for line in _lines(doc, span) if (it := _inline_machine(doc, line))]


def _header_count(doc: Document, header: Span | None) -> float | None:
    """The count of a header that announces several identical machines (`05 bộ máy tính:`)."""
    if header is None:
        return None
    m = _MENTION.search(doc.match, header.start, header.end)
    return parse_vn_number(m["num"]) if m and m["num"] else None


# --- data tables ------------------------------------------------------------------------------

def _column_field(doc: Document, cell: Span) -> str | None:
    """The field a header cell names (`Ổ cứng` → storage, `Số lượng` → quantity)."""
    spec = label_field(doc.text[cell.start : cell.end])
    if spec:
        return spec
    folded = doc.match[cell.start : cell.end].strip(" \t:.")
    return next((name for name, rx in _COLUMN_RES.items() if rx.fullmatch(folded)), None)


def _tables(doc: Document) -> dict[int, list[Block]]:
    rows: dict[int, list[Block]] = {}
    for block in doc.blocks:
        if block.kind == "table_row" and block.table is not None:
            rows.setdefault(block.table, []).append(block)
    return rows


def _is_equipment_header(columns: list[str | None]) -> bool:
    """A header row names a device column or a count, or at least two spec fields."""
    named = {c for c in columns if c}
    return len([c for c in columns if c]) >= 2 and bool({"name", "quantity"} & named or len(named - set(TABLE_COLUMNS)) >= 2)


def _table_items(doc: Document) -> tuple[list[Item], set[int]]:
    """Rows for the machines and devices of data tables whose header names equipment fields,
    and the ids of the tables read so."""
    items: list[Item] = []
    read: set[int] = set()
    for table, rows in _tables(doc).items():
        for i, row in enumerate(rows):
            columns = [_column_field(doc, c) for c in row.cells]
            if _is_equipment_header(columns):
                items.extend(it for r in rows[i + 1 :] if len(r.cells) == len(columns) for it in _table_row(doc, r, columns))
                read.add(table)
                break
    return items, read


def _table_row(doc: Document, row: Block, columns: list[str | None]) -> list[Item]:
    """The row of one machine or device (none for a total row or an empty one)."""
    cells = {name: cell for name, cell in zip(columns, row.cells) if name}
    name = cells.get("name")
    if name and _TOTAL_ROW.match(doc.match, name.start, name.end):
        return []
    specs: dict[str, Span] = {}
    parsed: Fields = {}
    for col, cell in cells.items():
        if col not in TABLE_COLUMNS:  # a spec field (CPU, RAM, Cấu hình ...)
            got = parse_field(col, doc.text[cell.start : cell.end])
            parsed.update(got)
            specs.update({k: cell for k in got})
    category = _category_at(doc, name.start, name.end) if name else None
    if category is None and not specs:
        return []
    fields = _new_fields(category or "computer", _cell_number(doc, cells.get("quantity")), _cell_status(doc, cells.get("status")), "table")
    fields.update(parsed)
    fields["unit"] = _unit(doc, row.start, row.end)
    fields["label"] = _cell_text(doc, cells.get("label")) or (_label_from_name(doc, name.start, name.end) if name else None)
    fields["brand"] = _cell_brand(doc, cells.get("brand"))
    fields["model"] = _cell_text(doc, cells.get("model"))
    return [Item(row.start, row.end, fields, specs)]


def _cell_text(doc: Document, cell: Span | None) -> str | None:
    text = doc.text[cell.start : cell.end].strip() if cell else ""
    return text or None


def _cell_number(doc: Document, cell: Span | None) -> float:
    """A quantity cell's value; 1 when the table has none."""
    value = parse_vn_number(doc.text[cell.start : cell.end]) if cell else None
    return 1.0 if value is None else value


def _cell_status(doc: Document, cell: Span | None) -> str:
    lacking = cell and regex.search(rf"(?<!\p{{L}})(?:{LACKING})", doc.match[cell.start : cell.end])
    return "lacking" if lacking else "present"


def _cell_brand(doc: Document, cell: Span | None) -> str | None:
    m = _BRAND.search(doc.match, cell.start, cell.end) if cell else None
    return BRANDS[regex.sub(r"\s+", " ", m.group(0))] if m else _cell_text(doc, cell)


# --- assembling rows ----------------------------------------------------------------------------

def _drop_totals(doc: Document, items: list[Item], machines: list[Item]) -> list[Item]:
    """Counted computer totals whose section also lists the machines one by one, and the
    sentence rows of lines already read as machines. A counted machine described in its
    own right (`01 máy tính xách tay Dell Latitude 3420 (Core i5-1135G7, ...)`) is no total."""
    def covered(item: Item) -> bool:
        sec = doc.section_at(item.start)
        lo, hi = (sec.start, sec.end) if sec else (0, len(doc.text))
        total = not any(item.fields.get(k) is not None for k in DESCRIBED)
        return any(lo <= mac.start < hi and mac.fields["category"] in COMPUTERS and (total or mac.start <= item.start < mac.end)
                   for mac in machines)

    return [it for it in items if not (it.fields["category"] in COMPUTERS and it.fields["status"] == "present" and covered(it))]


def _covers(total: Item, part: Item) -> bool:
    """True when `part` may be one of the parts of `total`: same category, or any kind of
    computer under a total of computers, and the same status."""
    cat, sub = total.fields["category"], part.fields["category"]
    same_kind = cat == sub or (cat == "computer" and sub in COMPUTERS)
    return same_kind and total.fields["status"] == part.fields["status"] and part.fields["quantity"] is not None


def _parts_add_up(total: Item, rest: list[Item]) -> bool:
    """True when two or more items at the head of `rest` are parts of `total` and their
    quantities add up to its own."""
    left, parts = total.fields["quantity"], 0
    for part in rest:
        if left <= 0 or not _covers(total, part):
            break
        left, parts = left - part.fields["quantity"], parts + 1
    return parts >= 2 and left == 0


def _drop_broken_down(doc: Document, items: list[Item]) -> list[Item]:
    """Counted totals followed by their parts (`03 máy, gồm 02 máy Canon DR-C230 và 01 máy
    Fujitsu fi-7160`): the parts are the devices, so the total gives no row when they add up to it."""
    def broken_down(i: int) -> bool:
        total, rest = items[i], items[i + 1 :]
        return (total.fields["quantity"] is not None and bool(rest)
                and _BREAKDOWN_GAP.fullmatch(doc.match, total.end, max(total.end, rest[0].start)) is not None
                and _parts_add_up(total, rest))

    return [it for i, it in enumerate(items) if not broken_down(i)]


def _body(doc: Document) -> list[Span]:
    return doc.zone("body") or [Span(0, len(doc.text))]


def equipment_items(doc: Document) -> list[Item]:
    """All equipment of a document, in reading order."""
    machines, tables = _table_items(doc)
    sentences: list[Item] = []
    for span in _body(doc):
        machines.extend(_spec_items(doc, span) + _inline_items(doc, span))
        sentences.extend(_sentence_items(doc, span, tables))
    return sorted(machines + _drop_totals(doc, _drop_broken_down(doc, sentences), machines), key=lambda it: it.start)


# --- checks ---------------------------------------------------------------------------------------

def _who(fields: Fields) -> str:
    return str(fields.get("label") or fields.get("model") or fields["category"])


def _machine_checks(doc: Document, item: Item) -> list[dict]:
    """Info checks for a machine under common minimums, at the spec line that shows it."""
    f, who = item.fields, _who(item.fields)
    found: list[tuple[str, str, str]] = []
    if f.get("ram_gb") is not None and f["ram_gb"] < RAM_MIN_GB:
        found.append(("ram_below_8gb", "ram_gb", f"{who}: RAM {f['ram_gb']:g} GB, under {RAM_MIN_GB} GB"))
    if f.get("storage_type") not in (None, SYSTEM_DISK):
        found.append(("hdd_system_disk", "storage_type", f"{who}: system disk is an {f['storage_type']}, not an {SYSTEM_DISK}"))
    if f.get("cpu_vendor") == "Intel" and f.get("cpu_generation") is not None and f["cpu_generation"] < CPU_MIN_GENERATION:
        found.append(("cpu_generation_below_8", "cpu_generation",
                      f"{who}: CPU {f.get('cpu_model') or f.get('cpu_family')} is Intel generation {f['cpu_generation']}, older than 8th"))
    if is_windows_10(f.get("os")):
        found.append(("windows_10_end_of_support", "os", f"{who}: runs {f['os']}, out of support since {WINDOWS_10_END_OF_SUPPORT}"))
    rows = []
    for rule, key, message in found:
        where = item.spec_spans.get(key, Span(item.start, item.end))
        rows.append(doc.fact(where.start, where.end, rule=rule, severity="info", message=message, metrics=""))
    return rows


def _row(doc: Document, item: Item) -> dict:
    return doc.fact(item.start, item.end, **{name: item.fields.get(name) for name in OWN_COLUMNS})


@register("equipment", after=())
def extract_equipment(doc: Document, facts: Facts) -> Facts:
    """Equipment rows and the machine-minimum checks of one report."""
    items = equipment_items(doc)
    return {
        "equipment": [_row(doc, it) for it in items],
        "checks": [row for it in items for row in _machine_checks(doc, it)],
    }
