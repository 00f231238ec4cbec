"""The `fact_model` component: figures the metric rules left out, proposed by a trained spaCy NER.

The rules (`extractors.metrics`) come first and are trusted. The model (`nlp/facts_model`, built
by `make model` from `nlp/build_facts_corpus.py` and `nlp/facts.cfg`, a span categorizer) tags a number with the contract metric it
states (its labels are metric names). It reads only the sentences holding a number no rule row
covers, and a proposal becomes a `metrics` row (`source = model`, the model's score in
`confidence`) only when its metric is not stated by the rules in that document and its score
reaches `THRESHOLD` (chosen on the development reports). A device count (a device metric's figure
right before a device noun) that no rule `equipment` row covers becomes an `equipment` row
(`equipment_proposals`, `EQUIPMENT_THRESHOLD`). The component is switched off by default
(`Options.fact_model`): rules + model did not beat the rules on the sealed split (`make eval`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import regex

from datamodel import Document
from extractors.equipment import OWN_COLUMNS
from extractors.equipment.items import DEVICES, NOUN
from extractors.numbers import parse_vn_number
from extractors.registry import Facts, Row, register
from extractors.span_union import SpanUnion as _Covered
from extractors.trained_models import trained_pipeline
from extractors.vocab.quantities import CLASSIFIERS

FACT_MODEL_DIR = Path(__file__).resolve().parents[1] / "nlp" / "facts_model"
"""Where `make model` writes the fact-mention pipeline (committed, nothing downloaded)."""

_LABELS_BY_DOMAIN = (
    ("tthc", ("procedures_total", "procedures_online_full", "procedures_online_partial", "procedures_direct",
              "procedures_partial_or_direct", "dossiers_received", "dossiers_received_online",
              "dossiers_received_online_full", "dossiers_received_online_partial", "dossiers_received_direct",
              "dossiers_carried_over", "dossiers_total", "dossiers_resolved", "dossiers_resolved_early",
              "dossiers_resolved_on_time", "dossiers_resolved_overdue", "dossiers_in_progress",
              "dossiers_in_progress_on_time", "dossiers_in_progress_overdue", "dossiers_withdrawn",
              "dossiers_received_late")),
    ("staff", ("staff_quota", "staff_present", "service_center_staff", "it_staff", "community_digital_teams")),
    ("infrastructure", ("computers_total", "scanners_total", "printers_total", "computers_lacking", "scanners_lacking",
                        "printers_lacking", "dedicated_lines", "video_conference_sets")),
    ("legal", ("documents_issued",)),
)
FACT_LABELS: dict[str, str] = {name: domain for domain, names in _LABELS_BY_DOMAIN for name in names}
"""The model's labels: contract metric names of counts (procedures and dossiers by status and
channel, staff, devices present or lacking, documents issued), with the metrics domain of each."""

DEVICE_METRICS: dict[str, tuple[str, str]] = {
    "computers_total": ("computer", "present"), "scanners_total": ("scanner", "present"),
    "printers_total": ("printer", "present"), "computers_lacking": ("computer", "lacking"),
    "scanners_lacking": ("scanner", "lacking"), "printers_lacking": ("printer", "lacking"),
    "video_conference_sets": ("video_conference", "present"), "dedicated_lines": ("network_line", "present")}
"""Labels that tag a device mention's count (`02` in `02 máy scan`), with the category and status of the
equipment row it makes (the device noun after the count names the category more closely: `máy tính xách tay`)."""

THRESHOLD = 0.6
"""Lowest model score for a proposal to become a row, chosen on development data with
`nlp/choose_fact_threshold.py`: on data/dev the model's only proposal beyond the rules was wrong
(0.498), on the realdev texts its proposals were one wrong (0.593) and one the gold accepts
(0.997); 0.6 is the round score above every wrong one."""

EQUIPMENT_THRESHOLD = 0.6
"""Lowest score of a device count for an equipment row: on data/dev the model proposes no device the
rules left out (`nlp/choose_fact_threshold.py`), so the metrics' threshold is kept."""

