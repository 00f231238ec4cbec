"""The `metric_checks` component: consistency rules over one report's `metrics` rows.

Reports contradict themselves (parts that do not add up to the stated total, shares that do
not add up to 100 %, a share that does not match its counts, a part larger than its whole).
Each failed rule gives one `checks` row naming the metrics involved, with the evidence of the
stated total's sentence; no number is ever changed. Only figures of the same time basis are
compared: a cumulative figure (`lũy kế`) is never compared with a weekly or period one, and
approximate figures (`khoảng`, `hơn`, `ít nhất`) are left out. When a metric is stated more
than once on the same basis, its first mention is the one compared.
"""

from __future__ import annotations

from typing import Any

from datamodel import Document
from extractors.registry import Facts, register

EARLY_AND_ON_TIME = "dossiers_resolved_early_and_on_time"
"""How an on-time figure stated jointly with early ones (qualifier `early_and_on_time`,
`trước và đúng hạn`) is compared: a part of its own, never the on-time part alone."""

SUMS: tuple[tuple[str, str, tuple[tuple[str, ...], ...]], ...] = (
    ("dossiers_received_sum", "dossiers_received", (
        ("dossiers_received_online_full", "dossiers_received_online_partial", "dossiers_received_direct"),
        ("dossiers_received_online", "dossiers_received_direct"),
    )),
    ("dossiers_total_sum", "dossiers_total", (("dossiers_received", "dossiers_carried_over"),)),
    ("procedures_total_sum", "procedures_total", (
        ("procedures_online_full", "procedures_online_partial", "procedures_direct"),
        ("procedures_online_full", "procedures_partial_or_direct"),
    )),
    ("dossiers_resolved_sum", "dossiers_resolved", (
        ("dossiers_resolved_early", "dossiers_resolved_on_time", "dossiers_resolved_overdue"),
        (EARLY_AND_ON_TIME, "dossiers_resolved_overdue"),
    )),
    ("dossiers_in_progress_sum", "dossiers_in_progress", (
        ("dossiers_in_progress_on_time", "dossiers_in_progress_overdue"),
    )),
)
"""(rule, total, alternative decompositions): the first decomposition whose parts are all
stated must add up to the total."""

SHARE_SETS: tuple[tuple[str, ...], ...] = (
    ("dossiers_online_full_pct", "dossiers_online_partial_pct", "dossiers_direct_pct"),
    ("dossiers_online_pct", "dossiers_direct_pct"),
)
"""Channel shares that together cover every dossier: the first set fully stated must make 100 %."""

SHARE_COUNTS: dict[str, tuple[str, str]] = {
    "dossiers_online_full_pct": ("dossiers_received_online_full", "dossiers_received"),
    "dossiers_online_partial_pct": ("dossiers_received_online_partial", "dossiers_received"),
    "dossiers_direct_pct": ("dossiers_received_direct", "dossiers_received"),
    "dossiers_online_pct": ("dossiers_received_online", "dossiers_received"),
    "procedures_online_full_with_dossiers_pct": ("procedures_online_full_with_dossiers", "procedures_online_full"),
    "procedures_online_partial_with_dossiers_pct": ("procedures_online_partial_with_dossiers", "procedures_online_partial"),
    "procedures_direct_with_dossiers_pct": ("procedures_direct_with_dossiers", "procedures_direct"),
}
"""share → (its count, the count it is a share of): the share must equal count / whole."""

PARTS: dict[str, tuple[str, ...]] = {
    "dossiers_total": (
        "dossiers_received", "dossiers_carried_over", "dossiers_resolved", "dossiers_resolved_early",
        "dossiers_resolved_on_time", "dossiers_resolved_overdue", "dossiers_in_progress",
        "dossiers_in_progress_on_time", "dossiers_in_progress_overdue", "dossiers_withdrawn",
    ),
    "dossiers_received": (
        "dossiers_received_online", "dossiers_received_online_full", "dossiers_received_online_partial",
        "dossiers_received_direct", "dossiers_received_late",
    ),
    "dossiers_resolved": ("dossiers_resolved_early", "dossiers_resolved_on_time", "dossiers_resolved_overdue",
                          EARLY_AND_ON_TIME),
    "dossiers_in_progress": ("dossiers_in_progress_on_time", "dossiers_in_progress_overdue"),
    "procedures_total": (
        "procedures_online_full", "procedures_online_partial", "procedures_direct", "procedures_partial_or_direct",
    ),
    "procedures_online_full": ("procedures_online_full_with_dossiers",),
    "procedures_online_partial": ("procedures_online_partial_with_dossiers",),
    "procedures_direct": ("procedures_direct_with_dossiers",),
}
"""whole → its parts: no part may be larger than the whole."""

