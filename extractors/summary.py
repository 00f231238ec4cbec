"""The `summary` component: one wide `commune_summary` row per report, for BI tools.

It reads only the rows other components produced (`facts`), never the text: who reports
and when (the `documents` row of `metadata`) with a `report_key` that is the same for every
rendition of one report (DOCX, PDF, TXT of the same letter), the first mention of each key
metric, figures summed over the equipment rows, counts of checks by
severity and of distinct references by relation, and the first report/period dates. Any
table may be absent (a component not written yet, or a report without such facts): its
columns are then null, or 0 for counts. Its `requires=` makes it run after every component
that writes one of those tables (the checks of dates, references, metadata, equipment ...).
Keeping one row per report across renditions needs all documents: `pipeline.outputs.summary`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import regex

from datamodel import Document
from extractors.equipment import COMPUTERS
from extractors.equipment.specs import is_windows_10
from extractors.registry import Facts, Row, register
from extractors.vocab.quantities import BREAKDOWN
from extractors.vocab.specs import CPU_MIN_GENERATION, RAM_MIN_GB, SYSTEM_DISK
from pipeline.textforms import fold
from schemas.commune_summary import KEY_METRICS
from schemas.findings import CATEGORIES as FINDING_CATEGORIES

SPEC_FIELDS = ("cpu_model", "cpu_family", "ram_gb", "storage_type", "storage_gb", "monitor_inch", "os")
"""Equipment fields that make a machine count as described (computers_with_specs)."""


def _first(rows: Iterable[Row]) -> Row | None:
    """The row mentioned first in the text (rows without offsets keep their order)."""
    ordered = sorted(rows, key=lambda r: r["span_start"] if r.get("span_start") is not None else float("inf"))
    return ordered[0] if ordered else None


def metric_columns(metrics: list[Row]) -> dict[str, float | None]:
    """The value of the first mention of each key metric."""
    out: dict[str, float | None] = {}
    for name in KEY_METRICS:
        first = _first(r for r in metrics if r.get("metric") == name)
        out[name] = first["value"] if first else None
    return out


def _quantity(row: Row) -> float:
    """A row's quantity, an unknown one counted as 1."""
    return 1.0 if row.get("quantity") is None else float(row["quantity"])


def _total(rows: Iterable[Row], keep: Callable[[Row], bool]) -> float:
    return sum(_quantity(r) for r in rows if keep(r))


_OPENS_PARTS = regex.compile(rf"[^.;\n]*?(?:\(|(?<!\p{{L}})(?:{BREAKDOWN})(?!\p{{L}}))")
"""Between a computer total and the first machine after it: a bracket or a word that opens its parts."""


def _kind_parts(machines: list[Row]) -> set[int]:
    """Rows (by position) that detail a stated computer total by kind (`09 máy tính, trong đó 05
    để bàn, 03 xách tay`): desktops and laptops after a total of kind `computer` in its sentence,
    after a breakdown word, while they stay within the total. The equipment rows keep them
    beside the total when they do not add up to it; counted again they would double it."""
    parts: set[int] = set()
    for total in machines:
        if total.get("category") != "computer" or total.get("quantity") is None or total.get("evidence") is None:
            continue
        after = sorted(((j, r) for j, r in enumerate(machines) if r.get("char_start") == total["char_start"]
                        and r.get("span_start") is not None and r["span_start"] >= total["span_end"]),
                       key=lambda jr: jr[1]["span_start"])
        if not after or after[0][1].get("category") not in ("desktop", "laptop"):
            continue
        gap = total["evidence"][total["span_end"] - total["char_start"] : after[0][1]["span_start"] - total["char_start"]]
        if not _OPENS_PARTS.match(fold(gap)):
            continue
        left = float(total["quantity"])
        for j, row in after:
            if row.get("category") not in ("desktop", "laptop") or row.get("quantity") is None or row["quantity"] > left:
                break
            parts.add(j)
            left -= row["quantity"]
    return parts


def equipment_columns(equipment: list[Row]) -> dict[str, object]:
    """Equipment figures: present computers (a stated total once, never plus its kind parts)
    and how many fall below the usual minimums, other devices present, and what is lacking."""
    present = [r for r in equipment if r.get("status") == "present"]
    machines = [r for r in present if r.get("category") in COMPUTERS]
    parts = _kind_parts(machines)
    counted = [r for i, r in enumerate(machines) if i not in parts]
    with_disk = [r for r in machines if r.get("storage_type")]
    lacking = [r for r in equipment if r.get("status") == "lacking"]
    ssd = _total(with_disk, lambda r: r["storage_type"] == "SSD")
    return {
        "computers": _total(counted, lambda r: True),
        "computers_with_specs": _total(machines, lambda r: any(r.get(f) is not None for f in SPEC_FIELDS)),
        "computers_ram_below_8gb": _total(machines, lambda r: r.get("ram_gb") is not None and r["ram_gb"] < RAM_MIN_GB),
        "computers_hdd": _total(machines, lambda r: r.get("storage_type") not in (None, SYSTEM_DISK)),
        "computers_cpu_below_gen8": _total(
            machines, lambda r: r.get("cpu_vendor") == "Intel" and r.get("cpu_generation") is not None and r["cpu_generation"] < CPU_MIN_GENERATION),
        "computers_windows_10": _total(machines, lambda r: is_windows_10(r.get("os"))),
        "share_ssd": ssd / _total(with_disk, lambda r: True) if with_disk else None,
        "scanners": _total(present, lambda r: r.get("category") == "scanner"),
        "printers": _total(present, lambda r: r.get("category") == "printer"),
        "photocopiers": _total(present, lambda r: r.get("category") == "photocopier"),
        "items_lacking": _total(lacking, lambda r: True),
        "lacking_categories": ", ".join(sorted({r["category"] for r in lacking})) or None,
    }


