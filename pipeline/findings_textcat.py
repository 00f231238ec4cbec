"""Rules or a trained text classifier for `findings.kind` and `findings.category`? Measured on
annotations the classifier was not trained on.

The classifier is a spaCy `textcat_multilabel` (bag of words and bigrams, seeded, 30 epochs),
one per field, trained on the findings gold of the *other* public folders: scored on the
samples it is trained on the development reports, on the development reports it is trained on
the samples, on the sealed split it is trained on both. A label is the classifier's highest
score. The rules' accuracies beside it are `make eval`'s (their rows matched to the same gold),
so both columns answer "how often is the field right on sentences nobody tuned on". The rules
ship while they score higher (see `extractors.findings`)."""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from schemas.findings import CATEGORIES

KINDS = ("difficulty", "cause", "limitation", "strength", "recommendation")
LABELS = {"kind": KINDS, "category": tuple(CATEGORIES)}
EPOCHS = 30


def gold_rows(folders: Iterable[Path], gold: Path) -> list[dict]:
    """The findings gold of every input stem in `folders` (each annotated report once, whatever
    its formats)."""
    stems = sorted({p.stem for folder in folders if folder.is_dir() for p in folder.iterdir() if p.is_file()})
    rows: list[dict] = []
    for stem in stems:
        path = gold / stem / "findings.json"
        if path.is_file():
            rows += json.loads(path.read_text("utf-8"))
    return rows


def train(rows: list[dict], field: str, seed: int = 0) -> Any:
    """A `textcat_multilabel` classifier of `field` trained on `rows` (deterministic for a seed)."""
    import spacy
    from spacy.training import Example

    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank("xx")
    textcat: Any = nlp.add_pipe("textcat_multilabel", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 2, "no_output_layer": False}})
    labels = LABELS[field]
    for label in labels:
        textcat.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(r["text"]), {"cats": {lab: float(r[field] == lab) for lab in labels}})
                for r in rows]
    nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(EPOCHS):
        rng.shuffle(examples)
        for i in range(0, len(examples), 8):
            nlp.update(examples[i : i + 8])
    return nlp


def accuracy(nlp: Any, rows: list[dict], field: str) -> float:
    """How often the classifier's top label is the gold `field`."""
    hits = sum(max(doc.cats, key=doc.cats.get) == r[field] for doc, r in zip(nlp.pipe(r["text"] for r in rows), rows,
                                                                             strict=True))
    return hits / len(rows) if rows else 0.0


def textcat_lines(train_rows: list[dict], test_rows: list[dict], rules: dict[str, float], train_name: str) -> list[str]:
    """The comparison lines `make eval` prints for one held-out set."""
    if not train_rows or not test_rows:
        return []
    lines = [f"Findings, rules vs text classifier (textcat_multilabel trained on the {len(train_rows)} findings of "
             f"{train_name}, scored on the {len(test_rows)} here):"]
    for field in ("kind", "category"):
        model = accuracy(train(train_rows, field), test_rows, field)
        better = "rules" if rules[field] >= model else "textcat"
        lines.append(f"  {field:9} rules {rules[field]:.3f}  textcat {model:.3f}  -> {better}")
    return lines
