"""Build DOCX and PDF renditions of the real seed reports kept as text in data/raw.

Why this exists: provinces receive these reports as Word files laid out per Decree
30/2020/NĐ-CP and as PDFs exported from Word, but the real reports we hold are plain-text
dumps (data/raw/<stem>.txt). This script turns each seed into data/raw/<stem>.docx with the
official layout (header table, centred title, numbered sections, a real spec table, footer
table, page numbers from page 2) and exports that to data/raw/<stem>.pdf with LibreOffice, so
the pipeline's DOCX and PDF readers are tested on realistic files carrying exactly the seed's
words. The outputs are committed: tests and CI never need an office suite; rerun this script
only after changing a seed or the layout.

    .venv/bin/python scripts/build_samples.py

The DOCX is always built; the PDF only when `soffice` is on PATH. Every rendition is checked
to contain every word of its seed (markup aside); the script exits 1 when one does not.

How the seed text is read: `samples/seed.py`; the layout: `samples/docx_layout.py`; the judgement
calls: scripts/README.md. The parts are in `samples/`, one concern a module.
"""

from __future__ import annotations

import shutil
import sys
from collections import Counter
from pathlib import Path

from samples.docx_layout import build_docx
from samples.pdf_export import export_pdfs
from samples.seed import parse_report
from samples.word_check import check, docx_text, expected_words, pdf_text

RAW_DIR = Path(__file__).resolve().parents[1] / "data" / "raw"
SEEDS = ("000_3f443abda9bde363", "001_35ae03e1e9c7ec90", "003_eb674791f856846a")


def main() -> int:
    soffice = shutil.which("soffice")
    built: list[tuple[Counter[str], Path]] = []
    for stem in SEEDS:
        seed_text = (RAW_DIR / f"{stem}.txt").read_text(encoding="utf-8")
        report = parse_report(seed_text)
        docx_path = RAW_DIR / f"{stem}.docx"
        doc = build_docx(report)
        doc.core_properties.author = ""
        doc.core_properties.comments = f"Built by scripts/build_samples.py from data/raw/{stem}.txt"
        doc.save(str(docx_path))
        built.append((expected_words(seed_text, report), docx_path))
        print(f"wrote {docx_path.relative_to(RAW_DIR.parents[1])}")
    if soffice:
        export_pdfs([path for _, path in built], soffice)
        print(f"wrote the PDFs with {soffice}")
    else:
        print("soffice (LibreOffice) not found: DOCX rebuilt, PDFs left as they were", file=sys.stderr)
    complete = True
    for expected, docx_path in built:
        complete &= check(expected, docx_path, docx_text(docx_path))
        pdf_path = docx_path.with_suffix(".pdf")
        if pdf_path.exists():
            complete &= check(expected, pdf_path, pdf_text(pdf_path))
    print("every seed word is in every rendition" if complete else "some words were lost (see above)")
    return 0 if complete else 1


if __name__ == "__main__":
    sys.exit(main())