def count_columns(checks: list[Row], references: list[Row]) -> dict[str, int]:
    """Checks by severity and distinct references (canonical) by relation."""
    def distinct(relation: str) -> int:
        return len({r.get("canonical") for r in references if r.get("relation") == relation and r.get("canonical")})

    return {
        "checks_errors": sum(1 for r in checks if r.get("severity") == "error"),
        "checks_warnings": sum(1 for r in checks if r.get("severity") == "warning"),
        "references_issued": distinct("issued"),
        "references_cited": distinct("cited"),
    }


def request_columns(findings: list[Row]) -> dict[str, int]:
    """How many recommendations the report makes about each category (for counting requests across communes)."""
    asked = [f["category"] for f in findings if f.get("kind") == "recommendation"]
    return {f"requests_{c}": asked.count(c) for c in FINDING_CATEGORIES}


def date_columns(dates: list[Row]) -> dict[str, object]:
    """The first complete date of each role report_date, period_start, period_end."""
    out: dict[str, object] = {}
    for role in ("report_date", "period_start", "period_end"):
        first = _first(r for r in dates if r.get("role") == role and r.get("date") is not None)
        out[role] = first["date"] if first else None
    return out


def _slug(text: str | None, most: int = 60) -> str:
    """Letters and digits of `text` in matching form, for a key that ignores spacing."""
    return "".join(ch for ch in fold(text or "") if ch.isalnum())[:most]


def report_key(doc_id: str, meta: Row, dates: Row) -> str:
    """`commune|when|number/symbol`, equal for renditions of one report: the commune's official
    code (else its name as written), the report date (else the period, else the year and the
    title, so two undated reports stay apart) and the report's number and symbol. A report
    without a commune, or without date, period and title, cannot be tied to another safely:
    its key is its own doc_id (a report kept twice is better than two reports merged)."""
    commune = meta.get("commune_code") or _slug(meta.get("commune"))
    if not commune:
        return f"doc:{doc_id}"
    if dates.get("report_date"):
        when = str(dates["report_date"])
    elif dates.get("period_start") or dates.get("period_end"):
        when = f"{dates.get('period_start') or ''}..{dates.get('period_end') or ''}"
    elif _slug(meta.get("title")):
        when = f"{meta.get('report_year') or ''}:{_slug(meta.get('title'))}"
    else:
        return f"doc:{doc_id}"  # nothing tells two undated, untitled reports apart: never merge them
    symbol = "/".join(str(meta[k]) for k in ("doc_number", "doc_symbol") if meta.get(k))
    return f"{commune}|{when}|{symbol}"


def identity_columns(doc: Document, meta: Row, dates: Row) -> Row:
    """Who reports, when, and from which file: the columns every use of the table starts with."""
    return {
        "report_key": report_key(doc.doc_id, meta, dates),
        "commune": meta.get("commune"),
        "commune_code": meta.get("commune_code"),
        "province_name": meta.get("province_name"),
        "province_code": meta.get("province_code"),
        "doc_symbol": meta.get("doc_symbol"),
        "doc_number": meta.get("doc_number"),
        "source_path": doc.source_path,
        "source_format": doc.source_format,
    }


def summary_row(doc: Document, facts: Facts) -> Row:
    """The `commune_summary` row of one report from its facts. The report's dates are the
    `documents` row's (read from the header) where it has them, else the first dated mention."""
    meta = (facts.get("documents") or [{}])[0]
    dates = date_columns(facts.get("dates", []))
    dates.update({k: meta[k] for k in dates if meta.get(k) is not None})
    return {
        "doc_id": doc.doc_id,
        **identity_columns(doc, meta, dates),
        **metric_columns(facts.get("metrics", [])),
        **equipment_columns(facts.get("equipment", [])),
        **count_columns(facts.get("checks", []), facts.get("references", [])),
        **request_columns(facts.get("findings", [])),
        **dates,
        "renditions": 1,
        "rendition_doc_ids": doc.doc_id,
    }


@register("summary", requires=("documents", "metrics", "equipment", "checks", "references", "dates", "findings"),
          assigns=("commune_summary",))
def extract_summary(doc: Document, facts: Facts) -> Facts:
    """One `commune_summary` row per report."""
    return {"commune_summary": [summary_row(doc, facts)]}
