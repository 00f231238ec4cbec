"""One Tesseract reading of an image, shared by the page and the cell reads: a page cache so
the same image is never read twice, and machine-wide slots so OCR never runs more Tesseract
processes than there are cores.

The cache holds what Tesseract returned (`image_to_data`'s columns) under the SHA-256 of the
image's pixels, the Tesseract version, the language and the configuration: everything that
decides the answer, so a cached reading is the reading Tesseract would give again, and any
change of image, version or setting reads afresh. Entries are small JSON files in the run's
`--ocr-cache` folder (by default `OUTPUT/.baocao/cache/ocr`, inside the output folder like the
extraction cache; none with `--no-cache` or for a document processed on its own), written
atomically (a temporary name, then a rename) so parallel workers may share them. It is kept
apart from the extraction cache because it is about images, not extraction rules: a re-run
after an extractor change, or a repeated eval, skips the 2-4 s a page that Tesseract costs.
The cache is bounded (`prune`, at the end of each run): over `CACHE_LIMIT` bytes, the entries
used longest ago go first (a hit marks its entry used), so readings of inputs no longer read
leave as new ones come in.

A slot is an exclusive `flock` on one of `os.cpu_count()` files: the document workers of a
run (and other runs on the machine) each read their pages in threads, and a thread takes a
free slot for as long as its `tesseract` process runs (`OMP_THREAD_LIMIT=1`: one core each).
So one scanned document in a `-j 1` run keeps every core busy, and a `-j 2` run with two scans
does not oversubscribe them. A slot is released when its process ends, even by a crash."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from PIL import Image

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

LANG = "vie"
INSTALL = "install Tesseract with its Vietnamese data (Debian: apt-get install tesseract-ocr tesseract-ocr-vie)"
KEPT = ("text", "conf", "left", "top", "width", "height", "block_num", "par_num", "line_num")
"""The columns of `image_to_data` the OCR modules use: all a cache entry holds."""
WAIT = 0.05
"""Seconds between two looks for a free slot."""
CACHE_LIMIT = 1 << 30
"""Bytes the OCR cache may hold after a run (1 GiB: 20,000-50,000 pages at 20-60 KB a page)."""
STALE = 3600.0
"""Seconds after which a temporary file a writer left behind (it died mid-write) is removed."""


def available() -> bool:
    """True when Tesseract and its Vietnamese data are installed."""
    if shutil.which("tesseract") is None:
        return False
    import pytesseract

    try:
        return LANG in pytesseract.get_languages()
    except (pytesseract.TesseractError, OSError):
        return False


@cache
def version() -> str:
    """The Tesseract version (part of every cache key: another version may read differently)."""
    import pytesseract

    return str(pytesseract.get_tesseract_version())


_cache_folder: Path | None = None


def use_cache(folder: str) -> None:
    """Keep readings in `folder` ('' keeps none): set from each document's options before its
    pages are read (the same folder for every document of a run), read by the page threads."""
    global _cache_folder
    _cache_folder = Path(folder) if folder else None


def cache_dir() -> Path | None:
    """Where readings are cached, or None."""
    return _cache_folder


def cache_key(image: Image.Image, config: str) -> str:
    """SHA-256 of the pixels, their shape and what else decides Tesseract's answer."""
    digest = hashlib.sha256(f"{image.mode}|{image.size}|{version()}|{LANG}|{config}|".encode())
    digest.update(image.tobytes())
    return digest.hexdigest()


def read(image: Image.Image, config: str) -> dict[str, list[Any]]:
    """Tesseract's words on the image (`image_to_data` as a dict of columns), from the cache
    when this image was read with these settings before."""
    folder = cache_dir()
    path = None
    if folder is not None:
        key = cache_key(image, config)
        path = folder / key[:2] / f"{key}.json"
        with contextlib.suppress(OSError, ValueError):
            found: dict[str, list[Any]] = json.loads(path.read_text(encoding="utf-8"))
            with contextlib.suppress(OSError):
                os.utime(path)  # used now: the last to go when the cache is pruned
            return found
    import pytesseract

    with slot():
        data = pytesseract.image_to_data(image, lang=LANG, config=config, output_type=pytesseract.Output.DICT)
    kept = {column: data[column] for column in KEPT}
    if path is not None:
        _store(path, kept)
    return kept


def _store(path: Path, data: dict[str, list[Any]]) -> None:
    """Write one entry atomically; a cache that cannot be written is only a slower run."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{uuid.uuid4().hex}.tmp")
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, path)


def prune(folder: Path, limit: int | None = None) -> int:
    """Delete the entries used longest ago until the cache holds at most `limit` bytes
    (`CACHE_LIMIT` unless given), and
    temporary files older than `STALE`; returns how many files went. Safe while other runs
    read or write the cache: a file gone meanwhile is skipped, a reader only misses."""
    entries, removed, now = [], 0, time.time()
    for path in folder.glob("??/*"):
        with contextlib.suppress(OSError):
            stat = path.stat()
            if path.suffix == ".json":
                entries.append((stat.st_mtime, stat.st_size, path))
            elif now - stat.st_mtime > STALE:
                path.unlink()
                removed += 1
    total, limit = sum(size for _, size, _ in entries), CACHE_LIMIT if limit is None else limit
    for _, size, path in sorted(entries):
        if total <= limit:
            break
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
        total -= size
    return removed


def slots() -> int:
    """How many Tesseract processes may run at once on this machine."""
    return os.cpu_count() or 1


@contextlib.contextmanager
def slot() -> Iterator[None]:
    """Hold one of the machine's OCR slots (see the module docstring) while the body runs."""
    folder = Path(tempfile.gettempdir()) / f"baocao-ocr-slots-{os.getuid()}"
    folder.mkdir(exist_ok=True)
    handles = [open(folder / f"{k}.lock", "a+") for k in range(slots())]  # noqa: SIM115 (closed below)
    try:
        while True:
            for handle in handles:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue
                try:
                    yield
                finally:
                    fcntl.flock(handle, fcntl.LOCK_UN)
                return
            time.sleep(WAIT)
    finally:
        for handle in handles:
            handle.close()
