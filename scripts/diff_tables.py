"""Compare two output folders of `baocao extract` table by table: the proof that a refactoring
changed no table.

    python scripts/diff_tables.py OLD_OUT NEW_OUT [--show N] [--ignore COLUMN ...]

Rows are compared as multisets (a table's row order carries no meaning), on every column but
those that differ from run to run by design (`IGNORED`) and those named with `--ignore` (say
`source_path`, when the same inputs were read from two different folders). It prints, per table, the rows found
only in OLD (`-`) and only in NEW (`+`), columns present on one side only, and notes a table
whose rows are the same in another order. Exit status 1 when any table differs, 0 otherwise."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

IGNORED = frozenset({"run_id", "elapsed", "elapsed_s", "duration_ms", "created_at", "extracted_at"})
"""Columns that change with every run (identifiers and timings), never compared."""


@dataclass
class TableDiff:
    """How one table differs: rows on one side only, columns on one side only, order."""

    name: str
    only_old: list[dict] = field(default_factory=list)
    only_new: list[dict] = field(default_factory=list)
    columns_old: list[str] = field(default_factory=list)
    columns_new: list[str] = field(default_factory=list)
    reordered: bool = False

    @property
    def differs(self) -> bool:
        return bool(self.only_old or self.only_new or self.columns_old or self.columns_new)


def read_tables(out: Path) -> dict[str, list[dict]]:
    """The rows of every table in an output folder (each table a folder of Parquet files)."""
    tables = {}
    for path in sorted(out.iterdir()):
        if path.name.startswith(".") or not path.is_dir() or not any(path.glob("*.parquet")):
            continue
        tables[path.name] = pq.read_table(path).to_pylist()
    return tables


def _key(row: dict, columns: list[str]) -> str:
    return json.dumps([row.get(c) for c in columns], ensure_ascii=False, default=str)


def _take(rows: list[dict], keys: list[str], extra: Counter) -> list[dict]:
    """The rows whose key is in `extra`, as many times as it counts there."""
    left, out = Counter(extra), []
    for row, key in zip(rows, keys):
        if left[key] > 0:
            left[key] -= 1
            out.append(row)
    return out


def diff_rows(name: str, old: list[dict], new: list[dict], ignored: frozenset[str] = IGNORED) -> TableDiff:
    """The difference of two versions of one table, on the columns both have."""
    cols_old = {c for r in old for c in r} - ignored
    cols_new = {c for r in new for c in r} - ignored
    common = sorted(cols_old & cols_new)
    keys_old = [_key(r, common) for r in old]
    keys_new = [_key(r, common) for r in new]
    extra_old, extra_new = Counter(keys_old) - Counter(keys_new), Counter(keys_new) - Counter(keys_old)
    return TableDiff(
        name,
        only_old=_take(old, keys_old, extra_old),
        only_new=_take(new, keys_new, extra_new),
        columns_old=sorted(cols_old - cols_new),
        columns_new=sorted(cols_new - cols_old),
        reordered=not (extra_old or extra_new) and keys_old != keys_new,
    )


def diff_outputs(old: Path, new: Path, ignore: tuple[str, ...] = ()) -> list[TableDiff]:
    """One `TableDiff` per table found in either folder (a missing table counts as empty)."""
    a, b = read_tables(old), read_tables(new)
    ignored = IGNORED | set(ignore)
    return [diff_rows(name, a.get(name, []), b.get(name, []), ignored) for name in sorted(set(a) | set(b))]


def report(diffs: list[TableDiff], show: int) -> list[str]:
    """Readable lines: one per table, then up to `show` differing rows on each side."""
    lines = []
    for d in diffs:
        if not d.differs:
            lines.append(f"{d.name}: same" + (" rows, other order" if d.reordered else ""))
            continue
        lines.append(f"{d.name}: {len(d.only_old)} row(s) only in OLD, {len(d.only_new)} only in NEW")
        lines += [f"  column only in OLD: {c}" for c in d.columns_old] + [f"  column only in NEW: {c}" for c in d.columns_new]
        lines += [f"  - {json.dumps(r, ensure_ascii=False, default=str)}" for r in d.only_old[:show]]
        lines += [f"  + {json.dumps(r, ensure_ascii=False, default=str)}" for r in d.only_new[:show]]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path, help="output folder of the reference run")
    parser.add_argument("new", type=Path, help="output folder of the run to check")
    parser.add_argument("--show", type=int, default=10, help="differing rows shown per table and side (default 10)")
    parser.add_argument("--ignore", action="append", default=[], metavar="COLUMN",
                        help="a column not to compare, in every table (repeatable), e.g. source_path")
    args = parser.parse_args(argv)
    for folder in (args.old, args.new):
        if not folder.is_dir():
            print(f"diff_tables: {folder} is not a folder", file=sys.stderr)
            return 2
    diffs = diff_outputs(args.old, args.new, tuple(args.ignore))
    print("\n".join(report(diffs, args.show)))
    return 1 if any(d.differs for d in diffs) else 0


if __name__ == "__main__":
    sys.exit(main())
