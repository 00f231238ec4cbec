"""Whole batches kept in the cache: a rerun links an unchanged batch's Parquet parts instead of
loading its documents' cached rows and writing the parts again. They are linked at the seal
(`link_parts`), and not at all when every batch is kept: the last run's sealed tables are then
linked instead (`executors.sealed`).

A batch's *signature* is the SHA-256 of the run's salt (version, code, output options) and, for
each input in order, its shown path, its name note and the cache key of its bytes (or why it
could not be read). What a batch writes depends on nothing else, so the same signature means the
same parts, byte for byte. They are kept, with the batch's summary, in
`cache/batches/<2 hex>/<signature>/` as hard links to the run's own part files (copies where the
file system cannot link), so keeping them costs no space and no write (the summary is JSON, never
a pickle: reading it runs no code); the run's later steps
never write into a part file in place (`pipeline.stream` replaces files), so a kept part never
changes. Batches no input of the last run used are deleted with the other stale entries."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Iterable
from dataclasses import asdict, replace
from pathlib import Path

from pipeline import cache
from pipeline.executors import BatchSummary, DocInfo, RunPlan, part_name, read_item
from pipeline.ingest.base import InputError
from pipeline.inputs import Input

BATCHES = "batches"
SUMMARY = "summary.json"


def _input_state(item: Input, plan: RunPlan) -> str:
    """What decides an input's rows besides the salt: its content's key, or why it was not read."""
    if item.refused:
        return "refused:" + "|".join(item.refused)
    try:
        data = read_item(item, plan.options)
    except InputError as exc:
        return f"read:{exc.error_type}|{exc.message}"
    except OSError as exc:
        return f"oserror:{exc.strerror or exc}"
    return cache.key(data, plan.salt + (item.name_note or ""))


def signature(items: list[Input], plan: RunPlan) -> str:
    """The batch's signature (see the module docstring)."""
    digest = hashlib.sha256(plan.salt.encode())
    for item in items:
        digest.update(repr((item.shown, item.name_note, _input_state(item, plan))).encode())
    return digest.hexdigest()


def _folder(plan: RunPlan, sig: str) -> Path:
    assert plan.cache is not None
    return Path(plan.cache) / BATCHES / sig[:2] / sig


def link(source: Path, target: Path) -> None:
    """A hard link of `source` at `target` (a copy where the file system cannot link)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _summary(kept: dict) -> BatchSummary:
    """A kept batch's summary from its JSON (fields by name: a missing one is a KeyError)."""
    docs = [DocInfo(d["source_path"], d["source_format"], d["doc_id"], d["failed"], d["facts"], d["entry"])
            for d in kept["docs"]]
    return BatchSummary(kept["index"], docs, list(kept["messages"]), kept["extracted"], kept["signature"])


def linked(sig: str, index: int, plan: RunPlan) -> BatchSummary | None:
    """The summary of a kept batch with this signature, as batch `index` (nothing extracted,
    `pending`: its parts are linked into the run by `link_parts`, unless the whole sealed run
    is kept, `executors.sealed`); None when there is none (or it cannot be read)."""
    folder = _folder(plan, sig)
    try:
        summary = _summary(json.loads((folder / SUMMARY).read_bytes()))
        if not any(p.suffix == ".parquet" for p in folder.iterdir()):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return replace(summary, index=index, extracted=0, signature=sig, pending=True)


def link_parts(sig: str, index: int, plan: RunPlan) -> None:
    """Batch `index`'s parts linked into the run from the kept batch `sig` (`linked`)."""
    partial = Path(plan.partial)
    for part in _folder(plan, sig).iterdir():
        if part.suffix == ".parquet":
            (partial / part.stem).mkdir(exist_ok=True)
            link(part, partial / part.stem / part_name(index))


def kept(index: int, items: list[Input], plan: RunPlan) -> BatchSummary | None:
    """Batch `index` linked from the cache when it was kept with these very inputs (its
    inputs are read and hashed here), else None. The local pool asks this before it forks its
    workers: a rerun over an unchanged corpus then needs no worker and no warm-up."""
    return linked(signature(items, plan), index, plan)


def keep(sig: str, summary: BatchSummary, plan: RunPlan) -> None:
    """Keep the parts batch `summary.index` just wrote under `sig` (atomically: a folder filled
    under a temporary name, then renamed; a failure only costs a later rebuild)."""
    final = _folder(plan, sig)
    if final.exists():
        return
    tmp = final.with_name(f".{sig}.{uuid.uuid4().hex}.tmp")
    try:
        tmp.mkdir(parents=True)
        for folder in Path(plan.partial).iterdir():
            part = folder / part_name(summary.index)
            if folder.is_dir() and part.exists():
                link(part, tmp / f"{folder.name}.parquet")
        (tmp / SUMMARY).write_text(json.dumps(asdict(replace(summary, signature=None)), ensure_ascii=False))
        os.rename(tmp, final)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)


def prune(folder: Path, used: Iterable[str]) -> None:
    """Delete the kept batches no batch of the last run used (`used`: their signatures, sorted)."""
    root = folder / BATCHES
    if not root.is_dir():
        return
    for sub, kept in cache.by_folder(root, used):
        for batch in sub.iterdir():
            if batch.name not in kept:
                shutil.rmtree(batch, ignore_errors=True)
