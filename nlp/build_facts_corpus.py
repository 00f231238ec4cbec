"""Build the fact-mention training corpus (`nlp/corpus/facts_{train,dev}.spacy`) from the repository alone.

The fact model tags the number of a figure with the contract metric it states (labels are metric
names, `FACT_LABELS`): dossier counts by status, procedures offered fully online, staff of the
service centre, computers. Two sources, both deterministic (seeded):
- the sample reports (`data/raw/*.txt`): every line with a digit, the numbers of the gold metric
  rows (`data/gold/<seed>/metrics.json`, whose `text` is the evidence) tagged, the other numbers
  left untagged so the model learns what is not one of its figures;
- sentences written from templates in the reports' style, with other figures as negatives.

The development reports (`data/dev`) are never used: the acceptance threshold is chosen on them.
spaCy's own dev split (for picking the best checkpoint) is every fifth example."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "nlp"))

from build_corpus import fill_template, write_corpus  # noqa: E402

from extractors.fact_model import FACT_LABELS  # noqa: E402
from extractors.numbers import parse_vn_number  # noqa: E402
from pipeline.build import read_document  # noqa: E402

_NUMBER = regex.compile(r"(?<![\p{L}\d])\d[\d.,]*(?<=\d)")

# {n} is the tagged figure, {x} and {y} other figures (negatives).
TEMPLATES: dict[str, tuple[str, ...]] = {
    "dossiers_received": (
        "Tổng số hồ sơ tiếp nhận trong kỳ: {n} hồ sơ, trong đó trực tuyến {x} hồ sơ.",
        "Trong tháng, Trung tâm đã tiếp nhận {n} hồ sơ thủ tục hành chính.",
        "- Số hồ sơ tiếp nhận: {n} hồ sơ (trực tiếp: {x}, qua dịch vụ bưu chính: {y}).",
        "Từ đầu năm đến nay, UBND xã tiếp nhận tổng cộng {n} hồ sơ TTHC.",
    ),
    "dossiers_resolved_on_time": (
        "Số hồ sơ giải quyết đúng hạn: {n} hồ sơ, đạt {x}%.",
        "Đã giải quyết {y} hồ sơ, trong đó đúng hạn {n} hồ sơ.",
        "- Giải quyết đúng hạn {n} hồ sơ; trước hạn {x} hồ sơ.",
        "Tổng số hồ sơ xử lý đúng hạn: {n}",
    ),
    "dossiers_resolved_overdue": (
        "Số hồ sơ giải quyết quá hạn: {n} hồ sơ.",
        "Đã giải quyết {y} hồ sơ, trong đó quá hạn {n} hồ sơ.",
        "- Quá hạn: {n} hồ sơ, chiếm {x}%.",
        "Hồ sơ trễ hạn trong kỳ là {n} hồ sơ do thiếu thành phần.",
    ),
    "procedures_online_full": (
        "Tổng số dịch vụ công trực tuyến toàn trình: {n} thủ tục.",
        "Đã cung cấp {n} dịch vụ công trực tuyến toàn trình và {x} dịch vụ một phần.",
        "- Số TTHC cung cấp trực tuyến toàn trình: {n} TTHC.",
        "Xã đã công khai {y} thủ tục, trong đó {n} thủ tục thực hiện trực tuyến toàn trình.",
    ),
    "service_center_staff": (
        "Trung tâm bố trí {n} công chức tiếp nhận và trả kết quả.",
        "Bộ phận một cửa hiện có {n} cán bộ, công chức làm việc thường xuyên.",
        "Phân công {n} công chức trực tại Trung tâm Phục vụ hành chính công.",
        "Số công chức làm việc tại bộ phận một cửa: {n} người.",
    ),
    "computers_total": (
        "Trung tâm được trang bị {n} bộ máy tính để bàn và {x} máy in.",
        "- Máy tính: {n} máy, trong đó {x} máy cấu hình thấp.",
        "Hiện có {n} máy tính phục vụ công tác chuyên môn, {y} máy scan.",
        "Tổng số máy tính của cơ quan là {n} chiếc.",
    ),
}
NEGATIVES = (
    "Đã tổ chức {x} lớp tập huấn cho {y} lượt cán bộ.",
    "Số hồ sơ đang giải quyết: {x} hồ sơ; rút hồ sơ: {y}.",
    "Có {x} tổ công nghệ số cộng đồng với {y} thành viên.",
    "Số hồ sơ giải quyết trước hạn: {x} hồ sơ.",
    "Tỷ lệ hồ sơ trực tuyến đạt {x}%, tăng {y}% so với cùng kỳ.",
    "Số thủ tục hành chính thực hiện một phần: {x} thủ tục.",
    "Còn thiếu {x} máy scan và {y} máy in.",
    "Ngày {y}/10/2025 UBND xã ban hành Kế hoạch số {x}/KH-UBND.",
)


def _figure(rng: random.Random) -> str:
    """A figure written as the reports write it: leading zeros, thousands with a dot."""
    n = rng.choice((rng.randint(0, 9), rng.randint(10, 99), rng.randint(100, 999), rng.randint(1000, 9999)))
    text = f"{n:,}".replace(",", ".")
    return f"0{text}" if n < 10 and rng.random() < 0.5 else text


def _fill(template: str, label: str | None, rng: random.Random) -> tuple[str, list[tuple[int, int, str]]]:
    return fill_template(template, lambda key: (_figure(rng), label if key == "n" and label else ""))


def template_examples(n: int, seed: int = 0) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """`n` filled templates (one in four a negative), the same for the same seed."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        if i % 4 == 3:
            out.append(_fill(rng.choice(NEGATIVES), None, rng))
        else:
            label = rng.choice(sorted(TEMPLATES))
            out.append(_fill(rng.choice(TEMPLATES[label]), label, rng))
    return out


def _tagged(line: str, gold: list[dict]) -> list[tuple[int, int, str]]:
    """The numbers of `line` that gold rows of a fact label state (their evidence is in the line)."""
    spans = []
    for row in gold:
        at = line.find(row["text"]) if row["metric"] in FACT_LABELS else -1
        if at < 0:
            continue
        for m in _NUMBER.finditer(line, at, at + len(row["text"])):
            if parse_vn_number(m.group()) == row["value"]:
                spans.append((m.start(), m.end(), row["metric"]))
                break
    return sorted(set(spans))


def sample_examples() -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Every line with a digit of each sample report, its gold figures tagged."""
    out = []
    for path in sorted((ROOT / "data" / "raw").glob("*.txt")):
        gold_file = ROOT / "data" / "gold" / path.stem / "metrics.json"
        if not gold_file.exists():
            continue
        doc, _ = read_document(path.read_bytes(), str(path))
        gold = json.loads(gold_file.read_text("utf-8"))
        out += [(line, _tagged(line, gold)) for line in doc.text.split("\n") if _NUMBER.search(line)]
    return out


def main() -> None:
    write_corpus(sample_examples() + template_examples(1200), prefix="facts_", spans_key="sc")


if __name__ == "__main__":
    main()
