"""Sentence boundaries inside a line, for the `evidence` of a fact.

Reports pack several facts into one paragraph (`...; Kế hoạch số 08-KH/ĐU ...; Quyết định số
180-QĐ/ĐU ...`), so the evidence of a fact is the sentence or clause that holds it, not the
whole paragraph. A boundary is `.`, `;`, `!` or `?` followed by a space and a capital, a digit
or a list marker; abbreviations such as `TM.` or `TP.` are not boundaries."""

from __future__ import annotations

import regex

_BOUNDARY = regex.compile(r"(?<![A-ZĐ]{1,4})[.;!?](?:\s+)(?=[\p{Lu}\d\-+*•(“\"])|[;](?:\s+)")


def sentence_bounds(text: str, line_start: int, line_end: int, start: int, end: int) -> tuple[int, int]:
    """The [s, e) of the sentence in text[line_start:line_end] that covers [start, end),
    trimmed of surrounding white space."""
    s, e = line_start, line_end
    for m in _BOUNDARY.finditer(text, line_start, line_end):
        cut = m.start() + 1
        if cut <= start:
            s = m.end()
        elif m.start() >= end:
            e = cut
            break
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s > start or e < end:  # a span that straddles a boundary keeps all of it
        s, e = min(s, start), max(e, end)
    return s, e
