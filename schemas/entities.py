"""The `entities` table: people, bodies and places a report names."""

import pyarrow as pa

from schemas.base import Column, fact_table

TABLE = fact_table(
    "entities",
    "One row per named person, body or place (flat spans: a body with its unit is one ORG, "
    "`UBND xã Phượng Tiến`; a unit alone is a LOC)",
    Column("label", pa.string(), "PER (a person, or a position such as `Chủ tịch`), ORG (a body, team, enterprise "
           "or software system) or LOC (an administrative unit: province, commune, village)"),
    Column("kind", pa.string(), "person, position, body, system, admin_unit, or name (a model span)"),
    Column("text", pa.string(), "The entity as written"),
    Column("normalized", pa.string(), "One space, canonical tone marks, abbreviations written out (`UBND` → "
           "`Ủy ban nhân dân`), official unit names (`xã Phượng Tiến`)"),
    Column("code", pa.int64(), "Official code of the unit named (commune or province, post-July-2025 list), "
           "when it resolves to one"),
    Column("title", pa.string(), "For the signer: the title above the name (`PHÓ CHỦ TỊCH`)"),
    Column("source", pa.string(), "rule (vocabulary, official list, signer block) or model (the trained NER)"),
)
