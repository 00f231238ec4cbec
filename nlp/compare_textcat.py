"""Rules or a trained text classifier for `findings.category` and `findings.kind`? Measured.

Trains a spaCy text classifier (bag-of-words `textcat`, one label per finding, seeded) on the
findings gold of the sample reports and scores it on the gold of the development reports,
beside the rules (`extractors.findings`) on the same sentences. The rules ship because they
score higher (see the closing note of issue 11); run `python nlp/compare_textcat.py` to redo
the comparison."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import spacy
from spacy.training import Example

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.findings import category_of  # noqa: E402
from pipeline.textforms import fold  # noqa: E402
from schemas.findings import CATEGORIES  # noqa: E402

KINDS = ("difficulty", "cause", "limitation", "strength", "recommendation")


def _gold(folder: str) -> list[dict]:
    rows = []
    for path in sorted((ROOT / "data" / folder).glob("*.txt")):
        gold = ROOT / "data" / "gold" / path.stem / "findings.json"
        if gold.exists():
            rows += json.loads(gold.read_text("utf-8"))
    return rows


def train_textcat(rows: list[dict], field: str, labels: tuple[str, ...], seed: int = 0) -> spacy.Language:
    """A bag-of-words classifier of `field`, trained on `rows` for 30 epochs."""
    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank("xx")
    textcat = nlp.add_pipe("textcat", config={"model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True,
                                                        "ngram_size": 2, "no_output_layer": False}})
    for label in labels:
        textcat.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(r["text"]), {"cats": {lab: float(r[field] == lab) for lab in labels}})
                for r in rows]
    nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(30):
        rng.shuffle(examples)
        for i in range(0, len(examples), 8):
            nlp.update(examples[i : i + 8])
    return nlp


def accuracy(nlp: spacy.Language, rows: list[dict], field: str) -> float:
    hits = sum(max(doc.cats, key=doc.cats.get) == r[field] for doc, r in zip(nlp.pipe(r["text"] for r in rows), rows))
    return hits / len(rows)


def main() -> None:
    train, dev = _gold("raw"), _gold("dev")
    rules = sum(category_of(fold(r["text"])) == r["category"] for r in dev) / len(dev)
    model = accuracy(train_textcat(train, "category", CATEGORIES), dev, "category")
    kind_model = accuracy(train_textcat(train, "kind", KINDS), dev, "kind")
    print(f"findings on data/dev ({len(dev)} sentences; textcat trained on the {len(train)} of data/raw)")
    print(f"category accuracy: rules {rules:.3f}  textcat {model:.3f}")
    print(f"kind accuracy:     textcat {kind_model:.3f} (rules: see make eval, which also uses the section headings)")


if __name__ == "__main__":
    main()
