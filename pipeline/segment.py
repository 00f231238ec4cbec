"""Segment a normalised report into the parts of an official document.

The template (Decree 30/2020/NĐ-CP for state bodies, Guidance 36-HD/VPTW for Party bodies):
header (issuer lines, national motto or party name, number and symbol, place and date),
title `BÁO CÁO` and subject, an optional period line, `Kính gửi` recipients, an opening
paragraph, numbered sections, a closing sentence (`Trên đây là báo cáo ...`), the `Nơi nhận`
list, the signer block (authority, title, name) and signature timestamps. Reports deviate
from it freely: every part is optional, numbering is irregular (`6.` followed by `5.1.`),
and in a PDF the header may come out in any order. Lines are classified on the matching
form, so `UỶ BAN` and `ỦY BAN` are one word.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from datamodel import Header, Section, Span
from extractors.vocab import alternation, bodies, periods, signers
from extractors.vocab import document_parts as parts
from pipeline.header import read_header
from pipeline.textforms import is_upper_case

ZONES = (
    "issuer", "motto", "number", "place_date", "title", "subject", "period", "recipients",
    "opening", "body", "closing", "distribution", "signer_authority", "signer_title",
    "signer_name", "timestamps",
)
"""Zone names a segmented Document may carry (each a list of spans)."""

_MOTTO = regex.compile(rf"^{parts.MOTTO}(?!\p{{L}})")
_NUMBER = regex.compile(rf"^{parts.NUMBER_LABEL.pattern}\s*:?[\s\d.]*[/-]?\s*[\p{{L}}]{{1,5}}\s*[/-]")
_PLACE_DATE = regex.compile(rf"^[\p{{L}}\s.'\-]{{2,40}},\s*{parts.DATE_LINE_DAY.pattern}\b")
_NUMBER_LABEL = regex.compile(rf"^{parts.NUMBER_LABEL.pattern}\s*:?\s*$")
_SYMBOL_REST = regex.compile(r"^[\d.]*\s*[/-]\s*\p{L}{1,5}\s*[/-]")
_DATE_REST = regex.compile(r"^tháng\b.*\bnăm\b")
_OWN_NUMBER = regex.compile(
    rf"^(?:\(\s*|{parts.REPORT}\s+(?={parts.NUMBER_LABEL.pattern}\s*:?\s*\d[\d.]*\s*/\s*bc-))"
    rf"{parts.NUMBER_LABEL.pattern}\s*:?\s*\d[\d.]*\s*[/-]\s*\p{{L}}[^,\s]*?(?=\s*,?\s*{parts.DATE_LINE_DAY.pattern}\s*\d)"
)
_OWN_DATE = regex.compile(r"\s*,?\s*(?P<date>ngày\s*\d{1,2}\s*(?:tháng\s*|[/.-]\s*)\d{1,2}\s*(?:năm\s*|[/.-]\s*)\d{4})")
_OWN_ISSUER = regex.compile(r"\s*của\s+(?P<issuer>[^()\n,]{3,80}?)\s*(?:\)|,|\s+về\s|$)")
_TITLE = regex.compile(rf"^{parts.REPORT_TITLE}(?!\p{{L}})")
_PERIOD = regex.compile("^" + periods.PERIOD_LINE.pattern)
_RECIPIENTS = regex.compile(rf"^{parts.RECIPIENTS.pattern}\s*:?")
_SEPARATOR = regex.compile(r"^[-_*=~.\s]{3,}$")
_ROMAN = "ivxlc"
"""The letters of a section's roman number (on the matching form)."""
_HEADING = regex.compile(
    rf"^(?P<num>(?:\d{{1,2}}\.){{1,4}}\d{{0,2}}|[{_ROMAN}]{{1,6}}\.|\d{{1,2}}\))\s*(?P<title>[\p{{L}}\"“(].*)$"
)
_HEADING_FIRST = frozenset("0123456789" + _ROMAN)
"""The ASCII characters a `_HEADING` can start with (a digit is 0-9 there, nothing else ASCII)."""


def _heading(folded: str) -> regex.Match[str] | None:
    """`_HEADING.match` of a non-blank line, without a regex call when its first character is
    ASCII and no heading starts with it (most lines)."""
    first = folded[0]
    return _HEADING.match(folded) if not first.isascii() or first in _HEADING_FIRST else None


