"""The `metrics` table: every number a report states about procedures, dossiers, staff,
infrastructure totals and documents, one row per mention, never repaired."""

import pyarrow as pa

from schemas.base import Column, fact_table

TABLE = fact_table(
    "metrics",
    "One row per number stated in a report about procedures (TTHC), dossiers (hồ sơ), staff, "
    "infrastructure totals or documents issued; a number stated twice gives two rows",
    Column("domain", pa.string(), "tthc, staff, infrastructure or legal"),
    Column("metric", pa.string(), "Metric name from the contract (dossiers_received, procedures_online_full, ...)"),
    Column("value", pa.float64(), "The number as stated (Vietnamese format read: 5.091 = 5091, 66,64 = 66.64)"),
    Column("unit", pa.string(), "count, percent or ratio"),
    Column("qualifier", pa.string(),
           "What the number is conditioned on: in_period, in_week, cumulative, more_than, at_least, "
           "approximately, or null"),
    Column("period_text", pa.string(), "The reporting period stated near the number, as written, or null"),
)
