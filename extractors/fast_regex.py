"""Patterns compiled by the standard library's `re` where it finds exactly what `regex` finds.

The findings rules try a few thousand small patterns per report (a part's name at each line, a
topic in each sentence). On these alternations of plain wordings `re` is two to three times
faster than `regex`. Both are backtracking engines with the same leftmost-first alternation; what
differs is what their classes hold: `\\s` (`re` adds four control characters), `\\d` (`regex` knows
digits of newer Unicode scripts), `\\w` and `\\b` (thousands of characters). So `\\s` and `\\d`
are written out as `regex` means them, and a pattern with `\\w`, `\\b`, `\\p{...}`, a lookbehind of
varying width or a flag keeps `regex` (`re` refuses the last three; the rest are refused here).
`tests/extractors/test_fast_regex.py` checks the written-out classes against `regex` over all of
Unicode and both engines on the findings' sentences."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import regex

WHITE = "\\t\\n\\x0b\\x0c\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
"""`regex`'s `\\s` (Unicode White_Space), written out for a class."""
DIGITS = ("\\d\\U00010d40-\\U00010d49\\U000116d0-\\U000116e3\\U00011bf0-\\U00011bf9\\U00011de0-\\U00011de9"
          "\\U00011f50-\\U00011f59\\U00016130-\\U00016139\\U00016d70-\\U00016d79\\U0001ccf0-\\U0001ccf9"
          "\\U0001e4f0-\\U0001e4f9\\U0001e5f1-\\U0001e5fa")
"""`regex`'s `\\d` for a class of `re`: `re`'s digits and those of the scripts its Unicode lacks."""
_OUTSIDE = {"s": f"[{WHITE}]", "S": f"[^{WHITE}]", "d": f"[{DIGITS}]", "D": f"[^{DIGITS}]"}
_INSIDE = {"s": WHITE, "d": DIGITS}


class Kept(ValueError):
    """A pattern whose classes `re` would read otherwise than `regex`."""


def for_re(pattern: str) -> str:
    """`pattern` with `\\s`, `\\S`, `\\d`, `\\D` written out as `regex` reads them; raises `Kept`
    for an escape whose meaning differs between the engines (`\\w`, `\\b` ...)."""
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            e = pattern[i + 1]
            if e in "wWbB" or (in_class and e in "SD"):
                raise Kept(pattern)
            out.append((_INSIDE if in_class else _OUTSIDE).get(e, c + e))
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
            j = i + 1 + (pattern[i + 1 : i + 2] == "^")
            j += pattern[j : j + 1] == "]"  # a `]` first in a class is a literal
            out.append(pattern[i:j])
            i = j
            continue
        if c == "]" and in_class:
            in_class = False
        out.append(c)
        i += 1
    return "".join(out)


_WRITTEN: dict[re.Pattern[str], str] = {}


@cache
def fast_compiled(pattern: str) -> Any:
    """`pattern` compiled once per process: by `re` when both engines read it alike, else by `regex`."""
    try:
        compiled = re.compile(for_re(pattern))
    except (Kept, re.error):
        return regex.compile(pattern)
    _WRITTEN[compiled] = pattern
    return compiled


def written_as(pattern: Any) -> str | None:
    """The pattern as the vocabulary wrote it when `re` compiled it, else None (for the test that
    compares both engines)."""
    return _WRITTEN.get(pattern) if isinstance(pattern, re.Pattern) else None
