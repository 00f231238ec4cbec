"""Score the pipeline against the hand annotations in `data/gold` (see its README).

Each sample input (`data/raw/<seed>.<fmt>`) is processed and its rows are compared with the
gold of its seed. List facts (references, dates, metrics, equipment) are compared as
multisets of keys per field, so a fact extracted twice but written once is a false positive;
metadata is compared field by field. Scores are printed per field and per input format, and
per family (micro-averaged over the family's fields), which is what the targets refer to."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import regex

from pipeline.evaluate_entities import entities_report
from pipeline.evaluate_fact_model import fact_model_lines
from pipeline.evaluate_findings import findings_report
from pipeline.options import DEFAULTS, Options
from pipeline.run import discover, process_file
from pipeline.textforms import canonical_tone

Key = tuple
KeyFn = Callable[[dict], Key | None]

SPEC_FIELDS = ("brand", "model", "cpu_model", "cpu_generation", "ram_gb", "storage_type", "storage_gb", "monitor_inch", "os")
CONTRACT_METRICS = frozenset({  # the metric names fixed by ../shared/CONTRACT.md
    "procedures_total", "procedures_online_full", "procedures_online_partial", "procedures_direct",
    "procedures_partial_or_direct", "dossiers_received", "dossiers_received_online", "dossiers_received_online_full",
    "dossiers_received_online_partial", "dossiers_received_direct", "dossiers_carried_over", "dossiers_total",
    "dossiers_resolved", "dossiers_resolved_early", "dossiers_resolved_on_time", "dossiers_resolved_overdue",
    "dossiers_in_progress", "dossiers_in_progress_on_time", "dossiers_in_progress_overdue", "dossiers_withdrawn",
    "dossiers_received_late", "dossiers_digitized_pct", "dossiers_online_full_pct", "dossiers_online_partial_pct",
    "dossiers_direct_pct", "dossiers_online_pct", "staff_quota", "staff_present", "service_center_staff", "it_staff",
    "community_digital_teams", "computers_total", "dedicated_lines", "video_conference_sets", "documents_issued",
    "documents_pending",
})
METADATA_FIELDS = (
    "issuer", "commune", "province", "commune_code", "commune_name", "province_code", "province_name",
    "commune_match", "doc_symbol", "doc_number", "report_date", "period_start", "period_end", "recipients",
    "signer_authority", "signer_title", "signer_name",
)


def norm(value: object) -> object:
    """A comparable form: NFC text with one tone placement and single spaces, ISO dates,
    numbers as floats rounded to 4 places; None stays None."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from a nullable column
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return round(float(value), 4)
    text = canonical_tone(unicodedata.normalize("NFC", str(value)))
    return regex.sub(r"\s+", " ", text).strip()


def _key(*names: str) -> KeyFn:
    return lambda row: tuple(norm(row.get(n)) for n in names)


def _date_key(row: dict) -> Key:
    value = norm(row.get("date"))
    return (value if value is not None else "text:" + regex.sub(r"\s+", "", str(norm(row.get("text")) or "")),)


def _ref_key(row: dict) -> Key:
    canonical = norm(row.get("canonical"))
    return (canonical if canonical is not None else "pending:" + str(norm(row.get("doc_type"))),)


def _spec_key(spec: str) -> KeyFn:
    return lambda row: None if row.get(spec) is None else (norm(row.get("category")), norm(row.get(spec)))


LIST_FIELDS: dict[str, tuple[str, str, KeyFn]] = {
    # field name: (table, gold file, key of one fact)
    "references.canonical": ("references", "references.json", _ref_key),
    "references.issue_date": ("references", "references.json", lambda r: _ref_key(r) + (norm(r.get("issue_date")),)),
    "references.relation": ("references", "references.json", lambda r: _ref_key(r) + (norm(r.get("relation")),)),
    "dates.date": ("dates", "dates.json", _date_key),
    "dates.role": ("dates", "dates.json", lambda r: _date_key(r) + (norm(r.get("role")),)),
    "metrics.value": ("metrics", "metrics.json", _key("metric", "value")),
    "metrics.unit": ("metrics", "metrics.json", _key("metric", "value", "unit")),
    "equipment.item": ("equipment", "equipment.json", _key("category", "quantity", "status")),
    **{f"equipment.{s}": ("equipment", "equipment.json", _spec_key(s)) for s in SPEC_FIELDS},
}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    scores: dict[tuple[str, str], Score] = field(default_factory=dict)  # (field, format) -> score
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, fmt: str, score: Score) -> None:
        self.scores.setdefault((name, fmt), Score()).add(score)


def _alternatives(entry: dict, key: KeyFn) -> list[Key]:
    """The keys a gold entry accepts: one per name when `metric` or `category` lists several acceptable ones."""
    variants = [entry]
    for name in ("metric", "category"):
        if isinstance(entry.get(name), list):
            variants = [{**v, name: option} for v in variants for option in entry[name]]
    return [k for k in map(key, variants) if k is not None]


