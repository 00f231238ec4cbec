"""Scanned and legacy-encoded renditions of the samples, for `make eval` (data/renditions/).

- `<seed>.scan150.pdf`, `<seed>.scan300.pdf`: every page of the sample PDF rendered at 150 and
  300 dpi, turned by a fraction of a degree, with scanner noise, saved back as an image-only PDF
  (black and white, as office scanners save a document: small files, ragged edges, specks), so the
  text must be read by OCR;
- `<seed>.tcvn3.txt`, `<seed>.vni.txt`: the sample TXT typed in the legacy TCVN3 (.VnTime) and
  VNI-Times font encodings, as the bytes such a file holds (Windows code page 1252);
- `<seed>.viscii.txt`: the sample TXT saved in VISCII (RFC 1456);
- `<seed>.vntime.docx`: the sample DOCX retyped in the ABC fonts: every run set in `.VnTime`
  and its text in TCVN3 codes, runs all in capitals in `.VnTimeH` (the capitals font, whose codes
  are those of the lower-case letters), as Word files from before Unicode are.

Deterministic (seeded noise), so running it again gives the same files. Run from the repository
root: `.venv/bin/python scripts/build_scans.py`."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.ingest.legacy_encodings import encode, encode_viscii  # noqa: E402

RAW = ROOT / "data" / "raw"
OUT = ROOT / "data" / "renditions"
DPIS = (150, 300)
THRESHOLD = 150
"""Grey level under which a pixel turns black (a scanner's black-and-white mode)."""
NOISE = 12.0
"""Standard deviation of the scanner noise, in grey levels."""


def scanned_page(page: pdfium.PdfPage, dpi: int, rng: np.random.Generator) -> Image.Image:
    """One page as a scanner would see it: rendered, turned, blurred a little, with noise."""
    image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    image = image.rotate(rng.uniform(-0.8, 0.8), resample=Image.Resampling.BILINEAR, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(0.4 * dpi / 150))
    pixels = np.asarray(image, dtype=np.int16) + rng.normal(0, NOISE, (image.height, image.width))
    return Image.fromarray(np.where(pixels > THRESHOLD, 255, 0).astype(np.uint8), "L").convert("1")


def scan(data: bytes, dpi: int, seed: int) -> bytes:
    """An image-only PDF of the document's pages."""
    rng = np.random.default_rng(seed)
    pdf = pdfium.PdfDocument(data)
    pages = [scanned_page(pdf[i], dpi, rng) for i in range(len(pdf))]
    pdf.close()
    buf = io.BytesIO()
    pages[0].save(buf, "PDF", save_all=True, append_images=pages[1:], resolution=dpi)
    return buf.getvalue()


def vntime_docx(data: bytes) -> bytes:
    """The DOCX with every run retyped in `.VnTime`/`.VnTimeH` (body, tables, headers, footers)."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(data))
    parts = [document.element.body]
    for section in document.sections:
        parts += [section.header._element, section.footer._element]
    for part in parts:
        for run in part.iter(qn("w:r")):
            texts = list(run.iter(qn("w:t")))
            whole = "".join(t.text or "" for t in texts)
            capitals = any(c.isalpha() for c in whole) and whole == whole.upper()
            for t in texts:
                if t.text:
                    t.text = encode(t.text.lower() if capitals else t.text, "TCVN3")
            fonts = run.get_or_add_rPr().get_or_add_rFonts()
            for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
                fonts.set(qn(attribute), ".VnTimeH" if capitals else ".VnTime")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for k, pdf in enumerate(sorted(RAW.glob("*.pdf"))):
        for dpi in DPIS:
            target = OUT / f"{pdf.stem}.scan{dpi}.pdf"
            target.write_bytes(scan(pdf.read_bytes(), dpi, seed=1000 * k + dpi))
            print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KiB")
    for txt in sorted(RAW.glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        for name in ("TCVN3", "VNI"):
            target = OUT / f"{txt.stem}.{name.lower()}.txt"
            target.write_bytes(encode(text, name).encode("cp1252", errors="replace"))
            print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KiB")
        target = OUT / f"{txt.stem}.viscii.txt"
        target.write_bytes(encode_viscii(text))
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KiB")
    for source in sorted(RAW.glob("*.docx")):
        target = OUT / f"{source.stem}.vntime.docx"
        target.write_bytes(vntime_docx(source.read_bytes()))
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
