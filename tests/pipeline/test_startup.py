"""A run's start imports no heavy library: pyarrow, numpy, PIL and DuckDB come when the first
document or the end of the run needs them (workers forked after the warm-up share them); the
extractors are imported by the first document that needs them, not before the first file is opened."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

HEAVY = ("pyarrow", "numpy", "PIL", "duckdb", "spacy")


def _imported_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint(' '.join(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_the_orchestration_modules_import_no_heavy_library():
    assert _imported_after("import pipeline.cli, pipeline.run, pipeline.stream, pipeline.run_records, "
                           "pipeline.executors.local, pipeline.executors.reuse, pipeline.isolated, pipeline.cache") == set()


def test_locking_a_new_output_folder_and_spooling_the_inputs_import_no_heavy_library(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("BÁO CÁO\n", "utf-8")
    code = (f"from pathlib import Path\nfrom pipeline.writer import OutputLock, new_run\n"
            f"from pipeline.inputs import iter_inputs\nfrom pipeline.stream import spool_inputs\n"
            f"out = Path({str(tmp_path / 'out')!r})\nOutputLock.take(out)\n_, partial = new_run(out)\n"
            f"spool = spool_inputs(partial, iter_inputs([Path({str(tmp_path / 'in')!r})]))\nassert len(spool[0]) == 1")
    assert _imported_after(code) == set()


BEFORE_FIRST_FILE = (*HEAVY, "extractors.metrics", "extractors.equipment", "schemas", "tqdm", "charset_normalizer",
                     "concurrent.futures.process", "importlib.metadata")
"""What a one-file run does not need before it opens its input (a UTF-8 text file, no progress bar, one job)."""


def test_a_one_file_extract_opens_its_input_before_the_extractors_and_pyarrow(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("ỦY BAN NHÂN DÂN XÃ A\nBÁO CÁO\nXã có 12 máy tính.\n", "utf-8")
    probe = (f"import os, sys\nseen = []\n"
             f"def hook(event, args):\n"
             f"    if not seen and event == 'open' and isinstance(args[0], str) and os.path.abspath(args[0]) == {str(report)!r}:\n"
             f"        seen.append(sorted(m for m in {BEFORE_FIRST_FILE!r} if m in sys.modules))\n"
             f"sys.addaudithook(hook)\nfrom pipeline.cli import main\n"
             f"status = main(['extract', {str(report)!r}, '-o', {str(tmp_path / 'out')!r}, '-q', '-j', '1'])\n"
             f"print(status, ' '.join(seen[0]), '|', ' '.join(m for m in ('extractors.metrics', 'pyarrow') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    at_open, _, at_end = out.stdout.strip().partition("|")
    assert at_open.split() == ["0"]  # exit status 0, and nothing of the list loaded when the input was opened
    assert at_end.split() == ["extractors.metrics", "pyarrow"]  # the document needed them afterwards
