"""The union of half-open spans of a document, merged once and looked up by bisection.

Extractors ask "is this offset inside one of those spans" (the fact model: a number inside a
rule row) or "does this sentence touch one of them" (findings: a sentence inside a part). A
scan over every span per question is quadratic in a long document; this is logarithmic."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class SpanUnion:
    """Half-open spans `[start, end)` merged into disjoint sorted runs (empty spans dropped)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(s for s in spans if s[0] < s[1]):
            if self.ends and start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether `[start, end)` shares an offset with the union."""
        i = bisect_right(self.ends, start)
        return i < len(self.starts) and self.starts[i] < end

    def covers(self, start: int, end: int) -> bool:
        """Whether `[start, end)` (not empty) lies within one run of the union."""
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.ends[i]