_NUMBER = regex.compile(r"(?<![\p{L}\d])\d[\d.,]*(?<=\d)")


def _uncovered_sentences(doc: Document, rows: list[Row]) -> list[tuple[int, int]]:
    """The sentences holding a number that no rule row's span covers."""
    covered = _Covered((r["span_start"], r["span_end"]) for r in rows)
    found: dict[int, int] = {}
    for m in _NUMBER.finditer(doc.text):
        if m.start() in covered:
            continue
        sent = doc.sentence_span(m.start(), m.end())
        found[sent.start] = max(found.get(sent.start, sent.end), sent.end)
    return sorted(found.items())


def _scored(parsed: Any) -> list[tuple[Any, float]]:
    """A parsed piece's proposed spans with their scores, most confident first."""
    group = parsed.spans["sc"]
    return sorted(((ent, float(score)) for ent, score in zip(group, group.attrs["scores"], strict=True)), key=lambda p: -p[1])


def proposals(doc: Document, rows: list[Row], nlp: Any, threshold: float = THRESHOLD) -> list[Row]:
    """Metrics rows the model proposes beyond `rows` (the rules' rows of the same document) with a
    score of at least `threshold`."""
    stated = {r.get("metric") for r in rows}
    pieces = _uncovered_sentences(doc, rows)
    out: list[Row] = []
    for (start, _end), parsed in zip(pieces, nlp.pipe(doc.text[s:e] for s, e in pieces), strict=True):
        for ent, score in _scored(parsed):
            value = parse_vn_number(ent.text)
            if ent.label_ not in FACT_LABELS or ent.label_ in stated or value is None or score < threshold:
                continue
            stated.add(ent.label_)
            out.append(doc.fact(start + ent.start_char, start + ent.end_char, domain=FACT_LABELS[ent.label_],
                                metric=ent.label_, value=value, unit="count", qualifier=None, period_text=None,
                                source="model", confidence=round(score, 3)))
    return out


_DEVICE_AFTER = regex.compile(rf"[ \t]+(?:(?:{CLASSIFIERS})[ \t]+)?(?:{NOUN})")


def equipment_proposals(doc: Document, rows: list[Row], nlp: Any, threshold: float = EQUIPMENT_THRESHOLD) -> list[Row]:
    """Equipment rows for device counts no rule row covers (`02` right before `máy scan`, tagged with a
    device metric): the category from the device noun after the count, the status from the metric."""
    covered = _Covered((r["span_start"], r["span_end"]) for r in rows)
    out: list[Row] = []
    lines = sorted({(line.start, line.end) for line in (doc.line_span(m.start()) for m in _NUMBER.finditer(doc.text)
                                                          if m.start() not in covered)})
    for (start, _end), parsed in zip(lines, nlp.pipe(doc.text[s:e] for s, e in lines), strict=True):
        for ent, score in _scored(parsed):
            at, end = start + ent.start_char, start + ent.end_char
            noun = _DEVICE_AFTER.match(doc.match, end)
            value = parse_vn_number(ent.text)
            if ent.label_ not in DEVICE_METRICS or score < threshold or at in covered or noun is None or value is None:
                continue
            category = next((cat for cat, _ in DEVICES if noun.group(cat)), DEVICE_METRICS[ent.label_][0])
            fields = dict.fromkeys(OWN_COLUMNS) | {"category": category, "quantity": value, "source": "model",
                                                     "status": DEVICE_METRICS[ent.label_][1], "confidence": round(score, 3)}
            out.append(doc.fact(at, noun.end(), **fields))
    return out


@register("fact_model", requires=("metrics", "equipment"), assigns=("metrics", "equipment"))
def extract_fact_mentions(doc: Document, facts: Facts) -> Facts:
    """The model's proposals for figures and devices the rules left out."""
    nlp = trained_pipeline(FACT_MODEL_DIR)
    if nlp is None:
        return {"metrics": [], "equipment": []}
    return {"metrics": proposals(doc, facts.get("metrics", []), nlp),
            "equipment": equipment_proposals(doc, facts.get("equipment", []), nlp)}
