"""Report metadata for the `documents` table: who issued it, for which commune, when, to whom.

Reads the header and footer zones that `pipeline.segment` found (issuer lines, number and
symbol, place and date, subject, `Kính gửi`, signer block) and falls back to the text where a
zone is missing: a report without a header still says who reports in its opening or closing
(`UBND xã Phượng Tiến báo cáo kết quả ...`, `Đảng uỷ xã Gia Phúc báo cáo ...`). The commune
is resolved to official codes by `extractors.admin_units` with province clues weighed by
where they stand (header, recipients, opening, anywhere). Report date and period come from
the `dates` component's rows by role. Patterns are written for the matching form
(`Document.match`); values are read from `Document.text` at the same offsets.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

import regex

from datamodel import Document, Span
from extractors import admin_units as au
from extractors.registry import Facts, Row, register
from extractors.vocab import bodies, periods, signers
from extractors.vocab import document_parts as parts
from pipeline.textforms import canonical_tone, fold

MOTTO_PHRASES = tuple(parts.plain(m.pattern) for m in parts.MOTTOS)
"""Mottos whose fragments a PDF may leave among the issuer lines (`CỘNG HÒA ... VIỆT` / `NAM`)."""

_KIND = regex.compile(rf"(?<!\p{{L}})(?P<kind>{bodies.COMMUNE_KIND})\s+")
_BODY_KIND = regex.compile(
    rf"(?<!\p{{L}})(?P<body>{bodies.REPORTING_BODY})\s+(?P<kind>{bodies.COMMUNE_KIND})\s+"
)
_REPORT_AFTER = regex.compile(rf"\s*{parts.REPORT_VERB.pattern}(?!\p{{L}})")
_REPORT_BEFORE = regex.compile(rf"{parts.REPORT_VERB.pattern}(?!\p{{L}})[^\n]*?\bcủa\s+$")
_PROVINCE = regex.compile(rf"(?<!\p{{L}})(?:{bodies.PROVINCE_KEYWORD.pattern})\s*")
_SUPERIOR = regex.compile(rf"(?<!\p{{L}})(?:{bodies.SUPERIOR_UNIT.pattern})(?!\p{{L}})")
_NAME_WORD = regex.compile(r"[\p{Lu}\d][\p{L}\d]*")
_NAME_GAP = regex.compile(r"[ \t]+|[ \t]*-[ \t]*")
_ANY_WORD = regex.compile(r"[\p{L}\d]+")
_WORD_GAP = regex.compile(r"\s*-\s*|\s+")  # `Bà Rịa - Vũng Tàu`
_NUMBER_LINE = regex.compile(
    r"(?m)^\s*số\s*:?\s*(?P<num>\d[\d.]*(?:/\d{4})?)?\s*[/-]\s*(?P<sym>\p{L}[\p{L}\d]*(?:\s*[-/]\s*\p{L}[\p{L}\d]*)+)"
)
_PARTY_SYMBOL = regex.compile(r"^\p{L}+/")
_PLACE_DATE_LINE = regex.compile(r"(?m)^\s*(?P<place>[\p{L}][\p{L} .]{1,40}?)\s*,\s*ngày\b(?P<rest>[^\n]*)")
_YEAR = regex.compile(r"năm\s*(?P<y>\d{4})|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?P<y>\d{4})")
_FULL_DATE = regex.compile(
    r"ngày\s*(?P<d>\d{1,2})\s*(?:tháng\s*|[/.-]\s*)(?P<m>\d{1,2})\s*(?:năm\s*|[/.-]\s*)(?P<y>\d{4})"
)
_RECIPIENTS_LINE = regex.compile(r"(?m)^\s*kính\s+gửi\b[^\n]*(?:\n\s*[-+*•][^\n]*)*")
_RECIPIENT_PREFIX = regex.compile(r"^\s*kính\s+gửi\s*:?\s*")
_LIST_MARK = regex.compile(r"^\s*[-+*•]\s*")
_AUTHORITY = regex.compile(rf"^(?P<mark>{signers.AUTHORITY_BARE})\.?\s*(?P<rest>.*)$", regex.S)

HEAD_CHARS = 3000
"""How far into the text the header fallbacks look when a zone is missing."""

PAIR_GAP = 80
"""Most characters between a period start and its end for the two to form one range."""


@dataclass(frozen=True)
class Mention:
    """A commune named in the text: its name as written, its kind, and where it stands."""

    name: str
    kind: str | None
    start: int
    end: int


@dataclass(frozen=True)
class PlaceDate:
    """The `<Place>, ngày ... năm YYYY` line: the place (and where it stands), the date
    (None when day or month is blank) and the year."""

    place: str
    start: int
    end: int
    date: dt.date | None
    year: int | None


# --- small text helpers ---------------------------------------------------------------------
def _tidy(text: str) -> str:
    """White space collapsed, canonical tone placement."""
    return canonical_tone(" ".join(text.split()))


def _proper(text: str) -> str:
    """A name in proper case when written all upper case (`PHƯỚC GIANG` → `Phước Giang`)."""
    text = _tidy(text)
    if any(c.islower() for c in text):
        return text
    return " ".join(w.capitalize() for w in text.split(" "))


def _kind(folded: str) -> str:
    """The canonical commune kind (`xã`, `phường`, `đặc khu`, `thị trấn`)."""
    return " ".join(folded.split())


def _zone_text(doc: Document, name: str) -> str | None:
    """The text of a zone, its spans joined with a space; None when absent."""
    parts = [doc.slice(s) for s in doc.zone(name)]
    text = _tidy(" ".join(parts))
    return text or None


def _search_zone_or_head(doc: Document, zone: str, pattern: regex.Pattern[str]) -> regex.Match[str] | None:
    """The first match of `pattern` on the matching form inside `zone`, or within the first
    HEAD_CHARS characters when the segmenter found no such zone."""
    spans = doc.zone(zone) or [Span(0, min(len(doc.text), HEAD_CHARS))]
    for span in spans:
        m = pattern.search(doc.match, span.start, span.end)
        if m:
            return m
    return None


def _text(doc: Document, m: regex.Match[str], group: str) -> str:
    """The original text of a match group (the match ran on `doc.match`)."""
    return doc.text[m.start(group) : m.end(group)]


# --- commune mentions -----------------------------------------------------------------------
def _name_run(doc: Document, pos: int) -> list[tuple[str, int]]:
    """Capitalised words (with their end offsets) from `pos`, on one line, at most six:
    `Phượng Tiến báo cáo` → [`Phượng`, `Tiến`]."""
    words: list[tuple[str, int]] = []
    while len(words) < 6:
        m = _NAME_WORD.match(doc.text, pos)
        if not m:
            break
        words.append((m.group(), m.end()))
        gap = _NAME_GAP.match(doc.text, m.end())
        if not gap:
            break
        pos = gap.end()
    return words


def _mention_at(doc: Document, pos: int, kind: str | None, known_only: bool) -> Mention | None:
    """The commune name starting at `pos`: the longest known name among the capitalised words
    there, else (unless `known_only`) all of them."""
    words = _name_run(doc, pos)
    n = au.known_prefix([w for w, _ in words], au.is_commune_name)
    if n == 0 and (known_only or not words):
        return None
    end = words[(n or len(words)) - 1][1]
    return Mention(_proper(doc.text[pos:end]), kind, pos, end)


def _issuer_spans(doc: Document) -> list[Span]:
    """Header issuer lines, without the `*` ornaments and the motto fragments a PDF's two
    columns may leave among them."""
    spans = []
    for span in doc.zone("issuer"):
        folded = " ".join(doc.match[span.start : span.end].replace("*", " ").split())
        if folded and not any(folded in motto for motto in MOTTO_PHRASES):
            spans.append(span)
    return spans


def _issuing_body(doc: Document, spans: list[Span]) -> list[Span]:
    """The issuer lines without the superior body's line above them (`ĐẢNG BỘ TỈNH ...`)."""
    first = 0
    while first < len(spans) - 1 and _SUPERIOR.search(doc.match, spans[first].start, spans[first].end):
        first += 1
    return spans[first:]


