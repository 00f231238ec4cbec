"""Build the NER training corpus (`nlp/corpus/{train,dev}.spacy`) from the repository alone.

Two sources, both deterministic (seeded), so `make model` rebuilds the same model:
- the sample reports (`data/raw/*.txt`) with their hand-checked entity gold
  (`data/gold/<seed>/entities.json`, offsets into the normalised text), one line per example;
- sentences written from templates in the reports' style, filled with real unit names from
  the official list (`vietnam-provinces`) and people's names composed from common family,
  middle and given names, so the model sees names anywhere, not only under a signature.

The development reports (`data/dev`) are never used here: `make eval` scores the model on
them. spaCy's own dev split (for picking the best checkpoint) is every fifth example."""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from vietnam_provinces import Province, Ward

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.build import read_document  # noqa: E402

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "La", "Lò", "Hà", "Đinh", "Lương", "Triệu", "Mai", "Trịnh")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Ngọc", "Đình", "Xuân", "Công", "Thu", "Kim", "Bá")
GIVEN = ("Hưng", "Huệ", "Lâm", "Mai", "Toàn", "Hà", "Lan", "Nam", "Tuấn", "Dũng", "Hùng", "Hạnh", "Phương", "Thảo",
         "Long", "Sơn", "Tiến", "Hoa", "Bình", "Cường", "Quân", "Linh", "Trang", "Hiếu", "Khánh", "Yến", "Thắng")
POSITIONS = ("Chủ tịch", "Phó Chủ tịch", "Bí thư", "Phó Bí thư", "công chức Văn hóa - Xã hội",
             "công chức Tư pháp - Hộ tịch", "Giám đốc", "Trưởng thôn")

TEMPLATES = (
    "Đồng chí {PER}, {pos} phụ trách công tác chuyển đổi số của {ORG}.",
    "Giao {PER} ({pos}) làm đầu mối hướng dẫn người dân tại {LOC}.",
    "{ORG} phân công ông {PER} theo dõi, tổng hợp số liệu báo cáo {ORG2}.",
    "Bà {PER} được cử tham gia lớp bồi dưỡng kỹ năng số do {ORG2} tổ chức.",
    "Kính gửi: {ORG2}.",
    "Thực hiện Công văn của {ORG2} về việc báo cáo kết quả thực hiện Kế hoạch 02-KH/BCĐTW, {ORG} báo cáo như sau:",
    "Tổ công nghệ số cộng đồng tại {LOC} do {PER} làm tổ trưởng đã hỗ trợ người dân cài đặt ứng dụng.",
    "{PER} - {pos}",
    "Trên đây là báo cáo của {ORG}, kính gửi {ORG2} tổng hợp./.",
    "Hiện nay {LOC} còn một số thôn sóng di động yếu, {ORG} đề nghị {ORG2} hỗ trợ.",
    "Người ký: {PER}",
    "{LOC}, ngày 15 tháng 10 năm 2025",
)
BODY_OF_COMMUNE = ("UBND", "Ủy ban nhân dân", "Đảng ủy", "HĐND", "Ủy ban MTTQ Việt Nam", "Trung tâm Phục vụ hành chính công")
BODY_OF_PROVINCE = ("UBND", "Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Nội vụ", "Tỉnh ủy", "Ban Thường vụ Tỉnh ủy")


def _person(rng: random.Random) -> str:
    return " ".join((rng.choice(FAMILY), rng.choice(MIDDLE), rng.choice(GIVEN)))


def _fill(template: str, rng: random.Random, wards: list, provinces: list) -> tuple[str, list[tuple[int, int, str]]]:
    ward, province = rng.choice(wards), rng.choice(provinces)
    commune = ward.name.split(" ", 1)[1] if " " in ward.name else ward.name
    kind = ward.name.split(" ", 1)[0].lower()
    city = province.name.startswith("Thành phố ")
    prov_kind, prov_name = ("thành phố", province.name[10:]) if city else ("tỉnh", province.name)
    values = {
        "PER": (_person(rng), "PER"),
        "ORG": (f"{rng.choice(BODY_OF_COMMUNE)} {kind} {commune}", "ORG"),
        "ORG2": (f"{rng.choice(BODY_OF_PROVINCE)} {prov_kind} {prov_name}", "ORG"),
        "LOC": (f"{kind} {commune}" if "{LOC}," not in template else commune, "LOC"),
        "pos": (rng.choice(POSITIONS), ""),
    }
    return fill_template(template, values.__getitem__)


def fill_template(template: str, value_of: Callable[[str], tuple[str, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """The template with each `{key}` replaced by `value_of(key)` = (text, label); the spans of
    the values with a label."""
    text, spans = "", []
    for part in template.replace("{", "\0{").split("\0"):
        if part.startswith("{"):
            key, rest = part[1:].split("}", 1)
            value, label = value_of(key)
            if label:
                spans.append((len(text), len(text) + len(value), label))
            text += value + rest
        else:
            text += part
    return text, spans


def template_examples(n: int, seed: int = 0) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """`n` filled templates, the same for the same seed."""
    rng = random.Random(seed)
    wards = sorted(Ward.iter_all(), key=lambda w: int(w.code))
    provinces = sorted(Province.iter_all(), key=lambda p: int(p.code))
    return [_fill(rng.choice(TEMPLATES), rng, wards, provinces) for _ in range(n)]


def sample_examples() -> list[tuple[str, list[tuple[int, int, str]]]]:
    """One example per line of each sample report, with the gold spans on that line."""
    out = []
    for path in sorted((ROOT / "data" / "raw").glob("*.txt")):
        gold_file = ROOT / "data" / "gold" / path.stem / "entities.json"
        if not gold_file.exists():
            continue
        doc, _ = read_document(path.read_bytes(), str(path))
        gold = json.loads(gold_file.read_text("utf-8"))
        pos = 0
        for line in doc.text.split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            if line.strip():
                spans = [(g["start"] - start, g["end"] - start, g["label"]) for g in gold if start <= g["start"] and g["end"] <= end]
                out.append((line, spans))
    return out


def to_doc(nlp: spacy.Language, text: str, spans: list[tuple[int, int, str]]) -> Doc | None:
    """The example as a spaCy Doc; None when a span does not fall on token boundaries."""
    doc = nlp.make_doc(text)
    ents = [doc.char_span(s, e, label=label) for s, e, label in spans]
    if any(ent is None for ent in ents):
        return None
    doc.ents = [ent for ent in ents if ent is not None]
    return doc


def write_corpus(examples: list[tuple[str, list[tuple[int, int, str]]]], prefix: str = "", spans_key: str | None = None) -> None:
    """`nlp/corpus/<prefix>{train,dev}.spacy` from the examples (every fifth to dev); with
    `spans_key` the spans also go to that span group (what a span categorizer learns from)."""
    nlp = spacy.blank("xx")
    train, dev = DocBin(), DocBin()
    skipped = 0
    for i, (text, spans) in enumerate(examples):
        doc = to_doc(nlp, text, spans)
        if doc is None:
            skipped += 1
            continue
        if spans_key:
            doc.spans[spans_key] = list(doc.ents)
        (dev if i % 5 == 4 else train).add(doc)
    out = ROOT / "nlp" / "corpus"
    out.mkdir(parents=True, exist_ok=True)
    train.to_disk(out / f"{prefix}train.spacy")
    dev.to_disk(out / f"{prefix}dev.spacy")
    print(f"{len(train)} train, {len(dev)} dev examples; {skipped} skipped (span not on token boundaries)")


def main() -> None:
    write_corpus(sample_examples() + template_examples(1500))


if __name__ == "__main__":
    main()
