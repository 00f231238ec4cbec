"""A whole sealed run kept in the cache: a rerun whose batches are all kept (`reuse`) links the
tables the last run sealed, instead of linking every batch's parts and then filling, ranking and
merging them again (at 20,000 short reports the seal was two thirds of a rerun's time).

What the seal writes depends only on the batches' parts and summaries (`pipeline.stream`), and
a batch's signature fixes both, byte for byte (`reuse`), so the signatures of all the batches,
in order, fix every sealed table. The tables are kept under the key of those signatures in
`cache/sealed/<key>/<table>/`, as hard links to the run's own files (no run writes into a file
in place), with each table's row count; only the last run's entry is kept."""

from __future__ import annotations

import hashlib
import json
import shutil
import uuid
from collections.abc import Sequence
from pathlib import Path

from pipeline.executors.reuse import link

SEALED = "sealed"
ROWS = "rows.json"


def key(signatures: Sequence[str | None]) -> str | None:
    """The key of a run's batches by their signatures in batch order; None when a batch has
    none (extracted without the cache, or retried document by document)."""
    if not signatures or None in signatures:
        return None
    return hashlib.sha256("\n".join(signatures).encode()).hexdigest()  # type: ignore[arg-type]


def linked(partial: Path, cache_dir: Path, run_key: str) -> dict[str, int] | None:
    """The kept tables of `run_key` linked into the partial folder, and each table's row count;
    None, with nothing linked, when there is no such entry or it cannot be read or linked (a
    damaged entry is removed, so that this run keeps a sound one)."""
    folder = cache_dir / SEALED / run_key
    try:
        rows = json.loads((folder / ROWS).read_bytes())
        if not isinstance(rows, dict):
            raise ValueError(ROWS)
        files = [(name, sorted((folder / name).iterdir())) for name in rows]
    except (OSError, ValueError):
        shutil.rmtree(folder, ignore_errors=True)
        return None
    made: list[Path] = []
    try:
        for name, parts in files:
            (partial / name).mkdir()
            made.append(partial / name)
            for part in parts:
                link(part, partial / name / part.name)
    except OSError:
        for table in made:
            shutil.rmtree(table, ignore_errors=True)
        return None
    return rows


def keep(partial: Path, cache_dir: Path, run_key: str, rows: dict[str, int]) -> None:
    """Keep the sealed tables of the partial folder under `run_key` (a folder filled under a
    temporary name, then renamed: a failure only costs a full seal next time), and drop every
    other run's entry."""
    root = cache_dir / SEALED
    root.mkdir(parents=True, exist_ok=True)
    final = root / run_key
    if not final.exists():
        tmp = root / f".{run_key}.{uuid.uuid4().hex}.tmp"
        try:
            for name in rows:
                (tmp / name).mkdir(parents=True)
                for part in (partial / name).glob("*.parquet"):
                    link(part, tmp / name / part.name)
            (tmp / ROWS).write_text(json.dumps(rows))
            tmp.rename(final)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)
    for entry in root.iterdir():
        if entry.name != run_key:
            shutil.rmtree(entry, ignore_errors=True)
