"""The `metrics` component: every number a report states about procedures, dossiers, staff,
infrastructure totals and documents, one row per mention.

Number-first: `mentions` finds every number (and every stated zero) that may be a quantity
with the noun after it, `context` reads the wording around it (prose or table cells),
`kinds` decides what it counts, `naming` which metric the wording names, `qualifiers` what
it is conditioned on. The Vietnamese wording is in `extractors.vocab` (`statuses`,
`channels`, `counted`). Nothing is repaired: the checks that compare the numbers live in
`extractors.metric_checks`."""

from __future__ import annotations

from typing import Any

from datamodel import Document
from extractors.metrics import naming
from extractors.metrics import rules as R
from extractors.metrics.context import Context, context
from extractors.metrics.mentions import Mention, mentions
from extractors.metrics.qualifiers import PERIOD_HEADER, period_header, period_text, qualifier
from extractors.registry import Facts, register
from extractors.vocab import counted as N
from extractors.vocab.quantities import BREAKDOWN

_Totals = dict[str, tuple[dict[str, Any], float]]
"""Device metric → (the row of its last stated total, what its parts have not yet taken)."""
_DOMAINS = {"dossier": "tthc", "procedure": "tthc", "staff": "staff", "team": "staff",
            "device": "infrastructure", "line": "infrastructure", "document": "legal"}
_SHARE_LINK = R.one(N.SHARE_LINK)
_DEVICE_BREAKDOWN = R.one(BREAKDOWN)


def _part_of_total(doc: Document, m: Mention, metric: str, totals: _Totals) -> bool:
    """A device count that is one of the parts of a total stated just before it in its section
    (`Máy scan: 03 máy, gồm 02 máy Canon ... và 01 máy Fujitsu ...`): the total is the metric,
    the parts are rows of the `equipment` table. Takes the part from what `totals` has left."""
    total, left = totals.get(metric, (None, 0.0))
    if total is None or m.value > left or doc.section_at(total["span_start"]) is not doc.section_at(m.start):
        return False
    if _DEVICE_BREAKDOWN.search(doc.match, total["span_end"], m.start) is None:
        return False
    totals[metric] = (total, left - m.value)
    return True


def _share_of(ctx: Context, last: dict[str, Any] | None, sent_start: int) -> str | None:
    """The share metric when the percent follows a count in the same sentence (`1794 chiếm 66,64%`)."""
    if last is None or last["char_start"] != sent_start or last["unit"] != "count":
        return None
    return naming.pct_name(last["metric"]) if _SHARE_LINK.search(ctx.left) else None


def _label_end(doc: Document, m: Mention, ctx: Context, found: tuple[str, str] | None) -> int:
    """Where the wording of a mention ends: after its noun, or after the status or channel
    written after the noun (`2.450 hồ sơ đúng hạn và 38 hồ sơ trễ hạn`), which then belongs
    to this count and not to the next one; never past a bracket, whose numbers are read."""
    if ctx.in_table or found is None or found[1] not in ("dossier", "procedure"):
        return m.after
    labelled = R.status(ctx.right) or R.channel(ctx.right)
    return m.after + len(doc.match[m.after : m.after + len(ctx.right)].split("(")[0]) if labelled else m.after


def metric_rows(doc: Document) -> list[dict[str, Any]]:
    """Every metric mention of a document, in reading order."""
    headers = list(PERIOD_HEADER.finditer(doc.match))
    rows: list[dict[str, Any]] = []
    totals: _Totals = {}
    prev_after, last = 0, None
    for m in mentions(doc):
        if m.start < prev_after:
            continue
        ctx = context(doc, m, prev_after)
        sent_start = doc.sentence_span(m.start, m.end).start
        share = _share_of(ctx, last, sent_start) if m.percent and not naming.not_a_figure(ctx) else None
        found = (share, last["domain_family"]) if share and last else naming.metric(doc, m, ctx)
        prev_after = _label_end(doc, m, ctx, found)
        if found is None or (found[1] == "device" and _part_of_total(doc, m, found[0], totals)):
            continue
        header = period_header(doc, m.start, headers)
        row = doc.fact(
            m.start, m.end, domain=_DOMAINS[found[1]], metric=found[0], value=m.value,
            unit="percent" if m.percent else "count", qualifier=qualifier(ctx, header, found[0]),
            period_text=period_text(doc, m, header),
        )
        rows.append(row)
        last = {**row, "domain_family": found[1]}
        if found[1] == "device":
            totals[found[0]] = (row, m.value)
    return rows


@register("metrics", assigns=("metrics",))
def extract_metrics(doc: Document, facts: Facts) -> Facts:
    """The `metrics` rows of one document."""
    return {"metrics": [{**row, "source": "rule"} for row in metric_rows(doc)]}