def compare_gold(gold: list[dict], predicted: list[Key | None], key: KeyFn) -> tuple[Score, Counter, Counter]:
    """TP/FP/FN of gold entries against predicted keys, compared as multisets (a fact predicted twice but
    written once is one false positive); also what was missed and what was extra. Realdev's conventions
    hold: an entry may list several acceptable metric names or categories, and an entry marked
    `"optional": true` is neither rewarded nor penalised (a matching prediction is simply set aside)."""
    left = Counter(k for k in predicted if k is not None)
    missed: Counter = Counter()
    tp = 0
    for entry in sorted(gold, key=lambda e: bool(e.get("optional"))):  # required facts claim predictions first
        alts = _alternatives(entry, key)
        hit = next((k for k in alts if left[k] > 0), None)
        if hit is not None:
            left[hit] -= 1
            tp += 0 if entry.get("optional") else 1
        elif alts and not entry.get("optional"):
            missed[alts[0]] += 1
    extra = +left
    return Score(tp, sum(extra.values()), sum(missed.values())), missed, extra


def compare_field(gold: object, predicted: object) -> Score:
    g, p = norm(gold), norm(predicted)
    if g is None:
        return Score(fp=int(p is not None))
    if p == g:
        return Score(tp=1)
    return Score(fp=int(p is not None), fn=1)


def _rows(result, table: str) -> list[dict]:
    t = result.tables.get(table)
    return t.to_pylist() if t is not None else []


def _predicted(result, table: str, contract_only: bool) -> list[dict]:
    """The rows scored: with contract_only, metrics outside the contract's names are not scored (the
    realdev convention, used where the gold was written from the contract alone)."""
    rows = _rows(result, table)
    if contract_only and table == "metrics":
        rows = [r for r in rows if r.get("metric") in CONTRACT_METRICS]
    return rows


def _score_document(report: Report, result, gold_dir: Path, fmt: str, label: str, contract_only: bool = False) -> None:
    for name, (table, filename, key) in LIST_FIELDS.items():
        path = gold_dir / filename
        if not path.exists():
            continue
        gold = json.loads(path.read_text("utf-8"))
        score, missed, extra = compare_gold(gold, [key(r) for r in _predicted(result, table, contract_only)], key)
        report.add(name, fmt, score)
        report.misses += [f"{label} {name} missed {k}" for k in missed.elements()]
        report.misses += [f"{label} {name} extra  {k}" for k in extra.elements()]
    meta_path = gold_dir / "metadata.json"
    if meta_path.exists():
        gold = json.loads(meta_path.read_text("utf-8"))
        row = (_rows(result, "documents") or [{}])[0]
        for name in METADATA_FIELDS:
            if name in gold:
                score = compare_field(gold[name], row.get(name))
                report.add(f"metadata.{name}", fmt, score)
                if score.fp or score.fn:
                    report.misses += [f"{label} metadata.{name}: gold {gold[name]!r} got {row.get(name)!r}"]


def score_samples(raw: Path, gold: Path, contract_only: bool = False, options: Options = DEFAULTS) -> Report:
    """Process every sample with a gold folder (with `options`) and score it."""
    report = Report()
    for path in discover([raw]):
        seed = path.stem
        if not (gold / seed).is_dir():
            continue
        fmt = path.suffix.lstrip(".").lower()
        _score_document(report, process_file(path, options), gold / seed, fmt, f"{path.name}:", contract_only)
    return report


def _families(report: Report) -> dict[tuple[str, str], Score]:
    fam: dict[tuple[str, str], Score] = {}
    for (name, fmt), score in report.scores.items():
        fam.setdefault((name.split(".")[0], fmt), Score()).add(score)
    return fam


def _table(scores: dict[tuple[str, str], Score], formats: list[str]) -> list[str]:
    names = sorted({n for n, _ in scores}, key=lambda n: (n.split(".")[0], n))
    head = f"{'field':32}" + "".join(f"| {fmt:^20} " for fmt in formats + ["all"])
    lines = [head, f"{'':32}" + "| {:>6} {:>6} {:>6} ".format("P", "R", "F1") * (len(formats) + 1)]
    for name in names:
        total = Score()
        cells = []
        for fmt in formats:
            s = scores.get((name, fmt), Score())
            total.add(s)
            cells.append(f"| {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} ")
        cells.append(f"| {total.precision:6.3f} {total.recall:6.3f} {total.f1:6.3f} ")
        lines.append(f"{name:32}" + "".join(cells))
    return lines


def evaluate(raw: Path, gold: Path, verbose: bool = False, contract_only: bool = False) -> str:
    """The printed evaluation: per field, per family, and (verbose) every miss."""
    report = score_samples(raw, gold, contract_only)
    formats = sorted({fmt for _, fmt in report.scores})
    out = ["Per field (precision, recall, F1 per input format):", *_table(report.scores, formats), ""]
    out += ["Per family (micro-averaged over its fields):", *_table(_families(report), formats)]
    with_model = score_samples(raw, gold, contract_only, Options(fact_model=True))
    out += ["", *fact_model_lines(report, with_model)]
    if verbose:
        out += ["", "Differences:", *report.misses]
    out += ["", *findings_report(raw, gold, verbose), "", *entities_report(raw, gold)]
    return "\n".join(out)