_CLOSING = regex.compile(rf"^{parts.CLOSING.pattern}\b")
_DISTRIBUTION = regex.compile(rf"^{parts.DISTRIBUTION.pattern}\s*:?")
_LIST_ITEM = regex.compile(r"^[-+*•]\s*\S")
_AUTHORITY = regex.compile(rf"^(?P<auth>{signers.AUTHORITY})\s*(?P<rest>.*)$")
_SIGNER_TITLE = regex.compile(rf"^{signers.SIGNER_TITLE}\b")
_BODY_WORD = regex.compile(rf"(?<!\p{{L}})(?:{bodies.REPORTING_BODY}|{bodies.SUPERIOR_UNIT.pattern}|{bodies.COMMUNE_KIND})(?!\p{{L}})")
_TIMESTAMP = regex.compile(r"\d{4}-\d{2}-\d{2}t\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:?\d{2}|z)?")
_UPPER_NAME = regex.compile(r"^(?:\p{Lu}+\s+){1,5}\p{Lu}+$")
_NAME = regex.compile(r"^(?:\p{Lu}\p{Ll}*\s+){1,5}\p{Lu}\p{Ll}*$")
_OPENING_START = regex.compile(rf"^{alternation(parts.OPENING_WORDS)}\b")
_ROMAN_HEADING = regex.compile(rf"^[{_ROMAN}]{{1,6}}\.\s")
_ROMAN_NUMBER = regex.compile(rf"^[{_ROMAN}]+\.$")
_SPACES = regex.compile(r"\s+")
_TOPIC_PATTERNS = [(p.name, regex.compile(p.pattern)) for p in parts.SECTION_TOPICS]


class _Line(NamedTuple):
    """A non-blank line without its surrounding white space, and its matching form."""

    start: int
    end: int
    text: str
    match: str


def _lines(text: str, match: str) -> list[_Line]:
    """The non-blank lines; most have no white space to cut at either end."""
    out, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = 0 if len(stripped) == len(raw) else len(raw) - len(raw.lstrip())
            start = pos + lead
            out.append(_Line(start, start + len(stripped), stripped, match[start:start + len(stripped)]))
        pos += len(raw) + 1
    return out


def topic_of(title: str) -> str | None:
    """The topic a section title names, on the matching form, or None."""
    for name, pattern in _TOPIC_PATTERNS:
        if pattern.search(title):
            return name
    return None


def _is_upper(text: str) -> bool:
    return is_upper_case(text, 2)


class _Zones:
    def __init__(self) -> None:
        self.zones: dict[str, list[Span]] = {}

    def add(self, name: str, start: int, end: int) -> None:
        spans = self.zones.setdefault(name, [])
        if spans and name in ("subject", "opening", "distribution", "recipients", "signer_title") and _adjacent(spans[-1], start):
            spans[-1] = Span(spans[-1].start, end)
        else:
            spans.append(Span(start, end))


def _adjacent(span: Span, start: int) -> bool:
    return 0 <= start - span.end <= 1


def _find_title(lines: list[_Line]) -> int | None:
    """Index of the title line (`BÁO CÁO`, `KẾ HOẠCH`, `TỜ TRÌNH` ...) within the first lines."""
    for i, ln in enumerate(lines[:25]):
        if _TITLE.match(ln.match) and _is_upper(ln.text.split(":")[0]):
            return i
    return None


def _classify_header(lines: list[_Line], i: int, previous: str) -> str:
    """The zone of header line `i`; a PDF may break the `Số:` line before its symbol and the
    place/date line before `tháng ... năm ...`, so the continuation joins the line above."""
    ln = lines[i]
    nxt = lines[i + 1].match if i + 1 < len(lines) else ""
    if _MOTTO.match(ln.match):
        return "motto"
    if _NUMBER.match(ln.match) or (_NUMBER_LABEL.match(ln.match) and _SYMBOL_REST.match(nxt)):
        return "number"
    if previous == "number" and _SYMBOL_REST.match(ln.match):
        return "number"
    if _PLACE_DATE.match(ln.match) and ("năm" in ln.match or _DATE_REST.match(nxt)):
        return "place_date"
    if previous == "place_date" and _DATE_REST.match(ln.match):
        return "place_date"
    return "issuer" if _is_upper(ln.text) or ln.text.strip() in ("*", "***") else "other"


def _official_lines(lines: list[_Line], kinds: list[str]) -> bool:
    """Whether header-like lines are a real header: a motto, a number line, or an issuer line
    naming a body (an upper-case news headline or a lone dateline is none)."""
    issuer = regex.compile(bodies.REPORTING_BODY)
    return any(k in ("motto", "number") or (k == "issuer" and issuer.match(ln.match)) for ln, k in zip(lines, kinds))


