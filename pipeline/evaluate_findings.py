"""Score the `findings` table against `data/gold/<seed>/findings.json`.

A predicted finding matches a gold one when their texts agree once white space is collapsed
and case folded (the first 60 characters, so a sentence cut one clause longer or shorter in
another format still matches). Over the matched pairs `kind`, `category` and `addressee` are
compared as accuracies, which is what the issue's targets (kind ≥ 0.90, category ≥ 0.85)
refer to; precision and recall say how many sentences were found at all."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import regex

from pipeline.findings_textcat import gold_rows, textcat_lines
from pipeline.run import discover, process_file

FIELDS = ("kind", "category", "addressee")
PUBLIC_GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"
"""The gold of the samples and development reports (`data/raw`, `data/dev` beside it)."""


def text_key(text: str) -> str:
    """The comparable form of a finding's text."""
    return regex.sub(r"\s+", " ", text).strip(" -+.;:").casefold()[:60]


@dataclass
class FindingScore:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    agree: Counter = field(default_factory=Counter)
    compared: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add_document(self, gold: list[dict], predicted: list[dict], label: str) -> None:
        """Match `predicted` rows to `gold` by text and count agreements per field."""
        self.gold += len(gold)
        self.predicted += len(predicted)
        pool: dict[str, list[dict]] = {}
        for row in predicted:
            pool.setdefault(text_key(row["text"]), []).append(row)
        for g in gold:
            candidates = pool.get(text_key(g["text"]))
            if not candidates:
                self.misses.append(f"{label} missed {g['kind']}/{g['category']}: {g['text'][:70]}")
                continue
            p = candidates.pop(0)
            self.matched += 1
            for name in FIELDS:
                if name == "addressee" and g["kind"] != "recommendation":
                    continue
                self.compared[name] += 1
                if (g.get(name) or None) == (p.get(name) or None):
                    self.agree[name] += 1
                else:
                    self.misses.append(f"{label} {name}: gold {g.get(name)!r} got {p.get(name)!r}: {g['text'][:60]}")
        for rows in pool.values():
            self.misses += [f"{label} extra {r['kind']}/{r['category']}: {r['text'][:70]}" for r in rows]

    def accuracy(self, name: str) -> float:
        return self.agree[name] / self.compared[name] if self.compared[name] else 0.0

    def lines(self) -> list[str]:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        acc = "  ".join(f"{name} {self.accuracy(name):.3f} (n={self.compared[name]})" for name in FIELDS)
        return [f"findings: gold {self.gold}, predicted {self.predicted}, matched {self.matched} "
                f"(P {p:.3f} R {r:.3f});  accuracy on matched: {acc}"]


def score_findings(raw: Path, gold: Path) -> FindingScore:
    """Process every input of `raw` that has findings gold and score its findings."""
    score = FindingScore()
    for path in discover([raw]):
        gold_file = gold / path.stem / "findings.json"
        if not gold_file.exists():
            continue
        result = process_file(path)
        table = result.tables.get("findings")
        predicted = table.to_pylist() if table is not None else []
        score.add_document(json.loads(gold_file.read_text("utf-8")), predicted, f"{path.name}:")
    return score


def _training_folders(raw: Path) -> list[Path]:
    """The public gold-annotated folders other than `raw` (the text classifier's training data)."""
    public = [PUBLIC_GOLD.parent / "raw", PUBLIC_GOLD.parent / "dev"]
    return [folder for folder in public if folder.resolve() != raw.resolve()]


def findings_report(raw: Path, gold: Path, verbose: bool = False) -> list[str]:
    """The printed findings section of `make eval` for one input folder: the rules' scores, then
    rules against a text classifier trained on the other folders' gold."""
    score = score_findings(raw, gold)
    if not score.gold:
        return []
    folders = _training_folders(raw)
    rules = {name: score.accuracy(name) for name in ("kind", "category")}
    versus = textcat_lines(gold_rows(folders, PUBLIC_GOLD), gold_rows([raw], gold), rules,
                           " + ".join(f"data/{f.name}" for f in folders))
    return ["Findings (text matched, then kind/category/addressee compared):", *score.lines(), *versus,
            *(score.misses if verbose else [])]
