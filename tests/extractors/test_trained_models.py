"""spaCy as the pipeline loads it: without its command line, which stays importable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_PROBE = """
import sys
from extractors.trained_models import spacy_module
spacy = spacy_module()
assert spacy.blank("xx")("xã Phượng Tiến")[0].text == "xã"
assert "spacy.cli" not in sys.modules and "typer" not in sys.modules and "weasel" not in sys.modules
assert spacy_module() is spacy
import spacy.cli
assert callable(spacy.cli.train.train_cli) and spacy.cli.info.__module__ == "spacy.cli.info" and "typer" in sys.modules
print("ok")
"""


def test_spacy_loads_without_its_command_line_and_the_command_line_still_imports() -> None:
    # a fresh interpreter: the test session may have imported spaCy already
    done = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
