"""The typed header fields of a segmented report (`datamodel.Header`), read from its zones.

`pipeline.segment` finds which lines are the issuer, the `Số:` line, the place/date line, the
title, the recipients and the signer block; this module reads what those lines say, once:
number and symbol, place and date parts, recipients one by one, the signing authority in its
written form. Extractors read these fields and never re-parse the header themselves."""

from __future__ import annotations

import regex

from datamodel import Field, Header, Span
from extractors.vocab import bodies, signers
from extractors.vocab import document_parts as parts
from pipeline.textforms import canonical_tone, fold

SYMBOL_PART = r"\p{L}[\p{L}\d]*(?:&\p{L}[\p{L}\d]*)?"
"""One part of a symbol (`BC`, `UBND`, `KH&TC`)."""
NUMBER_LINE = regex.compile(
    rf"^\(?\s*(?:{parts.REPORT}\s+)?{parts.NUMBER_LABEL.pattern}\s*:?\s*(?P<num>\d[\d.]*(?:/\d{{4}})?)?\s*[/-]\s*"
    rf"(?P<sym>{SYMBOL_PART}(?:\s*[-/]\s*{SYMBOL_PART})+)"
)
"""`Số: 112/BC-UBND`, `Số:    /BC-UBND` (blank number), `Số 45-BC/ĐU`, `(Số 112/BC-UBND, ...`."""
DATE_PARTS = regex.compile(
    r"ngày\s*(?P<d>\d{1,2})?[\s._…]*(?:tháng\s*|[/.-]\s*)(?P<m>\d{1,2})?[\s._…]*(?:năm\s*|[/.-]\s*)(?P<y>\d{4})"
)
"""The date of the place/date line, parts blank when the template was left empty."""
YEAR = regex.compile(r"năm\s*(?P<y>\d{4})")
PLACE = regex.compile(r"^\s*(?P<place>[\p{L}][\p{L} .'\-]{1,40}?)\s*,\s*ngày\b")
_SUPERIOR = regex.compile(rf"(?<!\p{{L}})(?:{bodies.SUPERIOR_UNIT.pattern})(?!\p{{L}})")
_AUTHORITY = regex.compile(rf"^(?P<mark>{signers.AUTHORITY_BARE})\.?\s*(?P<rest>.*)$", regex.S)
_RECIPIENT_PREFIX = regex.compile(rf"^\s*{parts.RECIPIENTS.pattern}\s*:?\s*")
_LIST_MARK = regex.compile(r"^\s*[-+*•]\s*")
_APOSTROPHE_WORD = regex.compile(r"[\p{L}\d]+")
"""A word or, in `H'LEO`, each part around the apostrophe: both are capitalised (`H'Leo`)."""
_MOTTOS = [(m.name, regex.compile(m.pattern)) for m in parts.MOTTOS]
"""The state's and the Party's header lines (`CỘNG HÒA XÃ HỘI ...`, `Đảng Cộng sản Việt Nam`), compiled once."""
MOTTO_TEXTS = tuple(parts.plain(m.pattern) for m in parts.MOTTOS)
"""The mottos as plain words, to tell their fragments among the issuer lines (a PDF's two
columns may leave `CỘNG HÒA ... VIỆT` / `NAM` there)."""


def tidy(text: str) -> str:
    """White space collapsed, canonical tone placement."""
    return canonical_tone(" ".join(text.split()))


def _field(text: str, span: Span) -> Field:
    return Field(tidy(text[span.start : span.end]), span)


def _joined(text: str, spans: list[Span]) -> Field | None:
    """One field from consecutive spans (a subject over two lines)."""
    if not spans:
        return None
    value = tidy(" ".join(text[s.start : s.end] for s in spans))
    return Field(value, Span(spans[0].start, spans[-1].end)) if value else None


def _issuer(text: str, match: str, spans: list[Span]) -> tuple[tuple[Field, ...], tuple[Field, ...]]:
    """Issuer lines without `*` ornaments and motto fragments, and the issuing body: the same
    without the superior body's lines above it (`ĐẢNG BỘ TỈNH NGHỆ AN` over `ĐẢNG ỦY XÃ ...`)."""
    lines = []
    for span in spans:
        folded = " ".join(match[span.start : span.end].replace("*", " ").split())
        if folded and not any(folded in motto for motto in MOTTO_TEXTS):
            lines.append(_field(text, span))
    first = 0
    while first < len(lines) - 1 and _SUPERIOR.search(match, lines[first].span.start, lines[first].span.end):
        first += 1
    return tuple(lines), tuple(lines[first:])