def _header_mention(doc: Document, spans: list[Span]) -> Mention | None:
    """The commune in the header issuer lines (`XÃ PHƯỚC GIANG`, `ĐẢNG ỦY XÃ GIA PHÚC`)."""
    for span in spans:
        for m in _KIND.finditer(doc.match, span.start, span.end):
            found = _mention_at(doc, m.end(), _kind(m.group("kind")), known_only=False)
            if found:
                return found
    return None


def _reporter(doc: Document) -> tuple[Mention, int] | None:
    """The body that reports, in the opening or closing (`UBND xã Phượng Tiến báo cáo`,
    `... báo cáo kết quả ... của Đảng uỷ xã Gia Phúc`), or in the first lines when the
    segmenter found neither: the commune and where the body starts."""
    spans = [*doc.zone("opening"), *doc.zone("closing")] or [Span(0, min(len(doc.text), HEAD_CHARS))]
    for span in spans:
        for m in _BODY_KIND.finditer(doc.match, span.start, span.end):
            found = _mention_at(doc, m.end(), _kind(m.group("kind")), known_only=False)
            if found and (
                _REPORT_AFTER.match(doc.match, found.end)
                or _REPORT_BEFORE.search(doc.match, span.start, m.start())
            ):
                return found, m.start()
    return None


