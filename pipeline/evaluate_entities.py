"""Score entity recognition against `data/gold/<seed>/entities.json`, per label, for the
rules alone, the trained model alone, both combined (what the pipeline ships) and
underthesea's bundled NER (when installed), so each part earns its place by numbers.

Entities are compared as multisets of (label, text with white space collapsed) per
document; positions (`kind = position`) are not names and are not scored. Only the .txt
rendition of each report is scored: the spans are the same in every format."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import regex

from datamodel import Document
from extractors.entities import LABELS, MODEL_DIR, combine, model_entities
from extractors.entity_rules import EntitySpan, rule_entities
from extractors.trained_models import trained_pipeline
from pipeline.build import read_document
from pipeline.run import discover

Key = tuple[str, str]
Recognizer = Callable[[Document], list[Key]]


def _key(label: str, text: str) -> Key:
    return label, regex.sub(r"\s+", " ", text).strip()


def _keys(doc: Document, spans: list[EntitySpan]) -> list[Key]:
    return [_key(s.label, doc.text[s.start : s.end]) for s in spans if s.kind != "position"]


def _underthesea(doc: Document) -> list[Key]:
    """underthesea's NER, line by line, its BIO tags joined into spans."""
    from underthesea import ner

    keys: list[Key] = []
    for line in doc.text.split("\n"):
        if not line.strip():
            continue
        current: list[str] = []
        label = ""
        for word, _pos, _chunk, tag in [*ner(line), ("", "", "", "O")]:
            if tag.startswith("I-") and current and tag[2:] == label:
                current.append(word)
                continue
            if current and label in LABELS:
                keys.append(_key(label, " ".join(current)))
            current, label = ([word], tag[2:]) if tag.startswith("B-") else ([], "")
    return keys


def _combined(doc: Document, nlp: object) -> list[Key]:
    rules = rule_entities(doc)
    return _keys(doc, combine(rules, model_entities(doc, nlp, [(r.start, r.end) for r in rules]), doc.text))


def recognizers() -> dict[str, Recognizer]:
    """The systems compared: rules, model, combined, and underthesea when it is installed."""
    nlp = trained_pipeline(MODEL_DIR)
    systems: dict[str, Recognizer] = {"rules": lambda d: _keys(d, rule_entities(d))}
    if nlp is not None:
        systems["model"] = lambda d: _keys(d, model_entities(d, nlp))
        systems["combined"] = lambda d: _combined(d, nlp)
    try:
        import underthesea  # noqa: F401  (measured only when installed)

        systems["underthesea"] = _underthesea
    except ImportError:
        pass
    return systems


def score_entities(raw: Path, gold: Path) -> dict[str, dict[str, Counter]]:
    """Per system and label: tp, fp, fn over the .txt reports of `raw` with entity gold."""
    systems = recognizers()
    scores: dict[str, dict[str, Counter]] = {name: {label: Counter() for label in LABELS} for name in systems}
    for path in discover([raw]):
        gold_file = gold / path.stem / "entities.json"
        if path.suffix != ".txt" or not gold_file.exists():
            continue
        doc, _ = read_document(path.read_bytes(), str(path))
        expected = Counter(_key(g["label"], g["text"]) for g in json.loads(gold_file.read_text("utf-8")))
        for name, recognize in systems.items():
            got = Counter(recognize(doc))
            for label in LABELS:
                g = Counter({k: n for k, n in expected.items() if k[0] == label})
                p = Counter({k: n for k, n in got.items() if k[0] == label})
                hit = sum((g & p).values())
                scores[name][label].update(tp=hit, fp=sum(p.values()) - hit, fn=sum(g.values()) - hit)
    return scores


def _prf(c: Counter) -> str:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:6.3f} {r:6.3f} {f:6.3f}"


def entities_report(raw: Path, gold: Path) -> list[str]:
    """The printed entities section of `make eval` for one input folder."""
    scores = score_entities(raw, gold)
    if not any(c["tp"] + c["fn"] for c in scores["rules"].values()):
        return []
    head = f"{'entities (P R F1)':20}" + "".join(f"| {label:^20} " for label in (*LABELS, "all"))
    lines = ["Entities per label (gold spans of the .txt reports):", head]
    for name, per_label in scores.items():
        total = sum(per_label.values(), Counter())
        lines.append(f"{name:20}" + "".join(f"| {_prf(per_label[label])} " for label in LABELS) + f"| {_prf(total)} ")
    return lines
