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
          "Dương", "Lý", "La", "Lò", "Hà", "Đinh", "Lương", "Triệu", "Mai", "Trịnh", "Lưu", "Phùng", "Tạ", "Đào",
          "Cao", "Lâm", "Quách", "Chu", "Nông", "Bế", "Tòng", "Cầm", "Lường", "Quàng", "Vi", "Ninh", "Khúc")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Ngọc", "Đình", "Xuân", "Công", "Thu", "Kim", "Bá",
          "Hoàng", "Thị Thanh", "Thị Ngọc", "Văn Minh", "Thị Bích", "Đức Anh")
GIVEN = ("Hưng", "Huệ", "Lâm", "Mai", "Toàn", "Hà", "Lan", "Nam", "Tuấn", "Dũng", "Hùng", "Hạnh", "Phương", "Thảo",
         "Long", "Sơn", "Tiến", "Hoa", "Bình", "Cường", "Quân", "Linh", "Trang", "Hiếu", "Khánh", "Yến", "Thắng",
         "Diệp", "Thủy", "Tâm", "Khôi", "Thịnh", "Xuân", "Kim", "Pánh", "Nhung", "Quyết", "Chiến", "Oanh")
HIGHLAND = (("Giàng", "Sùng", "Vàng", "Thào", "Mùa", "Lầu", "Hầu", "Chang", "Ly", "Lù", "Tẩn", "Chảo"),
            ("A", "Seo", "Thị", "Văn", "Mí"), ("Sử", "Chứ", "Páo", "Lử", "Dế", "Chá", "Mỷ", "Dính", "Pó", "Sính", "Tủa"))
"""Hmông and Dao names: family, the middle `A`/`Seo`/`Mí`, a given name."""
EDE = (("Y", "H'"), ("Hoang", "Jút", "Bhiông", "Kông", "Yim", "Blim"), ("Niê", "Mlô", "Êban", "Byă", "Knul", "Ayŭn"))
"""Êđê and M'nông names: `Y` (men) or `H'` (women), a given name, the family last."""
POSITIONS = ("Chủ tịch", "Phó Chủ tịch", "Bí thư", "Phó Bí thư", "công chức Văn hóa - Xã hội",
             "công chức Tư pháp - Hộ tịch", "Giám đốc", "Trưởng thôn", "tổ trưởng", "công chức Văn phòng - Thống kê",
             "Trưởng ban", "Phó Giám đốc Trung tâm Phục vụ hành chính công")
VILLAGE_KINDS = ("thôn", "bản", "xóm", "ấp", "buôn", "khu phố", "tổ dân phố")
TOPICS = ("chuyển đổi số", "Đề án 06", "cải cách hành chính")

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
    "Công chức {PER} phụ trách tiếp nhận hồ sơ trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.",
    "Trong tháng, {PER} ở {VIL} đã giúp 25 hộ gia đình cài đặt ứng dụng VNeID.",
    "{PER}, {pos}, trực tiếp chỉ đạo các tổ công nghệ số tại {VIL} và {VIL2}.",
    "Thành viên tổ gồm: {PER}, {PER2} và {PER3}.",
    "Một số công chức như {PER}, {PER2} phải kiêm nhiệm nhiều việc.",
    "Tại {VIL}, {PER} đã lập nhóm Zalo để gửi thông báo tới từng hộ.",
    "Sóng di động tại {VIL} và {VIL2} còn chập chờn; {ORG2} đã khảo sát lắp trạm mới.",
    "{ORG} giao {PER} chủ trì, phối hợp với {PER2} rà soát dữ liệu dân cư.",
    "Cán bộ {PER} nghỉ ốm dài ngày nên {VIL} thiếu người hỗ trợ người dân.",
    "Thầy giáo {PER} được mời hướng dẫn học sinh sử dụng mạng an toàn.",
    "Mô hình của {VIL} do {PER} làm đầu mối được nhân rộng ra {VIL2}.",
    "{PER} ({pos}) và {PER2} tham gia trực hỗ trợ tại Bộ phận một cửa.",
    "{BCD} {topic} {LOC} do đồng chí {PER} làm Trưởng ban đã họp phân công nhiệm vụ.",
    "{pos} {ORG} - {PER} báo cáo tại buổi làm việc.",
    "Đồng chí {PER} – {pos} {ORG} chủ trì hội nghị.",
    "Phát biểu kết luận, đồng chí {pos} {ORG} - {PER} nhấn mạnh yêu cầu chuyển đổi số.",
    "Tham dự có đồng chí {PER}, {pos} {ORG}; đồng chí {PER2}, {pos} {ORG2}.",
    "Ông {PER}, {pos} {ORG} cho biết, xã đã số hóa toàn bộ hồ sơ.",
    "Theo bà {PER}, {pos} {ORG}, người dân đã quen nộp hồ sơ trực tuyến.",
    "{ORG2} trao tặng máy tính cho {LOC}. Ảnh: {PER}",
    "Đoàn công tác {ORG2} do đồng chí {PER} - {pos} dẫn đầu làm việc với {LOC}.",
)
BODY_OF_COMMUNE = ("UBND", "Ủy ban nhân dân", "Đảng ủy", "HĐND", "Ủy ban MTTQ Việt Nam", "Trung tâm Phục vụ hành chính công",
                   "Công an", "Hội Nông dân", "Đoàn Thanh niên")
