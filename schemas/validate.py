"""Schema validation on write: every row is checked against its table's Arrow schema and
rules (`schemas.rules`) before it becomes Arrow, so nothing is coerced behind the reader's back.

pyarrow alone would turn 2.5 into 2 in an integer column, True into 1.0 and 3 into 1970-01-04
in a date column; here such a value, a value outside the allowed set or range (a percentage of
140), or a column the schema does not know is reported as an `errors` row that names the
table, the column and the document, and the value is not written (null). A row that then lacks
a required column (or never had it) is not written at all: a fact without its value or its
evidence is worse than no fact."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from itertools import repeat

import pyarrow as pa

from schemas import all_tables
from schemas.base import Table
from schemas.rules import Rules, rules_for

STAGE_PREFIX = "validate"
ERROR_TYPE = "schema_violation"


def _is_int(v: object) -> bool:
    return (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer())


def _is_number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and not (isinstance(v, float) and math.isinf(v))


def _is_date(v: object) -> bool:
    return isinstance(v, dt.date) and (not isinstance(v, dt.datetime) or v.time() == dt.time())


def _type_check(kind: pa.DataType) -> tuple[Callable[[object], bool], str] | None:
    """A predicate for the Python values a column of type `kind` accepts as they are."""
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return (lambda v: isinstance(v, str)), "text"
    if pa.types.is_integer(kind):
        bits = kind.bit_width
        low, high = (0, (1 << bits) - 1) if pa.types.is_unsigned_integer(kind) else (-(1 << bits - 1), (1 << bits - 1) - 1)
        return (lambda v: _is_int(v) and low <= v <= high), f"a whole number that fits {kind}"
    if pa.types.is_floating(kind):
        return _is_number, "a number"
    if pa.types.is_boolean(kind):
        return (lambda v: isinstance(v, bool)), "true or false"
    if pa.types.is_date(kind):
        return _is_date, "a date"
    return None


def _problem(value: object, column: str, row: dict, check, rules: Rules) -> str | None:
    """What is wrong with `value` in `column`, or None."""
    if check is not None and not check[0](value):
        return f"{value!r} is not {check[1]}"
    allowed = rules.allowed.get(column)
    if allowed is not None and value not in allowed:
        return f"{value!r} is not one of {', '.join(sorted(allowed))}"
    low, high = rules.ranges.get(column, (None, None))
    if rules.percent_when and column == rules.percent_when[0] and row.get(rules.percent_when[1]) == rules.percent_when[2]:
        low, high = 0.0, 100.0
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if math.isnan(value):
            return "is not a number (NaN)"
        if (low is not None and value < low) or (high is not None and value > high):
            what = "percentage" if (low, high) == (0.0, 100.0) else "value"
            return f"{what} {value:g} is outside {low:g}-{high:g}" if high is not None else f"{what} {value:g} is below {low:g}"
    return None


@dataclass(frozen=True)
class _Fast:
    """One column as the whole-column check sees it: the Python types its values may have as
    they are, the bounds every number must keep (its integer width and its rule's range) and
    its allowed values (None included)."""

    name: str
    types: frozenset[type]
    low: float | None
    high: float | None
    allowed: frozenset[object] | None
    floating: bool


_FAST_TYPES: tuple[tuple[Callable[[pa.DataType], bool], frozenset[type]], ...] = (
    (lambda k: pa.types.is_string(k) or pa.types.is_large_string(k), frozenset({str})),
    (pa.types.is_integer, frozenset({int})),
    (pa.types.is_floating, frozenset({float, int})),
    (pa.types.is_boolean, frozenset({bool})),
    (pa.types.is_date, frozenset({dt.date})),
)


def _fast_column(name: str, kind: pa.DataType, rules: Rules) -> _Fast | None:
    """The whole-column check of a column, None for a type it does not know (such a table is
    always checked row by row)."""
    types = next((t for test, t in _FAST_TYPES if test(kind)), None)
    if types is None:
        return None
    low, high = rules.ranges.get(name, (None, None))
    if pa.types.is_integer(kind):
        bits = kind.bit_width
        wide = (0, (1 << bits) - 1) if pa.types.is_unsigned_integer(kind) else (-(1 << bits - 1), (1 << bits - 1) - 1)
        low = wide[0] if low is None else max(low, wide[0])
        high = wide[1] if high is None else min(high, wide[1])
    allowed = rules.allowed.get(name)
    return _Fast(name, types | {type(None)}, low, high, None if allowed is None else allowed | {None},
                 pa.types.is_floating(kind))


@dataclass(frozen=True)
class _Plan:
    """What validating a table needs, built once per table and process: its rules, its Arrow
    schema, and per column the type check and whether `_problem` can find more than a wrong
    type (an allowed set, a range, a float that may be NaN); the other columns are checked with
    the type predicate alone, which is all `_problem` would do for them. `fast` holds the
    whole-column checks (None: the table is always checked row by row)."""

    table: Table
    rules: Rules
    schema: pa.Schema
    checks: dict[str, tuple[Callable[[object], bool], str] | None]
    simple: frozenset[str]
    fast: tuple[_Fast, ...] | None


_PLANS: dict[str, _Plan] = {}


def _plan(table: Table) -> _Plan:
    plan = _PLANS.get(table.name)
    if plan is None or plan.table is not table:
        rules = rules_for(table.name, table.names)
        checks = {c.name: _type_check(c.type) for c in table.columns}
        special = {*rules.allowed, *rules.ranges, *(rules.percent_when or ())[:1]}
        simple = frozenset(c.name for c in table.columns
                           if checks[c.name] is not None and c.name not in special and not pa.types.is_floating(c.type))
        fast = tuple(_fast_column(c.name, c.type, rules) for c in table.columns)
        plan = _PLANS[table.name] = _Plan(table, rules, table.arrow_schema(), checks, simple,
                                          None if None in fast else fast)  # type: ignore[arg-type]
    return plan


def _numbers_within(values: list, column: _Fast) -> bool:
    """True when every number of `values` (None left out) is finite and within the column's bounds."""
    present = [v for v in values if v is not None]
    if not present:
        return True
    if column.floating:
        try:
            if not all(map(math.isfinite, present)):
                return False
        except OverflowError:  # an int too large for a float: the row loop says what it is
            return False
    return ((column.low is None or min(present) >= column.low)
            and (column.high is None or max(present) <= column.high))


def _all_pass(plan: _Plan, rows: list[dict]) -> bool:
    """True when the row loop of `checked_rows` would find nothing to report in `rows`: checked
    a whole column at a time (the types present, the smallest and largest number, the set of
    values), which costs a fraction of the row loop. It may answer False for rows that pass
    (a percentage outside its column's own range), never True for rows that do not."""
    if plan.fast is None or not set().union(*rows) <= plan.checks.keys():
        return False
    required = plan.rules.required
    for column in plan.fast:
        values = list(map(dict.get, rows, repeat(column.name)))
        types = set(map(type, values))
        if not types <= column.types or (column.name in required and type(None) in types):
            return False
        if column.allowed is not None and not set(values) <= column.allowed:
            return False
        if (column.low is not None or column.high is not None or column.floating) and not _numbers_within(values, column):
            return False
    if plan.rules.percent_when:
        value, unit, percent = plan.rules.percent_when
        shares = [row.get(value) for row in rows if row.get(unit) == percent]
        return _numbers_within(shares, _Fast(value, frozenset(), 0.0, 100.0, None, True))
    return True


def checked_rows(table: Table, rows: list[dict], source_path: str | None = None) -> tuple[list[dict], list[dict]]:
    """The rows that pass (each as it will be written), and an `errors` row for each
    violation (stage `validate:<table>`). Rows are turned into Arrow later, a batch of
    documents at a time (`pipeline.executors.write_batch`)."""
    plan = _plan(table)
    if not rows or _all_pass(plan, rows):
        return list(rows), []
    rules, checks, simple = plan.rules, plan.checks, plan.simple
    errors: list[dict] = []

    def report(row: dict, column: str, what: str) -> None:
        doc = row.get("doc_id")
        errors.append({"doc_id": doc, "source_path": source_path or row.get("source_path") or "", "stage": f"{STAGE_PREFIX}:{table.name}",
                       "error_type": ERROR_TYPE, "message": f"table {table.name}, column {column}, document {doc}: {what}"})

    kept = []
    for row in rows:
        clean = {}
        for column, value in row.items():
            if column not in checks:
                report(row, column, "column not in the schema; not written")
                continue
            if value is None or (column in simple and checks[column][0](value)):  # type: ignore[index]
                clean[column] = value
                continue
            problem = _problem(value, column, row, checks[column], rules)
            if problem:
                report(row, column, f"{problem}; value not written")
            clean[column] = None if problem else value
        missing = [c for c in rules.required if clean.get(c) is None]
        if missing:
            report(row, ", ".join(missing), "required value missing; row not written")
            continue
        kept.append(clean)
    return kept, errors


def validated(table: Table, rows: list[dict], source_path: str | None = None) -> tuple[pa.Table, list[dict]]:
    """The rows that pass as an Arrow table of `table`'s schema, and an `errors` row for each
    violation (`checked_rows`)."""
    kept, errors = checked_rows(table, rows, source_path)
    return pa.Table.from_pylist(kept, schema=_plan(table).schema), errors


def arrow_schema(name: str) -> pa.Schema:
    """The Arrow schema of table `name`, built once per process (KeyError: no such table)."""
    return _plan(all_tables()[name]).schema


def date_columns(name: str) -> tuple[str, ...]:
    """The columns of table `name` whose type is a date (KeyError: no such table)."""
    return tuple(f.name for f in arrow_schema(name) if pa.types.is_date(f.type))