def _frequent_mention(doc: Document) -> Mention | None:
    """The known commune named most often as `xã X`/`phường X` outside the motto."""
    motto = doc.zone("motto")
    found = [
        x
        for m in _KIND.finditer(doc.match)
        if not any(s.start <= m.start() < s.end for s in motto)
        for x in [_mention_at(doc, m.end(), _kind(m.group("kind")), known_only=True)]
        if x
    ]
    if not found:
        return None
    top, _ = Counter(au.fold_name(x.name) for x in found).most_common(1)[0]
    return next(x for x in found if au.fold_name(x.name) == top)


# --- province clues -------------------------------------------------------------------------
def _clues_in(doc: Document, span: Span, strong: bool, commune: Mention | None) -> list[au.ProvinceClue]:
    """Provinces named after a keyword (`tỉnh`, `Thành ủy` ...) inside `span`; a clue right
    after the commune (`xã X, tỉnh Y`) counts as strong."""
    clues = []
    for m in _PROVINCE.finditer(doc.match, span.start, span.end):
        words: list[regex.Match[str]] = []
        pos = m.end()
        while len(words) < 4 and (w := _ANY_WORD.match(doc.text, pos)):
            words.append(w)
            gap = _WORD_GAP.match(doc.text, w.end())
            if not gap:
                break
            pos = gap.end()
        n = au.known_prefix([w.group() for w in words], au.is_province_name, most=4)
        if n == 0:
            continue
        written = doc.text[m.end() : words[n - 1].end()]
        if (unit := au.province_named(written)) is None:
            continue
        clues.append(au.ProvinceClue(unit, _proper(written), m.start(), strong or _after_commune(doc, m.start(), commune)))
    return clues


def _after_commune(doc: Document, pos: int, commune: Mention | None) -> bool:
    """Whether `pos` directly follows a mention of the commune (`xã Bình Minh, tỉnh Đồng Nai`)."""
    if commune is None:
        return False
    before = doc.match[max(0, pos - 80) : pos]
    return regex.search(regex.escape(fold(commune.name)) + r"[\s,-]*$", before) is not None


def _province_clues(doc: Document, issuer: list[Span], commune: Mention | None) -> list[au.ProvinceClue]:
    """Province clues, strongest first: header issuer lines, recipients, the opening (the
    requesting body), then anywhere in the text."""
    levels: list[tuple[list[Span], bool]] = [
        (issuer, True),
        (doc.zone("recipients"), False),
        ([*doc.zone("subject"), *doc.zone("period"), *doc.zone("opening")], False),
        ([Span(0, len(doc.text))], False),
    ]
    clues: dict[int, au.ProvinceClue] = {}
    for spans, strong in levels:
        for span in spans:
            for clue in _clues_in(doc, span, strong, commune):
                clues.setdefault(clue.start, clue)
    return sorted(clues.values(), key=lambda c: not c.strong)


