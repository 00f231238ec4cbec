"""Wrap hints: does a body line run to the right edge of the text column, so that the
layout (not the writer) broke it? The hint goes to normalisation, which rejoins lines into
paragraphs (`pipeline.reflow`); lines are never joined here."""

from __future__ import annotations

from collections import defaultdict

from pipeline.ingest.pdf.page import Line, Page, column_edges


def hint_wraps(pages: list[Page]) -> None:
    """Set `wrapped` on body and footnote lines from their slack to the column's edges."""
    by_width: dict[int, list[Line]] = defaultdict(list)
    for page in pages:
        by_width[round(page.width)].extend(page.body())
    edges = {width: column_edges(lines) for width, lines in by_width.items() if lines}
    for region in ("body", "footnote"):
        stream = [(line, page) for page in pages for line in page.lines if line.region == region]
        for k, (line, page) in enumerate(stream):
            following = stream[k + 1][0] if k + 1 < len(stream) else None
            left, right = edges.get(round(page.width), (line.x0, line.x1))
            line.wrapped = _runs_to_edge(line, following, left, right)


def _runs_to_edge(line: Line, following: Line | None, left: float, right: float) -> bool:
    """True when the first word of the next line would not have fitted on this one, i.e. the
    line was broken by the layout rather than by the writer. A centred line counts the slack
    on both sides; a line that starts far right (right-aligned, a second column) and the
    last line never wrap."""
    if following is None:
        return False
    char = (line.x1 - line.x0) / max(len(line.text), 1)
    slack = right - line.x1
    indent = line.x0 - left
    if indent > 3 * char and abs(indent - slack) <= 2 * char:
        slack += indent
    elif indent > (right - left) / 4:
        return False
    next_char = (following.x1 - following.x0) / max(len(following.text), 1)
    room = (len(following.text.split()[0]) + 1) * next_char
    return slack <= room + char
