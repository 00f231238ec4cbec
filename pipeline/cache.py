"""The extraction cache: one document's result, kept under a key of what decides it.

The key is the SHA-256 of the file's content and a *salt*: the pipeline version, a
fingerprint of the code and data that produce the rows (every file of `datamodel`, `pipeline`,
`extractors`, `schemas` and the NER model: any edit to an extractor or its wording changes it)
and the options that affect the output. So an unchanged file is never extracted twice, a
changed file, version, extractor or option re-extracts exactly what it must, and a renamed file
is found by its content (its `source_path` is rewritten on the way out).

Entries live next to the tables, in `OUTDIR/.baocao/cache/<2 hex>/<key>.entry`, written
atomically (a temporary name, then a rename) so workers on several machines may share them;
after a run, entries no input used any more are deleted. An entry is data only, never code
(`pipeline.entry_format`: JSON), so reading one cannot run
anything and an entry outlives a Python upgrade."""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import __version__, entry_format

if TYPE_CHECKING:
    from pipeline.run import DocResult

ROOT = Path(__file__).resolve().parents[1]
CODE = ("datamodel", "pipeline", "extractors", "schemas", "nlp/model", "nlp/facts_model")
"""What the rows depend on besides the input: hashed whole into the salt."""
SKIPPED = ("__pycache__",)
SUFFIX = ".entry"
LEGACY = (".pickle",)
"""Entries of earlier versions (pickles), never read, deleted by `prune`."""


@cache
def code_fingerprint() -> str:
    """SHA-256 over the path and bytes of every file the extraction reads (once per process)."""
    digest = hashlib.sha256()
    for top in CODE:
        for path in sorted((ROOT / top).rglob("*")):
            if path.is_file() and not any(part in SKIPPED for part in path.parts) and path.suffix != ".pyc":
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def salt(options: Iterable[tuple[str, object]] = ()) -> str:
    """The part of every key that is not the content: version, code, output-affecting options."""
    text = "|".join([__version__, code_fingerprint(), *(f"{k}={v!r}" for k, v in sorted(options))])
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def key(data: bytes, run_salt: str) -> str:
    """The cache key of one input's bytes in a run with `run_salt`."""
    return hashlib.sha256(hashlib.sha256(data).digest() + run_salt.encode()).hexdigest()


def _path(folder: Path, entry: str) -> Path:
    return folder / entry[:2] / f"{entry}{SUFFIX}"


def load(folder: Path, entry: str, source_path: str) -> DocResult | None:
    """The cached result under `entry`, its `source_path` set to this input's (None when absent
    or unreadable: a damaged entry is simply extracted again)."""
    try:
        result = entry_format.decode(_path(folder, entry).read_bytes())
    except OSError:
        return None
    if result is None:
        return None
    if result.source_path == source_path:
        return result
    return replace(result, source_path=source_path, rows={n: _renamed(n, rows, source_path) for n, rows in result.rows.items()},
                   errors=[{**e, "source_path": source_path} for e in result.errors])


def _renamed(name: str, rows: list[dict], source_path: str) -> list[dict]:
    """The rows with `source_path` set to this input's, in every row of a table that has the column."""
    from schemas.validate import arrow_schema

    if "source_path" not in arrow_schema(name).names:
        return rows
    return [{**row, "source_path": source_path} for row in rows]


def store(folder: Path, entry: str, result: DocResult) -> None:
    """Keep a result under `entry` (atomically; a failure to write only costs a later re-extraction)."""
    target = _path(folder, entry)
    tmp = target.with_name(f".{entry}.{uuid.uuid4().hex}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(entry_format.encode(result))
        os.replace(tmp, target)
    except (OSError, TypeError, ValueError):  # TypeError, ValueError: a value JSON cannot hold
        tmp.unlink(missing_ok=True)


CHECKED = "components-checked-"
"""The stamp of a salt whose extractor declarations were checked (`registry.components`)."""


def checked_before(folder: Path, run_salt: str) -> bool:
    """True when a run with this salt (so this very code) already checked the extractors'
    declarations: a run whose inputs all come from the cache then never imports them."""
    return (folder / f"{CHECKED}{run_salt}").exists()


def mark_checked(folder: Path, run_salt: str) -> None:
    """Leave the stamp of `checked_before` (and remove the stamps of other salts)."""
    for old in folder.glob(f"{CHECKED}*"):
        old.unlink(missing_ok=True)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{CHECKED}{run_salt}").touch()
    except OSError:
        return


def by_folder(folder: Path, used: Iterable[str]) -> Iterator[tuple[Path, set[str]]]:
    """Each sub-folder of `folder`, with the keys of `used` (sorted) that belong in it (its name
    is their first two characters): the caller holds one folder's share of the keys at a time."""
    groups = groupby(used, key=lambda k: k[:2])
    pending = next(groups, None)
    for sub in sorted((s for s in folder.iterdir() if s.is_dir()), key=lambda s: s.name):
        while pending is not None and pending[0] < sub.name:
            pending = next(groups, None)
        yield sub, set(pending[1]) if pending is not None and pending[0] == sub.name else set()


def prune(folder: Path, used: Iterable[str]) -> None:
    """Delete the entries that no input of the last run used (`used`: their keys, sorted)."""
    if not folder.is_dir():
        return
    for sub, kept in by_folder(folder, used):
        for entry in sub.iterdir():
            if entry.suffix in LEGACY or (entry.suffix == SUFFIX and entry.stem not in kept):
                entry.unlink(missing_ok=True)