def _header(lines: list[_Line], title: int | None, zones: _Zones) -> int:
    """Zones of the lines before the title, or, without a title, of the leading lines when
    they form an official header; returns the index of the first line after the header."""
    kinds: list[str] = []
    for i in range(title if title is not None else min(len(lines), 12)):
        kinds.append(_classify_header(lines, i, kinds[-1] if kinds else ""))
        if title is None and kinds[-1] == "other":
            kinds.pop()
            break
    if title is None and not _official_lines(lines, kinds):
        return 0
    for ln, kind in zip(lines, kinds):
        if kind != "other":
            zones.add(kind, ln.start, ln.end)
    return title if title is not None else len(kinds)


def _own_number(ln: _Line, zones: _Zones) -> bool:
    """The report's own number and date stated in a parenthesis under its title or at its top
    (`(Số 112/BC-UBND, ngày 05/3/2024 của UBND xã X)`), or in the sentence that opens a text
    without a header (`Báo cáo số 112/BC-UBND ngày 05/3/2024 của UBND xã X về ...`): number, place/date and issuer zones,
    so that neither references nor dates read them as a cited document."""
    m = _OWN_NUMBER.match(ln.match)
    date = _OWN_DATE.match(ln.match, m.end()) if m else None
    if not m or not date:
        return False
    zones.add("number", ln.start, ln.start + m.end())
    zones.add("place_date", ln.start + date.start("date"), ln.start + date.end("date"))
    issuer = _OWN_ISSUER.match(ln.match, date.end())
    if issuer and "issuer" not in zones.zones:
        zones.add("issuer", ln.start + issuer.start("issuer"), ln.start + issuer.end("issuer"))
    return True


def _untitled_front(lines: list[_Line], i: int, stop: int, zones: _Zones) -> int:
    """Without a title: the report's own `(Số ..., ngày ...)` line and `Kính gửi` recipients at
    the top; returns the index of the first body line."""
    last = ""
    while i < stop:
        ln = lines[i]
        if not last and "number" not in zones.zones and _own_number(ln, zones):
            last = "number"
        elif _RECIPIENTS.match(ln.match) or (last == "recipients" and _LIST_ITEM.match(ln.match)):
            last = "recipients"
            zones.add("recipients", ln.start, ln.end)
        else:
            return i
        i += 1
    return i


def _front_matter(lines: list[_Line], i: int, title: int | None, stop: int, zones: _Zones) -> int:
    """Title, subject, period, recipients and opening, up to the first numbered heading or the
    footer (line `stop`); returns the index of the first body line. In a short report without
    numbered sections the opening is its first paragraph and the rest is the body, and a
    sentence (a line ending in a full stop) is never the subject."""
    if title is None:
        return _untitled_front(lines, i, stop, zones)
    zones.add("title", lines[title].start, lines[title].end)
    i = title + 1
    sectionless = not any(_heading(ln.match) and not _PERIOD.match(ln.match) for ln in lines[i:stop])
    last, subject_lines = "title", 0
    while i < stop:
        ln = lines[i]
        if _heading(ln.match) and not _PERIOD.match(ln.match):
            break
        if _SEPARATOR.match(ln.match):
            i += 1
            continue
        if "number" not in zones.zones and _own_number(ln, zones):
            i += 1
            continue
        if _RECIPIENTS.match(ln.match) or (last == "recipients" and _LIST_ITEM.match(ln.match)):
            kind = "recipients"
        elif _PERIOD.match(ln.match) and ln.match.startswith("(") and len(ln.match) < 80:
            kind = "period"
        elif (last in ("title", "subject") and subject_lines < 3 and not _OPENING_START.match(ln.match)
              and not ln.text.endswith(":") and not (sectionless and ln.text.endswith("."))):
            kind = "subject"
            subject_lines += 1
        elif sectionless and last == "opening":
            break
        else:
            kind = "opening"
        zones.add(kind, ln.start, ln.end)
        last = kind
        i += 1
    return i


def _short_label(ln: _Line) -> bool:
    """A line of a few words without digits: how signer lines look in any case."""
    return len(ln.text.split()) <= 7 and not any(c.isdigit() for c in ln.text)


def _is_authority(ln: _Line) -> bool:
    """`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, `T/M BAN THƯỜNG VỤ`, also in mixed case (`Kt. Chủ tịch`)."""
    return bool(_AUTHORITY.match(ln.match)) and (_is_upper(ln.text) or _short_label(ln))


def _is_signer_title(ln: _Line, state: str) -> bool:
    """`PHÓ CHỦ TỊCH`, `BÍ THƯ` (any case), or any upper-case line inside the signer block."""
    if _SIGNER_TITLE.match(ln.match) and _short_label(ln):
        return True
    return _is_upper(ln.text) and state == "signer"


def _is_second_title(ln: _Line) -> bool:
    """A further title line under the first (`PHÓ TRƯỞNG BAN` / `PHÓ CHỦ TỊCH UBND TỈNH`): it
    opens with a title word or names a body, so it is never the signer's name."""
    return _short_label(ln) and bool(_SIGNER_TITLE.match(ln.match) or _BODY_WORD.search(ln.match))