BODY_OF_PROVINCE = ("UBND", "Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Nội vụ", "Tỉnh ủy", "Ban Thường vụ Tỉnh ủy",
                    "Viettel", "VNPT")


def _person(rng: random.Random) -> str:
    style = rng.random()
    if style < 0.15:
        return " ".join(rng.choice(part) for part in HIGHLAND)
    if style < 0.2:
        return " ".join(rng.choice(part) for part in EDE)
    return " ".join((rng.choice(FAMILY), rng.choice(MIDDLE), rng.choice(GIVEN)))


def _village(rng: random.Random, syllables: list[str]) -> str:
    kind = rng.choice(VILLAGE_KINDS)
    if kind in ("khu phố", "tổ dân phố") and rng.random() < 0.6 or rng.random() < 0.2:
        return f"{kind} {'số ' if kind == 'tổ dân phố' and rng.random() < 0.5 else ''}{rng.randint(1, 30)}"
    return f"{kind} {rng.choice(syllables)} {rng.choice(syllables)}"


def _fill(template: str, rng: random.Random, wards: list, provinces: list, syllables: list[str]) -> tuple[str, list[tuple[int, int, str]]]:
    ward, province = rng.choice(wards), rng.choice(provinces)
    commune = ward.name.split(" ", 1)[1] if " " in ward.name else ward.name
    kind = ward.name.split(" ", 1)[0].lower()
    city = province.name.startswith("Thành phố ")
    prov_kind, prov_name = ("thành phố", province.name[10:]) if city else ("tỉnh", province.name)
    values = {
        "PER": (_person(rng), "PER"), "PER2": (_person(rng), "PER"), "PER3": (_person(rng), "PER"),
        "ORG": (f"{rng.choice(BODY_OF_COMMUNE)} {kind} {commune}", "ORG"),
        "ORG2": (f"{rng.choice(BODY_OF_PROVINCE)} {prov_kind} {prov_name}", "ORG"),
        "BCD": ("Ban Chỉ đạo", "ORG"),  # its remit is not part of the name (`Ban Chỉ đạo` chuyển đổi số xã X)
        "LOC": (f"{kind} {commune}" if "{LOC}," not in template else commune, "LOC"),
        "VIL": (_village(rng, syllables), "LOC"), "VIL2": (_village(rng, syllables), "LOC"),
        "pos": (rng.choice(POSITIONS), ""), "topic": (rng.choice(TOPICS), ""),
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
    syllables = sorted({w for ward in wards for w in ward.name.split()[1:] if w[:1].isupper() and w.isalpha()})
    return [_fill(rng.choice(TEMPLATES), rng, wards, provinces, syllables) for _ in range(n)]


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
    write_corpus(sample_examples() + template_examples(3000))


if __name__ == "__main__":
    main()
