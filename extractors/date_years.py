"""The year of a year-less date (`ngày 4/11`, `sáng 12.3`, `(1-7 đến 31-7)`).

A day and month without a year take one only from what fixes it for that text, in order:
the end of their range (`từ 09/12 đến 14/12/2025`); else the year that these agree on: a year
stated in the same sentence (`... 6 tháng cuối năm 2025`, `... tháng 10/2025`; not a target year
`đến năm 2030`, not the date of a cited document), the report's own date (its place/date line)
and the publication stamp of a web page (`Cập nhật: 05-03-2024 | 10:12`, an ISO date opening
the text; the year before when the day would fall after the stamp). When they disagree
(`Ngày 15/01, xã tổng kết năm 2024` in a text stamped 2025) the year stays empty. A year is never borrowed from a cited
document elsewhere in the text (`Sáng 31/10` in a news item citing a 2024 resolution is not
2024-10-31): without one of these sources the date keeps its year empty."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from datamodel import Document, Span
from extractors.vocab import periods

SENTENCE_YEAR = regex.compile(
    rf"(?<!(?:{periods.TARGET_YEAR.pattern})\s+)(?:năm|tháng\s*\d{{1,2}}\s*[/.-])\s*(?P<y>(?:19|20)\d\d)(?!\d)"
)
"""A year the sentence itself happens in: `năm 2025`, `tháng 10/2025`."""
ISO_STAMP = regex.compile(r"^\s*(?:\p{L}+\s*:?\s*)?(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)(?:-(?P<d>\d\d))?(?!\d)")
"""An ISO date or year-month opening the text: the stamp a stored web page carries."""
DATED_STAMP = regex.compile(
    rf"(?P<label>(?:{periods.STAMP_LABEL.pattern})\s*:?\s*)?(?P<d>\d{{1,2}})[/.-](?P<m>\d{{1,2}})[/.-](?P<y>(?:19|20)\d\d)"
    r"(?P<time>\s*[|,-]?\s*\d{1,2}:\d\d)?"
)
"""A full date with a clock time, or after `Cập nhật:`: a publication stamp."""
STAMP_LINES = 3
"""How many lines at the top of a text may hold its publication stamp."""


@dataclass(frozen=True)
class Stamp:
    """The publication stamp: year, month and (when given) day."""

    year: int
    month: int
    day: int | None


def publication_stamp(doc: Document) -> Stamp | None:
    """The stamp among the first lines of the text, if any."""
    m = ISO_STAMP.match(doc.match)
    if m:
        return Stamp(int(m["y"]), int(m["m"]), int(m["d"]) if m["d"] else None)
    top = "\n".join(doc.match.split("\n", STAMP_LINES)[:STAMP_LINES])
    for m in DATED_STAMP.finditer(top):
        if m["time"] or m["label"]:
            return Stamp(int(m["y"]), int(m["m"]), int(m["d"]))
    return None


def sentence_year(doc: Document, start: int, end: int, cited: list[Span]) -> int | None:
    """The one year the sentence around [start, end) states outside cited documents' codes
    and dates; None when it states none or several."""
    sentence = doc.sentence_span(start, end)
    years = {
        int(m["y"]) for m in SENTENCE_YEAR.finditer(doc.match, sentence.start, sentence.end)
        if not any(s.start <= m.start("y") < s.end for s in cited)
    }
    return years.pop() if len(years) == 1 else None


def stamp_year(stamp: Stamp, month: int, day: int) -> int:
    """The year of a day and month told before the stamp: the stamp's, or the year before
    when the day would fall after the stamp (`28/12` in a text stamped 2025-01-05)."""
    later = (month, day) > (stamp.month, stamp.day or 31)
    return stamp.year - 1 if later else stamp.year


def agreed_year(*sources: int | None) -> int | None:
    """The one year the given sources state, None when they state none or disagree."""
    years = {y for y in sources if y is not None}
    return years.pop() if len(years) == 1 else None
