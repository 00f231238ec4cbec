"""Write the output tables as one unit: all new tables appear together, or none do.

Layout of OUTDIR:

    OUTDIR/<table>            -> .baocao/current/<table>    (a link that never changes)
    OUTDIR/.baocao/current    -> runs/<run id>              (swapped atomically)
    OUTDIR/.baocao/runs/<run id>/<table>/part-0.parquet

A run writes its tables into a fresh `runs/<run id>.partial` folder, renames it, then replaces
the `current` link with one `rename` — atomic on POSIX file systems — so a reader, or a run
killed at any moment, always finds a complete set of tables: the old one or the new one.
`pandas.read_parquet(OUTDIR / "<table>")` reads through the links.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from schemas.base import Table

STATE_DIR = ".baocao"


def rows_to_arrow(table: Table, rows: list[dict]) -> pa.Table:
    """Rows as an Arrow table of the table's schema; unknown columns are an error, missing
    ones are null, a value of the wrong type raises (pyarrow's message names it)."""
    names = set(table.names)
    unknown = sorted({k for r in rows for k in r} - names)
    if unknown:
        raise ValueError(f"{table.name}: columns not in the schema: {', '.join(unknown)}")
    return pa.Table.from_pylist(rows, schema=table.arrow_schema())


def _link(target: str, link: Path) -> None:
    """Point `link` at `target`, replacing whatever is there in one rename."""
    tmp = link.with_name(f".{link.name}.{uuid.uuid4().hex}.tmp")
    os.symlink(target, tmp)
    if link.is_dir() and not link.is_symlink():
        shutil.rmtree(link)  # a real folder left by hand: only the link may stand here
    os.replace(tmp, link)


def _prune(runs: Path, keep: str) -> None:
    for old in runs.iterdir():
        if old.name != keep:
            shutil.rmtree(old, ignore_errors=True)


def write_dataset(outdir: Path, tables: dict[str, pa.Table], manifest: dict) -> Path:
    """Write every table, then switch OUTDIR to them at once. Returns the run folder."""
    state = outdir / STATE_DIR
    runs = state / "runs"
    runs.mkdir(parents=True, exist_ok=True)
    run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
    partial = runs / f"{run_id}.partial"
    partial.mkdir()
    try:
        for name, data in tables.items():
            (partial / name).mkdir()
            pq.write_table(data, partial / name / "part-0.parquet")
        (partial / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2, default=str), "utf-8")
        final = runs / run_id
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    _link(f"runs/{run_id}", state / "current")
    for name in tables:
        link = outdir / name
        if not link.is_symlink() or os.readlink(link) != f"{STATE_DIR}/current/{name}":
            _link(f"{STATE_DIR}/current/{name}", link)
    _prune(runs, keep=run_id)
    return final
