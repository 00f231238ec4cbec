"""The `dates` table: every date mention and what it is for the report."""

import pyarrow as pa

from schemas.base import Column, fact_table

TABLE = fact_table(
    "dates",
    "One row per date mention in a report: the date as written and parsed, and its role "
    "(report date, reporting period, snapshot date, issue date of a cited document, signature time)",
    Column("date", pa.date32(), "The date; null when a part is blank (template `ngày   tháng   năm 2025`) or the date cannot exist"),
    Column("text", pa.string(), "The date as written"),
    Column("day", pa.int32(), "Day of month as written, null when blank"),
    Column("month", pa.int32(), "Month as written, null when blank"),
    Column("year", pa.int32(), "Year as written (or inferred, see year_inferred), null when blank"),
    Column("role", pa.string(), "report_date, period_start, period_end, as_of, issue_date, signed_at or other"),
    Column("valid", pa.bool_(), "False when the date cannot exist (31/9/2025, 15/8/225); a blank template is valid"),
    Column("year_inferred", pa.bool_(), "True when the year is not written at this mention (range end's year, or the report's year)"),
    Column("is_range", pa.bool_(), "True when the date is one end of a range (từ ... đến ...)"),
)
