"""The `entities` component: people, bodies and places a report names, from the rules first
and then the trained spaCy model for what no list holds.

The rules (`extractors.entity_rules`) know the recurring bodies, the official units and the
signer; the statistical NER (`nlp/model`, trained by `make model` from `nlp/`) finds people's
names anywhere and places written without a unit word. A model span is kept only where no
rule span overlaps it, with `source = model`. The spaCy pipeline is loaded once per process
and run with `nlp.pipe` over the document's blocks. Of the model's spans only people's names
and official place names are kept (`trusted`): its other proposals did not beat the rules."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import extractors.admin_units as au
from datamodel import Document
from extractors import report_commune as rc
from extractors.entity_rules import EntitySpan, flat, rule_entities
from extractors.registry import Facts, register
from extractors.trained_models import trained_pipeline
from extractors.vocab import compiled
from extractors.vocab.entities import SURNAMES

MODEL_DIR = Path(__file__).resolve().parents[1] / "nlp" / "model"
"""Where `make model` writes the trained pipeline (committed, so nothing is downloaded)."""

LABELS = ("PER", "ORG", "LOC")


_NAME_START = compiled(rf"(?<![\p{{L}}])(?:{SURNAMES.pattern})[ \t]+(?=\S)")


def _name_sentences(doc: Document, known: list[EntitySpan]) -> list[tuple[int, int]]:
    """The sentences holding a capitalised family name followed by a capitalised word,
    outside every span the rules found: where a person's name the rules did not read may be."""
    spans: dict[int, int] = {}
    for m in _NAME_START.finditer(doc.match):
        nxt = m.end()
        if not (doc.text[m.start()].isupper() and doc.text[nxt].isupper()):
            continue
        if any(k.start <= m.start() < k.end for k in known):
            continue
        sent = doc.sentence_span(m.start(), nxt)
        spans[sent.start] = max(spans.get(sent.start, sent.end), sent.end)
    return sorted(spans.items())


def model_entities(doc: Document, nlp: Any, known: list[EntitySpan] | None = None) -> list[EntitySpan]:
    """The model's PER/ORG/LOC spans over the whole text, block by block; with `known` (the
    rules' spans) only over the sentences that may hold a name the rules did not read, which
    keeps the model's cost to a small share of the text (spaCy reads about 10k words/s)."""
    if known is None:
        pieces = [(b.start, b.end) for b in doc.blocks if b.end > b.start]
    else:
        pieces = _name_sentences(doc, known)
    found = []
    for (start, _end), parsed in zip(pieces, nlp.pipe(doc.text[s:e] for s, e in pieces), strict=True):
        for ent in parsed.ents:
            if ent.label_ in LABELS:
                found.append(EntitySpan(start + ent.start_char, start + ent.end_char, ent.label_, "name",
                                        " ".join(ent.text.split()), source="model"))
    return found


def trusted(span: EntitySpan) -> bool:
    """Whether a model span is kept: a person's name (two capitalised words or more), or a
    place whose name is an official province or commune. Its other ORG/LOC proposals are
    not: on the development reports they only added errors to what the rules found."""
    words = span.normalized.split()
    if span.label == "PER":
        return len(words) >= 2 and all(w[:1].isupper() for w in words)
    if span.label == "LOC":
        name = " ".join(w[:1].upper() + w[1:].lower() for w in words)
        return au.is_province_name(name) or au.is_commune_name(name)
    return False


def combine(rules: list[EntitySpan], model: Iterable[EntitySpan]) -> list[EntitySpan]:
    """Rule spans, plus each trusted model span that overlaps none of them."""
    extra = [m for m in model if trusted(m) and all(m.end <= r.start or m.start >= r.end for r in rules)]
    return flat(list(rules) + flat(extra))


def _row(doc: Document, span: EntitySpan) -> dict:
    return doc.fact(span.start, span.end, label=span.label, kind=span.kind, text=doc.text[span.start : span.end],
                    normalized=span.normalized, code=span.code, title=span.title, source=span.source)


def report_province(doc: Document) -> int | None:
    """The code of the report's province from its strongest province clue (header, recipients,
    opening, then anywhere): it picks among communes that share a name. Read here rather than
    from `documents`, because metadata reads the entities (a commune named only in a signer's
    title or a recipient line)."""
    clues = rc.province_clues(doc, None)
    return clues[0].unit.code if clues else None


@register("entities", assigns=("entities",))
def extract_entities(doc: Document, facts: Facts) -> Facts:
    """Entities of one document: rules, then the model's additions."""
    signer_title = " ".join(f.text for f in doc.header.signer_titles) or None
    rules = rule_entities(doc, report_province(doc), signer_title)
    nlp = trained_pipeline(MODEL_DIR)
    spans = combine(rules, model_entities(doc, nlp, rules)) if nlp is not None else rules
    return {"entities": [_row(doc, s) for s in spans]}
