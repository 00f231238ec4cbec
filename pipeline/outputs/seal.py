"""The end of a run in bounded memory: `documents` and `commune_summary` filled from their parts.

The rules are `pipeline.outputs.summary`'s (the kept rendition, `province` filled, `report_key`
on every document); this module applies them to a run's part files without holding a table
whole, so the main process's peak does not grow with the corpus (a national year is 170,000
documents):

- `documents` is read one part at a time: each batch's part gets `province` filled and its
  `report_key` from the same batch's `commune_summary` part (a document's two rows are always
  written by one batch, and a second copy of a content leaves its batch at the seal);
- `commune_summary` is ranked and gathered by DuckDB, with a memory limit and a spill folder
  inside the run's partial folder: only a few columns per document are ranked, and the kept
  rows come back in batches, in the order of each report's first appearance;
- what comes out is written as it comes, in Parquet row groups of at most ROW_GROUP rows."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from types import TracebackType

import pyarrow as pa
import pyarrow.parquet as pq

import schemas
from pipeline.outputs.summary import FORMAT_RANK, short_province

ROW_GROUP = 65_536
"""Rows buffered before they are written as one row group: small runs write one row group, as
`pyarrow.parquet.write_table` would, and a national run never holds more than this."""
MEMORY_LIMIT = "256MB"
"""DuckDB's working memory at the seal; beyond it, DuckDB spills to the run's partial folder."""
SPILL = ".seal-spill"


class RowGroups:
    """Tables appended in order, written to one Parquet file in row groups of about ROW_GROUP
    rows; with no table at all, `empty` is written (as `write_table` of an empty table does)."""

    def __init__(self, path: Path, empty: pa.Table) -> None:
        self._path, self._empty = path, empty
        self._writer: pq.ParquetWriter | None = None
        self._buffer: list[pa.Table] = []
        self._rows = 0

    def add(self, table: pa.Table) -> None:
        self._buffer.append(table)
        self._rows += table.num_rows
        if self._rows >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        table = pa.concat_tables(self._buffer) if self._buffer else self._empty
        if self._writer is None:
            self._writer = pq.ParquetWriter(self._path, table.schema)
        self._writer.write_table(table)
        self._buffer, self._rows = [], 0

    def __enter__(self) -> RowGroups:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if kind is None and (self._buffer or self._writer is None):
            self._flush()
        if self._writer is not None:
            self._writer.close()


def _parts(folder: Path) -> list[Path]:
    return sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []


def _swap(folder: Path, written: Path, name: str) -> None:
    """`written` becomes the folder's only part, `name`."""
    for part in _parts(folder):
        part.unlink()
    written.rename(folder / name)


@lru_cache(maxsize=4096)
def _short(official: str | None) -> str | None:
    return short_province(official)


def _filled(documents: pa.Table, keys: dict[str, str | None]) -> pa.Table:
    """One part of `documents` with `province` filled and `report_key` set (the rules of
    `summary.fill_province` and `summary.add_report_keys`)."""
    names = documents.column_names
    written = documents.column("province").to_pylist()
    official = documents.column("province_name").to_pylist()
    province = pa.array([w if w else _short(o) for w, o in zip(written, official)], pa.string())
    report_key = pa.array([keys.get(d) for d in documents.column("doc_id").to_pylist()], pa.string())
    for name, column in (("province", province), ("report_key", report_key)):
        i = names.index(name)
        documents = documents.set_column(i, documents.schema.field(i), column)
    return documents


def seal_documents(partial: Path, first_part: str) -> None:
    """Rewrite `documents` as one file `first_part`, filled part by part (module docstring).
    Runs before `seal_summary`, while each batch still has its own `commune_summary` part."""
    schema = schemas.all_tables()["documents"].arrow_schema()
    folder = partial / "documents"
    folder.mkdir(exist_ok=True)
    written = folder / ".sealed.tmp"
    with RowGroups(written, schema.empty_table()) as out:
        for part in _parts(folder):
            summary = partial / "commune_summary" / part.name
            keys: dict[str, str | None] = {}
            if summary.exists():
                found = pq.read_table(summary, columns=["doc_id", "report_key"], use_threads=False)
                keys = dict(zip(found.column("doc_id").to_pylist(), found.column("report_key").to_pylist()))
            out.add(_filled(pq.read_table(part, schema=schema, use_threads=False), keys))
    _swap(folder, written, first_part)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _format_rank() -> str:
    cases = " ".join(f"WHEN '{fmt}' THEN {rank}" for fmt, rank in FORMAT_RANK.items())
    return f"CASE s.source_format {cases} ELSE 9 END"


