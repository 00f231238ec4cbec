"""A run's start imports no heavy library: pyarrow, numpy, PIL and DuckDB come when the first
document or the end of the run needs them (workers forked after the warm-up share them)."""

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
