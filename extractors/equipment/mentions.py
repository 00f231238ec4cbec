"""Devices named in running text: counted mentions (`04 máy scan loại Epson ...`, `Máy tính:
được trang bị 09 máy`) and shortages (`còn thiếu 01 máy in A3, 01 máy photocopy`)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from datamodel import Document, Span
from extractors.equipment.items import (
    COMPUTERS,
    DEVICES,
    NOUN,
    REQUEST_RE,
    Item,
    context_category,
    count_value,
    mentions_in,
    new_fields,
    unit_of,
)
from extractors.equipment.models import QUALIFIED, Model, tail
from extractors.equipment.specs import Fields, has_specs, parse_packed
from extractors.numbers import NUMBER, parse_vn_number
from extractors.vocab.devices import BARE_MACHINE, EQUIPPED, LABEL_INTRO
from extractors.vocab.quantities import CLASSIFIERS, LIST_GAP, OTHER_COUNTED, RATIO_AFTER, RATIO_BEFORE
from extractors.vocab.shortages import (
    LACKING,
    LACKING_GAP,
    LOSS,
    LOSS_GAP,
    LOSS_LEAD,
    NOT_LOSS,
    PER_UNIT_AFTER,
    REQUIREMENT,
    SCOPE_BREAK,
)

COUNT_AFTER_LABEL = (rf"(?:\s+(?:(?P<short>{LACKING})|{EQUIPPED}|đang\s+sử\s+dụng))?"
                     rf"\s*:\s*(?:{EQUIPPED}\s+)?(?P<num>{NUMBER})(?![\d/]|\s*%|\s*(?:{OTHER_COUNTED})(?!\p{{L}}))"
                     rf"(?>\s*(?:(?:{CLASSIFIERS})(?!\p{{L}}))?)(?!\s*/)")
"""`Máy scan: 02 chiếc`, `Số lượng máy tính: 25`, `Tổng số máy tính hiện có: 30 bộ`: a count
after the device's label; a shortage word in the label makes it lacking (`Máy in còn thiếu: 02`)."""
# The two `..._BEFORE` patterns end where the mention starts: they are matched backwards from
# there (REVERSE), which costs the length of the match, not a scan of the line before the mention.
_LACKING_BEFORE = regex.compile(rf"(?<!\p{{L}})(?:{LACKING}){LACKING_GAP}$", flags=regex.REVERSE)
_LACKING_INTRO = regex.compile(rf"(?<!\p{{L}})(?:{LACKING})(?!\p{{L}})[^\n]*:\s*$")
_LOSS_BEFORE = regex.compile(rf"(?<!\p{{L}})(?:{LOSS}){LOSS_GAP}$", flags=regex.REVERSE)
_LOSS_AFTER = regex.compile(rf"{LOSS_LEAD}(?:{LOSS})(?!\p{{L}})(?!{NOT_LOSS})")
_REQUIREMENT = regex.compile(rf"(?<!\p{{L}})(?:{REQUIREMENT})(?!\p{{L}})")
_PER_UNIT_AFTER = regex.compile(PER_UNIT_AFTER)
_RATIO_BEFORE = regex.compile(rf"(?<!\p{{L}})(?:{RATIO_BEFORE})(?!\p{{L}})")
_RATIO_AFTER = regex.compile(RATIO_AFTER)
_SCOPE_BREAK = regex.compile(rf"(?<!\p{{L}})(?:{SCOPE_BREAK})")
_OWNED = regex.compile(rf"(?<!\p{{L}}){EQUIPPED}\s*$")
_LIST_ITEM = regex.compile(r"\s*[-+*•]")
_LIST_GAP = regex.compile(QUALIFIED + LIST_GAP)
_COUNT_AFTER = regex.compile(COUNT_AFTER_LABEL)
_NEXT_DEVICE = regex.compile(rf"\s*(?:{NOUN}|{BARE_MACHINE})")
_LABEL = regex.compile(rf"\s*{LABEL_INTRO}(?P<label>[^,;()\n]+?)(?=\s*(?:[,;()\n]|\.(?:\s|$)|→|$))")


@dataclass
class _Mention:
    """A device noun in running text: its count, sentence, the models listed after it (whose
    end is the mention's end), whether a shortage names it (`lacking`, a row even without a
    count), whether it is lost, stolen or broken (`lost`), or stated as a standard or an
    allocation (`required`)."""

    start: int
    noun_end: int
    end: int
    category: str
    count: float | None
    sentence: Span
    models: list[Model]
    lacking: bool = False
    lost: bool = False
    required: bool = False

    @property
    def status(self) -> str:
        """lacking for a shortage or a loss, required for a standard, else present."""
        return "lacking" if self.lacking or self.lost else "required" if self.required else "present"


