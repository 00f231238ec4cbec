"""Finding the inputs: every entry of an input folder that looks like a report, each exactly once.

The promise is that every such entry ends as one `documents` or one `errors` row, so this walk
never drops an entry silently and never blocks:

- an entry looks like an input by its extension (`INPUT_SUFFIXES`: the formats read, and the
  office formats that are refused with a reason, such as `.doc`), or, when it has no extension,
  by its first bytes (a PDF, ZIP, OLE or RTF signature);
- only regular files are ever opened; a FIFO, socket or device is refused from its `lstat`
  (opening a FIFO blocks until someone writes to it);
- symbolic links are resolved without opening anything: a loop or a dangling link is refused,
  a link leaving the folders given is refused (unless `Options.follow_outside_links`), a link to
  a folder is walked once (a link back up the tree is not walked again);
- a hidden file (`.name`) is an input like any other; a Word lock file (`~$name.docx`, the
  few bytes Word writes next to a document it has open) gets its row, `skipped_lock_file`,
  and is not read; hidden folders (`.git`, `.venv`, baocao's own `.baocao`: tools' state)
  are not searched;
- a file name that is not valid UTF-8 is kept (the OS bytes still open the file) and shown with
  `\\xNN` escapes in the tables, with a note saying so.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.ingest.registry import SIGNATURES, SUPPORTED_SUFFIXES, UNSUPPORTED_SUFFIXES
from pipeline.options import DEFAULTS, Options

INPUT_SUFFIXES = frozenset(SUPPORTED_SUFFIXES) | frozenset(UNSUPPORTED_SUFFIXES)
"""Extensions that make a file an input, read or refused with a reason."""


@dataclass(frozen=True)
class Input:
    """One input entry: the path to open, the name shown in tables and messages, and when it
    is refused without being opened, the `errors` row's type and message."""

    path: Path
    shown: str
    refused: tuple[str, str] | None = None
    url: str | None = None
    """Set for an input named by an fsspec URL (`pipeline.remote_inputs`), read with fsspec."""

    @property
    def name_note(self) -> str | None:
        """A note when the file name is not valid UTF-8 (so the shown name differs)."""
        if self.url is not None or self.shown == str(self.path):
            return None
        return "the file name is not valid UTF-8; its undecodable bytes are shown as \\xNN escapes"


def shown_name(path: Path | str) -> str:
    """The path as printable text: bytes that are not UTF-8 (kept by Python as surrogate
    escapes, which no table or terminal accepts) become `\\xNN`."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _special(mode: int) -> str | None:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return None


def _refused(path: Path, error_type: str, message: str) -> Input:
    return Input(path, shown_name(path), (error_type, message))


def _looks_like_input(path: Path) -> bool:
    """By extension, or for a file without one, by its signature (regular files only)."""
    suffix = path.suffix.lower()
    if suffix:
        return suffix in INPUT_SUFFIXES
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return True  # cannot look inside: let the read report why
    try:
        head = os.read(fd, 16)
    finally:
        os.close(fd)
    return any(head.lstrip().startswith(sig) for sig in SIGNATURES)


def _inside(target: Path, roots: Iterable[Path]) -> bool:
    return any(target == root or target.is_relative_to(root) for root in roots)


class _Walk:
    """One walk over the paths given; `visited` holds the real folders already walked."""

    def __init__(self, roots: list[Path], options: Options) -> None:
        self.roots = roots
        self.options = options
        self.visited: set[tuple[int, int]] = set()

    def folder(self, folder: Path) -> Iterator[Input]:
        try:
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in self.visited:
                return
            self.visited.add((st.st_dev, st.st_ino))
            entries = sorted(os.scandir(folder), key=lambda e: os.fsencode(e.name))
        except OSError as exc:
            yield _refused(folder, "unreadable_folder", f"the folder cannot be read ({exc.strerror or exc})")
            return
        for entry in entries:
            if entry.name.startswith(".") and entry.is_dir():
                continue
            yield from self.entry(Path(entry.path))

    def entry(self, path: Path) -> Iterator[Input]:
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            yield from self.link(path)
        elif stat.S_ISDIR(mode):
            yield from self.folder(path)
        elif stat.S_ISREG(mode):
            if path.name.startswith("~$") and _looks_like_input(path):
                yield _refused(path, "skipped_lock_file", "a Word lock file (Word writes one next to a document "
                               "while it is open); it is not a report and is not read")
            elif _looks_like_input(path):
                yield Input(path, shown_name(path))
        else:
            yield _refused(path, "not_a_regular_file", f"{_special(mode) or 'not a regular file'}; it is not opened")

    def link(self, path: Path) -> Iterator[Input]:
        try:
            target = path.resolve(strict=True)
            mode = os.stat(path).st_mode
        except (OSError, RuntimeError) as exc:  # RuntimeError: pathlib's loop detection (Python < 3.13)
            looped = isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP
            yield _refused(path, "link_loop" if looped else "broken_link",
                           f"a symbolic link to {shown_name(os.readlink(path))}, "
                           + ("which leads back to itself (a loop)" if looped else "which does not exist"))
            return
        if not self.options.follow_outside_links and not _inside(target, self.roots):
            what = "folder" if stat.S_ISDIR(mode) else "file"
            yield _refused(path, "link_outside_input",
                           f"a symbolic link to the {what} {shown_name(target)}, outside the input folders; "
                           f"not followed (--follow-outside-links allows it)")
        elif stat.S_ISDIR(mode):
            yield from self.folder(path)
        elif stat.S_ISREG(mode):
            yield Input(path, shown_name(path))
        else:
            yield _refused(path, "not_a_regular_file",
                           f"a symbolic link to {_special(mode) or 'a special file'}; it is not opened")


def iter_inputs(paths: Iterable[Path | str], options: Options = DEFAULTS) -> Iterator[Input]:
    """The inputs under `paths`, in order, each entry once, as the walk finds them. A path named
    directly is an input whatever its extension (its content decides); folders are walked
    recursively; a `protocol://` string is searched with fsspec (`pipeline.remote_inputs`).
    Only the names already met are held (to give each entry once), not the inputs."""
    from pipeline.remote_inputs import find_url_inputs, is_url

    paths = list(paths)
    roots = [Path(p).resolve() for p in paths if not is_url(p)]
    walk = _Walk([r for r in roots if r.is_dir()], options)
    met: set[str] = set()
    for path in paths:
        if isinstance(path, str):
            if is_url(path):
                for item in find_url_inputs(path):
                    if _first(met, "url:" + item.shown):
                        yield item
                continue
            path = Path(path)
        try:
            mode = os.stat(path).st_mode
        except OSError:
            items: Iterable[Input] = walk.entry(path) if os.path.lexists(path) else ()
        else:
            if stat.S_ISDIR(mode):
                items = walk.folder(path)
            elif stat.S_ISREG(mode):
                items = [Input(path, shown_name(path))]
            else:
                items = [_refused(path, "not_a_regular_file", f"{_special(mode) or 'not a regular file'}; it is not opened")]
        for item in items:
            if _first(met, "path:" + str(item.path)):
                yield item


def _first(met: set[str], key: str) -> bool:
    """True the first time `key` is met."""
    if key in met:
        return False
    met.add(key)
    return True


def find_inputs(paths: Iterable[Path | str], options: Options = DEFAULTS) -> list[Input]:
    """Every input of `iter_inputs`, as a list."""
    return list(iter_inputs(paths, options))


def has_inputs(paths: Iterable[Path | str], options: Options = DEFAULTS) -> bool:
    """Whether `paths` hold at least one input (the walk stops at the first)."""
    return next(iter_inputs(paths, options), None) is not None
