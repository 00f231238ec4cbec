"""`finditer` for patterns whose matches can only start at a few places that a simple scan
finds: the pattern is then tried there only, not at every character (the `regex` module tries
a pattern that opens with a lookbehind at every position of the text)."""

from __future__ import annotations

from collections.abc import Iterable

import regex


def finditer_at(pattern: regex.Pattern[str], text: str, starts: Iterable[int]) -> list[regex.Match[str]]:
    """`list(pattern.finditer(text))` for a pattern that matches no empty string and can only
    match at one of `starts` (ascending): tried at each start past the last match's end, in
    order, as finditer does (a lookbehind still sees the text before a start)."""
    found = []
    last = 0
    match = pattern.match
    for at in starts:
        if at >= last and (m := match(text, at)) is not None:
            found.append(m)
            last = m.end()
    return found
