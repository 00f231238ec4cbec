"""One document, from bytes to a segmented `Document`: detect, ingest, normalise, segment.

A pure function of the file's bytes and its path, so it can run in a worker process or on
another machine and always gives the same `doc_id` for the same content."""

from __future__ import annotations

import hashlib
from pathlib import Path

from datamodel import Document, RawDocument
from pipeline.ingest.base import InputError
from pipeline.ingest.columns import blocks_with_columns
from pipeline.ingest.encoding import looks_like_legacy_font
from pipeline.ingest.registry import read_raw
from pipeline.ingest.text_tables import with_text_tables
from pipeline.normalize import normalize
from pipeline.options import DEFAULTS, Options
from pipeline.segment import segment


def doc_id_for(data: bytes) -> str:
    """The document id: the first 16 hex digits of the content's SHA-256."""
    return hashlib.sha256(data).hexdigest()[:16]


def assemble(raw: RawDocument, doc_id: str, source_path: str) -> Document:
    """Normalise and segment a backend's output into a Document."""
    norm = normalize(raw)
    if looks_like_legacy_font(norm.text):
        raise InputError(
            "legacy_encoding",
            "the text is typed in a legacy Vietnamese font encoding (TCVN3/.Vn or VNI) and reads as "
            "mojibake; convert it to Unicode (e.g. with Unikey's converter) and run again",
        )
    zones, sections, header = segment(norm.text, norm.match)
    return Document(
        doc_id=doc_id,
        source_path=source_path,
        source_format=raw.source_format,
        text=norm.text,
        match=norm.match,
        blocks=norm.blocks,
        page_starts=norm.page_starts,
        zones=zones,
        sections=sections,
        header=header,
        page_count=raw.page_count,
        warnings=list(raw.warnings),
        meta=dict(raw.meta),
    )


def read_document(data: bytes, source_path: str, options: Options = DEFAULTS) -> tuple[Document, list[str]]:
    """Detect the format, ingest within the limits of `options`, normalise and segment. Returns
    the document and notes about the input (an extension that lies). Raises InputError for
    input that cannot be read."""
    raw, mismatch = read_raw(data, Path(source_path), options)
    doc = assemble(raw, doc_id_for(data), source_path)
    return doc, [mismatch] if mismatch else []


def document_from_text(text: str, doc_id: str = "test", source_path: str = "<text>") -> Document:
    """A Document from a string, read as the TXT backend would: for tests and notebooks."""
    raw = RawDocument("txt", with_text_tables(blocks_with_columns(text.splitlines())))
    return assemble(raw, doc_id, source_path)
