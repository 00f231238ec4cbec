"""The `entities` component: people, bodies and places a report names, from the rules first
and then the trained spaCy model for what no list holds.

Two components: `entity_rules` (the span ruler built from the vocabulary and the official unit
list, `extractors.entity_ruler`, composed in `extractors.entity_rules`) knows the recurring
bodies, the official units and the signer; `entities` runs after it and adds what the
statistical NER (`nlp/model`, trained by `make model` from `nlp/`) finds that no rule did:
people's names anywhere and places written without a unit word. A model span is kept only where
no rule span overlaps it, with `source = model`. The spaCy pipeline is loaded once per process
and run with `nlp.pipe` over the document's blocks. Of the model's spans only people's names
and official place names are kept (`trusted`): its other proposals did not beat the rules."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from functools import cache, partial
from pathlib import Path
from typing import Any

import regex

import extractors.admin_units as au
from datamodel import Document
from extractors import report_commune as rc
from extractors.entity_rules import EntitySpan, flat, rule_entities
from extractors.phrase_patterns import wordings
from extractors.registry import Facts, register
from extractors.trained_models import trained_pipeline
from extractors.vocab import compiled
from extractors.vocab.entities import STREETS, SURNAMES
from pipeline.textforms import fold

MODEL_DIR = Path(__file__).resolve().parents[1] / "nlp" / "model"
"""Where `make model` writes the trained pipeline (committed, so nothing is downloaded)."""

LABELS = ("PER", "ORG", "LOC")


_FAMILY_NAMES = frozenset(wordings(SURNAMES.pattern))
_STREET_BEFORE = compiled(rf"(?<![\p{{L}}])(?:{STREETS.pattern})[ \t]+$")
_CAPITALISED_PAIR = regex.compile(r"[\p{Lu}](?<![\p{L}][\p{Lu}])[\p{L}']*+(?=[ \t]+[\p{Lu}])")
"""A capitalised word (not inside another word) followed by another. The capital is looked for first and
what precedes it only then, and the word's letters are never given back (a letter or `'` is no space):
a sixth cheaper than the lookbehind first (ner10's finding), with the same matches."""


def _name_sentences(doc: Document, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences holding a capitalised family name followed by a capitalised word,
    outside every span the rules found (their [start, end)): where a person's name the rules did
    not read may be. (The rules' spans never overlap, so the one that may hold a word is found by
    bisection.) A family name followed by a word in capitals while it is not, or the reverse
    (`Lưu VPĐU`: the filing line), opens no name `trusted` keeps, so it calls for no reading."""
    spans: dict[int, int] = {}
    ranges = sorted(known)
    for m in _CAPITALISED_PAIR.finditer(doc.text):
        if doc.match[m.start() : m.end()] not in _FAMILY_NAMES or _mixed_capitals(doc.text, m):
            continue
        i = bisect.bisect_right(ranges, (m.start(), len(doc.text))) - 1
        if i >= 0 and ranges[i][1] > m.start():
            continue
        sent = doc.sentence_span(m.start(), m.end())
        spans[sent.start] = max(spans.get(sent.start, sent.end), sent.end)
    return sorted(spans.items())


def _mixed_capitals(text: str, family: regex.Match[str]) -> bool:
    """Whether the word after a family name is in capitals while the family name is not, or the
    reverse (both at least two letters long): `trusted` refuses a name that mixes them."""
    word = family.group()
    at = family.end()
    while text[at] in " \t":  # the pattern saw a capital after these
        at += 1
    after = text[at : at + 2]
    return len(word) > 1 and len(after) == 2 and after.isalpha() and word.isupper() != after.isupper()


def model_entities(doc: Document, nlp: Any, known: list[tuple[int, int]] | None = None) -> list[EntitySpan]:
    """The model's PER/ORG/LOC spans over the whole text, block by block; with `known` (the
    rules' spans, [start, end)) only over the sentences that may hold a name the rules did not read, which
    keeps the model's cost to a small share of the text (spaCy reads about 10k words/s)."""
    if known is None:
        return _read(doc, nlp, [(b.start, b.end) for b in doc.blocks if b.end > b.start])
    return _read(doc, nlp, _name_sentences(doc, known))


def _read(doc: Document, nlp: Any, pieces: list[tuple[int, int]]) -> list[EntitySpan]:
    """The model's PER/ORG/LOC spans in these [start, end) pieces of the text."""
    if not pieces:  # `nlp.pipe` costs half a millisecond even with nothing to read (most reports)
        return []
    found = []
    for (start, _end), parsed in zip(pieces, nlp.pipe(doc.text[s:e] for s, e in pieces), strict=True):
        for ent in parsed.ents:
            if ent.label_ in LABELS:
                found.append(EntitySpan(start + ent.start_char, start + ent.end_char, ent.label_, "name",
                                        " ".join(ent.text.split()), source="model"))
    return found


def trusted(span: EntitySpan, text: str) -> bool:
    """Whether a model span of `text` is kept: a person's name (two to five capitalised words of
    letters, the first a family name, all or none in capitals, not a street named after a person:
    `đường Lê Thị Riêng`), or a place whose name is an official province or commune. Its
    other proposals are not: on the development reports they only added errors to what the
    rules found (a body's abbreviation and the next word, a heading in capitals)."""
    words = span.normalized.split()
    if span.label == "PER" and _STREET_BEFORE.search(fold(text[max(0, span.start - 12) : span.start])):
        return False
    if span.label == "PER":
        capitals = {w.isupper() for w in words if len(w) > 1}  # all in capitals (a byline) or none (`Lưu VPĐU`: filing)
        return (2 <= len(words) <= 5 and all(w[:1].isupper() and w.replace("'", "").isalpha() for w in words)
                and len(capitals) == 1 and fold(words[0]) in _FAMILY_NAMES)
    if span.label == "LOC":
        name = " ".join(w[:1].upper() + w[1:].lower() for w in words)
        return au.is_province_name(name) or au.is_commune_name(name)
    return False


def combine(rules: list[EntitySpan], model: Iterable[EntitySpan], text: str) -> list[EntitySpan]:
    """Rule spans, plus each trusted model span of `text` that overlaps none of them."""
    return flat(list(rules) + additions([(r.start, r.end) for r in rules], model, text))


def additions(known: list[tuple[int, int]], model: Iterable[EntitySpan], text: str) -> list[EntitySpan]:
    """The trusted model spans of `text` that overlap none of the `known` [start, end) spans."""
    return flat([m for m in model if trusted(m, text) and all(m.end <= s or m.start >= e for s, e in known)])


def _rows(doc: Document, spans: Iterable[EntitySpan]) -> list[dict]:
    """The rows of `spans`, their evidence cut in one call (`Document.facts`: a report has about 70)."""
    return doc.facts((s.start, s.end, {"label": s.label, "kind": s.kind, "text": doc.text[s.start : s.end],
                                       "normalized": s.normalized, "code": s.code, "title": s.title, "source": s.source})
                     for s in spans)


def report_province(doc: Document) -> int | None:
    """The code of the report's province from its strongest province clue (header, recipients,
    opening, then anywhere): it picks among communes that share a name. Read here rather than
    from `documents`, because metadata reads the entities (a commune named only in a signer's
    title or a recipient line)."""
    clues = rc.province_clues(doc, None)
    return clues[0].unit.code if clues else None


@register("entity_rules", assigns=("entities",))
def extract_rule_entities(doc: Document, facts: Facts) -> Facts:
    """The entities the rules find (the span ruler and the composition in `entity_rules`)."""
    signer_title = " ".join(f.text for f in doc.header.signer_titles) or None
    province = cache(partial(report_province, doc))  # read only if a commune's name is shared
    return {"entities": _rows(doc, rule_entities(doc, province, signer_title))}


@register("entities", requires=("entities",), assigns=("entities",))
def extract_entities(doc: Document, facts: Facts) -> Facts:
    """The trained model's additions: trusted spans that overlap no rule entity, read only in the
    sentences where a name the rules did not read may be. The model is loaded by the first report
    that has such a sentence (0.08 CPU-s): none of the 2,000 bench reports has one, 17 of the 75
    development and real ones do."""
    known = [(r["span_start"], r["span_end"]) for r in facts.get("entities", [])]
    sentences = _name_sentences(doc, known)
    nlp = trained_pipeline(MODEL_DIR) if sentences else None
    if nlp is None:
        return {"entities": []}
    found = additions(known, _read(doc, nlp, sentences), doc.text)
    return {"entities": _rows(doc, found)}
