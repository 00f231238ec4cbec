"""The `texts` table: the normalised text every offset points into."""

import pyarrow as pa

from schemas.base import DOC_ID, Column, Table

TABLE = Table(
    "texts",
    "One row per document: the normalised text (NFC) that every char_start/char_end points into",
    (DOC_ID, Column("text", pa.string(), "Normalised text of the document")),
)
