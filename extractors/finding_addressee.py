"""Whom a recommendation asks: the body it names first, as written, and that body's level.

Shared by the findings of assessment parts (`Đề nghị UBND tỉnh ...`) and of running text, where
only a request to a body above the commune (`..., xã đã đề nghị Sở Tài chính ...`) is the
commune's own: one to the commune (`đề nghị xã tiếp tục ...`) is a superior's instruction."""

from __future__ import annotations

from extractors.fast_regex import fast_compiled
from extractors.vocab.findings import ADDRESSEE_END, ADDRESSEE_HEAD, ADDRESSEE_LEVELS, ADDRESSEE_START
from pipeline.textforms import fold

_LEVELS = [(p.name, fast_compiled(p.pattern)) for p in ADDRESSEE_LEVELS]
_ADDR_START = fast_compiled(ADDRESSEE_START.pattern)
_ADDR_END = fast_compiled(ADDRESSEE_END.pattern)
_ADDR_HEAD = fast_compiled(ADDRESSEE_HEAD.pattern)


def addressee_of(text: str, match: str) -> tuple[str | None, int]:
    """Whom a recommendation asks, as written, and where the request after the name starts;
    (None, 0) when the sentence does not start by naming a body."""
    m = _ADDR_START.match(match)
    start = m.end() if m else 0
    if not _ADDR_HEAD.match(match, start):
        return None, 0
    end = _ADDR_END.search(match, start)
    stop = end.start() if end else len(match)
    name = text[start:stop].strip(" ,.:")
    if not name or len(name.split()) > 25:
        return None, 0
    return name, stop


def level_of(name: str) -> str | None:
    """The level of the body named first in an addressee (central, department, province,
    enterprise, commune), None when no level wording is in the name."""
    folded = fold(name)
    found = [(m.start(), lvl) for lvl, pattern in _LEVELS if (m := pattern.search(folded))]
    return min(found)[1] if found else None
