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

_BOUNDARY_FORM = r"(?<![A-ZĐ]{{1,4}})[.;!?](?:{space}+)(?=[\p{{Lu}}\d\-+*•(“\"])|[;](?:{space}+)"
_BOUNDARY = regex.compile(_BOUNDARY_FORM.format(space=r"\s"))
_LINE_BOUNDARY = regex.compile(_BOUNDARY_FORM.format(space=r"[^\S\n]"))
"""`_BOUNDARY` kept within a line: its white space stops at a line break. Scanned over the
whole text it finds, inside each line, the boundaries `_BOUNDARY` finds in that line alone: a
match cannot cross a line break, and the scan starts afresh after each one (the lookahead sees
the break where a line's own scan sees its end; neither matches there)."""


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
        self._line_cuts: tuple[list[int], list[int]] | None = None
        self._cuts: dict[tuple[int, int], tuple[list[int], list[int]]] = {}

    def _boundaries(self, line_start: int, line_end: int) -> tuple[list[int], list[int], int, int]:
        """The kept boundary starts and ends, and the range of them inside text[line_start:line_end].
        A stretch of one line reads them from one scan of the whole text (most facts ask about
        a line of their own, and one scan costs less than a scan per line asked about); a
        stretch of several lines, where `_BOUNDARY` may cross a line break, is scanned alone."""
        if self.text.find("\n", line_start, line_end) < 0:
            if self._line_cuts is None:
                found = list(_LINE_BOUNDARY.finditer(self.text))
                self._line_cuts = ([m.start() for m in found], [m.end() for m in found])
            starts, ends = self._line_cuts
            first = bisect.bisect_left(starts, line_start)
            return starts, ends, first, bisect.bisect_left(starts, line_end, first)
        key = (line_start, line_end)
        if key not in self._cuts:
            found = list(_BOUNDARY.finditer(self.text, line_start, line_end))
            self._cuts[key] = ([m.start() for m in found], [m.end() for m in found])
        starts, ends = self._cuts[key]
        return starts, ends, 0, len(starts)

    def bounds(self, line_start: int, line_end: int, start: int, end: int) -> tuple[int, int]:
        """As `sentence_bounds`, from the kept boundaries of text[line_start:line_end]."""
        starts, ends, first, stop = self._boundaries(line_start, line_end)
        s, e = line_start, line_end
        before = bisect.bisect_right(starts, start - 1, first, stop)  # boundaries whose cut (start + 1) <= start
        if before > first:
            s = ends[before - 1]
        after = bisect.bisect_left(starts, end, before, stop)  # first boundary at or after `end`
        if after < stop:
            e = starts[after] + 1
        return _trim(self.text, s, e, start, end)


def sentence_bounds(text: str, line_start: int, line_end: int, start: int, end: int) -> tuple[int, int]:
    """The [s, e) of the sentence in text[line_start:line_end] that covers [start, end),
    trimmed of surrounding white space (one-off use; a document keeps a `SentenceIndex`)."""
    return SentenceIndex(text).bounds(line_start, line_end, start, end)


def sentence_ends(text: str) -> list[tuple[int, int]]:
    """Every boundary in `text` as (end of the sentence, start of the next)."""
    return [(m.start() + 1, m.end()) for m in _BOUNDARY.finditer(text)]
