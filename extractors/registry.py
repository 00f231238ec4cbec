"""The extractor components, the order they run in, and the one loop that runs them.

Like spaCy's pipeline components (`@Language.component(requires=..., assigns=...)`), each
extractor is a small function registered under a name, testable alone: it receives the
segmented `Document` and the rows produced so far for that document (`facts`, by table
name), and returns new rows by table name. It declares the tables it reads (`requires`) and
the tables it writes (`assigns`); the order follows from those declarations (a component runs
after every component that writes a table it reads), never from the components' names.

The declarations are checked before the first document is extracted (`components()`, which
imports every extractor: about a quarter of a CPU-second, most of it compiling the wordings'
patterns, so a run loads them only when a document needs them, not before its first file): a
component that reads a table nobody writes, or writes a table that has no schema, stops the run
with its name before any row is written. While running, a component that returns a table it did
not declare fails like any other bug."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from datamodel import Document

Row = dict
Facts = dict[str, list[Row]]
ExtractFn = Callable[[Document, Facts], Facts]
OnError = Callable[[str, Exception], None]


class RegistryError(ValueError):
    """A component whose declarations cannot be satisfied (a programming error, found at start-up)."""


@dataclass(frozen=True)
class Component:
    name: str
    fn: ExtractFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


_COMPONENTS: dict[str, Component] = {}


def register(name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...]) -> Callable[[ExtractFn], ExtractFn]:
    """Register `fn` as the component `name`, reading the tables `requires` and writing `assigns`."""

    def wrap(fn: ExtractFn) -> ExtractFn:
        _COMPONENTS[name] = Component(name, fn, tuple(requires), tuple(assigns))
        return fn

    return wrap


@cache
def _load_all() -> None:
    """Import every extractor module once per process (each registers its components)."""
    import extractors

    for info in pkgutil.iter_modules(extractors.__path__):
        importlib.import_module(f"extractors.{info.name}")


def _writers(comps: Iterable[Component]) -> dict[str, list[str]]:
    """Table name -> the components that write it, in name order."""
    out: dict[str, list[str]] = {}
    for comp in sorted(comps, key=lambda c: c.name):
        for table in comp.assigns:
            out.setdefault(table, []).append(comp.name)
    return out


def _upstream(comp: Component, writers: dict[str, list[str]]) -> list[str]:
    """The components that must run before `comp`: the writers of what it reads (not itself)."""
    return [w for table in comp.requires for w in writers.get(table, []) if w != comp.name]


def order(comps: dict[str, Component], known_tables: Iterable[str]) -> list[Component]:
    """`comps` in an order where each runs after the writers of the tables it reads; raises
    `RegistryError` naming the component that reads an unwritten table, writes a table with
    no schema, or closes a cycle."""
    known = set(known_tables)
    writers = _writers(comps.values())
    for comp in sorted(comps.values(), key=lambda c: c.name):
        if not comp.assigns:
            raise RegistryError(f"extractor {comp.name!r} declares no table it writes (assigns=)")
        if missing := [t for t in comp.assigns if t not in known]:
            raise RegistryError(f"extractor {comp.name!r} writes {', '.join(missing)}, which has no schema in schemas/")
        if unwritten := [t for t in comp.requires if t not in writers]:
            raise RegistryError(f"extractor {comp.name!r} reads {', '.join(unwritten)}, which no extractor writes")
    done: dict[str, Component] = {}

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if name in done:
            return
        if name in trail:
            raise RegistryError(f"extractor dependency cycle: {' -> '.join(trail + (name,))}")
        for dep in _upstream(comps[name], writers):
            visit(dep, trail + (name,))
        done[name] = comps[name]

    for name in sorted(comps):
        visit(name, ())
    return list(done.values())


@cache
def _ordered() -> tuple[Component, ...]:
    import schemas  # pyarrow: only once the extractors are needed (`baocao --help` and a cached rerun skip it)

    _load_all()
    return tuple(order(_COMPONENTS, schemas.all_tables()))


def components() -> list[Component]:
    """All registered components, checked and in run order (computed once per process)."""
    return list(_ordered())


def _with_upstream(ordered: list[Component], names: tuple[str, ...]) -> set[str]:
    """`names` and every component they read from, transitively."""
    by_name = {c.name: c for c in ordered}
    if unknown := [n for n in names if n not in by_name]:
        raise RegistryError(f"no extractor named {', '.join(unknown)}")
    writers = _writers(ordered)
    needed: set[str] = set()
    stack = list(names)
    while stack:
        name = stack.pop()
        if name not in needed:
            needed.add(name)
            stack.extend(_upstream(by_name[name], writers))
    return needed


def run_components(doc: Document, only: tuple[str, ...] | None = None, on_error: OnError | None = None,
                   skip: tuple[str, ...] = ()) -> Facts:
    """Run the components (all, or `only` and those they read from) on one document: the one
    loop the pipeline and the tests share. A component that raises, or returns a table it did
    not declare, is passed to `on_error` (name, exception) and the others go on; without
    `on_error` the exception propagates. Components named in `skip` (switched off by an option) do not run."""
    ordered = components()
    wanted = _with_upstream(ordered, only) if only is not None else {c.name for c in ordered}
    facts: Facts = {}
    for comp in ordered:
        if comp.name not in wanted or comp.name in skip:
            continue
        try:
            produced = comp.fn(doc, facts)
            if undeclared := sorted(set(produced) - set(comp.assigns)):
                raise RegistryError(f"extractor {comp.name!r} returned {', '.join(undeclared)}, not in its assigns=")
        except Exception as exc:
            if on_error is None:
                raise
            on_error(comp.name, exc)
            continue
        for table, rows in produced.items():
            facts.setdefault(table, []).extend(rows)
    return facts
