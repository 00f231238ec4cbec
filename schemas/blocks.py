"""The `blocks` table: the segmented layout of each document, for provenance and debugging."""

import pyarrow as pa

from schemas.base import DOC_ID, Column, Table

TABLE = Table(
    "blocks",
    "One row per block or zone of a document: its kind, region, zone, section, page and offsets",
    (
        DOC_ID,
        Column("kind", pa.string(), "paragraph, cell, table_row, zone or section"),
        Column("region", pa.string(), "body, header, footnote, page_header, page_footer"),
        Column("name", pa.string(), "Zone name (issuer, title, signer_name, ...) or section number"),
        Column("level", pa.int32(), "Section level (1 for '2.', 2 for '2.1.'); null otherwise"),
        Column("topic", pa.string(), "Section topic (legal, infrastructure, staff, tthc, assessment, ...)"),
        Column("table_index", pa.int32(), "Index of the data table a row belongs to"),
        Column("row_index", pa.int32(), "Row within that table"),
        Column("page", pa.int32(), "1-based page where the block starts (null without pages)"),
        Column("char_start", pa.int64(), "Start offset in texts.text"),
        Column("char_end", pa.int64(), "End offset (exclusive); text[char_start:char_end] == evidence"),
        Column("evidence", pa.string(), "The block's text (for a section: its heading line)"),
    ),
)