# --- header and footer fields ---------------------------------------------------------------
def _symbol(doc: Document) -> tuple[str | None, str | None]:
    """The report's symbol and number from the `Số:` line (`Số: /BC-UBND` → BC-UBND, None)."""
    m = _search_zone_or_head(doc, "number", _NUMBER_LINE)
    if not m:
        return None, None
    symbol = "".join(_text(doc, m, "sym").split())
    number = m.group("num")
    return symbol, number


def _place_date(doc: Document) -> PlaceDate | None:
    """The place/date line of the header (or of the first lines when the zone is missing)."""
    m = _search_zone_or_head(doc, "place_date", _PLACE_DATE_LINE)
    if not m:
        return None
    year = _YEAR.search(m.group("rest"))
    full = _FULL_DATE.search(m.group())
    return PlaceDate(
        _proper(_text(doc, m, "place")), m.start("place"), m.end("place"),
        _valid_date(*(int(full.group(g)) for g in "ymd")) if full else None,
        int(year.group("y")) if year else None,
    )


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it cannot exist (`31/9`)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _recipients(doc: Document) -> str | None:
    """The `Kính gửi` recipients without the prefix, joined with `; `."""
    spans = doc.zone("recipients")
    if not spans:
        m = _search_zone_or_head(doc, "recipients", _RECIPIENTS_LINE)
        spans = [Span(m.start(), m.end())] if m else []
    text = "\n".join(doc.slice(s) for s in spans)
    prefix = _RECIPIENT_PREFIX.match(fold(text))
    text = text[prefix.end() :] if prefix else text
    parts = [_tidy(_LIST_MARK.sub("", p)).strip(" ;,.") for p in regex.split(r"[\n;]", text)]
    return "; ".join(p for p in parts if p) or None


def _authority(doc: Document) -> str | None:
    """The signing authority lines in their written form (`KT.CHỦ TỊCH` → `KT. CHỦ TỊCH`)."""
    lines = []
    for span in doc.zone("signer_authority"):
        text = _tidy(doc.slice(span))
        m = _AUTHORITY.match(fold(text))
        lines.append(f"{signers.BARE_NAMES[m.group('mark')]} {text[m.start('rest'):]}".strip() if m else text)
    return " ".join(lines) or None


def _issuer_kind(issuer: str | None, symbol: str | None, doc: Document) -> str | None:
    """`state`, `party` or `front`: from the issuer's words, else the symbol's style
    (`BC/ĐU` is Party style), else the header motto."""
    for kind in bodies.ISSUER_KINDS:
        if issuer and regex.search(kind.pattern, fold(issuer)):
            return kind.name
    if symbol:
        return "party" if _PARTY_SYMBOL.match(symbol) else "state"
    motto = " ".join(doc.match[s.start : s.end] for s in doc.zone("motto"))
    return next((m.name for m in parts.MOTTOS if regex.search(m.pattern, motto)), None)


# --- dates ----------------------------------------------------------------------------------
def _in_zones(doc: Document, row: Row, zones: tuple[str, ...]) -> bool:
    return doc.zone_at(row["span_start"]) in zones


def _pairs(rows: list[Row]) -> list[tuple[Row, Row]]:
    """Period start rows with the period end that closes them, in reading order."""
    ends = [r for r in rows if r.get("role") == "period_end"]
    pairs = []
    for start in (r for r in rows if r.get("role") == "period_start"):
        end = next((e for e in ends if 0 <= e["span_start"] - start["span_end"] <= PAIR_GAP), None)
        if end is not None:
            pairs.append((start, end))
    return pairs


def _period(doc: Document, dates: list[Row]) -> tuple[dt.date | None, dt.date | None]:
    """The reporting period: a range in the period line, subject, opening or closing; else a
    complete range anywhere (a lone `từ ngày 01/7/2025 đến nay` in the body is not the
    period); else lone ends in those zones, an `(Đến ngày ...)` line closing the period."""
    rows = sorted(dates, key=lambda r: r["span_start"])
    own = [r for r in rows if _in_zones(doc, r, periods.PERIOD_ZONES)]
    pairs = _pairs(own) or _pairs(rows)
    if pairs:
        return pairs[0][0].get("date"), pairs[0][1].get("date")
    start = next((r.get("date") for r in own if r.get("role") == "period_start"), None)
    ends = [r for r in own if r.get("role") == "period_end" or (r.get("role") == "as_of" and _in_zones(doc, r, ("period",)))]
    return start, ends[0].get("date") if ends else None


