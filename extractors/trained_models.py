"""The spaCy pipelines baocao trains and ships in `nlp/` (built by `make model` and committed, so
nothing is downloaded): each loaded once per process, and only by a component that uses one, so
a run of the rules alone never imports spaCy."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any


@cache
def trained_pipeline(path: Path) -> Any:
    """The trained pipeline at `path`, loaded once per process; None when it is not built."""
    if not (path / "meta.json").exists():
        return None
    import spacy  # imported here: the rules and the other extractors do not need it

    return spacy.load(path)
