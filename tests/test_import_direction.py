"""Dependencies run one way: model <- ingest/segment/extractors <- run <- cli.

Read from the source with `ast` (every import statement, also those inside functions), so a
lazy import cannot slip past the way a runtime check of `sys.modules` would let it."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OURS = ("datamodel", "pipeline", "extractors", "schemas", "scripts", "nlp", "tests")
RUNNER = ("pipeline.run", "pipeline.cli")


def imports(path: Path) -> set[str]:
    """Every module `path` imports (for `from a import b`, both `a` and `a.b`: b may be a module).
    Imports are absolute (ruff's TID252 refuses relative ones), so names are taken as written."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def sources(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py") if ".venv" not in p.parts)


def is_under(name: str, *packages: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def offending(paths: list[Path], forbidden) -> dict[str, list[str]]:
    bad = {}
    for path in paths:
        hits = sorted(name for name in imports(path) if forbidden(name))
        if hits:
            bad[str(path.relative_to(ROOT))] = hits
    return bad


def test_the_data_model_imports_nothing_else_of_baocao():
    assert offending(sources("datamodel"), lambda n: is_under(n, *OURS) and not is_under(n, "datamodel")) == {}


def test_the_vocabulary_needs_only_the_standard_library_and_regex():
    def foreign(name: str) -> bool:
        top = name.split(".")[0]
        return not (is_under(name, "extractors.vocab") or top in sys.stdlib_module_names or top == "regex")

    assert offending(sources("extractors/vocab"), foreign) == {}


@pytest.mark.parametrize("stage", ["pipeline/ingest", "pipeline/segment.py", "pipeline/normalize.py", "pipeline/reflow.py",
                                   "extractors", "datamodel", "schemas"])
def test_stages_never_import_the_runner_or_the_cli(stage):
    paths = [ROOT / stage] if stage.endswith(".py") else sources(stage)
    assert offending(paths, lambda n: is_under(n, *RUNNER)) == {}


def test_extractors_never_run_components_themselves():
    """Only the pipeline and the tests call the runner; an extractor reads the facts it is given."""
    paths = [p for p in sources("extractors") if p.name != "registry.py"]
    assert offending(paths, lambda n: n == "extractors.registry.run_components") == {}


def test_the_checker_sees_imports_inside_functions(tmp_path):
    """The rules above can fail: a lazy import of the runner is found."""
    module = tmp_path / "probe.py"
    module.write_text("import regex\n\ndef f():\n    from pipeline.run import process_bytes\n    return process_bytes\n", "utf-8")
    assert imports(module) == {"regex", "pipeline.run", "pipeline.run.process_bytes"}

