"""What a number is conditioned on (cumulative, approximate, in the week or period) and the
period stated near it: in its sentence, in a period header line above it, or in its section
heading."""

from __future__ import annotations

import re

from datamodel import Document
from extractors.fast_regex import fast_compiled
from extractors.metrics import rules as R
from extractors.metrics.context import Context, section_path
from extractors.metrics.mentions import Mention
from extractors.vocab import counted as N

_PERIOD_INLINE = R.one(N.PERIOD_INLINE)
PERIOD_HEADER = fast_compiled(N.PERIOD_HEADER.pattern)
"""Run by the standard library's `re`, which reads it as `regex` does (`fast_regex`): the whole
text is scanned for it, and `regex` tried its line-start anchor at every character (three times
the cost; a tenth of the metrics' time on the bench reports)."""


def period_header(doc: Document, offset: int, headers: list[re.Match[str]]) -> re.Match[str] | None:
    """The last period header line before `offset` in the same section (or an ancestor)."""
    path = section_path(doc, offset)
    for h in reversed(headers):
        if h.end() <= offset and (doc.section_at(h.start()) in path or not doc.sections):
            return h
    return None


def qualifier(ctx: Context, header: re.Match[str] | None, metric: str) -> str | None:
    """What the number is conditioned on, from its clause, the label that opens its sentence
    (`Lũy kế từ đầu năm: tiếp nhận ..., giải quyết ...`), the words before it, or the period
    header above it."""
    before = ctx.raw_left[-20:]
    label = ctx.far.split(":", 1)[0] if ":" in ctx.far else ""
    clause = label + " | " + ctx.raw_left + " " + ctx.right
    for name, where, pattern in R.QUALIFIERS:
        if name == "early_and_on_time" and not metric.startswith("dossiers_resolved_on_time"):
            continue
        if pattern.search(before if where == "before" else clause):
            return name
    if header is not None:
        return "in_week" if "tuần" in header.group("period") else "in_period"
    return None


def period_text(doc: Document, m: Mention, header: re.Match[str] | None) -> str | None:
    """The period stated near the number: in its sentence, in the header line above it, or
    in the heading of its section."""
    sent = doc.sentence_span(m.start, m.end)
    inline = _PERIOD_INLINE.search(doc.match, sent.start, sent.end)
    if inline:
        return doc.text[inline.start() : inline.end()]
    if header is not None:
        return doc.text[header.start("period") : header.end("period")].strip()
    for sec in reversed(section_path(doc, m.start)):
        hit = _PERIOD_INLINE.search(doc.match, sec.start, sec.heading_end)
        if hit:
            return doc.text[hit.start() : hit.end()]
    return None
