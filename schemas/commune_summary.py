"""The `commune_summary` table: one wide, typed row per report for BI tools.

Not a fact table (no evidence columns): every value is copied or counted from the fact tables
(`metrics`, `equipment`, `checks`, `references`, `dates`), which hold the evidence."""

import pyarrow as pa

from schemas.base import DOC_ID, Column, Table
from schemas.findings import CATEGORIES as FINDING_CATEGORIES

KEY_METRICS = (
    "procedures_total", "procedures_online_full", "procedures_online_partial", "procedures_direct",
    "dossiers_received", "dossiers_received_online", "dossiers_received_direct", "dossiers_carried_over",
    "dossiers_total", "dossiers_resolved", "dossiers_resolved_early", "dossiers_resolved_on_time",
    "dossiers_resolved_overdue", "dossiers_in_progress", "dossiers_in_progress_overdue", "dossiers_withdrawn",
    "dossiers_digitized_pct", "dossiers_online_full_pct", "staff_quota", "staff_present", "service_center_staff",
    "community_digital_teams", "computers_total", "video_conference_sets",
)
"""Contract metrics that get a column each: the value of their first mention in the report."""

EQUIPMENT_FIGURES = (
    Column("computers", pa.float64(), "Computers present (desktop, laptop, computer): sum of quantities, unknown counted as 1; a stated total "
           "detailed by kind (`09 máy tính, trong đó 05 để bàn`) counts once, never plus its parts"),
    Column("computers_with_specs", pa.float64(), "Of those, machines with a stated CPU, RAM, disk, monitor or OS"),
    Column("computers_ram_below_8gb", pa.float64(), "Machines with less than 8 GB of RAM"),
    Column("computers_hdd", pa.float64(), "Machines whose system disk is an HDD"),
    Column("computers_cpu_below_gen8", pa.float64(), "Machines with an Intel CPU older than 8th generation"),
    Column("computers_windows_10", pa.float64(), "Machines running Windows 10 (out of support since 2025-10-14)"),
    Column("share_ssd", pa.float64(), "Share (0-1) of machines with an SSD system disk among those whose disk type is stated"),
    Column("scanners", pa.float64(), "Scanners present: sum of quantities, unknown counted as 1"),
    Column("printers", pa.float64(), "Printers present: sum of quantities, unknown counted as 1"),
    Column("photocopiers", pa.float64(), "Photocopiers present: sum of quantities, unknown counted as 1"),
    Column("items_lacking", pa.float64(), "Devices the report says are lacking: sum of quantities, unknown counted as 1"),
    Column("lacking_categories", pa.string(), "Categories of the lacking devices, sorted, comma-separated; null when none"),
)

IDENTITY = (
    Column("report_key", pa.string(),
           "The report this row stands for: commune code|report date (else period, else year and title)|number/symbol; "
           "equal for the DOCX, PDF and TXT renditions of one report"),
    Column("commune", pa.string(), "Commune name as written, without the xã/phường prefix (documents.commune)"),
    Column("commune_code", pa.int32(), "Official post-July-2025 commune code (documents.commune_code)"),
    Column("province_name", pa.string(), "Official province name (documents.province_name)"),
    Column("province_code", pa.int32(), "Official post-July-2025 province code (documents.province_code)"),
    Column("doc_symbol", pa.string(), "The report's own symbol (documents.doc_symbol)"),
    Column("doc_number", pa.string(), "The report's own number, null when left blank (documents.doc_number)"),
    Column("source_path", pa.string(), "Input file of the rendition kept for this report"),
    Column("source_format", pa.string(), "Format of the rendition kept: docx, pdf or txt"),
)
"""Who reports and from which file: what every use of the table starts with (no join needed)."""

RENDITIONS = (
    Column("renditions", pa.int32(), "How many input files are renditions of this report (same report_key)"),
    Column("rendition_doc_ids", pa.string(),
           "doc_id of every rendition, the kept one first, comma-separated; the kept one has the fewest errors rows, "
           "then the fewest failed checks, then the most facts, then DOCX before PDF before TXT"),
)

TABLE = Table(
    "commune_summary",
    "One row per report (renditions of one report in several formats kept once), wide: the first stated value of each key metric, equipment figures, "
    "counts of checks and references, and the report's dates",
    (
        DOC_ID,
        *IDENTITY,
        *(Column(name, pa.float64(), f"First stated value of the metric {name} (metrics table); null when not stated")
          for name in KEY_METRICS),
        *EQUIPMENT_FIGURES,
        Column("checks_errors", pa.int32(), "Number of checks rows with severity error"),
        Column("checks_warnings", pa.int32(), "Number of checks rows with severity warning"),
        Column("references_issued", pa.int32(), "Distinct documents (canonical) the commune's own bodies issued"),
        Column("references_cited", pa.int32(), "Distinct documents (canonical) the report cites from other bodies"),
        *(Column(f"requests_{c}", pa.int32(), f"Recommendations (findings of kind recommendation) about {c}")
          for c in FINDING_CATEGORIES),
        Column("report_date", pa.date32(), "Report date: documents.report_date, else the first dates row with role report_date"),
        Column("period_start", pa.date32(), "Start of the reporting period: the first dates row with role period_start"),
        Column("period_end", pa.date32(), "End of the reporting period: the first dates row with role period_end"),
        *RENDITIONS,
    ),
)
