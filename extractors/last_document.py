"""A result kept for the last document only: the extractors run one document at a time, one
after another, and two of them (dates and references) read the same scan of it (its `DATE`
matches, its document codes). Keeping only the last one bounds the memory whatever the run."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

R = TypeVar("R")


def remember_last(fn: Callable[..., R]) -> Callable[..., R]:
    """`fn` that returns its last result again while it is called with the very same arguments
    (the same objects, not equal ones: a new document with the same text is scanned anew)."""
    last: list[Any] = [None, None]  # the arguments, the result

    @wraps(fn)
    def remembered(*args: Any) -> R:
        if last[0] is None or len(last[0]) != len(args) or any(a is not b for a, b in zip(last[0], args)):
            last[:] = [args, fn(*args)]
        return last[1]

    return remembered
