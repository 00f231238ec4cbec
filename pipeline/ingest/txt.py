"""Plain-text backend: reports pasted into .txt files, often copied out of a PDF or DOCX.

Every line becomes a `line` block (normalisation rejoins lines broken in mid-sentence), except
a header or footer pasted as two side-by-side columns, read as two cell blocks.
The encoding is detected, never assumed; anything but UTF-8, and every invalid byte replaced,
is recorded as a warning."""

from __future__ import annotations

from datamodel import RawDocument
from pipeline.ingest.base import InputError
from pipeline.ingest.columns import blocks_with_columns
from pipeline.ingest.encoding import decode_text, starts_as_text
from pipeline.ingest.legacy_encodings import repair_file, warning
from pipeline.ingest.limits import too_large
from pipeline.ingest.text_tables import with_text_tables
from pipeline.options import DEFAULTS, Options


class TxtBackend:
    """Reads .txt files (UTF-8 with or without BOM, UTF-16, Windows-1258; TCVN3, VNI, VISCII converted)."""

    name = "txt"
    suffixes: tuple[str, ...] = (".txt", ".text")

    def sniff(self, data: bytes) -> bool:
        return starts_as_text(data)

    def read(self, data: bytes, options: Options = DEFAULTS) -> RawDocument:
        if len(data) > 4 * options.max_chars:  # more characters than the limit in any encoding
            raise too_large(f"the text file is {len(data) / 2**20:.0f} MiB", options, "max_chars")
        text, encoding = decode_text(data)
        if len(text) > options.max_chars:
            raise too_large(f"the text holds {len(text):,} characters", options, "max_chars")
        if not text.strip():
            raise InputError("empty_file", "the file contains no text")
        text, legacy = repair_file(data, text, encoding)
        if encoding.startswith("utf-8 ("):
            warnings = [f"text decoded as {encoding}"]
        else:
            warnings = [] if encoding in ("utf-8", "utf-8-sig") or legacy else [f"text decoded as {encoding} (not UTF-8)"]
        warnings += [warning(legacy)] if legacy else []
        blocks = with_text_tables(blocks_with_columns(text.splitlines()))
        return RawDocument("txt", blocks, warnings=warnings, meta={"encoding": encoding})
