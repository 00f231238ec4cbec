"""No line of a sealed or real development document may appear in the repository's code, tests,
notebooks or other data: a rule written from such a line would be scored on the text it was fitted to.

The sealed split (`data/sealed/docs`) and `../shared/realdev/docs` are checked; the samples in
`data/raw` are not (tests quote them on purpose). A line counts when it has at least 25 characters
after whitespace is collapsed; lines that also occur in the samples or the development
reports (the national motto, stock headings and titles) are public boilerplate and allowed. Another document
of `data/` leaks a line when it holds the same whole line (a stock heading inside a longer line is no
copy); any other file when the line occurs anywhere in it, e.g. inside a string literal."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
import regex

from pipeline.eval_sections import realdev_folder

ROOT = Path(__file__).resolve().parents[1]
SEALED = ROOT / "data" / "sealed"
MIN_CHARS = 25
SKIP_DIRS = {".git", ".venv", "__pycache__", ".pytest_cache", ".hypothesis", ".mypy_cache", ".ruff_cache", "processed"}
MAX_BYTES = 4_000_000


def normalise(text: str) -> str:
    return regex.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def document_lines_of(path: Path) -> set[str]:
    return {n for n in map(normalise, path.read_text("utf-8", errors="replace").splitlines()) if len(n) >= MIN_CHARS}


def document_lines(folder: Path) -> set[str]:
    """The lines of every text document of a folder (the DOCX twins carry the same words)."""
    return {n for path in sorted(folder.glob("*.txt")) for n in document_lines_of(path)}


def readable(path: Path) -> str | None:
    """A file's text as a reader of the repository sees it (notebook cells joined); None for binaries."""
    if path.stat().st_size > MAX_BYTES:
        return None
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError:
        return None
    if path.suffix == ".ipynb":
        cells = json.loads(text).get("cells", [])
        text = "\n".join("".join(c.get("source", [])) + "\n" + json.dumps(c.get("outputs", []), ensure_ascii=False)
                         for c in cells)
    return normalise(text)


def repository_files(exclude: Path | None) -> list[Path]:
    files = []
    for path in ROOT.rglob("*"):
        parts = set(path.relative_to(ROOT).parts)
        if parts & SKIP_DIRS or not path.is_file() or (exclude is not None and path.is_relative_to(exclude)):
            continue
        files.append(path)
    return files


PUBLIC = normalise(" ".join(p.read_text("utf-8") for d in ("raw", "dev") for p in (ROOT / "data" / d).glob("*.txt")))


def leaks(secret: set[str], exclude: Path | None) -> list[str]:
    secret = {line for line in secret if line not in PUBLIC}
    found = []
    for path in repository_files(exclude):
        if path.suffix == ".txt" and path.is_relative_to(ROOT / "data"):  # another document: whole lines
            text: str | set[str] | None = document_lines_of(path)
        else:  # code, tests, notebooks, gold: anywhere in the text, e.g. inside a string literal
            text = readable(path)
        if text:
            found += [f"{path.relative_to(ROOT)}: {line[:60]}" for line in secret if line in text]
    return found


def test_sealed_lines_appear_nowhere_else_in_the_repository():
    lines = document_lines(SEALED / "docs")
    assert len(lines) > 100  # the split is there and was read
    assert leaks(lines, exclude=SEALED) == []


def test_realdev_lines_appear_nowhere_in_the_repository():
    folder = realdev_folder()
    if folder is None:
        pytest.skip("../shared/realdev is not present on this machine")
    lines = document_lines(folder / "docs")
    assert len(lines) > 20
    assert leaks(lines, exclude=None) == []


def test_the_check_finds_a_copied_line(tmp_path):
    line = "Trung tâm tiếp nhận 4.321 hồ sơ trực tuyến trong tuần qua"
    (tmp_path / "doc.txt").write_text(line + "\nngắn\n", "utf-8")
    assert document_lines(tmp_path) == {line}
    assert normalise('x = "Trung tâm tiếp nhận  4.321 hồ sơ\ttrực tuyến trong tuần qua"').find(line) > 0