SHARE_TOLERANCE = 0.5
"""Percentage points a share may differ from 100 % or from its counts (rounding)."""

_INEXACT = ("more_than", "at_least", "approximately")

Row = dict[str, Any]


def _fmt(value: float) -> str:
    """A value as the report would write it, without a trailing `.0`."""
    return f"{value:g}"


def _bases(rows: list[Row]) -> list[dict[str, Row]]:
    """The exact figures by time basis (cumulative apart from the rest), first mention of each metric."""
    bases: dict[str, dict[str, Row]] = {}
    for row in rows:
        if row.get("qualifier") in _INEXACT:
            continue
        basis = "cumulative" if row.get("qualifier") == "cumulative" else "period"
        joint = row.get("qualifier") == "early_and_on_time" and row["metric"] == "dossiers_resolved_on_time"
        bases.setdefault(basis, {}).setdefault(EARLY_AND_ON_TIME if joint else row["metric"], row)
    return list(bases.values())


def _check(doc: Document, anchor: Row, rule: str, severity: str, message: str, names: list[str]) -> Row:
    """A `checks` row whose evidence is the anchor metric's sentence."""
    return doc.fact(anchor["span_start"], anchor["span_end"], rule=rule, severity=severity,
                    message=message, metrics=",".join(names))


def _stated(figures: dict[str, Row], names: tuple[str, ...]) -> bool:
    return all(name in figures for name in names)


def _sum_checks(doc: Document, figures: dict[str, Row]) -> list[Row]:
    """Totals that differ from the sum of their stated parts (warning)."""
    out = []
    for rule, total, options in SUMS:
        parts = next((p for p in options if _stated(figures, p)), None)
        if total not in figures or parts is None:
            continue
        stated = figures[total]["value"]
        added = sum(figures[p]["value"] for p in parts)
        if abs(stated - added) > 1e-9:
            terms = " + ".join(_fmt(figures[p]["value"]) for p in parts)
            msg = f"{total} = {_fmt(stated)} but {' + '.join(parts)} = {terms} = {_fmt(added)}"
            out.append(_check(doc, figures[total], rule, "warning", msg, [total, *parts]))
    return out


def _share_sum_checks(doc: Document, figures: dict[str, Row]) -> list[Row]:
    """Channel shares that do not add up to 100 % (warning)."""
    shares = next((s for s in SHARE_SETS if _stated(figures, s)), None)
    if shares is None:
        return []
    added = sum(figures[s]["value"] for s in shares)
    if abs(added - 100.0) <= SHARE_TOLERANCE:
        return []
    msg = f"{' + '.join(shares)} = {_fmt(round(added, 2))} %, not 100 %"
    return [_check(doc, figures[shares[0]], "dossiers_channel_shares_sum", "warning", msg, list(shares))]


def _share_count_checks(doc: Document, figures: dict[str, Row]) -> list[Row]:
    """Shares that contradict their own counts (`1794 chiếm 66,64%` of 2692) (warning)."""
    out = []
    for share, (count, whole) in SHARE_COUNTS.items():
        if not _stated(figures, (share, count, whole)) or figures[whole]["value"] == 0:
            continue
        computed = 100.0 * figures[count]["value"] / figures[whole]["value"]
        stated = figures[share]["value"]
        if abs(computed - stated) > SHARE_TOLERANCE:
            msg = (f"{share} = {_fmt(stated)} % but {count} / {whole} = {_fmt(figures[count]['value'])} / "
                   f"{_fmt(figures[whole]['value'])} = {computed:.2f} %")
            out.append(_check(doc, figures[whole], "share_matches_counts", "warning", msg, [share, count, whole]))
    return out


def _part_checks(doc: Document, figures: dict[str, Row]) -> list[Row]:
    """Parts larger than their whole (error)."""
    out = []
    for whole, parts in PARTS.items():
        if whole not in figures:
            continue
        for part in parts:
            if part in figures and figures[part]["value"] > figures[whole]["value"]:
                msg = f"{part} = {_fmt(figures[part]['value'])} is larger than {whole} = {_fmt(figures[whole]['value'])}"
                out.append(_check(doc, figures[whole], "part_exceeds_total", "error", msg, [part, whole]))
    return out


def metric_check_rows(doc: Document, metrics: list[Row]) -> list[Row]:
    """Every failed consistency rule over one document's metrics."""
    rules = (_sum_checks, _share_sum_checks, _share_count_checks, _part_checks)
    return [row for figures in _bases(metrics) for rule in rules for row in rule(doc, figures)]


@register("metric_checks", requires=("metrics",), assigns=("checks",))
def extract_metric_checks(doc: Document, facts: Facts) -> Facts:
    """The `checks` rows of one document's metrics."""
    return {"checks": metric_check_rows(doc, facts.get("metrics", []))}
