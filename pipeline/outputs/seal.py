"""The end of a run in bounded memory: `documents` and `commune_summary` filled from their parts.

The rules are `pipeline.outputs.summary`'s (the kept rendition, `province` filled, `report_key`
on every document); this module applies them to a run's part files without holding a table
whole, so the main process's peak does not grow with the corpus (a national year is 170,000
documents):

- `documents` is read one part at a time: each batch's part gets `province` filled and its
  `report_key` from the same batch's `commune_summary` part (a document's two rows are always
  written by one batch, and a second copy of a content leaves its batch at the seal);
- `commune_summary` is ranked by DuckDB, with a memory limit and a spill folder inside the
  run's partial folder: only a few columns per document are ranked; the plan (which row is
  kept, in the order of each report's first appearance) comes back in batches, and each batch's
  rows are gathered from the parts that hold them;
- what comes out is written as it comes, in Parquet row groups of at most ROW_GROUP rows and
  about ROW_GROUP_BYTES."""

from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq

import schemas
from pipeline.outputs.summary import FORMAT_RANK, short_province

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

ROW_GROUP = 65_536
ROW_GROUP_BYTES = 2**20
"""Rows (and their Arrow bytes) buffered before they are written as one row group: a run of a
thousand documents writes one row group, as `pyarrow.parquet.write_table` would, and a
national run never holds more than this. Buffered as many small parts, a MiB of rows costs the
main process about 4 MiB of memory (8 MiB buffered made its peak grow by 30 MiB from 2,000 to
20,000 documents, the documents' 420 bytes a row reaching the bound only there)."""
MERGE_EVERY = 64
"""Small tables buffered before they are merged into one: thousands of 32-row tables, each with
its own buffers, take several times the memory of their rows."""
FETCH = 2048
"""Rows per batch fetched from DuckDB."""
MEMORY_LIMIT = "128MB"
"""DuckDB's working memory at the seal; beyond it, DuckDB spills to the run's partial folder."""
SPILL = ".seal-spill"


class RowGroups:
    """Tables appended in order, written to one Parquet file in row groups of about ROW_GROUP
    rows or ROW_GROUP_BYTES; with no table at all, `empty` is written (as `write_table` of an
    empty table does)."""

    def __init__(self, path: Path, empty: pa.Table) -> None:
        self._path, self._empty = path, empty
        self._writer: pq.ParquetWriter | None = None
        self._buffer: list[pa.Table] = []
        self._rows = self._bytes = 0

    def add(self, table: pa.Table) -> None:
        self._buffer.append(table)
        self._rows += table.num_rows
        self._bytes += table.nbytes
        if self._rows >= ROW_GROUP or self._bytes >= ROW_GROUP_BYTES:
            self._flush()
        elif len(self._buffer) >= MERGE_EVERY:
            self._buffer = [pa.concat_tables(self._buffer).combine_chunks()]

    def _flush(self) -> None:
        table = pa.concat_tables(self._buffer) if self._buffer else self._empty
        if self._writer is None:
            self._writer = pq.ParquetWriter(self._path, table.schema)
        self._writer.write_table(table)
        self._buffer, self._rows, self._bytes = [], 0, 0

    def __enter__(self) -> RowGroups:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if kind is None and (self._buffer or self._writer is None):
            self._flush()
        if self._writer is not None:
            self._writer.close()


def read_part(path: Path, schema: pa.Schema, columns: list[str] | None = None) -> pa.Table:
    """A part file as a table of `schema` (`pq.read_table(path, schema=schema)`'s result), read
    through `ParquetFile`: half the cost of `read_table`, which builds a dataset for each file,
    and a long run's seal reads thousands of parts."""
    table = pq.ParquetFile(path, pre_buffer=False).read(columns=columns, use_threads=False)
    wanted = schema if columns is None else pa.schema([schema.field(c) for c in columns], metadata=schema.metadata)
    if table.schema.equals(wanted, check_metadata=True):
        return table
    return pq.read_table(path, schema=schema, columns=columns, use_threads=False)


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
    """One part of `documents` with `province` filled (as written, else the short form of the
    official name) and `report_key` set from `keys` (its batch's `commune_summary` part)."""
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
                found = pq.ParquetFile(summary, pre_buffer=False).read(columns=["doc_id", "report_key"], use_threads=False)
                keys = dict(zip(found.column("doc_id").to_pylist(), found.column("report_key").to_pylist()))
            out.add(_filled(read_part(part, schema), keys))
    _swap(folder, written, first_part)


def _format_rank() -> str:
    cases = " ".join(f"WHEN '{fmt}' THEN {rank}" for fmt, rank in FORMAT_RANK.items())
    return f"CASE s.source_format {cases} ELSE 9 END"


PART_SHIFT = 32
"""A row's place in the run: its part's number shifted left by this, plus its row in the part."""


