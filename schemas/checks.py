"""The `checks` table: consistency checks that failed, reported, never repaired."""

import pyarrow as pa

from schemas.base import Column, fact_table

TABLE = fact_table(
    "checks",
    "One row per failed consistency check on one report: numbers that do not add up, impossible dates, "
    "type words that disagree with a code, machines below common minimums",
    Column("rule", pa.string(), "Name of the rule (dossiers_received_sum, impossible_date, ram_below_8gb, ...)"),
    Column("severity", pa.string(), "error (a contradiction), warning (doubtful), info (worth knowing)"),
    Column("message", pa.string(), "What was found, naming the metrics and values involved"),
    Column("metrics", pa.string(), "Comma-separated names of the metrics involved (empty when none)"),
)
