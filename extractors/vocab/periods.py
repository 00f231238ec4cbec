"""The wording around the period a report covers and the day its figures stand at.

A period is a range (`từ ngày 01/7 đến ngày 31/7/2025`) in the period line under the title,
in the subject, opening or closing, or in a sentence that qualifies the figures (`Trong tuần
(từ ...)`, `kỳ báo cáo`); an as-of date is a snapshot (`tính đến hết ngày`, `lũy kế đến`).
"""

from __future__ import annotations

from extractors.vocab import Phrase, alternation

PERIOD_ZONES = ("period", "subject", "title", "opening", "closing")
"""Zones of the document where a range is the report's own period (not a cited document's)."""

PERIOD_LINE = Phrase(
    r"\(?\s*(?:(?:tính\s+)?(?:đến|từ)\s+(?:hết\s+)?ngày|kỳ\s+báo\s+cáo|tuần\s)",
    "the period line under the title: `(Từ ngày ... đến ngày ...)`, `(Tính đến ngày ...)`",
)

PERIOD_CUES = (
    Phrase(r"tuần", "week"),
    Phrase(r"kỳ\s+báo\s+cáo", "reporting period", "in_period"),
    Phrase(r"trong\s+kỳ", "in the period", "in_period"),
    Phrase(r"thời\s+gian\s+báo\s+cáo", "time covered by the report"),
    Phrase(r"trong\s+tháng", "in the month", "in_period"),
    Phrase(r"trong\s+quý", "in the quarter", "in_period"),
    Phrase(r"báo\s+cáo", "report"),
)
"""Words just before a range that make it the reporting period. Those named `in_period` also
qualify a figure in their clause as one of the period (`vocab.counted.QUALIFIERS`)."""
PERIOD_CUE = alternation(PERIOD_CUES)

AS_OF = Phrase(
    r"(?:tính|lũy\s+kế|số\s+liệu|cập\s+nhật)[^.;\n]{0,25}?(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s*)?",
    "as of: `tính đến hết ngày`, `số liệu tính đến`, `lũy kế đến`",
)
RANGE_LINK = Phrase(r"-|đến|tới", "to (joins the two ends of a range)")
DATE_CONTEXT = Phrase(r"ngày|từ|đến|tới|hết|sáng|chiều|hôm", "words before a day/month that make it a date")
DAY_CONTEXT = Phrase(r"ngày|sáng|chiều|tối|trưa|hôm", "day, morning, afternoon ...: a dotted `12.3` after them is a date")

TARGET_YEAR = Phrase(
    r"đến|tới|trước|giai\s+đoạn|định\s+hướng|tầm\s+nhìn|mục\s+tiêu",
    "words before `năm YYYY` that make it a target year, not the year a sentence happens in",
)

STAMP_LABEL = Phrase(
    r"cập\s+nhật|ngày\s+đăng|đăng\s+ngày|đăng\s+lúc|xuất\s+bản|ngày\s+cập\s+nhật",
    "updated / published on: the publication stamp of a web page",
)

FIGURE_VERBS = (
    Phrase(r"tiếp\s+nhận", "received"),
    Phrase(r"giải\s+quyết", "resolved"),
    Phrase(r"tiếp\s+đón", "welcomed (visitors)"),
    Phrase(r"xử\s+lý", "processed"),
    Phrase(r"trả\s+kết\s+quả", "returned results"),
    Phrase(r"số\s+hóa", "digitised"),
)
"""Verbs of the report's figures: a range in the sentence that states them is the period they cover."""
FIGURE_VERB = alternation(FIGURE_VERBS)
