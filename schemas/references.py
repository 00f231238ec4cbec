"""The `references` table: mentions of official documents (plans, decisions, letters ...)."""

import pyarrow as pa

from schemas.base import Column, fact_table

TABLE = fact_table(
    "references",
    "One row per mention of an official document in a report (the same document cited five times "
    "gives five rows), with its number and symbol, date, issuer, subject and relation to the commune",
    Column("text", pa.string(), "The mention as written: type word (if any) through the end of the code"),
    Column("doc_type", pa.string(), "Document type name in canonical tone form as the type word says (Kế hoạch, Quyết định), else from the code"),
    Column("type_code", pa.string(), "Type code of the symbol (KH, QĐ, CTr ...); CV for a state official letter whose symbol has no type"),
    Column("number", pa.string(), "Document number as written, leading zeros kept (02, 303); null for an unnumbered pending document"),
    Column("year", pa.int32(), "Year inside the symbol of a legal normative document (06/2024/QĐ-UBND → 2024), else null"),
    Column("symbol", pa.string(), "The part after the number (KH/BCĐTW, QĐ-UBND, UBND-KGVX), spaces removed"),
    Column("canonical", pa.string(), "Number and symbol with spaces and line breaks removed, NFC, codes upper-cased (02-KH/BCĐTW, 06/2024/QĐ-UBND)"),
    Column("issue_date", pa.date32(), "Issue date stated at this mention, or taken from another mention of the same canonical"),
    Column("issue_date_inferred", pa.bool_(), "True when issue_date is not stated at this mention but at another mention of the same canonical"),
    Column("issuer_text", pa.string(), "The issuer named in the `của <issuer>` phrase after the mention, as written"),
    Column("subject", pa.string(), "The `về ...` clause after the mention (without `về việc`), cut at `;`, `, <next reference>` or sentence end"),
    Column("relation", pa.string(), "issued (by the commune's own bodies), cited, or pending (not yet issued / being drafted)"),
    Column("type_mismatch", pa.bool_(), "True when the type word disagrees with the code (Nghị quyết số 57-QĐ/TW); see checks"),
)
