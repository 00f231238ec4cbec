"""All the equipment of a document, without counting a machine twice: totals whose machines
are listed one by one, and totals followed by parts that add up to them, give no row."""

from __future__ import annotations

import regex

from datamodel import Document, Span
from extractors.equipment.items import COMPUTERS, Item
from extractors.equipment.mentions import COUNT_AFTER_LABEL, sentence_items
from extractors.equipment.spec_lists import inline_items, spec_items
from extractors.equipment.tables import table_items
from extractors.vocab.quantities import BREAKDOWN

DESCRIBED = ("model", "cpu_model", "cpu_family", "ram_gb", "storage_gb")
"""Fields that make a counted computer a description of machines rather than a total."""
_BREAKDOWN_GAP = regex.compile(
    rf"(?:{COUNT_AFTER_LABEL})?[\s,:;]*(?:\(\s*|(?:\(\s*)?(?:{BREAKDOWN})(?!\p{{L}})[^\n.;]{{0,20}}?[\s:\n]*(?:[-+*•]\s*)?)"
)
"""Between a total and its first part: the total's own count after a label (`Máy tính: 15 bộ`),
then a parenthesis or a word that opens the parts."""


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
    computer under a total of computers, counted, and the same status or broken among
    machines present (`06 máy tính, trong đó 04 máy dùng tốt, 02 máy hỏng`)."""
    cat, sub = total.fields["category"], part.fields["category"]
    same_kind = cat == sub or (cat == "computer" and sub in COMPUTERS)
    status, sub_status = total.fields["status"], part.fields["status"]
    same_status = status == sub_status or (status, sub_status) == ("present", "lacking")
    return same_kind and same_status and part.fields["quantity"] is not None


def _parts(doc: Document, items: list[Item], i: int) -> list[Item]:
    """The items that break down the counted total `items[i]`: those after a breakdown word
    (`gồm`, `trong đó`, a parenthesis) in its sentence that may be its parts, while their sum
    stays within the total."""
    total = items[i]
    rest = items[i + 1 :]
    if total.fields["quantity"] is None or not rest:
        return []
    if _BREAKDOWN_GAP.fullmatch(doc.match, total.end, max(total.end, rest[0].start)) is None:
        return []
    end = doc.sentence_span(total.start, total.end).end
    parts: list[Item] = []
    left = total.fields["quantity"]
    for part in rest:
        if part.start >= end or not _covers(total, part) or part.fields["quantity"] > left:
            break
        parts.append(part)
        left -= part.fields["quantity"]
    return parts


def _drop_broken_down(doc: Document, items: list[Item]) -> list[Item]:
    """Counted totals and their parts, without counting a machine twice. Parts that add up to
    the total (`03 máy, gồm 02 máy Canon DR-C230 và 01 máy Fujitsu fi-7160`) are the devices:
    the total gives no row. Parts that do not add up stay beside the total when they name a
    kind (`09 máy tính, trong đó 05 máy tính để bàn`) or another status (`02 máy hỏng`); a
    part of the same category and status is a subset by some property (`25 máy tính, trong đó
    20 máy kết nối Internet`) and gives no row."""
    dropped: set[int] = set()
    for i, total in enumerate(items):
        parts = _parts(doc, items, i)
        if not parts:
            continue
        if sum(p.fields["quantity"] for p in parts) == total.fields["quantity"]:
            dropped.add(id(total))
        else:
            dropped.update(id(p) for p in parts if p.fields["status"] == total.fields["status"]
                           and p.fields["category"] == total.fields["category"])
    return [it for it in items if id(it) not in dropped]


def _body(doc: Document) -> list[Span]:
    return doc.zone("body") or [Span(0, len(doc.text))]


def equipment_items(doc: Document) -> list[Item]:
    """All equipment of a document, in reading order."""
    machines, tables = table_items(doc)
    sentences: list[Item] = []
    for span in _body(doc):
        machines.extend(spec_items(doc, span) + inline_items(doc, span))
        sentences.extend(sentence_items(doc, span, tables))
    return sorted(machines + _drop_totals(doc, _drop_broken_down(doc, sentences), machines), key=lambda it: it.start)
