"""The bytes of one extraction-cache entry: data only, readable by any later Python.

A pickle runs code when it is loaded (a cache folder on shared storage could be written by
anyone) and may not load under another Python or pyarrow. An entry is instead one JSON line,
then the document's tables as Arrow IPC streams, back to back:

    {"format": "baocao-cache-entry/1", "source_path": ..., "source_format": ..., "doc_id": ...,
     "failed": false, "errors": [{...}, ...], "tables": [["metrics", 0, 1234], ...]}\\n
    <IPC stream of metrics><IPC stream of ...>

Each `tables` item is the table's name, the offset of its stream after the header line and its
length. JSON escapes line breaks inside strings, so the first newline ends the header. Arrow IPC
keeps the schema (with its metadata) and the record batches as written, so a table read back
writes the same Parquet bytes as the one extracted. Anything else (another format version, a
truncated or damaged file) reads as no entry: the document is simply extracted again."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyarrow as pa

    from pipeline.run import DocResult

FORMAT = "baocao-cache-entry/1"
"""Changed whenever the layout changes; an entry of another format is not read."""


def _stream(table: pa.Table) -> pa.Buffer:
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue()


def encode(result: DocResult) -> bytes:
    """The entry of `result` (see the module docstring)."""
    streams, index, offset = [], [], 0
    for name, table in result.tables.items():
        buf = _stream(table)
        streams.append(buf)
        index.append([name, offset, buf.size])
        offset += buf.size
    header = {"format": FORMAT, "source_path": result.source_path, "source_format": result.source_format,
              "doc_id": result.doc_id, "failed": result.failed, "errors": result.errors, "tables": index}
    line = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
    return b"".join([line, *(buf.to_pybytes() for buf in streams)])


def decode(data: bytes) -> DocResult | None:
    """The result kept in `data`, or None when it is not a whole entry of this format."""
    import pyarrow as pa

    from pipeline.run import DocResult

    end = data.find(b"\n")
    try:
        header = json.loads(data[:end]) if end >= 0 else None
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            return None
        body = pa.py_buffer(data)
        tables = {}
        for name, offset, length in header["tables"]:
            start = end + 1 + offset
            if start + length > len(data):
                return None
            tables[name] = pa.ipc.open_stream(body.slice(start, length)).read_all()
        return DocResult(header["source_path"], header["source_format"], header["doc_id"], tables=tables,
                         errors=list(header["errors"]), failed=bool(header["failed"]))
    except (ValueError, KeyError, TypeError, pa.ArrowException):
        return None
