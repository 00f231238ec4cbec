"""Sentence boundaries inside a line, for the `evidence` of a fact.

Reports pack several facts into one paragraph (`...; Kế hoạch số 08-KH/ĐU ...; Quyết định số
180-QĐ/ĐU ...`), so the evidence of a fact is the sentence or clause that holds it, not the
whole paragraph. A boundary is `.`, `;`, `!` or `?` followed by a space and a capital, a digit
or a list marker; abbreviations such as `TM.` or `TP.` are not boundaries.

The boundaries of a stretch of lines are found once and kept (`SentenceIndex`), and each fact's
sentence is then two binary searches: asking for the sentences of many facts on one long line
(a report pasted without line breaks) costs linear time, not time proportional to the line
for every fact."""

from __future__ import annotations

import bisect

import regex

_BOUNDARY = regex.compile(r"(?<![A-ZĐ]{1,4})[.;!?](?:\s+)(?=[\p{Lu}\d\-+*•(“\"])|[;](?:\s+)")


def _trim(text: str, s: int, e: int, start: int, end: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s > start or e < end:  # a span that straddles a boundary keeps all of it
        s, e = min(s, start), max(e, end)
    return s, e


class SentenceIndex:
    """The sentence boundaries of one text, found once per stretch of lines asked about."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._cuts: dict[tuple[int, int], tuple[list[int], list[int]]] = {}

    def _boundaries(self, line_start: int, line_end: int) -> tuple[list[int], list[int]]:
        key = (line_start, line_end)
        if key not in self._cuts:
            found = list(_BOUNDARY.finditer(self.text, line_start, line_end))
            self._cuts[key] = ([m.start() for m in found], [m.end() for m in found])
        return self._cuts[key]

    def bounds(self, line_start: int, line_end: int, start: int, end: int) -> tuple[int, int]:
        """As `sentence_bounds`, from the kept boundaries of text[line_start:line_end]."""
        starts, ends = self._boundaries(line_start, line_end)
        s, e = line_start, line_end
        before = bisect.bisect_right(starts, start - 1)  # boundaries whose cut (start + 1) <= start
        if before:
            s = ends[before - 1]
        after = bisect.bisect_left(starts, end, before)  # first boundary at or after `end`
        if after < len(starts):
            e = starts[after] + 1
        return _trim(self.text, s, e, start, end)


def sentence_bounds(text: str, line_start: int, line_end: int, start: int, end: int) -> tuple[int, int]:
    """The [s, e) of the sentence in text[line_start:line_end] that covers [start, end),
    trimmed of surrounding white space (one-off use; a document keeps a `SentenceIndex`)."""
    return SentenceIndex(text).bounds(line_start, line_end, start, end)


def sentence_ends(text: str) -> list[tuple[int, int]]:
    """Every boundary in `text` as (end of the sentence, start of the next)."""
    return [(m.start() + 1, m.end()) for m in _BOUNDARY.finditer(text)]
