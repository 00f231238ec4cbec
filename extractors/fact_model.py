"""The `fact_model` component: figures the metric rules left out, proposed by a trained spaCy NER.

The rules (`extractors.metrics`) come first and are trusted. The model (`nlp/facts_model`, built
by `make model` from `nlp/build_facts_corpus.py` and `nlp/facts.cfg`, a span categorizer) tags a number with the contract metric it
states (its labels are metric names). It reads only the sentences holding a number no rule row
covers, and a proposal becomes a `metrics` row (`source = model`, the model's score in
`confidence`) only when its metric is not stated by the rules in that document and its score
reaches `THRESHOLD` (chosen on the development reports). The component is switched off by
default (`Options.fact_model`): on the development reports rules + model did not beat the rules.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import regex

from datamodel import Document
from extractors.numbers import parse_vn_number
from extractors.registry import Facts, Row, register
from extractors.trained_models import trained_pipeline

FACT_MODEL_DIR = Path(__file__).resolve().parents[1] / "nlp" / "facts_model"
"""Where `make model` writes the fact-mention pipeline (committed, nothing downloaded)."""

FACT_LABELS: dict[str, str] = {
    "dossiers_received": "tthc",
    "dossiers_resolved_on_time": "tthc",
    "dossiers_resolved_overdue": "tthc",
    "procedures_online_full": "tthc",
    "service_center_staff": "staff",
    "computers_total": "infrastructure",
}
"""The model's labels: contract metric names, with the metrics domain each belongs to."""

THRESHOLD = 0.9
"""Lowest model score for a proposal to become a row. On data/dev the model proposes nothing the
rules left out at any score (the rules find every gold figure there), so the threshold is set
for precision: on the realdev texts the only proposal at or above it was wrong, below it half
were numbers that are no figure at all (codes, thousands of residents)."""

_NUMBER = regex.compile(r"(?<![\p{L}\d])\d[\d.,]*(?<=\d)")


class _Covered:
    """The union of half-open spans, merged once and looked up by bisection: a test per
    number against every rule row was quadratic in a long document."""

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


def proposals(doc: Document, rows: list[Row], nlp: Any) -> list[Row]:
    """Metrics rows the model proposes beyond `rows` (the rules' rows of the same document)."""
    stated = {r.get("metric") for r in rows}
    pieces = _uncovered_sentences(doc, rows)
    out: list[Row] = []
    for (start, _end), parsed in zip(pieces, nlp.pipe(doc.text[s:e] for s, e in pieces), strict=True):
        group = parsed.spans["sc"]
        for ent, score in sorted(zip(group, group.attrs["scores"], strict=True), key=lambda p: -float(p[1])):
            value = parse_vn_number(ent.text)
            if ent.label_ not in FACT_LABELS or ent.label_ in stated or value is None or float(score) < THRESHOLD:
                continue
            stated.add(ent.label_)
            out.append(doc.fact(start + ent.start_char, start + ent.end_char, domain=FACT_LABELS[ent.label_],
                                metric=ent.label_, value=value, unit="count", qualifier=None, period_text=None,
                                source="model", confidence=round(float(score), 3)))
    return out


@register("fact_model", requires=("metrics",), assigns=("metrics",))
def extract_fact_mentions(doc: Document, facts: Facts) -> Facts:
    """The model's proposals for figures the rules left out."""
    nlp = trained_pipeline(FACT_MODEL_DIR)
    return {"metrics": proposals(doc, facts.get("metrics", []), nlp) if nlp is not None else []}
