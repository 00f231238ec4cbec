"""Choose the fact model's acceptance threshold on the development reports (`data/dev`, never
trained on): every proposal the model makes beyond the rules, at any score, judged against the
gold metrics of its report; the threshold is the lowest score above every wrong proposal, so
that rules + model keep the rules' precision there. Prints the proposals and the choice; the
number is then written into `extractors.fact_model.THRESHOLD` by hand (reviewed, not automatic).
The same for the equipment rows the model proposes (`EQUIPMENT_THRESHOLD`), on the reports with
equipment gold.

    .venv/bin/python nlp/choose_fact_threshold.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.fact_model import FACT_MODEL_DIR, equipment_proposals, proposals  # noqa: E402
from extractors.registry import run_components  # noqa: E402
from extractors.trained_models import trained_pipeline  # noqa: E402
from pipeline.build import read_document  # noqa: E402


def _judged(folder: Path, gold: Path, table: str, fields: tuple[str, ...],
            propose: Callable[..., list[dict]]) -> list[tuple[float, bool, str]]:
    """(score, right, description) of every `table` row the model proposes beyond the rules on the
    reports of `folder` that have `table` gold: right when the gold holds a row with those `fields`
    that the rules did not read."""
    nlp = trained_pipeline(FACT_MODEL_DIR)
    out = []
    for path in sorted(folder.glob("*.txt")):
        gold_file = gold / path.stem / f"{table}.json"
        if not gold_file.exists():
            continue
        doc, _ = read_document(path.read_bytes(), str(path))
        rows = run_components(doc, only=(table,)).get(table, [])
        left = Counter(tuple(g[f] for f in fields) for g in json.loads(gold_file.read_text("utf-8")))
        left.subtract(Counter(tuple(r[f] for f in fields) for r in rows))
        for row in propose(doc, rows, nlp, threshold=0.0):
            key = tuple(row[f] for f in fields)
            right = left[key] > 0
            left[key] -= right
            out.append((row["confidence"], right, f"{path.name}: {key} «{row['evidence'][:60]}»"))
    return sorted(out, reverse=True)


def judged(folder: Path, gold: Path) -> list[tuple[float, bool, str]]:
    """Metric proposals, judged by (metric, value)."""
    return _judged(folder, gold, "metrics", ("metric", "value"), proposals)


def judged_equipment(folder: Path, gold: Path) -> list[tuple[float, bool, str]]:
    """Equipment proposals, judged by (category, quantity, status)."""
    return _judged(folder, gold, "equipment", ("category", "quantity", "status"), equipment_proposals)


def _choose(found: list[tuple[float, bool, str]], what: str) -> None:
    for score, right, description in found:
        print(f"{score:.3f} {'right' if right else 'WRONG'} {description}")
    wrong = [score for score, right, _ in found if not right]
    threshold = min(1.0, round(max(wrong) + 0.005, 3)) if wrong else 0.5
    print(f"{what}: {len(found)} proposals, {len(wrong)} wrong; threshold {threshold}")


def main() -> None:
    _choose(judged(ROOT / "data" / "dev", ROOT / "data" / "gold"), "metrics")
    _choose(judged_equipment(ROOT / "data" / "dev", ROOT / "data" / "gold"), "equipment")


if __name__ == "__main__":
    main()