def _report_date(doc: Document, dates: list[Row], parsed: dt.date | None) -> dt.date | None:
    """The report date from the dates rows (role `report_date`, the place/date line first),
    else as read from the place/date line."""
    rows = sorted((r for r in dates if r.get("role") == "report_date"), key=lambda r: not _in_zones(doc, r, ("place_date",)))
    return rows[0].get("date") if rows else parsed


# --- assembly -------------------------------------------------------------------------------
def _commune(doc: Document, issuer_spans: list[Span], place: PlaceDate | None) -> tuple[Mention | None, str | None]:
    """The commune and the issuer as written: header first, then the reporting body in the
    opening/closing, then the commune named most often, then the place of the date line."""
    header = _header_mention(doc, issuer_spans)
    issuer = _tidy(" ".join(doc.slice(s) for s in _issuing_body(doc, issuer_spans))) or None
    reporter = _reporter(doc)
    if issuer is None and reporter:
        issuer = _tidy(doc.text[reporter[1] : reporter[0].end])
    mention = header or (reporter[0] if reporter else None) or _frequent_mention(doc)
    if mention is None and place and au.is_commune_name(place.place):
        mention = Mention(place.place, None, place.start, place.end)
    return mention, issuer


def _resolution_fields(res: au.Resolution, clues: list[au.ProvinceClue]) -> dict[str, Any]:
    unit = res.unit
    clue = res.clue or (clues[0] if clues else None)
    return {
        "province": clue.written if clue else None,
        "commune_code": unit.code if unit else None,
        "commune_name": unit.name if unit else None,
        "province_code": unit.province_code if unit else None,
        "province_name": unit.province_name if unit else None,
        "commune_match": res.match,
    }


def _check(doc: Document, mention: Mention, res: au.Resolution) -> list[Row]:
    """A warning row for a commune that is unknown, ambiguous or in another province."""
    if not res.warning:
        return []
    rule = {au.MATCH_NONE: "commune_not_found", au.MATCH_AMBIGUOUS: "commune_ambiguous"}.get(res.match, "commune_province_conflict")
    return [doc.fact(mention.start, mention.end, rule=rule, severity="warning", message=res.warning, metrics="")]


@register("metadata", requires=("dates",), assigns=("documents", "checks"))
def extract_metadata(doc: Document, facts: Facts) -> Facts:
    """One documents row of report metadata, plus warnings about the commune lookup."""
    dates = facts.get("dates", [])
    issuer_spans = _issuer_spans(doc)
    place = _place_date(doc)
    mention, issuer = _commune(doc, issuer_spans, place)
    clues = _province_clues(doc, issuer_spans, mention)
    res = au.resolve(mention.name, mention.kind, clues) if mention else au.Resolution(None, au.MATCH_NONE)
    symbol, number = _symbol(doc)
    period_start, period_end = _period(doc, dates)
    row = {
        "issuer": issuer,
        "issuer_kind": _issuer_kind(issuer, symbol, doc),
        "commune": mention.name if mention else None,
        "commune_type": mention.kind if mention else None,
        **_resolution_fields(res, clues),
        "doc_symbol": symbol,
        "doc_number": number,
        "place": place.place if place else None,
        "report_date": _report_date(doc, dates, place.date if place else None),
        "report_year": place.year if place else None,
        "period_start": period_start,
        "period_end": period_end,
        "recipients": _recipients(doc),
        "signer_authority": _authority(doc),
        "signer_title": _zone_text(doc, "signer_title"),
        "signer_name": _zone_text(doc, "signer_name"),
        "title": _zone_text(doc, "subject"),
    }
    return {"documents": [row], "checks": _check(doc, mention, res) if mention else []}
