"""Inputs named by an fsspec URL (`file://`, `memory://`, `s3://`, `gs://` ...): a cluster's
workers read reports from shared storage without it being mounted where they run.

A URL that names a folder is searched recursively (hidden folders skipped, like a local walk);
a file is an input by its extension, or without one by its first bytes. Every file is read
with the same limits as a local one (`Options.max_file_mib`: refused from its listed size,
then read no further than the limit), and a URL that names nothing, or cannot be listed,
becomes one `errors` row, so the promise of `pipeline.inputs` holds: each entry ends as one
`documents` or one `errors` row. fsspec comes with Dask (`pip install baocao[dask]`); the
file systems of other stores need their own package (s3fs, gcsfs ...)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from pipeline.ingest.base import InputError
from pipeline.ingest.limits import too_large
from pipeline.ingest.registry import SIGNATURES
from pipeline.inputs import INPUT_SUFFIXES, Input
from pipeline.options import DEFAULTS, Options


def is_url(path: object) -> bool:
    """True for a `protocol://...` string: read with fsspec, not opened as a local path."""
    return isinstance(path, str) and "://" in path


def _looks_like_input(fs, path: str) -> bool:
    suffix = PurePosixPath(path).suffix.lower()
    if suffix:
        return suffix in INPUT_SUFFIXES
    try:
        with fs.open(path, "rb") as f:
            head = f.read(16)
    except OSError:
        return True  # cannot look inside: let the read report why
    return any(head.lstrip().startswith(sig) for sig in SIGNATURES)


def _hidden_folder(path: str, root: str) -> bool:
    inside = PurePosixPath(path).relative_to(PurePosixPath(root)).parts[:-1] if path != root else ()
    return any(part.startswith(".") for part in inside)


def find_url_inputs(url: str) -> list[Input]:
    """The inputs at `url`, in order (a file, or every input file under a folder)."""
    import fsspec

    try:
        fs, root = fsspec.core.url_to_fs(url)
        info = fs.info(root)
    except FileNotFoundError:
        return [Input(Path(url), url, ("not_found", "no file or folder at this URL"), url=url)]
    except (OSError, ValueError, ImportError) as exc:
        return [Input(Path(url), url, ("unreadable_folder", f"the URL cannot be read ({exc})"), url=url)]
    if info["type"] != "directory":
        return [Input(Path(url), url, url=url)]
    found = []
    for path in sorted(fs.find(root)):
        if not _hidden_folder(path, root) and _looks_like_input(fs, path):
            shown = f"{url.rstrip('/')}/{PurePosixPath(path).relative_to(PurePosixPath(root))}"  # as the user wrote it
            found.append(Input(Path(shown), shown, url=shown))
    return found


def read_url(url: str, options: Options = DEFAULTS) -> bytes:
    """The bytes of the file at `url`, no more than the size limit (see the module docstring)."""
    import fsspec

    fs, path = fsspec.core.url_to_fs(url)
    info = fs.info(path)
    if info["type"] != "file":
        raise InputError("not_a_regular_file", "not a file; it is not read")
    if (info.get("size") or 0) > options.max_file_bytes:
        raise too_large(f"the file is {info['size'] / 2**20:.0f} MiB", options, "max_file_mib")
    with fs.open(path, "rb") as f:
        data = f.read(options.max_file_bytes + 1)
    if len(data) > options.max_file_bytes:
        raise too_large("the file grew while it was read", options, "max_file_mib")
    return data
