"""What a value must be, beyond its Arrow type: required columns, allowed values, ranges.

Checked on write by `schemas.validate` for every table. The allowed values are the ones the
output contract fixes (`shared/CONTRACT.md`); a new value is added here together with the
contract. Generic rules cover every table: `doc_id` is required (except in `errors`, where an
unreadable file has none), a column ending in `_pct` is a percentage (0-100), `share_*` a
share (0-1), `page` is 1-based, offsets are not negative."""

from __future__ import annotations

from dataclasses import dataclass, field

Range = tuple[float | None, float | None]


@dataclass(frozen=True)
class Rules:
    """Constraints of one table. `percent_when` names a (value column, unit column, unit)
    triple: rows whose unit is that unit hold a percentage in their value column."""

    required: tuple[str, ...] = ()
    allowed: dict[str, frozenset[str]] = field(default_factory=dict)
    ranges: dict[str, Range] = field(default_factory=dict)
    percent_when: tuple[str, str, str] | None = None


PERCENT: Range = (0.0, 100.0)
SHARE: Range = (0.0, 1.0)
NOT_NEGATIVE: Range = (0.0, None)

COMMON_RANGES: dict[str, Range] = {"page": (1.0, None), "char_start": NOT_NEGATIVE, "char_end": NOT_NEGATIVE,
                                   "span_start": NOT_NEGATIVE, "span_end": NOT_NEGATIVE}

TABLE_RULES: dict[str, Rules] = {
    "documents": Rules(required=("source_path", "source_format", "sha256"),
                       allowed={"commune_match": frozenset({"exact", "inferred", "ambiguous", "none"})}),
    "metrics": Rules(
        required=("metric", "value", "unit", "domain"),
        allowed={"unit": frozenset({"count", "percent", "ratio"}),
                 "domain": frozenset({"tthc", "staff", "infrastructure", "legal"})},
        ranges={"value": NOT_NEGATIVE},
        percent_when=("value", "unit", "percent"),
    ),
    "equipment": Rules(
        required=("category", "status"),
        allowed={"category": frozenset({"desktop", "laptop", "computer", "scanner", "printer", "photocopier", "server",
                                        "network_line", "video_conference", "other"}),
                 "status": frozenset({"present", "lacking", "required"}),
                 "storage_type": frozenset({"SSD", "HDD"})},
        ranges={"quantity": NOT_NEGATIVE, "ram_gb": NOT_NEGATIVE, "storage_gb": NOT_NEGATIVE,
                "monitor_inch": NOT_NEGATIVE, "cpu_generation": (1.0, None)},
    ),
    "dates": Rules(required=("text", "role"),
                   allowed={"role": frozenset({"report_date", "period_start", "period_end", "as_of", "issue_date",
                                               "signed_at", "other"})},
                   ranges={"day": (1.0, 31.0), "month": (1.0, 12.0)}),
    "references": Rules(allowed={"relation": frozenset({"issued", "cited", "pending"})}),
    "checks": Rules(required=("rule", "severity", "message"),
                    allowed={"severity": frozenset({"error", "warning", "info"})}),
    "errors": Rules(required=("source_path", "stage", "error_type", "message")),
    "commune_summary": Rules(required=("report_key",)),
    "entities": Rules(allowed={"label": frozenset({"PER", "ORG", "LOC"})}),
}


def rules_for(table: str, columns: list[str]) -> Rules:
    """The table's own rules with the generic ones added for the columns it has."""
    own = TABLE_RULES.get(table, Rules())
    ranges = {c: r for c, r in COMMON_RANGES.items() if c in columns}
    ranges.update({c: PERCENT for c in columns if c.endswith("_pct")})
    ranges.update({c: SHARE for c in columns if c.startswith("share_")})
    ranges.update(own.ranges)
    required = own.required if table == "errors" or "doc_id" not in columns else ("doc_id", *own.required)
    return Rules(required=required, allowed=own.allowed, ranges=ranges, percent_when=own.percent_when)
