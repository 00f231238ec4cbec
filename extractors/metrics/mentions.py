"""Finding the numbers a report states: every number token that may be a quantity, every
stated zero (`không có hồ sơ quá hạn`), scaled by a multiplier word (`4,2 ngàn hồ sơ`), and
the first term of a count written as a ratio (`đã giải quyết 3.900/4.100 HS`), each with the
noun written after it. Numbers that are names or codes (`Phụ lục 01`, `Phường 1`, `mã
1.012818.H24`, list numbers) are dropped here; dates never match (their `/` and `-` bind)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from datamodel import Document
from extractors.metrics import rules as R
from extractors.numbers import NUMBER, parse_vn_number
from extractors.vocab import compiled
from extractors.vocab import counted as N

_NUM = regex.compile(rf"(?<![\w.,/:\-])(?P<num>{NUMBER})(?P<pct>\s?%)?(?![\w/\-]|[.,:]\d)")
_RATIO = regex.compile(rf"(?<![\w.,/:\-])(?P<num>{NUMBER})\s?/\s?(?P<den>{NUMBER})(?![\w/\-%]|[.,:]\d)")
_ZERO = R.one(N.ZERO)
_NOT_A_COUNT = compiled(N.NOT_A_COUNT_BEFORE.pattern, regex.REVERSE)
"""Searched backwards: the wording is anchored at the end of the 40 characters before a number,
and only whether it is there counts (a third of the time of the forward search)."""
_LIST_NUMBER = regex.compile(r"^[\s*+\-•]*$")
_SKIP_ZONES = ("number", "place_date", "title", "subject", "period", "recipients", "distribution",
               "signer_authority", "signer_title", "signer_name", "timestamps")
_RATIO_KINDS = ("dossier", "dossier_abbrev", "procedure")
_THOUSANDS = regex.compile(r"\d\.\d{3}")


@dataclass
class Mention:
    """A number (or a stated zero) and what the noun after it says it counts; `after` is
    where the noun ends (the number's end when there is none)."""

    start: int
    end: int
    value: float
    percent: bool
    kind: str | None
    after: int
    zero: bool = False


def unit_kind(match: str, pos: int) -> tuple[str | None, int]:
    """The kind named by the noun at `pos` and the offset after it (one match of all the
    kinds' nouns, where trying each kind's pattern was an eighth of the metrics' time)."""
    m = R.UNIT_KIND.match(match, pos)
    if m is None or m.lastgroup is None:
        return None, pos
    return R.UNIT_KINDS[int(m.lastgroup.removeprefix("kind"))][0], m.end()


def _is_code_or_name(doc: Document, start: int) -> bool:
    """A number that is a list number at the start of a line or follows a naming word."""
    line_start = doc.text.rfind("\n", 0, start) + 1
    before = doc.match[max(line_start, start - 40) : start]  # a slice: its first word has nothing before it
    named = _NOT_A_COUNT.search(before) is not None
    if _LIST_NUMBER.match(doc.match[line_start:start]) and not named:
        return doc.match[start:start + 12].lstrip("0123456789")[:1] in (".", ")")
    return named


def _scaled(doc: Document, token: str, value: float, end: int) -> tuple[float, int] | None:
    """The value times a multiplier word written after it (`4,2 ngàn` = 4200) and where the
    word ends; None when the reading is ambiguous (`22.575 nghìn`: thousands written twice,
    most likely a slip), so the number is left out rather than guessed."""
    m = R.MULTIPLIER.match(doc.match, end)
    if m is None:
        return value, end
    if _THOUSANDS.search(token):
        return None
    return value * next(v for pattern, v in R.MULTIPLIERS if pattern.fullmatch(m.group("word"))), m.end()


def _numbers(doc: Document) -> list[Mention]:
    """Number tokens that may be quantities, with the noun after each."""
    found = []
    for m in _NUM.finditer(doc.match):
        token = doc.text[m.start("num") : m.end("num")]
        value = parse_vn_number(token)
        if value is None or _is_code_or_name(doc, m.start()):
            continue
        scaled = _scaled(doc, token, value, m.end()) if not m.group("pct") else (value, m.end())
        if scaled is None:
            continue
        kind, after = unit_kind(doc.match, scaled[1])
        found.append(Mention(m.start(), m.end(), scaled[0], bool(m.group("pct")), kind, max(after, m.end())))
    return found


def _ratios(doc: Document) -> list[Mention]:
    """The first term of `N/M <dossiers or procedures>` (resolved out of a total): the total
    is not read, as the wording seldom says what it is."""
    found = []
    for m in _RATIO.finditer(doc.match):
        num, den = parse_vn_number(m.group("num")), parse_vn_number(m.group("den"))
        kind, after = unit_kind(doc.match, m.end())
        if num is None or den is None or num > den or kind not in _RATIO_KINDS or _is_code_or_name(doc, m.start()):
            continue
        found.append(Mention(m.start(), m.end("num"), num, False, kind, after))
    return found


def _zeros(doc: Document) -> list[Mention]:
    """Stated zeros (`không có hồ sơ quá hạn`, `không có trực tiếp`)."""
    found = []
    for m in _ZERO.finditer(doc.match):
        kind, after = unit_kind(doc.match, m.end())
        found.append(Mention(m.start(), m.end() - 1, 0.0, False, kind, max(after, m.end()), zero=True))
    return found


def mentions(doc: Document) -> list[Mention]:
    """All candidate mentions outside the header and footer zones, in reading order."""
    every = sorted(_numbers(doc) + _ratios(doc) + _zeros(doc), key=lambda x: x.start)
    return [m for m in every if doc.zone_at(m.start) not in _SKIP_ZONES]
