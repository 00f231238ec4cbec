"""The `metrics` table: every number a report states about procedures, dossiers, staff,
infrastructure totals and documents, one row per mention, never repaired."""

import pyarrow as pa

from schemas.base import Column, fact_table

TABLE = fact_table(
    "metrics",
    "One row per number stated in a report about procedures (TTHC), dossiers (hồ sơ), staff, "
    "infrastructure totals or documents issued; a number stated twice gives two rows",
    Column("domain", pa.string(), "tthc, staff, infrastructure or legal"),
    Column("metric", pa.string(),
           "Metric name from the contract (dossiers_received, procedures_online_full, ...), or one added in its style: "
           "procedures_online (offered online, level not stated); procedures_<channel>_with_dossiers (procedures that "
           "received dossiers, `Tiếp nhận 11 TTHC phát sinh`); <metric>_pct (a share stated with a count, `chiếm 66,64%`, "
           "or in a table's % column); dossiers_digitized; postal_support_staff (post-office staff helping at the "
           "centre); staff_trained_pct, staff_official_email_pct, staff_digital_signature_pct; internet_lines (public "
           "lines; dedicated_lines is the dedicated network); scanners_total, printers_total, photocopiers_total, "
           "servers_total; <device>_lacking (devices stated as lacking: a shortage, or devices lost, stolen or broken, as the equipment status "
           "lacking; a lost device is never a <device>_total)"),
    Column("value", pa.float64(), "The number as stated (Vietnamese format read: 5.091 = 5091, 66,64 = 66.64)"),
    Column("unit", pa.string(), "count, percent or ratio"),
    Column("qualifier", pa.string(),
           "What the number is conditioned on: in_period, in_week, cumulative, more_than, at_least, "
           "approximately, early_and_on_time (an on-time figure that counts early ones too, `trước và đúng hạn`), "
           "or null"),
    Column("period_text", pa.string(), "The reporting period stated near the number, as written, or null"),
    Column("source", pa.string(), "rule (the metric rules) or model (a figure the rules left out, proposed by the "
                                  "fact-mention model, only with --fact-model)"),
    Column("confidence", pa.float64(), "The fact-mention model's score for a model row (at least its threshold); "
                                       "null for rule rows"),
)