def _is_signer_name(ln: _Line, state: str) -> bool:
    """`La Thị Huệ` after the signer lines (or straight after the lists); in capitals
    (`NGUYỄN VĂN AN`) only once a title line has been read."""
    if len(ln.text) >= 40 or state not in ("signer", "titled", "distribution", "closing"):
        return False
    return bool(_NAME.match(ln.text) or (state == "titled" and _UPPER_NAME.match(ln.text)))


def _footer_start(lines: list[_Line], begin: int) -> int:
    """Index of the first footer line: the closing sentence, `Nơi nhận`, or a signer block."""
    for i in range(begin, len(lines)):
        m = lines[i].match
        if _CLOSING.match(m) or _DISTRIBUTION.match(m):
            return i
        if i > len(lines) - 12 and _is_authority(lines[i]):
            return i
    return len(lines)


def _footer(lines: list[_Line], begin: int, zones: _Zones) -> None:
    """Closing sentence, distribution list, signer authority/title/name, timestamps."""
    state = "closing"
    for ln in lines[begin:]:
        m = ln.match
        if len(m) < 60 and _TIMESTAMP.search(m):
            zones.add("timestamps", ln.start, ln.end)
        elif state == "closing" and _CLOSING.match(m):
            zones.add("closing", ln.start, ln.end)
        elif _DISTRIBUTION.match(m):
            state = "distribution"
            zones.add("distribution", ln.start, ln.end)
        elif state == "distribution" and _LIST_ITEM.match(m):
            zones.add("distribution", ln.start, ln.end)
        elif _is_authority(ln):
            state = "signer"
            zones.add("signer_authority", ln.start, ln.end)
        elif (state != "titled" and _is_signer_title(ln, state)) or (state == "titled" and _is_second_title(ln)):
            state = "titled"
            zones.add("signer_title", ln.start, ln.end)
        elif _is_signer_name(ln, state):
            zones.add("signer_name", ln.start, ln.end)
            state = "after_signer"
        elif state == "closing":
            zones.add("closing", ln.start, ln.end)


def _sections(lines: list[_Line], begin: int, end: int, body_end: int) -> list[Section]:
    """Numbered sections between `begin` and `end` (line indices), nested by a stack so an
    irregular number (`6.` then `5.1.`) still hangs under the heading just above it."""
    has_roman = any(ln.match[0] in _ROMAN and _ROMAN_HEADING.match(ln.match) for ln in lines[begin:end])
    found: list[Section] = []
    stack: list[Section] = []
    for ln in lines[begin:end]:
        m = _heading(ln.match)
        if not m or len(ln.text) > 300:
            continue
        num = ln.text[: len(m.group("num"))]
        if _ROMAN_NUMBER.match(m.group("num")):
            level = 1
        elif num.endswith(")"):
            level = (stack[-1].level + 1) if stack else 1
        else:
            level = len([p for p in num.split(".") if p]) + (1 if has_roman else 0)
        title_text = ln.text[m.start("title") :]
        title = title_text.split(":")[0].strip() if ":" in title_text[:120] else title_text.strip()
        while stack and stack[-1].level >= level:
            stack.pop()
        sec = Section(num.rstrip(".)") or None, level, title, ln.start, ln.end, body_end, topic_of(_SPACES.sub(" ", title.lower())))
        if stack:
            sec.parent = stack[-1]
            stack[-1].children.append(sec)
        stack.append(sec)
        found.append(sec)
    for i, sec in enumerate(found):  # a section ends where the next one at its level or above starts
        nxt = next((s for s in found[i + 1 :] if s.level <= sec.level), None)
        sec.end = nxt.start if nxt else body_end
    return found


def segment(text: str, match: str) -> tuple[dict[str, list[Span]], list[Section], Header]:
    """Zones, sections and header fields of a report's normalised text (and its matching form)."""
    lines = _lines(text, match)
    zones = _Zones()
    title = _find_title(lines)
    i = _header(lines, title, zones)
    footer = _footer_start(lines, i if title is None else title + 1)  # a short report's footer ends its front matter
    body_begin = _front_matter(lines, i, title, footer, zones)
    if body_begin < footer:
        body_end_offset = lines[footer - 1].end
        zones.add("body", lines[body_begin].start, body_end_offset)
    else:
        body_end_offset = lines[body_begin].start if body_begin < len(lines) else len(text)
    _footer(lines, footer, zones)
    sections = _sections(lines, body_begin, footer, body_end_offset)
    return zones.zones, sections, read_header(text, match, zones.zones)
