"""Write the output tables as one unit: all new tables appear together, or none do.

Layout of OUTDIR:

    OUTDIR/<table>            -> .baocao/current/<table>    (a link that never changes)
    OUTDIR/.baocao/current    -> runs/<run id>              (swapped atomically)
    OUTDIR/.baocao/runs/<run id>/<table>/part-0.parquet

A run writes its tables into a fresh `runs/<run id>.partial` folder, renames it, then replaces
the `current` link with one `rename` — atomic on POSIX file systems — so a reader, or a run
killed at any moment, always finds a complete set of tables: the old one or the new one.
`pandas.read_parquet(OUTDIR / "<table>")` reads through the links.

baocao replaces only what it wrote. Before any input is read, `OutputLock.take` checks OUTDIR:
it must be new, an empty folder, or a folder baocao wrote (the `.baocao` folder with its marker
or a run manifest); there, every `OUTDIR/<table>` must be missing or baocao's own link. Anything
else (a file, a foreign folder, a real `documents/` folder of the user's) is refused with a
one-line `OutputRefused`, and nothing is touched. The folder is then locked (one run writes to it
at a time) and `runs/*.partial` folders left by killed runs are removed.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyarrow as pa

    from schemas.base import Table

STATE_DIR = ".baocao"
MARKER = "written-by-baocao.json"
"""The file in `.baocao/` that says the folder is baocao's output."""


class OutputRefused(Exception):
    """The output folder cannot or must not be written; the message is one line for the user."""


def _is_own_output(outdir: Path) -> bool:
    state = outdir / STATE_DIR
    return (state / MARKER).is_file() or (state / "current" / "manifest.json").is_file()


def _is_own_link(path: Path, name: str) -> bool:
    return path.is_symlink() and os.readlink(path) == f"{STATE_DIR}/current/{name}"


def check_output(outdir: Path, table_names: list[str] | None = None) -> None:
    """Refuse an output location baocao must not write to (see the module docstring); the
    table names (by default every table of `schemas`, which imports pyarrow) are needed only
    when the folder already holds something."""
    if outdir.is_symlink() and not outdir.exists():
        raise OutputRefused(f"{outdir} is a link to nothing; choose a folder for the tables")
    if outdir.exists():
        if not outdir.is_dir():
            raise OutputRefused(f"{outdir} is a file, not a folder; choose a new or empty folder for the tables")
        try:
            entries = [e.name for e in os.scandir(outdir)]
        except OSError as exc:
            raise OutputRefused(f"{outdir} cannot be read ({exc.strerror}); choose another folder") from None
        if entries and not _is_own_output(outdir):
            raise OutputRefused(f"{outdir} holds files baocao did not write; choose a new or empty folder "
                                "(nothing was changed)")
        if entries and table_names is None:
            import schemas

            table_names = list(schemas.all_tables())
        for name in table_names or ():
            path = outdir / name
            if os.path.lexists(path) and not _is_own_link(path, name):
                raise OutputRefused(f"{path} was not written by baocao; move it away or choose another folder "
                                    "(nothing was changed)")
        return
    for parent in outdir.absolute().parents:
        if parent.exists():
            if not parent.is_dir():
                raise OutputRefused(f"{outdir} cannot be created: {parent} is a file")
            return


