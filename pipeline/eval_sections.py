"""The sections `make eval` prints, one per kind of data, each scored the way its protocol allows.

- samples (`data/raw`) and development reports (`data/dev`): the rules were written from them; scores per
  field and format, every miss with `-v`.
- `../shared/realdev`: real text, read its misses and write general rules; scored by its own `score.py`
  (its gold layout differs), misses with `-v`.
- the sealed split (`data/sealed`): annotated by someone who did not read the extractors; only aggregate
  scores are printed, never a miss, so that nobody tunes on it."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pipeline.eval_renditions import evaluate_renditions
from pipeline.evaluate import evaluate

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Section:
    title: str
    inputs: Path
    gold: Path
    show_misses: bool
    contract_only: bool = False


def sections(root: Path = ROOT) -> list[Section]:
    """The gold-annotated sets of this repository, in the order they are printed."""
    gold = root / "data" / "gold"
    return [
        Section("samples (data/raw)", root / "data" / "raw", gold, True),
        Section("development reports (data/dev)", root / "data" / "dev", gold, True),
        Section("sealed split (data/sealed): aggregate scores only, misses are never printed",
                root / "data" / "sealed" / "docs", root / "data" / "sealed" / "gold", False, contract_only=True),
    ]


def realdev_folder(root: Path = ROOT) -> Path | None:
    """`../shared/realdev` beside the repository (or beside the worktrees folder), or $BAOCAO_REALDEV."""
    candidates = [Path(os.environ["BAOCAO_REALDEV"])] if os.environ.get("BAOCAO_REALDEV") else []
    candidates += [root.parent / "shared" / "realdev", root.parent.parent / "shared" / "realdev"]
    return next((c for c in candidates if (c / "score.py").is_file() and (c / "docs").is_dir()), None)


def score_realdev(folder: Path, verbose: bool) -> str:
    """Extract the realdev documents with the `baocao` command and score them with the folder's own
    `score.py`, so that this section prints exactly what that scorer prints."""
    with tempfile.TemporaryDirectory(prefix="baocao-realdev-") as tmp:
        out = Path(tmp) / "out"
        extract = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(folder / "docs"),
                                  "-o", str(out), "-q"], cwd=ROOT, capture_output=True, text=True)
        if not (out / "documents").exists() and not (out / "documents.parquet").exists():
            return f"extraction failed (exit {extract.returncode}): {extract.stderr.strip()}"
        scored = subprocess.run([sys.executable, str(folder / "score.py"), str(out), *(["-v"] if verbose else [])],
                                cwd=ROOT, capture_output=True, text=True)
        return (scored.stdout + scored.stderr).rstrip()


def evaluate_all(verbose: bool = False, root: Path = ROOT) -> str:
    """Every section that exists here, each under its own heading."""
    out: list[str] = []
    listed = sections(root)
    for section in listed[:2]:
        out += _section(section, verbose)
    realdev = realdev_folder(root)
    if realdev is not None:
        out += [f"== real development texts ({realdev}): scored by its score.py ==", score_realdev(realdev, verbose), ""]
    else:
        out += ["== real development texts (../shared/realdev): not present, skipped ==", ""]
    out += _section(listed[2], verbose)
    renditions = root / "data" / "renditions"
    if renditions.is_dir():
        out += ["== scanned (150, 300 dpi) and legacy-encoded (TCVN3, VNI, VISCII TXT; .VnTime DOCX) renditions of the samples (data/renditions) ==",
                evaluate_renditions(renditions, root / "data" / "raw", root / "data" / "gold"), ""]
    return "\n".join(out)


def _section(section: Section, verbose: bool) -> list[str]:
    if not section.inputs.is_dir() or not section.gold.is_dir():
        return [f"== {section.title}: not present, skipped ==", ""]
    text = evaluate(section.inputs, section.gold, verbose=verbose and section.show_misses,
                    contract_only=section.contract_only)
    return [f"== {section.title} ==", text, ""]
