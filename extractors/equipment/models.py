"""Brands and models listed after a device noun (`04 máy scan loại Epson DS-410, Epson DS-530`,
`máy chủ (server) Dell PowerEdge T150`)."""

from __future__ import annotations

import regex

from datamodel import Document
from extractors.equipment.items import BRAND, brand_name
from extractors.vocab.devices import MODEL_INTRO, QUALIFIERS

Model = tuple[int, int, str | None, str | None]
"""(start, end, brand, model) of one listed item."""


QUALIFIED = rf"(?:\s*(?:{QUALIFIERS})(?!\p{{L}}))*"
_QUALIFIERS = regex.compile(QUALIFIED)
_INTRO = regex.compile(rf"\s*(?:{MODEL_INTRO})\s*:?\s*")
_TOKEN = r"[\p{L}\d\-.+/]*\d[\p{L}\d\-.+/]*"
_MODEL = regex.compile(rf"\s*(?:[a-z]+[\s-]){{0,2}}?{_TOKEN}(?:\s+{_TOKEN}|\s+[a-z]\d+)*")
_ITEM_SEP = regex.compile(r"\s*(?:,|và|/)\s*")
_PAREN = regex.compile(r"[^,;.()\n]{0,30}?\(")


def _items(doc: Document, pos: int, limit: int, need_brand: bool) -> list[Model]:
    """`Epson DS-410, Epson DS-530, Hp 3000 s4` from `pos`: (start, end, brand, model) per item."""
    out: list[Model] = []
    while pos < limit:
        lead = len(doc.match[pos:limit]) - len(doc.match[pos:limit].lstrip())
        start = pos + lead
        brand = BRAND.match(doc.match, start, limit)
        after = brand.end() if brand else start
        model = _MODEL.match(doc.match, after, limit)
        if not brand and (need_brand or not model):
            break
        end = model.end() if model else after
        model_text = doc.text[model.start() : model.end()].strip().rstrip(".-/") if model else None
        out.append((start, end, brand_name(brand) if brand else None, model_text or None))
        sep = _ITEM_SEP.match(doc.match, end, limit)
        if not sep:
            break
        pos = sep.end()
    return out


def tail(doc: Document, noun_end: int, limit: int) -> tuple[list[Model], int]:
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
