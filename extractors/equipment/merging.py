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
    machines, tables = table_items(doc)
    sentences: list[Item] = []
    for span in _body(doc):
        machines.extend(spec_items(doc, span) + inline_items(doc, span))
        sentences.extend(sentence_items(doc, span, tables))
    return sorted(machines + _drop_totals(doc, _drop_broken_down(doc, sentences), machines), key=lambda it: it.start)
