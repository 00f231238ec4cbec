"""The spaCy pipelines baocao trains and ships in `nlp/` (built by `make model` and committed, so
nothing is downloaded): each loaded once per process, and only by a component that uses one, so
a run of the rules alone never imports spaCy."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any


@cache
def trained_pipeline(path: Path) -> Any:
    """The trained pipeline at `path`, loaded once per process; None when it is not built."""
    if not (path / "meta.json").exists():
        return None
    return settled(spacy_module().load(path))


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, which loads spaCy's command line when it is called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def spacy_module() -> Any:
    """spaCy, imported without its command line (imported here: the rules alone do not need it).

    spaCy's package `__init__` imports `spacy.cli.info` for `spacy.info`, and with it the whole
    command line (typer, weasel, httpx ...): 0.19 of 0.64 CPU-s of `import spacy`, paid by every run
    that reads a report. The pipeline runs none of spaCy's commands, so two stand-ins take their
    place while spaCy loads and are removed afterwards: `import spacy.cli` (training) then loads the
    real ones. A spaCy that needs more of its command line to load is imported as usual."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    info = ModuleType("spacy.cli.info")
    info.info = _spacy_info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": ModuleType("spacy.cli"), "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    try:
        import spacy
    except ImportError:
        for name in stand_ins:
            sys.modules.pop(name, None)
        import spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    return spacy


def settled(pipeline: Any) -> Any:
    """`pipeline`, with every object alive now moved out of the garbage collector's sight
    (`gc.freeze`): spaCy's vocabulary, matchers and model weights are tens of thousands of objects
    that live as long as the process, and each full collection walked them again (7 -> 54 ms per
    collection once the ruler and the model were loaded), on every later stage's clock."""
    import gc

    gc.freeze()
    return pipeline
