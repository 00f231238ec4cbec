"""The bytes of one extraction-cache entry: data only, readable by any later Python.

A pickle runs code when it is loaded (a cache folder on shared storage could be written by
anyone) and may not load under another Python or pyarrow. An entry is instead one JSON object
holding the document's validated rows, as the run keeps them until its batch is made Arrow:

    {"format": "baocao-cache-entry/2", "source_path": ..., "source_format": ..., "doc_id": ...,
     "failed": false, "errors": [{...}, ...], "checked": {"metrics": [0, 1], ...},
     "rows": {"metrics": [{...}, ...], ...}}

Validated rows hold only text, whole numbers, finite floats, booleans, dates and nulls (each as
its column's type, `schemas.validate`); JSON keeps all of them exactly but dates, written as
ISO text and read back as dates in the columns whose type is a date. So rows read back make
the same Arrow values, and the same Parquet bytes, as the rows extracted. Anything else
(another format version, a truncated or damaged file, a table no schema knows) reads as no
entry: the document is simply extracted again."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.run import DocResult

FORMAT = "baocao-cache-entry/2"
"""Changed whenever the layout changes; an entry of another format is not read."""


def _date(value: object) -> str:
    if isinstance(value, dt.date):  # a datetime at midnight passes a date column's check: its day is kept
        return value.isoformat()[:10]
    raise TypeError(f"{type(value).__name__} is not a value of a validated row")


def encode(result: DocResult) -> bytes:
    """The entry of `result` (see the module docstring); TypeError or ValueError for a value
    JSON cannot hold."""
    entry = {"format": FORMAT, "source_path": result.source_path, "source_format": result.source_format,
             "doc_id": result.doc_id, "failed": result.failed, "errors": result.errors, "checked": result.checked,
             "rows": result.rows}
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"), default=_date).encode()


def _dates_read(name: str, rows: list[dict]) -> list[dict]:
    """The rows of table `name` with their date columns' ISO text read back as dates."""
    from schemas.validate import date_columns

    columns = date_columns(name)
    for row in rows:
        for column in columns:
            value = row.get(column)
            if value is not None:
                row[column] = dt.date.fromisoformat(value)
    return rows


def decode(data: bytes) -> DocResult | None:
    """The result kept in `data`, or None when it is not a whole entry of this format."""
    from pipeline.run import DocResult

    try:
        entry = json.loads(data)
        if not isinstance(entry, dict) or entry.get("format") != FORMAT:
            return None
        rows = {name: _dates_read(name, table) for name, table in entry["rows"].items()}
        checked = {name: (start, end) for name, (start, end) in entry["checked"].items()}
        return DocResult(entry["source_path"], entry["source_format"], entry["doc_id"], rows=rows,
                         errors=list(entry["errors"]), failed=bool(entry["failed"]), checked=checked)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