class OutputLock:
    """The output folder checked, created and locked for one run (`take`); `release` at the end."""

    def __init__(self, outdir: Path, fd: int) -> None:
        self.outdir = outdir
        self.fd = fd

    @classmethod
    def take(cls, outdir: Path, table_names: list[str] | None = None) -> OutputLock:
        """Check `outdir`, create it, prove it writable, lock it, remove stale partial runs.
        Raises OutputRefused with a one-line message; nothing of the user's is changed."""
        check_output(outdir, table_names)
        runs = outdir / STATE_DIR / "runs"
        try:
            runs.mkdir(parents=True, exist_ok=True)
            marker = outdir / STATE_DIR / MARKER
            if not marker.exists():
                marker.write_text(json.dumps({"written_by": "baocao", "note": "this folder holds baocao's tables; "
                                              "a new run replaces them"}) + "\n", "utf-8")
            probe = runs / f".probe-{uuid.uuid4().hex}"
            probe.write_bytes(b"")
            probe.unlink()
            fd = os.open(outdir / STATE_DIR / "lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            raise OutputRefused(f"cannot write to {outdir} ({exc.strerror or exc}); choose a folder you can write to") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise OutputRefused(f"another baocao run is writing to {outdir}; wait for it or choose another folder") from None
        for stale in runs.glob("*.partial"):
            shutil.rmtree(stale, ignore_errors=True)
        return cls(outdir, fd)

    def release(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def rows_to_arrow(table: Table, rows: list[dict]) -> pa.Table:
    """Rows as an Arrow table of the table's schema; unknown columns are an error, missing
    ones are null, a value of the wrong type raises (pyarrow's message names it)."""
    names = set(table.names)
    import pyarrow as pa

    unknown = sorted({k for r in rows for k in r} - names)
    if unknown:
        raise ValueError(f"{table.name}: columns not in the schema: {', '.join(unknown)}")
    return pa.Table.from_pylist(rows, schema=table.arrow_schema())


def arrow_tables(docs: Sequence[Mapping[str, list[dict]]]) -> tuple[dict[str, pa.Table], list[dict[str, str]]]:
    """The validated rows of several documents (in order) as one Arrow table per table name,
    each built in one call: a call per document and table costs about 150 µs of fixed work.
    Rows Arrow still refuses (an integer a float32 cannot hold exactly, a lone surrogate)
    make that table be built again document by document, as one document's run would: per
    document, the tables whose rows were left out and pyarrow's message (its `invalid_rows`
    row, `pipeline.run.DocResult.errors_written`)."""
    import pyarrow as pa

    from schemas.validate import arrow_schema

    failures = (pa.ArrowException, ValueError)  # ValueError: UnicodeEncodeError
    refused: list[dict[str, str]] = [{} for _ in docs]
    tables = {}
    for name in dict.fromkeys(name for rows in docs for name in rows):
        schema = arrow_schema(name)
        owners = [i for i, rows in enumerate(docs) if name in rows]
        try:
            tables[name] = pa.Table.from_pylist([row for i in owners for row in docs[i][name]], schema=schema)
        except failures:
            parts = []
            for i in owners:
                try:
                    parts.append(pa.Table.from_pylist(docs[i][name], schema=schema))
                except failures as exc:
                    refused[i][name] = str(exc)
            if parts:
                tables[name] = pa.concat_tables(parts)
    return tables, refused


def _link(target: str, link: Path) -> None:
    """Point `link` at `target`, replacing whatever is there in one rename."""
    tmp = link.with_name(f".{link.name}.{uuid.uuid4().hex}.tmp")
    os.symlink(target, tmp)
    os.replace(tmp, link)  # only ever a missing path or baocao's own link (see check_output)


def _prune(runs: Path, keep: str) -> None:
    for old in runs.iterdir():
        if old.name != keep:
            shutil.rmtree(old, ignore_errors=True)


def new_run(outdir: Path) -> tuple[str, Path]:
    """A fresh run id and its `runs/<run id>.partial` folder, where the tables are written."""
    runs = outdir / STATE_DIR / "runs"
    runs.mkdir(parents=True, exist_ok=True)
    run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
    partial = runs / f"{run_id}.partial"
    partial.mkdir()
    return run_id, partial


def publish(outdir: Path, run_id: str, partial: Path, names: list[str], manifest: dict) -> Path:
    """Seal a filled partial folder and switch OUTDIR to it at once. Returns the run folder."""
    state = outdir / STATE_DIR
    runs = state / "runs"
    try:
        (partial / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2, default=str), "utf-8")
        final = runs / run_id
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    _link(f"runs/{run_id}", state / "current")
    for name in names:
        link = outdir / name
        if not link.is_symlink() or os.readlink(link) != f"{STATE_DIR}/current/{name}":
            _link(f"{STATE_DIR}/current/{name}", link)
    _prune(runs, keep=run_id)
    return final


def write_dataset(outdir: Path, tables: dict[str, pa.Table], manifest: dict) -> Path:
    """Write every table, then switch OUTDIR to them at once. Returns the run folder."""
    import pyarrow.parquet as pq

    run_id, partial = new_run(outdir)
    try:
        for name, data in tables.items():
            (partial / name).mkdir()
            pq.write_table(data, partial / name / "part-0.parquet")
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return publish(outdir, run_id, partial, list(tables), manifest)
