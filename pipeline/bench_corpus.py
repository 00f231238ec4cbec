"""The benchmark corpus: N reports made by varying the samples, written once into a cache folder.

Each report is a sample TXT (`data/raw`) with another commune name, scaled numbers, shifted
years and its numbered sections in another order, written as TXT, DOCX (some figures as a
ruled table, some as prose) or a text-layer PDF; a small share are long PDFs (35-43 pages)
with a ruled table on most pages, like the provincial reports in `../shared/realdocs`.
The same (N, seed, shares) always gives the same files, so a folder is reused across runs.

    python -m pipeline.bench_corpus OUTDIR [-n 2000]
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import asdict, dataclass
from pathlib import Path

import regex as re

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "raw"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
GENERATOR_VERSION = 1
"""Bumped when the generator changes, so that an old cached corpus is not reused."""

COMMUNES = ("Phú Thịnh", "Tân Lập", "Hòa Bình", "Quang Trung", "Đông Sơn", "Xuân Phong", "Thạch Lâm",
            "Yên Mỹ", "Nghĩa Đàn", "Cẩm Khê", "Lộc An", "Vĩnh Hưng", "Tiên Lữ", "Đức Thọ", "Kim Sơn")
_COMMUNE = re.compile(r"(?<=\b(?:[Xx]ã|[Pp]hường) )[A-ZĐ]\w+(?: [A-ZĐ]\w+)?")
_NUMBER = re.compile(r"(?<![\d/.,-])\d{2,5}(?![\d/.,-]|\s*%)")
_YEAR = re.compile(r"\b202[3-6]\b")
_SECTION = re.compile(r"^\d+\. \S")
_FIGURE = re.compile(r"^(?:[-+•]\s*)?(?P<label>[^:]{6,80}):\s*(?P<value>\d[\d.,]*\s*\S*)\s*$")


@dataclass(frozen=True)
class Shares:
    """What share of the corpus each kind of file makes up (the rest is TXT)."""

    docx: float = 0.3
    pdf: float = 0.25
    long_pdf: float = 0.005


def _vary(lines: list[str], rng: random.Random) -> list[str]:
    """Another commune, scaled numbers, another year, sections in another order."""
    commune = rng.choice(COMMUNES)
    factor = rng.uniform(0.5, 1.8)
    year = str(rng.choice((2024, 2025, 2026)))
    out = []
    for line in lines:
        line = _COMMUNE.sub(commune, line)
        line = _NUMBER.sub(lambda m: str(max(1, round(int(m.group()) * factor))), line)
        out.append(_YEAR.sub(year, line).replace("\t", " "))
    starts = [i for i, line in enumerate(out) if _SECTION.match(line)]
    if len(starts) >= 3:
        bounds = starts + [len(out)]
        sections = [out[a:b] for a, b in zip(bounds, bounds[1:])]
        rng.shuffle(sections)
        out = out[: starts[0]] + [line for sec in sections for line in sec]
    return out


def _write_txt(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", "utf-8")


def _write_docx(path: Path, lines: list[str], as_table: bool) -> None:
    """Paragraphs; with `as_table`, each run of `label: value` lines becomes a ruled table."""
    import docx

    document = docx.Document()
    pending: list[tuple[str, str]] = []

    def flush() -> None:
        if pending:
            table = document.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for label, value in pending:
                cells = table.add_row().cells
                cells[0].text, cells[1].text = label, value
            pending.clear()

    for line in lines:
        figure = _FIGURE.match(line) if as_table else None
        if figure:
            pending.append((figure["label"].strip(), figure["value"].strip()))
            continue
        flush()
        document.add_paragraph(line)
    flush()
    document.save(str(path))


def _pdf():
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.add_font("DejaVu", style="B", fname=str(FONT.with_name("DejaVuSans-Bold.ttf")))
    pdf.set_font("DejaVu", size=11)
    pdf.set_auto_page_break(True, margin=20)
    return pdf


def _write_pdf(path: Path, lines: list[str]) -> None:
    pdf = _pdf()
    pdf.add_page()
    for line in lines:
        pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def _write_long_pdf(path: Path, lines: list[str], rng: random.Random) -> None:
    """35-43 pages: the report's text, then on most pages a ruled table of figures per unit."""
    pdf = _pdf()
    pdf.add_page()
    for line in lines:
        pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    pages = rng.randint(35, 43)
    while pdf.page_no() < pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, f"Phụ lục {pdf.page_no()}: kết quả thực hiện các chỉ tiêu chuyển đổi số theo đơn vị",
                       new_x="LMARGIN", new_y="NEXT")
        if rng.random() < 0.85:
            with pdf.table(col_widths=(10, 60, 25, 25, 30), line_height=6) as table:
                table.row(("STT", "Đơn vị", "Hồ sơ tiếp nhận", "Trực tuyến", "Tỷ lệ (%)"))
                for k in range(1, 26):
                    got = rng.randint(100, 5000)
                    online = rng.randint(0, got)
                    table.row((str(k), f"Xã {rng.choice(COMMUNES)}", f"{got:,}".replace(",", "."), str(online),
                               f"{100 * online / got:.2f}".replace(".", ",")))
        else:
            for line in lines[: 40]:
                pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def build_corpus(folder: Path, n: int = 2000, seed: int = 0, shares: Shares = Shares()) -> list[Path]:
    """Write (or reuse) the corpus of `n` reports in `folder`; return its files, sorted."""
    key = {"n": n, "seed": seed, "shares": asdict(shares), "generator": GENERATOR_VERSION}
    stamp = folder / "corpus.json"
    if stamp.exists() and json.loads(stamp.read_text("utf-8")) == key:
        return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".docx", ".pdf"))
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    seeds = [p.read_text("utf-8").splitlines() for p in sorted(SEEDS.glob("*.txt"))]
    rng = random.Random(seed)
    files = []
    for i in range(n):
        lines = _vary(rng.choice(seeds), rng)
        draw = rng.random()
        if draw < shares.long_pdf:
            path = folder / f"r{i:06d}.pdf"
            _write_long_pdf(path, lines, rng)
        elif draw < shares.long_pdf + shares.pdf:
            path = folder / f"r{i:06d}.pdf"
            _write_pdf(path, lines)
        elif draw < shares.long_pdf + shares.pdf + shares.docx:
            path = folder / f"r{i:06d}.docx"
            _write_docx(path, lines, as_table=rng.random() < 0.5)
        else:
            path = folder / f"r{i:06d}.txt"
            _write_txt(path, lines)
        files.append(path)
    stamp.write_text(json.dumps(key), "utf-8")
    return files


