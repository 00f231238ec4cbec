"""What every way of reading equipment shares: the `Item` row, the device-noun patterns, and
where a device belongs (its category, unit and owner label)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from datamodel import Document, Span
from extractors.equipment.specs import Fields
from extractors.numbers import NUMBER, parse_vn_number
from extractors.vocab import alternation
from extractors.vocab.devices import BARE_MACHINE, BRANDS, DEVICE_NOUNS, HOLDER_UNITS, NAME_INTRO
from extractors.vocab.quantities import CLASSIFIERS, NOT_A_COUNT_BEFORE, NUMBER_WORDS
from extractors.vocab.shortages import REQUEST

DEVICES: tuple[tuple[str, str], ...] = tuple(
    (cat, "|".join(p.pattern for p in DEVICE_NOUNS if p.name == cat)) for cat in dict.fromkeys(p.name for p in DEVICE_NOUNS)
)
"""Device nouns by category, on the matching form; earlier entries win at the same position."""
COMPUTERS = ("desktop", "laptop", "computer")
UNITS: tuple[tuple[str, str], ...] = tuple((p.name, p.pattern) for p in HOLDER_UNITS)
NOUN = "|".join(f"(?P<{cat}>{pat})" for cat, pat in DEVICES)
MENTION_PATTERN = (
    rf"(?:(?:(?<![\d/.,:-])(?<!(?<!\p{{L}})(?:{NOT_A_COUNT_BEFORE})\s+)(?P<num>{NUMBER})(?![\d/]|[.,]\d)"
    rf"|(?<!\p{{L}})(?P<num>{alternation(NUMBER_WORDS)}))"
    rf"\s+(?:(?:{CLASSIFIERS})\s+)?)?(?:{NOUN}|(?P<bare>{BARE_MACHINE}))"
)
"""A device mention: an optional count (digits or a number word, then a classifier) and the noun."""
MENTION_STARTS = ("b[aảốộ]", "c[ah]", "de", "h[aệ]", "ki", "la", "m[àáưộ]", "no", "pc", "ro", "s[cemá]",
                  "t[ahiá]", "up", "đ[iưầ]")
"""The first two characters a mention can begin with besides a digit, derived from
MENTION_PATTERN by partial matching (`tests/extractors/test_equipment_prefilter.py` derives them
again and fails when the vocabulary adds one): tested first at each position, they spare the
full pattern the ~95 % of positions where no mention can start. Matches are unchanged."""
MENTION = regex.compile(rf"(?=\d|{'|'.join(MENTION_STARTS)}){MENTION_PATTERN}")
MENTION_PREFIXES = ("ba\\s", "bả[ny]", "bốn", "bộ\\s", "cam", "chí", "des", "hai", "hệ\\s", "ki[-oố]", "lap", "màn",
                    "máy", "mườ", "một", "not", "pc", "rou", "sca", "ser", "sma", "sáu", "tab", "thi", "ti[\\sv]",
                    "tám", "ups", "đi[ểệ]", "đườ", "đầu")
"""The first three characters a mention can begin with besides a digit (`pc` alone: it can end
one), as Python `re` patterns; derived from MENTION_PATTERN by partial matching, like
MENTION_STARTS (the same test derives them again and fails when they no longer admit a start)."""
_STARTS_BY_LETTER = {first: [p[1:] for p in MENTION_PREFIXES if p[0] == first] for first in dict.fromkeys(p[0] for p in MENTION_PREFIXES)}
_OTHER_SCRIPT = "\u0250-\u1dff\u1f00-\U0010ffff"
_CANDIDATE = re.compile(
    rf"(?=[0-9{''.join(_STARTS_BY_LETTER)}{_OTHER_SCRIPT}])"
    rf"(?:[0-9](?<![0-9/.,:\-][0-9])(?=[0-9.,]*(?![!-~]))|[{_OTHER_SCRIPT}]|"
    + "|".join(f"{first}(?={'|'.join(rests)})" for first, rests in _STARTS_BY_LETTER.items()) + ")"
)
"""Every position where a mention can begin (and some more): an ASCII digit that starts a
number whose run of digits, dots and commas is followed by no visible ASCII character (a count
is followed by white space, or by a digit of another script: not `12/3`, `5a`, `2024)`; half
the digits of a report), any character outside the Latin and Vietnamese letters (a digit of
another script among them), or one of the prefixes. Each match is one character long, so none hides another.
Written so that `re` rejects most positions on their first character (one class, then one
branch per first letter): twice as fast as a branch per prefix led by the digit's lookbehind."""


