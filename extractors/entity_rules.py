"""The rule half of entity recognition: bodies, units, systems, positions and cued names,
read with the vocabulary (`extractors.vocab.entities`) and the official unit list.

Spans are flat and never overlap (the longest wins), as in the VLSP convention the trained
model follows: a body with its unit is one ORG (`UBND xã Phượng Tiến`), a unit standing alone
is a LOC (`xã Phượng Tiến`, `thôn Đồng Bục`). Names after a unit word are read from their
capitalisation and cut to the longest official name when one is known."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

import extractors.admin_units as au
from datamodel import Document
from extractors.vocab import alternation, compiled
from extractors.vocab.bodies import REPORTING_BODIES
from extractors.vocab.entities import (
    ABBREVIATIONS,
    BODIES,
    COMMUNE_LEVEL,
    DEPARTMENT_HEADS,
    DEPARTMENT_NAMES,
    PERSON_CUES,
    POSITIONS,
    PROVINCE_LEVEL,
    SYSTEMS,
    UNIT_KINDS,
    UNIT_PREFIX,
)
from pipeline.textforms import canonical_tone

_WORD = regex.compile(r"[ \t]+(?:[\p{Lu}][\p{L}]*|\d+[\p{L}]?)(?![\p{L}\d])")
_UNIT = compiled(rf"(?<![\p{{L}}])(?P<kind>{alternation(UNIT_KINDS)})(?![\p{{L}}])")
_LEVEL_KINDS = "|".join(p.pattern for p in UNIT_KINDS if p.name in PROVINCE_LEVEL + COMMUNE_LEVEL)
_ATTACHED_UNIT = compiled(rf"[ \t]+(?:của[ \t]+)?(?P<kind>{_LEVEL_KINDS})(?![\p{{L}}])")
_IN_SYMBOL_BEFORE, _IN_SYMBOL_AFTER = r"(?<![/\-])", r"(?![\p{L}]|[/\-]\p{L})"
"""A body's code inside a document symbol (`125/BC-UBND`, `1234/UBND-VX`) is not a mention."""
_ALL_BODIES = sorted(BODIES + REPORTING_BODIES, key=lambda p: -len(p.pattern))  # the longer wording first
_BODY = compiled(rf"{_IN_SYMBOL_BEFORE}(?<![\p{{L}}])(?:{alternation(_ALL_BODIES)}){_IN_SYMBOL_AFTER}")
_DEPARTMENT = compiled(rf"(?<![\p{{L}}]){DEPARTMENT_HEADS.pattern}\s+{alternation(DEPARTMENT_NAMES)}(?![\p{{L}}])")
_SYSTEM = compiled(rf"(?<![\p{{L}}]){alternation(SYSTEMS)}(?![\p{{L}}])")
_POSITION = compiled(rf"(?<![\p{{L}}]){alternation(POSITIONS)}(?![\p{{L}}])")
_PERSON_CUE = compiled(rf"(?<![\p{{L}}]){PERSON_CUES.pattern}(?=\p{{L}})")
_ABBREVIATIONS = [(compiled(rf"(?<![\p{{L}}]){p.pattern}(?![\p{{L}}])", regex.IGNORECASE), p.name) for p in ABBREVIATIONS]
_UNIT_PREFIX = compiled(UNIT_PREFIX.pattern, regex.IGNORECASE)
_NUMBERED_UNITS = ("thôn", "xóm", "tổ dân phố", "ấp")


@dataclass(frozen=True)
class EntitySpan:
    """A recognised entity: [start, end) in the document's text."""

    start: int
    end: int
    label: str
    kind: str
    normalized: str
    code: int | None = None
    title: str | None = None
    source: str = "rule"


def _kind_name(folded: str) -> str:
    return next(p.name for p in UNIT_KINDS if compiled(rf"{p.pattern}$").match(folded))


def _proper_name(doc: Document, pos: int, numbered: bool, most: int = 5) -> list[regex.Match[str]]:
    """The capitalised words (or a number, for villages and groups) right after `pos`."""
    words: list[regex.Match[str]] = []
    while len(words) < most:
        m = _WORD.match(doc.text, pos)
        if m is None or (m.group().strip()[0].isdigit() and not (numbered and not words)):
            break
        words.append(m)
        pos = m.end()
        if m.group().strip()[0].isdigit():
            break
    return words


def _unit_at(doc: Document, kind_start: int, kind_end: int, province: int | None) -> tuple[int, str, int | None] | None:
    """The end, normalized form and official code of the unit whose kind word is at
    [kind_start, kind_end), or None when no proper name follows it."""
    kind = _kind_name(doc.match[kind_start:kind_end])
    words = _proper_name(doc, kind_end, kind in _NUMBERED_UNITS)
    if not words:
        return None
    texts = [w.group().strip() for w in words]
    code = None
    if kind in PROVINCE_LEVEL or kind in COMMUNE_LEVEL:
        known = au.is_province_name if kind in PROVINCE_LEVEL else au.is_commune_name
        n = au.known_prefix(texts, known)
        if n:
            words, texts = words[:n], texts[:n]
            code, official = _official(" ".join(texts), kind, province)
            if official:
                texts = official.split()
    name = " ".join(t if t.isdigit() else t[:1] + t[1:].lower() for t in texts)
    return words[-1].end(), f"{kind} {name}", code


