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

    return settled(spacy.load(path))


def settled(pipeline: Any) -> Any:
    """`pipeline`, with every object alive now moved out of the garbage collector's sight
    (`gc.freeze`): spaCy's vocabulary, matchers and model weights are tens of thousands of objects
    that live as long as the process, and each full collection walked them again (7 -> 54 ms per
    collection once the ruler and the model were loaded), on every later stage's clock."""
    import gc

    gc.freeze()
    return pipeline
