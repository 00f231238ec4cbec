"""The `dates` component: every date mention of a report, with its role.

Vietnamese reports write dates day first (`19/6/2025`, `01/08/2025`), in words (`ngày 24 tháng
10 năm 2025`, or the template blank `ngày      tháng     năm 2025`), in ranges that give the year
once (`từ ngày 09/12 đến 14/12/2025`, `từ ngày 1-7 đến ngày 30-9`), and signed PDFs add ISO
timestamps. A day/month pair without a year is a date only in a date context (`ngày`, `từ`,
`đến`, or a following dated range end), so ratios (`16/16`), versions (`3.0`) and document
numbers (`23/KH-UBND`) are not read. The role says what the date is for the report:
`report_date` (the header place/date line), `period_start`/`period_end` (the period reported on),
`as_of` (a snapshot: `tính đến hết ngày`), `issue_date` (of a cited document), `signed_at`, `other`.
Impossible dates are kept as written with `date` null and a `checks` row; nothing is guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import accumulate

import regex

from datamodel import Document, Span
from extractors import date_years
from extractors.doc_codes import code_matches
from extractors.last_document import remember_last
from extractors.match_starts import finditer_at
from extractors.registry import Facts, register
from extractors.vocab import bodies, periods

_BLANK = r"[ \t._…]{0,30}"
_DAY_WORD = "ngày"
DATE = regex.compile(
    rf"""(?P<iso>(?P<iy>\d{{4}})-(?P<imo>\d{{2}})-(?P<id>\d{{2}})(?:t\d{{2}}:\d{{2}}(?::\d{{2}})?(?:[+-]\d{{2}}:?\d{{2}}|z)?)?)(?!\d)
      | (?P<long>{_DAY_WORD}{_BLANK}(?P<ld>\d{{1,2}})?{_BLANK}\s?tháng{_BLANK}(?P<lm>\d{{1,2}})?{_BLANK}\s?năm{_BLANK}(?P<ly>\d{{2,5}})?)(?!\d)
      | (?<![\d/.,:\-])(?P<d>\d{{1,2}})\s{{0,2}}(?P<sep>[/.\-])\s{{0,3}}(?P<m>\d{{1,2}})
        (?:\s{{0,2}}(?P=sep)\s{{0,3}}(?P<y>\d{{2,5}}))?(?![\d/]|[.,\-]\d)
      | (?<=từ\s{{1,3}}(?:ngày\s{{0,3}})?)(?P<bd>\d{{1,2}})(?=\s*(?:-|đến|tới)\s*(?:ngày\s*)?\d{{1,2}}\s*[/.\-]\s*\d{{1,2}}\s*[/.\-]\s*\d{{4}})""",
    regex.VERBOSE,
)
"""A date on the matching form: ISO (timestamp), in words (blanks allowed) or numeric day first.
Years of two to five digits are read so that typos (`15/8/225`, `19/6/20025`) are kept and flagged.
A bare day opens a range whose end gives month and year (`từ ngày 17 đến 21/11/2025`)."""
_DATE_START = regex.compile(rf"{_DAY_WORD}|\d(?<!\d\d)\d?(?!\d)(?=\s*+(?:[/.\-]|đến|tới))|\d{{4}}(?=-\d{{2}}-\d{{2}})")
"""Where a `DATE` match can start: `ngày`; a run of one or two digits followed by a separator, or
by `đến`/`tới` (a numeric date and a range's bare day); four digits before `-MM-DD` (an ISO date,
which has no lookbehind: also the last four of a longer run). Each branch's own opening, so the
places where no branch can go on are not tried (52,084 places instead of 91,737 over 400 bench reports)."""

DATE_CONTEXT_BEFORE = regex.compile(rf"(?:{periods.DATE_CONTEXT.pattern})\s*\(?\s*$")
"""Words right before a year-less day/month pair that make it a date."""
DAY_CONTEXT_BEFORE = regex.compile(rf"(?:{periods.DAY_CONTEXT.pattern})\s*$")
"""Words right before a dotted day.month (`Ngày 12.3`, `sáng 8.3`) that make it a date."""
RATIO_AFTER = regex.compile(rf"\s*(?:{bodies.COUNTED_UNITS.pattern})(?!\p{{L}})")
"""A unit right after a day/month-like pair: a ratio (`3/8 phường`), not a date."""
FROM_BEFORE = regex.compile(r"từ\s*(?:ngày\s*)?$")
"""`từ (ngày)` right before a date: the start of a period."""
FIGURES_AFTER = regex.compile(rf"[^.;\n]{{0,80}}?(?<!\p{{L}})(?:{periods.FIGURE_VERB})(?!\p{{L}})[^.;\n]{{0,60}}?\d")
"""A figure stated after a range in its sentence (`..., Trung tâm đã tiếp nhận 173 hồ sơ`)."""
RANGE_LINK = regex.compile(rf"^\s*(?:{periods.RANGE_LINK.pattern})\s*(?:ngày\s*)?$")
"""What joins the two ends of a range (`09/12 đến 14/12/2025`, `21/7đến 20/8`, `1-7 - 30-9`)."""
AS_OF_BEFORE = regex.compile(periods.AS_OF.pattern + "$")
"""Snapshot wording before a date: `tính đến hết ngày`, `số liệu tính đến`, `lũy kế đến`."""
PERIOD_CUES = regex.compile(periods.PERIOD_CUE)
"""Words just before a range that make it the reporting period (`Trong tuần (từ ...)`)."""
LINE_LEAD = regex.compile(r"^[\s\-+*•(]*(?:từ\s+(?:ngày\s*)?)?$")
"""Nothing but list markers and `từ ngày` between the line start and a range: a period line."""
REF_TO_DATE = regex.compile(r"^[\s,]*\(?\s*(?:ban\s+hành\s+)?(?:ngày\s*)?$")
"""What may separate a document code from its date (`số 296/QĐ-UBND ngày 09/8/2025`)."""
LEADING_DATE = regex.compile(r"(?:^|[.;:]\s+)\s*[-+*•]?\s*ngày\s*$")
"""A date that opens a sentence (`Ngày 29/9/2025, UBND xã ban hành Quyết định số ...`)."""
_RANGE_START = regex.compile(rf"\s*(?:{periods.RANGE_LINK.pattern})\s*(?:ngày\s*)?\d")
_DASHED_RANGE_START = regex.compile(rf"\s*(?:{periods.RANGE_LINK.pattern})\s*(?:ngày\s*)?\d{{1,2}}\s*[/.-]\s*\d{{1,2}}")
"""A range link and the digit after it (for a dashed start: a day and month), read after a
day/month pair (`21/7đến 20/8/2021`, `1-7 đến 31-7`)."""


@dataclass(frozen=True)
class DateMention:
    """One date as read: its span, parts (None when blank) and whether the year was inferred."""

    start: int
    end: int
    day: int | None
    month: int | None
    year: int | None
    year_written: bool
    timestamp: bool = False
    year_inferred: bool = False

    def value(self) -> dt.date | None:
        """The date, or None when a part is missing or the date cannot exist."""
        if None in (self.day, self.month, self.year) or not 1900 <= self.year <= 2100:  # type: ignore[operator]
            return None
        if not (1 <= self.month <= 12 and 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]):  # type: ignore[arg-type,operator]
            return None
        return dt.date(self.year, self.month, self.day)  # type: ignore[arg-type]

    def complete(self) -> bool:
        """Whether day, month and year are all known."""
        return None not in (self.day, self.month, self.year)


def _int(text: str | None) -> int | None:
    """A matched number group as an int (None when blank)."""
    return int(text) if text else None


def _from_match(doc: Document, m: regex.Match) -> DateMention | None:
    """A DateMention from a DATE match, or None when a numeric pair lacks a date context."""
    if m.group("iso"):
        return DateMention(m.start(), m.end(), int(m["id"]), int(m["imo"]), int(m["iy"]), True, "t" in m["iso"])
    if m.group("long"):
        return DateMention(m.start(), m.end(), _int(m["ld"]), _int(m["lm"]), _int(m["ly"]), bool(m["ly"]))
    if m.group("bd"):
        return DateMention(m.start(), m.end(), int(m["bd"]), None, None, False)
    day, month, year = int(m["d"]), int(m["m"]), _int(m["y"])
    before = doc.match[max(0, m.start() - 15) : m.start()]
    has_context = bool(DATE_CONTEXT_BEFORE.search(before))
    if not (1 <= day <= 31 and 1 <= month <= 12) and not (has_context and year is not None):
        return None  # a dated `ngày 32/8/2025` is a typo kept and flagged; a bare `5/13` is no date
    full = year is not None and len(m["y"]) == 4
    if year is None and RATIO_AFTER.match(doc.match, m.end()):
        return None  # `3/8 phường`: three of eight wards
    if m["sep"] == "." and not full and not (year is None and DAY_CONTEXT_BEFORE.search(before)):
        return None
    if m["sep"] == "-" and not has_context and not full and not _starts_range(doc, m.end(), dashed=True):
        return None
    if year is None and not has_context and not _starts_range(doc, m.end()):
        return None
    return DateMention(m.start(), m.end(), day, month, year, year is not None)


def _starts_range(doc: Document, end: int, dashed: bool = False) -> bool:
    """Whether a range link and a digit follow `end` (`21/7đến 20/8/2021`); for a dashed start
    the end must be a day and month too (`1-7 đến 31-7`)."""
    return bool((_DASHED_RANGE_START if dashed else _RANGE_START).match(doc.match[end : end + 20]))


class _Scan:
    """The `DATE` matches of one document and the mentions read from them so far: the dates
    and references extractors both ask for a document's dates (outside different spans), and
    the scan and each reading (a frozen `DateMention`, from the unchanged text) are the same."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.matches = finditer_at(DATE, doc.match, _date_starts(doc.match))
        self.at = {m.start(): i for i, m in enumerate(self.matches)}
        self.read: dict[int, DateMention | None] = {}

    def mention(self, i: int) -> DateMention | None:
        if i not in self.read:
            self.read[i] = _from_match(self.doc, self.matches[i])
        return self.read[i]


