"""`make eval`'s section for the scanned and legacy-encoded renditions of the samples
(`data/renditions`, built by `scripts/build_scans.py`): per-field scores of each rendition next
to the text versions it was made from, the OCR character error rate against the text layer, and
what OCR costs (seconds per page, share of the time spent on the scans).

A rendition is named `<seed>.<variant>.<ext>` (`003_...scan300.pdf`, `003_....tcvn3.txt`) and
scored on the gold of `<seed>`; the text versions are the sample's own `.pdf` and `.txt`."""

from __future__ import annotations

import difflib
import time
from pathlib import Path

from pipeline.evaluate import Report, _score_document, _table
from pipeline.ingest.pdf import ocr
from pipeline.options import Options
from pipeline.run import DocResult, process_file

CER_TARGET = 0.02


def _text(result: DocResult) -> str:
    texts = result.tables.get("texts")
    return " ".join(texts.column("text")[0].as_py().split()) if texts is not None and texts.num_rows else ""


def char_errors(got: str, ref: str) -> int:
    """Character edits from `got` to `ref` (difflib's alignment: an upper bound of the edit distance)."""
    ops = difflib.SequenceMatcher(None, got, ref, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")


def _value(result: DocResult, column: str) -> float:
    docs = result.tables.get("documents")
    value = docs.column(column)[0].as_py() if docs is not None and docs.num_rows else None
    return float(value or 0)


_OPTIONS = Options(ocr_cache=str(Path(__file__).resolve().parents[1] / "build" / "ocr-cache"))
"""Scans read with an OCR cache kept in the checkout's `build/` (ignored by git): a repeated eval
skips Tesseract and scores the same readings."""


def evaluate_renditions(folder: Path, raw: Path, gold: Path) -> str:
    """The printed section: scores per variant, CER and OCR cost."""
    report = Report()
    errors: dict[str, list[int]] = {}
    pages = ocr_seconds = scan_seconds = 0.0
    references: dict[Path, str] = {}
    for path in sorted(folder.iterdir()):
        seed, _, variant = path.stem.partition(".")
        original = raw / f"{seed}{path.suffix}"
        if not variant or not (gold / seed).is_dir() or not original.exists():
            continue
        started, before = time.perf_counter(), ocr.TIMING.seconds
        result = process_file(path, _OPTIONS)
        elapsed = time.perf_counter() - started
        fmt = f"{variant}.{path.suffix.lstrip('.')}"
        _score_document(report, result, gold / seed, fmt, f"{path.name}:")
        if original not in references:
            text_version = process_file(original)
            references[original] = _text(text_version)
            _score_document(report, text_version, gold / seed, path.suffix.lstrip("."), f"{original.name}:")
        if variant.startswith("scan"):
            pages += _value(result, "ocr_pages")
            scan_seconds += elapsed
            ocr_seconds += ocr.TIMING.seconds - before
            got, ref = _text(result), references[original]
            errors.setdefault(variant, [0, 0])
            errors[variant][0] += char_errors(got, ref)
            errors[variant][1] += len(ref)
    if not report.scores:
        return "no renditions (run scripts/build_scans.py)"
    formats = sorted({fmt for _, fmt in report.scores})
    out = ["Per field (precision, recall, F1 per input format):", *_table(report.scores, formats), ""]
    for variant, (wrong, total) in sorted(errors.items()):
        cer = wrong / max(total, 1)
        target = f" (target {CER_TARGET:.0%}: {'met' if cer <= CER_TARGET else 'NOT met'})" if variant == "scan300" else ""
        out.append(f"OCR character error rate {variant}: {cer:.2%} of {total} characters against the text layer{target}")
    if pages:
        out.append(f"OCR: {pages:.0f} pages, {ocr_seconds / pages:.2f} s a page; OCR is {ocr_seconds / scan_seconds:.0%} "
                   f"of the time spent on the scans ({scan_seconds:.1f} s)")
    return "\n".join(out)