def _count_after_label(doc: Document, noun_end: int, limit: int) -> tuple[float | None, bool]:
    """A count right after a device label (`Máy scan: 02 chiếc`) not followed by another device,
    and whether the label says it is lacking (`Số máy in còn thiếu: 02`)."""
    m = _COUNT_AFTER.match(doc.match, noun_end, limit)
    if not m or _NEXT_DEVICE.match(doc.match, m.end(), limit):
        return None, False
    return parse_vn_number(m["num"]), m["short"] is not None


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
    for m in mentions_in(doc.match, span.start, span.end):
        block = doc.block_at(m.start())
        if block is not None and block.table in skip_tables and block.kind == "table_row":
            continue
        category = next((cat for cat, _ in DEVICES if m.group(cat)), None) or context_category(doc, m.start())
        if category is None:
            continue
        noun_end = m.end()
        count, short = (count_value(m["num"]), False) if m["num"] else _count_after_label(doc, noun_end, span.end)
        sent = doc.sentence_span(m.start(), noun_end)
        models, end = tail(doc, noun_end, sent.end)
        men = _Mention(m.start(), noun_end, end, category, count, sent, models)
        line = doc.line_span(m.start())
        men.lacking = short or bool(_LACKING_BEFORE.match(doc.match, line.start, m.start())) or _under_lacking_intro(doc, line)
        men.lost = bool(_LOSS_BEFORE.match(doc.match, line.start, m.start()) or _LOSS_AFTER.match(doc.match, end, sent.end))
        men.required = _required(doc, sent, m.start()) or bool(_PER_UNIT_AFTER.match(doc.match, end, sent.end))
        listed = bool(found) and _LIST_GAP.fullmatch(doc.match, found[-1].end, m.start()) is not None
        if listed:
            men.lacking = men.lacking or found[-1].lacking
            men.lost = men.lost or found[-1].lost
        found.append(men)
    _carry_loss_back(doc, found)
    return found


def _required(doc: Document, sent: Span, start: int) -> bool:
    """True when a standard or an allocation (`mỗi xã phải có`, `tối thiểu`) stands earlier in the
    sentence and no word between says the text turns to the inventory (`hiện mới có`)."""
    marks = list(_REQUIREMENT.finditer(doc.match, sent.start, start))
    return bool(marks) and not _SCOPE_BREAK.search(doc.match, marks[-1].end(), start)


def _ratio(doc: Document, men: _Mention) -> bool:
    """True for a counted device that is an average or a ratio (`bình quân 1 máy tính/1 cán bộ`,
    `12 máy tính/12 công chức`), not devices."""
    if men.count is None:
        return False
    before = _RATIO_BEFORE.search(doc.match, men.sentence.start, men.start)
    return bool(before) or bool(_RATIO_AFTER.match(doc.match, men.end, men.sentence.end))


def _carry_loss_back(doc: Document, found: list[_Mention]) -> None:
    """A loss stated after a list (`4 máy in, 2 máy tính bị mất`) covers every item of the list,
    unless the list is an inventory whose last item alone is qualified (`có 02 máy scan, 01 máy
    in bị hỏng`): then only that item is lost."""
    i = len(found) - 1
    while i > 0:
        head = i
        while head > 0 and _LIST_GAP.fullmatch(doc.match, found[head - 1].end, found[head].start):
            head -= 1
        line = doc.line_span(found[head].start)
        if found[i].lost and head < i and not _OWNED.search(doc.match, line.start, found[head].start):
            for men in found[head:i]:
                men.lost = True
        i = head - 1 if head < i else i - 1


def sentence_items(doc: Document, span: Span, skip_tables: set[int]) -> list[Item]:
    """Rows for the counted and lacking mentions of a span of running text."""
    items: list[Item] = []
    for men in _mentions(doc, span, skip_tables):
        sent = men.sentence
        if (men.count is None and not men.lacking) or REQUEST_RE.search(doc.match, sent.start, sent.end) or _ratio(doc, men):
            continue
        label = _LABEL.match(doc.match, men.end, sent.end)
        base = new_fields(men.category, men.count, men.status, "sentence")
        base["unit"] = unit_of(doc, men.start, men.end)
        if label:
            base["label"] = doc.text[label.start("label") : label.end("label")].strip()
        rest = doc.text[men.noun_end : sent.end]
        if men.category in COMPUTERS and has_specs(rest):
            base.update(parse_packed(rest))
        items.extend(_split_models(men, men.models, base))
    return items


def _split_models(men: _Mention, models: list[Model], base: Fields) -> list[Item]:
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
