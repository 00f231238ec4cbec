"""What the main process knows about a run's inputs, kept on disk so that its memory does not
grow with the corpus (a national year is 170,000 documents).

Two files in the run's partial folder (`RECORDS`, removed before the switch):

- `InputSpool`: the inputs as the walk finds them, one JSON line each; a batch is read back
  when an executor asks for it (`spool[index]`), so the main process never holds the list of
  inputs after planning;
- `RunRecords`: one row per input (`DocInfo`, with its batch and position), appended to a
  Parquet file as each batch's summary arrives; the end of the run asks it, through DuckDB
  (bounded memory, spilling inside the partial folder), for the second copies of a content
  across batches, the fact counts of the documents kept, the counts by format, the failed
  inputs, and the cache entries and kept batches the run used (sorted, streamed).
"""

from __future__ import annotations

import json
import shutil
from array import array
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, overload

from pipeline.executors import BatchSummary, batch_size
from pipeline.inputs import Input

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.parquet as pq
    from duckdb import DuckDBPyConnection

RECORDS = ".run-records"
"""Inside the partial folder: the spool, the records and DuckDB's spill folder."""
FLUSH = 4096
"""Records buffered before they are written as one row group."""
FETCH = 2048


class InputSpool(Sequence[list[Input]]):
    """The batches of a run (`executors.batch_size`), written to `path` as the inputs come
    (one JSON line per input) and read back one batch at a time: the main process holds the
    file's offset of each batch, never the inputs."""

    def __init__(self, path: Path, inputs: Iterable[Input]) -> None:
        self._path = path
        starts = array("q")
        end = 0
        with path.open("w", encoding="ascii") as f:  # ensure_ascii keeps undecodable names' surrogates
            for item in inputs:
                line = json.dumps([str(item.path), item.shown, item.refused, item.url]) + "\n"
                f.write(line)
                starts.append(end)
                end += len(line)
        self.inputs = len(starts)
        self._offsets = array("q", starts[::batch_size(self.inputs)])
        self._offsets.append(end)

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @overload
    def __getitem__(self, index: int) -> list[Input]: ...

    @overload
    def __getitem__(self, index: slice) -> list[list[Input]]: ...

    def __getitem__(self, index: int | slice) -> list[Input] | list[list[Input]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if not -len(self) <= index < len(self):
            raise IndexError(index)
        index %= len(self)
        with self._path.open("rb") as f:
            f.seek(self._offsets[index])
            lines = f.read(self._offsets[index + 1] - self._offsets[index]).splitlines()
        return [Input(Path(path), shown, tuple(refused) if refused else None, url)
                for path, shown, refused, url in map(json.loads, lines)]

    def shown(self) -> Iterator[str]:
        """Every input's shown name, in input order."""
        with self._path.open("rb") as f:
            for line in f:
                yield json.loads(line)[1]


@cache
def _schema() -> pa.Schema:
    import pyarrow as pa  # when the first records are written, not at the run's start

    return pa.schema([("batch", pa.int64()), ("pos", pa.int64()), ("source_path", pa.string()),
                      ("source_format", pa.string()), ("doc_id", pa.string()), ("failed", pa.bool_()),
                      ("facts", pa.int64()), ("entry", pa.string()), ("signature", pa.string())])

_LIVE = """
CREATE VIEW live AS SELECT batch, pos, source_path, source_format, doc_id, facts,
    row_number() OVER w AS k, first_value(source_path) OVER w AS first
FROM records WHERE NOT failed AND coalesce(doc_id, '') <> ''
WINDOW w AS (PARTITION BY doc_id ORDER BY batch, pos);
CREATE VIEW state AS SELECT r.*, coalesce(l.k > 1, false) AS dup
FROM records r LEFT JOIN live l USING (batch, pos)
"""
"""`live`: the inputs read (not failed, with a doc_id), ranked per content in input order;
`state`: every input with `dup` set on a second copy of a content met in an earlier batch
(copies inside one batch are already failed by `write_batch`)."""


class RunRecords:
    """One `DocInfo` row per input, written as the batches end, asked at the end (module
    docstring). A context manager: the records and the spill folder are removed on exit."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.extracted = self.inputs = 0
        self._rows: list[dict] = []
        self._writer: pq.ParquetWriter | None = None
        self._closed = False
        self._con: DuckDBPyConnection | None = None

    def __enter__(self) -> RunRecords:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._writer is not None and not self._closed:
            self._writer.close()
        if self._con is not None:
            self._con.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def add(self, summary: BatchSummary) -> None:
        """Keep a batch's records (its summary's docs are dropped from memory)."""
        self.extracted += summary.extracted
        self.inputs += len(summary.docs)
        self._rows += [{"batch": summary.index, "pos": pos, "source_path": d.source_path,
                        "source_format": d.source_format, "doc_id": d.doc_id, "failed": d.failed, "facts": d.facts,
                        "entry": d.entry, "signature": summary.signature} for pos, d in enumerate(summary.docs)]
        summary.docs = []
        if len(self._rows) >= FLUSH:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._writer is None:
            self._writer = pq.ParquetWriter(self.folder / "records.parquet", _schema())
        self._writer.write_table(pa.Table.from_pylist(self._rows, schema=_schema()))
        self._rows = []

    def _close_writer(self) -> None:
        if self._closed:
            return
        self._flush()  # a run without inputs writes an empty file
        assert self._writer is not None
        self._writer.close()
        self._closed = True

    def _db(self) -> DuckDBPyConnection:
        from pipeline.outputs.seal import bounded_duckdb

        if self._con is None:
            self._close_writer()
            self._con = bounded_duckdb(self.folder / "spill")
            self._con.read_parquet(str(self.folder / "records.parquet")).create_view("records")
            self._con.execute(_LIVE)
        return self._con

    def _stream(self, sql: str) -> Iterator[dict]:
        for batch in self._db().sql(sql).to_arrow_reader(FETCH):
            yield from batch.to_pylist()

    def duplicates(self) -> Iterator[tuple[int, list[dict]]]:
        """Each batch holding second copies of a content met in an earlier batch, in batch order,
        with those copies (`source_path`, `doc_id` and `first`, the first copy's source path)."""
        rows = self._stream("SELECT batch, source_path, doc_id, first FROM live WHERE k > 1 ORDER BY batch, pos")
        for batch, copies in groupby(rows, key=itemgetter("batch")):
            yield batch, list(copies)

    def write_facts(self, path: Path) -> Path:
        """A Parquet file of `doc_id`, `n` (fact rows) for each document kept."""
        self._db().sql("SELECT doc_id, facts AS n FROM live WHERE k = 1 ORDER BY batch, pos").write_parquet(str(path))
        return path

    def by_format(self) -> dict[str | None, int]:
        """Inputs read and kept, by format."""
        rows = self._db().sql("SELECT source_format, count(*) FROM state WHERE NOT failed AND NOT dup GROUP BY 1").fetchall()
        return dict(rows)

    def failed(self) -> list[str]:
        """The source paths of the inputs that failed or were a second copy, in input order."""
        return [r["source_path"] for r in self._stream(
            "SELECT source_path FROM state WHERE failed OR dup ORDER BY batch, pos")]

    def used(self, column: str) -> Iterator[str]:
        """The distinct non-null values of `entry` or `signature`, sorted."""
        assert column in ("entry", "signature")
        for row in self._stream(f"SELECT DISTINCT {column} AS v FROM records WHERE {column} IS NOT NULL ORDER BY v"):
            yield row["v"]