def mentions_in(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """`MENTION.finditer(text, start, end)`, with MENTION tried only where `_CANDIDATE` says a
    mention can begin: `re` finds those positions at C speed, where the `regex` module tried
    its prefilter at every position (most of the equipment extractor's time)."""
    pos = start
    match = MENTION.match
    for candidate in _CANDIDATE.finditer(text, start, end):
        at = candidate.start()
        if at >= pos and (m := match(text, at, end)):
            yield m
            pos = m.end()
_DEVICE = regex.compile(NOUN)
REQUEST_RE = regex.compile(rf"(?<!\p{{L}})(?:{REQUEST})(?!\p{{L}})")
BRAND = regex.compile(r"(?<!\p{L})(?:" + "|".join(sorted(BRANDS, key=len, reverse=True)).replace(" ", r"\s+") + r")(?!\p{L})")
_SPACES = regex.compile(r"\s+")
_NAME_INTRO = regex.compile(rf"\s*(?:{NAME_INTRO})\s+")
_NUMBER_LEFT = regex.compile(r"[\s:;,.]*\d{1,3}(?![\d\p{L}])")
_UNIT_RES = [(name, regex.compile(p)) for name, p in UNITS]
HEADING_NUMBER = regex.compile(r"\s*(?:(?:(?:\d{1,2}\.)+\d{0,2}|[-+*•])\s*)*")

_WORD_VALUES = [(regex.compile(p.pattern), float(p.name)) for p in NUMBER_WORDS]


def brand_name(written: regex.Match[str]) -> str:
    """The brand a `BRAND` match names, as the vocabulary spells it (white space made one space)."""
    return BRANDS[_SPACES.sub(" ", written.group(0))]


def count_value(token: str | None) -> float | None:
    """The value of a count before a device, in digits (`03`) or in words (`hai`)."""
    if not token:
        return None
    value = parse_vn_number(token)
    return value if value is not None else next((v for rx, v in _WORD_VALUES if rx.fullmatch(token)), None)


@dataclass
class Item:
    """One equipment row before it becomes a fact: its mention span, its fields, and where
    each spec came from (for the checks' evidence)."""

    start: int
    end: int
    fields: Fields
    spec_spans: dict[str, Span] = field(default_factory=dict)


def category_at(doc: Document, start: int, end: int) -> str | None:
    """The category of the first device noun in [start, end) of the text."""
    m = _DEVICE.search(doc.match, start, end)
    return next((cat for cat, _ in DEVICES if m and m.group(cat)), None)


def context_category(doc: Document, offset: int) -> str | None:
    """The category a bare `máy` stands for: the last device noun earlier on its line
    (`Máy tính: ... 09 máy`), else one in its section's heading."""
    line = doc.line_span(offset)
    found = [cat for m in _DEVICE.finditer(doc.match, line.start, offset) for cat, _ in DEVICES if m.group(cat)]
    if found:
        return found[-1]
    sec = doc.section_at(offset)
    return category_at(doc, sec.start, sec.heading_end) if sec else None


@dataclass(frozen=True)
class _UnitHits:
    """Every unit named in one window, sorted by start and by end, with the longest one's
    length: a mention's nearest unit is then found by bisection, not by a rescan of the window
    (a line of 100,000 characters with a thousand mentions made the rescans quadratic)."""

    by_start: list[tuple[int, int, str]]
    by_end: list[tuple[int, int, str]]
    starts: list[int]
    ends: list[int]
    longest: int


@lru_cache(maxsize=4)  # a sentence and its line per mention; bounded: it holds texts
def _unit_hits(text: str, start: int, end: int) -> _UnitHits:
    hits = [(m.start(), m.end(), name) for name, rx in _UNIT_RES for m in rx.finditer(text, start, end)]
    by_start, by_end = sorted(hits), sorted(hits, key=lambda h: (h[1], h[0], h[2]))
    return _UnitHits(by_start, by_end, [h[0] for h in by_start], [h[1] for h in by_end],
                     max((e - s for s, e, _ in hits), default=0))


def _nearest_unit(doc: Document, start: int, end: int, within: Span) -> str | None:
    """The unit named nearest [start, end) inside `within`, one before it winning a tie.
    Candidates: the units that overlap the mention, the ones that end last before it and the
    ones that start first after it."""
    hits = _unit_hits(doc.match, within.start, within.end)
    if not hits.by_start:
        return None
    starts, ends = hits.starts, hits.ends
    near = hits.by_start[bisect_left(starts, start - hits.longest):bisect_left(starts, end)]
    before = bisect_right(ends, start)
    if before:
        last_end = ends[before - 1]
        near += hits.by_end[bisect_left(ends, last_end):before]
    after = bisect_left(starts, end)
    if after < len(starts):
        near += hits.by_start[after:bisect_right(starts, starts[after])]
    keys = [(max(start - e, s - end, 0), s > start, name) for s, e, name in near]
    return min(keys)[2]


def unit_of(doc: Document, start: int, end: int) -> str | None:
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


def label_from_name(doc: Document, start: int, end: int) -> str | None:
    """Who a machine is for, from its header or name cell: the text left when the numbering,
    the device noun and a leading `của`/`cho` are removed (`Bộ máy tính để bàn Công chức 1:`
    → `Công chức 1`), or the whole name when what is left starts with a number, as the
    number alone says nothing (`Máy tính 1`, `Máy tính 2 (Kế toán)`); None for a long sentence."""
    text, folded = doc.text[start:end], doc.match[start:end]
    name = cut = HEADING_NUMBER.match(folded).end()
    noun = _DEVICE.search(folded, cut)
    if noun and not folded[cut : noun.start()].strip():
        cut = noun.end()
    intro = _NAME_INTRO.match(folded[cut:])
    cut += intro.end() if intro else 0
    if _NUMBER_LEFT.match(folded[cut:]):
        cut = name
    label = text[cut:].strip(" :;,.-\t")
    return label if label and len(label) <= 60 else None


def new_fields(category: str, quantity: float | None, status: str, source: str) -> Fields:
    return {"category": category, "quantity": quantity, "status": status, "source": source}


def lines_of(doc: Document, span: Span) -> list[Span]:
    """The non-blank lines of a span."""
    text = doc.text
    return [line for line in doc.line_spans(span.start, span.end) if text[line.start : line.end].strip()]


def trimmed_end(doc: Document, start: int, end: int) -> int:
    """`end` moved back over trailing spaces."""
    return start + len(doc.text[start:end].rstrip())
