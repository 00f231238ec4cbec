"""Report metadata for the `documents` table: who issued it, for which commune, when, to whom.

Reads only what segmentation and the other components produced: the typed header fields
(`Document.header`: issuer lines, number and symbol, place and date parts, subject, recipients,
signer block), the zones, and the `dates` rows by role (report date, period). The commune and
its province clues come from `extractors.report_commune`, resolved to official codes by
`extractors.admin_units`. A text without a header keeps its header fields empty: a news dateline
is not a report date, a number cited in the body is not the report's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import regex

from datamodel import Document, Span
from extractors import admin_units as au
from extractors import report_commune as rc
from extractors.registry import Facts, Row, register
from extractors.vocab import bodies, periods
from pipeline.textforms import fold

_PARTY_SYMBOL = regex.compile(r"^\p{L}+/")
_ISSUER_KINDS = [(kind.name, regex.compile(kind.pattern)) for kind in bodies.ISSUER_KINDS]

PAIR_GAP = 80
"""Most characters between a period start and its end for the two to form one range."""


def _issuer_kind(issuer: str | None, symbol: str | None, doc: Document) -> str | None:
    """`state`, `party` or `front`: from the issuer's words, else the symbol's style
    (`BC/ĐU` is Party style), else the header motto."""
    folded = fold(issuer) if issuer else ""
    for name, pattern in _ISSUER_KINDS:
        if issuer and pattern.search(folded):
            return name
    if symbol:
        return "party" if _PARTY_SYMBOL.match(symbol) else "state"
    return doc.header.motto_kind


# --- dates ----------------------------------------------------------------------------------
def _in_zones(doc: Document, row: Row, zones: tuple[str, ...]) -> bool:
    return doc.zone_at(row["span_start"]) in zones


def _pairs(rows: list[Row]) -> list[tuple[Row, Row]]:
    """Period start rows with the period end that closes them, in reading order."""
    ends = [r for r in rows if r.get("role") == "period_end"]
    pairs = []
    for start in (r for r in rows if r.get("role") == "period_start"):
        end = next((e for e in ends if 0 <= e["span_start"] - start["span_end"] <= PAIR_GAP), None)
        if end is not None:
            pairs.append((start, end))
    return pairs


def _period(doc: Document, dates: list[Row]) -> tuple[dt.date | None, dt.date | None]:
    """The reporting period: a range in the period line, subject, opening or closing; else a
    complete range anywhere (a lone `từ ngày 01/7/2025 đến nay` in the body is not the
    period); else lone ends in those zones, an `(Đến ngày ...)` line closing the period."""
    rows = sorted(dates, key=lambda r: r["span_start"])
    own = [r for r in rows if _in_zones(doc, r, periods.PERIOD_ZONES)]
    pairs = _pairs(own) or _pairs(rows)
    if pairs:
        return pairs[0][0].get("date"), pairs[0][1].get("date")
    lone = [r for r in own if r.get("role") == "period_start"] or [
        r for r in rows if r.get("role") == "period_start" and not r.get("is_range")
    ]  # `Tính từ ngày 1/7 đến cuối tháng 10, ... đã tiếp nhận ...`: a start the figures' sentence gives
    start = lone[0].get("date") if lone else None
    ends = [r for r in own if r.get("role") == "period_end" or (r.get("role") == "as_of" and _in_zones(doc, r, ("period",)))]
    return start, ends[0].get("date") if ends else None


def _report_date(doc: Document, dates: list[Row]) -> dt.date | None:
    """The report date from the dates rows (role `report_date`, the place/date line first),
    else from the header's date parts when they make a date."""
    rows = sorted((r for r in dates if r.get("role") == "report_date"), key=lambda r: not _in_zones(doc, r, ("place_date",)))
    if rows:
        return rows[0].get("date")
    h = doc.header
    try:
        return dt.date(h.year, h.month, h.day) if h.year and h.month and h.day else None
    except ValueError:
        return None


# --- assembly ---------------------------------------------------------------------------
def _resolution_fields(res: au.Resolution, clues: list[au.ProvinceClue]) -> dict[str, Any]:
    unit = res.unit
    clue = res.clue or (clues[0] if clues else None)
    return {
        "province": clue.written if clue else None,
        "commune_code": unit.code if unit else None,
        "commune_name": unit.name if unit else None,
        "province_code": unit.province_code if unit else None,
        "province_name": unit.province_name if unit else None,
        "commune_match": res.match,
    }


def _check(doc: Document, mention: rc.Mention, res: au.Resolution) -> list[Row]:
    """A warning row for a commune that is unknown, ambiguous or in another province."""
    if not res.warning:
        return []
    rule = {au.MATCH_NONE: "commune_not_found", au.MATCH_AMBIGUOUS: "commune_ambiguous"}.get(res.match, "commune_province_conflict")
    return [doc.fact(mention.start, mention.end, rule=rule, severity="warning", message=res.warning, metrics="")]


def _joined(fields: Any, sep: str = " ") -> str | None:
    """Header field values joined (None when there are none)."""
    return sep.join(f if isinstance(f, str) else f.text for f in fields) or None


def _unit_spans(entities: list[Row]) -> list[Span]:
    """Where the entities component recognised a body or a place (its ORG and LOC rows)."""
    return [Span(e["span_start"], e["span_end"]) for e in entities if e.get("label") in ("ORG", "LOC")]


@register("metadata", requires=("dates", "entities"), assigns=("documents", "checks"))
def extract_metadata(doc: Document, facts: Facts) -> Facts:
    """One documents row of report metadata, plus warnings about the commune lookup."""
    dates = facts.get("dates", [])
    header = doc.header
    mention, issuer = rc.commune(doc, _unit_spans(facts.get("entities", [])))
    clues = rc.province_clues(doc, mention)
    res = au.resolve(mention.name, mention.kind, clues) if mention else au.Resolution(None, au.MATCH_NONE)
    period_start, period_end = _period(doc, dates)
    row = {
        "issuer": issuer,
        "issuer_kind": _issuer_kind(issuer, header.symbol, doc),
        "commune": mention.name if mention else None,
        "commune_type": mention.kind if mention else None,
        **_resolution_fields(res, clues),
        "doc_symbol": header.symbol,
        "doc_number": header.number,
        "place": header.place.text if header.place else None,
        "report_date": _report_date(doc, dates),
        "report_year": header.year,
        "period_start": period_start,
        "period_end": period_end,
        "recipients": _joined(header.recipients, "; "),
        "signer_authority": _joined(header.signer_authority),
        "signer_title": _joined(header.signer_titles),
        "signer_name": header.signer_name.text if header.signer_name else None,
        "title": header.subject.text if header.subject else None,
    }
    return {"documents": [row], "checks": _check(doc, mention, res) if mention else []}