def _official(name: str, kind: str, province: int | None) -> tuple[int | None, str | None]:
    if kind in PROVINCE_LEVEL:
        unit = au.province_named(name)
        return (unit.code, _UNIT_PREFIX.sub("", unit.name, count=1)) if unit else (None, None)
    found = au.communes_named(name, kind)
    inside = [u for u in found if province is None or u.province_code == province]
    if len(inside) == 1 or len(found) == 1:
        unit = (inside or list(found))[0]
        return unit.code, _UNIT_PREFIX.sub("", unit.name, count=1)
    return None, None


def _sentence_case(text: str) -> str:
    """The normalized form of a body or title: one space, canonical tone marks, capitals
    of a header line lowered (`ỦY BAN NHÂN DÂN`), abbreviations written out."""
    text = canonical_tone(regex.sub(r"\s+", " ", text).strip())
    if text.isupper() and " " in text:
        text = text[:1] + text[1:].lower()
    for pattern, full in _ABBREVIATIONS:
        text = pattern.sub(full, text)
    return text


def _with_unit(doc: Document, start: int, end: int, province: int | None) -> tuple[int, str, int | None]:
    """Extend a body ending at `end` by the unit written after it (`UBND` + ` xã Phượng Tiến`)."""
    m = _ATTACHED_UNIT.match(doc.match, end)
    if m is None:
        words = _proper_name(doc, end, numbered=False, most=4)
        n = au.known_prefix([w.group().strip() for w in words], au.is_province_name, most=4)
        if n:  # a province written bare after its body (`Tỉnh ủy Thanh Hóa`)
            code, official = _official(" ".join(w.group().strip() for w in words[:n]), "tỉnh", None)
            return words[n - 1].end(), f"{_sentence_case(doc.text[start:end])} {official}", code
        return end, _sentence_case(doc.text[start:end]), None
    unit = _unit_at(doc, m.start("kind"), m.end("kind"), province)
    body = _sentence_case(doc.text[start:end])
    if unit is None:
        return m.end(), f"{body} {_kind_name(m.group('kind'))}", None
    unit_end, unit_norm, code = unit
    return unit_end, f"{body} {unit_norm}", code


def rule_entities(doc: Document, province: int | None = None, signer_title: str | None = None) -> list[EntitySpan]:
    """Every entity the rules find, non-overlapping, in reading order. `province` (the
    report's province code) picks among communes that share a name."""
    found: list[EntitySpan] = []
    for m in _BODY.finditer(doc.match):
        end, norm, code = _with_unit(doc, m.start(), m.end(), province)
        found.append(EntitySpan(m.start(), end, "ORG", "body", norm, code))
    for m in _DEPARTMENT.finditer(doc.match):
        end, norm, code = _with_unit(doc, m.start(), m.end(), province)
        found.append(EntitySpan(m.start(), end, "ORG", "body", norm, code))
    for m in _SYSTEM.finditer(doc.match):
        end, norm, code = _with_unit(doc, m.start(), m.end(), province)
        found.append(EntitySpan(m.start(), end, "ORG", "system", norm, code))
    found += _place_of_issue(doc, province)
    for m in _UNIT.finditer(doc.match):
        unit = _unit_at(doc, m.start("kind"), m.end("kind"), province)
        if unit is not None:
            found.append(EntitySpan(m.start(), unit[0], "LOC", "admin_unit", unit[1], unit[2]))
    for m in _POSITION.finditer(doc.match):
        found.append(EntitySpan(m.start(), m.end(), "PER", "position", _sentence_case(doc.text[m.start():m.end()])))
    for m in _PERSON_CUE.finditer(doc.match):
        words = _proper_name(doc, m.end() - 1, numbered=False, most=4)
        if len(words) >= 2:
            found.append(EntitySpan(m.end(), words[-1].end(), "PER", "person",
                                    " ".join(w.group().strip() for w in words)))
    for span in doc.zone("signer_name"):
        found.append(EntitySpan(span.start, span.end, "PER", "person", _sentence_case(doc.text[span.start:span.end]),
                                title=signer_title))
    motto = doc.zone("motto")
    return flat([e for e in found if not any(z.start <= e.start < z.end for z in motto)])


_PLACE = regex.compile(r"[\p{Lu}][\p{L}]*(?:[ \t]+[\p{Lu}][\p{L}]*){0,4}(?=,)")


def _place_of_issue(doc: Document, province: int | None) -> list[EntitySpan]:
    """The commune named bare before the date line's comma (`Phượng Tiến, ngày ...`)."""
    found = []
    for span in doc.zone("place_date"):
        m = _PLACE.match(doc.text, span.start, span.end)
        if m:
            code, official = _official(m.group(), "xã", province)
            found.append(EntitySpan(m.start(), m.end(), "LOC", "admin_unit", official or m.group(), code))
    return found


def flat(spans: list[EntitySpan]) -> list[EntitySpan]:
    """The longest of overlapping spans (the earlier on a tie), in reading order."""
    starts: list[int] = []
    kept: list[EntitySpan] = []  # sorted by start, never overlapping
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        i = bisect.bisect_left(starts, span.start)
        if (i == 0 or kept[i - 1].end <= span.start) and (i == len(kept) or span.end <= kept[i].start):
            starts.insert(i, span.start)
            kept.insert(i, span)
    return kept
