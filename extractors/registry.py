"""The extractor components and the order they run in.

Like spaCy's pipeline components, each extractor is a small function registered under a
name, testable alone: it receives the segmented `Document` and the rows produced so far for
that document (`facts`, by table name), and returns new rows by table name. `after` names
the components whose rows it reads, which fixes the order."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from datamodel import Document

Row = dict
Facts = dict[str, list[Row]]
ExtractFn = Callable[[Document, Facts], Facts]


@dataclass(frozen=True)
class Component:
    name: str
    fn: ExtractFn
    after: tuple[str, ...]


_COMPONENTS: dict[str, Component] = {}


def register(name: str, after: tuple[str, ...] = ()) -> Callable[[ExtractFn], ExtractFn]:
    """Register `fn` as the component `name`, to run after the components in `after`."""

    def wrap(fn: ExtractFn) -> ExtractFn:
        _COMPONENTS[name] = Component(name, fn, after)
        return fn

    return wrap


@cache
def _load_all() -> None:
    """Import every extractor module once per process (each registers its components)."""
    import extractors

    for info in pkgutil.iter_modules(extractors.__path__):
        importlib.import_module(f"extractors.{info.name}")


def components() -> list[Component]:
    """All registered components in an order where each runs after those it names."""
    _load_all()
    done: dict[str, Component] = {}

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if name in done:
            return
        if name in trail:
            raise ValueError(f"extractor dependency cycle: {' -> '.join(trail + (name,))}")
        if name not in _COMPONENTS:
            raise ValueError(f"extractor {trail[-1]!r} runs after {name!r}, which is not a registered component")
        comp = _COMPONENTS[name]
        for dep in comp.after:
            visit(dep, trail + (name,))
        done[name] = comp

    for name in sorted(_COMPONENTS):
        visit(name, ())
    return list(done.values())


def _with_dependencies(names: tuple[str, ...]) -> set[str]:
    needed: set[str] = set()
    stack = list(names)
    while stack:
        name = stack.pop()
        if name not in needed:
            needed.add(name)
            stack.extend(_COMPONENTS[name].after)
    return needed


def run_components(doc: Document, only: tuple[str, ...] | None = None) -> Facts:
    """Run the components (all, or `only` and the components they read from) on one document."""
    ordered = components()
    wanted = _with_dependencies(only) if only is not None else {c.name for c in ordered}
    facts: Facts = {}
    for comp in ordered:
        if comp.name not in wanted:
            continue
        for table, rows in comp.fn(doc, facts).items():
            facts.setdefault(table, []).extend(rows)
    return facts
