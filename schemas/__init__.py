"""Arrow schemas and the data dictionary of every output table (one module per table)."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from schemas.base import Table


@cache
def all_tables() -> dict[str, Table]:
    """Every table defined in this package, by name, in a stable order (found once per
    process; callers must not modify the mapping)."""
    tables: dict[str, Table] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        table = getattr(module, "TABLE", None)
        if isinstance(table, Table):
            tables[table.name] = table
    return tables
