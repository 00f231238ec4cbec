"""The `errors` table: inputs that could not be processed, or a stage that failed."""

import pyarrow as pa

from schemas.base import Column, Table

TABLE = Table(
    "errors",
    "One row per input that could not be read, or per pipeline stage that failed on a document",
    (
        Column("doc_id", pa.string(), "Document id when the file could be read at all"),
        Column("source_path", pa.string(), "Path of the input file"),
        Column("stage", pa.string(), "Where it failed: read, detect, ingest, segment, or an extractor's name"),
        Column("error_type", pa.string(), "Short machine-readable kind (empty_file, encrypted_pdf, no_text_layer, ...)"),
        Column("message", pa.string(), "What is wrong, in plain language"),
    ),
)
