"""Tables pasted as text, turned into the table rows with cells that DOCX and PDF deliver.

Reports copied into a text file keep their tables in two forms:

- pipe tables, one row a line: `Tổng số TTHC | Toàn trình | Một phần`, a `|---|` rule ignored;
- flattened tables: a header row of column names, sometimes a second header row that splits
  the last columns (`Tổng %` under each status), then rows of a label and bare numbers
  (`Mức 3  68544  61827 ...`). Columns are cut at runs of two spaces or tabs when the text
  keeps them; a header written with single spaces is cut into the column names the
  vocabulary knows (statuses, channels, `Tổng`, `%` ...), and read only when every word of
  it is a known name, so that prose is never taken for a table.

Both become `table_row` blocks with one string per cell, a header row first, so extractors
read one table form whatever the format. Lines that are not such a table stay lines."""

from __future__ import annotations

from dataclasses import replace

import regex

from datamodel import RawBlock
from extractors.vocab import compiled
from extractors.vocab.channels import CHANNELS
from extractors.vocab.counted import ROW_LABEL_HEADS, TABLE_HEADS
from extractors.vocab.statuses import DOSSIER_STATUS
from pipeline.textforms import fold, fold_lines

_RULE = regex.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_GAP = regex.compile(r"\t+\s*| {2,}")
_VALUE = regex.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?%?|\d+(?:,\d+)?%?|-")
_WORD_END = regex.compile(r"(?=\s|$)")
_MIN_KNOWN_NAMES = 3
"""A header written with single spaces needs three names at least: two known wordings side by
side (`Đã giải quyết đúng hạn`) are prose as often as a header."""
_HEADS = [compiled(p.pattern) for p in (*DOSSIER_STATUS, *CHANNELS, *TABLE_HEADS, *ROW_LABEL_HEADS)]
_LABEL_HEADS = [compiled(rf"(?:{p.pattern})$") for p in ROW_LABEL_HEADS]
_ANY_HEAD = regex.compile("(?:" + "|".join(f"(?:{h.pattern})" for h in _HEADS) + r")(?=\s|$)", _HEADS[0].flags)
"""Some column name at the start of a folded line, followed by a word end: every name `heads`
accepts first matches here too (the union also tries shorter matches), so a line it rejects,
prose mostly, costs one match instead of one per name."""


def _pipe_cells(line: str) -> list[str] | None:
    """The cells of a pipe-table line (two at least), or None."""
    if "|" not in line or _RULE.match(line):
        return None
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    return cells if len(cells) >= 2 else None


def heads(line: str, folded_line: str | None = None) -> list[str] | None:
    """The column names of a header line: cut at wide gaps, else into the longest known
    column names one after the other; None unless every word belongs to a known name (a
    second header row of repeated groups, `Tổng % Tổng %`, is read the same way).
    `folded_line` is `fold(line)` when the caller has it."""
    text = line.strip()
    parts = [p for p in _GAP.split(text) if p] if "\t" in text or "  " in text else [text]  # no gap: one part
    if len(parts) >= 2 and not any(_VALUE.fullmatch(p) for p in parts):
        return parts
    if folded_line is None:
        folded = fold(text)
    else:  # whitespace on both sides: the stripped line folds to the same slice
        lead = len(line) - len(line.lstrip())
        folded = folded_line[lead:lead + len(text)]
    if not _ANY_HEAD.match(folded):
        return None
    names, pos = [], 0
    while pos < len(text):
        ends = [m.end() for h in _HEADS if (m := h.match(folded, pos)) and m.end() > pos and _WORD_END.match(folded, m.end())]
        if not ends:
            return None
        end = max(ends)
        names.append(text[pos:end])
        pos = end + len(folded[end:]) - len(folded[end:].lstrip())
    return names if len(names) >= _MIN_KNOWN_NAMES else None