TINY = ("ỦY BAN NHÂN DÂN\nXÃ {commune}\n\nBÁO CÁO\nKết quả thực hiện chuyển đổi số tháng {month} năm 2025\n\n"
        "1. Trong tháng, xã tiếp nhận {received} hồ sơ, trong đó trực tuyến {online} hồ sơ.\n"
        "2. Xã hiện có {computers} máy tính để bàn và {printers} máy in.\n")


def build_tiny_corpus(folder: Path, n: int) -> list[Path]:
    """`n` short TXT reports (a header and two figures) in subfolders of 1,000: the scale test's
    corpus, where the number of documents, not their size, is what grows."""
    stamp = folder / "corpus.json"
    key = {"n": n, "tiny": True, "generator": GENERATOR_VERSION}
    if not (stamp.exists() and json.loads(stamp.read_text("utf-8")) == key):
        rng = random.Random(n)
        for i in range(n):
            sub = folder / f"{i // 1000:04d}"
            sub.mkdir(parents=True, exist_ok=True)
            received = rng.randint(20, 3000)
            (sub / f"t{i:07d}.txt").write_text(TINY.format(
                commune=rng.choice(COMMUNES).upper(), month=rng.randint(1, 12), received=received,
                online=rng.randint(0, received), computers=rng.randint(2, 30), printers=rng.randint(1, 9)), "utf-8")
        stamp.write_text(json.dumps(key), "utf-8")
    return sorted(folder.rglob("*.txt"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("-n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    print(f"{len(build_corpus(args.outdir, args.n, args.seed))} files in {args.outdir}")


if __name__ == "__main__":
    main()
