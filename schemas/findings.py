"""The `findings` table: what a report says is hard, why, what went well and what it asks for."""

import pyarrow as pa

from schemas.base import Column, fact_table

CATEGORIES = ("infrastructure_equipment", "network_connectivity", "software_data", "human_resources_training",
              "finance", "legal_guidance", "citizen_digital_skills", "other")
"""Values of `findings.category` (also the `requests_<category>` columns of commune_summary)."""

TABLE = fact_table(
    "findings",
    "One row per sentence (or `;` clause) of a report's difficulties, causes, limitations, strengths and "
    "recommendations, wherever they stand (their own section or a labelled line such as `- Khó khăn:`)",
    Column("kind", pa.string(), "difficulty, cause, limitation, strength or recommendation: from the part's heading "
           "or label, or the sentence's own first words (`Đề nghị ...`)"),
    Column("category", pa.string(), "What it is about: infrastructure_equipment, network_connectivity, software_data, "
           "human_resources_training, finance, legal_guidance, citizen_digital_skills or other"),
    Column("addressee", pa.string(), "For a recommendation, whom it asks, as written (`UBND tỉnh`, `Sở Khoa học và Công nghệ`)"),
    Column("addressee_level", pa.string(), "That addressee's level: central, department, province, enterprise or commune"),
    Column("text", pa.string(), "The finding as written, without its list marker or label"),
)
