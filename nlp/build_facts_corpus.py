"""Build the fact-mention training corpus (`nlp/corpus/facts_{train,dev}.spacy`) from the repository alone.

The fact model tags the number of a figure with the contract metric it states (labels are metric
names, `FACT_LABELS`): procedures and dossiers by status and channel, staff, devices present or
lacking, documents issued. Two sources, both deterministic (seeded):
- the sample reports (`data/raw/*.txt`): every line with a digit, the numbers of the gold metric
  rows (`data/gold/<seed>/metrics.json`, whose `text` is the evidence) tagged, the other numbers
  left untagged so the model learns what is not one of its figures;
- sentences from templates with other figures: half written here in the reports' style (with
  negatives), half the samples' own evidence phrases with their figures replaced.

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
    "procedures_total": (
        "Tổng số TTHC thuộc thẩm quyền giải quyết của xã được niêm yết công khai: {n} thủ tục.",
        "Xã đang thực hiện {n} thủ tục hành chính, trong đó {x} thủ tục toàn trình.",
    ),
    "procedures_online_partial": (
        "Số dịch vụ công trực tuyến một phần: {n} thủ tục.",
        "Trong đó toàn trình {x} thủ tục, một phần {n} thủ tục.",
    ),
    "procedures_direct": (
        "Số thủ tục chỉ thực hiện trực tiếp: {n} thủ tục.",
        "- Thủ tục thực hiện trực tiếp tại Trung tâm: {n} TTHC.",
    ),
    "procedures_partial_or_direct": (
        "Trong đó toàn trình {x}, một phần, trực tiếp {n} thủ tục.",
    ),
    "dossiers_received_online": (
        "Tiếp nhận {y} hồ sơ, trong đó trực tuyến {n} hồ sơ.",
        "- Số hồ sơ nộp trực tuyến: {n} hồ sơ, đạt {x}%.",
    ),
    "dossiers_received_online_full": (
        "Số hồ sơ nộp trực tuyến toàn trình: {n} hồ sơ.",
        "Trong đó trực tuyến toàn trình {n} hồ sơ, trực tuyến một phần {x} hồ sơ.",
    ),
    "dossiers_received_online_partial": (
        "Số hồ sơ trực tuyến một phần: {n} hồ sơ.",
        "Trực tuyến toàn trình {x} hồ sơ, trực tuyến một phần {n} hồ sơ.",
    ),
    "dossiers_received_direct": (
        "Hồ sơ nộp trực tiếp và qua dịch vụ bưu chính công ích: {n} hồ sơ.",
        "Trong kỳ tiếp nhận {y} hồ sơ (trực tuyến {x}, trực tiếp {n} hồ sơ).",
    ),
    "dossiers_carried_over": (
        "Số hồ sơ kỳ trước chuyển sang: {n} hồ sơ.",
        "Tiếp nhận mới {x} hồ sơ, từ kỳ trước chuyển qua {n} hồ sơ.",
    ),
    "dossiers_total": (
        "Tổng cộng số hồ sơ phải giải quyết trong kỳ: {n} hồ sơ.",
    ),
    "dossiers_resolved": (
        "Số hồ sơ đã giải quyết: {n} hồ sơ, trong đó đúng hạn {x} hồ sơ.",
        "Trong tuần đã giải quyết xong {n} hồ sơ.",
    ),
    "dossiers_resolved_early": (
        "Giải quyết trước hạn {n} hồ sơ, đúng hạn {x} hồ sơ.",
        "- Số hồ sơ giải quyết trước hạn: {n} hồ sơ.",
    ),
    "dossiers_in_progress": (
        "Số hồ sơ đang giải quyết: {n} hồ sơ.",
        "Hiện còn {n} hồ sơ đang xử lý, chưa đến hạn trả kết quả.",
    ),
    "dossiers_in_progress_on_time": (
        "Đang giải quyết trong hạn: {n} hồ sơ.",
    ),
    "dossiers_in_progress_overdue": (
        "Số hồ sơ quá hạn đang xử lý: {n} hồ sơ.",
        "Đang giải quyết {y} hồ sơ, trong đó quá hạn {n} hồ sơ.",
    ),
    "dossiers_withdrawn": (
        "Số hồ sơ công dân rút: {n} hồ sơ.",
        "Trả lại, rút hồ sơ: {n} hồ sơ.",
    ),
    "dossiers_received_late": (
        "Tổng số hồ sơ chậm được tiếp nhận trên hệ thống: {n} hồ sơ.",
    ),
    "staff_quota": (
        "Tổng biên chế được giao là {n} người, có mặt {x} người.",
    ),
    "staff_present": (
        "Biên chế giao {x}, hiện có mặt {n} cán bộ, công chức.",
    ),
    "it_staff": (
        "Xã có {n} công chức phụ trách công nghệ thông tin.",
        "Số cán bộ chuyên trách công nghệ thông tin: {n} người.",
    ),
    "community_digital_teams": (
        "Toàn xã đã thành lập {n} Tổ công nghệ số cộng đồng với {x} thành viên.",
        "- Số Tổ công nghệ số cộng đồng: {n} tổ.",
    ),
    "scanners_total": (
        "Bộ phận một cửa được trang bị {n} máy scan.",
        "Hiện có {x} máy tính, {n} máy scan và {y} máy in.",
    ),
    "printers_total": (
        "Cơ quan có {n} máy in phục vụ công tác chuyên môn.",
        "Hiện có {x} máy tính, {y} máy scan và {n} máy in.",
    ),
    "computers_lacking": (
        "Trung tâm còn thiếu {n} máy tính để phục vụ người dân.",
    ),
    "scanners_lacking": (
        "Bộ phận một cửa còn thiếu {n} máy scan tốc độ cao.",
    ),
    "printers_lacking": (
        "Các thôn còn thiếu {n} máy in.",
    ),
    "dedicated_lines": (
        "Xã có {n} đường truyền số liệu chuyên dùng kết nối với tỉnh.",
    ),
    "video_conference_sets": (
        "Được trang bị {n} bộ thiết bị họp trực tuyến.",
    ),
    "documents_issued": (
        "Trong kỳ, UBND xã đã ban hành {n} văn bản chỉ đạo về chuyển đổi số.",
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
    """`n` filled templates (one in four a negative; half of the rest the samples' own wordings),
    the same for the same seed."""
    rng = random.Random(seed)
    written = [(t, label) for label in sorted(TEMPLATES) for t in TEMPLATES[label]]
    evidence = evidence_templates()
    out = []
    for i in range(n):
        if i % 4 == 3:
            out.append(_fill(rng.choice(NEGATIVES), None, rng))
        else:
            template, label = rng.choice(evidence if i % 2 and evidence else written)
            out.append(_fill(template, label, rng))
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


def evidence_templates() -> list[tuple[str, str]]:
    """(template, label) from the samples' gold: each evidence phrase with its figure as `{n}`
    and its other numbers as `{x}`, so the sample wordings are also learnt with other values."""
    out = []
    for path in sorted((ROOT / "data" / "raw").glob("*.txt")):
        gold_file = ROOT / "data" / "gold" / path.stem / "metrics.json"
        for row in json.loads(gold_file.read_text("utf-8")) if gold_file.exists() else []:
            if row["metric"] not in FACT_LABELS or "{" in row["text"]:
                continue
            numbers = [m for m in _NUMBER.finditer(row["text"])]
            own = next((m for m in numbers if parse_vn_number(m.group()) == row["value"]), None)
            if own is None:
                continue
            template = "".join(
                ("{n}" if m is own else "{x}") + row["text"][m.end() : numbers[i + 1].start() if i + 1 < len(numbers) else None]
                for i, m in enumerate(numbers))
            out.append((row["text"][: numbers[0].start()] + template, row["metric"]))
    return sorted(set(out))


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
    write_corpus(sample_examples() + template_examples(2400), prefix="facts_", spans_key="sc")


if __name__ == "__main__":
    main()