def _motto_kind(match: str, spans: list[Span]) -> str | None:
    motto = " ".join(match[s.start : s.end] for s in spans)
    return next((name for name, pattern in _MOTTOS if pattern.search(motto)), None)


def _number(text: str, match: str, spans: list[Span]) -> tuple[str | None, str | None, Span | None]:
    """Number and symbol of the `Số:` line (its spans joined: a PDF may split `Số:` / `/KH-UBND`)."""
    if not spans:
        return None, None, None
    start, end = spans[0].start, spans[-1].end
    joined = " ".join(match[s.start : s.end] for s in spans)
    m = NUMBER_LINE.match(joined)
    if not m:
        return None, None, None
    written = " ".join(text[s.start : s.end] for s in spans)[m.start("sym") : m.end("sym")]
    return m.group("num"), "".join(written.split()), Span(start, end)


def _place_date(text: str, match: str, spans: list[Span]) -> tuple[Field | None, tuple[int | None, ...], Span | None]:
    """The place and the day, month, year of the place/date spans (a line, or a line and its
    continuation `tháng 4 năm 2022` when a PDF breaks it)."""
    if not spans:
        return None, (None, None, None), None
    joined = " ".join(match[s.start : s.end] for s in spans)
    place = None
    first = spans[0].start
    m = PLACE.match(match[first : spans[0].end])
    if m:
        span = Span(first + m.start("place"), first + m.end("place"))
        place = Field(proper(text[span.start : span.end]), span)
    full = DATE_PARTS.search(joined)
    if full:
        parts_ = tuple(int(full.group(g)) if full.group(g) else None for g in "dmy")
    else:
        year = YEAR.search(joined)
        parts_ = (None, None, int(year.group("y")) if year else None)
    return place, parts_, Span(spans[0].start, spans[-1].end)


def proper(text: str) -> str:
    """A name in proper case when written all upper case (`PHƯỚC GIANG` → `Phước Giang`)."""
    text = tidy(text)
    if any(c.islower() for c in text):
        return text
    return _APOSTROPHE_WORD.sub(lambda m: m.group().capitalize(), text.lower())


def _recipients(text: str, spans: list[Span]) -> tuple[str, ...]:
    """The `Kính gửi` recipients without the prefix, one by one."""
    joined = "\n".join(text[s.start : s.end] for s in spans)
    prefix = _RECIPIENT_PREFIX.match(fold(joined))
    joined = joined[prefix.end() :] if prefix else joined
    items = [tidy(_LIST_MARK.sub("", p)).strip(" ;,.") for p in regex.split(r"[\n;]", joined)]
    return tuple(p for p in items if p)


def _authority(text: str, spans: list[Span]) -> tuple[Field, ...]:
    """Authority lines in their written form (`KT.CHỦ TỊCH` → `KT. CHỦ TỊCH`)."""
    out = []
    for span in spans:
        line = tidy(text[span.start : span.end])
        m = _AUTHORITY.match(fold(line))
        value = f"{signers.BARE_NAMES[m.group('mark')]} {line[m.start('rest'):]}".strip() if m else line
        out.append(Field(value, span))
    return tuple(out)


def read_header(text: str, match: str, zones: dict[str, list[Span]]) -> Header:
    """The Header of a document from its zones."""
    issuer, body = _issuer(text, match, zones.get("issuer", []))
    number, symbol, number_span = _number(text, match, zones.get("number", []))
    place, (day, month, year), date_span = _place_date(text, match, zones.get("place_date", []))
    name = zones.get("signer_name", [])
    return Header(
        issuer=issuer, issuing_body=body, motto_kind=_motto_kind(match, zones.get("motto", [])),
        number=number, symbol=symbol, number_span=number_span,
        place=place, day=day, month=month, year=year, date_span=date_span,
        title=_joined(text, zones.get("title", [])), subject=_joined(text, zones.get("subject", [])),
        period_line=_joined(text, zones.get("period", [])), recipients=_recipients(text, zones.get("recipients", [])),
        signer_authority=_authority(text, zones.get("signer_authority", [])),
        signer_titles=tuple(_field(text, s) for s in zones.get("signer_title", [])),
        signer_name=_field(text, name[0]) if name else None,
    )
