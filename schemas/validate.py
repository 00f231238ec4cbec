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

import pyarrow as pa

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
class _Plan:
    """What validating a table needs, built once per table and process: its rules, its Arrow
    schema, and per column the type check and whether `_problem` can find more than a wrong
    type (an allowed set, a range, a float that may be NaN); the other columns are checked with
    the type predicate alone, which is all `_problem` would do for them."""

    table: Table
    rules: Rules
    schema: pa.Schema
    checks: dict[str, tuple[Callable[[object], bool], str] | None]
    simple: frozenset[str]


_PLANS: dict[str, _Plan] = {}


def _plan(table: Table) -> _Plan:
    plan = _PLANS.get(table.name)
    if plan is None or plan.table is not table:
        rules = rules_for(table.name, table.names)
        checks = {c.name: _type_check(c.type) for c in table.columns}
        special = {*rules.allowed, *rules.ranges, *(rules.percent_when or ())[:1]}
        simple = frozenset(c.name for c in table.columns
                           if checks[c.name] is not None and c.name not in special and not pa.types.is_floating(c.type))
        plan = _PLANS[table.name] = _Plan(table, rules, table.arrow_schema(), checks, simple)
    return plan


def validated(table: Table, rows: list[dict], source_path: str | None = None) -> tuple[pa.Table, list[dict]]:
    """The rows that pass as an Arrow table of `table`'s schema, and an `errors` row for each
    violation (stage `validate:<table>`)."""
    plan = _plan(table)
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
    return pa.Table.from_pylist(kept, schema=plan.schema), errors