def _expand(top: list[str], sub: list[str] | None) -> list[str] | None:
    """The full column names when a second header row splits each of the last columns into
    the same group (`Trước hạn` over `Tổng %` → `Trước hạn Tổng`, `Trước hạn %`)."""
    if not sub:
        return top
    for size in range(2, len(sub) // 2 + 1):
        group, count = sub[:size], len(sub) // size
        if len(sub) % size == 0 and sub == group * count and count <= len(top):
            kept = top[: len(top) - count]
            return kept + [f"{name} {part}" for name in top[len(top) - count :] for part in group]
    return None


def _row(line: str, width: int) -> tuple[str, list[str]] | None:
    """(label, values) of a data row whose last `width` fields are bare numbers."""
    parts = [p for p in _GAP.split(line.strip()) if p]
    if len(parts) in (width, width + 1) and all(_VALUE.fullmatch(p) for p in parts[-width:]):
        return (parts[0] if len(parts) > width else ""), parts[-width:]
    tokens = line.split()
    if len(tokens) < width or not all(_VALUE.fullmatch(t) for t in tokens[-width:]):
        return None
    label = " ".join(tokens[: len(tokens) - width])
    return (label, tokens[-width:]) if not _VALUE.fullmatch(label or "x") else None


def _flattened(lines: list[str], folded: list[str], i: int) -> tuple[list[tuple[str, ...]], int] | None:
    """The rows (header first) of a flattened table whose header starts at line `i`, and the
    index after its last row; None when no data row follows a header. `folded`: the lines folded."""
    top = heads(lines[i], folded[i])
    if top is None:
        return None
    j = i + 1
    sub = heads(lines[j], folded[j]) if j < len(lines) else None
    names = _expand(top, sub)
    if sub and names is not None and names is not top:
        j += 1
    elif sub:
        return None
    names = names or top
    label_head = any(p.match(fold(names[0].strip())) for p in _LABEL_HEADS)
    width = len(names) - 1 if label_head else len(names)
    rows: list[tuple[str, ...]] = [tuple(names) if label_head else ("", *names)]
    while j < len(lines) and (row := _row(lines[j], width)) is not None:
        rows.append((row[0], *row[1]))
        j += 1
    return (rows, j) if len(rows) > 1 else None


def _pipe_table(lines: list[str], i: int) -> tuple[list[tuple[str, ...]], int] | None:
    """The rows of a pipe table starting at line `i` (two rows at least) and the index after it."""
    if "|" not in lines[i] and "--" not in lines[i]:  # neither a row nor a rule (`_RULE` needs `--`): most lines
        return None
    rows: list[tuple[str, ...]] = []
    j = i
    while j < len(lines):
        cells = None if _RULE.match(lines[j]) else _pipe_cells(lines[j])
        if cells is None and not _RULE.match(lines[j]):
            break
        if cells is not None:
            rows.append(tuple(cells))
        j += 1
    return (rows, j) if len(rows) >= 2 else None


def with_text_tables(blocks: list[RawBlock]) -> list[RawBlock]:
    """`blocks` with every run of body lines that forms a table replaced by its rows."""
    out: list[RawBlock] = []
    table = 1 + max((b.table for b in blocks if b.table is not None), default=-1)
    i = 0
    while i < len(blocks):
        run_end = i
        while run_end < len(blocks) and blocks[run_end].kind == "line" and blocks[run_end].region == "body":
            run_end += 1
        if run_end == i:
            out.append(blocks[i])
            i += 1
            continue
        lines = [b.text for b in blocks[i:run_end]]
        folded = fold_lines(lines)
        k = 0
        while k < len(lines):
            found = _pipe_table(lines, k) or _flattened(lines, folded, k)
            if found is None:
                out.append(blocks[i + k])
                k += 1
                continue
            rows, k_end = found
            out += [replace(blocks[i + k], text=" | ".join(cells), kind="table_row", table=table, row=r, cells=cells)
                    for r, cells in enumerate(rows)]
            table += 1
            k = k_end
        i = run_end
    return out
