"""How an output table is described: columns with Arrow types and a description each.

Every table module in this package defines `TABLE`; `schemas.all_tables()` finds them, the
writer validates rows against them, and `baocao schema` prints the data dictionary."""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    description: str


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]

    def arrow_schema(self) -> pa.Schema:
        """The Arrow schema, each field carrying its description as metadata."""
        return pa.schema(
            [pa.field(c.name, c.type, nullable=True, metadata={"description": c.description}) for c in self.columns],
            metadata={"description": self.description},
        )

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


DOC_ID = Column("doc_id", pa.string(), "Document id: first 16 hex digits of the input file's SHA-256")

EVIDENCE = (
    Column("page", pa.int32(), "1-based page of the mention (null for formats without pages)"),
    Column("char_start", pa.int64(), "Start of the evidence sentence in the document's normalised text (texts.text)"),
    Column("char_end", pa.int64(), "End (exclusive) of the evidence sentence; text[char_start:char_end] == evidence"),
    Column("span_start", pa.int64(), "Start of the mention itself in the normalised text"),
    Column("span_end", pa.int64(), "End (exclusive) of the mention itself"),
    Column("evidence", pa.string(), "The source sentence or line the fact was read from, as written (NFC)"),
    Column("ocr_confidence", pa.float32(), "Mean Tesseract word confidence (0-100) of the evidence when it was read by OCR "
           "from a scanned page; null for a text layer"),
)
"""The evidence columns every fact table carries, after its own columns."""


def fact_table(name: str, description: str, *columns: Column) -> Table:
    """A fact table: doc_id, its own columns, then the evidence columns."""
    return Table(name, description, (DOC_ID, *columns, *EVIDENCE))