def _plan_sql(with_errors: bool) -> str:
    """One row per report, in the order of its first appearance: the place of the kept rendition
    (`kept`), the number of renditions and their doc_ids, best first (the rule of
    `pipeline.outputs.summary`: fewest errors rows, fewest failed checks, most facts, format,
    doc_id). Only these few columns of each document are ranked."""
    errors = ("SELECT doc_id, count(*) AS n FROM read_parquet($errors) GROUP BY doc_id" if with_errors
              else "SELECT NULL::VARCHAR AS doc_id, 0::BIGINT AS n WHERE false")
    index = (f"CAST(regexp_extract(s.filename, 'part-([0-9]+)[.]parquet$', 1) AS BIGINT) * {2 ** PART_SHIFT}"
             " + s.file_row_number")
    return f"""
    WITH e AS ({errors}),
    f AS (SELECT doc_id, sum(n) AS n FROM facts GROUP BY doc_id),
    r AS (
        SELECT {index} AS _idx, s.doc_id,
               coalesce(nullif(s.report_key, ''), 'doc:' || coalesce(s.doc_id, 'None')) AS grp,
               coalesce(e.n, 0) AS errs, coalesce(s.checks_errors, 0) AS chk, coalesce(f.n, 0) AS facts,
               {_format_rank()} AS fmt
        FROM read_parquet($parts, filename = true, file_row_number = true) s
        LEFT JOIN e ON e.doc_id = s.doc_id LEFT JOIN f ON f.doc_id = s.doc_id
    ), ranked AS (
        SELECT *, row_number() OVER (PARTITION BY grp ORDER BY errs, chk, facts DESC, fmt, doc_id, _idx) AS pos
        FROM r
    )
    SELECT min(_idx) AS first, min(CASE WHEN pos = 1 THEN _idx END) AS kept, count(*) AS renditions,
           string_agg(doc_id, ',' ORDER BY pos) AS ids
    FROM ranked GROUP BY grp ORDER BY first
    """


def _gathered(folder: Path, schema: pa.Schema, plan: pa.RecordBatch) -> pa.Table:
    """The kept rows of one batch of the plan, in its order, read part by part, with their
    `renditions` and `rendition_doc_ids`."""
    kept = plan.column("kept").to_pylist()
    by_part: dict[int, list[int]] = {}
    for place in kept:
        by_part.setdefault(place >> PART_SHIFT, []).append(place)
    taken: list[pa.Table] = []
    order: dict[int, int] = {}
    for number, places in sorted(by_part.items()):
        part = read_part(folder / f"part-{number:06d}.parquet", schema)
        rows = sorted(set(places))
        taken.append(part.take(pa.array([p & (2 ** PART_SHIFT - 1) for p in rows], pa.int64())))
        order.update({p: len(order) + i for i, p in enumerate(rows)})
    table = pa.concat_tables(taken).take(pa.array([order[p] for p in kept], pa.int64()))
    for name, values in (("renditions", plan.column("renditions")), ("rendition_doc_ids", plan.column("ids"))):
        i = table.column_names.index(name)
        table = table.set_column(i, table.schema.field(i), values.cast(table.schema.field(i).type))
    return table.combine_chunks()


def bounded_duckdb(spill: Path) -> DuckDBPyConnection:
    """A DuckDB connection in memory, on one thread, within MEMORY_LIMIT, spilling to `spill`
    (inside the run's partial folder), keeping rows in the order they are read."""
    import duckdb

    config: dict[str, str | bool | int | float | list[str]] = {
        "memory_limit": MEMORY_LIMIT, "threads": 1, "temp_directory": str(spill), "preserve_insertion_order": True}
    return duckdb.connect(":memory:", config=config)


def seal_summary(partial: Path, facts: pa.Table | Path, first_part: str) -> None:
    """Rewrite `commune_summary` as one file `first_part`: one row per report (module
    docstring). `facts` (a table, or a Parquet file) holds `doc_id` and `n`, the fact rows of
    each document."""
    schema = schemas.all_tables()["commune_summary"].arrow_schema()
    folder = partial / "commune_summary"
    folder.mkdir(exist_ok=True)
    parts = [str(p) for p in _parts(folder)]
    errors = [str(p) for p in _parts(partial / "errors")]
    written = folder / ".sealed.tmp"
    spill = partial / SPILL
    try:
        with bounded_duckdb(spill) as con, RowGroups(written, schema.empty_table()) as out:
            if parts:
                if isinstance(facts, Path):
                    con.read_parquet(str(facts)).create_view("facts")
                else:
                    con.register("facts", facts)
                params = {"parts": parts, **({"errors": errors} if errors else {})}
                for plan in con.sql(_plan_sql(bool(errors)), params=params).to_arrow_reader(FETCH):
                    out.add(_gathered(folder, schema, plan))
    finally:
        shutil.rmtree(spill, ignore_errors=True)
    _swap(folder, written, first_part)