def _date_starts(match: str) -> list[int]:
    """The places `_DATE_START` finds, in order."""
    return [m.start() for m in _DATE_START.finditer(match)]


@remember_last
def _scan(doc: Document, match: str) -> _Scan:
    """The document's scan, made once while the document and its matching form are the same."""
    return _Scan(doc)


def find_dates(doc: Document, skip: list[Span]) -> list[DateMention]:
    """Every date mention in reading order, outside the `skip` spans (document codes)."""
    scan = _scan(doc, doc.match)
    overlaps = _overlap_test(skip)
    found = []
    for i, m in enumerate(scan.matches):
        if overlaps(m.start(), m.end()):
            continue
        mention = scan.mention(i)
        if mention is not None:
            found.append(mention)
    return found


def _overlap_test(spans: list[Span]) -> Callable[[int, int], bool]:
    """A test: does `[start, end)` overlap one of `spans`? It does when the spans that start
    before `end` reach past `start`: found by bisection, not by trying every span."""
    ordered = sorted(spans, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    reach = list(accumulate((s.end for s in ordered), max))

    def overlaps(start: int, end: int) -> bool:
        k = bisect_left(starts, end)
        return k > 0 and reach[k - 1] > start

    return overlaps


def _ranges(doc: Document, dates: list[DateMention]) -> dict[int, tuple[int, int]]:
    """Index of each date that is an end of a range → (start index, end index)."""
    pairs: dict[int, tuple[int, int]] = {}
    for i in range(len(dates) - 1):
        a, b = dates[i], dates[i + 1]
        if not a.timestamp and RANGE_LINK.match(doc.match[a.end : b.start]):
            pairs[i] = pairs[i + 1] = (i, i + 1)
    return pairs


def _month_from_end(d: DateMention, end: DateMention | None) -> DateMention:
    """A range start written as a bare day, with its end's month, or the month before when its
    day is later (`từ ngày 17 đến 21/11/2025`, `từ ngày 28 đến 03/01/2026`)."""
    if d.month is not None or d.day is None or end is None or end.month is None or end.day is None:
        return d
    return replace(d, month=end.month if d.day <= end.day else (end.month - 2) % 12 + 1)


def _fill_years(doc: Document, dates: list[DateMention], ranges: dict[int, tuple[int, int]], codes: list[Span],
                issue_dates: _IssueDates) -> list[DateMention]:
    """Year-less dates take the year of their range end, else the one their sentence, the
    report's own date and the publication stamp agree on (see `extractors.date_years`), flagged
    as inferred."""
    stamp = date_years.publication_stamp(doc)
    cited = codes + [Span(d.start, d.end) for d in dates if d.year_written and issue_dates(d)]
    out = list(dates)
    for i, d in enumerate(dates):
        end = dates[ranges[i][1]] if i in ranges and ranges[i][0] == i else None
        d = out[i] = _month_from_end(d, end)
        if d.year is not None or d.day is None or d.month is None:
            continue
        if end is not None and end.year_written:
            year: int | None = end.year - 1 if end.month is not None and d.month > end.month else end.year  # type: ignore[operator]
        else:
            year = date_years.agreed_year(
                date_years.sentence_year(doc, d.start, d.end, cited), doc.header.year,
                date_years.stamp_year(stamp, d.month, d.day) if stamp else None,
            )
        if year is not None:
            out[i] = replace(d, year=year, year_inferred=True)
    return out


def _line_before(doc: Document, pos: int) -> str:
    """The matching form from the start of `pos`'s line up to `pos`."""
    return doc.match[doc.line_span(pos).start : pos]


def _is_period_range(doc: Document, start: DateMention) -> bool:
    """Whether a range beginning at `start` is the report's period (by zone, line or cue)."""
    if doc.zone_at(start.start) in periods.PERIOD_ZONES:
        return True
    before = _line_before(doc, start.start)
    return bool(LINE_LEAD.match(before) or PERIOD_CUES.search(before[-40:]))


def _qualifies_figures(doc: Document, end: DateMention) -> bool:
    """Whether the sentence goes on, after `end`, to state the figures the date bounds
    (`Từ ngày 01/7/2025 đến ngày 10/7/2025, Trung tâm đã tiếp nhận 173 hồ sơ`)."""
    return bool(FIGURES_AFTER.match(doc.match, end.end))


class _IssueDates:
    """Whether a date dates a document code: right after it, or opening the sentence that cites
    it. `_fill_years` asks about the dates with a written year and `_roles` again about every
    date, at the same spans (a year filled in moves no span): each span is answered once, and
    the codes near a date are found by bisection over their ends and starts (in reading order,
    none overlapping), not by trying every code of the document."""

    def __init__(self, doc: Document, codes: list[Span]) -> None:
        self.doc = doc
        self.ends = [c.end for c in codes]
        self.starts = [c.start for c in codes]
        self.known: dict[tuple[int, int], bool] = {}

    def __call__(self, d: DateMention) -> bool:
        key = (d.start, d.end)
        if key not in self.known:
            self.known[key] = self._dates_a_code(d)
        return self.known[key]

    def _dates_a_code(self, d: DateMention) -> bool:
        doc = self.doc
        line = doc.line_span(d.start)
        ends = self.ends[bisect_left(self.ends, line.start) : bisect_right(self.ends, d.start)]
        if any(REF_TO_DATE.match(doc.match[e : d.start]) for e in ends):
            return True
        if not LEADING_DATE.search(doc.match[line.start : d.start]):
            return False
        sentence = doc.sentence_span(d.start, d.end)
        after = bisect_right(self.starts, d.end)
        return after < len(self.starts) and self.starts[after] < sentence.end


def _roles(doc: Document, dates: list[DateMention], ranges: dict[int, tuple[int, int]], issue_dates: _IssueDates) -> list[str]:
    """The role of each date, in order; at most one `report_date`."""
    roles: list[str] = []
    for i, d in enumerate(dates):
        zone = doc.zone_at(d.start)
        if d.timestamp:
            role = "signed_at"
        elif zone == "place_date" and "report_date" not in roles:
            role = "report_date"
        elif issue_dates(d):
            role = "issue_date"
        elif i in ranges:
            first, _ = ranges[i]
            if _is_period_range(doc, dates[first]) or _qualifies_figures(doc, dates[ranges[i][1]]):
                role = "period_start" if first == i else "period_end"
            else:
                role = "other"
        elif zone == "period":
            role = "period_start" if FROM_BEFORE.search(_line_before(doc, d.start)) else "period_end"
        elif FROM_BEFORE.search(_line_before(doc, d.start)) and _qualifies_figures(doc, d):
            role = "period_start"  # `Tính từ ngày 1/7 đến cuối tháng 10/2025, ... đã tiếp nhận ...`
        elif AS_OF_BEFORE.search(_line_before(doc, d.start)):
            role = "as_of"
        else:
            role = "other"
        roles.append(role)
    return roles


def _date_row(doc: Document, d: DateMention, role: str, is_range: bool) -> dict:
    """The `dates` row of a mention."""
    value = d.value()
    return doc.fact(
        d.start, d.end, date=value, text=doc.text[d.start : d.end], day=d.day, month=d.month, year=d.year,
        role=role, valid=value is not None or not d.complete(), year_inferred=d.year_inferred, is_range=is_range,
    )


def _impossible(doc: Document, d: DateMention) -> dict:
    """The `checks` row of a date that cannot exist."""
    text = doc.text[d.start : d.end]
    return doc.fact(
        d.start, d.end, rule="impossible_date", severity="warning", metrics="",
        message=f"date '{text}' cannot exist (day {d.day}, month {d.month}, year {d.year}); kept as written",
    )


def read_date(doc: Document, pos: int) -> DateMention | None:
    """The date that starts exactly at `pos`, if any (for a document's `ngày ...`): the scan's
    reading when one of its matches starts there (`DATE.match` there is that match); none at
    an ASCII character other than a digit or the `n` of `ngày`, where no branch of `DATE` can
    start (more than half the places the references ask about); else `DATE` is tried there."""
    scan = _scan(doc, doc.match)
    i = scan.at.get(pos)
    if i is not None:
        return scan.mention(i)
    head = doc.match[pos : pos + 1]
    if head.isascii() and not head.isdigit() and head != "n":
        return None
    m = DATE.match(doc.match, pos)
    return _from_match(doc, m) if m else None


@register("dates", assigns=("dates", "checks"))
def extract_dates(doc: Document, facts: Facts) -> Facts:
    """Date rows for every date mention, and a check for each impossible date."""
    codes = [Span(m.start(), m.end()) for m in code_matches(doc.text)]
    dates = find_dates(doc, codes)
    ranges = _ranges(doc, dates)
    issue_dates = _IssueDates(doc, codes)
    dates = _fill_years(doc, dates, ranges, codes, issue_dates)
    roles = _roles(doc, dates, ranges, issue_dates)
    rows = [_date_row(doc, d, role, i in ranges) for i, (d, role) in enumerate(zip(dates, roles))]
    checks = [_impossible(doc, d) for d in dates if d.complete() and d.value() is None]
    return {"dates": rows, "checks": checks}
