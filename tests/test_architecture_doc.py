"""docs/ARCHITECTURE.md names every module, so a newcomer's map of the code cannot go stale
silently: a module added without its line there fails here."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("datamodel", "pipeline", "extractors")


def _module_map() -> str:
    text = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    start = text.index("## The modules, one line each")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def test_every_module_has_its_line_in_the_architecture_map():
    words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", _module_map()))
    missing = sorted(
        str(path.relative_to(ROOT))
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if path.stem != "__init__" and path.stem not in words
    )
    assert missing == [], f"modules missing from docs/ARCHITECTURE.md: {missing}"


def test_the_map_names_no_module_that_does_not_exist():
    listed = re.findall(r"^\s+([a-z_]+(?:/[a-z_]+)*)\.py\s", _module_map(), flags=re.M)
    stems = {path.stem for package in PACKAGES for path in (ROOT / package).rglob("*.py")}
    assert listed, "the module map lists no file"
    assert sorted(set(name.rsplit("/", 1)[-1] for name in listed) - stems) == []