def _ranking_sql(columns: Iterable[str], with_errors: bool) -> str:
    """The kept rendition of each report and its rendition list (the rule of
    `summary.best_renditions`: fewest errors rows, fewest failed checks, most facts, format,
    doc_id), returned in the order of each report's first appearance."""
    errors = ("SELECT doc_id, count(*) AS n FROM read_parquet($errors) GROUP BY doc_id" if with_errors
              else "SELECT NULL::VARCHAR AS doc_id, 0::BIGINT AS n WHERE false")
    picked = {"renditions": "g.renditions", "rendition_doc_ids": "g.ids"}
    select = ", ".join(f"{picked.get(c, 's.' + _quoted(c))} AS {_quoted(c)}" for c in columns)
    return f"""
    WITH s AS (
        SELECT *, CAST(regexp_extract(filename, 'part-([0-9]+)[.]parquet$', 1) AS BIGINT) * 4294967296
                  + file_row_number AS _idx
        FROM read_parquet($parts, filename = true, file_row_number = true)
    ), e AS ({errors}),
    f AS (SELECT doc_id, sum(n) AS n FROM facts GROUP BY doc_id),
    r AS (
        SELECT s._idx, s.doc_id, coalesce(nullif(s.report_key, ''), 'doc:' || coalesce(s.doc_id, 'None')) AS grp,
               coalesce(e.n, 0) AS errs, coalesce(s.checks_errors, 0) AS chk, coalesce(f.n, 0) AS facts,
               {_format_rank()} AS fmt
        FROM s LEFT JOIN e ON e.doc_id = s.doc_id LEFT JOIN f ON f.doc_id = s.doc_id
    ), ranked AS (
        SELECT *, row_number() OVER (PARTITION BY grp ORDER BY errs, chk, facts DESC, fmt, doc_id, _idx) AS pos
        FROM r
    ), g AS (
        SELECT min(_idx) AS first, count(*) AS renditions, string_agg(doc_id, ',' ORDER BY pos) AS ids,
               min(CASE WHEN pos = 1 THEN _idx END) AS kept
        FROM ranked GROUP BY grp
    )
    SELECT {select} FROM s JOIN g ON s._idx = g.kept ORDER BY g.first
    """


def seal_summary(partial: Path, facts: pa.Table, first_part: str) -> None:
    """Rewrite `commune_summary` as one file `first_part`: one row per report (module
    docstring). `facts` holds `doc_id` and `n`, the fact rows of each document."""
    import duckdb

    schema = schemas.all_tables()["commune_summary"].arrow_schema()
    folder = partial / "commune_summary"
    folder.mkdir(exist_ok=True)
    parts = [str(p) for p in _parts(folder)]
    errors = [str(p) for p in _parts(partial / "errors")]
    written = folder / ".sealed.tmp"
    spill = partial / SPILL
    config: dict[str, str | bool | int | float | list[str]] = {
        "memory_limit": MEMORY_LIMIT, "threads": 1, "temp_directory": str(spill), "preserve_insertion_order": True}
    try:
        with duckdb.connect(":memory:", config=config) as con, RowGroups(written, schema.empty_table()) as out:
            if parts:
                con.register("facts", facts)
                params = {"parts": parts, **({"errors": errors} if errors else {})}
                reader = con.sql(_ranking_sql(schema.names, bool(errors)), params=params).to_arrow_reader(ROW_GROUP)
                for batch in reader:
                    out.add(pa.Table.from_batches([batch]).cast(schema))
    finally:
        shutil.rmtree(spill, ignore_errors=True)
    _swap(folder, written, first_part)
